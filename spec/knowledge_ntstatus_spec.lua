-- The NTSTATUS knowledge, read as a user reads it (issues 12 and 15):
-- Microsoft's 4625 and 4776 vocabulary is catalogued, the corrections the
-- expert review asked for hold, and every entry has the depth it asked for.
local logonerr = require "logonerr"

-- "4625(F): An account failed to log on", table "Windows logon status
-- codes" (learn.microsoft.com/windows/security/threat-protection/auditing/
-- event-4625), every code but 0x0 ("Status OK").
local MS_4625 = { 0xC000005E, 0xC0000064, 0xC000006A, 0xC000006D, 0xC000006E,
  0xC000006F, 0xC0000070, 0xC0000071, 0xC0000072, 0xC00000DC, 0xC0000133,
  0xC000015B, 0xC000018C, 0xC0000192, 0xC0000193, 0xC0000224, 0xC0000225,
  0xC0000234, 0xC00002EE, 0xC0000413 }
-- "4776(S, F): The computer attempted to validate the credentials for an
-- account", table "Winlogon Error Codes" (.../auditing/event-4776), every
-- code but 0x0 ("No errors").
local MS_4776 = { 0xC0000064, 0xC000006A, 0xC000006D, 0xC000006F, 0xC0000070,
  0xC0000071, 0xC0000072, 0xC0000193, 0xC0000224, 0xC0000234, 0xC0000371 }
-- Codes the log tools add to Microsoft's lists: Hayabusa's
-- config/data_mapping/Security_4625_FailedLogon.yaml (Sub Status 0xc0000073,
-- "NO TRANSLATIONS") and EvtxECmd's Security 4625 map (0xC000035C).
local TOOLS_4625 = { 0xC0000073, 0xC000035C }


local K = require "support.knowledge"
local texts, names = K.texts, K.names

local function all_text(e) return table.concat(texts(e), "\n") end

-- A list's items as one string (Lua 5.2's table.concat reads views raw).
local function joined(list, sep)
  local t = {}
  for i, v in ipairs(list) do t[i] = v end
  return table.concat(t, sep)
end


local function status(code) return assert(logonerr.ntstatus[code], ("0x%08X"):format(code)) end

describe("the 4625 and 4776 vocabulary", function()
  for _, t in ipairs({ { "event 4625", MS_4625 }, { "event 4776", MS_4776 },
                       { "the log tools' 4625 maps", TOOLS_4625 } }) do
    it("catalogues every code of " .. t[1], function()
      for _, code in ipairs(t[2]) do
        assert.is_not_nil(logonerr.ntstatus[code], ("0x%08X is not catalogued"):format(code))
      end
    end)
  end

  it("catalogues STATUS_UNFINISHED_CONTEXT_DELETED, related to the HRESULT it maps to", function()
    local e = status(0xC00002EE)
    assert.are.equal("STATUS_UNFINISHED_CONTEXT_DELETED", e.name)
    assert.is_nil(e.win32) -- RtlNtStatusToDosError gives an HRESULT (see the Wine spec)
    assert.is_true(names(e.related).SEC_E_UNFINISHED_CONTEXT_DELETED)
  end)

  it("gives the added codes their SDK names and Microsoft's texts", function()
    -- Names as ntstatus.h defines them; texts as MS-ERREF 2.3.1 gives them.
    local want = {
      [0xC0000073] = { "STATUS_NONE_MAPPED", "None of the information to be translated has been translated." },
      [0xC0000225] = { "STATUS_NOT_FOUND", "The object was not found." },
      [0xC000035C] = { "STATUS_NETWORK_SESSION_EXPIRED",
        "The client session has expired; so the client must re-authenticate to continue accessing the remote resources." },
      [0xC0000371] = { "STATUS_NO_SECRETS",
        "The local account store does not contain secret material for the specified account." },
    }
    for code, w in pairs(want) do
      local e = status(code)
      assert.are.equal(w[1], e.name)
      assert.are.equal(w[2], e.message)
    end
  end)

  it("says what Microsoft says of 0xC0000225: a Windows bug, not an attack", function()
    local s = status(0xC0000225).summary:lower()
    assert.is_truthy(s:find("bug", 1, true))
    assert.is_truthy(s:find("not from an attack", 1, true) or s:find("not an attack", 1, true))
  end)
end)

