/*
 * The scanner class of the binding: logonerr.scan(text) and
 * logonerr.scanner() over csrc/scan.c, and pump, the loop of
 * logonerr.summarize and logonerr.annotate.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "lscan.h"
#if LUA_VERSION_NUM < 502
#include "lualib.h" /* LUA_FILEHANDLE */
#endif

/* Scanning.  A scanner userdata holds a logonerr_scanner and a registry
 * reference to the buffer it is reading, so that buffer stays alive while
 * an iterator may still read it, and only that one. */
#define SCANNER "logonerr.scanner"

typedef struct lscanner {
  logonerr_scanner sc;
  int ref;       /* the buffer being read (LUA_NOREF: none)        */
  int gen;       /* bumped by feed/finish: older iterators stop     */
  int whole;     /* a one-shot scan(): finish when the text ends    */
  int finished;
  int has_last;  /* finish() found a code that ends the stream      */
  logonerr_match last;
  int tally_ref; /* pump(): counts and the line before the buffer    */
  int buf_ref;   /* pump() from a file: the two halves it reads into */
  int pend_ref, phead, ptail; /* pump(): codes whose line goes on    */
} lscanner;

/* opts: nil or { all = boolean }; anything else is a mistake. */
static int scan_flags(lua_State *L, int idx) {
  int flags = 0;
  if (lua_isnoneornil(L, idx)) return 0;
  luaL_checktype(L, idx, LUA_TTABLE);
  lua_pushnil(L);
  while (lua_next(L, idx) != 0) {
    if (lua_type(L, -2) != LUA_TSTRING)
      luaL_argerror(L, idx, lua_pushfstring(L, "option names are strings, "
                    "got %s", luaL_typename(L, -2)));
    if (strcmp(lua_tostring(L, -2), "all") != 0)
      luaL_argerror(L, idx, lua_pushfstring(L, "unknown option '%s' "
                    "(expected all)", lua_tostring(L, -2)));
    if (lua_toboolean(L, -1)) flags |= LOGONERR_SCAN_ALL;
    lua_pop(L, 1);
  }
  return flags;
}

/* A code found but not catalogued: a plain table saying what was seen. */
static void push_unknown(lua_State *L, const logonerr_match *m) {
  const logonerr_reading *r = &m->reading;
  lua_createtable(L, 0, 6);
  lua_pushlstring(L, m->text, m->len);
  lua_setfield(L, -2, "text");
  lua_pushstring(L, logonerr_ns_name(r->ns));
  lua_setfield(L, -2, "namespace");
  if (r->how == LOGONERR_HOW_NAME) {
    lua_pushlstring(L, m->text, m->len);
    lua_setfield(L, -2, "name");
    return;
  }
  lbind_push_int(L, r->code);
  lua_setfield(L, -2, "code");
  lbind_push_hex(L, r->code);
  lua_setfield(L, -2, "hex");
  lbind_push_int(L, r->value);
  lua_setfield(L, -2, "value");
}

/* entry (or a table for an uncatalogued code), start, stop, line */
static int push_match(lua_State *L, const logonerr_match *m) {
  if (m->reading.entry != NULL) lbind_push_entry(L, m->reading.entry);
  else push_unknown(L, m);
  lbind_push_int(L, (int64_t)m->start + 1);
  lbind_push_int(L, (int64_t)m->stop);
  lbind_push_int(L, (int64_t)m->line);
  return 4;
}

static void release(lua_State *L, lscanner *s) {
  luaL_unref(L, LUA_REGISTRYINDEX, s->ref);
  s->ref = LUA_NOREF;
}

/* The iterator of scan(), feed() and finish(): after the binding's own
 * upvalues come the scanner and the generation the iterator belongs to. */
#define SCANNER_UV lua_upvalueindex(NUPVALUES + 1)
#define GEN_UV lua_upvalueindex(NUPVALUES + 2)
static int scan_step(lua_State *L) {
  lscanner *s = (lscanner *)lua_touserdata(L, SCANNER_UV);
  logonerr_match m;
  if (s->gen != (int)lua_tointeger(L, GEN_UV)) return 0;
  if (!s->finished) {
    if (logonerr_scan_next(&s->sc, &m)) return push_match(L, &m);
    if (!s->whole) return 0;
    s->finished = 1;
    release(L, s);
    s->has_last = logonerr_scan_finish(&s->sc, &s->last);
  }
  if (!s->has_last) return 0;
  s->has_last = 0;
  return push_match(L, &s->last);
}

