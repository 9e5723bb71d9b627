/* The C API on its own: no Lua is linked into this program. */
#include <stdio.h>
#include <string.h>

#include "logonerr.h"

static int failures = 0;
#define CHECK(cond)                                                   \
  do {                                                                \
    if (!(cond)) {                                                    \
      printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);          \
      failures++;                                                     \
    }                                                                 \
  } while (0)

static void test_iteration(void) {
  size_t i, n = logonerr_count();
  CHECK(n >= 114);
  for (i = 1; i < n; i++) {
    const logonerr_entry *a = logonerr_at(i - 1), *b = logonerr_at(i);
    CHECK(logonerr_namespace(a) < logonerr_namespace(b) ||
          (logonerr_namespace(a) == logonerr_namespace(b) &&
           logonerr_code(a) < logonerr_code(b)));
    CHECK(logonerr_index_of(b) == i);
  }
  CHECK(logonerr_at(n) == NULL);
}

static void test_find(void) {
  const logonerr_entry *e = logonerr_find(LOGONERR_NS_WIN32, 1366);
  const logonerr_entry *nts[4];
  CHECK(e != NULL && strcmp(logonerr_name(e), "ERROR_LOGON_SESSION_COLLISION") == 0);
  CHECK(logonerr_find_name("error_logon_session_collision", 29) == e);
  CHECK(logonerr_find_name("ERROR_LOGON_SESSION", 19) == NULL);
  CHECK(logonerr_find(LOGONERR_NS_WIN32, 4903) == NULL);
  CHECK(logonerr_ntstatus_for(1366, nts, 4) == 1);
  CHECK(logonerr_code(nts[0]) == 0xC0000105u && logonerr_win32_of(nts[0]) == e);
}

static void test_parse(void) {
  logonerr_reading r;
  CHECK(logonerr_parse("0x80070556", 10, 0, &r) == LOGONERR_OK);
  CHECK(r.ns == LOGONERR_NS_WIN32 && r.code == 1366 && r.entry != NULL);
  CHECK(logonerr_parse("-1073741715", 11, 0, &r) == LOGONERR_OK);
  CHECK(r.ns == LOGONERR_NS_NTSTATUS && r.code == 0xC000006Du);
  CHECK(logonerr_parse("C000006D", 8, 0, &r) == LOGONERR_OK && r.entry);
  CHECK(logonerr_parse("12abc", 5, 0, &r) == LOGONERR_E_SYNTAX);
  CHECK(logonerr_parse("", 0, 0, &r) == LOGONERR_E_EMPTY);
  CHECK(logonerr_parse("1\0002", 3, 0, &r) == LOGONERR_E_NUL);
  CHECK(logonerr_parse("4294967296", 10, 0, &r) == LOGONERR_E_RANGE);
  CHECK(logonerr_parse("-2147483649", 11, 0, &r) == LOGONERR_E_RANGE);
  CHECK(logonerr_parse("4903", 4, 0, &r) == LOGONERR_OK && r.entry == NULL);
  CHECK(logonerr_parse("ERROR_", 6, 0, &r) == LOGONERR_E_UNKNOWN);
}

static void test_candidates(void) {
  logonerr_reading rs[8];
  int n = logonerr_candidates("556", 3, rs, 8);
  CHECK(n == 1 && logonerr_code(rs[0].entry) == 1366 &&
        rs[0].how == LOGONERR_HOW_BARE_HEX);
  CHECK(logonerr_candidates("0xZZ", 4, rs, 8) == LOGONERR_E_SYNTAX);
  n = logonerr_value_candidates(0x80070556u, LOGONERR_HOW_NUMBER, rs, 8);
  CHECK(n == 1 && logonerr_code(rs[0].entry) == 1366);
}

