--- What logonerr adds to an event read from a log: the time in UTC ISO
-- 8601, the codes as catalogue entries (Kerberos for 4768, 4769 and 4771),
-- the account, the source, the logon type and the failure reason.
-- @module logonerr.event_record

local logonerr = require "logonerr"

local floor, tointeger = math.floor, math.tointeger -- luacheck: compat
local pairs = pairs
local format, match, gsub, lower = string.format, string.match, string.gsub, string.lower
local setmetatable, tonumber, tostring, type = setmetatable, tonumber, tostring, type

local _ENV = nil -- luacheck: ignore 211

local M = {}

-- The catalogue's event vocabulary.
local FAILURE_REASONS = logonerr.failure_reasons -- 2313 -> text
local LOGON_TYPES = logonerr.logon_types         -- 10 -> {name =, ...}
local EVENT_IDS = logonerr.event_ids             -- 4771 -> {code_fields =, ...}

--- Events whose Status is a Kerberos result code (from the catalogue's
-- code_fields: 4768, 4769 and 4771).
M.KERBEROS = {}
for id, ev in pairs(EVENT_IDS) do
  if ev.code_fields and ev.code_fields.Status == "kerberos" then M.KERBEROS[id] = true end
end
--- Events that are failures whatever their Status says.
local ALWAYS_FAILED = { [4625] = true, [4771] = true }
--- Events that are failures when their Status is not 0.
local FAILED_UNLESS_0 = { [4768] = true, [4769] = true, [4776] = true }

-- Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
local function days(y, m, d)
  if m <= 2 then y = y - 1 end
  local era = floor(y / 400)
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = floor((153 * mp + 2) / 5) + d - 1
  local doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
end

local function civil(z)
  z = z + 719468
  local era = floor(z / 146097)
  local doe = z - era * 146097
  local yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365)
  local doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100))
  local mp = floor((5 * doy + 2) / 153)
  local d = doy - floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  local y = yoe + era * 400
  if m <= 2 then y = y + 1 end
  return y, m, d
end

local finish -- below: seconds and their canonical form

--- Seconds since 1970 as "2019-04-30T19:27:00Z".
function M.iso(secs)
  local whole = floor(secs)
  local day = floor(whole / 86400)
  local sod = whole - day * 86400
  local y, mo, d = civil(day)
  return format("%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d,
                floor(sod / 3600), floor(sod % 3600 / 60), sod % 60)
end

