/*
 * Finding codes in log text.  A push scanner: it reads a stream in buffers
 * of any size and keeps only the token in progress, so a code split between
 * two buffers is read as if it were whole.
 *
 * Most of a log cannot hold a code.  Every word that can matter (a name, a
 * keyword, a hex literal shaped like an NTSTATUS) holds an anchor: '_', or
 * one of the letter pairs rr (error), od (code), tu (status), ul (hresult,
 * result) or 0x and a hex digit from 8 on.  Between codes the scanner
 * jumps from anchor to anchor (next_anchor: 32 bytes at a time with AVX2,
 * 16 with SSE2, else a plain loop) and reads only the words around them;
 * after a keyword it reads byte by byte.  Newlines are counted only when a
 * code needs its line, or when a buffer is done.
 */
#include <string.h>

#include "catalog.h"

#if defined(__SSE2__) && defined(__GNUC__) && !defined(LOGONERR_NO_SIMD)
#include <emmintrin.h>
#define SCAN_SSE2 1
#else
#define SCAN_SSE2 0
#endif
/* AVX2, 32 bytes at a time, where the processor has it (asked at run
 * time: the module is built for any x86-64). */
#if SCAN_SSE2 && defined(__x86_64__) && !defined(_WIN32) && \
    !defined(LOGONERR_NO_AVX2) && (__GNUC__ >= 5 || defined(__clang__))
#include <immintrin.h>
#define SCAN_AVX2 1
#define AVX2 __attribute__((target("avx2")))
#else
#define SCAN_AVX2 0
#endif

/* The namespace a Kerberos field's number is read in first. */
#define NS_KERBEROS LOGONERR_NS_KERBEROS

enum { ST_OUT, ST_WORD, ST_DOT, ST_DONE };

/* Byte classes.  W: part of a word; D: digit; S: may separate a keyword
 * from its number ('"' for JSON: "Status": 3221225581). */
#define W 1
#define D 2
#define S 4
static const unsigned char cls[256] = {
    ['\t'] = S, [' '] = S, [':'] = S, ['='] = S, ['#'] = S, ['('] = S,
    [')'] = S, ['"'] = S,
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

/* Words after which a number is an error code, in lower case, with the
 * namespace such a number is read in first (NONE: the usual rules).  Each
 * holds an anchor pair (rr, od, tu, ul), ends in r, e, s or t and is 3 to
 * 12 letters long. */
static const struct keyword {
  const char *word;
  size_t len;
  int ns;
} keywords[] = {{"error", 5, LOGONERR_NS_NONE},
                {"err", 3, LOGONERR_NS_NONE},
                {"errorcode", 9, LOGONERR_NS_NONE},
                {"code", 4, LOGONERR_NS_NONE},
                {"status", 6, LOGONERR_NS_NONE},
                {"substatus", 9, LOGONERR_NS_NONE},
                {"statuscode", 10, LOGONERR_NS_NONE},
                {"winerror", 8, LOGONERR_NS_NONE},
                {"getlasterror", 12, LOGONERR_NS_NONE},
                {"lasterror", 9, LOGONERR_NS_NONE},
                {"hresult", 7, LOGONERR_NS_NONE},
                {"ntstatus", 8, LOGONERR_NS_NONE},
                {"failurecode", 11, NS_KERBEROS},
                {"resultcode", 10, NS_KERBEROS}};
#define KW_ERROR 1 /* 1 + the index of "error" */
#define KW_CODE 4  /* 1 + the index of "code" */

/* Words that change the keyword right after them: "Failure Code" and
 * "Result Code" are Kerberos fields; "Level: Error" is an event level. */
enum { Q_NONE, Q_KERBEROS, Q_LEVEL };
static const struct qualifier {
  const char *word;
  size_t len;
  int what;
} qualifiers[] = {{"failure", 7, Q_KERBEROS},
                  {"result", 6, Q_KERBEROS},
                  {"level", 5, Q_LEVEL}};
#define MAX_QUALIFIER 7

/* Symbolic names, as the SDK and the RFCs write them, and their namespace. */
static const struct prefix {
  const char *text;
  size_t len;
  int ns;
} prefixes[] = {{"ERROR_", 6, LOGONERR_NS_WIN32},
                {"STATUS_", 7, LOGONERR_NS_NTSTATUS},
                {"NT_STATUS_", 10, LOGONERR_NS_NTSTATUS}, /* Samba's */
                {"SEC_E_", 6, LOGONERR_NS_HRESULT},
                {"SEC_I_", 6, LOGONERR_NS_HRESULT},
                {"KDC_ERR_", 8, NS_KERBEROS},
                {"KRB_AP_ERR_", 11, NS_KERBEROS},
                {"KRB_ERR_", 8, NS_KERBEROS},
                {"KRB5KDC_ERR_", 12, NS_KERBEROS},
                {"KRB5KRB_AP_ERR_", 15, NS_KERBEROS}};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* MIT's krb5kdc logs a request as
 *   AS_REQ (etypes) ADDRESS: RESULT: client for server[, message]
 * (TGS_REQ alike), RESULT being a short name of the KDC's own.  Those
 * names are codes only in that place, never in free text.  The names and
 * the error each goes with are those of MIT krb5's kdc/ (kdc_util.c,
 * do_as_req.c, do_tgs_req.c) and of its KDB modules' lockout check. */
