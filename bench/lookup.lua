-- make bench: what a call into logonerr costs, in one Lua process, against
-- the cheapest C call Lua makes (string.byte), a pure-Lua alternative
-- (bench/alternative.lua) and string.format.
--   lua5.4 bench/lookup.lua [CALLS]     (default 10^7 per case)
local build = type(jit) == "table" and "luajit" or "lua" .. _VERSION:match("%d+%.%d+")
package.path = "lua/?.lua;lua/?/init.lua;bench/?.lua;spec/?.lua;" .. package.path
package.cpath = "build/" .. build .. "/?.so;" .. package.cpath

local N = tonumber(arg[1] or "1e7")
local clock = os.clock

-- The heap and time that require adds, measured first in this fresh state.
collectgarbage("collect")
local heap0 = collectgarbage("count")
local logonerr = require "logonerr"
collectgarbage("collect")
local heap_kb = collectgarbage("count") - heap0

local alt = require("alternative").new(logonerr.errors)

-- ns per call of f(x), N calls, best of 3 runs.
local function per_call(f, x)
  local best = math.huge
  for _ = 1, 3 do
    local t0 = clock()
    for _ = 1, N do f(x) end
    best = math.min(best, clock() - t0)
  end
  return best / N * 1e9
end

local e1366 = logonerr.lookup(1366)
local fmt_args = { e1366.name, e1366.code, e1366.code, e1366.message }
local sformat = string.format
local function string_format()
  return sformat("%s (%d, 0x%X): %s", fmt_args[1], fmt_args[2], fmt_args[3], fmt_args[4])
end

local CASES = {
  { "lookup(1366)", logonerr.lookup, 1366, alt.lookup },
  { 'lookup("0x556")', logonerr.lookup, "0x556", alt.lookup },
  { 'lookup("0xC000006D")', logonerr.lookup, "0xC000006D", alt.lookup },
  { "lookup(-1073741715)", logonerr.lookup, -1073741715, alt.lookup },
  { 'lookup("ERROR_LOGON_SESSION_COLLISION")', logonerr.lookup,
    "ERROR_LOGON_SESSION_COLLISION", alt.lookup },
  { 'lookup("error_logon_session_collision")', logonerr.lookup,
    "error_logon_session_collision", alt.lookup },
  { "lookup(4903) (unknown)", logonerr.lookup, 4903, alt.lookup },
  { "format(1366)", logonerr.format, 1366, alt.format },
  { "forms(1366)", logonerr.forms, 1366 },
  { 'candidates("1326")', logonerr.candidates, "1326" },
}

-- The floor is measured before and after the cases (the best counts), so
-- that a machine warming up or slowing down does not flatter the ratios.
local floor = per_call(string.byte, "x")
local rows = {}
for k, c in ipairs(CASES) do
  rows[k] = { ns = per_call(c[2], c[3]), alt = c[4] and per_call(c[4], c[3]) }
end
floor = math.min(floor, per_call(string.byte, "x"))

print(("%s, %d calls per case, best of 3 (os.clock)"):format(_VERSION, N))
print(("floor: string.byte(s)  %.1f ns/call"):format(floor))
print()
print(("%-42s %9s %9s %10s %9s"):format("case", "ns/call", "x floor", "pure Lua", "x Lua"))
for k, c in ipairs(CASES) do
  local ns, alt_ns = rows[k].ns, rows[k].alt
  print(("%-42s %9.1f %9.2f %10s %9s"):format(c[1], ns, ns / floor,
    alt_ns and ("%.1f"):format(alt_ns) or "-",
    alt_ns and ("%.2f"):format(ns / alt_ns) or "-"))
end
local sf = per_call(string_format)
local fmt = per_call(logonerr.format, 1366)
print(("%-42s %9.1f    format(1366) / string.format = %.2f"):format(
  "string.format (same line)", sf, fmt / sf))

-- Allocation: a million lookups of every kind.
local lookup = logonerr.lookup
local function million()
  for _ = 1, 1e6 / 4 do
    lookup(1366); lookup("0xC000006D"); lookup("error_logon_session_collision")
    lookup(-1073741715)
  end
end
local grown = require("support.heap")(million)
print()
print(("a million lookups allocated %.0f bytes"):format(grown * 1024))
print(("Lua heap held by the module after require: %.0f KB"):format(heap_kb))
