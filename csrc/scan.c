/*
 * Finding codes in log text.  A push scanner: it sees each byte once, in
 * buffers of any size, and keeps only the token in progress, so a code
 * split between two buffers is read as if it were whole.
 */
#include <string.h>

#include "catalog.h"

enum { ST_OUT, ST_WORD, ST_DOT, ST_DONE };

/* Byte classes.  W: part of a word; D: digit; S: may separate a keyword
 * from its number. */
#define W 1
#define D 2
#define S 4
static const unsigned char cls[256] = {
    ['\t'] = S, [' '] = S, [':'] = S, ['='] = S, ['#'] = S, ['('] = S,
    [')'] = S,
    ['0'] = W | D, ['1'] = W | D, ['2'] = W | D, ['3'] = W | D,
    ['4'] = W | D, ['5'] = W | D, ['6'] = W | D, ['7'] = W | D,
    ['8'] = W | D, ['9'] = W | D, ['_'] = W,
    ['A'] = W, ['B'] = W, ['C'] = W, ['D'] = W, ['E'] = W, ['F'] = W,
    ['G'] = W, ['H'] = W, ['I'] = W, ['J'] = W, ['K'] = W, ['L'] = W,
    ['M'] = W, ['N'] = W, ['O'] = W, ['P'] = W, ['Q'] = W, ['R'] = W,
    ['S'] = W, ['T'] = W, ['U'] = W, ['V'] = W, ['W'] = W, ['X'] = W,
    ['Y'] = W, ['Z'] = W,
    ['a'] = W, ['b'] = W, ['c'] = W, ['d'] = W, ['e'] = W, ['f'] = W,
    ['g'] = W, ['h'] = W, ['i'] = W, ['j'] = W, ['k'] = W, ['l'] = W,
    ['m'] = W, ['n'] = W, ['o'] = W, ['p'] = W, ['q'] = W, ['r'] = W,
    ['s'] = W, ['t'] = W, ['u'] = W, ['v'] = W, ['w'] = W, ['x'] = W,
    ['y'] = W, ['z'] = W};

/* Separator bytes allowed between a keyword and its number. */
#define MAX_SEPS 8

/* Words after which a number is an error code, in lower case.  Each ends
 * in r, e, s or t, which lets most words be turned away at one byte. */
static const struct keyword {
  const char *word;
  size_t len;
} keywords[] = {{"error", 5},     {"err", 3},        {"errorcode", 9},
                {"code", 4},      {"status", 6},     {"substatus", 9},
                {"statuscode", 10}, {"winerror", 8}, {"getlasterror", 12},
                {"lasterror", 9}, {"hresult", 7},    {"ntstatus", 8}};

/* Could the word be a keyword?  Every one is 3 to 12 letters long and
 * ends in r, e, s or t: most words are turned away at one byte. */
static int keyword_shaped(const unsigned char *p, size_t n) {
  int last;
  if (n < 3 || n > 12) return 0;
  last = p[n - 1] | 0x20;
  return last == 'r' || last == 'e' || last == 's' || last == 't';
}

static int is_keyword(const char *p, size_t n) {
  size_t i, k;
  if (!keyword_shaped((const unsigned char *)p, n)) return 0;
  for (k = 0; k < sizeof keywords / sizeof keywords[0]; k++) {
    if (keywords[k].len != n) continue;
    for (i = 0; i < n && ((unsigned char)p[i] | 0x20) == keywords[k].word[i];
         i++) {
    }
    if (i == n) return 1;
  }
  return 0;
}

/* Outside a keyword's reach, can this word be a code or a keyword?  Most
 * words are turned away here, at a glance at two or three bytes. */
static int may_matter(const unsigned char *p, size_t n) {
  if (cls[p[0]] & D) /* only 0x + 8 hex digits, top bit set */
    return n == 10 && p[0] == '0' && (p[1] | 0x20) == 'x';
  if ((p[0] == 'E' && n > 6 && p[5] == '_') ||
      (p[0] == 'S' && n > 7 && p[6] == '_'))
    return 1; /* ERROR_..., STATUS_... */
  return keyword_shaped(p, n);
}

void logonerr_scan_init(logonerr_scanner *sc, int flags) {
  memset(sc, 0, sizeof *sc);
  sc->flags = flags;
  sc->line = 1;
  sc->state = ST_OUT;
}

