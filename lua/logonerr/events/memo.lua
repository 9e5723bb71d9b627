--- Functions of one text, remembered: a log repeats the same few
-- addresses, hosts and accounts millions of times, and each is worked out
-- once.  Bounded: past MAX texts a function starts remembering afresh, so
-- that a log of many cannot grow it.
-- @module logonerr.events.memo

local type = type

local _ENV = nil -- luacheck: ignore 211

local M = {}

--- Texts remembered per function.
M.MAX = 512

local NIL = {} -- what stands for a nil result

-- Can v be remembered: a string, or a number but NaN?
local function keyed(v)
  local t = type(v)
  return t == "string" or t == "number" and v == v
end

--- f, remembered for strings and numbers (other arguments are passed on
-- each time).  f must give the same for the same argument, and one value.
function M.one(f)
  local seen, n = {}, 0
  return function(v)
    -- (looking up any v is safe, nil and NaN too; only keyed ones are kept,
    -- so a value found needs no test)
    local r = seen[v]
    if r == nil then
      if not keyed(v) then return f(v) end
      if n >= M.MAX then seen, n = {}, 0 end
      r = f(v)
      if r == nil then r = NIL end
      seen[v], n = r, n + 1
    end
    if r == NIL then return nil end
    return r
  end
end

--- The same for an f that gives two values.
function M.two(f)
  local first, second, n = {}, {}, 0
  return function(v)
    local a = first[v]
    if a == nil then
      if not keyed(v) then return f(v) end
      if n >= M.MAX then first, second, n = {}, {}, 0 end
      local b
      a, b = f(v)
      if a == nil then a = NIL end
      if b == nil then b = NIL end
      first[v], second[v], n = a, b, n + 1
    end
    local b = second[v]
    if a == NIL then a = nil end
    if b == NIL then b = nil end
    return a, b
  end
end

return M
