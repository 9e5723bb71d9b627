-- The rockspecs install what make install installs: every Lua file under
-- lua/ as the module require finds it, and every C source of each module.
local function rockspec(path)
  local env = {}
  local chunk = assert(loadfile(path, "t", env))
  if setfenv then setfenv(chunk, env) end -- Lua 5.1, LuaJIT
  chunk()
  return env
end

local function lines(cmd)
  local t = {}
  local p = assert(io.popen(cmd))
  for l in p:lines() do t[#t + 1] = l end
  p:close()
  return t
end

describe("rockspec/logonerr-scm-1.rockspec", function()
  local spec = rockspec("rockspec/logonerr-scm-1.rockspec")
  local modules = spec.build.modules

  it("names every Lua file under lua/, as the module it is", function()
    local files = lines("cd lua && find logonerr -name '*.lua' | sort")
    assert.is_true(#files > 10)
    for _, f in ipairs(files) do
      local name = f:gsub("%.lua$", ""):gsub("/init$", ""):gsub("/", ".")
      assert.are.equal("lua/" .. f, modules[name], name .. " is not in the rockspec")
    end
    for name, m in pairs(modules) do
      if type(m) == "string" then
        assert.is_truthy(io.open(m), name .. ": " .. m .. " does not exist")
      end
    end
  end)

  it("builds logonerr.core from the sources make builds it from", function()
    local make = lines("make -s -n -B build/lua5.4/logonerr/core.so LUA_VERSION=5.4 " ..
                       "BUILD=build/lua5.4")
    local cmd = table.concat(make, " ")
    local want = {}
    for src in cmd:gmatch("csrc/[%w_]+%.c") do want[#want + 1] = src end
    table.sort(want)
    local got = {}
    for i, src in ipairs(modules["logonerr.core"].sources) do got[i] = src end
    table.sort(got)
    assert.are.same(want, got)
  end)

  it("installs the command", function()
    assert.are.equal("bin/logonerr", spec.build.install.bin.logonerr)
  end)
end)
