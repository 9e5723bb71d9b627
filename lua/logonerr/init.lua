--- Windows logon-session and authentication errors.
-- `require "logonerr"` loads this file.  Everything that touches the
-- catalogue is C (logonerr.core: the entries, the lookups, the tables of
-- names); this file adds the few helpers written in Lua.
-- @module logonerr

local core = require "logonerr.core"

local vocabulary = require "logonerr.vocabulary"

local error, ipairs, next, pairs, rawset, require, setmetatable, tostring, type =
  error, ipairs, next, pairs, rawset, require, setmetatable, tostring, type

local _ENV = nil -- luacheck: ignore 211

local M = {}
for k, v in pairs(core) do M[k] = v end
M._NAME = "logonerr"

--- The entries of one namespace and/or category, in catalogue order.
function M.list(filter)
  filter = filter or {}
  local out = {}
  for _, e in ipairs(core.errors) do
    if (filter.namespace == nil or e.namespace == filter.namespace) and
       (filter.category == nil or e.category == filter.category) then
      out[#out + 1] = e
    end
  end
  return out
end

-- Lua 5.2 and later honour __pairs (and __len); 5.1 and LuaJIT do not.
local HONOURS_PAIRS =
  #setmetatable({}, { __len = function() return 1 end }) == 1

-- A read-only view of t, nested tables included: indexing reads t, any
-- assignment raises, and pairs walks t through a closure that calls next
-- on it, so no caller ever holds t itself.  Where pairs would ignore the
-- view (Lua 5.1, LuaJIT), a plain copy is handed out instead, as the core
-- does for its lists and maps.
local function readonly(t, what)
  local shown = {}
  for k, v in next, t do
    shown[k] = type(v) == "table" and readonly(v, what) or v
  end
  if not HONOURS_PAIRS then return shown end
  return setmetatable({}, {
    __index = shown,
    __newindex = function(_, k)
      error("logonerr: " .. what .. " is read-only (assigning '" ..
            tostring(k) .. "')", 2)
    end,
    __pairs = function()
      return function(_, k) return next(shown, k) end, nil, nil
    end,
    __len = function() return #shown end,
    __metatable = false,
  })
end

--- Event 4625's Failure Reason texts: `failure_reasons[2313]` is the text
-- Windows renders for `%%2313`, for 2304 to 2315.
M.failure_reasons = readonly(vocabulary.failure_reasons, "failure_reasons")
--- Logon types 0 and 2..13: `logon_types[10]` is
-- `{name = "RemoteInteractive", description = ...}`.
M.logon_types = readonly(vocabulary.logon_types, "logon_types")
--- Logon-related Security event IDs: `event_ids[4771]` is
-- `{name=, description=, code_fields = {Status = "kerberos"}, labels=}`.
-- Built on first use: it reads the events schema, which explaining a code
-- does not need (spec/startup_spec.lua).
setmetatable(M, { __index = function(t, k)
  if k ~= "event_ids" then return nil end
  local v = readonly(vocabulary.event_ids(), "event_ids")
  rawset(t, k, v)
  return v
end })

-- Log functions load their module on first use: require stays quick.
function M.summarize(...) return require("logonerr.logs").summarize(...) end
function M.annotate(...) return require("logonerr.logs").annotate(...) end

return M
