-- Every JSON shape of the Security log, made from each sample EVTX record
-- by record (spec/support/evtx_shapes.py, from python-evtx's reading), read
-- into the same records as the EVTX itself: same event, record number,
-- computer, channel, account (with its domain), source, code and logon
-- type, and the same time to the digits the shape keeps.
local events = require "logonerr.events"
local forms = require "support.forms"

local function all(path)
  local list = {}
  local it, rd = events.records(path)
  for rec in it do list[#list + 1] = rec end
  return list, rd
end

-- What must be the same, as text (the time is compared apart).
local function key(rec, names)
  local parts = { rec.id, rec.record, rec.computer, rec.channel }
  if names then
    parts[#parts + 1] = rec.account or "-"
    parts[#parts + 1] = rec.source or "-"
    parts[#parts + 1] = rec.code and rec.code.name or "-"
    parts[#parts + 1] = rec.logon_type and rec.logon_type.number or "-"
    parts[#parts + 1] = rec.failed and "failed" or rec.success and "success" or "-"
  end
  for i, v in ipairs(parts) do parts[i] = tostring(v) end
  return table.concat(parts, "|")
end

describe("every shape of the Security log", function()
  if not (events.evtx and forms.tools()) then
    pending("needs libevtx, python3-evtx, evtxexport and iconv: make deps installs them")
    return
  end
  for _, name in ipairs(forms.SAMPLES) do
    describe(name, function()
      local dir = forms.make(name)
      local want = all(forms.DIR .. "/" .. name .. ".evtx")
      for _, shape in ipairs(forms.SHAPES) do
        it(shape.file .. " reads into the EVTX's records", function()
          local got, rd = all(dir .. "/" .. shape.file)
          assert.are.equal(0, #rd.skipped)
          assert.are.equal(#want, #got)
          -- The shape keeps the time to `digits` of the second, cut (as
          -- python-evtx cuts the 100 ns of the EVTX to microseconds, where
          -- libevtx rounds them: one microsecond either way).
          local unit = 10 ^ -shape.digits
          local same, first = 0, nil
          for i, w in ipairs(want) do
            local g = got[i]
            local names = not shape.schema_only or events.schema.events[w.id] ~= nil
            local a, b = key(w, names), key(g, names)
            local lag = w.seconds - (g.seconds or 0)
            if a == b and lag > -2e-6 and lag < unit + 2e-6 then
              same = same + 1
            else
              first = first or (a .. " " .. w.time .. "\n  " .. b .. " " .. tostring(g.time))
            end
          end
          assert.are.equal(#want, same, first)
        end)
      end
    end)
  end
end)
