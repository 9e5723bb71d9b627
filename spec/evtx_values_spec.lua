-- Each value type the EVTX reader renders, reached by changing the type
-- (and bytes) of one substitution value of a real record: the first 4625
-- of mitre-4625-account-restriction.evtx, whose EventData values are
-- (python-evtx's reading) SubjectUserSid (SID), ..., SubjectLogonId (hex
-- int64), ..., LogonType (uint32), LogonProcessName (UTF-16), ...,
-- ProcessName (UTF-16, 64 bytes), IpAddress (UTF-16, 20 bytes).  The copy
-- is sealed (its checksums right again), read by logonerr.evtx, and by
-- libevtx through build/tools/evtx-compare: where libevtx renders the type
-- as the format's documentation says, every field of both readings agrees;
-- where it does not (signed integers, UTF-16 surrogates), the value is
-- checked against the documented form alone, and the spec says so.
local P = require "support.evtx_patch"
local run = require "support.run"

local SAMPLE = "spec/fixtures/evtx/mitre-4625-account-restriction.evtx"

describe("the EVTX reader's value types", function()
  local s = run.read(SAMPLE)
  local data = P.instance(s, P.records(s, 0)[1]).values[18].values.values
  local sid, logon_id, logon_type, process, ip = data[1], data[4], data[11], data[19], data[20]

  -- The copy read: record 1's data, the skips, and libevtx's counts.
  local function read(copy)
    local path = P.sealed(copy)
    local recs, skips = P.read(path)
    local c, out = P.compare(path)
    os.remove(path)
    return recs[1], skips, c, out
  end

  -- ProcessName made a value of type ty and the given bytes (at most its
  -- 64); the bytes it gives up go to IpAddress, so nothing moves.
  local function as_process(ty, bytes)
    local copy = P.retype(P.put(s, process.at, bytes), process, ty, #bytes)
    return P.retype(copy, ip, ip.type, ip.size + process.size - #bytes)
  end

  -- LogonType (4 bytes) made a value of type ty and the given bytes; the
  -- bytes it gives up or takes go to or come from LogonProcessName.
  local function as_logon_type(ty, bytes)
    local next_ = data[12]
    local copy = P.retype(P.put(s, logon_type.at, bytes), logon_type, ty, #bytes)
    return P.retype(copy, next_, next_.type, next_.size + logon_type.size - #bytes)
  end

  local function agrees(c, out)
    if c == nil then return end -- evtx-compare not built
    assert.are.equal(0, c.differ, out)
    assert.are.equal(0, c.missing, out)
    assert.are.equal(c.libevtx, c.same, out)
  end

  it("reads the record as it is (the values this spec starts from)", function()
    local rec, skips, c, out = read(s)
    assert.are.same({}, skips)
    assert.are.equal("S-1-5-18", rec.data.SubjectUserSid)
    assert.are.equal("0x00000000000003e7", rec.data.SubjectLogonId)
    assert.are.equal("10", rec.data.LogonType)
    assert.are.equal("C:\\Windows\\System32\\winlogon.exe", rec.data.ProcessName)
    agrees(c, out)
  end)

  -- Values libevtx renders the same way: the field, and every field agrees.
  local same = {
    { "uint16", function() return as_logon_type(0x06, "\1\128") end, "LogonType", "32769" },
    { "uint32 as hex (HexInt32)", function() return as_logon_type(0x14, "\246\255\255\255") end,
      "LogonType", "0xfffffff6" },
    { "boolean true", function() return as_logon_type(0x0d, "\2\0\0\0") end, "LogonType", "true" },
    { "boolean false", function() return as_logon_type(0x0d, "\0\0\0\0") end, "LogonType",
      "false" },
    { "size_t of 4 bytes", function() return as_logon_type(0x10, "\246\255\255\255") end,
      "LogonType", "4294967286" },
    { "binary", function() return as_logon_type(0x0e, "\246\1\171\0") end, "LogonType",
      "F601AB00" },
    { "uint64", function() return as_logon_type(0x0a, "\1\2\3\4\5\6\7\128") end, "LogonType",
      "9225348980303659521" }, -- 0x8007060504030201
    { "size_t of 8 bytes (decimal, as libevtx and python-evtx)",
      function() return as_logon_type(0x10, "\1\2\3\4\5\6\7\128") end, "LogonType",
      "9225348980303659521" },
    { "hex int64", function() return P.retype(P.put(s, logon_id.at, "\1\2\3\4\5\6\7\128"),
                                              logon_id, 0x15) end,
      "SubjectLogonId", "0x8007060504030201" },
    { "FILETIME", function() return as_logon_type(0x11, "\135\22\128\37\235\83\191\1") end,
      "LogonType", "2000-01-01T00:00:00.123456700Z" }, -- 125911584001234567
    { "SYSTEMTIME (milliseconds, as libevtx)",
      function() return as_process(0x12, "\232\7\5\0\3\0\1\0\10\0\20\0\30\0\200\1") end,
      "ProcessName", "2024-05-01T10:20:30.456Z" },
    { "GUID", function() return as_process(0x0f, "\1\2\3\4\5\6\7\8\9\10\11\12\13\14\15\16") end,
      "ProcessName", "{04030201-0605-0807-090A-0B0C0D0E0F10}" },
    { "SID with sub-authorities", function()
        return as_process(0x13, "\1\2\0\0\0\0\0\5\21\0\0\0\244\1\0\0") end,
      "ProcessName", "S-1-5-21-500" },
    { "ANSI string (its bytes as Windows-1252's Latin-1 part)",
      function() return P.retype(P.put(s, process.at, "caf\233 x\0yz"), process, 0x02) end,
      "ProcessName", "caf\195\169 x" },
    { "UTF-16 of two and three bytes in UTF-8",
      function() return P.put(s, process.at, "\172\32\233\0\0\1") end,
      "ProcessName", "\226\130\172\195\169\196\128Windows\\System32\\winlogon.exe" },
    { "empty binary", function() return as_process(0x0e, "") end, "ProcessName", "" },
  }
  for _, case in ipairs(same) do
    it("renders " .. case[1] .. " as libevtx does", function()
      local rec, skips, c, out = read(case[2]())
      assert.are.same({}, skips)
      assert.are.equal(case[4], rec.data[case[3]])
      agrees(c, out)
    end)
  end

  -- Signed integers: two's complement ([MS-DTYP] 2.2: INT8 to INT64 are
  -- signed); libevtx writes sign and magnitude (0xFFFFFFF6 as -2147483638).
  local signed = {
    { "int8", 0x03, "\200", "-56" },
    { "int16", 0x05, "\1\128", "-32767" },
    { "int32", 0x07, "\246\255\255\255", "-10" },
    { "int64", 0x09, "\1\2\3\4\5\6\7\128", "-9221395093405892095" },
    { "int32 that is positive", 0x07, "\10\0\0\0", "10" },
  }
  for _, case in ipairs(signed) do
    it("renders " .. case[1] .. " in two's complement", function()
      local rec, skips = read(as_logon_type(case[2], case[3]))
      assert.are.same({}, skips)
      assert.are.equal(case[4], rec.data.LogonType)
    end)
  end

  it("decodes UTF-16 surrogate pairs, and a lone surrogate as U+FFFD", function()
    -- D83D DE00 is U+1F600 (RFC 2781); DC00 alone and D83D before 'C' are
    -- not characters.  (libevtx gives U+1F201 for the pair and drops the C.)
    local rec, skips = read(P.put(s, process.at, "\61\216\0\222A\0\0\220B\0\61\216C\0"))
    assert.are.same({}, skips)
    assert.are.equal("\240\159\152\128A\239\191\189B\239\191\189Cows\\System32\\winlogon.exe",
                     rec.data.ProcessName)
  end)

  it("gives a UTF-16 string of one byte as empty, and a surrogate at its end as U+FFFD", function()
    local rec, skips = read(as_process(0x01, "a"))
    assert.are.same({}, skips)
    assert.are.equal("", rec.data.ProcessName)
    -- D83D as the last unit; D83D before E000 (not a low surrogate)
    rec, skips = read(as_process(0x01, "A\0\61\216"))
    assert.are.same({}, skips)
    assert.are.equal("A\239\191\189", rec.data.ProcessName)
    rec, skips = read(as_process(0x01, "\61\216\0\224"))
    assert.are.same({}, skips)
    assert.are.equal("\239\191\189\238\128\128", rec.data.ProcessName)
  end)

  it("reads an ANSI string that fills its value with no NUL", function()
    local rec, skips = read(as_process(0x02, "abc"))
    assert.are.same({}, skips)
    assert.are.equal("abc", rec.data.ProcessName)
  end)

  it("gives a null value as an empty field (libevtx refuses the record)", function()
    local rec, skips = read(P.retype(s, process, 0x00))
    assert.are.same({}, skips)
    assert.are.equal("", rec.data.ProcessName)
    assert.are.equal("10.23.23.9", rec.data.IpAddress)
  end)

  it("renders a FILETIME before 1970 and an empty UTF-16 string", function()
    -- 0x0107060504030201 units of 100 ns after 1601: 1835-08-11, as
    -- evtxexport reads the same bytes
    local rec, skips, c, out = read(as_logon_type(0x11, "\1\2\3\4\5\6\7\1"))
    assert.are.same({}, skips)
    assert.are.equal("1835-08-11T02:55:48.681164900Z", rec.data.LogonType)
    agrees(c, out)
    rec, skips = read(as_process(0x01, ""))
    assert.are.same({}, skips)
    assert.are.equal("", rec.data.ProcessName)
  end)

  -- TimeCreated (value 6, a FILETIME) made a SYSTEMTIME of 16 bytes, taken
  -- from the two values after it (ProcessID and ThreadID, attributes
  -- logonerr does not keep).
  local system = P.instance(s, P.records(s, 0)[1]).values
  local function time_created(y, mo, d, h, mi, se, ms)
    local st = P.le(y, 2) .. P.le(mo, 2) .. P.le(0, 2) .. P.le(d, 2) .. P.le(h, 2) ..
               P.le(mi, 2) .. P.le(se, 2) .. P.le(ms, 2)
    local copy = P.retype(P.put(s, system[7].at, st), system[7], 0x12, 16)
    copy = P.retype(copy, system[9], system[9].type, 0)
    return read(P.retype(copy, system[10], system[10].type, 0))
  end

  it("gives a SYSTEMTIME TimeCreated as the time, and its seconds", function()
    local rec, skips, c, out = time_created(2024, 5, 1, 10, 20, 30, 456)
    assert.are.same({}, skips)
    assert.are.equal("2024-05-01T10:20:30.456000Z", rec.time)
    -- 2024-05-01T00:00:00Z is 1714521600 (date -u -d 2024-05-01 +%s)
    assert.are.equal(1714521600 + 10 * 3600 + 20 * 60 + 30.456, rec.seconds)
    agrees(c, out)
    rec = time_created(2000, 2, 29, 23, 59, 59, 0) -- a leap day (2000: by 400)
    assert.are.equal("2000-02-29T23:59:59.000000Z", rec.time)
    rec = time_created(2024, 2, 29, 0, 0, 0, 0) -- a leap day (by 4)
    assert.are.equal("2024-02-29T00:00:00.000000Z", rec.time)
  end)

  it("keeps a TimeCreated that is no time as its text, with no seconds", function()
    for _, t in ipairs({
      { 2023, 2, 29, 0, 0, 0 }, { 1900, 2, 29, 0, 0, 0 }, { 2024, 4, 31, 0, 0, 0 },
      { 2024, 13, 1, 0, 0, 0 }, { 2024, 0, 1, 0, 0, 0 }, { 2024, 1, 0, 0, 0, 0 },
      { 2024, 1, 1, 24, 0, 0 }, { 2024, 1, 1, 0, 60, 0 }, { 2024, 1, 1, 0, 0, 61 },
      { 1969, 12, 31, 23, 59, 59 }, { 2024, 6, 31, 0, 0, 0 }, { 2024, 9, 31, 0, 0, 0 },
      { 2024, 11, 31, 0, 0, 0 },
    }) do
      local rec, skips = time_created(t[1], t[2], t[3], t[4], t[5], t[6], 5)
      assert.are.same({}, skips)
      local text = ("%04d-%02d-%02dT%02d:%02d:%02d.005Z"):format(t[1], t[2], t[3], t[4], t[5], t[6])
      assert.are.equal(text, rec.time)
      assert.is_nil(rec.seconds, text)
    end
  end)

  -- A value whose size is not its type's: each fixed-size type.
  local sizes = {
    { 0x03, 2 }, { 0x04, 2 }, { 0x05, 4 }, { 0x06, 4 }, { 0x07, 2 }, { 0x08, 2 },
    { 0x09, 4 }, { 0x0a, 4 }, { 0x0d, 2 }, { 0x0f, 4 }, { 0x10, 2 }, { 0x11, 4 },
    { 0x12, 4 }, { 0x14, 8 }, { 0x15, 4 },
  }
  for _, case in ipairs(sizes) do
    it(("skips a record with a value of type 0x%02x in %d bytes"):format(case[1], case[2]),
       function()
      local _, skips = read(as_logon_type(case[1], ("\1"):rep(case[2])))
      assert.are.same({ { at = "chunk 0, record at 0x0200",
                          why = "a value whose size does not fit its type" } }, skips)
    end)
  end

  -- A value its type cannot hold, or one this reader does not render: the
  -- record is skipped with why and where, and the next record still read.
  local bad = {
    { "a uint32 typed as a GUID", function() return P.retype(s, logon_type, 0x0f) end,
      "a value whose size does not fit its type" },
    { "a hex int64 typed as a hex int32", function() return P.retype(s, logon_id, 0x14) end,
      "a value whose size does not fit its type" },
    { "a uint32 typed as an int8", function() return P.retype(s, logon_type, 0x03) end,
      "a value whose size does not fit its type" },
    { "a SID that says it has 9 sub-authorities in 12 bytes",
      function() return P.put(s, sid.at, "\1\9") end, "a value whose size does not fit its type" },
    { "a SID shorter than its header", function() return as_process(0x13, "\1\0\0\0\0\0") end,
      "a value whose size does not fit its type" },
    { "a type this reader does not know (0x0b, a 32-bit float)",
      function() return P.retype(s, logon_type, 0x0b) end,
      "a value whose size does not fit its type" },
    { "an array of uint32", function() return P.retype(s, logon_type, 0x88) end, "an array value" },
  }
  for _, case in ipairs(bad) do
    it("skips a record holding " .. case[1] .. ", and reads the next", function()
      local path = P.sealed(case[2]())
      local recs, skips = P.read(path)
      os.remove(path)
      assert.are.same({ { at = "chunk 0, record at 0x0200", why = case[3] } }, skips)
      assert.are.equal(1, #recs)
      assert.are.equal(4625, recs[1].id)
    end)
  end

  -- A triage reads lean: the data of events it does not know (here 4625
  -- is left out of the set) is checked but not made text.  A damaged value
  -- there must still cost the record, or the counts would depend on it.
  it("skips such a record as well when its event's data is not wanted", function()
    local evtx = require "logonerr.evtx"
    local cases = {}
    for _, case in ipairs(bad) do cases[#cases + 1] = { case[1], case[2], case[3] } end
    for _, case in ipairs(sizes) do
      cases[#cases + 1] = { ("type 0x%02x in %d bytes"):format(case[1], case[2]),
        function() return as_logon_type(case[1], ("\1"):rep(case[2])) end,
        "a value whose size does not fit its type" }
    end
    for _, case in ipairs(cases) do
      local path = P.sealed(case[2]())
      local r = assert(evtx.open(path, 1, 1, 1, { [4624] = true }))
      local recs, skips = P.all(r)
      r:close()
      os.remove(path)
      assert.are.same({ { at = "chunk 0, record at 0x0200", why = case[3] } }, skips, case[1])
      assert.are.equal(1, #recs, case[1])
      assert.are.equal(4625, recs[1].id, case[1])
      assert.is_nil(next(recs[1].data), case[1])
    end
  end)
end)
