-- make install, as a user runs it: staged under DESTDIR with a PREFIX of
-- its own, then the installed command run from another directory on a
-- sample log, with Lua's paths pointing at the staged tree only for
-- logonerr (dkjson and argparse still come from the system).
local run = require "support.run"

local LUA = os.getenv("LUA") or "lua5.4"
local VERSION = LUA == "luajit" and "jit" or assert(LUA:match("^lua(%d%.%d)$"), LUA)
local ABI = VERSION == "jit" and "5.1" or VERSION
local BUILD = VERSION == "jit" and "luajit" or "lua" .. VERSION

local sh, pwd = run.sh, run.pwd

describe("make install DESTDIR=... PREFIX=...", function()
  local checkout = pwd()
  local stage = os.tmpname()
  os.remove(stage)
  local prefix = "/opt/logonerr-spec"
  local root = stage .. prefix
  local ok, log = sh(run.PLAIN .. "make --no-print-directory install LUA_VERSION=" .. VERSION ..
                     " DESTDIR=" .. stage .. " PREFIX=" .. prefix)
  -- Paths as Debian's Lua has them, with the staged tree first.
  local env = run.PLAIN .. "-u LOGONERR_BUILD LUA_PATH='" .. root .. "/share/lua/" .. ABI ..
    "/?.lua;" .. root .. "/share/lua/" .. ABI .. "/?/init.lua;;' LUA_CPATH='" .. root ..
    "/lib/lua/" .. ABI .. "/?.so;;' "
  local function installed(args)
    return sh("cd /tmp && " .. env .. root .. "/bin/logonerr " .. args)
  end

  teardown(function() sh("rm -rf " .. stage) end)

  it("succeeds", function()
    assert.is_true(ok, log)
  end)

  it("installs every module the checkout has, where require finds it", function()
    -- Each Lua file under lua/ and each C module the build made.
    local names = {}
    local p = assert(io.popen("cd lua && find logonerr -name '*.lua'; cd ../build/" .. BUILD ..
                              " && find logonerr -name '*.so'"))
    for f in p:lines() do
      names[#names + 1] = f:gsub("%.%a+$", ""):gsub("/init$", ""):gsub("/", ".")
    end
    p:close()
    assert.is_true(#names > 10)
    local found = {}
    for _, name in ipairs(names) do found[#found + 1] = "'" .. name .. "'" end
    local script = "for _, n in ipairs({" .. table.concat(found, ",") .. "}) do " ..
      "print(n, package.searchpath(n, package.path) or package.searchpath(n, package.cpath)) end"
    local okp, out = sh("cd /tmp && " .. env .. LUA .. " -e \"" .. script .. "\"")
    assert.is_true(okp, out)
    for _, name in ipairs(names) do
      local path = out:match("\n?" .. name:gsub("%p", "%%%0") .. "\t([^\n]*)")
      assert.is_truthy(path, name .. " was not installed")
      assert.are.equal(root, path:sub(1, #root), name .. " found at " .. path)
    end
  end)

  it("gives a command that explains a code", function()
    local okc, out = installed("-f line 0xC000006A")
    assert.is_true(okc, out)
    assert.are.equal("STATUS_WRONG_PASSWORD (0xC000006A): When trying to update a password, " ..
      "this return status indicates that the value provided as the current password is " ..
      "not correct.\n", out)
  end)

  it("gives a command that triages an EVTX log", function()
    -- python-evtx counts 54 events 4771 with Failure Code 0x18 in this
    -- sample (spec/fixtures/evtx/SOURCES.md).
    local okc, out = installed("events -f json " .. checkout ..
                               "/spec/fixtures/evtx/mitre-4771-kerberos-bf-valid-user.evtx")
    assert.is_true(okc, out)
    assert.matches('"events":54[,}]', out)
    assert.matches('"name":"KDC_ERR_PREAUTH_FAILED"', out)
  end)

  it("installs the man page", function()
    assert.is_true(run.ok("test -s " .. root .. "/share/man/man1/logonerr.1"))
  end)
end)
