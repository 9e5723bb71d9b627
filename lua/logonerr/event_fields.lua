--- The EventData fields of the logon events in the order Windows writes
-- them: Get-WinEvent's Properties are that list, values without names.
-- (The catalogue's logonerr.event_ids says what each event means and which
-- fields hold codes; it does not keep the order.)
-- @module logonerr.event_fields

local M = {}

--- Field lists by event ID.
M.fields = {
  [4624] = { "SubjectUserSid", "SubjectUserName", "SubjectDomainName",
      "SubjectLogonId", "TargetUserSid", "TargetUserName", "TargetDomainName",
      "TargetLogonId", "LogonType", "LogonProcessName",
      "AuthenticationPackageName", "WorkstationName", "LogonGuid",
      "TransmittedServices", "LmPackageName", "KeyLength", "ProcessId",
      "ProcessName", "IpAddress", "IpPort" },
  [4625] = { "SubjectUserSid", "SubjectUserName", "SubjectDomainName",
      "SubjectLogonId", "TargetUserSid", "TargetUserName", "TargetDomainName",
      "Status", "FailureReason", "SubStatus", "LogonType", "LogonProcessName",
      "AuthenticationPackageName", "WorkstationName", "TransmittedServices",
      "LmPackageName", "KeyLength", "ProcessId", "ProcessName", "IpAddress",
      "IpPort" },
  [4648] = { "SubjectUserSid", "SubjectUserName", "SubjectDomainName",
      "SubjectLogonId", "LogonGuid", "TargetUserName", "TargetDomainName",
      "TargetLogonGuid", "TargetServerName", "TargetInfo", "ProcessId",
      "ProcessName", "IpAddress", "IpPort" },
  [4740] = { "TargetUserName", "TargetDomainName", "TargetSid",
      "SubjectUserSid", "SubjectUserName", "SubjectDomainName",
      "SubjectLogonId" },
  [4768] = { "TargetUserName", "TargetDomainName", "TargetSid", "ServiceName",
      "ServiceSid", "TicketOptions", "Status", "TicketEncryptionType",
      "PreAuthType", "IpAddress", "IpPort", "CertIssuerName",
      "CertSerialNumber", "CertThumbprint" },
  [4769] = { "TargetUserName", "TargetDomainName", "ServiceName",
      "ServiceSid", "TicketOptions", "TicketEncryptionType", "IpAddress",
      "IpPort", "Status", "LogonGuid", "TransmittedServices" },
  [4771] = { "TargetUserName", "TargetSid", "ServiceName", "TicketOptions",
      "Status", "PreAuthType", "IpAddress", "IpPort", "CertIssuerName",
      "CertSerialNumber", "CertThumbprint" },
  [4776] = { "PackageName", "TargetUserName", "Workstation", "Status" },
}

return M
