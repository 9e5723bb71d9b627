/*
 * An EVTX file: its 4 KB header, then its 64 KB chunks, each read by
 * evtx_chunk.c into a batch.  Chunks are read with pread (a 1 GB log does
 * not become 1 GB of memory) or from memory.  With threads > 1, workers
 * each take the next chunk not yet taken and fill the batch of its slot;
 * the caller takes the batches in chunk order, so it sees what one thread
 * would give.
 */
/* pread: POSIX 2008 (the name is the one POSIX reserves for this). */
#define _POSIX_C_SOURCE 200809L /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "evtx.h"
#include "evtx_values.h"

#define HEADER_SIZE 4096u
#define CHUNK_SIZE 65536u
#define MAX_THREADS 64

enum { SLOT_FREE, SLOT_BUSY, SLOT_READY };

typedef struct {
  int state;
  uint32_t chunk; /* the chunk this slot holds or is reading */
  int failed;     /* reading it failed: err says why */
  char err[128];
  uint8_t *buf;
  logonerr_evtx_batch batch;
} slot;

#define KNOWN_BYTES (65536 / 8)

struct logonerr_evtx {
  int fd;
  int some; /* data only for the events in known */
  unsigned char known[KNOWN_BYTES];
  char **fields; /* NULL, or the data fields wanted (NULL-terminated) */
  const uint8_t *mem;
  uint64_t size;
  uint32_t chunks; /* in the file, the last one maybe cut short */
  uint32_t first;  /* the first chunk of the part read */
  uint32_t next;   /* the next chunk the caller takes */
  const char *header_why;
  int header_given;
  logonerr_evtx_batch header_batch;
  /* One thread: the caller reads each chunk itself. */
  logonerr_evtx_chunk_reader *r;
  slot one;
  /* Threads: workers fill slots[chunk % nslots]. */
  int nthreads, nslots, started, stop, synced;
  uint32_t claim; /* the next chunk a worker takes */
  pthread_t *threads;
  slot *slots;
  pthread_mutex_t mu;
  pthread_cond_t cv;
};

/* n bytes at offset off into buf: the bytes read (fewer at the end of the
 * file), or -1 with errno set. */
