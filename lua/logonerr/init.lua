--- Windows logon-session and authentication errors.
-- `require "logonerr"` loads this file: it builds the read-only entry
-- objects once from the C catalogue (logonerr.core) and hands them back to
-- the C functions, which then do all the per-call work.
-- @module logonerr

local core = require "logonerr.core"

local error, ipairs, next, require, setmetatable, tostring =
      error, ipairs, next, require, setmetatable, tostring
local gmatch = string.gmatch

local _ENV = nil -- luacheck: ignore 211

local M = {}

local function readonly_error(_, key)
  error("logonerr: entries and catalogue tables are read-only (assigning '"
        .. tostring(key) .. "')", 2)
end

-- Lua 5.1 and LuaJIT ignore __len, __pairs and __ipairs on tables: there,
-- lists and maps are handed out as plain tables, so that #, pairs and
-- ipairs still work; entries stay read-only everywhere.
local HONOURS_LEN = #setmetatable({}, { __len = function() return 1 end }) == 1

-- Read-only views share one metatable; the table each one shows is kept
-- in shown[view].  So a view costs one empty table, not a metatable and
-- closures of its own.
local shown = {}
local VIEW = {
  __index = function(v, k) return shown[v][k] end,
  __newindex = readonly_error,
  __len = function(v) return #shown[v] end,
  __pairs = function(v) return next, shown[v], nil end,
  __ipairs = function(v) return ipairs(shown[v]) end,
  __metatable = false,
}

--- A list or map as a read-only view where Lua allows it (5.2+).
local function shared(t)
  if not HONOURS_LEN then return t end
  local v = setmetatable({}, VIEW)
  shown[v] = t
  return v
end

local function lines(s)
  if s == nil then return nil end
  local list = {}
  for item in gmatch(s, "[^\n]+") do list[#list + 1] = item end
  return shared(list)
end

local function faq_of(s)
  if s == nil then return nil end
  local list = {}
  for q, a in gmatch(s, "([^\t\n]+)\t([^\n]+)") do
    local item = setmetatable({}, VIEW) -- read-only on every Lua
    shown[item] = { question = q, answer = a }
    list[#list + 1] = item
  end
  return shared(list)
end

local LIST_FIELDS = { "causes", "symptoms", "diagnosis", "resolution",
                      "prevention" }

-- Entries.  What every lookup needs (name, code, hex, ...) is built at
-- require time; the message and the knowledge are read from the C
-- catalogue the first time one of them is asked for, which keeps require
-- quick and the module's heap small.
local count = core.count()
local data, entries, by_name, win32, ntstatus = {}, {}, {}, {}, {}
local index_of = {} -- entry -> its index in the catalogue
local loaded = {}   -- index -> true once the knowledge is read

local function load_knowledge(i)
  local d = data[i]
  local raw = core.raw(i)
  d.message, d.summary, d.faq = raw.message, raw.summary, faq_of(raw.faq)
  for _, f in ipairs(LIST_FIELDS) do d[f] = lines(raw[f]) end
  local related = {}
  for name in gmatch(raw.related or "", "%S+") do
    related[#related + 1] = by_name[name] or
      error("logonerr: catalogue entry " .. raw.name ..
            " names an unknown related error " .. name)
  end
  d.related = shared(related)
  loaded[i] = true
  return d
end

local ENTRY = {
  __index = function(e, k)
    local i = index_of[e]
    local v = data[i][k]
    if v == nil and not loaded[i] then v = load_knowledge(i)[k] end
    return v
  end,
  __newindex = readonly_error,
  __pairs = function(e)
    local i = index_of[e]
    if not loaded[i] then load_knowledge(i) end
    return next, data[i], nil
  end,
  __tostring = function(e) return core.format(data[index_of[e]].name) end,
  __metatable = false,
}

for i = 1, count do
  local raw = core.raw(i, true) -- without the knowledge
  data[i] = {
    name = raw.name, code = raw.code, namespace = raw.namespace,
    hex = raw.hex, hresult = raw.hresult, category = raw.category,
    severity = raw.severity, win32_code = raw.win32_code,
  }
  local e = setmetatable({}, ENTRY)
  entries[i], index_of[e] = e, i
  by_name[raw.name] = e
  if raw.namespace == "win32" then win32[raw.code] = e
  else ntstatus[raw.code] = e end
end

-- Links between the namespaces.
local statuses_of = {}
for i = 1, count do
  local d = data[i]
  if d.win32_code then
    d.win32 = win32[d.win32_code]
    local list = statuses_of[d.win32_code] or {}
    list[#list + 1] = entries[i]
    statuses_of[d.win32_code] = list
  end
  d.win32_code = nil
end
for i = 1, count do
  local d = data[i]
  if d.namespace == "win32" then
    d.ntstatus = shared(statuses_of[d.code] or {})
  end
end

-- The C binding keeps the entries, and a table of the usual spellings of
-- each code (names in upper and lower case, hex, signed and HRESULT forms)
-- that lookup reads before it parses anything.
core.bind(entries)

--- Every entry, sorted by namespace, then code.
M.errors = shared(entries)
--- Win32 entries by code.
M.win32 = shared(win32)
--- NTSTATUS entries by unsigned code.
M.ntstatus = shared(ntstatus)
--- Entries by SDK symbol.
M.by_name = shared(by_name)

-- Constants: logonerr.ERROR_LOGON_SESSION_COLLISION == 1366, ...
for i = 1, count do M[data[i].name] = data[i].code end

--- Categories, in a stable order.
M.categories = shared({ "session", "credentials", "account", "policy",
                          "infrastructure", "general" })

-- The functions written in C (documented in doc/core.luadoc).
for _, f in ipairs({ "lookup", "candidates", "forms", "format",
                     "hresult_from_win32", "hresult_from_nt",
                     "ntstatus_to_win32", "decode", "search", "scan",
                     "scanner", "_VERSION" }) do
  M[f] = core[f]
end

--- Is x one of this module's entries?
function M.is_entry(x)
  return index_of[x] ~= nil
end

--- The entries of one namespace and/or category, in catalogue order.
function M.list(filter)
  filter = filter or {}
  local out = {}
  for _, e in ipairs(entries) do
    if (filter.namespace == nil or e.namespace == filter.namespace) and
       (filter.category == nil or e.category == filter.category) then
      out[#out + 1] = e
    end
  end
  return out
end

-- Log functions load their module on first use: require stays quick.
function M.summarize(...) return require("logonerr.logs").summarize(...) end
function M.annotate(...) return require("logonerr.logs").annotate(...) end

return M
