-- Copies of the sample EVTX files changed on purpose, for the specs of the
-- EVTX reader: where the chunks, records and substitution values are (the
-- layout libevtx's documentation of the format gives), bytes replaced in
-- place, the checksums made right again (spec/support/evtx_seal.py, with
-- zlib's CRC-32), and the copy read by logonerr.evtx and by libevtx
-- (build/tools/evtx-compare).  Arithmetic only: every Lua runs it.
local run = require "support.run"

local M = {}

M.HEADER, M.CHUNK = 4096, 65536
M.COMPARE = "build/tools/evtx-compare"

function M.u16(s, off)
  local a, b = s:byte(off + 1, off + 2)
  return a + 256 * b
end

function M.u32(s, off)
  local a, b, c, d = s:byte(off + 1, off + 4)
  return a + 256 * b + 65536 * c + 16777216 * d
end

-- v as n bytes, little-endian (v >= 0).
function M.le(v, n)
  local t = {}
  for i = 1, n do
    t[i] = string.char(v % 256)
    v = math.floor(v / 256)
  end
  return table.concat(t)
end

-- s with the bytes at offset off (0-based) replaced by bytes.
function M.put(s, off, bytes)
  return s:sub(1, off) .. bytes .. s:sub(off + #bytes + 1)
end

function M.put32(s, off, v) return M.put(s, off, M.le(v, 4)) end

-- File offset of chunk i (0-based).
function M.chunk(i) return M.HEADER + i * M.CHUNK end

-- File offsets of chunk i's records, in order.
function M.records(s, i)
  local base = M.chunk(i)
  local free, off, list = M.u32(s, base + 48), 512, {}
  while off + 28 <= free do
    list[#list + 1] = base + off
    off = off + M.u32(s, base + off + 4)
  end
  return list
end

-- The values of the template instance whose token (0x0c) is at file
-- offset t of the chunk at base: token, 1 byte, template id (4), offset of
-- the definition (4), the definition when it is there (next 4, GUID 16,
-- size 4, tokens), the count, a descriptor per value (size 2, type 1, 1),
-- the values.  Each value: desc and at (file offsets), size, type; nested
-- binary XML (type 0x21) with its own values.
local values
local function instance(s, base, t)
  local pos = t + 10
  local def = base + M.u32(s, t + 6)
  if def == pos then pos = pos + 24 + M.u32(s, pos + 20) end
  local count = M.u32(s, pos)
  local at, list = pos + 4 + 4 * count, {}
  for k = 0, count - 1 do
    local d = pos + 4 + 4 * k
    local v = { desc = d, size = M.u16(s, d), type = s:byte(d + 3), at = at }
    if v.type == 0x21 and v.size > 0 then v.values = values(s, base, at) end
    list[#list + 1] = v
    at = at + v.size
  end
  return { def = def, tokens = def + 24, values = list }
end

-- Binary XML at file offset p: a fragment header, then an instance.
values = function(s, base, p)
  if s:byte(p + 1) == 0x0f then p = p + 4 end
  assert(s:byte(p + 1) == 0x0c, "not a template instance")
  return instance(s, base, p)
end

-- The template instance of the record at file offset rec (in chunk i).
function M.instance(s, rec, i)
  return values(s, M.chunk(i or 0), rec + 24)
end

-- s with value v's descriptor given a new type (and size when given).
function M.retype(s, v, ty, size)
  return M.put(s, v.desc, M.le(size or v.size, 2) .. string.char(ty))
end

-- Binary XML written at chunk offset at (where it will be put): names are
-- defined inline, element sizes filled in when the element ends.
--   local x = P.binxml(at)
--   x:raw("\15\1\1\0"); x:open("EventData"); x:open("Data", true)
--   x:attr("Name", "Target"); x:start(); x:text("bob"); x:close(); x:close()
--   x:raw("\0"); local bytes = x:bytes()
local Binxml = {}
Binxml.__index = Binxml

function M.binxml(at)
  return setmetatable({ at = at, parts = {}, len = 0, open_ = {} }, Binxml)
end

function Binxml:raw(b)
  self.parts[#self.parts + 1] = b
  self.len = self.len + #b
  return self
end

-- UTF-16LE of ASCII text.
function M.utf16(text) return (text:gsub(".", "%0\0")) end

-- A name reference, the name defined right after it (next 4, hash 2,
-- units 2, UTF-16, NUL).
function Binxml:name(text)
  local here = self.at + self.len
  return self:raw(M.le(here + 4, 4) .. M.le(0, 4) .. M.le(0, 2) .. M.le(#text, 2) ..
                  M.utf16(text) .. "\0\0")
end

-- An element start (0x01, or 0x41 when attributes follow).
function Binxml:open(name, attrs)
  self:raw(attrs and "\65" or "\1")
  if self.dep then self:raw("\255\255") end
  self.open_[#self.open_ + 1] = #self.parts + 1
  self:raw("\0\0\0\0"):name(name)
  if attrs then self:raw(M.le(0, 4)) end
  return self
end

-- An attribute whose value is a string.
function Binxml:attr(name, value)
  return self:raw("\6"):name(name):text(value)
end

-- A string value token (0x05, type 0x01).
function Binxml:text(value)
  return self:raw("\5\1" .. M.le(#value, 2) .. M.utf16(value))
end

function Binxml:start() return self:raw("\2") end

-- The end tag of the last element opened; its size is the bytes after its
-- size field, up to and with the end tag.
function Binxml:close()
  self:raw("\4")
  local k = table.remove(self.open_)
  local after = 0
  for i = k + 1, #self.parts do after = after + #self.parts[i] end
  self.parts[k] = M.le(after, 4)
  return self
end

-- The end of the last element opened, as an empty element (0x03).
function Binxml:empty()
  table.remove(self.open_)
  return self:raw("\3")
end

function Binxml:bytes() return table.concat(self.parts) end

-- A temporary file holding s with its checksums made right again (all of
-- them, or the chunks' only, leaving the file header as it is).
function M.sealed(s, chunks_only)
  local path = run.tempfile(s)
  assert(run.ok(run.PLAIN .. "/usr/bin/python3 spec/support/evtx_seal.py " .. path ..
                (chunks_only and " --chunks-only" or "")), "evtx_seal.py failed")
  return path
end

-- Everything a reader gives: the records, and the skips ({ why, at }).
function M.all(r)
  local recs, skips = {}, {}
  while true do
    local rec, why, at = r:next()
    if rec == nil then break end
    if rec then recs[#recs + 1] = rec else skips[#skips + 1] = { at = at, why = why } end
  end
  return recs, skips
end

-- The records and skips of the file at path, read with threads.
function M.read(path, threads)
  local r = assert(require("logonerr.evtx").open(path, threads))
  local recs, skips = M.all(r)
  r:close()
  return recs, skips
end

-- The same for bytes s, written to a temporary file (sealed when asked).
function M.read_copy(s, threads, seal)
  local path = seal and M.sealed(s) or run.tempfile(s)
  local recs, skips = M.read(path, threads)
  os.remove(path)
  return recs, skips
end

-- evtx-compare's counts for the file at path (libevtx=, same=, differ=,
-- missing=, extra=, skipped=, damaged=) and its output; nil when the tool
-- is not built (it needs libevtx-dev).
function M.compare(path)
  if not io.open(M.COMPARE) then return nil end
  local p = io.popen(run.PLAIN .. M.COMPARE .. " -v '" .. path .. "'")
  local out = p:read("*a")
  p:close()
  local c = {}
  for k, v in out:gmatch("(%a+)=(%d+)") do c[k] = tonumber(v) end
  return c, out
end

return M
