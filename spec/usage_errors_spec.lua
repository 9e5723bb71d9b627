-- A usage error prints the usage of the command it is in, as argparse's
-- parse does for a command's parser: `logonerr events --bogus` shows
-- `Usage: logonerr events ...`, not the top-level `<command> ...`.  The
-- default command's (codes with no command name) is explain's.
local run = require("support.run").command

-- The usage paragraph that `logonerr command --help` starts with.
local function usage_of(command)
  local status, out = run(command .. " --help")
  assert.are.equal(0, status)
  return assert(out:match("^(Usage: .-)\n\n"))
end

describe("a usage error", function()
  local CASES = {
    { "events --bogus", "events", "unknown option '--bogus'" },
    { "events -f line x", "events", "argument for option '-f' must be one of" },
    { "events -j 0 x", "events", "jobs must be a whole number from 1 to 64 (got '0')" },
    { "scan -j 0 x", "scan", "jobs must be a whole number from 1 to 64 (got '0')" },
    { "scan --bogus", "scan", "unknown option '--bogus'" },
    { "list --namespace nope", "list", "argument for option '--namespace' must be one of" },
    { "list extra", "list", "too many arguments" },
    { "search", "search", "missing argument 'words'" },
    { "search --bogus x", "search", "unknown option '--bogus'" },
    { "explain --bogus 1326", "explain", "unknown option '--bogus'" },
    { "explain --forms --sources 1326", "explain", "can not be used together" },
    -- the default command: codes with no command name
    { "--bogus 1326", "explain", "unknown option '--bogus'" },
    { "-n nope 1326", "explain", "argument for option '-n' must be one of" },
  }
  for _, case in ipairs(CASES) do
    local args, command, why = case[1], case[2], case[3]
    it("shows its command's usage: logonerr " .. args, function()
      local status, out, err = run(args)
      assert.are.equal(2, status)
      assert.are.equal("", out)
      local usage, message = err:match("^(Usage: .-)\n\nError: (.-)\n$")
      assert.is_truthy(usage, err)
      assert.are.equal(usage_of(command), usage)
      assert.matches("^Usage: logonerr " .. command .. " ", usage)
      assert.is_truthy(message:find(why, 1, true), message)
    end)
  end

  it("without a command or codes, shows the command's own usage", function()
    local status, out, err = run("")
    assert.are.equal(2, status)
    assert.are.equal("", out)
    assert.are.equal(usage_of("") .. "\n\nError: no codes given (try 'logonerr --help')\n",
                     err)
  end)
end)
