/*
 * What every Lua binding file of logonerr shares (the core's, lcore.c and
 * its parts, and the events modules', levtx.c and leventxml.c): the export
 * of luaopen_* and luaL_setfuncs where Lua 5.1 lacks it.
 */
#ifndef LOGONERR_LCOMPAT_H
#define LOGONERR_LCOMPAT_H

#include "lauxlib.h"
#include "lua.h"

#if defined(_WIN32)
#define LOGONERR_EXPORT __declspec(dllexport)
#else
#define LOGONERR_EXPORT __attribute__((visibility("default")))
#endif

#if LUA_VERSION_NUM < 502
/* Lua 5.1 and LuaJIT (which declares its own luaL_setfuncs). */
#define lua_rawlen lua_objlen
#define luaL_setfuncs logonerr_setfuncs
static inline void logonerr_setfuncs(lua_State *L, const luaL_Reg *l, int nup) {
  for (; l->name != NULL; l++) {
    int i;
    for (i = 0; i < nup; i++) lua_pushvalue(L, -nup);
    lua_pushcclosure(L, l->func, nup);
    lua_setfield(L, -(nup + 2), l->name);
  }
  lua_pop(L, nup);
}
#endif

#endif
