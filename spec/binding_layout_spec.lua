-- The C binding's files depend on one another one way: lcore.c opens the
-- module through lentry.c and lscan.c; all three use the shared helpers of
-- lbind.c, which uses none of them.  Read from the sources' #include lines
-- and the functions each file calls.
local read = require("support.run").read

local function includes(p)
  local set = {}
  for h in read(p):gmatch('#include "([%w_]+)%.h"') do set[h] = true end
  return set
end

describe("the C binding files", function()
  it("have no circle: lbind <- lentry, lscan <- lcore", function()
    assert.are.same({ lbind = true }, includes("csrc/lbind.c"))
    assert.are.same({ logonerr = true }, (function()
      local s = includes("csrc/lbind.h"); s.lua, s.lauxlib = nil, nil; return s end)())
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

  it("keep the UTF-16 decoder in the core, not in the XML reader", function()
    assert.is_truthy(read("csrc/utf16.c"):find("logonerr_utf16_to_utf8", 1, true))
    assert.is_nil(read("csrc/eventxml.c"):find("utf16", 1, true))
    assert.is_nil(read("csrc/eventxml.c"):find("put_utf8", 1, true))
  end)
end)