describe("the corrections of the expert review", function()
  it("calls lockout 4625's Status (Sub Status 0x0) and 4776's Error Code", function()
    local e = status(0xC0000234)
    assert.matches("4625[^.;]*Status with Sub Status 0x0", e.summary)
    assert.matches("4776[^.;]*Error Code", e.summary)
    -- STATUS_LOGON_FAILURE does not list lockout among its Sub Statuses
    for _, s in ipairs(texts(status(0xC000006D))) do
      if s:find("Sub Status", 1, true) then
        assert.is_falsy(s:upper():find("0XC0000234", 1, true), s)
      end
    end
  end)

  it("never gives event 4776 a Sub Status", function()
    for _, e in ipairs(logonerr.errors) do
      if e.namespace == "ntstatus" then
        for _, s in ipairs(texts(e)) do
          local l = s:lower()
          if l:find("4776", 1, true) and l:find("sub ?status") then
            assert.is_truthy(l:find("has no sub status", 1, true),
                             e.name .. ": " .. s)
          end
        end
      end
    end
    -- the five entries the review named call it the Error Code
    for _, code in ipairs({ 0xC000006D, 0xC0000064, 0xC000006A, 0xC0000193 }) do
      assert.is_truthy(status(code).summary:find("4776[^.]*Error Code"), ("0x%08X"):format(code))
    end
  end)

  it("verifies a trust with nltest /sc_verify and netdom trust /verify, not Test-ComputerSecureChannel", function()
    local e = status(0xC000018C)
    local d = joined(e.diagnosis, "\n")
    assert.is_truthy(d:find("nltest /sc_verify:", 1, true))
    assert.is_truthy(d:find("netdom trust [^\n]*/verify"))
    for _, f in ipairs({ "diagnosis", "resolution" }) do
      for _, s in ipairs(e[f]) do
        assert.is_falsy(s:find("Test-ComputerSecureChannel", 1, true), s)
      end
    end
  end)

  it("knows logonHours is stored in UTC", function()
    local t = all_text(status(0xC000006F))
    assert.is_truthy(t:find("UTC", 1, true))
    assert.is_falsy(t:lower():find("domain controller's time zone", 1, true))
  end)

  it("does not give STATUS_WRONG_PASSWORD_CORE ERROR_INVALID_PASSWORD's password-change cause", function()
    local e = status(0xC0000149)
    local theirs = {}
    for _, s in ipairs(e.win32.causes) do theirs[s] = true end
    for _, s in ipairs(e.causes) do
      assert.is_nil(theirs[s], s)
      assert.is_falsy(s:lower():find("password change", 1, true), s)
    end
    assert.is_truthy(joined(e.causes, " "):find("LAN Manager", 1, true))
  end)

  it("puts a stopped Netlogon under 0xC0000192 and event 5722 on the domain controller", function()
    local e = status(0xC000005E)
    for _, s in ipairs(e.causes) do
      assert.is_falsy(s:lower():find("netlogon", 1, true), s)
    end
    local saw5722 = false
    for _, s in ipairs(texts(e)) do
      local l = s:lower()
      if l:find("netlogon", 1, true) and (l:find("stopped", 1, true) or l:find("not started", 1, true)) then
        assert.is_truthy(s:find("0xC0000192", 1, true), s)
      end
      if s:find("5722", 1, true) then
        saw5722 = true
        assert.is_truthy(l:find("logged on the domain controller", 1, true), s)
      end
    end
    assert.is_true(saw5722)
  end)
end)

