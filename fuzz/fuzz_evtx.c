/* libFuzzer: EVTX files through libevtx and the event XML reader, as
 * logonerr.evtx reads them: open, count, every record's XML, every field.
 * libevtx reads files, so each input is written to one first. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eventxml.h"
#include "evtx.h"

static void on_field(void *ud, int where, const char *name, const char *v,
                     size_t n) {
  (void)ud;
  (void)where;
  if (name == NULL || v == NULL || memchr(v, '\0', n) != NULL) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char path[64], err[512];
  FILE *f;
  logonerr_evtx *e;
  logonerr_eventxml *x;
  int i, n;
  snprintf(path, sizeof path, "fuzz-evtx-%ld.evtx", (long)getpid());
  f = fopen(path, "wb");
  if (f == NULL) abort();
  if (fwrite(data, 1, size, f) != size) abort();
  fclose(f);
  e = logonerr_evtx_open(path, err, sizeof err);
  if (e != NULL) {
    x = logonerr_eventxml_new();
    if (x == NULL) abort();
    n = logonerr_evtx_count(e);
    for (i = 0; i < n && i < 4096; i++) {
      size_t len = 0;
      const char *xml;
      if (logonerr_evtx_load(e, i, err, sizeof err) != 0) continue;
      xml = logonerr_evtx_xml(e, &len, err, sizeof err);
      if (xml == NULL) continue;
      if (strlen(xml) != len) abort();
      (void)logonerr_eventxml_read(x, xml, len, on_field, NULL, err, sizeof err);
    }
    logonerr_eventxml_free(x);
    logonerr_evtx_close(e);
  } else if (strlen(err) == 0) {
    abort();
  }
  remove(path);
  return 0;
}
