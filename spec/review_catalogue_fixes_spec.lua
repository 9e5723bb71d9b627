-- Review of the catalogue: claims and links that were wrong, read from the
-- entries the way an administrator reads them.  Entries are found by the
-- values the SDK headers and MIT's krb5.h give (not by the catalogue's own
-- names), and each expectation names where it comes from.
local logonerr = require "logonerr"
local report = require "logonerr.report"
local json = require "dkjson"
local sdk = require "support.sdk"
local K = require "support.knowledge"

local S = sdk.symbols()
local KRB = sdk.krb5()

local function win32(name) return assert(logonerr.lookup(S[name], "win32"), name) end
local function nt(name) return assert(logonerr.lookup(S[name], "ntstatus"), name) end

-- The codes of e's related entries in one namespace.
local function related_codes(e, namespace)
  local t = {}
  for _, r in ipairs(e.related or {}) do
    if r.namespace == namespace then t[r.code] = true end
  end
  return t
end

local function sentences_with(e, word)
  local out = {}
  for _, s in ipairs(K.texts(e)) do
    if s:find(word, 1, true) then out[#out + 1] = s end
  end
  return out
end

describe("review of the catalogue", function()
  it("does not blame a client edition's connection limit for 1220", function()
    -- A computer that accepts no more connections gives error 71
    -- (winerror.h ERROR_REQ_NOT_ACCEP; its message in System Error Codes
    -- 0-499 says so), not ERROR_REMOTE_SESSION_LIMIT_EXCEEDED.
    local e = win32("ERROR_REMOTE_SESSION_LIMIT_EXCEEDED")
    assert.are.equal(1220, S.ERROR_REMOTE_SESSION_LIMIT_EXCEEDED)
    for _, f in ipairs({ "causes", "resolution" }) do
      for _, s in ipairs(e[f]) do
        assert.is_nil(s:lower():find("edition", 1, true), s)
      end
    end
    for _, s in ipairs(e.diagnosis) do
      if s:lower():find("edition", 1, true) then
        assert.matches("%f[%d]" .. S.ERROR_REQ_NOT_ACCEP .. "%f[%D]", s)
      end
    end
    local cited = false
    for _, src in ipairs(e.sources) do
      for _, f in ipairs(src.covers) do cited = cited or f == "diagnosis" end
    end
    assert.is_true(cited, "the diagnosis names its source")
  end)

  it("relates logon hours to KDC_ERR_CLIENT_REVOKED, not KDC_ERR_POLICY", function()
    -- MS-KILE 3.3.5.6.4.1: an account outside its logon hours gets
    -- KDC_ERR_CLIENT_REVOKED (krb5.h: 18), not KDC_ERR_POLICY (12).
    local k = related_codes(nt("STATUS_INVALID_LOGON_HOURS"), "kerberos")
    assert.is_true(k[KRB.KRB5KDC_ERR_CLIENT_REVOKED])
    assert.is_nil(k[KRB.KRB5KDC_ERR_POLICY])
  end)

  it("drops related errors kept from the seeds that are not related", function()
    local function none_of(e, namespace, names)
      local codes = related_codes(e, namespace)
      for _, n in ipairs(names) do
        assert.is_nil(codes[S[n]], e.name .. " -> " .. n)
      end
    end
    none_of(win32("ERROR_LOGON_SESSION_COLLISION"), "win32",
            { "ERROR_TOO_MANY_SECRETS", "ERROR_LOGON_FAILURE", "ERROR_INVALID_PARAMETER" })
    none_of(win32("ERROR_LOGON_SESSION_EXISTS"), "win32",
            { "ERROR_LOGON_FAILURE", "ERROR_INVALID_PARAMETER" })
    none_of(win32("ERROR_NO_SUCH_LOGON_SESSION"), "win32",
            { "ERROR_INVALID_PARAMETER", "ERROR_BAD_ARGUMENTS",
              "ERROR_SESSION_CREDENTIAL_CONFLICT" })
    none_of(nt("STATUS_NO_SECRETS"), "ntstatus", { "STATUS_TOO_MANY_SECRETS" })
    none_of(win32("ERROR_TIME_SKEW"), "win32", { "ERROR_NTLM_BLOCKED" })
    -- What stays is the same failure elsewhere: the skew on the NTLM side.
    local skew = related_codes(win32("ERROR_TIME_SKEW"), "ntstatus")
    assert.is_true(skew[S.STATUS_TIME_DIFFERENCE_AT_DC])
  end)

  it("does not claim SEC_E_MUTUAL_AUTH_FAILED is reported as 1397", function()
    local e = assert(logonerr.lookup(sdk.define("SEC_E_MUTUAL_AUTH_FAILED"), "hresult"))
    assert.is_nil(e.summary:find(tostring(S.ERROR_MUTUAL_AUTH_FAILED), 1, true))
    assert.are.same({}, sentences_with(e, "reports it as"))
  end)

  it("says the same, hedged, on both sides of SEC_E_NO_CREDENTIALS and 1312", function()
    local hres = assert(logonerr.lookup(sdk.define("SEC_E_NO_CREDENTIALS"), "hresult"))
    for _, e in ipairs({ win32("ERROR_NO_SUCH_LOGON_SESSION"), hres }) do
      local name = e == hres and tostring(S.ERROR_NO_SUCH_LOGON_SESSION) or
                   "SEC_E_NO_CREDENTIALS"
      for _, s in ipairs(sentences_with(e, name)) do
        assert.is_nil(s:find("maps to this code", 1, true), s)
        assert.is_nil(s:find("which Windows turns into", 1, true), s)
      end
    end
    local hedged = 0
    local e1312 = win32("ERROR_NO_SUCH_LOGON_SESSION")
    for _, s in ipairs(sentences_with(e1312, "SEC_E_NO_CREDENTIALS")) do
      if s:find("Microsoft source", 1, true) then hedged = hedged + 1 end
    end
    assert.is_true(hedged > 0)
  end)

  it("marks code 92's message as this project's wording", function()
    -- RFC 6113 assigns 92 no text; krb5.h has only a placeholder for it.
    assert.is_number(KRB.KRB5PLACEHOLD_92)
    local e = assert(logonerr.lookup(92, "kerberos"))
    for _, src in ipairs(e.sources) do
      for _, f in ipairs(src.covers) do assert.are_not.equal("message", f, src.title) end
    end
    local NOTE = "(this project's wording; no official message)"
    assert.are.equal("message", json.decode(report.explain(e, "json")).uncited[1])
    assert.matches("\n" .. e.message .. " " .. NOTE .. "\n", report.explain(e, "text"), 1, true)
    assert.matches("> " .. e.message .. " " .. NOTE .. "\n", report.explain(e, "markdown"), 1, true)
    -- An official message is not marked.
    local p = assert(logonerr.lookup(KRB.KRB5KDC_ERR_PREAUTH_FAILED, "kerberos"))
    assert.is_nil(report.explain(p, "text"):find(NOTE, 1, true))
    assert.are_not.equal("message", json.decode(report.explain(p, "json")).uncited[1])
  end)
end)