static const struct kdc_result {
  const char *text;
  uint32_t code; /* KRB-ERROR */
} kdc_results[] = {{"NEEDED_PREAUTH", 25},    /* KDC_ERR_PREAUTH_REQUIRED */
                   {"PREAUTH_FAILED", 24},    /* KDC_ERR_PREAUTH_FAILED */
                   {"CLIENT_NOT_FOUND", 6},   /* KDC_ERR_C_PRINCIPAL_UNKNOWN */
                   {"SERVER_NOT_FOUND", 7},   /* KDC_ERR_S_PRINCIPAL_UNKNOWN */
                   {"LOOKING_UP_SERVER", 7},  /* the same, as 1.12+ report it */
                   {"CLIENT LOCKED OUT", 18}, /* KDC_ERR_CLIENT_REVOKED */
                   {"LOCKED_OUT", 18},        /* the same, by lockout policy */
                   {"CLIENT EXPIRED", 1},     /* KDC_ERR_NAME_EXP */
                   {"CLIENT KEY EXPIRED", 23}, /* KDC_ERR_KEY_EXPIRED */
                   {"REQUIRED PWCHANGE", 23},
                   {"SERVICE EXPIRED", 2}};   /* KDC_ERR_SERVICE_EXP */
enum { K_NONE, K_OPEN, K_ETYPES, K_GAP, K_ADDR, K_RESULT };
#define KDC_MAX_ETYPES 1024 /* bytes of the etype list */
#define KDC_MAX_ADDR 64

static int lower_is(const unsigned char *p, size_t n, const char *word) {
  size_t i;
  for (i = 0; i < n && (p[i] | 0x20) == (unsigned char)word[i]; i++) {
  }
  return i == n;
}

/* Could the word be a keyword?  Most words are turned away at one byte. */
static int keyword_shaped(const unsigned char *p, size_t n) {
  int last;
  if (n < 3 || n > 12) return 0;
  last = p[n - 1] | 0x20;
  return last == 'r' || last == 'e' || last == 's' || last == 't';
}

/* 1 + the keyword's index, or 0. */
static int is_keyword(const char *p, size_t n) {
  size_t k;
  if (!keyword_shaped((const unsigned char *)p, n)) return 0;
  for (k = 0; k < COUNT(keywords); k++)
    if (keywords[k].len == n &&
        lower_is((const unsigned char *)p, n, keywords[k].word))
      return (int)k + 1;
  return 0;
}

/* Outside a keyword's reach, can this word be a code or a keyword?  Most
 * words are turned away here, at a glance at two or three bytes. */
static int may_matter(const unsigned char *p, size_t n) {
  if (cls[p[0]] & D) /* only 0x + 8 hex digits, top bit set */
    return n == 10 && p[0] == '0' && (p[1] | 0x20) == 'x';
  if ((p[0] == 'E' || p[0] == 'S' || p[0] == 'K' || p[0] == 'N') && n > 6)
    return 1;
  if ((p[0] == 'A' && n == 6) || (p[0] == 'T' && n == 7)) return 1; /* AS_REQ */
  return keyword_shaped(p, n);
}

