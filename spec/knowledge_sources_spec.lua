-- Issue 23, Kerberos and SSPI (HRESULT) entries: the errors a reviewer
-- confirmed, the claims that could not be verified, the additions, and
-- the sources every entry names.  Each test reads the entry as a reviewer
-- would: the facts come from MS-KILE, Microsoft's event pages for 4768,
-- 4769 and 4771, and the Test-ComputerSecureChannel page (see
-- doc/sources-kerberos-hresult.md).
local logonerr = require "logonerr"
local K = require "support.knowledge"

local function entry(name)
  return assert(logonerr.by_name[name], name .. " is not catalogued")
end

-- Every sentence of the entry, one string each.
local texts = K.texts

local function any(e, pattern)
  for _, s in ipairs(texts(e)) do
    if s:find(pattern) then return s end
  end
end

local function list_has(list, pattern)
  for _, s in ipairs(list or {}) do
    if s:find(pattern) then return s end
  end
end

describe("Kerberos knowledge checked against its sources", function()
  it("gives logon hours to 0x12, not to 0xC (MS-KILE 3.3.5.6.4.1)", function()
    local policy, revoked = entry("KDC_ERR_POLICY"), entry("KDC_ERR_CLIENT_REVOKED")
    assert.is_nil(list_has(policy.causes, "[Ll]ogon hours"), "0xC still gives logon hours as a cause")
    assert.is_nil(list_has(policy.resolution, "[Ll]ogon hours"), "0xC still widens logon hours")
    assert.is_truthy(list_has(revoked.causes, "logon hours"), "0x12 does not give logon hours")
    assert.is_truthy(revoked.summary:find("logon hours", 1, true))
    assert.is_true(K.names(revoked.related).STATUS_INVALID_LOGON_HOURS ~= nil)
    assert.is_nil(K.names(policy.related).STATUS_INVALID_LOGON_HOURS)
    -- 0xC's FAQ now agrees with 0x12 on which code logon hours give
    for _, qa in ipairs(policy.faq) do
      local a = qa.answer
      if a:find("0x12", 1, true) then
        assert.is_truthy(a:find("logon hours", 1, true), a)
      end
    end
  end)

  it("sends PKINIT readers to 4768 for the certificate fields, which 4771 leaves empty", function()
    for _, name in ipairs({ "KDC_ERR_CLIENT_NOT_TRUSTED", "KDC_ERR_INVALID_SIG",
                            "KDC_ERR_CERTIFICATE_MISMATCH", "KDC_ERR_CANT_VERIFY_CERTIFICATE",
                            "KDC_ERR_INVALID_CERTIFICATE", "KDC_ERR_INCONSISTENT_KEY_PURPOSE" }) do
      local e = entry(name)
      local s = list_has(e.diagnosis, "Certificate")
      assert.is_truthy(s, name .. " names no certificate field")
      assert.is_truthy(s:find("event 4768", 1, true), name .. ": " .. s)
      assert.is_nil(s:find("In event 4771", 1, true), name .. ": " .. s)
      assert.is_nil(s:find("4768 or 4771", 1, true), name .. ": " .. s)
    end
    -- 0x10 is logged in 4771 only, so its certificate fields are not there to read
    local padata = entry("KDC_ERR_PADATA_TYPE_NOSUPP")
    for _, s in ipairs(padata.diagnosis) do
      if s:find("4771", 1, true) and s:find("[Cc]ertificate") then
        assert.is_truthy(s:find("always empty", 1, true), s)
      end
    end
  end)

  it("calls 4769's field Failure Code, leaving Result Code to 4768", function()
    for _, name in ipairs({ "SEC_E_TARGET_UNKNOWN", "SEC_E_NO_TGT_REPLY", "SEC_E_KDC_UNKNOWN_ETYPE",
                            "SEC_E_NO_KERB_KEY", "KDC_ERR_NONE" }) do
      local e = entry(name)
      for _, s in ipairs(texts(e)) do
        -- "4769 ... Result Code" with no 4768 between them
        local at = s:find("4769", 1, true)
        if at then
          local rest = s:sub(at)
          local rc = rest:find("Result Code", 1, true)
          if rc then
            assert.is_truthy(rest:sub(1, rc):find("4768", 1, true), name .. ": " .. s)
          end
        end
      end
      assert.is_truthy(any(e, "Failure Code"), name .. " never names 4769's Failure Code")
    end
  end)

  it("looks for Netlogon 5722 on the domain controller, not on the target", function()
    local e = entry("SEC_E_NO_AUTHENTICATING_AUTHORITY")
    local s = list_has(e.diagnosis, "5722")
    assert.is_truthy(s)
    assert.is_truthy(s:find("domain controller", 1, true), s)
    assert.is_nil(s:find("events 5719 and 5722 in the target", 1, true), s)
  end)

  it("no longer says a CNAME is resolved before the SPN is built; it registers the alias", function()
    local e = entry("SEC_E_TARGET_UNKNOWN")
    assert.is_nil(any(e, "CNAME is resolved to the host name"))
    assert.is_truthy(list_has(e.resolution, "netdom computername"))
    assert.is_truthy(list_has(e.resolution, "alias"))
  end)

  it("keeps Test-ComputerSecureChannel off domain controllers", function()
    for _, name in ipairs({ "KDC_ERR_PREAUTH_FAILED", "KRB_AP_ERR_MODIFIED",
                            "SEC_E_NO_AUTHENTICATING_AUTHORITY" }) do
      local e = entry(name)
      local n = 0
      for _, s in ipairs(texts(e)) do
        if s:find("Test-ComputerSecureChannel", 1, true) then
          n = n + 1
          assert.is_truthy(s:find("domain controller", 1, true) or s:find("member", 1, true),
                           name .. ": " .. s)
        end
      end
      assert.is_true(n > 0, name .. " no longer advises the cmdlet at all")
    end
  end)

  it("softens the claims nobody could verify", function()
    -- 0x1F: no source says krbtgt or trust keys are the usual cause
    assert.is_nil(entry("KRB_AP_ERR_BAD_INTEGRITY").summary:find("usually", 1, true))
    -- 0x44: Microsoft lists it for 4768, but a failed 4768 is not confirmed
    local realm = entry("KDC_ERR_WRONG_REALM")
    assert.is_nil(list_has(realm.symptoms, "^Event 4768 failures with Result Code 0x44"))
    -- 0x17: Microsoft documents it in 4771; its 4768 page disagrees with itself
    local expired = entry("KDC_ERR_KEY_EXPIRED")
    assert.is_nil(expired.summary:find("code 0x17 in event 4768 or 4771", 1, true))
    assert.is_truthy(expired.summary:find("4771", 1, true))
    -- SEC_E_NO_CREDENTIALS as 1312: marked as unconfirmed
    local nocred = entry("SEC_E_NO_CREDENTIALS")
    assert.is_nil(nocred.summary:find("Windows reports it as ERROR_NO_SUCH_LOGON_SESSION", 1, true))
    assert.is_truthy(nocred.summary:find("confirm", 1, true))
  end)

  it("catalogues the Schannel errors behind System events 36874, 36887 and 36888", function()
    local winerror = require("support.sdk").MINGW .. "winerror.h"
    local f = assert(io.open(winerror, "rb"))
    local h = f:read("*a")
    f:close()
    -- The TLS alerts Microsoft's "Schannel error codes for TLS and SSL
    -- alerts" maps to each code.
    local ALERTS = { SEC_E_ILLEGAL_MESSAGE = { "40", "10", "50" },
                     SEC_E_CERT_UNKNOWN = { "42", "43", "46" },
                     SEC_E_DECRYPT_FAILURE = { "21", "51" } }
    local events = {}
    for name, alerts in pairs(ALERTS) do
      local e = entry(name)
      local v = h:match("#define%s+" .. name .. "%s+_HRESULT_TYPEDEF_%(0x(%x+)L?%)")
      assert.are.equal(tonumber(v, 16), e.code, name)
      for _, a in ipairs(alerts) do
        assert.is_truthy(any(e, "%f[%d]" .. a .. "%f[%D]"), name .. " does not name TLS alert " .. a)
      end
      for _, id in ipairs({ "36874", "36887", "36888" }) do
        if any(e, id) then events[id] = true end
      end
    end
    assert.are.same({ ["36874"] = true, ["36887"] = true, ["36888"] = true }, events)
  end)

  it("explains the Kerberos extended error that splits 0x12 and 0xC", function()
    for name, status in pairs({ KDC_ERR_CLIENT_REVOKED = "STATUS_INVALID_LOGON_HOURS",
                                KDC_ERR_POLICY = "0xC0000413" }) do
      local e = entry(name)
      local s = any(e, "[Ee]xtended [Ee]rror")
      assert.is_truthy(s, name .. " says nothing of the extended error")
      assert.is_truthy(any(e, "Security%-Kerberos event 3"), name)
      assert.is_truthy(any(e, "e%-data"), name .. " does not say where a capture shows it")
      assert.is_truthy(any(e, status), name .. " does not name " .. status)
    end
  end)
end)
