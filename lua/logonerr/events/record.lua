--- A record: what logonerr adds to an event read from a log (its id, time
-- and data), as the schema says for its event ID: the time in canonical
-- form and in seconds, the codes as catalogue entries, the outcome, the
-- account, the source, the logon type and the failure reason.
-- @module logonerr.events.record

local logonerr = require "logonerr"
local identity = require "logonerr.events.identity"
local memo = require "logonerr.events.memo"
local schema = require "logonerr.events.schema"
local time = require "logonerr.events.time"
local address = require "logonerr.events.address"
local excerpt = require("logonerr.escape").excerpt

local tointeger = math.tointeger -- luacheck: compat
local mtype = math.type or function() return nil end -- luacheck: compat
local format, match, lower = string.format, string.match, string.lower
local next, tonumber, type = next, tonumber, type

local _ENV = nil -- luacheck: ignore 211

local M = {}

local FAILURE_REASONS = logonerr.failure_reasons -- 2313 -> text
local LOGON_TYPES = logonerr.logon_types         -- 10 -> {name =, ...}
local of = schema.of
local EVENTS = schema.events

-- A code field's value as an unsigned number: 0xC000006A, 3221225578,
-- -1073741718, "0x18"; nil for "-", "" and what is not a number.
local function parse_number(v)
  local n
  if type(v) == "number" then
    n = v
  elseif type(v) == "string" then
    local hex = match(v, "^%s*0[xX](%x+)%s*$")
    -- more than 16 digits (leading zeros aside) is no code: nil, not false
    if hex then hex = match(hex, "^0*(%x+)$"); n = #hex <= 16 and tonumber(hex, 16) or nil
    else n = tonumber(match(v, "^%s*(%-?%d+)%s*$") or "") end
  end
  -- (a JSON number may be anything: past 64 bits, -1e308, is no code)
  if n == nil or n ~= n or n % 1 ~= 0 or n < -2 ^ 63 or n >= 2 ^ 64 then return nil end
  -- the low 32 bits: of a signed form, or one sign-extended to 64 bits
  if n < 0 or n >= 4294967296 then n = n % 4294967296 end
  return tointeger and tointeger(n) or n
end

-- Logs repeat the same few code texts ("0x0", "0xC000006D", "3"): each is
-- parsed once.  Strings only, and a bounded number of them (false: not a
-- number).
local MEMO_MAX = 512
local numbers, nnumbers = {}, 0
local function number(v)
  if v == nil then return nil end
  if type(v) ~= "string" then
    -- The C readers' id and record number: already an integer.
    if mtype(v) == "integer" and v >= 0 and v < 4294967296 then return v end
    return parse_number(v)
  end
  local n = numbers[v]
  if n == nil then
    if nnumbers >= MEMO_MAX then numbers, nnumbers = {}, 0 end
    n = parse_number(v) or false
    numbers[v], nnumbers = n, nnumbers + 1
  end
  return n or nil
end
M.number = number

local known = {} -- "namespace:code" -> entry, for codes met before

