--- MIT Kerberos KDC logs (krb5kdc.log, or krb5kdc's lines in syslog): each
-- AS_REQ and TGS_REQ line becomes a record shaped like the events a
-- Windows domain controller writes for the same request, so one triage
-- reads both:
--
--   AS_REQ (etypes) ADDR: ISSUE: ...              4768, Status 0x0
--   AS_REQ (etypes) ADDR: PREAUTH_FAILED: ...     4771, Status 0x18
--   AS_REQ (etypes) ADDR: CLIENT_NOT_FOUND: ...   4768, Status 0x6 (and so on)
--   TGS_REQ (etypes) ADDR: RESULT: ...            4769, Status as above
--
-- NEEDED_PREAUTH is the KDC asking for pre-authentication, the normal first
-- step of a logon with a password: no record (Windows logs none either).
-- A result name logonerr does not know is skipped with its name.
--
-- The time: krb5kdc.log writes "Dec 03 08:20:39", without a year.  The
-- year is the latest one that does not put the log's first such line after
-- now (M.now), and it goes up by one each time the month goes back (a log
-- that runs from December into January).  A line written with a full date
-- (rsyslog's "2026-12-03T08:20:39.123456+00:00") gives its own.  Times
-- without a zone are read as UTC.
-- @module logonerr.events.read.mit_kdc

local lines = require "logonerr.events.read.lines"
local excerpt = require("logonerr.escape").excerpt

local format, match, find, gsub = string.format, string.match, string.find, string.gsub
local os_date, os_time, tonumber = os.date, os.time, tonumber

local _ENV = nil -- luacheck: ignore 211

local M = {}

--- The time the year of a syslog date is found from (seconds; a spec may
--- set it).
M.now = function() return os_time() end

--- The KDC's result names (kdc/ in MIT krb5's source) and the Kerberos
-- error each stands for; MIT writes some with spaces.
M.RESULTS = {
  ISSUE = 0,
  PREAUTH_FAILED = 0x18,             -- KDC_ERR_PREAUTH_FAILED
  CLIENT_NOT_FOUND = 0x6,            -- KDC_ERR_C_PRINCIPAL_UNKNOWN
  SERVER_NOT_FOUND = 0x7,            -- KDC_ERR_S_PRINCIPAL_UNKNOWN
  LOOKING_UP_SERVER = 0x7,
  ["CLIENT LOCKED OUT"] = 0x12,      -- KDC_ERR_CLIENT_REVOKED (disabled)
  LOCKED_OUT = 0x12,                 -- the same, by lockout policy
  ["CLIENT EXPIRED"] = 0x1,          -- KDC_ERR_NAME_EXP
  ["CLIENT KEY EXPIRED"] = 0x17,     -- KDC_ERR_KEY_EXPIRED
  ["REQUIRED PWCHANGE"] = 0x17,
  ["SERVICE EXPIRED"] = 0x2,         -- KDC_ERR_SERVICE_EXP
}

local MONTHS = { Jan = 1, Feb = 2, Mar = 3, Apr = 4, May = 5, Jun = 6, Jul = 7,
                 Aug = 8, Sep = 9, Oct = 10, Nov = 11, Dec = 12 }

-- A request line: the request, the address, the result, and the rest.
local REQUEST = "([AT]G?S_REQ) %b() (%S+): ([A-Z_ ]+): (.*)$"

--- Does this text (the head of a log) look like krb5kdc's?
function M.sniff(text)
  -- (No [^\n]- before AS_REQ: unanchored, it costs the square of a long
  -- line, and find tries every start anyway.)
  return find(text, "krb5kdc%[%d+%]") ~= nil or
         find(text, "AS_REQ %b() %S+: [A-Z_ ]+: ") ~= nil
end

-- "user@REALM" -> user, realm
local function principal(p)
  local u, r = match(p or "", "^(.-)@([^@]+)$")
  if u then return u, r end
  return p, nil
end

--- The raw records of the krb5kdc log that chunks gives, read for rd.
function M.records(rd, chunks)
  local next_line = lines.lines(rd, chunks)
  local year, last_month
  -- the ISO time of a line's syslog date, its year found as the module says
  local function when(line)
    local Y, MO, D, h, mi, s, rest = match(line,
      "^(%d%d%d%d)%-(%d%d)%-(%d%d)T(%d%d):(%d%d):(%d%d)(%S*)")
    if Y then return format("%s-%s-%sT%s:%s:%s%s", Y, MO, D, h, mi, s, rest) end
    local mon, day, hms = match(line, "^(%a%a%a) +(%d%d?) (%d%d:%d%d:%d%d) ")
    local m = MONTHS[mon or ""]
    if not m then return nil end
    if year == nil then
      local now = M.now()
      year = tonumber(os_date("!%Y", now))
      local t = os_time({ year = year, month = m, day = tonumber(day), hour = 0 })
      if t and t > now + 86400 then year = year - 1 end
    elseif last_month and m < last_month then
      year = year + 1
    end
    last_month = m
    return format("%04d-%02d-%02dT%sZ", year, m, tonumber(day), hms)
  end
  return function()
    while true do
      local line, n = next_line()
      if line == nil then return nil end
      local req, addr, result, rest = match(line, REQUEST)
      if req and result ~= "NEEDED_PREAUTH" then
        local code = M.RESULTS[result]
        if code == nil then
          rd:skip("line " .. n, "a KDC result logonerr does not know: " ..
                  excerpt(result))
        else
          -- "client for server[, message]"; TGS lines put "authtime ..., " first
          local client, server = match(rest, "([^%s,]+) for ([^%s,]+)")
          local user, realm = principal(client)
          local id = req == "TGS_REQ" and 4769 or code == 0x18 and 4771 or 4768
          return {
            id = id,
            time = when(line),
            channel = "Security",
            computer = match(line, "^%a%a%a +%d+ %S+ (%S+) ") or
                       match(line, "^%d%d%d%d%-%S+ (%S+) "),
            data = {
              TargetUserName = user,
              TargetDomainName = realm,
              ServiceName = server and gsub(server, "@[^@]*$", ""),
              Status = format("0x%X", code),
              IpAddress = addr, -- MIT writes the address alone
              KdcResult = result,
            },
          }
        end
      end
    end
  end
end

return M
