--- A log file as UTF-8 text for logonerr scan: UTF-16 (PowerShell 5.1's
-- default, with or without a BOM) is decoded as it is read; an EVTX file is
-- refused with a message that points to logonerr events, never scanned as
-- text (its values are binary: a scan would find nothing and say so).
-- @module logonerr.textfile

local M = {}

local function eventxml_module()
  local ok, m = pcall(require, "logonerr.eventxml")
  return ok and m or nil
end

--- A source with :read(n) giving UTF-8 text from file f (an open file), or
-- nil and a message when f is EVTX or UTF-16 that cannot be decoded here.
function M.open(f)
  local head, err = f:read(4096)
  if head == nil then
    if err then return nil, err end
    return f -- empty: the scanner says so
  end
  if head:sub(1, 8) == "ElfFile\0" then
    return nil, "an EVTX event log, not text: read it with 'logonerr events'"
  end
  local enc, bom
  if head:sub(1, 2) == "\255\254" then enc, bom = "le", 2
  elseif head:sub(1, 2) == "\254\255" then enc, bom = "be", 2
  elseif head:sub(1, 3) == "\239\187\191" then enc, bom = "utf8", 3
  else
    local a, b = head:byte(1, 2)
    -- Without a BOM: ASCII in UTF-16 has every other byte 0.
    if a and b and a ~= 0 and b == 0 then enc, bom = "le", 0
    elseif a and b and a == 0 and b ~= 0 then enc, bom = "be", 0
    else enc, bom = "utf8", 0 end
  end
  local pending = head:sub(bom + 1)
  if enc == "utf8" then
    -- A file that seeks goes back to the scanner as it is (its fast path
    -- reads files in C); a pipe gets the head back through a wrapper.
    if f:seek("set", bom) then return f end
    return { read = function(_, n)
      if pending then
        local s = pending
        pending = nil
        if s ~= "" then return s end
      end
      return f:read(n)
    end }
  end
  local ev = eventxml_module()
  if ev == nil then
    return nil, "UTF-16 text, which needs logonerr.evtx to decode " ..
                "(it was not built: libexpat1-dev missing at build time)"
  end
  local carry, done = "", false
  return { read = function(_, n)
    while not done do
      local s = pending or f:read(n)
      pending = nil
      local final = s == nil
      s = carry .. (s or "")
      if final then done = true end
      local text, used = ev.utf16(s, enc == "be", final)
      carry = s:sub(used + 1)
      if text ~= "" then return text end
    end
    return nil
  end }
end

return M
