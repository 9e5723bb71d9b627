-- logonerr.archive: gzip and zip read in place, a member's bytes in
-- pieces.  The archives are made by gzip, python3's zipfile and zip (the
-- reference writers); what is read must be the bytes that went in.
local run = require "support.run"
local ok, archive = pcall(require, "logonerr.archive")

local SAMPLE = "spec/fixtures/evtx/mitre-4771-kerberos-bf-valid-user.evtx"
local OTHER = "spec/fixtures/evtx/mitre-4625-account-restriction.evtx"

local slurp, spit = run.read, run.write

local function sh(cmd)
  assert(run.ok(run.PLAIN .. "sh -c '" .. cmd:gsub("'", "'\\''") .. "'"), cmd)
end

-- Everything a stream gives, the pieces' sizes, and the error if any.
local function drain(stream, n)
  local parts, sizes = {}, {}
  while true do
    local s, err = stream:read(n)
    if s == nil then return table.concat(parts), sizes, err end
    parts[#parts + 1] = s
    sizes[#sizes + 1] = #s
  end
end

describe("logonerr.archive", function()
  if not ok then
    pending("logonerr.archive is not built (zlib1g-dev, libzip-dev)")
    return
  end
  local dir
  setup(function()
    dir = os.tmpname()
    os.remove(dir)
    sh("mkdir -p " .. dir)
  end)
  teardown(function() sh("rm -rf " .. dir) end)

  it("tells gzip and zip from their first bytes, and nothing else", function()
    sh("gzip -c " .. SAMPLE .. " > " .. dir .. "/k.gz")
    sh("cd " .. dir .. " && python3 -c 'import zipfile; zipfile.ZipFile(\"k.zip\", \"w\").close()'")
    assert.equal("gzip", archive.kind(slurp(dir .. "/k.gz"):sub(1, 8)))
    assert.equal("zip", archive.kind(slurp(dir .. "/k.zip"))) -- an empty zip
    assert.is_nil(archive.kind(slurp(SAMPLE):sub(1, 8)))
    assert.is_nil(archive.kind("\31"))
    assert.is_nil(archive.kind(""))
    for _, head in ipairs({ "\31\0", "PX\3\4", "PK\3\5", "PK\5\7", "PK\7\8", "PK\3" }) do
      assert.is_nil(archive.kind(head), head)
    end
  end)

  describe("gzip", function()
    it("gives the bytes gzip compressed, a piece at a time", function()
      local want = slurp(SAMPLE)
      sh("gzip -9 -c " .. SAMPLE .. " > " .. dir .. "/a.gz")
      local s = assert(archive.gzip(dir .. "/a.gz"))
      local got, sizes, err = drain(s, 4096)
      s:close()
      assert.is_nil(err)
      assert.equal(#want, #got)
      assert.is_true(want == got)
      assert.is_true(#sizes >= #want / 4096) -- never more than asked
      for _, n in ipairs(sizes) do assert.is_true(n <= 4096) end
    end)

    it("gives at least one byte and at most 16 MiB a read", function()
      local s = assert(archive.gzip(dir .. "/a.gz"))
      assert.equal(slurp(SAMPLE):sub(1, 1), s:read(0))
      assert.equal(slurp(SAMPLE):sub(2), s:read(1e12))
      assert.is_nil(s:read())
      s:close()
    end)

    it("reads members written one after another as one stream", function()
      sh("gzip -c " .. SAMPLE .. " > " .. dir .. "/two.gz && gzip -c " .. OTHER ..
         " >> " .. dir .. "/two.gz")
      local s = assert(archive.gzip(dir .. "/two.gz"))
      local got, _, err = drain(s)
      assert.is_nil(err)
      assert.is_true(slurp(SAMPLE) .. slurp(OTHER) == got)
    end)

    it("says a file cut short is truncated, after the bytes it holds", function()
      local gz = slurp(dir .. "/a.gz")
      spit(dir .. "/cut.gz", gz:sub(1, math.floor(#gz / 2)))
      local s = assert(archive.gzip(dir .. "/cut.gz"))
      local got, _, err = drain(s)
      assert.matches("truncated", err)
      assert.is_true(#got > 0 and got == slurp(SAMPLE):sub(1, #got))
    end)

    it("says damaged data is damaged", function()
      local gz = slurp(dir .. "/a.gz")
      local mid = math.floor(#gz / 2)
      spit(dir .. "/bad.gz", gz:sub(1, mid - 1) .. string.char((gz:byte(mid) + 77) % 256) ..
                           gz:sub(mid + 1))
      local s = assert(archive.gzip(dir .. "/bad.gz"))
      local _, _, err = drain(s)
      assert.matches("damaged gzip data", err)
    end)

    it("says a gzip whose CRC or length does not match its bytes is damaged", function()
      -- The trailer (RFC 1952): CRC-32, then the length, each 4 bytes.
      local gz = slurp(dir .. "/a.gz")
      local function flip(at) -- the byte at (from the end) changed
        local k = #gz - at + 1
        return gz:sub(1, k - 1) .. string.char((gz:byte(k) + 1) % 256) .. gz:sub(k + 1)
      end
      for name, case in pairs({ ["crc.gz"] = { 8, "incorrect data check" },
                                ["len.gz"] = { 4, "incorrect length check" } }) do
        spit(dir .. "/" .. name, flip(case[1]))
        local s = assert(archive.gzip(dir .. "/" .. name))
        local _, _, err = drain(s)
        s:close()
        assert.are.equal("damaged gzip data: " .. dir .. "/" .. name .. ": " .. case[2], err)
      end
    end)

    it("reads an empty gzip as no bytes, and says a directory is one", function()
      sh("printf '' | gzip -c > " .. dir .. "/empty.gz")
      local s = assert(archive.gzip(dir .. "/empty.gz"))
      assert.are.same({ nil, nil }, { s:read() })
      s:close()
      sh("mkdir -p " .. dir .. "/d.gz")
      s = assert(archive.gzip(dir .. "/d.gz"))
      local got, _, err = drain(s)
      assert.are.equal("", got)
      assert.are.equal("damaged gzip data: " .. dir .. "/d.gz: Is a directory", err)
    end)

    it("gives a file that is not gzip as it is (zlib reads it through)", function()
      -- (logonerr events asks archive.kind first: such a file is not taken
      -- for an archive.)
      local s = assert(archive.gzip(SAMPLE))
      local got, _, err = drain(s)
      assert.is_nil(err)
      assert.is_true(got == slurp(SAMPLE))
    end)

    it("names a file it cannot open", function()
      local s, err = archive.gzip(dir .. "/none.gz")
      assert.is_nil(s)
      assert.matches("none.gz: cannot open", err, 1, true)
    end)

    it("refuses to read a closed stream", function()
      local s = assert(archive.gzip(dir .. "/a.gz"))
      s:close()
      s:close() -- twice is harmless
      local done, err = pcall(s.read, s)
      assert.is_false(done)
      assert.matches("the stream is closed", err, 1, true)
    end)
  end)

  describe("zip", function()
    setup(function()
      -- A directory entry, a deflated member and a stored one.
      sh("cd " .. dir .. " && cp " .. os.getenv("PWD") .. "/" .. SAMPLE .. " k.evtx && cp " ..
         os.getenv("PWD") .. "/" .. OTHER .. " r.evtx && python3 -c '" ..
         "import zipfile\n" ..
         "z = zipfile.ZipFile(\"set.zip\", \"w\")\n" ..
         "z.writestr(zipfile.ZipInfo(\"logs/\"), \"\")\n" ..
         "z.write(\"k.evtx\", \"logs/k.evtx\", zipfile.ZIP_DEFLATED)\n" ..
         "z.write(\"r.evtx\", \"logs/r.evtx\", zipfile.ZIP_STORED)\n" ..
         "z.close()'")
    end)

    it("lists the members that hold bytes, in order, with their sizes", function()
      local z = assert(archive.zip(dir .. "/set.zip"))
      assert.are.same({
        { index = 2, name = "logs/k.evtx", size = #slurp(SAMPLE) },
        { index = 3, name = "logs/r.evtx", size = #slurp(OTHER) },
      }, z:members())
      z:close()
    end)

    it("gives each member's bytes, deflated or stored", function()
      local z = assert(archive.zip(dir .. "/set.zip"))
      for _, m in ipairs(z:members()) do
        local s = assert(z:open(m.index))
        local got, _, err = drain(s, 1000)
        s:close()
        assert.is_nil(err)
        assert.is_true(got == slurp(m.name:find("k.evtx") and SAMPLE or OTHER), m.name)
      end
      z:close()
    end)

    it("keeps a member readable after its zip is closed", function()
      local z = assert(archive.zip(dir .. "/set.zip"))
      local s = assert(z:open(2))
      z:close()
      collectgarbage()
      local got = drain(s)
      assert.is_true(got == slurp(SAMPLE))
      local done, err = pcall(z.members, z)
      assert.is_false(done)
      assert.matches("the zip is closed", err, 1, true)
    end)

    it("says a member whose bytes do not match their CRC is damaged", function()
      local zip = slurp(dir .. "/set.zip")
      -- The stored member's bytes are in the file as they are: change one.
      local at = zip:find(slurp(OTHER):sub(2000, 2040), 1, true)
      spit(dir .. "/crc.zip", zip:sub(1, at - 1) .. "X" .. zip:sub(at + 1))
      local z = assert(archive.zip(dir .. "/crc.zip"))
      local s = assert(z:open(3))
      local _, _, err = drain(s)
      assert.matches("damaged zip member: CRC error", err, 1, true)
    end)

    it("says a member needs a password", function()
      sh("cd " .. dir .. " && rm -f p.zip && zip -q -P secret p.zip k.evtx")
      local z = assert(archive.zip(dir .. "/p.zip"))
      local s, err = z:open(1)
      assert.is_nil(s)
      assert.matches("member 1: cannot read the member: No password provided", err, 1, true)
    end)

    it("refuses a cut zip and a file that is no zip, naming them", function()
      local zip = slurp(dir .. "/set.zip")
      spit(dir .. "/cut.zip", zip:sub(1, #zip - 30))
      for _, name in ipairs({ "cut.zip", "a.gz", "none.zip" }) do
        local z, err = archive.zip(dir .. "/" .. name)
        assert.is_nil(z)
        assert.matches(name .. ": not a readable zip file: ", err, 1, true)
      end
    end)

    it("lists a member whose name is empty", function()
      sh("cd " .. dir .. " && python3 -c 'import zipfile\n" ..
         "z = zipfile.ZipFile(\"n.zip\", \"w\")\nz.writestr(zipfile.ZipInfo(\"\"), \"abc\")\n" ..
         "z.close()'")
      local z = assert(archive.zip(dir .. "/n.zip"))
      assert.are.same({ { index = 1, name = "", size = 3 } }, z:members())
      assert.are.equal("abc", drain(assert(z:open(1))))
      z:close()
    end)

    it("lists no member in an empty zip, and opens none", function()
      sh("cd " .. dir .. " && python3 -c 'import zipfile\n" ..
         "zipfile.ZipFile(\"e.zip\", \"w\").close()'")
      local z = assert(archive.zip(dir .. "/e.zip"))
      assert.are.same({}, z:members())
      assert.are.same({ nil, "member 1: no such member" }, { z:open(1) })
      z:close()
    end)

    it("gives the bytes of a member that says it is bigger, then says so", function()
      -- A stored member of 1000 bytes whose local and central headers say
      -- 5000 ([APPNOTE] 4.3.7 and 4.3.12: sizes at offsets 22 and 24).
      sh("cd " .. dir .. " && python3 -c 'import zipfile\n" ..
         "z = zipfile.ZipFile(\"big.zip\", \"w\")\n" ..
         "z.writestr(\"a.evtx\", b\"x\" * 1000)\nz.close()'")
      local zip = slurp(dir .. "/big.zip")
      local five = "\136\19\0\0" -- 5000
      local l, c = zip:find("PK\3\4", 1, true), zip:find("PK\1\2", 1, true)
      zip = zip:sub(1, l + 21) .. five .. zip:sub(l + 26, c + 23) .. five .. zip:sub(c + 28)
      spit(dir .. "/big.zip", zip)
      local z = assert(archive.zip(dir .. "/big.zip"))
      assert.are.equal(5000, z:members()[1].size)
      local s = assert(z:open(1))
      local got, _, err = drain(s, 100)
      assert.are.equal(("x"):rep(1000), got)
      assert.are.equal("damaged zip member: Zip archive inconsistent", err)
      z:close()
    end)

    it("refuses members out of range", function()
      local z = assert(archive.zip(dir .. "/set.zip"))
      for _, i in ipairs({ 0, 4, -1 }) do
        local s, err = z:open(i)
        assert.is_nil(s)
        assert.equal("member " .. i .. ": no such member", err)
      end
    end)
  end)
end)
