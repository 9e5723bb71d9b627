-- A triage of FILE in this process, as one process of `logonerr events`
-- makes it: read (lean, unknown events tallied), then, with "finish", the
-- findings and the JSON report.  bench/events.lua counts both under
-- callgrind: the difference is about what `-j` leaves to the command
-- alone once every part is read (it also merges the worker's last part
-- then: a few milliseconds, not counted here).
--   lua5.4 bench/serial.lua FILE [finish]
local tag = rawget(_G, "jit") and "luajit" or "lua" .. _VERSION:match("%d+%.%d+")
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "build/" .. tag .. "/?.so;" .. package.cpath
local events = require "logonerr.events"
local triage = require "logonerr.events.triage"

local path = arg[1] or error("usage: serial.lua FILE [finish]")
pcall(collectgarbage, "generational") -- (as the command)
local rd = assert(events.open(path, { lean = true, tally = true, seen = {} }))
local acc = triage.new(triage.DEFAULTS)
for rec in function() return rd:next() end do acc:add(rec) end
rd:close()
if rd.tallied then acc:tally(rd.tallied) end
-- (in both: -j's command makes this collection while its worker still
-- reads the last part)
collectgarbage()
if arg[2] == "finish" then
  local r = acc:finish()
  io.write(require("logonerr.events.report").render(r, "json"))
end
