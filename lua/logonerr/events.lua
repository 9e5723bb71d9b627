--- Security events: the logs where logon failures live, read one record at
-- a time.  Formats are told from the content: EVTX (logonerr's own C
-- reader, logonerr.evtx), event XML (each <Event> through libexpat, in
-- logonerr.eventxml), JSON and
-- NDJSON (Winlogbeat, flat exports, Get-WinEvent | ConvertTo-Json), in
-- UTF-8 or UTF-16.
--
--     local events = require "logonerr.events"
--     for rec in events.records("Security.evtx") do print(rec.id, rec.code) end
--     local report = events.triage(events.records("Security.evtx"))
--
-- @module logonerr.events

local record = require "logonerr.event_record"
local event_fields = require "logonerr.event_fields"
local json = require "logonerr.json"
local logonerr = require "logonerr"

local collectgarbage, error, io_open, ipairs, next, os_remove, os_tmpname, pairs, pcall,
      require, setmetatable, tostring, type =
      collectgarbage, error, io.open, ipairs, next, os.remove, os.tmpname, pairs, pcall,
      require, setmetatable, tostring, type
local table_concat = table.concat
local byte, find, format, gsub, lower, match, sub =
      string.byte, string.find, string.format, string.gsub, string.lower,
      string.match, string.sub

local _ENV = nil -- luacheck: ignore 211

local M = {}

--- Bytes read at a time.
M.CHUNK = 1048576
--- The longest event (XML), JSON line or JSON array item read whole; past
-- it, the event is skipped as damaged.
M.MAX_EVENT = 16 * 1048576

local EVENT_FIELDS = event_fields.fields
local EVENT_IDS = logonerr.event_ids

local have_evtx, evtx = pcall(require, "logonerr.evtx")
if not have_evtx then evtx = nil end
local have_xml, eventxml = pcall(require, "logonerr.eventxml")
if not have_xml then eventxml = nil end

--- Can this build read EVTX files (logonerr.evtx is built)?
M.evtx = evtx ~= nil
--- Can it read event XML (logonerr.eventxml, built with libexpat)?
M.xml = eventxml ~= nil
--- The JSON library in use ("lua-cjson" or "dkjson").
M.json_library = json.library

local NO_MODULE = "logonerr.eventxml is not built (it needs libexpat at build " ..
                  "time, Debian: libexpat1-dev)"

-- The text readers' buffer: buf from keep on, then the next piece of
-- chunks; nil at the end.  Each piece read leaves a megabyte or two of
-- strings behind; a step of the collector per piece keeps the heap near
-- what is live, so memory stays flat however long the log (Lua's own
-- pacing lets it double).
local function refill(chunks, buf, keep)
  local c = chunks()
  if c == nil then return nil end
  collectgarbage("step", 1024)
  return sub(buf, keep) .. c
end

-- Text from the source as UTF-8 chunks: the head already read, then the
-- rest, decoded from UTF-16 when enc says so.
local function utf8_chunks(f, head, enc)
  local pending, done = head, false
  local carry = ""
  return function()
    if done then return nil end
    local s = pending
    pending = nil
    if s == nil then s = f:read(M.CHUNK) end
    if enc == "utf-8" or enc == nil then
      if s == nil then done = true end
      return s
    end
    local final = s == nil
    s = carry .. (s or "")
    if final then done = true end
    if s == "" then return nil end
    local text, used = eventxml.utf16(s, enc == "utf-16be", final)
    carry = sub(s, used + 1)
    if final then carry = "" end
    return text
  end
end

-- The encoding of a head of bytes and the length of its BOM.
local function encoding(head)
  if sub(head, 1, 3) == "\239\187\191" then return "utf-8", 3 end
  if sub(head, 1, 2) == "\255\254" then return "utf-16le", 2 end
  if sub(head, 1, 2) == "\254\255" then return "utf-16be", 2 end
  -- Without a BOM: ASCII text in UTF-16 has every other byte 0.
  local a, b = byte(head, 1, 2)
  if a and b then
    if a ~= 0 and b == 0 then return "utf-16le", 0 end
    if a == 0 and b ~= 0 then return "utf-16be", 0 end
  end
  return "utf-8", 0
