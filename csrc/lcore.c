/*
 * logonerr.core -- the Lua binding of the C core.
 *
 * Entry objects are built once by lua/logonerr/init.lua and handed to
 * core.bind(); lookups then return them from an upvalue table, so a lookup
 * that succeeds allocates nothing.
 */
#include <math.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"

#include "logonerr.h"
#include "lcore.h"

#define MAX_READINGS 16
#define MAX_WORDS 32

/* Integers as integers where Lua has them (5.3+), else as numbers; every
 * value here fits a double exactly. */
void lcore_push_int(lua_State *L, int64_t v) {
#if LUA_VERSION_NUM >= 503
  lua_pushinteger(L, (lua_Integer)v);
#else
  lua_pushnumber(L, (lua_Number)v);
#endif
}

void lcore_push_u32(lua_State *L, uint32_t v) { lcore_push_int(L, (int64_t)v); }

void lcore_push_hex(lua_State *L, uint32_t v) {
  char t[LOGONERR_HEX_SIZE];
  lua_pushlstring(L, t, logonerr_hex(v, t));
}

/* The input as a short quoted string for messages: a prefix, escaped. */
#define QUOTED 40 /* bytes of an input shown in a message */
static void push_quoted(lua_State *L, int idx) {
  luaL_Buffer b;
  size_t n = 0, i;
  const char *s;
  lua_pushvalue(L, idx); /* lua_tolstring may convert: work on a copy */
  s = lua_tolstring(L, -1, &n);
  luaL_buffinit(L, &b);
  if (lua_type(L, idx) == LUA_TSTRING) luaL_addchar(&b, '"');
  for (i = 0; i < n && i < QUOTED; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') {
      luaL_addchar(&b, '\\');
      luaL_addchar(&b, (char)c);
    } else if (c < 32 || c >= 127) {
      char esc[8];
      int k = 0, d = c;
      esc[k++] = '\\';
      if (d >= 100) esc[k++] = (char)('0' + d / 100);
      if (d >= 10) esc[k++] = (char)('0' + d / 10 % 10);
      esc[k++] = (char)('0' + d % 10);
      luaL_addlstring(&b, esc, (size_t)k);
    } else {
      luaL_addchar(&b, (char)c);
    }
  }
  if (n > QUOTED) luaL_addstring(&b, "...");
  if (lua_type(L, idx) == LUA_TSTRING) luaL_addchar(&b, '"');
  luaL_pushresult(&b);
  lua_remove(L, -2);
}

/* nil, "<input>: <reason>" */
static int fail(lua_State *L, int idx, const char *reason) {
  lua_pushnil(L);
  push_quoted(L, idx);
  lua_pushfstring(L, "%s: %s", lua_tostring(L, -1), reason);
  lua_remove(L, -2);
  return 2;
}

static int fail_status(lua_State *L, int idx, int status,
                       const logonerr_reading *r) {
  if (status == LOGONERR_E_UNKNOWN && (r == NULL || r->how == 0))
    return fail(L, idx, "not a catalogued error name");
  if (status != LOGONERR_E_UNKNOWN)
    return fail(L, idx, logonerr_strerror(status));
  lua_pushnil(L);
  push_quoted(L, idx);
  lcore_push_hex(L, r->code);
  if (r->ns == LOGONERR_NS_WIN32)
    lua_pushfstring(L, "%s: not in the catalogue (win32 %d, %s)",
                    lua_tostring(L, -2), (int)r->code, lua_tostring(L, -1));
  else
    lua_pushfstring(L, "%s: not in the catalogue (ntstatus %s)",
                    lua_tostring(L, -2), lua_tostring(L, -1));
  lua_replace(L, -3);
  lua_pop(L, 1);
  return 2;
}

/* Optional namespace argument; -1 (with nil, message pushed) when unknown. */
static int opt_namespace(lua_State *L, int idx) {
  const char *s;
  if (lua_isnoneornil(L, idx)) return LOGONERR_NS_NONE;
  s = luaL_checkstring(L, idx);
  if (strcmp(s, "win32") == 0) return LOGONERR_NS_WIN32;
  if (strcmp(s, "ntstatus") == 0) return LOGONERR_NS_NTSTATUS;
  if (strcmp(s, "hresult") == 0) return LOGONERR_NS_HRESULT;
  fail(L, idx, "unknown namespace (expected win32, ntstatus or hresult)");
  return -1;
}

