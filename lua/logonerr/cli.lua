--- The logonerr command: explain, list, search, scan.
-- bin/logonerr only calls main(); everything the command does is here.
-- @module logonerr.cli

local argparse = require "argparse"
local logonerr = require "logonerr"
local report = require "logonerr.report"
local workers = require "logonerr.workers"

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

-- The events command (run by logonerr.events.cli, loaded only to run it).
local function add_events(p)
  local EVENT_FORMATS = require "logonerr.events.formats"
  local ev = p:command("events", "Read Security event logs (EVTX, event XML, " ..
    "Winlogbeat or exported JSON; a Samba AD DC's audit, MIT's krb5kdc.log) and say " ..
    "what is going on: failures by code, " ..
    "account and source, and findings such as password spraying or lockouts.")
  ev:argument("files", "Logs to read: files, folders (read recursively), .gz and " ..
              ".zip archives (read in place); stdin when none; - is stdin."):args("*")
  ev:option("-f --format", "Report format (default: text, or what the extension " ..
            "of the -o file says)."):choices(EVENT_FORMATS)
  ev:option("-o --output", "Write the report to this file instead of stdout (- is stdout); " ..
            "without -f or -t, its extension gives the format: .html or .htm, .md or " ..
            ".markdown, .json, .txt or .text."):argname("<file>")
  ev:option("-t --template", "Write the report with this template file (it sees " ..
            "what the built-in formats see: doc/events.md lists it). Values from the " ..
            "log are escaped by the file's extension: .html/.htm as HTML, .md/.markdown " ..
            "as Markdown, any other as text.")
  ev:option("--since", "Only events at or after this time (UTC; 2024-05-01 or " ..
            "2024-05-01T13:45:00Z).")
  ev:option("--until", "Only events at or before this time (UTC; a date alone " ..
            "means the whole day).")
  -- (a name that names nothing would keep the records without one)
  local function names_something(k)
    return function(v)
      local why = require("logonerr.events").filter_value(k, v)
      if why then return nil, "--" .. k .. " '" .. v .. "' " .. why end
      return v
    end
  end
  ev:option("--account", "Only events of this account (DOMAIN\\user, user@domain or user).")
    :convert(names_something("account"))
  ev:option("--source", "Only events from this source (IP address or workstation).")
    :convert(names_something("source"))
  ev:option("--internal", "An IPv4 block of your own network that is public " ..
            "(198.51.100.0/24, or one address): its addresses are not taken for the " ..
            "internet (public_source). Give it once for each block.")
   :argname("<block>"):count("*"):convert(function(v)
     local ok, why = require("logonerr.events.address").block(v)
     if not ok then return nil, why end
     return v
   end)
  ev:flag("--records", "Print the records as JSON, one per line, instead of a report.")
  workers.option(ev, "Use up to this many cores (1 to 64): files, and parts of a big " ..
                 "EVTX file, are triaged this many at once, each in a process of its " ..
                 "own, and merged. The report is the same as with one. Files of less than " ..
                 "8 MiB in all are read by one process (LOGONERR_POOL_BYTES).")
  -- A worker of -j: a part of a file triaged, its partial triage on stdout
  -- for the parent (logonerr.events.cli).
  ev:flag("--state"):hidden(true)
  ev:option("--part"):hidden(true)
  ev:option("--claims"):hidden(true)
  return ev
end

-- argparse writes an option that takes a value as "-f {a,b}," above
-- "--format {a,b}", the short name pushed right; "-f, --format {a,b}" on
-- one line reads as other tools print it.
local function one_line_labels(cmd)
  for _, o in ipairs(cmd._options) do
    if #o._public_aliases > 1 and #o:_get_argument_list() > 0 then
      o._get_label_lines = function(self)
        return { table.concat(self._public_aliases, ", ") .. " " ..
                 table.concat(self:_get_argument_list(), " ") }
      end
    end
  end
  for _, c in ipairs(cmd._commands) do one_line_labels(c) end
end

