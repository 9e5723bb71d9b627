-- make bench-events: what a -j worker's parts cost to hand over on a log
-- of many accounts, where the bench's big file (the samples again and
-- again) has few: a domain's day made up here, USERS accounts each
-- logging on from its own PC to a file server ROUNDS times (a bad password
-- now and then), read as JSON and cut in PARTS parts.  Each part is
-- triaged alone, and its state made, written (logonerr.events.wire), read
-- back and merged as the command merges a worker's: once as each part
-- alone would send it, once as one worker sends its parts (what it sent
-- before by its key).  Prints the bytes and the processor time of each,
-- against the triage's own work on the same records; both merges must
-- give one process's report.
--   lua5.4 bench/handover.lua [USERS [ROUNDS [PARTS]]]
local tag = rawget(_G, "jit") and "luajit" or "lua" .. _VERSION:match("%d+%.%d+")
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "build/" .. tag .. "/?.so;" .. package.cpath
local events = require "logonerr.events"
local json = require "logonerr.json"
local triage = require "logonerr.events.triage"
local wire = require "logonerr.events.wire"

local USERS, ROUNDS, PARTS = tonumber(arg[1] or 3000), tonumber(arg[2] or 40),
                             tonumber(arg[3] or 16)
local clock, format = os.clock, string.format

-- The day, as NDJSON in a temporary file (the JSON reader decorates it).
local path = os.tmpname()
local out = assert(io.open(path, "wb"))
local n = 0
for r = 1, ROUNDS do
  for u = 1, USERS do
    n = n + 1
    local t = format("2024-05-01T%02d:%02d:%02d.%06dZ", (r * 24 // ROUNDS) % 24,
                     (u // 60) % 60, u % 60, n % 1000000)
    local user, pc = format("user%04d", u), format("PC%04d", u)
    local ip = format("10.1.%d.%d", u // 250, u % 250 + 1)
    if u % 7 == 0 and r % 3 == 0 then
      out:write(format('{"id":4625,"record":%d,"time":"%s","computer":"FS01.corp.example",' ..
        '"channel":"Security","data":{"TargetUserName":"%s","TargetDomainName":"CORP",' ..
        '"Status":"0xc000006d","SubStatus":"0xc000006a","LogonType":"3",' ..
        '"WorkstationName":"%s","IpAddress":"%s","IpPort":"0","LogonProcessName":"NtLmSsp ",' ..
        '"AuthenticationPackageName":"NTLM"}}\n', n, t, user, pc, ip))
    else
      out:write(format('{"id":4624,"record":%d,"time":"%s","computer":"FS01.corp.example",' ..
        '"channel":"Security","data":{"TargetUserName":"%s","TargetDomainName":"CORP",' ..
        '"TargetUserSid":"S-1-5-21-1-2-3-%d","LogonType":"3","WorkstationName":"%s",' ..
        '"IpAddress":"%s","IpPort":"0","LogonProcessName":"Kerberos",' ..
        '"AuthenticationPackageName":"Kerberos","TargetLogonId":"0x%x"}}\n',
        n, t, user, 1000 + u, pc, ip, n))
    end
  end
end
out:close()
local recs = {}
for rec in events.records(path, { seen = {} }) do recs[#recs + 1] = rec end
os.remove(path)

local function new()
  local acc = triage.new(triage.DEFAULTS)
  acc:reading("json")
  return acc
end
local function report(acc) return json.encode(acc:finish()) end

collectgarbage()
local t0 = clock()
local one = new()
for i = 1, #recs do one:add(recs[i]) end
local own = clock() - t0
local whole = report(one)

-- The parts after the first as a worker hands them over (sent: what it
-- sent before, or none); the first is the command's own.
local per = #recs // PARTS
local function handover(sent)
  local acc, bytes, cpu = new(), 0, 0
  for k = 1, PARTS do
    local part = k == 1 and acc or new()
    for i = (k - 1) * per + 1, k == PARTS and #recs or k * per do part:add(recs[i]) end
    if k > 1 then
      collectgarbage() -- (a worker's heap is its part's: the records read so far are not)
      local t = clock()
      local text = wire.encode(part:state(false, sent))
      assert(acc:merge(assert(wire.decode(text))))
      cpu, bytes = cpu + clock() - t, bytes + #text
    end
  end
  assert(report(acc) == whole, "not one process's report")
  return bytes, cpu
end
local b1, c1 = handover(nil)
local b2, c2 = handover({ shapes = {}, sums = {}, srcs = {}, facts = {} })
io.write(format("hand-over of %d parts, %d records of %d accounts (the triage's own work " ..
                "%.2f s of CPU):\n", PARTS, #recs, USERS, own))
io.write(format("  each part alone:      %6.1f MB, %.2f s (%.2f times the triage's)\n",
                b1 / 1e6, c1, c1 / own))
io.write(format("  sent once a worker:   %6.1f MB, %.2f s (%.2f times the triage's)\n",
                b2 / 1e6, c2, c2 / own))
