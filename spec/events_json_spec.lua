-- JSON through lua-cjson, or dkjson where cjson is absent; Get-WinEvent's
-- Message text when an export has no Properties.
local function fresh(hide_cjson)
  local saved = {}
  for _, m in ipairs({ "cjson.safe", "logonerr.json", "logonerr.events" }) do
    saved[m] = package.loaded[m]
    package.loaded[m] = nil
  end
  local preload = package.preload["cjson.safe"]
  if hide_cjson then
    package.preload["cjson.safe"] = function() error("cjson hidden by the spec") end
  end
  local events = require "logonerr.events"
  package.preload["cjson.safe"] = preload
  for m, v in pairs(saved) do package.loaded[m] = v end
  return events
end

local NDJSON =
  '{"winlog":{"event_id":"4625","record_id":7,"computer_name":"dc1","channel":"Security",' ..
  '"event_data":{"TargetUserName":"bob","TargetDomainName":"CORP","Status":"0xc000006d",' ..
  '"SubStatus":"0xc0000064","IpAddress":"192.0.2.5","LogonType":"3"}},' ..
  '"@timestamp":"2024-05-01T10:00:00.123Z"}\n' ..
  '{"EventID":4771,"Hostname":"dc1","@timestamp":"2024-05-01 10:00:01","Status":"0x18",' ..
  '"TargetUserName":"eve","ServiceName":"krbtgt/CORP.EXAMPLE","IpAddress":"::ffff:192.0.2.6",' ..
  '"Extra":null}\n'

local tempfile = require("support.run").tempfile

