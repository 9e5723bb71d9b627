-- make bench-events: logonerr events on real Security logs against
-- evtxexport -f xml (libevtx's own tool) and python-evtx, in one run.
--   lua5.4 bench/events.lua [TIMES]
-- Inputs: python-evtx-security.evtx (2.1 MB, 2,261 records), the same log
-- TIMES times larger (10 by default; its chunks repeated, bench/evtx-repeat.py),
-- and both as XML and Winlogbeat NDJSON (spec/support/evtx_forms.py).
-- Each command runs several times (the EVTX comparisons 15 times on the
-- small file, 7 on the large one, python-evtx 3); the best time counts:
-- processor time (user + system), which other work on a shared machine
-- disturbs less than wall time (both are printed).  Peak memory (maximum
-- resident set) comes from GNU time.  Where valgrind is installed, the
-- instructions each EVTX reader executes on the 2.1 MB sample are counted
-- too (callgrind): a measure of the work that load does not move, and
-- so are the first parts of the triage alone (bench/evtx-parts.c).
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

-- One run of cmd: processor time (s), wall time (s), peak memory (KB).
-- bash's time keyword gives the times to the millisecond (GNU time's are
-- in hundredths, 5% of a 0.2 s run); GNU time gives the peak memory.
local function once(cmd)
  local out = dir .. "/time.out"
  local r = sh("/usr/bin/time -f %M -o " .. out .. " bash -c 'TIMEFORMAT=\"%3R %3U %3S\"; " ..
               "time { " .. cmd .. " > /dev/null 2>&1; }' 2>&1; cat " .. out)
  local e, u, s, kb = r:match("([%d.]+) ([%d.]+) ([%d.]+)%s+(%d+)%s*$")
  assert(e, "could not time: " .. cmd .. "\n" .. r)
  return tonumber(u) + tonumber(s), tonumber(e), tonumber(kb)
end

-- Best of runs (3 unless given) for each of cmds, taking turns so that every command
-- meets the same load on a shared machine.  Returns a list of
-- {cpu, wall, peak}.
local function measure(cmds, runs)
  local best = {}
  for i = 1, #cmds do best[i] = { math.huge, 0, 0 } end
  for _ = 1, runs or 3 do
    for i, cmd in ipairs(cmds) do
      local cpu, wall, kb = once(cmd)
      local b = best[i]
      if cpu < b[1] then b[1], b[2] = cpu, wall end
      b[3] = math.max(b[3], kb)
    end
  end
  return best
end

local function records(path)
  local out = sh(lua .. " bin/logonerr events -f json '" .. path .. "'")
  return tonumber(out:match('"events":%s*(%d+)'))
end

local function row(input, tool, path, m)
  local n, mb = records(path), size(path) / 1048576
  local secs = m[1]
  io.write(("%-26s %-26s %7.2f s %7.2f s %9.0f rec/s %6.1f MB/s %8d KB\n"):format(
    input, tool, secs, m[2], n / secs, mb / secs, m[3]))
  io.flush()
  return secs, m[3]
end

local LOGONERR = lua .. " bin/logonerr events -f json "
local EXPORT = "evtxexport -f xml "
io.write(("%-26s %-26s %9s %9s %15s %11s %11s\n"):format("input", "command", "cpu",
         "wall", "records", "bytes", "peak memory"))
local bx = "x" .. times
local m = measure({ EXPORT .. SAMPLE, LOGONERR .. SAMPLE }, 15)
local ev1 = row("EVTX 2.1 MB", "evtxexport -f xml", SAMPLE, m[1])
local lo1, lo1kb = row("EVTX 2.1 MB", "logonerr events (triage)", SAMPLE, m[2])
m = measure({ "/usr/bin/python3 /usr/bin/evtx_dump.py " .. SAMPLE })
local py1 = row("EVTX 2.1 MB", "python-evtx evtx_dump.py", SAMPLE, m[1])
m = measure({ EXPORT .. big, LOGONERR .. big }, 7)
local evb = row("EVTX " .. bx, "evtxexport -f xml", big, m[1])
local lob, lokb = row("EVTX " .. bx, "logonerr events (triage)", big, m[2])
local x1, n1 = dir .. "/x1/events.xml", dir .. "/x1/winlogbeat.ndjson"
local xb, nb = repeated("events.xml"), repeated("winlogbeat.ndjson")
m = measure({ LOGONERR .. x1, LOGONERR .. xb, LOGONERR .. n1, LOGONERR .. nb })
local _, xkb1 = row("XML (python-evtx's)", "logonerr events (triage)", x1, m[1])
local _, xkbb = row("XML " .. bx, "logonerr events (triage)", xb, m[2])
local _, nkb1 = row("NDJSON (Winlogbeat)", "logonerr events (triage)", n1, m[3])
local _, nkbb = row("NDJSON " .. bx, "logonerr events (triage)", nb, m[4])

io.write("\n")
io.write(("triage of EVTX / evtxexport alone: %.2f (2.1 MB), %.2f (%s); " ..
          "target at most 1.3: %s\n")
         :format(lo1 / ev1, lob / evb, bx, (lo1 / ev1 <= 1.3 and lob / evb <= 1.3) and "met"
                 or "not met"))
-- Instructions executed by cmd (callgrind's total), or nil without valgrind.
local function instructions(cmd)
  local out = sh("valgrind --tool=callgrind --callgrind-out-file=/dev/null " .. cmd ..
                 " 2>&1 >/dev/null")
  local n = out:match("refs:%s+([%d,]+)")
  return n and tonumber((n:gsub(",", "")))
end
if ok("command -v valgrind > /dev/null") then
  -- The triage's first parts in C alone (bench/evtx-parts.c): libevtx
  -- reading and rendering each record, then expat reading its XML too.
  local cc = os.getenv("CC") or "cc"
  local parts = "build/bench/evtx-parts"
  assert(ok("mkdir -p build/bench && " .. cc .. " -O2 -Icsrc -o " .. parts ..
            " bench/evtx-parts.c csrc/evtx.c csrc/eventxml.c -levtx -lexpat"))
  local ie, il = instructions(EXPORT .. SAMPLE), instructions(LOGONERR .. SAMPLE)
  local ip, ix = instructions(parts .. " " .. SAMPLE), instructions(parts .. " " .. SAMPLE ..
                                                                    " expat")
  io.write(("instructions on the 2.1 MB file (callgrind): evtxexport %.0f M, " ..
            "logonerr triage %.0f M: %.2f\n"):format(ie / 1e6, il / 1e6, il / ie))
  io.write(("  as shares of evtxexport's: libevtx reading and rendering %.2f, " ..
            "expat reading the XML %.2f, the Lua side (record tables, collector, " ..
            "decoding, triage) %.2f\n"):format(ip / ie, (ix - ip) / ie, (il - ix) / ie))
else
  io.write("instructions: valgrind is not installed, not counted\n")
end
io.write(("python-evtx / logonerr triage on EVTX: %.1f times; target at least 20: %s\n")
         :format(py1 / lo1, py1 / lo1 >= 20 and "met" or "not met"))
io.write(("peak memory, 1x -> %s: EVTX %d -> %d KB, XML %d -> %d KB, NDJSON %d -> %d KB\n")
         :format(bx, lo1kb, lokb, xkb1, xkbb, nkb1, nkbb))
io.write(("JSON library: %s\n"):format(sh(lua ..
  " -e 'package.path=\"lua/?.lua;\"..package.path; " ..
  "package.cpath=\"build/lua5.4/?.so;\"..package.cpath; " ..
  "io.write(require(\"logonerr.json\").library)'")))
