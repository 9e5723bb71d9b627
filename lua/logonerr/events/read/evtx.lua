--- EVTX files, read record by record by logonerr's own C reader
-- (logonerr.evtx: no library; doc/evtx-reader.md).
-- @module logonerr.events.read.evtx

local pcall, require = pcall, require

local _ENV = nil -- luacheck: ignore 211

local M = {}

local have, native = pcall(require, "logonerr.evtx")
if not have then native = nil end

--- Can this build read EVTX files (logonerr.evtx is built)?
M.available = native ~= nil

--- Why it cannot, when it cannot.
M.missing = "logonerr.evtx is not built (make builds it: it needs a C compiler " ..
            "and the Lua headers only)"

--- claim(path): true when this call made the file, false when it was
-- there, nil and a message when it cannot be made (no such folder); how
-- the processes of `events -j` take the parts of a file.  folder(): a new
-- folder of this user's own under $TMPDIR or /tmp, for those claims, or
-- nil and a message.  (Both nil where logonerr.evtx is not built.)
M.claim = native and native.claim
M.folder = native and native.folder

--- The raw records of the EVTX file at path, read for rd (which counts
-- what is skipped) with jobs threads (1 by default); part of parts: that
-- share of its chunks (all by default); known: a set of event IDs whose
-- records alone come with their data (all by default); fields: the data
-- fields given, a list (all by default); counted (with known): a record
-- of another event comes as six values, its ID, number, seconds, computer,
-- channel and provider, and no table; nil and a message when the file
-- cannot be opened.  A damaged chunk or record comes from the reader as
-- false, why, where: it is skipped.
function M.records(rd, path, jobs, part, parts, known, fields, counted)
  if not M.available then return nil, M.missing end
  local f, err = native.open(path, jobs, part, parts, known, fields, counted)
  if f == nil then return nil, err end
  local next_ = f.next -- looked up once, not per record
  return function()
    while true do
      local rec, a, b, c, d, e = next_(f)
      if rec then return rec, a, b, c, d, e end
      if rec == nil then f:close() return nil end
      rd:skip(b, a) -- where, why
    end
  end
end

return M
