-- The Kerberos namespace: KRB-ERROR codes checked against MIT's krb5.h
-- (Debian libkrb5-dev, which `make test` installs through .ci/deps), not
-- against a list typed here.
local logonerr = require "logonerr"
local run = require("support.run").command

local KRB5_H = "/usr/include/krb5/krb5.h"

-- MIT's protocol error table: the com_err base and, for each code 0-127,
-- the name krb5.h gives it (KRB5PLACEHOLD_n for unassigned numbers).
local function read_krb5_h()
  local f = assert(io.open(KRB5_H, "rb"),
                   "missing " .. KRB5_H .. " (make test installs libkrb5-dev)")
  local text = f:read("*a")
  f:close()
  local base = tonumber(text:match("#define%s+ERROR_TABLE_BASE_krb5%s+%((%-?%d+)L%)"))
  assert(base, KRB5_H .. ": no ERROR_TABLE_BASE_krb5")
  local by_code, by_name = {}, {}
  for name, v in text:gmatch("#define%s+(KRB5[%w_]+)%s+%((%-%d+)L%)") do
    local n = tonumber(v) - base
    if n >= 0 and n <= 127 then
      by_code[n] = name
      by_name[name] = n
    end
  end
  return base, by_code, by_name
end

local BASE, MIT, MIT_CODE = read_krb5_h()

local function placeholder(n) return (MIT[n] or ""):match("^KRB5PLACEHOLD_") end

local function has(list, name)
  for _, x in ipairs(list or {}) do
    if x == name or (type(x) ~= "string" and x.name == name) then return true end
  end
  return false
end

-- Where the RFC's name is not MIT's name without its KRB5 prefix.
local RFC_SPELLING = {
  KRB5KDC_ERR_KEY_EXP = "KDC_ERR_KEY_EXPIRED",
  KRB5KDC_ERR_UNKNOWN_CRITICAL_FAST_OPTION = "KDC_ERR_UNKNOWN_CRITICAL_FAST_OPTIONS",
}

