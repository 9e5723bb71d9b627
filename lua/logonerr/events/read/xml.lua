--- Event XML (wevtutil qe /f:xml, Event Viewer's "Save as XML",
-- Get-WinEvent's ToXml(), python-evtx, evtxexport): each <Event>..</Event>
-- is cut from the stream and read by libexpat on its own, so a damaged
-- event is skipped and the next one read, whatever comes between events
-- (an <Events> root, the XML declarations python-evtx writes before every
-- event, evtxexport's banner line).
-- @module logonerr.events.read.xml

local textsource = require "logonerr.textsource"

local find, sub = string.find, string.sub
local pcall, require = pcall, require

local _ENV = nil -- luacheck: ignore 211

local M = {}

local have, native = pcall(require, "logonerr.eventxml")
if not have then native = nil end

--- Can this build read event XML (logonerr.eventxml, built with libexpat)?
M.available = native ~= nil
M.missing = "logonerr.eventxml is not built (it needs libexpat at build time, " ..
            "Debian: libexpat1-dev)"

--- Does this text (the head of a log) look like event XML?
function M.sniff(text)
  return find(text, "<Event[%s>/]") ~= nil
end

--- The raw records of the XML text that chunks gives, read for rd (which
-- counts what is skipped, and sets max_event: past that length an event is
-- skipped as damaged).
function M.records(rd, chunks)
  if not M.available then return nil, M.missing end
  local parser = native.parser()
  local refill = textsource.refill
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
          rd:skip("event " .. k, "an <Event> without its end tag")
          pos = nxt
        elseif e then
          k = k + 1
          pos = e + 8
          local rec, why = parser:read(sub(buf, s, e + 7))
          if rec then return rec end
          rd:skip("event " .. k, why)
        elseif eof then
          k = k + 1
          rd:skip("event " .. k, "the file ends inside an event")
          pos = #buf + 1
        elseif #buf - s > rd.max_event then
          k = k + 1
          rd:skip("event " .. k, "an event longer than " .. rd.max_event .. " bytes")
          pos = s + 6
        else
          pos = s
          more()
        end
      end
    end
  end
end

return M