static void test_format(void) {
  const char *want =
      "ERROR_LOGON_SESSION_COLLISION (1366, 0x556): "
      "The logon session ID is already in use.";
  char buf[256], small[8];
  logonerr_reading r;
  int n;
  logonerr_parse("1366", 4, 0, &r);
  n = logonerr_format(buf, sizeof buf, &r, NULL, 0);
  CHECK(n == (int)strlen(want) && strcmp(buf, want) == 0);
  /* snprintf semantics: truncated, terminated, full length returned */
  memset(small, 'x', sizeof small);
  n = logonerr_format(small, sizeof small, &r, NULL, 0);
  CHECK(n == (int)strlen(want) && strcmp(small, "ERROR_L") == 0);
  CHECK(logonerr_format(NULL, 0, &r, NULL, 0) == (int)strlen(want));
  CHECK(logonerr_format(buf, sizeof buf, &r, "{hex}", 5) == 5);
  CHECK(strcmp(buf, "0x556") == 0);
  CHECK(logonerr_format(buf, sizeof buf, &r, "{oops}", 6) == LOGONERR_E_TEMPLATE);
  CHECK(logonerr_hex(0xC000006Du, buf) == 10 && strcmp(buf, "0xC000006D") == 0);
  CHECK(logonerr_hex(0, buf) == 3 && strcmp(buf, "0x0") == 0);
}

static void test_conversions(void) {
  uint32_t w;
  logonerr_decoded f;
  CHECK(logonerr_hresult_from_win32(5) == 0x80070005u);
  CHECK(logonerr_hresult_from_nt(0xC0000105u) == 0xD0000105u);
  CHECK(logonerr_ntstatus_to_win32(0xC000006Au, &w) && w == 86);
  CHECK(!logonerr_ntstatus_to_win32(0xC0001234u, &w));
  logonerr_decode(0xC000006Du, 0, &f);
  CHECK(f.ns == LOGONERR_NS_NTSTATUS && f.sev == 3 && f.code == 0x6D);
  CHECK(strcmp(logonerr_status_class(&f), "error") == 0);
}

/* Scan text whole, then byte by byte: the same codes at the same places. */
static void test_scan(void) {
  static const char text[] =
      "Sub Status: 0xC000006A\nSystem error 1219 has occurred.\n"
      "pid 1366 status=-1073741715 STATUS_ACCOUNT_LOCKED_OUT";
  logonerr_scanner sc;
  logonerr_match m, whole[8];
  size_t n = 0, k = 0, i;
  logonerr_scan_init(&sc, 0);
  CHECK(logonerr_scan_feed(&sc, text, sizeof text - 1) == LOGONERR_OK);
  while (n < 8 && logonerr_scan_next(&sc, &whole[n])) n++;
  if (n < 8 && logonerr_scan_finish(&sc, &whole[n])) n++;
  CHECK(n == 4);
  CHECK(whole[0].reading.entry && whole[0].reading.code == 0xC000006Au);
  CHECK(whole[0].start == 12 && whole[0].stop == 22 && whole[0].line == 1);
  CHECK(whole[1].reading.code == 1219 && whole[1].line == 2);
  CHECK(strcmp(whole[2].text, "-1073741715") == 0);
  CHECK(whole[3].reading.how == LOGONERR_HOW_NAME && whole[3].line == 3);
  CHECK(logonerr_scan_feed(&sc, "x", 1) == LOGONERR_E_FINISHED);

  logonerr_scan_init(&sc, 0);
  for (i = 0; i < sizeof text - 1; i++) {
    logonerr_scan_feed(&sc, text + i, 1);
    while (logonerr_scan_next(&sc, &m)) {
      CHECK(k < n && m.start == whole[k].start && m.stop == whole[k].stop);
      k++;
    }
  }
  if (logonerr_scan_finish(&sc, &m)) {
    CHECK(k < n && m.start == whole[k].start);
    k++;
  }
  CHECK(k == n);
}

/* The corners of parsing: white space of every kind, letter cases,
 * padding, overflow, 64-bit forms, every namespace. */
