/*
 * EVTX files (the Windows event log's binary format), read by our own
 * code: the file header, each 64 KB chunk, each record's binary XML
 * (templates and their substitution values) straight into the fields
 * logonerr uses.  No Lua and no library here; no state but the reader's.
 *
 * A file is read a chunk at a time: each chunk gives a batch, the records
 * of that chunk in order, each with its fields, or with why it was
 * skipped.  With threads > 1, worker threads read the next chunks while
 * the caller uses the current batch; the batches come in file order, so
 * the result is the same.
 */
#ifndef LOGONERR_EVTX_H
#define LOGONERR_EVTX_H

#include <stddef.h>
#include <stdint.h>

/* Where a field comes from: the <System> header (EventID, EventRecordID,
 * TimeCreated, Computer, Channel, Provider, Level) or the event's data
 * (<EventData><Data Name=...>, or the leaf elements of <UserData>).  A
 * <Data> without a Name has an empty name.  (The same split as the event
 * XML reader's, eventxml.h.) */
enum { LOGONERR_EVTX_SYSTEM = 0, LOGONERR_EVTX_DATA = 1 };

/* Offsets and lengths into the batch's text (UTF-8, not NUL-terminated). */
typedef struct {
  uint32_t where, name, name_len, value, value_len;
} logonerr_evtx_field;

/* The chunk value of a skip that concerns the whole file (its header). */
#define LOGONERR_EVTX_FILE UINT32_MAX

typedef struct {
  uint64_t number;       /* the record's number in its header            */
  uint32_t chunk;        /* its chunk (0-based), or LOGONERR_EVTX_FILE    */
  uint32_t offset;       /* its offset in the chunk; 0 for a chunk skip   */
  uint32_t first, count; /* its fields, batch.fields[first .. first+count) */
  uint32_t unread;       /* its data fields left out, not wanted          */
  uint32_t unknown;      /* 1: its event is not in known (data left out)  */
  const char *why;       /* NULL when read; else why it was skipped       */
} logonerr_evtx_record;

typedef struct {
  char *text;
  size_t text_len, text_cap;
  logonerr_evtx_field *fields;
  size_t nfields, fields_cap;
  logonerr_evtx_record *recs;
  size_t nrecs, recs_cap;
} logonerr_evtx_batch;

typedef struct logonerr_evtx logonerr_evtx;

/* Opens path for reading with up to threads threads (1: none started).
 * NULL with a message in err when the file cannot be opened or is not
 * EVTX (no file header signature). */
logonerr_evtx *logonerr_evtx_open(const char *path, int threads, char *err,
                                  size_t errlen);
/* Part `part` (0-based) of `parts` (1 to LOGONERR_EVTX_MAX_PARTS) of the
 * file: the chunks from chunks - chunks * (parts - part)^2 / parts^2 up to
 * the next part's first, so the parts together read each chunk once, in
 * file order, and grow smaller along the file (the last about
 * 1 / (2 parts - 1) of the first; with more parts than the square root of
 * the chunks, some of the last are empty).  The first part reports the
 * file header's problems.  NULL with a message when part is not below
 * parts or parts is out of range. */
#define LOGONERR_EVTX_MAX_PARTS 65535u
logonerr_evtx *logonerr_evtx_open_part(const char *path, int threads, unsigned part,
                                       unsigned parts, char *err, size_t errlen);
/* The same, giving only the data a caller (the triage) uses: that of the
 * events in known (a set of 65536 bits: event ID k is bit k % 8 of byte
 * k / 8), and of those only the fields named in fields (a NULL-terminated
 * list of names under 64 bytes; a field without a name is always given).  NULL for either: all.
 * Other data is still checked as it is read, but not made text (most of
 * the reading saved); each record counts its data fields left out
 * (unread).  A record whose first EventID is no number up to 65535 comes
 * with all its data.  known and fields are copied. */
logonerr_evtx *logonerr_evtx_open_some(const char *path, int threads, unsigned part,
                                       unsigned parts, const unsigned char *known,
                                       const char *const *fields, char *err,
                                       size_t errlen);
/* The same over n bytes in memory (which must outlive the reader). */
logonerr_evtx *logonerr_evtx_open_memory(const void *data, size_t n,
                                         int threads, char *err,
                                         size_t errlen);
void logonerr_evtx_close(logonerr_evtx *f);

/* The next chunk's batch, valid until the next call: 1 with *b set, 0 at
 * the end of the file, -1 with a message in err when reading the file
 * failed or memory ran out. */
int logonerr_evtx_next(logonerr_evtx *f, const logonerr_evtx_batch **b,
                       char *err, size_t errlen);

/* The records of one chunk of n bytes (index: its place in the file) into
 * b, emptied first.  Returns 0, or -1 when memory ran out. */
typedef struct logonerr_evtx_chunk_reader logonerr_evtx_chunk_reader;
/* known, fields: as logonerr_evtx_open_some's (not copied: they must
 * outlive r). */
logonerr_evtx_chunk_reader *logonerr_evtx_chunk_reader_new(const unsigned char *known,
                                                           const char *const *fields);
void logonerr_evtx_chunk_reader_free(logonerr_evtx_chunk_reader *r);
int logonerr_evtx_read_chunk(logonerr_evtx_chunk_reader *r,
                             const uint8_t *chunk, size_t n, uint32_t index,
                             logonerr_evtx_batch *b);

void logonerr_evtx_batch_free(logonerr_evtx_batch *b);

/* CRC-32 (ISO-HDLC, as zlib's crc32) of n bytes, continuing crc. */
uint32_t logonerr_evtx_crc32(uint32_t crc, const uint8_t *p, size_t n);

#endif
