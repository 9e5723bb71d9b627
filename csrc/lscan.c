/*
 * logonerr.scan and logonerr.scanner: the Lua side of the C scanner
 * (csrc/scan.c), registered by luaopen_logonerr_core.
 */
#include <string.h>

#include "lcore.h"

/* Scanning.  A scanner userdata holds a logonerr_scanner and a registry
 * reference to the buffer it is reading, so that buffer stays alive while
 * an iterator may still read it, and only that one. */
#define SCANNER "logonerr.scanner"

typedef struct lscanner {
  logonerr_scanner sc;
  int ref;       /* the buffer being read (LUA_NOREF: none)        */
  int gen;       /* bumped by feed/finish: older iterators stop     */
  int whole;     /* a one-shot scan(): finish when the text ends    */
  int finished;
  int has_last;  /* finish() found a code that ends the stream      */
  logonerr_match last;
} lscanner;

/* opts: nil or { all = boolean }; anything else is a mistake. */
static int scan_flags(lua_State *L, int idx) {
  int flags = 0;
  if (lua_isnoneornil(L, idx)) return 0;
  luaL_checktype(L, idx, LUA_TTABLE);
  lua_pushnil(L);
  while (lua_next(L, idx) != 0) {
    if (lua_type(L, -2) != LUA_TSTRING)
      luaL_argerror(L, idx, lua_pushfstring(L, "option names are strings, "
                    "got %s", luaL_typename(L, -2)));
    if (strcmp(lua_tostring(L, -2), "all") != 0)
      luaL_argerror(L, idx, lua_pushfstring(L, "unknown option '%s' "
                    "(expected all)", lua_tostring(L, -2)));
    if (lua_toboolean(L, -1)) flags |= LOGONERR_SCAN_ALL;
    lua_pop(L, 1);
  }
  return flags;
}

/* A code found but not catalogued: a plain table saying what was seen. */
static void push_unknown(lua_State *L, const logonerr_match *m) {
  const logonerr_reading *r = &m->reading;
  lua_createtable(L, 0, 6);
  lua_pushlstring(L, m->text, m->len);
  lua_setfield(L, -2, "text");
  lua_pushstring(L, logonerr_ns_name(r->ns));
  lua_setfield(L, -2, "namespace");
  if (r->how == LOGONERR_HOW_NAME) {
    lua_pushlstring(L, m->text, m->len);
    lua_setfield(L, -2, "name");
    return;
  }
  lcore_push_u32(L, r->code);
  lua_setfield(L, -2, "code");
  lcore_push_hex(L, r->code);
  lua_setfield(L, -2, "hex");
  lcore_push_u32(L, r->value);
  lua_setfield(L, -2, "value");
}

/* entry (or a table for an uncatalogued code), start, stop, line */
static int push_match(lua_State *L, const logonerr_match *m) {
  if (m->reading.entry != NULL) lcore_push_entry(L, m->reading.entry);
  else push_unknown(L, m);
  lcore_push_int(L, (int64_t)m->start + 1);
  lcore_push_int(L, (int64_t)m->stop);
  lcore_push_int(L, (int64_t)m->line);
  return 4;
}

static void release(lua_State *L, lscanner *s) {
  luaL_unref(L, LUA_REGISTRYINDEX, s->ref);
  s->ref = LUA_NOREF;
}

/* The iterator of scan(), feed() and finish(): after the binding's own
 * upvalues come the scanner and the generation the iterator belongs to. */
#define SCANNER_UV lua_upvalueindex(NUPVALUES + 1)
#define GEN_UV lua_upvalueindex(NUPVALUES + 2)
static int scan_step(lua_State *L) {
  lscanner *s = (lscanner *)lua_touserdata(L, SCANNER_UV);
  logonerr_match m;
  if (s->gen != (int)lua_tointeger(L, GEN_UV)) return 0;
  if (!s->finished) {
    if (logonerr_scan_next(&s->sc, &m)) return push_match(L, &m);
    if (!s->whole) return 0;
    s->finished = 1;
    release(L, s);
    s->has_last = logonerr_scan_finish(&s->sc, &s->last);
  }
  if (!s->has_last) return 0;
  s->has_last = 0;
  return push_match(L, &s->last);
}

