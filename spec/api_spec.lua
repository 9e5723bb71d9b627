-- The rest of the v1 API: candidates, forms, format, tables, constants,
-- conversions, decode, search, read-only entries.
local logonerr = require "logonerr"
local sdk = require "support.sdk"

local S = sdk.symbols()

describe("candidates", function()
  it("gives every catalogued reading, most likely first", function()
    -- "556" is decimal 556 (not catalogued) and hex 0x556 (1366).
    local c = logonerr.candidates("556")
    assert.are.equal(1, #c)
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION", c[1].entry.name)
    assert.are.equal("hex", c[1].read_as)
    -- "1326" reads first as decimal.
    c = logonerr.candidates("1326")
    assert.are.equal("ERROR_LOGON_FAILURE", c[1].entry.name)
    assert.are.equal("decimal", c[1].read_as)
    assert.are.equal("win32", c[1].namespace)
  end)

  it("returns an empty list when nothing is catalogued", function()
    assert.are.same({}, logonerr.candidates("4903"))
    assert.are.same({}, logonerr.candidates("NO_SUCH_NAME"))
  end)

  it("accepts names and numbers", function()
    assert.are.equal("STATUS_LOGON_FAILURE",
                     logonerr.candidates("status_logon_failure")[1].entry.name)
    assert.are.equal("STATUS_LOGON_FAILURE",
                     logonerr.candidates(S.STATUS_LOGON_FAILURE)[1].entry.name)
  end)
end)

describe("forms", function()
  it("tabulates every representation of a Win32 code", function()
    local f = logonerr.forms("ERROR_LOGON_FAILURE")
    assert.are.equal("0x52E", f.hex)
    assert.are.equal(S.ERROR_LOGON_FAILURE, f.decimal)
    assert.are.equal(S.ERROR_LOGON_FAILURE, f.signed)
    assert.are.equal("0x8007052E", f.hresult)
    assert.are.equal("ERROR_LOGON_FAILURE", f.symbol)
    assert.are.equal("STATUS_LOGON_FAILURE", f.counterparts[1].name)
  end)

  it("tabulates every representation of an NTSTATUS", function()
    local f = logonerr.forms(S.STATUS_LOGON_FAILURE)
    assert.are.equal("0xC000006D", f.hex)
    assert.are.equal(0xC000006D, f.decimal)
    assert.are.equal(-1073741715, f.signed)
    assert.are.equal("0xD000006D", f.hresult)
    assert.are.equal("ERROR_LOGON_FAILURE", f.counterparts[1].name)
  end)

  it("still decodes a code that is not catalogued", function()
    local f = logonerr.forms(0xC0001234)
    assert.are.equal("0xC0001234", f.hex)
    assert.is_nil(f.symbol)
  end)
end)

describe("format", function()
  it("writes the default line", function()
    assert.are.equal(
      "ERROR_LOGON_SESSION_COLLISION (1366, 0x556): The logon session ID is already in use.",
      logonerr.format(1366))
    assert.are.equal(
      "STATUS_LOGON_FAILURE (0xC000006D): The attempted logon is invalid. " ..
      "This is either due to a bad username or authentication information.",
      logonerr.format("0xC000006D"))
  end)

  it("fills a template", function()
    assert.are.equal("1366 0x556 win32 session 0x80070556 {x}",
      logonerr.format("ERROR_LOGON_SESSION_COLLISION",
                      "{code} {hex} {namespace} {category} {hresult} {{x}}"))
    assert.are.equal("-1073741715", logonerr.format(0xC000006D, "{signed}"))
  end)

  it("formats a number that parses but is not catalogued", function()
    assert.matches("^UNKNOWN %(4903, 0x1327%): Not in the catalogue",
                   logonerr.format(4903))
    assert.matches("facility 0x0, code 0x1234", logonerr.format("0xC0001234"))
  end)

  it("raises on a malformed template", function()
    assert.has_error(function() logonerr.format(1366, "{name") end)
    assert.has_error(function() logonerr.format(1366, "{nope}") end)
    assert.has_error(function() logonerr.format(1366, "a } b") end)
  end)

  it("writes long output whole", function()
    local t = ("{message} "):rep(20)
    local s = logonerr.format(1366, t)
    assert.are.equal(#"The logon session ID is already in use. " * 20, #s)
  end)
end)

describe("catalogue tables", function()
  it("index the same entries", function()
    for _, e in ipairs(logonerr.errors) do
      assert.are.equal(e, logonerr.by_name[e.name])
      assert.are.equal(e, logonerr[e.namespace][e.code])
      assert.are.equal(e.code, logonerr[e.name])
    end
  end)

  it("define constants with the SDK's values", function()
    assert.are.equal(S.ERROR_LOGON_SESSION_COLLISION, logonerr.ERROR_LOGON_SESSION_COLLISION)
    assert.are.equal(S.STATUS_LOGON_SESSION_COLLISION, logonerr.STATUS_LOGON_SESSION_COLLISION)
    assert.are.equal(0xC0000105, logonerr.STATUS_LOGON_SESSION_COLLISION)
  end)

  -- Lua 5.1 and LuaJIT ignore __len and __pairs on tables.
  local honours_len = #setmetatable({}, { __len = function() return 1 end }) == 1

  it("are read-only (entries everywhere, lists and maps from Lua 5.2)", function()
    local e = logonerr.lookup(1366)
    assert.has_error(function() e.name = "x" end)
    assert.has_error(function() e.extra = 1 end)
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION", e.name)
    if honours_len then
      assert.has_error(function() logonerr.errors[1] = false end)
      assert.has_error(function() logonerr.win32[1] = false end)
      assert.has_error(function() logonerr.by_name.X = false end)
    end
  end)

  it("let # and ipairs see lists on every Lua", function()
    local n, names = 0, 0
    for _ in ipairs(logonerr.errors) do n = n + 1 end
    for _ in pairs(logonerr.by_name) do names = names + 1 end
    assert.is_true(n >= 114)
    assert.are.equal(names, n)
    assert.are.equal(n, #logonerr.errors)
    assert.is_true(#logonerr.lookup(1366).causes > 0)
  end)

  it("let pairs see an entry's fields (from 5.2; report.view on 5.1)", function()
    local e = logonerr.lookup(1366)
    local keys = {}
    if honours_len then
      for k in pairs(e) do keys[k] = true end
    else
      for k in pairs(require("logonerr.report").view(e)) do keys[k] = true end
    end
    assert.is_true(keys.name and keys.code and keys.message and true)
  end)

  it("turn an entry into its line with tostring", function()
    assert.are.equal(logonerr.format(1366), tostring(logonerr.lookup(1366)))
  end)
end)

describe("conversions", function()
  it("follow HRESULT_FROM_WIN32 and HRESULT_FROM_NT", function()
    assert.are.equal(sdk.define("E_ACCESSDENIED"), logonerr.hresult_from_win32(5))
    assert.are.equal(0x80070556, logonerr.hresult_from_win32(1366))
    assert.are.equal(0, logonerr.hresult_from_win32(0))
    assert.are.equal(0xD0000105, logonerr.hresult_from_nt(0xC0000105))
  end)

  it("map an NTSTATUS to its Win32 code", function()
    assert.are.equal(S.ERROR_LOGON_FAILURE, logonerr.ntstatus_to_win32(S.STATUS_LOGON_FAILURE))
    assert.are.equal(S.ERROR_INVALID_PASSWORD, logonerr.ntstatus_to_win32(S.STATUS_WRONG_PASSWORD))
    assert.are.equal(1366, logonerr.ntstatus_to_win32(0xD0000105))
    assert.are.equal(0x556, logonerr.ntstatus_to_win32(0x80070556))
    local w, err = logonerr.ntstatus_to_win32(0xC0001234)
    assert.is_nil(w)
    assert.matches("0xC0001234", err)
  end)

  it("decode the fields of a status", function()
    local d = logonerr.decode(0xC000006D)
    assert.are.same({ value = 0xC000006D, kind = "ntstatus", severity = "error",
                      customer = false, nt = false, facility = 0, code = 0x6D }, d)
    d = logonerr.decode(0x80070556)
    assert.are.equal("hresult", d.kind)
    assert.are.equal("failure", d.severity)
    assert.are.equal(7, d.facility)
    assert.are.equal(0x556, d.code)
    d = logonerr.decode(0xD0000105)
    assert.is_true(d.nt)
    assert.are.equal("warning", logonerr.decode(0x80000005, "ntstatus").severity)
  end)

  it("raise on misuse", function()
    assert.has_error(function() logonerr.hresult_from_win32("x") end)
    assert.has_error(function() logonerr.hresult_from_win32(2^40) end)
    assert.has_error(function() logonerr.decode(1, "bogus") end)
  end)
end)

describe("search", function()
  it("finds entries that mention every word", function()
    local found = {}
    for _, e in ipairs(logonerr.search("logon session")) do found[e.name] = true end
    assert.is_true(found.ERROR_LOGON_SESSION_COLLISION)
    assert.is_true(found.STATUS_NO_SUCH_LOGON_SESSION)
    assert.is_nil(found.ERROR_ACCESS_DENIED)
  end)

  it("is case-insensitive and takes several arguments", function()
    local names = {}
    for _, e in ipairs(logonerr.search("LOCKED", "out")) do names[e.name] = true end
    assert.is_true(names.ERROR_ACCOUNT_LOCKED_OUT)
    assert.is_true(names.STATUS_ACCOUNT_LOCKED_OUT)
    assert.is_nil(names.ERROR_ACCESS_DENIED)
  end)

  it("returns nothing for no match", function()
    assert.are.same({}, logonerr.search("zebra"))
  end)
end)

describe("_VERSION", function()
  it("names the module and a version", function()
    assert.matches("^logonerr %d+%.%d+%.%d+$", logonerr._VERSION)
  end)
end)
