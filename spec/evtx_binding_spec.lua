-- logonerr.evtx, the C reader under logonerr.events: its corners, read
-- directly (expected values worked out by hand).
local ok, evtx = pcall(require, "logonerr.evtx")

local SAMPLE = "spec/fixtures/evtx/mitre-4771-kerberos-bf-valid-user.evtx"

local write = require("support.run").tempfile

describe("logonerr.evtx", function()
  if not ok then
    pending("logonerr.evtx is not built (libexpat)")
    return
  end

  describe("parser", function()
    local p = evtx.parser()

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
      local q = evtx.parser()
      q:close()
      assert.has_error(function() q:read("<Event/>") end)
    end)
  end)

  describe("open", function()
    if not evtx.libevtx then
      it("says EVTX needs libevtx", function()
        local r, err = evtx.open(SAMPLE)
        assert.is_nil(r)
        assert.matches("libevtx", err)
      end)
      return
    end

    it("gives libevtx's reason for a file that is not EVTX, naming it", function()
      local p = write("not an event log at all, but long enough to be read as one\n")
      local r, err = evtx.open(p)
      os.remove(p)
      assert.is_nil(r)
      assert.matches(p, err, 1, true)
      assert.matches("not a readable EVTX file: ", err, 1, true)
    end)

    it("reads a record's XML and checks its index", function()
      local r = assert(evtx.open(SAMPLE))
      assert.are.equal(54, r:count())
      assert.is_false(r:damaged())
      assert.matches("<EventID>4771</EventID>", r:xml(1), 1, true)
      assert.has_error(function() r:read(0) end)
      assert.has_error(function() r:xml(55) end)
      assert.has_error(function() r:read(55) end)
      assert.has_error(function() r:xml(0) end)
      r:close()
      assert.has_error(function() r:count() end)
      r:close() -- twice is harmless
    end)

    it("skips records in a damaged chunk, each with libevtx's reason", function()
      local f = io.open(SAMPLE, "rb")
      local data = f:read("*a")
      f:close()
      -- Every 7th byte of the first records' area overwritten.
      local parts, at = {}, 1
      for i = 0x1000 + 0x200 + 100, 0x1000 + 0x200 + 3000, 7 do
        parts[#parts + 1] = data:sub(at, i) .. "A"
        at = i + 2
      end
      parts[#parts + 1] = data:sub(at)
      local p = write(table.concat(parts))
      local r = assert(evtx.open(p))
      assert.is_true(r:damaged())
      local bad = 0
      for i = 1, r:count() do
        local rec, err = r:read(i)
        if rec == nil then
          bad = bad + 1
          assert.matches("damaged record", err, 1, true)
          assert.is_nil(r:xml(i))
        end
      end
      r:close()
      os.remove(p)
      assert.is_true(bad > 0)
    end)
  end)
end)
