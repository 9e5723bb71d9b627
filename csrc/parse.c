/*
 * Reading text as a code: decimal, negative decimal, 0x-hex, bare hex of
 * 8 or 16 digits, sign-extended 64-bit hex, and symbolic names in any case.
 */
#include <string.h>

#include "catalog.h"

static int is_space(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int hex_value(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
static int is_name_char(int c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) ||
         c == '_';
}

/* A 64-bit hex value fits when it is 32-bit, or a sign-extended 32-bit
 * negative as 64-bit tools print it (0xFFFFFFFFC000006D). */
static int narrow64(uint64_t v, uint32_t *out) {
  if (v <= 0xFFFFFFFFu) {
    *out = (uint32_t)v;
    return LOGONERR_OK;
  }
  if ((v >> 32) == 0xFFFFFFFFu && (v & 0x80000000u)) {
    *out = (uint32_t)(v & 0xFFFFFFFFu);
    return LOGONERR_OK;
  }
  return LOGONERR_E_RANGE;
}

static int parse_hex(const char *s, size_t n, uint32_t *out) {
  uint64_t v = 0;
  size_t i = 0, sig = 0;
  if (n == 0) return LOGONERR_E_SYNTAX;
  while (i < n && s[i] == '0') i++; /* leading zeros are padding */
  for (; i < n; i++) {
    int d = hex_value((unsigned char)s[i]);
    if (d < 0) return LOGONERR_E_SYNTAX;
    if (++sig > 16) return LOGONERR_E_RANGE;
    v = (v << 4) | (uint64_t)d;
  }
  return narrow64(v, out);
}

static int parse_decimal(const char *s, size_t n, uint64_t limit,
                         uint64_t *out) {
  uint64_t v = 0;
  size_t i;
  if (n == 0) return LOGONERR_E_SYNTAX;
  for (i = 0; i < n; i++) {
    if (!is_digit((unsigned char)s[i])) return LOGONERR_E_SYNTAX;
    v = v * 10 + (uint64_t)(s[i] - '0');
    if (v > limit) {
      /* keep scanning: "99999999999x" is a syntax error, not a range one */
      for (i++; i < n; i++)
        if (!is_digit((unsigned char)s[i])) return LOGONERR_E_SYNTAX;
      return LOGONERR_E_RANGE;
    }
  }
  *out = v;
  return LOGONERR_OK;
}

/* MIT Kerberos prints a KRB-ERROR code n as the com_err value
 * ERROR_TABLE_BASE_krb5 + n (-1765328384 + n); codes 0-127 are the
 * protocol's. */
#define KRB5_TABLE_BASE 0x96C73A00u
#define KERBEROS_MAX 127u

static int is_com_err_krb5(uint32_t v) {
  return v >= KRB5_TABLE_BASE && v - KRB5_TABLE_BASE <= KERBEROS_MAX;
}

static int set_reading(logonerr_reading *r, int ns, uint32_t code) {
  r->ns = ns;
  r->code = code;
  return LOGONERR_OK;
}

/* The reading of value within a forced namespace, or E_NAMESPACE. */
static int read_in(uint32_t value, int ns, logonerr_reading *r) {
  switch (ns) {
  case LOGONERR_NS_WIN32:
    if (value <= 0xFFFFu) return set_reading(r, ns, value);
    if ((value & 0xFFFF0000u) == 0x80070000u) /* HRESULT_FROM_WIN32 */
      return set_reading(r, ns, value & 0xFFFFu);
    return LOGONERR_E_NAMESPACE;
  case LOGONERR_NS_NTSTATUS:
    /* Bit 28 (N) is never set in an NTSTATUS: HRESULT_FROM_NT sets it, so
     * a value with it is an NTSTATUS wrapped (0xD000006A is 0xC000006A). */
    return set_reading(r, ns, value & ~0x10000000u);
  case LOGONERR_NS_HRESULT:
    if ((value & 0xFFFF0000u) == 0x80070000u)
      return set_reading(r, LOGONERR_NS_WIN32, value & 0xFFFFu);
    if ((value & 0xF0000000u) == 0xD0000000u) /* HRESULT_FROM_NT */
      return set_reading(r, LOGONERR_NS_NTSTATUS, value & ~0x10000000u);
    /* Without a facility or the S bit, a number is no HRESULT of note. */
    if (value <= 0xFFFFu) return LOGONERR_E_NAMESPACE;
    return set_reading(r, ns, value);
  case LOGONERR_NS_KERBEROS:
    if (value <= KERBEROS_MAX) return set_reading(r, ns, value);
    if (is_com_err_krb5(value))
      return set_reading(r, ns, value - KRB5_TABLE_BASE);
    return LOGONERR_E_NAMESPACE;
  default:
    return LOGONERR_E_NAMESPACE;
  }
}

/* The most likely reading of a number: small numbers are Win32 (never
 * Kerberos: that needs asking), HRESULTs that wrap a Win32 code or an
 * NTSTATUS are read as what they wrap, MIT's com_err values as Kerberos,
 * catalogued and HRESULT-shaped values as HRESULTs, the rest NTSTATUS. */
static int read_auto(uint32_t value, logonerr_reading *r) {
  if (value <= 0xFFFFu || (value & 0xFFFF0000u) == 0x80070000u)
    return read_in(value, LOGONERR_NS_WIN32, r);
  if ((value & 0xF0000000u) == 0xD0000000u)
    return read_in(value, LOGONERR_NS_HRESULT, r);
  if (is_com_err_krb5(value)) return read_in(value, LOGONERR_NS_KERBEROS, r);
  if (logonerr_hresult_shaped(value))
    return set_reading(r, LOGONERR_NS_HRESULT, value);
  return set_reading(r, LOGONERR_NS_NTSTATUS, value);
}

int logonerr_classify(uint32_t value, int ns, int how, logonerr_reading *r) {
  int st;
  r->value = value;
  r->how = how;
  r->entry = NULL;
  st = ns == LOGONERR_NS_NONE ? read_auto(value, r) : read_in(value, ns, r);
  if (st != LOGONERR_OK) return st;
  r->entry = logonerr_find(r->ns, r->code);
  return LOGONERR_OK;
}

/* The shape of a trimmed, non-empty input. */
enum shape { S_NAME, S_DECIMAL, S_NEGATIVE, S_HEX, S_BARE_HEX, S_BAD };

static enum shape shape_of(const char *s, size_t n) {
  size_t i, letters = 0, digits = 0, names = 0;
  if (n >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) return S_HEX;
  if (s[0] == '-') return S_NEGATIVE;
  for (i = 0; i < n; i++) {
    int c = (unsigned char)s[i];
    if (is_digit(c)) digits++;
    else if (hex_value(c) >= 0) letters++;
    else if (is_name_char(c)) names++;
    else return S_BAD;
  }
  if (letters == 0 && names == 0) return S_DECIMAL;
  /* Bare hex only at the widths event logs print, so "12abc" is an error. */
  if (names == 0 && (n == 8 || n == 16)) return S_BARE_HEX;
  if (!is_digit((unsigned char)s[0])) return S_NAME;
  return S_BAD;
}

/* Trim and screen the input; *s and *n are updated. */
static int screen(const char **s, size_t *n) {
  const char *p = *s;
  size_t len = *n;
  if (memchr(p, '\0', len) != NULL) return LOGONERR_E_NUL;
  while (len > 0 && is_space((unsigned char)*p)) p++, len--;
  while (len > 0 && is_space((unsigned char)p[len - 1])) len--;
  if (len == 0) return LOGONERR_E_EMPTY;
  if (len > LOGONERR_MAX_INPUT) return LOGONERR_E_TOO_LONG;
  *s = p;
  *n = len;
  return LOGONERR_OK;
}

/* The number an input of a numeric shape stands for. */
static int number_of(const char *s, size_t n, enum shape sh, uint32_t *v) {
  uint64_t u;
  int st;
  switch (sh) {
  case S_DECIMAL:
    st = parse_decimal(s, n, 0xFFFFFFFFu, &u);
    if (st == LOGONERR_OK) *v = (uint32_t)u;
    return st;
  case S_NEGATIVE:
    st = parse_decimal(s + 1, n - 1, 0x80000000u, &u);
    if (st == LOGONERR_OK) *v = (uint32_t)(0u - (uint32_t)u);
    return st;
  case S_HEX:
    return parse_hex(s + 2, n - 2, v);
  case S_BARE_HEX:
    return parse_hex(s, n, v);
  default:
    return LOGONERR_E_SYNTAX;
  }
}

static int how_of(enum shape sh) {
  switch (sh) {
  case S_DECIMAL: return LOGONERR_HOW_DECIMAL;
  case S_NEGATIVE: return LOGONERR_HOW_NEGATIVE;
  case S_HEX: return LOGONERR_HOW_HEX;
  default: return LOGONERR_HOW_BARE_HEX;
  }
}

/* A name belongs to its entry's namespace; a forced hresult also takes the
 * Win32 and NTSTATUS names, as it takes the HRESULTs that wrap them
 * (ERROR_LOGON_FAILURE is 0x8007052E): the name reads as its HRESULT
 * would. */
int logonerr_name_in(const logonerr_entry *e, int ns) {
  logonerr_reading r;
  uint32_t hr;
  if (ns == LOGONERR_NS_NONE || ns == logonerr_namespace(e)) return 1;
  return ns == LOGONERR_NS_HRESULT &&
         logonerr_hresult(logonerr_namespace(e), logonerr_code(e), &hr) &&
         logonerr_classify(hr, ns, LOGONERR_HOW_NUMBER, &r) == LOGONERR_OK &&
         r.entry == e;
}

/* The reading of a name; E_NAMESPACE, with *r still filled, when it is not
 * a name of ns. */
static int parse_name(const char *s, size_t n, int ns, logonerr_reading *r) {
  const logonerr_entry *e = logonerr_find_name(s, n);
  if (e == NULL) return LOGONERR_E_UNKNOWN;
  r->value = r->code = logonerr_code(e);
  r->ns = logonerr_namespace(e);
  r->how = LOGONERR_HOW_NAME;
  r->entry = e;
  return logonerr_name_in(e, ns) ? LOGONERR_OK : LOGONERR_E_NAMESPACE;
}

int logonerr_parse(const char *s, size_t n, int ns, logonerr_reading *r) {
  uint32_t v;
  enum shape sh;
  int st = screen(&s, &n);
  if (st != LOGONERR_OK) return st;
  sh = shape_of(s, n);
  if (sh == S_BAD) return LOGONERR_E_SYNTAX;
  if (sh == S_NAME) return parse_name(s, n, ns, r);
  st = number_of(s, n, sh, &v);
  if (st != LOGONERR_OK) return st;
  return logonerr_classify(v, ns, how_of(sh), r);
}

static int add_unique(logonerr_reading *out, int count, int max,
                      const logonerr_reading *r) {
  int i;
  if (r->entry == NULL) return count;
  for (i = 0; i < count && i < max; i++)
    if (out[i].entry == r->entry) return count;
  if (count < max) out[count] = *r;
  return count + 1;
}

/* Every namespace a number can be read in, the automatic reading first. */
static int add_readings(uint32_t v, int how, logonerr_reading *out,
                        int count, int max) {
  static const int order[] = {LOGONERR_NS_NONE, LOGONERR_NS_WIN32,
                              LOGONERR_NS_NTSTATUS, LOGONERR_NS_HRESULT,
                              LOGONERR_NS_KERBEROS};
  size_t k;
  for (k = 0; k < sizeof order / sizeof order[0]; k++) {
    logonerr_reading r;
    if (logonerr_classify(v, order[k], how, &r) == LOGONERR_OK)
      count = add_unique(out, count, max, &r);
  }
  return count;
}

int logonerr_value_candidates(uint32_t value, int how, logonerr_reading *out,
                              int max) {
  return add_readings(value, how, out, 0, max);
}

int logonerr_candidates(const char *s, size_t n, logonerr_reading *out,
                        int max) {
  uint32_t v;
  enum shape sh;
  int count;
  int st = screen(&s, &n);
  if (st != LOGONERR_OK) return st;
  sh = shape_of(s, n);
  if (sh == S_BAD) return LOGONERR_E_SYNTAX;
  if (sh == S_NAME) {
    logonerr_reading r;
    if (parse_name(s, n, LOGONERR_NS_NONE, &r) != LOGONERR_OK) return 0;
    return add_unique(out, 0, max, &r);
  }
  st = number_of(s, n, sh, &v);
  if (st != LOGONERR_OK) return st;
  count = add_readings(v, how_of(sh), out, 0, max);
  /* Digits alone may also be hex, as the Error Lookup Tool reads them.  (A
   * decimal too big for 32 bits is also too big as hex.) */
  if (sh == S_DECIMAL && parse_hex(s, n, &v) == LOGONERR_OK)
    count = add_readings(v, LOGONERR_HOW_BARE_HEX, out, count, max);
  return count;
}
