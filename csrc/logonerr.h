/*
 * logonerr -- Windows logon-session and authentication errors.
 *
 * The C core: a read-only catalogue plus the functions that parse, look up,
 * decode and format codes.  It uses no Lua and keeps no mutable global
 * state, so every function is safe to call from any thread.
 */
#ifndef LOGONERR_H
#define LOGONERR_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LOGONERR_VERSION "0.1.0"

/*
 * The names logonerr uses, each list written once, here.  C reads them
 * through the enums and the *_name() functions below, the binding exports
 * them to Lua as tables, and catalogue/generate.lua reads these lines to
 * check the catalogue's source.  X(ID, "name").
 */
#define LOGONERR_NAMESPACES(X) \
  X(WIN32, "win32")       /* ERROR_*, as GetLastError returns them      */ \
  X(NTSTATUS, "ntstatus") /* STATUS_*, as LSA calls return them         */ \
  X(HRESULT, "hresult")   /* SEC_E_* and other COM-style status codes   */ \
  X(KERBEROS, "kerberos") /* KRB-ERROR codes of RFC 4120 and successors */

#define LOGONERR_CATEGORIES(X) \
  X(SESSION, "session") X(CREDENTIALS, "credentials") X(ACCOUNT, "account") \
  X(POLICY, "policy") X(INFRASTRUCTURE, "infrastructure") X(GENERAL, "general")

/* How much an error matters to the person who meets it. */
#define LOGONERR_SEVERITIES(X) \
  X(LOW, "low") X(MEDIUM, "medium") X(HIGH, "high") X(CRITICAL, "critical")

/* The knowledge fields that are lists of short sentences. */
#define LOGONERR_LISTS(X) \
  X(CAUSES, "causes") X(SYMPTOMS, "symptoms") X(DIAGNOSIS, "diagnosis") \
  X(RESOLUTION, "resolution") X(PREVENTION, "prevention")

/* The fields of an entry that a source can back (the covers of a source:
 * bit 1 << LOGONERR_FIELD_x for each). */
#define LOGONERR_FIELDS(X) \
  X(NAME, "name") X(CODE, "code") X(MESSAGE, "message") X(SUMMARY, "summary") \
  X(CAUSES, "causes") X(SYMPTOMS, "symptoms") X(DIAGNOSIS, "diagnosis") \
  X(RESOLUTION, "resolution") X(PREVENTION, "prevention") X(FAQ, "faq") \
  X(RELATED, "related") X(WIN32, "win32")

/* The report formats: "line" is logonerr_format's; the others are drawn by
 * the Lua layer (logonerr.report). */
#define LOGONERR_FORMATS(X) \
  X(LINE, "line") X(TEXT, "text") X(MARKDOWN, "markdown") X(JSON, "json")

#define LOGONERR_ENUM_(prefix, id, s) prefix##id,
#define LOGONERR_NS_(id, s) LOGONERR_ENUM_(LOGONERR_NS_, id, s)
#define LOGONERR_CAT_(id, s) LOGONERR_ENUM_(LOGONERR_CAT_, id, s)
#define LOGONERR_SEV_(id, s) LOGONERR_ENUM_(LOGONERR_SEV_, id, s)
#define LOGONERR_LIST_(id, s) LOGONERR_ENUM_(LOGONERR_LIST_, id, s)
#define LOGONERR_FIELD_(id, s) LOGONERR_ENUM_(LOGONERR_FIELD_, id, s)
#define LOGONERR_FORMAT_(id, s) LOGONERR_ENUM_(LOGONERR_FORMAT_, id, s)

/* Namespaces count from 1: 0 means "not given, decide". */
enum logonerr_ns {
  LOGONERR_NS_NONE = 0,
  LOGONERR_NAMESPACES(LOGONERR_NS_) LOGONERR_NS_END
};
enum logonerr_category { LOGONERR_CATEGORIES(LOGONERR_CAT_) LOGONERR_CAT_COUNT };
/* Severities count from 1: 0 means "not assessed". */
enum logonerr_severity {
  LOGONERR_SEV_NONE = 0,
  LOGONERR_SEVERITIES(LOGONERR_SEV_) LOGONERR_SEV_END
};
enum logonerr_list { LOGONERR_LISTS(LOGONERR_LIST_) LOGONERR_LIST_COUNT };
enum logonerr_field { LOGONERR_FIELDS(LOGONERR_FIELD_) LOGONERR_FIELD_COUNT };
enum logonerr_format_id { LOGONERR_FORMATS(LOGONERR_FORMAT_) LOGONERR_FORMAT_COUNT };

