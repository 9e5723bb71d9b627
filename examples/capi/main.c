/*
 * logonerr's C API without Lua: explain the codes given as arguments, then
 * find the codes in a log excerpt.  Builds for Linux and, with mingw-w64,
 * for Windows.
 */
#include <stdio.h>
#include <string.h>

#include "logonerr.h"

static const char log_text[] =
    "An account failed to log on.\r\n"
    "\tStatus:\t\t\t0xC000006D\r\n"
    "\tSub Status:\t\t0xC000006A\r\n"
    "\tCaller Process ID:\t0x2a4\r\n"
    "System error 1219 has occurred.\r\n";

static int explain(const char *arg) {
  logonerr_reading r;
  char line[512];
  int st = logonerr_parse(arg, strlen(arg), 0, &r);
  if (st != LOGONERR_OK || r.entry == NULL) {
    printf("%s: %s\n", arg,
           logonerr_strerror(st != LOGONERR_OK ? st : LOGONERR_E_UNKNOWN));
    return 1;
  }
  logonerr_format(line, sizeof line, &r, NULL, 0);
  printf("%s\n", line);
  return 0;
}

int main(int argc, char **argv) {
  logonerr_scanner sc;
  logonerr_match m;
  int i, status = 0;
  for (i = 1; i < argc; i++) status |= explain(argv[i]);
  logonerr_scan_init(&sc, 0);
  logonerr_scan_feed(&sc, log_text, sizeof log_text - 1);
  for (;;) {
    int more = logonerr_scan_next(&sc, &m);
    if (!more && !logonerr_scan_finish(&sc, &m)) break;
    printf("line %u, bytes %u-%u: %s %s\n", (unsigned)m.line,
           (unsigned)m.start + 1, (unsigned)m.stop, m.text,
           logonerr_name(m.reading.entry));
    if (!more) break;
  }
  return status;
}
