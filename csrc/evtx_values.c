/*
 * Binary XML values as text.  The forms follow what libevtx writes in its
 * XML (and so what logonerr read when it used libevtx): decimal integers
 * (negative ones in two's complement, as Windows means them, where libevtx
 * writes sign and magnitude), 0x%08x / 0x%016x hex integers, {GUID} in capitals, S-1-...
 * SIDs, times as 2016-07-08T18:12:51.681640800Z, binary as capital hex.
 */
#include <stdlib.h>
#include <string.h>

#include "evtx_values.h"

int evtx_text_room(evtx_text *t, size_t n) {
  size_t cap;
  char *q;
  if (!t->ok) return 0;
  if (t->p != NULL && t->len + n <= t->cap) return 1; /* never a NULL buffer */
  cap = t->cap ? t->cap : 256;
  while (cap < t->len + n) cap *= 2;
  q = realloc(t->p, cap);
  if (q == NULL) {
    t->ok = 0;
    return 0;
  }
  t->p = q;
  t->cap = cap;
  return 1;
}

void evtx_text_add(evtx_text *t, const char *s, size_t n) {
  if (n == 0 || !evtx_text_room(t, n)) return;
  memcpy(t->p + t->len, s, n);
  t->len += n;
}

void evtx_text_utf16(evtx_text *t, const uint8_t *p, size_t n) {
  size_t i;
  char *o;
  /* 3 bytes of UTF-8 at most for each unit (a pair of units gives 4). */
  if (n < 2 || !evtx_text_room(t, (n / 2) * 3)) return;
  o = t->p + t->len;
  i = 0;
  /* Most text is ASCII: four units at a time while it is (and no NUL). */
  while (i + 8 <= n) {
    uint64_t w = evtx_u64(p + i);
    if ((w & 0xFF80FF80FF80FF80u) != 0 || (w & 0xFFFFu) == 0 || (w & 0xFFFF0000u) == 0 ||
        (w & 0xFFFF00000000u) == 0 || (w & 0xFFFF000000000000u) == 0)
      break;
    o[0] = (char)p[i];
    o[1] = (char)p[i + 2];
    o[2] = (char)p[i + 4];
    o[3] = (char)p[i + 6];
    o += 4;
    i += 8;
  }
  for (; i + 1 < n; i += 2) {
    unsigned long c = evtx_u16(p + i);
    if (c == 0) break;
    if (c < 0x80) {
      *o++ = (char)c;
      continue;
    }
    if (c >= 0xD800 && c <= 0xDBFF && i + 3 < n) {
      unsigned long d = evtx_u16(p + i + 2);
      if (d >= 0xDC00 && d <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
        *o++ = (char)(0xF0 | (c >> 18));
        *o++ = (char)(0x80 | ((c >> 12) & 0x3F));
        *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *o++ = (char)(0x80 | (c & 0x3F));
        i += 2;
        continue;
      }
    }
    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
    if (c < 0x800) {
      *o++ = (char)(0xC0 | (c >> 6));
      *o++ = (char)(0x80 | (c & 0x3F));
    } else {
      *o++ = (char)(0xE0 | (c >> 12));
      *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
      *o++ = (char)(0x80 | (c & 0x3F));
    }
  }
  t->len = (size_t)(o - t->p);
}

static void add_udec(evtx_text *t, uint64_t v) {
  char b[24];
  int k = 24;
  do {
    b[--k] = (char)('0' + v % 10);
    v /= 10;
  } while (v != 0);
  evtx_text_add(t, b + k, (size_t)(24 - k));
}

static void add_sdec(evtx_text *t, int64_t v) {
  if (v < 0) {
    evtx_text_add(t, "-", 1);
    add_udec(t, (uint64_t)0 - (uint64_t)v);
  } else {
    add_udec(t, (uint64_t)v);
  }
}

/* digits hex digits of v, capitals or not. */
static void add_hex(evtx_text *t, uint64_t v, int digits, int caps) {
  const char *d = caps ? "0123456789ABCDEF" : "0123456789abcdef";
  char b[16];
  int k;
  for (k = digits - 1; k >= 0; k--) {
    b[k] = d[v & 15];
    v >>= 4;
  }
  evtx_text_add(t, b, (size_t)digits);
}

