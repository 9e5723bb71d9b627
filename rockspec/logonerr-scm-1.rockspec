rockspec_format = "3.0"
package = "logonerr"
version = "scm-1"
source = {
  url = "git+https://example.invalid/logonerr.git",
}
description = {
  summary = "Windows logon-session and authentication errors, explained",
  detailed = [[
    logonerr knows the Win32, NTSTATUS and HRESULT forms of the Windows
    errors of logon sessions and authentication: their official messages,
    what they mean and what to do.  A C core with a thin Lua layer.
  ]],
  license = "MIT",
  labels = { "windows", "errors", "authentication" },
}
dependencies = {
  "lua >= 5.1",
  "argparse",  -- the command's options (Debian: lua-argparse)
  "dkjson",    -- JSON reports (Debian: lua-dkjson)
}
build = {
  type = "builtin",
  modules = {
    ["logonerr.core"] = {
      sources = { "csrc/lbind.c", "csrc/lcore.c", "csrc/lentry.c", "csrc/lscan.c",
                  "csrc/catalog_data.c", "csrc/lookup.c",
                  "csrc/parse.c", "csrc/format.c", "csrc/search.c",
                  "csrc/scan.c", "csrc/utf16.c" },
      incdirs = { "csrc" },
    },
    ["logonerr"] = "lua/logonerr/init.lua",
    ["logonerr.template"] = "lua/logonerr/template.lua",
    ["logonerr.formats"] = "lua/logonerr/formats.lua",
    ["logonerr.report"] = "lua/logonerr/report.lua",
    ["logonerr.logs"] = "lua/logonerr/logs.lua",
    ["logonerr.vocabulary"] = "lua/logonerr/vocabulary.lua",
    ["logonerr.cli"] = "lua/logonerr/cli.lua",
    -- Security events: EVTX through logonerr's own reader (no library);
    -- event XML through libexpat is the separate rock logonerr-evtx.
    ["logonerr.evtx"] = {
      sources = { "csrc/levtx.c", "csrc/levtx_record.c", "csrc/evtx.c",
                  "csrc/evtx_chunk.c", "csrc/evtx_values.c" },
      incdirs = { "csrc" },
      libraries = { "pthread" },
    },
    ["logonerr.workers"] = "lua/logonerr/workers.lua",
    -- Security events (event XML and archives are the separate rock
    -- logonerr-evtx: they need libexpat, zlib and libzip).
    ["logonerr.events"] = "lua/logonerr/events/init.lua",
    ["logonerr.events.schema"] = "lua/logonerr/events/schema.lua",
    ["logonerr.events.time"] = "lua/logonerr/events/time.lua",
    ["logonerr.events.address"] = "lua/logonerr/events/address.lua",
    ["logonerr.events.memo"] = "lua/logonerr/events/memo.lua",
    ["logonerr.events.inputs"] = "lua/logonerr/events/inputs.lua",
    ["logonerr.events.record"] = "lua/logonerr/events/record.lua",
    ["logonerr.events.read.evtx"] = "lua/logonerr/events/read/evtx.lua",
    ["logonerr.events.read.xml"] = "lua/logonerr/events/read/xml.lua",
    ["logonerr.events.read.json"] = "lua/logonerr/events/read/json.lua",
    ["logonerr.events.read.json_array"] = "lua/logonerr/events/read/json_array.lua",
    ["logonerr.events.read.json_shapes"] = "lua/logonerr/events/read/json_shapes.lua",
    ["logonerr.events.read.lines"] = "lua/logonerr/events/read/lines.lua",
    ["logonerr.events.read.mit_kdc"] = "lua/logonerr/events/read/mit_kdc.lua",
    ["logonerr.events.read.samba_audit"] = "lua/logonerr/events/read/samba_audit.lua",
    ["logonerr.events.triage"] = "lua/logonerr/events/triage.lua",
    ["logonerr.events.identity"] = "lua/logonerr/events/identity.lua",
    ["logonerr.events.rules"] = "lua/logonerr/events/rules.lua",
    ["logonerr.events.findings"] = "lua/logonerr/events/findings.lua",
    ["logonerr.events.wire"] = "lua/logonerr/events/wire.lua",
    ["logonerr.events.plain"] = "lua/logonerr/events/plain.lua",
    ["logonerr.events.formats"] = "lua/logonerr/events/formats.lua",
    ["logonerr.events.report"] = "lua/logonerr/events/report.lua",
    ["logonerr.events.templates"] = "lua/logonerr/events/templates.lua",
    ["logonerr.events.cli"] = "lua/logonerr/events/cli.lua",
    ["logonerr.json"] = "lua/logonerr/json.lua",
    ["logonerr.escape"] = "lua/logonerr/escape.lua",
    ["logonerr.textsource"] = "lua/logonerr/textsource.lua",
    ["logonerr.textfile"] = "lua/logonerr/textfile.lua",
  },
  install = {
    bin = { logonerr = "bin/logonerr" },
  },
}
test = {
  type = "busted",
}
