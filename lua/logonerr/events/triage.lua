--- Triage: what a set of Security events says is going on.  Counts by
-- event, code and logon type and a timeline here; the accounts as
-- identities, the sources, the logon summary and the findings (each with
-- a severity, a reading and what to check next) in logonerr.events.findings.
-- @module logonerr.events.triage

local address = require "logonerr.events.address"
local findings = require "logonerr.events.findings"
local plain = require "logonerr.events.plain"
local record = require "logonerr.events.record"
local rules = require "logonerr.events.rules"
local schema = require "logonerr.events.schema"
local time = require "logonerr.events.time"
local excerpt = require("logonerr.escape").excerpt

local floor, ceil = math.floor, math.ceil
local error, getmetatable, ipairs, next, pairs, require, select, setmetatable, tostring, type =
      error, getmetatable, ipairs, next, pairs, require, select, setmetatable, tostring, type
local sort = table.sort

local _ENV = nil -- luacheck: ignore 211

local M = {}

--- Default thresholds and windows (logonerr.events.rules; doc/findings.md
-- says why).
M.DEFAULTS = rules.DEFAULTS

--- The data fields a triage reads from a record, of any event: what the
-- schema's decoration reads and what the findings read (a list, sorted).
-- A lean reading (events.open's lean) leaves the others out.
M.FIELDS = schema.fields_read()
do
  local have = {}
  for _, f in ipairs(M.FIELDS) do have[f] = true end
  for _, f in ipairs(findings.DATA) do
    if not have[f] then have[f] = true; M.FIELDS[#M.FIELDS + 1] = f end
  end
  sort(M.FIELDS)
end


-- What a code means to someone reading a logon report: the first clause
-- of the catalogue's summary, written for that reader ("the account
-- exists but the password was wrong"), where the official message may
-- speak of another use of the code (0xC000006A's is about changing a
-- password); the message where there is no summary.
local function meaning_of(c)
  local s = c.summary
  if type(s) ~= "string" or s == "" then return c.message end
  local cut = s:find("[:;] ")
  -- (a clause too short to stand alone, "A warning: ...", keeps the rest)
  if cut == nil or cut <= 14 then return s end
  return s:sub(1, cut - 1)
end

local function add(t, k, n)
  if k ~= nil then t[k] = (t[k] or 0) + (n or 1) end
end

-- The keys of t, most counted first, then in order; the first limit of
-- them.  With a limit, the first so far are kept in order as the keys go
-- by: a sort of all a code's accounts (a domain's thousands) called a Lua
-- comparator n log n times for the 20 shown.
local function keys_by_count(t, limit)
  local list, n = {}, 0
  if limit == nil then
    for k in pairs(t) do n = n + 1; list[n] = k end
    sort(list, function(a, b)
      if t[a] ~= t[b] then return t[a] > t[b] end
      return a < b
    end)
    return list
  end
  for k, c in pairs(t) do
    local y = list[n]
    if n < limit or c > t[y] or (c == t[y] and k < y) then
      if n < limit then n = n + 1 end -- (else the last goes)
      local i = n
      while i > 1 do
        y = list[i - 1]
        local cy = t[y]
        if c > cy or (c == cy and k < y) then list[i] = y; i = i - 1 else break end
      end
      list[i] = k
    end
  end
  return list
end

-- Most first, then by the sort key.
local function by_count(a, b)
  if a.count ~= b.count then return a.count > b.count end
  return (a.sort or "") < (b.sort or "")
end

-- Codes: most first, then by name, namespace and number, so that two codes
-- with one name (Kerberos and Win32 0x99) come out in one order.
local function by_code(a, b)
  if a.count ~= b.count then return a.count > b.count end
  if a.name ~= b.name then return a.name < b.name end
  if (a.namespace or "") ~= (b.namespace or "") then
    return (a.namespace or "") < (b.namespace or "")
  end
  return (a.code or -1) < (b.code or -1)
end

-- A code's key in the counts: its namespace and number (a name can be
-- shared: an unknown code is named by its hex in each namespace).
local function code_key(c)
  return c and (c.namespace .. ":" .. (c.hex or tostring(c.code))) or "none"
end

local ABOUT_THE_LOG = rules.ABOUT_THE_LOG -- (the events about the log itself)

--- How many of each event about the log itself (cleared, stopped, the
-- clock set...) a triage keeps where they are: the earliest, by time then
-- record number, whatever order they are read in (a part of a log at a
-- time, or a log out of order): the log_gaps finding's evidence, so that a
-- responder can find them.
M.GAP_SAMPLES = findings.GAP_SAMPLES

