-- NTSTATUS codes (STATUS_*), as LSA calls, the Status and Sub Status
-- fields of Security event 4625 and the Error Code field of event 4776
-- report them.  One table per code, sorted by code.  `win32` names the
-- Win32 error that RtlNtStatusToDosError maps the status to; a list this
-- file leaves out (causes, resolution, ...) is shared from that Win32
-- entry.  The format is described in catalogue/README.md.

-- Where the facts come from (doc/sources-win32-ntstatus.md): each page or
-- header once, then cites(page, fields...) in an entry's sources.
local function cites(page, ...)
  return { title = page.title, url = page.url, ref = page.ref, covers = { ... } }
end
local NTSTATUS_H = { title = "ntstatus.h (mingw-w64)",
  ref = "ntstatus.h" }
local LMERRLOG_H = { title = "lmerrlog.h (mingw-w64): NELOG_NetlogonServerAuthFailed is 5722, NELOG_NetlogonServerAuthNoTrustSamAccount 5723",
  ref = "lmerrlog.h" }
local ERREF = { title = "[MS-ERREF] 2.3.1 NTSTATUS Values",
  url = "https://learn.microsoft.com/openspecs/windows_protocols/ms-erref/596a1078-e883-4972-9bbc-49e60bebca55" }
local E4625 = { title = "4625(F) An account failed to log on",
  url = "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-10/security/threat-protection/auditing/event-4625" }
local E4776 = { title = "4776(S, F) The computer attempted to validate the credentials for an account",
  url = "https://learn.microsoft.com/pt-br/previous-versions/windows/it-pro/windows-10/security/threat-protection/auditing/event-4776" }
local E4740 = { title = "4740(S) A user account was locked out",
  url = "https://learn.microsoft.com/en-us/windows/security/threat-protection/auditing/event-4740" }
local E4723 = { title = "4723(S, F) An attempt was made to change an account's password",
  url = "https://learn.microsoft.com/en-us/windows/security/threat-protection/auditing/event-4723" }
local E4771 = { title = "4771(F) Kerberos pre-authentication failed",
  url = "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-10/security/threat-protection/auditing/event-4771" }
local LSALOGONUSER = { title = "LsaLogonUser function (ntsecapi.h): return values and MSV1_0 SubStatus values",
  url = "https://learn.microsoft.com/windows/win32/api/ntsecapi/nf-ntsecapi-lsalogonuser" }
local LSAREGISTER = { title = "LsaRegisterLogonProcess function (ntsecapi.h): requires SeTcbPrivilege",
  url = "https://learn.microsoft.com/en-us/windows/win32/api/ntsecapi/nf-ntsecapi-lsaregisterlogonprocess" }
local PIPEIMP = { title = "ImpersonateNamedPipeClient function (namedpipeapi.h)",
  url = "https://learn.microsoft.com/en-us/windows/desktop/api/namedpipeapi/nf-namedpipeapi-impersonatenamedpipeclient" }
local LOGONUSER = { title = "LogonUserA function (winbase.h)",
  url = "https://learn.microsoft.com/windows/win32/api/winbase/nf-winbase-logonusera" }
local RIGHTS = { title = "Account Rights Constants",
  url = "https://learn.microsoft.com/en-us/windows/win32/SecAuthZ/account-rights-constants" }
local CREATESESSION = { title = "LSA_CREATE_LOGON_SESSION callback function (ntsecpkg.h)",
  url = "https://learn.microsoft.com/en-us/windows/win32/api/ntsecpkg/nc-ntsecpkg-lsa_create_logon_session" }
local IMPLEVEL = { title = "[MS-LSAD] 2.2.3.5 SECURITY_IMPERSONATION_LEVEL",
  url = "https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-lsad/720cea10-cee2-4c45-9084-c6fa7d67d18d" }
local LSASTORE = { title = "LsaStorePrivateData function (ntsecapi.h)",
  url = "https://learn.microsoft.com/en-us/windows/desktop/api/Ntsecapi/nf-ntsecapi-lsastoreprivatedata" }
local LSATLOOKUP = { title = "[MS-LSAT] 3.1.4.8 LsarLookupNames",
  url = "https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-lsat/65d18faa-0cb2-40ee-a94a-2140212f4ec4" }
local UACATTR = { title = "User-Account-Control attribute (userAccountControl flags)",
  url = "https://learn.microsoft.com/windows/win32/adschema/a-useraccountcontrol" }
local APDS_NTLM = { title = "[MS-APDS] 3.1.5.2 NTLM Network Logon",
  url = "https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-apds/a6969cdd-5441-4cf9-bcaa-4b7ffbf792b7" }
local CLOCKPOL = { title = "Maximum tolerance for computer clock synchronization (security policy setting; 5 minutes in the Default Domain Policy)",
  ref = "MicrosoftDocs/windows-itpro-docs security-policy-settings/maximum-tolerance-for-computer-clock-synchronization.md" }
local APDS_MSG = { title = "[MS-APDS] 3.1.5 Message Processing Events and Sequencing Rules (STATUS_NTLM_BLOCKED)",
  url = "https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-apds/f47e40e1-b9ca-47e2-b139-15a1e96b0e72" }
local GPSB_PWD = { title = "[MS-GPSB] 2.2.1.1 Password Policies",
  url = "https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-gpsb/0b40db09-d95d-40a6-8467-32aedec8140c" }
local SAMR_PWD = { title = "[MS-SAMR] 3.1.1.7.1 General Password Policy",
  url = "https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-samr/bbee5135-3db2-4824-873a-55104c3610ad" }
local SMB2VERIFY = { title = "[MS-SMB2] 3.3.5.2.9 Verifying the Session",
  url = "https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-smb2/b495e2da-8711-4772-b292-453be0394b49" }
local SMBSESSION = { title = "[MS-SMB] 3.2.1.3 Per SMB Session (an Expired session is one whose Kerberos ticket expired)",
  url = "https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-smb/90df9a28-f1a4-486a-b692-dc0273fc28b8" }
local WNET1219 = { title = "INFO: WNetAddConnection2 and Multiple User Credentials (error 1219)",
  url = "https://support.microsoft.com/en-us/help/183366/info-wnetaddconnection2-and-multiple-user-credentials" }
local DSGETDC = { title = "DsGetDcNameA function (dsgetdc.h)",
  url = "https://learn.microsoft.com/en-us/windows/win32/api/dsgetdc/nf-dsgetdc-dsgetdcnamea" }
local DCLOCATOR = { title = "Domain Controller Location Process",
  url = "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-2000-server/cc978011(v=technet.10)" }
local TCSC = { title = "Test-ComputerSecureChannel (domain members only; netdom or nltest on domain controllers)",
  url = "https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.management/test-computersecurechannel" }
local SELAUTH = { title = "Enable selective authentication over a forest trust (Allowed to Authenticate)",
  url = "https://docs.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2003/cc758152%28v%3dws.10%29" }
local NTLMAUDIT = { title = "Block NTLM authentication (auditing NTLM on domain controllers before blocking)",
  url = "https://learn.microsoft.com/en-us/training/modules/secure-windows-server-user-accounts/5-ntlm-blocking" }
local NTLMINCOMING = { title = "Network security: Restrict NTLM: Audit incoming NTLM traffic",
  url = "https://learn.microsoft.com/pt-br/previous-versions/windows/it-pro/windows-10/security/threat-protection/security-policy-settings/network-security-restrict-ntlm-audit-incoming-ntlm-traffic" }
local PRPUSAGE = { title = "Get-ADDomainControllerPasswordReplicationPolicyUsage (revealed list of an RODC)",
  url = "https://learn.microsoft.com/en-us/powershell/module/activedirectory/get-addomaincontrollerpasswordreplicationpolicyusage" }
local RODCPWDREPL = { title = "Repadmin /rodcpwdrepl (prepopulating passwords under the Password Replication Policy)",
  url = "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2008-R2-and-2008/cc742095(v=ws.10)" }
local RODCWAN = { title = "How Operations in a Branch Site with an RODC Are Affected When the WAN Is Not Available",
  ref = "TechNet cc770854(v=ws.10)" }
local NRPC_RODC = { title = "[MS-NRPC] 3.5.4.5.1.2 RODC server cachability validation",
  url = "https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-nrpc/f27c0f12-77c0-4c88-b969-ad23d01de702" }