--- The entry for code n: Kerberos when the event's field says so, else
-- what the catalogue reads (NTSTATUS, or HRESULT for SSPI's SEC_E_*).  A
-- code not in the catalogue gets a table with name = its hex and
-- unknown = true.
function M.entry(n, kerberos)
  local key = (kerberos and "k" or "n") .. n
  local e = known[key]
  if e then return e end
  if kerberos then
    e = logonerr.lookup(n, "kerberos")
  else
    e = logonerr.lookup(n, n >= 0xC0000000 and "ntstatus" or nil)
  end
  if e == nil then
    local ns = kerberos and "kerberos" or n >= 0xC0000000 and "ntstatus" or
               n >= 0x80000000 and "hresult" or "win32"
    e = { name = format("0x%X", n), namespace = ns, code = n,
          hex = format("0x%X", n), unknown = true }
  end
  known[key] = e
  return e
end

-- A field value that says something (not nil, "", "-"), as a string.
local set = identity.set

-- DOMAIN\user, each pair joined once (bounded, as numbers above).
local accounts, naccounts = {}, 0
local function joined(domain, user)
  user, domain = set(user), set(domain)
  if user == nil then return nil end
  if domain == nil then return user end
  local of_domain = accounts[domain]
  local a = of_domain and of_domain[user]
  if a == nil then
    if naccounts >= MEMO_MAX then accounts, naccounts, of_domain = {}, 0, nil end
    if of_domain == nil then
      of_domain = {}
      accounts[domain] = of_domain
    end
    a = domain .. "\\" .. user
    of_domain[user], naccounts = a, naccounts + 1
  end
  return a
end

-- The fields that hold an IP address; the others hold host names.
local IP_FIELDS = { IpAddress = true }

-- A vocabulary item: a string, or the catalogue's table of one.
local function text_of(v)
  if type(v) == "table" then return v.text or v.name or v.message end
  return v
end

-- The first of the fields (a list) that holds a number, with its field;
-- fields that hold "-" or nothing are passed over.
local function first_number(d, fields)
  for i = 1, #fields do
    local n = number(d[fields[i]])
    if n then return n, fields[i] end
  end
  return nil
end

-- The account as the event's schema says it is read.
local function account(d, how)
  local user, domain = d[how.user], how.domain and d[how.domain]
  if how.realm_in_user then
    local u, realm = match(user or "", "^(.-)@(.+)$")
    if u then return joined(realm, u) end
  end
  if how.domain_match then domain = match(domain or "", how.domain_match) end
  return joined(domain, user)
end

-- The first field that names where the attempt came from: a remote
-- address, else a host name (in one case); else the logging host when the
-- schema says so; else "local" when the address said the attempt was made
-- on the machine itself (-, ::1, 127.0.0.1), but for `-` where the logon
-- type lt came over the network (then none: not known).
local function source(rec, d, fields, lt)
  local was_local = false
  for i = 1, #fields do
    local f, v = fields[i], d[fields[i]]
    if v ~= nil and IP_FIELDS[f] then
      if address.is_local(v) then
        was_local = was_local or not (address.OVER_NETWORK[lt] and address.ip(v) == nil)
      else
        local ip = address.ip(v)
        if ip then return ip end
      end
    elseif v ~= nil then
      local host = address.workstation(v)
      if host then return host end
    end
  end
  if fields.computer then return set(rec.computer) end
  if was_local then return "local" end
  return nil
end

-- An event ID as Windows writes it: a whole number from 0 to 65535 (a
-- 16-bit field), as a number or digits; nil for anything else.
local function read_id(v)
  if type(v) == "string" then v = tonumber(match(v, "^%s*(%d+)%s*$") or "") end
  if type(v) ~= "number" or v ~= v or v % 1 ~= 0 or v < 0 or v > 65535 then return nil end
  return tointeger and tointeger(v) or v
end
-- A log names a few IDs: each is read once.
local event_id = memo.one(read_id)

--- Adds status, substatus, code, failed, success, account, source,
-- logon_type, failure_reason and seconds to a record read from a log (id,
-- time, data); puts its time in canonical form.  Returns the record, and
-- why it cannot be read when it cannot: an event ID that is no whole
-- number from 0 to 65535, or a time that cannot be read (then nil).
function M.decorate(rec)
  local r = rec.record
  -- (the C readers' is an integer, nearly always below 2^32; a JSON
  -- reader's may be a float, 1.0, which a skip would name so)
  if mtype(r) ~= "integer" or r < 0 or r >= 4294967296 then rec.record = number(r) or r end
  if rec.id == nil then return rec, "no event ID" end -- (a JSON log's object, true...)
  local id = event_id(rec.id)
  if id == nil then
    local shown = type(rec.id) == "number" and format("%.14g", rec.id) or excerpt(rec.id)
    return rec, "event ID '" .. shown .. "' is not a whole number from 0 to 65535"
  end
  rec.id = id
  -- The EVTX and XML readers give the seconds and canonical form already
  -- (C) for the usual form; the others the time as the log wrote it.
  local bad_time
  if rec.seconds == nil then
    local secs, t = time.parse(rec.time)
    if secs == nil then bad_time, t = t, nil end
    rec.seconds, rec.time = secs, t
  end
  -- An event the schema does not know, read without its data (a triage's
  -- EVTX reader leaves it out): nothing more to find.
  local d = rec.data
  if EVENTS[id] == nil and (d == nil or next(d) == nil) then return rec, bad_time end
  if d == nil then d = {}; rec.data = d end
  local ev = of(id)
  local st, sf = first_number(d, ev.status)
  local sub_, bf = first_number(d, ev.substatus)
  local cf = ev.code_fields
  rec.status = st and st ~= 0 and M.entry(st, cf[sf] == "kerberos") or nil
  rec.substatus = sub_ and sub_ ~= 0 and M.entry(sub_, cf[bf] == "kerberos") or nil
  rec.code = rec.substatus or rec.status
  local outcome = ev.outcome
  if outcome == "failure" then
    rec.failed = true
  elseif outcome == "success" then
    rec.success = true
  elseif outcome == "status" then
    if rec.status then rec.failed = true elseif st == 0 then rec.success = true end
  end
  rec.account = account(d, ev.account)
  local lt = number(d[ev.logon_type])
  rec.source = source(rec, d, ev.source, lt)
  if lt then rec.logon_type = { number = lt, name = text_of(LOGON_TYPES[lt]) } end
  local fr = set(d[ev.failure_reason])
  if fr then
    local k = number(match(fr, "^%%%%(%d+)$"))
    rec.failure_reason = k and text_of(FAILURE_REASONS[k]) or fr
  end
  return rec, bad_time
end

--- The key accounts are grouped by: letter case does not matter.
function M.account_key(a)
  return a and lower(a)
end

return M
