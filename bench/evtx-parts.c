/* The first parts of an EVTX triage without Lua, to tell where its time
 * goes: libevtx reading and rendering every record as logonerr.evtx asks
 * it (csrc/evtx.c), and with "expat" each record's XML read as well
 * (csrc/eventxml.c, fields handed to a function that only counts them).
 *   evtx-parts FILE [expat]  ->  "<records> <fields>" */
#include <stdio.h>
#include <string.h>

#include "eventxml.h"
#include "evtx.h"

static void count(void *ud, int where, const char *name, const char *v,
                  size_t n) {
  (void)where;
  (void)name;
  (void)v;
  (void)n;
  ++*(unsigned long *)ud;
}

int main(int argc, char **argv) {
  char err[512];
  logonerr_evtx *f;
  logonerr_eventxml *x;
  unsigned long fields = 0;
  int i, n, read = 0, expat = argc == 3 && strcmp(argv[2], "expat") == 0;
  size_t len;
  if (argc < 2 || argc > 3) {
    fprintf(stderr, "usage: evtx-parts FILE [expat]\n");
    return 2;
  }
  f = logonerr_evtx_open(argv[1], err, sizeof err);
  x = logonerr_eventxml_new();
  if (f == NULL || x == NULL) {
    fprintf(stderr, "evtx-parts: %s\n", f == NULL ? err : "out of memory");
    return 2;
  }
  n = logonerr_evtx_count(f);
  for (i = 0; i < n; i++) {
    const char *xml = logonerr_evtx_load(f, i, err, sizeof err) == 0
                          ? logonerr_evtx_xml(f, &len, err, sizeof err)
                          : NULL;
    if (xml == NULL) continue;
    if (expat &&
        logonerr_eventxml_read(x, xml, len, count, &fields, err, sizeof err) != 0)
      continue;
    read++;
  }
  printf("%d %lu\n", read, fields);
  logonerr_eventxml_free(x);
  logonerr_evtx_close(f);
  return 0;
}
