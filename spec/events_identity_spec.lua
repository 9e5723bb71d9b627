-- One identity per person: logonerr.events.identity.  The spellings are
-- the ones Windows writes: `DOMAIN\user` from 4624/4625/4648's
-- TargetDomainName, `user@REALM` in 4769's TargetUserName, the realm of
-- 4771's ServiceName `krbtgt/REALM`, bare names in 4776 (Microsoft's
-- pages for those events); the virtual accounts are those Windows 10
-- logs for an interactive logon (Window Manager\DWM-1, Font Driver
-- Host\UMFD-0) and the NT AUTHORITY ones.
local identity = require "logonerr.events.identity"

describe("events.identity", function()
  it("folds case as Windows compares names, beyond ASCII", function()
    assert.are.equal("bob", identity.fold("BoB"))
    assert.are.equal("müller", identity.fold("MÜLLER"))
    assert.are.equal("łukasz", identity.fold("ŁUKASZ"))
    assert.are.equal("петров", identity.fold("ПЕТРОВ"))
    assert.are.equal("σοφία", identity.fold("ΣΟΦΊΑ"))
    assert.is_nil(identity.fold(nil))
  end)

  it("splits DOMAIN\\user, user@realm and bare names", function()
    assert.are.same({ "bob", "CORP" }, { identity.split("CORP\\bob") })
    assert.are.same({ "bob", "CORP.LOCAL" }, { identity.split("bob@CORP.LOCAL") })
    assert.are.same({ "bob" }, { identity.split("bob") })
    assert.are.same({}, { identity.split("-") })
    assert.are.same({}, { identity.split("") })
  end)

  it("knows machine and virtual accounts from people", function()
    assert.are.equal("machine", identity.kind("WS01$", "CORP"))
    assert.are.equal("virtual", identity.kind("DWM-1", "Window Manager"))
    assert.are.equal("virtual", identity.kind("UMFD-12", "Font Driver Host"))
    assert.are.equal("virtual", identity.kind("LOCAL SERVICE", "NT AUTHORITY"))
    assert.are.equal("virtual", identity.kind("ANONYMOUS LOGON", "NT AUTHORITY"))
    assert.are.equal("virtual", identity.kind("SYSTEM", "NT AUTHORITY"))
    assert.are.equal("virtual", identity.kind("MSSQLSERVER", "NT SERVICE"))
    assert.are.equal("user", identity.kind("bob", "CORP"))
    assert.are.equal("user", identity.kind("DWM-admin", "CORP")) -- not DWM-n
  end)

  -- The names the kerbrute sample (mitre-4768-4771-kerbrute-user-enum.evtx)
  -- drew 0x12 for on a domain with Exchange, and the built-in accounts
  -- Windows ships disabled.
  it("names accounts disabled by design", function()
    for _, n in ipairs({ "Guest", "DefaultAccount", "krbtgt", "KRBTGT", "WDAGUtilityAccount",
                         "SM_27d255b6407743b08", "$P51000-50I28MP5JB3E" }) do
      assert.is_string(identity.disabled_by_design(n), n)
    end
    for _, n in ipairs({ "Administrator", "HealthMailboxf7e4358", "bob", "SM_", "$x" }) do
      assert.is_nil(identity.disabled_by_design(n), n)
    end
  end)

  describe("a resolver", function()
    it("shows a user as most often spelt, and compares names case-folded", function()
      local ids = identity.new()
      ids:see("Bob", "CORP"); ids:see("Bob", "CORP"); ids:see("BOB", "CORP")
      assert.are.equal("CORP\\Bob", ids:resolve("bob", "corp"))
      assert.are.equal("CORP\\Bob", ids:resolve("BOB", "Corp"))
    end)

    it("joins a NetBIOS name and a realm seen for the same users", function()
      local ids = identity.new()
      ids:see("bob", "CORP")        -- 4625
      ids:see("bob", "CORP.LOCAL")  -- 4771, realm from krbtgt/CORP.LOCAL
      ids:see("bob", nil)           -- 4776
      assert.are.equal("CORP\\bob", ids:resolve("bob", "CORP"))
      assert.are.equal("CORP\\bob", ids:resolve("BOB", "corp.local"))
      assert.are.equal("CORP\\bob", ids:resolve("Bob"))
      assert.are.same({ { "CORP", "CORP.LOCAL" } }, ids:domains())
    end)

    it("joins the two spellings one record carries", function()
      local ids = identity.new()
      ids:pair("CONTOSO", "corp.contoso.com") -- 4768: TargetDomainName beside krbtgt/realm
      assert.are.equal("CONTOSO\\ann", ids:resolve("ann", "CORP.CONTOSO.COM"))
    end)

    it("joins spellings of a domain through the account's SID", function()
      local ids = identity.new()
      ids:see("ann", "CONTOSO", "S-1-5-21-111-222-333-1104")
      ids:see("joe", "corp.contoso.com", "S-1-5-21-111-222-333-1187")
      assert.are.equal("CONTOSO\\joe", ids:resolve("joe", "corp.contoso.com"))
    end)

    -- WS07\Administrator is the workstation's own account; CORP's is the
    -- domain's.  Two accounts, and the bare name belongs to neither.
    it("keeps a computer's own accounts apart from the domain's", function()
      local ids = identity.new()
      ids:see("Administrator", "WS07", nil, "ws07.corp.local")
      ids:see("Administrator", "CORP.LOCAL")
      ids:see("Administrator", nil)
      assert.are.equal("WS07\\Administrator", ids:resolve("administrator", "WS07"))
      assert.are.equal("CORP.LOCAL\\Administrator", ids:resolve("Administrator", "CORP.LOCAL"))
      assert.are.equal("Administrator", ids:resolve("ADMINISTRATOR"))
    end)

    -- 4776 is logged by the computer that checks the credentials, with
    -- the name bare: on a workstation, that is one of its own accounts.
    it("gives a bare name to the account of the host that logged it", function()
      local ids = identity.new()
      ids:see("Administrator", "WS07", nil, "ws07.corp.local")
      ids:see("Administrator", "WS08", nil, "WS08")
      ids:see("Administrator", "CORP.LOCAL")
      assert.are.equal("WS07\\Administrator", ids:resolve("administrator", nil, "WS07.corp.local"))
      assert.are.equal("WS08\\Administrator", ids:resolve("Administrator", nil, "ws08"))
      -- (a host with no account of the name, and no host: neither of them)
      assert.are.equal("Administrator", ids:resolve("Administrator", nil, "dc01.corp.local"))
      assert.are.equal("Administrator", ids:resolve("Administrator"))
      -- (a name given with its domain keeps it, wherever it was logged)
      assert.are.equal("CORP.LOCAL\\Administrator",
                       ids:resolve("Administrator", "corp.local", "ws07.corp.local"))
    end)

    -- Two users vote CORP with CORP.LOCAL, one votes CORP with LAB.LOCAL
    -- (a user in two forests): the majority wins and LAB stays apart.
    it("joins a NetBIOS name to one realm only", function()
      local ids = identity.new()
      for _, u in ipairs({ "a", "b" }) do ids:see(u, "CORP"); ids:see(u, "CORP.LOCAL") end
      ids:see("c", "CORP"); ids:see("c", "LAB.LOCAL")
      assert.are.same({ { "CORP", "CORP.LOCAL" }, { "LAB.LOCAL" } }, ids:domains())
    end)

    -- An MIT KDC's realm has no NetBIOS name: a bob there and a CORP\bob
    -- elsewhere are namesakes in two realms, however many names they
    -- share.  A record that names both (a 4769 of a trust) still joins them.
    it("never joins a realm with no NetBIOS name to one by names alone", function()
      local ids = identity.new()
      for _, u in ipairs({ "bob", "alice" }) do ids:see(u, "CORP"); ids:see(u, "EXAMPLE.TEST") end
      ids:no_netbios("EXAMPLE.TEST") -- (what the MIT KDC's log says of its realm)
      assert.are.equal("CORP\\bob", ids:resolve("bob", "CORP"))
      assert.are.equal("EXAMPLE.TEST\\bob", ids:resolve("bob", "example.test"))
      assert.are.same({ { "CORP" }, { "EXAMPLE.TEST" } }, ids:domains())
      ids:pair("CORP", "EXAMPLE.TEST")
      assert.are.equal("CORP\\bob", ids:resolve("bob", "EXAMPLE.TEST"))
    end)

    -- CORP.LOCAL is known, so it is CORP's realm by the usual naming; the
    -- lab forest's LAB.LOCAL, whose DC logged three of the same names, is
    -- not CORP's however many namesakes it has.  With no realm named like
    -- it, a NetBIOS name still joins a realm of another first label.
    it("joins a realm of another first label only when none named like it is known",
       function()
      local ids = identity.new()
      for _, u in ipairs({ "a", "b", "c" }) do ids:see(u, "CORP"); ids:see(u, "LAB.LOCAL") end
      ids:see("d", "CORP"); ids:see("d", "CORP.LOCAL")
      assert.are.same({ { "CORP", "CORP.LOCAL" }, { "LAB.LOCAL" } }, ids:domains())
      ids = identity.new()
      ids:see("ann", "CONTOSO"); ids:see("ann", "CORP.CONTOSO.COM")
      assert.are.same({ { "CONTOSO", "CORP.CONTOSO.COM" } }, ids:domains())
    end)

    it("keeps the spellings seen of an identity", function()
      local ids = identity.new()
      ids:spelling("CORP\\bob", "CORP\\bob")
      ids:spelling("CORP\\bob", "bob")
      ids:spelling("CORP\\bob", "CORP\\bob")
      assert.are.same({ "CORP\\bob", "bob" }, ids:spellings("CORP\\bob"))
    end)

    it("makes one source of an address and the workstation name a record gives with it",
       function()
      local ids = identity.new()
      ids:host_pair("::ffff:10.0.0.66", "KALI") -- 4625: IpAddress and WorkstationName
      assert.are.same({ "10.0.0.66", "10.0.0.66" }, { ids:source("kali") })
      assert.are.same({ "10.0.0.66", "10.0.0.66" }, { ids:source("::ffff:10.0.0.66") })
      assert.are.same({ "pc9", "PC9" }, { ids:source("PC9") })
      assert.are.same({ "srv", "SRV" }, { ids:source("\\\\SRV") })
      assert.is_nil(ids:source("-"))
      -- The loopback address is every host's own: it ties no name to it.
      ids:host_pair("127.0.0.1", "WS01")
      assert.are.same({ "ws01", "WS01" }, { ids:source("WS01") })
    end)
  end)
end)
