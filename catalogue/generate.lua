--- Turns the catalogue's source (catalogue/<namespace>.lua) into the C the
-- core compiles (csrc/catalog_data.c), after checking every entry.
--
--   lua5.4 catalogue/generate.lua [--check] [--source DIR] [--out FILE]
--
-- --check compares with the file already there and fails when it is
-- stale.  Bad data is refused with a message naming the file, the entry
-- and the field; nothing is written then.  The names of namespaces,
-- categories, severities and list fields are read from csrc/logonerr.h,
-- where they are written once.  An entry's `sources` is a list of
-- { title =, url = or ref =, covers = { field names } }; the namespaces in
-- SOURCED must back every entry's name, code and message and some of its
-- knowledge (doc/sources-kerberos-hresult.md).

local args = { source = "catalogue", out = "csrc/catalog_data.c",
               header = "csrc/logonerr.h" }
do
  local i = 1
  while arg[i] do
    local a = arg[i]
    if a == "--check" then args.check = true
    elseif a == "--source" or a == "--out" or a == "--header" then
      args[a:sub(3)] = arg[i + 1] or error("generate.lua: " .. a .. " needs a value")
      i = i + 1
    else
      io.stderr:write("usage: generate.lua [--check] [--source DIR] [--out FILE]\n")
      os.exit(2)
    end
    i = i + 1
  end
end

local function fail(msg)
  io.stderr:write("catalogue: ", msg, "\n")
  os.exit(1)
end

