-- Write a realistic Windows log mix of about SIZE megabytes to FILE:
--   lua bench/gen-log.lua FILE SIZE [KIND]
-- Security event exports, netlogon.log, service and script logs, with the
-- forms of SPEC.md sparse among lines that hold no code (pids, ports, ids,
-- GUIDs, addresses and times, which must not be taken for codes).  KIND:
--   typical  one line in forty holds a code (the default)
--   empty    the same lines, none with a code
--   dense    a code on every line
--   long     typical lines joined by " | " into lines of 1 KB and more
--   short    lines of 32 bytes (times, pids, words; one in forty a code)
local path, size, kind = arg[1], tonumber(arg[2] or "64"), arg[3] or "typical"
assert(path and size, "usage: gen-log.lua FILE SIZE_MB [KIND]")

math.randomseed(1366)
local random, format = math.random, string.format

local USERS = { "jdoe", "asmith", "svc_backup", "Administrator", "WKS042$" }
local STATUS = { "0xC000006A", "0xC000006D", "0xC0000064", "0xC0000234",
                 "0xC0000072", "0xC000006E", "0xC0000071", "0xc0000193" }

local function stamp(n)
  return format("2025-03-11T%02d:%02d:%02d.%03dZ", n % 24, n % 60, n * 7 % 60,
                n % 1000)
end

-- Lines without a code, most of the file.
local PLAIN = {
  function(n) return format("%s INFO  [worker-%d] request %08x-%04x-%04x-%04x-%012x completed in %d ms (pid %d, port %d)",
    stamp(n), n % 16, random(0, 0x7FFFFFFF), random(0, 0xFFFF), random(0, 0xFFFF), random(0, 0xFFFF), random(0, 0xFFFFFF), random(1, 900), random(100, 65000), random(1024, 65535)) end,
  function() return format("\tLogon ID:\t\t0x%X", random(0x10000, 0xFFFFFFF)) end,
  function() return format("\tProcess ID:\t\t0x%x", random(0x100, 0x3FFF)) end,
  function(n) return format("03/11 %02d:%02d:%02d [SESSION] CORP: NetrLogonSamLogonEx: Network logon of CORP\\%s from WKS%03d Entered",
    n % 24, n % 60, n % 60, USERS[n % #USERS + 1], n % 1000) end,
  function(n) return format("%s DEBUG heap at 0x00007FF6%08X, %d objects, load %d.%d", stamp(n), random(0, 0x7FFFFFFF), random(1, 99999), random(0, 9), random(0, 99)) end,
  function() return format("  Source Network Address:\t10.%d.%d.%d\n  Source Port:\t\t%d", random(0, 255), random(0, 255), random(1, 254), random(1024, 65535)) end,
}

-- Lines with a code, about one line in forty.
local CODED = {
  function() return format("\tSub Status:\t\t%s", STATUS[random(#STATUS)]) end,
  function() return format('<Data Name="SubStatus">%s</Data>', STATUS[random(#STATUS)]:lower()) end,
  function(n) return format("03/11 %02d:%02d:%02d [LOGON] CORP: SamLogon: Network logon of CORP\\%s from WKS%03d Returns %s",
    n % 24, n % 60, n % 60, USERS[n % #USERS + 1], n % 1000, STATUS[random(#STATUS)]) end,
  function() return "System error 1219 has occurred." end,
  function() return "OSError: [WinError 1312] A specified logon session does not exist." end,
  function() return "New-PSSession : (Exception from HRESULT: 0x80070556)" end,
  function(n) return format("%s ERROR LsaLogonUser failed: status=-1073741715", stamp(n)) end,
  function() return "lsasrv!LsapCreateLogonSession: STATUS_LOGON_SESSION_COLLISION" end,
}

-- Short lines, padded to 32 bytes.
local SHORT_PLAIN = {
  function(n) return format("%02d:%02d:%02d pid %d ok", n % 24, n % 60, n % 60, random(100, 99999)) end,
  function() return format("port %d open", random(1024, 65535)) end,
  function(n) return format("id 0x%x seen", random(0x100, 0xFFFFFF) + n % 2) end,
}
local SHORT_CODED = {
  function() return "error 1326" end,
  function() return format("Status: %s", STATUS[random(#STATUS)]) end,
  function() return "[WinError 1312]" end,
}

local function pad(line, width)
  if #line >= width then return line end
  return line .. (" "):rep(width - #line - 1) .. "."
end

local function next_line(n)
  if kind == "dense" then return CODED[random(#CODED)](n) end
  if kind == "empty" then return PLAIN[random(#PLAIN)](n) end
  if kind == "short" then
    if random(40) == 1 then return pad(SHORT_CODED[random(#SHORT_CODED)](n), 31) end
    return pad(SHORT_PLAIN[random(#SHORT_PLAIN)](n), 31)
  end
  local function one(k)
    if random(40) == 1 then return CODED[random(#CODED)](k) end
    return PLAIN[random(#PLAIN)](k)
  end
  if kind == "long" then
    local parts, len = {}, 0
    while len < 1024 do
      local p = one(n + #parts):gsub("\n", " ")
      parts[#parts + 1] = p
      len = len + #p + 3
    end
    return table.concat(parts, " | ")
  end
  assert(kind == "typical", "KIND: typical, empty, dense, long or short")
  return one(n)
end

local out = assert(io.open(path, "wb"))
local target, written, n, buf = size * 1024 * 1024, 0, 0, {}
while written < target do
  n = n + 1
  local line = next_line(n)
  buf[#buf + 1] = line
  written = written + #line + 1
  if #buf == 4096 then
    out:write(table.concat(buf, "\n"), "\n")
    buf = {}
  end
end
if #buf > 0 then out:write(table.concat(buf, "\n"), "\n") end
out:close()
