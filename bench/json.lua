-- make bench-events: logonerr.json.encode against dkjson told the same key
-- order (the bytes the spec holds them to), in one process, on the records
-- of a log as --records writes them (one encode each) and on the report of
-- another (one big encode, indented as -f json writes it).  Processor
-- time, the best of ROUNDS of each.
--   lua5.4 bench/json.lua [RECORDS_LOG [REPORT_LOG]]
local tag = rawget(_G, "jit") and "luajit" or "lua" .. _VERSION:match("%d+%.%d+")
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "build/" .. tag .. "/?.so;" .. package.cpath
local events = require "logonerr.events"
local json = require "logonerr.json"
local dkjson = require "dkjson"

local path = arg[1] or "spec/fixtures/evtx/python-evtx-security.evtx"
local whole = arg[2] or path
local ROUNDS = 5

-- The records as --records writes them (read back), the report as -f json.
local lua = os.getenv("LUA") or "lua5.4"
local recs = {}
local p = assert(io.popen(lua .. " bin/logonerr events --records '" .. path .. "'"))
for line in p:lines() do recs[#recs + 1] = assert(json.decode(line)) end
p:close()
local report = events.triage(events.open(whole, { lean = true, tally = true }))

-- dkjson's order: KEYORDER, then every other key met, sorted as text
-- (what logonerr.json writes), worked out before the clock starts.  (dkjson
-- looks each up in each object: the fewer the better for it.)
local keys, seen = {}, {}
local function collect(v, depth)
  if type(v) ~= "table" or seen[v] or depth > 101 then return end
  seen[v] = true
  for k, x in pairs(v) do
    if type(k) == "string" then keys[k] = true end -- (a list's numbers are no keys)
    collect(x, depth + 1)
  end
end
collect(recs, 0)
collect(report, 0)
local rank, other, order = {}, {}, {}
for i, k in ipairs(json.KEYORDER) do rank[k] = i; order[i] = k end
for k in pairs(keys) do if not rank[k] then other[#other + 1] = k end end
table.sort(other, function(a, b) return tostring(a) < tostring(b) end)
for _, k in ipairs(other) do order[#order + 1] = k end

local function best(f)
  local t = math.huge
  for _ = 1, ROUNDS do
    collectgarbage()
    local c = os.clock()
    f()
    t = math.min(t, os.clock() - c)
  end
  return t
end

local function records_with(encode)
  return function()
    for i = 1, #recs do encode(recs[i]) end
  end
end
local function report_with(encode)
  return function() encode(report) end
end

local ours_r = best(records_with(function(r) return json.encode(r) end))
local dk_r = best(records_with(function(r) return dkjson.encode(r, { keyorder = order }) end))
local ours_t = best(report_with(function(r) return json.encode(r, { indent = true }) end))
local dk_t = best(report_with(function(r)
  return dkjson.encode(r, { indent = true, keyorder = order })
end))
local bytes = #json.encode(report, { indent = true })
io.write(("JSON: %d records of %s, the report of %s (%d bytes); processor time, best of %d:\n")
         :format(#recs, path, whole, bytes, ROUNDS))
io.write(("  records one by one: logonerr.json %.3f s, dkjson given the order %.3f s: %.1f times\n")
         :format(ours_r, dk_r, dk_r / ours_r))
io.write(("  the report:         logonerr.json %.3f s, dkjson given the order %.3f s: %.1f times\n")
         :format(ours_t, dk_t, dk_t / ours_t))
