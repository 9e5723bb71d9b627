--- The finding rules as data: for each kind of finding its title, its
-- severity, and what to check next under each reading of the evidence.
-- A finding's evidence supports one reading: "attacker" (someone is trying
-- passwords or harvesting tickets) or "stale_credential" (something
-- legitimate still holds an old or wrong password, or is misconfigured).
-- Triage picks the reading; this file says what each means for the
-- responder.  One place to read and to edit.
-- @module logonerr.events.rules

local M = {}

--- Severities, most urgent first: findings are sorted in this order.
M.SEVERITIES = { "critical", "high", "medium", "low" }
M.RANK = { critical = 1, high = 2, medium = 3, low = 4 }

--- Thresholds and windows (seconds), the options of events.triage.
M.DEFAULTS = {
  window = 300,             -- the short window: 5 minutes
  guessing = 5,             -- bad passwords for one identity in the short window
  brute_force = 20,         -- bad passwords for one identity from one source in the short
                            -- window: more than a person retypes, a tool's count
  slow_window = 86400,      -- the long window for slow guessing: 24 hours
  slow_guessing = 10,       -- bad passwords for one identity in the long window
  spray = 4,                -- identities with bad passwords from one source in the window
  enumeration = 4,          -- unknown or refused names from one source in the window
  success_after = 5,        -- failures before a success that make it suspect
  explicit = 4,             -- accounts whose credentials one process or source used
  unnamed = 20,             -- failures naming no account from one remote source in the window
  unnamed_tool = 20,        -- as many of them in one minute as only a tool sends (one each 3 s),
                            -- and as many accounts (a spray naming no source, or from many
                            -- addresses of the internet; no schedule's)
  kerberoast_many = 3,      -- services roasted in the window that raise the severity
  lockout = 1, revoked = 1, disabled = 1, expired = 1, restricted = 1, clock_skew = 1,
}

-- The lockout advice's line where the source failed for other accounts
-- (M.LOCKOUT_OTHERS: left out where a caller's many lockouts alone made
-- it an attack's).
local LOCKOUT_OTHERS = "The source also failed for other accounts: lockouts are the side effect of guessing. Block the source before unlocking."

--- The kinds of finding.  severity: the usual one; attacker_severity:
-- when the evidence reads as an attack.  advice: what to check next, by
-- reading, in a Windows domain's records and tools.  platforms: the same
-- advice in the terms of an MIT KDC ("mit") or a Samba AD DC ("samba"),
-- where the Windows advice names what that platform has not (its event
-- IDs, the PDC emulator, AD tools, NTLM on MIT): only for the kinds whose
-- records that platform's reader makes (read/mit_kdc.lua: 4768, 4771,
-- 4769 without encryption or pre-authentication types; read/samba_audit.lua:
-- 4624, 4625 with NT status codes), and only the readings that need it.
-- machine: by platform and reading, the advice instead when every
-- account of the finding is a computer's own.
-- The advice for a computer's own account (its name ends in $) in a
-- guessing or lockout finding, where a user's ("a phone's mail") is
-- wrong: the computer sets that password itself and nothing else holds
-- it.  By platform: Windows alone (Samba's and MIT's tables have no such
-- advice of their own, and theirs stays).
local MACHINE_ACCOUNT = {
  windows = {
    stale_credential = {
      "This is a computer's own account (its name ends in $): the computer sets its password itself (every 30 days by default) and nothing else should hold it. Repeated bad passwords for it from that computer's own address mean its secure channel with the domain is broken: it was restored from a snapshot or backup older than its last password change, a clone of it (a copied VM with the same name) changed the password since, or the account was reset in AD.",
      "On that computer, Test-ComputerSecureChannel (or nltest /sc_verify:DOMAIN) says whether the channel works; Test-ComputerSecureChannel -Repair (with a domain administrator's credential), or leaving and rejoining the domain, mends it.",
      "If the source is not that computer's address (compare with DNS and DHCP at that time), someone else is using or trying its account: another computer given the same name, or an attacker holding its password hash. Find the host at that address.",
    },
    attacker = {
      "This is a computer's own account (its name ends in $), whose password the computer sets itself and no person types: a source that also fails for other accounts, or at a tool's pace, is someone trying it (with a hash taken from that computer, or a list of names). Block the source and find the program behind it.",
      "Check whether the account then logged on or got a ticket from that source (4624, 4768 with status 0): a computer's account used from another host is an attacker's foothold. If it did, reset the account (Reset-ComputerMachinePassword on the computer itself) and look at what it reached.",
      "If the source is that computer's own address, check its secure channel too (Test-ComputerSecureChannel, or nltest /sc_verify:DOMAIN) and mend it (Test-ComputerSecureChannel -Repair, or rejoin): a broken one sends bad passwords of its own.",
    },
  },
}

--- The first line for a computer account's bad passwords from other
-- hosts by name (%s), before MACHINE_ACCOUNT's first two (its own account,
-- its secure channel): its third says this for an address alone.
M.MACHINE_ELSEWHERE = "These bad passwords came from %s, not from the computer whose account it is: another host is using or trying that computer's account (someone holding its password hash, or a tool given its name). Find that host (DNS, DHCP and the inventory at that time) and what ran on it then, and check whether the account logged on or got a ticket from there (4624, 4768 with status 0)."

