/* libFuzzer: the scanner's fast path (anchors, word-at-a-time skipping,
 * lazy line counts) against a reference scanner written plainly here from
 * the rules of doc/scanning.md: split the text into words, look at
 * the word and the gap before it, read the value with logonerr_parse.  Both
 * must find the same codes at the same places, on the same lines, with the
 * same readings, whole and fed in pieces.  The first byte picks the flags
 * and the piece size. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "logonerr.h"

#define MAX 256

typedef struct {
  uint64_t start, stop, line;
  uint32_t value;
  int ns, how;
  const logonerr_entry *entry;
} code;

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_letter(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static int is_w(int c) { return is_digit(c) || is_letter(c) || c == '_'; }
static int is_sep(int c) { return c != 0 && strchr("\t :=#()\"", c) != NULL; }

/* A letter t, n or r right after a backslash separates (a JSON escape). */
static int escaped(const unsigned char *s, size_t k) {
  return k > 0 && s[k - 1] == '\\' && (s[k] == 't' || s[k] == 'n' || s[k] == 'r');
}

static int same_lower(const unsigned char *p, size_t n, const char *w) {
  size_t i;
  if (strlen(w) != n) return 0;
  for (i = 0; i < n; i++)
    if ((p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]) != w[i]) return 0;
  return 1;
}

static const char *const KEYWORDS[] = {
    "error", "err", "errorcode", "code", "status", "substatus", "statuscode",
    "winerror", "getlasterror", "lasterror", "hresult", "ntstatus",
    "failurecode", "resultcode"};

static int keyword(const unsigned char *p, size_t n) {
  size_t k;
  for (k = 0; k < sizeof KEYWORDS / sizeof KEYWORDS[0]; k++)
    if (same_lower(p, n, KEYWORDS[k])) return 1;
  return 0;
}

static const char *const NAMES[] = {"ERROR_", "STATUS_", "NT_STATUS_",
                                    "SEC_E_", "SEC_I_",
                                    "KDC_ERR_", "KRB_AP_ERR_", "KRB_ERR_",
                                    "KRB5KDC_ERR_", "KRB5KRB_AP_ERR_"};

static int name(const unsigned char *p, size_t n) {
  size_t k, i;
  for (i = 0; i < n; i++)
    if (p[i] >= 'a' && p[i] <= 'z') return 0;
  for (k = 0; k < sizeof NAMES / sizeof NAMES[0]; k++)
    if (n > strlen(NAMES[k]) && memcmp(p, NAMES[k], strlen(NAMES[k])) == 0)
      return 1;
  return 0;
}

/* MIT krb5kdc's request line after the word AS_REQ or TGS_REQ:
 * " (etypes) ADDRESS: RESULT:" with one or two spaces first, the etype list
 * in balanced parentheses on one line (1024 bytes at most), one space, an
 * address of 1 to 64 bytes ending in ':', one space, and a result of
 * capitals, '_' and spaces (24 at most) ending at ':'.  Returns where
 * reading words goes on: after that ':' when the line has this shape (and
 * *code is the result's Kerberos code, or -1 if it is none the scanner
 * knows; *rs the result's start), else the byte where the shape broke
 * (*code -2). */
static const struct {
  const char *text;
  int code;
} KDC[] = {{"NEEDED_PREAUTH", 25},     {"PREAUTH_FAILED", 24},
           {"CLIENT_NOT_FOUND", 6},    {"SERVER_NOT_FOUND", 7},
           {"LOOKING_UP_SERVER", 7},   {"CLIENT LOCKED OUT", 18},
           {"LOCKED_OUT", 18},         {"CLIENT EXPIRED", 1},
           {"CLIENT KEY EXPIRED", 23}, {"REQUIRED PWCHANGE", 23},
           {"SERVICE EXPIRED", 2}};

