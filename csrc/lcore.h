/*
 * What the parts of the binding (lcore.c, lscan.c) share: Lua version
 * compatibility, the upvalues every function of logonerr.core carries, and
 * the helpers that push values.  Internal: not part of the C API.
 */
#ifndef LOGONERR_LCORE_H
#define LOGONERR_LCORE_H

#include "lauxlib.h"
#include "lua.h"

#include "logonerr.h"

#if defined(_WIN32)
#define LOGONERR_EXPORT __declspec(dllexport)
#else
#define LOGONERR_EXPORT __attribute__((visibility("default")))
#endif

#if LUA_VERSION_NUM < 502
/* Lua 5.1 and LuaJIT (which declares its own luaL_setfuncs). */
#define lua_rawlen lua_objlen
#define luaL_setfuncs compat_setfuncs
static void compat_setfuncs(lua_State *L, const luaL_Reg *l, int nup) {
  for (; l->name != NULL; l++) {
    int i;
    for (i = 0; i < nup; i++) lua_pushvalue(L, -nup);
    lua_pushcclosure(L, l->func, nup);
    lua_setfield(L, -(nup + 2), l->name);
  }
  lua_pop(L, nup);
}
#endif

#define ENTRIES lua_upvalueindex(1) /* index -> entry object                 */
#define FAST lua_upvalueindex(2)    /* usual spellings of a code -> entry  */
#define INDEX lua_upvalueindex(3)   /* entry -> index                      */
#define NUPVALUES 3

void lcore_push_int(lua_State *L, int64_t v);
void lcore_push_u32(lua_State *L, uint32_t v);
void lcore_push_hex(lua_State *L, uint32_t v);
int lcore_push_entry(lua_State *L, const logonerr_entry *e);

/* Adds scan and scanner to the module table on top of the stack, whose
 * upvalues (ENTRIES, FAST, INDEX) are the NUPVALUES values below it. */
void lscan_open(lua_State *L);

#endif
