-- The times of EVTX and event XML records are read in C (levtx_record.c),
-- so that Lua does not parse them per record; the reference for what they
-- must be is events/time.lua's reading of the same text.
local events = require "logonerr.events"
local time = require "logonerr.events.time"
local run = require "support.run"

local function xml_event(t)
  return ('<Events><Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">' ..
          '<System><EventID>4624</EventID><TimeCreated SystemTime="%s"/></System>' ..
          '</Event></Events>'):format(t)
end

local function read_one(text)
  local path = run.tempfile(text)
  local recs = {}
  local it, rd = events.records(path)
  for rec in it do recs[#recs + 1] = rec end
  os.remove(path)
  return recs, rd.skipped
end

describe("the time of a record", function()
  if not events.xml then pending("logonerr.eventxml is not built") return end
  local texts = {
    "2016-07-08T18:12:51.681640800Z", -- EVTX's nine digits
    "2019-04-30T19:27:02.8472846Z",   -- seven (wevtutil)
    "2019-04-30T19:27:02.8Z",
    "2019-04-30T19:27:02.000000000Z",
    "2019-04-30T19:27:59.9999996Z",   -- rounds up to the next second
    "2019-12-31T23:59:59.99999950Z",  -- and to the next year
    "2016-12-31T23:59:60.5Z",         -- a leap second
    "2019-04-30T19:27:60.1Z",         -- second 60 where there is none: no time
    "2020-02-29T00:00:00.1Z",
    "2100-03-01T12:00:00.123456789012345Z", -- fifteen digits
    "2100-03-01T12:00:00.1234567890123456Z", -- sixteen: left to Lua
    "1970-01-01T00:00:00.0000001Z",
    "1969-12-31T23:59:59.5Z",         -- before 1970
    "2019-04-30 19:27:02.847284",     -- python-evtx's form
    "2019-13-01T00:00:00.1Z",         -- no such month: no time
    "2019-02-29T00:00:00.1Z",         -- no such day
    "2019-04-31T00:00:00.1Z",
    "2019-04-30T24:00:00.1Z",
    "2019-04-30T19:27:02Z",
    "2019-04-30T19:27:02.Z",
    "2019-04-30T19:27:02.12x4Z",
  }
  for _, t in ipairs(texts) do
    it("'" .. t .. "' is what events.time.parse reads", function()
      local secs, iso = time.parse(t)
      local recs, skipped = read_one(xml_event(t))
      if secs == nil then -- a record whose time is no time is skipped
        assert.equal(0, #recs)
        assert.equal(1, #skipped)
        return
      end
      assert.equal(1, #recs)
      assert.equal(iso, recs[1].time)
      assert.equal(secs, recs[1].seconds)
      if secs and math.type then assert.equal(math.type(secs), math.type(recs[1].seconds)) end
    end)
  end

  it("of every EVTX sample record is its seconds in canonical form", function()
    if not events.evtx then pending("logonerr.evtx is not built") return end
    local n = 0
    for _, name in ipairs({ "python-evtx-security.evtx", "mitre-4625-account-restriction.evtx",
                            "omerbenamram-Security_with_size_t.evtx" }) do
      for rec in events.records("spec/fixtures/evtx/" .. name) do
        local secs, iso = time.time(rec.time)
        assert.equal(rec.time, iso)
        assert.is_true(math.abs(secs - rec.seconds) < 1e-6)
        n = n + 1
      end
    end
    assert.is_true(n > 2000)
  end)
end)
