-- The SSPI codes (namespace "hresult"): checked against the SDK's
-- winerror.h and the message texts Microsoft publishes, and used the way an
-- administrator would (lookup, the line format, the command).
-- Microsoft's texts are kept whole:
-- luacheck: no max line length
local logonerr = require "logonerr"
local sdk = require "support.sdk"
local run = require "support.run"

-- Every SEC_E_* / SEC_I_* that winerror.h (mingw-w64) defines as
-- _HRESULT_TYPEDEF_(0x...L).
local function sec_symbols()
  local f = assert(io.open(sdk.MINGW .. "winerror.h", "rb"))
  local text = f:read("*a")
  f:close()
  local t = {}
  for name, v in text:gmatch("#define%s+(SEC_[EI]_[%w_]+)%s+_HRESULT_TYPEDEF_%(0x(%x+)L?%)") do
    if t[name] == nil then t[name] = tonumber(v, 16) end
  end
  return t
end
local SEC = sec_symbols()

-- Issue 12's list.
local REQUIRED = { "SEC_E_UNSUPPORTED_FUNCTION", "SEC_E_TARGET_UNKNOWN",
  "SEC_E_INTERNAL_ERROR", "SEC_E_INVALID_TOKEN", "SEC_E_LOGON_DENIED",
  "SEC_E_UNKNOWN_CREDENTIALS", "SEC_E_NO_CREDENTIALS",
  "SEC_E_NO_AUTHENTICATING_AUTHORITY", "SEC_E_CONTEXT_EXPIRED",
  "SEC_E_WRONG_PRINCIPAL", "SEC_E_TIME_SKEW", "SEC_E_UNTRUSTED_ROOT",
  "SEC_E_CERT_EXPIRED", "SEC_E_UNFINISHED_CONTEXT_DELETED", "SEC_E_NO_TGT_REPLY",
  "SEC_E_PKINIT_NAME_MISMATCH", "SEC_E_SMARTCARD_LOGON_REQUIRED",
  "SEC_E_KDC_UNKNOWN_ETYPE", "SEC_E_NO_KERB_KEY", "SEC_E_DOWNGRADE_DETECTED",
  "SEC_E_MUTUAL_AUTH_FAILED", "SEC_E_BAD_BINDINGS", "SEC_I_CONTINUE_NEEDED" }

-- The SDK's MessageText, as Microsoft Learn's "COM Error Codes (Security
-- and Setup)" lists it (what FormatMessage returns), periods and all.
local MESSAGES = {
  SEC_E_UNSUPPORTED_FUNCTION = "The function requested is not supported",
  SEC_E_TARGET_UNKNOWN = "The specified target is unknown or unreachable",
  SEC_E_INTERNAL_ERROR = "The Local Security Authority cannot be contacted",
  SEC_E_INVALID_TOKEN = "The token supplied to the function is invalid",
  SEC_E_LOGON_DENIED = "The logon attempt failed",
  SEC_E_UNKNOWN_CREDENTIALS = "The credentials supplied to the package were not recognized",
  SEC_E_NO_CREDENTIALS = "No credentials are available in the security package",
  SEC_E_NO_AUTHENTICATING_AUTHORITY = "No authority could be contacted for authentication.",
  SEC_I_CONTINUE_NEEDED = "The function completed successfully, but must be called again to complete the context",
  SEC_E_CONTEXT_EXPIRED = "The context has expired and can no longer be used.",
  SEC_E_WRONG_PRINCIPAL = "The target principal name is incorrect.",
  SEC_E_TIME_SKEW = "The clocks on the client and server machines are skewed.",
  SEC_E_UNTRUSTED_ROOT = "The certificate chain was issued by an authority that is not trusted.",
  SEC_E_CERT_EXPIRED = "The received certificate has expired.",
  -- Issue 23's Schannel codes (also the meanings of Microsoft Learn's
  -- "SSPI Status Codes" page, where it gives them).
  SEC_E_ILLEGAL_MESSAGE = "The message received was unexpected or badly formatted.",
  SEC_E_CERT_UNKNOWN = "An unknown error occurred while processing the certificate.",
  SEC_E_DECRYPT_FAILURE = "The specified data could not be decrypted.",
  SEC_E_ALGORITHM_MISMATCH = "The client and server cannot communicate, because they do not possess a common algorithm.",
  SEC_E_UNFINISHED_CONTEXT_DELETED = "A security context was deleted before the context was completed. This is considered a logon failure.",
  SEC_E_NO_TGT_REPLY = "The client is trying to negotiate a context and the server requires user-to-user but didn't send a TGT reply.",
  SEC_E_PKINIT_NAME_MISMATCH = "The client certificate does not contain a valid UPN, or does not match the client name in the logon request. Please contact your administrator.",
  SEC_E_SMARTCARD_LOGON_REQUIRED = "Smartcard logon is required and was not used.",
  SEC_E_KDC_UNKNOWN_ETYPE = "The encryption type requested is not supported by the KDC.",
  SEC_E_BAD_BINDINGS = "Client's supplied SSPI channel bindings were incorrect.",
  SEC_E_NO_KERB_KEY = "SEC_E_NO_KERB_KEY",
  SEC_E_DOWNGRADE_DETECTED = "The system cannot contact a domain controller to service the authentication request. Please try again later.",
  SEC_E_MUTUAL_AUTH_FAILED = "The identity of the server computer could not be verified.",
}

