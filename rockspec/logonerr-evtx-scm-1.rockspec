-- logonerr.evtx: the C reader of Security event logs for logonerr.events
-- (event XML through libexpat, EVTX files through libevtx).  A rock of its
-- own because it needs two C libraries that the rest of logonerr does not:
--   Debian: apt-get install libexpat1-dev libevtx-dev libbfio-dev zlib1g-dev libzip-dev
--   luarocks make rockspec/logonerr-evtx-scm-1.rockspec
-- Without it, logonerr events reads JSON and NDJSON only, and says so for
-- XML and EVTX.  (`make` builds it too, when pkg-config finds the libraries.)
rockspec_format = "3.0"
package = "logonerr-evtx"
version = "scm-1"
source = {
  url = "git+https://example.invalid/logonerr.git",
}
description = {
  summary = "EVTX and event XML reading for logonerr (libevtx, libexpat)",
  license = "MIT",
  labels = { "windows", "evtx", "security" },
}
dependencies = {
  "lua >= 5.1",
  "logonerr",
}
external_dependencies = {
  EXPAT = { header = "expat.h", library = "expat" },
  LIBEVTX = { header = "libevtx.h", library = "evtx" },
  ZLIB = { header = "zlib.h", library = "z" },
  LIBZIP = { header = "zip.h", library = "zip" },
}
build = {
  type = "builtin",
  modules = {
    ["logonerr.evtx"] = {
      sources = { "csrc/levtx.c", "csrc/eventxml.c", "csrc/evtx.c" },
      defines = { "LOGONERR_WITH_LIBEVTX" },
      incdirs = { "csrc", "$(EXPAT_INCDIR)", "$(LIBEVTX_INCDIR)" },
      libdirs = { "$(EXPAT_LIBDIR)", "$(LIBEVTX_LIBDIR)" },
      libraries = { "expat", "evtx" },
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