/* The name of each value above; NULL outside the list, so a caller can
 * loop until NULL (namespaces and severities from 1). */
const char *logonerr_ns_name(int ns);
const char *logonerr_category_name(int category);
const char *logonerr_severity_name(int severity);
const char *logonerr_list_name(int list);
const char *logonerr_format_name(int format);
const char *logonerr_field_name(int field);

/*
 * One catalogued error.  Its fields are read through the functions below
 * (the layout is private, so that rules such as "an NTSTATUS shares the
 * lists of its Win32 twin" hold for every reader).
 */
typedef struct logonerr_entry logonerr_entry;

const char *logonerr_name(const logonerr_entry *e);   /* "ERROR_LOGON_FAILURE" */
uint32_t logonerr_code(const logonerr_entry *e);      /* unsigned value         */
int logonerr_namespace(const logonerr_entry *e);      /* enum logonerr_ns       */
int logonerr_category(const logonerr_entry *e);       /* enum logonerr_category */
/* The assessed severity (the Win32 twin's when the entry has none). */
int logonerr_severity(const logonerr_entry *e);
const char *logonerr_message(const logonerr_entry *e); /* Microsoft's text     */
const char *logonerr_summary(const logonerr_entry *e); /* NULL when missing    */
/* An NTSTATUS entry's Win32 twin (RtlNtStatusToDosError), if catalogued. */
const logonerr_entry *logonerr_win32_of(const logonerr_entry *e);
/* The i-th item (from 0) of a list field (enum logonerr_list), or NULL past
 * the end.  An NTSTATUS entry without a list of its own shares its twin's. */
const char *logonerr_item(const logonerr_entry *e, int list, size_t i);
/* The i-th FAQ pair: 1 and *question, *answer set, or 0 past the end. */
int logonerr_faq(const logonerr_entry *e, size_t i, const char **question,
                 const char **answer);
/* The i-th related entry, or NULL past the end. */
const logonerr_entry *logonerr_related(const logonerr_entry *e, size_t i);
/* The i-th other spelling of the name (MIT's KRB5KDC_ERR_..., say). */
const char *logonerr_alias(const logonerr_entry *e, size_t i);

/* Where an entry's facts come from: a page (url) or a document named by
 * ref ("MS-KILE 3.3.5.6.4.1", "RFC 4120 7.5.9", "ntstatus.h"), one of
 * them NULL; covers has bit 1 << LOGONERR_FIELD_x for each field it backs. */
typedef struct logonerr_source {
  const char *title, *url, *ref;
  unsigned covers;
} logonerr_source;
/* The i-th source of an entry, or NULL past the end. */
const logonerr_source *logonerr_source_at(const logonerr_entry *e, size_t i);

/* Iterating the catalogue: entries are sorted by namespace, then code. */
size_t logonerr_count(void);
const logonerr_entry *logonerr_at(size_t index);
size_t logonerr_index_of(const logonerr_entry *e);

/* Exact lookups; NULL when not catalogued.  Names match in any case and
 * include the aliases. */
const logonerr_entry *logonerr_find(int ns, uint32_t code);
const logonerr_entry *logonerr_find_name(const char *name, size_t len);

/* The catalogued NTSTATUS entries that map to a Win32 code, in order:
 * fills at most max pointers and returns how many there are in all. */
size_t logonerr_ntstatus_for(uint32_t win32, const logonerr_entry **out,
                             size_t max);

/* Conversions between the numbering schemes. */
uint32_t logonerr_hresult_from_win32(uint32_t code);
uint32_t logonerr_hresult_from_nt(uint32_t status);
/* 1 and *out set when the status maps to a Win32 code, else 0. */
int logonerr_ntstatus_to_win32(uint32_t status, uint32_t *out);
/* The HRESULT form of a code of namespace ns: 1 and *out set, or 0 when
 * it has none (Kerberos). */
int logonerr_hresult(int ns, uint32_t code, uint32_t *out);

/* The bit fields of a 32-bit status value, read as an NTSTATUS or an
 * HRESULT. */
typedef struct logonerr_decoded {
  int ns;                /* LOGONERR_NS_NTSTATUS or LOGONERR_NS_HRESULT */
  unsigned sev;          /* NTSTATUS: 2 bits; HRESULT: the S bit        */
  unsigned customer;     /* C bit                                       */
  unsigned nt;           /* N bit: an HRESULT that wraps an NTSTATUS    */
  unsigned facility;     /* NTSTATUS: 12 bits; HRESULT: 11 bits         */
  unsigned code;         /* low 16 bits                                 */
} logonerr_decoded;
/* kind: LOGONERR_NS_NTSTATUS, LOGONERR_NS_HRESULT, or 0 to choose. */
void logonerr_decode(uint32_t value, int kind, logonerr_decoded *out);
/* The severity bits in words: "success", "informational", "warning",
 * "error" (NTSTATUS) or "success", "failure" (HRESULT). */
