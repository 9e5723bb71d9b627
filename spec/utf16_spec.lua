-- UTF-16 to UTF-8 in the core (logonerr.core.utf16, csrc/utf16.c): what
-- logonerr scan and logonerr.events decode UTF-16 text with, no XML library
-- needed.  Expected bytes worked out by hand from the Unicode code points.
local core = require "logonerr.core"

describe("logonerr.core", function()
  describe("utf16", function()
    it("decodes little- and big-endian text, surrogate pairs included", function()
      -- "aé€😀": U+0061, U+00E9, U+20AC, U+1F600 (D83D DE00)
      local le = "a\0\233\0\172\32\61\216\0\222"
      local be = "\0a\0\233\32\172\216\61\222\0"
      local utf8 = "a\195\169\226\130\172\240\159\152\128"
      assert.are.same({ utf8, #le }, { core.utf16(le, false, true) })
      assert.are.same({ utf8, #be }, { core.utf16(be, true, true) })
    end)

    it("keeps an odd byte and a high surrogate for the next piece", function()
      local text, used = core.utf16("a\0\61", false, false)
      assert.are.same({ "a", 2 }, { text, used })
      text, used = core.utf16("a\0\61\216", false, false) -- half a pair
      assert.are.same({ "a", 2 }, { text, used })
      text, used = core.utf16("\61\216\0\222", false, false)
      assert.are.same({ "\240\159\152\128", 4 }, { text, used })
    end)

    it("turns unpaired surrogates into U+FFFD", function()
      local fffd = "\239\191\189"
      assert.are.same({ fffd .. "a", 4 }, { core.utf16("\0\222a\0", false, true) })
      assert.are.same({ fffd .. "a", 4 }, { core.utf16("\61\216a\0", false, true) })
      assert.are.same({ fffd, 2 }, { core.utf16("\61\216", false, true) })
      -- a high surrogate before U+E000 (private use, 3 bytes in UTF-8)
      assert.are.same({ fffd .. "\238\128\128", 4 },
                      { core.utf16("\61\216\0\224", false, true) })
    end)
  end)

  it("lets logonerr scan read UTF-16 text with the events modules missing", function()
    local hidden = { "logonerr.evtx", "logonerr.eventxml", "logonerr.textsource",
                     "logonerr.textfile" }
    local loaded, preload = {}, package.preload["logonerr.evtx"]
    local preload_xml = package.preload["logonerr.eventxml"]
    for _, m in ipairs(hidden) do loaded[m], package.loaded[m] = package.loaded[m], nil end
    package.preload["logonerr.evtx"] = function() error("hidden by the spec") end
    package.preload["logonerr.eventxml"] = function() error("hidden by the spec") end
    local ok, textfile = pcall(require, "logonerr.textfile")
    local path = os.tmpname()
    local f = assert(io.open(path, "wb"))
    f:write("\255\254" .. ("error 1326\n"):gsub(".", "%0\0"))
    f:close()
    f = assert(io.open(path, "rb"))
    local src, why = textfile.open(f)
    local text = src and src:read(4096)
    f:close()
    os.remove(path)
    package.preload["logonerr.evtx"] = preload
    package.preload["logonerr.eventxml"] = preload_xml
    for _, m in ipairs(hidden) do package.loaded[m] = loaded[m] end
    assert.is_true(ok, tostring(textfile))
    assert.is_truthy(src, why)
    assert.are.equal("error 1326\n", text)
  end)
end)
