-- Finding codes in log text: logonerr.scan and logonerr.scanner.
-- Expected symbols come from the SDK headers (spec/support/sdk.lua).
local logonerr = require "logonerr"
local sdk = require "support.sdk"

local symbols = sdk.symbols()

local scanning = require "support.scanning"
local found, keys, chunked = scanning.found, scanning.keys, scanning.chunked

-- Every form SPEC.md lists, as real logs print it: the line, the token
-- that is the code, and the SDK symbol it stands for.
local FORMS = {
  { "Sub Status:\t\t0xC000006A", "0xC000006A", "STATUS_WRONG_PASSWORD" },
  { '<Data Name="SubStatus">0xc0000234</Data>', "0xc0000234",
    "STATUS_ACCOUNT_LOCKED_OUT" },
  { "03/11 09:14:22 [LOGON] SamLogon: Transitive Network logon of " ..
    "CORP\\jdoe from WKS042 Returns 0xC000006A", "0xC000006A",
    "STATUS_WRONG_PASSWORD" },
  { "System error 1219 has occurred.", "1219",
    "ERROR_SESSION_CREDENTIAL_CONFLICT" },
  { "OSError: [WinError 1312] A specified logon session does not exist.",
    "1312", "ERROR_NO_SUCH_LOGON_SESSION" },
  { "(Exception from HRESULT: 0x80070556)", "0x80070556",
    "ERROR_LOGON_SESSION_COLLISION" },
  { "LsaLogonUser failed: status=-1073741715", "-1073741715",
    "STATUS_LOGON_FAILURE" },
  { "trace: lsasrv returned STATUS_ACCOUNT_LOCKED_OUT", "STATUS_ACCOUNT_LOCKED_OUT",
    "STATUS_ACCOUNT_LOCKED_OUT" },
  { "GetLastError() = 1326", "1326", "ERROR_LOGON_FAILURE" },
  { "CreateProcessWithLogonW error code: 1385", "1385",
    "ERROR_LOGON_TYPE_NOT_GRANTED" },
  { "NTSTATUS 0xd000006d from the SMB client", "0xd000006d",
    "STATUS_LOGON_FAILURE" },
  { "failed with error 0x52e", "0x52e", "ERROR_LOGON_FAILURE" },
  { "status = 3221225578", "3221225578", "STATUS_WRONG_PASSWORD" },
  { "net use: ERROR_LOGON_FAILURE.", "ERROR_LOGON_FAILURE",
    "ERROR_LOGON_FAILURE" },
}

