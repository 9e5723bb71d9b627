/* libFuzzer: UTF-16 to UTF-8 (csrc/utf16.c) gives the same text whole and
 * in two pieces cut where the first byte says, and never writes past the
 * 3 bytes per code unit it promises. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "logonerr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t used, used2, n, n2, cut, room = 3 * (size / 2);
  int big = size > 0 && (data[0] & 1);
  char *out = malloc(room + 1), *out2 = malloc(room + 1);
  if (out == NULL || out2 == NULL) abort();
  n = logonerr_utf16_to_utf8(data, size, big, 1, out, &used);
  if (n > room || used > size) abort();
  cut = size > 0 ? data[0] % (size + 1) : 0;
  n2 = logonerr_utf16_to_utf8(data, cut, big, 0, out2, &used);
  if (used > cut) abort();
  n2 += logonerr_utf16_to_utf8(data + used, size - used, big, 1, out2 + n2, &used2);
  if (n != n2 || memcmp(out, out2, n) != 0) abort();
  free(out);
  free(out2);
  return 0;
}
