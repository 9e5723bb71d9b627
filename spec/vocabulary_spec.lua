-- The Security-event vocabulary (issue 12): failure reasons, logon types
-- and event IDs, as a user reads them, checked against ntsecapi.h and the
-- field names of real event logs.
local logonerr = require "logonerr"
local sdk = require "support.sdk"
local run = require "support.run"

-- Lua 5.1 and LuaJIT ignore __pairs: there the tables are plain copies.
local honours_pairs = #setmetatable({}, { __len = function() return 1 end }) == 1

local EVTX_DIR = "spec/fixtures/evtx/" -- real logs (see SOURCES.md there)

-- SECURITY_LOGON_TYPE in ntsecapi.h: number -> name, from the enum.
local function logon_type_enum()
  local f = assert(io.open(sdk.MINGW .. "ntsecapi.h", "rb"))
  local text = f:read("*a")
  f:close()
  local body = assert(text:match("typedef enum _SECURITY_LOGON_TYPE%s*{(.-)}"))
  body = body:gsub("#[^\n]*", "")
  local t, n = {}, -1
  for item in body:gmatch("[^,]+") do
    local name, value = item:match("^%s*([%a_]+)%s*=%s*(%d+)")
    if name then n = tonumber(value) else name = item:match("^%s*([%a_]+)"); n = n + 1 end
    if name then t[n] = name end
  end
  return t
end

-- Event ID -> set of <Data Name=...> seen in its records, plus the values
-- of FailureReason and LogonType, from every sample log (nil when the
-- logs or evtxexport are missing).
local function sample_fields()
  if not run.ok("command -v evtxexport >/dev/null 2>&1") or
     not run.ok("test -d " .. EVTX_DIR) then
    return nil
  end
  local fields, values = {}, { FailureReason = {}, LogonType = {} }
  local p = assert(io.popen("for f in " .. EVTX_DIR .. "*.evtx; do " .. run.PLAIN ..
                            "evtxexport -f xml \"$f\" 2>/dev/null; done"))
  local text = p:read("*a")
  p:close()
  for record in text:gmatch("<Event[ >].-</Event>") do
    local id = tonumber(record:match("<EventID[^>]*>(%d+)</EventID>"))
    if id then
      fields[id] = fields[id] or {}
      for name in record:gmatch('<Data Name="([%w_]+)"') do fields[id][name] = true end
      for name, v in record:gmatch('<Data Name="([%w_]+)">([^<]*)<') do
        if values[name] then values[name][v] = true end
      end
    end
  end
  return fields, values
end

