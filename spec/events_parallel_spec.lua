-- `logonerr events -j`: a big EVTX file read in parts, each part triaged
-- by a process of its own and the partial triages merged in file order.
-- What an administrator checks: the report is the one a single process
-- gives, whatever is split where (records, findings, duplicates across
-- files, damaged chunks and records and how they are numbered).
local run = require "support.run"
local dkjson = require "dkjson"
local events = require "logonerr.events"
local triage = require "logonerr.events.triage"
local wire = require "logonerr.events.wire"
local workers = require "logonerr.workers"
local json = require "logonerr.json"

local S = "spec/fixtures/evtx/"
local BIG = S .. "python-evtx-security.evtx" -- 33 chunks: two parts (of 25 and 8)
local SAMPLES = require "support.samples" -- the seven real logs

local function tmp()
  local p = os.tmpname()
  os.remove(p)
  return p .. ".evtx"
end

describe("an EVTX file read in parts", function()
  if not events.evtx then
    pending("logonerr.evtx is not built")
    return
  end
  local evtx = require "logonerr.evtx"

  local function read(path, threads, part, parts)
    local f = assert(evtx.open(path, threads, part, parts))
    local out = {}
    while true do
      local r, why, at = f:next()
      if r == nil then break end
      out[#out + 1] = r and (r.record .. " " .. r.time) or ("skipped " .. at .. ": " .. why)
    end
    f:close()
    return out
  end

  it("gives every record once, in file order, however many parts and threads", function()
    local whole = read(BIG, 1, 1, 1)
    assert.are.equal(2261, #whole) -- python-evtx counts 2,261 records in it
    for _, parts in ipairs({ 2, 3, 33, 40 }) do
      for _, threads in ipairs({ 1, 3 }) do
        local joined = {}
        for k = 1, parts do
          for _, x in ipairs(read(BIG, threads, k, parts)) do joined[#joined + 1] = x end
        end
        assert.are.same(whole, joined)
      end
    end
  end)

  -- The most parts there can be, far more than the file's chunks: each
  -- chunk still in one part alone (the part's bounds are products of the
  -- chunks and the parts squared, made in 64 bits), most parts empty.
  it("gives every record once, in file order, in 65535 parts", function()
    local whole, joined, full = read(BIG, 1, 1, 1), {}, 0
    for k = 1, 65535 do
      local got = read(BIG, 1, k, 65535)
      if #got > 0 then full = full + 1 end
      for _, x in ipairs(got) do joined[#joined + 1] = x end
    end
    assert.are.same(whole, joined)
    assert.is_true(full > 1 and full <= 33, full .. " parts hold records")
  end)

  it("refuses a part that is not one of the parts", function()
    assert.has_error(function() evtx.open(BIG, 1, 0, 2) end,
                     "bad argument #3 to 'open' (part must be 1 to parts)")
    assert.has_error(function() evtx.open(BIG, 1, 3, 2) end,
                     "bad argument #3 to 'open' (part must be 1 to parts)")
    assert.has_error(function() evtx.open(BIG, 1, 1, 0) end,
                     "bad argument #4 to 'open' (parts must be 1 to 65535)")
    assert.has_error(function() evtx.open(BIG, 1, 1, 65536) end,
                     "bad argument #4 to 'open' (parts must be 1 to 65535)")
    for _, threads in ipairs({ 0, 65 }) do
      assert.has_error(function() evtx.open(BIG, threads) end,
                       "bad argument #2 to 'open' (threads must be 1 to 64)")
    end
  end)

  it("is refused by events.open when the part is none of the parts", function()
    for _, bad in ipairs({ { part = 3, parts = 2 }, { part = 0, parts = 2 },
                           { part = 1, parts = 0 }, { part = 1.5, parts = 2 },
                           { part = "1", parts = 2 } }) do
      assert.has_error(function() events.open(BIG, bad) end,
        ("bad option 'part' (%s of %s: part must be a whole number from 1 to parts, " ..
         "parts one from 1 to 65535)"):format(tostring(bad.part), tostring(bad.parts)))
    end
  end)

  it("says a damaged file header once, in the first part", function()
    local data = run.read(BIG)
    local p = tmp()
    local f = assert(io.open(p, "wb"))
    -- the header's checksum (bytes 124-127) made wrong
    f:write(data:sub(1, 124), string.char((data:byte(125) + 1) % 256), data:sub(126))
    f:close()
    local one, two = read(p, 1, 1, 2), read(p, 1, 2, 2)
    os.remove(p)
    assert.matches("^skipped file header: a file header whose checksum is wrong", one[1])
    for _, x in ipairs(two) do assert.is_nil(x:find("file header", 1, true)) end
  end)
end)

describe("a worker's result on the wire", function()
  it("comes back exactly: each byte of a text, each bit of a number, a list's gaps", function()
    local times, ids = {}, {}
    for i = 1, 500 do times[i], ids[i] = 1467999171.6816408 + i / 3, 2 ^ 40 + i end
    times[7] = 1467999171.0 -- a float that looks whole stays a float
    local types = {}
    types[2], types[3], types[10] = "Interactive", "Network", "RemoteInteractive"
    local v = { text = "a\r\n\0\"b\\\255", times = times, ids = ids, types = types,
                yes = true, no = false, neg = -0.1 }
    v.counts = {}
    for i = 1, 300 do v.counts[i] = i * 7 end -- integers, where Lua has them
    local back = assert(wire.decode(wire.encode(v)))
    assert.are.same(v, back)
    if math.type then
      assert.are.equal("float", math.type(back.times[7]))
      assert.are.equal("integer", math.type(back.counts[300]))
      -- the least integer, whose digits read back as a float, and the most
      local ends = { math.mininteger, x = math.mininteger, y = math.maxinteger }
      back = assert(wire.decode(wire.encode(ends)))
      assert.are.same(ends, back)
      assert.are.equal("integer", math.type(back[1]))
      assert.are.equal("integer", math.type(back.x))
    end
  end)

  it("comes back exactly as rows: a state's shapes, sums and names learnt", function()
    -- (where Lua's %q writes every constant, a row in one call: each field,
    -- a field a row lacks, a place left empty, a row sent as its key)
    local rows = {}
    for i = 1, 40 do
      rows[i] = { key = "k" .. i, n = i, third = i / 3, whole = 3.0, yes = i % 2 == 0,
                  ws = i % 3 == 0 and "a\r\n\0\"b\\\255" or nil,
                  [1] = i % 5 == 0 and "first" or nil, [3] = "third" }
    end
    rows[7] = "a shape sent before, by its key"
    local listed = {}
    for i = 1, 20 do listed[i] = { at = i } end
    listed.also = "a field beside the list"
    local v = { rows = rows, listed = listed,
                deep = { { nested = { 1 } }, table.unpack and table.unpack(rows, 1, 20) } }
    local back = assert(wire.decode(wire.encode(v)))
    assert.are.same(v, back)
    if math.type then
      assert.are.equal("float", math.type(back.rows[1].whole))
      assert.are.equal("integer", math.type(back.rows[1].n))
    end
    -- rows of more fields than a Lua call takes arguments (255 registers)
    local wide = {}
    for i = 1, 20 do
      local row = {}
      for f = 1, 300 do row["f" .. f] = i * f end
      wide[i] = row
    end
    assert.are.same({ wide = wide }, assert(wire.decode(wire.encode({ wide = wide }))))
    local nan = {}
    for i = 1, 20 do nan[i] = { x = i } end
    nan[20].x = 0 / 0
    assert.has_error(function() wire.encode({ rows = nan }) end,
                     "wire: a number that is not finite")
  end)

  it("is checked against kinds that exist: a misspelt one is an error, not a pass", function()
    local plain = require "logonerr.events.plain"
    assert.is_true(plain.fields({ a = "x" }, { a = "string" }))
    assert.is_false(plain.fields({ a = 1 }, { a = "string" }))
    for _, strict in ipairs({ false, true }) do
      assert.has_error(function() plain.fields({ a = "x" }, { a = "strng" }, strict) end,
                       "plain: no kind 'strng'")
    end
  end)

  it("is refused when it is not a worker's", function()
    assert.are.same({ nil, "not a worker's result" }, { wire.decode("os.exit(1)") })
    local ok, why = wire.decode("return os.exit(1)") -- no environment to reach os
    assert.is_nil(ok)
    assert.matches("os", why)
    assert.has_error(function() wire.encode({ f = print }) end, "wire: cannot send a function")
    -- a worker's output cut short (a long list of numbers at its end)
    local times = {}
    for i = 1, 300 do times[i] = 1467999171.5 + i end
    local whole = wire.encode({ times = times })
    -- a list that points outside the bytes after the text
    assert.is_nil((wire.decode('return {x=B(-8,1,"d")}\0' .. ("\0"):rep(8))))
    assert.is_nil((wire.decode('return {x=B(0,2,"d")}\0' .. ("\0"):rep(8))))
    for _, cut in ipairs({ 1, 8, 100 }) do
      local back, err = wire.decode(whole:sub(1, -1 - cut))
      assert.is_nil(back)
      assert.is_string(err)
    end
  end)
end)

describe("a triage merged from parts", function()
  if not events.evtx then
    pending("logonerr.evtx is not built")
    return
  end

  -- The records of the seven real logs, one after the other.
  local recs = {}
  local seen = {}
  for _, f in ipairs(SAMPLES) do
    for rec in events.records(S .. f, { seen = seen }) do recs[#recs + 1] = rec end
  end

  local function report(acc) return json.encode(acc:finish()) end

  -- The records again, each a copy given to change(c, i) first.
  local function changed(change)
    local out = {}
    for i, rec in ipairs(recs) do
      local c = {}
      for k, v in pairs(rec) do c[k] = v end
      change(c, i)
      out[i] = c
    end
    return out
  end

  -- The same records all logged in one second, whose order then decides
  -- which record of an attempt is shown first.
  local same_second = changed(function(c) c.time, c.seconds = recs[1].time, recs[1].seconds end)

  -- Merged as a worker sends a part (its state, over the wire), and as the
  -- command merges a part it read while an earlier one was not in yet (a
  -- live state: the part's own tables).
  local function cut_and_merge(list, where)
    local whole = json.encode(triage.triage(list))
    local n = #list
    for _, cuts in ipairs(where or { { 1 }, { 57 }, { math.floor(n / 2) }, { n - 3 },
                                     { 100, 2000, 2900 } }) do
      cuts[#cuts + 1] = n
      -- (sent: the parts after the first written by one worker, which
      -- sends its shapes and sums once, their counts after)
      for _, how in ipairs({ "wire", "live", "sent" }) do
        local parts, from, given = {}, 1, { shapes = {}, sums = {}, srcs = {}, facts = {} }
        for _, to in ipairs(cuts) do
          local acc = triage.new(triage.DEFAULTS)
          for i = from, to do acc:add(list[i]) end
          parts[#parts + 1] = acc
          from = to + 1
        end
        local acc = parts[1]
        for i = 2, #parts do
          -- (as -j's command sorts while it waits, then merges more)
          if i % 2 == 0 then acc:sort() end
          if how ~= "live" then
            local st = parts[i]:state(false, how == "sent" and given or nil)
            assert(acc:merge(assert(wire.decode(wire.encode(st)))))
          else
            assert(acc:merge(parts[i]:state(true)))
          end
        end
        assert.are.equal(whole, report(acc))
      end
    end
  end

  it("is the triage of all the records, wherever they are cut", function()
    local whole = triage.triage(recs)
    -- Findings of several kinds, a success after failures among them: what
    -- the merge must keep right is there to get wrong.
    -- (a spray that holds names refused among its bad passwords too)
    local kinds = {}
    for _, x in ipairs(whole.findings) do kinds[x.kind] = x end
    assert.is_true(kinds.password_guessing and kinds.success_after_failures and
                   kinds.password_spray and kinds.password_spray.refused and true or false)
    -- and failures that name no account (mitre-4625-account-restriction's)
    local unnamed = 0
    for _, s in ipairs(whole.by_source) do unnamed = unnamed + s.unnamed_failures end
    assert.is_true(unnamed > 0)
    cut_and_merge(recs)
  end)

  -- python-evtx-security's administrators log on under UAC: Windows
  -- writes two 4624s for each logon (the full token and the filtered one),
  -- at one time, one after the other: 84 for fsir's 43 logons (41 pairs).
  -- One logon each, whether a part ends between the two or not.
  it("counts a split token's two 4624s as one logon, wherever a cut falls", function()
    local function successes(r, who)
      for _, a in ipairs(r.by_account) do
        if a.identity == who then return a.successes end
      end
    end
    assert.are.equal(43, successes(triage.triage(recs), "WIN-03DLIIOFRRA\\fsir"))
    -- the first twins' second 4624 in a part of its own, and the next's
    local cuts = {}
    for i = 2, #recs do
      local a, b = recs[i - 1], recs[i]
      if a.id == 4624 and b.id == 4624 and a.time == b.time and a.account == b.account and
         a.success and b.success and a.logon_type and a.logon_type.number == 2 then
        cuts[#cuts + 1] = { i - 1 }
        if #cuts == 2 then break end
      end
    end
    assert.are.equal(2, #cuts)
    cuts[#cuts + 1] = { cuts[1][1], cuts[1][1] + 1, cuts[2][1] }
    cut_and_merge(recs, cuts)
  end)

  -- A burst of failures that name no account from one address (a
  -- scanner's anonymous tries), ten in each second, its records in every
  -- part: the finding counts them all, each once, whatever part they came
  -- in, and shows the first twenty in the order they were logged.
  it("keeps the failures that name no account of every part", function()
    local sc = require "support.scenario"
    local burst = {}
    for i = 1, 120 do
      burst[i] = { id = 4625, time = sc.at("2016-08-20T10:00:00", math.floor(i / 10)),
                   computer = "srv01.corp.local",
                   data = { TargetUserName = "-", TargetDomainName = "-", IpAddress = "203.0.113.7",
                            IpPort = "50211", WorkstationName = "-", Status = "0xc000006d",
                            SubStatus = "0xc0000064", LogonType = "3" } }
    end
    local list, from = {}, sc.records(burst)
    local every = math.floor(#recs / #from)
    for i, rec in ipairs(recs) do
      list[#list + 1] = rec
      if i % every == 0 and #from > 0 then list[#list + 1] = table.remove(from, 1) end
    end
    assert.are.equal(0, #from)
    local whole = triage.triage(list)
    local found = 0
    for _, x in ipairs(whole.findings) do
      if x.kind == "unnamed_failures" then found = found + x.count end
    end
    assert.are.equal(120, found)
    cut_and_merge(list)
  end)

  it("keeps the order of records logged in the same second", function()
    cut_and_merge(same_second)
  end)

  -- A JSON export may give a text field as a number (a computer, a
  -- process): one process triages it, and a worker's part of it is merged
  -- as any other, not refused.
  it("keeps records whose computer or process a log gave as a number", function()
    local n = 0
    local odd = changed(function(c, i)
      if i % 5 == 0 then
        c.computer, n = 4242, n + 1
        c.data = setmetatable({ ProcessName = 42, TargetUserSid = 7 }, { __index = c.data })
      end
    end)
    assert.is_true(n > 500)
    cut_and_merge(odd)
  end)

  -- Records with no time, or one not understood (an export that lost or
  -- mangled it), have no place in time: kept apart, in their order.
  it("keeps records that give no time", function()
    local n = 0
    local untimed = changed(function(c, i)
      if i % 7 == 0 then c.time, c.seconds, n = nil, nil, n + 1 end
      if i % 14 == 0 then c.time = "(a time not understood)" end
    end)
    assert.is_true(n > 400)
    cut_and_merge(untimed)
  end)

  -- What a worker sends is read back by wire.decode, which takes any table
  -- constructor: a state of the wrong shape (a bug, a file changed in the
  -- claims folder) must be refused whole, the triage it was for unchanged,
  -- so that the command reads the part itself.
  -- A shape's field set to v, and its key made again of it as add()
  -- makes it: the subject's session and the process ID are its third and
  -- last fields from the end.
  local function with_key_field(sh, field, v)
    local f, at = {}, 1 -- (found plainly: Lua 5.1's patterns stop at a zero byte)
    repeat
      local z = sh.key:find("\0", at, true)
      f[#f + 1] = sh.key:sub(at, (z or 0) - 1)
      at = z and z + 1
    until not z
    f[field == "pid" and #f or #f - 2] = v
    sh[field], sh.key = v, table.concat(f, "\0")
  end

  -- A worker's later parts give what it sent before by its key (a shape),
  -- or its key and counts (a sum); its sources met before, not at all.
  it("takes a worker's later parts, which name what it sent before", function()
    local n = #recs
    local list = {}
    for i = 1, n do list[i] = recs[i] end
    for i = 1, n do list[n + i] = recs[i] end -- (the same accounts and hosts again)
    local whole = json.encode(triage.triage(list))
    local first, second, third = triage.new(triage.DEFAULTS), triage.new(triage.DEFAULTS),
                                 triage.new(triage.DEFAULTS)
    for i = 1, 200 do first:add(list[i]) end
    for i = 201, n do second:add(list[i]) end
    for i = n + 1, 2 * n do third:add(list[i]) end
    local given = { shapes = {}, sums = {}, srcs = {}, facts = {} }
    local two = wire.encode(second:state(false, given))
    local plain3 = third:state()
    local three = third:state(false, given)
    local named, counted = 0, 0
    for _, sh in ipairs(three.found.shapes) do
      if type(sh) == "string" then named = named + 1 end
    end
    for _, sm in ipairs(three.found.sums) do
      if sm.spelling == nil then counted = counted + 1 end
    end
    assert.is_true(named > 0 and counted > 0, "named " .. named .. ", counted " .. counted)
    -- (those the first part met alone are new to the worker)
    assert.is_true(#three.found.src_list < #plain3.found.src_list)
    -- (names learnt: how often a user was seen under a name, again)
    assert.is_true(#three.found.learn < #plain3.found.learn)
    assert.is_true(#wire.encode(three) < #wire.encode(plain3))
    assert(first:merge(assert(wire.decode(two))))
    assert(first:merge(assert(wire.decode(wire.encode(three)))))
    assert.are.equal(whole, report(first))
  end)

  it("refuses a partial triage of the wrong shape, and changes nothing", function()
    local half = 100 -- (the rest holds each kind of thing a state sends)
    -- (and the two failures that name no account, the first two records)
    local list = {}
    for i = 3, #recs do list[#list + 1] = recs[i] end
    table.insert(list, half + 1, recs[2])
    table.insert(list, half + 1, recs[1])
    local function part(from, to)
      local acc = triage.new(triage.DEFAULTS)
      for i = from, to do acc:add(list[i]) end
      return acc
    end
    local sent = wire.encode(part(half + 1, #list):state())
    local function st() return assert(wire.decode(sent)) end
    -- (the part has what each check is about)
    local good = st()
    assert.is_true(#good.found.entries.i > 0 and #good.found.won.t > 0 and
                   #good.found.nameless.entries.i > 0 and
                   #good.found.shapes > 0 and #good.found.sums > 0 and #good.ft > 0 and
                   #good.found.learn > 0 and #good.found.src_list > 0)
    local code = good.fk_keys[1]
    local bad = {
      { "its fields", function() return 42 end },
      { "its fields", function(x) x.events = "many" end },
      { "its fields", function(x) x.found = nil end },
      { "its counts by event", function(x) x.ids[4625] = -1 end },
      { "its codes", function(x) x.codes[code] = 1 end },
      { "its codes", function(x) x.codes[code].code = 2 ^ 32 end },
      { "its codes", function(x) x.codes[code].namespace = nil end },
      { "its codes", function(x) x.codes[code].accounts[7] = 1 end },
      { "its logon types", function(x) x.types.three = { logon_type = 3, count = 1 } end },
      { "its failures' times", function(x) x.ft[#x.ft + 1] = 0 end },
      { "its failures' times", function(x) x.fk[1] = #x.fk_keys + 1 end },
      { "its failures' times", function(x) x.fk_keys[1] = "win32:0x0" end },
      { "its fields", function(x) x.gaps = nil end },
      -- (an event not about the log; a time that is a number; a record
      -- number that is not one; more of an ID than a triage keeps)
      { "its events about the log", function(x) x.gaps[#x.gaps + 1] = { id = 4625 } end },
      { "its events about the log", function(x) x.gaps[#x.gaps + 1] = { id = 1102, time = 5 } end },
      { "its events about the log",
        function(x) x.gaps[#x.gaps + 1] = { id = 1102, record = "one" } end },
      { "its events about the log", function(x)
          for _ = 1, triage.GAP_SAMPLES + 1 do x.gaps[#x.gaps + 1] = { id = 1102 } end
        end },
      -- (who did it, as a worker read it: text, and an alarm true or none)
      { "its events about the log",
        function(x) x.gaps[#x.gaps + 1] = { id = 1102, account = { "CORP", "admin" } } end },
      { "its events about the log",
        function(x) x.gaps[#x.gaps + 1] = { id = 4719, alarm = false } end },
      { "its findings' fields", function(x) x.found.entries = nil end },
      { "its findings' names learnt", function(x) x.found.learn[1].how = "guess" end },
      { "its findings' sources", function(x) x.found.src_list[1] = 10 end },
      { "its findings' shapes", function(x) x.found.shapes[1].role = "party" end },
      -- (a field of its own would stand in for its entries')
      { "its findings' shapes", function(x) x.found.shapes[1].untimed = true end },
      { "its findings' sums", function(x) x.found.sums[1].n = 0.5 end },
      { "its findings' entries", function(x) x.found.entries.t[1] = "noon" end },
      { "its findings' entries", function(x) x.found.entries.shape[1] = #x.found.shapes + 1 end },
      { "its findings' entries", function(x) x.found.entries.record[1] = nil end },
      { "its findings' entries",
        function(x) x.found.entries.time[#x.found.entries.i + 1] = true end },
      -- (a time that is a number would not compare with another's text)
      { "its findings' entries", function(x) x.found.entries.time[1] = 5 end },
      { "its findings' successes", function(x) x.found.won.sum[1] = 0 end },
      { "its findings' failures with no account", function(x) x.found.unnamed = { 1 } end },
      { "its findings' failures with no account", function(x) x.found.nameless = 5 end },
      { "its findings' failures with no account",
        function(x) x.found.nameless.shapes[1].src = nil end },
      { "its findings' failures with no account",
        function(x) x.found.nameless.shapes[1].key = "elsewhere" end },
      { "its findings' failures with no account",
        function(x) x.found.nameless.shapes[1].account = "bob" end },
      { "its findings' failures with no account",
        function(x) x.found.nameless.entries.shape[1] = #x.found.nameless.shapes + 1 end },
      { "its findings' failures with no account",
        function(x) x.found.nameless.entries.t[1] = "noon" end },
      -- what passes each field's kind, and would still fail a merge, the
      -- findings or the report
      { "its fields", function(x) x.events = 2 ^ 63 end }, -- (%d cannot write it)
      { "its failures' times", function(x) x.ft[1] = 1e300 end }, -- (no date to write)
      { "its codes", function(x) x.codes[code].code = 5 end }, -- (not what its key says)
      { "its logon types", function(x) local lt, t = next(x.types); t.logon_type = lt + 1 end },
      { "its findings' shapes", function(x) x.found.shapes[2] = nil end }, -- (a gap)
      { "its findings' shapes", function(x) x.found.shapes[1].user = "" end },
      { "its findings' shapes", function(x) x.found.shapes[1].key = "someone else" end },
      { "its findings' shapes", function(x) x.found.shapes[1].service_key = "http/web" end },
      { "its findings' sums", function(x) x.found.sums[1].kind = "nobody" end },
      -- (a sum sent before: its key and counts, of the kind a sum has)
      { "its findings' sums", function(x) x.found.sums[1] = { key = "k", n = 0.5 } end },
      { "its findings' sums",
        function(x) x.found.sums[1] = { key = "k", n = 2, twins = 2 } end },
      { "its findings' sums",
        function(x) x.found.sums[1] = { key = "k", n = 2, user = "bob" } end },
      -- (a shape or sum sent before, by a key this triage has none of: a
      -- part before it not taken in)
      { "its findings' shapes or sums sent before, which this has not",
        function(x) x.found.shapes[1] = x.found.shapes[1].key .. "?" end },
      { "its findings' shapes or sums sent before, which this has not",
        function(x) x.found.sums[1] = { key = x.found.sums[1].key .. "?", n = 1 } end },
      { "its findings' sums", function(x) x.found.sums[1].key = "someone else" end },
      -- (a sum's twin logons are some of its logons, told by texts)
      { "its findings' sums", function(x) x.found.sums[1].twins = x.found.sums[1].n end },
      { "its findings' sums", function(x) x.found.sums[1].last_twin = 5 end },
      -- (a process ID or a session that is no logon ID, with the key made
      -- of it: the advice would name it)
      { "its findings' shapes",
        function(x) with_key_field(x.found.shapes[1], "pid", "hello") end },
      { "its findings' shapes",
        function(x) with_key_field(x.found.shapes[1], "pid", "0X1B0C") end },
      { "its findings' shapes",
        function(x) with_key_field(x.found.shapes[1], "subject", "SYSTEM") end },
      -- (an alarm the advice could not say: who, what or how missing, or
      -- not a 4719's; a logon ID that is none)
      { "its events about the log", function(x)
          x.gaps[#x.gaps + 1] = { id = 4719, alarm = true, subcategory = "Logon",
                                  changes = "Success removed" }
        end },
      { "its events about the log", function(x)
          x.gaps[#x.gaps + 1] = { id = 1102, alarm = true, account = "CORP\\admin",
                                  subcategory = "Logon", changes = "Success removed" }
        end },
      { "its events about the log",
        function(x) x.gaps[#x.gaps + 1] = { id = 1102, logon_id = "SYSTEM" } end },
    }
    local acc = part(1, half)
    local before = wire.encode(acc:state())
    for _, case in ipairs(bad) do
      local x = st()
      x = case[2](x) or x
      local ok, why = acc:merge(x)
      assert.are.same({ nil, "not a partial triage: " .. case[1] }, { ok, why }, case[1])
      assert.are.equal(before, wire.encode(acc:state()))
    end
    -- and the state as sent is taken in: the triage of all the records
    assert.is_true(acc:merge(st()))
    assert.are.equal(json.encode(triage.triage(list)), report(acc))
  end)
end)

describe("logonerr events -j", function()
  if not events.evtx then
    pending("logonerr.evtx is not built")
    return
  end

  -- (workers for these small files too: LOGONERR_POOL_BYTES)
  local POOL = "LOGONERR_POOL_BYTES=0"
  local function same(args, jobs)
    local code, one, err1 = run.command("events -f json " .. args)
    for _, j in ipairs(jobs or { 2, 3 }) do
      local c, out, err = run.command("events -f json -j " .. j .. " " .. args, nil, POOL)
      assert.are.equal(code, c)
      assert.are.same(dkjson.decode(one), dkjson.decode(out))
      assert.are.equal(err1, err)
    end
    return code, dkjson.decode(one), err1
  end

  it("triages a big file in parts, in processes of their own", function()
    -- a worker's share: some of the records, not all
    local code, out = run.command("events --state --part 2/2 -- " .. BIG)
    assert.are.equal(0, code)
    local part = assert(wire.decode(out))
    assert.is_true(part.reader.events > 0 and part.reader.events < 2261)
    local c, r = same(BIG)
    assert.are.equal(0, c)
    assert.are.equal(2261, r.events)
  end)

  -- A folder for the claims of a worker run here, removed after the spec:
  -- the claims' prefix in it, and claim().
  local function claims_folder()
    local evtx = require "logonerr.events.read.evtx"
    local dir = assert(evtx.folder())
    finally(function() os.execute("rm -rf '" .. dir .. "'") end)
    return dir .. "/part", evtx.claim
  end

  -- A worker with --claims takes each part no other process took (the
  -- claim is a file made by the first to ask: C.i.k for part k of the i-th
  -- file), and writes each to a file of its own, whole: the parent merges
  -- them as they are ready.
  it("has a worker take only the parts no other process took", function()
    local claims, claim = claims_folder()
    assert.is_true(claim(claims .. ".1.1"))
    assert.is_false(claim(claims .. ".1.1"))
    local code, out = run.command("events --state --part 1/2 --claims '" .. claims ..
                                  "' -- " .. BIG)
    assert.are.equal(0, code)
    assert.are.equal(".", out) -- a byte per part written, for the parent
    assert.is_nil(io.open(claims .. ".1.1.w"))
    assert.is_nil(io.open(claims .. ".1.2.t"))
    local part = assert(wire.decode(run.read(claims .. ".1.2.w")))
    assert.are.equal(2, part.part)
    assert.is_true(part.reader.events > 0 and part.reader.events < 2261)
    for _, p in ipairs({ claims .. ".1.1", claims .. ".1.2", claims .. ".1.2.w" }) do
      assert(os.remove(p))
    end
    -- all taken: nothing to write
    for _, k in ipairs({ 1, 2 }) do assert(claim(claims .. ".1." .. k)) end
    code, out = run.command("events --state --part 1/2 --claims '" .. claims .. "' -- " .. BIG)
    assert.are.equal(0, code)
    assert.are.equal("", out)
    assert.is_nil(io.open(claims .. ".1.2.w"))
    for _, p in ipairs({ claims .. ".1.1", claims .. ".1.2" }) do assert(os.remove(p)) end
  end)

  -- Started by the command, a worker is given no file: it takes the items
  -- of the list the command wrote (C.list: each file's path and parts),
  -- the files whole or in parts, in order.
  it("has a worker take the items of the command's list", function()
    local claims, claim = claims_folder()
    local f = assert(io.open(claims .. ".list", "wb"))
    f:write(wire.encode({ { path = S .. SAMPLES[1], parts = 1 }, { path = BIG, parts = 2 } }))
    f:close()
    assert.is_true(claim(claims .. ".2.1"))
    local code, out = run.command("events --state --claims '" .. claims .. "'")
    assert.are.equal(0, code)
    assert.are.equal("..", out)
    local first = assert(wire.decode(run.read(claims .. ".1.1.w")))
    -- (which worker sent it, and how many of its parts came before)
    assert.are.equal("1.1", first.by)
    assert.are.equal(0, first.after)
    first.by, first.after = nil, nil
    local _, whole = run.command("events --state --part 1/1 -- " .. S .. SAMPLES[1])
    assert.are.same(assert(wire.decode(whole)), first)
    local part = assert(wire.decode(run.read(claims .. ".2.2.w")))
    assert.are.equal(2, part.part)
    assert.are.equal("1.1", part.by)
    assert.are.equal(1, part.after)
    assert.is_nil(io.open(claims .. ".2.1.w"))
    -- a list that is not one: no item taken, status 2 (the command reads them)
    f = assert(io.open(claims .. ".list", "wb"))
    f:write("return {")
    f:close()
    code, out = run.command("events --state --claims '" .. claims .. "'")
    assert.are.equal(2, code)
    assert.are.equal("", out)
  end)

  -- In the shared /tmp, another user could leave a "result" where the
  -- parent would read it: the claims go in a folder of the user's own.
  it("keeps the claims in a folder only the user can reach", function()
    local dir = assert(require("logonerr.events.read.evtx").folder())
    -- (ls -ld: POSIX's, where stat's options are GNU's or BSD's; an ACL
    -- mark may follow the ten mode characters)
    local p = io.popen("ls -ld '" .. dir .. "'")
    local mode = (p:read("*l") or ""):sub(1, 10)
    p:close()
    assert(os.remove(dir))
    assert.are.equal("drwx------", mode)
  end)

  -- Nine parts (the samples four times over, 9.6 MB: bench/evtx-grow.py),
  -- taken by two or three processes as each is free: which process reads
  -- which part changes from run to run, the report does not.  The claims
  -- are removed after.  With no folder for them (TMPDIR missing), the
  -- command reads the file itself.
  it("triages a file in many parts, taken as each process is free", function()
    local p = tmp()
    assert(os.execute("python3 bench/evtx-grow.py " .. p .. " 4 " ..
                      S .. table.concat(SAMPLES, " " .. S) .. " > /dev/null"))
    local TMP = os.getenv("TMPDIR") or "/tmp"
    local function claim_folders()
      local set, ls = {}, io.popen("ls '" .. TMP .. "'")
      for name in ls:lines() do if name:match("^logonerr%-") then set[name] = true end end
      ls:close()
      return set
    end
    local before = claim_folders()
    local code, r = same(p)
    assert.are.equal(0, code)
    assert.are.equal(4 * 3018, r.events)
    assert.is_true(#r.findings > 0)
    for name in pairs(claim_folders()) do assert.is_true(before[name], name .. " left") end
    local out = os.tmpname()
    local ok = os.execute("TMPDIR=/nonexistent " .. (os.getenv("LUA") or "lua5.4") ..
                          " bin/logonerr events -f json -j 2 " .. p .. " > " .. out)
    assert.is_truthy(ok == true or ok == 0)
    assert.are.same(r, dkjson.decode(run.read(out)))
    os.remove(out)
    os.remove(p)
  end)

  -- A build without the EVTX reader (logonerr.evtx): -j says what one
  -- process says, and does not try to take the file apart.
  it("says the EVTX reader is not built, as one process does", function()
    local from = os.getenv("LOGONERR_BUILD") or
                 (type(jit) == "table" and "luajit" or "lua" .. _VERSION:match("%d+%.%d+"))
    local to = "spec-no-evtx-" .. tostring(os.time()) .. tostring(math.random(1e6))
    assert(os.execute("mkdir -p build/" .. to .. "/logonerr && cp build/" .. from ..
                      "/logonerr/core.so build/" .. to .. "/logonerr/"))
    local lua = os.getenv("LUA") or "lua5.4"
    local function run_without(j) -- stderr and the exit status
      local p = io.popen("LOGONERR_BUILD=" .. to .. " " .. lua .. " bin/logonerr events -j " ..
                         j .. " " .. BIG .. " 2>&1 >/dev/null; echo \"rc=$?\"")
      local text = p:read("*a")
      p:close()
      return text
    end
    local one, two = run_without(1), run_without(2)
    assert(os.execute("rm -rf build/" .. to))
    assert.matches("logonerr.evtx is not built", one, 1, true)
    assert.matches("rc=2", one, 1, true)
    assert.are.equal(one, two)
  end)

  it("counts a record that two files hold once", function()
    local _, r = same(BIG .. " " .. BIG)
    assert.are.equal(2261, r.events)
    assert.are.equal(2261, r.duplicates)
  end)

  it("numbers skipped records and chunks as one process does", function()
    -- In the second part (the parts grow smaller along the file: of 33
    -- chunks, 25 and on), the tenth record of chunk 25 given a TimeCreated
    -- past the year 9999, and the chunk's header checksum made wrong (its
    -- records are still read, one by one).
    local P = require "support.evtx_patch"
    local s, n, id, at = run.read(BIG), 0, nil, nil
    for c = 0, 25 do
      for j, rec in ipairs(P.records(s, c)) do
        n = n + 1
        if c == 25 and j == 10 then
          at = n
          local timed = false
          for _, v in ipairs(P.instance(s, rec, c).values) do
            if v.type == 0x11 and not timed then -- the first FILETIME: TimeCreated
              s, timed = P.put(s, v.at, "\255\255\255\255\255\255\255\127"), true
            elseif v.type == 0x0a then -- EventRecordID (below 2^32 here)
              id = P.u32(s, v.at)
            end
          end
        end
      end
    end
    local p = P.sealed(s)
    local f = assert(io.open(p, "r+b"))
    f:seek("set", P.chunk(25) + 124)
    f:write("\0\0\0\0")
    f:close()
    -- (both in the second part: a worker's share holds them)
    local _, out = run.command("events --state --part 2/2 -- " .. p)
    assert.are.equal(2, #assert(wire.decode(out)).reader.skipped)
    local code, r, err = same(p)
    os.remove(p)
    assert.are.equal(0, code)
    assert.are.equal(2, r.skipped)
    assert.matches("skipped event " .. at .. " (EventRecordID " .. tostring(id) ..
                   "): not a time", err, 1, true)
    assert.matches("skipped chunk 25: ", err, 1, true)
  end)

  it("gives its workers the filters", function()
    local _, r = same("--account fsir " .. BIG)
    assert.is_true(r.events > 0 and r.events < 2261)
  end)

  -- A worker's start and hand-over cost more than it saves on a few MB:
  -- under 8 MiB in all (or LOGONERR_POOL_BYTES), -j reads here, with the
  -- EVTX reader's threads.  Seen by the worker it would start (io.popen).
  it("starts no worker for less than 8 MiB in all", function()
    local spy = workers.quote('local p = io.popen; io.popen = function(...) ' ..
                              'io.stderr:write("worker started\\n"); return p(...) end')
    local lua = (os.getenv("LUA") or "lua5.4") .. " -e " .. spy
    local function started(env, args)
      local ok, text = run.sh(env .. " " .. lua .. " bin/logonerr events -j 2 " .. args ..
                              " 2>&1 >/dev/null")
      assert.is_true(ok)
      return text:find("worker started", 1, true) ~= nil
    end
    local size = #run.read(BIG) -- 2 MB: read here, unless told
    assert.is_true(size < 8 * 1048576 and 4 * size >= 8 * 1048576)
    assert.is_false(started("", BIG))
    assert.is_true(started(POOL, BIG))
    assert.is_false(started("", BIG .. " " .. BIG .. " " .. BIG))
    assert.is_true(started("", BIG .. " " .. BIG .. " " .. BIG .. " " .. BIG)) -- (in all)
    assert.is_false(started("LOGONERR_POOL_BYTES=" .. (4 * size + 1),
                            BIG .. " " .. BIG .. " " .. BIG .. " " .. BIG))
  end)

  it("refuses a LOGONERR_POOL_BYTES that is no whole number of bytes", function()
    for _, v in ipairs({ "abc", "-1", "1.5", "1e400", "''" }) do
      local code, out, err = run.command("events -j 2 " .. BIG, nil,
                                         "LOGONERR_POOL_BYTES=" .. v)
      assert.are.equal(2, code)
      assert.are.equal("", out)
      assert.matches("LOGONERR_POOL_BYTES must be a whole number of bytes (got '", err, 1, true)
    end
    -- (read only with -j: one process starts none)
    assert.are.equal(0, (run.command("events " .. BIG, nil, "LOGONERR_POOL_BYTES=abc")))
  end)
end)

-- What -j does when a worker fails or falls behind, made to happen: the
-- command runs with Lua code of the spec's before it (lua -e), which its
-- workers run too (they are started with the interpreter's options,
-- logonerr.workers.self_command).  The code wraps modules as they are
-- first required (package.preload, so that bin/logonerr has set the paths
-- by then) and leaves marks in files, which the processes also wait for:
-- the command reads its first part once the worker has taken one (it
-- opens a part only after taking it), whatever the speed (valgrind).  A
-- worker is told by its --state.
describe("logonerr events -j when a worker fails", function()
  if not events.evtx then
    pending("logonerr.evtx is not built")
    return
  end

  local PREAMBLE = [[
local mark_at = __MARK__
local function worker()
  for _, v in ipairs(arg or {}) do if v == "--state" then return true end end
  return false
end
local function mark(what)
  local f = assert(io.open(mark_at .. what, "a"))
  f:write("x")
  f:close()
end
local function marked(what)
  local f = io.open(mark_at .. what, "rb")
  if f then f:close() end
  return f ~= nil
end
local function wait_for(what) -- (a minute at most: a spec that waits longer fails on its marks)
  local t = os.time()
  while not marked(what) and os.time() - t < 60 do os.execute("sleep 0.02") end
end
local function wrap(name, patch)
  package.preload[name] = function()
    package.preload[name] = nil
    local loader, path = (package.searchers or package.loaders)[2](name)
    local m = loader(name, path)
    patch(m)
    return m
  end
end
local held_back = false
wrap("logonerr.events", function(m)
  local open = m.open
  m.open = function(...)
    if worker() then mark("claimed")
    elseif not held_back then held_back = true; wait_for("claimed") end
    return open(...)
  end
end)
wrap("logonerr.events.triage", function(m)
  local acc = getmetatable(m.new(m.DEFAULTS))
  local state = acc.state
  acc.state = function(self, ...)
    if not worker() then mark("held") end
    return state(self, ...)
  end
end)
wrap("logonerr.events.wire", function(m)
  local encode = m.encode
  m.encode = function(v)
    if worker() then __FAULT__ end -- (the command writes its workers' list with it)
    return encode(v)
  end
end)
]]

  local p, one
  setup(function()
    -- nine parts: the samples four times over (bench/evtx-grow.py)
    p = tmp()
    assert(os.execute("python3 bench/evtx-grow.py " .. p .. " 4 " ..
                      S .. table.concat(SAMPLES, " " .. S) .. " > /dev/null"))
    local code
    code, one = run.command("events -f json " .. p)
    assert.are.equal(0, code)
  end)
  teardown(function() os.remove(p) end)

  -- -j jobs on args (a shell's words) with fault (Lua, in wire.encode,
  -- where a worker writes each part), and env (VAR=value words, or nil):
  -- its status, report, stderr, and the marks left.  (With one job, no
  -- preamble: there is no worker to wait for.)
  local function run_j(fault, args, jobs, env)
    local mark = os.tmpname()
    local code_ = PREAMBLE:gsub("__MARK__", string.format("%q", mark)):gsub("__FAULT__", fault)
    local out, err = os.tmpname(), os.tmpname()
    local cmd = (env and env .. " " or "") .. (os.getenv("LUA") or "lua5.4") ..
                (jobs > 1 and " -e " .. workers.quote(code_) or "") ..
                " bin/logonerr events -f json -j " .. jobs .. " " .. args .. " >" .. out ..
                " 2>" .. err
    local ok, _, status = os.execute(cmd)
    if type(ok) == "number" then status = ok / 256; ok = status == 0 end -- 5.1
    local marks = {}
    for _, what in ipairs({ "claimed", "held", "wrote", "broke", "bent", "died" }) do
      local f = io.open(mark .. what, "rb")
      if f then marks[what] = #f:read("*a"); f:close(); os.remove(mark .. what) end
    end
    os.remove(mark)
    local text, why = run.read(out), run.read(err)
    os.remove(out)
    os.remove(err)
    return ok and 0 or status, text, why, marks
  end

  -- -j 2 on the nine parts with fault: whatever the fault, the command
  -- ends well (status 0, nothing on stderr) with one process's report;
  -- returns the marks left.
  local function faulty(fault)
    local code, text, why, marks = run_j(fault, p, 2)
    assert.are.equal(0, code)
    assert.are.same(dkjson.decode(one), dkjson.decode(text))
    assert.are.equal("", why)
    return marks
  end

  -- A collection: four pieces of a log Windows archived (bench/evtx-grow.py
  -- --after the copies before), one of them gzipped; a file that is no log; a file missing;
  -- and a fifth piece on stdin, after them.  The workers take files whole
  -- (a piece is too small to cut) as each is free, and wait for nothing:
  -- the report, stderr and status are one process's.
  it("shares a collection of logs among its processes", function()
    local dir = os.tmpname()
    os.remove(dir)
    assert(os.execute("mkdir " .. dir))
    finally(function() os.execute("rm -rf '" .. dir .. "'") end)
    local small = {}
    for _, name in ipairs(SAMPLES) do
      if name:match("^mitre") then small[#small + 1] = S .. name end
    end
    for k = 0, 4 do
      assert(os.execute(("python3 bench/evtx-grow.py --after %d %s/Archive-Security-%d.evtx 4 %s" ..
                         " > /dev/null"):format(4 * k, dir, k, table.concat(small, " "))))
    end
    assert(os.execute("gzip " .. dir .. "/Archive-Security-2.evtx"))
    local stdin = dir .. "/Archive-Security-4.evtx"
    assert(os.execute("mv " .. stdin .. " " .. dir .. ".stdin"))
    finally(function() os.remove(dir .. ".stdin") end)
    run.write(dir .. "/notes.txt", "not a log\n")
    local args = dir .. " /nonexistent.evtx - < " .. dir .. ".stdin"
    local code, text, err = run_j("", args, 1)
    assert.are.equal(2, code) -- (the missing file)
    -- every piece read, each record once: 5 pieces of 4 copies of the samples
    -- (counted alone as the specs of the reader check them)
    local r, per_copy = dkjson.decode(text), 0
    for _, f in ipairs(small) do
      local _, alone = run.command("events -f json " .. f)
      per_copy = per_copy + dkjson.decode(alone).events
    end
    assert.are.equal(5 * 4 * per_copy, r.events)
    assert.are.equal(0, r.duplicates)
    assert.matches("notes.txt: passed over: not a Security event log", err, 1, true)
    assert.matches("cannot read /nonexistent.evtx", err, 1, true)
    for _, j in ipairs({ 2, 3 }) do
      -- (a few MB: workers for them all the same)
      local c, t, e, marks = run_j("", args, j, "LOGONERR_POOL_BYTES=0")
      assert.are.equal(code, c)
      assert.are.equal(text, t) -- (byte for byte)
      assert.are.equal(err, e)
      assert.is_true((marks.claimed or 0) > 0) -- items the workers read
    end
  end)

  it("reads a part itself when the worker's result is not one", function()
    local marks = faulty('mark("broke"); do return "return {" end')
    assert.is_true((marks.broke or 0) > 0) -- the worker wrote that many broken parts
  end)

  -- (before, its first field of the wrong kind raised an error in the
  -- merge, and the command stopped)
  it("reads a part itself when the worker's result is of the wrong shape", function()
    for _, bend in ipairs({ "v.triage.codes = { 1 }", -- its triage
                            'v.reader.read = "many"', -- what its reader counted
                            'v.reader.skipped = { { reason = "x" } }', -- skipped, nowhere
                            "v.seen = { host = { 1.5 } }" }) do -- the records it saw
      local marks = faulty('if v.triage then mark("bent"); ' .. bend .. " end")
      assert.is_true((marks.bent or 0) > 0)
    end
  end)

  it("reads the part a worker took and died on, and the rest", function()
    local marks = faulty('mark("died"); os.exit(3)')
    assert.are.equal(1, marks.died)
  end)

  -- A worker slow to write (it waits until the command has held a part):
  -- the command reads the parts after the one it waits for, holds their
  -- partial triages, and merges them in order.
  it("holds the parts it reads ahead of a slow worker's", function()
    local marks = faulty('wait_for("held"); mark("wrote")')
    assert.is_true((marks.wrote or 0) > 0)
    assert.is_true((marks.held or 0) > 0)
  end)

  -- A worker sends a source or a name learnt once, and its later parts
  -- leave it out.  A part the command reads itself because it holds
  -- records already read (the same host and record numbers, here with
  -- other names in them: two hosts of one name, a log whose numbering
  -- started again) is read without those records, so what that part sent
  -- may be missing: the worker's later parts are read here too.  Two logs:
  -- S, a host whose workstation IT104-3 is named IT104-9, and more; N, the
  -- same records with the name as it was (the address 10.20.0.118 is
  -- IT104-3: learnt from them alone), then the same host renamed, half
  -- without the address (its failures come from IT104-3).  One process
  -- counts them under 10.20.0.118; before, -j 2 split IT104-3 off, in
  -- three runs of three.
  it("reads a worker's later parts itself once it read one for records it held", function()
    local O, rename = S .. "omerbenamram-Security_with_size_t.evtx",
                      "python3 spec/support/evtx_rename.py "
    local o9, ox, oxn, o9s, oxs, tail, s2, n2 = tmp(), tmp(), tmp(), tmp(), tmp(), tmp(), tmp(),
                                                tmp()
    local grow = "python3 bench/evtx-grow.py "
    for _, c in ipairs({
      rename .. O .. " " .. o9 .. " IT104-3=IT104-9",
      rename .. O .. " " .. ox .. " WIN-L0ZZQ76PMUF=WIN-L0ZZQ76PMUX 26L2233B1-02=26L2233B1-03",
      rename .. O .. " " .. oxn .. " WIN-L0ZZQ76PMUF=WIN-L0ZZQ76PMUX " ..
        "26L2233B1-02=26L2233B1-03 10.20.0.118=-",
      grow .. o9s .. " 24 " .. o9,
      grow .. s2 .. " 1 " .. o9s .. string.rep(" " .. S .. "python-evtx-security.evtx", 6),
      grow .. oxs .. " 24 " .. O,
      grow .. tail .. " 4 " .. ox .. " " .. oxn,
      grow .. n2 .. " 1 " .. oxs .. " " .. tail,
    }) do
      assert(os.execute(c .. " > /dev/null"), c)
    end
    local args = s2 .. " " .. n2
    local code, alone = run.command("events -f json " .. args)
    assert.are.equal(0, code)
    assert.is_truthy(alone:find('"10.20.0.118"', 1, true))
    for _ = 1, 3 do -- (32 MB: workers without LOGONERR_POOL_BYTES)
      local c, text = run.command("events -f json -j 2 " .. args)
      assert.are.equal(0, c)
      assert.are.equal(alone, text)
    end
    for _, f in ipairs({ o9, ox, oxn, o9s, oxs, tail, s2, n2 }) do os.remove(f) end
  end)
end)
