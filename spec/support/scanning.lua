-- Helpers of the scanning specs: what logonerr.scan finds in a text, as
-- records and as "NAME@i-j:line" keys, whole or fed to a scanner in pieces.
local logonerr = require "logonerr"
local assert = require "luassert"

local M = {}

function M.found(text, opts)
  local list = {}
  for e, i, j, line in logonerr.scan(text, opts) do
    list[#list + 1] = { e = e, i = i, j = j, line = line,
                        token = text:sub(i, j) }
  end
  return list
end

-- The codes found when text is fed to a scanner in pieces of `size` bytes
-- (or at the given cut points), as "NAME@i-j" strings.
function M.keys(list)
  local out = {}
  for k, m in ipairs(list) do
    out[k] = (m.e.name or m.e.text) .. "@" .. m.i .. "-" .. m.j .. ":" .. m.line
  end
  return out
end

function M.chunked(text, cuts, opts)
  local s, list, from = logonerr.scanner(opts), {}, 1
  local function take(iter)
    for e, i, j, line in iter do
      list[#list + 1] = { e = e, i = i, j = j, line = line }
    end
  end
  for _, cut in ipairs(cuts) do
    take(s:feed(text:sub(from, cut)))
    from = cut + 1
  end
  take(s:feed(text:sub(from)))
  take(s:finish())
  return M.keys(list)
end

-- The text at each cut point fed separately gives what the whole gives.
function M.every_cut(text, opts)
  local whole = M.keys(M.found(text, opts))
  for cut = 0, #text do
    assert.are.same(whole, M.chunked(text, { cut }, opts), "cut at " .. cut)
  end
  local ones = {}
  for c = 1, #text - 1 do ones[c] = c end
  assert.are.same(whole, M.chunked(text, ones, opts), "byte by byte")
  return whole
end

return M