static size_t kdc_line(const unsigned char *s, size_t n, size_t k, int *code,
                       size_t *rs) {
  size_t spaces = 0, seen = 0, a0, i;
  int depth = 1;
  *code = -2;
  while (k < n && s[k] == ' ' && spaces < 2) k++, spaces++;
  if (k >= n || s[k] != '(') return k;
  for (k++; k < n && depth > 0; k++) {
    if (s[k] == '\n' || ++seen > 1024) return k;
    if (s[k] == '(') depth++;
    if (s[k] == ')') depth--;
  }
  if (k >= n) return k;
  if (s[k] != ' ') return k;
  a0 = ++k;
  for (; k < n && s[k] != ' '; k++)
    if (s[k] == '\n' || k - a0 + 1 > 64) return k;
  if (k >= n) return k;
  if (k == a0 || s[k - 1] != ':') return k;
  *rs = ++k;
  for (; k < n && k - *rs < 24 && ((s[k] >= 'A' && s[k] <= 'Z') || s[k] == '_' || s[k] == ' '); k++) {
  }
  if (k >= n || s[k] != ':' || k == *rs) return k;
  *code = -1;
  for (i = 0; i < sizeof KDC / sizeof KDC[0]; i++)
    if (strlen(KDC[i].text) == k - *rs && memcmp(KDC[i].text, s + *rs, k - *rs) == 0)
      *code = KDC[i].code;
  return k;
}

/* Is the word before ws (letters only, then 1 to 8 separators) `w`? */
static int word_before(const unsigned char *s, size_t ws, const char *w) {
  size_t b = ws, q;
  while (b > 0 && ws - b < 9 && is_sep(s[b - 1])) b--;
  if (b == ws || ws - b > 8) return 0;
  for (q = b; q > 0 && is_w(s[q - 1]) && !escaped(s, q - 1); q--) {
  }
  return same_lower(s + q, b - q, w);
}

/* The reference: every word in turn, with the word and the gap before it.
 * prev: 0, or 1 when the word before was a keyword (2: "error"), pwe: where
 * it ended. */
static size_t reference(const unsigned char *s, size_t n, int flags,
                        code *out) {
  size_t k = 0, found = 0, pwe = 0;
  int prev = 0, kerberos = 0; /* the keyword before names a Kerberos field */
  while (k < n && found < MAX) {
    size_t ws, we, len, g, seps = 0;
    int ctx = prev, kw = prev, krb = kerberos, minus = 0, paren = 0;
    uint64_t sign_at = 0;
    if (!is_w(s[k]) || escaped(s, k)) {
      k++;
      continue;
    }
    ws = k;
    for (we = ws; we < n && is_w(s[we]); we++) {
    }
    k = we;
    len = we - ws;
    /* in a keyword's reach: the gap holds at most 8 separators (a \t
     * written as two characters counts once), and a '-' only last */
    for (g = pwe; ctx && g < ws; g++) {
      int c = s[g];
      if (g > 0 && s[g - 1] == '\\') {
        if (!escaped(s, g) || minus) ctx = 0;
      } else if (minus) {
        ctx = 0;
      } else if (c == '-') {
        minus = 1;
        sign_at = g;
      } else if ((!is_sep(c) && c != '\\') || ++seps > 8) {
        ctx = 0;
      } else if (c == '(') {
        paren = 1;
      }
    }
    if (ctx && s[ws - 1] == '\\') ctx = 0; /* not \t, \n or \r */
    if (!ctx) minus = 0;
    prev = kerberos = 0;
    pwe = we;
    if (len > LOGONERR_MAX_INPUT) continue;
    if (is_digit(s[ws])) {
      char text[LOGONERR_MAX_INPUT + 2];
      int ok = 0;
      logonerr_reading r;
      if (len >= 3 && s[ws] == '0' && (s[ws + 1] | 0x20) == 'x') {
        int d = s[ws + 2] | 0x20;
        int top = (d >= '8' && d <= '9') || (d >= 'a' && d <= 'f');
        ok = len <= 10 && !minus && (ctx || (len == 10 && top));
      } else if (ctx && len <= 10) {
        size_t i;
        ok = 1;
        for (i = ws; i < we; i++) ok = ok && is_digit(s[i]);
      }
      if (!ok) continue;
      text[0] = '-';
      memcpy(text + minus, s + ws, len);
      /* after a Kerberos field, a Kerberos code if it can be one */
      if (!(ctx && krb && logonerr_parse(text, len + (size_t)minus,
                                         LOGONERR_NS_KERBEROS, &r) == LOGONERR_OK) &&
          logonerr_parse(text, len + (size_t)minus, LOGONERR_NS_NONE, &r) !=
              LOGONERR_OK)
        continue;
      if (r.entry == NULL) {
        if (!(flags & LOGONERR_SCAN_ALL)) continue;
        if (r.value == 0 || r.value == 0xFFFFFFFFu) continue; /* none */
        if (ctx && kw == 2 && paren && len == 1 && s[ws] == '2')
          continue; /* "Error (2)": an event level */
      }
      /* a number followed by '.' and a digit is a fraction or a version */
      if (we + 1 < n && s[we] == '.' && is_digit(s[we + 1])) continue;
      out[found].start = minus ? sign_at : ws;
      out[found].value = r.value;
      out[found].ns = r.ns;
      out[found].how = r.how;
      out[found].entry = r.entry;
    } else if (name(s + ws, len)) {
      const logonerr_entry *e = logonerr_find_name((const char *)s + ws, len);
      if (e == NULL && !(flags & LOGONERR_SCAN_ALL)) continue;
      out[found].start = ws;
      out[found].value = e ? logonerr_code(e) : 0;
      out[found].ns = -1; /* not compared: a name says its own */
      out[found].how = LOGONERR_HOW_NAME;
      out[found].entry = e;
    } else if ((len == 6 && memcmp(s + ws, "AS_REQ", 6) == 0) ||
               (len == 7 && memcmp(s + ws, "TGS_REQ", 7) == 0)) {
      size_t rs = 0;
      int code;
      k = kdc_line(s, n, we, &code, &rs);
      if (code == -2) {
        /* broke inside a word: the rest of that word is no code */
        if (k < n && k > 0 && is_w(s[k]) && is_w(s[k - 1]))
          while (k < n && is_w(s[k])) k++;
        continue;
      }
      we = k++; /* the result ends at its ':' */
      if (code < 0) continue;
      out[found].start = rs;
      out[found].value = (uint32_t)code;
      out[found].ns = -1;
      out[found].how = LOGONERR_HOW_NAME;
      out[found].entry = logonerr_find(LOGONERR_NS_KERBEROS, (uint32_t)code);
      if (out[found].entry == NULL) continue;
    } else {
      /* a keyword, unless it is the value of a Level field */
      if (keyword(s + ws, len)) prev = 1;
      if (same_lower(s + ws, len, "error"))
        prev = word_before(s, ws, "level") ? 0 : 2;
      kerberos = same_lower(s + ws, len, "failurecode") ||
                 same_lower(s + ws, len, "resultcode") ||
                 (same_lower(s + ws, len, "code") &&
                  (word_before(s, ws, "failure") || word_before(s, ws, "result")));
      continue;
    }
    {
      size_t i;
      uint64_t line = 1;
      for (i = 0; i < we; i++) line += s[i] == '\n';
      out[found].stop = we;
      out[found++].line = line;
    }
  }
  return found;
}

