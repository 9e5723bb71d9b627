-- realms/check.lua EXPECTED KDC_LOG SAMBA_LOG: does logonerr read, in the
-- logs a real MIT KDC and a real Samba DC wrote, the failures that
-- realms/mit.sh and realms/samba.sh made?  EXPECTED holds one line per
-- logged result: "mit RESULT ACCOUNT" or "samba NT_STATUS_X ACCOUNT".
-- Counts are compared per result and account (Samba's in its text lines
-- and in its JSON lines apart); every code scan finds must be one of them.
-- Then the same through logonerr.events: its records' failures (and
-- Samba's successes) per result and account.
-- Exit 1 with the differences when they disagree.
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
if not os.getenv("LUA_CPATH") then package.cpath = "build/lua5.4/?.so;" .. package.cpath end
local logonerr = require "logonerr"
local events = require "logonerr.events"

local expected_file, kdc_log, samba_log = arg[1], arg[2], arg[3]

package.path = "realms/?.lua;spec/?.lua;" .. package.path
local MIT = require "mit_results"
local krb5 = require("support.sdk").krb5() -- krb5.h's values: the protocol's codes

local want, got = {}, {}
local function add(t, key) t[key] = (t[key] or 0) + 1 end
for line in io.lines(expected_file) do
  local who, result, account = line:match("^(%S+) (%S+) (%S+)$")
  assert(who, "bad line in " .. expected_file .. ": " .. line)
  if result ~= "NT_STATUS_OK" then -- a success: no code to find
    add(want, who .. " " .. result .. " " .. account)
    if who == "samba" then add(want, "samba-json " .. result .. " " .. account) end
  end
  if result ~= "NEEDED_PREAUTH" and (who == "samba" or result ~= "NT_STATUS_OK") then
    add(want, "events-" .. who .. " " .. result .. " " .. account)
  end
end

local problems = {}
local function problem(s) problems[#problems + 1] = s end

-- Every code scan finds in a log, with the account its line names.
local function read(path, who, account_of)
  for line in io.lines(path) do
    for e, i, j in logonerr.scan(line) do
      local token = line:sub(i, j)
      local account, kind = account_of(line)
      local result = token:gsub(" ", "_")
      if not account then
        problem(("%s: %s found in a line that names no account: %s"):format(path, token, line))
      elseif who == "mit" then
        local sym = MIT[result]
        if not sym or krb5[sym] ~= e.code or e.namespace ~= "kerberos" then
          problem(("%s: %s read as %s (%s); krb5.h: %s = %s"):format(
            path, token, tostring(e.name), tostring(e.code), tostring(sym),
            tostring(sym and krb5[sym])))
        end
      elseif e.name ~= token:gsub("^NT_", "") then
        problem(("%s: %s read as %s"):format(path, token, tostring(e.name)))
      end
      if account then add(got, (kind or who) .. " " .. result .. " " .. account) end
    end
  end
end

read(kdc_log, "mit", function(line)
  return line:match("([%w.-]+)@[%w.]+ for ")
end)
read(samba_log, "samba", function(line)
  local a = line:match('"clientAccount": "([^"@]*)')
  if a then return a, "samba-json" end
  return line:match("^%s*Auth: .- user %[[^]]*%]\\%[([^]@]*)")
end)

-- The records of logonerr.events: the result as the log names it.
for _, log in ipairs({ { "mit", kdc_log }, { "samba", samba_log } }) do
  local it, rd = events.records(log[2])
  for rec in it do
    local result
    if rec.failed then
      result = log[1] == "mit" and rec.data.KdcResult:gsub(" ", "_") or "NT_" .. rec.code.name
    elseif log[1] == "samba" and rec.success then
      result = "NT_STATUS_OK"
    end
    if result then
      add(got, "events-" .. log[1] .. " " .. result .. " " .. rec.data.TargetUserName)
    end
  end
  for _, s in ipairs(rd.skipped) do
    problem(("%s: skipped at %s: %s"):format(log[2], s.at, s.reason))
  end
end

local keys = {}
for k in pairs(want) do keys[#keys + 1] = k end
for k in pairs(got) do if not want[k] then keys[#keys + 1] = k end end
table.sort(keys)
local total = 0
for _, k in ipairs(keys) do
  total = total + (got[k] or 0)
  if want[k] ~= got[k] then
    problem(("%-50s made %d, logonerr read %d"):format(k, want[k] or 0, got[k] or 0))
  end
end
if #problems > 0 then
  io.stderr:write("test-realms: logonerr's reading differs from the logons made:\n  ",
                  table.concat(problems, "\n  "), "\n")
  os.exit(1)
end
print(("test-realms: ok, %d results found as made (%d of result, account and log form)")
      :format(total, #keys))
