-- Corners of the C binding (csrc/lcore.c, csrc/lscan.c): how inputs are quoted in
-- messages, numbers that are not codes, word splitting, scanner options.
local logonerr = require "logonerr"

describe("the binding", function()
  it("quotes a bad input in its message, escaping what cannot be shown", function()
    local _, err = logonerr.lookup('a"b\\c\7\200\31' .. ("x"):rep(50))
    -- the first 40 bytes: 8 before the x's, then 32 x's
    assert.are.equal([["a\"b\\c\7\200\31]] .. ("x"):rep(32) .. [[..."]],
                     err:match('^(".-%.%.%.")'))
    local _, nerr = logonerr.lookup(12.5)
    assert.matches("^12%.5: not an integer", nerr)
  end)

  it("turns away numbers that are not 32-bit integers", function()
    assert.matches("NaN", select(2, logonerr.lookup(0 / 0)))
    assert.matches("out of 32%-bit range", select(2, logonerr.lookup(2 ^ 40)))
    assert.matches("out of 32%-bit range", select(2, logonerr.lookup(-(2 ^ 40))))
    assert.matches("out of 32%-bit range", select(2, logonerr.lookup(4294967296)))
    assert.are.equal("STATUS_LOGON_FAILURE", logonerr.lookup(-1073741715.0).name)
    assert.is_nil((logonerr.candidates(1.5)))
    assert.has_error(function() logonerr.hresult_from_win32("5") end)
    assert.has_error(function() logonerr.decode(1.5) end)
  end)

  it("reads a name in mixed case, and not a name that is not one", function()
    assert.are.equal(1326, logonerr.lookup("Error_Logon_Failure").code)
    assert.is_nil((logonerr.lookup("Error_Logon_Failure!")))
    assert.is_nil((logonerr.lookup("E" .. ("_"):rep(90))))
    assert.are.equal(1366, logonerr.lookup("0x556", "win32").code)
  end)

  it("splits search words on spaces, tabs and newlines", function()
    assert.are.same(logonerr.search("logon session"),
                    logonerr.search(" logon\t", "\nsession "))
    assert.are.same({}, logonerr.search("  "))
    assert.has_error(function() logonerr.search(("w "):rep(40)) end,
                     "bad argument #1 to 'search' (too many words)")
  end)

  it("checks scanner options and says what a scanner is doing", function()
    assert.has_error(function() logonerr.scan("x", { true }) end,
                     "bad argument #2 to 'scan' (option names are strings, got number)")
    assert.are.equal(0, #(function()
      local t = {}
      for e in logonerr.scan("error 4903 ", { all = false }) do t[#t + 1] = e end
      return t
    end)())
    local s = logonerr.scanner()
    assert.are.equal("logonerr scanner (reading)", tostring(s))
  end)

  it("lists every NTSTATUS counterpart of a Win32 code in forms", function()
    local f = logonerr.forms(1326)
    assert.are.equal("STATUS_LOGON_FAILURE", f.counterparts[1].name)
    local g = logonerr.forms("0xC0001234") -- no known mapping
    assert.are.same({}, g.counterparts)
    assert.is_nil(g.entry)
  end)
  -- scanner:pump and scanner:tallied are the loop of summarize and
  -- annotate (lua/logonerr/logs.lua); misuse raises, as for feed.
  it("checks what pump is given and counts what it saw", function()
    local function note() end
    local s = logonerr.scanner()
    assert.has_error(function() s:pump({}, note, true, 160) end,
                     "bad argument #1 to 'pump' (string, open file or nil expected)")
    assert.has_error(function() s:pump("x", "not a function", true, 160) end)
    assert.has_error(function() s:pump("x", note, true, 0) end,
                     "bad argument #4 to 'pump' (width out of range (1 to 65536))")
    local f = assert(io.open("spec/fixtures/security-export.txt", "rb"))
    assert.has_error(function() s:pump(f, note, true, 160, 0) end,
                     "bad argument #5 to 'pump' (size out of range (1 to 2^30))")
    f:close()
    local seen = {}
    assert.is_true(s:pump("error 1326 error 1326\nerror 1326", function(e, line, text)
      seen[#seen + 1] = { e.name, line, text }
    end, true, 160))
    assert.is_true(s:pump(nil, note, true, 160))
    -- the first is handed over, the others only counted
    assert.are.same({ { "ERROR_LOGON_FAILURE", 1, "error 1326 error 1326" } }, seen)
    assert.are.same({ 3, 2 }, { s:tallied(logonerr.lookup(1326)) })
    assert.is_nil(s:tallied("not an entry"))
    assert.has_error(function() s:pump("more", note, true, 160) end, "pump after finish")
  end)
end)
