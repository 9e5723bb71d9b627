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
    -- Each Lua file under lua/ and each C module the build made, at the
    -- path package.path or package.cpath above names for it.
    local files = {}
    local p = assert(io.popen("cd lua && find logonerr -name '*.lua'"))
    for f in p:lines() do files[#files + 1] = root .. "/share/lua/" .. ABI .. "/" .. f end
    p:close()
    p = assert(io.popen("cd build/" .. BUILD .. " && find logonerr -name '*.so'"))
    for f in p:lines() do files[#files + 1] = root .. "/lib/lua/" .. ABI .. "/" .. f end
    p:close()
    assert.is_true(#files > 10)
    for _, f in ipairs(files) do
      assert.is_truthy(run.read(f), f .. " was not installed")
    end
    -- and the staged tree is what an interpreter given those paths loads
    local okc, out = sh("cd /tmp && " .. env .. LUA .. " -e \"" ..
      "print(debug.getinfo(require('logonerr.events').records, 'S').source)\"")
    assert.is_true(okc, out)
    assert.are.equal("@" .. root .. "/share/lua/" .. ABI .. "/logonerr/events/init.lua\n", out)
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
