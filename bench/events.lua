-- make bench-events: logonerr events on real Security logs against
-- evtxexport -f xml (libevtx's own tool) and python-evtx, in one run.
--   lua5.4 bench/events.lua [TIMES]
-- Inputs: python-evtx-security.evtx (2.1 MB, 2,261 records), the same log
-- TIMES times larger (10 by default; its chunks repeated, bench/evtx-repeat.py),
-- and both as XML and Winlogbeat NDJSON (spec/support/evtx_forms.py).
-- Each command runs three times; the best time counts: processor time (user
-- + system), which other work on a shared machine disturbs less than wall
-- time (both are printed).  Peak memory (maximum resident set) comes from
-- GNU time.
local times = tonumber(arg[1] or "10") or error("usage: events.lua [TIMES]")
local lua = os.getenv("LUA") or "lua5.4"
local dir = (os.getenv("TMPDIR") or "/tmp") .. "/logonerr-bench-events"
local SAMPLE = "spec/fixtures/evtx/python-evtx-security.evtx"

local function sh(cmd)
  local p = assert(io.popen(cmd))
  local out = p:read("*a")
  p:close()
  return out
end

local function ok(cmd)
  local r = os.execute(cmd)
  return r == true or r == 0
end

local function exists(path)
  local f = io.open(path, "rb")
  if f then f:close() end
  return f ~= nil
end

local function size(path) return tonumber((sh("wc -c < '" .. path .. "'"))) end

-- Inputs, made once and kept in dir.
assert(ok("mkdir -p " .. dir))
local big = dir .. "/security-x" .. times .. ".evtx"
if not exists(dir .. "/x1/events.xml") then
  io.stderr:write("writing the XML and NDJSON forms with python-evtx\n")
  assert(ok("/usr/bin/python3 spec/support/evtx_forms.py " .. SAMPLE .. " " .. dir .. "/x1"))
end
if not exists(big) then
  assert(ok("/usr/bin/python3 bench/evtx-repeat.py " .. SAMPLE .. " " .. times .. " " .. big))
end
local function repeated(name)
  local out = dir .. "/x" .. times .. "-" .. name
  if not exists(out) then
    local f = assert(io.open(out, "wb"))
    local src = assert(io.open(dir .. "/x1/" .. name, "rb"))
    local text = src:read("*a")
    src:close()
    if name:match("%.xml$") then -- one <Events> root around all the copies
      local body = text:match("<Events>\n(.*)</Events>")
      f:write('<?xml version="1.0" encoding="utf-8"?>\n<Events>\n')
      for _ = 1, times do f:write(body) end
      f:write("</Events>\n")
    else
      for _ = 1, times do f:write(text) end
    end
    f:close()
  end
  return out
end

-- Best processor time (s), its wall time and peak memory (KB) of cmd.
local function measure(cmd, runs)
  local best, wall, peak = math.huge, 0, 0
  for _ = 1, runs or 3 do
    local r = sh("/usr/bin/time -f '%e %U %S %M' -o " .. dir .. "/time.out sh -c '" .. cmd ..
                 " > /dev/null 2>&1'; cat " .. dir .. "/time.out")
    local e, u, s, kb = r:match("([%d.]+) ([%d.]+) ([%d.]+) (%d+)%s*$")
    assert(e, "could not time: " .. cmd .. "\n" .. r)
    local cpu = tonumber(u) + tonumber(s)
    if cpu < best then best, wall = cpu, tonumber(e) end
    peak = math.max(peak, tonumber(kb))
  end
  return best, peak, wall
end

local function records(path)
  local out = sh(lua .. " bin/logonerr events -f json '" .. path .. "'")
  return tonumber(out:match('"events":%s*(%d+)'))
end

local rows = {}
local function row(input, tool, cmd, path, runs)
  local secs, kb, wall = measure(cmd, runs)
  local n, mb = records(path), size(path) / 1048576
  secs = math.max(secs, 0.01) -- GNU time counts in hundredths
  rows[#rows + 1] = { input = input, tool = tool, secs = secs, kb = kb, n = n, mb = mb }
  io.write(("%-26s %-26s %7.2f s %7.2f s %9.0f rec/s %6.1f MB/s %8d KB\n"):format(
    input, tool, secs, wall, n / secs, mb / secs, kb))
  io.flush()
  return secs, kb
end

local LOGONERR = lua .. " bin/logonerr events -f json "
io.write(("%-26s %-26s %9s %9s %15s %11s %11s\n"):format("input", "command", "cpu",
         "wall", "records", "bytes", "peak memory"))
local bx = "x" .. times
local ev1 = row("EVTX 2.1 MB", "evtxexport -f xml", "evtxexport -f xml " .. SAMPLE, SAMPLE)
local lo1 = row("EVTX 2.1 MB", "logonerr events (triage)", LOGONERR .. SAMPLE, SAMPLE)
local py1 = row("EVTX 2.1 MB", "python-evtx evtx_dump.py",
                "/usr/bin/python3 /usr/bin/evtx_dump.py " .. SAMPLE, SAMPLE)
local evb = row("EVTX " .. bx, "evtxexport -f xml", "evtxexport -f xml " .. big, big)
local lob, lokb = row("EVTX " .. bx, "logonerr events (triage)", LOGONERR .. big, big)
local _, lo1kb = measure(LOGONERR .. SAMPLE, 1)
local x1, n1 = dir .. "/x1/events.xml", dir .. "/x1/winlogbeat.ndjson"
local _, xkb1 = row("XML (python-evtx's)", "logonerr events (triage)", LOGONERR .. x1, x1)
local _, xkbb = row("XML " .. bx, "logonerr events (triage)", LOGONERR .. repeated("events.xml"),
                    repeated("events.xml"))
local _, nkb1 = row("NDJSON (Winlogbeat)", "logonerr events (triage)", LOGONERR .. n1, n1)
local _, nkbb = row("NDJSON " .. bx, "logonerr events (triage)",
                    LOGONERR .. repeated("winlogbeat.ndjson"), repeated("winlogbeat.ndjson"))

io.write("\n")
io.write(("triage of EVTX / evtxexport alone: %.2f (2.1 MB), %.2f (%s); " ..
          "target at most 1.3: %s\n")
         :format(lo1 / ev1, lob / evb, bx, (lo1 / ev1 <= 1.3 and lob / evb <= 1.3) and "met"
                 or "not met"))
io.write(("python-evtx / logonerr triage on EVTX: %.1f times; target at least 20: %s\n")
         :format(py1 / lo1, py1 / lo1 >= 20 and "met" or "not met"))
io.write(("peak memory, 1x -> %s: EVTX %d -> %d KB, XML %d -> %d KB, NDJSON %d -> %d KB\n")
         :format(bx, lo1kb, lokb, xkb1, xkbb, nkb1, nkbb))
io.write(("JSON library: %s\n"):format(sh(lua ..
  " -e 'package.path=\"lua/?.lua;\"..package.path; " ..
  "package.cpath=\"build/lua5.4/?.so;\"..package.cpath; " ..
  "io.write(require(\"logonerr.json\").library)'")))
