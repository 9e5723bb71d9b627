-- Running the logonerr command as a user does, capturing what it prints.
local M = {}

-- Prefix for tools the specs call that are not logonerr (compilers, Wine):
-- under make sanitize they must not inherit the preloaded sanitizers.
M.PLAIN = "env -u LD_PRELOAD "

-- Did the shell command succeed?  (os.execute gives a status number on
-- Lua 5.1 and LuaJIT, true or nil from 5.2 on.)
function M.ok(cmd)
  local r = os.execute(cmd)
  return r == true or r == 0
end

-- The bytes of a file.
function M.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

-- The bytes of a temporary file, which is removed.
local function slurp(path)
  local s = M.read(path)
  os.remove(path)
  return s
end

-- Success and output (stdout and stderr) of a shell command.  (os.execute:
-- io.popen's close gives no exit status on Lua 5.1.)
function M.sh(cmd)
  local out = os.tmpname()
  local ok = M.ok(cmd .. " >" .. out .. " 2>&1")
  return ok, slurp(out)
end

-- The current directory.
function M.pwd()
  local p = assert(io.popen("pwd"))
  local d = p:read("*l")
  p:close()
  return d
end

-- Writes s to the file at path (made or emptied).
function M.write(path, s)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
end

-- A temporary file holding text; its path.
function M.tempfile(text)
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
  return path
end

-- exit status, stdout, stderr of `logonerr args` (stdin: text to pipe in,
-- or nil; env: the shell's VAR=value words to run it with, or nil).  The
-- interpreter is $LUA, lua5.4 by default.
function M.command(args, stdin, env)
  local out, err = os.tmpname(), os.tmpname()
  local cmd = (env and env .. " " or "") .. (os.getenv("LUA") or "lua5.4") ..
              " bin/logonerr " .. args .. " >" .. out .. " 2>" .. err
  local input
  if stdin then
    input = os.tmpname()
    local f = io.open(input, "wb")
    f:write(stdin)
    f:close()
    cmd = cmd .. " <" .. input
  end
  local ok, _, code = os.execute(cmd)
  if input then os.remove(input) end
  if type(ok) == "number" then code = ok / 256 ; ok = code == 0 end -- 5.1
  return (ok and 0 or code), slurp(out), slurp(err)
end

-- Asserts that `logonerr args` refuses: exit 2, nothing on stdout, and
-- message on stderr (a pattern, or plain text when plain); gives stderr.
function M.refused(args, message, plain)
  local assert = require "luassert" -- (busted's, which a module is not given)
  local code, out, err = M.command(args)
  assert.are.equal(2, code, args)
  assert.are.equal("", out, args)
  assert.matches(message, err, 1, plain)
  return err
end

return M
