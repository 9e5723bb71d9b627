/* The C API alone over a file already in memory: logonerr_scan_feed and
 * logonerr_scan_next on 1 MiB pieces, as a C log shipper would.
 *   scan-capi FILE  ->  "<codes found> <seconds scanning>"
 * Only the scan is timed: reading the file into memory is not. */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "logonerr.h"

#define PIECE 1048576

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  FILE *f;
  char *buf;
  long size;
  size_t n, at;
  unsigned long found = 0;
  double t0, t1;
  logonerr_scanner sc;
  logonerr_match m;
  if (argc != 2 || (f = fopen(argv[1], "rb")) == NULL) {
    fprintf(stderr, "usage: scan-capi FILE\n");
    return 2;
  }
  if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
      fseek(f, 0, SEEK_SET) != 0 || (buf = malloc((size_t)size + 1)) == NULL)
    return 2;
  n = fread(buf, 1, (size_t)size, f);
  fclose(f);
  t0 = now();
  logonerr_scan_init(&sc, 0);
  for (at = 0; at < n; at += PIECE) {
    logonerr_scan_feed(&sc, buf + at, n - at < PIECE ? n - at : PIECE);
    while (logonerr_scan_next(&sc, &m)) found++;
  }
  if (logonerr_scan_finish(&sc, &m)) found++;
  t1 = now();
  printf("%lu %.4f\n", found, t1 - t0);
  free(buf);
  return 0;
}
