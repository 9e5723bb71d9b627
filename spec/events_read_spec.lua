-- Every sample log and its other forms, read by logonerr.events, against
-- python-evtx's reading of the same file (spec/support/evtx_forms.py counts
-- with python-evtx and ElementTree, not with logonerr).
local events = require "logonerr.events"
local forms = require "support.forms"

local dkjson = require "dkjson"

local function read_json(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return dkjson.decode(s)
end

-- What logonerr read: events, per ID, per code field value (as
-- evtx_forms.py keys them), and the reader.
local function count(path)
  local it, rd = events.records(path)
  local ids, codes, n = {}, {}, 0
  for rec in it do
    n = n + 1
    local id = tostring(rec.id)
    ids[id] = (ids[id] or 0) + 1
    if rec.id == 4625 or events.KERBEROS[rec.id] or rec.id == 4776 then
      for field, entry in pairs({ Status = rec.status or false,
                                  SubStatus = rec.substatus or false }) do
        local raw = rec.data[field]
        if raw ~= nil then
          local key = ("%d %s %s"):format(rec.id, field,
            entry and entry.hex or (raw == "-" or raw == "") and "-" or "success")
          codes[key] = (codes[key] or 0) + 1
        end
      end
    end
  end
  return n, ids, codes, rd
end

describe("logonerr.events reads the sample logs", function()
  if not (events.evtx and forms.tools()) then
    pending("needs libevtx (logonerr.evtx built with it), python3-evtx, evtxexport " ..
            "and iconv: make deps installs them")
    return
  end
  for _, name in ipairs(forms.SAMPLES) do
    describe(name, function()
      local dir = forms.make(name)
      local want = read_json(dir .. "/counts.json")
      it("as EVTX, with python-evtx's counts per event and per code", function()
        local n, ids, codes, rd = count(forms.DIR .. "/" .. name .. ".evtx")
        assert.are.equal("evtx", rd.format)
        assert.are.equal(want.events, n)
        assert.are.same(want.ids, ids)
        assert.are.same(want.codes, codes)
        assert.are.equal(0, #rd.skipped)
      end)
      for _, form in ipairs(forms.FORMS) do
        it("as " .. form .. ", with the same counts per code", function()
          local n, ids, codes, rd = count(dir .. "/" .. form)
          assert.are.same(want.codes, codes)
          if form == "evtxexport.xml" then
            -- evtxexport copies control bytes into the XML (a 4739 of
            -- python-evtx-security): that event is skipped, and counted.
            assert.are.equal(want.events, n + #rd.skipped)
          else
            assert.are.equal(want.events, n)
            assert.are.same(want.ids, ids)
            assert.are.equal(0, #rd.skipped)
          end
        end)
      end
    end)
  end
end)

describe("spec/fixtures/evtx", function()
  -- SHA256SUMS was taken from the copies in ../shared/evtx, which came
  -- unchanged from the repositories SOURCES.md names.
  local function slurp(p) return assert(require("support.run").read(p), p) end

  it("holds the sample logs unchanged (sha256sum -c SHA256SUMS)", function()
    local sums = slurp(forms.DIR .. "/SHA256SUMS")
    for _, name in ipairs(forms.SAMPLES) do
      assert.is_truthy(sums:find("  " .. name .. ".evtx\n", 1, true), name)
    end
    assert.is_true(require("support.run").ok("cd " .. forms.DIR ..
      " && sha256sum --quiet --strict -c SHA256SUMS"))
  end)

  it("names each sample's repository and licence in SOURCES.md", function()
    local sources = slurp(forms.DIR .. "/SOURCES.md")
    for _, name in ipairs(forms.SAMPLES) do
      local row = sources:match("\n| " .. name:gsub("%p", "%%%0") .. "%.evtx |([^\n]*)")
      assert.is_truthy(row, name)
      assert.matches("^ [%w-]+/[%w-]+ |", row) -- repository
      local licence = row:match("| %x+ | ([^|]*) |$") -- after the commit
      assert.is_truthy(licence, row)
      assert.is_truthy(licence:find("MIT") or licence:find("Apache") or
                       licence:find("CC0"), row)
    end
  end)
end)
