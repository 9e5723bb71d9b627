/* One-line text for a reading, from a template, with snprintf semantics. */
#include <string.h>

#include "catalog.h"

typedef struct writer {
  char *buf;
  size_t size;
  size_t len; /* the length the full text needs */
} writer;

static void put(writer *w, const char *s, size_t n) {
  if (w->len < w->size) {
    size_t room = w->size - w->len;
    memcpy(w->buf + w->len, s, n < room ? n : room);
  }
  w->len += n;
}

/* A NULL string (a name outside its list) writes nothing. */
static void puts0(writer *w, const char *s) {
  if (s != NULL) put(w, s, strlen(s));
}

static void put_udec(writer *w, uint32_t v) {
  char t[16];
  size_t i = sizeof t;
  do {
    t[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v != 0);
  put(w, t + i, sizeof t - i);
}

static void put_sdec(writer *w, uint32_t v) {
  if (v & 0x80000000u) {
    put(w, "-", 1);
    put_udec(w, 0u - v);
  } else {
    put_udec(w, v);
  }
}

size_t logonerr_hex(uint32_t v, char *buf) {
  static const char digits[] = "0123456789ABCDEF";
  char t[8];
  size_t n = 0, i;
  do {
    t[n++] = digits[v & 15u];
    v >>= 4;
  } while (v != 0);
  buf[0] = '0';
  buf[1] = 'x';
  for (i = 0; i < n; i++) buf[2 + i] = t[n - 1 - i];
  buf[2 + n] = '\0';
  return n + 2;
}

static void put_hex(writer *w, uint32_t v) {
  char t[LOGONERR_HEX_SIZE];
  put(w, t, logonerr_hex(v, t));
}

/* What an uncatalogued code is, said from its bits. */
static void put_unknown_message(writer *w, const logonerr_reading *r) {
  logonerr_decoded f;
  uint32_t hr;
  switch (r->ns) {
  case LOGONERR_NS_WIN32:
    puts0(w, "Not in the catalogue: Win32 error ");
    put_udec(w, r->code);
    puts0(w, ", HRESULT ");
    logonerr_hresult(r->ns, r->code, &hr);
    put_hex(w, hr);
    puts0(w, ".");
    return;
  case LOGONERR_NS_KERBEROS:
    puts0(w, "Not in the catalogue: Kerberos error ");
    put_udec(w, r->code);
    puts0(w, ".");
    return;
  default:
    break;
  }
  logonerr_decode(r->code, r->ns, &f);
  puts0(w, r->ns == LOGONERR_NS_HRESULT ? "Not in the catalogue: HRESULT "
                                        : "Not in the catalogue: NTSTATUS ");
  puts0(w, "severity ");
  puts0(w, logonerr_status_class(&f));
  puts0(w, f.customer ? ", customer code" : ", Microsoft code");
  puts0(w, ", facility ");
  put_hex(w, f.facility);
  if (logonerr_facility_name(&f) != NULL) {
    puts0(w, " (");
    puts0(w, logonerr_facility_name(&f));
    puts0(w, ")");
  }
  puts0(w, ", code ");
  put_hex(w, f.code);
  puts0(w, ".");
}

/* Write one placeholder; 0 when the name is not one. */
static int put_field(writer *w, const char *name, size_t n,
                     const logonerr_reading *r) {
  const logonerr_entry *e = r->entry;
#define IS(lit) (n == sizeof(lit) - 1 && memcmp(name, lit, n) == 0)
  if (IS("name")) puts0(w, e ? logonerr_name(e) : "UNKNOWN");
  else if (IS("code")) put_udec(w, r->code);
  else if (IS("hex")) put_hex(w, r->code);
  else if (IS("signed")) put_sdec(w, r->code);
  else if (IS("hresult")) {
    uint32_t hr;
    if (logonerr_hresult(r->ns, r->code, &hr)) put_hex(w, hr);
  }
  else if (IS("namespace")) puts0(w, logonerr_ns_name(r->ns));
  else if (IS("category")) puts0(w, e ? logonerr_category_name(logonerr_category(e)) : "");
  else if (IS("severity")) puts0(w, e ? logonerr_severity_name(logonerr_severity(e)) : "");
  else if (IS("message")) {
    if (e) puts0(w, logonerr_message(e));
    else put_unknown_message(w, r);
  } else
    return 0;
#undef IS
  return 1;
}

/* Win32 codes read naturally in decimal, the others in hex. */
static const char *default_template(const logonerr_reading *r) {
  return r->ns == LOGONERR_NS_WIN32 ? "{name} ({code}, {hex}): {message}"
                                    : "{name} ({hex}): {message}";
}

int logonerr_format(char *buf, size_t size, const logonerr_reading *r,
                    const char *tmpl, size_t tlen) {
  writer w;
  size_t i = 0;
  w.buf = buf;
  w.size = size;
  w.len = 0;
  if (tmpl == NULL) {
    tmpl = default_template(r);
    tlen = strlen(tmpl);
  }
  while (i < tlen) {
    const char *open = memchr(tmpl + i, '{', tlen - i);
    const char *close = memchr(tmpl + i, '}', tlen - i);
    size_t stop = open ? (size_t)(open - tmpl) : tlen;
    if (close && (size_t)(close - tmpl) < stop) {
      /* a lone '}' must be doubled */
      size_t c = (size_t)(close - tmpl);
      if (c + 1 < tlen && tmpl[c + 1] == '}') {
        put(&w, tmpl + i, c + 1 - i);
        i = c + 2;
        continue;
      }
      return LOGONERR_E_TEMPLATE;
    }
    put(&w, tmpl + i, stop - i);
    if (open == NULL) break;
    i = stop + 1;
    if (i < tlen && tmpl[i] == '{') { /* "{{" is a literal brace */
      put(&w, "{", 1);
      i++;
      continue;
    }
    close = memchr(tmpl + i, '}', tlen - i);
    if (close == NULL) return LOGONERR_E_TEMPLATE;
    if (!put_field(&w, tmpl + i, (size_t)(close - tmpl) - i, r))
      return LOGONERR_E_TEMPLATE;
    i = (size_t)(close - tmpl) + 1;
  }
  if (size > 0) buf[w.len < size ? w.len : size - 1] = '\0';
  return w.len > 0x7FFFFFFF ? LOGONERR_E_TEMPLATE : (int)w.len;
}
