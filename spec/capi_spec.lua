-- The C API works without Lua: spec/c/capi_test.c links only the C core.
describe("the C API", function()
  it("builds and passes its checks with no Lua linked", function()
    local exe = os.tmpname()
    local cc = os.getenv("CC") or "cc"
    local plain = require("support.run").PLAIN
    local build = plain .. cc .. " -std=c99 -Wall -Wextra -Werror -Icsrc -o " .. exe ..
      " spec/c/capi_test.c csrc/catalog_data.c csrc/lookup.c csrc/parse.c" ..
      " csrc/format.c csrc/search.c csrc/scan.c 2>&1"
    -- no -llua and no Lua headers: linking succeeds only if none is needed
    local p = io.popen(build)
    local out = p:read("*a")
    assert.is_true(p:close(), out)
    p = io.popen(plain .. exe .. " 2>&1")
    out = p:read("*a")
    local ok = p:close()
    os.remove(exe)
    assert.is_true(ok, out)
    assert.matches("all checks passed", out)
  end)
end)
