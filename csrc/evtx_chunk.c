/*
 * One EVTX chunk (64 KB) into a batch of records and fields.
 *
 * A chunk is a 512-byte header (checksums, the offset where its records
 * end, a table of names and one of templates), then records.  A record is
 * "**\0\0", its size, its number, the time it was written, binary XML, and
 * its size again.  Its binary XML is nearly always one template instance:
 * the offset of a template (an XML skeleton defined once in the chunk,
 * inline at its first use) and the values that fill its substitution
 * slots.  Names are UTF-16 strings stored once in the chunk and referred
 * to by offset.  Both are read once per chunk and kept here (the caches).
 *
 * The walk over a template keeps the state of eventxml.c's expat reader
 * (depth, section, what the current element's text becomes), so a record
 * gives the same fields as its XML read by eventxml.c; values are made
 * text only when they become a field.
 */
#include <stdlib.h>
#include <string.h>

#include "evtx.h"
#include "evtx_values.h"

#define CHUNK_SIZE 65536u
#define CHUNK_HEADER 512u
#define MAX_LEVEL 8        /* template instances and nested binary XML */
#define MAX_DEPTH 256      /* elements open at once                    */
#define NAME_SLOTS 1024    /* names cached per chunk (open addressing) */
#define TEMPLATE_SLOTS 256 /* templates cached per chunk               */
#define FIELD_NAME 127     /* as eventxml.c's name buffer              */

enum { CAP_NONE, CAP_SYSTEM, CAP_DATA, CAP_USER };
enum { ATTR_NONE, ATTR_OTHER, ATTR_SYSTEMTIME, ATTR_NAME };

typedef struct {
  uint32_t off, gen; /* chunk offset of the name; gen 0 = empty slot */
  uint32_t at, len;  /* its local part's UTF-8 in names text         */
  int kind;          /* K_*                                          */
} name_slot;

typedef struct {
  uint32_t off, gen;
  uint32_t start, end; /* the template's tokens */
  int ops;             /* OPS_*: its tokens decoded, in ops[op0 ...] */
  size_t op0;
} template_slot;

/* A template's tokens decoded once per chunk (names looked up, literal
 * text made UTF-8, bounds checked), so that each record using it runs
 * through them without reading bytes again.  What a token does to the walk
 * (elements, text, values) is still done per record, by the same code:
 * it depends on the record's values. */
enum { OPS_UNDECODED, OPS_READY, OPS_WALK };
#ifdef LOGONERR_EVTX_WALK_ONLY /* fuzz/fuzz_evtxreplay.c compares the two */
#define DECODE 0
#else
#define DECODE 1
#endif
enum {
  OP_END, OP_START, OP_START_END, OP_EMPTY_END, OP_END_TAG, OP_TEXT, OP_ATTR,
  OP_CHAR, OP_SUB, OP_BAD
};
typedef struct {
  unsigned char op, kind; /* the name's kind (OP_START, OP_ATTR)            */
  unsigned char optional; /* OP_SUB: an optional substitution               */
  unsigned value;         /* OP_SUB: the value's index; OP_CHAR: the char   */
  uint32_t at, len;       /* OP_START: the name; OP_TEXT: the text (names text) */
  const char *why;        /* OP_BAD; OP_START, OP_ATTR: the name's problem  */
} walk_op;

typedef struct {
  uint32_t off, size;
  unsigned type;
} sub_value;

struct logonerr_evtx_chunk_reader {
  uint32_t crc[8][256];
  const unsigned char *known; /* the events whose data is wanted; NULL: all */
  /* The data fields wanted (NULL: all): their names by length, those of
   * length n (under 64: no longer name is wanted) from by_len[n] to
   * by_len[n + 1]. */
  const char **want;
  size_t by_len[65];
  const uint8_t *c; /* the chunk */
  uint32_t n;
  uint32_t gen; /* bumped per chunk: older cache slots are empty */
  name_slot names[NAME_SLOTS];
  template_slot templates[TEMPLATE_SLOTS];
  evtx_text name_text;
  sub_value *subs;
  size_t nsubs, subs_cap;
  walk_op *ops; /* decoded templates of this chunk */
  size_t nops, ops_cap;
  /* The walk, as eventxml.c's. */
  int depth, section, capture, leaf, saw_event;
  int id_seen, skip_data; /* the record's first EventID read; its data unwanted */
  /* The field being read is not wanted: its values are checked as they
   * are walked but not made text (most of a record's cost). */
  int skipping;
  uint32_t unread; /* the record's data fields left out so */
  int field_kind;             /* the kind of the System field being read */
  char field[FIELD_NAME + 1]; /* the name of the field being read */
  size_t field_n;
  int field_attr; /* it came from an attribute (Data's Name) */
  evtx_text text; /* the text of the element being read          */
  /* The element whose start is being read, and its attributes. */
  int pending, attr;
  uint32_t el_at, el_len;
  int el_kind;
  int have_systime, have_name;
  evtx_text systime, aname;
  /* The batch being filled (its buffers, borrowed). */
  evtx_text out;
  logonerr_evtx_batch *b;
  const char *why; /* the first problem met in the record */
};

/* ------------------------------------------------------------------ CRC */

static void crc_init(uint32_t t[8][256]) {
  uint32_t i, k;
  for (i = 0; i < 256; i++) {
    uint32_t c = i;
    for (k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[0][i] = c;
  }
  for (i = 0; i < 256; i++)
    for (k = 1; k < 8; k++) t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xFF];
}