static void check_code_type(lua_State *L, int idx) {
  int t = lua_type(L, idx);
  if (t != LUA_TNUMBER && t != LUA_TSTRING)
    luaL_argerror(L, idx,
                  lua_pushfstring(L, "number or string expected, got %s",
                                  luaL_typename(L, idx)));
}

/* A Lua number as a 32-bit value; why explains a failure. */
static int number_value(lua_State *L, int idx, uint32_t *out,
                        const char **why) {
  lua_Number d;
#if LUA_VERSION_NUM >= 503
  if (lua_isinteger(L, idx)) {
    lua_Integer v = lua_tointeger(L, idx);
    if (v < -(lua_Integer)0x80000000 || v > (lua_Integer)0xFFFFFFFF) {
      *why = logonerr_strerror(LOGONERR_E_RANGE);
      return LOGONERR_E_RANGE;
    }
    *out = (uint32_t)v;
    return LOGONERR_OK;
  }
#endif
  d = lua_tonumber(L, idx);
  if (d != d) {
    *why = "NaN is not a code";
    return LOGONERR_E_SYNTAX;
  }
  if (d < -2147483648.0 || d > 4294967295.0) {
    *why = logonerr_strerror(LOGONERR_E_RANGE);
    return LOGONERR_E_RANGE;
  }
  if (floor(d) != d) {
    *why = "not an integer";
    return LOGONERR_E_SYNTAX;
  }
  *out = d < 0 ? (uint32_t)(int32_t)d : (uint32_t)d;
  return LOGONERR_OK;
}

/* FAST holds the usual spellings of every code (see add_fast): push the
 * entry object for the key on top of the stack (replacing it), or return 0
 * with the stack as it was before the key. */
static int push_fast(lua_State *L) {
  lua_rawget(L, FAST);
  if (!lua_isnil(L, -1)) return 1;
  lua_pop(L, 1);
  return 0;
}

/* A reading of the entry object on top of the stack (popped). */
static int fast_reading(lua_State *L, int how, logonerr_reading *r) {
  const logonerr_entry *e;
  lua_rawget(L, INDEX);
  e = lua_isnumber(L, -1) ? logonerr_at((size_t)lua_tointeger(L, -1) - 1)
                          : NULL;
  lua_pop(L, 1);
  if (e == NULL) return 0;
  r->value = r->code = e->code;
  r->ns = e->ns;
  r->how = how;
  r->entry = e;
  return 1;
}

/* Symbolic names in mixed case: the upper-case form is looked up in FAST
 * (an interned string is found without allocating). */
static int name_reading(lua_State *L, const char *s, size_t n,
                        logonerr_reading *r) {
  char up[LOGONERR_MAX_INPUT];
  size_t i;
  int underscore = 0;
  if (n == 0 || n > sizeof up) return 0;
  for (i = 0; i < n; i++) {
    char c = s[i];
    if (c >= 'a' && c <= 'z') c = (char)(c - 'a' + 'A');
    else if (c == '_') underscore = 1;
    else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
      return 0;
    up[i] = c;
  }
  if (!underscore) return 0; /* every name has one; "C000006D" is hex */
  lua_pushlstring(L, up, n);
  return push_fast(L) && fast_reading(L, LOGONERR_HOW_NAME, r);
}

/* Read argument idx (a number or a string) as one code.  Returns a status;
 * *why is set for number-specific failures. */
