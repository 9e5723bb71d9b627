-- logonerr.eventxml (event XML) and logonerr.evtx (EVTX files),
-- the C readers under logonerr.events: their corners, read directly
-- (expected values worked out by hand; spec/evtx_compare_spec.lua checks
-- every record against libevtx).
local ok, eventxml = pcall(require, "logonerr.eventxml")
local evtx = require "logonerr.evtx"

local SAMPLE = "spec/fixtures/evtx/mitre-4771-kerberos-bf-valid-user.evtx"

local write = require("support.run").tempfile

describe("logonerr.eventxml", function()
  if not ok then
    pending("logonerr.eventxml is not built (libexpat)")
    return
  end

  describe("parser", function()
    local p = eventxml.parser()

    it("reads System fields, named and unnamed Data, and UserData leaves", function()
      local rec = assert(p:read(
        '<e:Event xmlns:e="http://schemas.microsoft.com/win/2004/08/events/event">' ..
        '<e:System><e:Provider Name="P"/><e:EventID Qualifiers="0">1102</e:EventID>' ..
        '<e:Level>4</e:Level><e:TimeCreated SystemTime="2024-05-01T10:00:00Z"/>' ..
        '<e:EventRecordID>7</e:EventRecordID><e:Channel>Security</e:Channel>' ..
        '<e:Computer>dc1</e:Computer></e:System>' ..
        '<e:UserData><LogFileCleared><SubjectUserName>bob</SubjectUserName>' ..
        '<Nested><Leaf>x</Leaf></Nested></LogFileCleared></e:UserData></e:Event>'))
      assert.are.same({ id = 1102, record = 7, level = 4, provider = "P",
                        time = "2024-05-01T10:00:00Z", channel = "Security",
                        computer = "dc1", data = { SubjectUserName = "bob", Leaf = "x" } },
                      rec)
      rec = assert(p:read('<Event><System><EventID>4625</EventID></System><EventData>' ..
                          '<Data>one</Data><Data Name="N">v &amp; w</Data><Data>two</Data>' ..
                          '<Binary>00</Binary></EventData></Event>'))
      assert.are.same({ "one", "two", N = "v & w" }, rec.data)
    end)

    it("keeps odd values as text and passes over what it does not read", function()
      local long = ("N"):rep(200)
      local rec = assert(p:read(
        '<Event><System><Provider/><TimeCreated/><EventID>12x</EventID>' ..
        '<EventRecordID>123456789012345678901234</EventRecordID><Level>high</Level>' ..
        '<Correlation><Inner>skipped</Inner></Correlation></System>' ..
        '<RenderingInfo Culture="en-US"><Message>not data</Message></RenderingInfo>' ..
        '<EventData><Data Name="' .. long .. '">v</Data><Binary>00</Binary></EventData>' ..
        '</Event>'))
      assert.are.same({ id = "12x", record = "123456789012345678901234", level = "high",
                        data = { [long:sub(1, 127)] = "v" } }, rec)
      rec = assert(p:read('<Event><System><EventID></EventID><Level>-1</Level></System>' ..
                          '<EventData><Data Type="x" Name="y">z</Data></EventData></Event>'))
      assert.are.same({ id = "", level = "-1", data = { y = "z" } }, rec)
    end)

    it("keeps no text of an element inside a Data, and all of a long one", function()
      local long = ("x"):rep(5000)
      local rec = assert(p:read('<Event><EventData><Data Name="a">t<b>u</b></Data>' ..
                                '<Data Name="L">' .. long .. '</Data></EventData></Event>'))
      assert.are.same({ L = long }, rec.data)
    end)

    it("says why XML is bad, and goes on with the next event", function()
      local rec, err = p:read("<Event><System></Event>")
      assert.is_nil(rec)
      assert.matches("^line 1, column %d+: mismatched tag", err)
      rec, err = p:read("<Other/>")
      assert.is_nil(rec)
      assert.are.equal("no <Event> element", err)
      assert.are.equal(4625, p:read("<Event><System><EventID>4625</EventID></System></Event>").id)
    end)

    it("raises once closed", function()
      local q = eventxml.parser()
      q:close()
      assert.has_error(function() q:read("<Event/>") end)
    end)
  end)

end)

local slurp = require("support.run").read
local P = require "support.evtx_patch"
local all, read_copy, put32, get32 = P.all, P.read_copy, P.put32, P.u32