static void record(code *c, const logonerr_match *m) {
  c->start = m->start;
  c->stop = m->stop;
  c->line = m->line;
  c->value = m->reading.value;
  c->ns = m->reading.how == LOGONERR_HOW_NAME ? -1 : m->reading.ns;
  c->how = m->reading.how;
  c->entry = m->reading.entry;
}

/* The scanner under test, fed in pieces of `piece` bytes (0: whole). */
static size_t fast(const char *s, size_t n, int flags, size_t piece,
                   code *out) {
  logonerr_scanner sc;
  logonerr_match m;
  size_t k = 0, at = 0;
  logonerr_scan_init(&sc, flags);
  do {
    size_t len = piece == 0 || n - at < piece ? n - at : piece;
    logonerr_scan_feed(&sc, s + at, len);
    at += len;
    while (logonerr_scan_next(&sc, &m)) {
      if (k == MAX) return k;
      record(&out[k++], &m);
    }
  } while (at < n);
  if (logonerr_scan_finish(&sc, &m) && k < MAX) record(&out[k++], &m);
  return k;
}

static void same(const code *a, size_t na, const code *b, size_t nb) {
  size_t i;
  if (na != nb) abort();
  for (i = 0; i < na; i++)
    if (a[i].start != b[i].start || a[i].stop != b[i].stop ||
        a[i].line != b[i].line || a[i].value != b[i].value ||
        a[i].ns != b[i].ns || a[i].how != b[i].how || a[i].entry != b[i].entry)
      abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static code want[MAX], got[MAX];
  int flags;
  size_t nw, piece;
  if (size == 0) return 0;
  flags = data[0] & 1 ? LOGONERR_SCAN_ALL : 0;
  piece = (size_t)(data[0] >> 1) % 40;
  data++;
  size--;
  nw = reference(data, size, flags, want);
  if (nw == MAX) return 0;
  same(want, nw, got, fast((const char *)data, size, flags, 0, got));
  same(want, nw, got, fast((const char *)data, size, flags, piece, got));
  return 0;
}