end

-- A skipped record: counted with its reason and place.
local function skip(rd, at, reason)
  local list = rd.skipped
  list[#list + 1] = { at = at, reason = reason }
end

-- Does a record pass the filters of opts (since, until, account, source)?
local function wanted(rec, o)
  if o.since and (rec.time == nil or rec.time < o.since) then return false end
  if o["until"] and (rec.time == nil or rec.time > o["until"]) then return false end
  if o.account then
    local a = lower(rec.account or "")
    if a ~= o.account and lower(match(a, "[^\\]*$")) ~= o.account then return false end
  end
  if o.source and lower(rec.source or "") ~= o.source then return false end
  return true
end

---------------------------------------------------------------- EVTX

-- A damaged chunk or record comes as false, why, where: it is skipped.
local function evtx_records(rd, path, jobs)
  if not M.evtx then return nil, "logonerr.evtx is not built" end
  local f, err = evtx.open(path, jobs)
  if f == nil then return nil, err end
  return function()
    while true do
      local rec, why, at = f:next()
      if rec then return rec end
      if rec == nil then f:close() return nil end
      skip(rd, at, why)
    end
  end
end

---------------------------------------------------------------- XML

-- Each <Event>..</Event> is cut from the stream and read by libexpat on
-- its own: a damaged event is skipped and the next one read, whatever
-- comes between events (an <Events> root, the XML declarations that
-- python-evtx writes before every event, evtxexport's banner line).
local function xml_records(rd, chunks)
  if not M.xml then return nil, NO_MODULE end
  local parser = eventxml.parser()
  local buf, pos, eof, k = "", 1, false, 0
  local function more()
    local b = refill(chunks, buf, pos)
    if b == nil then eof = true else buf, pos = b, 1 end
  end
  return function()
    while true do
      local s = find(buf, "<Event[%s>/]", pos)
      if s == nil then
        if eof then return nil end
        pos = #buf > 7 and #buf - 6 or 1
        more()
      else
        local e = find(buf, "</Event>", s, true)
        local nxt = find(buf, "<Event[%s>/]", s + 6)
        if nxt and (e == nil or nxt < e) then
          k = k + 1
          skip(rd, "event " .. k, "an <Event> without its end tag")
          pos = nxt
        elseif e then
          k = k + 1
          pos = e + 8
          local rec, why = parser:read(sub(buf, s, e + 7))
          if rec then return rec end
          skip(rd, "event " .. k, why)
        elseif eof then
          k = k + 1
          skip(rd, "event " .. k, "the file ends inside an event")
          pos = #buf + 1
        elseif #buf - s > M.MAX_EVENT then
          k = k + 1
          skip(rd, "event " .. k, "an event longer than " .. M.MAX_EVENT .. " bytes")
          pos = s + 6
        else
          pos = s
          more()
        end
      end
    end
  end
end

---------------------------------------------------------------- JSON

local null = json.null

local function plain(v)
  if v == null then return nil end
  return v
end

-- A copy of t without JSON nulls, for data.
local function data_of(t)
  local d = {}
  if type(t) == "table" then
    for k, v in pairs(t) do
      if v ~= null and type(v) ~= "table" then d[k] = v end
    end
  end
  return d
end

-- Get-WinEvent's Properties (a list of {Value = ...}) named by the event's
-- field list.
local function properties(id, props)
  local names = EVENT_FIELDS[record.number(id) or -1]
  local d = {}
  for i, p in ipairs(props) do
    local v = type(p) == "table" and plain(p.Value) or plain(p)
    if type(v) ~= "table" then d[names and names[i] or i] = v end
  end
  return d
end

-- Lines of Get-WinEvent's Message text: "Label:\tvalue", under a heading
-- ("Account For Which Logon Failed:").  The labels that hold what a
-- record needs, by event section.
local MESSAGE_FIELDS = {
  ["Status"] = "Status", ["Sub Status"] = "SubStatus",
  ["Failure Code"] = "Status", ["Result Code"] = "Status", ["Error Code"] = "Status",
  ["Logon Type"] = "LogonType", ["Failure Reason"] = "FailureReason",
  ["Source Network Address"] = "IpAddress", ["Client Address"] = "IpAddress",
  ["Workstation Name"] = "WorkstationName", ["Source Workstation"] = "Workstation",
  ["Caller Computer Name"] = "TargetDomainName",
}
local TARGET_HEADINGS = { ["Account For Which Logon Failed"] = true,
  ["New Logon"] = true, ["Account That Was Locked Out"] = true,
  ["Account Information"] = true, ["Account Whose Credentials Were Used"] = true }

local function message_fields(msg, id)
  local d, target = {}, false
  local labels = {} -- the catalogue's Message labels of this event's code fields
  local ev = EVENT_IDS[record.number(id) or -1]
  if ev and ev.labels then
    for field, label in pairs(ev.labels) do labels[label] = field end
  end
  for line in msg:gmatch("[^\r\n]+") do
    local label, value = match(line, "^%s*([%a ]-):%s*(.-)%s*$")
    if label and value == "" then
      target = TARGET_HEADINGS[label] or false
    elseif label then
      local f = labels[label] or MESSAGE_FIELDS[label]
      if f and d[f] == nil then d[f] = value end
      if target and label == "Account Name" then d.TargetUserName = value end
      if target and label == "Account Domain" then d.TargetDomainName = value end
      if target and label == "Logon Account" then d.TargetUserName = value end
      if label == "Logon Account" then d.TargetUserName = value end
    end
  end
  return d
end

-- An event as JSON, in any of the shapes logs are exported in, as a
-- record; nil when it has no event ID.
local function from_json(o)
  if type(o) ~= "table" then return nil end
  local w = plain(o.winlog)
  if type(w) == "table" and plain(w.event_id) then -- Winlogbeat / Elastic
    return { id = plain(w.event_id), record = plain(w.record_id),
             time = plain(o["@timestamp"]), computer = plain(w.computer_name),
             channel = plain(w.channel), provider = plain(w.provider_name),
             data = data_of(plain(w.event_data)) }
  end
  local e = plain(o.Event)
  if type(e) == "table" and type(plain(e.System)) == "table" then -- XML as JSON
    local s = e.System
    local t = plain(s.TimeCreated)
    t = type(t) == "table" and (plain(t.SystemTime) or
        type(plain(t["#attributes"])) == "table" and plain(t["#attributes"].SystemTime)) or t
    local id = plain(s.EventID)
    if type(id) == "table" then id = plain(id["#text"]) or plain(id.text) end
    return { id = id, record = plain(s.EventRecordID), time = t,
             computer = plain(s.Computer), channel = plain(s.Channel),
             data = data_of(plain(e.EventData)) }
  end
  local id = plain(o.Id)
  if id ~= nil and (o.Properties ~= nil or o.Message ~= nil) then -- Get-WinEvent
    local props = plain(o.Properties)
    local d = type(props) == "table" and next(props) ~= nil and properties(id, props)
    if not d then
      d = type(plain(o.Message)) == "string" and message_fields(o.Message, id) or {}
    end
    local t = plain(o.TimeCreated)
    if type(t) == "table" then t = plain(t.value) or plain(t.DateTime) end
    return { id = id, record = plain(o.RecordId), time = t,
             computer = plain(o.MachineName), channel = plain(o.LogName),
             provider = plain(o.ProviderName), data = d }
  end
  id = plain(o.EventID) or plain(o.EventId) or plain(o.event_id)
  if id ~= nil then -- flat: OTRF / Mordor, NXLog, Splunk exports
    if type(id) == "table" then return nil end
    return { id = id, record = plain(o.EventRecordID) or plain(o.RecordNumber),
             time = plain(o["@timestamp"]) or plain(o.TimeCreated) or
                    plain(o.EventTime) or plain(o.SystemTime),
             computer = plain(o.Hostname) or plain(o.Computer) or plain(o.host),
             channel = plain(o.Channel), provider = plain(o.SourceName) or
                    plain(o.ProviderName), data = data_of(o) }
  end
  return nil
end

local function each_of(list)
  local i = 0
  return function()
    i = i + 1
    return list[i]
  end
end

-- The items of a JSON array (Get-WinEvent | ConvertTo-Json), decoded one at
-- a time so that memory stays flat: each item is cut from the stream by
-- following its brackets and strings (the JSON library then reads it).  An
-- item that does not parse is skipped and counted; so is one longer than
-- MAX_EVENT, followed to its end without being kept.  Arrays written one
-- after another (ConvertTo-Json >> file) are read in turn.
local function array_items(rd, chunks)
  -- Where the reading is: before an array's [, between its items, in an
  -- item (depth: its open brackets), after its ], or at the end.
  local BEFORE, BETWEEN, IN, AFTER, DONE = 1, 2, 3, 4, 5
  local state, depth, in_string, dropping = BEFORE, 0, false, false
  local buf, s, p, k = "", 1, 1, 0 -- s: the item's start; p: where to look
  local function more() -- keeps buf from s on, then the next piece
    local b = refill(chunks, buf, s)
    if b == nil then return false end
    buf, p, s = b, p - s + 1, 1
    return true
  end
  local function bad(why)
    k = k + 1
    skip(rd, "item " .. k, why)
  end
  local function item(text) -- the record, or nil with the item skipped
    local v, err = json.decode(text)
    local rec = type(v) == "table" and from_json(v)
    if rec then k = k + 1; return rec end
    bad(v == nil and err and "JSON that does not parse: " .. tostring(err) or
        "a JSON object without an event ID")
    return nil
  end
  -- The item from s ends at e (and the next look is at e + 1): its record,
  -- or nil when it was skipped.
  local function finish(e)
    local text = not dropping and sub(buf, s, e)
    s, p, state, depth = e + 1, e + 1, BETWEEN, 0
    if dropping then
      dropping = false
      bad("an item longer than " .. M.MAX_EVENT .. " bytes")
      return nil
    end
    return item(text)
  end
  return function()
    while state ~= DONE do
      local need = false -- what is read ends before the next step
      if state ~= IN then
        local q = find(buf, "%S", p)
        local c = q and sub(buf, q, q)
        if c == nil then
          s, p, need = #buf + 1, #buf + 1, true
        elseif state == BEFORE then
          state, p = BETWEEN, q + 1 -- the caller saw the [
        elseif state == AFTER then
          if c == "[" then
            state, p = BETWEEN, q + 1
          else
            skip(rd, "file", "text after the JSON array that is not another array")
            state = DONE
          end
        elseif c == "," then
          p = q + 1
        elseif c == "]" then
          state, p = AFTER, q + 1
        else
          state, s, p, depth = IN, q, q, 0
        end
      elseif in_string then -- on to the quote no backslash escapes
        local close = find(buf, '"', p, true)
        while close do
          local b = close - 1
          while byte(buf, b) == 92 do b = b - 1 end
          if (close - 1 - b) % 2 == 0 then break end
          close = find(buf, '"', close + 1, true)
        end
        if close then
          in_string, p = false, close + 1
        else -- look again from the backslashes that end what is read
          local b = #buf
          while b >= p and byte(buf, b) == 92 do b = b - 1 end
          p, need = b + 1, true
        end
      else
        -- Commas and closing brackets end an item at its top only; a
        -- stray } there ends it too, so that it is skipped, not looped on.
        local q = find(buf, depth == 0 and '[][{}",]' or '[][{}"]', p)
        local c = q and sub(buf, q, q)
        if c == nil then
          p, need = #buf + 1, true
        elseif c == '"' then
          in_string, p = true, q + 1
        elseif c == "{" or c == "[" then
          depth, p = depth + 1, q + 1
        elseif depth == 0 then -- , or ] after a value that is no object
          local rec = finish(c == "}" and q or q - 1)
          if rec then return rec end
        elseif depth == 1 and c ~= "," then
          local rec = finish(q)
          if rec then return rec end
        else
          depth, p = depth - 1, q + 1
        end
      end
      if need then
        if state == IN and (dropping or #buf - s > M.MAX_EVENT) then
          dropping, s = true, p -- too long to keep: followed, not kept
        end
        if not more() then
          if state == IN then bad("the file ends inside an item")
          elseif state == BETWEEN then
            skip(rd, "file", "the file ends before the JSON array's closing ]")
          end
          state = DONE
        end
      end
    end
    return nil
  end
end

local function json_records(rd, chunks, first)
  local buf, pos, eof, line = "", 1, false, 0
  local whole -- the event of one pretty-printed object
  local function more()
    local b = refill(chunks, buf, pos)
    if b == nil then eof = true else buf, pos = b, 1 end
  end
  local function slurp()
    local parts = { sub(buf, pos) }
    for c in chunks do parts[#parts + 1] = c end
    buf, pos, eof = "", 1, true
    return (gsub(table_concat(parts), "^\239\187\191", ""))
  end
  if first == "[" then return array_items(rd, chunks) end
  return function()
    while true do
      if whole then
        local o = whole()
        if o == nil then return nil end
        line = line + 1
        local rec = from_json(o)
        if rec then return rec end
        skip(rd, "item " .. line, "a JSON object without an event ID")
      else
        local nl = find(buf, "\n", pos, true)
        if nl == nil and not eof then
          if #buf - pos > M.MAX_EVENT then
            line = line + 1
            skip(rd, "line " .. line, "a line longer than " .. M.MAX_EVENT .. " bytes")
            buf, pos = "", 1
          end
          more()
        elseif nl == nil and pos > #buf then
          return nil
        else
          local l = sub(buf, pos, nl and nl - 1 or #buf)
          pos = nl and nl + 1 or #buf + 1
          line = line + 1
          if line == 1 and match(l, "^%s*{%s*$") then -- one object, indented
            local v, err = json.decode(l .. "\n" .. slurp())
            if type(v) ~= "table" then
              return nil, "JSON that does not parse: " .. tostring(err)
            end
            whole = each_of({ v })
            line = 0
          elseif find(l, "%S") then
            local v, err = json.decode(l)
            if v == nil then
              skip(rd, "line " .. line, "JSON that does not parse: " .. tostring(err))
            else
              local rec = from_json(v)
              if rec then return rec end
              skip(rd, "line " .. line, "a JSON object without an event ID")
            end
          end
        end
      end
    end
  end
end

---------------------------------------------------------------- opening

local READER = {}
READER.__index = READER

--- The next record that passes the filters, or nil at the end.
function READER:next()
  local o = self.opts
  while true do
    local rec = self.raw()
    if rec == nil then
      if self.temp then os_remove(self.temp); self.temp = nil end
      return nil
    end
    if rec.data == nil then rec.data = {} end
    rec = record.decorate(rec)
    self.events = self.events + 1
    if wanted(rec, o) then return rec end
  end
end

-- opts.since / until as canonical times, account and source lower-cased.
local function filters(opts)
  local o = {}
  for _, k in ipairs({ "since", "until" }) do
    local v = opts[k]
    if v ~= nil then
      local _, t = record.time(v)
      if t == nil then
        error(format("bad option '%s' (not a time: '%s'; expected e.g. " ..
                     "2024-05-01, 2024-05-01T13:45:00Z)", k, tostring(v)), 3)
      end
      o[k] = t
    end
  end
  if o["until"] and #opts["until"] <= 10 then -- a date alone: the whole day
    o["until"] = sub(o["until"], 1, 11) .. "23:59:59.999999Z"
  end
  o.account = opts.account and lower(opts.account)
  o.source = opts.source and lower(opts.source)
  return o
end

--- Opens a log: src is a path or an open file (read in binary mode).
-- opts: since, until (times), account, source (filters), name (the name
-- used in messages), jobs (threads reading an EVTX file's chunks, 1 by
-- default; the records come in the same order).  Returns a reader (reader:next(), reader.format,
-- reader.skipped, a list of {at, reason}; reader.events, the records
-- read before filtering), or nil and a message naming the input.
function M.open(src, opts)
  opts = opts or {}
  local o = filters(opts)
  local name = opts.name or (type(src) == "string" and src or "(stdin)")
  local f, path, owned = src, nil, false
  if type(src) == "string" then
    local err
    f, err = io_open(src, "rb")
    if f == nil then return nil, err end
    path, owned = src, true
  elseif type(src) ~= "userdata" and type(src) ~= "table" then
    error("bad argument #1 to 'open' (file name or file expected, got " ..
          type(src) .. ")", 2)
  end
  local head, rerr = f:read(65536)
  if head == nil and rerr then
    if owned then f:close() end
    return nil, name .. ": " .. tostring(rerr)
  end
  if head == nil or head == "" then
    if owned then f:close() end
    return nil, name .. ": empty: not an event log"
  end
  local rd = setmetatable({ skipped = {}, events = 0, opts = o, name = name }, READER)
  local raw, err
  if sub(head, 1, 8) == "ElfFile\0" then
    rd.format = "evtx"
    if path == nil then -- the reader reads files: stdin is copied to one
      path = os_tmpname()
      local t = io_open(path, "wb")
      t:write(head)
      for c in function() return f:read(M.CHUNK) end do t:write(c) end
      t:close()
      rd.temp = path
    end
    if owned then f:close() end
    raw, err = evtx_records(rd, path, opts.jobs)
    if raw == nil and rd.temp then os_remove(rd.temp) end
  else
    local enc, bom = encoding(head)
    if bom > 0 then head = sub(head, bom + 1) end
    if enc ~= "utf-8" and not M.xml then
      if owned then f:close() end
      return nil, name .. ": UTF-16 text: " .. NO_MODULE
    end
    rd.encoding = enc
    local chunks = utf8_chunks(f, head, enc)
    local text = chunks() or ""
    local c = match(text, "^%s*(.)")
    local function again() -- the chunk read to look, then the rest
      local pending = text
      return function()
        local s = pending
        if s then pending = nil; return s end
        return chunks()
      end
    end
    if (c == "{" or c == "[") and not find(sub(text, 1, 256), "^%s*<") then
      rd.format = "json"
      raw, err = json_records(rd, again(), c)
    elseif find(text, "<Event[%s>/]") then
      rd.format = "xml"
      raw, err = xml_records(rd, again())
    else
      err = "not a Security event log (expected EVTX, event XML with " ..
            "<Event> elements, or JSON)"
    end
    if raw == nil and owned then f:close() end
    if raw and owned then rd.file = f end
  end
  if raw == nil then
    if find(err, name, 1, true) then return nil, err end
    return nil, name .. ": " .. err
  end
  rd.raw = raw
  return rd
end

--- Closes the reader's file (the end of the records does too).
function READER:close()
  if self.file then self.file:close(); self.file = nil end
  if self.temp then os_remove(self.temp); self.temp = nil end
end

--- An iterator over the records of src (see open), and the reader, whose
-- skipped list is complete once the loop ends:
--     for rec in events.records(path) do ... end
-- A source that cannot be read raises an error naming it.
function M.records(src, opts)
  local rd, err = M.open(src, opts)
  if rd == nil then error("logonerr.events: " .. err, 2) end
  return function()
    local rec = rd:next()
    if rec == nil then rd:close() end
    return rec
  end, rd
end

--- The triage report of records (a list, or an iterator such as
-- records() returns); see logonerr.triage.
function M.triage(recs, opts, reader)
  return require("logonerr.triage").triage(recs, opts, reader)
end

M.time = record.time
M.KERBEROS = record.KERBEROS

return M
