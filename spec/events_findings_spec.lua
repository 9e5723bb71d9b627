-- Findings an incident responder acts on (issue 21): each scenario is a
-- log written here in the shapes Windows writes (event XML, and Winlogbeat
-- JSON where the shape matters), and each says why it is, or is not, an
-- attack.  The facts behind the rules: Microsoft's pages for events 4624,
-- 4625, 4648, 4740, 4768, 4769, 4771 and 4776 (which field holds what),
-- RFC 4120 and MS-KILE for the Kerberos codes and encryption types
-- (0x17 rc4-hmac, 0x18 rc4-hmac-exp, 0x1 des-cbc-crc, 0x3 des-cbc-md5;
-- PreAuthType 0: no pre-authentication), and what Sigma, Hayabusa and
-- Elastic's published rules flag on the same events.
local events = require "logonerr.events"
local sc = require "support.scenario"
local rules = require "logonerr.events.rules"

local BASE = "2024-05-01T10:00:00"
local function at(t) return sc.at(BASE, t) end

local function one(r, kind)
  local list = sc.findings(r, kind)
  assert.are.equal(1, #list, kind .. ": expected one finding, got " .. #list)
  return list[1]
end

local function none(r, kind)
  assert.are.equal(0, #sc.findings(r, kind), "unexpected " .. kind)
end

-- A bad password for a domain user seen by the DC through Kerberos.
-- A finding's advice, as one text.
local function joined(f) return table.concat(f.check, "\n") end

local function kerberos_bad(user, realm, ip, t)
  return { id = 4771, time = at(t), data = { TargetUserName = user,
           ServiceName = "krbtgt/" .. realm, IpAddress = "::ffff:" .. ip, Status = "0x18" } }
end

-- A TGT issued (4768 status 0) after pre-authentication (type 2).
local function tgt(user, realm, ip, t, preauth)
  return { id = 4768, time = at(t), data = { TargetUserName = user, TargetDomainName = realm,
           ServiceName = "krbtgt", IpAddress = "::ffff:" .. ip, Status = "0x0",
           PreAuthType = preauth or "2", TicketEncryptionType = "0x12",
           TargetSid = "S-1-5-21-1-2-3-1105" } }
end

local function failed_logon(user, domain, ip, ws, t, sub, computer)
  return { id = 4625, time = at(t), computer = computer or "srv01.corp.local", data = {
           TargetUserName = user, TargetDomainName = domain, IpAddress = ip or "-",
           WorkstationName = ws or "-", SubStatus = sub or "0xc000006a",
           IpPort = ip and "50211" or "-" } }
end

-- Six bad passwords for user from KALI (10.0.0.66), 20 s apart, then one
-- for each of four other accounts from there: a source trying a list.
local function tried_with_others(user)
  local log = {}
  for i = 1, 6 do log[i] = failed_logon(user, "CORP", "10.0.0.66", "KALI", i * 20) end
  for i = 1, 4 do
    log[#log + 1] = failed_logon("user" .. i, "CORP", "10.0.0.66", "KALI", 200 + i * 30)
  end
  return log
end

-- KALI trying alice's password and others' (tried_with_others), and her
-- PC31 mistyping it twice in the same minutes.
local function kali_then_pc31()
  local log = tried_with_others("alice")
  for i = 1, 2 do log[#log + 1] = failed_logon("alice", "CORP", "10.0.0.31", "PC31", i * 30) end
  return log
end

-- A bad password for user through Outlook on the web: Exchange's IIS
-- (w3wp.exe, logon type 8) on EXCH01, from the client's address ip.
local function via_owa(user, ip, ws, t)
  local e = failed_logon(user, "CORP", ip, ws, t, nil, "exch01.corp.local")
  e.data.LogonType, e.data.ProcessName = "8", "C:\\Windows\\System32\\inetsrv\\w3wp.exe"
  return e
end

-- A logon of user that worked through Outlook on the web: Exchange's IIS
-- (w3wp.exe) checks the password it was sent, a 4624 of logon type 8
-- (network cleartext, Microsoft's 4624 page) from the client's address.
local function signed_in_owa(user, ip, t)
  return { id = 4624, time = at(t), computer = "exch01.corp.local", data = {
           TargetUserName = user, TargetDomainName = "CORP", LogonType = "8",
           LogonProcessName = "Advapi", IpAddress = ip, IpPort = "50211", WorkstationName = "-",
           ProcessName = "C:\\Windows\\System32\\inetsrv\\w3wp.exe" } }
end

-- A bad password for PC07's own account user, at PC07 (logon type and
-- process as given), or from ip where given.
local function at_pc07(user, t, process, logon_type, ip)
  return { id = 4625, time = at(t), computer = "PC07.corp.local", data = {
           TargetUserName = user, TargetDomainName = "PC07", SubStatus = "0xc000006a",
           LogonType = logon_type, LogonProcessName = "Advapi", WorkstationName = "PC07",
           IpAddress = ip or "-", IpPort = ip and "50211" or "-", ProcessName = process } }
end

-- A network logon (4624 type 3) on the file server.
local function logged_on(user, ip, ws, t)
  return { id = 4624, time = at(t), computer = "srv01.corp.local", data = {
           TargetUserName = user, TargetDomainName = "CORP", LogonType = "3",
           IpAddress = ip, WorkstationName = ws } }
end

local function ntlm(user, ws, t, status)
  return { id = 4776, time = at(t), data = { TargetUserName = user, Workstation = ws,
           Status = status or "0xc000006a" } }
end

-- carol mistyping at PC05 five times, one try at her password from
-- 185.220.101.66 as it sprays six other accounts, then her NTLM logon
-- that names no source.
local function carol_then_spray()
  local log = {}
  for i = 1, 5 do log[i] = failed_logon("carol", "CORP", "10.0.0.5", "PC05", i * 20) end
  log[6] = failed_logon("carol", "CORP", "185.220.101.66", "-", 110)
  for i = 1, 6 do
    log[#log + 1] = failed_logon("user" .. i, "CORP", "185.220.101.66", "-", 110 + i * 5)
  end
  log[#log + 1] = ntlm("carol", "", 150, "0x0")
  return log
end

describe("findings", function()
  if not events.xml then pending("logonerr.evtx is not built (libexpat)") return end

  describe("findings: success after failures", function()
    -- 185.220.101.5 sprays eight accounts through Outlook on the web, three
    -- seconds apart, and gina's password works: the spray's hit, the
    -- account to take back first.  Exchange logs that logon as network
    -- cleartext (type 8), which was not counted as anyone getting in: the
    -- report named the spray and the internet's logon, never whose password
    -- the attacker now holds.  A phone failing six times through it with
    -- an old password, then working once updated, is a user's own.
    it("reads a logon through Outlook on the web after a spray from there as the spray's hit",
       function()
      local log = {}
      for i, u in ipairs({ "alice", "bob", "carol", "dave", "erin", "frank", "gina", "hank" }) do
        log[i] = via_owa(u, "185.220.101.5", "-", i * 3)
      end
      log[9] = signed_in_owa("gina", "185.220.101.5", 40)
      local r = sc.triage(log)
      local s = one(r, "success_after_failures")
      assert.are.same({ "attacker", "critical", { "CORP\\gina" }, { "185.220.101.5" } },
                      { s.reading, s.severity, s.accounts, s.sources })
      -- (its why is that reason, not a list of four a responder must sort)
      assert.are.equal(1, s.why:find(rules.WHY.after_others, 1, true))
      assert.are.equal("attacker", one(r, "password_spray").reading)
      log = {}
      for i = 1, 6 do log[i] = via_owa("carol", "100.20.30.40", "-", i * 20) end
      log[7] = signed_in_owa("carol", "100.20.30.40", 140)
      s = one(sc.triage(log), "success_after_failures")
      assert.are.same({ "stale_credential", "medium" }, { s.reading, s.severity })
    end)

    -- Exchange behind a proxy logs the proxy's address, 10.0.0.25, for
    -- every client of Outlook on the web: alice's phone fails six times
    -- with her old password, bob's twice, and alice's works once she sets
    -- the new one.  Two users' phones behind one front end are no client
    -- trying many accounts: her guess and her logon are her phone's, where
    -- they read as an attack, "critical: treat the account as compromised".
    -- From one address with no front end between (SMB), or from an
    -- internet client through it, the same failures are an attack's.
    it("does not read users' phones behind a front end's own address as one client's attack",
       function()
      local function phones(ip, ws, by_owa)
        local fail = by_owa and via_owa or function(u, a, w, t)
          return failed_logon(u, "CORP", a, w, t)
        end
        local log = {}
        for i = 1, 6 do log[i] = fail("alice", ip, ws, i * 30) end
        for i = 1, 2 do log[#log + 1] = fail("bob", ip, ws, i * 40 + 5) end
        log[#log + 1] = by_owa and signed_in_owa("alice", ip, 200) or
                        logged_on("alice", ip, ws, 200)
        return log
      end
      local r = sc.triage(phones("10.0.0.25", "EXCH01", true))
      local g, s = one(r, "password_guessing"), one(r, "success_after_failures")
      assert.are.same({ "stale_credential", "stale_credential", "medium" },
                      { g.reading, s.reading, s.severity })
      assert.matches("^the source also failed for other accounts within the window, but " ..
                     "through a web front end", g.why)
      for _, case in ipairs({ { "10.0.0.25", "EXCH01", false }, { "100.20.30.40", "-", true } }) do
        r = sc.triage(phones(case[1], case[2], case[3]))
        g, s = one(r, "password_guessing"), one(r, "success_after_failures")
        assert.are.same({ "attacker", "attacker", "critical" },
                        { g.reading, s.reading, s.severity }, case[1])
        assert.matches("^the source also failed for other accounts within the window", g.why)
      end
    end)

    -- Behind the proxy's address, alice's, bob's and carol's phones fail
    -- twice each and frank, who never failed, signs in: the six failures
    -- are other users' phones, not his, and no success after failures.
    -- Four accounts sprayed through it twice and carol's logon: a
    -- password_spray of four identities, hers among them, and her logon
    -- its hit, where "others" (three, hers not counted) was read below
    -- the spray's count and made her logon "a person's pace".
    it("counts no other users' phones behind a front end as a success's failures, " ..
       "and a spray through it as password_spray counts it", function()
      local log = {}
      for i = 1, 2 do
        for j, u in ipairs({ "alice", "bob", "carol" }) do
          log[#log + 1] = via_owa(u, "10.0.0.25", "-", i * 40 + j * 7)
        end
      end
      log[#log + 1] = signed_in_owa("frank", "10.0.0.25", 150)
      none(sc.triage(log), "success_after_failures")
      log = {}
      for r = 1, 2 do
        for i, u in ipairs({ "alice", "bob", "carol", "dave" }) do
          log[#log + 1] = via_owa(u, "10.0.0.25", "-", (r - 1) * 20 + i * 5)
        end
      end
      log[#log + 1] = signed_in_owa("carol", "10.0.0.25", 60)
      local r = sc.triage(log)
      assert.are.equal("attacker", one(r, "password_spray").reading)
      local s = one(r, "success_after_failures")
      assert.are.same({ "attacker", "critical" }, { s.reading, s.severity })
      -- (a spray with a delay between tries, one account every 30 s, and
      -- the account whose password worked at its first try: as much a
      -- spray's hit, though no minute holds four accounts)
      log = {}
      for i = 1, 8 do
        if i ~= 5 then log[#log + 1] = via_owa("u" .. i, "10.0.0.25", "-", i * 30) end
      end
      log[#log + 1] = signed_in_owa("u5", "10.0.0.25", 150)
      r = sc.triage(log)
      assert.are.equal("attacker", one(r, "password_spray").reading)
      s = one(r, "success_after_failures")
      assert.are.same({ "attacker", "critical", { "CORP\\u5" } },
                      { s.reading, s.severity, s.accounts })
    end)

    -- Five bad passwords for fred from 10.0.0.10, then an NTLM logon
    -- (4776 status 0) that names no workstation: read as his own mistypes,
    -- but the success has no source to be "the account's own", and the
    -- failures it counts are his from anywhere.  With the workstation
    -- named, the success's own source's failures alone count.
    it("does not say a success that names no source came from the failures' source", function()
      local log = {}
      for i = 1, 5 do log[i] = kerberos_bad("fred", "CORP.LOCAL", "10.0.0.10", i * 20) end
      log[6] = ntlm("fred", "", 130, "0x0")
      local f = one(sc.triage(log), "success_after_failures")
      assert.are.same({}, f.sources)
      assert.are.equal("stale_credential", f.reading)
      assert.not_matches("own source", f.why, 1, true)
      assert.matches("names no source", f.why, 1, true)
      log = {}
      for i = 1, 5 do log[i] = failed_logon("fred", "CORP", "10.0.0.10", "PC10", i * 20) end
      log[6] = logged_on("fred", "10.0.0.10", "PC10", 130)
      assert.are.equal("failures at a person's pace, then the success, from the same source",
                       one(sc.triage(log), "success_after_failures").why)
    end)

    -- Five NTLM checks of fred's password that name no workstation (4776),
    -- then his logon from PC10: the failures count for the success (they
    -- may be PC10's), but none says it came from there, and an attacker's
    -- NTLM client may send no name.  Read as his mistypes still; the why
    -- must not say the failures came from the success's source, which
    -- would send the responder to PC10 alone.
    it("does not say sourceless failures came from the source of the success after them",
       function()
      local log = {}
      for i = 1, 5 do log[i] = ntlm("fred", "", i * 20) end
      log[6] = logged_on("fred", "10.0.0.10", "PC10", 130)
      local f = one(sc.triage(log), "success_after_failures")
      assert.are.same({ "10.0.0.10" }, f.sources)
      assert.are.equal("stale_credential", f.reading)
      assert.not_matches("from the same source", f.why, 1, true)
      assert.matches("some or all name no source", f.why, 1, true)
      -- (and where some name PC10 and some none)
      for i = 4, 5 do log[i] = failed_logon("fred", "CORP", "10.0.0.10", "PC10", i * 20) end
      f = one(sc.triage(log), "success_after_failures")
      assert.matches("some or all name no source", f.why, 1, true)
    end)

    -- Two people behind one address (a NAT, a terminal server) each
    -- mistype a few times and then log on: one finding of that source,
    -- of two accounts, and its why says nothing of "the account".
    it("says a mistype of two accounts from one source is not one account's", function()
      local log = {}
      for i = 1, 5 do log[#log + 1] = failed_logon("fred", "CORP", "10.0.0.10", "TS1", i * 20) end
      log[#log + 1] = logged_on("fred", "10.0.0.10", "TS1", 130)
      for i = 1, 5 do
        log[#log + 1] = failed_logon("gina", "CORP", "10.0.0.10", "TS1", 400 + i * 20)
      end
      log[#log + 1] = logged_on("gina", "10.0.0.10", "TS1", 530)
      local f = one(sc.triage(log), "success_after_failures")
      assert.are.same({ "CORP\\fred", "CORP\\gina" }, sc.sorted(f.accounts))
      assert.are.equal("stale_credential", f.reading)
      assert.not_matches("account's", f.why, 1, true)
    end)

    -- Twenty bad passwords for dave from his own PC, 14 s apart (a
    -- person's pace), then his logon: read as an attack because twenty is
    -- past brute_force, more than a person retypes.  Its why gives that
    -- reason alone, not a pace it did not have, other accounts or
    -- nameless failures it did not see.
    it("says a success after brute_force failures at a person's pace is read by their count",
       function()
      local log = {}
      for i = 1, 20 do log[i] = failed_logon("dave", "CORP", "10.0.0.8", "PC8", i * 14) end
      log[21] = logged_on("dave", "10.0.0.8", "PC8", 21 * 14)
      local f = one(sc.triage(log), "success_after_failures")
      assert.are.equal("attacker", f.reading)
      assert.are.equal(20, f.failures)
      assert.are.equal(rules.WHY.after_count, f.why)
    end)

    -- Nine bad passwords, then a TGT for the same account from the same
    -- address 10 ms later: the tenth guess was right.  Elastic ("multiple
    -- logon failure followed by logon success") and Hayabusa flag it; for a
    -- responder it is the first line to read.
    for _, shape in ipairs({ "xml", "json" }) do
      it("names a TGT issued 10 ms after nine failures from the same source (" .. shape .. ")",
         function()
        local log = {}
        for i = 1, 9 do log[i] = kerberos_bad("bob", "CORP.LOCAL", "10.0.0.66", i * 0.2) end
        local won = 9 * 0.2 + 0.01
        log[10] = tgt("bob", "CORP.LOCAL", "10.0.0.66", won)
        local r = sc.triage(log, shape)
        local f = one(r, "success_after_failures")
        assert.are.equal("critical", f.severity)
        assert.are.equal("attacker", f.reading) -- nine tries in two seconds: a tool
        assert.are.same({ "10.0.0.66" }, f.sources)
        assert.are.equal(1, #f.accounts)
        assert.matches("bob", f.accounts[1])
        assert.are.equal(9, f.failures)
        assert.are.equal(select(2, events.time(at(won))), f.success)
        -- The most urgent finding comes first.
        assert.are.equal("success_after_failures", r.findings[1].kind)
      end)
    end

    -- Two DCs' logs exported and joined one after the other: each is in
    -- time order, the whole is not.  Times decide, not places in the file.
    -- A phone with an old password failing every 200 s, against either DC
    -- in turn, is never five failures in five minutes (a stale credential,
    -- below the guessing threshold), though the file shows each DC's four
    -- in a row; six guesses in 30 s spread over both DCs are one burst.
    it("reads two DCs' logs joined one after the other in time order", function()
      local log = {}
      for _, t in ipairs({ 0, 400, 800, 1200, 200, 600, 1000, 1400 }) do
        log[#log + 1] = kerberos_bad("bob", "CORP.LOCAL", "10.0.0.40", t)
      end
      none(sc.triage(log), "password_guessing")
      log = {}
      for _, t in ipairs({ 0, 10, 20, 5, 15, 25 }) do
        log[#log + 1] = kerberos_bad("eve", "CORP.LOCAL", "10.0.0.66", t)
      end
      local g = one(sc.triage(log), "password_guessing")
      assert.are.equal(6, g.peak)
      assert.are.equal(select(2, events.time(at(0))), g.first)
      assert.are.equal(select(2, events.time(at(25))), g.last)
    end)

    -- The same tool back a day later, that day's records first in the
    -- file (two DCs' logs joined): each success counts the failures of its
    -- own five minutes, and bob's ticket an hour after the first break-in,
    -- with no failure near it, is not one.
    it("counts the failures before each success in its own window, in time order", function()
      local day = 86400
      local log = {}
      for _, base in ipairs({ day, 0 }) do
        for i = 1, 9 do log[#log + 1] = kerberos_bad("bob", "CORP.LOCAL", "10.0.0.66",
                                                     base + i * 0.2) end
        log[#log + 1] = tgt("bob", "CORP.LOCAL", "10.0.0.66", base + 2)
      end
      log[#log + 1] = tgt("bob", "CORP.LOCAL", "10.0.0.66", 3600)
      local f = one(sc.triage(log), "success_after_failures")
      assert.are.equal(2, #f.successes)
      for k, t in ipairs({ 2, day + 2 }) do
        assert.are.equal(select(2, events.time(at(t))), f.successes[k].time)
        assert.are.equal(9, f.successes[k].failures)
        assert.are.equal(9, f.successes[k].own_failures) -- (all bob's)
      end
    end)

    -- A spray that lands: the source failed for seven other accounts, then
    -- an account it had not tried before got a ticket.  The failures are the
    -- source's, not the account's.
    it("names a success from a source that failed for other accounts just before", function()
      local log = {}
      for i = 1, 7 do log[i] = kerberos_bad("user" .. i, "CORP.LOCAL", "10.0.0.66", i) end
      log[8] = tgt("carol", "CORP.LOCAL", "10.0.0.66", 9)
      local f = one(sc.triage(log), "success_after_failures")
      assert.are.equal("critical", f.severity)
      assert.matches("carol", f.accounts[1])
      assert.are.same({ "10.0.0.66" }, f.sources)
    end)

    -- One typo and then the right password, from the user's own PC: what
    -- every user does every week.  Not an alarm.
    it("says nothing of one mistyped password followed by a logon", function()
      local r = sc.triage({
        failed_logon("dave", "CORP", "10.0.0.31", "PC31", 0),
        logged_on("dave", "10.0.0.31", "PC31", 5) })
      none(r, "success_after_failures")
    end)

    -- Bad passwords from a phone with an old password while its owner logs on
    -- at a desk: the failures and the success come from two places.  The
    -- phone is password_guessing (a stale credential), not a break-in.
    it("does not join a stale device's failures to a logon from elsewhere", function()
      local log = {}
      for i = 1, 6 do log[i] = failed_logon("dave", "CORP", "10.0.0.40", "PHONE", i * 20) end
      log[7] = logged_on("dave", "10.0.0.31", "PC31", 130)
      local r = sc.triage(log)
      none(r, "success_after_failures")
      local f = one(r, "password_guessing")
      assert.are.equal("stale_credential", f.reading)
      -- (an old password to update on the phone: below an attack's high)
      assert.are.equal("medium", f.severity)
    end)

    -- Five tries at a person's pace from the user's own PC, then a logon:
    -- still worth a finding (it may be a guess that worked), but read as a
    -- user who got the password right in the end: one to ask the user
    -- about (medium), not the alarm a tool's guesses that worked raise
    -- (critical, above); a domain's users do this every day.
    it("reads failures at a person's pace before a success as the user's own", function()
      local log = {}
      for i = 1, 5 do log[i] = failed_logon("erin", "CORP", "10.0.0.31", "PC31", i * 15) end
      log[6] = logged_on("erin", "10.0.0.31", "PC31", 90)
      local f = one(sc.triage(log), "success_after_failures")
      assert.are.equal("medium", f.severity)
      assert.are.equal("stale_credential", f.reading)
      assert.matches("mistyped", table.concat(f.check, "\n"))
    end)

    -- A scanner's null sessions (4625s naming no account) from 10.0.0.9,
    -- all in the second alice logged on from there, but logged after her
    -- logon: they came after it, so it is no success after them, however
    -- many records the log held before (each record's number, named or
    -- not, is its place in the log).
    it("does not count failures that name no account logged after a success", function()
      for _, before in ipairs({ 0, 30 }) do
        local log = {}
        for i = 1, before do log[i] = logged_on("carol", "10.0.0.20", "PC20", 0) end
        log[#log + 1] = logged_on("alice", "10.0.0.9", "PC9", 60)
        for _ = 1, 25 do log[#log + 1] = failed_logon("-", "-", "10.0.0.9", "-", 60) end
        local r = sc.triage(log)
        none(r, "success_after_failures")
        one(r, "unnamed_failures")
      end
    end)

    -- A DC refuses service tickets all day: a ticket that expired (0x20)
    -- is renewed, a name with no SPN (0x7) is tried and given up.  The
    -- client had its TGT, so these say nothing of the password, and the
    -- next TGT after them is no guess that worked.
    it("does not count refused service tickets before a TGT", function()
      for _, status in ipairs({ "0x20", "0x7" }) do
        local log = {}
        for i = 1, 6 do
          log[i] = { id = 4769, time = at(i * 2), data = { TargetUserName = "dave@CORP.LOCAL",
                     TargetDomainName = "CORP.LOCAL", ServiceName = "cifs/fs0" .. i,
                     IpAddress = "::ffff:10.0.0.31", Status = status } }
        end
        log[7] = tgt("dave", "CORP.LOCAL", "10.0.0.31", 15)
        none(sc.triage(log), "success_after_failures")
      end
    end)

    -- carol's phone with an old password (0x18 every 20 s) behind the
    -- address a terminal server shares: alice's and dave's routine
    -- refused tickets (0x20) from there are no tries at other accounts,
    -- so carol's failures stay a stale credential.
    it("does not read refused service tickets as a source trying other accounts", function()
      local log = {}
      for i = 1, 5 do log[i] = kerberos_bad("carol", "CORP.LOCAL", "10.0.0.31", i * 20) end
      for i, u in ipairs({ "alice", "dave" }) do
        log[#log + 1] = { id = 4769, time = at(30 + i * 20), data = {
          TargetUserName = u .. "@CORP.LOCAL", TargetDomainName = "CORP.LOCAL",
          ServiceName = "cifs/fs01", IpAddress = "::ffff:10.0.0.31", Status = "0x20" } }
      end
      local f = one(sc.triage(log), "password_guessing")
      assert.are.equal("stale_credential", f.reading)
      assert.are.equal("medium", f.severity)
    end)

    -- A TGT without pre-authentication proves nothing about the password
    -- (anyone can ask for one): it is AS-REP roasting, not a logon.
    it("does not take a TGT issued without pre-authentication for a logon", function()
      local log = {}
      for i = 1, 9 do log[i] = kerberos_bad("user" .. i, "CORP.LOCAL", "10.0.0.66", i * 0.2) end
      log[10] = tgt("svc_legacy", "CORP.LOCAL", "10.0.0.66", 2, "0")
      local r = sc.triage(log)
      none(r, "success_after_failures")
      one(r, "asrep_roasting")
    end)
  end)

  describe("findings: a front end's users", function()
    -- Exchange checks its users' passwords at the DC (4776, the workstation
    -- EXCH01): phones with old passwords fail through it, four users a
    -- minute apart, then user9 logs on through it.  To the DC's log that is
    -- one source failing for many accounts, and a success from it: what a
    -- slow spray that worked looks like too, so the findings stay; their
    -- advice must not send the responder to block the mail server before
    -- its own logs say which clients failed.
    it("says to read a front end's logs before blocking it", function()
      local log = {}
      for i = 1, 4 do log[i] = ntlm("user" .. i, "EXCH01", i * 60) end
      log[5] = ntlm("user9", "EXCH01", 300, "0x0")
      local r = sc.triage(log)
      for _, kind in ipairs({ "password_spray", "success_after_failures" }) do
        local f = one(r, kind)
        assert.are.same({ "EXCH01" }, f.sources)
        assert.matches("passes users' logons on (Exchange", joined(f), 1, true)
      end
    end)

    -- A spray through a server that logs the client's address as `-`
    -- (a network logon, type 3, no workstation either: a front end that
    -- passes logons on, such as ADFS's forms): Windows did not learn the
    -- client, but the thirty accounts' bad passwords in a minute are still
    -- one spray, told as coming through that server, not dropped for
    -- naming no source.
    it("finds a spray of network logons whose address is -, through the host", function()
      local log = {}
      for i = 1, 30 do
        log[i] = failed_logon("user" .. i, "CORP", nil, "-", i * 2)
        log[i].data.LogonType = "3"
        log[i].data.ProcessName = "C:\\Windows\\ADFS\\Microsoft.IdentityServer.ServiceHost.exe"
      end
      local f = one(sc.triage(log), "password_spray")
      assert.are.same({ "srv01" }, f.sources)
      assert.are.equal(30, #f.accounts)
      assert.matches("passes users' logons on (Exchange", joined(f), 1, true)
    end)
  end)

  describe("findings: a spray whose records name no source", function()
    local function dc(e) e.computer = "dc01.corp.local"; return e end
    -- A tool tries one password at 40 accounts over NTLM, one each 3 s,
    -- and sends no workstation name: the DC's 4776s name no source.
    -- Twenty accounts a minute is no crowd of people mistyping; it gave no
    -- finding at all, as every spray rule counts by source.  Its advice
    -- starts with how to find the client (Netlogon's debug log).
    it("finds a spray at a tool's pace whose 4776s name no workstation", function()
      local log = {}
      for u = 1, 40 do log[u] = dc(ntlm("victim" .. u, "", u * 3)) end
      local f = one(sc.triage(log), "password_spray")
      assert.are.same({ "attacker", "high", 40, {} },
                      { f.reading, f.severity, #f.accounts, f.sources })
      assert.are.equal(rules.WHY.unsourced_rate:format(21), f.why)
      assert.are.equal(rules.NO_SOURCE, f.check[1])
    end)

    -- The same tool making up a workstation name at each try (WIN- and
    -- six hex digits): each name failed once, no one source sprayed, and
    -- it gave no finding.  No logon came from any of those names, and the
    -- advice says they lead nowhere.  Thirty people mistyping at their own
    -- PCs and logging on from them give names a logon came from: no spray.
    it("finds a spray that makes up a workstation name at each try", function()
      local log = {}
      for u = 1, 30 do log[u] = dc(ntlm("user" .. u, ("WIN-%06X"):format(u * 7919), u * 2)) end
      local f = one(sc.triage(log), "password_spray")
      assert.are.same({ "attacker", 30 }, { f.reading, #f.accounts })
      assert.are.equal(rules.NAMES_MADE_UP, f.check[1])
      for u = 1, 30 do
        log[#log + 1] = dc(ntlm("user" .. u, ("WIN-%06X"):format(u * 7919), u * 2 + 6, "0x0"))
      end
      none(sc.triage(log), "password_spray")
      -- (two passwords at each account, a new name at each try: the other
      -- made-up name is no other host's record of the same try)
      log = {}
      for u = 1, 30 do
        log[#log + 1] = dc(ntlm("user" .. u, ("WIN-%06X"):format(u * 7919), u * 2))
        log[#log + 1] = dc(ntlm("user" .. u, ("WIN-%06X"):format(u * 7919 + 1), u * 2 + 1))
      end
      assert.are.equal(30, #one(sc.triage(log), "password_spray").accounts)
      -- (names of PCs whose own accounts the log names, as a DC's log
      -- names them asking for their TGTs: real PCs, their users mistyping)
      log = {}
      for u = 1, 30 do
        local pc = ("PC%04d"):format(u)
        log[#log + 1] = dc(tgt(pc .. "$", "CORP.LOCAL", "10.0.3." .. u, u))
        log[#log + 1] = dc(ntlm("user" .. u, pc, 100 + u * 2))
      end
      none(sc.triage(log), "password_spray")
    end)

    -- Sixty users, one every 15 s, each mistyping once through something
    -- that sends no workstation name and then logging on: a busy morning,
    -- four a minute.  Without a source, a spray that slow cannot be told
    -- from it, and no finding says one.
    it("reads a morning's mistypes that name no source as no spray", function()
      local log = {}
      for u = 1, 60 do
        log[#log + 1] = dc(ntlm("user" .. u, "", u * 15))
        log[#log + 1] = dc(ntlm("user" .. u, "", u * 15 + 8, "0x0"))
      end
      none(sc.triage(log), "password_spray")
    end)

    -- KALI (10.0.0.66) sprays 30 accounts over SMB at SRV01, whose 4625s
    -- name it; the DC checks each password and its 4776 names no
    -- workstation.  One spray, KALI's: the DC's records of the same tries
    -- are no second one from nowhere.
    it("does not count the DC's records of a member server's spray again", function()
      local log = {}
      for u = 1, 30 do
        log[#log + 1] = failed_logon("victim" .. u, "CORP", "10.0.0.66", "-", u * 2)
        log[#log + 1] = dc(ntlm("victim" .. u, "", u * 2 + 0.3))
      end
      local f = one(sc.triage(log), "password_spray")
      assert.are.same({ "10.0.0.66" }, f.sources)
      -- (the member server's clock 3 s behind the DC's: the same)
      for _, e in ipairs(log) do
        if e.id == 4625 then e.time = at(tonumber(e.data.TargetUserName:match("%d+")) * 2 - 3) end
      end
      assert.are.same({ "10.0.0.66" }, one(sc.triage(log), "password_spray").sources)
      -- (two rounds, half an hour apart, each at another server and DC,
      -- the later one's DC named first)
      log = {}
      for u = 1, 30 do
        log[#log + 1] = failed_logon("victim" .. u, "CORP", "10.0.0.66", "-", u * 2, nil,
                                     "srv02.corp.local")
        log[#log + 1] = ntlm("victim" .. u, "", u * 2 + 0.3)
        log[#log].computer = "dc02.corp.local"
        log[#log + 1] = failed_logon("victim" .. u, "CORP", "10.0.0.66", "-", 1800 + u * 2)
        log[#log + 1] = dc(ntlm("victim" .. u, "", 1800 + u * 2 + 0.3))
      end
      assert.are.same({ "10.0.0.66" }, one(sc.triage(log), "password_spray").sources)
    end)

    -- Twenty-five users mistype once within one minute through clients
    -- that send no workstation name, and each logs on 5 to 10 s later: a
    -- morning's crowd, or a tool with their passwords whose second try
    -- worked (credentials from a leak, tried in two variants).  Which one
    -- the records cannot tell, so the spray stays, at medium where most of
    -- its accounts logged on within a minute, and its why says how many.
    it("says how many of a sourceless spray's accounts logged on right after", function()
      local log = {}
      for u = 1, 25 do
        log[#log + 1] = dc(ntlm("user" .. u, "", u * 2))
        if u <= 12 then log[#log + 1] = dc(ntlm("user" .. u, "", u * 2 + 5 + u % 6, "0x0")) end
      end
      local f = one(sc.triage(log), "password_spray")
      assert.are.same({ rules.WHY.unsourced_rate_fixed:format(25, 12, 25), "high" },
                      { f.why, f.severity })
      log[#log + 1] = dc(ntlm("user13", "", 40, "0x0"))
      f = one(sc.triage(log), "password_spray")
      assert.are.same({ rules.WHY.unsourced_rate_fixed:format(25, 13, 25), "medium" },
                      { f.why, f.severity })
    end)
  end)

  describe("findings: sprays from a host others log on through", function()
    -- Attacks that an address many users log on through (a VPN's, a
    -- NAT's, a Remote Desktop host's) must not hide: rules that read the
    -- failures there as users' phones retrying old passwords, or as
    -- mistypes that the user's own logon put right, were tried (3570d5a
    -- to 435f55c) and each of these gave no finding at all.  Twelve staff
    -- log on through 10.0.0.50 in each.
    local function staff(log, ip)
      for u = 1, 12 do log[#log + 1] = tgt("staff" .. u, "CORP.LOCAL", ip, 100 + u * 200) end
      return log
    end
    local function sorted(log)
      table.sort(log, function(a, b) return a.time < b.time end)
      return log
    end

    -- A spray throttled to one account each 8 s (no four accounts in any
    -- 20 s), three rounds of 25 accounts, each round coming back to the
    -- same accounts within five minutes, as a phone comes back; victim5
    -- logs on through the same address afterwards: its hit.
    it("finds a throttled spray that comes back to its accounts, and its hit", function()
      local log = staff({}, "10.0.0.50")
      for r = 0, 2 do
        for u = 1, 25 do
          log[#log + 1] = kerberos_bad("victim" .. u, "CORP.LOCAL", "10.0.0.50",
                                       1000 + r * 200 + u * 8)
        end
      end
      log[#log + 1] = tgt("victim5", "CORP.LOCAL", "10.0.0.50", 2600)
      local x = one(sc.triage(sorted(log)), "password_spray")
      assert.are.same({ "attacker", "critical", 25 }, { x.reading, x.severity, #x.accounts })
      assert.are.same({ "CORP.LOCAL\\victim5" }, { x.logged_on_later[1].identity })
    end)

    -- Credentials from a leak tried at a person's pace: for six accounts,
    -- one each 15 s, a first variant of the password fails and a second
    -- works 4 s later.  Each miss is "put right" by its account's logon,
    -- as a mistype is, but one source missing and then getting six
    -- accounts in a minute and a half is an attack, from a host others use
    -- or from one of its own.
    it("finds credentials tried in two variants at a person's pace", function()
      for _, case in ipairs({ { "10.0.0.50", true }, { "10.9.9.9", false } }) do
        local log = case[2] and staff({}, case[1]) or {}
        for u = 1, 6 do
          log[#log + 1] = kerberos_bad("leaked" .. u, "CORP.LOCAL", case[1], 1000 + u * 15)
          log[#log + 1] = tgt("leaked" .. u, "CORP.LOCAL", case[1], 1004 + u * 15)
        end
        local r = sc.triage(sorted(log))
        assert.are.equal("attacker", one(r, "password_spray").reading, case[1])
        local s = one(r, "success_after_failures")
        assert.are.same({ "attacker", "critical" }, { s.reading, s.severity }, case[1])
      end
    end)

    -- A slow spray from the attacker's own host, one account each 8 s,
    -- three rounds, whose first round logs on ten of the thirty accounts
    -- at their first try: ten accounts logging on there without failing,
    -- as a gateway's users do, are the spray's hits here.
    it("finds a slow spray whose hits log on at their first try", function()
      local log = {}
      for r = 0, 2 do
        for u = 1, 30 do
          local t, hit = 1000 + r * 240 + u * 8, u % 3 == 0
          if r == 0 and hit then
            log[#log + 1] = tgt("victim" .. u, "CORP.LOCAL", "10.9.9.9", t)
          elseif not hit then
            log[#log + 1] = kerberos_bad("victim" .. u, "CORP.LOCAL", "10.9.9.9", t)
          end
        end
      end
      local x = one(sc.triage(sorted(log)), "password_spray")
      assert.are.same({ "attacker", 20 }, { x.reading, #x.accounts })
    end)
  end)

  describe("findings: narrowed to an account or source", function()
    -- Five bad passwords for bob from 10.0.0.5 (PC5), then his password
    -- checked right (4776) naming the workstation PC5 alone: the success
    -- after failures is about PC5 whichever way the responder names it,
    -- the address or the workstation.
    it("keeps a success after failures about the source named either way", function()
      local triage = require "logonerr.events.triage"
      local log = {}
      for i = 1, 5 do log[i] = failed_logon("bob", "CORP", "10.0.0.5", "PC5", i * 2) end
      log[6] = ntlm("bob", "PC5", 12, "0x0")
      local recs = sc.records(log)
      for _, source in ipairs({ "PC5", "10.0.0.5" }) do
        local acc = triage.new(triage.DEFAULTS)
        for _, rec in ipairs(recs) do acc:add(rec) end
        local _, about = events.filter({ source = source })
        one(acc:finish(nil, about), "success_after_failures")
      end
    end)

    -- What the filters keep gives a narrowed report its tables and the
    -- log's gaps (the log was cleared: the account's records before are
    -- gone too); its findings come from every record (above).  The kept
    -- records' own findings would be thrown away: finish(nil, false)
    -- gives their gaps alone, and the same tables.
    it("gives the tables and the log's gaps alone of what the filters keep", function()
      local triage = require "logonerr.events.triage"
      local log = { { id = 1102, time = at(0), data = { SubjectUserName = "mallory" } } }
      for i = 1, 6 do log[#log + 1] = failed_logon("bob", "CORP", "10.0.0.5", "PC5", i * 2) end
      log[#log + 1] = ntlm("bob", "PC5", 14, "0x0")
      local recs = sc.records(log)
      local function finished(about)
        local acc = triage.new(triage.DEFAULTS)
        for _, rec in ipairs(recs) do acc:add(rec) end
        return acc:finish(nil, about)
      end
      local whole, kept = finished(nil), finished(false)
      assert.are.same({ "log_gaps", "password_guessing", "success_after_failures" },
                      sc.kinds(whole))
      assert.are.same({ "log_gaps" }, sc.kinds(kept))
      for _, k in ipairs({ "by_account", "by_source", "logon_summary", "by_code", "timeline" }) do
        assert.are.same(whole[k], kept[k], k)
      end
    end)
  end)

  describe("findings: a spray's hit", function()
    -- A spray: six accounts refused from 10.0.0.66 within two seconds,
    -- then a TGT for carol from the same address: the password sprayed
    -- was hers.  An attack (the source failed for other accounts), but
    -- carol had no failure of her own: a report that said "after 6
    -- failures" would send the responder looking for guesses at carol.
    it("says the failures before a sprayed account's success were other accounts'", function()
      local log = {}
      for i = 1, 6 do log[i] = kerberos_bad("user" .. i, "CORP.LOCAL", "10.0.0.66", i * 0.3) end
      log[7] = tgt("carol", "CORP.LOCAL", "10.0.0.66", 2.2)
      local r = sc.triage(log)
      local f = one(r, "success_after_failures")
      assert.are.equal("attacker", f.reading)
      assert.are.same({ 6, 0 }, { f.successes[1].failures, f.successes[1].own_failures })
      local p = sc.write(log)
      local _, text = require("support.run").command("events " .. p)
      os.remove(p)
      assert.matches("after 6 failures from its source for other accounts and none for this one",
                     text, 1, true)
    end)

    -- Before the same spray, three failures of carol's that name no
    -- source (a 4776 on the DC with no workstation): hers, but not from
    -- the spraying address.  The six before her success are still the
    -- others'.
    it("counts as the account's own only its failures among the source's", function()
      local log = {}
      for i = 1, 3 do log[i] = ntlm("carol", nil, i * 0.1) end
      for i = 1, 6 do
        log[#log + 1] = kerberos_bad("user" .. i, "CORP.LOCAL", "10.0.0.66", 1 + i * 0.3)
      end
      log[#log + 1] = tgt("carol", "CORP.LOCAL", "10.0.0.66", 3.2)
      local f = one(sc.triage(log), "success_after_failures")
      assert.are.same({ 6, 0 }, { f.successes[1].failures, f.successes[1].own_failures })
    end)

    -- 10.0.0.66 sprays ten accounts in five seconds at 09:00; three hours
    -- later user4, one of them, gets a TGT from the same address.  No
    -- failure is near that success (a success after failures counts the
    -- window's), but the spray tried user4's password from there: it
    -- found it, and came back to use it.  ann, who was not sprayed, and
    -- user5 from her own PC are not named.  The same accounts sprayed by
    -- a front end's users a few a minute are left as they are (their
    -- phones fail through it, and they log on through it later).
    it("names a sprayed account's later logon from the spray's source, and is critical",
       function()
      local log = {}
      for i = 1, 10 do log[i] = kerberos_bad("user" .. i, "CORP.LOCAL", "10.0.0.66", i * 0.5) end
      log[#log + 1] = tgt("user4", "CORP.LOCAL", "10.0.0.66", 3 * 3600)
      log[#log + 1] = tgt("ann", "CORP.LOCAL", "10.0.0.66", 3 * 3600 + 60)
      log[#log + 1] = tgt("user5", "CORP.LOCAL", "10.0.0.31", 3 * 3600 + 120)
      local r = sc.triage(log)
      none(r, "success_after_failures")
      local f = one(r, "password_spray")
      assert.are.equal("critical", f.severity)
      assert.are.equal(1, #f.logged_on_later)
      assert.matches("user4", f.logged_on_later[1].identity)
      assert.are.equal(select(2, events.time(at(3 * 3600))), f.logged_on_later[1].time)
      assert.matches("compromised", f.check[1], 1, true)
      -- (user4 had logged on from 10.0.0.66 the day before: a NAT's or a
      -- VPN's address, whose users log on through it as ever after)
      table.insert(log, 1, tgt("user4", "CORP.LOCAL", "10.0.0.66", -86400))
      f = one(sc.triage(log), "password_spray")
      assert.are.equal("high", f.severity)
      assert.is_nil(f.logged_on_later)
      -- (a front end: one user's old password every 30 s, ten users)
      log = {}
      for i = 1, 10 do log[i] = kerberos_bad("user" .. i, "CORP.LOCAL", "10.0.0.66", i * 30) end
      log[#log + 1] = tgt("user4", "CORP.LOCAL", "10.0.0.66", 3 * 3600)
      f = one(sc.triage(log), "password_spray")
      assert.are.equal("high", f.severity)
      assert.is_nil(f.logged_on_later)
    end)
  end)

  describe("findings: an account's successes", function()
    local function successes(r, name)
      for _, a in ipairs(r.by_account) do
        if a.identity:lower():find(name, 1, true) then return a.successes end
      end
    end
    -- A local account logging on at PC07's console: Windows logs the
    -- password check (4776, by the local SAM) and the logon (4624) on the
    -- same host for each of the three logons.  Three successes, not six.
    it("counts a local logon logged as a 4776 and a 4624 on one host once", function()
      local log = {}
      for i = 1, 3 do
        log[#log + 1] = { id = 4776, time = at(i * 60), computer = "PC07.corp.local", data = {
          TargetUserName = "kiosk", Workstation = "PC07", Status = "0x0" } }
        log[#log + 1] = { id = 4624, time = at(i * 60), computer = "PC07.corp.local", data = {
          TargetUserName = "kiosk", TargetDomainName = "PC07", LogonType = "2",
          IpAddress = "127.0.0.1", WorkstationName = "PC07" } }
      end
      assert.are.equal(3, successes(sc.triage(log), "kiosk"))
    end)

    -- A DC checks dave's password for ten NTLM logons at file servers
    -- (4776 on the DC, the 4624s on the servers, not in this log) and
    -- issues five TGTs for his Kerberos logons at workstations: fifteen
    -- logons, none logged twice here.
    it("counts a DC's NTLM checks and TGTs for logons elsewhere whole", function()
      local log = {}
      for i = 1, 10 do
        log[#log + 1] = { id = 4776, time = at(i * 60), computer = "dc01.corp.local", data = {
          TargetUserName = "dave", Workstation = "FS0" .. (i % 3), Status = "0x0" } }
      end
      for i = 1, 5 do
        log[#log + 1] = tgt("dave", "CORP.LOCAL", "10.0.0." .. (40 + i), 1000 + i * 60)
        log[#log].computer = "dc01.corp.local"
      end
      assert.are.equal(15, successes(sc.triage(log), "dave"))
    end)

    -- The same DC, where dave's tools also bind to LDAP ten times with
    -- Kerberos (4624 type 3 on the DC, no 4776), while the DC checks ten
    -- NTLM logons of his at file servers: twenty.  Only a host's own
    -- (local) accounts have their checks and logons on one host be one.
    it("does not take a domain account's logons at a DC for its NTLM checks", function()
      local log = {}
      for i = 1, 10 do
        log[#log + 1] = { id = 4776, time = at(i * 60), computer = "dc01.corp.local", data = {
          TargetUserName = "dave", Workstation = "FS01", Status = "0x0" } }
        log[#log + 1] = { id = 4624, time = at(i * 60 + 30), computer = "dc01.corp.local",
          data = { TargetUserName = "dave", TargetDomainName = "CORP", LogonType = "3",
                   IpAddress = "10.0.0.41", WorkstationName = "-" } }
      end
      assert.are.equal(20, successes(sc.triage(log), "dave"))
    end)

    -- An administrator at a console under UAC: Windows logs each logon as
    -- two 4624s (the full token and the filtered one), by winlogon, at one
    -- time: two logons, not four.  A client's network sessions opened in
    -- one instant are each a logon (UAC splits no network logon): four.
    it("counts UAC's two 4624s for one logon once, and network logons each", function()
      local log = {}
      for _, t in ipairs({ 60, 600 }) do
        for _ = 1, 2 do
          log[#log + 1] = { id = 4624, time = at(t), computer = "PC07.corp.local", data = {
            TargetUserName = "admin", TargetDomainName = "CORP", LogonType = "2",
            IpAddress = "127.0.0.1", WorkstationName = "PC07",
            ProcessName = "C:\\Windows\\System32\\winlogon.exe" } }
        end
      end
      for _ = 1, 4 do log[#log + 1] = logged_on("bob", "10.0.0.31", "PC31", 900) end
      local r = sc.triage(log)
      assert.are.equal(2, successes(r, "admin"))
      assert.are.equal(4, successes(r, "bob"))
    end)

    -- Six bad passwords over RDP, then the administrator gets in: one
    -- logon, which UAC logs as two 4624s at one instant.  The finding is
    -- one success after six failures (the responder looks for one
    -- session), as the logon summary counts one; a second RDP logon a
    -- minute later is another success.
    it("lists UAC's two 4624s for one logon after failures as one success", function()
      local log = {}
      local function rdp(id, t)
        local d = { TargetUserName = "admin", TargetDomainName = "CORP", LogonType = "10",
                    IpAddress = "10.0.0.66", WorkstationName = "KALI",
                    ProcessName = "C:\\Windows\\System32\\svchost.exe" }
        if id == 4625 then d.SubStatus = "0xc000006a" end
        return { id = id, time = at(t), computer = "srv01.corp.local", data = d }
      end
      for i = 1, 6 do log[#log + 1] = rdp(4625, i * 4) end
      log[#log + 1] = rdp(4624, 30)
      log[#log + 1] = rdp(4624, 30)
      local f = one(sc.triage(log), "success_after_failures")
      assert.are.equal(1, f.count)
      assert.are.equal(1, #f.successes)
      log[#log + 1] = rdp(4624, 90)
      log[#log + 1] = rdp(4624, 90)
      f = one(sc.triage(log), "success_after_failures")
      assert.are.equal(2, f.count)
      assert.are.same({ 6, 6 }, { f.successes[1].failures, f.successes[2].failures })
      -- Read in two parts cut between the twins (-j), the same finding.
      local triage = require "logonerr.events.triage"
      local recs = sc.records(log)
      local whole = triage.new(triage.DEFAULTS)
      for _, rec in ipairs(recs) do whole:add(rec) end
      f = one(whole:finish(), "success_after_failures")
      assert.are.equal(2, f.count)
      for _, live in ipairs({ false, true }) do
        local a, b = triage.new(triage.DEFAULTS), triage.new(triage.DEFAULTS)
        for k, rec in ipairs(recs) do (k <= 7 and a or b):add(rec) end
        assert.is_true(a:merge(b:state(live)))
        assert.are.same(f, one(a:finish(), "success_after_failures"))
      end
    end)

    -- Two logons at one instant by two programs (a console logon and a
    -- scheduled task's) are two logons, as the logon summary counts them:
    -- the finding lists both.  UAC's twins are one program's.
    it("lists two programs' logons at one instant after failures as two", function()
      local log = {}
      local function logon(id, t, process)
        local d = { TargetUserName = "admin", TargetDomainName = "CORP", LogonType = "2",
                    IpAddress = "127.0.0.1", WorkstationName = "PC07", ProcessName = process }
        if id == 4625 then d.SubStatus = "0xc000006a" end
        return { id = id, time = at(t), computer = "PC07.corp.local", data = d }
      end
      for i = 1, 6 do log[#log + 1] = logon(4625, i * 4, "C:\\Windows\\System32\\svchost.exe") end
      log[#log + 1] = logon(4624, 30, "C:\\Windows\\System32\\svchost.exe")
      log[#log + 1] = logon(4624, 30, "C:\\Windows\\System32\\winlogon.exe")
      local r = sc.triage(log)
      assert.are.equal(2, successes(r, "admin"))
      assert.are.equal(2, one(r, "success_after_failures").count)
    end)
  end)

  describe("findings: one identity per person", function()
    -- CORP\bob on the file server (NTLM, 4625), CORP.LOCAL\bob on the DC
    -- (Kerberos, 4771, realm from krbtgt/), bare bob in the DC's 4776: one
    -- person, six bad passwords in 12 seconds, over the threshold of 5.  The
    -- file server's 4625 names both the address and the workstation, which
    -- ties the 4776's workstation to the 4771's address.
    it("counts CORP\\bob, CORP.LOCAL\\bob and bob as one identity", function()
      local r = sc.triage({
        failed_logon("bob", "CORP", "10.0.0.66", "KALI", 0),
        kerberos_bad("bob", "CORP.LOCAL", "10.0.0.66", 2),
        ntlm("bob", "KALI", 4),
        failed_logon("BOB", "CORP", "10.0.0.66", "KALI", 6),
        kerberos_bad("Bob", "CORP.LOCAL", "10.0.0.66", 8),
        ntlm("bob", "KALI", 10),
        -- What pairs CORP with CORP.LOCAL: the same people in both.
        logged_on("alice", "10.0.0.20", "PC20", 30),
        tgt("alice", "CORP.LOCAL", "10.0.0.20", 29) })
      local f = one(r, "password_guessing")
      assert.are.equal(6, f.count)
      assert.are.equal(1, #f.accounts)
      assert.are.same({ "10.0.0.66" }, f.sources)
      local bob
      for _, a in ipairs(r.by_account) do
        if a.identity == f.accounts[1] then bob = a end
      end
      assert.is_table(bob, "by_account has bob's identity")
      assert.are.equal(6, bob.failures)
      assert.are.same({ "CORP.LOCAL\\Bob", "CORP.LOCAL\\bob", "CORP\\BOB", "CORP\\bob", "bob" },
                      sc.sorted(bob.spellings))
    end)

    -- CORP.LOCAL trusts the forest PARTNER.COM.  alice of CORP.LOCAL
    -- asks her DC for a ticket to a server over there: the DC gives her a
    -- referral, a service ticket for krbtgt/PARTNER.COM (4769).  That
    -- names two realms, not two spellings of one (an AS request's
    -- krbtgt/REALM, 4768 and 4771, is the client's own realm).  Each
    -- forest has a bob, each mistyping his password at his own DC: two
    -- people, three failures each, no guessing over the threshold of 5.
    it("keeps the realm of a cross-realm referral apart from the client's", function()
      -- (each bob's 4771 on his own forest's DC, with his own SID)
      local function bad(realm, ip, t)
        local rec = kerberos_bad("bob", realm, ip, t)
        rec.computer = realm == "CORP.LOCAL" and "dc1.corp.local" or "dc1.partner.com"
        rec.data.TargetSid = realm == "CORP.LOCAL" and "S-1-5-21-1-2-3-1105" or
                             "S-1-5-21-7-8-9-1105"
        return rec
      end
      local log = {
        { id = 4769, time = at(0), computer = "dc1.corp.local", data = {
          TargetUserName = "alice@CORP.LOCAL", TargetDomainName = "CORP.LOCAL",
          ServiceName = "krbtgt/PARTNER.COM", IpAddress = "::ffff:10.0.0.20",
          Status = "0x0", TicketEncryptionType = "0x12" } } }
      for _, t in ipairs({ 10, 20, 30 }) do
        log[#log + 1] = bad("CORP.LOCAL", "10.0.0.66", t)
        log[#log + 1] = bad("PARTNER.COM", "10.8.0.9", t + 1)
      end
      local r = sc.triage(log)
      local bobs = {}
      for _, a in ipairs(r.by_account) do
        if a.identity:lower():find("bob", 1, true) then bobs[#bobs + 1] = a.identity end
      end
      assert.are.same({ "CORP.LOCAL\\bob", "PARTNER.COM\\bob" }, sc.sorted(bobs))
      none(r, "password_guessing")
    end)

    -- A spray of seven accounts against a workstation over SMB: the
    -- workstation logs 4625 and passes each attempt to the DC, which logs
    -- 4776 the same second.  Seven accounts, seven attempts, not fourteen.
    it("counts a spray seen on the workstation and on the DC once", function()
      local log = {}
      for i = 1, 7 do
        log[#log + 1] = failed_logon("user" .. i, "CORP", "10.0.0.66", "KALI", i * 3, nil,
                                     "ws05.corp.local")
        log[#log + 1] = ntlm("user" .. i, "KALI", i * 3)
      end
      local r = sc.triage(log)
      local f = one(r, "password_spray")
      assert.are.equal(7, #f.accounts)
      assert.are.equal(7, f.count)
      assert.are.same({ "10.0.0.66" }, f.sources)
      -- The evidence names both events of each attempt.
      assert.are.same({ 4625, 4776 }, sc.sorted(f.events))
      assert.are.equal(7, #r.by_account)
      assert.are.equal(1, #r.by_source)
      assert.are.equal(7, r.by_source[1].accounts)
    end)

    -- A tool guessing one password after another, four a second: each
    -- guess is a 4625 on the workstation and a 4776 on the DC in the same
    -- second, the DC's now first, now second.  Twelve guesses, not
    -- twenty-four (each record paired alone) nor three (one a second).
    it("pairs each of a second's guesses with the DC's record of it", function()
      local log = {}
      for s = 0, 2 do
        for j = 0, 3 do
          local t, dc_first = 10 + s + j * 0.2, j % 2 == 0
          log[#log + 1] = failed_logon("admin", "CORP", "10.0.0.66", "KALI",
                                       t + (dc_first and 0.1 or 0), nil, "ws05.corp.local")
          log[#log + 1] = ntlm("admin", "KALI", t + (dc_first and 0 or 0.1))
        end
      end
      local r = sc.triage(log)
      local f = one(r, "password_guessing")
      assert.are.equal(12, f.count)
      assert.are.same({ 4625, 4776 }, sc.sorted(f.events))
      assert.are.equal(1, #r.by_account)
      assert.are.equal(12, r.by_account[1].failures)
      assert.are.equal(1, #r.by_source)
      assert.are.equal(12, r.by_source[1].failures)
    end)

    -- Guesses over RDP at a server: the server logs 4625 with the client's
    -- address and its own name as the workstation, and the DC, which
    -- checks the password, logs 4776 naming the server, a little earlier.
    -- Each attempt comes from the address, not from the server.
    it("gives an attempt the address its other record names", function()
      local log = {}
      for i = 1, 6 do
        log[#log + 1] = ntlm("admin", "SRV01", 10 + i * 2)
        log[#log + 1] = { id = 4625, time = at(10 + i * 2 + 0.3), computer = "srv01.corp.local",
                          data = { TargetUserName = "admin", TargetDomainName = "CORP",
                                   IpAddress = "10.0.0.66", WorkstationName = "SRV01",
                                   LogonType = "10", SubStatus = "0xc000006a" } }
      end
      local r = sc.triage(log)
      local f = one(r, "password_guessing")
      assert.are.equal(6, f.count)
      assert.are.same({ "10.0.0.66" }, f.sources)
      assert.are.equal(1, #r.by_source)
      assert.are.equal("10.0.0.66", r.by_source[1].source)
      assert.are.equal(6, r.by_source[1].failures)
    end)

    -- A local Administrator on a workstation and the domain's Administrator
    -- are two accounts: the bare name is not given to either.
    it("keeps a local account apart from the domain account of the same name", function()
      local log = {}
      for i = 1, 3 do
        log[#log + 1] = failed_logon("Administrator", "WS07", "10.0.0.66", "KALI", i, nil,
                                     "ws07.corp.local")
        log[#log + 1] = failed_logon("Administrator", "CORP", "10.0.0.66", "KALI", i + 0.5)
      end
      local r = sc.triage(log)
      none(r, "password_guessing")
      assert.are.equal(2, #r.by_account)
    end)

    -- Two workgroup hosts, each with its own Administrator; the logs of
    -- both are read together.  A host checks a name it logs bare (4776,
    -- which names no domain) against its own accounts (Microsoft's page
    -- for 4776: it is logged by the computer that checks the
    -- credentials).  On WSA the console asks Administrator to change an
    -- expired password (0xC0000224, twice), then the user mistypes the
    -- new one (4776, bare); WSB's Administrator mistypes once.  Every
    -- failure from WSA is its own Administrator's: a person at the
    -- console, not an attacker trying other accounts; and WSB's failure
    -- is another account, not WSA's.
    it("gives a name a host logs bare to that host's own account of the name", function()
      local function on(host, id, t, data)
        return { id = id, time = at(t), computer = host, data = data }
      end
      local log = {
        on("WSA", 4625, 1, { TargetUserName = "Administrator", TargetDomainName = "WSA",
                             LogonType = "2", IpAddress = "127.0.0.1", WorkstationName = "WSA",
                             Status = "0xc0000224", SubStatus = "0x0" }),
        on("WSA", 4625, 60, { TargetUserName = "Administrator", TargetDomainName = "WSA",
                              LogonType = "2", IpAddress = "127.0.0.1", WorkstationName = "WSA",
                              Status = "0xc0000224", SubStatus = "0x0" }),
        on("WSA", 4776, 90, { TargetUserName = "Administrator", Workstation = "WSA",
                              Status = "0xc000006a" }),
        on("WSB", 4776, 95, { TargetUserName = "Administrator", Workstation = "WSB",
                              Status = "0xc000006a" }),
        on("WSB", 4625, 95, { TargetUserName = "Administrator", TargetDomainName = "WSB",
                              LogonType = "3", IpAddress = "-", WorkstationName = "WSB",
                              SubStatus = "0xc000006a" }),
      }
      local r = sc.triage(log)
      assert.are.equal("stale_credential", one(r, "expired_account").reading)
      local ids = {}
      for _, a in ipairs(r.by_account) do ids[#ids + 1] = a.identity .. " " .. a.failures end
      table.sort(ids)
      -- (WSB's 4776 and 4625 are one attempt: the same second, source and kind)
      assert.are.same({ "WSA\\Administrator 3", "WSB\\Administrator 1" }, ids)
    end)

    -- A DC checks its domain's accounts in 4776, named bare; it has no
    -- accounts of its own but the DSRM one, which a DSRM logon (or a typo
    -- at its console) may name under the DC's own name.  The domain
    -- Administrator's six NTLM failures from WS9 are not that account's.
    -- (A DC: it logs the KDC's events, 4768 here.)
    it("does not give a DC's bare names to an account under the DC's own name", function()
      local log = {
        { id = 4768, time = at(0), computer = "dc01.corp.local", data = {
          TargetUserName = "bob", TargetDomainName = "CORP", ServiceName = "krbtgt",
          IpAddress = "::ffff:10.0.0.5", Status = "0x0", PreAuthType = "2" } },
        { id = 4625, time = at(5), computer = "dc01.corp.local", data = {
          TargetUserName = "Administrator", TargetDomainName = "DC01", LogonType = "2",
          IpAddress = "127.0.0.1", WorkstationName = "DC01", SubStatus = "0xc000006a" } },
        { id = 4624, time = at(9), computer = "dc01.corp.local", data = {
          TargetUserName = "Administrator", TargetDomainName = "CORP", LogonType = "2",
          IpAddress = "127.0.0.1", WorkstationName = "DC01" } },
      }
      for i = 1, 6 do
        log[#log + 1] = { id = 4776, time = at(100 + i), computer = "dc01.corp.local",
                          data = { TargetUserName = "Administrator", Workstation = "WS9",
                                   Status = "0xc000006a" } }
      end
      local r = sc.triage(log)
      for _, a in ipairs(r.by_account) do
        if a.identity == "DC01\\Administrator" then assert.are.equal(1, a.failures) end
      end
      local g = one(r, "password_guessing")
      assert.are_not.same({ "DC01\\Administrator" }, g.accounts)
      assert.are.same({ "WS9" }, g.sources)
    end)

    -- A scanner trying null sessions against a file server: 4625s whose
    -- TargetUserName is "-" (no account named) from its address, among a
    -- user's own mistyped password from the same address, and one at the
    -- server itself (no address: "local"), and a DC's NTLM check that names
    -- neither account nor workstation (no source).  No identity to list them under,
    -- but the address made four attempts, not one: "Failed attempts by source"
    -- counts them all, and says how many named no account.
    it("counts failures that name no account under their source", function()
      local log = {}
      for i = 1, 3 do log[#log + 1] = failed_logon("-", "-", "10.0.0.66", "-", i) end
      log[#log + 1] = failed_logon("bob", "CORP", "10.0.0.66", "-", 9)
      log[#log + 1] = failed_logon("-", "-", nil, "-", 20)
      log[#log].data.LogonType = "2" -- (at the console: no address is the host's own)
      log[#log + 1] = ntlm("-", "-", 30, "0xc0000064")
      local r = sc.triage(log)
      assert.are.same({}, sc.kinds(r))
      assert.are.equal(6, r.failures)
      assert.are.same({ "CORP\\bob" }, { r.by_account[1].identity, r.by_account[2] })
      local by = {}
      for _, s in ipairs(r.by_source) do by[s.source] = s end
      assert.are.same({ source = "10.0.0.66", failures = 4, accounts = 1,
                        account_list = { "CORP\\bob" }, unnamed_failures = 3 }, by["10.0.0.66"])
      assert.are.same({ source = "local", failures = 1, accounts = 0, account_list = {},
                        unnamed_failures = 1 }, by["local"])
      assert.are.same({ source = "(none)", failures = 1, accounts = 0, account_list = {},
                        unnamed_failures = 1 }, by["(none)"])
      local text = require("logonerr.events.report").render(r, "text")
      assert.matches("     4  10.0.0.66 %(1 account; 3 failures with no account name%)", text)
      assert.matches("     1  local %(1 failure with no account name%)", text)
      local md = require("logonerr.events.report").render(r, "markdown")
      assert.matches("| 4 | 10.0.0.66 | 1 | 3 |", md, 1, true)
    end)
  end)

  describe("findings: 4648 is not a spray", function()
    -- One ordinary interactive logon on Windows 10: winlogon logs 4648 for
    -- the Font Driver Host and Desktop Window Manager virtual accounts, the
    -- computer account and the user, and 4624 for each.  Nothing failed.
    local function logon(t0)
      local log = {}
      local function explicit(user, domain, t)
        log[#log + 1] = { id = 4648, time = at(t0 + t), computer = "ws01.corp.local", data = {
          SubjectUserName = "WS01$", SubjectDomainName = "CORP", TargetUserName = user,
          TargetDomainName = domain } }
        log[#log + 1] = { id = 4624, time = at(t0 + t + 0.01), computer = "ws01.corp.local",
          data = { SubjectUserName = "WS01$", SubjectDomainName = "CORP", TargetUserName = user,
                   TargetDomainName = domain, LogonType = "2", IpAddress = "-",
                   LogonProcessName = "Advapi  ", AuthenticationPackageName = "Negotiate",
                   ProcessName = "C:\\Windows\\System32\\winlogon.exe" } }
      end
      explicit("UMFD-0", "Font Driver Host", 0)
      explicit("UMFD-1", "Font Driver Host", 0.2)
      explicit("DWM-1", "Window Manager", 0.4)
      explicit("WS01$", "CORP", 0.6)
      explicit("alice", "CORP", 1)
      return log
    end

    it("finds nothing in an interactive logon's 4648s", function()
      local r = sc.triage(logon(0))
      assert.are.same({}, sc.kinds(r))
    end)

    -- One process on one host using ten people's passwords in a minute is a
    -- tool working through a list (a sprayer, a runas loop): that is
    -- explicit_credentials, and 4648 never says whether the password was
    -- right, so it is not password_spray.
    -- After an ordinary logon, eve's sp.exe on WS07 giving user1 .. user10's
    -- credentials, 5 s apart, for the host server(i) names.
    local function listed(server)
      local log = logon(0)
      for i = 1, 10 do
        log[#log + 1] = { id = 4648, time = at(100 + i * 5), computer = "ws07.corp.local", data = {
          SubjectUserSid = "S-1-5-21-1-2-3-1190", SubjectUserName = "eve",
          SubjectDomainName = "CORP", SubjectLogonId = "0x5f3a21", TargetUserName = "user" .. i,
          TargetDomainName = "CORP", TargetServerName = server(i),
          TargetInfo = "fs01.corp.local", ProcessId = "0x1a4",
          ProcessName = "C:\\Users\\eve\\AppData\\Local\\Temp\\sp.exe",
          IpAddress = "10.0.0.77", IpPort = "445" } }
      end
      return log
    end

    it("names one process using many accounts' credentials as explicit_credentials", function()
      local r = sc.triage(listed(function() return "FS01.corp.local" end))
      none(r, "password_spray")
      local f = one(r, "explicit_credentials")
      assert.are.equal(10, #f.accounts)
      -- (sp.exe ran on WS07 and logged on at FS01: 10.0.0.77, port 445, is
      -- the target's address, as Microsoft's 4648 page says of Network
      -- Address; the source is the host that logged it)
      assert.are.same({ "ws07" }, f.sources)
      assert.is_truthy(({ high = true, medium = true })[f.severity])
      -- (and where to go: the host the credentials were given for, eve's
      -- session that ran sp.exe, and its process ID, as 4648 names them)
      assert.are.same({ "fs01.corp.local" }, f.targets)
      assert.are.same({ { account = "CORP\\eve", logon_id = "0x5f3a21" } }, f.sessions)
      assert.are.same({ "0x1a4" }, f.process_ids)
      local text = require("logonerr.events.report").render(r, "text")
      assert.matches("given for: fs01.corp.local", text, 1, true)
      assert.matches("CORP\\eve (logon ID 0x5f3a21)", text, 1, true)
    end)

    -- The same tool giving credentials for FS01 by its short name and by
    -- its full one: one host, listed once, in full; and an address beside
    -- them stays an address.
    it("lists a target named short and in full once", function()
      local f = one(sc.triage(listed(function(i)
        return i == 10 and "10.0.0.5" or i % 2 == 0 and "FS01" or "FS01.corp.local"
      end)), "explicit_credentials")
      assert.are.same({ "10.0.0.5", "fs01.corp.local" }, f.targets)
    end)

    -- From ws07.corp.local, DC01 is dc01.corp.local (Windows adds its own
    -- domain to a short name), not the child domain's DC that the same tool
    -- also named in full: two hosts, both listed, or the responder checks
    -- one DC of the two.
    it("keeps a short target whose full name in the list is another domain's", function()
      local f = one(sc.triage(listed(function(i)
        return i % 2 == 0 and "DC01" or "dc01.emea.corp.local"
      end)), "explicit_credentials")
      assert.are.same({ "dc01", "dc01.emea.corp.local" }, f.targets)
    end)

    -- Four people's RDP logons to SRV01 from 10.0.0.99 in a minute, with
    -- NLA: SRV01's Winlogon logs a 4648 for each, to itself (Target Server
    -- localhost), and there its Network Address is the client's.
    it("takes a 4648's address for the source where the logon was to the host itself",
       function()
      local log = {}
      for i = 1, 4 do
        log[i] = { id = 4648, time = at(i * 10), computer = "srv01.corp.local", data = {
          SubjectUserSid = "S-1-5-18", SubjectUserName = "SRV01$", SubjectDomainName = "CORP",
          TargetUserName = "user" .. i, TargetDomainName = "CORP", TargetServerName = "localhost",
          TargetInfo = "localhost", ProcessName = "C:\\Windows\\System32\\svchost.exe",
          IpAddress = "10.0.0.99", IpPort = "0" } }
      end
      local f = one(sc.triage(log), "explicit_credentials")
      assert.are.same({ "10.0.0.99" }, f.sources)
      assert.is_nil(f.targets) -- (given for this host itself)
    end)
  end)

  describe("findings: disabled accounts and lockouts", function()
    -- A clock skew refusal (4771 0x25) whose record gives no client
    -- address: no client is named, so the finding cannot say it came from
    -- "one or two clients" whose own clock is the likelier one off.
    it("does not blame one or two clients' clocks where no client is named", function()
      local log = { kerberos_bad("erin", "CORP.LOCAL", "10.0.0.9", 0) }
      log[1].data.Status = "0x25"
      assert.matches("one or two clients", one(sc.triage(log), "clock_skew").why, 1, true)
      log[1].data.IpAddress = ""
      local f = one(sc.triage(log), "clock_skew")
      assert.are.same({}, f.sources)
      assert.are.equal("stale_credential", f.reading)
      assert.not_matches("one or two clients", f.why, 1, true)
      assert.matches("name no client", f.why, 1, true)
    end)

    -- A TGT asked for user from ip and refused with status (4768: 0x6 no
    -- such name, 0x12 refused), no pre-authentication given.
    local function asked(user, ip, t, status)
      return { id = 4768, time = at(t), data = { TargetUserName = user,
        TargetDomainName = "CORP.LOCAL", ServiceName = "krbtgt/CORP.LOCAL",
        IpAddress = "::ffff:" .. ip, Status = status, PreAuthType = "-",
        TicketEncryptionType = "0xffffffff" } }
    end

    -- kerbrute's user enumeration asks the KDC for a TGT for each name of a
    -- list.  Names that do not exist answer 0x6; accounts that exist but are
    -- disabled answer 0x12 (KDC_ERR_CLIENT_REVOKED), and Guest,
    -- DefaultAccount, krbtgt and Exchange's SM_ mailboxes are disabled on
    -- every domain.  None of this is a lockout: no 4740 was logged.
    it("puts 0x12 in an enumeration burst and names accounts disabled by design", function()
      local log = {}
      local names = { "Guest", "DefaultAccount", "krbtgt", "SM_27d255b6407743b08",
                      "SM_2b6f1a51ac6c41b2a" }
      for i, n in ipairs(names) do log[#log + 1] = asked(n, "10.0.0.66", i * 0.05, "0x12") end
      for i = 1, 6 do
        log[#log + 1] = asked("nosuch" .. i, "10.0.0.66", 1 + i * 0.05, "0x6")
      end
      local r = sc.triage(log)
      none(r, "lockout")
      none(r, "account_revoked")
      local f = one(r, "user_enumeration")
      assert.are.equal(11, f.count)
      local named = {}
      for _, d in ipairs(f.disabled_by_design) do named[#named + 1] = d.account end
      assert.are.same({ "CORP.LOCAL\\DefaultAccount", "CORP.LOCAL\\Guest",
                        "CORP.LOCAL\\SM_27d255b6407743b08", "CORP.LOCAL\\SM_2b6f1a51ac6c41b2a",
                        "CORP.LOCAL\\krbtgt" }, sc.sorted(named))
      for _, check in ipairs(f.check) do assert.not_matches("4740", check) end
      assert.is_nil(f.refused) -- (every 0x12 here is an account off by design)
    end)

    -- kerbrute's passwordspray tries one password at every name of its
    -- list: enabled accounts answer a bad password (4771 0x18), disabled
    -- ones 0x12, names not in the domain 0x6, all in the same seconds.
    -- That is one spray, whose answers also told the tool which names
    -- exist; a scan of names the same source makes an hour later, with no
    -- password tried, is an enumeration of its own, and another address's
    -- probes in the spray's seconds are that address's.
    it("counts a spray's tries at refused and unknown names in the spray, not as enumeration",
       function()
      local log = {}
      for i, u in ipairs({ "ann", "bob", "cid", "dan", "eve", "fay" }) do
        log[#log + 1] = kerberos_bad(u, "CORP.LOCAL", "10.0.0.66", i * 0.4)
      end
      for i, u in ipairs({ "Guest", "krbtgt", "olduser" }) do
        log[#log + 1] = asked(u, "10.0.0.66", 0.1 + i * 0.4, "0x12")
      end
      for i, u in ipairs({ "nosuch1", "nosuch2" }) do
        log[#log + 1] = asked(u, "10.0.0.66", 0.2 + i * 0.4, "0x6")
      end
      local r = sc.triage(log)
      none(r, "user_enumeration")
      none(r, "account_revoked")
      local s = one(r, "password_spray")
      assert.are.equal(11, s.count)
      assert.are.equal(5, s.probed)
      assert.are.equal(11, s.peak)
      assert.are.same({ "CORP.LOCAL\\olduser" }, s.refused) -- (Guest, krbtgt: off by design)
      assert.are.equal(2, #s.disabled_by_design)
      assert.matches("wider than the accounts in use", s.check[#s.check], 1, true)
      -- (the spray's own advice comes first: the source, the successes)
      assert.matches("Identify the source host", s.check[1], 1, true)

      -- an hour later, names alone from the same address; and, in the
      -- spray's seconds, another address's
      for i = 1, 6 do log[#log + 1] = asked("later" .. i, "10.0.0.66", 3600 + i, "0x6") end
      for i = 1, 5 do log[#log + 1] = asked("other" .. i, "10.0.0.99", i * 0.3, "0x6") end
      r = sc.triage(log)
      s = one(r, "password_spray")
      assert.are.equal(11, s.count)
      local scans = sc.findings(r, "user_enumeration")
      assert.are.equal(2, #scans)
      local by = {}
      for _, x in ipairs(scans) do by[x.sources[1]] = x end
      assert.are.equal(6, by["10.0.0.66"].count)
      assert.are.equal(select(2, events.time(at(3601))), by["10.0.0.66"].first)
      assert.are.equal(5, by["10.0.0.99"].count)
    end)

    -- Four people left and their accounts were disabled, but scheduled
    -- tasks on app01 still run as them, each hour on the hour: app01 asks
    -- for a TGT for each of the four within seconds, and the DC refuses
    -- each with 0x12, hour after hour.  That is four names from one
    -- source in a burst, as a scan is, but the same four again each hour:
    -- a tool probing names asks each once.  What to do is find the tasks,
    -- not block app01.
    local LEAVERS = { "jsmith", "mlopez", "tchen", "abrown" }
    local function leavers_tasks(log, hours)
      for h = 0, hours - 1 do
        for i, u in ipairs(LEAVERS) do
          log[#log + 1] = asked(u, "10.0.0.30", h * 3600 + i, "0x12")
        end
      end
      return log
    end

    it("reads the same accounts refused again each hour as tasks, not as enumeration", function()
      local r = sc.triage(leavers_tasks({}, 8))
      none(r, "user_enumeration")
      local f = one(r, "account_revoked")
      assert.are.equal("stale_credential", f.reading)
      assert.are.equal("low", f.severity)
      assert.are.equal(32, f.count)
      assert.are.equal(rules.WHY.refused_again, f.why)
      assert.are.equal(rules.ON_SCHEDULE, f.check[1])
      assert.not_matches("Block the source", joined(f), 1, true)

      -- A fifth account refused once, at the last hour's run, may be a
      -- task set up since or a name tried beside the tasks: the records
      -- cannot tell, and that run reads as names tried, the rest as the
      -- tasks (an attacker's few names at a run's time are not hidden).
      local log = leavers_tasks({}, 8)
      log[#log + 1] = asked("kpatel", "10.0.0.30", 7 * 3600 + 5, "0x12")
      r = sc.triage(log)
      none(r, "user_enumeration")
      local by = {}
      for _, x in ipairs(sc.findings(r, "account_revoked")) do by[x.why] = x.count end
      assert.are.same({ [rules.WHY.refused_again] = 28, [rules.WHY.other_accounts] = 5 }, by)
    end)

    -- The same tasks where the DC checks their passwords over NTLM: its
    -- 4776s name APP01 and answer 0xC0000072 (the account is disabled)
    -- each hour.  Four disabled accounts from one host in seconds read as
    -- a host trying names; hour after hour, they are its tasks.  A bad
    -- password for another account among them is still a sign of one.
    it("reads NTLM's disabled accounts failing again each hour as the host's tasks", function()
      local log = {}
      for h = 0, 7 do
        for i, u in ipairs(LEAVERS) do
          log[#log + 1] = ntlm(u, "APP01", h * 3600 + i, "0xc0000072")
        end
      end
      local f = one(sc.triage(log), "disabled_account")
      assert.are.same({ "stale_credential", "low", 32 }, { f.reading, f.severity, f.count })
      assert.are.equal(rules.WHY.refused_again, f.why)
      log[#log + 1] = ntlm("ceo", "APP01", 3 * 3600 + 3, "0xc000006a")
      local parts = sc.findings(sc.triage(log), "disabled_account")
      local by = {}
      for _, x in ipairs(parts) do by[x.reading] = x.count end
      assert.are.same({ attacker = 4, stale_credential = 28 }, by)
    end)

    -- Scans that ask again.  kerbrute's userenum run twice with the same
    -- list, an hour apart: names that do not exist answer 0x6 each time,
    -- the leavers' disabled accounts on it 0x12 each time; and a list of
    -- twelve disabled names alone, run twice.  Asked twice, the names are
    -- still a scan's, whose answers (0x12: the name exists) the advice
    -- names.  Looped every ten minutes, a list of thirty names is refused
    -- at each pass, as tasks are; but no schedule runs thirty accounts'
    -- tasks in one minute.
    it("still finds a scan run twice or looped, with the names it confirmed", function()
      local function scan(log, ip, at_t, names, unknown)
        for i, u in ipairs(names) do log[#log + 1] = asked(u, ip, at_t + i * 0.1, "0x12") end
        for i = 1, unknown do
          log[#log + 1] = asked("nosuch" .. i, ip, at_t + 5 + i * 0.1, "0x6")
        end
        return log
      end
      local log = scan(scan({}, "10.0.0.66", 0, LEAVERS, 6), "10.0.0.66", 3600, LEAVERS, 6)
      local r = sc.triage(log)
      local f = one(r, "user_enumeration")
      assert.are.same({ "attacker", 20 }, { f.reading, f.count })
      assert.are.equal(4, #f.refused)
      none(r, "account_revoked")

      local old = {}
      for i = 1, 12 do old[i] = "old" .. i end
      f = one(sc.triage(scan(scan({}, "10.0.0.66", 0, old, 0), "10.0.0.66", 3600, old, 0)),
              "user_enumeration")
      assert.are.same({ 24, 12 }, { f.count, #f.refused })

      local thirty = {}
      for i = 1, 30 do thirty[i] = "gone" .. i end
      log = {}
      for pass = 0, 4 do scan(log, "10.0.0.66", pass * 600, thirty, 0) end
      r = sc.triage(log)
      assert.are.equal(150, one(r, "user_enumeration").count)
      none(r, "account_revoked")
    end)

    -- Beside the tasks, what they do not explain.  A host that asks for
    -- names that do not exist is probing names, and its refusals, again
    -- or not, are its scan's: a scan from app01 between two runs makes
    -- the runs its own too (a tool that asks again to be sure is not told
    -- from tasks).  Three accounts refused at once from app01 long after
    -- any run, with no task behind them, read as names tried, as they do
    -- from a host with no schedule.  bob refused once at his own PC is
    -- his own finding, not the schedule's.
    it("tells the tasks' refusals from a scan, a burst and another host beside them", function()
      local log = leavers_tasks({}, 3)
      for i = 1, 6 do
        log[#log + 1] = asked("nosuch" .. i, "10.0.0.30", 5400 + i * 0.1, "0x6")
      end
      local r = sc.triage(log)
      local f = one(r, "user_enumeration")
      assert.are.same({ 18, 4 }, { f.count, #f.refused })
      none(r, "account_revoked")

      log = leavers_tasks({}, 3)
      for i = 1, 3 do log[#log + 1] = asked("vic" .. i, "10.0.0.30", 30000 + i * 10, "0x12") end
      log[#log + 1] = asked("bob", "10.0.0.77", 5000, "0x12")
      r = sc.triage(log)
      local by = {}
      for _, x in ipairs(sc.findings(r, "account_revoked")) do
        by[x.why] = { x.reading, x.count, x.sources[1] }
      end
      assert.are.same({
        [rules.WHY.refused_again] = { "stale_credential", 12, "10.0.0.30" },
        [rules.WHY.other_accounts] = { "attacker", 3, "10.0.0.30" },
        [rules.WHY.one_account] = { "stale_credential", 1, "10.0.0.77" },
      }, by)
    end)

    -- What guessing leaves behind is no schedule, however regular.
    -- kerbrute's passwordspray at eight accounts, a round every two
    -- minutes: five rounds of bad passwords (4771 0x18) lock them, and
    -- the next five get 0x12; the source sent those accounts bad
    -- passwords.  A scan of forty names in four seconds (ten refused,
    -- thirty unknown) that asks the ten it confirmed again five and ten
    -- minutes later: a host that asks for names that do not exist is
    -- probing.  Two RDP users asked three times in three minutes to change
    -- a reset password (0xC0000224) is a person at a keyboard.
    it("reads no guesser's or person's repeats as a schedule", function()
      local log = {}
      for round = 0, 9 do
        for i = 1, 8 do
          local t = round * 120 + i * 0.2
          log[#log + 1] = round < 5 and kerberos_bad("staff" .. i, "CORP.LOCAL", "10.0.0.66", t)
                          or asked("staff" .. i, "10.0.0.66", t, "0x12")
        end
      end
      local r = sc.triage(log)
      assert.are.equal("high", one(r, "password_spray").severity)
      for _, f in ipairs(r.findings) do assert.are_not.equal(rules.WHY.refused_again, f.why) end

      log = {}
      for pass = 0, 2 do
        for i = 1, 10 do
          log[#log + 1] = asked("found" .. i, "10.0.0.66", pass * 300 + i * 0.1, "0x12")
        end
        if pass == 0 then
          for i = 1, 30 do log[#log + 1] = asked("nosuch" .. i, "10.0.0.66", 1 + i * 0.1, "0x6") end
        end
      end
      r = sc.triage(log)
      local f = one(r, "user_enumeration")
      assert.are.same({ 60, 10 }, { f.count, #f.refused })
      none(r, "account_revoked")

      log = {}
      for n = 0, 2 do
        for i, u in ipairs({ "ann", "bob" }) do
          local e = failed_logon(u, "CORP", "10.0.0.50", "PC50", n * 90 + i, "0xc0000224")
          e.data.LogonType = "10"
          log[#log + 1] = e
        end
      end
      f = one(sc.triage(log), "expired_account")
      assert.are_not.equal(rules.WHY.refused_again, f.why)
    end)

    -- Beside a schedule, or after a spray under another name, still an
    -- attack's.  SRV05 runs a task as svc_old, disabled (4776 0xC0000072
    -- each hour); two minutes after one run, three admins' passwords are
    -- right but expired (0xC0000071) from SRV05: someone there holds
    -- their old passwords.  And a spray over NTLM from a host that calls
    -- itself ATTK locks eight accounts, whose TGTs the tool then asks for
    -- from its address, five rounds of 0x12: those accounts got bad
    -- passwords, under the host's other name.
    it("excuses no attack beside a schedule, nor a spray's tail under another name", function()
      local log = {}
      for h = 0, 5 do log[#log + 1] = ntlm("svc_old", "SRV05", h * 3600, "0xc0000072") end
      for i = 1, 3 do log[#log + 1] = ntlm("adm" .. i, "SRV05", 7200 + 120 + i, "0xc0000071") end
      table.sort(log, function(a, b) return a.time < b.time end)
      local f = one(sc.triage(log), "expired_account")
      assert.are.same({ "attacker", 3 }, { f.reading, f.count })

      log = {}
      for round = 0, 9 do
        for i = 1, 8 do
          local t = round * 120 + i * 0.2
          log[#log + 1] = round < 5 and ntlm("staff" .. i, "ATTK", t, "0xc000006a")
                          or asked("staff" .. i, "10.0.0.66", t, "0x12")
        end
      end
      local r = sc.triage(log)
      for _, x in ipairs(r.findings) do assert.are_not.equal(rules.WHY.refused_again, x.why) end
      assert.are.equal("attacker", one(r, "user_enumeration").reading)
    end)

    -- Four service accounts whose passwords expired, their tasks on APP01
    -- checked over NTLM each hour (4776 0xC0000071): the same schedule,
    -- which expired_account's own advice says how to mend.
    it("reads tasks of accounts whose password expired as a schedule", function()
      local log = {}
      for h = 0, 3 do
        for i, u in ipairs({ "svc_a", "svc_b", "svc_c", "svc_d" }) do
          log[#log + 1] = ntlm(u, "APP01", h * 3600 + i, "0xc0000071")
        end
      end
      local f = one(sc.triage(log), "expired_account")
      assert.are.same({ "stale_credential", 16 }, { f.reading, f.count })
      assert.are.equal(rules.WHY.refused_again, f.why)
      assert.are.equal(rules.ON_SCHEDULE, f.check[1])
    end)

    -- Four users of a Remote Desktop host locked out, their sessions
    -- trying the old password again every two minutes for ten minutes:
    -- Kerberos refuses each with 0x12 from the host.  Six times each,
    -- minutes apart, is no scan.  The advice says where such retries come
    -- from before it says tasks.
    it("reads a locked-out user's sessions trying again as a schedule's", function()
      local log = {}
      for n = 0, 5 do
        for i, u in ipairs({ "ann", "bob", "cid", "dan" }) do
          log[#log + 1] = asked(u, "10.0.0.40", n * 120 + i * 7, "0x12")
        end
      end
      local r = sc.triage(log)
      none(r, "user_enumeration")
      local f = one(r, "account_revoked")
      assert.are.same({ "stale_credential", 24 }, { f.reading, f.count })
      assert.matches("locked-out user, the Remote Desktop sessions", f.check[1], 1, true)
    end)

    -- One 0x12 for one account from its user's PC: Kerberos refused the
    -- account, which may be disabled, expired, locked or outside its logon
    -- hours.  Not a lockout.
    it("reports a lone 0x12 as account_revoked, not as a lockout", function()
      local r = sc.triage({ { id = 4768, time = at(0), data = { TargetUserName = "carol",
        TargetDomainName = "CORP.LOCAL", ServiceName = "krbtgt/CORP.LOCAL",
        IpAddress = "::ffff:10.0.0.20", Status = "0x12", PreAuthType = "-",
        TicketEncryptionType = "0xffffffff" } } })
      none(r, "lockout")
      local f = one(r, "account_revoked")
      assert.are.same({ "10.0.0.20" }, f.sources)
    end)

    -- Lockouts come from 4740 (with the caller computer) and from
    -- 0xC0000234 (the account is locked when the logon is tried).
    it("finds lockouts in 4740 and 0xC0000234, with the source that caused them", function()
      local r = sc.triage({
        { id = 4740, time = at(0), data = { TargetUserName = "svc_backup",
          TargetDomainName = "APP01", SubjectDomainName = "CORP" } },
        failed_logon("frank", "CORP", "10.0.0.41", "PC41", 10, "0xc0000234") })
      local f = one(r, "lockout")
      assert.are.same({ "10.0.0.41", "APP01" }, sc.sorted(f.sources))
      assert.are.equal(2, f.count)
      assert.is_string(f.severity)
      assert.not_matches("no Caller Computer Name", joined(f), 1, true)
    end)

    -- A 4740 with its Caller Computer Name blank (its TargetDomainName
    -- field empty): "find what runs there" has no there.  Every bad
    -- password of a domain account is passed on to the PDC emulator, whose
    -- 4771 and 4776 name the client; Netlogon's debug log names it where
    -- they do not.
    it("sends the responder to the PDC's records for a lockout that names no caller", function()
      local f = one(sc.triage({ { id = 4740, time = at(0), data = {
        TargetUserName = "carol", TargetDomainName = "", SubjectDomainName = "CORP" } } }),
        "lockout")
      assert.are.same({}, f.sources)
      assert.matches("no Caller Computer Name", f.check[1], 1, true)
      assert.matches("4771", f.check[1], 1, true)
      assert.matches("4776", f.check[1], 1, true)
      assert.matches("nltest /dbflag:0x2080ffff", f.check[1], 1, true)
      assert.not_matches("find what runs there", joined(f), 1, true)
      assert.matches("Unlock only after", f.check[2], 1, true)
      -- (no source: not "the source failed for this account only", which
      -- would say one was looked at)
      assert.are.equal("stale_credential", f.reading)
      assert.matches("name no source", f.why, 1, true)
      assert.not_matches("the source failed", f.why, 1, true)
    end)

    -- A lockout that names its caller, which failed for no other account:
    -- that source was looked at, and the finding says so.
    it("says a lockout's caller failed for that account alone", function()
      local f = one(sc.triage({ failed_logon("frank", "CORP", "10.0.0.41", "PC41", 10,
                                             "0xc0000234") }), "lockout")
      assert.are.equal("stale_credential", f.reading)
      assert.are.equal("the source failed for this account only", f.why)
    end)

    -- 4740s of svc_backup (caller APP01) and frank (caller frank_caller,
    -- "" for none), a minute apart: their lockout finding.
    local function two_lockouts(frank_caller)
      return one(sc.triage({
        { id = 4740, time = at(0), data = { TargetUserName = "svc_backup",
          TargetDomainName = "APP01", SubjectDomainName = "CORP" } },
        { id = 4740, time = at(60), data = { TargetUserName = "frank",
          TargetDomainName = frank_caller, SubjectDomainName = "CORP" } } }), "lockout")
    end

    -- Two lockouts, each from its own caller (svc_backup from APP01, frank
    -- from PC41): one finding of both, read as stale since neither caller
    -- failed for another account.  Its why must not speak of "the source"
    -- and "this account", as though one source had failed for one account;
    -- nor must guessing at one account from two addresses.
    it("says no source failed for another account where a finding has several", function()
      local f = two_lockouts("PC41")
      assert.are.same({ "APP01", "PC41" }, sc.sorted(f.sources))
      assert.are.equal("stale_credential", f.reading)
      assert.are.equal(
        "none of the sources failed for another account within the window of these attempts",
        f.why)
      local log = {}
      for i = 1, 3 do log[#log + 1] = kerberos_bad("alice", "CORP.LOCAL", "10.0.0.5", i * 20) end
      for i = 1, 3 do
        log[#log + 1] = kerberos_bad("alice", "CORP.LOCAL", "10.0.0.6", 100 + i * 20)
      end
      local g = one(sc.triage(log), "password_guessing")
      assert.are.same({ "10.0.0.5", "10.0.0.6" }, sc.sorted(g.sources))
      assert.are.equal("stale_credential", g.reading)
      assert.not_matches("the source failed", g.why, 1, true)
      assert.matches("none of the sources", g.why, 1, true)
    end)

    -- Six accounts locked out from WS99 in 30 seconds, and nothing else in
    -- the log (a DC's 4740s, as a collection that keeps lockouts alone
    -- has them): each needed its lockout threshold of bad passwords from
    -- WS99, so WS99 guessed at six accounts, a spray past their threshold.
    -- It read as medium, a stale credential, "none of the sources failed
    -- for another account", which is false.  Two lockouts from a server
    -- within the window are its users' old passwords as often as not.
    it("reads many accounts locked out from one caller as a spray's lockouts", function()
      local function locks(users, gap, caller)
        local log = {}
        for u = 1, users do
          log[u] = { id = 4740, time = at(u * gap), computer = "dc01.corp.local", data = {
                     TargetUserName = "user" .. u, TargetDomainName = caller or "WS99",
                     SubjectUserName = "DC01$", SubjectDomainName = "CORP" } }
        end
        return log
      end
      local function locked(users, gap) return one(sc.triage(locks(users, gap)), "lockout") end
      local f = locked(6, 5)
      assert.are.same({ "attacker", "high", { "WS99" } }, { f.reading, f.severity, f.sources })
      assert.are.equal(rules.WHY.locked_many:format(6), f.why)
      -- (what the caller is comes first: a front end's users lock theirs too)
      assert.are.equal(rules.LOCKED_MANY, f.check[1])
      -- (not "the source also failed for other accounts": nothing says so)
      assert.not_matches(rules.LOCKOUT_OTHERS, joined(f), 1, true)
      f = locked(2, 5)
      assert.are.same({ "stale_credential", "medium" }, { f.reading, f.severity })
      -- (six, a day apart: each its own stale password)
      f = locked(6, 3600)
      assert.are.equal("stale_credential", f.reading)
      -- (with the bad passwords behind them in the log too: high all the same)
      local log = locks(6, 40)
      for u = 1, 6 do
        for k = 1, 6 do log[#log + 1] = failed_logon("user" .. u, "CORP", "10.0.0.99", "WS99",
                                                     u * 40 - 14 + k * 2) end
      end
      f = one(sc.triage(log), "lockout")
      assert.are.same({ "attacker", "high" }, { f.reading, f.severity })
      assert.matches(rules.LOCKOUT_OTHERS, joined(f), 1, true)
      -- (their times lost: no window is known to hold them)
      local recs = sc.records(locks(6, 3600))
      for _, r in ipairs(recs) do r.time = nil end
      assert.are.equal("stale_credential", one(events.triage(recs), "lockout").reading)
      -- (tries after the lock, 0xC0000234, through Outlook on the web: no
      -- lockout of theirs)
      log = {}
      for u = 1, 4 do
        log[u] = via_owa("user" .. u, "10.0.0.250", "-", u * 30)
        log[u].data.SubStatus = "0xc0000234"
      end
      assert.are.equal("medium", one(sc.triage(log), "lockout").severity)
      -- (a caller the log shows to be a web front end, EXCH01 checking its
      -- users' passwords: their phones' lockouts, on a password-change day)
      log = locks(4, 60, "EXCH01")
      for u = 1, 4 do
        for k = 1, 5 do
          log[#log + 1] = via_owa("user" .. u, "10.0.0.250", "-", u * 60 - 20 + k * 3)
        end
      end
      f = one(sc.triage(log), "lockout")
      assert.are.same({ "stale_credential", "medium" }, { f.reading, f.severity })
    end)

    -- svc_backup's lockout from APP01 and frank's, whose 4740 names no
    -- caller: one finding of two accounts, read as stale.  Its why must not
    -- say "the source failed for this account only", as though it had one
    -- account (frank's attempt, naming no source, is an account all the
    -- same).
    it("does not say 'this account' where a sourceless attempt is another account's", function()
      local f = two_lockouts("")
      assert.are.equal(2, #f.accounts)
      assert.are.same({ "APP01" }, f.sources)
      assert.are.equal("stale_credential", f.reading)
      assert.not_matches("this account", f.why, 1, true)
      -- (and that frank's names none: APP01 is all that was looked at)
      assert.are.equal(
        "none of the sources named failed for another account within the window of these " ..
        "attempts, and some of the attempts name no source, whose other failures could not " ..
        "be looked at", f.why)
    end)

    -- frank locked out twice in an hour: one 4740 names PC41 as the
    -- caller, the other names none.  PC41 failed for him alone, but the
    -- second lockout's caller is not known to be PC41: the why says both.
    it("says a lockout's caller failed for that account alone, and that one names none",
       function()
      local f = one(sc.triage({
        { id = 4740, time = at(0), data = { TargetUserName = "frank",
          TargetDomainName = "PC41", SubjectDomainName = "CORP" } },
        { id = 4740, time = at(3600), data = { TargetUserName = "frank",
          TargetDomainName = "", SubjectDomainName = "CORP" } } }), "lockout")
      assert.are.same({ "PC41" }, f.sources)
      assert.are.equal("stale_credential", f.reading)
      assert.are.equal("the source named failed for this account only, and some of the " ..
                       "attempts name no source, whose other failures could not be looked at",
                       f.why)
      assert.matches("no Caller Computer Name", f.check[1], 1, true)
    end)

    -- The PDC's own log: carol's 4740 names no caller, but the 4771s
    -- (Kerberos pre-authentication failed, 0x18: her bad password) that
    -- locked her out are in the same log, from 10.0.0.77, in the minute
    -- before.  That is the caller: the finding names it and sends the
    -- responder there first.  An older bad password from elsewhere, an
    -- hour before, is not behind this lockout.
    it("names a caller-less lockout's source from the bad passwords in the same log", function()
      local function preauth(ip, t)
        return { id = 4771, time = at(t), data = { TargetUserName = "carol",
                 ServiceName = "krbtgt/CORP", IpAddress = "::ffff:" .. ip, Status = "0x18" } }
      end
      local log = { preauth("10.0.0.9", -3600) }
      for i = 1, 3 do log[#log + 1] = preauth("10.0.0.77", -60 + i * 10) end
      log[#log + 1] = { id = 4740, time = at(0), data = { TargetUserName = "carol",
                        TargetDomainName = "", SubjectDomainName = "CORP" } }
      local f = one(sc.triage(log), "lockout")
      assert.are.same({ "10.0.0.77" }, f.callers)
      assert.matches("came from 10.0.0.77", f.check[1], 1, true)
      assert.matches("no Caller Computer Name", f.check[2], 1, true)
      -- (with no bad password in the log, none is named)
      assert.is_nil(one(sc.triage({ log[1], log[#log] }), "lockout").callers)
    end)

    -- Two caller-less lockouts in one finding, carol's after bad
    -- passwords from 10.0.0.77 and dave's after bad passwords from
    -- 10.0.0.88: the advice says whose each caller is, so that no one
    -- looks for carol's old password on dave's device.
    it("says whose bad passwords each caller of a caller-less lockout gave", function()
      local function preauth(user, ip, t)
        return { id = 4771, time = at(t), data = { TargetUserName = user,
                 ServiceName = "krbtgt/CORP", IpAddress = "::ffff:" .. ip, Status = "0x18" } }
      end
      local function lockout(user, t)
        return { id = 4740, time = at(t), data = { TargetUserName = user, TargetDomainName = "",
                 SubjectDomainName = "CORP" } }
      end
      local log = {}
      for i = 1, 3 do log[#log + 1] = preauth("carol", "10.0.0.77", -60 + i * 10) end
      log[#log + 1] = lockout("carol", 0)
      for i = 1, 3 do log[#log + 1] = preauth("dave", "10.0.0.88", 1000 + i * 10) end
      log[#log + 1] = lockout("dave", 1100)
      local f = one(sc.triage(log), "lockout")
      assert.are.same({ "10.0.0.77", "10.0.0.88" }, f.callers)
      assert.matches("came from 10.0.0.77 (CORP\\carol), 10.0.0.88 (CORP\\dave)", f.check[1],
                     1, true)
    end)

    -- No 4740 at all: a 4776 answered 0xC0000234 (the account was already
    -- locked) names no workstation.  That is no 4740 without a caller: the
    -- advice must not say one is here, nor name the bad passwords before
    -- it as the lockout's callers.
    it("says no 4740 lacks a caller where only a 4776 names none", function()
      local log = {}
      for i = 1, 3 do log[i] = ntlm("carol", "WS12", i * 10) end
      log[4] = ntlm("carol", "-", 60, "0xc0000234")
      local f = one(sc.triage(log), "lockout")
      assert.not_matches("no Caller Computer Name", joined(f), 1, true)
      assert.is_nil(f.callers)
    end)
  end)

  describe("findings: Kerberos abuse", function()
    local function tgs(user, service, enc, t, status)
      return { id = 4769, time = at(t), data = { TargetUserName = user .. "@CORP.LOCAL",
        TargetDomainName = "CORP.LOCAL", ServiceName = service, TicketEncryptionType = enc,
        IpAddress = "::ffff:10.0.0.50", Status = status or "0x0" } }
    end

    -- Rubeus or GetUserSPNs asks for an RC4 ticket for every user account
    -- with an SPN: four in ten seconds.  Computer accounts ($) and krbtgt are
    -- not roastable (random keys), and AES tickets (0x12) are the normal
    -- case.
    it("finds kerberoasting: RC4 and DES service tickets for user-account services", function()
      local r = sc.triage({
        tgs("alice", "svc_sql", "0x17", 0), tgs("alice", "svc_web", "0x17", 2),
        tgs("alice", "svc_backup", "0x18", 4), tgs("alice", "svc_sccm", "0x3", 6),
        tgs("alice", "svc_legacy", "0x1", 8),
        tgs("alice", "FS01$", "0x17", 9), tgs("alice", "krbtgt", "0x17", 9.5),
        tgs("alice", "svc_files", "0x12", 10) })
      local f = one(r, "kerberoasting")
      assert.are.equal("high", f.severity)
      assert.are.same({ "svc_backup", "svc_legacy", "svc_sccm", "svc_sql", "svc_web" },
                      sc.sorted(f.services))
      assert.are.same({ "10.0.0.50" }, f.sources)
      assert.are.equal(1, #f.accounts)
      assert.matches("alice", f.accounts[1])
    end)

    -- One RC4 ticket for one service is what an old client does too: named,
    -- but ranked below a burst.  Its advice is one client's (an old client,
    -- or that one account roasted), not the many clients' of a service
    -- whose account lacks AES.
    it("ranks one roasted service below many, with one client's advice", function()
      local f = one(sc.triage({ tgs("alice", "svc_sql", "0x17", 0) }), "kerberoasting")
      assert.are.equal("medium", f.severity)
      assert.are.same({ "10.0.0.50" }, f.sources)
      assert.matches("^One client alone", f.check[1])
      for _, line in ipairs(f.check) do assert.no.matches("Many clients", line, 1, true) end
      assert.matches("msDS-SupportedEncryptionTypes", f.check[2], 1, true)
    end)

    -- svc_legacy's account has no AES in msDS-SupportedEncryptionTypes,
    -- which the KDC reads for the tickets to that account (MS-ADA2 2.481):
    -- each of twelve users, on twelve workstations over two hours, gets
    -- the one RC4 ticket the KDC gives anyone.  No one is roasting; the
    -- fix is on the service's account: one finding of the service, not
    -- twelve of its clients.  Alice's burst of five services in ten
    -- seconds the same morning is a tool's, a finding of its own, and her
    -- svc_legacy ticket in it is not told again.
    it("tells one service's RC4 tickets to many clients as one finding of that service",
       function()
      local log = {}
      for i = 1, 12 do
        log[i] = tgs("user" .. i, "svc_legacy", "0x17", i * 600)
        log[i].data.IpAddress = "::ffff:10.0.1." .. (10 + i)
      end
      for i, svc in ipairs({ "svc_sql", "svc_web", "svc_backup", "svc_sccm", "svc_legacy" }) do
        log[#log + 1] = tgs("alice", svc, "0x17", 9000 + i * 2)
      end
      local list = sc.findings(sc.triage(log), "kerberoasting")
      assert.are.equal(2, #list)
      local burst, legacy = list[1], list[2]
      assert.are.same({ "attacker", "high", 5 }, { burst.reading, burst.severity, burst.count })
      assert.are.same({ "stale_credential", "medium" }, { legacy.reading, legacy.severity })
      assert.are.same({ "svc_legacy" }, legacy.services)
      assert.are.equal(12, legacy.count)
      assert.are.equal(12, #legacy.accounts)
      assert.matches("msDS-SupportedEncryptionTypes", legacy.check[1], 1, true)
      assert.matches("^Many clients", legacy.check[1])
    end)

    -- KRB_AP_ERR_SKEW (0x25): the client's clock and the KDC's are more than
    -- five minutes apart.  One workstation failing: its clock.  Three
    -- workstations in ten minutes, each for its own user: the clock they
    -- share is the DC's, and the advice starts there.
    it("sends the responder to the DC's clock when several clients fail for skew", function()
      local function skew(user, ip, t)
        return { id = 4771, time = at(t), data = { TargetUserName = user,
                 ServiceName = "krbtgt/CORP.LOCAL", IpAddress = "::ffff:" .. ip,
                 Status = "0x25" } }
      end
      local one_pc = one(sc.triage({ skew("ann", "10.0.2.10", 0) }), "clock_skew")
      assert.not_matches("w32tm /query /status", joined(one_pc), 1, true)
      -- (why it reads as it does: a clock, not a password tried at one account)
      assert.matches("client's own clock", one_pc.why, 1, true)
      local f = one(sc.triage({ skew("ann", "10.0.2.10", 0), skew("ben", "10.0.2.11", 200),
                                skew("cid", "10.0.2.12", 400) }), "clock_skew")
      assert.are.equal(3, #f.sources)
      assert.matches("domain controller's", f.check[1], 1, true)
      assert.matches("w32tm /query /status", f.check[1], 1, true)
      assert.matches("the KDC's", f.why, 1, true)
    end)

    -- Rubeus asking for RC4 tickets where the services' accounts take AES
    -- alone: the KDC refuses each with KDC_ERR_ETYPE_NOSUPP (0xE, RFC 4120:
    -- no encryption type the client offered is supported).  Five services
    -- in four seconds from bob: nothing to crack, but a tool ran with bob's
    -- account.  An old client refused again and again for one service is
    -- not that; nor are computer accounts' services.
    it("finds a roasting burst the KDC refused for its encryption type", function()
      local log = {}
      for i, svc in ipairs({ "svc_sql", "svc_web", "svc_backup", "svc_sccm", "svc_exch" }) do
        log[i] = tgs("bob", svc, "0xffffffff", i, "0xe")
      end
      local f = one(sc.triage(log), "kerberoasting")
      assert.are.same({ "attacker", "high", 5 }, { f.reading, f.severity, f.count })
      assert.is_nil(f.refused_services)
      assert.matches("none was issued to crack", f.check[1], 1, true)
      assert.not_matches("can crack these tickets", joined(f), 1, true)
      -- (the same run meeting services that still give RC4: one burst, of
      -- the two tickets issued, which can be cracked and whose passwords
      -- are to be reset, the four refused named beside them)
      log = {}
      for i, svc in ipairs({ "svc_sql", "svc_backup", "svc_web", "svc_sccm", "svc_exch",
                             "svc_ftp" }) do
        local issued = svc == "svc_sql" or svc == "svc_web"
        log[i] = tgs("bob", svc, issued and "0x17" or "0xffffffff", i, not issued and "0xe" or nil)
      end
      f = one(sc.triage(log), "kerberoasting")
      assert.are.same({ "attacker", "high" }, { f.reading, f.severity })
      assert.are.same({ "svc_sql", "svc_web" }, sc.sorted(f.services))
      assert.are.same({ "svc_backup", "svc_exch", "svc_ftp", "svc_sccm" },
                      sc.sorted(f.refused_services))
      assert.matches("crack these tickets", f.check[1], 1, true)
      log = {}
      for i = 1, 6 do log[i] = tgs("carl", "svc_old", "0xffffffff", i * 30, "0xe") end
      for i, svc in ipairs({ "FS01$", "FS02$", "FS03$", "FS04$" }) do
        log[#log + 1] = tgs("dina", svc, "0xffffffff", i, "0xe")
      end
      none(sc.triage(log), "kerberoasting")
    end)

    -- A refused request (status not 0) gave no ticket to crack.
    it("does not count a refused service ticket request", function()
      none(sc.triage({ tgs("alice", "svc_sql", "0x17", 0, "0x1b") }), "kerberoasting")
    end)

    -- GetNPUsers and Rubeus asreproast ask for a TGT without
    -- pre-authentication; the KDC answers for accounts that do not require
    -- it, and the answer can be cracked offline.  4768 with PreAuthType 0.
    it("finds AS-REP roasting: TGTs issued without pre-authentication", function()
      local r = sc.triage({
        tgt("svc_legacy", "CORP.LOCAL", "10.0.0.66", 0, "0"),
        tgt("old_app", "CORP.LOCAL", "10.0.0.66", 1, "0"),
        tgt("alice", "CORP.LOCAL", "10.0.0.20", 2, "2") })
      local f = one(r, "asrep_roasting")
      assert.are.equal("high", f.severity)
      assert.are.equal(2, #f.accounts)
      assert.are.same({ "10.0.0.66" }, f.sources)
      assert.matches("a tool's", f.why, 1, true)
    end)

    -- One TGT without pre-authentication, for one account: no pattern of
    -- many accounts or tickets from one source, and the account's own
    -- logon is logged the same way.  Its why says what it is (a reply
    -- anyone could crack), not that a tool's pattern was seen.
    it("does not call one account's TGT without pre-authentication a tool's pattern", function()
      local f = one(sc.triage({ tgt("svc_legacy", "CORP.LOCAL", "10.0.0.7", 0, "0") }),
                    "asrep_roasting")
      assert.are.equal("attacker", f.reading)
      assert.not_matches("many accounts", f.why, 1, true)
      assert.matches("without pre-authentication", f.why, 1, true)
      assert.matches("its own logon", f.why, 1, true)
    end)

    -- Two accounts' TGTs without pre-authentication whose records name no
    -- client (a 4768 without its IpAddress): still replies anyone could
    -- crack, but no source ties them to one tool, and "one account's TGT"
    -- would be wrong of two.  The why says which of these cannot be told.
    it("says no client is named for several accounts' TGTs without pre-authentication", function()
      local a = tgt("svc_legacy", "CORP.LOCAL", "", 0, "0")
      local b = tgt("old_app", "CORP.LOCAL", "", 5, "0")
      a.data.IpAddress, b.data.IpAddress = nil, nil
      local f = one(sc.triage({ a, b }), "asrep_roasting")
      assert.are.same({ "attacker", 2 }, { f.reading, #f.accounts })
      assert.same({}, f.sources or {})
      assert.not_matches("one account's TGT", f.why, 1, true)
      assert.not_matches("from one source", f.why, 1, true)
      assert.matches("name no client", f.why, 1, true)
    end)

    -- A legacy account with pre-authentication off (an old Java or Unix
    -- client needs it) logs on all day from the sixty hosts that run its
    -- application: each of them gets its TGT without pre-authentication.
    -- What an administrator has to fix is one account, so the report says
    -- it once, with its sixty sources (fifty listed, and how many), not
    -- sixty times; and as its count is its own logons', not an attack's
    -- size, it ranks after a spray of 25 accounts of the same severity.
    -- A tool that asked for two accounts from one host the same day is
    -- still a finding of its own source, and the legacy account's TGTs
    -- from that host go with it; two that name no client are told apart.
    it("tells one account's TGTs without pre-authentication from many hosts once", function()
      local log = {}
      for i = 1, 60 do
        log[#log + 1] = tgt("svc_legacy", "CORP.LOCAL", "10.0.1." .. i, i * 60, "0")
        log[#log + 1] = tgt("svc_legacy", "CORP.LOCAL", "10.0.1." .. i, i * 60 + 3600, "0")
      end
      log[#log + 1] = tgt("svc_legacy", "CORP.LOCAL", "10.0.0.66", 20000, "0")
      log[#log + 1] = tgt("old_app", "CORP.LOCAL", "10.0.0.66", 20001, "0")
      for i = 1, 2 do
        local e = tgt("svc_legacy", "CORP.LOCAL", "", 21000 + i, "0")
        e.data.IpAddress = nil
        log[#log + 1] = e
      end
      for i = 1, 25 do
        log[#log + 1] = kerberos_bad("user" .. i, "CORP.LOCAL", "10.9.9.9", 22000 + i)
      end
      local r = sc.triage(log)
      local tools, own, unsourced = {}, {}, {}
      for _, f in ipairs(r.findings) do
        if f.kind == "asrep_roasting" then
          local to = #f.accounts > 1 and tools or #f.sources == 0 and unsourced or own
          to[#to + 1] = f
        end
      end
      assert.are.equal(1, #tools)
      assert.are.same({ "10.0.0.66" }, tools[1].sources)
      assert.matches("a tool's", tools[1].why, 1, true)
      assert.are.same({ 1, 1 }, { #own, #unsourced })
      local f = own[1]
      assert.are.same({ "CORP.LOCAL\\svc_legacy", 120, 50, 60, "high" },
                      { f.accounts[1], f.count, #f.sources, f.sources_total, f.severity })
      assert.are.equal(rules.WHY.no_preauth_sources:format(60), f.why)
      assert.are.same({ 2, rules.WHY.no_preauth }, { unsourced[1].count, unsourced[1].why })
      local rank = {}
      for i, x in ipairs(r.findings) do rank[x] = i end
      assert.is_true(rank[one(r, "password_spray")] < rank[f])
      -- (the text report counts the sources it leaves out from all sixty)
      local text = require("logonerr.events.report").render(r, "text")
      assert.matches("10.0.1.8 (+52 more)", text, 1, true)
    end)
  end)

  describe("findings: what each finding tells, when one source did two things", function()
    -- The two mitre samples read together: 10.0.0.66 guessed at bob's
    -- password, 12 tries in 22 s on one day; the next day the same
    -- address tried one password on six accounts in 10 s, bob's among
    -- them.  Two attacks, each a finding of its own time: a guessing run
    -- of 12 (bob's try in the spray is one password, no guessing) and a
    -- spray of 6 on the second day (bob's 12 the day before were not a
    -- spray).  A report of 13 guesses and an 18-event "spray" from the
    -- first day to the second would send a responder to the wrong day.
    -- A stray bad password for bob a week later is in neither.
    it("tells each attack by its own records and times", function()
      local log, day = {}, 86400
      for i = 0, 11 do log[#log + 1] = kerberos_bad("bob", "CORP.LOCAL", "10.0.0.66", i * 2) end
      for i, u in ipairs({ "ann", "bob", "cid", "dan", "eve", "fay" }) do
        log[#log + 1] = kerberos_bad(u, "CORP.LOCAL", "10.0.0.66", day + i * 2)
      end
      log[#log + 1] = kerberos_bad("bob", "CORP.LOCAL", "10.0.0.66", 7 * day)
      local r = sc.triage(log)
      local g = one(r, "password_guessing")
      assert.are.equal(12, g.count)
      assert.are.equal(select(2, events.time(at(0))), g.first)
      assert.are.equal(select(2, events.time(at(22))), g.last)
      -- (read by its own day: 12 tries, under the 20 in five minutes that
      -- only a tool sends, and for bob alone; the spray the next day is an
      -- attack of its own, from the same address, beside it in the report,
      -- and a day apart: an address a NAT or DHCP gives others too)
      assert.are.equal("stale_credential", g.reading)
      assert.are.same({ "10.0.0.66" }, g.sources)
      local s = one(r, "password_spray")
      assert.are.equal(6, s.count)
      assert.are.equal(select(2, events.time(at(day + 2))), s.first)
      assert.are.equal(select(2, events.time(at(day + 12))), s.last)
      assert.are.equal(6, #s.accounts)
      -- (the tables still count every failure)
      assert.are.equal(19, r.failures)
    end)

    -- Six bad passwords for bob from 10.0.0.66 a second apart, then his
    -- logon: the success reads as a tool's (faster than a person types),
    -- and the guessing, six tries under the 20 that only a tool sends,
    -- would read alone as his phone's old password, beside it: the same
    -- failures, so the same attacker, and "update the password on the
    -- phone" would send the responder the wrong way.  Through a front end
    -- (an Exchange server's w3wp.exe, where users' phones fail whatever
    -- else does) the guessing keeps a stale password's advice, with the
    -- front end's line; so does a person typing at WS01's logon screen
    -- beside a 4648 finding of WS01's own (that finding's source is the
    -- host its program ran on, not a client trying passwords).
    it("reads guessing beside an attack from the same source at the same time as it", function()
      local log = {}
      for i = 1, 6 do log[i] = kerberos_bad("bob", "CORP.LOCAL", "10.0.0.66", i) end
      log[7] = tgt("bob", "CORP.LOCAL", "10.0.0.66", 6.5)
      local r = sc.triage(log)
      assert.are.equal("attacker", one(r, "success_after_failures").reading)
      local g = one(r, "password_guessing")
      assert.are.same({ "attacker", "high" }, { g.reading, g.severity })
      assert.matches("another finding read as an attack, within the window", g.why, 1, true)
      -- (the front end)
      log = {}
      for i = 1, 6 do log[i] = via_owa("bob", "10.0.0.25", "EXCH01", i) end
      log[7] = logged_on("bob", "10.0.0.25", "EXCH01", 6.5)
      r = sc.triage(log)
      assert.are.equal("attacker", one(r, "success_after_failures").reading)
      g = one(r, "password_guessing")
      assert.are.equal("stale_credential", g.reading)
      assert.matches("passes users' logons on", joined(g), 1, true)
      -- (a 4648 finding of WS01's, and carol's typos at its console)
      log = {}
      for i = 1, 4 do
        log[#log + 1] = { id = 4648, time = at(i), computer = "ws01.corp.local", data = {
          SubjectUserName = "eve", SubjectDomainName = "CORP", TargetUserName = "user" .. i,
          TargetDomainName = "CORP", TargetServerName = "fs01.corp.local",
          ProcessName = "C:\\Tools\\kit.exe", IpAddress = "10.0.0.10" } }
      end
      for i = 1, 6 do
        local e = failed_logon("carol", "CORP", "127.0.0.1", "WS01", 10 + i * 20, nil,
                               "ws01.corp.local")
        e.data.LogonType, e.data.LogonProcessName = "2", "User32 "
        e.data.ProcessName = "C:\\Windows\\System32\\svchost.exe"
        log[#log + 1] = e
      end
      r = sc.triage(log)
      assert.are.equal("attacker", one(r, "explicit_credentials").reading)
      assert.are.equal("stale_credential", one(r, "password_guessing").reading)
    end)

    -- alice's phone fails four times through Exchange's IIS (w3wp.exe,
    -- logon type 8) from a carrier's address, 100.20.30.40, with her old
    -- password; in the same minutes 185.220.101.5 tries her password
    -- twice over SMB (a network logon, type 3, no process).  One guess of
    -- six.  The phone's failures are routine, and its address, the
    -- carrier's, no attacker's; but the internet address's tries came to
    -- the server directly, as the internet's finding beside it says: an
    -- attack's.  The guess read as a stale password, whole, because one of
    -- its processes was IIS.  Each source is now judged by its own
    -- failures: the carrier's address, all through the front end, is
    -- passed over and not named; 185.220.101.5 is named.  Inside alike:
    -- KALI sprays six accounts and tries alice's password once an hour,
    -- while her phone fails through the front end's own address, through
    -- which a spray came that day too: KALI is named, the front end's
    -- address is no attacker's (all its failures came through IIS).  A
    -- guess whose failures all came through the front end stays a stale
    -- password's.  So do mistypes at PC07's own logon screen (winlogon.exe,
    -- typed there), beside an attack by a program on PC07: where an
    -- internet address tried the account too, that address is named, and
    -- PC07's screen is not, as it was not where it was the only source.
    it("judges each source of a guess beside an attack by its own failures, not by IIS's",
       function()
      local SOME_OUT = "of its sources, this one reached the host directly from the internet, " ..
                       "not through a web front end (outside the network unless --internal " ..
                       "names its block as the network's own): 185.220.101.5"
      local log = {}
      for i = 1, 6 do log[i] = via_owa("alice", "100.20.30.40", "-", i * 30) end
      local g = one(sc.triage(log), "password_guessing")
      assert.are.equal("stale_credential", g.reading)
      for i = 5, 6 do log[i] = failed_logon("alice", "CORP", "185.220.101.5", "-", i * 30) end
      g = one(sc.triage(log), "password_guessing")
      assert.are.same({ "100.20.30.40", "185.220.101.5" }, sc.sorted(g.sources))
      assert.are.same({ "attacker", "high" }, { g.reading, g.severity })
      assert.are.equal(SOME_OUT, g.why)

      log = {}
      for i = 1, 6 do log[i] = via_owa("user" .. i, "10.0.0.25", "EXCH01", i * 5) end
      for i = 1, 10 do log[#log + 1] = via_owa("alice", "10.0.0.25", "EXCH01", 1800 + 3600 * i) end
      g = one(sc.triage(log), "password_guessing")
      assert.are.same({ true, "stale_credential" }, { g.slow, g.reading })
      for i = 1, 5 do
        log[#log + 1] = failed_logon("alice", "CORP", "10.0.0.66", "KALI", 3600 * i)
      end
      for i = 1, 6 do
        log[#log + 1] = failed_logon("user" .. i, "CORP", "10.0.0.66", "KALI", 20000 + i * 5)
      end
      g = one(sc.triage(log), "password_guessing")
      assert.are.same({ "10.0.0.25", "10.0.0.66" }, sc.sorted(g.sources))
      assert.are.same({ "attacker", "medium" }, { g.reading, g.severity })
      assert.are.equal("of its sources, this one is in another finding read as an attack, " ..
                       "within the window of these attempts: 10.0.0.66", g.why)

      -- (PC07's screen, beside AccountRestore.exe's burst and logon there)
      local TOOL = "C:\\Users\\admin\\Desktop\\restore\\AccountRestore.exe"
      log = {}
      for i = 1, 25 do log[i] = at_pc07("Administrator", i * 0.1, TOOL, "2") end
      log[26] = { id = 4624, time = at(200), computer = "PC07.corp.local", data = {
                  TargetUserName = "Administrator", TargetDomainName = "PC07", LogonType = "2",
                  LogonProcessName = "Advapi", WorkstationName = "PC07", IpAddress = "-",
                  ProcessName = TOOL } }
      for i = 1, 5 do
        log[#log + 1] = at_pc07("erin", 300 + i * 20, "C:\\Windows\\System32\\winlogon.exe", "2")
      end
      local r = sc.triage(log)
      assert.are.equal("attacker", one(r, "success_after_failures").reading)
      local typos
      for _, f in ipairs(sc.findings(r, "password_guessing")) do
        if f.accounts[1] == "PC07\\erin" then typos = f end
      end
      assert.are.same({ { "PC07" }, "stale_credential" }, { typos.sources, typos.reading })
      for i = 1, 2 do
        log[#log + 1] = at_pc07("erin", 330 + i * 20, "-", "3", "185.220.101.5")
      end
      r = sc.triage(log)
      for _, f in ipairs(sc.findings(r, "password_guessing")) do
        if f.accounts[1] == "PC07\\erin" then typos = f end
      end
      assert.are.same({ "185.220.101.5", "PC07" }, sc.sorted(typos.sources))
      assert.are.equal("attacker", typos.reading)
      assert.are.equal(SOME_OUT, typos.why)
    end)

    -- A program on PC07, AccountRestore.exe, tries 25 passwords for its
    -- Administrator in 2.5 s and logs on with the last: an attack, whose
    -- source is PC07.  Two minutes later erin mistypes five times at
    -- PC07's own logon screen (winlogon.exe, typed there), then a logon of
    -- hers that names no source follows (a 4776 with no workstation).  A
    -- success that names no source is read by its failures' sources; these
    -- were typed at the screen by a person at the console (the program
    -- asks for its logons itself, Advapi in its own process), and the
    -- guess of those same five failures reads as her mistypes ("ask the
    -- account's owner").  Reading the success as the attack's would say
    -- "treat her account as taken" beside it, for a program's tries at
    -- another account.  The screen is passed over for the success as for
    -- the guess; where one of her failures from PC07 is the program's own
    -- (Advapi, no screen), PC07 is read, and the success is the attack's,
    -- as her guess is then.  So it is where the program's tries come
    -- within minutes of her mistypes: her guess is read as an attack by
    -- itself (its source failed for another account in the window), and
    -- the success after those same failures is that attack's, the screen
    -- or not: passing over a front end is for what else its source does.
    it("passes over mistypes at a host's logon screen for a success naming no source",
       function()
      local TOOL = "C:\\Users\\admin\\Desktop\\restore\\AccountRestore.exe"
      local WINLOGON = "C:\\Windows\\System32\\winlogon.exe"
      local log = {}
      for i = 1, 25 do log[i] = at_pc07("Administrator", i * 0.1, TOOL, "2") end
      log[26] = { id = 4624, time = at(200), computer = "PC07.corp.local", data = {
                  TargetUserName = "Administrator", TargetDomainName = "PC07", LogonType = "2",
                  LogonProcessName = "Advapi", WorkstationName = "PC07", IpAddress = "-",
                  ProcessName = TOOL } }
      for i = 1, 5 do log[#log + 1] = at_pc07("erin", 300 + i * 20, WINLOGON, "2") end
      log[#log + 1] = { id = 4776, time = at(420), computer = "PC07.corp.local", data = {
                        TargetUserName = "erin", Workstation = "", Status = "0x0" } }
      local function erins(r, kind)
        for _, f in ipairs(sc.findings(r, kind)) do
          if f.accounts[1] == "PC07\\erin" then return f end
        end
      end
      local r = sc.triage(log)
      local s = erins(r, "success_after_failures")
      assert.are.same({}, s.sources)
      assert.are.same({ "stale_credential", "medium" }, { s.reading, s.severity })
      assert.matches("names no source", s.why, 1, true)
      assert.are.equal("stale_credential", erins(r, "password_guessing").reading)
      -- (one of them the program's, from PC07 too)
      log[#log + 1] = at_pc07("erin", 350, TOOL, "2")
      r = sc.triage(log)
      s = erins(r, "success_after_failures")
      assert.are.same({ "attacker", "critical" }, { s.reading, s.severity })
      local FROM_PC07 = "the success's record names no source, and failures before it came " ..
                        "from sources another finding reads as an attack, within the window " ..
                        "of these attempts: PC07"
      assert.are.equal(FROM_PC07, s.why)
      assert.are.equal("attacker", erins(r, "password_guessing").reading)
      -- (the program's burst at Administrator a minute before her mistypes)
      log[#log] = nil
      for i = 1, 25 do log[i].time = at(260 + i * 0.1) end
      log[26].time = at(263)
      r = sc.triage(log)
      local g = erins(r, "password_guessing")
      assert.are.same({ "attacker", "the source also failed for other accounts within the window" },
                      { g.reading, g.why })
      s = erins(r, "success_after_failures")
      assert.are.same({ "attacker", FROM_PC07 }, { s.reading, s.why })
    end)

    -- alice's phone, on the guest Wi-Fi, whose clients reach the servers
    -- through one address (10.30.0.1, a NAT), fails five times through
    -- ADFS (Microsoft.IdentityServer.ServiceHost.exe, a network logon)
    -- with her old password; three minutes later she types the new one
    -- and the phone logs on through ADFS.  Two minutes after that the same
    -- address tries six accounts over SMB on the file server: a spray,
    -- from someone else behind the NAT perhaps.  The phone's failures and
    -- logon all came through the front end, which users' phones fail and
    -- log on through whatever else the address does: its success is read
    -- as her guess is, a stale password's.  It read as the spray's
    -- (critical): a logon kept as a count did not keep the process it came
    -- through, so the reconciliation saw none.
    --   Where alice also logs on to the file server over SMB from that
    -- address right after, with no front end between, the address is read
    -- by that logon: one of the account's own, directly from where a spray
    -- comes minutes later, is the spray's to rule out first, whatever came
    -- through ADFS beside it.  A success is passed over only where all its
    -- logons came through a front end, not any one.
    --   Where the spray comes a minute after her one logon, within the
    -- window of her failures, her guess is read as an attack by itself (its
    -- source tried other accounts with them), and the logon after those
    -- failures is that attack's, through ADFS or not.  And from a
    -- carrier's internet address, with no spray, the logon through ADFS
    -- after the phone's failures is read as they are, where it read as an
    -- attack for the address alone: the internet's own finding still
    -- names the logon.  Read in parts (-j), a logon through ADFS in each,
    -- the same; a part that says a count came through a process that is
    -- no front end is refused.
    it("passes over a success through a web front end beside an attack, not one direct beside it",
       function()
      local ADFS = "C:\\Windows\\ADFS\\Microsoft.IdentityServer.ServiceHost.exe"
      local NAT = "10.30.0.1"
      local function via_adfs(e)
        e.computer, e.data.ProcessName = "adfs01.corp.local", ADFS
        e.data.LogonProcessName, e.data.ProcessId = "Advapi  ", "0x8c4"
        return e
      end
      -- (the phone from ip; the spray from there from spray on, if given)
      local function phone(ip, spray)
        local log = {}
        for i = 1, 5 do log[i] = via_adfs(failed_logon("alice", "CORP", ip, "-", i * 20 - 20)) end
        log[6] = via_adfs(logged_on("alice", ip, "-", 290))
        log[7] = via_adfs(logged_on("alice", ip, "-", 350)) -- (the phone again)
        for i = 1, spray and 6 or 0 do
          log[#log + 1] = failed_logon("user" .. i, "CORP", ip, "-", spray + i * 5)
        end
        return log
      end
      local TYPO = "failures at a person's pace, then the success, from the same source"
      local NEARBY = "the source is in another finding read as an attack, within the window " ..
                     "of these attempts"
      local log = phone(NAT, 400)
      local r = sc.triage(log)
      assert.are.equal("attacker", one(r, "password_spray").reading)
      assert.are.equal("stale_credential", one(r, "password_guessing").reading)
      local s = one(r, "success_after_failures")
      assert.are.same({ { NAT }, "stale_credential", "medium", TYPO },
                      { s.sources, s.reading, s.severity, s.why })
      local triage, wire = require "logonerr.events.triage", require "logonerr.events.wire"
      local recs = sc.records(log)
      local whole = triage.new(triage.DEFAULTS)
      for _, rec in ipairs(recs) do whole:add(rec) end
      s = one(whole:finish(), "success_after_failures")
      assert.are.equal("stale_credential", s.reading)
      for _, live in ipairs({ false, true }) do
        local a, b = triage.new(triage.DEFAULTS), triage.new(triage.DEFAULTS)
        for k, rec in ipairs(recs) do (k <= 6 and a or b):add(rec) end
        local st = b:state(live)
        if not live then st = wire.decode(wire.encode(st)) end
        assert.is_true(a:merge(st))
        assert.are.same(s, one(a:finish(), "success_after_failures"))
      end
      local b = triage.new(triage.DEFAULTS)
      for k = 7, #recs do b:add(recs[k]) end
      local st = wire.decode(wire.encode(b:state()))
      st.found.sums[1].front = "C:\\Tools\\kit.exe"
      assert.is_nil(triage.new(triage.DEFAULTS):merge(st))
      -- (and her logon to the file server from there, no front end between)
      log[#log + 1] = logged_on("alice", NAT, "-", 295)
      r = sc.triage(log)
      s = one(r, "success_after_failures")
      assert.are.same({ { NAT }, "attacker", "critical", NEARBY },
                      { s.sources, s.reading, s.severity, s.why })
      assert.are.equal(2, #s.successes)
      assert.are.equal("stale_credential", one(r, "password_guessing").reading)
      -- (the spray a minute after her logon, the phone's once)
      log = phone(NAT, 295)
      table.remove(log, 7)
      r = sc.triage(log)
      local g = one(r, "password_guessing")
      assert.are.same({ "attacker", "the source also failed for other accounts within the window" },
                      { g.reading, g.why })
      s = one(r, "success_after_failures")
      assert.are.same({ "attacker", "critical", NEARBY }, { s.reading, s.severity, s.why })
      -- (a carrier's internet address)
      r = sc.triage(phone("100.20.30.40"))
      assert.are.equal("stale_credential", one(r, "password_guessing").reading)
      s = one(r, "success_after_failures")
      assert.are.same({ "stale_credential", "medium", TYPO }, { s.reading, s.severity, s.why })
      -- (all of it through ADFS, which the host publishes: medium, and
      -- the logon named, for its owner to confirm)
      local p = one(r, "public_source")
      assert.are.same({ "attacker", "medium", "CORP\\alice" },
                      { p.reading, p.severity, p.logged_on[1].identity })
      assert.matches("^logons succeeded from internet addresses, each through a web front end",
                     p.why)
    end)

    -- Six tries in ten seconds one day, then fifteen over ten hours two
    -- days later: a burst and slow guessing at one account, one finding
    -- of all 21 (the slow run was dropped beside a fast one).
    it("keeps slow guessing beside a burst at the same account", function()
      local log = {}
      for i = 0, 5 do log[#log + 1] = kerberos_bad("gina", "CORP.LOCAL", "10.0.0.99", i * 2) end
      for i = 0, 14 do
        log[#log + 1] = kerberos_bad("gina", "CORP.LOCAL", "10.0.0.99", 2 * 86400 + i * 2400)
      end
      local f = one(sc.triage(log), "password_guessing")
      assert.are.equal(21, f.count)
      assert.is_nil(f.slow)
      assert.are.equal(select(2, events.time(at(2 * 86400 + 14 * 2400))), f.last)
    end)

    -- Twelve tries one day and twelve a week later, each at a person's
    -- pace over hours: two runs of slow guessing, one finding of both.
    it("keeps slow guessing over a day whole, and both of its runs", function()
      local log = {}
      for _, base in ipairs({ 0, 7 * 86400 }) do
        for i = 0, 11 do
          log[#log + 1] = kerberos_bad("gina", "CORP.LOCAL", "10.0.0.99", base + i * 3600)
        end
      end
      local f = one(sc.triage(log), "password_guessing")
      assert.is_true(f.slow)
      assert.are.equal(24, f.count)
    end)
  end)

  describe("findings: slow guessing", function()
    -- Twelve tries over a day, one every two hours: never five in five
    -- minutes, so the short window never fires.  The long window (24 h) does.
    local function slow()
      local log = {}
      for i = 0, 11 do log[#log + 1] = kerberos_bad("gina", "CORP.LOCAL", "10.0.0.99", i * 7200) end
      return log
    end

    it("finds a few tries an hour kept up for a day", function()
      local f = one(sc.triage(slow()), "password_guessing")
      assert.is_true(f.slow)
      assert.are.equal(12, f.count)
    end)

    it("takes the long window and its threshold as options", function()
      none(sc.triage(slow(), "xml", { slow_window = 3600 }), "password_guessing")
      none(sc.triage(slow(), "xml", { slow_guessing = 13 }), "password_guessing")
    end)

    -- KALI (10.0.0.66) sprays six accounts, then tries erin's password once
    -- an hour; her own PC31 fails for her too, later that day, as a stale
    -- password would.  One slow finding of both sources, an attack's for
    -- KALI's spray within its day: the why names KALI's address alone.
    local function kali_and_pc31()
      local log = {}
      local function kali(user, t) return failed_logon(user, "CORP", "10.0.0.66", "KALI", t) end
      for i = 1, 6 do log[#log + 1] = kali("user" .. i, i * 5) end
      for i = 1, 5 do log[#log + 1] = kali("erin", 3600 * i) end
      for i = 1, 6 do
        log[#log + 1] = failed_logon("erin", "CORP", "10.0.0.31", "PC31", 30000 + 3600 * i)
      end
      return log
    end
    it("names which of a slow guess's sources another finding reads as an attack", function()
      local f = one(sc.triage(kali_and_pc31()), "password_guessing")
      assert.is_true(f.slow)
      assert.are.same({ "10.0.0.31", "10.0.0.66" }, sc.sorted(f.sources))
      assert.are.equal("attacker", f.reading)
      assert.matches("of its sources, this one is in another finding read as an attack", f.why,
                     1, true)
      assert.matches(": 10.0.0.66$", f.why)
    end)

    -- The same, and erin's password tried from an internet address that
    -- evening too: two sources make it an attack's, for two reasons, and
    -- the why names both, each with its reason (it named KALI's alone, as
    -- if the internet address were one more of erin's own clients).
    it("names a slow guess's internet source beside the one in an attack nearby", function()
      local log = kali_and_pc31()
      for i = 1, 2 do
        log[#log + 1] = failed_logon("erin", "CORP", "185.220.101.5", "-", 50000 + 3600 * i)
      end
      local f = one(sc.triage(log), "password_guessing")
      assert.are.same({ "10.0.0.31", "10.0.0.66", "185.220.101.5" }, sc.sorted(f.sources))
      assert.are.equal("attacker", f.reading)
      assert.matches("another finding read as an attack, within the window of these " ..
                     "attempts: 10.0.0.66; of its other sources, this one reached the host " ..
                     "directly from the internet", f.why, 1, true)
      assert.matches(": 185.220.101.5$", f.why)
      assert.not_matches("10.0.0.31", f.why, 1, true)
    end)

    -- KALI tries erin's password once an hour for ten hours and sprays six
    -- accounts in between; 185.220.101.5 tries hers five times in five
    -- seconds and then logs on as her.  One guess of both: an attack's,
    -- for KALI's spray nearby and for the internet address.  The success
    -- after the burst is an attack's by the burst, which is this guess's
    -- own failures: citing it as "another finding" would make the guess
    -- its own evidence, and would hide that the address is the internet's.
    it("names a guess's internet source as the internet's where its other attack is its own",
       function()
      local log = {}
      for i = 1, 10 do
        log[#log + 1] = failed_logon("erin", "CORP", "10.0.0.66", "KALI", 3600 * i)
      end
      for i = 1, 6 do
        log[#log + 1] = failed_logon("user" .. i, "CORP", "10.0.0.66", "KALI", 9000 + i * 5)
      end
      for i = 1, 5 do
        log[#log + 1] = failed_logon("erin", "CORP", "185.220.101.5", "-", 20000 + i)
      end
      log[#log + 1] = logged_on("erin", "185.220.101.5", "-", 20007)
      local r = sc.triage(log)
      assert.are.equal("attacker", one(r, "success_after_failures").reading)
      local f = one(r, "password_guessing")
      assert.are.same({ "10.0.0.66", "185.220.101.5" }, sc.sorted(f.sources))
      assert.are.equal("attacker", f.reading)
      assert.matches("another finding read as an attack, within the window of these " ..
                     "attempts: 10.0.0.66; of its other sources, this one reached the host " ..
                     "directly from the internet", f.why, 1, true)
      assert.matches(": 185.220.101.5$", f.why)
      -- (the burst and its success alone: the internet's, said so)
      local burst = {}
      for i = 17, #log do burst[#burst + 1] = log[i] end
      f = one(sc.triage(burst), "password_guessing")
      assert.are.equal("attacker", f.reading)
      assert.are.equal("the source is an internet address, outside the network unless " ..
                       "--internal names its block as the network's own", f.why)
    end)

    -- 185.220.101.66 sprays six accounts, then tries erin's password once
    -- an hour for ten hours: slow, and alone a phone's old password; an
    -- attack's beside the spray from the same address that day, as the why
    -- says.  That why said "the source is in another finding read as an
    -- attack" and no more: read alone it could be a host inside, to
    -- isolate, where this one is outside, to block at the edge, and what
    -- answers the internet (RDP, SMB) is the next thing to look at.
    -- It says the address is the internet's, in the words the direct whys
    -- use; where erin's PC31 fails too, the list of internet addresses
    -- names it though it is named as in the attack nearby, as the direct
    -- why names one that failed for other accounts; and a second internet
    -- address beside it.  With --internal naming the block, or KALI's
    -- inside address, the whys are as they were.
    local function outsider_and_pc31(ip, pc31)
      local log = {}
      for i = 1, 6 do log[#log + 1] = failed_logon("user" .. i, "CORP", ip, "-", i * 5) end
      for i = 1, pc31 and 5 or 10 do
        log[#log + 1] = failed_logon("erin", "CORP", ip, "-", 3600 * i)
      end
      for i = 1, pc31 and 6 or 0 do
        log[#log + 1] = failed_logon("erin", "CORP", "10.0.0.31", "PC31", 30000 + 3600 * i)
      end
      return log
    end
    it("says a guess's source in an attack nearby is an internet address", function()
      local NEARBY = "the source is in another finding read as an attack, within the window of " ..
                     "these attempts"
      local SOME = "of its sources, this one is in another finding read as an attack, within " ..
                   "the window of these attempts: 185.220.101.66"
      local IT = "; it reached the host directly from the internet, not through a web front " ..
                 "end (outside the network unless --internal names its block as the network's own)"
      local INTERNAL = { internal = { "185.220.101.0/24" } }
      local log = outsider_and_pc31("185.220.101.66")
      local f = one(sc.triage(log), "password_guessing")
      assert.are.same({ true, "attacker", "medium" }, { f.slow, f.reading, f.severity })
      assert.are.same({ "185.220.101.66" }, f.sources)
      assert.are.equal(NEARBY .. "; and the source is an internet address, outside the network " ..
                       "unless --internal names its block as the network's own: 185.220.101.66",
                       f.why)
      assert.are.equal(NEARBY, one(sc.triage(log, nil, INTERNAL), "password_guessing").why)
      assert.are.equal(NEARBY,
                       one(sc.triage(outsider_and_pc31("10.0.0.66")), "password_guessing").why)
      log = outsider_and_pc31("185.220.101.66", true)
      f = one(sc.triage(log), "password_guessing")
      assert.are.same({ "10.0.0.31", "185.220.101.66" }, sc.sorted(f.sources))
      assert.are.equal(SOME .. IT, f.why)
      for i = 1, 2 do
        log[#log + 1] = failed_logon("erin", "CORP", "185.220.101.5", "-", 50000 + 3600 * i)
      end
      f = one(sc.triage(log), "password_guessing")
      assert.are.equal(SOME .. IT .. "; and so did, of its other sources: 185.220.101.5", f.why)
      assert.are.equal(SOME, one(sc.triage(log, nil, INTERNAL), "password_guessing").why)
    end)
  end)

  describe("findings: advice for both readings", function()

    -- Six bad passwords for erin from her own PC, and for no one else: a
    -- phone or a mapped drive with her old password.
    it("reads failures from a source that fails for one account only as a stale credential",
       function()
      local log = {}
      for i = 1, 6 do log[i] = failed_logon("erin", "CORP", "10.0.0.31", "PC31", i * 20) end
      local f = one(sc.triage(log), "password_guessing")
      assert.are.equal("stale_credential", f.reading)
      assert.matches("old password", joined(f))
      -- (a source that passes users' logons on, Exchange or ADFS, is no
      -- one's device: "treat it as an attack" would be wrong there, and
      -- the front end's own logs name the client)
      assert.matches("passes users' logons on", joined(f), 1, true)
    end)

    -- Eight bad passwords for carol checked by NTLM (4776) with no
    -- workstation named: no source to look at for other accounts' failures,
    -- so the finding must not say one failed for her alone.  With the
    -- workstation named, it may.
    it("says why a guess that names no source is read as a stale credential", function()
      local function tries(ws)
        local log = {}
        for i = 1, 8 do log[i] = ntlm("carol", ws, i * 10) end
        return one(sc.triage(log), "password_guessing")
      end
      for _, ws in ipairs({ "", "-" }) do
        local f = tries(ws)
        assert.are.same({}, f.sources)
        assert.are.equal("stale_credential", f.reading)
        assert.matches("name no source", f.why, 1, true)
        -- (and the advice starts with where to find the client it is about)
        assert.matches("names where the attempts came from", f.check[1], 1, true)
        assert.matches("netlogon.log", f.check[1], 1, true)
      end
      local f = tries("WS12")
      assert.are.equal("the source failed for this account only", f.why)
      assert.not_matches("netlogon.log", joined(f), 1, true)
    end)

    -- carol's six bad passwords in three minutes: three from 10.0.0.5,
    -- which failed for no one else, and three NTLM checks (4776) that name
    -- no workstation.  Read as a stale credential, as nothing here is an
    -- attacker's pattern; but only 10.0.0.5 was looked at.  The three
    -- sourceless ones may be another client's, an attacker's as well as a
    -- phone's: the why must not say "the source" failed for her alone as
    -- if it were all of them, and the advice starts with how to find their
    -- client, as for a guess that names no source at all.
    it("says which of a guess's attempts name no source, and how to find their client",
       function()
      local log = {}
      for i = 1, 3 do log[#log + 1] = failed_logon("carol", "CORP", "10.0.0.5", "-", i * 20) end
      for i = 1, 3 do log[#log + 1] = ntlm("carol", "", 60 + i * 20) end
      local f = one(sc.triage(log), "password_guessing")
      assert.are.same({ "10.0.0.5" }, f.sources)
      assert.are.equal("stale_credential", f.reading)
      assert.are.equal("the source named failed for this account only, and some of the " ..
                       "attempts name no source, whose other failures could not be looked at",
                       f.why)
      assert.matches("Some of these records name no source", f.check[1], 1, true)
      assert.matches("netlogon.log", f.check[1], 1, true)
      assert.not_matches("None of these records", joined(f), 1, true)
    end)

    -- alice's six bad passwords from KALI, which fails for four other
    -- accounts too, and two from her own PC31 in the same minutes: one
    -- finding of both sources, an attack's for KALI's.  Its why names KALI,
    -- not "the source" as if PC31's were KALI's tries.
    it("names which of a guess's sources also failed for other accounts", function()
      local log = kali_then_pc31()
      local f = one(sc.triage(log), "password_guessing")
      assert.are.same({ "10.0.0.31", "10.0.0.66" }, sc.sorted(f.sources))
      assert.are.equal("attacker", f.reading)
      assert.are.equal(
        "of its sources, this one also failed for other accounts within the window: 10.0.0.66",
        f.why)
    end)

    -- The same, and two tries at alice's password from 185.220.101.5 in the
    -- same minutes: an attack's for KALI's, which the why names; but the
    -- internet address is no client of hers either, and a responder reading
    -- the why would take it for one like PC31.  The why names it as an
    -- internet address, as it does where an attack nearby is the reason;
    -- not where --internal names its block as the network's own.
    it("names a guess's internet source beside those that failed for other accounts",
       function()
      local log = kali_then_pc31()
      for i = 1, 2 do
        log[#log + 1] = failed_logon("alice", "CORP", "185.220.101.5", "-", 100 + i * 30)
      end
      local f = one(sc.triage(log), "password_guessing")
      assert.are.same({ "10.0.0.31", "10.0.0.66", "185.220.101.5" }, sc.sorted(f.sources))
      assert.are.equal("attacker", f.reading)
      assert.are.equal(
        "of its sources, this one also failed for other accounts within the window: 10.0.0.66; " ..
        "of its other sources, this one reached the host directly from the internet, not " ..
        "through a web front end (outside the network unless --internal names its block as " ..
        "the network's own): 185.220.101.5", f.why)
      f = one(sc.triage(log, nil, { internal = { "185.220.101.0/24" } }), "password_guessing")
      assert.are.equal(
        "of its sources, this one also failed for other accounts within the window: 10.0.0.66",
        f.why)
    end)

    -- 185.220.101.5 tries six passwords at alice's account and one at each
    -- of four others in a few minutes: someone trying a list, an attack
    -- because the source failed for other accounts, as the why says.  That
    -- why said "the source" and no more, where the internet's finding
    -- beside it says where the address is: read alone, the guess (or a
    -- disabled account the same address tried) could be taken for a host
    -- of the network's.  Its why says the source is an internet address, in
    -- the words the internet's reconciliation uses; not where --internal
    -- names its block as the network's own, and not for KALI inside: those
    -- whys stay as they were.
    it("says a finding's one source that failed for other accounts is an internet address",
       function()
      local OTHERS = "the source also failed for other accounts within the window"
      local THERE = "; and the source is an internet address, outside the network unless " ..
                    "--internal names its block as the network's own: 185.220.101.5"
      local log = tried_with_others("alice")
      for _, e in ipairs(log) do e.data.IpAddress, e.data.WorkstationName = "185.220.101.5", "-" end
      log[#log + 1] = failed_logon("olduser", "CORP", "185.220.101.5", "-", 230, "0xc0000072")
      local r = sc.triage(log)
      local g, d = one(r, "password_guessing"), one(r, "disabled_account")
      for _, f in ipairs({ g, d }) do
        assert.are.same({ "185.220.101.5" }, f.sources)
        assert.are.equal("attacker", f.reading)
        assert.are.equal(OTHERS .. THERE, f.why)
      end
      assert.are.same({ "185.220.101.5" }, one(r, "public_source").sources)
      r = sc.triage(log, nil, { internal = { "185.220.101.0/24" } })
      assert.are.equal(OTHERS, one(r, "password_guessing").why)
      assert.are.equal(OTHERS, one(r, "disabled_account").why)
      log = tried_with_others("alice")
      assert.are.equal(OTHERS, one(sc.triage(log), "password_guessing").why)
    end)

    -- Twenty-two bad passwords for bob in two minutes from 185.220.101.7,
    -- more than a person retypes (brute_force), and two
    -- of his own mistypes at PC31 in the same minutes: one finding, an
    -- attack by its rate, whose why named neither source, so that the
    -- responder could not tell from it which of the two sent the burst.
    -- It names the internet's among them; and the one source of a burst
    -- from the internet alone.  Inside (or with --internal naming the
    -- block) the why stays as it was.
    it("says which sources of a guess read as an attack by its rate are internet addresses",
       function()
      local RATE = rules.WHY.rate
      local log = {}
      for i = 1, 22 do log[i] = failed_logon("bob", "CORP", "185.220.101.7", "-", i * 5) end
      local f = one(sc.triage(log), "password_guessing")
      assert.are.same({ "attacker", "high" }, { f.reading, f.severity })
      assert.are.equal(RATE .. "; and the source is an internet address, outside the network " ..
                       "unless --internal names its block as the network's own: 185.220.101.7",
                       f.why)
      for i = 1, 2 do
        log[#log + 1] = failed_logon("bob", "CORP", "10.0.0.31", "PC31", i * 40 + 2)
      end
      f = one(sc.triage(log), "password_guessing")
      assert.are.same({ "10.0.0.31", "185.220.101.7" }, sc.sorted(f.sources))
      assert.are.equal("attacker", f.reading)
      assert.are.equal(RATE .. "; of its sources, this one reached the host directly from the " ..
                       "internet, not through a web front end (outside the network unless " ..
                       "--internal names its block as the network's own): 185.220.101.7", f.why)
      f = one(sc.triage(log, nil, { internal = { "185.220.101.0/24" } }), "password_guessing")
      assert.are.equal(RATE, f.why)
    end)

    -- KALI (10.0.0.66) and 185.220.101.5 each try alice's password and
    -- other accounts' in the same minutes; 185.220.101.9 tries hers alone,
    -- and her PC31 mistypes it twice.  The why names KALI and
    -- 185.220.101.5 as the sources that failed for other accounts, and
    -- named the internet's among the rest alone: 185.220.101.5 read as
    -- one more inside host like KALI.  It names every internet address
    -- among the sources, that one too.
    it("names a guess's internet sources among those that failed for other accounts too",
       function()
      local log = kali_then_pc31()
      for i = 1, 2 do
        log[#log + 1] = failed_logon("alice", "CORP", "185.220.101.5", "-", 100 + i * 30)
        log[#log + 1] = failed_logon("alice", "CORP", "185.220.101.9", "-", 110 + i * 30)
      end
      log[#log + 1] = failed_logon("user9", "CORP", "185.220.101.5", "-", 170)
      local f = one(sc.triage(log), "password_guessing")
      assert.are.same({ "10.0.0.31", "10.0.0.66", "185.220.101.5", "185.220.101.9" },
                      sc.sorted(f.sources))
      assert.are.equal("attacker", f.reading)
      assert.are.equal(
        "of its sources, these also failed for other accounts within the window: 10.0.0.66, " ..
        "185.220.101.5 (internet); the one marked (internet) reached the host directly from " ..
        "the internet, not through a web front end (outside the network unless --internal " ..
        "names its block as the network's own); and so did, of its other sources: " ..
        "185.220.101.9", f.why)
      f = one(sc.triage(log, nil, { internal = { "185.220.101.0/24" } }), "password_guessing")
      assert.are.equal("of its sources, these also failed for other accounts within the " ..
                       "window: 10.0.0.66, 185.220.101.5", f.why)
    end)

    -- alice's phone fails through Outlook on the web from a carrier's
    -- 100.20.30.40, and 185.220.101.5 tries her password over SMB: an
    -- attack's for the internet address, and the why named it as "of its
    -- sources, these are internet addresses", as if the phone's address
    -- were inside, where the internet's finding beside it names both.  It
    -- says what is true of the one named alone: it reached the host
    -- directly, not through a web front end.  So too beside a rate.
    it("does not say a guess's other sources are inside where a front end's is the internet's",
       function()
      local DIRECT = "reached the host directly from the internet, not through a web front end " ..
                     "(outside the network unless --internal names its block as the network's own)"
      local log = {}
      for i = 1, 4 do log[i] = via_owa("alice", "100.20.30.40", "-", i * 30) end
      for i = 5, 6 do log[i] = failed_logon("alice", "CORP", "185.220.101.5", "-", i * 30) end
      local r = sc.triage(log)
      assert.are.same({ "100.20.30.40", "185.220.101.5" },
                      sc.sorted(one(r, "public_source").sources))
      local g = one(r, "password_guessing")
      assert.are.equal("attacker", g.reading)
      assert.are.equal("of its sources, this one " .. DIRECT .. ": 185.220.101.5", g.why)
      log = {}
      for i = 1, 22 do log[i] = failed_logon("bob", "CORP", "185.220.101.7", "-", i * 5) end
      for i = 1, 2 do log[#log + 1] = via_owa("bob", "100.20.30.40", "-", i * 40 + 2) end
      g = one(sc.triage(log), "password_guessing")
      assert.are.equal(rules.WHY.rate .. "; of its sources, this one " .. DIRECT ..
                       ": 185.220.101.7", g.why)
    end)

    -- 185.220.101.5 sprays eight accounts through Outlook on the web, then
    -- tries erin's password through it every ten minutes.  A source whose
    -- failures all came through a web front end is passed over, for users'
    -- phones and the front end's own address; so erin's guess read as a
    -- stale password, "the source failed for this account only", false as
    -- far as the log shows.  An internet address with an attack of its own
    -- nearby is neither: her guess is that attack's.  The front end's own
    -- address (10.0.0.25, inside) doing the same stays passed over: its
    -- failures for many users are what the exemption is for; and its why
    -- says so, where "the source failed for this account only" was false.
    it("reads a front end's internet client that sprays through it as an attack's", function()
      local function spray_then_erin(ip, ws)
        local log = {}
        for i = 1, 8 do log[#log + 1] = via_owa("user" .. i, ip, ws, i * 5) end
        for i = 1, 10 do log[#log + 1] = via_owa("erin", ip, ws, 300 + i * 600) end
        return log
      end
      local r = sc.triage(spray_then_erin("185.220.101.5", "-"))
      assert.are.equal("attacker", one(r, "password_spray").reading)
      local g = one(r, "password_guessing")
      assert.are.same({ "attacker", "medium" }, { g.reading, g.severity })
      assert.are.equal("the source is in another finding read as an attack, within the window " ..
                       "of these attempts; and the source is an internet address, outside the " ..
                       "network unless --internal names its block as the network's own: " ..
                       "185.220.101.5", g.why)
      g = one(sc.triage(spray_then_erin("10.0.0.25", "EXCH01")), "password_guessing")
      assert.are.equal("stale_credential", g.reading)
      assert.matches("^the source also failed for other accounts within the window, but " ..
                     "through a web front end", g.why)
    end)

    -- A why names each address once.  Where the sources it names for
    -- failing for others (or for an attack nearby) are internet addresses
    -- too, it said so by naming them again in a second list, under a
    -- plural heading for one address; where 300 addresses each try alice
    -- and another account, both lists held all 300, in text order
    -- (185.220.100.10 before 185.220.100.2), while the finding's sources
    -- stop at 50.  Now those named are said to be the internet's (it, all
    -- of them, or those marked), and the list names at most 50, in address
    -- order, and counts the rest.
    -- alice's password fails from 10.0.0.9 and from 10.0.0.10, three times
    -- each.  The finding's sources, her row's, and the source rows (equal
    -- in failures) were in text order, 10.0.0.10 first, as a why's were:
    -- a responder reads addresses in their order, and a list cut at its
    -- first 50 keeps the lowest addresses, not those whose text sorts first.
    it("lists sources in address order, as a why names them", function()
      local log = {}
      for i = 1, 6 do
        log[i] = failed_logon("alice", "CORP", i % 2 == 0 and "10.0.0.9" or "10.0.0.10", "-",
                              i * 20)
      end
      local r = sc.triage(log)
      local ORDER = { "10.0.0.9", "10.0.0.10" }
      assert.are.same(ORDER, one(r, "password_guessing").sources)
      assert.are.same(ORDER, r.by_account[1].sources)
      assert.are.same(ORDER, { r.by_source[1].source, r.by_source[2].source })
    end)

    -- The source table a responder reads from the top: the source that
    -- failed most first (here 10.0.0.200, five of bob's failures), then
    -- those of as many in address order.
    it("puts the source that failed most first in the source table, ties in address order",
       function()
      local log = {}
      for i = 1, 5 do log[#log + 1] = failed_logon("bob", "CORP", "10.0.0.200", "-", i * 20) end
      for i, ip in ipairs({ "10.0.0.10", "10.0.0.9", "10.0.0.10", "10.0.0.9" }) do
        log[#log + 1] = failed_logon("carol", "CORP", ip, "-", 200 + i * 20)
      end
      log[#log + 1] = failed_logon("dave", "CORP", "10.0.0.1", "-", 400)
      local r = sc.triage(log)
      local got = {}
      for i, s in ipairs(r.by_source) do got[i] = s.source .. "=" .. s.failures end
      assert.are.same({ "10.0.0.200=5", "10.0.0.9=2", "10.0.0.10=2", "10.0.0.1=1" }, got)
    end)

    it("names each of a why's addresses once, in address order, at most 50", function()
      local DIRECT = "reached the host directly from the internet, not through a web front " ..
                     "end (outside the network unless --internal names "
      -- (185.220.101.5 tries alice and four others; her PC31 mistypes)
      local log = {}
      for i = 1, 6 do log[i] = failed_logon("alice", "CORP", "185.220.101.5", "-", i * 20) end
      for i = 1, 4 do
        log[#log + 1] = failed_logon("user" .. i, "CORP", "185.220.101.5", "-", 200 + i * 30)
      end
      for i = 1, 2 do log[#log + 1] = failed_logon("alice", "CORP", "10.0.0.31", "PC31", i * 30) end
      local f = one(sc.triage(log), "password_guessing")
      assert.are.equal("of its sources, this one also failed for other accounts within the " ..
                       "window: 185.220.101.5; it " .. DIRECT .. "its block as the network's own)",
                       f.why)
      -- (and KALI beside it: the internet's one marked)
      for i = 1, 6 do log[#log + 1] = failed_logon("alice", "CORP", "10.0.0.66", "KALI", i * 21) end
      log[#log + 1] = failed_logon("user9", "CORP", "10.0.0.66", "KALI", 250)
      f = one(sc.triage(log), "password_guessing")
      assert.are.equal("of its sources, these also failed for other accounts within the " ..
                       "window: 10.0.0.66, 185.220.101.5 (internet); the one marked (internet) " ..
                       DIRECT .. "its block as the network's own)", f.why)

      -- (300 addresses, each trying alice and one other account)
      log = {}
      local ips = {}
      for i = 1, 300 do
        ips[i] = string.format("185.220.%d.%d", 100 + math.floor((i - 1) / 150), (i - 1) % 150 + 1)
        log[#log + 1] = failed_logon("alice", "CORP", ips[i], "-", i)
        log[#log + 1] = failed_logon("user" .. i, "CORP", ips[i], "-", i)
      end
      f = one(sc.triage(log), "password_guessing")
      assert.are.equal(50, #f.sources)
      assert.are.equal("of its sources, these also failed for other accounts within the " ..
                       "window: " .. table.concat(ips, ", ", 1, 50) .. " and 250 more; all of " ..
                       "them " .. DIRECT .. "their block as the network's own)", f.why)

      -- (a success that names no source, after carol's mistypes and an
      -- internet address's try, the address spraying: named once)
      log = carol_then_spray()
      f = one(sc.triage(log), "success_after_failures")
      assert.matches("its record cannot tell): 185.220.101.66; it " .. DIRECT .. "its block as " ..
                     "the network's own)", f.why, 1, true)
      local _, n = f.why:gsub("185%.220%.101%.66", "")
      assert.are.equal(1, n)
    end)

    -- alice's phone, on a carrier's internet address (100.20.30.40), fails
    -- twice through Exchange's IIS (w3wp.exe, logon type 8) with her old
    -- password, in the minutes KALI tries hers and four other accounts and
    -- she mistypes it twice at PC31.  An attack's for KALI's, which the why
    -- names; but users' phones fail through a web front end whatever else
    -- does, so the phone's failures are no evidence of an attacker on the
    -- internet, and the reconciliation passes over them (a success naming
    -- no source after them is read by them as no attack's).  The why named
    -- 100.20.30.40 as an internet address all the same; it now names it
    -- only where a failure of its own came to the host directly, as there
    -- the reconciliation counts it too.  So where the address is the one
    -- source, failing through IIS for alice and four others (several
    -- phones behind the carrier's one address): read as an attack for
    -- failing for others, its why says nothing of the internet (the
    -- internet's own finding still names the address); nor of a burst of
    -- twenty-two bad passwords through IIS, a phone's retries.
    it("does not name as the internet's a source whose failures came through a web front end",
       function()
      local log = kali_then_pc31()
      for i = 1, 2 do log[#log + 1] = via_owa("alice", "100.20.30.40", "-", 100 + i * 30) end
      local f = one(sc.triage(log), "password_guessing")
      assert.are.same({ "10.0.0.31", "10.0.0.66", "100.20.30.40" }, sc.sorted(f.sources))
      assert.are.equal("attacker", f.reading)
      assert.are.equal(
        "of its sources, this one also failed for other accounts within the window: 10.0.0.66",
        f.why)
      -- (and one try of its own from there, not through the front end)
      log[#log + 1] = failed_logon("alice", "CORP", "100.20.30.40", "-", 170)
      f = one(sc.triage(log), "password_guessing")
      assert.matches("; of its other sources, this one reached the host directly from the " ..
                     "internet.*: 100%.20%.30%.40$", f.why)

      local OTHERS = "the source also failed for other accounts within the window"
      log = {}
      for i = 1, 6 do log[i] = via_owa("alice", "100.20.30.40", "-", i * 20) end
      for i = 1, 4 do log[#log + 1] = via_owa("user" .. i, "100.20.30.40", "-", 200 + i * 30) end
      local r = sc.triage(log)
      f = one(r, "password_guessing")
      assert.are.same({ "100.20.30.40" }, f.sources)
      assert.are.equal("attacker", f.reading)
      assert.are.equal(OTHERS, f.why)
      assert.are.same({ "100.20.30.40" }, one(r, "public_source").sources)
      log = {}
      for i = 1, 22 do log[i] = via_owa("bob", "100.20.30.40", "-", i * 5) end
      f = one(sc.triage(log), "password_guessing")
      assert.are.equal("attacker", f.reading)
      assert.are.equal(rules.WHY.rate, f.why)
    end)

    -- The same six failures, from a source that also failed for four other
    -- accounts: an attacker, and the advice must not send the responder
    -- looking for a forgotten service.
    it("reads failures from a source that failed for other accounts as an attacker", function()
      local f = one(sc.triage(tried_with_others("erin")), "password_guessing")
      assert.are.equal("attacker", f.reading)
      assert.are.equal("high", f.severity)
      assert.not_matches("old password", joined(f))
      -- Where no lockout followed, the built-in local Administrator may be
      -- why: exempt unless "Allow Administrator account lockout" is on, a
      -- policy the October 2022 updates brought, on by default on computers
      -- first set up with them, for network logons only (Microsoft's
      -- KB5020282).  Not "exempt by default" as if it always were.
      assert.matches("Allow Administrator account lockout", joined(f), 1, true)
      assert.matches("KB5020282", joined(f), 1, true)
      assert.matches("never the console", joined(f), 1, true)
    end)

    -- A disabled account tried from a source that is guessing at others: the
    -- account is on an attacker's list, nothing "still runs as" it.
    it("does not say something still runs as a disabled account an attacker tried", function()
      local log = { failed_logon("olduser", "CORP", "10.0.0.66", "KALI", 0, "0xc0000072") }
      for i = 1, 3 do log[#log + 1] = failed_logon("user" .. i, "CORP", "10.0.0.66", "KALI", i) end
      local f = one(sc.triage(log), "disabled_account")
      assert.are.equal("attacker", f.reading)
      assert.not_matches("still runs as", joined(f))
      -- And the same account from its old server alone is the other reading.
      f = one(sc.triage({ failed_logon("olduser", "CORP", "10.0.0.12", "APP02", 0, "0xc0000072") }),
              "disabled_account")
      assert.are.equal("stale_credential", f.reading)
      assert.matches("still runs as", joined(f))
    end)
  end)

  describe("findings: where the attempts came from, and what their codes say", function()
    local sdk = require "support.sdk"
    local STATUS = sdk.symbols() -- (mingw-w64's and Wine's ntstatus.h)
    local function hex(name) return ("0x%08x"):format(assert(STATUS[name], name)) end
    -- A 4625 logged by the workstation PC07 itself: logon type, the
    -- process that asked (ProcessName), and the account that ran it.
    local function local_failure(user, t, process, sub, logon_type)
      return { id = 4625, time = at(t), computer = "PC07.corp.local", data = {
               SubjectUserName = "admin", SubjectDomainName = "PC07",
               SubjectLogonId = "0x393f6d", TargetUserName = user, TargetDomainName = "PC07",
               Status = "0xc000006d", SubStatus = sub or "0xc000006a",
               LogonType = logon_type or "2", LogonProcessName = "Advapi",
               WorkstationName = "PC07", IpAddress = "-", ProcessName = process } }
    end
    local TOOL = "C:\\Users\\admin\\Desktop\\restore\\AccountRestore.exe"
    -- rec, a 4625 of PC07's, as asked for in SYSTEM's session (0x3e7, the
    -- computer account's, which all its services share), by process pid.
    local function as_system(rec, pid)
      rec.data.SubjectUserName, rec.data.SubjectDomainName = "PC07$", "CORP"
      rec.data.SubjectLogonId = "0x3e7"
      rec.data.ProcessId = pid or rec.data.ProcessId
      return rec
    end

    -- A program a logged-on user started calls the logon API with one
    -- password after another for the local Administrator and for admin:
    -- eight each in a second, logon type 2, from no other computer.  An
    -- attack (a privilege escalation on this host: two accounts guessed
    -- from one source), and the program is the lead: "block the source"
    -- would send the responder to a firewall.
    it("names the program on the host itself that guessed passwords, and says so first",
       function()
      local log = {}
      for i = 1, 8 do
        log[#log + 1] = local_failure("Administrator", i * 0.1, TOOL)
        log[#log + 1] = local_failure("admin", i * 0.1 + 0.05, TOOL)
      end
      local list = sc.findings(sc.triage(log), "password_guessing")
      assert.are.equal(2, #list)
      for _, f in ipairs(list) do
        assert.are.equal("attacker", f.reading)
        assert.are.same({ TOOL }, f.processes)
        assert.matches("program on this host itself", f.check[1], 1, true)
        assert.matches("SubjectLogonId", f.check[1], 1, true)
        -- (the session the tool ran in, named: its Subject's account and logon ID)
        assert.are.same({ { account = "PC07\\admin", logon_id = "0x393f6d" } }, f.sessions)
      end
    end)

    -- The session as logs write it: a JSON export's logon ID as a number
    -- (3751789 is 0x393f6d), and SYSTEM's, which every service and task
    -- shares (0x3e7: no one session to follow, and said so).  A value of
    -- no kind a log writes (true) is no session, and stops nothing.
    it("reads the session's logon ID as text or number, and names SYSTEM's shared one",
       function()
      -- (the records as a reader gives them, the Subject's values then set
      -- as a JSON log may hold them)
      local function tried(id, name, domain)
        local log = {}
        for i = 1, 8 do log[i] = local_failure("Administrator", i * 0.1, TOOL) end
        local recs = sc.records(log)
        for _, rec in ipairs(recs) do
          rec.data.SubjectLogonId = id
          rec.data.SubjectUserName = name or rec.data.SubjectUserName
          rec.data.SubjectDomainName = domain or rec.data.SubjectDomainName
        end
        local r = events.triage(recs)
        return one(r, "password_guessing"), r
      end
      assert.are.same({ { account = "PC07\\admin", logon_id = "0x393f6d" } },
                      tried(3751789).sessions)
      assert.are.same({ { account = "CORP\\PC07$", logon_id = "0x3e7", shared = "SYSTEM" } },
                      tried("0x00000000000003E7", "PC07$", "CORP").sessions)
      local text = require("logonerr.events.report").render(
        select(2, tried("0x3e7", "PC07$", "CORP")), "text")
      assert.matches("sessions: CORP\\PC07$ (logon ID 0x3e7, SYSTEM's, which its services " ..
                     "and tasks share)", text, 1, true)
      for _, odd in ipairs({ true, "0x0", "-", "", 0, -5, 1.5 }) do
        assert.is_nil(tried(odd).sessions, tostring(odd))
      end
      -- (nor does a process, service or account name of no kind a log writes)
      local log = {}
      for i = 1, 8 do log[i] = local_failure("Administrator", i * 0.1, TOOL) end
      local recs = sc.records(log)
      for _, rec in ipairs(recs) do
        rec.data.ProcessName, rec.data.ServiceName, rec.data.TargetUserName = true, true, { 1 }
      end
      assert.is_nil(one(events.triage(recs), "password_guessing").processes)
    end)

    -- A program running as SYSTEM (a service or task an intruder
    -- planted, named like a system one) guesses the local Administrator's
    -- password, 25 tries in 2.5 s: every 4625's Subject is the computer
    -- account and 0x3e7, the session all of SYSTEM's services and tasks
    -- share.  An attack
    -- from this host; the logon ID leads nowhere (that session's 4688s
    -- are every service's), the process ID each 4625 gives does.  Where
    -- the same program ran in a person's session too, that session is
    -- still the lead, and the shared one is said apart.
    it("sends the responder to the process ID where the program ran in SYSTEM's session",
       function()
      local FAKE = "C:\\Windows\\Temp\\svchost.exe"
      local log = {}
      for i = 1, 25 do log[i] = as_system(local_failure("Administrator", i * 0.1, FAKE)) end
      local f = one(sc.triage(log), "password_guessing")
      assert.are.equal("attacker", f.reading)
      assert.are.same({ FAKE }, f.processes)
      assert.are.same({ { account = "CORP\\PC07$", logon_id = "0x3e7", shared = "SYSTEM" } },
                      f.sessions)
      assert.matches("program on this host itself", f.check[1], 1, true)
      assert.matches("ProcessId", f.check[1], 1, true)
      assert.matches("NewProcessId", f.check[1], 1, true)
      assert.not_matches("leads to the session's own 4624", joined(f), 1, true)
      -- (the tool in the logged-on admin's session too: two sessions, one a lead)
      for i = 1, 8 do log[#log + 1] = local_failure("Administrator", 3 + i * 0.1, FAKE) end
      f = one(sc.triage(log), "password_guessing")
      assert.are.equal(2, #f.sessions)
      assert.matches("leads to the session's own 4624", f.check[1], 1, true)
      assert.matches("0x3e7", f.check[2], 1, true)
      assert.matches("ProcessId", f.check[2], 1, true)
    end)

    -- The same host's logon screen, where a person mistypes a password
    -- six times over two minutes: someone sat there; no program to hunt.
    it("does not read the logon screen's failures as a program on the host", function()
      local log = {}
      for i = 1, 6 do
        log[i] = local_failure("erin", i * 20, "C:\\Windows\\System32\\winlogon.exe")
      end
      local f = one(sc.triage(log), "password_guessing")
      assert.are.equal("stale_credential", f.reading)
      assert.not_matches("program on this host itself", joined(f), 1, true)
      assert.is_nil(f.sessions) -- (the logon screen's is no lead)
      assert.matches("Ask the account's owner", f.check[1], 1, true)
    end)

    -- The same tool where the host logs the local SAM's check too: each
    -- try is a 4776 and then its 4625 in the same second, one attempt.
    -- The 4776 names no process; the attempt's 4625 does.
    it("names the program when each try is a 4776 beside its 4625", function()
      local log = {}
      for i = 1, 8 do
        for _, u in ipairs({ "Administrator", "admin" }) do
          local t = i * 0.1 + (u == "admin" and 0.05 or 0)
          log[#log + 1] = { id = 4776, time = at(t), computer = "PC07.corp.local", data = {
            TargetUserName = u, Workstation = "PC07", Status = "0xc000006a" } }
          log[#log + 1] = local_failure(u, t, TOOL)
        end
      end
      local list = sc.findings(sc.triage(log), "password_guessing")
      assert.are.equal(2, #list)
      for _, f in ipairs(list) do
        assert.are.equal(8, f.count) -- (each try once)
        assert.are.same({ TOOL }, f.processes)
        assert.matches("program on this host itself", f.check[1], 1, true)
        -- (the session is the 4625's: the 4776 before it names none)
        assert.are.same({ { account = "PC07\\admin", logon_id = "0x393f6d" } }, f.sessions)
      end
      -- The same tool run as SYSTEM: the 4625s' shared session, and the
      -- process ID each gives (0x1a4c), which is then the lead.
      for _, rec in ipairs(log) do
        if rec.id == 4625 then as_system(rec, "0x1a4c") end
      end
      local r = sc.triage(log)
      for _, f in ipairs(sc.findings(r, "password_guessing")) do
        assert.are.same({ { account = "CORP\\PC07$", logon_id = "0x3e7", shared = "SYSTEM" } },
                        f.sessions)
        assert.are.same({ "0x1a4c" }, f.process_ids)
        assert.matches("ProcessId", f.check[1], 1, true)
      end
      assert.matches("process IDs: 0x1a4c (6732)",
                     require("logonerr.events.report").render(r, "text"), 1, true)
    end)

    -- Windows 10 and later log a logon at the console (or an unlock) as
    -- asked for by svchost.exe, with Winlogon's logon process, User32, and
    -- SYSTEM's session as Subject (Microsoft's 4624 and 4625 pages; a
    -- Windows 10 capture shows "Process Name: svchost.exe", "Logon
    -- Process: User32").  Six mistyped passwords there in a minute are a
    -- person at the keyboard: no program to hunt, no service to follow.
    it("reads the Windows 10 logon screen (User32) as a person, not a program", function()
      local log = {}
      for i = 1, 6 do
        local rec = local_failure("charles", i * 10, "C:\\Windows\\System32\\svchost.exe",
                                  nil, i % 2 == 0 and "7" or "2")
        rec.data.LogonProcessName = "User32 " -- (as 4625 pads it)
        rec.data.IpAddress = "127.0.0.1"
        log[i] = as_system(rec)
      end
      local f = one(sc.triage(log), "password_guessing")
      assert.are.equal("stale_credential", f.reading)
      assert.not_matches("program on this host itself", joined(f), 1, true)
      assert.is_nil(f.sessions)
      assert.is_nil(f.process_ids)
      -- (typed by a person: ask them; no stored password to hunt for)
      assert.matches("typed at this host's own logon or lock screen", f.check[1], 1, true)
      assert.matches("Ask the account's owner", f.check[1], 1, true)
      assert.not_matches("holds an old password", joined(f), 1, true)
      -- (25 in three seconds at that screen: a tool typing, or someone
      -- guessing there; an attack, and said where it was typed)
      log = {}
      for i = 1, 25 do
        local rec = local_failure("charles", i * 0.1, "C:\\Windows\\System32\\svchost.exe")
        rec.data.LogonProcessName = "User32"
        log[i] = rec
      end
      f = one(sc.triage(log), "password_guessing")
      assert.are.equal("attacker", f.reading)
      assert.matches("typed at this host's own logon or lock screen", f.check[1], 1, true)
      assert.is_true(#f.check > 1)
    end)

    -- A service set to run as svc-backup keeps the password it was given
    -- when it was installed; the account's password has been changed
    -- since.  The Service Control Manager (services.exe, in SYSTEM's
    -- session) logs on as it at each start and restart: logon type 5,
    -- bad password, every 30 seconds.  No one is guessing, and the lead is
    -- the service set with the old password, not the process that asked
    -- (services.exe has no 4688 of its own to follow, and hosts no
    -- service of that name).  A task run as the account (type 4, the Task
    -- Scheduler's svchost.exe) is the same, in another place.
    it("sends the responder to the service or task that holds an old password", function()
      local function starts(user, logon_type, process)
        local log = {}
        for i = 1, 6 do
          log[i] = as_system(local_failure(user, i * 30, process, nil, logon_type), "0x2c8")
        end
        return one(sc.triage(log), "password_guessing")
      end
      local f = starts("svc-backup", "5", "C:\\Windows\\System32\\services.exe")
      assert.are.equal("stale_credential", f.reading)
      assert.matches("Service Control Manager", f.check[1], 1, true)
      assert.matches("7038", f.check[1], 1, true)
      assert.not_matches("tasklist", joined(f), 1, true)
      assert.not_matches("program on this host itself", joined(f), 1, true)
      f = starts("svc-report", "4", "C:\\Windows\\System32\\svchost.exe")
      assert.matches("Task Scheduler", f.check[1], 1, true)
      assert.matches("schtasks /query /v", f.check[1], 1, true)
      -- (the Task Scheduler's Operational log: 101, JOB_START_FAILED, names
      -- the task; 104, its logon failure, the account alone)
      assert.matches("101 (", f.check[1], 1, true)
      assert.matches("104 (", f.check[1], 1, true)
      assert.not_matches("program on this host itself", joined(f), 1, true)
      -- (another program asking for a service logon is a program still)
      f = starts("svc-backup", "5", "C:\\Users\\Public\\svc.exe")
      assert.matches("program on this host itself", f.check[1], 1, true)
    end)

    -- The same service with its recovery set to restart it at once: the
    -- Service Control Manager logs on as svc-backup every 5 s, 60 bad
    -- passwords in five minutes, three times brute_force.  Windows retries
    -- the password it stores at its own rhythm, however fast: no one is
    -- guessing.  A program of its own sending as many is a tool.
    it("reads a service restarting in a loop with an old password as no guessing", function()
      local function loop(process)
        local log = {}
        for i = 1, 60 do
          log[i] = as_system(local_failure("svc-backup", i * 5, process, nil, "5"), "0x2c8")
        end
        return one(sc.triage(log), "password_guessing")
      end
      local f = loop("C:\\Windows\\System32\\services.exe")
      assert.are.equal("stale_credential", f.reading)
      assert.matches("Service Control Manager", f.check[1], 1, true)
      f = loop("C:\\Users\\Public\\svc.exe")
      assert.are.same({ "attacker", rules.WHY.rate }, { f.reading, f.why })
    end)

    -- The same loop for a domain account on SRV05 (10.0.1.5): SRV05's
    -- 4625s, and the DC's 4771 for each try 0.2 s later.  With both logs,
    -- the DC's records are of tries Windows started.  With the DC's alone,
    -- nothing says a service sent them: 60 from one address in five
    -- minutes read as a tool's, the most those records can tell.
    it("reads the DC's records of a service's retries by the member server's", function()
      local log, dc = {}, {}
      for i = 1, 60 do
        log[#log + 1] = { id = 4625, time = at(i * 5), computer = "SRV05.corp.local", data = {
          SubjectUserName = "SRV05$", SubjectDomainName = "CORP", SubjectLogonId = "0x3e7",
          TargetUserName = "svc-backup", TargetDomainName = "CORP", Status = "0xc000006d",
          SubStatus = "0xc000006a", LogonType = "5", LogonProcessName = "Advapi",
          WorkstationName = "SRV05", IpAddress = "-",
          ProcessName = "C:\\Windows\\System32\\services.exe", ProcessId = "0x2c8" } }
        dc[i] = kerberos_bad("svc-backup", "CORP.LOCAL", "10.0.1.5", i * 5 + 0.2)
        log[#log + 1] = dc[i]
      end
      assert.are.equal("stale_credential", one(sc.triage(log), "password_guessing").reading)
      assert.are.equal("attacker", one(sc.triage(dc), "password_guessing").reading)
      -- (each try Windows started takes one of the DC's records near it,
      -- not every one: KALI guessing at the same account meanwhile, 30 in
      -- a minute, is a tool's)
      for i = 1, 30 do
        log[#log + 1] = kerberos_bad("svc-backup", "CORP.LOCAL", "10.0.0.66", i * 2 + 0.1)
      end
      assert.are.equal("attacker", one(sc.triage(log), "password_guessing").reading)
    end)

    -- A tool that names another workstation at each try (the client makes
    -- that field up): 60 bad passwords for administrator in two minutes,
    -- each from a new name.  No one source sent many; together, one each
    -- 2 s, they come at a tool's pace whatever they are named.
    it("reads a guess that names another workstation at each try as a tool", function()
      local log = {}
      for i = 1, 60 do log[i] = ntlm("administrator", ("WIN-%04d"):format(i), i * 2) end
      local f = one(sc.triage(log), "password_guessing")
      assert.are.same({ "attacker", rules.WHY.rate }, { f.reading, f.why })
      -- (25 of them, one each 10 s, and a logon that names no source: the
      -- tool's hit, by their count)
      log = {}
      for i = 1, 25 do log[i] = ntlm("administrator", ("WIN-%04d"):format(i), i * 10) end
      log[26] = ntlm("administrator", "", 255, "0x0")
      local r = sc.triage(log)
      assert.are.equal("attacker", one(r, "password_guessing").reading)
      local s = one(r, "success_after_failures")
      assert.are.same({ "attacker", "critical", rules.WHY.after_count },
                      { s.reading, s.severity, s.why })
      -- (one host's fifteen over Kerberos, by its address, and fifteen over
      -- NTLM, by its name, in a minute: one tool)
      log = {}
      for i = 1, 15 do
        log[#log + 1] = kerberos_bad("administrator", "CORP.LOCAL", "10.0.0.66", i * 4)
        log[#log + 1] = ntlm("administrator", "KALI", i * 4 + 2)
      end
      assert.are.equal("attacker", one(sc.triage(log), "password_guessing").reading)
    end)

    -- svc-backup's password was changed, and six servers still run a job
    -- with the old one, each once a minute: 30 bad passwords in five
    -- minutes at the DC, past brute_force, but five from each, and none
    -- for another account.  A stale password in six places (Active
    -- Directory does not even count it toward a lockout where it is one of
    -- the account's two last passwords), not a tool; one address sending
    -- the same 30 is.
    it("reads an old password tried once a minute from six servers as stale", function()
      local log = {}
      for m = 0, 9 do
        for k = 1, 6 do
          log[#log + 1] = kerberos_bad("svc-backup", "CORP.LOCAL", "10.0.1." .. k, m * 60 + k)
        end
      end
      local f = one(sc.triage(log), "password_guessing")
      assert.are.equal(60, f.count)
      assert.are.same({ "stale_credential", rules.WHY.none_other }, { f.reading, f.why })
      -- (nor is an NTLM logon after them that names no source a guesser's
      -- hit by their count: five from each server in its window)
      local after = {}
      for i, e in ipairs(log) do after[i] = e end
      after[#after + 1] = ntlm("svc-backup", "", 599, "0x0")
      f = one(sc.triage(after), "success_after_failures")
      assert.are.equal("stale_credential", f.reading)
      for _, e in ipairs(log) do e.data.IpAddress = "::ffff:10.0.1.9" end
      f = one(sc.triage(log), "password_guessing")
      assert.are.same({ "attacker", rules.WHY.rate }, { f.reading, f.why })
      -- (a farm of thirty servers, thirty a minute from as many sources,
      -- each back every minute: stale; KALI's sixty guesses in two minutes
      -- among them: a tool)
      log = {}
      for m = 0, 9 do
        for k = 1, 30 do
          log[#log + 1] = kerberos_bad("svc-backup", "CORP.LOCAL", "10.0.1." .. k, m * 60 + k)
        end
      end
      assert.are.equal("stale_credential", one(sc.triage(log), "password_guessing").reading)
      for i = 1, 60 do
        log[#log + 1] = kerberos_bad("svc-backup", "CORP.LOCAL", "10.0.0.66", i * 2)
      end
      assert.are.equal("attacker", one(sc.triage(log), "password_guessing").reading)
    end)

    -- The day after a rotation of service accounts' passwords, two
    -- services on PC07 still hold the old ones: the Service Control
    -- Manager fails for svc-backup and svc-sql at each restart.  One host
    -- failing for two accounts reads as an attacker trying accounts, but
    -- no one at PC07 tried anything: two stale passwords, no spray.  A
    -- service whose account lacks "Log on as a service" (0xC000015B) has
    -- a right to grant, not a password to set.
    it("reads services that hold old passwords as stale, not as a host trying accounts",
       function()
      local SCM = "C:\\Windows\\System32\\services.exe"
      local function start(user, t, sub)
        return as_system(local_failure(user, t, SCM, sub, "5"), "0x2c8")
      end
      local log = {}
      for i = 1, 6 do
        log[#log + 1] = start("svc-backup", i * 30)
        log[#log + 1] = start("svc-sql", i * 30 + 1)
      end
      local r = sc.triage(log)
      local list = sc.findings(r, "password_guessing")
      assert.are.equal(2, #list)
      for _, f in ipairs(list) do
        assert.are.equal("stale_credential", f.reading)
        assert.matches("Service Control Manager", f.check[1], 1, true)
        assert.not_matches("Block the source", joined(f), 1, true)
      end
      none(r, "password_spray")
      log = {}
      for i = 1, 6 do log[i] = start("svc-backup", i * 30, "0xc000015b") end
      local f = one(sc.triage(log), "account_restricted")
      assert.not_matches("password stored for it", joined(f), 1, true)
      assert.matches("0xC000015B", f.check[1], 1, true)
    end)

    -- A program run as SYSTEM that starts a new process for each try:
    -- 25 process IDs, of which the finding keeps the 20 latest, in time
    -- order (the last may still run: tasklist finds it).
    it("keeps the latest process IDs of a program that starts one for each try", function()
      local log = {}
      for i = 1, 25 do
        -- (0xfc4 .. 0xffc, then 0x1000 ..: text would sort them otherwise)
        log[i] = as_system(local_failure("Administrator", i * 0.1, "C:\\Windows\\Temp\\x.exe"),
                           ("0x%x"):format(0xfc0 + i * 4))
      end
      local f = one(sc.triage(log), "password_guessing")
      local want = {}
      for i = 6, 25 do want[#want + 1] = ("0x%x"):format(0xfc0 + i * 4) end
      assert.are.same(want, f.process_ids)
    end)

    -- A bad password over RDP to a server's local account: the server's
    -- SAM checks it (4776, no logon type), then logs the refused logon
    -- (4625, type 10, the client's address).  One attempt, and the logon
    -- summary says how it came: over Remote Desktop, not "NTLM validation".
    it("names an attempt's logon type from its 4625, where its 4776 came first", function()
      local log = {
        { id = 4776, time = at(0), computer = "SRV01.corp.local", data = {
          TargetUserName = "Administrator", Workstation = "KALI", Status = "0xc000006a" } },
        { id = 4625, time = at(0), computer = "SRV01.corp.local", data = {
          TargetUserName = "Administrator", TargetDomainName = "SRV01", Status = "0xc000006d",
          SubStatus = "0xc000006a", LogonType = "10", IpAddress = "203.0.113.5",
          WorkstationName = "KALI" } } }
      local r = sc.triage(log)
      assert.are.equal(1, #r.logon_summary)
      local row = r.logon_summary[1]
      assert.are.equal(1, row.failures)
      assert.are.equal("RemoteInteractive", row.how)
      assert.are.equal("203.0.113.5", row.source)
    end)

    -- Outlook on the web: IIS (w3wp.exe) checks each password a client on
    -- the internet sends, and logs the failure as its own host's, logon
    -- type 8, with no address.  A spray from outside: the program passes
    -- the logons on, and the advice must not say there is no one else to
    -- block.
    it("does not take a web front end's failures for a program of the host's own", function()
      local log = {}
      for i = 1, 6 do
        log[i] = { id = 4625, time = at(i * 2), computer = "MAIL01.corp.local", data = {
          TargetUserName = "user" .. i, TargetDomainName = "CORP", Status = "0xc000006d",
          SubStatus = "0xc000006a", LogonType = "8", LogonProcessName = "Advapi",
          WorkstationName = "MAIL01", IpAddress = "-",
          ProcessName = "C:\\Windows\\System32\\inetsrv\\w3wp.exe" } }
      end
      local f = one(sc.triage(log), "password_spray")
      assert.are.same({ "C:\\Windows\\System32\\inetsrv\\w3wp.exe" }, f.processes)
      assert.not_matches("program on this host itself", joined(f), 1, true)
    end)

    -- A loopback address names the host too (its source is then "local"
    -- or the host's name): a script on it calling LogonUser.
    it("reads a loopback source as the host itself", function()
      local log = {}
      for i = 1, 6 do
        local e = local_failure("svc_backup", i * 0.2, "C:\\ProgramData\\x\\guess.exe")
        e.data.WorkstationName, e.data.IpAddress = "-", "127.0.0.1"
        log[i] = e
      end
      local f = one(sc.triage(log), "password_guessing")
      assert.matches("program on this host itself", f.check[1], 1, true)
    end)

    -- The MITRE sample of the same attack: AccountRestore.exe against
    -- Admin and Administrator (evtx_dump.py shows its ProcessName).
    it("names AccountRestore.exe in the MITRE sample of a local brute force", function()
      local r = events.triage(assert(events.open(
        "spec/fixtures/evtx/mitre-4625-accountrestore-local-bf.evtx")))
      local list = sc.findings(r, "password_guessing")
      assert.are.equal(2, #list)
      for _, f in ipairs(list) do
        assert.are.same({ "C:\\Users\\Admin\\Desktop\\AccountRestore.bin\\AccountRestore.exe" },
                        f.processes)
        assert.matches("program on this host itself", f.check[1], 1, true)
        -- (evtx_dump.py: SubjectUserName Admin, SubjectDomainName WIN,
        -- SubjectLogonId 0x0000000000393f6d in each of the 16)
        assert.are.same({ { account = "WIN\\Admin", logon_id = "0x393f6d" } }, f.sessions)
      end
    end)

    -- Guest tried by explorer.exe of the logged-on user: Windows falling
    -- back to guest access to a share.  Nothing should run as Guest, and
    -- explorer.exe is no program to stop.
    it("gives an account disabled by design only the advice to leave it so", function()
      local log = {}
      for i = 1, 3 do
        log[i] = local_failure("Guest", i * 60, "C:\\Windows\\explorer.exe", "0xc0000072", "3")
      end
      local f = one(sc.triage(log), "disabled_account")
      assert.matches("disabled on purpose", f.check[1], 1, true)
      assert.not_matches("still runs as", joined(f), 1, true)
      assert.not_matches("program on this host itself", joined(f), 1, true)
      -- Beside an account that is meant to be in use, both are said.
      log[4] = failed_logon("olduser", "CORP", "10.0.0.12", "APP02", 400, "0xc0000072")
      f = one(sc.triage(log), "disabled_account")
      assert.matches("Some of these accounts are disabled on purpose", f.check[1], 1, true)
      assert.matches("still runs as", joined(f), 1, true)
    end)

    -- Guest tried three times by NTLM, on the DC, by a client that sent
    -- no workstation name (4776s that name none).  A user's program
    -- falling back to guest access, or someone trying names: which, the
    -- advice says, the client tells, and no record names it.  The advice
    -- for accounts disabled by design keeps how to find that client first
    -- (it replaced the whole list, which left "the user's program" and
    -- "another host" with nothing to find them by); with a source named,
    -- it says nothing of the kind.
    it("keeps how to find the client for accounts disabled by design tried with no source",
       function()
      local log = {}
      for i = 1, 3 do log[i] = ntlm("Guest", "", i * 60, "0xc0000072") end
      local f = one(sc.triage(log), "disabled_account")
      assert.are.same({}, f.sources)
      assert.matches("None of these records names where the attempts came from", f.check[1],
                     1, true)
      assert.matches("nltest /dbflag:0x2080ffff", f.check[1], 1, true)
      assert.matches("disabled on purpose", f.check[2], 1, true)
      assert.matches("falling back to guest access", joined(f), 1, true)
      for i = 1, 3 do log[i] = ntlm("Guest", "PC31", i * 60, "0xc0000072") end
      f = one(sc.triage(log), "disabled_account")
      assert.matches("disabled on purpose", f.check[1], 1, true)
      assert.not_matches("nltest", joined(f), 1, true)
    end)

    -- A former employee's account, disabled, still tried every minute by
    -- NTLM from a client that sends no workstation name (4776s on the DC
    -- that name none): something still runs as it, a service or a mapped
    -- drive with its old password, as the advice says "on the source
    -- hosts"; or someone who knows the name.  Not read as an attack, as
    -- nothing here shows one; but no record names the host to look at, so
    -- the advice opens with how to find it, as a guess's does; and so for
    -- an expired account and one refused by a restriction, whose advice
    -- speaks of "the source" too.  With a workstation named, it does not.
    it("says how to find the client of a disabled account's attempts that name no source",
       function()
      for _, status in ipairs({ "0xc0000072", "0xc0000193", "0xc000006f" }) do
        local log = {}
        for i = 1, 3 do log[i] = ntlm("frank", "", i * 60, status) end
        local kind = ({ ["0xc0000072"] = "disabled_account", ["0xc0000193"] = "expired_account",
                        ["0xc000006f"] = "account_restricted" })[status]
        local f = one(sc.triage(log), kind)
        assert.are.same({}, f.sources)
        assert.are.equal("stale_credential", f.reading)
        assert.matches("None of these records names where the attempts came from", f.check[1],
                       1, true)
        assert.matches("nltest /dbflag:0x2080ffff", f.check[1], 1, true)
        -- (a refused account's Kerberos tries are failed 4768s, 0x12, not
        -- 4771s, which are bad passwords')
        assert.matches("a 4768 for an account refused", f.check[1], 1, true)
        if kind == "disabled_account" then
          assert.matches("on the source hosts", f.check[2], 1, true)
        end
        log[2] = ntlm("frank", "PC31", 120, status)
        f = one(sc.triage(log), kind)
        assert.matches("Some of these records name no source", f.check[1], 1, true)
        for i = 1, 3 do log[i] = ntlm("frank", "PC31", i * 60, status) end
        f = one(sc.triage(log), kind)
        assert.not_matches("nltest", joined(f), 1, true)
      end
    end)

    -- frank's account is disabled, and something still asks the KDC for
    -- his TGT every minute: three 4768s refused with 0x12
    -- (KDC_ERR_CLIENT_REVOKED), from a log whose export kept no Client
    -- Address (the field is empty; a `-` would read as the DC itself).  A
    -- service or a mapped drive with his old password, or someone who knows
    -- the name: nothing here shows an attack, and nothing names the host to
    -- look at.  The advice opens with how to find that client, and for a
    -- refused account that is its failed 4768s where the DC's own log gives
    -- the address, not the 4771s of bad passwords; then account_revoked's
    -- own lines.  Where one of the three gives an address, it says some
    -- name none; where all do, nothing of the kind.
    it("says how to find the client of a refused account's Kerberos tries that name none",
       function()
      local function refused(t, ip)
        return { id = 4768, time = at(t), data = { TargetUserName = "frank",
          TargetDomainName = "CORP.LOCAL", ServiceName = "krbtgt/CORP.LOCAL", IpAddress = ip or "",
          Status = "0x12", PreAuthType = "-", TicketEncryptionType = "0xffffffff" } }
      end
      local log = {}
      for i = 1, 3 do log[i] = refused(i * 60) end
      local f = one(sc.triage(log), "account_revoked")
      assert.are.same({}, f.sources)
      assert.are.same({ 4768 }, f.events)
      assert.are.equal("stale_credential", f.reading)
      local first = "None of these records names where the attempts came from"
      assert.are.equal(first, f.check[1]:sub(1, #first))
      assert.matches("nltest /dbflag:0x2080ffff", f.check[1], 1, true)
      assert.matches("a 4768 for an account refused", f.check[1], 1, true)
      assert.matches("KDC_ERR_CLIENT_REVOKED covers four states", f.check[2], 1, true)
      log[2] = refused(120, "::ffff:10.0.0.31")
      f = one(sc.triage(log), "account_revoked")
      assert.are.same({ "10.0.0.31" }, f.sources)
      assert.matches("^Some of these records name no source", f.check[1])
      assert.matches("a 4768 for an account refused", f.check[1], 1, true)
      for i = 1, 3 do log[i] = refused(i * 60, "::ffff:10.0.0.31") end
      f = one(sc.triage(log), "account_revoked")
      assert.matches("KDC_ERR_CLIENT_REVOKED covers four states", f.check[1], 1, true)
      assert.not_matches("nltest", joined(f), 1, true)
    end)

    -- 0xC000006E, "the user account and password are legitimate" with a
    -- restriction (Microsoft's RedirectLogonError page), and its sub-status
    -- saying which: the logon right, the hours, the workstations.  The
    -- password got past the check: from the user's own PC a policy to
    -- settle, from a source that fails for other accounts too, a password
    -- in the wrong hands.
    for _, name in ipairs({ "STATUS_LOGON_TYPE_NOT_GRANTED", "STATUS_INVALID_LOGON_HOURS",
                            "STATUS_INVALID_WORKSTATION" }) do
      it("finds a logon refused by a restriction (" .. name .. ") with the right password",
         function()
        local refused = { id = 4625, time = at(100), computer = "srv01.corp.local", data = {
          TargetUserName = "alice", TargetDomainName = "CORP",
          Status = hex("STATUS_ACCOUNT_RESTRICTION"), SubStatus = hex(name), LogonType = "10",
          IpAddress = "10.0.0.31", WorkstationName = "PC31", IpPort = "50211" } }
        local f = one(sc.triage({ refused }), "account_restricted")
        assert.are.equal("stale_credential", f.reading)
        assert.are.equal("low", f.severity)
        assert.are.same({ "CORP\\alice" }, f.accounts)
        -- (the advice says what this code restricts)
        assert.matches(("0x%08X"):format(STATUS[name]), joined(f), 1, true)
        local log = { refused }
        for i = 1, 3 do
          log[#log + 1] = failed_logon("user" .. i, "CORP", "10.0.0.31", "PC31", 100 + i * 5)
        end
        f = one(sc.triage(log), "account_restricted")
        assert.are.equal("attacker", f.reading)
        assert.are.equal("high", f.severity)
        assert.matches("Reset these passwords", joined(f), 1, true)
      end)
    end

    -- The MITRE sample of RDP refused by a restriction names no account
    -- (TargetUserName "-"): two such failures stay a count by source.
    it("makes no restriction finding of failures that name no account", function()
      local r = events.triage(assert(events.open(
        "spec/fixtures/evtx/mitre-4625-account-restriction.evtx")))
      none(r, "account_restricted")
    end)

    -- kerbrute: 0x12 (KDC_ERR_CLIENT_REVOKED) comes back for an account
    -- that exists and is disabled, locked out or expired, so the name is
    -- confirmed; the advice must not file it with the names that do not
    -- exist.
    it("tells the responder that names answered 0x12 exist", function()
      local log = {}
      for i, n in ipairs({ "Administrator", "Test-ADM", "nosuch1", "nosuch2", "nosuch3" }) do
        log[i] = { id = 4768, time = at(i * 0.3), data = { TargetUserName = n,
          TargetDomainName = "CORP.LOCAL", ServiceName = "krbtgt/CORP.LOCAL",
          IpAddress = "::ffff:10.0.0.66", Status = i <= 2 and "0x12" or "0x6",
          PreAuthType = "-", TicketEncryptionType = "0xffffffff" } }
      end
      local f = one(sc.triage(log), "user_enumeration")
      assert.are.same({ "CORP.LOCAL\\Administrator", "CORP.LOCAL\\Test-ADM" }, f.refused)
      local said = false
      for _, c in ipairs(f.check) do
        said = said or (c:find("0x12", 1, true) and c:find("does but is disabled", 1, true)) ~= nil
        assert.is_nil(c:find("0x12) in a burst", 1, true))
      end
      assert.is_true(said)
    end)

    -- 0xC0000224 at the console: the user is asked for a new password
    -- (after a reset); no service to fix, no program to stop.
    it("reads a password that must be changed at the console as the prompt it is", function()
      local f = one(sc.triage({ local_failure("Administrator", 0,
        "C:\\Windows\\System32\\winlogon.exe", hex("STATUS_PASSWORD_MUST_CHANGE")) }),
        "expired_account")
      assert.are.equal("stale_credential", f.reading)
      assert.matches("must be changed at this logon", f.check[1], 1, true)
      assert.not_matches("program on this host itself", joined(f), 1, true)
    end)
  end)

  describe("findings: a computer's own account", function()
    -- A computer account (WS05$) has a password that the computer sets
    -- and changes itself (Microsoft: "Domain member: Maximum machine
    -- account password age", 30 days); no phone or mapped drive holds it.
    -- Twelve 4771s 0x18 for it, a minute apart, from one address that
    -- fails for nothing else: not an attack but a broken secure channel
    -- (a restored snapshot, a clone with its name, a reset account), which
    -- Test-ComputerSecureChannel and nltest /sc_verify test.
    it("gives a computer account's bad passwords the secure channel's advice", function()
      local log = {}
      for i = 1, 12 do log[i] = kerberos_bad("WS05$", "CORP.LOCAL", "10.0.0.55", i * 60) end
      local f = one(sc.triage(log), "password_guessing")
      assert.are.equal("stale_credential", f.reading)
      assert.are.same({ "CORP.LOCAL\\WS05$" }, f.accounts)
      assert.matches("computer's own account", f.check[1], 1, true)
      assert.matches("secure channel", f.check[1], 1, true)
      assert.matches("Test-ComputerSecureChannel -Repair", joined(f), 1, true)
      assert.matches("nltest /sc_verify:", joined(f), 1, true)
      -- (failures from another address: someone else uses its account)
      assert.matches("not that computer's address", joined(f), 1, true)
      assert.not_matches("phone", joined(f), 1, true)
    end)

    -- The same bad passwords for WS05$ over NTLM, where the 4776s name the
    -- client: WS99, not WS05.  Its secure channel is not what failed:
    -- another host holds its account, and the advice starts there.  From
    -- WS05 itself, the secure channel stays the first lead.
    it("sends a computer account's bad passwords from another named host there first", function()
      local log = {}
      for i = 1, 12 do log[i] = ntlm("WS05$", "WS99", i * 60) end
      local f = one(sc.triage(log), "password_guessing")
      assert.are.same({ "WS99" }, f.sources)
      assert.matches("came from WS99, not from the computer whose account it is", f.check[1],
                     1, true)
      assert.matches("computer's own account", f.check[2], 1, true)
      assert.not_matches("not that computer's address", joined(f), 1, true)
      for i = 1, 12 do log[i] = ntlm("WS05$", "WS05", i * 60) end
      f = one(sc.triage(log), "password_guessing")
      assert.matches("computer's own account", f.check[1], 1, true)
      assert.matches("secure channel", f.check[1], 1, true)
    end)

    -- The same account's bad passwords over NTLM (4625 0xC000006A) from a
    -- host that also fails for other accounts: someone trying a list, or a
    -- hash of WS05$.  The attack's advice, in a computer account's terms.
    it("reads a computer account tried with others as an attack on it", function()
      local f = one(sc.triage(tried_with_others("WS05$")), "password_guessing")
      assert.are.equal("attacker", f.reading)
      assert.are.equal("high", f.severity)
      assert.matches("computer's own account", f.check[1], 1, true)
      assert.matches("Test-ComputerSecureChannel", joined(f), 1, true)
      assert.not_matches("Allow Administrator account lockout", joined(f), 1, true)
    end)

    -- A 4740 for a computer account: what sent the bad password is the
    -- computer itself or someone with its account, never a user's phone.
    it("gives a computer account's lockout the secure channel's advice", function()
      local f = one(sc.triage({ { id = 4740, time = at(0), data = { TargetUserName = "WS05$",
        TargetDomainName = "WS05", SubjectDomainName = "CORP" } } }), "lockout")
      assert.matches("computer's own account", f.check[1], 1, true)
      assert.not_matches("mobile devices", joined(f), 1, true)
      -- (a user's lockout keeps a user's advice)
      f = one(sc.triage({ { id = 4740, time = at(0), data = { TargetUserName = "frank",
        TargetDomainName = "PC41", SubjectDomainName = "CORP" } } }), "lockout")
      assert.matches("mobile devices", f.check[1], 1, true)
    end)
  end)

  describe("findings: gaps in the log", function()
    -- Event 1102 is Windows saying the Security log was cleared: whatever
    -- came before is gone from the file, and an attacker clears it to
    -- hide (Sigma's rule for it is high).  A responder must hear it beside
    -- the failures left, as loud as an attack.
    it("says that the log was cleared, beside the failures left", function()
      local log = { { id = 1102, time = at(0), data = { SubjectUserName = "mallory" } } }
      for i = 1, 5 do log[#log + 1] = failed_logon("erin", "CORP", "10.0.0.31", "PC31", i * 20) end
      local r = sc.triage(log)
      local f = one(r, "log_gaps")
      assert.are.equal("high", f.severity)
      local g = f.gaps[1]
      assert.are.same({ 1102, "The audit log was cleared", 1 }, { g.id, g.what, g.count })
      assert.are.equal(1, #f.gaps)
      assert.matches("cleared this log", f.check[1], 1, true)
      one(r, "password_guessing") -- (the rest is as it was)
    end)

    -- "Cleared: 1" sends a responder to the log to find when, on which
    -- host, and who did it (the 1102 itself names the account): the
    -- finding says where each kind of gap first is, and gives the first
    -- few of each as its evidence, in time order, read in any order.
    it("says when and where the log was cleared and the clock set", function()
      local log = {}
      for i, t in ipairs({ 500, 100, 300, 200, 400, 50, 600 }) do
        log[#log + 1] = { id = 4616, time = at(t), record = 10 + i, computer = "dc1.corp.local",
                          data = { SubjectUserName = "mallory" } }
      end
      log[#log + 1] = { id = 1102, time = at(700), record = 99, computer = "dc2.corp.local",
                        data = { SubjectUserName = "mallory" } }
      local f = one(sc.triage(log), "log_gaps")
      local by = {}
      for _, g in ipairs(f.gaps) do by[g.id] = g end
      local function iso(t) return select(2, events.time(at(t))) end
      assert.are.same({ 1, iso(700), 99, "dc2.corp.local" },
                      { by[1102].count, by[1102].first, by[1102].record, by[1102].computer })
      assert.are.same({ 7, iso(50), 16, "dc1.corp.local" },
                      { by[4616].count, by[4616].first, by[4616].record, by[4616].computer })
      -- (the five earliest 4616s, whatever the order read, and the 1102)
      local seen = {}
      for _, e in ipairs(f.evidence) do seen[#seen + 1] = e.id .. "@" .. e.record end
      assert.are.same({ "4616@16", "4616@12", "4616@14", "4616@13", "4616@15", "1102@99" }, seen)
      local text = require("logonerr.events.report").render(sc.triage(log), "text")
      assert.matches("1102 The audit log was cleared: 1 (first " .. iso(700) ..
                     ", record 99 on dc2.corp.local, by mallory)", text, 1, true)
    end)

    -- A script may take a reader's tally before the reader has read to
    -- the end (and closed): what it keeps of the gaps has its times as
    -- text already, as every record's time is, never seconds.
    it("keeps the gaps' times as text in a reader's tally, closed or not", function()
      local path = "spec/fixtures/evtx/omerbenamram-Security_with_size_t.evtx"
      if not events.evtx then return pending("logonerr.evtx is not built") end
      local rd = assert(events.open(path, { lean = true, tally = true }))
      for _ = 1, 20 do rd:next() end -- (not to the end: the reader is open)
      assert.is_truthy(rd.raw)
      assert.is_true(#rd.tallied.gaps > 0)
      for _, g in ipairs(rd.tallied.gaps) do assert.is_string(g.time) end
      local acc = require("logonerr.events.triage").new(require("logonerr.events.triage").DEFAULTS)
      acc:tally(rd.tallied)
      rd:close()
      local st = acc:state()
      assert.is_true(#st.gaps > 0)
      for _, g in ipairs(st.gaps) do assert.matches("^%d%d%d%d%-%d%d%-%d%dT", g.time) end
    end)

    -- A responder who narrows the report to one account or source still
    -- needs to hear that the log was cleared or full: erin's failures
    -- before the clear are gone, whoever cleared it.  The 1102 (by
    -- mallory, from no source) passes both filters; bob's failures, and
    -- a logon by mallory, do not.
    it("keeps the log's own gaps under --account and --source", function()
      local log = { failed_logon("bob", "CORP", "10.0.0.32", "PC32", 0),
                    logged_on("mallory", "10.0.0.99", "PC99", 5),
                    { id = 1102, time = at(10), data = { SubjectUserName = "mallory" } },
                    { id = 1104, time = at(15), data = {} } }
      for i = 1, 5 do log[#log + 1] = failed_logon("erin", "CORP", "10.0.0.31", "PC31", i * 20) end
      local path = sc.write(log)
      for _, opts in ipairs({ { account = "erin" }, { source = "10.0.0.31" } }) do
        local r = events.triage(assert(events.open(path, opts)))
        local f = one(r, "log_gaps")
        assert.are.equal("high", f.severity)
        assert.are.same({ 1102, 1104 }, f.events)
        assert.are.same({ "CORP\\erin" }, one(r, "password_guessing").accounts)
        assert.are.equal(7, r.events) -- (erin's five, the clear and the full log)
      end
      -- (the time filters still apply: gaps before --since are not in it)
      none(events.triage(assert(events.open(path, { account = "erin", since = at(16) }))),
           "log_gaps")
      os.remove(path)
    end)

    -- 4719: the audit policy changed, so what stopped being audited is
    -- missing after it.  Group Policy logs it as SYSTEM whenever it
    -- applies one, so alone it is low: the advice says whose to look at.
    it("names an audit policy change as a gap", function()
      local f = one(sc.triage({ { id = 4719, time = at(0), data = {} } }), "log_gaps")
      assert.are.equal("low", f.severity)
      assert.are.same({ 4719 }, f.events)
      assert.matches("Group Policy", f.check[1], 1, true)
    end)

    -- Event 1102 as Windows writes it: no EventData, but UserData's
    -- LogFileCleared with the Subject who cleared it (Microsoft's page
    -- "1102(S): The audit log was cleared": SubjectUserSid,
    -- SubjectUserName, SubjectDomainName, SubjectLogonId).  The logon ID
    -- is what a responder follows: the session's 4624 and its 4688s.
    local function cleared_xml(t, subject, record)
      local ud = ""
      if subject then
        ud = "<UserData><LogFileCleared xmlns=\"http://manifests.microsoft.com/win/2004/08/" ..
             "windows/eventlog\"><SubjectUserSid>S-1-5-21-1-2-3-1105</SubjectUserSid>" ..
             "<SubjectUserName>admin</SubjectUserName><SubjectDomainName>CORP" ..
             "</SubjectDomainName><SubjectLogonId>0x1234567</SubjectLogonId>" ..
             "</LogFileCleared></UserData>"
      end
      return ('<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System>' ..
              '<Provider Name="Microsoft-Windows-Eventlog"/><EventID>1102</EventID>' ..
              '<TimeCreated SystemTime="%s"/><EventRecordID>%d</EventRecordID>' ..
              '<Channel>Security</Channel><Computer>srv01.corp.local</Computer></System>%s' ..
              '</Event>\n'):format(at(t), record or 77, ud)
    end

    it("names the account and logon ID that cleared the log", function()
      local log = {}
      for i = 1, 5 do log[i] = failed_logon("erin", "CORP", "10.0.0.31", "PC31", i * 20) end
      local text = { "<Events>\n" }
      for _, e in ipairs(log) do text[#text + 1] = sc.xml(e) end
      text[#text + 1] = cleared_xml(200, true) .. "</Events>\n"
      local path = require("support.run").tempfile(table.concat(text))
      local r = events.triage(assert(events.open(path)))
      local f = one(r, "log_gaps")
      assert.are.equal("high", f.severity)
      assert.are.same({ "CORP\\admin" }, f.accounts)
      local g = f.gaps[1]
      assert.are.same({ 1102, "CORP\\admin", "0x1234567" }, { g.id, g.account, g.logon_id })
      assert.are.same({ "CORP\\admin", "0x1234567" },
                      { f.evidence[1].account, f.evidence[1].logon_id })
      assert.matches("CORP\\admin (logon ID 0x1234567) cleared this log", f.check[1], 1, true)
      assert.matches("4624", f.check[1], 1, true)
      local report = require "logonerr.events.report"
      for _, fmt in ipairs({ "text", "html" }) do
        assert.matches("record 77 on srv01.corp.local, by CORP\\admin logon ID 0x1234567",
                       report.render(r, fmt), 1, true)
      end
      assert.matches('"logon_id":"0x1234567"', report.render(r, "json"), 1, true)
      os.remove(path)
    end)

    -- A 1102 with no Subject (a damaged or cut-down export) still says the
    -- log was cleared, and names no one: nothing is made up.  The next
    -- clear, which names CORP\admin, is named in its own evidence.
    it("names no one for a 1102 without its Subject", function()
      local path = require("support.run").tempfile("<Events>" .. cleared_xml(0, false, 76) ..
                                                    cleared_xml(60, true, 77) .. "</Events>")
      local f = one(events.triage(assert(events.open(path))), "log_gaps")
      os.remove(path)
      assert.are.equal("high", f.severity)
      assert.are.same({ 2, nil, nil }, { f.gaps[1].count, f.gaps[1].account, f.gaps[1].logon_id })
      assert.are.same({ 76, nil }, { f.evidence[1].record, f.evidence[1].account })
      assert.are.same({ 77, "CORP\\admin" }, { f.evidence[2].record, f.evidence[2].account })
      assert.are.same({ "CORP\\admin" }, f.accounts)
      assert.matches("someone cleared this log", f.check[1], 1, true)
    end)

    -- A lean EVTX reading (the command's) reads the Subject of the events
    -- about the log too: python-evtx's sample's first 4616 (record 143) is
    -- VMware Tools setting the clock as the computer's own account,
    -- WORKGROUP\WIN-03DLIIOFRRA$ in SYSTEM's session 0x3e7, as a whole
    -- reading of the record gives it.  A computer's account is no person
    -- to name among the finding's accounts.
    it("reads who an EVTX file's events about the log name, read lean", function()
      if not events.evtx then return pending("logonerr.evtx is not built") end
      local path = "spec/fixtures/evtx/python-evtx-security.evtx"
      local whole
      for rec in events.records(path) do
        if rec.record == 143 then whole = rec end
      end
      assert.are.same({ 4616, "WIN-03DLIIOFRRA$", "WORKGROUP" },
                      { whole.id, whole.data.SubjectUserName, whole.data.SubjectDomainName })
      local f = one(events.triage(assert(events.open(path, { lean = true, tally = true }))),
                    "log_gaps")
      local by = {}
      for _, g in ipairs(f.gaps) do by[g.id] = g end
      assert.are.same({ 143, "WORKGROUP\\WIN-03DLIIOFRRA$", "0x3e7" },
                      { by[4616].record, by[4616].account, by[4616].logon_id })
      assert.are.same({}, f.accounts)
    end)

    -- 4719 as Microsoft documents it (SubjectUserSid, SubjectUserName,
    -- SubjectDomainName, SubjectLogonId, CategoryId, SubcategoryId,
    -- SubcategoryGuid, AuditPolicyChanges; %%8448 is "Success removed",
    -- %%8449 "Success added", %%8450 "Failure removed", %%8451 "Failure
    -- added").  {0CCE9215-69AE-11D9-BED3-505054503030} is the Logon
    -- subcategory (ntsecapi.h's Audit_Logon_Logon), %%12544 its name.
    local function audit_change(t, who, guid, changes)
      local d = { CategoryId = "%%8273", SubcategoryId = "%%12544",
                  SubcategoryGuid = guid or "{0CCE9215-69AE-11D9-BED3-505054503030}",
                  AuditPolicyChanges = changes or "%%8448, %%8450" }
      if who == "gpo" then -- (Group Policy applied by the computer, as SYSTEM)
        d.SubjectUserSid, d.SubjectUserName, d.SubjectDomainName, d.SubjectLogonId =
          "S-1-5-18", "SRV01$", "CORP", "0x3e7"
      else
        d.SubjectUserSid, d.SubjectUserName, d.SubjectDomainName, d.SubjectLogonId =
          "S-1-5-21-1-2-3-1105", "admin", "CORP", "0x1234567"
      end
      return { id = 4719, time = at(t), computer = "srv01.corp.local", data = d }
    end

    -- CORP\admin, a person's account, takes away Success and Failure
    -- auditing of logons after guessing at them: every logon after that
    -- went unlogged on this host, so the quiet that follows proves
    -- nothing.  An attacker covering tracks, as loud as a clear.
    it("reads a person's removal of logon auditing as high, naming who and what", function()
      local log = {}
      for i = 1, 3 do log[i] = failed_logon("admin", "CORP", "10.0.0.66", "KALI", i * 30) end
      log[#log + 1] = audit_change(120)
      local f = one(sc.triage(log), "log_gaps")
      assert.are.equal("high", f.severity)
      assert.are.same({ "CORP\\admin" }, f.accounts)
      local e = f.evidence[1]
      assert.are.same({ "CORP\\admin", "0x1234567", "Logon", "Success removed, Failure removed" },
                      { e.account, e.logon_id, e.subcategory, e.changes })
      assert.matches("CORP\\admin (logon ID 0x1234567) changed the auditing of Logon " ..
                     "(Success removed, Failure removed)", f.check[1], 1, true)
      assert.matches("no evidence", f.check[1], 1, true)
      -- (Kerberos Authentication Service, {0CCE9242-...}: the DC's 4768s
      -- and 4771s; a removal of Failure alone is one too)
      f = one(sc.triage({ audit_change(0, nil, "{0cce9242-69ae-11d9-bed3-505054503030}",
                                       "%%8450") }), "log_gaps")
      assert.are.equal("high", f.severity)
      assert.matches("auditing of Kerberos Authentication Service (Failure removed)",
                     f.check[1], 1, true)
    end)

    -- The same change by Group Policy (SYSTEM, the computer's account,
    -- 0x3e7) is the domain's policy applied, and a person adding auditing
    -- or removing it from what tells no logon (File System,
    -- {0CCE921D-...}) takes nothing from this report: low, as before.
    it("keeps Group Policy's and harmless audit changes low", function()
      local cases = {
        { audit_change(0, "gpo"), "CORP\\SRV01$", "0x3e7", "Logon",
          "Success removed, Failure removed" },
        { audit_change(0, nil, nil, "%%8449, %%8451"), "CORP\\admin", "0x1234567", "Logon",
          "Success added, Failure added" },
        { audit_change(0, nil, "{0cce921d-69ae-11d9-bed3-505054503030}"), "CORP\\admin",
          "0x1234567", "{0CCE921D-69AE-11D9-BED3-505054503030}",
          "Success removed, Failure removed" },
      }
      for _, c in ipairs(cases) do
        local f = one(sc.triage({ c[1] }), "log_gaps")
        assert.are.equal("low", f.severity)
        assert.matches("Group Policy", f.check[1], 1, true)
        local e = f.evidence[1]
        assert.are.same({ c[2], c[3], c[4], c[5] },
                        { e.account, e.logon_id, e.subcategory, e.changes })
        assert.is_nil(e.alarm)
      end
      -- (the computer's own account is no person among the accounts)
      assert.are.same({}, one(sc.triage({ cases[1][1] }), "log_gaps").accounts)
    end)

    -- Seven removals by a person's account, none by Group Policy: the
    -- first five are named (the triage keeps five of an ID that alarm), the
    -- other two are counted as removals too, and no line reads them as
    -- Group Policy's routine ones.  With routine ones beside them, their
    -- line comes back.
    it("counts the removals past those it names, and no routine line for them", function()
      local log = {}
      for i = 1, 7 do log[i] = audit_change(i * 60) end
      local f = one(sc.triage(log), "log_gaps")
      assert.are.equal("high", f.severity)
      assert.are.equal(6, #f.check)
      for i = 1, 5 do assert.matches("CORP\\admin (logon ID 0x1234567)", f.check[i], 1, true) end
      assert.matches("^4719: 2 more changes like these", f.check[6])
      for _, line in ipairs(f.check) do assert.no.matches("Group Policy logs it", line, 1, true) end
      log[#log + 1] = audit_change(9000, "gpo")
      f = one(sc.triage(log), "log_gaps")
      assert.are.equal(7, #f.check)
      assert.matches("^4719: 2 more changes like these", f.check[6])
      assert.matches("Group Policy logs it", f.check[7], 1, true)
    end)

    -- A domain refreshes Group Policy all day: a person's removal after
    -- many routine 4719s is still found (the triage keeps the first few
    -- of each ID apart from those that alarm), read in two parts too.
    it("finds a person's removal of logon auditing after many of Group Policy's", function()
      local log = {}
      for i = 1, 8 do log[i] = audit_change(i * 600, "gpo") end
      log[#log + 1] = audit_change(9000)
      local f = one(sc.triage(log), "log_gaps")
      assert.are.equal("high", f.severity)
      assert.are.equal(9, f.gaps[1].count)
      assert.are.equal(2, #f.check) -- (the person's, and Group Policy's)
      assert.matches("Group Policy", f.check[2], 1, true)
      local triage = require "logonerr.events.triage"
      local recs = sc.records(log)
      local a, b = triage.new(triage.DEFAULTS), triage.new(triage.DEFAULTS)
      for i, rec in ipairs(recs) do (i <= 4 and a or b):add(rec) end
      local st = b:state()
      assert.is_true(triage.check(st))
      a:merge(st)
      assert.are.equal("high", one(a:finish(), "log_gaps").severity)
    end)

    -- A 4719 with fields missing or odd (no Subject, "-", a GUID that is
    -- none, codes Microsoft does not list, values of a JSON log that are
    -- not text) is counted and named as far as it says, never more.
    it("names no one and nothing a bad 4719 does not say", function()
      local odd = { { id = 4719, time = at(0), data = {} },
                    { id = 4719, time = at(1), data = { SubjectUserName = "-",
                      SubjectDomainName = "-", SubjectLogonId = "0x0", SubcategoryGuid = "Logon",
                      AuditPolicyChanges = "%%9999, junk" } },
                    audit_change(2, nil, "not a GUID", "Success removed, %%9999") }
      local f = one(sc.triage(odd), "log_gaps")
      assert.are.equal("low", f.severity)
      for i = 1, 2 do
        local e = f.evidence[i]
        assert.are.same({ 4719 }, { e.id, e.account, e.logon_id, e.subcategory, e.changes })
      end
      -- (a person's account removing what its GUID does not say: named,
      -- its change read as the text an export shows, and no alarm)
      local e = f.evidence[3]
      assert.are.same({ "CORP\\admin", "0x1234567", nil, "Success removed", nil },
                      { e.account, e.logon_id, e.subcategory, e.changes, e.alarm })
      assert.are.same({ "CORP\\admin" }, f.accounts)
      -- (a person removing what the event does not say: no alarm)
      local x = audit_change(0)
      x.data.SubcategoryGuid = nil
      assert.are.equal("low", one(sc.triage({ x }), "log_gaps").severity)
      f = one(events.triage({ { id = 4719, time = "2024-05-01T10:00:00Z", data = {
        SubjectUserName = { "admin" }, SubjectDomainName = true, SubjectLogonId = {},
        SubcategoryGuid = 5, AuditPolicyChanges = { "%%8448" } } } }), "log_gaps")
      assert.are.equal("low", f.severity)
      assert.is_nil(f.evidence[1].account)
    end)

    it("makes no such finding of a log that says nothing of itself", function()
      none(sc.triage({ failed_logon("erin", "CORP", "10.0.0.31", "PC31", 0) }), "log_gaps")
    end)

    -- A real log: events dropped (1101 x4), the service stopped (1100 x3),
    -- events it could not write (1108 x3) and the clock set (4616 x9), as
    -- python-evtx's evtx_dump.py counts them.  A triage reads these as
    -- counts by ID (the reader tallies events no finding reads whole).
    it("counts the gaps of a real log read as EVTX", function()
      local r = events.triage(assert(events.open(
        "spec/fixtures/evtx/omerbenamram-Security_with_size_t.evtx")))
      local f = one(r, "log_gaps")
      local counts = {}
      for _, g in ipairs(f.gaps) do counts[g.id] = g.count end
      assert.are.same({ [1101] = 4, [1100] = 3, [1108] = 3, [4616] = 9 }, counts)
      assert.are.equal("low", f.severity) -- (dropped events: the counts miss some)
    end)

    -- A shutdown logs 1100, and the time service sets the clock at boot
    -- (4616): a workstation's log holds dozens.  Alone they are no gap
    -- worth a finding; beside a telling one they are listed.
    it("makes no finding of shutdowns and clock settings alone", function()
      local log = {}
      for i = 1, 3 do
        log[#log + 1] = { id = 1100, time = at(i * 3600), data = {} }
        log[#log + 1] = { id = 4616, time = at(i * 3600 + 60), data = {} }
      end
      none(sc.triage(log), "log_gaps")
      log[#log + 1] = { id = 1104, time = at(5 * 3600), data = {} }
      local f = one(sc.triage(log), "log_gaps")
      assert.are.same({ 1104, 1100, 4616 }, f.events)
      assert.are.equal("medium", f.severity) -- (the log was full)
    end)
  end)

  describe("findings: severity", function()
    it("gives every finding a severity and sorts by it", function()
      local log = {}
      for i = 1, 9 do log[i] = kerberos_bad("bob", "CORP.LOCAL", "10.0.0.66", i * 0.2) end
      log[10] = tgt("bob", "CORP.LOCAL", "10.0.0.66", 1.81)
      log[11] = { id = 4769, time = at(3), data = { TargetUserName = "bob@CORP.LOCAL",
        TargetDomainName = "CORP.LOCAL", ServiceName = "svc_sql", TicketEncryptionType = "0x17",
        IpAddress = "::ffff:10.0.0.66" } }
      log[12] = { id = 4625, time = at(4), data = { TargetUserName = "hal",
        TargetDomainName = "CORP", Status = "0xc000006e", SubStatus = "0xc0000133",
        IpAddress = "10.0.0.70" } }
      local r = sc.triage(log)
      local rank = { critical = 1, high = 2, medium = 3, low = 4 }
      assert.is_true(#r.findings >= 3)
      local last = 0
      for _, f in ipairs(r.findings) do
        assert.is_number(rank[f.severity], f.kind .. " has no severity")
        assert.is_true(rank[f.severity] >= last, "findings are sorted by severity")
        last = rank[f.severity]
      end
    end)
  end)

  describe("findings: logons from the internet", function()
    -- omerbenamram's Security_short_selected: one RDP failure for the
    -- built-in Administrator from 23.94.153.202, a public address, and a
    -- 5152 (the firewall blocked a packet) from it to port 3389.  One
    -- failure is no guessing, and the report said "Findings: none"; but
    -- RDP answering the internet is how much ransomware gets in, and a
    -- responder must hear it.  Public: not in IANA's special-purpose
    -- blocks (RFC 6890): private (RFC 1918), carrier NAT (RFC 6598),
    -- loopback, link-local, documentation (RFC 5737), multicast.
    local function rdp_fail(ip, t)
      return { id = 4625, time = at(t), computer = "ws01.corp.local", data = {
               TargetUserName = "Administrator", TargetDomainName = "WS01", LogonType = "10",
               IpAddress = ip, WorkstationName = "-", SubStatus = "0xc000006a" } }
    end
    local function rdp_logon(user, ip, t)
      return { id = 4624, time = at(t), computer = "ws01.corp.local", data = {
               TargetUserName = user, TargetDomainName = "CORP", LogonType = "10",
               IpAddress = ip, WorkstationName = "-" } }
    end

    -- A botnet sprays an RDP server: one list of 25 accounts, each tried
    -- once within 40 s, each try from an address of its own.  No address
    -- sent enough for a spray (a spray is one source's), and each account
    -- got one bad password; but 25 accounts in a minute at one host is a
    -- tool's pace, and people mistyping from home never come that fast.
    -- One finding, whose advice is not "block the source": there are 25.
    -- Rules.DEFAULTS.unnamed_tool (20) is the pace; 19 accounts are not it.
    local function sprayed_from(n, first_octet, step)
      local log = {}
      for i = 1, n do
        log[i] = failed_logon("user" .. i, "SRV01", ("%d.%d.7.%d"):format(first_octet, i, i), "-",
                              i * step, nil, "srv01.corp.local")
        log[i].data.LogonType = "3"
      end
      return log
    end
    -- (a logon of user from ip on SRV01, with the sprayed accounts' domain)
    local function got_in(user, ip, t)
      local e = logged_on(user, ip, "-", t)
      e.data.TargetDomainName = "SRV01"
      return e
    end
    it("finds a spray from many addresses of the internet, each sending one", function()
      local r = sc.triage(sprayed_from(25, 45, 1.6))
      local f = one(r, "password_spray")
      assert.are.same({ "attacker", "high", 25, 25 },
                      { f.reading, f.severity, #f.accounts, #f.sources })
      assert.are.equal(rules.WHY.distributed:format(25, "srv01.corp.local", 25), f.why)
      assert.matches("many addresses", f.title, 1, true)
      assert.matches("will not stop it", f.check[1], 1, true)
      none(sc.triage(sprayed_from(19, 45, 1.6)), "password_spray")
    end)

    -- What is not such a spray: the same 25 users, each mistyping once
    -- from home over the morning (one every 4 minutes: people's pace);
    -- 25 in 40 s from the network's own addresses (a DC at nine o'clock,
    -- where a spray is told by its source); and 25 phones failing through
    -- Outlook on the web, whose front end stands between.
    it("does not read people mistyping as a spray from many addresses", function()
      none(sc.triage(sprayed_from(25, 45, 240)), "password_spray")
      none(sc.triage(sprayed_from(25, 10, 1.6)), "password_spray")
      local log = {}
      for i = 1, 25 do log[i] = via_owa("user" .. i, ("172.56.%d.9"):format(i), "-", i * 1.6) end
      none(sc.triage(log), "password_spray")
    end)

    -- The morning after a forced reset, 25 users each mistype once over
    -- RDP from home and log on 20 s later from the same address: as many
    -- accounts in a minute as a spray, but people, who type again and get
    -- in, where a spray's hit is a success with no failure before it.  Read
    -- with care (medium), saying so.  An account that logs on from the
    -- address of its bad password ten minutes later, with no failure in
    -- between, is what the spray found: critical, as a one-source spray's.
    it("reads people who mistyped and got in, and a spray's hit, apart", function()
      local log = sprayed_from(25, 45, 1.6)
      for i = 1, 25 do
        log[#log + 1] = got_in("user" .. i, ("45.%d.7.%d"):format(i, i), i * 1.6 + 20)
      end
      local f = one(sc.triage(log), "password_spray")
      assert.are.same({ "medium", rules.WHY.distributed_fixed:format(25, "srv01.corp.local", 25,
                                                                     25, 25) },
                      { f.severity, f.why })
      -- (an address that tried its own account alone is its user's: one
      -- who mistyped from home and logged on later, not the spray's hit)
      log = sprayed_from(25, 45, 1.6)
      log[#log + 1] = got_in("user7", "45.7.7.7", 600)
      f = one(sc.triage(log), "password_spray")
      assert.are.same({ "high" }, { f.severity, f.logged_on_later })
      log[8].data.IpAddress = "45.7.7.7" -- (the node tried user8 too)
      f = one(sc.triage(log), "password_spray")
      assert.are.same({ "critical", "SRV01\\user7" }, { f.severity, f.logged_on_later[1].identity })
    end)

    -- An account that had logged on from a node's address before its own
    -- bad password there (in a second spray, six hours after the first)
    -- logs on from it after as it did before: no hit of the spray, though
    -- the node's address was in the first spray too.
    it("reads no hit into a logon from an address the account used before", function()
      local log = sprayed_from(25, 45, 1.6)
      for i = 1, 25 do -- (the same, six hours later)
        log[#log + 1] = failed_logon("user" .. i, "SRV01", ("45.%d.7.%d"):format(i, i), "-",
                                     21600 + i * 1.6, nil, "srv01.corp.local")
      end
      for _, e in ipairs(log) do
        if e.data.TargetUserName == "user8" then e.data.IpAddress = "45.7.7.7" end
      end
      log[7].data.IpAddress = "45.77.7.7" -- (user7's first from 45.7.7.7: at six hours)
      log[#log + 1] = got_in("user7", "45.7.7.7", 10800)
      log[#log + 1] = got_in("user7", "45.7.7.7", 22200)
      local f = one(sc.triage(log), "password_spray")
      assert.are.equal("high", f.severity)
    end)

    -- A botnet whose nodes each try four accounts: each node is a spray of
    -- its own (four accounts from one source), at no tool's pace alone;
    -- the 120 accounts in two minutes are one list, told as such too.
    it("tells a botnet whose nodes each try a few accounts as one spray too", function()
      local log = {}
      for n = 1, 30 do
        for k = 1, 4 do
          local i = (n - 1) * 4 + k
          log[#log + 1] = failed_logon("user" .. i, "SRV01", ("45.%d.7.9"):format(n), "-", i,
                                       nil, "srv01.corp.local")
        end
      end
      local r = sc.triage(log)
      local many = 0
      for _, x in ipairs(r.findings) do
        if x.kind == "password_spray" and x.title == rules.DISTRIBUTED_TITLE then
          many = many + 1
          assert.are.same({ 120, 30 }, { x.accounts_total or #x.accounts,
                                         x.sources_total or #x.sources })
        end
      end
      assert.are.equal(1, many)
    end)

    -- An internet-facing host hears a guess at Administrator from a new
    -- address every 30 s all day; in the middle of it, a spray of 25
    -- accounts in 40 s.  The spray's finding is those minutes, not the day
    -- its failures run into (each less than a minute from the last).
    it("keeps a spray from many addresses to the minutes at its pace", function()
      local log = sprayed_from(25, 45, 1.6)
      for k = 1, 240 do
        log[#log + 1] = failed_logon("Administrator", "SRV01", ("77.%d.%d.1"):format(k % 250, k),
                                     "-", -3600 + k * 30, nil, "srv01.corp.local")
      end
      local f
      for _, x in ipairs(sc.triage(log).findings) do
        if x.title == rules.DISTRIBUTED_TITLE then f = x end
      end
      assert.is_true(f.count <= 30, "count " .. f.count)
      -- (the spray's 40 s, and the guesses of the minutes it reached 20 in)
      assert.is_true(f.first >= "2024-05-01T09:59:00" and f.last <= "2024-05-01T10:01:40",
                     f.first .. " " .. f.last)
    end)

    -- One address of the internet trying the 25 accounts is a spray of
    -- that source, told once: not again as many addresses' (its own
    -- address is one).
    it("tells one address's spray as that source's alone", function()
      local log = sprayed_from(25, 45, 1.6)
      for _, e in ipairs(log) do e.data.IpAddress = "45.9.7.9" end
      local f = one(sc.triage(log), "password_spray")
      assert.are.same({ "45.9.7.9" }, f.sources)
      assert.are_not.equal(rules.WHY.distributed:format(25, "srv01.corp.local", 1), f.why)
    end)

    it("says that a host answers the internet, from one failure", function()
      local f = one(sc.triage({ rdp_fail("23.94.153.202", 0) }), "public_source")
      assert.are.equal("medium", f.severity)
      assert.are.same({ "23.94.153.202" }, f.sources)
      assert.are.same({ "WS01\\Administrator" }, f.accounts)
      assert.are.equal(1, f.count)
      assert.matches("RDP 3389", joined(f), 1, true)
    end)

    -- Outlook on the web, published: twenty users sign in from their
    -- carriers' public addresses (4624 type 8 by Exchange's IIS), one of
    -- them after a mistype.  Users signing in from outside is what the
    -- host is published for: not "close it to the internet, treat each
    -- account as compromised" (high), but the usual medium, with the
    -- sign-ins named and what to read in them.  One RDP logon from outside
    -- beside them (no front end between) is the open port it always was:
    -- high, and its advice.
    it("reads sign-ins through a published web front end as its job", function()
      local log = {}
      for i = 1, 20 do log[i] = signed_in_owa("user" .. i, ("172.56.%d.9"):format(i), i * 60) end
      log[#log + 1] = via_owa("user3", "172.56.3.9", "-", 170)
      local f = one(sc.triage(log), "public_source")
      assert.are.same({ "medium", 20, 21 }, { f.severity, #f.logged_on, f.count })
      assert.matches("multi-factor", joined(f), 1, true)
      assert.is_nil(joined(f):find("close it to the internet", 1, true))
      log[#log + 1] = rdp_logon("bob", "198.20.7.7", 3600)
      f = one(sc.triage(log), "public_source")
      assert.are.same({ "high", rules.WHY.public_success }, { f.severity, f.why })
      assert.matches("close it to the internet", joined(f), 1, true)
    end)

    -- Two RDP logons of bob from a hotel's address: someone logged on from
    -- outside, which only bob can say was him; high, with his name, the
    -- address and the times.
    it("names the logons that worked from the internet, and is high", function()
      local log = { rdp_fail("23.94.153.202", 0), rdp_logon("bob", "198.20.7.7", 60),
                    rdp_logon("bob", "198.20.7.7", 3600) }
      local f = one(sc.triage(log), "public_source")
      assert.are.equal("high", f.severity)
      assert.are.equal(3, f.count)
      assert.are.same({ "23.94.153.202", "198.20.7.7" }, f.sources)
      assert.are.same({ "CORP\\bob", "WS01\\Administrator" }, f.accounts)
      assert.are.equal(1, #f.logged_on)
      local w = f.logged_on[1]
      assert.are.same({ "CORP\\bob", "198.20.7.7", 2 }, { w.identity, w.source, w.count })
      assert.are.equal(select(2, events.time(at(60))), w.first)
      assert.are.equal(select(2, events.time(at(3600))), w.last)
      assert.matches("a logon succeeded from an internet address", f.why, 1, true)
      local text = require("logonerr.events.report").render(sc.triage(log), "text")
      assert.matches("logged on: CORP\\bob from 198.20.7.7: 2 (", text, 1, true)
    end)

    -- An RDP port open to the internet: six bad passwords for WS01's
    -- Administrator from 185.220.101.5, one every 20 s (a person's pace,
    -- and under the 20 that only a tool sends), then a logon from the same
    -- address.  No device of the owner's stores that password out there,
    -- so the stale-password reading (a phone's mail; "ask the user whether
    -- they mistyped") would send the responder the wrong way: the address
    -- is the internet's, and both the guessing and the success are read
    -- as an attack, the success critical.  Where the network numbers its
    -- own hosts from that block (--internal), they are its own again: a
    -- person's mistypes, then their logon.
    it("reads guessing and a success from an internet address as an attack", function()
      local log = {}
      for i = 0, 5 do log[#log + 1] = rdp_fail("185.220.101.5", i * 20) end
      log[#log + 1] = rdp_logon("Administrator", "185.220.101.5", 130)
      log[#log].data.TargetDomainName = "WS01"
      local r = sc.triage(log)
      local g = one(r, "password_guessing")
      assert.are.same({ "attacker", "high" }, { g.reading, g.severity })
      assert.matches("internet address", g.why, 1, true)
      assert.not_matches("phone", joined(g), 1, true)
      local s = one(r, "success_after_failures")
      assert.are.same({ "attacker", "critical" }, { s.reading, s.severity })
      assert.matches("internet address", s.why, 1, true)
      assert.not_matches("mistyped", joined(s), 1, true)
      assert.matches("compromised", s.check[1], 1, true)
      -- (the network's own block)
      r = sc.triage(log, nil, { internal = { "185.220.101.0/24" } })
      none(r, "public_source")
      assert.are.equal("stale_credential", one(r, "password_guessing").reading)
      s = one(r, "success_after_failures")
      assert.are.same({ "stale_credential", "medium" }, { s.reading, s.severity })
    end)

    -- Six bad passwords for carol from 185.220.101.5, 20 s apart, then her
    -- NTLM logon that names no source (a 4776 with no workstation, or a
    -- 4624 with neither address nor workstation).  The success may well be
    -- the guesser's: its failures came from the internet, where no device
    -- of hers mistypes, so "ask the user whether they mistyped" would send
    -- the responder the wrong way.  Read as an attack, naming the address.
    -- The same six from her own PC's address, 10.0.0.5: her mistypes, then
    -- her logon, as before.
    it("reads a sourceless success after failures from the internet as an attack", function()
      local function log_of(ip, success)
        local log = {}
        for i = 1, 6 do log[i] = failed_logon("carol", "CORP", ip, "-", i * 20) end
        log[7] = success
        return log
      end
      for _, won in ipairs({ ntlm("carol", "", 150, "0x0"), logged_on("carol", "-", "-", 150) }) do
        local s = one(sc.triage(log_of("185.220.101.5", won)), "success_after_failures")
        assert.are.same({}, s.sources)
        assert.are.same({ "attacker", "critical" }, { s.reading, s.severity })
        assert.are.equal("the success's record names no source, and failures before it came " ..
                         "from internet addresses, outside the network unless --internal " ..
                         "names their block as the network's own: 185.220.101.5", s.why)
        assert.not_matches("mistyped", joined(s), 1, true)
        assert.matches("compromised", s.check[1], 1, true)
        -- (the internet's finding: no logon named the address, but one
        -- that names none followed, which "none succeeded" would hide)
        local p = one(sc.triage(log_of("185.220.101.5", won)), "public_source")
        assert.matches("none succeeded from one; but a logon whose record names no source " ..
                       "followed", p.why, 1, true)
        s = one(sc.triage(log_of("10.0.0.5", won)), "success_after_failures")
        assert.are.same({ "stale_credential", "medium" }, { s.reading, s.severity })
        assert.matches("names no source", s.why, 1, true)
        assert.matches("mistyped", s.check[1], 1, true)
      end
      -- (inside too: failures from KALI, which tries four other accounts
      -- in the same minutes, before a sourceless success are that attack's)
      local log = tried_with_others("carol")
      log[#log + 1] = ntlm("carol", "", 150, "0x0")
      local s = one(sc.triage(log), "success_after_failures")
      assert.are.equal("attacker", s.reading)
      assert.are.equal("the success's record names no source, and failures before it came " ..
                       "from sources another finding reads as an attack, within the window " ..
                       "of these attempts: 10.0.0.66", s.why)
    end)

    -- Five bad passwords for carol from her PC's address, 10.0.0.5, and one
    -- from 185.220.101.5, then her NTLM logon that names no source.  The
    -- five look like her mistypes and the logon like hers after them; but
    -- an internet address tried her password just before it, and the
    -- success's record cannot tell which of the two it came from.  Still
    -- read as an attack: one outsider's try before a logon no record
    -- places is worth a responder's look (is that address's session on
    -- the host? did carol log on then?), and "ask the user whether they
    -- mistyped" alone would miss the outsider's logon.  But the why must
    -- not say the failures came from internet addresses, where five of
    -- six came from inside: it says how many did, names the address, and
    -- says the record cannot tell which the success is.
    it("says how many of a sourceless success's failures came from the internet", function()
      local log = {}
      for i = 1, 5 do log[i] = failed_logon("carol", "CORP", "10.0.0.5", "-", i * 20) end
      log[6] = failed_logon("carol", "CORP", "185.220.101.5", "-", 110)
      log[7] = ntlm("carol", "", 150, "0x0")
      local s = one(sc.triage(log), "success_after_failures")
      assert.are.same({ "attacker", "critical" }, { s.reading, s.severity })
      assert.are.equal(6, s.failures)
      assert.not_matches("failures before it came from internet addresses", s.why, 1, true)
      assert.matches("1 of the 6 failures before it came from the internet (185.220.101.5:",
                     s.why, 1, true)
      assert.matches("its record cannot tell", s.why, 1, true)
      assert.not_matches("10.0.0.5", s.why, 1, true)
      -- (five more mistypes and a second such logon: one finding of both,
      -- its why of the failures before either, each counted once; the
      -- first's 6 and the second's 11, in the successes' own counts)
      for i = 1, 5 do
        log[#log + 1] = failed_logon("carol", "CORP", "10.0.0.5", "-", 150 + i * 20)
      end
      log[#log + 1] = ntlm("carol", "", 270, "0x0")
      s = one(sc.triage(log), "success_after_failures")
      assert.are.same({ 6, 11 }, { s.successes[1].failures, s.successes[2].failures })
      assert.matches("^the successes' records name no source, and 1 of the 11 failures before " ..
                     "them came from the internet %(185%.220%.101%.5:", s.why)
      assert.matches("whether each success came from the internet", s.why, 1, true)
      assert.matches("their records cannot tell", s.why, 1, true)
    end)

    -- carol mistypes her password five times at her PC (10.0.0.5, PC05)
    -- while KALI (10.0.0.66) sprays seven accounts, hers among them; then
    -- she logs on from her PC.  One guess of her account holds both
    -- sources, an attack's for KALI's alone, and its why names KALI alone;
    -- her PC is no attack's source for that, and her logon from it is her
    -- own after her mistypes (it was read as critical, "the source is in
    -- another finding read as an attack").  A logon of hers that names no
    -- source is an attack's by KALI's try before it, and its why names
    -- KALI, not her PC.
    local function mistypes_beside_spray(success)
      local log = {}
      for i = 1, 5 do log[i] = failed_logon("carol", "CORP", "10.0.0.5", "PC05", i * 20) end
      log[6] = failed_logon("carol", "CORP", "10.0.0.66", "KALI", 110)
      for i = 1, 6 do
        log[#log + 1] = failed_logon("user" .. i, "CORP", "10.0.0.66", "KALI", 110 + i * 5)
      end
      log[#log + 1] = success
      return log
    end
    it("reads a guess's sources as an attack's only where its why names them", function()
      local r = sc.triage(mistypes_beside_spray(logged_on("carol", "10.0.0.5", "PC05", 150)))
      local g = one(r, "password_guessing")
      assert.are.equal("attacker", g.reading)
      assert.matches(": 10.0.0.66$", g.why)
      local s = one(r, "success_after_failures")
      assert.are.same({ "stale_credential", "medium" }, { s.reading, s.severity })
      s = one(sc.triage(mistypes_beside_spray(ntlm("carol", "", 150, "0x0"))),
              "success_after_failures")
      assert.are.equal("attacker", s.reading)
      assert.matches("reads as an attack, .*: 10%.0%.0%.66$", s.why)
    end)

    -- The same, and carol's logon that names no source: is it hers, after
    -- her five mistypes, or KALI's, after its one try?  Its record cannot
    -- tell, and KALI's try makes it worth a responder's look: read as an
    -- attack.  But the why must not say the failures before it came from
    -- an attack's sources, where five of six came from her own PC: it says
    -- how many did, names KALI, and says the rest came from elsewhere.  An
    -- internet address's try among the rest is named as the internet's.
    it("says how many of a sourceless success's failures came from an attack's sources",
       function()
      local log = mistypes_beside_spray(ntlm("carol", "", 150, "0x0"))
      local s = one(sc.triage(log), "success_after_failures")
      assert.are.same({ "attacker", "critical" }, { s.reading, s.severity })
      assert.are.equal(6, s.failures)
      assert.not_matches("and failures before it came from sources", s.why, 1, true)
      assert.matches("1 of the 6 failures before it came from sources another finding reads " ..
                     "as an attack", s.why, 1, true)
      assert.matches("the rest from other sources or none named", s.why, 1, true)
      assert.matches("its record cannot tell): 10.0.0.66", s.why, 1, true)
      assert.not_matches("10.0.0.5", s.why, 1, true)
      log[5] = failed_logon("carol", "CORP", "185.220.101.5", "-", 100)
      s = one(sc.triage(log), "success_after_failures")
      assert.matches("1 of the 6 failures", s.why, 1, true)
      assert.matches(": 10%.0%.0%.66; of its other sources, this one reached the host directly " ..
                     "from the internet.*: 185%.220%.101%.5$", s.why)
    end)

    -- 25 bad passwords for bob from 185.220.101.7 in five seconds, then
    -- bob logs on from there: the success is critical, an attack's by the
    -- burst before it, and its why said so and no more, where the guess of
    -- the same failures says the address is the internet's.  The success
    -- is the one that worked from outside: its why says so too.  Not where
    -- --internal names the block, nor from an inside address.
    it("says the source of a success after a tool's burst is an internet address", function()
      local function burst(ip)
        local log = {}
        for i = 1, 25 do log[i] = failed_logon("bob", "CORP", ip, "-", i * 0.2) end
        log[26] = logged_on("bob", ip, "-", 6)
        return log
      end
      local s = one(sc.triage(burst("185.220.101.7")), "success_after_failures")
      assert.are.same({ "attacker", "critical" }, { s.reading, s.severity })
      assert.are.equal(rules.WHY.after_burst .. "; and the source is an internet address, " ..
                       "outside the network unless --internal names its block as the network's " ..
                       "own: 185.220.101.7", s.why)
      s = one(sc.triage(burst("185.220.101.7"), nil, { internal = { "185.220.101.0/24" } }),
              "success_after_failures")
      assert.are.equal(rules.WHY.after_burst, s.why)
      s = one(sc.triage(burst("10.0.0.66")), "success_after_failures")
      assert.are.equal(rules.WHY.after_burst, s.why)
    end)

    -- carol mistypes her password five times from 185.220.101.66 (her
    -- laptop at a hotel, perhaps) and then logs on from it; a minute later
    -- the same address tries six other accounts.  Her mistypes and logon
    -- alone are hers; beside a spray from the address they are read as
    -- that attack's, and the why said so and no more.  It says the address
    -- is the internet's, which the responder needs to know first: the
    -- logon came from outside.  And a logon of hers that names no source,
    -- after her PC's mistypes and the spraying address's one try: its why
    -- names the address as in the attack nearby and as the internet's.
    -- With --internal naming the block, as before.
    it("says the source in an attack nearby of a success after failures is an internet address",
       function()
      local NEARBY = "the source is in another finding read as an attack, within the window of " ..
                     "these attempts"
      local INTERNAL = { internal = { "185.220.101.0/24" } }
      local log = {}
      for i = 1, 5 do log[i] = failed_logon("carol", "CORP", "185.220.101.66", "-", i * 20) end
      log[6] = logged_on("carol", "185.220.101.66", "-", 110)
      for i = 1, 6 do
        log[#log + 1] = failed_logon("user" .. i, "CORP", "185.220.101.66", "-", 200 + i * 5)
      end
      local s = one(sc.triage(log), "success_after_failures")
      assert.are.same({ "attacker", "critical" }, { s.reading, s.severity })
      assert.are.same({ "185.220.101.66" }, s.sources)
      assert.are.equal(NEARBY .. "; and the source is an internet address, outside the network " ..
                       "unless --internal names its block as the network's own: 185.220.101.66",
                       s.why)
      assert.are.equal(NEARBY, one(sc.triage(log, nil, INTERNAL), "success_after_failures").why)
      log = carol_then_spray()
      s = one(sc.triage(log), "success_after_failures")
      assert.are.equal("attacker", s.reading)
      assert.matches("1 of the 6 failures before it came from sources another finding reads " ..
                     "as an attack", s.why, 1, true)
      assert.matches("its record cannot tell): 185.220.101.66; it reached the host directly " ..
                     "from the internet, not through a web front end (outside the network " ..
                     "unless --internal names its block as the network's own)", s.why, 1, true)
      s = one(sc.triage(log, nil, INTERNAL), "success_after_failures")
      assert.matches("its record cannot tell%): 185%.220%.101%.66$", s.why)
    end)

    -- Nine bad passwords for carol from 185.220.101.5 half a second apart
    -- (a tool's pace), then her NTLM logon that names no source: read as
    -- the tool's success.  The internet's finding must not say "none
    -- succeeded" beside it, as the logon may be that address's: it says
    -- what it says beside a sourceless success after slower failures.
    it("says the internet's failures were followed by a sourceless success at a tool's pace",
       function()
      local log = {}
      for i = 1, 9 do log[i] = failed_logon("carol", "CORP", "185.220.101.5", "-", i * 0.5) end
      log[10] = ntlm("carol", "", 5, "0x0")
      local r = sc.triage(log)
      local s = one(r, "success_after_failures")
      assert.are.same({ "attacker", "critical" }, { s.reading, s.severity })
      assert.matches("faster than a person types", s.why, 1, true)
      assert.matches("none succeeded from one; but a logon whose record names no source " ..
                     "followed", one(r, "public_source").why, 1, true)
      -- (the same burst through Outlook on the web: a tool's pace there too)
      for i = 1, 9 do
        log[i].data.LogonType = "8"
        log[i].data.ProcessName = "C:\\Windows\\System32\\inetsrv\\w3wp.exe"
      end
      r = sc.triage(log)
      assert.are.equal("attacker", one(r, "success_after_failures").reading)
      assert.matches("none succeeded from one; but a logon whose record names no source " ..
                     "followed", one(r, "public_source").why, 1, true)
    end)

    -- carol's phone, on a carrier's internet address, fails six times
    -- through Exchange's IIS (w3wp.exe, ActiveSync) with her old password,
    -- then she logs on at her desk by NTLM, a 4776 with no workstation.
    -- Through a front end users' phones fail whatever else does, and the
    -- guess of those same six failures keeps a stale password's reading
    -- for it: the success after them is no attack's either, and "treat the
    -- account as compromised" beside "update the phone" would contradict
    -- itself.  The same failures from the internet not through a front
    -- end are an attack's (above).  Where the address tries dave's
    -- password too within the window, carol's guess is read as an attack
    -- by itself, and the success after it is that guess's: the front end
    -- is passed over for what else the address does, not for her own
    -- failures read as an attack.
    it("does not read a sourceless success after a front end's failures as an attack", function()
      local log = {}
      for i = 1, 6 do
        local e = failed_logon("carol", "CORP", "100.20.30.40", "-", i * 20, nil,
                               "exch01.corp.local")
        e.data.LogonType = "8"
        e.data.ProcessName = "C:\\Windows\\System32\\inetsrv\\w3wp.exe"
        log[i] = e
      end
      log[7] = ntlm("carol", "", 150, "0x0")
      local r = sc.triage(log)
      assert.are.equal("stale_credential", one(r, "password_guessing").reading)
      local s = one(r, "success_after_failures")
      assert.are.same({ "stale_credential", "medium" }, { s.reading, s.severity })
      assert.matches("names no source", s.why, 1, true)
      assert.matches("none succeeded$", one(r, "public_source").why)
      -- (and dave's password from there, a minute later)
      log[8] = failed_logon("dave", "CORP", "100.20.30.40", "-", 160)
      r = sc.triage(log)
      assert.are.same({ "attacker", "the source also failed for other accounts within the window" },
                      { one(r, "password_guessing").reading, one(r, "password_guessing").why })
      s = one(r, "success_after_failures")
      assert.are.same({ "attacker", "critical" }, { s.reading, s.severity })
      assert.matches("another finding reads as an attack.*: 100%.20%.30%.40; it reached the " ..
                     "host directly from the internet", s.why)
      assert.matches("a logon whose record names no source followed", one(r, "public_source").why,
                     1, true)
      log[8] = nil
      -- (the logon screen is no such front end here: the internet reached
      -- it by RDP without NLA, whose 4625s name winlogon.exe)
      for i = 1, 6 do
        log[i].data.LogonType = "10"
        log[i].data.ProcessName = "C:\\Windows\\System32\\winlogon.exe"
      end
      s = one(sc.triage(log), "success_after_failures")
      assert.are.same({ "attacker", "critical" }, { s.reading, s.severity })
      assert.matches("internet addresses.*: 100%.20%.30%.40$", s.why)
    end)

    -- Bad passwords for the same account from an inside address and from
    -- an internet one, one guessing finding of both: it is read as an
    -- attack for the internet address, and its why names which source
    -- that is, not "the source" as if there were one.
    it("names which of a finding's sources made it an attack's", function()
      local log = {}
      for i = 0, 2 do log[#log + 1] = rdp_fail("10.0.0.5", i * 20) end
      for i = 0, 2 do log[#log + 1] = rdp_fail("185.220.101.5", 100 + i * 20) end
      local g = one(sc.triage(log), "password_guessing")
      assert.are.same({ "10.0.0.5", "185.220.101.5" }, sc.sorted(g.sources))
      assert.are.equal("attacker", g.reading)
      assert.matches("of its sources, this one reached the host directly from the internet",
                     g.why, 1, true)
      assert.matches(": 185.220.101.5$", g.why)
      assert.not_matches("10.0.0.5", g.why, 1, true)
    end)

    -- Twelve bad passwords for WS01's Administrator from 185.220.101.5, one
    -- an hour: RDP without NLA, whose 4625s name winlogon.exe, logon type
    -- 10, and the client's own address.  The logon screen passes on no
    -- one's logon: the address tried the password itself, slowly, as a
    -- guesser does to stay under the lockout, and no device of the
    -- administrator's sits on the internet.  An attack's, as the internet's
    -- finding beside it says; it read as a stale password, exempt as a web
    -- front end is.  The same tries through IIS (w3wp.exe, logon type 8:
    -- Outlook on the web) stay a stale password's: users' phones fail
    -- through it with old passwords, whatever else does.
    it("reads a slow RDP guess from the internet at the logon screen as an attack", function()
      local function tries(process, logon_type)
        local log = {}
        for i = 0, 11 do
          local e = rdp_fail("185.220.101.5", i * 3600)
          e.data.ProcessName, e.data.LogonType = process, logon_type
          log[#log + 1] = e
        end
        return sc.triage(log)
      end
      local r = tries("C:\\Windows\\System32\\winlogon.exe", "10")
      local g = one(r, "password_guessing")
      assert.is_true(g.slow)
      assert.are.same({ "attacker", "medium" }, { g.reading, g.severity })
      assert.matches("the source is an internet address", g.why, 1, true)
      assert.not_matches("phone", joined(g), 1, true)
      assert.are.equal("attacker", one(r, "public_source").reading)
      r = tries("C:\\Windows\\System32\\inetsrv\\w3wp.exe", "8")
      g = one(r, "password_guessing")
      assert.are.same({ "stale_credential", "medium" }, { g.reading, g.severity })
      assert.matches("passes users' logons on", joined(g), 1, true)
    end)

    -- The address as Windows may write it (IPv4-mapped IPv6, in full), and
    -- failures that name no account (a scanner's null sessions): the
    -- internet too.  A workstation name is what the client says it is:
    -- never taken for an address.
    it("reads mapped addresses and nameless failures, not workstation names", function()
      local f = one(sc.triage({ rdp_fail("0:0:0:0:0:ffff:23.94.153.202", 0) }), "public_source")
      assert.are.same({ "23.94.153.202" }, f.sources)
      local nameless = {}
      for i = 1, 3 do nameless[i] = failed_logon("-", "-", "45.9.8.7", "-", i) end
      assert.are.equal(3, one(sc.triage(nameless), "public_source").count)
      none(sc.triage({ { id = 4776, time = at(0), data = { TargetUserName = "bob",
                        Workstation = "8.8.8.8", Status = "0xc000006a" } } }), "public_source")
    end)

    -- The same logons from addresses that are not the internet's: no finding.
    it("leaves out private, shared, loopback, link-local and documentation addresses",
       function()
      local log = {}
      for i, ip in ipairs({ "10.1.2.3", "172.16.9.9", "172.31.0.1", "192.168.0.7", "100.64.1.1",
                            "127.0.0.1", "169.254.3.3", "192.0.2.10", "198.51.100.4",
                            "203.0.113.9", "198.18.0.5", "fe80::1", "2001:db8::5" }) do
        log[#log + 1] = rdp_fail(ip, i * 600)
        log[#log + 1] = rdp_logon("bob", ip, i * 600 + 30)
      end
      none(sc.triage(log), "public_source")
    end)

    -- A university owns 23.94.0.0/16 and numbers its own hosts from it:
    -- the RDP failure from 23.94.153.202 is a host of its own, and the
    -- finding would be on every log it reads.  Its blocks, named, are
    -- left out; an address outside them is still the internet, and a
    -- block written wrong is refused by name, before anything is read.
    it("leaves out the network's own public blocks, named as internal", function()
      local log = { rdp_fail("23.94.153.202", 0), rdp_logon("bob", "198.20.7.7", 60) }
      local r = sc.triage(log, nil, { internal = { "23.94.0.0/16" } })
      local f = one(r, "public_source")
      assert.are.same({ "198.20.7.7" }, f.sources) -- (bob's logon: not in the block)
      assert.are.equal(1, f.count)
      -- (the report says what the blocks left out: the failure)
      assert.are.same({ blocks = { "23.94.0.0/16" }, attempts = 1 }, r.internal)
      assert.is_nil(sc.triage(log).internal)
      -- (a logon a DC logs as a TGT and the server as a 4624 is one: three
      -- of bob's from the block are 3, as public_source counts them; an
      -- address alone is its /32)
      local won = {}
      for i = 1, 3 do
        won[#won + 1] = tgt("bob", "CORP.LOCAL", "23.94.1.1", i * 60)
        won[#won + 1] = { id = 4624, time = at(i * 60 + 0.1), computer = "srv01.corp.local",
                          data = { TargetUserName = "bob", TargetDomainName = "CORP",
                                   LogonType = "3", IpAddress = "23.94.1.1" } }
      end
      assert.are.equal(3, one(sc.triage(won), "public_source").logged_on[1].count)
      assert.are.same({ blocks = { "23.94.0.0/16", "23.94.1.1/32" }, attempts = 3 },
                      sc.triage(won, nil, { internal = { "23.94.0.0/16", "23.94.1.1" } }).internal)
      none(sc.triage(log, nil, { internal = { "23.94.0.0/16", "198.20.7.7" } }), "public_source")
      -- (the mapped IPv6 form of an address in the block is in it too)
      none(sc.triage({ rdp_fail("::ffff:23.94.1.1", 0) }, nil, { internal = { "23.94.0.0/16" } }),
           "public_source")
      -- (wider than a /8 no network owns, and /0 would hide the internet;
      -- a leading zero is octal to some tools, decimal to others)
      for bad, why in pairs({ ["23.94.0.0/33"] = "is not an IPv4 block",
                              ["2001:db8::/32"] = "is IPv6", ["corp.local"] = "is not an IPv4",
                              ["23.94.0/16"] = "is not an IPv4 block",
                              ["0.0.0.0/0"] = "is wider than any network's own block",
                              ["10.0.0.0/7"] = "is wider than any network's own block",
                              ["023.94.0.0/16"] = "has a number with a leading zero",
                              ["1.2.3.4/8"] = "names an address inside its block: write " ..
                                              "the block as 1.0.0.0/8" }) do
        local ok, err = pcall(sc.triage, log, nil, { internal = { bad } })
        assert.is_false(ok)
        assert.matches("option 'internal': '" .. bad:gsub("%p", "%%%0") .. "' " .. why, err)
      end
      local ok, err = pcall(sc.triage, log, nil, { internal = "23.94.0.0/16" })
      assert.is_false(ok)
      assert.matches("option 'internal': a list of IPv4 blocks, got string", err, 1, true)
    end)
  end)

  describe("findings: failures that name no account", function()
    -- 4625 with TargetUserName "-": no account was named (an anonymous
    -- or null session, a handshake broken off before a name), only where
    -- the attempt came from.
    local function nameless(ip, ws, t, computer)
      return failed_logon("-", "-", ip, ws, t, "0xc0000064", computer)
    end

    -- Two a second for 75 seconds from one address.  No person types that
    -- fast and no device set up wrong retries that often: a tool (a
    -- scanner, a guesser's anonymous tries), whatever it was after.
    it("names a tool's burst from one address as an attack", function()
      local log = {}
      for i = 1, 150 do log[i] = nameless("203.0.113.7", "-", i * 0.5) end
      local r = sc.triage(log)
      assert.are.same({ "unnamed_failures" }, sc.kinds(r))
      local f = one(r, "unnamed_failures")
      assert.are.equal("high", f.severity)
      assert.are.equal("attacker", f.reading)
      assert.are.equal(rules.WHY.unnamed_rate, f.why)
      assert.are.same({ "203.0.113.7" }, f.sources)
      assert.are.same({}, f.accounts) -- (none was named)
      assert.are.equal(150, f.count)
      assert.are.equal(150, f.peak)
      assert.are.same({ "STATUS_NO_SUCH_USER" }, f.codes)
      assert.are.equal(20, #f.evidence)
      assert.are.same(rules.KINDS.unnamed_failures.advice.attacker, f.check)
      -- and the source's row still counts each failure
      assert.are.same({ source = "203.0.113.7", failures = 150, accounts = 0, account_list = {},
                        unnamed_failures = 150 }, r.by_source[1])
    end)

    -- Thirty tries in 15 seconds that name no account, then a network
    -- logon for bob from the same address: the tool that made them got in
    -- with a name.  Both findings, and the success first: the attacker may
    -- be in.
    it("names the logon that follows a burst from the same address", function()
      local log = {}
      for i = 1, 30 do log[i] = nameless("203.0.113.7", "-", i * 0.5) end
      log[31] = logged_on("bob", "203.0.113.7", "-", 16)
      local r = sc.triage(log)
      assert.are.same({ "success_after_failures", "unnamed_failures" }, sc.kinds(r))
      local f = one(r, "success_after_failures")
      assert.are.equal("critical", f.severity)
      assert.are.equal("attacker", f.reading)
      assert.are.equal(30, f.failures)
      assert.matches("bob", f.accounts[1])
      assert.are.equal("attacker", one(r, "unnamed_failures").reading) -- (30 in a minute)
      -- and a logon from another address follows none of them
      log[31] = logged_on("bob", "10.0.0.8", "-", 16)
      none(sc.triage(log), "success_after_failures")
    end)

    -- A monitor or a NAS that connects with no name every 15 seconds:
    -- 21 in any five minutes, steady for ten.  Past what an RDP restriction
    -- logs, but at a program's pace: something set up wrong, to find and fix.
    it("reads a steady pace from one device as a misconfiguration", function()
      local log = {}
      for i = 1, 40 do log[i] = nameless("10.0.0.40", "NAS01", i * 15) end
      local f = one(sc.triage(log), "unnamed_failures")
      assert.are.equal("medium", f.severity)
      assert.are.equal("stale_credential", f.reading)
      assert.are.equal(rules.WHY.unnamed_pace, f.why)
      assert.are.equal(21, f.peak)
      assert.are.same(rules.KINDS.unnamed_failures.advice.stale_credential, f.check)
    end)

    -- A steady pace too, but the address also sprays passwords at five
    -- named accounts: one attack, with and without names.  One mistyped
    -- password from behind the same address is no attack: still the
    -- device's misconfiguration.
    it("reads it as an attack when the source is in an attack on named accounts", function()
      local log = {}
      for i = 1, 25 do log[i] = nameless("10.0.0.40", "-", i * 10) end
      for i, who in ipairs({ "alice", "carol", "dave", "erin", "frank" }) do
        log[#log + 1] = failed_logon(who, "CORP", "10.0.0.40", "-", 120 + i)
      end
      local r = sc.triage(log)
      assert.are.equal("attacker", one(r, "password_spray").reading)
      local f = one(r, "unnamed_failures")
      assert.are.equal("attacker", f.reading)
      assert.are.equal(rules.WHY.named_attack, f.why)
      assert.are.equal(25, f.count)
      for _ = 1, 4 do log[#log] = nil end -- (alice alone)
      f = one(sc.triage(log), "unnamed_failures")
      assert.are.equal("stale_credential", f.reading)
    end)

    -- The same burst, and bob's logon five minutes after it began: six of
    -- the tool's tries are still in the window before it, too few and too
    -- slow on average to read as a tool by themselves; that a tool made
    -- them does.
    it("reads a logon after a tool's unnamed failures as an attack", function()
      local log = {}
      for i = 1, 25 do log[i] = nameless("203.0.113.7", "-", i * 0.5) end
      log[26] = logged_on("bob", "203.0.113.7", "-", 310)
      local f = one(sc.triage(log), "success_after_failures")
      assert.are.equal(6, f.failures)
      assert.are.equal("attacker", f.reading)
      assert.are.equal(rules.WHY.after_unnamed, f.why)
    end)

    -- A load balancer's health probe from 10.0.0.250 fails with no name
    -- every 30 s; alice, bob and carol log on through the same address.
    -- The probe's pace is no tool's: their logons follow nothing.
    it("puts no logon after a slow device's failures", function()
      local log = {}
      for i = 1, 20 do log[i] = nameless("10.0.0.250", "-", i * 30) end
      for i, who in ipairs({ "alice", "bob", "carol" }) do
        log[#log + 1] = logged_on(who, "10.0.0.250", "-", 600 + i)
      end
      assert.are.same({}, sc.kinds(sc.triage(log)))
    end)

    -- The failures before a logon are those of the window before it, named
    -- or not, counted in time order: a tool's burst long before, then five
    -- bad passwords for alice just before bob logs on.
    it("counts the named and unnamed failures of the window before a logon", function()
      local log = {}
      for i = 1, 25 do log[i] = nameless("203.0.113.7", "-", i * 0.5) end
      for i = 1, 5 do log[#log + 1] = failed_logon("alice", "CORP", "203.0.113.7", "-", 600 + i) end
      log[#log + 1] = logged_on("bob", "203.0.113.7", "-", 610)
      local f = one(sc.triage(log), "success_after_failures")
      assert.are.equal(5, f.failures)
    end)

    -- Nothing to act on: fewer than `unnamed` in the window from another
    -- host (an RDP restriction, an old client); and any number from the
    -- logging host itself, with no address (a local service) or under its
    -- own name (a DC's Schannel logs a certificate it cannot map so).
    -- Each is still counted under its source.
    it("makes none of a few, nor of the logging host's own", function()
      local log = {}
      for i = 1, 19 do log[#log + 1] = nameless("10.0.0.41", "-", i * 5) end -- (20 make one)
      for i = 1, 200 do -- (a service of the host: logon type 5, no address)
        log[#log + 1] = nameless(nil, "-", i * 0.5)
        log[#log].data.LogonType = "5"
      end
      for i = 1, 200 do log[#log + 1] = nameless(nil, "DC01", i * 0.5, "dc01.corp.local") end
      local r = sc.triage(log)
      assert.are.same({}, sc.kinds(r))
      local by = {}
      for _, x in ipairs(r.by_source) do by[x.source] = x.unnamed_failures end
      assert.are.same({ ["10.0.0.41"] = 19, ["local"] = 200, DC01 = 200 }, by)
    end)

    it("follows the options unnamed and unnamed_tool", function()
      local log = {}
      for i = 1, 150 do log[i] = nameless("203.0.113.7", "-", i * 0.5) end
      none(sc.triage(log, nil, { unnamed = 151 }), "unnamed_failures")
      assert.are.equal(150, one(sc.triage(log, nil, { unnamed = 150 }), "unnamed_failures").count)
      -- (121 in the busiest minute)
      local f = one(sc.triage(log, nil, { unnamed_tool = 122 }), "unnamed_failures")
      assert.are.equal("stale_credential", f.reading)
      f = one(sc.triage(log, nil, { unnamed_tool = 121 }), "unnamed_failures")
      assert.are.equal("attacker", f.reading)
    end)
  end)

  -- Thresholds and windows are positive numbers; a misspelt option would
  -- otherwise be ignored and the default used without a word.
  describe("options", function()
    local log = { kerberos_bad("bob", "CORP.LOCAL", "10.0.0.66", 0) }
    for _, bad in ipairs({
      { { windwo = 60 }, "unknown option 'windwo'" },
      { { window = 0 }, "option 'window' must be a positive number, got 0" },
      { { guessing = -1 }, "option 'guessing' must be a positive number, got %-1" },
      { { slow_window = "1d" }, "option 'slow_window' must be a positive number, got 1d" },
      { { spray = 0 / 0 }, "option 'spray' must be a positive number" },
    }) do
      it("refuses " .. bad[2]:gsub("%%", ""), function()
        local recs = sc.records(log)
        local ok, err = pcall(events.triage, recs, bad[1])
        assert.is_false(ok)
        assert.matches("bad argument #2 to 'triage' %(" .. bad[2], err)
      end)
    end
  end)
end)