static int read_code(lua_State *L, int idx, int ns, logonerr_reading *r,
                     const char **why) {
  *why = NULL;
  memset(r, 0, sizeof *r); /* how == 0 marks "no number was read" */
  check_code_type(L, idx);
  if (ns == LOGONERR_NS_NONE) { /* the usual spellings: one table read */
    lua_pushvalue(L, idx);
    if (push_fast(L) && fast_reading(L, LOGONERR_HOW_NUMBER, r))
      return LOGONERR_OK;
  }
  if (lua_type(L, idx) == LUA_TNUMBER) {
    uint32_t v;
    int st = number_value(L, idx, &v, why);
    if (st != LOGONERR_OK) return st;
    return logonerr_classify(v, ns, LOGONERR_HOW_NUMBER, r);
  } else {
    size_t n;
    const char *s = lua_tolstring(L, idx, &n);
    if (n > 0 && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')) &&
        name_reading(L, s, n, r))
      return LOGONERR_OK;
    return logonerr_parse(s, n, ns, r);
  }
}

int lcore_push_entry(lua_State *L, const logonerr_entry *e) {
  lua_rawgeti(L, ENTRIES, (int)logonerr_index_of(e) + 1);
  return 1;
}

static int l_lookup(lua_State *L) {
  logonerr_reading r;
  const char *why;
  int st, ns;
  if (lua_gettop(L) == 1) { /* the usual spellings: one table read */
    lua_pushvalue(L, 1);
    if (push_fast(L)) return 1;
  }
  ns = opt_namespace(L, 2);
  if (ns < 0) return 2;
  st = read_code(L, 1, ns, &r, &why);
  if (st != LOGONERR_OK) return why ? fail(L, 1, why) : fail_status(L, 1, st, &r);
  if (r.entry == NULL) return fail_status(L, 1, LOGONERR_E_UNKNOWN, &r);
  return lcore_push_entry(L, r.entry);
}

static const char *how_name(int how) {
  switch (how) {
  case LOGONERR_HOW_NAME: return "name";
  case LOGONERR_HOW_DECIMAL: return "decimal";
  case LOGONERR_HOW_NEGATIVE: return "signed";
  case LOGONERR_HOW_HEX:
  case LOGONERR_HOW_BARE_HEX: return "hex";
  default: return "number";
  }
}

static int l_candidates(lua_State *L) {
  logonerr_reading rs[MAX_READINGS];
  int i, n;
  check_code_type(L, 1);
  if (lua_type(L, 1) == LUA_TSTRING) {
    size_t len;
    const char *s = lua_tolstring(L, 1, &len);
    n = logonerr_candidates(s, len, rs, MAX_READINGS);
    if (n < 0) return fail_status(L, 1, n, NULL);
  } else {
    const char *why;
    uint32_t v;
    if (number_value(L, 1, &v, &why) != LOGONERR_OK) return fail(L, 1, why);
    n = logonerr_value_candidates(v, LOGONERR_HOW_NUMBER, rs, MAX_READINGS);
  }
  if (n > MAX_READINGS) n = MAX_READINGS;
  lua_createtable(L, n, 0);
  for (i = 0; i < n; i++) {
    lua_createtable(L, 0, 4);
    lcore_push_entry(L, rs[i].entry);
    lua_setfield(L, -2, "entry");
    lcore_push_u32(L, rs[i].value);
    lua_setfield(L, -2, "value");
    lua_pushstring(L, how_name(rs[i].how));
    lua_setfield(L, -2, "read_as");
    lua_pushstring(L, logonerr_ns_name(rs[i].ns));
    lua_setfield(L, -2, "namespace");
    lua_rawseti(L, -2, i + 1);
  }
  return 1;
}

static int l_format(lua_State *L) {
  logonerr_reading r;
  const char *why, *tmpl = NULL;
  size_t tlen = 0;
  char buf[512];
  int n, st = read_code(L, 1, LOGONERR_NS_NONE, &r, &why);
  if (!lua_isnoneornil(L, 2)) tmpl = luaL_checklstring(L, 2, &tlen);
  if (st != LOGONERR_OK) return why ? fail(L, 1, why) : fail_status(L, 1, st, &r);
  n = logonerr_format(buf, sizeof buf, &r, tmpl, tlen);
  if (n < 0)
    return luaL_argerror(L, 2, "malformed template: '{' without '}', a lone "
                               "'}', or an unknown {field}");
  if ((size_t)n < sizeof buf) {
    lua_pushlstring(L, buf, (size_t)n);
  } else {
    char *big = (char *)lua_newuserdata(L, (size_t)n + 1);
    logonerr_format(big, (size_t)n + 1, &r, tmpl, tlen);
    lua_pushlstring(L, big, (size_t)n);
  }
  return 1;
}

