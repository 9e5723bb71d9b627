--- Text read from a file as UTF-8 pieces, whatever its encoding: the BOM
-- (or, without one, the zero bytes of ASCII in UTF-16) says which; UTF-16
-- is decoded as it is read, a character split between two reads carried
-- over to the next.  logonerr scan and logonerr.events read text through it.
-- @module logonerr.textsource

local core = require "logonerr.core"

local byte, sub = string.byte, string.sub
local collectgarbage, floor = collectgarbage, math.floor

local _ENV = nil -- luacheck: ignore 211

local M = {}

--- Bytes read at a time.
M.CHUNK = 1048576


--- The encoding of a head of bytes ("utf-8", "utf-16le" or "utf-16be")
-- and the length of its BOM.
function M.encoding(head)
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

--- A function giving the text of f as UTF-8 pieces (nil at the end): head
-- (bytes already read, past the BOM) first, then the rest, read size bytes
-- at a time and decoded from enc.
function M.chunks(f, head, enc, size)
  size = size or M.CHUNK
  local pending, done, carry = head, false, ""
  local utf16, be = core.utf16, enc == "utf-16be"
  return function()
    while not done do
      local s = pending
      pending = nil
      if s == nil then s = f:read(size) end
      if enc == "utf-8" then
        if s == nil then done = true end
        if s ~= "" then return s end
      else
        local final = s == nil
        s = carry .. (s or "")
        if final then done = true end
        local text, used = utf16(s, be, final)
        carry = final and "" or sub(s, used + 1)
        if text ~= "" then return text end
      end
    end
    return nil
  end
end

--- A reader's buffer after one more piece of chunks: buf from keep on,
-- then the piece; nil at the end.  Each piece read leaves about its size
-- in strings behind; a step of the collector as large as the piece keeps
-- the heap near what is live, so memory stays flat however long the log
-- (Lua's own pacing lets it double).  A fixed step would make small pieces
-- cost a whole collection each.
function M.refill(chunks, buf, keep)
  local c = chunks()
  if c == nil then return nil end
  collectgarbage("step", floor(#c / 1024) + 1)
  return sub(buf, keep) .. c
end

return M
