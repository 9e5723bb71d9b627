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

/* Namespaces of the catalogue. */
enum logonerr_ns {
  LOGONERR_NS_NONE = 0,
  LOGONERR_NS_WIN32 = 1,    /* ERROR_*, as GetLastError returns them   */
  LOGONERR_NS_NTSTATUS = 2, /* STATUS_*, as LSA calls return them      */
  LOGONERR_NS_HRESULT = 3   /* only as a way to read a number          */
};

enum logonerr_category {
  LOGONERR_CAT_SESSION = 0,
  LOGONERR_CAT_CREDENTIALS,
  LOGONERR_CAT_ACCOUNT,
  LOGONERR_CAT_POLICY,
  LOGONERR_CAT_INFRASTRUCTURE,
  LOGONERR_CAT_GENERAL,
  LOGONERR_CAT_COUNT
};

enum logonerr_severity {
  LOGONERR_SEV_NONE = 0, /* not yet assessed */
  LOGONERR_SEV_LOW,
  LOGONERR_SEV_MEDIUM,
  LOGONERR_SEV_HIGH,
  LOGONERR_SEV_CRITICAL
};

/*
 * One catalogued error.  List-valued knowledge fields hold their items
 * separated by '\n'; faq holds "question\tanswer" pairs separated by '\n';
 * related holds symbol names separated by spaces.  Any of them may be NULL.
 */
typedef struct logonerr_entry {
  const char *name;       /* SDK symbol, e.g. "ERROR_LOGON_SESSION_COLLISION" */
  uint32_t code;          /* unsigned value                                   */
  unsigned char ns;       /* enum logonerr_ns                                 */
  unsigned char category; /* enum logonerr_category                           */
  uint32_t win32;         /* NTSTATUS only: RtlNtStatusToDosError, 0 if none  */
  const char *message;    /* Microsoft's message text                         */
  unsigned char severity; /* enum logonerr_severity                           */
  const char *summary;
  const char *causes;
  const char *symptoms;
  const char *diagnosis;
  const char *resolution;
  const char *prevention;
  const char *faq;
  const char *related;
} logonerr_entry;

/* Knowledge fields.  An NTSTATUS row that leaves a field out shares it from
 * its Win32 counterpart (except summary and related, which are its own). */
enum logonerr_field {
  LOGONERR_F_SUMMARY = 0,
  LOGONERR_F_CAUSES,
  LOGONERR_F_SYMPTOMS,
  LOGONERR_F_DIAGNOSIS,
  LOGONERR_F_RESOLUTION,
  LOGONERR_F_PREVENTION,
  LOGONERR_F_FAQ,
  LOGONERR_F_RELATED,
  LOGONERR_F_COUNT
};
const char *logonerr_text(const logonerr_entry *e, int field);
int logonerr_severity_of(const logonerr_entry *e);

/* Iterating the catalogue: entries are sorted by namespace, then code. */
size_t logonerr_count(void);
const logonerr_entry *logonerr_at(size_t index);
size_t logonerr_index_of(const logonerr_entry *e);

/* Exact lookups; NULL when not catalogued. */
const logonerr_entry *logonerr_find(int ns, uint32_t code);
const logonerr_entry *logonerr_find_name(const char *name, size_t len);

/* The catalogued NTSTATUS entries that map to a Win32 code, in order:
 * fills at most max pointers and returns how many there are in all. */
size_t logonerr_ntstatus_for(uint32_t win32, const logonerr_entry **out,
                             size_t max);

/* Conversions between the three numbering schemes. */
uint32_t logonerr_hresult_from_win32(uint32_t code);
uint32_t logonerr_hresult_from_nt(uint32_t status);
/* 1 and *out set when the status maps to a Win32 code, else 0. */
int logonerr_ntstatus_to_win32(uint32_t status, uint32_t *out);

/* The fields of a 32-bit status value, read as an NTSTATUS or an HRESULT. */
typedef struct logonerr_fields {
  int ns;                /* LOGONERR_NS_NTSTATUS or LOGONERR_NS_HRESULT */
  unsigned severity;     /* NTSTATUS: 2 bits; HRESULT: the S bit        */
  unsigned customer;     /* C bit                                       */
  unsigned nt;           /* N bit: an HRESULT that wraps an NTSTATUS    */
  unsigned facility;     /* NTSTATUS: 12 bits; HRESULT: 11 bits         */
  unsigned code;         /* low 16 bits                                 */
} logonerr_fields;
/* kind: LOGONERR_NS_NTSTATUS, LOGONERR_NS_HRESULT, or 0 to choose. */
void logonerr_decode(uint32_t value, int kind, logonerr_fields *out);
const char *logonerr_severity_name(const logonerr_fields *f);

/* Write v as "0x" and upper-case hex digits, no padding, into buf (at
 * least LOGONERR_HEX_SIZE bytes, NUL-terminated); returns the length. */
#define LOGONERR_HEX_SIZE 11
size_t logonerr_hex(uint32_t v, char *buf);

/* Names for the enums ("win32", "session", "high", ...). */
const char *logonerr_ns_name(int ns);
const char *logonerr_category_name(int category);
const char *logonerr_severity_label(int severity);

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
  int ns;         /* LOGONERR_NS_WIN32 or LOGONERR_NS_NTSTATUS */
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
  LOGONERR_E_NAMESPACE = -7, /* a number that this namespace cannot hold */
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
 * unknown symbolic name gives LOGONERR_E_UNKNOWN.
 */
int logonerr_parse(const char *s, size_t len, int ns, logonerr_reading *out);

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
  logonerr_match pending;   /* a number followed by '.', awaiting a digit */
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

#ifdef __cplusplus
}
#endif

#endif
