--- `logonerr events`: Security event logs read, triaged and reported.
-- logonerr.cli declares the command (without loading this module, which
-- explaining a code does not need) and runs it through run().
-- @module logonerr.events.cli

local workers = require "logonerr.workers"
local excerpt = require("logonerr.escape").excerpt

local M = {}

-- A record as plain data for --records.
local function plain_entry(e)
  if e == nil then return nil end
  return { name = e.name, namespace = e.namespace, code = e.code, hex = e.hex }
end

-- (platform: its log's, which a record read back from --records names
-- itself, so that reading it back again gives that log's report)
local function plain(rec, platform)
  return { id = rec.id, record = rec.record, time = rec.time, computer = rec.computer,
           channel = rec.channel, account = rec.account, source = rec.source,
           failed = rec.failed, success = rec.success, logon_type = rec.logon_type,
           failure_reason = rec.failure_reason, status = plain_entry(rec.status),
           substatus = plain_entry(rec.substatus), code = plain_entry(rec.code),
           data = rec.data, platform = rec.platform or platform }
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

-- -j: the files are read by jobs processes (this one, and this command
-- run again with --state), a big EVTX file in parts, each file or part
-- triaged alone; the partial triages are merged in order, which gives the
-- report one process gives (logonerr.events.triage: merge).  The
-- processes take the files and parts one at a time as they go, so that
-- one the machine runs slower takes fewer: an EVTX file is cut into its
-- share of up to PER_JOB items per process (each item costs its partial
-- triage sent and merged: on 231 MB, 16 parts a process ran 2.4% more
-- instructions than 8, for ends a few ms closer; 4 a process, 1.3% fewer
-- than 8, but one process waited 55 to 95 ms for the other's last part,
-- 5 to 16 ms with 8), of PART_CHUNKS chunks
-- (1 MB) or more on average, a part smaller along its file (the reader's
-- part_start), so that the processes end close together; no more parts
-- than the square root of the file's chunks, so that the last (about
-- chunks / parts^2) holds a chunk or more.  Other files, and more files
-- than that, go whole, one item each.
local PART_CHUNKS, PER_JOB = 16, 8
-- Workers are started only for files of POOL_BYTES or more in all
-- (LOGONERR_POOL_BYTES, where set): a worker's start and what it hands
-- over cost about 25 ms, more than it saves on less (measured, -j 2
-- against one process: 3.4 MB 0.80 times, 5.2 MB 0.88, 9.7 MB 1.02, 19 MB
-- 1.13, 48 MB 1.75).  Less is read here, by the EVTX reader's threads.
local POOL_BYTES = 8 * 1048576

-- POOL_BYTES, or LOGONERR_POOL_BYTES where set; nil and why when that is
-- no whole number of bytes.
local function pool_bytes()
  local v = os.getenv("LOGONERR_POOL_BYTES")
  if v == nil then return POOL_BYTES end
  local n = tonumber(v)
  if not require("logonerr.events.plain").is.count(n) then
    return nil, "LOGONERR_POOL_BYTES must be a whole number of bytes (got '" .. v .. "')"
  end
  return n
end

-- The chunks of an EVTX file at path (nil for any other file, or where
-- EVTX cannot be read: read whole, said as one process says it), and its
-- size in bytes (nil when it cannot be opened).
local function chunks_of(path)
  local f = io.open(path, "rb")
  if f == nil then return nil end
  local head = f:read(8)
  local size = f:seek("end")
  f:close()
  if head ~= "ElfFile\0" or size == nil or
     not require("logonerr.events.read.evtx").available then
    return nil, size
  end
  return math.ceil((size - 4096) / 65536), size
end

