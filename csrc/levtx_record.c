/*
 * One event's fields into its Lua table, and the events modules' opening
 * (levtx_record.h).
 */
#include <stdlib.h>
#include <string.h>

#include "lcompat.h"
#include "levtx_record.h"

/* A decimal field as a number when it is one, else as the text. */
static void push_number_or_text(lua_State *L, const char *v, size_t n) {
  long long k;
  if (levtx_decimal(v, n, &k)) {
#if LUA_VERSION_NUM >= 503
    lua_pushinteger(L, (lua_Integer)k);
#else
    lua_pushnumber(L, (lua_Number)k);
#endif
    return;
  }
  lua_pushlstring(L, v, n);
}

/* Days since 1970-01-01 of a civil date, and back (Howard Hinnant's
 * algorithms, as events/time.lua has them). */
static long long days_from_civil(long long y, long long m, long long d) {
  long long era, yoe, doy, doe;
  if (m <= 2) y--;
  era = y / 400; /* y >= 1969 */
  yoe = y - era * 400;
  doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(long long z, long long *y, long long *m, long long *d) {
  long long era, doe, yoe, doy, mp;
  z += 719468;
  era = z / 146097; /* z >= 0 */
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2);
}

/* v in n decimal digits, zero-padded (v < 10^n): what "%0*lld" writes,
 * without printf's cost per record. */
static void put_digits(char *out, long long v, int n) {
  while (n-- > 0) {
    out[n] = (char)('0' + v % 10);
    v /= 10;
  }
}

/* The time as EVTX and event XML write it, "2016-07-08T18:12:51.681640800Z",
 * into seconds since 1970 and the canonical form with microseconds: the
 * same double and text as events/time.lua gives (its first form), so Lua
 * does not parse it again per record.  0 for any other text (Lua reads
 * it), or more than 15 digits of fraction (not exact as an integer over a
 * power of ten). */
int levtx_canonical_time(const char *s, size_t n, double *secs, char *out, size_t outsz) {
  long long y, mo, d, h, mi, se, f, whole, day, sod, usec;
  double frac, w, p = 1;
  size_t k, i;
  if (n < 22 || n > 20 + 15 || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
      s[13] != ':' || s[16] != ':' || s[19] != '.' || s[n - 1] != 'Z')
    return 0;
  k = n - 21;
  if (!levtx_decimal(s, 4, &y) || !levtx_decimal(s + 5, 2, &mo) ||
      !levtx_decimal(s + 8, 2, &d) || !levtx_decimal(s + 11, 2, &h) ||
      !levtx_decimal(s + 14, 2, &mi) || !levtx_decimal(s + 17, 2, &se) ||
      !levtx_decimal(s + 20, k, &f))
    return 0;
  /* (second 60 too: Lua tells a leap second from a bad time) */
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return 0;
  if (d > (mo == 2 ? (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28
           : (mo == 4 || mo == 6 || mo == 9 || mo == 11) ? 30 : 31))
    return 0; /* no such day: Lua says why */
  for (i = 0; i < k; i++) p *= 10;
  frac = (double)f / p; /* both exact: correctly rounded, as strtod is */
  *secs = (double)(days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se) + frac;
  if (*secs < 0) return 0; /* below: truncation is floor */
  /* finish() in time.lua, in the same doubles. */
  whole = (long long)*secs;
  w = (double)whole;
  usec = (long long)((*secs - w) * 1e6 + 0.5);
  if (usec >= 1000000) whole++, usec -= 1000000;
  day = whole / 86400;
  sod = whole - day * 86400;
  civil_from_days(day, &y, &mo, &d);
  if (y > 9999 || outsz < 28) return 0; /* past the form: Lua writes it */
  put_digits(out, y, 4);
  out[4] = '-';
  put_digits(out + 5, mo, 2);
  out[7] = '-';
  put_digits(out + 8, d, 2);
  out[10] = 'T';
  put_digits(out + 11, sod / 3600, 2);
  out[13] = ':';
  put_digits(out + 14, sod % 3600 / 60, 2);
  out[16] = ':';
  put_digits(out + 17, sod % 60, 2);
  out[19] = '.';
  put_digits(out + 20, usec, 6);
  out[26] = 'Z';
  out[27] = '\0';
  return 1;
}

void levtx_record_begin(lua_State *L, levtx_building *b, int ndata) {
  b->L = L;
  b->unnamed = 0;
  /* id, record, level, time, seconds, computer, channel, provider, data:
   * nine, so that the table is not grown (rehashed) per record. */
  lua_createtable(L, 0, 9);
  /* Unknown: 16 slots, as most Security events carry 5 to 16 fields
   * (4624's 21 and up grow it once). */
  lua_createtable(L, 0, ndata >= 0 ? ndata : 16);
}

void levtx_record_end(lua_State *L) { lua_setfield(L, -2, "data"); }

#define IS(s) levtx_is(name, name_len, (s), sizeof(s) - 1)

void levtx_record_field(levtx_building *b, int data, const char *name,
                        size_t name_len, const char *v, size_t n) {
  lua_State *L = b->L;
  const char *key;
  if (data) {
    lua_pushlstring(L, v, n);
    if (name_len == 0) {
      lua_rawseti(L, -2, ++b->unnamed);
    } else {
      lua_pushlstring(L, name, name_len);
      lua_insert(L, -2);
      lua_rawset(L, -3);
    }
    return;
  }
  if (IS("EventID") || IS("EventRecordID") || IS("Level")) {
    push_number_or_text(L, v, n);
    lua_setfield(L, -3, IS("EventID") ? "id" : IS("Level") ? "level" : "record");
    return;
  }
  if (IS("TimeCreated")) {
    double secs;
    char iso[28];
    if (levtx_canonical_time(v, n, &secs, iso, sizeof iso)) {
      lua_pushnumber(L, (lua_Number)secs);
      lua_setfield(L, -3, "seconds");
      lua_pushstring(L, iso);
      lua_setfield(L, -3, "time");
      return;
    }
  }
  key = IS("TimeCreated") ? "time"
        : IS("Computer")  ? "computer"
        : IS("Channel")   ? "channel"
                          : "provider";
  lua_pushlstring(L, v, n);
  lua_setfield(L, -3, key);
}

void levtx_open_module(lua_State *L, const char *class_name,
                       const luaL_Reg *methods, const luaL_Reg *funcs) {
  luaL_newmetatable(L, class_name);
  luaL_setfuncs(L, methods, 0);
  lua_pushvalue(L, -1);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  lua_newtable(L);
  luaL_setfuncs(L, funcs, 0);
}
