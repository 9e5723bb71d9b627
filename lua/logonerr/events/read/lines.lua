--- The lines of a text log, from the pieces a textsource gives: for the
-- line-based logs of Linux servers (read.mit_kdc, read.samba_audit).
-- @module logonerr.events.read.lines

local textsource = require "logonerr.textsource"

local find, sub = string.find, string.sub

local _ENV = nil -- luacheck: ignore 211

local M = {}

--- An iterator over the lines of chunks (without their "\n" or "\r"),
-- with each line's number; a line longer than rd.max_event is skipped
-- into rd's skipped list.
function M.lines(rd, chunks)
  local buf, pos, eof, n = "", 1, false, 0
  return function()
    while true do
      local nl = find(buf, "\n", pos, true)
      if nl then
        local l = sub(buf, pos, nl - 1)
        pos = nl + 1
        n = n + 1
        if sub(l, -1) == "\r" then l = sub(l, 1, -2) end
        return l, n
      elseif eof then
        if pos > #buf then return nil end
        local l = sub(buf, pos)
        pos = #buf + 1
        n = n + 1
        return l, n
      elseif #buf - pos > rd.max_event then
        n = n + 1
        rd:skip("line " .. n, "a line longer than " .. rd.max_event .. " bytes")
        -- the rest of that line, up to its end, is dropped too
        repeat
          local b = textsource.refill(chunks, "", 1)
          if b == nil then eof, buf, pos = true, "", 1; break end
          local e = find(b, "\n", 1, true)
          if e then buf, pos = b, e + 1; break end
        until false
      else
        local b = textsource.refill(chunks, buf, pos)
        if b == nil then eof = true else buf, pos = b, 1 end
      end
    end
  end
end

return M
