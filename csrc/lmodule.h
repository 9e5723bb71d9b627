/*
 * What every Lua module of logonerr marks its luaopen function with (the
 * one symbol a module exports), and, for the modules built beside
 * logonerr.core (logonerr.evtx, logonerr.archive), luaL_setfuncs for Lua
 * 5.1 and LuaJIT, for tables of functions without upvalues (the core's
 * binding has its own, in lbind.c, with upvalues).
 */
#ifndef LOGONERR_LMODULE_H
#define LOGONERR_LMODULE_H

#include "lauxlib.h"
#include "lua.h"

#if defined(_WIN32)
#define LOGONERR_EXPORT __declspec(dllexport)
#else
#define LOGONERR_EXPORT __attribute__((visibility("default")))
#endif

#if LUA_VERSION_NUM < 502 && !defined(LOGONERR_LBIND_H)
#define luaL_setfuncs lmodule_setfuncs
static void lmodule_setfuncs(lua_State *L, const luaL_Reg *l, int nup) {
  (void)nup; /* no upvalues in these modules */
  for (; l->name != NULL; l++) {
    lua_pushcfunction(L, l->func);
    lua_setfield(L, -2, l->name);
  }
}
#endif

#endif
