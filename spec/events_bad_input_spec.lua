-- Bad input to logonerr.events and `logonerr events`: each gives a clear
-- error naming it, or is skipped and counted while the rest is read.
local events = require "logonerr.events"
local run = require("support.run").command

local SAMPLE = "spec/fixtures/evtx/python-evtx-security.evtx"
local GOOD = '<Event><System><EventID>4625</EventID><EventRecordID>%d</EventRecordID>' ..
  '<TimeCreated SystemTime="2024-05-01T10:00:00Z"/></System><EventData>' ..
  '<Data Name="TargetUserName">bob</Data><Data Name="Status">0xC000006A</Data>' ..
  '</EventData></Event>\n'

local write = require("support.run").tempfile

local function read_all(p)
  local it, rd = events.records(p)
  local n = 0
  for _ in it do n = n + 1 end
  return n, rd
end

describe("bad input to logonerr.events", function()
  it("a path that is not a file: nil and a message naming it", function()
    local rd, err = events.open("no/such/file.evtx")
    assert.is_nil(rd)
    assert.matches("no/such/file.evtx", err)
    local ok, e = pcall(events.records, "no/such/file.evtx")
    assert.is_false(ok)
    assert.matches("no/such/file.evtx", e)
    rd, err = events.open("spec")
    assert.is_nil(rd)
    assert.matches("^spec: ", err)
  end)

  it("an empty file", function()
    local p = write("")
    local rd, err = events.open(p)
    os.remove(p)
    assert.is_nil(rd)
    assert.matches("empty: not an event log", err)
  end)

  it("a file in no known format", function()
    local p = write("Sub Status: 0xC000006A\nplain text, not events\n")
    local rd, err = events.open(p)
    os.remove(p)
    assert.is_nil(rd)
    assert.matches("not a Security event log", err, 1, true)
  end)

  it("a truncated EVTX file: the records held whole are read, the cut one skipped", function()
    if not events.evtx then pending("logonerr.evtx is not built") return end
    local f = io.open(SAMPLE, "rb")
    -- the header, 15 whole chunks, then 12864 bytes of the 16th
    local p = write(f:read(1000000))
    f:close()
    local n, rd = read_all(p)
    os.remove(p)
    -- python-evtx reads 1327 records in the 15 whole chunks (and all 2261
    -- in the whole file): the cut chunk gives some more, not all of its own.
    assert.is_true(n > 1327 and n < 2261)
    assert.are.equal(2, #rd.skipped)
    assert.are.equal("chunk 15", rd.skipped[1].at)
    assert.matches("truncated chunk", rd.skipped[1].reason)
    assert.matches("^chunk 15, record at 0x", rd.skipped[2].at)
    assert.matches("cut short by the end of the file", rd.skipped[2].reason)
  end)

  it("bad XML: that event is skipped with expat's reason, the others read", function()
    if not events.xml then pending("logonerr.evtx is not built") return end
    local p = write("<Events>" .. GOOD:format(1) ..
                    "<Event><System><EventID>4625</Event>\n" .. GOOD:format(3) ..
                    "<Event><System>" .. "</Events>")
    local n, rd = read_all(p)
    os.remove(p)
    assert.are.equal(2, n)
    assert.are.equal(2, #rd.skipped)
    assert.matches("mismatched tag", rd.skipped[1].reason)
    assert.matches("ends inside an event", rd.skipped[2].reason)
  end)

  it("a JSON line that does not parse is skipped, counted with its line", function()
    local t = '"EventTime": "2024-05-01 10:00:00", '
    local p = write('{"EventID": 4625, ' .. t ..
                    '"Status": "0xC000006A", "TargetUserName": "a"}\n' ..
                    '{"EventID": 4625, "Status": \n' ..
                    '{"EventID": 4625, ' .. t .. '"Status": 3221225578, "TargetUserName": "b"}\n')
    local it, rd = events.records(p)
    local a, b = it(), it()
    assert.is_nil(it())
    os.remove(p)
    assert.are.equal("STATUS_WRONG_PASSWORD", a.code.name)
    assert.are.equal("STATUS_WRONG_PASSWORD", b.code.name) -- decimal, as PowerShell writes it
    assert.are.same({ { at = "line 2", reason = rd.skipped[1].reason } }, rd.skipped)
    assert.matches("does not parse", rd.skipped[1].reason)
  end)

  it("a bad time in since or until raises, naming the option", function()
    assert.has_error(function() events.open(SAMPLE, { since = "yesterday" }) end,
      "bad option 'since' (not a time: 'yesterday'; expected e.g. 2024-05-01, " ..
      "2024-05-01T13:45:00Z)")
    assert.has_error(function() events.filter({ ["until"] = "soon" }) end,
      "bad option 'until' (not a time: 'soon'; expected e.g. 2024-05-01, " ..
      "2024-05-01T13:45:00Z)")
  end)

  -- (records without an account or source are tested as "": these would keep them)
  it("an account or source that names nothing raises, naming the option", function()
    assert.has_error(function() events.filter({ account = "" }) end,
      "bad option 'account' ('' is empty)")
    assert.has_error(function() events.open(SAMPLE, { account = "CORP\\" }) end,
      "bad option 'account' ('CORP\\' names no user (expected DOMAIN\\user, user@domain " ..
      "or the user alone))")
    assert.has_error(function() events.filter({ source = "\\\\" }) end,
      "bad option 'source' ('\\\\' names no address or workstation)")
  end)

  it("a finish() narrowed by anything but a table (or false) raises, and the report is made",
     function()
    local triage = require "logonerr.events.triage"
    local acc = triage.new(triage.DEFAULTS)
    for rec in events.records(SAMPLE) do acc:add(rec) end
    assert.has_error(function() acc:finish(nil, "admin") end,
      "bad argument #2 to 'finish' (what logonerr.events.filter gives expected, got string)")
    assert.has_error(function() acc:finish(nil, true) end,
      "bad argument #2 to 'finish' (what logonerr.events.filter gives expected, got boolean)")
    assert.has_error(function() acc:finish(nil, { account = "admin" }) end,
      "bad argument #2 to 'finish' (what logonerr.events.filter gives expected, " ..
      "got a table without its test of an account)")
    assert.are.equal(2261, acc:finish().events)
  end)
end)

describe("bad input to logonerr events", function()
  it("a missing file: exit 2, the file named, the other files still read", function()
    local code, out, err = run("events -f json no-such.evtx " .. SAMPLE)
    assert.are.equal(2, code)
    assert.matches("cannot read no%-such%.evtx", err)
    assert.matches('"events":2261', out:gsub("%s", ""), 1, true)
  end)

  it("empty input and a file in no known format: exit 2, saying so", function()
    local code, _, err = run("events", "")
    assert.are.equal(2, code)
    assert.matches("(stdin): empty", err, 1, true)
    code, _, err = run("events", "hello\n")
    assert.are.equal(2, code)
    assert.matches("not a Security event log", err, 1, true)
  end)

  -- A collection that came back empty must not pass for a quiet log in a
  -- pipeline: nothing on stdout, exit 2, said; a plain file as before.
  it("folders holding no log: exit 2, saying so, nothing written", function()
    local dir = os.tmpname()
    os.remove(dir)
    assert(require("support.run").ok("mkdir -p " .. dir .. "/empty " .. dir .. "/notes && " ..
                                      "echo a > " .. dir .. "/notes/a.txt && echo b > " ..
                                      dir .. "/notes/b.txt"))
    local function nothing(args, message)
      return require("support.run").refused("events " .. args, message, true)
    end
    nothing(dir .. "/empty", "logonerr: no log to read in " .. dir .. "/empty\n")
    nothing("--records " .. dir .. "/empty", "no log to read in " .. dir .. "/empty\n")
    local err = nothing(dir .. "/empty " .. dir .. "/notes", "logonerr: none of the 2 files in " ..
                        dir .. "/empty, " .. dir .. "/notes is a Security event log\n")
    assert.matches("notes/a.txt: passed over: not a Security event log", err, 1, true)
    nothing("-o " .. dir .. "/r.html " .. dir .. "/notes/", "none of the 2 files")
    -- (a file -o names is left as it was, by the records as by a report)
    local run_ = require("support.run")
    run_.write(dir .. "/kept.json", "before")
    nothing("--records -o " .. dir .. "/kept.json " .. dir .. "/empty", "no log to read in")
    nothing("-o " .. dir .. "/kept.json " .. dir .. "/empty", "no log to read in")
    assert.are.equal("before", run_.read(dir .. "/kept.json"))
    assert.is_nil(io.open(dir .. "/r.html", "rb"))
    os.remove(dir .. "/notes/b.txt")
    nothing(dir .. "/notes", "the one file in " .. dir .. "/notes is not a Security event log")
    -- (with a log among them, the report of it, as before)
    local code, out = run("events -f json " .. dir .. "/empty " .. SAMPLE)
    assert.are.equal(0, code)
    assert.matches('"events":2261', out:gsub("%s", ""), 1, true)
    require("support.run").ok("rm -rf " .. dir)
  end)

  it("a bad --since time: exit 2", function()
    local code, out, err = run("events --since 2024-13-45 " .. SAMPLE)
    assert.are.equal(2, code)
    assert.are.equal("", out)
    assert.matches("bad --since time '2024-13-45' (no month 13; expected e.g. ", err, 1, true)
    -- (what is wrong, where the parser says)
    code, out, err = run("events --until 2024-02-30 " .. SAMPLE)
    assert.are.same({ 2, "" }, { code, out })
    assert.matches("bad --until time '2024-02-30' (no day 30 in that month; expected", err, 1,
                   true)
    -- (no date at all: the example alone, not the parser's own "expected
    -- YYYY-MM-DD, a time and a zone" before it, which asks for a zone
    -- where a date alone is taken)
    for _, v in ipairs({ "yesterday", "'05/01/2024 10:00'" }) do
      code, out, err = run("events --since " .. v .. " " .. SAMPLE)
      assert.are.same({ 2, "" }, { code, out })
      assert.are.equal("logonerr: bad --since time '" .. v:gsub("'", "") .. "' (expected " ..
                       "e.g. 2024-05-01 or 2024-05-01T13:45:00Z)\n", err)
    end
  end)

  -- A zone in parentheses, as a person copies one from a calendar: what
  -- is wrong was lost, or cut to its last piece ("PST'"), as it was taken
  -- from the end of the parser's message, whose own parentheses it
  -- holds.  It is said whatever the text holds.
  it("a bad --since or --until with parentheses in it: what is wrong, said whole", function()
    for _, case in ipairs({
      { "since", "2024-05-01T10:00:00 (Pacific)", "an unknown zone '(Pacific)'" },
      { "since", "2024-05-01T10:00:00 (PST", "an unknown zone '(PST'" },
      { "until", "2024-05-01T10:00:00 PST)", "an unknown zone 'PST)'" },
      { "until", "2024-05-01 10:00 ()", "an unknown zone '()'" },
      { "since", "2024-05-01T10:00:00 ((UTC+2))", "an unknown zone '((UTC+2))'" },
      -- (those below were said, and still are)
      { "until", "2024-02-30T10:00:00 (PST)", "no day 30 in that month" },
      { "since", "/Date(99999999999999999)/", "milliseconds out of range" },
    }) do
      local k, v, why = case[1], case[2], case[3]
      local code, out, err = run("events --" .. k .. " '" .. v .. "' " .. SAMPLE)
      assert.are.same({ 2, "" }, { code, out })
      assert.are.equal("logonerr: bad --" .. k .. " time '" .. v .. "' (" .. why ..
                       "; expected e.g. 2024-05-01 or 2024-05-01T13:45:00Z)\n", err)
      -- (events.time gives it apart, after the message)
      local secs, message, wrong = events.time(v)
      assert.is_nil(secs)
      assert.are.equal("not a time: '" .. v .. "' (" .. why .. ")", message)
      assert.are.equal(why, wrong)
    end
  end)

  -- A date and the start of a time, cut short: the date is there, so the
  -- parser's "expected hours and minutes after the date" says what is
  -- missing (it was dropped with the no-date case's "expected ...").
  it("a --since with a date and half a time: what is missing, said", function()
    for _, v in ipairs({ "2024-05-01T10", "2024-05-01 (x" }) do
      local code, out, err = run("events --since '" .. v .. "' " .. SAMPLE)
      assert.are.same({ 2, "" }, { code, out })
      assert.are.equal("logonerr: bad --since time '" .. v .. "' (expected hours and minutes " ..
                       "after the date; expected e.g. 2024-05-01 or 2024-05-01T13:45:00Z)\n", err)
    end
  end)

  -- What the user gave is echoed back: a terminal's control sequences in
  -- it (an OSC that sets the window's title, a screen clear) show as
  -- \xNN, and a long value as its first 60 bytes, as the reason beside it
  -- is; they went to the terminal raw.
  it("a --since or --until holding control characters or pages of text: echoed escaped, cut",
     function()
    local osc = "2024-05-01T10:00:00 \27]0;pwned\7"
    local code, out, err = run("events --until '" .. osc .. "' " .. SAMPLE)
    assert.are.same({ 2, "" }, { code, out })
    assert.are.equal("logonerr: bad --until time '2024-05-01T10:00:00 \\x1B]0;pwned\\x07' " ..
                     "(an unknown zone '\\x1B]0;pwned\\x07'; expected e.g. 2024-05-01 or " ..
                     "2024-05-01T13:45:00Z)\n", err)
    local long = "2024-05-01T10:00:00 " .. ("x"):rep(3000)
    code, out, err = run("events --since '" .. long .. "' " .. SAMPLE)
    assert.are.same({ 2, "" }, { code, out })
    assert.are.equal("logonerr: bad --since time '" .. long:sub(1, 60) .. "...' (an unknown " ..
                     "zone '" .. ("x"):rep(60) .. "...'; expected e.g. 2024-05-01 or " ..
                     "2024-05-01T13:45:00Z)\n", err)
    assert.is_nil(err:sub(1, -2):find("%c")) -- (no control character but the line's end)
  end)

  -- (10:00:60 was taken for 10:01:00, and a record's for the same)
  it("a --since or --until with second 60: exit 2; a record with one: skipped", function()
    for _, k in ipairs({ "since", "until" }) do
      local code, out, err = run("events --" .. k .. " 2024-01-01T10:00:60 " .. SAMPLE)
      assert.are.equal(2, code)
      assert.are.equal("", out)
      assert.matches("bad %-%-" .. k .. " time '2024%-01%-01T10:00:60'", err)
    end
    local code, out, err = run("events -f json", '{"EventID":4625,"TimeCreated":' ..
      '"2024-05-01T10:00:60Z"}\n{"EventID":4625,"TimeCreated":"2024-05-01T10:00:59Z"}\n')
    assert.are.equal(0, code, err)
    local r = require("dkjson").decode(out)
    assert.are.same({ 1, 1 }, { r.events, r.skipped })
    assert.matches("second 60 where no leap second can be", r.skipped_records[1].reason, 1, true)
    assert.matches("skipped event 1: not a time: '2024-05-01T10:00:60Z'", err, 1, true)
  end)

  it("an unknown format name: exit 2, the formats listed", function()
    local code, _, err = run("events -f pdf " .. SAMPLE)
    assert.are.equal(2, code)
    assert.matches("'text', 'markdown', 'json', 'html'", err, 1, true)
  end)

  it("a file where nothing could be read: exit 1, each skip on stderr", function()
    local code, _, err = run("events", '{"EventID": \n{broken\n')
    assert.are.equal(1, code)
    assert.matches("skipped line 1", err)
    assert.matches("skipped line 2", err)
  end)
end)