describe("logonerr.evtx", function()
  local data = slurp(SAMPLE)

  it("needs no library: the module links only the C library and threads", function()
    local path = package.searchpath and package.searchpath("logonerr.evtx", package.cpath)
    if path == nil then pending("no package.searchpath in this Lua") return end
    local p = io.popen("readelf -d '" .. path .. "' 2>/dev/null")
    local out = p:read("*a")
    p:close()
    if out == "" then pending("readelf (binutils) is not installed") return end
    for lib in out:gmatch("Shared library: %[([^%]]+)%]") do
      -- (make sanitize links the sanitizers' run-time too)
      assert.is_truthy(lib:match("^libc%.") or lib:match("^libpthread%.") or
                       lib:match("^lib[a-z]*san%."), lib)
    end
  end)

  it("names a file that is not EVTX, and says why", function()
    local p = write("not an event log at all, but long enough to be read as one\n")
    local r, err = evtx.open(p)
    os.remove(p)
    assert.is_nil(r)
    assert.matches(p, err, 1, true)
    assert.matches("not an EVTX file: shorter than its header", err, 1, true)
    p = write(("x"):rep(8192))
    r, err = evtx.open(p)
    os.remove(p)
    assert.is_nil(r)
    assert.matches("no ElfFile signature", err, 1, true)
    r, err = evtx.open("no/such.evtx")
    assert.is_nil(r)
    assert.matches("^no/such.evtx: ", err)
    assert.has_error(function() evtx.open(SAMPLE, 0) end)
    assert.has_error(function() evtx.open(SAMPLE, 65) end)
  end)

  it("reads every record of a sound file, then says it is done", function()
    local r = assert(evtx.open(SAMPLE))
    local recs, skips = all(r)
    -- python-evtx and evtxexport read 54 records, all 4771, the first
    -- numbered 59962 (python-evtx's record_num())
    assert.are.equal(54, #recs)
    assert.are.same({}, skips)
    assert.are.equal(4771, recs[1].id)
    assert.are.equal("Security", recs[1].channel)
    assert.is_nil(r:next())
    assert.is_nil(r:next())
    r:close()
    assert.has_error(function() r:next() end)
    r:close() -- twice is harmless
  end)

  it("gives the same records in the same order with threads", function()
    local big = "spec/fixtures/evtx/python-evtx-security.evtx"
    local one = all(assert(evtx.open(big, 1)))
    for _, n in ipairs({ 2, 3, 8 }) do
      local r = assert(evtx.open(big, n))
      local recs, skips = all(r)
      r:close()
      assert.are.equal(2261, #recs)
      assert.are.same({}, skips)
      assert.are.same(one, recs)
    end
  end)

  it("stops threads that are ahead when it is closed early", function()
    local r = assert(evtx.open("spec/fixtures/evtx/python-evtx-security.evtx", 4))
    assert.is_table(r:next())
    r:close()
  end)

  it("says when a chunk's header checksum is wrong, and reads its records", function()
    -- byte 0x1000 + 8: the chunk's first record number, under its checksum
    local bad = data:sub(1, 0x1008) .. "\255" .. data:sub(0x100a)
    local recs, skips = read_copy(bad)
    assert.are.equal(54, #recs)
    assert.are.same({ { at = "chunk 0", why = "a chunk whose header checksum is wrong: " ..
                        "its records were read one by one" } }, skips)
    -- its end of records not trusted: the records end where the framing does
    bad = put32(bad, 0x1000 + 48, 0x200)
    recs, skips = read_copy(bad)
    assert.are.equal(54, #recs)
    assert.are.equal(1, #skips)
  end)

  it("reads records one by one when the records checksum is wrong", function()
    -- Every 7th byte of the first records' area overwritten.
    local parts, at = {}, 1
    for i = 0x1000 + 0x200 + 100, 0x1000 + 0x200 + 3000, 7 do
      parts[#parts + 1] = data:sub(at, i) .. "A"
      at = i + 2
    end
    parts[#parts + 1] = data:sub(at)
    local recs, skips = read_copy(table.concat(parts))
    assert.matches("records checksum is wrong", skips[1].why)
    assert.are.equal("chunk 0", skips[1].at)
    -- The first record defines the template all 54 use, and it is among
    -- the bytes changed: every record is skipped (libevtx reads none
    -- either), each with where it is and why.
    assert.are.equal(0, #recs)
    assert.is_true(#skips > 40)
    for i = 2, #skips do
      assert.matches("^chunk 0, record at 0x", skips[i].at)
      assert.is_true(#skips[i].why > 0)
    end
  end)

  it("says when the file header's checksum is wrong, and reads the chunks", function()
    -- byte 16: the header's last chunk number
    local recs, skips = read_copy(data:sub(1, 16) .. "\7" .. data:sub(18))
    assert.are.equal(54, #recs)
    assert.are.same({ { at = "file header",
      why = "a file header whose checksum is wrong: its chunks were read" } }, skips)
  end)

  it("skips a record whose size runs past the records, and finds the next", function()
    -- the first record's size (at 0x1204) made larger than the chunk
    local recs, skips = read_copy(put32(data, 0x1204, 0x20000))
    assert.are.equal(53, #recs)
    assert.matches("records checksum is wrong", skips[1].why)
    assert.are.same({ at = "chunk 0, record at 0x0200", why = "a record whose header is damaged" },
                    skips[2])
    -- Its signature gone: the same.
    recs, skips = read_copy(data:sub(1, 0x1200) .. "xx" .. data:sub(0x1203))
    assert.are.equal(53, #recs)
    assert.are.equal("a record whose header is damaged", skips[2].why)
    -- The copy of its size at its end wrong: read anyway (as libevtx does).
    local size = get32(data, 0x1204)
    recs, skips = read_copy(put32(data, 0x1200 + size - 4, 0))
    assert.are.equal(54, #recs)
    assert.are.equal(1, #skips)
  end)
end)
