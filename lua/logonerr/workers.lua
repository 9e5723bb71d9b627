--- -j for the commands that read many files (scan, events): the option,
-- and the command line that runs this command again, as a worker, on one
-- of them.
-- @module logonerr.workers

local M = {}

-- 64: more processes or threads than that only wait for each other.
local function whole_number(v)
  local n = tonumber(v)
  if n == nil or n < 1 or n > 64 or n % 1 ~= 0 then
    return nil, "jobs must be a whole number from 1 to 64 (got '" .. v .. "')"
  end
  return n
end

--- Declares -j / --jobs on an argparse command; what says what it does.
function M.option(command, what)
  command:option("-j --jobs", what):default("1"):convert(whole_number)
end

--- s quoted for a POSIX shell; nil where there is none.
function M.quote(s)
  if package.config:sub(1, 1) ~= "/" then return nil end
  return "'" .. s:gsub("'", "'\\''") .. "'"
end

--- The command line that started this command (interpreter, its options,
-- the script), quoted; nil when it is not known.
function M.self_command()
  local a = rawget(_G, "arg")
  if type(a) ~= "table" or type(a[0]) ~= "string" or not M.quote("") then
    return nil
  end
  local lo = 0
  while a[lo - 1] ~= nil do lo = lo - 1 end
  if lo == 0 then return nil end
  local parts = {}
  for i = lo, 0 do parts[#parts + 1] = M.quote(a[i]) end
  return table.concat(parts, " ")
end

return M