static void test_parse_corners(void) {
  logonerr_reading r, rs[2];
  const logonerr_entry *nts[1];
  CHECK(logonerr_parse("\f\v\r 0X556\t\n", 11, 0, &r) == LOGONERR_OK &&
        r.code == 1366);
  CHECK(logonerr_parse("0x0000000000000556", 18, 0, &r) == LOGONERR_OK &&
        r.code == 1366);
  CHECK(logonerr_parse("0xc000006d", 10, 0, &r) == LOGONERR_OK &&
        r.code == 0xC000006Du);
  CHECK(logonerr_parse("0x", 2, 0, &r) == LOGONERR_E_SYNTAX);
  CHECK(logonerr_parse("-", 1, 0, &r) == LOGONERR_E_SYNTAX);
  CHECK(logonerr_parse("99999999999x", 12, 0, &r) == LOGONERR_E_SYNTAX);
  CHECK(logonerr_parse("99999999999", 11, 0, &r) == LOGONERR_E_RANGE);
  CHECK(logonerr_parse("0x100000000", 11, 0, &r) == LOGONERR_E_RANGE);
  CHECK(logonerr_parse("FFFFFFFF7FFFFFFF", 16, 0, &r) == LOGONERR_E_RANGE);
  CHECK(logonerr_parse("12ab-", 5, 0, &r) == LOGONERR_E_SYNTAX);
  CHECK(logonerr_parse("1366", 4, LOGONERR_NS_NTSTATUS, &r) == LOGONERR_OK &&
        r.ns == LOGONERR_NS_NTSTATUS && r.entry == NULL);
  CHECK(logonerr_parse("0x10000", 7, LOGONERR_NS_WIN32, &r) ==
        LOGONERR_E_NAMESPACE);
  CHECK(logonerr_parse("0xD000006D", 10, LOGONERR_NS_HRESULT, &r) ==
        LOGONERR_OK && r.code == 0xC000006Du);
  CHECK(logonerr_parse("0x80070556", 10, LOGONERR_NS_HRESULT, &r) ==
        LOGONERR_OK && r.code == 1366);
  CHECK(logonerr_parse("1366", 4, LOGONERR_NS_HRESULT, &r) ==
        LOGONERR_E_NAMESPACE);
  CHECK(logonerr_parse("1366", 4, 9, &r) == LOGONERR_E_NAMESPACE);
  /* a name of another namespace is refused, its own reading filled in */
  CHECK(logonerr_parse("ERROR_LOGON_FAILURE", 19, LOGONERR_NS_NTSTATUS, &r) ==
        LOGONERR_E_NAMESPACE && r.how == LOGONERR_HOW_NAME &&
        r.ns == LOGONERR_NS_WIN32 && r.code == 1326 && r.entry != NULL);
  CHECK(logonerr_parse("nt_status_logon_failure", 23, LOGONERR_NS_NTSTATUS, &r) ==
        LOGONERR_OK && r.code == 0xC000006Du);
  CHECK(logonerr_parse("NT_STATUS_LOGON_FAILURE", 23, LOGONERR_NS_WIN32, &r) ==
        LOGONERR_E_NAMESPACE);
  CHECK(logonerr_parse("ERROR_LOGON_FAILURE", 19, LOGONERR_NS_HRESULT, &r) ==
        LOGONERR_OK && r.ns == LOGONERR_NS_WIN32 && r.code == 1326);
  CHECK(logonerr_parse("KDC_ERR_PREAUTH_FAILED", 22, LOGONERR_NS_HRESULT, &r) ==
        LOGONERR_E_NAMESPACE);
  CHECK(logonerr_parse("ERROR_LOGON_FAILURE", 19, 9, &r) == LOGONERR_E_NAMESPACE);
  CHECK(logonerr_name_in(logonerr_find(LOGONERR_NS_WIN32, 1326), 0) &&
        logonerr_name_in(logonerr_find(LOGONERR_NS_WIN32, 1326), LOGONERR_NS_HRESULT) &&
        !logonerr_name_in(logonerr_find(LOGONERR_NS_WIN32, 1326), LOGONERR_NS_KERBEROS));
  CHECK(logonerr_classify(0xD000006Du, 0, LOGONERR_HOW_NUMBER, &r) ==
        LOGONERR_OK && r.code == 0xC000006Du);
  /* more readings than room: the count says how many there are */
  CHECK(logonerr_candidates("1326", 4, rs, 1) >= 1);
  CHECK(logonerr_candidates("", 0, rs, 2) == LOGONERR_E_EMPTY);
  CHECK(logonerr_candidates("nope", 4, rs, 2) == 0);
  CHECK(logonerr_candidates("ERROR_LOGON_FAILURE", 19, rs, 2) == 1);
  CHECK(logonerr_candidates("99999999999", 11, rs, 2) == LOGONERR_E_RANGE);
  CHECK(logonerr_ntstatus_for(1326, nts, 1) == 1 &&
        logonerr_code(nts[0]) == 0xC000006Du);
}

