/*
 * logonerr.archive -- gzip and zip archives for Lua, read in place:
 *   archive.kind(head)      "gzip", "zip" or nil, from a file's first bytes
 *   archive.gzip(path)      a stream of the uncompressed bytes
 *   archive.zip(path)       a zip: z:members() -> { {index, name, size} },
 *                           z:open(index) -> a stream, z:close()
 *   stream:read([n])        up to n bytes (64 KiB by default); nil at the
 *                           end; nil and a message on damaged data
 *   stream:close()
 * The C work is in archive.c; this file only moves values across.
 */
#include <stdlib.h>

#include "lcompat.h"

#include "archive.h"

#define STREAM "logonerr.archive.stream"
#define ZIP "logonerr.archive.zip"
#define CHUNK 65536

/* Userdata hold a pointer, NULL once closed. */
static void **new_box(lua_State *L, const char *mt) {
  void **box = lua_newuserdata(L, sizeof *box);
  *box = NULL;
  luaL_getmetatable(L, mt);
  lua_setmetatable(L, -2);
  return box;
}

static int fail(lua_State *L, const char *path, const char *err) {
  lua_pushnil(L);
  lua_pushfstring(L, "%s: %s", path, err);
  return 2;
}

static int l_kind(lua_State *L) {
  size_t n;
  const char *head = luaL_checklstring(L, 1, &n);
  switch (archive_kind((const unsigned char *)head, n)) {
  case ARCHIVE_GZIP: lua_pushliteral(L, "gzip"); break;
  case ARCHIVE_ZIP: lua_pushliteral(L, "zip"); break;
  default: lua_pushnil(L);
  }
  return 1;
}

static int l_gzip(lua_State *L) {
  char err[ARCHIVE_ERRLEN];
  const char *path = luaL_checkstring(L, 1);
  void **box = new_box(L, STREAM);
  *box = archive_gzip_open(path, err);
  return *box ? 1 : fail(L, path, err);
}

static int l_zip(lua_State *L) {
  char err[ARCHIVE_ERRLEN];
  const char *path = luaL_checkstring(L, 1);
  void **box = new_box(L, ZIP);
  *box = archive_zip_open(path, err);
  return *box ? 1 : fail(L, path, err);
}

static archive_zip *open_zip(lua_State *L) {
  void **box = luaL_checkudata(L, 1, ZIP);
  if (*box == NULL)
    luaL_argerror(L, 1, "the zip is closed");
  return *box;
}

/* The members that hold bytes (directories left out), in order. */
static int zip_members(lua_State *L) {
  archive_zip *z = open_zip(L);
  long i, n = archive_zip_count(z);
  int k = 0;
  lua_newtable(L);
  for (i = 0; i < n; i++) {
    long long size;
    int dir;
    const char *name = archive_zip_name(z, i, &size, &dir);
    if (name == NULL || dir)
      continue;
    lua_createtable(L, 0, 3);
    lua_pushnumber(L, (lua_Number)(i + 1));
    lua_setfield(L, -2, "index");
    lua_pushstring(L, name);
    lua_setfield(L, -2, "name");
    if (size >= 0) {
      lua_pushnumber(L, (lua_Number)size);
      lua_setfield(L, -2, "size");
    }
    lua_rawseti(L, -2, ++k);
  }
  return 1;
}

static int zip_open_member(lua_State *L) {
  char err[ARCHIVE_ERRLEN];
  archive_zip *z = open_zip(L);
  long i = (long)luaL_checknumber(L, 2);
  void **box = new_box(L, STREAM);
  *box = archive_zip_member(z, i - 1, err);
  if (*box == NULL) {
    lua_pushnil(L);
    lua_pushfstring(L, "member %d: %s", (int)i, err);
    return 2;
  }
  return 1;
}

static int zip_close(lua_State *L) {
  void **box = luaL_checkudata(L, 1, ZIP);
  archive_zip_close(*box);
  *box = NULL;
  return 0;
}

static int stream_read(lua_State *L) {
  char err[ARCHIVE_ERRLEN];
  void **box = luaL_checkudata(L, 1, STREAM);
  lua_Number want = luaL_optnumber(L, 2, CHUNK);
  size_t n = want < 1 ? 1 : want > (1 << 24) ? (1 << 24) : (size_t)want;
  char *buf;
  long got;
  if (*box == NULL)
    return luaL_argerror(L, 1, "the stream is closed");
  /* The buffer is a userdata so that an error in Lua cannot leak it. */
  buf = lua_newuserdata(L, n);
  got = archive_read(*box, buf, n, err);
  if (got < 0) {
    lua_pushnil(L);
    lua_pushstring(L, err);
    return 2;
  }
  if (got == 0)
    lua_pushnil(L);
  else
    lua_pushlstring(L, buf, (size_t)got);
  return 1;
}

static int stream_close(lua_State *L) {
  void **box = luaL_checkudata(L, 1, STREAM);
  archive_close(*box);
  *box = NULL;
  return 0;
}

static const luaL_Reg stream_methods[] = {
    {"read", stream_read}, {"close", stream_close}, {NULL, NULL}};
static const luaL_Reg zip_methods[] = {{"members", zip_members},
                                       {"open", zip_open_member},
                                       {"close", zip_close},
                                       {NULL, NULL}};
static const luaL_Reg funcs[] = {
    {"kind", l_kind}, {"gzip", l_gzip}, {"zip", l_zip}, {NULL, NULL}};

static void class(lua_State *L, const char *name, const luaL_Reg *methods,
                  lua_CFunction gc) {
  luaL_newmetatable(L, name);
  lua_newtable(L);
  luaL_setfuncs(L, methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, gc);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);
}

LOGONERR_EXPORT int luaopen_logonerr_archive(lua_State *L);
LOGONERR_EXPORT int luaopen_logonerr_archive(lua_State *L) {
  class(L, STREAM, stream_methods, stream_close);
  class(L, ZIP, zip_methods, zip_close);
  lua_newtable(L);
  luaL_setfuncs(L, funcs, 0);
  return 1;
}
