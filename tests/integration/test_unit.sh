#!/bin/sh
# The systemd unit, packaging/plankiosk.service:
# 1. `systemd-analyze verify` passes with nothing to say (ExecStart pointed at the built
#    binary, the man page of Documentation= found through MANPATH).
# 2. Its ExecStart= runs by hand the way systemd would start it: only the unit's Environment=
#    (SDL_VIDEODRIVER=dummy instead of kmsdrm, as there is no screen here) plus what systemd
#    itself sets (HOME, STATE_DIRECTORY, NOTIFY_SOCKET, WATCHDOG_USEC), its UMask=, --config
#    pointed at the repo's config (/etc/plankiosk may not exist here) and --exit-after 3. As
#    root it runs as an unprivileged user (nobody, standing in for the unit's User=plankiosk)
#    in a network namespace of its own (PrivateNetwork=yes). It must exit 0, and, as
#    Type=notify with WatchdogSec= requires, send READY=1 and WATCHDOG=1 pings.
# Usage: test_unit.sh PLANKIOSK SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 out=$3
unit="$src/packaging/plankiosk.service"
rm -rf "$out" && mkdir -p "$out"
fail=0

if ! command -v systemd-analyze >/dev/null 2>&1; then
  echo "FAIL systemd-analyze is not installed: run packaging/install-deps (Debian package 'systemd')"
  exit 1
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "FAIL python3 is not installed (it listens on the notify socket): run packaging/install-deps"
  exit 1
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

# --- 1. systemd-analyze verify ---------------------------------------------------------------
mkdir -p "$out/unit" "$out/man/man1"
sed "s#^ExecStart=/usr/bin/plankiosk #ExecStart=$bin #" "$unit" >"$out/unit/plankiosk.service"
grep -q "^ExecStart=$bin " "$out/unit/plankiosk.service" || { echo "FAIL ExecStart= does not start with /usr/bin/plankiosk"; fail=1; }
gzip -9nc "$src/packaging/plankiosk.1" >"$out/man/man1/plankiosk.1.gz"
man_opt=""
command -v man >/dev/null 2>&1 || man_opt="--man=no" # no man-db here: skip Documentation=
# shellcheck disable=SC2086
MANPATH="$out/man" systemd-analyze verify $man_opt "$out/unit/plankiosk.service" >"$out/verify.log" 2>&1
st=$?
if [ $st -ne 0 ] || [ -s "$out/verify.log" ]; then
  echo "FAIL systemd-analyze verify (exit $st):"; cat "$out/verify.log"; fail=1
fi

# --- 2. ExecStart by hand --------------------------------------------------------------------
n=$(grep -c '^ExecStart=' "$unit")
[ "$n" -eq 1 ] || { echo "FAIL the unit has $n ExecStart= lines, expected 1"; exit 1; }
execstart=$(sed -n 's/^ExecStart=//p' "$unit")
# The unit's environment: each Environment= line holds one or more NAME=VALUE words.
unit_env=""
for word in $(sed -n 's/^Environment=//p' "$unit" | tr -d '"'); do
  case "$word" in
    SDL_VIDEODRIVER=*) word=SDL_VIDEODRIVER=dummy ;;
  esac
  unit_env="$unit_env $word"
done
case "$unit_env" in *SDL_VIDEODRIVER=dummy*) ;; *) echo "FAIL the unit sets no SDL_VIDEODRIVER"; fail=1 ;; esac
umask_unit=$(sed -n 's/^UMask=//p' "$unit")

# The command line: the built binary for the first word, the repo's config for --config.
# shellcheck disable=SC2086
set -- $execstart # split into words, as systemd does for a line without quotes
[ "$1" = /usr/bin/plankiosk ] || { echo "FAIL ExecStart= runs $1, expected /usr/bin/plankiosk"; fail=1; }
shift
cmd="$bin"
while [ $# -gt 0 ]; do
  if [ "$1" = --config ] && [ $# -ge 2 ]; then
    cmd="$cmd --config $src/config/rotherham-2025.yaml"
    shift 2
  else
    cmd="$cmd $1"
    shift
  fi
done
cmd="$cmd --exit-after 3"
case "$cmd" in *" --config $src/config/"*) ;; *) echo "FAIL ExecStart= has no --config"; fail=1 ;; esac