describe("the Kerberos namespace", function()
  it("reads krb5.h's table where the brief says it is", function()
    assert.are.equal(-1765328384, BASE)
    assert.are.equal("KRB5KDC_ERR_PREAUTH_FAILED", MIT[24])
    assert.is_truthy(placeholder(30))
  end)

  it("catalogues every code 0-100 that MIT assigns, under MIT's name too", function()
    local n = 0
    for code = 0, 100 do
      if MIT[code] and not placeholder(code) then
        n = n + 1
        local e = logonerr.kerberos[code]
        assert.is_not_nil(e, ("code %d (%s) is not catalogued"):format(code, MIT[code]))
        assert.are.equal("kerberos", e.namespace)
        assert.are.equal(code, e.code)
        assert.is_true(has(e.aliases, MIT[code]), e.name .. " lacks the alias " .. MIT[code])
        assert.are.equal(e, logonerr.lookup(MIT[code]), MIT[code])
        assert.are.equal(e, logonerr.lookup(MIT[code]:lower()), MIT[code]:lower())
        assert.are.equal(e, logonerr.lookup(BASE + code), "com_err value of " .. MIT[code])
      end
    end
    assert.are.equal(80, n) -- krb5.h 1.20 assigns 80 of 0-100
  end)

  it("gives each entry the RFC's spelling of MIT's name and MIT's code", function()
    local count = 0
    for _, e in ipairs(logonerr.errors) do
      if e.namespace == "kerberos" then
        count = count + 1
        assert.is_true(e.code >= 0 and e.code <= 127, e.name)
        assert.are.equal(e, logonerr.kerberos[e.code])
        local mit
        for _, a in ipairs(e.aliases or {}) do
          if a:match("^KRB5") then
            assert.is_nil(mit, e.name .. " has two MIT aliases")
            mit = a
          end
        end
        if mit then
          assert.are.equal(MIT_CODE[mit], e.code, e.name .. ": " .. mit .. " in krb5.h")
          assert.are.equal(RFC_SPELLING[mit] or mit:sub(5), e.name)
        else
          -- only an RFC assigns it; MIT keeps a placeholder there
          assert.is_truthy(placeholder(e.code), e.name .. " has no MIT alias")
        end
      end
    end
    assert.is_true(count >= 81)
  end)

  it("follows the RFC where Microsoft's event tables do not", function()
    -- Microsoft's 4768/4771 table puts USER_TO_USER_REQUIRED at 0x42 and
    -- SVC_UNAVAILABLE at 0x1B.
    assert.are.equal("KRB5KDC_ERR_CERTIFICATE_MISMATCH", MIT[0x42])
    assert.are.equal("KDC_ERR_CERTIFICATE_MISMATCH", logonerr.kerberos[0x42].name)
    assert.are.equal("KRB5KRB_AP_ERR_USER_TO_USER_REQUIRED", MIT[0x45])
    assert.are.equal("KRB_AP_ERR_USER_TO_USER_REQUIRED", logonerr.kerberos[0x45].name)
    assert.are.equal(0x45, logonerr.lookup("KRB_AP_ERR_USER_TO_USER_REQUIRED").code)
    assert.are.equal("KRB5KDC_ERR_MUST_USE_USER2USER", MIT[0x1B])
    assert.are.equal("KDC_ERR_MUST_USE_USER2USER", logonerr.kerberos[0x1B].name)
    assert.are.equal("KRB5KDC_ERR_SVC_UNAVAILABLE", MIT[0x1D])
    assert.are.equal(0x1D, logonerr.lookup("KDC_ERR_SVC_UNAVAILABLE").code)
  end)

  it("reads a number as Kerberos only when asked", function()
    local e = logonerr.lookup(0x18, "kerberos")
    assert.are.equal("KDC_ERR_PREAUTH_FAILED", e.name)
    assert.are.equal("0x18", e.hex)
    assert.are.equal(e, logonerr.lookup("0x18", "kerberos"))
    assert.are.equal(e, logonerr.lookup("KDC_ERR_PREAUTH_FAILED"))
    assert.are.equal(e, logonerr.lookup("kdc_err_preauth_failed"))
    assert.are.equal("KDC_ERR_KEY_EXPIRED", logonerr.lookup("krb5kdc_err_key_exp").name)
    assert.are.equal(e, logonerr.lookup(-1765328360))
    assert.are.equal(e, logonerr.lookup("-1765328360"))
    -- 24 alone is read as Win32 24 (ERROR_BAD_LENGTH in winerror.h), not as
    -- Kerberos 0x18; the catalogue has no ERROR_BAD_LENGTH, so it says so.
    assert.are.equal(24, require("support.sdk").symbols().ERROR_BAD_LENGTH)
    local w, msg = logonerr.lookup(24)
    assert.is_nil(w)
    assert.matches("not in the catalogue (win32 24, 0x18)", msg, 1, true)
    assert.is_nil((logonerr.lookup(200, "kerberos")))
    assert.is_nil((logonerr.lookup(30, "kerberos"))) -- unassigned
  end)

  it("lists the Kerberos reading after the Win32 and NTSTATUS ones", function()
    local function order(x)
      local seen_krb, names = false, {}
      for _, c in ipairs(logonerr.candidates(x)) do
        if c.namespace == "kerberos" then seen_krb = true
        else assert.is_false(seen_krb, x .. ": " .. c.namespace .. " after kerberos") end
        names[#names + 1] = c.entry.name
      end
      return names
    end
    assert.is_true(has(order("0x18"), "KDC_ERR_PREAUTH_FAILED"))
    -- 5 is both ERROR_ACCESS_DENIED and KDC_ERR_S_OLD_MAST_KVNO
    local five = order("5")
    assert.are.equal("ERROR_ACCESS_DENIED", five[1])
    assert.is_true(has(five, "KDC_ERR_S_OLD_MAST_KVNO"))
  end)

  it("formats one line as NAME (0xN): message", function()
    assert.are.equal("KDC_ERR_PREAUTH_FAILED (0x18): Pre-authentication information was invalid",
                     logonerr.format("KDC_ERR_PREAUTH_FAILED"))
    assert.are.equal("KRB_AP_ERR_SKEW (0x25): Clock skew too great",
                     logonerr.format(0x25 + BASE))
  end)

  it("links each failure Windows also reports as NTSTATUS to its twins", function()
    local want = {
      [0x6] = { "STATUS_NO_SUCH_USER" },
      [0x12] = { "STATUS_ACCOUNT_DISABLED", "STATUS_ACCOUNT_LOCKED_OUT", "STATUS_ACCOUNT_EXPIRED" },
      [0x17] = { "STATUS_PASSWORD_EXPIRED" },
      [0x18] = { "STATUS_WRONG_PASSWORD" },
      [0x25] = { "STATUS_TIME_DIFFERENCE_AT_DC", "ERROR_TIME_SKEW" },
    }
    for code, names in pairs(want) do
      for _, n in ipairs(names) do
        assert.is_true(has(logonerr.kerberos[code].related, n),
                       logonerr.kerberos[code].name .. " -> " .. n)
      end
    end
  end)

  it("explains in depth the codes domain controllers log", function()
    for _, code in ipairs({ 0x6, 0x7, 0xC, 0xE, 0x10, 0x12, 0x17, 0x18, 0x19,
                            0x1F, 0x20, 0x25, 0x29, 0x3C, 0x44 }) do
      local e = logonerr.kerberos[code]
      assert.is_string(e.summary)
      assert.is_string(e.severity)
      assert.is_true(#e.causes >= 2, e.name .. " causes")
      assert.is_true(#e.diagnosis >= 3, e.name .. " diagnosis")
      assert.is_true(#e.resolution >= 1, e.name .. " resolution")
      assert.is_true(#e.related >= 2, e.name .. " related")
      local commands = 0 -- (Lua 5.2's table.concat reads raw, so no concat)
      for _, step in ipairs(e.diagnosis) do
        if step:find("`") then commands = commands + 1 end
      end
      assert.is_true(commands >= 1, e.name .. " names no command")
    end
    for _, e in ipairs(logonerr.errors) do
      if e.namespace == "kerberos" then
        assert.is_true(#(e.diagnosis or {}) >= 2, e.name .. " diagnosis")
        assert.is_true(#e.related >= 2, e.name .. " related")
      end
    end
  end)
end)

describe("the logonerr command for Kerberos", function()
  it("explains a code with -n kerberos", function()
    local code, out, err = run("-n kerberos 0x18")
    assert.are.equal(0, code, err)
    assert.are.equal("", err)
    assert.is_truthy(out:find("KDC_ERR_PREAUTH_FAILED", 1, true))
    assert.is_truthy(out:find("Pre-authentication information was invalid", 1, true))
  end)

  it("lists the namespace", function()
    local code, out, err = run("list -n kerberos")
    assert.are.equal(0, code, err)
    local lines = 0
    for line in out:gmatch("[^\n]+") do
      lines = lines + 1
      assert.is_truthy(line:match("^K[DR][CB]_[%u%d_]+ %(0x[%x]+%): "), line)
    end
    local n = 0
    for _, e in ipairs(logonerr.errors) do
      if e.namespace == "kerberos" then n = n + 1 end
    end
    assert.are.equal(n, lines)
    local line = "KDC_ERR_PREAUTH_FAILED (0x18): Pre-authentication information was invalid\n"
    assert.is_truthy(out:find(line, 1, true))
  end)

  it("finds Kerberos entries by word", function()
    local code, out, err = run("search preauth")
    assert.are.equal(0, code, err)
    assert.is_truthy(out:find("KDC_ERR_PREAUTH_FAILED (0x18)", 1, true))
    assert.is_truthy(out:find("KDC_ERR_PREAUTH_REQUIRED (0x19)", 1, true))
  end)
end)
