-- The Windows SDK headers that Debian ships, read as data: the catalogue is
-- checked against them, not against itself.
local M = {}

M.MINGW = "/usr/share/mingw-w64/include/"   -- mingw-w64-common
M.WINE = "/usr/include/wine/wine/windows/"  -- libwine-dev

local function read(path)
  local f = assert(io.open(path, "rb"), "missing SDK header " .. path ..
                   " (make deps installs it)")
  local s = f:read("*a")
  f:close()
  return s
end

-- name -> value for every ERROR_* and STATUS_* that the headers define.
function M.symbols()
  local t, from = {}, {}
  local function add(name, value, file)
    if t[name] == nil then t[name], from[name] = value, file end
  end
  for _, dir in ipairs({ M.MINGW, M.WINE }) do
    local w = read(dir .. "winerror.h")
    for name, v in w:gmatch("#define%s+(ERROR_[%w_]+)%s+__MSABI_LONG%((%d+)%)") do
      add(name, tonumber(v), dir)
    end
    for name, v in w:gmatch("#define%s+(ERROR_[%w_]+)%s+(%d+)%s") do
      add(name, tonumber(v), dir)
    end
    local n = read(dir .. "ntstatus.h")
    for name, v in n:gmatch("#define%s+(STATUS_[%w_]+)%s+%(%(NTSTATUS%)%s*0x(%x+)L?%)") do
      add(name, tonumber(v, 16), dir)
    end
  end
  return t, from
end

-- A numeric #define of winerror.h, e.g. FACILITY_WIN32 or E_ACCESSDENIED.
function M.define(name)
  local w = read(M.MINGW .. "winerror.h")
  local v = w:match("#define%s+" .. name .. "%s+_HRESULT_TYPEDEF_%(0x(%x+)L?%)")
  if v then return tonumber(v, 16) end
  v = w:match("#define%s+" .. name .. "%s+0x(%x+)")
  if v then return tonumber(v, 16) end
  v = w:match("#define%s+" .. name .. "%s+(%d+)")
  return v and tonumber(v)
end

-- MIT's krb5.h (Debian libkrb5-dev): name -> KRB-ERROR number (0-127)
-- for every protocol error it defines (KRB5KDC_ERR_PREAUTH_FAILED -> 24).
function M.krb5()
  local text = read("/usr/include/krb5/krb5.h")
  local base = tonumber(text:match("#define%s+ERROR_TABLE_BASE_krb5%s+%((%-?%d+)L%)"))
  local t = {}
  for name, v in text:gmatch("#define%s+(KRB5[%w_]+)%s+%((%-%d+)L%)") do
    local n = tonumber(v) - base
    if n >= 0 and n <= 127 then t[name] = n end
  end
  return t
end

return M
