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

const logonerr_entry *logonerr_find_name(const char *name, size_t len) {
  size_t n, i;
  const logonerr_entry *t = logonerr_catalog(&n);
  for (i = 0; i < n; i++) {
    const char *p = t[i].name;
    size_t k = 0;
    while (k < len && p[k] != '\0' && upper((unsigned char)name[k]) == p[k])
      k++;
    if (k == len && p[k] == '\0')
      return &t[i];
  }
  return NULL;
}

static const char *own_text(const logonerr_entry *e, int field) {
  switch (field) {
  case LOGONERR_F_SUMMARY: return e->summary;
  case LOGONERR_F_CAUSES: return e->causes;
  case LOGONERR_F_SYMPTOMS: return e->symptoms;
  case LOGONERR_F_DIAGNOSIS: return e->diagnosis;
  case LOGONERR_F_RESOLUTION: return e->resolution;
  case LOGONERR_F_PREVENTION: return e->prevention;
  case LOGONERR_F_FAQ: return e->faq;
  case LOGONERR_F_RELATED: return e->related;
  default: return NULL;
  }
}

/* The Win32 code an NTSTATUS row shares knowledge with, if catalogued. */
static const logonerr_entry *twin(const logonerr_entry *e) {
  if (e->ns != LOGONERR_NS_NTSTATUS || e->win32 == 0) return NULL;
  return logonerr_find(LOGONERR_NS_WIN32, e->win32);
}

const char *logonerr_text(const logonerr_entry *e, int field) {
  const char *t = own_text(e, field);
  const logonerr_entry *w;
  if (t != NULL || field == LOGONERR_F_SUMMARY || field == LOGONERR_F_RELATED)
    return t;
  w = twin(e);
  return w ? own_text(w, field) : NULL;
}

int logonerr_severity_of(const logonerr_entry *e) {
  const logonerr_entry *w;
  if (e->severity != LOGONERR_SEV_NONE) return e->severity;
  w = twin(e);
  return w ? w->severity : LOGONERR_SEV_NONE;
}

size_t logonerr_ntstatus_for(uint32_t win32, const logonerr_entry **out,
                             size_t max) {
  size_t n, i, found = 0;
  const logonerr_entry *t = logonerr_catalog(&n);
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

void logonerr_decode(uint32_t value, int kind, logonerr_fields *f) {
  if (kind != LOGONERR_NS_HRESULT && kind != LOGONERR_NS_NTSTATUS) {
    /* An HRESULT when it wraps a Win32 code or an NTSTATUS (N bit). */
    kind = ((value & 0xFFFF0000u) == 0x80070000u ||
            (value & 0xF0000000u) == 0xD0000000u)
               ? LOGONERR_NS_HRESULT
               : LOGONERR_NS_NTSTATUS;
  }
  f->ns = kind;
  f->customer = (value >> 29) & 1u;
  f->nt = (value >> 28) & 1u;
  f->code = value & 0xFFFFu;
  if (kind == LOGONERR_NS_HRESULT) {
    f->severity = (value >> 31) & 1u;
    f->facility = (value >> 16) & 0x7FFu;
  } else {
    f->severity = (value >> 30) & 3u;
    f->facility = (value >> 16) & 0xFFFu;
  }
}

const char *logonerr_severity_name(const logonerr_fields *f) {
  static const char *const nt[] = {"success", "informational", "warning",
                                   "error"};
  if (f->ns == LOGONERR_NS_HRESULT)
    return f->severity ? "failure" : "success";
  return nt[f->severity & 3u];
}

const char *logonerr_ns_name(int ns) {
  switch (ns) {
  case LOGONERR_NS_WIN32: return "win32";
  case LOGONERR_NS_NTSTATUS: return "ntstatus";
  case LOGONERR_NS_HRESULT: return "hresult";
  default: return "unknown";
  }
}

const char *logonerr_category_name(int category) {
  static const char *const names[LOGONERR_CAT_COUNT] = {
      "session", "credentials", "account", "policy", "infrastructure",
      "general"};
  return (category >= 0 && category < LOGONERR_CAT_COUNT) ? names[category]
                                                           : "unknown";
}

const char *logonerr_severity_label(int severity) {
  static const char *const names[] = {"", "low", "medium", "high",
                                      "critical"};
  return (severity >= 0 && severity <= LOGONERR_SEV_CRITICAL) ? names[severity]
                                                               : "";
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
