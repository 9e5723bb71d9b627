/*
 * logonerr.evtx -- Windows events for Lua: EVTX files through libevtx and
 * event XML through libexpat, each event as a table
 *   { id =, record =, time =, computer =, channel =, provider =, level =,
 *     data = { Name = value, ... } }
 * Built without libevtx (no LOGONERR_WITH_LIBEVTX), open() says so.
 */
#include <stdlib.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"

#include "eventxml.h"
#ifdef LOGONERR_WITH_LIBEVTX
#include "evtx.h"
#endif

#if defined(_WIN32)
#define LOGONERR_EXPORT __declspec(dllexport)
#else
#define LOGONERR_EXPORT __attribute__((visibility("default")))
#endif

#if LUA_VERSION_NUM < 502
#define luaL_setfuncs compat_setfuncs
static void compat_setfuncs(lua_State *L, const luaL_Reg *l, int nup) {
  (void)nup; /* only used with no upvalues here */
  for (; l->name != NULL; l++) {
    lua_pushcfunction(L, l->func);
    lua_setfield(L, -2, l->name);
  }
}
#endif

#define PARSER "logonerr.evtx.parser"
#define READER "logonerr.evtx.reader"
#define ERRLEN 512

/* A decimal field as a number when it is one, else as the text. */
static void push_number_or_text(lua_State *L, const char *v, size_t n) {
  char *end;
  long long k;
  if (n > 0 && n < 20 && v[0] >= '0' && v[0] <= '9') {
    k = strtoll(v, &end, 10);
    if ((size_t)(end - v) == n) {
#if LUA_VERSION_NUM >= 503
      lua_pushinteger(L, (lua_Integer)k);
#else
      lua_pushnumber(L, (lua_Number)k);
#endif
      return;
    }
  }
  lua_pushlstring(L, v, n);
}

/* The record table is at -2, its data table at -1 while fields arrive. */
typedef struct {
  lua_State *L;
  int unnamed;
} building;

static void on_field(void *ud, int where, const char *name, const char *v,
                     size_t n) {
  building *b = ud;
  lua_State *L = b->L;
  if (where == LOGONERR_FIELD_DATA) {
    if (name[0] == '\0') {
      lua_pushlstring(L, v, n);
      lua_rawseti(L, -2, ++b->unnamed);
    } else {
      lua_pushlstring(L, v, n);
      lua_setfield(L, -2, name);
    }
    return;
  }
  if (strcmp(name, "EventID") == 0) {
    push_number_or_text(L, v, n);
    lua_setfield(L, -3, "id");
  } else if (strcmp(name, "EventRecordID") == 0) {
    push_number_or_text(L, v, n);
    lua_setfield(L, -3, "record");
  } else if (strcmp(name, "Level") == 0) {
    push_number_or_text(L, v, n);
    lua_setfield(L, -3, "level");
  } else {
    const char *key = strcmp(name, "TimeCreated") == 0 ? "time"
                      : strcmp(name, "Computer") == 0  ? "computer"
                      : strcmp(name, "Channel") == 0   ? "channel"
                                                       : "provider";
    lua_pushlstring(L, v, n);
    lua_setfield(L, -3, key);
  }
}

/* Reads one event's XML into a new table; nil, message when it is bad. */
static int push_event(lua_State *L, logonerr_eventxml *x, const char *xml,
                      size_t len) {
  char err[ERRLEN];
  building b;
  int top = lua_gettop(L);
  b.L = L;
  b.unnamed = 0;
  lua_createtable(L, 0, 8);
  /* 16 slots: most Security events carry 5 to 16 fields (4624's 21 and up
   * grow it once); 24 cost a quarter more memory per record read. */
  lua_createtable(L, 0, 16);
  if (logonerr_eventxml_read(x, xml, len, on_field, &b, err, sizeof err) != 0) {
    lua_settop(L, top);
    lua_pushnil(L);
    lua_pushstring(L, err);
    return 2;
  }
  lua_setfield(L, -2, "data");
  return 1;
}

static logonerr_eventxml **check_parser(lua_State *L) {
  logonerr_eventxml **x = luaL_checkudata(L, 1, PARSER);
  if (*x == NULL) luaL_argerror(L, 1, "parser is closed");
  return x;
}

static logonerr_eventxml *new_eventxml(lua_State *L) {
  logonerr_eventxml *x = logonerr_eventxml_new();
  if (x == NULL) luaL_error(L, "logonerr.evtx: out of memory");
  return x;
}

/* parser() -> a reader of event XML, one event at a time. */
static int l_parser(lua_State *L) {
  logonerr_eventxml **x = lua_newuserdata(L, sizeof(logonerr_eventxml *));
  *x = NULL;
  luaL_getmetatable(L, PARSER);
  lua_setmetatable(L, -2);
  *x = new_eventxml(L);
  return 1;
}

/* parser:read(xml) -> event table, or nil, message. */
static int l_parser_read(lua_State *L) {
  logonerr_eventxml **x = check_parser(L);
  size_t len;
  const char *s = luaL_checklstring(L, 2, &len);
  return push_event(L, *x, s, len);
}

