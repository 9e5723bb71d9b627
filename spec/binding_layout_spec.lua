-- The C binding's files depend on one another one way: lcore.c opens the
-- module through lentry.c and lscan.c; all three use the shared helpers of
-- lbind.c, which uses none of them; the export mark and the Lua 5.1 shim
-- are in lcompat.h, which the events modules (levtx.c, leventxml.c) use
-- too.  Read from the sources' #include lines and the functions each file
-- calls.
local read = require("support.run").read

local function includes(p)
  local set = {}
  for h in read(p):gmatch('#include "([%w_]+)%.h"') do set[h] = true end
  return set
end

describe("the C binding files", function()
  it("have no circle: lbind <- lentry, lscan <- lcore", function()
    assert.are.same({ lbind = true }, includes("csrc/lbind.c"))
    assert.are.same({ logonerr = true, lcompat = true }, (function()
      local s = includes("csrc/lbind.h"); s.lua, s.lauxlib = nil, nil; return s end)())
    assert.are.same({ lua = true, lauxlib = true }, includes("csrc/lcompat.h"))
    for _, f in ipairs({ "lentry", "lscan" }) do
      local inc = includes("csrc/" .. f .. ".c")
      assert.is_nil(inc.lcore, f)
      assert.is_nil(inc[f == "lentry" and "lscan" or "lentry"], f)
    end
    -- lbind.c calls nothing of the others, and defines every lbind_ helper
    local lbind = read("csrc/lbind.c")
    assert.is_nil(lbind:find("lentry_", 1, true))
    assert.is_nil(lbind:find("lscan_", 1, true))
    for name in read("csrc/lbind.h"):gmatch("void (lbind_[%w_]+)%(") do
      assert.is_truthy(lbind:find("void " .. name .. "(", 1, true), name)
      assert.is_nil(read("csrc/lcore.c"):find("void " .. name .. "(", 1, true), name)
    end
  end)

  it("share one export mark and one Lua 5.1 setfuncs with the events modules", function()
    for _, f in ipairs({ "lbind.c", "lcore.c", "levtx.c", "leventxml.c" }) do
      local src = read("csrc/" .. f)
      assert.is_nil(src:find("#define LOGONERR_EXPORT", 1, true), f)
      assert.is_nil(src:find("setfuncs(lua_State", 1, true), f)
    end
    assert.is_truthy(includes("csrc/levtx.c").lcompat)
    assert.is_truthy(includes("csrc/leventxml.c").lcompat)
    local c = read("csrc/lcompat.h")
    assert.is_truthy(c:find("#define LOGONERR_EXPORT", 1, true))
    assert.is_truthy(c:find("logonerr_setfuncs(lua_State", 1, true))
  end)

  it("name the event XML module for what it does (logonerr.eventxml)", function()
    assert.is_truthy(read("csrc/leventxml.c"):find("luaopen_logonerr_eventxml", 1, true))
    assert.is_nil(read("csrc/levtx.c"):find("eventxml", 1, true))
  end)

  it("keep the UTF-16 decoder in the core, not in the XML reader", function()
    assert.is_truthy(read("csrc/utf16.c"):find("logonerr_utf16_to_utf8", 1, true))
    assert.is_nil(read("csrc/eventxml.c"):find("utf16", 1, true))
    assert.is_nil(read("csrc/eventxml.c"):find("put_utf8", 1, true))
  end)
end)
