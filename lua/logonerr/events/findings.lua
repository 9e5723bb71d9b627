--- What a set of Security events says an incident responder should act
-- on: findings with a severity and a reading (attacker or stale
-- credential), the accounts as identities (one per person, whatever the
-- spelling), the sources as one name per host, and a logon summary per
-- identity.  Triage feeds it records one at a time and asks for the
-- result at the end: identities can only be resolved once every spelling
-- has been seen.
--
-- One attempt that two machines logged (a 4625 on a server and the DC's
-- 4776 or 4771 for the same identity, source and second) is one attempt.
-- @module logonerr.events.findings

local address = require "logonerr.events.address"
local identity = require "logonerr.events.identity"
local memo = require "logonerr.events.memo"
local plain = require "logonerr.events.plain"
local rules = require "logonerr.events.rules"
local schema = require "logonerr.events.schema"
local time = require "logonerr.events.time"

local floor, math_abs, math_max, math_min = math.floor, math.abs, math.max, math.min
local assert, getmetatable, ipairs, next, pairs, setmetatable, tonumber, tostring, type =
      assert, getmetatable, ipairs, next, pairs, setmetatable, tonumber, tostring, type
local find, format, gmatch, gsub, lower, match, sub, upper =
      string.find, string.format, string.gmatch, string.gsub, string.lower, string.match,
      string.sub, string.upper
local concat, sort, table_insert = table.concat, table.sort, table.insert
local unpack = table.unpack or rawget(_G, "unpack") -- luacheck: compat

local _ENV = nil -- luacheck: ignore 211

local M = {}

--- The data fields the findings read from a record (its data is d below), beside
-- those the schema names: a triage's EVTX reading leaves the others out.
M.DATA = { "AuditPolicyChanges", "IpAddress", "LogonProcessName", "PreAuthType", "ProcessId",
           "ProcessName", "ServiceName", "SubcategoryGuid", "SubjectDomainName",
           "SubjectLogonId", "SubjectUserName", "TargetDomainName",
           "TargetServerName", "TargetSid", "TargetUserName", "TargetUserSid",
           "TicketEncryptionType", "Workstation", "WorkstationName" }

-- Per record: remembered per text (a log repeats a few accounts and hosts).
local split, host = memo.two(identity.split), memo.one(identity.host)
-- A host name's first label, case-folded (an address's first number).
local first_label = memo.one(function(name) return identity.fold(match(name, "^[^.]+")) end)

-- How the logon summary names events that have no logon type.
local VIA = { tgt = "Kerberos TGT", service_ticket = "Kerberos service ticket",
              preauth = "Kerberos pre-authentication", ntlm = "NTLM validation" }

-- The kind of failure a code means.
local NT = {
  [0xC000006A] = "bad_password", [0xC0000064] = "unknown_user",
  [0xC0000234] = "lockout", [0xC0000072] = "disabled",
  [0xC0000193] = "expired", [0xC0000071] = "expired", [0xC0000224] = "expired",
  [0xC0000133] = "clock_skew",
  -- a restriction on the account refused the logon (after the password,
  -- but for Kerberos's logon hours and computers)
  [0xC000006E] = "restricted", [0xC000006F] = "restricted", [0xC0000070] = "restricted",
  [0xC000015B] = "restricted",
}
local KRB = {
  [0x18] = "bad_password", [0x6] = "unknown_user", [0x12] = "revoked",
  [0x17] = "expired", [0x25] = "clock_skew",
  [0x1] = "expired", -- KDC_ERR_NAME_EXP: the account itself has expired
}
-- The finding each failure class of one kind leads to.
local SINGLE = {
  { "lockout", "lockout" }, { "revoked", "account_revoked" }, { "disabled", "disabled_account" },
  { "expired", "expired_account" }, { "restricted", "account_restricted" },
  { "clock_skew", "clock_skew" },
}
local THRESHOLD = { lockout = "lockout", revoked = "revoked", disabled = "disabled",
                    expired = "expired", restricted = "restricted",
                    clock_skew = "clock_skew" }
-- Why a success after failures reads as an attack, by the reason that
-- tells most: its source failed for other accounts, the failures came
-- faster than a person types, its source sent failures naming no account
-- at a tool's pace, or there were more than a person retypes.
local AFTER_WHY = { "after_others", "after_burst", "after_unnamed", "after_count" }
-- The findings whose advice is about "the source" of failed logons: where
-- their records name none, how to find the client comes first.
local FIND_CLIENT_FIRST = { password_guessing = true, password_spray = true,
                            disabled_account = true, account_revoked = true,
                            expired_account = true, account_restricted = true }
-- Logon types a person logs on with, which UAC logs twice for an
-- administrator (the full token and the filtered one): interactive,
-- unlock, remote interactive, and their cached forms.
local UAC_TYPES = { [2] = true, [7] = true, [10] = true, [11] = true, [12] = true, [13] = true }
-- Logon types whose success means someone is in: interactive, network,
-- network cleartext (IIS basic auth, Exchange's Outlook on the web and
-- ActiveSync: where a spray from the internet gets its hit), remote
-- interactive.
local LOGGED_ON = { [2] = true, [3] = true, [8] = true, [10] = true }
-- Is a 4768's ticket, for service svc, a TGT (krbtgt, or no service
-- named)?  An AS request for kadmin/changepw is made with an expired
-- password, to change it: no logon.
-- (remembered: a DC logs a 4768 for each logon)
local a_tgt = memo.one(function(svc)
  return svc == nil or find(lower(svc), "^krbtgt") ~= nil
end)
-- The logon IDs every service and task of their account shares (SYSTEM,
-- NETWORK SERVICE, LOCAL SERVICE): no one session to follow.
local SHARED_LOGONS = { ["0x3e7"] = "SYSTEM", ["0x3e4"] = "NETWORK SERVICE",
                        ["0x3e5"] = "LOCAL SERVICE" }
-- What unnamed_tool counts failures that name no account in (seconds).
local MINUTE = 60
-- Seconds apart that two hosts' records of one try may be: the member
-- server's 4625 and the DC's 4776 behind it, their clocks a little off.
local SAME_TRY = 5
-- Clients whose clocks a finding of clock skew names from which the
-- domain controller's clock is the likelier one off.
local SKEWED_MANY = 3
-- Service ticket encryption types a password can be cracked from
-- (MS-KILE: 0x17 rc4-hmac, 0x18 rc4-hmac-exp, 0x1 des-cbc-crc, 0x3 des-cbc-md5).
local ROASTABLE = { [0x17] = true, [0x18] = true, [0x1] = true, [0x3] = true }

local function number(v)
  if v == nil then return nil end
  v = tostring(v)
  local hex = match(v, "^%s*0[xX](%x+)%s*$")
  if hex then return tonumber(hex, 16) end
  return tonumber(match(v, "^%s*(%d+)%s*$") or "")
end

local function class_of(rec, role)
  if role == "lockout" then return "lockout" end
  local c = rec.code
  if c == nil or not rec.failed then return nil end
  if c.namespace == "kerberos" then return KRB[c.code] end
  return NT[c.code]
end

local function is_loopback(v)
  return v == "127.0.0.1" or v == "::1"
end

-- Processes on the logging host that log on for someone elsewhere or
-- in front of it, not on their own account: the logon screen (console,
-- RDP) and UAC's credential prompt, where a person types; and the front
-- ends that pass on a remote client's logon (IIS, so OWA and ADFS's
-- forms; Exchange; ADFS itself).
local SCREEN = { "\\winlogon%.exe$", "\\logonui%.exe$", "\\consent%.exe$" }
local WEB = { "\\w3wp%.exe$", "\\msexchange[^\\]*%.exe$",
              "\\microsoft%.identityserver[^\\]*%.exe$" }
