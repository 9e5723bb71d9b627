-- Triage on the sample logs (findings checked against what the files hold,
-- counted with python-evtx: spec/support/evtx_forms.py) and on small
-- hand-written logs whose counts are plain to see.
local events = require "logonerr.events"
local forms = require "support.forms"

local function triage_of(path, opts)
  local rd = assert(events.open(path))
  return events.triage(rd, opts)
end

local function kinds(r)
  local k = {}
  for _, f in ipairs(r.findings) do k[#k + 1] = f.kind end
  table.sort(k)
  return k
end

local function find(r, kind)
  for _, f in ipairs(r.findings) do if f.kind == kind then return f end end
end

-- An event as XML, as wevtutil writes it.
local serial = 0 -- each event its own EventRecordID: one number twice is one event
local function event(id, time, data)
  serial = serial + 1
  local d = {}
  for k, v in pairs(data) do d[#d + 1] = ('<Data Name="%s">%s</Data>'):format(k, v) end
  table.sort(d)
  return ('<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System>' ..
          '<EventID>%d</EventID><TimeCreated SystemTime="%s"/><EventRecordID>%d</EventRecordID>' ..
          '<Channel>Security</Channel><Computer>dc1.corp.example</Computer></System>' ..
          '<EventData>%s</EventData></Event>\n'):format(id, time, serial, table.concat(d))
end

local write = require("support.run").tempfile

describe("events.triage", function()
  local S = forms.DIR .. "/"
  if not events.evtx then
    pending("logonerr.evtx was built without libevtx")
    return
  end

  it("finds password guessing on two local accounts (4625 0xC000006A, 8 each)", function()
    local r = triage_of(S .. "mitre-4625-accountrestore-local-bf.evtx")
    assert.are.equal(16, r.events)
    assert.are.equal(16, r.failures)
    assert.are.same({ "password_guessing", "password_guessing" }, kinds(r))
    local seen = {}
    for _, f in ipairs(r.findings) do
      assert.are.equal(8, f.count)
      assert.are.same({ "WIN" }, f.sources)
      seen[f.accounts[1]] = true
    end
    assert.are.same({ ["WIN\\Admin"] = true, ["WIN\\Administrator"] = true }, seen)
    assert.are.equal("STATUS_WRONG_PASSWORD", r.by_code[1].name)
    assert.are.equal(16, r.by_code[1].count)
  end)

  it("finds Kerberos brute force on one account (4771 0x18 x54)", function()
    local r = triage_of(S .. "mitre-4771-kerberos-bf-valid-user.evtx")
    assert.are.same({ "password_guessing" }, kinds(r))
    local f = r.findings[1]
    assert.are.equal(54, f.count)
    assert.are.same({ "OFFSEC.LAN\\admin-hacker" }, f.accounts)
    assert.are.same({ "10.23.123.11" }, f.sources)
    assert.are.same({ name = "KDC_ERR_PREAUTH_FAILED", count = 54, namespace = "kerberos",
                      code = 0x18, hex = "0x18" },
                    { name = r.by_code[1].name, count = r.by_code[1].count,
                      namespace = r.by_code[1].namespace, code = r.by_code[1].code,
                      hex = r.by_code[1].hex })
  end)

  -- kerbrute from 10.23.123.11 (the events, read one by one with
  -- evtxexport): 22 bad passwords (4771 0x18), 15 names the KDC refused
  -- (4768 0x12: Guest, DefaultAccount, krbtgt, an Exchange $-account and
  -- nine SM_ mailboxes, disabled by design, and Administrator and
  -- Test-ADM), and five TGTs issued: admmig, hack1 and dsrm after
  -- pre-authentication (PreAuthType 2: the password tried was right),
  -- admin-test and hacker2 without it (PreAuthType 0: AS-REP roastable).
  -- The refusals came in the same seconds as the bad passwords, from the
  -- same address: one password tried at every name of a list, whose
  -- disabled accounts answered 0x12 (kerbrute's passwordspray), so one
  -- spray of 37, not a spray beside a scan of names.  No 4740: nothing
  -- was locked out.
  it("finds kerbrute: a spray that worked, with the names it found refused, and AS-REP roasting",
     function()
    local r = triage_of(S .. "mitre-4768-4771-kerbrute-user-enum.evtx")
    assert.are.same({ "asrep_roasting", "password_spray", "success_after_failures" }, kinds(r))
    assert.are.equal("success_after_failures", r.findings[1].kind)
    assert.are.same({ "OFFSEC.LAN\\admmig", "OFFSEC.LAN\\dsrm", "OFFSEC.LAN\\hack1" },
                    find(r, "success_after_failures").accounts)
    assert.are.same({ "OFFSEC.LAN\\admin-test", "OFFSEC.LAN\\hacker2" },
                    find(r, "asrep_roasting").accounts)
    local spray = find(r, "password_spray")
    assert.are.equal(37, spray.count)
    assert.are.equal(15, spray.probed)
    assert.are.equal(37, #spray.accounts)
    assert.are.same({ "10.23.123.11" }, spray.sources)
    assert.are.same({ "KDC_ERR_CLIENT_REVOKED", "KDC_ERR_PREAUTH_FAILED" }, spray.codes)
    assert.are.equal(13, #spray.disabled_by_design)
    for _, d in ipairs(spray.disabled_by_design) do
      assert.not_matches("Administrator", d.account)
      assert.not_matches("Test%-ADM", d.account)
    end
    -- (the two that exist and were refused, not off by design)
    assert.are.same({ "OFFSEC.LAN\\Administrator", "OFFSEC.LAN\\Test-ADM" }, spray.refused)
    -- 4768 with Status 0x0 are successes, not failures: 22 + 15 of 42.
    assert.are.equal(37, r.failures)
    assert.are.same({ source = "10.23.123.11", failures = 37, accounts = 37 },
                    { source = r.by_source[1].source, failures = r.by_source[1].failures,
                      accounts = r.by_source[1].accounts })
  end)

  -- (and gaps: four 1101, audit events dropped, and three 1108, events
  -- the service could not write, as python-evtx counts them)
  it("finds a disabled Guest and an Administrator whose password must change", function()
    local r = triage_of(S .. "omerbenamram-Security_with_size_t.evtx")
    assert.are.same({ "disabled_account", "expired_account", "log_gaps" }, kinds(r))
    assert.are.same({ "WIN-L0ZZQ76PMUF\\Guest" }, find(r, "disabled_account").accounts)
    assert.are.equal(4, find(r, "disabled_account").count)
    assert.are.same({ "STATUS_PASSWORD_MUST_CHANGE" }, find(r, "expired_account").codes)
    assert.are.equal(15, r.failures) -- the 15 4625; its 21 4776 all succeeded
  end)

  -- python-evtx's sample has no failures, but one 1101 (audit events
  -- dropped, as evtx_dump.py shows): its one finding says the log misses
  -- some events.
  it("finds nothing in an account restriction, and only a gap in a log without failures",
     function()
    assert.are.same({}, kinds(triage_of(S .. "mitre-4625-account-restriction.evtx")))
    local r = triage_of(S .. "python-evtx-security.evtx")
    assert.are.same({ "log_gaps" }, kinds(r))
    assert.are.equal(1, find(r, "log_gaps").gaps[1].count)
    assert.are.equal(1101, find(r, "log_gaps").gaps[1].id)
    assert.are.equal(0, r.failures)
  end)

  -- Its two 4625 name no account (TargetUserName "-", as evtxexport shows
  -- them) and come from 10.23.23.9 over RDP: no identity to list, but the
  -- address tried twice, which "Failed attempts by source" must say.
  it("counts failures that name no account under their source", function()
    local r = triage_of(S .. "mitre-4625-account-restriction.evtx")
    assert.are.equal(2, r.failures)
    assert.are.same({}, r.by_account)
    assert.are.same({ { source = "10.23.23.9", failures = 2, accounts = 0, account_list = {},
                        unnamed_failures = 2 } }, r.by_source)
  end)
end)

describe("events.triage on hand-written logs", function()
  if not events.xml then
    pending("logonerr.evtx is not built (libexpat)")
    return
  end

  it("names the caller computer of a lockout (4740) and sees clock skew (0x25)", function()
    local p = write(
      event(4740, "2024-05-01T10:00:00Z", { TargetUserName = "svc_backup",
            TargetDomainName = "APP01", SubjectDomainName = "CORP" }) ..
      event(4769, "2024-05-01T10:01:00Z", { TargetUserName = "alice@CORP.EXAMPLE",
            Status = "0x25", IpAddress = "::ffff:10.0.0.7" }) ..
      event(4625, "2024-05-01T10:02:00Z", { TargetUserName = "bob", TargetDomainName = "CORP",
            Status = "0xC000006E", SubStatus = "0xC0000133", IpAddress = "10.0.0.8" }))
    local r = triage_of(p)
    os.remove(p)
    assert.are.same({ "clock_skew", "lockout" }, kinds(r))
    assert.are.same({ "APP01" }, find(r, "lockout").sources)
    assert.are.same({ "CORP\\svc_backup" }, find(r, "lockout").accounts)
    assert.are.same({ "10.0.0.7", "10.0.0.8" }, find(r, "clock_skew").sources)
  end)

  it("sees enumeration only past the threshold, in the window", function()
    local function log(n, step)
      local t = {}
      for i = 1, n do
        t[i] = event(4625, ("2024-05-01T10:%02d:00Z"):format(i * step), {
          TargetUserName = "user" .. i, TargetDomainName = "CORP", Status = "0xC000006D",
          SubStatus = "0xC0000064", IpAddress = "192.0.2.9" })
      end
      return table.concat(t)
    end
    local p = write(log(4, 1)) -- 4 unknown names in 4 minutes
    assert.are.same({ "user_enumeration" }, kinds(triage_of(p)))
    os.remove(p)
    p = write(log(3, 1)) -- 3: not more than 3
    assert.are.same({}, kinds(triage_of(p)))
    os.remove(p)
    p = write(log(4, 10)) -- 4, but 10 minutes apart
    assert.are.same({}, kinds(triage_of(p)))
    assert.are.same({ "user_enumeration" }, kinds(triage_of(p, { window = 3600 })))
    os.remove(p)
  end)

  it("reads the failure reason, logon type and the code behind SubStatus", function()
    local p = write(event(4625, "2024-05-01T10:00:00Z", { TargetUserName = "bob",
      TargetDomainName = "CORP", Status = "0xC000006D", SubStatus = "0xC000006A",
      FailureReason = "%%2313", LogonType = "3", IpAddress = "-", WorkstationName = "PC7" }))
    local rec = events.records(p)()
    os.remove(p)
    assert.are.equal("STATUS_LOGON_FAILURE", rec.status.name)
    assert.are.equal("STATUS_WRONG_PASSWORD", rec.code.name)
    assert.are.equal("Unknown user name or bad password.", rec.failure_reason)
    assert.are.same({ number = 3, name = "Network" }, rec.logon_type)
    assert.are.equal("CORP\\bob", rec.account)
    assert.are.equal("PC7", rec.source)
    assert.are.equal("2024-05-01T10:00:00.000000Z", rec.time)
  end)

  -- A network logon (type 3) whose address Windows wrote as `-` came from
  -- a host it did not learn, not from the server itself: no source, where
  -- an interactive one's `-` (type 2, at the console) is the machine's own.
  it("reads a network logon's address - as no source, not as local", function()
    local p = write(event(4625, "2024-05-01T10:00:00Z", { TargetUserName = "bob",
      Status = "0xC000006D", SubStatus = "0xC000006A", LogonType = "3", IpAddress = "-",
      WorkstationName = "-" }) ..
      event(4625, "2024-05-01T10:00:01Z", { TargetUserName = "bob",
      Status = "0xC000006D", SubStatus = "0xC000006A", LogonType = "2", IpAddress = "-",
      WorkstationName = "-" }) ..
      event(4625, "2024-05-01T10:00:02Z", { TargetUserName = "bob",
      Status = "0xC000006D", SubStatus = "0xC000006A", LogonType = "3", IpAddress = "::1",
      WorkstationName = "-" }))
    local it = events.records(p)
    local network, console, loopback = it(), it(), it()
    os.remove(p)
    assert.is_nil(network.source)
    assert.are.equal("local", console.source)
    assert.are.equal("local", loopback.source)
  end)

  it("takes 0x0 and - as success, not as codes", function()
    local p = write(event(4768, "2024-05-01T10:00:00Z", { TargetUserName = "a", Status = "0x0" }) ..
                    event(4625, "2024-05-01T10:00:00Z", { TargetUserName = "b",
                      Status = "0xC000006D", SubStatus = "-" }))
    local it = events.records(p)
    local a, b = it(), it()
    os.remove(p)
    assert.is_nil(a.status)
    assert.is_nil(a.failed)
    assert.is_nil(b.substatus)
    assert.are.equal("STATUS_LOGON_FAILURE", b.code.name)
  end)
end)

describe("events.triage keys codes by namespace and code", function()
  if not events.xml then
    pending("logonerr.evtx is not built (libexpat)")
    return
  end

  -- Status 0x99 is an unknown Kerberos code in 4771 and an unknown Win32
  -- error in 4776: two codes that both show as "0x99".
  local k = event(4771, "2024-05-01T10:00:00Z", { TargetUserName = "a", Status = "0x99" })
  local w = event(4776, "2024-05-01T10:00:00Z", { TargetUserName = "b", Status = "0x99" })

  it("keeps two codes with one name apart, in one order whatever the input's", function()
    for _, xml in ipairs({ k .. w, w .. k }) do
      local p = write(xml)
      local r = triage_of(p)
      os.remove(p)
      assert.are.equal(2, #r.by_code)
      assert.are.same({ "kerberos", "win32" }, { r.by_code[1].namespace, r.by_code[2].namespace })
      assert.are.same({ "0x99", "0x99" }, { r.by_code[1].name, r.by_code[2].name })
      local t = r.timeline
      assert.are.equal(2, #t.codes)
      assert.are.same({ "kerberos", "win32" }, { t.codes[1].namespace, t.codes[2].namespace })
      assert.are.equal(1, #t.rows)
      assert.are.equal(1, t.rows[1].counts[t.codes[1].key])
      assert.are.equal(1, t.rows[1].counts[t.codes[2].key])
      -- the chart's legend tells the two apart
      local html = require("logonerr.events.report").render(r, "html")
      assert.matches("0x99 (kerberos)", html, 1, true)
      assert.matches("0x99 (win32)", html, 1, true)
    end
  end)
end)

describe("events.triage and records with no time", function()
  it("leaves them out of the timeline, and invents no 1970", function()
    local code = { name = "STATUS_WRONG_PASSWORD", namespace = "ntstatus",
                   code = 0xC000006A, hex = "0xC000006A" }
    local r = events.triage({
      { id = 4625, failed = true, account = "CORP\\a", code = code },
      { id = 4625, failed = true, account = "CORP\\a", code = code,
        time = "2024-05-01T10:00:00.000000Z", seconds = 1714557600 } })
    assert.are.equal(2, r.failures)
    assert.are.equal(2, r.by_code[1].count)
    assert.are.equal(1, #r.timeline.rows)
    assert.are.equal("2024-05-01T10:00:00Z", r.timeline.rows[1].time)
    assert.are.equal(1, r.timeline.rows[1].total)
    local html = require("logonerr.events.report").render(r, "html")
    assert.is_nil(html:find("1970", 1, true))
    -- no record with a time: no timeline at all
    r = events.triage({ { id = 4625, failed = true, account = "CORP\\a", code = code } })
    assert.are.equal(0, #r.timeline.rows)
  end)
end)