static long read_at(logonerr_evtx *f, uint8_t *buf, size_t n, uint64_t off) {
  size_t got = 0;
  if (f->mem != NULL) {
    if (off >= f->size) return 0;
    if (n > f->size - off) n = (size_t)(f->size - off);
    memcpy(buf, f->mem + off, n);
    return (long)n;
  }
  while (got < n) {
    ssize_t k = pread(f->fd, buf + got, n - got, (off_t)(off + got));
    if (k < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (k == 0) break;
    got += (size_t)k;
  }
  return (long)got;
}

/* Chunk c into slot s with reader r. */
static void fill(logonerr_evtx *f, logonerr_evtx_chunk_reader *r, slot *s,
                 uint32_t c) {
  long got = read_at(f, s->buf, CHUNK_SIZE, HEADER_SIZE + (uint64_t)c * CHUNK_SIZE);
  s->failed = 0;
  if (got < 0) {
    s->failed = 1;
    snprintf(s->err, sizeof s->err, "cannot read chunk %lu: %s",
             (unsigned long)c, strerror(errno));
    return;
  }
  if (logonerr_evtx_read_chunk(r, s->buf, (size_t)got, c, &s->batch) != 0) {
    s->failed = 1;
    snprintf(s->err, sizeof s->err, "out of memory");
  }
}

static void *worker(void *arg) {
  logonerr_evtx *f = arg;
  logonerr_evtx_chunk_reader *r = logonerr_evtx_chunk_reader_new(f->some ? f->known : NULL,
                                                                 (const char *const *)f->fields);
  pthread_mutex_lock(&f->mu);
  for (;;) {
    uint32_t c;
    slot *s;
    if (f->stop || f->claim >= f->chunks) break;
    c = f->claim++;
    s = &f->slots[c % (uint32_t)f->nslots];
    /* A free slot is for one chunk: another worker may have a later one
     * for the same slot, and must not take it first. */
    while (!f->stop && !(s->state == SLOT_FREE && s->chunk == c))
      pthread_cond_wait(&f->cv, &f->mu);
    if (f->stop) break;
    s->state = SLOT_BUSY;
    pthread_mutex_unlock(&f->mu);
    if (r == NULL) {
      s->failed = 1;
      snprintf(s->err, sizeof s->err, "out of memory");
    } else {
      fill(f, r, s, c);
    }
    pthread_mutex_lock(&f->mu);
    s->state = SLOT_READY;
    pthread_cond_broadcast(&f->cv);
  }
  pthread_mutex_unlock(&f->mu);
  logonerr_evtx_chunk_reader_free(r);
  return NULL;
}

/* The first chunk of part k (0-based) of parts, of a file of chunks: the
 * parts grow smaller along the file, part k holding about
 * chunks * (2 (parts - k) - 1) / parts^2 (the first about 2 chunks / parts,
 * the last chunks / parts^2), so that the processes of `events -j`, each
 * taking the next part when it is free, take their last parts small and
 * end close together, where equal parts left one idle for up to a part's
 * time.  (parts is at most LOGONERR_EVTX_MAX_PARTS: the product stays
 * under 2^64.) */
static uint32_t part_start(uint32_t chunks, unsigned k, unsigned parts) {
  uint64_t left = parts - k;
  return chunks - (uint32_t)((uint64_t)chunks * left * left / ((uint64_t)parts * parts));
}

static logonerr_evtx *start(logonerr_evtx *f, int threads, unsigned part,
                            unsigned parts, char *err, size_t errlen) {
  uint8_t head[128];
  uint32_t first;
  int i;
  if (f->size < HEADER_SIZE || read_at(f, head, sizeof head, 0) != (long)sizeof head) {
    snprintf(err, errlen, "not an EVTX file: shorter than its header");
    logonerr_evtx_close(f);
    return NULL;
  }
  if (memcmp(head, "ElfFile", 8) != 0) {
    snprintf(err, errlen, "not an EVTX file: no ElfFile signature");
    logonerr_evtx_close(f);
    return NULL;
  }
  /* The header is the first part's to report. */
  if (part == 0 && logonerr_evtx_crc32(0, head, 120) != evtx_u32(head + 124))
    f->header_why = "a file header whose checksum is wrong: its chunks were read";
  f->chunks = (uint32_t)((f->size - HEADER_SIZE + CHUNK_SIZE - 1) / CHUNK_SIZE);
  /* Part `part` of `parts`: its chunks, in file order. */
  first = part_start(f->chunks, part, parts);
  f->chunks = part_start(f->chunks, part + 1, parts);
  f->first = f->next = f->claim = first;
  if (threads < 1) threads = 1;
  if (threads > MAX_THREADS) threads = MAX_THREADS;
  if ((uint32_t)threads > f->chunks - first)
    threads = f->chunks > first ? (int)(f->chunks - first) : 1;
  if (threads == 1) {
    f->r = logonerr_evtx_chunk_reader_new(f->some ? f->known : NULL,
                                                                 (const char *const *)f->fields);
    f->one.buf = malloc(CHUNK_SIZE);
    if (f->r == NULL || f->one.buf == NULL) goto oom;
    return f;
  }
  f->nthreads = threads;
  f->nslots = 2 * threads;
  f->slots = calloc((size_t)f->nslots, sizeof *f->slots);
  f->threads = calloc((size_t)threads, sizeof *f->threads);
  if (f->slots == NULL || f->threads == NULL) goto oom;
  for (i = 0; i < f->nslots; i++) {
    slot *s = &f->slots[(first + (uint32_t)i) % (uint32_t)f->nslots];
    s->chunk = first + (uint32_t)i;
    if ((s->buf = malloc(CHUNK_SIZE)) == NULL) goto oom;
  }
  if (pthread_mutex_init(&f->mu, NULL) != 0) goto oom;
  if (pthread_cond_init(&f->cv, NULL) != 0) {
    pthread_mutex_destroy(&f->mu);
    goto oom;
  }
  f->synced = 1;
  for (i = 0; i < threads; i++) {
    if (pthread_create(&f->threads[i], NULL, worker, f) != 0) break;
    f->started++;
  }
  if (f->started == 0) {
    snprintf(err, errlen, "cannot start a thread");
    logonerr_evtx_close(f);
    return NULL;
  }
  return f;
oom:
  snprintf(err, errlen, "out of memory");
  logonerr_evtx_close(f);
  return NULL;
}

logonerr_evtx *logonerr_evtx_open(const char *path, int threads, char *err,
                                  size_t errlen) {
  return logonerr_evtx_open_part(path, threads, 0, 1, err, errlen);
}

logonerr_evtx *logonerr_evtx_open_part(const char *path, int threads, unsigned part,
                                       unsigned parts, char *err, size_t errlen) {
  return logonerr_evtx_open_some(path, threads, part, parts, NULL, NULL, err, errlen);
}

/* A copy of a NULL-terminated list of names, in one block; NULL when
 * memory ran out. */
static char **copy_names(const char *const *names) {
  size_t n = 0, bytes = 0, i;
  char **c, *at;
  while (names[n] != NULL) bytes += strlen(names[n++]) + 1;
  c = malloc((n + 1) * sizeof *c + bytes);
  if (c == NULL) return NULL;
  at = (char *)(c + n + 1);
  for (i = 0; i < n; i++) {
    size_t k = strlen(names[i]) + 1;
    memcpy(at, names[i], k);
    c[i] = at;
    at += k;
  }
  c[n] = NULL;
  return c;
}

logonerr_evtx *logonerr_evtx_open_some(const char *path, int threads, unsigned part,
                                       unsigned parts, const unsigned char *known,
                                       const char *const *fields, char *err,
                                       size_t errlen) {
  struct stat st;
  logonerr_evtx *f = calloc(1, sizeof *f);
  if (f == NULL) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  f->fd = -1; /* none opened yet: close() leaves it */
  if (known != NULL) {
    f->some = 1;
    memcpy(f->known, known, KNOWN_BYTES);
  }
  if (fields != NULL && (f->fields = copy_names(fields)) == NULL) {
    snprintf(err, errlen, "out of memory");
    logonerr_evtx_close(f);
    return NULL;
  }
  f->fd = open(path, O_RDONLY);
  if (f->fd < 0 || fstat(f->fd, &st) != 0) {
    snprintf(err, errlen, "%s", strerror(errno));
    logonerr_evtx_close(f);
    return NULL;
  }
  if (!S_ISREG(st.st_mode)) {
    snprintf(err, errlen, "not a regular file");
    logonerr_evtx_close(f);
    return NULL;
  }
  f->size = (uint64_t)st.st_size;
  if (parts < 1 || parts > LOGONERR_EVTX_MAX_PARTS || part >= parts) {
    snprintf(err, errlen, "part %u of %u: no such part", part + 1, parts);
    logonerr_evtx_close(f);
    return NULL;
  }
  return start(f, threads, part, parts, err, errlen);
}

logonerr_evtx *logonerr_evtx_open_memory(const void *data, size_t n, int threads,
                                         char *err, size_t errlen) {
  logonerr_evtx *f = calloc(1, sizeof *f);
  if (f == NULL) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  f->fd = -1;
  f->mem = data;
  f->size = n;
  return start(f, threads, 0, 1, err, errlen);
}

void logonerr_evtx_close(logonerr_evtx *f) {
  int i;
  if (f == NULL) return;
  if (f->started > 0) {
    pthread_mutex_lock(&f->mu);
    f->stop = 1;
    pthread_cond_broadcast(&f->cv);
    pthread_mutex_unlock(&f->mu);
    for (i = 0; i < f->started; i++) pthread_join(f->threads[i], NULL);
  }
  if (f->synced) {
    pthread_cond_destroy(&f->cv);
    pthread_mutex_destroy(&f->mu);
  }
  if (f->slots != NULL)
    for (i = 0; i < f->nslots; i++) {
      free(f->slots[i].buf);
      logonerr_evtx_batch_free(&f->slots[i].batch);
    }
  free(f->slots);
  free(f->threads);
  free(f->one.buf);
  logonerr_evtx_batch_free(&f->one.batch);
  logonerr_evtx_batch_free(&f->header_batch);
  logonerr_evtx_chunk_reader_free(f->r);
  free(f->fields);
  if (f->fd >= 0) close(f->fd);
  free(f);
}

int logonerr_evtx_next(logonerr_evtx *f, const logonerr_evtx_batch **b,
                       char *err, size_t errlen) {
  slot *s;
  if (f->header_why != NULL && !f->header_given) {
    logonerr_evtx_batch *h = &f->header_batch;
    f->header_given = 1;
    h->recs = calloc(1, sizeof *h->recs);
    if (h->recs == NULL) {
      snprintf(err, errlen, "out of memory");
      return -1;
    }
    h->nrecs = h->recs_cap = 1;
    h->recs[0].chunk = LOGONERR_EVTX_FILE;
    h->recs[0].why = f->header_why;
    *b = h;
    return 1;
  }
  if (f->nthreads == 0) {
    if (f->next >= f->chunks) return 0;
    f->one.chunk = f->next;
    fill(f, f->r, &f->one, f->next++);
    s = &f->one;
  } else {
    if (f->next > f->first) { /* the caller is done with the last batch */
      pthread_mutex_lock(&f->mu);
      s = &f->slots[(f->next - 1) % (uint32_t)f->nslots];
      if (s->state == SLOT_READY) {
        s->state = SLOT_FREE;
        s->chunk += (uint32_t)f->nslots; /* the chunk it is for now */
      }
      pthread_cond_broadcast(&f->cv);
      pthread_mutex_unlock(&f->mu);
    }
    if (f->next >= f->chunks) return 0;
    s = &f->slots[f->next % (uint32_t)f->nslots];
    pthread_mutex_lock(&f->mu);
    while (!(s->state == SLOT_READY && s->chunk == f->next))
      pthread_cond_wait(&f->cv, &f->mu);
    pthread_mutex_unlock(&f->mu);
    f->next++;
  }
  if (s->failed) {
    snprintf(err, errlen, "%s", s->err);
    return -1;
  }
  *b = &s->batch;
  return 1;
}
