-- logonerr.eventxml and logonerr.archive for logonerr.events: event XML
-- (<Event> elements, as wevtutil, Event Viewer and Get-WinEvent write
-- them) through libexpat, and gzip and zip archives read in place through
-- zlib and libzip.  A rock of its own because it needs C libraries that the
-- rest of logonerr does not (EVTX files need none: logonerr.evtx, in the
-- logonerr rock, reads them with logonerr's own reader):
--   Debian: apt-get install libexpat1-dev zlib1g-dev libzip-dev
--   luarocks make rockspec/logonerr-evtx-scm-1.rockspec
-- Without it, logonerr events reads EVTX, JSON and NDJSON, and says so for
-- XML and archives.  (`make` builds both too, when pkg-config finds the
-- libraries.)
rockspec_format = "3.0"
package = "logonerr-evtx"
version = "scm-1"
source = {
  url = "git+https://example.invalid/logonerr.git",
}
description = {
  summary = "Event XML and archive reading for logonerr (libexpat, zlib, libzip)",
  license = "MIT",
  labels = { "windows", "evtx", "security" },
}
dependencies = {
  "lua >= 5.1",
  "logonerr",
}
external_dependencies = {
  EXPAT = { header = "expat.h", library = "expat" },
  ZLIB = { header = "zlib.h", library = "z" },
  LIBZIP = { header = "zip.h", library = "zip" },
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
    -- gzip and zip archives read in place (zlib, libzip).
    ["logonerr.archive"] = {
      sources = { "csrc/larchive.c", "csrc/archive.c" },
      incdirs = { "csrc", "$(ZLIB_INCDIR)", "$(LIBZIP_INCDIR)" },
      libdirs = { "$(ZLIB_LIBDIR)", "$(LIBZIP_LIBDIR)" },
      libraries = { "z", "zip" },
    },
  },
}
