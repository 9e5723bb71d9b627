-- logonerr scan on what administrators export: an EVTX file is refused
-- with a pointer to logonerr events (exit 2), UTF-16 text is decoded.
local run = require("support.run").command

local TEXT = "Failure Information:\r\n\tSub Status:\t\t0xC000006A\r\n" ..
             "System error 1219 has occurred.\r\n"

-- TEXT in UTF-16, little- or big-endian, with or without a BOM.
local function utf16(s, big, bom)
  local out = {}
  if bom then out[1] = big and "\254\255" or "\255\254" end
  for c in s:gmatch(".") do out[#out + 1] = big and ("\0" .. c) or (c .. "\0") end
  return table.concat(out)
end

describe("logonerr scan on exported logs", function()
  it("refuses an EVTX file, naming it and the command that reads it", function()
    local path = "spec/fixtures/evtx/mitre-4625-account-restriction.evtx"
    local code, out, err = run("scan " .. path)
    assert.are.equal(2, code)
    assert.are.equal("", out)
    assert.matches(path, err, 1, true)
    assert.matches("logonerr events", err, 1, true)
    assert.is_nil(out:find("0 codes found", 1, true))
  end)

  it("refuses EVTX on stdin too", function()
    local f = io.open("spec/fixtures/evtx/mitre-4625-account-restriction.evtx", "rb")
    local data = f:read("*a")
    f:close()
    local code, _, err = run("scan", data)
    assert.are.equal(2, code)
    assert.matches("logonerr events", err, 1, true)
  end)

  for _, form in ipairs({ { "UTF-16LE with a BOM", false, true },
                          { "UTF-16BE with a BOM", true, true },
                          { "UTF-16LE without a BOM", false, false } }) do
    it("decodes " .. form[1], function()
      local code, out = run("scan -f json", utf16(TEXT, form[2], form[3]))
      assert.are.equal(0, code)
      local found = {}
      for name in out:gmatch('"name":%s*"([%w_]+)"') do found[#found + 1] = name end
      table.sort(found)
      assert.are.same({ "ERROR_SESSION_CREDENTIAL_CONFLICT", "STATUS_WRONG_PASSWORD" }, found)
    end)
  end
end)
