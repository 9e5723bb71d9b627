/*
 * Entry objects and read-only views.
 *
 * An entry is an empty table whose metatable reads its fields from
 * DATA[i]; the message and the knowledge are copied from the C catalogue
 * the first time one of them is asked for.  Lists and maps are handed out
 * as views: empty tables that show a hidden table (SHOWN[view]).  No
 * iterator hands out a hidden table: pairs and ipairs get closures that
 * walk it, so nothing the module gives a caller can change the catalogue.
 * Lua 5.1 and LuaJIT ignore __len and __pairs, so there lists and maps are
 * plain copies; entries and FAQ items stay read-only everywhere.
 */
#include <string.h>

#include "lentry.h"

#define ENTRY_MT "logonerr.entry"
#define VIEW_MT "logonerr.view"

static int readonly(lua_State *L) {
  int t = lua_type(L, 2);
  return luaL_error(L, "logonerr: entries and catalogue tables are read-only "
                       "(assigning '%s')",
                    t == LUA_TSTRING || t == LUA_TNUMBER ? lua_tostring(L, 2)
                                                         : luaL_typename(L, 2));
}

/* next() over the hidden table in upvalue 1. */
static int hidden_next(lua_State *L) {
  lua_settop(L, 2);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 2);
  if (lua_next(L, 2)) return 2;
  lua_pushnil(L);
  return 1;
}

/* ipairs() step over the hidden table in upvalue 1. */
static int hidden_inext(lua_State *L) {
  lua_Integer i = luaL_checkinteger(L, 2) + 1;
  lua_pushinteger(L, i);
  lua_rawgeti(L, lua_upvalueindex(1), (int)i);
  return lua_isnil(L, -1) ? 1 : 2;
}

/* Push iterator, state, control for the hidden table at idx. */
static int walk(lua_State *L, int hidden, lua_CFunction step, int ipairs) {
  lua_pushvalue(L, hidden);
  lua_pushcclosure(L, step, 1);
  lua_pushvalue(L, 1);
  if (ipairs) lua_pushinteger(L, 0);
  else lua_pushnil(L);
  return 3;
}

/* Views. */
static void push_shown(lua_State *L, int view) {
  lua_pushvalue(L, view);
  lua_rawget(L, SHOWN);
}

static int view_index(lua_State *L) {
  push_shown(L, 1);
  lua_pushvalue(L, 2);
  lua_rawget(L, -2);
  return 1;
}

static int view_len(lua_State *L) {
  push_shown(L, 1);
  lbind_push_int(L, (int64_t)lua_rawlen(L, -1));
  return 1;
}

static int view_pairs(lua_State *L) {
  push_shown(L, 1);
  return walk(L, lua_gettop(L), hidden_next, 0);
}

static int view_ipairs(lua_State *L) {
  push_shown(L, 1);
  return walk(L, lua_gettop(L), hidden_inext, 1);
}

static int honours_len(void) { return LUA_VERSION_NUM >= 502; }

/* Replace the table on top of the stack by a read-only view of it (kept
 * as is where Lua would ignore a view's __len and __pairs, unless always). */
static void make_view(lua_State *L, int always) {
  if (!always && !honours_len()) return;
  lua_newtable(L);
  luaL_getmetatable(L, VIEW_MT);
  lua_setmetatable(L, -2);
  lua_pushvalue(L, -1);
  lua_pushvalue(L, -3);
  lua_rawset(L, SHOWN);
  lua_remove(L, -2);
}

/* Entries. */
static lua_Integer index_of(lua_State *L, int obj) {
  lua_Integer i;
  lua_pushvalue(L, obj);
  lua_rawget(L, INDEX);
  i = lua_tointeger(L, -1);
  lua_pop(L, 1);
  return i;
}

