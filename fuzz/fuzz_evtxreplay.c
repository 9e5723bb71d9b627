/* libFuzzer: the EVTX chunk reader's decoded templates (each template's
 * tokens read once per chunk, replayed per record) against the walk over
 * the tokens themselves (fuzz/evtx_walk_only.c).  Every chunk of the input
 * (after a file header, if it starts with one) must give the same records,
 * skips and fields both ways: with all data, with none wanted, with the
 * data of event 4625 alone, and with some of its fields alone. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "evtx.h"

logonerr_evtx_chunk_reader *walk_only_reader_new(const unsigned char *known,
                                                 const char *const *fields);
void walk_only_reader_free(logonerr_evtx_chunk_reader *r);
void walk_only_batch_free(logonerr_evtx_batch *b);
int walk_only_read_chunk(logonerr_evtx_chunk_reader *r, const uint8_t *chunk, size_t n,
                         uint32_t index, logonerr_evtx_batch *b);

#define CHUNK 65536u

static int same_text(const logonerr_evtx_batch *a, uint32_t at, uint32_t n,
                     const logonerr_evtx_batch *b, uint32_t bt, uint32_t bn) {
  return n == bn && memcmp(a->text + at, b->text + bt, n) == 0;
}

static void compare(const logonerr_evtx_batch *a, const logonerr_evtx_batch *b) {
  size_t i, k;
  if (a->nrecs != b->nrecs) abort();
  for (i = 0; i < a->nrecs; i++) {
    const logonerr_evtx_record *x = &a->recs[i], *y = &b->recs[i];
    if (x->number != y->number || x->chunk != y->chunk || x->offset != y->offset ||
        x->count != y->count || x->unread != y->unread || x->unknown != y->unknown)
      abort();
    if ((x->why == NULL) != (y->why == NULL) ||
        (x->why != NULL && strcmp(x->why, y->why) != 0))
      abort();
    for (k = 0; k < x->count; k++) {
      const logonerr_evtx_field *f = &a->fields[x->first + k], *g = &b->fields[y->first + k];
      if (f->where != g->where ||
          !same_text(a, f->name, f->name_len, b, g->name, g->name_len) ||
          !same_text(a, f->value, f->value_len, b, g->value, g->value_len))
        abort();
    }
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static unsigned char none[65536 / 8], only_4625[65536 / 8];
  static const char *const some[] = {"TargetUserName", "IpAddress", "Status", "", NULL};
  const unsigned char *sets[4] = {NULL, none, only_4625, only_4625};
  int s;
  only_4625[4625 / 8] = (unsigned char)(1u << (4625 % 8));
  if (size >= 4096 && memcmp(data, "ElfFile", 8) == 0) {
    data += 4096;
    size -= 4096;
  }
  for (s = 0; s < 4; s++) {
    const char *const *fields = s == 3 ? some : NULL;
    logonerr_evtx_chunk_reader *r = logonerr_evtx_chunk_reader_new(sets[s], fields);
    logonerr_evtx_chunk_reader *w = walk_only_reader_new(sets[s], fields);
    logonerr_evtx_batch a, b;
    size_t off;
    uint32_t c = 0;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    if (r == NULL || w == NULL) abort();
    for (off = 0; off < size && c < 4; off += CHUNK, c++) {
      size_t n = size - off < CHUNK ? size - off : CHUNK;
      if (logonerr_evtx_read_chunk(r, data + off, n, c, &a) != 0 ||
          walk_only_read_chunk(w, data + off, n, c, &b) != 0)
        abort(); /* memory never runs out on these sizes */
      compare(&a, &b);
    }
    logonerr_evtx_batch_free(&a);
    walk_only_batch_free(&b);
    logonerr_evtx_chunk_reader_free(r);
    walk_only_reader_free(w);
  }
  return 0;
}