local function records(events, text)
  local p = tempfile(text)
  local out = {}
  local it, rd = events.records(p)
  for rec in it do out[#out + 1] = rec end
  os.remove(p)
  return out, rd
end

local function check(events)
  local recs, rd = records(events, NDJSON)
  assert.are.equal("json", rd.format)
  assert.are.equal(2, #recs)
  assert.are.same({ "STATUS_NO_SUCH_USER", "CORP\\bob", "192.0.2.5",
                    "2024-05-01T10:00:00.123000Z", 7, "dc1" },
                  { recs[1].code.name, recs[1].account, recs[1].source, recs[1].time,
                    recs[1].record, recs[1].computer })
  assert.are.same({ "kerberos", 0x18, "CORP.EXAMPLE\\eve", "192.0.2.6",
                    "2024-05-01T10:00:01.000000Z" },
                  { recs[2].code.namespace, recs[2].code.code, recs[2].account,
                    recs[2].source, recs[2].time })
end

describe("events from JSON", function()
  it("through lua-cjson where it is installed", function()
    local events = fresh(false)
    if events.json_library ~= "lua-cjson" then
      pending("lua-cjson is not installed for " .. _VERSION .. " (make deps installs it)")
      return
    end
    check(events)
  end)

  it("through dkjson where cjson is absent", function()
    local events = fresh(true)
    assert.are.equal("dkjson", events.json_library)
    check(events)
  end)

  it("from the XML's shape in JSON (omerbenamram's evtx_dump -o json)", function()
    local events = fresh(false)
    local recs = records(events,
      '{"Event":{"#attributes":{"xmlns":' ..
      '"http://schemas.microsoft.com/win/2004/08/events/event"},' ..
      '"System":{"EventID":4776,"EventRecordID":12,"Channel":"Security","Computer":"dc1",' ..
      '"TimeCreated":{"#attributes":{"SystemTime":"2024-05-01T10:00:00.5Z"}}},' ..
      '"EventData":{"PackageName":"MICROSOFT_AUTHENTICATION_PACKAGE_V1_0",' ..
      '"TargetUserName":"bob","Workstation":"PC7","Status":"0xc0000234"}}}\n')
    assert.are.equal(1, #recs)
    assert.are.same({ 4776, 12, "STATUS_ACCOUNT_LOCKED_OUT", "bob", "PC7",
                      "2024-05-01T10:00:00.500000Z" },
                    { recs[1].id, recs[1].record, recs[1].code.name, recs[1].account,
                      recs[1].source, recs[1].time })
  end)

  it("from Get-WinEvent's Message text when there are no Properties", function()
    local events = fresh(false)
    local msg = "An account failed to log on.\r\n\r\nSubject:\r\n\tSecurity ID:\t\tS-1-5-18\r\n" ..
      "\tAccount Name:\t\tDC1$\r\n\tAccount Domain:\t\tCORP\r\n\r\nLogon Type:\t\t\t3\r\n\r\n" ..
      "Account For Which Logon Failed:\r\n\tSecurity ID:\t\tS-1-0-0\r\n" ..
      "\tAccount Name:\t\tbob\r\n\tAccount Domain:\t\tCORP\r\n\r\n" ..
      "Failure Information:\r\n\tFailure Reason:\t\tUnknown user name or bad password.\r\n" ..
      "\tStatus:\t\t\t0xC000006D\r\n\tSub Status:\t\t0xC000006A\r\n\r\n" ..
      "Network Information:\r\n\tWorkstation Name:\tPC7\r\n" ..
      "\tSource Network Address:\t192.0.2.7\r\n\tSource Port:\t\t0\r\n"
    local dk = require "dkjson"
    local recs = records(events, dk.encode({ { Id = 4625, RecordId = 9,
      TimeCreated = "/Date(1714557600000)/", MachineName = "dc1", Message = msg } }))
    assert.are.equal(1, #recs)
    local r = recs[1]
    assert.are.same({ "STATUS_WRONG_PASSWORD", "CORP\\bob", "192.0.2.7", 3,
                      "Unknown user name or bad password.", "2024-05-01T10:00:00.000000Z" },
                    { r.code.name, r.account, r.source, r.logon_type.number,
                      r.failure_reason, r.time })
  end)
end)

-- Get-WinEvent | ConvertTo-Json writes one array: it is cut into items by
-- their brackets and strings, each decoded on its own, never read whole.
describe("a JSON array (Get-WinEvent) read one item at a time", function()
  local dk = require "dkjson"
  local events = require "logonerr.events"
  local CHUNK, MAX_EVENT = events.CHUNK, events.MAX_EVENT
  after_each(function() events.CHUNK, events.MAX_EVENT = CHUNK, MAX_EVENT end)

  -- A 4625 as Get-WinEvent gives it: Properties in the order Windows writes
  -- the fields (TargetUserName is the 6th, Status the 8th, SubStatus the
  -- 10th, IpAddress the 20th).
  local function item(n, message)
    local values = { "S-1-5-18", "DC1$", "CORP", "0x3e7", "S-1-0-0", "user" .. n, "CORP",
                     "0xc000006d", "%%2313", "0xc000006a", "3", "NtLmSsp", "NTLM", "PC7",
                     "-", "-", "0", "0x0", "-", "192.0.2." .. (n % 250 + 1), "0" }
    local props = {}
    for i, v in ipairs(values) do props[i] = { Value = v } end
    return { Id = 4625, RecordId = n, MachineName = "dc1", Message = message,
             TimeCreated = "/Date(" .. (1714557600000 + n * 1000) .. ")/",
             Properties = props }
  end

  -- Strings holding what the cutter follows: brackets, commas, quotes and
  -- backslashes, escaped or not, and text beyond ASCII.
  local TRICKY = { 'a "}" ] [ , { \\', "\\\"]", "}}}]]],,", "Überprüfung ✓ \"x\"", "" }

  local function read(text) return records(events, text) end

  it("cuts items right whatever the size of the pieces read", function()
    -- Item 1 is long, so that the rest lies past the 64 KB read at once to
    -- tell the format, where pieces of CHUNK bytes are read.
    local list = { item(1, string.rep("x", 70000)) }
    for n = 2, 41 do list[n] = item(n, TRICKY[n % #TRICKY + 1]) end
    local text = "\239\187\191" .. dk.encode(list, { indent = true })
    for _, chunk in ipairs({ 1, 2, 3, 7, 64, 1048576 }) do
      events.CHUNK = chunk
      local recs, rd = read(text)
      assert.are.equal("json", rd.format)
      assert.are.same({}, rd.skipped)
      assert.are.equal(41, #recs)
      for n, r in ipairs(recs) do
        assert.are.same({ n, "CORP\\user" .. n, "STATUS_WRONG_PASSWORD",
                          "192.0.2." .. (n % 250 + 1) },
                        { r.record, r.account, r.code.name, r.source })
      end
    end
  end)

  it("skips an item that does not parse, or has no event ID, and reads on", function()
    local good = function(n) return dk.encode(item(n)) end
    local recs, rd = read("[" .. good(1) .. ', {"Id": 4625, "RecordId": },' .. good(3) ..
                          ', {"RecordId": 4}, 17, ' .. good(6) .. "]")
    assert.are.same({ 1, 3, 6 }, { recs[1].record, recs[2].record, recs[3].record })
    assert.are.equal(3, #recs)
    assert.are.same({ "item 2", "item 4", "item 5" },
                    { rd.skipped[1].at, rd.skipped[2].at, rd.skipped[3].at })
    assert.matches("does not parse", rd.skipped[1].reason)
    assert.matches("without an event ID", rd.skipped[2].reason)
    assert.matches("without an event ID", rd.skipped[3].reason)
  end)

  it("says when the file ends inside an item, keeping those before", function()
    local recs, rd = read("[" .. dk.encode(item(1)) .. ', {"Id": 4625, "Message": "cut')
    assert.are.equal(1, #recs)
    assert.are.same({ { at = "item 2", reason = "the file ends inside an item" } }, rd.skipped)
  end)

  it("skips an item longer than MAX_EVENT without keeping it, and reads on", function()
    -- (The first 64 KB are read at once to tell the format: the long item
    -- reaches past them.)
    events.CHUNK, events.MAX_EVENT = 64, 2048
    local recs, rd = read(dk.encode({ item(1), item(2, string.rep("[x] ", 40000)), item(3) }))
    assert.are.same({ 1, 3 }, { recs[1].record, recs[2].record })
    assert.are.equal(2, #recs)
    assert.are.equal("item 2", rd.skipped[1].at)
    assert.matches("longer than 2048 bytes", rd.skipped[1].reason)
  end)

  it("skips a stray closing brace as an item and reads on", function()
    local recs, rd = read("[1}, " .. dk.encode(item(2)) .. ", }, " .. dk.encode(item(4)) .. "]")
    assert.are.same({ 2, 4 }, { recs[1].record, recs[2].record })
    assert.are.same({ "item 1", "item 3" }, { rd.skipped[1].at, rd.skipped[2].at })
    assert.are.equal(2, #rd.skipped)
  end)

  it("reads arrays written one after another, and names what follows", function()
    local a, b = dk.encode({ item(1) }), dk.encode({ item(2), item(3) })
    local recs, rd = read(a .. "\n" .. b .. "\n")
    assert.are.same({ 1, 2, 3 }, { recs[1].record, recs[2].record, recs[3].record })
    assert.are.same({}, rd.skipped)
    recs, rd = read(a .. " trailing words")
    assert.are.equal(1, #recs)
    assert.are.same({ { at = "file",
                        reason = "text after the JSON array that is not another array" } },
                    rd.skipped)
  end)

  it("says when the file ends between items, before the closing bracket", function()
    local recs, rd = read("[" .. dk.encode(item(1)) .. ",\n")
    assert.are.equal(1, #recs)
    assert.are.same({ { at = "file", reason = "the file ends before the JSON array's closing ]" } },
                    rd.skipped)
  end)

  it("keeps no more than MAX_EVENT of an item's long string in memory", function()
    events.CHUNK, events.MAX_EVENT = 4096, 65536
    local long = string.rep("x", 4 * 1048576)
    local text = "[" .. dk.encode(item(1, long)) .. "," .. dk.encode(item(2)) .. "]"
    long = nil -- luacheck: ignore 311
    -- A source that is a file object: each read is a moment to look at
    -- what the reader holds.
    local at, peak, calls = 1, 0, 0
    local src = { read = function(_, n)
      calls = calls + 1
      if calls % 64 == 0 then
        collectgarbage("collect")
        peak = math.max(peak, collectgarbage("count"))
      end
      if at > #text then return nil end
      local piece = text:sub(at, at + n - 1)
      at = at + n
      return piece
    end }
    collectgarbage("collect")
    local base = collectgarbage("count") -- text (4 MB) is held by the spec
    local recs, it, rd = {}, events.records(src)
    for rec in it do recs[#recs + 1] = rec end
    assert.are.same({ 2 }, { recs[1].record })
    assert.are.same({ "item 1" }, { rd.skipped[1].at })
    assert.matches("longer than 65536 bytes", rd.skipped[1].reason)
    assert.is_true((peak - base) * 1024 < 4 * 65536,
                   ("held %.0f KB of a 4 MB string"):format(peak - base))
  end)

  it("holds one item at a time: memory stays flat on a large array", function()
    local list = {}
    for n = 1, 12000 do list[n] = dk.encode(item(n, string.rep("m", 300))) end
    local text = "[" .. table.concat(list, ",\n") .. "]"
    list = nil -- luacheck: ignore 311
    local p = tempfile(text)
    local size = #text
    text = nil -- luacheck: ignore 311
    collectgarbage("collect")
    local base, peak, n = collectgarbage("count"), 0, 0
    for rec in events.records(p) do
      n = n + 1
      assert.are.equal(n, rec.record)
      if n % 1000 == 0 then -- what is still held, garbage collected
        collectgarbage("collect")
        peak = math.max(peak, collectgarbage("count") - base)
      end
    end
    os.remove(p)
    assert.are.equal(12000, n)
    assert.is_true(size > 8 * 1048576, "the array is " .. size .. " bytes")
    -- Read whole, the text alone would be held (8 MB, and its decoded
    -- items 30 MB more); one piece read and one item are about 1 MB.
    assert.is_true(peak * 1024 < size / 4,
                   ("peak %.0f KB over %d bytes of JSON"):format(peak, size))
  end)
end)
