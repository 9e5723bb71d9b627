-- make bench-scan SIZE=256: logonerr's scanning speed against cat, wc -l,
-- grep and ripgrep, on generated logs of SIZE megabytes, in one run.
--   lua5.4 bench/scan.lua SIZE_MB [KIND...]
-- KIND: typical empty dense long short (bench/gen-log.lua); all by default.
-- Each tool runs three times on the same cached file; the best wall time
-- counts, and every ratio is to wc -l's time in the same run.  The tools
-- that find codes must find as many as logonerr does.  Then: -j 2 on two
-- equal files, and the peak memory of the command on 64 MB and 2 GB.
local size = tonumber(arg[1] or "256") or error("usage: scan.lua SIZE_MB [KIND...]")
local kinds = { table.unpack(arg, 2) }
if #kinds == 0 then kinds = { "typical", "empty", "dense", "long", "short" } end
local tmp = os.getenv("TMPDIR") or "/tmp"
local lua = os.getenv("LUA") or "lua5.4"
local cc = os.getenv("CC") or "cc"

-- The rules of doc/scanning.md for grep -E and rg: names,
-- top-bit hex anywhere, other numbers after a keyword and separators.
local PATTERN = [[\b(ERROR|STATUS)_[A-Z0-9_]+\b|\b0[xX][89A-Fa-f][0-9A-Fa-f]{7}\b|]] ..
  [[\b([Ee]rror|[Cc]ode|[Ss]tatus|WinError|GetLastError|HRESULT|NTSTATUS)]] ..
  [[[[:blank:]:=#()"]{1,8}-?[0-9]+\b]]

local function sh(cmd)
  local p = assert(io.popen(cmd))
  local out = p:read("*a")
  p:close()
  return out
end

local function exists(path)
  local f = io.open(path, "rb")
  if f then f:close() end
  return f ~= nil
end

local capi = "build/bench/scan-capi"
local core_src = os.getenv("CORE_SRC") or "csrc/catalog_data.c csrc/lookup.c " ..
  "csrc/parse.c csrc/format.c csrc/search.c csrc/scan.c"
assert(os.execute("mkdir -p build/bench && " .. cc .. " -std=c99 -O2 -Icsrc -o " ..
                  capi .. " bench/scan-capi.c " .. core_src))

local function log_file(kind)
  local file = ("%s/logonerr-bench-%s-%d.log"):format(tmp, kind, size)
  if not exists(file) then
    io.stderr:write(("generating a %d MB %s log in %s\n"):format(size, kind, file))
    assert(os.execute(lua .. " bench/gen-log.lua " .. file .. " " .. size .. " " .. kind))
  end
  sh("cat " .. file .. " > /dev/null") -- into the page cache
  return file
end

-- Best wall time of cmd over runs (3), and what it printed the last time.
-- A command may say its own time as "SECONDS" after its count (the C API
-- times the scan alone, the file being in memory already).
local OUT = tmp .. "/logonerr-bench.out"
local function timed(cmd, runs)
  local best, out = math.huge, nil
  for _ = 1, runs or 3 do
    local r = sh("s=$(date +%s%N); ( " .. cmd .. " ) > " .. OUT .. "; " ..
                 "e=$(date +%s%N); echo $((e - s))")
    out = sh("cat " .. OUT)
    local own = tonumber(out:match("^%s*%d+%s+([%d.]+)%s*$"))
    best = math.min(best, own or tonumber(r) / 1e9)
  end
  return best, out
end

local function count_of(out) return tonumber(out:match("^%s*(%d+)")) end
local function command_count(out)
  local n = 0
  for k in out:gmatch("(%d+) [%u_]+ %(") do n = n + tonumber(k) end
  return n
end

local q = "'" .. PATTERN:gsub("'", "'\\''") .. "'"
local MB = 1024 * 1024
local rows = {}

for _, kind in ipairs(kinds) do
  local file = log_file(kind)
  local bytes = tonumber((sh("wc -c < " .. file)))
  local tools = {
    { "cat", "cat " .. file .. " > /dev/null" },
    { "wc -l", "wc -l < " .. file },
    { "grep -oE", "grep -oE " .. q .. " " .. file .. " | wc -l", count = true },
    { "rg -o", "rg -o --no-filename " .. q .. " " .. file .. " | wc -l", count = true },
    { "C API", capi .. " " .. file, count = true },
    { "logonerr scan", lua .. " bin/logonerr scan -f line " .. file, cmd = true },
  }
  local got = {}
  for i, t in ipairs(tools) do
    local secs, out = timed(t[2])
    got[i] = { name = t[1], secs = secs,
               n = t.cmd and command_count(out) or t.count and count_of(out) }
  end
  local wc, found = got[2].secs, got[6].n
  local agree = {}
  for _, g in ipairs(got) do
    if g.n and g.n ~= found then agree[#agree + 1] = g.name .. " " .. g.n end
  end
  print(("%s log: %s, %.0f MB, %d lines, %d codes%s"):format(kind, file,
        bytes / MB, count_of(sh("wc -l < " .. file)), found,
        #agree == 0 and " (every tool agrees)" or " (but " .. table.concat(agree, ", ") .. ")"))
  for _, g in ipairs(got) do
    rows[#rows + 1] = { kind = kind, name = g.name, secs = g.secs,
                        mbs = bytes / MB / g.secs, x = g.secs / wc }
  end
end

print()
print(("| %-8s | %-14s | %8s | %7s | %8s |"):format("log", "tool", "seconds", "MB/s", "x wc -l"))
print("|---|---|---:|---:|---:|")
for _, r in ipairs(rows) do
  print(("| %-8s | %-14s | %8.3f | %7.0f | %8.2f |"):format(r.kind, r.name, r.secs, r.mbs, r.x))
end

-- -j: a log twice, one by one and two at once: the typical log (where
-- reading the file is most of the cost) and the dense one (where the
-- scanning is).
print()
for _, kind in ipairs({ "typical", "dense" }) do
  local f = log_file(kind)
  local one = timed(lua .. " bin/logonerr scan -f line " .. f .. " " .. f)
  local two = timed(lua .. " bin/logonerr scan -j 2 -f line " .. f .. " " .. f)
  print(("two equal files (the %s log twice): one by one %.3f s, -j 2 %.3f s: %.2f times faster")
        :format(kind, one, two, one / two))
end

-- Peak memory of the command on 64 MB and on 2 GB (the typical log
-- repeated).
print()
local typical = log_file("typical")
local small, big = tmp .. "/logonerr-bench-64.log", tmp .. "/logonerr-bench-2g.log"
sh(("head -c %d %s > %s"):format(64 * MB, typical, small))
local reps = math.ceil(2048 / size)
sh(("rm -f %s; for i in $(seq %d); do cat %s >> %s; done"):format(big, reps, typical, big))
for _, f in ipairs({ small, big }) do
  local kb = sh("/usr/bin/time -f %M " .. lua .. " bin/logonerr scan -f line " .. f ..
                " 2>&1 >/dev/null | tail -1")
  print(("peak memory of logonerr scan on %5.0f MB: %6d KB"):format(
    tonumber(sh("wc -c < " .. f)) / MB, tonumber(kb)))
end
os.remove(small)
os.remove(big)
os.remove(OUT)
