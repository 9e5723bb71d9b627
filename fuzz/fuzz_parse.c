/* libFuzzer: the parser behind lookup, and the readings it gives. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "logonerr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  logonerr_reading r, rs[8];
  const char *s = (const char *)data;
  int ns, st, n, i;
  char buf[512];
  for (ns = 0; ns <= 3; ns++) {
    st = logonerr_parse(s, size, ns, &r);
    if (st == LOGONERR_OK && r.entry != NULL) {
      /* a reading names the entry it found */
      if (logonerr_code(r.entry) != r.code || logonerr_namespace(r.entry) != r.ns) abort();
      n = logonerr_format(buf, sizeof buf, &r, NULL, 0);
      if (n < 0 || (size_t)n >= sizeof buf || strlen(buf) != (size_t)n) abort();
    } else if (st > 0 || st < LOGONERR_E_FINISHED) {
      abort(); /* only the documented statuses */
    }
  }
  n = logonerr_candidates(s, size, rs, 8);
  for (i = 0; i < n && i < 8; i++)
    if (rs[i].entry == NULL || logonerr_code(rs[i].entry) != rs[i].code) abort();
  return 0;
}
