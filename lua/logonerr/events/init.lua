--- Security events: the logs where logon failures live, read one record at
-- a time and triaged.  The input's shape is told from its content (EVTX,
-- event XML, JSON), in UTF-8 or UTF-16; what an event means is in
-- logonerr.events.schema.
--
--     local events = require "logonerr.events"
--     for rec in events.records("Security.evtx") do print(rec.id, rec.code) end
--     local report = events.triage(events.open("Security.evtx"))
--
-- @module logonerr.events

local address = require "logonerr.events.address"
local excerpt = require("logonerr.escape").excerpt
local memo = require "logonerr.events.memo"
local record = require "logonerr.events.record"
local rules = require "logonerr.events.rules"
local schema = require "logonerr.events.schema"
local time = require "logonerr.events.time"
local json = require "logonerr.json"
local textsource = require "logonerr.textsource"
local read_evtx = require "logonerr.events.read.evtx"

local error, getmetatable, io_open, ipairs, next, os_remove, os_tmpname, pairs, require,
      setmetatable, tostring, type =
      error, getmetatable, io.open, ipairs, next, os.remove, os.tmpname, pairs, require,
      setmetatable, tostring, type
local find, format, gsub, lower, match, sub =
      string.find, string.format, string.gsub, string.lower, string.match, string.sub

local _ENV = nil -- luacheck: ignore 211

local M = {}

--- Bytes read at a time.
M.CHUNK = textsource.CHUNK
--- The longest event (XML), JSON line or JSON array item read whole; past
-- it, the event is skipped as damaged.
M.MAX_EVENT = 16 * 1048576

