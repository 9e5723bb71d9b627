/*
 * logonerr.evtx -- EVTX files for Lua, through logonerr's own reader
 * (evtx.c; no library): each record as the table levtx_record.h describes.
 *   local r = evtx.open(path [, threads])
 *   while true do
 *     local rec, why, at = r:next()  -- rec; or false, why, where; or nil
 *     ...
 *   end
 *   evtx.claim(path)  -- true: made the file; false: it was there (-j)
 *   evtx.folder()     -- a new folder of this user's own, for the claims
 */
#define _POSIX_C_SOURCE 200809L /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evtx.h"
#include "lcompat.h"
#include "levtx_record.h"

#define READER "logonerr.evtx.reader"
#define ERRLEN 512

typedef struct {
  logonerr_evtx *f;
  const logonerr_evtx_batch *b; /* the chunk being handed out */
  size_t i;                     /* its next record           */
  int done;
  int counted; /* open's counted: unknown events as six values */
} reader;

static reader *check_reader(lua_State *L) {
  reader *r = luaL_checkudata(L, 1, READER);
  if (r->f == NULL) luaL_argerror(L, 1, "EVTX reader is closed");
  return r;
}

/* open(path [, threads [, part, parts [, known [, fields [, counted]]]]])
 * -> reader, or nil, message naming the file.  part (1-based) of parts:
 * that share of the file's chunks.  known: a set of event IDs
 * ({[4624] = true, ...}); the records of other events then come without
 * their data (a triage does not use it, and building it is most of the
 * binding's work): the reader decides on a record's first EventID, so data
 * written before it (in no real log) still comes.  fields: a list of data
 * field names; the other fields (but those without a name) are then left
 * out too.  A record counts what was left out in unread.  counted (with
 * known): a record of another event, which a triage only counts, comes as
 * six values and no table (see push_counted). */
static int l_open(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  lua_Integer threads = luaL_optinteger(L, 2, 1);
  lua_Integer part = luaL_optinteger(L, 3, 1);
  lua_Integer parts = luaL_optinteger(L, 4, 1);
  int counted = lua_istable(L, 5) && lua_toboolean(L, 7); /* (before the stack grows) */
  char err[ERRLEN];
  const char **fields = NULL;
  unsigned char known[65536 / 8]; /* a bit per event ID: open_some copies it */
  reader *r;
  luaL_argcheck(L, threads >= 1 && threads <= 64, 2, "threads must be 1 to 64");
  luaL_argcheck(L, parts >= 1 && parts <= LOGONERR_EVTX_MAX_PARTS, 4, "parts must be 1 to 65535");
  luaL_argcheck(L, part >= 1 && part <= parts, 3, "part must be 1 to parts");
  if (!lua_isnoneornil(L, 5)) luaL_checktype(L, 5, LUA_TTABLE);
  if (!lua_isnoneornil(L, 6)) {
    size_t n, i;
    luaL_checktype(L, 6, LUA_TTABLE);
    n = (size_t)lua_rawlen(L, 6);
    /* the names stay in the list (on the stack) until open copies them */
    fields = lua_newuserdata(L, (n + 1) * sizeof *fields);
    for (i = 0; i < n; i++) {
      lua_rawgeti(L, 6, (int)i + 1);
      if (lua_type(L, -1) != LUA_TSTRING) luaL_argerror(L, 6, "a list of field names expected");
      fields[i] = lua_tostring(L, -1);
      lua_pop(L, 1);
    }
    fields[n] = NULL;
  }
  memset(known, 0, sizeof known);
  if (lua_istable(L, 5)) {
    lua_pushnil(L);
    while (lua_next(L, 5) != 0) {
      lua_pop(L, 1);
      if (lua_type(L, -1) == LUA_TNUMBER) {
        lua_Number id = lua_tonumber(L, -1);
        if (id >= 0 && id <= 65535 && id == (lua_Number)(unsigned)id)
          known[(unsigned)id / 8] |= (unsigned char)(1u << ((unsigned)id % 8));
      }
    }
  }
  r = lua_newuserdata(L, sizeof *r);
  memset(r, 0, sizeof *r);
  r->counted = counted;
  luaL_getmetatable(L, READER);
  lua_setmetatable(L, -2);
  r->f = logonerr_evtx_open_some(path, (int)threads, (unsigned)(part - 1), (unsigned)parts,
                                 lua_istable(L, 5) ? known : NULL, fields, err, sizeof err);
  if (r->f == NULL) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, err);
    return 2;
  }
  return 1;
}

