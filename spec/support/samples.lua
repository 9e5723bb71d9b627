-- The real Security logs in spec/fixtures/evtx (SOURCES.md says where each
-- comes from), by file name, in name order.
local M = { DIR = "spec/fixtures/evtx/" }

local p = assert(io.popen("ls " .. M.DIR))
for name in p:lines() do
  if name:match("%.evtx$") then M[#M + 1] = name end
end
p:close()

return M
