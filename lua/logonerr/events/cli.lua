--- `logonerr events`: Security event logs read, triaged and reported.
-- cli.lua declares the command through add() and runs it through run().
-- @module logonerr.events.cli

local FORMATS = require "logonerr.events.formats"

local M = {}

--- Declares the events command on an argparse parser.
function M.add(p)
  local ev = p:command("events", "Read Security event logs (EVTX, event XML, " ..
    "Winlogbeat or exported JSON) and say what is going on: failures by code, " ..
    "account and source, and findings such as password spraying or lockouts.")
  ev:argument("files", "Logs to read (stdin when none; - is stdin)."):args("*")
  ev:option("-f --format", "Report format (default: text, or what the extension " ..
            "of the -o file says)."):choices(FORMATS)
  ev:option("-o --output", "Write the report to this file instead of stdout; " ..
            "its extension (.html, .md, .json, .txt) gives the format."):argname("<file>")
  ev:option("-t --template", "Write the report with this template file (it sees " ..
            "what the built-in formats see: doc/events.md lists it).")
  ev:option("--since", "Only events at or after this time (UTC; 2024-05-01 or " ..
            "2024-05-01T13:45:00Z).")
  ev:option("--until", "Only events at or before this time (UTC; a date alone " ..
            "means the whole day).")
  ev:option("--account", "Only events of this account (DOMAIN\\user or user).")
  ev:option("--source", "Only events from this source (IP address or workstation).")
  ev:flag("--records", "Print the records as JSON, one per line, instead of a report.")
  ev:option("-j --jobs", "Threads reading an EVTX file's chunks (1 to 64); the " ..
            "report is the same as with one.")
    :default("1"):convert(function(v)
      local n = tonumber(v)
      if n == nil or n < 1 or n > 64 or n % 1 ~= 0 then
        return nil, "jobs must be a whole number from 1 to 64 (got '" .. v .. "')"
      end
      return n
    end)
end

-- A record as plain data for --records.
local function plain_entry(e)
  if e == nil then return nil end
  return { name = e.name, namespace = e.namespace, code = e.code, hex = e.hex }
end

local function plain(rec)
  return { id = rec.id, record = rec.record, time = rec.time, computer = rec.computer,
           channel = rec.channel, account = rec.account, source = rec.source,
           failed = rec.failed, success = rec.success, logon_type = rec.logon_type,
           failure_reason = rec.failure_reason, status = plain_entry(rec.status),
           substatus = plain_entry(rec.substatus), code = plain_entry(rec.code),
           data = rec.data }
end

-- The report format an output file's extension names, or nil.
local EXTENSIONS = { html = "html", htm = "html", md = "markdown", markdown = "markdown",
                     json = "json", txt = "text", text = "text" }

-- The -o file, checked before anything is read: nil and a message when it
-- cannot be written (a file the check made is removed again).
local function output_file(path)
  local existed = io.open(path, "rb")
  if existed then existed:close() end
  local f, why = io.open(path, "ab")
  if f == nil then return nil, why end
  f:close()
  if not existed then os.remove(path) end
  return path
end

--- Runs the events command; returns the exit status (0 read, 1 a file
-- with nothing readable in it, 2 usage or a file that cannot be read).
function M.run(a, in_, out, err)
  local events = require "logonerr.events"
  local json = require "logonerr.json"
  local opts = { since = a.since, ["until"] = a["until"], account = a.account,
                 source = a.source, jobs = a.jobs }
  for _, k in ipairs({ "since", "until" }) do
    if opts[k] and not events.time(opts[k]) then
      err:write("logonerr: bad --", k, " time '", opts[k],
                "' (expected e.g. 2024-05-01 or 2024-05-01T13:45:00Z)\n")
      return 2
    end
  end
  local fmt = a.format
  if a.template then
    local why
    fmt, why = require("logonerr.report").template_file(a.template)
    if fmt == nil then
      err:write("logonerr: ", why, "\n")
      return 2
    end
  end
  if a.output then
    local ext = a.output:match("%.([%w]+)$")
    fmt = fmt or (ext and EXTENSIONS[ext:lower()])
    if fmt == nil and not a.records then
      err:write("logonerr: cannot tell the report format from the name '", a.output,
                "': end it in .html, .md, .json or .txt, or give -f\n")
      return 2
    end
    local ok, why = output_file(a.output)
    if not ok then
      err:write("logonerr: cannot write the report: ", why, "\n")
      return 2
    end
  end
  fmt = fmt or "text"
  local files = #a.files > 0 and a.files or { "-" }
  local status = 0
  local readers = {}
  local i, rd = 0, nil
  -- Every file's records, one after the other, straight into the triage
  -- (or out as NDJSON): memory stays flat however long the logs are.
  local function each()
    while true do
      if rd then
        local rec = rd:next()
        if rec then return rec end
        rd:close()
        for _, s in ipairs(rd.skipped) do
          err:write("logonerr: ", rd.name, ": skipped ", s.at, ": ", s.reason, "\n")
        end
        if rd.events == 0 and #rd.skipped > 0 and status == 0 then status = 1 end
        rd = nil
      end
      i = i + 1
      local path = files[i]
      if path == nil then return nil end
      opts.name = path == "-" and "(stdin)" or path
      local why
      rd, why = events.open(path == "-" and in_ or path, opts)
      if rd == nil then
        err:write("logonerr: cannot read ", why, "\n")
        status = 2
      else
        readers[#readers + 1] = rd
      end
    end
  end
  -- The report goes to the -o file, opened once the reading is done.
  local function open_output()
    if not a.output then return out end
    local f, why = io.open(a.output, "wb")
    if f == nil then err:write("logonerr: cannot write the report: ", why, "\n") end
    return f
  end
  if a.records then -- streamed as they are read, to the -o file too
    local dest = open_output()
    if dest == nil then return 2 end
    for rec in each do dest:write(json.encode(plain(rec)), "\n") end
    if dest ~= out then dest:close() end
    return status
  end
  local r = events.triage(each)
  if #readers == 0 then return status end
  local skipped, read = {}, 0
  for _, x in ipairs(readers) do
    read = read + x.events
    for _, s in ipairs(x.skipped) do
      skipped[#skipped + 1] = { file = x.name, at = s.at, reason = s.reason }
    end
  end
  r.skipped, r.skipped_records = #skipped, skipped
  if a.since or a["until"] or a.account or a.source then r.filtered = read - r.events end
  local text = require("logonerr.events.report").render(r, fmt)
  local dest = open_output()
  if dest == nil then return 2 end
  dest:write(text)
  if dest ~= out then dest:close() end
  return status
end

return M
