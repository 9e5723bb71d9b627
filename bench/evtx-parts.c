/* The first part of an EVTX triage without Lua, to tell where its time
 * goes: logonerr's own reader (csrc/evtx.c) reading every chunk, record
 * and field of a file, with THREADS threads (1 by default).
 *   evtx-parts FILE [THREADS]  ->  "<records> <fields> <skipped>" */
#include <stdio.h>
#include <stdlib.h>

#include "evtx.h"

int main(int argc, char **argv) {
  char err[512];
  const logonerr_evtx_batch *b;
  logonerr_evtx *f;
  unsigned long recs = 0, fields = 0, skipped = 0;
  size_t i;
  int rc;
  if (argc < 2 || argc > 3) {
    fprintf(stderr, "usage: evtx-parts FILE [THREADS]\n");
    return 2;
  }
  f = logonerr_evtx_open(argv[1], argc == 3 ? atoi(argv[2]) : 1, err, sizeof err);
  if (f == NULL) {
    fprintf(stderr, "evtx-parts: %s\n", err);
    return 2;
  }
  while ((rc = logonerr_evtx_next(f, &b, err, sizeof err)) == 1)
    for (i = 0; i < b->nrecs; i++) {
      if (b->recs[i].why != NULL) {
        skipped++;
        continue;
      }
      recs++;
      fields += b->recs[i].count;
    }
  logonerr_evtx_close(f);
  if (rc < 0) {
    fprintf(stderr, "evtx-parts: %s\n", err);
    return 2;
  }
  printf("%lu %lu %lu\n", recs, fields, skipped);
  return 0;
}
