-- make bench-scan SIZE=256: logonerr's scanning speed against grep, a
-- plain Lua scanner and wc -l, on one generated log, in one run.
--   lua5.4 bench/scan.lua SIZE_MB [FILE]
-- Each tool runs three times on the same (cached) file (the gmatch scanner
-- once); the best wall time counts.  Every tool must report the same number of codes.
local size = tonumber(arg[1] or "256") or error("usage: scan.lua SIZE_MB [FILE]")
local file = arg[2] or (os.getenv("TMPDIR") or "/tmp") .. "/logonerr-bench-" .. size .. ".log"
local lua = os.getenv("LUA") or "lua5.4"

-- The same candidate tokens as logonerr's rules, for grep -E.
local PATTERN = [[\b(ERROR|STATUS)_[A-Z0-9_]+\b|\b0[xX][89A-Fa-f][0-9A-Fa-f]{7}\b|]] ..
  [[\b([Ee]rror|[Cc]ode|[Ss]tatus|WinError|GetLastError|HRESULT|NTSTATUS)]] ..
  [[[[:blank:]:=#()]{1,8}-?[0-9]+\b]]

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

if not exists(file) then
  io.stderr:write(("generating a %d MB log in %s\n"):format(size, file))
  assert(os.execute(lua .. " bench/gen-log.lua " .. file .. " " .. size))
end
local bytes = tonumber((sh("wc -c < " .. file)))
sh("cat " .. file .. " > /dev/null") -- into the page cache

-- Best wall time of cmd (runs, 3 by default) and what it printed.
local function timed(cmd, runs)
  local best, out = math.huge, nil
  for _ = 1, runs or 3 do
    local r = sh("s=$(date +%s%N); " .. cmd .. " > /tmp/logonerr-bench.out; " ..
                 "e=$(date +%s%N); echo $((e - s))")
    best = math.min(best, tonumber(r) / 1e9)
    out = sh("cat /tmp/logonerr-bench.out")
  end
  return best, out
end

local q = "'" .. PATTERN .. "'"
local TOOLS = {
  { "wc -l (reading the file: the floor)", "wc -l < " .. file },
  { "logonerr, Lua API (scanner, 1 MiB chunks)", lua .. " bench/scan-api.lua " .. file },
  { "logonerr scan (the command, summary)", lua .. " bin/logonerr scan -f line " .. file },
  { "grep -cE (lines with a code)", "grep -cE " .. q .. " " .. file },
  { "grep -oE (every code)", "grep -oE " .. q .. " " .. file .. " | wc -l" },
  { "plain Lua gmatch scanner (one run: slow)", lua .. " bench/gmatch.lua " .. file, 1 },
}

local results = {}
for i, t in ipairs(TOOLS) do
  local secs, out = timed(t[2], t[3])
  results[i] = { name = t[1], secs = secs, out = out }
end

local function count_of(out) return tonumber(out:match("^%s*(%d+)%s*$")) end
local api, grep_o, gm = count_of(results[2].out), count_of(results[5].out),
                        count_of(results[6].out)
local from_cmd = 0
for n in results[3].out:gmatch("(%d+) [%u_]+ %(") do from_cmd = from_cmd + tonumber(n) end

local MB = 1024 * 1024
print(("log: %s, %.0f MB, %s lines"):format(file, bytes / MB, count_of(results[1].out)))
print(("codes found: Lua API %d, command %d, grep -oE %d, gmatch %d%s"):format(
  api, from_cmd, grep_o, gm,
  (api == grep_o and api == gm and api == from_cmd) and " (all agree)" or " (DISAGREE)"))
print()
print(("%-44s %8s %9s %9s %9s"):format("tool", "seconds", "MB/s", "x wc -l", "x grep -o"))
local floor, grep = results[1].secs, results[5].secs
for _, r in ipairs(results) do
  print(("%-44s %8.3f %9.0f %9.1f %9.2f"):format(r.name, r.secs, bytes / MB / r.secs,
        r.secs / floor, r.secs / grep))
end

-- Peak memory of the command on a quarter of the file and on all of it.
print()
local quarter = file .. ".quarter"
sh(("head -c %d %s > %s"):format(math.floor(bytes / 4), file, quarter))
for _, f in ipairs({ quarter, file }) do
  local kb = sh("/usr/bin/time -f %M " .. lua .. " bin/logonerr scan -f line " .. f ..
                " 2>&1 >/dev/null | tail -1")
  print(("peak memory of logonerr scan on %4.0f MB: %6d KB"):format(
    tonumber(sh("wc -c < " .. f)) / MB, tonumber(kb)))
end
os.remove(quarter)
os.remove("/tmp/logonerr-bench.out")
