/*
 * Threads: four threads each run the Lua module in a lua_State of their
 * own while four more call the C API directly, all at once.  Built with
 * ThreadSanitizer by make threads.  The C core keeps no mutable global
 * state, so nothing here should race; every thread also checks that its
 * answers are right.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

#include "logonerr.h"

#define LUA_THREADS 4
#define C_THREADS 4
#define ROUNDS 2000

int luaopen_logonerr_core(lua_State *L);

static pthread_barrier_t start;

static const char script[] =
    "package.path = 'lua/?.lua;lua/?/init.lua;' .. package.path\n"
    "local logonerr = require 'logonerr'\n"
    "local rounds = ...\n"
    "for i = 1, rounds do\n"
    "  assert(logonerr.lookup(1366).name == 'ERROR_LOGON_SESSION_COLLISION')\n"
    "  assert(logonerr.lookup('status_logon_failure').code == 0xC000006D)\n"
    "  assert(logonerr.lookup('Error_Logon_Failure').code == 1326)\n"
    "  assert(#logonerr.lookup(-1073741715).causes > 0)\n"
    "  local n = 0\n"
    "  for e in logonerr.scan('Sub Status: 0xC000006A error 1326 ' .. i) do n = n + 1 end\n"
    "  assert(n == 2)\n"
    "  assert(logonerr.format(1312):find('^ERROR_NO_SUCH_LOGON_SESSION'))\n"
    "end\n";

static void *lua_worker(void *arg) {
  int *ok = (int *)arg;
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  luaL_requiref(L, "logonerr.core", luaopen_logonerr_core, 0);
  lua_pop(L, 1);
  pthread_barrier_wait(&start);
  if (luaL_loadbuffer(L, script, sizeof script - 1, "=threads") == LUA_OK) {
    lua_pushinteger(L, ROUNDS / 10);
    *ok = lua_pcall(L, 1, 0, 0) == LUA_OK;
    if (!*ok) fprintf(stderr, "lua thread: %s\n", lua_tostring(L, -1));
  }
  lua_close(L);
  return NULL;
}

static void *c_worker(void *arg) {
  int *ok = (int *)arg, i;
  static const char text[] = "Sub Status: 0xC000006A\nstatus=-1073741715\n";
  pthread_barrier_wait(&start);
  *ok = 1;
  for (i = 0; i < ROUNDS; i++) {
    logonerr_reading r, rs[4];
    logonerr_scanner sc;
    logonerr_match m;
    char buf[256];
    int found = 0;
    if (logonerr_parse("0x80070556", 10, 0, &r) != LOGONERR_OK ||
        r.entry == NULL || r.code != 1366)
      *ok = 0;
    if (logonerr_format(buf, sizeof buf, &r, "{name}/{hex}", 12) < 0 ||
        strcmp(buf, "ERROR_LOGON_SESSION_COLLISION/0x556") != 0)
      *ok = 0;
    if (logonerr_candidates("556", 3, rs, 4) < 1) *ok = 0;
    if (logonerr_find_name("status_wrong_password", 21) == NULL) *ok = 0;
    logonerr_scan_init(&sc, 0);
    logonerr_scan_feed(&sc, text, sizeof text - 1);
    while (logonerr_scan_next(&sc, &m)) found++;
    found += logonerr_scan_finish(&sc, &m);
    if (found != 2) *ok = 0;
  }
  return NULL;
}

int main(void) {
  pthread_t t[LUA_THREADS + C_THREADS];
  int ok[LUA_THREADS + C_THREADS], i, all = 1;
  pthread_barrier_init(&start, NULL, LUA_THREADS + C_THREADS);
  for (i = 0; i < LUA_THREADS + C_THREADS; i++) {
    ok[i] = 0;
    pthread_create(&t[i], NULL, i < LUA_THREADS ? lua_worker : c_worker, &ok[i]);
  }
  for (i = 0; i < LUA_THREADS + C_THREADS; i++) {
    pthread_join(t[i], NULL);
    all &= ok[i];
  }
  pthread_barrier_destroy(&start);
  printf("threads: %s\n", all ? "all answers right" : "WRONG ANSWERS");
  return all ? 0 : 1;
}