/* Where a skip is: "file header", "chunk 3", "chunk 3, offset 0x1a30". */
static void push_where(lua_State *L, const logonerr_evtx_record *rec) {
  if (rec->chunk == LOGONERR_EVTX_FILE)
    lua_pushliteral(L, "file header");
  else if (rec->offset == 0)
    lua_pushfstring(L, "chunk %d", (int)rec->chunk);
  else {
    char at[64];
    snprintf(at, sizeof at, "chunk %lu, record at 0x%04lx",
             (unsigned long)rec->chunk, (unsigned long)rec->offset);
    lua_pushstring(L, at);
  }
}

#define IS(s) levtx_is(name, f->name_len, (s), sizeof(s) - 1)

/* A record of an event not in known, for a reader opened counted: its
 * event ID, record number, seconds (numbers), computer, channel and
 * provider (texts, or nil) as six values, so that no table is built for a
 * record the triage only counts; what the table would say, field for
 * field (levtx_record_field: the last of a name wins).  0, with nothing
 * pushed, where the table says more: a number or time not in the usual
 * form, a second EventID (the chunk reader judged the first: the last may
 * be an event the triage reads), a record number of 2^32 or more (which
 * Lua folds as Windows does). */
static int push_counted(lua_State *L, const logonerr_evtx_batch *b,
                        const logonerr_evtx_record *rec) {
  long long id = -1, number = -1;
  double secs = -1;
  const logonerr_evtx_field *text[3] = {NULL, NULL, NULL}; /* computer, channel, provider */
  size_t k;
  int i;
  for (k = rec->first; k < (size_t)rec->first + rec->count; k++) {
    const logonerr_evtx_field *f = &b->fields[k];
    const char *name = b->text + f->name, *v = b->text + f->value;
    char iso[28];
    if (f->where == LOGONERR_EVTX_DATA) return 0;
    if (IS("EventID")) {
      if (id >= 0 || !levtx_decimal(v, f->value_len, &id)) return 0;
    } else if (IS("EventRecordID")) {
      if (!levtx_decimal(v, f->value_len, &number) || number > 0xFFFFFFFFLL) return 0;
    } else if (IS("TimeCreated")) {
      if (!levtx_canonical_time(v, f->value_len, &secs, iso, sizeof iso)) return 0;
    } else if (!IS("Level")) {
      text[IS("Computer") ? 0 : IS("Channel") ? 1 : 2] = f;
    }
  }
  if (id < 0 || number < 0 || secs < 0) return 0;
#if LUA_VERSION_NUM >= 503 /* as the table's numbers (levtx_record.c) */
  lua_pushinteger(L, (lua_Integer)id);
  lua_pushinteger(L, (lua_Integer)number);
#else
  lua_pushnumber(L, (lua_Number)id);
  lua_pushnumber(L, (lua_Number)number);
#endif
  lua_pushnumber(L, (lua_Number)secs);
  for (i = 0; i < 3; i++) {
    if (text[i] == NULL) lua_pushnil(L);
    else lua_pushlstring(L, b->text + text[i]->value, text[i]->value_len);
  }
  return 6;
}

/* reader:next() -> the next record; or false, why, where for one that was
 * skipped; or, read counted, the six values of push_counted for an event
 * not in known; or nil at the end (or raises when the file cannot be
 * read). */