describe("the event vocabulary", function()
  it("gives the Failure Reason texts Windows renders", function()
    assert.are.equal("Unknown user name or bad password.", logonerr.failure_reasons[2313])
    assert.are.equal("Account locked out.", logonerr.failure_reasons[2307])
    assert.are.equal("An Error occured during Logon.", logonerr.failure_reasons[2304])
    assert.are.equal("Smartcard logon is required and was not used.",
                     logonerr.failure_reasons[2315])
    for n = 2304, 2315 do
      assert.is_string(logonerr.failure_reasons[n], "%%" .. n)
      assert.matches("^%u.*%.$", logonerr.failure_reasons[n])
    end
    local count = 0
    for k in pairs(logonerr.failure_reasons) do
      assert.is_true(k >= 2304 and k <= 2315, tostring(k))
      count = count + 1
    end
    assert.are.equal(12, count)
    assert.is_nil(logonerr.failure_reasons[2316])
  end)

  it("names the logon types as ntsecapi.h numbers them", function()
    assert.are.equal("RemoteInteractive", logonerr.logon_types[10].name)
    assert.are.equal("Network", logonerr.logon_types[3].name)
    assert.are.equal("System", logonerr.logon_types[0].name)
    local enum = logon_type_enum()
    assert.are.equal("RemoteInteractive", enum[10]) -- the header was read
    for _, n in ipairs({ 0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 }) do
      local t = logonerr.logon_types[n]
      assert.is_table(t, "logon type " .. n)
      assert.is_string(t.name)
      assert.is_true(#t.description > 20, "logon type " .. n)
      if n > 0 then assert.are.equal(enum[n], t.name, "logon type " .. n) end
    end
    assert.is_nil(logonerr.logon_types[1])
    assert.is_nil(logonerr.logon_types[14])
  end)

  it("says which fields of each event hold codes, and in which namespace", function()
    local ids = logonerr.event_ids
    assert.are.equal("An account failed to log on", ids[4625].name)
    assert.are.equal("kerberos", ids[4771].code_fields.Status)
    assert.are.equal("Failure Code", ids[4771].labels.Status)
    assert.are.equal("kerberos", ids[4768].code_fields.Status)
    assert.are.equal("Result Code", ids[4768].labels.Status)
    assert.are.equal("kerberos", ids[4769].code_fields.Status)
    assert.are.equal("ntstatus", ids[4625].code_fields.Status)
    assert.are.equal("ntstatus", ids[4625].code_fields.SubStatus)
    assert.are.equal("ntstatus", ids[4776].code_fields.Status)
    assert.are.equal("Error Code", ids[4776].labels.Status)
    assert.is_nil(ids[4776].code_fields.SubStatus) -- 4776 has no Sub Status
    for _, id in ipairs({ 4624, 4648, 4740 }) do
      assert.is_nil(next(ids[id].code_fields), id .. " holds no code")
    end
    local known = {}
    for _, ns in ipairs(logonerr.namespaces) do known[ns] = true end
    for _, id in ipairs({ 4624, 4625, 4648, 4740, 4768, 4769, 4771, 4776 }) do
      local e = ids[id]
      assert.is_string(e.name, tostring(id))
      assert.is_true(#e.description > 20, tostring(id))
      for field, ns in pairs(e.code_fields) do
        assert.is_true(known[ns], id .. " " .. field .. ": " .. tostring(ns))
        assert.is_string(e.labels[field], id .. " " .. field .. " has no label")
      end
    end
  end)

  it("uses the field names of real event logs", function()
    local fields, values = sample_fields()
    if not fields then
      pending("needs evtxexport (libevtx-utils) and the logs in " .. EVTX_DIR)
      return
    end
    local checked = 0
    for id, e in pairs(logonerr.event_ids) do
      if fields[id] then
        for field in pairs(e.code_fields) do
          assert.is_true(fields[id][field], ("event %d has no <Data Name=%q>"):format(id, field))
          checked = checked + 1
        end
      end
    end
    -- the samples hold 4625, 4768, 4771 and 4776 (4769 and 4740 are absent)
    for _, id in ipairs({ 4625, 4768, 4771, 4776 }) do assert.is_table(fields[id], id) end
    assert.is_true(checked >= 5)
    assert.is_nil(fields[4776].SubStatus)
    -- and the values they hold are in the tables
    for v in pairs(values.FailureReason) do
      local n = tonumber(v:match("^%%%%(%d+)$"))
      assert.is_string(logonerr.failure_reasons[n], v)
    end
    for v in pairs(values.LogonType) do
      assert.is_table(logonerr.logon_types[tonumber(v)], "logon type " .. v)
    end
  end)

  it("is read-only, and pairs never hands out the table behind it", function()
    if not honours_pairs then
      -- Lua 5.1 / LuaJIT: plain copies, which pairs walks directly.
      assert.is_nil(getmetatable(logonerr.logon_types))
      local n = 0
      for _ in pairs(logonerr.logon_types) do n = n + 1 end
      assert.are.equal(13, n)
      return
    end
    assert.has_error(function() logonerr.failure_reasons[2313] = "x" end)
    assert.has_error(function() logonerr.failure_reasons[9999] = "x" end)
    assert.has_error(function() logonerr.logon_types[10] = {} end)
    assert.has_error(function() logonerr.logon_types[10].name = "x" end)
    assert.has_error(function() logonerr.event_ids[4771].code_fields.Status = "ntstatus" end)
    assert.are.equal("RemoteInteractive", logonerr.logon_types[10].name)
    assert.are.equal("kerberos", logonerr.event_ids[4771].code_fields.Status)
    for _, t in ipairs({ logonerr.failure_reasons, logonerr.logon_types, logonerr.event_ids }) do
      local step, state = pairs(t)
      assert.is_nil(state) -- no hidden table to write into
      assert.are_not.equal(next, step)
      local n = 0
      for k, v in pairs(t) do
        n = n + 1
        assert.are.equal(t[k], v)
      end
      assert.is_true(n >= 8)
    end
  end)
end)
