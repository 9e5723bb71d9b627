--- Times as Security logs write them, read into seconds since 1970 (UTC)
-- and one canonical form ("2019-04-30T19:27:02.847284Z").
-- @module logonerr.events.time

local floor = math.floor
local format, match = string.format, string.match
local tonumber, type = tonumber, type

local _ENV = nil -- luacheck: ignore 211

local M = {}

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

return M
