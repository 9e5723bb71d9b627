-- The findings in every format of `logonerr events`: the severity and the
-- reading of each finding, the accounts as identities with the spellings
-- seen, and the logon summary per identity (what Hayabusa's logon summary
-- shows: successes and failures by logon type and source).  The log is a
-- password spray that worked, written here as event XML.
local run = require "support.run"
local events = require "logonerr.events"
local sc = require "support.scenario"
local dkjson = require "dkjson"

local function at(t) return sc.at("2024-05-01T10:00:00", t) end

-- Seven bad passwords from 10.0.0.66 on the DC, then a TGT for carol from
-- the same address, then carol's network logon on the file server.
local function spray()
  local log = {}
  for i = 1, 7 do
    log[i] = { id = 4771, time = at(i), data = { TargetUserName = "user" .. i,
               ServiceName = "krbtgt/CORP.LOCAL", IpAddress = "::ffff:10.0.0.66",
               Status = "0x18" } }
  end
  log[8] = { id = 4768, time = at(9), data = { TargetUserName = "carol",
             TargetDomainName = "CORP.LOCAL", ServiceName = "krbtgt",
             IpAddress = "::ffff:10.0.0.66", Status = "0x0", PreAuthType = "2" } }
  log[9] = { id = 4624, time = at(10), computer = "fs01.corp.local", data = {
             TargetUserName = "carol", TargetDomainName = "CORP", LogonType = "3",
             IpAddress = "10.0.0.66", WorkstationName = "KALI" } }
  return log
end

describe("logonerr events shows the findings", function()
  if not events.xml then pending("logonerr.evtx is not built (libexpat)") return end
  local path

  setup(function() path = sc.write(spray()) end)
  teardown(function() os.remove(path) end)

  it("with their severity in text, markdown and html", function()
    for _, f in ipairs({ "text", "markdown", "html" }) do
      local code, out = run.command("events -f " .. f .. " " .. path)
      assert.are.equal(0, code)
      assert.matches("CRITICAL", out, 1, true)
      assert.matches("success_after_failures", out, 1, true)
      assert.matches("HIGH", out, 1, true) -- the spray
      assert.matches("attacker", out, 1, true)
    end
  end)

  -- carol failed nowhere: her text row names no codes, and shows no
  -- empty "()" where a sprayed account's shows its code.
  it("with the codes of an account's failures in the text table, none for none", function()
    local code, out = run.command("events -f text " .. path)
    assert.are.equal(0, code)
    assert.matches("\n       0      2  CORP\\carol, written ", out, 1, true)
    assert.matches("\n       1      0  CORP\\user1 (KDC_ERR_PREAUTH_FAILED)\n", out, 1, true)
  end)

  it("in JSON with the specification's keys, the same bytes on every run", function()
    local code, out = run.command("events -f json " .. path)
    assert.are.equal(0, code)
    local _, again = run.command("events -f json " .. path)
    assert.are.equal(out, again)
    local r = dkjson.decode(out)
    local f = r.findings[1]
    assert.are.equal("success_after_failures", f.kind)
    assert.are.equal("critical", f.severity)
    for _, k in ipairs({ "accounts", "sources", "count", "first", "last" }) do
      assert.is_not_nil(f[k], k)
    end
    assert.are.equal("password_spray", r.findings[2].kind)
    assert.are.equal("high", r.findings[2].severity)
    -- carol is one identity: CORP\carol on the file server, CORP.LOCAL on
    -- the DC, with one failure-free TGT and one network logon.
    local carol
    for _, a in ipairs(r.by_account) do
      if a.identity:lower():find("carol", 1, true) then carol = a end
    end
    assert.are.same({ "CORP.LOCAL\\carol", "CORP\\carol" }, carol.spellings)
    assert.are.equal(2, carol.successes)
    assert.are.equal(0, carol.failures)
    for _, k in ipairs({ "account", "identity", "failures", "successes" }) do
      assert.is_not_nil(carol[k], k)
    end
  end)

  it("with a logon summary per identity in json, markdown and html", function()
    local _, out = run.command("events -f json " .. path)
    local rows = {}
    for _, l in ipairs(dkjson.decode(out).logon_summary) do
      if l.identity:lower():find("carol", 1, true) then rows[#rows + 1] = l end
    end
    table.sort(rows, function(a, b) return a.how < b.how end)
    assert.are.same({ "Kerberos TGT", "Network" }, { rows[1].how, rows[2].how })
    assert.are.same({ 1, 0, "10.0.0.66" }, { rows[2].successes, rows[2].failures, rows[2].source })
    for _, f in ipairs({ "markdown", "html", "text" }) do
      local _, text = run.command("events -f " .. f .. " " .. path)
      assert.matches("Logon summary", text, 1, true)
    end
  end)

  -- The official message of 0xC000006A (Microsoft's NTSTATUS values page,
  -- [MS-ERREF] 2.3.1) speaks of changing a password: "the value provided
  -- as the current password is not correct".  In a table of
  -- logon failures an administrator needs what it means there: a wrong
  -- password for an account that exists.  The message stays in JSON.
  it("says what each code means in a logon report, the official message kept in JSON",
     function()
    local log = { { id = 4625, time = at(1), computer = "srv01.corp.local", data = {
      TargetUserName = "erin", TargetDomainName = "CORP", Status = "0xc000006d",
      SubStatus = "0xc000006a", LogonType = "3", IpAddress = "10.0.0.31",
      WorkstationName = "PC31" } } }
    local p = sc.write(log)
    local _, text = run.command("events " .. p)
    local line = text:match("\n%s*1%s+0xC000006A[^\n]*")
    assert.matches("password was wrong", line, 1, true)
    assert.not_matches("update a password", line, 1, true)
    local _, html = run.command("events -f html " .. p)
    assert.matches("<th>meaning</th>", html, 1, true)
    local _, out = run.command("events -f json " .. p)
    os.remove(p)
    local c = dkjson.decode(out).by_code[1]
    assert.matches("update a password", c.message, 1, true)
    assert.matches("password was wrong", c.meaning, 1, true)
  end)
end)