--- Can this build read EVTX files (logonerr.evtx, logonerr's own reader)?
M.evtx = read_evtx.available
--- Can it read event XML (logonerr.eventxml, built with libexpat)?
-- (M.xml, looked up when asked: the text logs' readers are loaded for a
-- text log alone, which spares an EVTX triage and each -j worker their
-- start)
setmetatable(M, { __index = function(_, k)
  if k == "xml" then return require("logonerr.events.read.xml").available end
end })
--- The JSON library in use ("lua-cjson" or "dkjson").
M.json_library = json.library

--- The schema: what each event ID means (logonerr.events.schema).
M.schema = schema
--- Time in seconds and canonical form, as logs write it.
M.time = time.time

--- Events whose Status is a Kerberos result code (from the schema).
M.KERBEROS = setmetatable({}, { __index = function(_, id)
  local ev = schema.events[id]
  return ev ~= nil and ev.code_fields ~= nil and ev.code_fields.Status == "kerberos"
    or nil
end })

-- The events that say the log itself misses something (a clear, a full
-- log: the log_gaps finding's).  They pass --account and --source, as
-- they tell whether that account's or source's records are all there.
local ABOUT_THE_LOG = rules.ABOUT_THE_LOG
--- Those events' IDs, as a set.
M.ABOUT_THE_LOG = ABOUT_THE_LOG

-- The events a lean EVTX reading gives with their data: the schema's, and
-- those about the log itself whose Subject says who cleared it or changed
-- its auditing or its clock (1100, 1101, 1104 and 1108 name no one: they
-- stay counted, as a record with its data costs what any other does).
local WITH_DATA = { [1102] = true, [4719] = true, [4616] = true }
for id in pairs(schema.events) do WITH_DATA[id] = true end

-- An account's user and domain, lower-cased, from DOMAIN\user,
-- user@domain or user (no domain: nil).
local user_domain = memo.two(function(s)
  s = lower(s)
  local d, u = match(s, "^(.*)\\([^\\]*)$")
  if u == nil then u, d = match(s, "^([^@]*)@(.+)$") end
  if u == nil then return s, nil end
  return u, d ~= "" and d or nil
end)

-- The test of an account spelling for --account a: the same user, and
-- where both name a domain, the same one, or one whose first label is
-- the other's (CORP for corp.example.com: a NetBIOS name and its DNS
-- domain are named so, as an account's spellings mix them).
local function account_test(a)
  local user, domain = user_domain(a)
  local label = domain and match(domain, "^[^.]*")
  return function(spelling)
    local u, d = user_domain(spelling)
    if u ~= user then return false end
    return domain == nil or d == nil or d == domain or match(d, "^[^.]*") == label
  end
end

-- --source s as records give sources (record.lua): an address written as
-- an IPv4-mapped one as the IPv4, a loopback address "local", a
-- workstation without its \\; lower-cased.
local function source_of(s)
  if address.is_local(s) then return "local" end
  return lower((gsub(address.ip(s) or s, "^\\\\+", "")))
end

-- Why the --source value v names nothing (see filter_value), or nil and
-- the IPv4 block it is, where it is one (address.block's), so that the
-- filters use the block the check read.
local function source_value(v)
  local s = match(gsub(v, "^%s*\\\\+", ""), "^%s*(.-)%s*$")
  if s == "-" then
    return "names no address or workstation (- is what a log writes for none; " ..
           "the attempts made on the machine itself are --source local)"
  elseif match(source_of(v), "^%s*$") then
    return v == "" and "is empty" or "names no address or workstation"
  elseif match(s, "^[%x:.]+/%d+$") then -- (a block: --internal's kind, IPv4)
    if match(s, ":") then
      return "is a block of IPv6 addresses: --source takes an IPv4 block, or one address"
    end
    local b, why = address.block(s)
    if b == nil then return (gsub(why, "^'[^']*' ", "")) end
    return nil, b
  end
  return nil
end

--- Why the --account or --source value v (k: "account" or "source")
-- names nothing, or nil when it names something.  A record without an
-- account or source is tested as "", so an empty name, or a domain with no
-- user (CORP\, @corp.example), would keep the records that name none; and
-- no record names the user or workstation "-" (Windows' word for none) or
-- a user@ with no domain, so those would keep nothing, as if the account
-- or source were quiet.  A --source block (10.0.0.0/24) is taken where
-- address.block takes it, and refused with its why where not (IPv6, an
-- address inside it, wider than a /8).
function M.filter_value(k, v)
  local expected = " (expected DOMAIN\\user, user@domain or the user alone)"
  if k == "account" then
    -- (user_domain keeps the @ of "bob@" in the user)
    local user = user_domain(v)
    local domainless = match(user, "^(.-)@%s*$")
    if match(domainless or user, "^%s*%-?%s*$") then
      return v == "" and "is empty" or "names no user" .. expected
    end
    if domainless then return "names no domain after its @" .. expected end
  elseif k == "source" then
    return (source_value(v))
  end
  return nil
end

-- Does a record pass the filters of o (since, until, account, source)?
local function wanted(rec, o)
  if o.since and (rec.time == nil or rec.time < o.since) then return false end
  if o["until"] and (rec.time == nil or rec.time > o["until"]) then return false end
  if ABOUT_THE_LOG[rec.id] then return true end
  if o.account and not o.account_is(rec.account or "") then return false end
  if o.source and lower(rec.source or "") ~= o.source then return false end
  if o.source_in and not o.source_in(rec.source) then return false end
  return true
end

-- opts.since / until as canonical times, account and source lower-cased.
local function filters(opts)
  local o = {}
  for _, k in ipairs({ "since", "until" }) do
    local v = opts[k]
    if v ~= nil then
      local secs, t = time.time(v)
      if secs == nil then
        error(format("bad option '%s' (not a time: '%s'; expected e.g. " ..
                     "2024-05-01, 2024-05-01T13:45:00Z)", k, tostring(v)), 3)
      end
      o[k] = t
    end
  end
  if o["until"] and #opts["until"] <= 10 then -- a date alone: the whole day
    o["until"] = sub(o["until"], 1, 11) .. "23:59:59.999999Z"
  end
  local block -- (a --source block, as the check read it)
  for _, k in ipairs({ "account", "source" }) do
    local why
    if k == "source" and opts.source ~= nil then
      why, block = source_value(opts.source)
    elseif opts[k] ~= nil then
      why = M.filter_value(k, opts[k])
    end
    if why then error(format("bad option '%s' ('%s' %s)", k, opts[k], why), 3) end
  end
  -- (" alice", as a pasted name may come: alice, as a source is read)
  local account = opts.account and match(opts.account, "^%s*(.-)%s*$")
  o.account = account and lower(account)
  o.account_is = account and account_test(account)
  -- (a block of addresses: a test of a record's source, as of a finding's)
  if block then
    o.source_in = function(src) return address.in_block(block, src) end
  else
    o.source = opts.source and source_of(opts.source)
  end
  o.any = o.since ~= nil or o["until"] ~= nil or o.account ~= nil or o.source ~= nil or
          o.source_in ~= nil
  return o
end

--- The filters of opts (since, until, account, source, as open() takes
-- them): a test of a record (nil when there is none), and the filters as
-- triage's finish() takes them to keep the findings about them.
function M.filter(opts)
  local o = filters(opts)
  if not o.any then return nil end
  return function(rec) return wanted(rec, o) end, o
end

---------------------------------------------------------------- reader

local READER = {}
READER.__index = READER

--- Is r a reader that open() returned?
function M.is_reader(r)
  return type(r) == "table" and getmetatable(r) == READER
end

--- Where the n-th record a reader read is, in a skip's message (its
-- EventRecordID as the log wrote it: cut short and escaped).
function M.event_at(n, number)
  return format("event %d%s", n, number and " (EventRecordID " .. excerpt(number) .. ")" or "")
end

--- Counts a record that was skipped, with where it was and why.
function READER:skip(at, reason)
  local list = self.skipped
  list[#list + 1] = { at = at, reason = reason }
end

-- Is rec from a channel whose events count: Security, and ForwardedEvents
-- carrying what the Security log wrote?  An export that names no channel
-- is taken at its word.
local function counts_channel(ch, provider)
  ch = lower(ch)
  if ch == "security" then return true end
  if ch ~= "forwardedevents" then return false end
  local p = type(provider) == "string" and lower(provider) or nil
  return p == nil or find(p, "security-auditing", 1, true) ~= nil or
         p == "microsoft-windows-eventlog"
end

-- The answer per channel and provider, remembered: a log names a few (at
-- most 256 pairs are kept, so that a log of many cannot grow it).
local counted_of, ncounted = {}, 0
local NONE = {} -- the key of no provider
local last_ch, last_p, last_c -- the pair asked last: a log repeats it
local function counted_channel(ch, p)
  if type(ch) ~= "string" or ch == "" then return true end
  if type(p) ~= "string" then p = NONE end
  if ch == last_ch and p == last_p then return last_c end
  local of_ch = counted_of[ch]
  local c = of_ch and of_ch[p]
  if c == nil then
    c = counts_channel(ch, p ~= NONE and p or nil)
    if ncounted < 256 then
      if of_ch == nil then of_ch = {}; counted_of[ch] = of_ch end
      of_ch[p], ncounted = c, ncounted + 1
    end
  end
  last_ch, last_p, last_c = ch, p, c
  return c
end

-- Record numbers seen, per host, as bits: 52 numbers to a table entry
-- (exact in a double, so every Lua counts the same), since a log of
-- millions of records would otherwise hold an entry for each.  Numbers that
-- are not whole and at least 0 are kept as they are.
local BITS = 52
local POW = {}
for b = 0, BITS - 1 do POW[b] = 2 ^ b end

-- Was a record of computer c and EventRecordID n read already (by this
-- reader, or by any reader sharing opts.seen)?  Marks it read.
local function seen_before(seen, c, n)
  if type(n) ~= "number" then return false end
  local ids = seen[c] -- (keys are texts: a c found is one)
  if ids == nil then ids = seen[type(c) == "string" and c or ""] end
  if ids == nil then
    -- Spellings of one host's name share its set.
    local host = lower(type(c) == "string" and c or "")
    ids = seen[host]
    if ids == nil then ids = {}; seen[host] = ids end
    seen[type(c) == "string" and c or ""] = ids
  end
  if n < 0 or n % 1 ~= 0 or n >= 2 ^ 53 then
    if ids[n .. ""] then return true end
    ids[n .. ""] = true
    return false
  end
  local r = n % BITS -- (arithmetic: no call to math.floor per record)
  local k = (n - r) / BITS
  local bit = POW[r]
  local mask = ids[k] or 0
  if mask % (bit + bit) >= bit then return true end
  ids[k] = mask + bit
  return false
end

-- Counts an event of ID id at secs seconds (or nil) in t, a reader's
-- tallied: its first and last times are kept as seconds and made text when
-- the reader closes (a record's time is the canonical text of its seconds).
local function tally(t, id, secs, number, computer, data)
  t.ids[id] = (t.ids[id] or 0) + 1
  t.n = t.n + 1
  if secs ~= nil then
    if t.lo == nil or secs < t.lo then t.lo = secs end
    if t.hi == nil or secs > t.hi then t.hi = secs end
  end
  -- (an event about the log itself, the first few of its ID: where they are)
  if ABOUT_THE_LOG[id] then -- (few: its time as text at once)
    require("logonerr.events.triage").keep_gap(t.gaps, id, number, computer,
                                               secs and time.canonical(secs),
                                               require("logonerr.events.findings")
                                                 .gap_facts(id, data))
  end
end

--- The next record that passes the filters, or nil at the end (where the
-- reader closes its file).  Records of other channels are counted in
-- other_channel, records read before in duplicates, and a record whose
-- time cannot be read is skipped with the reason; none of them is given.
local decorate, EVENTS = record.decorate, schema.events
function READER:next()
  local raw = self.raw
  if raw == nil then return nil end
  local o = self.opts
  while true do
    local rec, number, secs, computer, channel, provider = raw()
    if rec == nil then
      self:close()
      return nil
    end
    self.read = self.read + 1
    if type(rec) == "number" then
      -- An event the schema does not know, from the EVTX reader opened
      -- counted (tally, no filter): its ID and System fields, no table.
      if not counted_channel(channel, provider) then
        self.other_channel = self.other_channel + 1
      elseif seen_before(self.seen, computer, number) then
        self.duplicates = self.duplicates + 1
      else
        self.events = self.events + 1
        tally(self.tallied, rec, secs, number, computer)
      end
    elseif not counted_channel(rec.channel, rec.provider) then
      self.other_channel = self.other_channel + 1
    else
      local bad_time
      rec, bad_time = decorate(rec)
      if bad_time then
        self:skip(M.event_at(self.read, rec.record), bad_time)
        -- where it is, for a reader of a later part of the file (-j)
        local last = self.skipped[#self.skipped]
        last.event, last.record = self.read, rec.record
      elseif seen_before(self.seen, rec.computer, rec.record) then
        self.duplicates = self.duplicates + 1
      else
        self.events = self.events + 1
        local known = EVENTS[rec.id] ~= nil
        if known and next(rec.data) == nil and not rec.unread then
          self.fieldless = self.fieldless + 1
        end
        if not o.any or wanted(rec, o) then
          local t = self.tallied
          if t == nil or known then
            if rec.data == nil then rec.data = {} end -- (an unknown event's, left out)
            return rec
          end
          -- (one the schema does not know)
          tally(t, rec.id, rec.seconds, rec.record, rec.computer, rec.data)
        end
      end
    end
  end
end

--- Closes the reader's file (the end of the records does too).
function READER:close()
  local t = self.tallied
  if t and t.lo then -- the first and last times counted, as texts
    t.first, t.last = time.canonical(t.lo), time.canonical(t.hi)
  end
  self.raw = nil
  if self.file then self.file:close(); self.file = nil end
  if self.temp then os_remove(self.temp); self.temp = nil end
end

-- Copies what is left of f, after head, to a temporary file (the EVTX
-- reader reads files, not streams); its name, or nil and a message.
local function spill(f, head, chunk)
  local path = os_tmpname()
  local t, err = io_open(path, "wb")
  if t == nil then
    os_remove(path)
    return nil, "cannot keep EVTX from a stream in a temporary file: " .. tostring(err)
  end
  local ok, werr = t:write(head)
  for c in function() return f:read(chunk) end do
    if not ok then break end
    ok, werr = t:write(c)
  end
  t:close()
  if not ok then
    os_remove(path)
    return nil, "cannot keep EVTX from a stream in a temporary file: " .. tostring(werr)
  end
  return path
end

-- The raw records of a text log (XML or JSON), told from its head.
local function text_records(rd, f, head)
  local enc, bom = textsource.encoding(head)
  if bom > 0 then head = sub(head, bom + 1) end
  rd.encoding = enc
  local chunks = textsource.chunks(f, head, enc, rd.chunk)
  local text = chunks() or ""
  local function again() -- the piece read to look, then the rest
    local pending = text
    return function()
      local s = pending
      if s then pending = nil; return s end
      return chunks()
    end
  end
  local read_samba = require "logonerr.events.read.samba_audit"
  local read_mit = require "logonerr.events.read.mit_kdc"
  local read_json = require "logonerr.events.read.json"
  local read_xml = require "logonerr.events.read.xml"
  -- Linux servers' logs first: Samba's audit may be JSON lines alone.
  if read_samba.sniff(text) then
    rd.format = "samba"
    return read_samba.records(rd, again())
  elseif read_mit.sniff(text) then
    rd.format = "mit-kdc"
    return read_mit.records(rd, again())
  end
  local first = read_json.sniff(text)
  if first then
    rd.format = "json"
    return read_json.records(rd, again(), first)
  elseif read_xml.sniff(text) then
    rd.format = "xml"
    return read_xml.records(rd, again())
  end
  return nil, "not a Security event log (expected EVTX, event XML with " ..
              "<Event> elements, JSON, Samba's auth audit or krb5kdc.log)"
end

--- Opens a log: src is a path or an open file (read in binary mode).
-- opts: since, until (times), account, source (filters), name (the name
-- used in messages), jobs (threads reading an EVTX file's chunks, 1 by
-- default; the records come in the same order), seen (a table shared by
-- the readers of one run, so that a record two files hold is read once),
-- part and parts (EVTX: read only the part-th of parts equal shares of
-- the file's chunks; `events -j` reads the shares in parallel), lean
-- (EVTX: a record comes with the data a triage reads alone, triage.FIELDS
-- of the events the schema knows, and counts in unread the fields left
-- out; the records of other events then have no account and source, so
-- the account and source filters need it off), tally (the records of
-- events the schema does not know, which a triage only counts, are not
-- given but counted in reader.tallied: { ids = { [id] = n }, n =, first =,
-- last = } (times, set when the reader closes, as the end of the records
-- does), and gaps, where the earliest few of each event about the log
-- itself are, as triage.keep_gap keeps them; triage takes them in).
-- Returns a reader (reader:next(), reader.format,
-- reader.skipped, a list of {at, reason}; reader.events, the records read
-- before filtering; reader.other_channel and reader.duplicates, the records
-- left out for those reasons; reader.fieldless, records of a known event
-- with no fields), or nil and a message naming the input.
function M.open(src, opts)
  opts = opts or {}
  local o = filters(opts)
  local part, parts = opts.part or 1, opts.parts or 1
  if type(parts) ~= "number" or parts < 1 or parts > 65535 or parts % 1 ~= 0 or
     type(part) ~= "number" or part < 1 or part > parts or part % 1 ~= 0 then
    error(format("bad option 'part' (%s of %s: part must be a whole number from 1 to " ..
                 "parts, parts one from 1 to 65535)", tostring(opts.part),
                 tostring(opts.parts)), 2)
  end
  local name = opts.name or (type(src) == "string" and src or "(stdin)")
  local f, path, owned = src, nil, false
  if type(src) == "string" then
    local err
    f, err = io_open(src, "rb")
    if f == nil then return nil, err end
    path, owned = src, true
  elseif type(src) ~= "userdata" and type(src) ~= "table" then
    error("bad argument #1 to 'open' (file name or file expected, got " ..
          type(src) .. ")", 2)
  end
  local head, rerr = f:read(65536)
  if head == nil and rerr then
    if owned then f:close() end
    return nil, name .. ": " .. tostring(rerr)
  end
  if head == nil or head == "" then
    if owned then f:close() end
    return nil, name .. ": empty: not an event log"
  end
  local rd = setmetatable({ skipped = {}, events = 0, read = 0, other_channel = 0,
                            duplicates = 0, fieldless = 0, seen = opts.seen or {},
                            tallied = opts.tally and { ids = {}, n = 0, gaps = {} } or nil,
                            opts = o, name = name,
                            chunk = M.CHUNK, max_event = M.MAX_EVENT }, READER)
  local raw, err
  if sub(head, 1, 8) == "ElfFile\0" then
    rd.format = "evtx"
    if path == nil then
      path, err = spill(f, head, rd.chunk)
      rd.temp = path
    end
    if owned then f:close() end
    if path then
      raw, err = read_evtx.records(rd, path, opts.jobs, opts.part, opts.parts,
                                   opts.lean and WITH_DATA or nil,
                                   opts.lean and require("logonerr.events.triage").FIELDS or nil,
                                   rd.tallied ~= nil and not o.any)
    end
  else
    raw, err = text_records(rd, f, head)
    if raw and owned then rd.file = f end
    if raw == nil and owned then f:close() end
  end
  if raw == nil then
    -- EVTX from a stream was read from a temporary file: the user knows
    -- the input by its name, not by that file's
    if rd.temp then
      local a, b = find(err, rd.temp, 1, true)
      while a do
        err = sub(err, 1, a - 1) .. name .. sub(err, b + 1)
        a, b = find(err, rd.temp, a + #name, true)
      end
    end
    rd:close()
    if find(err, name, 1, true) then return nil, err end
    return nil, name .. ": " .. err
  end
  rd.raw = raw
  return rd
end

--- An iterator over the records of src (see open), and the reader, whose
-- skipped list is complete once the loop ends:
--     for rec in events.records(path) do ... end
-- A source that cannot be read raises an error naming it.
function M.records(src, opts)
  if type(src) ~= "string" and type(src) ~= "userdata" and type(src) ~= "table" then
    error("bad argument #1 to 'records' (file name or file expected, got " ..
          type(src) .. ")", 2)
  end
  local rd, err = M.open(src, opts)
  if rd == nil then error("logonerr.events: " .. err, 2) end
  return function() return rd:next() end, rd
end

--- The triage report (logonerr.events.triage) of recs: a list of records,
-- an iterator over them, or a reader from open() (whose skipped records
-- the report then counts).  opts: thresholds and windows.
function M.triage(recs, opts)
  return require("logonerr.events.triage").triage(recs, opts)
end

return M
