--- How a worker of `logonerr events -j` hands its partial triage to the
-- parent: plain data (tables of strings, numbers and booleans, no cycles)
-- written as a Lua table constructor and read back by load() with no
-- environment.  Lua's own parser reads it faster than any JSON library,
-- and numbers come back exactly (JSON libraries round floats to 14
-- digits; times are seconds with six decimals).  Long lists of numbers go
-- as their bytes, after the text, where string.pack is; long lists of flat
-- rows, a row in one string.format, where its %q writes any constant.
-- @module logonerr.events.wire

local error, ipairs, load, next, pcall, setmetatable, tonumber, tostring, type =
      error, ipairs, load, next, pcall, setmetatable, tonumber, tostring, type
local format, gsub, gmatch, find, rep, sub =
      string.format, string.gsub, string.gmatch, string.find, string.rep, string.sub
local pack, unpack_bin = string.pack, string.unpack -- luacheck: compat (Lua 5.3 on)
local unpack = table.unpack or rawget(_G, "unpack") -- luacheck: compat
local concat, move = table.concat, table.move
local mtype = math.type or function() return nil end -- luacheck: compat
local huge = math.huge
local loadstring = rawget(_G, "loadstring") -- Lua 5.1: load() takes no text
local setfenv = rawget(_G, "setfenv")

local _ENV = nil -- luacheck: ignore 211

-- string.pack formats of 200 numbers: lua_Integers and doubles.
local FORMAT = { j = "<" .. rep("j", 200), d = "<" .. rep("d", 200) }

local M = {}

local function number(v)
  if mtype(v) == "integer" then
    -- (the least integer's digits read back as minus a number too big to
    -- be one, a float: its bits in hex read back as itself)
    if v < 0 and -v < 0 then return "0x8000000000000000" end
    return format("%d", v)
  end
  if v ~= v or v == huge or v == -huge then
    error("wire: a number that is not finite", 3)
  end
  local s = format("%.17g", v)
  -- A float stays a float in Lua 5.3+ ("3" would come back an integer).
  if mtype(v) == "float" and not find(s, "[%.eEn]") then s = s .. ".0" end
  return s
end

local function text(s)
  -- %q keeps every byte; Lua 5.1's leaves a carriage return raw, which its
  -- lexer would take for a line break.
  return (gsub(format("%q", s), "\r", "\\r"))
end

