--- One identity per person, one name per host.  The same account reaches
-- the Security log spelt several ways: `CORP\bob` in 4624/4625,
-- `bob@CORP.LOCAL` in 4769, a realm taken from `krbtgt/CORP.LOCAL` in 4771,
-- bare `bob` in 4776, in any letter case.  A resolver learns which domain
-- spellings are one domain (from records that carry two, from SIDs, and
-- from users seen under a NetBIOS name in one kind of event and a DNS realm
-- in another, never an MIT KDC's realm) and then gives each account one
-- key.  It also tells machine and virtual accounts from people, and names
-- the accounts that Windows and Exchange keep disabled on purpose.
--
--     local ids = identity.new()
--     ids:see("bob", "CORP"); ids:see("bob", "CORP.LOCAL")
--     ids:resolve("BOB", "corp.local")  --> "CORP\bob"
--
-- Pure Lua: no other module.
-- @module logonerr.events.identity

local char, find, gsub, lower, match, sub, upper =
      string.char, string.find, string.gsub, string.lower,
      string.match, string.sub, string.upper
local concat, sort = table.concat, table.sort
local floor, mtype = math.floor, math.type -- luacheck: compat
local huge, tointeger = math.huge, math.tointeger -- luacheck: compat
local format = string.format
local ipairs, pairs, setmetatable, tostring, type =
      ipairs, pairs, setmetatable, tostring, type

local _ENV = nil -- luacheck: ignore 211

local M = {}

----------------------------------------------------------- case folding

-- UTF-8 of a code point (only those below 0x800 are ever produced here).
local function utf8_char(c)
  if c < 0x80 then return char(c) end
  return char(0xC0 + floor(c / 64), 0x80 + c % 64)
end

-- Upper-case code point -> lower-case, for the two-byte letters Windows
-- names are written in (Latin-1, Latin Extended-A, Greek, Cyrillic).
-- Windows compares account names without regard to case in every script;
-- these are the ranges that real directories use.
local function fold_cp(c)
  if c >= 0xC0 and c <= 0xDE and c ~= 0xD7 then return c + 0x20 end
  if c >= 0x100 and c <= 0x17F then
    -- Pairs even/odd, except 0x130-0x13F and 0x149-0x178, which pair odd/even.
    if c == 0x130 or c == 0x131 or c == 0x138 or c == 0x149 or c == 0x17F then return c end
    if c == 0x178 then return 0xFF end
    if (c > 0x138 and c < 0x149) or (c > 0x178) then
      return c % 2 == 1 and c + 1 or c
    end
    return c % 2 == 0 and c + 1 or c
  end
  if c >= 0x391 and c <= 0x3AB and c ~= 0x3A2 then return c + 0x20 end
  -- Greek capitals with tonos.
  if c == 0x386 then return 0x3AC end
  if c >= 0x388 and c <= 0x38A then return c + 0x25 end
  if c == 0x38C then return 0x3CC end
  if c == 0x38E or c == 0x38F then return c + 0x3F end
  if c >= 0x410 and c <= 0x42F then return c + 0x20 end
  if c >= 0x400 and c <= 0x40F then return c + 0x50 end
  return c
end

--- A name with letter case removed, as Windows compares account and host
-- names: ASCII, and the Latin, Greek and Cyrillic letters of two-byte
-- UTF-8.
function M.fold(s)
  if s == nil then return nil end
  s = lower(s)
  if not find(s, "[\195-\211]") then return s end
  return (gsub(s, "([\195-\211])([\128-\191])", function(a, b)
    local c = (a:byte() - 0xC0) * 64 + (b:byte() - 0x80)
    local f = fold_cp(c)
    if f == c then return nil end
    return utf8_char(f)
  end))
end
local fold = M.fold

-------------------------------------------------------------- accounts

-- A field value as text.  A JSON log may give a name or an address as a
-- number, which a decoder may read as a float: 7 is "7", not "7.0".
local function text(v)
  if type(v) ~= "number" then return tostring(v) end
  if mtype and mtype(v) == "integer" then return tostring(v) end
  if v % 1 == 0 and v > -2 ^ 53 and v < 2 ^ 53 then return format("%.0f", v) end
  return format("%.14g", v)
end
M.text = text

-- A JSON log's value as Windows or Samba could have written it: text, or
-- a number as the whole number it is (a JSON library may read 7 as 7.0);
-- nil for what names none: null, an object, a list, true or false, or a
-- number past a double's range (1e400, read as inf).
function M.datum(v)
  local t = type(v)
  if t == "string" then return v end
  if t ~= "number" or v ~= v or v == huge or v == -huge then return nil end
  return tointeger and tointeger(v) or v
end

-- A field value that says something: not nil, "", "-".
local function set(v)
  if v == nil then return nil end
  if type(v) ~= "string" then v = text(v) end
  if v == "" or v == "-" then return nil end
  return v
end

--- The user and the domain of an account as logs write it:
-- `DOMAIN\user`, `user@realm` (a UPN or a Kerberos principal), or a bare
-- name (domain nil).
function M.split(account)
  account = set(account)
  if account == nil then return nil end
  local d, u = match(account, "^(.-)\\(.+)$")
  if d then return u, set(d) end
  u, d = match(account, "^(.-)@([^@]+)$")
  if u and u ~= "" then return u, d end
  return account, nil
end

-- Names of the built-in virtual accounts and the domains virtual accounts
-- live in (Windows writes both in English on every language).
local VIRTUAL_USERS = {
  ["system"] = true, ["local service"] = true, ["network service"] = true,
  ["anonymous logon"] = true, ["local system"] = true, ["iusr"] = true,
}
local VIRTUAL_DOMAINS = {
  ["nt authority"] = true, ["window manager"] = true, ["font driver host"] = true,
  ["nt service"] = true, ["iis apppool"] = true, ["nt virtual machine"] = true,
}

--- What kind of account this is: "machine" (a computer's own account,
-- ending in `$`), "virtual" (SYSTEM, LOCAL SERVICE, NETWORK SERVICE,
-- ANONYMOUS LOGON, the Desktop Window Manager's DWM-n and the Font Driver
-- Host's UMFD-n, service and app-pool accounts), else "user".
-- (of the user and domain case-folded: "" for none)
local function kind_of(u, d)
  if sub(u, -1) == "$" then return "machine" end
  if VIRTUAL_USERS[u] or VIRTUAL_DOMAINS[d] then return "virtual" end
  if match(u, "^dwm%-%d+$") or match(u, "^umfd%-%d+$") then return "virtual" end
  return "user"
end
function M.kind(user, domain)
  return kind_of(fold(set(user) or ""), fold(set(domain) or ""))
end

-- Accounts that exist disabled, by name, and why they are so.
local DISABLED = {
  ["guest"] = "the built-in Guest account, disabled by default",
  ["defaultaccount"] = "the built-in DefaultAccount, disabled by default",
  ["wdagutilityaccount"] = "Windows Defender Application Guard's account, disabled by default",
  ["krbtgt"] = "the KDC's own account, always disabled: no one logs on as krbtgt",
}

--- Why an account is disabled by design, or nil: the built-in Guest,
-- DefaultAccount and WDAGUtilityAccount, krbtgt, and the system mailbox
-- accounts Exchange creates disabled (`SM_` and hex; `$` then six and
-- twelve letters or digits, the name AD gives an object made without one).
function M.disabled_by_design(user)
  local u = fold(set(user) or "")
  if DISABLED[u] then return DISABLED[u] end
  if match(u, "^sm_%x+$") then
    return "an Exchange system mailbox account (SM_), disabled by design"
  end
  if match(u, "^%$%w%w%w%w%w%w%-%w%w%w%w%w%w%w%w%w%w%w%w$") then
    return "an account AD named itself ($xxxxxx-xxxxxxxxxxxx), made disabled by Exchange setup"
  end
  return nil
end

-------------------------------------------------------------- resolver

local R = {}
R.__index = R

--- A new resolver: it learns from what it is shown, then resolves.
function M.new()
  return setmetatable({
    parent = {},     -- folded domain -> folded domain (union-find)
    spelt = {},      -- folded domain -> { spelling = true }
    sid_of = {},     -- domain SID -> folded domain
    users = {},      -- folded user -> { folded domain = true }
    user_spelt = {}, -- folded user -> { spelling = times seen }
    local_dom = {},  -- folded domain -> true: a computer's own accounts
    no_nb = {},      -- folded realm -> true: one that has no NetBIOS name
    votes = nil,     -- set once learning is closed
    hosts = {},      -- folded host name or address -> folded key (union-find)
    host_label = {}, -- folded host -> the spelling first seen
    source_key = {}, source_label = {}, -- source as given -> source(): key, label
    accounts = {},   -- key -> { spelling = true }
    folded = {},     -- name -> fold(name): a log repeats its few names
    computers = {},  -- computer -> folded first label
    resolved = {},   -- user \0 domain -> identity, kind
    labels = {},     -- folded domain at the root of a group -> how it is shown (learn)
  }, R)
end

local function root(parent, x)
  local p = parent[x]
  if p == nil or p == x then return x end
  local r = root(parent, p)
  parent[x] = r
  return r
end

local function union(parent, a, b)
  local ra, rb = root(parent, a), root(parent, b)
  if ra ~= rb then
    if ra < rb then parent[rb] = ra else parent[ra] = rb end
  end
end

local function is_dns(d) return find(d, ".", 1, true) ~= nil end

-- fold(s), remembered.
local function folded(self, s)
  local f = self.folded[s]
  if f == nil then f = fold(s); self.folded[s] = f end
  return f
end

local function note_domain(self, domain)
  local d = folded(self, domain)
  local s = self.spelt[d]
  if s == nil then s = {}; self.spelt[d] = s end
  s[domain] = true
  if self.parent[d] == nil then self.parent[d] = d end
  return d
end

--- Two spellings of one domain, from one record that carries both (4768's
-- TargetDomainName beside its krbtgt/ realm, 4769's TargetDomainName
-- beside the user's @realm).
function R:pair(a, b)
  a, b = set(a), set(b)
  if a == nil or b == nil then return end
  union(self.parent, note_domain(self, a), note_domain(self, b))
  self.votes = nil
end

--- A realm that has no NetBIOS name: an MIT KDC's (that platform has
-- none).  Users seen in it and under a NetBIOS name are namesakes in two
-- realms, so names alone never pair it; a record that carries both still
-- does (pair).
function R:no_netbios(realm)
  realm = set(realm)
  if realm == nil then return end
  self.no_nb[note_domain(self, realm)] = true
  self.votes = nil
end

--- A user seen under a domain (nil when the event names none).  sid: the
-- account's SID (a domain account's SID ties its domain's spellings);
-- computer: the host that logged it (a domain named like that host is the
-- host's own accounts, never paired with a realm); count: how many records
-- said so (1 by default).
function R:see(user, domain, sid, computer, count)
  user, domain = set(user), set(domain)
  if user == nil then return end
  local u = folded(self, user)
  local doms = self.users[u]
  if doms == nil then doms = {}; self.users[u] = doms; self.user_spelt[u] = {} end
  local sp = self.user_spelt[u]
  sp[user] = (sp[user] or 0) + (count or 1)
  if domain == nil then return end
  local d = note_domain(self, domain)
  doms[d] = true
  sid = set(sid)
  local dsid = sid and match(sid, "^(S%-1%-5%-21%-%d+%-%d+%-%d+)%-%d+$")
  if dsid then
    local other = self.sid_of[dsid]
    if other then union(self.parent, other, d) else self.sid_of[dsid] = d end
  end
  computer = set(computer)
  if computer then
    local own = self.computers[computer]
    if own == nil then own = fold(match(computer, "^[^.]+")); self.computers[computer] = own end
    if own == d then self.local_dom[d] = true end
  end
  self.votes = nil
end

-- Pairs from names: a user name seen under exactly one NetBIOS domain and
-- exactly one DNS realm votes for the two being one domain.  The pairs
-- with most votes are joined first, and a domain joins one of the other
-- kind only; a computer's own accounts never join a realm.  Names alone
-- never pair a realm with no NetBIOS name (an MIT KDC's), nor a realm of
-- another first label while one named like the NetBIOS name is known and
-- still free: the users shared there are namesakes, and a join would
-- merge two realms' accounts.
local function learn(self)
  if self.votes then return end
  self.resolved = {}
  local votes = {}
  for _, doms in pairs(self.users) do
    local nb, dns, n_nb, n_dns = nil, nil, 0, 0
    for d in pairs(doms) do
      if is_dns(d) then dns, n_dns = d, n_dns + 1 else nb, n_nb = d, n_nb + 1 end
    end
    if n_nb == 1 and n_dns == 1 and not self.local_dom[nb] and not self.no_nb[dns] then
      local k = nb .. "\0" .. dns
      votes[k] = (votes[k] or 0) + 1
    end
  end
  local has_dns, has_nb = {}, {}
  for r in pairs(self.parent) do
    local top = root(self.parent, r)
    if is_dns(r) then has_dns[top] = true else has_nb[top] = true end
  end
  -- (first labels of the realms that may still get a NetBIOS name)
  local named = {}
  for r in pairs(self.parent) do
    if is_dns(r) and not self.no_nb[r] and not has_nb[root(self.parent, r)] then
      named[match(r, "^[^.]+")] = true
    end
  end
  local list = {}
  for k, n in pairs(votes) do
    local nb, dns = match(k, "^(.-)%z(.*)$")
    -- A realm whose first label is the NetBIOS name is the usual case.
    local same = match(dns, "^[^.]+") == nb
    if same or not named[nb] then
      list[#list + 1] = { nb = nb, dns = dns, w = n + (same and 0.5 or 0) }
    end
  end
  sort(list, function(a, b)
    if a.w ~= b.w then return a.w > b.w end
    if a.nb ~= b.nb then return a.nb < b.nb end
    return a.dns < b.dns
  end)
  for _, p in ipairs(list) do
    local a, b = root(self.parent, p.nb), root(self.parent, p.dns)
    if a ~= b and not has_dns[a] and not has_nb[b] then
      union(self.parent, a, b)
      local top = root(self.parent, a)
      has_dns[top], has_nb[top] = true, true
    end
  end
  -- The name each domain group is shown by: its NetBIOS spelling when it
  -- has one, else its DNS name.  (found once here, not by a look through
  -- every domain for each identity resolved)
  local best = {}
  for d in pairs(self.parent) do
    local top = root(self.parent, d)
    local b = best[top]
    if b == nil or (is_dns(b) and not is_dns(d)) or (is_dns(b) == is_dns(d) and d < b) then
      best[top] = d
    end
  end
  self.labels = best
  self.votes = votes
end

-- The name a domain group is shown by (learn's), upper case.
local function group_label(self, top)
  return upper(self.labels[top] or top)
end

-- How a user name is shown: the spelling seen most (then the first in
-- byte order); names are grouped case-folded, shown as written.
local function user_label(self, u, user)
  local best, n = nil, 0
  for s, c in pairs(self.user_spelt[u] or {}) do
    if c > n or (c == n and s < best) then best, n = s, c end
  end
  return best or user
end

--- The identity of an account: `DOMAIN\user` with the domain's one name
-- (upper case) and the user as it is most often spelt (identities are
-- compared case-folded, so this is one per person); a bare name when no
-- domain is known, or when the user name is seen under several domains
-- that are not one (a bare `Administrator` is not given to any of them).
-- computer: the host that logged a bare name.  A host checks names it
-- logs bare (4776, a 4625 with no domain) against its own accounts, or
-- its domain's: where the user is seen under the host's own name, the
-- bare name is that local account, whatever other hosts have of the
-- same name.  The second value is the account's kind (see kind).
function R:resolve(user, domain, computer)
  user, domain = set(user), set(domain)
  if user == nil then return nil end
  learn(self)
  local own -- (the host's own accounts' domain, where the user is seen under it)
  local u = folded(self, user)
  local doms = self.users[u]
  computer = domain == nil and set(computer) or nil
  if computer and doms then
    own = self.computers[computer]
    if own == nil then own = fold(match(computer, "^[^.]+")); self.computers[computer] = own end
    if not doms[own] then own = nil end
  end
  local ck = user .. "\0" .. (domain or "") .. "\0" .. (own or "")
  local hit = self.resolved[ck]
  if hit then return hit[1], hit[2] end
  local top
  local fd = domain and folded(self, domain)
  if fd then
    top = root(self.parent, fd)
  elseif own then
    top = root(self.parent, own)
  elseif doms then
    for d in pairs(doms) do
      local t = root(self.parent, d)
      if top == nil then top = t elseif top ~= t then top = false; break end
    end
  end
  local name = user_label(self, u, user)
  local key = top and (group_label(self, top) .. "\\" .. name) or name
  local kind = kind_of(u, fd or "")
  self.resolved[ck] = { key, kind }
  return key, kind
end

--- Records a spelling of an account under its identity (for by_account).
function R:spelling(key, spelling)
  if key == nil or spelling == nil then return end
  local s = self.accounts[key]
  if s == nil then s = {}; self.accounts[key] = s end
  s[spelling] = true
end

--- The spellings seen of an identity, sorted.
function R:spellings(key)
  local list = {}
  for s in pairs(self.accounts[key] or {}) do list[#list + 1] = s end
  sort(list)
  return list
end

----------------------------------------------------------------- hosts

--- A host as logs write it, in one form: an IPv4-mapped IPv6 address as
-- IPv4, `\\NAME` as NAME; nil for "-", "" and the loopback "::1".
function M.host(v)
  v = set(v)
  if v == nil then return nil end
  v = gsub(v, "^::[fF][fF][fF][fF]:(%d+%.%d+%.%d+%.%d+)$", "%1")
  v = gsub(v, "^\\\\", "")
  return v
end

--- A network address and a workstation name that one record gives for
-- the same client (4625's IpAddress and WorkstationName): from then on
-- the two are one source, shown by the address.
function R:host_pair(address, name)
  address, name = M.host(address), M.host(name)
  if address == nil or name == nil then return end
  if address == "127.0.0.1" or address == "::1" then return end
  local a, n = fold(address), fold(name)
  self.host_label[a] = self.host_label[a] or address
  self.host_label[n] = self.host_label[n] or name
  if self.hosts[a] == nil then self.hosts[a] = a end
  if self.hosts[n] == nil then self.hosts[n] = n end
  -- The address is the root: a name joins it.
  local ra, rn = root(self.hosts, a), root(self.hosts, n)
  if ra ~= rn then self.hosts[rn] = ra end
  self.source_key, self.source_label = {}, {}
end

--- The one key of a source (address or name) and how it is shown.
-- (remembered for each text until a pair is learnt: a log names its few
-- sources in thousands of shapes)
function R:source(v)
  local key = self.source_key[v]
  if key then return key, self.source_label[v] end
  local given = v
  v = M.host(v)
  if v == nil then return nil end
  local k = fold(v)
  if self.hosts[k] == nil then
    self.host_label[k] = self.host_label[k] or v
    key = k
  else
    key = root(self.hosts, k)
  end
  local label = self.host_label[key] or v
  if type(given) == "string" then self.source_key[given], self.source_label[given] = key, label end
  return key, label
end

--- The domains learnt to be one, as lists of spellings (for reports and
-- specs): { {"CORP", "corp.local"}, ... }, sorted.
function R:domains()
  learn(self)
  local groups = {}
  for d in pairs(self.parent) do
    local top = root(self.parent, d)
    local g = groups[top]
    if g == nil then g = {}; groups[top] = g end
    for s in pairs(self.spelt[d] or {}) do g[#g + 1] = s end
  end
  local list = {}
  for _, g in pairs(groups) do
    sort(g)
    list[#list + 1] = g
  end
  sort(list, function(a, b) return concat(a, "\0") < concat(b, "\0") end)
  return list
end

M.set = set

return M