static int push_step(lua_State *L, int ud) {
  lscanner *s = (lscanner *)lua_touserdata(L, ud);
  lbind_push_upvalues(L);
  lua_pushvalue(L, ud);
  lua_pushinteger(L, ++s->gen);
  lua_pushcclosure(L, scan_step, NUPVALUES + 2);
  return 1;
}

static lscanner *new_scanner(lua_State *L, int flags) {
  lscanner *s = (lscanner *)lua_newuserdata(L, sizeof *s);
  memset(s, 0, sizeof *s);
  s->ref = s->tally_ref = s->buf_ref = s->pend_ref = LUA_NOREF;
  logonerr_scan_init(&s->sc, flags);
  luaL_getmetatable(L, SCANNER);
  lua_setmetatable(L, -2);
  return s;
}

/* Keep the string at idx alive as the scanner's current buffer. */
static void hold(lua_State *L, lscanner *s, int idx) {
  size_t n;
  const char *p = lua_tolstring(L, idx, &n);
  release(L, s);
  lua_pushvalue(L, idx);
  s->ref = luaL_ref(L, LUA_REGISTRYINDEX);
  logonerr_scan_feed(&s->sc, p, n);
}

static void check_string(lua_State *L, int idx) {
  if (lua_type(L, idx) != LUA_TSTRING)
    luaL_argerror(L, idx, lua_pushfstring(L, "string expected, got %s",
                                          luaL_typename(L, idx)));
}

static int l_scan(lua_State *L) {
  lscanner *s;
  int flags;
  check_string(L, 1);
  flags = scan_flags(L, 2);
  s = new_scanner(L, flags);
  s->whole = 1;
  hold(L, s, 1);
  return push_step(L, lua_gettop(L));
}

static int l_scanner(lua_State *L) {
  new_scanner(L, scan_flags(L, 1));
  return 1;
}

static int l_feed(lua_State *L) {
  lscanner *s = (lscanner *)luaL_checkudata(L, 1, SCANNER);
  check_string(L, 2);
  if (s->finished) return luaL_error(L, "feed after finish: this scanner "
                                        "has finished; make a new one");
  hold(L, s, 2);
  return push_step(L, 1);
}

static int l_finish(lua_State *L) {
  lscanner *s = (lscanner *)luaL_checkudata(L, 1, SCANNER);
  if (s->finished) return luaL_error(L, "finish after finish: this scanner "
                                        "has already finished");
  s->has_last = logonerr_scan_finish(&s->sc, &s->last);
  s->finished = 1;
  release(L, s);
  return push_step(L, 1);
}

static int l_scanner_gc(lua_State *L) {
  lscanner *s = (lscanner *)luaL_checkudata(L, 1, SCANNER);
  release(L, s);
  luaL_unref(L, LUA_REGISTRYINDEX, s->tally_ref);
  luaL_unref(L, LUA_REGISTRYINDEX, s->buf_ref);
  luaL_unref(L, LUA_REGISTRYINDEX, s->pend_ref);
  s->tally_ref = s->buf_ref = s->pend_ref = LUA_NOREF;
  return 0;
}

/*
 * pump: the loop of logonerr.summarize and logonerr.annotate, in C.  It
 * reads a file itself, into two buffers it reuses (the scanner still looks
 * at the one before while it starts on the next), and counts the codes it
 * has seen before without calling Lua; it calls fn(entry, line, excerpt)
 * for the first of each catalogued code (or for every code, without
 * tally) and for every uncatalogued one.  excerpt is the line around the
 * code, at most width bytes each side ("..." where it was cut).
 */
typedef struct tally {
  size_t width, tlen; /* tail: the stream's last line so far (tlen bytes) */
  size_t tcap;        /* ... cut to its last tcap bytes: the width, and a */
  int tcut;           /* code that began before the buffer               */
  uint64_t *count, *last;
  unsigned char *tail;
} tally;

