--- JSON logs: one object per line (NDJSON: Winlogbeat, evtx_dump -o jsonl,
-- flat exports), one pretty-printed object, or an array (read by
-- json_array).  Each object becomes a raw record through json_shapes.
-- @module logonerr.events.read.json

local json = require "logonerr.json"
local shapes = require "logonerr.events.read.json_shapes"
local json_array = require "logonerr.events.read.json_array"
local textsource = require "logonerr.textsource"

local tostring, type = tostring, type
local concat = table.concat
local find, gsub, match, sub = string.find, string.gsub, string.match, string.sub

local _ENV = nil -- luacheck: ignore 211

local M = {}

--- Does this text (the head of a log) look like JSON?  Its first
-- character, "{" or "[", when it does.
function M.sniff(text)
  local c = match(text, "^%s*([%[{])")
  if c and not find(sub(text, 1, 256), "^%s*<") then return c end
  return nil
end

--- The raw records of the JSON text that chunks gives, read for rd; first
-- is the text's first character ("[" for an array).
function M.records(rd, chunks, first)
  if first == "[" then return json_array.records(rd, chunks) end
  local refill = textsource.refill
  local buf, pos, eof, line = "", 1, false, 0
  local whole -- the one pretty-printed object, decoded
  local function more()
    local b = refill(chunks, buf, pos)
    if b == nil then eof = true else buf, pos = b, 1 end
  end
  local function slurp()
    local parts = { sub(buf, pos) }
    for c in chunks do parts[#parts + 1] = c end
    buf, pos, eof = "", 1, true
    return (gsub(concat(parts), "^\239\187\191", ""))
  end
  return function()
    while true do
      if whole then
        local o = whole
        whole = false
        if not o then return nil end
        line = line + 1
        local rec = shapes.record(o)
        if rec then return rec end
        rd:skip("item " .. line, "a JSON object without an event ID")
        return nil
      elseif whole == false then
        return nil
      end
      local nl = find(buf, "\n", pos, true)
      if nl == nil and not eof then
        if #buf - pos > rd.max_event then
          line = line + 1
          rd:skip("line " .. line, "a line longer than " .. rd.max_event .. " bytes")
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
          whole, line = v, 0
        elseif find(l, "%S") then
          local v, err = json.decode(l)
          if v == nil then
            rd:skip("line " .. line, "JSON that does not parse: " .. tostring(err))
          else
            local rec = shapes.record(v)
            if rec then return rec end
            rd:skip("line " .. line, "a JSON object without an event ID")
          end
        end
      end
    end
  end
end

return M
