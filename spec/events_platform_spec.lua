-- The advice speaks of the platform whose log was read.  An MIT KDC or a
-- Samba AD DC writes no Windows event log: a responder sent to read 4624,
-- 4740 on the PDC emulator or 4768 there finds nothing, and loses time in
-- an incident.  The logs are those real servers wrote
-- (spec/fixtures/linux/, make fixtures-linux) and Windows samples.
local events = require "logonerr.events"
local rules = require "logonerr.events.rules"
local triage = require "logonerr.events.triage"
local json = require "logonerr.json"
local run = require "support.run"

local LINUX = "spec/fixtures/linux/"
local MIT, SAMBA = LINUX .. "krb5kdc.log", LINUX .. "samba-auth-audit.log"
local KERBRUTE = "spec/fixtures/evtx/mitre-4771-kerberos-bf-valid-user.evtx"

-- The lines of a finding's advice that name a Windows event (46xx, 47xx,
-- 5140...) or Windows' own roles: none of it is on a Linux server.
local function windows_lines(f)
  local out = {}
  for _, line in ipairs(f.check) do
    if line:find("%f[%d][45]%d%d%d%f[%D]") or line:find("PDC emulator", 1, true) then
      out[#out + 1] = line
    end
  end
  return out
end

local function report_of(path)
  local rd = assert(events.open(path))
  return events.triage(rd)
end

describe("advice by platform", function()
  for _, case in ipairs({ { MIT, "mit" }, { SAMBA, "samba" } }) do
    local path, platform = case[1], case[2]
    it("names no Windows record on " .. platform .. "'s log, whose report says so", function()
      local r = report_of(path)
      assert.are.equal(platform, r.platform)
      -- (the logons made there: guessing, a spray, names that do not
      -- exist; so findings with advice there are)
      assert.is_true(#r.findings >= 4, #r.findings)
      for _, f in ipairs(r.findings) do
        assert.are.same({}, windows_lines(f), f.kind)
        if platform == "mit" then -- (MIT's KDC speaks Kerberos alone)
          for _, line in ipairs(f.check) do assert.falsy(line:find("NTLM", 1, true), line) end
        end
        -- the platform's own advice for the finding's kind and reading
        local want = rules.advice(f.kind, f.reading, platform)
        for _, line in ipairs(want) do
          local found = false
          for _, l in ipairs(f.check) do found = found or l == line end
          assert.is_true(found, f.kind .. ": " .. line)
        end
      end
      local text = require("logonerr.events.report").render(r, "text")
      assert.truthy(text:find("\nRead as: " .. rules.PLATFORMS[platform], 1, true), text)
    end)
  end

  it("keeps Windows' on a Windows log, with no note of what it was read as", function()
    local r = report_of(KERBRUTE)
    assert.are.equal("windows", r.platform)
    local guessing
    for _, f in ipairs(r.findings) do
      if f.kind == "password_guessing" then guessing = f end
    end
    -- (4771s for one account from one source: guessing, with Windows' advice)
    assert.is_table(guessing)
    assert.are.same(rules.KINDS.password_guessing.advice[guessing.reading], guessing.check)
    local text = require("logonerr.events.report").render(r, "text")
    assert.falsy(text:find("Read as:", 1, true))
  end)

  -- A collection of several platforms' logs (a domain with Samba and
  -- Windows DCs, a realm trusted by a Windows domain) gets Windows' advice
  -- and says so: the report must not pass for one platform's.
  it("is Windows' for a collection of logs of several platforms, which it says", function()
    for _, case in ipairs({ { { MIT, KERBRUTE }, { "mit", "windows" } },
                            { { SAMBA, MIT }, { "mit", "samba" } } }) do
      local code, out = run.command("events -f json " .. table.concat(case[1], " "))
      assert.are.equal(0, code)
      local r = json.decode(out)
      assert.are.equal("mixed", r.platform)
      assert.are.same(case[2], r.platforms)
      for _, f in ipairs(r.findings) do
        if f.kind == "password_guessing" then
          assert.are.same(rules.KINDS.password_guessing.advice[f.reading], f.check)
        end
      end
      code, out = run.command("events " .. table.concat(case[1], " "))
      assert.are.equal(0, code)
      assert.truthy(out:find("\nRead as: logs of several platforms (", 1, true), out)
    end
    local code, out = run.command("events -f json " .. MIT .. " " .. MIT)
    assert.are.equal(0, code)
    local r = json.decode(out)
    assert.are.equal("mit", r.platform)
    assert.is_nil(r.platforms)
  end)

  it("passes through -j's workers: the report is one process's", function()
    -- (two copies under other names, so that each is a file of the pool)
    local dir = os.tmpname()
    os.remove(dir)
    assert.is_true(run.ok("mkdir " .. dir))
    for _, name in ipairs({ "a.log", "b.log" }) do
      assert.is_true(run.ok("cp " .. SAMBA .. " " .. dir .. "/" .. name))
    end
    local files = dir .. "/a.log " .. dir .. "/b.log"
    local code1, one = run.command("events -f json " .. files)
    local code2, two = run.command("events -j 2 -f json " .. files, nil, "LOGONERR_POOL_BYTES=0")
    run.ok("rm -r " .. dir)
    assert.are.equal(0, code1)
    assert.are.equal(0, code2)
    assert.are.equal("samba", json.decode(two).platform)
    assert.are.equal(one, two)
    -- (what a worker hands over says the log's format: the command may
    -- have read no file of its own)
    local code, out = run.command("events --state --part 1/1 -- " .. SAMBA)
    assert.are.equal(0, code)
    assert.are.equal("samba", require("logonerr.events.wire").decode(out).reader.format)
  end)

  it("refuses a platform it does not know, and the triage is still whole", function()
    local acc = triage.new(triage.DEFAULTS)
    for rec in events.records(MIT) do acc:add(rec) end
    for _, bad in ipairs({ "linux", "MIT", 1, true }) do
      local ok, why = pcall(acc.finish, acc, nil, nil, bad)
      assert.is_false(ok)
      assert.truthy(tostring(why):find("bad argument #3 to 'finish'", 1, true), why)
    end
    local r = acc:finish(nil, nil, "mit")
    assert.are.same(report_of(MIT).findings, r.findings)
  end)
end)
