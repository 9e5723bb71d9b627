-- README.md as a newcomer reads it: short, and every example in it runs
-- as shown.  Each `$ logonerr ...` line of a plain code block runs from an
-- empty folder (the checkout's command on PATH as `logonerr`, $LOGS the
-- sample logs) and must print the lines under it; each Lua block runs
-- against the checkout's module and must print what its `-->` comments say.
local run = require "support.run"
local examples = require "support.examples"

local LUA = os.getenv("LUA") or "lua5.4"

local slurp, sh, blocks = run.read, run.sh, examples.blocks

local README = slurp("README.md")
local CHECKOUT = run.pwd()

describe("README.md", function()
  it("is under 300 lines", function()
    local _, n = README:gsub("\n", "")
    assert.is_true(n < 300, n .. " lines")
  end)

  it("shows the three jobs and the two set-up commands on its first screen", function()
    local first = table.concat({ README:match(("[^\n]*\n"):rep(40)) })
    assert.matches("\n    logonerr 0x%x+ ", first)
    assert.matches("\n    logonerr scan ", first)
    assert.matches("\n    logonerr events ", first)
    assert.matches("\n    sh %.ci/deps run && make && bin/logonerr events ", first)
    assert.matches("\n    sh %.ci/deps test && make test\n", first)
  end)

  it("links to files that exist", function()
    local n = 0
    for target in README:gmatch("%]%(([^)#]+)[^)]*%)") do
      if not target:find("^%a+:") then
        n = n + 1
        assert.is_truthy(io.open(target, "rb"), target)
      end
    end
    assert.is_true(n >= 8)
  end)

  describe("runs each command of its examples as shown", function()
    local dir = examples.folder(CHECKOUT)
    assert(run.ok("mkdir -p " .. dir .. "/work"))
    local env = "cd " .. dir .. "/work && PATH='" .. dir .. "/bin':\"$PATH\" LOGS='" ..
                CHECKOUT .. "/spec/fixtures/evtx' "
    teardown(function() run.ok("rm -rf " .. dir) end)

    for _, ex in ipairs(examples.commands(README)) do
      it(ex.cmd, function() examples.check(env, ex.cmd, ex.want) end)
    end
  end)

  it("has Lua examples that print what their --> comments say", function()
    local n = 0
    for _, b in ipairs(blocks(README)) do
      if b.lang == "lua" then
        n = n + 1
        local code, want = table.concat(b.lines, "\n"), {}
        for _, line in ipairs(b.lines) do
          local shown = line:match("%-%->%s*(.-)%s*$")
          if shown then want[#want + 1] = shown:gsub("%s+", " ") end
        end
        local path = run.tempfile(code)
        local build = LUA == "luajit" and "luajit" or LUA
        local ok, out = sh(run.PLAIN .. "-u LOGONERR_BUILD " ..
          "LUA_PATH='lua/?.lua;lua/?/init.lua;;' LUA_CPATH='build/" .. build .. "/?.so;;' " ..
          LUA .. " " .. path)
        os.remove(path)
        assert.is_true(ok, out)
        local got = {}
        for line in out:gmatch("([^\n]*)\n") do got[#got + 1] = line:gsub("%s+", " ") end
        assert.are.same(want, got)
      end
    end
    assert.is_true(n > 0)
  end)
end)
