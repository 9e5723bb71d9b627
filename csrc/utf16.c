/*
 * UTF-16 to UTF-8, piece by piece: the core's decoder for text that tools
 * on Windows write in UTF-16 (PowerShell 5.1's default, wevtutil exports),
 * so that scanning it needs no XML library.
 */
#include "logonerr.h"

static size_t put_utf8(unsigned long c, char *o) {
  if (c < 0x80) {
    o[0] = (char)c;
    return 1;
  }
  if (c < 0x800) {
    o[0] = (char)(0xC0 | (c >> 6));
    o[1] = (char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    o[0] = (char)(0xE0 | (c >> 12));
    o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[2] = (char)(0x80 | (c & 0x3F));
    return 3;
  }
  o[0] = (char)(0xF0 | (c >> 18));
  o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
  o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
  o[3] = (char)(0x80 | (c & 0x3F));
  return 4;
}

static unsigned long unit(const unsigned char *p, int big) {
  return big ? ((unsigned long)p[0] << 8) | p[1]
             : ((unsigned long)p[1] << 8) | p[0];
}

size_t logonerr_utf16_to_utf8(const unsigned char *in, size_t n, int big,
                              int final, char *out, size_t *used) {
  size_t i = 0, o = 0;
  while (i + 1 < n) {
    unsigned long c = unit(in + i, big);
    if (c >= 0xD800 && c <= 0xDBFF) {
      if (i + 3 < n) {
        unsigned long d = unit(in + i + 2, big);
        if (d >= 0xDC00 && d <= 0xDFFF) {
          o += put_utf8(0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00), out + o);
          i += 4;
          continue;
        }
      } else if (!final) {
        break; /* its pair may come with the next piece */
      }
      c = 0xFFFD;
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    o += put_utf8(c, out + o);
    i += 2;
  }
  *used = i;
  return o;
}
