--- Triage: what a set of Security events says is going on.  Counts by
-- event, code, account, source and logon type, a timeline, and findings
-- (password guessing, spraying, user enumeration, lockouts, disabled and
-- expired accounts still in use, clock skew), each with its evidence and
-- what to check next.
-- @module logonerr.events.triage

local record = require "logonerr.events.record"
local schema = require "logonerr.events.schema"
local time = require "logonerr.events.time"

local floor = math.floor
local error, getmetatable, ipairs, pairs, require, type =
      error, getmetatable, ipairs, pairs, require, type
local sort = table.sort

local _ENV = nil -- luacheck: ignore 211

local M = {}

--- Default thresholds and windows (doc/security-events.md, "Triage", says why).
M.DEFAULTS = {
  window = 300,         -- seconds: the anchors' 5 minutes
  guessing = 5,         -- bad passwords for one account within window
  spray = 4,            -- accounts with bad passwords from one source within window (> 3)
  enumeration = 4,      -- unknown names from one source within window (> 3)
  lockout = 1,          -- any lockout is worth a look
  disabled = 1,
  expired = 1,
  clock_skew = 1,
}

-- What each kind of finding means and what to check next.
M.KINDS = {
  password_guessing = {
    title = "Password guessing against one account",
    check = { "Is the source a user's own device with a stale saved password (mapped drive, phone mail, service), or a host that should not log on at all?",
              "Look at the source's other logons (4624) and block it if it is not known.",
              "Check the account's lockout threshold and whether it was locked out (4740)." } },
  password_spray = {
    title = "Password spraying: one source, many accounts, bad passwords",
    check = { "Identify the source host and the process behind the attempts (4648 on it names the process).",
              "Reset the passwords of any account that then logged on from that source (4624).",
              "Block or isolate the source; check for common-password use across accounts." } },
  user_enumeration = {
    title = "User enumeration: one source probes many account names",
    check = { "Names that do not exist (0xC0000064, Kerberos 0x6) or that the KDC refuses (0x12) in a burst from one source are a scan (kerbrute, Metasploit): identify and block the source.",
              "Compare the names tried with real accounts: names that do exist will show as other codes (0x18, 0xC000006A).",
              "Enable or watch Kerberos pre-authentication failures (4771) and 4768 auditing on every DC." } },
  lockout = {
    title = "Account lockouts",
    check = { "Find the caller computer of 4740 (the source here) and what runs there with the old password: services, scheduled tasks, mapped drives, mobile devices.",
              "Kerberos 0x12 means the account is disabled, expired or locked: check its state in AD.",
              "Unlock only after the source of the bad password is fixed, or it locks again." } },
  disabled_account = {
    title = "Disabled accounts still being used",
    check = { "Something still runs as these accounts: look for services, scheduled tasks or application pools on the source hosts.",
              "Re-enable only if the account is meant to be in use; otherwise reconfigure what uses it." } },
  expired_account = {
    title = "Expired accounts or passwords still being used",
    check = { "Service accounts and scheduled tasks keep the password they were set with: update it where the account is used, or set the password not to expire under a managed account (gMSA).",
              "For an expired account (0xC0000193), extend accountExpires if the account is still needed." } },
  clock_skew = {
    title = "Clock skew between clients and the domain controller",
    check = { "Compare the source's clock with the DC's (w32tm /stripchart /computer:<dc>); Kerberos allows 5 minutes.",
              "Check the time service hierarchy: the PDC emulator should sync from a reliable source." } },
}

-- The kinds a record belongs to, from its code.
local NT = {
  [0xC000006A] = "bad_password", [0xC0000064] = "unknown_user",
  [0xC0000234] = "lockout", [0xC0000072] = "disabled",
  [0xC0000193] = "expired", [0xC0000071] = "expired", [0xC0000224] = "expired",
  [0xC0000133] = "clock_skew",
}
local KRB = {
  [0x18] = "bad_password", [0x6] = "unknown_user", [0x12] = "lockout",
  [0x17] = "expired", [0x25] = "clock_skew",
}

