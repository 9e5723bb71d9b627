-- Review findings on how explain reads and quotes its input: a signed
-- code came back as " -1" (the space argparse needed), an HRESULT_FROM_NT
-- form was unknown under -n ntstatus, and full-width digits were quoted as
-- byte escapes.  Values come from ntstatus.h and winerror.h.
local logonerr = require "logonerr"
local sdk = require "support.sdk"
local run = require "support.run"
local json = require "dkjson"

local S = sdk.symbols()

describe("explain's input", function()
  it("is quoted back as typed when it is a signed number", function()
    local code, out, err = run.command("explain -- -1")
    assert.are.equal(1, code)
    assert.are.equal("", out)
    assert.matches('^logonerr: "%-1": not in the catalogue', err)
    code, out, err = run.command("-1")
    assert.are.equal(1, code)
    assert.are.equal("", out)
    assert.matches('^logonerr: "%-1":', err)
    local signed = S.STATUS_LOGON_FAILURE - 0x100000000 -- as logs print it
    code, out = run.command("-f json -- " .. signed)
    assert.are.equal(0, code)
    local v = json.decode(out)[1]
    assert.are.equal(tostring(signed), v.input)
    assert.are.equal(S.STATUS_LOGON_FAILURE, v.code)
  end)

  it("reads an HRESULT_FROM_NT form under -n ntstatus as the NTSTATUS", function()
    -- (bit 28 is clear in an NTSTATUS: adding it is HRESULT_FROM_NT's "or")
    local wrapped = S.STATUS_WRONG_PASSWORD + sdk.define("FACILITY_NT_BIT")
    local hex = ("0x%X"):format(wrapped)
    local code, out = run.command("-f line -n ntstatus " .. hex)
    assert.are.equal(0, code)
    assert.matches("^STATUS_WRONG_PASSWORD %(" .. ("0x%X"):format(S.STATUS_WRONG_PASSWORD), out)
    assert.are.equal(S.STATUS_WRONG_PASSWORD, logonerr.lookup(hex, "ntstatus").code)
    assert.are.equal(S.STATUS_WRONG_PASSWORD, logonerr.lookup(wrapped, "ntstatus").code)
  end)

  -- Bad input: full-width digits are not a number; the message shows them.
  it("is quoted as typed when it is valid UTF-8, escaped when it is not", function()
    local wide = "\239\188\145\239\188\147\239\188\146\239\188\150" -- U+FF11.. (full-width 1326)
    local code, out, err = run.command("explain " .. wide)
    assert.are.equal(1, code)
    assert.are.equal("", out)
    assert.matches('"' .. wide .. '": not a number or an error name', err, 1, true)
    assert.is_nil(err:find("\\239", 1, true))
    local _, why = logonerr.lookup(wide)
    assert.matches('"' .. wide .. '"', why, 1, true)
    -- Bytes that are no UTF-8 (a stray byte, a surrogate) stay escaped.
    _, why = logonerr.lookup("\255\254")
    assert.matches('"\\255\\254"', why, 1, true)
    _, why = logonerr.lookup("\237\160\128")
    assert.matches('"\\237\\160\\128"', why, 1, true)
    -- Characters a terminal acts on, or that reorder what it shows, stay
    -- escaped though they are UTF-8: U+009B (CSI, a C1 control) and
    -- U+202E (RIGHT-TO-LEFT OVERRIDE); an escape is three digits, so
    -- that \1 then a digit is not read as one number.
    _, why = logonerr.lookup("\194\1552J\226\128\174abc")
    assert.matches('"\\194\\1552J\\226\\128\\174abc"', why, 1, true)
    _, why = logonerr.lookup("\0012")
    assert.matches('"\\0012"', why, 1, true)
    -- Each UTF-8 form kept or escaped, as RFC 3629 says what is well
    -- formed: two, three and four bytes kept (é, €, U+1F600); overlong
    -- forms, what is above U+10FFFF, a cut sequence and a bad continuation
    -- byte escaped; the zero-width space, the line separator, the
    -- direction isolates and the byte-order mark escaped, a dash kept.
    local kept = { "\195\169", "\226\130\172", "\240\159\152\128", "\226\128\148",
                   "\194\160" }
    for _, c in ipairs(kept) do
      _, why = logonerr.lookup("x" .. c)
      assert.matches('"x' .. c .. '"', why, 1, true)
    end
    local escaped = {
      ["\224\128\128"] = "\\224\\128\\128", ["\240\128\128\128"] = "\\240\\128\\128\\128",
      ["\244\144\128\128"] = "\\244\\144\\128\\128", ["\226\128"] = "\\226\\128",
      ["\226\40\161"] = "\\226(\\161", ["\226\128\139"] = "\\226\\128\\139",
      ["\226\128\168"] = "\\226\\128\\168", ["\226\129\166"] = "\\226\\129\\166",
      ["\239\187\191"] = "\\239\\187\\191", ["\194\133"] = "\\194\\133",
    }
    for c, shown in pairs(escaped) do
      _, why = logonerr.lookup("x" .. c)
      assert.matches('"x' .. shown .. '"', why, 1, true)
    end
    -- A long input is cut between characters, never inside one.
    _, why = logonerr.lookup(("\239\188\145"):rep(20))
    assert.matches('^"' .. ("\239\188\145"):rep(13) .. '%.%.%."', why)
  end)
end)
