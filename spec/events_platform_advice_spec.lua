-- The advice by platform (rules.KINDS[kind].platforms): on an MIT KDC's
-- log or a Samba AD DC's audit it names that platform's own records and
-- tools, never a Windows event ID or the PDC emulator (nor NTLM on MIT),
-- and every kind that can occur there and whose Windows advice names
-- records that platform has not has its own.
local events = require "logonerr.events"
local rules = require "logonerr.events.rules"

-- A Windows event ID as advice names one: 4624, 4625, 4648, 4688, 4740,
-- 4768, 4771, 4776 (46xx, 47xx), not inside a longer number.
local function event_id(line)
  return line:match("%f[%d](4[67]%d%d)%f[%D]")
end

-- The kinds each platform's reader can give, and why.
local CAN_OCCUR = {
  -- read/mit_kdc.lua makes 4768 (ISSUE, or a refusal: 0x6, 0x12, 0x1,
  -- 0x17), 4771 (PREAUTH_FAILED, 0x18) and 4769, always with the client
  -- named, without PreAuthType or TicketEncryptionType and without NT
  -- status codes: no roasting, no 4648 (explicit credentials), no failure
  -- naming no account, no lockout, disabled or restricted class (those are
  -- NT codes or 4740), no clock skew (not a result it reads).
  -- (public_source on either: any attempt whose address is the internet's)
  mit = { "success_after_failures", "password_guessing", "password_spray",
          "user_enumeration", "account_revoked", "expired_account", "public_source" },
  -- read/samba_audit.lua makes 4624 and 4625 with an NT status code (its
  -- KDC's refusals too), and a 4625 with no account where the audit names
  -- none: no Kerberos code (so no 0x12, account_revoked), no 4768/4769 (no
  -- roasting), no 4648.
  samba = { "success_after_failures", "password_guessing", "password_spray", "public_source",
            "user_enumeration", "unnamed_failures", "lockout", "disabled_account",
            "expired_account", "account_restricted", "clock_skew" },
}

local function kinds_with_platforms()
  local list = {}
  for kind, k in pairs(rules.KINDS) do
    if k.platforms then list[#list + 1] = kind end
  end
  table.sort(list)
  return list
end

local function set(list)
  local s = {}
  for _, v in ipairs(list) do s[v] = true end
  return s
end

describe("advice by platform", function()
  it("is given for kinds, on platforms logonerr reads, for readings the kind has", function()
    local list = kinds_with_platforms()
    assert.is_true(#list > 0)
    for _, kind in ipairs(list) do
      local k = rules.KINDS[kind]
      for platform, readings in pairs(k.platforms) do
        assert.is_truthy(rules.PLATFORMS[platform], kind .. ": " .. platform)
        assert.are_not.equal("windows", platform, kind) -- (that is the kind's own)
        assert.is_truthy(set(CAN_OCCUR[platform])[kind],
                         kind .. " cannot occur on " .. platform)
        for reading, lines in pairs(readings) do
          assert.is_truthy(k.advice[reading], kind .. " has no " .. reading .. " reading")
          assert.is_true(#lines > 0, kind .. "." .. platform .. "." .. reading)
        end
      end
    end
  end)

  it("names no Windows event ID, no PDC emulator, and on MIT no NTLM", function()
    for _, kind in ipairs(kinds_with_platforms()) do
      for platform, readings in pairs(rules.KINDS[kind].platforms) do
        for reading, lines in pairs(readings) do
          for i, line in ipairs(lines) do
            local where = ("%s.%s.%s[%d]: "):format(kind, platform, reading, i)
            assert.is_nil(event_id(line), where .. line)
            assert.is_nil(line:lower():find("pdc emulator", 1, true), where .. line)
            if platform == "mit" then
              assert.is_nil(line:find("NTLM", 1, true), where .. line)
            end
          end
        end
      end
    end
  end)

  -- (an event ID is what a reader can check in the data; other Windows-only
  -- names in the advice are judged by hand)
  it("is there where a kind can occur and its Windows advice names an event ID", function()
    local checked = 0
    for platform, kinds in pairs(CAN_OCCUR) do
      for _, kind in ipairs(kinds) do
        local k = assert(rules.KINDS[kind], kind)
        for reading, lines in pairs(k.advice) do
          local named
          for _, line in ipairs(lines) do named = named or event_id(line) end
          if named then
            checked = checked + 1
            local own = k.platforms and k.platforms[platform] and k.platforms[platform][reading]
            assert.is_truthy(own, ("%s %s names %s: %s has none of its own"):format(
                             kind, reading, named, platform))
          end
        end
      end
    end
    assert.is_true(checked >= 5) -- (the check found something to check)
  end)

  it("comes from rules.advice by platform, and the Windows advice stays each kind's own", function()
    for kind, k in pairs(rules.KINDS) do
      for reading, lines in pairs(k.advice) do
        -- without a platform, and on Windows: the kind's own lines
        assert.are.equal(lines, rules.advice(kind, reading))
        assert.are.equal(lines, rules.advice(kind, reading, "windows"))
        for platform in pairs(rules.PLATFORMS) do
          local own = k.platforms and k.platforms[platform] and k.platforms[platform][reading]
          -- the platform's lines where it has them, else the Windows ones
          assert.are.equal(own or lines, rules.advice(kind, reading, platform))
        end
      end
    end
    -- an example a reader can check by eye
    local mit = rules.advice("password_guessing", "attacker", "mit")
    assert.are.equal(rules.KINDS.password_guessing.platforms.mit.attacker, mit)
    assert.truthy(table.concat(mit, " "):find("LOCKED_OUT", 1, true))
    local win = rules.advice("password_guessing", "attacker")
    assert.truthy(table.concat(win, " "):find("4740", 1, true))
  end)

  -- The lists above against the real servers' logs: whatever they give is
  -- listed for their platform.
  it("lists every kind the real servers' logs give", function()
    for platform, file in pairs({ mit = "spec/fixtures/linux/krb5kdc.log",
                                  samba = "spec/fixtures/linux/samba-auth-audit.log" }) do
      local rd = assert(events.open(file))
      local r = events.triage(rd)
      assert.is_true(#r.findings > 0, file)
      local can = set(CAN_OCCUR[platform])
      for _, f in ipairs(r.findings) do
        assert.is_truthy(can[f.kind], file .. " gave " .. f.kind)
      end
    end
  end)
end)
