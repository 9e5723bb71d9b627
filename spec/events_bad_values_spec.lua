-- Values in a log that no Windows writes: each is refused or skipped with
-- its reason, and the rest of the log is read.
local run = require "support.run"

-- exit status, stdout, stderr of `logonerr events ARGS` with text on stdin
local function events(text, args)
  return run.command("events " .. (args or "-f json"), text)
end

describe("logonerr events and values no Windows writes", function()
  -- A Status field is 32 bits; 0x followed by 17 hex digits is no code.
  it("a hex Status of 17 digits: no crash, the code unread", function()
    local code, out, err = events('{"EventID":4625,"TimeCreated":"2024-05-01T10:00:00Z",' ..
                                  '"Status":"0xFFFFFFFFFFFFFFFFF"}\n')
    assert.are.equal(0, code, err)
    assert.are.equal("", err)
    local r = require("dkjson").decode(out)
    assert.are.equal(1, r.events)
    assert.are.equal(1, r.failures)
    assert.are.equal(1, #r.by_code)
    assert.are.equal("(no code)", r.by_code[1].name)
    -- leading zeros are still read: 18 digits, one 32-bit code
    code, out = events('{"EventID":4625,"TimeCreated":"2024-05-01T10:00:00Z",' ..
                       '"Status":"0x00000000C000006A"}\n')
    assert.are.equal(0, code)
    assert.are.equal("STATUS_WRONG_PASSWORD", require("dkjson").decode(out).by_code[1].name)
  end)

  -- A JSON log may give a code as a number; one beyond 64 bits (-1e308,
  -- 1e19 below zero) is no code either: -1e308 ended the run with a Lua
  -- error ("number has no integer representation"), and a negative one
  -- beyond 32 bits was named by 16 hex digits, as no 32-bit code is.
  it("a Status or SubStatus number beyond 64 bits: no crash, the code unread", function()
    for _, v in ipairs({ "-1e308", "1e308", "-1e19", "1e20" }) do
      for _, field in ipairs({ "Status", "SubStatus" }) do
        local code, out, err = events('{"EventID":4625,"TimeCreated":"2024-05-01T10:00:00Z",' ..
                                      '"' .. field .. '":' .. v .. '}\n')
        assert.are.equal(0, code, field .. " " .. v .. ": " .. err)
        local r = require("dkjson").decode(out)
        assert.are.same({ 1, 1, "(no code)" }, { r.events, r.failures, r.by_code[1].name },
                        field .. " " .. v)
      end
    end
    -- a code below zero is read by its low 32 bits, as one above 2^32 is
    -- (NTSTATUS as a signed number), never named by 16 hex digits
    for v, name in pairs({ ["-1073741718"] = "STATUS_WRONG_PASSWORD",
                           ["-5000000000"] = "0xD5FA0E00" }) do
      local code, out = events('{"EventID":4625,"TimeCreated":"2024-05-01T10:00:00Z",' ..
                               '"Status":' .. v .. '}\n')
      assert.are.equal(0, code, v)
      assert.are.equal(name, require("dkjson").decode(out).by_code[1].name, v)
    end
  end)
end)

describe("logonerr events and a 4648's TargetServerName no Windows writes", function()
  -- A JSON log's field may hold an object or a number: an object names no
  -- host (none is listed among the finding's targets, where its text would
  -- be "table: 0x..."), a number is listed as written.
  it("lists no target for an object, and a number as written", function()
    local lines = {}
    for i = 1, 10 do
      lines[i] = ('{"EventID":4648,"TimeCreated":"2024-05-01T10:00:%02dZ",' ..
                  '"Computer":"ws07.corp.local","SubjectUserName":"eve",' ..
                  '"SubjectDomainName":"CORP","SubjectLogonId":"0x5f3a21",' ..
                  '"TargetUserName":"u%d","TargetDomainName":"CORP","TargetServerName":%s,' ..
                  '"ProcessId":"0x1a4","ProcessName":"C:\\\\Temp\\\\sp.exe"}\n')
                 :format(i, i, i % 2 == 0 and "12345" or '{"a":1}')
    end
    local code, out, err = events(table.concat(lines))
    assert.are.equal(0, code, err)
    local f
    for _, x in ipairs(require("dkjson").decode(out).findings) do
      if x.kind == "explicit_credentials" then f = x end
    end
    assert.are.same({ "12345" }, f.targets)
  end)
end)

describe("logonerr events and a workstation a JSON log gives as a number", function()
  -- Winlogbeat writes what it read; a script's export may give a
  -- workstation named 7 as the number 7, which a JSON decoder may read as
  -- 7.0.  The source is the host 7, as the log named it: a responder
  -- searching for "7.0" would find no such machine.
  it("names the source by its digits, in by_source and in the findings", function()
    local lines = {}
    for i = 1, 6 do
      lines[i] = ('{"@timestamp":"2024-05-01T10:00:%02dZ","event":{"code":"4776"},' ..
                  '"winlog":{"channel":"Security","computer_name":"dc1.corp.local",' ..
                  '"event_id":4776,"record_id":%d,' ..
                  '"provider_name":"Microsoft-Windows-Security-Auditing",' ..
                  '"event_data":{"PackageName":"MICROSOFT_AUTHENTICATION_PACKAGE_V1_0",' ..
                  '"TargetUserName":"alice","Workstation":7,"Status":"0xc000006a"}}}\n')
                 :format(i, i)
    end
    local code, out, err = events(table.concat(lines))
    assert.are.equal(0, code, err)
    local r = require("dkjson").decode(out)
    assert.are.equal(1, #r.by_source)
    assert.are.equal("7", r.by_source[1].source)
    assert.are.same({ "7" }, r.by_account[1].sources)
    local seen = 0
    for _, f in ipairs(r.findings) do
      for _, s in ipairs(f.sources or {}) do
        assert.are.equal("7", s)
        seen = seen + 1
      end
    end
    assert.is_true(seen > 0)
  end)
end)

describe("logonerr events and data values a JSON log gives as true, false or numbers", function()
  -- Windows writes an event's data as text; a script's export may give a
  -- value as true or false, which names nothing (a TargetUserName of true
  -- ended the run with a Lua error), or as a number, which a JSON library
  -- may read as a float: 23 as 23.0, which the findings did not take for
  -- RC4 (no Kerberoasting found) and wrote as "7.0" where it named
  -- something, and 1e400 as inf, written "inf".
  local dk = require "dkjson"
  local function wlb(i, id, data)
    return ('{"@timestamp":"2024-05-01T10:00:%02dZ","winlog":{"channel":"Security",' ..
            '"computer_name":"dc1.corp.local","event_id":%d,"record_id":%d,' ..
            '"event_data":{%s}}}\n'):format(i, id, i, data)
  end
  local function triage(lines)
    local code, out, err = events(table.concat(lines))
    assert.are.equal(0, code, err)
    assert.not_matches("lua", err, 1, true)
    assert.not_matches("table: 0x", out, 1, true)
    return dk.decode(out), out
  end
  local kinds = require("support.scenario").by_kind

  it("reads true or false as absent", function()
    for _, v in ipairs({ "true", "false" }) do
      local lines = {}
      for i = 1, 6 do -- (and a 4771, whose ServiceName gives the domain)
        lines[#lines + 1] = wlb(i, 4625, '"TargetUserName":' .. v .. ',"TargetDomainName":' ..
                                v .. ',"IpAddress":"10.0.0.5","LogonType":' .. v ..
                                ',"Status":"0xc000006d","SubStatus":"0xc000006a"')
        lines[#lines + 1] = wlb(10 + i, 4771, '"TargetUserName":"bob","ServiceName":' .. v ..
                                ',"Status":"0x18","PreAuthType":' .. v ..
                                ',"IpAddress":"10.0.0.6"')
      end
      local r = triage(lines)
      assert.are.same({ 12, 12 }, { r.events, r.failures }, v)
      assert.are.equal("bob", r.by_account[1].account, v)
      assert.are.equal(6, r.by_account[1].failures, v)
    end
  end)

  it("reads a whole number as the number it is", function()
    local lines = {}
    for i = 1, 8 do -- RC4 service tickets for eight services: Kerberoasting
      lines[i] = wlb(i, 4769, '"TargetUserName":"bob@CORP.LOCAL","TargetDomainName":' ..
                     '"CORP.LOCAL","ServiceName":"svc' .. i .. '","Status":0,' ..
                     '"TicketEncryptionType":23,"IpAddress":"10.0.0.9"')
    end
    assert.is_table(kinds(triage(lines)).kerberoasting)
    lines = {}
    for i = 1, 10 do -- a program giving ten accounts' credentials
      lines[i] = wlb(i, 4648, '"SubjectUserName":7,"SubjectDomainName":"CORP",' ..
                     '"SubjectLogonId":"0x5f3a21","TargetUserName":"u' .. i .. '",' ..
                     '"TargetDomainName":"CORP","TargetServerName":"srv' .. i .. '",' ..
                     '"ProcessId":"0x1a4","ProcessName":"C:\\\\Temp\\\\sp.exe","IpAddress":"-"')
    end
    local r, out = triage(lines)
    assert.not_matches("%f[%d]%d+%.0%f[^%d]", out)
    assert.are.equal("CORP\\7", kinds(r).explicit_credentials.sessions[1].account)
  end)

  -- A service or a process is a name, sorted among the others: a number
  -- there is its digits (services given partly as numbers ended the run
  -- with a Lua error, "attempt to compare number with string").
  it("names a service or a process given as a number by its digits", function()
    local lines = {}
    for i = 1, 8 do
      lines[i] = wlb(i, 4769, '"TargetUserName":"bob@CORP.LOCAL","TargetDomainName":' ..
                     '"CORP.LOCAL","ServiceName":' .. (i % 2 == 0 and i or '"svc' .. i .. '"') ..
                     ',"Status":"0x0","TicketEncryptionType":"0x17","IpAddress":"10.0.0.9"')
    end
    assert.are.same({ "2", "4", "6", "8", "svc1", "svc3", "svc5", "svc7" },
                    kinds(triage(lines)).kerberoasting.services)
    lines = {}
    for i = 1, 10 do
      lines[i] = wlb(i, 4648, '"SubjectUserName":"eve","SubjectDomainName":"CORP",' ..
                     '"SubjectLogonId":"0x5f3a21","TargetUserName":"u' .. i .. '",' ..
                     '"TargetDomainName":"CORP","TargetServerName":"srv' .. i .. '",' ..
                     '"ProcessId":"0x1a4","ProcessName":3,"IpAddress":"-"')
    end
    assert.are.equal("3", kinds(triage(lines)).explicit_credentials.process)
  end)

  it("reads a number past a double's range (1e400) as absent", function()
    local lines = {}
    for i = 1, 6 do
      lines[i] = wlb(i, 4625, '"TargetUserName":"alice","TargetDomainName":1e400,' ..
                     '"IpAddress":-1e400,"WorkstationName":"WS1","LogonType":3,' ..
                     '"Status":"0xc000006d","SubStatus":"0xc000006a","FailureReason":1e400')
    end
    local r, out = triage(lines)
    assert.not_matches("%f[%a]inf%f[^%a]", out)
    assert.are.equal("alice", r.by_account[1].account)
    assert.are.same({ "WS1" }, r.by_account[1].sources)
  end)
end)

describe("logonerr events and a record's own fields a JSON log gives as objects", function()
  -- Winlogbeat's winlog.computer_name, channel, provider_name, record_id,
  -- event_id and the @timestamp are texts or numbers; a script's export
  -- may nest an object in any of them (an ECS host object where a name
  -- was).  An object names nothing: the field is read as absent, the
  -- record without it is read or skipped as one that lacks it is, and
  -- the command never stops on it (a computer given as an object ended
  -- the run with a Lua error, its report unwritten).
  local function line(i, field, value)
    local f = { computer_name = '"dc1.corp.local"', channel = '"Security"', record_id = i,
                event_id = 4625, provider_name = '"Microsoft-Windows-Security-Auditing"' }
    local at = ('"2024-05-01T10:00:%02dZ"'):format(i)
    if field == "@timestamp" then at = value else f[field] = value end
    return ('{"@timestamp":%s,"winlog":{"channel":%s,"computer_name":%s,' ..
            '"event_id":%s,"record_id":%s,"provider_name":%s,"event_data":{' ..
            '"TargetUserName":"alice","TargetDomainName":"CORP","IpAddress":"10.0.0.5",' ..
            '"LogonType":3,"Status":"0xc000006d","SubStatus":"0xc000006a"}}}\n')
           :format(at, f.channel, f.computer_name, f.event_id, f.record_id, f.provider_name)
  end
  local function read(field, value)
    local lines = {}
    for i = 1, 6 do lines[i] = line(i, field, value) end
    local code, out, err = events(table.concat(lines))
    assert.not_matches("lua", err, 1, true)
    assert.not_matches("table: 0x", out, 1, true)
    return code, require("dkjson").decode(out), err
  end

  it("reads a record whose computer, channel, provider or number is an object", function()
    for _, field in ipairs({ "computer_name", "channel", "provider_name", "record_id" }) do
      local code, r, err = read(field, '{"name":"dc1"}')
      assert.are.equal(0, code, field .. ": " .. err)
      assert.are.equal(6, r.failures, field)
      assert.are.same({ "10.0.0.5" }, r.by_account[1].sources, field)
    end
  end)

  it("skips, with its reason, a record whose time or event ID is an object", function()
    for _, field in ipairs({ "@timestamp", "event_id" }) do
      local code, r = read(field, '{"value":4625}')
      assert.are.equal(1, code, field) -- (none of the log read: said on stderr)
      assert.are.same({ 0, 6 }, { r.events, r.skipped }, field)
      assert.is_string(r.skipped_records[1].reason, field)
    end
  end)

  -- true, false and a number past a double's range (1e400, read as inf)
  -- name nothing either: a computer given as true ended the run with a Lua
  -- error, and an ID of 1e400 or a record number of 1e400 was written
  -- "inf".  A whole number is named by its digits: a time of 7 is "7".
  it("reads true, false or 1e400 in a record's own field as absent", function()
    for _, v in ipairs({ "true", "false", "1e400" }) do
      for _, field in ipairs({ "computer_name", "channel", "provider_name", "record_id" }) do
        local code, r, err = read(field, v)
        assert.are.equal(0, code, field .. " " .. v .. ": " .. err)
        assert.are.equal(6, r.failures, field .. " " .. v)
        assert.not_matches("inf", err, 1, true)
      end
      for _, field in ipairs({ "@timestamp", "event_id" }) do
        local code, r, err = read(field, v)
        assert.are.equal(1, code, field .. " " .. v)
        assert.are.same({ 0, 6 }, { r.events, r.skipped }, field .. " " .. v)
        assert.not_matches("inf", err, 1, true)
      end
    end
    local _, r = read("event_id", "true")
    assert.are.equal("no event ID", r.skipped_records[1].reason)
    _, r = read("@timestamp", "7")
    assert.are.equal("not a time: 7 (number, not text)", r.skipped_records[1].reason)
  end)
end)

describe("logonerr events and a Samba audit object whose fields are of the wrong kind", function()
  -- Samba writes its names, status and addresses as text or null, and
  -- logonType as a number; a line edited or written by another program
  -- may hold an object, a list or true there.  Each names nothing: it is
  -- read as absent (an object was written "table: 0x..." as the account,
  -- the workstation or a skipped record's time, and a logonType of null
  -- ended --records with a Lua error in the JSON writer).
  local function line(i, field, value)
    local a = { logonType = "3", status = '"NT_STATUS_WRONG_PASSWORD"',
                remoteAddress = '"ipv4:10.0.0.7:49330"', clientDomain = '"CORP"',
                clientAccount = '"bob"', workstation = '"WS1"', mappedAccount = '"bob"',
                mappedDomain = '"CORP"', becameAccount = "null", becameDomain = "null" }
    local at = ('"2026-12-03T08:21:%02d.691199+0000"'):format(i)
    if field == "timestamp" then at = value else a[field] = value end
    local parts = {}
    for _, k in ipairs({ "logonType", "status", "remoteAddress", "clientDomain", "clientAccount",
                         "workstation", "mappedAccount", "mappedDomain", "becameAccount",
                         "becameDomain" }) do
      parts[#parts + 1] = '"' .. k .. '": ' .. a[k]
    end
    return '  {"timestamp": ' .. at .. ', "type": "Authentication", "Authentication": ' ..
           '{"eventId": 4625, "serviceDescription": "SMB2", "authDescription": "NTLMSSP", ' ..
           table.concat(parts, ", ") .. '}}\n'
  end
  local function read(field, value, args)
    local lines = {}
    for i = 1, 6 do lines[i] = line(i, field, value) end
    local code, out, err = events(table.concat(lines), args)
    assert.not_matches("lua", err, 1, true)
    assert.not_matches("table: 0x", out, 1, true)
    assert.not_matches("table: 0x", err, 1, true)
    return code, out, err
  end

  it("reads an object, a list or true in a name or the status as absent", function()
    for _, field in ipairs({ "clientAccount", "clientDomain", "mappedAccount", "mappedDomain",
                             "workstation", "status", "becameAccount" }) do
      for _, v in ipairs({ '{"name":"bob"}', '["bob"]', "true" }) do
        local code, out, err = read(field, v)
        assert.are.equal(0, code, field .. " " .. v .. ": " .. err)
        local r = require("dkjson").decode(out)
        assert.are.same({ 6, 6 }, { r.events, r.failures }, field .. " " .. v)
      end
    end
  end)

  it("writes the records of a logon type given as null or an object", function()
    for _, v in ipairs({ "null", '{"type":3}', "true" }) do
      local code, out, err = read("logonType", v, "--records")
      assert.are.equal(0, code, v .. ": " .. err)
      local n = 0
      for l in out:gmatch("[^\n]+") do
        local rec = require("dkjson").decode(l)
        assert.is_nil(rec.data.LogonType, v)
        n = n + 1
      end
      assert.are.equal(6, n, v)
    end
  end)

  -- Samba writes each authentication twice, a text line and its JSON, read
  -- as one record; a JSON status of the wrong kind no longer matched its
  -- text line's, and the authentication was counted twice.  The text line
  -- gives the status, the JSON the rest.
  it("counts once an authentication whose JSON status is unreadable, with its text line",
     function()
    for _, v in ipairs({ '{"name":"NT_STATUS_OK"}', "true", "3221225578", "null",
                         '"NT STATUS"' }) do
      for status, want in pairs({ NT_STATUS_WRONG_PASSWORD = { 1, 1, 0 },
                                  NT_STATUS_OK = { 1, 0, 1 } }) do
        local text = "  Auth: [SMB2,NTLMSSP] user [CORP]\\[bob] at [Thu, 03 Dec 2026 " ..
          "08:21:01.691068 UTC] with [NTLMv2] status [" .. status .. "] workstation [WS1] " ..
          "remote host [ipv4:10.0.0.7:49330] mapped to [CORP]\\[bob]. local host " ..
          "[ipv4:10.0.0.1:445]\n"
        local log = text .. line(1, "status", v)
        local code, out, err = events(log)
        assert.are.equal(0, code, v .. ": " .. err)
        local r = require("dkjson").decode(out)
        local successes = 0
        for _, a in ipairs(r.by_account) do successes = successes + a.successes end
        assert.are.same(want, { r.events, r.failures, successes }, status .. " " .. v)
        if status ~= "NT_STATUS_OK" then
          assert.are.equal("STATUS_WRONG_PASSWORD", r.by_code[1].name, v)
        end
        -- (the record is the JSON's: its logon type)
        code, out = events(log, "--records")
        assert.are.equal(0, code)
        local rec = require("dkjson").decode(out:match("^[^\n]+"))
        assert.are.equal(select(2, out:gsub("\n", "")), 1)
        assert.are.same({ 3, status == "NT_STATUS_OK" and 4624 or 4625 },
                        { rec.logon_type.number, rec.id }, v)
      end
    end
  end)

  it("skips, with its reason, an authentication whose time is an object", function()
    local code, out, err = read("timestamp", '{"t":1}')
    assert.are.equal(1, code, err)
    local r = require("dkjson").decode(out)
    assert.are.same({ 0, 6 }, { r.events, r.skipped })
    assert.are.equal("no time", r.skipped_records[1].reason)
  end)
end)

describe("logonerr events and times out of FILETIME's range", function()
  -- FILETIME starts in 1601 (a FILETIME of 0 is 1601-01-01), and no
  -- Windows time reaches the year 10000: such a record is skipped with the
  -- reason; a 1601 record beside one of 2024 keeps the timeline at 48 rows
  -- or so, not one row a month for four centuries.
  local function line(t, n)
    return '{"EventID":4625,"EventRecordID":' .. n .. ',"TimeCreated":"' .. t ..
           '","Status":"0xC000006D"}\n'
  end

  it("skips /Date(N)/ past 9999 and before 1601, and reads the rest", function()
    local code, out, err = events(line("/Date(253402300800000)/", 1) ..
                                  line("/Date(-11644473600001)/", 2) ..
                                  line("2024-05-01T10:00:00Z", 3))
    assert.are.equal(0, code)
    local r = require("dkjson").decode(out)
    assert.are.same({ 1, 2 }, { r.events, r.skipped })
    assert.matches("outside the years 1601 to 9999", err, 1, true)
  end)

  it("keeps the timeline short when the times span centuries", function()
    local code, out = events(line("1601-01-01T00:00:00Z", 1) .. line("2024-05-01T10:00:00Z", 2))
    assert.are.equal(0, code)
    local r = require("dkjson").decode(out)
    assert.are.equal(2, r.events)
    assert.is_true(#r.timeline.rows <= 49, #r.timeline.rows .. " rows")
    assert.are.equal(0, r.timeline.bucket % 86400)
  end)
end)

describe("logonerr events and event IDs", function()
  -- An event ID is a 16-bit field: each of these is skipped with the reason.
  it("skips a record whose ID is not a whole number from 0 to 65535", function()
    local T = ',"TimeCreated":"2024-05-01T10:00:00Z"}\n'
    local bad = { "-5", "1e308", '"abc"', "4625.5", "65536" }
    local text = '{"EventID":4625' .. T
    for _, id in ipairs(bad) do text = text .. '{"EventID":' .. id .. T end
    local code, out, err = events(text)
    assert.are.equal(0, code)
    local r = require("dkjson").decode(out)
    assert.are.equal(1, r.events)
    assert.are.equal(#bad, r.skipped)
    assert.are.same({ { id = 4625, count = 1, what = r.by_event[1].what } }, r.by_event)
    for _, id in ipairs({ "-5", "abc", "4625.5", "65536" }) do
      assert.matches("event ID '" .. id .. "' is not a whole number from 0 to 65535", err, 1, true)
    end
    assert.matches("event ID '1e+308' is not", err, 1, true)
  end)

  -- NXLog writes EventRecordID as a JSON number; the skip names it as the
  -- log does, 7, not as the float a JSON library reads it as (7.0).
  it("names the skipped record by its number as the log wrote it", function()
    local code, _, err = events('{"EventID":4625,"EventRecordID":6,' ..
                                '"TimeCreated":"2024-05-01T10:00:00Z"}\n' ..
                                '{"EventID":70000,"EventRecordID":7,' ..
                                '"TimeCreated":"2024-05-01T10:00:00Z"}\n')
    assert.are.equal(0, code)
    assert.matches("skipped event 2 (EventRecordID 7): event ID '70000'", err, 1, true)
  end)
end)

describe("logonerr events and a broken EVTX file on stdin", function()
  it("names the input as the user gave it, not the temporary file", function()
    local code, out, err = events("ElfFile\0garbage", "")
    assert.are.equal(2, code)
    assert.are.equal("", out)
    assert.matches("cannot read (stdin): not an EVTX file", err, 1, true)
    assert.is_nil(err:find("/tmp/", 1, true), err)
  end)
end)

describe("logonerr events and the text of a record it skips", function()
  -- A skip's message names the time, event ID or record number the log
  -- wrote: an escape sequence in it reached the terminal, and a time of
  -- 20 KB was written whole, on stderr and in the JSON report.  Each is
  -- shown as its first 60 bytes and "...", what is not printable ASCII as
  -- \xNN.
  local ESC, LONG = "\\u001b[2J\\u001b]0;owned\\u0007", string.rep("9", 20000)
  local function lines_of(err)
    local t = {}
    for l in err:gmatch("[^\n]+") do t[#t + 1] = l end
    return t
  end
  local function safe(s)
    assert.not_matches("[%c\128-\255]", s)
    assert.is_true(#s < 300, #s .. " bytes")
  end

  it("escapes and cuts a JSON record's time, event ID and record number", function()
    local code, out, err = events(
      '{"EventID":4625,"TimeCreated":"' .. ESC .. '"}\n' ..
      '{"EventID":4625,"TimeCreated":"2024-05-01T10:00:00 ' .. LONG .. '"}\n' ..
      '{"EventID":"' .. ESC .. '","TimeCreated":"2024-05-01T10:00:00Z"}\n' ..
      '{"EventID":"' .. LONG .. 'x","TimeCreated":"2024-05-01T10:00:00Z"}\n' ..
      '{"EventID":4625,"EventRecordID":"' .. ESC .. '","TimeCreated":"x"}\n' ..
      '{"EventID":4625,"TimeCreated":"2024-05-01T10:00:00\\u00a0Z"}\n')
    assert.are.equal(1, code, err)
    local l = lines_of(err)
    assert.are.equal(6, #l)
    for _, x in ipairs(l) do safe(x) end
    assert.are.equal("logonerr: (stdin): skipped event 1: not a time: " ..
                     "'\\x1B[2J\\x1B]0;owned\\x07' (expected YYYY-MM-DD, a time and a zone)", l[1])
    assert.are.equal("logonerr: (stdin): skipped event 2: not a time: '2024-05-01T10:00:00 " ..
                     string.rep("9", 40) .. "...' (an unknown zone '" .. string.rep("9", 60) ..
                     "...')", l[2])
    assert.are.equal("logonerr: (stdin): skipped event 3: event ID " ..
                     "'\\x1B[2J\\x1B]0;owned\\x07' is not a whole number from 0 to 65535", l[3])
    assert.are.equal("logonerr: (stdin): skipped event 4: event ID '" .. string.rep("9", 60) ..
                     "...' is not a whole number from 0 to 65535", l[4])
    assert.matches("skipped event 5 (EventRecordID \\x1B[2J\\x1B]0;owned\\x07): not a time: 'x'",
                   l[5], 1, true)
    -- (a no-break space: the bytes it is, where a plain space would be)
    assert.matches("not a time: '2024-05-01T10:00:00\\xC2\\xA0Z'", l[6], 1, true)
    local r = require("dkjson").decode(out)
    assert.are.equal(6, #r.skipped_records)
    for i, s in ipairs(r.skipped_records) do
      safe(s.at)
      safe(s.reason)
      assert.are.equal(l[i], "logonerr: (stdin): skipped " .. s.at .. ": " .. s.reason)
    end
  end)

  it("escapes and cuts a Samba line's time and a KDC result", function()
    local code, _, err = events("  Auth: [SMB2,NTLMSSP] user [CORP]\\[bob] at [\27[31m" ..
      LONG .. "] with [NTLMv2] status [NT_STATUS_WRONG_PASSWORD] workstation [WS] " ..
      "remote host [ipv4:10.0.0.5:43020] mapped to [CORP]\\[bob]. local host [x]\n")
    assert.are.equal(1, code, err)
    safe((err:gsub("\n$", "")))
    assert.matches("not a time: '\\x1B[31m" .. string.rep("9", 55) .. "...'", err, 1, true)
    code, _, err = events("Dec 03 08:20:40 kdc krb5kdc[1](info): AS_REQ (1 etypes {18}) " ..
      "10.0.0.5: " .. string.rep("X", 20000) .. ": bob@EXAMPLE.TEST for krbtgt/EXAMPLE.TEST, x\n")
    assert.are.equal(1, code, err)
    safe((err:gsub("\n$", "")))
    assert.matches("a KDC result logonerr does not know: " .. string.rep("X", 60) .. "...\n",
                   err, 1, true)
  end)
end)

-- A JSON log's "\u0000" puts a NUL in a name: the tables still sort by
-- the names' texts, where a name comes before a longer one it begins.
describe("logonerr events and a NUL in a name", function()
  local function rec(user, ws)
    return '{"EventID":4625,"TimeCreated":"2024-05-01T10:00:00Z","TargetUserName":"' ..
           user .. '","TargetDomainName":"CORP","Status":"0xC000006A",' ..
           '"WorkstationName":"' .. ws .. '","LogonType":3}\n'
  end
  it("sorts by_account and by_source by the names' texts", function()
    -- (one failure each: the counts tie, and the names decide)
    for _, input in ipairs({ rec("a\\u0000-", "ws\\u0000-") .. rec("a", "ws"),
                             rec("a", "ws") .. rec("a\\u0000-", "ws\\u0000-") }) do
      local code, out, err = events(input)
      assert.are.equal(0, code, err)
      local r = require("dkjson").decode(out)
      local ids, srcs = {}, {}
      for i, row in ipairs(r.by_account) do ids[i] = row.identity end
      for i, row in ipairs(r.by_source) do srcs[i] = row.source end
      assert.are.same({ "CORP\\a", "CORP\\a\0-" }, ids)
      assert.are.equal(2, #srcs)
      assert.is_true(srcs[1] < srcs[2], srcs[1] .. " before " .. srcs[2])
      assert.are.equal(srcs[1] .. "\0-", srcs[2])
    end
  end)
end)

describe("events.triage and records no reader makes", function()
  -- A script may build its own records.  One that is no table, or whose
  -- ID, account or computer is NaN, ended the triage with Lua's own error
  -- ("attempt to index a number value", "table index is NaN"), which said
  -- neither which argument nor what is wrong with it.
  it("refuses each with its reason", function()
    local api = require "logonerr.events"
    local function rec(k, v)
      local r = { id = 4625, time = "2024-05-01T10:00:00Z", computer = "srv01",
                  account = "CORP\\bob",
                  data = { TargetUserName = "bob", TargetDomainName = "CORP",
                           SubStatus = "0xc000006a" } }
      r[k] = v
      return r
    end
    local nan = 0 / 0
    for _, case in ipairs({ { 5, "a record expected, got number" },
                            { "x", "a record expected, got string" },
                            { rec("id", nan), "a record whose id is NaN" },
                            { rec("account", nan), "a record whose account is NaN" },
                            { rec("computer", nan), "a record whose computer is NaN" } }) do
      local ok, err = pcall(api.triage, { rec("id", 4625), case[1] })
      assert.is_false(ok)
      assert.matches("bad argument #1 to 'add' (" .. case[2] .. ")", err, 1, true)
    end
    -- (the good record alone is read)
    assert.are.equal(1, api.triage({ rec("id", 4625) }).events)
  end)
end)
