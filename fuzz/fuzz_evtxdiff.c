/* libFuzzer, differential: logonerr's own EVTX reader against libevtx on
 * mutated files.  Wherever libevtx reads a record (and its XML reads as an
 * event), ours must read that record with the same fields
 * (spec/c/evtx_compare.c does the comparing).  libevtx reads files, so
 * each input is written to one first. */
#include <stdio.h>
#include <unistd.h>

#define EVTX_COMPARE_NO_MAIN
#include "evtx_compare.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char path[64];
  FILE *f;
  counts c;
  snprintf(path, sizeof path, "fuzz-evtxdiff-%ld.evtx", (long)getpid());
  f = fopen(path, "wb");
  if (f == NULL) abort();
  if (fwrite(data, 1, size, f) != size) abort();
  fclose(f);
  if (compare(path, 0, stderr, &c) != 0) {
    compare(path, 1, stderr, &c); /* say which record, then stop */
    abort();
  }
  remove(path);
  return 0;
}
