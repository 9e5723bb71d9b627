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

  -- counted: an event the schema does not know, which a triage only
  -- counts, comes as six values and no table.  They must say what the
  -- table says, record for record, on every sample.
  it("gives an event only counted as its ID and System fields, as its table says them",
     function()
    local counted = 0
    for _, name in ipairs(SAMPLES) do
      local path = S .. name
      local t = assert(evtx.open(path, 1, 1, 1, events.schema.events))
      local c = assert(evtx.open(path, 1, 1, 1, events.schema.events, nil, true))
      while true do
        local r = t:next()
        local id, number, secs, computer, channel, provider = c:next()
        if r == nil then assert.is_nil(id) break end
        if type(id) == "number" then
          counted = counted + 1
          assert.is_nil(events.schema.events[id])
          assert.are.same({ r.id, r.record, r.seconds, r.computer, r.channel, r.provider },
                          { id, number, secs, computer, channel, provider })
          assert.is_nil(next(r.data))
          if math.type then assert.are.equal("integer", math.type(id)) end
        elseif r then
          assert.are.same(r, id)
        else
          assert.are.same({ false, r }, { false, id })
        end
      end
    end
    assert.is_true(counted > 1000, "counted " .. counted)
    -- without a known set, counted gives every record its table
    local f = assert(evtx.open(S .. "python-evtx-security.evtx", 1, 1, 1, nil, nil, true))
    assert.are.equal("table", type(f:next()))
  end)

  it("gives of those only the fields a triage reads, and counts the others", function()
    local path = S .. "python-evtx-security.evtx"
    local want = {}
    for _, f in ipairs(triage.FIELDS) do want[f] = true end
    local whole = assert(evtx.open(path))
    local lean = assert(evtx.open(path, 1, 1, 1, events.schema.events, triage.FIELDS))
    local left = 0
    while true do
      local w, l = whole:next(), lean:next()
      if w == nil then assert.is_nil(l); break end
      if w then
        assert.are.equal(w.record, l.record)
        local n, kept = 0, 0
        for k, v in pairs(w.data) do
          n = n + 1
          if events.schema.events[w.id] and want[k] then
            assert.are.equal(v, l.data[k], k) -- given as it is
            kept = kept + 1
          else
            assert.is_nil(l.data[k], k)
          end
        end
        assert.are.equal(n - kept, l.unread or 0)
        left = left + (l.unread or 0)
      end
    end
    assert.is_true(left > 0)
    -- TargetUserName is read (the account); LogonGuid is not
    assert.is_true(want.TargetUserName)
    assert.is_nil(want.LogonGuid)
    for _, bad in ipairs({ "TargetUserName", { 1 } }) do
      assert.has_error(function() evtx.open(path, 1, 1, 1, nil, bad) end)
    end
  end)

  it("passes over what is no event ID in the set, and a field name too long to be one", function()
    local path = S .. "python-evtx-security.evtx"
    local function all(known, fields)
      local f = assert(evtx.open(path, 1, 1, 1, known, fields))
      local out = {}
      while true do
        local r = f:next()
        if r == nil then break end
        if r then out[#out + 1] = r end
      end
      return out
    end
    local want = all({ [4624] = true }, { "TargetUserName" })
    local got = all({ [4624] = true, x = true, [4625.5] = true, [70000] = true, [-1] = true },
                    { "TargetUserName", ("TargetUserName"):rep(5) })
    assert.are.same(want, got)
    local logons = 0
    for _, r in ipairs(got) do
      if r.id == 4624 then
        logons = logons + 1
        assert.is_not_nil(r.data.TargetUserName)
        assert.is_nil(r.data.IpAddress)
      end
    end
    assert.is_true(logons > 0)
  end)

  it("reads every data field the findings' code reads", function()
    -- what findings.lua reads as d.Name must be in findings.DATA, or a
    -- lean reading would leave it out
    local findings = require "logonerr.events.findings"
    local listed = {}
    for _, f in ipairs(findings.DATA) do listed[f] = true end
    local src = assert(io.open("lua/logonerr/events/findings.lua")):read("*a")
    local n = 0
    for f in src:gmatch("[^%w_]d%.(%u[%w_]*)") do
      assert.is_true(listed[f], f .. " is read but not in findings.DATA")
      n = n + 1
    end
    assert.is_true(n >= 10)
  end)

  it("gives a record whose EventID is no event ID whole, for the triage to say why", function()
    -- the first 4625 of a sample, its EventID (System's fourth value, a
    -- 16-bit number) written as text; the bytes it takes or gives up come
    -- from Keywords (the sixth: 8 bytes), so nothing else moves
    local P = require "support.evtx_patch"
    local run = require "support.run"
    local s = run.read(S .. "mitre-4625-account-restriction.evtx")
    local v = P.instance(s, P.records(s, 0)[1]).values
    local id, keywords = v[4], v[6]
    assert.are.equal(4625, P.u16(s, id.at))
    local function as_text(ty, bytes)
      local copy = P.retype(P.put(s, id.at, bytes .. ("\0"):rep(10 - #bytes)), id, ty, #bytes)
      copy = P.retype(copy, v[5], v[5].type, 0)
      return P.retype(copy, keywords, 0x0e, 10 - #bytes) -- binary, shorter
    end
    for _, case in ipairs({ { 0x01, "x\0", "x" }, { 0x02, "70000", "70000" },
                            { 0x02, "1234567", "1234567" }, { 0x01, "", "" },
                            { 0x01, "-\0", "-" } }) do
      local path = P.sealed(as_text(case[1], case[2]))
      local f = assert(evtx.open(path, 1, 1, 1, events.schema.events))
      local rec = f:next()
      f:close()
      assert.are.equal(case[3], tostring(rec.id))
      assert.is_not_nil(next(rec.data)) -- not taken for an event without data
      local rd = events.open(path, { lean = true })
      while rd:next() do end
      os.remove(path)
      assert.are.equal(1, rd.events) -- the other record
      assert.matches("event ID '" .. case[3] .. "' is not a whole number", rd.skipped[1].reason, 1,
                     true)
    end
  end)

  it("gives the report a whole reading gives, on every sample", function()
    for _, f in ipairs(SAMPLES) do
      local whole = json.encode(events.triage(events.open(S .. f)))
      local lean = json.encode(events.triage(events.open(S .. f, { lean = true })))
      assert.are.equal(whole, lean, f)
      -- and with the events the schema does not know only counted
      local rd = events.open(S .. f, { lean = true, tally = true })
      local given = 0
      for rec in function() return rd:next() end do
        assert.is_not_nil(events.schema.events[rec.id])
        given = given + 1
      end
      rd = events.open(S .. f, { lean = true, tally = true })
      assert.are.equal(whole, json.encode(events.triage(rd)), f)
      assert.are.equal(rd.events, given + rd.tallied.n, f)
    end
  end)
end)

describe("--account on events the schema does not know", function()
  if not events.evtx then
    pending("logonerr.evtx is not built")
    return
  end
  local run = require "support.run"
  local dkjson = require "dkjson"

  -- (with the events that say the log itself misses something, which
  -- pass the filter: shutdowns, clock settings, a clear...)
  local ABOUT_THE_LOG = { [1100] = true, [1101] = true, [1102] = true, [1104] = true,
                          [1108] = true, [4616] = true, [4719] = true }

  it("finds them by their TargetUserName, as libevtx reads it (no lean reading then)", function()
    if not run.ok(run.PLAIN .. "which evtxexport >/dev/null") then
      return pending("evtxexport (libevtx-utils) is not installed")
    end
    local path = S .. "python-evtx-security.evtx"
    -- libevtx's reading: each event whose TargetUserName is fsir, by ID
    local _, xml = run.sh(run.PLAIN .. "evtxexport -f xml " .. path)
    local want, unknown = {}, 0
    for ev in xml:gmatch("<Event .-</Event>") do
      local id = tonumber(ev:match("<EventID[^>]*>(%d+)<"))
      if ev:find('<Data Name="TargetUserName">fsir</Data>', 1, true) or ABOUT_THE_LOG[id] then
        want[id] = (want[id] or 0) + 1
        if not events.schema.events[id] then unknown = unknown + 1 end
      end
    end
    assert.is_true(unknown > 0) -- 4634, 4647, 4720...: logoffs and account changes
    for _, j in ipairs({ "", "-j 2 " }) do
      local code, out = run.command("events -f json --account fsir " .. j .. path)
      assert.are.equal(0, code)
      local got = {}
      for _, e in ipairs(dkjson.decode(out).by_event) do got[e.id] = e.count end
      assert.are.same(want, got)
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