-- The parser, and its commands by name.
local function build_parser()
  local p = argparse("logonerr",
    "Explain Windows logon-session and authentication errors: Win32, " ..
    "NTSTATUS, HRESULT and Kerberos codes, what they mean and what to do.")
    :epilog("Without a command, the arguments are codes to explain:\n" ..
            "  logonerr 1366 0xC000006A -1073741715 ERROR_ACCOUNT_LOCKED_OUT\n" ..
            "Exit status: 0 all found (scan, events: every file read), 1 something\n" ..
            "unknown (events: a file with nothing readable), 2 usage error (scan,\n" ..
            "events: or a file that cannot be read; events: or folders given that\n" ..
            "hold no log).")
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
  ex:option("-n --namespace", "Read numbers in this namespace only, and refuse " ..
            "names of another (hresult takes Win32 and NTSTATUS names, as it " ..
            "reads the HRESULTs that wrap them). Without it, every catalogued " ..
            "reading is shown, the Kerberos ones after the others " ..
            "(logonerr 5: Win32 5, then Kerberos 0x5), and a reading that is " ..
            "not the plain one (0x18 as Kerberos, 556 as hex 0x556, 0 as " ..
            "KDC_ERR_NONE) comes with a note: on stderr with -f line, as " ..
            "reading_note in json."):choices(NAMESPACES)
  ex:option("-t --template", "Render each code with this template file.")
  ex:mutex(
    ex:flag("--forms", "Print every representation of each code."),
    ex:flag("--sources", "Print where the facts about each code come from " ..
            "(pages, protocol sections, RFCs, SDK headers) and what each backs."))
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
  workers.option(sc, "Scan up to this many files at once (1 to 64), each in a " ..
                 "process of its own; the output is the same as one by one.")
  -- A worker of -j: one file, its result on stdout for the parent.
  sc:flag("--worker"):hidden(true)
  sc:option("--label"):hidden(true)
  local ev = add_events(p)
  one_line_labels(p)
  return p, { explain = ex, list = ls, search = se, scan = sc, events = ev }
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

-- The forms of x; with namespace, of x read in it (-n), as explain reads
-- it: an entry's, or a number's that the catalogue lacks in that namespace.
local function print_forms(out, x, format, namespace)
  local f, err
  if namespace then
    local e, why = logonerr.lookup(x, namespace)
    if e then
      f, err = logonerr.forms(e.name)
    else
      f = logonerr.forms(x)
      if f == nil or f.namespace ~= namespace then return nil, why end
    end
  else
    f, err = logonerr.forms(x)
  end
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

-- The readings of a code on the command line, as explain and --sources
-- both take them: one in the namespace -n asks for, else every candidate.
-- Returns the list, or nil and why none.
local function readings(x, namespace)
  local cands
  if namespace then
    local e = logonerr.lookup(x, namespace)
    cands = e and { { entry = e, read_as = "number", value = e.code,
                      namespace = e.namespace } } or {}
  else
    cands = logonerr.candidates(x)
  end
  if cands == nil or #cands == 0 then
    local _, why = logonerr.lookup(x, namespace)
    local f = logonerr.forms(x)
    if f and f.decimal == 0 then -- (-n win32 0: not an unknown error)
      why = why .. "; 0 is success (ERROR_SUCCESS, STATUS_SUCCESS, S_OK), not an error"
    end
    return nil, why
  end
  return cands
end

-- What to say about a reading of x that is not the one lookup gives: a
-- bare number is read as Kerberos only when asked (-n kerberos), and hex
-- without 0x only where it cannot be decimal, so a reading the command
-- falls back to must say so.  nil when lookup reads x (direct): its
-- reading is the plain one, and the others are headed as further readings.
local function reading_note(x, c, direct)
  if direct then return nil end
  local text = x:match("^%s*(.-)%s*$")
  if c.value == 0 then
    return ("%s is success, not an error: ERROR_SUCCESS (Win32), STATUS_SUCCESS " ..
            "(NTSTATUS) and S_OK (HRESULT) are all 0, and the catalogue holds " ..
            "errors only; read as a Kerberos Result or Failure Code, 0 is %s, " ..
            "also success"):format(text, c.entry.name)
  end
  if c.namespace == "kerberos" then
    return ("%s read as Kerberos %s, as events 4768, 4769 and 4771 print their " ..
            "Result and Failure Codes (-n kerberos asks for it)%s")
      :format(text, c.entry.hex,
              "; no Win32, NTSTATUS or HRESULT error in the catalogue has this number")
  end
  if c.read_as == "hex" and text:match("^%d+$") then
    return ("%s read as hex 0x%X: no decimal %s is in the catalogue")
      :format(text, c.value, text)
  end
  return ("%s read as %s 0x%X in %s"):format(text, c.read_as, c.value, c.namespace)
