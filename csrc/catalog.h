/* Internal: the layout of a catalogue entry and the generated table. */
#ifndef LOGONERR_CATALOG_H
#define LOGONERR_CATALOG_H

#include "logonerr.h"

typedef struct logonerr_faq_pair {
  const char *question, *answer;
} logonerr_faq_pair;

/* Ends a list of related entries (indices into the table). */
#define LOGONERR_NO_ENTRY 0xFFFFu

/* Lists are NULL-terminated arrays, one string an item; faq ends with a
 * {NULL, NULL} pair; any of them may be NULL. */
struct logonerr_entry {
  const char *name;
  uint32_t code;
  unsigned char ns, category, severity;
  uint32_t win32; /* NTSTATUS: RtlNtStatusToDosError's code, 0 if none */
  const char *message;
  const char *summary;
  const char *const *lists[LOGONERR_LIST_COUNT];
  const logonerr_faq_pair *faq;
  const unsigned short *related; /* ends with LOGONERR_NO_ENTRY */
  const char *const *aliases;
  const logonerr_source *sources; /* ends with a NULL title */
};

/* A value read as an HRESULT (not an NTSTATUS) when nothing says which:
 * a catalogued HRESULT, or a failure with a facility or the customer bit.
 * The parser and logonerr_decode share this rule. */
int logonerr_hresult_shaped(uint32_t v);

/* 3 when name spells NT_STATUS_X (any case), the NTSTATUS name Samba
 * writes for the SDK's STATUS_X, else 0: the bytes to skip. */
size_t logonerr_nt_prefix(const char *name, size_t len);

/* csrc/catalog_data.c, generated from catalogue/ by catalogue/generate.lua. */
const logonerr_entry *logonerr_catalog(size_t *count);

#endif