/* Count the newlines of the current buffer up to (not including) end. */
static void count_lines(logonerr_scanner *sc, size_t end) {
  const unsigned char *b = sc->buf;
  size_t i;
  uint64_t k = 0;
  for (i = sc->counted; i < end; i++) k += (b[i] == '\n');
  sc->line += k;
  sc->counted = end;
}

/* Is a word that starts with a digit a code in its context (after a
 * keyword or not, after '-')?  Only the shape is judged here; the value is
 * read by logonerr_parse. */
static int number_shaped(int keyword, int minus, const char *p, size_t n) {
  size_t i;
  if (n >= 3 && p[0] == '0' && (p[1] | 0x20) == 'x') {
    int d = p[2] | 0x20; /* the top bit is set from hex digit 8 on */
    int top = (d >= '8' && d <= '9') || (d >= 'a' && d <= 'f');
    /* Never 64-bit values or "-0x..."; anywhere when shaped like an
     * NTSTATUS or HRESULT (8 digits, top bit set), else after a keyword. */
    return n <= 10 && !minus && (keyword || (n == 10 && top));
  }
  if (!keyword || n > 10) return 0;
  for (i = 0; i < n; i++)
    if (!(cls[(unsigned char)p[i]] & D)) return 0;
  return 1;
}

/* ERROR_... or STATUS_..., written as the SDK writes symbols. */
static int name_word(const logonerr_scanner *sc, const char *p, size_t n,
                     logonerr_reading *r) {
  int ns;
  size_t i;
  if (n > 6 && memcmp(p, "ERROR_", 6) == 0) ns = LOGONERR_NS_WIN32;
  else if (n > 7 && memcmp(p, "STATUS_", 7) == 0) ns = LOGONERR_NS_NTSTATUS;
  else return 0;
  for (i = 6; i < n; i++)
    if (p[i] >= 'a' && p[i] <= 'z') return 0;
  memset(r, 0, sizeof *r);
  r->entry = logonerr_find_name(p, n);
  if (r->entry == NULL && !(sc->flags & LOGONERR_SCAN_ALL)) return 0;
  r->how = LOGONERR_HOW_NAME;
  r->ns = ns;
  if (r->entry != NULL) r->value = r->code = r->entry->code;
  return 1;
}

/* A word has ended (at buffer index end, or at the end of the stream when
 * end is the buffer length after finish).  Fills *m and returns 1 when it
 * is a code to report; updates the keyword context either way. */
static int word_done(logonerr_scanner *sc, const char *p, size_t n,
                     size_t end, logonerr_match *m) {
  int keyword = sc->keyword, minus = sc->minus, toolong = sc->toolong;
  int found = 0, sign = 0;
  sc->keyword = sc->minus = sc->toolong = 0;
  if (toolong || n == 0 || n > LOGONERR_MAX_INPUT) return 0;
  if (cls[(unsigned char)p[0]] & D) {
    if (number_shaped(keyword, minus, p, n)) {
      sign = minus; /* a '-' before digits is part of the number */
      m->text[0] = '-';
      memcpy(m->text + sign, p, n);
      memset(&m->reading, 0, sizeof m->reading);
      found = logonerr_parse(m->text, n + (size_t)sign, LOGONERR_NS_NONE,
                             &m->reading) == LOGONERR_OK &&
              (m->reading.entry != NULL || (sc->flags & LOGONERR_SCAN_ALL));
    }
  } else if (name_word(sc, p, n, &m->reading)) {
    found = 1;
    memcpy(m->text, p, n);
  } else if (is_keyword(p, n)) {
    sc->keyword = 1;
    sc->seps = 0;
  }
  if (found) {
    m->len = n + (size_t)sign;
    m->text[m->len] = '\0';
    m->start = sign ? sc->sign_at : sc->wstart;
    m->stop = sc->base + end;
    count_lines(sc, end);
    m->line = sc->line;
  }
  return found;
}

int logonerr_scan_feed(logonerr_scanner *sc, const char *buf, size_t len) {
  logonerr_match skipped;
  if (sc->state == ST_DONE) return LOGONERR_E_FINISHED;
  while (logonerr_scan_next(sc, &skipped)) {
  }
  sc->base += sc->len;
  sc->buf = (const unsigned char *)buf;
  sc->len = len;
  sc->pos = sc->counted = 0;
  return LOGONERR_OK;
}

