-- Issue 15, Win32 side: every ERROR_* entry says how to find out (diagnosis)
-- and what it is related to, and the facts an expert review found wrong
-- stay corrected.  Codes come from the SDK headers, facts from Microsoft's
-- documentation of events 4625, 4776, 4771, 4768 and 4740, of
-- Test-ComputerSecureChannel and of the logonHours attribute.
local logonerr = require "logonerr"
local sdk = require "support.sdk"

local S = sdk.symbols()

-- The Win32 entry for a code, read the way a user reads it.
local function win32(code)
  local e = logonerr.lookup(code)
  assert(e and e.namespace == "win32", ("no Win32 entry for %d"):format(code))
  return e
end

local K = require "support.knowledge"
local texts, norm = K.texts, K.norm

local function any(list, pred)
  for _, s in ipairs(list or {}) do if pred(s) then return s end end
  return nil
end

local function has(list, plain)
  return any(list, function(s) return s:lower():find(plain:lower(), 1, true) ~= nil end)
end

local function related_names(e) return K.names(e.related) end


describe("Win32 knowledge (issue 15)", function()
  describe("depth of every entry", function()
    it("gives every Win32 entry a diagnosis of at least two steps and two related errors", function()
      local n = 0
      for _, e in ipairs(logonerr.errors) do
        if e.namespace == "win32" then
          n = n + 1
          assert.is_true(e.diagnosis ~= nil and #e.diagnosis >= 2, e.name .. " diagnosis")
          assert.is_true(#e.related >= 2, e.name .. " related")
        end
      end
      assert.is_true(n >= 59)
    end)

    it("never repeats a step between diagnosis and resolution", function()
      for _, e in ipairs(logonerr.errors) do
        if e.namespace == "win32" then
          local seen = {}
          for _, s in ipairs(e.diagnosis or {}) do seen[norm(s)] = true end
          for _, s in ipairs(e.resolution or {}) do
            assert.is_falsy(seen[norm(s)], e.name .. ": " .. s)
          end
        end
      end
    end)

    it("names a command or an event in the diagnosis of every administrative error", function()
      for _, e in ipairs(logonerr.errors) do
        if e.namespace == "win32" and e.category ~= "general" and e.category ~= "session" then
          local concrete = any(e.diagnosis, function(s)
            return s:find("`", 1, true) ~= nil or s:find("event %d%d%d%d") ~= nil
          end)
          assert.is_truthy(concrete, e.name .. " names no command or event")
        end
      end
    end)

    it("says where the detail of a logon failure is logged", function()
      -- event 4625 on the server; 4776 (NTLM) or 4771/4768 (Kerberos) on the DC
      local domain = { 86, 1317, 1326, 1328, 1330, 1331, 1793, 1907, 1909, 1398 }
      local server = { 1311, 1327, 1329, 1385, 1792, 1935 }
      for _, code in ipairs(domain) do
        local e = win32(code)
        assert.is_truthy(has(e.diagnosis, "4625"), e.name .. " 4625")
        assert.is_truthy(has(e.diagnosis, "4776") or has(e.diagnosis, "4771") or
                         has(e.diagnosis, "4768"), e.name .. " DC event")
      end
      for _, code in ipairs(server) do
        local e = win32(code)
        assert.is_truthy(has(e.diagnosis, "4625"), e.name .. " 4625")
      end
    end)
  end)

  describe("event fields", function()
    it("never gives event 4776 a Sub Status", function()
      for _, e in ipairs(logonerr.errors) do
        if e.namespace == "win32" then
          for _, s in ipairs(texts(e)) do
            local l = s:lower()
            if l:find("4776", 1, true) and l:find("sub ?status") then
              assert.is_truthy(l:find("has no sub ?status"), e.name .. ": " .. s)
            end
          end
        end
      end
    end)

    it("reads lockout as the Status of 4625 (Sub Status 0x0) and the Error Code of 4776", function()
      local e = win32(S.ERROR_ACCOUNT_LOCKED_OUT)
      assert.are.equal(1909, e.code)
      for _, s in ipairs(texts(e)) do
        assert.is_falsy(s:find("Sub Status 0xC0000234", 1, true), s)
      end
      assert.is_truthy(has(e.diagnosis, "Status 0xC0000234 with Sub Status 0x0"))
      assert.is_truthy(has(e.diagnosis, "4776 with Error Code 0xC000006A"))
      assert.is_truthy(has(e.diagnosis, "4771 with Failure Code 0x18"))
    end)

    it("tells 1326's two causes apart by 4625's Sub Status and 4776's Error Code", function()
      local e = win32(S.ERROR_LOGON_FAILURE)
      assert.is_truthy(any(e.diagnosis, function(s)
        return s:find("4625", 1, true) and s:find("Sub Status 0xC000006A", 1, true)
               and s:find("Sub Status 0xC0000064", 1, true)
      end))
      assert.is_truthy(any(e.diagnosis, function(s)
        return s:find("4776", 1, true) and s:find("Error Code", 1, true)
      end))
      -- Microsoft's 4776 table gives a LAN Manager authentication level
      -- mismatch as a cause of 0xC000006D.
      assert.is_truthy(has(e.causes, "LAN Manager authentication level"))
      assert.is_truthy(has(e.diagnosis, "LmCompatibilityLevel"))
    end)
  end)

  describe("corrected facts", function()
    it("verifies a trust with nltest or netdom, not Test-ComputerSecureChannel", function()
      local e = win32(S.ERROR_TRUSTED_DOMAIN_FAILURE)
      assert.are.equal(1788, e.code)
      assert.is_truthy(has(e.diagnosis, "`nltest /sc_verify:"))
      assert.is_truthy(any(e.diagnosis, function(s)
        return s:find("`netdom trust", 1, true) and s:find("/verify`", 1, true)
      end))
      for _, f in ipairs({ "diagnosis", "resolution" }) do
        assert.is_falsy(has(e[f], "Test-ComputerSecureChannel"), f)
      end
    end)

    it("never runs Test-ComputerSecureChannel on a domain controller", function()
      -- The cmdlet tests the local machine's own channel and reports false
      -- errors on domain controllers (its Microsoft Learn page says so).
      for _, e in ipairs(logonerr.errors) do
        if e.namespace == "win32" then
          for _, f in ipairs({ "diagnosis", "resolution" }) do
            for _, s in ipairs(e[f] or {}) do
              for clause in s:gmatch("Test%-ComputerSecureChannel[^,;]*") do
                if clause:find("domain controller", 1, true) then
                  assert.is_truthy(clause:find("not on a domain controller", 1, true),
                                   e.name .. ": " .. s)
                end
              end
            end
          end
        end
      end
    end)

    it("says logonHours is stored in UTC, not in the domain controller's time zone", function()
      local e = win32(S.ERROR_INVALID_LOGON_HOURS)
      assert.are.equal(1328, e.code)
      assert.is_truthy(any(texts(e), function(s)
        return s:find("logonHours", 1, true) and s:find("UTC", 1, true)
      end))
      for _, s in ipairs(texts(e)) do
        assert.is_falsy(s:lower():find("domain controller's time zone", 1, true), s)
      end
    end)

    it("does not blame access denied on a logon right, nor read failures from 4663", function()
      local e = win32(S.ERROR_ACCESS_DENIED)
      assert.are.equal(5, e.code)
      for _, s in ipairs(e.causes) do
        local l = s:lower()
        assert.is_falsy(l:find("logon right", 1, true) or l:find("log on", 1, true), s)
      end
      -- A denied logon right gives ERROR_LOGON_TYPE_NOT_GRANTED instead.
      local rel = related_names(e)
      assert.is_true(rel.ERROR_LOGON_TYPE_NOT_GRANTED)
      assert.are.equal(1385, S.ERROR_LOGON_TYPE_NOT_GRANTED)
      -- Event 4663 is logged only for access that succeeded.
      for _, s in ipairs(texts(e)) do
        if s:find("4663", 1, true) then
          assert.is_truthy(s:find("succeed", 1, true), s)
        end
      end
      assert.is_truthy(has(e.diagnosis, "4656"))
      assert.is_truthy(has(e.diagnosis, "5145"))
    end)

    it("sends a stopped client Netlogon to 0xC0000192 and event 5722 to the DC", function()
      local e = win32(S.ERROR_NO_LOGON_SERVERS)
      assert.are.equal(1311, e.code)
      for _, s in ipairs(e.causes) do
        local l = s:lower()
        if l:find("netlogon", 1, true) and l:find("client", 1, true) then
          assert.is_truthy(s:find("0xC0000192", 1, true) or s:find("ERROR_NETLOGON_NOT_STARTED", 1, true), s)
        end
      end
      local found = false
      for _, s in ipairs(texts(e)) do
        if s:find("5722", 1, true) then
          found = true
          assert.is_truthy(s:find("logged on the domain controller", 1, true), s)
        end
      end
      assert.is_true(found)
      assert.are.equal(1792, S.ERROR_NETLOGON_NOT_STARTED)
      assert.is_true(related_names(e).ERROR_NETLOGON_NOT_STARTED)
    end)
  end)

  describe("what an expert expects to find", function()
    it("covers lockout policy, the PDC emulator and the usual callers", function()
      local e = win32(S.ERROR_ACCOUNT_LOCKED_OUT)
      for _, word in ipairs({ "4740", "PDC emulator", "Caller Computer Name", "badPwdCount",
                              "LockoutDuration", "fine-grained password policy",
                              "Get-ADUserResultantPasswordPolicy", "Exchange", "ADFS", "NPS",
                              "blank" }) do
        assert.is_truthy(has(e.diagnosis, word), word)
      end
    end)

    it("gives the 5-minute default Kerberos clock tolerance", function()
      local e = win32(S.ERROR_TIME_SKEW)
      assert.is_truthy(has(texts(e), "5 minutes") or has(texts(e), "5-minute"))
      assert.is_truthy(has(e.diagnosis, "0x25"))
    end)

    it("rolls NTLM blocking out audit first, then enforced", function()
      local e = win32(S.ERROR_NTLM_BLOCKED)
      assert.is_truthy(any(texts(e), function(s)
        local l = s:lower()
        local a, d = l:find("audit", 1, true), l:find("deny", 1, true)
        return a and d and a < d
      end))
    end)

    it("names authentication policies and external trusts for the authentication firewall", function()
      local e = win32(S.ERROR_AUTHENTICATION_FIREWALL_FAILED)
      assert.is_truthy(has(e.causes, "authentication policy"))
      assert.is_truthy(has(e.causes, "external trust"))
    end)

    it("names the baselines that deny network logon to local accounts", function()
      local e = win32(S.ERROR_LOGON_TYPE_NOT_GRANTED)
      assert.is_truthy(has(e.causes, "S-1-5-113"))
      assert.is_truthy(has(e.causes, "S-1-5-114"))
      assert.is_truthy(has(e.diagnosis, "0xC000015B"))
    end)
  end)

  describe("related links", function()
    it("draws the links an expert would explain", function()
      local want = {
        [S.ERROR_LOGON_FAILURE] = { "STATUS_NO_SUCH_USER", "STATUS_WRONG_PASSWORD", "ERROR_ACCOUNT_LOCKED_OUT" },
        [S.ERROR_ACCOUNT_RESTRICTION] = { "ERROR_INVALID_LOGON_HOURS", "ERROR_INVALID_WORKSTATION",
          "ERROR_PASSWORD_EXPIRED", "ERROR_ACCOUNT_DISABLED", "ERROR_ACCOUNT_EXPIRED",
          "ERROR_PASSWORD_MUST_CHANGE" },
        [S.ERROR_SESSION_CREDENTIAL_CONFLICT] = { "ERROR_NO_SUCH_LOGON_SESSION" },
        [S.ERROR_ACCOUNT_LOCKED_OUT] = { "STATUS_ACCOUNT_LOCKED_OUT", "ERROR_LOGON_FAILURE" },
      }
      for code, names in pairs(want) do
        local rel = related_names(win32(code))
        for _, n in ipairs(names) do
          assert.is_true(rel[n], ("%d -> %s"):format(code, n))
        end
      end
    end)

    it("links every Win32 entry with an NTSTATUS twin to that twin", function()
      local twin = {}
      for _, e in ipairs(logonerr.errors) do
        if e.namespace == "ntstatus" and e.win32 then
          twin[e.win32.name] = twin[e.win32.name] or {}
          twin[e.win32.name][e.name] = true
        end
      end
      for _, e in ipairs(logonerr.errors) do
        if twin[e.name] then
          local ok = false
          for _, r in ipairs(e.related) do ok = ok or twin[e.name][r.name] == true end
          assert.is_true(ok, e.name)
        end
      end
    end)
    -- Issue 23 restored the seeds' related errors by name, with the SDK's
    -- numbers: knowledge_fixes_win32_ntstatus_spec checks them.
  end)
end)
