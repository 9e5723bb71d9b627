--- What `logonerr events` is given, as the logs to read one after
-- another: files as they are, folders walked recursively (in name order),
-- gzip files and zip members read in place through logonerr.archive.  The
-- format of each log is told from its content by events.open.
-- @module logonerr.events.inputs

local shown = require("logonerr.escape").text

local error, io_open, io_popen, ipairs, pcall, require, type =
      error, io.open, io.popen, ipairs, pcall, require, type
local find, gsub, sub = string.find, string.gsub, string.sub

local _ENV = nil -- luacheck: ignore 211

local M = {}

-- logonerr.archive, loaded when the first file that may be one is met:
-- the libraries behind it take 4 ms to load, a third of what a worker of
-- -j loads before it reads (false: this build has none).
local archive
local function archives()
  if archive == nil then
    local ok, m = pcall(require, "logonerr.archive")
    archive = ok and m or false
  end
  return archive
end

--- Why archives cannot be read, when this build cannot.
M.NO_ARCHIVE = "reading .gz and .zip needs logonerr.archive, built with zlib " ..
               "and libzip (Debian: zlib1g-dev libzip-dev)"

local function quote(s)
  return "'" .. gsub(s, "'", "'\\''") .. "'"
end

--- Is path a directory?  (Opening one works on POSIX; reading it fails.)
function M.is_dir(path)
  local f = io_open(path, "rb")
  if f == nil then return false end
  local ok, _, code = f:read(0)
  f:close()
  return ok == nil and code == 21 -- EISDIR
end

--- The files under dir, every level down, sorted by name (bytes).
function M.walk(dir)
  local h = io_popen("find " .. quote(dir) .. " -type f -print0 | LC_ALL=C sort -z")
  local all = h:read("*a")
  h:close()
  local list, p = {}, 1
  while p <= #all do
    local z = find(all, "\0", p, true) or #all + 1
    list[#list + 1] = sub(all, p, z - 1)
    p = z + 1
  end
  return list
end

-- A member's bytes as the file events.open reads: read(n) gives a piece;
-- an error in the archive ends the bytes and is kept in .err.
local function as_file(stream)
  return {
    read = function(self, n)
      if self.stream == nil then return nil end
      local s, err = self.stream:read(type(n) == "number" and n or 65536)
      if s == nil then
        self.err = err
        self.stream:close()
        self.stream = nil
      end
      return s
    end,
    close = function(self)
      if self.stream then self.stream:close(); self.stream = nil end
    end,
    stream = stream,
  }
end

-- The logs of one path, each { name =, open = } (open() gives what
-- events.open reads, a path or a file object, or nil and why; path = for a
-- plain file), appended to list.  Archives' members are opened only when their turn comes.  In a
-- folder or an archive, a file that is not a log says so but is no error
-- (in_folder).  name: as messages give it (a folder's files and an
-- archive's members are named by what is on disk, where a terminal's
-- escape sequence may be: shown as \xNN); file: as it is, for a report
-- whose format escapes it (JSON), so that a script finds the file.
local function add(list, path, in_folder)
  local name = shown(path)
  local f, err = io_open(path, "rb")
  if f == nil then
    list[#list + 1] = { name = name, file = path,
                        open = function() return nil, shown(err) end }
    return
  end
  local head = f:read(4) or ""
  f:close()
  local gz, pk = sub(head, 1, 2) == "\31\139", sub(head, 1, 2) == "PK"
  local lib = (gz or pk) and archives()
  local kind = lib and lib.kind(head) or
               (gz or sub(head, 1, 4) == "PK\3\4") and "archive"
  if kind == "archive" then
    list[#list + 1] = { name = name, file = path, open = function() return nil, M.NO_ARCHIVE end }
  elseif kind == "gzip" then
    list[#list + 1] = { name = name, file = path, in_folder = in_folder, open = function()
      local s, why = lib.gzip(path)
      if s == nil then return nil, shown(why) end
      return as_file(s)
    end }
  elseif kind == "zip" then
    local z, why = lib.zip(path)
    if z == nil then
      list[#list + 1] = { name = name, file = path,
                          open = function() return nil, shown(why) end }
      return
    end
    for _, m in ipairs(z:members()) do
      list[#list + 1] = { name = name .. ":" .. shown(m.name), file = path .. ":" .. m.name,
                          in_folder = true, open = function()
        local s, merr = z:open(m.index)
        if s == nil then return nil, shown(merr) end
        return as_file(s)
      end }
    end
  else
    list[#list + 1] = { name = name, file = path, path = path, in_folder = in_folder,
                        open = function() return path end }
  end
end

--- The logs to read for the paths given (nil or "-": stdin, as in_).
-- Each: { name =, open = } (see add), in order.
function M.expand(paths, in_)
  if type(paths) ~= "table" then error("bad argument #1 to 'expand' (list expected)", 2) end
  local list = {}
  for _, p in ipairs(paths) do
    if p == "-" then
      list[#list + 1] = { name = "(stdin)", open = function() return in_ end }
    elseif M.is_dir(p) then
      for _, f in ipairs(M.walk(p)) do add(list, f, true) end
    else
      add(list, p, false)
    end
  end
  return list
end

return M