static tally *get_tally(lua_State *L, lscanner *s, size_t width) {
  tally *t;
  size_t n = logonerr_count();
  if (s->tally_ref != LUA_NOREF) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, s->tally_ref);
    t = (tally *)lua_touserdata(L, -1);
    lua_pop(L, 1);
    return t;
  }
  t = (tally *)lua_newuserdata(L, sizeof *t + 2 * n * sizeof(uint64_t) +
                                     width + LOGONERR_MAX_INPUT + 2);
  memset(t, 0, sizeof *t + 2 * n * sizeof(uint64_t));
  t->width = width;
  t->tcap = width + LOGONERR_MAX_INPUT + 2;
  t->count = (uint64_t *)(void *)(t + 1);
  t->last = t->count + n;
  t->tail = (unsigned char *)(t->last + n);
  s->tally_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  return t;
}

/* The end of the stream's current line, after buffer b[0, n) is done. */
static void keep_tail(tally *t, const unsigned char *b, size_t n) {
  size_t from = n, w = t->tcap;
  while (from > 0 && b[from - 1] != '\n') from--;
  if (from > 0) { /* the line starts in b */
    t->tlen = 0;
    t->tcut = 0;
  }
  if (n - from >= w) {
    memcpy(t->tail, b + n - w, w);
    t->tcut = t->tcut || t->tlen > 0 || n - from > w;
    t->tlen = w;
    return;
  }
  if (t->tlen + (n - from) > w) {
    size_t drop = t->tlen + (n - from) - w;
    memmove(t->tail, t->tail + drop, t->tlen - drop);
    t->tlen -= drop;
    t->tcut = 1;
  }
  memcpy(t->tail + t->tlen, b + from, n - from);
  t->tlen += n - from;
}

/* Push the line around m: the tail of the lines before, then b[0, n).
 * Returns 0, or how many bytes the rest of the line may still take when
 * it runs to the end of b: the next buffer finishes it (see settle). */
static size_t push_excerpt(lua_State *L, const tally *t,
                           const logonerr_match *m, uint64_t base,
                           const unsigned char *b, size_t n) {
  luaL_Buffer out;
  size_t w = t->width, tl = t->tlen, vn = tl + n, vs, ve, lo, k, stop;
  int64_t s0 = (int64_t)m->start - (int64_t)base + (int64_t)tl;
  int64_t e0 = (int64_t)m->stop - (int64_t)base + (int64_t)tl;
#define V(i) ((i) < tl ? t->tail[i] : b[(i) - tl]) /* tail, then buffer */
  vs = s0 < 0 ? 0 : (size_t)s0;
  ve = e0 < (int64_t)vs ? vs : (size_t)e0;
  if (ve > vn) ve = vn;
  luaL_buffinit(L, &out);
  lo = vs > w ? vs - w : 0;
  for (k = vs; k > lo && V(k - 1) != '\n'; k--) {
  }
  if (!(k > 0 && V(k - 1) == '\n') && (k > 0 || t->tcut))
    luaL_addstring(&out, "..."); /* the line goes on before */
  for (; k < ve; k++) luaL_addchar(&out, (char)V(k));
  stop = ve + w < vn ? ve + w : vn;
  for (k = ve; k < stop && V(k) != '\n' && V(k) != '\r'; k++)
    luaL_addchar(&out, (char)V(k));
#undef V
  if (k == stop && stop < vn) luaL_addstring(&out, "...");
  luaL_pushresult(&out);
  return k == vn ? ve + w - vn + 1 : 0; /* +1: 0 means done */
}

/* The pending codes: those whose line ran to the end of the last buffer,
 * each { code, line, excerpt so far, 1 + bytes its line may still take },
 * in a table at registry ref pend_ref, from index phead to ptail. */
static void call_fn(lua_State *L, int fn, int code, int line, int text) {
  int top = lua_gettop(L); /* code, line, text: below the top */
  code += top + 1;
  line += top + 1;
  text += top + 1;
  lua_pushvalue(L, fn);
  lua_pushvalue(L, code);
  lua_pushvalue(L, line);
  lua_pushvalue(L, text);
  lua_call(L, 3, 0);
}

/* Finish the excerpts of pending codes with the start of buffer b[0, n)
 * (at_end: the stream has ended) and hand those that are done to fn. */
