/*
 * One Windows event as XML (<Event>...</Event>, as wevtutil, Event Viewer,
 * Get-WinEvent's ToXml() and libevtx write it) read with libexpat into
 * name/value fields.  No Lua here: the binding (levtx.c) and the fuzzer use
 * it alike.
 */
#ifndef LOGONERR_EVENTXML_H
#define LOGONERR_EVENTXML_H

#include <stddef.h>

/* Where a field comes from: the <System> header (EventID, EventRecordID,
 * TimeCreated, Computer, Channel, Provider, Level) or the event's data
 * (<EventData><Data Name=...>, or the leaf elements of <UserData>).  A
 * <Data> without a Name comes with name "" (the binding numbers it). */
enum { LOGONERR_FIELD_SYSTEM = 0, LOGONERR_FIELD_DATA = 1 };

typedef void (*logonerr_field_fn)(void *ud, int where, const char *name,
                                  const char *value, size_t len);

typedef struct logonerr_eventxml logonerr_eventxml;

/* A reader (an expat parser, reset for each event); NULL when out of
 * memory. */
logonerr_eventxml *logonerr_eventxml_new(void);
void logonerr_eventxml_free(logonerr_eventxml *x);

/* Reads one event's XML (UTF-8, or what its declaration or BOM says),
 * calling fn for each field in document order.  Returns 0, or -1 with a
 * message in err ("line 3, column 7: mismatched tag") when the XML is not
 * well formed, has no <Event> root, or memory ran out. */
int logonerr_eventxml_read(logonerr_eventxml *x, const char *xml, size_t len,
                           logonerr_field_fn fn, void *ud, char *err,
                           size_t errlen);

#endif