/* The first anchor at or after i, or n when there is none: '_', or a
 * pair (rr, od, tu, ul in any letter case), or 0x and a hex digit from 8
 * on (outside a keyword's reach no other hex matters), all of whose bytes
 * lie before n.  A false hit costs a look at the word around it; a miss
 * would lose a code. */
static int top_digit(int c) {
  c |= 0x20;
  return c == '8' || c == '9' || (c >= 'a' && c <= 'f');
}

static int anchor_at(const unsigned char *b, size_t i, size_t n) {
  int c, d;
  if (b[i] == '_') return 1;
  if (n - i < 2) return 0;
  c = b[i] | 0x20;
  d = b[i + 1] | 0x20;
  return (c == 'r' && d == 'r') || (c == 'o' && d == 'd') ||
         (c == 't' && d == 'u') || (c == 'u' && d == 'l') ||
         (c == '0' && d == 'x' && n - i > 2 && top_digit(b[i + 2]));
}

#if SCAN_AVX2
AVX2 static size_t next_anchor_avx2(const unsigned char *b, size_t i,
                                    size_t n) {
  const __m256i low = _mm256_set1_epi8(0x20), us = _mm256_set1_epi8('_');
  const __m256i r = _mm256_set1_epi8('r'), o = _mm256_set1_epi8('o');
  const __m256i d = _mm256_set1_epi8('d'), t = _mm256_set1_epi8('t');
  const __m256i u = _mm256_set1_epi8('u'), l = _mm256_set1_epi8('l');
  const __m256i zero = _mm256_set1_epi8('0'), x = _mm256_set1_epi8('x');
  const __m256i eight = _mm256_set1_epi8('8'), nine = _mm256_set1_epi8('9');
  const __m256i before_a = _mm256_set1_epi8('a' - 1);
  const __m256i after_f = _mm256_set1_epi8('f' + 1);
  while (n - i >= 34) { /* 32 first bytes and the two after them */
    __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(b + i));
    __m256i a = _mm256_or_si256(v, low);
    __m256i z = _mm256_or_si256(
        _mm256_loadu_si256((const __m256i *)(const void *)(b + i + 1)), low);
    __m256i h = _mm256_or_si256(
        _mm256_loadu_si256((const __m256i *)(const void *)(b + i + 2)), low);
    __m256i m = _mm256_cmpeq_epi8(v, us), top;
    m = _mm256_or_si256(m, _mm256_and_si256(_mm256_cmpeq_epi8(a, r),
                                            _mm256_cmpeq_epi8(z, r)));
    m = _mm256_or_si256(m, _mm256_and_si256(_mm256_cmpeq_epi8(a, o),
                                            _mm256_cmpeq_epi8(z, d)));
    m = _mm256_or_si256(m, _mm256_and_si256(_mm256_cmpeq_epi8(a, t),
                                            _mm256_cmpeq_epi8(z, u)));
    m = _mm256_or_si256(m, _mm256_and_si256(_mm256_cmpeq_epi8(a, u),
                                            _mm256_cmpeq_epi8(z, l)));
    top = _mm256_or_si256(
        _mm256_or_si256(_mm256_cmpeq_epi8(h, eight), _mm256_cmpeq_epi8(h, nine)),
        _mm256_and_si256(_mm256_cmpgt_epi8(h, before_a),
                         _mm256_cmpgt_epi8(after_f, h)));
    m = _mm256_or_si256(
        m, _mm256_and_si256(_mm256_and_si256(_mm256_cmpeq_epi8(a, zero),
                                             _mm256_cmpeq_epi8(z, x)),
                            top));
    {
      unsigned bits = (unsigned)_mm256_movemask_epi8(m);
      if (bits != 0) return i + (size_t)__builtin_ctz(bits);
    }
    i += 32;
  }
  return i;
}

