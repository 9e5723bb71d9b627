-- The shell examples of a Markdown file, as the specs check them: each
-- `$ command` line of a plain fenced block, and the lines under it, which
-- are what the command prints (all of them, or those before a last line
-- "..." when the example cuts the rest).  Blank lines between two examples
-- of one block separate them.
local assert = require "luassert"
local run = require "support.run"

local M = {}

local LUA = os.getenv("LUA") or "lua5.4"

--- The fenced blocks of text: { lang = "lua" or "", lines = {...} }.
function M.blocks(text)
  local list, cur = {}, nil
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    local fence = line:match("^```(%w*)%s*$")
    if fence and cur == nil then
      cur = { lang = fence, lines = {} }
    elseif fence and fence == "" then
      list[#list + 1] = cur
      cur = nil
    elseif cur then
      cur.lines[#cur.lines + 1] = line
    end
  end
  return list
end

--- The commands of text's plain blocks, in order: { cmd =, want = {...} }.
function M.commands(text)
  local list = {}
  for _, b in ipairs(M.blocks(text)) do
    if b.lang == "" then
      local cur
      for _, line in ipairs(b.lines) do
        local cmd = line:match("^%$ (.*)$")
        if cmd then
          cur = { cmd = cmd, want = {} }
          list[#list + 1] = cur
        elseif cur then
          cur.want[#cur.want + 1] = line
        end
      end
    end
  end
  for _, c in ipairs(list) do
    while c.want[#c.want] == "" do c.want[#c.want] = nil end
  end
  return list
end

--- A new folder holding bin/logonerr, which runs the checkout's command
-- with $LUA; its path.  (With bin on PATH, `logonerr` runs it too.)
function M.folder(checkout)
  local dir = os.tmpname()
  os.remove(dir)
  assert(run.ok("mkdir -p " .. dir .. "/bin"))
  run.write(dir .. "/bin/logonerr",
            "#!/bin/sh\nexec " .. LUA .. " '" .. checkout .. "/bin/logonerr' \"$@\"\n")
  assert(run.ok("chmod +x " .. dir .. "/bin/logonerr"))
  return dir
end

--- Runs cmd through sh, after the shell words prefix (a cd, variables),
-- and checks that it succeeds and prints the lines of want.
function M.check(prefix, cmd, want)
  local ok, out = run.sh(prefix .. "sh -c '" .. cmd:gsub("'", "'\\''") .. "'")
  assert.is_true(ok, out)
  local got = {}
  for line in out:gmatch("([^\n]*)\n") do got[#got + 1] = line end
  for k, line in ipairs(want) do
    if line == "..." and k == #want then return end -- the rest is left out
    assert.are.equal(line, got[k], cmd .. ", line " .. k)
  end
  assert.are.equal(#want, #got, cmd .. ": lines printed")
end

return M
