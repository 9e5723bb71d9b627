-- Start-up: explaining a code loads what explaining needs, nothing of the
-- Security events (their reader, triage, report and templates) nor a JSON
-- library.  Checked in a fresh interpreter, as `logonerr 1366` starts.
local run = require "support.run"

local SCRIPT = [[
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "build/]] .. (os.getenv("LOGONERR_BUILD") or
  (type(jit) == "table" and "luajit" or "lua" .. _VERSION:match("%d+%.%d+"))) .. [[/?.so;" ..
  package.cpath
local sink = { write = function() end }
local status = require("logonerr.cli").main({ "1366" }, sink, sink, io.stdin)
local names = {}
for k in pairs(package.loaded) do names[#names + 1] = k end
table.sort(names)
io.write(status, " ", table.concat(names, " "), "\n")
]]

describe("logonerr 1366", function()
  it("loads no events module and no JSON library", function()
    local path = run.tempfile(SCRIPT)
    local lua = os.getenv("LUA") or "lua5.4"
    local h = io.popen(lua .. " " .. path)
    local out = h:read("*a")
    h:close()
    os.remove(path)
    assert.matches("^0 ", out)
    local loaded = {}
    for name in out:gmatch("%S+") do loaded[name] = true end
    assert.is_true(loaded["logonerr.report"], out) -- the check sees the modules
    for _, m in ipairs({ "logonerr.events", "logonerr.events.report",
                         "logonerr.events.templates", "logonerr.events.triage",
                         "logonerr.events.record", "logonerr.json", "dkjson",
                         "cjson.safe", "logonerr.evtx", "logonerr.eventxml" }) do
      assert.is_nil(loaded[m], m .. " is loaded")
    end
  end)
end)
