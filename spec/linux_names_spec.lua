-- The names Linux tools write: Samba's NT_STATUS_X (smbclient, winbind,
-- sssd, the Samba DC) and the short result names of MIT's krb5kdc.log.
-- Values come from the SDK headers and MIT's krb5.h (spec/support/sdk.lua).
local logonerr = require "logonerr"
local sdk = require "support.sdk"
local run = require "support.run"

local symbols = sdk.symbols()

local scanning = require "support.scanning"
local found, keys, every_cut = scanning.found, scanning.keys, scanning.every_cut

local NT = { "NT_STATUS_LOGON_FAILURE", "NT_STATUS_WRONG_PASSWORD",
             "NT_STATUS_NO_SUCH_USER", "NT_STATUS_ACCOUNT_DISABLED",
             "NT_STATUS_ACCOUNT_EXPIRED", "NT_STATUS_ACCOUNT_LOCKED_OUT",
             "NT_STATUS_PASSWORD_EXPIRED" }

describe("NT_STATUS_ names", function()
  it("read as the SDK's STATUS_ names in lookup, in any case", function()
    for _, name in ipairs(NT) do
      local sdk_name = name:sub(4)
      assert.is_number(symbols[sdk_name], sdk_name .. " in the headers")
      for _, spelling in ipairs({ name, name:lower(), "  " .. name .. "\n" }) do
        local e = assert(logonerr.lookup(spelling), spelling)
        assert.are.equal(sdk_name, e.name)
        assert.are.equal(symbols[sdk_name], e.code)
        assert.are.equal("ntstatus", e.namespace)
      end
    end
  end)

  it("read the same in candidates, forms and format", function()
    local c = logonerr.candidates("NT_STATUS_WRONG_PASSWORD")
    assert.are.equal(1, #c)
    assert.are.equal("STATUS_WRONG_PASSWORD", c[1].entry.name)
    assert.are.equal("name", c[1].read_as)
    assert.are.same(logonerr.forms("STATUS_WRONG_PASSWORD"),
                    logonerr.forms("NT_STATUS_WRONG_PASSWORD"))
    assert.are.equal(logonerr.format("STATUS_LOGON_FAILURE"),
                     logonerr.format("nt_status_logon_failure"))
  end)

  it("that are not catalogued, or only half a prefix, are not found", function()
    for _, bad in ipairs({ "NT_STATUS_", "NT_STATUS_NOT_A_CODE_AT_ALL", "NT_ERROR_LOGON_FAILURE",
                           "NT_LOGON_FAILURE", "NTSTATUS_LOGON_FAILURE",
                           "NT_NT_STATUS_LOGON_FAILURE" }) do
      local e, msg = logonerr.lookup(bad)
      assert.is_nil(e, bad)
      assert.are.equal('"' .. bad .. '": not a catalogued error name', msg)
    end
    -- a bad lookup changes nothing: the next one still works
    assert.are.equal("STATUS_LOGON_FAILURE", logonerr.lookup("NT_STATUS_LOGON_FAILURE").name)
  end)

  it("are explained by the command", function()
    local status, out = run.command("NT_STATUS_WRONG_PASSWORD")
    assert.are.equal(0, status)
    assert.truthy(out:find("STATUS_WRONG_PASSWORD (0xC000006A", 1, true), out)
    status = run.command("NT_STATUS_NOT_A_CODE_AT_ALL")
    assert.are.equal(1, status)
  end)

  it("are found by scan in the lines Samba's tools write", function()
    -- the token, as smbclient, winbindd, sssd and the Samba DC print it
    local lines = {
      "session setup failed: NT_STATUS_LOGON_FAILURE",
      "tree connect failed: NT_STATUS_ACCESS_DENIED",
      "[2026/12/03 08:10:11.123456,  2] ../../source3/winbindd/winbindd_pam.c:2845"
        .. "(winbindd_pam_auth_pam_crap) "
        .. "NTLM CRAP authentication for user [CORP]\\[bob] returned NT_STATUS_WRONG_PASSWORD",
      "(Tue Dec  3 08:10:12 2026) [sssd[be[corp.test]]] [ad_pac] (0x0040): "
        .. "failed: NT_STATUS_NO_SUCH_USER",
      "Auth: [SMB2,(null)] user [CORP]\\[bob] at [Thu, 03 Dec 2026 08:10:13.000000 UTC] "
        .. "with [NTLMv2] status [NT_STATUS_WRONG_PASSWORD] workstation [WKS] "
        .. "remote host [ipv4:127.0.0.1:47104]",
      [["status": "NT_STATUS_ACCOUNT_DISABLED", "eventId": 4625]],
    }
    local want = { "STATUS_LOGON_FAILURE", "STATUS_ACCESS_DENIED", "STATUS_WRONG_PASSWORD",
                   "STATUS_NO_SUCH_USER", "STATUS_WRONG_PASSWORD", "STATUS_ACCOUNT_DISABLED" }
    for k, line in ipairs(lines) do
      local list = found(line)
      assert.are.equal(1, #list, line)
      assert.are.equal(want[k], list[1].e.name, line)
      assert.are.equal(symbols[want[k]], list[1].e.code, line)
      assert.are.equal("NT_" .. want[k], list[1].token, line)
    end
    every_cut(lines[1] .. "\n" .. lines[6])
  end)

  it("glued to letters or in lower case are not found by scan", function()
    for _, text in ipairs({ "xNT_STATUS_LOGON_FAILURE", "nt_status_logon_failure",
                            "NT_STATUS_LOGON_FAILUREx", "NT_STATUS_OK" }) do
      assert.are.same({}, keys(found(text)), text)
    end
    -- NT_STATUS_OK is success: a well-formed name, but no catalogued code
    assert.are.same({ "NT_STATUS_OK@1-12:1" }, keys(found("NT_STATUS_OK", { all = true })))
  end)
end)

-- krb5kdc.log lines as MIT krb5 1.20 writes them (see spec/fixtures/linux/).
local ETYPES = "(4 etypes {aes256-cts-hmac-sha1-96(18), aes128-cts-hmac-sha1-96(17), "
  .. "aes256-cts-hmac-sha384-192(20), aes128-cts-hmac-sha256-128(19)})"
local function as_req(addr, result, rest)
  return "Dec 03 08:10:11 kdc krb5kdc[4242](info): AS_REQ " .. ETYPES .. " " .. addr
    .. ": " .. result .. ": " .. rest
end

describe("MIT krb5kdc result names", function()
  local krb5 = sdk.krb5()
  -- result, the entry it stands for, its KRB5KDC_ symbol in MIT's krb5.h
  local RESULTS = {
    { "PREAUTH_FAILED", "KDC_ERR_PREAUTH_FAILED", "KRB5KDC_ERR_PREAUTH_FAILED" },
    { "NEEDED_PREAUTH", "KDC_ERR_PREAUTH_REQUIRED", "KRB5KDC_ERR_PREAUTH_REQUIRED" },
    { "CLIENT_NOT_FOUND", "KDC_ERR_C_PRINCIPAL_UNKNOWN", "KRB5KDC_ERR_C_PRINCIPAL_UNKNOWN" },
    { "CLIENT LOCKED OUT", "KDC_ERR_CLIENT_REVOKED", "KRB5KDC_ERR_CLIENT_REVOKED" },
    { "LOCKED_OUT", "KDC_ERR_CLIENT_REVOKED", "KRB5KDC_ERR_CLIENT_REVOKED" },
    { "CLIENT EXPIRED", "KDC_ERR_NAME_EXP", "KRB5KDC_ERR_NAME_EXP" },
    { "CLIENT KEY EXPIRED", "KDC_ERR_KEY_EXPIRED", "KRB5KDC_ERR_KEY_EXP" },
    { "LOOKING_UP_SERVER", "KDC_ERR_S_PRINCIPAL_UNKNOWN", "KRB5KDC_ERR_S_PRINCIPAL_UNKNOWN" },
  }

  it("read as their Kerberos entries where they stand as a KDC result", function()
    for _, c in ipairs(RESULTS) do
      for _, addr in ipairs({ "10.0.0.5", "::1", "fe80::1%eth0" }) do
        local line = as_req(addr, c[1], "bob@EXAMPLE.TEST for krbtgt/EXAMPLE.TEST@EXAMPLE.TEST, x")
        local list = found(line)
        assert.are.equal(1, #list, line)
        assert.are.equal(c[2], list[1].e.name, line)
        assert.are.equal("kerberos", list[1].e.namespace)
        assert.is_number(krb5[c[3]], c[3] .. " in krb5.h")
        assert.are.equal(krb5[c[3]], list[1].e.code, line)
        assert.are.equal(c[1], list[1].token)
      end
    end
    local tgs = "Dec 03 08:10:12 kdc krb5kdc[4242](info): TGS_REQ (2 etypes {18 17}) "
      .. "127.0.0.1: LOOKING_UP_SERVER: authtime 0,  bob@EXAMPLE.TEST for "
      .. "nosuch/host@EXAMPLE.TEST, Server not found in Kerberos database"
    local i, j = tgs:find("LOOKING_UP_SERVER", 1, true)
    assert.are.same({ ("KDC_ERR_S_PRINCIPAL_UNKNOWN@%d-%d:1"):format(i, j) }, keys(found(tgs)))
  end)

  it("are found wherever the text is cut", function()
    every_cut(as_req("127.0.0.1", "CLIENT LOCKED OUT", "carol@EXAMPLE.TEST for k, y") .. "\n"
      .. as_req("127.0.0.1", "PREAUTH_FAILED", "bob@EXAMPLE.TEST for k, z STATUS_LOGON_FAILURE"))
  end)

  it("are no code in free text or in lines of another shape", function()
    for _, text in ipairs({
      "PREAUTH_FAILED: bob", "the KDC said CLIENT LOCKED OUT: carol",
      "error: CLIENT_NOT_FOUND", "AS_REQ PREAUTH_FAILED: bob",
      "AS_REQ (4 etypes {18}) PREAUTH_FAILED: bob",           -- no address
      "AS_REQ (4 etypes {18}) 10.0.0.5 PREAUTH_FAILED: bob",  -- no ':' after it
      "AS_REQ (4 etypes {18}) 10.0.0.5: PREAUTH_FAILEDX: bob", -- not a result name
      "AS_REQ (4 etypes {18}) 10.0.0.5: preauth_failed: bob",
      "AS_REQ (4 etypes {18}\n) 10.0.0.5: PREAUTH_FAILED: bob", -- across lines
      "as_req (4 etypes {18}) 10.0.0.5: PREAUTH_FAILED: bob",
      "XAS_REQ (4 etypes {18}) 10.0.0.5: PREAUTH_FAILED: bob",
      as_req("10.0.0.5", "ISSUE", "authtime 1, etypes {rep=18, tkt=18, ses=18}, "
        .. "bob@EXAMPLE.TEST for krbtgt/EXAMPLE.TEST@EXAMPLE.TEST"),
    }) do
      assert.are.same({}, keys(found(text, { all = true })), text)
    end
  end)

  it("leave the rest of a line scanned as before", function()
    -- a result the scanner gave up on mid-word hides no code glued to it
    assert.are.same({}, keys(found("AS_REQ (1 etypes {18}) 1.2.3.4: ABC0xC000006D: x")))
    local list = found(as_req("10.0.0.5", "UNKNOWN_REASON", "x, STATUS_LOGON_FAILURE")
      .. "\nSub Status: 0xC000006A")
    assert.are.same({ "STATUS_LOGON_FAILURE", "STATUS_WRONG_PASSWORD" },
                    { list[1].e.name, list[2].e.name })
    assert.are.same({ 1, 2 }, { list[1].line, list[2].line })
  end)
end)
