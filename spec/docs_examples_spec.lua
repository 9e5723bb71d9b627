-- The shell examples of the docs run as shown.  Each `$ ...` line of a
-- plain code block runs in a folder that holds the checkout's command as
-- bin/logonerr (also on PATH as `logonerr`) and its spec/ (the sample
-- logs), and must print the lines under it: all of them, unless the block
-- cuts the rest with a last line "...", as the doc then says.
local run = require "support.run"
local examples = require "support.examples"

local CHECKOUT = run.pwd()
local DOCS = { "doc/command.md", "doc/scanning.md", "doc/security-events.md" }

describe("the docs' examples", function()
  local dir = examples.folder(CHECKOUT)
  assert(run.ok("ln -s '" .. CHECKOUT .. "/spec' " .. dir .. "/spec"))
  local prefix = "cd " .. dir .. " && PATH='" .. dir .. "/bin':\"$PATH\" "
  teardown(function() run.ok("rm -rf " .. dir) end)

  for _, doc in ipairs(DOCS) do
    describe(doc, function()
      local list = examples.commands(run.read(doc))
      it("has examples", function() assert.is_true(#list > 0) end)
      for _, ex in ipairs(list) do
        it(ex.cmd, function() examples.check(prefix, ex.cmd, ex.want) end)
      end
    end)
  end
end)
