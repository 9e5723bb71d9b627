--- Windows logon-session and authentication errors.
-- `require "logonerr"` loads this file.  Everything that touches the
-- catalogue is C (logonerr.core: the entries, the lookups, the tables of
-- names); this file adds the few helpers written in Lua.
-- @module logonerr

local core = require "logonerr.core"

local ipairs, pairs, require = ipairs, pairs, require

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

-- Log functions load their module on first use: require stays quick.
function M.summarize(...) return require("logonerr.logs").summarize(...) end
function M.annotate(...) return require("logonerr.logs").annotate(...) end

return M
