-- logonerr.json writes what dkjson writes when told the key order
-- (KEYORDER's keys first, the others by their text): dkjson, the
-- library, is the reference here, on the reports and records of the real
-- sample logs and on values a log can put in them.
local json = require "logonerr.json"
local dkjson = require "dkjson"
local events = require "logonerr.events"
local run = require("support.run").command

local S = "spec/fixtures/evtx/"
local SAMPLES = require "support.samples" -- the seven real logs
local tointeger = math.tointeger

-- v with its whole floats as integers (cjson reads 4625 as 4625.0; a
-- report writes it 4625), and the keys of its objects.
local function whole(v, keys)
  if type(v) == "number" then return tointeger and tointeger(v) or v end
  if type(v) ~= "table" then return v end
  local c = {}
  for k, x in pairs(v) do
    keys[k] = true
    c[k] = whole(x, keys)
  end
  return c
end

-- What dkjson writes of v given the order: KEYORDER, then every other key
-- of v sorted as text.
local function reference(v, indent)
  local keys = {}
  v = whole(v, keys)
  local rank, other = {}, {}
  for i, k in ipairs(json.KEYORDER) do rank[k] = i end
  for k in pairs(keys) do
    if not rank[k] then other[#other + 1] = k end
  end
  table.sort(other, function(a, b) return tostring(a) < tostring(b) end)
  local order = {}
  for _, k in ipairs(json.KEYORDER) do order[#order + 1] = k end
  for _, k in ipairs(other) do order[#order + 1] = k end
  return dkjson.encode(v, { indent = indent, keyorder = order })
end

describe("logonerr.json.encode", function()
  it("writes each sample log's report as dkjson does, indented and not", function()
    if not events.evtx then
      pending("logonerr.evtx is not built")
      return
    end
    for _, f in ipairs(SAMPLES) do
      local r = events.triage(events.open(S .. f))
      assert.are.equal(reference(r, true), json.encode(r, { indent = true }), f)
      assert.are.equal(reference(r), json.encode(r), f)
    end
  end)

  it("writes each record --records prints of a sample log as dkjson does", function()
    if not events.evtx then
      pending("logonerr.evtx is not built")
      return
    end
    local code, out = run("events --records " .. S .. "python-evtx-security.evtx")
    assert.are.equal(0, code)
    local n = 0
    for line in out:gmatch("[^\n]+") do
      n = n + 1
      local rec = assert(json.decode(line))
      assert.are.equal(reference(rec), json.encode(rec), line)
      assert.are.equal(line, json.encode(rec)) -- (read back, written again: the same)
    end
    assert.are.equal(2261, n) -- (the sample's records, as python-evtx counts them)
  end)

  it("escapes what a log's strings can hold as dkjson does", function()
    local nasty = {
      quote = 'say "hi"', backslash = "C:\\Windows\\System32", nul = "a\0b",
      controls = "tab\tnew\nline\rcr\1\31\127", line_sep = "a\226\128\168b",
      bom = "\239\187\191x", nbsp = "a\194\160b", soft_hyphen = "a\194\173b",
      cyrillic = "Администратор", emoji = "\240\159\152\128", empty = "",
    }
    for _, indent in ipairs({ false, true }) do
      assert.are.equal(reference(nasty, indent), json.encode(nasty, { indent = indent }))
    end
    -- (a string seen before is written from memory: the same again)
    assert.are.equal(reference(nasty), json.encode(nasty))
  end)

  it("writes numbers, lists, holes and keys as dkjson does", function()
    local v = {
      count = 4625.0, half = 0.5, big = 1e20, negative = -3, tiny = 1e-7,
      list = { 1, 2, 3 }, holes = { [1] = "a", [3] = "c" }, sparse = { [1] = 1, [40] = 2 },
      by_type = { [2] = 5, [3] = 7, [10] = 1 }, n_list = { n = 3 }, empty = {},
      n_long = { n = 40, [1] = "x" },
      nested = { { id = 4624, events = 2, zebra = true, [7] = "seven" } }, yes = true, no = false,
      [""] = "empty key",
    }
    assert.are.equal(reference(v, true), json.encode(v, { indent = true }))
    assert.are.equal(reference(v), json.encode(v))
  end)

  it("writes nothing (nil) as null, as dkjson does", function()
    assert.are.equal(dkjson.encode(nil), json.encode(nil))
    assert.are.equal("null", json.encode(nil))
  end)

  it("writes what is not a number, an infinity say, as null, as dkjson does", function()
    local v = { nan = 0 / 0, inf = math.huge, minus_inf = -math.huge }
    assert.are.equal(reference(v), json.encode(v))
    assert.are.equal('{"inf":null,"minus_inf":null,"nan":null}', json.encode(v))
  end)

  it("writes a table nested deeper than 100 as a string saying so, and a cycle so", function()
    local deep = {}
    local at = deep
    for _ = 1, 150 do
      at.inner = {}
      at = at.inner
    end
    local text = json.encode(deep)
    assert.is_truthy(text:find('"(nested too deep)"', 1, true))
    local _, opened = text:gsub("{", "")
    assert.are.equal(101, opened)
    local loop = { name = "loop" }
    loop.self = loop
    assert.is_truthy(json.encode(loop):find('"(nested too deep)"', 1, true))
  end)

  -- A program embedding logonerr may set a locale whose decimal sign is a
  -- comma: Lua's tostring then writes 0,5, which is two numbers in JSON.
  -- (tostring as such a locale makes it, where the machine has none)
  it("writes a point for the decimal sign whatever the locale", function()
    local env = setmetatable({ tostring = function(x)
      return (string.gsub(tostring(x), "%.", ","))
    end }, { __index = _G })
    local path = package.searchpath and package.searchpath("logonerr.json", package.path) or
                 "lua/logonerr/json.lua"
    local chunk
    if setfenv then -- luacheck: ignore 113 (Lua 5.1)
      chunk = assert(loadfile(path))
      setfenv(chunk, env) -- luacheck: ignore 113
    else
      chunk = assert(loadfile(path, "t", env))
    end
    local comma = chunk()
    assert.are.equal("0,5", env.tostring(0.5)) -- (the locale stood in for)
    local v = { half = 0.5, tiny = 1.25e-7, big = 1e20, count = 4625, neg = -2.75 }
    assert.are.equal(json.encode(v), comma.encode(v))
    assert.are.equal('{"count":4625,"big":1e+20,"half":0.5,"neg":-2.75,"tiny":1.25e-07}',
                     comma.encode(v))
  end)

  it("keeps no long text after writing it", function()
    collectgarbage()
    local before = collectgarbage("count")
    for i = 1, 20 do json.encode({ v = string.rep(string.char(64 + i), 1048576) }) end
    collectgarbage()
    collectgarbage()
    assert.is_true(collectgarbage("count") - before < 4096, "KB kept")
  end)

  it("writes a number key and a text key that read the same in one order", function()
    local a, b = {}, {}
    a[2], a["2"], a.x = "number", "text", 1
    b.x, b["2"], b[2] = 1, "text", "number"
    assert.are.equal('{"2":"number","2":"text","x":1}', json.encode(a))
    assert.are.equal(json.encode(a), json.encode(b))
  end)

  it("refuses a value JSON has no form for, naming its type", function()
    local refused = { ["function"] = { f = print },
                      thread = { co = coroutine.create(function() end) } }
    for what, v in pairs(refused) do
      local ok, why = pcall(json.encode, v)
      assert.is_false(ok)
      assert.matches("type '" .. what .. "' is not supported by JSON", why, 1, true)
    end
    local ok, why = pcall(json.encode, { [true] = 1 })
    assert.is_false(ok)
    assert.matches("type 'boolean' is not supported as a key by JSON", why, 1, true)
  end)

  it("gives the same bytes for the same data built in another order", function()
    local a, b = {}, {}
    local names = {}
    for i = 1, 50 do names[i] = "k" .. i end
    for i = 1, 50 do a[names[i]] = i end
    for i = 50, 1, -1 do b[names[i]] = i end
    a.account, b.account = "CORP\\alice", "CORP\\alice"
    assert.are.equal(json.encode(a), json.encode(b))
    assert.matches('^{"account":"CORP\\\\alice","k1":1,"k10":10,', json.encode(a))
  end)
end)
