-- The events API's small contracts: triage's arguments, what records carry
-- (outcome, seconds, the code of 4776 under either field name), and the
-- errors bad arguments and a stream that cannot be kept give.
local events = require "logonerr.events"
local write = require("support.run").tempfile

-- One event as wevtutil writes it, each with its own EventRecordID (one
-- number twice on one computer is one event, read once).
local serial = 0
local function event(id, data)
  serial = serial + 1
  local d = {}
  for k, v in pairs(data) do d[#d + 1] = ('<Data Name="%s">%s</Data>'):format(k, v) end
  table.sort(d)
  return ('<Event><System><EventID>%d</EventID><TimeCreated SystemTime=' ..
          '"2024-05-01T10:00:00.5Z"/><EventRecordID>%d</EventRecordID><Channel>Security' ..
          '</Channel></System><EventData>%s</EventData></Event>\n'):format(id, serial,
                                                                          table.concat(d))
end

local function records(text)
  local p = write(text)
  local out = {}
  for rec in events.records(p) do out[#out + 1] = rec end
  os.remove(p)
  return out
end

describe("logonerr.events records", function()
  if not events.xml then pending("logonerr.evtx is not built (libexpat)"); return end

  it("say success or failure as the event's outcome rule says", function()
    local r = records(event(4624, { TargetUserName = "a", LogonType = "3" }) ..
                      event(4768, { TargetUserName = "b", Status = "0x0" }) ..
                      event(4768, { TargetUserName = "c", Status = "0x18" }) ..
                      event(4776, { TargetUserName = "d", Status = "0x0" }) ..
                      event(4625, { TargetUserName = "e", Status = "0xC000006D" }) ..
                      event(4740, { TargetUserName = "f" }))
    local seen = {}
    for i, rec in ipairs(r) do seen[i] = { rec.success or false, rec.failed or false } end
    assert.are.same({ { true, false }, { true, false }, { false, true }, { true, false },
                      { false, true }, { false, false } }, seen)
  end)

  it("read 4776's code from ErrorCode when Status is '-'", function()
    local r = records(event(4776, { TargetUserName = "d", Status = "-",
                                    ErrorCode = "0xC000006A" }))
    assert.are.equal("STATUS_WRONG_PASSWORD", r[1].code.name)
    assert.is_true(r[1].failed)
  end)

  it("carry their time in seconds as a field", function()
    local r = records(event(4625, { TargetUserName = "e", Status = "0xC000006D" }))
    assert.are.equal(1714557600.5, r[1].seconds)
  end)
end)

describe("events.triage", function()
  local recs = {
    { id = 4625, failed = true, account = "CORP\\bob", source = "10.0.0.1",
      time = "2024-05-01T10:00:00.000000Z", seconds = 1714557600 },
  }

  it("takes a list, an iterator or a reader", function()
    assert.are.equal(1, events.triage(recs).failures)
    local i = 0
    assert.are.equal(1, events.triage(function() i = i + 1; return recs[i] end).failures)
    if not events.xml then return end
    local p = write(event(4625, { TargetUserName = "e", Status = "0xC000006D" }) ..
                    "<Event><System>broken")
    local r = events.triage(assert(events.open(p)))
    os.remove(p)
    assert.are.same({ 1, 1 }, { r.failures, r.skipped })
  end)

  it("refuses a reader as its options, and what is no list of records", function()
    if events.xml then
      local p = write(event(4625, { TargetUserName = "e" }))
      local rd = assert(events.open(p))
      local ok, err = pcall(events.triage, function() end, rd)
      rd:close()
      os.remove(p)
      assert.is_false(ok)
      assert.matches("bad argument #2 to 'triage' (options table expected, got a reader",
                     err, 1, true)
    end
    local ok, err = pcall(events.triage, 42)
    assert.is_false(ok)
    assert.matches("bad argument #1 to 'triage'", err, 1, true)
    ok, err = pcall(events.triage, recs, "fast")
    assert.is_false(ok)
    assert.matches("bad argument #2 to 'triage' (options table expected, got string)",
                   err, 1, true)
  end)

  it("gives by_account and by_source their failures once, without a count", function()
    local r = events.triage(recs)
    assert.are.equal(1, r.by_account[1].failures)
    assert.is_nil(r.by_account[1].count)
    assert.are.equal(1, r.by_source[1].failures)
    assert.is_nil(r.by_source[1].count)
  end)
end)

describe("bad arguments and streams", function()
  it("events.records(42) names records", function()
    local ok, err = pcall(events.records, 42)
    assert.is_false(ok)
    assert.matches("bad argument #1 to 'records' (file name or file expected, got number)",
                   err, 1, true)
  end)

  it("EVTX from a stream that cannot be kept in a temporary file: a clear error",
     function()
    local saved_tmpname = os.tmpname
    local saved = package.loaded["logonerr.events"]
    package.loaded["logonerr.events"] = nil
    os.tmpname = function() return "/nonexistent/dir/logonerr-evtx" end -- luacheck: ignore
    local ok, fresh = pcall(require, "logonerr.events")
    os.tmpname = saved_tmpname -- luacheck: ignore
    package.loaded["logonerr.events"] = saved
    assert.is_true(ok, tostring(fresh))
    local head = "ElfFile\0" .. ("\0"):rep(4088)
    local stream = { read = function(self, n)
      if self.done then return nil end
      self.done = true
      return head:sub(1, type(n) == "number" and n or #head)
    end }
    local rd, err = fresh.open(stream)
    assert.is_nil(rd)
    assert.matches("(stdin): cannot keep EVTX from a stream in a temporary file", err, 1, true)
  end)
end)
