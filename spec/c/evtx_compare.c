/*
 * Our EVTX reader (csrc/evtx.c) against libevtx: every record libevtx
 * reads (its XML read by csrc/eventxml.c, as logonerr did before it had
 * its own reader) is looked up by its number among ours, and their fields
 * compared, name by name and value by value, in order.
 *   evtx-compare [-v | -vv] FILE...
 * prints one line per file:
 *   FILE libevtx=N ours=N same=N differ=N missing=N extra=N skipped=N damaged=N
 * (missing: read by libevtx, not by us; extra: read by us, not by libevtx;
 * skipped: records and chunks we skipped, with reasons under -v; damaged:
 * records of damaged chunks -- a checksum wrong, or cut short -- that the
 * two read differently or only libevtx read: there each reader recovers
 * what it can in its own way, libevtx looking for record signatures
 * anywhere in a chunk, slack space included; where they agree, a record
 * counts as same), and with
 * -v the first differences (-vv: all of them).  Exit status 1 when any record differs or is
 * missing.  The differential fuzz target includes this file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eventxml.h"
#include "evtx.h"
#include "libevtx_xml.h"

typedef struct {
  char *s;
  size_t len, cap;
} buf;

static void put(buf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1) cap *= 2;
    b->s = realloc(b->s, cap);
    if (b->s == NULL) abort();
    b->cap = cap;
  }
  memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = '\0';
}

/* A record's fields as one string: where, name, value, each field a line
 * (values may hold anything but NUL: \1 and \2 separate). */
static void put_field(buf *b, int where, const char *name, size_t nn,
                      const char *v, size_t n) {
  put(b, where ? "D\1" : "S\1", 2);
  put(b, name, nn);
  put(b, "\1", 1);
  put(b, v, n);
  put(b, "\2", 1);
}

static void on_field(void *ud, int where, const char *name, const char *v,
                     size_t n) {
  put_field(ud, where, name, strlen(name), v, n);
}

typedef struct {
  unsigned long long number; /* what pairs the records of the two readers */
  char *fields;
  int seen;
  int damaged; /* its chunk failed a checksum, or was cut short */
} ours_rec;

typedef struct {
  long libevtx, ours, same, differ, missing, extra, skipped, damaged;
} counts;

static int by_number(const void *a, const void *b) {
  unsigned long long x = ((const ours_rec *)a)->number,
                     y = ((const ours_rec *)b)->number;
  return x < y ? -1 : x > y;
}

/* Among ours numbered like key (a damaged file may repeat a number), the
 * first not yet paired whose fields are these, else the first not yet
 * paired; NULL when none is left. */
static ours_rec *pair(ours_rec *recs, size_t n, const ours_rec *key,
                      const char *fields) {
  ours_rec *hit = n > 0 ? bsearch(key, recs, n, sizeof *recs, by_number) : NULL, *p,
           *first = NULL;
  if (hit == NULL) return NULL;
  while (hit > recs && hit[-1].number == key->number) hit--;
  for (p = hit; p < recs + n && p->number == key->number; p++) {
    if (p->seen) continue;
    if (strcmp(p->fields, fields) == 0) return p;
    if (first == NULL) first = p;
  }
  return first;
}

static void show(FILE *out, const char *s) {
  for (; *s; s++) {
    if (*s == '\1') fputs(" | ", out);
    else if (*s == '\2') fputs("\n      ", out);
    else fputc(*s, out);
  }
  fputc('\n', out);
}

/* Compares the readers on path; counts in *c.  -1 when neither can open
 * it the same way (one opens it, the other does not). */