-- Problems with prose are gathered, so that one run lists them all.
local problems = {}
local function note(msg) problems[#problems + 1] = msg end

-- The lists written once in C: X(ID, "name") lines of a macro.
local function read_lists(path)
  local f = io.open(path, "rb") or fail("cannot read " .. path)
  local text = f:read("a")
  f:close()
  local lists = {}
  for macro, body in text:gmatch("#define LOGONERR_(%u+)%(X%)(.-[^\\])\n") do
    local names = {}
    for id, name in body:gmatch('X%(([%u%d_]+),%s*"([%w_]+)"%)') do
      names[#names + 1] = { id = id, name = name }
    end
    lists[macro] = names
  end
  for _, need in ipairs({ "NAMESPACES", "CATEGORIES", "SEVERITIES", "LISTS", "FIELDS" }) do
    if not lists[need] or #lists[need] == 0 then
      fail(path .. ": no LOGONERR_" .. need .. " list")
    end
  end
  return lists
end

local LISTS = read_lists(args.header)
local function set_of(list)
  local s = {}
  for i, x in ipairs(list) do s[x.name] = i end
  return s
end
local CATEGORIES = set_of(LISTS.CATEGORIES)
local SEVERITIES, LIST_FIELDS = set_of(LISTS.SEVERITIES), LISTS.LISTS
-- The fields a source can back; a source's covers are bits in this order.
local COVERABLE = set_of(LISTS.FIELDS)

-- The namespaces whose every entry must say where its facts come from.
local SOURCED = { kerberos = true, hresult = true }
SOURCED.win32, SOURCED.ntstatus = true, true

-- The range of a code in each namespace.
local MAX_CODE = { win32 = 0xFFFF, ntstatus = 0xFFFFFFFF, hresult = 0xFFFFFFFF,
                   kerberos = 127 }

local FIELDS = { name = true, code = true, win32 = true, category = true,
                 severity = true, message = true, summary = true, faq = true,
                 related = true, aliases = true, sources = true,
                 official_message = true }
for _, l in ipairs(LIST_FIELDS) do FIELDS[l.name] = true end

local function is_list(t)
  if type(t) ~= "table" then return false end
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n == #t
end

-- One sentence: starts like a sentence, ends with . ? or !, and has no
-- sentence boundary inside once `code spans` and "quotations" are set
-- aside (so "...ACL.The process..." and "Do this. Then that." fail).
local ABBREVIATIONS = { "e%.g%.", "i%.e%.", "etc%.", "vs%.", "approx%." }
local function one_sentence(s)
  if s:find("[\n\t]") then return false, "contains a line break or tab" end
  if s:find("^%s") or s:find("%s$") then return false, "has leading or trailing space" end
  if not s:find("^[%u%d`\"'(%%]") then return false, "does not start like a sentence" end
  if not s:find("[%.%?!][\"')]?$") then return false, "does not end with . ? or !" end
  local plain = s:gsub("`[^`]*`", "x"):gsub('"[^"]*"', "x")
  for _, a in ipairs(ABBREVIATIONS) do plain = plain:gsub(a, "x") end
  plain = plain:sub(1, -2)
  if plain:find("[%.%?!][\"')]?%s+[%u`]") or plain:find("[%w%)][%.%?!]%u") then
    return false, "holds more than one sentence"
  end
  return true
end

local function text(s)
  return type(s) == "string" and s:find("%S") ~= nil
end

-- The documents entries cite (catalogue/documents.lua), and what a family
-- file sees: DOC.NAME for a document, from(doc, field...) for a source.
local DOCS_FILE = "documents.lua"
local function family_env(dir)
  local path = dir .. "/" .. DOCS_FILE
  local docs = {}
  if io.open(path, "rb") then
    local chunk, err = loadfile(path, "t", {})
    if not chunk then fail(err) end
    local ok, t = pcall(chunk)
    if not ok then fail(path .. ": " .. tostring(t)) end
    if type(t) ~= "table" then fail(path .. ": must return a table of documents") end
    docs = t
  end
  local DOC = setmetatable({}, { __index = function(_, k)
    local d = docs[k]
    if d == nil then error("DOC." .. tostring(k) .. " is not in catalogue/" .. DOCS_FILE, 2) end
    return d
  end })
  local function from(doc, ...)
    if type(doc) ~= "table" then error("from: the first argument must be a DOC.NAME", 2) end
    return { title = doc.title, url = doc.url, ref = doc.ref, covers = { ... } }
  end
  return { DOC = DOC, from = from }
end

-- Load and check one family file; returns its entries.
local function load_family(ns, path)
  local chunk, err = loadfile(path, "t", family_env(args.source))
  if not chunk then fail(err) end
  local ok, rows = pcall(chunk)
  if not ok then fail(path .. ": " .. tostring(rows)) end
  if not is_list(rows) then fail(path .. ": must return a list of entries") end
  local prev
  for i, e in ipairs(rows) do
    local where = ("%s: entry %d"):format(path, i)
    if type(e) ~= "table" then fail(where .. ": not a table") end
    if type(e.name) ~= "string" or not e.name:find("^%u[%u%d]*_[%u%d_]*$") then
      fail(where .. ": name must be an upper-case SDK symbol such as ERROR_ACCESS_DENIED")
    end
    where = path .. ": " .. e.name
    local function bad(field, why) fail(where .. ": " .. field .. " " .. why) end
    for k in pairs(e) do
      if not FIELDS[k] then bad("'" .. tostring(k) .. "'", "is not a field of an entry") end
    end
    if math.type(e.code) ~= "integer" or e.code < 0 or e.code > MAX_CODE[ns] then
      bad("code", ("must be an integer from 0 to 0x%X"):format(MAX_CODE[ns]))
    end
    if prev and e.code == prev.code then
      bad("code", ("0x%X is also %s's (duplicate row)"):format(e.code, prev.name))
    elseif prev and e.code < prev.code then
      bad("code", ("0x%X comes before %s's 0x%X: rows are sorted by code")
          :format(e.code, prev.name, prev.code))
    end
    prev = e
    if not CATEGORIES[e.category] then
      bad("category", "must be one of the categories in csrc/logonerr.h, got " .. tostring(e.category))
    end
    if e.severity ~= nil and not SEVERITIES[e.severity] then
      bad("severity", "must be one of the severities in csrc/logonerr.h, got " .. tostring(e.severity))
    end
    if not text(e.message) or e.message:find("[\n\t]") then bad("message", "must be one line of text") end
    if not text(e.summary) or e.summary:find("[\n\t]") then bad("summary", "must be one line of text") end
    if e.win32 ~= nil and ns ~= "ntstatus" then bad("win32", "belongs to NTSTATUS rows only") end
    for _, l in ipairs(LIST_FIELDS) do
      local list = e[l.name]
      if list ~= nil then
        if not is_list(list) or #list == 0 then bad(l.name, "must be a non-empty list of sentences") end
        for k, item in ipairs(list) do
          if type(item) ~= "string" then bad(l.name, ("item %d is not a string"):format(k)) end
          local one, why = one_sentence(item)
          if not one then note(("%s: %s item %d %s: %q"):format(where, l.name, k, why, item)) end
        end
      end
    end
    if e.faq ~= nil then
      if not is_list(e.faq) or #e.faq == 0 then bad("faq", "must be a non-empty list of {question=, answer=}") end
      for k, qa in ipairs(e.faq) do
        if type(qa) ~= "table" then bad("faq", ("item %d is not a table"):format(k)) end
        for key in pairs(qa) do
          if key ~= "question" and key ~= "answer" then
            bad("faq", ("item %d has an unknown key '%s'"):format(k, tostring(key)))
          end
        end
        if not text(qa.question) or not qa.question:find("%?$") then
          bad("faq", ("item %d has no question (a sentence ending with '?')"):format(k))
        end
        if not text(qa.answer) then
          bad("faq", ("item %d (%q) has no answer"):format(k, qa.question))
        end
      end
    end
    for _, f in ipairs({ "related", "aliases" }) do
      if e[f] ~= nil then
        if not is_list(e[f]) or #e[f] == 0 then bad(f, "must be a non-empty list of names") end
        for k, n in ipairs(e[f]) do
          if type(n) ~= "string" then bad(f, ("item %d is not a name"):format(k)) end
        end
      end
    end
    if e.sources ~= nil then
      if not is_list(e.sources) or #e.sources == 0 then
        bad("sources", "must be a non-empty list of {title=, url= or ref=, covers=}")
      end
      for k, src in ipairs(e.sources) do
        local function bad_src(why) bad("sources", ("item %d %s"):format(k, why)) end
        if type(src) ~= "table" then bad_src("is not a table") end
        for key in pairs(src) do
          if key ~= "title" and key ~= "url" and key ~= "ref" and key ~= "covers" then
            bad_src("has an unknown key '" .. tostring(key) .. "'")
          end
        end
        if not text(src.title) or src.title:find("[\n\t]") then bad_src("has no title (one line of text)") end
        if (src.url == nil) == (src.ref == nil) then bad_src("needs a url or a ref, not both") end
        if src.url ~= nil and (type(src.url) ~= "string" or not src.url:find("^https?://[%w.-]+/[%w%-._~:/?#@!$&'()*+,;=%%]*$")) then
          bad_src("url must be an https:// (or http://) address without spaces")
        end
        if src.ref ~= nil and (not text(src.ref) or src.ref:find("[\n\t]")) then
          bad_src("ref must be one line of text")
        end
        if not is_list(src.covers) or #src.covers == 0 then
          bad_src("covers must be a non-empty list of field names")
        end
        local seen = {}
        for _, f in ipairs(src.covers) do
          if not COVERABLE[f] then bad_src("covers '" .. tostring(f) .. "', which is not a field of an entry") end
          if seen[f] then bad_src("covers '" .. f .. "' twice") end
          seen[f] = true
        end
      end
    elseif SOURCED[ns] then
      bad("sources", "are missing (every " .. ns .. " entry says where its facts come from)")
    end
    e.namespace = ns
  end
  return rows
end

local function check_problems()
  if #problems > 0 then fail(table.concat(problems, "\ncatalogue: ")) end
end

-- Every family, in the order of the namespaces.
local entries, by_name = {}, {}
local known_files = { ["generate.lua"] = true, ["README.md"] = true, [DOCS_FILE] = true }
for _, ns in ipairs(LISTS.NAMESPACES) do
  local path = args.source .. "/" .. ns.name .. ".lua"
  known_files[ns.name .. ".lua"] = true
  local f = io.open(path, "rb")
  if f then
    f:close()
    for _, e in ipairs(load_family(ns.name, path)) do
      e.file = path
      entries[#entries + 1] = e
    end
  end
end
do -- a family file with a misspelt name would be silently left out
  local p = io.popen('ls "' .. args.source .. '"')
  for name in p:lines() do
    if name:find("%.lua$") and not known_files[name] then
      fail(args.source .. "/" .. name .. ": not a namespace of csrc/logonerr.h")
    end
  end
  p:close()
end

check_problems()
for i, e in ipairs(entries) do
  e.index = i - 1
  for _, n in ipairs({ e.name, table.unpack(e.aliases or {}) }) do
    local other = by_name[n:upper()]
    if other then fail(e.file .. ": " .. e.name .. ": name " .. n .. " is also " .. other.name .. "'s") end
    by_name[n:upper()] = e
  end
end
if #entries >= 0xFFFF then fail("too many entries for the related-list indices") end

-- Links between entries.
local LIST_OF, LIST_FIELD_SET = {}, {}
for _, l in ipairs(LIST_FIELDS) do
  LIST_OF[#LIST_OF + 1] = l.name
  LIST_FIELD_SET[l.name] = true
end
for _, e in ipairs(entries) do
  local where = e.file .. ": " .. e.name
  if e.win32 ~= nil then
    local w = by_name[tostring(e.win32):upper()]
    if type(e.win32) ~= "string" or not w or w.namespace ~= "win32" or w.name ~= e.win32 then
      fail(where .. ": win32 " .. tostring(e.win32) .. " is not a catalogued Win32 error")
    end
    e.twin = w
  end
  for _, f in ipairs({ "causes", "resolution" }) do
    if e[f] == nil and not (e.twin and e.twin[f]) then
      fail(where .. ": " .. f .. " is missing (every entry has summary, causes and resolution)")
    end
  end
  -- A source backs fields the entry has (an NTSTATUS row's lists may be its
  -- twin's); in SOURCED namespaces the name, code and message and some of
  -- the knowledge are backed.
  local covered = {}
  for k, src in ipairs(e.sources or {}) do
    for _, f in ipairs(src.covers) do
      local has = ({ name = true, code = true, message = true })[f] or e[f] ~= nil or
                  (e.twin and LIST_FIELD_SET[f] and e.twin[f] ~= nil)
      if not has then
        fail(("%s: sources item %d covers '%s', which the entry does not have"):format(where, k, f))
      end
      covered[f] = true
    end
  end
  -- official_message = false: no official text exists, the message is
  -- this project's wording, and no source may claim it.
  if e.official_message ~= nil and e.official_message ~= false then
    fail(where .. ": official_message may only be false")
  end
  if e.official_message == false and covered.message then
    fail(where .. ": official_message is false, yet a source covers message")
  end
  if SOURCED[e.namespace] then
    for _, f in ipairs({ "name", "code", "message" }) do
      if not covered[f] and not (f == "message" and e.official_message == false) then
        fail(where .. ": sources: no source covers " .. f)
      end
    end
    if not (covered.summary or covered.causes or covered.resolution) then
      fail(where .. ": sources: no source covers the knowledge (summary, causes or resolution)")
    end
  end
  local seen = {}
  for _, n in ipairs(e.related or {}) do
    local r = by_name[n:upper()]
    if not r or r.name ~= n then fail(where .. ": related " .. n .. " is not a catalogued name") end
    if r == e then fail(where .. ": related names the entry itself") end
    if seen[r] then fail(where .. ": related names " .. n .. " twice") end
    seen[r] = true
  end
end

-- C output.
local function c_string(s)
  s = s:gsub('[\\"]', "\\%0"):gsub("%?%?", "?\\?")
  return '"' .. s .. '"'
end

local out = {}
local function w(s) out[#out + 1] = s end
local sources = {}
for _, ns in ipairs(LISTS.NAMESPACES) do
  if io.open(args.source .. "/" .. ns.name .. ".lua") then
    sources[#sources + 1] = "catalogue/" .. ns.name .. ".lua"
  end
end
w("/*")
w(" * GENERATED by catalogue/generate.lua from " .. table.concat(sources, ", ") .. ".")
w(" * Do not edit: edit those files and run `make catalogue`.")
w(" */")
w('#include "catalog.h"')
w("")
for _, e in ipairs(entries) do
  local id = "e" .. e.index
  for _, f in ipairs(LIST_OF) do
    if e[f] then
      w(("static const char *const %s_%s[] = {"):format(id, f))
      for _, item in ipairs(e[f]) do w("  " .. c_string(item) .. ",") end
      w("  NULL};")
    end
  end
  if e.faq then
    w(("static const logonerr_faq_pair %s_faq[] = {"):format(id))
    for _, qa in ipairs(e.faq) do
      w("  {" .. c_string(qa.question) .. ",")
      w("   " .. c_string(qa.answer) .. "},")
    end
    w("  {NULL, NULL}};")
  end
  if e.related then
    local idx = {}
    for _, n in ipairs(e.related) do idx[#idx + 1] = tostring(by_name[n].index) end
    idx[#idx + 1] = "LOGONERR_NO_ENTRY"
    w(("static const unsigned short %s_related[] = {%s};"):format(id, table.concat(idx, ", ")))
  end
  if e.sources then
    w(("static const logonerr_source %s_sources[] = {"):format(id))
    for _, src in ipairs(e.sources) do
      local bits = 0
      for _, f in ipairs(src.covers) do bits = bits | (1 << (COVERABLE[f] - 1)) end
      w(("  {%s,\n   %s, %s, 0x%XU},"):format(c_string(src.title),
        src.url and c_string(src.url) or "NULL", src.ref and c_string(src.ref) or "NULL", bits))
    end
    w("  {NULL, NULL, NULL, 0U}};")
  end
  if e.aliases then
    local a = {}
    for _, n in ipairs(e.aliases) do a[#a + 1] = c_string(n) end
    a[#a + 1] = "NULL"
    w(("static const char *const %s_aliases[] = {%s};"):format(id, table.concat(a, ", ")))
  end
end
w("")
w("static const logonerr_entry catalog[] = {")
local function enum(prefix, list, name)
  for _, x in ipairs(list) do
    if x.name == name then return prefix .. x.id end
  end
end
for _, e in ipairs(entries) do
  local id = "e" .. e.index
  local lists = {}
  for _, f in ipairs(LIST_OF) do lists[#lists + 1] = e[f] and (id .. "_" .. f) or "NULL" end
  w(("  {%s, 0x%XU, %s, %s, %s, %s,"):format(
    c_string(e.name), e.code, enum("LOGONERR_NS_", LISTS.NAMESPACES, e.namespace),
    enum("LOGONERR_CAT_", LISTS.CATEGORIES, e.category),
    e.severity and enum("LOGONERR_SEV_", LISTS.SEVERITIES, e.severity) or "LOGONERR_SEV_NONE",
    e.twin and ("%dU"):format(e.twin.code) or "0U"))
  w("   " .. c_string(e.message) .. ",")
  w("   " .. c_string(e.summary) .. ",")
  w(("   {%s},"):format(table.concat(lists, ", ")))
  w(("   %s, %s, %s, %s},"):format(e.faq and id .. "_faq" or "NULL",
    e.related and id .. "_related" or "NULL", e.aliases and id .. "_aliases" or "NULL",
    e.sources and id .. "_sources" or "NULL"))
end
w("};")
w("")
w("const logonerr_entry *logonerr_catalog(size_t *count) {")
w("  *count = sizeof catalog / sizeof catalog[0];")
w("  return catalog;")
w("}")
local code = table.concat(out, "\n") .. "\n"

if args.check then
  local f = io.open(args.out, "rb")
  local old = f and f:read("a")
  if f then f:close() end
  if old ~= code then
    fail(args.out .. " is stale: run `make catalogue` and commit the result")
  end
  print(args.out .. ": up to date (" .. #entries .. " entries)")
else
  local f = io.open(args.out, "wb") or fail("cannot write " .. args.out)
  f:write(code)
  f:close()
  print(args.out .. ": " .. #entries .. " entries")
end
