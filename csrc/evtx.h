/*
 * EVTX files (the Windows event log's binary format) through libyal's
 * libevtx, one record at a time, as XML.  No Lua here.
 */
#ifndef LOGONERR_EVTX_H
#define LOGONERR_EVTX_H

#include <stddef.h>

typedef struct logonerr_evtx logonerr_evtx;

/* Opens path; NULL with a message in err when libevtx cannot read it. */
logonerr_evtx *logonerr_evtx_open(const char *path, char *err, size_t errlen);
void logonerr_evtx_close(logonerr_evtx *f);

/* Records in the file: those libevtx found in undamaged chunks, then,
 * when the file is damaged (a truncated or corrupted chunk), the records
 * it recovered from the damaged parts. */
int logonerr_evtx_count(const logonerr_evtx *f);

/* How many of those (the last ones) were recovered from damage. */
int logonerr_evtx_recovered(const logonerr_evtx *f);

/* Is the file damaged (libevtx's corrupted flag)? */
int logonerr_evtx_damaged(const logonerr_evtx *f);

/* Makes record i (0-based) the current one.  Returns 0, or -1 with a
 * message in err when the record cannot be read. */
int logonerr_evtx_load(logonerr_evtx *f, int i, char *err, size_t errlen);

/* The current record's XML, valid until the next call; NULL with a message
 * in err when it cannot be rendered. */
const char *logonerr_evtx_xml(logonerr_evtx *f, size_t *len, char *err,
                              size_t errlen);

#endif
