/*
 * A host program with its own Lua interpreter and logonerr linked in:
 * the C core is opened with luaL_requiref, the Lua layer (and dkjson) are
 * compiled into the executable and found through package.preload, and the
 * file searchers are switched off to show that nothing comes from disk.
 */
#include <stdio.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

#include "bundle.h"

int luaopen_logonerr_core(lua_State *L);

static const char script[] =
    "local logonerr = require 'logonerr'\n"
    "local report = require 'logonerr.report'\n"
    "print(logonerr.format(1366))\n"
    "print(logonerr.lookup('0xC000006D').name)\n"
    "for e, i, j in logonerr.scan('LsaLogonUser failed: status=-1073741715') do\n"
    "  print(e.name, i, j)\n"
    "end\n"
    "io.write(report.summary(logonerr.summarize('error 1326\\nerror 1326\\n'), 'line'))\n"
    "print(#report.explain('ERROR_LOGON_SESSION_COLLISION', 'json') > 0)\n";

/* package.preload loader: upvalue 1 is the bundled module. */
static int load_bundled(lua_State *L) {
  const struct bundled_module *m =
      (const struct bundled_module *)lua_touserdata(L, lua_upvalueindex(1));
  if (luaL_loadbuffer(L, (const char *)m->code, m->len, m->name) != LUA_OK)
    return lua_error(L);
  lua_pushstring(L, m->name);
  lua_call(L, 1, 1);
  return 1;
}

static void install_bundle(lua_State *L) {
  const struct bundled_module *m;
  lua_getglobal(L, "package");
  lua_pushliteral(L, ""); /* no Lua file is searched for ...        */
  lua_setfield(L, -2, "path");
  lua_pushliteral(L, ""); /* ... and no C library either            */
  lua_setfield(L, -2, "cpath");
  lua_getfield(L, -1, "preload");
  for (m = bundled_modules; m->name != NULL; m++) {
    lua_pushlightuserdata(L, (void *)m);
    lua_pushcclosure(L, load_bundled, 1);
    lua_setfield(L, -2, m->name);
  }
  lua_pop(L, 2);
}

int main(void) {
  int status;
  lua_State *L = luaL_newstate();
  if (L == NULL) return 1;
  luaL_openlibs(L);
  luaL_requiref(L, "logonerr.core", luaopen_logonerr_core, 0);
  lua_pop(L, 1);
  install_bundle(L);
  status = luaL_loadbuffer(L, script, sizeof script - 1, "=script") ||
           lua_pcall(L, 0, 0, 0);
  if (status != LUA_OK) fprintf(stderr, "host: %s\n", lua_tostring(L, -1));
  lua_close(L);
  return status == LUA_OK ? 0 : 1;
}