AVX2 static uint64_t newlines_avx2(const unsigned char *b, size_t *at,
                                   size_t end) {
  const __m256i nl = _mm256_set1_epi8('\n'), none = _mm256_setzero_si256();
  size_t i = *at;
  uint64_t k = 0;
  while (end - i >= 32) {
    /* Each byte of acc counts up to 255 newlines, then they are summed. */
    __m256i acc = none;
    size_t stop = end - i >= (size_t)32 * 255 ? i + (size_t)32 * 255
                                               : i + (end - i) / 32 * 32;
    for (; i < stop; i += 32) {
      __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(b + i));
      acc = _mm256_sub_epi8(acc, _mm256_cmpeq_epi8(v, nl));
    }
    acc = _mm256_sad_epu8(acc, none);
    k += (uint64_t)_mm256_extract_epi64(acc, 0) +
         (uint64_t)_mm256_extract_epi64(acc, 1) +
         (uint64_t)_mm256_extract_epi64(acc, 2) +
         (uint64_t)_mm256_extract_epi64(acc, 3);
  }
  *at = i;
  return k;
}

/* The runtime's CPU detection has run by then (a constructor). */
static int has_avx2(void) { return __builtin_cpu_supports("avx2"); }
#endif

static size_t next_anchor(const logonerr_scanner *sc, const unsigned char *b,
                          size_t i, size_t n) {
#if SCAN_AVX2
  if (sc->simd) {
    i = next_anchor_avx2(b, i, n);
    if (n - i >= 34) return i;
  }
#else
  (void)sc;
#endif
#if SCAN_SSE2
  const __m128i low = _mm_set1_epi8(0x20), us = _mm_set1_epi8('_');
  const __m128i r = _mm_set1_epi8('r'), o = _mm_set1_epi8('o');
  const __m128i d = _mm_set1_epi8('d'), t = _mm_set1_epi8('t');
  const __m128i u = _mm_set1_epi8('u'), l = _mm_set1_epi8('l');
  const __m128i zero = _mm_set1_epi8('0'), x = _mm_set1_epi8('x');
  const __m128i eight = _mm_set1_epi8('8'), nine = _mm_set1_epi8('9');
  const __m128i before_a = _mm_set1_epi8('a' - 1);
  const __m128i after_f = _mm_set1_epi8('f' + 1);
  while (n - i >= 18) { /* 16 first bytes and the two after them */
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(b + i));
    __m128i a = _mm_or_si128(v, low);
    __m128i z = _mm_or_si128(
        _mm_loadu_si128((const __m128i *)(const void *)(b + i + 1)), low);
    __m128i m = _mm_cmpeq_epi8(v, us);
    m = _mm_or_si128(m, _mm_and_si128(_mm_cmpeq_epi8(a, r), _mm_cmpeq_epi8(z, r)));
    m = _mm_or_si128(m, _mm_and_si128(_mm_cmpeq_epi8(a, o), _mm_cmpeq_epi8(z, d)));
    m = _mm_or_si128(m, _mm_and_si128(_mm_cmpeq_epi8(a, t), _mm_cmpeq_epi8(z, u)));
    m = _mm_or_si128(m, _mm_and_si128(_mm_cmpeq_epi8(a, u), _mm_cmpeq_epi8(z, l)));
    {
      __m128i h = _mm_or_si128(
          _mm_loadu_si128((const __m128i *)(const void *)(b + i + 2)), low);
      __m128i top = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(h, eight), _mm_cmpeq_epi8(h, nine)),
          _mm_and_si128(_mm_cmpgt_epi8(h, before_a), _mm_cmpgt_epi8(after_f, h)));
      m = _mm_or_si128(m, _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(a, zero),
                                                      _mm_cmpeq_epi8(z, x)),
                                        top));
    }
    {
      unsigned bits = (unsigned)_mm_movemask_epi8(m);
      if (bits != 0) return i + (size_t)__builtin_ctz(bits);
    }
    i += 16;
  }
#endif
  for (; i < n; i++)
    if (anchor_at(b, i, n)) return i;
  return n;
}

