/*
 * Internal to the EVTX reader: binary XML values as text, written the way
 * libevtx (libfwevt) writes them, so that a field reads the same whichever
 * reader gave it.
 */
#ifndef LOGONERR_EVTX_VALUES_H
#define LOGONERR_EVTX_VALUES_H

#include <stddef.h>
#include <stdint.h>

/* A growable text buffer; ok is 0 once memory ran out. */
typedef struct {
  char *p;
  size_t len, cap;
  int ok;
} evtx_text;

/* Room for n more bytes; 0 when memory ran out. */
int evtx_text_room(evtx_text *t, size_t n);
void evtx_text_add(evtx_text *t, const char *s, size_t n);

/* n bytes of UTF-16LE (stopping at a NUL unit) appended as UTF-8. */
void evtx_text_utf16(evtx_text *t, const uint8_t *p, size_t n);

/* The value of the given binary XML type in p[0..n) appended as text.
 * Returns 0, or -1 when the type is unknown or n does not fit it.  (Type
 * 0x21, nested binary XML, is the caller's.) */
int evtx_value_text(evtx_text *t, unsigned type, const uint8_t *p, size_t n);
/* 0 when a value of that type can be n bytes (those at p), -1 when not:
 * the test evtx_value_text makes, for a value read but not rendered. */
int evtx_value_fits(unsigned type, const uint8_t *p, size_t n);

static inline uint16_t evtx_u16(const uint8_t *p) {
  return (uint16_t)(p[0] | (p[1] << 8));
}
static inline uint32_t evtx_u32(const uint8_t *p) {
  return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
         ((uint32_t)p[3] << 24);
}
static inline uint64_t evtx_u64(const uint8_t *p) {
  return (uint64_t)evtx_u32(p) | ((uint64_t)evtx_u32(p + 4) << 32);
}

#endif
