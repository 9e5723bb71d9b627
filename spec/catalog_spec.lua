-- The catalogue agrees with the Windows SDK headers and Microsoft's texts.
local logonerr = require "logonerr"
local sdk = require "support.sdk"

local symbols = sdk.symbols()

-- The codes issue #2 requires, as the issue lists them.
local REQUIRED_WIN32 = { 5, 86, 87, 160, 1219, 1220, 1304, 1309, 1311, 1312,
  1314, 1315, 1317, 1323, 1324, 1325, 1326, 1327, 1328, 1329, 1330, 1331,
  1346, 1352, 1355, 1362, 1363, 1364, 1365, 1366, 1367, 1368, 1371, 1380,
  1381, 1385, 1386, 1390, 1394, 1396, 1397, 1398, 1786, 1787, 1788, 1789,
  1790, 1792, 1793, 1807, 1808, 1809, 1810, 1907, 1908, 1909, 1935, 1937,
  1938 }
local REQUIRED_NTSTATUS = { 0xC000000D, 0xC0000022, 0xC000005C, 0xC000005E,
  0xC000005F, 0xC0000061, 0xC0000062, 0xC0000064, 0xC000006A, 0xC000006B,
  0xC000006C, 0xC000006D, 0xC000006E, 0xC000006F, 0xC0000070, 0xC0000071,
  0xC0000072, 0xC00000A5, 0xC00000DC, 0xC00000DF, 0xC00000ED, 0xC00000EE,
  0xC00000FE, 0xC0000104, 0xC0000105, 0xC000010B, 0xC000010D, 0xC0000124,
  0xC0000133, 0xC0000149, 0xC0000155, 0xC0000156, 0xC000015B, 0xC000015D,
  0xC000017F, 0xC000018A, 0xC000018B, 0xC000018C, 0xC000018D, 0xC0000190,
  0xC0000192, 0xC0000193, 0xC0000195, 0xC0000198, 0xC0000199, 0xC000019A,
  0xC000019B, 0xC0000202, 0xC0000224, 0xC0000233, 0xC0000234, 0xC00002C3,
  0xC000030C, 0xC0000413, 0xC0000418 }

