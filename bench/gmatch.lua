-- The scanner a competent Lua user would write without logonerr: a line
-- at a time, one gmatch per form (names, top-bit hex, keyword + number).
--   lua bench/gmatch.lua FILE
local KEYWORDS = {}
for _, k in ipairs({ "error", "err", "errorcode", "code", "status", "substatus",
                     "statuscode", "winerror", "getlasterror", "lasterror",
                     "hresult", "ntstatus" }) do
  KEYWORDS[k] = true
end

local path = arg[1] or error("usage: gmatch.lua FILE")
local n = 0
for line in io.lines(path) do
  for _ in line:gmatch("%f[%w_]ERROR_[%u%d_]+") do n = n + 1 end
  for _ in line:gmatch("%f[%w_]STATUS_[%u%d_]+") do n = n + 1 end
  for _ in line:gmatch("%f[%w_]0[xX][89A-Fa-f]%x%x%x%x%x%x%x%f[^%w_]") do
    n = n + 1
  end
  for word, sep in line:gmatch("%f[%a](%a+)([ \t:=#()]+%-?)%d+%f[^%w_.]") do
    if KEYWORDS[word:lower()] and #sep <= 9 then n = n + 1 end
  end
end
print(n)
