-- Our EVTX reader against libevtx, the reference: for every record of
-- every EVTX file we have (spec/fixtures/evtx, ../shared/evtx, the fuzz
-- corpus), the fields that libevtx's XML gives (read by eventxml.c, as
-- logonerr read EVTX before it had its own reader) are the fields ours
-- gives, in the same order.  build/tools/evtx-compare (spec/c/
-- evtx_compare.c, built by make test when libevtx is there) does the
-- comparing; this spec runs it on each file and reads its counts.
local run = require "support.run"
local P = require "support.evtx_patch"

local TOOL = P.COMPARE

local function files()
  local list = {}
  for _, dir in ipairs({ "spec/fixtures/evtx", "../shared/evtx", "fuzz/corpus/evtx" }) do
    local p = io.popen("ls " .. dir .. " 2>/dev/null")
    for name in p:lines() do
      if name:match("%.evtx$") then list[#list + 1] = dir .. "/" .. name end
    end
    p:close()
  end
  return list
end

local compare = P.compare

describe("the EVTX reader against libevtx", function()
  if not io.open(TOOL) then
    pending(TOOL .. " is not built (it needs libevtx-dev: sh .ci/deps test)")
    return
  end
  local list = files()

  it("finds the sample logs", function()
    assert.is_true(#list >= 9, #list .. " files")
  end)

  for _, path in ipairs(list) do
    it("reads every record of " .. path .. " with libevtx's fields", function()
      local c, out = compare(path)
      assert.is_number(c.libevtx, out)
      assert.are.equal(0, c.differ, out)
      assert.are.equal(0, c.missing, out)
      assert.are.equal(c.libevtx, c.same, out)
      if not path:match("truncated") then
        assert.is_true(c.libevtx > 0, out)
        assert.are.equal(0, c.extra, out)
        assert.are.equal(0, c.skipped, out)
      end
    end)
  end

  it("reads more of a cut file than libevtx, and the same where both read", function()
    local f = assert(io.open("spec/fixtures/evtx/python-evtx-security.evtx", "rb"))
    local path = run.tempfile(f:read(1000000))
    f:close()
    local c, out = compare(path)
    os.remove(path)
    -- libevtx gives the 1327 records of the 15 whole chunks (as python-evtx
    -- does); ours gives those and the records the cut chunk holds whole.
    assert.are.equal(1327, c.libevtx, out)
    assert.are.equal(1327, c.same, out)
    assert.is_true(c.extra > 0, out)
    assert.are.equal(2, c.skipped, out)
  end)
end)
