-- report.explain and report.summary in each built-in format.
local logonerr = require "logonerr"
local report = require "logonerr.report"
local json = require "dkjson"

describe("report.explain", function()
  it("writes one line", function()
    assert.are.equal(logonerr.format(1366) .. "\n", report.explain(1366, "line"))
  end)

  it("writes text with what to check and what to do", function()
    local t = report.explain("0xC000006A", "text")
    assert.matches("^STATUS_WRONG_PASSWORD %(0xC000006A; ntstatus, HRESULT 0xD000006A%)\n", t)
    -- a heading may carry the note that no source covers its list
    assert.matches("\nWhat to check:[^\n]*\n  %- In event 4625", t)
    assert.matches("\nWhat to do:[^\n]*\n", t)
    assert.matches("Win32 code: ERROR_INVALID_PASSWORD %(86, 0x56%)", t)
    assert.is_falsy(t:find("{{", 1, true))
  end)

  it("writes every section for a seed error", function()
    local t = report.explain("ERROR_LOGON_SESSION_COLLISION")
    for _, h in ipairs({ "Causes:", "Symptoms:", "What to check:", "What to do:",
                         "Prevention:", "Questions:", "Related:" }) do
      assert.is_truthy(t:find("\n" .. h .. "\n", 1, true) or
                       t:find("\n" .. h .. " %(this project's advice; no cited source%)\n"), h)
    end
    assert.matches("NTSTATUS: STATUS_LOGON_SESSION_COLLISION %(0xC0000105%)", t)
  end)

  it("writes Markdown, escaping text but not code spans", function()
    local m = report.explain("STATUS_ACCOUNT_LOCKED_OUT", "markdown")
    assert.matches("^## STATUS_ACCOUNT_LOCKED_OUT %(0xC0000234%)\n", m)
    assert.matches("\n### What to check\n\n1%. ", m)
    assert.is_truthy(m:find("`cmdkey /list`", 1, true))
    -- plain text comes through whole; Markdown's own characters are escaped
    local e = logonerr.lookup("ERROR_ACCESS_DENIED")
    local n = report.explain(e, "markdown")
    for _, item in ipairs(e.causes) do
      if not item:find("[\\*<>|%[%]`]") then
        assert.is_truthy(n:find(item, 1, true), item)
      end
    end
    local esc = report.explain(1366, { template = "{{name}} a*b|c", name = "t" })
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION a*b|c", esc) -- user templates: no escaping
  end)

  it("writes JSON through a JSON library", function()
    local doc = assert(json.decode(report.explain(1366, "json")))
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION", doc.name)
    assert.are.equal(1366, doc.code)
    assert.are.equal("STATUS_LOGON_SESSION_COLLISION", doc.ntstatus[1].name)
    assert.is_true(#doc.causes > 0 and #doc.faq > 0)
    local esc = assert(json.decode(report.explain("ERROR_SESSION_CREDENTIAL_CONFLICT", "json")))
    assert.matches("\\\\server\\share", esc.resolution[1], 1, true)
  end)

  it("renders a user's own template", function()
    assert.are.equal("ERROR_LOGON_FAILURE/credentials",
      report.explain(1326, { template = "{{name}}/{{category}}" }))
  end)

  it("gives nil and a message for a code not in the catalogue", function()
    local r, err = report.explain(4903)
    assert.is_nil(r)
    assert.matches("not in the catalogue", err)
  end)

  it("raises on an unknown format", function()
    assert.has_error(function() report.explain(1366, "html") end)
  end)
end)

describe("report.summary", function()
  local results = {
    { entry = logonerr.lookup(1366), count = 3, first_line = 4, last_line = 90, sample = "x 1366" },
    { entry = logonerr.lookup("0xC000006A"), count = 10, first_line = 1, last_line = 99 },
  }

  it("counts, most frequent first, in text", function()
    local t = report.summary(results, "text")
    assert.matches("^13 codes found, 2 distinct\n", t)
    assert.is_true(t:find("STATUS_WRONG_PASSWORD", 1, true) <
                   t:find("ERROR_LOGON_SESSION_COLLISION", 1, true))
    assert.matches("lines 4%-90", t)
    assert.matches("e%.g%. x 1366", t)
  end)

  it("accepts a map from code to count", function()
    local t = report.summary({ [1366] = 2, ERROR_LOGON_FAILURE = 5 }, "line")
    assert.are.equal("5 ERROR_LOGON_FAILURE (0x52E)\n2 ERROR_LOGON_SESSION_COLLISION (0x556)\n", t)
  end)

  it("writes a Markdown table and JSON", function()
    assert.matches("| 10 | STATUS_WRONG_PASSWORD | `0xC000006A` | 1 | 99 |",
                   report.summary(results, "markdown"), 1, true)
    local doc = assert(json.decode(report.summary(results, "json")))
    assert.are.equal(13, doc.total)
    assert.are.equal(10, doc.items[1].count)
  end)

  it("raises on misuse", function()
    assert.has_error(function() report.summary("x") end)
    assert.has_error(function() report.summary({ nope = 1 }) end)
  end)

  -- Found by spec/c/alloc_test.c: dkjson keeps its buffer in the options
  -- table, so one failed encode made every later one return true.
  it("gives right JSON after an encode that failed", function()
    local bad = { { name = "X", code = 1, count = 1, sample = function() end } }
    assert.has_error(function() report.summary(bad, "json") end)
    local doc = json.decode(report.explain(1366, "json"))
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION", doc.name)
  end)
end)

describe("every entry", function()
  it("renders in every built-in format, whatever its namespace", function()
    for _, e in ipairs(logonerr.errors) do
      for _, f in ipairs(logonerr.formats) do
        local out = report.explain(e, f)
        assert.is_truthy(out and out:find(e.name, 1, true), e.name .. " " .. f)
        assert.is_falsy(out:find("{{", 1, true), e.name .. " " .. f)
        if f == "json" then assert.are.equal(e.code, json.decode(out).code) end
      end
      -- an HRESULT line only where the code has another HRESULT form
      local text = report.explain(e, "text")
      assert.are.equal(e.namespace == "win32" or e.namespace == "ntstatus",
                       text:match("^[^\n]*HRESULT 0x") ~= nil, e.name)
    end
  end)
end)
