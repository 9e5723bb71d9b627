-- logonerr.events.address: sources as the Security log writes them.  The
-- expected forms follow RFC 4291 2.5.5.2 (IPv4-mapped IPv6 is
-- ::ffff:a.b.c.d) and Microsoft's 4624/4625 pages (`-`, ::1 and 127.0.0.1
-- for an attempt made on the machine itself).
local address = require "logonerr.events.address"

describe("logonerr.events.address", function()
  it("writes IPv4-mapped IPv6 as the IPv4 address it carries", function()
    assert.equal("172.16.66.1", address.ip("::ffff:172.16.66.1"))
    assert.equal("172.16.66.1", address.ip("::FFFF:172.16.66.1"))
    assert.equal("10.0.0.5", address.ip("0:0:0:0:0:ffff:10.0.0.5"))
    assert.equal(address.ip("172.16.66.1"), address.ip("::ffff:172.16.66.1"))
  end)

  it("leaves other IPv6 as IPv6, in one case, and what is no address alone", function()
    assert.equal("fe80::1c2d:3e4f", address.ip("FE80::1C2D:3E4F"))
    assert.equal("::ffff:300.1.1.1", address.ip("::ffff:300.1.1.1")) -- no IPv4 inside
    assert.equal("::ffff:10.1.1", address.ip("::ffff:10.1.1"))
    assert.equal("WS01", address.ip(" WS01 "))
  end)

  it("gives nothing for nothing", function()
    for _, v in ipairs({ "-", "", "  " }) do assert.is_nil(address.ip(v)) end
    assert.is_nil(address.ip(nil))
  end)

  it("reads -, ::1 and 127.0.0.1 as local, and nothing else", function()
    for _, v in ipairs({ "-", "::1", "127.0.0.1", " ::1 " }) do
      assert.is_true(address.is_local(v), v)
    end
    for _, v in ipairs({ "10.0.0.1", "::ffff:10.0.0.1", "", "fe80::1" }) do
      assert.is_false(address.is_local(v), v)
    end
    assert.is_false(address.is_local(nil))
  end)

  it("spells a workstation one way whatever its case or leading backslashes", function()
    assert.equal("WS01", address.workstation("ws01"))
    assert.equal("WS01", address.workstation("\\\\WS01"))
    assert.equal(address.workstation("Ws01"), address.workstation("WS01"))
    assert.is_nil(address.workstation("-"))
    assert.is_nil(address.workstation("\\\\"))
    assert.is_nil(address.workstation(""))
  end)

  it("takes the remote address, else the workstation, else local", function()
    assert.are.same({ "10.0.0.5", false }, { address.source("::ffff:10.0.0.5", "WS01") })
    assert.are.same({ "WS01", true }, { address.source("-", "ws01") })
    assert.are.same({ "WS01", true }, { address.source("127.0.0.1", "WS01") })
    assert.are.same({ "WS01", false }, { address.source(nil, "\\\\ws01") })
    assert.are.same({ "local", true }, { address.source("::1", "-") })
    assert.are.same({ "local", true }, { address.source("-", nil) })
    assert.are.same({ nil, false }, { address.source(nil, nil) })
    assert.are.same({ nil, false }, { address.source("", "") })
  end)

  -- Addresses by value, octet after octet (IPv4's dotted notation, RFC
  -- 791), then names and IPv6 as text; as sort() with before, and so for
  -- a list of thousands.
  it("puts sources in address order, then names", function()
    local ORDER = { "2.0.0.1", "10.0.0.9", "10.0.0.10", "23.94.153.202", "185.220.100.2",
                    "185.220.100.10", "255.255.255.255", "PC07", "fe80::1", "ws01" }
    local shuffled = { "ws01", "185.220.100.10", "fe80::1", "10.0.0.10", "PC07", "2.0.0.1",
                       "255.255.255.255", "185.220.100.2", "23.94.153.202", "10.0.0.9" }
    local by_before = {}
    for i, v in ipairs(shuffled) do by_before[i] = v end
    table.sort(by_before, address.before)
    assert.are.same(ORDER, by_before)
    assert.are.same(ORDER, address.sort(shuffled))
    assert.are.same({}, address.sort({}))
  end)
end)
