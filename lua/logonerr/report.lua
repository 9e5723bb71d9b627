--- Templated reports: one code explained, or a summary of many.
-- Formats are line, text, markdown (templates in logonerr.formats) and
-- json (through dkjson, never by hand).
-- @module logonerr.report

local logonerr = require "logonerr"
local template = require "logonerr.template"
local formats = require "logonerr.formats"
local escape = require "logonerr.escape"

local error, io_open, ipairs, pairs, pcall, require, sort, tostring, type =
      error, io.open, ipairs, pairs, pcall, require, table.sort, tostring, type
local concat = table.concat

local _ENV = nil -- luacheck: ignore 211

local M = {}

M.render = template.render
M.parse = template.parse
--- The built-in formats (logonerr.formats, written once in C).
M.FORMATS = logonerr.formats

--- data as indented JSON, keys in a fixed order (logonerr.json): the
-- same data gives the same bytes.
function M.json(data)
  return require("logonerr.json").encode(data, { indent = true })
end

local function list(t)
  local out = {}
  for i, v in ipairs(t or {}) do out[i] = v end
  return out
end

local function brief(e)
  return { name = e.name, code = e.code, hex = e.hex, namespace = e.namespace,
           message = e.message }
end

--- The knowledge lists of e (causes, diagnosis, ...) that have items but
-- that no source of e covers: this project's own advice; and, first,
-- "message" when no source covers the message (no official text exists,
-- so the message is this project's wording).  The one place that decides
-- it, from the sources' covers; a list in list_fields order.
function M.uncited(e)
  local covered = {}
  for _, src in ipairs(e.sources or {}) do
    for _, f in ipairs(src.covers or {}) do covered[f] = true end
  end
  local out = {}
  if not covered.message then out[1] = "message" end
  for _, f in ipairs(logonerr.list_fields) do
    if e[f] and #e[f] > 0 and not covered[f] then out[#out + 1] = f end
  end
  return out
end

--- A plain-table view of an entry: what templates and JSON see.
function M.view(e)
  local v = brief(e)
  -- The HRESULT form of a Win32 or NTSTATUS code (an HRESULT is its own;
  -- a Kerberos code has none).
  if e.hresult and e.hresult ~= e.code then v.hresult = ("0x%X"):format(e.hresult) end
  v.signed = e.code >= 0x80000000 and e.code - 0x100000000 or e.code
  v.category, v.severity, v.summary = e.category, e.severity, e.summary
  v.line = logonerr.format(e.name)
  -- Win32 codes read naturally in decimal and hex, NTSTATUS codes in hex.
  v.number = e.namespace == "win32" and ("%d, %s"):format(e.code, e.hex) or e.hex
  for _, f in ipairs(logonerr.list_fields) do v[f] = list(e[f]) end
  v.faq = {}
  for i, qa in ipairs(e.faq or {}) do
    v.faq[i] = { question = qa.question, answer = qa.answer }
  end
  v.related = {}
  for i, r in ipairs(e.related or {}) do v.related[i] = brief(r) end
  v.sources = {}
  for i, src in ipairs(e.sources or {}) do
    v.sources[i] = { title = src.title, url = src.url, ref = src.ref,
                     covers = list(src.covers) }
  end
  v.uncited = M.uncited(e)
  if e.win32 then v.win32 = brief(e.win32) end
  if e.namespace == "win32" then
    v.ntstatus = {}
    for i, s in ipairs(e.ntstatus) do v.ntstatus[i] = brief(s) end
  end
  return v
end

-- Misuse raises, naming the function the caller called (fname).
local function argerror(fname, argn, msg)
  error(("bad argument #%d to '%s' (%s)"):format(argn, fname, msg), 4)
end

local function check_format(format, argn, fname)
  if type(format) == "table" then return format end
  format = format or "text"
  for _, f in ipairs(M.FORMATS) do
    if f == format then return format end
  end
  local names = {}
  for i, f in ipairs(M.FORMATS) do names[i] = f end
  argerror(fname, argn, ("unknown format '%s': expected %s")
           :format(tostring(format), concat(names, ", ")))
end

-- What templates see besides the JSON data: each source's fields as
-- one string ("name, code, message").
local function for_templates(v)
  for _, src in ipairs(v.sources or {}) do src.fields = concat(src.covers, ", ") end
  -- uncited_of.causes etc.: the note after a list's heading
  v.uncited_of = {}
  for _, f in ipairs(v.uncited or {}) do
    v.uncited_of[f] = f == "message" and M.UNOFFICIAL or M.UNCITED
  end
  return v
end

--- The note on a list that no source covers (M.uncited).
M.UNCITED = "(this project's advice; no cited source)"
--- The note on a message that no source covers: there is no official text.
M.UNOFFICIAL = "(this project's wording; no official message)"

local function render_with(format, kind, data)
  if format ~= "json" and (kind == "explain" or kind == "sources") then
    for_templates(data)
  end
  if type(format) == "table" then -- { template = "...", name = "file" }
    return template.render(format.template, data, { name = format.name })
  end
  if format == "json" then
    return M.json(data) .. "\n"
  end
  return template.render(formats[kind][format], data,
                         { escape = escape.of(format), name = format })
end

--- A template file read and checked, as a format for explain, summary and
-- the events report: { template = text, name = path }, or nil and a
-- message ("cannot read template: ..." or where it is malformed).
function M.template_file(path)
  local f, err = io_open(path, "rb")
  local text = f and f:read("*a")
  if f then f:close() end
  if text == nil then
    return nil, "cannot read template: " .. tostring(err or path .. ": not a file")
  end
  local ok, perr = pcall(template.parse, text, path)
  if not ok then return nil, perr end
  return { template = text, name = path }
end

--- Explain one code: x is anything lookup() reads, or an entry.
-- format is "line", "text" (default), "markdown", "json", or
-- { template = text [, name = label] }.  Returns nil, message when x is
-- not in the catalogue.
function M.explain(x, format)
  format = check_format(format, 2, "explain")
  local e, err
  if logonerr.is_entry(x) then e = x else e, err = logonerr.lookup(x) end
  if e == nil then return nil, err end
  return render_with(format, "explain", M.view(e))
end

--- Where the facts of one code come from: x as for explain; format "line"
-- (one source a line), "text" (default), "markdown" or "json" (the list
-- of {title, url or ref, covers}).  Returns nil, message when x is not in
-- the catalogue.
function M.sources(x, format)
  format = check_format(format, 2, "sources")
  if type(format) == "table" then
    argerror("sources", 2, "a template is for explain and summary")
  end
  local e, err
  if logonerr.is_entry(x) then e = x else e, err = logonerr.lookup(x) end
  if e == nil then return nil, err end
  local v = M.view(e)
  if format == "json" then return M.json(v.sources) .. "\n" end
  return render_with(format, "sources", v)
end

-- One summary item from a result: an entry, or a table with entry (or
-- code/name/hex) and count, first_line, last_line, sample.
local function item_of(r, count)
  local e = r
  if not logonerr.is_entry(r) then
    e = r.entry or (r.name and logonerr.lookup(r.name)) or
        (r.code and logonerr.lookup(r.code))
  end
  local it = e and brief(e) or { name = r.name or "UNKNOWN", code = r.code,
    hex = r.hex or (r.code and ("0x%X"):format(r.code)),
    message = r.message or "Not in the catalogue." }
  if not logonerr.is_entry(r) then
    it.count = r.count or count or 1
    it.first_line, it.last_line, it.sample = r.first_line, r.last_line, r.sample
  else
    it.count = count or 1
  end
  return it, e
end

-- One row per code: spellings of one code ("1366", 0x556, an entry) and
-- repeated results add up.
local function merge(items, rows, it, key)
  local row = rows[key]
  if row == nil then
    rows[key] = it
    items[#items + 1] = it
    return
  end
  row.count = row.count + it.count
  if it.first_line and (row.first_line == nil or it.first_line < row.first_line) then
    row.first_line, row.sample = it.first_line, it.sample or row.sample
  end
  if it.last_line and (row.last_line == nil or it.last_line > row.last_line) then
    row.last_line = it.last_line
  end
end

local function view_of(results, source, fname)
  if type(results) ~= "table" then
    argerror(fname, 1, "table expected, got " .. type(results))
  end
  local items, rows = {}, {}
  if results[1] ~= nil then
    for _, r in ipairs(results) do
      local it, e = item_of(r)
      merge(items, rows, it, e or it.name .. (it.hex or ""))
    end
  else
    for k, count in pairs(results) do
      local e, err = logonerr.lookup(k)
      if e == nil then argerror(fname, 1, err) end
      if type(count) ~= "number" then
        argerror(fname, 1, ("the count of %s is a %s, not a number")
                           :format(tostring(k), type(count)))
      end
      merge(items, rows, item_of(e, count), e)
    end
  end
  sort(items, function(a, b)
    if a.count ~= b.count then return a.count > b.count end
    return (a.name or "") < (b.name or "")
  end)
  local total = 0
  for _, it in ipairs(items) do total = total + it.count end
  return { items = items, total = total, distinct = #items, source = source }
end

--- The data a summary renders: { items = {...}, total =, distinct =,
-- source = }.  results as for summary; source names where they came from.
function M.summary_view(results, source)
  return view_of(results, source, "summary_view")
end

--- Summarise many results.  results is a list (of entries, or of tables
-- with entry and count, first_line, last_line, sample, as
-- logonerr.summarize returns) or a map from a code or name to its count.
-- Items are sorted by count, most first.  source (optional) names the
-- file they came from.
function M.summary(results, format, source)
  format = check_format(format, 2, "summary")
  local view = view_of(results, source, "summary")
  if format ~= "json" then -- "line 4" or "lines 2-5", for templates
    -- counts right-aligned in a column as wide as the largest
    local width = #tostring(view.items[1] and view.items[1].count or 0)
    for _, it in ipairs(view.items) do
      it.count_aligned = ("%" .. width .. "s"):format(tostring(it.count))
      local a, b = it.first_line, it.last_line or it.first_line
      if a then
        it.lines = a == b and ("line %d"):format(a) or ("lines %d-%d"):format(a, b)
      end
    end
  end
  return render_with(format, "summary", view)
end

return M