static int l_reader_next(lua_State *L) {
  reader *r = check_reader(L);
  const logonerr_evtx_record *rec;
  const logonerr_evtx_batch *b;
  levtx_building bd;
  size_t k;
  int ndata = 0;
  char err[ERRLEN];
  while (r->b == NULL || r->i >= r->b->nrecs) {
    int got;
    if (r->done) return 0;
    got = logonerr_evtx_next(r->f, &r->b, err, sizeof err);
    if (got < 0) return luaL_error(L, "logonerr.evtx: %s", err);
    if (got == 0) {
      r->done = 1;
      r->b = NULL;
      return 0;
    }
    r->i = 0;
  }
  b = r->b;
  rec = &b->recs[r->i++];
  if (rec->why != NULL) {
    lua_pushboolean(L, 0);
    lua_pushstring(L, rec->why);
    push_where(L, rec);
    return 3;
  }
  if (r->counted && rec->unknown && push_counted(L, b, rec)) return 6;
  for (k = rec->first; k < (size_t)rec->first + rec->count; k++)
    ndata += b->fields[k].where == LOGONERR_EVTX_DATA;
  levtx_record_begin(L, &bd, ndata);
  for (k = rec->first; k < (size_t)rec->first + rec->count; k++) {
    const logonerr_evtx_field *f = &b->fields[k];
    levtx_record_field(&bd, f->where == LOGONERR_EVTX_DATA, b->text + f->name,
                       f->name_len, b->text + f->value, f->value_len);
  }
  levtx_record_end(L);
  if (rec->unread > 0) {
    lua_pushinteger(L, (lua_Integer)rec->unread);
    lua_setfield(L, -2, "unread");
  }
  return 1;
}

static int l_reader_close(lua_State *L) {
  reader *r = luaL_checkudata(L, 1, READER);
  logonerr_evtx_close(r->f);
  r->f = NULL;
  r->b = NULL;
  return 0;
}

static const luaL_Reg reader_methods[] = {{"__gc", l_reader_close},
                                          {"close", l_reader_close},
                                          {"next", l_reader_next},
                                          {NULL, NULL}};

/* claim(path) -> true when this call made the file, false when it was
 * there already, or nil and a message.  The processes of `events -j` take
 * the parts of a file this way: of those that ask for a part, one makes
 * its file (O_EXCL), whatever the order they come in. */
static int l_claim(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd >= 0) {
    close(fd);
    lua_pushboolean(L, 1);
    return 1;
  }
  if (errno == EEXIST) {
    lua_pushboolean(L, 0);
    return 1;
  }
  lua_pushnil(L);
  lua_pushfstring(L, "%s: %s", path, strerror(errno));
  return 2;
}

/* folder() -> the path of a new, empty folder under $TMPDIR (or /tmp)
 * that only this user can reach, or nil and a message.  The claims of
 * `events -j` and its workers' results go there: in /tmp itself, another
 * user could put a result of their own where the parent would read it. */
static int l_folder(lua_State *L) {
  const char *base = getenv("TMPDIR");
  char path[4096];
  int n;
  if (base == NULL || *base == '\0') base = "/tmp";
  n = snprintf(path, sizeof path, "%s/logonerr-XXXXXX", base);
  if (n < 0 || n >= (int)sizeof path) {
    lua_pushnil(L);
    lua_pushliteral(L, "TMPDIR is too long");
    return 2;
  }
  if (mkdtemp(path) == NULL) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", base, strerror(errno));
    return 2;
  }
  lua_pushstring(L, path);
  return 1;
}

static const luaL_Reg funcs[] = {
    {"open", l_open}, {"claim", l_claim}, {"folder", l_folder}, {NULL, NULL}};

LOGONERR_EXPORT int luaopen_logonerr_evtx(lua_State *L);
LOGONERR_EXPORT int luaopen_logonerr_evtx(lua_State *L) {
  levtx_open_module(L, READER, reader_methods, funcs);
  return 1;
}