--- Seconds since 1970 (UTC, with the fraction) and the canonical form
-- ("2019-04-30T19:27:02.847284Z") of a time as logs write it: ISO 8601
-- with T or a space, any fraction, Z, an offset or none (UTC), a date
-- alone, or .NET's "/Date(1556652422847)/".  nil when it is none of these.
function M.time(s)
  if type(s) ~= "string" then return nil end
  local secs
  -- The usual form first (EVTX, wevtutil, Winlogbeat): one match.
  local Y, MO, D, H, MI, SE, F = match(s,
    "^(%d%d%d%d)%-(%d%d)%-(%d%d)T(%d%d):(%d%d):(%d%d)%.(%d+)Z$")
  if Y then
    Y, MO, D, H, MI, SE = tonumber(Y), tonumber(MO), tonumber(D), tonumber(H),
                          tonumber(MI), tonumber(SE)
    if MO < 1 or MO > 12 or D < 1 or D > 31 or H > 23 or MI > 59 or SE > 60 then
      return nil
    end
    return finish(days(Y, MO, D) * 86400 + H * 3600 + MI * 60 + SE + tonumber("0." .. F))
  end
  local ms = match(s, "^/Date%((%-?%d+)[^)]*%)/$")
  if ms then
    secs = tonumber(ms) / 1000
  else
    local y, mo, d, rest = match(s, "^%s*(%d%d%d%d)%-(%d%d)%-(%d%d)(.*)$")
    if not y then return nil end
    local h, mi, se, frac, zone = 0, 0, 0, "", ""
    if rest ~= "" and not match(rest, "^%s*$") then
      local hh, mm, tail = match(rest, "^[T ](%d%d):(%d%d)(.*)$")
      if not hh then return nil end
      h, mi = tonumber(hh), tonumber(mm)
      local ss, t2 = match(tail, "^:(%d%d)(.*)$")
      if ss then se, tail = tonumber(ss), t2 end
      local f, t3 = match(tail, "^[.,](%d+)(.*)$")
      if f then frac, tail = f, t3 end
      zone = match(tail, "^%s*(.-)%s*$")
    end
    y, mo, d = tonumber(y), tonumber(mo), tonumber(d)
    if mo < 1 or mo > 12 or d < 1 or d > 31 or h > 23 or mi > 59 or se > 60 then
      return nil
    end
    local off = 0
    if zone ~= "" and zone ~= "Z" and zone ~= "z" and zone ~= "UTC" then
      local sign, oh, om = match(zone, "^([+-])(%d%d):?(%d%d)$")
      if not sign then return nil end
      off = (tonumber(oh) * 60 + tonumber(om)) * 60
      if sign == "-" then off = -off end
    end
    secs = days(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - off
    if frac ~= "" then secs = secs + tonumber("0." .. frac) end
  end
  return finish(secs)
end

-- Seconds as time() returns them: the seconds and the canonical form.
function finish(secs)
  local whole = floor(secs)
  local usec = floor((secs - whole) * 1e6 + 0.5)
  if usec >= 1000000 then whole, usec = whole + 1, usec - 1000000 end
  local day = floor(whole / 86400)
  local sod = whole - day * 86400
  local y, mo, d = civil(day)
  return secs, format("%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", y, mo, d,
                      floor(sod / 3600), floor(sod % 3600 / 60), sod % 60, usec)
end

-- A code field's value as an unsigned number: 0xC000006A, 3221225578,
-- -1073741718, "0x18"; nil for "-", "" and what is not a number.
local function number(v)
  local n
  if type(v) == "number" then
    n = v
  elseif type(v) == "string" then
    local hex = match(v, "^%s*0[xX](%x+)%s*$")
    if hex then n = #hex <= 16 and tonumber(hex, 16)
    else n = tonumber(match(v, "^%s*(%-?%d+)%s*$") or "") end
  end
  if n == nil or n ~= n or n % 1 ~= 0 then return nil end
  if n < 0 then n = n + 4294967296 end
  if n >= 4294967296 then n = n % 4294967296 end -- sign-extended 64-bit form
  return tointeger and tointeger(n) or n
end
M.number = number

local known = {} -- "namespace:code" -> entry, for codes met before


--- The entry for code n of an event: Kerberos for 4768/4769/4771, else what
-- the catalogue reads (NTSTATUS, or HRESULT for SSPI's SEC_E_*).  A code
-- not in the catalogue gets a table with name = its hex and unknown = true.
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

local function set(v)
  if v == nil then return nil end
  if type(v) ~= "string" then v = tostring(v) end
  if v == "" or v == "-" then return nil end
  return v
end

local function account(domain, user)
  user, domain = set(user), set(domain)
  if user == nil then return nil end
  if domain == nil then return user end
  return domain .. "\\" .. user
end

local function address(v)
  v = set(v)
  if v == nil then return nil end
  return (gsub(v, "^::[fF][fF][fF][fF]:(%d+%.%d+%.%d+%.%d+)$", "%1"))
end

-- A vocabulary item: a string, or the catalogue's table of one.
local function text_of(v)
  if type(v) == "table" then return v.text or v.name or v.message end
  return v
end

-- Each decorated record's time in seconds, for the triage's windows.
local seconds_of = setmetatable({}, { __mode = "k" })

--- The time of a decorated record in seconds since 1970 (UTC).
function M.seconds(rec)
  local s = seconds_of[rec]
  if s == nil and rec.time then s = M.time(rec.time) end
  return s
end

--- Adds status, substatus, code, account, source, logon_type,
-- failure_reason and failed to a record read from a log (id, time, data);
-- puts its time in canonical form.  Returns the record.
function M.decorate(rec)
  local d = rec.data
  local id = number(rec.id)
  rec.id = id
  rec.record = number(rec.record) or rec.record
  local secs, t = M.time(rec.time)
  rec.time = t
  seconds_of[rec] = secs
  local kerberos = M.KERBEROS[id]
  local st, sub_ = number(d.Status), number(d.SubStatus)
  if st == nil and id == 4776 then st = number(d.Status or d.ErrorCode) end
  rec.status = st and st ~= 0 and M.entry(st, kerberos) or nil
  rec.substatus = sub_ and sub_ ~= 0 and M.entry(sub_, false) or nil
  rec.code = rec.substatus or rec.status
  rec.failed = ALWAYS_FAILED[id] or (FAILED_UNLESS_0[id] and rec.status ~= nil) or nil
  if id == 4740 then
    rec.account = account(d.SubjectDomainName, d.TargetUserName)
    rec.source = set(d.TargetDomainName) -- "Caller Computer Name"
  elseif id == 4771 then
    local realm = match(d.ServiceName or "", "^krbtgt/(.+)$")
    rec.account = account(realm, d.TargetUserName)
  elseif id == 4769 then
    local user, realm = match(d.TargetUserName or "", "^(.-)@(.+)$")
    rec.account = user and account(realm, user) or account(d.TargetDomainName, d.TargetUserName)
  elseif id == 4776 then
    rec.account = set(d.TargetUserName)
  else
    rec.account = account(d.TargetDomainName, d.TargetUserName)
  end
  if id ~= 4740 then
    rec.source = address(d.IpAddress) or set(d.WorkstationName) or set(d.Workstation)
    if rec.source == nil and id == 4648 then rec.source = set(rec.computer) end
  end
  local lt = number(d.LogonType)
  if lt then rec.logon_type = { number = lt, name = text_of(LOGON_TYPES[lt]) } end
  local fr = set(d.FailureReason)
  if fr then
    local k = number(match(fr, "^%%%%(%d+)$"))
    rec.failure_reason = k and text_of(FAILURE_REASONS[k]) or fr
  end
  return rec
end

--- The key accounts are grouped by: letter case does not matter.
function M.account_key(a)
  return a and lower(a)
end

return M