# What systemd adds: the user's HOME (plankiosk's is /var/lib/plankiosk), STATE_DIRECTORY from
# StateDirectory=, the notify socket and the watchdog (2 s here, so pings show within 3 s).
state="$out/state"
mkdir -p "$state"
sock="$out/notify.sock"
python3 - "$sock" "$out/notify.log" >"$out/listener.err" 2>&1 <<'EOF' &
import os, socket, sys
path, log = sys.argv[1], sys.argv[2]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(path)
os.chmod(path, 0o777)  # the kiosk may run as another user
s.settimeout(30)
with open(log, "w") as f:
    while True:
        try:
            msg = s.recv(4096).decode("utf-8", "replace")
        except socket.timeout:
            break
        if msg == "TEST-END":
            break
        f.write(msg.replace("\n", " | ") + "\n")
        f.flush()
EOF
listener=$!
i=0
while [ ! -S "$sock" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
[ -S "$sock" ] || { echo "FAIL the notify socket listener did not start:"; cat "$out/listener.err"; exit 1; }

wrap=""
as="the current user ($(id -un))"
if [ "$(id -u)" -eq 0 ]; then
  if command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
    chown nobody "$state"
    wrap="setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups"
    as="nobody"
  fi
  if unshare -n true 2>/dev/null; then
    wrap="unshare -n $wrap"
    as="$as, in its own network namespace"
  fi
fi
# Sanitizer settings (the asan preset's) are passed on; they are not part of the unit.
for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
  eval "val=\${$v:-}"
  # shellcheck disable=SC2154
  [ -z "$val" ] || unit_env="$unit_env $v=$val"
done
echo "running as $as: $cmd"
echo "with:$unit_env"

# WATCHDOG_PID must be the kiosk's own pid: the sh that sets it execs the kiosk.
# shellcheck disable=SC2086
(
  umask "${umask_unit:-0022}"
  exec $wrap env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 HOME="$state" USER=plankiosk LOGNAME=plankiosk SHELL=/usr/sbin/nologin \
    STATE_DIRECTORY="$state" NOTIFY_SOCKET="$sock" WATCHDOG_USEC=2000000 \
    $unit_env \
    sh -c 'WATCHDOG_PID=$$; export WATCHDOG_PID; exec "$@"' sh $cmd
) >"$out/run.out" 2>"$out/run.err"
st=$?
python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.sendto(b"TEST-END", sys.argv[1])' "$sock" 2>/dev/null
wait $listener 2>/dev/null

if [ $st -ne 0 ]; then
  echo "FAIL ExecStart exited with status $st:"; cat "$out/run.err"; fail=1
fi
# The kiosk's folder for this kiosk's feedback is made at start: it must be in the service's
# own folders (StateDirectory=, or HOME, which for the plankiosk user is the same folder).
kdir=$(find "$state" -type d -name rotherham-town-centre | head -n 1)
[ -n "$kdir" ] || { echo "FAIL no feedback folder for the kiosk under STATE_DIRECTORY or HOME ($state)"; fail=1; }
grep -q 'READY=1' "$out/notify.log" || { echo "FAIL no READY=1 on the notify socket (Type=notify would time out)"; fail=1; }
grep -q 'WATCHDOG=1' "$out/notify.log" || { echo "FAIL no WATCHDOG=1 ping in 3 s with a 2 s watchdog (WatchdogSec= would kill it)"; fail=1; }
if [ $fail -ne 0 ]; then
  echo "notify messages:"; cat "$out/notify.log" 2>/dev/null
  echo "stderr:"; cat "$out/run.err"
fi
[ $fail -eq 0 ] && echo "ok: verify clean; ExecStart exit 0; feedback in ${kdir#"$out"/}; notify: $(tr '\n' ' ' <"$out/notify.log" | cut -c1-200)"
exit $fail
