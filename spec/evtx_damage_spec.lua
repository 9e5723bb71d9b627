-- Damaged EVTX files, made from a real sample (mitre-4625-account-
-- restriction.evtx: one chunk, two 4625 records, the second at chunk offset
-- 0x0de8 using the templates the first defines): each damage gives what a
-- user sees -- the record or chunk skipped with why and where, the other
-- record still read -- and wherever libevtx reads the copy
-- (build/tools/evtx-compare), the records both read have the same fields.
-- Copies are sealed (checksums right again) unless the damage is the
-- checksum: the reader then meets only the damage meant.
local P = require "support.evtx_patch"
local run = require "support.run"

local SAMPLE = "spec/fixtures/evtx/mitre-4625-account-restriction.evtx"
local BIG = "spec/fixtures/evtx/python-evtx-security.evtx"

local s = run.read(SAMPLE)
local recs = P.records(s, 0)
local one, two = recs[1], recs[2]
local system = P.instance(s, two)      -- record 2's System template instance
local event_data = system.values[18]   -- its EventData: nested binary XML
local template = P.instance(s, one)    -- the System template, defined in record 1
local template_end = template.tokens + P.u32(s, template.def + 20)
local AT2 = "chunk 0, record at 0x0de8"

-- Records and skips of the copy, and libevtx's counts where it agrees:
-- none of the records both read differs, none that libevtx read is missing.
local function read(copy, seal)
  local path = seal == false and run.tempfile(copy) or P.sealed(copy)
  local got, skips = P.read(path)
  local c, out = P.compare(path)
  os.remove(path)
  if c then
    assert.are.equal(0, c.differ, out)
    assert.are.equal(0, c.missing, out)
  end
  return got, skips, c
end

