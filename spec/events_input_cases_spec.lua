-- The ways issue 20 found logonerr reading the Security log wrong, each as
-- a user meets it: the channel, the same record twice, a damaged chunk,
-- a time that cannot be read, an overlong line, IPv4-mapped sources,
-- Message text, records that lost their fields, archives, folders and -j.
-- The shapes made from the samples are in events_shapes_spec.lua.
local events = require "logonerr.events"
local run = require "support.run"
local dkjson = require "dkjson"

local S = "spec/fixtures/evtx/"
local write = run.tempfile

local function all(src, opts)
  local list = {}
  local it, rd = events.records(src, opts)
  for rec in it do list[#list + 1] = rec end
  return list, rd
end

local function sh(cmd)
  assert(run.ok(run.PLAIN .. "sh -c '" .. cmd:gsub("'", "'\\''") .. "'"), cmd)
end

-- A Winlogbeat 7 line of event id with data, on channel, from provider.
local function beat(id, rid, time, channel, provider, data)
  return dkjson.encode({ ["@timestamp"] = time, winlog = { event_id = id, record_id = rid,
    channel = channel, provider_name = provider, computer_name = "dc1.corp.example",
    event_data = data } }) .. "\n"
end

local FAIL = { TargetUserName = "bob", TargetDomainName = "CORP", Status = "0xC000006D",
               SubStatus = "0xC000006A", IpAddress = "10.0.0.9", LogonType = "3" }

describe("reading the Security log", function()
  it("counts only Security and ForwardedEvents carrying it; others in other_channel", function()
    local p = write(
      beat(4625, 1, "2024-05-01T10:00:00.000Z", "Security",
           "Microsoft-Windows-Security-Auditing", FAIL) ..
      beat(4625, 2, "2024-05-01T10:00:01.000Z", "Application",
           "Microsoft-Windows-EventSystem", { param1 = "x" }) ..
      beat(4625, 3, "2024-05-01T10:00:02.000Z", "ForwardedEvents",
           "Microsoft-Windows-Security-Auditing", FAIL) ..
      beat(4625, 4, "2024-05-01T10:00:03.000Z", "ForwardedEvents",
           "Microsoft-Windows-EventSystem", { param1 = "y" }))
    local recs, rd = all(p)
    local r = events.triage(events.open(p))
    os.remove(p)
    assert.are.same({ 1, 3 }, { recs[1].record, recs[2].record })
    assert.are.equal(2, #recs)
    assert.are.equal(2, rd.other_channel)
    assert.are.equal(2, r.failures)
    assert.are.same({ "CORP\\bob" }, { r.by_account[1].account })
  end)

  it("reads a record once: the same computer and EventRecordID again is a duplicate", function()
    local seen = {}
    local a = all(S .. "mitre-4771-kerberos-bf-valid-user.evtx", { seen = seen })
    local b, rd = all(S .. "mitre-4771-kerberos-bf-valid-user.evtx", { seen = seen })
    assert.are.equal(54, #a)
    assert.are.equal(0, #b)
    assert.are.equal(54, rd.duplicates)
    local twice = S .. "mitre-4771-kerberos-bf-valid-user.evtx "
    local code, out = run.command("events -f json " .. twice .. twice)
    assert.are.equal(0, code)
    local r = dkjson.decode(out)
    assert.are.same({ 54, 54 }, { r.events, r.duplicates })
  end)

  describe("a damaged EVTX", function()
    -- The python-evtx sample with its second chunk's signature wiped: that
    -- chunk's 86 records are lost, the other 25 chunks are read, and the
    -- loss is named (python-evtx counts 2,261 records in the whole file).
    local damaged
    setup(function()
      local f = assert(io.open(S .. "python-evtx-security.evtx", "rb"))
      local s = f:read("*a")
      f:close()
      local at = 4096 + 65536 + 1
      damaged = write(s:sub(1, at - 1) .. "XXXXXXXX" .. s:sub(at + 8))
    end)
    teardown(function() os.remove(damaged) end)

    it("reads the chunks around it and names the one it could not read", function()
      local recs, rd = all(damaged)
      assert.is_true(#recs > 2000 and #recs < 2261, #recs .. " records")
      assert.are.equal(1, #rd.skipped)
      assert.matches("chunk 1: a chunk without its signature", rd.skipped[1].at ..
                     ": " .. rd.skipped[1].reason, 1, true)
      local code, out, err = run.command("events -f json " .. damaged)
      assert.are.equal(0, code)
      assert.are.same({ #recs, 1 }, { dkjson.decode(out).events, dkjson.decode(out).skipped })
      assert.matches("skipped chunk 1", err, 1, true)
    end)
  end)

  it("skips a record whose time cannot be read, with the reason, never 1970", function()
    local p = write(beat(4625, 1, "2024-05-01T10:00:00.000Z", "Security", nil, FAIL) ..
                    beat(4625, 2, "01/05/2024 10:00", "Security", nil, FAIL) ..
                    beat(4625, 3, nil, "Security", nil, FAIL))
    local recs, rd = all(p)
    local code, out, err = run.command("events -f json " .. p)
    os.remove(p)
    assert.are.equal(1, #recs)
    assert.are.same({ "event 2 (EventRecordID 2)", "event 3 (EventRecordID 3)" },
                    { rd.skipped[1].at, rd.skipped[2].at })
    assert.matches("not a time: '01/05/2024 10:00'", rd.skipped[1].reason, 1, true)
    assert.are.equal("no time", rd.skipped[2].reason)
    assert.are.equal(0, code)
    local r = dkjson.decode(out)
    assert.are.same({ 1, 2 }, { r.events, r.skipped })
    assert.is_nil(out:find("1970", 1, true))
    assert.matches("not a time", err)
  end)

  it("counts an overlong NDJSON line once and keeps the next lines' numbers", function()
    local max, chunk = events.MAX_EVENT, events.CHUNK
    events.MAX_EVENT, events.CHUNK = 1000, 4096
    local good = beat(4625, 1, "2024-05-01T10:00:00.000Z", "Security", nil, FAIL)
    -- Longer than the first piece read (64 KiB), so that it is met in pieces.
    local long = '{"winlog": {"event_id": 4625, "event_data": {"x": "' ..
                 ("a"):rep(200000) .. '"}}}\n'
    local p = write(good .. long .. "{broken\n" .. good:gsub('"record_id":1', '"record_id":2'))
    local ok, recs, rd = pcall(all, p)
    events.MAX_EVENT, events.CHUNK = max, chunk
    os.remove(p)
    assert.is_true(ok, recs)
    assert.are.equal(2, #recs)
    assert.are.equal(2, #rd.skipped)
    assert.are.equal("line 2", rd.skipped[1].at)
    assert.matches("longer than 1000 bytes", rd.skipped[1].reason)
    assert.are.equal("line 3", rd.skipped[2].at)
  end)

  it("counts ::ffff:172.16.66.1 and 172.16.66.1 as one source", function()
    local a, b = {}, {}
    for k, v in pairs(FAIL) do a[k], b[k] = v, v end
    a.IpAddress, b.IpAddress = "::ffff:172.16.66.1", "172.16.66.1"
    local p = write(beat(4625, 1, "2024-05-01T10:00:00.000Z", "Security", nil, a) ..
                    beat(4625, 2, "2024-05-01T10:00:01.000Z", "Security", nil, b))
    local r = events.triage(events.open(p))
    os.remove(p)
    assert.are.equal(1, #r.by_source)
    assert.are.same({ "172.16.66.1", 2 }, { r.by_source[1].source, r.by_source[1].failures })
  end)

  it("reads 4740 and 4771 from the Message text as from the XML", function()
    local msg4740 = "A user account was locked out.\r\n\r\n" ..
      "Subject:\r\n\tSecurity ID:\t\tSYSTEM\r\n" ..
      "\tAccount Name:\t\tDC1$\r\n\tAccount Domain:\t\tCORP\r\n\tLogon ID:\t\t0x3E7\r\n\r\n" ..
      "Account That Was Locked Out:\r\n\tSecurity ID:\t\tS-1-5-21-1-2-3-1104\r\n" ..
      "\tAccount Name:\t\tbob\r\n\r\nAdditional Information:\r\n\tCaller Computer Name:\tws07"
    local msg4771 = "Kerberos pre-authentication failed.\r\n\r\nAccount Information:\r\n" ..
      "\tSecurity ID:\t\tS-1-5-21-1-2-3-1104\r\n\tAccount Name:\t\tbob\r\n\r\n" ..
      "Service Information:\r\n\tService Name:\t\tkrbtgt/CORP.LOCAL\r\n\r\n" ..
      "Network Information:\r\n\tClient Address:\t\t::ffff:10.0.0.7\r\n" ..
      "\tClient Port:\t\t50000\r\n" ..
      "\r\nAdditional Information:\r\n\tTicket Options:\t\t0x40810010\r\n" ..
      "\tFailure Code:\t\t0x18\r\n\tPre-Authentication Type:\t2"
    local p = write(dkjson.encode({
      { Id = 4740, RecordId = 1, LogName = "Security", MachineName = "dc1",
        TimeCreated = "/Date(1714557600000)/", Message = msg4740 },
      { Id = 4771, RecordId = 2, LogName = "Security", MachineName = "dc1",
        TimeCreated = "/Date(1714557601000)/", Message = msg4771 } }))
    local recs = all(p)
    os.remove(p)
    assert.are.same({ "CORP\\bob", "WS07" }, { recs[1].account, recs[1].source })
    assert.are.same({ "CORP.LOCAL\\bob", "10.0.0.7", "KDC_ERR_PREAUTH_FAILED" },
                    { recs[2].account, recs[2].source, recs[2].code.name })
  end)

  it("says so on stderr and exits 1 when most records lost their fields", function()
    local lines = {}
    for i = 1, 3 do
      lines[i] = dkjson.encode({ ["@timestamp"] = "2024-05-01T10:00:00.000Z",
        winlog = { event_id = 4776, record_id = i, channel = "Security" } })
    end
    local code, out, err = run.command("events -f json", table.concat(lines, "\n") .. "\n")
    assert.are.equal(1, code)
    assert.are.equal(3, dkjson.decode(out).events)
    assert.matches("3 of 3 records hold none of their event's fields", err, 1, true)
  end)
end)

describe("logonerr events on archives, folders and -j", function()
  local FILES = { "mitre-4771-kerberos-bf-valid-user.evtx", "python-evtx-security.evtx",
                  "mitre-4625-account-restriction.evtx", "mitre-4768-4771-kerbrute-user-enum.evtx" }
  local dir, one_by_one
  setup(function()
    dir = os.tmpname()
    os.remove(dir)
    local paths = {}
    for i, f in ipairs(FILES) do paths[i] = S .. f end
    sh("mkdir -p " .. dir .. "/host1/logs " .. dir .. "/host2 && cp " .. paths[1] .. " " ..
       dir .. "/host1/ && cp " .. paths[2] .. " " .. dir .. "/host1/logs/ && gzip -c " ..
       paths[3] .. " > " .. dir .. "/host2/a.evtx.gz && cp " .. paths[4] .. " " .. dir ..
       "/host2/ && echo notes > " .. dir .. "/host2/README.txt")
    sh("cd " .. S .. " && zip -q " .. dir .. "/set.zip " .. table.concat(FILES, " "))
    local code, out = run.command("events -f json " .. table.concat(paths, " "))
    assert.are.equal(0, code)
    one_by_one = dkjson.decode(out)
  end)
  teardown(function() sh("rm -rf " .. dir) end)

  it("reads a zip in place, member by member, into the same report", function()
    if not pcall(require, "logonerr.archive") then return pending("no logonerr.archive") end
    local code, out = run.command("events -f json " .. dir .. "/set.zip")
    assert.are.equal(0, code)
    assert.are.same(one_by_one, dkjson.decode(out))
  end)

  -- A collection from a host an attacker controlled may name a file with
  -- a terminal's escape sequence (ESC [2J clears the screen): the messages
  -- show it as \x1B.  (libzip gives a zip member's name in CP437 unless
  -- it is flagged UTF-8, and 0x1B is an arrow there: no escape either.)
  it("shows a control character in a file's name as \\xNN, in a folder and a zip", function()
    if not pcall(require, "logonerr.archive") then return pending("no logonerr.archive") end
    local odd = dir .. "/odd"
    sh("mkdir -p " .. odd .. " && cp " .. S .. FILES[3] .. " " .. odd .. " && cd " .. odd ..
       " && printf 'notes\\n' > \"a$(printf '\\033')[2J.txt\" && zip -q m.zip a*.txt")
    local code, out, err = run.command("events -f json " .. odd)
    assert.are.equal(0, code)
    assert.are.equal(2, dkjson.decode(out).events) -- (the EVTX beside them)
    assert.is_nil(err:find("\27", 1, true))
    assert.matches("/a\\x1B[2J.txt: passed over: not a Security event log", err, 1, true)
    assert.matches("m.zip:a[^\n]*%[2J%.txt: passed over: not a Security event log", err)
    -- (the JSON report names the file as it is, its format escaping it: a
    -- script finds the file by it)
    local bad = odd .. "/b\27[2J.json"
    local h = assert(io.open(bad, "wb"))
    h:write('{"EventID":4625,"TimeCreated":"no time"}\n')
    h:close()
    code, out, err = run.command("events -f json '" .. bad .. "'")
    assert.are.equal(1, code)
    assert.is_nil(err:find("\27", 1, true))
    assert.matches("b\\x1B[2J.json: skipped event 1", err, 1, true)
    assert.are.equal(bad, dkjson.decode(out).skipped_records[1].file)
  end)

  it("reads a folder recursively, a .gz among its files, into the same report", function()
    if not pcall(require, "logonerr.archive") then return pending("no logonerr.archive") end
    local code, out, err = run.command("events -f json " .. dir .. "/host1 " .. dir .. "/host2")
    assert.are.equal(0, code)
    assert.are.same(one_by_one, dkjson.decode(out))
    assert.matches("README.txt: passed over: not a Security event log", err, 1, true)
  end)

  it("gives the same report with -j 2", function()
    local paths = {}
    for i, f in ipairs(FILES) do paths[i] = S .. f end
    local code, out = run.command("events -j 2 -f json " .. table.concat(paths, " "))
    assert.are.equal(0, code)
    assert.are.same(one_by_one, dkjson.decode(out))
  end)

  it("says a truncated .gz is truncated, after what it held", function()
    if not pcall(require, "logonerr.archive") then return pending("no logonerr.archive") end
    local f = assert(io.open(dir .. "/host2/a.evtx.gz", "rb"))
    local gz = f:read("*a")
    f:close()
    local cut = write(gz:sub(1, math.floor(#gz * 2 / 3)))
    local code, _, err = run.command("events -f json " .. cut)
    os.remove(cut)
    assert.are.equal(2, code)
    assert.matches("the gzip file is truncated", err, 1, true)
  end)
end)
