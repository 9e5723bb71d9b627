-- Logs counted and annotated: logonerr.summarize, logonerr.annotate, the
-- summary report over scan results, and `logonerr scan`.
local logonerr = require "logonerr"
local report = require "logonerr.report"
local json = require "dkjson"
local run = require("support.run").command

local EXPORT = "spec/fixtures/security-export.txt"

local function slurp(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

local write_file = require("support.run").tempfile

-- What an administrator would count by hand in a Security log export:
-- the values of the Status, Sub Status and Error Code fields (0x0 means
-- no error), with the line of each.
local function by_hand(text)
  local counts, lines, n = {}, {}, 0
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    n = n + 1
    local v = line:match("^%s*Status:%s+(0x%x+)") or
              line:match("^%s*Sub Status:%s+(0x%x+)") or
              line:match("^%s*Error Code:%s+(0x%x+)")
    if v and tonumber(v) ~= 0 then
      v = ("0x%X"):format(tonumber(v))
      counts[v] = (counts[v] or 0) + 1
      lines[v] = lines[v] or { first = n }
      lines[v].last = n
    end
  end
  return counts, lines
end

describe("logonerr.summarize", function()
  it("counts a Security log export as an administrator would by hand", function()
    local text = slurp(EXPORT)
    local want, where = by_hand(text)
    local got = assert(logonerr.summarize(text))
    local total = 0
    for _, r in ipairs(got) do
      assert.is_true(logonerr.is_entry(r.entry), r.name)
      assert.are.equal(want[r.hex], r.count, r.hex)
      assert.are.equal(where[r.hex].first, r.first_line, r.hex)
      assert.are.equal(where[r.hex].last, r.last_line, r.hex)
      assert.is_nil(r.sample:find("[\r\n]"))
      assert.is_truthy(r.sample:upper():find(r.hex:sub(3), 1, true))
      total = total + r.count
      want[r.hex] = nil
    end
    assert.are.same({}, want) -- nothing missed
    assert.is_true(total > 50)
  end)

  it("reads an open file in chunks, with the same result", function()
    local f = assert(io.open(EXPORT, "rb"))
    local logs = require "logonerr.logs"
    local saved = logs.CHUNK
    logs.CHUNK = 1000 -- many chunk boundaries inside lines and codes
    local ok, got = pcall(logonerr.summarize, f)
    logs.CHUNK = saved
    f:close()
    assert.is_true(ok, got)
    assert.are.same(logonerr.summarize(slurp(EXPORT)), got)
  end)

  it("lists most frequent codes first", function()
    local got = logonerr.summarize("error 1326\nerror 1366\nerror 1326\n")
    assert.are.equal("ERROR_LOGON_FAILURE", got[1].name)
    assert.are.equal(2, got[1].count)
    assert.are.same({ 1, 3 }, { got[1].first_line, got[1].last_line })
    assert.are.equal("error 1326", got[1].sample)
  end)

  it("keeps samples short and printable", function()
    local long = ("x"):rep(1000) .. " Status: 0xC000006D \1\2\255 " .. ("y"):rep(1000)
    local got = logonerr.summarize(long .. "\r\n")
    local sample = got[1].sample
    assert.is_true(#sample < 400)
    assert.matches("^%.%.%.x+ Status: 0xC000006D %?%?%? y+%.%.%.$", sample)
  end)

  it("counts codes that are not catalogued only when asked", function()
    assert.are.same({}, logonerr.summarize("error 4903"))
    local got = logonerr.summarize("error 4903", { all = true })
    assert.are.equal("UNKNOWN", got[1].name)
    assert.are.equal("0x1327", got[1].hex)
    assert.is_nil(got[1].entry)
  end)

  it("gives the read error of a file it cannot read", function()
    local f = assert(io.open("spec", "rb")) -- a directory: opens, cannot read
    local got, err = logonerr.summarize(f)
    f:close()
    assert.is_nil(got)
    assert.is_string(err)
  end)

  it("names a wrong argument", function()
    assert.has_error(function() logonerr.summarize(42) end,
                     "bad argument #1 to 'summarize' (string or file expected, got number)")
    assert.has_error(function() logonerr.summarize("x", { every = 1 }) end,
                     "bad argument #2 to 'summarize' (unknown option 'every')")
  end)
end)

describe("the summary report over scan results", function()
  local results
  setup(function()
    results = logonerr.summarize("a\nLogon failed: error 1326\nb\n" ..
                                 "status=-1073741715 | x\nerror 1326\n")
  end)

  it("shows counts, lines and a sample in text", function()
    local out = report.summary(results, "text")
    assert.matches("^3 codes found, 2 distinct\n", out)
    assert.matches("\n2  ERROR_LOGON_FAILURE %(0x52E%)  lines 2%-5\n", out)
    assert.matches("\n1  STATUS_LOGON_FAILURE %(0xC000006D%)  line 4\n", out)
    assert.matches("e%.g%. Logon failed: error 1326\n", out)
  end)

  it("makes a Markdown table, escaping what Markdown would read", function()
    local out = report.summary(results, "markdown")
    assert.matches("| 2 | ERROR_LOGON_FAILURE | `0x52E` | 2 | 5 |", out, 1, true)
    assert.matches("status=-1073741715 \\| x |", out, 1, true)
  end)

  it("gives JSON that a JSON reader reads back", function()
    local v = json.decode(report.summary(results, "json", "app.log"))
    assert.are.equal(3, v.total)
    assert.are.equal("app.log", v.source)
    assert.are.equal("ERROR_LOGON_FAILURE", v.items[1].name)
    assert.are.same({ 2, 2, 5 }, { v.items[1].count, v.items[1].first_line,
                                   v.items[1].last_line })
    assert.are.equal("status=-1073741715 | x", v.items[2].sample)
  end)
end)

describe("logonerr.annotate", function()
  it("prints each line that holds a code, then a note naming each code", function()
    local out = logonerr.annotate("start\nSub Status: 0xC000006A error 1326\nend\n")
    assert.are.equal(
      "2: Sub Status: 0xC000006A error 1326\n" ..
      "    ^ " .. logonerr.format("0xC000006A") .. "\n" ..
      "    ^ " .. logonerr.format(1326) .. "\n", out)
  end)

  it("notes a code once per line and names the file when asked", function()
    local out = logonerr.annotate("error 1326 and again error 1326", { name = "a.log" })
    local _, notes = out:gsub("\n    %^ ", "")
    assert.are.equal(1, notes)
    assert.matches("^a%.log:1: ", out)
  end)

  it("gives an empty text for a text with no codes", function()
    assert.are.equal("", logonerr.annotate(""))
    assert.are.equal("", logonerr.annotate("pid 1366\nport 1326\n"))
  end)
end)

describe("logonerr scan", function()
  it("summarises a Security log export", function()
    local code, out, err = run("scan " .. EXPORT)
    assert.are.equal(0, code, err)
    local want = by_hand(slurp(EXPORT))
    local total = 0
    for _, n in pairs(want) do total = total + n end
    assert.matches("^" .. total .. " codes found", out)
    for hex, n in pairs(want) do
      assert.matches("\n *" .. n .. "  [%u_]+ %(" .. hex .. "%)", out)
    end
  end)

  it("right-aligns the counts, so the codes start in one column", function()
    for _, format in ipairs({ "text", "line" }) do
      local code, out = run("scan -f " .. format .. " " .. EXPORT)
      assert.are.equal(0, code)
      local starts, counts = {}, {}
      for line in out:gmatch("[^\n]+") do
        local count, at = line:match("^ *(%d+) +()[%u_]+ %(0x")
        if count then
          starts[at] = true
          counts[#count] = true
        end
      end
      -- the export has codes seen 11 times and codes seen under 10 times
      assert.is_true(counts[1] and counts[2], format)
      local n = 0
      for _ in pairs(starts) do n = n + 1 end
      assert.are.equal(1, n, format .. ": the codes start in several columns")
    end
  end)

  it("reads stdin when no file is given, and - as stdin", function()
    local code, out = run("scan -f line", "x\nLsaLogonUser failed: status=-1073741715\n")
    assert.are.equal(0, code)
    assert.are.equal("1 STATUS_LOGON_FAILURE (0xC000006D)\n", out)
    code, out = run("scan - -f line", "error 1326")
    assert.are.equal(0, code)
    assert.are.equal("1 ERROR_LOGON_FAILURE (0x52E)\n", out)
  end)

  it("annotates lines with --annotate", function()
    local code, out = run("scan --annotate", "a\n[WinError 1312] gone\n")
    assert.are.equal(0, code)
    assert.are.equal("2: [WinError 1312] gone\n    ^ " .. logonerr.format(1312) .. "\n", out)
  end)

  it("prints JSON with --format json, one summary per file", function()
    local a, b = write_file("error 1326\n"), write_file("status 0xC000006D\n")
    local code, out = run("scan --format json " .. a .. " " .. b)
    os.remove(a)
    os.remove(b)
    assert.are.equal(0, code)
    local v = json.decode(out)
    assert.are.equal(2, #v)
    assert.are.equal(a, v[1].source)
    assert.are.equal("ERROR_LOGON_FAILURE", v[1].items[1].name)
    assert.are.equal("STATUS_LOGON_FAILURE", v[2].items[1].name)
  end)

  it("counts uncatalogued codes with --all", function()
    local _, out = run("scan -f line", "error 4903\n")
    assert.are.equal("", out)
    _, out = run("scan --all -f line", "error 4903\n")
    assert.are.equal("1 UNKNOWN (0x1327)\n", out)
  end)

  it("reports a file it cannot read, exits 2, and still scans the others", function()
    local good = write_file("error 1326\n")
    local code, out, err = run("scan -f line /nonexistent/app.log spec " .. good)
    os.remove(good)
    assert.are.equal(2, code)
    assert.matches("cannot read /nonexistent/app.log: No such file", err)
    assert.matches("cannot read spec: ", err)
    assert.matches(": 1 ERROR_LOGON_FAILURE %(0x52E%)\n", out)
  end)

  it("scans an empty file and CRLF lines", function()
    local empty = write_file("")
    local code, out = run("scan " .. empty)
    os.remove(empty)
    assert.are.equal(0, code)
    assert.matches("^0 codes found, 0 distinct", out)
    code, out = run("scan --annotate", "a\r\nerror 1326\r\n")
    assert.are.equal(0, code)
    assert.are.equal("2: error 1326\n    ^ " .. logonerr.format(1326) .. "\n", out)
  end)

  it("scans files at once with -j and prints what it prints one by one", function()
    local a = write_file(slurp(EXPORT))
    local b = write_file("x\nerror 1326\nerror 4903\n" .. ("y"):rep(5000) ..
                         " STATUS_LOGON_FAILURE\n")
    local c = write_file("")
    local files = table.concat({ a, "/nonexistent/app.log", b, "spec", c, a }, " ")
    for _, opts in ipairs({ "", "-f json", "-f line --all", "--annotate", "--annotate --all" }) do
      local code1, out1, err1 = run("scan " .. opts .. " " .. files)
      local code2, out2, err2 = run("scan -j 3 " .. opts .. " " .. files)
      assert.are.equal(2, code1, opts)
      assert.are.same({ code1, out1, err1 }, { code2, out2, err2 }, opts)
      assert.matches("cannot read /nonexistent/app.log", err2)
      assert.is_true(#out2 > 100, opts)
    end
    -- stdin among files is read by the command itself
    local code, out = run("scan -j 2 -f line " .. b .. " -", "error 1326\n")
    assert.are.equal(0, code)
    assert.matches("%(stdin%): 1 ERROR_LOGON_FAILURE", out)
    os.remove(a)
    os.remove(b)
    os.remove(c)
  end)

  it("refuses a -j that is not a whole number from 1", function()
    for _, j in ipairs({ "0", "-1", "1.5", "x" }) do
      local code, _, err = run("scan --jobs=" .. j .. " x.log")
      assert.are.equal(2, code, j)
      assert.matches("jobs must be a whole number from 1", err, 1, true)
    end
  end)

  it("refuses options it does not know", function()
    local code, _, err = run("scan --colour x.log")
    assert.are.equal(2, code)
    assert.matches("unknown option '%-%-colour'", err)
  end)
end)

describe("reading a source for summarize and annotate", function()
  local text = "a\nLogon failed: error 1326\n" .. ("x"):rep(300) ..
               " Status: 0xC000006D " .. ("y"):rep(300) .. "\nerror 1326\r\n"

  it("reads any object with a read method, in chunks, as it reads a string", function()
    local at = 1
    local reader = { read = function(_, n)
      if at > #text then return nil end
      local piece = text:sub(at, at + 9) -- 10 bytes whatever n says
      at = at + #piece
      assert.is_number(n)
      return piece
    end }
    assert.are.same(logonerr.summarize(text), logonerr.summarize(reader))
  end)

  it("gives the same summary and notes whatever the size of a read", function()
    local logs = require "logonerr.logs"
    local long = text .. slurp(EXPORT) .. ("z"):rep(500) .. "error 1326" ..
                 ("w"):rep(170) .. "\nSTATUS_LOGON_FAILURE"
    local path = write_file(long)
    local saved = logs.CHUNK
    for _, size in ipairs({ 1, 7, 64, 161, 1000 }) do
      logs.CHUNK = size
      local f = assert(io.open(path, "rb"))
      local ok, got = pcall(logonerr.summarize, f)
      f:close()
      f = assert(io.open(path, "rb"))
      local ok2, notes = pcall(logonerr.annotate, f)
      f:close()
      logs.CHUNK = saved
      assert.is_true(ok, got)
      assert.is_true(ok2, notes)
      assert.are.same(logonerr.summarize(long), got, "size " .. size)
      assert.are.equal(logonerr.annotate(long), notes, "size " .. size)
    end
    os.remove(path)
  end)

  it("gives the error of a reader that fails", function()
    local reader = { read = function() return nil, "disk on fire" end }
    local got, err = logonerr.summarize(reader)
    assert.is_nil(got)
    assert.are.equal("disk on fire", err)
  end)

  it("refuses a closed file as Lua's io does", function()
    local path = write_file(text)
    local f = assert(io.open(path, "rb"))
    f:close()
    os.remove(path)
    assert.has_error(function() logonerr.summarize(f) end)
  end)

  it("counts every occurrence and keeps the first line's sample", function()
    local got = logonerr.summarize(text)
    assert.are.equal("ERROR_LOGON_FAILURE", got[1].name)
    assert.are.same({ 2, 2, 4 }, { got[1].count, got[1].first_line, got[1].last_line })
    assert.are.equal("Logon failed: error 1326", got[1].sample)
    -- 160 bytes each side of the code, cut with "..."
    assert.are.equal("..." .. ("x"):rep(151) .. " Status: 0xC000006D " ..
                     ("y"):rep(159) .. "...", got[2].sample)
  end)
end)