static void settle(lua_State *L, lscanner *s, const unsigned char *b,
                   size_t n, int at_end) {
  int top;
  if (s->phead == s->ptail) return;
  top = lua_gettop(L);
  lua_rawgeti(L, LUA_REGISTRYINDEX, s->pend_ref);
  while (s->phead < s->ptail) {
    size_t need, k;
    int done = at_end;
    lua_rawgeti(L, top + 1, s->phead + 1);
    lua_rawgeti(L, -1, 1);
    lua_rawgeti(L, -2, 2);
    lua_rawgeti(L, -3, 3);
    lua_rawgeti(L, -4, 4);
    need = (size_t)lua_tointeger(L, -1) - 1;
    lua_pop(L, 1);
    for (k = 0; !done && k < n && k < need && b[k] != '\n' && b[k] != '\r';
         k++) {
    }
    if (!done) {
      lua_pushlstring(L, (const char *)b, k);
      lua_concat(L, 2);
      done = k < n; /* a line end, or more bytes than the excerpt holds */
      if (done && k == need && b[k] != '\n' && b[k] != '\r') {
        lua_pushliteral(L, "...");
        lua_concat(L, 2);
      }
    }
    if (!done) { /* the line runs on past this buffer too */
      lbind_push_int(L, (int64_t)(need - k + 1));
      lua_rawseti(L, -5, 4);
      lua_pushvalue(L, -1);
      lua_rawseti(L, -5, 3);
      break;
    }
    call_fn(L, 3, -3, -2, -1);
    lua_pop(L, 4);
    lua_pushnil(L);
    lua_rawseti(L, top + 1, ++s->phead);
  }
  lua_settop(L, top);
}

/* One code: counted here, or handed to fn (at stack index 3), now or
 * once its line is known to its end. */
static void report(lua_State *L, lscanner *s, tally *t, int count_known,
                   const logonerr_match *m, uint64_t base,
                   const unsigned char *b, size_t n) {
  const logonerr_entry *e = m->reading.entry;
  size_t open;
  if (e != NULL) {
    size_t i = logonerr_index_of(e);
    t->last[i] = m->line;
    if (t->count[i]++ > 0 && count_known) return;
  }
  if (e != NULL) lbind_push_entry(L, e);
  else push_unknown(L, m);
  lbind_push_int(L, (int64_t)m->line);
  open = push_excerpt(L, t, m, base, b, n);
  if (open == 0 && s->phead == s->ptail) {
    call_fn(L, 3, -3, -2, -1);
    lua_pop(L, 3);
    return;
  }
  lbind_push_int(L, (int64_t)(open == 0 ? 1 : open));
  lua_createtable(L, 4, 0);
  lua_insert(L, -5);
  lua_rawseti(L, -5, 4);
  lua_rawseti(L, -4, 3);
  lua_rawseti(L, -3, 2);
  lua_rawseti(L, -2, 1);
  if (s->pend_ref == LUA_NOREF) {
    lua_newtable(L);
    s->pend_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, s->pend_ref);
  lua_insert(L, -2);
  lua_rawseti(L, -2, ++s->ptail);
  lua_pop(L, 1);
}

/* The codes of buffer b[0, n), fed to the scanner. */
static void pump_buffer(lua_State *L, lscanner *s, tally *t, int count_known,
                        const char *b, size_t n) {
  logonerr_match m;
  settle(L, s, (const unsigned char *)b, n, 0);
  logonerr_scan_feed(&s->sc, b, n);
  while (logonerr_scan_next(&s->sc, &m))
    report(L, s, t, count_known, &m, s->sc.base, (const unsigned char *)b, n);
  keep_tail(t, (const unsigned char *)b, n);
}

/* The FILE of a Lua file handle, or NULL when idx holds none (or a
 * closed one). */
static FILE *lua_file(lua_State *L, int idx) {
  int is_file;
  if (lua_type(L, idx) != LUA_TUSERDATA || !lua_getmetatable(L, idx)) return NULL;
  luaL_getmetatable(L, LUA_FILEHANDLE);
  is_file = lua_rawequal(L, -1, -2);
  lua_pop(L, 2);
  if (!is_file) return NULL;
#if LUA_VERSION_NUM >= 502
  {
    luaL_Stream *p = (luaL_Stream *)lua_touserdata(L, idx);
    return p->closef == NULL ? NULL : p->f;
  }
#else
  return *(FILE **)lua_touserdata(L, idx); /* NULL once closed */
#endif
}

/* s:pump(source, fn, tally, width, size): source a string (the next piece
 * of the stream), a Lua file (read to its end, size bytes at a time) or nil
 * (the end of the stream).  true, or nil and the read error. */
