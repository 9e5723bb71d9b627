--- The logonerr command: explain, list, search, scan.
-- bin/logonerr only calls main(); everything the command does is here.
-- @module logonerr.cli

local argparse = require "argparse"
local logonerr = require "logonerr"
local report = require "logonerr.report"

local unpack = table.unpack or unpack -- luacheck: compat

local M = {}

-- Plain copies of the module's read-only lists (written once, in C):
-- argparse and Lua 5.2's table.concat read tables raw.
local function plain(list)
  local t = {}
  for i, v in ipairs(list) do t[i] = v end
  return t
end
local FORMATS, NAMESPACES = plain(logonerr.formats), plain(logonerr.namespaces)
local COMMANDS = { explain = true, list = true, search = true, scan = true,
                   events = true }

local function build_parser()
  local p = argparse("logonerr",
    "Explain Windows logon-session and authentication errors: Win32, " ..
    "NTSTATUS and HRESULT codes, what they mean and what to do.")
    :epilog("Without a command, the arguments are codes to explain:\n" ..
            "  logonerr 1366 0xC000006A -1073741715 ERROR_ACCOUNT_LOCKED_OUT\n" ..
            "Exit status: 0 all found, 1 something unknown, 2 usage error.")
  p:command_target("command")
  p:flag("--version", "Print the version and exit.")
    :action(function()
      io.stdout:write(logonerr._VERSION, "\n")
      os.exit(0)
    end)
  local ex = p:command("explain", "Explain codes (the default command).")
  ex:argument("codes", "Codes in any form: 1366, 0x556, 0x80070556, " ..
              "-1073741715, C000006D, ERROR_LOGON_FAILURE."):args("+")
  ex:option("-f --format", "Output format."):choices(FORMATS):default("text")
  ex:option("-n --namespace", "Read numbers in this namespace only " ..
            "(a small number is Kerberos only when asked: -n kerberos 0x18)."):choices(NAMESPACES)
  ex:option("-t --template", "Render each code with this template file.")
  ex:flag("--forms", "Print every representation of each code.")
  local ls = p:command("list", "List the catalogue.")
  ls:option("-n --namespace", "Only this namespace."):choices(NAMESPACES)
  ls:option("-c --category", "Only this category."):choices(plain(logonerr.categories))
  ls:option("-f --format", "Output format."):choices(FORMATS):default("line")
  local se = p:command("search", "Find entries that mention every word.")
  se:argument("words", "Words to look for."):args("+")
  se:option("-f --format", "Output format."):choices(FORMATS):default("line")
  local sc = p:command("scan", "Find the codes in logs and summarise them: " ..
    "per code the count, first and last line and a sample line.")
  sc:argument("files", "Files to read (stdin when none; - is stdin)."):args("*")
  sc:flag("-a --annotate", "Print each line that holds a code, with a note " ..
          "naming each code, instead of the summary.")
  sc:flag("--all", "Also report well-formed codes that are not catalogued.")
  sc:option("-f --format", "Summary format."):choices(FORMATS):default("text")
  require("logonerr.events_cli").add(p)
  return p
end

-- Entries as lines, a Markdown table or JSON.
local function print_entries(out, entries, format)
  if format == "json" then
    local views = {}
    for i, e in ipairs(entries) do views[i] = report.view(e) end
    out:write(report.json(views), "\n")
  elseif format == "markdown" then
    out:write("| name | namespace | code | category | message |\n|---|---|---|---|---|\n")
    for _, e in ipairs(entries) do
      out:write(("| %s | %s | `%s` | %s | %s |\n"):format(e.name, e.namespace,
                e.hex, e.category, e.message:gsub("|", "\\|")))
    end
  else
    for _, e in ipairs(entries) do out:write(logonerr.format(e.name), "\n") end
  end
end

local FORM_ROWS = { "symbol", "namespace", "hex", "decimal", "signed", "hresult" }

