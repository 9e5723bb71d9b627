--- Checks of plain data another process sent: a worker's partial triage
-- as logonerr.events.wire reads it back, where any table constructor
-- would decode.  The merges check what they are given whole before they
-- take any of it in: each field of the kind and range the merge, the
-- findings and the report can take (here), and what ties fields together
-- as the producer made them (there: a shape's key of its fields, a code's
-- key of its number).  One that is not so is refused and changes nothing
-- (the part is then read by the process that refused it).
-- @module logonerr.events.plain

local error, ipairs, pairs, setmetatable, type = error, ipairs, pairs, setmetatable, type
local match = string.match
local huge = math.huge

local _ENV = nil -- luacheck: ignore 211

local M = {}

local function finite(v) return type(v) == "number" and v == v and v ~= huge and v ~= -huge end
-- (whole numbers up to 2^53 are exact in a double, and %d writes them in
-- every Lua; a time in seconds beyond that has no date to write)
local BIG = 2 ^ 53

--- What each kind admits; a kind ending in "?" admits nil too.  count: a
-- whole number from 0 below 2^53; seconds: a time, a number below 2^53
-- either way; scalar: a text or a number (what a JSON export may give
-- for a text field); any: anything but nil (a record's EventRecordID is
-- only copied, and a log may give it as anything).
local IS = {
  number = finite,
  -- (v % 1 is 0 for a whole number alone: NaN's and infinities' are NaN)
  count = function(v) return type(v) == "number" and v >= 0 and v < BIG and v % 1 == 0 end,
  seconds = function(v) return finite(v) and v < BIG and v > -BIG end,
  string = function(v) return type(v) == "string" end,
  scalar = function(v) return type(v) == "string" or finite(v) end,
  boolean = function(v) return type(v) == "boolean" end,
  table = function(v) return type(v) == "table" end,
  any = function(v) return v ~= nil end,
}
for _, kind in ipairs({ "number", "count", "seconds", "string", "scalar", "boolean", "table",
                        "any" }) do
  local is = IS[kind]
  IS[kind .. "?"] = function(v) return v == nil or is(v) end
end
M.is = IS

-- Kinds that are a type alone: type() tells them, with no call.
local TYPE = { string = true, boolean = true, table = true }

-- Of each spec: the test of each field's kind when it is there (the
-- kind without its "?": its type's name, or a function), and the fields
-- that must be.
local tests_of = setmetatable({}, { __mode = "k", __index = function(c, spec)
  local test, needed = {}, {}
  for k, kind in pairs(spec) do
    local base = match(kind, "^(.-)%?$") or kind
    test[k] = TYPE[base] and base or IS[base] or error("plain: no kind '" .. kind .. "'", 0)
    if base == kind then needed[#needed + 1] = k end
  end
  local x = { test = test, needed = needed }
  c[spec] = x
  return x
end })

--- Is t a table whose fields are of the kinds spec names ({ field =
-- kind })?  strict: and has no other field.  (A spec is a constant: its
-- tests are made at its first use and kept.)
function M.fields(t, spec, strict)
  if type(t) ~= "table" then return false end
  local x = tests_of[spec]
  local test = x.test
  -- (strict: the fields t has, a shape's dozen of a spec's thirty, each
  -- one the spec names; else the spec's, each where t has it)
  for k in pairs(strict and t or test) do
    local is, v = test[k], t[k]
    if is == nil then return false end
    if v ~= nil then
      if type(is) == "string" then
        if type(v) ~= is then return false end
      elseif not is(v) then
        return false
      end
    end
  end
  for _, k in ipairs(x.needed) do
    if t[k] == nil then return false end
  end
  return true
end

-- A list's items checked in a loop of their own (a worker's lists run to
-- tens of thousands: no call per item but type()).  v - v is 0 for a
-- finite number alone, v % 1 for a whole one.
local LOOP = {
  seconds = function(t)
    for i = 1, #t do
      local v = t[i]
      if type(v) ~= "number" or v - v ~= 0 or v >= BIG or v <= -BIG then return false end
    end
    return true
  end,
  count = function(t)
    for i = 1, #t do
      local v = t[i]
      if type(v) ~= "number" or v % 1 ~= 0 or v < 0 or v >= BIG then return false end
    end
    return true
  end,
  any = function(t)
    for i = 1, #t do
      if t[i] == nil then return false end
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
