/*
 * What every Lua module of logonerr shares (the core's binding through
 * lbind.h, and the events modules levtx.c and leventxml.c, which link
 * nothing of the core): the mark of the one symbol a module exports, and
 * luaL_setfuncs where Lua 5.1 lacks it (inline, so each module has it).
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
/* Lua 5.1 and LuaJIT (which declares its own luaL_setfuncs).  (cppcheck
 * and the compilers see one definition per module.) */
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
