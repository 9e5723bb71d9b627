/* libFuzzer: name lookup, checked against a plain case-insensitive
 * comparison with every catalogued name. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "logonerr.h"

static const logonerr_entry *by_hand(const char *s, size_t n) {
  size_t i, k;
  for (i = 0; i < logonerr_count(); i++) {
    const char *name = logonerr_name(logonerr_at(i));
    if (strlen(name) != n) continue;
    for (k = 0; k < n; k++)
      if (toupper((unsigned char)s[k]) != (unsigned char)name[k]) break;
    if (k == n) return logonerr_at(i);
  }
  return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  if (logonerr_find_name(s, size) != by_hand(s, size)) abort();
  return 0;
}