describe("logonerr.scan", function()
  it("finds every form of SPEC.md, with byte positions as string.find gives", function()
    for _, f in ipairs(FORMS) do
      local line, token, symbol = f[1], f[2], f[3]
      local list = found(line)
      assert.are.equal(1, #list, line)
      local m = list[1]
      assert.are.equal(symbol, m.e.name, line)
      assert.is_not_nil(symbols[symbol], symbol .. " is in the SDK headers")
      assert.are.equal(symbols[symbol], m.e.code, line)
      local i, j = line:find(token, 1, true)
      assert.are.same({ i, j }, { m.i, m.j }, line)
      assert.are.equal(1, m.line)
    end
  end)

  it("yields the codes of a text in order, with line numbers", function()
    local lines = {}
    for _, f in ipairs(FORMS) do lines[#lines + 1] = f[1] end
    local text = table.concat(lines, "\n")
    local list = found(text)
    assert.are.equal(#FORMS, #list)
    for k, m in ipairs(list) do
      assert.are.equal(FORMS[k][3], m.e.name)
      assert.are.equal(k, m.line)
      assert.are.equal(FORMS[k][2], m.token)
      if k > 1 then assert.is_true(m.i > list[k - 1].j) end
    end
  end)

  it("does not take ids, ports, addresses, times or glued numbers for codes", function()
    for _, line in ipairs({
      "Process ID: 0x57", "Caller Process ID:\t0x2a4", "port 1326",
      "pid 1366", "Source Port:\t\t1366", "abc0x556", "0xC000006DFF",
      "id=0xC000006D5", "x0xC000006D", "C000006D",
      "2025-03-11T09:14:22.1326Z", "13:26:05", "Date: 2025-03-11",
      "Logon GUID: {c000006d-1234-5678-9abc-def012345678}",
      "Logon ID: 0x3E7", "at 0x00007FF6C000006D in lsasrv.dll",
      "address 0xFFFFF80312345678", "12 digits 000012345678",
      "error 1326.5", "error 10.0.1366", "error_1326", "errors 1326",
      "code -0x556", "error: 99999999999", "status=-2147483649",
      "ERROR_", "XERROR_LOGON_FAILURE", "STATUS_LOGON_FAILURE2x",
    }) do
      assert.are.same({}, keys(found(line, { all = true })), line)
    end
  end)

  it("keeps a keyword's reach within one line and a few separators", function()
    assert.are.equal(0, #found("error\n1326"))
    assert.are.equal(0, #found("error:          1326"))
    assert.are.equal(1, #found("error: 1326"))
    assert.are.equal(1, #found("Error Code: 1326"))
    assert.are.equal(1, #found("error #1326"))
    assert.are.equal(1, #found("WINERROR(1326)"))
  end)

  it("with all, also yields well-formed codes that are not catalogued", function()
    assert.are.equal(0, #found("error 4903 and STATUS_NOT_A_REAL_ONE"))
    local list = found("error 4903, status 0xC0000001, ERROR_FILE_NOT_FOUND_X",
                       { all = true })
    assert.are.equal(3, #list)
    assert.is_false(logonerr.is_entry(list[1].e))
    assert.are.equal(4903, list[1].e.code)
    assert.are.equal("win32", list[1].e.namespace)
    assert.are.equal("0x1327", list[1].e.hex)
    assert.are.equal("4903", list[1].e.text)
    assert.are.equal("ntstatus", list[2].e.namespace)
    assert.are.equal(0xC0000001, list[2].e.code)
    assert.are.equal("ERROR_FILE_NOT_FOUND_X", list[3].e.name)
    assert.is_nil(list[3].e.code)
  end)

  -- Found by fuzz/fuzz_scan.c: a name after "keyword -" was placed at the
  -- '-'.
  it("places a name that follows a keyword and a dash at the name", function()
    local text = "status -STATUS_LOGON_FAILURE and status-ERROR_5"
    local list = found(text, { all = true })
    assert.are.equal(2, #list)
    assert.are.equal("STATUS_LOGON_FAILURE", list[1].token)
    assert.are.equal("ERROR_5", list[2].token)
    assert.are.same(keys(list), chunked(text, { 8, 9, 40 }, { all = true }))
  end)

  -- Found by fuzz/fuzz_scan.c: after a word too long to be a code ran
  -- across chunks, the next word was skipped as too long too.
  it("reads the word after a very long one that ran across chunks", function()
    local text = ("O"):rep(100) .. " err 1326 "
    local whole = keys(found(text))
    assert.are.equal(1, #whole)
    assert.are.same(whole, chunked(text, { 50 }))
  end)

  it("reads letter case as logs print it", function()
    local a = found("0xc000006d 0XC000006D 0xC000006d")
    assert.are.equal(3, #a)
    for _, m in ipairs(a) do assert.are.equal("STATUS_LOGON_FAILURE", m.e.name) end
  end)
end)

describe("a streaming scanner", function()
  local text
  setup(function()
    local lines = {}
    for _, f in ipairs(FORMS) do lines[#lines + 1] = f[1] end
    text = table.concat(lines, "\r\n") .. "\n" .. "tail ERROR_LOGON_FAILURE"
  end)

  it("finds a code split between chunks exactly once, at every split", function()
    local whole = keys(found(text))
    assert.are.equal(#FORMS + 1, #whole)
    for cut = 0, #text do
      assert.are.same(whole, chunked(text, { cut }), "cut at " .. cut)
    end
  end)

  it("gives the same codes for chunks of every small size", function()
    local whole = keys(found(text, { all = true }))
    for size = 1, 12 do
      local cuts = {}
      for c = size, #text - 1, size do cuts[#cuts + 1] = c end
      assert.are.same(whole, chunked(text, cuts, { all = true }), "size " .. size)
    end
  end)

  it("agrees with the whole-text scan on random texts cut at random", function()
    local pieces = { "0xC000006A", "error ", "1326", "-1073741715", "status=",
                     "STATUS_LOGON_FAILURE", "ERROR_", "x", " ", "\n", ".", "5",
                     "0x", "8007", "0556", "WinError", ":", "\0", "\255", "_" }
    math.randomseed(1366)
    for _ = 1, 300 do
      local t = {}
      for k = 1, math.random(1, 40) do t[k] = pieces[math.random(#pieces)] end
      local s = table.concat(t)
      local cuts, at = {}, 0
      while true do
        at = at + math.random(0, 6)
        if at >= #s then break end
        cuts[#cuts + 1] = at
      end
      assert.are.same(keys(found(s, { all = true })),
                      chunked(s, cuts, { all = true }), ("%q"):format(s))
    end
  end)

  it("holds the same memory however much it reads", function()
    local s = logonerr.scanner()
    local chunk = ("0123456789abcdef Logon ID: 0x3E7 Status: 0xC000006D\n"):rep(2000)
    local function feed(times)
      for _ = 1, times do
        for _ in s:feed(chunk) do end
      end
      collectgarbage()
      collectgarbage()
      return collectgarbage("count")
    end
    local after_10 = feed(10)
    local after_200 = feed(200) -- 20x the input: about 20 MB more
    assert.is_true(after_200 - after_10 < 2 * #chunk / 1024,
                   ("heap grew from %.0f to %.0f KiB"):format(after_10, after_200))
  end)

  it("counts positions and lines from the start of the stream", function()
    local s = logonerr.scanner()
    for _ in s:feed("one\ntwo\n") do end
    local e, i, j, line = s:feed("three error 1326\n")()
    assert.are.equal("ERROR_LOGON_FAILURE", e.name)
    assert.are.same({ 21, 24, 3 }, { i, j, line })
  end)

  it("skips what is left of a chunk whose iterator was abandoned", function()
    local s = logonerr.scanner()
    local iter = s:feed("0xC000006A 0xC000006D 0xC0000234 ")
    assert.are.equal("STATUS_WRONG_PASSWORD", iter().name)
    local e, i = s:feed(" 0xC0000072 ")()
    assert.are.equal("STATUS_ACCOUNT_DISABLED", e.name)
    assert.are.equal(35, i)
    assert.is_nil(iter()) -- the old iterator is done
  end)

  it("reports a code that ends the stream when finished", function()
    local s = logonerr.scanner()
    assert.is_nil(s:feed("Status: 0xC000006D")()) -- more digits may follow
    local e, i, j = s:finish()()
    assert.are.equal("STATUS_LOGON_FAILURE", e.name)
    assert.are.same({ 9, 18 }, { i, j })
  end)
end)

describe("scanning bad input", function()
  it("finds codes among binary garbage and NUL bytes, and nothing else", function()
    math.randomseed(4625)
    local junk = {}
    for k = 1, 20000 do
      local b = math.random(0, 255)
      -- no word bytes, so the garbage cannot form a code by chance
      if string.char(b):match("[%w_]") then b = 0 end
      junk[k] = string.char(b)
    end
    local s = table.concat(junk)
    local text = s .. "\0STATUS_LOGON_FAILURE\0" .. s .. "\0\0error 1326\0" .. s
    local list = found(text, { all = true })
    assert.are.equal(2, #list)
    assert.are.equal("STATUS_LOGON_FAILURE", list[1].e.name)
    assert.are.equal("ERROR_LOGON_FAILURE", list[2].e.name)
    assert.are.equal("1326", list[2].token)
  end)

  it("reads around invalid UTF-8", function()
    local list = found("\255\254 Status: 0xC000006D \192\128 \237\160\128error 1326")
    assert.are.equal(2, #list)
  end)

  it("reads a 100 MB line with no newline", function()
    local big = ("x"):rep(50 * 1024 * 1024) .. " status: 0xC000006D " ..
                ("ab "):rep(17 * 1024 * 1024)
    local list = found(big)
    assert.are.equal(1, #list)
    assert.are.equal(50 * 1024 * 1024 + 10, list[1].i)
    assert.are.equal(1, list[1].line)
    big = nil -- luacheck: ignore 311
    collectgarbage()
  end)

  it("counts CRLF lines as lines", function()
    local list = found("a\r\nb\r\nStatus: 0xC000006D\r\n")
    assert.are.equal(3, list[1].line)
    assert.are.equal("0xC000006D", list[1].token)
  end)

  it("finds nothing in an empty text", function()
    assert.are.same({}, found(""))
    local s = logonerr.scanner()
    assert.is_nil(s:feed("")())
    assert.is_nil(s:finish()())
  end)

  it("refuses to be fed after finish, and to finish twice", function()
    local s = logonerr.scanner()
    for _ in s:feed("error 1326") do end
    for _ in s:finish() do end
    assert.has_error(function() s:feed("more") end,
                     "feed after finish: this scanner has finished; make a new one")
    assert.has_error(function() s:finish() end,
                     "finish after finish: this scanner has already finished")
    assert.matches("finished", tostring(s))
  end)

  it("names a wrong argument", function()
    assert.has_error(function() logonerr.scan(nil) end)
    assert.has_error(function() logonerr.scan(1326) end,
                     "bad argument #1 to 'scan' (string expected, got number)")
    assert.has_error(function() logonerr.scan("x", "all") end,
                     "bad argument #2 to 'scan' (table expected, got string)")
    assert.has_error(function() logonerr.scan("x", { al = true }) end,
                     "bad argument #2 to 'scan' (unknown option 'al' (expected all))")
    assert.has_error(function() logonerr.scanner():feed({}) end,
                     "bad argument #1 to 'feed' (string expected, got table)")
    -- a failed call leaves the scanner as it was
    local s = logonerr.scanner()
    pcall(s.feed, s, 42)
    assert.are.equal("ERROR_LOGON_FAILURE", s:feed("error 1326 ")().name)
  end)
end)

-- JSON exports (Winlogbeat, ConvertTo-Json) and Kerberos fields.  The
-- expected values are the SDK's (spec/support/sdk.lua) and hand-counted
-- byte positions.
describe("scanning JSON and Kerberos fields", function()
  local every_cut = scanning.every_cut

  it("reads \\t, \\n and \\r written as two characters as separators", function()
    local text = [["Message": "An account failed to log on.\r\n\tSub Status:\t\t0xC000006A\r\n"]]
    local list = found(text)
    assert.are.equal(1, #list)
    assert.are.equal("STATUS_WRONG_PASSWORD", list[1].e.name)
    assert.are.equal(symbols.STATUS_WRONG_PASSWORD, list[1].e.code)
    assert.are.equal("0xC000006A", list[1].token)
    assert.are.equal(select(1, text:find("0xC000006A", 1, true)), list[1].i)
    every_cut(text)
    -- a keyword right after an escape, and a code before one
    list = found([[line one\nerror 1326\r\nline two]])
    assert.are.equal(1, #list)
    assert.are.equal("ERROR_LOGON_FAILURE", list[1].e.name)
    assert.are.equal("1326", list[1].token)
  end)

  it("keeps other backslashes and letters glued", function()
    for _, line in ipairs({ [[status:\x0xC000006A]], [[Status:\a1326]],
                            [[\status 1326]] .. "x", [[Sub Status:\q0xC000006A]],
                            [[C:\temp\code 1326]] }) do
      local got = keys(found(line, { all = true }))
      if line == [[C:\temp\code 1326]] then
        -- \t is an escape here too: "emp" and "code" are words, 1326 a code
        assert.are.same({ "ERROR_LOGON_FAILURE@14-17:1" }, got, line)
      else
        assert.are.same({}, got, line)
      end
    end
  end)

  it("reads a decimal value after a JSON key that names a code field", function()
    local cases = {
      { [["Status": 3221225581]], "STATUS_LOGON_FAILURE", "3221225581" },
      { [["SubStatus":"3221225572"]], "STATUS_NO_SUCH_USER", "3221225572" },
      { [["Status": -1073741715]], "STATUS_LOGON_FAILURE", "-1073741715" },
      { [["Sub Status": "0xc000006a"]], "STATUS_WRONG_PASSWORD", "0xc000006a" },
      { [["ErrorCode": 1326]], "ERROR_LOGON_FAILURE", "1326" },
      { [["Error Code": 1326]], "ERROR_LOGON_FAILURE", "1326" },
    }
    for _, c in ipairs(cases) do
      local list = found(c[1])
      assert.are.equal(1, #list, c[1])
      assert.are.equal(c[2], list[1].e.name, c[1])
      assert.are.equal(symbols[c[2]], list[1].e.code, c[1])
      assert.are.equal(c[3], list[1].token, c[1])
      every_cut(c[1])
    end
    -- quotes do not make any word a keyword
    assert.are.same({}, keys(found([["ProcessId": 1326, "Port": "1326"]], { all = true })))
  end)

  it("with all, leaves out 0, 0xFFFFFFFF and event levels", function()
    for _, line in ipairs({
      "Status: 0x0", "Sub Status:\t\t0x0", [["Status": 0]], "error 0",
      "Result Code: 0xFFFFFFFF", "status -1", [["SubStatus": "0xffffffff"]],
      "Error (2)", "Level: Error (2)", [["LevelDisplayName": "Error (2)"]],
      "Level: Error 5", [["Level": "Error"]],
    }) do
      assert.are.same({}, keys(found(line, { all = true })), line)
      every_cut(line, { all = true })
    end
    -- but other numbers still count, with all
    local list = found("Error (3)\nLevel: Error\nerror 4903", { all = true })
    assert.are.equal(2, #list)
    assert.are.same({ 3, 4903 }, { list[1].e.code, list[2].e.code })
    assert.are.same({ 1, 3 }, { list[1].line, list[2].line })
  end)

  it("counts Kerberos and SSPI symbolic names anywhere", function()
    local krb5 = sdk.krb5()
    -- the name written, the entry it reads as, its value from the headers
    for _, c in ipairs({
      { "KDC_ERR_PREAUTH_FAILED", "KDC_ERR_PREAUTH_FAILED", krb5.KRB5KDC_ERR_PREAUTH_FAILED },
      { "KRB5KDC_ERR_PREAUTH_FAILED", "KDC_ERR_PREAUTH_FAILED",
        krb5.KRB5KDC_ERR_PREAUTH_FAILED },
      { "KRB_AP_ERR_SKEW", "KRB_AP_ERR_SKEW", krb5.KRB5KRB_AP_ERR_SKEW },
      { "KRB5KRB_AP_ERR_SKEW", "KRB_AP_ERR_SKEW", krb5.KRB5KRB_AP_ERR_SKEW },
      { "SEC_E_LOGON_DENIED", "SEC_E_LOGON_DENIED", sdk.define("SEC_E_LOGON_DENIED") },
    }) do
      local text = "trace: " .. c[1] .. "."
      local list = found(text)
      assert.are.equal(1, #list, c[1])
      assert.are.equal(c[2], list[1].e.name, c[1])
      assert.is_number(c[3], c[1] .. " in the headers")
      assert.are.equal(c[3], list[1].e.code, c[1])
      assert.are.equal(c[1], list[1].token)
      -- glued or in lower case, they are not names
      assert.are.same({}, keys(found("x" .. c[1] .. " " .. c[1]:lower(), { all = true })))
    end
    -- names of these shapes that are not catalogued, with all
    for _, name in ipairs({ "KRB_ERR_NOT_A_CODE", "SEC_I_NOT_A_CODE", "KDC_ERR_X" }) do
      local list = found(name, { all = true })
      assert.are.equal(1, #list, name)
      assert.are.equal(name, list[1].e.name)
      assert.is_false(logonerr.is_entry(list[1].e))
    end
  end)

  it("reads a number introduced by a Kerberos field as a Kerberos code", function()
    local krb5 = sdk.krb5()
    for _, c in ipairs({
      { "Failure Code:\t\t0x18", "KDC_ERR_PREAUTH_FAILED", krb5.KRB5KDC_ERR_PREAUTH_FAILED },
      { "Result Code: 0x6", "KDC_ERR_C_PRINCIPAL_UNKNOWN",
        krb5.KRB5KDC_ERR_C_PRINCIPAL_UNKNOWN },
      { [["FailureCode": "0x18"]], "KDC_ERR_PREAUTH_FAILED", krb5.KRB5KDC_ERR_PREAUTH_FAILED },
      { [["ResultCode":"0x12"]], "KDC_ERR_CLIENT_REVOKED", krb5.KRB5KDC_ERR_CLIENT_REVOKED },
      { [[\tFailure Code:\t\t0x18\r\n]], "KDC_ERR_PREAUTH_FAILED",
        krb5.KRB5KDC_ERR_PREAUTH_FAILED },
      { "RESULT CODE = 0x25", "KRB_AP_ERR_SKEW", krb5.KRB5KRB_AP_ERR_SKEW },
    }) do
      local list = found(c[1])
      assert.are.equal(1, #list, c[1])
      assert.are.equal(c[2], list[1].e.name, c[1])
      assert.are.equal("kerberos", list[1].e.namespace, c[1])
      assert.are.equal(c[3], list[1].e.code, c[1])
      every_cut(c[1])
    end
    -- elsewhere a small number is not a Kerberos code
    local list = found("error code 0x18, Status: 0x18", { all = true })
    assert.are.equal(2, #list)
    for _, m in ipairs(list) do assert.are_not.equal("kerberos", m.e.namespace) end
    -- and a Kerberos field whose value is no Kerberos code reads as usual
    list = found("Result Code: 0xC000006D")
    assert.are.equal("STATUS_LOGON_FAILURE", list[1].e.name)
  end)
end)
