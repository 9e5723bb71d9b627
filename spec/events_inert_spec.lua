-- Names a log supplies (account, domain, workstation) are shown as the text
-- they are in every report format: no HTML, no link, no new table cell or
-- line.  Markdown is rendered by cmark-gfm (GitHub's CommonMark, with its
-- table and autolink extensions), HTML checked for the elements a name
-- would have made.
local run = require "support.run"
local events = require "logonerr.events"
local report = require "logonerr.events.report"

local NAMES = { "<img src=x onerror=alert(1)>", "[click](http://evil)",
                "a|b`c", "www.evil.example", "x\ny" }

-- Records as a reader would give them: one failure per name, as account
-- and as source.
local function triage()
  local recs = {}
  for i, name in ipairs(NAMES) do
    recs[i] = { id = 4625, time = "2024-05-01T10:00:0" .. i .. ".000000Z", seconds = i,
                failed = true, account = name, source = name,
                code = { name = "STATUS_WRONG_PASSWORD", namespace = "ntstatus",
                         code = 0xC000006A, hex = "0xC000006A" } }
  end
  return events.triage(recs)
end

local function cmark(md)
  local p = run.tempfile(md)
  local h = io.popen(run.PLAIN .. "cmark-gfm -e table -e autolink " .. p)
  local html = h:read("*a")
  h:close()
  os.remove(p)
  return html
end

describe("names from a log in the events reports", function()
  local r = triage()

  it("are inert in Markdown, as cmark-gfm renders it", function()
    if not run.ok(run.PLAIN .. "sh -c 'command -v cmark-gfm' >/dev/null") then
      pending("needs cmark-gfm (make deps installs it)")
      return
    end
    local md = report.render(r, "markdown")
    local html = cmark(md)
    assert.is_nil(html:find("<img", 1, true))
    assert.is_nil(html:find("<a ", 1, true))
    assert.is_truthy(html:find("&lt;img src=x onerror=alert(1)&gt;", 1, true))
    assert.is_truthy(html:find("[click](http://evil)", 1, true))
    -- each name stays in its own cell: every row of a table has as many
    -- cells as its header
    for tbl in html:gmatch("<table>(.-)</table>") do
      local width
      for row in tbl:gmatch("<tr>(.-)</tr>") do
        local cells = select(2, row:gsub("<t[dh][ >]", ""))
        width = width or cells
        assert.are.equal(width, cells, row)
      end
    end
    assert.is_truthy(html:find("a|b`c", 1, true))
    assert.is_nil(md:find("x\ny", 1, true))
  end)

  it("are inert in HTML", function()
    local html = report.render(r, "html")
    assert.is_nil(html:find("<img", 1, true))
    assert.is_nil(html:find("<a ", 1, true))
    assert.is_truthy(html:find("&lt;img src=x onerror=alert(1)&gt;", 1, true))
    local _, scripts = html:gsub("<script", "")
    assert.are.equal(0, scripts)
  end)

  it("stay on their line in text", function()
    local text = report.render(r, "text")
    assert.is_nil(text:find("x\ny", 1, true))
    assert.is_truthy(text:find("x\\x0Ay", 1, true))
  end)
end)
