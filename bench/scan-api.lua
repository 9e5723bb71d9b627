-- Count the codes in FILE through the Lua API, as a log shipper would:
-- read 1 MiB chunks and feed a scanner.   lua bench/scan-api.lua FILE
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = "build/" .. (type(jit) == "table" and "luajit" or
  "lua" .. _VERSION:match("%d+%.%d+")) .. "/?.so;" .. package.cpath
local logonerr = require "logonerr"

local f = assert(io.open(assert(arg[1], "usage: scan-api.lua FILE"), "rb"))
local s, n = logonerr.scanner(), 0
while true do
  local chunk = f:read(1048576)
  if chunk == nil then break end
  for _ in s:feed(chunk) do n = n + 1 end
end
for _ in s:finish() do n = n + 1 end
f:close()
print(n)
