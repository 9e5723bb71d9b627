-- Fingerprints of every run of eight words in a text, to tell whether one
-- text copies another without keeping the other's words.  The seed
-- documents (../shared/seeds, web pages under no licence) stay out of the
-- repository; spec/fixtures/seed-runs.txt keeps only their fingerprints.
--   lua5.4 spec/support/word_runs.lua ../shared/seeds/*.txt > spec/fixtures/seed-runs.txt
local M = {}

M.WORDS = 8

-- Lower case, punctuation as spaces, as the knowledge spec compares.
function M.words(text)
  local t = {}
  for w in text:lower():gsub("[^%w%s]", " "):gmatch("%S+") do t[#t + 1] = w end
  return t
end

-- Two polynomial hashes modulo primes below 2^31: every product stays under
-- 2^53, so every Lua (5.1 to 5.4, LuaJIT) computes the same 62 bits.
local P1, P2 = 2147483629, 2147483587
local function hash(s)
  local a, b = 0, 0
  for i = 1, #s do
    local c = s:byte(i)
    a = (a * 257 + c) % P1
    b = (b * 263 + c) % P2
  end
  return ("%08x%08x"):format(a, b)
end

-- The fingerprint of each run of M.WORDS words of text, as a set.
function M.runs(text)
  local words, set = M.words(text), {}
  for i = 1, #words - M.WORDS + 1 do
    set[hash(table.concat(words, " ", i, i + M.WORDS - 1))] = true
  end
  return set
end

if arg and arg[0] and arg[0]:match("word_runs%.lua$") then -- run as a script
  local all = {}
  for i = 1, #arg do
    local f = assert(io.open(arg[i], "rb"))
    for h in pairs(M.runs(f:read("*a"))) do all[#all + 1] = h end
    f:close()
  end
  table.sort(all)
  io.write("# Fingerprints of the runs of ", M.WORDS, " words of the seed documents\n",
           "# (spec/support/word_runs.lua); the documents themselves are not copied.\n")
  local last
  for _, h in ipairs(all) do
    if h ~= last then io.write(h, "\n") end
    last = h
  end
end

return M
