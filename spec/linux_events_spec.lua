-- logonerr.events on the logs of Linux servers: MIT krb5kdc.log and Samba's
-- auth audit (text and JSON), from the real servers of make fixtures-linux
-- (spec/fixtures/linux/: the logs and `expected`, what the logons were).
-- Kerberos values come from MIT's krb5.h, NTSTATUS ones from the SDK headers.
local events = require "logonerr.events"
local mit_kdc = require "logonerr.events.read.mit_kdc"
local sdk = require "support.sdk"
local run = require "support.run"

local DIR = "spec/fixtures/linux/"
local krb5 = sdk.krb5()
local symbols = sdk.symbols()

-- MIT's result names, by their krb5.h symbols (MIT's kdc/ sources).
local MIT = dofile("realms/mit_results.lua")

-- What the logons were, from `expected`: failures and successes as
-- "code account" -> count (code: the number).
local function expected(who)
  local failures, successes = {}, {}
  for line in io.lines(DIR .. "expected") do
    local w, result, account = line:match("^(%S+) (%S+) (%S+)$")
    if w == who then
      if result == "NT_STATUS_OK" then
        successes[account] = (successes[account] or 0) + 1
      elseif result ~= "NEEDED_PREAUTH" then
        local code = who == "mit" and krb5[MIT[result]] or symbols[result:sub(4)]
        assert.is_number(code, result)
        local k = code .. " " .. account
        failures[k] = (failures[k] or 0) + 1
      end
    end
  end
  return failures, successes
end

