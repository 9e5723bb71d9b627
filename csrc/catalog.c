/*
 * The catalogue: every error logonerr knows, in one place.
 *
 * Each row is: SDK symbol, value, namespace, category, the Win32 code that
 * RtlNtStatusToDosError gives for an NTSTATUS (0 for Win32 rows), and
 * Microsoft's message text, exactly as published (Win32: the "System Error
 * Codes" pages; NTSTATUS: the SDK's ntstatus.h MessageText, lines joined by
 * one space).  Knowledge fields follow as designated initializers.
 *
 * Rules the specs enforce: rows sorted by namespace, then value; names and
 * values agree with the Windows SDK headers; every name in .related is a
 * row of this table.  To add an error, add one row in its place.
 */
#include "catalog.h"

/* Knowledge fields are optional, so rows leave them out on purpose. */
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif

static const logonerr_entry catalog[] = {
  {"ERROR_ACCESS_DENIED", 5, W32, CAT_GENERAL, 0,
   "Access is denied.",
   .severity = MEDIUM,
   .summary = "The caller's token lacks the access the object's security "
              "descriptor requires, so Windows refused the request.",
   .causes = "The account running the code has no allow entry for the requested "
             "access on the object's ACL.\n"
             "The process runs without elevation, so administrative rights are "
             "filtered out of its token.\n"
             "A logon right or share permission denies the account, even though "
             "NTFS permissions allow it.",
   .resolution = "Identify the object and the access requested, then grant that "
                 "access to the account or a group it belongs to.\n"
                 "Run the operation elevated or under an account that legitimately "
                 "holds the right.\n"
                 "Enable object access auditing (event 4656/4663) to see which "
                 "access check failed."},
  {"ERROR_INVALID_PASSWORD", 86, W32, CAT_CREDENTIALS, 0,
   "The specified network password is not correct.",
   .severity = MEDIUM,
   .summary = "The password given for a network connection or resource is wrong; "
              "RtlNtStatusToDosError also maps STATUS_WRONG_PASSWORD to this "
              "code.",
   .causes = "A mapped drive, `net use` or service was configured with an old or "
             "mistyped password.\n"
             "A password change (STATUS_WRONG_PASSWORD) was attempted with an "
             "incorrect current password.",
   .resolution = "Re-enter the password for the connection, or update it wherever it "
                 "is stored (Credential Manager, service configuration, scheduled "
                 "task).\n"
                 "When changing a password, confirm the current password with the "
                 "user before retrying."},
  {"ERROR_INVALID_PARAMETER", 87, W32, CAT_GENERAL, 0,
   "The parameter is incorrect.",
   .severity = LOW,
   .summary = "A function received an argument it cannot accept; in logon code it "
              "usually means a malformed structure was passed to an LSA or SSPI "
              "call.",
   .causes = "A buffer length, flag or structure version passed to the API is "
             "wrong.\n"
             "A logon ID (LUID), logon type or package name is out of range or "
             "uninitialised.",
   .resolution = "Check every argument against the function's documentation, "
                 "especially structure sizes and flags.\n"
                 "Log the exact call and values that failed, then reproduce with a "
                 "minimal program."},
  {"ERROR_BAD_ARGUMENTS", 160, W32, CAT_GENERAL, 0,
   "One or more arguments are not correct.",
   .severity = LOW,
   .summary = "One or more arguments to a call were not correct; an older, "
              "generic relative of ERROR_INVALID_PARAMETER.",
   .causes = "An argument list or environment block handed to a process or API "
             "is malformed.\n"
             "A caller passed values in the wrong order or of the wrong kind.",
   .resolution = "Validate the arguments at the call site and compare them with the "
                 "documented contract.\n"
                 "Reproduce with the smallest input that fails, then correct the "
                 "caller."},
  {"ERROR_SESSION_CREDENTIAL_CONFLICT", 1219, W32, CAT_SESSION, 0,
   "Multiple connections to a server or shared resource by the same user, using more than one user name, are not allowed. Disconnect all previous connections to the server or shared resource and try again.",
   .severity = MEDIUM,
   .summary = "Windows refused a second SMB connection to the same server under a "
              "different user name; one logon session may use only one set of "
              "credentials per server.",
   .causes = "A drive or IPC$ connection to the server already exists under "
             "other credentials.\n"
             "The server is reached by two names (NetBIOS and FQDN) and an "
             "application mixes credentials.\n"
             "A mapped drive reconnects at logon with saved credentials that "
             "differ from the ones now used.",
   .resolution = "List connections with `net use` and remove the conflicting one "
                 "(`net use \\\\server\\share /delete`, or `net use * /delete`).\n"
                 "Reconnect with a single account, or reach the second account "
                 "through a different server name (an alias or IP address).\n"
                 "Remove stale entries for the server from Credential Manager."},
  {"ERROR_REMOTE_SESSION_LIMIT_EXCEEDED", 1220, W32, CAT_SESSION, 0,
   "An attempt was made to establish a session to a network server, but there are already too many sessions established to that server.",
   .severity = MEDIUM,
   .summary = "The server already has as many sessions as it accepts, so a new "
              "session could not be established.",
   .causes = "A client-edition Windows server has reached its inbound connection "
             "limit.\n"
             "Stale or leaked sessions from clients were never closed.",
   .resolution = "List sessions on the server (`net session`) and close stale ones.\n"
                 "Move the share to a server edition or reduce concurrent clients."},
  {"ERROR_NULL_LM_PASSWORD", 1304, W32, CAT_CREDENTIALS, 0,
   "The password is too complex to be converted to a LAN Manager password. The LAN Manager password returned is a NULL string.",
   .severity = LOW,
   .summary = "A warning: the password is too complex for a LAN Manager hash, so "
              "the LM password is empty; NT-hash authentication still works.",
   .causes = "The password is longer than 14 characters or uses characters the "
             "LM hash cannot represent.",
   .resolution = "No action is needed unless a legacy LM-only client must "
                 "authenticate; such clients should be retired."},
  {"ERROR_NO_IMPERSONATION_TOKEN", 1309, W32, CAT_SESSION, 0,
   "An attempt has been made to operate on an impersonation token by a thread that is not currently impersonating a client.",
   .severity = LOW,
   .summary = "Code tried to use an impersonation token on a thread that is not "
              "impersonating anyone.",
   .causes = "OpenThreadToken or RevertToSelf logic ran on a thread without "
             "impersonation.\n"
             "Impersonation ended earlier than the code expected.",
   .resolution = "Check that ImpersonateLoggedOnUser, ImpersonateNamedPipeClient or "
                 "similar succeeded before using the thread token.\n"
                 "Use OpenProcessToken when the thread is not impersonating."},
  {"ERROR_NO_LOGON_SERVERS", 1311, W32, CAT_INFRASTRUCTURE, 0,
   "There are currently no logon servers available to service the logon request.",
   .severity = HIGH,
   .summary = "No domain controller answered the logon request, so the domain "
              "account could not be authenticated.",
   .causes = "DNS cannot resolve the domain's SRV records, or the client uses "
             "the wrong DNS servers.\n"
             "The network path to every domain controller is down or blocked by "
             "a firewall.\n"
             "The Netlogon service on the client or the domain controllers is "
             "stopped.",
   .resolution = "Run `nltest /dsgetdc:<domain>` and `nslookup -type=SRV "
                 "_ldap._tcp.dc._msdcs.<domain>` from the failing machine.\n"
                 "Point the client at DNS servers that host the domain's zones, then "
                 "run `ipconfig /flushdns`.\n"
                 "Check connectivity (Kerberos 88, LDAP 389, SMB 445, RPC 135 and "
                 "dynamic ports) to a domain controller."},
  {"ERROR_NO_SUCH_LOGON_SESSION", 1312, W32, CAT_SESSION, 0,
   "A specified logon session does not exist. It may already have been terminated.",
   .severity = MEDIUM,
   .summary = "The logon session named by a logon ID (LUID) does not exist: it "
              "ended, was never created, or has no credentials the request can "
              "use.",
   .causes = "The session ended (the user logged off, the service stopped, the "
             "token's session was deleted) between obtaining its LUID and using "
             "it.\n"
             "Code enumerated sessions with LsaEnumerateLogonSessions and one "
             "vanished before LsaGetLogonSessionData ran.\n"
             "An authentication package called DeleteLogonSession on an ID that "
             "the LSA does not know.\n"
             "SSPI has no credentials for the session: SEC_E_NO_CREDENTIALS maps "
             "to this code, as with a network logon that cannot delegate (the "
             "double hop) or a service account without stored credentials.",
   .symptoms = "`net use`, mapped drives or scheduled tasks fail with \"A "
               "specified logon session does not exist\" (system error 1312).\n"
               "A service that worked interactively fails when run as a service or "
               "over a remote session.\n"
               "Session-enumeration tools log the error for some sessions and not "
               "others.",
   .diagnosis = "Note the logon ID the caller used and check whether `klist "
                "sessions` or `logonsessions` (Sysinternals) still lists it.\n"
                "Find the session's end in the Security log: event 4634 or 4647 "
                "(logoff) with the same Logon ID.\n"
                "If the call was SSPI (AcquireCredentialsHandle, "
                "InitializeSecurityContext), check whether the session is a network "
                "logon without delegable credentials (logon type 3 in event 4624).\n"
                "Trace the code path: was the LUID taken from a token that might "
                "have been closed?",
   .resolution = "Treat the session as gone: refresh the list of sessions or "
                 "re-authenticate, and retry with a live logon ID.\n"
                 "Handle STATUS_NO_SUCH_LOGON_SESSION from LsaGetLogonSessionData as "
                 "normal when walking LsaEnumerateLogonSessions results.\n"
                 "For second-hop access, use Kerberos constrained delegation or "
                 "explicit credentials (AcquireCredentialsHandle with a "
                 "SEC_WINNT_AUTH_IDENTITY) instead of the caller's network logon.\n"
                 "For services, store credentials for the account or run under an "
                 "account that has them.",
   .prevention = "Hold a handle to the token of a session you depend on, and handle "
                 "its end as an expected event.\n"
                 "Design services to authenticate with their own credentials rather "
                 "than borrowing a user's network logon.\n"
                 "Prefer Kerberos constrained delegation where a server must act for "
                 "a user on another server.",
   .faq = "What does error 1312 mean?\t"
          "Windows was given a logon session ID that it no longer has, or a "
          "session with no usable credentials. The session may have ended, or "
          "it may be a network logon that cannot reach further servers.\n"
          "Why do I see it when a scheduled task or service opens a network share?\t"
          "The task runs in a session without credentials that can be "
          "forwarded, so SSPI reports SEC_E_NO_CREDENTIALS, which Windows "
          "turns into 1312. Give the task stored credentials or use "
          "delegation.\n"
          "Is it safe to ignore in code that enumerates sessions?\t"
          "Yes, for a session that ended between LsaEnumerateLogonSessions "
          "and LsaGetLogonSessionData: skip it and continue.",
   .related = "STATUS_NO_SUCH_LOGON_SESSION ERROR_BAD_LOGON_SESSION_STATE "
               "ERROR_LOGON_SESSION_COLLISION ERROR_NO_IMPERSONATION_TOKEN "
               "ERROR_INVALID_PARAMETER ERROR_BAD_ARGUMENTS"},
  {"ERROR_PRIVILEGE_NOT_HELD", 1314, W32, CAT_POLICY, 0,
   "A required privilege is not held by the client.",
   .severity = MEDIUM,
   .summary = "The operation needs a privilege (such as SeTcbPrivilege or "
              "SeSecurityPrivilege) that the caller's token does not hold or has "
              "not enabled.",
   .causes = "The account was never granted the privilege in User Rights "
             "Assignment.\n"
             "The privilege is present but disabled and the code did not enable "
             "it with AdjustTokenPrivileges.\n"
             "The process is not elevated, so the privilege was filtered out.",
   .resolution = "Grant the user right through Group Policy (Computer Configuration "
                 "> Windows Settings > Security Settings > Local Policies > User "
                 "Rights Assignment), then log on again.\n"
                 "Enable the privilege in code before the call.\n"
                 "Run elevated where the privilege is administrative."},
  {"ERROR_INVALID_ACCOUNT_NAME", 1315, W32, CAT_ACCOUNT, 0,
   "The name provided is not a properly formed account name.",
   .severity = LOW,
   .summary = "The account name given is not well formed, so Windows could not "
              "even look it up.",
   .causes = "The name contains characters not allowed in account names, or a "
             "domain\\user or UPN form is mangled.\n"
             "A script passed an empty name or an unexpanded variable.",
   .resolution = "Check the name's syntax (DOMAIN\\user or user@domain.example) and "
                 "remove stray characters or whitespace.\n"
                 "Log the exact string passed to the API."},
  {"ERROR_NO_SUCH_USER", 1317, W32, CAT_ACCOUNT, 0,
   "The specified account does not exist.",
   .severity = MEDIUM,
   .summary = "The account named does not exist in the database that was asked "
              "(local SAM or the domain).",
   .causes = "A typo in the user name, or the account was deleted or renamed.\n"
             "The request went to the wrong domain or to the local SAM instead "
             "of the domain.",
   .resolution = "Verify the account exists: `net user <name> /domain` or "
                 "`Get-ADUser <name>`.\n"
                 "Qualify the name with its domain (DOMAIN\\user or a UPN)."},
  {"ERROR_WRONG_PASSWORD", 1323, W32, CAT_CREDENTIALS, 0,
   "Unable to update the password. The value provided as the current password is incorrect.",
   .severity = LOW,
   .summary = "A password change failed because the current password supplied was "
              "not correct.",
   .causes = "The user typed the old password wrongly in a change-password "
             "dialog or tool.\n"
             "A tool used a cached old password that has already been changed.",
   .resolution = "Ask the user to re-enter the current password carefully, or have "
                 "an administrator reset it."},
  {"ERROR_ILL_FORMED_PASSWORD", 1324, W32, CAT_CREDENTIALS, 0,
   "Unable to update the password. The value provided for the new password contains values that are not allowed in passwords.",
   .severity = LOW,
   .summary = "A password change failed because the new password contains "
              "characters that passwords may not contain.",
   .causes = "The new password includes disallowed or unrepresentable "
             "characters.",
   .resolution = "Choose a new password using ordinary printable characters."},
  {"ERROR_PASSWORD_RESTRICTION", 1325, W32, CAT_CREDENTIALS, 0,
   "Unable to update the password. The value provided for the new password does not meet the length, complexity, or history requirements of the domain.",
   .severity = LOW,
   .summary = "A password change or reset was refused because the new password "
              "breaks the domain's length, complexity, history or minimum-age "
              "rules.",
   .causes = "The new password is too short, too simple or was used recently.\n"
             "The minimum password age has not yet passed since the last change.",
   .resolution = "Check the policy with `net accounts` (local) or "
                 "`Get-ADDefaultDomainPasswordPolicy` and any fine-grained policy "
                 "applying to the user.\n"
                 "Choose a longer, unused password, or have an administrator reset "
                 "it."},
  {"ERROR_LOGON_FAILURE", 1326, W32, CAT_CREDENTIALS, 0,
   "The user name or password is incorrect.",
   .severity = MEDIUM,
   .summary = "Authentication failed because the user name is unknown or the "
              "password is wrong; Windows deliberately does not say which.",
   .causes = "The password is wrong or out of date (often a stored or cached "
             "one).\n"
             "The user name does not exist in the domain the request reached.\n"
             "A service, scheduled task or mapped drive still uses a password "
             "that was changed.",
   .resolution = "Check the Security log on the authenticating machine or domain "
                 "controller: event 4625 or 4776 carries the Sub Status that says "
                 "which part was wrong.\n"
                 "Update stored credentials (services, scheduled tasks, Credential "
                 "Manager, application configuration).\n"
                 "Confirm the account name and domain, then retry with known-good "
                 "credentials."},
  {"ERROR_ACCOUNT_RESTRICTION", 1327, W32, CAT_ACCOUNT, 0,
   "Account restrictions are preventing this user from signing in. For example: blank passwords aren't allowed, sign-in times are limited, or a policy restriction has been enforced.",
   .severity = MEDIUM,
   .summary = "The credentials are valid, but an account restriction such as a "
              "blank-password rule, logon hours or a policy blocks this logon.",
   .causes = "The account has a blank password and the policy 'Limit local "
             "account use of blank passwords to console logon only' applies.\n"
             "A logon-hours, workstation or authentication-policy restriction "
             "applies to the account.\n"
             "The account is a member of Protected Users or is restricted by an "
             "authentication policy silo.",
   .resolution = "Look at the Sub Status in event 4625 to learn which restriction "
                 "applied.\n"
                 "Set a password on the account, or adjust the restriction in Active "
                 "Directory."},
  {"ERROR_INVALID_LOGON_HOURS", 1328, W32, CAT_POLICY, 0,
   "Your account has time restrictions that keep you from signing in right now.",
   .severity = LOW,
   .summary = "The account's logon hours do not allow logging on at this time.",
   .causes = "The Logon Hours attribute of the account excludes the current time "
             "(in the domain controller's time zone).",
   .resolution = "Review the account's logon hours in Active Directory Users and "
                 "Computers (Account tab > Logon Hours) and widen them if "
                 "appropriate."},
  {"ERROR_INVALID_WORKSTATION", 1329, W32, CAT_POLICY, 0,
   "This user isn't allowed to sign in to this computer.",
   .severity = LOW,
   .summary = "The account may only log on from listed computers, and this is not "
              "one of them.",
   .causes = "The account's 'Log On To' list (userWorkstations) does not include "
             "the source computer.\n"
             "An authentication policy silo restricts where the account may sign "
             "in.",
   .resolution = "Add the computer to the account's Log On To list, or remove the "
                 "restriction.\n"
                 "On domain controllers, look for event 4820 when authentication "
                 "policy silos are in use."},
  {"ERROR_PASSWORD_EXPIRED", 1330, W32, CAT_CREDENTIALS, 0,
   "The password for this account has expired.",
   .severity = LOW,
   .summary = "The account's password has passed its maximum age and must be "
              "changed before the logon can succeed.",
   .causes = "The password is older than the maximum password age of the "
             "applying policy.\n"
             "A service account's password expired because 'Password never "
             "expires' was not set.",
   .resolution = "Have the user change the password, or an administrator reset it.\n"
                 "For service accounts, use a group Managed Service Account or "
                 "rotate the password and update every place it is stored."},
  {"ERROR_ACCOUNT_DISABLED", 1331, W32, CAT_ACCOUNT, 0,
   "This user can't sign in because this account is currently disabled.",
   .severity = MEDIUM,
   .summary = "The account is disabled, so no logon with it is allowed.",
   .causes = "An administrator or an automated process disabled the account.\n"
             "The account is a leaver's account or a stale service account.",
   .resolution = "Confirm the account should be in use, then enable it "
                 "(`Enable-ADAccount`, or `net user <name> /active:yes` locally).\n"
                 "Find who disabled it in the domain controller's Security log "
                 "(event 4725)."},
  {"ERROR_BAD_IMPERSONATION_LEVEL", 1346, W32, CAT_SESSION, 0,
   "Either a required impersonation level was not provided, or the provided impersonation level is invalid.",
   .severity = MEDIUM,
   .summary = "The token's impersonation level is too low for the operation (for "
              "example an Identification-level token used to open a resource).",
   .causes = "A client connected with SecurityIdentification or Anonymous "
             "impersonation level.\n"
             "A server duplicated a token at a lower level than it needs.",
   .resolution = "Have the client allow impersonation (for RPC, "
                 "RPC_C_IMP_LEVEL_IMPERSONATE or higher).\n"
                 "Duplicate the token with SecurityImpersonation or "
                 "SecurityDelegation when needed."},
  {"ERROR_INVALID_SERVER_STATE", 1352, W32, CAT_INFRASTRUCTURE, 0,
   "The security account manager (SAM) or local security authority (LSA) server was in the wrong state to perform the security operation.",
   .severity = HIGH,
   .summary = "The SAM or LSA server was in the wrong state to perform the "
              "security operation, for example while starting or shutting down.",
   .causes = "The security database service is starting, stopping or was "
             "disabled.\n"
             "A domain controller is in Directory Services Restore Mode.",
   .resolution = "Retry after the system has finished starting; check the System log "
                 "for SAM or LSA errors.\n"
                 "Check domain controller health with `dcdiag`."},
  {"ERROR_NO_SUCH_DOMAIN", 1355, W32, CAT_INFRASTRUCTURE, 0,
   "The specified domain either does not exist or could not be contacted.",
   .severity = HIGH,
   .summary = "The domain named in the request could not be found or contacted.",
   .causes = "The domain name is misspelt, or a trust to that domain does not "
             "exist.\n"
             "DNS cannot locate domain controllers for the domain.",
   .resolution = "Check the name and run `nltest /dsgetdc:<domain>` to see whether a "
                 "domain controller can be located.\n"
                 "Verify trusts with `nltest /domain_trusts`."},
  {"ERROR_NOT_LOGON_PROCESS", 1362, W32, CAT_SESSION, 0,
   "The requested action is restricted for use by logon processes only. The calling process has not registered as a logon process.",
   .severity = MEDIUM,
   .summary = "The caller used an LSA function reserved for registered logon "
              "processes without having registered as one.",
   .causes = "Code called LsaLogonUser or a similar call on a handle from "
             "LsaConnectUntrusted rather than LsaRegisterLogonProcess.\n"
             "The process lacks SeTcbPrivilege, so LsaRegisterLogonProcess could "
             "not be used.",
   .resolution = "Register with LsaRegisterLogonProcess from a process holding "
                 "SeTcbPrivilege (normally a service running as SYSTEM).\n"
                 "Use LogonUser where a registered logon process is not needed."},
  {"ERROR_LOGON_SESSION_EXISTS", 1363, W32, CAT_SESSION, 0,
   "Cannot start a new logon session with an ID that is already in use.",
   .severity = HIGH,
   .summary = "A new logon session could not be started because its logon ID "
              "(LUID) already belongs to an existing session.",
   .causes = "An authentication package reused a logon ID instead of allocating "
             "a fresh one with AllocateLocallyUniqueId.\n"
             "A custom security package or credential provider creates sessions "
             "without cleaning up those of failed attempts.\n"
             "A bug in the session manager or LSA plug-in hands out the same ID "
             "twice.",
   .symptoms = "Logons handled by one authentication package fail while others "
               "work.\n"
               "The error follows installation or update of a security product, "
               "smart-card middleware or single-sign-on agent.",
   .diagnosis = "List the authentication and security packages the LSA loads: the "
                "registry values 'Authentication Packages' and 'Security Packages' "
                "under HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa.\n"
                "Correlate the failures with events 4624/4625 and their "
                "Authentication Package and Logon Process fields.\n"
                "Check for LSA plug-ins that are not signed by Microsoft (event "
                "3033/3063 in the CodeIntegrity log when LSA protection is on).",
   .resolution = "Make the authentication package allocate a new LUID for every "
                 "logon session.\n"
                 "Remove or update the third-party authentication package, "
                 "credential provider or LSA plug-in involved.\n"
                 "Restart the machine to clear the LSA's session table if the "
                 "condition persists.",
   .prevention = "Test third-party authentication packages and credential providers "
                 "before wide deployment, and keep them updated.\n"
                 "In package code, never derive a logon ID from anything but "
                 "AllocateLocallyUniqueId.",
   .faq = "What does ERROR_LOGON_SESSION_EXISTS (1363) mean?\t"
          "Something asked Windows to open a session under a logon ID (LUID) "
          "that a live session already owns.\n"
          "Can a user cause it by logging on twice?\t"
          "No. Every logon gets its own session ID; a duplicate ID points at "
          "the software that creates sessions, not at the user.\n"
          "Does it threaten system stability?\t"
          "Not by itself, but it shows that an authentication component is "
          "misbehaving, and logons through it keep failing until that is "
          "fixed.",
   .related = "STATUS_LOGON_SESSION_EXISTS ERROR_LOGON_SESSION_COLLISION "
               "ERROR_LOGON_FAILURE ERROR_INVALID_PARAMETER"},
  {"ERROR_NO_SUCH_PACKAGE", 1364, W32, CAT_SESSION, 0,
   "A specified authentication package is unknown.",
   .severity = MEDIUM,
   .summary = "The authentication or security package named in the request is not "
              "loaded.",
   .causes = "Code asked for a package name (for example in "
             "LsaLookupAuthenticationPackage or AcquireCredentialsHandle) that "
             "is misspelt or not installed.\n"
             "A third-party package failed to load at boot.",
   .resolution = "List loaded packages with EnumerateSecurityPackages and check the "
                 "name requested.\n"
                 "Check the System log for LSA package load failures and reinstall "
                 "the package."},
  {"ERROR_BAD_LOGON_SESSION_STATE", 1365, W32, CAT_SESSION, 0,
   "The logon session is not in a state that is consistent with the requested operation.",
   .severity = HIGH,
   .summary = "The logon session exists but is in a state that does not allow the "
              "requested operation, typically deleting a session that still has "
              "references.",
   .causes = "An authentication package called DeleteLogonSession on a session "
             "whose reference count prevents deletion: the package and the "
             "operating system both believe they own the session.\n"
             "A package deleted, or tried to delete, a session after handing its "
             "logon ID to the LSA (for example after LsaApLogonUser returned "
             "it).\n"
             "An operation was attempted on a session that is being torn down or "
             "has not finished being set up.",
   .symptoms = "Logons or logoffs through one authentication package fail "
               "intermittently.\n"
               "Sessions linger (visible in `logonsessions`) after users log off.",
   .diagnosis = "Identify which package handles the failing logons from the "
                "Authentication Package field of events 4624/4625.\n"
                "Check whether a third-party credential provider or security "
                "package was recently installed or updated.\n"
                "Compare `logonsessions` output over time to see sessions that are "
                "never cleaned up.",
   .resolution = "Fix the authentication package so that it deletes only sessions it "
                 "created and has not yet handed to the LSA; after that, the LSA "
                 "owns them.\n"
                 "Update or remove the third-party authentication package or LSA "
                 "plug-in involved.\n"
                 "Retry the operation after the session has finished starting or "
                 "ending.",
   .prevention = "In authentication package code, follow the documented ownership "
                 "rule: delete a session with DeleteLogonSession only while it is "
                 "still yours.\n"
                 "Validate the session's state before acting on it and handle the "
                 "error as a bug report, not as a retryable condition.",
   .faq = "What does ERROR_BAD_LOGON_SESSION_STATE (1365) mean?\t"
          "The session exists, but its current condition rules out what was "
          "asked of it. Most often an authentication package tried to delete a "
          "session that is still referenced.\n"
          "How should my code handle it?\t"
          "Check the session's state before acting, make sure your code owns "
          "the session, and do not retry blindly: it usually signals a logic "
          "error.",
   .related = "STATUS_BAD_LOGON_SESSION_STATE ERROR_LOGON_SESSION_COLLISION "
               "ERROR_LOGON_SESSION_EXISTS ERROR_NO_SUCH_LOGON_SESSION "
               "ERROR_INVALID_PARAMETER"},
  {"ERROR_LOGON_SESSION_COLLISION", 1366, W32, CAT_SESSION, 0,
   "The logon session ID is already in use.",
   .severity = HIGH,
   .summary = "An authentication package asked the LSA to create a logon session "
              "with an ID (LUID) that another session already uses; an internal "
              "LSA error, not a user mistake.",
   .causes = "An authentication package passed CreateLogonSession a logon ID it "
             "had already used, instead of a fresh one from "
             "AllocateLocallyUniqueId.\n"
             "A third-party security package or credential provider keeps "
             "sessions from failed attempts and reuses their IDs.\n"
             "Software that sits in the logon path (single sign-on agents, "
             "smart-card middleware, remote-access products) has a "
             "session-handling bug.",
   .symptoms = "Users cannot log on through a particular method (smart card, a "
               "third-party provider) while password logons work.\n"
               "Applications that create logons (LogonUser, LsaLogonUser) fail "
               "with error 1366.\n"
               "Users see repeated prompts for credentials or are disconnected "
               "during logon.",
   .diagnosis = "Find the failing logons in the Security log (event 4625) and note "
                "their Logon Process and Authentication Package.\n"
                "List the LSA's packages in "
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa ('Authentication "
                "Packages', 'Security Packages', 'Notification Packages').\n"
                "Check whether the failures began with the installation or update "
                "of a security product.\n"
                "If you develop the package, log every LUID you pass to "
                "CreateLogonSession and look for repeats.",
   .resolution = "Identify the authentication package behind the failing logons and "
                 "update or remove it.\n"
                 "In package code, allocate a new LUID per session and delete the "
                 "sessions of failed attempts with DeleteLogonSession.\n"
                 "Restart the machine if the LSA's session table must be cleared "
                 "while a fix is prepared.",
   .prevention = "Test and stage updates of anything that plugs into the LSA.\n"
                 "Keep third-party authentication components current and remove "
                 "unused ones.\n"
                 "In package code, tie each session's lifetime to one logon attempt "
                 "and clean it up on failure.",
   .faq = "Does ERROR_LOGON_SESSION_COLLISION mean the account is logged on twice?\t"
          "No. A user may hold many sessions; each has its own ID. The error "
          "means software reused a taken logon ID when creating a session, "
          "which points at an authentication package.\n"
          "Is it a security problem?\t"
          "It is a fault in a component trusted with logons, so treat it "
          "seriously: find the package, update it, and check that it comes "
          "from a trusted vendor.\n"
          "How can I prevent it?\t"
          "Keep authentication packages and credential providers updated and "
          "tested; in your own package, always allocate a fresh LUID per "
          "session.",
   .related = "STATUS_LOGON_SESSION_COLLISION ERROR_LOGON_SESSION_EXISTS "
               "ERROR_LOGON_FAILURE ERROR_INVALID_PARAMETER ERROR_TOO_MANY_SECRETS"},
  {"ERROR_INVALID_LOGON_TYPE", 1367, W32, CAT_SESSION, 0,
   "A logon request contained an invalid logon type value.",
   .severity = MEDIUM,
   .summary = "The logon type in the request is not a value the authentication "
              "package accepts.",
   .causes = "LogonUser or LsaLogonUser was given a logon type that does not "
             "exist or that the package does not support (for example a "
             "network-cleartext logon to a package that lacks it).",
   .resolution = "Use a documented logon type (LOGON32_LOGON_INTERACTIVE, _NETWORK, "
                 "_BATCH, _SERVICE, _NEW_CREDENTIALS ...) that the chosen provider "
                 "supports."},
  {"ERROR_CANNOT_IMPERSONATE", 1368, W32, CAT_SESSION, 0,
   "Unable to impersonate using a named pipe until data has been read from that pipe.",
   .severity = LOW,
   .summary = "A server tried to impersonate a named-pipe client before reading "
              "any data from the pipe.",
   .causes = "ImpersonateNamedPipeClient was called before the first ReadFile on "
             "the pipe.",
   .resolution = "Read at least one message from the client before impersonating it."},
  {"ERROR_SPECIAL_ACCOUNT", 1371, W32, CAT_ACCOUNT, 0,
   "Cannot perform this operation on built-in accounts.",
   .severity = LOW,
   .summary = "The operation is not allowed on a built-in account, such as "
              "deleting the built-in Administrator.",
   .causes = "A script or tool tried to delete, rename in an unsupported way, or "
             "otherwise change a built-in account.",
   .resolution = "Disable the built-in account instead of deleting it, or act on a "
                 "different account."},
  {"ERROR_LOGON_NOT_GRANTED", 1380, W32, CAT_POLICY, 0,
   "Logon failure: the user has not been granted the requested logon type at this computer.",
   .severity = MEDIUM,
   .summary = "The user does not hold the logon right for the kind of logon "
              "attempted on this computer.",
   .causes = "The account lacks 'Allow log on locally', 'Log on as a batch job', "
             "'Log on as a service' or 'Access this computer from the network' "
             "for this machine.\n"
             "A 'Deny log on ...' right applies to the account or one of its "
             "groups.",
   .resolution = "Grant the matching user right in User Rights Assignment (or Group "
                 "Policy) and remove conflicting deny rights, then log on again.\n"
                 "Use `gpresult /h` on the computer to see which policy sets the "
                 "rights."},
  {"ERROR_TOO_MANY_SECRETS", 1381, W32, CAT_INFRASTRUCTURE, 0,
   "The maximum number of secrets that may be stored in a single system has been exceeded.",
   .severity = HIGH,
   .summary = "The LSA's store of secrets is full, so another secret could not be "
              "saved.",
   .causes = "Software created many LSA secrets (LsaStorePrivateData) and never "
             "removed them.\n"
             "A leak in a product that stores per-user or per-connection "
             "secrets.",
   .resolution = "Identify and remove unused secrets (the product that created them "
                 "should offer a cleanup).\n"
                 "Update or remove the software that keeps creating secrets."},
  {"ERROR_LOGON_TYPE_NOT_GRANTED", 1385, W32, CAT_POLICY, 0,
   "Logon failure: the user has not been granted the requested logon type at this computer.",
   .severity = MEDIUM,
   .summary = "The user has not been granted the requested logon type at this "
              "computer, or a deny right blocks it.",
   .causes = "The account is not in a group granted the logon right for this "
             "logon type (interactive, network, batch, service, remote "
             "interactive).\n"
             "A 'Deny log on ...' user right applies to the account or a group "
             "it belongs to.",
   .resolution = "Grant the needed right (for Remote Desktop: 'Allow log on through "
                 "Remote Desktop Services' and membership of Remote Desktop Users), "
                 "and remove the conflicting deny right.\n"
                 "Run `gpresult /h report.html` on the target to find the policy "
                 "that sets the right."},
  {"ERROR_NT_CROSS_ENCRYPTION_REQUIRED", 1386, W32, CAT_CREDENTIALS, 0,
   "A cross-encrypted password is necessary to change a user password.",
   .severity = LOW,
   .summary = "A password change needs the NT (cross-encrypted) form of the "
              "password, which the client did not send.",
   .causes = "A legacy client or tool changed a password using only the LAN "
             "Manager form.",
   .resolution = "Change the password with a current client or tool."},
  {"ERROR_LM_CROSS_ENCRYPTION_REQUIRED", 1390, W32, CAT_CREDENTIALS, 0,
   "A cross-encrypted password is necessary to change this user password.",
   .severity = LOW,
   .summary = "A password change needs the LM cross-encrypted form of the "
              "password, which the client did not send.",
   .causes = "A legacy password-change protocol was used without the expected LM "
             "data.",
   .resolution = "Change the password with a current client or tool; retire "
                 "LM-dependent systems."},
  {"ERROR_NO_USER_SESSION_KEY", 1394, W32, CAT_SESSION, 0,
   "There is no user session key for the specified logon session.",
   .severity = MEDIUM,
   .summary = "The logon session has no user session key, so an operation that "
              "needs one (SMB signing, encryption, some RPC) cannot proceed.",
   .causes = "The session is anonymous or a guest session, which has no session "
             "key.\n"
             "The network session expired and the client must authenticate "
             "again.",
   .resolution = "Connect with authenticated credentials rather than anonymously.\n"
                 "Reconnect so that a new authenticated session is set up."},
  {"ERROR_WRONG_TARGET_NAME", 1396, W32, CAT_INFRASTRUCTURE, 0,
   "The target account name is incorrect.",
   .severity = MEDIUM,
   .summary = "Kerberos mutual authentication failed because the service ticket "
              "was issued for a different account than the one running the "
              "service.",
   .causes = "A service principal name (SPN) is registered on the wrong account, "
             "or on two accounts.\n"
             "DNS or a load balancer sends the client to a server other than the "
             "one the SPN names.",
   .resolution = "Check SPNs with `setspn -Q <spn>` and `setspn -X` (duplicates), "
                 "and register the SPN on the service's actual account.\n"
                 "Make the name the client uses resolve to the server that owns the "
                 "SPN."},
  {"ERROR_MUTUAL_AUTH_FAILED", 1397, W32, CAT_INFRASTRUCTURE, 0,
   "Mutual Authentication failed. The server's password is out of date at the domain controller.",
   .severity = MEDIUM,
   .summary = "Mutual authentication failed: the server's password is out of date "
              "at the domain controller.",
   .causes = "The computer or service account password changed on the server but "
             "the domain controllers used by the client still hold the old one "
             "(replication delay).\n"
             "The server's secure channel is broken.",
   .resolution = "Check replication with `repadmin /showrepl` and wait for or force "
                 "it.\n"
                 "Reset the server's secure channel: `Test-ComputerSecureChannel "
                 "-Repair`."},
  {"ERROR_TIME_SKEW", 1398, W32, CAT_INFRASTRUCTURE, 0,
   "There is a time and/or date difference between the client and server.",
   .severity = HIGH,
   .summary = "The clocks of the client and the server (or domain controller) "
              "differ by more than Kerberos allows (5 minutes by default).",
   .causes = "The client or a domain controller is not synchronising time with "
             "the domain hierarchy.\n"
             "A virtual machine took its time from the host instead of the "
             "domain.\n"
             "The PDC emulator uses an unreliable external time source.",
   .resolution = "Compare clocks: `w32tm /stripchart /computer:<dc> /samples:3`.\n"
                 "Resynchronise: `w32tm /resync`; check `w32tm /query /source` on "
                 "the client and the PDC emulator.\n"
                 "Disable host time synchronisation for domain-joined virtual "
                 "machines where it conflicts."},
  {"ERROR_NO_TRUST_LSA_SECRET", 1786, W32, CAT_INFRASTRUCTURE, 0,
   "The workstation does not have a trust secret.",
   .severity = HIGH,
   .summary = "The workstation has no trust secret for its domain, so its secure "
              "channel cannot be set up.",
   .causes = "The local LSA secret holding the machine account password was lost "
             "(re-imaging, restore from an old backup, cloning).\n"
             "The machine was removed from the domain incompletely.",
   .resolution = "Repair the secure channel with `Test-ComputerSecureChannel "
                 "-Repair` or `netdom resetpwd`, or rejoin the domain."},
  {"ERROR_NO_TRUST_SAM_ACCOUNT", 1787, W32, CAT_INFRASTRUCTURE, 0,
   "The security database on the server does not have a computer account for this workstation trust relationship.",
   .severity = HIGH,
   .summary = "The domain has no computer account for this workstation, so its "
              "trust relationship cannot be used.",
   .causes = "The computer account was deleted or never created in Active "
             "Directory.\n"
             "The machine was cloned without being rejoined (duplicate names).",
   .resolution = "Recreate the computer account by rejoining the machine to the "
                 "domain."},
  {"ERROR_TRUSTED_DOMAIN_FAILURE", 1788, W32, CAT_INFRASTRUCTURE, 0,
   "The trust relationship between the primary domain and the trusted domain failed.",
   .severity = HIGH,
   .summary = "The trust between the primary domain and a trusted domain failed, "
              "so users of that domain cannot authenticate here.",
   .causes = "The trust password between the domains is out of sync.\n"
             "Domain controllers of the trusted domain cannot be reached (DNS, "
             "firewall).",
   .resolution = "Verify the trust: `nltest /sc_verify:<trusted domain>` or "
                 "`Test-ComputerSecureChannel` on a domain controller, and reset it "
                 "with `netdom trust ... /reset` if needed.\n"
                 "Check name resolution and connectivity to the trusted domain's "
                 "controllers."},
  {"ERROR_TRUSTED_RELATIONSHIP_FAILURE", 1789, W32, CAT_INFRASTRUCTURE, 0,
   "The trust relationship between this workstation and the primary domain failed.",
   .severity = HIGH,
   .summary = "The trust relationship between this workstation and its domain "
              "failed: the machine account password no longer matches.",
   .causes = "The computer was restored from a snapshot or backup older than its "
             "last machine password change.\n"
             "The computer account was reset or recreated in Active Directory.",
   .resolution = "Log on with a local administrator account and run "
                 "`Test-ComputerSecureChannel -Repair -Credential <domain admin>`, "
                 "or rejoin the domain.\n"
                 "Avoid restoring domain members from old snapshots without "
                 "repairing the channel afterwards."},
  {"ERROR_TRUST_FAILURE", 1790, W32, CAT_INFRASTRUCTURE, 0,
   "The network logon failed.",
   .severity = HIGH,
   .summary = "The network logon failed because the validation authority could "
              "not be reached or the trust path failed.",
   .causes = "Netlogon could not contact a domain controller of the account's "
             "domain.\n"
             "A trust on the path to the account's domain is broken.",
   .resolution = "Run `nltest /sc_query:<domain>` to check the secure channel, and "
                 "`nltest /dsgetdc:<domain>` to find a domain controller.\n"
                 "Repair broken trusts and name resolution between the domains."},
  {"ERROR_NETLOGON_NOT_STARTED", 1792, W32, CAT_INFRASTRUCTURE, 0,
   "An attempt was made to logon, but the network logon service was not started.",
   .severity = HIGH,
   .summary = "A logon needed the Netlogon service, which is not running.",
   .causes = "The Netlogon service is stopped or disabled on the machine or on "
             "the domain controller.\n"
             "The machine is in a state (early boot, safe mode) where Netlogon "
             "has not started.",
   .resolution = "Start Netlogon (`sc start netlogon`) and set it to automatic on "
                 "domain members and controllers.\n"
                 "Check the System log for why it stopped."},
  {"ERROR_ACCOUNT_EXPIRED", 1793, W32, CAT_ACCOUNT, 0,
   "The user's account has expired.",
   .severity = MEDIUM,
   .summary = "The account's expiry date has passed, so it can no longer log on.",
   .causes = "The accountExpires attribute was set (contractors, temporary "
             "staff) and has been reached.",
   .resolution = "If the account is still needed, extend its expiry date "
                 "(`Set-ADAccountExpiration`), or clear it."},
  {"ERROR_NOLOGON_INTERDOMAIN_TRUST_ACCOUNT", 1807, W32, CAT_ACCOUNT, 0,
   "The account used is an interdomain trust account. Use your global user account or local user account to access this server.",
   .severity = MEDIUM,
   .summary = "The logon used an interdomain trust account, which exists only for "
              "trusts and may not be used to log on.",
   .causes = "Someone or something tried to authenticate with the DOMAIN$ "
             "account that represents a trust.",
   .resolution = "Use a user account; investigate the source if the attempt was not "
                 "expected."},
  {"ERROR_NOLOGON_WORKSTATION_TRUST_ACCOUNT", 1808, W32, CAT_ACCOUNT, 0,
   "The account used is a computer account. Use your global user account or local user account to access this server.",
   .severity = LOW,
   .summary = "The logon used a computer account (a workstation trust account) "
              "where a user account is required.",
   .causes = "A computer account (NAME$) was used for a logon type that computer "
             "accounts may not perform.\n"
             "A domain join or secure-channel setup probed the account; the "
             "error is then expected and harmless.",
   .resolution = "Use a user account for the operation; ignore the event when it "
                 "accompanies normal machine authentication."},
  {"ERROR_NOLOGON_SERVER_TRUST_ACCOUNT", 1809, W32, CAT_ACCOUNT, 0,
   "The account used is a server trust account. Use your global user account or local user account to access this server.",
   .severity = LOW,
   .summary = "The logon used a server trust account (a domain controller's "
              "computer account) where a user account is required.",
   .causes = "A domain controller's machine account was used for a user-style "
             "logon, as happens in some replication or probe traffic.",
   .resolution = "Use a user account; investigate only if the attempts are "
                 "unexpected."},
  {"ERROR_DOMAIN_TRUST_INCONSISTENT", 1810, W32, CAT_INFRASTRUCTURE, 0,
   "The name or security ID (SID) of the domain specified is inconsistent with the trust information for that domain.",
   .severity = HIGH,
   .summary = "The name or SID of a domain does not match the trust information "
              "held for it.",
   .causes = "The trusted domain was rebuilt with a new SID, or the trust was "
             "created with the wrong name.\n"
             "Stale trust objects remain after a domain was renamed or removed.",
   .resolution = "Delete and recreate the trust, then verify it with `nltest "
                 "/domain_trusts /v`."},
  {"ERROR_PASSWORD_MUST_CHANGE", 1907, W32, CAT_CREDENTIALS, 0,
   "The user's password must be changed before signing in.",
   .severity = LOW,
   .summary = "The user must change the password before signing in, because an "
              "administrator set 'User must change password at next logon' or "
              "reset it.",
   .causes = "pwdLastSet is 0 on the account (an administrator reset the "
             "password or ticked the option).",
   .resolution = "Have the user change the password at an interactive sign-in, or "
                 "through a password-change portal.\n"
                 "For service accounts, clear 'User must change password at next "
                 "logon'."},
  {"ERROR_DOMAIN_CONTROLLER_NOT_FOUND", 1908, W32, CAT_INFRASTRUCTURE, 0,
   "Could not find the domain controller for this domain.",
   .severity = HIGH,
   .summary = "No domain controller could be found for the domain.",
   .causes = "DNS cannot resolve the domain's SRV records.\n"
             "All domain controllers are unreachable from this site.",
   .resolution = "Run `nltest /dsgetdc:<domain>` and check the client's DNS servers.\n"
                 "Check connectivity to domain controllers and site configuration."},
  {"ERROR_ACCOUNT_LOCKED_OUT", 1909, W32, CAT_ACCOUNT, 0,
   "The referenced account is currently locked out and may not be logged on to.",
   .severity = MEDIUM,
   .summary = "The account is locked out after too many failed logon attempts and "
              "may not be used until it is unlocked or the lockout expires.",
   .causes = "A stale password stored on a device, service, scheduled task or "
             "mapped drive keeps failing.\n"
             "A user mistyped the password repeatedly.\n"
             "Password-guessing against the account.",
   .resolution = "Unlock the account (`Unlock-ADAccount`) once the source of bad "
                 "passwords is known.\n"
                 "Find the source: event 4740 on the PDC emulator names the caller "
                 "computer; then look at that computer's 4625 events."},
  {"ERROR_AUTHENTICATION_FIREWALL_FAILED", 1935, W32, CAT_POLICY, 0,
   "The computer you are signing into is protected by an authentication firewall. The specified account is not allowed to authenticate to the computer.",
   .severity = MEDIUM,
   .summary = "Selective authentication on a trust blocks this account from "
              "authenticating to this computer.",
   .causes = "The forest trust uses selective authentication and the account "
             "lacks the 'Allowed to authenticate' permission on the computer "
             "object.",
   .resolution = "Grant 'Allowed to authenticate' on the computer object to the user "
                 "or group, or change the trust's authentication scope."},
  {"ERROR_NTLM_BLOCKED", 1937, W32, CAT_POLICY, 0,
   "Authentication failed because NTLM authentication has been disabled.",
   .severity = MEDIUM,
   .summary = "Authentication failed because NTLM is disabled by policy and "
              "Kerberos could not be used.",
   .causes = "'Network security: Restrict NTLM' policies block NTLM for this "
             "client, server or domain.\n"
             "Kerberos failed (missing SPN, connection by IP address, no line of "
             "sight to a domain controller), so the client fell back to NTLM.",
   .resolution = "Make Kerberos work: connect by the DNS name that carries an SPN, "
                 "register missing SPNs, ensure the client can reach a KDC.\n"
                 "Review the NTLM operational log "
                 "(Microsoft-Windows-NTLM/Operational) and add a narrow exception "
                 "only if needed."},
  {"ERROR_PASSWORD_CHANGE_REQUIRED", 1938, W32, CAT_CREDENTIALS, 0,
   "Logon Failure: EAS policy requires that the user change their password before this operation can be performed.",
   .severity = LOW,
   .summary = "An Exchange ActiveSync (EAS) policy requires the user to change "
              "the password before the operation can be performed.",
   .causes = "An EAS policy applied to the device demands a password change.",
   .resolution = "Have the user change the account password, then retry the "
                 "operation."},
  {"STATUS_INVALID_PARAMETER", 0xC000000D, NT, CAT_GENERAL, 87,
   "An invalid parameter was passed to a service or function.",
   .summary = "The NTSTATUS form of an invalid argument: a service or function "
              "rejected a parameter."},
  {"STATUS_ACCESS_DENIED", 0xC0000022, NT, CAT_GENERAL, 5,
   "{Access Denied} A process has requested access to an object, but has not been granted those access rights.",
   .summary = "The NTSTATUS form of access denied: the caller was not granted the "
              "access it asked for."},
  {"STATUS_NO_IMPERSONATION_TOKEN", 0xC000005C, NT, CAT_SESSION, 1309,
   "An attempt has been made to operate on an impersonation token by a thread that is not currently impersonating a client.",
   .summary = "The NTSTATUS form of ERROR_NO_IMPERSONATION_TOKEN: the thread is "
              "not impersonating a client."},
  {"STATUS_NO_LOGON_SERVERS", 0xC000005E, NT, CAT_INFRASTRUCTURE, 1311,
   "We can't sign you in with this credential because your domain isn't available. Make sure your device is connected to your organization's network and try again. If you previously signed in on this device with another credential, you can sign in with that credential.",
   .summary = "No domain controller was available to authenticate the logon; in "
              "event 4625 this is the Status of domain logons that could not "
              "reach a DC.",
   .diagnosis = "In event 4625, note the Workstation Name and Source Network "
                "Address: the failure is on the path from that machine (or this "
                "one) to a domain controller.\n"
                "On the failing machine run `nltest /dsgetdc:<domain> /force` and "
                "`nslookup -type=SRV _ldap._tcp.dc._msdcs.<domain>`.\n"
                "Check the System log for Netlogon events 5719 (no DC available) "
                "and 5783/5722 (secure channel).\n"
                "Test ports 88, 389, 445 and 135 to a domain controller from the "
                "failing machine."},
  {"STATUS_NO_SUCH_LOGON_SESSION", 0xC000005F, NT, CAT_SESSION, 1312,
   "A specified logon session does not exist. It may already have been terminated.",
   .summary = "A logon session with the given logon ID does not exist: returned "
              "by LsaGetLogonSessionData, DeleteLogonSession and SSPI calls for a "
              "session that ended or was never created.",
   .faq = "When does LsaGetLogonSessionData return STATUS_NO_SUCH_LOGON_SESSION?\t"
          "When the LUID it was given no longer names a session, typically "
          "because the session ended after LsaEnumerateLogonSessions listed "
          "it.\n"
          "What Win32 error does it become?\t"
          "RtlNtStatusToDosError and LsaNtStatusToWinError turn it into "
          "ERROR_NO_SUCH_LOGON_SESSION (1312).",
   .related = "ERROR_NO_SUCH_LOGON_SESSION STATUS_BAD_LOGON_SESSION_STATE "
               "STATUS_LOGON_SESSION_COLLISION STATUS_LOGON_SESSION_EXISTS "
               "STATUS_INVALID_PARAMETER"},
  {"STATUS_PRIVILEGE_NOT_HELD", 0xC0000061, NT, CAT_POLICY, 1314,
   "A required privilege is not held by the client.",
   .summary = "The NTSTATUS form of ERROR_PRIVILEGE_NOT_HELD: a required "
              "privilege is not held or not enabled."},
  {"STATUS_INVALID_ACCOUNT_NAME", 0xC0000062, NT, CAT_ACCOUNT, 1315,
   "The name provided is not a properly formed account name.",
   .summary = "The account name in the request is not a properly formed name."},
  {"STATUS_NO_SUCH_USER", 0xC0000064, NT, CAT_ACCOUNT, 1317,
   "The specified account does not exist.",
   .summary = "The user name does not exist; in event 4625 and 4776 this Sub "
              "Status means the account name is unknown to the domain that "
              "checked it.",
   .diagnosis = "Read the Account Name and Account Domain in event 4625 (or Logon "
                "Account in 4776): look for typos, old names, or a local name sent "
                "to the domain.\n"
                "Check whether the account exists: `Get-ADUser -Identity <name>` or "
                "`net user <name> /domain`.\n"
                "If many different names fail from one Source Network Address, "
                "treat it as password spraying or user enumeration and block or "
                "investigate that address.\n"
                "If one name fails repeatedly from a device, look for a deleted or "
                "renamed account still configured on that device or service."},
  {"STATUS_WRONG_PASSWORD", 0xC000006A, NT, CAT_CREDENTIALS, 86,
   "When trying to update a password, this return status indicates that the value provided as the current password is not correct.",
   .summary = "The password supplied was wrong; in event 4625/4776 this Sub "
              "Status means the user name exists but the password is incorrect. "
              "It maps to ERROR_INVALID_PASSWORD (86), not ERROR_WRONG_PASSWORD.",
   .causes = "The user mistyped the password.\n"
             "A stored password (service, scheduled task, mapped drive, mobile "
             "mail client, Credential Manager) is out of date after a change.\n"
             "Someone is guessing the account's password.",
   .diagnosis = "In event 4625 read Logon Type, Workstation Name and Source Network "
                "Address to find the device sending the bad password.\n"
                "On a domain controller, event 4776 shows the Source Workstation "
                "for NTLM; event 4771 (Kerberos pre-authentication failed, failure "
                "code 0x18) is the Kerberos equivalent.\n"
                "On the source device, list stored credentials (`cmdkey /list`), "
                "services and scheduled tasks running as the account.\n"
                "Compare with the account's pwdLastSet: failures that start right "
                "after a password change point at a stored old password."},
  {"STATUS_ILL_FORMED_PASSWORD", 0xC000006B, NT, CAT_CREDENTIALS, 1324,
   "When trying to update a password, this return status indicates that the value provided for the new password contains values that are not allowed in passwords.",
   .summary = "A password update failed: the new password contains values not "
              "allowed in passwords."},
  {"STATUS_PASSWORD_RESTRICTION", 0xC000006C, NT, CAT_CREDENTIALS, 1325,
   "When trying to update a password, this status indicates that some password update rule has been violated. For example, the password may not meet length criteria.",
   .summary = "A password update failed because a password rule was violated, for "
              "example the length requirement."},
  {"STATUS_LOGON_FAILURE", 0xC000006D, NT, CAT_CREDENTIALS, 1326,
   "The attempted logon is invalid. This is either due to a bad username or authentication information.",
   .summary = "The logon attempt is invalid because of a bad user name or bad "
              "authentication information; the generic Status of event 4625, "
              "refined by its Sub Status.",
   .diagnosis = "Read the Sub Status of the same 4625 event: 0xC0000064 (unknown "
                "user), 0xC000006A (bad password), 0xC0000234 (locked out) and the "
                "like say what exactly failed.\n"
                "Note Logon Type (2 interactive, 3 network, 4 batch, 5 service, 10 "
                "remote interactive) to know which mechanism failed.\n"
                "Use Source Network Address and Workstation Name to find the "
                "client, and Logon Process / Authentication Package (NtLmSsp, "
                "Kerberos) to know the protocol.\n"
                "A burst of failures for many accounts from one address suggests "
                "password spraying; for one account, a stale stored password."},
  {"STATUS_ACCOUNT_RESTRICTION", 0xC000006E, NT, CAT_ACCOUNT, 1327,
   "Indicates a referenced user name and authentication information are valid, but some user account restriction has prevented successful authentication (such as time-of-day restrictions).",
   .summary = "The user name and password are valid but an account restriction "
              "prevented the logon; in event 4625 a Sub Status gives the "
              "restriction.",
   .diagnosis = "Read the Sub Status of the 4625 event: logon hours (0xC000006F), "
                "workstation (0xC0000070), expired password (0xC0000071), disabled "
                "(0xC0000072) and others each name the restriction.\n"
                "If the account has a blank password, check 'Accounts: Limit local "
                "account use of blank passwords to console logon only'.\n"
                "Check membership of Protected Users and any authentication policy "
                "silo (event 4820/4822 on domain controllers)."},
  {"STATUS_INVALID_LOGON_HOURS", 0xC000006F, NT, CAT_POLICY, 1328,
   "The user account has time restrictions and may not be logged onto at this time.",
   .summary = "The account tried to log on outside its allowed logon hours (event "
              "4625 Sub Status).",
   .diagnosis = "Open the account's Logon Hours (Active Directory Users and "
                "Computers > Account tab) and compare them with the time in the "
                "4625 event.\n"
                "Remember logon hours are evaluated in the domain controller's time "
                "zone: check for time-zone mismatches.\n"
                "For service or batch accounts, make sure no logon-hours limit was "
                "copied from a user template."},
  {"STATUS_INVALID_WORKSTATION", 0xC0000070, NT, CAT_POLICY, 1329,
   "The user account is restricted such that it may not be used to log on from the source workstation.",
   .summary = "The account is not allowed to log on from this workstation (event "
              "4625 Sub Status), by its Log On To list or an authentication "
              "policy silo.",
   .diagnosis = "Compare the Workstation Name in the 4625 event with the account's "
                "Log On To list (userWorkstations attribute: `Get-ADUser <name> "
                "-Properties userWorkstations`).\n"
                "Note that Log On To lists use NetBIOS names; connections by IP "
                "address or from renamed machines fail.\n"
                "On domain controllers, look for event 4820 (authentication policy "
                "silo denied a TGT)."},
  {"STATUS_PASSWORD_EXPIRED", 0xC0000071, NT, CAT_CREDENTIALS, 1330,
   "The user account's password has expired.",
   .summary = "The account's password has expired (event 4625 Sub Status); the "
              "user must change it.",
   .diagnosis = "Check the account's password age: `Get-ADUser <name> -Properties "
                "PasswordLastSet,PasswordNeverExpires,msDS-UserPasswordExpiryTimeComputed`.\n"
                "Find which password policy applies "
                "(`Get-ADUserResultantPasswordPolicy <name>`, else the default "
                "domain policy).\n"
                "If it is a service account, find every service and task using it "
                "before resetting the password."},
  {"STATUS_ACCOUNT_DISABLED", 0xC0000072, NT, CAT_ACCOUNT, 1331,
   "The referenced account is currently disabled and may not be logged on to.",
   .summary = "The account is disabled (event 4625 Sub Status).",
   .diagnosis = "Confirm the state: `Get-ADUser <name> -Properties "
                "Enabled,whenChanged`.\n"
                "Find who disabled it: event 4725 on the domain controllers, at or "
                "before whenChanged.\n"
                "If the account belongs to a leaver, find and reconfigure the "
                "device or service still using it."},
  {"STATUS_BAD_IMPERSONATION_LEVEL", 0xC00000A5, NT, CAT_SESSION, 1346,
   "A specified impersonation level is invalid. Also used to indicate a required impersonation level was not provided.",
   .summary = "The impersonation level of the token is invalid or too low for the "
              "operation."},
  {"STATUS_INVALID_SERVER_STATE", 0xC00000DC, NT, CAT_INFRASTRUCTURE, 1352,
   "Indicates the Sam Server was in the wrong state to perform the desired operation.",
   .summary = "The SAM server was in the wrong state to perform the operation "
              "(event 4625/4776 Status).",
   .diagnosis = "Check the domain controller that handled the logon (4776 names it "
                "by the log it is in): is it starting, shutting down or in "
                "Directory Services Restore Mode?\n"
                "Run `dcdiag /v` and check the Directory Service and System logs on "
                "that controller for SAM or NTDS errors.\n"
                "Retry against another domain controller (`nltest /dsgetdc:<domain> "
                "/force`) to confirm the problem is local to one DC."},
  {"STATUS_NO_SUCH_DOMAIN", 0xC00000DF, NT, CAT_INFRASTRUCTURE, 1355,
   "The specified Domain did not exist.",
   .summary = "The specified domain did not exist or could not be contacted."},
  {"STATUS_NOT_LOGON_PROCESS", 0xC00000ED, NT, CAT_SESSION, 1362,
   "The requested action is restricted for use by logon processes only. The calling process has not registered as a logon process.",
   .summary = "The caller has not registered as a logon process but used an LSA "
              "call reserved for logon processes."},
  {"STATUS_LOGON_SESSION_EXISTS", 0xC00000EE, NT, CAT_SESSION, 1363,
   "An attempt has been made to start a new session manager or LSA logon session with an ID that is already in use.",
   .summary = "The session manager or the LSA refused to open a session because "
              "its logon ID (LUID) already belongs to a live session.",
   .faq = "Who returns STATUS_LOGON_SESSION_EXISTS?\t"
          "The LSA and the session manager, when an authentication package or "
          "component requests a session under a logon ID that is taken.\n"
          "What Win32 error does it become?\t"
          "ERROR_LOGON_SESSION_EXISTS (1363).",
   .related = "ERROR_LOGON_SESSION_EXISTS STATUS_LOGON_SESSION_COLLISION "
               "STATUS_NO_SUCH_LOGON_SESSION STATUS_BAD_LOGON_SESSION_STATE"},
  {"STATUS_NO_SUCH_PACKAGE", 0xC00000FE, NT, CAT_SESSION, 1364,
   "A specified authentication package is unknown.",
   .summary = "The authentication package named in the request is unknown to the "
              "LSA."},
  {"STATUS_BAD_LOGON_SESSION_STATE", 0xC0000104, NT, CAT_SESSION, 1365,
   "The logon session is not in a state that is consistent with the requested operation.",
   .summary = "The session exists but cannot undergo the requested operation now; "
              "DeleteLogonSession returns it when the session's reference count "
              "prevents deletion.",
   .faq = "When does DeleteLogonSession return STATUS_BAD_LOGON_SESSION_STATE?\t"
          "When the session is still referenced, which Microsoft describes as "
          "a serious problem: the operating system and the authentication "
          "package both believe they own the session.\n"
          "What Win32 error does it become?\t"
          "ERROR_BAD_LOGON_SESSION_STATE (1365).",
   .related = "ERROR_BAD_LOGON_SESSION_STATE STATUS_NO_SUCH_LOGON_SESSION "
               "STATUS_LOGON_SESSION_COLLISION STATUS_LOGON_SESSION_EXISTS"},
  {"STATUS_LOGON_SESSION_COLLISION", 0xC0000105, NT, CAT_SESSION, 1366,
   "An internal LSA error has occurred. An authentication package has requested the creation of a Logon Session but the ID of an already existing Logon Session has been specified.",
   .summary = "The LSA's CreateLogonSession callback refused a new session "
              "because another logon session already uses the logon ID the "
              "authentication package supplied.",
   .faq = "Which call returns STATUS_LOGON_SESSION_COLLISION?\t"
          "The CreateLogonSession callback (LSA_CREATE_LOGON_SESSION) that "
          "the LSA gives authentication packages, when the LUID passed in is "
          "already in use.\n"
          "What Win32 error does it become?\t"
          "ERROR_LOGON_SESSION_COLLISION (1366).",
   .related = "ERROR_LOGON_SESSION_COLLISION STATUS_LOGON_SESSION_EXISTS "
               "STATUS_NO_SUCH_LOGON_SESSION STATUS_BAD_LOGON_SESSION_STATE"},
  {"STATUS_INVALID_LOGON_TYPE", 0xC000010B, NT, CAT_SESSION, 1367,
   "Indicates an invalid value has been provided for the LogonType requested.",
   .summary = "An invalid value was given for the requested logon type."},
  {"STATUS_CANNOT_IMPERSONATE", 0xC000010D, NT, CAT_SESSION, 1368,
   "Indicates that an attempt has been made to impersonate via a named pipe that has not yet been read from.",
   .summary = "An attempt was made to impersonate through a named pipe that has "
              "not yet been read from."},
  {"STATUS_SPECIAL_ACCOUNT", 0xC0000124, NT, CAT_ACCOUNT, 1371,
   "Indicates an operation has been attempted on a built-in (special) SAM account which is incompatible with built-in accounts. For example, built-in accounts cannot be deleted.",
   .summary = "The operation is incompatible with a built-in (special) SAM "
              "account."},
  {"STATUS_TIME_DIFFERENCE_AT_DC", 0xC0000133, NT, CAT_INFRASTRUCTURE, 1398,
   "The time at the Primary Domain Controller is different than the time at the Backup Domain Controller or member server by too large an amount.",
   .summary = "The clock of the client or server differs too much from the domain "
              "controller's (event 4625 Sub Status); Kerberos rejects the logon.",
   .diagnosis = "Compare the time on the failing Workstation Name (from the 4625 "
                "event) with a domain controller: `w32tm /stripchart /computer:<dc> "
                "/samples:3 /dataonly`.\n"
                "Check the time source chain: `w32tm /query /source` and `/status` "
                "on the client, a DC, and the PDC emulator.\n"
                "Look for virtual machines taking time from their host, and for the "
                "System log's Time-Service events."},
  {"STATUS_WRONG_PASSWORD_CORE", 0xC0000149, NT, CAT_CREDENTIALS, 86,
   "{Incorrect Password to LAN Manager Server} You specified an incorrect password to a LAN Manager 2.x or MS-NET server.",
   .summary = "An incorrect password was given to a LAN Manager 2.x or MS-NET "
              "server."},
  {"STATUS_LOGON_NOT_GRANTED", 0xC0000155, NT, CAT_POLICY, 1380,
   "A requested type of logon (e.g., Interactive, Network, Service) is not granted by the target system's local security policy. Please ask the system administrator to grant the necessary form of logon.",
   .summary = "The target system's local security policy does not grant the "
              "requested type of logon."},
  {"STATUS_TOO_MANY_SECRETS", 0xC0000156, NT, CAT_INFRASTRUCTURE, 1381,
   "The maximum number of secrets that may be stored in a single system has been exceeded. The length and number of secrets is limited to satisfy United States State Department export restrictions.",
   .summary = "The LSA has reached the maximum number of secrets it can store."},
  {"STATUS_LOGON_TYPE_NOT_GRANTED", 0xC000015B, NT, CAT_POLICY, 1385,
   "A user has requested a type of logon (e.g., interactive or network) that has not been granted. An administrator has control over who may logon interactively and through the network.",
   .summary = "The user has not been granted the requested logon type on this "
              "computer (event 4625 Sub Status), or a deny right blocks it.",
   .diagnosis = "Note the Logon Type in the 4625 event: 2 needs 'Allow log on "
                "locally', 3 'Access this computer from the network', 4 'Log on as "
                "a batch job', 5 'Log on as a service', 10 'Allow log on through "
                "Remote Desktop Services'.\n"
                "On the target computer, run `gpresult /h report.html` and check "
                "User Rights Assignment for the matching allow right and any 'Deny "
                "log on ...' right.\n"
                "Check the account's group memberships against those rights "
                "(`whoami /groups` as the user, or "
                "`Get-ADPrincipalGroupMembership`)."},
  {"STATUS_NT_CROSS_ENCRYPTION_REQUIRED", 0xC000015D, NT, CAT_CREDENTIALS, 1386,
   "An attempt was made to change a user password in the security account manager without providing the necessary Windows cross-encrypted password.",
   .summary = "A password change in the SAM was attempted without the required "
              "Windows cross-encrypted password."},
  {"STATUS_LM_CROSS_ENCRYPTION_REQUIRED", 0xC000017F, NT, CAT_CREDENTIALS, 1390,
   "An attempt was made to change a user password in the security account manager without providing the necessary LM cross-encrypted password.",
   .summary = "A password change in the SAM was attempted without the required LM "
              "cross-encrypted password."},
  {"STATUS_NO_TRUST_LSA_SECRET", 0xC000018A, NT, CAT_INFRASTRUCTURE, 1786,
   "The workstation does not have a trust secret for the primary domain in the local LSA database.",
   .summary = "The workstation has no trust secret for its primary domain in the "
              "local LSA database."},
  {"STATUS_NO_TRUST_SAM_ACCOUNT", 0xC000018B, NT, CAT_INFRASTRUCTURE, 1787,
   "The SAM database on the Windows Server does not have a computer account for this workstation trust relationship.",
   .summary = "The domain's SAM database has no computer account for this "
              "workstation's trust relationship."},
  {"STATUS_TRUSTED_DOMAIN_FAILURE", 0xC000018C, NT, CAT_INFRASTRUCTURE, 1788,
   "The logon request failed because the trust relationship between the primary domain and the trusted domain failed.",
   .summary = "The logon failed because the trust between the primary domain and "
              "the account's trusted domain failed (event 4625 Status).",
   .diagnosis = "Read the Account Domain in the 4625 event: it names the trusted "
                "domain whose trust failed.\n"
                "On a domain controller of this domain, run `nltest "
                "/sc_verify:<trusted domain>` and `nltest /dsgetdc:<trusted "
                "domain>`.\n"
                "Check DNS conditional forwarders and firewall rules between the "
                "domains, then reset the trust if the secure channel is broken "
                "(`netdom trust <this> /domain:<trusted> /reset`)."},
  {"STATUS_TRUSTED_RELATIONSHIP_FAILURE", 0xC000018D, NT, CAT_INFRASTRUCTURE, 1789,
   "The logon request failed because the trust relationship between this workstation and the primary domain failed.",
   .summary = "The logon failed because the trust between this workstation and "
              "its domain failed."},
  {"STATUS_TRUST_FAILURE", 0xC0000190, NT, CAT_INFRASTRUCTURE, 1790,
   "The network logon failed. This may be because the validation authority can't be reached.",
   .summary = "The network logon failed, possibly because the validation "
              "authority could not be reached."},
  {"STATUS_NETLOGON_NOT_STARTED", 0xC0000192, NT, CAT_INFRASTRUCTURE, 1792,
   "An attempt was made to logon, but the netlogon service was not started.",
   .summary = "A logon needed the Netlogon service, which was not started (event "
              "4625 Status).",
   .diagnosis = "On the computer that logged event 4625 and on its domain "
                "controller, check `sc query netlogon`.\n"
                "Read the System log for why Netlogon stopped or failed to start "
                "(Service Control Manager events 7023/7024, Netlogon events).\n"
                "After a restart, confirm the secure channel: `nltest "
                "/sc_query:<domain>`."},
  {"STATUS_ACCOUNT_EXPIRED", 0xC0000193, NT, CAT_ACCOUNT, 1793,
   "The user's account has expired.",
   .summary = "The user's account has expired (event 4625/4776 Sub Status).",
   .diagnosis = "Check the expiry date: `Get-ADUser <name> -Properties "
                "AccountExpirationDate`.\n"
                "Ask the account's owner or HR whether the account should still be "
                "active before extending it.\n"
                "Find the device or service in the 4625 event (Workstation Name, "
                "Source Network Address) that still uses the expired account."},
  {"STATUS_NETWORK_CREDENTIAL_CONFLICT", 0xC0000195, NT, CAT_SESSION, 1219,
   "Multiple connections to a server or shared resource by the same user, using more than one user name, are not allowed. Disconnect all previous connections to the server or shared resource and try again.",
   .summary = "A second connection to the same server under a different user name "
              "was refused; it maps to ERROR_SESSION_CREDENTIAL_CONFLICT (1219)."},
  {"STATUS_NOLOGON_INTERDOMAIN_TRUST_ACCOUNT", 0xC0000198, NT, CAT_ACCOUNT, 1807,
   "The account used is an Interdomain Trust account. Use your global user account or local user account to access this server.",
   .summary = "The account is an interdomain trust account, which cannot be used "
              "to log on."},
  {"STATUS_NOLOGON_WORKSTATION_TRUST_ACCOUNT", 0xC0000199, NT, CAT_ACCOUNT, 1808,
   "The account used is a Computer Account. Use your global user account or local user account to access this server.",
   .summary = "The account is a computer account, which cannot be used for this "
              "logon."},
  {"STATUS_NOLOGON_SERVER_TRUST_ACCOUNT", 0xC000019A, NT, CAT_ACCOUNT, 1809,
   "The account used is an Server Trust account. Use your global user account or local user account to access this server.",
   .summary = "The account is a server trust account, which cannot be used for "
              "this logon."},
  {"STATUS_DOMAIN_TRUST_INCONSISTENT", 0xC000019B, NT, CAT_INFRASTRUCTURE, 1810,
   "The name or SID of the domain specified is inconsistent with the trust information for that domain.",
   .summary = "The name or SID of the domain does not match the trust information "
              "for it."},
  {"STATUS_NO_USER_SESSION_KEY", 0xC0000202, NT, CAT_SESSION, 1394,
   "There is no user session key for the specified logon session.",
   .summary = "There is no user session key for the specified logon session."},
  {"STATUS_PASSWORD_MUST_CHANGE", 0xC0000224, NT, CAT_CREDENTIALS, 1907,
   "The user's password must be changed before signing in.",
   .summary = "The user's password must be changed before signing in (event 4625 "
              "Sub Status), usually after an administrator reset.",
   .diagnosis = "Check whether 'User must change password at next logon' is set: "
                "`Get-ADUser <name> -Properties pwdLastSet` (0 means it is).\n"
                "If the failing logon is a network or service logon (Logon Type 3, "
                "4 or 5 in the 4625 event), the user cannot change the password "
                "from there: have them sign in interactively or use a "
                "change-password portal.\n"
                "For service accounts, clear the flag and set a password instead."},
  {"STATUS_DOMAIN_CONTROLLER_NOT_FOUND", 0xC0000233, NT, CAT_INFRASTRUCTURE, 1908,
   "Could not find a domain controller for this domain.",
   .summary = "No domain controller could be found for the domain."},
  {"STATUS_ACCOUNT_LOCKED_OUT", 0xC0000234, NT, CAT_ACCOUNT, 1909,
   "The user account has been automatically locked because too many invalid logon attempts or password change attempts have been requested.",
   .summary = "The account is locked out after too many bad passwords (event "
              "4625/4776 Sub Status).",
   .diagnosis = "On the PDC emulator, find event 4740 for the account: its Caller "
                "Computer Name is the machine that sent the last bad password.\n"
                "On that machine, look at its 4625 events (Process Name, Logon "
                "Type) and stored credentials (`cmdkey /list`, services, scheduled "
                "tasks, mapped drives).\n"
                "Check the lockout policy (`Get-ADDefaultDomainPasswordPolicy`: "
                "LockoutThreshold, LockoutObservationWindow) to understand how "
                "quickly it re-locks.\n"
                "If the source is external (VPN, OWA, RDP gateway), treat it as a "
                "possible attack and check those logs."},
  {"STATUS_MUTUAL_AUTHENTICATION_FAILED", 0xC00002C3, NT, CAT_INFRASTRUCTURE, 1397,
   "Mutual Authentication failed. The server's password is out of date at the domain controller.",
   .summary = "Mutual authentication failed because the server's password is out "
              "of date at the domain controller."},
  {"STATUS_PASSWORD_CHANGE_REQUIRED", 0xC000030C, NT, CAT_CREDENTIALS, 1938,
   "EAS policy requires that the user change their password before this operation can be performed.",
   .summary = "An EAS policy requires the user to change the password before the "
              "operation can be performed."},
  {"STATUS_AUTHENTICATION_FIREWALL_FAILED", 0xC0000413, NT, CAT_POLICY, 1935,
   "Logon Failure: The machine you are logging onto is protected by an authentication firewall. The specified account is not allowed to authenticate to the machine.",
   .summary = "Selective authentication blocked the account: it is not allowed to "
              "authenticate to this computer (event 4625 Status).",
   .diagnosis = "Read the Account Domain in the 4625 event: it is a domain across a "
                "trust configured for selective authentication.\n"
                "Check the computer object's security for the 'Allowed to "
                "authenticate' permission for that user or a group it belongs to.\n"
                "Confirm the trust's authentication scope in Active Directory "
                "Domains and Trusts (Selective vs Forest-wide)."},
  {"STATUS_NTLM_BLOCKED", 0xC0000418, NT, CAT_POLICY, 1937,
   "The authentication failed since NTLM was blocked.",
   .summary = "NTLM authentication was blocked by policy."},
};

const logonerr_entry *logonerr_catalog(size_t *count) {
  *count = sizeof catalog / sizeof catalog[0];
  return catalog;
}
