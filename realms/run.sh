#!/bin/sh
# make test-realms: a real MIT KDC and a real Samba AD DC, in a network
# namespace of their own (only its loopback), every file under one temporary
# folder (smbd and winbindd open a default log in /var/log/samba before they
# read smb.conf: a mount namespace puts a folder of ours there).  Logons are made against both (realms/mit.sh, realms/samba.sh),
# the servers are stopped by their PIDs, and realms/check.lua compares what
# logonerr reads in their logs with what was done.
#   REALMS_REQUIRED=1  fail instead of skipping where namespaces are refused
#   REALMS_OUT=DIR     keep the logs there (spec/fixtures/linux is made so)
set -eu
cd "$(dirname "$0")/.."
if [ "${REALMS_IN_NS:-}" != 1 ]; then
  if ! unshare -n -m true 2>/dev/null; then
    msg="network namespaces are not allowed here (unshare -n -m failed; it needs root)"
    if [ "${REALMS_REQUIRED:-}" = 1 ]; then
      echo "test-realms: $msg" >&2
      exit 1
    fi
    echo "test-realms: SKIPPED: $msg"
    exit 0
  fi
  exec unshare -n -m --propagation private env REALMS_IN_NS=1 sh "$0" "$@"
fi
ip link set lo up
T=$(mktemp -d "${TMPDIR:-/tmp}/logonerr-realms.XXXXXX")
if [ -d /var/log/samba ]; then
  mkdir -p "$T/var-log-samba"
  mount --bind "$T/var-log-samba" /var/log/samba
fi
stop() {
  for f in "$T/mit/pid" "$T/samba/pid"; do
    if [ -s "$f" ]; then
      kill "$(cat "$f")" 2>/dev/null || true
      # wait for it to go, by its PID
      i=0
      while kill -0 "$(cat "$f")" 2>/dev/null && [ $i -lt 100 ]; do
        i=$((i + 1)); sleep 0.1
      done
      rm -f "$f"
    fi
  done
}
trap 'stop; rm -rf "$T"' EXIT
trap 'exit 1' INT TERM
echo "test-realms: MIT KDC (EXAMPLE.TEST) in $T/mit"
sh realms/mit.sh "$T"
echo "test-realms: Samba AD DC (CORP.TEST) in $T/samba"
sh realms/samba.sh "$T"
stop
if [ -n "${REALMS_OUT:-}" ]; then
  mkdir -p "$REALMS_OUT"
  cp "$T/mit/krb5kdc.log" "$REALMS_OUT/krb5kdc.log"
  cp "$T/samba/log/samba.log" "$REALMS_OUT/samba-auth-audit.log"
  cp "$T/expected" "$REALMS_OUT/expected"
  chmod a+r "$REALMS_OUT"/*
fi
${LUA:-lua5.4} realms/check.lua "$T/expected" "$T/mit/krb5kdc.log" "$T/samba/log/samba.log"