static void set_string(lua_State *L, const char *k, const char *v) {
  if (v == NULL) return;
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

/* A list of strings, as a view, into field k of the table on top. */
static void set_strings(lua_State *L, const char *k, const logonerr_entry *e,
                        int list) {
  size_t i;
  const char *s;
  if (logonerr_item(e, list, 0) == NULL) return;
  lua_newtable(L);
  for (i = 0; (s = logonerr_item(e, list, i)) != NULL; i++) {
    lua_pushstring(L, s);
    lua_rawseti(L, -2, (int)i + 1);
  }
  make_view(L, 0);
  lua_setfield(L, -2, k);
}

/* The sources of e, a list (maybe empty) of read-only {title, url or ref,
 * covers = {field names}}, on top. */
static void push_sources(lua_State *L, const logonerr_entry *e) {
  const logonerr_source *s;
  size_t i;
  int f, n;
  lua_newtable(L);
  for (i = 0; (s = logonerr_source_at(e, i)) != NULL; i++) {
    lua_createtable(L, 0, 3);
    set_string(L, "title", s->title);
    set_string(L, "url", s->url);
    set_string(L, "ref", s->ref);
    lua_newtable(L);
    for (f = 0, n = 0; f < LOGONERR_FIELD_COUNT; f++) {
      if (!(s->covers & (1u << f))) continue;
      lua_pushstring(L, logonerr_field_name(f));
      lua_rawseti(L, -2, ++n);
    }
    make_view(L, 0);
    lua_setfield(L, -2, "covers");
    make_view(L, 1);
    lua_rawseti(L, -2, (int)i + 1);
  }
  make_view(L, 0);
}

/* Copy the message and the knowledge of entry i into its data table (on
 * top of the stack).  The message goes last: it marks the knowledge as
 * loaded, so a load that an allocation failure cut short is done again. */
static void load_knowledge(lua_State *L, const logonerr_entry *e) {
  const char *q, *a;
  const logonerr_entry *r;
  size_t i;
  int list;
  set_string(L, "summary", logonerr_summary(e));
  for (list = 0; list < LOGONERR_LIST_COUNT; list++)
    set_strings(L, logonerr_list_name(list), e, list);
  if (logonerr_faq(e, 0, &q, &a)) {
    lua_newtable(L);
    for (i = 0; logonerr_faq(e, i, &q, &a); i++) {
      lua_createtable(L, 0, 2);
      set_string(L, "question", q);
      set_string(L, "answer", a);
      make_view(L, 1);
      lua_rawseti(L, -2, (int)i + 1);
    }
    make_view(L, 0);
    lua_setfield(L, -2, "faq");
  }
  lua_newtable(L); /* related: always a list, maybe empty */
  for (i = 0; (r = logonerr_related(e, i)) != NULL; i++) {
    lbind_push_entry(L, r);
    lua_rawseti(L, -2, (int)i + 1);
  }
  make_view(L, 0);
  lua_setfield(L, -2, "related");
  if (logonerr_alias(e, 0) != NULL) {
    const char *alias;
    lua_newtable(L);
    for (i = 0; (alias = logonerr_alias(e, i)) != NULL; i++) {
      lua_pushstring(L, alias);
      lua_rawseti(L, -2, (int)i + 1);
    }
    make_view(L, 0);
    lua_setfield(L, -2, "aliases");
  }
  push_sources(L, e);
  lua_setfield(L, -2, "sources");
  set_string(L, "message", logonerr_message(e));
}

/* The data table of the entry object at obj, knowledge loaded, on top. */
static void push_data(lua_State *L, int obj) {
  lua_Integer i = index_of(L, obj);
  int loaded;
  lua_rawgeti(L, DATA, (int)i);
  lua_getfield(L, -1, "message");
  loaded = !lua_isnil(L, -1);
  lua_pop(L, 1);
  if (!loaded) load_knowledge(L, logonerr_at((size_t)i - 1));
}

static int entry_index(lua_State *L) {
  lua_rawgeti(L, DATA, (int)index_of(L, 1));
  lua_pushvalue(L, 2);
  lua_rawget(L, -2);
  if (!lua_isnil(L, -1)) return 1;
  lua_pop(L, 2);
  push_data(L, 1); /* the message and the knowledge, the first time */
  lua_pushvalue(L, 2);
  lua_rawget(L, -2);
  return 1;
}

static int entry_pairs(lua_State *L) {
  push_data(L, 1);
  return walk(L, lua_gettop(L), hidden_next, 0);
}

static int entry_tostring(lua_State *L) {
  const logonerr_entry *e = logonerr_at((size_t)index_of(L, 1) - 1);
  logonerr_reading r;
  char buf[512];
  int n;
  memset(&r, 0, sizeof r);
  r.value = r.code = logonerr_code(e);
  r.ns = logonerr_namespace(e);
  r.how = LOGONERR_HOW_NAME;
  r.entry = e;
  n = logonerr_format(buf, sizeof buf, &r, NULL, 0);
  lua_pushlstring(L, buf, n < 0 ? 0 : (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
  return 1;
}

static const luaL_Reg entry_meta[] = {{"__index", entry_index},
                                      {"__newindex", readonly},
                                      {"__pairs", entry_pairs},
                                      {"__tostring", entry_tostring},
                                      {NULL, NULL}};

static const luaL_Reg view_meta[] = {{"__index", view_index},
                                     {"__newindex", readonly},
                                     {"__len", view_len},
                                     {"__pairs", view_pairs},
                                     {"__ipairs", view_ipairs},
                                     {NULL, NULL}};

static void new_meta(lua_State *L, const char *name, const luaL_Reg *l) {
  luaL_newmetatable(L, name);
  lbind_push_upvalues(L);
  luaL_setfuncs(L, l, NUPVALUES);
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);
}

/* FAST[key] = the entry object at stack index at. */
static void fast_string(lua_State *L, const char *k, size_t n, int at) {
  lua_pushlstring(L, k, n);
  lua_pushvalue(L, at);
  lua_rawset(L, FAST);
}

static void fast_number(lua_State *L, int64_t k, int at) {
  lbind_push_int(L, k);
  lua_pushvalue(L, at);
  lua_rawset(L, FAST);
}

static void fast_name(lua_State *L, const char *name, int at) {
  char low[LOGONERR_MAX_INPUT];
  size_t i, n = strlen(name);
  for (i = 0; i < n && i < sizeof low; i++)
    low[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
  fast_string(L, name, n, at);
  fast_string(L, low, i, at);
}

/* The spellings of entry e (its object at stack index at) that lookup
 * reads without parsing: each one reads as e by logonerr_parse's rules, as
 * a spec checks.  Kerberos codes are small numbers that read as Win32
 * unless asked, so only their names are here. */
static void add_fast(lua_State *L, const logonerr_entry *e, int at) {
  char hex[LOGONERR_HEX_SIZE];
  size_t i, h;
  uint32_t code = logonerr_code(e), hr;
  int ns = logonerr_namespace(e);
  const char *alias;
  fast_name(L, logonerr_name(e), at);
  for (i = 0; (alias = logonerr_alias(e, i)) != NULL; i++) fast_name(L, alias, at);
  if (ns == LOGONERR_NS_KERBEROS) return;
  fast_number(L, code, at);
  h = logonerr_hex(code, hex);
  fast_string(L, hex, h, at);
  for (i = 2; i < h; i++)
    if (hex[i] >= 'A') hex[i] = (char)(hex[i] + 32);
  fast_string(L, hex, h, at);
  if (ns == LOGONERR_NS_WIN32) {
    fast_number(L, logonerr_hresult_from_win32(code), at);
    return;
  }
  fast_number(L, (int32_t)code, at);
  if (ns == LOGONERR_NS_HRESULT) return;
  hr = logonerr_hresult_from_nt(code);
  fast_number(L, hr, at);
  fast_number(L, (int32_t)hr, at);
  fast_string(L, hex, logonerr_hex(hr, hex), at);
}

/* The brief fields every lookup needs, in a new table on top. */
static void push_brief(lua_State *L, const logonerr_entry *e) {
  uint32_t hr;
  lua_createtable(L, 0, 16);
  set_string(L, "name", logonerr_name(e));
  lbind_push_int(L, logonerr_code(e));
  lua_setfield(L, -2, "code");
  set_string(L, "namespace", logonerr_ns_name(logonerr_namespace(e)));
  lbind_push_hex(L, logonerr_code(e));
  lua_setfield(L, -2, "hex");
  if (logonerr_hresult(logonerr_namespace(e), logonerr_code(e), &hr)) {
    lbind_push_int(L, hr);
    lua_setfield(L, -2, "hresult");
  }
  set_string(L, "category", logonerr_category_name(logonerr_category(e)));
  set_string(L, "severity", logonerr_severity_name(logonerr_severity(e)));
}

/* module[field] = a read-only list of the names f(0), f(1), ... */
static void set_names(lua_State *L, int module, const char *field,
                      const char *(*f)(int), int first) {
  int i;
  const char *s;
  lua_newtable(L);
  for (i = first; (s = f(i)) != NULL; i++) {
    lua_pushstring(L, s);
    lua_rawseti(L, -2, i - first + 1);
  }
  make_view(L, 0);
  lua_setfield(L, module, field);
}

/* Build the entries and the module's tables (module: the stack index of
 * the table luaopen returns). */
void lentry_open(lua_State *L, int module) {
  size_t i, n = logonerr_count();
  int ns, by_ns, by_name, errors;
  new_meta(L, ENTRY_MT, entry_meta);
  new_meta(L, VIEW_MT, view_meta);
  lua_newtable(L); /* namespace name -> code -> entry */
  by_ns = lua_gettop(L);
  for (ns = LOGONERR_NS_NONE + 1; ns < LOGONERR_NS_END; ns++) {
    lua_newtable(L);
    lua_setfield(L, by_ns, logonerr_ns_name(ns));
  }
  lua_createtable(L, 0, (int)n);
  by_name = lua_gettop(L);
  lua_createtable(L, (int)n, 0);
  errors = lua_gettop(L);
  for (i = 1; i <= n; i++) {
    const logonerr_entry *e = logonerr_at(i - 1);
    push_brief(L, e);
    lua_rawseti(L, DATA, (int)i);
    lua_newtable(L);
    luaL_getmetatable(L, ENTRY_MT);
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_rawseti(L, ENTRIES, (int)i);
    lua_pushvalue(L, -1);
    lua_pushinteger(L, (lua_Integer)i);
    lua_rawset(L, INDEX);
    add_fast(L, e, lua_gettop(L));
    lua_pushvalue(L, -1);
    lua_rawseti(L, errors, (int)i);
    lua_pushvalue(L, -1);
    lua_setfield(L, by_name, logonerr_name(e));
    lua_getfield(L, by_ns, logonerr_ns_name(logonerr_namespace(e)));
    lbind_push_int(L, logonerr_code(e));
    lua_pushvalue(L, -3);
    lua_rawset(L, -3);
    lua_pop(L, 2);
    lbind_push_int(L, logonerr_code(e)); /* the constant */
    lua_setfield(L, module, logonerr_name(e));
  }
  /* Links: an NTSTATUS entry's Win32 twin; a Win32 entry's statuses. */
  for (i = 1; i <= n; i++) {
    const logonerr_entry *e = logonerr_at(i - 1), *w = logonerr_win32_of(e);
    lua_rawgeti(L, DATA, (int)i);
    if (w != NULL) {
      lbind_push_entry(L, w);
      lua_setfield(L, -2, "win32");
    }
    if (logonerr_namespace(e) == LOGONERR_NS_WIN32) {
      const logonerr_entry *nts[16];
      size_t k, m = logonerr_ntstatus_for(logonerr_code(e), nts, 16);
      lua_newtable(L);
      for (k = 0; k < m && k < 16; k++) {
        lbind_push_entry(L, nts[k]);
        lua_rawseti(L, -2, (int)k + 1);
      }
      make_view(L, 0);
      lua_setfield(L, -2, "ntstatus");
    }
    lua_pop(L, 1);
  }
  make_view(L, 0);
  lua_setfield(L, module, "errors");
  make_view(L, 0);
  lua_setfield(L, module, "by_name");
  for (ns = LOGONERR_NS_NONE + 1; ns < LOGONERR_NS_END; ns++) {
    lua_getfield(L, by_ns, logonerr_ns_name(ns));
    make_view(L, 0);
    lua_setfield(L, module, logonerr_ns_name(ns));
  }
  lua_pop(L, 1);
  set_names(L, module, "namespaces", logonerr_ns_name, LOGONERR_NS_NONE + 1);
  set_names(L, module, "categories", logonerr_category_name, 0);
  set_names(L, module, "severities", logonerr_severity_name, LOGONERR_SEV_NONE + 1);
  set_names(L, module, "list_fields", logonerr_list_name, 0);
  set_names(L, module, "source_fields", logonerr_field_name, 0);
  set_names(L, module, "formats", logonerr_format_name, 0);
}
