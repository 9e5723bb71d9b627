/* libFuzzer: gzip and zip archives (archive.c over zlib and libzip), read
 * as logonerr events reads them: every member to its end.  The input is
 * written to a file first, as both libraries read files; a failure must
 * say why, and a read never gives more than was asked. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive.h"

static void drain(archive_stream *s) {
  char buf[4096], err[ARCHIVE_ERRLEN];
  long got;
  err[0] = '\0';
  while ((got = archive_read(s, buf, sizeof buf, err)) > 0)
    if ((size_t)got > sizeof buf) abort();
  if (got < 0 && err[0] == '\0') abort();
  archive_close(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char path[] = "/tmp/fuzz-archive-XXXXXX", err[ARCHIVE_ERRLEN];
  int fd = mkstemp(path);
  archive_stream *s;
  archive_zip *z;
  if (fd < 0) return 0;
  if (write(fd, data, size) != (ssize_t)size) {
    close(fd);
    unlink(path);
    return 0;
  }
  close(fd);
  (void)archive_kind(data, size);
  err[0] = '\0';
  s = archive_gzip_open(path, err);
  if (s != NULL) drain(s);
  else if (err[0] == '\0') abort();
  err[0] = '\0';
  z = archive_zip_open(path, err);
  if (z != NULL) {
    long i, n = archive_zip_count(z);
    for (i = 0; i < n && i < 64; i++) {
      long long msize;
      int dir;
      if (archive_zip_name(z, i, &msize, &dir) == NULL) continue;
      err[0] = '\0';
      s = archive_zip_member(z, i, err);
      if (s != NULL) drain(s);
      else if (err[0] == '\0') abort();
    }
    archive_zip_close(z);
  } else if (err[0] == '\0') {
    abort();
  }
  unlink(path);
  return 0;
}
