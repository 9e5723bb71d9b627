-- lookup() reads every input form SPEC.md lists; expected values come from
-- the SDK headers.
local logonerr = require "logonerr"
local sdk = require "support.sdk"

local S = sdk.symbols()
local COLLISION = S.ERROR_LOGON_SESSION_COLLISION          -- 1366
local ST_COLLISION = S.STATUS_LOGON_SESSION_COLLISION      -- 0xC0000105
local ST_FAILURE = S.STATUS_LOGON_FAILURE                  -- 0xC000006D

local function name_of(x, ns)
  local e, err = logonerr.lookup(x, ns)
  assert(e, err)
  return e.name
end

describe("lookup", function()
  it("reads an integer", function()
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION", name_of(COLLISION))
    assert.are.equal("STATUS_LOGON_FAILURE", name_of(ST_FAILURE))
  end)

  it("reads a decimal string", function()
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION", name_of(tostring(COLLISION)))
  end)

  it("reads negative decimals as signed 32-bit values", function()
    local signed = ST_FAILURE - 4294967296
    assert.are.equal("STATUS_LOGON_FAILURE", name_of(signed))
    assert.are.equal("STATUS_LOGON_FAILURE", name_of(tostring(signed)))
    assert.are.equal("STATUS_LOGON_FAILURE", name_of("-1073741715"))
  end)

  it("reads hex with 0x or 0X and leading zeros", function()
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION", name_of("0x556"))
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION", name_of("0X556"))
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION",
                     name_of(("0x%08X"):format(COLLISION)))
    assert.are.equal("STATUS_LOGON_FAILURE", name_of("0xc000006d"))
  end)

  it("unwraps an HRESULT around a Win32 code", function()
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION", name_of("0x80070556"))
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION",
                     name_of(logonerr.hresult_from_win32(COLLISION)))
  end)

  it("unwraps an HRESULT around an NTSTATUS", function()
    assert.are.equal("STATUS_LOGON_SESSION_COLLISION", name_of("0xD0000105"))
    assert.are.equal("STATUS_LOGON_SESSION_COLLISION",
                     name_of(ST_COLLISION + 0x10000000))
  end)

  it("reads symbolic names in any letter case", function()
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION",
                     name_of("Error_Logon_Session_Collision"))
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION",
                     name_of("error_logon_session_collision"))
    assert.are.equal("STATUS_ACCOUNT_LOCKED_OUT", name_of("status_account_locked_out"))
  end)

  it("reads 8-digit hex without 0x, as event logs print it", function()
    assert.are.equal("STATUS_LOGON_FAILURE", name_of("C000006D"))
    assert.are.equal("STATUS_LOGON_FAILURE", name_of("c000006d"))
    assert.are.equal("STATUS_LOGON_SESSION_COLLISION", name_of("D0000105"))
  end)

  it("reads all-digit text as decimal; candidates offers the hex reading", function()
    local e = logonerr.lookup("80070556")
    assert.is_nil(e)
    local c = logonerr.candidates("80070556")
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION", c[1].entry.name)
    assert.are.equal("hex", c[1].read_as)
  end)

  it("reads a sign-extended 64-bit status", function()
    assert.are.equal("STATUS_LOGON_FAILURE", name_of("0xFFFFFFFFC000006D"))
    assert.are.equal("STATUS_LOGON_FAILURE", name_of("FFFFFFFFC000006D"))
  end)

  it("trims surrounding white space", function()
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION", name_of("  1366\n"))
  end)

  it("lets a namespace force how a number is read", function()
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION", name_of(1366, "win32"))
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION", name_of(0x80070556, "hresult"))
    assert.are.equal("STATUS_LOGON_SESSION_COLLISION", name_of("0xD0000105", "hresult"))
    assert.are.equal("STATUS_LOGON_FAILURE", name_of(ST_FAILURE, "ntstatus"))
    local e, err = logonerr.lookup(1366, "ntstatus")
    assert.is_nil(e)
    assert.matches("not in the catalogue", err)
    e, err = logonerr.lookup(0xC000006D, "win32")
    assert.is_nil(e)
    assert.matches("not a code of that namespace", err)
  end)

  it("returns the same entry object every time", function()
    assert.are.equal(logonerr.lookup(1366), logonerr.lookup("0x556"))
    assert.are.equal(logonerr.lookup(1366), logonerr.win32[1366])
    assert.are.equal(logonerr.lookup(1366), logonerr.by_name.ERROR_LOGON_SESSION_COLLISION)
  end)

  it("finds every catalogued entry by each of its forms", function()
    for _, e in ipairs(logonerr.errors) do
      assert.are.equal(e, logonerr.lookup(e.name))
      assert.are.equal(e, logonerr.lookup(e.name:lower()))
      if e.namespace == "kerberos" then -- a small number is Kerberos only when asked
        assert.are.equal(e, logonerr.lookup(e.code, "kerberos"))
        assert.are.equal(e, logonerr.lookup(e.hex, "kerberos"))
      else
        assert.are.equal(e, logonerr.lookup(e.code))
        assert.are.equal(e, logonerr.lookup(e.hex))
        assert.are.equal(e, logonerr.lookup(e.hresult))
      end
      if e.namespace == "ntstatus" then
        assert.are.equal(e, logonerr.lookup(e.code - 4294967296))
        assert.are.equal(e, logonerr.lookup(("%08X"):format(e.code)))
      end
    end
  end)

  it("gives the same answer from its fast table as from the parser", function()
    -- lookup(x) reads a table of usual spellings first; lookup(x, nil)
    -- always parses.  Both must agree on every spelling of every code.
    for _, e in ipairs(logonerr.errors) do
      local forms = { e.name, e.name:lower(), e.code, e.hex, e.hex:lower(),
                      e.code - 4294967296 }
      if e.hresult then -- Kerberos entries have none
        local more = { e.hresult, ("0x%X"):format(e.hresult), e.hresult - 4294967296 }
        for _, x in ipairs(more) do forms[#forms + 1] = x end
      end
      for _, x in ipairs(forms) do
        local a, b = logonerr.lookup(x), logonerr.lookup(x, nil)
        assert.are.equal(b, a, e.name .. " as " .. tostring(x))
      end
    end
  end)

  it("does not allocate for a successful lookup", function()
    local lookup = logonerr.lookup
    local bare = ("c%07x"):format(0x6D) -- lower case, not a literal
    local function burst()
      for _ = 1, 10000 do
        lookup(1366); lookup("0x556"); lookup("0xC000006D"); lookup(-1073741715)
        lookup("ERROR_LOGON_SESSION_COLLISION"); lookup("error_logon_session_collision")
        lookup(bare)
      end
    end
    local grown = require("support.heap")(burst)
    assert.is_true(grown < 1, ("lookups allocated %.1f KB"):format(grown))
  end)
end)
