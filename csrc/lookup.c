/* Finding entries, converting between numbering schemes, decoding fields. */
#include "catalog.h"

size_t logonerr_count(void) {
  size_t n;
  logonerr_catalog(&n);
  return n;
}

const logonerr_entry *logonerr_at(size_t index) {
  size_t n;
  const logonerr_entry *t = logonerr_catalog(&n);
  return index < n ? &t[index] : NULL;
}

size_t logonerr_index_of(const logonerr_entry *e) {
  size_t n;
  const logonerr_entry *t = logonerr_catalog(&n);
  return (size_t)(e - t);
}

/* The table is sorted by (ns, code), so a binary search finds a row. */
const logonerr_entry *logonerr_find(int ns, uint32_t code) {
  size_t n, lo = 0, hi;
  const logonerr_entry *t = logonerr_catalog(&n);
  hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const logonerr_entry *e = &t[mid];
    if (e->ns < ns || (e->ns == ns && e->code < code))
      lo = mid + 1;
    else if (e->ns == ns && e->code == code)
      return e;
    else
      hi = mid;
  }
  return NULL;
}

static int upper(int c) { return (c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c; }

/* Does name (len bytes, any case) spell the upper-case symbol p? */
static int same_name(const char *name, size_t len, const char *p) {
  size_t k = 0;
  while (k < len && p[k] != '\0' && upper((unsigned char)name[k]) == p[k]) k++;
  return k == len && p[k] == '\0';
}

/* Samba, winbind, sssd and smbclient write NTSTATUS names as NT_STATUS_X. */
size_t logonerr_nt_prefix(const char *name, size_t len) {
  static const char nt[] = "NT_STATUS_";
  size_t k;
  if (len <= sizeof nt - 1) return 0;
  for (k = 0; k < sizeof nt - 1; k++)
    if (upper((unsigned char)name[k]) != nt[k]) return 0;
  return 3;
}

const logonerr_entry *logonerr_find_name(const char *name, size_t len) {
  size_t n, i, k, skip = logonerr_nt_prefix(name, len);
  const logonerr_entry *t = logonerr_catalog(&n);
  name += skip;
  len -= skip;
  for (i = 0; i < n; i++) {
    if (same_name(name, len, t[i].name)) return &t[i];
    for (k = 0; t[i].aliases != NULL && t[i].aliases[k] != NULL; k++)
      if (same_name(name, len, t[i].aliases[k])) return &t[i];
  }
  return NULL;
}

/* Fields of an entry.  Every reader goes through these functions. */
const char *logonerr_name(const logonerr_entry *e) { return e->name; }
uint32_t logonerr_code(const logonerr_entry *e) { return e->code; }
int logonerr_namespace(const logonerr_entry *e) { return e->ns; }
int logonerr_category(const logonerr_entry *e) { return e->category; }
const char *logonerr_message(const logonerr_entry *e) { return e->message; }
const char *logonerr_summary(const logonerr_entry *e) { return e->summary; }

/* The Win32 code an NTSTATUS row shares knowledge with, if catalogued. */
const logonerr_entry *logonerr_win32_of(const logonerr_entry *e) {
  if (e->ns != LOGONERR_NS_NTSTATUS || e->win32 == 0) return NULL;
  return logonerr_find(LOGONERR_NS_WIN32, e->win32);
}

int logonerr_severity(const logonerr_entry *e) {
  const logonerr_entry *w;
  if (e->severity != LOGONERR_SEV_NONE) return e->severity;
  w = logonerr_win32_of(e);
  return w ? w->severity : LOGONERR_SEV_NONE;
}

/* An NTSTATUS row that leaves a list out shares its Win32 twin's, so the
 * twins' prose is written once. */
const char *logonerr_item(const logonerr_entry *e, int list, size_t i) {
  const char *const *items;
  size_t k;
  if (list < 0 || list >= LOGONERR_LIST_COUNT) return NULL;
  items = e->lists[list];
  if (items == NULL) {
    const logonerr_entry *w = logonerr_win32_of(e);
    items = w ? w->lists[list] : NULL;
  }
  if (items == NULL) return NULL;
  for (k = 0; k < i; k++)
    if (items[k] == NULL) return NULL;
  return items[i];
}

int logonerr_faq(const logonerr_entry *e, size_t i, const char **question,
                 const char **answer) {
  size_t k;
  if (e->faq == NULL) return 0;
  for (k = 0; k < i; k++)
    if (e->faq[k].question == NULL) return 0;
  if (e->faq[i].question == NULL) return 0;
  *question = e->faq[i].question;
  *answer = e->faq[i].answer;
  return 1;
}

const logonerr_entry *logonerr_related(const logonerr_entry *e, size_t i) {
  size_t k;
  if (e->related == NULL) return NULL;
  for (k = 0; k < i; k++)
    if (e->related[k] == LOGONERR_NO_ENTRY) return NULL;
  return e->related[i] == LOGONERR_NO_ENTRY ? NULL : logonerr_at(e->related[i]);
}

const char *logonerr_alias(const logonerr_entry *e, size_t i) {
  size_t k;
  if (e->aliases == NULL) return NULL;
  for (k = 0; k < i; k++)
    if (e->aliases[k] == NULL) return NULL;
  return e->aliases[i];
}

const logonerr_source *logonerr_source_at(const logonerr_entry *e, size_t i) {
  size_t k;
  if (e->sources == NULL) return NULL;
  for (k = 0; k < i; k++)
    if (e->sources[k].title == NULL) return NULL;
  return e->sources[i].title == NULL ? NULL : &e->sources[i];
}

size_t logonerr_ntstatus_for(uint32_t win32, const logonerr_entry **out,
                             size_t max) {
  size_t n, i, found = 0;
  const logonerr_entry *t = logonerr_catalog(&n);
  if (win32 == 0) return 0; /* a row's win32 0 means it maps to none */
  for (i = 0; i < n; i++) {
    if (t[i].ns == LOGONERR_NS_NTSTATUS && t[i].win32 == win32) {
      if (found < max)
        out[found] = &t[i];
      found++;
    }
  }
  return found;
}

/* HRESULT_FROM_WIN32: codes above 0xFFFF or already negative pass as is. */
uint32_t logonerr_hresult_from_win32(uint32_t code) {
  if ((int32_t)code <= 0)
    return code;
  return (code & 0xFFFFu) | 0x80070000u;
}

/* HRESULT_FROM_NT sets the N bit (FACILITY_NT_BIT). */
uint32_t logonerr_hresult_from_nt(uint32_t status) {
  return status | 0x10000000u;
}

int logonerr_hresult(int ns, uint32_t code, uint32_t *out) {
  switch (ns) {
  case LOGONERR_NS_WIN32: *out = logonerr_hresult_from_win32(code); return 1;
  case LOGONERR_NS_NTSTATUS: *out = logonerr_hresult_from_nt(code); return 1;
  case LOGONERR_NS_HRESULT: *out = code; return 1;
  default: return 0;
  }
}

int logonerr_ntstatus_to_win32(uint32_t status, uint32_t *out) {
  const logonerr_entry *e;
  if ((status & 0xF0000000u) == 0xD0000000u) /* HRESULT_FROM_NT form */
    status &= ~0x10000000u;
  if (status == 0) {
    *out = 0;
    return 1;
  }
  e = logonerr_find(LOGONERR_NS_NTSTATUS, status);
  if (e != NULL && e->win32 != 0) {
    *out = e->win32;
    return 1;
  }
  /* As RtlNtStatusToDosError does: an HRESULT that carries a Win32 code. */
  if ((status & 0xFFFF0000u) == 0x80070000u) {
    *out = status & 0xFFFFu;
    return 1;
  }
  return 0;
}

/* NTSTATUS warnings (0x8000xxxx, facility 0) keep their NTSTATUS
 * reading; SSPI's 0x8009xxxx and other facilities are HRESULTs. */
int logonerr_hresult_shaped(uint32_t v) {
  uint32_t top = v >> 28;
  if (logonerr_find(LOGONERR_NS_HRESULT, v) != NULL) return 1;
  return top == 0xAu || (top == 0x8u && (v & 0x07FF0000u) != 0);
}

void logonerr_decode(uint32_t value, int kind, logonerr_decoded *f) {
  if (kind != LOGONERR_NS_HRESULT && kind != LOGONERR_NS_NTSTATUS) {
    /* An HRESULT when it wraps a Win32 code or an NTSTATUS (N bit), or
     * reads as one by the parser's rule. */
    kind = ((value & 0xFFFF0000u) == 0x80070000u ||
            (value & 0xF0000000u) == 0xD0000000u || logonerr_hresult_shaped(value))
               ? LOGONERR_NS_HRESULT
               : LOGONERR_NS_NTSTATUS;
  }
  f->ns = kind;
  f->customer = (value >> 29) & 1u;
  f->nt = (value >> 28) & 1u;
  f->code = value & 0xFFFFu;
  if (kind == LOGONERR_NS_HRESULT) {
    f->sev = (value >> 31) & 1u;
    f->facility = (value >> 16) & 0x7FFu;
  } else {
    f->sev = (value >> 30) & 3u;
    f->facility = (value >> 16) & 0xFFFu;
  }
}

const char *logonerr_status_class(const logonerr_decoded *f) {
  static const char *const nt[] = {"success", "informational", "warning",
                                   "error"};
  if (f->ns == LOGONERR_NS_HRESULT)
    return f->sev ? "failure" : "success";
  return nt[f->sev & 3u];
}

/* winerror.h's FACILITY_* values that authentication meets. */
const char *logonerr_facility_name(const logonerr_decoded *f) {
  if (f->ns != LOGONERR_NS_HRESULT) return NULL;
  switch (f->facility) {
  case 0: return "NULL";
  case 1: return "RPC";
  case 4: return "ITF";
  case 7: return "WIN32";
  case 8: return "WINDOWS";
  case 9: return "SSPI";
  case 11: return "CERT";
  case 12: return "INTERNET";
  default: return NULL;
  }
}

/* The names of csrc/logonerr.h's lists, in their order. */
#define LOGONERR_NAME_(id, s) s,
static const char *nth(const char *const *names, size_t count, int i) {
  return (i >= 0 && (size_t)i < count) ? names[i] : NULL;
}
#define COUNT(a) (sizeof(a) / sizeof(a)[0])

const char *logonerr_ns_name(int ns) {
  static const char *const names[] = {LOGONERR_NAMESPACES(LOGONERR_NAME_)};
  return nth(names, COUNT(names), ns - 1);
}

const char *logonerr_category_name(int category) {
  static const char *const names[] = {LOGONERR_CATEGORIES(LOGONERR_NAME_)};
  return nth(names, COUNT(names), category);
}

const char *logonerr_severity_name(int severity) {
  static const char *const names[] = {LOGONERR_SEVERITIES(LOGONERR_NAME_)};
  return nth(names, COUNT(names), severity - 1);
}

const char *logonerr_list_name(int list) {
  static const char *const names[] = {LOGONERR_LISTS(LOGONERR_NAME_)};
  return nth(names, COUNT(names), list);
}

const char *logonerr_format_name(int format) {
  static const char *const names[] = {LOGONERR_FORMATS(LOGONERR_NAME_)};
  return nth(names, COUNT(names), format);
}

const char *logonerr_field_name(int field) {
  static const char *const names[] = {LOGONERR_FIELDS(LOGONERR_NAME_)};
  return nth(names, COUNT(names), field);
}

const char *logonerr_strerror(int status) {
  switch (status) {
  case LOGONERR_OK: return "no error";
  case LOGONERR_E_EMPTY: return "empty input";
  case LOGONERR_E_SYNTAX: return "not a number or an error name";
  case LOGONERR_E_RANGE: return "number out of 32-bit range";
  case LOGONERR_E_NUL: return "embedded NUL byte";
  case LOGONERR_E_TOO_LONG: return "too long to be a code or a name";
  case LOGONERR_E_UNKNOWN: return "not in the catalogue";
  case LOGONERR_E_NAMESPACE: return "not a code of that namespace";
  case LOGONERR_E_TEMPLATE: return "malformed template";
  case LOGONERR_E_FINISHED: return "the scanner was already finished";
  default: return "unknown status";
  }
}
