-- Issue 23, Kerberos and SSPI (HRESULT) entries: the errors a reviewer
-- confirmed, the claims that could not be verified, the additions, and
-- the sources every entry names.  Each test reads the entry as a reviewer
-- would: the facts come from MS-KILE, Microsoft's event pages for 4768,
-- 4769 and 4771, and the Test-ComputerSecureChannel page (see
-- doc/sources-kerberos-hresult.md).  Addresses and Microsoft's texts are
-- kept whole:
-- luacheck: no max line length
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

-- The sources themselves, as lookup, the command and the reports show them.
local run = require("support.run")
local json = require("dkjson")

local function has_cover(src, field)
  for _, f in ipairs(src.covers) do
    if f == field then return true end
  end
  return false
end

-- The sources of e that back field.
local function backing(e, field)
  local out = {}
  for _, src in ipairs(e.sources) do
    if has_cover(src, field) then out[#out + 1] = src end
  end
  return out
end

-- The Kerberos codes MIT's krb5.h names KRB5PLACEHOLD_n (no text).
local PLACEHOLDERS = {}
for name, n in pairs(require("support.sdk").krb5()) do
  if name:match("^KRB5PLACEHOLD_") then PLACEHOLDERS[n] = true end
end

describe("the sources of the Kerberos and SSPI entries", function()
  it("name every entry's name, code and message, and some of its knowledge", function()
    local fields = {}
    for _, f in ipairs(logonerr.source_fields) do fields[f] = true end
    local n = 0
    for _, e in ipairs(logonerr.errors) do
      if e.namespace == "kerberos" or e.namespace == "hresult" then
        n = n + 1
        for _, f in ipairs({ "name", "code", "message" }) do
          -- A code krb5.h only holds a place for has no official text: its
          -- message is this project's, and the reports say so.
          if f == "message" and e.namespace == "kerberos" and
             PLACEHOLDERS[e.code] and #backing(e, f) == 0 then
            assert.are.equal("message", require("logonerr.report").uncited(e)[1], e.name)
          else
            assert.is_true(#backing(e, f) > 0, e.name .. ": nothing backs its " .. f)
          end
        end
        assert.is_true(#backing(e, "summary") + #backing(e, "causes") + #backing(e, "resolution") > 0,
                       e.name .. ": nothing backs its knowledge")
        for _, src in ipairs(e.sources) do
          assert.is_string(src.title)
          assert.is_true((src.url == nil) ~= (src.ref == nil), e.name .. ": " .. src.title)
          if src.url then assert.matches("^https?://[%w.-]+/%S*$", src.url) end
          for _, f in ipairs(src.covers) do assert.is_true(fields[f], e.name .. ": covers " .. f) end
        end
      end
    end
    assert.is_true(n >= 108, "only " .. n .. " Kerberos and SSPI entries")
  end)

  it("are read-only, like the rest of an entry", function()
    local e = entry("KDC_ERR_POLICY")
    assert.has_error(function() e.sources[1].title = "x" end)
    -- Lua 5.1 and LuaJIT ignore __len, so there lists are plain tables, as
    -- an entry's other lists are (api_spec.lua).
    if #setmetatable({}, { __len = function() return 1 end }) == 1 then
      assert.has_error(function() e.sources[1] = {} end)
      assert.has_error(function() e.sources[1].covers[1] = "x" end)
    end
  end)

  it("cite MS-KILE 3.3.5.6.4.1 for the logon hours of 0x12 and Microsoft's 4771 page for the PKINIT fields", function()
    local function cites(e, text, field)
      for _, src in ipairs(backing(e, field)) do
        if src.title:find(text, 1, true) then return true end
      end
      return false
    end
    assert.is_true(cites(entry("KDC_ERR_CLIENT_REVOKED"), "MS-KILE 3.3.5.6.4.1", "causes"))
    assert.is_true(cites(entry("KDC_ERR_POLICY"), "MS-KILE 3.3.5.6.4.1", "faq"))
    for _, name in ipairs({ "KDC_ERR_CLIENT_NOT_TRUSTED", "KDC_ERR_INVALID_SIG", "KDC_ERR_CERTIFICATE_MISMATCH",
                            "KDC_ERR_CANT_VERIFY_CERTIFICATE", "KDC_ERR_INVALID_CERTIFICATE",
                            "KDC_ERR_INCONSISTENT_KEY_PURPOSE" }) do
      assert.is_true(cites(entry(name), "4771(F)", "diagnosis"), name)
    end
    assert.is_true(cites(entry("SEC_E_ILLEGAL_MESSAGE"), "Schannel error codes for TLS and SSL alerts", "causes"))
  end)

  it("carry MIT's text where they cite MIT's error table for the message", function()
    -- What krb5_get_error_message prints for each protocol code, from the
    -- installed library (libkrb5-dev), not from a list typed here.
    local src = os.tmpname() .. ".c"
    local exe = os.tmpname()
    local f = assert(io.open(src, "wb"))
    f:write([[
#include <stdio.h>
#include <krb5.h>
int main(void) {
  krb5_context c;
  long i;
  if (krb5_init_context(&c)) return 1;
  for (i = 0; i < 128; i++)
    printf("%ld\t%s\n", i, krb5_get_error_message(c, (krb5_error_code)(ERROR_TABLE_BASE_krb5 + i)));
  return 0;
}
]])
    f:close()
    local cc = os.getenv("CC") or "cc"
    assert.is_true(run.ok(run.PLAIN .. cc .. " -o " .. exe .. " " .. src .. " -lkrb5"), "cannot build against libkrb5")
    local p = io.popen(run.PLAIN .. exe)
    local mit = {}
    for line in p:lines() do
      local n, text = line:match("^(%d+)\t(.*)$")
      mit[tonumber(n)] = text
    end
    p:close()
    os.remove(src)
    os.remove(exe)
    local checked = 0
    for _, e in ipairs(logonerr.errors) do
      if e.namespace == "kerberos" then
        for _, s in ipairs(backing(e, "message")) do
          if s.ref == "krb5.h" then
            checked = checked + 1
            assert.are.equal(mit[e.code], e.message, e.name)
          end
        end
      end
    end
    assert.is_true(checked >= 20, "only " .. checked .. " messages cite MIT")
    assert.are.equal("Client not trusted", entry("KDC_ERR_CLIENT_NOT_TRUSTED").message)
  end)

  it("are printed by logonerr --sources, in text, markdown and json", function()
    local code, out = run.command("--sources KDC_ERR_CLIENT_REVOKED")
    assert.are.equal(0, code)
    assert.matches("KDC_ERR_CLIENT_REVOKED", out, 1, true)
    assert.matches("MS-KILE 3.3.5.6.4.1", out, 1, true)
    assert.matches("https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-kile/", out, 1, true)
    assert.matches("(for summary, causes)", out, 1, true)
    local _, md = run.command("--sources -f markdown -n kerberos 0x12")
    -- logonerr.escape writes "://" as "\://" (GFM would autolink it);
    -- CommonMark reads the escaped colon in a link as a plain one.
    assert.matches("%- %[MS%-KILE 3%.3%.5%.6%.4%.1 [^%]]*%]%(https\\?://learn%.microsoft%.com/", md)
    local _, js = run.command("--sources -f json SEC_E_TARGET_UNKNOWN 0x80090326")
    local t = json.decode(js)
    assert.are.equal(2, #t)
    assert.are.equal("SEC_E_TARGET_UNKNOWN", t[1].name)
    assert.are.equal("SEC_E_ILLEGAL_MESSAGE", t[2].name)
    assert.are.equal("winerror.h", t[1].sources[1].ref)
    assert.are.same({ "name", "code" }, t[1].sources[1].covers)
  end)

  -- --sources reads a code as explaining it does: 0x12 with no -n is the
  -- Kerberos code (RFC 4120 7.5.9), as `logonerr 0x12` reads it.
  it("are printed for a code read as explain reads it, with no -n", function()
    local _, line = run.command("-f line 0x12")
    assert.matches("^KDC_ERR_CLIENT_REVOKED", line)
    local code, md, err = run.command("--sources 0x12 -f markdown")
    assert.are.equal(0, code, err)
    assert.are.equal("", err)
    assert.matches("KDC_ERR_CLIENT_REVOKED", md, 1, true)
    assert.matches("RFC 4120", md, 1, true)
    local js
    code, js = run.command("--sources -f json 0x12")
    assert.are.equal(0, code)
    local t = json.decode(js)
    assert.are.equal("KDC_ERR_CLIENT_REVOKED", t[1].name)
    assert.are.equal("0x12", t[1].input)
  end)

  it("are refused with an unknown code like any other lookup", function()
    local code, out, err = run.command("--sources ERROR_NOT_A_NAME")
    assert.are.equal(1, code)
    assert.are.equal("", out)
    assert.matches("ERROR_NOT_A_NAME", err, 1, true)
    local c2, _, e2 = run.command("--sources --forms 0x12")
    assert.are.equal(2, c2)
    assert.matches("--sources", e2, 1, true)
  end)

  -- A knowledge list no source covers is this project's own advice, and
  -- the reports say so; the expectation is read from each entry's sources.
  it("mark in the explain reports each list that no source covers", function()
    local report = require "logonerr.report"
    local HEAD = { causes = "Causes", symptoms = "Symptoms", diagnosis = "What to check",
                   resolution = "What to do", prevention = "Prevention" }
    local NOTE = "(this project's advice; no cited source)"
    local marked, clean = 0, 0
    for _, e in ipairs(logonerr.errors) do
      local covered = {}
      for _, src in ipairs(e.sources or {}) do
        for _, f in ipairs(src.covers) do covered[f] = true end
      end
      local want = {}
      if not covered.message then want[1] = "message" end
      for f in pairs(HEAD) do
        if #(e[f] or {}) > 0 and not covered[f] then want[#want + 1] = f end
      end
      table.sort(want)
      local got = json.decode(report.explain(e, "json")).uncited
      table.sort(got)
      assert.are.same(want, got, e.name)
      local text, md = report.explain(e, "text"), report.explain(e, "markdown")
      for f, head in pairs(HEAD) do
        if #(e[f] or {}) > 0 then
          local noted = not covered[f]
          assert.are.equal(noted, text:find("\n" .. head .. ": " .. NOTE .. "\n", 1, true) ~= nil,
                           e.name .. " " .. f)
          assert.are.equal(noted, md:find("\n### " .. head .. " " .. NOTE .. "\n", 1, true) ~= nil,
                           e.name .. " " .. f)
          if noted then marked = marked + 1 else clean = clean + 1 end
        end
      end
    end
    assert.is_true(marked > 0 and clean > 0)
  end)

  it("appear in the explain reports: markdown, text and json", function()
    local report = require "logonerr.report"
    local md = report.explain("KDC_ERR_CLIENT_REVOKED", "markdown")
    assert.matches("### Sources", md, 1, true)
    assert.matches("RFC 4120 section 7.5.9 (Error Codes) (RFC 4120 7.5.9): name, code, message", md, 1, true)
    local text = report.explain("SEC_E_ILLEGAL_MESSAGE", "text")
    assert.matches("Sources:", text, 1, true)
    assert.matches("https://learn.microsoft.com/en-us/windows/win32/secauthn/schannel-error-codes-for-tls-and-ssl-alerts", text, 1, true)
    local v = json.decode(report.explain("KDC_ERR_POLICY", "json"))
    assert.is_true(#v.sources >= 3)
    assert.are.same({ "name", "code", "message" }, v.sources[1].covers)
    assert.is_nil(v.sources[1].fields) -- the templates' joined string stays out of JSON
  end)
end)
