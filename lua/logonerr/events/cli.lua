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
  ev:option("-f --format", "Report format."):choices(FORMATS):default("text")
  ev:option("--since", "Only events at or after this time (UTC; 2024-05-01 or " ..
            "2024-05-01T13:45:00Z).")
  ev:option("--until", "Only events at or before this time (UTC; a date alone " ..
            "means the whole day).")
  ev:option("--account", "Only events of this account (DOMAIN\\user or user).")
  ev:option("--source", "Only events from this source (IP address or workstation).")
  ev:flag("--records", "Print the records as JSON, one per line, instead of a report.")
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

--- Runs the events command; returns the exit status (0 read, 1 a file
-- with nothing readable in it, 2 usage or a file that cannot be read).
function M.run(a, in_, out, err)
  local events = require "logonerr.events"
  local json = require "logonerr.json"
  local opts = { since = a.since, ["until"] = a["until"], account = a.account,
                 source = a.source }
  for _, k in ipairs({ "since", "until" }) do
    if opts[k] and not events.time(opts[k]) then
      err:write("logonerr: bad --", k, " time '", opts[k],
                "' (expected e.g. 2024-05-01 or 2024-05-01T13:45:00Z)\n")
      return 2
    end
  end
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
  if a.records then
    for rec in each do out:write(json.encode(plain(rec)), "\n") end
    return status
  end
  local r = events.triage(each)
  if #readers == 0 then return status end
  local skipped = {}
  for _, x in ipairs(readers) do
    for _, s in ipairs(x.skipped) do
      skipped[#skipped + 1] = { file = x.name, at = s.at, reason = s.reason }
    end
  end
  r.skipped, r.skipped_records = #skipped, skipped
  out:write(require("logonerr.events.report").render(r, a.format))
  return status
end

return M