/* Newlines in b[i, end). */
static uint64_t newlines(const logonerr_scanner *sc, const unsigned char *b,
                         size_t i, size_t end) {
  uint64_t k = 0;
#if SCAN_AVX2
  if (sc->simd) k = newlines_avx2(b, &i, end);
#else
  (void)sc;
#endif
#if SCAN_SSE2
  const __m128i nl = _mm_set1_epi8('\n'), none = _mm_setzero_si128();
  while (end - i >= 16) {
    /* Each byte of acc counts up to 255 newlines, then they are summed. */
    __m128i acc = none;
    size_t stop = end - i >= (size_t)16 * 255 ? i + (size_t)16 * 255
                                               : i + (end - i) / 16 * 16;
    for (; i < stop; i += 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(b + i));
      acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(v, nl));
    }
    acc = _mm_sad_epu8(acc, none);
    k += (uint64_t)_mm_cvtsi128_si32(acc) +
         (uint64_t)_mm_cvtsi128_si32(_mm_srli_si128(acc, 8));
  }
#endif
  for (; i < end; i++) k += (b[i] == '\n');
  return k;
}

void logonerr_scan_init(logonerr_scanner *sc, int flags) {
  memset(sc, 0, sizeof *sc);
  sc->flags = flags;
  sc->line = 1;
  sc->state = ST_OUT;
#if SCAN_AVX2
  sc->simd = has_avx2();
#endif
}

/* Count the newlines of the current buffer up to (not including) end. */
static void count_lines(logonerr_scanner *sc, size_t end) {
  sc->line += newlines(sc, sc->buf, sc->counted, end);
  sc->counted = end;
}

/* Is b[i] the letter of a JSON escape (\t, \n, \r as two characters)?
 * Then it separates words. */
static int escape_letter(const logonerr_scanner *sc, const unsigned char *b,
                         size_t i) {
  int c = b[i];
  if (c != 't' && c != 'n' && c != 'r') return 0;
  return i > 0 ? b[i - 1] == '\\' : sc->bslash;
}

/* The byte at stream offset pos, which lies at most sizeof hist bytes
 * before the current buffer. */
static int byte_at(const logonerr_scanner *sc, uint64_t pos) {
  if (pos >= sc->base) return sc->buf[pos - sc->base];
  return sc->hist[sc->hlen - (size_t)(sc->base - pos)];
}

/* The qualifier (Q_...) written right before the keyword that starts at
 * stream offset at: a whole word, then one to eight separators. */