return {
  {
    name = "STATUS_INVALID_PARAMETER",
    code = 0xC000000D,
    win32 = "ERROR_INVALID_PARAMETER",
    category = "general",
    severity = "low",
    message = "An invalid parameter was passed to a service or function.",
    summary = "The NTSTATUS form of an invalid argument: a service or function rejected a parameter.",
    causes = {
      "A caller of an LSA or SSPI function (LsaLogonUser, AcceptSecurityContext) passed a structure with a wrong size, version or pointer.",
      "A driver or service received a request whose fields contradict each other.",
    },
    diagnosis = {
      "If it appears in a 4625 Status, read Caller Process Name and Logon Process: the process that called LogonUser or LsaLogonUser passed a malformed request.",
      "Run the failing call under Process Monitor or the application's own debug log to see which argument (buffer length, logon type, package name) was rejected.",
    },
    resolution = {
      "Correct the argument the trace points at, checking structure sizes and flags against the function's documentation.",
      "Update the program or driver that builds the request when the fault is in third-party code.",
    },
    related = { "ERROR_INVALID_PARAMETER", "STATUS_INVALID_LOGON_TYPE", "STATUS_NO_SUCH_PACKAGE" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
    },
  },
  {
    name = "STATUS_ACCESS_DENIED",
    code = 0xC0000022,
    win32 = "ERROR_ACCESS_DENIED",
    category = "general",
    severity = "medium",
    message = "{Access Denied} A process has requested access to an object, but has not been granted those access rights.",
    summary = "The NTSTATUS form of access denied: the caller was not granted the access it asked for.",
    causes = {
      "The caller's token lacks an access right that an object's security descriptor requires.",
      "An LSA, SAM or registry call was made from a process that is not elevated or not running as SYSTEM.",
    },
    diagnosis = {
      "In a Security event, read the Subject and Caller Process Name fields to learn which account and program were refused.",
      "For a file or share, compare `icacls <path>` with `Get-SmbShareAccess <share>` output: the stricter of the two wins.",
      "For an LSA or SAM call, check whether the caller runs elevated (`whoami /groups` shows the High Mandatory Level label when it does).",
    },
    resolution = {
      "Grant the missing right to the account or one of its groups on the object the event names.",
      "Run the operation from an elevated process or a service account that legitimately holds the access.",
    },
    related = { "ERROR_ACCESS_DENIED", "STATUS_PRIVILEGE_NOT_HELD", "STATUS_LOGON_TYPE_NOT_GRANTED" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
    },
  },
  {
    name = "STATUS_NO_IMPERSONATION_TOKEN",
    code = 0xC000005C,
    win32 = "ERROR_NO_IMPERSONATION_TOKEN",
    category = "session",
    severity = "low",
    message = "An attempt has been made to operate on an impersonation token by a thread that is not currently impersonating a client.",
    summary = "The NTSTATUS form of ERROR_NO_IMPERSONATION_TOKEN: the thread is not impersonating a client.",
    causes = {
      "The thread called OpenThreadToken or another token operation while it was not impersonating a client.",
      "The thread's impersonation ended (RevertToSelf, a failed impersonation call) before the code that needed it ran.",
    },
    diagnosis = {
      "Find the thread's code path in the service's log: the call came before ImpersonateLoggedOnUser, RpcImpersonateClient or ImpersonateNamedPipeClient succeeded, or after RevertToSelf.",
      "Check with `whoami /all` run under the service account that the account holds SeImpersonatePrivilege when the service needs to impersonate.",
    },
    resolution = {
      "Check the return value of the impersonation call and only then use the thread token.",
      "Open the process token instead when the code runs without a client to impersonate.",
    },
    related = { "ERROR_NO_IMPERSONATION_TOKEN", "STATUS_BAD_IMPERSONATION_LEVEL", "STATUS_CANNOT_IMPERSONATE" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
    },
  },
  {
    name = "STATUS_NO_LOGON_SERVERS",
    code = 0xC000005E,
    win32 = "ERROR_NO_LOGON_SERVERS",
    category = "infrastructure",
    severity = "high",
    message = "We can't sign you in with this credential because your domain isn't available. Make sure your device is connected to your organization's network and try again. If you previously signed in on this device with another credential, you can sign in with that credential.",
    summary = "No domain controller answered the logon request; in event 4625 it is the Status (Sub Status 0x0) of a domain logon that could not reach a DC.",
    causes = {
      "The client's DNS servers cannot resolve the domain's `_ldap._tcp.dc._msdcs` SRV records.",
      "Firewalls or a broken VPN or WAN link block Kerberos, LDAP, SMB or RPC to every domain controller the client tries.",
      "All domain controllers of the client's site are down and no other site covers it.",
      "A laptop off the corporate network tries a domain logon without cached credentials.",
    },
    diagnosis = {
      "In the 4625 event, read Workstation Name and Source Network Address: the machine on the far side of the broken path to a DC is the one to test.",
      "On that machine run `nltest /dsgetdc:<domain> /force`: ERROR_NO_SUCH_DOMAIN in its output means DC discovery failed, a DC name means discovery works and the problem is later.",
      "Run `nslookup -type=SRV _ldap._tcp.dc._msdcs.<domain>`: no answer points at DNS, answers that cannot be reached point at the network.",
      "Read the failing machine's System log for NETLOGON event 5719, which says it could not set up a secure session with a domain controller.",
      "Event 5722 is logged on the domain controller, not on the failing machine: read it there when the DC refused the machine's account.",
      "Check `sc query netlogon` on the client: a stopped Netlogon gives STATUS_NETLOGON_NOT_STARTED (0xC0000192) instead of this status, so a running service rules that out.",
    },
    resolution = {
      "Set the client's DNS servers to ones that host the domain's zones and run `ipconfig /flushdns`.",
      "Open Kerberos 88, LDAP 389, SMB 445, RPC 135 and the dynamic RPC range between the client and its domain controllers.",
      "Repair site coverage so every subnet maps to a site with a reachable domain controller.",
    },
    related = { "ERROR_NO_LOGON_SERVERS", "STATUS_NETLOGON_NOT_STARTED", "STATUS_DOMAIN_CONTROLLER_NOT_FOUND", "STATUS_NO_SUCH_DOMAIN", "STATUS_TRUSTED_RELATIONSHIP_FAILURE", "SEC_E_NO_AUTHENTICATING_AUTHORITY", "KDC_ERR_SVC_UNAVAILABLE", "KRB_AP_ERR_IAKERB_KDC_NOT_FOUND" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(LSALOGONUSER, "summary"),
      cites(E4625, "summary"),
      cites(DSGETDC, "diagnosis"),
      cites(DCLOCATOR, "causes", "diagnosis"),
      cites(LMERRLOG_H, "diagnosis"),
    },
  },
  {
    name = "STATUS_NO_SUCH_LOGON_SESSION",
    code = 0xC000005F,
    win32 = "ERROR_NO_SUCH_LOGON_SESSION",
    category = "session",
    severity = "medium",
    message = "A specified logon session does not exist. It may already have been terminated.",
    summary = "A logon session with the given logon ID does not exist: returned by LsaGetLogonSessionData, DeleteLogonSession and SSPI calls for a session that ended or was never created.",
    causes = {
      "The LUID handed to an LSA call belongs to a session that ended between listing and use.",
      "SSPI found no credentials for the caller's session, as with a network logon that cannot delegate to a second server.",
      "An authentication package referred to a logon ID the LSA never created.",
    },
    symptoms = {
      "LsaGetLogonSessionData fails for some LUIDs that LsaEnumerateLogonSessions returned moments before.",
      "An SSPI client running under a network logon fails to reach a second server while the same code works interactively.",
    },
    diagnosis = {
      "Compare the LUID the caller passed with `klist sessions` or `logonsessions` output: a LUID missing from the list belongs to a session that has ended.",
      "Correlate with event 4634 or 4647 for the same Logon ID to find when the session ended.",
    },
    resolution = {
      "Skip LUIDs that return this status when walking the session list, and refresh the list instead of retrying them.",
      "Give the service its own credentials, or configure Kerberos constrained delegation, when a second hop is needed.",
    },
    prevention = {
      "Treat sessions as short-lived and check their existence at the moment of use.",
      "Avoid designs that rely on a client's network logon to reach further servers.",
    },
    faq = {
      {
        question = "When does LsaGetLogonSessionData return STATUS_NO_SUCH_LOGON_SESSION?",
        answer = "When the LUID it was given no longer names a session, typically because the session ended after LsaEnumerateLogonSessions listed it.",
      },
      {
        question = "What Win32 error does it become?",
        answer = "RtlNtStatusToDosError and LsaNtStatusToWinError turn it into ERROR_NO_SUCH_LOGON_SESSION (1312).",
      },
    },
    related = { "ERROR_NO_SUCH_LOGON_SESSION", "STATUS_BAD_LOGON_SESSION_STATE", "STATUS_LOGON_SESSION_COLLISION", "STATUS_LOGON_SESSION_EXISTS", "SEC_E_NO_CREDENTIALS" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
    },
  },
  {
    name = "STATUS_PRIVILEGE_NOT_HELD",
    code = 0xC0000061,
    win32 = "ERROR_PRIVILEGE_NOT_HELD",
    category = "policy",
    severity = "medium",
    message = "A required privilege is not held by the client.",
    summary = "The NTSTATUS form of ERROR_PRIVILEGE_NOT_HELD: a required privilege is not held or not enabled.",
    causes = {
      "The account's token does not contain the privilege the call requires.",
      "The privilege is in the token but the program never enabled it before the call.",
    },
    diagnosis = {
      "Event 4673 (a privileged service was called) with a failure keyword names the privilege and the process that lacked it.",
      "Run `whoami /priv` in the same context as the failing program: a privilege listed as Disabled must be enabled by the program, one missing must be granted.",
    },
    resolution = {
      "Assign the user right to the account or its group in User Rights Assignment, then have it sign in again so the new token carries it.",
      "Enable the privilege with AdjustTokenPrivileges right before the call that needs it.",
    },
    related = { "ERROR_PRIVILEGE_NOT_HELD", "STATUS_ACCESS_DENIED", "STATUS_NOT_LOGON_PROCESS" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
    },
  },
  {
    name = "STATUS_INVALID_ACCOUNT_NAME",
    code = 0xC0000062,
    win32 = "ERROR_INVALID_ACCOUNT_NAME",
    category = "account",
    severity = "low",
    message = "The name provided is not a properly formed account name.",
    summary = "The account name in the request is not a properly formed name.",
    causes = {
      [[The name sent to the LSA or SAM contains forbidden characters, is empty, or mixes the DOMAIN\user and UPN forms.]],
      "A script sent a variable that was never expanded, such as a literal `%USERNAME%`.",
    },
    diagnosis = {
      [[Read the Account Name field of the 4625 event exactly as logged: stray spaces, an `@` without a domain, or characters such as `/ \ [ ] : ; | = , + * ? < >` make it malformed.]],
      [[Test the name with `Get-ADUser -Filter "sAMAccountName -eq '<name>'"` to see whether a well-formed version of it exists.]],
    },
    resolution = {
      [[Send the name in one well-formed form, DOMAIN\user or user@domain.example, without stray spaces.]],
      "Fix the script or configuration so the real account name is substituted.",
    },
    related = { "ERROR_INVALID_ACCOUNT_NAME", "STATUS_NO_SUCH_USER", "STATUS_NONE_MAPPED" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
    },
  },
  {
    name = "STATUS_NO_SUCH_USER",
    code = 0xC0000064,
    win32 = "ERROR_NO_SUCH_USER",
    category = "account",
    severity = "medium",
    message = "The specified account does not exist.",
    summary = "The user name does not exist for the authority that checked it: event 4625 shows it as the Sub Status under Status 0xC000006D, and event 4776, which has no Sub Status, as its Error Code.",
    causes = {
      "The name was mistyped or belongs to an account that was renamed or deleted.",
      "The logon reached an authority that does not hold the account, such as the local SAM when a domain account was meant.",
      "Someone is probing for valid user names.",
    },
    diagnosis = {
      "Read Account Name and Account Domain in event 4625, or Logon Account in event 4776, and look for typos, former names, or a local name sent to the domain.",
      "On a domain controller, event 4768 with Result Code 0x6 is the Kerberos side of the same unknown name.",
      "A 4776 tells the client (Source Workstation) but not the server that was asked: the member server that received the NTLM logon has its own 4625 for the same name and time, with the client address.",
      "Count distinct Account Names failing from one Source Network Address: many names from one address is user enumeration or password spraying, one name is a stale configuration.",
      [[Check `Get-ADObject -Filter "isDeleted -eq 'true' -and sAMAccountName -eq '<name>'" -IncludeDeletedObjects` to learn whether the account was deleted recently.]],
    },
    resolution = {
      [[Correct the name in the client, service or script that sends it, using DOMAIN\user or a UPN so it reaches the right domain.]],
      "Block or investigate a source address that tries many non-existent names.",
      "Recreate or restore the account from the AD Recycle Bin only if it was deleted by mistake.",
    },
    related = { "STATUS_LOGON_FAILURE", "STATUS_WRONG_PASSWORD", "STATUS_INVALID_ACCOUNT_NAME", "ERROR_NO_SUCH_USER", "KDC_ERR_C_PRINCIPAL_UNKNOWN" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(E4625, "summary", "diagnosis"),
      cites(E4776, "summary", "diagnosis"),
    },
  },
  {
    name = "STATUS_WRONG_PASSWORD",
    code = 0xC000006A,
    win32 = "ERROR_INVALID_PASSWORD",
    category = "credentials",
    severity = "medium",
    message = "When trying to update a password, this return status indicates that the value provided as the current password is not correct.",
    summary = "The account exists but the password was wrong: event 4625 shows it as the Sub Status under Status 0xC000006D, and event 4776, which has no Sub Status, as its Error Code; it maps to ERROR_INVALID_PASSWORD (86), not ERROR_WRONG_PASSWORD.",
    causes = {
      "The user mistyped the password.",
      "A stored password (service, scheduled task, mapped drive, mobile mail client, Credential Manager) is out of date after a change.",
      "Someone is guessing the account's password.",
    },
    diagnosis = {
      "In event 4625 read Logon Type, Workstation Name, Source Network Address and Caller Process Name to find the program sending the bad password.",
      "On the domain controller, event 4776 names the Source Workstation for NTLM, and event 4771 with Failure Code 0x18 is the Kerberos form of the same bad password.",
      "Event 4776 never names the server the user was connecting to; to find it, search the member servers for the 4625 with Authentication Package NTLM and the same account at the same second.",
      "Compare the first failure's time with the account's PasswordLastSet (`Get-ADUser <name> -Properties PasswordLastSet`): failures that start right after a change point at a stored old password.",
      "On the source machine, list saved credentials with `cmdkey /list` and the services and scheduled tasks that run as the account.",
    },
    resolution = {
      "Update the stored password in the service, task, mapped drive, mobile device or Credential Manager entry that the events point to.",
      "Block or investigate a source that tries many passwords against one account.",
    },
    related = { "STATUS_LOGON_FAILURE", "STATUS_NO_SUCH_USER", "STATUS_ACCOUNT_LOCKED_OUT", "ERROR_INVALID_PASSWORD", "STATUS_WRONG_PASSWORD_CORE", "SEC_E_LOGON_DENIED", "KDC_ERR_PREAUTH_FAILED" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(E4625, "summary", "diagnosis"),
      cites(E4776, "summary", "diagnosis"),
      cites(E4771, "diagnosis"),
    },
  },
  {
    name = "STATUS_ILL_FORMED_PASSWORD",
    code = 0xC000006B,
    win32 = "ERROR_ILL_FORMED_PASSWORD",
    category = "credentials",
    severity = "low",
    message = "When trying to update a password, this return status indicates that the value provided for the new password contains values that are not allowed in passwords.",
    summary = "A password update failed: the new password contains values not allowed in passwords.",
    causes = {
      "The new password contains characters that the SAM does not accept or that the client could not encode.",
      "A provisioning script built the password with characters its transport mangled.",
    },
    diagnosis = {
      "Event 4723 (password change attempt) or 4724 (reset attempt) with a failure keyword on the domain controller shows who tried to set the password.",
      "Try the same new password from a current Windows client (Ctrl+Alt+Del, Change a password) and read the 4723 event it produces: success there means the first client mangled the characters.",
    },
    resolution = {
      "Set a password made of characters that every client involved can type and encode.",
      "Fix the quoting or encoding in the script that sets passwords.",
    },
    related = { "ERROR_ILL_FORMED_PASSWORD", "STATUS_PASSWORD_RESTRICTION", "STATUS_WRONG_PASSWORD" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
      cites(E4723, "diagnosis"),
    },
  },
  {
    name = "STATUS_PASSWORD_RESTRICTION",
    code = 0xC000006C,
    win32 = "ERROR_PASSWORD_RESTRICTION",
    category = "credentials",
    severity = "low",
    message = "When trying to update a password, this status indicates that some password update rule has been violated. For example, the password may not meet length criteria.",
    summary = "A password update failed because a password rule was violated, for example the length requirement.",
    causes = {
      "The new password is shorter, simpler or older in history than the applying policy allows.",
      "The password was changed again before the minimum password age had passed.",
    },
    diagnosis = {
      "Read the policy that applies to the account: `Get-ADUserResultantPasswordPolicy <name>` for a fine-grained policy, otherwise `Get-ADDefaultDomainPasswordPolicy`.",
      "Compare MinPasswordLength, ComplexityEnabled, PasswordHistoryCount and MinPasswordAge from that output with the attempted password, and PasswordLastSet (`Get-ADUser <name> -Properties PasswordLastSet`) with MinPasswordAge: a second change within the minimum age fails even with a good password.",
    },
    resolution = {
      "Pick a password that meets the resultant policy's length, complexity and history rules.",
      "Wait for the minimum age to pass, or have an administrator reset the password.",
    },
    related = { "ERROR_PASSWORD_RESTRICTION", "STATUS_ILL_FORMED_PASSWORD", "STATUS_PASSWORD_MUST_CHANGE" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(GPSB_PWD, "causes"),
      cites(SAMR_PWD, "causes"),
    },
  },
  {
    name = "STATUS_LOGON_FAILURE",
    code = 0xC000006D,
    win32 = "ERROR_LOGON_FAILURE",
    category = "credentials",
    severity = "medium",
    message = "The attempted logon is invalid. This is either due to a bad username or authentication information.",
    summary = "The generic bad-user-name-or-password failure: in event 4625 it is the Status and the Sub Status says which part failed, while event 4776, which has no Sub Status, can carry it as its Error Code.",
    causes = {
      "The user name or the password was wrong, as the Sub Status 0xC0000064 or 0xC000006A of the same event tells apart.",
      "The LAN Manager authentication level of the source and the target computer do not match, one cause Microsoft's 4776 page gives for Error Code 0xC000006D.",
      "A program keeps trying a password that was changed.",
    },
    diagnosis = {
      "Read the Sub Status of the same 4625 event: 0xC0000064 means the name is unknown and 0xC000006A means the password is wrong.",
      "Read Logon Type (2 interactive, 3 network, 4 batch, 5 service, 8 network cleartext, 10 remote interactive) to know which kind of logon failed.",
      "Read Authentication Package and Package Name (NTLM only): an NTLM V1 or LM attempt against a server that demands NTLMv2 points at the LAN Manager authentication level.",
      "For an NTLM failure seen only as a 4776 on a domain controller, find the server the user connected to: 4776 names the client alone, so match its time and account against the 4625 on the member servers, or enable 'Network security: Restrict NTLM: Audit NTLM authentication in this domain' on the DC and read Microsoft-Windows-NTLM/Operational, which logs the servers that pass NTLM logons to it.",
      "When the 4776 comes from a read-only DC, check whether the account's password may be cached there (`Get-ADDomainControllerPasswordReplicationPolicyUsage <rodc> -RevealedAccounts`): an RODC forwards accounts it does not hold to a writable DC and fails them when none is reachable.",
      [[Compare 'Network security: LAN Manager authentication level' on the client and the server (`gpresult /h report.html`, or the LmCompatibilityLevel value under HKLM\SYSTEM\CurrentControlSet\Control\Lsa).]],
      "A 4625 whose Sub Status names neither the user nor the password may share that LAN Manager cause; this is plausible but unconfirmed, so check the credentials first.",
      "Group failures by Source Network Address: many accounts from one address is spraying, one account from one host is a stale credential.",
    },
    resolution = {
      "Act on the Sub Status: correct the user name for 0xC0000064, update the stored password for 0xC000006A.",
      "Align the LAN Manager authentication level of client and server, preferring NTLMv2 only on both sides.",
      "Block the source address when the failures come from a spraying or guessing pattern.",
    },
    related = { "STATUS_NO_SUCH_USER", "STATUS_WRONG_PASSWORD", "STATUS_ACCOUNT_LOCKED_OUT", "STATUS_ACCOUNT_RESTRICTION", "ERROR_LOGON_FAILURE", "SEC_E_LOGON_DENIED", "KDC_ERR_PREAUTH_FAILED" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(LSALOGONUSER, "summary"),
      cites(E4625, "summary", "diagnosis"),
      cites(E4776, "causes", "diagnosis"),
      cites(NTLMAUDIT, "diagnosis"),
      cites(PRPUSAGE, "diagnosis"),
      cites(RODCWAN, "diagnosis"),
    },
  },
  {
    name = "STATUS_ACCOUNT_RESTRICTION",
    code = 0xC000006E,
    win32 = "ERROR_ACCOUNT_RESTRICTION",
    category = "account",
    severity = "medium",
    message = "Indicates a referenced user name and authentication information are valid, but some user account restriction has prevented successful authentication (such as time-of-day restrictions).",
    summary = "The name and password were right but an account restriction blocked the logon; in event 4625 it is the Status and the Sub Status names the restriction.",
    causes = {
      "The account's logon hours, workstation list or expiry refused the logon, as the Sub Status tells.",
      "A local account with a blank password tried a network logon while blank passwords are limited to the console.",
      "An authentication policy or silo limits the computers the account may authenticate from, and MS-APDS returns this status for an NTLM logon it refuses; whether Protected Users membership also surfaces as this status is unconfirmed.",
    },
    diagnosis = {
      "Read the Sub Status of the 4625 event: 0xC000006F logon hours, 0xC0000070 workstation, 0xC0000071 expired password, 0xC0000072 disabled account.",
      "Expect an expired account (0xC0000193) or a forced password change (0xC0000224) as the event's own Status, with Sub Status 0x0, rather than under 0xC000006E: Microsoft documents only the four Sub Status values above for MSV1_0, and read those entries.",
      "With no more specific Sub Status, check for a blank password and the policy 'Accounts: Limit local account use of blank passwords to console logon only' (`gpresult /h report.html`).",
      "On domain controllers, read the Microsoft-Windows-Authentication/ProtectedUserFailures-DomainController and AuthenticationPolicyFailures-DomainController logs for Protected Users or authentication policy refusals.",
    },
    resolution = {
      "Fix the restriction that the Sub Status names on the account in Active Directory.",
      "Give a local account a password instead of relaxing the blank-password policy.",
    },
    related = { "STATUS_INVALID_LOGON_HOURS", "STATUS_INVALID_WORKSTATION", "STATUS_PASSWORD_EXPIRED", "STATUS_ACCOUNT_DISABLED", "STATUS_ACCOUNT_EXPIRED", "STATUS_PASSWORD_MUST_CHANGE", "ERROR_ACCOUNT_RESTRICTION", "SEC_E_SMARTCARD_LOGON_REQUIRED", "KDC_ERR_POLICY" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(LSALOGONUSER, "summary", "diagnosis"),
      cites(APDS_NTLM, "causes"),
      cites(E4625, "diagnosis"),
    },
  },
  {
    name = "STATUS_INVALID_LOGON_HOURS",
    code = 0xC000006F,
    win32 = "ERROR_INVALID_LOGON_HOURS",
    category = "policy",
    severity = "low",
    message = "The user account has time restrictions and may not be logged onto at this time.",
    summary = "The account tried to log on outside its allowed logon hours: event 4625 shows it as the Sub Status, usually under Status 0xC000006E, and event 4776, which has no Sub Status, as its Error Code.",
    causes = {
      "The account's logonHours attribute excludes the moment of the logon.",
      "Logon hours were set through the console of an administrator in another time zone, so the allowed window is shifted from what was intended.",
    },
    diagnosis = {
      "Convert the event's time to UTC and compare it with the account's logonHours: the attribute is stored in UTC, while Active Directory Users and Computers shows it in the local time of the machine running the console.",
      "Read the raw value with `Get-ADUser <name> -Properties logonHours`: 21 bytes, one bit per hour of the week starting Sunday 00:00 UTC.",
      "For service or batch accounts (Logon Type 4 or 5 in the 4625 event), check whether a logon-hours limit was copied from a user template.",
    },
    resolution = {
      "Set the intended hours from a console in the users' own time zone, or write logonHours with the UTC offset taken into account.",
      "Remove logon-hours limits from service and batch accounts.",
    },
    related = { "STATUS_ACCOUNT_RESTRICTION", "STATUS_INVALID_WORKSTATION", "ERROR_INVALID_LOGON_HOURS", "KDC_ERR_POLICY" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(LSALOGONUSER, "summary"),
      cites(E4625, "summary"),
      cites(E4776, "summary"),
    },
  },
  {
    name = "STATUS_INVALID_WORKSTATION",
    code = 0xC0000070,
    win32 = "ERROR_INVALID_WORKSTATION",
    category = "policy",
    severity = "low",
    message = "The user account is restricted such that it may not be used to log on from the source workstation.",
    summary = "The account may not log on from this workstation (its Log On To list or an authentication policy): event 4625 shows it as the Sub Status, and event 4776, which has no Sub Status, as its Error Code.",
    causes = {
      "The computer named in the request is missing from the account's Log On To list.",
      "An authentication policy allows the account to sign in only from certain computers.",
    },
    diagnosis = {
      "Compare Workstation Name in the 4625 event (Source Workstation in 4776) with the account's list: `Get-ADUser <name> -Properties userWorkstations`.",
      "Remember the list holds NetBIOS computer names: a connection by IP address, a renamed machine or a Remote Desktop gateway presents a different name.",
      "On domain controllers, read the AuthenticationPolicyFailures-DomainController log for a silo or policy that limits where the account may sign in.",
    },
    resolution = {
      "Add the computer's NetBIOS name to the account's Log On To list, or clear the list if it is no longer wanted.",
      "Change the authentication policy's conditions when a policy made the refusal.",
    },
    related = { "STATUS_ACCOUNT_RESTRICTION", "STATUS_INVALID_LOGON_HOURS", "ERROR_INVALID_WORKSTATION", "STATUS_AUTHENTICATION_FIREWALL_FAILED", "KDC_ERR_POLICY" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(LSALOGONUSER, "summary"),
      cites(E4625, "summary"),
      cites(E4776, "summary"),
    },
  },
  {
    name = "STATUS_PASSWORD_EXPIRED",
    code = 0xC0000071,
    win32 = "ERROR_PASSWORD_EXPIRED",
    category = "credentials",
    severity = "low",
    message = "The user account's password has expired.",
    summary = "The account's password has expired: event 4625 shows it as the Sub Status, usually under Status 0xC000006E, and event 4776, which has no Sub Status, as its Error Code.",
    causes = {
      "The password is older than the MaxPasswordAge of the policy that applies to the account.",
      "A service account was created without 'Password never expires' and nobody rotated its password.",
    },
    diagnosis = {
      "Read the expiry with `Get-ADUser <name> -Properties PasswordLastSet,PasswordNeverExpires,msDS-UserPasswordExpiryTimeComputed`.",
      "Find the governing policy with `Get-ADUserResultantPasswordPolicy <name>`; no result means the default domain policy's MaxPasswordAge applies.",
      "Check Logon Type in the 4625 event: a network or service logon (3, 4 or 5) cannot prompt for a new password, so the user never sees the expiry.",
    },
    resolution = {
      "Have the user change the password at an interactive sign-in, or reset it for them.",
      "Move service accounts to group Managed Service Accounts, or rotate their passwords on a schedule and update every place they are stored.",
    },
    related = { "STATUS_PASSWORD_MUST_CHANGE", "STATUS_ACCOUNT_EXPIRED", "STATUS_ACCOUNT_RESTRICTION", "ERROR_PASSWORD_EXPIRED", "KDC_ERR_KEY_EXPIRED" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(LSALOGONUSER, "summary"),
      cites(E4625, "summary"),
      cites(E4776, "summary"),
    },
  },
  {
    name = "STATUS_ACCOUNT_DISABLED",
    code = 0xC0000072,
    win32 = "ERROR_ACCOUNT_DISABLED",
    category = "account",
    severity = "medium",
    message = "The referenced account is currently disabled and may not be logged on to.",
    summary = "The account is disabled: event 4625 shows it as the Sub Status, usually under Status 0xC000006E, event 4776, which has no Sub Status, as its Error Code, and event 4768 as Kerberos Result Code 0x12.",
    causes = {
      "An administrator, a deprovisioning tool or a script disabled the account.",
      "A device or service still uses the account of someone who left.",
    },
    diagnosis = {
      "Confirm the state with `Get-ADUser <name> -Properties Enabled,whenChanged`.",
      "Find who disabled it: event 4725 on the domain controllers, at or before whenChanged.",
      "Use Workstation Name and Source Network Address of the 4625 event to find the device or service still using a leaver's account.",
    },
    resolution = {
      "Enable the account (`Enable-ADAccount <name>`) only when its owner confirms it is still needed.",
      "Reconfigure the device or service to use a current account.",
    },
    related = { "STATUS_ACCOUNT_EXPIRED", "STATUS_ACCOUNT_LOCKED_OUT", "STATUS_ACCOUNT_RESTRICTION", "ERROR_ACCOUNT_DISABLED", "KDC_ERR_CLIENT_REVOKED" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(LSALOGONUSER, "summary"),
      cites(E4625, "summary"),
      cites(E4776, "summary"),
      cites(UACATTR, "causes"),
    },
  },
  {
    name = "STATUS_NONE_MAPPED",
    code = 0xC0000073,
    win32 = "ERROR_NONE_MAPPED",
    category = "account",
    severity = "medium",
    message = "None of the information to be translated has been translated.",
    summary = "None of the account names or SIDs given could be translated, as LsaLookupNames and LsaLookupSids report when no name or SID maps; Microsoft's event 4625 table does not list it, and this catalogue has found no confirmed 4625 that carries it.",
    causes = {
      "A service or scheduled task is configured to run as an account that was deleted or renamed.",
      "The account name has no domain part, or names a domain that this computer cannot resolve or reach.",
    },
    diagnosis = {
      "If it does show in a 4625 (unconfirmed: Microsoft's 4625 table leaves it out), read Logon Type and Caller Process Name: Logon Type 5 from services.exe would point at a service whose account name cannot be resolved.",
      "List the accounts services run as (`Get-CimInstance Win32_Service | Select Name,StartName`) and the principals of scheduled tasks (`Get-ScheduledTask | Select TaskName,@{n='User';e={$_.Principal.UserId}}`).",
      [[Test the name with `([Security.Principal.NTAccount]'<DOMAIN>\<name>').Translate([Security.Principal.SecurityIdentifier])`: an IdentityNotMappedException confirms the failure.]],
    },
    resolution = {
      [[Point the service or task at an existing account, written as DOMAIN\user or a UPN.]],
      "Restore connectivity to the account's domain when the name is correct but cannot be looked up.",
    },
    related = { "STATUS_NO_SUCH_USER", "STATUS_INVALID_ACCOUNT_NAME", "STATUS_NO_SUCH_DOMAIN" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(LSATLOOKUP, "summary"),
      cites(E4625, "summary"),
    },
  },
  {
    name = "STATUS_BAD_IMPERSONATION_LEVEL",
    code = 0xC00000A5,
    win32 = "ERROR_BAD_IMPERSONATION_LEVEL",
    category = "session",
    severity = "medium",
    message = "A specified impersonation level is invalid. Also used to indicate a required impersonation level was not provided.",
    summary = "The impersonation level of the token is invalid or too low for the operation.",
    causes = {
      "The client allowed only identification, so the server's token cannot be used to act as the client.",
      "The server duplicated a token at a lower level than the operation needs.",
    },
    diagnosis = {
      "Check the impersonation level the client asks for, in its code or machine-wide in `dcomcnfg` (Default Impersonation Level): Identify gives the server a token it cannot impersonate with.",
      "For a Kerberos double hop, read the service account's delegation settings (`Get-ADUser <svc> -Properties msDS-AllowedToDelegateTo,TrustedForDelegation`).",
    },
    resolution = {
      "Have the client permit impersonation (for RPC and DCOM, an impersonation level of Impersonate or Delegate).",
      "Duplicate the token with SecurityImpersonation, or SecurityDelegation for a second hop.",
    },
    related = { "ERROR_BAD_IMPERSONATION_LEVEL", "STATUS_NO_IMPERSONATION_TOKEN", "STATUS_CANNOT_IMPERSONATE" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(IMPLEVEL, "causes"),
    },
  },
  {
    name = "STATUS_INVALID_SERVER_STATE",
    code = 0xC00000DC,
    win32 = "ERROR_INVALID_SERVER_STATE",
    category = "infrastructure",
    severity = "high",
    message = "Indicates the Sam Server was in the wrong state to perform the desired operation.",
    summary = "The SAM server was in the wrong state to perform the operation; event 4625 can show it as Status when the authenticating SAM could not serve the logon.",
    causes = {
      "The SAM on the authenticating computer was starting up, shutting down or disabled.",
      "The domain controller was booted in Directory Services Restore Mode.",
    },
    diagnosis = {
      "Note which domain controller or computer logged the failure and check whether it was starting, shutting down or in Directory Services Restore Mode at that time.",
      "Run `dcdiag /v /s:<dc>` and read that controller's Directory Service and System logs for SAM or NTDS errors.",
      "Force the client to another controller (`nltest /dsgetdc:<domain> /force`) and retry to confirm the fault is local to one DC.",
    },
    resolution = {
      "Retry once the controller has finished starting, and restart it normally if it is in Directory Services Restore Mode.",
      "Repair the controller's SAM or NTDS errors that `dcdiag` reports, or take it out of service.",
    },
    related = { "ERROR_INVALID_SERVER_STATE", "STATUS_NO_LOGON_SERVERS", "STATUS_DOMAIN_CONTROLLER_NOT_FOUND" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(E4625, "summary"),
    },
  },
  {
    name = "STATUS_NO_SUCH_DOMAIN",
    code = 0xC00000DF,
    win32 = "ERROR_NO_SUCH_DOMAIN",
    category = "infrastructure",
    severity = "high",
    message = "The specified Domain did not exist.",
    summary = "The specified domain did not exist or could not be contacted.",
    causes = {
      "The domain in the request is misspelt, or a trust to it was removed.",
      "No domain controller of that domain can be located through DNS.",
    },
    diagnosis = {
      "Read the Account Domain of the 4625 event: a misspelt NetBIOS domain or a domain across a removed trust cannot be found.",
      "Run `nltest /dsgetdc:<domain>` and `nltest /domain_trusts` to see whether the domain is known and reachable from this machine.",
    },
    resolution = {
      "Correct the domain name in the client or configuration.",
      "Recreate the trust or fix DNS forwarding so the domain's controllers can be found.",
    },
    related = { "ERROR_NO_SUCH_DOMAIN", "STATUS_NO_LOGON_SERVERS", "STATUS_DOMAIN_CONTROLLER_NOT_FOUND", "STATUS_TRUSTED_DOMAIN_FAILURE", "KDC_ERR_WRONG_REALM" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
      cites(DSGETDC, "diagnosis"),
    },
  },
  {
    name = "STATUS_NOT_LOGON_PROCESS",
    code = 0xC00000ED,
    win32 = "ERROR_NOT_LOGON_PROCESS",
    category = "session",
    severity = "medium",
    message = "The requested action is restricted for use by logon processes only. The calling process has not registered as a logon process.",
    summary = "The caller has not registered as a logon process but used an LSA call reserved for logon processes.",
    causes = {
      "The program connected with LsaConnectUntrusted and then used a call reserved for registered logon processes.",
      "The program's account lacks SeTcbPrivilege, so it could not register as a logon process.",
    },
    diagnosis = {
      "Check that the program called LsaRegisterLogonProcess (which needs SeTcbPrivilege) before LsaLogonUser; a handle from LsaConnectUntrusted cannot do logon-process work.",
      "Run `whoami /priv` under the program's account to see whether SeTcbPrivilege ('Act as part of the operating system') is held.",
    },
    resolution = {
      "Register with LsaRegisterLogonProcess from an account that holds SeTcbPrivilege, usually a service running as SYSTEM.",
      "Use LogonUser or SSPI instead when the program does not need to be a logon process.",
    },
    related = { "ERROR_NOT_LOGON_PROCESS", "STATUS_PRIVILEGE_NOT_HELD", "STATUS_NO_SUCH_PACKAGE" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
      cites(LSAREGISTER, "causes"),
      cites(LSALOGONUSER, "causes"),
    },
  },
  {
    name = "STATUS_LOGON_SESSION_EXISTS",
    code = 0xC00000EE,
    win32 = "ERROR_LOGON_SESSION_EXISTS",
    category = "session",
    severity = "high",
    message = "An attempt has been made to start a new session manager or LSA logon session with an ID that is already in use.",
    summary = "The session manager or the LSA refused to open a session because its logon ID (LUID) already belongs to a live session.",
    causes = {
      "An authentication package or LSA component asked for a session with a logon ID (LUID) that a live session already owns.",
      "A third-party package kept a session from an earlier attempt and reused its LUID.",
    },
    symptoms = {
      "LsaLogonUser or a logon through a third-party credential provider fails while other logons work.",
      "The LSA-based component that created the session logs the status in its own trace.",
    },
    diagnosis = {
      "List live sessions with `klist sessions` (or Sysinternals `logonsessions`) and look for the LUID the failing component used.",
      "Read event 4625 for the failed attempt and note its Authentication Package, which names the package that supplied the duplicate LUID.",
    },
    resolution = {
      "Update or remove the authentication package or credential provider that reuses logon IDs.",
      "Restart the computer to clear the LSA's session table while a fixed package is obtained.",
    },
    prevention = {
      "Allocate each session's LUID fresh with AllocateLocallyUniqueId in package code.",
      "Stage updates of LSA plug-ins on test machines before wide deployment.",
    },
    faq = {
      {
        question = "Who returns STATUS_LOGON_SESSION_EXISTS?",
        answer = "The LSA and the session manager, when an authentication package or component requests a session under a logon ID that is taken.",
      },
      {
        question = "What Win32 error does it become?",
        answer = "ERROR_LOGON_SESSION_EXISTS (1363).",
      },
    },
    related = { "ERROR_LOGON_SESSION_EXISTS", "STATUS_LOGON_SESSION_COLLISION", "STATUS_NO_SUCH_LOGON_SESSION", "STATUS_BAD_LOGON_SESSION_STATE" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(CREATESESSION, "summary"),
    },
  },
  {
    name = "STATUS_NO_SUCH_PACKAGE",
    code = 0xC00000FE,
    win32 = "ERROR_NO_SUCH_PACKAGE",
    category = "session",
    severity = "medium",
    message = "A specified authentication package is unknown.",
    summary = "The authentication package named in the request is unknown to the LSA.",
    causes = {
      "The program named an authentication package the LSA has not loaded, or misspelt it.",
      "A third-party package failed to load at boot, so lookups by its name fail.",
    },
    diagnosis = {
      "Read the Authentication Package field of the 4625 event, or the package name the program passed to LsaLookupAuthenticationPackage, and compare it with the loaded packages.",
      [[List the packages the LSA loads from the Authentication Packages and Security Packages values under HKLM\SYSTEM\CurrentControlSet\Control\Lsa, and look for event 4610 or 4622 at boot for each.]],
    },
    resolution = {
      "Use the exact name of a loaded package (Negotiate, Kerberos, MICROSOFT_AUTHENTICATION_PACKAGE_V1_0).",
      "Reinstall or repair the third-party package and restart so the LSA loads it.",
    },
    related = { "ERROR_NO_SUCH_PACKAGE", "STATUS_NOT_LOGON_PROCESS", "STATUS_INVALID_PARAMETER" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(LSALOGONUSER, "summary"),
    },
  },
  {
    name = "STATUS_BAD_LOGON_SESSION_STATE",
    code = 0xC0000104,
    win32 = "ERROR_BAD_LOGON_SESSION_STATE",
    category = "session",
    severity = "high",
    message = "The logon session is not in a state that is consistent with the requested operation.",
    summary = "The session exists but cannot undergo the requested operation now; DeleteLogonSession returns it when the session's reference count prevents deletion.",
    causes = {
      "DeleteLogonSession was called for a session that still has references, so the LSA would not delete it.",
      "An authentication package and the operating system disagree about who owns a session.",
    },
    symptoms = {
      "An authentication package's cleanup path fails and its sessions linger.",
      "Logons through one third-party package become unreliable after a while.",
    },
    diagnosis = {
      "Read the package's own debug log for its CreateLogonSession and DeleteLogonSession calls, and look for a delete while tokens of the session are still open.",
      [[List the LSA's packages with `reg query HKLM\SYSTEM\CurrentControlSet\Control\Lsa` and compare the first failures with the install date of the security product behind one of them.]],
    },
    resolution = {
      "Release every token and handle of the session before asking the LSA to delete it.",
      "Update or remove the package that deletes sessions it no longer owns.",
    },
    prevention = {
      "Keep a clear ownership rule in package code: only the creator deletes a session, and only when no token refers to it.",
      "Test LSA plug-ins under logon and logoff load before deploying them.",
    },
    faq = {
      {
        question = "When does DeleteLogonSession return STATUS_BAD_LOGON_SESSION_STATE?",
        answer = "When the session is still referenced, which Microsoft describes as a serious problem: the operating system and the authentication package both believe they own the session.",
      },
      {
        question = "What Win32 error does it become?",
        answer = "ERROR_BAD_LOGON_SESSION_STATE (1365).",
      },
    },
    related = { "ERROR_BAD_LOGON_SESSION_STATE", "STATUS_NO_SUCH_LOGON_SESSION", "STATUS_LOGON_SESSION_COLLISION", "STATUS_LOGON_SESSION_EXISTS" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
    },
  },
  {
    name = "STATUS_LOGON_SESSION_COLLISION",
    code = 0xC0000105,
    win32 = "ERROR_LOGON_SESSION_COLLISION",
    category = "session",
    severity = "high",
    message = "An internal LSA error has occurred. An authentication package has requested the creation of a Logon Session but the ID of an already existing Logon Session has been specified.",
    summary = "The LSA's CreateLogonSession callback refused a new session because another logon session already uses the logon ID the authentication package supplied.",
    causes = {
      "The CreateLogonSession callback was given a LUID that an existing session already uses.",
      "A custom package derived the LUID from data that repeats instead of calling AllocateLocallyUniqueId.",
    },
    symptoms = {
      "Logons through a smart-card, single sign-on or remote-access package fail while password logons succeed.",
      "Callers of LogonUser see the Win32 error 1366 when the package is in the path.",
    },
    diagnosis = {
      "Read the Authentication Package and Logon Process of the failing 4625 events to find the package in the path.",
      "In the package's own logs, compare the LUIDs passed to CreateLogonSession and look for one used twice.",
    },
    resolution = {
      "Fix or replace the package so that it allocates a new LUID for every session.",
      "Restart the computer if sessions with colliding LUIDs keep blocking logons until the fix arrives.",
    },
    prevention = {
      "Review every code path in a package that creates sessions for LUID reuse after failures.",
      "Keep LSA plug-ins current and remove ones that are no longer used.",
    },
    faq = {
      {
        question = "Which call returns STATUS_LOGON_SESSION_COLLISION?",
        answer = "The CreateLogonSession callback (LSA_CREATE_LOGON_SESSION) that the LSA gives authentication packages, when the LUID passed in is already in use.",
      },
      {
        question = "What Win32 error does it become?",
        answer = "ERROR_LOGON_SESSION_COLLISION (1366).",
      },
    },
    related = { "ERROR_LOGON_SESSION_COLLISION", "STATUS_LOGON_SESSION_EXISTS", "STATUS_NO_SUCH_LOGON_SESSION", "STATUS_BAD_LOGON_SESSION_STATE" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(CREATESESSION, "summary", "causes"),
    },
  },
  {
    name = "STATUS_INVALID_LOGON_TYPE",
    code = 0xC000010B,
    win32 = "ERROR_INVALID_LOGON_TYPE",
    category = "session",
    severity = "medium",
    message = "Indicates an invalid value has been provided for the LogonType requested.",
    summary = "An invalid value was given for the requested logon type.",
    causes = {
      "A program passed a logon type value that does not exist, or one that the chosen package does not handle.",
    },
    diagnosis = {
      "Compare the logon type the program passes to LogonUser or LsaLogonUser with the SECURITY_LOGON_TYPE values (2 to 11); a value outside them is refused.",
      "Check whether the chosen authentication package supports that logon type, since not every package accepts every type.",
    },
    resolution = {
      "Pass a documented SECURITY_LOGON_TYPE value that the package supports, such as Interactive (2), Network (3), Batch (4) or Service (5).",
    },
    related = { "ERROR_INVALID_LOGON_TYPE", "STATUS_LOGON_TYPE_NOT_GRANTED", "STATUS_INVALID_PARAMETER" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
      cites(LOGONUSER, "diagnosis"),
    },
  },
  {
    name = "STATUS_CANNOT_IMPERSONATE",
    code = 0xC000010D,
    win32 = "ERROR_CANNOT_IMPERSONATE",
    category = "session",
    severity = "low",
    message = "Indicates that an attempt has been made to impersonate via a named pipe that has not yet been read from.",
    summary = "An attempt was made to impersonate through a named pipe that has not yet been read from.",
    causes = {
      "A named-pipe server tried to impersonate its client before reading anything from the pipe.",
    },
    diagnosis = {
      "Trace the server with Process Monitor or its own log: ImpersonateNamedPipeClient succeeds only after the first ReadFile on the pipe has returned data.",
      "Read the client's CreateFile flags in its code or debug log: SECURITY_SQOS_PRESENT with SECURITY_ANONYMOUS or SECURITY_IDENTIFICATION prevents impersonation.",
    },
    resolution = {
      "Move the impersonation call after the first successful read from the client.",
    },
    related = { "ERROR_CANNOT_IMPERSONATE", "STATUS_NO_IMPERSONATION_TOKEN", "STATUS_BAD_IMPERSONATION_LEVEL" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
      cites(PIPEIMP, "causes"),
    },
  },
  {
    name = "STATUS_SPECIAL_ACCOUNT",
    code = 0xC0000124,
    win32 = "ERROR_SPECIAL_ACCOUNT",
    category = "account",
    severity = "low",
    message = "Indicates an operation has been attempted on a built-in (special) SAM account which is incompatible with built-in accounts. For example, built-in accounts cannot be deleted.",
    summary = "The operation is incompatible with a built-in (special) SAM account.",
    causes = {
      "An operation that built-in accounts forbid, such as deletion, was attempted on one.",
    },
    diagnosis = {
      "Check the RID of the target account (`Get-LocalUser <name> | Select SID`): built-in accounts such as RID 500 (Administrator) and 501 (Guest) refuse some operations.",
      "Read the Directory Service or Security log entry of the failed change to see which operation (delete, disable, group removal) was attempted.",
    },
    resolution = {
      "Disable or rename the built-in account instead, or perform the operation on another account.",
    },
    related = { "ERROR_SPECIAL_ACCOUNT", "STATUS_ACCESS_DENIED", "STATUS_ACCOUNT_DISABLED" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
    },
  },
  {
    name = "STATUS_TIME_DIFFERENCE_AT_DC",
    code = 0xC0000133,
    win32 = "ERROR_TIME_SKEW",
    category = "infrastructure",
    severity = "high",
    message = "The time at the Primary Domain Controller is different than the time at the Backup Domain Controller or member server by too large an amount.",
    summary = "The clocks of the client and the domain controller differ by more than Kerberos allows (5 minutes by default); event 4625 can carry it in Status or Sub Status.",
    causes = {
      "A client or server drifted beyond the Kerberos clock tolerance, 'Maximum tolerance for computer clock synchronization', 5 minutes by default.",
      "A virtual machine sets its clock from its host instead of from the domain hierarchy.",
      "The PDC emulator of the forest root follows a wrong or unreachable external time source, and every domain member follows it.",
    },
    diagnosis = {
      "Measure the offset from the computer named in Workstation Name of the 4625 event: `w32tm /stripchart /computer:<dc> /samples:3 /dataonly`; an offset above the tolerance explains the failure.",
      "On a domain controller, event 4771 with Failure Code 0x25 (clock skew) is the Kerberos record of the same problem.",
      "Read `w32tm /query /source` and `w32tm /query /status` on the client, a DC and the PDC emulator: a source of 'Local CMOS Clock' or 'VM IC Time Synchronization Provider' breaks the chain.",
      "Read the policy value with `gpresult /h report.html` under Account Policies > Kerberos Policy to see whether the 5-minute default was changed.",
    },
    resolution = {
      "Make the domain hierarchy the time source again: `w32tm /config /syncfromflags:domhier /update`, then `w32tm /resync /rediscover`.",
      "Point the forest-root PDC emulator at a reliable external NTP source and let every other machine follow the hierarchy.",
      "Turn off host time synchronisation for domain-joined virtual machines where it fights with the domain hierarchy.",
    },
    related = { "ERROR_TIME_SKEW", "STATUS_NO_LOGON_SERVERS", "STATUS_MUTUAL_AUTHENTICATION_FAILED", "SEC_E_TIME_SKEW", "KRB_AP_ERR_SKEW" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(CLOCKPOL, "summary", "causes"),
      cites(E4625, "summary"),
    },
  },
  {
    name = "STATUS_WRONG_PASSWORD_CORE",
    code = 0xC0000149,
    win32 = "ERROR_INVALID_PASSWORD",
    category = "credentials",
    severity = "medium",
    message = "{Incorrect Password to LAN Manager Server} You specified an incorrect password to a LAN Manager 2.x or MS-NET server.",
    summary = "An incorrect password was sent to a LAN Manager 2.x or MS-NET server, the legacy share-level servers that predate NT authentication.",
    causes = {
      "A client connected to a legacy server or device that speaks the LAN Manager 2.x or MS-NET dialect and gave it a wrong share password.",
      "The password saved for that legacy share is out of date.",
    },
    diagnosis = {
      "Capture the SMB negotiation with `pktmon` or Wireshark: a server that offers only pre-NT dialects (LANMAN, MS-NET) is one of these legacy servers.",
      "Read the Microsoft-Windows-SmbClient/Connectivity and Security logs on the client for the connection attempt and the share name.",
    },
    resolution = {
      "Enter the correct share password for the legacy server, and update it where it is saved (`cmdkey`, mapped drive).",
      "Replace or upgrade the legacy server or device so that it uses NTLMv2 or Kerberos over SMB2 or later.",
    },
    related = { "STATUS_WRONG_PASSWORD", "ERROR_INVALID_PASSWORD", "STATUS_LOGON_FAILURE" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
    },
  },
  {
    name = "STATUS_LOGON_NOT_GRANTED",
    code = 0xC0000155,
    win32 = "ERROR_LOGON_NOT_GRANTED",
    category = "policy",
    severity = "medium",
    message = "A requested type of logon (e.g., Interactive, Network, Service) is not granted by the target system's local security policy. Please ask the system administrator to grant the necessary form of logon.",
    summary = "The target system's local security policy does not grant the requested type of logon.",
    causes = {
      "The target computer's policy gives the account no right for the logon type it asked for.",
      "A deny right for that logon type covers the account or one of its groups.",
    },
    diagnosis = {
      "Read Logon Type in the 4625 event and the matching user right on the target computer in `gpresult /h report.html` (User Rights Assignment).",
      "Check the account's group memberships (`whoami /groups` as the user) against the groups that hold the right.",
    },
    resolution = {
      "Grant the matching allow right to a group that contains the account, in the GPO that owns User Rights Assignment.",
      "Remove the account from the deny right only when the deny was not intended.",
    },
    related = { "ERROR_LOGON_NOT_GRANTED", "STATUS_LOGON_TYPE_NOT_GRANTED", "STATUS_ACCOUNT_RESTRICTION" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(RIGHTS, "summary", "causes"),
    },
  },
  {
    name = "STATUS_TOO_MANY_SECRETS",
    code = 0xC0000156,
    win32 = "ERROR_TOO_MANY_SECRETS",
    category = "infrastructure",
    severity = "high",
    message = "The maximum number of secrets that may be stored in a single system has been exceeded. The length and number of secrets is limited to satisfy United States State Department export restrictions.",
    summary = "The LSA has reached the maximum number of secrets it can store.",
    causes = {
      "A program keeps creating LSA secrets with LsaStorePrivateData and never deletes them.",
    },
    diagnosis = {
      [[List the LSA secrets as SYSTEM (`psexec -s reg query HKLM\SECURITY\Policy\Secrets`) and look for a family of names that one product keeps adding.]],
      "Read the install history (`Get-WinEvent -ProviderName MsiInstaller`) for software added before the failures began that stores credentials as LSA secrets.",
    },
    resolution = {
      "Remove the secrets the leaking product created, using its own cleanup where it has one.",
      "Update or uninstall the product that leaks secrets.",
    },
    related = { "ERROR_TOO_MANY_SECRETS", "STATUS_NO_TRUST_LSA_SECRET", "STATUS_NO_SECRETS" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
      cites(LSASTORE, "causes"),
    },
  },
  {
    name = "STATUS_LOGON_TYPE_NOT_GRANTED",
    code = 0xC000015B,
    win32 = "ERROR_LOGON_TYPE_NOT_GRANTED",
    category = "policy",
    severity = "medium",
    message = "A user has requested a type of logon (e.g., interactive or network) that has not been granted. An administrator has control over who may logon interactively and through the network.",
    summary = "The user lacks the logon right for the requested logon type on this computer, or a deny right blocks it; event 4625 shows it as Status with Sub Status 0x0 and Failure Reason %%2308.",
    causes = {
      "A security baseline (Microsoft's or CIS) puts Local account (S-1-5-113) or 'Local account and member of Administrators group' (S-1-5-114) in 'Deny access to this computer from the network' or 'Deny log on through Remote Desktop Services'.",
      "The user is not in a group that holds the matching allow right, such as Remote Desktop Users for logon type 10.",
      "A service or task account lacks 'Log on as a service' or 'Log on as a batch job' after a Group Policy replaced the local list.",
    },
    diagnosis = {
      "Map Logon Type in the 4625 event to its right: 2 'Allow log on locally', 3 'Access this computer from the network', 4 'Log on as a batch job', 5 'Log on as a service', 10 'Allow log on through Remote Desktop Services'.",
      "On the target computer run `gpresult /h report.html` and read User Rights Assignment for the allow right and every matching 'Deny ...' right, with the GPO that sets each.",
      "If the account is local and the logon is a network or Remote Desktop one, look for the Local account SIDs S-1-5-113 and S-1-5-114 in the deny rights that a baseline set.",
      "Compare the account's groups (`whoami /groups` as the user, or `Get-ADPrincipalGroupMembership <name>`) with the groups that hold the right.",
    },
    resolution = {
      "Use a domain account for remote administration where a baseline denies network logon to local accounts, rather than removing the deny.",
      "Add the account or its group to the allow right in the GPO that owns it, and run `gpupdate /force` on the target.",
    },
    related = { "STATUS_LOGON_NOT_GRANTED", "ERROR_LOGON_TYPE_NOT_GRANTED", "STATUS_ACCOUNT_RESTRICTION", "STATUS_INVALID_LOGON_TYPE" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(RIGHTS, "summary", "causes", "resolution"),
      cites(E4625, "summary"),
    },
  },
  {
    name = "STATUS_NT_CROSS_ENCRYPTION_REQUIRED",
    code = 0xC000015D,
    win32 = "ERROR_NT_CROSS_ENCRYPTION_REQUIRED",
    category = "credentials",
    severity = "low",
    message = "An attempt was made to change a user password in the security account manager without providing the necessary Windows cross-encrypted password.",
    summary = "A password change in the SAM was attempted without the required Windows cross-encrypted password.",
    causes = {
      "A legacy client sent a password change with only the LAN Manager form of the passwords.",
    },
    diagnosis = {
      "Look for the change in event 4723 on the domain controller, whose Subject and time identify the client that made it (unconfirmed that a refusal of this kind is logged as a 4723 failure).",
      "Read the client's operating system with `Get-ADComputer <name> -Properties OperatingSystem`: a client that predates NT password hashes sends only the LM form.",
    },
    resolution = {
      "Change the password with a current Windows client or tool that sends the NT form.",
    },
    related = { "ERROR_NT_CROSS_ENCRYPTION_REQUIRED", "STATUS_LM_CROSS_ENCRYPTION_REQUIRED", "STATUS_PASSWORD_RESTRICTION" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
    },
  },
  {
    name = "STATUS_LM_CROSS_ENCRYPTION_REQUIRED",
    code = 0xC000017F,
    win32 = "ERROR_LM_CROSS_ENCRYPTION_REQUIRED",
    category = "credentials",
    severity = "low",
    message = "An attempt was made to change a user password in the security account manager without providing the necessary LM cross-encrypted password.",
    summary = "A password change in the SAM was attempted without the required LM cross-encrypted password.",
    causes = {
      "A legacy password-change method was used without the LAN Manager data the server asked for.",
    },
    diagnosis = {
      "Identify the client and tool that changed the password (event 4723 where the domain controller logged one) and whether it used a legacy SAMR change method.",
      "Check with `gpresult /h report.html` whether 'Network security: Do not store LAN Manager hash value on next password change' is set, which decides whether the domain keeps LM hashes at all.",
    },
    resolution = {
      "Change the password with a current client, and retire systems that depend on LAN Manager hashes.",
    },
    related = { "ERROR_LM_CROSS_ENCRYPTION_REQUIRED", "STATUS_NT_CROSS_ENCRYPTION_REQUIRED", "STATUS_PASSWORD_RESTRICTION" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
    },
  },
  {
    name = "STATUS_NO_TRUST_LSA_SECRET",
    code = 0xC000018A,
    win32 = "ERROR_NO_TRUST_LSA_SECRET",
    category = "infrastructure",
    severity = "high",
    message = "The workstation does not have a trust secret for the primary domain in the local LSA database.",
    summary = "The workstation has no trust secret for its primary domain in the local LSA database.",
    causes = {
      "The machine account password kept in the local LSA was lost, as after a re-image, a restore or a clone.",
      "The computer left the domain incompletely.",
    },
    diagnosis = {
      "Run `nltest /sc_query:<domain>` on the computer: this status in its output means the machine account password is missing from the local LSA.",
      "Read the System log for NETLOGON 3210 or 5719 events that show the secure channel failing at boot.",
    },
    resolution = {
      "Reset the machine account password from the computer (`Test-ComputerSecureChannel -Repair -Credential <admin>` or `netdom resetpwd`).",
      "Rejoin the computer to the domain when the reset fails.",
    },
    related = { "ERROR_NO_TRUST_LSA_SECRET", "STATUS_NO_TRUST_SAM_ACCOUNT", "STATUS_TRUSTED_RELATIONSHIP_FAILURE" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(TCSC, "resolution"),
    },
  },
  {
    name = "STATUS_NO_TRUST_SAM_ACCOUNT",
    code = 0xC000018B,
    win32 = "ERROR_NO_TRUST_SAM_ACCOUNT",
    category = "infrastructure",
    severity = "high",
    message = "The SAM database on the Windows Server does not have a computer account for this workstation trust relationship.",
    summary = "The domain's SAM database has no computer account for this workstation's trust relationship.",
    causes = {
      "The computer account was deleted from Active Directory or never created.",
      "Two machines share a name after cloning, and the account belongs to the other one.",
    },
    diagnosis = {
      "Check that the computer account exists and is enabled: `Get-ADComputer <name> -Properties Enabled,PasswordLastSet`.",
      "On the domain controller, NETLOGON event 5723 (NELOG_NetlogonServerAuthNoTrustSamAccount) names the computer that has no account in the domain; event 5722 is a different failure, an account that exists but whose password did not match.",
    },
    resolution = {
      "Rejoin the computer to the domain so that its account is created again.",
      "Give cloned machines unique names and run Sysprep before joining them.",
    },
    related = { "ERROR_NO_TRUST_SAM_ACCOUNT", "STATUS_NO_TRUST_LSA_SECRET", "STATUS_TRUSTED_RELATIONSHIP_FAILURE" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
      cites(LMERRLOG_H, "diagnosis"),
    },
  },
  {
    name = "STATUS_TRUSTED_DOMAIN_FAILURE",
    code = 0xC000018C,
    win32 = "ERROR_TRUSTED_DOMAIN_FAILURE",
    category = "infrastructure",
    severity = "high",
    message = "The logon request failed because the trust relationship between the primary domain and the trusted domain failed.",
    summary = "The logon failed because the trust between this domain and the account's trusted domain failed; event 4625 shows it as Status.",
    causes = {
      "The trust's password is out of sync between the two domains.",
      "The trusting domain's controllers cannot resolve or reach the trusted domain's controllers.",
      "SID filtering or a removed trust object on one side breaks the path.",
    },
    diagnosis = {
      "Read Account Domain in the 4625 event: it names the trusted domain whose trust failed.",
      "On a domain controller of the trusting domain run `nltest /sc_verify:<trusted domain>`: a status other than NERR_Success shows a broken trust channel.",
      "Run `netdom trust <trusting domain> /domain:<trusted domain> /verify` to check the trust from both sides.",
      "Run `nltest /dsgetdc:<trusted domain>` to confirm DNS and the network can reach the trusted domain's controllers.",
    },
    resolution = {
      "Fix DNS conditional forwarders and firewall rules between the domains when the trusted controllers cannot be reached.",
      "Reset the trust password when the channel is broken: `netdom trust <trusting domain> /domain:<trusted domain> /reset`, then verify again.",
    },
    faq = {
      {
        question = "Can Test-ComputerSecureChannel verify a trust?",
        answer = "No: it tests only the local computer's own secure channel to its domain and reports false errors when run on a domain controller, so use `nltest /sc_verify` or `netdom trust ... /verify`.",
      },
    },
    related = { "ERROR_TRUSTED_DOMAIN_FAILURE", "STATUS_TRUSTED_RELATIONSHIP_FAILURE", "STATUS_DOMAIN_TRUST_INCONSISTENT", "STATUS_AUTHENTICATION_FIREWALL_FAILED", "KRB_AP_ERR_BAD_INTEGRITY", "KDC_ERR_WRONG_REALM" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(E4625, "summary"),
    },
  },
  {
    name = "STATUS_TRUSTED_RELATIONSHIP_FAILURE",
    code = 0xC000018D,
    win32 = "ERROR_TRUSTED_RELATIONSHIP_FAILURE",
    category = "infrastructure",
    severity = "high",
    message = "The logon request failed because the trust relationship between this workstation and the primary domain failed.",
    summary = "The logon failed because the trust between this workstation and its domain failed.",
    causes = {
      "The computer was restored from a snapshot taken before its last machine password change.",
      "The computer account was reset or recreated in Active Directory while the machine kept its old password.",
    },
    diagnosis = {
      "On the failing computer run `nltest /sc_query:<domain>` or `Test-ComputerSecureChannel -Verbose`: a failure confirms its own machine-account channel is broken.",
      "Compare the computer account's PasswordLastSet (`Get-ADComputer <name> -Properties PasswordLastSet`) with the date the machine was restored from a snapshot or image.",
    },
    resolution = {
      "Repair the channel from the computer with `Test-ComputerSecureChannel -Repair -Credential <admin>`, signed in with a local administrator.",
      "Rejoin the domain when the repair fails.",
    },
    prevention = {
      "Prefer restoring a domain member's files over rolling the whole machine back to an old snapshot.",
      "Plan a secure-channel repair into every rollback of a domain member or domain controller.",
    },
    related = { "ERROR_TRUSTED_RELATIONSHIP_FAILURE", "STATUS_NO_TRUST_LSA_SECRET", "STATUS_NO_TRUST_SAM_ACCOUNT", "STATUS_TRUSTED_DOMAIN_FAILURE", "KRB_AP_ERR_MODIFIED" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
      cites(TCSC, "resolution"),
    },
  },
  {
    name = "STATUS_TRUST_FAILURE",
    code = 0xC0000190,
    win32 = "ERROR_TRUST_FAILURE",
    category = "infrastructure",
    severity = "high",
    message = "The network logon failed. This may be because the validation authority can't be reached.",
    summary = "The network logon failed, possibly because the validation authority could not be reached.",
    causes = {
      "The server that received the network logon could not pass it to a domain controller of the account's domain.",
      "A trust on the way to the account's domain is broken.",
    },
    diagnosis = {
      "Run `nltest /sc_query:<domain>` on the server that logged the failure to see whether it can reach a domain controller to pass the logon through.",
      "Read the server's System log for NETLOGON 5719 events around the time of the failure.",
    },
    resolution = {
      "Restore the server's connectivity and secure channel to its domain controllers.",
      "Repair the broken trust or name resolution between the domains.",
    },
    related = { "ERROR_TRUST_FAILURE", "STATUS_NO_LOGON_SERVERS", "STATUS_TRUSTED_RELATIONSHIP_FAILURE", "KRB_AP_ERR_BAD_INTEGRITY" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
    },
  },
  {
    name = "STATUS_NETLOGON_NOT_STARTED",
    code = 0xC0000192,
    win32 = "ERROR_NETLOGON_NOT_STARTED",
    category = "infrastructure",
    severity = "high",
    message = "An attempt was made to logon, but the netlogon service was not started.",
    summary = "A logon needed the Netlogon service, which was not running; event 4625 shows it as Status with Failure Reason %%2306.",
    causes = {
      "Netlogon is stopped or disabled on the computer that processed the logon.",
      "The computer is in Safe Mode or still starting, so Netlogon is not running yet.",
    },
    diagnosis = {
      "Run `sc query netlogon` on the computer that logged event 4625: a STOPPED state confirms it.",
      "Read that computer's System log for Service Control Manager events 7023, 7024 or 7036 that say when and why Netlogon stopped.",
      "After restarting it, confirm the secure channel with `nltest /sc_query:<domain>`.",
    },
    resolution = {
      "Start Netlogon (`Start-Service Netlogon`) and set its start type to Automatic.",
      "Fix the dependency or error that the Service Control Manager events name as the reason it stopped.",
    },
    related = { "ERROR_NETLOGON_NOT_STARTED", "STATUS_NO_LOGON_SERVERS", "STATUS_TRUSTED_RELATIONSHIP_FAILURE" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(E4625, "summary"),
    },
  },
  {
    name = "STATUS_ACCOUNT_EXPIRED",
    code = 0xC0000193,
    win32 = "ERROR_ACCOUNT_EXPIRED",
    category = "account",
    severity = "medium",
    message = "The user's account has expired.",
    summary = "The user's account has passed its expiry date; event 4625 shows it as the Status itself, with Sub Status 0x0, and event 4776, which has no Sub Status, as its Error Code.",
    causes = {
      "The account's accountExpires date, set for a contractor or temporary user, has passed.",
      "A service or device still uses an account that was given an end date.",
    },
    diagnosis = {
      "Read the expiry date with `Get-ADUser <name> -Properties AccountExpirationDate`.",
      "Use Workstation Name and Source Network Address in the 4625 event (Source Workstation in 4776) to find the device or service still using the account.",
      "On a domain controller, event 4768 with Result Code 0x12 is the Kerberos side of the same refusal.",
    },
    resolution = {
      "Extend the expiry (`Set-ADAccountExpiration <name> -DateTime <date>`) only after the account's owner confirms it is still needed.",
      "Reconfigure the device or service found in the events to use a current account.",
    },
    related = { "STATUS_ACCOUNT_DISABLED", "STATUS_PASSWORD_EXPIRED", "STATUS_ACCOUNT_RESTRICTION", "ERROR_ACCOUNT_EXPIRED", "KDC_ERR_NAME_EXP", "KDC_ERR_CLIENT_REVOKED" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(LSALOGONUSER, "summary"),
      cites(E4625, "summary"),
      cites(E4776, "summary"),
    },
  },
  {
    name = "STATUS_NETWORK_CREDENTIAL_CONFLICT",
    code = 0xC0000195,
    win32 = "ERROR_SESSION_CREDENTIAL_CONFLICT",
    category = "session",
    severity = "medium",
    message = "Multiple connections to a server or shared resource by the same user, using more than one user name, are not allowed. Disconnect all previous connections to the server or shared resource and try again.",
    summary = "A second connection to the same server under a different user name was refused; it maps to ERROR_SESSION_CREDENTIAL_CONFLICT (1219).",
    causes = {
      "The logon session already has a connection to the server under one user name and a second one was requested under another.",
      "A persistent mapped drive reconnected with saved credentials different from those now being used.",
    },
    diagnosis = {
      "Run `net use` on the client: an existing connection to the same server under another user name is the conflict.",
      "Run `Get-SmbConnection` to see the user name of each connection per server name; an alias of the server (its IP address, another DNS name) counts as a different server.",
    },
    resolution = {
      [[Remove the existing connection to that server (`net use \\<server>\<share> /delete`) before connecting as the other user.]],
      "Use one account for every connection to a given server from the same logon session.",
    },
    related = { "ERROR_SESSION_CREDENTIAL_CONFLICT", "STATUS_LOGON_FAILURE", "STATUS_NETWORK_SESSION_EXPIRED" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(WNET1219, "summary", "causes"),
    },
  },
  {
    name = "STATUS_NOLOGON_INTERDOMAIN_TRUST_ACCOUNT",
    code = 0xC0000198,
    win32 = "ERROR_NOLOGON_INTERDOMAIN_TRUST_ACCOUNT",
    category = "account",
    severity = "medium",
    message = "The account used is an Interdomain Trust account. Use your global user account or local user account to access this server.",
    summary = "The account is an interdomain trust account, which cannot be used to log on.",
    causes = {
      "A logon was attempted with the DOMAIN$ account that holds an interdomain trust.",
    },
    diagnosis = {
      "Read Account Name in the 4625 event: a name ending in `$` that matches a trusted domain's NetBIOS name is a trust account.",
      "List trusts with `nltest /domain_trusts` to confirm the account belongs to one.",
    },
    resolution = {
      "Sign in with a user account, and investigate the source when nothing should use the trust account.",
    },
    related = { "ERROR_NOLOGON_INTERDOMAIN_TRUST_ACCOUNT", "STATUS_NOLOGON_WORKSTATION_TRUST_ACCOUNT", "STATUS_NOLOGON_SERVER_TRUST_ACCOUNT" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(UACATTR, "summary"),
    },
  },
  {
    name = "STATUS_NOLOGON_WORKSTATION_TRUST_ACCOUNT",
    code = 0xC0000199,
    win32 = "ERROR_NOLOGON_WORKSTATION_TRUST_ACCOUNT",
    category = "account",
    severity = "low",
    message = "The account used is a Computer Account. Use your global user account or local user account to access this server.",
    summary = "The account is a computer account, which cannot be used for this logon.",
    causes = {
      "A computer account was used for a kind of logon that computer accounts may not perform.",
      "A domain join or secure-channel setup tested the account, which logs this status as a matter of course.",
    },
    diagnosis = {
      "Read Account Name in the 4625 or 4776 event: a name ending in `$` is a computer account, normally used only by the machine itself.",
      "Check the program on the Source Network Address that used a machine account for an interactive or network logon.",
    },
    resolution = {
      "Use a user account for the operation, and ignore events that come with a normal domain join.",
    },
    related = { "ERROR_NOLOGON_WORKSTATION_TRUST_ACCOUNT", "STATUS_NOLOGON_SERVER_TRUST_ACCOUNT", "STATUS_NOLOGON_INTERDOMAIN_TRUST_ACCOUNT" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(UACATTR, "summary"),
    },
  },
  {
    name = "STATUS_NOLOGON_SERVER_TRUST_ACCOUNT",
    code = 0xC000019A,
    win32 = "ERROR_NOLOGON_SERVER_TRUST_ACCOUNT",
    category = "account",
    severity = "low",
    message = "The account used is an Server Trust account. Use your global user account or local user account to access this server.",
    summary = "The account is a server trust account, which cannot be used for this logon.",
    causes = {
      "A domain controller's machine account was used for a user-style logon.",
    },
    diagnosis = {
      "Read Account Name in the 4625 event: a domain controller's account (name ending in `$`) was used where a user account is expected.",
      "Check `Get-ADComputer <name> -Properties userAccountControl` for SERVER_TRUST_ACCOUNT (0x2000) to confirm it is a DC account.",
    },
    resolution = {
      "Use a user account, and look into the source only when such attempts are unexpected.",
    },
    related = { "ERROR_NOLOGON_SERVER_TRUST_ACCOUNT", "STATUS_NOLOGON_WORKSTATION_TRUST_ACCOUNT", "STATUS_NOLOGON_INTERDOMAIN_TRUST_ACCOUNT" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(UACATTR, "summary"),
    },
  },
  {
    name = "STATUS_DOMAIN_TRUST_INCONSISTENT",
    code = 0xC000019B,
    win32 = "ERROR_DOMAIN_TRUST_INCONSISTENT",
    category = "infrastructure",
    severity = "high",
    message = "The name or SID of the domain specified is inconsistent with the trust information for that domain.",
    summary = "The name or SID of the domain does not match the trust information for it.",
    causes = {
      "The trusted domain was rebuilt with a new SID, so the stored trust no longer matches it.",
      "The trust was created with a name that belongs to another domain.",
    },
    diagnosis = {
      "Compare the trusted domain's SID (`Get-ADDomain -Server <trusted domain>`) with the SID in the trust object (`Get-ADTrust -Identity <trusted domain> -Properties securityIdentifier`).",
      "Check whether the trusted domain was rebuilt or renamed after the trust was created; event 4625 then carries Failure Reason %%2314 (domain SID inconsistent).",
    },
    resolution = {
      "Delete and recreate the trust so that it records the domain's current name and SID, then verify it.",
    },
    related = { "ERROR_DOMAIN_TRUST_INCONSISTENT", "STATUS_TRUSTED_DOMAIN_FAILURE", "STATUS_NO_SUCH_DOMAIN" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
    },
  },
  {
    name = "STATUS_NO_USER_SESSION_KEY",
    code = 0xC0000202,
    win32 = "ERROR_NO_USER_SESSION_KEY",
    category = "session",
    severity = "medium",
    message = "There is no user session key for the specified logon session.",
    summary = "There is no user session key for the specified logon session.",
    causes = {
      "The logon was anonymous or guest, which yields no session key.",
      "The operation needs a session key that the logon's protocol did not produce.",
    },
    diagnosis = {
      "Read Authentication Package and Logon Type of the matching 4624 event: anonymous and guest logons and some NTLM logons carry no session key.",
      "Check whether the failing operation (SMB signing, encryption, a password change over SAMR) needs a session key that the logon type cannot give.",
    },
    resolution = {
      "Connect with authenticated credentials so that the session has a key.",
      "Reconnect after the session expired so a new key is negotiated.",
    },
    related = { "ERROR_NO_USER_SESSION_KEY", "STATUS_NETWORK_SESSION_EXPIRED", "STATUS_NO_SUCH_LOGON_SESSION" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
    },
  },
  {
    name = "STATUS_PASSWORD_MUST_CHANGE",
    code = 0xC0000224,
    win32 = "ERROR_PASSWORD_MUST_CHANGE",
    category = "credentials",
    severity = "low",
    message = "The user's password must be changed before signing in.",
    summary = "The password must be changed before the user can sign in, usually after an administrator reset: event 4625 shows it as the Status with Sub Status 0x0, and event 4776, which has no Sub Status, as its Error Code.",
    causes = {
      "An administrator reset the password with 'User must change password at next logon' ticked, which sets pwdLastSet to 0.",
      "A new account was created with the change-at-next-logon option and first used over the network.",
    },
    diagnosis = {
      "Read `Get-ADUser <name> -Properties pwdLastSet`: a value of 0 means 'User must change password at next logon' is set.",
      "Read Logon Type in the 4625 event: a network or service logon (3, 4 or 5) cannot offer the change prompt, so the user only sees a refusal.",
    },
    resolution = {
      "Have the user sign in interactively or use a password-change portal to set a new password.",
      "For a service account, clear the flag and set a known password instead of forcing a change.",
    },
    related = { "STATUS_PASSWORD_EXPIRED", "STATUS_ACCOUNT_RESTRICTION", "STATUS_PASSWORD_CHANGE_REQUIRED", "ERROR_PASSWORD_MUST_CHANGE", "KDC_ERR_KEY_EXPIRED" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(LSALOGONUSER, "summary"),
      cites(E4625, "summary"),
      cites(E4776, "summary"),
    },
  },
  {
    name = "STATUS_NOT_FOUND",
    code = 0xC0000225,
    win32 = "ERROR_NOT_FOUND",
    category = "general",
    severity = "low",
    message = "The object was not found.",
    summary = "A generic not-found status; Microsoft's event 4625 table lists it as a Status or Sub Status that comes from a Windows bug, not an attack.",
    causes = {
      "A component that took part in the logon looked for an object (a package, a registry value, a name) and did not find it, which Microsoft attributes to a defect in Windows.",
    },
    diagnosis = {
      "Read Logon Type, Caller Process Name and Account Name of the 4625 event and look for a 4624 success for the same account and source moments later: if there is one, the user was not blocked.",
      "Count 4625 events with this code per source and account: a steady trickle from one system process is the known benign pattern, a burst across many accounts deserves the same review as any other failure.",
    },
    resolution = {
      "Treat it as noise in alerting rules unless it comes with other failures for the same account.",
      "Keep the affected computer on current cumulative updates.",
    },
    related = { "ERROR_NOT_FOUND", "STATUS_LOGON_FAILURE" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(E4625, "summary"),
    },
  },
  {
    name = "STATUS_DOMAIN_CONTROLLER_NOT_FOUND",
    code = 0xC0000233,
    win32 = "ERROR_DOMAIN_CONTROLLER_NOT_FOUND",
    category = "infrastructure",
    severity = "high",
    message = "Could not find a domain controller for this domain.",
    summary = "No domain controller could be found for the domain.",
    causes = {
      "The DNS servers the client uses have no SRV records for the domain.",
      "No domain controller of the domain is reachable from the client's site.",
    },
    diagnosis = {
      "Run `nltest /dsgetdc:<domain> /force` from the failing machine and read the error it returns.",
      "Query the SRV records with `nslookup -type=SRV _ldap._tcp.dc._msdcs.<domain>` against the DNS server the machine uses.",
    },
    resolution = {
      "Point the client at the domain's DNS servers and confirm its domain controllers register their SRV records (`dcdiag /test:dns`).",
      "Restore connectivity to a domain controller, or add one to the site.",
    },
    related = { "ERROR_DOMAIN_CONTROLLER_NOT_FOUND", "STATUS_NO_LOGON_SERVERS", "STATUS_NO_SUCH_DOMAIN" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
      cites(DSGETDC, "diagnosis"),
    },
  },
  {
    name = "STATUS_ACCOUNT_LOCKED_OUT",
    code = 0xC0000234,
    win32 = "ERROR_ACCOUNT_LOCKED_OUT",
    category = "account",
    severity = "medium",
    message = "The user account has been automatically locked because too many invalid logon attempts or password change attempts have been requested.",
    summary = "The account is locked out after too many bad passwords: event 4625 shows it as the Status with Sub Status 0x0, and event 4776, which has no Sub Status, as its Error Code.",
    causes = {
      "A device or service keeps sending an old password (phone mail client, mapped drive, service, scheduled task, saved Remote Desktop credential).",
      "A user mistyped the password more times than the lockout threshold allows within the observation window.",
      "Someone is guessing passwords for the account from the network or through an internet-facing service.",
    },
    diagnosis = {
      "Find event 4740 for the account on the PDC emulator (`Get-ADDomain | Select PDCEmulator`): its Caller Computer Name is the machine the last bad password came from.",
      "Read the events that came before the 4740: 4771 with Failure Code 0x18 (Kerberos) and 4776 with Error Code 0xC000006A (NTLM) name the client of each bad password.",
      "A Caller Computer Name that is an Exchange, ADFS or NPS server means the bad password was relayed for a client behind it (mobile mail, web sign-in, VPN or Wi-Fi), so read that server's logs next.",
      "On the machine the events point to, list saved credentials with `cmdkey /list`, mapped drives with `net use`, and the services and scheduled tasks that run as the account.",
      "A blank Caller Computer Name usually means a non-Windows client or a network logon that did not send a workstation name: follow the 4776 and 4625 Source Network Address instead.",
      "Read badPwdCount from the PDC emulator (`Get-ADUser <name> -Properties badPwdCount,badPasswordTime,lockoutTime -Server <pdc>`), since each domain controller keeps its own count and does not replicate it.",
      "Read the lockout policy that applies: `Get-ADUserResultantPasswordPolicy <name>` for a fine-grained policy, else `Get-ADDefaultDomainPasswordPolicy` for LockoutThreshold, LockoutObservationWindow and LockoutDuration.",
    },
    resolution = {
      "Remove or update the stale credential on the machine the events point to, then unlock the account with `Unlock-ADAccount <name>`.",
      "Let the lockout expire on its own when LockoutDuration is short and the source is still unknown, to avoid an immediate re-lock.",
      "Block the source address, or put the internet-facing service behind extranet lockout or multi-factor authentication, when the bad passwords come from an attack.",
    },
    related = { "STATUS_WRONG_PASSWORD", "STATUS_LOGON_FAILURE", "STATUS_ACCOUNT_DISABLED", "ERROR_ACCOUNT_LOCKED_OUT", "KDC_ERR_CLIENT_REVOKED", "KDC_ERR_PREAUTH_FAILED" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(E4740, "diagnosis"),
      cites(E4625, "summary", "diagnosis"),
      cites(E4776, "summary"),
    },
  },
  {
    name = "STATUS_MUTUAL_AUTHENTICATION_FAILED",
    code = 0xC00002C3,
    win32 = "ERROR_MUTUAL_AUTH_FAILED",
    category = "infrastructure",
    severity = "medium",
    message = "Mutual Authentication failed. The server's password is out of date at the domain controller.",
    summary = "Mutual authentication failed because the server's password is out of date at the domain controller.",
    causes = {
      "The server changed its machine password and the domain controller that issued the client's ticket still has the old one.",
      "The service's SPN is registered on an account other than the one the service runs as.",
    },
    diagnosis = {
      "Run `klist` on the client and check the ticket for the server's SPN; then compare the server's computer account PasswordLastSet with the time the server last changed its password.",
      "Check with `setspn -Q <spn>` that the SPN is registered on exactly one account, the one the service runs as.",
    },
    resolution = {
      "Force replication of the server's account (`repadmin /syncall /AdeP`) and have the client get a new ticket (`klist purge`).",
      "Move the SPN to the account the service runs as (`setspn -D` on the wrong account, `setspn -S` on the right one).",
    },
    related = { "ERROR_MUTUAL_AUTH_FAILED", "ERROR_WRONG_TARGET_NAME", "STATUS_TRUSTED_RELATIONSHIP_FAILURE", "SEC_E_MUTUAL_AUTH_FAILED", "KRB_AP_ERR_MUT_FAIL" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
    },
  },
  {
    name = "STATUS_UNFINISHED_CONTEXT_DELETED",
    code = 0xC00002EE,
    category = "session",
    severity = "low",
    message = "A security context was deleted before the context was completed. This is considered a logon failure.",
    summary = "A security context was discarded before its handshake finished; event 4625 shows it as Status with Sub Status 0x0 and Failure Reason %%2304 (an error occurred during logon).",
    causes = {
      "The client dropped the connection in the middle of an SSPI handshake, after the server had already sent its reply.",
      "A network device or a timeout cut the connection during Kerberos or NTLM negotiation.",
      "A scanner or a half-configured client opens authentication and abandons it.",
    },
    diagnosis = {
      "Read Logon Type, Authentication Package and Source Network Address in the 4625 event: a network logon (type 3) from one address repeated many times points at a client that abandons its handshakes.",
      "Check whether a 4624 success from the same address follows: a client that retried and succeeded had a transient network problem.",
      "Capture the exchange with `pktmon` or Wireshark on the server to see which side closed the connection before the handshake ended.",
    },
    resolution = {
      "Fix or reconfigure the client that abandons handshakes, or exclude a known scanner from alerting.",
      "Repair the network path (MTU, firewall idle timeouts, load balancer) that cuts connections during authentication.",
    },
    related = { "SEC_E_UNFINISHED_CONTEXT_DELETED", "STATUS_LOGON_FAILURE", "STATUS_NOT_FOUND", "STATUS_NETWORK_SESSION_EXPIRED" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
    },
  },
  {
    name = "STATUS_PASSWORD_CHANGE_REQUIRED",
    code = 0xC000030C,
    win32 = "ERROR_PASSWORD_CHANGE_REQUIRED",
    category = "credentials",
    severity = "low",
    message = "EAS policy requires that the user change their password before this operation can be performed.",
    summary = "An EAS policy requires the user to change the password before the operation can be performed.",
    causes = {
      "An Exchange ActiveSync policy on the device requires a password change before it continues.",
    },
    diagnosis = {
      "Check whether the password is flagged for change (`Get-ADUser <name> -Properties pwdLastSet`, 0 means flagged) or has expired.",
      "Identify the device with `Get-MobileDevice -Mailbox <user>` on Exchange: it is the mail or device-management client whose EAS policy demands the change.",
    },
    resolution = {
      "Have the user change the password, then let the device sign in again.",
    },
    related = { "ERROR_PASSWORD_CHANGE_REQUIRED", "STATUS_PASSWORD_MUST_CHANGE", "STATUS_PASSWORD_EXPIRED" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message", "summary"),
    },
  },
  {
    name = "STATUS_NETWORK_SESSION_EXPIRED",
    code = 0xC000035C,
    win32 = "ERROR_NO_USER_SESSION_KEY",
    category = "session",
    severity = "low",
    message = "The client session has expired; so the client must re-authenticate to continue accessing the remote resources.",
    summary = "An SMB server refused a request on a session whose authentication has expired, and the client must authenticate again (MS-SMB2 fails such requests with this status); Microsoft's 4625 table does not list it.",
    causes = {
      "The Kerberos service ticket behind an SMB session reached its end time, so the server asks the client to authenticate again.",
      "The account's credentials changed and the client holds no valid ticket to renew the session.",
    },
    diagnosis = {
      "Look on the file server for a 4624 from the same client moments after the failure: a new session set up by re-authentication means the expiry was routine (whether a 4625 is logged for the expired session is unconfirmed).",
      "On the client, run `klist` as the user and check the end time of the `cifs/<server>` ticket against the time of the failure.",
    },
    resolution = {
      "Nothing is needed when the client re-authenticates on its own; otherwise disconnect and reconnect the share (`net use <drive> /delete`, then map it again).",
      "Renew the user's tickets (`klist purge`, then access the share again) when the client keeps presenting an expired ticket.",
    },
    related = { "ERROR_NO_USER_SESSION_KEY", "STATUS_NO_USER_SESSION_KEY", "STATUS_NETWORK_CREDENTIAL_CONFLICT" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(SMB2VERIFY, "summary"),
      cites(SMBSESSION, "causes"),
      cites(E4625, "summary"),
    },
  },
  {
    name = "STATUS_NO_SECRETS",
    code = 0xC0000371,
    win32 = "ERROR_NO_SECRETS",
    category = "credentials",
    severity = "medium",
    message = "The local account store does not contain secret material for the specified account.",
    summary = "The account store that was asked holds no secret (password hash) for the account, so its credentials cannot be checked there; Microsoft's event 4776 table lists it as an Error Code.",
    causes = {
      "The computer that logged the 4776 keeps no password secret for the account, as its message says; Microsoft does not document which accounts lack one, so the cases below are what to rule out, not confirmed causes.",
      "On a read-only domain controller, the Password Replication Policy does not let the account's password be cached there; the RODC hands such logons to a writable DC and fails them when it cannot reach one (whether it then reports this status is unconfirmed).",
      "A local account that never had a password set, or one meant only for a certificate or Windows Hello sign-in, was offered a password logon (unconfirmed).",
    },
    diagnosis = {
      "Note which computer logged the 4776: a read-only DC, a writable DC, or a member computer checking one of its own local accounts.",
      "On a read-only DC, list the accounts whose passwords it holds (`Get-ADDomainControllerPasswordReplicationPolicyUsage <rodc> -RevealedAccounts`) and the groups allowed to be cached (`Get-ADDomainControllerPasswordReplicationPolicy <rodc> -Allowed`), then test the link from the RODC to a writable DC (`nltest /dsgetdc:<domain> /writable`).",
      "For a local account, read `Get-LocalUser <name> | Select Name,Enabled,PasswordRequired,PasswordLastSet` to see whether a password was ever set.",
    },
    resolution = {
      "For an RODC, add the account (or a group holding it) to the RODC's allowed list and prepopulate it with `repadmin /rodcpwdrepl <rodc> <writable dc> <user DN>`, or restore the RODC's path to a writable DC.",
      "For a local account, set a password (`Set-LocalUser <name> -Password (Read-Host -AsSecureString)`) if it must accept password logons, or use the sign-in method it was made for.",
    },
    related = { "STATUS_WRONG_PASSWORD", "STATUS_LOGON_FAILURE", "STATUS_TOO_MANY_SECRETS" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(E4776, "summary"),
      cites(PRPUSAGE, "diagnosis"),
      cites(RODCWAN, "causes"),
      cites(NRPC_RODC, "causes"),
      cites(RODCPWDREPL, "resolution"),
    },
  },
  {
    name = "STATUS_AUTHENTICATION_FIREWALL_FAILED",
    code = 0xC0000413,
    win32 = "ERROR_AUTHENTICATION_FIREWALL_FAILED",
    category = "policy",
    severity = "medium",
    message = "Logon Failure: The machine you are logging onto is protected by an authentication firewall. The specified account is not allowed to authenticate to the machine.",
    summary = "An authentication firewall refused the account: selective authentication on a forest or external trust, or an authentication policy; event 4625 shows it as Status.",
    causes = {
      "The account comes across a forest or external trust set to selective authentication and lacks the 'Allowed to authenticate' permission on the target computer.",
      "An authentication policy or policy silo restricts which computers the account may authenticate to or from.",
    },
    diagnosis = {
      "Read Account Domain in the 4625 event: a domain across a trust points at selective authentication, the account's own domain points at an authentication policy.",
      "Check the trust's scope with `Get-ADTrust -Identity <domain> -Properties SelectiveAuthentication` on the trusting side.",
      "Read the target computer object's security (Active Directory Users and Computers > Security) for 'Allowed to authenticate' granted to the user or one of its groups.",
      "On domain controllers, read the Microsoft-Windows-Authentication/AuthenticationPolicyFailures-DomainController log for the policy or silo that refused the account.",
    },
    resolution = {
      "Grant 'Allowed to authenticate' on the target computer objects to a group holding the trusted users, or widen the trust to forest-wide authentication if that is intended.",
      "Adjust the authentication policy's access-control conditions, or move the account to the right silo, when a policy made the refusal.",
    },
    related = { "ERROR_AUTHENTICATION_FIREWALL_FAILED", "STATUS_TRUSTED_DOMAIN_FAILURE", "STATUS_INVALID_WORKSTATION", "STATUS_ACCOUNT_RESTRICTION", "KDC_ERR_POLICY" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(SELAUTH, "causes", "resolution"),
      cites(E4625, "summary"),
    },
  },
  {
    name = "STATUS_NTLM_BLOCKED",
    code = 0xC0000418,
    win32 = "ERROR_NTLM_BLOCKED",
    category = "policy",
    severity = "medium",
    message = "The authentication failed since NTLM was blocked.",
    summary = "NTLM authentication was refused by a 'Network security: Restrict NTLM' policy on the client, the server or the domain controller.",
    causes = {
      "A 'Restrict NTLM' policy was set to deny (outgoing traffic on the client, incoming traffic on the server, or NTLM authentication in the domain on DCs).",
      "The application fell back to NTLM because Kerberos could not be used (connection by IP address, missing SPN, no line of sight to a DC).",
    },
    diagnosis = {
      "Read the Microsoft-Windows-NTLM/Operational log on the client, the server and the domain controllers: its events name the blocked or audited NTLM request, the account and the target.",
      "Run `gpresult /h report.html` on each side and list the 'Network security: Restrict NTLM' settings and their exception lists.",
      "Find why Kerberos was not used: `klist` on the client, `setspn -Q <spn>` for the target, and whether the client connected by IP address.",
    },
    resolution = {
      "Roll NTLM restrictions out in two steps: set the 'Restrict NTLM' policies to audit, read the NTLM Operational logs until only known exceptions remain, then switch to deny.",
      "Add servers that still need NTLM to 'Add remote server exceptions for NTLM authentication' or 'Add server exceptions in this domain' while they are fixed.",
      "Make the application use Kerberos (DNS name instead of IP address, registered SPN) so it no longer needs NTLM.",
    },
    prevention = {
      "Inventory NTLM use from the NTLM Operational logs before any deny setting reaches production.",
      "Give new services registered SPNs and DNS names so they authenticate with Kerberos from the start.",
    },
    related = { "ERROR_NTLM_BLOCKED", "STATUS_LOGON_FAILURE", "STATUS_AUTHENTICATION_FIREWALL_FAILED", "SEC_E_UNSUPPORTED_FUNCTION" },
    sources = {
      cites(NTSTATUS_H, "name", "code"),
      cites(ERREF, "name", "code", "message"),
      cites(APDS_MSG, "causes"),
      cites(NTLMAUDIT, "causes", "resolution"),
      cites(NTLMINCOMING, "diagnosis"),
    },
  },
}