static int l_forms(lua_State *L) {
  logonerr_reading r;
  const char *why;
  int st = read_code(L, 1, LOGONERR_NS_NONE, &r, &why);
  if (st != LOGONERR_OK) return why ? fail(L, 1, why) : fail_status(L, 1, st, &r);
  lua_createtable(L, 0, 10);
  lua_pushstring(L, logonerr_ns_name(r.ns));
  lua_setfield(L, -2, "namespace");
  lcore_push_hex(L, r.code);
  lua_setfield(L, -2, "hex");
  lcore_push_u32(L, r.code);
  lua_setfield(L, -2, "decimal");
  lcore_push_int(L, (int32_t)r.code);
  lua_setfield(L, -2, "signed");
  lcore_push_hex(L, r.ns == LOGONERR_NS_WIN32 ? logonerr_hresult_from_win32(r.code)
                                        : logonerr_hresult_from_nt(r.code));
  lua_setfield(L, -2, "hresult");
  if (r.entry) {
    lua_pushstring(L, r.entry->name);
    lua_setfield(L, -2, "symbol");
    lcore_push_entry(L, r.entry);
    lua_setfield(L, -2, "entry");
  }
  lua_newtable(L); /* counterparts: the other namespace's codes */
  if (r.ns == LOGONERR_NS_WIN32) {
    const logonerr_entry *nts[MAX_READINGS];
    size_t i, k = logonerr_ntstatus_for(r.code, nts, MAX_READINGS);
    for (i = 0; i < k && i < MAX_READINGS; i++) {
      lcore_push_entry(L, nts[i]);
      lua_rawseti(L, -2, (int)i + 1);
    }
  } else {
    uint32_t w;
    if (logonerr_ntstatus_to_win32(r.code, &w)) {
      const logonerr_entry *e = logonerr_find(LOGONERR_NS_WIN32, w);
      if (e) lcore_push_entry(L, e);
      else lcore_push_u32(L, w);
      lua_rawseti(L, -2, 1);
    }
  }
  lua_setfield(L, -2, "counterparts");
  return 1;
}

/* A number argument for the conversion functions: misuse raises. */
static uint32_t check_u32(lua_State *L, int idx) {
  uint32_t v = 0;
  const char *why;
  luaL_checknumber(L, idx);
  if (lua_type(L, idx) != LUA_TNUMBER) /* a numeric string */
    luaL_argerror(L, idx, lua_pushfstring(L, "number expected, got %s",
                                          luaL_typename(L, idx)));
  if (number_value(L, idx, &v, &why) != LOGONERR_OK)
    luaL_argerror(L, idx, why);
  return v;
}

static int l_hresult_from_win32(lua_State *L) {
  lcore_push_u32(L, logonerr_hresult_from_win32(check_u32(L, 1)));
  return 1;
}

static int l_hresult_from_nt(lua_State *L) {
  lcore_push_u32(L, logonerr_hresult_from_nt(check_u32(L, 1)));
  return 1;
}

static int l_ntstatus_to_win32(lua_State *L) {
  uint32_t w, v = check_u32(L, 1);
  if (logonerr_ntstatus_to_win32(v, &w)) {
    lcore_push_u32(L, w);
    return 1;
  }
  lua_pushnil(L);
  lcore_push_hex(L, v);
  lua_pushfstring(L, "%s: no Win32 mapping is known", lua_tostring(L, -1));
  lua_remove(L, -2);
  return 2;
}

