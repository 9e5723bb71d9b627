/* libFuzzer: event XML through libexpat (every field handed out must be
 * what its length says). */
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
  size_t count = 0;
  logonerr_eventxml *x = logonerr_eventxml_new();
  if (x == NULL) abort();
  if (logonerr_eventxml_read(x, (const char *)data, size, on_field, &count, err,
                             sizeof err) != 0 &&
      strlen(err) == 0)
    abort(); /* a failure always says why */
  /* The same reader again: it must start clean. */
  count = 0;
  (void)logonerr_eventxml_read(x, (const char *)data, size, on_field, &count, err,
                               sizeof err);
  logonerr_eventxml_free(x);
  return 0;
}
