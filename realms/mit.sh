#!/bin/sh
# An MIT KDC (Debian krb5-kdc) for realms/run.sh: every file under $1, the
# KDC on 127.0.0.1:$KDC_PORT, and logons made against it with kinit.  Each
# logon is written to $1/expected as "mit CODE ACCOUNT" for every AS or TGS
# failure the KDC should log (NEEDED_PREAUTH counted as it is logged).
set -eu
T=$1
R=EXAMPLE.TEST
PORT=${KDC_PORT:-60088}
mkdir -p "$T/mit"
D=$T/mit
cat > "$D/krb5.conf" <<CONF
[libdefaults]
  default_realm = $R
  dns_lookup_kdc = false
  dns_lookup_realm = false
  rdns = false
  udp_preference_limit = 1
[realms]
  $R = {
    kdc = 127.0.0.1:$PORT
  }
CONF
cat > "$D/kdc.conf" <<CONF
[kdcdefaults]
  kdc_ports = $PORT
  kdc_tcp_ports = $PORT
[realms]
  $R = {
    database_name = $D/principal
    key_stash_file = $D/stash
    acl_file = $D/kadm5.acl
    admin_keytab = FILE:$D/kadm5.keytab
    kdc_ports = $PORT
    kdc_tcp_ports = $PORT
    default_principal_flags = +preauth
  }
[logging]
  kdc = FILE:$D/krb5kdc.log
  default = FILE:$D/krb5lib.log
CONF
: > "$D/kadm5.acl"
export KRB5_CONFIG="$D/krb5.conf" KRB5_KDC_PROFILE="$D/kdc.conf"
export KRB5RCACHEDIR="$D" KRB5CCNAME="FILE:$D/ccache"
kdb5_util create -s -r $R -P "master-$$-key" >/dev/null
add() { kadmin.local -q "addprinc $*" >/dev/null 2>&1; }
for u in bob alice carol frank grace heidi; do add -pw "Good-$u-1" "$u"; done
add -pw Good-dave-1 -allow_tix dave            # disabled
add -pw Good-erin-1 -expire 2020-01-01 erin   # account expired
add -pw Good-ivan-1 -pwexpire 2020-01-01 ivan # password expired
krb5kdc -n -P "$D/krb5kdc.pid" &
echo $! > "$D/pid"
i=0
until grep -q "commencing operation" "$D/krb5kdc.log" 2>/dev/null || [ $i -ge 100 ]; do
  i=$((i + 1)); sleep 0.1
done
EX=$T/expected
# kinit USER PASSWORD: one AS exchange as a user makes it
logon() { printf '%s\n' "$2" | kinit "$1@$R" >/dev/null 2>&1 || true; }
ok() { logon "$1" "Good-$1-1"; echo "mit NEEDED_PREAUTH $1" >> "$EX"; }
bad() { logon "$1" "Wrong-$2"; echo "mit NEEDED_PREAUTH $1" >> "$EX"
        echo "mit PREAUTH_FAILED $1" >> "$EX"; }
ok bob; ok alice
for n in 1 2 3 4 5 6 7 8; do bad bob $n; done   # guessing one account
ok bob                                            # then in
for u in alice carol frank grace heidi; do bad $u spray; done  # one password, many
for u in nobody ghost admin1 test2; do            # names that do not exist
  logon $u x; echo "mit CLIENT_NOT_FOUND $u" >> "$EX"; done
logon dave Good-dave-1; echo "mit CLIENT_LOCKED_OUT dave" >> "$EX"
logon erin Good-erin-1; echo "mit CLIENT_EXPIRED erin" >> "$EX"
logon ivan Good-ivan-1; echo "mit CLIENT_KEY_EXPIRED ivan" >> "$EX"
# (kinit then asks the password-change service for a ticket, and the
# password to change to, which stdin does not give)
echo "mit NEEDED_PREAUTH ivan" >> "$EX"
# a service ticket for a service that does not exist (TGS)
logon bob Good-bob-1; echo "mit NEEDED_PREAUTH bob" >> "$EX"
kvno "nosuch/host.example.test@$R" >/dev/null 2>&1 || true
# (asked with referrals allowed, then again without)
echo "mit LOOKING_UP_SERVER bob" >> "$EX"; echo "mit LOOKING_UP_SERVER bob" >> "$EX"
