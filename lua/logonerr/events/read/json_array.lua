--- The items of a JSON array (Get-WinEvent | ConvertTo-Json), decoded one
-- at a time so that memory stays flat: each item is cut from the stream by
-- following its brackets and strings (the JSON library then reads it).  An
-- item that does not parse is skipped and counted; so is one longer than
-- the reader's max_event, followed to its end without being kept.  Arrays
-- written one after another (ConvertTo-Json >> file) are read in turn.
-- @module logonerr.events.read.json_array

local json = require "logonerr.json"
local shapes = require "logonerr.events.read.json_shapes"
local textsource = require "logonerr.textsource"

local tostring, type = tostring, type
local byte, find, sub = string.byte, string.find, string.sub

local _ENV = nil -- luacheck: ignore 211

local M = {}

--- The raw records of the array whose [ chunks gives first, read for rd.
function M.records(rd, chunks)
  local refill = textsource.refill
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
    rd:skip("item " .. k, why)
  end
  local function item(text) -- the record, or nil with the item skipped
    local v, err = json.decode(text)
    local rec, why
    if type(v) == "table" then rec, why = shapes.record(v) end
    if rec then k = k + 1; return rec end
    bad(v == nil and err and "JSON that does not parse: " .. tostring(err) or
        why or "a JSON object without an event ID")
    return nil
  end
  -- The item from s ends at e (and the next look is at e + 1): its record,
  -- or nil when it was skipped.
  local function finish(e)
    local text = not dropping and sub(buf, s, e)
    s, p, state, depth = e + 1, e + 1, BETWEEN, 0
    if dropping then
      dropping = false
      bad("an item longer than " .. rd.max_event .. " bytes")
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
            rd:skip("file", "text after the JSON array that is not another array")
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
        if state == IN and (dropping or #buf - s > rd.max_event) then
          dropping, s = true, p -- too long to keep: followed, not kept
        end
        if not more() then
          if state == IN then bad("the file ends inside an item")
          elseif state == BETWEEN then
            rd:skip("file", "the file ends before the JSON array's closing ]")
          end
          state = DONE
        end
      end
    end
    return nil
  end
end

return M
