-- The advice speaks of the platform whose log was read.  An MIT KDC or a
-- Samba AD DC writes no Windows event log: a responder sent to read 4624,
-- 4740 on the PDC emulator or 4768 there finds nothing, and loses time in
-- an incident.  The logs are those real servers wrote
-- (spec/fixtures/linux/, make fixtures-linux) and Windows samples.
local events = require "logonerr.events"
local sc = require "support.scenario"
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

-- Each platform's own tools, which its advice sends the responder to:
-- MIT's kadmin (getprinc, modprinc) and its KDC's kdc.conf and log;
-- Samba's samba-tool and smb.conf (the tools' manuals, not this code).
local TOOLS = {
  mit = { "kadmin", "getprinc", "modprinc", "kdc.conf", "krb5kdc" },
  samba = { "samba-tool", "smb.conf" },
}
local function names_a_tool(f, platform)
  for _, line in ipairs(f.check) do
    for _, t in ipairs(TOOLS[platform]) do
      if line:find(t, 1, true) then return true end
    end
  end
  return false
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
        -- (and sends the responder to the platform's own tools)
        assert.is_true(names_a_tool(f, platform), f.kind .. ": " .. table.concat(f.check, " | "))
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
    -- (which sends the responder to Windows' records: 4771, 4740, 4625...)
    assert.is_true(#windows_lines(guessing) > 0, table.concat(guessing.check, " | "))
    assert.is_false(names_a_tool(guessing, "mit") or names_a_tool(guessing, "samba"))
    local text = require("logonerr.events.report").render(r, "text")
    assert.falsy(text:find("Read as:", 1, true))
  end)

  -- A collection of several platforms' logs (a realm trusted by a Windows
  -- domain): each finding is made from one platform's records here (bob
  -- guessed at on the MIT KDC, admin-test's and hack1's on a Windows DC),
  -- and its advice is that platform's; the report says it read several.
  -- The Samba and MIT logs come from one test host, the logons made from
  -- the host itself: a finding that holds records of both (the spray from
  -- that one source, at both realms' accounts) gives both platforms'
  -- advice, and says so.
  it("gives each finding of a collection of several platforms its records' advice", function()
    for _, case in ipairs({ { { MIT, KERBRUTE }, { "mit", "windows" } },
                            { { SAMBA, MIT }, { "mit", "samba" } } }) do
      local code, out = run.command("events -f json " .. table.concat(case[1], " "))
      assert.are.equal(0, code)
      local r = json.decode(out)
      assert.are.equal("mixed", r.platform)
      assert.are.same(case[2], r.platforms)
      local seen = {}
      for _, f in ipairs(r.findings) do
        if f.kind ~= "log_gaps" then
          if case[1][2] == KERBRUTE then
            -- (the samples' hosts are Windows'; vm is the Linux test host)
            local want = f.evidence[1].computer == "vm" and "mit" or "windows"
            assert.are.equal(want, f.platform, f.kind)
          end
          if f.platform == "mixed" then
            assert.are.same(case[2], f.platforms)
            local all = table.concat(f.check, "\n")
            for _, p in ipairs(f.platforms) do
              for _, line in ipairs(rules.advice(f.kind, f.reading, p)) do
                assert.truthy(all:find(line, 1, true), line)
              end
              seen[p] = true
            end
          else
            local want = {}
            for i, line in ipairs(rules.advice(f.kind, f.reading, f.platform)) do want[i] = line end
            -- (a spray that tried names unknown or refused says so last)
            if f.probed then want[#want + 1] = rules.SPRAYED_NAMES[f.platform] end
            assert.are.same(want, f.check)
            seen[f.platform] = true
          end
        end
      end
      for _, p in ipairs(case[2]) do assert.is_true(seen[p], p) end
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

  -- The MIT KDC's realm is EXAMPLE.TEST; the Samba DC's is CORP.TEST,
  -- NetBIOS domain CORP.  Both fixtures hold a bob and the same other
  -- names, but they are namesakes in unrelated realms: a new password
  -- for CORP\bob does nothing for bob@EXAMPLE.TEST, and MIT has no
  -- NetBIOS names for EXAMPLE.TEST to have one.  Read together, each bob
  -- keeps his own realm and his own failures, as each log alone gives
  -- them; before, the shared names paired CORP with EXAMPLE.TEST and one
  -- CORP\bob took both logs' guessing.
  it("keeps namesakes of an MIT realm and a Samba domain two accounts", function()
    local function bobs(r)
      local out = {}
      for _, f in ipairs(r.findings) do
        if f.kind == "password_guessing" then out[f.accounts[1]] = f.count end
      end
      for _, a in ipairs(r.by_account) do
        if a.account:find("bob", 1, true) then
          out[a.identity .. " spelt"] = table.concat(a.spellings, " ")
        end
      end
      return out
    end
    -- (each log alone, as it was: MIT's bob in its realm, Samba's in CORP)
    local mit, samba = bobs(report_of(MIT)), bobs(report_of(SAMBA))
    assert.are.same({ ["EXAMPLE.TEST\\bob"] = 8,
                      ["EXAMPLE.TEST\\bob spelt"] = "EXAMPLE.TEST\\bob" }, mit)
    assert.are.same({ ["CORP\\bob"] = 8, ["CORP\\bob spelt"] = "CORP\\bob" }, samba)
    local want = {}
    for k, v in pairs(mit) do want[k] = v end
    for k, v in pairs(samba) do want[k] = v end
    -- (together, in either order, and through -j's workers, which hand
    -- over what each log said of its realm)
    for _, cmd in ipairs({ "events -f json " .. MIT .. " " .. SAMBA,
                           "events -f json " .. SAMBA .. " " .. MIT,
                           "events -j 2 -f json " .. MIT .. " " .. SAMBA }) do
      local code, out = run.command(cmd, nil, "LOGONERR_POOL_BYTES=0")
      assert.are.equal(0, code, out)
      local r = json.decode(out)
      assert.are.same(want, bobs(r), cmd)
      assert.are.same({ { "CORP" }, { "EXAMPLE.TEST" } }, r.domains, cmd)
    end
  end)

  -- An MIT realm that trusts an AD domain: bob of CORP.LOCAL (NetBIOS
  -- CORP) asks the MIT KDC for a ticket to a host of EXAMPLE.TEST, a
  -- TGS_REQ whose client is of the AD realm.  That realm is no MIT
  -- realm: the AD's CORP\bob, who mistyped his password six times on the
  -- file server, and CORP.LOCAL\bob, his Kerberos name, stay one account.
  it("leaves an AD realm's names as one account where an MIT KDC serves its users", function()
    local xml = {}
    local function event(id, t, data)
      local d = {}
      for k, v in pairs(data) do d[#d + 1] = '<Data Name="' .. k .. '">' .. v .. '</Data>' end
      table.sort(d)
      xml[#xml + 1] = '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">' ..
        '<System><EventID>' .. id .. '</EventID><TimeCreated SystemTime="2024-05-01T10:00:' ..
        t .. '.000Z"/><EventRecordID>' .. #xml + 1 .. '</EventRecordID><Channel>Security' ..
        '</Channel><Computer>FS1.corp.local</Computer></System><EventData>' ..
        table.concat(d) .. '</EventData></Event>'
    end
    for i = 1, 6 do
      event(4625, 10 + i, { TargetUserName = "bob", TargetDomainName = "CORP",
        Status = "0xc000006d", SubStatus = "0xc000006a", LogonType = "3",
        IpAddress = "10.0.0.9", WorkstationName = "PC09" })
    end
    event(4769, 30, { TargetUserName = "bob@CORP.LOCAL", TargetDomainName = "CORP.LOCAL",
      ServiceName = "FS1$", Status = "0x0", IpAddress = "::ffff:10.0.0.9",
      TicketEncryptionType = "0x12" })
    local win = run.tempfile(table.concat(xml, "\n") .. "\n")
    local kdc = run.tempfile("Dec 03 08:20:39 vm krb5kdc[7438](info): TGS_REQ (2 etypes " ..
      "{aes256-cts-hmac-sha1-96(18), aes128-cts-hmac-sha1-96(17)}) 10.0.0.9: ISSUE: authtime " ..
      "1796286039, etypes {rep=aes256-cts-hmac-sha1-96(18), tkt=aes256-cts-hmac-sha1-96(18), " ..
      "ses=aes256-cts-hmac-sha1-96(18)}, bob@CORP.LOCAL for host/srv.example.test@EXAMPLE.TEST\n")
    local function bobs(files)
      local code, out = run.command("events -f json " .. files)
      assert.are.equal(0, code, out)
      local list = {}
      for _, a in ipairs(json.decode(out).by_account) do list[#list + 1] = a.identity end
      return list
    end
    local alone, together = bobs(win), bobs(win .. " " .. kdc)
    os.remove(win)
    os.remove(kdc)
    assert.are.same({ "CORP\\bob" }, alone)
    assert.are.same(alone, together)
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
    -- (what a worker hands over says the log's platform, each shape's
    -- too: the command may have read no file of its own)
    local code, out = run.command("events --state --part 1/1 -- " .. SAMBA)
    assert.are.equal(0, code)
    local st = require("logonerr.events.wire").decode(out).triage
    assert.are.same({ "samba" }, st.platforms)
    assert.is_true(#st.found.shapes > 0)
    for _, sh in ipairs(st.found.shapes) do assert.are.equal("samba", sh.platform) end
  end)

  -- -j's hand-over: a part read by a worker (plain data) or held by the
  -- command (live) keeps its records' platform when it is merged.
  it("keeps a merged part's platform, its findings' advice", function()
    local whole = report_of(MIT)
    for _, live in ipairs({ false, true }) do
      local a, b = triage.new(triage.DEFAULTS), triage.new(triage.DEFAULTS)
      a:reading("evtx")
      for rec in events.records(KERBRUTE) do a:add(rec) end
      b:reading("mit-kdc")
      for rec in events.records(MIT) do b:add(rec) end
      assert.is_true(a:merge(b:state(live)))
      local r = a:finish()
      assert.are.equal("mixed", r.platform)
      local mit = {}
      for _, f in ipairs(r.findings) do
        if f.platform == "mit" then mit[#mit + 1] = f.kind .. " " .. f.accounts[1] end
      end
      local want = {}
      for _, f in ipairs(whole.findings) do want[#want + 1] = f.kind .. " " .. f.accounts[1] end
      table.sort(mit)
      table.sort(want)
      assert.are.same(want, mit)
    end
  end)

  -- Windows' 4771s logged by a host named as the MIT KDC's (vm), for the
  -- same principal from the same address: the two platforms' records are
  -- alike but for their logs, and each keeps its own platform, whichever
  -- log is read first.  (Before, the first read made the shapes for both,
  -- and the finding had that platform's advice alone.)
  it("keeps two platforms' alike records apart, whichever is read first", function()
    local log = {}
    for i = 1, 12 do
      log[i] = { id = 4771, time = "2026-12-03T08:20:" .. (40 + i % 10) .. ".000000Z",
                 computer = "vm", data = { TargetUserName = "bob", IpAddress = "127.0.0.1",
                 ServiceName = "krbtgt/EXAMPLE.TEST", Status = "0x18" } }
    end
    local win = sc.records(log)
    local mit = {}
    for rec in events.records(MIT) do mit[#mit + 1] = rec end
    for _, order in ipairs({ { { "xml", win }, { "mit-kdc", mit } },
                             { { "mit-kdc", mit }, { "xml", win } } }) do
      local acc = triage.new(triage.DEFAULTS)
      for _, part in ipairs(order) do
        acc:reading(part[1])
        for _, rec in ipairs(part[2]) do acc:add(rec) end
      end
      local guessing
      for _, f in ipairs(acc:finish().findings) do
        if f.kind == "password_guessing" then guessing = f end
      end
      assert.is_table(guessing)
      assert.are.equal("mixed", guessing.platform)
      assert.are.same({ "mit", "windows" }, guessing.platforms)
    end
  end)

  -- A record --records printed and read back names its log's platform
  -- (rec.platform): it is that platform's, whatever its reader's (a JSON
  -- stream's), and the records beside it that name none are their log's,
  -- or Windows' where no log was said.
  it("takes the platform a record names, record by record", function()
    local mit, win = {}, {}
    for rec in events.records(MIT) do
      rec.platform = "mit"
      mit[#mit + 1] = rec
    end
    for rec in events.records(KERBRUTE) do win[#win + 1] = rec end
    local acc = triage.new(triage.DEFAULTS)
    acc:reading("json")
    for _, rec in ipairs(mit) do acc:add(rec) end
    local r = acc:finish()
    assert.are.equal("mit", r.platform)
    assert.are.same(report_of(MIT).findings, r.findings)
    for _, said in ipairs({ "json", false }) do
      acc = triage.new(triage.DEFAULTS)
      if said then acc:reading(said) end
      for i = 1, math.max(#mit, #win) do -- (one of each, in turn)
        if mit[i] then acc:add(mit[i]) end
        if win[i] then acc:add(win[i]) end
      end
      r = acc:finish()
      assert.are.equal("mixed", r.platform)
      assert.are.same({ "mit", "windows" }, r.platforms)
      for _, f in ipairs(r.findings) do
        if f.kind ~= "log_gaps" then
          assert.are.equal(f.evidence[1].computer == "vm" and "mit" or "windows", f.platform,
                           f.kind)
        end
      end
    end
    -- The same records in two triages, one merged into the other (as -j
    -- merges a worker's part): the Windows records that said no platform,
    -- in either, still make the report mixed; the merged triage took in
    -- the platforms the other named and dropped the Windows ones it only
    -- had by saying none.
    local wire = require "logonerr.events.wire"
    for _, order in ipairs({ { win, mit }, { mit, win } }) do
      local first, second = triage.new(triage.DEFAULTS), triage.new(triage.DEFAULTS)
      for _, rec in ipairs(order[1]) do first:add(rec) end
      for _, rec in ipairs(order[2]) do second:add(rec) end
      assert.is_true(first:merge(wire.decode(wire.encode(second:state()))))
      r = first:finish()
      assert.are.equal("mixed", r.platform)
      assert.are.same({ "mit", "windows" }, r.platforms)
    end
    -- (a platform logonerr does not read is a misuse, said as the JSON
    -- reader says it: a text's first bytes, escaped; another value's type)
    for _, case in ipairs({
      { "linux", "'linux'" },
      { "linux\27[2J" .. ("x"):rep(100), "'linux\\x1B[2J" .. ("x"):rep(51) .. "...'" },
      { 5, "a number" }, { true, "a boolean" }, { {}, "a table" } }) do
      acc = triage.new(triage.DEFAULTS)
      local rec = mit[1]
      rec.platform = case[1]
      local ok, why = pcall(acc.add, acc, rec)
      assert.is_false(ok)
      assert.are.equal("bad argument #1 to 'add' (a record whose platform is " .. case[2] ..
                       ", not one logonerr reads: mit, samba or windows)",
                       (tostring(why):gsub("^[^:]*:%d+: ", "")))
      assert.are.equal(0, acc.n) -- (nothing taken)
    end
  end)

  -- The way before acc:reading: records added, then finish(reader).
  it("takes the reader's platform in finish(reader) when none was said", function()
    local acc = triage.new(triage.DEFAULTS)
    local it, rd = events.records(MIT)
    for rec in it do acc:add(rec) end
    local ok, why = pcall(acc.finish, acc, rd, nil, "mit")
    assert.is_false(ok)
    assert.truthy(tostring(why):find("bad argument #3 to 'finish'", 1, true), why)
    -- (a call refused for its bad argument leaves the records' platform unsaid)
    ok = pcall(acc.finish, acc, rd, "admin")
    assert.is_false(ok)
    assert.are.same({}, acc.platforms)
    local r = acc:finish(rd)
    assert.are.equal("mit", r.platform)
    assert.are.same(report_of(MIT).findings, r.findings)
  end)

  it("refuses a format no reader gives, and the triage is still whole", function()
    local acc = triage.new(triage.DEFAULTS)
    for _, bad in ipairs({ "linux", "MIT", "mit", 1, true }) do
      local ok, why = pcall(acc.reading, acc, bad)
      assert.is_false(ok)
      assert.truthy(tostring(why):find("bad argument #1 to 'reading'", 1, true), why)
    end
    acc:reading("mit-kdc")
    for rec in events.records(MIT) do acc:add(rec) end
    local r = acc:finish()
    assert.are.equal("mit", r.platform)
    assert.are.same(report_of(MIT).findings, r.findings)
  end)

  -- Damaged or foreign hand-over: a state naming a platform no reader
  -- gives is refused whole (-j then reads the part itself).
  it("refuses a state that names a platform it does not know", function()
    local acc = triage.new(triage.DEFAULTS)
    acc:reading("samba")
    for rec in events.records(SAMBA) do acc:add(rec) end
    for _, bend in ipairs({
      function(st) st.platforms = { "linux" } end,
      function(st) st.found.shapes[1].platform = "windows" end, -- (Windows' is none)
      function(st) st.found.sums[1].platform = "beos" end }) do
      local st = acc:state()
      bend(st)
      local into = triage.new(triage.DEFAULTS)
      local ok, why = into:merge(st)
      assert.is_nil(ok)
      assert.truthy(why:find("not a partial triage", 1, true), why)
      assert.are.equal(0, into:finish().events) -- (nothing of it taken in)
    end
  end)
end)
