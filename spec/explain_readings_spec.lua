-- Review finding: the command fell back to another reading than lookup's
-- without saying so: `explain 0x18` printed KDC_ERR_PREAUTH_FAILED as if
-- 0x18 were a Kerberos code, `explain 556` printed 0x556, and `explain 0`
-- (a 4625's Sub Status 0x0) printed KDC_ERR_NONE.  SPEC: a bare small
-- number is Kerberos only when asked, hex without 0x only where it cannot
-- be decimal.  Values come from krb5.h and the SDK headers.
local sdk = require "support.sdk"
local run = require "support.run"
local json = require "dkjson"

local S = sdk.symbols()
local KRB = sdk.krb5()

local function plain(s) return (s:gsub("%p", "%%%0")) end

describe("explain, when it falls back to another reading", function()
  local preauth = ("0x%X"):format(KRB.KRB5KDC_ERR_PREAUTH_FAILED)       -- 0x18
  local collision = ("%X"):format(S.ERROR_LOGON_SESSION_COLLISION)      -- 556

  it("says that a bare hex number was read as Kerberos", function()
    local code, out = run.command("explain " .. preauth)
    assert.are.equal(0, code)
    local note = out:find("Note: " .. preauth .. " read as Kerberos " .. preauth, 1, true)
    local entry = out:find("KDC_ERR_PREAUTH_FAILED (" .. preauth, 1, true)
    assert.is_truthy(note, out)
    assert.is_truthy(entry)
    assert.is_true(note < entry, "the note comes first")
    assert.matches("no Win32, NTSTATUS or HRESULT error", out, 1, true)
  end)

  it("says it in json and, with -f line, on stderr only", function()
    local code, out = run.command("-f json " .. preauth)
    assert.are.equal(0, code)
    local v = json.decode(out)[1]
    assert.are.equal("KDC_ERR_PREAUTH_FAILED", v.name)
    assert.matches("read as Kerberos " .. preauth, v.reading_note, 1, true)
    local err
    code, out, err = run.command("-f line " .. preauth)
    assert.are.equal(0, code)
    assert.matches("^KDC_ERR_PREAUTH_FAILED %(" .. preauth .. "%): [^\n]*\n$", out)
    assert.matches("note: " .. preauth .. " read as Kerberos", err, 1, true)
  end)

  it("says that a decimal-looking number was read as hex", function()
    local code, out = run.command("explain " .. collision)
    assert.are.equal(0, code)
    assert.matches("Note: " .. collision .. " read as hex 0x" .. collision ..
                   ": no decimal " .. collision .. " is in the catalogue", out, 1, true)
    assert.matches("ERROR_LOGON_SESSION_COLLISION (" .. S.ERROR_LOGON_SESSION_COLLISION,
                   out, 1, true)
  end)

  it("says that 0 is success, not a Kerberos error, in every form", function()
    assert.are.equal(0, S.ERROR_SUCCESS or sdk.define("ERROR_SUCCESS"))
    assert.are.equal(0, S.STATUS_SUCCESS)
    for _, zero in ipairs({ "0", "0x0", "0x00000000" }) do
      local code, out = run.command("explain " .. zero)
      assert.are.equal(0, code, zero)
      local note = out:find("Note: " .. zero .. " is success, not an error: ERROR_SUCCESS", 1, true)
      assert.is_truthy(note, out)
      assert.matches("STATUS_SUCCESS", out, 1, true)
      assert.is_true(note < out:find("KDC_ERR_NONE", 1, true))
      local v = json.decode((select(2, run.command("-f json " .. zero))))[1]
      assert.matches("ERROR_SUCCESS", v.reading_note, 1, true)
    end
  end)

  it("says that 0 is success when a namespace has no 0 (exit 1)", function()
    local code, out, err = run.command("-n ntstatus 0x0")
    assert.are.equal(1, code)
    assert.are.equal("", out)
    assert.matches("0 is success (ERROR_SUCCESS, STATUS_SUCCESS, S_OK)", err, 1, true)
  end)

  it("adds no note to a plain reading", function()
    for _, x in ipairs({ tostring(S.ERROR_LOGON_FAILURE), "5", "0xC000006A" }) do
      local code, out, err = run.command("explain " .. x)
      assert.are.equal(0, code)
      assert.is_nil(out:find("Note:", 1, true), x)
      assert.are.equal("", err)
      local v = json.decode((select(2, run.command("-f json " .. x))))
      for _, r in ipairs(v) do assert.is_nil(r.reading_note, x) end
    end
    -- Asked for with -n kerberos, 0x18 is no fallback either.
    local _, out = run.command("-n kerberos " .. preauth)
    assert.is_nil(out:find("Note:", 1, true))
  end)

  it("says so for --sources too", function()
    local _, out = run.command("--sources " .. preauth)
    assert.matches("^Note: " .. plain(preauth) .. " read as Kerberos", out)
  end)
end)

describe("the forms of 0", function()
  -- Wine's RtlNtStatusToDosError maps STATUS_UNFINISHED_CONTEXT_DELETED to
  -- SEC_E_UNFINISHED_CONTEXT_DELETED (doc/data.md), not to ERROR_SUCCESS;
  -- the catalogue's "maps to no Win32 code" must not read as "maps to 0".
  it("name no NTSTATUS counterpart for Win32 0", function()
    local logonerr = require "logonerr"
    assert.are.same({}, logonerr.forms("0").counterparts)
    local code, out = run.command("--forms 0")
    assert.are.equal(0, code)
    assert.matches("\nntstatus%s+%(none%)\n", out)
    assert.is_nil(out:find("STATUS_UNFINISHED_CONTEXT_DELETED", 1, true))
  end)
end)
