--- Logs: the codes a text or a file holds, counted or annotated.
-- The scanning, the reading of files, the line excerpts and the counts of
-- codes seen before are C (logonerr.core.scanner's pump); this file makes
-- the summary and the notes.  Loaded by
-- `require "logonerr"`, which exports annotate and summarize.
-- @module logonerr.logs

local core = require "logonerr.core"

local error, ipairs, pairs, tostring, type = error, ipairs, pairs, tostring, type
local io_type = io.type
local concat, sort = table.concat, table.sort
local byte, find, gsub, match = string.byte, string.find, string.gsub, string.match

local _ENV = nil -- luacheck: ignore 211

local M = {}

--- Bytes read at a time from a file.
M.CHUNK = 1048576
--- The longest excerpt of a line kept on each side of a code.
M.WIDTH = 160

-- Replace what cannot be shown as text: control bytes and byte runs that
-- are not UTF-8.
local function utf8_ok(s)
  local i, n = 1, #s
  while i <= n do
    local c = byte(s, i)
    local len = c < 0x80 and 1 or c >= 0xC2 and c <= 0xDF and 2 or
                c >= 0xE0 and c <= 0xEF and 3 or c >= 0xF0 and c <= 0xF4 and 4
    if not len or i + len - 1 > n then return false end
    for k = i + 1, i + len - 1 do
      local d = byte(s, k)
      if d < 0x80 or d > 0xBF then return false end
    end
    i = i + len
  end
  return true
end

local function printable(s)
  s = match(gsub(s, "\t", " "), "^ *(.-) *$")
  s = gsub(s, "[%z\1-\31\127]", "?")
  if find(s, "[\128-\255]") and not utf8_ok(s) then
    s = gsub(s, "[\128-\255]", "?")
  end
  return s
end

local OPTIONS = { all = true, name = true }

local function check_opts(opts, fname)
  if opts == nil then return {} end
  if type(opts) ~= "table" then
    error(("bad argument #2 to '%s' (table expected, got %s)")
          :format(fname, type(opts)), 3)
  end
  for k in pairs(opts) do
    if not OPTIONS[k] then
      error(("bad argument #2 to '%s' (unknown option '%s')")
            :format(fname, tostring(k)), 3)
    end
  end
  return opts
end

-- Call fn(code, line, excerpt) for every code in source: a string, or a
-- file (anything with :read; a Lua file is read by the C side itself).
-- With tally, a catalogued code is handed to fn only the first time; the
-- scanner counts the others (scanner:tallied).  Returns the scanner, or
-- nil and the read error.
local function each_code(source, opts, fname, tally, fn)
  local t = type(source)
  if t ~= "string" and not ((t == "userdata" or t == "table") and source.read) then
    error(("bad argument #1 to '%s' (string or file expected, got %s)")
          :format(fname, t), 3)
  end
  local s = core.scanner({ all = opts.all and true or nil })
  local function note_code(e, line, excerpt) fn(e, line, printable(excerpt)) end
  local w = M.WIDTH
  if t == "string" or io_type(source) == "file" then
    local ok, err = s:pump(source, note_code, tally, w, M.CHUNK)
    if not ok then return nil, err end
  else
    while true do
      local c, err = source:read(M.CHUNK)
      if c == nil then
        if err then return nil, err end
        break
      end
      s:pump(c, note_code, tally, w)
    end
  end
  s:pump(nil, note_code, tally, w)
  return s
end

-- Codes that are not catalogued come as plain tables with the text seen.
local function known(e) return e.text == nil end

-- One line about a code: the catalogue's, or what can be said without it
-- (tmpl: a logonerr.format template for numbers).
local function note(e, tmpl)
  if known(e) then return core.format(e.name, tmpl) end
  if e.name then
    return tmpl and "Not in the catalogue." or e.name .. ": not in the catalogue"
  end
  return core.format(e.value, tmpl)
end

local function key_of(e)
  if known(e) or e.code == nil then return e.name end
  return e.namespace .. " " .. e.hex
end

--- Count the codes in source (a string or an open file).
-- opts: { all = true } to count codes that are not catalogued too.
-- Returns a list of { entry =, name =, code =, hex =, namespace =,
-- count =, first_line =, last_line =, sample = }, most frequent first,
-- ready for logonerr.report.summary; or nil and a message when the file
-- cannot be read.
function M.summarize(source, opts)
  opts = check_opts(opts, "summarize")
  local by_key, list = {}, {}
  local s, err = each_code(source, opts, "summarize", true, function(e, line, sample)
    local k = key_of(e)
    local r = by_key[k]
    if r == nil then
      r = { name = e.name or "UNKNOWN", code = e.code, hex = e.hex,
            namespace = e.namespace, count = 0, first_line = line,
            sample = sample }
      if known(e) then r.entry = e else r.message = note(e, "{message}") end
      by_key[k] = r
      list[#list + 1] = r
    end
    r.count = r.count + 1
    r.last_line = line
  end)
  if not s then return nil, err end
  for _, r in ipairs(list) do
    if r.entry then r.count, r.last_line = s:tallied(r.entry) end
  end
  sort(list, function(a, b)
    if a.count ~= b.count then return a.count > b.count end
    return a.first_line < b.first_line
  end)
  return list
end

--- The lines of source that hold codes, each followed by a note per code:
--   12: Sub Status: 0xC000006A
--       ^ STATUS_WRONG_PASSWORD (0xC000006A): When trying to update...
-- opts: { all = true, name = "file" } (name prefixes each line as grep
-- does).  With write (a function), the text goes to it piece by piece and
-- annotate returns true; otherwise it returns the whole text.  nil and a
-- message when the file cannot be read.
function M.annotate(source, opts, write)
  opts = check_opts(opts, "annotate")
  local parts
  if write == nil then
    parts = {}
    write = function(s) parts[#parts + 1] = s end
  end
  local prefix = opts.name and tostring(opts.name) .. ":" or ""
  local cur, seen = nil, {}
  local ok, err = each_code(source, opts, "annotate", false, function(e, line, text)
    if line ~= cur then
      cur, seen = line, {}
      write(("%s%d: %s\n"):format(prefix, line, text))
    end
    local k = key_of(e)
    if not seen[k] then
      seen[k] = true
      write("    ^ " .. note(e) .. "\n")
    end
  end)
  if not ok then return nil, err end
  if parts then return concat(parts) end
  return true
end

return M
