-- `logonerr events` run as an administrator runs it.
local run = require("support.run").command
local dkjson = require "dkjson"
local events = require "logonerr.events"

local S = "spec/fixtures/evtx/"

describe("logonerr events", function()
  if not events.evtx then
    pending("logonerr.evtx is not built")
    return
  end

  -- exit 2, nothing on stdout, the message on stderr (a pattern, or plain)
  local function refused(args, message, plain)
    return require("support.run").refused("events " .. args, message, plain)
  end

  it("reports findings first, then the tables", function()
    local code, out, err = run("events " .. S .. "mitre-4771-kerberos-bf-valid-user.evtx")
    assert.are.equal(0, code)
    assert.are.equal("", err)
    assert.matches("^Security events: 54 events read, 54 failures, 0 skipped", out)
    local f, t = out:find("Password guessing", 1, true), out:find("Failure events by code", 1, true)
    assert.is_true(f < t)
    assert.matches("54  0x18         KDC_ERR_PREAUTH_FAILED", out, 1, true)
  end)

  -- (a file of a few MB is read by one process, with one thread: the
  -- same EVTX on stdin, whose size is not known, with -j threads)
  it("gives the same report with -j 2 and -j 3 as with one, on a file and on stdin", function()
    local path = S .. "python-evtx-security.evtx" -- 33 chunks
    local code, one = run("events -f json " .. path)
    assert.are.equal(0, code)
    one = dkjson.decode(one)
    assert.are.equal(2261, one.events)
    local f = assert(io.open(path, "rb"))
    local bytes = f:read("*a")
    f:close()
    for _, j in ipairs({ 2, 3 }) do
      local c, out = run("events -f json -j " .. j .. " " .. path)
      assert.are.equal(0, c)
      assert.are.same(one, dkjson.decode(out))
      c, out = run("events -f json -j " .. j .. " -", bytes)
      assert.are.equal(0, c)
      assert.are.same(one, dkjson.decode(out))
    end
    local c, _, err = run("events -j 0 " .. path)
    assert.are.equal(2, c)
    assert.matches("jobs must be a whole number from 1 to 64", err, 1, true)
  end)

  it("writes JSON in the shape SPEC gives", function()
    local code, out = run("events -f json " .. S .. "mitre-4625-accountrestore-local-bf.evtx")
    assert.are.equal(0, code)
    local r = dkjson.decode(out)
    assert.are.equal(16, r.events)
    assert.are.equal(16, r.failures)
    assert.are.equal(0, r.skipped)
    assert.are.same({ name = "STATUS_WRONG_PASSWORD", namespace = "ntstatus",
                      code = 0xC000006A, hex = "0xC000006A", count = 16 },
                    { name = r.by_code[1].name, namespace = r.by_code[1].namespace,
                      code = r.by_code[1].code, hex = r.by_code[1].hex,
                      count = r.by_code[1].count })
    assert.are.same({ "WIN\\Admin", "WIN\\Administrator" },
                    { r.by_account[1].account, r.by_account[2].account })
    assert.are.same({ source = "WIN", failures = 16, accounts = 2 },
                    { source = r.by_source[1].source, failures = r.by_source[1].failures,
                      accounts = r.by_source[1].accounts })
    assert.are.equal("password_guessing", r.findings[1].kind)
    for _, k in ipairs({ "accounts", "sources", "count", "first", "last" }) do
      assert.is_not_nil(r.findings[1][k])
    end
  end)

  it("writes Markdown and HTML", function()
    local code, out = run("events -f markdown " .. S .. "mitre-4625-accountrestore-local-bf.evtx")
    assert.are.equal(0, code)
    assert.matches("## Findings", out, 1, true)
    -- (an underscore between letters cannot start emphasis: CommonMark
    -- reads STATUS_WRONG_PASSWORD as it is, escaped or not)
    assert.matches("| 16 | `0xC000006A` | STATUS_WRONG_PASSWORD |", out, 1, true)
    code, out = run("events -f html " .. S .. "mitre-4625-accountrestore-local-bf.evtx")
    assert.are.equal(0, code)
    assert.matches("^<!DOCTYPE html>", out)
    assert.matches("<svg", out, 1, true)
    assert.is_nil(out:find("<script", 1, true))
    assert.is_nil(out:find("https?://[^\"]*%.css"))
  end)

  it("prints records as NDJSON with --records, filtered by account and time", function()
    local code, out = run("events --records --account admin " .. S ..
                          "mitre-4625-accountrestore-local-bf.evtx")
    assert.are.equal(0, code)
    local n = 0
    for line in out:gmatch("[^\n]+") do
      local rec = dkjson.decode(line)
      assert.are.equal("WIN\\Admin", rec.account)
      assert.are.equal("STATUS_WRONG_PASSWORD", rec.code.name)
      n = n + 1
    end
    assert.are.equal(8, n)
    code, out = run("events --records --since 2030-01-01 " .. S ..
                    "mitre-4625-accountrestore-local-bf.evtx")
    assert.are.equal(0, code)
    assert.are.equal("", out)
  end)

  it("filters by source, and by a day given alone in --until", function()
    local log = S .. "mitre-4768-4771-kerbrute-user-enum.evtx" -- all on 2021-12-03
    local code, out = run("events -f json --source 10.23.123.11 " .. log)
    assert.are.equal(0, code)
    assert.are.equal(42, dkjson.decode(out).events)
    code, out = run("events -f json --source 192.0.2.1 " .. log)
    assert.are.equal(0, code)
    assert.are.equal(0, dkjson.decode(out).events)
    code, out = run("events -f json --until 2021-12-03 " .. log)
    assert.are.equal(0, code)
    assert.are.equal(42, dkjson.decode(out).events)
    code, out = run("events -f json --until 2021-12-02 " .. log)
    assert.are.equal(0, code)
    assert.are.equal(0, dkjson.decode(out).events)
    -- 12:06:05 at UTC+01:00 is 11:06:05Z: before every event
    code, out = run("events -f json --until 2021-12-03T12:06:05+01:00 " .. log)
    assert.are.equal(0, code)
    assert.are.equal(0, dkjson.decode(out).events)
  end)

  -- kerbrute from 10.23.123.11: names refused, a spray, and TGTs with
  -- pre-authentication for admmig (after 4 refusals of other names), hack1
  -- and dsrm (after the spray), each with no failure of its own.  What
  -- makes admmig's TGT an attack is the source's failures for the other
  -- accounts: a responder who asks about admmig alone, or about the last
  -- two seconds, must still see it, read as it is read on the whole log.
  -- The tables count what the filters keep.
  it("finds with every record, and keeps the findings about what the filters ask", function()
    local log = S .. "mitre-4768-4771-kerbrute-user-enum.evtx"
    local function report(filters, env)
      local code, out = run("events -f json " .. filters .. " " .. log, nil, env)
      assert.are.equal(0, code)
      return dkjson.decode(out)
    end
    local kinds = require("support.scenario").kinds
    local r = report("--account admmig")
    assert.are.equal(1, r.events) -- (its TGT)
    assert.are.same({ "success_after_failures" }, kinds(r))
    local f = r.findings[1]
    assert.are.equal("critical", f.severity)
    assert.are.equal("attacker", f.reading)
    assert.are.equal(4, f.successes[1].failures) -- (the source's, for other names)
    assert.are.equal(0, f.successes[1].own_failures)
    assert.are.same({ "OFFSEC.LAN\\admmig" }, { r.by_account[1].account })
    -- (from 12:06:11, the spray's last guesses and hack1's and dsrm's TGTs)
    r = report("--since 2021-12-03T12:06:11Z")
    assert.are.equal(6, r.events)
    assert.are.same({ "asrep_roasting", "password_spray", "success_after_failures" }, kinds(r))
    -- (the names probed before 12:06:08 are no finding of the last seconds)
    for _, x in ipairs(r.findings) do assert.are_not.equal("user_enumeration", x.kind) end
    -- an account no finding names: its table row, no finding
    r = report("--account svc-ata")
    assert.are.equal(1, r.events)
    assert.are.same({ "password_spray" }, kinds(r)) -- (sprayed, with 21 others)
    r = report("--source 192.0.2.1")
    assert.are.same({}, kinds(r))
    -- the same report from a worker, which takes one of two files (one of
    -- them python-evtx-security's 33 chunks, read in parts)
    local more = " " .. S .. "python-evtx-security.evtx"
    for _, filters in ipairs({ "--account admmig", "--since 2021-12-03T12:06:11Z" }) do
      assert.are.same(report(filters .. more),
                      report("-j 2 " .. filters .. more, "LOGONERR_POOL_BYTES=0"))
    end
  end)

  -- A responder scoping an incident to one subnet: 10.0.0.5 guesses
  -- alice's password twelve times in a minute (a guess, whatever the
  -- filter), 10.0.1.7 bob's from the next subnet, and 10.0.0.200 logs on
  -- as carol.  --source 10.0.0.0/24 keeps the events of the two addresses
  -- in it, and of the findings the one about 10.0.0.5: bob's guess is
  -- another subnet's.
  it("filters by a block of addresses, its events and its findings", function()
    local sc = require "support.scenario"
    local list = {}
    for i = 1, 12 do
      list[#list + 1] = { id = 4625, time = sc.at("2024-05-01T10:00:00", i * 4),
                          data = { TargetUserName = "alice", TargetDomainName = "CORP",
                                   IpAddress = "10.0.0.5" } }
      list[#list + 1] = { id = 4625, time = sc.at("2024-05-01T10:00:01", i * 4),
                          data = { TargetUserName = "bob", TargetDomainName = "CORP",
                                   IpAddress = "10.0.1.7" } }
    end
    list[#list + 1] = { id = 4624, time = sc.at("2024-05-01T10:05:00", 0),
                        data = { TargetUserName = "carol", TargetDomainName = "CORP",
                                 IpAddress = "10.0.0.200" } }
    local log = sc.write(list, "json")
    local function report(filters)
      local code, out, err = run("events -f json " .. filters .. " " .. log)
      assert.are.equal(0, code, err)
      return dkjson.decode(out), err
    end
    local whole = report("")
    assert.are.same({ "password_guessing", "password_guessing" }, sc.kinds(whole))
    local r = report("--source 10.0.0.0/24")
    assert.are.equal(13, r.events)
    assert.are.same({ "password_guessing" }, sc.kinds(r))
    assert.are.same({ "10.0.0.5" }, r.findings[1].sources)
    assert.are.same({ "CORP\\alice" }, r.findings[1].accounts)
    r = report("--source 10.0.1.0/24")
    assert.are.equal(12, r.events)
    assert.are.same({ "CORP\\bob" }, r.findings[1].accounts)
    local err
    r, err = report("--source 10.9.0.0/16")
    assert.are.equal(0, r.events)
    assert.are.same({}, r.findings)
    assert.are.equal("logonerr: no event of the 25 read matched --source 10.9.0.0/16\n", err)
    -- (--records keeps the same records)
    local code, out = run("events --records --source 10.0.0.0/24 " .. log)
    assert.are.equal(0, code)
    local n = 0
    for line in out:gmatch("[^\n]+") do
      n = n + 1
      assert.matches('"source":"10%.0%.0%.%d+"', line)
    end
    assert.are.equal(13, n)
    os.remove(log)
  end)

  -- A --source block, written with spaces around it as a shell variable
  -- may leave them: the filter keeps the records from its addresses (an
  -- IPv4-mapped IPv6 one too) and no other source, named or not.
  it("tests the records with a --source block", function()
    local keep = events.filter({ source = " 10.0.0.0/24 " })
    assert.is_true(keep({ id = 4625, source = "10.0.0.5" }))
    assert.is_true(keep({ id = 4625, source = "::ffff:10.0.0.255" }))
    assert.is_false(keep({ id = 4625, source = "10.0.1.5" }))
    assert.is_false(keep({ id = 4625, source = "WS01" }))
    assert.is_false(keep({ id = 4625 }))
  end)

  -- A responder keeps the records --records printed, cuts them down with
  -- jq or grep (here: the Kerberos pre-authentication failures alone), and
  -- triages what is left: the records read back are the records read
  -- (every line was skipped, "a JSON object without an event ID").
  it("reads back what --records printed, into the same report", function()
    for _, name in ipairs({ "mitre-4768-4771-kerbrute-user-enum.evtx",
                            "omerbenamram-Security_with_size_t.evtx" }) do
      local code, lines = run("events --records " .. S .. name)
      assert.are.equal(0, code)
      local _, whole = run("events -f json " .. S .. name)
      local c2, again, err = run("events -f json -", lines)
      assert.are.equal(0, c2, err)
      whole, again = dkjson.decode(whole), dkjson.decode(again)
      for _, k in ipairs({ "events", "failures", "skipped", "findings", "by_account",
                           "by_source", "by_event", "logon_summary" }) do
        assert.are.same(whole[k], again[k], name .. ": " .. k)
      end
    end
    local _, lines = run("events --records " .. S .. "mitre-4768-4771-kerbrute-user-enum.evtx")
    local kept = {}
    for line in lines:gmatch("[^\n]+") do
      if line:find('"id":4771', 1, true) then kept[#kept + 1] = line end
    end
    local _, out = run("events -f json -", table.concat(kept, "\n") .. "\n")
    local r = dkjson.decode(out)
    assert.are.equal(#kept, r.events)
    assert.are.same({ { id = 4771, count = #kept } },
                    { { id = r.by_event[1].id, count = r.by_event[1].count } })
  end)

  -- The records of a Samba audit or of an MIT krb5kdc.log read back are
  -- that log's, as the log itself is: its platform, its own tools'
  -- advice (they said nothing of it, and were taken for Windows' records,
  -- with Windows' advice); and the records of several logs in one stream
  -- give what the logs read together give.
  it("reads back each record's platform, into its own log's report", function()
    local L = "spec/fixtures/linux/"
    local SAMBA, MIT = L .. "samba-auth-audit.log", L .. "krb5kdc.log"
    local EVTX = S .. "mitre-4771-kerberos-bf-valid-user.evtx"
    for _, case in ipairs({ { { SAMBA }, "samba" }, { { MIT }, "mit" },
                            { { SAMBA, MIT, EVTX }, "mixed" },
                            { { EVTX, MIT }, "mixed" } }) do
      local logs = table.concat(case[1], " ")
      local code, lines, err = run("events --records " .. logs)
      assert.are.equal(0, code, err)
      local _, whole = run("events -f json " .. logs)
      local c2, again, err2 = run("events -f json -", lines)
      assert.are.equal(0, c2, err2)
      whole, again = dkjson.decode(whole), dkjson.decode(again)
      assert.are.equal(case[2], again.platform, logs)
      assert.is_true(#again.findings > 0, logs)
      assert.are.same(whole, again, logs)
    end
    -- (each line names its log's platform)
    local _, lines = run("events --records " .. MIT .. " " .. EVTX)
    local named = {}
    for line in lines:gmatch("[^\n]+") do
      local p = dkjson.decode(line).platform
      named[p] = (named[p] or 0) + 1
    end
    local names = {}
    for p in pairs(named) do names[#names + 1] = p end
    table.sort(names)
    assert.are.same({ "mit", "windows" }, names)
  end)

  -- Records that name no platform (cut with jq, or printed before they
  -- named one) are Windows', as they were; a platform logonerr does not
  -- read is a record skipped with the reason, the others read.
  it("takes records without a platform as Windows', and skips an unknown one", function()
    local _, lines = run("events --records spec/fixtures/linux/krb5kdc.log")
    local bare, bad = {}, {}
    for line in lines:gmatch("[^\n]+") do
      local rec = dkjson.decode(line)
      rec.platform = nil
      bare[#bare + 1] = dkjson.encode(rec)
    end
    local code, out, err = run("events -f json -", table.concat(bare, "\n") .. "\n")
    assert.are.equal(0, code, err)
    local r = dkjson.decode(out)
    assert.are.equal("windows", r.platform)
    assert.are.equal(#bare, r.events)
    -- (JSON's null is no platform named either)
    local first = dkjson.decode(bare[1])
    for i, p in ipairs({ "linux", "MIT Kerberos", "", 5, { "mit" }, dkjson.null }) do
      first.platform = p
      bad[i] = dkjson.encode(first)
    end
    code, out, err = run("events -f json -", table.concat(bad, "\n") .. "\n" ..
                                             table.concat(bare, "\n", 2) .. "\n")
    assert.are.equal(0, code, err)
    r = dkjson.decode(out)
    assert.are.equal(5, r.skipped)
    assert.are.equal(#bare, r.events)
    assert.are.equal("windows", r.platform)
    assert.are.same("platform 'linux' is not one logonerr reads (mit, samba or windows)",
                    r.skipped_records[1].reason)
    assert.are.same({ "line 1", "line 2", "line 3", "line 4", "line 5" },
                    { r.skipped_records[1].at, r.skipped_records[2].at,
                      r.skipped_records[3].at, r.skipped_records[4].at,
                      r.skipped_records[5].at })
    assert.matches("platform 5 is not one logonerr reads", r.skipped_records[4].reason, 1, true)
    assert.matches("skipped line 2: platform 'MIT Kerberos' is not one logonerr reads", err, 1,
                   true)
    -- (a name in capitals, as a line edited by hand may have it, is that
    -- platform: the records read as MIT's, with its advice)
    local upper = {}
    for i, line in ipairs(bare) do
      local rec = dkjson.decode(line)
      rec.platform = "MIT"
      upper[i] = dkjson.encode(rec)
    end
    code, out, err = run("events -f json -", table.concat(upper, "\n") .. "\n")
    assert.are.equal(0, code, err)
    r = dkjson.decode(out)
    assert.are.same({ "mit", 0, #bare }, { r.platform, r.skipped, r.events })
  end)

  -- The log's own gaps (events dropped, 1101 x4; events it could not
  -- write, 1108 x3) are counted as the filters keep the log's events:
  -- whatever the account asked about, and not from after the last of them.
  it("counts the log's gaps as the filters keep its events", function()
    local log = S .. "omerbenamram-Security_with_size_t.evtx"
    local function gaps(filters)
      local code, out = run("events -f json " .. filters .. " " .. log)
      assert.are.equal(0, code)
      for _, f in ipairs(dkjson.decode(out).findings) do
        if f.kind == "log_gaps" then return f end
      end
    end
    local counts = {}
    for _, g in ipairs(gaps("--account guest").gaps) do counts[g.id] = g.count end
    assert.are.equal(4, counts[1101])
    assert.are.equal(3, counts[1108])
    assert.is_nil(gaps("--since 2030-01-01"))
  end)

  -- A responder copies a value from a record or from another tool: the
  -- address as the DC wrote it (IPv4-mapped IPv6), the account in its
  -- NetBIOS or UPN spelling, MIT's own principal, the loopback address a
  -- report calls local.  Each names what the records name; a spelling the
  -- log does not hold is said on stderr, not taken for a quiet account.
  it("takes the filters in the spellings logs and tools write", function()
    local log = S .. "mitre-4768-4771-kerbrute-user-enum.evtx"
    local function events_of(filters, path)
      local code, out, err = run("events -f json " .. filters .. " " .. (path or log))
      assert.are.equal(0, code)
      return dkjson.decode(out).events, err
    end
    assert.are.equal(42, events_of("--source ::ffff:10.23.123.11"))
    for _, a in ipairs({ "'OFFSEC\\hack1'", "hack1@offsec.lan", "'OFFSEC.LAN\\hack1'", "HACK1",
                         "' hack1 '" }) do -- (spaces round a pasted name: as a source's)
      assert.are.equal(1, events_of("--account " .. a), a)
    end
    local n, err = events_of("--account 'OTHER\\hack1'")
    assert.are.equal(0, n)
    assert.are.equal("logonerr: no event of the 42 read matched --account OTHER\\hack1\n", err)
    -- (and where events about the log itself, which pass, are all it kept)
    local code, _, err2 = run("events --account nosuchuser " .. S ..
                              "omerbenamram-Security_with_size_t.evtx")
    assert.are.equal(0, code)
    assert.are.equal("logonerr: no event of the 636 read matched --account nosuchuser" ..
                     " (those kept are about the log itself)\n", err2)
    local mit = "spec/fixtures/linux/krb5kdc.log" -- (every line from 127.0.0.1)
    assert.are.equal(27, events_of("--source 127.0.0.1", mit))
    assert.are.equal(13, events_of("--account bob@EXAMPLE.TEST", mit))
  end)

  -- Records without an account or source are tested as "": a name that
  -- names nothing would keep them and pass for the account's.
  it("refuses an --account or --source that names nothing, before reading", function()
    local log = S .. "mitre-4768-4771-kerbrute-user-enum.evtx"
    -- (each as the shell is given it, and as the error shows it)
    for _, x in ipairs({ { "''", "'' is empty" }, { "' '", "' ' names no user" },
                         { "'OFFSEC\\'", "'OFFSEC\\' names no user" },
                         { "@offsec.lan", "'@offsec.lan' names no user" } }) do
      local err = refused("--account " .. x[1] .. " " .. log, "^Usage: logonerr events ")
      assert.matches("\n\nError: --account " .. x[2], err, 1, true)
    end
    assert.matches("(expected DOMAIN\\user, user@domain or the user alone)",
                   refused("--account 'OFFSEC\\' " .. log, "names no user", true), 1, true)
    refused("--source '' " .. log, "Error: --source '' is empty", true)
    refused("--source '\\\\' " .. log, "Error: --source '\\\\' names no address or workstation",
            true)
  end)

  -- No record names the user or workstation "-" (Windows' word for none)
  -- or an account "bob@", and a block written wrong is no block: such a
  -- filter, an unset
  -- shell variable's `$USER@$REALM` among them, kept nothing, as if the
  -- account or source were quiet.  What can name one is still taken.
  it("refuses an --account of @, \\ or -, and a --source of - or a block written wrong",
     function()
    local log = S .. "mitre-4768-4771-kerbrute-user-enum.evtx"
    for _, x in ipairs({ { "@", "'@' names no user" }, { "'\\'", "'\\' names no user" },
                         { "-", "'-' names no user" }, { "' - '", "' - ' names no user" },
                         { "'OFFSEC\\-'", "'OFFSEC\\-' names no user" },
                         { "-@offsec.lan", "'-@offsec.lan' names no user" },
                         { "hack1@", "'hack1@' names no domain after its @" } }) do
      local err = refused("--account=" .. x[1] .. " " .. log, "^Usage: logonerr events ")
      assert.matches("\n\nError: --account " .. x[2], err, 1, true)
    end
    for _, x in ipairs({ { "-", "'-' names no address or workstation" },
                         { "' - '", "' - ' names no address or workstation" },
                         { "'\\\\-'", "'\\\\-' names no address or workstation" },
                         { "fe80::/64", "'fe80::/64' is a block of IPv6 addresses" },
                         { "10.23.123.11/24", "'10.23.123.11/24' names an address inside " ..
                                              "its block: write the block as 10.23.123.0/24" },
                         { "10.0.0.0/4", "'10.0.0.0/4' is wider than any network's own " ..
                                         "block" } }) do
      local err = refused("--source " .. x[1] .. " " .. log, "^Usage: logonerr events ")
      assert.matches("\n\nError: --source " .. x[2], err, 1, true)
    end
    assert.matches("--source local", refused("--source - " .. log, "names no address", true),
                   1, true)
    -- (and through the API, before anything is read)
    assert.has_error(function() events.filter({ account = "@" }) end,
      "bad option 'account' ('@' names no user (expected DOMAIN\\user, user@domain or " ..
      "the user alone))")
    assert.has_error(function() events.filter({ source = "-" }) end)
    -- what names an account or a source is taken: each of these matches
    for _, f in ipairs({ "--account '\\hack1'", "--account 'OFFSEC\\hack1'",
                         "--account hack1@offsec.lan", "--source 10.23.123.11",
                         "--source ::ffff:10.23.123.11" }) do
      local code, out, err = run("events -f json " .. f .. " " .. log)
      assert.are.equal(0, code, f .. ": " .. err)
      assert.is_true(dkjson.decode(out).events > 0, f)
    end
    for _, f in ipairs({ "--source local", "--source '\\\\WS01'", "--source fe80::1",
                         "--account bob" }) do
      local code, _, err = run("events -f json " .. f .. " " .. log)
      assert.are.equal(0, code, f .. ": " .. err)
      assert.matches("no event of the 42 read matched", err, 1, true)
    end
  end)

  -- An empty range is a mistake in the command, not a quiet log.
  it("refuses a --since after --until before reading, and takes one day", function()
    local log = S .. "mitre-4768-4771-kerbrute-user-enum.evtx" -- all on 2021-12-03
    refused("--since 2022-01-01 --until 2021-01-01 no/such.evtx",
            "logonerr: --since 2022-01-01 is after --until 2021-01-01: no event can be " ..
            "in between\n", true)
    refused("--since 2021-12-03T12:00:00Z --until 2021-12-03T11:59:59Z " .. log,
            "is after --until", true)
    local code, out = run("events -f json --since 2021-12-03 --until 2021-12-03 " .. log)
    assert.are.equal(0, code)
    assert.are.equal(42, dkjson.decode(out).events)
    -- (00:30 at UTC+02:00 is 22:30Z the day before: inside --until's day)
    code = run("events --since 2021-12-04T00:30+02:00 --until 2021-12-03 " .. log)
    assert.are.equal(0, code)
  end)

  it("reads stdin, EVTX included", function()
    local f = io.open(S .. "mitre-4771-kerberos-bf-valid-user.evtx", "rb")
    local data = f:read("*a")
    f:close()
    local code, out = run("events -f json", data)
    assert.are.equal(0, code)
    assert.are.equal(54, dkjson.decode(out).events)
  end)

  it("reads several files into one report", function()
    local code, out = run("events -f json " .. S .. "mitre-4771-kerberos-bf-valid-user.evtx " ..
                          S .. "mitre-4625-accountrestore-local-bf.evtx")
    assert.are.equal(0, code)
    assert.are.equal(70, dkjson.decode(out).events)
  end)

  it("writes the same bytes on every run, for each sample and with --records", function()
    local forms = require "support.forms"
    for _, name in ipairs(forms.SAMPLES) do
      local log = S .. name .. ".evtx"
      local c1, a = run("events -f json " .. log)
      local c2, b = run("events -f json " .. log)
      assert.are.same({ 0, 0 }, { c1, c2 })
      assert.is_true(a == b, name .. ": two runs differ")
    end
    local log = S .. "mitre-4768-4771-kerbrute-user-enum.evtx"
    local _, a = run("events --records " .. log)
    local _, b = run("events --records " .. log)
    assert.is_true(a == b, "--records: two runs differ")
  end)

  it("writes the report through a template of one's own with -t", function()
    local tpl = require("support.run").tempfile(
      "{{events}} read{{#findings}}; {{kind}} on {{accounts}}{{/findings}}\n")
    local code, out = run("events -t " .. tpl .. " " .. S ..
                          "mitre-4771-kerberos-bf-valid-user.evtx")
    assert.are.equal(0, code)
    assert.are.equal("54 read; password_guessing on OFFSEC.LAN\\admin-hacker\n", out)
    local bad = require("support.run").tempfile("{{#findings}} never closed")
    local log = S .. "mitre-4771-kerberos-bf-valid-user.evtx"
    local err
    code, out, err = run("events -t " .. bad .. " " .. log)
    assert.are.equal(2, code)
    assert.are.equal("", out)
    assert.matches("section 'findings' is never closed", err, 1, true)
    code, out, err = run("events -t no/such/template " .. log)
    assert.are.equal(2, code)
    assert.are.equal("", out)
    assert.matches("cannot read template", err, 1, true)
    os.remove(tpl)
    os.remove(bad)
  end)

  -- The escaper follows the template file's extension, so a name from the
  -- log stays text in an HTML or Markdown template of one's own.
  it("escapes names from the log by the -t file's extension", function()
    local xml = [[<Events><Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
<System><EventID>4625</EventID><TimeCreated SystemTime="2024-05-01T10:00:00.000Z"/></System>
<EventData><Data Name="TargetUserName">&lt;img src=x onerror=alert(1)&gt;</Data>
<Data Name="TargetDomainName">[click](http://evil)</Data>
<Data Name="Status">0xC000006D</Data><Data Name="SubStatus">0xC000006A</Data>
</EventData></Event></Events>]]
    local log = require("support.run").tempfile(xml)
    local function with(ext)
      local path = os.tmpname() .. ext
      local f = assert(io.open(path, "wb"))
      f:write("{{#by_account}}{{account}}\n{{/by_account}}")
      f:close()
      local code, out, err = run("events -t " .. path .. " " .. log)
      os.remove(path)
      assert.are.equal(0, code, err)
      return out
    end
    local html = with(".html")
    assert.is_nil(html:find("<img", 1, true))
    assert.matches("&lt;img src=x onerror=alert(1)&gt;", html, 1, true)
    assert.is_nil(with(".htm"):find("<img", 1, true))
    local md = with(".md")
    assert.is_nil(md:find("](http://", 1, true))
    assert.matches("\\<img", md, 1, true)
    -- any other extension: text, with its control characters shown
    assert.matches("<img src=x onerror=alert(1)>", with(".txt"), 1, true)
    os.remove(log)
  end)

  describe("-o FILE", function()
    local log = S .. "mitre-4768-4771-kerbrute-user-enum.evtx"
    local slurp = require("support.run").read
    local function scratch(name) -- a path in a fresh folder
      local dir = os.tmpname()
      os.remove(dir)
      assert(require("support.run").ok("mkdir " .. dir))
      return dir .. "/" .. name, dir
    end

    it("writes the report to the file, in the format its extension names", function()
      for ext, format in pairs({ html = "html", md = "markdown", json = "json",
                                 txt = "text", HTML = "html" }) do
        local path, dir = scratch("report." .. ext)
        local code, out, err = run("events -o " .. path .. " " .. log)
        assert.are.equal(0, code, err)
        assert.are.equal("", out)
        local _, want = run("events -f " .. format .. " " .. log)
        if format == "json" then -- the same report (key order aside)
          assert.are.same(dkjson.decode(want), dkjson.decode(slurp(path)))
        else
          assert.are.equal(want, slurp(path), ext)
        end
        os.remove(path)
        os.remove(dir)
      end
    end)

    it("takes -f over the extension, and writes --records as NDJSON", function()
      local path, dir = scratch("report.md")
      assert.are.equal(0, (run("events -f json -o " .. path .. " " .. log)))
      assert.are.equal(42, dkjson.decode(slurp(path)).events)
      os.remove(path)
      path = dir .. "/records.ndjson"
      assert.are.equal(0, (run("events --records -o " .. path .. " " .. log)))
      local n = 0
      for line in slurp(path):gmatch("[^\n]+") do
        assert.is_number(dkjson.decode(line).id)
        n = n + 1
      end
      assert.are.equal(42, n) -- python-evtx reads 42 events in this log
      os.remove(path)
      os.remove(dir)
    end)

    -- - is stdout, as it is stdin among the files: no file of that name
    -- (run in a fresh folder, where one would be made)
    it("writes the report to stdout for -o -", function()
      local support = require "support.run"
      local _, dir = scratch("x")
      local root = support.pwd()
      local function in_dir(args)
        local ok, out = support.sh("cd " .. dir .. " && " .. (os.getenv("LUA") or "lua5.4") ..
                                   " " .. root .. "/bin/logonerr " .. args .. " " .. root ..
                                   "/" .. log .. " 2>/dev/null")
        return ok, out
      end
      local ok, out = in_dir("events -f json -o -")
      assert.is_true(ok)
      assert.are.equal(42, dkjson.decode(out).events)
      ok, out = in_dir("events -o -")
      assert.is_true(ok)
      assert.matches("^Security events: 42 events read", out)
      assert.is_nil(io.open(dir .. "/-", "rb"))
      os.remove(dir)
    end)

    it("refuses a name whose extension says no format, writing nothing", function()
      local path, dir = scratch("report.log")
      refused("-o " .. path .. " " .. log, "cannot tell the report format from the name " ..
              "'.*report%.log': end it in %.html, %.htm, %.md, %.markdown, %.json, %.txt or " ..
              "%.text, or give %-f")
      assert.is_nil(io.open(path, "rb"))
      os.remove(dir)
    end)

    it("refuses a file it cannot write before reading, and leaves a file alone", function()
      local path, dir = scratch("report.html")
      refused("-o " .. dir .. "/no/such/folder/r.html " .. log,
              "^logonerr: cannot write the report: .*no/such/folder/r%.html")
      -- a bad log: the existing report is not truncated
      local f = io.open(path, "wb")
      f:write("before")
      f:close()
      refused("-o " .. path .. " " .. dir .. "/missing.evtx", "missing%.evtx")
      assert.are.equal("before", slurp(path))
      os.remove(path)
      os.remove(dir)
    end)
  end)

  -- omerbenamram's sample: an RDP failure from 23.94.153.202.  A network
  -- that owns that block names it, and the finding goes; a block written
  -- wrong is a usage error, before anything is read.
  it("leaves the blocks given with --internal out of public_source", function()
    local log = S .. "omerbenamram-Security_short_selected.evtx"
    local kinds = require("support.scenario").kinds
    local code, out = run("events -f json " .. log)
    assert.are.equal(0, code)
    assert.are.same({ "public_source" }, kinds(dkjson.decode(out)))
    code, out = run("events -f json --internal 23.94.0.0/16 --internal 10.9.0.0/16 " .. log)
    assert.are.equal(0, code)
    assert.are.same({}, kinds(dkjson.decode(out)))
    -- (the report says what the blocks left out: the RDP failure, once)
    code, out = run("events --internal 23.94.0.0/16 " .. log)
    assert.are.equal(0, code)
    assert.matches("^Security events: [^\n]*; the network's own blocks %(23%.94%.0%.0/16%): " ..
                   "1 attempt from them not taken for the internet\n", out)
    -- (narrowed to a time the RDP failure is not in, the count is still
    -- the whole log's, as public_source is made from every record: said so)
    code, out = run("events --since 2099-01-01 --internal 23.94.0.0/16 " .. log)
    assert.are.equal(0, code)
    assert.matches("^Security events: 0 events read, [^\n]*; the network's own blocks " ..
                   "%(23%.94%.0%.0/16%): 1 attempt from them in the whole log not taken for " ..
                   "the internet\n", out)
    local err
    code, out, err = run("events --internal 23.94.0.0/33 " .. log)
    assert.are.equal(2, code)
    assert.are.equal("", out)
    assert.matches("^Usage: logonerr events ", err)
    assert.matches("Error: '23.94.0.0/33' is not an IPv4 block such as 198.51.100.0/24", err,
                   1, true)
    code, out, err = run("events --internal 0.0.0.0/0 " .. log)
    assert.are.equal(2, code)
    assert.are.equal("", out)
    assert.matches("is wider than any network's own block", err, 1, true)
    -- (records have no findings to tell)
    code, out, err = run("events --records --internal 23.94.0.0/16 " .. log)
    assert.are.equal(2, code)
    assert.are.equal("", out)
    assert.matches("--internal is for the report's findings", err, 1, true)
  end)

  -- Records are JSON lines whatever -f says: -f html was dropped unsaid.
  -- -f json says what they are, and is taken (doc/linux.md pipes it to jq).
  it("refuses -f and -t with --records, and takes -f json", function()
    local log = S .. "mitre-4768-4771-kerbrute-user-enum.evtx"
    for _, f in ipairs({ "text", "markdown", "html" }) do
      refused("--records -f " .. f .. " " .. log, "logonerr: --records prints JSON, one " ..
              "record per line; -f " .. f .. " is for a report\n", true)
    end
    local tpl = require("support.run").tempfile("{{events}}\n")
    refused("--records -t " .. tpl .. " " .. log, "logonerr: --records prints JSON, one " ..
            "record per line; -t is for a report\n", true)
    os.remove(tpl)
    local code, out = run("events --records -f json " .. log)
    assert.are.equal(0, code)
    assert.are.equal(42, select(2, out:gsub("\n", "")))
  end)

  it("says how many events the filters left out", function()
    local log = S .. "mitre-4768-4771-kerbrute-user-enum.evtx" -- 42 events, all in 2021
    local code, out = run("events --since 2099-01-01 " .. log)
    assert.are.equal(0, code)
    assert.matches("^Security events: 0 events read, 0 failures, 0 skipped; 42 more " ..
                   "filtered out by %-%-since, %-%-until, %-%-account or %-%-source\n", out)
    code, out = run("events -f json --since 2099-01-01 " .. log)
    assert.are.equal(0, code)
    assert.are.equal(42, dkjson.decode(out).filtered)
    code, out = run("events " .. log)
    assert.are.equal(0, code)
    assert.is_nil(out:find("filtered", 1, true))
  end)

  it("writes one event, one failure, one lockout in the singular", function()
    -- Guest's one 4768 in the kerbrute log (Result Code 0x12)
    local code, out = run("events --account guest " .. S ..
                          "mitre-4768-4771-kerbrute-user-enum.evtx")
    assert.are.equal(0, code)
    assert.matches("^Security events: 1 event read, 1 failure, 0 skipped ", out)
    local p = require("support.run").tempfile(
      '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System>' ..
      '<EventID>4625</EventID><TimeCreated SystemTime="2024-05-01T10:02:00Z"/>' ..
      '<EventRecordID>1</EventRecordID><Channel>Security</Channel>' ..
      '<Computer>app01.corp.example</Computer></System><EventData>' ..
      '<Data Name="IpAddress">10.0.0.8</Data><Data Name="Status">0xC0000234</Data>' ..
      '<Data Name="SubStatus">0x0</Data><Data Name="TargetDomainName">CORP</Data>' ..
      '<Data Name="TargetUserName">bob</Data></EventData></Event>\n')
    code, out = run("events " .. p)
    os.remove(p)
    assert.are.equal(0, code)
    assert.matches("CORP\\bob %(STATUS_ACCOUNT_LOCKED_OUT%), 1 lockout\n", out)
    assert.is_nil(out:find("1 events", 1, true))
  end)

  it("labels the chart's time axis with the day when the failures span days", function()
    -- Security_with_size_t: failures from 2015-08-23 to 2015-09-02
    local code, out = run("events -f html " .. S .. "omerbenamram-Security_with_size_t.evtx")
    assert.are.equal(0, code)
    local labels = {}
    for text in out:gmatch('<text [^>]*font%-size="10">([^<]*)</text>') do
      labels[#labels + 1] = text
    end
    assert.is_true(#labels >= 3)
    for i, l in ipairs(labels) do
      assert.matches("^%d%d%-%d%d %d%d:%d%d$", l)
      if i > 1 then assert.is_true(l > labels[i - 1], l .. " after " .. labels[i - 1]) end
    end
    assert.are.equal("08-23", labels[1]:sub(1, 5))
    assert.matches(">UTC, from 2015%-08%-23, one bar per 6 hours<", out)
    -- within one day the time alone, the day once in the note
    code, out = run("events -f html " .. S .. "mitre-4771-kerberos-bf-valid-user.evtx")
    assert.are.equal(0, code)
    assert.matches('font%-size="10">14:54:21<', out)
    assert.matches(">UTC, 2021%-12%-02, one bar per", out)
  end)
end)
