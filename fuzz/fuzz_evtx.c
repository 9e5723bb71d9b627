/* libFuzzer: EVTX files through logonerr's own reader (csrc/evtx.c), from
 * memory, as logonerr.evtx reads them: every chunk, every record, every
 * field.  Each field must lie inside its batch's text and hold no NUL; a
 * skipped record must say why. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "evtx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char err[512];
  const logonerr_evtx_batch *b;
  logonerr_evtx *f = logonerr_evtx_open_memory(data, size, 1, err, sizeof err);
  int rc;
  size_t i, k;
  if (f == NULL) {
    if (err[0] == '\0') abort();
    return 0;
  }
  while ((rc = logonerr_evtx_next(f, &b, err, sizeof err)) == 1) {
    for (i = 0; i < b->nrecs; i++) {
      const logonerr_evtx_record *r = &b->recs[i];
      if (r->why != NULL && (r->why[0] == '\0' || r->count != 0)) abort();
      if ((size_t)r->first + r->count > b->nfields) abort();
      for (k = r->first; k < (size_t)r->first + r->count; k++) {
        const logonerr_evtx_field *fd = &b->fields[k];
        if ((size_t)fd->name + fd->name_len > b->text_len ||
            (size_t)fd->value + fd->value_len > b->text_len)
          abort();
        if (memchr(b->text + fd->name, '\0', fd->name_len) != NULL ||
            memchr(b->text + fd->value, '\0', fd->value_len) != NULL)
          abort();
      }
    }
  }
  if (rc < 0) abort(); /* memory never runs out on these sizes */
  logonerr_evtx_close(f);
  return 0;
}
