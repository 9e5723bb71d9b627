-- Issue 23, Win32 and NTSTATUS side: the errors an expert review confirmed,
-- the claims it could not verify, and the two additions, read from the
-- entries the way a reviewer reads them.  Numbers come from the SDK headers
-- (winerror.h, lmerrlog.h), facts from Microsoft's 4625, 4776 and
-- LsaLogonUser pages (doc/sources-win32-ntstatus.md), and one real 4625
-- read with evtxexport (libevtx), not with logonerr.
local logonerr = require "logonerr"
local sdk = require "support.sdk"
local K = require "support.knowledge"

local S = sdk.symbols()
local texts = K.texts

local function entry(name)
  local e = logonerr.by_name[name]
  assert(e, "no entry " .. name)
  return e
end

-- The sentences of an entry that contain every one of the plain words.
local function saying(e, ...)
  local words, out = { ... }, {}
  for _, s in ipairs(texts(e)) do
    local all = true
    for _, w in ipairs(words) do
      all = all and s:lower():find(w:lower(), 1, true) ~= nil
    end
    if all then out[#out + 1] = s end
  end
  return out
end

local function marked_unsure(s)
  s = s:lower()
  return s:find("unconfirmed", 1, true) or s:find("not confirmed", 1, true) or
         s:find("not documented", 1, true) or s:find("a guess", 1, true)
end

local function header(name)
  local f = io.open(sdk.MINGW .. name, "rb")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end

describe("Win32 and NTSTATUS knowledge (issue 23)", function()
  it("names Netlogon 5723, not 5722, for a computer with no account (NO_TRUST_SAM_ACCOUNT)",
     function()
    -- lmerrlog.h: NELOG_NetlogonServerAuthNoTrustSamAccount is
    -- ERRLOG2_BASE + 23, NELOG_NetlogonServerAuthFailed ERRLOG2_BASE + 22.
    local h = assert(header("lmerrlog.h"), "lmerrlog.h (mingw-w64-common)")
    local base = tonumber(h:match("#define%s+ERRLOG2_BASE%s+(%d+)"))
    local off = tonumber(h:match("#define%s+NELOG_NetlogonServerAuthNoTrustSamAccount%s+" ..
                                 "%(ERRLOG2_BASE%s*%+%s*(%d+)%)"))
    assert.are.equal(5723, base + off)
    for _, name in ipairs({ "STATUS_NO_TRUST_SAM_ACCOUNT", "ERROR_NO_TRUST_SAM_ACCOUNT" }) do
      local e = entry(name)
      assert.is_true(#saying(e, "5723") > 0, name .. " names 5723")
      for _, s in ipairs(saying(e, "5722")) do
        assert.is_nil(s:lower():find("could not be found", 1, true), name .. ": " .. s)
      end
    end
  end)

  it("calls 4769's field Failure Code, also in catalogue/win32.lua's header comment", function()
    local f = assert(io.open("catalogue/win32.lua", "rb"))
    local comment = {}
    for line in f:lines() do
      if not line:match("^%-%-") then break end
      comment[#comment + 1] = line:gsub("^%-%-%s*", "")
    end
    f:close()
    local text = table.concat(comment, " ")
    -- Each parenthesised field name belongs to the events just before it.
    for events, field in text:gmatch("([%d%s/,and]+)%((%u%l+ Code)%)") do
      if events:find("4769", 1, true) then assert.are.equal("Failure Code", field) end
      if events:find("4768", 1, true) then assert.are.equal("Result Code", field) end
    end
    assert.matches("4769[%d%s,and]*%(Failure Code%)", text)
    for _, e in ipairs(logonerr.errors) do
      if e.namespace == "win32" or e.namespace == "ntstatus" then
        for _, s in ipairs(saying(e, "4769", "Result Code")) do
          assert.is_nil(s:find("4769 with Result Code", 1, true), e.name .. ": " .. s)
        end
      end
    end
  end)

  describe("expired accounts in event 4625", function()
    local names = { "STATUS_ACCOUNT_RESTRICTION", "STATUS_ACCOUNT_EXPIRED",
                    "ERROR_ACCOUNT_EXPIRED", "ERROR_ACCOUNT_RESTRICTION" }

    it("puts 0xC0000193 in the Status, never as a Sub Status under 0xC000006E", function()
      -- LsaLogonUser documents four MSV1_0 Sub Status values (logon hours,
      -- workstation, expired password, disabled account); an expired
      -- account is not one of them.
      for _, name in ipairs(names) do
        for _, s in ipairs(texts(entry(name))) do
          assert.is_nil(s:find("Sub Status 0xC0000193", 1, true), name .. ": " .. s)
          assert.is_nil(s:find("0xC0000193 expired account", 1, true), name .. ": " .. s)
        end
      end
      local says_status = #saying(entry("ERROR_ACCOUNT_EXPIRED"), "0xC0000193 as the Status") > 0
      assert.is_true(says_status, "ERROR_ACCOUNT_EXPIRED: 0xC0000193 as the 4625 Status")
      assert.is_true(#saying(entry("STATUS_ACCOUNT_EXPIRED"), "4625", "Status itself") > 0)
      assert.is_true(#saying(entry("STATUS_ACCOUNT_RESTRICTION"), "0xC0000193", "own Status") > 0)
    end)

    it("lists the same four Sub Status values under 0xC000006E in both restriction entries",
       function()
      for _, name in ipairs({ "STATUS_ACCOUNT_RESTRICTION", "ERROR_ACCOUNT_RESTRICTION" }) do
        local s = saying(entry(name), "0xC000006F", "0xC0000070", "0xC0000071", "0xC0000072")
        assert.are.equal(1, #s, name)
        assert.is_nil(s[1]:find("0xC0000193", 1, true), name)
      end
    end)

    it("explains a real 0xC000006E with Sub Status 0x0 (EVTX-to-MITRE sample, evtxexport)",
       function()
      local path = "spec/fixtures/evtx/mitre-4625-account-restriction.evtx"
      local p = io.popen("evtxexport " .. path .. " 2>/dev/null")
      local out = p and p:read("*a") or ""
      if p then p:close() end
      if out == "" then
        pending("needs evtxexport (libevtx-utils) and " .. path)
        return
      end
      local status = out:match("String: 8%s*: (0x%x+)")
      local sub = out:match("String: 10%s*: (0x%x+)")
      assert.are.equal(0xC000006E, tonumber(status))
      assert.are.equal(0, tonumber(sub))
      local e = logonerr.lookup(tonumber(status))
      assert.are.equal("STATUS_ACCOUNT_RESTRICTION", e.name)
      assert.is_true(#saying(e, "no more specific Sub Status") > 0)
    end)
  end)

  it("never writes a catalogued name with another entry's number (ERROR_NO_LOGON_SERVERS)",
     function()
    for _, e in ipairs(logonerr.errors) do
      if e.namespace == "win32" or e.namespace == "ntstatus" then
        for _, s in ipairs(texts(e)) do
          for name, num in s:gmatch("([%u_]+_[%u_]+) %((0?x?%x+)%)") do
            local r = logonerr.by_name[name]
            local v = num:find("^0x") and tonumber(num:sub(3), 16) or tonumber(num)
            if r and v then
              assert.are.equal(r.code, v, e.name .. ": " .. name .. " (" .. num .. ")")
            end
          end
        end
      end
    end
    assert.are.equal(1792, S.ERROR_NETLOGON_NOT_STARTED)
    local fixed = saying(entry("ERROR_NO_LOGON_SERVERS"), "ERROR_NETLOGON_NOT_STARTED (1792)")
    assert.is_true(#fixed > 0)
  end)

  describe("claims the reviewer could not verify", function()
    it("marks 0xC0000073 and 0xC000035C in event 4625 as unconfirmed", function()
      for _, name in ipairs({ "STATUS_NONE_MAPPED", "STATUS_NETWORK_SESSION_EXPIRED" }) do
        for _, s in ipairs(saying(entry(name), "4625")) do
          local hedged = marked_unsure(s) or s:find("does not list", 1, true) or
                         s:find("leaves it out", 1, true)
          assert.is_truthy(hedged, name .. ": " .. s)
        end
      end
    end)

    it("gives STATUS_NO_SECRETS causes that are marked unconfirmed or sourced", function()
      local e = entry("STATUS_NO_SECRETS")
      for _, c in ipairs(e.causes) do
        assert.is_nil(c:find("has no password hash in the local SAM, so", 1, true), c)
        assert.is_truthy(marked_unsure(c) or c:find("as its message says", 1, true), c)
      end
    end)

    it("ties the LAN Manager level to 4776's 0xC000006D, hedged for a 4625 without Sub Status",
       function()
      for _, name in ipairs({ "STATUS_LOGON_FAILURE", "ERROR_LOGON_FAILURE" }) do
        local e = entry(name)
        assert.is_true(#saying(e, "LAN Manager", "4776") > 0, name)
        for _, s in ipairs(saying(e, "LAN Manager", "Sub Status")) do
          assert.is_truthy(marked_unsure(s), name .. ": " .. s)
        end
      end
    end)
  end)

  it("says how to find the server behind an NTLM failure, which 4776 does not name", function()
    for _, name in ipairs({ "STATUS_LOGON_FAILURE", "STATUS_WRONG_PASSWORD",
                            "STATUS_NO_SUCH_USER", "ERROR_LOGON_FAILURE" }) do
      local found = false
      for _, s in ipairs(entry(name).diagnosis) do
        local l = s:lower()
        if l:find("4776", 1, true) and l:find("server", 1, true) and l:find("4625", 1, true) then
          found = true
        end
      end
      assert.is_true(found, name)
    end
  end)

  it("gives the read-only DC context: the password replication policy", function()
    for _, name in ipairs({ "STATUS_NO_SECRETS", "ERROR_NO_SECRETS", "STATUS_LOGON_FAILURE" }) do
      local e = entry(name)
      assert.is_true(#saying(e, "read-only") > 0, name .. " read-only DC")
      local prp = #saying(e, "Password Replication Policy") +
                  #saying(e, "PasswordReplicationPolicy")
      assert.is_true(prp > 0, name .. " password replication policy")
    end
  end)

  -- The seeds' links that a later review found unrelated (generic
  -- parameter errors, LOGON_FAILURE, the LSA secret limit) are gone:
  -- review_catalogue_fixes_spec checks that.
  it("keeps the seeds' related errors that are related, with the SDK's numbers", function()
    local want = {
      ERROR_NO_SUCH_LOGON_SESSION = { ERROR_LOGON_SESSION_COLLISION = 1366 },
      ERROR_BAD_LOGON_SESSION_STATE = { ERROR_INVALID_PARAMETER = 87 },
    }
    for seed, links in pairs(want) do
      local e = entry(seed)
      local related = {}
      for _, r in ipairs(e.related) do related[r.name] = r end
      for name, code in pairs(links) do
        assert.are.equal(code, S[name], name .. " in winerror.h")
        assert.is_not_nil(related[name], seed .. " -> " .. name)
        assert.are.equal(code, related[name].code, seed .. " -> " .. name)
      end
    end
  end)

  it("sends a wrong current password on a domain account to 4771/4776, not to a failed 4723",
     function()
    -- Microsoft's 4723 page: a domain account's wrong old password is
    -- logged as 4771 or 4776 on the domain controller; 4723 fails for a
    -- policy refusal, or for a local account.
    local e = entry("ERROR_WRONG_PASSWORD")
    for _, s in ipairs(saying(e, "4723")) do
      assert.is_truthy(s:find("4771", 1, true) and s:find("4776", 1, true), s)
    end
    assert.is_true(#saying(e, "4723") > 0)
  end)

  describe("sources", function()
    local HEADER = { win32 = "winerror.h", ntstatus = "ntstatus.h" }

    -- The fields an entry's sources back, as a set.
    local function covered(e)
      local t = {}
      for _, src in ipairs(e.sources or {}) do
        for _, f in ipairs(src.covers) do t[f] = true end
      end
      return t
    end

    local function cites(e, pattern, field)
      for _, src in ipairs(e.sources or {}) do
        if (src.url or src.ref or ""):find(pattern) or src.title:find(pattern) then
          for _, f in ipairs(src.covers) do
            if f == field then return src end
          end
        end
      end
    end

    it("names, for every Win32 and NTSTATUS entry, the SDK header and a page for its knowledge",
       function()
      local n = 0
      for _, e in ipairs(logonerr.errors) do
        if HEADER[e.namespace] then
          n = n + 1
          local c = covered(e)
          assert.is_true(c.name and c.code and c.message, e.name .. ": name, code, message")
          assert.is_true(c.summary or c.causes or c.resolution, e.name .. ": knowledge")
          assert.is_truthy(cites(e, "^" .. HEADER[e.namespace]:gsub("%.", "%%.") .. "$", "code"),
                           e.name .. " cites " .. HEADER[e.namespace])
          for _, src in ipairs(e.sources) do
            assert.is_true(src.ref ~= nil or src.url:find("^https://") ~= nil,
                           e.name .. ": " .. src.title)
            if src.url then
              local host = src.url:match("^https://([^/]+)/")
              assert.is_truthy(({ ["learn.microsoft.com"] = 1, ["docs.microsoft.com"] = 1,
                                  ["support.microsoft.com"] = 1 })[host], e.name .. ": " .. src.url)
            end
          end
        end
      end
      assert.are.equal(122, n)
    end)

    it("backs the corrected facts with the sources that settle them", function()
      -- 5723 from lmerrlog.h, the Sub Status values from LsaLogonUser,
      -- the 4776 blind spot from Microsoft's 4776 page, RODC caching from
      -- the Password Replication Policy pages.
      assert.is_truthy(cites(entry("STATUS_NO_TRUST_SAM_ACCOUNT"), "lmerrlog", "diagnosis"))
      assert.is_truthy(cites(entry("ERROR_NO_TRUST_SAM_ACCOUNT"), "lmerrlog", "diagnosis"))
      for _, name in ipairs({ "STATUS_ACCOUNT_RESTRICTION", "ERROR_ACCOUNT_RESTRICTION",
                              "ERROR_ACCOUNT_EXPIRED", "STATUS_ACCOUNT_EXPIRED" }) do
        local e = entry(name)
        assert.is_truthy(cites(e, "lsalogonuser", "diagnosis") or
                         cites(e, "lsalogonuser", "summary"), name)
      end
      assert.is_truthy(cites(entry("STATUS_LOGON_FAILURE"), "event%-4776", "diagnosis"))
      assert.is_truthy(cites(entry("ERROR_LOGON_FAILURE"), "event%-4776", "causes"))
      assert.is_truthy(cites(entry("STATUS_NO_SECRETS"), "passwordreplicationpolicyusage",
                             "diagnosis"))
      assert.is_truthy(cites(entry("STATUS_NETWORK_SESSION_EXPIRED"), "ms%-smb2", "summary"))
    end)
  end)
end)
