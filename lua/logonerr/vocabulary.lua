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
--   * Event IDs: the pages for events 4624, 4625, 4648, 4740, 4768, 4769, 4771
--     and 4776; the code fields are the `<Data Name=...>` of each event's XML,
--     and `labels` gives the label the rendered event shows for them.
-- @module logonerr.vocabulary

-- Data kept whole, one entry a line:
-- luacheck: no max line length

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
-- logonerr namespace.  `labels` maps those XML names to the labels the
-- rendered event text shows.
M.event_ids = {
  [4624] = {
    name = "An account was successfully logged on",
    description = "A logon session was created on the computer where the event is logged; Logon Type says how, and the Network Information fields say from where.",
    code_fields = {},
    labels = {},
  },
  [4625] = {
    name = "An account failed to log on",
    description = "A logon attempt failed on the computer that was asked to log the account on; Status holds the reason (an NTSTATUS, sometimes an SSPI HRESULT such as 0x80090325), Sub Status refines it, and FailureReason is a %%2304..%%2315 insert.",
    code_fields = { Status = "ntstatus", SubStatus = "ntstatus" },
    labels = { Status = "Status", SubStatus = "Sub Status" },
  },
  [4648] = {
    name = "A logon was attempted using explicit credentials",
    description = "A process logged on, or connected elsewhere, with credentials given explicitly rather than those of its own session, as with `runas` or a mapped drive with another user; it records no error code.",
    code_fields = {},
    labels = {},
  },
  [4740] = {
    name = "A user account was locked out",
    description = "An account reached the lockout threshold; logged on domain controllers (and on the computer for local accounts), with Caller Computer Name usually naming the machine the failed attempts came from.",
    code_fields = {},
    labels = {},
  },
  [4768] = {
    name = "A Kerberos authentication ticket (TGT) was requested",
    description = "A domain controller received an AS request for a ticket-granting ticket; Status is the Kerberos result (0x0 for success, 0x6 unknown client, 0x12 revoked or disabled, 0x18 bad password, 0x25 clock skew).",
    code_fields = { Status = "kerberos" },
    labels = { Status = "Result Code" },
  },
  [4769] = {
    name = "A Kerberos service ticket was requested",
    description = "A domain controller received a TGS request for a service ticket; Status is the Kerberos result and Service Name the target.",
    code_fields = { Status = "kerberos" },
    labels = { Status = "Failure Code" },
  },
  [4771] = {
    name = "Kerberos pre-authentication failed",
    description = "A domain controller refused the pre-authentication of an AS request; Status is the Kerberos error, most often 0x18 (bad password).",
    code_fields = { Status = "kerberos" },
    labels = { Status = "Failure Code" },
  },
  [4776] = {
    name = "The computer attempted to validate the credentials for an account",
    description = "An NTLM credential validation, logged by the domain controller for domain accounts or by the computer for local ones; Status is the NTSTATUS result and the event has no Sub Status.",
    code_fields = { Status = "ntstatus" },
    labels = { Status = "Error Code" },
  },
}

return M
