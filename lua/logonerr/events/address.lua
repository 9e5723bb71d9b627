--- Where an attempt came from, as the Security log writes it: IP
-- addresses (IPv4-mapped IPv6 written as the IPv4 it carries, RFC 4291
-- 2.5.5.2), the marks of a local attempt, and workstation names, which
-- Windows compares without regard to case.
-- @module logonerr.events.address

local memo = require "logonerr.events.memo"
local text = require("logonerr.events.identity").text

local ipairs, match, lower, upper, gsub, tonumber, type =
      ipairs, string.match, string.lower, string.upper, string.gsub, tonumber, type
local floor, format = math.floor, string.format
local byte, sub, sort = string.byte, string.sub, table.sort

local _ENV = nil -- luacheck: ignore 211

local M = {}

-- What Windows writes for an attempt made on the machine itself.
local LOCAL = { ["-"] = true, ["::1"] = true, ["127.0.0.1"] = true }

local function trimmed(v)
  if v == nil then return nil end
  if type(v) ~= "string" then v = text(v) end -- (7, not 7.0)
  v = match(v, "^%s*(.-)%s*$")
  if v == "" then return nil end
  return v
end

-- An IPv4 address's four numbers (each of 1 to 3 digits, at most 255), or
-- nothing.  (No table for them: a spray's every address comes here.)
local OCTETS = "^(%d%d?%d?)%.(%d%d?%d?)%.(%d%d?%d?)%.(%d%d?%d?)$"
local function octets(s)
  local a, b, c, d = match(s, OCTETS)
  if not a then return nil end
  a, b, c, d = tonumber(a), tonumber(b), tonumber(c), tonumber(d)
  if a > 255 or b > 255 or c > 255 or d > 255 then return nil end
  return a, b, c, d
end

local function ipv4(s)
  if octets(s) then return s end
  return nil
end

--- An address as the log gives it, IPv4-mapped IPv6 (`::ffff:10.0.0.5`,
-- written in full or not) as the IPv4 address, other IPv6 in lower case;
-- nil for nothing, `-` included.
M.ip = memo.one(function(v)
  v = trimmed(v)
  if v == nil or v == "-" then return nil end
  local low = lower(v)
  local mapped = match(low, "^::ffff:(.+)$") or match(low, "^0:0:0:0:0:ffff:(.+)$")
  if mapped and ipv4(mapped) then return mapped end
  if match(low, "^[%x:]+$") and match(low, ":") then return low end
  return v
end)

--- Logon types that come over the network (network, network cleartext):
-- their address `-` is one Windows did not learn, not the machine's own.
M.OVER_NETWORK = { [3] = true, [8] = true }

--- Is this address one Windows writes for an attempt made locally
-- (`-`, `::1`, `127.0.0.1`)?
M.is_local = memo.one(function(v)
  v = trimmed(v)
  return v ~= nil and LOCAL[lower(v)] == true
end)

-- The IPv4 blocks that are not the internet's (IANA's special-purpose
-- registry, RFC 6890): this network, private (RFC 1918), shared (carrier
-- NAT, RFC 6598), loopback, link-local, IETF protocol assignments, the
-- three documentation blocks, benchmarking, multicast and reserved.  Each
-- as its first octet, and the range of the second for that octet.
local NOT_PUBLIC = {
  [0] = { 0, 255 }, [10] = { 0, 255 }, [127] = { 0, 255 },
  [100] = { 64, 127 }, [169] = { 254, 254 }, [172] = { 16, 31 }, [192] = { 168, 168 },
  [198] = { 18, 19 },
}
-- (and three /24s)
local NOT_PUBLIC_24 = { ["192.0.0"] = true, ["192.0.2"] = true, ["198.51.100"] = true,
                        ["203.0.113"] = true }

--- Is this address (as ip() gives it) an IPv4 address of the internet, not
-- one of the blocks above?  IPv6 is never said to be: a network that uses
-- it inside uses global addresses there, and only its own prefixes would
-- tell its hosts from the internet's.
M.is_public = memo.one(function(v)
  v = M.ip(v) -- (an IPv4-mapped IPv6 address, in any of its forms, as IPv4)
  if type(v) ~= "string" or not ipv4(v) then return false end
  local a, b, c = match(v, "^(%d+)%.(%d+)%.(%d+)%.")
  a, b = tonumber(a), tonumber(b)
  if a >= 224 then return false end -- (multicast, reserved, broadcast)
  local r = NOT_PUBLIC[a]
  if r and b >= r[1] and b <= r[2] then return false end
  return not NOT_PUBLIC_24[a .. "." .. b .. "." .. tonumber(c)]
end)

