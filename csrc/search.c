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

/* Names are searched with '_' read as a space, in the name and in the
 * word, so "logon session" finds ERROR_LOGON_SESSION_EXISTS as well as text
 * and ERROR_LOGON_SESSION_EXISTS finds its own entry. */
static int name_char(int c) { return c == '_' ? ' ' : lower(c); }

static int name_contains(const char *name, const char *word, size_t n) {
  const char *p;
  for (p = name; *p != '\0'; p++) {
    size_t k = 0;
    while (k < n && p[k] != '\0' &&
           name_char((unsigned char)p[k]) == name_char((unsigned char)word[k]))
      k++;
    if (k == n) return 1;
  }
  return 0;
}

/* Is the word the whole name (any case)? */
static int name_is(const char *name, const char *word, size_t n) {
  return name != NULL && strlen(name) == n && name_contains(name, word, n);
}

static int hex_digit(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = lower(c);
  return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

/* The value of a word written as the catalogue writes numbers: 0x and hex
 * digits (any case, leading zeros allowed), or decimal digits (*dec set). */
static int word_number(const char *w, size_t n, uint32_t *v, int *dec) {
  size_t i = 0, digits = 0;
  int base = 10;
  *v = 0;
  if (n > 2 && w[0] == '0' && (w[1] == 'x' || w[1] == 'X')) base = 16, i = 2;
  *dec = base == 10;
  for (; i < n; i++) {
    int d = hex_digit((unsigned char)w[i]);
    if (d < 0 || d >= base) return 0;
    if (*v == 0 && d == 0) continue; /* leading zeros */
    if (++digits > (base == 16 ? 8u : 10u)) return 0;
    if (base == 10 && *v > (0xFFFFFFFFu - (uint32_t)d) / 10u) return 0;
    *v = *v * (uint32_t)base + (uint32_t)d;
  }
  return 1;
}

/* Does the word name the entry: its name, an alias, its hex (any namespace)
 * or, for a Win32 code, its decimal (the forms the catalogue prints)? */
static int names(const logonerr_entry *e, const char *w, size_t n) {
  uint32_t v;
  int dec;
  size_t i;
  if (name_is(logonerr_name(e), w, n)) return 1;
  for (i = 0; logonerr_alias(e, i) != NULL; i++)
    if (name_is(logonerr_alias(e, i), w, n)) return 1;
  if (!word_number(w, n, &v, &dec) || v != logonerr_code(e)) return 0;
  return !dec || logonerr_namespace(e) == LOGONERR_NS_WIN32;
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
  int named = 0;
  for (i = 0; i < nwords; i++) {
    if (names(e, words[i], lens[i])) named = 1;
    else if (!mentions(e, words[i], lens[i])) return 0;
  }
  return named ? 2 : 1;
}
