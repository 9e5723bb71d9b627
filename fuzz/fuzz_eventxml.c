/* libFuzzer: event XML through libexpat (every field handed out must be
 * what its length says) and UTF-16 to UTF-8, whole and in two pieces. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "eventxml.h"

static void on_field(void *ud, int where, const char *name, const char *v,
                     size_t n) {
  size_t *count = ud;
  if (where != LOGONERR_FIELD_SYSTEM && where != LOGONERR_FIELD_DATA) abort();
  if (name == NULL || v == NULL || memchr(v, '\0', n) != NULL) abort();
  (*count)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char err[256];
  size_t count = 0, used, used2, n, n2, cut;
  char *out = malloc(3 * (size / 2) + 4), *out2 = malloc(3 * (size / 2) + 4);
  logonerr_eventxml *x = logonerr_eventxml_new();
  if (x == NULL || out == NULL || out2 == NULL) abort();
  if (logonerr_eventxml_read(x, (const char *)data, size, on_field, &count, err,
                             sizeof err) != 0 &&
      strlen(err) == 0)
    abort(); /* a failure always says why */
  /* The same reader again: it must start clean. */
  count = 0;
  (void)logonerr_eventxml_read(x, (const char *)data, size, on_field, &count, err,
                               sizeof err);
  logonerr_eventxml_free(x);
  /* UTF-16: one piece, or two cut where the first byte says. */
  n = logonerr_utf16_to_utf8(data, size, size > 0 && (data[0] & 1), 1, out, &used);
  cut = size > 0 ? data[0] % (size + 1) : 0;
  n2 = logonerr_utf16_to_utf8(data, cut, size > 0 && (data[0] & 1), 0, out2, &used);
  n2 += logonerr_utf16_to_utf8(data + used, size - used, size > 0 && (data[0] & 1),
                               1, out2 + n2, &used2);
  if (n != n2 || memcmp(out, out2, n) != 0) abort();
  free(out);
  free(out2);
  return 0;
}
