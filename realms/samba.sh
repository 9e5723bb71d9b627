#!/bin/sh
# A Samba AD DC (Debian samba, samba-ad-provision) for realms/run.sh: every
# file under $1 (its smb.conf is given with -s; nothing is read from /etc),
# listening on lo only, with the authentication audit on (text and JSON).
# Logons are made with smbclient (NTLM over SMB2) and kinit (Samba's KDC);
# each one is written to $1/expected as "samba STATUS ACCOUNT".
set -eu
T=$1
D=$T/samba
mkdir -p "$D/log" "$D/run"
printf '[global]\n' > "$D/base.conf"
# (the provision sets the sysvol's ACL through Samba's acl_xattr module:
# Debian's samba-vfs-modules, which samba only recommends)
if ! samba-tool domain provision -s "$D/base.conf" --targetdir="$D/dc" \
  --realm=CORP.TEST --domain=CORP --server-role=dc --dns-backend=NONE \
  --adminpass="Adm1n-$$-Pass" --host-ip=127.0.0.1 \
  --option="interfaces = lo" --option="bind interfaces only = yes" \
  > "$D/provision.log" 2>&1; then
  echo "test-realms: samba-tool domain provision failed; the end of its log:" >&2
  tail -n 25 "$D/provision.log" >&2
  exit 1
fi
CONF=$D/dc/etc/smb.conf
# The audit, and the few places Samba would otherwise write under /var or /run.
sed -i '/^\[global\]/a\
	log file = '"$D"'/log/samba.log\
	logging = file\
	max log size = 0\
	log level = 1 auth_audit:3 auth_json_audit:3\
	pid directory = '"$D"'/run\
	ncalrpc dir = '"$D"'/run/ncalrpc\
	winbindd socket directory = '"$D"'/run/winbindd\
	ntp signd socket directory = '"$D"'/run/ntp_signd\
	server services = s3fs, rpc, ldap, cldap, kdc, winbindd' "$CONF"
ST() { samba-tool "$@" -s "$CONF" >/dev/null; }
for u in bob alice carol frank grace heidi; do ST user create "$u" "Good-$u-1"; done
ST user create dave Good-dave-1; ST user disable dave          # disabled
ST user create erin Good-erin-1; ST user setexpiry erin --days=0  # expired
samba -s "$CONF" --foreground --no-process-group &
echo $! > "$D/pid"
i=0
# ready when the SMB, Kerberos and LDAP ports listen (a probe logon would
# be logged too)
listening() { ss -Hltn "sport = :$1" | grep -q .; }
until { listening 445 && listening 88 && listening 389; } || [ $i -ge 600 ]; do
  i=$((i + 1)); sleep 0.2
done
EX=$T/expected
smb() { smbclient -s "$D/base.conf" //127.0.0.1/netlogon --use-kerberos=off \
          -U "CORP\\$1%$2" -c ls >/dev/null 2>&1 || true; }
cat > "$D/krb5.conf" <<CONF
[libdefaults]
  default_realm = CORP.TEST
  dns_lookup_kdc = false
  dns_lookup_realm = false
  rdns = false
  udp_preference_limit = 1
[realms]
  CORP.TEST = {
    kdc = 127.0.0.1
  }
CONF
krb() { printf '%s\n' "$2" | KRB5_CONFIG="$D/krb5.conf" KRB5CCNAME="FILE:$D/ccache" \
          kinit "$1@CORP.TEST" >/dev/null 2>&1 || true; }
smb bob Good-bob-1; echo "samba NT_STATUS_OK bob" >> "$EX"
for n in 1 2 3 4 5 6 7 8; do
  smb bob "Wrong-$n"; echo "samba NT_STATUS_WRONG_PASSWORD bob" >> "$EX"; done
smb bob Good-bob-1; echo "samba NT_STATUS_OK bob" >> "$EX"
for u in alice carol frank grace heidi; do
  smb $u Spray-2026; echo "samba NT_STATUS_WRONG_PASSWORD $u" >> "$EX"; done
for u in nobody ghost admin1 test2; do
  smb $u x; echo "samba NT_STATUS_NO_SUCH_USER $u" >> "$EX"; done
smb dave Good-dave-1; echo "samba NT_STATUS_ACCOUNT_DISABLED dave" >> "$EX"
smb erin Good-erin-1; echo "samba NT_STATUS_ACCOUNT_EXPIRED erin" >> "$EX"
krb alice Good-alice-1; echo "samba NT_STATUS_OK alice" >> "$EX"
krb alice Wrong-1; echo "samba NT_STATUS_WRONG_PASSWORD alice" >> "$EX"
# The audit is written as the servers go on: wait for every line of it.
n=$(grep -c "^samba " "$EX")
i=0
until [ "$(grep -c '^  Auth: ' "$D/log/samba.log")" -ge "$n" ] || [ $i -ge 100 ]; do
  i=$((i + 1)); sleep 0.1
done
