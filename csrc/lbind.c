/*
 * The helpers every file of the Lua binding shares (lbind.h): lcore.c,
 * lentry.c and lscan.c call them; they call none of those.
 */
#include "lbind.h"

void lbind_push_upvalues(lua_State *L) {
  int i;
  for (i = 1; i <= NUPVALUES; i++) lua_pushvalue(L, lua_upvalueindex(i));
}

/* Every value here fits a double exactly, so 5.1 and 5.2 lose nothing. */
void lbind_push_int(lua_State *L, int64_t v) {
#if LUA_VERSION_NUM >= 503
  lua_pushinteger(L, (lua_Integer)v);
#else
  lua_pushnumber(L, (lua_Number)v);
#endif
}

void lbind_push_hex(lua_State *L, uint32_t v) {
  char t[LOGONERR_HEX_SIZE];
  lua_pushlstring(L, t, logonerr_hex(v, t));
}

void lbind_push_entry(lua_State *L, const logonerr_entry *e) {
  lua_rawgeti(L, ENTRIES, (int)logonerr_index_of(e) + 1);
}
