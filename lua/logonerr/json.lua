--- The one JSON library of logonerr.  Decoding goes through lua-cjson
-- (cjson.safe) where it is installed, for speed, else dkjson; both read
-- one value per call (NDJSON line by line).  Encoding writes a fixed key
-- order (the keys people read first, in M.KEYORDER, then the others
-- sorted), so the same data gives the same bytes on every run and every
-- Lua: the bytes dkjson writes given that order, each string escaped by
-- dkjson's own quotestring (and JSON where dkjson's is not: a list's
-- length n that is no whole number, a decimal comma).
-- @module logonerr.json

local concat, error, find, gsub, ipairs, match, pairs, pcall, require, rep =
      table.concat, error, string.find, string.gsub, ipairs, string.match, pairs, pcall, require,
      string.rep
local setmetatable, sort, tostring, type = setmetatable, table.sort, tostring, type
local tointeger = math.tointeger -- luacheck: compat (nil before Lua 5.3)
local huge = math.huge

local _ENV = nil -- luacheck: ignore 211

local M = {}

-- dkjson loads on first use: `logonerr 1366` writes no JSON.
local dk
local function dkjson()
  dk = dk or require "dkjson"
  return dk
end

local ok, cjson = pcall(require, "cjson.safe")
if not ok then cjson = nil end

--- Keys written first, in this order, wherever they appear.
M.KEYORDER = {
  -- the catalogue's reports
  "source", "input", "read_as", "reading_note", "name", "code", "hex", "namespace", "category",
  "severity", "message", "summary", "line", "signed", "hresult", "number",
  "win32", "ntstatus", "causes", "symptoms", "diagnosis", "resolution",
  "prevention", "faq", "question", "answer", "related", "title", "url", "ref",
  "covers", "total", "distinct",
  "items", "count", "first_line", "last_line", "sample",
  -- the events report and records
  "events", "failures", "successes", "skipped", "format", "first", "last", "id",
  "record", "time", "computer", "channel", "kind", "account", "accounts",
  "sources", "codes",
  -- the findings and identities
  "identity", "spellings", "reading", "why",
}
local RANK = {}
for i, k in ipairs(M.KEYORDER) do RANK[k] = i end

-- (keys outside KEYORDER by their text, as a number key has one)
-- (and of a number and a text that read the same, 2 and "2", the number
-- first: the same order every run)
local function by_text(a, b)
  local x, y = tostring(a), tostring(b)
  if x ~= y then return x < y end
  return type(a) < type(b)
end

