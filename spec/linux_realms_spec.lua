-- The logs a real MIT KDC and a real Samba AD DC wrote for logons made
-- against them (spec/fixtures/linux/, made by make fixtures-linux): what
-- logonerr finds in them is what the logons were (realms/check.lua).
local run = require "support.run"

local DIR = "spec/fixtures/linux/"

local function check(expected)
  local out = os.tmpname()
  -- the interpreter and the module the specs run with
  local lua = (os.getenv("LUA") or "lua5.4") .. " "
  local ok = run.ok("LUA_CPATH='" .. package.cpath .. "' " .. lua .. "realms/check.lua " ..
                    expected .. " " .. DIR ..
                    "krb5kdc.log " .. DIR .. "samba-auth-audit.log >" .. out .. " 2>&1")
  local f = io.open(out)
  local text = f:read("*a")
  f:close()
  os.remove(out)
  return ok, text
end

describe("the logs of real Linux servers", function()
  it("give, through scan, the failures per result and account the logons made", function()
    local ok, text = check(DIR .. "expected")
    assert.is_true(ok, text)
    assert.truthy(text:find("test-realms: ok, 125 results", 1, true), text)
  end)

  it("are checked for real: one logon less in the list is seen", function()
    local lines = {}
    for line in io.lines(DIR .. "expected") do lines[#lines + 1] = line end
    for _, drop in ipairs({ "mit CLIENT_LOCKED_OUT dave",
                            "samba NT_STATUS_ACCOUNT_EXPIRED erin" }) do
      local kept, dropped = {}, false
      for _, line in ipairs(lines) do
        if line == drop and not dropped then dropped = true else kept[#kept + 1] = line end
      end
      assert.is_true(dropped, drop)
      local path = run.tempfile(table.concat(kept, "\n") .. "\n")
      local ok, text = check(path)
      os.remove(path)
      assert.is_false(ok, drop)
      local who, result, account = drop:match("(%S+) (%S+) (%S+)")
      assert.truthy(text:find(who .. " " .. result .. " " .. account, 1, true), text)
      assert.truthy(text:find("made 0, logonerr read 1", 1, true), text)
    end
  end)
end)
