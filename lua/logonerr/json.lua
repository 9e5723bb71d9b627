--- The one JSON library of logonerr.  Decoding goes through lua-cjson
-- (cjson.safe) where it is installed, for speed, else dkjson; both read
-- one value per call (NDJSON line by line).  Encoding always goes through
-- dkjson with a fixed key order (the keys people read first, in
-- M.KEYORDER, then the others sorted), so the same data gives the same
-- bytes on every run and every Lua.
-- @module logonerr.json

local ipairs, pairs, pcall, require, setmetatable, sort, tostring, type =
      ipairs, pairs, pcall, require, setmetatable, table.sort, tostring, type
local tointeger = math.tointeger -- luacheck: compat (nil before Lua 5.3)

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

local function before(a, b)
  local ra, rb = RANK[a], RANK[b]
  if ra and rb then return ra < rb end
  if ra or rb then return ra ~= nil end
  return tostring(a) < tostring(b)
end

-- Is t a list (keys 1..n, n > 0)?
local function is_list(t)
  local n = #t
  if n == 0 then return false end
  local count = 0
  for _ in pairs(t) do count = count + 1 end
  return count == n
end

-- A copy of v whose objects carry their key order for dkjson.
local function ordered(v, depth)
  if type(v) ~= "table" then
    -- A whole number read as a float (cjson decodes every number so) is
    -- written as the integer it is: 4625, not 4625.0.
    if tointeger and type(v) == "number" then return tointeger(v) or v end
    return v
  end
  if depth > 100 then return "(nested too deep)" end
  local c = {}
  if is_list(v) then
    for i = 1, #v do c[i] = ordered(v[i], depth + 1) end
    return c
  end
  local keys = {}
  for k, x in pairs(v) do
    keys[#keys + 1] = k
    c[k] = ordered(x, depth + 1)
  end
  if #keys == 0 then return c end -- {} is written as [], as dkjson does
  sort(keys, before)
  return setmetatable(c, { __jsonorder = keys })
end

--- v as JSON: one line, or indented when opts.indent is set; the same
-- data gives the same bytes.
function M.encode(v, opts)
  return dkjson().encode(ordered(v, 0), { indent = opts and opts.indent })
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
