#!/bin/sh
# The staff command line and a clean stop: hash-pin makes a hash from a PIN on standard input
# and refuses what is not a PIN; the kiosk stops cleanly on SIGTERM (systemd's stop) even in
# kiosk mode, where keys and window-close are ignored.
# Usage: test_cli_staff.sh PLANKIOSK SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail=0
hash=$(echo 2468 | "$bin" hash-pin) || { echo "FAIL hash-pin exit $?"; fail=1; }
case "$hash" in '$argon2id$'*) ;; *) echo "FAIL hash-pin printed: $hash"; fail=1 ;; esac
if echo 12ab | "$bin" hash-pin >/dev/null 2>"$out/err"; then echo "FAIL hash-pin took letters"; fail=1; fi
grep -q "4 to 12 digits" "$out/err" || { echo "FAIL message: $(cat "$out/err")"; fail=1; }
# A config with the hash checks clean; one with the PIN itself written in is refused.
cfg="$out/staff.yaml"
sed "s#^feedback:#staff:\n  pin_hash: \"$hash\"\nfeedback:#" "$src/config/rotherham-2025.yaml" >"$cfg"
cp -r "$src/assets/images" "$out/" 2>/dev/null
"$bin" check "$cfg" >"$out/check" || { echo "FAIL check of a config with a PIN hash:"; cat "$out/check"; fail=1; }
sed "s#^feedback:#staff:\n  pin_hash: \"2468\"\nfeedback:#" "$src/config/rotherham-2025.yaml" >"$out/bad.yaml"
if "$bin" check "$out/bad.yaml" >"$out/bad"; then echo "FAIL a plain PIN was accepted"; fail=1; fi
grep -q "bad.yaml:[0-9]*:[0-9]*: staff: 'pin_hash' must be the line printed by" "$out/bad" || { echo "FAIL:"; cat "$out/bad"; fail=1; }
# SIGTERM: a clean, prompt exit with status 0.
XDG_DATA_HOME="$out/data" SDL_VIDEODRIVER=dummy "$bin" --config "$src/config/rotherham-2025.yaml" --exit-after 60 2>"$out/run.err" &
pid=$!
sleep 2
kill -TERM $pid
i=0
while kill -0 $pid 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
if kill -0 $pid 2>/dev/null; then echo "FAIL still running 5 s after SIGTERM"; kill -9 $pid; fail=1; fi
wait $pid; st=$?
[ $st -eq 0 ] || { echo "FAIL exit status $st after SIGTERM"; cat "$out/run.err"; fail=1; }
[ $fail -eq 0 ] && echo ok
exit $fail