-- The keys of an object in the order they are written: those of KEYORDER
-- by rank, then the others by text (a sort of numbers and one of texts,
-- which Lua makes without calling back: a report has tens of thousands
-- of objects, --records one per record).
local function keys_of(v)
  local ranked, other, plain = {}, {}, true
  for k in pairs(v) do
    local r = RANK[k]
    if r then
      ranked[#ranked + 1] = r
    else
      other[#other + 1] = k
      if type(k) ~= "string" then plain = false end
    end
  end
  sort(ranked)
  for i = 1, #ranked do ranked[i] = M.KEYORDER[ranked[i]] end
  if #other > 0 then
    sort(other, not plain and by_text or nil)
    local n = #ranked
    for i = 1, #other do ranked[n + i] = other[i] end
  end
  return ranked
end

-- Is t written as a list, and of how many: keys 1..#t and none other
-- (what logonerr writes as one), or what dkjson takes for one in an
-- object: whole-number keys (and n, a number: its length) with few holes.
-- (# of a table with holes may be any border: LuaJIT's of {[2], [3],
-- [10]} is 3, as many as its keys)
local function list_length(t)
  local n = #t
  if n > 0 then
    -- (pairs gives a list's keys 1..n in order: one look, where it does)
    local at = 0
    for k in pairs(t) do
      at = at + 1
      if k ~= at then at = -1; break end
    end
    if at == n then return n end
    local count = 0
    for _ in pairs(t) do count = count + 1 end
    if count == n then
      for i = 1, n do
        if t[i] == nil then count = -1; break end
      end
      if count == n then return n end
    end
  end
  local max, count, len = 0, 0, 0
  for k, x in pairs(t) do
    if k == "n" and type(x) == "number" then
      len = x
      if x > max then max = x end
    elseif type(k) ~= "number" or k < 1 or k % 1 ~= 0 then
      return nil
    else
      if k > max then max = k end
      count = count + 1
    end
  end
  if max > 10 and max > len and max > count * 2 then return nil end
  return max
end

local INDENT = setmetatable({}, { __index = function(c, level)
  local s = "\n" .. rep("  ", level)
  c[level] = s
  return s
end })

-- What a string, number or boolean is written as, kept for the next: a
-- report repeats its accounts, hosts and codes, and counts (half its
-- numbers are 0), --records its field names; up to QUOTED of them, of
-- LONGEST bytes at most, then started again, so that a log's values
-- cannot fill memory.  (0 and -0 are one key: both written 0 where there
-- is math.tointeger, 5.3 on; 5.1 writes -0, and keeps neither.)
local QUOTED, LONGEST = 4096, 256
local function known()
  return { [0] = tointeger and "0" or nil, [true] = "true", [false] = "false" }
end
local written, count = known(), 0
local function keep(v, s)
  if count == QUOTED then written, count = known(), 0 end
  written[v], count = s, count + 1
end

-- A string as JSON: where nothing in it is escaped, quoted here (one look
-- for what dkjson's quotestring escapes, where it makes two); else by
-- quotestring.
local ESCAPED = "[%z\1-\31\"\\\127\194\216\220\225\226\239]"
local function quote(s)
  local q = written[s]
  if q then return q end
  if not find(s, ESCAPED) then
    q = '"' .. s .. '"'
  else
    q = dkjson().quotestring(s)
  end
  if #q <= LONGEST then keep(s, q) end -- (a log's long texts are rarely met twice)
  return q
end

-- A number as JSON writes it: tostring's, with a point for the decimal
-- sign of a locale a program embedding logonerr may have set (0,5 is two
-- numbers in JSON), as dkjson's own writer does.
local function number(v)
  local s = tostring(tointeger and tointeger(v) or v)
  if find(s, "[^%d%.eE+-]") then
    local point = match(tostring(0.5), "([^05+])")
    s = gsub(s, "[^%d%-+eE" .. gsub(point, "%p", "%%%0") .. "]+", "")
    s = gsub(s, gsub(point, "%p", "%%%0"), ".")
  end
  if v ~= 0 then keep(v, s) end
  return s
end

-- A value that is no table as JSON.
local function value(v)
  local t = type(v)
  if t == "string" then
    return quote(v)
  elseif t == "number" then
    -- A whole number read as a float (cjson decodes every number so) is
    -- written as the integer it is: 4625, not 4625.0.
    if v ~= v or v >= huge or -v >= huge then return "null" end
    return number(v)
  elseif t == "boolean" then
    return v and "true" or "false"
  elseif v == nil then -- (the value given, or a hole in a list)
    return "null"
  end
  error("type '" .. t .. "' is not supported by JSON.", 0)
end

-- keys_of(v) kept for the next object of the same keys: found by v's
-- keys in the order pairs gives them, one step each down a tree of the
-- keys met (the order at the node reached, under ORDER).  Only of keys
-- that are strings (of LONGEST bytes at most) or numbers other than 0
-- (5.1 takes -0 for it), and up to QUOTED steps and texts (below), then
-- started again.
local ORDER = {}
local tree, steps = {}, 0
local function ordered(v)
  local node = tree
  for k in pairs(v) do
    node = node[k]
    if not node then break end
  end
  local keys = node and node[ORDER]
  if keys then return keys end
  keys = keys_of(v)
  for i = 1, #keys do
    local k = keys[i]
    local kt = type(k)
    if kt == "string" then
      if #k > LONGEST then return keys end
    elseif kt ~= "number" or k == 0 then
      return keys
    end
  end
  if steps + #keys > QUOTED then tree, steps = {}, 0 end
  node = tree
  for k in pairs(v) do
    local next_node = node[k]
    if not next_node then
      next_node = {}
      node[k], steps = next_node, steps + 1
    end
    node = next_node
  end
  node[ORDER] = keys
  return keys
end

-- Each key of an object with what comes before it and its colon, as one
-- text ("{" or "," and the line's indent before it): one entry of out,
-- not five.  Made once for each list of keys (ordered's) and depth, as
-- far as a key that is neither a string nor a number: that is refused
-- when reached, after the values before it.
local OPEN, COMMA = setmetatable({}, { __index = function(c, depth)
  local s = "{" .. INDENT[depth + 1]
  c[depth] = s
  return s
end }), setmetatable({}, { __index = function(c, depth)
  local s = "," .. INDENT[depth + 1]
  c[depth] = s
  return s
end })
local CLOSE = setmetatable({}, { __index = function(c, depth)
  local s = INDENT[depth] .. "}"
  c[depth] = s
  return s
end })
local function texts_of(keys, open, comma)
  local texts, before = {}, open
  for i = 1, #keys do
    local k = keys[i]
    local kt = type(k)
    if kt ~= "string" and kt ~= "number" then break end
    -- (a number by quotestring, as dkjson: written keeps it as a value)
    local q = kt == "string" and quote(k) or dkjson().quotestring(k)
    texts[i], before = before .. q .. ":", comma
  end
  keys[open], steps = texts, steps + #keys
  return texts
end
local function refused(k)
  error("type '" .. type(k) .. "' is not supported as a key by JSON.", 0)
end

-- The table v written into out (at n, returned) at depth (at most 100:
-- deeper, or a cycle, is written as a string saying so).  A string or
-- other value in it is written here, not by a call for each.
local function put(out, n, v, depth, indent)
  if depth > 100 then
    n = n + 1
    out[n] = quote("(nested too deep)")
    return n
  end
  local len = list_length(v)
  if len then
    if len == 0 then
      n = n + 1
      out[n] = "[]"
      return n
    end
    n = n + 1
    out[n] = "["
    for i = 1, len do
      if i > 1 then n = n + 1; out[n] = "," end
      -- (a value written here as in the object's loop below: one loop for
      -- both, or a call for each value, ran a tenth more instructions)
      local x = v[i]
      local s = written[x]
      if s then
        n = n + 1
        out[n] = s
      elseif type(x) == "table" then
        n = put(out, n, x, depth + 1, indent)
      else
        n = n + 1
        out[n] = value(x)
      end
    end
    n = n + 1
    out[n] = "]"
    return n
  end
  local keys = ordered(v)
  local open, comma, close = "{", ",", "}"
  if indent then open, comma, close = OPEN[depth], COMMA[depth], CLOSE[depth] end
  local texts = keys[open] or texts_of(keys, open, comma)
  for i = 1, #keys do
    local k = keys[i]
    n = n + 1
    out[n] = texts[i] or refused(k)
    local x = v[k]
    local s = written[x]
    if s then
      n = n + 1
      out[n] = s
    elseif type(x) == "table" then
      n = put(out, n, x, depth + 1, indent)
    else
      n = n + 1
      out[n] = value(x)
    end
  end
  n = n + 1
  out[n] = close
  return n
end

local function top(v, indent)
  local t = type(v)
  if t == "table" then
    local out = {}
    put(out, 0, v, 0, indent)
    return concat(out)
  end
  return value(v)
end

--- v as JSON: one line, or indented when opts.indent is set; the same
-- data gives the same bytes.
function M.encode(v, opts)
  local done, s = pcall(top, v, opts and opts.indent)
  if not done then error(s, 2) end
  return s
end

if cjson then
  M.library = "lua-cjson"
  local decode = cjson.decode
  pcall(cjson.encode_invalid_numbers, true)
  --- s decoded, or nil and a message.
  function M.decode(s)
    local v, err = decode(s)
    if v == nil then return nil, err or "not JSON" end
    return v
  end
  --- What JSON null decodes to (nil with dkjson).
  M.null = cjson.null
else
  M.library = "dkjson"
  M.null = nil
  function M.decode(s)
    local v, _, err = dkjson().decode(s, 1, nil)
    if err then return nil, err end
    if v == nil then return nil, "not JSON" end
    return v
  end
end

return M
