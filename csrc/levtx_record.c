/*
 * One event's fields into its Lua table, and the events modules' opening
 * (levtx_record.h).
 */
#include <stdlib.h>
#include <string.h>

#include "lcompat.h"
#include "levtx_record.h"

/* A decimal field as a number when it is one, else as the text. */
static void push_number_or_text(lua_State *L, const char *v, size_t n) {
  if (n > 0 && n < 19) {
    long long k = 0;
    size_t i;
    for (i = 0; i < n && v[i] >= '0' && v[i] <= '9'; i++) k = k * 10 + (v[i] - '0');
    if (i == n) {
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

void levtx_record_begin(lua_State *L, levtx_building *b) {
  b->L = L;
  b->unnamed = 0;
  lua_createtable(L, 0, 8);
  /* 16 slots: most Security events carry 5 to 16 fields (4624's 21 and up
   * grow it once); 24 cost a quarter more memory per record read. */
  lua_createtable(L, 0, 16);
}

void levtx_record_end(lua_State *L) { lua_setfield(L, -2, "data"); }

static int is(const char *name, size_t len, const char *want, size_t k) {
  return len == k && memcmp(name, want, k) == 0;
}
#define IS(s) is(name, name_len, (s), sizeof(s) - 1)

void levtx_record_field(levtx_building *b, int data, const char *name,
                        size_t name_len, const char *v, size_t n) {
  lua_State *L = b->L;
  const char *key;
  if (data) {
    lua_pushlstring(L, v, n);
    if (name_len == 0) {
      lua_rawseti(L, -2, ++b->unnamed);
    } else {
      lua_pushlstring(L, name, name_len);
      lua_insert(L, -2);
      lua_rawset(L, -3);
    }
    return;
  }
  if (IS("EventID") || IS("EventRecordID") || IS("Level")) {
    push_number_or_text(L, v, n);
    lua_setfield(L, -3, IS("EventID") ? "id" : IS("Level") ? "level" : "record");
    return;
  }
  key = IS("TimeCreated") ? "time"
        : IS("Computer")  ? "computer"
        : IS("Channel")   ? "channel"
                          : "provider";
  lua_pushlstring(L, v, n);
  lua_setfield(L, -3, key);
}

void levtx_open_module(lua_State *L, const char *class_name,
                       const luaL_Reg *methods, const luaL_Reg *funcs) {
  luaL_newmetatable(L, class_name);
  luaL_setfuncs(L, methods, 0);
  lua_pushvalue(L, -1);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  lua_newtable(L);
  luaL_setfuncs(L, funcs, 0);
}
