--- The JSON library logonerr.events uses: lua-cjson (cjson.safe) where it
-- is installed, for speed, else dkjson.  Both decode one value per call;
-- NDJSON is decoded line by line.
-- @module logonerr.json

local ok, cjson = pcall(require, "cjson.safe")
if not ok then cjson = nil end

local M = {}

if cjson then
  M.library = "lua-cjson"
  local null = cjson.null
  local decode, encode = cjson.decode, cjson.encode
  pcall(cjson.encode_invalid_numbers, true)
  --- s decoded, or nil and a message.  JSON null is nil.
  function M.decode(s)
    local v, err = decode(s)
    if v == nil then return nil, err or "not JSON" end
    return v
  end
  M.null = null
  --- v as one line of JSON.
  function M.encode(v)
    return (encode(v))
  end
else
  local dkjson = require "dkjson"
  M.library = "dkjson"
  M.null = nil
  function M.decode(s)
    local v, _, err = dkjson.decode(s, 1, nil)
    if err then return nil, err end
    if v == nil then return nil, "not JSON" end
    return v
  end
  function M.encode(v)
    return dkjson.encode(v)
  end
end

return M
