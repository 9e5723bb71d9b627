/* libFuzzer: the scanner, over a whole buffer and in chunks whose sizes
 * come from the input: both must find the same codes at the same places,
 * and every match must be the text it says. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "logonerr.h"

#define MAX 256

static size_t scan_whole(const char *s, size_t n, logonerr_match *out) {
  logonerr_scanner sc;
  size_t k = 0;
  logonerr_scan_init(&sc, LOGONERR_SCAN_ALL);
  logonerr_scan_feed(&sc, s, n);
  while (k < MAX && logonerr_scan_next(&sc, &out[k])) k++;
  if (k < MAX && logonerr_scan_finish(&sc, &out[k])) k++;
  return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static logonerr_match whole[MAX];
  const char *s = (const char *)data;
  logonerr_scanner sc;
  logonerr_match m;
  size_t n = scan_whole(s, size, whole), k = 0, at = 0, i;
  unsigned step = size > 0 ? data[0] : 1;
  for (i = 0; i < n; i++) {
    const logonerr_match *w = &whole[i];
    if (w->start >= w->stop || w->stop > size) abort();
    if (w->len != w->stop - w->start || memcmp(w->text, s + w->start, w->len))
      abort();
    if (i > 0 && w->start < whole[i - 1].stop) abort();
  }
  if (n == MAX) return 0;
  logonerr_scan_init(&sc, LOGONERR_SCAN_ALL);
  while (at < size) {
    size_t len = step % 7 + 1;
    if (len > size - at) len = size - at;
    logonerr_scan_feed(&sc, s + at, len);
    while (logonerr_scan_next(&sc, &m)) {
      if (k >= n || m.start != whole[k].start || m.stop != whole[k].stop ||
          m.reading.code != whole[k].reading.code || m.line != whole[k].line)
        abort();
      k++;
    }
    at += len;
    step = step * 1103515245u + 12345u;
  }
  if (logonerr_scan_finish(&sc, &m)) {
    if (k >= n || m.start != whole[k].start) abort();
    k++;
  }
  if (k != n) abort();
  return 0;
}
