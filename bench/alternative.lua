-- What a competent user would write instead of logonerr for lookups: Lua
-- tables keyed by code and by upper-case name, tonumber for numbers in
-- text, and string.format for the one-line text.  Built from the same
-- catalogue, so both sides answer the same questions.
local M = {}

function M.new(errors)
  local win32, ntstatus, names = {}, {}, {}
  for _, e in ipairs(errors) do
    local t = { name = e.name, code = e.code, message = e.message,
                namespace = e.namespace }
    if e.namespace == "win32" then win32[e.code] = t else ntstatus[e.code] = t end
    names[e.name] = t
  end
  local upper, tonumber, type, format = string.upper, tonumber, type, string.format

  local function by_number(n)
    if n < 0 then n = n + 4294967296 end
    if n <= 0xFFFF then return win32[n] end
    if n >= 0x80070000 and n <= 0x8007FFFF then return win32[n - 0x80070000] end
    if n >= 0xD0000000 and n <= 0xDFFFFFFF then return ntstatus[n - 0x10000000] end
    return ntstatus[n]
  end

  local function lookup(x)
    if type(x) == "number" then return by_number(x) end
    local n = tonumber(x)
    if n then return by_number(n) end
    return names[upper(x)]
  end

  local function line(x)
    local e = lookup(x)
    if e.namespace == "win32" then
      return format("%s (%d, 0x%X): %s", e.name, e.code, e.code, e.message)
    end
    return format("%s (0x%X): %s", e.name, e.code, e.message)
  end

  return { lookup = lookup, format = line }
end

return M
