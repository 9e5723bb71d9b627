-- Reading an entry's knowledge as the knowledge specs do.
local logonerr = require "logonerr"

local M = {}

--- Every sentence the entry holds: summary, list items and FAQ pairs.
function M.texts(e)
  local t = { e.summary }
  for _, f in ipairs(logonerr.list_fields) do
    for _, s in ipairs(e[f] or {}) do t[#t + 1] = s end
  end
  for _, qa in ipairs(e.faq or {}) do t[#t + 1] = qa.question .. " " .. qa.answer end
  return t
end

--- A step as a reader compares it: case, punctuation and spacing aside.
function M.norm(s) return (s:lower():gsub("[%p%s]+", " ")) end

--- The set of names of a list of entries (e.related, e.ntstatus...).
function M.names(list)
  local t = {}
  for _, r in ipairs(list or {}) do t[r.name] = true end
  return t
end

return M
