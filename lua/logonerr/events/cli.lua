--- `logonerr events`: Security event logs read, triaged and reported.
-- logonerr.cli declares the command (without loading this module, which
-- explaining a code does not need) and runs it through run().
-- @module logonerr.events.cli

local workers = require "logonerr.workers"

local M = {}

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

-- A raw record (before the reader's checks) as the XML-as-JSON object the
-- JSON reader reads back into the same raw record.
local function raw_json(json, r)
  return json.encode({ Event = { System = { EventID = r.id, EventRecordID = r.record,
    TimeCreated = { SystemTime = r.time }, Computer = r.computer, Channel = r.channel,
    Provider = { Name = r.provider } }, EventData = r.data } })
end

-- --worker: the raw records of one file as NDJSON, then a NUL and what
-- was skipped (JSON); a file that cannot be opened: NUL, "error", why.
local function worker(a, out)
  local events = require "logonerr.events"
  local json = require "logonerr.json"
  local rd, why = events.open(a.files[1])
  if rd == nil then
    out:write("\0error\n", why)
    return 2
  end
  for r in rd.raw do out:write(raw_json(json, r), "\n") end
  rd:close()
  out:write("\0", json.encode({ skipped = rd.skipped }))
  return 0
end

-- A worker's output as the file events.open reads: its records up to the
-- NUL; what follows (the worker's skipped list) is kept in .trailer.
local function worker_file(h)
  local t = { h = h }
  function t.read(self, n)
    if self.done then return nil end
    local c = self.h:read(type(n) == "number" and n or 65536)
    if c == nil then self.done = true; return nil end
    local z = c:find("\0", 1, true)
    if z then
      self.trailer, self.done = c:sub(z + 1) .. (self.h:read("*a") or ""), true
      c = c:sub(1, z - 1)
      if c == "" then return nil end
    end
    return c
  end
  function t.close(self)
    if self.h then self.h:close(); self.h = nil end
  end
  return t
end

--- Runs the events command; returns the exit status (0 read, 1 a file
-- with nothing readable in it or most records without their fields, 2
-- usage or a file that cannot be read).
function M.run(a, in_, out, err)
  if a.worker then return worker(a, out) end
  local events = require "logonerr.events"
  local inputs = require "logonerr.events.inputs"
  local json = require "logonerr.json"
  local seen = {} -- computer -> EventRecordIDs read, across every file
  local opts = { since = a.since, ["until"] = a["until"], account = a.account,
                 source = a.source, seen = seen,
                 jobs = a.jobs }
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
  local logs = inputs.expand(#a.files > 0 and a.files or { "-" }, in_)
  -- -j: plain files go to workers, up to jobs at once; their records come
  -- back in the order of the files and are read here as one by one.
  local cmd = (a.jobs or 1) > 1 and #logs > 1 and workers.self_command()
  local running, started = {}, 0
  local function start(k)
    local path = logs[k].path
    if path == nil then return end -- stdin and archives: here
    running[k] = io.popen(cmd .. " events --worker -- " .. workers.quote(path) ..
                          " 2>/dev/null", "r")
  end
  local status = 0
  local readers = {}
  local i, rd, wf = 0, nil, nil
  local function finish()
    rd:close()
    if wf and wf.trailer then
      local ok, t = pcall(json.decode, wf.trailer)
      if ok and type(t) == "table" and type(t.skipped) == "table" then
        for k = #t.skipped, 1, -1 do table.insert(rd.skipped, 1, t.skipped[k]) end
      end
    end
    for _, s in ipairs(rd.skipped) do
      err:write("logonerr: ", rd.name, ": skipped ", s.at, ": ", s.reason, "\n")
    end
    local src = logs[i].src
    if type(src) == "table" and src.err then
      err:write("logonerr: ", rd.name, ": the rest cannot be read: ", src.err, "\n")
      rd.skipped[#rd.skipped + 1] = { at = "rest", reason = src.err }
      status = 2
    end
    if rd.events == 0 and #rd.skipped > 0 and status == 0 then status = 1 end
    rd, wf = nil, nil
  end
  -- Every file's records, one after the other, straight into the triage
  -- (or out as NDJSON): memory stays flat however long the logs are.
  local function each()
    while true do
      if rd then
        local rec = rd:next()
        if rec then return rec end
        finish()
      end
      i = i + 1
      local log = logs[i]
      if log == nil then return nil end
      while cmd and started < #logs and started < i - 1 + a.jobs do
        started = started + 1
        start(started)
      end
      opts.name = log.name
      local src, why
      if running[i] then
        wf = worker_file(running[i])
        running[i] = nil
        src = wf
      else
        src, why = log.open()
      end
      log.src = src
      if src ~= nil then rd, why = events.open(src, opts) end
      if rd == nil and wf and wf.trailer then
        local w = wf.trailer:match("^error\n(.*)$")
        if w then why = w end
        if w == nil then -- a worker's file with no record: its skips
          local empty = { read = function(self) local t = self.t; self.t = nil; return t end,
                          t = "[]" }
          rd = events.open(empty, { name = log.name })
        end
      end
      if rd == nil then
        if log.in_folder and why and why:find("not a Security event log", 1, true) then
          err:write("logonerr: ", log.name, ": passed over: not a Security event log\n")
        else
          err:write("logonerr: cannot read ", why and (why:find(log.name, 1, true) and why or
                    log.name .. ": " .. why) or log.name, "\n")
          status = 2
        end
        wf = nil
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
  local skipped = {}
  local other, dupes, fieldless, read = 0, 0, 0, 0
  for _, x in ipairs(readers) do
    for _, s in ipairs(x.skipped) do
      skipped[#skipped + 1] = { file = x.name, at = s.at, reason = s.reason }
    end
    other, dupes, fieldless = other + x.other_channel, dupes + x.duplicates,
                              fieldless + x.fieldless
    read = read + x.events
  end
  r.skipped, r.skipped_records = #skipped, skipped
  r.other_channel, r.duplicates = other, dupes
  if a.since or a["until"] or a.account or a.source then r.filtered = read - r.events end
  local text = require("logonerr.events.report").render(r, fmt)
  local dest = open_output()
  if dest == nil then return 2 end
  dest:write(text)
  if dest ~= out then dest:close() end
  if read > 0 and fieldless * 2 > read then
    err:write(("logonerr: %d of %d records hold none of their event's fields: " ..
               "the shape of this log is not understood, and the report misses them\n")
              :format(fieldless, read))
    status = 1
  end
  return status
end

return M
