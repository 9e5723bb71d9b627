/*
 * What the two events modules share: the Lua table of one event, as
 * logonerr.evtx (EVTX records) and logonerr.eventxml (event XML) both give
 * it, and how they open.
 *   { id =, record =, time =, computer =, channel =, provider =, level =,
 *     data = { Name = value, ..., [1] = value of a Data without a Name } }
 * id, record and level are integers when their text is decimal.  A time
 * in the usual form ("2016-07-08T18:12:51.681640800Z") comes as seconds
 * since 1970 (seconds =) and the canonical form of events/time.lua
 * ("2016-07-08T18:12:51.681641Z"), so Lua does not parse it per record;
 * any other time comes as its text.
 */
#ifndef LOGONERR_LEVTX_RECORD_H
#define LOGONERR_LEVTX_RECORD_H

#include <stddef.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"

typedef struct {
  lua_State *L;
  int unnamed;
} levtx_building;

/* Pushes the record table and its data table (at -2 and -1).  ndata: the
 * data fields to come when known (room made for them at once), else -1. */
void levtx_record_begin(lua_State *L, levtx_building *b, int ndata);
/* One field: data (1) or the System header (0), its name and value. */
void levtx_record_field(levtx_building *b, int data, const char *name,
                        size_t name_len, const char *v, size_t n);
/* Sets data in the record, leaving the record on top. */
void levtx_record_end(lua_State *L);

/* Is name (len bytes) want (k bytes)?  (Both modules' field names.) */
static inline int levtx_is(const char *name, size_t len, const char *want, size_t k) {
  return len == k && memcmp(name, want, k) == 0;
}

/* A decimal of 1 to 18 digits (exact in a long long) into *k; 0 for any
 * other text. */
static inline int levtx_decimal(const char *v, size_t n, long long *k) {
  size_t i;
  if (n == 0 || n > 18) return 0;
  for (*k = 0, i = 0; i < n; i++) {
    if (v[i] < '0' || v[i] > '9') return 0;
    *k = *k * 10 + (v[i] - '0');
  }
  return 1;
}

/* A time in the usual form ("2016-07-08T18:12:51.681640800Z") as seconds
 * since 1970 and the canonical text (28 bytes with its NUL); 0 for any
 * other text, which Lua reads. */
int levtx_canonical_time(const char *s, size_t n, double *secs, char *out, size_t outsz);

/* What each events module's luaopen does: the metatable of its one class
 * (methods, with __index itself), then the module table (funcs) pushed. */
void levtx_open_module(lua_State *L, const char *class_name,
                       const luaL_Reg *methods, const luaL_Reg *funcs);

#endif