-- How many parts to read a file of chunks in with jobs processes, when
-- the files to read hold total chunks: its share of the jobs * PER_JOB
-- items, so that a big file goes in parts and a collection of small logs
-- in files whole.
local function parts_of(chunks, total, jobs)
  if chunks == nil then return 1 end
  return math.max(1, math.min(math.floor(chunks / PART_CHUNKS),
                              math.floor(jobs * PER_JOB * chunks / total),
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

-- Is r, a worker's triage_part read back, one whose reader's counts and
-- record numbers merge() can take in (its triage, acc:merge checks)?
local function usable(r)
  local data = require "logonerr.events.plain"
  if type(r) ~= "table" or not data.fields(r.reader, {
       read = "count", events = "count", other_channel = "count", duplicates = "count",
       fieldless = "count", skipped = "table" }) or type(r.seen) ~= "table" then
    return false
  end
  if not data.list(r.reader.skipped, "table") then return false end
  for _, x in ipairs(r.reader.skipped) do
    if not data.fields(x, { at = "string", reason = "string", event = "count?" }) then
      return false
    end
  end
  -- (the lower-case names alone, as seen_sets sends them)
  for host, ids in pairs(r.seen) do
    if type(host) ~= "string" or host ~= host:lower() or type(ids) ~= "table" then
      return false
    end
    for k, bits in pairs(ids) do
      if not (data.is.count(k) and data.is.count(bits) and bits < 2 ^ 52 or
              type(k) == "string" and bits == true) then
        return false
      end
    end
  end
  return true
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
-- alone: its partial triage (live: to merge in this process, not copied),
-- with a's filters that of the records they keep (filtered), what the
-- reader counted and the record numbers it saw, or { error = why }.
-- sent: what a worker sent of its parts before (triage's state()), of the
-- triage (all) and of the filtered.
local function triage_part(path, a, k, n, live, sent)
  local events = require "logonerr.events"
  local triage = require "logonerr.events.triage"
  local keep = events.filter(filter_opts(a))
  local opts = { part = k, parts = n, seen = {}, lean = keep == nil }
  opts.tally = opts.lean
  local rd, why = events.open(path, opts)
  if rd == nil then return { part = k, error = why } end
  local acc = triage.new(triage.DEFAULTS)
  local accf = keep and triage.new(triage.DEFAULTS)
  acc:reading(rd.format)
  if accf then accf:reading(rd.format) end
  for rec in function() return rd:next() end do
    acc:add(rec)
    if keep and keep(rec) then accf:add(rec) end
  end
  rd:close()
  if rd.tallied then acc:tally(rd.tallied) end
  sent = sent or {}
  return { part = k, triage = acc:state(live, sent.all),
           filtered = accf and accf:state(live, sent.filtered),
           reader = reader_stats(rd), seen = seen_sets(opts.seen) }
end

-- --state: a worker of -j.  With --claims C, takes the items of the pool
-- no other process has taken, one at a time: part k of the i-th file of
-- the list (C.list, which the parent writes: each file's path and parts;
-- or the file given, in --part's n parts) is claimed by making C.i.k (C is
-- in a folder of the user's own); writes triage_part's of each to C.i.k.w
-- (logonerr.events.wire), whole: written as C.i.k.t and renamed, so that
-- the parent, which merges the items as they are ready, never reads one
-- half written; and a byte on out, which tells the parent an item is
-- written and makes a worker whose parent has gone stop (a pipe with no
-- reader) rather than read the rest, as it does once the folder is gone.
-- The parent reads those bytes only while it waits: after DOTS of them (a
-- pipe holds 64 KiB) a worker sends no more, which would block it.  Else
-- writes triage_part's of --part on out.
local DOTS = 32768
local function worker(a, out)
  local wire = require "logonerr.events.wire"
  local k, n = (a.part or "1/1"):match("^(%d+)/(%d+)$")
  k, n = tonumber(k), tonumber(n)
  if a.claims then
    local claim = require("logonerr.events.read.evtx").claim
    local list = { { path = a.files[1], parts = n } }
    if a.files[1] == nil then
      local h = io.open(a.claims .. ".list", "rb")
      list = h and wire.decode(h:read("*a"))
      if h then h:close() end
      if type(list) ~= "table" then return 2 end
    end
    local sent, first, made = 0, nil, 0
    -- (shapes, sums, sources and names learnt are sent once, and what is
    -- counted of them after: the parent merges the parts in order, and
    -- one that cannot take a part reads it itself, which makes the same)
    local given = { all = { shapes = {}, sums = {}, srcs = {}, facts = {} },
                    filtered = { shapes = {}, sums = {}, srcs = {}, facts = {} } }
    for i, x in ipairs(list) do
      for j = 1, x.parts do
        local at = a.claims .. "." .. i .. "." .. j
        local mine = claim(at)
        if mine == nil then return 2 end -- (the folder is gone)
        if mine then
          local res = triage_part(x.path, a, j, x.parts, false, given)
          -- (which worker, the first part it claimed, and how many parts
          -- of it came before: what this one leaves out, they sent)
          first = first or i .. "." .. j
          res.by, res.after = first, made
          if res.triage then made = made + 1 end -- (a part that failed gave nothing)
          local text = wire.encode(res)
          local h = io.open(at .. ".t", "wb")
          if h == nil or not h:write(text) or not h:close() or
             not os.rename(at .. ".t", at .. ".w") then
            return 2 -- (the parent reads the item itself)
          end
          sent = sent + 1
          if sent <= DOTS and not (out:write(".") and out:flush()) then
            return 2 -- (the parent is gone)
          end
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
  local wire = require "logonerr.events.wire"
  -- (the triage, required once -j's workers are started: they start the
  -- sooner; --records needs none)
  local triage
  local seen = {} -- computer -> EventRecordIDs read, across every file
  -- A triage reads every record, and the filters keep what the report's
  -- tables count (keep) and the findings about what they keep (about):
  -- the findings see every record, as a source's failures for other
  -- accounts tell whether one account's are an attack.  --records prints
  -- those the filters keep (the reader's own filters).
  local opts = { seen = seen, jobs = a.jobs }
  -- (--internal tells the findings what is not the internet: records have none)
  if a.records and a.internal and #a.internal > 0 then
    err:write("logonerr: --internal is for the report's findings; --records prints the " ..
              "records alone\n")
    return 2
  end
  -- (records are JSON whatever -f says, so a report's format or template
  -- would be dropped unsaid; -f json is taken, as it says what --records
  -- prints and doc/linux.md's `-f json --records | jq` gives it)
  if a.records and (a.template or a.format and a.format ~= "json") then
    err:write("logonerr: --records prints JSON, one record per line; ",
              a.template and "-t" or "-f " .. a.format, " is for a report\n")
    return 2
  end
  if a.records then
    opts.since, opts["until"], opts.account, opts.source = a.since, a["until"], a.account,
                                                           a.source
  end
  local pool = math.huge -- (bytes from which -j starts workers)
  if (a.jobs or 1) > 1 then
    local bad
    pool, bad = pool_bytes()
    if pool == nil then
      err:write("logonerr: ", bad, "\n")
      return 2
    end
  end
  for _, k in ipairs({ "since", "until" }) do
    local ok, _, wrong = true, nil, nil -- (wrong: what is wrong, apart)
    if a[k] then ok, _, wrong = events.time(a[k]) end
    if not ok then
      -- (no date at all: the example alone says what a date is, where
      -- the parser's "expected YYYY-MM-DD..." would ask for a time and a
      -- zone; what is given shows as its first bytes, escaped)
      if wrong and wrong:find("^expected YYYY") then wrong = nil end
      err:write("logonerr: bad --", k, " time '", excerpt(a[k]), "' (",
                wrong and wrong .. "; " or "",
                "expected e.g. 2024-05-01 or 2024-05-01T13:45:00Z)\n")
      return 2
    end
  end
  -- (an empty range would read everything to match nothing)
  local _, range = events.filter({ since = a.since, ["until"] = a["until"] })
  if range and range.since and range["until"] and range.since > range["until"] then
    err:write("logonerr: --since ", excerpt(a.since), " is after --until ", excerpt(a["until"]),
              ": no event can be in between\n")
    return 2
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
  if a.output == "-" then a.output = nil end -- (as a file to read, - is the standard stream)
  if a.output then
    local ext = a.output:match("%.([%w]+)$")
    fmt = fmt or (ext and EXTENSIONS[ext:lower()])
    if fmt == nil and not a.records then
      err:write("logonerr: cannot tell the report format from the name '", a.output,
                "': end it in .html, .htm, .md, .markdown, .json, .txt or .text, or give -f\n")
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
  local threads = a.jobs -- (the EVTX reader's, for a file read whole)
  local reading -- (the triages told each log's format, once they are made)
  local function read_here(log, f, take, part, parts, tally)
    -- threads for a file read whole; a part is one of several processes
    opts.name, opts.part, opts.parts = log.name, part, parts
    opts.tally = tally ~= nil and opts.lean
    opts.jobs = part and 1 or threads
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
    if reading then reading(rd.format) end
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
  -- When no log was read and nothing said why: what was given is folders
  -- or archives holding none, which is said (exit 2, as for a file in no
  -- known format), so that an empty collection does not pass for a quiet
  -- one.
  local function none_read()
    if #files > 0 or status ~= 0 then return status end
    local given = table.concat(a.files, ", ")
    if #logs == 0 then
      err:write("logonerr: no log to read in ", given, "\n")
    elseif #logs == 1 then
      err:write("logonerr: the one file in ", given, " is not a Security event log\n")
    else
      err:write("logonerr: none of the ", #logs, " files in ", given,
                " is a Security event log\n")
    end
    return 2
  end
  local function new_file(log)
    return { name = log.name, file = log.file or log.name, skipped = {}, read = 0, events = 0,
             other_channel = 0, duplicates = 0, fieldless = 0 }
  end

  -- A triage uses no data of events the schema does not know (unless a
  -- filter asks for their account or source): the EVTX reader leaves it.
  local keep, about = events.filter(filter_opts(a))
  opts.lean = not (a.records or keep)
  if a.records then -- streamed as they are read, to the -o file too; one process
    -- (the -o file opened once a log is read: folders that hold none leave
    -- it as it was, as a report's does)
    local dest, failed
    local function opened()
      if dest == nil and not failed then
        dest = open_output()
        failed = dest == nil
      end
      return dest
    end
    local platform -- (of the log being read)
    reading = function(format) platform = require("logonerr.events.rules").PLATFORM_OF[format] end
    local encode = require("logonerr.json").encode
    local function take(rec)
      local d = opened()
      if d then d:write(encode(plain(rec, platform)), "\n") end
    end
    for _, log in ipairs(logs) do
      local f = new_file(log)
      if read_here(log, f, take) then
        opened()
        done(f)
      end
    end
    if failed then return 2 end
    if dest and dest ~= out then dest:close() end
    return none_read()
  end

  -- The work, in order: each log whole, or an EVTX file in parts
  -- (parts_of).  With -j, the files on disk are items of a pool: this
  -- process and up to jobs - 1 workers (this command run again with
  -- --state --claims, started once) each take the next item, a part or a
  -- file whole, that no one has taken (by making a file of its own:
  -- logonerr.events.read.evtx.claim) until none is left; so a process the
  -- machine runs slower takes fewer, and a collection of small logs is
  -- shared as a big one is.  Items are merged in order as they are ready:
  -- between two items read here, and as the workers end.  An item this
  -- process takes while one before it is not merged yet is triaged alone,
  -- as a worker's is, and held.  A log that is no file on disk (standard
  -- input, an archive's member) is read here once all before it are in.
  local jobs = a.jobs or 1
  local evtx = jobs > 1 and require("logonerr.events.read.evtx")
  -- (the claims are the EVTX reader's: a build without it reads here)
  local cmd = evtx and evtx.claim and workers.self_command()
  local work, list, pooled, total, bytes = {}, {}, 0, 0, 0
  for _, log in ipairs(logs) do
    local w = { log = log, parts = 1, f = new_file(log) }
    if cmd and log.path then
      local size
      w.chunks, size = chunks_of(log.path)
      total, bytes = total + (w.chunks or 0), bytes + (size or 0)
    end
    work[#work + 1] = w
  end
  -- Too little for workers (pool), all read here; and when every log is a
  -- file on disk (its size known), with one thread, as the reader's cost
  -- more than they save there too (3.4 MB: 0.88 times one process with
  -- two, 1.0 with one).
  if bytes < pool then
    local sized = true
    for _, log in ipairs(logs) do sized = sized and log.path ~= nil end
    if cmd and sized then threads = 1 end
    cmd = nil
  end
  for _, w in ipairs(work) do
    if cmd and w.log.path then
      w.parts = parts_of(w.chunks, total, jobs)
      list[#list + 1] = { path = w.log.path, parts = w.parts }
      w.at, pooled = #list, pooled + w.parts
    end
  end
  local dir = pooled > 1 and evtx.folder() or nil
  local claims = dir and dir .. "/part"
  -- The claims' folder, emptied and removed.
  local function clear()
    if dir == nil then return end
    for i, x in ipairs(list) do
      for k = 1, x.parts do
        for _, e in ipairs({ "", ".w", ".t" }) do os.remove(claims .. "." .. i .. "." .. k .. e) end
      end
    end
    os.remove(claims .. ".list")
    os.remove(dir)
  end
  -- What the workers take from: each file's path and parts.
  if dir then
    local ok, wrote = pcall(function()
      local h = io.open(claims .. ".list", "wb")
      if h == nil then return false end
      local all = h:write(wire.encode(list)) ~= nil
      return h:close() and all
    end)
    if not (ok and wrote) then
      clear()
      if not ok then error(wrote, 0) end -- (an interrupt: the folder is gone)
      dir = nil -- (no room for the list: read here)
    end
  end
  local items = {}
  for _, w in ipairs(work) do
    if dir == nil then w.at, w.parts = nil, 1 end
    for k = 1, w.parts do items[#items + 1] = { w = w, k = k } end
  end
  local acc, accf -- (the triage, and what the filters keep: made in new_triage)
  local function new_triage()
    triage = require "logonerr.events.triage"
    -- (the thresholds, and the network's own public blocks for public_source)
    local o = { internal = a.internal }
    for k, v in pairs(triage.DEFAULTS) do o[k] = v end
    acc = triage.new(o)
    accf = keep and triage.new(o)
  end
  reading = function(format)
    acc:reading(format)
    if accf then accf:reading(format) end
  end
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
    if keep and keep(rec) then accf:add(rec) end
    taken = taken + 1
    if taken % 65536 == 0 then hold_down() end
  end
  local function tally(t) acc:tally(t) end
  -- A partial triage r (triage_part's: a worker's, or a live one this
  -- process held) of a log's part taken in after what was read so far;
  -- false for a worker that failed, one whose result is not of the shape
  -- a worker sends (usable, acc:merge's check), or a part holding records
  -- that another part or file holds too (which one process would count
  -- once): it is read here instead.
  local chain = {} -- a worker's (its first claim's) parts taken in as sent, in a row
  local function merge(f, r)
    if not usable(r) or overlap(seen, r.seen) then return false end
    -- (a worker's part leaves out the sources and names learnt its parts
    -- before sent, which this process has only if it took each of them in
    -- as sent: read here, a part's records held elsewhere are skipped)
    if r.by ~= nil and not (type(r.by) == "string" and (chain[r.by] or 0) == r.after) then
      return false
    end
    -- (with filters, the part of what they keep too, both or neither)
    if accf then
      if r.filtered == nil or not triage.check(r.filtered) or not accf:knows(r.filtered) then
        return false
      end
    elseif r.filtered ~= nil then
      return false
    end
    if not acc:merge(r.triage) then return false end
    if accf then assert(accf:merge(r.filtered)) end
    if r.by ~= nil then chain[r.by] = r.after + 1 end
    add_seen(seen, r.seen)
    fold(f, r.reader)
    hold_down()
    return true
  end
  local held, merged = {}, 0 -- items 1 .. merged are in acc (or passed over)
  local hs = {} -- (the workers' pipes)
  -- Item p into acc: its partial triage r (a worker's, or one held here),
  -- or read here when there is none or merge refuses it.  A log is said
  -- once its last item is in; one that cannot be read (said on err by
  -- read_here) is passed over.
  local function take_in(p, r)
    local it = items[p]
    local w = it.w
    merged = p
    if w.failed then return end
    if not merge(w.f, r) and
       not read_here(w.log, w.f, take, w.at and it.k, w.at and w.parts, tally) then
      w.failed = true
      -- (a later part of a file gone since: its parts before are in, and said)
      if it.k > 1 then done(w.f) end
      return
    end
    if it.k == w.parts then done(w.f) end
    -- (with workers, each item put in time order as it comes in, where the
    -- workers' are: finish() is left the last to sort, on one core)
    if #hs > 0 then
      acc:sort()
      if accf then accf:sort() end
    end
  end
  -- Merges the items ready after those merged; with all (the workers are
  -- done), reads here each that no worker wrote.
  local function merge_ready(all)
    while merged < #items do
      local p = merged + 1
      local it = items[p]
      local r = held[p]
      held[p] = nil
      if r == nil and not it.w.failed then
        if it.w.at == nil then
          if not all then return end -- (read here in its turn)
        else
          local h = io.open(claims .. "." .. it.w.at .. "." .. it.k .. ".w", "rb")
          if h then
            r = wire.decode(h:read("*a")) or false
            h:close()
          elseif not all then
            return
          end
        end
      end
      take_in(p, r)
    end
  end
  -- Until items 1 .. p are in: merged as the workers write them (a byte
  -- on a worker's pipe for each, read one worker after the other: an item
  -- the second wrote waits for the first's next byte, a delay only);
  -- once every worker has ended, the rest is read here.
  local function wait_merged(p)
    merge_ready(false)
    local i = 1
    while merged < p and i <= #hs do
      if hs[i]:read(1) then merge_ready(false) else i = i + 1 end
    end
    if merged < p then merge_ready(true) end
  end
  local ok, why = pcall(function()
    if dir then
      for _ = 1, math.min(jobs - 1, pooled - 1) do
        -- (exec: the shell becomes the worker, where it would wait for it)
        hs[#hs + 1] = io.popen("exec " .. cmd .. " events --state --claims " ..
                               workers.quote(claims) .. " " .. filter_args(a) .. " 2>/dev/null")
      end
    end
    new_triage()
    for p, it in ipairs(items) do
      local w = it.w
      if p > merged and not w.failed then
        if w.at == nil then
          wait_merged(p - 1)
          if merged == p - 1 then take_in(p, nil) end
        elseif evtx.claim(claims .. "." .. w.at .. "." .. it.k) then
          if merged == p - 1 then
            take_in(p, nil)
          else
            held[p] = triage_part(w.log.path, a, it.k, w.parts, true)
          end
          merge_ready(false)
        end
      end
    end
    if #hs > 0 then
      acc:sort() -- while the workers read: what finish() will sort
      if accf then accf:sort() end
      settle()
    end
    for _, h in ipairs(hs) do
      merge_ready(false)
      h:close()
    end
    merge_ready(true)
  end)
  clear()
  if not ok then error(why, 0) end

  -- What the reading left behind goes before the findings need room
  -- (what the merges after a settle() left, hold_down() kept bounded).
  if taken ~= settled then collectgarbage() end
  local r
  if accf then -- the tables of what the filters keep, the findings about it
    r = accf:finish(nil, false) -- (of its findings, the log's gaps alone)
    local whole = acc:finish(nil, about)
    for _, x in ipairs(r.findings) do whole.findings[#whole.findings + 1] = x end
    r.findings = triage.rank(whole.findings)
    r.platform, r.platforms = whole.platform, whole.platforms -- (of every log read)
    r.internal = whole.internal -- (what public_source, made from every record, left out)
  else
    r = acc:finish()
  end
  if #files == 0 then return none_read() end
  local skipped = {}
  local other, dupes, fieldless, read = 0, 0, 0, 0
  for _, x in ipairs(files) do
    for _, s in ipairs(x.skipped) do
      skipped[#skipped + 1] = { file = x.file, at = s.at, reason = s.reason }
    end
    other, dupes, fieldless = other + x.other_channel, dupes + x.duplicates,
                              fieldless + x.fieldless
    read = read + x.events
  end
  r.skipped, r.skipped_records = #skipped, skipped
  r.other_channel, r.duplicates = other, dupes
  if a.since or a["until"] or a.account or a.source then
    r.filtered = read - r.events
    -- (a spelling the log does not use looks like a quiet account; the
    -- events about the log itself pass every --account and --source)
    local matched = r.events
    for _, e in ipairs(r.by_event) do
      if events.ABOUT_THE_LOG[e.id] then matched = matched - e.count end
    end
    if matched == 0 and read > 0 then
      local given = {}
      for _, k in ipairs({ "account", "source", "since", "until" }) do
        if a[k] then given[#given + 1] = "--" .. k .. " " .. a[k] end
      end
      err:write("logonerr: no event of the ", read, " read matched ",
                table.concat(given, " "),
                r.events > 0 and " (those kept are about the log itself)" or "", "\n")
    end
  end
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