static int push_step(lua_State *L, int ud) {
  lscanner *s = (lscanner *)lua_touserdata(L, ud);
  lua_pushvalue(L, ENTRIES);
  lua_pushvalue(L, FAST);
  lua_pushvalue(L, INDEX);
  lua_pushvalue(L, ud);
  lua_pushinteger(L, ++s->gen);
  lua_pushcclosure(L, scan_step, NUPVALUES + 2);
  return 1;
}

static lscanner *new_scanner(lua_State *L, int flags) {
  lscanner *s = (lscanner *)lua_newuserdata(L, sizeof *s);
  memset(s, 0, sizeof *s);
  s->ref = LUA_NOREF;
  logonerr_scan_init(&s->sc, flags);
  luaL_getmetatable(L, SCANNER);
  lua_setmetatable(L, -2);
  return s;
}

/* Keep the string at idx alive as the scanner's current buffer. */
static void hold(lua_State *L, lscanner *s, int idx) {
  size_t n;
  const char *p = lua_tolstring(L, idx, &n);
  release(L, s);
  lua_pushvalue(L, idx);
  s->ref = luaL_ref(L, LUA_REGISTRYINDEX);
  logonerr_scan_feed(&s->sc, p, n);
}

static void check_string(lua_State *L, int idx) {
  if (lua_type(L, idx) != LUA_TSTRING)
    luaL_argerror(L, idx, lua_pushfstring(L, "string expected, got %s",
                                          luaL_typename(L, idx)));
}

static int l_scan(lua_State *L) {
  lscanner *s;
  int flags;
  check_string(L, 1);
  flags = scan_flags(L, 2);
  s = new_scanner(L, flags);
  s->whole = 1;
  hold(L, s, 1);
  return push_step(L, lua_gettop(L));
}

static int l_scanner(lua_State *L) {
  new_scanner(L, scan_flags(L, 1));
  return 1;
}

static int l_feed(lua_State *L) {
  lscanner *s = (lscanner *)luaL_checkudata(L, 1, SCANNER);
  check_string(L, 2);
  if (s->finished) return luaL_error(L, "feed after finish: this scanner "
                                        "has finished; make a new one");
  hold(L, s, 2);
  return push_step(L, 1);
}

static int l_finish(lua_State *L) {
  lscanner *s = (lscanner *)luaL_checkudata(L, 1, SCANNER);
  if (s->finished) return luaL_error(L, "finish after finish: this scanner "
                                        "has already finished");
  s->has_last = logonerr_scan_finish(&s->sc, &s->last);
  s->finished = 1;
  release(L, s);
  return push_step(L, 1);
}

static int l_scanner_gc(lua_State *L) {
  release(L, (lscanner *)luaL_checkudata(L, 1, SCANNER));
  return 0;
}

static int l_scanner_tostring(lua_State *L) {
  lscanner *s = (lscanner *)luaL_checkudata(L, 1, SCANNER);
  lua_pushfstring(L, "logonerr scanner (%s)",
                  s->finished ? "finished" : "reading");
  return 1;
}

static const luaL_Reg scanner_methods[] = {
    {"feed", l_feed}, {"finish", l_finish}, {NULL, NULL}};


static const luaL_Reg scan_funcs[] = {
    {"scan", l_scan}, {"scanner", l_scanner}, {NULL, NULL}};

void lscan_open(lua_State *L) {
  luaL_newmetatable(L, SCANNER);
  lua_newtable(L); /* methods, sharing the upvalues */
  lua_pushvalue(L, -5);
  lua_pushvalue(L, -5);
  lua_pushvalue(L, -5);
  luaL_setfuncs(L, scanner_methods, NUPVALUES);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, l_scanner_gc);
  lua_setfield(L, -2, "__gc");
  lua_pushcfunction(L, l_scanner_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pop(L, 1);
  lua_pushvalue(L, -4); /* the module table again, then its upvalues */
  lua_pushvalue(L, -4);
  lua_pushvalue(L, -4);
  lua_pushvalue(L, -4);
  luaL_setfuncs(L, scan_funcs, NUPVALUES);
  lua_pop(L, 1);
}
