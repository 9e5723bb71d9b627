--- What each Security event about logons means, as data: the one place
-- that names event IDs.  Readers, records, triage and reports read it;
-- adding an event ID is one entry in `M.events`.
--
-- An entry (every key but name and description is optional; what is left
-- out comes from M.DEFAULT):
--
--   name, description  what the event means (Microsoft's title; our words)
--   fields             its EventData fields in the order Windows writes them
--                      (Get-WinEvent's Properties are that list, unnamed)
--   code_fields        field -> logonerr namespace of the code it holds
--   labels             field -> the label the rendered Message shows for it
--   heading            the Message section whose Account Name and Account
--                      Domain name the account the event is about
--   status, substatus  the fields tried in turn for the code and the code
--                      that refines it (the record's code: substatus when
--                      set, else status)
--   outcome            "failure" (always), "success" (always), "status"
--                      (a failure unless the status is 0, then a success),
--                      or nil (neither: the event is a fact, not a logon)
--   account            { user =, domain = } fields; domain_match takes the
--                      domain out of its field with a pattern; realm_in_user
--                      reads "user@REALM" in the user field first
--   source             the fields tried in turn for where the attempt came
--                      from; computer = true falls back to the logging host
--   logon_type, failure_reason   the fields that hold them
--   feeds              the triage class every such event belongs to
--   role               what the event is to the findings: logon (a logon
--                      session, with a logon type), explicit (credentials
--                      given explicitly), lockout, tgt (a Kerberos AS
--                      request), service_ticket (a TGS request), preauth (a
--                      refused pre-authentication), ntlm (a credential
--                      validation)
--   as_request         a Kerberos AS request: a refused one probes a name
--
-- Sources: Microsoft Learn, "Advanced security audit policy", the pages of
-- events 4624, 4625, 4648, 4740, 4768, 4769, 4771 and 4776 (fields,
-- labels, Status values); the field order is that of the events' XML.
-- @module logonerr.events.schema

-- Data kept whole, one entry a line:
-- luacheck: no max line length

local getmetatable, ipairs, pairs, setmetatable = getmetatable, ipairs, pairs, setmetatable
local sort = table.sort

local _ENV = nil -- luacheck: ignore 211

local M = {}

--- What an entry leaves out.
M.DEFAULT = {
  code_fields = {},
  labels = {},
  status = { "Status" },
  substatus = { "SubStatus" },
  account = { user = "TargetUserName", domain = "TargetDomainName" },
  source = { "IpAddress", "WorkstationName", "Workstation" },
  logon_type = "LogonType",
  failure_reason = "FailureReason",
}

local NETWORK = { IpAddress = "Source Network Address", WorkstationName = "Workstation Name" }
local function with(t, more)
  local r = {}
  for k, v in pairs(more) do r[k] = v end
  for k, v in pairs(t) do r[k] = v end
  return r
end

--- The events, by ID.
M.events = {
  [4624] = {
    name = "An account was successfully logged on",
    role = "logon",
    description = "A logon session was created on the computer where the event is logged; Logon Type says how, and the Network Information fields say from where.",
    fields = { "SubjectUserSid", "SubjectUserName", "SubjectDomainName", "SubjectLogonId", "TargetUserSid", "TargetUserName", "TargetDomainName", "TargetLogonId", "LogonType", "LogonProcessName", "AuthenticationPackageName", "WorkstationName", "LogonGuid", "TransmittedServices", "LmPackageName", "KeyLength", "ProcessId", "ProcessName", "IpAddress", "IpPort" },
    labels = with({ LogonType = "Logon Type" }, NETWORK),
    heading = "New Logon",
    outcome = "success",
  },
  [4625] = {
    name = "An account failed to log on",
    role = "logon",
    description = "A logon attempt failed on the computer that was asked to log the account on; Status holds the reason (an NTSTATUS, sometimes an SSPI HRESULT such as 0x80090325), Sub Status refines it, and FailureReason is a %%2304..%%2315 insert.",
    fields = { "SubjectUserSid", "SubjectUserName", "SubjectDomainName", "SubjectLogonId", "TargetUserSid", "TargetUserName", "TargetDomainName", "Status", "FailureReason", "SubStatus", "LogonType", "LogonProcessName", "AuthenticationPackageName", "WorkstationName", "TransmittedServices", "LmPackageName", "KeyLength", "ProcessId", "ProcessName", "IpAddress", "IpPort" },
    code_fields = { Status = "ntstatus", SubStatus = "ntstatus" },
    labels = with({ Status = "Status", SubStatus = "Sub Status", LogonType = "Logon Type", FailureReason = "Failure Reason" }, NETWORK),
    heading = "Account For Which Logon Failed",
    outcome = "failure",
  },
  [4648] = {
    name = "A logon was attempted using explicit credentials",
    role = "explicit",
    description = "A process logged on, or connected elsewhere, with credentials given explicitly rather than those of its own session, as with `runas` or a mapped drive with another user; it records no error code.",
    fields = { "SubjectUserSid", "SubjectUserName", "SubjectDomainName", "SubjectLogonId", "LogonGuid", "TargetUserName", "TargetDomainName", "TargetLogonGuid", "TargetServerName", "TargetInfo", "ProcessId", "ProcessName", "IpAddress", "IpPort" },
    labels = { IpAddress = "Network Address" },
    heading = "Account Whose Credentials Were Used",
    source = { "IpAddress", "WorkstationName", "Workstation", computer = true },
    feeds = "explicit",
  },
  [4740] = {
    name = "A user account was locked out",
    role = "lockout",
    description = "An account reached the lockout threshold; logged on domain controllers (and on the computer for local accounts), with Caller Computer Name usually naming the machine the failed attempts came from.",
    fields = { "TargetUserName", "TargetDomainName", "TargetSid", "SubjectUserSid", "SubjectUserName", "SubjectDomainName", "SubjectLogonId" },
    -- Windows puts the Caller Computer Name in TargetDomainName.
    labels = { TargetDomainName = "Caller Computer Name" },
    heading = "Account That Was Locked Out",
    account = { user = "TargetUserName", domain = "SubjectDomainName" },
    source = { "TargetDomainName" },
    feeds = "lockout",
  },
  [4768] = {
    name = "A Kerberos authentication ticket (TGT) was requested",
    role = "tgt",
    description = "A domain controller received an AS request for a ticket-granting ticket; Status is the Kerberos result (0x0 for success, 0x6 unknown client, 0x12 revoked or disabled, 0x18 bad password, 0x25 clock skew).",
    fields = { "TargetUserName", "TargetDomainName", "TargetSid", "ServiceName", "ServiceSid", "TicketOptions", "Status", "TicketEncryptionType", "PreAuthType", "IpAddress", "IpPort", "CertIssuerName", "CertSerialNumber", "CertThumbprint" },
    code_fields = { Status = "kerberos" },
    labels = { Status = "Result Code", IpAddress = "Client Address" },
    heading = "Account Information",
    outcome = "status",
    as_request = true,
  },
  [4769] = {
    name = "A Kerberos service ticket was requested",
    role = "service_ticket",
    description = "A domain controller received a TGS request for a service ticket; Status is the Kerberos result and Service Name the target.",
    fields = { "TargetUserName", "TargetDomainName", "ServiceName", "ServiceSid", "TicketOptions", "TicketEncryptionType", "IpAddress", "IpPort", "Status", "LogonGuid", "TransmittedServices" },
    code_fields = { Status = "kerberos" },
    labels = { Status = "Failure Code", IpAddress = "Client Address" },
    heading = "Account Information",
    outcome = "status",
    -- TargetUserName is "user@REALM" here.
    account = { user = "TargetUserName", domain = "TargetDomainName", realm_in_user = true },
  },
  [4771] = {
    name = "Kerberos pre-authentication failed",
    role = "preauth",
    description = "A domain controller refused the pre-authentication of an AS request; Status is the Kerberos error, most often 0x18 (bad password).",
    fields = { "TargetUserName", "TargetSid", "ServiceName", "TicketOptions", "Status", "PreAuthType", "IpAddress", "IpPort", "CertIssuerName", "CertSerialNumber", "CertThumbprint" },
    code_fields = { Status = "kerberos" },
    labels = { Status = "Failure Code", IpAddress = "Client Address" },
    heading = "Account Information",
    outcome = "failure",
    -- No domain field: the realm is in the service name, krbtgt/REALM.
    account = { user = "TargetUserName", domain = "ServiceName", domain_match = "^krbtgt/(.+)$" },
  },
  [4776] = {
    name = "The computer attempted to validate the credentials for an account",
    role = "ntlm",
    description = "An NTLM credential validation, logged by the domain controller for domain accounts or by the computer for local ones; Status is the NTSTATUS result and the event has no Sub Status.",
    fields = { "PackageName", "TargetUserName", "Workstation", "Status" },
    code_fields = { Status = "ntstatus" },
    labels = { Status = "Error Code", TargetUserName = "Logon Account", Workstation = "Source Workstation" },
    -- Some exports name the Error Code after its label.
    status = { "Status", "ErrorCode" },
    outcome = "status",
    account = { user = "TargetUserName" },
  },
}

--- The data fields a record's decoration reads (logonerr.events.record:
-- codes, account, source, logon type, failure reason), of any event: a
-- list, sorted.
function M.fields_read()
  local set, list = {}, {}
  local function take(f)
    if f ~= nil and not set[f] then set[f] = true; list[#list + 1] = f end
  end
  local entries = { M.DEFAULT }
  for _, e in pairs(M.events) do entries[#entries + 1] = e end
  for _, e in ipairs(entries) do
    for _, k in ipairs({ "status", "substatus", "source" }) do
      for _, f in ipairs(e[k] or {}) do take(f) end
    end
    if e.account then take(e.account.user); take(e.account.domain) end
    take(e.logon_type)
    take(e.failure_reason)
  end
  sort(list)
  return list
end

local DEFAULTS = { __index = M.DEFAULT }

--- The entry of event id with the defaults behind it; an ID the schema
-- does not know gets the defaults alone.
function M.of(id)
  local e = M.events[id]
  if e == nil then return M.DEFAULT end
  if getmetatable(e) ~= DEFAULTS then setmetatable(e, DEFAULTS) end
  return e
end

return M