-- A list of numbers at once (a worker's times and record numbers run to
-- hundreds of thousands): one constant for the whole list, where a table
-- constructor would make the parser keep a constant and an instruction per
-- number (tens of MB for a big part).  Where string.pack is (Lua 5.3 on),
-- as B(at,n,"d") read back by B: the numbers' bytes, 200 at a time, in the
-- binary tail (bin) after the text; the bytes are exact, and unpacking them
-- is ten times as fast as reading their text.  Else as N"1,2,...", read
-- back by N: integers through table.concat, which writes them exactly;
-- floats 200 at a time through one format, %.17e (exact, read back as
-- floats).  False when the list holds anything else.
local function numbers(out, v, n, bin)
  -- (a look at each: one call where Lua has integers, half of encode() else)
  local kind = mtype(v[1])
  if kind == "integer" then
    for i = 1, n do
      if mtype(v[i]) ~= "integer" then return false end
    end
  elseif kind == "float" then
    for i = 1, n do
      local x = v[i]
      if mtype(x) ~= "float" or x ~= x or x == huge or x == -huge then return false end
    end
  else -- (Lua 5.1: no kinds; or not a number)
    for i = 1, n do
      local x = v[i]
      if type(x) ~= "number" or x ~= x or x == huge or x == -huge then return false end
    end
  end
  if pack then
    local code = kind == "integer" and "j" or "d"
    out[#out + 1] = format('B(%d,%d,"%s")', bin.size, n, code)
    for i = 1, n, 200 do
      local k = n - i + 1
      if k > 200 then k = 200 end
      local b = pack(k == 200 and FORMAT[code] or "<" .. rep(code, k), unpack(v, i, i + k - 1))
      bin[#bin + 1] = b
      bin.size = bin.size + #b
    end
    return true
  end
  out[#out + 1] = 'N"'
  if kind == "integer" then
    out[#out + 1] = concat(v, ",", 1, n)
  else
    for i = 1, n, 200 do
      local k = n - i + 1
      if k > 200 then k = 200 end
      local s = format(rep("%.17e,", k), unpack(v, i, i + k - 1))
      out[#out + 1] = i + k > n and s:sub(1, -2) or s
    end
  end
  out[#out + 1] = '"'
  return true
end

-- The list N"..." stands for.
local function N(s)
  local t, k = {}, 0
  for x in gmatch(s, "[^,]+") do
    k = k + 1
    t[k] = tonumber(x)
  end
  return t
end

-- What B(at,n,code) in the text of s stands for: n numbers of the kind
-- code, at byte at of the binary tail, which starts at s's byte base.
local function binary(s, base)
  return function(at, n, code)
    if type(at) ~= "number" or type(n) ~= "number" or at < 0 or n < 0 or not FORMAT[code] then
      error("not a worker's list of numbers", 2)
    end
    local t, pos = {}, base + at
    for i = 1, n, 200 do
      local k = n - i + 1
      if k > 200 then k = 200 end
      local v = { unpack_bin(k == 200 and FORMAT[code] or "<" .. rep(code, k), s, pos) }
      pos = v[k + 1]
      move(v, 1, k, i, t)
    end
    return t
  end
end

-- Lua 5.4's %q writes a string, a number (a float in hex, exact), a
-- boolean and nil as constants the parser reads back the same: a flat
-- row goes in one call of format, in C, where put() spends a dozen Lua
-- instructions on each field.  (Lua 5.1's %q takes strings alone, and
-- LuaJIT's writes a number as a string of 14 digits: rows go field by
-- field there.)
local ROWS
do
  local ok, constants = pcall(format, "%q,%q,%q", 1 / 3, nil, true)
  local f = ok and (loadstring or load)("return " .. constants)
  if f then
    local third, none, yes = f()
    ROWS = third == 1 / 3 and none == nil and yes == true
  end
end
local KEYWORD = {}
for w in gmatch("and break do else elseif end false for function goto if in local nil not " ..
                "or repeat return then true until while", "%a+") do
  KEYWORD[w] = true
end

-- A writer of rows like those of list v (n of them): flat tables, whose
-- keys are names (as the parser reads them) or places 1 to 8, and whose
-- values are texts, finite numbers and booleans (a state's shapes, sums
-- and names learnt, thousands of each on a domain's log); or a text
-- alone.  A function of a row that gives its constructor, made by load()
-- for the fields these rows have; nil for any other list, and for rows of
-- more fields than a call takes arguments (Lua's registers: 255 a
-- function), which go field by field.
local MOST_FIELDS = 64
local function rows_writer(v, n)
  local names, has, places = {}, {}, 0
  for i = 1, n do
    local row = v[i]
    if type(row) == "table" then
      for k, x in next, row do
        local tx = type(x)
        if tx == "number" then
          if x ~= x or x == huge or x == -huge then return nil end
        elseif tx ~= "string" and tx ~= "boolean" then
          return nil
        end
        if not has[k] then
          if type(k) == "string" then
            if KEYWORD[k] or not find(k, "^[%a_][%w_]*$") then return nil end
            names[#names + 1] = k
          elseif mtype(k) == "integer" and k >= 1 and k <= 8 then
            if k > places then places = k end
          else
            return nil
          end
          if #names + places > MOST_FIELDS then return nil end
          has[k] = true
        end
      end
    elseif type(row) ~= "string" then
      return nil
    end
  end
  local fmt, args = { "{" }, {}
  for i = 1, places do
    fmt[#fmt + 1] = "%q,"
    args[#args + 1] = "r[" .. i .. "]"
  end
  for _, k in ipairs(names) do
    fmt[#fmt + 1] = k .. "=%q,"
    args[#args + 1] = "r." .. k
  end
  fmt[#fmt + 1] = "}"
  if #args == 0 then return nil end
  local make = load("local format, fmt = ... return function(r) return format(fmt, " ..
                    concat(args, ",") .. ") end", "=rows", "t", {})
  return make and make(format, concat(fmt))
end

-- The texts of the strings and keys met so far (a state repeats a few
-- dozen: field names, hosts, accounts), made once per encode().
local function texts_of()
  return setmetatable({}, { __index = function(c, s)
    local q = text(s)
    c[s] = q
    return q
  end })
end

local function put(out, v, bin)
  local t = type(v)
  if t == "string" then out[#out + 1] = bin.texts[v]
  elseif t == "number" then out[#out + 1] = number(v)
  elseif t == "boolean" then out[#out + 1] = tostring(v)
  elseif t == "table" then
    local n = #v
    local row
    if n >= 16 then -- a list alone (no other key): of numbers, or of rows
      local count = 0
      for _ in next, v do count = count + 1 end
      if count == n and numbers(out, v, n, bin) then return end
      row = count == n and ROWS and rows_writer(v, n)
    end
    if row then
      local texts = bin.texts
      out[#out + 1] = "{"
      for i = 1, n do
        local x = v[i]
        out[#out + 1] = type(x) == "string" and texts[x] or row(x)
        out[#out + 1] = ","
      end
      out[#out + 1] = "}"
      return
    end
    out[#out + 1] = "{"
    -- # of a table with holes (logon types 2, 3 and 10) may be any border:
    -- only a list with none is written as one.
    for i = 1, n do
      if v[i] == nil then n = 0; break end
    end
    for i = 1, n do
      put(out, v[i], bin)
      out[#out + 1] = ","
    end
    local keys = bin.keys
    for k, x in next, v do
      local tk = type(k)
      if tk == "string" then -- (most keys: their [text]= made once)
        out[#out + 1] = keys[k]
        put(out, x, bin)
        out[#out + 1] = ","
      elseif not (tk == "number" and k % 1 == 0 and k >= 1 and k <= n) then
        out[#out + 1] = "["
        put(out, k, bin)
        out[#out + 1] = "]="
        put(out, x, bin)
        out[#out + 1] = ","
      end
    end
    out[#out + 1] = "}"
  else
    error("wire: cannot send a " .. t, 3)
  end
end

--- v (plain data) as text that decode() reads back: a Lua table
-- constructor, and after a zero byte (which %q never leaves in the text)
-- the bytes of its lists of numbers, where string.pack is.
function M.encode(v)
  local texts = texts_of()
  local keys = setmetatable({}, { __index = function(c, k)
    local q = "[" .. texts[k] .. "]="
    c[k] = q
    return q
  end })
  local out, bin = { "return " }, { size = 0, texts = texts, keys = keys }
  put(out, v, bin)
  if bin.size == 0 then return concat(out) end
  return concat(out) .. "\0" .. concat(bin)
end

--- The data encode() wrote; nil and a message when s is not that.
function M.decode(s)
  if type(s) ~= "string" or s:sub(1, 7) ~= "return " then
    return nil, "not a worker's result"
  end
  local f, why
  local cut = find(s, "\0", 1, true)
  if setfenv then
    f, why = loadstring(s, "=worker")
    if f then setfenv(f, { N = N }) end
  elseif cut and unpack_bin then
    f, why = load(sub(s, 1, cut - 1), "=worker", "t", { N = N, B = binary(s, cut + 1) })
  else
    f, why = load(s, "=worker", "t", { N = N })
  end
  if f == nil then return nil, why end
  local ok, v = pcall(f)
  if not ok then return nil, v end
  return v
end

return M