M.KINDS = {
  success_after_failures = {
    title = "A logon succeeded right after failures: the attacker may be in",
    -- (a person's mistypes, then their logon: worth asking them, no alarm)
    severity = "medium",
    attacker_severity = "critical",
    advice = {
      attacker = {
        "Treat the account as compromised until shown otherwise: reset its password, which gives it new Kerberos keys. Tickets issued before stay valid until they expire (a TGT 10 hours by default, renewed for up to 7 days): end its sessions on the hosts it reached too.",
        "List what the account did after the success (4624 logon ID, 4672, 4688, 5140) and on which hosts.",
        "Isolate or block the source; look for the same source's successes on other accounts.",
        "Where the source is a server that passes users' logons on (Exchange or another web front end, ADFS, a VPN or RD gateway) and the failures before were other accounts' at a person's pace, the success may be a user's own through it: ask the front end's logs which client it came from.",
      },
      stale_credential = {
        "Ask the user whether they mistyped and then logged on: failures from their own device followed by a success are usually that.",
        "If the user did not log on at that time, handle it as a compromise: reset the password and review the session.",
      },
    },
    platforms = {
      mit = {
        attacker = {
          "Treat the principal as compromised until shown otherwise: give it a new password with kadmin's cpw, or, for a service principal, a new random key and keytab with ktadd, and replace that keytab wherever it is used. The KDC cannot take back tickets it issued: they last until they expire (kdc.conf's max_life and max_renewable_life, or the principal's own Maximum ticket life in getprinc).",
          "List what the principal did after the ISSUE line: its TGS_REQ lines in this log name each service it got a ticket for and the address it asked from; those services' own logs (sshd's, a web server's) show what it did there, and kadmind's log (its Request: lines) any kadmin change made as it.",
          "Isolate or block the source; look for the same address's ISSUE lines for other principals.",
          "Where the source is a host that asks the KDC for its users (a login server through PAM or SSSD, a web or VPN front end) and the failures before were other principals' at a person's pace, the success may be a user's own through it: ask that host's logs which client it came from.",
        },
      },
      samba = {
        attacker = {
          "Treat the account as compromised until shown otherwise: set a new password (samba-tool user setpassword NAME). Tickets its KDC issued before stay valid until they expire (10 hours, renewed for up to 7 days, unless smb.conf's kdc:user ticket lifetime and kdc:renewal lifetime say otherwise).",
          "List what the account did after the success: with auth_audit at level 4 the audit's Authorization records (text: Successful AuthZ) name each session it opened on this DC (SMB, LDAP, RPC) and from where; with dsdb_json_audit and dsdb_password_json_audit at level 5, the directory changes and password resets made as it. Member servers log their own sessions.",
          "Isolate or block the source; look in every DC's audit (each logs only the requests it answered) for the same remote host's successes on other accounts.",
          "Where the source is a server that passes users' logons on (a web or mail front end, a VPN gateway, a member server checking NTLM with this DC) and the failures before were other accounts' at a person's pace, the success may be a user's own through it: ask its logs which client it came from.",
        },
      },
    },
  },
  password_guessing = {
    title = "Password guessing against one account",
    -- (an old password stored on the source: to fix, not to hunt)
    severity = "medium",
    attacker_severity = "high",
    machine = MACHINE_ACCOUNT,
    advice = {
      attacker = {
        "Block the source, then find the program behind the attempts on the source host (its 4648 events, its process creations); a 4625 names the process only where it ran on the host that logged it.",
        "Check whether the account then logged on from that source (4624, 4768 with status 0).",
        "If no lockout (4740: on the host itself for a local account, on the domain controller holding the PDC emulator role for a domain one) followed this many failures, the lockout threshold is off or above the guessing, or the account is exempt: a computer's built-in local Administrator is, unless 'Allow Administrator account lockout' is on (a policy since the October 2022 updates, KB5020282; on by default on computers first set up with them, such as new Windows 11 22H2 installs; it locks network logons such as RDP, never the console). Guessing under the threshold can go on for days.",
      },
      stale_credential = {
        "Something on the source still holds an old password for this account: a mapped drive, a phone's mail, a service, a scheduled task, saved credentials.",
        "Update or remove the stored password there; the failures stop when it is fixed.",
        "If the source is a server that passes users' logons on (Exchange, ADFS or its proxy, a VPN or RD gateway, a web front end), the device is behind it: its own logs (IIS's for Exchange and OWA, ADFS's, the gateway's) name the client. Otherwise, if the source is not a device of the account's owner, treat it as an attack.",
      },
    },
    platforms = {
      mit = {
        attacker = {
          "Block the source, then find the program behind the AS_REQ lines on that host (its own logs, its processes and cron jobs).",
          "Check whether the principal then got a ticket from that source: an ISSUE line for it from the same address, then its TGS_REQ lines.",
          "If no LOCKED_OUT line followed this many PREAUTH_FAILED, nothing locks the principal: getprinc shows its Policy, getpol that policy's Maximum password failures before lockout (0, the default, never locks); failures are counted only for principals with +requires_preauth, not at all where kdc.conf sets disable_lockout, and by each KDC on its own (neither kprop nor incremental propagation copies the count). Set maxfailure, failurecountinterval and lockoutduration with modpol.",
        },
        stale_credential = {
          "Something on the source still holds an old password or key for this principal: a keytab made before its key last changed (klist -k shows the keytab's kvno, getprinc the current one as Key: vno), or a script or cron job that runs kinit with a stored password.",
          "Update it there: the new password, or a fresh keytab from ktadd (which sets a new key, so every other copy must be replaced too). The PREAUTH_FAILED lines stop when it is fixed.",
          "If the source is not a host of the principal's owner, treat it as an attack.",
        },
      },
      samba = {
        attacker = {
          "Block the source, then find the program behind the attempts on it: on a Windows host, its own Security log (logons with explicit credentials, process creations). The workstation in the audit line is only the name the client sent.",
          "Check whether the account then logged on from that source: an audit record for it with status NT_STATUS_OK from the same remote host, in this DC's audit or another DC's.",
          "If no NT_STATUS_ACCOUNT_LOCKED_OUT followed this many failures, the lockout threshold is off or above the guessing: samba-tool domain passwordsettings show gives it (0, Samba's default, never locks), samba-tool domain passwordsettings pso show-user NAME whether a PSO sets another for the account. badPwdCount is kept by each DC and not replicated: read it on the DC that logged the failures (samba-tool user show NAME -H ldap://that-dc).",
        },
      },
    },
  },
  password_spray = {
    title = "Password spraying: one source, many accounts, bad passwords",
    severity = "high",
    advice = {
      attacker = {
        "Identify the source host and the program behind the attempts there (its 4648 events, its process creations).",
        "Check every sprayed account for a later success from the same source (4624, 4768 status 0) and reset those.",
        "Block or isolate the source; ban the password that was tried if you can learn it (a common or seasonal one).",
        "Unless the source is a server that passes users' logons on (Exchange or another web front end, ADFS, a VPN or RD gateway): there the users' own phones and PCs with old passwords fail through it, a few a minute, every day. Read the front end's own logs for the client addresses behind the failures before blocking it; a burst of many accounts in seconds is still a spray.",
      },
    },
    platforms = {
      mit = {
        attacker = {
          "Identify the source host and the program behind the AS_REQ lines there.",
          "Check every sprayed principal for a later ISSUE line from the same address, and give those a new password (kadmin's cpw).",
          "Block or isolate the source; if you learn the password tried (a common or seasonal one), keep it out with a dictionary (dict_file in kdc.conf, checked for principals that have a policy).",
          "Unless the source is a host that asks the KDC for its users (a login server through PAM or SSSD, a web or VPN front end): there users with old passwords fail through it, a few a minute, every day. Read its own logs for the clients behind the failures before blocking it; many principals in seconds is still a spray.",
        },
      },
      samba = {
        attacker = {
          "Identify the source host and the program behind the attempts there (on a Windows host, its Security log's logons with explicit credentials and its process creations).",
          "Check every sprayed account for a later NT_STATUS_OK from the same remote host, in every DC's audit, and set new passwords for those (samba-tool user setpassword).",
          "Block or isolate the source; if you learn the password tried (a common or seasonal one), refuse it from now on with a check password script (smb.conf).",
          "Unless the source is a server that passes users' logons on (a web or mail front end, a VPN gateway, a member server checking NTLM with this DC): there the users' own phones and PCs with old passwords fail through it, a few a minute, every day. Read its own logs for the clients behind the failures before blocking it; many accounts in seconds is still a spray.",
        },
      },
    },
  },
  user_enumeration = {
    title = "User enumeration: one source probes many account names",
    severity = "medium",
    advice = {
      attacker = {
        "Names tried in a burst from one source are a scan (kerbrute, Metasploit): identify and block the source.",
        "The answers tell the attacker which names exist: 0xC0000064 and Kerberos 0x6 say a name does not; 0x12 says it does but is disabled, locked out, expired or outside its logon hours (the KDC gives it to existing accounts only), as a bad password (0x18, 0xC000006A) does. Expect guessing against the names that exist; the finding lists those that answered 0x12 and are not disabled by design: find out in AD why each is refused.",
        "Accounts disabled by design (Guest, krbtgt, Exchange's SM_ mailboxes) answer 0x12 to everyone: they say nothing about lockouts.",
      },
    },
    platforms = {
      mit = {
        attacker = {
          "Names tried in a burst from one source are a scan (kerbrute and the like): identify and block the source.",
          "The KDC's answers told the scanner which names exist: CLIENT_NOT_FOUND for a name it has no principal for; for one it has, a request for pre-authentication (NEEDED_PREAUTH), a ticket, or a refusal such as CLIENT LOCKED OUT, LOCKED_OUT or CLIENT EXPIRED. Expect guessing against the names that exist; the finding lists those refused with 0x12: getprinc shows why (DISALLOW_ALL_TIX among its Attributes, or its Failed password attempts).",
        },
      },
      samba = {
        attacker = {
          "Names tried in a burst from one source are a scan (kerbrute, Metasploit): identify and block the source.",
          "Through Samba's KDC (service Kerberos KDC in the audit line) the answers told the scanner which names exist: an unknown name is answered differently from a known one. Over SMB Samba tells a client only that the logon failed, for an unknown name as for a bad password (NT_STATUS_LOGON_FAILURE), so that scan learnt less. Expect guessing against the names that exist.",
        },
      },
    },
  },
  explicit_credentials = {
    title = "Explicit credentials: one process or source used the credentials of many accounts",
    severity = "medium",
    attacker_severity = "high",
    advice = {
      attacker = {
        "4648 names the process that supplied the credentials: a tool running through a list of accounts (runas loops, PsExec, a sprayer) is an attack.",
        "Check which of those accounts then logged on at the target server (4624 there) and reset them.",
      },
      stale_credential = {
        "Scheduled tasks, services and scripts that run as stored accounts log 4648 on every run: check the process named against what is meant to run there.",
      },
    },
  },
  kerberoasting = {
    title = "Kerberoasting: service tickets with RC4 or DES for user-account services",
    severity = "medium",
    attacker_severity = "high",
    advice = {
      attacker = {
        "The requester can crack these tickets offline to learn the services' passwords: reset the passwords of the services named, long and random (or move them to gMSAs).",
        "Find what ran on the source when the tickets were asked for (Rubeus, Impacket's GetUserSPNs); the requesting account's credentials are in the attacker's hands.",
        "Require AES for service accounts (msDS-SupportedEncryptionTypes) so that RC4 tickets are refused.",
      },
      stale_credential = {
        "Many clients given RC4 tickets for the service: the KDC chose RC4 for its account, which it does when the account's msDS-SupportedEncryptionTypes is empty or lacks AES, or the account has no AES keys (a password last set before the domain had Windows Server 2008 domain controllers). Set the attribute to AES (0x18: AES128 and AES256) and give the account a new long password; Get-ADUser NAME -Properties msDS-SupportedEncryptionTypes,PasswordLastSet shows both.",
        "One client alone: an old client or appliance that only speaks RC4 asks for such tickets every day; confirm it is that, then plan to move it to AES. A client that never used the service before, asking once, may be roasting that one account (Rubeus kerberoast /user:): look at what ran on it then.",
      },
    },
  },
  asrep_roasting = {
    title = "AS-REP roasting: TGTs issued without pre-authentication",
    severity = "high",
    advice = {
      attacker = {
        "An account that does not require Kerberos pre-authentication gives anyone a reply encrypted with its password: set 'Do not require Kerberos preauthentication' off for the accounts named.",
        "Reset the passwords of those accounts: the replies may be cracked offline already.",
        "Identify the source: a host asking for TGTs of accounts it does not use is running a tool (Rubeus asreproast, GetNPUsers).",
      },
    },
  },
  public_source = {
    title = "Logons from internet addresses: a service is reachable from outside",
    severity = "medium",
    advice = {
      attacker = {
        "These sources are public IPv4 addresses, none private, loopback or reserved: the host that logged them answers the internet, directly or through a port forward. Find which service they reached (RDP 3389, SMB 445, WinRM, or a web front end passing on NTLM: OWA, ADFS) and close it to the internet, or put it behind a VPN or RD Gateway with multi-factor sign-in.",
        "A logon that succeeded from such an address came from outside: unless the account's owner confirms it, treat the account as compromised (reset its password, end its sessions) and see what it did (the 4624's logon ID, 4672, 4688, 5140).",
        "Failures from the internet on an open RDP or SMB port never stop: see the findings beside this one for guessing and spraying, and block the addresses at the firewall once the port is closed.",
        "Unless the network uses public addresses inside (some universities and older companies own such blocks): then these are its own hosts; name those blocks with --internal (198.51.100.0/24) and they are left out.",
      },
    },
    platforms = {
      mit = {
        attacker = {
          "These sources are public IPv4 addresses, none private, loopback or reserved: the KDC answers the internet on port 88. Unless clients outside must reach it, close the port at the firewall, or let them in through a VPN.",
          "A ticket issued to such an address went outside: unless the principal's owner confirms it, give it a new password (kadmin's cpw) and look for what the ticket reached.",
          "Unless the network uses public addresses inside (some universities own such blocks): then these are its own hosts; name those blocks with --internal (198.51.100.0/24) and they are left out.",
        },
      },
      samba = {
        attacker = {
          "These sources are public IPv4 addresses, none private, loopback or reserved: the DC answers the internet (Kerberos 88, SMB 445, LDAP 389). Close those ports to the internet, or let clients outside in through a VPN.",
          "A logon that succeeded from such an address came from outside: unless the account's owner confirms it, treat the account as compromised (samba-tool user setpassword) and see what it did.",
          "Unless the network uses public addresses inside (some universities own such blocks): then these are its own hosts; name those blocks with --internal (198.51.100.0/24) and they are left out.",
        },
      },
    },
  },
  unnamed_failures = {
    title = "Failed logons that name no account, many from one source",
    severity = "medium",
    attacker_severity = "high",
    advice = {
      attacker = {
        "Failures that name no account, fast or beside an attack from the same source, come from a tool: a scanner or a password guesser trying anonymous (null) sessions or breaking off its NTLM or CredSSP handshakes. Unless the source is a scanner of your own, block it.",
        "These records do not say which accounts were tried: look for the same source in records that do (4625 with a name, 4776 and 4771 on the DCs), and in the host's RDP log (RdpCoreTS event 131 gives each connection's client address, 140 each failed one's).",
        "Check for a success from the same source during the failures or after them (4624 type 3 or 10).",
      },
      stale_credential = {
        "Something on the source connects without a name at a steady pace: a monitoring agent, a printer or NAS browsing shares, an application set to anonymous access. Find it and give it an account, or turn it off.",
        "If the source is none of your devices, treat it as an attack and block it.",
      },
    },
    platforms = {
      samba = {
        attacker = {
          "Failures that name no account, fast or beside an attack from the same source, come from a tool: a scanner or a password guesser trying anonymous (null) sessions. Unless the source is a scanner of your own, block it.",
          "These records do not say which accounts were tried: look for the same remote host in the audit lines that name one, in this DC's audit and the others'.",
          "Check for a success from the same remote host during the failures or after them (status NT_STATUS_OK, then the sessions it opened).",
        },
      },
    },
  },
  lockout = {
    title = "Account lockouts",
    severity = "medium",
    machine = MACHINE_ACCOUNT,
    advice = {
      stale_credential = {
        "A 4740's source is its Caller Computer Name, where the bad password that locked the account came from: find what runs there with the old password (services, scheduled tasks, mapped drives, mobile devices). A source answered 0xC0000234 alone tried once the account was locked: it may hold the same old password, or be its user trying again.",
        "Unlock only after the source of the bad password is fixed, or it locks again.",
      },
      attacker = {
        LOCKOUT_OTHERS,
        "Check the locked accounts for a success from the same source before the lockout.",
      },
    },
    platforms = {
      samba = {
        stale_credential = {
          "Find what locked the account: samba-tool user show NAME --attributes='lockoutTime;format=GeneralizedTime' gives when it locked, and the audit's NT_STATUS_WRONG_PASSWORD lines for it just before then give the remote host and workstation that sent the bad passwords (a source answered NT_STATUS_ACCOUNT_LOCKED_OUT only tried after the lock). Find what runs there with the old password (services, scheduled tasks, mapped drives, phones' mail, a Linux host's stored credentials).",
          "Unlock only after that source is fixed, or it locks again: samba-tool user unlock NAME (Samba 4.14 and later), or wait out the Account lockout duration that samba-tool domain passwordsettings show gives.",
        },
      },
    },
  },
  account_revoked = {
    title = "Kerberos refused the account (0x12): disabled, expired, locked out or outside logon hours",
    severity = "low",
    attacker_severity = "medium",
    advice = {
      stale_credential = {
        "KDC_ERR_CLIENT_REVOKED covers four states: check which one in AD (userAccountControl, accountExpires, lockoutTime, logonHours).",
        "If the account is meant to be off, find what on the source still uses it and reconfigure it.",
      },
      attacker = {
        "The source also failed for other accounts: it is trying names, and these answered as refused. Block the source.",
      },
    },
    platforms = {
      mit = {
        stale_credential = {
          "MIT's KDC refuses a principal with 0x12 for one of two reasons, named in the log line: CLIENT LOCKED OUT, the principal has -allow_tix (getprinc lists DISALLOW_ALL_TIX among its Attributes); LOCKED_OUT, its policy locked it after too many failed pre-authentications (getprinc: Failed password attempts, Last failed authentication).",
          "If the principal is meant to be off, find what on the source still uses it and reconfigure it; if its policy locked it, fix what sends the bad password before modprinc -unlock, or it locks again.",
        },
      },
    },
  },
  disabled_account = {
    title = "Disabled accounts being used",
    severity = "low",
    attacker_severity = "medium",
    advice = {
      stale_credential = {
        "Something still runs as these accounts: look for services, scheduled tasks or application pools on the source hosts.",
        "Re-enable only if the account is meant to be in use; otherwise reconfigure what uses it.",
      },
      attacker = {
        "The source also failed for other accounts: a disabled account tried by an attacker tells you only that it is on their list. Block the source; leave the account disabled.",
      },
    },
    platforms = {
      samba = {
        stale_credential = {
          "Something on the source hosts still uses these accounts (a service, a scheduled task, a script, a mount with stored credentials): the audit line's remote host and workstation say where.",
          "Re-enable (samba-tool user enable NAME) only if the account is meant to be in use; otherwise reconfigure what uses it.",
        },
        attacker = {
          "The source also failed for other accounts. Samba answers NT_STATUS_ACCOUNT_DISABLED only once the password is right, over NTLM and through its KDC alike (after ENC-TS pre-authentication, as the audit line says): the source knows it. Set a new one (samba-tool user setpassword), leave the account disabled and block the source.",
        },
      },
    },
  },
  expired_account = {
    title = "Expired accounts or passwords being used",
    severity = "low",
    attacker_severity = "medium",
    advice = {
      stale_credential = {
        "0xC0000224: the password must be changed at this logon (after a reset, or 'User must change password at next logon'). At a console or over RDP that is the prompt for a new one, not an attack; a service, task or script cannot answer it: set its password and clear the flag.",
        "0xC0000071, Kerberos 0x17: the password has expired (Kerberos gives 0x17 for one that must be changed at the next logon too). A person is asked to change it; a service account or scheduled task keeps failing until its password is updated where it is used, or it moves to a managed account (gMSA).",
        "0xC0000193, Kerberos 0x1: the account itself has expired (accountExpires): extend it only if it is still needed.",
      },
      attacker = {
        "The source also failed for other accounts. 0xC0000071 and 0xC0000224 come only once the password is right: the source knows it, out of date, from an earlier leak; block the source and check where else that password is used.",
        "Kerberos 0x17 and 0x1, and an expired account (0xC0000193), may come before any password is checked: they tell the source that the account exists, as user enumeration's 0x12 does; expect guessing against it.",
      },
    },
    platforms = {
      mit = {
        stale_credential = {
          "CLIENT KEY EXPIRED (Kerberos 0x17): the principal's password is past its Password expiration date (getprinc; a policy's maxlife sets it). REQUIRED PWCHANGE (0x17 too): +needchange asks for a new password at the next logon. kinit asks a person for a new one; a service or script cannot answer: set its password (cpw) and, for a service principal, clear the expiry (modprinc -pwexpire never) or give it a policy without maxlife.",
          "CLIENT EXPIRED (Kerberos 0x1): the principal itself is past its Expiration date (getprinc): extend it with modprinc -expire only if it is still needed.",
        },
        attacker = {
          "The source also failed for other principals. MIT's KDC checks a principal's expiration dates before any pre-authentication: CLIENT EXPIRED and CLIENT KEY EXPIRED come whatever password was sent, and tell the source that the name exists, as CLIENT_NOT_FOUND tells it which do not. Expect guessing against it; block the source.",
          "For each principal it found, getprinc NAME gives its Expiration date and Password expiration date: one that no one needs any more is better deleted (delprinc), after which the KDC answers for it as for any name it does not know.",
        },
      },
      samba = {
        stale_credential = {
          "NT_STATUS_PASSWORD_MUST_CHANGE: the password must be changed at this logon (set by samba-tool user setpassword --must-change-at-next-login). A person logging on is asked for a new one, which is no attack; a service, task or script cannot answer: set its password with samba-tool user setpassword, without that option.",
          "NT_STATUS_PASSWORD_EXPIRED: the password is older than the Maximum password age (samba-tool domain passwordsettings show, or the PSO that pso show-user NAME names). A person is asked to change it; a service account keeps failing until its password is updated where it is used.",
          "NT_STATUS_ACCOUNT_EXPIRED: the account itself has expired (accountExpires in samba-tool user show): extend it with samba-tool user setexpiry only if it is still needed (--days also clears the account's password-never-expires flag, --noexpiry sets it).",
        },
        attacker = {
          "The source also failed for other accounts. Samba checks the account's state only once the password is right, over NTLM and through its KDC alike (after ENC-TS pre-authentication, as the audit line says): NT_STATUS_PASSWORD_EXPIRED, NT_STATUS_PASSWORD_MUST_CHANGE and NT_STATUS_ACCOUNT_EXPIRED mean the source knows the password. Set a new one (samba-tool user setpassword), block the source, and check where else that password is used.",
        },
      },
    },
  },
  account_restricted = {
    title = "Logons refused by a restriction on the account: its logon right, hours or computers",
    severity = "low",
    attacker_severity = "high",
    advice = {
      stale_credential = {
        "A restriction refused the logon after the password: 0xC000015B, the logon right (Allow or Deny log on locally, through Remote Desktop Services, as a batch job or service), checked once the password is accepted; 0xC000006F, the account's logon hours, and 0xC0000070, the computers it may log on to (userWorkstations), checked after the password by NTLM (Kerberos may refuse them first, as 0x12); 0xC000006E alone, another account restriction (a blank password off the console).",
        "If the account should log on this way, grant it; if not, find what on the source tries to and stop it.",
        "If the source is not one the account's owner uses, treat it as a password in the wrong hands.",
      },
      attacker = {
        "The source also failed for other accounts, and for these its passwords got past the check (surely for 0xC000015B and over NTLM): whoever runs it knows them. Reset these passwords, then look for the same accounts' logons elsewhere, where no restriction stopped them.",
        "Block the source.",
      },
    },
    platforms = {
      samba = {
        stale_credential = {
          "A restriction on the account refused the logon: NT_STATUS_INVALID_WORKSTATION, the workstation in the audit line is not among the computers it may log on from (userWorkstations); NT_STATUS_INVALID_LOGON_HOURS, it is outside its logonHours; NT_STATUS_ACCOUNT_RESTRICTION, another restriction. samba-tool user show NAME lists userWorkstations and logonHours where they are set.",
          "If the account should log on this way, change those; if not, find what on the source tries to and stop it.",
          "If the source is not one the account's owner uses, treat it as a password in the wrong hands.",
        },
        attacker = {
          "The source also failed for other accounts. Samba checks the logon hours only once the password is right, over NTLM and through its KDC alike, and the workstations over NTLM (its KDC does not check them): NT_STATUS_INVALID_WORKSTATION and NT_STATUS_INVALID_LOGON_HOURS mean whoever runs the source knows these passwords. Set new ones (samba-tool user setpassword), then look for the same accounts' successes from other sources, where no restriction stopped them.",
          "Block the source.",
        },
      },
    },
  },
  log_gaps = {
    title = "The log has gaps: cleared, full, dropped events, auditing or the clock changed",
    severity = "low",
    -- (its advice: a line for each of GAPS' events in the log)
    advice = {},
  },
  clock_skew = {
    title = "Clock skew between clients and the domain controller",
    severity = "low",
    advice = {
      stale_credential = {
        "Compare the source's clock with the DC's (w32tm /stripchart /computer:<dc>); Kerberos allows 5 minutes by default.",
        "Check the time service hierarchy: the PDC emulator should sync from a reliable source.",
      },
    },
    platforms = {
      samba = {
        stale_credential = {
          "Compare the source's clock with this DC's (on a Windows source, w32tm /stripchart /computer:<dc>); Kerberos allows 5 minutes by default.",
          "A Samba DC keeps its time with ntpd or chrony, which also serve Windows members signed time through Samba's socket (ntp signd socket directory in smb.conf, ntpsigndsocket in theirs): check that each DC syncs from a reliable source, first the one holding PdcEmulationMasterRole (samba-tool fsmo show), the domain's time source by default.",
        },
      },
    },
  },
}

--- What to check first when the accounts of a finding include some that
-- are disabled on purpose.
M.BY_DESIGN = "Some of these accounts are disabled on purpose (Guest, DefaultAccount, krbtgt, Exchange's system mailboxes): leave them disabled. An attempt on one is a client falling back to guest access, or someone trying names."

--- What to check last when a spray's tries include names that do not
-- exist or whose account is refused, by platform.
M.SPRAYED_NAMES = {
  windows = "Some names answered that they do not exist or that the account is refused (Kerberos 0x12: disabled, locked out, expired or outside its logon hours, said of existing accounts only): the list sprayed was wider than the accounts in use. Find out why each account named as refused is refused; those disabled on purpose (Guest, krbtgt, Exchange's SM_ mailboxes) answer so to everyone.",
  mit = "Some principals answered CLIENT_NOT_FOUND (no such principal) or were refused (CLIENT LOCKED OUT, LOCKED_OUT: said of existing principals only): the list sprayed was wider than the principals in use. Find out why each principal named as refused is refused: getprinc shows DISALLOW_ALL_TIX among its Attributes, or its Failed password attempts.",
  samba = "The audit logged some names as unknown (NT_STATUS_NO_SUCH_USER) or refused by the KDC (0x12: disabled, locked out or expired, which it says of existing accounts only): the list sprayed was wider than the accounts in use. Through Samba's KDC an unknown name is answered differently from a known one; over SMB the client is told only NT_STATUS_LOGON_FAILURE, as for a bad password. Find out why each account named as refused is refused (samba-tool user show NAME).",
}

--- The advice, whole, when every account of a finding is disabled on
-- purpose: nothing is meant to run as them, so the rest would mislead.
M.ALL_BY_DESIGN = {
  "These accounts are disabled on purpose (Guest, DefaultAccount, krbtgt, Exchange's system mailboxes): leave them disabled.",
  "An attempt on Guest from a logged-on user's program (explorer.exe, a mapped drive) is Windows falling back to guest access where the user's own was refused: look at what the user tried to reach, not at the account.",
  "Attempts on them from another host, with other names, are someone trying names: see the source's other findings.",
}

--- What to check first when every attempt of a finding came from a
-- program on the logging host itself (not its logon screen, where a
-- person types): there is no other host to block.
--- What to check for a Kerberoasting burst the KDC refused (0xE): no
-- ticket to crack, but a tool run with the requester's account.
M.ROAST_REFUSED = {
  "The KDC refused these service tickets (0xE: the client offered only encryption types that the services' accounts do not take, RC4 where they take AES alone), so none was issued to crack. But asking for many user-account services' tickets in a few seconds, with RC4 alone, is what a roasting tool does (Rubeus kerberoast, Impacket's GetUserSPNs): the requesting account's credentials are in the attacker's hands. Reset its password, and find what ran on the source then (its 4688s, 4648s).",
  "Look for the same requester's service tickets that were issued around then (4769 with status 0x0, and their Ticket Encryption Type): those services' tickets can be cracked offline, and their passwords must be reset, long and random, or the services moved to gMSAs.",
}

--- What to check first when sprayed accounts later logged on from the
-- spray's source.
M.SPRAY_LATER_LOGON = "Some of the sprayed accounts logged on later from the same source (\"logged on later\"): the spray found their passwords. Treat them as compromised: reset their passwords, end their sessions, and see what each did after that logon (its logon ID, 4672, 4688, 5140)."

--- What to check where every attempt from the internet came through a web
-- front end the host publishes (public_source's public_web): its users'
-- sign-ins from outside are its job, not a port left open.
M.PUBLIC_WEB = {
  "Every attempt from an internet address came through a web front end this host publishes (Outlook on the web, ActiveSync, ADFS, another IIS site): its users sign in from outside as its job, and closing it is the owner's decision, not a responder's. Make sure it asks for multi-factor sign-in (ADFS or Exchange's own, or a reverse proxy's), which a stolen or sprayed password then does not pass.",
  "Read \"logged on\" for a sign-in its owner would not have made: an account that never signs in from outside, an address in a country where no one works, two places too far apart in too little time, a sign-in in the hours after failures from the same address. Ask the owners of those; for a sign-in no one owns, reset the password and end the account's sessions.",
  "Failures through it from the internet are where sprays and guesses come from: the password_spray and password_guessing findings beside this one name their addresses; the front end's own logs (IIS, ADFS) give each client's address where the records give the front end's.",
}

--- What to check for one service's RC4 tickets asked for by one client
-- alone (the kerberoasting finding's stale reading opens with many
-- clients', which one client would misread).
M.ROAST_ONE_CLIENT = {
  "One client alone asked for these RC4 tickets: an old client or appliance that speaks only RC4 does so every day; confirm that it is one, then plan to move it to AES. A client that never used the service before, asking once, may be roasting that one account (Rubeus kerberoast /user:): look at what ran on it then.",
  "If the client can use AES, the KDC chose RC4 for the service's account: its msDS-SupportedEncryptionTypes is empty or lacks AES, or it has no AES keys (a password last set before the domain had Windows Server 2008 domain controllers). Set the attribute to AES (0x18: AES128 and AES256) and give the account a new long password; Get-ADUser NAME -Properties msDS-SupportedEncryptionTypes,PasswordLastSet shows both.",
}

--- The line of the 4719s that alarm past those a log_gaps finding names:
-- how many more, and how many are named.
M.ALARMS_MORE = "4719: %d more changes like these, each by a person's account taking logon auditing away, are in the logs read; the first %d are named above. Read each (wevtutil qe Security /q:\"*[System[(EventID=4719)]]\" /f:text) for who, what and when: the log's silence after each is no evidence."

--- What to check first when many clients' tickets failed for clock skew.
M.SKEW_MANY = "Several clients failed for clock skew: one clock off is more likely the domain controller's than each of theirs. On the DC, w32tm /query /status says where it takes its time from and when it last did, and w32tm /monitor compares the domain's DCs; a DC should take it from the domain hierarchy (w32tm /query /source), and the PDC emulator of the forest root from a reliable source. Fix that clock before the clients'."

--- The line of a lockout with no caller whose bad passwords the logs
-- read hold (%s: where they came from).
M.LOCKOUT_CALLERS = "This log holds the bad passwords behind the lockout too: in the window before it, they came from %s. Start there: find what runs on it with the account's old password (a mapped drive, a service, a scheduled task, a phone's mail), or who tried it from there."

--- What to check first for a lockout whose 4740 names no caller computer.
M.LOCKOUT_NO_CALLER = "A 4740 here names no Caller Computer Name: the bad password reached the domain controller without a client name. On the DC holding the PDC emulator role, which every bad password of a domain account is passed to, the account's 4771 (Kerberos, with the client's address) and 4776 (NTLM, with its workstation) just before the lockout's time name it; where they do not, Netlogon's debug log does (nltest /dbflag:0x2080ffff, then %windir%\\debug\\netlogon.log names the client of each failed logon; nltest /dbflag:0x0 turns it off)."

-- How to find the client of failed logons whose records name none.
local FIND_CLIENT = "For a domain account, Netlogon's debug log on the domain controller that checked them names the client of each failed logon (nltest /dbflag:0x2080ffff, then %windir%\\debug\\netlogon.log; nltest /dbflag:0x0 turns it off), and the account's failed Kerberos events that give an address name the client of its Kerberos tries (a 4771 for a bad password, a 4768 for an account refused: disabled, expired or locked out); for a local account, the host's own 4625s at the same times give the logon's address where it came over the network."

--- First in the advice of a finding about failed logons where none of
-- its records names a source (a 4776 with no workstation): how to find
-- the client the rest is about.
M.NO_SOURCE = "None of these records names where the attempts came from (an NTLM client may send no workstation name, and its 4776 then names none). " .. FIND_CLIENT .. " What follows is about that client, once found."

--- The same where some of its records name a source and some none: the
-- sourceless ones may be another client's.
M.SOME_NO_SOURCE = "Some of these records name no source (an NTLM client may send no workstation name, and its 4776 then names none): their attempts may come from the source named or from another client. " .. FIND_CLIENT .. " What follows is about each client, the one named and any found."

--- First in the advice of a spray whose NTLM checks name no source or
-- workstation names alone, none of which a logon came from.
M.NAMES_MADE_UP = "The workstation names these records give (a 4776's Workstation) are the client's own word, and no logon in the logs read came from any of them: a tool may send no name, or a new one at each try, and none of them is a host to go to. " .. FIND_CLIENT .. " What follows is about that client, once found."

--- The advice of a spray from many addresses of the internet, each
-- sending few (findings: distributed), where a spray's is about one source:
-- of every platform, as a botnet tries whatever answers.
M.DISTRIBUTED = {
  "The addresses are many and each sends few: blocking them one at a time will not stop it. Take the service off the internet or put it behind what checks more than a password (a VPN or Remote Desktop Gateway with multi-factor authentication), or let only known addresses reach it.",
  "Check every sprayed account for a later success from any address of the internet (Windows: 4624, 4768 status 0; Samba: NT_STATUS_OK; MIT: ISSUE), and give those a new password.",
  "Make sure a lockout threshold is set (Windows and Samba: the domain's Account lockout threshold; MIT: a policy's maxfailure for the principals), so that a slow spray cannot try many passwords for each account; ban the password tried if you can learn it (a common or seasonal one).",
}
M.DISTRIBUTED_TITLE = "Password spraying: many addresses of the internet, many accounts, bad passwords"

--- First in the advice of a finding of a schedule's failures: a
-- source's for accounts that are off, again at each of its runs
-- (findings: refused_again).
M.ON_SCHEDULE = "Failures for the same accounts at each run come from something set up to use them: for a locked-out user, the Remote Desktop sessions, phones and mapped drives that keep an old password; for an account disabled or expired, on the source, the scheduled tasks by their Run As User (schtasks /query /v /fo list), the services by their log-on account (Get-CimInstance Win32_Service | Select-Object Name, StartName) and IIS's application pools by their identity (appcmd list apppool /text:*)."

--- First in the advice of a lockout finding where one caller locked out
-- spray accounts or more within the window.
M.LOCKED_MANY = "One caller locked out several accounts within minutes: find out first what it is. A server that passes users' logons on (Exchange, ADFS or its proxy, a VPN or RD gateway, an IIS site) locks its users' accounts when their phones and PCs keep old passwords, several at once on a day many passwords change, and its own logs (IIS's, ADFS's, the gateway's) name the client behind each lockout: read those before blocking it. Any other caller guessed at each account past its lockout threshold: treat it as an attack's source."

--- The lockout advice's line where the source failed for other accounts,
-- which a caller's many lockouts alone do not show.
M.LOCKOUT_OTHERS = LOCKOUT_OTHERS

M.FROM_HOST = "These attempts came from a program on this host itself, not from another computer. Look at the process each 4625 names (not the logon screen) and at the session it ran in: the 4625's SubjectUserName and SubjectLogonId name that session, and its logon ID leads to the session's own 4624 and to its process creations (4688). In the advice below, the source is this host, and that program is what to look at."

--- FROM_HOST's line where every such session is one that all the
-- services of its account share (SYSTEM's 0x3e7, NETWORK SERVICE's
-- 0x3e4, LOCAL SERVICE's 0x3e5): there the logon ID names no one program,
-- and the process ID each 4625 gives is the lead.
M.FROM_SHARED_SESSION = "These attempts came from a program on this host itself, not from another computer, and it ran in a session that every service of its account shares (SYSTEM 0x3e7, NETWORK SERVICE 0x3e4, LOCAL SERVICE 0x3e5): that logon ID does not single out the program, and the session's process creations (4688) are every such service's. Follow the process IDs instead (each 4625's ProcessId, which the finding lists where the records give it): the 4688 just before the failure whose NewProcessId is that ID names the program and its creator (the creator's name from Windows 10 and Server 2016 on, its process ID before), and its command line (4688 is logged only where Audit Process Creation is on, its command line only where that is included too; process IDs are reused, so take the one nearest in time), and while it runs, tasklist /svc /fi \"PID eq <id>\" (the ID in decimal) names the services it hosts. In the advice below, the source is this host, and that program is what to look at."

--- After FROM_HOST, where some of the sessions are such a shared one.
M.SHARED_SESSION_TOO = "Some of these attempts ran in a session that every service of its account shares (SYSTEM 0x3e7, NETWORK SERVICE 0x3e4, LOCAL SERVICE 0x3e5): for those, the logon ID singles out nothing. Follow their 4625's ProcessId to the 4688 just before it whose NewProcessId is that ID, or, while it runs, to tasklist /svc."

--- What to check first when every attempt of a finding is Windows
-- starting a service (logon type 5, services.exe) or a task (4, the Task
-- Scheduler) as the account: the password stored with it is out of date,
-- and where it is stored is the lead, not the process that asked.
M.STARTED_SERVICE = "These are the Service Control Manager (services.exe, logon type 5) starting a service as this account with the password stored for it, which no longer works: no person typed it. The System log names the service (7038: unable to log on with the currently configured password; 7000: failed to start), and on this host Get-CimInstance Win32_Service | Where-Object StartName -like '*NAME*' lists those that run as the account. Set its current password in each service's Log On properties, or move the service to a group managed service account (gMSA), whose password Windows changes itself."
M.STARTED_TASK = "These are Windows starting something set to run as this account (logon type 4, batch, from svchost.exe) with the password stored for it, which no longer works: no person typed it. Most often a scheduled task: schtasks /query /v /fo list shows each task's Run As User, and the Task Scheduler's Operational log, where its history is on (it is off by default on some versions: Enable All Tasks History), names the task in 101 (failed to start the task for the user); its 104 (failed to log on the user) names the account alone. An IIS application pool or a COM+ application set to run as the account logs on the same way (the System log's WAS events name the pool; appcmd list apppool shows each pool's identity). Set the current password there (schtasks /change /tn NAME /rp *, which asks for it; the pool's or application's identity), or run it as a gMSA."

--- What to check first when every attempt of a finding was typed at the
-- logging host's own logon, lock or UAC screen: a person, not a stored
-- password nor a program.
M.AT_SCREEN = "These passwords were typed at this host's own logon or lock screen (or a UAC prompt): by a person at its keyboard, or in a console or Remote Desktop session being unlocked, not by a program. Ask the account's owner whether it was them (a caps lock, a password changed elsewhere that day); failures at a host no one should be sitting at mean someone has its console: physical access, or a remote one (a hypervisor's, a KVM's). One stored password logs on there too: automatic logon (a kiosk's AutoAdminLogon, or Sysinternals Autologon) with a password changed since; if the host is set for it, set the new one there."

--- Events that say the log itself misses something, in the order a
-- log_gaps finding lists them: what each is (Microsoft's name for it),
-- how much it matters, and what to do; routine ones (a shutdown, the
-- time service setting the clock) are listed beside another, never
-- alone.  Counted whatever the log's size: the reader tallies them by ID.
-- by: the line instead of check where the first names its account and
-- logon ID (the first %s) and time (the second).  alarm (4719): the
-- severity and line of each change by a person's account that takes away
-- auditing of logons (who, changes, subcategory, time, computer).
M.GAPS = {
  { id = 1102, what = "The audit log was cleared", severity = "high",
    check = "1102: someone cleared this log: what came before is gone from this file. Look for this host's events where they were forwarded (WEF, a SIEM) and on the domain controllers; a clear no one planned is an attacker's.",
    by = "1102: %s cleared this log at %s: what came before is gone from this file. Follow that logon ID on this host: the 4624 whose TargetLogonId it is says when and from where that session began, and the 4688s whose SubjectLogonId it is what it ran (where process creation is audited). Look for this host's events where they were forwarded (WEF, a SIEM) and on the domain controllers; a clear no one planned is an attacker's." },
  { id = 4719, what = "System audit policy was changed", severity = "low",
    check = "4719: the audit policy changed (the event names the account and the categories): what stopped being audited then is missing from the rest of this log. Group Policy logs it as SYSTEM when it applies a policy; a change by a person's account (auditpol) is worth a look.",
    alarm = { severity = "high",
              check = "4719: %s changed the auditing of %s (%s) at %s on %s: from then on this host did not log what was removed, until a later 4719 added it back, so this log's silence about those logons after that time is no evidence that none happened. A person's account did it, not Group Policy (which logs as SYSTEM): follow that logon ID (its 4624, its 4688s), look for the host's logons where they were also recorded (the domain controllers' 4768, 4769 and 4776; WEF or a SIEM), and see what is audited now with auditpol /get /category:*." } },
  { id = 1104, what = "The security log is now full", severity = "medium",
    check = "1104: the log was full: unless it archives, nothing more was written. Make it larger or archive it; the failures after are not in this file." },
  { id = 1101, what = "Audit events have been dropped by the transport", severity = "low",
    check = "1101: events were dropped before they were written: the counts in this report miss some." },
  { id = 1100, what = "The event logging service has shut down", severity = "low", routine = true,
    check = "1100: event logging stopped, as it does at every shutdown: nothing was logged until it started again. A stop with no restart of the host around it is worth a look." },
  { id = 1108, what = "The event logging service encountered an error", severity = "low",
    check = "1108: an event could not be logged (the event names which)." },
  { id = 4616, what = "The system time was changed", severity = "low", routine = true,
    check = "4616: the clock was set (the event gives the account, the process and both times): times on either side may not line up. A change by a user's program rather than the time service is worth a look." },
}

--- A 4719's Changes (AuditPolicyChanges): the %%NNNN inserts Windows
-- writes and the texts it shows for them (msobjs.dll's message table, as
-- Microsoft's 4719 page lists them).
M.AUDIT_CHANGES = { [8448] = "Success removed", [8449] = "Success added",
                    [8450] = "Failure removed", [8451] = "Failure added" }

--- The audit subcategories whose events tell logons, by SubcategoryGuid
-- (lower case, no braces; ntsecapi.h's Audit_Logon_* and
-- Audit_AccountLogon_*, Microsoft's "Auditing Constants"): a person's
-- 4719 that removes one of them is the log_gaps finding's alarm.
M.LOGON_AUDITING = {
  ["0cce9215-69ae-11d9-bed3-505054503030"] = "Logon",
  ["0cce9216-69ae-11d9-bed3-505054503030"] = "Logoff",
  ["0cce9217-69ae-11d9-bed3-505054503030"] = "Account Lockout",
  ["0cce921b-69ae-11d9-bed3-505054503030"] = "Special Logon",
  ["0cce921c-69ae-11d9-bed3-505054503030"] = "Other Logon/Logoff Events",
  ["0cce923f-69ae-11d9-bed3-505054503030"] = "Credential Validation",
  ["0cce9240-69ae-11d9-bed3-505054503030"] = "Kerberos Service Ticket Operations",
  ["0cce9242-69ae-11d9-bed3-505054503030"] = "Kerberos Authentication Service",
}

--- The IDs of GAPS' events, as a set: the reader keeps where the first few
-- are, the triage counts them, and the filters let them through.
M.ABOUT_THE_LOG = {}
for _, g in ipairs(M.GAPS) do M.ABOUT_THE_LOG[g.id] = true end

--- After a why that names some of a finding's sources (those in an attack
-- nearby, or failing for other accounts): which of those named are
-- internet addresses (it, all, or those marked), and then its other
-- sources that are, each address named once.
local function direct(whose)
  return "reached the host directly from the internet, not through a web front end (outside the network unless --internal names " ..
         whose .. " block as the network's own)"
end
M.WHY_INTERNET_IT = "; it " .. direct("its")
M.WHY_INTERNET_ALL = "; all of them " .. direct("their")
M.WHY_INTERNET_MARKED_ONE = "; the one marked (internet) " .. direct("its")
M.WHY_INTERNET_MARKED = "; those marked (internet) " .. direct("their")
M.WHY_INTERNET_SO_DID = "; and so did, of its other sources: "
M.WHY_INTERNET_REST_ONE = "; of its other sources, this one " .. direct("its") .. ": "
M.WHY_INTERNET_REST = "; of its other sources, these " .. direct("their") .. ": "

--- Why a finding has the reading it has, in the words reports use.
M.WHY = {
  public_success = "a logon succeeded from an internet address",
  public_failures = "attempts failed from internet addresses, and none succeeded",
  public_web = "logons succeeded from internet addresses, each through a web front end the host publishes (IIS, Exchange, ADFS), whose users sign in from outside as its job",
  public_failures_unsourced = "attempts failed from internet addresses, and none succeeded from one; but a logon whose record names no source followed such failures for the same account, and may be one (success_after_failures)",
  other_accounts = "the source also failed for other accounts within the window",
  rate = "more bad passwords came for this account within the window than a person retypes, from one source or from sources that each sent it few: a guessing tool's count (brute_force)",
  one_account = "the source failed for this account only",
  front_end_others = "the source also failed for other accounts within the window, but through a web front end (IIS, Exchange, ADFS) from inside the network (the front end's own address or a proxy's), where the failures of every user whose phone holds an old password meet: this account's are read by themselves",
  none_other = "none of the sources failed for another account within the window of these attempts",
  one_account_unnamed = "the source named failed for this account only, and some of the attempts name no source, whose other failures could not be looked at",
  none_other_unnamed = "none of the sources named failed for another account within the window of these attempts, and some of the attempts name no source, whose other failures could not be looked at",
  no_source = "the records name no source, so no other failures of one could be looked at: read as a stale credential until the source is found",
  tool = "the pattern is a tool's: many accounts or tickets from one source",
  no_preauth = "a TGT was issued without pre-authentication, whose reply anyone who asked can crack offline for the account's password; one account's TGT alone may also be its own logon, as an account that does not require pre-authentication gets its TGT without it",
  no_preauth_sources = "TGTs for this account were issued without pre-authentication to %d sources, each of which asked for this account alone: each reply can be cracked offline for its password; each may also be the account's own logon from a host that runs what uses it, and a source that runs nothing of it is a tool's",
  no_preauth_unsourced = "TGTs were issued without pre-authentication to several accounts, and each reply can be cracked offline for its account's password; the records name no client, so whether one tool asked for them all cannot be told",
  tool_process = "a program outside Windows and Program Files supplied the credentials",
  system_process = "a Windows or installed program supplied the credentials (scheduled tasks, services)",
  many_services = "many services' tickets asked for in the window",
  refused_etype = "many user-account services' tickets asked for in the window, each refused for its encryption type: a roasting tool's RC4 request where the services take AES alone",
  one_service = "one service's tickets, by each client that asked, as the KDC gives them for a service account without AES or an old client asks for them",
  after_others = "the success's source also failed for other accounts within the window before it",
  after_burst = "the failures before the success came faster than a person types (under 2 seconds apart on average)",
  after_unnamed = "the success's source sent failures naming no account at a tool's pace before it",
  after_count = "more failures came before the success within the window than a person retypes, from one source (or naming none) or from sources that each sent the account few: a guessing tool's count (brute_force)",
  unnamed_rate = "more failures naming no account in a minute than anything but a tool sends",
  refused_again = "the source failed for accounts that are off (disabled, expired, refused by Kerberos) again and again, at several runs minutes or hours apart, never with a bad password or a name that does not exist, and near these for no other account: scheduled tasks, services and application pools still set to run as such an account fail at each run; a tool probing names asks for names that do not exist too, or many names a minute",
  locked_many = "one caller locked out %d accounts within the window, as guessing at many accounts does past their lockout threshold",
  distributed = "bad passwords for as many as %d accounts in one minute at %s, from %d addresses of the internet in such minutes (outside the network unless --internal names their block as the network's own), none of which tried that many alone: one list tried from many addresses (a botnet's, or a tool's that changes its address at each try); people mistyping from home do not send that many accounts at once",
  distributed_fixed = "bad passwords for as many as %d accounts in one minute at %s, from %d addresses of the internet in such minutes (outside the network unless --internal names their block as the network's own), none of which tried that many alone: one list tried from many addresses, more accounts at once than people mistyping send; but %d of its %d accounts logged on from the address of a bad password within a minute after it, as people who mistyped do (the morning after passwords were reset, say), where a tool's hit comes with no failure before it",
  unsourced_rate = "NTLM bad passwords for %d accounts in one minute at one DC, naming no source or only workstation names no logon came from (the client makes that name up): more accounts at once than people mistyping send, a spraying tool's pace",
  unsourced_rate_fixed = "NTLM bad passwords for %d accounts in one minute at one DC, naming no source or only workstation names no logon came from (the client makes that name up): more accounts at once than people mistyping send, a spraying tool's pace; but %d of its %d accounts logged on within a minute after a bad password, as people who mistyped do, and as accounts whose password the tool's next try found",
  unnamed_pace = "failures naming no account at a pace a device or program set up wrong keeps",
  named_attack = "the source is in another finding read as an attack",
  attack_nearby = "the source is in another finding read as an attack, within the window of these attempts",
  from_internet = "the source is an internet address, outside the network unless --internal names its block as the network's own",
  other_accounts_some = "of its sources, these also failed for other accounts within the window",
  -- (not "are internet addresses": a source passed over for its front
  -- end, a phone's through OWA, may be one too)
  from_internet_some = "of its sources, these reached the host directly from the internet, not through a web front end (outside the network unless --internal names their block as the network's own)",
  attack_nearby_some = "of its sources, these are in another finding read as an attack, within the window of these attempts",
  failed_from_attack = "the success's record names no source, and failures before it came from sources another finding reads as an attack, within the window of these attempts",
  -- (the _some ones filled in: "the success's record names" or "the
  -- successes' records name", the counts, "it" or "them", the internet's
  -- addresses, "the success" or "each success", "its record" or "their
  -- records")
  failed_from_attack_some = "%s no source, and %d of the %d failures before %s came from sources another finding reads as an attack, within the window of these attempts, the rest from other sources or none named (whether %s came from those sources or from where the rest did, a user's mistypes perhaps, %s cannot tell)",
  failed_from_internet = "the success's record names no source, and failures before it came from internet addresses, outside the network unless --internal names their block as the network's own",
  failed_from_internet_some = "%s no source, and %d of the %d failures before %s came from the internet (%s: outside the network unless --internal names their block as the network's own), the rest from other sources or none named: whether %s came from the internet or from where the rest did, a user's mistypes perhaps, %s cannot tell",
  typo = "failures at a person's pace, then the success, from the same source",
  typo_failures_no_source = "failures at a person's pace, then the success; of the failures counted, some or all name no source, and whether those came from where the success did is not known",
  typo_no_source = "failures at a person's pace, then the success, whose record names no source: the failures counted are the account's from anywhere, and whether the success came from where they did is not known",
  skew_one = "Kerberos refused these for clock skew, from one or two clients: a client's own clock is the likelier one off",
  skew_many = "Kerberos refused these for clock skew, from several clients at once: the clock they share, the KDC's, is the likelier one off",
  skew_no_source = "Kerberos refused these for clock skew, and the records name no client: whether a client's clock or the KDC's is off cannot be told from them",
}

--- After a why that names no source (failures for other accounts, a
-- rate, an attack nearby): its one source's address where that is the
-- internet's, or the internet's among its several, in WHY's words.
M.WHY_INTERNET_ONE = "; and " .. M.WHY.from_internet .. ": "
M.WHY_INTERNET_OF = "; " .. M.WHY.from_internet_some .. ": "

--- The WHY of some sources, where one is named: in the singular.
M.WHY_ONE_OF = {
  other_accounts_some = "of its sources, this one also failed for other accounts within the window",
  from_internet_some = "of its sources, this one reached the host directly from the internet, not through a web front end (outside the network unless --internal names its block as the network's own)",
  attack_nearby_some = "of its sources, this one is in another finding read as an attack, within the window of these attempts",
}
M.WHY_INTERNET_OF_ONE = "; " .. M.WHY_ONE_OF.from_internet_some .. ": "

--- The readings a finding can have, in the words reports use.
M.READINGS = {
  attacker = "an attack: the source also failed for other accounts, or the pattern is a tool's",
  stale_credential = "a stale credential or a misconfiguration on the source",
}

--- The severity of a finding of kind under a reading.
function M.severity(kind, reading)
  local k = M.KINDS[kind]
  if reading == "attacker" and k.attacker_severity then return k.attacker_severity end
  return k.severity
end

--- The platforms whose logs logonerr reads, by the reader's format: the
-- advice names each one's own records and tools (a KDC on Linux has no
-- 4740 to look for, no PDC emulator, no NTLM to fall back to).
M.PLATFORM_OF = { evtx = "windows", xml = "windows", json = "windows",
                  ["mit-kdc"] = "mit", samba = "samba" }
M.PLATFORMS = {
  windows = "Windows Security log",
  mit = "MIT Kerberos KDC log (krb5kdc)",
  samba = "Samba AD DC authentication audit",
}

--- The advice for a kind under a reading (a kind with one reading gives
-- that one's), on platform ("windows", the default, "mit" or "samba"):
-- the kind's platforms[platform][reading] where it has one, else its own.
function M.advice(kind, reading, platform)
  local k = M.KINDS[kind]
  local a, p = k.advice, platform and k.platforms and k.platforms[platform] or {}
  return p[reading] or a[reading] or p.attacker or p.stale_credential or
         a.attacker or a.stale_credential
end

return M