static int starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Every placeholder, for a Win32 code, an NTSTATUS and an unknown one. */
static void test_format_corners(void) {
  static const char all[] = "{name}|{code}|{hex}|{signed}|{hresult}|"
                            "{namespace}|{category}|{severity}|{message}";
  char buf[1024];
  logonerr_reading r;
  logonerr_parse("-1073741715", 11, 0, &r);
  CHECK(logonerr_format(buf, sizeof buf, &r, all, sizeof all - 1) > 0);
  CHECK(starts_with(buf, "STATUS_LOGON_FAILURE|3221225581|0xC000006D|"
                        "-1073741715|0xD000006D|ntstatus|"));
  logonerr_parse("1366", 4, 0, &r);
  CHECK(logonerr_format(buf, sizeof buf, &r, all, sizeof all - 1) > 0);
  CHECK(starts_with(buf, "ERROR_LOGON_SESSION_COLLISION|1366|0x556|1366|"
                        "0x80070556|win32|session|"));
  logonerr_parse("0xE0001234", 10, 0, &r); /* customer bit, not catalogued */
  CHECK(logonerr_format(buf, sizeof buf, &r, all, sizeof all - 1) > 0);
  CHECK(strstr(buf, "UNKNOWN|") == buf && strstr(buf, "customer") != NULL);
  logonerr_parse("0x40001234", 10, 0, &r);
  CHECK(logonerr_format(buf, sizeof buf, &r, NULL, 0) > 0);
  CHECK(logonerr_format(buf, sizeof buf, &r, "{{x}}", 5) == 3 &&
        strcmp(buf, "{x}") == 0);
  CHECK(logonerr_format(buf, sizeof buf, &r, "}", 1) == LOGONERR_E_TEMPLATE);
  CHECK(logonerr_format(buf, sizeof buf, &r, "{name", 5) == LOGONERR_E_TEMPLATE);
}

static void test_names(void) {
  logonerr_decoded f;
  int s;
  for (s = LOGONERR_E_FINISHED; s <= LOGONERR_OK; s++)
    CHECK(strcmp(logonerr_strerror(s), "unknown status") != 0);
  CHECK(strcmp(logonerr_strerror(7), "unknown status") == 0);
  CHECK(logonerr_category_name(LOGONERR_CAT_COUNT) == NULL);
  CHECK(logonerr_category_name(-1) == NULL);
  CHECK(logonerr_severity_name(99) == NULL);
  CHECK(logonerr_severity_name(LOGONERR_SEV_NONE) == NULL);
  CHECK(strcmp(logonerr_severity_name(LOGONERR_SEV_HIGH), "high") == 0);
  CHECK(logonerr_ns_name(LOGONERR_NS_NONE) == NULL);
  CHECK(logonerr_list_name(LOGONERR_LIST_COUNT) == NULL);
  CHECK(strcmp(logonerr_format_name(LOGONERR_FORMAT_JSON), "json") == 0);
  CHECK(strcmp(logonerr_ns_name(LOGONERR_NS_HRESULT), "hresult") == 0);
  logonerr_decode(0x80070005u, LOGONERR_NS_HRESULT, &f);
  CHECK(f.ns == LOGONERR_NS_HRESULT && strcmp(logonerr_status_class(&f),
                                              "failure") == 0);
  logonerr_decode(0x00070005u, LOGONERR_NS_HRESULT, &f);
  CHECK(strcmp(logonerr_status_class(&f), "success") == 0);
  logonerr_decode(0x40000000u, LOGONERR_NS_NTSTATUS, &f);
  CHECK(strcmp(logonerr_status_class(&f), "informational") == 0);
  logonerr_decode(0x80000005u, 0, &f);
  CHECK(strcmp(logonerr_status_class(&f), "warning") == 0);
  CHECK(logonerr_item(logonerr_at(0), 99, 0) == NULL);
  CHECK(logonerr_item(logonerr_at(0), -1, 0) == NULL);
  CHECK(strcmp(logonerr_field_name(LOGONERR_FIELD_WIN32), "win32") == 0);
  CHECK(logonerr_field_name(-1) == NULL && logonerr_field_name(LOGONERR_FIELD_COUNT) == NULL);
  CHECK(logonerr_find(LOGONERR_NS_NTSTATUS, 1) == NULL);
}

/* Knowledge through the accessors: lists item by item, FAQ pairs, related
 * entries; an NTSTATUS without a list of its own reads its twin's. */