static int l_decode(lua_State *L) {
  static const char *const kinds[] = {"auto", "ntstatus", "hresult", NULL};
  static const int kind_ns[] = {0, LOGONERR_NS_NTSTATUS, LOGONERR_NS_HRESULT};
  uint32_t v = check_u32(L, 1);
  int kind = kind_ns[luaL_checkoption(L, 2, "auto", kinds)];
  logonerr_fields f;
  logonerr_decode(v, kind, &f);
  lua_createtable(L, 0, 8);
  lcore_push_u32(L, v);
  lua_setfield(L, -2, "value");
  lua_pushstring(L, logonerr_ns_name(f.ns));
  lua_setfield(L, -2, "kind");
  lua_pushstring(L, logonerr_severity_name(&f));
  lua_setfield(L, -2, "severity");
  lua_pushboolean(L, (int)f.customer);
  lua_setfield(L, -2, "customer");
  lua_pushboolean(L, (int)f.nt);
  lua_setfield(L, -2, "nt");
  lcore_push_u32(L, f.facility);
  lua_setfield(L, -2, "facility");
  lcore_push_u32(L, f.code);
  lua_setfield(L, -2, "code");
  return 1;
}

/* search(words...): every argument is split on white space. */
static int l_search(lua_State *L) {
  const char *words[MAX_WORDS];
  size_t lens[MAX_WORDS], nwords = 0, i, count = logonerr_count();
  int a, top = lua_gettop(L), found = 0;
  for (a = 1; a <= top; a++) {
    size_t n, k = 0;
    const char *s = luaL_checklstring(L, a, &n);
    while (k < n) {
      size_t start;
      while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n')) k++;
      start = k;
      while (k < n && !(s[k] == ' ' || s[k] == '\t' || s[k] == '\n')) k++;
      if (k > start) {
        if (nwords == MAX_WORDS) return luaL_argerror(L, a, "too many words");
        words[nwords] = s + start;
        lens[nwords++] = k - start;
      }
    }
  }
  lua_newtable(L);
  if (nwords == 0) return 1;
  for (i = 0; i < count; i++) {
    const logonerr_entry *e = logonerr_at(i);
    if (logonerr_matches(e, words, lens, nwords)) {
      lcore_push_entry(L, e);
      lua_rawseti(L, -2, ++found);
    }
  }
  return 1;
}

/* Loading support: the raw fields of entry i (1-based). */
static void set_str(lua_State *L, const char *k, const char *v) {
  if (v == NULL) return;
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

/* raw(i [, brief]): brief leaves out the message and the knowledge. */
static int l_raw(lua_State *L) {
  const logonerr_entry *e;
  lua_Integer i = luaL_checkinteger(L, 1);
  int brief = lua_toboolean(L, 2);
  if (i < 1 || (size_t)i > logonerr_count()) return 0;
  e = logonerr_at((size_t)i - 1);
  lua_createtable(L, 0, 16);
  set_str(L, "name", e->name);
  lcore_push_u32(L, e->code);
  lua_setfield(L, -2, "code");
  set_str(L, "namespace", logonerr_ns_name(e->ns));
  set_str(L, "category", logonerr_category_name(e->category));
  if (logonerr_severity_of(e) != LOGONERR_SEV_NONE)
    set_str(L, "severity", logonerr_severity_label(logonerr_severity_of(e)));
  if (e->ns == LOGONERR_NS_NTSTATUS && e->win32 != 0) {
    lcore_push_u32(L, e->win32);
    lua_setfield(L, -2, "win32_code");
  }
  lcore_push_hex(L, e->code);
  lua_setfield(L, -2, "hex");
  lcore_push_u32(L, e->ns == LOGONERR_NS_WIN32 ? logonerr_hresult_from_win32(e->code)
                                         : logonerr_hresult_from_nt(e->code));
  lua_setfield(L, -2, "hresult");
  if (brief) return 1;
  set_str(L, "message", e->message);
  set_str(L, "summary", logonerr_text(e, LOGONERR_F_SUMMARY));
  set_str(L, "causes", logonerr_text(e, LOGONERR_F_CAUSES));
  set_str(L, "symptoms", logonerr_text(e, LOGONERR_F_SYMPTOMS));
  set_str(L, "diagnosis", logonerr_text(e, LOGONERR_F_DIAGNOSIS));
  set_str(L, "resolution", logonerr_text(e, LOGONERR_F_RESOLUTION));
  set_str(L, "prevention", logonerr_text(e, LOGONERR_F_PREVENTION));
  set_str(L, "faq", logonerr_text(e, LOGONERR_F_FAQ));
  set_str(L, "related", logonerr_text(e, LOGONERR_F_RELATED));
  return 1;
}

static int l_count(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)logonerr_count());
  return 1;
}

