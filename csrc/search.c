/* Word search over an entry's name, message and knowledge. */
#include <string.h>

#include "catalog.h"

static int lower(int c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

static int contains(const char *hay, const char *word, size_t n) {
  const char *p;
  if (hay == NULL) return 0;
  if (n == 0) return 1;
  for (p = hay; *p != '\0'; p++) {
    size_t k = 0;
    while (k < n && p[k] != '\0' &&
           lower((unsigned char)p[k]) == lower((unsigned char)word[k]))
      k++;
    if (k == n) return 1;
  }
  return 0;
}

/* Names are searched with '_' read as a space, so "logon session" finds
 * ERROR_LOGON_SESSION_EXISTS as well as text. */
static int name_contains(const char *name, const char *word, size_t n) {
  const char *p;
  for (p = name; *p != '\0'; p++) {
    size_t k = 0;
    while (k < n && p[k] != '\0') {
      int a = p[k] == '_' ? ' ' : lower((unsigned char)p[k]);
      if (a != lower((unsigned char)word[k])) break;
      k++;
    }
    if (k == n) return 1;
  }
  return 0;
}

/* Does any text of the entry (name, message, knowledge) hold the word? */
static int mentions(const logonerr_entry *e, const char *w, size_t n) {
  const char *q, *a;
  size_t i;
  int list;
  if (name_contains(logonerr_name(e), w, n) ||
      contains(logonerr_message(e), w, n) || contains(logonerr_summary(e), w, n))
    return 1;
  for (list = 0; list < LOGONERR_LIST_COUNT; list++)
    for (i = 0; logonerr_item(e, list, i) != NULL; i++)
      if (contains(logonerr_item(e, list, i), w, n)) return 1;
  for (i = 0; logonerr_faq(e, i, &q, &a); i++)
    if (contains(q, w, n) || contains(a, w, n)) return 1;
  for (i = 0; logonerr_alias(e, i) != NULL; i++)
    if (name_contains(logonerr_alias(e, i), w, n)) return 1;
  return 0;
}

int logonerr_matches(const logonerr_entry *e, const char *const *words,
                     const size_t *lens, size_t nwords) {
  size_t i;
  for (i = 0; i < nwords; i++)
    if (!mentions(e, words[i], lens[i])) return 0;
  return 1;
}