static int l_pump(lua_State *L) {
  lscanner *s = (lscanner *)luaL_checkudata(L, 1, SCANNER);
  int count_known = lua_toboolean(L, 4);
  lua_Integer w = luaL_checkinteger(L, 5);
  size_t width;
  tally *t;
  FILE *f;
  luaL_checktype(L, 3, LUA_TFUNCTION);
  luaL_argcheck(L, w >= 1 && w <= 65536, 5, "width out of range (1 to 65536)");
  width = (size_t)w;
  if (s->finished) return luaL_error(L, "pump after finish");
  t = get_tally(L, s, width);
  if (lua_isnil(L, 2)) {
    logonerr_match m;
    int found = logonerr_scan_finish(&s->sc, &m);
    s->finished = 1;
    if (found) /* the tail holds the end of the stream */
      report(L, s, t, count_known, &m, s->sc.base + s->sc.len,
             (const unsigned char *)"", 0);
    settle(L, s, NULL, 0, 1);
    release(L, s);
    lua_pushboolean(L, 1);
    return 1;
  }
  if (lua_type(L, 2) == LUA_TSTRING) {
    size_t n;
    const char *p = lua_tolstring(L, 2, &n);
    release(L, s);
    lua_pushvalue(L, 2);
    s->ref = luaL_ref(L, LUA_REGISTRYINDEX);
    pump_buffer(L, s, t, count_known, p, n);
    lua_pushboolean(L, 1);
    return 1;
  }
  f = lua_file(L, 2);
  if (f == NULL) return luaL_argerror(L, 2, "string, open file or nil expected");
  {
    lua_Integer want = luaL_optinteger(L, 6, 1048576);
    size_t size;
    char *two;
    int half = 0;
    luaL_argcheck(L, want >= 1 && want <= 1 << 30, 6,
                  "size out of range (1 to 2^30)");
    size = (size_t)want;
    two = (char *)lua_newuserdata(L, 2 * size);
    release(L, s);
    luaL_unref(L, LUA_REGISTRYINDEX, s->buf_ref);
    s->buf_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    for (;;) {
      char *b = two + (size_t)half * size;
      size_t n = fread(b, 1, size, f);
      if (n == 0) break;
      pump_buffer(L, s, t, count_known, b, n);
      half = !half;
    }
    if (ferror(f)) {
      lua_pushnil(L);
      lua_pushstring(L, strerror(errno));
      return 2;
    }
  }
  lua_pushboolean(L, 1);
  return 1;
}

/* s:tallied(entry): how many times pump saw it, and the last line. */
static int l_tallied(lua_State *L) {
  lscanner *s = (lscanner *)luaL_checkudata(L, 1, SCANNER);
  tally *t;
  size_t i;
  lua_pushvalue(L, 2);
  lua_rawget(L, INDEX);
  if (!lua_isnumber(L, -1) || s->tally_ref == LUA_NOREF) return 0;
  i = (size_t)lua_tointeger(L, -1) - 1;
  t = get_tally(L, s, 0);
  lbind_push_int(L, (int64_t)t->count[i]);
  lbind_push_int(L, (int64_t)t->last[i]);
  return 2;
}

static int l_scanner_tostring(lua_State *L) {
  lscanner *s = (lscanner *)luaL_checkudata(L, 1, SCANNER);
  lua_pushfstring(L, "logonerr scanner (%s)",
                  s->finished ? "finished" : "reading");
  return 1;
}

static const luaL_Reg scanner_methods[] = {
    {"feed", l_feed}, {"finish", l_finish}, {"pump", l_pump},
    {"tallied", l_tallied}, {NULL, NULL}};


const luaL_Reg lscan_funcs[] = {
    {"scan", l_scan}, {"scanner", l_scanner}, {NULL, NULL}};

/* The scanner class; its methods share the binding's upvalues. */
void lscan_open(lua_State *L) {
  luaL_newmetatable(L, SCANNER);
  lua_newtable(L);
  lbind_push_upvalues(L);
  luaL_setfuncs(L, scanner_methods, NUPVALUES);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, l_scanner_gc);
  lua_setfield(L, -2, "__gc");
  lua_pushcfunction(L, l_scanner_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pop(L, 1);
}