-- What logonerr read, the same way.
local function read(path)
  local failures, successes, recs = {}, {}, {}
  local it, rd = events.records(path)
  for rec in it do
    recs[#recs + 1] = rec
    local account = rec.data.TargetUserName
    if rec.failed then
      local k = rec.code.code .. " " .. account
      failures[k] = (failures[k] or 0) + 1
    elseif rec.success then
      successes[account] = (successes[account] or 0) + 1
    end
  end
  return failures, successes, recs, rd
end

local kinds = require("support.scenario").by_kind

describe("events on MIT krb5kdc.log", function()
  it("reads the failures per code and account that the logons made", function()
    local want = expected("mit")
    local got, successes, recs, rd = read(DIR .. "krb5kdc.log")
    assert.are.equal("mit-kdc", rd.format)
    assert.are.same(want, got)
    assert.are.same({}, rd.skipped)
    -- every good kinit of realms/mit.sh is a ticket issued: bob's three,
    -- alice's one, and ivan's ticket for the password-change service
    assert.are.same({ bob = 3, alice = 1, ivan = 1 }, successes)
    for _, rec in ipairs(recs) do
      -- kinit ran on the KDC's host: 127.0.0.1 reads as a local attempt
      assert.are.same({ "local", "127.0.0.1" }, { rec.source, rec.data.IpAddress })
      assert.truthy(rec.time:match("^%d%d%d%d%-12%-03T08:2%d:%d%d%.000000Z$"), rec.time)
      assert.truthy(rec.account:match("^EXAMPLE%.TEST\\"), rec.account)
    end
  end)

  it("makes the records Windows makes for the same requests", function()
    local _, _, recs = read(DIR .. "krb5kdc.log")
    local ids = {}
    for _, rec in ipairs(recs) do
      local k = rec.id .. " " .. rec.data.KdcResult
      ids[k] = (ids[k] or 0) + 1
    end
    assert.are.same({ ["4768 ISSUE"] = 5, ["4771 PREAUTH_FAILED"] = 13,
                      ["4768 CLIENT_NOT_FOUND"] = 4, ["4768 CLIENT LOCKED OUT"] = 1,
                      ["4768 CLIENT EXPIRED"] = 1, ["4768 CLIENT KEY EXPIRED"] = 1,
                      ["4769 LOOKING_UP_SERVER"] = 2 }, ids)
  end)

  it("does not count NEEDED_PREAUTH, the first step of every logon, as a failure", function()
    local text = "Dec 03 08:20:40 kdc krb5kdc[1](info): AS_REQ (1 etypes {18}) 10.0.0.5: " ..
                 "NEEDED_PREAUTH: bob@EXAMPLE.TEST for krbtgt/EXAMPLE.TEST@EXAMPLE.TEST, " ..
                 "Additional pre-authentication required\n"
    local path = run.tempfile(text)
    local _, _, recs, rd = read(path)
    os.remove(path)
    assert.are.equal("mit-kdc", rd.format)
    assert.are.same({}, recs)
    assert.are.same({}, rd.skipped)
  end)

  -- The fixture's client tried bad passwords at bob and five others, then
  -- four names the KDC does not have (CLIENT_NOT_FOUND) and dave, whose
  -- principal may not get tickets (CLIENT LOCKED OUT), all from one address
  -- in seconds: one spray whose list was wider than the principals in use,
  -- not a scan of names beside it.
  it("finds guessing, and a spray that met unknown and refused names", function()
    local r = events.triage(events.open(DIR .. "krb5kdc.log"))
    local k = kinds(r)
    assert.is_table(k.password_guessing)
    assert.is_nil(k.user_enumeration)
    local spray
    for _, f in ipairs(r.findings) do if f.kind == "password_spray" then spray = f end end
    assert.are.equal(5, spray.probed)
    assert.are.same({ "EXAMPLE.TEST\\dave" }, spray.refused)
  end)

  -- krb5kdc.log writes whole seconds: a tool's burst is one second's lines,
  -- and only their order says which failures came before a success.  Here
  -- 10.0.0.66 sprays five accounts, bob's password works, then two more
  -- accounts fail and bob asks for a service that does not exist (0x7):
  -- bob's success came after five failures, not eight, and a refused
  -- service ticket says nothing of a password.  ivan's password has
  -- expired (0x17): his client then asks for kadmin/changepw, to change
  -- it, which is no logon; erin's account itself has expired (0x1).
  it("reads a second's lines in their order, and a password change as no logon nor TGT",
     function()
    local function line(req, result, who, server, rest)
      return ("Dec 03 08:20:40 kdc krb5kdc[1](info): %s (1 etypes {18}) 10.0.0.66: %s: " ..
              "%s@EXAMPLE.TEST for %s@EXAMPLE.TEST%s\n"):format(req, result, who, server,
                                                                rest or "")
    end
    local tgt = "krbtgt/EXAMPLE.TEST"
    local text = {}
    for i = 1, 5 do text[#text + 1] = line("AS_REQ", "PREAUTH_FAILED", "user" .. i, tgt) end
    text[#text + 1] = line("AS_REQ", "ISSUE", "bob", tgt)
    for i = 6, 7 do text[#text + 1] = line("AS_REQ", "PREAUTH_FAILED", "user" .. i, tgt) end
    text[#text + 1] = line("TGS_REQ", "LOOKING_UP_SERVER", "bob", "nosuch/host")
    text[#text + 1] = line("AS_REQ", "CLIENT KEY EXPIRED", "ivan", tgt)
    text[#text + 1] = line("AS_REQ", "ISSUE", "ivan", "kadmin/changepw")
    text[#text + 1] = line("AS_REQ", "CLIENT EXPIRED", "erin", tgt)
    local path = run.tempfile(table.concat(text))
    local r = events.triage(events.open(path))
    os.remove(path)
    local hit
    for _, f in ipairs(r.findings) do
      if f.kind == "success_after_failures" then
        assert.is_nil(hit, "one success_after_failures finding")
        hit = f
      end
    end
    assert.are.same({ "EXAMPLE.TEST\\bob" }, hit.accounts)
    assert.are.equal(5, hit.failures)
    local expired
    for _, f in ipairs(r.findings) do
      if f.kind == "expired_account" then expired = f end
    end
    assert.are.same({ "EXAMPLE.TEST\\erin", "EXAMPLE.TEST\\ivan" }, expired.accounts)
    assert.are.same({ "KDC_ERR_KEY_EXPIRED", "KDC_ERR_NAME_EXP" }, expired.codes)
    -- The logon summary tells ivan's refused TGT from the ticket he then got
    -- to change his password (RFC 3244: kadmin/changepw): no TGT was issued.
    local how = {}
    for _, row in ipairs(r.logon_summary) do
      if row.identity == "EXAMPLE.TEST\\ivan" then
        how[#how + 1] = row.how .. ": " .. row.successes .. " " .. row.failures
      end
    end
    table.sort(how)
    assert.are.same({ "Kerberos TGT: 0 1", "Kerberos ticket for kadmin/changepw: 1 0" }, how)
  end)

  it("finds the year the log does not write", function()
    local line = "%s kdc krb5kdc[1](info): AS_REQ (1 etypes {18}) 10.0.0.5: " ..
                 "PREAUTH_FAILED: bob@EXAMPLE.TEST for krbtgt/EXAMPLE.TEST@EXAMPLE.TEST, x\n"
    local path = run.tempfile(line:format("Dec 31 23:59:59") .. line:format("Jan 01 00:00:01") ..
                              line:format("Jan  2 10:00:00"))
    local saved = mit_kdc.now
    local times = {}
    -- read on 2027-01-05: the December line is of 2026, then 2027
    mit_kdc.now = function() return os.time({ year = 2027, month = 1, day = 5, hour = 12 }) end
    local ok, err = pcall(function()
      for rec in events.records(path) do times[#times + 1] = rec.time end
    end)
    mit_kdc.now = saved
    os.remove(path)
    assert(ok, err)
    assert.are.same({ "2026-12-31T23:59:59.000000Z", "2027-01-01T00:00:01.000000Z",
                      "2027-01-02T10:00:00.000000Z" }, times)
  end)

  it("reads a full date from syslog as it is", function()
    local path = run.tempfile("2025-06-01T10:00:00.250000+02:00 kdc krb5kdc[1]: AS_REQ " ..
      "(1 etypes {18}) 10.0.0.5: CLIENT_NOT_FOUND: eve@EXAMPLE.TEST for " ..
      "krbtgt/EXAMPLE.TEST@EXAMPLE.TEST, Client not found in Kerberos database\n")
    local it = events.records(path)
    local rec = it()
    os.remove(path)
    assert.are.equal("2025-06-01T08:00:00.250000Z", rec.time)
    assert.are.equal(krb5.KRB5KDC_ERR_C_PRINCIPAL_UNKNOWN, rec.code.code)
    assert.are.equal("kdc", rec.computer)
  end)

  it("skips, with its name, a result it does not know", function()
    local path = run.tempfile("Dec 03 08:20:40 kdc krb5kdc[1](info): AS_REQ (1 etypes {18}) " ..
      "10.0.0.5: SOMETHING_NEW: bob@EXAMPLE.TEST for krbtgt/EXAMPLE.TEST@EXAMPLE.TEST, x\n")
    local _, _, recs, rd = read(path)
    os.remove(path)
    assert.are.same({}, recs)
    assert.are.same({ { at = "line 1",
                        reason = "a KDC result logonerr does not know: SOMETHING_NEW" } },
                    rd.skipped)
  end)
end)

describe("events on Samba's auth audit", function()
  it("reads the failures and successes per code and account the logons made", function()
    local want, want_ok = expected("samba")
    local got, successes, recs, rd = read(DIR .. "samba-auth-audit.log")
    assert.are.equal("samba", rd.format)
    assert.are.same(want, got)
    assert.are.same(want_ok, successes)
    assert.are.same({}, rd.skipped)
    for _, rec in ipairs(recs) do
      -- "ipv4:127.0.0.1:PORT" is kept as the address; a loopback address
      -- says nothing of the client, so the workstation Samba names is the source
      -- (Kerberos logons name none: a local attempt)
      assert.are.same({ rec.data.WorkstationName or "local", "127.0.0.1" },
                      { rec.source, rec.data.IpAddress })
      assert.truthy(rec.data.IpPort:match("^%d+$"))
    end
  end)

  it("reads an NTLM and a Kerberos logon of one person as one account", function()
    local seen = {}
    for rec in events.records(DIR .. "samba-auth-audit.log") do
      if rec.data.ClientUserName == "alice" then
        seen[rec.data.ClientDomainName .. " " .. rec.account] = true
      end
    end
    -- smbclient wrote CORP\alice, kinit alice@CORP.TEST: Samba mapped both
    assert.are.same({ ["CORP CORP\\alice"] = true, ["CORP.TEST CORP\\alice"] = true }, seen)
  end)

  it("reads the text lines alone and the JSON lines alone into the same failures", function()
    local text, json = {}, {}
    for line in io.lines(DIR .. "samba-auth-audit.log") do
      if line:find('"type": "Authentication"', 1, true) then
        json[#json + 1] = line:match("^%s*(.*)$")
      else
        text[#text + 1] = line
      end
    end
    local whole = read(DIR .. "samba-auth-audit.log")
    for _, lines in ipairs({ text, json }) do
      local path = run.tempfile(table.concat(lines, "\n") .. "\n")
      local got, _, _, rd = read(path)
      os.remove(path)
      assert.are.equal("samba", rd.format)
      assert.are.same(whole, got)
    end
  end)

  it("finds guessing, success after failures, disabled and expired accounts", function()
    local k = kinds(events.triage(events.open(DIR .. "samba-auth-audit.log")))
    for _, kind in ipairs({ "password_guessing", "success_after_failures",
                            "disabled_account", "expired_account" }) do
      assert.is_table(k[kind], kind)
    end
  end)

  it("finds spraying from a source other than the server", function()
    -- The logons of make fixtures-linux came from loopback, which the
    -- triage reads as the logging host, and Samba's log names no host: the
    -- same log with the client at 10.99.0.2 shows what one source did.
    local f = assert(io.open(DIR .. "samba-auth-audit.log", "rb"))
    local text = f:read("*a")
    f:close()
    local moved, n = text:gsub("ipv4:127%.0%.0%.1:(%d+)([%]\"])", function(port, after)
      return port == "445" and nil or "ipv4:10.99.0.2:" .. port .. after
    end)
    assert.is_true(n > 0)
    local path = run.tempfile(moved)
    local r = events.triage(events.open(path))
    os.remove(path)
    local k = kinds(r)
    for _, kind in ipairs({ "password_guessing", "password_spray",
                            "disabled_account", "expired_account" }) do
      assert.is_table(k[kind], kind)
    end
    -- (its four names that do not exist came in the spray's seconds: its own)
    assert.is_nil(k.user_enumeration)
    -- (over SMB Samba tells the client NT_STATUS_LOGON_FAILURE for an
    -- unknown name as for a bad password: its audit knows more than the
    -- client learnt, and the advice must not say otherwise)
    for _, x in ipairs(r.findings) do
      if x.kind == "password_spray" then
        assert.are.equal(4, x.probed)
        assert.matches("over SMB the client is told only NT_STATUS_LOGON_FAILURE",
                       x.check[#x.check], 1, true)
      end
    end
  end)

  -- The KDC's tickets issued to a client on the internet (the fixture's
  -- ISSUE lines, from 23.94.153.202 rather than loopback): port 88
  -- answers the internet, told in MIT's terms (kadmin), not Windows'
  -- (no RDP, no 4624), though no failure came from there.
  it("tells tickets issued to an internet address in MIT's terms", function()
    local f = assert(io.open(DIR .. "krb5kdc.log", "rb"))
    local lines = {}
    for line in f:lines() do
      if line:find(": ISSUE:", 1, true) then
        lines[#lines + 1] = (line:gsub(" 127%.0%.0%.1: ", " 23.94.153.202: "))
      end
    end
    f:close()
    assert.is_true(#lines > 0)
    local path = run.tempfile(table.concat(lines, "\n") .. "\n")
    local r = events.triage(events.open(path))
    os.remove(path)
    local x
    for _, g in ipairs(r.findings) do if g.kind == "public_source" then x = g end end
    assert.is_table(x)
    assert.are.equal("mit", x.platform)
    assert.are.equal("high", x.severity)
    local advice = table.concat(x.check, "\n")
    assert.matches("port 88", advice, 1, true)
    assert.is_nil(advice:find("RDP", 1, true))
  end)

  it("names a file that is neither, and reads the next file as before", function()
    local path = run.tempfile("Auth: nothing here\nAS_REQ nor here\n")
    local rd, err = events.open(path)
    os.remove(path)
    assert.is_nil(rd)
    assert.are.equal(path .. ": not a Security event log (expected EVTX, event XML with " ..
                     "<Event> elements, JSON, Samba's auth audit or krb5kdc.log)", err)
    assert.are.equal(23, #select(3, read(DIR .. "samba-auth-audit.log")))
  end)
end)