local FRONT = {}
for _, f in ipairs(WEB) do FRONT[#FRONT + 1] = f end
for _, f in ipairs(SCREEN) do FRONT[#FRONT + 1] = f end
local function one_of(list, p)
  p = "\\" .. lower(p)
  for _, f in ipairs(list) do
    if find(p, f) then return true end
  end
  return false
end
local function for_someone(p) return one_of(FRONT, p) end
-- Process p as written where it is one of those, else nil (remembered: a
-- front end logs on its users by the thousand).
local front_of = memo.one(function(p)
  p = tostring(p)
  if for_someone(p) then return p end
  return nil
end)
-- Logon types a program on the host asks for on its own: interactive
-- (LogonUser), batch (a task), service, unlock, new credentials (runas
-- /netonly), cached.  Not network (3, a share of its own or a client's),
-- network cleartext (8, IIS basic auth: a client's), remote interactive.
local LOCAL_TYPES = { [2] = true, [4] = true, [5] = true, [7] = true, [9] = true, [11] = true }

-- A process that a system or installed program runs (Sigma's reading of
-- 4648: those are scheduled tasks and services, not tools).
local function system_process(p)
  p = lower(p or "")
  return p == "" or p == "-" or find(p, "^c:\\windows\\") ~= nil or
         find(p, "^c:\\program files") ~= nil
end

local STATE = {}
STATE.__index = STATE

--- A new collector.  opts: the thresholds and windows of rules.DEFAULTS.
function M.new(opts)
  local o = {}
  for k, v in pairs(rules.DEFAULTS) do o[k] = v end
  for k, v in pairs(opts or {}) do o[k] = v end
  -- (internal: the network's own public IPv4 blocks, checked by the caller)
  local own, texts = {}, {}
  for i, b in ipairs(o.internal or {}) do
    own[i] = assert(address.block(b))
    texts[i] = own[i].text -- (as the report names them)
  end
  return setmetatable({ o = o, public = address.public_but(own), ids = identity.new(),
                        internal = #texts > 0 and texts or nil,
                        list = {}, n = 0, owns = {},
                        sums = {}, sum_of = {}, sum_list = {}, srcs = {}, src_list = {},
                        shapes = {}, shape_list = {}, learn = {}, learnt = {},
                        won_t = {}, won_i = {}, won_rec = {}, won_of = {}, unnamed = {},
                        nameless = {}, nameless_shapes = {},
                        nameless_shape_list = {} },
                      STATE)
end

--- The platform of the records add() takes from now on (rules.PLATFORMS;
-- Windows' until said): each shape and sum made keeps it, and a finding
-- gives its records' platform's advice.
function STATE:reading(platform)
  self.current = platform ~= "windows" and platform or nil
end

--- Gives the records taken so far with no platform said platform's
-- (finish() of a reader's records taken without a word of its format).
function STATE:label(platform)
  if platform == "windows" then return end
  for _, list in ipairs({ self.shape_list, self.sum_list, self.nameless_shape_list }) do
    for _, sh in ipairs(list) do sh.platform = sh.platform or platform end
  end
end

-- The first label of a computer's name, case-folded (remembered).
function STATE:own(computer)
  if computer == nil then return nil end
  local o = self.owns[computer]
  if o == nil then
    o = first_label(computer)
    self.owns[computer] = o
  end
  return o
end

-- What the identity resolver learns from a record, noted once per
-- distinct call (with how many times it was made, which only `see`
-- counts) and taught to it in that order at the end: the resolver then
-- learns the same whether the records came in one run or in parts merged
-- in order (merge()).
local function noted(self, how, a, b, c, e, count)
  a, b, c, e = a or "", b or "", c or "", e or ""
  -- nested by argument: no key text to build per record
  local t = self.learnt[how]
  if t == nil then t = {}; self.learnt[how] = t end
  local t1 = t[a]
  if t1 == nil then t1 = {}; t[a] = t1 end
  local t2 = t1[b]
  if t2 == nil then t2 = {}; t1[b] = t2 end
  local t3 = t2[c]
  if t3 == nil then t3 = {}; t2[c] = t3 end
  local l = t3[e]
  if l then
    l.count = l.count + count
  else
    l = { how = how, count = count, a, b, c, e }
    t3[e] = l
    self.learn[#self.learn + 1] = l
  end
end
local function learn(self, how, a, b, c, e) noted(self, how, a, b, c, e, 1) end

-- root[a][b][c][d][e][f], or nil: what a key of six parts finds, with no
-- key text made per record (false stands for a part that is nil).
local function lookup6(root, a, b, c, d, e, f)
  local t = root[a]; if t == nil then return nil end
  t = t[b]; if t == nil then return nil end
  t = t[c]; if t == nil then return nil end
  t = t[d]; if t == nil then return nil end
  t = t[e]; if t == nil then return nil end
  return t[f]
end
local function store6(root, v, a, b, c, d, e, f)
  local t = root
  for _, k in ipairs({ a, b, c, d, e }) do
    local u = t[k]
    if u == nil then u = {}; t[k] = u end
    t = u
  end
  t[f] = v
end

-- Where a record of role came from (ip: its IpAddress as a host; to_here:
-- a 4648's logon was to the host that logged it), as sources are kept:
-- nil when it does not say.
local function source_of(rec, role, ip, to_here)
  local src = rec.source
  if role == "explicit" then
    -- 4648: a process of the host that logged it gave the credentials.
    -- Its address is the client's where the logon was to this host (an
    -- RDP logon's, NLA's: TargetServerName localhost); where it was to
    -- another host, that host's (the target, not where it came from).
    src = (ip and not is_loopback(ip) and to_here) and ip or rec.computer
  elseif src and is_loopback(host(src)) then
    src = rec.computer
  elseif src == nil and rec.failed and role == "logon" and rec.logon_type and
         address.OVER_NETWORK[rec.logon_type.number] then
    -- (a network logon that names neither address nor workstation came
    -- through this host from a client it did not learn: told as this
    -- host's, as a front end's are, so that a spray through it is found)
    src = rec.computer
  end
  if src and rec.computer and src == rec.computer then src = match(src, "^[^.]+") end
  return src
end

-- Sources in the order first met: a host is labelled by the spelling
-- first met (identity's source()), so finish() asks in that order.
function STATE:met(src)
  if self.srcs[src] == nil then
    self.srcs[src] = true
    self.src_list[#self.src_list + 1] = src
  end
end

-- A computer as the keys below hold it: with its records' platform where
-- not Windows' (a host name can be in two platforms' logs; a shape or sum
-- is one platform's, as its advice is).
local function host_of(computer, platform)
  if platform == nil then return computer end
  return tostring(computer or "") .. "\1" .. platform
end

-- The keys of a routine success's count (a sum) and of what other
-- records share (a shape): the fields they are kept by, joined.
local function sum_key(spelling, src, role, ltn, id, computer)
  return spelling .. "\0" .. (src or "") .. "\0" .. role .. "\0" .. (ltn or "") .. "\0" ..
         id .. "\0" .. (computer or "")
end
-- How a shape's records logged on: its logon type's name, or its kind of
-- event; an AS ticket for a service other than krbtgt (kadmin/changepw,
-- asked for with an expired password to change it) by that service.
local function how_of(logon_name, role, svc)
  if role == "tgt" and not a_tgt(svc) then return "Kerberos ticket for " .. svc end
  return logon_name or VIA[role] or "?"
end
local function shape_key(spelling, src, role, id, computer, ws, ip, class, code, ltn, svc, enc,
                         preauth, proc, failed, success, subject, screen, pid, target)
  return spelling .. "\0" .. (src or "") .. "\0" .. role .. "\0" .. id .. "\0" ..
         (computer or "") .. "\0" .. (ws or "") .. "\0" .. (ip or "") .. "\0" ..
         (class or "") .. "\0" .. (code or "") .. "\0" .. (ltn or "") .. "\0" ..
         (svc or "") .. "\0" .. (enc or "") .. "\0" .. (preauth or "") .. "\0" ..
         (proc or "") .. "\0" .. (failed and "f" or "") .. (success and "s" or "") .. "\0" ..
         (subject or "") .. "\0" .. (screen and "u" or "") .. "\0" .. (pid or "") .. "\0" ..
         (target or "")
end

-- A logon ID (or a process ID) as one text, 0x and lower-case hex without
-- leading zeros, written as a text (4625 writes 0x0000000000393f6d) or a
-- number (a JSON export's); nil for none (0: a network logon's) and
-- anything else.
local logon_id = memo.one(function(v)
  local hex
  if type(v) == "number" then
    if v >= 1 and v % 1 == 0 and v < 2 ^ 53 then hex = format("%x", v) end
  elseif type(v) == "string" then
    hex = match(v, "^%s*0[xX]0*(%x+)%s*$")
    if hex == "0" then hex = nil end
  end
  return hex and "0x" .. lower(hex) or nil
end)

--- A logon ID as the findings write one (0x and lower-case hex), of a
-- record's text or number; nil for none or 0.
M.logon_id = logon_id

-- A value of a record's data that is text or a number (a JSON log's may be
-- anything), as text; nil for anything else.
local function scalar(v)
  local t = type(v)
  if t == "string" then return v end
  if t == "number" then return identity.text(v) end -- (a name, sorted among texts)
  return nil
end

-- Is a failed logon's LogonProcessName Winlogon's, User32: the logon
-- screen, where a person types (Windows 10 and later name svchost.exe as
-- its process, which would read as a program of the host's own)?
local by_screen = memo.one(function(v)
  return type(v) == "string" and lower(match(v, "^%s*(.-)%s*$")) == "user32"
end)

-- The account of a failed logon's session (4625's Subject).
local function subject_account(d)
  local user, domain = scalar(d.SubjectUserName), scalar(d.SubjectDomainName)
  if user == nil or user == "-" then return "?" end
  return (domain and domain ~= "-" and domain .. "\\" or "") .. user
end

-- Shape sh, new, made one that entries share: kept by its key and in
-- list, in the order first met.
local function adopt(by_key, list, sh)
  sh.__index = sh
  by_key[sh.key] = sh
  list[#list + 1] = sh
  return sh
end

-- Record rec's entry of shape, number n.  The time's text is the canonical
-- form of its seconds (record.decorate): kept as the seconds alone, it is
-- made again where it is shown.
local function entry(rec, n, shape)
  local e = setmetatable({ i = n, t = rec.seconds or 0, record = rec.record }, shape)
  if rec.seconds == nil then e.untimed, e.time = true, rec.time end
  return e
end

-- A failure that names no account, from another host (src): its event,
-- host, code and source in a shape kept once, and its own time and number
-- (its place among all the records taken: a success after them compares
-- numbers within a second), as the other failures are kept.
local function nameless_key(src, id, computer, code)
  return src .. "\0" .. id .. "\0" .. (computer or "") .. "\0" .. (code or "")
end
local function keep_nameless(self, rec, src)
  local code = rec.code and rec.code.name
  local key = nameless_key(src, rec.id, host_of(rec.computer, self.current), code)
  local shape = self.nameless_shapes[key] or
                adopt(self.nameless_shapes, self.nameless_shape_list,
                      { key = key, src = src, id = rec.id, computer = rec.computer, code = code,
                        platform = self.current })
  self.n = self.n + 1
  self.nameless[#self.nameless + 1] = entry(rec, self.n, shape)
end

--- Takes one record (decorated: id, time, seconds, data, code, failed,
-- success, account, source, computer, logon_type) and its schema entry,
-- whose role says what the event is to the findings.
function STATE:add(rec, ev)
  local id = rec.id
  local role = ev.role
  if role == nil then return end
  local d = rec.data or {}
  local ok = rec.success
  if ok == nil then ok = not rec.failed and role ~= "lockout" and role ~= "explicit" end
  local user, domain = split(rec.account)
  if user == nil then
    -- A failure that names no account (4625's TargetUserName "-": an RDP
    -- restriction, a scanner's null session) has no identity to go to, but
    -- its source tried: counted by source (sources()).
    if rec.failed then
      local src = source_of(rec, role, host(d.IpAddress))
      if src then self:met(src) end
      local k = src or ""
      self.unnamed[k] = (self.unnamed[k] or 0) + 1
      -- From another host, kept one by one too: a burst of them is a
      -- finding (find_all).  The logging host's own (a service, Schannel's
      -- certificate mapping) and those with no source stay a count.
      if src and src ~= "local" and
         first_label(src) ~= self:own(rec.computer) then
        keep_nameless(self, rec, src)
      end
    end
    return
  end
  -- Learn: spellings of the domain, SIDs, address and workstation pairs.
  -- (a JSON log's value may be of any kind: text and numbers are read)
  local svc, proc = scalar(d.ServiceName), scalar(d.ProcessName)
  local realm = match(svc or "", "^[kK][rR][bB][tT][gG][tT]/(.+)$")
  local upn_realm = match(scalar(d.TargetUserName) or "", "@([^@]+)$")
  if d.TargetDomainName and role ~= "lockout" then
    -- (an AS request's krbtgt is the client's own realm; a service ticket
    -- for krbtgt/OTHER is a referral to a trusted realm, not a spelling)
    if realm and role ~= "service_ticket" then learn(self, "pair", d.TargetDomainName, realm) end
    if upn_realm then learn(self, "pair", d.TargetDomainName, upn_realm) end
  end
  local sid = d.TargetUserSid or d.TargetSid
  if role == "explicit" then sid = nil end
  learn(self, "see", user, domain, sid, rec.computer)
  -- (an MIT KDC's realm has no NetBIOS name for a namesake's to be: the
  -- client's realm of an AS request, its own; a service ticket's client
  -- may be of a trusted realm, an AD domain's)
  if domain and self.current == "mit" and role ~= "service_ticket" then
    learn(self, "no_netbios", domain)
  end
  local ip = host(d.IpAddress)
  local ws = host(d.WorkstationName or d.Workstation)
  -- A logon names its client's address and name; the logging host's own
  -- name stands in for the client in console and RDP logons, and would tie
  -- every client address to it.
  local wsf = ws and identity.fold(ws)
  if role == "logon" and ws and ip and wsf ~= self:own(rec.computer) then
    learn(self, "host_pair", ip, ws)
  end
  local to_here, ts -- (4648: was the logon to this host?  Else to which)
  if role == "explicit" then
    -- (a JSON log's may be anything: an object names no host; host()
    -- writes a number as its digits)
    ts = host(scalar(d.TargetServerName))
    to_here = ts == nil or is_loopback(ts) or first_label(ts) == "localhost" or
              first_label(ts) == self:own(rec.computer)
  end
  local src = source_of(rec, role, ip, to_here)
  self.n = self.n + 1
  local n = self.n
  if src then self:met(src) end
  local lt = rec.logon_type
  local ltn = lt and lt.number
  local preauth, enc = number(d.PreAuthType), number(d.TicketEncryptionType)
  -- A routine success (a logon, a ticket, an NTLM check) is kept as a
  -- count, and as its time alone where a finding may need it: a busy
  -- server logs millions, and memory must not grow with them.  Failures
  -- and what a finding lists record by record are kept whole (and an AS
  -- ticket for another service than krbtgt, which the summary names).
  if ok and not rec.failed and (rec.seconds ~= nil or rec.time == nil) and
     (role == "logon" or role == "ntlm" or
      (role == "tgt" and preauth ~= 0 and a_tgt(svc)) or
      (role == "service_ticket" and not (enc and ROASTABLE[enc] and svc))) then
    local at = host_of(rec.computer, self.current)
    local sm = lookup6(self.sum_of, rec.account, src or false, role, ltn or false, id,
                       at or false)
    local key
    if sm == nil then
      key = sum_key(rec.account, src, role, ltn, id, at)
      -- one merged from another part has the key but is not looked up yet
      sm = self.sums[key]
      if sm then store6(self.sum_of, sm, rec.account, src or false, role, ltn or false, id,
                        at or false) end
    end
    if sm == nil then
      sm = { key = key, spelling = rec.account, user = user, domain = domain, src = src,
             role = role,
             id = id, computer = rec.computer, logon_type = ltn, logon_name = lt and lt.name,
             kind = identity.kind(user, domain), n = 0, platform = self.current }
      self.sums[key] = sm
      store6(self.sum_of, sm, rec.account, src or false, role, ltn or false, id, at or false)
      self.sum_list[#self.sum_list + 1] = sm
    end
    sm.n = sm.n + 1
    -- (the front end its successes came through, IIS, Exchange, ADFS or
    -- the logon screen, where every one of them named it, as a count
    -- keeps no process of its own: the reconciliation passes over a
    -- success that came through one, as it does a phone's failures)
    local front = proc and front_of(proc) or nil
    if sm.n == 1 then sm.front = front elseif sm.front ~= front then sm.front = nil end
    -- A logon is logged twice where UAC splits an administrator's token:
    -- two 4624s, for the full token and the filtered one, at one time, by
    -- one process (and for one sum: host, account, source, logon type), of
    -- a type a person logs on with.  Each but the first of such, one after
    -- the other among the sum's, is counted in its twins: one logon.
    -- (first_twin: where a merge meets the sum's last before it.)
    local again = false -- (a twin: the same logon, no success of its own)
    if role == "logon" and UAC_TYPES[ltn or -1] then
      local twin = rec.time and tostring(proc or "") .. "\0" .. rec.time or nil
      if sm.n == 1 then
        sm.first_twin = twin
      elseif twin and twin == sm.last_twin then
        sm.twins = (sm.twins or 0) + 1
        again = true
      end
      sm.last_twin = twin
    end
    local t = rec.time
    if t and (sm.first == nil or t < sm.first) then sm.first = t end
    if t and (sm.last == nil or t > sm.last) then sm.last = t end
    -- What a success after failures is looked for in (see find_all).
    if not again and sm.kind ~= "virtual" and (role ~= "logon" or LOGGED_ON[ltn or -1]) and
       role ~= "service_ticket" and (role ~= "tgt" or a_tgt(svc)) then
      local k = #self.won_t + 1
      self.won_t[k], self.won_i[k], self.won_rec[k], self.won_of[k] =
        rec.seconds or 0, n, rec.record or false, sm
    end
    return
  end
  -- The rest: what the event shares with others of its kind (account,
  -- source, code...) in a shape kept once, and its own time and number.
  local code, class = rec.code and rec.code.name, class_of(rec, role)
  if ip and is_loopback(ip) then ip = nil end
  local failed, success = rec.failed and true or false, ok and true or false
  -- (a failed logon's session, 4625's Subject: the program's own, where a
  -- program on the host asked for it; its logon ID leads to its 4624 and
  -- its process creations, 4688)
  -- (and its logon process, and the ID of the process that asked: where
  -- the session is one that services share, the lead)
  local subject, screen, pid, target
  if failed and role == "logon" then
    subject, pid = logon_id(d.SubjectLogonId), logon_id(d.ProcessId)
    screen = by_screen(d.LogonProcessName) or nil
  elseif role == "explicit" then
    -- (4648's Subject: the session whose program gave the credentials, and
    -- that process's ID; and the host they were given for, unless this one)
    subject, pid = logon_id(d.SubjectLogonId), logon_id(d.ProcessId)
    if not to_here then target = lower(ts) end
  end
  local key = shape_key(rec.account, src, role, id, host_of(rec.computer, self.current), wsf,
                        ip, class, code, ltn, svc, enc, preauth, proc, failed, success, subject,
                        screen, pid, target)
  local shape = self.shapes[key]
  if shape == nil then
    shape = adopt(self.shapes, self.shape_list,
      { key = key, id = id, role = role, computer = rec.computer, user = user,
        domain = domain,
        spelling = rec.account, src = src, failed = failed, success = success,
        ws = wsf, ip = ip, class = class, code = code, logon_type = ltn,
        logon_name = lt and lt.name, service = svc, enc = enc, preauth = preauth,
        process = proc, how = how_of(lt and lt.name, role, svc),
        subject = subject, subject_account = subject and subject_account(d),
        screen = screen, pid = pid, target = target, service_key = svc and lower(svc),
        platform = self.current })
  end
  self.list[#self.list + 1] = entry(rec, n, shape)
end

-- The time of an entry, as the record gave it.
local function time_of(e)
  if e.untimed then return e.time end
  return time.canonical(e.t)
end

-- Span (a table with first and last, texts, and lo and hi, seconds) widened
-- by entry e, untimed or timed.  Seconds are compared as numbers and made
-- text once, by span_texts: the text orders as the seconds do.
local function widen(span, e)
  if e.untimed then
    local t = e.time
    if t and (span.first == nil or t < span.first) then span.first = t end
    if t and (span.last == nil or t > span.last) then span.last = t end
  else
    local t = e.t
    if span.lo == nil or t < span.lo then span.lo = t end
    if span.hi == nil or t > span.hi then span.hi = t end
  end
end

-- The first and last times of a span, as texts; lo and hi are taken out.
local function span_texts(span)
  local lo, hi = span.lo, span.hi
  if lo ~= nil then
    local a = time.canonical(lo)
    local b = hi == lo and a or time.canonical(hi) -- (a span of one time: most summary rows)
    if span.first == nil or a < span.first then span.first = a end
    if span.last == nil or b > span.last then span.last = b end
    span.lo, span.hi = nil, nil
  end
  return span.first, span.last
end

-- Is entry a before entry b: in time, then in number?
local function by_time(a, b)
  return a.t < b.t or (a.t == b.t and a.i < b.i)
end

-- Puts list in order of time, then of number (no two items have both the
-- same), in place: its items are entries (fields t and i), or positions in
-- arrays T and I when those are given.  A log is in order but for the
-- records logged late, where one part's records follow another's, and
-- where a time comes back (a file of one log's copies): the items in
-- order stay, moved up over the gaps, one look each; the late ones are put
-- in order by their times, sorted as numbers (a sort by a Lua function
-- would call it about n log2 n times), and merged in from the end.
-- list[1..from], where from is given, is known to be in order already:
-- not looked at, but where a late item goes among them.
local function in_time_order(list, T, I, from)
  local n = #list
  local late, r = {}, from or 0 -- list[1..r]: the items in order, so far
  local lt, li -- the time and number of list[r]
  if r > 0 then
    local y = list[r]
    if T then lt, li = T[y], I[y] else lt, li = y.t, y.i end
  end
  for k = r + 1, n do
    local x = list[k]
    local t, i
    if T then t, i = T[x], I[x] else t, i = x.t, x.i end
    if r > 0 and (t < lt or (t == lt and i < li)) then
      late[#late + 1] = x
    else
      r = r + 1
      list[r], lt, li = x, t, i
    end
  end
  local m = #late
  if m == 0 then return end
  -- The late ones by time: the first of each time, then any others of
  -- that time in their order in the list (by number, but where lists were
  -- joined).
  local first, more, times = {}, {}, {}
  for j = 1, m do
    local x = late[j]
    local t = T and T[x] or x.t
    local f = first[t]
    if f == nil then
      first[t] = x
      times[#times + 1] = t
    else
      local l = more[t]
      if l == nil then l = { f }; more[t] = l end
      l[#l + 1] = x
    end
  end
  sort(times)
  local j = 0
  for _, t in ipairs(times) do
    local l = more[t]
    if l then
      for y = 2, #l do
        local a, b = l[y - 1], l[y]
        if (I and I[b] or b.i) < (I and I[a] or a.i) then
          sort(l, function(u, v) return (I and I[u] or u.i) < (I and I[v] or v.i) end)
          break
        end
      end
      for _, x in ipairs(l) do j = j + 1; late[j] = x end
    else
      j = j + 1
      late[j] = first[t]
    end
  end
  -- From the end: the later of the two lists' last items goes last (each
  -- item's time and number looked up once).
  local at, x, y = n, late[j], list[r]
  local tx, ix, ty, iy
  if T then tx, ix = T[x], I[x] else tx, ix = x.t, x.i end
  if y ~= nil then
    if T then ty, iy = T[y], I[y] else ty, iy = y.t, y.i end
  end
  while j > 0 do -- (the items in order left are in place)
    if y ~= nil and (ty > tx or (ty == tx and iy > ix)) then
      list[at] = y
      r = r - 1
      y = r > 0 and list[r] or nil
      if y ~= nil then
        if T then ty, iy = T[y], I[y] else ty, iy = y.t, y.i end
      end
    else
      list[at] = x
      j = j - 1
      x = late[j]
      if x ~= nil then
        if T then tx, ix = T[x], I[x] else tx, ix = x.t, x.i end
      end
    end
    at = at - 1
  end
end

-- Lists a and b, each in order of time then number, as one list in that
-- order.
local function by_time_merged(a, b)
  local out, i, j = {}, 1, 1
  for k = 1, #a + #b do
    local x, y = a[i], b[j]
    if y == nil or (x ~= nil and not by_time(y, x)) then
      out[k], i = x, i + 1
    else
      out[k], j = y, j + 1
    end
  end
  return out
end

-- Sorted keys of a set (sources: in address order, by_address), the
-- first limit of them.
local function keys(t, limit, by_address)
  local list = {}
  for k in pairs(t) do list[#list + 1] = k end
  if #list < 2 then return list end -- (most of a domain's accounts' sets)
  if by_address then address.sort(list) else sort(list) end
  if limit and #list > limit then
    for i = #list, limit + 1, -1 do list[i] = nil end
  end
  return list
end

local function count_keys(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

-- The identities that logged on within a minute after a bad password of
-- theirs (people who typed again, or a tool's next try): the successes'
-- times wt and entries wof, the bad passwords' times in order in bad_at
-- by key(success), each success looked for by halves.
local function in_after(wt, wof, bad_at, key)
  local fixed = {}
  for c = 1, #wt do
    local e, t = wof[c], wt[c]
    local k = e.identity and not fixed[e.identity] and key(e)
    local b = k and bad_at[k]
    if b and t >= b[1] then
      local lo, hi = 1, #b -- (b[lo] <= t)
      while lo < hi do
        local mid = floor((lo + hi + 1) / 2)
        if b[mid] <= t then lo = mid else hi = mid - 1 end
      end
      if t - b[lo] <= MINUTE then fixed[e.identity] = true end
    end
  end
  return fixed
end

-- How many keys set t has, where more than limit; else nil.
local function more_than(t, limit)
  local n = count_keys(t)
  if n > limit then return n end
  return nil
end

-- The most in any window of w seconds of a time-sorted list: of items,
-- or of distinct values of field.  With out (and field), the entries that
-- lie in a window holding least or more are put in it, in order: a
-- finding's, without the quiet stretches between.
local function peak(list, w, field, lo, hi, least, out)
  lo, hi = lo or 1, hi or #list
  local best, j = 0, lo
  if field == nil then -- (the window holds list[j .. i])
    for i = lo, hi do
      local from = list[i].t - w
      while list[j].t < from do j = j + 1 end
      if i - j + 1 > best then best = i - j + 1 end
    end
    return best
  end
  local seen, n, upto = {}, 0, lo - 1 -- how many of each value, and of values, in the window
  for i = lo, hi do
    local e = list[i]
    local k = e[field] or ""
    local c = seen[k] or 0
    if c == 0 then n = n + 1 end
    seen[k] = c + 1
    local from, x = e.t - w, list[j]
    while x.t < from do
      local kx = x[field] or ""
      local cx = seen[kx] - 1
      seen[kx] = cx
      if cx == 0 then n = n - 1 end
      j = j + 1
      x = list[j]
    end
    if n > best then best = n end
    if out and n >= least then -- (list[j .. i] is such a window: those not out yet)
      for m = math_max(j, upto + 1), i do out[#out + 1] = list[m] end
      upto = i
    end
  end
  return best
end

-- What of a time-sorted list a finding tells, and its peak (the most in
-- a window of w seconds, of distinct values of field when given): its
-- runs (entries each at most gap seconds after the one before) in which
-- a window holds at least least, one after the other; the list itself
-- when every run does (most lists: no copy).  A source that sprayed one
-- day and guessed at one account the next made two runs, each a finding
-- of its own kind; a window lies within one run (its entries are at most
-- its width apart, and gap is no less), so the peak is the runs' most,
-- each counted once.
local function runs_that(list, gap, w, field, least)
  local n = #list
  local kept, all, from, best = {}, true, 1, 0 -- (kept: the runs' first and last places)
  for i = 1, n do
    if i == n or list[i + 1].t - list[i].t > gap then
      local p = i == from and 1 or peak(list, w, field, from, i) -- (most runs are of one)
      if p > best then best = p end
      if p >= least then
        kept[#kept + 1] = from
        kept[#kept + 1] = i
      else
        all = false
      end
      from = i + 1
    end
  end
  if all then return list, best end
  local out = {}
  for r = 1, #kept, 2 do
    for k = kept[r], kept[r + 1] do out[#out + 1] = list[k] end
  end
  return out, best
end

-- The entries of list, in its order, that are not in part (a part of it,
-- in the same order); and those in either of two such parts.
local function apart(list, part)
  local out, a = {}, 1
  for _, e in ipairs(list) do
    if part[a] == e then a = a + 1 else out[#out + 1] = e end
  end
  return out
end
local function joined_parts(list, a, b)
  local out, i, j = {}, 1, 1
  for _, e in ipairs(list) do
    if a[i] == e then out[#out + 1] = e; i = i + 1
    elseif b[j] == e then out[#out + 1] = e; j = j + 1 end
  end
  return out
end

-- The entries of list by key: keyf(e), which their shape decides (nil:
-- left out); and the keys, sorted.
local function group(list, keyf)
  local g, order, of = {}, {}, {}
  for _, e in ipairs(list) do
    -- (the key is the same for every entry of a shape: asked once)
    local sh = getmetatable(e)
    local l = of[sh]
    if l == nil then
      local k = keyf(e)
      l = false
      if k ~= nil then
        l = g[k]
        if l == nil then l = {}; g[k] = l; order[#order + 1] = k end
      end
      of[sh] = l
    end
    if l then l[#l + 1] = e end
  end
  sort(order)
  return g, order
end

-- The process an entry or shape names, as text (a log may give it as a
-- number); nil for none ("-", empty).
local function named_process(e)
  local p = e.process
  if p == nil or p == "-" or p == "" then return nil end
  return tostring(p)
end

-- Does attempt e name one of list's processes?  An attempt told by
-- several events: by any of them; a success kept as a count, by the
-- front end its count's successes all came through.
local function names_one_of(e, list)
  local p = named_process(e) or e.front
  if p and one_of(list, p) then return true end
  for _, r in ipairs(e.records or {}) do
    p = named_process(r)
    if p and one_of(list, p) then return true end
  end
  return false
end

-- Did attempt e come through a web front end (IIS, Exchange, ADFS)?  Not
-- the logon screen: one an internet address reached is RDP's, without
-- NLA.
local function through_web(e) return names_one_of(e, WEB) end

-- Does shape sh name a web front end's process (a success kept as a
-- count: the front end its successes all came through)?  The shape's own
-- reading of through_web, for what is decided once for each shape; an
-- attempt told by several records has a shape that keeps it (moved).
local web_process = memo.one(function(p) return one_of(WEB, p) end)
local function web_shape(sh)
  local p = named_process(sh) or sh.front
  return p ~= nil and web_process(p)
end

-- Did an attempt of shape sh come through a web front end from inside the
-- network: the front end's own address, a proxy's, or a name?  Every user
-- whose phone holds an old password fails there, so its failures for one
-- account beside another's are no sign of one client trying many (an
-- internet client's through it still are).  public: self.public.
local function behind_front(sh, public)
  return sh.via_web == true and not (sh.ip ~= nil and public(sh.ip))
end

-- Was attempt e typed at the logging host's own logon screen (at_screen;
-- told by several events: by any of them, as finding() reads it)?
local function typed_here(e)
  if e.records == nil then return e.at_screen == true end
  for _, r in ipairs(e.records) do
    if r.at_screen then return true end
  end
  return false
end

-- The sources of attempts l[lo..hi] (all of l where no range is given),
-- each true where the reconciliation of findings reads it: false where
-- all its attempts came through a web front end (users' phones with old
-- passwords; the address is theirs or the front end's, no attacker's),
-- or were all typed at the logon screen here by the screen's process (a
-- person at the console: a program of the host's asks for its logons
-- itself).  Each source on its own: a phone's failures through OWA do not
-- hide another address's over RDP or SMB.  A guess's attempts, a
-- success's, or the failures a success that names no source is read by.
local function direct_sources(l, lo, hi)
  local web, typed, screen = {}, {}, {}
  for i = lo or 1, hi or #l do
    local e = l[i]
    local s = e.source_label
    if s then
      web[s] = web[s] ~= false and through_web(e)
      typed[s] = typed[s] ~= false and typed_here(e)
      screen[s] = screen[s] or names_one_of(e, SCREEN)
    end
  end
  local direct = {}
  for s, all_web in pairs(web) do direct[s] = not (all_web or typed[s] and screen[s]) end
  return direct
end

-- Advice list check with line first.
local function prepend(line, check)
  local out = { line }
  for i, c in ipairs(check) do out[i + 1] = c end
  return out
end

-- The same without the line drop (nil: none left out).
local function prepend_instead(line, check, drop)
  local out = { line }
  for _, c in ipairs(check) do
    if c ~= drop then out[#out + 1] = c end
  end
  return out
end

-- Is src, an attempt's source, the logging host of shape sh itself (its
-- own name, a loopback address, or "local": source_of)?
local function from_here(sh, src)
  if src == nil or sh.computer == nil then return false end
  return src == "local" or first_label(src) == first_label(sh.computer)
end

-- Windows starting what is set to run as an account: the Service Control
-- Manager a service (logon type 5), the Task Scheduler a task (batch, 4;
-- its service runs in svchost.exe, taskeng.exe before Windows 8).  Such
-- an attempt's process asks for no one; the service's or task's stored
-- password is what failed.
local STARTERS = { [5] = { "\\services%.exe$", what = "service" },
                   [4] = { "\\svchost%.exe$", "\\taskeng%.exe$", what = "task" } }
-- "service" or "task" where shape sh's attempt is that, from this host.
local function started_here(sh, src)
  local s = STARTERS[sh.logon_type or -1]
  local p = s and named_process(sh)
  if p == nil or not from_here(sh, src) then return nil end
  p = "\\" .. lower(p)
  for _, f in ipairs(s) do
    if find(p, f) then return s.what end
  end
  return nil
end

-- Was an attempt of shape sh typed at the logging host's own logon, lock
-- or UAC screen: an interactive, unlock or cached logon from the host,
-- through Winlogon's logon process (User32) or by the screen's process?
local SCREEN_TYPES = { [2] = true, [7] = true, [11] = true }
local function at_screen(sh, src)
  if not (SCREEN_TYPES[sh.logon_type or -1] and from_here(sh, src)) then return false end
  local p = named_process(sh) or sh.front -- (a success kept as a count: its front end)
  return sh.screen == true or (p ~= nil and one_of(SCREEN, p))
end

-- Did an attempt of shape sh come from a program on the logging host
-- itself, on its own account: its source the host, a local logon type,
-- and a process named that logs on for no one else (for_someone; not the
-- logon screen's logon process; not Windows starting a service or task)?
local function by_program_here(sh, src)
  local p = named_process(sh)
  if not (p and LOCAL_TYPES[sh.logon_type or -1]) or sh.screen then return false end
  return from_here(sh, src) and not for_someone(p) and started_here(sh, src) == nil
end

-- Shape sh with what entry e (of another shape) tells and it does not:
-- an attempt's, where another of its records told where it came from (an
-- address), or how (a logon type: the 4625 behind a 4776).  Made once for
-- each two shapes (kept in made), so that all an attempt is counted by
-- stays its shape's (find_all counts by shape).
local function moved(made, sh, e)
  local of = made[sh]
  if of == nil then of = {}; made[sh] = of end
  local to = of[getmetatable(e)]
  if to == nil then
    to = {}
    for k, v in pairs(sh) do to[k] = v end
    local src = sh.src
    if e.ip and not sh.ip then
      to.ip, to.source = e.ip, e.source or sh.source
      to.source_label = e.source_label or sh.source_label
      src = e.src or sh.src
    end
    if e.logon_type and not sh.logon_type then
      to.logon_type, to.logon_name, to.how = e.logon_type, e.logon_name, e.how
    end
    to.by_program_here = by_program_here(to, src)
    to.started_here = started_here(to, src)
    to.at_screen = at_screen(to, src)
    to.via_web = sh.via_web or e.via_web
    to.__index = to
    of[getmetatable(e)] = to
  end
  return to
end

-- The first attempt in queue q (a second's attempts of one kind from one
-- source, or from one workstation, in time order) that no event id has
-- told yet; in a queue by source (v), one still from v.  Those passed over
-- are passed over for good, from q.from[id] on: what an attempt holds only
-- grows, and its source changes once at most.
local function open_in(q, id, v)
  if q == nil then return nil end
  local at = q.from[id] or 1
  local p = q[at]
  while p ~= nil and (p.id == id or (p.events and p.events[id]) or
                      (v ~= nil and p.source ~= v)) do
    at = at + 1
    p = q[at]
  end
  q.from[id] = at
  return p
end

-- Puts attempt e in queue key of queues t, in time order (at the end but
-- for an attempt that took a new source), no queue passing over it.
local function enqueue(t, key, e)
  if key == nil then return end
  local q = t[key]
  if q == nil then q = { from = {} }; t[key] = q end
  local at = #q + 1
  if at == 1 or by_time(q[at - 1], e) then
    q[at] = e
    return
  end
  while at > 1 and by_time(e, q[at - 1]) do
    q[at] = q[at - 1]
    at = at - 1
  end
  q[at] = e
  for id, from in pairs(q.from) do
    if from > at then q.from[id] = at end
  end
end

-- Resolves identities and sources, then merges the two records of one
-- attempt.  Returns the attempts, sorted by time.
-- The KDC's events: logged by a domain controller alone.
local KDC_ROLE = { tgt = true, service_ticket = true, preauth = true }

local function attempts(self)
  local ids = self.ids
  for _, src in ipairs(self.src_list) do ids:source(src) end
  local list = self.list
  -- A DC checks its domain's accounts, not its own (it has none but the
  -- DSRM account): a name it logs bare is not given to an account under
  -- its own name (identity's resolve), which a DSRM logon or a console
  -- typo may show.  A DC is a computer that logged the KDC's events.
  local dc = {}
  for _, e in ipairs(self.shape_list) do
    if KDC_ROLE[e.role] and e.computer then dc[first_label(tostring(e.computer))] = true end
  end
  for _, sm in ipairs(self.sum_list) do
    if KDC_ROLE[sm.role] and sm.computer then dc[first_label(tostring(sm.computer))] = true end
  end
  local bare = {} -- (by computer: itself, or false for a DC)
  local function host_of_bare(x)
    local c = x.computer
    if c == nil then return nil end
    local b = bare[c]
    if b == nil then
      b = not dc[first_label(tostring(c))] and c
      if c == c then bare[c] = b end -- (NaN is no key)
    end
    return b or nil
  end
  for _, e in ipairs(self.shape_list) do
    e.identity, e.kind = ids:resolve(e.user, e.domain, host_of_bare(e))
    ids:spelling(e.identity, e.spelling)
    if e.src then e.source, e.source_label = ids:source(e.src) end
    e.by_program_here = by_program_here(e, e.src)
    e.started_here = started_here(e, e.src)
    e.at_screen = at_screen(e, e.src)
    e.via_web = web_shape(e)
    -- the identity and kind of a failure, which the records of one attempt share
    if e.failed then e.attempt = e.identity .. "\0" .. (e.class or e.code or "") end
  end
  for _, sm in ipairs(self.sum_list) do
    sm.identity, sm.kind = ids:resolve(sm.user, sm.domain, host_of_bare(sm))
    ids:spelling(sm.identity, sm.spelling)
    if sm.src then sm.source, sm.source_label = ids:source(sm.src) end
  end
  self:sort()
  -- The records of one attempt: a failure for the same identity in the
  -- same second, of the same kind, from the same source or workstation,
  -- told by another event (a 4625 and the 4776 or 4771 behind it).
  -- (The list is in time order: only the current second's are kept.)
  -- A record joins the first of the second's attempts of its kind that
  -- shares its source or its workstation and that its event has not told
  -- yet: the first open one in each of the two queues, the earlier of them.
  -- (The first record of a kind in a second is kept alone: its queues are
  -- made when a second record of its kind comes, most never do.)
  local out, n, last, lone, second, made = {}, 0, {}, {}, nil, {}
  for _, e in ipairs(list) do
    local k, prev = e.attempt, nil
    local of
    if k then
      local sec = floor(e.t)
      if sec ~= second then last, lone, second = {}, {}, sec end
      of = last[k]
      if of == nil then
        local first = lone[k]
        if first == nil then
          lone[k] = e
        else
          of = { src = {}, ws = {} }
          last[k] = of
          enqueue(of.src, first.source, first)
          enqueue(of.ws, first.ws, first)
        end
      end
      if of ~= nil then
        local a = e.source and open_in(of.src[e.source], e.id, e.source)
        local b = e.ws and open_in(of.ws[e.ws], e.id, nil)
        prev = a or b
        if a and b and by_time(b, a) then prev = b end
      end
    end
    if prev then
      -- (an attempt told by one event has neither table: most have one)
      prev.events = prev.events or { [prev.id] = true }
      prev.records = prev.records or { prev }
      prev.events[e.id] = true
      prev.records[#prev.records + 1] = e
      -- An address says more than a workstation name; a logon type more
      -- than an NTLM check.
      if (e.ip and not prev.ip) or (e.logon_type and not prev.logon_type) then
        local was = prev.source
        setmetatable(prev, moved(made, getmetatable(prev), e))
        if prev.source ~= was then enqueue(of.src, prev.source, prev) end
      end
    else
      n = n + 1
      out[n] = e
      if of ~= nil then
        enqueue(of.src, e.source, e)
        enqueue(of.ws, e.ws, e)
      end
    end
  end
  return out
end

-- A finding of kind from attempts; reading: "attacker" or
-- "stale_credential"; extra: fields of its own.  One look at each attempt
-- (an attack's finding lists tens of thousands): what its shape holds
-- (account, source, code, and its event, where it has one record) is
-- noted once for a run of that shape; its time, and the first 20 records
-- as evidence.
-- Sources as a why names them: in address order (185.220.101.2 before
-- 185.220.101.10), at most 50 as a finding's own list has, the rest
-- counted; those in the set marked marked as the internet's.
local WHY_MOST = 50
local function addresses(list, marked)
  local l = {}
  for i, s in ipairs(list) do l[i] = s end
  address.sort(l)
  local shown = {}
  for i = 1, math_min(#l, WHY_MOST) do
    shown[i] = marked and marked[l[i]] and l[i] .. " (internet)" or l[i]
  end
  local s = concat(shown, ", ")
  if #l > WHY_MOST then s = s .. format(" and %d more", #l - WHY_MOST) end
  return s
end

local function finding(kind, list, reading, extra)
  local accounts, sources, codes, span, ev, seen = {}, {}, {}, {}, {}, {}
  local srcs = {} -- (the sources as the records give them, lower-cased: about())
  -- (here: every attempt from a program on the logging host; started:
  -- every one Windows starting a service or task, and which)
  local processes, sessions, pids, here = {}, {}, {}, #list > 0
  local started, all_started, typed = {}, #list > 0, #list > 0
  local sourceless = false -- (an attempt that names no source: a 4740 with no caller)
  local unnamed = false -- (any attempt that names no source, of any event)
  local targets = {} -- (4648: the hosts the credentials were given for)
  local machines = #list > 0 -- (every account a computer's own: their advice)
  local function note(r)
    if #ev < 20 then
      ev[#ev + 1] = { id = r.id, record = r.record, computer = r.computer, time = time_of(r) }
    end
    seen[r.id] = true
  end
  local lo, hi -- (the timed attempts' seconds)
  -- (a record's process, and the session and process ID it ran in)
  local function process_of(r)
    local p = named_process(r)
    if p then processes[p] = true end
    if r.subject then
      local k = r.subject_account .. "\0" .. r.subject
      sessions[k] = sessions[k] or { account = r.subject_account, logon_id = r.subject,
                                     shared = SHARED_LOGONS[r.subject] }
    end
    if r.pid then -- (its last time: the latest, still running perhaps, are kept)
      local t = r.t or 0
      if (pids[r.pid] or -1) < t then pids[r.pid] = t end
    end
  end
  local last_shape = false
  local of_platform = {} -- (its records' platforms: whose advice it gives)
  for _, e in ipairs(list) do
    local sh = getmetatable(e) -- (nil: a success made whole, which holds its own)
    local records = e.records -- (an attempt told by several events: each its process)
    local new = sh ~= last_shape or sh == nil
    if new then
      last_shape = sh
      of_platform[e.platform or "windows"] = true
      if e.identity then accounts[e.identity] = true end -- (none: a failure naming none)
      machines = machines and e.kind == "machine"
      if e.source_label then sources[e.source_label] = true
      else
        unnamed = true
        if e.role == "lockout" then sourceless = true end -- (a 4740's: a 4776 names no caller)
      end
      if e.src then srcs[lower(e.src)] = true end
      if e.code then codes[e.code] = true end
      -- (and the DNS domain of the host that logged it, where a short
      -- name resolves: below)
      if e.target then
        targets[e.target] = targets[e.target] or match(lower(e.computer or ""), "^[^.]+%.(.+)$")
                            or false
      end
      if not records then
        process_of(e)
        here = here and e.by_program_here == true
        if e.started_here then started[e.started_here] = true else all_started = false end
        typed = typed and e.at_screen
      end
    end
    if records then
      local mine, start, screen = false, nil, false
      for _, r in ipairs(records) do
        process_of(r)
        mine = mine or r.by_program_here == true
        start = start or r.started_here
        screen = screen or r.at_screen
        note(r)
      end
      here = here and mine
      typed = typed and screen
      if start then started[start] = true else all_started = false end
    elseif new or #ev < 20 then
      note(e)
    end
    if e.untimed then
      widen(span, e)
    else
      local t = e.t
      if lo == nil then lo, hi = t, t elseif t < lo then lo = t elseif t > hi then hi = t end
    end
  end
  span.lo, span.hi = lo, hi
  local first, last = span_texts(span)
  local k = rules.KINDS[kind]
  if reading == nil or k.advice[reading] == nil then
    reading = k.advice.attacker and "attacker" or "stale_credential"
  end
  -- The advice of its records' platform; of each, where they are of
  -- several (a spray at a domain's Windows and Samba DCs); with those of
  -- records it tells beside its list (extra.also_platforms: a set).
  for p in pairs(extra and extra.also_platforms or {}) do of_platform[p] = true end
  local platforms = keys(of_platform)
  local platform = #platforms > 1 and "mixed" or platforms[1] or "windows"
  local check = rules.advice(kind, reading, platform ~= "mixed" and platform or nil)
  if platform == "mixed" then
    local said = {}
    check = {}
    for _, p in ipairs(platforms) do
      for _, line in ipairs(rules.advice(kind, reading, p)) do
        if not said[line] then said[line] = true; check[#check + 1] = line end
      end
    end
  end
  -- (a computer's own password is set by the computer: a user's advice,
  -- of phones and mapped drives, would mislead)
  local for_machine = machines and k.machine and k.machine[platform]
  if for_machine then check = for_machine[reading] end
  -- (a computer's bad passwords from hosts that name themselves, none of
  -- them that computer: someone else holds its account, and its secure
  -- channel, the advice's first lead, is not what failed; an address
  -- could be its own)
  if for_machine and reading == "stale_credential" and platform == "windows" and
     next(sources) then
    local own, others = {}, {}
    for id in pairs(accounts) do
      local name = match(id, "([^\\]+)%$$")
      if name then own[first_label(name)] = true end
    end
    for label in pairs(sources) do
      if own[first_label(label)] or find(label, "^[%d.]+$") or find(label, ":", 1, true) then
        others = nil
        break
      end
      others[#others + 1] = label
    end
    if others then
      sort(others)
      check = { format(rules.MACHINE_ELSEWHERE, concat(others, ", ")), check[1], check[2] }
    end
  end
  local ids = keys(seen)
  local f = { kind = kind, severity = rules.severity(kind, reading), reading = reading,
              platform = platform, platforms = platform == "mixed" and platforms or nil,
              title = k.title, count = #list, first = first, last = last,
              accounts = keys(accounts, 50), sources = keys(sources, 50, true),
              -- (how many, where more than the lists hold: "+N more")
              accounts_total = more_than(accounts, 50), sources_total = more_than(sources, 50),
              codes = keys(codes),
              events = ids, evidence = ev, check = check,
              about = { accounts = accounts, sources = sources, srcs = srcs, lo = lo, hi = hi,
                        processes = processes, typed = typed } }
  for key, v in pairs(extra or {}) do
    if key ~= "also_platforms" and key ~= "why_sources" and key ~= "why_internet" and
       key ~= "why_format" then
      f[key] = v
    end
  end
  local named = f.why and extra and extra.why_sources
  -- (one source named: a heading in the singular)
  if named and #named == 1 and rules.WHY_ONE_OF[f.why] then f.why = rules.WHY_ONE_OF[f.why]
  elseif f.why then f.why = rules.WHY[f.why] end
  local counts = extra and extra.why_format -- (a why with counts: filled in)
  if f.why and counts then f.why = format(f.why, unpack(counts)) end
  -- (the sources it names, where only some of the finding's are why; and
  -- the internet's, beside those, each address named once: those named
  -- marked, or said to be all of them, and the others after)
  local out = f.why and extra and extra.why_internet
  if named then
    local is_named, both, rest = {}, {}, {}
    for _, s in ipairs(named) do is_named[s] = true end
    for _, s in ipairs(out or {}) do
      if is_named[s] then both[s] = true else rest[#rest + 1] = s end
    end
    local named_out = count_keys(both)
    local some = named_out > 0 and named_out < #named
    f.why = f.why .. ": " .. addresses(named, some and both)
    if named_out > 0 then
      f.why = f.why .. (not some and (#named == 1 and rules.WHY_INTERNET_IT or
                                      rules.WHY_INTERNET_ALL) or
                        named_out == 1 and rules.WHY_INTERNET_MARKED_ONE or
                        rules.WHY_INTERNET_MARKED)
    end
    if #rest > 0 then
      f.why = f.why .. (named_out > 0 and rules.WHY_INTERNET_SO_DID or
                        #rest == 1 and rules.WHY_INTERNET_REST_ONE or rules.WHY_INTERNET_REST) ..
              addresses(rest)
    end
  elseif out then
    -- (a why that names none: which source is the internet's)
    f.why = f.why .. (count_keys(sources) == 1 and rules.WHY_INTERNET_ONE or
                      #out == 1 and rules.WHY_INTERNET_OF_ONE or rules.WHY_INTERNET_OF) ..
            addresses(out)
  end
  -- (4648's finding names its one process)
  if f.process == nil and next(processes) then f.processes = keys(processes, 20) end
  -- (many clients' clocks off at once: the DC's is the one to look at)
  if kind == "clock_skew" and of_platform.windows and count_keys(sources) >= SKEWED_MANY then
    f.check = prepend(rules.SKEW_MANY, f.check)
  end
  -- (a clock read as off says so: not a password guessed at one account)
  -- (none named: no client to tell apart from the KDC)
  if kind == "clock_skew" and reading == "stale_credential" then
    local n = count_keys(sources)
    f.why = rules.WHY[n >= SKEWED_MANY and "skew_many" or n > 0 and "skew_one" or
                      "skew_no_source"]
  end
  -- (one client's RC4 tickets for a service: its own lines, where the
  -- stale reading's open with many clients)
  if kind == "kerberoasting" and reading == "stale_credential" and platform == "windows" and
     count_keys(sources) == 1 then
    f.check = {}
    for i, c in ipairs(rules.ROAST_ONE_CLIENT) do f.check[i] = c end
  end
  -- (where the DC's own 4740 named no caller, the PDC's records name it)
  if kind == "lockout" and sourceless and of_platform.windows then
    -- (where none names a caller, "find what runs there" has no there)
    if next(sources) == nil and reading == "stale_credential" then
      f.check = { rules.LOCKOUT_NO_CALLER, f.check[#f.check] }
    else
      f.check = prepend(rules.LOCKOUT_NO_CALLER, f.check)
    end
  end
  local dbd = f.disabled_by_design
  -- (an enumeration's and a spray's say what those accounts answer)
  if dbd and kind ~= "user_enumeration" and kind ~= "password_spray" then
    if #dbd == count_keys(accounts) then -- (nothing should run as them: no more to say)
      f.check = {}
      for i, c in ipairs(rules.ALL_BY_DESIGN) do f.check[i] = c end
      here = false
    else
      f.check = prepend(rules.BY_DESIGN, f.check)
    end
  end
  -- (records that name no source: "the source" of the advice, and the
  -- user's program or other host of ALL_BY_DESIGN's, is to be found
  -- first; where some name one, the others' client may be another)
  if FIND_CLIENT_FIRST[kind] and unnamed and of_platform.windows then
    f.check = prepend(next(sources) == nil and rules.NO_SOURCE or rules.SOME_NO_SOURCE, f.check)
  end
  -- (the sessions the program ran in, and its process IDs: where the
  -- advice's first line leads, but for one that services share, where the
  -- process IDs do; a 4648's always, with the hosts it gave them for)
  local shared, own = false, false
  if here or kind == "explicit_credentials" then
    if next(sessions) then
      f.sessions = {}
      for i, key in ipairs(keys(sessions, 20)) do f.sessions[i] = sessions[key] end
      for _, s in pairs(sessions) do
        if s.shared then shared = true else own = true end
      end
    end
    if next(pids) then
      local l = {}
      for p, t in pairs(pids) do l[#l + 1] = { p, t } end
      sort(l, function(a, b) return a[2] > b[2] or (a[2] == b[2] and a[1] < b[1]) end)
      f.process_ids = {}
      for i = math_min(#l, 20), 1, -1 do f.process_ids[#f.process_ids + 1] = l[i][1] end
    end
    -- (a host named short and in full, FS01 and fs01.corp.local, is one:
    -- named in full; only in the domain of the host that logged the short
    -- name, which is where Windows looks it up: DC01 from ws07.corp.local
    -- is dc01.corp.local, not dc01.emea.corp.local, and both are kept)
    for t, domain in pairs(targets) do
      if domain and not find(t, ".", 1, true) and targets[t .. "." .. domain] ~= nil then
        targets[t] = nil
      end
    end
    if next(targets) then f.targets = keys(targets, 20) end
  end
  if here then
    if shared and not own then
      f.check = prepend(rules.FROM_SHARED_SESSION, f.check)
    else
      if shared then f.check = prepend(rules.SHARED_SESSION_TOO, f.check) end
      f.check = prepend(rules.FROM_HOST, f.check)
    end
  elseif all_started and kind == "password_guessing" and not dbd then
    -- (a service's or a task's stored password: where it is set is the lead)
    if started.task then f.check = prepend(rules.STARTED_TASK, f.check) end
    if started.service then f.check = prepend(rules.STARTED_SERVICE, f.check) end
  elseif typed and kind == "password_guessing" and not dbd then
    -- (bad passwords typed by a person: a stale password's advice, of what
    -- stores one, is beside the point; an attacker's still holds)
    f.check = reading == "stale_credential" and { rules.AT_SCREEN } or
              prepend(rules.AT_SCREEN, f.check)
  end
  return f
end

-- Why a list read as a stale credential is read so: its source failed
-- for its account alone; where it has several sources or accounts (a
-- guess from two addresses, the lockouts of two accounts), no source
-- failed for another account within the window; or, where none of its
-- attempts names a source (a 4740 with no caller), no source's other
-- failures could be looked at.  Its accounts are those of all its
-- attempts, sourceless ones too: a caller's lockout beside another
-- account's with no caller is a finding of two accounts, not "this
-- account".  Where some attempts name a source and some none, it says
-- so: what is true of the named source is not known of the others.
local function lone_why(list)
  local source, who, several, unnamed = nil, list[1] and list[1].identity, false, false
  for _, e in ipairs(list) do
    several = several or e.identity ~= who
    if e.source then
      if source == nil then source = e.source
      elseif e.source ~= source then several = true end
    else
      unnamed = true
    end
  end
  if source == nil then return "no_source" end
  local why = several and "none_other" or "one_account"
  return unnamed and why .. "_unnamed" or why
end

-- Did one identity's bad passwords (a list in time order) come at a
-- guessing tool's count: least or more within w seconds from one source,
-- or from sources that each sent it few (under few in all: a
-- tool that names another workstation at each try, or tries from many
-- hosts; not a farm of servers each retrying an old password, which
-- come back again and again)?  By source within w, as six servers each
-- trying a service account's old password once a minute are no tool;
-- and not the tries Windows made starting a service or task, which
-- retries the password it stores at its own rhythm, nor for each such
-- try one record of another host within a second of it (the DC's 4771 or
-- 4776 of the same try: one each, as a guesser's tries at the same
-- account may come as close).  The two sources that sent most count
-- together too: one host's tries over Kerberos (its address) and NTLM
-- (its name).  (Not "a stale password locks the account
-- first": Active Directory does not count a bad password that is one of
-- the account's two last ones, and many domains lock nothing.)
-- Attempts that name no source count together.
local function quick_from_one(list, w, least, few)
  if #list < least then return false end
  local paired, j = {}, 1 -- (the records taken for a started try's own)
  for _, s in ipairs(list) do
    if s.started_here and not s.untimed then
      while list[j] and list[j].t < s.t - 1 do j = j + 1 end
      local k = j
      while list[k] and list[k].t <= s.t + 1 do
        local x = list[k]
        if not x.started_here and not x.untimed and not paired[x] then paired[x] = true; break end
        k = k + 1
      end
    end
  end
  local by, order = {}, {} -- (order: the sources as first met, for the same result every run)
  for _, e in ipairs(list) do
    if not e.started_here and not paired[e] then
      local k = e.source or false
      local l = by[k]
      if l == nil then l = {}; by[k] = l; order[#order + 1] = k end
      l[#l + 1] = e
    end
  end
  local scattered = {} -- (from the sources that sent it few)
  local top, second -- (the two sources that sent it most: one host's address and name)
  for _, k in ipairs(order) do
    local l = by[k]
    if #l >= least and peak(l, w) >= least then return true end
    if k and #l < few then
      for _, e in ipairs(l) do scattered[#scattered + 1] = e end
    end
    if top == nil or #l > #top then top, second = l, top
    elseif second == nil or #l > #second then second = l end
  end
  if second and #top + #second >= least and peak(by_time_merged(top, second), w) >= least then
    return true
  end
  if #scattered < least then return false end
  sort(scattered, by_time)
  return peak(scattered, w) >= least
end

-- A lockout that names no caller (a 4740 without its Caller Computer
-- Name) where this log holds the bad passwords behind it: the account's
-- bad passwords (by identity: bad_by_id's lists, in time order) in the w
-- seconds up to each such lockout, from a source, name where they came
-- from (x.callers), and the advice says to go there first.
local function callers_of(x, list, bad_by_id, w)
  local found = {}
  for _, e in ipairs(list) do
    local l = e.source_label == nil and e.role == "lockout" and e.identity and
              bad_by_id[e.identity]
    if l and not e.untimed then
      for i = #l, 1, -1 do -- (the latest first: few are that close)
        local b = l[i]
        if b.t <= e.t then
          if e.t - b.t > w then break end
          if b.source_label then
            local of = found[b.source_label] or {}
            found[b.source_label], of[e.identity] = of, true
          end
        end
      end
    end
  end
  if next(found) == nil then return end
  x.callers = keys(found, 20, true)
  -- (a finding of several accounts' lockouts says whose each caller's
  -- bad passwords were: another's caller is no lead for this one)
  local said = x.callers
  if #(x.accounts or {}) > 1 then
    said = {}
    for i, c in ipairs(x.callers) do
      said[i] = format("%s (%s)", c, concat(keys(found[c]), ", "))
    end
  end
  x.check = prepend(format(rules.LOCKOUT_CALLERS, concat(said, ", ")), x.check)
end

-- The accounts of a list that are disabled by design, once each, sorted.
local function by_design(list)
  local dbd, seen, why_of = {}, {}, {} -- (why_of: per spelling, asked once)
  for _, e in ipairs(list) do
    local u = e.user
    local why = why_of[u or false]
    if why == nil then
      why = identity.disabled_by_design(u) or false
      why_of[u or false] = why
    end
    if why and not seen[e.identity] then
      seen[e.identity] = true
      dbd[#dbd + 1] = { account = e.spelling, identity = e.identity, why = why }
    end
  end
  sort(dbd, function(a, b) return a.identity < b.identity end)
  return dbd
end

-- A test of the attacker reading: did the source of any of a list's
-- attempts fail for another identity within w seconds of it?  (People
-- share a console and mistype now and then; a tool goes through a list.)
-- Each source's failures, in time order, fall in runs of one identity:
-- the nearest failure of another identity before one is the one before
-- its run, and after it, the one after its run.  by_src: each source's
-- failures but a virtual account's, in time order.  Returns the test of
-- a list, and the test of one attempt.
local function other_failures(by_src, w)
  -- first[i], last[i]: where the run of l[i] starts and ends.
  for _, l in pairs(by_src) do
    local first, last, n = {}, {}, #l
    l.first, l.last = first, last
    for i = 1, n do
      local p, e = l[i - 1], l[i]
      e.at = i -- (its place in its source's list; the entry's own field)
      first[i] = (p and p.identity == e.identity) and first[i - 1] or i
    end
    for i = n, 1, -1 do
      local x = l[i + 1]
      last[i] = (x and x.identity == l[i].identity) and last[i + 1] or i
    end
  end
  -- Is there a failure of another identity than who near l[i], at t?
  local function near(l, i, t, who)
    local x = l[i]
    if x == nil then return false end
    if x.identity ~= who then return math_abs(x.t - t) <= w end
    local p, n = l[l.first[i] - 1], l[l.last[i] + 1]
    return (p ~= nil and t - p.t <= w) or (n ~= nil and n.t - t <= w)
  end
  local function test(e)
    local l = e.source and by_src[e.source]
    if l == nil then return false end
    if e.failed and e.kind ~= "virtual" then
      if e.at and l[e.at] == e then -- one of the source's failures
        return near(l, e.at, e.t, e.identity)
      end
      -- (Windows starting a service or task: no one at the source tried)
      if not e.via_web then return false end
    end
    -- Not one of the source's failures (a success, a 4648, a failure
    -- behind a web front end): the failures on either side of its time.
    local lo, hi = 1, #l + 1
    while lo < hi do
      local mid = floor((lo + hi) / 2)
      if l[mid].t < e.t then lo = mid + 1 else hi = mid end
    end
    return near(l, lo - 1, e.t, e.identity) or near(l, lo, e.t, e.identity)
  end
  return function(list)
    for _, e in ipairs(list) do
      if test(e) then return true end
    end
    return false
  end, test
end

-- The failures that say the account exists and is off: Kerberos 0x12
-- (disabled, locked out, expired or outside its hours), disabled,
-- expired (the account or its password).  (Not a locked account's
-- 0xC0000234: a guesser's tries after the lock, as a phone's are.)
local OFF = { revoked = true, disabled = true, expired = true }
-- Logon types of a person at the keyboard (interactive, unlock, remote
-- interactive, cached): no task's.
local AT_KEYBOARD = { [2] = true, [7] = true, [10] = true, [11] = true }

-- A schedule's failures: a source's for an account that is off, at
-- RUNS_AGAIN or more times each over a minute after the one before
-- (retries within it are one).  Scheduled tasks, services and
-- application pools set to run as an account since disabled fail at
-- each run, every few minutes or hours.  Not at a keyboard, nor for an
-- account that got a bad password from anywhere (bad: bad_by_id; a
-- guesser that locked it, under another source's name perhaps, or a
-- user's old password); and none at a source that asked for a name that
-- does not exist, or failed for tool or more accounts in a minute
-- (unnamed_tool: a tool going through a list, which may ask again to be
-- sure).  by_src: each source's failures, in time order.  Returns the
-- set of them, and a test of an attempt e: were its source's failures
-- for other accounts within w of it all a schedule's?  (False where the
-- source has no schedule.)
local RUNS_AGAIN = 3
local function schedules(by_src, w, tool, bad)
  local on, kept = {}, {} -- (kept: by source, its failures the test looks at)
  for src, l in pairs(by_src) do
    local runs, last, probing = {}, {}, false
    for _, e in ipairs(l) do
      if e.class == "unknown_user" then probing = true end
    end
    if not probing and peak(l, MINUTE, "identity") < tool then
      local mine = {}
      for _, e in ipairs(l) do
        local id = e.identity
        if OFF[e.class] and id and not bad[id] and not AT_KEYBOARD[e.logon_type] then
          mine[#mine + 1] = e
          if last[id] == nil or e.t - last[id] > MINUTE then
            runs[id], last[id] = (runs[id] or 0) + 1, e.t
          end
        end
      end
      local again = {}
      for _, e in ipairs(mine) do
        if runs[e.identity] >= RUNS_AGAIN then again[#again + 1] = e; on[e] = true end
      end
      if #again > 0 then
        -- The rest, with where each run of one identity ends
        -- (other_failures').
        local k, last_of = {}, {}
        for _, e in ipairs(l) do
          if not on[e] then k[#k + 1] = e end
        end
        for i = #k, 1, -1 do
          local x = k[i + 1]
          last_of[i] = (x and x.identity == k[i].identity) and last_of[i + 1] or i
        end
        kept[src] = { list = k, last = last_of }
      end
    end
  end
  return on, function(e)
    local s = e.source and kept[e.source]
    if s == nil then return false end
    local k, lo, hi = s.list, 1, #s.list + 1 -- (lo: the first at e.t - w or later)
    while lo < hi do
      local mid = floor((lo + hi) / 2)
      if k[mid].t < e.t - w then lo = mid + 1 else hi = mid end
    end
    local x = k[lo]
    if x and x.identity == e.identity then x = k[s.last[lo] + 1] end
    return x == nil or x.t - e.t > w
  end
end

-- The findings, sorted by severity, and the attempts they come from
-- counted by shape.
local function find_all(self, tables_only)
  local o = self.o
  local w = o.window
  local all = attempts(self)
  -- The lists the findings look at, in time order.  What an attempt goes
  -- in is told by its shape alone (role, class, kind...): decided once
  -- for each shape, then each attempt is put in its lists in one pass.
  local by_class, explicit, roast, asrep = {}, {}, {}, {}
  local roast_refused = {} -- (user-account services' tickets refused for RC4: 0xE)
  -- A logon that worked right after failures, for the identity or from
  -- the source, is looked for among the successes kept whole, and those
  -- kept as a time (STATE:add).
  local wt, wi, wrec, wof = self.won_t, self.won_i, self.won_rec, self.won_of
  -- The failures but refused service tickets (for a success after them,
  -- and for whether a source tried other accounts), and the bad
  -- passwords, by identity and by source (a virtual account's bad
  -- passwords by none): grouped in the same pass,
  -- where a pass of their own would look at each attempt again (an
  -- attack's tens of thousands, each a miss in the caches).
  local fail_by_id, fail_by_src, bad_by_id, bad_by_src = {}, {}, {}, {}
  local tried_by_src = {} -- (other_failures': fail_by_src but a virtual account's)
  local unsourced_bad = {} -- (NTLM bad passwords with no address: no source, or a workstation name)
  -- (and apart from it, by source, the failures behind a web front end)
  local fronted = {}
  local public = self.public -- (is_public, but for the network's own blocks)
  local function of(g, k)
    local l = g[k]
    if l == nil then l = {}; g[k] = l end
    return l
  end
  local function lists(e)
    local to, role = {}, e.role
    -- (a service ticket refused says nothing of a password: the client
    -- had its TGT; an expired ticket, an unknown service are routine, and
    -- tell nothing of a success after them, nor of an attacker's tries)
    if e.failed and role ~= "service_ticket" then
      if e.identity then to[#to + 1] = of(fail_by_id, e.identity) end
      if e.source then to[#to + 1] = of(fail_by_src, e.source) end
      -- (Windows starting a service or task: no one at the source tried)
      if e.source and e.kind ~= "virtual" and not e.started_here then
        to[#to + 1] = of(behind_front(e, public) and fronted or tried_by_src, e.source)
      end
    end
    if e.class then
      by_class[e.class] = by_class[e.class] or {}
      to[#to + 1] = by_class[e.class]
    end
    if e.class == "bad_password" then
      if e.identity then to[#to + 1] = of(bad_by_id, e.identity) end
      if e.source and e.kind ~= "virtual" and not e.started_here then
        to[#to + 1] = of(bad_by_src, e.source)
      end
      -- (and a DC's NTLM checks that name no source, or a workstation
      -- name alone, which the client makes up: below, by DC)
      if role == "ntlm" and e.identity and e.kind ~= "virtual" and not e.ip then
        to[#to + 1] = unsourced_bad
      end
    end
    if role == "explicit" and e.kind == "user" then to[#to + 1] = explicit end
    -- Kerberoasting: RC4/DES service tickets issued for user-account
    -- services (computer accounts and krbtgt have random keys).
    if role == "service_ticket" and e.success and e.enc and ROASTABLE[e.enc] and e.service then
      local s = e.service_key -- the service, lower-cased
      if not find(s, "%$$") and not find(s, "^krbtgt") then to[#to + 1] = roast end
    end
    -- AS-REP roasting: TGTs issued without pre-authentication.
    if role == "tgt" and e.success and e.preauth == 0 then to[#to + 1] = asrep end
    -- A roasting tool asking for RC4 where the services take AES alone:
    -- the KDC refuses each (KDC_ERR_ETYPE_NOSUPP), the burst is the same.
    if role == "service_ticket" and e.failed and e.code == "KDC_ERR_ETYPE_NOSUPP" and
       e.service and (e.platform or "windows") == "windows" then
      local s = e.service_key
      if not find(s, "%$$") and not find(s, "^krbtgt") then to[#to + 1] = roast_refused end
    end
    to.won = e.success and ((role == "logon" and LOGGED_ON[e.logon_type or -1]) or
                            (role == "tgt" and e.preauth ~= 0 and a_tgt(e.service)) or
                            role == "ntlm") and
             e.kind ~= "virtual"
    return to
  end
  -- In the same pass, the attempts counted by shape, in the order their
  -- shapes are first met: a table per shape that reads as it does (its
  -- metatable), with n, the attempts, and their span (widen).  What the
  -- tables of finish() count by is the same for every attempt of a shape
  -- (attempts() gives one whose source another record told a shape of its
  -- own), so each counts shapes, not attempts.
  local goes, shapes = {}, {}
  for _, e in ipairs(all) do
    local shape = getmetatable(e)
    local to = goes[shape]
    if to == nil then
      to = lists(e)
      to.count = setmetatable({ n = 0 }, shape)
      goes[shape] = to
      shapes[#shapes + 1] = to.count
    end
    for j = 1, #to do
      local l = to[j]
      l[#l + 1] = e
    end
    local c, t = to.count, e.t
    c.n = c.n + 1
    if e.untimed then
      widen(c, e)
    elseif c.lo == nil then
      c.lo, c.hi = t, t
    elseif t < c.lo then
      c.lo = t
    elseif t > c.hi then
      c.hi = t
    end
    if to.won then
      local k = #wt + 1
      wt[k], wi[k], wrec[k], wof[k] = e.t, e.i, e.record or false, e
    end
  end
  if tables_only then return {}, shapes end
  local attacking, attacker = other_failures(tried_by_src, w)
  -- Did a source of l, one identity's attempts in time order, fail behind
  -- a web front end for another identity within window seconds of them?
  -- Then "failed for this account only" would be false: the why says what
  -- it did instead.
  local function fronted_others(l, window)
    local lo, hi, who, done = l[1].t - window, l[#l].t + window, l[1].identity, {}
    for _, e in ipairs(l) do
      local s = e.source
      local fl = s and not done[s] and fronted[s]
      if fl then
        done[s] = true
        for _, x in ipairs(fl) do
          if x.identity ~= who and x.t >= lo and x.t <= hi then return true end
        end
      end
    end
    return false
  end
  -- The internet's addresses among a list's sources, which the why of a
  -- finding read as an attack here names, as the reconciliation below
  -- does beside an attack nearby: by the address each failure gave, as
  -- public_source takes its failures; nil for none.  Not by failures that
  -- came through a web front end, through which users' phones fail
  -- whatever else does: the reconciliation passes over them too.
  local function internet_in(l)
    local out = {}
    for _, e in ipairs(l) do
      local s = e.source_label
      if s and not out[s] and e.failed and e.ip and self.public(e.ip) and not through_web(e) then
        out[s] = true
      end
    end
    return next(out) and keys(out) or nil
  end
  local f = {}
  -- (the findings read as a stale credential that another finding may
  -- show to be an attack's: how to make each again)
  local again = {}

  -- One identity, many bad passwords: in the short window, or slowly.
  local g, order = bad_by_id, keys(bad_by_id)
  for _, k in ipairs(order) do
    local l = g[k]
    -- Its runs of fast guessing, and of slow guessing among the rest (a
    -- burst one day, a few tries an hour for a day the next week): one
    -- finding of both, slow only when no run is fast.
    local fast, p = runs_that(l, w, w, nil, o.guessing)
    local rest = fast == l and {} or #fast > 0 and apart(l, fast) or l
    local slowl, ps = runs_that(rest, o.slow_window, o.slow_window, nil, o.slow_guessing)
    if ps < o.slow_guessing then slowl = {} end
    if #fast > 0 or #slowl > 0 then
      if #fast == 0 then
        l = slowl
      elseif #slowl > 0 then -- (both, in the list's time order)
        l = joined_parts(l, fast, slowl)
      else
        l = fast
      end
      local slow = #fast == 0
      local window = slow and o.slow_window or w
      if slow then p = ps end
      -- (read by what the finding tells: its runs)
      local others = attacking(l)
      local quick = not slow and quick_from_one(l, w, o.brute_force, o.guessing)
      local reading = (others or quick) and "attacker" or "stale_credential"
      local why = others and "other_accounts" or quick and "rate" or
                  fronted_others(l, window) and "front_end_others" or lone_why(l)
      local extra = { peak = p, window = window, slow = slow or nil, why = why }
      -- (read as an attack here: the internet's among its sources, named)
      if others or quick then extra.why_internet = internet_in(l) end
      -- (of several sources, the why names those that failed for others)
      if others then
        local seen, some = {}, {} -- (seen[source]: whether it failed for others)
        for _, e in ipairs(l) do
          local s = e.source_label
          if s and seen[s] == nil then seen[s] = false end
          if s and not seen[s] and attacker(e) then seen[s] = true; some[#some + 1] = s end
        end
        if count_keys(seen) > 1 then
          sort(some)
          extra.why, extra.why_sources = "other_accounts_some", some
        end
      end
      local x = finding("password_guessing", l, reading, extra)
      if slow then x.severity = "medium" end
      -- (to another finding, only those named are this attack's sources:
      -- the rest are its account's own clients, a user's PC perhaps)
      if extra.why_sources then
        x.about.attacking = {}
        for _, s in ipairs(extra.why_sources) do x.about.attacking[s] = true end
      end
      f[#f + 1] = x
      if reading == "stale_credential" then again[x] = { l, extra, slow } end
    end
  end

  -- One source, many identities, bad passwords (a virtual account's
  -- left out).
  local sprays = {}
  local sprayed = {} -- (each spray's finding, source and bad passwords: for later logons)
  g, order = bad_by_src, keys(bad_by_src)
  for _, k in ipairs(order) do
    local l, p = runs_that(g[k], w, w, "identity", o.spray)
    if p >= o.spray then sprays[#sprays + 1] = { source = k, list = l, peak = p } end
  end
  -- The same list from many addresses of the internet, each too few for
  -- a tool's pace alone: a botnet's, or a tool changing its address at
  -- each try.  Told by the host they came to, in the minutes that reach a
  -- tool's pace across accounts (unnamed_tool of them in a minute), which
  -- people mistyping from home do not; not through a web front end,
  -- through which phones fail whatever else does, nor from the network's
  -- own addresses, where a busy morning's mistypes at a DC come as fast.
  -- An address whose own bad passwords reach that pace is its spray's
  -- alone; those of sprays at a slower pace (a node trying four
  -- accounts) are the botnet's too.
  do
    local fast = {} -- (the sources told by their own spray at a tool's pace)
    for _, sp in ipairs(sprays) do
      if peak(g[sp.source], MINUTE, "identity") >= o.unnamed_tool then fast[sp.source] = true end
    end
    local by_host, hosts = {}, {} -- (by_class's own time order: no sort)
    for _, e in ipairs(by_class.bad_password or {}) do
      local s = e.source
      if s and not fast[s] and e.ip and e.kind ~= "virtual" and not e.started_here and
         not e.untimed and public(e.ip) and not through_web(e) then
        local h = tostring(e.computer or "")
        local l = by_host[h]
        if l == nil then l = {}; by_host[h] = l; hosts[#hosts + 1] = h end
        l[#l + 1] = e
      end
    end
    sort(hosts)
    for _, h in ipairs(hosts) do
      -- (the minutes at that pace: on a host the internet reaches, failures
      -- less than a minute apart can run all day)
      local l = {}
      local p = peak(by_host[h], MINUTE, "identity", nil, nil, o.unnamed_tool, l)
      if #l > 0 then
        -- (its accounts that logged on from the address of a bad password
        -- within a minute after it: people who mistyped, as a tool's hit
        -- comes with no failure before it from its address)
        local bad_at, from, tried = {}, {}, {}
        local named = {} -- (by source: the accounts it tried)
        for _, e in ipairs(l) do
          from[e.source] = true
          local nm = named[e.source] or {}
          named[e.source] = nm
          nm[e.identity or ""] = true
          tried[e.identity or ""] = true
          local k = (e.identity or "") .. "\0" .. e.source
          local b = bad_at[k]
          if b == nil then b = {}; bad_at[k] = b end
          b[#b + 1] = e.t
        end
        local fixed = in_after(wt, wof, bad_at, function(e)
          return e.source and e.identity .. "\0" .. e.source
        end)
        local nf, na = count_keys(fixed), count_keys(tried)
        local where = h ~= "" and h or "one host"
        local x = finding("password_spray", l, "attacker", { peak = p, window = MINUTE,
                          why = nf > 0 and "distributed_fixed" or "distributed",
                          why_format = nf > 0 and { p, where, count_keys(from), nf, na } or
                                       { p, where, count_keys(from) } })
        x.title, x.check = rules.DISTRIBUTED_TITLE, rules.DISTRIBUTED
        -- (most of its accounts in at once after, each from its address:
        -- read with care, as a reset day's mistypes look the same)
        if nf * 2 >= na then x.severity = "medium" end
        f[#f + 1] = x
        -- (a later logon tells a hit only from an address that tried
        -- other accounts too: one that tried its own alone is its user's)
        local several = {}
        for src, nm in pairs(named) do several[src] = count_keys(nm) > 1 or nil end
        sprayed[#sprayed + 1] = { x = x, sources = several, list = l, bad_at = bad_at }
      end
    end
  end

  -- One source, many unknown or refused names.
  local probes = {}
  for _, e in ipairs(by_class.unknown_user or {}) do probes[#probes + 1] = e end
  for _, e in ipairs(by_class.revoked or {}) do probes[#probes + 1] = e end
  in_time_order(probes)
  local enumerating = {} -- (the probes told by a finding: not told again alone)
  local by_src
  by_src, order = group(probes, function(e) return e.source end)

  -- The names of a list that the KDC refused (0x12) exist; those not off
  -- by design are the ones to protect (their own account_revoked is this).
  local function refused_in(l, dbd)
    local off, refused = {}, {}
    for _, d in ipairs(dbd) do off[d.identity] = true end
    for _, e in ipairs(l) do
      if e.class == "revoked" and not off[e.identity] then refused[e.identity] = true end
    end
    return next(refused) and keys(refused, 50) or nil
  end

  -- A spray's tries at names that do not exist or whose account is
  -- refused are its own (kerbrute's passwordspray gets 0x18 from enabled
  -- accounts, 0x12 from disabled ones, 0x6 from names not there), not a
  -- scan of names beside it: the source's probes within the window of one
  -- of its bad passwords join its spray.
  for _, s in ipairs(sprays) do
    local l, tried, rest = s.list, {}, {}
    local j = 1
    for _, e in ipairs(by_src[s.source] or {}) do
      while l[j] and l[j].t < e.t do j = j + 1 end
      local before, after = l[j - 1], l[j]
      if (before and e.t - before.t <= w) or (after and after.t - e.t <= w) then
        tried[#tried + 1] = e
        enumerating[e] = true
      else
        rest[#rest + 1] = e
      end
    end
    local extra = { peak = s.peak, window = w, why = "tool" }
    if #tried > 0 then
      by_src[s.source] = rest
      l = by_time_merged(l, tried)
      extra.peak = peak(l, w, "identity")
      local dbd = by_design(tried)
      extra.disabled_by_design = #dbd > 0 and dbd or nil
      extra.refused = refused_in(tried, dbd)
      extra.probed = #tried
    end
    local x = finding("password_spray", l, "attacker", extra)
    if #tried > 0 then -- (after the spray's own advice: a copy, not the rules' list)
      local check = {}
      for i, c in ipairs(x.check) do check[i] = c end
      -- (the platforms of the names tried, where the spray's were several)
      local said = {}
      for _, e in ipairs(tried) do
        local pf = e.platform or "windows"
        if not said[pf] then
          said[pf] = true
          check[#check + 1] = rules.SPRAYED_NAMES[pf] or rules.SPRAYED_NAMES.windows
        end
      end
      x.check = check
    end
    f[#f + 1] = x
    sprayed[#sprayed + 1] = { x = x, source = s.source, list = s.list }
  end

  -- Bad passwords that name no source, as a DC logs NTLM's where the
  -- client sent no workstation name, or a name no logon came from and no
  -- spray above holds (a tool may send none, or make one up at each
  -- try): each DC's, at a tool's pace across accounts, unnamed_tool of
  -- them in a minute, more than people mistyping send at once (a slower
  -- spray cannot be told from a busy morning's mistypes).  Not those that
  -- another source's record tells too, within a few seconds (the member
  -- server's 4625 behind the DC's 4776, its clock a little off): that
  -- source's spray has them.
  if #unsourced_bad > 0 then
    -- (by identity: its bad passwords that name a source of their own, an
    -- address or an event other than 4776, whose workstation name is the
    -- client's word; where looked; and for each, the next of another source)
    local sourced, at, other = {}, {}, {}
    local function told_elsewhere(e)
      local id = e.identity
      local l, nx = sourced[id], other[id]
      if l == nil then
        l, nx = {}, {}
        for _, x in ipairs(bad_by_id[id]) do
          if x.source and (x.ip or x.role ~= "ntlm") then l[#l + 1] = x end
        end
        for k = #l, 1, -1 do
          nx[k] = (l[k + 1] and l[k + 1].source ~= l[k].source) and k + 1 or nx[k + 1]
        end
        sourced[id], other[id] = l, nx
      end
      local i = at[id] or 1
      while l[i] and l[i].t < e.t - SAME_TRY do i = i + 1 end
      at[id] = i -- (unsourced_bad is in time order: no look goes back)
      if l[i] and l[i].source == e.source then i = nx[i] end
      local x = i and l[i]
      return x ~= nil and x.t <= e.t + SAME_TRY
    end
    -- (the names of a spray above, those some logon came from, and those
    -- of a computer whose own account the logs name: a real PC's, whose
    -- user mistyped over NTLM and logged on over Kerberos; by first label)
    local known = {}
    for _, sp in ipairs(sprays) do known[first_label(tostring(sp.source))] = true end
    for c = 1, #wt do
      local src = wof[c].source
      if src then known[first_label(tostring(src))] = true end
    end
    for _, l in ipairs({ self.shape_list, self.sum_list }) do
      for _, sh in ipairs(l) do
        local pc = sh.kind == "machine" and sh.identity and match(sh.identity, "([^\\]+)%$$")
        if pc then known[first_label(pc)] = true end
      end
    end
    local kept = {}
    for _, e in ipairs(unsourced_bad) do
      if not e.untimed and not (e.source and known[first_label(tostring(e.source))]) and
         not told_elsewhere(e) then
        kept[#kept + 1] = e
      end
    end
    local by_dc, dcs = group(kept, function(e) return tostring(e.computer or "") end)
    for _, k in ipairs(dcs) do
      local l, p = runs_that(by_dc[k], MINUTE, MINUTE, "identity", o.unnamed_tool)
      if p >= o.unnamed_tool then
        -- (its accounts that logged on within a minute after a bad
        -- password of it: people who mistyped, or a tool's next try; each
        -- success by the last bad password before it, found by halves)
        local bad_at = {}
        for _, e in ipairs(l) do
          local b = bad_at[e.identity]
          if b == nil then b = {}; bad_at[e.identity] = b end
          b[#b + 1] = e.t
        end
        local fixed = in_after(wt, wof, bad_at, function(e) return e.identity end)
        local nf, na = count_keys(fixed), count_keys(bad_at)
        local x = finding("password_spray", l, "attacker", { peak = p, window = MINUTE,
                          why = nf > 0 and "unsourced_rate_fixed" or "unsourced_rate",
                          why_format = nf > 0 and { p, nf, na } or { p } })
        -- (most of its accounts in at once after: read with care, as a
        -- morning's mistypes are as likely as a tool's second try)
        if nf * 2 >= na then x.severity = "medium" end
        -- (names it gives: the client's word, and where none was found)
        if next(x.about.sources) then
          x.check = prepend_instead(rules.NAMES_MADE_UP, x.check, rules.SOME_NO_SOURCE)
        end
        f[#f + 1] = x
      end
    end
  end

  -- (a schedule's failures are left out of a scan, and read by the
  -- accounts' own findings below)
  local on_schedule, schedule_alone = schedules(tried_by_src, w, o.unnamed_tool, bad_by_id)
  for _, k in ipairs(order) do
    local rest = {}
    for _, e in ipairs(by_src[k]) do
      if not on_schedule[e] then rest[#rest + 1] = e end
    end
    local l, p = runs_that(rest, w, w, "identity", o.enumeration)
    if p >= o.enumeration then
      for _, e in ipairs(l) do enumerating[e] = true end
      local dbd = by_design(l)
      f[#f + 1] = finding("user_enumeration", l, "attacker",
                          { peak = p, window = w, disabled_by_design = dbd, why = "tool",
                            refused = refused_in(l, dbd) })
    end
  end

  -- Single kinds: any one is worth a look; split by reading.
  for _, single in ipairs(SINGLE) do
    local cl, kind = single[1], single[2]
    local l = {}
    for _, e in ipairs(by_class[cl] or {}) do
      if not (cl == "revoked" and enumerating[e]) then l[#l + 1] = e end
    end
    -- (lockouts of spray accounts or more from one caller in the window:
    -- guessing at many accounts past their threshold, where a 4740 is
    -- all the log has of it)
    local many, most = {}, 0
    if cl == "lockout" then
      -- (4740s alone: a 0xC0000234 is a try after the lock, which users
      -- whose phones keep trying make through a front end; and of a known
      -- time)
      local locks = {}
      for _, e in ipairs(l) do
        if e.role == "lockout" and not e.untimed then locks[#locks + 1] = e end
      end
      -- (a caller this log shows to be a web front end, IIS or ADFS
      -- checking passwords for its users: their phones' lockouts)
      local front = {}
      for _, sh in ipairs(self.shape_list) do
        if sh.via_web and sh.computer then front[first_label(tostring(sh.computer))] = true end
      end
      local by, callers = group(locks, function(e)
        return e.source and not front[first_label(tostring(e.source))] and e.source or nil
      end)
      for _, k in ipairs(callers) do
        local run, p = runs_that(by[k], w, w, "identity", o.spray)
        if p >= o.spray then
          for _, e in ipairs(run) do many[e] = true end
          if p > most then most = p end
        end
      end
    end
    -- (schedule: a schedule's failures, where others of it near them
    -- alone gave them an attack's reading)
    local parts = { attacker = {}, stale_credential = {}, schedule = {} }
    for _, e in ipairs(l) do
      local a = attacker(e)
      local r = (a or many[e]) and "attacker" or "stale_credential"
      if a and on_schedule[e] and not many[e] and schedule_alone(e) then r = "schedule" end
      local p = parts[r]
      p[#p + 1] = e
    end
    for _, part in ipairs({ "attacker", "stale_credential", "schedule" }) do
      local p = parts[part]
      local r = part == "schedule" and "stale_credential" or part
      if #p > 0 and #p >= o[THRESHOLD[cl]] then
        local dbd = (cl == "revoked" or cl == "disabled") and by_design(p) or {}
        -- (a caller's many lockouts in it: high; its why, where none of
        -- its sources failed for others)
        local has_many, by_many = false, false
        if r == "attacker" and most > 0 then
          by_many = true
          for _, e in ipairs(p) do
            if many[e] then has_many = true end
            if attacker(e) then by_many = false end
          end
        end
        local x = finding(kind, p, r, { disabled_by_design = #dbd > 0 and dbd or nil,
          why = by_many and "locked_many" or r == "attacker" and "other_accounts" or
                part == "schedule" and "refused_again" or
                fronted_others(p, w) and "front_end_others" or lone_why(p),
          why_format = by_many and { most } or nil,
          why_internet = r == "attacker" and internet_in(p) or nil })
        if cl == "lockout" then callers_of(x, p, bad_by_id, w) end
        -- (disabled_account's own advice starts with where to look)
        if part == "schedule" and cl ~= "disabled" then
          x.check = prepend(rules.ON_SCHEDULE, x.check)
        end
        if has_many then
          x.severity = "high"
          -- (what the caller is decides it: a front end's users, or a
          -- guesser; where none failed for others, not that they did)
          x.check = prepend_instead(rules.LOCKED_MANY, x.check,
                                    by_many and rules.LOCKOUT_OTHERS or nil)
        end
        f[#f + 1] = x
      end
    end
  end

  -- 4648: one process or source using many people's credentials.
  g, order = group(explicit, function(e)
    return (e.source or "") .. "\0" .. lower(e.process or "")
  end)
  for _, k in ipairs(order) do
    local l = g[k]
    local p
    l, p = runs_that(l, w, w, "identity", o.explicit)
    if p >= o.explicit then
      local others = attacking(l)
      local tool = not system_process(l[1].process)
      f[#f + 1] = finding("explicit_credentials", l,
        (tool or others) and "attacker" or "stale_credential",
        { peak = p, window = w, process = l[1].process,
          why = others and "other_accounts" or tool and "tool_process" or "system_process" })
    end
  end

  -- Kerberoasting: an identity and source asking for many services'
  -- tickets in the window is a tool's, a finding of its own.  Fewer are
  -- what the KDC gives every client of a service whose account it makes
  -- RC4 tickets for (msDS-SupportedEncryptionTypes without AES: the KDC
  -- reads it for the tickets to that account), or an old client: one
  -- finding per service, of all who asked, where a finding per client
  -- made a dozen of one service.
  -- A requester's burst of many services' tickets in the window, issued
  -- or refused for their encryption type (0xE: a roasting tool's RC4
  -- request where a service takes AES alone) alike: a tool's, one finding
  -- of the tickets it got (those to crack, and to reset), the refused
  -- named beside them; where it got none, advice about the requester's
  -- account, as nothing was issued to crack.  The issued tickets of the
  -- others go to their service's finding.
  local of_requester, requesters = group(by_time_merged(roast, roast_refused), function(e)
    return e.identity .. "\0" .. (e.source or "")
  end)
  local rest = {}
  for _, k in ipairs(requesters) do
    local l = of_requester[k]
    local p = peak(l, w, "service_key")
    local issued, refused = {}, {}
    for _, e in ipairs(l) do
      if e.failed then refused[#refused + 1] = e else issued[#issued + 1] = e end
    end
    if p >= o.kerberoast_many then
      local services, denied = {}, {}
      for _, e in ipairs(issued) do services[e.service] = true end
      for _, e in ipairs(refused) do
        if not services[e.service] then denied[e.service] = true end
      end
      local x = finding("kerberoasting", #issued > 0 and issued or refused, "attacker",
                        { services = keys(#issued > 0 and services or denied, 100), peak = p,
                          window = w, why = #issued > 0 and "many_services" or "refused_etype",
                          refused_services = #issued > 0 and next(denied) and keys(denied, 100)
                                             or nil })
      if #issued == 0 then
        local check = {}
        for j, c in ipairs(rules.ROAST_REFUSED) do check[j] = c end
        x.check = check
      end
      f[#f + 1] = x
    else
      for _, e in ipairs(issued) do rest[#rest + 1] = e end
    end
  end
  local of_service
  of_service, order = group(rest, function(e) return e.service_key end)
  for _, key in ipairs(order) do
    local l = of_service[key]
    in_time_order(l) -- (gathered from each client's list)
    f[#f + 1] = finding("kerberoasting", l, "stale_credential",
                        { services = { l[1].service }, why = "one_service" })
  end

  -- AS-REP roasting.  Several accounts' TGTs from one source are a
  -- tool's pattern: a finding per source.  One account's may be its own
  -- logon (a client asks without pre-authentication first, and an
  -- account that does not require it gets its TGT then), and is still a
  -- reply anyone who asked could crack: a finding per account, of every
  -- source that asked for it alone (a legacy account that logs on from
  -- fifty hosts is one account to fix, not fifty findings).  Several
  -- accounts' with no source named may be one tool's or each account's
  -- own logon.
  g, order = group(asrep, function(e) return e.source or "" end)
  local told = {} -- (the sources told by a finding of their own)
  for _, k in ipairs(order) do
    local l, who, several = g[k], nil, false
    for _, e in ipairs(l) do
      if who == nil then who = e.identity elseif e.identity ~= who then several = true; break end
    end
    -- (those that name no client are told apart, as they may be anyone's)
    if several or k == "" then
      told[k] = true
      f[#f + 1] = finding("asrep_roasting", l, "attacker",
                          { why = not several and "no_preauth" or k == "" and
                                  "no_preauth_unsourced" or "tool" })
    end
  end
  local alone = {} -- (in time order, as asrep is)
  for _, e in ipairs(asrep) do
    if not told[e.source or ""] then alone[#alone + 1] = e end
  end
  g, order = group(alone, function(e) return e.identity or "" end)
  for _, k in ipairs(order) do
    local l, from = g[k], {}
    for _, e in ipairs(l) do from[e.source or ""] = true end
    local n = count_keys(from)
    f[#f + 1] = finding("asrep_roasting", l, "attacker",
                        n > 1 and { why = "no_preauth_sources", why_format = { n } } or
                        { why = "no_preauth" })
  end

  -- One source, many failures that name no account: a tool's burst, or
  -- something set up wrong that keeps trying.  An attack when they come
  -- at a tool's pace, or when the source is in a finding read as one
  -- already (guessing, spraying, probing names): one mistyped password
  -- from behind the same address is not that.
  local attacks = {}
  for _, x in ipairs(f) do
    if x.reading == "attacker" then
      for _, label in ipairs(x.sources) do attacks[label] = true end
    end
  end
  local nl = self.nameless
  for _, sh in ipairs(self.nameless_shape_list) do
    sh.source, sh.source_label = self.ids:source(sh.src)
  end
  in_time_order(nl)
  local nl_by_src, nl_order = group(nl, function(e) return e.source end)
  local tools = {}
  for _, k in ipairs(nl_order) do
    local all_of = nl_by_src[k]
    local tool = peak(all_of, MINUTE) >= o.unnamed_tool
    tools[k] = tool
    local l, p = runs_that(all_of, w, w, nil, o.unnamed)
    if p >= o.unnamed then
      local named = attacks[l[1].source_label] or false
      local reading = (named or tool) and "attacker" or "stale_credential"
      f[#f + 1] = finding("unnamed_failures", l, reading,
        { peak = p, window = w,
          why = tool and "unnamed_rate" or named and "named_attack" or "unnamed_pace" })
    end
  end

  -- Success after failures: the successes in time order.
  local won = {}
  for k = 1, #wt do won[k] = k end
  in_time_order(won, wt, wi)
  -- A source's failures that name no account, at a tool's pace, come
  -- before its successes too (a scanner's anonymous tries, then a logon
  -- with a name).  Slower ones do not: a health probe's every 30 s says
  -- nothing of the people who log on through the same address.
  for src, l in pairs(nl_by_src) do
    if tools[src] then
      fail_by_src[src] = fail_by_src[src] and by_time_merged(fail_by_src[src], l) or l
    end
  end
  -- The failures of a list l (in time order) in the window [t - w, t]
  -- before a success at t, number i, counted by field by (source or
  -- identity); of those at t, only those logged before it (a log of whole
  -- seconds, MIT's, gives a second's records one time).  The
  -- successes come in time order, so a list's window only moves on: each
  -- failure comes into it once and leaves it once, where a count at each
  -- success would cost the window's length (an attack's thousands, for
  -- each success in its minutes).  distinct: how many values of by it
  -- holds, none counted for those that have none (no identity: a failure
  -- that names no account).
  local windows = {}
  local unfronted = {} -- (by source: its failures but those behind a front end)
  local function window(l, t, i, by)
    local s = windows[l]
    if s == nil then
      s = { l = l, lo = 1, hi = 0, n = {}, distinct = 0 }
      windows[l] = s
    end
    local lo, hi, n = s.lo, s.hi, s.n
    local x = l[hi + 1]
    while x ~= nil and (x.t < t or (x.t == t and x.i < i)) do
      hi = hi + 1
      local k = x[by] or false
      local c = n[k] or 0
      if c == 0 and k then s.distinct = s.distinct + 1 end
      n[k] = c + 1
      x = l[hi + 1]
    end
    local from_t = t - w
    while lo <= hi and l[lo].t < from_t do
      local k = l[lo][by] or false
      n[k] = n[k] - 1
      if n[k] == 0 and k then s.distinct = s.distinct - 1 end
      lo = lo + 1
    end
    s.lo, s.hi = lo, hi
    return s
  end
  -- An identity's failures before t (window s of its list, by source):
  -- how many; from: only those from that source (or from none known).
  local function of_identity(s, from)
    if from == nil then return s.hi - s.lo + 1 end
    return (s.n[from] or 0) + (s.n[false] or 0)
  end
  -- The time of the first of them (a look through the window, made only
  -- for a success that makes a finding).
  local function first_of_identity(s, from)
    local l = s.l
    for i = s.lo, s.hi do
      local x = l[i]
      if from == nil or x.source == nil or x.source == from then return x.t end
    end
  end
  local hits, hit_at = {}, {} -- (hit_at: the successes, by place, that made one)
  local counted_to = {} -- (by identity: the last of its failures a sourceless success counted)
  local sent_by = {} -- (by identity: how many of its failures each source sent, in all)
  for _, c in ipairs(won) do
    local e, t = wof[c], wt[c]
    -- The identity's failures from where the success came from: a phone
    -- with an old password failing while its owner logs on at a desk is
    -- not someone getting in.
    local l_id, l_src = fail_by_id[e.identity], e.source and fail_by_src[e.source]
    local s_id = l_id and window(l_id, t, wi[c], "source")
    local n_id = s_id and of_identity(s_id, e.source) or 0
    -- The source's failures before t, and of how many identities other
    -- than this one.
    local s_src = l_src and window(l_src, t, wi[c], "identity")
    local n_src, others, unnamed = 0, 0, 0
    if s_src then
      n_src = s_src.hi - s_src.lo + 1
      others = s_src.distinct - ((s_src.n[e.identity] or 0) > 0 and 1 or 0)
      -- (those that name no account: only a tool's are in its list)
      unnamed = s_src.n[false] or 0
      -- (of a source behind a web front end, the other accounts it failed
      -- for there are users' phones: the source's failures counted are
      -- then those not through the front end, and the account's own; not
      -- for a spray through it, of `spray` accounts as password_spray
      -- counts them, this one's too)
      if others > 0 and s_src.distinct < o.spray and fronted[e.source] then
        local u = unfronted[e.source]
        if u == nil then
          u = {}
          for _, x in ipairs(l_src) do
            if not behind_front(x, public) then u[#u + 1] = x end
          end
          unfronted[e.source] = u
        end
        local s_u = window(u, t, wi[c], "identity")
        local own_u = s_u.n[e.identity] or 0
        others = s_u.distinct - (own_u > 0 and 1 or 0)
        n_src = (s_u.hi - s_u.lo + 1) + (s_src.n[e.identity] or 0) - own_u
      end
    end
    local n, first = n_id, nil
    if n_src > n_id then n = n_src end
    -- Enough failures, or a source that was spraying: its success is the
    -- spray's.
    if n >= o.success_after or others >= o.spray then
      if e.n then -- kept as a time: the record, for the finding
        e = { i = wi[c], t = t, untimed = t == 0 or nil, id = e.id,
              record = wrec[c] or nil, computer = e.computer, role = e.role,
              identity = e.identity, kind = e.kind, spelling = e.spelling,
              source = e.source, source_label = e.source_label, src = e.src, success = true,
              failed = false, logon_type = e.logon_type, logon_name = e.logon_name,
              platform = e.platform, front = e.front, at_screen = at_screen(e, e.src) }
      end
      hit_at[c] = true
      local k = e.source or e.identity
      hits[k] = hits[k] or {}
      local h = hits[k]
      h[#h + 1] = e
      -- The account's own among them: of the source's, those for it (a
      -- spray's hit may have none); else all of n, its own.
      e.failures_before = n
      e.failures_own = n_src > n_id and (s_src.n[e.identity] or 0) or n
      -- (the account's failures that name no source count beside those
      -- from the success's: whether they came from there is not known)
      e.failed_unsourced = e.source ~= nil and s_id ~= nil and n_src <= n_id and
                           (s_id.n[false] or 0) > 0
      if n > 0 then
        if n_src > n_id then first = l_src[s_src.lo].t
        else first = first_of_identity(s_id, e.source) end
      end
      -- (a success that names no source: where the failures it counts,
      -- the account's from anywhere, came from, and since when, for the
      -- reading of an attack below: from[source] is false where all of
      -- its came through a web front end, through which users' phones
      -- fail whatever else does, or were all typed at the host's own
      -- logon screen, as a guess of them is no attack's for that source
      -- either (direct_sources); and how many came from each and in all,
      -- each counted for one success, for a why that says how many were
      -- whose)
      if e.source == nil and s_id then
        local from, n_of, all_n = direct_sources(l_id, s_id.lo, s_id.hi), {}, 0
        local j0 = math_max(s_id.lo, (counted_to[e.identity] or 0) + 1)
        for j = j0, s_id.hi do
          local s = l_id[j].source_label
          all_n = all_n + 1
          if s then n_of[s] = (n_of[s] or 0) + 1 end
        end
        counted_to[e.identity] = math_max(j0 - 1, s_id.hi)
        e.failed_from, e.failed_lo, e.failed_n, e.failed_all = from, first, n_of, all_n
      end
      -- Failures faster than a person types (under 2 s apart on average).
      e.burst = n >= o.guessing and first ~= nil and (t - first) / n < 2
      -- More than a person retypes, from one source (or naming none): of
      -- a success that names no source, n is the account's failures from
      -- anywhere, six servers' old password among them.
      -- (as quick_from_one counts: those naming none, and from sources
      -- that sent the account few in all, together)
      local most = n
      if e.source == nil and s_id and n >= o.brute_force then
        local sent = sent_by[e.identity]
        if sent == nil then
          sent = {}
          for _, x in ipairs(l_id) do
            local from = x.source
            if from then sent[from] = (sent[from] or 0) + 1 end
          end
          sent_by[e.identity] = sent
        end
        local together = s_id.n[false] or 0
        most = 0
        for from, m in pairs(s_id.n) do
          if from then
            if sent[from] < o.guessing then together = together + m
            elseif m > most then most = m end
          end
        end
        if together > most then most = together end
      end
      e.brute = most >= o.brute_force
      e.others, e.unnamed = others, unnamed
    end
  end
  local unsourced_tools = {} -- (the failures' sources of a tool's success that names none)
  for _, k in ipairs(keys(hits)) do
    local l = hits[k]
    local list, tool, unsourced = {}, false, false
    for i, e in ipairs(l) do
      if i <= 50 then
        list[i] = { identity = e.identity, time = time_of(e), failures = e.failures_before,
                    own_failures = e.failures_own }
      end
      -- (the reason that tells most, of any of its successes)
      local why = e.others > 0 and 1 or e.burst and 2 or e.unnamed > 0 and 3 or
                  e.brute and 4 or nil
      if why and (not tool or why < tool) then tool = why end
      unsourced = unsourced or e.failed_unsourced
    end
    local reading = tool and "attacker" or "stale_credential"
    -- (a success that names no source, a 4776 with no workstation, is
    -- not known to come from where the failures did: they are all the
    -- account's, from anywhere)
    local extra = { failures = l[1].failures_before, success = time_of(l[1]), successes = list,
                    why = tool and AFTER_WHY[tool] or
                          l[1].source and (unsourced and "typo_failures_no_source" or "typo") or
                          "typo_no_source" }
    -- (read as an attack by its own failures: where its source is the
    -- internet's, said, as a guess's why says it; by the success's own
    -- address, not one a front end passed on)
    if tool and l[1].source then
      local out = {}
      for _, e in ipairs(l) do
        local s = e.source_label
        if s and e.src and self.public(e.src) and not through_web(e) then out[s] = true end
      end
      extra.why_internet = next(out) and keys(out) or nil
    end
    local x = finding("success_after_failures", l, reading, extra)
    f[#f + 1] = x
    local a = { l, extra }
    -- (no source of its own: its failures' sources, from the first of
    -- them to the last success, are what an attack may be shown by)
    if l[1].source == nil then
      local from, lo, hi, n_of, all_n = {}, nil, nil, {}, 0
      for _, e in ipairs(l) do
        for s, direct in pairs(e.failed_from or {}) do from[s] = from[s] or direct end
        for s, n in pairs(e.failed_n or {}) do n_of[s] = (n_of[s] or 0) + n end
        all_n = all_n + (e.failed_all or 0)
        local t0 = e.failed_lo or e.t
        if lo == nil or t0 < lo then lo = t0 end
        if hi == nil or e.t > hi then hi = e.t end
      end
      a.failed_from, a.lo, a.hi, a.failed_n, a.failed_all = from, lo, hi, n_of, all_n
      -- (a tool's: already an attack's, but its failures' sources tell
      -- the internet's finding whether a logon may have followed them)
      if tool then unsourced_tools[#unsourced_tools + 1] = from end
    end
    if not tool then again[x] = a end
  end

  -- A sprayed account that logged on from the spray's source after its
  -- bad password there, and not right after failures (a success after
  -- failures counts the window's alone): the password the spray found,
  -- used later.  Named on the spray, which is then critical; only for a
  -- spray at a tool's pace (its accounts' tries in a minute), as a front
  -- end's users fail through it a few a minute with old passwords, and
  -- log on through it once they have the new one.
  local won_from = {} -- (the successes' places, in time order, by source: for the sprays')
  for _, sp in ipairs(sprayed) do
    if sp.sources then
      for src in pairs(sp.sources) do won_from[src] = {} end
    else
      won_from[sp.source] = {}
    end
  end
  for _, c in ipairs(#sprayed > 0 and won or {}) do
    local l = won_from[wof[c].source or false]
    if l then l[#l + 1] = c end
  end
  -- An account that had logged on from the source before the spray logs
  -- on from it as ever after (a NAT's or a VPN's address, a shared host):
  -- its later logon tells nothing, and is left out.
  do
    -- A spray from many addresses: an account that logged on from the
    -- address of one of its bad passwords, more than a minute after the
    -- last of them (those within a minute are people who mistyped, and read
    -- above), and had not logged on from it before its first there.
    local function later_of_many(sp)
      local later = {}
      for _, src in ipairs(keys(sp.sources, nil, true)) do
        local before = {} -- (the accounts that had logged on from src before)
        for _, c in ipairs(won_from[src]) do
          local e, t = wof[c], wt[c]
          local b = e.identity and sp.bad_at[e.identity .. "\0" .. src]
          if b and t < b[1] and t > 0 then before[e.identity] = true end
          if b and t > b[#b] + MINUTE and not hit_at[c] and not before[e.identity] then
            later[#later + 1] = { identity = e.identity, time = time.canonical(t) }
            if #later == 50 then return later end
          end
        end
      end
      return later
    end
    local function later_of_one(sp)
      local tried = {} -- (each identity's last bad password in the spray)
      if peak(sp.list, MINUTE, "identity") < o.spray then sp.list = {} end
      local first
      for _, e in ipairs(sp.list) do
        if e.identity and not e.untimed then
          tried[e.identity] = e.t
          if first == nil or e.t < first then first = e.t end
        end
      end
      local later, before = {}, {}
      for _, c in ipairs(won_from[sp.source]) do
        local e, t = wof[c], wt[c]
        local t0 = tried[e.identity]
        if t0 and t < first and t > 0 then before[e.identity] = true end
        if t0 and t > t0 and not hit_at[c] and not before[e.identity] then
          later[#later + 1] = { identity = e.identity, time = time.canonical(t) }
          if #later == 50 then break end
        end
      end
      return later
    end
    for _, sp in ipairs(sprayed) do
      local later = sp.sources and later_of_many(sp) or later_of_one(sp)
      if #later > 0 then
        local x = sp.x
        x.logged_on_later, x.severity = later, "critical"
        x.check = prepend(rules.SPRAY_LATER_LOGON, x.check)
      end
    end
  end

  -- Attempts from the internet (a public IPv4 address as the source): a
  -- service the log's host gives is reachable from outside.  Failures are
  -- its records (by the address a record gave, never a workstation name,
  -- which the client makes up; and those that name no account); the
  -- logons that worked from such an address, kept as counts (sums), are
  -- named beside them, and make it high.
  -- (looked for among the shapes first: most logs have none, and then
  -- no attempt is looked at)
  -- (how many attempts those blocks left out: failures, and successes
  -- kept as counts; asked only where there are blocks)
  local own = public ~= address.is_public and 0
  local function outside(v)
    if public(v) then return true end
    if own and address.is_public(v) then own = own + 1 end
    return false
  end
  local own_won = {} -- (the successes from those blocks, as won_by below)
  local any, any_nl = false, false
  for _, sh in ipairs(self.shape_list) do
    if sh.failed and sh.ip and address.is_public(sh.ip) then any = true; break end
  end
  for _, sh in ipairs(self.nameless_shape_list) do
    if address.is_public(sh.src) then any_nl = true; break end
  end
  local pub = {}
  if any then
    for _, e in ipairs(all) do
      if e.failed and e.ip and outside(e.ip) then pub[#pub + 1] = e end
    end
  end
  if any_nl then
    local pub_nl = {}
    for _, e in ipairs(nl) do
      if outside(e.src) then pub_nl[#pub_nl + 1] = e end
    end
    pub = by_time_merged(pub, pub_nl)
  end
  -- (a logon or a TGT: one logon logged both ways counts once, by the
  -- larger count, as the accounts' table counts it; a 4776 gives no address)
  local won_by, won_out, n_won, of_platform = {}, {}, 0, {}
  local direct_won = false -- (a success from outside that came through no web front end)
  -- (sm's logons into the row of its identity and source in rows: made
  -- when new, and then said so)
  local function counted(rows, sm)
    local key = sm.identity .. "\0" .. (sm.source or sm.src)
    local on, new = rows[key], false
    if on == nil then on, new = { by_role = {} }, true; rows[key] = on end
    on.by_role[sm.role] = (on.by_role[sm.role] or 0) + sm.n - (sm.twins or 0)
    return on, new
  end
  local function logons(on) return math_max(on.by_role.logon or 0, on.by_role.tgt or 0) end
  for _, sm in ipairs(self.sum_list) do
    if (sm.role == "logon" or sm.role == "tgt") and sm.kind ~= "virtual" then
      if public(sm.src) then
        direct_won = direct_won or not through_web(sm)
        local on, new = counted(won_by, sm)
        if new then
          on.identity, on.source, on.src = sm.identity, sm.source_label or sm.src, sm.src
          won_out[#won_out + 1] = on
        end
        if sm.first and (on.first == nil or sm.first < on.first) then on.first = sm.first end
        if sm.last and (on.last == nil or sm.last > on.last) then on.last = sm.last end
        of_platform[sm.platform or "windows"] = true
      elseif own and address.is_public(sm.src) then
        counted(own_won, sm)
      end
    end
  end
  for _, on in pairs(own_won) do own = own + logons(on) end
  self.internal_attempts = own or nil
  for _, on in ipairs(won_out) do
    on.count = logons(on)
    on.by_role = nil
    n_won = n_won + on.count
  end
  if #pub > 0 or n_won > 0 then
    local x = finding("public_source", pub, "attacker",
                      { why = n_won > 0 and "public_success" or "public_failures",
                        also_platforms = of_platform })
    if n_won > 0 then
      sort(won_out, function(a, b)
        if a.count ~= b.count then return a.count > b.count end
        return a.identity .. "\0" .. a.source < b.identity .. "\0" .. b.source
      end)
      local accounts, sources_of = x.about.accounts, x.about.sources
      for _, lo in ipairs(won_out) do
        accounts[lo.identity] = true
        sources_of[lo.source] = true
        x.about.srcs[lower(lo.src)] = true
        if lo.first and (x.first == nil or lo.first < x.first) then x.first = lo.first end
        if lo.last and (x.last == nil or lo.last > x.last) then x.last = lo.last end
        lo.src = nil
      end
      for i = 51, #won_out do won_out[i] = nil end
      x.accounts, x.sources = keys(accounts, 50), keys(sources_of, 50, true)
      x.count, x.logged_on = x.count + n_won, won_out
      x.severity = "high"
      -- A web front end the host publishes (Outlook on the web, ADFS):
      -- its users sign in from outside every day, and "close it, treat
      -- each account as compromised" would send the responder the wrong
      -- way.  Where every attempt from outside came through one, it is
      -- said so, at the usual severity; its failures are the findings'
      -- beside it (a spray through it, a guess).
      if not direct_won then
        local web = true
        for _, e in ipairs(pub) do web = web and through_web(e) end
        if web then
          x.severity, x.why = "medium", rules.WHY.public_web
          x.check = rules.PUBLIC_WEB
        end
      end
    end
    f[#f + 1] = x
  end

  -- A stale credential does not stand beside an attack from the same
  -- source at the same time: guessing, or a success after failures, from
  -- a source that another finding reads as an attack within the window
  -- of its attempts (a spray, a success after a tool's burst), or from the
  -- internet (public_source: the address says so at any time), is that
  -- attack's, and its advice is an attack's, not "ask the user".  Not by
  -- a source whose attempts all came through a front end (IIS, Exchange,
  -- ADFS: users' phones fail through it, whatever else does), nor from a
  -- 4648's finding (its source is the host its program ran on, where
  -- people mistype too).
  local spans, from_out = {}, {}
  local won_after = {} -- (the spans of successes after failures: below)
  local guessed = {} -- (the spans of guesses: below)
  for _, x in ipairs(f) do
    if x.reading == "attacker" and not again[x] then
      if x.kind == "public_source" then
        for src in pairs(x.about.sources) do from_out[src] = true end
      elseif x.kind ~= "explicit_credentials" and x.about.lo then
        spans[#spans + 1] = x.about
        if x.kind == "success_after_failures" then won_after[x.about] = true end
        if x.kind == "password_guessing" then guessed[x.about] = true end
      end
    end
  end
  -- (a success of a guess's account after a tool's pace from a source is
  -- an attack's by that guess's own failures: no other finding's evidence)
  local function own_span(x, at)
    if x.kind ~= "password_guessing" or not won_after[at] then return false end
    for id in pairs(x.about.accounts) do
      if at.accounts[id] then return true end
    end
    return false
  end
  -- (a guess read as an attack at one of success x's accounts, by its
  -- source src, near lo to hi: the failures before the success, read as
  -- an attack by what they are themselves, the source trying other
  -- accounts with them; a source passed over as a front end's or a
  -- screen's is passed over for what else it does, not for that)
  local function own_guess(x, src, lo, hi, near)
    for _, at in ipairs(spans) do
      if guessed[at] and (at.attacking or at.sources)[src] and at.lo <= hi + near and
         at.hi >= lo - near then
        for id in pairs(x.about.accounts) do
          if at.accounts[id] then return true end
        end
      end
    end
    return false
  end
  -- (is src a source of another finding read as an attack, near lo to hi?)
  local function attack_at(src, lo, hi, near)
    for _, at in ipairs(spans) do
      if (at.attacking or at.sources)[src] and at.lo <= hi + near and at.hi >= lo - near then
        return true
      end
    end
    return false
  end
  -- (the logon screen is a front end only for those typed at it here: one
  -- an address reached is RDP's without NLA, from the client's own address)
  local function front_end(x)
    for p in pairs(x.about.processes) do
      if one_of(WEB, p) or (x.about.typed and one_of(SCREEN, p)) then return true end
    end
    return false
  end
  local unsourced_after_out = false -- (a success naming no source after the internet's failures)
  for _, from in ipairs(unsourced_tools) do
    for src in pairs(from) do
      if from_out[src] then unsourced_after_out = true end
    end
  end
  -- (of several sources, the why names those that made it an attack's)
  -- A success that names no source, after failures from such a source,
  -- is read by those failures' sources: "the user mistyped" is no reading
  -- of an internet address's or an attack's tries; its why names them.
  for i, x in ipairs(f) do
    local a, why, out, nearby, its_own = again[x], nil, {}, {}, {}
    -- (a success that names no source is read by its failures' sources,
    -- each judged in failed_from; the success itself, where it came
    -- through a front end, is no attack's)
    if a and not (a.failed_from and front_end(x)) then
      local lo, hi = x.about.lo, x.about.hi
      local from
      if a.failed_from then from, lo, hi = a.failed_from, a.lo, a.hi
      else from = direct_sources(a[1]) end
      local near = a[3] and o.slow_window or w -- (slow guessing: its own window)
      for src, direct in pairs(from) do
        if not direct and lo and x.kind == "success_after_failures" then
          direct = own_guess(x, src, lo, hi, near)
        end
        -- (a front end's client on the internet that another finding reads
        -- as an attack nearby, its spray through OWA, is no user's phone;
        -- the front end's own address, inside, stays passed over)
        if not direct and lo and from_out[src] then direct = attack_at(src, lo, hi, near) end
        if direct and from_out[src] then out[#out + 1] = src end
        local by = nil -- (the attack nearby: "own", where its own success's alone)
        for _, at in ipairs(direct and lo and spans or {}) do
          if (at.attacking or at.sources)[src] and at.lo <= hi + near and at.hi >= lo - near then
            by = own_span(x, at) and "own" or "other"
            if by == "other" then break end
          end
        end
        if by == "other" then nearby[#nearby + 1] = src
        elseif by == "own" then its_own[#its_own + 1] = src end
      end
      -- (a source whose attack is the guess's own success is named by
      -- another reason where it has one: the internet, or another's attack)
      if #nearby == 0 and #out == 0 then nearby = its_own end
      why = #nearby > 0 and "attack_nearby" or #out > 0 and "from_internet" or nil
    end
    -- (those named: the sources in an attack nearby, and the internet's
    -- among all the sources, those named too, as the direct why names
    -- them beside failures for other accounts; or the internet's)
    local function name_sources()
      local named, also = #nearby > 0 and nearby or out, {}
      sort(named)
      a[2].why_sources = named
      if named == nearby then
        for j, src in ipairs(out) do also[j] = src end
        sort(also)
      end
      a[2].why_internet = #also > 0 and also or nil
    end
    if why and a.failed_from then
      a[2].why = why == "attack_nearby" and "failed_from_attack" or "failed_from_internet"
      name_sources()
      -- (the internet's or an attack's tries among others, mistypes
      -- perhaps: how many)
      local n_of = 0
      for _, src in ipairs(a[2].why_sources) do n_of = n_of + (a.failed_n[src] or 0) end
      -- (of one success, or of several: the failures before any of them)
      local one = #a[1] == 1
      local words = one and { "the success's record names", "it", "the success", "its record" }
                    or { "the successes' records name", "them", "each success", "their records" }
      if n_of > 0 and n_of < a.failed_all then
        a[2].why = why == "from_internet" and "failed_from_internet_some" or
                   "failed_from_attack_some"
        a[2].why_format = { words[1], n_of, a.failed_all, words[2], words[3], words[4] }
        if why == "from_internet" then
          table_insert(a[2].why_format, 5, addresses(a[2].why_sources))
          a[2].why_sources = nil
        end
      end
      f[i] = finding(x.kind, a[1], "attacker", a[2])
      if #out > 0 then unsourced_after_out = true end
    elseif why then
      local several = count_keys(x.about.sources) > 1
      a[2].why = several and why .. "_some" or why
      if several then name_sources()
      elseif why == "attack_nearby" and #out > 0 then
        -- (its one source, in an attack nearby, is the internet's too:
        -- said, as the direct why says it beside failures for others)
        a[2].why_internet = out
      end
      f[i] = finding(x.kind, a[1], "attacker", a[2])
      if a[3] then f[i].severity = "medium" end -- (slow guessing, as above)
    end
  end
  -- (the internet's failures, and then a success that names no source:
  -- "none succeeded" is true of the addresses alone)
  if unsourced_after_out then
    for _, x in ipairs(f) do
      if x.kind == "public_source" and x.why == rules.WHY.public_failures then
        x.why = rules.WHY.public_failures_unsourced
      end
    end
  end

  return f, shapes
end

-- Findings in order: severity, count, kind, then first account and source.
-- (of a severity, last: AS-REP roasting of one account, which may be
-- its own logons, however many: its count is no attack's size)
local function maybe_own(f)
  return f.kind == "asrep_roasting" and #f.accounts == 1
end
local function by_rank(a, b)
  local ra, rb = rules.RANK[a.severity], rules.RANK[b.severity]
  if ra ~= rb then return ra < rb end
  local oa, ob = maybe_own(a), maybe_own(b)
  if oa ~= ob then return ob end
  if a.count ~= b.count then return a.count > b.count end
  if a.kind ~= b.kind then return a.kind < b.kind end
  local ka = (a.accounts[1] or "") .. "\0" .. (a.sources[1] or "")
  local kb = (b.accounts[1] or "") .. "\0" .. (b.sources[1] or "")
  return ka < kb
end

-- The log_gaps finding of a log whose events are counted by ID in
-- counts (a triage's, tallied or not), or nil: the gaps are told by the
-- events' counts, so it says how many of each, and what to do; and by
-- the first few of each (seen: triage.keep_gap's), where the first is and
-- its evidence, so that a responder can find them.
-- Is gap a before gap b (events about the log itself, as
-- triage.keep_gap keeps them): in time (texts), then record number, ID
-- and computer, so that the same gaps read in any order come out alike?
local function earlier_gap(a, b)
  local ta, tb = a.time or "", b.time or ""
  if ta ~= tb then return ta < tb end
  if (a.record or -1) ~= (b.record or -1) then return (a.record or -1) < (b.record or -1) end
  if a.id ~= b.id then return a.id < b.id end
  return tostring(a.computer or "") < tostring(b.computer or "")
end
M.earlier_gap = earlier_gap

-- A value of an event's data as one line of text, or nil (none, "-", or
-- not text at all: a JSON log's value may be anything).
local function text_of(v)
  v = scalar(v)
  if v == nil then return nil end
  v = match(tostring(v), "^%s*(.-)%s*$")
  if v == "" or v == "-" then return nil end
  return v
end

-- A 4719's Changes (AuditPolicyChanges: "%%8448, %%8450", or the texts
-- an export rendered) in Microsoft's words, and whether any is a removal;
-- what is neither is left out, not guessed.
local function audit_changes(v)
  v = text_of(v)
  if v == nil then return nil, false end
  local out, removed = {}, false
  for part in gmatch(v, "[^,]+") do
    local code = match(part, "^%s*%%%%(%d+)%s*$")
    local said = code and rules.AUDIT_CHANGES[tonumber(code)]
    if said == nil then
      local t = lower(match(part, "^%s*(.-)%s*$"))
      for _, w in pairs(rules.AUDIT_CHANGES) do
        if lower(w) == t then said = w end
      end
    end
    if said then
      out[#out + 1] = said
      removed = removed or find(said, "removed", 1, true) ~= nil
    end
  end
  if #out == 0 then return nil, false end
  return concat(out, ", "), removed
end

--- What an event about the log itself (id, its data d) says of who did
-- it: its Subject's account (DOMAIN\user) and logon ID, which 1102, 4719
-- and 4616 give and 1100 and 1104 do not; a 4719's subcategory and
-- changes; alarm, when a person's account (not SYSTEM, nor the computer's
-- own applying Group Policy) took away auditing of logons, after which
-- the log's silence means nothing.  Nil when it says none of these.
function M.gap_facts(id, d)
  if type(d) ~= "table" then return nil end
  local x, user, domain = {}, text_of(d.SubjectUserName), text_of(d.SubjectDomainName)
  if user then x.account = domain and domain .. "\\" .. user or user end
  x.logon_id = logon_id(d.SubjectLogonId)
  if id == 4719 then
    local guid = text_of(d.SubcategoryGuid)
    guid = guid and match(lower(guid), "^{?(%x+%-%x+%-%x+%-%x+%-%x+)}?$")
    local logons = guid and rules.LOGON_AUDITING[guid]
    x.subcategory = logons or (guid and "{" .. upper(guid) .. "}")
    local removed
    x.changes, removed = audit_changes(d.AuditPolicyChanges)
    -- (SYSTEM applying Group Policy is logon ID 0x3e7 under the computer's
    -- own account name; its SID, S-1-5-18, would cost every record's read)
    local person = user ~= nil and identity.kind(user, domain) == "user" and
                   x.logon_id ~= "0x3e7"
    if person and logons and removed then x.alarm = true end
  end
  if next(x) == nil then return nil end
  return x
end

-- Who did a gap event, as a report line says it: "CORP\\admin (logon ID
-- 0x1234567)", or nil.
local function by_whom(x)
  if x.account == nil then return nil end
  return x.logon_id and format("%s (logon ID %s)", x.account, x.logon_id) or x.account
end

-- How many events about the log of one ID (and alarm or not) a triage
-- keeps to name (logonerr.events.triage: keep_gap), the earliest.
M.GAP_SAMPLES = 5

local function gaps(counts, seen)
  local list, check, n, severity, telling = {}, {}, 0, nil, false
  -- (where the first few of each ID are: seen, as triage.keep_gap keeps
  -- them, with who each names)
  local first, evidence, alarms, people, named = {}, {}, {}, {}, {}
  local routine = {} -- (of each ID, how many kept that raise no alarm)
  for _, x in ipairs(seen or {}) do
    local e = { id = x.id, record = x.record, computer = x.computer, time = x.time,
                account = x.account, logon_id = x.logon_id, subcategory = x.subcategory,
                changes = x.changes, alarm = x.alarm }
    evidence[#evidence + 1] = e
  end
  sort(evidence, earlier_gap)
  for _, x in ipairs(evidence) do
    first[x.id] = first[x.id] or x
    if x.alarm then alarms[#alarms + 1] = x else routine[x.id] = (routine[x.id] or 0) + 1 end
    -- (the finding's accounts: the people's, not SYSTEM's nor a computer's)
    if x.account and not named[x.account] then
      local dom, user = match(x.account, "^(.*)\\([^\\]*)$")
      if identity.kind(user or x.account, dom) == "user" then
        named[x.account] = true
        people[#people + 1] = x.account
      end
    end
  end
  for _, g in ipairs(rules.GAPS) do
    local c = counts[g.id]
    if c and c > 0 then
      local at = first[g.id]
      list[#list + 1] = { id = g.id, what = g.what, count = c, first = at and at.time,
                          record = at and at.record, computer = at and at.computer,
                          account = at and at.account, logon_id = at and at.logon_id }
      local sev, also = g.severity, true
      if g.alarm and #alarms > 0 then
        sev = g.alarm.severity
        for _, x in ipairs(alarms) do
          check[#check + 1] = format(g.alarm.check, by_whom(x), x.subcategory, x.changes,
                                     x.time or "an unknown time",
                                     tostring(x.computer or "this host"))
        end
        -- (the routine line too where some were routine; where fewer of
        -- those than the triage keeps were, every one not kept alarms too)
        local kept = routine[g.id] or 0
        also = kept > 0
        local more = c - #alarms - kept
        if more > 0 and kept < M.GAP_SAMPLES then
          check[#check + 1] = format(rules.ALARMS_MORE, more, #alarms)
        end
      end
      -- (the line that names who, where the first names an account and a
      -- session to follow)
      local who = at and at.logon_id and by_whom(at)
      if also then
        check[#check + 1] = who and g.by and format(g.by, who, at.time or "an unknown time") or
                            g.check
      end
      n = n + c
      telling = telling or not g.routine
      if severity == nil or rules.RANK[sev] < rules.RANK[severity] then severity = sev end
    end
  end
  if not telling then return nil end
  local ids = {}
  for i, g in ipairs(list) do ids[i] = g.id end
  for i = #evidence, 21, -1 do evidence[i] = nil end
  for i = #people, 51, -1 do people[i] = nil end
  return { kind = "log_gaps", severity = severity, title = rules.KINDS.log_gaps.title,
           count = n, accounts = people, sources = {}, codes = {}, events = ids,
           evidence = evidence, gaps = list, check = check, platform = "windows" }
end

-- The row of key k in rows, made by new(e) when first met (its key then
-- goes in order).
local function row(rows, order, k, new, e)
  local r = rows[k]
  if r == nil then
    r = new(e)
    rows[k] = r
    order[#order + 1] = k
  end
  return r
end

-- (more failures than a log can hold: the sort keys of by_account and
-- by_source count down from it, fifteen digits)
local MOST_FAILURES = 999999999999999

-- The rows of list in the order of their keys (texts): a text made once
-- for each row and the texts sorted, where a comparator Lua calls for
-- each pair of a domain's or a botnet's tens of thousands of rows took a
-- sixth of the findings.  (a row's place ends its key: rows of one key
-- keep their order.  A NUL in a key, which a JSON log's "\u0000" gives,
-- is written NUL 1 and the key ends in NUL NUL, so that a key still sorts
-- before a longer one it begins, as a comparison of the texts has it.)
local function sorted_by(list, key)
  local keyed = {}
  for i, r in ipairs(list) do
    local k = key(r)
    if find(k, "\0", 1, true) then k = gsub(k, "%z", "\0\1") end
    keyed[i] = k .. format("\0\0%09d", i)
  end
  sort(keyed)
  local out = {}
  for i, k in ipairs(keyed) do out[i] = list[tonumber(sub(k, -9))] end
  return out
end

-- An account's successes, a logon logged twice on one host counted once:
-- a local account's 4776 beside its 4624 (the host checks the password
-- it then logs on with), a logon at a DC's own console its 4768 beside
-- its 4624.  On each host, the more of its logons and TGTs; its NTLM
-- checks there beyond its logons where it is the host's own account, all
-- of them where it is a domain's (a DC checks for logons elsewhere); its
-- service tickets (many for each logon) only where it has none of those.
-- (on: counts by host, by role; domain: the identity's domain's first
-- label, folded)
local function successes(on, domain)
  local n = 0
  for computer, by in pairs(on) do
    local logons, ntlm = by.logon or 0, by.ntlm or 0
    if computer and first_label(computer) == domain then ntlm = math_max(0, ntlm - logons) end
    local most = math_max(logons, by.tgt or 0) + ntlm
    n = n + (most > 0 and most or (by.service_ticket or 0))
  end
  return n
end

-- by_account: one row per identity, from the entries counted by shape
-- and the successes kept as counts (sums).
local function accounts(ids, shapes, sums)
  local rows, order = {}, {}
  local function new(e)
    return { kind = e.kind, failures = 0, lockouts = 0, codes = {}, sources = {}, count = {},
             on = {} }
  end
  local function succeeded(r, e, n)
    local by = r.on[e.computer or false]
    if by == nil then by = {}; r.on[e.computer or false] = by end
    by[e.role] = (by[e.role] or 0) + n
  end
  for _, c in ipairs(shapes) do
    if c.failed or (c.success and c.role ~= "explicit") then
      local r, n = row(rows, order, c.identity, new, c), c.n
      r.count[c.spelling] = (r.count[c.spelling] or 0) + n
      if c.failed then
        r.failures = r.failures + n
        if c.code then r.codes[c.code] = true end
        if c.source_label then r.sources[c.source_label] = true end
      else
        succeeded(r, c, n)
      end
      if c.class == "lockout" then r.lockouts = r.lockouts + n end
    end
  end
  for _, sm in ipairs(sums) do
    local r, n = row(rows, order, sm.identity, new, sm), sm.n - (sm.twins or 0)
    r.count[sm.spelling] = (r.count[sm.spelling] or 0) + n
    succeeded(r, sm, n)
  end
  local out = {}
  for _, k in ipairs(order) do
    local r = rows[k]
    local domain = match(k, "^(.-)\\")
    r.successes = successes(r.on, domain and first_label(domain))
    -- Virtual accounts (SYSTEM, DWM-n) log on all day: shown when they fail.
    if r.kind ~= "virtual" or r.failures > 0 then
      -- The account shown: the spelling seen most, then the first in order.
      local best
      for s, n in pairs(r.count) do
        if best == nil or n > r.count[best] or (n == r.count[best] and s < best) then best = s end
      end
      out[#out + 1] = { account = best, identity = k, kind = r.kind,
                        spellings = ids:spellings(k), failures = r.failures,
                        successes = r.successes, lockouts = r.lockouts, codes = keys(r.codes),
                        sources = keys(r.sources, 20, true) }
    end
  end
  -- (most failures first, then most successes, then by identity)
  return sorted_by(out, function(r)
    return format("%015d%015d", MOST_FAILURES - r.failures, MOST_FAILURES - r.successes) ..
           r.identity
  end)
end

-- by_source: failures and distinct identities per source (the failures
-- counted by shape), and the failures that named no account (unnamed:
-- records counted by source as kept, labelled by ids as any source is).
-- The keys are sorted so that rows come in one order whatever the table's.
local function sources(shapes, unnamed, ids)
  local rows, order = {}, {}
  local function new(e)
    return { source = e.source_label or "(none)", failures = 0, ids = {}, unnamed = 0 }
  end
  for _, c in ipairs(shapes) do
    if c.failed then
      local r = row(rows, order, c.source or "", new, c)
      r.failures = r.failures + c.n
      r.ids[c.identity] = true
    end
  end
  local srcs = {}
  for src in pairs(unnamed) do srcs[#srcs + 1] = src end
  sort(srcs)
  for _, src in ipairs(srcs) do
    local e = {}
    if src ~= "" then e.source, e.source_label = ids:source(src) end
    local r = row(rows, order, e.source or "", new, e)
    r.failures = r.failures + unnamed[src]
    r.unnamed = r.unnamed + unnamed[src]
  end
  local out = {}
  for _, k in ipairs(order) do
    local r = rows[k]
    out[#out + 1] = { source = r.source, failures = r.failures, accounts = count_keys(r.ids),
                      account_list = keys(r.ids, 20), unnamed_failures = r.unnamed }
  end
  -- (most failures first, then in address order)
  return sorted_by(out, function(r)
    return format("%015d", MOST_FAILURES - r.failures) .. address.order_key(r.source)
  end)
end

-- The logon summary: per identity, successes and failures by logon type
-- (or Kerberos/NTLM step) and source, with first and last times, from the
-- entries counted by shape and the successes kept as counts (sums).
-- Virtual accounts (SYSTEM, DWM-n...) are left out: they log on all day.
local function summary(shapes, sums)
  local rows, order = {}, {}
  local function new(e)
    return { identity = e.identity, logon_type = e.logon_type, how = e.how,
             source = e.source_label, successes = 0, failures = 0 }
  end
  local function add(e, failed)
    local r = row(rows, order, e.identity .. "\0" .. e.how .. "\0" .. (e.source or ""), new, e)
    local n = e.n - (e.twins or 0) -- (a sum's: a split token's twin logons once)
    if failed then r.failures = r.failures + n else r.successes = r.successes + n end
    -- (a sum's times are texts; a shape's, seconds and the texts of those untimed)
    local first, last = e.first, e.last
    if first and (r.first == nil or first < r.first) then r.first = first end
    if last and (r.last == nil or last > r.last) then r.last = last end
    if e.lo and (r.lo == nil or e.lo < r.lo) then r.lo = e.lo end
    if e.hi and (r.hi == nil or e.hi > r.hi) then r.hi = e.hi end
  end
  for _, c in ipairs(shapes) do
    if (c.failed or c.success) and c.role ~= "explicit" and c.role ~= "lockout" and
       c.kind ~= "virtual" then
      add(c, c.failed)
    end
  end
  for _, sm in ipairs(sums) do
    if sm.kind ~= "virtual" then
      sm.how = sm.logon_name or VIA[sm.role] or "?"
      add(sm, false)
    end
  end
  sort(order)
  local out = {}
  for i, k in ipairs(order) do
    out[i] = rows[k]
    span_texts(out[i])
  end
  return out
end

-- Plain copies of tables, without their metatable's fields.
local function copy(t)
  local c = {}
  for k, v in pairs(t) do if k ~= "__index" then c[k] = v end end
  return c
end

--- Puts what was taken so far in time order: done while other parts are
-- still being read (by a worker, or by the process that waits for them),
-- and after each part read, it leaves finish() the last parts merged to
-- sort: what was sorted before is known to be (ordered) and is looked at
-- again only where a later part's record goes among it.
function STATE:sort()
  in_time_order(self.list, nil, nil, self.ordered)
  self.ordered = #self.list
end

-- What merge() takes of a sum it has (by its key): the counts.
local SUM_COUNTS = { "n", "first", "last", "twins", "first_twin", "last_twin", "front" }

-- Shapes (or sums) as plain tables, and each one's place among them;
-- with sent (keys), one of a key in it as its key alone (a sum as its key
-- and counts), and the keys of the others added to it.
local function places_of(list, sent, counts)
  local shapes, index = {}, {}
  for k, sh in ipairs(list) do
    index[sh] = k
    local key = sh.key
    if sent == nil then
      shapes[k] = copy(sh)
    elseif not sent[key] then
      shapes[k], sent[key] = copy(sh), true
    elseif counts then
      local c = { key = key }
      for _, f in ipairs(counts) do c[f] = sh[f] end
      shapes[k] = c
    else
      shapes[k] = key
    end
  end
  return shapes, index
end

-- Entries as columns: their numbers, times and record IDs, the untimed's
-- time (few: kept apart), and their shapes' places (index).
local function columns(list, index)
  local e = { i = {}, t = {}, time = {}, record = {}, shape = {} }
  for k, x in ipairs(list) do
    e.i[k], e.t[k], e.record[k] = x.i, x.t, x.record or false
    if x.untimed then e.time[k] = x.time or true end
    e.shape[k] = index[getmetatable(x)]
  end
  return e
end

--- What was taken so far, as plain data for merge().  sent: what states
-- given before to the same collector held (a -j worker's earlier parts,
-- which its parent merges first, or reads itself: it has them), added to
-- as this one is made (each of shapes, sums, srcs and facts, where
-- given): a shape of those goes as its key alone, a sum as its key and
-- counts, a source met and a name learnt (but how often a user was seen
-- under a name) not at all.  (Each part sent them
-- all again: on a domain's log of 3,000 accounts, the sums were half of
-- what a part took to write, and as much again to read.)
function STATE:state(sent)
  self:sort()
  local shapes, index = places_of(self.shape_list, sent and sent.shapes)
  local sums, sindex = places_of(self.sum_list, sent and sent.sums, SUM_COUNTS)
  local src_list = self.src_list
  if sent and sent.srcs then
    local met = sent.srcs
    src_list = {}
    for _, src in ipairs(self.src_list) do
      if not met[src] then src_list[#src_list + 1], met[src] = src, true end
    end
  end
  local e = columns(self.list, index)
  local nshapes, nindex = places_of(self.nameless_shape_list)
  local nameless = { shapes = nshapes, entries = columns(self.nameless, nindex) }
  local won = { t = self.won_t, i = self.won_i, rec = self.won_rec, sum = {} }
  for k, sm in ipairs(self.won_of) do won.sum[k] = sindex[sm] end
  -- (a name learnt that a part before sent goes again only to say how
  -- often it was seen: the others' counts are not used, and the parent
  -- has them, in the order first met)
  local learnt, facts = {}, sent and sent.facts
  for _, l in ipairs(self.learn) do
    local a, b, c, d = l[1], l[2], l[3], l[4]
    if facts and l.how ~= "see" and type(a) == "string" and type(b) == "string" and
       type(c) == "string" and type(d) == "string" then
      local key = l.how .. "\0" .. a .. "\0" .. b .. "\0" .. c .. "\0" .. d
      if not facts[key] then
        facts[key] = true
        learnt[#learnt + 1] = copy(l)
      end
    else
      learnt[#learnt + 1] = copy(l)
    end
  end
  return { n = self.n, learn = learnt, src_list = src_list, shapes = shapes, sums = sums,
           entries = e, won = won, unnamed = self.unnamed, nameless = nameless }
end

-- What a state's shapes and sums hold (add() makes them): no more, so
-- that none stands in for a field an entry lacks (untimed, time...).  A
-- JSON export may give a computer, service or process as a number.
local SHAPE = { key = "string", id = "count", role = "string", computer = "scalar?",
                user = "string", domain = "string?", spelling = "string", src = "string?",
                failed = "boolean", success = "boolean", ws = "string?", ip = "string?",
                class = "string?", code = "string?", logon_type = "count?",
                logon_name = "string?", service = "scalar?", enc = "number?",
                preauth = "number?", process = "scalar?", how = "string",
                service_key = "string?", platform = "string?", subject = "string?",
                subject_account = "string?", screen = "boolean?", pid = "string?",
                target = "string?" }
local SUM = { key = "string", spelling = "string", user = "string", domain = "string?",
              src = "string?", role = "string", id = "count", computer = "scalar?",
              logon_type = "count?", logon_name = "string?", kind = "string", n = "count",
              first = "string?", last = "string?", twins = "count?", first_twin = "string?",
              last_twin = "string?", platform = "string?", front = "string?" }
-- (a sum sent before, by its key: SUM_COUNTS)
local SUM_SENT = { key = "string", n = "count", first = "string?", last = "string?",
                   twins = "count?", first_twin = "string?", last_twin = "string?",
                   front = "string?" }
local NAMELESS = { key = "string", src = "string", id = "count", computer = "scalar?",
                   code = "string?", platform = "string?" }
-- (a shape's platform, where not Windows': one rules knows)
local function platform_ok(sh)
  return sh.platform == nil or (sh.platform ~= "windows" and rules.PLATFORMS[sh.platform] ~= nil)
end
local ROLES = {}
for _, e in pairs(schema.events) do
  if e.role then ROLES[e.role] = true end
end
local HOW = { see = true, pair = true, host_pair = true, no_netbios = true }
local LEARNT = { how = "string", count = "count" } -- (and its four names: a list)

-- Are e entries as columns() writes them, of shapes 1 to shapes?
local function columns_ok(e, shapes)
  local is, list = plain.is, plain.list
  local n = is.table(e.i) and #e.i
  if not (n and list(e.i, "count") and list(e.t, "seconds", n) and list(e.record, "any", n) and
          plain.places(e.shape, n, shapes) and is.table(e.time)) then
    return false
  end
  -- (the untimed: their time's text, or true; a number beside a text
  -- would not compare with it)
  for k, v in pairs(e.time) do
    if not (is.count(k) and k >= 1 and k <= n and (v == true or is.string(v))) then
      return false
    end
  end
  return true
end

--- Is st a collector itself (a live state: one of this process)?
function M.live(st) return getmetatable(st) == STATE end

--- Is st a state() merge() can take in, whole (a live one is)?  Else
-- false and what is wrong with it.
function M.check(st)
  if getmetatable(st) == STATE then return true end
  local is, list = plain.is, plain.list
  if not plain.fields(st, { n = "count", learn = "table", src_list = "table",
                            shapes = "table", sums = "table", entries = "table",
                            won = "table" }) then
    return false, "its fields"
  end
  for _, l in ipairs(st.learn) do
    if not (plain.fields(l, LEARNT) and HOW[l.how] and
            list(l, "scalar", 4)) then
      return false, "its names learnt"
    end
  end
  if not list(st.src_list, "string") then return false, "its sources" end
  if not (st.unnamed == nil or plain.map(st.unnamed, "string", "count")) then
    return false, "its failures with no account"
  end
  -- Each shape and sum as add() makes it: its key of its fields, and its
  -- user and domain of its spelling (a merge keeps one of each key); or a
  -- shape sent before, by its key (knows() looks for it).
  if not list(st.shapes, "any") then return false, "its shapes" end
  for _, sh in ipairs(st.shapes) do
    if type(sh) == "string" then
      sh = nil
    elseif not (plain.fields(sh, SHAPE, true) and ROLES[sh.role] and
            sh.key == shape_key(sh.spelling, sh.src, sh.role, sh.id,
                                host_of(sh.computer, sh.platform), sh.ws, sh.ip,
                                sh.class, sh.code, sh.logon_type, sh.service, sh.enc,
                                sh.preauth, sh.process, sh.failed, sh.success, sh.subject,
                                sh.screen, sh.pid, sh.target) and
            sh.service_key == (sh.service ~= nil and lower(sh.service) or nil) and
            -- (a session and a process ID as add() writes them: the advice names them)
            (sh.subject == nil or logon_id(sh.subject) == sh.subject) and
            (sh.pid == nil or logon_id(sh.pid) == sh.pid) and
            sh.how == how_of(sh.logon_name, sh.role, sh.service) and platform_ok(sh)) then
      return false, "its shapes"
    end
    local user, domain
    if sh then user, domain = split(sh.spelling) end
    if sh and (user ~= sh.user or domain ~= sh.domain) then return false, "its shapes" end
  end
  if not list(st.sums, "table") then return false, "its sums" end
  for _, sm in ipairs(st.sums) do
    if sm.spelling == nil then -- (a sum sent before: its key and counts)
      if not (plain.fields(sm, SUM_SENT, true) and (sm.twins or 0) < sm.n and
              (sm.front == nil or front_of(sm.front) == sm.front)) then
        return false, "its sums"
      end
    elseif not (plain.fields(sm, SUM, true) and ROLES[sm.role] and
            sm.key == sum_key(sm.spelling, sm.src, sm.role, sm.logon_type, sm.id,
                              host_of(sm.computer, sm.platform)) and
            (sm.twins or 0) < sm.n and platform_ok(sm) and
            (sm.front == nil or front_of(sm.front) == sm.front)) then
      return false, "its sums"
    end
    if sm.spelling then
      local user, domain = split(sm.spelling)
      if user ~= sm.user or domain ~= sm.domain or sm.kind ~= identity.kind(user, domain) then
        return false, "its sums"
      end
    end
  end
  if not columns_ok(st.entries, #st.shapes) then return false, "its entries" end
  local nl = st.nameless -- (a state made before these were kept has none)
  if nl ~= nil then
    if not (plain.fields(nl, { shapes = "table", entries = "table" }, true) and
            list(nl.shapes, "table")) then
      return false, "its failures with no account"
    end
    for _, sh in ipairs(nl.shapes) do
      if not (plain.fields(sh, NAMELESS, true) and platform_ok(sh) and
              sh.key == nameless_key(sh.src, sh.id, host_of(sh.computer, sh.platform),
                                     sh.code)) then
        return false, "its failures with no account"
      end
    end
    if not columns_ok(nl.entries, #nl.shapes) then
      return false, "its failures with no account"
    end
  end
  local w = st.won
  local n = is.table(w.t) and #w.t
  if not (n and list(w.t, "seconds") and list(w.i, "count", n) and list(w.rec, "any", n) and
          plain.places(w.sum, n, #st.sums)) then
    return false, "its successes"
  end
  return true
end

--- Has this collector every shape and sum that state st gives as sent
-- before, by its key (its own, taken in from an earlier part)?  merge()
-- takes in no state that names one it has not.
function STATE:knows(st)
  if getmetatable(st) == STATE then return true end
  for _, sh in ipairs(st.shapes) do
    if type(sh) == "string" and self.shapes[sh] == nil then return false end
  end
  for _, sm in ipairs(st.sums) do
    if sm.spelling == nil and self.sums[sm.key] == nil then return false end
  end
  return true
end

-- Another state's shapes (theirs) taken in: this one's of the same key
-- where it has one (a shape sent before, as its key: knows()), else
-- theirs.  Returns what each of theirs is now, by its place in theirs,
-- or (live: a collector of this process, whose entries hold its shapes
-- themselves) by the shape.
local function take_shapes(by_key, mine, theirs, live)
  local now = {}
  for k, sh in ipairs(theirs) do
    now[live and sh or k] = by_key[type(sh) == "string" and sh or sh.key] or
                            adopt(by_key, mine, sh)
  end
  return now
end

-- A live state's entries (theirs) put at the end of list, of the shapes
-- take_shapes gave (now), their numbers after base.
local function take_live(list, theirs, now, base)
  for _, x in ipairs(theirs) do
    local sh = getmetatable(x)
    if now[sh] ~= sh then setmetatable(x, now[sh]) end
    x.i = x.i + base
    list[#list + 1] = x
  end
end

-- Entries e (as columns() wrote them) put at the end of list, each of
-- the shape shapes has at its place, its number after base.
local function from_columns(list, e, shapes, base)
  for k = 1, #e.i do
    local x = setmetatable({ i = e.i[k] + base, t = e.t[k], record = e.record[k] or nil },
                           shapes[e.shape[k]])
    local untimed = e.time[k]
    if untimed then x.untimed, x.time = true, untimed ~= true and untimed or nil end
    list[#list + 1] = x
  end
end

-- The failures that name no account of state st (live: a collector of
-- this process) after this one's, numbered on from base, as its other
-- records are.
local function merge_nameless(self, st, live, base)
  local list = self.nameless
  local nl = live and { shapes = st.nameless_shape_list } or st.nameless
  if nl == nil then return end
  local shapes = take_shapes(self.nameless_shapes, self.nameless_shape_list, nl.shapes, live)
  if live then
    take_live(list, st.nameless, shapes, base)
  else
    from_columns(list, nl.entries, shapes, base)
  end
end

--- Takes in another collector's state(), as if its records came after
-- these; or, in this process, the collector itself (a live state: its
-- tables become this one's, not copied, and it is done with).
function STATE:merge(st)
  local live = getmetatable(st) == STATE
  if live then st:sort() end -- (as state() does)
  local base = self.n
  self.n = self.n + st.n
  for _, l in ipairs(st.learn) do noted(self, l.how, l[1], l[2], l[3], l[4], l.count) end
  for _, src in ipairs(st.src_list) do self:met(src) end
  -- (a state made before failures with no account were kept has none)
  for src, c in pairs(st.unnamed or {}) do self.unnamed[src] = (self.unnamed[src] or 0) + c end
  -- Its shapes and sums, this one's where it has them.
  local shapes = take_shapes(self.shapes, self.shape_list, live and st.shape_list or st.shapes,
                             live)
  local sums = {}
  local again = {} -- (sums whose first success here is the twin of their last before)
  for k, sm in ipairs(live and st.sum_list or st.sums) do
    local mine = self.sums[sm.key]
    if mine == nil then
      mine = sm
      self.sums[sm.key] = mine
      self.sum_list[#self.sum_list + 1] = mine
    else
      -- (its first logon the twin of this one's last: add()'s twins)
      local first = sm.first_twin ~= nil and sm.first_twin == mine.last_twin
      if first then again[mine] = true end
      local twins = (sm.twins or 0) + (first and 1 or 0)
      if twins > 0 then mine.twins = (mine.twins or 0) + twins end
      if mine.role == "logon" then mine.last_twin = sm.last_twin end
      mine.n = mine.n + sm.n
      if sm.front ~= mine.front then mine.front = nil end -- (add()'s: one front end for all)
      if sm.first and (mine.first == nil or sm.first < mine.first) then mine.first = sm.first end
      if sm.last and (mine.last == nil or sm.last > mine.last) then mine.last = sm.last end
    end
    sums[live and sm or k] = mine
  end
  merge_nameless(self, st, live, base)
  local list = self.list
  local wt, wi, wrec, wof = self.won_t, self.won_i, self.won_rec, self.won_of
  -- The successes, in the order taken (the twin of a sum's last before
  -- left out, as add() leaves out its own).
  local function won(t, i, rec, of)
    if again[of] then again[of] = nil; return end
    local j = #wt + 1
    wt[j], wi[j], wrec[j], wof[j] = t, i + base, rec, of
  end
  if live then
    take_live(list, st.list, shapes, base)
    for k = 1, #st.won_t do
      won(st.won_t[k], st.won_i[k], st.won_rec[k], sums[st.won_of[k]])
    end
    return
  end
  from_columns(list, st.entries, shapes, base)
  local w = st.won
  for k = 1, #w.t do won(w.t[k], w.i[k], w.rec[k], sums[w.sum[k]]) end
end

--- Sorts a list of findings (of the report, and more) in the order a
-- report gives them: severity, count, kind, then first account and source.
function M.rank(list)
  sort(list, by_rank)
  return list
end

-- Is finding f about what a report is narrowed to (about: account,
-- source, lower-cased, or source_in, a test of an address in a block;
-- since, until, canonical times), as the whole log
-- shows it: one of its accounts (DOMAIN\\user or the user), one of its
-- sources, and a time in the span?  A finding about the log itself (its
-- gaps) is about everything in it.
local function is_about(f, about)
  local of = f.about
  if of == nil then return true end
  if about.account then
    local yes = false
    for who in pairs(of.accounts) do
      yes = about.account_is(who) -- (events.filter's test of a spelling)
      if yes then break end
    end
    if not yes then return false end
  end
  if about.source_in then -- (a block: one of its addresses)
    local yes = false
    for src in pairs(of.srcs) do
      yes = about.source_in(src)
      if yes then break end
    end
    if not yes then return false end
  elseif about.source and not of.srcs[about.source] then
    local yes = false
    for label in pairs(of.sources) do
      if lower(label) == about.source then yes = true; break end
    end
    if not yes then return false end
  end
  if about.since and f.last and f.last < about.since then return false end
  if about["until"] and f.first and f.first > about["until"] then return false end
  return true
end

--- The result: findings (sorted by severity; each with its records'
-- platform's advice), by_account, by_source, logon_summary, and the
-- domains learnt to be one.  about: those about it alone (is_about), and
-- no gaps; false: the gaps alone.  counts: the events by ID, and seen
-- the first few of those about the log itself, for its gaps.
function STATE:finish(counts, about, seen)
  local ids = self.ids
  for _, l in ipairs(self.learn) do
    if l.how == "see" then ids:see(l[1], l[2], l[3], l[4], l.count)
    elseif l.how == "pair" then ids:pair(l[1], l[2])
    elseif l.how == "no_netbios" then ids:no_netbios(l[1])
    else ids:host_pair(l[1], l[2]) end
  end
  local f, shapes = find_all(self, about == false)
  -- (narrowed, no gaps: they are told by what the filters keep)
  f[#f + 1] = counts and not about and gaps(counts, seen) or nil
  local kept = {}
  for _, x in ipairs(f) do
    if not about or is_about(x, about) then kept[#kept + 1] = x end
    x.about = nil
  end
  f = kept
  sort(f, by_rank)
  return { findings = f, by_account = accounts(self.ids, shapes, self.sum_list),
           by_source = sources(shapes, self.unnamed, self.ids),
           logon_summary = summary(shapes, self.sum_list),
           domains = self.ids:domains(),
           -- (the network's own blocks, and the attempts from them that
           -- would be the internet's: a report says what it left out)
           internal = self.internal and
                      { blocks = self.internal, attempts = self.internal_attempts or 0 } or nil }
end

return M