-- An IPv4 address's value, a number from 0 to 2^32 - 1.
local function value(v)
  local a, b, c, d = match(v, "^(%d+)%.(%d+)%.(%d+)%.(%d+)$")
  return ((tonumber(a) * 256 + tonumber(b)) * 256 + tonumber(c)) * 256 + tonumber(d)
end

--- Sources in address order, for sort: IPv4 addresses by value
-- (185.220.101.2 before 185.220.101.10), then the rest (names, IPv6) as
-- text.
function M.before(a, b)
  local x, y = ipv4(a) and value(a), ipv4(b) and value(b)
  if x and y and x ~= y then return x < y end
  if (x == nil) ~= (y == nil) then return x ~= nil end
  return a < b
end

--- A text whose order is before's: "0", an IPv4 address's value in hex,
-- the address; "1" and anything else.
function M.order_key(s)
  local a, b, c, d = octets(s)
  if a then return format("0%02x%02x%02x%02x", a, b, c, d) .. s end
  return "1" .. s
end

--- A list of sources in address order (before's), in place: each made
-- its order_key once and the keys sorted as text, where sort(list,
-- before) reads both addresses of every pair it compares (30,000 sources
-- of a spray: seconds).
function M.sort(list)
  for i = 1, #list do list[i] = M.order_key(list[i]) end
  sort(list)
  for i = 1, #list do
    local k = list[i]
    list[i] = sub(k, byte(k) == 48 and 10 or 2) -- ("0": an address's key)
  end
  return list
end

--- An IPv4 block, written as CIDR (`198.51.100.0/24`, or an address alone
-- for its /32), as the first and last values it holds; nil and why for
-- anything else.  IPv6 is refused: is_public never takes it for the
-- internet, so no block of it is needed.
function M.block(s)
  if type(s) ~= "string" then return nil, "an IPv4 block expected, got " .. type(s) end
  local a, n = match(s, "^%s*([^/%s]+)/(%d+)%s*$")
  if a == nil then a, n = match(s, "^%s*([^/%s]+)%s*$"), "32" end
  n = tonumber(n)
  if a ~= nil and match(a, ":") then
    return nil, "'" .. s .. "' is IPv6: only IPv4 addresses are taken for the internet"
  end
  if a == nil or not ipv4(a) or n == nil or n > 32 then
    return nil, "'" .. s .. "' is not an IPv4 block such as 198.51.100.0/24"
  end
  -- (0 first: octal to inet_aton and some tools, decimal to others)
  if match("." .. a, "%.0%d") then
    return nil, "'" .. s .. "' has a number with a leading zero: write 10.0.0.0, not 010.000.0.0"
  end
  -- (no network owns more than a /8; /0 would hide the whole internet)
  if n < 8 then
    return nil, "'" .. s .. "' is wider than any network's own block (at most a /8)"
  end
  local size = 2 ^ (32 - n)
  local first = value(a)
  if first % size ~= 0 then -- (which was meant: the block, or the address?)
    local base = first - first % size
    return nil, "'" .. s .. "' names an address inside its block: write the block as " ..
                format("%d.%d.%d.%d/%d", floor(base / 16777216), floor(base / 65536) % 256,
                       floor(base / 256) % 256, base % 256, n)
  end
  return { first = first, last = first + size - 1, text = a .. "/" .. n }
end

--- Is the source v (as records give them) an IPv4 address in block b
-- (M.block's)?
function M.in_block(b, v)
  local ip = v and M.ip(v)
  if ip == nil or not ipv4(ip) then return false end
  local x = value(ip)
  return x >= b.first and x <= b.last
end

--- A test of an address, as is_public, that also says no to the addresses
-- of blocks (M.block's): a network's own public blocks.  is_public itself
-- where there are none.
function M.public_but(blocks)
  if blocks == nil or #blocks == 0 then return M.is_public end
  return memo.one(function(v)
    if not M.is_public(v) then return false end
    local x = value(M.ip(v))
    for _, b in ipairs(blocks) do
      if x >= b.first and x <= b.last then return false end
    end
    return true
  end)
end

--- A workstation name in one spelling: without the `\\` some events put
-- before it, in upper case as NetBIOS names are; nil for nothing or `-`.
M.workstation = memo.one(function(v)
  v = trimmed(v)
  if v == nil then return nil end
  v = gsub(v, "^\\\\+", "")
  if v == "" or v == "-" then return nil end
  return upper(v)
end)

--- The source of an attempt: the remote address; else the workstation
-- name; else "local" when the address says the attempt was local; else
-- nil.  The second value says whether the address was a local one.
function M.source(ip, workstation)
  local loc = M.is_local(ip)
  local addr = not loc and M.ip(ip) or nil
  if addr then return addr, false end
  local ws = M.workstation(workstation)
  if ws then return ws, loc end
  if loc then return "local", true end
  return nil, false
end

return M
