-- make bench-events: logonerr events on real Security logs against
-- evtxexport -f xml (libevtx's own tool) and python-evtx, in one run.
--   lua5.4 bench/events.lua [TIMES [GB]]
-- Inputs: python-evtx-security.evtx (2.1 MB, 2,261 records, 26 chunks in
-- use of 33); a log TIMES times the seven real samples of
-- spec/fixtures/evtx (2.4 MB: 3,018 records, a third of them logons,
-- failures of several attacks among them; 100 by default: 243 MB), and
-- one of about GB gigabytes (1 by default: time and peak memory), both
-- made by bench/evtx-grow.py: the samples' chunks written again and
-- again behind one file header, each copy's records renumbered and its
-- times moved on, so that every record is a new one (a repeated record
-- would be counted once, as a duplicate) and the findings see each copy's
-- activity again later; and the sample as XML and Winlogbeat NDJSON
-- (spec/support/evtx_forms.py); a collection, 12 pieces of one log as
-- Windows archives it (2.4 MB each, evtx-grow.py --after); and an
-- attack's log, the four MITRE attack samples grown to the big file's size
-- and to GB gigabytes (its speed, what its findings cost, and memory,
-- which follows the failures).  Each
-- command runs several times and the best time counts: processor time
-- (user + system), which other work on a
-- shared machine disturbs less than wall time (both are printed); the -j 2
-- speed-up is in wall time, the only time that more cores shorten, and is
-- the median of the ratios of runs in rounds, one of each back to back (7
-- rounds on the big file, 5 on the gigabyte), each round with a run of two
-- triages at once too: what this machine's two cores gave then.  Peak
-- memory (maximum resident set) comes from GNU time.  The first part of
-- the triage, our C reader alone (bench/evtx-parts.c), is timed too.
-- BEFORE=dir (a checkout built with make, e.g. a git worktree of an
-- earlier commit) times that logonerr on the same files in the same run,
-- taking turns with this one, and prints the ratio.
local times = tonumber(arg[1] or "100") or error("usage: events.lua [TIMES [GB]]")
local gb = tonumber(arg[2] or "1") or error("usage: events.lua [TIMES [GB]]")
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

-- (of a file, or of a folder's files: their bytes)
local function size(path) return tonumber((sh("du -bs '" .. path .. "'"):match("^%d+"))) end

-- Inputs, made once and kept in dir.
assert(ok("mkdir -p " .. dir))
local SAMPLES = "spec/fixtures/evtx/*.evtx"
local big = dir .. "/mix-x" .. times .. ".evtx"
if not exists(dir .. "/x1/events.xml") then
  io.stderr:write("writing the XML and NDJSON forms with python-evtx\n")
  assert(ok("/usr/bin/python3 spec/support/evtx_forms.py " .. SAMPLE .. " " .. dir .. "/x1"))
end
if not exists(big) then
  assert(ok("/usr/bin/python3 bench/evtx-grow.py " .. big .. " " .. times .. " " .. SAMPLES))
end
-- The chunks in use of a copy (each file header's count, at byte 42):
-- copies for about gb GB (at most 65535 chunks).
local used = 0
for path in io.popen("ls " .. SAMPLES):lines() do
  local head = assert(io.open(path, "rb")):read(44)
  used = used + head:byte(43) + 256 * head:byte(44)
end
local gcopies = math.floor(gb * 1024 * 1024 * 1024 / (used * 65536) + 0.5)
local huge = dir .. "/mix-x" .. gcopies .. ".evtx"
if gcopies > 0 and not exists(huge) then
  assert(ok("/usr/bin/python3 bench/evtx-grow.py " .. huge .. " " .. gcopies .. " " .. SAMPLES))
end
-- A collection: PIECES pieces of one log as Windows archives it
-- (Archive-Security-*.evtx), each a copy of the samples going on from the
-- one before (evtx-grow.py --after): -j shares the files among its
-- processes.
local PIECES = 12
local pieces = dir .. "/pieces"
if not exists(pieces .. "/Archive-Security-" .. (PIECES - 1) .. ".evtx") then
  assert(ok("mkdir -p " .. pieces))
  for k = 0, PIECES - 1 do
    assert(ok(("/usr/bin/python3 bench/evtx-grow.py --after %d %s/Archive-Security-%d.evtx 1 %s")
              :format(k, pieces, k, SAMPLES)))
  end
end
-- An attack's log: the four MITRE attack samples of spec/fixtures/evtx
-- (a local brute force, a Kerberos one, a kerbrute name probe, logons
-- refused by account restrictions: almost every record a failure) grown
-- to about the big file's size, and to about GB gigabytes.  A routine
-- success is kept as a count and a time, a failure whole (a finding lists
-- it): here the findings' lists and the memory are at their largest for
-- the bytes read.
local ATTACKS = "spec/fixtures/evtx/mitre-*.evtx"
local attack_chunks = 0
for path in io.popen("ls " .. ATTACKS):lines() do
  local head = assert(io.open(path, "rb")):read(44)
  attack_chunks = attack_chunks + head:byte(43) + 256 * head:byte(44)
end
local function attack_of(bytes)
  local copies = math.floor(bytes / (attack_chunks * 65536) + 0.5)
  local path = dir .. "/attack-x" .. copies .. ".evtx"
  if copies > 0 and not exists(path) then
    assert(ok("/usr/bin/python3 bench/evtx-grow.py " .. path .. " " .. copies .. " " .. ATTACKS))
  end
  return copies > 0 and path or nil
end
local attack = attack_of(size(big))
-- A domain's log: the samples again, the big file's size, their users'
-- names made ACCOUNTS names, record by record (evtx-grow.py --accounts):
-- where the big file has a few dozen accounts, a domain controller's log
-- has thousands, each in every stretch of it.  What a triage keeps and
-- what a -j worker hands over grow with the accounts, not the records.
local ACCOUNTS = 3000
local domain = dir .. "/domain-x" .. times .. ".evtx"
if not exists(domain) then
  assert(ok(("/usr/bin/python3 bench/evtx-grow.py --accounts %d %s %d %s")
            :format(ACCOUNTS, domain, times, SAMPLES)))
end
local attack_huge = gb > 0 and attack_of(gb * 1024 * 1024 * 1024) or nil
-- An internet-facing server's log: the attack samples the big file's
-- size, their addresses made ADDRESSES of the internet's, record by record
-- (evtx-grow.py --addresses): where the attack's log has three sources, a
-- botnet's guessing has thousands, and what a triage keeps, its findings
-- and its report grow with them.
local ADDRESSES = 20000
local botnet
do
  local copies = math.floor(size(big) / (attack_chunks * 65536) + 0.5)
  botnet = dir .. "/botnet-x" .. copies .. ".evtx"
  if not exists(botnet) then
    assert(ok(("/usr/bin/python3 bench/evtx-grow.py --addresses %d %s %d %s")
              :format(ADDRESSES, botnet, copies, ATTACKS)))
  end
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

-- Keeps in b the best of each: processor time and wall time can come from
-- different runs (another job's load lengthens one, not the other).
local function keep(b, cpu, wall, kb)
  if cpu < b[1] then b[1] = cpu end
  if b[2] == 0 or wall < b[2] then b[2] = wall end
  b[3] = math.max(b[3], kb)
end

-- Best of runs (3 unless given) for each of cmds, taking turns so that every command
-- meets the same load on a shared machine.  Returns a list of
-- {best cpu, best wall, highest peak}.
local function measure(cmds, runs)
  local best = {}
  for i = 1, #cmds do best[i] = { math.huge, 0, 0 } end
  for _ = 1, runs or 3 do
    for i, cmd in ipairs(cmds) do keep(best[i], once(cmd)) end
  end
  return best
end

-- The speed-up of cmd2 over cmd1 in wall time, and what this machine
-- gives two processes in the same runs: n rounds of cmd1, cmd2 and two
-- cmd1 at once (independent processes: nothing to merge, nothing left to
-- one core), back to back, which goes first taking turns.  This machine's
-- speed drifts by a third over minutes, and its two cores are not always
-- equal; a round's runs meet the same speed, where the best of each could
-- come from a fast minute and a slow one.  Returns measure()'s best of
-- cmd1 and cmd2, the rounds' ratios cmd1 / cmd2 and their ratios of two
-- cmd1's work to one's (2 cmd1 / both at once), each sorted.
local function paired(cmd1, cmd2, n)
  local best = { { math.huge, 0, 0 }, { math.huge, 0, 0 }, { math.huge, 0, 0 } }
  local cmds, ratios, twice = { cmd1, cmd2, "{ " .. cmd1 .. " & " .. cmd1 .. "; wait; }" }, {}, {}
  for k = 1, n do
    local wall = {}
    for j = 0, 2 do
      local i = (k + j) % 3 + 1
      local cpu, w, kb = once(cmds[i])
      keep(best[i], cpu, w, kb)
      wall[i] = w
    end
    ratios[k], twice[k] = wall[1] / wall[2], 2 * wall[1] / wall[3]
  end
  table.sort(ratios)
  table.sort(twice)
  ratios.twice = twice
  return best, ratios
end

local function median(l)
  local h = math.floor(#l / 2)
  if #l % 2 == 1 then return l[h + 1] end
  return (l[h] + l[h + 1]) / 2
end

-- The records a triage of path counted, and the failures among them.
local counted = {}
local function records(path)
  if counted[path] == nil then
    local out = sh(lua .. " bin/logonerr events -f json '" .. path .. "'")
    counted[path] = { tonumber(out:match('"events":%s*(%d+)')),
                      tonumber(out:match('"failures":%s*(%d+)')) }
  end
  return counted[path][1], counted[path][2]
end

local LOGONERR = lua .. " bin/logonerr events -f json "
local EXPORT = "evtxexport -f xml "
local cc = os.getenv("CC") or "cc"
local PARTS = "build/bench/evtx-parts"
assert(ok("mkdir -p build/bench && " .. cc .. " -O2 -pthread -Icsrc -o " .. PARTS ..
          " bench/evtx-parts.c csrc/evtx.c csrc/evtx_chunk.c csrc/evtx_values.c"))
io.write(("%-26s %-30s %9s %9s %15s %11s %11s\n"):format("input", "command", "cpu",
         "wall", "records", "bytes", "peak memory"))
local b1, bx = "EVTX 2.1 MB", ("EVTX %.0f MB"):format(size(big) / 1048576)
local function row(input, tool, path, m)
  local n, mb = records(path), size(path) / 1048576
  io.write(("%-26s %-30s %7.2f s %7.2f s %9.0f rec/s %6.1f MB/s %8d KB\n"):format(
    input, tool, m[1], m[2], n / m[1], mb / m[1], m[3]))
  io.flush()
  return m
end
local m = measure({ EXPORT .. SAMPLE, LOGONERR .. SAMPLE, PARTS .. " " .. SAMPLE }, 7)
local ex1 = row(b1, "evtxexport -f xml", SAMPLE, m[1])
local lo1 = row(b1, "logonerr events (triage)", SAMPLE, m[2])
row(b1, "our reader alone (C)", SAMPLE, m[3])
m = measure({ "/usr/bin/python3 /usr/bin/evtx_dump.py " .. SAMPLE }, 1)
local py1 = row(b1, "python-evtx evtx_dump.py", SAMPLE, m[1])
m = measure({ EXPORT .. big }, 1)
local exb = row(bx, "evtxexport -f xml", big, m[1])
local bigj2
m, bigj2 = paired(LOGONERR .. big, LOGONERR .. "-j 2 " .. big, 7)
local bigbest = m
local lob = row(bx, "logonerr events (triage)", big, m[1])
row(bx, "logonerr events -j 2", big, m[2])
-- An estimate of the most -j 2 can give, from instructions (callgrind's
-- count, which the machine's speed does not change) on the big file: one
-- process's; -j 2's command's and worker's (how the parts fall between
-- them moves with timing, their sum a little); and what the command does
-- alone once every part is read, the findings and the report
-- (bench/serial.lua with and without them).  On two equal cores, at the
-- same speed per instruction, -j 2 takes at least half of what the two
-- run but that, plus that; and were -j 2 to cost nothing of its own (the
-- two together running what one process runs), the findings and report
-- alone would hold it to one / ((one - alone) / 2 + alone).  It is not a
-- limit on wall time: one process pays more in cache misses per
-- instruction on a bigger heap.  Skipped, saying why, without valgrind or
-- when a run fails.
local function instructions(cmd)
  local cg = dir .. "/cg"
  assert(ok("rm -rf " .. cg .. " && mkdir -p " .. cg))
  if not ok("valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=" .. cg ..
            "/%p " .. cmd .. " > /dev/null 2>&1") then return nil end
  local counts = {} -- the lua processes' counts: [1] the command's, [2] a worker's
  local ls = io.popen("ls " .. cg)
  for f in ls:lines() do
    local h = io.open(cg .. "/" .. f, "rb")
    local text = h and h:read("a") or ""
    if h then h:close() end
    local line, n = text:match("\ncmd:%s*([^\n]*)"), text:match("\nsummary: (%d+)")
    -- (a worker is started by a shell, whose own count is tiny: left out)
    if line and n and not line:find("^/bin/sh") and not line:find("^sh ") then
      counts[line:find("--state", 1, true) and 2 or 1] = tonumber(n)
    end
  end
  ls:close()
  ok("rm -rf " .. cg)
  return counts
end
local bound
if ok("command -v valgrind > /dev/null") then
  local one, j2 = instructions(LOGONERR .. big), instructions(LOGONERR .. "-j 2 " .. big)
  local read = instructions(lua .. " bench/serial.lua " .. big)
  local all = instructions(lua .. " bench/serial.lua " .. big .. " finish")
  if one and one[1] and j2 and j2[1] and j2[2] and read and read[1] and all and all[1] then
    bound = { one = one[1], cmd = j2[1], worker = j2[2], alone = all[1] - read[1] }
  else
    bound = "a run under callgrind failed"
  end
else
  bound = "no valgrind"
end
m = measure({ PARTS .. " " .. big, PARTS .. " " .. big .. " 2" }, 3)
local pb1 = row(bx, "our reader alone (C)", big, m[1])
local pb2 = row(bx, "our reader alone, 2 threads", big, m[2])
local hugekb, hug1, hugej2
if gcopies > 0 then
  local bh = ("EVTX %.2f GB"):format(size(huge) / 2 ^ 30)
  m, hugej2 = paired(LOGONERR .. huge, LOGONERR .. "-j 2 " .. huge, 5)
  hugej2.best = m
  hug1 = row(bh, "logonerr events (triage)", huge, m[1])
  hugekb = hug1[3]
  hugej2.kb = row(bh, "logonerr events -j 2", huge, m[2])[3]
end
local bp = ("%d EVTX of %.1f MB"):format(PIECES,
                                         size(pieces .. "/Archive-Security-0.evtx") / 1048576)
local piecesj2
m, piecesj2 = paired(LOGONERR .. pieces, LOGONERR .. "-j 2 " .. pieces, 7)
row(bp, "logonerr events (triage)", pieces, m[1])
row(bp, "logonerr events -j 2", pieces, m[2])
-- The attack's log and the domain's: the triage, -j 2 in rounds as on the
-- big file, and what the findings and the report cost of one process
-- (bench/serial.lua with and without them: the part -j leaves to one core).
local function triaged(label, path)
  local got, j2 = paired(LOGONERR .. path, LOGONERR .. "-j 2 " .. path, 5)
  local one = row(label, "logonerr events (triage)", path, got[1])
  row(label, "logonerr events -j 2", path, got[2])
  got = measure({ lua .. " bench/serial.lua " .. path,
                  lua .. " bench/serial.lua " .. path .. " finish" }, 3)
  return one, j2, (got[2][1] - got[1][1]) / got[2][1]
end
local ba = ("attack EVTX %.0f MB"):format(size(attack) / 1048576)
local at1, attackj2, attack_found = triaged(ba, attack)
local ath
if attack_huge then
  ath = row(("attack EVTX %.2f GB"):format(size(attack_huge) / 2 ^ 30),
            "logonerr events (triage)", attack_huge, measure({ LOGONERR .. attack_huge }, 1)[1])
end
local bd = ("domain EVTX %.0f MB"):format(size(domain) / 1048576)
local dm1, domainj2, domain_found = triaged(bd, domain)
local bb = ("botnet EVTX %.0f MB"):format(size(botnet) / 1048576)
local bn1, botnetj2, botnet_found = triaged(bb, botnet)
local x1, n1 = dir .. "/x1/events.xml", dir .. "/x1/winlogbeat.ndjson"
m = measure({ LOGONERR .. x1, LOGONERR .. n1 })
row("XML (python-evtx's)", "logonerr events (triage)", x1, m[1])
row("NDJSON (Winlogbeat)", "logonerr events (triage)", n1, m[2])

local before = os.getenv("BEFORE")
local bb1, bbx
if before and before ~= "" then
  local BEFORE_CMD = lua .. " " .. before .. "/bin/logonerr events -f json "
  m = measure({ BEFORE_CMD .. SAMPLE, LOGONERR .. SAMPLE }, 7)
  bb1 = { row(b1, "logonerr events, BEFORE", SAMPLE, m[1]),
          row(b1, "logonerr events, this one", SAMPLE, m[2]) }
  m = measure({ BEFORE_CMD .. big, LOGONERR .. big }, 3)
  bbx = { row(bx, "logonerr events, BEFORE", big, m[1]),
          row(bx, "logonerr events, this one", big, m[2]) }
end

local function verdict(c) return c and "met" or "NOT MET" end
io.write("\n")
io.write(("triage of EVTX, one thread, against evtxexport alone (cpu): %.1f times " ..
          "(%s), %.1f times (2.1 MB); target at least 10: %s\n")
         :format(exb[1] / lob[1], bx, ex1[1] / lo1[1], verdict(exb[1] / lob[1] >= 10)))
io.write(("  triage speed: %.0f MB/s (%s); target at least 100: %s\n")
         :format(size(big) / 1048576 / lob[1], bx,
                 verdict(size(big) / 1048576 / lob[1] >= 100)))
-- The speed-up of -j 2: the median of the rounds' ratios; beside it,
-- what two independent triages at once got in the same rounds (and the
-- one median over the other): what the
-- machine's two cores gave then to the same work twice (two whole
-- triages hold twice the memory of -j 2's, so on a big file -j 2 can get
-- more).
-- The best of each command in the rounds (best: paired()'s) is its cost
-- when least else ran: their ratios say what the program gives where the
-- medians carry the machine's drift too.
local function speedup(r, best)
  local t = r.twice
  local j1, j2, two = best[1][2], best[2][2], best[3][2]
  return ("%.2f times (median of %d rounds, %.2f to %.2f); target at least 1.8: %s\n" ..
          "  in the same rounds, two triages at once against one (the same work twice, " ..
          "nothing merged): %.2f times (%.2f to %.2f); -j 2 got %.0f%% of that\n" ..
          "  the best run of each in those rounds: -j 1 %.2f s, -j 2 %.2f s (%.2f times), " ..
          "two at once %.2f s (%.2f times); -j 2 got %.0f%% of that")
         :format(median(r), #r, r[1], r[#r], verdict(median(r) >= 1.8),
                 median(t), t[1], t[#t], 100 * median(r) / median(t),
                 j1, j2, j1 / j2, two, 2 * j1 / two, 100 * (j1 / j2) / (2 * j1 / two))
end
io.write(("triage -j 2 against -j 1 (wall, %s): %s\n"):format(bx, speedup(bigj2, bigbest)))
if type(bound) == "table" then
  local b = bound
  local two = b.cmd + b.worker
  io.write(("  instructions (callgrind): one process %.2f billion; -j 2's command %.2f and " ..
            "worker %.2f, together %.2f times one; the findings and report, the command's " ..
            "alone, %.2f (%.1f%% of one); so, at one speed per instruction on two equal " ..
            "cores, -j 2 gives at most about %.2f times; and with no cost of its own (the " ..
            "parts handed over and the worker started for nothing), %.2f, the findings " ..
            "and report on one core alone\n")
           :format(b.one / 1e9, b.cmd / 1e9, b.worker / 1e9, two / b.one, b.alone / 1e9,
                   100 * b.alone / b.one, b.one / ((two - b.alone) / 2 + b.alone),
                   b.one / ((b.one - b.alone) / 2 + b.alone)))
else
  io.write(("  instructions (callgrind): not counted (%s)\n"):format(bound))
end
io.write(("  our reader alone, 2 threads against 1 (wall): %.2f times; the rest of the " ..
          "triage (Lua: record tables, decoding, counting) is %.0f%% of its cpu\n")
         :format(pb1[2] / pb2[2], 100 * (1 - pb1[1] / lob[1])))
if hugekb then
  io.write(("%.2f GB file: triage %.0f MB/s (cpu), -j 2 against -j 1 (wall) %s\n")
           :format(size(huge) / 2 ^ 30, size(huge) / 1048576 / hug1[1],
                   speedup(hugej2, hugej2.best)))
  io.write(("peak memory, triage of the %.2f GB file: %d KB (-j 2: %d KB, the parent); " ..
            "target under 64 MB: %s\n")
           :format(size(huge) / 2 ^ 30, hugekb, hugej2.kb, verdict(hugekb < 65536)))
end
-- -j 2's rounds on a log, and two triages at once in the same rounds.
local function rounds(r)
  local t = r.twice
  return ("-j 2 against -j 1 (wall) %.2f times (median of %d rounds, %.2f to %.2f); " ..
          "two triages at once against one %.2f times"):format(median(r), #r, r[1], r[#r],
                                                               median(t))
end
do
  local n, failed = records(attack)
  io.write(("an attack's log (%s, the MITRE samples: %d records, %d failures): triage " ..
            "%.0f MB/s (cpu); the findings and the report %.0f%% of it; %s\n")
           :format(ba, n, failed, size(attack) / 1048576 / at1[1], 100 * attack_found,
                   rounds(attackj2)))
  if ath then
    local hn, hfailed = records(attack_huge)
    -- (bytes a failure: the peak's growth from the smaller log's)
    io.write(("  %.2f GB of it (%d records, %d failures): %.1f s (cpu), peak memory %d KB, " ..
              "%.0f bytes more for each failure more: memory follows the failures a " ..
              "finding may list\n")
             :format(size(attack_huge) / 2 ^ 30, hn, hfailed, ath[1], ath[3],
                     (ath[3] - at1[3]) * 1024 / (hfailed - failed)))
  end
end
do
  local accounts = tonumber(sh(LOGONERR .. "'" .. domain .. "' | " .. lua .. " -e '" ..
    "package.path=\"lua/?.lua;\"..package.path; " ..
    "io.write(#require(\"logonerr.json\").decode(io.read(\"*a\")).by_account)'"))
  io.write(("a domain's log (%s, %d accounts): triage %.0f MB/s (cpu), peak memory %d KB; " ..
            "the findings and the report %.0f%% of it, on one core; %s\n")
           :format(bd, accounts, size(domain) / 1048576 / dm1[1], dm1[3], 100 * domain_found,
                   rounds(domainj2)))
end
do
  local n, failed = records(botnet)
  local sources, findings = sh(LOGONERR .. "'" .. botnet .. "' | " .. lua .. " -e '" ..
    "package.path=\"lua/?.lua;\"..package.path; " ..
    "local r = require(\"logonerr.json\").decode(io.read(\"*a\")); " ..
    "io.write(#r.by_source, \" \", #r.findings)'"):match("^(%d+) (%d+)$")
  io.write(("an internet-facing server's log (%s, the attack's with %s sources: %d records, " ..
            "%d failures): triage %.0f MB/s (cpu), peak memory %d KB, %s findings; the " ..
            "findings and the report %.0f%% of it, on one core; %s\n")
           :format(bb, sources, n, failed, size(botnet) / 1048576 / bn1[1], bn1[3], findings,
                   100 * botnet_found, rounds(botnetj2)))
end
io.write(("a collection (%s, one log's archived pieces): %s: -j 2 got %.0f%% of that\n")
         :format(bp, rounds(piecesj2), 100 * median(piecesj2) / median(piecesj2.twice)))
if bbx then
  io.write(("BEFORE / this triage (cpu, same run): %.2f times (%s), %.2f times (2.1 MB)\n")
           :format(bbx[1][1] / bbx[2][1], bx, bb1[1][1] / bb1[2][1]))
end
io.write(("python-evtx / logonerr triage on EVTX (cpu, 2.1 MB): %.1f times\n")
         :format(py1[1] / lo1[1]))
io.write(("JSON library: %s\n"):format(sh(lua ..
  " -e 'package.path=\"lua/?.lua;\"..package.path; " ..
  "package.cpath=\"build/lua5.4/?.so;\"..package.cpath; " ..
  "io.write(require(\"logonerr.json\").library)'")))
