-- A name belongs to one namespace: lookup(name, namespace) and the
-- command's -n refuse a name of another namespace than the one forced,
-- saying whose name it is and its counterparts in the namespace asked for.
-- hresult takes the Win32 and NTSTATUS names, as it reads the HRESULTs
-- that wrap them (ERROR_LOGON_FAILURE is 0x8007052E).
local logonerr = require "logonerr"
local json = require "dkjson"
local run = require("support.run").command

local NAMESPACES = { "win32", "ntstatus", "hresult", "kerberos" }

describe("lookup of a name with a namespace", function()
  it("refuses a Win32 name as NTSTATUS, naming its namespace and counterpart", function()
    local e, err = logonerr.lookup("ERROR_LOGON_FAILURE", "ntstatus")
    assert.is_nil(e)
    assert.are.equal('"ERROR_LOGON_FAILURE": a name in namespace win32, not ntstatus; ' ..
                     "its ntstatus counterpart: STATUS_LOGON_FAILURE (0xC000006D)", err)
    -- in any letter case, the input quoted as given
    e, err = logonerr.lookup("error_logon_failure", "ntstatus")
    assert.is_nil(e)
    assert.matches('^"error_logon_failure": a name in namespace win32, not ntstatus', err)
  end)

  it("names every counterpart the catalogue has, and none it lacks", function()
    local _, err = logonerr.lookup("ERROR_INVALID_PASSWORD", "ntstatus")
    assert.are.equal('"ERROR_INVALID_PASSWORD": a name in namespace win32, not ntstatus; ' ..
                     "its ntstatus counterparts: STATUS_WRONG_PASSWORD (0xC000006A), " ..
                     "STATUS_WRONG_PASSWORD_CORE (0xC0000149)", err)
    _, err = logonerr.lookup("ERROR_WRONG_PASSWORD", "ntstatus")
    assert.are.equal('"ERROR_WRONG_PASSWORD": a name in namespace win32, not ntstatus', err)
  end)

  it("refuses an NTSTATUS name, in the SDK's or Samba's spelling, as Win32", function()
    for _, name in ipairs({ "STATUS_LOGON_FAILURE", "NT_STATUS_LOGON_FAILURE" }) do
      local e, err = logonerr.lookup(name, "win32")
      assert.is_nil(e)
      assert.are.equal(('"%s": a name in namespace ntstatus, not win32; ' ..
                        "its win32 counterpart: ERROR_LOGON_FAILURE (0x52E)"):format(name), err)
      assert.are.equal(logonerr.STATUS_LOGON_FAILURE, logonerr.lookup(name, "ntstatus").code)
    end
  end)

  it("takes MIT's Kerberos names as Kerberos names only", function()
    local e = logonerr.lookup("KRB5KDC_ERR_PREAUTH_FAILED", "kerberos")
    assert.are.equal("KDC_ERR_PREAUTH_FAILED", e.name)
    for _, ns in ipairs({ "win32", "ntstatus", "hresult" }) do
      local none, err = logonerr.lookup("KRB5KDC_ERR_PREAUTH_FAILED", ns)
      assert.is_nil(none)
      assert.are.equal('"KRB5KDC_ERR_PREAUTH_FAILED": a name in namespace kerberos, not ' ..
                       ns, err)
    end
  end)

  it("reads a Win32 or NTSTATUS name as hresult: the HRESULT that wraps it", function()
    local w = logonerr.lookup("ERROR_LOGON_FAILURE", "hresult")
    assert.are.equal("ERROR_LOGON_FAILURE", w.name)
    assert.are.equal(0x8007052E, w.hresult)
    assert.are.equal(w, logonerr.lookup(0x8007052E, "hresult"))
    local n = logonerr.lookup("NT_STATUS_LOGON_FAILURE", "hresult")
    assert.are.equal("STATUS_LOGON_FAILURE", n.name)
    assert.are.equal(n, logonerr.lookup(0xD000006D, "hresult"))
    assert.are.equal("SEC_E_LOGON_DENIED", logonerr.lookup("SEC_E_LOGON_DENIED", "hresult").name)
    local none, err = logonerr.lookup("SEC_E_LOGON_DENIED", "win32")
    assert.is_nil(none)
    assert.are.equal('"SEC_E_LOGON_DENIED": a name in namespace hresult, not win32', err)
  end)

  it("takes every catalogued name in its own namespace, and only there", function()
    for _, e in ipairs(logonerr.errors) do
      for _, ns in ipairs(NAMESPACES) do
        local got, err = logonerr.lookup(e.name, ns)
        local wraps = ns == "hresult" and e.hresult ~= nil
        if ns == e.namespace or wraps then
          assert.are.equal(e, got, e.name .. " in " .. ns)
        else
          assert.is_nil(got, e.name .. " in " .. ns)
          assert.matches("a name in namespace " .. e.namespace .. ", not " .. ns, err,
                         1, true)
        end
      end
      assert.are.equal(e, logonerr.lookup(e.name))
    end
  end)

  it("leaves the rest as it was", function()
    assert.are.equal("ERROR_LOGON_FAILURE", logonerr.lookup("ERROR_LOGON_FAILURE").name)
    assert.are.equal("ERROR_LOGON_FAILURE", logonerr.lookup("ERROR_LOGON_FAILURE", nil).name)
    local e, err = logonerr.lookup("ERROR_NOPE", "ntstatus")
    assert.is_nil(e)
    assert.are.equal('"ERROR_NOPE": not a catalogued error name', err)
    e, err = logonerr.lookup(0xC000006D, "win32")
    assert.is_nil(e)
    assert.matches("not a code of that namespace", err)
    assert.are.equal("STATUS_LOGON_FAILURE", logonerr.lookup(0xC000006D, "ntstatus").name)
    assert.has_error(function() logonerr.lookup("ERROR_LOGON_FAILURE", "bogus") end)
    assert.are.equal("ERROR_LOGON_FAILURE", logonerr.forms("ERROR_LOGON_FAILURE").symbol)
    assert.are.equal(1, #logonerr.candidates("ERROR_LOGON_FAILURE"))
  end)
end)

describe("the command's -n with a name", function()
  local WHY = 'logonerr: "ERROR_LOGON_FAILURE": a name in namespace win32, not ntstatus; ' ..
              "its ntstatus counterpart: STATUS_LOGON_FAILURE (0xC000006D)\n"

  it("refuses a name of another namespace, as an unknown code (exit 1)", function()
    for _, args in ipairs({ "-n ntstatus ERROR_LOGON_FAILURE",
                            "explain -n ntstatus ERROR_LOGON_FAILURE",
                            "explain --sources -n ntstatus ERROR_LOGON_FAILURE" }) do
      local code, out, err = run(args)
      assert.are.equal(1, code, args)
      assert.are.equal("", out, args)
      assert.are.equal(WHY, err, args)
    end
  end)

  it("still explains the other codes given", function()
    local code, out, err = run("-f line -n ntstatus ERROR_LOGON_FAILURE 0xC000006D")
    assert.are.equal(1, code)
    assert.are.equal(WHY, err)
    assert.matches("^STATUS_LOGON_FAILURE %(0xC000006D%)", out)
    code, out = run("-f json -n ntstatus ERROR_LOGON_FAILURE STATUS_LOGON_FAILURE")
    assert.are.equal(1, code)
    local doc = assert(json.decode(out))
    assert.are.equal(1, #doc)
    assert.are.equal("STATUS_LOGON_FAILURE", doc[1].name)
  end)

  it("explains a Win32 name as hresult, and a name in its own namespace", function()
    local code, out, err = run("-f line -n hresult ERROR_LOGON_FAILURE")
    assert.are.equal(0, code)
    assert.are.equal("", err)
    assert.are.equal("ERROR_LOGON_FAILURE (1326, 0x52E): The user name or password is " ..
                     "incorrect.\n", out)
    code, out = run("-f line -n ntstatus NT_STATUS_LOGON_FAILURE")
    assert.are.equal(0, code)
    assert.matches("^STATUS_LOGON_FAILURE %(0xC000006D%)", out)
    code, out = run("-f line -n kerberos KRB5KDC_ERR_PREAUTH_FAILED")
    assert.are.equal(0, code)
    assert.matches("^KDC_ERR_PREAUTH_FAILED %(0x18%)", out)
  end)
end)
