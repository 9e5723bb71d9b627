--- Times as Security logs write them, read strictly into seconds since
-- 1970 (UTC) and one canonical form ("2019-04-30T19:27:02.847284Z"): a
-- time that cannot be read is an error with the reason, never a made-up
-- date.
--
-- Read: ISO 8601 / RFC 3339 with `T` or a space, any fraction (`.` or
-- `,`), `Z`, `UTC`, an offset (`+02:00`, `+0200`) or no zone; .NET's
-- `/Date(1556652422847)/` (with an offset after the milliseconds, which
-- does not move the instant).  A time with no zone is read as UTC: the
-- exports that write one (NXLog's EventTime, Event Viewer's CSV) do not say
-- which zone it is, and UTC is what the event itself records.
-- @module logonerr.events.time

local excerpt = require("logonerr.escape").excerpt

local floor = math.floor
local format, match, sub = string.format, string.match, string.sub
local tonumber, tostring, type = tonumber, tostring, type

local _ENV = nil -- luacheck: ignore 211

local M = {}

-- Days since 1970-01-01 of a civil date, and back (Howard Hinnant's
-- algorithms, valid for every Gregorian date).
local function days(y, m, d)
  if m <= 2 then y = y - 1 end
  local era = floor(y / 400)
  local yoe = y - era * 400
  local doy = floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1
  return era * 146097 + yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy - 719468
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
  return yoe + era * 400 + (m <= 2 and 1 or 0), m, d
end

local function month_days(y, m)
  if m == 2 then
    return (y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0)) and 29 or 28
  end
  return (m == 4 or m == 6 or m == 9 or m == 11) and 30 or 31
end

--- Seconds since 1970 (UTC, with the fraction) as the canonical form,
-- "2019-04-30T19:27:02.847284Z" (microseconds).
-- (the dates of the days asked, as text: times come a day at a time,
-- but a report's rows go back and forth among a log's days)
local dates, n_dates = {}, 0
function M.canonical(secs)
  local whole = floor(secs)
  local usec = floor((secs - whole) * 1e6 + 0.5)
  if usec >= 1000000 then whole, usec = whole + 1, usec - 1000000 end
  local day = floor(whole / 86400)
  local sod = whole - day * 86400
  local date = dates[day]
  if date == nil then
    if n_dates >= 4096 then dates, n_dates = {}, 0 end
    date = format("%04d-%02d-%02d", civil(day))
    if day == day then dates[day], n_dates = date, n_dates + 1 end -- (NaN is no key)
  end
  return format("%sT%02d:%02d:%02d.%06dZ", date,
                floor(sod / 3600), floor(sod % 3600 / 60), sod % 60, usec)
end

-- (s as a log wrote it: cut short and escaped, as it goes to a terminal;
-- why apart too, as s may hold parentheses of its own)
local function bad(s, why)
  return nil, format("not a time: '%s' (%s)", excerpt(s), why), why
end

