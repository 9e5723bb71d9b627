--- The event vocabulary logonerr.events needs: failure reasons of event
-- 4625, logon types, the fields of the logon events in Windows' order (for
-- Get-WinEvent's positional Properties) and the Kerberos result codes.
-- Private until the catalogue carries logonerr.failure_reasons,
-- logonerr.logon_types, logonerr.event_ids and the "kerberos" namespace:
-- events.lua prefers those when they are there.
-- @module logonerr.event_vocab

local M = {}

--- Event 4625's Failure Reason, by its message number (%%2304 ..).
M.failure_reasons = {
  [2304] = "An Error occured during Logon.",
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

--- Logon types (LogonType of 4624, 4625, 4634).
M.logon_types = {
  [0] = "System", [2] = "Interactive", [3] = "Network", [4] = "Batch",
  [5] = "Service", [6] = "Proxy", [7] = "Unlock", [8] = "NetworkCleartext",
  [9] = "NewCredentials", [10] = "RemoteInteractive", [11] = "CachedInteractive",
  [12] = "CachedRemoteInteractive", [13] = "CachedUnlock",
}

--- The logon events: what each means and its EventData fields in the
-- order Windows writes them (Get-WinEvent's Properties are that list).
M.event_ids = {
  [4624] = { what = "An account was successfully logged on.",
    fields = { "SubjectUserSid", "SubjectUserName", "SubjectDomainName",
      "SubjectLogonId", "TargetUserSid", "TargetUserName", "TargetDomainName",
      "TargetLogonId", "LogonType", "LogonProcessName",
      "AuthenticationPackageName", "WorkstationName", "LogonGuid",
      "TransmittedServices", "LmPackageName", "KeyLength", "ProcessId",
      "ProcessName", "IpAddress", "IpPort" } },
  [4625] = { what = "An account failed to log on.",
    fields = { "SubjectUserSid", "SubjectUserName", "SubjectDomainName",
      "SubjectLogonId", "TargetUserSid", "TargetUserName", "TargetDomainName",
      "Status", "FailureReason", "SubStatus", "LogonType", "LogonProcessName",
      "AuthenticationPackageName", "WorkstationName", "TransmittedServices",
      "LmPackageName", "KeyLength", "ProcessId", "ProcessName", "IpAddress",
      "IpPort" } },
  [4648] = { what = "A logon was attempted using explicit credentials.",
    fields = { "SubjectUserSid", "SubjectUserName", "SubjectDomainName",
      "SubjectLogonId", "LogonGuid", "TargetUserName", "TargetDomainName",
      "TargetLogonGuid", "TargetServerName", "TargetInfo", "ProcessId",
      "ProcessName", "IpAddress", "IpPort" } },
  [4740] = { what = "A user account was locked out.",
    fields = { "TargetUserName", "TargetDomainName", "TargetSid",
      "SubjectUserSid", "SubjectUserName", "SubjectDomainName",
      "SubjectLogonId" } },
  [4768] = { what = "A Kerberos authentication ticket (TGT) was requested.",
    fields = { "TargetUserName", "TargetDomainName", "TargetSid", "ServiceName",
      "ServiceSid", "TicketOptions", "Status", "TicketEncryptionType",
      "PreAuthType", "IpAddress", "IpPort", "CertIssuerName",
      "CertSerialNumber", "CertThumbprint" } },
  [4769] = { what = "A Kerberos service ticket was requested.",
    fields = { "TargetUserName", "TargetDomainName", "ServiceName",
      "ServiceSid", "TicketOptions", "TicketEncryptionType", "IpAddress",
      "IpPort", "Status", "LogonGuid", "TransmittedServices" } },
  [4771] = { what = "Kerberos pre-authentication failed.",
    fields = { "TargetUserName", "TargetSid", "ServiceName", "TicketOptions",
      "Status", "PreAuthType", "IpAddress", "IpPort", "CertIssuerName",
      "CertSerialNumber", "CertThumbprint" } },
  [4776] = { what = "The computer attempted to validate the credentials for an account.",
    fields = { "PackageName", "TargetUserName", "Workstation", "Status" } },
}

--- Kerberos result codes (RFC 4120 names) that Security events report.
M.kerberos = {
  [0x6] = { "KDC_ERR_C_PRINCIPAL_UNKNOWN", "Client not found in Kerberos database" },
  [0x7] = { "KDC_ERR_S_PRINCIPAL_UNKNOWN", "Server not found in Kerberos database" },
  [0xC] = { "KDC_ERR_POLICY", "KDC policy rejects request" },
  [0xE] = { "KDC_ERR_ETYPE_NOSUPP", "KDC has no support for encryption type" },
  [0x12] = { "KDC_ERR_CLIENT_REVOKED", "Clients credentials have been revoked" },
  [0x17] = { "KDC_ERR_KEY_EXPIRED", "Password has expired - change password to reset" },
  [0x18] = { "KDC_ERR_PREAUTH_FAILED", "Pre-authentication information was invalid" },
  [0x19] = { "KDC_ERR_PREAUTH_REQUIRED", "Additional pre-authentication required" },
  [0x1B] = { "KDC_ERR_MUST_USE_USER2USER", "Server principal valid for user2user only" },
  [0x1F] = { "KRB_AP_ERR_BAD_INTEGRITY", "Integrity check on decrypted field failed" },
  [0x20] = { "KRB_AP_ERR_TKT_EXPIRED", "Ticket expired" },
  [0x25] = { "KRB_AP_ERR_SKEW", "Clock skew too great" },
  [0x29] = { "KRB_AP_ERR_MODIFIED", "Message stream modified" },
  [0x3C] = { "KRB_ERR_GENERIC", "Generic error" },
}

return M