const char *logonerr_status_class(const logonerr_decoded *d);
/* The facility's SDK name ("SSPI", "RPC", "WIN32", ...) or NULL. */
const char *logonerr_facility_name(const logonerr_decoded *d);

/* Write v as "0x" and upper-case hex digits, no padding, into buf (at
 * least LOGONERR_HEX_SIZE bytes, NUL-terminated); returns the length. */
#define LOGONERR_HEX_SIZE 11
size_t logonerr_hex(uint32_t v, char *buf);

/*
 * Parsing.  An input may be read in more than one way ("556" is decimal 556
 * and hex 0x556); each way is a reading.  A reading says which number was
 * seen (value), how the text was read (how), and which catalogue code that
 * number means (ns, code).
 */
enum logonerr_how {
  LOGONERR_HOW_NAME = 1,    /* a symbolic name                   */
  LOGONERR_HOW_DECIMAL,     /* unsigned decimal                  */
  LOGONERR_HOW_NEGATIVE,    /* signed decimal, two's complement  */
  LOGONERR_HOW_HEX,         /* 0x-prefixed hexadecimal           */
  LOGONERR_HOW_BARE_HEX,    /* hexadecimal without 0x            */
  LOGONERR_HOW_NUMBER       /* a number given as a number        */
};

typedef struct logonerr_reading {
  uint32_t value; /* the 32-bit number as written            */
  uint32_t code;  /* the code within ns                      */
  int ns;         /* enum logonerr_ns                          */
  int how;        /* enum logonerr_how                        */
  const logonerr_entry *entry; /* NULL when not catalogued    */
} logonerr_reading;

enum logonerr_status {
  LOGONERR_OK = 0,
  LOGONERR_E_EMPTY = -1,     /* nothing to read                      */
  LOGONERR_E_SYNTAX = -2,    /* neither a number nor a name          */
  LOGONERR_E_RANGE = -3,     /* a number outside 32 bits             */
  LOGONERR_E_NUL = -4,       /* an embedded NUL byte                 */
  LOGONERR_E_TOO_LONG = -5,  /* longer than any code or name         */
  LOGONERR_E_UNKNOWN = -6,   /* well formed, but not in the catalogue */
  LOGONERR_E_NAMESPACE = -7, /* a number this namespace cannot hold, or a
                                name of another namespace           */
  LOGONERR_E_TEMPLATE = -8,  /* a malformed format template          */
  LOGONERR_E_FINISHED = -9   /* a scanner fed after finish           */
};
const char *logonerr_strerror(int status);

/* The longest text that can be a code or a name. */
#define LOGONERR_MAX_INPUT 80

/*
 * Read text as one code.  ns forces how a number is read (0: decide).
 * Returns LOGONERR_OK with *out filled (out->entry may be NULL for a
 * well-formed number that is not catalogued), or a negative status.  An
 * unknown symbolic name gives LOGONERR_E_UNKNOWN; a name that ns does not
 * take (logonerr_name_in) gives LOGONERR_E_NAMESPACE, with *out filled with
 * the name's own reading, so a caller can say whose name it is.
 */
int logonerr_parse(const char *s, size_t len, int ns, logonerr_reading *out);

/* Does namespace ns (0: any) take the names of e?  Its own namespace does,
 * and hresult takes the Win32 and NTSTATUS names, whose HRESULTs
 * (0x8007052E, 0xD000006D) it reads as those entries; no other does. */
int logonerr_name_in(const logonerr_entry *e, int ns);

/* Read a 32-bit number as one code (ns as above). */
int logonerr_classify(uint32_t value, int ns, int how, logonerr_reading *out);

/*
 * Every catalogued reading of text, most likely first.  Fills at most max
 * readings and returns how many were found, or a negative status.
 */
int logonerr_candidates(const char *s, size_t len, logonerr_reading *out,
                        int max);
/* The same for a number already read (how: enum logonerr_how). */
int logonerr_value_candidates(uint32_t value, int how, logonerr_reading *out,
                              int max);

/*
 * Format a reading into buf with snprintf semantics: at most size bytes are
 * written, always NUL-terminated when size > 0, and the return value is the
 * length the full text needs (or a negative status for a bad template).
 * template NULL picks the default for the reading's namespace.  Placeholders:
 * {name} {code} {hex} {signed} {hresult} {namespace} {category} {message}
 * {severity}; "{{" and "}}" are literal braces.
 */