local function hresults()
  local out = {}
  for _, e in ipairs(logonerr.errors) do
    if e.namespace == "hresult" then out[#out + 1] = e end
  end
  return out
end

local function related_names(e) return require("support.knowledge").names(e.related) end

describe("the SSPI codes (hresult)", function()
  it("read winerror.h", function()
    assert.are.equal(0x8009030C, SEC.SEC_E_LOGON_DENIED) -- the brief's own example
    assert.is_true(#hresults() >= #REQUIRED)
  end)

  it("have winerror.h's names and values", function()
    for _, e in ipairs(hresults()) do
      assert.are.equal(SEC[e.name], e.code, e.name .. " is not defined with this value")
    end
  end)

  it("hold every code issue 12 requires", function()
    for _, name in ipairs(REQUIRED) do
      local e = logonerr.by_name[name]
      assert.is_not_nil(e, "missing " .. name)
      assert.are.equal("hresult", e.namespace, name)
      assert.are.equal(SEC[name], e.code, name)
    end
  end)

  it("carry the SDK's message texts exactly", function()
    for _, e in ipairs(hresults()) do
      assert.is_not_nil(MESSAGES[e.name], e.name .. ": no published text to check against")
      assert.are.equal(MESSAGES[e.name], e.message, e.name)
    end
    assert.are.equal("The logon attempt failed", logonerr.by_name.SEC_E_LOGON_DENIED.message)
  end)

  it("are found in every form of the number and by name", function()
    local e = logonerr.by_name.SEC_E_LOGON_DENIED
    for _, x in ipairs({ 0x8009030C, "0x8009030c", "0x8009030C", -2146893044,
                         "-2146893044", "SEC_E_LOGON_DENIED", "sec_e_logon_denied" }) do
      assert.are.equal(e, logonerr.lookup(x), tostring(x))
    end
    assert.are.equal(e, logonerr.lookup(0x8009030C, "hresult"))
    assert.are.equal(logonerr.by_name.SEC_I_CONTINUE_NEEDED, logonerr.lookup("0x00090312"))
    assert.are.equal(logonerr.by_name.SEC_E_UNSUPPORTED_FUNCTION, logonerr.hresult[0x80090302])
  end)

  it("format as NAME (0xHEX): message", function()
    assert.are.equal("SEC_E_LOGON_DENIED (0x8009030C): The logon attempt failed",
                     logonerr.format(0x8009030C))
    for _, e in ipairs(hresults()) do
      assert.are.equal(("%s (0x%X): %s"):format(e.name, SEC[e.name], MESSAGES[e.name]),
                       logonerr.format(e.code), e.name)
      assert.are.equal(logonerr.format(e.code), tostring(e))
    end
  end)

  it("say that SEC_I_CONTINUE_NEEDED is a success code", function()
    local e = logonerr.by_name.SEC_I_CONTINUE_NEEDED
    assert.is_true(SEC.SEC_I_CONTINUE_NEEDED < 0x80000000) -- severity bit clear
    assert.matches("success code", e.summary:lower(), 1, true)
    assert.are.equal("low", e.severity)
  end)

  it("describe an uncatalogued HRESULT as an HRESULT with its facility", function()
    local facility = sdk.define("FACILITY_SECURITY")
    assert.are.equal(9, facility)
    local v = 0x8009FFFF
    for _, code in pairs(SEC) do assert.are_not.equal(v, code) end -- not a real code
    assert.is_nil(logonerr.lookup(v))
    local _, why = logonerr.lookup("0x8009FFFF")
    assert.matches("hresult", why, 1, true)
    assert.not_matches("ntstatus", why:lower(), 1, true)
    local line = logonerr.format(v)
    assert.matches("HRESULT", line, 1, true)
    assert.matches(("facility 0x%X"):format(facility), line, 1, true)
    assert.not_matches("NTSTATUS", line, 1, true)
  end)

  it("decode an uncatalogued HRESULT as an HRESULT by default", function()
    -- as lookup and format read it: an HRESULT of facility 9 (SSPI)
    for _, v in ipairs({ 0x8009FFFF, 0x8009030C }) do
      local d = logonerr.decode(v)
      assert.are.equal("hresult", d.kind)
      assert.are.equal("failure", d.severity)
      assert.are.equal(9, d.facility)
      assert.are.equal("SSPI", d.facility_name)
    end
    -- an NTSTATUS warning keeps its reading
    assert.are.equal("ntstatus", logonerr.decode(0x80000005).kind)
  end)

  it("link to their NTSTATUS and Win32 twins", function()
    local S = sdk.symbols()
    local links = {
      SEC_E_LOGON_DENIED = { "STATUS_LOGON_FAILURE", "ERROR_LOGON_FAILURE" },
      SEC_E_NO_CREDENTIALS = { "ERROR_NO_SUCH_LOGON_SESSION", "STATUS_NO_SUCH_LOGON_SESSION" },
      SEC_E_TIME_SKEW = { "ERROR_TIME_SKEW", "STATUS_TIME_DIFFERENCE_AT_DC" },
      SEC_E_MUTUAL_AUTH_FAILED = { "ERROR_MUTUAL_AUTH_FAILED", "STATUS_MUTUAL_AUTHENTICATION_FAILED" },
      SEC_E_NO_AUTHENTICATING_AUTHORITY = { "ERROR_NO_LOGON_SERVERS", "STATUS_NO_LOGON_SERVERS" },
      SEC_E_WRONG_PRINCIPAL = { "ERROR_WRONG_TARGET_NAME" },
    }
    for name, twins in pairs(links) do
      local have = related_names(logonerr.by_name[name])
      for _, t in ipairs(twins) do
        assert.is_true(have[t], name .. " does not link to " .. t)
        assert.are.equal(S[t], logonerr.by_name[t].code, t)
      end
    end
    -- and every hresult entry has at least two links
    for _, e in ipairs(hresults()) do
      assert.is_true(#e.related >= 2, e.name)
    end
  end)

  it("are listed by `logonerr list -n hresult`", function()
    local status, out = run.command("list -n hresult")
    assert.are.equal(0, status)
    local lines = {}
    for l in out:gmatch("[^\n]+") do lines[#lines + 1] = l end
    assert.are.equal(#hresults(), #lines)
    assert.matches("SEC_E_LOGON_DENIED (0x8009030C): The logon attempt failed", out, 1, true)
    for _, name in ipairs(REQUIRED) do assert.matches(name, out, 1, true) end
    assert.not_matches("STATUS_", out, 1, true)
  end)

  it("are explained by `logonerr 0x80090302`", function()
    local status, out = run.command("0x80090302")
    assert.are.equal(0, status)
    local head = out:match("^[^\n]*")
    assert.are.equal("SEC_E_UNSUPPORTED_FUNCTION (0x80090302; hresult)", head) -- its own HRESULT
    assert.matches("\nThe function requested is not supported\n", out)
    assert.matches("ERROR_NTLM_BLOCKED", out, 1, true) -- its related entries
  end)

  it("leave `logonerr 0x8009FFFF` unknown, as an HRESULT", function()
    local status, out, err = run.command("0x8009FFFF")
    assert.are.equal(1, status)
    assert.matches("hresult", out .. err, 1, true)
    assert.not_matches("ntstatus", (out .. err):lower(), 1, true)
  end)
end)
