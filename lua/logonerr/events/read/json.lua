--- JSON logs: one object per line (NDJSON: Winlogbeat, evtx_dump -o jsonl,
-- flat exports), pretty-printed objects one after another (jq ., evtx_dump
-- -o json), or an array (read by json_array).  Each object becomes a raw
-- record through json_shapes.
-- @module logonerr.events.read.json

local json = require "logonerr.json"
local shapes = require "logonerr.events.read.json_shapes"
local json_array = require "logonerr.events.read.json_array"
local textsource = require "logonerr.textsource"

local tostring = tostring
local concat = table.concat
local byte, find, match, sub = string.byte, string.find, string.match, string.sub

local _ENV = nil -- luacheck: ignore 211

local M = {}

--- Does this text (the head of a log) look like JSON?  Its first
-- character, "{" or "[", when it does (after evtx_dump's "Record N").
function M.sniff(text)
  local c = match(text, "^%s*([%[{])") or match(text, "^%s*Record %d+%s*\n%s*({)")
  if c and not find(sub(text, 1, 256), "^%s*<") then return c end
  return nil
end

-- The depth of { } after line l, from depth before it (brackets inside
-- strings do not count; a JSON string never spans lines).
local function balance(l, depth)
  local p = 1
  while true do
    local q = find(l, '[{}"]', p)
    if q == nil then return depth end
    local c = byte(l, q)
    if c == 34 then -- on to the quote no backslash escapes
      local e = q
      repeat
        e = find(l, '"', e + 1, true)
        if e == nil then return depth end
        local b = e - 1
        while byte(l, b) == 92 do b = b - 1 end
      until (e - 1 - b) % 2 == 0
      p = e + 1
    else
      depth = depth + (c == 123 and 1 or -1)
      p = q + 1
    end
  end
end

--- The raw records of the JSON text that chunks gives, read for rd; first
-- is the text's first character ("[" for an array).  Objects come one a
-- line (NDJSON) or pretty-printed one after another (jq ., evtx_dump -o
-- json, whose "Record N" line before each is passed over).  A line longer
-- than rd.max_event is skipped once, and the next line keeps its number.
function M.records(rd, chunks, first)
  if first == "[" then return json_array.records(rd, chunks) end
  local refill = textsource.refill
  local buf, pos, eof, line = "", 1, false, 0
  local dropping = false -- in a line too long to keep, until its end
  local obj, size, depth, from = nil, 0, 0, 0 -- a pretty object's lines
  local function more()
    local b = refill(chunks, buf, pos)
    if b == nil then eof = true else buf, pos = b, 1 end
  end
  local function decode(text, at)
    local v, err = json.decode(text)
    if v == nil then
      rd:skip(at, "JSON that does not parse: " .. tostring(err))
      return nil
    end
    local rec, why = shapes.record(v)
    if rec then return rec end
    rd:skip(at, why or "a JSON object without an event ID")
    return nil
  end
  local function take(l) -- the record line l ends, if any
    if obj then
      depth = balance(l, depth)
      size = size + #l
      if size <= rd.max_event then obj[#obj + 1] = l end
      if depth > 0 then return nil end
      local text = concat(obj, "\n")
      obj = nil
      if size > rd.max_event then
        rd:skip("line " .. from, "an object longer than " .. rd.max_event .. " bytes")
        return nil
      end
      return decode(text, "line " .. from)
    end
    local t = match(l, "^%s*(.-)%s*$")
    if t == "" or match(t, "^Record %d+$") then return nil end
    if t == "{" then -- where pretty printers (jq, evtx_dump, json.dumps) begin one
      obj, size, depth, from = { l }, #l, balance(l, 0), line
      if depth > 0 then return nil end
      obj = nil
    end
    return decode(t, "line " .. line)
  end
  return function()
    while true do
      local nl = find(buf, "\n", pos, true)
      if nl == nil and not eof then
        if #buf - pos > rd.max_event then
          if not dropping then
            line = line + 1
            rd:skip("line " .. line, "a line longer than " .. rd.max_event .. " bytes")
            dropping = true
          end
          buf, pos = "", 1
        end
        more()
      elseif nl == nil and pos > #buf then
        if obj then
          obj = nil
          rd:skip("line " .. from, "the file ends inside a JSON object")
        end
        return nil
      else
        local l = sub(buf, pos, nl and nl - 1 or #buf)
        pos = nl and nl + 1 or #buf + 1
        if dropping then
          dropping = false -- the end of the long line, counted already
        elseif #l > rd.max_event then
          line = line + 1
          rd:skip("line " .. line, "a line longer than " .. rd.max_event .. " bytes")
        else
          line = line + 1
          local rec = take(l)
          if rec then return rec end
        end
      end
    end
  end
end

return M