static int l_parser_gc(lua_State *L) {
  logonerr_eventxml **x = luaL_checkudata(L, 1, PARSER);
  logonerr_eventxml_free(*x);
  *x = NULL;
  return 0;
}

#ifdef LOGONERR_WITH_LIBEVTX
typedef struct {
  logonerr_evtx *f;
  logonerr_eventxml *x;
} reader;

static reader *check_reader(lua_State *L) {
  reader *r = luaL_checkudata(L, 1, READER);
  if (r->f == NULL) luaL_argerror(L, 1, "EVTX reader is closed");
  return r;
}

/* open(path) -> reader, or nil, message. */
static int l_open(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  char err[ERRLEN];
  reader *r = lua_newuserdata(L, sizeof *r);
  r->f = NULL;
  r->x = NULL;
  luaL_getmetatable(L, READER);
  lua_setmetatable(L, -2);
  r->x = new_eventxml(L);
  r->f = logonerr_evtx_open(path, err, sizeof err);
  if (r->f == NULL) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, err);
    return 2;
  }
  return 1;
}

static int l_reader_damaged(lua_State *L) {
  lua_pushboolean(L, logonerr_evtx_damaged(check_reader(L)->f));
  return 1;
}

static int l_reader_count(lua_State *L) {
  lua_pushinteger(L, logonerr_evtx_count(check_reader(L)->f));
  return 1;
}

/* The XML of record i (argument 2, 1-based) of the reader at 1, or NULL
 * with nil and why pushed. */
static const char *record_xml(lua_State *L, reader *r, size_t *len) {
  lua_Integer i = luaL_checkinteger(L, 2);
  char err[ERRLEN];
  const char *xml = NULL;
  luaL_argcheck(L, i >= 1 && i <= logonerr_evtx_count(r->f), 2,
                "no such record");
  if (logonerr_evtx_load(r->f, (int)(i - 1), err, sizeof err) == 0)
    xml = logonerr_evtx_xml(r->f, len, err, sizeof err);
  if (xml == NULL) {
    lua_pushnil(L);
    lua_pushstring(L, err);
  }
  return xml;
}

/* reader:read(i) -> event i (1-based), or nil, why it cannot be read. */
static int l_reader_read(lua_State *L) {
  reader *r = check_reader(L);
  size_t len = 0;
  const char *xml = record_xml(L, r, &len);
  return xml == NULL ? 2 : push_event(L, r->x, xml, len);
}

/* reader:xml(i) -> the XML of event i, as libevtx writes it. */
static int l_reader_xml(lua_State *L) {
  size_t len = 0;
  const char *xml = record_xml(L, check_reader(L), &len);
  if (xml == NULL) return 2;
  lua_pushlstring(L, xml, len);
  return 1;
}

static int l_reader_close(lua_State *L) {
  reader *r = luaL_checkudata(L, 1, READER);
  logonerr_evtx_close(r->f);
  logonerr_eventxml_free(r->x);
  r->f = NULL;
  r->x = NULL;
  return 0;
}
#else
static int l_open(lua_State *L) {
  luaL_checkstring(L, 1);
  lua_pushnil(L);
  lua_pushstring(L, "logonerr.evtx was built without libevtx: reading EVTX "
                    "needs libevtx (Debian: libevtx-dev) at build time");
  return 2;
}
#endif

static const luaL_Reg parser_methods[] = {
    {"__gc", l_parser_gc}, {"close", l_parser_gc}, {"read", l_parser_read},
    {NULL, NULL}};

#ifdef LOGONERR_WITH_LIBEVTX
static const luaL_Reg reader_methods[] = {
    {"__gc", l_reader_close}, {"close", l_reader_close},
    {"count", l_reader_count}, {"damaged", l_reader_damaged},
    {"read", l_reader_read},
    {"xml", l_reader_xml},     {NULL, NULL}};
#endif

static const luaL_Reg funcs[] = {{"open", l_open},
                                 {"parser", l_parser},
                                 {NULL, NULL}};

static void methods(lua_State *L, const char *name, const luaL_Reg *m) {
  luaL_newmetatable(L, name);
  luaL_setfuncs(L, m, 0);
  lua_pushvalue(L, -1);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
}

LOGONERR_EXPORT int luaopen_logonerr_evtx(lua_State *L);
LOGONERR_EXPORT int luaopen_logonerr_evtx(lua_State *L) {
  methods(L, PARSER, parser_methods);
#ifdef LOGONERR_WITH_LIBEVTX
  methods(L, READER, reader_methods);
  lua_newtable(L);
  luaL_setfuncs(L, funcs, 0);
  lua_pushboolean(L, 1);
#else
  lua_newtable(L);
  luaL_setfuncs(L, funcs, 0);
  lua_pushboolean(L, 0);
#endif
  lua_setfield(L, -2, "libevtx");
  return 1;
}
