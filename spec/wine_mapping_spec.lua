-- Every NTSTATUS -> Win32 link, checked against Wine's own ntdll: a probe
-- cross-compiled with mingw-w64 calls RtlNtStatusToDosError under Wine.
local logonerr = require "logonerr"

local sh_ok = require("support.run").ok
local PLAIN = require("support.run").PLAIN

local function have(cmd)
  return sh_ok("command -v " .. cmd .. " >/dev/null 2>&1")
end

local PROBE = [[
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
typedef ULONG (WINAPI *rtl_fn)(LONG);
int main(int argc, char **argv) {
  rtl_fn f = (rtl_fn)(void (*)(void))GetProcAddress(
      GetModuleHandleA("ntdll.dll"), "RtlNtStatusToDosError");
  int i;
  if (!f) return 2;
  for (i = 1; i < argc; i++) {
    unsigned long s = strtoul(argv[i], NULL, 16);
    printf("%08lX %lu\n", s, (unsigned long)f((LONG)s));
  }
  return 0;
}
]]

describe("NTSTATUS to Win32 mapping", function()
  local cc, wine = "x86_64-w64-mingw32-gcc", "wine"
  if not (have(cc) and have(wine)) then
    pending("needs " .. cc .. " and " .. wine .. " (make deps installs them)")
    return
  end

  it("agrees with Wine's RtlNtStatusToDosError for every status", function()
    local dir = os.tmpname()
    os.remove(dir)
    assert.is_true(sh_ok("mkdir -p " .. dir))
    local f = assert(io.open(dir .. "/probe.c", "w"))
    f:write(PROBE)
    f:close()
    assert.is_true(sh_ok(PLAIN .. cc .. " -O1 -o " .. dir .. "/probe.exe " ..
                          dir .. "/probe.c"))
    local args = {}
    for _, e in ipairs(logonerr.errors) do
      if e.namespace == "ntstatus" then args[#args + 1] = ("%08X"):format(e.code) end
    end
    local p = assert(io.popen(PLAIN .. "WINEDEBUG=-all WINEPREFIX=" .. dir ..
      "/prefix timeout 300 wine " .. dir .. "/probe.exe " ..
      table.concat(args, " ") .. " 2>/dev/null"))
    local got = {}
    for status, w in p:read("*a"):gmatch("(%x+) (%d+)") do
      got[tonumber(status, 16)] = tonumber(w)
    end
    p:close()
    os.execute("rm -rf " .. dir)
    local ERROR_MR_MID_NOT_FOUND = 317
    for _, e in ipairs(logonerr.errors) do
      if e.namespace == "ntstatus" then
        local w = got[e.code]
        assert.is_not_nil(w, ("Wine gave no answer for %s"):format(e.name))
        if w == ERROR_MR_MID_NOT_FOUND then
          assert.is_nil(e.win32, e.name)
        elseif w > 0xFFFF then
          -- some statuses map to an HRESULT, such as 0xC00002EE to
          -- SEC_E_UNFINISHED_CONTEXT_DELETED (0x80090333): no Win32 twin,
          -- but the HRESULT is catalogued and related
          assert.is_nil(e.win32, e.name)
          local h = logonerr.lookup(w, "hresult")
          assert.is_truthy(h, ("%s maps to 0x%X"):format(e.name, w))
          local linked = false
          for _, r in ipairs(e.related) do linked = linked or r == h end
          assert.is_true(linked, e.name .. " should be related to " .. h.name)
        else
          assert.is_not_nil(e.win32, e.name .. " should map to " .. w)
          assert.are.equal(w, e.win32.code, e.name)
        end
      end
    end
  end)
end)