-- Record 2's EventData replaced by the binary XML fn writes (at most its
-- 321 bytes); its size made what was written, and an end of fragment after
-- it, so that nothing past it is read.
local function event_data_of(fn)
  local x = P.binxml(event_data.at - P.HEADER)
  fn(x)
  local bytes = x:bytes()
  assert(#bytes < event_data.size)
  return P.retype(P.put(s, event_data.at, bytes .. "\0"), event_data, 0x21, #bytes)
end

-- <EventData><Data Name="F">...fn...</Data></EventData> as record 2's data.
local function data_field(fn)
  return event_data_of(function(x)
    x:raw("\15\1\1\0"):open("EventData"):start():open("Data", true):attr("Name", "F"):start()
    fn(x)
    x:close():close():raw("\0")
  end)
end

describe("a damaged EVTX file", function()
  it("is read whole when nothing is damaged (the records this spec starts from)", function()
    local got, skips, c = read(s)
    assert.are.equal(2, #got)
    assert.are.same({}, skips)
    assert.are.equal("10", got[2].data.LogonType)
    if c then assert.are.equal(2, c.same) end
  end)

  describe("in a record's binary XML", function()
    -- Damage to record 2 alone: it is skipped with why, record 1 is read.
    local skipped = {
      { "an element after its Event, left open", function()
          -- its binary XML: <Event/> then an element start, named as the
          -- template's first element
          local event = P.le(template.tokens - P.HEADER + 15, 4)
          return P.put(s, two + 24, "\15\1\1\0\1\0\0\0\0" .. event .. "\3\1\0\0\0\0" ..
                                    event .. "\0")
        end, "an element left open" },
      { "its header's signature gone in a chunk cut short", function()
          return P.put(s, two, "xx"):sub(1, two + 100) end,
        "a record whose header is damaged", "cut" },
      { "its template's offset before the records", function()
          return P.put32(s, two + 34, 0x10) end, "a template outside the chunk" },
      { "its template's offset at the chunk's end", function()
          return P.put32(s, two + 34, 0xfff0) end, "a template outside the chunk" },
      { "no token but an end of fragment", function() return P.put(s, two + 24, "\0") end,
        "no <Event> element" },
      { "an unknown token", function() return data_field(function(x) x:raw("\16") end) end,
        "an unknown binary XML token" },
      { "an element opened inside a start tag", function()
          return data_field(function(x) x:open("B"):open("C") end) end,
        "binary XML that does not hold together" },
      { "a start tag closed twice", function()
          return data_field(function(x) x:raw("\2") end) end,
        "binary XML that does not hold together" },
      { "an end tag with no element open", function()
          return data_field(function(x) x:raw("\4\4\4\4") end) end,
        "binary XML that does not hold together" },
      { "an attribute outside a start tag", function()
          return data_field(function(x) x:raw("\6"):name("A") end) end,
        "binary XML that does not hold together" },
      { "a value token that is not a string", function()
          return data_field(function(x) x:raw("\5\2\1\0a\0") end) end,
        "binary XML that does not hold together" },
      { "templates nested nine deep", function()
          return event_data_of(function(x)
            -- A template whose only token substitutes value 0 as binary
            -- XML, instantiated in its own value, again and again.
            local def = event_data.at - P.HEADER + 14
            local inner = ""
            for _ = 1, 8 do
              inner = "\12\1\0\0\0\0" .. P.le(def, 4) .. P.le(1, 4) ..
                      P.le(#inner, 2) .. "\33\0" .. inner
            end
            x:raw("\15\1\1\0\12\1\0\0\0\0" .. P.le(def, 4))
            x:raw(P.le(0, 4) .. ("\0"):rep(16) .. P.le(5, 4) .. "\14\0\0\33\0")
            x:raw(P.le(1, 4) .. P.le(#inner, 2) .. "\33\0" .. inner)
          end) end,
        "templates nested too deep" },
      { "an end tag inside a start tag", function()
          return data_field(function(x) x:open("B"):raw("\4") end) end,
        "binary XML that does not hold together" },
      { "a name whose length runs past the chunk", function()
          return event_data_of(function(x)
            -- an entity reference to a name 5 bytes on (not in place) whose
            -- length is 65535 units
            local here = event_data.at - P.HEADER
            x:raw("\9" .. P.le(here + 10, 4) .. ("\0"):rep(5) .. ("\0"):rep(6) .. "\255\255")
          end) end,
        "a name outside the chunk" },
    }
    -- Binary XML that ends inside a token (the end of record 2's data).
    local cut = {
      { "a name reference", "\9\0\0", "a name reference past the end of its data" },
      { "a name defined in place", nil, "a name past the end of its data" },
      { "an element start", "\1\0\0", "binary XML that does not hold together" },
      { "a string value", "\5", "binary XML that does not hold together" },
      { "a string value's text", "\5\1\5\0a\0", "text past the end of its data" },
      { "CDATA's length", "\7\1", "text past the end of its data" },
      { "a name's header", "name-header", "a name past the end of its data" },
      { "an attribute's name", "attr-name", "a name reference past the end of its data" },
      { "a processing instruction's target", "\10\0\0",
        "a name reference past the end of its data" },
      { "a processing instruction's length", "\11\0", "binary XML that does not hold together" },
      { "CDATA", "\7\5\0a\0b\0", "text past the end of its data" },
      { "a character reference", "\8\65", "binary XML that does not hold together" },
      { "a substitution", "\13\0", "binary XML that does not hold together" },
      { "processing instruction data", "\11\255\0a\0", "binary XML that does not hold together" },
      { "a template instance", "\12\1\0\0\0", "a template instance past the end of its data" },
      { "a template defined in place", "inline-short",
        "a template definition past the end of its data" },
      { "a template definition's tokens", "inline-long",
        "a template definition past the end of its data" },
      { "a template instance's value count", "count-missing",
        "template values past the end of the record" },
      { "a template instance's values", "count-huge",
        "template values past the end of the record" },
      { "a value's bytes", "value-long", "template values past the end of the record" },
      { "a template defined elsewhere in the value", "def-huge",
        "a template larger than its chunk" },
    }
    for _, case in ipairs(cut) do
      skipped[#skipped + 1] = { "binary XML cut inside " .. case[1], function()
        return event_data_of(function(x)
          local here = event_data.at - P.HEADER
          local def = here + 10 -- an instance whose template is defined in place
          local head = "\12\1\0\0\0\0" .. P.le(def, 4)
          local sys = system.def - P.HEADER -- a template defined before, elsewhere
          local forms = {
            ["name-header"] = "\9" .. P.le(here + 5, 4) .. "\0\0\0",
            -- an element named as the template's first (Event), an attribute cut
            ["attr-name"] = "\65\0\0\0\0" .. P.le(template.tokens - P.HEADER + 15, 4) ..
                            "\0\0\0\0\6\0",
            ["inline-short"] = head .. ("\0"):rep(10),
            ["inline-long"] = head .. ("\0"):rep(20) .. P.le(5000, 4) .. "\0",
            ["count-missing"] = "\12\1\0\0\0\0" .. P.le(sys, 4) .. "\1\0",
            ["count-huge"] = "\12\1\0\0\0\0" .. P.le(sys, 4) .. P.le(100000, 4),
            ["value-long"] = "\12\1\0\0\0\0" .. P.le(sys, 4) .. P.le(1, 4) .. "\200\0\1\0ab",
            -- "def" points 6 bytes on, where 24 bytes say a size of 2^31
            ["def-huge"] = "\12\1\0\0\0\0" .. P.le(here + 16, 4) .. ("\0"):rep(26) ..
                           P.le(2147483648, 4),
          }
          if case[2] == nil then
            x:raw("\9"):name("amp") -- then cut inside the name's text
            local b = x:bytes()
            x.parts, x.len = { b:sub(1, #b - 4) }, #b - 4
          else
            x:raw(forms[case[2]] or case[2])
          end
        end)
      end, case[3] }
    end
    for _, case in ipairs(skipped) do
      it("skips a record with " .. case[1] .. ", and reads the other", function()
        local got, skips = read(case[2](), case[4] == nil)
        if case[4] then table.remove(skips, 1) end -- (the cut chunk, said first)
        assert.are.same({ { at = AT2, why = case[3] } }, skips)
        assert.are.equal(1, #got)
        assert.are.equal(90907, got[1].record)
      end)
    end

    -- Damage to the template both records use: both skipped, each with why.
    local both = {
      { "its last end tag gone", function() return P.put(s, template_end - 2, "\0") end,
        "an element left open" },
      { "its first name's offset past the chunk", function()
          return P.put32(s, template.tokens + 11, 0xfffc) end, "a name outside the chunk" },
      { "its first name's offset in the chunk header", function()
          return P.put32(s, template.tokens + 11, 0x10) end, "a name outside the chunk" },
      { "a first element that is not Event", function()
          return P.put(s, template.tokens + 23, "X") end, "no <Event> element" },
      { "its first name's length past the template", function()
          return P.put(s, template.tokens + 21, "\255\255") end,
        "a name past the end of its data" },
    }
    for _, case in ipairs(both) do
      it("skips every record whose template has " .. case[1], function()
        local got, skips = read(case[2]())
        assert.are.equal(0, #got)
        assert.are.same({ { at = "chunk 0, record at 0x0200", why = case[3] },
                          { at = AT2, why = case[3] } }, skips)
      end)
    end

    it("takes an empty value of binary XML for nothing, optional or not", function()
      for _, token in ipairs({ "\13", "\14" }) do
        local got, skips = read(event_data_of(function(x)
          -- a template defined in place whose only token substitutes value 0
          local def = event_data.at - P.HEADER + 14
          x:raw("\15\1\1\0\12\1\0\0\0\0" .. P.le(def, 4) .. P.le(0, 4) .. ("\0"):rep(16))
          x:raw(P.le(5, 4) .. token .. "\0\0\33\0" .. P.le(1, 4) .. "\0\0\33\0")
        end))
        assert.are.same({}, skips)
        assert.are.equal(2, #got)
        assert.are.same({}, got[2].data)
      end
    end)

    it("leaves a Data element empty when its substitution is past the values", function()
      -- EventData's template, token 0x0d for value 18 (ProcessName) made
      -- index 0x7fff: libevtx leaves the value out too.
      local nested = event_data.values
      local tokens = s:sub(nested.tokens + 1, nested.tokens + P.u32(s, nested.def + 20))
      local at = nested.tokens + tokens:find("\13\18\0\1", 1, true) - 1
      local got, skips = read(P.put(s, at + 1, "\255\127"))
      assert.are.same({}, skips)
      assert.are.equal(2, #got)
      for _, rec in ipairs(got) do
        assert.are.equal("", rec.data.ProcessName)
        assert.are.equal("0x00000000000003e7", rec.data.SubjectLogonId)
      end
    end)
  end)

  describe("written outside a template", function()
    -- libevtx takes elements and references only inside template
    -- definitions (it refuses this record): the text is checked against
    -- what XML makes of it (XML 1.0: character and entity references, CDATA).
    local function field(fn)
      local got, skips = read(data_field(fn))
      assert.are.same({}, skips)
      assert.are.equal(2, #got)
      return got[2].data
    end

    it("reads text, CDATA and character references as the element's text", function()
      assert.are.equal("bob", field(function(x) x:text("bob") end).F)
      assert.are.equal("a<b", field(function(x) x:raw("\7\3\0a\0<\0b\0") end).F)
      assert.are.equal("A\195\169\226\130\172", field(function(x)
        x:raw("\8\65\0\8\233\0\8\172\32") end).F)
    end)

    it("reads the five entity references, and an unknown one as U+FFFD", function()
      assert.are.equal("<>&\"'\239\191\189", field(function(x)
        for _, e in ipairs({ "lt", "gt", "amp", "quot", "apos", "nbsp" }) do
          x:raw("\9"):name(e)
        end
      end).F)
    end)

    it("passes over processing instructions and a fragment header", function()
      assert.are.equal("ok", field(function(x)
        x:raw("\10"):name("pi"):raw("\11\2\0x\0y\0\15\1\1\0"):text("ok")
      end).F)
    end)

    it("reads the leaves of UserData, named by their elements", function()
      local got, skips = read(event_data_of(function(x)
        x:raw("\15\1\1\0"):open("UserData"):start():open("LogFileCleared"):start()
        x:open("SubjectUserName"):start():text("bob"):close()
        x:open("Nested"):start():open("Leaf"):start():text("x"):close():close()
        x:open("Empty"):empty()
        x:close():close():raw("\0")
      end))
      assert.are.same({}, skips)
      assert.are.same({ SubjectUserName = "bob", Leaf = "x", Empty = "" }, got[2].data)
    end)

    it("takes a later System's fields, and no data outside EventData", function()
      local got, skips = read(event_data_of(function(x)
        x:raw("\15\1\1\0"):open("System"):start()
        x:open("Level"):start():text("5"):close()
        x:open("TimeCreated", true):attr("Other", "x"):empty()
        x:open("Provider", true):attr("Guid", "{x}"):empty()
        x:close():raw("\0")
      end))
      assert.are.same({}, skips)
      assert.are.equal(5, got[2].level)
      assert.are.equal("Microsoft-Windows-Security-Auditing", got[2].provider)
      assert.are.same({}, got[2].data)
      got, skips = read(event_data_of(function(x)
        x:raw("\15\1\1\0"):open("RenderingInfo"):start():open("Data", true)
        x:attr("Name", "F"):start():text("not data"):close():close():raw("\0")
      end))
      assert.are.same({}, skips)
      assert.are.same({}, got[2].data)
    end)

    it("gives a TimeCreated written as text as the time, its text when it is no time", function()
      local function time_of(text)
        local got, skips = read(event_data_of(function(x)
          x:raw("\15\1\1\0"):open("System"):start()
          x:open("TimeCreated", true):attr("SystemTime", text):empty()
          x:close():raw("\0")
        end))
        assert.are.same({}, skips)
        return got[2]
      end
      local rec = time_of("2024-05-01T10:20:30.5Z")
      assert.are.equal("2024-05-01T10:20:30.500000Z", rec.time)
      assert.are.equal(1714558830.5, rec.seconds)
      for _, text in ipairs({
        "2024-05-01", "2024-05-01T10:20:30.1234567890123456Z", "2024/05-01T10:20:30.5Z",
        "2024-05/01T10:20:30.5Z", "2024-05-01 10:20:30.5Z", "2024-05-01T10.20:30.5Z",
        "2024-05-01T10:20.30.5Z", "2024-05-01T10:20:30,5Z", "2024-05-01T10:20:30.5+",
        "2a24-05-01T10:20:30.5Z", "2024-/5-01T10:20:30.5Z", "2024-05-0aT10:20:30.5Z",
        "2024-05-01T1/:20:30.5Z", "2024-05-01T10:2a:30.5Z", "2024-05-01T10:20:3/.5Z",
        "2024-05-01T10:20:30.aZ",
      }) do
        -- (its seconds stay those of the record's own TimeCreated)
        assert.are.equal(text, time_of(text).time)
      end
    end)

    -- Read counted with an empty known set, every event is one a triage
    -- only counts, and comes as six values; but a record whose ID, number
    -- or time is not in the usual form comes as its table, which keeps
    -- the text for the triage to say what is wrong with it.
    it("gives as a table, read counted, a record whose numbers are not in the usual form",
       function()
      local evtx = require "logonerr.evtx"
      local function second(fn)
        local path = P.sealed(event_data_of(function(x)
          x:raw("\15\1\1\0"):open("System"):start()
          fn(x)
          x:close():raw("\0")
        end))
        local f = assert(evtx.open(path, 1, 1, 1, {}, nil, true))
        local first = { f:next() }
        local v = { f:next() }
        assert.is_nil(f:next())
        os.remove(path)
        assert.are.equal("number", type(first[1])) -- record 1, as it is
        return v
      end
      local function in_system(name, text)
        return function(x) x:open(name):start():text(text):close() end
      end
      local v = second(function(x)
        x:open("TimeCreated", true):attr("SystemTime", "2024-05-01T10:20:30.5Z"):empty()
      end)
      assert.are.equal(1714558830.5, v[3])
      assert.are.equal("Security", v[5])
      v = second(function(x)
        x:open("TimeCreated", true):attr("SystemTime", "2024-05-01"):empty()
      end)
      assert.are.equal("2024-05-01", v[1].time)
      v = second(in_system("EventRecordID", "x7"))
      assert.are.equal("x7", v[1].record)
      v = second(in_system("EventRecordID", ("9"):rep(19)))
      assert.are.equal(("9"):rep(19), v[1].record)
      v = second(in_system("EventID", "12a"))
      assert.are.equal("12a", v[1].id)
      v = second(in_system("EventID", ""))
      assert.are.equal("", v[1].id)
      -- a second EventID: the reader judged the first, the table has the
      -- last, which may be an event the triage reads
      v = second(in_system("EventID", "4624"))
      assert.are.equal(4624, v[1].id)
      -- a record number past 32 bits, which the triage folds as Windows does
      v = second(in_system("EventRecordID", "4294967297"))
      assert.are.equal(4294967297, v[1].record)
      v = second(in_system("EventRecordID", "4294967295"))
      assert.are.equal(4294967295, v[2])
    end)

    it("keeps no text of elements inside System's or a Data's fields", function()
      local got, skips = read(event_data_of(function(x)
        x:raw("\15\1\1\0"):open("System"):start()
        x:open("Level"):start():open("X"):start():text("9"):close():close()
        x:close():raw("\0")
      end))
      assert.are.same({}, skips)
      assert.are.equal(0, got[2].level)
      got, skips = read(data_field(function(x) x:open("b"):start():text("x"):close() end))
      assert.are.same({}, skips)
      assert.are.same({}, got[2].data)
    end)

    it("makes control bytes '?', a CR LF a line feed, and tabs spaces in a name", function()
      local got, skips = read(event_data_of(function(x)
        x:raw("\15\1\1\0"):open("EventData"):start()
        x:open("Data", true):attr("Name", "A\tB"):start():text("a\1b\r\nc\rd\te"):close()

        x:open("Data", true):attr("Name", "E"):empty()
        x:open("Data"):start():text("unnamed"):close()
        x:open("Other"):start():raw("\8\65\0\9"):name("amp"):text("x"):close()
        x:close():raw("\0")
      end))
      assert.are.same({}, skips)
      assert.are.same({ ["A B"] = "a?b\nc\nd\te", E = "", "unnamed" }, got[2].data)
      got, skips = read(data_field(function(x) x:text("g\nh\r") end))
      assert.are.same({}, skips)
      assert.are.equal("g\nh\n", got[2].data.F)
      got, skips = read(event_data_of(function(x)
        x:raw("\15\1\1\0"):open("EventData"):start():open("Data", true)
        x:attr("Name", "C\r\nD\nE\rF"):start():close():close():raw("\0")
      end))
      assert.are.same({}, skips)
      assert.are.same({ ["C D E F"] = "" }, got[2].data)
    end)
  end)

  describe("in its framing", function()
    it("skips a chunk cut inside its header, naming it", function()
      local got, skips, c = read(s:sub(1, P.HEADER + 300), false)
      assert.are.same({}, got)
      assert.are.same({ { at = "chunk 0",
        why = "a truncated chunk: the file ends inside its header" } }, skips)
      if c then assert.are.equal(0, c.libevtx) end
    end)

    it("reads the records a cut chunk holds whole, and names the one cut", function()
      local got, skips = read(s:sub(1, two + 100), false)
      assert.are.equal(1, #got)
      assert.are.equal(90907, got[1].record)
      assert.are.same({
        { at = "chunk 0", why = "a truncated chunk: the file ends inside it; " ..
                                "the records it holds whole were read" },
        { at = AT2, why = "a record cut short by the end of the file" } }, skips)
    end)

    it("does not trust a chunk whose end of records is outside it", function()
      -- its header checksum right (sealed), its end of records before the
      -- records or past the chunk: read by their framing, and said
      for _, free in ipairs({ 0x100, 0x10001 }) do
        local got, skips = read(P.put32(s, P.HEADER + 48, free))
        assert.are.equal(2, #got)
        assert.are.same({ { at = "chunk 0", why = "a chunk whose header checksum is wrong: " ..
                                                  "its records were read one by one" } }, skips)
      end
    end)

    it("skips a record whose size is less than a record's header", function()
      local got, skips = read(P.put32(s, two + 4, 16))
      assert.are.equal(1, #got)
      assert.are.same({ { at = AT2, why = "a record whose header is damaged" } }, skips)
    end)

    it("reads every chunk the file holds whatever its header counts", function()
      -- the file header's last chunk number (offset 16) and chunk count
      -- (offset 42) made 0 and 1, its checksum made right: the reader goes
      -- by the file's size, and so does libevtx
      local big = run.read(BIG)
      local got, skips, c = read(P.put(P.put(big, 16, P.le(0, 8)), 42, P.le(1, 2)))
      assert.are.same({}, skips)
      assert.are.equal(2261, #got) -- python-evtx's count for the file
      if c then assert.are.equal(2261, c.same) end
    end)

    it("names a path that is a directory", function()
      local r, err = require("logonerr.evtx").open("spec/fixtures/evtx")
      assert.is_nil(r)
      assert.are.equal("spec/fixtures/evtx: not a regular file", err)
    end)

    it("reads a file of one chunk the same with more threads than chunks", function()
      local want = P.read(SAMPLE, 1)
      assert.are.same(want, (P.read(SAMPLE, 4)))
      assert.are.equal(2, #want)
    end)

    it("reads a file that is its header alone as empty, with threads or not", function()
      local header = s:sub(1, P.HEADER)
      for _, n in ipairs({ 1, 3 }) do
        local got, skips = P.read_copy(header, n)
        assert.are.same({}, got)
        assert.are.same({}, skips)
      end
    end)

    it("passes over a chunk of zeros, and names one that is not a chunk", function()
      local got, skips = read(s .. ("\0"):rep(P.CHUNK), false)
      assert.are.equal(2, #got)
      assert.are.same({}, skips)
      got, skips = read(s .. ("junk"):rep(P.CHUNK / 4), false)
      assert.are.equal(2, #got)
      assert.are.same({ { at = "chunk 1", why = "a chunk without its signature" } }, skips)
    end)
  end)

  -- A template's tokens are decoded once per chunk and replayed for each
  -- record (csrc/evtx_chunk.c); tokens outside a template are walked as
  -- they are.  The same tokens give the same record, or the same skip,
  -- both ways: in record 2's EventData as they are, and as the tokens of a
  -- template defined there (with the dependency ids template elements
  -- carry).
  describe("in a template's tokens, as outside one", function()
    local function document(x, fn)
      x:open("EventData"):start():open("Data", true):attr("Name", "F"):start()
      fn(x)
      x:close():close()
    end
    local function outside(fn)
      return event_data_of(function(x)
        x:raw("\15\1\1\0")
        document(x, fn)
      end)
    end
    -- the template defined in place, its values none (or those given)
    local function inside(fn, values)
      return event_data_of(function(x)
        local here = event_data.at - P.HEADER
        local def = here + 14
        x:raw("\15\1\1\0\12\1\0\0\0\0" .. P.le(def, 4))
        local t = P.binxml(def + 24)
        t.dep = true
        document(t, fn)
        local tokens = t:bytes()
        x:raw(P.le(0, 4) .. ("\0"):rep(16) .. P.le(#tokens, 4) .. tokens)
        x:raw(values or P.le(0, 4))
      end)
    end
    -- the first cases are sound (true), with F's text (none: a Data with an
    -- element inside is no field, as in eventxml.c)
    local cases = {
      { "a value", function(x) x:text("v") end, true, "v" },
      { "CDATA", function(x) x:raw("\7\2\0a\0b\0") end, true, "ab" },
      { "a character reference", function(x) x:raw("\8\65\0") end, true, "A" },
      { "an entity reference", function(x) x:raw("\9"):name("amp") end, true, "&" },
      { "an entity reference of no known name", function(x) x:raw("\9"):name("nbsp") end,
        true, "\239\191\189" },
      { "a processing instruction", function(x) x:raw("\10"):name("pi"):raw("\11\1\0a\0") end,
        true, "" },
      { "a fragment header", function(x) x:raw("\15\1\1\0"):text("v") end, true, "v" },
      { "an empty element", function(x) x:open("E"):empty() end, true, nil },
      { "a value token that is not a string", function(x) x:raw("\5\2\1\0a\0") end },
      { "an unknown token", function(x) x:raw("\16") end },
      { "an element opened inside a start tag", function(x) x:open("B"):open("C") end },
      { "a start tag closed twice", function(x) x:raw("\2") end },
      { "end tags with no element open", function(x) x:raw("\4\4\4\4") end },
      { "an end tag inside a start tag", function(x) x:open("B"):raw("\4") end },
      { "an attribute outside a start tag", function(x) x:raw("\6"):name("A") end },
      { "an attribute whose name is outside the chunk", function(x)
          x:open("B", true):raw("\6" .. P.le(0x10, 4)) end },
      { "an element whose name is outside the chunk", function(x)
          x:raw("\1"):raw(x.dep and "\255\255" or ""):raw(P.le(0, 4) .. P.le(0x10, 4)) end },
      { "an entity whose name is outside the chunk", function(x)
          x:raw("\9" .. P.le(0x10, 4)) end },
      { "a processing instruction whose target is outside the chunk", function(x)
          x:raw("\10" .. P.le(0x10, 4)) end },
      { "processing instruction data past the end", function(x) x:raw("\11\255\0a\0") end },
      { "text past the end", function(x) x:raw("\5\1\255\0a\0") end },
      { "CDATA past the end", function(x) x:raw("\7\255\0a\0") end },
    }
    for _, case in ipairs(cases) do
      it("reads " .. case[1] .. " the same way", function()
        local got1, skips1 = read(outside(case[2]))
        local got2, skips2 = read(inside(case[2]))
        if case[3] then
          assert.are.same({}, skips1)
          assert.are.equal(2, #got1)
          assert.are.equal(case[4], got1[2].data.F)
        else
          assert.are.equal(1, #skips1) -- record 2, with why
          assert.are.equal(1, #got1)
        end
        assert.are.same(skips1, skips2)
        assert.are.equal(#got1, #got2)
        assert.are.same(got1[#got1], got2[#got2])
      end)
    end

    -- Cut inside a token: the template's tokens end there, as a record's do.
    local cut = {
      { "an element start", "\1\255" }, { "an element start's size", "\1\255\255\0" },
      { "an element start's attributes size", "element-attrs" },
      { "a string value", "\5" }, { "a string value's length", "\5\1\5" },
      { "CDATA's length", "\7\1" }, { "a character reference", "\8\65" },
      { "a substitution", "\13\0" }, { "an entity's name reference", "\9\0\0" },
      { "a processing instruction's length", "\11\0" },
    }
    for _, case in ipairs(cut) do
      it("skips a template whose tokens end inside " .. case[1] .. ", as a record's", function()
        local function tail(x)
          if case[2] == "element-attrs" then
            x:raw("\65"):raw(x.dep and "\255\255" or ""):raw(P.le(0, 4)):name("B"):raw("\0")
          else
            x:raw(case[2])
          end
        end
        -- the tokens up to the cut, nothing after: no document around them
        local function bare(wrap)
          return event_data_of(function(x)
            local here = event_data.at - P.HEADER
            if not wrap then
              x:raw("\15\1\1\0")
              tail(x)
              return
            end
            local def = here + 14
            x:raw("\15\1\1\0\12\1\0\0\0\0" .. P.le(def, 4))
            local t = P.binxml(def + 24)
            t.dep = true
            tail(t)
            local tokens = t:bytes()
            x:raw(P.le(0, 4) .. ("\0"):rep(16) .. P.le(#tokens, 4) .. tokens .. P.le(0, 4))
          end)
        end
        local _, skips1 = read(bare(false))
        local _, skips2 = read(bare(true))
        assert.are.equal(1, #skips1)
        assert.are.same(skips1, skips2)
      end)
    end

    -- Values placed by a template (there is no value outside one).
    it("places its values, an optional one left out when empty", function()
      local function value(size, ty, bytes)
        return P.le(1, 4) .. P.le(size, 2) .. string.char(ty) .. "\0" .. bytes
      end
      local optional = function(x) x:raw("\14\0\0\1") end
      local got = read(inside(optional, value(2, 1, "v\0")))
      assert.are.equal("v", got[2].data.F)
      got = read(inside(optional, value(0, 1, "")))
      assert.are.equal("", got[2].data.F)
      got = read(inside(function(x) x:raw("\13\0\0\8") end, value(4, 8, "\7\0\0\0")))
      assert.are.equal("7", got[2].data.F)
      local _, skips = read(inside(function(x) x:raw("\13\0\0\8") end, value(2, 8, "\7\0")))
      assert.are.same({ { at = AT2, why = "a value whose size does not fit its type" } }, skips)
    end)

    it("walks a template that instantiates another in its tokens, as libevtx reads it", function()
      local got1, skips1 = read(outside(function(x) x:text("v") end))
      -- the inner template: a value, defined in place inside the outer one
      local got2, skips2 = read(inside(function(x)
        local def = x.at + x.len + 10
        x:raw("\12\1\0\0\0\0" .. P.le(def, 4))
        local inner = P.binxml(def + 24)
        inner.dep = true
        inner:text("v")
        local tokens = inner:bytes()
        x:raw(P.le(0, 4) .. ("\0"):rep(16) .. P.le(#tokens, 4) .. tokens .. P.le(0, 4))
      end))
      assert.are.same({}, skips1)
      assert.are.same(skips1, skips2)
      assert.are.equal("v", got1[#got1].data.F)
      assert.are.same(got1[#got1], got2[#got2])
    end)
  end)

  describe("read with threads", function()
    -- python-evtx-security.evtx (33 chunks) with a chunk whose header
    -- checksum is wrong, a record damaged in another, a chunk of junk and
    -- the file cut inside chunk 25 (the last that holds records).
    local big = run.read(BIG)
    local c2, c5, last = P.chunk(2), P.records(big, 5)[3], P.records(big, 25)
    local damaged = P.put(big, c2 + 8, "\255")
    damaged = P.put(damaged, c5, "xx")
    damaged = P.put(damaged, P.chunk(9), ("junk"):rep(16))
    damaged = damaged:sub(1, last[#last - 1] + 100)

    it("gives the same records and skips with 1 to 4 threads", function()
      local path = run.tempfile(damaged)
      local want, want_skips = P.read(path, 1)
      local whys = {}
      for _, k in ipairs(want_skips) do whys[k.why] = true end
      assert.is_true(whys["a chunk whose header checksum is wrong: " ..
                          "its records were read one by one"])
      assert.is_true(whys["a record whose header is damaged"])
      assert.is_true(whys["a chunk without its signature"])
      assert.is_true(whys["a record cut short by the end of the file"])
      assert.is_true(#want > 2000)
      for n = 2, 4 do
        local got, skips = P.read(path, n)
        assert.are.same(want_skips, skips)
        assert.are.equal(#want, #got)
        assert.are.same(want, got)
      end
      os.remove(path)
    end)
  end)
end)