static int qualifier_before(const logonerr_scanner *sc, uint64_t at) {
  unsigned char w[MAX_QUALIFIER];
  uint64_t floor = sc->base - sc->hlen, end;
  size_t n, k;
  int seps = 0;
  while (at > floor && seps <= MAX_SEPS && (cls[byte_at(sc, at - 1)] & S)) {
    at--;
    seps++;
  }
  if (seps == 0 || seps > MAX_SEPS) return Q_NONE;
  end = at;
  /* the word before: back to a byte that is no word's, or to a JSON
   * escape's letter */
  while (at > floor && end - at <= MAX_QUALIFIER &&
         (cls[byte_at(sc, at - 1)] & W) &&
         !(at - 1 > floor && byte_at(sc, at - 2) == '\\' &&
           strchr("tnr", byte_at(sc, at - 1)) != NULL))
    at--;
  n = (size_t)(end - at);
  if (n == 0 || n > MAX_QUALIFIER) return Q_NONE;
  for (k = 0; k < n; k++) {
    w[k] = (unsigned char)byte_at(sc, at + k);
    if (cls[w[k]] & D || w[k] == '_') return Q_NONE; /* letters only */
  }
  for (k = 0; k < COUNT(qualifiers); k++)
    if (qualifiers[k].len == n && lower_is(w, n, qualifiers[k].word))
      return qualifiers[k].what;
  return Q_NONE;
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

/* A number read in the keyword's namespace first (a Kerberos field), else
 * by the usual rules.  Logs repeat the same few codes: the scanner keeps
 * the last readings, so most numbers cost a comparison, not a parse. */
static int parse_number(const char *s, size_t n, int hint, logonerr_reading *r) {
  memset(r, 0, sizeof *r);
  if (hint != LOGONERR_NS_NONE && logonerr_parse(s, n, hint, r) == LOGONERR_OK)
    return 1;
  memset(r, 0, sizeof *r);
  return logonerr_parse(s, n, LOGONERR_NS_NONE, r) == LOGONERR_OK;
}

static int read_number(logonerr_scanner *sc, const char *s, size_t n, int hint,
                       logonerr_reading *r) {
  uint32_t h = 2166136261u + (uint32_t)hint; /* FNV-1a */
  size_t k;
  for (k = 0; k < n; k++) h = (h ^ (unsigned char)s[k]) * 16777619u;
  k = (size_t)(h ^ (h >> 16)) % (sizeof sc->nums / sizeof sc->nums[0]) & ~(size_t)1;
  if (n > sizeof sc->nums[0].text) return parse_number(s, n, hint, r);
  /* two places per number; a new one takes the first, moving the
   * first's to the second */
  if (sc->nums[k + 1].len == n && sc->nums[k + 1].hint == hint &&
      memcmp(sc->nums[k + 1].text, s, n) == 0) {
    k++;
  } else if (sc->nums[k].len != n || sc->nums[k].hint != hint ||
             memcmp(sc->nums[k].text, s, n) != 0) {
    sc->nums[k + 1] = sc->nums[k];
    sc->nums[k].ok = parse_number(s, n, hint, &sc->nums[k].reading);
    sc->nums[k].len = n;
    sc->nums[k].hint = hint;
    memcpy(sc->nums[k].text, s, n);
  }
  *r = sc->nums[k].reading;
  return sc->nums[k].ok;
}

/* logonerr_find_name reads the whole catalogue; a log names the same few
 * codes again and again, so the scanner remembers the last ones found. */
static const logonerr_entry *find_name(logonerr_scanner *sc, const char *p,
                                       size_t n) {
  size_t slot = (n * 31u + (unsigned char)p[n - 1] + (unsigned char)p[n / 2]) %
                (sizeof sc->names / sizeof sc->names[0]);
  const logonerr_entry *e = sc->names[slot];
  if (e != NULL && strncmp(logonerr_name(e), p, n) == 0 &&
      logonerr_name(e)[n] == '\0')
    return e;
  e = logonerr_find_name(p, n);
  if (e != NULL) sc->names[slot] = e;
  return e;
}

/* A symbolic name (ERROR_..., STATUS_..., SEC_E_..., KDC_ERR_...), in
 * capitals as the SDK and the RFCs write them. */
static int name_word(logonerr_scanner *sc, const char *p, size_t n,
                     logonerr_reading *r) {
  int ns = -1;
  size_t i;
  for (i = 0; i < COUNT(prefixes); i++)
    if (n > prefixes[i].len && memcmp(p, prefixes[i].text, prefixes[i].len) == 0) {
      ns = prefixes[i].ns;
      break;
    }
  if (ns < 0) return 0;
  for (i = 0; i < n; i++)
    if (p[i] >= 'a' && p[i] <= 'z') return 0;
  memset(r, 0, sizeof *r);
  i = logonerr_nt_prefix(p, n); /* NT_STATUS_X is STATUS_X */
  r->entry = find_name(sc, p + i, n - i);
  if (r->entry == NULL && !(sc->flags & LOGONERR_SCAN_ALL)) return 0;
  r->how = LOGONERR_HOW_NAME;
  r->ns = ns;
  if (r->entry != NULL) {
    r->value = r->code = logonerr_code(r->entry);
    r->ns = logonerr_namespace(r->entry);
  }
  return 1;
}

/* The KDC's request line, byte by byte from the word AS_REQ or TGS_REQ
 * on: 1 when c (at stream offset pos) ends a result, -1 when the line is
 * not shaped as krb5kdc writes it, else 0. */
static int kdc_byte(struct logonerr_kdc_line *k, int c, uint64_t pos) {
  switch (k->state) {
  case K_OPEN: /* a space, then the etype list in parentheses */
    if (c == ' ' && ++k->seen <= 2) return 0;
    if (c != '(') return -1;
    k->depth = 1;
    k->seen = 0;
    k->state = K_ETYPES;
    return 0;
  case K_ETYPES: /* {aes256-cts-hmac-sha1-96(18), ...} */
    if (c == '\n' || ++k->seen > KDC_MAX_ETYPES) return -1;
    if (c == '(') k->depth++;
    else if (c == ')' && --k->depth == 0) k->state = K_GAP;
    return 0;
  case K_GAP:
    if (c != ' ') return -1;
    k->seen = 0;
    k->state = K_ADDR;
    return 0;
  case K_ADDR: /* 10.0.0.5: or ::1: then a space */
    if (c == ' ') {
      if (k->seen == 0 || k->prev != ':') return -1;
      k->len = 0;
      k->start = pos + 1;
      k->state = K_RESULT;
      return 0;
    }
    return c == '\n' || ++k->seen > KDC_MAX_ADDR ? -1 : 0;
  case K_RESULT: /* capitals, '_' and spaces up to ':' */
    if (c == ':') return k->len > 0 ? 1 : -1;
    if (((c >= 'A' && c <= 'Z') || c == '_' || c == ' ') &&
        k->len < sizeof k->text) {
      k->text[k->len++] = (char)c;
      return 0;
    }
    return -1;
  default:
    return -1;
  }
}

/* The KDC's result just read, if it is one of kdc_results. */
static int kdc_result(const struct logonerr_kdc_line *k, uint64_t stop,
                      logonerr_match *m) {
  size_t i;
  for (i = 0; i < COUNT(kdc_results); i++)
    if (strlen(kdc_results[i].text) == k->len &&
        memcmp(kdc_results[i].text, k->text, k->len) == 0) {
      memset(&m->reading, 0, sizeof m->reading);
      m->reading.how = LOGONERR_HOW_NAME;
      m->reading.ns = NS_KERBEROS;
      m->reading.value = m->reading.code = kdc_results[i].code;
      m->reading.entry = logonerr_find(NS_KERBEROS, kdc_results[i].code);
      memcpy(m->text, k->text, k->len);
      m->text[k->len] = '\0';
      m->len = k->len;
      m->start = k->start;
      m->stop = stop;
      return m->reading.entry != NULL;
    }
  return 0;
}

/* A number that is no error: 0 (success), 0xFFFFFFFF (-1, none) or the
 * event level of "Error (2)". */
static int not_a_code(const logonerr_reading *r, int kw, int paren,
                      const char *p, size_t n) {
  if (r->entry != NULL) return 0;
  if (r->value == 0 || r->value == 0xFFFFFFFFu) return 1;
  return kw == KW_ERROR && paren && n == 1 && p[0] == '2';
}

/* A word has ended (at buffer index end, or at the end of the stream when
 * end is the buffer length after finish).  Fills *m and returns 1 when it
 * is a code to report; updates the keyword context either way. */
static int word_done(logonerr_scanner *sc, const char *p, size_t n,
                     size_t end, logonerr_match *m) {
  int keyword = sc->keyword, minus = sc->minus, toolong = sc->toolong;
  int kw = sc->kw, hint = sc->hint, paren = sc->paren;
  int found = 0, sign = 0, k;
  sc->keyword = sc->minus = sc->toolong = sc->paren = 0;
  if (toolong || n == 0 || n > LOGONERR_MAX_INPUT) return 0;
  if (cls[(unsigned char)p[0]] & D) {
    if (number_shaped(keyword, minus, p, n)) {
      sign = minus; /* a '-' before digits is part of the number */
      m->text[0] = '-';
      memcpy(m->text + sign, p, n);
      memset(&m->reading, 0, sizeof m->reading);
      found = read_number(sc, m->text, n + (size_t)sign, keyword ? hint : 0,
                          &m->reading) &&
              (m->reading.entry != NULL || (sc->flags & LOGONERR_SCAN_ALL)) &&
              !not_a_code(&m->reading, keyword ? kw : 0, paren, p, n);
    }
  } else if (name_word(sc, p, n, &m->reading)) {
    found = 1;
    memcpy(m->text, p, n);
  } else if ((n == 6 && memcmp(p, "AS_REQ", 6) == 0) ||
             (n == 7 && memcmp(p, "TGS_REQ", 7) == 0)) {
    sc->kdc.state = K_OPEN;
    sc->kdc.seen = 0;
  } else if ((k = is_keyword(p, n)) != 0) {
    int q = qualifier_before(sc, sc->wstart);
    if (!(k == KW_ERROR && q == Q_LEVEL)) {
      sc->keyword = 1;
      sc->seps = 0;
      sc->kw = k;
      sc->hint = k == KW_CODE && q == Q_KERBEROS ? NS_KERBEROS
                                                  : keywords[k - 1].ns;
    }
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

/* Remember the end of the buffer being left: the bytes a qualifier or an
 * escape in the next buffer may need to look back at. */
static void keep_history(logonerr_scanner *sc) {
  size_t cap = sizeof sc->hist, n = sc->len;
  if (n == 0) return;
  sc->bslash = sc->buf[n - 1] == '\\';
  if (n >= cap) {
    memcpy(sc->hist, sc->buf + n - cap, cap);
    sc->hlen = cap;
    return;
  }
  if (sc->hlen + n > cap) {
    size_t drop = sc->hlen + n - cap;
    memmove(sc->hist, sc->hist + drop, sc->hlen - drop);
    sc->hlen -= drop;
  }
  memcpy(sc->hist + sc->hlen, sc->buf, n);
  sc->hlen += n;
}

int logonerr_scan_feed(logonerr_scanner *sc, const char *buf, size_t len) {
  logonerr_match skipped;
  if (sc->state == ST_DONE) return LOGONERR_E_FINISHED;
  while (logonerr_scan_next(sc, &skipped)) {
  }
  keep_history(sc);
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

/* Outside a keyword's reach: the start of the next word that holds an
 * anchor, else of the word that runs to the end of the buffer, else n.
 * The words skipped cannot be codes and leave no context. */
static size_t skip(const logonerr_scanner *sc, const unsigned char *b,
                   size_t i, size_t n) {
  size_t a = next_anchor(sc, b, i, n), k;
  while (a < n && !(cls[b[a]] & W)) /* byte 0x10 reads as '0' */
    a = next_anchor(sc, b, a + 1, n);
  if (a == n) {
    if (a == i || !(cls[b[n - 1]] & W)) return n;
    a = n - 1;
  }
  for (k = a; k > i && (cls[b[k - 1]] & W) && !escape_letter(sc, b, k - 1);
       k--) {
  }
  if (escape_letter(sc, b, k)) k++;
  return k;
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
    if (sc->kdc.state != K_NONE) {
      int r = 0, prev = sc->kdc.prev;
      for (; i < n; i++) {
        prev = sc->kdc.prev;
        if ((r = kdc_byte(&sc->kdc, b[i], sc->base + i)) != 0) break;
        sc->kdc.prev = b[i];
      }
      if (i >= n) return used_up(sc);
      sc->kdc.state = K_NONE;
      sc->kdc.prev = 0;
      if (r > 0) {
        sc->pos = i + 1;
        if (kdc_result(&sc->kdc, sc->base + i, m)) {
          count_lines(sc, i);
          m->line = sc->line;
          return 1;
        }
        i++;
        continue;
      }
      /* stopped inside a word: the rest of it is no code */
      if ((cls[b[i]] & W) && (cls[prev] & W)) {
        for (j = i; j < n && (cls[b[j]] & W); j++) {
        }
        if (j == n) {
          sc->state = ST_WORD;
          sc->wlen = 0;
          sc->toolong = 1;
          return used_up(sc);
        }
        i = j;
      }
      continue;
    }
    if (!sc->keyword) {
      i = skip(sc, b, i, n);
    } else { /* between a keyword and what follows, byte by byte */
      while (i < n) {
        int c = b[i];
        if (i > 0 ? b[i - 1] == '\\' : sc->bslash) {
          /* only \t, \n or \r: a separator, counted at its backslash */
          if (c != 't' && c != 'n' && c != 'r') {
            sc->keyword = 0;
            break;
          }
          if (sc->minus) sc->keyword = 0;
        } else if (cls[c] & W) {
          break;
        } else if (c == '-' && !sc->minus) {
          sc->minus = 1;
          sc->sign_at = sc->base + i;
        } else if (sc->minus || (!(cls[c] & S) && c != '\\') ||
                   ++sc->seps > MAX_SEPS) {
          sc->keyword = 0; /* "-" must touch its digits */
        } else if (c == '(') {
          sc->paren = 1;
        }
        i++;
        if (!sc->keyword) break;
      }
      if (!sc->keyword) {
        sc->minus = sc->paren = 0;
        continue;
      }
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
