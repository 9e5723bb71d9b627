-- Every option each command's --help lists is in doc/command.md and in the
-- man page's OPTIONS, so a new option cannot go undocumented.
local run = require "support.run"

local COMMANDS = { "explain", "list", "search", "scan", "events" }

-- The option names of `logonerr command --help`: "-f", "--format", ...
local function options(command)
  local status, out = run.command(command .. " --help")
  assert.are.equal(0, status)
  local list = {}
  for line in out:gmatch("[^\n]+") do
    local label = line:match("^   (%-.-)%s%s") or line:match("^   (%-%S+)$")
    if label then
      for name in label:gmatch("%-%-?[%w-]+") do list[#list + 1] = name end
    end
  end
  return list
end

describe("the options of each command", function()
  local guide = run.read("doc/command.md")
  local man = run.read("doc/logonerr.1")
  local man_options = assert(man:match("\n%.SH OPTIONS\n(.-)\n%.SH "))
  for _, command in ipairs(COMMANDS) do
    it("are documented: " .. command, function()
      local names = options(command)
      assert.is_true(#names >= 2, command)
      for _, name in ipairs(names) do
        assert.is_truthy(guide:find("`" .. name .. "`", 1, true) or
                         guide:find("`" .. name .. " ", 1, true),
                         "doc/command.md lacks " .. command .. " " .. name)
        assert.is_truthy(man_options:find(name:gsub("%-", "\\-"), 1, true),
                         "the man page's OPTIONS lack " .. command .. " " .. name)
      end
    end)
  end
end)
