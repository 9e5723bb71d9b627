-- Values in a log that no Windows writes: each is refused or skipped with
-- its reason, and the rest of the log is read.
local run = require "support.run"

-- exit status, stdout, stderr of `logonerr events ARGS` with text on stdin
local function events(text, args)
  return run.command("events " .. (args or "-f json"), text)
end

describe("logonerr events and values no Windows writes", function()
  -- A Status field is 32 bits; 0x followed by 17 hex digits is no code.
  it("a hex Status of 17 digits: no crash, the code unread", function()
    local code, out, err = events('{"EventID":4625,"TimeCreated":"2024-05-01T10:00:00Z",' ..
                                  '"Status":"0xFFFFFFFFFFFFFFFFF"}\n')
    assert.are.equal(0, code, err)
    assert.are.equal("", err)
    local r = require("dkjson").decode(out)
    assert.are.equal(1, r.events)
    assert.are.equal(1, r.failures)
    assert.are.equal(1, #r.by_code)
    assert.are.equal("(no code)", r.by_code[1].name)
    -- leading zeros are still read: 18 digits, one 32-bit code
    code, out = events('{"EventID":4625,"TimeCreated":"2024-05-01T10:00:00Z",' ..
                       '"Status":"0x00000000C000006A"}\n')
    assert.are.equal(0, code)
    assert.are.equal("STATUS_WRONG_PASSWORD", require("dkjson").decode(out).by_code[1].name)
  end)
end)