static void test_knowledge(void) {
  const logonerr_entry *e = logonerr_find_name("ERROR_NO_SUCH_LOGON_SESSION", 27);
  const logonerr_entry *nt = logonerr_find(LOGONERR_NS_NTSTATUS, 0xC000006Au);
  const logonerr_entry *w = logonerr_win32_of(nt);
  const char *q = NULL, *a = NULL;
  size_t i;
  CHECK(e != NULL && logonerr_item(e, LOGONERR_LIST_CAUSES, 0) != NULL);
  for (i = 0; logonerr_item(e, LOGONERR_LIST_CAUSES, i) != NULL; i++)
    CHECK(strchr(logonerr_item(e, LOGONERR_LIST_CAUSES, i), '\n') == NULL);
  CHECK(i >= 2);
  CHECK(logonerr_faq(e, 0, &q, &a) && q[strlen(q) - 1] == '?' && a[0] != '\0');
  CHECK(!logonerr_faq(e, 1000, &q, &a));
  CHECK(logonerr_related(e, 0) != NULL && logonerr_related(e, 1000) == NULL);
  CHECK(strcmp(logonerr_summary(e), "") != 0 && logonerr_message(e) != NULL);
  CHECK(logonerr_severity(e) == LOGONERR_SEV_MEDIUM);
  CHECK(w != NULL && strcmp(logonerr_name(w), "ERROR_INVALID_PASSWORD") == 0);
  CHECK(logonerr_item(nt, LOGONERR_LIST_RESOLUTION, 0) != NULL);
  CHECK(logonerr_win32_of(e) == NULL && logonerr_alias(e, 0) == NULL);
}

/* The newer namespaces through the C API: classify, format, decode. */
static void test_namespaces(void) {
  logonerr_reading r;
  logonerr_decoded d;
  char buf[256];
  uint32_t hr;
  /* Kerberos only when asked; MIT's com_err value reads as the code. */
  CHECK(logonerr_classify(0x18, 0, LOGONERR_HOW_NUMBER, &r) == LOGONERR_OK &&
        r.ns == LOGONERR_NS_WIN32);
  CHECK(logonerr_classify(0x7F, LOGONERR_NS_KERBEROS, LOGONERR_HOW_NUMBER, &r) ==
        LOGONERR_OK && r.ns == LOGONERR_NS_KERBEROS && r.code == 0x7F);
  CHECK(logonerr_classify(0x80, LOGONERR_NS_KERBEROS, LOGONERR_HOW_NUMBER, &r) ==
        LOGONERR_E_NAMESPACE);
  CHECK(logonerr_classify(0x96C73A18u, 0, LOGONERR_HOW_NUMBER, &r) == LOGONERR_OK &&
        r.ns == LOGONERR_NS_KERBEROS && r.code == 0x18);
  CHECK(logonerr_classify(0x96C73A7Fu, LOGONERR_NS_KERBEROS, LOGONERR_HOW_NUMBER, &r) ==
        LOGONERR_OK && r.code == 0x7F);
  CHECK(logonerr_classify(0x7E, LOGONERR_NS_KERBEROS, LOGONERR_HOW_NUMBER, &r) == LOGONERR_OK);
  if (r.entry == NULL) {
    CHECK(logonerr_format(buf, sizeof buf, &r, NULL, 0) > 0);
    CHECK(strstr(buf, "Kerberos error 126") != NULL);
  }
  CHECK(!logonerr_hresult(LOGONERR_NS_KERBEROS, 0x18, &hr));
  CHECK(logonerr_format(buf, sizeof buf, &r, "[{hresult}]", 11) == 2);
  /* HRESULTs: forced, automatic, customer codes, unnamed facilities. */
  CHECK(logonerr_classify(1366, LOGONERR_NS_HRESULT, LOGONERR_HOW_NUMBER, &r) ==
        LOGONERR_E_NAMESPACE);
  CHECK(logonerr_classify(0x8009FFFFu, 0, LOGONERR_HOW_NUMBER, &r) == LOGONERR_OK &&
        r.ns == LOGONERR_NS_HRESULT && r.entry == NULL);
  CHECK(logonerr_format(buf, sizeof buf, &r, NULL, 0) > 0 &&
        strstr(buf, "HRESULT severity failure") && strstr(buf, "(SSPI)"));
  CHECK(logonerr_classify(0xA0420001u, 0, LOGONERR_HOW_NUMBER, &r) == LOGONERR_OK &&
        r.ns == LOGONERR_NS_HRESULT);
  CHECK(logonerr_format(buf, sizeof buf, &r, NULL, 0) > 0 &&
        strstr(buf, "customer code") && strstr(buf, "facility 0x42,"));
  CHECK(logonerr_classify(0x80000005u, 0, LOGONERR_HOW_NUMBER, &r) == LOGONERR_OK &&
        r.ns == LOGONERR_NS_NTSTATUS);
  CHECK(logonerr_hresult(LOGONERR_NS_HRESULT, 0x8009030Cu, &hr) && hr == 0x8009030Cu);
  logonerr_decode(0x8009030Cu, 0, &d);
  CHECK(d.ns == LOGONERR_NS_HRESULT && d.facility == 9 &&
        strcmp(logonerr_facility_name(&d), "SSPI") == 0);
  logonerr_decode(0x80070005u, 0, &d);
  CHECK(strcmp(logonerr_facility_name(&d), "WIN32") == 0);
  logonerr_decode(0x80010001u, LOGONERR_NS_HRESULT, &d);
  CHECK(strcmp(logonerr_facility_name(&d), "RPC") == 0);
  logonerr_decode(0x80040001u, LOGONERR_NS_HRESULT, &d);
  CHECK(strcmp(logonerr_facility_name(&d), "ITF") == 0);
  logonerr_decode(0x80080001u, LOGONERR_NS_HRESULT, &d);
  CHECK(strcmp(logonerr_facility_name(&d), "WINDOWS") == 0);
  logonerr_decode(0x800B0001u, LOGONERR_NS_HRESULT, &d);
  CHECK(strcmp(logonerr_facility_name(&d), "CERT") == 0);
  logonerr_decode(0x800C0001u, LOGONERR_NS_HRESULT, &d);
  CHECK(strcmp(logonerr_facility_name(&d), "INTERNET") == 0);
  logonerr_decode(0x80004005u, LOGONERR_NS_HRESULT, &d);
  CHECK(strcmp(logonerr_facility_name(&d), "NULL") == 0);
  logonerr_decode(0x80420001u, LOGONERR_NS_HRESULT, &d);
  CHECK(logonerr_facility_name(&d) == NULL);
  logonerr_decode(0xC000006Du, LOGONERR_NS_NTSTATUS, &d);
  CHECK(logonerr_facility_name(&d) == NULL);
}