end

local function explain(a, out, err)
  local status = 0
  local format = a.format
  if a.template then
    local why
    format, why = report.template_file(a.template)
    if format == nil then
      err:write("logonerr: ", why, "\n")
      return 2
    end
  end
  local views = {}
  for _, x in ipairs(a.codes) do
    if a.forms then
      local ok, why = print_forms(out, x, a.format, a.namespace)
      if not ok then err:write("logonerr: ", why, "\n"); status = 1 end
    elseif a.sources then
      local cands, why = readings(x, a.namespace)
      if cands == nil then
        err:write("logonerr: ", why, "\n")
        status = 1
      end
      local direct = not a.namespace and logonerr.lookup(x)
      for _, c in ipairs(cands or {}) do
        local e = c.entry
        local note = not a.namespace and reading_note(x, c, direct) or nil
        if format == "json" then
          views[#views + 1] = { input = x, name = e.name, read_as = c.read_as,
                                reading_note = note, sources = report.view(e).sources }
        else
          if note then out:write("Note: ", note, ".\n") end
          out:write(report.sources(e, type(format) == "table" and "text" or format))
        end
      end
    else
      local cands, why = readings(x, a.namespace)
      if cands == nil then
        err:write("logonerr: ", why, "\n")
        status = 1
      end
      local direct = not a.namespace and logonerr.lookup(x)
      for i, c in ipairs(cands or {}) do
        local note = not a.namespace and reading_note(x, c, direct) or nil
        if format == "json" then
          local v = report.view(c.entry)
          v.input, v.read_as, v.reading_note = x, c.read_as, note
          views[#views + 1] = v
        else
          if #cands > 1 and format ~= "line" then
            out:write(("%s (reading %d of %d: %s 0x%X as %s)\n"):format(
              x, i, #cands, c.read_as, c.value, c.namespace))
          end
          -- The line format keeps one line per reading on stdout.
          if note and format == "line" then
            err:write("logonerr: note: ", note, "\n")
          elseif note then
            out:write("Note: ", note, ".\n")
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

-- One input of scan: annotated (written as it goes) or summarised.
-- Returns { results = } for a summary, {} for notes, or nil and a message.
local function scan_one(a, f, label, write)
  -- UTF-16 decoded, EVTX refused (logonerr.textfile).
  local why
  f, why = require("logonerr.textfile").open(f)
  if f == nil then return nil, why end
  if a.annotate then
    local ok, err = logonerr.annotate(f, { all = a.all, name = label }, write)
    if not ok then return nil, err end
    return {}
  end
  local results, err = logonerr.summarize(f, { all = a.all })
  if results == nil then return nil, err end
  return { results = results }
end

local function print_result(a, r, label, out, views)
  if r.results == nil then return end -- notes: already written
  if a.format == "json" then
    views[#views + 1] = report.summary_view(r.results, label)
  else
    if #views > 0 then out:write("\n") end
    views[#views + 1] = true
    out:write(report.summary(r.results, a.format, label))
  end
end

-- Summary results as JSON for the parent of a worker, and back: entries
-- travel as their names.
local function encode_results(results)
  local list = {}
  for i, r in ipairs(results) do
    local t = {}
    for k, v in pairs(r) do t[k] = v end
    if r.entry then t.entry = r.entry.name end
    list[i] = t
  end
  return require("logonerr.json").encode(list)
end

local function decode_results(text)
  -- dkjson, whose integers stay integers (cjson gives floats, which would
  -- print as 175.0).
  local ok, list = pcall(require("dkjson").decode, text)
  if not ok or type(list) ~= "table" then return nil end
  for _, r in ipairs(list) do
    if r.entry then r.entry = logonerr.lookup(r.entry) end
  end
  return list
end

-- --worker: scan one file; write the notes or the summary as JSON, then a
-- NUL (which neither holds) and "ok", or "error", a newline and why.
local function worker(a, out)
  local path = a.files[1]
  local f, why = io.open(path, "rb")
  local r
  if f then
    r, why = scan_one(a, f, a.label, function(s) out:write(s) end)
    f:close()
    if r == nil then why = path .. ": " .. tostring(why) end
  end
  if r and r.results then out:write(encode_results(r.results)) end
  if r then
    out:write("\0ok")
    return 0
  end
  out:write("\0error\n", tostring(why))
  return 2
end

-- Read a worker's output (h, from io.popen): notes go to out as they come.
-- Returns a result, nil and a message, or false when the worker did not
-- finish (a summary is then made here).
local function from_worker(a, h, out)
  local body, trailer = {}, nil
  while true do
    local c = h:read(65536)
    if c == nil then break end
    if trailer then
      trailer = trailer .. c
    else
      local z = c:find("\0", 1, true)
      local before = z and c:sub(1, z - 1) or c
      if a.annotate then out:write(before) else body[#body + 1] = before end
      if z then trailer = c:sub(z + 1) end
    end
  end
  h:close()
  local why = trailer and trailer:match("^error\n(.*)$")
  if why then return nil, why end
  if trailer == "ok" then
    if a.annotate then return {} end
    local results = decode_results(table.concat(body))
    if results then return { results = results } end
  end
  if a.annotate then return nil, "a worker of -j stopped" end
  return false
end

-- scan: every file is read even when one fails (exit 2).  With -j, files
-- are scanned by workers (this command, run again per file), up to jobs
-- at once; what they find is printed in the order of the files, as it
-- would be one by one.
local function scan(a, in_, out, err)
  if a.worker then return worker(a, out) end
  local files = #a.files > 0 and a.files or { "-" }
  local several = #files > 1
  local status, views = 0, {}
  local cmd = a.jobs > 1 and several and workers.self_command()
  local running, started = {}, 0
  local function label_of(path)
    return several and (path == "-" and "(stdin)" or path) or nil
  end
  local function start(k)
    local path = files[k]
    if path == "-" then return end -- stdin is read here
    local line = { cmd, "scan --worker" }
    if a.all then line[#line + 1] = "--all" end
    if a.annotate then line[#line + 1] = "--annotate" end
    if several then line[#line + 1] = "--label " .. workers.quote(label_of(path)) end
    line[#line + 1] = "-- " .. workers.quote(path)
    running[k] = io.popen(table.concat(line, " "), "r")
  end
  for k, path in ipairs(files) do
    while cmd and started < #files and started < k - 1 + a.jobs do
      started = started + 1
      start(started)
    end
    local r, why = false, nil
    if running[k] then
      r, why = from_worker(a, running[k], out)
      running[k] = nil
    end
    if r == false then -- here, one by one
      local f = in_
      if path ~= "-" then f, why = io.open(path, "rb") end
      r = nil
      if f then
        r, why = scan_one(a, f, label_of(path), function(s) out:write(s) end)
        if f ~= in_ then f:close() end
        if r == nil then why = path .. ": " .. tostring(why) end
      end
    end
    if r then
      print_result(a, r, label_of(path), out, views)
    else
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
  local parser, commands = build_parser()
  if #args == 0 then
    err:write(parser:get_usage(), "\n\nError: no codes given (try 'logonerr --help')\n")
    return 2
  end
  local first = args[1]
  if not commands[first] and first ~= "-h" and first ~= "--help" and
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
    -- args[1] names the command now, and the command has none of its own:
    -- an error is in its arguments, and its usage is the one to show, as
    -- argparse's parse shows a command's.  (pparse only gives the message.)
    err:write((commands[args[1]] or parser):get_usage(), "\n\nError: ", a, "\n")
    return 2
  end
  if a.command == "explain" then
    -- The space was only for argparse: messages and json quote the input.
    for i, x in ipairs(a.codes) do a.codes[i] = x:match("^ (%-%d+)$") or x end
    return explain(a, out, err)
  elseif a.command == "scan" then
    return scan(a, in_, out, err)
  elseif a.command == "events" then
    return require("logonerr.events.cli").run(a, in_, out, err)
  elseif a.command == "list" then
    print_entries(out, logonerr.list({ namespace = a.namespace,
                                       category = a.category }), a.format)
    return 0
  else
    -- Words of white space alone would find nothing, which is not an answer.
    if not table.concat(a.words, " "):find("%S") then
      err:write(commands.search:get_usage(), "\n\nError: no words given " ..
                "(search needs a word: a name, a code or text)\n")
      return 2
    end
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
