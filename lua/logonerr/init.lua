--- Windows logon-session and authentication errors.
-- `require "logonerr"` loads this file: it builds the read-only entry
-- objects once from the C catalogue (logonerr.core) and hands them back to
-- the C functions, which then do all the per-call work.
-- @module logonerr

local core = require "logonerr.core"

local error, ipairs, next, rawequal, require, setmetatable, tostring, type =
      error, ipairs, next, rawequal, require, setmetatable, tostring, type
local gmatch = string.gmatch

local _ENV = nil -- luacheck: ignore 211

local M = {}

local function readonly_error(_, key)
  error("logonerr: entries and catalogue tables are read-only (assigning '"
        .. tostring(key) .. "')", 2)
end

--- A read-only view of t: reading works, assigning raises, pairs, ipairs
-- and # see the contents.
local function readonly(t, tostr)
  return setmetatable({}, {
    __index = t,
    __newindex = readonly_error,
    __len = function() return #t end,
    __pairs = function() return next, t, nil end,
    __ipairs = function() return ipairs(t) end,
    __tostring = tostr,
    __metatable = false,
  })
end

-- Lua 5.1 and LuaJIT ignore __len, __pairs and __ipairs on tables: there,
-- lists and maps are handed out as plain tables, so that #, pairs and
-- ipairs still work; entries stay read-only everywhere.
local HONOURS_LEN = #setmetatable({}, { __len = function() return 1 end }) == 1

--- A list or map as a read-only view where Lua allows it (5.2+).
local function shared(t)
  if HONOURS_LEN then return readonly(t) end
  return t
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
    list[#list + 1] = readonly({ question = q, answer = a })
  end
  return shared(list)
end

local LIST_FIELDS = { "causes", "symptoms", "diagnosis", "resolution",
                      "prevention" }

-- Build every entry: data tables first, then the links between them.
local count = core.count()
local data, entries, by_name, win32, ntstatus = {}, {}, {}, {}, {}
for i = 1, count do
  local raw = core.raw(i)
  local d = {
    name = raw.name, code = raw.code, namespace = raw.namespace,
    hex = raw.hex, hresult = raw.hresult, message = raw.message,
    category = raw.category, severity = raw.severity, summary = raw.summary,
    faq = faq_of(raw.faq),
  }
  for _, f in ipairs(LIST_FIELDS) do d[f] = lines(raw[f]) end
  data[i] = { d = d, raw = raw }
  local e = readonly(d, function() return core.format(raw.name) end)
  entries[i] = e
  by_name[raw.name] = e
  if raw.namespace == "win32" then win32[raw.code] = e
  else ntstatus[raw.code] = e end
end

local statuses_of = {}
for i = 1, count do
  local d, raw = data[i].d, data[i].raw
  if raw.win32_code then
    d.win32 = win32[raw.win32_code]
    local list = statuses_of[raw.win32_code] or {}
    list[#list + 1] = entries[i]
    statuses_of[raw.win32_code] = list
  end
  local related = {}
  for name in gmatch(raw.related or "", "%S+") do
    local e = by_name[name]
    if e == nil then
      error("logonerr: catalogue entry " .. raw.name ..
            " names an unknown related error " .. name)
    end
    related[#related + 1] = e
  end
  d.related = shared(related)
end
for i = 1, count do
  local d = data[i].d
  if d.namespace == "win32" then
    d.ntstatus = shared(statuses_of[d.code] or {})
  end
end

local names = {}
for i = 1, count do names[data[i].raw.name] = i end
core.bind(entries, names)

--- Every entry, sorted by namespace, then code.
M.errors = shared(entries)
--- Win32 entries by code.
M.win32 = shared(win32)
--- NTSTATUS entries by unsigned code.
M.ntstatus = shared(ntstatus)
--- Entries by SDK symbol.
M.by_name = shared(by_name)

-- Constants: logonerr.ERROR_LOGON_SESSION_COLLISION == 1366, ...
for i = 1, count do M[data[i].raw.name] = data[i].raw.code end

--- Categories, in a stable order.
M.categories = shared({ "session", "credentials", "account", "policy",
                          "infrastructure", "general" })

M.lookup = core.lookup
M.candidates = core.candidates
M.forms = core.forms
M.format = core.format
M.hresult_from_win32 = core.hresult_from_win32
M.hresult_from_nt = core.hresult_from_nt
M.ntstatus_to_win32 = core.ntstatus_to_win32
M.decode = core.decode
M.search = core.search
M.scan = core.scan
M.scanner = core.scanner
M._VERSION = core._VERSION

--- Is x one of this module's entries?
function M.is_entry(x)
  if type(x) ~= "table" then return false end
  local e = by_name[x.name]
  return e ~= nil and rawequal(e, x)
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

local logs = require "logonerr.logs"
M.summarize = logs.summarize
M.annotate = logs.annotate

return M
