/*
 * Archives read in place, one member at a time, as a stream of bytes:
 * gzip files (zlib; members written one after another read as one) and
 * zip files (libzip).  No Lua here: csrc/larchive.c is the binding.
 *
 * Every function that can fail fills err (ARCHIVE_ERRLEN bytes) with a
 * message and returns NULL or -1.
 */
#ifndef LOGONERR_ARCHIVE_H
#define LOGONERR_ARCHIVE_H

#include <stddef.h>

#define ARCHIVE_ERRLEN 256

/* What the first bytes of a file say it is. */
enum { ARCHIVE_NONE = 0, ARCHIVE_GZIP = 1, ARCHIVE_ZIP = 2 };
int archive_kind(const unsigned char *head, size_t n);

/* The bytes of one member (or of a whole gzip file). */
typedef struct archive_stream archive_stream;

/* A zip file's directory; its members are opened as streams.  The
 * directory stays open until it and every stream opened from it are
 * closed, whatever the order. */
typedef struct archive_zip archive_zip;

archive_stream *archive_gzip_open(const char *path, char *err);

archive_zip *archive_zip_open(const char *path, char *err);
/* Number of members, directories included. */
long archive_zip_count(const archive_zip *z);
/* Member i (0-based): its name (NULL when i is out of range), its size
 * uncompressed (-1 when unknown), whether it is a directory. */
const char *archive_zip_name(archive_zip *z, long i, long long *size, int *dir);
archive_stream *archive_zip_member(archive_zip *z, long i, char *err);
void archive_zip_close(archive_zip *z);

/* Up to n bytes (at most 1 GiB) into buf: the number read, 0 at the
 * end, -1 on error (a damaged or truncated archive, a bad checksum). */
long archive_read(archive_stream *s, void *buf, size_t n, char *err);
void archive_close(archive_stream *s);

#endif