/* FAST[key] = the entry object at stack index `at`. */
static void fast_string(lua_State *L, const char *k, size_t n, int at) {
  lua_pushlstring(L, k, n);
  lua_pushvalue(L, at);
  lua_rawset(L, FAST);
}

static void fast_number(lua_State *L, int64_t k, int at) {
  lcore_push_int(L, k);
  lua_pushvalue(L, at);
  lua_rawset(L, FAST);
}

/* The spellings of entry e (its object at stack index `index`) that lookup
 * reads without parsing: every one reads as e by logonerr_parse's rules. */
static void add_fast(lua_State *L, const logonerr_entry *e, int index) {
  char low[LOGONERR_MAX_INPUT], hex[LOGONERR_HEX_SIZE];
  size_t i, n = strlen(e->name), h;
  uint32_t hr;
  for (i = 0; i < n && i < sizeof low; i++)
    low[i] = (char)(e->name[i] >= 'A' && e->name[i] <= 'Z' ? e->name[i] + 32
                                                           : e->name[i]);
  fast_string(L, e->name, n, index);
  fast_string(L, low, i, index);
  fast_number(L, e->code, index);
  h = logonerr_hex(e->code, hex);
  fast_string(L, hex, h, index);
  for (i = 2; i < h; i++)
    if (hex[i] >= 'A') hex[i] = (char)(hex[i] + 32);
  fast_string(L, hex, h, index);
  if (e->ns == LOGONERR_NS_WIN32) {
    fast_number(L, logonerr_hresult_from_win32(e->code), index);
    return;
  }
  hr = logonerr_hresult_from_nt(e->code);
  fast_number(L, (int32_t)e->code, index);
  fast_number(L, hr, index);
  fast_number(L, (int32_t)hr, index);
  fast_string(L, hex, logonerr_hex(hr, hex), index);
}

/* bind(entries): keep the entry objects and build FAST and INDEX. */
static int l_bind(lua_State *L) {
  size_t i, n = logonerr_count();
  luaL_checktype(L, 1, LUA_TTABLE);
  for (i = 1; i <= n; i++) {
    lua_rawgeti(L, 1, (int)i);
    if (lua_isnil(L, -1)) return luaL_argerror(L, 1, "an entry is missing");
    lua_pushvalue(L, -1);
    lua_rawseti(L, ENTRIES, (int)i);
    lua_pushvalue(L, -1);
    lua_pushinteger(L, (lua_Integer)i);
    lua_rawset(L, INDEX);
    add_fast(L, logonerr_at(i - 1), lua_gettop(L));
    lua_pop(L, 1);
  }
  return 0;
}

static const luaL_Reg funcs[] = {
    {"bind", l_bind},
    {"candidates", l_candidates},
    {"count", l_count},
    {"decode", l_decode},
    {"format", l_format},
    {"forms", l_forms},
    {"hresult_from_nt", l_hresult_from_nt},
    {"hresult_from_win32", l_hresult_from_win32},
    {"lookup", l_lookup},
    {"ntstatus_to_win32", l_ntstatus_to_win32},
    {"raw", l_raw},
    {"search", l_search},
    {NULL, NULL}};

LOGONERR_EXPORT int luaopen_logonerr_core(lua_State *L);
LOGONERR_EXPORT int luaopen_logonerr_core(lua_State *L) {
  lua_newtable(L);
  lua_createtable(L, (int)logonerr_count(), 0);       /* upvalue 1: ENTRIES */
  lua_createtable(L, 0, 10 * (int)logonerr_count());  /* upvalue 2: FAST    */
  lua_createtable(L, 0, (int)logonerr_count());       /* upvalue 3: INDEX   */
  lscan_open(L);
  luaL_setfuncs(L, funcs, NUPVALUES);
  lua_pushliteral(L, "logonerr.core");
  lua_setfield(L, -2, "_NAME");
  lua_pushliteral(L, "logonerr " LOGONERR_VERSION);
  lua_setfield(L, -2, "_VERSION");
  return 1;
}