static int compare(const char *path, int verbose, FILE *out, counts *c) {
  char err[512];
  logonerr_evtx *ev;
  libevtx_xml *lx;
  logonerr_eventxml *x;
  const logonerr_evtx_batch *b;
  ours_rec *recs = NULL;
  size_t n = 0, cap = 0, i, k;
  int rc, shown = 0, file_damaged = 0;
  memset(c, 0, sizeof *c);
  ev = logonerr_evtx_open(path, 1, err, sizeof err);
  if (ev == NULL) {
    if (verbose) fprintf(out, "ours cannot open it: %s\n", err);
    lx = libevtx_xml_open(path, err, sizeof err);
    if (lx == NULL) return 0;
    c->libevtx = libevtx_xml_count(lx);
    c->missing = c->libevtx;
    libevtx_xml_close(lx);
    return c->missing ? -1 : 0;
  }
  while ((rc = logonerr_evtx_next(ev, &b, err, sizeof err)) == 1) {
    int chunk_damaged = 0;
    for (i = 0; i < b->nrecs; i++) {
      const logonerr_evtx_record *r = &b->recs[i];
      buf fb = {NULL, 0, 0};
      if (r->why != NULL) {
        c->skipped++;
        if (r->offset == 0) chunk_damaged = file_damaged = 1;
        if (verbose)
          fprintf(out, "skipped: chunk %ld offset %lu: %s\n",
                  r->chunk == LOGONERR_EVTX_FILE ? -1L : (long)r->chunk,
                  (unsigned long)r->offset, r->why);
        continue;
      }
      put(&fb, "", 0);
      for (k = r->first; k < (size_t)r->first + r->count; k++) {
        const logonerr_evtx_field *f = &b->fields[k];
        put_field(&fb, (int)f->where, b->text + f->name, f->name_len,
                  b->text + f->value, f->value_len);
      }
      if (n == cap) {
        cap = cap ? cap * 2 : 1024;
        recs = realloc(recs, cap * sizeof *recs);
        if (recs == NULL) abort();
      }
      recs[n].number = r->number;
      recs[n].damaged = chunk_damaged;
      recs[n].fields = fb.s;
      recs[n].seen = 0;
      n++;
    }
  }
  if (rc < 0) fprintf(out, "ours failed: %s\n", err);
  logonerr_evtx_close(ev);
  c->ours = (long)n;
  if (n > 0) qsort(recs, n, sizeof *recs, by_number);
  lx = libevtx_xml_open(path, err, sizeof err);
  x = logonerr_eventxml_new();
  if (x == NULL) abort();
  if (lx != NULL) {
    int total = libevtx_xml_count(lx), regular = libevtx_xml_regular(lx), j;
    for (j = 0; j < total; j++) {
      size_t len;
      const char *xml;
      buf fb = {NULL, 0, 0};
      ours_rec key, *hit;
      if (libevtx_xml_load(lx, j, err, sizeof err) != 0) continue;
      xml = libevtx_xml_xml(lx, &len, err, sizeof err);
      if (xml == NULL) continue;
      put(&fb, "", 0);
      if (logonerr_eventxml_read(x, xml, len, on_field, &fb, err, sizeof err) != 0) {
        free(fb.s);
        continue;
      }
      c->libevtx++;
      key.number = libevtx_xml_number(lx);
      hit = pair(recs, n, &key, fb.s);
      if ((j >= regular || (hit != NULL && hit->damaged) ||
           (hit == NULL && file_damaged)) &&
          (hit == NULL || strcmp(hit->fields, fb.s) != 0)) {
        c->damaged++; /* each reader recovers in its own way: see the top */
        if (hit != NULL) hit->seen = 1;
      } else if (hit == NULL) {
        c->missing++;
        if (verbose && shown++ < (verbose > 1 ? 1000000 : 5)) {
          fprintf(out, "record %llu: not read by ours; libevtx:\n      ", key.number);
          show(out, fb.s);
        }
      } else {
        hit->seen = 1;
        if (strcmp(hit->fields, fb.s) == 0) {
          c->same++;
        } else {
          c->differ++;
          if (verbose && shown++ < (verbose > 1 ? 1000000 : 5)) {
            fprintf(out, "record %llu differs; libevtx:\n      ", key.number);
            show(out, fb.s);
            fprintf(out, "    ours:\n      ");
            show(out, hit->fields);
          }
        }
      }
      free(fb.s);
    }
    libevtx_xml_close(lx);
  }
  logonerr_eventxml_free(x);
  for (i = 0; i < n; i++) {
    if (!recs[i].seen) c->extra++;
    free(recs[i].fields);
  }
  free(recs);
  return c->differ || c->missing ? -1 : 0;
}

#ifndef EVTX_COMPARE_NO_MAIN
int main(int argc, char **argv) {
  int i, verbose = 0, bad = 0;
  for (i = 1; i < argc; i++) {
    counts c;
    if (strcmp(argv[i], "-v") == 0 || strcmp(argv[i], "-vv") == 0) {
      verbose = argv[i][2] ? 2 : 1;
      continue;
    }
    if (compare(argv[i], verbose, stdout, &c) != 0) bad = 1;
    printf("%s libevtx=%ld ours=%ld same=%ld differ=%ld missing=%ld extra=%ld "
           "skipped=%ld damaged=%ld\n",
           argv[i], c.libevtx, c.ours, c.same, c.differ, c.missing, c.extra,
           c.skipped, c.damaged);
  }
  return bad;
}
#endif