int logonerr_format(char *buf, size_t size, const logonerr_reading *r,
                    const char *tmpl, size_t tmpl_len);

/*
 * Search: does the entry mention every word (case-insensitive) in its name,
 * message or knowledge?  words holds nwords pointers with their lengths.
 * 0: no; 1: yes; 2: yes, and a word names the entry itself (its name or an
 * alias in full, its hex with or without leading zeros, a Win32 code's
 * decimal), which a search lists first.
 */
int logonerr_matches(const logonerr_entry *e, const char *const *words,
                     const size_t *lens, size_t nwords);

/*
 * Scanning text for codes the way logs print them: symbolic names
 * (ERROR_..., STATUS_..., SEC_E_..., KDC_ERR_..., KRB_AP_ERR_...) and
 * 8-digit hex with the top bit set (0xC000006D, 0x80070556) anywhere;
 * other numbers (1326, -1073741715, 0x57) only after a keyword such as
 * "error", "status", "WinError" or a JSON key ("SubStatus": 3221225572).
 * A token glued to letters or digits is never a code; a JSON escape
 * (\t, \n, \r written as two characters) separates.
 *
 * The scanner reads a stream in buffers of any size: a code split across
 * two buffers is found once, and the state it keeps is fixed in size,
 * whatever the input.  It allocates nothing.
 */
#define LOGONERR_SCAN_ALL 1 /* also report well-formed codes not catalogued */

typedef struct logonerr_match {
  uint64_t start; /* offset of the first byte from the stream's start (0-based) */
  uint64_t stop;  /* offset one past the last byte                          */
  uint64_t line;  /* 1-based line number ('\n' ends a line)                 */
  logonerr_reading reading; /* reading.entry NULL: well formed, not catalogued;
                               an unknown name has how NAME and value 0     */
  size_t len;                         /* the matched text                   */
  char text[LOGONERR_MAX_INPUT + 2];  /* NUL-terminated                    */
} logonerr_match;

/* Private: use the functions below. */
typedef struct logonerr_scanner {
  const unsigned char *buf;
  size_t len, pos, counted; /* counted: newlines are counted up to here */
  uint64_t base, line;      /* base: stream offset of buf[0]            */
  int flags, state, keyword, seps, minus, toolong;
  int kw, hint, paren;      /* the keyword, its namespace, '(' after it  */
  int bslash;               /* the byte before buf[0] was a backslash    */
  int simd;                 /* the processor's vector instructions        */
  uint64_t wstart, sign_at; /* where the pending word and its '-' start  */
  size_t wlen, hlen;
  char word[LOGONERR_MAX_INPUT + 1];
  unsigned char hist[48];   /* the last bytes before buf[0] (hlen)       */
  const struct logonerr_entry *names[16]; /* names found lately           */
  struct {                  /* numbers read lately                         */
    size_t len;
    int hint, ok;
    char text[12];
    logonerr_reading reading;
  } nums[64];
  logonerr_match pending;   /* a number followed by '.', awaiting a digit */
  struct logonerr_kdc_line { /* an MIT krb5kdc AS_REQ / TGS_REQ line       */
    int state, depth, prev;
    size_t seen, len;
    uint64_t start;
    char text[24];
  } kdc;
} logonerr_scanner;

void logonerr_scan_init(logonerr_scanner *sc, int flags);
/* Hand the scanner the next buffer of the stream.  The buffer must stay
 * valid until the next feed or finish; codes left unread in the previous
 * buffer are skipped.  LOGONERR_E_FINISHED after finish, else OK. */
int logonerr_scan_feed(logonerr_scanner *sc, const char *buf, size_t len);
/* 1 and *m filled for the next code in the buffer; 0 when it is used up. */
int logonerr_scan_next(logonerr_scanner *sc, logonerr_match *m);
/* End of the stream: 1 and *m filled when a last code ended there. */
int logonerr_scan_finish(logonerr_scanner *sc, logonerr_match *m);

/* UTF-16 (little-endian unless big is set) to UTF-8.  Converts whole code
 * units from in[0..n), writing at most 3 bytes per unit to out (which must
 * hold 3 * (n / 2) bytes); an unpaired surrogate becomes U+FFFD.  *used is
 * set to the bytes of in consumed: an odd last byte or a high surrogate at
 * the end is left for the next call.  Returns the bytes written. */
size_t logonerr_utf16_to_utf8(const unsigned char *in, size_t n, int big,
                              int final, char *out, size_t *used);

#ifdef __cplusplus
}
#endif

#endif