/* n decimal digits of v, zero-padded. */
static void add_dec_pad(evtx_text *t, unsigned long v, int n) {
  char b[12];
  int k;
  for (k = n - 1; k >= 0; k--) {
    b[k] = (char)('0' + v % 10);
    v /= 10;
  }
  evtx_text_add(t, b, (size_t)n);
}

/* Year, month, day of a count of days since 1970-01-01 (the civil calendar
 * from days, Howard Hinnant's method). */
static void civil(int64_t z, long *y, unsigned *m, unsigned *d) {
  int64_t era, yoe, doy, mp;
  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  yoe = z - era * 146097;
  yoe = (yoe - yoe / 1460 + yoe / 36524 - yoe / 146096) / 365;
  doy = z - era * 146097 - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
  *m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
  *y = (long)(yoe + era * 400 + (*m <= 2));
}

/* frac: the fraction of the second in digits digits. */
static void add_time(evtx_text *t, long y, unsigned mo, unsigned d,
                     unsigned h, unsigned mi, unsigned s, unsigned long frac,
                     int digits) {
  add_dec_pad(t, (unsigned long)y, 4);
  evtx_text_add(t, "-", 1);
  add_dec_pad(t, mo, 2);
  evtx_text_add(t, "-", 1);
  add_dec_pad(t, d, 2);
  evtx_text_add(t, "T", 1);
  add_dec_pad(t, h, 2);
  evtx_text_add(t, ":", 1);
  add_dec_pad(t, mi, 2);
  evtx_text_add(t, ":", 1);
  add_dec_pad(t, s, 2);
  evtx_text_add(t, ".", 1);
  add_dec_pad(t, frac, digits);
  evtx_text_add(t, "Z", 1);
}

/* FILETIME: 100 ns units since 1601-01-01. */
static void add_filetime(evtx_text *t, uint64_t ft) {
  uint64_t secs = ft / 10000000u;
  unsigned long frac = (unsigned long)(ft % 10000000u) * 100u;
  int64_t days = (int64_t)(secs / 86400u) - 134774; /* 1601 to 1970 */
  unsigned long rest = (unsigned long)(secs % 86400u);
  long y;
  unsigned m, d;
  civil(days, &y, &m, &d);
  if (y > 9999) { /* no four-digit year: the value, as libevtx writes it */
    evtx_text_add(t, "(0x", 3);
    add_hex(t, ft >> 32, 8, 0);
    evtx_text_add(t, " 0x", 3);
    add_hex(t, ft & 0xFFFFFFFFu, 8, 0);
    evtx_text_add(t, ")", 1);
    return;
  }
  add_time(t, y, m, d, (unsigned)(rest / 3600), (unsigned)(rest / 60 % 60),
           (unsigned)(rest % 60), frac, 9);
}

static void add_guid(evtx_text *t, const uint8_t *p) {
  int i;
  evtx_text_add(t, "{", 1);
  add_hex(t, evtx_u32(p), 8, 1);
  evtx_text_add(t, "-", 1);
  add_hex(t, evtx_u16(p + 4), 4, 1);
  evtx_text_add(t, "-", 1);
  add_hex(t, evtx_u16(p + 6), 4, 1);
  evtx_text_add(t, "-", 1);
  for (i = 8; i < 16; i++) {
    if (i == 10) evtx_text_add(t, "-", 1);
    add_hex(t, p[i], 2, 1);
  }
  evtx_text_add(t, "}", 1);
}

/* S-revision-authority-sub1-sub2-...: the authority is 6 bytes big-endian. */
static void add_sid(evtx_text *t, const uint8_t *p) {
  uint64_t auth = 0;
  size_t i, subs = p[1];
  for (i = 2; i < 8; i++) auth = (auth << 8) | p[i];
  evtx_text_add(t, "S-", 2);
  add_udec(t, p[0]);
  evtx_text_add(t, "-", 1);
  add_udec(t, auth);
  for (i = 0; i < subs; i++) {
    evtx_text_add(t, "-", 1);
    add_udec(t, evtx_u32(p + 8 + 4 * i));
  }
}

