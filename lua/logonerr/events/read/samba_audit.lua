--- Samba's authentication audit: the Security log of a Samba AD domain
-- controller (and of a Samba file server), turned on with
-- `log level = 1 auth_audit:3 auth_json_audit:3`.  Samba writes each
-- authentication as a text line,
--
--   Auth: [SMB2,NTLMSSP] user [CORP]\[bob] at [Thu, 03 Dec 2026 08:18:08.532981 UTC]
--   with [NTLMv2] status [NT_STATUS_WRONG_PASSWORD] workstation [WKS]
--   remote host [ipv4:10.0.0.5:43020] mapped to [CORP]\[bob]. local host [...]
--
-- and, with auth_json_audit, as a JSON object (`"type": "Authentication"`,
-- with `eventId` 4624 or 4625) on the next line, both among the server's
-- other messages.  Each authentication becomes one record, 4624 when the
-- status is NT_STATUS_OK and 4625 otherwise: from the JSON when it is
-- there (the text line before it is the same authentication), else from
-- the text (the status too, when the JSON's cannot be read).  Samba's
-- "ipv4:addr:port" becomes the address and the port.
-- The account is the one Samba resolved the logon to ("mapped to" or
-- "became": CORP\bob whether the client wrote bob or bob@CORP.TEST), so
-- an NTLM and a Kerberos logon of one person read as one account; what the
-- client wrote is kept as ClientDomainName and ClientUserName.
-- @module logonerr.events.read.samba_audit

local logonerr = require "logonerr"
local json = require "logonerr.json"
local lines = require "logonerr.events.read.lines"
local as_text = require("logonerr.events.identity").text
-- (a JSON value as Samba writes one, text or a number; nil for null and
-- for what Samba never writes in a field it reads)
local value = require("logonerr.events.identity").datum

local find, format, match, sub = string.find, string.format, string.match, string.sub
local tostring, type = tostring, type

local _ENV = nil -- luacheck: ignore 211

local M = {}

local MONTHS = { Jan = "01", Feb = "02", Mar = "03", Apr = "04", May = "05", Jun = "06",
                 Jul = "07", Aug = "08", Sep = "09", Oct = "10", Nov = "11", Dec = "12" }

--- Does this text (the head of a log) look like Samba's audit?
function M.sniff(text)
  return find(text, "Auth: %[[^]\n]*%] user %[") ~= nil or
         find(text, '"type": *"Authentication"') ~= nil
end

-- Samba's NT_STATUS_ name as a Status field: "0xC000006A", "0x0" for OK;
-- the name itself when it is not catalogued.
local function status(name)
  if name == nil then return nil end
  if name == "NT_STATUS_OK" then return "0x0" end
  local e = logonerr.lookup(name)
  if e and e.namespace == "ntstatus" then return format("0x%X", e.code) end
  return name
end

-- "ipv4:10.0.0.5:43020", "ipv6:fe80::1:43020" -> address, port
local function address(s)
  if type(s) ~= "string" then return nil end
  local a, p = match(s, "^ipv[46]:(.+):(%d+)$")
  if a then return a, p end
  return nil
end

-- A value Samba writes for nothing: (null), NULL, JSON null.
local function set(v)
  v = value(v)
  if v == nil or v == "(null)" or v == "NULL" or v == "" then return nil end
  return as_text(v) -- (a number as its digits: 7, not 7.0)
end

-- A record from the parts of one authentication.
local function record(o)
  local user, domain = set(o.user), set(o.domain)
  local u, realm = match(user or "", "^(.-)@([^@]+)$") -- Kerberos: bob@CORP.TEST
  if u then user, domain = u, domain or realm end
  local as_user, as_domain = user, domain
  if set(o.mapped_user) then as_user, as_domain = set(o.mapped_user), set(o.mapped_domain) end
  local ip, port = address(o.remote)
  local st = status(set(o.status))
  return {
    id = st == "0x0" and 4624 or 4625,
    time = o.time,
    channel = "Security",
    data = {
      TargetUserName = as_user,
      TargetDomainName = as_domain,
      ClientUserName = user,
      ClientDomainName = domain,
      Status = st ~= "0x0" and st or nil,
      LogonType = o.logon_type,
      LogonProcessName = set(o.service),
      AuthenticationPackageName = set(o.auth),
      WorkstationName = set(o.workstation),
      IpAddress = ip,
      IpPort = port,
    },
  }
end

-- The text line: "Auth: [service,auth] user [domain]\[user] at [date] ...".
local function from_text(l)
  local service, auth = match(l, "Auth: %[([^,%]]*),?([^%]]*)%]")
  local date = match(l, "%] at %[(.-)%]")
  local d, mon, y, hms = match(date or "", "^%a+, (%d%d) (%a%a%a) (%d%d%d%d) ([%d:.]+)")
  return record({
    service = service, auth = auth,
    domain = match(l, " user %[(.-)%]\\%["),
    user = match(l, " user %[.-%]\\%[(.-)%] at %["),
    time = d and MONTHS[mon] and format("%s-%s-%s %s%s", y, MONTHS[mon], d, hms,
                                         find(date, "UTC$") and "Z" or "") or date,
    status = match(l, "%] status %[([%w_]+)%]"),
    workstation = match(l, "%] workstation %[(.-)%] remote host"),
    remote = match(l, "remote host %[(.-)%]"),
    mapped_domain = match(l, "%] mapped to %[(.-)%]\\%[") or
                    match(l, "%] became %[(.-)%]\\%["),
    mapped_user = match(l, "%] mapped to %[.-%]\\%[(.-)%]") or
                  match(l, "%] became %[.-%]\\%[(.-)%]"),
  })
end

-- The JSON object's Authentication part, and whether its status could not
-- be read: Samba writes an NT_STATUS_ name, as on the text line, and
-- anything else (an object, true, a number, null) names none.
local function from_json(o)
  local a = type(o) == "table" and o.Authentication
  if type(a) ~= "table" then return nil end
  local st = type(a.status) == "string" and match(a.status, "^[%w_]+$") or nil
  return record({
    service = a.serviceDescription, auth = a.authDescription,
    domain = a.clientDomain, user = a.clientAccount,
    time = value(o.timestamp), status = st, logon_type = value(a.logonType),
    workstation = a.workstation, remote = a.remoteAddress,
    mapped_domain = set(a.mappedAccount) and a.mappedDomain or a.becameDomain,
    mapped_user = set(a.mappedAccount) and a.mappedAccount or a.becameAccount,
  }), st == nil
end

--- The raw records of the Samba log that chunks gives, read for rd.
function M.records(rd, chunks)
  local next_line = lines.lines(rd, chunks)
  local pending, pending_key -- a text line, until the JSON of it comes or not
  local later -- a record to give on the next call
  local function place(rec)
    local d = rec.data
    return tostring(d.IpAddress) .. " " .. tostring(d.IpPort)
  end
  local function key(rec)
    return (rec.data.Status or "ok") .. " " .. place(rec)
  end
  return function()
    if later then
      local r = later
      later = nil
      return r
    end
    while true do
      local l, n = next_line()
      if l == nil then
        local p = pending
        pending = nil
        return p
      end
      local at = find(l, '{"', 1, true)
      if at and find(l, '"type": *"Authentication"') then
        local o, err = json.decode(sub(l, at))
        local rec, unread
        if o then rec, unread = from_json(o) end
        if rec == nil then
          rd:skip("line " .. n, "a Samba audit object that does not read: " ..
                  tostring(err or "no Authentication part"))
        else
          local p = pending
          pending = nil
          -- (a status the JSON does not give is its text line's, read from
          -- the same authentication: one record, its outcome the text's)
          if p and unread and place(p) == place(rec) then
            rec.id, rec.data.Status = p.id, p.data.Status
            return rec
          end
          if p == nil or pending_key == key(rec) then return rec end
          later = rec -- the text line was another authentication's
          return p
        end
      elseif find(l, "Auth: [", 1, true) and find(l, "] user [", 1, true) then
        local p = pending
        pending = from_text(l)
        pending_key = key(pending)
        if p then return p end
      end
    end
  end
end

return M
