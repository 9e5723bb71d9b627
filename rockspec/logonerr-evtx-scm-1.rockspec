-- logonerr.eventxml: event XML (<Event> elements, as wevtutil, Event
-- Viewer and Get-WinEvent write them) for logonerr.events, through
-- libexpat.  A rock of its own because it needs a C library that the rest
-- of logonerr does not (EVTX files need none: logonerr.evtx, in the
-- logonerr rock, reads them with logonerr's own reader):
--   Debian: apt-get install libexpat1-dev
--   luarocks make rockspec/logonerr-evtx-scm-1.rockspec
-- Without it, logonerr events reads EVTX, JSON and NDJSON, and says so for
-- XML.  (`make` builds it too, when pkg-config finds libexpat.)
rockspec_format = "3.0"
package = "logonerr-evtx"
version = "scm-1"
source = {
  url = "git+https://example.invalid/logonerr.git",
}
description = {
  summary = "Event XML reading for logonerr (libexpat)",
  license = "MIT",
  labels = { "windows", "evtx", "security" },
}
dependencies = {
  "lua >= 5.1",
  "logonerr",
}
external_dependencies = {
  EXPAT = { header = "expat.h", library = "expat" },
}
build = {
  type = "builtin",
  modules = {
    ["logonerr.eventxml"] = {
      sources = { "csrc/leventxml.c", "csrc/levtx_record.c", "csrc/eventxml.c" },
      incdirs = { "csrc", "$(EXPAT_INCDIR)" },
      libdirs = { "$(EXPAT_LIBDIR)" },
      libraries = { "expat" },
    },
  },
}