describe("the depth of every NTSTATUS entry", function()
  local function norm(s) return (s:lower():gsub("[%p%s]+", " ")) end

  it("has diagnosis and related, and no step both in diagnosis and resolution", function()
    for _, e in ipairs(logonerr.errors) do
      if e.namespace == "ntstatus" then
        assert.is_true(#e.diagnosis >= 2, e.name .. " diagnosis")
        assert.is_true(#e.related >= 2, e.name .. " related")
        local d = {}
        for _, s in ipairs(e.diagnosis) do d[norm(s)] = true end
        for _, s in ipairs(e.resolution) do
          assert.is_nil(d[norm(s)], e.name .. ": " .. s)
        end
      end
    end
  end)

  it("names the event, field or command in its diagnosis", function()
    for _, e in ipairs(logonerr.errors) do
      if e.namespace == "ntstatus" then
        local concrete = 0
        for _, s in ipairs(e.diagnosis) do
          if s:find("`", 1, true) or s:find("%f[%d]4%d%d%d%f[%D]") or s:find("%f[%d]5%d%d%d%f[%D]")
             or s:find("log", 1, true) then
            concrete = concrete + 1
          end
        end
        assert.is_true(concrete >= 2, e.name)
      end
    end
  end)

  it("does not copy an item of its Win32 twin", function()
    for _, e in ipairs(logonerr.errors) do
      if e.namespace == "ntstatus" and e.win32 then
        for _, f in ipairs(logonerr.list_fields) do
          local theirs = {}
          for _, s in ipairs(e.win32[f] or {}) do theirs[norm(s)] = true end
          for _, s in ipairs(e[f] or {}) do
            assert.is_nil(theirs[norm(s)], e.name .. " " .. f .. ": " .. s)
          end
        end
      end
    end
  end)

  it("holds what an expert expects for lockout", function()
    local t = all_text(status(0xC0000234))
    for _, want in ipairs({ "LockoutDuration", "Get-ADUserResultantPasswordPolicy",
                            "badPwdCount", "PDC emulator", "4740", "Caller Computer Name",
                            "Failure Code 0x18", "Error Code 0xC000006A",
                            "Exchange", "ADFS", "NPS", "blank Caller Computer Name" }) do
      assert.is_truthy(t:find(want, 1, true), want)
    end
  end)

  it("holds the other facts the review asked for", function()
    assert.is_truthy(all_text(status(0xC0000133)):find("5 minutes", 1, true))
    assert.is_truthy(all_text(status(0xC000006D)):find("LAN Manager authentication level", 1, true))
    local ntlm = all_text(status(0xC0000418)):lower()
    assert.is_truthy(ntlm:find("audit", 1, true) and ntlm:find("deny", 1, true))
    local fw = all_text(status(0xC0000413))
    assert.is_truthy(fw:find("authentication policy", 1, true))
    assert.is_truthy(fw:find("external trust", 1, true) or fw:find("forest or external", 1, true))
    local lt = all_text(status(0xC000015B))
    assert.is_truthy(lt:find("baseline", 1, true))
    assert.is_truthy(lt:find("S-1-5-113", 1, true))
  end)

  it("draws the related links an expert would draw", function()
    local function links(code, want)
      local r = names(status(code).related)
      for _, n in ipairs(want) do assert.is_true(r[n] == true, n) end
    end
    links(0xC000006D, { "STATUS_NO_SUCH_USER", "STATUS_WRONG_PASSWORD", "STATUS_ACCOUNT_LOCKED_OUT" })
    links(0xC000006E, { "STATUS_INVALID_LOGON_HOURS", "STATUS_INVALID_WORKSTATION",
      "STATUS_PASSWORD_EXPIRED", "STATUS_ACCOUNT_DISABLED", "STATUS_ACCOUNT_EXPIRED",
      "STATUS_PASSWORD_MUST_CHANGE" })
  end)
end)
