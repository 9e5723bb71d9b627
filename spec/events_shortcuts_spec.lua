-- The triage's shortcuts for big logs give the report the long way gives:
-- the EVTX reader leaving out the data of events the schema does not know
-- (`lean`), and records a little out of time order moved into place.
local events = require "logonerr.events"
local triage = require "logonerr.events.triage"
local json = require "logonerr.json"

local S = "spec/fixtures/evtx/"
local SAMPLES = require "support.samples" -- the seven real logs

describe("a triage of EVTX read lean", function()
  if not events.evtx then
    pending("logonerr.evtx is not built")
    return
  end
  local evtx = require "logonerr.evtx"

  it("gives the data of the events the schema knows, and only theirs", function()
    local path = S .. "python-evtx-security.evtx"
    local f = assert(evtx.open(path, 1, 1, 1, events.schema.events))
    local known, bare = 0, 0
    while true do
      local r = f:next()
      if r == nil then break end
      if r then
        if events.schema.events[r.id] then
          assert.is_not_nil(next(r.data), "event " .. r.id .. " without its data")
          known = known + 1
        else
          assert.is_nil(next(r.data or {}), "event " .. r.id .. " with its data")
          bare = bare + 1
        end
      end
    end
    assert.is_true(known > 0 and bare > 0)
    assert.has_error(function() evtx.open(path, 1, 1, 1, "4624") end)
  end)

  it("gives the report a whole reading gives, on every sample", function()
    for _, f in ipairs(SAMPLES) do
      local whole = json.encode(events.triage(events.open(S .. f)))
      local lean = json.encode(events.triage(events.open(S .. f, { lean = true })))
      assert.are.equal(whole, lean, f)
    end
  end)
end)

describe("a triage of records a little out of time order", function()
  if not events.evtx then
    pending("logonerr.evtx is not built")
    return
  end

  it("gives the report of the same records in order", function()
    local recs = {}
    for _, f in ipairs(SAMPLES) do
      for rec in events.records(S .. f) do recs[#recs + 1] = rec end
    end
    table.sort(recs, function(a, b)
      if a.seconds ~= b.seconds then return a.seconds < b.seconds end
      return a.record < b.record
    end)
    -- each tenth record logged a little late: two places on
    local late = {}
    for i, r in ipairs(recs) do late[i] = r end
    for i = 10, #late - 2, 10 do
      late[i], late[i + 1], late[i + 2] = late[i + 1], late[i + 2], late[i]
    end
    -- and the same far out of order: the second half first
    local far = {}
    local half = math.floor(#recs / 2)
    for i = half + 1, #recs do far[#far + 1] = recs[i] end
    for i = 1, half do far[#far + 1] = recs[i] end
    local function report(list)
      local r = triage.triage(list)
      return r.findings, r.by_account, r.logon_summary
    end
    local f0, a0, s0 = report(recs)
    assert.is_true(#f0 > 0)
    for _, list in ipairs({ late, far }) do
      local f, a, s = report(list)
      -- the same findings, accounts and summary (their evidence in time order)
      assert.are.same(json.encode(f0), json.encode(f))
      assert.are.same(json.encode(a0), json.encode(a))
      assert.are.same(json.encode(s0), json.encode(s))
    end
  end)
end)
