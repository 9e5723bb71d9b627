-- The wall time `require "logonerr"` adds to starting an interpreter:
-- RUNS starts of a bare interpreter and RUNS that also require the module,
-- interleaved; medians compared.   lua5.4 bench/startup.lua [RUNS]
local runs = tonumber(arg[1] or "201")
local lua = os.getenv("LUA") or "lua5.4"
local build = lua == "luajit" and "luajit" or lua:gsub("^lua", "lua")
local paths = ("package.path='lua/?.lua;lua/?/init.lua;'..package.path " ..
               "package.cpath='build/%s/?.so;'..package.cpath"):format(build)
local bare = ("%s -e \"%s\""):format(lua, paths)
local with = ("%s -e \"%s require('logonerr')\""):format(lua, paths)

local script = ("for i in $(seq %d); do " ..
  "s=$(date +%%s%%N); %s; e=$(date +%%s%%N); echo b $((e-s)); " ..
  "s=$(date +%%s%%N); %s; e=$(date +%%s%%N); echo r $((e-s)); done"):format(
  runs, bare, with)
local p = assert(io.popen(script))
local times = { b = {}, r = {} }
for kind, ns in p:read("*a"):gmatch("(%a) (%d+)") do
  local t = times[kind]
  t[#t + 1] = tonumber(ns)
end
p:close()

local function median(t)
  table.sort(t)
  return t[math.floor(#t / 2) + 1]
end
local b, r = median(times.b), median(times.r)
print(("interpreter start, median of %d: bare %.2f ms, with require %.2f ms: " ..
       "require adds %.2f ms"):format(runs, b / 1e6, r / 1e6, (r - b) / 1e6))
