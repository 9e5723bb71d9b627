--- Checks of plain data another process sent: a worker's partial triage
-- as logonerr.events.wire reads it back, where any table constructor
-- would decode.  The merges check what they are given whole before they
-- take any of it in, so that one of the wrong shape is refused and
-- changes nothing (the part is then read by the process that refused it).
-- @module logonerr.events.plain

local ipairs, pairs, type = ipairs, pairs, type
local huge = math.huge

local _ENV = nil -- luacheck: ignore 211

local M = {}

local function finite(v) return type(v) == "number" and v == v and v ~= huge and v ~= -huge end

--- What each kind admits; a kind ending in "?" admits nil too.  count: a
-- whole number from 0; record: an EventRecordID (a number, or the text a
-- log gave that is not one), or false.
local IS = {
  number = finite,
  count = function(v) return finite(v) and v >= 0 and v % 1 == 0 end,
  string = function(v) return type(v) == "string" end,
  boolean = function(v) return type(v) == "boolean" end,
  table = function(v) return type(v) == "table" end,
  record = function(v) return v == false or type(v) == "string" or finite(v) end,
}
for _, kind in ipairs({ "number", "count", "string", "boolean", "table" }) do
  local is = IS[kind]
  IS[kind .. "?"] = function(v) return v == nil or is(v) end
end
M.is = IS

--- Is t a table whose fields are of the kinds spec names ({ field =
-- kind })?  strict: and has no other field.
function M.fields(t, spec, strict)
  if type(t) ~= "table" then return false end
  for k, kind in pairs(spec) do
    if not IS[kind](t[k]) then return false end
  end
  if strict then
    for k in pairs(t) do
      if spec[k] == nil then return false end
    end
  end
  return true
end

-- A list's items checked in a loop of their own (a worker's lists run to
-- tens of thousands: no call per item but type()).  v - v is 0 for a
-- finite number alone, v % 1 for a whole one.
local LOOP = {
  number = function(t)
    for i = 1, #t do
      local v = t[i]
      if type(v) ~= "number" or v - v ~= 0 then return false end
    end
    return true
  end,
  count = function(t)
    for i = 1, #t do
      local v = t[i]
      if type(v) ~= "number" or v % 1 ~= 0 or v < 0 then return false end
    end
    return true
  end,
  record = function(t)
    for i = 1, #t do
      local v = t[i]
      if v ~= false and type(v) ~= "string" and (type(v) ~= "number" or v - v ~= 0) then
        return false
      end
    end
    return true
  end,
}

--- Is t a list whose items 1 .. #t are of kind (and, given n, #t == n)?
function M.list(t, kind, n)
  if type(t) ~= "table" or (n ~= nil and #t ~= n) then return false end
  if LOOP[kind] then return LOOP[kind](t) end
  local is = IS[kind]
  for i = 1, #t do
    if not is(t[i]) then return false end
  end
  return true
end

--- Is t a list of n places in a list of last items: whole numbers from 1
-- to last?
function M.places(t, n, last)
  if type(t) ~= "table" or #t ~= n then return false end
  for i = 1, n do
    local v = t[i]
    if type(v) ~= "number" or v % 1 ~= 0 or v < 1 or v > last then return false end
  end
  return true
end

--- Is t a table whose keys are of kind k and values of kind v?
function M.map(t, k, v)
  if type(t) ~= "table" then return false end
  local ik, iv = IS[k], IS[v]
  for key, value in pairs(t) do
    if not (ik(key) and iv(value)) then return false end
  end
  return true
end

return M