int evtx_value_fits(unsigned type, const uint8_t *p, size_t n) {
  switch (type) {
  case 0x00: case 0x01: case 0x02: case 0x0e: /* null, strings, binary */
    return 0;
  case 0x03: case 0x04: /* 8-bit integers */
    return n == 1 ? 0 : -1;
  case 0x05: case 0x06: /* 16-bit integers */
    return n == 2 ? 0 : -1;
  case 0x07: case 0x08: case 0x0d: case 0x14: /* 32 bits */
    return n == 4 ? 0 : -1;
  case 0x09: case 0x0a: case 0x11: case 0x15: /* 64 bits */
    return n == 8 ? 0 : -1;
  case 0x0f: case 0x12: /* GUID, SYSTEMTIME */
    return n == 16 ? 0 : -1;
  case 0x10: /* size_t: 32 or 64 bits */
    return n == 4 || n == 8 ? 0 : -1;
  case 0x13: /* SID: 8 bytes, then 4 per sub-authority */
    return n >= 8 && n >= 8 + 4 * (size_t)p[1] ? 0 : -1;
  default:
    return -1;
  }
}

int evtx_value_text(evtx_text *t, unsigned type, const uint8_t *p, size_t n) {
  size_t i;
  if (evtx_value_fits(type, p, n) != 0) return -1;
  switch (type) {
  case 0x00: /* null */
    return 0;
  case 0x01: /* UTF-16 string */
    evtx_text_utf16(t, p, n);
    return 0;
  case 0x02: /* ANSI string (Windows-1252 read as Latin-1) */
    for (i = 0; i < n && p[i] != 0; i++) {
      if (p[i] < 0x80) {
        evtx_text_add(t, (const char *)p + i, 1);
      } else {
        char b[2];
        b[0] = (char)(0xC0 | (p[i] >> 6));
        b[1] = (char)(0x80 | (p[i] & 0x3F));
        evtx_text_add(t, b, 2);
      }
    }
    return 0;
  case 0x03: /* int8 */
    add_sdec(t, (int8_t)p[0]);
    return 0;
  case 0x04: /* uint8 */
    add_udec(t, p[0]);
    return 0;
  case 0x05: /* int16 */
    add_sdec(t, (int16_t)evtx_u16(p));
    return 0;
  case 0x06: /* uint16 */
    add_udec(t, evtx_u16(p));
    return 0;
  case 0x07: /* int32 */
    add_sdec(t, (int32_t)evtx_u32(p));
    return 0;
  case 0x08: /* uint32 */
    add_udec(t, evtx_u32(p));
    return 0;
  case 0x09: /* int64 */
    add_sdec(t, (int64_t)evtx_u64(p));
    return 0;
  case 0x0a: /* uint64 */
    add_udec(t, evtx_u64(p));
    return 0;
  case 0x0d: /* boolean, 32 bits */
    if (evtx_u32(p)) evtx_text_add(t, "true", 4);
    else evtx_text_add(t, "false", 5);
    return 0;
  case 0x0e: /* binary */
    for (i = 0; i < n; i++) add_hex(t, p[i], 2, 1);
    return 0;
  case 0x0f: /* GUID */
    add_guid(t, p);
    return 0;
  case 0x10: /* size_t: in decimal, 32 or 64 bits (as libevtx) */
    add_udec(t, n == 4 ? evtx_u32(p) : evtx_u64(p));
    return 0;
  case 0x14: /* hex int32 */
  case 0x15: /* hex int64 */
    evtx_text_add(t, "0x", 2);
    add_hex(t, n == 4 ? evtx_u32(p) : evtx_u64(p), (int)(n * 2), 0);
    return 0;
  case 0x11: /* FILETIME */
    add_filetime(t, evtx_u64(p));
    return 0;
  case 0x12: /* SYSTEMTIME: year, month, weekday, day, h, m, s, ms
              * (milliseconds in 3 digits, as libevtx writes them) */
    add_time(t, evtx_u16(p), evtx_u16(p + 2), evtx_u16(p + 6),
             evtx_u16(p + 8), evtx_u16(p + 10), evtx_u16(p + 12),
             evtx_u16(p + 14), 3);
    return 0;
  case 0x13: /* SID */
    add_sid(t, p);
    return 0;
  default:
    return -1;
  }
}