local function print_forms(out, x, format)
  local f, err = logonerr.forms(x)
  if f == nil then return nil, err end
  local others = {}
  for i, c in ipairs(f.counterparts) do
    others[i] = type(c) == "number" and tostring(c) or
                ("%s (%s)"):format(c.name, c.hex)
  end
  if format == "json" then
    local t = {}
    for _, k in ipairs(FORM_ROWS) do t[k] = f[k] end
    t.counterparts = others
    out:write(report.json(t), "\n")
    return true
  end
  for _, k in ipairs(FORM_ROWS) do
    out:write(("%-12s %s\n"):format(k, tostring(f[k] or
      (k == "symbol" and "(not catalogued)" or "(none)"))))
  end
  -- Win32 and NTSTATUS codes are each other's counterparts.
  local other = ({ win32 = "ntstatus", ntstatus = "win32" })[f.namespace]
  if other then
    out:write(("%-12s %s\n"):format(other,
              #others > 0 and table.concat(others, ", ") or "(none)"))
  end
  return true
end

local function read_file(path)
  local f, err = io.open(path, "rb")
  if f == nil then return nil, err end
  local s, rerr = f:read("*a")
  f:close()
  if s == nil then return nil, path .. ": " .. tostring(rerr) end
  return s
end

local function explain(a, out, err)
  local status = 0
  local format = a.format
  if a.template then
    local text, why = read_file(a.template)
    if text == nil then
      err:write("logonerr: cannot read template: ", why, "\n")
      return 2
    end
    local ok, perr = pcall(report.parse, text, a.template)
    if not ok then
      err:write("logonerr: ", perr, "\n")
      return 2
    end
    format = { template = text, name = a.template }
  end
  local views = {}
  for _, x in ipairs(a.codes) do
    if a.forms then
      local ok, why = print_forms(out, x, a.format)
      if not ok then err:write("logonerr: ", why, "\n"); status = 1 end
    else
      local cands
      if a.namespace then -- one reading, in the namespace asked for
        local e = logonerr.lookup(x, a.namespace)
        cands = e and { { entry = e, read_as = "number", value = e.code,
                          namespace = e.namespace } } or {}
      else
        cands = logonerr.candidates(x)
      end
      if cands == nil or #cands == 0 then
        local _, why = logonerr.lookup(x, a.namespace)
        err:write("logonerr: ", why, "\n")
        status = 1
      end
      for i, c in ipairs(cands or {}) do
        if format == "json" then
          local v = report.view(c.entry)
          v.input, v.read_as = x, c.read_as
          views[#views + 1] = v
        else
          if #cands > 1 and format ~= "line" then
            out:write(("%s (reading %d of %d: %s 0x%X as %s)\n"):format(
              x, i, #cands, c.read_as, c.value, c.namespace))
          end
          local ok, text = pcall(report.explain, c.entry, format)
          if not ok then
            err:write("logonerr: ", text, "\n")
            return 2
          end
          out:write(text)
          if format ~= "line" and (i < #cands) then out:write("\n") end
        end
      end
    end
  end
  if format == "json" and not a.forms then
    out:write(report.json(views), "\n")
  end
  return status
end

-- One input of scan: summarised (into views for JSON) or annotated.
-- Returns true, or nil and a message.
local function scan_one(a, f, label, out, views)
  if a.annotate then
    return logonerr.annotate(f, { all = a.all, name = label },
                             function(s) out:write(s) end)
  end
  local results, err = logonerr.summarize(f, { all = a.all })
  if results == nil then return nil, err end
  if a.format == "json" then
    views[#views + 1] = report.summary_view(results, label)
  else
    if #views > 0 then out:write("\n") end
    views[#views + 1] = true
    out:write(report.summary(results, a.format, label))
  end
  return true
end

-- scan: every file is read even when one fails (exit 2 then).
local function scan(a, in_, out, err)
  local files = #a.files > 0 and a.files or { "-" }
  local several = #files > 1
  local status, views = 0, {}
  for _, path in ipairs(files) do
    local f, why = in_, nil
    if path ~= "-" then f, why = io.open(path, "rb") end
    local ok = f ~= nil
    if ok then
      local label = several and (path == "-" and "(stdin)" or path) or nil
      -- UTF-16 decoded, EVTX refused (logonerr.textfile).
      local text
      text, why = require("logonerr.textfile").open(f)
      ok = text ~= nil
      if ok then ok, why = scan_one(a, text, label, out, views) end
      if f ~= in_ then f:close() end
      if not ok then why = path .. ": " .. tostring(why) end
    end
    if not ok then
      err:write("logonerr: cannot read ", why, "\n")
      status = 2
    end
  end
  if a.format == "json" and not a.annotate and #views > 0 then
    out:write(report.json(several and views or views[1]), "\n")
  end
  return status
end

--- Run the command with args (a list of strings), writing to out and err
-- and reading stdin from in_ (files; io.stdout, io.stderr, io.stdin by
-- default).  Returns the exit status.
function M.main(args, out, err, in_)
  out, err, in_ = out or io.stdout, err or io.stderr, in_ or io.stdin
  args = { unpack(args or {}) }
  local parser = build_parser()
  if #args == 0 then
    err:write(parser:get_usage(), "\n\nError: no codes given (try 'logonerr --help')\n")
    return 2
  end
  local first = args[1]
  if not COMMANDS[first] and first ~= "-h" and first ~= "--help" and
     first ~= "--version" then
    table.insert(args, 1, "explain")
  end
  -- Signed codes (-1073741715) are values, not options: a leading space
  -- hides them from argparse, and the code parser ignores it.
  for i = 2, args[1] == "explain" and #args or 1 do
    if args[i]:match("^%-%d+$") then args[i] = " " .. args[i] end
  end
  local ok, a = parser:pparse(args)
  if not ok then
    err:write(parser:get_usage(), "\n\nError: ", a, "\n")
    return 2
  end
  if a.command == "explain" then
    return explain(a, out, err)
  elseif a.command == "scan" then
    return scan(a, in_, out, err)
  elseif a.command == "events" then
    return require("logonerr.events_cli").run(a, in_, out, err)
  elseif a.command == "list" then
    print_entries(out, logonerr.list({ namespace = a.namespace,
                                       category = a.category }), a.format)
    return 0
  else
    local found = logonerr.search(unpack(a.words))
    if #found == 0 then
      err:write("logonerr: no entry mentions all of: ",
                table.concat(a.words, " "), "\n")
      return 1
    end
    print_entries(out, found, a.format)
    return 0
  end
end

return M
