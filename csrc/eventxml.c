/*
 * Event XML through libexpat: the element path decides what a piece of
 * text is (System/EventID, EventData/Data[@Name], UserData/.../leaf).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>

#include "eventxml.h"

#define MAX_DEPTH 64

/* What the text of the element being read becomes. */
enum { CAP_NONE, CAP_SYSTEM, CAP_DATA, CAP_USER };

struct logonerr_eventxml {
  XML_Parser p;
  logonerr_field_fn fn;
  void *ud;
  int depth;      /* of the element being read, Event = 1             */
  int section;    /* 0, or the depth-2 element: 'S'ystem, 'E'ventData, 'U'serData */
  int capture;    /* CAP_*                                            */
  int leaf;       /* in UserData: the open element had no child yet   */
  int saw_event;
  int oom;
  char name[128]; /* the field being read                             */
  char *text;
  size_t len, cap;
};

/* The local part of a possibly prefixed name ("e:EventID"). */
static const char *local(const char *n) {
  const char *c = strrchr(n, ':');
  return c ? c + 1 : n;
}

static const char *attr(const char **atts, const char *want) {
  for (; atts[0] != NULL; atts += 2)
    if (strcmp(local(atts[0]), want) == 0) return atts[1];
  return NULL;
}

static void set_name(logonerr_eventxml *x, const char *n) {
  size_t k = strlen(n);
  if (k >= sizeof x->name) k = sizeof x->name - 1;
  memcpy(x->name, n, k);
  x->name[k] = '\0';
}

static void emit(logonerr_eventxml *x, int where, const char *name,
                 const char *v, size_t n) {
  x->fn(x->ud, where, name, v, n);
}

static int is_system_text(const char *n) {
  static const char *const names[] = {"EventID", "EventRecordID", "Computer",
                                      "Channel", "Level", NULL};
  int i;
  for (i = 0; names[i] != NULL; i++)
    if (strcmp(n, names[i]) == 0) return 1;
  return 0;
}

static void XMLCALL on_start(void *ud, const char *el, const char **atts) {
  logonerr_eventxml *x = ud;
  const char *n = local(el);
  x->depth++;
  x->len = 0;
  x->leaf = 1;
  if (x->depth == 1) {
    if (strcmp(n, "Event") == 0) x->saw_event = 1;
    return;
  }
  if (x->depth == 2) {
    x->section = strcmp(n, "System") == 0      ? 'S'
                 : strcmp(n, "EventData") == 0 ? 'E'
                 : strcmp(n, "UserData") == 0  ? 'U'
                                               : 0;
    x->capture = CAP_NONE;
    return;
  }
  if (x->section == 'S' && x->depth == 3) {
    const char *v = NULL, *field = n;
    if (strcmp(n, "TimeCreated") == 0) v = attr(atts, "SystemTime");
    else if (strcmp(n, "Provider") == 0) v = attr(atts, "Name");
    if (v != NULL) emit(x, LOGONERR_FIELD_SYSTEM, field, v, strlen(v));
    x->capture = is_system_text(n) ? CAP_SYSTEM : CAP_NONE;
    if (x->capture) set_name(x, n);
  } else if (x->section == 'E' && x->depth == 3) {
    const char *v = attr(atts, "Name");
    x->capture = strcmp(n, "Data") == 0 ? CAP_DATA : CAP_NONE;
    set_name(x, v != NULL ? v : "");
  } else if (x->section == 'U' && x->depth >= 4) {
    x->capture = CAP_USER;
    set_name(x, n);
  } else {
    x->capture = CAP_NONE;
  }
}

static void XMLCALL on_end(void *ud, const char *el) {
  logonerr_eventxml *x = ud;
  (void)el;
  if (x->capture == CAP_SYSTEM)
    emit(x, LOGONERR_FIELD_SYSTEM, x->name, x->text, x->len);
  else if (x->capture == CAP_DATA || (x->capture == CAP_USER && x->leaf))
    emit(x, LOGONERR_FIELD_DATA, x->name, x->text, x->len);
  x->capture = CAP_NONE;
  x->leaf = 0;
  x->len = 0;
  x->depth--;
}

static void XMLCALL on_text(void *ud, const char *s, int n) {
  logonerr_eventxml *x = ud;
  size_t k = (size_t)n;
  if (x->capture == CAP_NONE || x->oom) return;
  if (x->len + k + 1 > x->cap) {
    size_t cap = x->cap * 2 > x->len + k + 1 ? x->cap * 2 : x->len + k + 1;
    char *t = realloc(x->text, cap);
    if (t == NULL) {
      x->oom = 1;
      XML_StopParser(x->p, XML_FALSE);
      return;
    }
    x->text = t;
    x->cap = cap;
  }
  memcpy(x->text + x->len, s, k);
  x->len += k;
  x->text[x->len] = '\0';
}

logonerr_eventxml *logonerr_eventxml_new(void) {
  logonerr_eventxml *x = calloc(1, sizeof *x);
  if (x == NULL) return NULL;
  x->cap = 256;
  x->text = malloc(x->cap);
  x->p = XML_ParserCreate(NULL);
  if (x->text == NULL || x->p == NULL) {
    logonerr_eventxml_free(x);
    return NULL;
  }
  return x;
}

void logonerr_eventxml_free(logonerr_eventxml *x) {
  if (x == NULL) return;
  if (x->p != NULL) XML_ParserFree(x->p);
  free(x->text);
  free(x);
}

int logonerr_eventxml_read(logonerr_eventxml *x, const char *xml, size_t len,
                           logonerr_field_fn fn, void *ud, char *err,
                           size_t errlen) {
  enum XML_Status st;
  if (len > (size_t)0x7fffffff) {
    snprintf(err, errlen, "event larger than 2 GB");
    return -1;
  }
  XML_ParserReset(x->p, NULL);
  XML_SetUserData(x->p, x);
  XML_SetElementHandler(x->p, on_start, on_end);
  XML_SetCharacterDataHandler(x->p, on_text);
  x->fn = fn;
  x->ud = ud;
  x->depth = x->section = x->capture = x->leaf = x->saw_event = x->oom = 0;
  x->len = 0;
  x->text[0] = '\0';
  st = XML_Parse(x->p, xml, (int)len, XML_TRUE);
  if (x->oom) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  if (st != XML_STATUS_OK) {
    snprintf(err, errlen, "line %lu, column %lu: %s",
             (unsigned long)XML_GetCurrentLineNumber(x->p),
             (unsigned long)XML_GetCurrentColumnNumber(x->p) + 1,
             XML_ErrorString(XML_GetErrorCode(x->p)));
    return -1;
  }
  if (!x->saw_event) {
    snprintf(err, errlen, "no <Event> element");
    return -1;
  }
  return 0;
}
