-- The logonerr command, run as a user runs it.
local json = require "dkjson"

local run = require("support.run").command

-- A template file holding text, removed after fn(path) runs.
local function with_template(text, fn)
  local path = os.tmpname()
  local f = io.open(path, "w")
  f:write(text)
  f:close()
  local ok, err = pcall(fn, path)
  os.remove(path)
  assert(ok, err)
end

describe("the logonerr command", function()
  it("explains a code and says what to check next", function()
    local code, out, err = run("0xC000006A")
    assert.are.equal(0, code)
    assert.are.equal("", err)
    assert.matches("^STATUS_WRONG_PASSWORD", out)
    assert.matches("What to check:", out)
  end)

  it("takes several codes in any form", function()
    local code, out = run("-f line 1366 -1073741715 ERROR_ACCOUNT_LOCKED_OUT C0000234")
    assert.are.equal(0, code)
    local lines = {}
    for l in out:gmatch("[^\n]+") do lines[#lines + 1] = l:match("^(%S+)") end
    assert.are.same({ "ERROR_LOGON_SESSION_COLLISION", "STATUS_LOGON_FAILURE",
                      "ERROR_ACCOUNT_LOCKED_OUT", "STATUS_ACCOUNT_LOCKED_OUT" }, lines)
  end)

  it("shows the catalogued reading of an ambiguous input", function()
    local code, out = run("-f line 556")
    assert.are.equal(0, code)
    assert.matches("^ERROR_LOGON_SESSION_COLLISION", out)
  end)

  it("writes JSON that parses", function()
    local code, out = run("--format json 1366 0xC000006D")
    assert.are.equal(0, code)
    local doc = assert(json.decode(out))
    assert.are.equal("ERROR_LOGON_SESSION_COLLISION", doc[1].name)
    assert.are.equal("STATUS_LOGON_FAILURE", doc[2].name)
  end)

  it("writes Markdown", function()
    local code, out = run("-f markdown 1366")
    assert.are.equal(0, code)
    assert.matches("^## ERROR_LOGON_SESSION_COLLISION %(1366, 0x556%)", out)
  end)

  it("prints every form of a code", function()
    local code, out = run("--forms 0xC000006D")
    assert.are.equal(0, code)
    assert.matches("signed%s+%-1073741715", out)
    assert.matches("hresult%s+0xD000006D", out)
    assert.matches("win32%s+ERROR_LOGON_FAILURE %(0x52E%)", out)
  end)

  -- -n reads the code in that namespace, as explain does: Kerberos 6 is
  -- KDC_ERR_C_PRINCIPAL_UNKNOWN (RFC 4120, 7.5.9), where 6 alone is read
  -- as Win32 first; a number the namespace's catalogue lacks, or a name of
  -- another namespace, is refused, exit 1.
  it("prints the forms of a code read in the namespace -n names", function()
    local code, out = run("--forms -n kerberos 6")
    assert.are.equal(0, code)
    assert.matches("^symbol%s+KDC_ERR_C_PRINCIPAL_UNKNOWN\nnamespace%s+kerberos\n", out)
    local err
    code, out, err = run("--forms -n ntstatus 1326")
    assert.are.equal(1, code)
    assert.are.equal("", out)
    assert.matches("not in the catalogue", err, 1, true)
    code, out, err = run("--forms -n ntstatus ERROR_LOGON_FAILURE")
    assert.are.equal(1, code)
    assert.are.equal("", out)
    assert.matches("a name in namespace win32, not ntstatus", err, 1, true)
    -- (a Win32 number the catalogue lacks keeps its forms under -n win32)
    code, out = run("--forms -n win32 6")
    assert.are.equal(0, code)
    assert.matches("hresult%s+0x80070006", out)
  end)

  it("renders a template file", function()
    with_template("{{name}}={{code}}\n", function(path)
      local code, out = run("-t " .. path .. " 1366")
      assert.are.equal(0, code)
      assert.are.equal("ERROR_LOGON_SESSION_COLLISION=1366\n", out)
    end)
  end)

  it("lists the catalogue with filters", function()
    local code, out = run("list --namespace ntstatus --category session")
    assert.are.equal(0, code)
    for l in out:gmatch("[^\n]+") do assert.matches("^STATUS_", l) end
    assert.matches("STATUS_LOGON_SESSION_COLLISION", out)
    code, out = run("list")
    assert.are.equal(0, code)
    local n = 0
    for _ in out:gmatch("\n") do n = n + 1 end
    assert.is_true(n >= 114)
  end)

  it("searches", function()
    local code, out = run("search logon session")
    assert.are.equal(0, code)
    assert.matches("ERROR_LOGON_SESSION_COLLISION", out)
  end)

  it("prints help and version", function()
    local code, out = run("--help")
    assert.are.equal(0, code)
    assert.matches("Usage: logonerr", out)
    code, out = run("--version")
    assert.are.equal(0, code)
    assert.matches("^logonerr %d+%.%d+%.%d+\n$", out)
  end)

  it("lists every option of every command at one indent, short and long name together", function()
    for _, cmd in ipairs({ "explain", "list", "search", "scan", "events" }) do
      local code, out = run(cmd .. " --help")
      assert.are.equal(0, code)
      local options = assert(out:match("\nOptions:\n(.*)$"), cmd)
      for line in options:gmatch("[^\n]+") do
        if line:find("^%s*%-") then
          assert.matches("^   %-", line, cmd)
        end
      end
      if cmd == "events" or cmd == "scan" then
        assert.matches("\n   %-f, %-%-format {[a-z,]+}\n", out, cmd)
      end
    end
  end)

  describe("on bad input", function()
    it("exits 2 with no arguments", function()
      local code, out, err = run("")
      assert.are.equal(2, code)
      assert.are.equal("", out)
      assert.matches("no codes given", err)
    end)

    it("exits 2 on an unknown option", function()
      local code, out, err = run("--bogus 1366")
      assert.are.equal(2, code)
      assert.are.equal("", out)
      assert.matches("unknown option '%-%-bogus'", err)
    end)

    it("exits 2 on a bad format or filter", function()
      assert.are.equal(2, (run("-f html 1366")))
      assert.are.equal(2, (run("list --category nope")))
    end)

    it("exits 2 on an unreadable template file", function()
      local code, out, err = run("-t /nonexistent/template 1366")
      assert.are.equal(2, code)
      assert.are.equal("", out)
      assert.matches("cannot read template: /nonexistent/template", err)
    end)

    it("exits 2 on a malformed template file", function()
      with_template("line one\n{{#causes}}\n", function(path)
        local code, out, err = run("-t " .. path .. " 1366")
        assert.are.equal(2, code)
        assert.are.equal("", out)
        assert.matches(":2:1: section 'causes' is never closed", err)
      end)
    end)

    it("exits 1 for a code that does not exist", function()
      local code, out, err = run("4903")
      assert.are.equal(1, code)
      assert.are.equal("", out)
      assert.matches("4903.*not in the catalogue", err)
    end)

    it("still prints the good codes of a mix, and exits 1", function()
      local code, out, err = run("-f line 1366 12abc 0xC000006D")
      assert.are.equal(1, code)
      assert.matches("^ERROR_LOGON_SESSION_COLLISION.*\nSTATUS_LOGON_FAILURE", out)
      assert.matches('"12abc": not a number or an error name', err)
    end)

    it("exits 1 when a search finds nothing", function()
      local code, out, err = run("search zebra")
      assert.are.equal(1, code)
      assert.are.equal("", out)
      assert.matches("no entry mentions", err)
    end)
  end)
end)