/* Slicing by 8: eight table look-ups per 8 bytes. */
static uint32_t crc_run(const uint32_t t[8][256], uint32_t crc, const uint8_t *p,
                        size_t n) {
  crc = ~crc;
  while (n >= 8) {
    uint32_t a = crc ^ evtx_u32(p), b = evtx_u32(p + 4);
    crc = t[7][a & 0xFF] ^ t[6][(a >> 8) & 0xFF] ^ t[5][(a >> 16) & 0xFF] ^
          t[4][a >> 24] ^ t[3][b & 0xFF] ^ t[2][(b >> 8) & 0xFF] ^
          t[1][(b >> 16) & 0xFF] ^ t[0][b >> 24];
    p += 8;
    n -= 8;
  }
  while (n--) crc = t[0][(crc ^ *p++) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

uint32_t logonerr_evtx_crc32(uint32_t crc, const uint8_t *p, size_t n) {
  uint32_t k;
  crc = ~crc;
  while (n--) {
    uint32_t c = (crc ^ *p++) & 0xFF;
    for (k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    crc = c ^ (crc >> 8);
  }
  return ~crc;
}

/* --------------------------------------------------------------- batch */

static int add_record(logonerr_evtx_chunk_reader *r, uint64_t number,
                      uint32_t index, uint32_t offset, size_t first,
                      const char *why) {
  logonerr_evtx_batch *b = r->b;
  logonerr_evtx_record *rec;
  if (b->nrecs == b->recs_cap) {
    size_t cap = b->recs_cap ? b->recs_cap * 2 : 128;
    logonerr_evtx_record *q = realloc(b->recs, cap * sizeof *q);
    if (q == NULL) return -1;
    b->recs = q;
    b->recs_cap = cap;
  }
  rec = &b->recs[b->nrecs++];
  rec->number = number;
  rec->chunk = index;
  rec->offset = offset;
  rec->first = (uint32_t)first;
  rec->count = (uint32_t)(b->nfields - first);
  rec->why = why;
  rec->unread = 0;
  rec->unknown = 0;
  return 0;
}

static void fail(logonerr_evtx_chunk_reader *r, const char *why) {
  if (r->why == NULL) r->why = why;
}

/* Appends s[0..n) to the batch text as expat would hand it over from
 * libevtx's XML: control bytes made '?' (as the libevtx reader did before
 * parsing), line ends made \n in text and every \t \n \r a space in an
 * attribute. */
static void out_clean(logonerr_evtx_chunk_reader *r, const char *s, size_t n,
                      int attr) {
  evtx_text *o = &r->out;
  size_t i;
  char *d;
  if (!evtx_text_room(o, n)) return;
  d = o->p + o->len;
  i = 0;
  while (i < n && (unsigned char)s[i] >= 0x20) i++;
  if (i == n) { /* nearly always: nothing to clean */
    memcpy(d, s, n);
    o->len += n;
    return;
  }
  for (i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch >= 0x20) {
      *d++ = (char)ch;
    } else if (ch == '\r') {
      if (i + 1 < n && s[i + 1] == '\n') i++;
      *d++ = '\n';
      if (attr) d[-1] = ' ';
    } else if (ch == '\n' || ch == '\t') {
      *d++ = s[i];
      if (attr) d[-1] = ' ';
    } else {
      *d++ = '?';
    }
  }
  o->len = (size_t)(d - o->p);
}

static void emit(logonerr_evtx_chunk_reader *r, uint32_t where,
                 const char *name, size_t name_len, int name_attr,
                 const char *v, size_t n, int attr) {
  logonerr_evtx_batch *b = r->b;
  logonerr_evtx_field *f;
  size_t at = r->out.len;
  if (b->nfields == b->fields_cap) {
    size_t cap = b->fields_cap ? b->fields_cap * 2 : 1024;
    logonerr_evtx_field *q = realloc(b->fields, cap * sizeof *q);
    if (q == NULL) {
      r->out.ok = 0;
      return;
    }
    b->fields = q;
    b->fields_cap = cap;
  }
  out_clean(r, name, name_len, name_attr);
  f = &b->fields[b->nfields];
  f->where = where;
  f->name = (uint32_t)at;
  f->name_len = (uint32_t)(r->out.len - at);
  if (f->name_len > FIELD_NAME) {
    /* eventxml.c keeps 127 bytes of a name */
    r->out.len = at + FIELD_NAME;
    f->name_len = FIELD_NAME;
  }
  at = r->out.len;
  out_clean(r, v, n, attr);
  f->value = (uint32_t)at;
  f->value_len = (uint32_t)(r->out.len - at);
  if (r->out.ok) b->nfields++;
}

/* --------------------------------------------------------------- names */

/* The names the walk looks for, told once per name and chunk. */
enum {
  K_OTHER, K_EVENT, K_SYSTEM, K_EVENTDATA, K_USERDATA, K_TIMECREATED,
  K_PROVIDER, K_EVENTID, K_EVENTRECORDID, K_COMPUTER, K_CHANNEL, K_LEVEL,
  K_DATA, K_SYSTEMTIME, K_NAME, K_LT, K_GT, K_AMP, K_QUOT, K_APOS
};

static int kind_of(const char *s, size_t n) {
  static const char *const names[] = {
      "", "Event", "System", "EventData", "UserData", "TimeCreated",
      "Provider", "EventID", "EventRecordID", "Computer", "Channel", "Level",
      "Data", "SystemTime", "Name", "lt", "gt", "amp", "quot", "apos"};
  int k;
  for (k = 1; k < (int)(sizeof names / sizeof names[0]); k++)
    if (strlen(names[k]) == n && memcmp(names[k], s, n) == 0) return k;
  return K_OTHER;
}

/* The name at chunk offset off, its local part (after any prefix) as UTF-8
 * in name_text[*at .. *at+*len), and its kind.  A name is: next offset
 * (4), hash (2), length in units (2), UTF-16, NUL. */
static int name_at(logonerr_evtx_chunk_reader *r, uint32_t off, uint32_t *at,
                   uint32_t *len, int *kind) {
  uint32_t h = (off * 2654435761u) >> 22, k, units, i;
  name_slot *s = NULL;
  const char *t;
  for (k = 0; k < NAME_SLOTS; k++) {
    s = &r->names[(h + k) & (NAME_SLOTS - 1)];
    if (s->gen != r->gen) break;
    if (s->off == off) {
      *at = s->at;
      *len = s->len;
      *kind = s->kind;
      return 0;
    }
  }
  if (off < CHUNK_HEADER || (size_t)off + 8 > r->n) {
    fail(r, "a name outside the chunk");
    return -1;
  }
  units = evtx_u16(r->c + off + 6);
  if ((size_t)off + 8 + 2 * (size_t)units > r->n) {
    fail(r, "a name outside the chunk");
    return -1;
  }
  *at = (uint32_t)r->name_text.len;
  evtx_text_utf16(&r->name_text, r->c + off + 8, 2 * (size_t)units);
  if (!r->name_text.ok) return -1;
  *len = (uint32_t)(r->name_text.len - *at);
  t = r->name_text.p + *at;
  for (i = *len; i > 0; i--)
    if (t[i - 1] == ':') {
      *at += i;
      *len -= i;
      break;
    }
  *kind = kind_of(r->name_text.p + *at, *len);
  if (k < NAME_SLOTS && s != NULL) {
    s->off = off;
    s->gen = r->gen;
    s->at = *at;
    s->len = *len;
    s->kind = *kind;
  }
  return 0;
}

/* Reads a name reference at *pos (skipping the name when it is defined
 * right there): the name's local part and kind, as name_at gives them. */
static int name_ref(logonerr_evtx_chunk_reader *r, uint32_t *pos, uint32_t end,
                    uint32_t *at, uint32_t *len, int *kind) {
  uint32_t off;
  if (*pos + 4 > end) {
    fail(r, "a name reference past the end of its data");
    return -1;
  }
  off = evtx_u32(r->c + *pos);
  *pos += 4;
  if (off == *pos) {
    uint32_t units;
    if (*pos + 8 > end) {
      fail(r, "a name past the end of its data");
      return -1;
    }
    units = evtx_u16(r->c + *pos + 6);
    if ((size_t)*pos + 10 + 2 * (size_t)units > end) {
      fail(r, "a name past the end of its data");
      return -1;
    }
    *pos += 10 + 2 * units;
  }
  return name_at(r, off, at, len, kind);
}

/* ------------------------------------------------- the walk (eventxml.c) */

static int is_system_text(int kind) {
  return kind == K_EVENTID || kind == K_EVENTRECORDID || kind == K_COMPUTER ||
         kind == K_CHANNEL || kind == K_LEVEL;
}

static void set_field(logonerr_evtx_chunk_reader *r, const char *s, size_t n) {
  if (n > FIELD_NAME) n = FIELD_NAME;
  memcpy(r->field, s, n);
  r->field_n = n;
}

/* Is the data field of that name wanted?  (A field without a name always
 * is.) */
static int wanted(const logonerr_evtx_chunk_reader *r, const char *s, size_t n) {
  size_t i;
  if (r->want == NULL) return 1;
  if (n >= 64) return 0;
  for (i = r->by_len[n]; i < r->by_len[n + 1]; i++)
    if (memcmp(r->want[i], s, n) == 0) return 1;
  return 0;
}

/* The start of an element, its attributes read. */
static void element_start(logonerr_evtx_chunk_reader *r) {
  uint32_t at = r->el_at, len = r->el_len;
  int kind = r->el_kind;
  const char *name = r->name_text.p + at;
  r->depth++;
  r->text.len = 0;
  r->leaf = 1;
  if (r->depth == 1) {
    if (kind == K_EVENT) r->saw_event = 1;
    return;
  }
  if (r->depth == 2) {
    r->section = kind == K_SYSTEM      ? 'S'
                 : kind == K_EVENTDATA ? 'E'
                 : kind == K_USERDATA  ? 'U'
                                                    : 0;
    r->capture = CAP_NONE;
    return;
  }
  if (r->section == 'S' && r->depth == 3) {
    if (kind == K_TIMECREATED && r->have_systime)
      emit(r, LOGONERR_EVTX_SYSTEM, name, len, 0, r->systime.p, r->systime.len, 1);
    else if (kind == K_PROVIDER && r->have_name)
      emit(r, LOGONERR_EVTX_SYSTEM, name, len, 0, r->aname.p, r->aname.len, 1);
    r->capture = is_system_text(kind) ? CAP_SYSTEM : CAP_NONE;
    r->field_kind = kind;
    if (r->capture) set_field(r, name, len);
  } else if (r->section == 'E' && r->depth == 3) {
    r->capture = kind == K_DATA ? CAP_DATA : CAP_NONE;
    if (r->have_name) set_field(r, r->aname.p, r->aname.len);
    else r->field_n = 0;
    r->field_attr = r->have_name;
  } else if (r->section == 'U' && r->depth >= 4) {
    r->capture = CAP_USER;
    set_field(r, name, len);
    r->field_attr = 0;
  } else {
    r->capture = CAP_NONE;
  }
  r->skipping = (r->capture == CAP_DATA || r->capture == CAP_USER) &&
                (r->skip_data || (r->field_n > 0 && !wanted(r, r->field, r->field_n)));
}

/* After the record's first EventID: is its data unwanted?  Only when the
 * ID is a number up to 65535 outside the known set; anything else keeps
 * the data, for the caller to say what is wrong with it. */
static void decide_data(logonerr_evtx_chunk_reader *r) {
  const char *v = r->text.p;
  size_t i, n = r->text.len;
  unsigned long id = 0;
  r->id_seen = 1;
  if (r->known == NULL || n == 0 || n > 5) return;
  for (i = 0; i < n; i++) {
    if (v[i] < '0' || v[i] > '9') return;
    id = id * 10 + (unsigned long)(v[i] - '0');
  }
  r->skip_data = id <= 65535 && !(r->known[id / 8] >> (id % 8) & 1);
}

static void element_end(logonerr_evtx_chunk_reader *r) {
  if (r->capture == CAP_SYSTEM) {
    emit(r, LOGONERR_EVTX_SYSTEM, r->field, r->field_n, 0, r->text.p, r->text.len, 0);
    if (r->field_kind == K_EVENTID && !r->id_seen) decide_data(r);
  } else if (r->capture == CAP_DATA || (r->capture == CAP_USER && r->leaf)) {
    if (r->skipping) r->unread++;
    else emit(r, LOGONERR_EVTX_DATA, r->field, r->field_n, r->field_attr,
              r->text.p, r->text.len, 0);
  }
  r->capture = CAP_NONE;
  r->skipping = 0;
  r->leaf = 0;
  r->text.len = 0;
  r->depth--;
}

/* Where a value's text goes now: an attribute kept, the element's text, or
 * nowhere (NULL). */
static evtx_text *sink(logonerr_evtx_chunk_reader *r) {
  if (r->pending) {
    if (r->attr == ATTR_SYSTEMTIME) return &r->systime;
    if (r->attr == ATTR_NAME) return &r->aname;
    return NULL;
  }
  return r->capture != CAP_NONE && !r->skipping ? &r->text : NULL;
}

/* ---------------------------------------------------------- binary XML */

static int walk(logonerr_evtx_chunk_reader *r, uint32_t pos, uint32_t end_,
                int dep, size_t sub0, size_t nsub, int level);
static void decode(logonerr_evtx_chunk_reader *r, template_slot *slot);
static int replay(logonerr_evtx_chunk_reader *r, size_t op, size_t sub0, size_t nsub,
                  int level);

/* Reserves n substitution values; their index in r->subs. */
static long subs_push(logonerr_evtx_chunk_reader *r, size_t n) {
  size_t at = r->nsubs;
  if (r->nsubs + n > r->subs_cap) {
    size_t cap = r->subs_cap ? r->subs_cap : 64;
    sub_value *q;
    while (cap < r->nsubs + n) cap *= 2;
    q = realloc(r->subs, cap * sizeof *q);
    if (q == NULL) {
      r->out.ok = 0;
      fail(r, "out of memory");
      return -1;
    }
    r->subs = q;
    r->subs_cap = cap;
  }
  r->nsubs += n;
  return (long)at;
}

/* The template defined at chunk offset def: its tokens in [*start, *end).
 * A definition is: next offset (4), GUID (16), data size (4), tokens. */
static int template_at(logonerr_evtx_chunk_reader *r, uint32_t def,
                       uint32_t *start, uint32_t *stop, template_slot **slot) {
  uint32_t h = (def * 2654435761u) >> 24, k, size;
  template_slot *s = NULL;
  *slot = NULL;
  for (k = 0; k < TEMPLATE_SLOTS; k++) {
    s = &r->templates[(h + k) & (TEMPLATE_SLOTS - 1)];
    if (s->gen != r->gen) break;
    if (s->off == def) {
      *start = s->start;
      *stop = s->end;
      *slot = s;
      return 0;
    }
  }
  if (def < CHUNK_HEADER || (size_t)def + 24 > r->n) {
    fail(r, "a template outside the chunk");
    return -1;
  }
  size = evtx_u32(r->c + def + 20);
  if ((size_t)def + 24 + size > r->n) {
    fail(r, "a template larger than its chunk");
    return -1;
  }
  *start = def + 24;
  *stop = def + 24 + size;
  if (k < TEMPLATE_SLOTS && s != NULL) {
    s->off = def;
    s->gen = r->gen;
    s->start = *start;
    s->end = *stop;
    s->ops = OPS_UNDECODED;
    *slot = s;
  }
  return 0;
}

/* A template instance at *pos (after its token): the template, then the
 * values for its substitutions; the template is walked with them. */
static int instance(logonerr_evtx_chunk_reader *r, uint32_t *pos, uint32_t end_,
                    int level) {
  uint32_t def, start, stop, count, i, at;
  template_slot *slot;
  long first;
  int rc;
  if (*pos + 9 > end_) {
    fail(r, "a template instance past the end of its data");
    return -1;
  }
  def = evtx_u32(r->c + *pos + 5);
  *pos += 9;
  if (def == *pos) { /* defined here: skip the definition */
    if (*pos + 24 > end_) {
      fail(r, "a template definition past the end of its data");
      return -1;
    }
    *pos += 24;
    if (evtx_u32(r->c + *pos - 4) > end_ - *pos) {
      fail(r, "a template definition past the end of its data");
      return -1;
    }
    *pos += evtx_u32(r->c + *pos - 4);
  }
  if (template_at(r, def, &start, &stop, &slot) != 0) return -1;
  if (*pos + 4 > end_) {
    fail(r, "template values past the end of the record");
    return -1;
  }
  count = evtx_u32(r->c + *pos);
  *pos += 4;
  if (count > (end_ - *pos) / 4) {
    fail(r, "template values past the end of the record");
    return -1;
  }
  first = subs_push(r, count);
  if (first < 0) return -1;
  at = *pos + 4 * count;
  for (i = 0; i < count; i++) {
    sub_value *v = &r->subs[(size_t)first + i];
    v->size = evtx_u16(r->c + *pos + (size_t)4 * i);
    v->type = r->c[*pos + (size_t)4 * i + 2];
    v->off = at;
    if (v->size > end_ - at) {
      fail(r, "template values past the end of the record");
      return -1;
    }
    at += v->size;
  }
  *pos = at;
  if (DECODE && slot != NULL && slot->ops == OPS_UNDECODED) decode(r, slot);
  if (slot != NULL && slot->ops == OPS_READY)
    rc = replay(r, slot->op0, (size_t)first, count, level + 1);
  else
    rc = walk(r, start, stop, 1, (size_t)first, count, level + 1);
  r->nsubs = (size_t)first;
  return rc;
}

/* Substitution index of the template at sub0..: its value into the
 * current sink (nested binary XML walked). */
static int substitute(logonerr_evtx_chunk_reader *r, uint32_t index, int optional,
                      size_t sub0, size_t nsub, int level) {
  sub_value v;
  evtx_text *t;
  if (index >= nsub) return 0; /* libevtx leaves a missing value out too */
  v = r->subs[sub0 + index];
  if (optional && (v.type == 0 || v.size == 0)) return 0;
  if (v.type == 0x21)
    return v.size == 0 ? 0 : walk(r, v.off, v.off + v.size, 0, 0, 0, level + 1);
  t = sink(r);
  if (t == NULL && (r->pending || !r->skipping)) return 0;
  if (v.type & 0x80) {
    fail(r, "an array value");
    return -1;
  }
  if (t == NULL ? evtx_value_fits(v.type, r->c + v.off, v.size) != 0
                : evtx_value_text(t, v.type, r->c + v.off, v.size) != 0) {
    fail(r, "a value whose size does not fit its type");
    return -1;
  }
  return 0;
}

/* Text given as a length in units and UTF-16 at *pos, into the sink. */
static int utf16_text(logonerr_evtx_chunk_reader *r, uint32_t *pos, uint32_t end_) {
  uint32_t units;
  evtx_text *t;
  if (*pos + 2 > end_) goto bad;
  units = evtx_u16(r->c + *pos);
  if ((size_t)*pos + 2 + 2 * (size_t)units > end_) goto bad;
  t = sink(r);
  if (t != NULL) evtx_text_utf16(t, r->c + *pos + 2, 2 * (size_t)units);
  *pos += 2 + 2 * units;
  return 0;
bad:
  fail(r, "text past the end of its data");
  return -1;
}

/* The character an entity reference of that name's kind stands for. */
static unsigned entity_char(int kind) {
  return kind == K_LT     ? '<'
         : kind == K_GT   ? '>'
         : kind == K_AMP  ? '&'
         : kind == K_QUOT ? '"'
         : kind == K_APOS ? '\''
                          : 0xFFFD;
}

/* An attribute of the element being started: SystemTime and Name are kept
 * (TimeCreated's, a Data's name), the others read past. */
static void attribute_start(logonerr_evtx_chunk_reader *r, int kind) {
  if (kind == K_SYSTEMTIME) {
    r->attr = ATTR_SYSTEMTIME;
    r->have_systime = 1;
    r->systime.len = 0;
  } else if (kind == K_NAME) {
    r->attr = ATTR_NAME;
    r->have_name = 1;
    r->aname.len = 0;
  } else {
    r->attr = ATTR_OTHER;
  }
}

static void put_char(logonerr_evtx_chunk_reader *r, unsigned c) {
  uint8_t u[2];
  evtx_text *t = sink(r);
  if (t == NULL) return;
  u[0] = (uint8_t)(c & 0xFF);
  u[1] = (uint8_t)(c >> 8);
  evtx_text_utf16(t, u, 2);
}

/* Tokens from pos to end_ (or an end-of-fragment token).  dep: element
 * starts carry a dependency id (in template definitions only). */
static int walk(logonerr_evtx_chunk_reader *r, uint32_t pos, uint32_t end_,
                int dep, size_t sub0, size_t nsub, int level) {
  uint32_t at, len;
  int kind;
  if (level > MAX_LEVEL) {
    fail(r, "templates nested too deep");
    return -1;
  }
  while (pos < end_) {
    unsigned tok = r->c[pos++];
    switch (tok & 0xBF) {
    case 0x00: /* end of fragment */
      return 0;
    case 0x01: /* element start: [dependency id], size, name, [attr size] */
      if (r->pending) goto bad;
      pos += dep ? 6u : 4u;
      if (pos > end_ || name_ref(r, &pos, end_, &r->el_at, &r->el_len, &r->el_kind) != 0)
        goto bad;
      if (tok & 0x40) pos += 4;
      if (pos > end_ || r->depth >= MAX_DEPTH) goto bad;
      r->pending = 1;
      r->attr = ATTR_NONE;
      r->have_systime = r->have_name = 0;
      break;
    case 0x02: /* end of the start tag */
    case 0x03: /* end of an empty element */
      if (!r->pending) goto bad;
      r->pending = 0;
      element_start(r);
      if ((tok & 0xBF) == 0x03) element_end(r);
      break;
    case 0x04: /* end tag */
      if (r->pending || r->depth == 0) goto bad;
      element_end(r);
      break;
    case 0x05: /* a value: type, then (for a string) units and UTF-16 */
      if (pos + 1 > end_ || r->c[pos] != 0x01) goto bad;
      pos++;
      if (utf16_text(r, &pos, end_) != 0) return -1;
      break;
    case 0x06: /* attribute: its name, then its value's tokens */
      if (!r->pending || name_ref(r, &pos, end_, &at, &len, &kind) != 0) goto bad;
      attribute_start(r, kind);
      break;
    case 0x07: /* CDATA: units and UTF-16 */
      if (utf16_text(r, &pos, end_) != 0) return -1;
      break;
    case 0x08: /* character reference */
      if (pos + 2 > end_) goto bad;
      put_char(r, evtx_u16(r->c + pos));
      pos += 2;
      break;
    case 0x09: /* entity reference (&amp; and its kind) */
      if (name_ref(r, &pos, end_, &at, &len, &kind) != 0) goto bad;
      put_char(r, entity_char(kind));
      break;
    case 0x0a: /* processing instruction target */
      if (name_ref(r, &pos, end_, &at, &len, &kind) != 0) goto bad;
      break;
    case 0x0b: /* processing instruction data */
      if (pos + 2 > end_) goto bad;
      pos += 2 + 2u * evtx_u16(r->c + pos);
      if (pos > end_) goto bad;
      break;
    case 0x0c: /* template instance */
      if (instance(r, &pos, end_, level) != 0) return -1;
      break;
    case 0x0d: /* substitution */
    case 0x0e: /* optional substitution */
      if (pos + 3 > end_) goto bad;
      if (substitute(r, evtx_u16(r->c + pos), tok == 0x0e, sub0, nsub, level) != 0)
        return -1;
      pos += 3;
      break;
    case 0x0f: /* fragment header: version, flags */
      pos += 3;
      break;
    default:
      fail(r, "an unknown binary XML token");
      return -1;
    }
  }
  return 0;
bad:
  fail(r, "binary XML that does not hold together");
  return -1;
}

/* ------------------------------------------------ decoded templates */

/* Appends an op; 0 when memory ran out. */
static int op_add(logonerr_evtx_chunk_reader *r, const walk_op *o) {
  if (r->nops == r->ops_cap) {
    size_t cap = r->ops_cap ? r->ops_cap * 2 : 256;
    walk_op *q = realloc(r->ops, cap * sizeof *q);
    if (q == NULL) return 0;
    r->ops = q;
    r->ops_cap = cap;
  }
  r->ops[r->nops++] = *o;
  return 1;
}

/* The name reference at *pos, as name_ref reads it, but leaving the
 * record's first problem alone: a problem met while decoding is the
 * record's only if its walk gets there (o->why keeps it). */
static int decode_name(logonerr_evtx_chunk_reader *r, uint32_t *pos, uint32_t end_,
                       walk_op *o) {
  const char *saved = r->why;
  int rc, kind = 0;
  r->why = NULL;
  rc = name_ref(r, pos, end_, &o->at, &o->len, &kind);
  o->kind = (unsigned char)kind;
  o->why = rc != 0 ? (r->why != NULL ? r->why : "binary XML that does not hold together")
                   : NULL;
  r->why = saved;
  return rc;
}

/* A template's tokens into ops, read as walk() reads them with dep set: the
 * bytes here, what they do in replay().  A template that instantiates
 * another in its own tokens (not through a value) is left to walk(). */
static void decode(logonerr_evtx_chunk_reader *r, template_slot *slot) {
  uint32_t pos = slot->start, end_ = slot->end;
  size_t op0 = r->nops;
  walk_op o;
  for (;;) {
    unsigned tok;
    memset(&o, 0, sizeof o);
    if (pos >= end_) break; /* OP_END */
    tok = r->c[pos++];
    switch (tok & 0xBF) {
    case 0x00:
      break;
    case 0x01:
      o.op = OP_START;
      pos += 6;
      if (pos > end_) o.why = "binary XML that does not hold together";
      else if (decode_name(r, &pos, end_, &o) == 0) {
        if (tok & 0x40) pos += 4;
        if (pos > end_) o.why = "binary XML that does not hold together";
      }
      break;
    case 0x02:
    case 0x03:
      o.op = (tok & 0xBF) == 0x03 ? OP_EMPTY_END : OP_START_END;
      break;
    case 0x04:
      o.op = OP_END_TAG;
      break;
    case 0x05:
    case 0x07: {
      uint32_t units;
      o.op = OP_TEXT;
      if ((tok & 0xBF) == 0x05 && (pos + 1 > end_ || r->c[pos] != 0x01)) {
        o.op = OP_BAD;
        o.why = "binary XML that does not hold together";
        break;
      }
      if ((tok & 0xBF) == 0x05) pos++;
      if (pos + 2 > end_ ||
          (size_t)pos + 2 + 2 * (size_t)(units = evtx_u16(r->c + pos)) > end_) {
        o.op = OP_BAD;
        o.why = "text past the end of its data";
        break;
      }
      o.at = (uint32_t)r->name_text.len;
      evtx_text_utf16(&r->name_text, r->c + pos + 2, 2 * (size_t)units);
      if (!r->name_text.ok) goto walk_it;
      o.len = (uint32_t)(r->name_text.len - o.at);
      pos += 2 + 2 * units;
      break;
    }
    case 0x06:
      o.op = OP_ATTR;
      decode_name(r, &pos, end_, &o);
      break;
    case 0x08:
      o.op = OP_CHAR;
      if (pos + 2 > end_) {
        o.op = OP_BAD;
        o.why = "binary XML that does not hold together";
        break;
      }
      o.value = evtx_u16(r->c + pos);
      pos += 2;
      break;
    case 0x09:
      o.op = OP_CHAR;
      if (decode_name(r, &pos, end_, &o) != 0) {
        o.op = OP_BAD;
        break;
      }
      o.value = entity_char(o.kind);
      break;
    case 0x0a:
      if (decode_name(r, &pos, end_, &o) != 0) o.op = OP_BAD;
      else continue; /* nothing to do */
      break;
    case 0x0b:
      if (pos + 2 > end_ || (pos += 2 + 2u * evtx_u16(r->c + pos)) > end_) {
        o.op = OP_BAD;
        o.why = "binary XML that does not hold together";
        break;
      }
      continue;
    case 0x0c:
      goto walk_it;
    case 0x0d:
    case 0x0e:
      if (pos + 3 > end_) {
        o.op = OP_BAD;
        o.why = "binary XML that does not hold together";
        break;
      }
      o.op = OP_SUB;
      o.value = evtx_u16(r->c + pos);
      o.optional = tok == 0x0e;
      pos += 3;
      break;
    case 0x0f:
      pos += 3;
      continue;
    default:
      o.op = OP_BAD;
      o.why = "an unknown binary XML token";
      break;
    }
    if (!op_add(r, &o)) goto walk_it;
    /* the walk goes no further: neither does the reading of bytes */
    if (o.op == OP_END || o.op == OP_BAD || o.why != NULL) break;
  }
  memset(&o, 0, sizeof o); /* OP_END */
  if (!op_add(r, &o)) goto walk_it;
  slot->op0 = op0;
  slot->ops = OPS_READY;
  return;
walk_it:
  r->nops = op0;
  slot->ops = OPS_WALK;
}

/* A decoded template (ops from op on), walked for one record: what walk()
 * does for each token, in the same order of checks. */
static int replay(logonerr_evtx_chunk_reader *r, size_t op, size_t sub0, size_t nsub,
                  int level) {
  evtx_text *t;
  if (level > MAX_LEVEL) {
    fail(r, "templates nested too deep");
    return -1;
  }
  for (;; op++) {
    /* A copy: a value's nested template may grow (move) the ops. */
    walk_op o = r->ops[op];
    switch (o.op) {
    case OP_END:
      return 0;
    case OP_START:
      if (r->pending) goto bad;
      if (o.why != NULL) {
        fail(r, o.why);
        return -1;
      }
      if (r->depth >= MAX_DEPTH) goto bad;
      r->el_at = o.at;
      r->el_len = o.len;
      r->el_kind = o.kind;
      r->pending = 1;
      r->attr = ATTR_NONE;
      r->have_systime = r->have_name = 0;
      break;
    case OP_START_END:
    case OP_EMPTY_END:
      if (!r->pending) goto bad;
      r->pending = 0;
      element_start(r);
      if (o.op == OP_EMPTY_END) element_end(r);
      break;
    case OP_END_TAG:
      if (r->pending || r->depth == 0) goto bad;
      element_end(r);
      break;
    case OP_TEXT:
      t = sink(r);
      if (t != NULL) evtx_text_add(t, r->name_text.p + o.at, o.len);
      break;
    case OP_ATTR:
      if (!r->pending) goto bad;
      if (o.why != NULL) {
        fail(r, o.why);
        return -1;
      }
      attribute_start(r, o.kind);
      break;
    case OP_CHAR:
      put_char(r, o.value);
      break;
    case OP_SUB:
      if (substitute(r, o.value, o.optional, sub0, nsub, level) != 0) return -1;
      break;
    default: /* OP_BAD */
      fail(r, o.why);
      return -1;
    }
  }
bad:
  fail(r, "binary XML that does not hold together");
  return -1;
}

/* -------------------------------------------------------------- chunks */

/* The wanted field names into r, by length (counted, then placed: a
 * counting sort; a name of 64 bytes or more is left out).  -1 when memory
 * ran out. */
static int want_fields(logonerr_evtx_chunk_reader *r, const char *const *fields) {
  size_t n = 0, next[64], i, k;
  while (fields[n] != NULL) n++;
  r->want = malloc((n + 1) * sizeof *r->want);
  if (r->want == NULL) return -1;
  for (i = 0; i < n; i++) {
    size_t len = strlen(fields[i]);
    if (len < 64) r->by_len[len + 1]++;
  }
  for (k = 0; k < 64; k++) {
    r->by_len[k + 1] += r->by_len[k];
    next[k] = r->by_len[k];
  }
  for (i = 0; i < n; i++) {
    size_t len = strlen(fields[i]);
    if (len < 64) r->want[next[len]++] = fields[i];
  }
  return 0;
}

logonerr_evtx_chunk_reader *logonerr_evtx_chunk_reader_new(const unsigned char *known,
                                                           const char *const *fields) {
  logonerr_evtx_chunk_reader *r = calloc(1, sizeof *r);
  if (r == NULL) return NULL;
  r->known = known;
  if (fields != NULL && want_fields(r, fields) != 0) {
    logonerr_evtx_chunk_reader_free(r);
    return NULL;
  }
  crc_init(r->crc);
  r->name_text.ok = r->text.ok = r->systime.ok = r->aname.ok = 1;
  /* Every buffer is allocated from the start: none is ever NULL. */
  if (!evtx_text_room(&r->name_text, 1) || !evtx_text_room(&r->text, 1) ||
      !evtx_text_room(&r->systime, 1) || !evtx_text_room(&r->aname, 1)) {
    logonerr_evtx_chunk_reader_free(r);
    return NULL;
  }
  return r;
}

void logonerr_evtx_chunk_reader_free(logonerr_evtx_chunk_reader *r) {
  if (r == NULL) return;
  free(r->name_text.p);
  free(r->text.p);
  free(r->systime.p);
  free(r->aname.p);
  free(r->subs);
  free(r->ops);
  free((void *)r->want);
  free(r);
}

void logonerr_evtx_batch_free(logonerr_evtx_batch *b) {
  free(b->text);
  free(b->fields);
  free(b->recs);
  memset(b, 0, sizeof *b);
}

/* One record at chunk offset off, size bytes. */
static int read_record(logonerr_evtx_chunk_reader *r, uint32_t index,
                       uint32_t off, uint32_t size) {
  size_t first = r->b->nfields, text0 = r->out.len;
  uint64_t number = evtx_u64(r->c + off + 8);
  r->depth = r->section = r->capture = r->leaf = r->saw_event = 0;
  r->id_seen = r->skip_data = r->skipping = 0;
  r->unread = 0;
  r->pending = 0;
  r->nsubs = 0;
  r->why = NULL;
  r->text.len = 0;
  if (walk(r, off + 24, off + size - 4, 0, 0, 0, 0) == 0) {
    if (!r->saw_event) fail(r, "no <Event> element");
    else if (r->depth != 0 || r->pending) fail(r, "an element left open");
  }
  if (!r->out.ok || !r->text.ok || !r->name_text.ok || !r->systime.ok ||
      !r->aname.ok)
    return -1;
  if (r->why != NULL) { /* nothing of a damaged record is kept */
    r->b->nfields = first;
    r->out.len = text0;
  }
  if (add_record(r, number, index, off, first, r->why) != 0) return -1;
  if (r->why == NULL) {
    r->b->recs[r->b->nrecs - 1].unread = r->unread;
    r->b->recs[r->b->nrecs - 1].unknown = (uint32_t)r->skip_data;
  }
  return 0;
}

/* The next record signature after off (records are 8-aligned), or end. */
static uint32_t next_signature(const uint8_t *chunk, uint32_t off, uint32_t end_) {
  for (off = (off + 8) & ~7u; off + 28 <= end_; off += 8)
    if (memcmp(chunk + off, "**\0\0", 4) == 0) return off;
  return end_;
}

int logonerr_evtx_read_chunk(logonerr_evtx_chunk_reader *r, const uint8_t *chunk,
                             size_t n, uint32_t index, logonerr_evtx_batch *b) {
  uint32_t crc, free_at, off, size;
  int rc = 0, trusted, damaged;
  const char *why = NULL;
  b->nfields = b->nrecs = 0;
  r->b = b;
  r->out.p = b->text;
  r->out.cap = b->text_cap;
  r->out.len = 0;
  r->out.ok = 1;
  if (!evtx_text_room(&r->out, 1)) return -1;
  r->c = chunk;
  r->n = (uint32_t)(n < CHUNK_SIZE ? n : CHUNK_SIZE);
  if (++r->gen == 0) { /* wrapped: clear the caches for real */
    memset(r->names, 0, sizeof r->names);
    memset(r->templates, 0, sizeof r->templates);
    r->gen = 1;
  }
  r->name_text.len = 0;
  r->nops = 0;
  if (n < CHUNK_HEADER) {
    rc = add_record(r, 0, index, 0, 0,
                    "a truncated chunk: the file ends inside its header");
    goto done;
  }
  if (memcmp(chunk, "ElfChnk", 8) != 0) {
    size_t k;
    k = 0;
    while (k < r->n && chunk[k] == 0) k++;
    if (k < r->n) /* an empty chunk is all zeros: not a skip */
      rc = add_record(r, 0, index, 0, 0, "a chunk without its signature");
    goto done;
  }
  /* A header that fails its checksum is not trusted (its end of records,
   * its records checksum) but its records still are read, each checked on
   * its own, as libevtx reads them. */
  crc = crc_run((const uint32_t(*)[256])r->crc, 0, chunk, 120);
  crc = crc_run((const uint32_t(*)[256])r->crc, crc, chunk + 128, CHUNK_HEADER - 128);
  trusted = crc == evtx_u32(chunk + 124);
  free_at = evtx_u32(chunk + 48);
  if (!trusted || free_at < CHUNK_HEADER || free_at > CHUNK_SIZE) {
    trusted = 0;
    free_at = CHUNK_SIZE; /* the records end where their framing does */
    why = "a chunk whose header checksum is wrong: its records were read one by one";
  } else if (free_at > r->n) {
    why = "a truncated chunk: the file ends inside it; the records it holds "
          "whole were read";
  } else if (crc_run((const uint32_t(*)[256])r->crc, 0, chunk + CHUNK_HEADER,
                     free_at - CHUNK_HEADER) != evtx_u32(chunk + 52)) {
    why = "a chunk whose records checksum is wrong: its records were read one by one";
  }
  if (free_at > r->n) free_at = r->n;
  if (why != NULL && add_record(r, 0, index, 0, 0, why) != 0) {
    rc = -1;
    goto done;
  }
  damaged = why != NULL;
  off = CHUNK_HEADER;
  while (off + 28 <= free_at) {
    size = evtx_u32(chunk + off + 4);
    /* (The copy of the size at the record's end is not checked: libevtx
     * reads a record whose copy is wrong, so this reader does too.) */
    if (memcmp(chunk + off, "**\0\0", 4) != 0 || size < 28 || size > free_at - off) {
      /* Damaged framing: the next record is found by its signature. */
      if (!trusted) break; /* no end of records to trust: they end here */
      why = off + 24 <= free_at && free_at == r->n && r->n < CHUNK_SIZE &&
                    memcmp(chunk + off, "**\0\0", 4) == 0 && size > free_at - off
                ? "a record cut short by the end of the file"
                : "a record whose header is damaged";
      if (add_record(r, 0, index, off, b->nfields, why) != 0) {
        rc = -1;
        goto done;
      }
      off = next_signature(chunk, off, free_at);
      continue;
    }
    if (read_record(r, index, off, size) != 0) {
      rc = -1;
      goto done;
    }
    /* In a damaged chunk, a record that failed may have a damaged size:
     * the next one is looked for by its signature, as libevtx recovers. */
    if (damaged && b->recs[b->nrecs - 1].why != NULL)
      off = next_signature(chunk, off, free_at);
    else
      off += size;
  }
done:
  b->text = r->out.p;
  b->text_cap = r->out.cap;
  b->text_len = r->out.len;
  r->b = NULL;
  if (!r->out.ok) rc = -1;
  return rc;
}
