-- logonerr.events.time: every form read against GNU date's reading of
-- the same text (TZ=UTC), and each text that is no time refused with the
-- reason, never read as 1970.
local run = require "support.run"
local timestamp = require "logonerr.events.time"

-- GNU date's seconds for a text, with the fraction.
local function gnu(s)
  local p = io.popen(run.PLAIN .. "env TZ=UTC date -d '" .. s .. "' +%s.%N")
  local out = p:read("*a")
  p:close()
  return tonumber(out)
end

describe("logonerr.events.time", function()
  it("reads the ISO 8601 forms logs write as GNU date does", function()
    for _, s in ipairs({
      "2019-04-30T19:27:02.847284Z",  -- EVTX, wevtutil, evtx_dump
      "2021-12-03T12:06:03.488Z",     -- Winlogbeat's @timestamp
      "2021-12-03 12:06:03",          -- NXLog's EventTime (no zone: UTC)
      "2020-02-29T23:10:00+02:00",    -- an offset, on a leap day
      "2020-03-01T01:10:00-0530",
      "2019-04-30T19:27:02,5Z",       -- a comma before the fraction
      "2019-04-30T19:27Z",            -- no seconds
      "2024-05-01",                   -- a date alone
    }) do
      local secs, canon = timestamp.parse(s)
      assert.is_truthy(secs, s)
      assert.is_true(math.abs(secs - gnu(s)) < 1e-6, s)
      assert.equal(secs, (timestamp.parse(canon)), s) -- the canonical form reads back
    end
  end)

  it("writes the canonical form with microseconds and Z", function()
    local canon = function(s) return select(2, timestamp.parse(s)) end
    assert.equal("2019-04-30T19:27:02.847284Z", canon("2019-04-30T19:27:02.847284Z"))
    assert.equal("2020-02-29T21:10:00.000000Z", canon("2020-02-29T23:10:00+02:00"))
    assert.equal("1601-01-01T00:00:00.000000Z", timestamp.canonical(-11644473600)) -- FILETIME 0
    assert.equal("2019-04-30T19:27:02Z", timestamp.iso(1556652422.847))
  end)

  it("reads .NET's /Date(ms)/ as the instant it names", function()
    local secs, canon, zoneless = timestamp.parse("/Date(1556652422847)/")
    assert.equal(gnu("@1556652422.847"), secs)
    assert.equal("2019-04-30T19:27:02.847000Z", canon)
    assert.is_false(zoneless)
    assert.equal(secs, (timestamp.parse("\\/Date(1556652422847)\\/")))
    assert.equal(secs, (timestamp.parse("/Date(1556652422847+0200)/")))
  end)

  it("says which times had no zone", function()
    assert.is_true(select(3, timestamp.parse("2021-12-03 12:06:03")))
    assert.is_false(select(3, timestamp.parse("2021-12-03 12:06:03Z")))
    assert.is_false(select(3, timestamp.parse("2021-12-03T12:06:03+01:00")))
  end)

  -- Second 60 is a leap second, 23:59:60 UTC at a month's end (read as
  -- the second after, as POSIX time has none), and nothing anywhere else: a
  -- record's 10:00:60 was read as 10:01:00.  A person's --since or --until
  -- (time()) means no leap second by it: there it is out of range.
  it("reads second 60 only as a leap second, and never in a time a person gives", function()
    for s, after in pairs({ ["2016-12-31T23:59:60Z"] = "2017-01-01T00:00:00Z",
                            ["2016-12-31T23:59:60.5Z"] = "2017-01-01T00:00:00.5Z",
                            ["2017-01-01T00:59:60+01:00"] = "2017-01-01T00:00:00Z",
                            ["2015-06-30T23:59:60Z"] = "2015-07-01T00:00:00Z" }) do
      assert.are.equal(timestamp.parse(after), timestamp.parse(s), s)
      assert.is_nil(timestamp.time(s), s)
      assert.matches("out of range", select(2, timestamp.time(s)), 1, true)
    end
    for _, s in ipairs({ "2024-01-01T10:00:60", "2024-01-01T10:00:60Z", "2016-12-30T23:59:60Z",
                         "2016-12-31T23:59:60+01:00" }) do
      assert.is_nil(timestamp.parse(s), s)
      assert.matches("second 60 where no leap second can be", select(2, timestamp.parse(s)),
                     1, true)
      assert.is_nil(timestamp.time(s), s)
    end
    for _, s in ipairs({ "2024-01-01T10:00:61Z", "2024-01-01T10:00:99Z", "2024-01-01T24:00:00Z",
                         "2024-01-01T10:60:00Z", "2024-02-30T10:00:00Z", "2023-02-29",
                         "2024-04-31", "2024-01-00", "2024-00-10" }) do
      assert.is_nil(timestamp.parse(s), s)
      assert.is_nil(timestamp.time(s), s)
    end
    assert.is_truthy(timestamp.time("2024-01-01T10:00:59.999Z"))
    assert.is_truthy(timestamp.time("2024-02-29T23:59:59Z"))
  end)

  it("refuses what is no time, saying why, never 1970", function()
    for s, why in pairs({
      ["garbage"] = "expected YYYY-MM-DD",
      ["2019-02-29T10:00:00Z"] = "no day 29 in that month",
      ["2019-04-31T10:00:00Z"] = "no day 31",
      ["2019-13-01T10:00:00Z"] = "no month 13",
      ["2019-04-30T24:00:00Z"] = "out of range",
      ["2019-04-30T19:61:00Z"] = "out of range",
      ["2019-04-30T19:27:02 CEST"] = "an unknown zone 'CEST'",
      ["2019-04-30T19:27:02+15:00"] = "over 14 hours",
      ["2019-04-30 garbage"] = "expected hours and minutes",
      ["30/04/2019 19:27:02"] = "expected YYYY-MM-DD",
      ["/Date(99999999999999999999)/"] = "out of range",
    }) do
      local secs, err = timestamp.parse(s)
      assert.is_nil(secs, s)
      assert.matches("not a time: '" .. s .. "'", err, 1, true)
      assert.matches(why, err, 1, true)
    end
    assert.are.same({ nil, "no time" }, { timestamp.parse(nil) })
    -- (an offset's minutes run to 59 too: +01:75 was read as 2:15)
    assert.matches("an offset's minutes out of range",
                   select(2, timestamp.parse("2024-01-01T10:00:00+01:75")), 1, true)
    assert.are.same({ nil, "no time (empty)" }, { timestamp.parse("  ") })
    assert.are.same({ nil, "not a time: 0 (number, not text)" }, { timestamp.parse(0) })
  end)
end)
