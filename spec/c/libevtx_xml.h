/*
 * EVTX files through libyal's libevtx, one record at a time, as XML: the
 * reference that logonerr's own reader (csrc/evtx.c) is checked against
 * in the specs, the differential fuzz target and the bench.  (logonerr
 * read EVTX this way before it had its own reader.)
 */
#ifndef LOGONERR_LIBEVTX_XML_H
#define LOGONERR_LIBEVTX_XML_H

#include <stddef.h>

typedef struct libevtx_xml libevtx_xml;

/* Opens path; NULL with a message in err when libevtx cannot read it. */
libevtx_xml *libevtx_xml_open(const char *path, char *err, size_t errlen);
void libevtx_xml_close(libevtx_xml *f);

/* Records in the file: those libevtx found in undamaged chunks, then,
 * when the file is damaged (a truncated or corrupted chunk), the records
 * it recovered from the damaged parts. */
int libevtx_xml_count(const libevtx_xml *f);

/* Records in undamaged chunks: those first, then the recovered ones. */
int libevtx_xml_regular(const libevtx_xml *f);

/* Is the file damaged (libevtx's corrupted flag)? */
int libevtx_xml_damaged(const libevtx_xml *f);

/* Makes record i (0-based) the current one.  Returns 0, or -1 with a
 * message in err when the record cannot be read. */
int libevtx_xml_load(libevtx_xml *f, int i, char *err, size_t errlen);

/* The current record's number (its header's identifier). */
unsigned long long libevtx_xml_number(libevtx_xml *f);

/* The current record's XML, valid until the next call; NULL with a message
 * in err when it cannot be rendered. */
const char *libevtx_xml_xml(libevtx_xml *f, size_t *len, char *err,
                              size_t errlen);

#endif
