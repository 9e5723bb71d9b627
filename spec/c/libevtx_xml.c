/*
 * EVTX through libevtx, as its own evtxexport does: open, count, then each
 * record's XML.  (libevtx's record header holds the time the record was
 * written and its number in this file, which differ from the event's
 * TimeCreated and EventRecordID in exported logs: only the XML has those.)
 * A record that cannot be read gives an error for that record only; the
 * caller skips it and goes on.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libevtx.h>

#include "libevtx_xml.h"

struct libevtx_xml {
  libevtx_file_t *file;
  int count;     /* records in undamaged chunks        */
  int recovered; /* then records recovered from damage */
  int damaged;
  libevtx_record_t *cur; /* the record libevtx_xml_load made current */
  uint8_t *buf;          /* the last string or XML handed out           */
  size_t cap;
};

/* libevtx's message, its last line only (the others are the call path). */
static void message(libevtx_error_t *e, const char *what, char *err,
                    size_t errlen) {
  char buf[1024], *line;
  size_t k;
  buf[0] = '\0';
  if (e != NULL) {
    libevtx_error_sprint(e, buf, sizeof buf);
    libevtx_error_free(&e);
  }
  k = strlen(buf);
  while (k > 0 && (buf[k - 1] == '\n' || buf[k - 1] == '\r')) buf[--k] = '\0';
  line = strrchr(buf, '\n');
  line = line ? line + 1 : buf;
  snprintf(err, errlen, "%s%s%s", what, *line ? ": " : "", line);
}

libevtx_xml *libevtx_xml_open(const char *path, char *err, size_t errlen) {
  libevtx_error_t *e = NULL;
  libevtx_xml *f = calloc(1, sizeof *f);
  if (f == NULL) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  if (libevtx_file_initialize(&f->file, &e) != 1) {
    message(e, "cannot start libevtx", err, errlen);
    free(f);
    return NULL;
  }
  if (libevtx_file_open(f->file, path, libevtx_get_access_flags_read(), &e) != 1) {
    message(e, "not a readable EVTX file", err, errlen);
    libevtx_file_free(&f->file, NULL);
    free(f);
    return NULL;
  }
  if (libevtx_file_get_number_of_records(f->file, &f->count, &e) != 1) {
    message(e, "cannot count the records", err, errlen);
    libevtx_xml_close(f);
    return NULL;
  }
  f->damaged = libevtx_file_is_corrupted(f->file, NULL) == 1;
  /* Recovered records come from damaged chunks and from the slack space of
   * good ones (older, overwritten records): only a damaged file's are read,
   * so that a sound file reads as python-evtx and Event Viewer read it. */
  if (f->damaged &&
      libevtx_file_get_number_of_recovered_records(f->file, &f->recovered, NULL) != 1)
    f->recovered = 0;
  return f;
}

void libevtx_xml_close(libevtx_xml *f) {
  if (f == NULL) return;
  if (f->cur != NULL) libevtx_record_free(&f->cur, NULL);
  libevtx_file_close(f->file, NULL);
  libevtx_file_free(&f->file, NULL);
  free(f->buf);
  free(f);
}

int libevtx_xml_count(const libevtx_xml *f) {
  return f->count + f->recovered;
}

int libevtx_xml_regular(const libevtx_xml *f) { return f->count; }

int libevtx_xml_damaged(const libevtx_xml *f) { return f->damaged; }

/* Room for n bytes in f->buf. */
static int room(libevtx_xml *f, size_t n) {
  uint8_t *t;
  if (n <= f->cap) return 1;
  t = realloc(f->buf, n);
  if (t == NULL) return 0;
  f->buf = t;
  f->cap = n;
  return 1;
}

int libevtx_xml_load(libevtx_xml *f, int i, char *err, size_t errlen) {
  libevtx_error_t *e = NULL;
  int got;
  if (f->cur != NULL) libevtx_record_free(&f->cur, NULL);
  got = i < f->count
            ? libevtx_file_get_record_by_index(f->file, i, &f->cur, &e)
            : libevtx_file_get_recovered_record_by_index(f->file, i - f->count,
                                                         &f->cur, &e);
  if (got != 1) {
    f->cur = NULL;
    message(e, "damaged record", err, errlen);
    return -1;
  }
  return 0;
}

unsigned long long libevtx_xml_number(libevtx_xml *f) {
  uint64_t n = 0;
  if (f->cur == NULL || libevtx_record_get_identifier(f->cur, &n, NULL) != 1)
    return 0;
  return (unsigned long long)n;
}

/* Renders the current record into f->buf, n bytes of room.  1 when it
 * fit, 0 when it did not (or the record is damaged: the caller asks its
 * size to tell), with e set. */
static int render(libevtx_xml *f, size_t n, libevtx_error_t **e) {
  return libevtx_record_get_utf8_xml_string(f->cur, f->buf, n, e) == 1;
}

const char *libevtx_xml_xml(libevtx_xml *f, size_t *len, char *err,
                              size_t errlen) {
  libevtx_error_t *e = NULL;
  size_t size = 0, k;
  if (f->cur == NULL) {
    snprintf(err, errlen, "no current record");
    return NULL;
  }
  /* Rendering into the buffer as it is first, and asking libevtx for the
   * exact size only when that fails (a record larger than any before it),
   * saves a walk of each record's XML tree: a sixth of the work of reading
   * an EVTX file, measured with callgrind. */
  if (f->cap == 0 || !render(f, f->cap, &e)) {
    if (e != NULL) libevtx_error_free(&e);
    if (libevtx_record_get_utf8_xml_string_size(f->cur, &size, &e) != 1 ||
        size == 0) {
      message(e, "record without XML", err, errlen);
      return NULL;
    }
    if (!room(f, size)) {
      snprintf(err, errlen, "out of memory");
      return NULL;
    }
    if (!render(f, f->cap, &e)) {
      message(e, "damaged record", err, errlen);
      return NULL;
    }
  }
  f->buf[f->cap - 1] = '\0';
  /* One pass: the length, and control bytes made '?': libevtx writes binary
   * values as they are (python-evtx-security.evtx, event 4739's
   * MinPasswordAge holds \3) and XML 1.0 forbids them, so the record stays
   * readable. */
  for (k = 0; f->buf[k] != '\0'; k++)
    if (f->buf[k] < 0x20 && f->buf[k] != '\t' && f->buf[k] != '\n' &&
        f->buf[k] != '\r')
      f->buf[k] = '?';
  *len = k;
  return (const char *)f->buf;
}