/* Accessors past the end of each list, and entries without a list. */
static void test_accessor_corners(void) {
  size_t i, n = logonerr_count();
  const char *q, *a;
  for (i = 0; i < n; i++) {
    const logonerr_entry *e = logonerr_at(i);
    size_t k;
    int list;
    for (list = 0; list < LOGONERR_LIST_COUNT; list++) {
      for (k = 0; logonerr_item(e, list, k) != NULL; k++) CHECK(k < 100);
      CHECK(logonerr_item(e, list, k + 1) == NULL);
    }
    for (k = 0; logonerr_faq(e, k, &q, &a); k++) CHECK(q != NULL && a != NULL);
    CHECK(!logonerr_faq(e, k + 1, &q, &a));
    for (k = 0; logonerr_related(e, k) != NULL; k++) CHECK(logonerr_related(e, k) != e);
    CHECK(logonerr_related(e, k + 1) == NULL);
    for (k = 0; logonerr_alias(e, k) != NULL; k++)
      CHECK(logonerr_find_name(logonerr_alias(e, k), strlen(logonerr_alias(e, k))) == e);
    CHECK(logonerr_alias(e, k + 1) == NULL);
    /* a source has a title, a url or a ref, and backs some known field */
    for (k = 0; logonerr_source_at(e, k) != NULL; k++) {
      const logonerr_source *s = logonerr_source_at(e, k);
      CHECK(s->title[0] != '\0' && (s->url == NULL) != (s->ref == NULL));
      CHECK(s->covers != 0 && s->covers < (1u << LOGONERR_FIELD_COUNT));
    }
    CHECK(logonerr_source_at(e, k + 1) == NULL);
    CHECK(logonerr_severity(e) != LOGONERR_SEV_NONE);
  }
}

int main(void) {
  test_knowledge();
  test_namespaces();
  test_accessor_corners();
  test_iteration();
  test_find();
  test_parse();
  test_candidates();
  test_format();
  test_conversions();
  test_scan();
  test_parse_corners();
  test_format_corners();
  test_names();
  if (failures) return 1;
  printf("capi: all checks passed\n");
  return 0;
}
