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

  it("reports findings first, then the tables", function()
    local code, out, err = run("events " .. S .. "mitre-4771-kerberos-bf-valid-user.evtx")
    assert.are.equal(0, code)
    assert.are.equal("", err)
    assert.matches("^Security events: 54 events read, 54 failures, 0 skipped", out)
    local f, t = out:find("Password guessing", 1, true), out:find("Failures by code", 1, true)
    assert.is_true(f < t)
    assert.matches("54  0x18         KDC_ERR_PREAUTH_FAILED", out, 1, true)
  end)

  it("gives the same report with -j 2 and -j 3 (threads reading chunks) as with one", function()
    local path = S .. "python-evtx-security.evtx" -- 33 chunks
    local code, one = run("events -f json " .. path)
    assert.are.equal(0, code)
    one = dkjson.decode(one)
    assert.are.equal(2261, one.events)
    for _, j in ipairs({ 2, 3 }) do
      local c, out = run("events -f json -j " .. j .. " " .. path)
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
end)