describe("the catalogue", function()
  it("holds every code the issue requires", function()
    for _, c in ipairs(REQUIRED_WIN32) do
      assert.is_not_nil(logonerr.win32[c], "missing Win32 " .. c)
    end
    for _, c in ipairs(REQUIRED_NTSTATUS) do
      assert.is_not_nil(logonerr.ntstatus[c],
                        ("missing NTSTATUS 0x%08X"):format(c))
    end
    assert.is_true(#logonerr.errors >= 114)
  end)

  -- (Win32 and NTSTATUS rows; spec/sspi_spec.lua checks the HRESULT rows
  -- against winerror.h.)
  it("names and values agree with the SDK headers", function()
    for _, e in ipairs(logonerr.errors) do
      if e.namespace == "win32" or e.namespace == "ntstatus" then
        assert.are.equal(symbols[e.name], e.code,
                         e.name .. " is not defined with this value")
      end
    end
  end)

  it("puts each family's names in its namespace", function()
    for _, e in ipairs(logonerr.errors) do
      local want = e.name:match("^ERROR_") and "win32" or
                   e.name:match("^STATUS_") and "ntstatus" or
                   e.name:match("^SEC_[EI]_") and "hresult" or
                   (e.name:match("^KDC_") or e.name:match("^KRB_")) and "kerberos"
      assert.are.equal(want, e.namespace, e.name)
    end
  end)

  it("is sorted by namespace, then code, with no duplicates", function()
    local rank = {}
    for i, ns in ipairs(logonerr.namespaces) do rank[ns] = i end
    local prev, names = nil, {}
    for _, e in ipairs(logonerr.errors) do
      assert.is_nil(names[e.name], "duplicate " .. e.name)
      names[e.name] = true
      if prev then
        local a, b = rank[prev.namespace], rank[e.namespace]
        assert.is_true(a < b or (a == b and prev.code < e.code),
                       prev.name .. " before " .. e.name)
      end
      prev = e
    end
  end)

  it("writes hex as 0x with upper-case digits and no padding", function()
    for _, e in ipairs(logonerr.errors) do
      assert.are.equal(("0x%X"):format(e.code), e.hex)
      assert.is_truthy(e.hex == "0x0" or e.hex:match("^0x[1-9A-F][0-9A-F]*$"), e.hex)
    end
  end)

  it("computes HRESULTs as the SDK's macros do", function()
    local win32_facility = sdk.define("FACILITY_WIN32")
    local nt_bit = sdk.define("FACILITY_NT_BIT")
    assert.are.equal(7, win32_facility)
    for _, e in ipairs(logonerr.errors) do
      local want
      if e.namespace == "win32" then
        -- (code & 0xFFFF) | (facility << 16) | 0x80000000, in arithmetic
        -- that every Lua from 5.1 has
        want = e.code % 0x10000 + win32_facility * 0x10000 + 0x80000000
      elseif e.namespace == "hresult" then
        want = e.code -- an HRESULT is its own HRESULT form
      elseif e.namespace == "kerberos" then
        want = nil -- a KRB-ERROR code has no HRESULT form
      else
        assert.are.equal(0, math.floor(e.code / nt_bit) % 2) -- bit clear
        want = e.code + nt_bit
      end
      assert.are.equal(want, e.hresult, e.name)
    end
    -- winerror.h spells two of them out as E_ constants.
    assert.are.equal(sdk.define("E_ACCESSDENIED"),
                     logonerr.by_name.ERROR_ACCESS_DENIED.hresult)
    assert.are.equal(sdk.define("E_INVALIDARG"),
                     logonerr.by_name.ERROR_INVALID_PARAMETER.hresult)
  end)

  it("gives every entry a known category and a clean message", function()
    local cats = {}
    for _, c in ipairs(logonerr.categories) do cats[c] = true end
    for _, e in ipairs(logonerr.errors) do
      assert.is_true(cats[e.category], e.name .. " category " .. tostring(e.category))
      assert.is_string(e.message)
      assert.is_truthy(e.message:match("^[%u{]"), e.name)
      -- Many SSPI MessageTexts end without a period (SEC_E_LOGON_DENIED's
      -- is "The logon attempt failed"): kept exactly as the SDK has them.
      -- Kerberos messages are the RFCs' short labels, also without one.
      if e.namespace ~= "hresult" and e.namespace ~= "kerberos" then
        assert.is_truthy(e.message:match("%.$"), e.name .. " message ends oddly")
      end
      assert.is_falsy(e.message:match("  "), e.name .. " has a double space")
      assert.is_falsy(e.message:match("[\n\r\t]"), e.name)
    end
  end)

  -- Texts as Microsoft publishes them: "System Error Codes (0-499)",
  -- "(1000-1299)", "(1300-1699)", "(1700-3999)" and ntstatus.h MessageText.
  local PUBLISHED = {
    ERROR_ACCESS_DENIED = "Access is denied.",
    ERROR_INVALID_PARAMETER = "The parameter is incorrect.",
    ERROR_BAD_ARGUMENTS = "One or more arguments are not correct.",
    ERROR_NO_SUCH_LOGON_SESSION =
      "A specified logon session does not exist. It may already have been terminated.",
    ERROR_LOGON_FAILURE = "The user name or password is incorrect.",
    ERROR_LOGON_SESSION_EXISTS =
      "Cannot start a new logon session with an ID that is already in use.",
    ERROR_BAD_LOGON_SESSION_STATE =
      "The logon session is not in a state that is consistent with the requested operation.",
    ERROR_LOGON_SESSION_COLLISION = "The logon session ID is already in use.",
    ERROR_TOO_MANY_SECRETS =
      "The maximum number of secrets that may be stored in a single system has been exceeded.",
    ERROR_ACCOUNT_LOCKED_OUT =
      "The referenced account is currently locked out and may not be logged on to.",
    ERROR_NTLM_BLOCKED =
      "Authentication failed because NTLM authentication has been disabled.",
    STATUS_LOGON_FAILURE =
      "The attempted logon is invalid. This is either due to a bad username or authentication information.",
    STATUS_LOGON_SESSION_COLLISION =
      "An internal LSA error has occurred. An authentication package has requested the creation of a Logon Session but the ID of an already existing Logon Session has been specified.",
    STATUS_ACCOUNT_LOCKED_OUT =
      "The user account has been automatically locked because too many invalid logon attempts or password change attempts have been requested.",
  }
  it("carries Microsoft's message texts exactly", function()
    for name, text in pairs(PUBLISHED) do
      assert.are.equal(text, logonerr.by_name[name].message, name)
    end
  end)

  it("links NTSTATUS and Win32 codes both ways", function()
    for _, e in ipairs(logonerr.errors) do
      if e.namespace == "ntstatus" and e.win32 then
        local found = false
        for _, s in ipairs(e.win32.ntstatus) do found = found or s == e end
        assert.is_true(found, e.name)
      elseif e.namespace == "win32" then
        for _, s in ipairs(e.ntstatus) do assert.are.equal(e, s.win32) end
      end
    end
  end)

  it("maps statuses as RtlNtStatusToDosError does, not by look-alike name", function()
    local L = logonerr.by_name
    assert.are.equal(L.ERROR_INVALID_PASSWORD, L.STATUS_WRONG_PASSWORD.win32)
    assert.are.equal(L.ERROR_INVALID_PASSWORD, L.STATUS_WRONG_PASSWORD_CORE.win32)
    assert.are.equal(L.ERROR_SESSION_CREDENTIAL_CONFLICT,
                     L.STATUS_NETWORK_CREDENTIAL_CONFLICT.win32)
    assert.are.equal(L.ERROR_TIME_SKEW, L.STATUS_TIME_DIFFERENCE_AT_DC.win32)
    assert.are.equal(L.ERROR_MUTUAL_AUTH_FAILED,
                     L.STATUS_MUTUAL_AUTHENTICATION_FAILED.win32)
    assert.are.equal(0, #L.ERROR_WRONG_PASSWORD.ntstatus)
  end)
end)
