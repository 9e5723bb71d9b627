-- Win32 system errors (ERROR_*), as GetLastError, `net use` and scripts
-- report them.  One table per error, sorted by code.  The format is
-- described in catalogue/README.md; `make catalogue` turns this file into
-- csrc/catalog_data.c.
--
-- A Win32 code is what the user sees on the client; the detail is in the
-- Security log elsewhere: event 4625 (Status, Sub Status) on the server
-- that refused the logon, events 4776 (Error Code), 4768 (Result Code),
-- 4769 and 4771 (Failure Code) on the domain controller.  `diagnosis`
-- finds out, `resolution` changes things: no step is in both.

-- Where the facts come from (doc/sources-win32-ntstatus.md): each page or
-- header once, then cites(page, fields...) in an entry's sources.
local function cites(page, ...)
  return { title = page.title, url = page.url, ref = page.ref, covers = { ... } }
end
local WINERROR_H = { title = "winerror.h (mingw-w64)",
  ref = "winerror.h" }
local LMERRLOG_H = { title = "lmerrlog.h (mingw-w64): NELOG_NetlogonServerAuthFailed is 5722, NELOG_NetlogonServerAuthNoTrustSamAccount 5723",
  ref = "lmerrlog.h" }
local CODES_0 = { title = "System Error Codes (0-499)",
  url = "https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499-" }
local CODES_1000 = { title = "System Error Codes (1000-1299)",
  url = "https://learn.microsoft.com/en-US/windows/win32/debug/system-error-codes--1000-1299-" }
local CODES_1300 = { title = "System Error Codes (1300-1699)",
  url = "https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes--1300-1699-" }
local CODES_1700 = { title = "System Error Codes (1700-3999)",
  url = "https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes--1700-3999-" }
local CODES_8200 = { title = "System Error Codes (8200-8999)",
  url = "https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes--8200-8999-" }
local E4625 = { title = "4625(F) An account failed to log on",
  url = "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-10/security/threat-protection/auditing/event-4625" }
local E4776 = { title = "4776(S, F) The computer attempted to validate the credentials for an account",
  url = "https://learn.microsoft.com/pt-br/previous-versions/windows/it-pro/windows-10/security/threat-protection/auditing/event-4776" }
local E4740 = { title = "4740(S) A user account was locked out",
  url = "https://learn.microsoft.com/en-us/windows/security/threat-protection/auditing/event-4740" }
local E4723 = { title = "4723(S, F) An attempt was made to change an account's password",
  url = "https://learn.microsoft.com/en-us/windows/security/threat-protection/auditing/event-4723" }