-- The seconds of an ISO 8601 text, or nil and why not.  Second 60 is
-- read (as the second after, as POSIX time has no leap seconds) where leap
-- is set and it is a leap second: 23:59:60 UTC on a month's last day, the
-- only place the IERS puts one.
local function iso8601(s, leap)
  local y, mo, d, rest = match(s, "^(%d%d%d%d)%-(%d%d)%-(%d%d)(.*)$")
  if not y then return bad(s, "expected YYYY-MM-DD, a time and a zone") end
  y, mo, d = tonumber(y), tonumber(mo), tonumber(d)
  local h, mi, se, frac, zone = 0, 0, 0, nil, ""
  if rest ~= "" then
    local hh, mm, tail = match(rest, "^[T ](%d%d):(%d%d)(.*)$")
    if not hh then return bad(s, "expected hours and minutes after the date") end
    h, mi = tonumber(hh), tonumber(mm)
    local ss, t2 = match(tail, "^:(%d%d)(.*)$")
    if ss then se, tail = tonumber(ss), t2 end
    local f, t3 = match(tail, "^[.,](%d+)(.*)$")
    if f then frac, tail = f, t3 end
    zone = match(tail, "^%s*(.-)$")
  end
  if mo < 1 or mo > 12 then return bad(s, "no month " .. mo) end
  if d < 1 or d > month_days(y, mo) then return bad(s, "no day " .. d .. " in that month") end
  if h > 23 or mi > 59 or se > (leap and 60 or 59) then
    return bad(s, "hours, minutes or seconds out of range")
  end
  local off = 0
  if zone ~= "" and zone ~= "Z" and zone ~= "z" and zone ~= "UTC" then
    local sign, oh, om = match(zone, "^([+-])(%d%d):?(%d%d)$")
    if not sign then return bad(s, "an unknown zone '" .. excerpt(zone) .. "'") end
    if tonumber(om) > 59 then return bad(s, "an offset's minutes out of range") end
    off = (tonumber(oh) * 60 + tonumber(om)) * 60
    if off > 14 * 3600 then return bad(s, "an offset over 14 hours") end
    if sign == "-" then off = -off end
  end
  local secs = days(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - off
  if se == 60 then
    -- (the second after a leap second is midnight UTC on a month's first day)
    local _, _, first = civil(floor(secs / 86400))
    if secs % 86400 ~= 0 or first ~= 1 then
      return bad(s, "second 60 where no leap second can be: one is 23:59:60 UTC " ..
                    "on a month's last day")
    end
  end
  if frac then secs = secs + tonumber("0." .. frac) end
  return secs, zone == ""
end

-- parse(), and with leap unset, no second 60 at all; on failure, what is
-- wrong alone after the message.
local function parse(v, leap)
  if type(v) ~= "string" then
    if v == nil then return nil, "no time", "no time" end
    return nil, format("not a time: %s (%s, not text)", tostring(v), type(v)),
           type(v) .. ", not text"
  end
  local s = match(v, "^%s*(.-)%s*$")
  if s == "" then return nil, "no time (empty)", "empty" end
  local ms = match(s, "^/Date%((%-?%d+)[^)]*%)/$") or match(s, "^\\/Date%((%-?%d+)[^)]*%)\\/$")
  local secs, zoneless
  if ms then
    if #ms > 16 then return bad(s, "milliseconds out of range") end
    secs, zoneless = tonumber(ms) / 1000, false
  else
    local why
    secs, zoneless, why = iso8601(s, leap)
    if secs == nil then return nil, zoneless, why end
  end
  -- Windows' FILETIME runs from 1601; ISO 8601 here has four-digit years.
  if secs < -11644473600 or secs >= 253402300800 then
    return bad(s, "outside the years 1601 to 9999")
  end
  return secs, M.canonical(secs), zoneless
end

--- Reads a time: its seconds since 1970 (UTC), its canonical form, and
-- whether it had no zone (and was read as UTC).  nil and a message
-- naming the text and what is wrong with it when it is not a time.  A
-- leap second (23:59:60 UTC at a month's end) is read as the second
-- after it; second 60 anywhere else is no time.
function M.parse(v)
  local secs, canon, zoneless = parse(v, true)
  if secs == nil then return nil, canon end
  return secs, canon, zoneless
end

--- Seconds and canonical form of a time a person gives (--since,
-- --until), as parse() reads it but without second 60, which a person
-- means by no leap second; nil and why when it is no time, then what is
-- wrong alone (the text may hold parentheses of its own, which the
-- message's closing one cannot be told from).
function M.time(v)
  local secs, canon, why = parse(v, false)
  if secs == nil then return nil, canon, why end
  return secs, canon
end

--- Seconds since 1970 as "2019-04-30T19:27:00Z" (whole seconds, for the
-- timeline's rows).
function M.iso(secs)
  return (format("%sZ", sub(M.canonical(floor(secs)), 1, 19)))
end

return M
