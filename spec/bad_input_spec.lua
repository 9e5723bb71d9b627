-- Every bad input issue #2 names: a clear error, and nothing else broken.
local logonerr = require "logonerr"

-- After any bad input, the module still answers correctly.
local function still_works()
  local e = logonerr.lookup(1366)
  assert.are.equal("ERROR_LOGON_SESSION_COLLISION", e.name)
  assert.are.equal(e, logonerr.lookup("0xC0000105").win32)
  assert.are.equal(#logonerr.errors, #logonerr.errors)
end

describe("a wrong argument type raises an error naming the argument", function()
  for _, case in ipairs({
    { "nil", nil }, { "a table", {} }, { "a boolean", true },
    { "a function", print },
  }) do
    it("for " .. case[1], function()
      for _, f in ipairs({ "lookup", "format", "forms", "candidates" }) do
        local ok, err = pcall(logonerr[f], case[2])
        assert.is_false(ok)
        assert.matches("bad argument #1", err)
        assert.matches("number or string expected", err)
      end
      still_works()
    end)
  end

  it("for a namespace that is not a string", function()
    assert.has_error(function() logonerr.lookup(1366, {}) end)
    still_works()
  end)
end)

describe("a bad code gives nil and a message quoting the input", function()
  local cases = {
    { "an empty string", "", '""', "empty" },
    { "0x alone", "0x", '"0x"', "not a number" },
    { "0x with bad digits", "0xZZ", '"0xZZ"', "not a number" },
    { "digits then letters", "12abc", '"12abc"', "not a number" },
    { "an embedded NUL", "1366\0junk", '"1366\\0junk"', "NUL" },
    { "a 1 MB string", ("9"):rep(1024 * 1024), '"9999999999', "too long" },
    { "a fraction", 1366.5, "1366.5", "not an integer" },
    { "infinity", math.huge, "inf", "range" },
    { "NaN", 0 / 0, "nan", "NaN" },
    { "2^53", 2 ^ 53, "9.007", "range" },
    { "-2^31 - 1", -2 ^ 31 - 1, "-2147483649", "range" },
    { "a bare prefix name", "ERROR_", '"ERROR_"', "not a catalogued error name" },
    { "hex beyond 64 bits", "0x1FFFFFFFFFFFFFFFF", '"0x1FFFF', "range" },
    { "a 64-bit value that is not sign-extended", "0x100000000", '"0x100000000"', "range" },
    { "a decimal above 32 bits", "4294967296", '"4294967296"', "range" },
  }
  for _, case in ipairs(cases) do
    local what, input, quoted, reason = case[1], case[2], case[3], case[4]
    it("for " .. what, function()
      for _, f in ipairs({ "lookup", "format", "forms" }) do
        local v, err = logonerr[f](input)
        assert.is_nil(v)
        assert.is_string(err)
        assert.is_truthy(err:find(quoted, 1, true),
                         ("%s: %q does not quote the input"):format(f, err))
        assert.is_truthy(err:find(reason, 1, true), err)
        assert.is_true(#err < 200, "message too long")
      end
      still_works()
    end)
  end

  it("for an unknown namespace name, raising as any misuse does", function()
    local ok, err = pcall(logonerr.lookup, 1366, "posix")
    assert.is_false(ok)
    assert.matches("bad argument #2", err)
    assert.matches("unknown namespace 'posix'", err)
    assert.matches("win32, ntstatus, hresult, kerberos", err, 1, true)
    still_works()
  end)

  it("for a well-formed code that is not catalogued", function()
    local v, err = logonerr.lookup(4903)
    assert.is_nil(v)
    assert.matches("4903: not in the catalogue", err)
    v, err = logonerr.lookup("STATUS_NOT_A_REAL_NAME")
    assert.is_nil(v)
    assert.matches("STATUS_NOT_A_REAL_NAME", err)
    still_works()
  end)

  it("never reads part of the input as a code", function()
    assert.is_nil(logonerr.lookup("1366 1367"))
    assert.is_nil(logonerr.lookup("0x556x"))
    assert.is_nil(logonerr.lookup("+1366"))
    assert.is_nil(logonerr.lookup("--1366"))
    assert.is_nil(logonerr.lookup("1366\n1367"))
    still_works()
  end)

  it("gives candidates nil and a message for unparseable text", function()
    local v, err = logonerr.candidates("0xZZ")
    assert.is_nil(v)
    assert.matches("0xZZ", err)
    still_works()
  end)
end)
