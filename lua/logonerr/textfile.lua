--- A log file as UTF-8 text for logonerr scan: UTF-16 (PowerShell 5.1's
-- default, with or without a BOM) is decoded as it is read; an EVTX file is
-- refused with a message that points to logonerr events, never scanned as
-- text (its values are binary: a scan would find nothing and say so).
-- @module logonerr.textfile

local textsource = require "logonerr.textsource"

local M = {}

--- A source with :read(n) giving UTF-8 text from file f (an open file), or
-- nil and a message when f is EVTX.
function M.open(f)
  local head, err = f:read(4096)
  if head == nil then
    if err then return nil, err end
    return f -- empty: the scanner says so
  end
  if head:sub(1, 8) == "ElfFile\0" then
    return nil, "an EVTX event log, not text: read it with 'logonerr events'"
  end
  local enc, bom = textsource.encoding(head)
  -- A UTF-8 file that seeks goes back to the scanner as it is (its fast
  -- path reads files in C).
  if enc == "utf-8" and f:seek("set", bom) then return f end
  local size -- what the scanner asks for at a time
  local chunks = textsource.chunks({ read = function() return f:read(size) end },
                                   head:sub(bom + 1), enc)
  return { read = function(_, n)
    size = n
    return chunks()
  end }
end

return M
