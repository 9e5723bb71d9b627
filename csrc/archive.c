/*
 * Archives read in place: gzip through zlib's gz* functions, zip through
 * libzip.  A member is never written out; its bytes come as they are
 * inflated, so memory stays flat whatever the size of the archive.
 */
#include "archive.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>
#include <zlib.h>

struct archive_zip {
  zip_t *zip;
  int refs; /* the directory itself, plus each open stream */
};

struct archive_stream {
  gzFile gz;        /* a gzip file, or */
  zip_file_t *file; /* a zip member, */
  archive_zip *owner; /* of this zip */
};

int archive_kind(const unsigned char *head, size_t n) {
  if (n >= 2 && head[0] == 0x1f && head[1] == 0x8b)
    return ARCHIVE_GZIP;
  /* A local file header; an empty zip is its end record alone. */
  if (n >= 4 && head[0] == 'P' && head[1] == 'K' &&
      ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6)))
    return ARCHIVE_ZIP;
  return ARCHIVE_NONE;
}

static void say(char *err, const char *what, const char *why) {
  snprintf(err, ARCHIVE_ERRLEN, "%s%s%s", what, why[0] ? ": " : "", why);
}

archive_stream *archive_gzip_open(const char *path, char *err) {
  archive_stream *s = calloc(1, sizeof *s);
  if (s == NULL) {
    say(err, "out of memory", "");
    return NULL;
  }
  s->gz = gzopen(path, "rb");
  if (s->gz == NULL) {
    say(err, "cannot open the gzip file", "");
    free(s);
    return NULL;
  }
  gzbuffer(s->gz, 1 << 17);
  return s;
}

static void zip_say(char *err, const char *what, zip_error_t *ze) {
  say(err, what, zip_error_strerror(ze));
}

archive_zip *archive_zip_open(const char *path, char *err) {
  int code = 0;
  archive_zip *z = calloc(1, sizeof *z);
  if (z == NULL) {
    say(err, "out of memory", "");
    return NULL;
  }
  z->zip = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code);
  if (z->zip == NULL) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, code);
    zip_say(err, "not a readable zip file", &ze);
    zip_error_fini(&ze);
    free(z);
    return NULL;
  }
  z->refs = 1;
  return z;
}

long archive_zip_count(const archive_zip *z) {
  zip_int64_t n = zip_get_num_entries(z->zip, 0);
  return n < 0 ? 0 : (long)n;
}

const char *archive_zip_name(archive_zip *z, long i, long long *size, int *dir) {
  zip_stat_t st;
  size_t len;
  /* libzip refuses an index out of range (a negative one is one too). */
  if (zip_stat_index(z->zip, (zip_uint64_t)i, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME))
    return NULL;
  *size = (st.valid & ZIP_STAT_SIZE) ? (long long)st.size : -1;
  len = strlen(st.name);
  *dir = len > 0 && st.name[len - 1] == '/';
  return st.name;
}

static void zip_release(archive_zip *z) {
  if (--z->refs == 0) {
    zip_discard(z->zip);
    free(z);
  }
}

archive_stream *archive_zip_member(archive_zip *z, long i, char *err) {
  archive_stream *s;
  if (i < 0 || i >= archive_zip_count(z)) {
    say(err, "no such member", "");
    return NULL;
  }
  s = calloc(1, sizeof *s);
  if (s == NULL) {
    say(err, "out of memory", "");
    return NULL;
  }
  s->file = zip_fopen_index(z->zip, (zip_uint64_t)i, 0);
  if (s->file == NULL) {
    zip_say(err, "cannot read the member", zip_get_error(z->zip));
    zip_error_clear(z->zip);
    free(s);
    return NULL;
  }
  s->owner = z;
  z->refs++;
  return s;
}

void archive_zip_close(archive_zip *z) {
  if (z != NULL)
    zip_release(z);
}

long archive_read(archive_stream *s, void *buf, size_t n, char *err) {
  if (s->gz != NULL) {
    int errnum = Z_OK;
    int got = gzread(s->gz, buf, (unsigned)n);
    const char *why = got > 0 ? NULL : gzerror(s->gz, &errnum);
    if (got < 0 || (got == 0 && errnum != Z_OK)) {
      /* zlib reports a file cut short as Z_BUF_ERROR with no bytes. */
      say(err, errnum == Z_BUF_ERROR ? "the gzip file is truncated" : "damaged gzip data",
          errnum == Z_BUF_ERROR ? "" : why);
      return -1;
    }
    return got;
  }
  {
    zip_int64_t got = zip_fread(s->file, buf, n);
    if (got < 0) {
      zip_say(err, "damaged zip member", zip_file_get_error(s->file));
      return -1;
    }
    return (long)got;
  }
}

void archive_close(archive_stream *s) {
  if (s == NULL)
    return;
  if (s->gz != NULL)
    gzclose(s->gz);
  if (s->file != NULL)
    zip_fclose(s->file);
  if (s->owner != NULL)
    zip_release(s->owner);
  free(s);
}