local E4673 = { title = "4673(S, F) A privileged service was called",
  url = "https://docs.microsoft.com/en-us/windows/security/threat-protection/auditing/event-4673" }
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
return {
  {
    name = "ERROR_ACCESS_DENIED",
    code = 5,
    category = "general",
    severity = "medium",
    message = "Access is denied.",
    summary = "The caller's token lacks the access the object's security descriptor requires, so Windows refused the request.",
    causes = {
      "The account running the code has no allow entry for the requested access on the object's ACL, or a deny entry for it or one of its groups comes first.",
      "The process runs without elevation, so administrative rights are filtered out of its token.",
      "A share permission is stricter than the NTFS permissions, and the effective access is the stricter of the two.",
      "A local administrator account connects over the network and receives a filtered token because of remote UAC restrictions.",
    },
    diagnosis = {
      "Run `whoami /groups` in the failing context: groups marked 'Used for deny only' and a Medium mandatory label show a filtered, non-elevated token.",
      "Read the object's permissions with `icacls <path>` (or `Get-Acl`) and, for a share, `Get-SmbShareAccess <share>`, and compare them with the token's groups.",
      "Turn on failure auditing for the object class ('Audit File System', 'Audit Registry' or 'Audit Handle Manipulation') with a SACL on the object, then read event 4656 failures: Object Name, Accesses and Access Reasons name the right that was refused.",
      "Of the pair 4656/4663, only 4656 can record a refusal: event 4663 is logged only for access that succeeded.",
      "For a file share, enable 'Audit Detailed File Share' failures and read event 5145, which gives the share, the relative target name and the requested access.",
    },
    resolution = {
      "Grant the missing access to the account or to a group it belongs to, or remove the deny entry that overrides it.",
      "Run the operation elevated, or under an account that legitimately holds the access.",
      "For remote administration, use a domain account in the local Administrators group rather than a local account whose network token is filtered.",
    },
    related = { "STATUS_ACCESS_DENIED", "ERROR_PRIVILEGE_NOT_HELD", "ERROR_LOGON_TYPE_NOT_GRANTED" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_0, "name", "code", "message", "summary"),
    },
  },
  {
    name = "ERROR_INVALID_PASSWORD",
    code = 86,
    category = "credentials",
    severity = "medium",
    message = "The specified network password is not correct.",
    summary = "The password given for a network connection or resource is wrong; RtlNtStatusToDosError also maps STATUS_WRONG_PASSWORD to this code.",
    causes = {
      "A mapped drive, `net use` or service was configured with an old or mistyped password.",
      "A password change (STATUS_WRONG_PASSWORD) was attempted with an incorrect current password.",
    },
    diagnosis = {
      "On the server that refused the connection, event 4625 with Status 0xC000006D and Sub Status 0xC000006A confirms that the account exists and only the password was wrong.",
      "For a domain account, read the domain controller's log: event 4776 with Error Code 0xC000006A (NTLM) or event 4771 with Failure Code 0x18 (Kerberos pre-authentication), whose Source Workstation or Client Address names the sender.",
      "Run `cmdkey /list` on the client to find a credential saved for the server, and read 'Password last set' in `net user <name> /domain` to see whether the password changed since then.",
    },
    resolution = {
      "Re-enter the password for the connection, or update it wherever it is stored (Credential Manager, service configuration, scheduled task).",
      "When changing a password, confirm the current password with the user before retrying.",
    },
    related = { "STATUS_WRONG_PASSWORD", "ERROR_LOGON_FAILURE", "ERROR_WRONG_PASSWORD", "ERROR_ACCOUNT_LOCKED_OUT" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_0, "name", "code", "message", "summary"),
      cites(E4625, "diagnosis"),
      cites(E4776, "diagnosis"),
      cites(E4771, "diagnosis"),
    },
  },
  {
    name = "ERROR_INVALID_PARAMETER",
    code = 87,
    category = "general",
    severity = "low",
    message = "The parameter is incorrect.",
    summary = "A function received an argument it cannot accept; in logon code it usually means a malformed structure was passed to an LSA or SSPI call.",
    causes = {
      "A buffer length, flag or structure version passed to the API is wrong.",
      "A logon ID (LUID), logon type or package name is out of range or uninitialised.",
    },
    diagnosis = {
      "Log the exact call and every argument value at the point of failure, including structure size fields such as cbSize.",
      "Compare each structure's size and version with the SDK header the program was built against, since a mismatch between 32-bit and 64-bit layouts is a frequent cause.",
      "Reproduce the call in a minimal program, changing one argument at a time until it succeeds.",
    },
    resolution = {
      "Correct the argument the reproduction singled out, following the function's documentation for structure sizes and flags.",
      "Initialise every structure completely (zero it first) before filling the fields the call needs.",
    },
    related = { "STATUS_INVALID_PARAMETER", "ERROR_BAD_ARGUMENTS", "ERROR_INVALID_LOGON_TYPE" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_0, "name", "code", "message", "summary"),
    },
  },
  {
    name = "ERROR_BAD_ARGUMENTS",
    code = 160,
    category = "general",
    severity = "low",
    message = "One or more arguments are not correct.",
    summary = "One or more arguments to a call were not correct; an older, generic relative of ERROR_INVALID_PARAMETER.",
    causes = {
      "An argument list or environment block handed to a process or API is malformed.",
      "A caller passed values in the wrong order or of the wrong kind.",
    },
    diagnosis = {
      "Log the arguments exactly as passed, including an environment block's terminating double null character.",
      "Run the same operation from a command prompt with known-good arguments to see whether the fault lies in the caller or in the values.",
    },
    resolution = {
      "Correct the caller so that it builds the arguments in the documented order and format.",
      "Validate input at the call site before it reaches the API.",
    },
    related = { "ERROR_INVALID_PARAMETER", "STATUS_INVALID_PARAMETER" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_0, "name", "code", "message", "summary"),
    },
  },
  {
    name = "ERROR_NOT_FOUND",
    code = 0x00000490,
    category = "general",
    severity = "low",
    message = "Element not found.",
    summary = "A generic Win32 not-found error: the object, element or value the caller asked for does not exist.",
    causes = {
      "The caller asked for a registry value, certificate, credential, device or other element that does not exist.",
      "A lookup ran against the wrong store or scope (per-user instead of per-machine, or the reverse).",
    },
    diagnosis = {
      "Read the program's log for the name or key it looked up at the moment of the failure.",
      "Trace the call with Process Monitor and look for a NAME NOT FOUND result just before the error.",
    },
    resolution = {
      "Create or restore the missing element, or point the program at the store where it lives.",
    },
    related = { "STATUS_NOT_FOUND", "ERROR_INVALID_PARAMETER" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1000, "name", "code", "message", "summary"),
    },
  },
  {
    name = "ERROR_SESSION_CREDENTIAL_CONFLICT",
    code = 1219,
    category = "session",
    severity = "medium",
    message = "Multiple connections to a server or shared resource by the same user, using more than one user name, are not allowed. Disconnect all previous connections to the server or shared resource and try again.",
    summary = "Windows refused a second SMB connection to the same server under a different user name; one logon session may use only one set of credentials per server.",
    causes = {
      "A drive or IPC$ connection to the server already exists under other credentials.",
      "The server is reached by two names (NetBIOS and FQDN) and an application mixes credentials.",
      "A mapped drive reconnects at logon with saved credentials that differ from the ones now used.",
    },
    diagnosis = {
      "Run `net use` in the user's session: any line for the same server, including an IPC$ connection opened by Explorer or a tool, is the conflicting one.",
      "Run `Get-SmbConnection` to see the user name each existing connection to the server uses.",
      "Run `cmdkey /list` to find credentials saved for the server under either of its names.",
    },
    resolution = {
      [[Remove the conflicting connection (`net use \\server\share /delete`, or `net use * /delete`), then connect again.]],
      "Reconnect with a single account, or reach the second account through a different server name (an alias or IP address).",
      "Remove stale entries for the server from Credential Manager.",
    },
    related = { "STATUS_NETWORK_CREDENTIAL_CONFLICT", "ERROR_NO_SUCH_LOGON_SESSION", "ERROR_REMOTE_SESSION_LIMIT_EXCEEDED" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1000, "name", "code", "message"),
      cites(WNET1219, "summary", "causes"),
    },
  },
  {
    name = "ERROR_REMOTE_SESSION_LIMIT_EXCEEDED",
    code = 1220,
    category = "session",
    severity = "medium",
    message = "An attempt was made to establish a session to a network server, but there are already too many sessions established to that server.",
    summary = "The server already has as many sessions as it accepts, so a new session could not be established.",
    causes = {
      "A client edition of Windows acting as a file server has reached its limit of concurrent inbound connections.",
      "Stale or leaked sessions from clients were never closed.",
    },
    diagnosis = {
      "Run `net session` or `Get-SmbSession` on the server to count the sessions and see each client, user and idle time.",
      "Check the server's edition with `Get-ComputerInfo -Property WindowsProductName`: a client edition accepts only a small fixed number of inbound sessions.",
    },
    resolution = {
      [[Close stale sessions (`Close-SmbSession`, or `net session \\<client> /delete`) and fix the clients that leave them open.]],
      "Move the share to a server edition or reduce the number of concurrent clients.",
    },
    related = { "ERROR_SESSION_CREDENTIAL_CONFLICT", "ERROR_NO_USER_SESSION_KEY" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1000, "name", "code", "message", "summary"),
    },
  },
  {
    name = "ERROR_NULL_LM_PASSWORD",
    code = 1304,
    category = "credentials",
    severity = "low",
    message = "The password is too complex to be converted to a LAN Manager password. The LAN Manager password returned is a NULL string.",
    summary = "A warning: the password is too complex for a LAN Manager hash, so the LM password is empty; NT-hash authentication still works.",
    causes = {
      "The password is longer than 14 characters or uses characters the LM hash cannot represent.",
    },
    diagnosis = {
      "Check the password's length: a password of 15 characters or more never has an LM hash.",
      "Look for clients that still use LM: in event 4624 on servers, 'Package Name (NTLM only)' shows LM, NTLM V1 or NTLM V2 for each network logon.",
      "Run `gpresult /h report.html` to see whether 'Network security: Do not store LAN Manager hash value on next password change' applies (it is on by default).",
    },
    resolution = {
      "No action is needed unless a legacy LM-only client must authenticate; such clients should be retired.",
    },
    related = { "ERROR_LM_CROSS_ENCRYPTION_REQUIRED", "ERROR_NT_CROSS_ENCRYPTION_REQUIRED" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
    },
  },
  {
    name = "ERROR_NO_IMPERSONATION_TOKEN",
    code = 1309,
    category = "session",
    severity = "low",
    message = "An attempt has been made to operate on an impersonation token by a thread that is not currently impersonating a client.",
    summary = "Code used a function that needs an impersonation token while holding only a primary token, or on a thread that is not impersonating anyone.",
    causes = {
      "AccessCheck or a similar function was given a primary token (from OpenProcessToken or LogonUser) where an impersonation token is required.",
      "Impersonation ended, or never started, before the code that relies on the thread token ran.",
    },
    diagnosis = {
      "Query the token with GetTokenInformation(TokenType): TokenPrimary where the function needs TokenImpersonation explains the error.",
      "Check whether the thread is impersonating at that point: OpenThreadToken fails with ERROR_NO_TOKEN (1008) when it is not.",
      "Check the return value of the impersonation call (ImpersonateLoggedOnUser, ImpersonateNamedPipeClient, RpcImpersonateClient) that should have preceded the failing call.",
    },
    resolution = {
      "Turn a primary token into an impersonation token with DuplicateToken or DuplicateTokenEx (SecurityImpersonation) before passing it on.",
      "Make the call while the thread is impersonating, and stop on a failed impersonation instead of continuing.",
    },
    related = { "STATUS_NO_IMPERSONATION_TOKEN", "ERROR_BAD_IMPERSONATION_LEVEL", "ERROR_CANNOT_IMPERSONATE" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
      cites(IMPLEVEL, "causes"),
    },
  },
  {
    name = "ERROR_NO_LOGON_SERVERS",
    code = 1311,
    category = "infrastructure",
    severity = "high",
    message = "There are currently no logon servers available to service the logon request.",
    summary = "No domain controller answered the logon request, so the domain account could not be authenticated.",
    causes = {
      "DNS cannot resolve the domain's SRV records, or the client uses the wrong DNS servers.",
      "The network path to every domain controller is down or blocked by a firewall.",
      "The machine is off the corporate network (VPN not yet connected) and no cached logon can be used.",
      "Netlogon is stopped on the domain controllers, so none answers the locator; a stopped Netlogon on the client itself gives ERROR_NETLOGON_NOT_STARTED (1792) instead, which event 4625 shows as STATUS_NETLOGON_NOT_STARTED (0xC0000192).",
    },
    diagnosis = {
      "On the failing machine run `nltest /dsgetdc:<domain> /force`: success names the domain controller and site that answered, an error means none could be located.",
      "Query the locator records with `nslookup -type=SRV _ldap._tcp.dc._msdcs.<domain>`: no answer means the client's DNS servers do not serve the domain's zone.",
      "Read the failing machine's System log for Netlogon event 5719 (no secure session with a domain controller).",
      "Event 5722, which names a computer whose session setup was refused, is logged on the domain controller, so look for it there and not on the failing machine.",
      "Where a server reports the error to `net use` or RDP, its event 4625 shows Status 0xC000005E and the Workstation Name of the attempt.",
      "Test the ports from the failing machine: `Test-NetConnection <dc> -Port 88`, then 389, 445 and 135.",
    },
    resolution = {
      "Point the client at DNS servers that host the domain's zones, then run `ipconfig /flushdns` and `nltest /dsgetdc:<domain> /force` again.",
      "Open Kerberos 88, LDAP 389, SMB 445, RPC 135 and the dynamic RPC ports between the client and a domain controller.",
      "Start Netlogon on the domain controllers that should answer, and connect the VPN before signing in where the machine is remote.",
    },
    related = { "STATUS_NO_LOGON_SERVERS", "ERROR_DOMAIN_CONTROLLER_NOT_FOUND", "ERROR_NETLOGON_NOT_STARTED", "ERROR_NO_SUCH_DOMAIN", "SEC_E_NO_AUTHENTICATING_AUTHORITY" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message"),
      cites(LSALOGONUSER, "summary"),
      cites(DSGETDC, "diagnosis"),
      cites(DCLOCATOR, "causes", "diagnosis"),
      cites(LMERRLOG_H, "diagnosis"),
      cites(E4625, "diagnosis"),
    },
  },
  {
    name = "ERROR_NO_SUCH_LOGON_SESSION",
    code = 1312,
    category = "session",
    severity = "medium",
    message = "A specified logon session does not exist. It may already have been terminated.",
    summary = "The logon session named by a logon ID (LUID) does not exist: it ended, was never created, or has no credentials the request can use.",
    causes = {
      "The session ended (the user logged off, the service stopped, the token's session was deleted) between obtaining its LUID and using it.",
      "Code enumerated sessions with LsaEnumerateLogonSessions and one vanished before LsaGetLogonSessionData ran.",
      "An authentication package called DeleteLogonSession on an ID that the LSA does not know.",
      "SSPI has no credentials for the session: SEC_E_NO_CREDENTIALS maps to this code, as with a network logon that cannot delegate (the double hop) or a service account without stored credentials.",
    },
    symptoms = {
      [[`net use`, mapped drives or scheduled tasks fail with "A specified logon session does not exist" (system error 1312).]],
      "A service that worked interactively fails when run as a service or over a remote session.",
      "Session-enumeration tools log the error for some sessions and not others.",
    },
    diagnosis = {
      "Note the logon ID the caller used and check whether `klist sessions` or `logonsessions` (Sysinternals) still lists it.",
      "Find the session's end in the Security log: event 4634 or 4647 (logoff) with the same Logon ID.",
      "If the call was SSPI (AcquireCredentialsHandle, InitializeSecurityContext), check whether the session is a network logon without delegable credentials (logon type 3 in event 4624).",
      "Trace the code path: was the LUID taken from a token that might have been closed?",
    },
    resolution = {
      "Treat the session as gone: refresh the list of sessions or re-authenticate, and retry with a live logon ID.",
      "Handle STATUS_NO_SUCH_LOGON_SESSION from LsaGetLogonSessionData as normal when walking LsaEnumerateLogonSessions results.",
      "For second-hop access, use Kerberos constrained delegation or explicit credentials (AcquireCredentialsHandle with a SEC_WINNT_AUTH_IDENTITY) instead of the caller's network logon.",
      "For services, store credentials for the account or run under an account that has them.",
    },
    prevention = {
      "Hold a handle to the token of a session you depend on, and handle its end as an expected event.",
      "Design services to authenticate with their own credentials rather than borrowing a user's network logon.",
      "Prefer Kerberos constrained delegation where a server must act for a user on another server.",
    },
    faq = {
      {
        question = "What does error 1312 mean?",
        answer = "Windows was given a logon session ID that it no longer has, or a session with no usable credentials. The session may have ended, or it may be a network logon that cannot reach further servers.",
      },
      {
        question = "Why do I see it when a scheduled task or service opens a network share?",
        answer = "The task runs in a session without credentials that can be forwarded, so SSPI reports SEC_E_NO_CREDENTIALS, which Windows turns into 1312. Give the task stored credentials or use delegation.",
      },
      {
        question = "Is it safe to ignore in code that enumerates sessions?",
        answer = "Yes, for a session that ended between LsaEnumerateLogonSessions and LsaGetLogonSessionData: skip it and continue.",
      },
    },
    related = { "STATUS_NO_SUCH_LOGON_SESSION", "ERROR_SESSION_CREDENTIAL_CONFLICT", "ERROR_BAD_LOGON_SESSION_STATE", "SEC_E_NO_CREDENTIALS", "ERROR_LOGON_SESSION_COLLISION", "ERROR_INVALID_PARAMETER", "ERROR_BAD_ARGUMENTS" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
    },
  },
  {
    name = "ERROR_PRIVILEGE_NOT_HELD",
    code = 1314,
    category = "policy",
    severity = "medium",
    message = "A required privilege is not held by the client.",
    summary = "The operation needs a privilege (such as SeTcbPrivilege or SeSecurityPrivilege) that the caller's token does not hold or has not enabled.",
    causes = {
      "The account was never granted the privilege in User Rights Assignment.",
      "The privilege is present but disabled and the code did not enable it with AdjustTokenPrivileges.",
      "The process is not elevated, so the privilege was filtered out.",
    },
    diagnosis = {
      "Run `whoami /priv` in the failing context: a privilege that is missing was never granted, one listed as Disabled must be enabled by the code.",
      "With 'Audit Sensitive Privilege Use' failures on, event 4673 names the privilege the process tried to use and the process that asked.",
      "Run `gpresult /h report.html` on the machine to see which policy grants the user right, and to whom.",
    },
    resolution = {
      "Grant the user right through Group Policy (Computer Configuration > Windows Settings > Security Settings > Local Policies > User Rights Assignment), then log on again.",
      "Enable the privilege in code before the call.",
      "Run elevated where the privilege is administrative.",
    },
    related = { "STATUS_PRIVILEGE_NOT_HELD", "ERROR_ACCESS_DENIED", "ERROR_NOT_LOGON_PROCESS" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
      cites(E4673, "diagnosis"),
    },
  },
  {
    name = "ERROR_INVALID_ACCOUNT_NAME",
    code = 1315,
    category = "account",
    severity = "low",
    message = "The name provided is not a properly formed account name.",
    summary = "The account name given is not well formed, so Windows could not even look it up.",
    causes = {
      [[The name contains characters not allowed in account names, or a domain\user or UPN form is mangled.]],
      "A script passed an empty name or an unexpanded variable.",
    },
    diagnosis = {
      "Log the exact string passed to the API, with its length, to reveal trailing spaces, non-breaking spaces or an unexpanded %VARIABLE%.",
      [[Look for characters a sAMAccountName may not hold: " / \ [ ] : ; | = , + * ? < > and @ in the user part of a down-level name.]],
      "Try the corrected name with `Get-ADUser -Identity <name>`: a well-formed name that does not exist gives ERROR_NO_SUCH_USER instead, which separates syntax from existence.",
    },
    resolution = {
      [[Write the name as DOMAIN\user or user@domain.example without stray characters or whitespace.]],
      "Fix the script or configuration so that the variable is expanded before the call.",
    },
    related = { "STATUS_INVALID_ACCOUNT_NAME", "ERROR_NO_SUCH_USER" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
    },
  },
  {
    name = "ERROR_NO_SUCH_USER",
    code = 1317,
    category = "account",
    severity = "medium",
    message = "The specified account does not exist.",
    summary = "The account named does not exist in the database that was asked (local SAM or the domain).",
    causes = {
      "A typo in the user name, or the account was deleted or renamed.",
      "The request went to the wrong domain or to the local SAM instead of the domain.",
    },
    diagnosis = {
      "Check that the account exists: `net user <name> /domain` or `Get-ADUser <name>` (for a local account, `net user <name>` on that machine).",
      "On the server that refused the logon, event 4625 shows Status 0xC000006D with Sub Status 0xC0000064, the code for an unknown user name.",
      "On the domain controller, event 4776 shows Error Code 0xC0000064 for NTLM and event 4768 shows Result Code 0x6 for Kerberos.",
      [[Find deleted or renamed accounts: `Get-ADObject -Filter "sAMAccountName -eq '<name>'" -IncludeDeletedObjects` also looks in the AD Recycle Bin.]],
    },
    resolution = {
      "Correct the user name where it is stored or typed.",
      [[Qualify the name with its domain (DOMAIN\user or a UPN) so it reaches the right database.]],
      "Restore a deleted account from the AD Recycle Bin (`Restore-ADObject`) if it is still needed.",
    },
    related = { "STATUS_NO_SUCH_USER", "ERROR_LOGON_FAILURE", "ERROR_INVALID_ACCOUNT_NAME", "KDC_ERR_C_PRINCIPAL_UNKNOWN" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
      cites(E4625, "diagnosis"),
      cites(E4776, "diagnosis"),
    },
  },
  {
    name = "ERROR_WRONG_PASSWORD",
    code = 1323,
    category = "credentials",
    severity = "low",
    message = "Unable to update the password. The value provided as the current password is incorrect.",
    summary = "A password change failed because the current password supplied was not correct.",
    causes = {
      "The user typed the old password wrongly in a change-password dialog or tool.",
      "A tool used a cached old password that has already been changed.",
    },
    diagnosis = {
      "For a domain account a wrong current password leaves no failed 4723: Microsoft's 4723 page says the domain controller logs it as 4771 (Kerberos) or 4776 (NTLM), so read those for the account; a failed 4723 appears for a local account, or when the new password broke the policy.",
      "Read `Get-ADUser <name> -Properties badPwdCount,LastBadPasswordAttempt -Server <PDC emulator>`: a wrong current password counts as a bad password, so repeated tries move the account towards lockout.",
    },
    resolution = {
      "Ask the user to re-enter the current password carefully, or have an administrator reset it.",
    },
    related = { "ERROR_INVALID_PASSWORD", "STATUS_WRONG_PASSWORD", "ERROR_PASSWORD_RESTRICTION" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
      cites(E4723, "diagnosis"),
    },
  },
  {
    name = "ERROR_ILL_FORMED_PASSWORD",
    code = 1324,
    category = "credentials",
    severity = "low",
    message = "Unable to update the password. The value provided for the new password contains values that are not allowed in passwords.",
    summary = "A password change failed because the new password contains characters that passwords may not contain.",
    causes = {
      "The new password includes disallowed or unrepresentable characters.",
    },
    diagnosis = {
      "Check the new password for control characters or characters the client cannot encode (a different keyboard layout or code page).",
      "Try the same new password with `Set-ADAccountPassword` from a current Windows machine: success there points at the encoding of the original client.",
    },
    resolution = {
      "Choose a new password using ordinary printable characters.",
    },
    related = { "STATUS_ILL_FORMED_PASSWORD", "ERROR_PASSWORD_RESTRICTION" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
    },
  },
  {
    name = "ERROR_PASSWORD_RESTRICTION",
    code = 1325,
    category = "credentials",
    severity = "low",
    message = "Unable to update the password. The value provided for the new password does not meet the length, complexity, or history requirements of the domain.",
    summary = "A password change or reset was refused because the new password breaks the domain's length, complexity, history or minimum-age rules.",
    causes = {
      "The new password is too short, too simple or was used recently.",
      "The minimum password age has not yet passed since the last change.",
      "A password filter DLL (listed in the LSA's 'Notification Packages') refused the password.",
    },
    diagnosis = {
      "Read the policy that applies: `Get-ADUserResultantPasswordPolicy <name>` shows a fine-grained password policy, and when it returns nothing `Get-ADDefaultDomainPasswordPolicy` (or `net accounts` for a local account) gives the rules.",
      "Compare `Get-ADUser <name> -Properties PasswordLastSet` with MinPasswordAge to see whether the password may be changed yet.",
      [[List third-party password filters in the 'Notification Packages' value under HKLM\SYSTEM\CurrentControlSet\Control\Lsa.]],
    },
    resolution = {
      "Choose a longer password that has not been used before and meets the complexity rule.",
      "Have an administrator reset the password when the minimum age blocks a needed change.",
    },
    related = { "STATUS_PASSWORD_RESTRICTION", "ERROR_ILL_FORMED_PASSWORD", "ERROR_PASSWORD_MUST_CHANGE" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message"),
      cites(GPSB_PWD, "causes"),
      cites(SAMR_PWD, "causes"),
    },
  },
  {
    name = "ERROR_LOGON_FAILURE",
    code = 1326,
    category = "credentials",
    severity = "medium",
    message = "The user name or password is incorrect.",
    summary = "Authentication failed because the user name is unknown or the password is wrong; Windows deliberately does not say which.",
    causes = {
      "The password is wrong or out of date (often a stored or cached one).",
      "The user name does not exist in the domain the request reached.",
      "A service, scheduled task or mapped drive still uses a password that was changed.",
      "The LAN Manager authentication level of the source and the target do not match, which Microsoft's 4776 page lists among the causes of the generic NTLM failure 0xC000006D.",
    },
    diagnosis = {
      "On the server that refused the logon (the target of `net use` or RDP), read event 4625: Status 0xC000006D with Sub Status 0xC000006A means a wrong password, with Sub Status 0xC0000064 an unknown user name.",
      "For a domain account, read the domain controller's log: event 4776 has no Sub Status, its Error Code (0xC000006A or 0xC0000064) says which part was wrong for NTLM, and event 4771 with Failure Code 0x18 marks a bad Kerberos password.",
      "Take the sender from Workstation Name and Source Network Address (4625), Source Workstation (4776) or Client Address (4771), then find the stored credential on that machine.",
      [[If the domain controller's 4776 shows Error Code 0xC000006D, the generic failure, compare the LAN Manager authentication level (`LmCompatibilityLevel` under HKLM\SYSTEM\CurrentControlSet\Control\Lsa, or the policy in `gpresult /h`) on client and server.]],
      "A 4625 with Status 0xC000006D and no precise Sub Status may come from the same level mismatch, but that is a guess, not documented: rule out the password and the name first.",
      "Event 4776 leaves out the server the user tried to reach: look for that server's own 4625 at the same moment, or audit NTLM on the DC ('Restrict NTLM: Audit NTLM authentication in this domain') and read its NTLM Operational log.",
    },
    resolution = {
      "Update stored credentials (services, scheduled tasks, Credential Manager, application configuration).",
      "Confirm the account name and domain, then retry with known-good credentials.",
      "Raise the client's LAN Manager authentication level to send NTLMv2 only, rather than lowering the server's.",
    },
    faq = {
      {
        question = "Where does the Sub Status for error 1326 come from?",
        answer = "From event 4625 on the server that refused the logon; event 4776 on the domain controller has no Sub Status field, and its Error Code carries the detailed NTSTATUS instead.",
      },
    },
    related = { "STATUS_LOGON_FAILURE", "STATUS_NO_SUCH_USER", "STATUS_WRONG_PASSWORD", "ERROR_ACCOUNT_LOCKED_OUT", "ERROR_NO_SUCH_USER", "SEC_E_LOGON_DENIED", "SEC_E_UNKNOWN_CREDENTIALS", "KDC_ERR_PREAUTH_FAILED" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message"),
      cites(E4625, "diagnosis"),
      cites(E4776, "causes", "diagnosis", "faq"),
      cites(E4771, "diagnosis"),
      cites(NTLMAUDIT, "diagnosis"),
    },
  },
  {
    name = "ERROR_ACCOUNT_RESTRICTION",
    code = 1327,
    category = "account",
    severity = "medium",
    message = "Account restrictions are preventing this user from signing in. For example: blank passwords aren't allowed, sign-in times are limited, or a policy restriction has been enforced.",
    summary = "The credentials are valid, but an account restriction such as a blank-password rule, logon hours or a policy blocks this logon.",
    causes = {
      "The account has a blank password and the policy 'Limit local account use of blank passwords to console logon only' applies.",
      "A logon-hours, workstation or authentication-policy restriction applies to the account.",
      "An authentication policy or policy silo restricts where the account may authenticate from, which MS-APDS answers with STATUS_ACCOUNT_RESTRICTION for NTLM; that Protected Users membership ends in the same error is unconfirmed.",
    },
    diagnosis = {
      "In event 4625 on the target, Status 0xC000006E comes with a Sub Status that names the restriction: 0xC000006F logon hours, 0xC0000070 workstation list, 0xC0000071 expired password, 0xC0000072 disabled account, the four Sub Status values Microsoft documents for MSV1_0 (LsaLogonUser).",
      "An expired account (0xC0000193) and a password that must be changed (0xC0000224) are not among those Sub Status values: expect them as the 4625 Status itself, with Sub Status 0x0, and read those entries.",
      "Read the restricting attributes: `Get-ADUser <name> -Properties logonHours,userWorkstations,AccountExpirationDate,Enabled,PasswordExpired,MemberOf`.",
      "For a local account, `net user <name>` shows 'Password required' and the logon hours, and `gpresult /h` shows whether the blank-password policy applies.",
      "For Protected Users and authentication policies, read the domain controller's ProtectedUserFailures-DomainController and AuthenticationPolicyFailures-DomainController logs under Microsoft > Windows > Authentication.",
    },
    resolution = {
      "Set a password on the account, or lift the restriction that the Sub Status named.",
      "Remove the account from Protected Users or the policy silo only if the refused kind of logon is genuinely needed.",
    },
    related = { "STATUS_ACCOUNT_RESTRICTION", "ERROR_INVALID_LOGON_HOURS", "ERROR_INVALID_WORKSTATION", "ERROR_PASSWORD_EXPIRED", "ERROR_ACCOUNT_DISABLED", "ERROR_ACCOUNT_EXPIRED", "ERROR_PASSWORD_MUST_CHANGE", "SEC_E_SMARTCARD_LOGON_REQUIRED" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message"),
      cites(LSALOGONUSER, "summary", "diagnosis"),
      cites(APDS_NTLM, "causes"),
      cites(E4625, "diagnosis"),
    },
  },
  {
    name = "ERROR_INVALID_LOGON_HOURS",
    code = 1328,
    category = "policy",
    severity = "low",
    message = "Your account has time restrictions that keep you from signing in right now.",
    summary = "The account's logon hours do not allow logging on at this time.",
    causes = {
      "The account's logonHours attribute, stored in UTC, excludes the current time.",
      "A daylight saving change moved the permitted window by an hour in local time, because the stored hours stay in UTC.",
      "An administrator set the hours in Active Directory Users and Computers on a computer in another time zone, which shows and edits them in its own local time.",
    },
    diagnosis = {
      "Read the raw value with `Get-ADUser <name> -Properties logonHours`: 21 bytes, one bit per hour of the week from Sunday 00:00 UTC, so convert the time of the failure to UTC before reading its bit.",
      "On the target, event 4625 shows Status 0xC000006E with Sub Status 0xC000006F.",
      "On the domain controller, an NTLM attempt shows as event 4776 with Error Code 0xC000006F, and a Kerberos one as event 4768 with Result Code 0x12.",
      "Compare with the Logon Hours grid in Active Directory Users and Computers, remembering that it shifts the stored UTC hours into the time zone of the computer running the console.",
    },
    resolution = {
      "Widen the account's logon hours (Account tab > Logon Hours) to cover the time the user needs, in UTC terms.",
      "Edit logon hours from a console in the users' own time zone, or set them in UTC with a script, so the grid means what the administrator intends.",
    },
    related = { "STATUS_INVALID_LOGON_HOURS", "ERROR_ACCOUNT_RESTRICTION", "ERROR_INVALID_WORKSTATION" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
      cites(LSALOGONUSER, "diagnosis"),
      cites(E4625, "diagnosis"),
      cites(E4776, "diagnosis"),
    },
  },
  {
    name = "ERROR_INVALID_WORKSTATION",
    code = 1329,
    category = "policy",
    severity = "low",
    message = "This user isn't allowed to sign in to this computer.",
    summary = "The account may only log on from listed computers, and this is not one of them.",
    causes = {
      "The account's 'Log On To' list (userWorkstations) does not include the source computer.",
      "The credential is validated on behalf of the user by a server (a web, mail or gateway server) whose name is not in the list.",
      "An authentication policy silo restricts where the account may sign in.",
    },
    diagnosis = {
      "Run `Get-ADUser <name> -Properties userWorkstations`: the value lists the permitted computers by NetBIOS name, and an empty value means no restriction.",
      "In event 4625 on the target, Status 0xC000006E with Sub Status 0xC0000070 confirms it, and Workstation Name shows the computer name that was compared.",
      "When authentication policy silos are in use, look on the domain controller for event 4820 (a TGT refused because of device restrictions).",
    },
    resolution = {
      "Add the computer, or the server that validates on the user's behalf, to the account's Log On To list, or remove the restriction.",
      "Adjust the authentication policy silo's conditions if the device should be allowed.",
    },
    related = { "STATUS_INVALID_WORKSTATION", "ERROR_ACCOUNT_RESTRICTION", "ERROR_INVALID_LOGON_HOURS" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
      cites(LSALOGONUSER, "diagnosis"),
      cites(E4625, "diagnosis"),
    },
  },
  {
    name = "ERROR_PASSWORD_EXPIRED",
    code = 1330,
    category = "credentials",
    severity = "low",
    message = "The password for this account has expired.",
    summary = "The account's password has passed its maximum age and must be changed before the logon can succeed.",
    causes = {
      "The password is older than the maximum password age of the applying policy.",
      "A service account's password expired because 'Password never expires' was not set.",
    },
    diagnosis = {
      "Run `net user <name> /domain` and read 'Password last set' and 'Password expires'.",
      "Run `Get-ADUserResultantPasswordPolicy <name>` to find a fine-grained MaxPasswordAge; without one, `Get-ADDefaultDomainPasswordPolicy` gives the domain's.",
      "On the target, event 4625 carries 0xC0000071 as the Sub Status under Status 0xC000006E, one of the four Sub Status values Microsoft documents for MSV1_0.",
      "On the domain controller, an expired password shows as Error Code 0xC0000071 in event 4776 (NTLM) and Failure Code 0x17 in event 4771 (Kerberos).",
    },
    resolution = {
      "Have the user change the password, or an administrator reset it.",
      "For service accounts, use a group Managed Service Account or rotate the password and update every place it is stored.",
    },
    related = { "STATUS_PASSWORD_EXPIRED", "ERROR_PASSWORD_MUST_CHANGE", "ERROR_ACCOUNT_EXPIRED", "ERROR_ACCOUNT_RESTRICTION", "KDC_ERR_KEY_EXPIRED" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message"),
      cites(LSALOGONUSER, "diagnosis"),
      cites(E4625, "diagnosis"),
      cites(E4776, "diagnosis"),
      cites(GPSB_PWD, "causes"),
    },
  },
  {
    name = "ERROR_ACCOUNT_DISABLED",
    code = 1331,
    category = "account",
    severity = "medium",
    message = "This user can't sign in because this account is currently disabled.",
    summary = "The account is disabled, so no logon with it is allowed.",
    causes = {
      "An administrator or an automated process disabled the account.",
      "The account is a leaver's account or a stale service account.",
    },
    diagnosis = {
      "Run `Get-ADUser <name> -Properties Enabled,whenChanged` (or `net user <name> /domain`, 'Account active'): Enabled False confirms it.",
      "On the target, event 4625 shows Status 0xC000006E with Sub Status 0xC0000072.",
      "On the domain controller, a disabled account shows as Error Code 0xC0000072 in event 4776 (NTLM) and Result Code 0x12 in event 4768 (Kerberos).",
      [[Find who disabled it: `repadmin /showobjmeta <dc> "<user DN>"` gives the originating domain controller and time of the userAccountControl change, and event 4725 there names the Subject.]],
    },
    resolution = {
      "Confirm the account should be in use, then enable it (`Enable-ADAccount`, or `net user <name> /active:yes` locally).",
      "Replace a stale service account with a managed service account rather than re-enabling it.",
    },
    related = { "STATUS_ACCOUNT_DISABLED", "ERROR_ACCOUNT_EXPIRED", "ERROR_ACCOUNT_LOCKED_OUT", "ERROR_ACCOUNT_RESTRICTION" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message"),
      cites(LSALOGONUSER, "diagnosis"),
      cites(E4625, "diagnosis"),
      cites(E4776, "diagnosis"),
      cites(UACATTR, "summary"),
    },
  },
  {
    name = "ERROR_NONE_MAPPED",
    code = 0x00000534,
    category = "account",
    severity = "medium",
    message = "No mapping between account names and security IDs was done.",
    summary = "None of the account names or security IDs given could be translated into the other form.",
    causes = {
      "An account named in a configuration, ACL or script was deleted or renamed.",
      "The name's domain cannot be contacted to translate it.",
    },
    diagnosis = {
      [[Translate the name yourself: `([Security.Principal.NTAccount]'<DOMAIN>\<name>').Translate([Security.Principal.SecurityIdentifier])` fails the same way when the name is unknown.]],
      "Run `whoami /user` or `Get-ADUser <name>` to compare the expected account with what exists.",
    },
    resolution = {
      "Replace the stale name with an existing account, written with its domain.",
      "Restore name resolution and connectivity to the account's domain.",
    },
    related = { "STATUS_NONE_MAPPED", "ERROR_NO_SUCH_USER", "ERROR_INVALID_ACCOUNT_NAME" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message"),
      cites(LSATLOOKUP, "summary"),
    },
  },
  {
    name = "ERROR_BAD_IMPERSONATION_LEVEL",
    code = 1346,
    category = "session",
    severity = "medium",
    message = "Either a required impersonation level was not provided, or the provided impersonation level is invalid.",
    summary = "The token's impersonation level is too low for the operation (for example an Identification-level token used to open a resource).",
    causes = {
      "A client connected with SecurityIdentification or Anonymous impersonation level.",
      "A server duplicated a token at a lower level than it needs.",
    },
    diagnosis = {
      "Query the thread token with GetTokenInformation(TokenImpersonationLevel): SecurityIdentification or SecurityAnonymous explains the refusal.",
      "Read the Impersonation Level field of event 4624 for the client's logon on the server.",
      "Check how the client connected: a named-pipe client's SECURITY_SQOS_PRESENT flags in CreateFile, or a DCOM client's level in CoInitializeSecurity.",
    },
    resolution = {
      "Have the client allow impersonation (for RPC and DCOM, RPC_C_IMP_LEVEL_IMPERSONATE or higher; for pipes, SECURITY_IMPERSONATION).",
      "Duplicate the token with SecurityImpersonation or SecurityDelegation when needed.",
    },
    related = { "STATUS_BAD_IMPERSONATION_LEVEL", "ERROR_NO_IMPERSONATION_TOKEN", "ERROR_CANNOT_IMPERSONATE" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message"),
      cites(IMPLEVEL, "summary", "causes"),
    },
  },
  {
    name = "ERROR_INVALID_SERVER_STATE",
    code = 1352,
    category = "infrastructure",
    severity = "high",
    message = "The security account manager (SAM) or local security authority (LSA) server was in the wrong state to perform the security operation.",
    summary = "The SAM or LSA server was in the wrong state to perform the security operation, for example while starting or shutting down.",
    causes = {
      "The security database service is starting, stopping or was disabled.",
      "A domain controller is in Directory Services Restore Mode.",
    },
    diagnosis = {
      "Run `Get-Service SamSs,Netlogon,NTDS` to see whether the security services are running.",
      "Read the System and Directory Service logs for SAM, LSA or NTDS errors around the time of the failure.",
      "On a domain controller, run `dcdiag /v` and check with `bcdedit` whether it was booted into Directory Services Restore Mode (safeboot dsrepair).",
    },
    resolution = {
      "Retry after the system has finished starting or stopping.",
      "Restart a domain controller in normal mode (`bcdedit /deletevalue safeboot`) once repairs in Directory Services Restore Mode are done.",
    },
    related = { "STATUS_INVALID_SERVER_STATE", "ERROR_NETLOGON_NOT_STARTED", "ERROR_NO_LOGON_SERVERS" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
      cites(E4625, "summary"),
    },
  },
  {
    name = "ERROR_NO_SUCH_DOMAIN",
    code = 1355,
    category = "infrastructure",
    severity = "high",
    message = "The specified domain either does not exist or could not be contacted.",
    summary = "The domain named in the request could not be found or contacted.",
    causes = {
      "The domain name is misspelt, or a trust to that domain does not exist.",
      "DNS cannot locate domain controllers for the domain.",
    },
    diagnosis = {
      "Run `nltest /dsgetdc:<domain> /force` to see whether a domain controller of that domain can be located, and from which site.",
      "Run `nltest /domain_trusts /v` to check that the domain is trusted, directly or through the forest.",
      "Query `nslookup -type=SRV _ldap._tcp.dc._msdcs.<domain>`: no answer for another forest's domain usually means a missing conditional forwarder.",
    },
    resolution = {
      "Correct the domain name, or create the trust that is missing.",
      "Add a conditional forwarder or secondary zone so that the domain's DNS names resolve.",
    },
    related = { "STATUS_NO_SUCH_DOMAIN", "ERROR_DOMAIN_CONTROLLER_NOT_FOUND", "ERROR_NO_LOGON_SERVERS" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message"),
      cites(DSGETDC, "diagnosis"),
      cites(DCLOCATOR, "causes"),
    },
  },
  {
    name = "ERROR_NOT_LOGON_PROCESS",
    code = 1362,
    category = "session",
    severity = "medium",
    message = "The requested action is restricted for use by logon processes only. The calling process has not registered as a logon process.",
    summary = "The caller used an LSA function reserved for registered logon processes without having registered as one.",
    causes = {
      "Code made a trusted-only LSA request over a handle from LsaConnectUntrusted rather than LsaRegisterLogonProcess.",
      "The process lacks SeTcbPrivilege, so LsaRegisterLogonProcess could not be used.",
    },
    diagnosis = {
      "Log which LSA call returned the error and whether its handle came from LsaConnectUntrusted or LsaRegisterLogonProcess.",
      "Run `whoami /priv` in the process's context: SeTcbPrivilege ('Act as part of the operating system') must be listed for LsaRegisterLogonProcess to succeed.",
    },
    resolution = {
      "Register with LsaRegisterLogonProcess from a process holding SeTcbPrivilege (normally a service running as SYSTEM).",
      "Use LogonUser where a registered logon process is not needed.",
    },
    related = { "STATUS_NOT_LOGON_PROCESS", "ERROR_PRIVILEGE_NOT_HELD", "ERROR_NO_SUCH_PACKAGE" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
      cites(LSAREGISTER, "causes"),
      cites(LSALOGONUSER, "causes"),
    },
  },
  {
    name = "ERROR_LOGON_SESSION_EXISTS",
    code = 1363,
    category = "session",
    severity = "high",
    message = "Cannot start a new logon session with an ID that is already in use.",
    summary = "A new logon session could not be started because its logon ID (LUID) already belongs to an existing session.",
    causes = {
      "An authentication package reused a logon ID instead of allocating a fresh one with AllocateLocallyUniqueId.",
      "A custom security package or credential provider creates sessions without cleaning up those of failed attempts.",
      "A bug in the session manager or LSA plug-in hands out the same ID twice.",
    },
    symptoms = {
      "Logons handled by one authentication package fail while others work.",
      "The error follows installation or update of a security product, smart-card middleware or single-sign-on agent.",
    },
    diagnosis = {
      [[List the authentication and security packages the LSA loads: the registry values 'Authentication Packages' and 'Security Packages' under HKLM\SYSTEM\CurrentControlSet\Control\Lsa.]],
      "Correlate the failures with events 4624/4625 and their Authentication Package and Logon Process fields.",
      "Check for LSA plug-ins that are not signed by Microsoft (event 3033/3063 in the CodeIntegrity log when LSA protection is on).",
    },
    resolution = {
      "Make the authentication package allocate a new LUID for every logon session.",
      "Remove or update the third-party authentication package, credential provider or LSA plug-in involved.",
      "Restart the machine to clear the LSA's session table if the condition persists.",
    },
    prevention = {
      "Test third-party authentication packages and credential providers before wide deployment, and keep them updated.",
      "In package code, never derive a logon ID from anything but AllocateLocallyUniqueId.",
    },
    faq = {
      {
        question = "What does ERROR_LOGON_SESSION_EXISTS (1363) mean?",
        answer = "Something asked Windows to open a session under a logon ID (LUID) that a live session already owns.",
      },
      {
        question = "Can a user cause it by logging on twice?",
        answer = "No. Every logon gets its own session ID; a duplicate ID points at the software that creates sessions, not at the user.",
      },
      {
        question = "Does it threaten system stability?",
        answer = "Not by itself, but it shows that an authentication component is misbehaving, and logons through it keep failing until that is fixed.",
      },
    },
    related = { "STATUS_LOGON_SESSION_EXISTS", "ERROR_LOGON_SESSION_COLLISION", "ERROR_BAD_LOGON_SESSION_STATE", "ERROR_LOGON_FAILURE", "ERROR_INVALID_PARAMETER" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message"),
      cites(CREATESESSION, "summary", "causes"),
    },
  },
  {
    name = "ERROR_NO_SUCH_PACKAGE",
    code = 1364,
    category = "session",
    severity = "medium",
    message = "A specified authentication package is unknown.",
    summary = "The authentication or security package named in the request is not loaded.",
    causes = {
      "Code asked for a package name (for example in LsaLookupAuthenticationPackage or AcquireCredentialsHandle) that is misspelt or not installed.",
      "A third-party package failed to load at boot.",
    },
    diagnosis = {
      "List the packages actually loaded with EnumerateSecurityPackages and compare their names with the one the code requested.",
      [[Read the 'Security Packages' and 'Authentication Packages' values under HKLM\SYSTEM\CurrentControlSet\Control\Lsa to see what should load.]],
      "With LSA protection on, read the CodeIntegrity operational log (events 3033 and 3063) for a package that was refused at boot.",
    },
    resolution = {
      "Request the package by its registered name (Negotiate, Kerberos, NTLM, ...) as the documentation spells it.",
      "Reinstall or update the third-party package so that it loads, or sign it for LSA protection.",
    },
    related = { "STATUS_NO_SUCH_PACKAGE", "ERROR_NOT_LOGON_PROCESS" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message"),
      cites(LSALOGONUSER, "summary"),
    },
  },
  {
    name = "ERROR_BAD_LOGON_SESSION_STATE",
    code = 1365,
    category = "session",
    severity = "high",
    message = "The logon session is not in a state that is consistent with the requested operation.",
    summary = "The logon session exists but is in a state that does not allow the requested operation, typically deleting a session that still has references.",
    causes = {
      "An authentication package called DeleteLogonSession on a session whose reference count prevents deletion: the package and the operating system both believe they own the session.",
      "A package deleted, or tried to delete, a session after handing its logon ID to the LSA (for example after LsaApLogonUser returned it).",
      "An operation was attempted on a session that is being torn down or has not finished being set up.",
    },
    symptoms = {
      "Logons or logoffs through one authentication package fail intermittently.",
      "Sessions linger (visible in `logonsessions`) after users log off.",
    },
    diagnosis = {
      "Identify which package handles the failing logons from the Authentication Package field of events 4624/4625.",
      "Check whether a third-party credential provider or security package was recently installed or updated.",
      "Compare `logonsessions` output over time to see sessions that are never cleaned up.",
    },
    resolution = {
      "Fix the authentication package so that it deletes only sessions it created and has not yet handed to the LSA; after that, the LSA owns them.",
      "Update or remove the third-party authentication package or LSA plug-in involved.",
      "Retry the operation after the session has finished starting or ending.",
    },
    prevention = {
      "In authentication package code, follow the documented ownership rule: delete a session with DeleteLogonSession only while it is still yours.",
      "Validate the session's state before acting on it and handle the error as a bug report, not as a retryable condition.",
    },
    faq = {
      {
        question = "What does ERROR_BAD_LOGON_SESSION_STATE (1365) mean?",
        answer = "The session exists, but its current condition rules out what was asked of it. Most often an authentication package tried to delete a session that is still referenced.",
      },
      {
        question = "How should my code handle it?",
        answer = "Check the session's state before acting, make sure your code owns the session, and do not retry blindly: it usually signals a logic error.",
      },
    },
    related = { "STATUS_BAD_LOGON_SESSION_STATE", "ERROR_LOGON_SESSION_COLLISION", "ERROR_LOGON_SESSION_EXISTS", "ERROR_NO_SUCH_LOGON_SESSION", "ERROR_INVALID_PARAMETER" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
    },
  },
  {
    name = "ERROR_LOGON_SESSION_COLLISION",
    code = 1366,
    category = "session",
    severity = "high",
    message = "The logon session ID is already in use.",
    summary = "An authentication package asked the LSA to create a logon session with an ID (LUID) that another session already uses; an internal LSA error, not a user mistake.",
    causes = {
      "An authentication package passed CreateLogonSession a logon ID it had already used, instead of a fresh one from AllocateLocallyUniqueId.",
      "A third-party security package or credential provider keeps sessions from failed attempts and reuses their IDs.",
      "Software that sits in the logon path (single sign-on agents, smart-card middleware, remote-access products) has a session-handling bug.",
    },
    symptoms = {
      "Users cannot log on through a particular method (smart card, a third-party provider) while password logons work.",
      "Applications that create logons (LogonUser, LsaLogonUser) fail with error 1366.",
      "Users see repeated prompts for credentials or are disconnected during logon.",
    },
    diagnosis = {
      "Find the failing logons in the Security log (event 4625) and note their Logon Process and Authentication Package.",
      [[List the LSA's packages in HKLM\SYSTEM\CurrentControlSet\Control\Lsa ('Authentication Packages', 'Security Packages', 'Notification Packages').]],
      "Check whether the failures began with the installation or update of a security product.",
      "If you develop the package, log every LUID you pass to CreateLogonSession and look for repeats.",
    },
    resolution = {
      "Identify the authentication package behind the failing logons and update or remove it.",
      "In package code, allocate a new LUID per session and delete the sessions of failed attempts with DeleteLogonSession.",
      "Restart the machine if the LSA's session table must be cleared while a fix is prepared.",
    },
    prevention = {
      "Test and stage updates of anything that plugs into the LSA.",
      "Keep third-party authentication components current and remove unused ones.",
      "In package code, tie each session's lifetime to one logon attempt and clean it up on failure.",
    },
    faq = {
      {
        question = "Does ERROR_LOGON_SESSION_COLLISION mean the account is logged on twice?",
        answer = "No. A user may hold many sessions; each has its own ID. The error means software reused a taken logon ID when creating a session, which points at an authentication package.",
      },
      {
        question = "Is it a security problem?",
        answer = "It is a fault in a component trusted with logons, so treat it seriously: find the package, update it, and check that it comes from a trusted vendor.",
      },
      {
        question = "How can I prevent it?",
        answer = "Keep authentication packages and credential providers updated and tested; in your own package, always allocate a fresh LUID per session.",
      },
    },
    related = { "STATUS_LOGON_SESSION_COLLISION", "ERROR_LOGON_SESSION_EXISTS", "ERROR_BAD_LOGON_SESSION_STATE", "ERROR_LOGON_FAILURE", "ERROR_INVALID_PARAMETER", "ERROR_TOO_MANY_SECRETS" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message"),
      cites(CREATESESSION, "summary", "causes"),
    },
  },
  {
    name = "ERROR_INVALID_LOGON_TYPE",
    code = 1367,
    category = "session",
    severity = "medium",
    message = "A logon request contained an invalid logon type value.",
    summary = "The logon type in the request is not a value the authentication package accepts.",
    causes = {
      "LogonUser or LsaLogonUser was given a logon type that does not exist or that the package does not support (for example a network-cleartext logon to a package that lacks it).",
      "LOGON32_LOGON_NEW_CREDENTIALS was requested with a logon provider other than LOGON32_PROVIDER_WINNT50.",
    },
    diagnosis = {
      "Log the logon type and provider the code passes and compare them with the LOGON32_LOGON_* values (2 interactive, 3 network, 4 batch, 5 service, 8 network cleartext, 9 new credentials).",
      "If the request reached auditing, the Logon Type field of event 4625 on the machine shows the value that was refused.",
    },
    resolution = {
      "Use a documented logon type that the chosen provider supports, with LOGON32_PROVIDER_WINNT50 for new-credentials logons.",
    },
    related = { "STATUS_INVALID_LOGON_TYPE", "ERROR_LOGON_TYPE_NOT_GRANTED", "ERROR_INVALID_PARAMETER" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
      cites(LOGONUSER, "diagnosis"),
    },
  },
  {
    name = "ERROR_CANNOT_IMPERSONATE",
    code = 1368,
    category = "session",
    severity = "low",
    message = "Unable to impersonate using a named pipe until data has been read from that pipe.",
    summary = "A server tried to impersonate a named-pipe client before reading any data from the pipe.",
    causes = {
      "ImpersonateNamedPipeClient was called before the first ReadFile on the pipe.",
    },
    diagnosis = {
      "Check the order of calls in the server: ConnectNamedPipe, then at least one successful ReadFile, then ImpersonateNamedPipeClient.",
      "Trace the pipe's I/O (Process Monitor, or logging around each call) to see whether the client wrote anything before the server impersonated.",
    },
    resolution = {
      "Read at least one message from the client before impersonating it.",
    },
    related = { "STATUS_CANNOT_IMPERSONATE", "ERROR_BAD_IMPERSONATION_LEVEL", "ERROR_NO_IMPERSONATION_TOKEN" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
      cites(PIPEIMP, "causes"),
    },
  },
  {
    name = "ERROR_SPECIAL_ACCOUNT",
    code = 1371,
    category = "account",
    severity = "low",
    message = "Cannot perform this operation on built-in accounts.",
    summary = "The operation is not allowed on a built-in account, such as deleting the built-in Administrator.",
    causes = {
      "A script or tool tried to delete, rename in an unsupported way, or otherwise change a built-in account.",
    },
    diagnosis = {
      "Read the account's SID with `Get-LocalUser <name> | Select-Object Name,SID` (or `Get-ADUser`): a relative ID of 500 (Administrator) or 501 (Guest) marks a built-in account, whatever its current name.",
      "Log the operation the script attempted, and repeat it by hand (`net user <name> /delete`) to confirm the refusal comes from the account and not the tool.",
    },
    resolution = {
      "Disable the built-in account instead of deleting it, or act on a different account.",
    },
    related = { "STATUS_SPECIAL_ACCOUNT", "ERROR_ACCESS_DENIED" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
    },
  },
  {
    name = "ERROR_LOGON_NOT_GRANTED",
    code = 1380,
    category = "policy",
    severity = "medium",
    message = "Logon failure: the user has not been granted the requested logon type at this computer.",
    summary = "The user does not hold the logon right for the kind of logon attempted on this computer.",
    causes = {
      "The account lacks 'Allow log on locally', 'Log on as a batch job', 'Log on as a service' or 'Access this computer from the network' for this machine.",
      "A 'Deny log on ...' right applies to the account or one of its groups.",
    },
    diagnosis = {
      "Read the Logon Type field of event 4625 on the target to know which right was needed (2 local, 3 network, 4 batch, 5 service, 10 Remote Desktop).",
      "Export the rights with `secedit /export /cfg rights.inf /areas USER_RIGHTS` and look up the matching Se...LogonRight and SeDeny...LogonRight lines.",
      "Run `gpresult /h report.html` on the computer to see which policy sets each right.",
    },
    resolution = {
      "Grant the matching user right in User Rights Assignment (or Group Policy) and remove conflicting deny rights, then log on again.",
    },
    related = { "STATUS_LOGON_NOT_GRANTED", "ERROR_LOGON_TYPE_NOT_GRANTED", "ERROR_PRIVILEGE_NOT_HELD" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message"),
      cites(RIGHTS, "summary", "causes"),
      cites(E4625, "diagnosis"),
    },
  },
  {
    name = "ERROR_TOO_MANY_SECRETS",
    code = 1381,
    category = "infrastructure",
    severity = "high",
    message = "The maximum number of secrets that may be stored in a single system has been exceeded.",
    summary = "The LSA's store of secrets is full, so another secret could not be saved.",
    causes = {
      "Software created many LSA secrets (LsaStorePrivateData) and never removed them.",
      "A leak in a product that stores per-user or per-connection secrets.",
    },
    diagnosis = {
      [[Running as SYSTEM (a scheduled task will do), list the secrets with `reg query HKLM\SECURITY\Policy\Secrets`: many names sharing a prefix show which product creates them.]],
      "Correlate the growth in secrets with the installation or use of that product.",
    },
    resolution = {
      "Remove the unused secrets through the cleanup the product that created them offers.",
      "Update or remove the software that keeps creating secrets.",
    },
    related = { "STATUS_TOO_MANY_SECRETS", "ERROR_NO_TRUST_LSA_SECRET" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
      cites(LSASTORE, "causes"),
    },
  },
  {
    name = "ERROR_LOGON_TYPE_NOT_GRANTED",
    code = 1385,
    category = "policy",
    severity = "medium",
    message = "Logon failure: the user has not been granted the requested logon type at this computer.",
    summary = "The user has not been granted the requested logon type at this computer, or a deny right blocks it.",
    causes = {
      "The account is not in a group granted the logon right for this logon type (interactive, network, batch, service, remote interactive).",
      "A 'Deny log on ...' user right applies to the account or a group it belongs to.",
      "A security baseline denies network and Remote Desktop logon to local accounts through the 'Local account' (S-1-5-113) or 'Local account and member of Administrators group' (S-1-5-114) identities.",
    },
    diagnosis = {
      "On the target, event 4625 shows Status 0xC000015B, and its Logon Type field says which right was missing (3 network, 10 Remote Desktop, 4 batch, 5 service).",
      "Export the rights with `secedit /export /cfg rights.inf /areas USER_RIGHTS` and look for the account's groups, S-1-5-113 or S-1-5-114 on the SeDeny...LogonRight lines.",
      "Run `gpresult /h report.html` on the target to find the policy that sets the right.",
    },
    resolution = {
      "Grant the needed right (for Remote Desktop: 'Allow log on through Remote Desktop Services' and membership of Remote Desktop Users), and remove the conflicting deny right.",
      "For remote administration blocked by a baseline, use a domain account rather than weakening the deny rule for local accounts.",
    },
    related = { "STATUS_LOGON_TYPE_NOT_GRANTED", "ERROR_LOGON_NOT_GRANTED", "ERROR_ACCESS_DENIED", "ERROR_ACCOUNT_RESTRICTION" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message"),
      cites(RIGHTS, "summary", "causes", "resolution"),
      cites(E4625, "diagnosis"),
    },
  },
  {
    name = "ERROR_NT_CROSS_ENCRYPTION_REQUIRED",
    code = 1386,
    category = "credentials",
    severity = "low",
    message = "A cross-encrypted password is necessary to change a user password.",
    summary = "A password change needs the NT (cross-encrypted) form of the password, which the client did not send.",
    causes = {
      "A legacy client or tool changed a password using only the LAN Manager form.",
    },
    diagnosis = {
      "Identify the client and tool that made the change; if the domain controller logged a failed event 4723 for it, its Subject names who tried (Microsoft documents 4723 failures for policy refusals, so whether this one is logged is unconfirmed).",
      "Check whether the tool is a legacy SAMR client (an old Samba, an embedded device or a pre-NT utility) that sends only LM data.",
    },
    resolution = {
      "Change the password with a current client or tool (`Set-ADAccountPassword`, or Ctrl+Alt+Del on a current Windows).",
    },
    related = { "STATUS_NT_CROSS_ENCRYPTION_REQUIRED", "ERROR_LM_CROSS_ENCRYPTION_REQUIRED" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
    },
  },
  {
    name = "ERROR_LM_CROSS_ENCRYPTION_REQUIRED",
    code = 1390,
    category = "credentials",
    severity = "low",
    message = "A cross-encrypted password is necessary to change this user password.",
    summary = "A password change needs the LM cross-encrypted form of the password, which the client did not send.",
    causes = {
      "A legacy password-change protocol was used without the expected LM data.",
    },
    diagnosis = {
      "Look for the attempt in event 4723 on the domain controller and note the Subject that made it; that a refused LM change is logged there is unconfirmed.",
      "Check whether the account still has an LM hash, which the older change protocols expect; with 'Do not store LAN Manager hash value' set it has none.",
    },
    resolution = {
      "Change the password with a current client or tool; retire LM-dependent systems.",
    },
    related = { "STATUS_LM_CROSS_ENCRYPTION_REQUIRED", "ERROR_NT_CROSS_ENCRYPTION_REQUIRED", "ERROR_NULL_LM_PASSWORD" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
    },
  },
  {
    name = "ERROR_NO_USER_SESSION_KEY",
    code = 1394,
    category = "session",
    severity = "medium",
    message = "There is no user session key for the specified logon session.",
    summary = "The logon session has no user session key, so an operation that needs one (SMB signing, encryption, some RPC) cannot proceed.",
    causes = {
      "The session is anonymous or a guest session, which has no session key.",
      "The network session expired and the client must authenticate again.",
    },
    diagnosis = {
      "On the server, event 4624 for the session shows ANONYMOUS LOGON or Guest as the account when no key exists.",
      "Run `Get-SmbSession` on the server (ClientUserName) and `Get-SmbConnection` on the client (UserName, Dialect) to see which identity the session used.",
      "Check `Get-SmbServerConfiguration` and `Get-SmbClientConfiguration` for RequireSecuritySignature, which a guest session cannot satisfy.",
    },
    resolution = {
      "Connect with authenticated credentials rather than anonymously or as guest.",
      "Reconnect so that a new authenticated session is set up.",
    },
    related = { "STATUS_NO_USER_SESSION_KEY", "ERROR_SESSION_CREDENTIAL_CONFLICT" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
      cites(SMBSESSION, "causes"),
    },
  },
  {
    name = "ERROR_WRONG_TARGET_NAME",
    code = 1396,
    category = "infrastructure",
    severity = "medium",
    message = "The target account name is incorrect.",
    summary = "Kerberos mutual authentication failed because the service ticket was issued for a different account than the one running the service.",
    causes = {
      "A service principal name (SPN) is registered on the wrong account, or on two accounts.",
      "DNS or a load balancer sends the client to a server other than the one the SPN names.",
    },
    diagnosis = {
      "Run `setspn -Q <spn>` to see which account holds the SPN, and `setspn -X` to list duplicates.",
      "After the failure, `klist` on the client shows the ticket's Server name; compare it with the account the service actually runs as.",
      "On the domain controller, event 4769 for the request shows the Service Name the ticket was issued for.",
      "Resolve the name the client used with `nslookup <name>` to see which server it really reaches.",
    },
    resolution = {
      "Register the SPN on the service's actual account and remove it from the wrong one (`setspn -S` and `setspn -D`).",
      "Make the name the client uses resolve to the server that owns the SPN.",
    },
    related = { "ERROR_MUTUAL_AUTH_FAILED", "ERROR_NTLM_BLOCKED", "SEC_E_TARGET_UNKNOWN", "SEC_E_WRONG_PRINCIPAL", "KDC_ERR_S_PRINCIPAL_UNKNOWN", "KRB_AP_ERR_MODIFIED" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
    },
  },
  {
    name = "ERROR_MUTUAL_AUTH_FAILED",
    code = 1397,
    category = "infrastructure",
    severity = "medium",
    message = "Mutual Authentication failed. The server's password is out of date at the domain controller.",
    summary = "Mutual authentication failed: the server's password is out of date at the domain controller.",
    causes = {
      "The computer or service account password changed on the server but the domain controllers used by the client still hold the old one (replication delay).",
      "The server's secure channel is broken.",
    },
    diagnosis = {
      "Run `repadmin /showrepl` and `repadmin /replsummary` to find replication failures between the domain controllers.",
      [[Compare the password version on each domain controller: `repadmin /showobjmeta <dc> "<server account DN>"` shows the unicodePwd version and when it last changed.]],
      "On the server, `nltest /sc_verify:<domain>` reports whether its secure channel works.",
    },
    resolution = {
      "Force replication of the new password (`repadmin /syncall /AdeP`) and retry once it has reached the client's domain controller.",
      "Reset the server's machine password: `Test-ComputerSecureChannel -Repair` on a member server, `netdom resetpwd` on a domain controller.",
    },
    related = { "STATUS_MUTUAL_AUTHENTICATION_FAILED", "ERROR_WRONG_TARGET_NAME", "ERROR_TRUSTED_RELATIONSHIP_FAILURE", "SEC_E_MUTUAL_AUTH_FAILED", "KRB_AP_ERR_MUT_FAIL" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message", "summary"),
    },
  },
  {
    name = "ERROR_TIME_SKEW",
    code = 1398,
    category = "infrastructure",
    severity = "high",
    message = "There is a time and/or date difference between the client and server.",
    summary = "The clocks of the client and the server (or domain controller) differ by more than Kerberos allows (5 minutes by default).",
    causes = {
      "The client or a domain controller is not synchronising time with the domain hierarchy.",
      "A virtual machine took its time from the host instead of the domain.",
      "The PDC emulator uses an unreliable external time source.",
    },
    diagnosis = {
      "Measure the offset with `w32tm /stripchart /computer:<dc> /samples:3 /dataonly`: more than the 5-minute default of 'Maximum tolerance for computer clock synchronization' breaks Kerberos.",
      "Run `w32tm /query /source` and `w32tm /query /status` on the client and the PDC emulator: 'Local CMOS Clock' or 'VM IC Time Synchronization Provider' means it does not follow the domain hierarchy.",
      "In the logs, the skew shows as Failure Code 0x25 in event 4771 on the domain controller and as Status 0xC0000133 in event 4625 on the target.",
    },
    resolution = {
      "Resynchronise the client with `w32tm /resync` once its source is the domain hierarchy.",
      "Give the PDC emulator a reliable source (`w32tm /config /manualpeerlist:<peers> /syncfromflags:manual /reliable:yes /update`).",
      "Disable host time synchronisation for domain-joined virtual machines where it conflicts.",
    },
    related = { "STATUS_TIME_DIFFERENCE_AT_DC", "ERROR_NTLM_BLOCKED", "SEC_E_TIME_SKEW", "KRB_AP_ERR_SKEW" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1300, "name", "code", "message"),
      cites(CLOCKPOL, "summary", "causes"),
      cites(E4625, "diagnosis"),
    },
  },
  {
    name = "ERROR_NO_TRUST_LSA_SECRET",
    code = 1786,
    category = "infrastructure",
    severity = "high",
    message = "The workstation does not have a trust secret.",
    summary = "The workstation has no trust secret for its domain, so its secure channel cannot be set up.",
    causes = {
      "The local LSA secret holding the machine account password was lost (re-imaging, restore from an old backup, cloning).",
      "The machine was removed from the domain incompletely.",
    },
    diagnosis = {
      "Run `nltest /sc_query:<domain>` on the machine: the status it reports names the failure of the secure channel.",
      "Run `Test-ComputerSecureChannel -Verbose` on the member (not on a domain controller) for a plain true or false.",
      "Read the machine's System log for Netlogon events 3210 and 5719 about the failed session with a domain controller.",
    },
    resolution = {
      "Repair the secure channel with `Test-ComputerSecureChannel -Repair -Credential <domain admin>` or `netdom resetpwd`, or rejoin the domain.",
    },
    related = { "STATUS_NO_TRUST_LSA_SECRET", "ERROR_TRUSTED_RELATIONSHIP_FAILURE", "ERROR_NO_TRUST_SAM_ACCOUNT" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1700, "name", "code", "message"),
      cites(TCSC, "resolution"),
      cites(LMERRLOG_H, "diagnosis"),
    },
  },
  {
    name = "ERROR_NO_TRUST_SAM_ACCOUNT",
    code = 1787,
    category = "infrastructure",
    severity = "high",
    message = "The security database on the server does not have a computer account for this workstation trust relationship.",
    summary = "The domain has no computer account for this workstation, so its trust relationship cannot be used.",
    causes = {
      "The computer account was deleted or never created in Active Directory.",
      "The machine was cloned without being rejoined (duplicate names).",
    },
    diagnosis = {
      "Run `Get-ADComputer <name>` against a domain controller: not found confirms the account is missing.",
      "On the domain controller, Netlogon event 5723 names the computer whose session setup failed for lack of a trust account; the member itself logs Netlogon event 5721 or 3210.",
      [[Look for a deleted account: `Get-ADObject -Filter "Name -eq '<name>'" -IncludeDeletedObjects` searches the AD Recycle Bin.]],
    },
    resolution = {
      "Restore the deleted computer account from the AD Recycle Bin (`Restore-ADObject`), or rejoin the machine to create a new one.",
    },
    related = { "STATUS_NO_TRUST_SAM_ACCOUNT", "ERROR_NO_TRUST_LSA_SECRET", "ERROR_TRUSTED_RELATIONSHIP_FAILURE" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1700, "name", "code", "message"),
      cites(LMERRLOG_H, "diagnosis"),
      cites(TCSC, "resolution"),
    },
  },
  {
    name = "ERROR_TRUSTED_DOMAIN_FAILURE",
    code = 1788,
    category = "infrastructure",
    severity = "high",
    message = "The trust relationship between the primary domain and the trusted domain failed.",
    summary = "The trust between the primary domain and a trusted domain failed, so users of that domain cannot authenticate here.",
    causes = {
      "The trust password between the domains is out of sync.",
      "Domain controllers of the trusted domain cannot be reached (DNS, firewall).",
    },
    diagnosis = {
      "On a domain controller of the trusting domain, run `nltest /sc_verify:<trusted domain>`: it checks the trust's secure channel and reports success or the failing status.",
      "Run `netdom trust <trusting domain> /domain:<trusted domain> /verify` to check the trust in both directions with credentials.",
      "Run `nltest /dsgetdc:<trusted domain>` from a domain controller to see whether a controller of the other domain can be located at all.",
    },
    resolution = {
      "Reset the trust password with `netdom trust <trusting domain> /domain:<trusted domain> /reset`, or with Validate in Active Directory Domains and Trusts, which offers the reset.",
      "Fix the conditional forwarders and firewall rules between the two domains' controllers.",
    },
    faq = {
      {
        question = "Can Test-ComputerSecureChannel check a trust between domains?",
        answer = "No: it tests only the local computer's own channel to its domain, and on a domain controller it reports false errors, so use nltest or netdom for trusts.",
      },
    },
    related = { "STATUS_TRUSTED_DOMAIN_FAILURE", "ERROR_TRUST_FAILURE", "ERROR_DOMAIN_TRUST_INCONSISTENT", "ERROR_AUTHENTICATION_FIREWALL_FAILED" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1700, "name", "code", "message"),
      cites(E4625, "summary"),
    },
  },
  {
    name = "ERROR_TRUSTED_RELATIONSHIP_FAILURE",
    code = 1789,
    category = "infrastructure",
    severity = "high",
    message = "The trust relationship between this workstation and the primary domain failed.",
    summary = "The trust relationship between this workstation and its domain failed: the machine account password no longer matches.",
    causes = {
      "The computer was restored from a snapshot or backup older than its last machine password change.",
      "The computer account was reset or recreated in Active Directory.",
    },
    diagnosis = {
      "On the member, `Test-ComputerSecureChannel -Verbose` or `nltest /sc_verify:<domain>` reports whether its channel to the domain works.",
      "On the domain controller, Netlogon event 5722 names the computer whose session setup failed to authenticate.",
      "Compare `Get-ADComputer <name> -Properties PasswordLastSet` with the date of the snapshot or backup the machine came from.",
    },
    resolution = {
      "Log on with a local administrator account and run `Test-ComputerSecureChannel -Repair -Credential <domain admin>`, or rejoin the domain.",
    },
    prevention = {
      "Avoid restoring domain members from old snapshots without repairing the channel afterwards.",
    },
    related = { "STATUS_TRUSTED_RELATIONSHIP_FAILURE", "ERROR_NO_TRUST_SAM_ACCOUNT", "ERROR_NO_TRUST_LSA_SECRET", "ERROR_NO_LOGON_SERVERS", "SEC_E_NO_AUTHENTICATING_AUTHORITY" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1700, "name", "code", "message"),
      cites(TCSC, "diagnosis", "resolution"),
      cites(LMERRLOG_H, "diagnosis"),
    },
  },
  {
    name = "ERROR_TRUST_FAILURE",
    code = 1790,
    category = "infrastructure",
    severity = "high",
    message = "The network logon failed.",
    summary = "The network logon failed because the validation authority could not be reached or the trust path failed.",
    causes = {
      "Netlogon could not contact a domain controller of the account's domain.",
      "A trust on the path to the account's domain is broken.",
    },
    diagnosis = {
      "Run `nltest /sc_query:<domain>` to check the secure channel, and `nltest /dsgetdc:<domain>` to find a domain controller.",
      "Run `nltest /domain_trusts /v` to see the trusts on the path to the account's domain and their attributes.",
      "On the server, event 4625 for the logon gives the account's domain and the Status that the trust path returned.",
    },
    resolution = {
      "Reset the secure channel with `nltest /sc_reset:<domain>` once a domain controller can be reached.",
      "Repair broken trusts and name resolution between the domains.",
    },
    related = { "STATUS_TRUST_FAILURE", "ERROR_TRUSTED_DOMAIN_FAILURE", "ERROR_TRUSTED_RELATIONSHIP_FAILURE" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1700, "name", "code", "message", "summary"),
    },
  },
  {
    name = "ERROR_NETLOGON_NOT_STARTED",
    code = 1792,
    category = "infrastructure",
    severity = "high",
    message = "An attempt was made to logon, but the network logon service was not started.",
    summary = "A logon needed the Netlogon service, which is not running.",
    causes = {
      "The Netlogon service is stopped or disabled on the machine or on the domain controller.",
      "The machine is in a state (early boot, safe mode) where Netlogon has not started.",
    },
    diagnosis = {
      "Run `Get-Service Netlogon | Select-Object Status,StartType` (or `sc query netlogon`) on the machine that reported the error.",
      "On that machine, event 4625 shows Status 0xC0000192 for the failed logon.",
      "Read the System log's Service Control Manager events (7000, 7023, 7036) for Netlogon to learn when and why it stopped.",
    },
    resolution = {
      "Start Netlogon (`sc start netlogon`) and set it to automatic on domain members and controllers.",
    },
    related = { "STATUS_NETLOGON_NOT_STARTED", "ERROR_NO_LOGON_SERVERS", "ERROR_INVALID_SERVER_STATE" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1700, "name", "code", "message", "summary"),
      cites(E4625, "diagnosis"),
    },
  },
  {
    name = "ERROR_ACCOUNT_EXPIRED",
    code = 1793,
    category = "account",
    severity = "medium",
    message = "The user's account has expired.",
    summary = "The account's expiry date has passed, so it can no longer log on.",
    causes = {
      "The accountExpires attribute was set (contractors, temporary staff) and has been reached.",
    },
    diagnosis = {
      "Run `Get-ADUser <name> -Properties AccountExpirationDate` (or read 'Account expires' in `net user <name> /domain`).",
      "On the target, event 4625 shows 0xC0000193 as the Status itself, with Sub Status 0x0: an expired account is not one of the Sub Status values MSV1_0 reports under 0xC000006E (logon hours, workstation, expired password, disabled account).",
      "On the domain controller, an expired account shows as Error Code 0xC0000193 in event 4776 (NTLM) and Result Code 0x12 in event 4768 (Kerberos).",
    },
    resolution = {
      "If the account is still needed, extend its expiry date (`Set-ADAccountExpiration`), or clear it (`Clear-ADAccountExpiration`).",
    },
    related = { "STATUS_ACCOUNT_EXPIRED", "ERROR_PASSWORD_EXPIRED", "ERROR_ACCOUNT_DISABLED", "ERROR_ACCOUNT_RESTRICTION" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1700, "name", "code", "message", "summary"),
      cites(LSALOGONUSER, "diagnosis"),
      cites(E4625, "diagnosis"),
      cites(E4776, "diagnosis"),
    },
  },
  {
    name = "ERROR_NOLOGON_INTERDOMAIN_TRUST_ACCOUNT",
    code = 1807,
    category = "account",
    severity = "medium",
    message = "The account used is an interdomain trust account. Use your global user account or local user account to access this server.",
    summary = "The logon used an interdomain trust account, which exists only for trusts and may not be used to log on.",
    causes = {
      "Someone or something tried to authenticate with the DOMAIN$ account that represents a trust.",
    },
    diagnosis = {
      "Find the attempt in event 4625 or 4776 and read the account name (ending in $) and the Workstation Name or Source Workstation it came from.",
      [[Confirm the account's kind: `Get-ADUser -Filter "sAMAccountName -eq '<name>$'" -Properties userAccountControl` shows the 0x800 flag (INTERDOMAIN_TRUST_ACCOUNT).]],
    },
    resolution = {
      "Use a user account; investigate the source if the attempt was not expected.",
    },
    related = { "STATUS_NOLOGON_INTERDOMAIN_TRUST_ACCOUNT", "ERROR_NOLOGON_WORKSTATION_TRUST_ACCOUNT", "ERROR_NOLOGON_SERVER_TRUST_ACCOUNT" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1700, "name", "code", "message"),
      cites(UACATTR, "summary"),
    },
  },
  {
    name = "ERROR_NOLOGON_WORKSTATION_TRUST_ACCOUNT",
    code = 1808,
    category = "account",
    severity = "low",
    message = "The account used is a computer account. Use your global user account or local user account to access this server.",
    summary = "The logon used a computer account (a workstation trust account) where a user account is required.",
    causes = {
      "A computer account (NAME$) was used for a logon type that computer accounts may not perform.",
      "A domain join or secure-channel setup probed the account; the error is then expected and harmless.",
    },
    diagnosis = {
      "Read the account name and Source Workstation in event 4776 (or Workstation Name in 4625): a computer authenticating as itself during normal machine activity is harmless.",
      "Run `Get-ADComputer <name> -Properties userAccountControl`: the 0x1000 flag (WORKSTATION_TRUST_ACCOUNT) confirms the kind of account.",
    },
    resolution = {
      "Use a user account for the operation; ignore the event when it accompanies normal machine authentication.",
    },
    related = { "STATUS_NOLOGON_WORKSTATION_TRUST_ACCOUNT", "ERROR_NOLOGON_SERVER_TRUST_ACCOUNT", "ERROR_NOLOGON_INTERDOMAIN_TRUST_ACCOUNT" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1700, "name", "code", "message"),
      cites(UACATTR, "summary"),
    },
  },
  {
    name = "ERROR_NOLOGON_SERVER_TRUST_ACCOUNT",
    code = 1809,
    category = "account",
    severity = "low",
    message = "The account used is a server trust account. Use your global user account or local user account to access this server.",
    summary = "The logon used a server trust account (a domain controller's computer account) where a user account is required.",
    causes = {
      "A domain controller's machine account was used for a user-style logon, as happens in some replication or probe traffic.",
    },
    diagnosis = {
      "Read the account name and source in event 4776 or 4625 to see which domain controller's account was used and from where.",
      "Run `Get-ADComputer <name> -Properties userAccountControl`: the 0x2000 flag (SERVER_TRUST_ACCOUNT) marks a domain controller account.",
    },
    resolution = {
      "Use a user account; investigate only if the attempts are unexpected.",
    },
    related = { "STATUS_NOLOGON_SERVER_TRUST_ACCOUNT", "ERROR_NOLOGON_WORKSTATION_TRUST_ACCOUNT", "ERROR_NOLOGON_INTERDOMAIN_TRUST_ACCOUNT" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1700, "name", "code", "message"),
      cites(UACATTR, "summary"),
    },
  },
  {
    name = "ERROR_DOMAIN_TRUST_INCONSISTENT",
    code = 1810,
    category = "infrastructure",
    severity = "high",
    message = "The name or security ID (SID) of the domain specified is inconsistent with the trust information for that domain.",
    summary = "The name or SID of a domain does not match the trust information held for it.",
    causes = {
      "The trusted domain was rebuilt with a new SID, or the trust was created with the wrong name.",
      "Stale trust objects remain after a domain was renamed or removed.",
    },
    diagnosis = {
      "Run `nltest /domain_trusts /v` to see each trust's name and SID, and compare with `(Get-ADDomain -Server <trusted domain>).DomainSID`.",
      "Run `Get-ADTrust -Filter *` to list the trust objects, including stale ones left from removed or renamed domains.",
    },
    resolution = {
      "Delete the inconsistent trust and recreate it, then verify it with `netdom trust <trusting domain> /domain:<trusted domain> /verify`.",
    },
    related = { "STATUS_DOMAIN_TRUST_INCONSISTENT", "ERROR_TRUSTED_DOMAIN_FAILURE", "ERROR_NO_SUCH_DOMAIN" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1700, "name", "code", "message", "summary"),
    },
  },
  {
    name = "ERROR_PASSWORD_MUST_CHANGE",
    code = 1907,
    category = "credentials",
    severity = "low",
    message = "The user's password must be changed before signing in.",
    summary = "The user must change the password before signing in, because an administrator set 'User must change password at next logon' or reset it.",
    causes = {
      "The account's pwdLastSet is 0 (an administrator reset the password or ticked the option).",
      "The logon is non-interactive (`net use`, a service, Remote Desktop with Network Level Authentication), so it cannot offer the change and fails instead.",
    },
    diagnosis = {
      "Run `Get-ADUser <name> -Properties pwdLastSet`: a value of 0 means the password must be changed.",
      "On the target, event 4625 carries 0xC0000224 as its Status, with Sub Status 0x0: it is not one of the Sub Status values MSV1_0 reports under 0xC000006E.",
      "On the domain controller, an NTLM attempt shows as event 4776 with Error Code 0xC0000224.",
    },
    resolution = {
      "Have the user change the password at an interactive sign-in, or through a password-change portal.",
      "For service accounts, clear the flag (`Set-ADUser <name> -ChangePasswordAtLogon $false`).",
    },
    related = { "STATUS_PASSWORD_MUST_CHANGE", "ERROR_PASSWORD_EXPIRED", "ERROR_ACCOUNT_RESTRICTION" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1700, "name", "code", "message", "summary"),
      cites(LSALOGONUSER, "diagnosis"),
      cites(E4625, "diagnosis"),
      cites(E4776, "diagnosis"),
    },
  },
  {
    name = "ERROR_DOMAIN_CONTROLLER_NOT_FOUND",
    code = 1908,
    category = "infrastructure",
    severity = "high",
    message = "Could not find the domain controller for this domain.",
    summary = "No domain controller could be found for the domain.",
    causes = {
      "DNS cannot resolve the domain's SRV records.",
      "All domain controllers are unreachable from this site.",
    },
    diagnosis = {
      "Run `nltest /dsgetdc:<domain> /force` and `nltest /dsgetsite` to see whether a domain controller and the machine's site can be found.",
      "Run `ipconfig /all` to check that the DNS servers are ones that serve the domain, then `nslookup -type=SRV _ldap._tcp.dc._msdcs.<domain>`.",
    },
    resolution = {
      "Point the machine at the domain's DNS servers, and make sure the domain controllers' SRV records are registered (`nltest /dsregdns` on each controller).",
      "Restore connectivity to a domain controller, or add the client's subnet to a site that has one.",
    },
    related = { "STATUS_DOMAIN_CONTROLLER_NOT_FOUND", "ERROR_NO_LOGON_SERVERS", "ERROR_NO_SUCH_DOMAIN", "SEC_E_NO_AUTHENTICATING_AUTHORITY" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1700, "name", "code", "message"),
      cites(DSGETDC, "diagnosis"),
      cites(DCLOCATOR, "causes"),
    },
  },
  {
    name = "ERROR_ACCOUNT_LOCKED_OUT",
    code = 1909,
    category = "account",
    severity = "medium",
    message = "The referenced account is currently locked out and may not be logged on to.",
    summary = "The account is locked out after too many failed logon attempts and may not be used until it is unlocked or the lockout expires.",
    causes = {
      "A stale password stored on a device, service, scheduled task, mapped drive or phone mail client keeps failing.",
      "A disconnected Remote Desktop session still holds the old password and retries with it.",
      "A user mistyped the password repeatedly.",
      "Password-guessing against the account.",
    },
    diagnosis = {
      "On the PDC emulator (`Get-ADDomain | Select-Object PDCEmulator`), event 4740 names the locked account and its Caller Computer Name, the machine the failing attempts came from.",
      "Before the 4740, the domain controllers log the failures that counted: event 4771 with Failure Code 0x18 (Kerberos) or event 4776 with Error Code 0xC000006A (NTLM), whose Client Address or Source Workstation names the sender.",
      "A Caller Computer Name that is an Exchange, ADFS or NPS server means the bad password arrives through that service, so look in its own logs (IIS, ADFS, NPS) for the real client; a blank one usually means NTLM from a client that gave no name.",
      "The bad-password count is kept on each domain controller and not replicated, but a failed password is re-checked on the PDC emulator, so read the count there: `Get-ADUser <name> -Server <pdc> -Properties badPwdCount,LastBadPasswordAttempt,lockoutTime`.",
      "Read LockoutThreshold, LockoutObservationWindow and LockoutDuration with `Get-ADDefaultDomainPasswordPolicy`, and `Get-ADUserResultantPasswordPolicy <name>` for a fine-grained password policy that overrides them.",
      "On the caller computer, event 4625 with Status 0xC000006D and Sub Status 0xC000006A, and its Logon Type and Process Name, identify the service, task or drive using the old password; once the account is locked, attempts show Status 0xC0000234 with Sub Status 0x0.",
    },
    resolution = {
      "Update or remove the stale credential at its source (service, scheduled task, `cmdkey /delete`, the phone's mail profile), and log off disconnected sessions that hold it.",
      "Unlock the account (`Unlock-ADAccount`) once the source is fixed, or let LockoutDuration expire where it is not zero.",
      "Block or investigate the source address when the attempts are password guessing.",
    },
    faq = {
      {
        question = "Why does the account lock again right after it is unlocked?",
        answer = "Something still sends the old password: the Caller Computer Name of the next event 4740 shows where, and the credential has to be fixed there before unlocking helps.",
      },
    },
    related = { "STATUS_ACCOUNT_LOCKED_OUT", "ERROR_LOGON_FAILURE", "ERROR_INVALID_PASSWORD", "STATUS_WRONG_PASSWORD", "ERROR_ACCOUNT_DISABLED" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1700, "name", "code", "message"),
      cites(E4740, "diagnosis"),
      cites(E4625, "diagnosis"),
      cites(E4776, "diagnosis"),
      cites(UACATTR, "summary"),
    },
  },
  {
    name = "ERROR_AUTHENTICATION_FIREWALL_FAILED",
    code = 1935,
    category = "policy",
    severity = "medium",
    message = "The computer you are signing into is protected by an authentication firewall. The specified account is not allowed to authenticate to the computer.",
    summary = "Selective authentication on a trust, or an authentication policy, blocks this account from authenticating to this computer.",
    causes = {
      "A forest or external trust uses selective authentication and the account lacks the 'Allowed to authenticate' permission on the computer object.",
      "An authentication policy restricts which accounts may authenticate to the service or computer.",
    },
    diagnosis = {
      "On the target, event 4625 shows Status 0xC0000413 and the account's domain, which tells which trust was crossed.",
      "Run `Get-ADTrust -Identity <domain> | Select-Object Name,SelectiveAuthentication` to see whether the trust uses selective authentication.",
      [[Check who holds 'Allowed to authenticate' on the computer object: `dsacls "<computer DN>"` or its Security tab in Active Directory Users and Computers.]],
      "Where authentication policies are in use, read the domain controller's AuthenticationPolicyFailures-DomainController log for the refused account.",
    },
    resolution = {
      "Grant 'Allowed to authenticate' on the computer object to the user or group, or change the trust's authentication scope.",
      "Add the account to the authentication policy's allowed conditions if it should reach the service.",
    },
    related = { "STATUS_AUTHENTICATION_FIREWALL_FAILED", "ERROR_TRUSTED_DOMAIN_FAILURE", "ERROR_INVALID_WORKSTATION", "ERROR_ACCOUNT_RESTRICTION" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1700, "name", "code", "message"),
      cites(SELAUTH, "causes", "resolution"),
      cites(E4625, "diagnosis"),
    },
  },
  {
    name = "ERROR_NTLM_BLOCKED",
    code = 1937,
    category = "policy",
    severity = "medium",
    message = "Authentication failed because NTLM authentication has been disabled.",
    summary = "Authentication failed because NTLM is disabled by policy and Kerberos could not be used.",
    causes = {
      "'Network security: Restrict NTLM' policies block NTLM for this client, server or domain.",
      "Kerberos failed (missing SPN, connection by IP address, no line of sight to a domain controller), so the client fell back to NTLM.",
    },
    diagnosis = {
      "Read the Microsoft-Windows-NTLM/Operational log on the client, the server and the domain controller: its audit and block events name the client, the server and the account of each NTLM use.",
      "Run `klist` on the client after the failure: no service ticket for the target means Kerberos failed first, so find out why (SPN, name, KDC reachability).",
      "Check the name the client used: an IP address or an alias without an SPN (`setspn -Q <spn>`) always leads to NTLM.",
      "Run `gpresult /h report.html` to see which 'Restrict NTLM' policies apply and whether each is set to audit or to deny.",
    },
    resolution = {
      "Make Kerberos work: connect by the DNS name that carries an SPN, register missing SPNs, ensure the client can reach a KDC.",
      "Add a narrow exception ('Add remote server exceptions for NTLM authentication' or 'Add server exceptions in this domain') only for a system that cannot use Kerberos.",
    },
    prevention = {
      "Roll NTLM restrictions out in audit mode first, fix every use the audit events show, and only then switch the policies to deny.",
    },
    related = { "STATUS_NTLM_BLOCKED", "ERROR_WRONG_TARGET_NAME", "ERROR_TIME_SKEW", "ERROR_NO_LOGON_SERVERS", "SEC_E_UNSUPPORTED_FUNCTION", "KDC_ERR_S_PRINCIPAL_UNKNOWN" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1700, "name", "code", "message"),
      cites(APDS_MSG, "causes"),
      cites(NTLMAUDIT, "causes", "resolution"),
      cites(NTLMINCOMING, "diagnosis"),
    },
  },
  {
    name = "ERROR_PASSWORD_CHANGE_REQUIRED",
    code = 1938,
    category = "credentials",
    severity = "low",
    message = "Logon Failure: EAS policy requires that the user change their password before this operation can be performed.",
    summary = "An Exchange ActiveSync (EAS) policy requires the user to change the password before the operation can be performed.",
    causes = {
      "An EAS policy applied to the device demands a password change.",
    },
    diagnosis = {
      "Read the mailbox's device policy with `Get-MobileDeviceMailboxPolicy` in the Exchange Management Shell: its password rules are what the device enforces.",
      "On the Windows device, `net accounts` shows the local password rules the EAS policy applied, to compare with the account's current password.",
    },
    resolution = {
      "Have the user change the account password, then retry the operation.",
    },
    related = { "STATUS_PASSWORD_CHANGE_REQUIRED", "ERROR_PASSWORD_MUST_CHANGE", "ERROR_PASSWORD_EXPIRED" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_1700, "name", "code", "message", "summary"),
    },
  },
  {
    name = "ERROR_NO_SECRETS",
    code = 0x000021AC,
    category = "credentials",
    severity = "medium",
    message = "The local account store does not contain secret material for the specified account.",
    summary = "The account store that was asked has no password secret for the account, so a password-based check of its credentials cannot be made there.",
    causes = {
      "The request reached a read-only domain controller that may not cache the account's password under its Password Replication Policy, and no writable DC took the logon over (that this error results is unconfirmed).",
      "A local account without a password, or one set up for another sign-in method, was given a password logon (unconfirmed).",
    },
    diagnosis = {
      "Find the computer that refused the logon; for a read-only DC, compare the account with the RODC's revealed list (`Get-ADDomainControllerPasswordReplicationPolicyUsage <rodc> -RevealedAccounts`).",
      "Run `Get-LocalUser <name>` and read PasswordLastSet and PasswordRequired when the account is local.",
    },
    resolution = {
      "Allow the account's password on the RODC through its Password Replication Policy, or give the RODC a working path to a writable DC.",
      "Give a local account a password if password sign-in is intended, or switch the client to the account's sign-in method.",
    },
    related = { "STATUS_NO_SECRETS", "ERROR_INVALID_PASSWORD" },
    sources = {
      cites(WINERROR_H, "name", "code"),
      cites(CODES_8200, "name", "code", "message"),
      cites(PRPUSAGE, "diagnosis"),
      cites(RODCWAN, "causes"),
      cites(RODCPWDREPL, "resolution"),
    },
  },
}
