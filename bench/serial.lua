-- A triage of FILE in this process, as one process of `logonerr events`
-- makes it: read (lean, unknown events tallied), then, with "finish", the
-- findings and the JSON report.  bench/events.lua counts both under
-- callgrind: the difference is what `-j` leaves to the command alone,
-- after every part is read.
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
if arg[2] == "finish" then
  collectgarbage()
  local r = acc:finish()
  io.write(require("logonerr.events.report").render(r, "json"))
end