/* Keep buf[from, to): part of a word that runs across buffers. */
static void carry(logonerr_scanner *sc, size_t from, size_t to) {
  size_t n = to - from;
  if (!sc->toolong && sc->wlen + n <= LOGONERR_MAX_INPUT) {
    memcpy(sc->word + sc->wlen, sc->buf + from, n);
    sc->wlen += n;
  } else {
    sc->toolong = 1; /* too long to be a code: only find its end */
  }
}

static int used_up(logonerr_scanner *sc) {
  sc->pos = sc->len;
  count_lines(sc, sc->len);
  return 0;
}

/* The next token that reads as a code: 1, or 2 for a number held back
 * at a '.' that turned out not to start a fraction; 0 at the buffer end. */
static int next_token(logonerr_scanner *sc, logonerr_match *m) {
  const unsigned char *b = sc->buf;
  size_t n = sc->len, i = sc->pos, j;
  if (sc->state == ST_DONE) return 0;
  if (sc->state == ST_DOT) { /* "1326." : is a digit next? */
    if (i >= n) return used_up(sc);
    sc->state = ST_OUT;
    if (!(cls[b[i]] & D)) {
      *m = sc->pending;
      return 2;
    }
  }
  if (sc->state == ST_WORD) { /* a word begun in an earlier buffer */
    for (j = i; j < n && (cls[b[j]] & W); j++) {
    }
    sc->pos = j;
    carry(sc, i, j);
    if (j == n) return used_up(sc);
    sc->state = ST_OUT;
    if (word_done(sc, sc->word, sc->wlen, j, m)) return 1;
    i = j;
  }
  for (;;) {
    /* Between words: outside a keyword's reach, skip fast. */
    if (!sc->keyword) {
      while (i < n && !(cls[b[i]] & W)) i++;
    } else {
      while (i < n && !(cls[b[i]] & W)) {
        int c = b[i];
        if (sc->minus) {
          sc->keyword = sc->minus = 0; /* "-" must touch its digits */
        } else if (c == '-') {
          sc->minus = 1;
          sc->sign_at = sc->base + i;
        } else if (!(cls[c] & S) || ++sc->seps > MAX_SEPS) {
          sc->keyword = 0;
        }
        i++;
        if (!sc->keyword) break;
      }
      if (!sc->keyword) continue;
    }
    if (i >= n) return used_up(sc);
    sc->wstart = sc->base + i;
    for (j = i + 1; j < n && (cls[b[j]] & W); j++) {
    }
    if (j == n) { /* the word may go on in the next buffer */
      sc->state = ST_WORD;
      sc->wlen = 0;
      sc->toolong = 0;
      carry(sc, i, n);
      return used_up(sc);
    }
    sc->pos = j;
    if ((sc->keyword || may_matter(b + i, j - i)) &&
        word_done(sc, (const char *)b + i, j - i, j, m))
      return 1;
    i = j;
  }
}

int logonerr_scan_next(logonerr_scanner *sc, logonerr_match *m) {
  int found;
  while ((found = next_token(sc, m)) != 0) {
    const unsigned char *b = sc->buf;
    size_t j = sc->pos, n = sc->len;
    /* A number followed by '.' and a digit is a decimal fraction or a
     * version, not a code. */
    if (found == 2 || m->reading.how == LOGONERR_HOW_NAME || j >= n ||
        b[j] != '.')
      return 1;
    if (j + 1 >= n) { /* decide when the next buffer comes */
      sc->pending = *m;
      sc->state = ST_DOT;
      sc->pos = j + 1;
    } else if (!(cls[b[j + 1]] & D)) {
      return 1;
    } else {
      sc->pos = j + 1;
    }
  }
  return 0;
}

int logonerr_scan_finish(logonerr_scanner *sc, logonerr_match *m) {
  logonerr_match skipped;
  int found = 0;
  if (sc->state == ST_DONE) return 0;
  while (logonerr_scan_next(sc, &skipped)) {
  }
  if (sc->state == ST_DOT) {
    *m = sc->pending;
    found = 1;
  } else if (sc->state == ST_WORD) {
    found = word_done(sc, sc->word, sc->wlen, sc->len, m);
  }
  sc->state = ST_DONE;
  return found;
}
