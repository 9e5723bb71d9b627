-- The sample logs of spec/fixtures/evtx in their other forms, made once per
-- build directory: python-evtx's reading (counts.json) and the XML, NDJSON
-- and JSON it writes (spec/support/evtx_forms.py), evtxexport's XML, and
-- UTF-16 copies through iconv.
local run = require "support.run"

local M = {}

M.DIR = "spec/fixtures/evtx"
M.SAMPLES = {
  "mitre-4625-account-restriction", "mitre-4625-accountrestore-local-bf",
  "mitre-4768-4771-kerbrute-user-enum", "mitre-4771-kerberos-bf-valid-user",
  "omerbenamram-Security_short_selected", "omerbenamram-Security_with_size_t",
  "python-evtx-security",
}
M.OUT = "build/spec-forms"

local PLAIN = run.PLAIN

-- Are python-evtx, evtxexport and iconv there?  (make deps installs them.)
function M.tools()
  return run.ok(PLAIN .. "/usr/bin/python3 -c 'import Evtx.Evtx' 2>/dev/null") and
         run.ok(PLAIN .. "sh -c 'command -v evtxexport' >/dev/null") and
         run.ok(PLAIN .. "sh -c 'command -v iconv' >/dev/null")
end

local function exists(p)
  local f = io.open(p, "rb")
  if f then f:close() end
  return f ~= nil
end

-- The directory of name's forms, made when missing.
function M.make(name)
  local dir = M.OUT .. "/" .. name
  local src = M.DIR .. "/" .. name .. ".evtx"
  if not exists(dir .. "/done-shapes") then
    local sh = table.concat({
      "set -e; mkdir -p " .. dir,
      "/usr/bin/python3 spec/support/evtx_forms.py " .. src .. " " .. dir,
      "evtxexport -f xml " .. src .. " > " .. dir .. "/evtxexport.xml 2>/dev/null",
      "iconv -f UTF-8 -t UTF-16LE " .. dir .. "/events.xml > " .. dir .. "/le.tmp",
      "printf '\\377\\376' | cat - " .. dir .. "/le.tmp > " .. dir .. "/events-utf16le.xml",
      "iconv -f UTF-8 -t UTF-16BE " .. dir .. "/events.xml > " .. dir .. "/be.tmp",
      "printf '\\376\\377' | cat - " .. dir .. "/be.tmp > " .. dir .. "/events-utf16be.xml",
      "iconv -f UTF-8 -t UTF-16LE " .. dir .. "/getwinevent.json > " .. dir .. "/le.tmp",
      "printf '\\377\\376' | cat - " .. dir .. "/le.tmp > " .. dir .. "/getwinevent-utf16le.json",
      "rm -f " .. dir .. "/le.tmp " .. dir .. "/be.tmp",
      "touch " .. dir .. "/done-shapes",
    }, "\n")
    assert(run.ok(PLAIN .. "sh -c '" .. sh:gsub("'", "'\\''") .. "'"),
           "could not make the forms of " .. name)
  end
  return dir
end

M.FORMS = { "events.xml", "evtxexport.xml", "events-utf16le.xml", "events-utf16be.xml",
            "winlogbeat.ndjson", "flat.ndjson", "getwinevent.json",
            "getwinevent-utf16le.json" }

--- The shapes of evtx_shapes.py, each with the digits of the second its
-- times keep (Winlogbeat and PowerShell: milliseconds; NXLog: none), and
-- whether its records name their account and source only for the events
-- the schema knows (the Message text, written for those alone).
M.SHAPES = {
  { file = "winlogbeat6.ndjson", digits = 3 },
  { file = "winlogbeat7.ndjson", digits = 3 },
  { file = "winlogbeat8.ndjson", digits = 3 },
  { file = "nxlog.ndjson", digits = 0 },
  { file = "jq-pretty.json", digits = 3 },
  { file = "evtx_dump.json", digits = 6 },
  { file = "evtx_dump.jsonl", digits = 6 },
  { file = "getwinevent-message.json", digits = 3, schema_only = true },
}
for _, s in ipairs(M.SHAPES) do M.FORMS[#M.FORMS + 1] = s.file end

return M