local function class(rec, ev)
  if ev.feeds then return ev.feeds end
  local c = rec.code
  if c == nil then return nil end
  if c.namespace == "kerberos" then return KRB[c.code] end
  return NT[c.code]
end

local function add(t, k, n)
  if k ~= nil then t[k] = (t[k] or 0) + (n or 1) end
end

local function keys_by_count(t, limit)
  local list = {}
  for k in pairs(t) do list[#list + 1] = k end
  sort(list, function(a, b)
    if t[a] ~= t[b] then return t[a] > t[b] end
    return a < b
  end)
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

-- Most first (by the field n), then by the sort key.
local function most(n)
  return function(a, b)
    if a[n] ~= b[n] then return a[n] > b[n] end
    return (a.sort or "") < (b.sort or "")
  end
end
local by_count, by_failures = most("count"), most("failures")

-- The most in any window of w seconds, of events (sorted by time), and
-- of distinct accounts when distinct is set.
local function peak(list, w, distinct)
  local best, j, seen, n = 0, 1, {}, 0
  for i = 1, #list do
    local e = list[i]
    if distinct then
      local a = e.key or ""
      if (seen[a] or 0) == 0 then n = n + 1 end
      seen[a] = (seen[a] or 0) + 1
    else
      n = n + 1
    end
    while list[j].t < e.t - w do
      local d = list[j]
      if distinct then
        local a = d.key or ""
        seen[a] = seen[a] - 1
        if seen[a] == 0 then n = n - 1 end
      else
        n = n - 1
      end
      j = j + 1
    end
    if n > best then best = n end
  end
  return best
end

local function finding(kind, list, extra)
  local accounts, sources, codes = {}, {}, {}
  local first, last
  for _, e in ipairs(list) do
    local r = e.rec
    add(accounts, r.account)
    add(sources, r.source)
    if r.code then add(codes, r.code.name) end
    if r.time and (first == nil or r.time < first) then first = r.time end
    if r.time and (last == nil or r.time > last) then last = r.time end
  end
  local k = M.KINDS[kind]
  local f = { kind = kind, title = k.title, count = #list, first = first, last = last,
              accounts = keys_by_count(accounts, 50), sources = keys_by_count(sources, 50),
              codes = keys_by_count(codes), check = k.check }
  f.sort = kind .. (f.accounts[1] or "") .. (f.sources[1] or "")
  for key, v in pairs(extra or {}) do f[key] = v end
  return f
end

local function by_time(a, b)
  if a.t ~= b.t then return a.t < b.t end
  return a.i < b.i
end

-- Bucket sizes for the timeline: the smallest that gives at most 48.
local BUCKETS = { 1, 5, 10, 30, 60, 300, 900, 3600, 6 * 3600, 86400, 7 * 86400, 30 * 86400 }

local function timeline(fails, names)
  if #fails == 0 then return { bucket = 0, codes = {}, rows = {} } end
  local lo, hi = fails[1].t, fails[#fails].t
  local size = BUCKETS[#BUCKETS]
  for _, b in ipairs(BUCKETS) do
    if (hi - lo) / b < 48 then size = b; break end
  end
  local start = floor(lo / size) * size
  local rows = {}
  for i = 0, floor((hi - start) / size) do
    rows[i + 1] = { time = time.iso(start + i * size), counts = {}, total = 0 }
  end
  for _, e in ipairs(fails) do
    local row = rows[floor((e.t - start) / size) + 1]
    local name = e.rec.code and e.rec.code.name or "(no code)"
    add(row.counts, name)
    row.total = row.total + 1
  end
  return { bucket = size, codes = names, rows = rows }
end

--- The report of recs: a list of records, an iterator over them, or a
-- reader from events.open (whose skipped records the report counts).
-- opts: the thresholds and window of M.DEFAULTS.
function M.triage(recs, opts)
  local events = require "logonerr.events"
  if opts ~= nil and type(opts) ~= "table" or events.is_reader(opts) then
    error("bad argument #2 to 'triage' (options table expected, got " ..
          (events.is_reader(opts) and "a reader: pass the reader as argument #1" or
           type(opts)) .. ")", 2)
  end
  local o = {}
  for k, v in pairs(M.DEFAULTS) do o[k] = v end
  for k, v in pairs(opts or {}) do o[k] = v end
  local iter, reader = recs, nil
  if events.is_reader(recs) then
    reader = recs
    iter = function() return reader:next() end
  elseif type(recs) == "table" and getmetatable(recs) == nil then
    local i = 0
    iter = function() i = i + 1; return recs[i] end
  elseif type(recs) ~= "function" then
    error("bad argument #1 to 'triage' (list of records, iterator or reader " ..
          "expected, got " .. type(recs) .. ")", 2)
  end
  local r = { events = 0, failures = 0, skipped = 0 }
  local ids, codes, accounts, sources, types = {}, {}, {}, {}, {}
  local fails, classes = {}, {}
  local n = 0
  for rec in iter do
    n = n + 1
    r.events = r.events + 1
    add(ids, rec.id)
    local ev = schema.of(rec.id)
    local cl = class(rec, ev)
    -- What findings need of a record, not the record: a long log's
    -- failures stay small in memory.  Only failures and events a finding
    -- looks at are kept.
    local e
    if rec.failed or cl then
      e = { rec = { account = rec.account, source = rec.source, code = rec.code,
                    time = rec.time }, t = rec.seconds or 0, i = n,
            key = record.account_key(rec.account) }
    end
    if rec.time then
      if r.first == nil or rec.time < r.first then r.first = rec.time end
      if r.last == nil or rec.time > r.last then r.last = rec.time end
    end
    if rec.failed then
      r.failures = r.failures + 1
      fails[#fails + 1] = e
      local c = rec.code
      local key = c and (c.namespace .. ":" .. c.code) or "none"
      local bc = codes[key]
      if bc == nil then
        bc = { entry = c, count = 0, accounts = {} }
        codes[key] = bc
      end
      bc.count = bc.count + 1
      if rec.time and (bc.first == nil or rec.time < bc.first) then bc.first = rec.time end
      if rec.time and (bc.last == nil or rec.time > bc.last) then bc.last = rec.time end
      add(bc.accounts, rec.account)
      local a = rec.account or "(none)"
      local ba = accounts[a]
      if ba == nil then
        ba = { failures = 0, codes = {}, sources = {}, lockouts = 0 }
        accounts[a] = ba
      end
      ba.failures = ba.failures + 1
      if c then add(ba.codes, c.name) end
      add(ba.sources, rec.source)
      local s = rec.source or "(none)"
      local bs = sources[s]
      if bs == nil then
        bs = { failures = 0, accounts = {} }
        sources[s] = bs
      end
      bs.failures = bs.failures + 1
      add(bs.accounts, rec.account)
      if rec.logon_type then
        local lt = rec.logon_type
        local bt = types[lt.number]
        if bt == nil then
          bt = { logon_type = lt.number, name = lt.name, count = 0 }
          types[lt.number] = bt
        end
        bt.count = bt.count + 1
      end
    end
    if ev.as_request and rec.failed and cl ~= "unknown_user" then
      classes.probe = classes.probe or {}
      classes.probe[#classes.probe + 1] = e
    end
    if cl then
      classes[cl] = classes[cl] or {}
      local list = classes[cl]
      list[#list + 1] = e
      if cl == "lockout" then
        local a = rec.account or "(none)"
        accounts[a] = accounts[a] or { failures = 0, codes = {}, sources = {}, lockouts = 0 }
        accounts[a].lockouts = accounts[a].lockouts + 1
      end
    end
  end
  if reader then
    r.skipped = #reader.skipped
    r.skipped_records = reader.skipped
    r.format = reader.format
  end

  r.by_event = {}
  for id, c in pairs(ids) do
    r.by_event[#r.by_event + 1] = { id = id, count = c, what = schema.of(id).name, sort = id }
  end
  sort(r.by_event, by_count)
  r.by_code = {}
  for _, bc in pairs(codes) do
    local c = bc.entry
    r.by_code[#r.by_code + 1] = {
      name = c and c.name or "(no code)", namespace = c and c.namespace,
      code = c and c.code, hex = c and c.hex, message = c and c.message,
      count = bc.count, first = bc.first, last = bc.last,
      accounts = keys_by_count(bc.accounts, 20), sort = c and c.name }
  end
  sort(r.by_code, by_count)
  r.by_account = {}
  for a, ba in pairs(accounts) do
    r.by_account[#r.by_account + 1] = { account = a, failures = ba.failures,
      codes = keys_by_count(ba.codes), sources = keys_by_count(ba.sources, 20),
      lockouts = ba.lockouts, sort = a }
  end
  sort(r.by_account, by_failures)
  r.by_source = {}
  for s, bs in pairs(sources) do
    r.by_source[#r.by_source + 1] = { source = s, failures = bs.failures,
      accounts = count_keys(bs.accounts), account_list = keys_by_count(bs.accounts, 20),
      sort = s }
  end
  sort(r.by_source, by_failures)
  r.by_logon_type = {}
  for _, bt in pairs(types) do
    bt.sort = bt.logon_type
    r.by_logon_type[#r.by_logon_type + 1] = bt
  end
  sort(r.by_logon_type, by_count)

  sort(fails, by_time)
  local names = {}
  for i, bc in ipairs(r.by_code) do names[i] = bc.name end
  r.timeline = timeline(fails, names)

  -- Findings.
  local f = {}
  local w = o.window
  local function groups(list, keyf)
    local g = {}
    for _, e in ipairs(list or {}) do
      local k = keyf(e)
      if k then
        g[k] = g[k] or {}
        local l = g[k]
        l[#l + 1] = e
      end
    end
    for _, l in pairs(g) do sort(l, by_time) end
    return g
  end
  for _, list in pairs(classes) do sort(list, by_time) end
  -- One account, many bad passwords.
  for _, l in pairs(groups(classes.bad_password, function(e) return e.key end)) do
    local p = peak(l, w)
    if p >= o.guessing then f[#f + 1] = finding("password_guessing", l, { peak = p }) end
  end
  -- One source, many accounts: bad passwords and explicit credentials.
  local spray = {}
  for _, e in ipairs(classes.bad_password or {}) do spray[#spray + 1] = e end
  for _, e in ipairs(classes.explicit or {}) do spray[#spray + 1] = e end
  for _, l in pairs(groups(spray, function(e) return e.rec.source end)) do
    local p = peak(l, w, true)
    if p >= o.spray then f[#f + 1] = finding("password_spray", l, { peak = p }) end
  end
  -- One source, many names that do not exist, or that the KDC refuses
  -- (4768 failures: kerbrute's AS-REQ probes).
  local probes = {}
  for _, e in ipairs(classes.unknown_user or {}) do probes[#probes + 1] = e end
  for _, e in ipairs(classes.probe or {}) do probes[#probes + 1] = e end
  for _, l in pairs(groups(probes, function(e) return e.rec.source end)) do
    local p = peak(l, w, true)
    if p >= o.enumeration then f[#f + 1] = finding("user_enumeration", l, { peak = p }) end
  end
  local single = { lockout = "lockout", disabled = "disabled_account",
                   expired = "expired_account", clock_skew = "clock_skew" }
  local threshold = { lockout = o.lockout, disabled = o.disabled, expired = o.expired,
                      clock_skew = o.clock_skew }
  for cl, kind in pairs(single) do
    local l = classes[cl]
    if l and #l >= threshold[cl] then f[#f + 1] = finding(kind, l) end
  end
  sort(f, by_count)
  r.findings = f
  -- The sort keys were for ties only.
  for _, list in ipairs({ r.by_event, r.by_code, r.by_account, r.by_source,
                          r.by_logon_type, r.findings }) do
    for _, item in ipairs(list) do item.sort = nil end
  end
  return r
end

return M
