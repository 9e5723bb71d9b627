-- logonerr.report.render: the template language and its bad inputs.
local report = require "logonerr.report"
local render = report.render

describe("render", function()
  it("inserts fields, nested fields and items", function()
    assert.are.equal("x 3 a,b;",
      render("{{name}} {{a.b}} {{#l}}{{.}}{{/l}};",
             { name = "x", a = { b = 3 }, l = { "a,", "b" } }))
  end)

  it("renders a section once for a non-list value, and inverted sections", function()
    assert.are.equal("[ERROR_X]", render("{{#w}}[{{name}}]{{/w}}", { w = { name = "ERROR_X" } }))
    assert.are.equal("none", render("{{#l}}x{{/l}}{{^l}}none{{/l}}", { l = {} }))
    assert.are.equal("none", render("{{^missing}}none{{/missing}}", {}))
    assert.are.equal("", render("{{^t}}no{{/t}}", { t = "yes" }))
  end)

  it("renders a field that does not exist as empty", function()
    assert.are.equal("<>", render("<{{nope}}>", {}))
    assert.are.equal("<>", render("<{{a.b.c}}>", { a = {} }))
  end)

  it("drops the line of a section tag that stands alone", function()
    assert.are.equal("- a\n- b\n", render("{{#l}}\n- {{.}}\n{{/l}}\n", { l = { "a", "b" } }))
  end)

  it("reads entries of the catalogue directly", function()
    local logonerr = require "logonerr"
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION session",
      render("{{name}} {{category}}", logonerr.lookup(1366)))
    -- an entry (a read-only view) is a non-empty section value
    assert.are.equal("[ERROR_LOGON_FAILURE]",
      render("[{{#win32}}{{name}}{{/win32}}]", logonerr.lookup(0xC000006D)))
  end)

  it("escapes inserted values, not the template", function()
    assert.are.equal("*<b>*", render("*{{x}}*", { x = "<b>" }))
    assert.are.equal("*&lt;*", render("*{{x}}*", { x = "<" },
      { escape = function(s) return (s:gsub("<", "&lt;")) end }))
  end)

  it("never runs template text as Lua code", function()
    local called = false
    _G.logonerr_probe = function() called = true end
    assert.has_error(function() render("{{logonerr_probe()}}", {}) end)
    assert.are.equal("", render("{{logonerr_probe}}", {}))
    _G.logonerr_probe = nil
    assert.is_false(called)
  end)
end)

describe("a malformed template fails saying where", function()
  local function err_of(tpl)
    local ok, err = pcall(render, tpl, {})
    assert.is_false(ok)
    return err
  end

  it("for an unclosed section", function()
    assert.are.equal("template:2:3: section 'causes' is never closed",
                     err_of("a\n  {{#causes}}x"))
  end)

  it("for a close without an opener", function()
    assert.matches("^template:1:4: '{{/x}}' closes a section that was never opened",
                   err_of("ab {{/x}}"))
  end)

  it("for a mismatched close", function()
    assert.are.equal("template:1:12: '{{/b}}' does not close 'a' opened at line 1, column 1",
                     err_of("{{#a}}xxxxx{{/b}}"))
  end)

  it("for '{{' at the end", function()
    assert.are.equal("template:3:1: '{{' is never closed by '}}'", err_of("a\nb\n{{"))
  end)

  it("for an unknown kind of tag", function()
    assert.matches("template:1:1: unknown kind of tag '{{>partial}}'", err_of("{{>partial}}"))
    assert.matches("unknown kind of tag", err_of("{{&x}}"))
    assert.matches("unknown kind of tag", err_of("{{}}"))
  end)

  it("for 100,000-deep nesting, without exhausting the stack", function()
    local tpl = ("{{#a}}"):rep(100000) .. ("{{/a}}"):rep(100000)
    assert.matches("sections nested deeper than 100", err_of(tpl))
  end)

  it("for output past the size limit, without exhausting memory", function()
    local l = {}
    for i = 1, 50 do l[i] = i end
    local tpl = ("{{#l}}"):rep(8) .. "xxxxxxxxxx" .. ("{{/l}}"):rep(8)
    local ok, err = pcall(render, tpl, { l = l }, { max_size = 1024 * 1024 })
    assert.is_false(ok)
    assert.matches("template output exceeds 1048576 bytes", err)
    -- the default limit applies too
    ok, err = pcall(render, tpl, { l = l })
    assert.is_false(ok)
    assert.matches("template output exceeds", err)
  end)

  it("for a template that is not a string", function()
    assert.has_error(function() render(nil, {}) end)
    assert.has_error(function() render(42, {}) end)
  end)
end)
