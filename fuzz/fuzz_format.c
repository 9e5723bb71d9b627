/* libFuzzer: format with a template from outside.  The input is a code,
 * a NUL byte, then the template. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "logonerr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  const char *nul = memchr(s, '\0', size);
  logonerr_reading r;
  size_t clen = nul ? (size_t)(nul - s) : size;
  const char *tmpl = nul ? nul + 1 : "";
  size_t tlen = nul ? size - clen - 1 : 0;
  char small[16], *big;
  size_t shown;
  int n, m;
  if (logonerr_parse(s, clen, 0, &r) != LOGONERR_OK) {
    memset(&r, 0, sizeof r);
    logonerr_classify(0xC000006Du, 0, LOGONERR_HOW_HEX, &r);
  }
  n = logonerr_format(small, sizeof small, &r, tmpl, tlen);
  if (n < 0) return 0; /* a malformed template: nothing more to check */
  /* snprintf semantics: cut to fit, always terminated.  (A template may
   * hold NUL bytes, copied like any other, so lengths are not strlen.) */
  shown = (size_t)n < sizeof small ? (size_t)n : sizeof small - 1;
  if (small[shown] != '\0') abort();
  big = malloc((size_t)n + 1);
  if (big == NULL) return 0;
  m = logonerr_format(big, (size_t)n + 1, &r, tmpl, tlen);
  if (m != n || big[n] != '\0' || memcmp(big, small, shown) != 0) abort();
  if (logonerr_format(NULL, 0, &r, tmpl, tlen) != n) abort();
  free(big);
  return 0;
}
