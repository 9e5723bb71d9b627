/*
 * logonerr.core -- the Lua binding of the C core: lookups, formatting,
 * conversions and search.  Entry objects are built once when the module is
 * opened (lentry.c) and kept in upvalue tables, so a lookup that succeeds
 * allocates nothing; the scanner class is in lscan.c.
 */
#include <math.h>
#include <string.h>

#include "lbind.h"
#include "lentry.h"
#include "lscan.h"

#define MAX_READINGS 16
#define MAX_WORDS 32

#define push_int lbind_push_int
#define push_hex lbind_push_hex
static void push_u32(lua_State *L, uint32_t v) { push_int(L, (int64_t)v); }

/* The length of the well-formed UTF-8 sequence at s (n bytes left), or 0:
 * a message shows a character as the user typed it (full-width digits),
 * and escapes bytes that are not text. */
static size_t utf8_len(const unsigned char *s, size_t n) {
  size_t len, k;
  unsigned char lo = 0x80, hi = 0xBF; /* range of the second byte */
  if (s[0] >= 0xC2 && s[0] <= 0xDF) len = 2;
  else if (s[0] >= 0xE0 && s[0] <= 0xEF) len = 3;
  else if (s[0] >= 0xF0 && s[0] <= 0xF4) len = 4;
  else return 0;
  if (s[0] == 0xE0) lo = 0xA0;      /* no overlong forms */
  if (s[0] == 0xED) hi = 0x9F;      /* no surrogates */
  if (s[0] == 0xF0) lo = 0x90;
  if (s[0] == 0xF4) hi = 0x8F;      /* nothing above U+10FFFF */
  if (n < len || s[1] < lo || s[1] > hi) return 0;
  for (k = 2; k < len; k++)
    if (s[k] < 0x80 || s[k] > 0xBF) return 0;
  /* Characters a terminal acts on or that reorder or hide what is shown
   * stay escaped: the C1 controls (U+0080..U+009F; U+009B is CSI), the
   * zero-width and direction marks and overrides (U+200B..U+200F,
   * U+2028..U+202E, U+2060..U+206F) and U+FEFF. */
  if (s[0] == 0xC2 && s[1] < 0xA0) return 0;
  if (s[0] == 0xE2 && s[1] == 0x80 &&
      ((s[2] >= 0x8B && s[2] <= 0x8F) || (s[2] >= 0xA8 && s[2] <= 0xAE)))
    return 0;
  if (s[0] == 0xE2 && s[1] == 0x81 && s[2] >= 0xA0 && s[2] <= 0xAF) return 0;
  if (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) return 0;
  return len;
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
    size_t u = c >= 0x80 ? utf8_len((const unsigned char *)s + i, n - i) : 0;
    if (u > 0) {
      if (i + u > QUOTED) break; /* never half a character */
      luaL_addlstring(&b, s + i, u);
      i += u - 1;
    } else if (c == '"' || c == '\\') {
      luaL_addchar(&b, '\\');
      luaL_addchar(&b, (char)c);
    } else if (c < 32 || c >= 127) {
      char esc[8];
      int k = 0, d = c;
      /* three digits before a digit, as Lua's %q writes them: \1 then 2
       * would read as \12 */
      int pad = i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9';
      esc[k++] = '\\';
      if (pad || d >= 100) esc[k++] = (char)('0' + d / 100);
      if (pad || d >= 10) esc[k++] = (char)('0' + d / 10 % 10);
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
  push_hex(L, r->code);
  if (r->ns == LOGONERR_NS_WIN32)
    lua_pushfstring(L, "%s: not in the catalogue (win32 %d, %s)",
                    lua_tostring(L, -2), (int)r->code, lua_tostring(L, -1));
  else
    lua_pushfstring(L, "%s: not in the catalogue (%s %s)", lua_tostring(L, -2),
                    logonerr_ns_name(r->ns), lua_tostring(L, -1));
  lua_replace(L, -3);
  lua_pop(L, 1);
  return 2;
}

/* Optional namespace argument: a name from csrc/logonerr.h's list; any
 * other string is a misuse and raises, naming the choices. */
static int opt_namespace(lua_State *L, int idx) {
  const char *s;
  int ns;
  if (lua_isnoneornil(L, idx)) return LOGONERR_NS_NONE;
  s = luaL_checkstring(L, idx);
  for (ns = LOGONERR_NS_NONE + 1; ns < LOGONERR_NS_END; ns++)
    if (strcmp(s, logonerr_ns_name(ns)) == 0) return ns;
  lua_pushfstring(L, "unknown namespace '%s' (expected", s);
  for (ns = LOGONERR_NS_NONE + 1; ns < LOGONERR_NS_END; ns++)
    lua_pushfstring(L, "%s %s", ns == LOGONERR_NS_NONE + 1 ? "" : ",",
                    logonerr_ns_name(ns));
  lua_pushliteral(L, ")");
  lua_concat(L, LOGONERR_NS_END - LOGONERR_NS_NONE + 1);
  return luaL_argerror(L, idx, lua_tostring(L, -1));
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

/* FAST holds the usual spellings of every code (see lentry.c): push the
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
  r->value = r->code = logonerr_code(e);
  r->ns = logonerr_namespace(e);
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
      return logonerr_name_in(r->entry, ns) ? LOGONERR_OK : LOGONERR_E_NAMESPACE;
    return logonerr_parse(s, n, ns, r);
  }
}

static int push_entry(lua_State *L, const logonerr_entry *e) {
  lbind_push_entry(L, e);
  return 1;
}

/* nil and why a name is not one of namespace ns: whose name it is, and
 * its counterparts in ns, as forms gives them (Win32 and NTSTATUS). */
static int fail_name(lua_State *L, int idx, int ns, const logonerr_entry *e) {
  const logonerr_entry *cs[MAX_READINGS];
  char hex[LOGONERR_HEX_SIZE];
  size_t i, k = 0;
  uint32_t w = 0;
  int own = logonerr_namespace(e), parts = 2;
  lua_pushnil(L);
  push_quoted(L, idx);
  lua_pushfstring(L, ": a name in namespace %s, not %s", logonerr_ns_name(own),
                  logonerr_ns_name(ns));
  if (own == LOGONERR_NS_WIN32 && ns == LOGONERR_NS_NTSTATUS) {
    k = logonerr_ntstatus_for(logonerr_code(e), cs, MAX_READINGS);
    if (k > MAX_READINGS) k = MAX_READINGS;
  } else if (own == LOGONERR_NS_NTSTATUS && ns == LOGONERR_NS_WIN32 &&
             logonerr_ntstatus_to_win32(logonerr_code(e), &w)) {
    cs[0] = logonerr_find(LOGONERR_NS_WIN32, w);
    k = 1;
  }
  for (i = 0; i < k; i++, parts++) {
    const char *lead = i > 0 ? ", " : k > 1 ? "; its %s counterparts: "
                                            : "; its %s counterpart: ";
    lua_pushfstring(L, lead, logonerr_ns_name(ns));
    logonerr_hex(cs[i] ? logonerr_code(cs[i]) : w, hex);
    if (cs[i])
      lua_pushfstring(L, "%s%s (%s)", lua_tostring(L, -1), logonerr_name(cs[i]), hex);
    else /* a Win32 code the catalogue does not hold */
      lua_pushfstring(L, "%s%d (%s)", lua_tostring(L, -1), (int)w, hex);
    lua_remove(L, -2);
  }
  lua_concat(L, parts);
  return 2;
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
  st = read_code(L, 1, ns, &r, &why);
  if (st == LOGONERR_E_NAMESPACE && r.how == LOGONERR_HOW_NAME)
    return fail_name(L, 1, ns, r.entry);
  if (st != LOGONERR_OK) return why ? fail(L, 1, why) : fail_status(L, 1, st, &r);
  if (r.entry == NULL) return fail_status(L, 1, LOGONERR_E_UNKNOWN, &r);
  return push_entry(L, r.entry);
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
    push_entry(L, rs[i].entry);
    lua_setfield(L, -2, "entry");
    push_u32(L, rs[i].value);
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
  uint32_t hr;
  int st = read_code(L, 1, LOGONERR_NS_NONE, &r, &why);
  if (st != LOGONERR_OK) return why ? fail(L, 1, why) : fail_status(L, 1, st, &r);
  lua_createtable(L, 0, 10);
  lua_pushstring(L, logonerr_ns_name(r.ns));
  lua_setfield(L, -2, "namespace");
  push_hex(L, r.code);
  lua_setfield(L, -2, "hex");
  push_u32(L, r.code);
  lua_setfield(L, -2, "decimal");
  push_int(L, (int32_t)r.code);
  lua_setfield(L, -2, "signed");
  if (logonerr_hresult(r.ns, r.code, &hr)) {
    push_hex(L, hr);
    lua_setfield(L, -2, "hresult");
  }
  if (r.entry) {
    lua_pushstring(L, logonerr_name(r.entry));
    lua_setfield(L, -2, "symbol");
    push_entry(L, r.entry);
    lua_setfield(L, -2, "entry");
  }
  lua_newtable(L); /* counterparts: the other namespace's codes */
  if (r.ns == LOGONERR_NS_WIN32) {
    const logonerr_entry *nts[MAX_READINGS];
    size_t i, k = logonerr_ntstatus_for(r.code, nts, MAX_READINGS);
    for (i = 0; i < k && i < MAX_READINGS; i++) {
      push_entry(L, nts[i]);
      lua_rawseti(L, -2, (int)i + 1);
    }
  } else if (r.ns == LOGONERR_NS_NTSTATUS) {
    uint32_t w;
    if (logonerr_ntstatus_to_win32(r.code, &w)) {
      const logonerr_entry *e = logonerr_find(LOGONERR_NS_WIN32, w);
      if (e) push_entry(L, e);
      else push_u32(L, w);
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
  push_u32(L, logonerr_hresult_from_win32(check_u32(L, 1)));
  return 1;
}

static int l_hresult_from_nt(lua_State *L) {
  push_u32(L, logonerr_hresult_from_nt(check_u32(L, 1)));
  return 1;
}

static int l_ntstatus_to_win32(lua_State *L) {
  uint32_t w, v = check_u32(L, 1);
  if (logonerr_ntstatus_to_win32(v, &w)) {
    push_u32(L, w);
    return 1;
  }
  lua_pushnil(L);
  push_hex(L, v);
  lua_pushfstring(L, "%s: no Win32 mapping is known", lua_tostring(L, -1));
  lua_remove(L, -2);
  return 2;
}

static int l_decode(lua_State *L) {
  static const char *const kinds[] = {"auto", "ntstatus", "hresult", NULL};
  static const int kind_ns[] = {0, LOGONERR_NS_NTSTATUS, LOGONERR_NS_HRESULT};
  uint32_t v = check_u32(L, 1);
  int kind = kind_ns[luaL_checkoption(L, 2, "auto", kinds)];
  logonerr_decoded f;
  logonerr_decode(v, kind, &f);
  lua_createtable(L, 0, 8);
  push_u32(L, v);
  lua_setfield(L, -2, "value");
  lua_pushstring(L, logonerr_ns_name(f.ns));
  lua_setfield(L, -2, "kind");
  lua_pushstring(L, logonerr_status_class(&f));
  lua_setfield(L, -2, "severity");
  if (logonerr_facility_name(&f) != NULL) {
    lua_pushstring(L, logonerr_facility_name(&f));
    lua_setfield(L, -2, "facility_name");
  }
  lua_pushboolean(L, (int)f.customer);
  lua_setfield(L, -2, "customer");
  lua_pushboolean(L, (int)f.nt);
  lua_setfield(L, -2, "nt");
  push_u32(L, f.facility);
  lua_setfield(L, -2, "facility");
  push_u32(L, f.code);
  lua_setfield(L, -2, "code");
  return 1;
}

/* search(words...): every argument is split on white space. */
static int l_search(lua_State *L) {
  const char *words[MAX_WORDS];
  size_t lens[MAX_WORDS], nwords = 0, i, count = logonerr_count();
  int a, top = lua_gettop(L), found = 0, want;
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
  /* The entries a word names come first (want 2), then the others. */
  for (want = 2; want >= 1; want--)
    for (i = 0; i < count; i++) {
      const logonerr_entry *e = logonerr_at(i);
      if (logonerr_matches(e, words, lens, nwords) == want) {
        push_entry(L, e);
        lua_rawseti(L, -2, ++found);
      }
    }
  return 1;
}

/* is_entry(x): is x one of this module's entry objects? */
static int l_is_entry(lua_State *L) {
  luaL_checkany(L, 1);
  lua_pushvalue(L, 1);
  lua_rawget(L, INDEX);
  lua_pushboolean(L, !lua_isnil(L, -1));
  return 1;
}

/* utf16(s [, big [, final]]) -> UTF-8 text, bytes of s used: what is
 * left (an odd byte, half a surrogate pair) starts the next piece unless
 * final is set. */
static int l_utf16(lua_State *L) {
  size_t n, used, out;
  const char *s = luaL_checklstring(L, 1, &n);
  int big = lua_toboolean(L, 2), final = lua_toboolean(L, 3);
  /* Scratch space the collector frees (5.1 has no luaL_prepbuffsize). */
  char *o = lua_newuserdata(L, 3 * (n / 2) + 1);
  out = logonerr_utf16_to_utf8((const unsigned char *)s, n, big, final, o, &used);
  lua_pushlstring(L, o, out);
  push_int(L, (int64_t)used);
  return 2;
}

static const luaL_Reg funcs[] = {
    {"candidates", l_candidates},
    {"decode", l_decode},
    {"format", l_format},
    {"forms", l_forms},
    {"hresult_from_nt", l_hresult_from_nt},
    {"hresult_from_win32", l_hresult_from_win32},
    {"is_entry", l_is_entry},
    {"lookup", l_lookup},
    {"ntstatus_to_win32", l_ntstatus_to_win32},
    {"search", l_search},
    {"utf16", l_utf16},
    {NULL, NULL}};

/* Opening runs as a closure over the NUPVALUES tables, so that
 * lentry_open fills them and every function made here shares them. */
static int l_open(lua_State *L) {
  int module = 1;
  lentry_open(L, module);
  lscan_open(L);
  lbind_push_upvalues(L);
  luaL_setfuncs(L, funcs, NUPVALUES);
  lbind_push_upvalues(L);
  luaL_setfuncs(L, lscan_funcs, NUPVALUES);
  return 1;
}

LOGONERR_EXPORT int luaopen_logonerr_core(lua_State *L);
LOGONERR_EXPORT int luaopen_logonerr_core(lua_State *L) {
  size_t n = logonerr_count();
  lua_createtable(L, 0, 64 + (int)n); /* the module */
  lua_createtable(L, (int)n, 0);      /* ENTRIES */
  lua_createtable(L, 0, 10 * (int)n); /* FAST    */
  lua_createtable(L, 0, (int)n);      /* INDEX   */
  lua_createtable(L, (int)n, 0);      /* DATA    */
  lua_newtable(L);                    /* SHOWN   */
  lua_pushcclosure(L, l_open, NUPVALUES);
  lua_insert(L, -2);
  lua_call(L, 1, 1);
  lua_pushliteral(L, "logonerr.core");
  lua_setfield(L, -2, "_NAME");
  lua_pushliteral(L, "logonerr " LOGONERR_VERSION);
  lua_setfield(L, -2, "_VERSION");
  return 1;
}
