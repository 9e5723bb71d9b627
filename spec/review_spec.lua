-- The bugs a maintainer's review found (issue "The catalogue as data people
-- edit"), each checked as a user would meet it.
local logonerr = require "logonerr"
local report = require "logonerr.report"

-- Lua 5.1 and LuaJIT ignore __pairs and __len: lists are plain copies there.
local honours_len = #setmetatable({}, { __len = function() return 1 end }) == 1

describe("the review's bugs", function()
  it("1: {severity} formats an NTSTATUS entry's severity", function()
    local e = logonerr.lookup(0xC000006D)
    assert.are.equal("medium", e.severity)
    assert.are.equal("medium", logonerr.format(0xC000006D, "{severity}"))
    for _, x in ipairs(logonerr.errors) do
      assert.are.equal(x.severity or "", logonerr.format(x.name, "{severity}"), x.name)
      assert.are.equal(x.category, logonerr.format(x.name, "{category}"), x.name)
    end
  end)

  it("2: nothing pairs, ipairs or next hand out can rewrite the catalogue", function()
    local e = logonerr.lookup(1366)
    -- whatever pairs returns as its state, writing to it must fail
    local _, state = pairs(e)
    assert.has_error(function() state.name = "X" end)
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION", logonerr.lookup(1366).name)
    assert.is_nil(next(e)) -- the entry object itself holds nothing
    local tables = { e }
    if honours_len then
      for _, t in ipairs({ logonerr.errors, logonerr.win32, logonerr.by_name,
                           e.causes, e.related, e.faq }) do
        tables[#tables + 1] = t
      end
    end -- (on 5.1 and LuaJIT lists are plain copies: lookups do not read them)
    for _, v in ipairs(tables) do
      local _, vstate = pairs(v)
      assert.has_error(function() vstate[1] = false end)
      assert.has_error(function() vstate.name = false end)
      local _, istate = ipairs(v)
      assert.has_error(function() istate[1] = false end)
      for _, item in pairs(v) do
        if type(item) == "table" then
          assert.has_error(function() item.name = "X" end)
        end
      end
    end
    assert.has_error(function() e.faq[1].question = "X" end)
    assert.are.equal(1366, logonerr.lookup(1366).code)
    assert.are.equal(logonerr.win32[1366], logonerr.lookup(1366))
  end)

  it("3: spellings of one code are one row of a summary", function()
    local v = report.summary_view({ [1366] = 3, ["0x556"] = 2, ERROR_LOGON_FAILURE = 1 })
    assert.are.equal(2, v.distinct)
    assert.are.equal(6, v.total)
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION", v.items[1].name)
    assert.are.equal(5, v.items[1].count)
    local e = logonerr.lookup(1366)
    v = report.summary_view({ e, e, { entry = e, count = 4 } })
    assert.are.equal(1, v.distinct)
    assert.are.equal(6, v.items[1].count)
    assert.matches("2 distinct", report.summary({ [1366] = 3, ["0x556"] = 2,
                                                  [1326] = 1 }, "text"))
  end)

  it("4: misuse raises everywhere: a bad namespace as a bad decode kind", function()
    assert.has_error(function() logonerr.lookup(1366, "bogus") end)
    assert.has_error(function() logonerr.decode(1366, "bogus") end)
    -- a code that is simply not there is still nil, message
    local v, err = logonerr.lookup(4903)
    assert.is_nil(v)
    assert.matches("not in the catalogue", err)
  end)

  it("5: logonerr.core works alone, with entries and messages", function()
    -- a fresh interpreter that loads only the binding
    local lua = os.getenv("LUA") or "lua5.4"
    local cpath = package.cpath:gsub("'", "")
    local p = io.popen(lua .. " -e \"package.cpath='" .. cpath .. "'\" -e \"" ..
      "local c = require 'logonerr.core'; local e = c.lookup(1366); " ..
      "print(e.name, e.ntstatus[1].name); print(c.lookup(4903))\" 2>&1")
    local out = p:read("*a")
    p:close()
    assert.matches("ERROR_LOGON_SESSION_COLLISION\tSTATUS_LOGON_SESSION_COLLISION", out)
    assert.matches("nil\t4903: not in the catalogue", out)
  end)

  it("5: the binding's internals are not part of the module", function()
    for _, k in ipairs({ "bind", "raw", "count" }) do
      assert.is_nil(logonerr[k], k)
      assert.is_nil(require("logonerr.core")[k], k)
    end
  end)

  it("6: report errors name the function that was called", function()
    local function err_of(f, ...)
      local ok, e = pcall(f, ...)
      assert.is_false(ok)
      return e
    end
    assert.matches("to 'summary_view'", err_of(report.summary_view, 42))
    assert.matches("to 'summary'", err_of(report.summary, 42))
    assert.matches("to 'summary'", err_of(report.summary, { [4903] = 1 }))
    assert.matches("to 'summary'", err_of(report.summary, { [1366] = 1 }, "html"))
    assert.matches("to 'explain'", err_of(report.explain, 1366, "html"))
    assert.matches("expected line, text, markdown, json", err_of(report.explain, 1366, "x"))
  end)

  it("7: related links are ones an expert explains (no seed mistakes)", function()
    local function related(x)
      local t = {}
      for _, r in ipairs(logonerr.lookup(x).related) do t[r.name] = true end
      return t
    end
    -- ERROR_INVALID_PARAMETER and ERROR_BAD_ARGUMENTS came back with the
    -- SDK's numbers in issue 23 (knowledge_fixes_win32_ntstatus_spec).
    assert.is_nil(related(1312).ERROR_NO_IMPERSONATION_TOKEN)
    assert.is_nil(related(1366).ERROR_NO_SUCH_PRIVILEGE)
  end)
end)
