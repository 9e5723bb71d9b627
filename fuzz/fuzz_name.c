/* libFuzzer: name lookup, checked against a plain case-insensitive
 * comparison with every catalogued name and alias, in catalogue order, a
 * name written NT_STATUS_X (as Samba writes NTSTATUS names) read as
 * STATUS_X. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "logonerr.h"

static int same(const char *s, size_t n, const char *name) {
  size_t k;
  if (strlen(name) != n) return 0;
  for (k = 0; k < n; k++)
    if (toupper((unsigned char)s[k]) != toupper((unsigned char)name[k])) return 0;
  return 1;
}

static const logonerr_entry *by_hand(const char *s, size_t n) {
  size_t i, k;
  if (n > 10 && same(s, 10, "NT_STATUS_")) {
    s += 3;
    n -= 3;
  }
  for (i = 0; i < logonerr_count(); i++) {
    const logonerr_entry *e = logonerr_at(i);
    const char *alias;
    if (same(s, n, logonerr_name(e))) return e;
    for (k = 0; (alias = logonerr_alias(e, k)) != NULL; k++)
      if (same(s, n, alias)) return e;
  }
  return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  if (logonerr_find_name(s, size) != by_hand(s, size)) abort();
  return 0;
}
