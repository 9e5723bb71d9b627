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

-- -j: an EVTX file is read in parts by jobs processes (this one, and this
-- command run again with --state), each part triaged alone; the parts'
-- partial triages are merged in file order, which gives the report one
-- process gives (logonerr.events.triage: merge).  The processes take the
-- parts one at a time as they go, so that one the machine runs slower
-- takes fewer: the file is cut into up to PER_JOB parts per process (each
-- part costs its partial triage sent and merged: on 231 MB, 16 parts a
-- process ran 2.4% more instructions than 8, for ends a few ms closer),
-- of PART_CHUNKS chunks (1 MB) or more on average, smaller along the file
-- (the reader's part_start), so that the processes end close together;
-- no more parts than the square root of the chunks, so that the last
-- (about chunks / parts^2) holds a chunk or more.
local PART_CHUNKS, PER_JOB = 16, 8

-- How many parts of an EVTX file at path to read with jobs processes
-- (1 for any other file, or where EVTX cannot be read: said as one
-- process says it).
local function parts_of(path, jobs)
  if jobs < 2 or not require("logonerr.events.read.evtx").available then return 1 end
  local f = io.open(path, "rb")
  if f == nil then return 1 end
  local head = f:read(8)
  local size = f:seek("end")
  f:close()
  if head ~= "ElfFile\0" or size == nil then return 1 end
  local chunks = math.ceil((size - 4096) / 65536)
  return math.max(1, math.min(jobs * PER_JOB, math.floor(chunks / PART_CHUNKS),
                              math.floor(math.sqrt(chunks))))
end

-- The filters given, as events.open takes them.
local function filter_opts(a)
  return { since = a.since, ["until"] = a["until"], account = a.account, source = a.source }
end

-- The filters again as options of this command, for a worker.
local function filter_args(a)
  local out = {}
  for _, k in ipairs({ "since", "until", "account", "source" }) do
    if a[k] then out[#out + 1] = "--" .. k .. " " .. workers.quote(a[k]) end
  end
  return table.concat(out, " ")
end

-- What a reader counted, as plain data (and what a worker sends).
local function reader_stats(rd)
  return { read = rd.read, events = rd.events, other_channel = rd.other_channel,
           duplicates = rd.duplicates, fieldless = rd.fieldless, skipped = rd.skipped }
end

-- The record numbers a reader saw, per host (the lower-case names only:
-- the others are the same sets under the names logs spell).
local function seen_sets(seen)
  local out = {}
  for host, ids in pairs(seen) do
    if host == host:lower() then out[host] = ids end
  end
  return out
end

-- Do two sets of record numbers (of seen_sets) share one?
local function overlap(seen, more)
  for host, ids in pairs(more) do
    local mine = seen[host]
    if mine then
      for k, bits in pairs(ids) do
        local m = mine[k]
        if m ~= nil then
          if type(bits) ~= "number" then return true end
          local a, b = m, bits
          while a > 0 and b > 0 do
            if a % 2 == 1 and b % 2 == 1 then return true end
            a, b = math.floor(a / 2), math.floor(b / 2)
          end
        end
      end
    end
  end
  return false
end

-- Adds more's record numbers to seen (when they share none: bits add).
local function add_seen(seen, more)
  for host, ids in pairs(more) do
    local mine = seen[host]
    if mine == nil then
      seen[host] = ids
    else
      for k, bits in pairs(ids) do
        if type(bits) == "number" then mine[k] = (mine[k] or 0) + bits else mine[k] = bits end
      end
    end
  end
end

-- Part k of n of the file at path (the whole file for 1 of 1), triaged
-- alone with a's filters: its partial triage, what the reader counted and
-- the record numbers it saw, or { error = why }.
local function triage_part(path, a, k, n)
  local events = require "logonerr.events"
  local triage = require "logonerr.events.triage"
  local opts = filter_opts(a)
  opts.part, opts.parts, opts.seen = k, n, {}
  opts.lean = not (a.account or a.source)
  opts.tally = opts.lean
  local rd, why = events.open(path, opts)
  if rd == nil then return { part = k, error = why } end
  local acc = triage.new(triage.DEFAULTS)
  for rec in function() return rd:next() end do acc:add(rec) end
  rd:close()
  if rd.tallied then acc:tally(rd.tallied) end
  return { part = k, triage = acc:state(), reader = reader_stats(rd),
           seen = seen_sets(opts.seen) }
end

-- --state: a worker of -j.  With --claims C, takes the parts of the file
-- (--part's n) no other process has taken, one at a time (C.k claims part
-- k; C is in a folder of the user's own), and writes triage_part's of each
-- to C.k.w (logonerr.events.wire), whole: written as C.k.t and renamed, so
-- that the parent, which merges the parts as they are ready, never reads
-- one half written; and a byte on out, so that a worker whose parent has
-- gone stops (a pipe with no reader) rather than read the rest, as it does
-- once the folder is gone.  Else writes triage_part's of --part on out.
local function worker(a, out)
  local wire = require "logonerr.events.wire"
  local k, n = (a.part or "1/1"):match("^(%d+)/(%d+)$")
  k, n = tonumber(k), tonumber(n)
  if a.claims then
    local claim = require("logonerr.events.read.evtx").claim
    for j = 1, n do
      local at = a.claims .. "." .. j
      local mine = claim(at)
      if mine == nil then return 2 end -- (the folder is gone)
      if mine then
        local text = wire.encode(triage_part(a.files[1], a, j, n))
        local h = io.open(at .. ".t", "wb")
        if h == nil or not h:write(text) or not h:close() or not os.rename(at .. ".t", at .. ".w")
           or not out:write(".") or not out:flush() then
          return 2 -- (the parent reads the part itself)
        end
      end
    end
    return 0
  end
  local res = triage_part(a.files[1], a, k, n)
  out:write(wire.encode(res))
  return res.error and 2 or 0
end

--- Runs the events command; returns the exit status (0 read, 1 a file
-- with nothing readable in it or most records without their fields, 2
-- usage or a file that cannot be read).
function M.run(a, in_, out, err)
  -- Each record makes garbage at once and a few things kept long: Lua
  -- 5.4's generational collector frees the young garbage sooner (a tenth
  -- less peak memory on a 1 GB log, measured); other Luas refuse the option.
  pcall(collectgarbage, "generational")
  if a.state then return worker(a, out) end
  local events = require "logonerr.events"
  local inputs = require "logonerr.events.inputs"
  local json = require "logonerr.json"
  local triage = require "logonerr.events.triage"
  local wire = require "logonerr.events.wire"
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
  -- The report goes to the -o file, opened once the reading is done.
  local function open_output()
    if not a.output then return out end
    local f, why = io.open(a.output, "wb")
    if f == nil then err:write("logonerr: cannot write the report: ", why, "\n") end
    return f
  end
  local logs = inputs.expand(#a.files > 0 and a.files or { "-" }, in_)
  local status = 0
  local files = {} -- per log read: its name and what its readers counted
  -- A reader's counts into the log's (a later part's "event N" counts on
  -- from the parts before it).
  local function fold(f, st)
    for _, x in ipairs(st.skipped) do
      local at = x.event and events.event_at(x.event + f.read, x.record) or x.at
      f.skipped[#f.skipped + 1] = { at = at, reason = x.reason }
    end
    f.read = f.read + st.read
    f.events = f.events + st.events
    f.other_channel = f.other_channel + st.other_channel
    f.duplicates = f.duplicates + st.duplicates
    f.fieldless = f.fieldless + st.fieldless
  end
  -- A log (or a part of one) read here, each record given to take (and
  -- what the reader only counted to tally, when given); false when it
  -- could not be opened (said on err).
  local function read_here(log, f, take, part, parts, tally)
    -- threads for a file read whole; a part is one of several processes
    opts.name, opts.part, opts.parts = log.name, part, parts
    opts.tally = tally ~= nil and opts.lean
    opts.jobs = part and 1 or a.jobs
    local src, why = log.open()
    log.src = src
    local rd
    if src ~= nil then rd, why = events.open(src, opts) end
    if rd == nil then
      if log.in_folder and why and why:find("not a Security event log", 1, true) then
        err:write("logonerr: ", log.name, ": passed over: not a Security event log\n")
      else
        err:write("logonerr: cannot read ", why and (why:find(log.name, 1, true) and why or
                  log.name .. ": " .. why) or log.name, "\n")
        status = 2
      end
      return false
    end
    for rec in function() return rd:next() end do take(rec) end
    rd:close()
    if rd.tallied then tally(rd.tallied) end
    fold(f, reader_stats(rd))
    if type(src) == "table" and src.err then f.rest = src.err end
    return true
  end
  local function done(f)
    for _, s in ipairs(f.skipped) do
      err:write("logonerr: ", f.name, ": skipped ", s.at, ": ", s.reason, "\n")
    end
    if f.rest then -- an archive member cut short
      err:write("logonerr: ", f.name, ": the rest cannot be read: ", f.rest, "\n")
      f.skipped[#f.skipped + 1] = { at = "rest", reason = f.rest }
      status = 2
    end
    if f.events == 0 and #f.skipped > 0 and status == 0 then status = 1 end
    files[#files + 1] = f
  end
  local function new_file(log)
    return { name = log.name, skipped = {}, read = 0, events = 0, other_channel = 0,
             duplicates = 0, fieldless = 0 }
  end

  -- A triage uses no data of events the schema does not know (unless a
  -- filter asks for their account or source): the EVTX reader leaves it.
  opts.lean = not (a.records or a.account or a.source)
  if a.records then -- streamed as they are read, to the -o file too; one process
    local dest = open_output()
    if dest == nil then return 2 end
    local function take(rec) dest:write(json.encode(plain(rec)), "\n") end
    for _, log in ipairs(logs) do
      local f = new_file(log)
      if read_here(log, f, take) then done(f) end
    end
    if dest ~= out then dest:close() end
    return status
  end

  -- The work: each log whole, or an EVTX file in parts (-j).  Plain files
  -- go to workers, up to jobs - 1 ahead of this process, which reads the
  -- rest itself; the parts of a file, to this process and jobs - 1 workers
  -- together (read_shared); everything is merged in order.
  local jobs = a.jobs or 1
  local cmd = jobs > 1 and workers.self_command()
  local work = {}
  for _, log in ipairs(logs) do
    work[#work + 1] = { log = log, parts = (cmd and log.path) and parts_of(log.path, jobs) or 1 }
  end
  if cmd and #work == 1 and work[1].parts == 1 then cmd = nil end
  local acc = triage.new(triage.DEFAULTS)
  -- Memory: what a triage keeps grows with the log, and Lua's collector
  -- lets the heap reach twice what it kept at its last full collection
  -- before it collects again.  A full collection whenever the heap is half
  -- again what was kept holds the peak near what is kept (measured: about a
  -- fifth less on a 1 GB log, for under 2% more time).
  local taken, kept = 0, collectgarbage("count")
  local function hold_down()
    if collectgarbage("count") > 1.5 * kept + 8192 then
      collectgarbage()
      kept = collectgarbage("count")
    end
  end
  -- A full collection while workers still read, when this process has
  -- nothing more to read: the findings then need none of their own unless
  -- more was read here after (settled: what taken was then).
  local settled = -1
  local function settle()
    collectgarbage()
    kept, settled = collectgarbage("count"), taken
  end
  local take = function(rec)
    acc:add(rec)
    taken = taken + 1
    if taken % 65536 == 0 then hold_down() end
  end
  local function tally(t) acc:tally(t) end
  -- A worker's partial triage r (triage_part's) of a log's part taken in
  -- after what was read so far; false for a worker that failed, or a part
  -- holding records that another part or file holds too (which one
  -- process would count once): it is read here instead.
  local function merge(f, r)
    if type(r) ~= "table" or not r.triage or overlap(seen, r.seen) then return false end
    add_seen(seen, r.seen)
    acc:merge(r.triage)
    fold(f, r.reader)
    hold_down()
    return true
  end
  -- What a worker wrote, read once it is done.  While it still reads or
  -- writes, what was read here is sorted, and its garbage goes before
  -- what the worker wrote comes in.
  local function worker_text(h)
    acc:sort()
    settle()
    local text = h:read("*a")
    h:close()
    return text
  end
  local function start(path, part)
    return io.popen(cmd .. " events --state --part " .. part .. " " .. filter_args(a) ..
                    " -- " .. workers.quote(path) .. " 2>/dev/null")
  end
  -- An EVTX file in n parts: this process and up to jobs - 1 workers
  -- (--claims) each take the next part that no one has taken (by making a
  -- file of its own: logonerr.events.read.evtx.claim) until none is left.
  -- The parts are merged in file order as they are ready: between two
  -- parts read here, and as the workers end.  A part this process takes
  -- while one before it is not merged yet is triaged alone, as a worker's
  -- is, and held.  False when the file cannot be read (said on err).  The
  -- claims' folder is removed after, and on an error (an interrupt).
  local function read_shared(log, f, n)
    local evtx = require "logonerr.events.read.evtx"
    local claim, dir = evtx.claim, evtx.folder()
    if dir == nil then return read_here(log, f, take, nil, nil, tally) end -- (no room for claims)
    local claims = dir .. "/part"
    local function clear()
      for k = 1, n do
        for _, x in ipairs({ "", ".w", ".t" }) do os.remove(claims .. "." .. k .. x) end
      end
      os.remove(dir)
    end
    local hs = {}
    for _ = 1, math.min(jobs - 1, n - 1) do
      hs[#hs + 1] = start(log.path, "1/" .. n .. " --claims " .. workers.quote(claims))
    end
    local held, merged, opened = {}, 0, true -- parts 1 .. merged are in acc
    -- Merges the parts ready after those merged; with all (the workers are
    -- done), reads here each a worker did not write or that merge refuses.
    local function merge_ready(all)
      while opened and merged < n do
        local k = merged + 1
        local r = held[k]
        held[k] = nil
        if r == nil then
          local h = io.open(claims .. "." .. k .. ".w", "rb")
          if h then
            r = wire.decode(h:read("*a")) or false
            h:close()
          elseif not all then
            return
          end
        end
        if not merge(f, r) then opened = read_here(log, f, take, k, n, tally) end
        merged = k
      end
    end
    local ok, why = pcall(function()
      for k = 1, n do
        if not opened then break end
        if claim(claims .. "." .. k) then
          if merged == k - 1 then
            opened = read_here(log, f, take, k, n, tally)
            merged = k
          else
            held[k] = triage_part(log.path, a, k, n)
          end
          merge_ready(false)
        end
      end
      -- (a file that could not be read after all: the workers stop at
      -- their next claim)
      if not opened then clear() end
      acc:sort() -- while the workers read: what finish() will sort
      settle()
      for _, h in ipairs(hs) do
        merge_ready(false)
        h:close()
      end
      merge_ready(true)
    end)
    clear()
    if not ok then error(why, 0) end
    return opened
  end
  local ahead = 0 -- workers started and not yet read
  local function start_ahead(i)
    local j = i + 1
    -- (a file in parts takes every process: none are started beyond it)
    while cmd and ahead < jobs - 1 and j <= #work and work[j].parts == 1 do
      local w = work[j]
      if w.log.path and not w.h then
        w.h = start(w.log.path, "1/1")
        ahead = ahead + 1
      end
      j = j + 1
    end
  end
  for i, w in ipairs(work) do
    local f, opened = new_file(w.log), true
    if w.parts > 1 then
      opened = read_shared(w.log, f, w.parts)
      start_ahead(i)
    else
      local merged = false
      if w.h then
        merged = merge(f, wire.decode(worker_text(w.h)))
        ahead = ahead - 1
      end
      start_ahead(i)
      if not merged then opened = read_here(w.log, f, take, nil, nil, tally) end
    end
    if opened then done(f) end
  end

  -- What the reading left behind goes before the findings need room
  -- (what the merges after a settle() left, hold_down() kept bounded).
  if taken ~= settled then collectgarbage() end
  local r = acc:finish()
  if #files == 0 then return status end
  local skipped = {}
  local other, dupes, fieldless, read = 0, 0, 0, 0
  for _, x in ipairs(files) do
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
