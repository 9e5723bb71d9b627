-- logonerr.events.memo: a function of one text worked out once per text,
-- with the same results as the function itself, and bounded memory.
local memo = require "logonerr.events.memo"

describe("a remembered function", function()
  it("gives what the function gives, working each text out once", function()
    local calls = 0
    local upper = memo.one(function(v) calls = calls + 1; return v and v:upper() end)
    assert.are.equal("DC01", upper("dc01"))
    assert.are.equal("DC01", upper("dc01"))
    assert.are.equal(1, calls)
    assert.is_nil(upper(nil)) -- not a string: asked each time
    assert.are.equal(2, calls)
  end)

  it("remembers numbers too (an event ID), but not NaN, which no table can hold", function()
    local calls = 0
    local f = memo.one(function(v) calls = calls + 1; return v end)
    f(4624); f(4624)
    assert.are.equal(1, calls)
    local nan = 0 / 0
    assert.are_not.equal(f(nan), f(nan))
    assert.are.equal(3, calls)
  end)

  it("remembers a nil or false result as it was", function()
    local calls = 0
    local f = memo.one(function(v)
      calls = calls + 1
      if v == "-" then return nil end
      if v == "no" then return false end
      return v
    end)
    assert.is_nil(f("-")); assert.is_nil(f("-"))
    assert.are.equal(false, f("no")); assert.are.equal(false, f("no"))
    assert.are.equal(2, calls)
  end)

  it("gives both values of a function of two", function()
    local split = memo.two(function(v) return v:match("^(.-)\\(.*)$") end)
    for _ = 1, 2 do
      local d, u = split("CORP\\bob")
      assert.are.equal("CORP", d); assert.are.equal("bob", u)
      assert.is_nil((split("bob")))
    end
  end)

  it("starts afresh past MAX texts, so a log of many cannot grow it", function()
    local calls = 0
    local f = memo.one(function(v) calls = calls + 1; return v end)
    for i = 1, memo.MAX do f("host" .. i) end
    assert.are.equal(memo.MAX, calls)
    f("host1") -- still remembered
    assert.are.equal(memo.MAX, calls)
    f("one more") -- past MAX: forgotten
    f("host1")
    assert.are.equal(memo.MAX + 2, calls)
  end)
end)
