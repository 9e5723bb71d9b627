--- The vocabulary of the Windows Security events about logons, as data.
-- `require "logonerr"` exposes these tables read-only as
-- `logonerr.failure_reasons`, `logonerr.logon_types` and `logonerr.event_ids`;
-- this module returns the plain tables.
--
-- Sources (Microsoft Learn, "Advanced security audit policy" event pages):
--   * Failure reasons: the texts Windows renders for the `%%2304`..`%%2315`
--     inserts of event 4625's FailureReason field (the message table of
--     msobjs.dll), described on the page "4625(F): An account failed to log on".
--   * Logon types: the table "Logon types and descriptions" of
--     "4624(S): An account was successfully logged on", with the numbering of
--     SECURITY_LOGON_TYPE in ntsecapi.h (where 6, Proxy, is listed as not
--     supported).
--   * Event IDs: logonerr.events.schema, which gives its sources.
-- @module logonerr.vocabulary

-- Data kept whole, one entry a line:
-- luacheck: no max line length

local schema = require "logonerr.events.schema"

local pairs = pairs

local M = {}

--- Event 4625's Failure Reason: the number of the `%%NNNN` insert in the
-- event's XML (FailureReason) -> the text Windows shows in its place.
M.failure_reasons = {
  [2304] = "An Error occured during Logon.", -- sic: Windows spells it so
  [2305] = "The specified user account has expired.",
  [2306] = "The NetLogon component is not active.",
  [2307] = "Account locked out.",
  [2308] = "The user has not been granted the requested logon type at this machine.",
  [2309] = "The specified account's password has expired.",
  [2310] = "Account currently disabled.",
  [2311] = "Account logon time restriction violation.",
  [2312] = "User not allowed to logon at this computer.",
  [2313] = "Unknown user name or bad password.",
  [2314] = "Domain sid inconsistent.",
  [2315] = "Smartcard logon is required and was not used.",
}

--- The Logon Type field of events 4624, 4625 (and the logon type number of
-- SECURITY_LOGON_TYPE) -> its name and what it means.
M.logon_types = {
  [0] = { name = "System",
    description = "Used only by the System account, for example when the computer starts." },
  [2] = { name = "Interactive",
    description = "A user signed in at this computer's own keyboard and screen (or a console session)." },
  [3] = { name = "Network",
    description = "A user or computer connected to this computer over the network: file shares, most RPC, WinRM and PowerShell remoting." },
  [4] = { name = "Batch",
    description = "A batch server, such as the Task Scheduler, ran work for a user without the user being present." },
  [5] = { name = "Service",
    description = "The Service Control Manager started a service under its configured account." },
  [6] = { name = "Proxy",
    description = "Defined in SECURITY_LOGON_TYPE but not supported; it does not appear in events." },
  [7] = { name = "Unlock",
    description = "A user unlocked a locked workstation." },
  [8] = { name = "NetworkCleartext",
    description = "A network logon whose password reached the server in clear text, as with IIS Basic authentication." },
  [9] = { name = "NewCredentials",
    description = "A process cloned its token with other credentials for outgoing connections only (`runas /netonly`); locally it keeps its own identity." },
  [10] = { name = "RemoteInteractive",
    description = "A user signed in through Remote Desktop (Terminal Services) or Remote Assistance." },
  [11] = { name = "CachedInteractive",
    description = "A user signed in interactively with cached domain credentials, without contacting a domain controller." },
  [12] = { name = "CachedRemoteInteractive",
    description = "Like RemoteInteractive, with cached credentials; Windows uses it for internal auditing." },
  [13] = { name = "CachedUnlock",
    description = "A workstation was unlocked with cached credentials, without contacting a domain controller." },
}

--- Security event IDs about logons -> what the event means and which of
-- its fields (named as in the event's XML) hold error codes, and in which
-- logonerr namespace.  `labels` maps fields to the labels the rendered
-- event text shows.  The events schema (logonerr.events.schema) is where
-- they are kept; this is its catalogue view.
M.event_ids = {}
for id, ev in pairs(schema.events) do
  M.event_ids[id] = { name = ev.name, description = ev.description,
                      code_fields = ev.code_fields or {}, labels = ev.labels or {} }
end

return M