local earlier, gap_facts = findings.earlier_gap, findings.gap_facts

--- Keeps in list an event about the log itself of ID id: its record
-- number, computer and time (text), and what it says of who did it and
-- what (facts: findings.gap_facts'), where it is among the GAP_SAMPLES
-- earliest of its ID (of its ID and alarm: a person's removal of logon
-- auditing is kept, however many routine 4719s came before it).
function M.keep_gap(list, id, number, computer, t, facts)
  -- (a record number a log gave that is no number at all is left out)
  if not plain.is.count(number) then number = nil end
  local g = { id = id, record = number, computer = computer, time = t }
  if facts then
    g.account, g.logon_id, g.subcategory = facts.account, facts.logon_id, facts.subcategory
    g.changes, g.alarm = facts.changes, facts.alarm
  end
  local n, latest = 0, nil -- (how many of its ID, and the latest of them)
  for i = 1, #list do
    local x = list[i]
    if x.id == id and x.alarm == g.alarm then
      n = n + 1
      if latest == nil or earlier(list[latest], x) then latest = i end
    end
  end
  if n < M.GAP_SAMPLES then
    list[#list + 1] = g
  elseif earlier(g, list[latest]) then
    list[latest] = g
  end
end
local keep_gap = M.keep_gap

-- Bucket sizes for the timeline: the smallest that gives at most 48.
local BUCKETS = { 1, 5, 10, 30, 60, 300, 900, 3600, 6 * 3600, 86400, 7 * 86400, 30 * 86400 }

-- ft, fk: the times and code keys of the failures with a time (two lists,
-- not a table each: a log can hold millions); codes: { key, name,
-- namespace, code } in the order of by_code.  Rows count failures by code
-- key.
local function timeline(ft, fk, codes)
  if #ft == 0 then return { bucket = 0, codes = {}, rows = {} } end
  local lo, hi = ft[1], ft[1]
  for i = 2, #ft do
    local t = ft[i]
    if t < lo then lo = t elseif t > hi then hi = t end
  end
  local size = BUCKETS[#BUCKETS]
  for _, b in ipairs(BUCKETS) do
    if (hi - lo) / b < 48 then size = b; break end
  end
  -- Beyond 48 months (a FILETIME of 0 is 1601): whole days, still 48 rows.
  if (hi - lo) / size >= 48 then size = ceil((hi - lo) / 48 / 86400) * 86400 end
  local start = floor(lo / size) * size
  local rows = {}
  for i = 0, floor((hi - start) / size) do
    rows[i + 1] = { time = time.iso(start + i * size), counts = {}, total = 0 }
  end
  for i = 1, #ft do -- (add() written out: once per failure)
    local row, k = rows[floor((ft[i] - start) / size) + 1], fk[i]
    if k ~= nil then
      local counts = row.counts
      counts[k] = (counts[k] or 0) + 1
    end
    row.total = row.total + 1
  end
  return { bucket = size, codes = codes, rows = rows }
end

--- The report of recs: a list of records, an iterator over them, or a
-- reader from events.open (whose skipped records the report counts).
-- opts: the thresholds and window of M.DEFAULTS.
function M.triage(recs, opts)
  local events = require "logonerr.events"
  if opts ~= nil and type(opts) ~= "table" or events.is_reader(opts) then
    error("bad argument #2 to 'triage' (options table expected, got " ..
          (events.is_reader(opts) and "a reader: pass the reader as argument #1" or
           type(opts)) .. ")", 2)
  end
  local o = {}
  for k, v in pairs(M.DEFAULTS) do o[k] = v end
  for k, v in pairs(opts or {}) do
    -- internal: a network's own public IPv4 blocks, as CIDR texts
    if k == "internal" then
      local why = type(v) ~= "table" and "a list of IPv4 blocks, got " .. type(v)
      for _, b in ipairs(type(v) == "table" and v or {}) do
        why = why or select(2, address.block(b))
      end
      if why then error("bad argument #2 to 'triage' (option 'internal': " .. why .. ")", 2) end
    -- Every other option is a threshold or a window: a positive number.
    elseif M.DEFAULTS[k] == nil then
      error("bad argument #2 to 'triage' (unknown option '" .. tostring(k) .. "')", 2)
    elseif type(v) ~= "number" or v ~= v or v <= 0 then
      error("bad argument #2 to 'triage' (option '" .. k ..
            "' must be a positive number, got " .. tostring(v) .. ")", 2)
    end
    o[k] = v
  end
  local iter, state, reader = recs, nil, nil
  if events.is_reader(recs) then
    reader = recs
    iter, state = reader.next, reader -- called as reader:next()
  elseif type(recs) == "table" and getmetatable(recs) == nil then
    local i = 0
    iter = function() i = i + 1; return recs[i] end
  elseif type(recs) ~= "function" then
    error("bad argument #1 to 'triage' (list of records, iterator or reader " ..
          "expected, got " .. type(recs) .. ")", 2)
  end
  local acc = M.new(o)
  if reader and reader.format then acc:reading(reader.format) end
  for rec in iter, state do acc:add(rec) end
  if reader and reader.tallied then acc:tally(reader.tallied) end
  return acc:finish(reader)
end

------------------------------------------------------------ accumulator

local ACC = {}
ACC.__index = ACC
local UNSET = {}

--- A triage fed one record at a time (acc:add(rec)), whose partial state
-- (acc:state(), plain data) another can take in (acc:merge(state)) as if
-- it had read those records after its own: how `events -j` splits a log.
-- o: the checked options (thresholds and windows).  (at: the platform
-- the last record taken named, nil for none, UNSET before a log's first.)
function M.new(o)
  return setmetatable({ r = { events = 0, failures = 0, skipped = 0 }, ids = {}, codes = {},
                        types = {}, ft = {}, fk = {}, n = 0, found = findings.new(o),
                        platforms = {}, gaps = {}, at = UNSET }, ACC)
end

-- The readers whose records may each name their own platform: a JSON
-- stream may be what --records printed of a Samba or an MIT log, or of
-- several logs.  Their own platform counts as read once a record that
-- names none is taken; another reader's, once the log is opened.
local NAMED_BY_RECORD = { json = true }

--- Says which log the records taken from now on come from, by its
-- reader's format (reader.format: "evtx", "mit-kdc"...): their findings
-- give that platform's advice (rules.PLATFORM_OF), and the report names
-- the platforms read.  Records taken before any is said are Windows'.
-- A record that names its own platform (rec.platform: one --records
-- printed, read back) is that platform's whatever its log's.
function ACC:reading(format)
  local p = rules.PLATFORM_OF[format]
  if p == nil then
    error("bad argument #1 to 'reading' (a reader's format expected, got " ..
          (type(format) == "string" and "'" .. format .. "'" or type(format)) .. ")", 2)
  end
  self.log_platform, self.at = p, UNSET
  if not NAMED_BY_RECORD[format] then self.platforms[p] = true end
  self.found:reading(p)
end

-- The records from now on are of platform p, the one a record names, or
-- (nil) their log's: add() calls it where a record's differs from the
-- last record's, so that the records of a log that name none cost one
-- look-up each.  (unsaid: records were taken with no platform said.)
local function switch(self, p)
  if p ~= nil and rules.PLATFORMS[p] == nil then
    -- (a text as its first bytes, escaped, as the JSON reader's skips say it)
    error("bad argument #1 to 'add' (a record whose platform is " ..
          (type(p) == "string" and "'" .. excerpt(p) .. "'" or "a " .. type(p)) ..
          ", not one logonerr reads: mit, samba or windows)", 3)
  end
  self.at = p
  p = p or self.log_platform
  if p then self.platforms[p] = true else self.unsaid = true end
  self.found:reading(p or "windows")
end

--- Takes one record (decorated).  A script's own record may be anything:
-- what is not a table, or whose ID, account or computer is NaN (no
-- reader makes one; each is a key of the tables the triage keeps), is
-- refused with its reason, before the triage takes any of it.
function ACC:add(rec)
  if type(rec) ~= "table" then
    error("bad argument #1 to 'add' (a record expected, got " .. type(rec) .. ")", 2)
  end
  local id, account, computer = rec.id, rec.account, rec.computer
  if id ~= id or account ~= account or computer ~= computer then
    error("bad argument #1 to 'add' (a record whose " ..
          (id ~= id and "id" or account ~= account and "account" or "computer") ..
          " is NaN)", 2)
  end
  local p = rec.platform
  if p ~= self.at then switch(self, p) end
  local r = self.r
  self.n = self.n + 1
  r.events = r.events + 1
  local ids = self.ids
  ids[id] = (ids[id] or 0) + 1
  if ABOUT_THE_LOG[id] then
    keep_gap(self.gaps, id, rec.record, rec.computer, rec.time, gap_facts(id, rec.data))
  end
  self.found:add(rec, schema.of(id))
  local t = rec.time
  if t then
    if r.first == nil or t < r.first then r.first = t end
    if r.last == nil or t > r.last then r.last = t end
  end
  if rec.failed then
    r.failures = r.failures + 1
    local c = rec.code
    local key = code_key(c)
    -- The timeline needs of a failure its time and code only; a record
    -- with no time has no place in it.
    if rec.seconds then
      local k = #self.ft + 1
      self.ft[k], self.fk[k] = rec.seconds, key
    end
    local bc = self.codes[key]
    if bc == nil then
      bc = { entry = c, count = 0, accounts = {} }
      self.codes[key] = bc
    end
    bc.count = bc.count + 1
    if t and (bc.first == nil or t < bc.first) then bc.first = t end
    if t and (bc.last == nil or t > bc.last) then bc.last = t end
    add(bc.accounts, rec.account)
    if rec.logon_type then
      local lt = rec.logon_type
      local bt = self.types[lt.number]
      if bt == nil then
        bt = { logon_type = lt.number, name = lt.name, count = 0 }
        self.types[lt.number] = bt
      end
      bt.count = bt.count + 1
    end
  end
end

--- Takes in what a reader counted instead of giving the records
-- (events.open's tally): events the schema does not know, which a triage
-- only counts by ID and within its first and last time.
function ACC:tally(t)
  local r, ids = self.r, self.ids
  self.n = self.n + t.n
  r.events = r.events + t.n
  for id, c in pairs(t.ids) do ids[id] = (ids[id] or 0) + c end
  for _, g in ipairs(t.gaps or {}) do keep_gap(self.gaps, g.id, g.record, g.computer, g.time, g) end
  if t.first ~= nil and (r.first == nil or t.first < r.first) then r.first = t.first end
  if t.last ~= nil and (r.last == nil or t.last > r.last) then r.last = t.last end
end

local function min(a, b) if a == nil or (b ~= nil and b < a) then return b end return a end
local function max(a, b) if a == nil or (b ~= nil and b > a) then return b end return a end

--- What was counted so far, as plain data for merge(); live: for merge()
-- in this process alone, the failures' lists and the findings' collector
-- as they are, not copied (this accumulator is then done with).  sent:
-- what states given before to the same triage held, which this one gives
-- by their keys alone (the findings' state()).
function ACC:state(live, sent)
  local codes = {}
  for key, bc in pairs(self.codes) do
    local c = bc.entry
    codes[key] = { namespace = c and c.namespace, code = c and c.code, count = bc.count,
                   first = bc.first, last = bc.last, accounts = bc.accounts }
  end
  -- The failures' code keys as numbers into a list of the few there are:
  -- a list of numbers goes over the wire at once.
  local keys, fk = nil, self.fk
  if not live then
    local number = {}
    keys, fk = {}, {}
    for i, key in ipairs(self.fk) do
      local k = number[key]
      if k == nil then
        k = #keys + 1
        keys[k], number[key] = key, k
      end
      fk[i] = k
    end
  end
  local r = self.r
  local platforms = {}
  for p in pairs(self.platforms) do platforms[#platforms + 1] = p end
  return { events = r.events, failures = r.failures, first = r.first, last = r.last,
           n = self.n, ids = self.ids, codes = codes, types = self.types, ft = self.ft,
           fk = fk, fk_keys = keys, found = live and self.found or self.found:state(sent),
           platforms = platforms, unsaid = self.unsaid, gaps = self.gaps }
end

--- Sorts what was taken so far, as finish() will need it: work to do
-- while waiting for another part.
function ACC:sort()
  self.found:sort()
end

local FIELDS = { events = "count", failures = "count", first = "string?", last = "string?",
                n = "count", ids = "table", codes = "table", types = "table", ft = "table",
                fk = "table", fk_keys = "table", found = "table", platforms = "table",
                unsaid = "boolean?", gaps = "table" }
local GAP = { id = "count", record = "count?", computer = "scalar?", time = "string?",
              account = "string?", logon_id = "string?", subcategory = "string?",
              changes = "string?", alarm = "boolean?" }
local CODE = { namespace = "string?", code = "count?", count = "count", first = "string?",
               last = "string?", accounts = "table" }
local TYPE = { logon_type = "count", name = "string?", count = "count" }

--- Is st a state() that merge() can take in, whole?  A live one is (it
-- never left this process); else false and what is wrong with it.
function M.check(st)
  if type(st) == "table" and findings.live(st.found) then return true end
  if not plain.fields(st, FIELDS) then return false, "its fields" end
  if not plain.map(st.ids, "count", "count") then return false, "its counts by event" end
  -- (each code under the key add() gives it, each type under its number)
  for key, c in pairs(st.codes) do
    if not (type(key) == "string" and plain.fields(c, CODE, true) and
            (c.code == nil) == (c.namespace == nil) and (c.code or 0) <= 0xFFFFFFFF and
            plain.map(c.accounts, "string", "count")) then
      return false, "its codes"
    end
    local entry = c.code and record.entry(c.code, c.namespace == "kerberos")
    if key ~= code_key(entry) or (entry and entry.namespace ~= c.namespace) then
      return false, "its codes"
    end
  end
  for lt, t in pairs(st.types) do
    if not (plain.fields(t, TYPE, true) and t.logon_type == lt) then
      return false, "its logon types"
    end
  end
  local keys, fk = st.fk_keys, st.fk
  if not (plain.list(keys, "string") and plain.list(st.ft, "seconds") and
          plain.places(fk, #st.ft, #keys)) then
    return false, "its failures' times"
  end
  for i = 1, #keys do
    if st.codes[keys[i]] == nil then return false, "its failures' times" end
  end
  -- (the events about the log itself, GAP_SAMPLES of an ID and alarm at
  -- most; an alarm is true or not there, as keep_gap tells them apart)
  if not plain.list(st.gaps, "table") then return false, "its events about the log" end
  local per = {}
  for _, g in ipairs(st.gaps) do
    if not (plain.fields(g, GAP, true) and ABOUT_THE_LOG[g.id] and g.alarm ~= false) then
      return false, "its events about the log"
    end
    -- (an alarm is a 4719 that names who, what and how, as the advice
    -- says them; a logon ID as the findings write one)
    if (g.alarm and not (g.id == 4719 and g.account and g.subcategory and g.changes)) or
       (g.logon_id ~= nil and findings.logon_id(g.logon_id) ~= g.logon_id) then
      return false, "its events about the log"
    end
    local k = g.alarm and -g.id or g.id
    per[k] = (per[k] or 0) + 1
    if per[k] > M.GAP_SAMPLES then return false, "its events about the log" end
  end
  if not plain.list(st.platforms, "string") then return false, "its platforms" end
  for _, p in ipairs(st.platforms) do
    if rules.PLATFORMS[p] == nil then return false, "its platforms" end
  end
  local ok, why = findings.check(st.found)
  if not ok then return false, "its findings' " .. why:gsub("^its ", "") end
  return true
end

--- Has this triage the findings' shapes and sums that st, a state()
-- check() passes, gives as sent before?
function ACC:knows(st)
  return self.found:knows(st.found)
end

--- Takes in another triage's state(), as if its records came after these;
-- refuses one that check() does not pass, or that names shapes sent
-- before that this one has not (knows()), with nil and why, taking in none
-- of it.
function ACC:merge(st)
  local ok, why = M.check(st)
  if not ok then return nil, "not a partial triage: " .. why end
  if not self:knows(st) then
    return nil, "not a partial triage: its findings' shapes or sums sent before, which " ..
                "this has not"
  end
  local r = self.r
  r.events, r.failures = r.events + st.events, r.failures + st.failures
  r.first, r.last = min(r.first, st.first), max(r.last, st.last)
  self.n = self.n + st.n
  for id, c in pairs(st.ids) do add(self.ids, id, c) end
  for key, sc in pairs(st.codes) do
    local bc = self.codes[key]
    if bc == nil then
      bc = { entry = sc.code and record.entry(sc.code, sc.namespace == "kerberos"),
             count = 0, accounts = {} }
      self.codes[key] = bc
    end
    bc.count = bc.count + sc.count
    bc.first, bc.last = min(bc.first, sc.first), max(bc.last, sc.last)
    for a, c in pairs(sc.accounts) do add(bc.accounts, a, c) end
  end
  for lt, st_ in pairs(st.types) do
    local bt = self.types[lt]
    if bt == nil then
      bt = { logon_type = st_.logon_type, name = st_.name, count = 0 }
      self.types[lt] = bt
    end
    bt.count = bt.count + st_.count
  end
  local ft, fk, sft, sfk, keys = self.ft, self.fk, st.ft, st.fk, st.fk_keys
  local base = #ft
  for i = 1, #sft do
    local key = sfk[i]
    if keys then key = keys[key] end -- (numbered on the wire; a live state's are keys)
    ft[base + i], fk[base + i] = sft[i], key
  end
  for _, p in ipairs(st.platforms) do self.platforms[p] = true end
  if st.unsaid then self.unsaid = true end -- (records that said no platform: Windows')
  for _, g in ipairs(st.gaps) do keep_gap(self.gaps, g.id, g.record, g.computer, g.time, g) end
  self.found:merge(st.found)
  return true
end

--- Sorts findings in the order a report gives them (severity first).
M.rank = findings.rank

--- The report (reader: the events.open reader whose skipped records it
-- counts, if any; about: only the findings about an account, source or
-- span of time, as logonerr.events.filter gives them: the findings
-- made from every record taken, kept when they name that account or
-- source and overlap that span, and no log_gaps, which the triage of the
-- records the filters keep makes; false: of the findings, the log_gaps
-- alone, as that triage needs).  Its platform: the one whose logs the
-- records came from (reading()), "windows" by default, or "mixed" with
-- platforms, their list; each finding gives its own records' advice.
function ACC:finish(reader, about, ...)
  if select("#", ...) > 0 then
    error("bad argument #3 to 'finish' (none expected: acc:reading(format) says the records' " ..
          "platform)", 2)
  end
  if about ~= nil and about ~= false and
     (type(about) ~= "table" or
      (about.account ~= nil and type(about.account_is) ~= "function")) then
    error("bad argument #2 to 'finish' (what logonerr.events.filter gives expected, got " ..
          (type(about) == "table" and "a table without its test of an account" or type(about)) ..
          ")", 2)
  end
  -- (a reader's records taken with no word of its format: its platform;
  -- beside records that named theirs, Windows')
  if reader and next(self.platforms) == nil and rules.PLATFORM_OF[reader.format or ""] then
    local p = rules.PLATFORM_OF[reader.format]
    self.platforms[p] = true
    self.found:label(p)
  elseif self.unsaid and next(self.platforms) ~= nil then
    self.platforms.windows = true
  end
  local r = self.r
  local platforms = {}
  for p in pairs(self.platforms) do platforms[#platforms + 1] = p end
  sort(platforms)
  r.platform = #platforms > 1 and "mixed" or platforms[1] or "windows"
  r.platforms = #platforms > 1 and platforms or nil
  local ids, codes, types, ft, fk, found = self.ids, self.codes, self.types, self.ft, self.fk,
                                           self.found
  if reader then
    r.skipped = #reader.skipped
    r.skipped_records = reader.skipped
    r.format = reader.format
  end
  r.by_event = {}
  for id, c in pairs(ids) do
    r.by_event[#r.by_event + 1] = { id = id, count = c, what = schema.of(id).name, sort = id }
  end
  sort(r.by_event, by_count)
  r.by_code = {}
  for _, bc in pairs(codes) do
    local c = bc.entry
    r.by_code[#r.by_code + 1] = {
      name = c and c.name or "(no code)", namespace = c and c.namespace,
      code = c and c.code, hex = c and c.hex, message = c and c.message,
      meaning = c and meaning_of(c),
      count = bc.count, first = bc.first, last = bc.last,
      accounts = keys_by_count(bc.accounts, 20), key = code_key(c) }
  end
  sort(r.by_code, by_code)
  r.by_logon_type = {}
  for _, bt in pairs(types) do
    bt.sort = bt.logon_type
    r.by_logon_type[#r.by_logon_type + 1] = bt
  end
  sort(r.by_logon_type, by_count)

  local tcodes = {}
  for i, bc in ipairs(r.by_code) do
    tcodes[i] = { key = bc.key, name = bc.name, namespace = bc.namespace, code = bc.code }
    bc.key = nil
  end
  r.timeline = timeline(ft, fk, tcodes)
  self.ft, self.fk = {}, {} -- done with: the findings need the room

  -- Accounts as identities, sources as one name per host, findings and
  -- the logon summary: logonerr.events.findings.
  local x = found:finish(ids, about, self.gaps)
  r.by_account, r.by_source, r.logon_summary = x.by_account, x.by_source, x.logon_summary
  r.domains, r.findings, r.internal = x.domains, x.findings, x.internal
  -- The sort keys were for ties only.
  for _, list in ipairs({ r.by_event, r.by_code, r.by_logon_type }) do
    for _, item in ipairs(list) do item.sort = nil end
  end
  return r
end

return M
