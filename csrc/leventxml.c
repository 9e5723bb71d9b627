/*
 * logonerr.eventxml -- one Windows event's XML (<Event>...</Event>) read
 * with libexpat (eventxml.c) into the table logonerr.evtx gives for an
 * EVTX record (the shape is in levtx_record.h).
 */
#include <stdlib.h>
#include <string.h>

#include "eventxml.h"
#include "lcompat.h"
#include "levtx_record.h"

#define PARSER "logonerr.eventxml.parser"
#define ERRLEN 512


static void on_xml_field(void *ud, int where, const char *name, const char *v,
                         size_t n) {
  levtx_record_field(ud, where == LOGONERR_FIELD_DATA, name, strlen(name), v, n);
}

/* Reads one event's XML into a new table; nil, message when it is bad. */
static int push_event(lua_State *L, logonerr_eventxml *x, const char *xml,
                      size_t len) {
  char err[ERRLEN];
  levtx_building b;
  int top = lua_gettop(L);
  levtx_record_begin(L, &b, -1);
  if (logonerr_eventxml_read(x, xml, len, on_xml_field, &b, err, sizeof err) != 0) {
    lua_settop(L, top);
    lua_pushnil(L);
    lua_pushstring(L, err);
    return 2;
  }
  levtx_record_end(L);
  return 1;
}

static logonerr_eventxml **check_parser(lua_State *L) {
  logonerr_eventxml **x = luaL_checkudata(L, 1, PARSER);
  if (*x == NULL) luaL_argerror(L, 1, "parser is closed");
  return x;
}

static logonerr_eventxml *new_eventxml(lua_State *L) {
  logonerr_eventxml *x = logonerr_eventxml_new();
  if (x == NULL) luaL_error(L, "logonerr.eventxml: out of memory");
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

static const luaL_Reg parser_methods[] = {
    {"__gc", l_parser_gc}, {"close", l_parser_gc}, {"read", l_parser_read},
    {NULL, NULL}};

static const luaL_Reg funcs[] = {
    {"parser", l_parser}, {NULL, NULL}};

LOGONERR_EXPORT int luaopen_logonerr_eventxml(lua_State *L);
LOGONERR_EXPORT int luaopen_logonerr_eventxml(lua_State *L) {
  levtx_open_module(L, PARSER, parser_methods, funcs);
  return 1;
}
