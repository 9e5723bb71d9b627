/*
 * Allocation failure: run a script that exercises the whole Lua API under
 * an allocator that fails at the k-th allocation, for every k up to the
 * number the script makes.  Every run must end in success or a clean Lua
 * error, free every byte it allocated, and leave a state in which the
 * next call works.  make alloc-test builds it with ASan + LSan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

int luaopen_logonerr_core(lua_State *L);

typedef struct budget {
  unsigned long count;   /* allocations so far              */
  unsigned long fail_at; /* the one that fails (0: none)    */
  long live;             /* bytes allocated and not freed   */
} budget;

static void *failing_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  budget *b = (budget *)ud;
  if (ptr == NULL) osize = 0; /* osize is then a type tag */
  if (nsize == 0) {
    free(ptr);
    b->live -= (long)osize;
    return NULL;
  }
  /* From the k-th on, so that Lua's retry after a collection fails too. */
  if (nsize > osize && ++b->count >= b->fail_at && b->fail_at) return NULL;
  ptr = realloc(ptr, nsize);
  if (ptr != NULL) b->live += (long)nsize - (long)osize;
  return ptr;
}

static const char script[] =
    "package.path = 'lua/?.lua;lua/?/init.lua;/usr/share/lua/5.4/?.lua'\n"
    "local logonerr = require 'logonerr'\n"
    "local report = require 'logonerr.report'\n"
    "local e = assert(logonerr.lookup('0xC000006A'))\n"
    "assert(logonerr.lookup('Error_Logon_Failure').code == 1326)\n"
    "assert(logonerr.lookup('4903') == nil)\n"
    "assert(#e.causes > 0 and e.win32 and e.related)\n"
    "for k in pairs(e) do end\n"
    "assert(#logonerr.candidates('556') >= 1)\n"
    "assert(logonerr.forms(-1073741715).hex == '0xC000006D')\n"
    "assert(logonerr.format(1366, '{name} {hresult}'))\n"
    "assert(logonerr.decode(0xC000006D).facility == 0)\n"
    "assert(#logonerr.search('logon session') > 0)\n"
    "assert(not pcall(logonerr.format, 1366, '{bad'))\n"
    "for x in logonerr.scan('Sub Status: 0xC000006A error 1326 ') do end\n"
    "local s = logonerr.scanner({ all = true })\n"
    "for x in s:feed('status=-10737') do end\n"
    "for x in s:feed('41715 error 4903 ') do end\n"
    "for x in s:finish() do end\n"
    "assert(#logonerr.summarize('error 1326\\nerror 1366\\n') == 2)\n"
    "assert(logonerr.annotate('error 1326\\n'):find('ERROR_LOGON_FAILURE'))\n"
    "assert(report.explain(1366, 'text'))\n"
    "assert(report.explain(1366, 'json'))\n"
    "assert(report.summary({ [1366] = 2 }, 'markdown'))\n"
    "assert(report.render('{{#causes}}{{.}}{{/causes}}', e))\n";

static const char check[] =
    "local logonerr = require 'logonerr'\n"
    "assert(logonerr.lookup(1366).name == 'ERROR_LOGON_SESSION_COLLISION')\n"
    "assert(#logonerr.lookup('status_logon_failure').causes > 0)\n"
    "for x in logonerr.scan('error 1326 ') do assert(x.code == 1326) end\n";

static int setup_and_run(lua_State *L) {
  luaL_requiref(L, "logonerr.core", luaopen_logonerr_core, 0);
  lua_pop(L, 1);
  if (luaL_loadbuffer(L, script, sizeof script - 1, "=script") != LUA_OK)
    return lua_error(L);
  lua_call(L, 0, 0);
  return 0;
}

/* One run failing at allocation k (0: none).  Returns the number of
 * allocations made, or 0 on a failure of the test itself. */
static unsigned long run(unsigned long k, int *status) {
  budget b = {0, 0, 0};
  unsigned long base;
  lua_State *L = lua_newstate(failing_alloc, &b);
  if (L == NULL) return 0;
  /* The standard libraries open with all the memory they want, and a
   * string buffer large enough to be boxed is made once: Lua 5.4.4's
   * lauxlib leaves its box metatable without __close when memory runs out
   * while it first makes it, which breaks the state for good (a Lua bug,
   * not logonerr's). */
  luaL_openlibs(L);
  if (luaL_dostring(L, "local _ = ('x'):rep(65536)") != LUA_OK) return 0;
  base = b.count;
  b.fail_at = k ? base + k : 0;
  lua_pushcfunction(L, setup_and_run);
  *status = lua_pcall(L, 0, 0, 0);
  if (*status != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    if (getenv("ALLOC_VERBOSE")) fprintf(stderr, "k=%lu: %s\n", k, msg);
    if (*status != LUA_ERRMEM && msg != NULL && !strstr(msg, "memory")) {
      fprintf(stderr, "k=%lu: not a memory error: %s\n", k, msg);
      lua_close(L);
      return 0;
    }
    lua_pop(L, 1);
    /* The next calls, with memory again, must work in the same state: the
     * whole script again, then a check of what it loaded. */
    b.fail_at = 0;
    lua_pushcfunction(L, setup_and_run);
    if (lua_pcall(L, 0, 0, 0) != LUA_OK ||
        luaL_loadbuffer(L, check, sizeof check - 1, "=check") != LUA_OK ||
        lua_pcall(L, 0, 0, 0) != LUA_OK) {
      fprintf(stderr, "k=%lu: state broken after the failure: %s\n", k,
              lua_tostring(L, -1));
      lua_close(L);
      return 0;
    }
  }
  lua_close(L);
  if (b.live != 0) {
    fprintf(stderr, "k=%lu: %ld bytes not freed\n", k, b.live);
    return 0;
  }
  return b.count - base;
}

int main(int argc, char **argv) {
  unsigned long total, k, step = argc > 1 ? strtoul(argv[1], NULL, 10) : 1;
  int status, failed = 0, errors = 0;
  total = run(0, &status);
  if (total == 0 || status != LUA_OK) {
    fprintf(stderr, "the script fails with all the memory it wants\n");
    return 1;
  }
  if (argc > 2) total = strtoul(argv[2], NULL, 10); /* up to k (debugging) */
  for (k = argc > 3 ? strtoul(argv[3], NULL, 10) : 1; k <= total; k += step) {
    if (run(k, &status) == 0) failed++;
    else if (status != LUA_OK) errors++;
  }
  printf("alloc: %lu allocations; failing each of them (step %lu): "
         "%d clean memory errors, %d problems\n", total, step, errors, failed);
  return failed == 0 ? 0 : 1;
}
