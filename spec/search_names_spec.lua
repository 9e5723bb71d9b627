-- Review finding: search did not find an entry by its own name or number
-- (search ERROR_ACCOUNT_LOCKED_OUT found nothing; search 0xC000006A found
-- seven other entries).  Names and values come from the SDK headers and
-- MIT's krb5.h, not from the catalogue; the entry itself must come first.
local logonerr = require "logonerr"
local sdk = require "support.sdk"
local run = require "support.run"

local S = sdk.symbols()
local KRB = sdk.krb5()

describe("search by an entry's own name or number", function()
  -- Codes a user pastes from a header, with the spellings users type.
  local cases = {
    { "ERROR_ACCOUNT_LOCKED_OUT", S.ERROR_ACCOUNT_LOCKED_OUT },
    { "STATUS_WRONG_PASSWORD", S.STATUS_WRONG_PASSWORD },
    { "STATUS_LOGON_FAILURE", S.STATUS_LOGON_FAILURE },
    { "ERROR_LOGON_SESSION_COLLISION", S.ERROR_LOGON_SESSION_COLLISION },
    { "SEC_E_LOGON_DENIED", sdk.define("SEC_E_LOGON_DENIED") },
    { "KDC_ERR_PREAUTH_FAILED", KRB.KRB5KDC_ERR_PREAUTH_FAILED },
  }

  local function first(...)
    local found = logonerr.search(...)
    return found[1] and found[1].name, #found
  end

  -- Words that look like numbers and are not the catalogue's: more hex
  -- digits than 32 bits hold, a decimal past 4294967295, hex digits in a
  -- decimal; an upper-case 0X is the same number.
  it("reads a word as a number only where it is one", function()
    local wrong = S.STATUS_WRONG_PASSWORD
    assert.are.equal("STATUS_WRONG_PASSWORD", (first(("0X%X"):format(wrong))))
    for _, w in ipairs({ ("0x1%X"):format(wrong), "4294967296", "99999999999", "1326a",
                         "0xZ" }) do
      for _, e in ipairs(logonerr.search(w)) do
        assert.is_true(e.code ~= wrong and e.code ~= 1326, w .. " named " .. e.name)
      end
    end
  end)

  for _, c in ipairs(cases) do
    local name, value = c[1], c[2]
    it("finds " .. name .. " first by its name, in any case", function()
      assert.is_number(value, name .. " in the headers")
      assert.are.equal(name, (first(name)))
      assert.are.equal(name, (first(name:lower())))
    end)
    it("finds " .. name .. " first by its hex, in any case and padded", function()
      local hex = ("0x%X"):format(value)
      assert.are.equal(name, (first(hex)))
      assert.are.equal(name, (first(hex:lower())))
      assert.are.equal(name, (first(("0x%08X"):format(value))))
    end)
  end

  it("finds a Win32 error first by its decimal code", function()
    assert.are.equal("ERROR_ACCOUNT_LOCKED_OUT",
                     (first(tostring(S.ERROR_ACCOUNT_LOCKED_OUT))))
  end)

  it("finds MIT's spelling of a Kerberos code", function()
    assert.are.equal("KDC_ERR_PREAUTH_FAILED", (first("KRB5KDC_ERR_PREAUTH_FAILED")))
  end)

  -- Is e listed before any entry that the word does not name?  (0x5 is
  -- both ERROR_ACCESS_DENIED and a Kerberos code: both lead.)
  local function leads(word, e, same)
    for _, r in ipairs(logonerr.search(word)) do
      if r == e then return true end
      if not same(r) then return false end
    end
    return false
  end

  it("finds every catalogued entry first by its name and by its hex", function()
    local miss = {}
    for _, e in ipairs(logonerr.errors) do
      local value = S[e.name] or KRB[(e.aliases or {})[1]] or sdk.define(e.name)
      if value == nil and e.namespace == "kerberos" then value = e.code end
      local hex = ("0x%X"):format(value)
      if not leads(e.name, e, function() return false end) then miss[#miss + 1] = e.name end
      if not leads(hex, e, function(r) return r.hex == hex end) then
        miss[#miss + 1] = hex
      end
    end
    assert.are.same({}, miss)
  end)

  it("still lists the entries that mention the code after the entry", function()
    local found = logonerr.search(("0x%X"):format(S.STATUS_WRONG_PASSWORD))
    assert.are.equal("STATUS_WRONG_PASSWORD", found[1].name)
    assert.is_true(#found > 1)
  end)

  it("does not read a longer or different number as the code", function()
    -- 0xC000006A0 is not 0xC000006A; nothing mentions it.
    local found = logonerr.search(("0x%X0"):format(S.STATUS_WRONG_PASSWORD))
    assert.are.same({}, found)
  end)

  it("finds the entry from the command, first", function()
    local code, out = run.command("search ERROR_ACCOUNT_LOCKED_OUT")
    assert.are.equal(0, code)
    assert.matches("^ERROR_ACCOUNT_LOCKED_OUT %(" .. S.ERROR_ACCOUNT_LOCKED_OUT, out)
    code, out = run.command("search 0xc000006a")
    assert.are.equal(0, code)
    assert.matches("^STATUS_WRONG_PASSWORD ", out)
  end)

  -- Bad input: no words at all is a usage error, not a search for nothing.
  it("refuses a search with no words", function()
    run.refused("search ''", "no words given", true)
    run.refused("search '   '", "no words given", true)
  end)
end)
