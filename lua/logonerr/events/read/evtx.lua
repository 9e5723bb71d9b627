--- EVTX files, read record by record by the C reader (logonerr.evtx).
-- @module logonerr.events.read.evtx

local pcall, require = pcall, require

local _ENV = nil -- luacheck: ignore 211

local M = {}

local have, native = pcall(require, "logonerr.evtx")
if not have then native = nil end

--- Can this build read EVTX files (logonerr.evtx built with libevtx)?
M.available = native ~= nil and native.libevtx == true

--- Why it cannot, when it cannot.
M.missing = native and "reading EVTX needs libevtx: logonerr.evtx was built " ..
  "without it (install libevtx-dev and rebuild)" or
  "logonerr.evtx is not built (it needs libexpat at build time, Debian: " ..
  "libexpat1-dev; and libevtx-dev for EVTX)"

--- The raw records of the EVTX file at path, read for rd (which counts
-- what is skipped); nil and a message when the file cannot be opened.
function M.records(rd, path)
  if not M.available then return nil, M.missing end
  local f, err = native.open(path)
  if f == nil then return nil, err end
  local i, n = 0, f:count()
  rd.total = n
  if f:damaged() then
    rd:skip("file", "damaged EVTX (a truncated or corrupted chunk): " ..
            (n > 0 and "what libevtx could recover is read" or "no record could be recovered"))
  end
  return function()
    while i < n do
      i = i + 1
      local rec, why = f:read(i)
      if rec then return rec end
      rd:skip("record " .. i, why)
    end
    f:close()
    return nil
  end
end

return M
