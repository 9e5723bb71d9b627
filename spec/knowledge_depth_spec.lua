-- The knowledge an expert would sign (issue 15): every entry, whatever
-- its namespace, says what to check and what it is related to, and keeps
-- finding out (diagnosis) apart from changing things (resolution).
local logonerr = require "logonerr"

local K = require "support.knowledge"
local norm, texts = K.norm, K.texts

describe("the knowledge of every entry", function()
  it("has a diagnosis of at least two steps and at least two related errors", function()
    for _, e in ipairs(logonerr.errors) do
      assert.is_true(e.diagnosis ~= nil and #e.diagnosis >= 2, e.name .. ": diagnosis")
      assert.is_true(#e.related >= 2, e.name .. ": related")
      for _, r in ipairs(e.related) do assert.are_not.equal(e, r, e.name) end
    end
  end)

  it("never repeats a step between diagnosis and resolution", function()
    for _, e in ipairs(logonerr.errors) do
      local seen = {}
      for _, s in ipairs(e.diagnosis or {}) do seen[norm(s)] = true end
      for _, s in ipairs(e.resolution or {}) do
        assert.is_nil(seen[norm(s)], e.name .. " repeats: " .. s)
      end
    end
  end)

  it("never says event 4776 has a Sub Status", function()
    for _, e in ipairs(logonerr.errors) do
      for _, s in ipairs(texts(e)) do
        local l = s:lower()
        if l:find("4776", 1, true) and l:find("sub ?status") then
          -- only a sentence that says 4776 has none may name both
          assert.is_truthy(l:find("no sub ?status") or l:find("not a sub ?status") or
                           l:find("has no"), e.name .. ": " .. s)
        end
      end
    end
  end)

  it("lets NTSTATUS twins share lists, never copy items", function()
    for _, e in ipairs(logonerr.errors) do
      if e.win32 then
        for _, f in ipairs(logonerr.list_fields) do
          local mine, theirs = e[f], e.win32[f]
          if mine and theirs then
            local same = #mine == #theirs
            for i = 1, #mine do same = same and mine[i] == theirs[i] end
            if not same then -- a list of its own: no item of the twin's
              local t = {}
              for _, s in ipairs(theirs) do t[norm(s)] = true end
              for _, s in ipairs(mine) do
                assert.is_nil(t[norm(s)], e.name .. " copies " .. f .. ": " .. s)
              end
            end
          end
        end
      end
    end
  end)

  it("links Kerberos and SSPI codes with their NTLM-side twins, both ways", function()
    -- SPEC.md, "Links across schemes", and the issue's examples
    local pairs_ = {
      { "KDC_ERR_PREAUTH_FAILED", "STATUS_WRONG_PASSWORD" },
      { "KDC_ERR_CLIENT_REVOKED", "STATUS_ACCOUNT_DISABLED" },
      { "KDC_ERR_CLIENT_REVOKED", "STATUS_ACCOUNT_LOCKED_OUT" },
      { "KDC_ERR_CLIENT_REVOKED", "STATUS_ACCOUNT_EXPIRED" },
      { "KRB_AP_ERR_SKEW", "STATUS_TIME_DIFFERENCE_AT_DC" },
      { "KDC_ERR_C_PRINCIPAL_UNKNOWN", "STATUS_NO_SUCH_USER" },
      { "KDC_ERR_KEY_EXPIRED", "STATUS_PASSWORD_EXPIRED" },
      { "SEC_E_LOGON_DENIED", "STATUS_LOGON_FAILURE" },
      { "SEC_E_LOGON_DENIED", "ERROR_LOGON_FAILURE" },
      { "SEC_E_NO_CREDENTIALS", "ERROR_NO_SUCH_LOGON_SESSION" },
      { "SEC_E_TIME_SKEW", "KRB_AP_ERR_SKEW" },
    }
    for _, p in ipairs(pairs_) do
      local a, b = logonerr.by_name[p[1]], logonerr.by_name[p[2]]
      assert.is_true(K.names(a.related)[b.name], a.name .. " -> " .. b.name)
      assert.is_true(K.names(b.related)[a.name], b.name .. " -> " .. a.name)
    end
  end)
end)
