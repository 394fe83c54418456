#!/bin/sh
# `plankiosk check` reads the keyboards a config's languages use: the shipped ones check clean;
# a config naming a broken keyboard for Polish is refused, the problem at its place in the
# keyboard file; `shoot` draws every keyboard page of a language and the long-press popup.
# Usage: test_keyboards_cli.sh PLANKIOSK SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail=0
"$bin" check "$src/config/rotherham-2025.yaml" >"$out/ok" || { echo "FAIL shipped config:"; cat "$out/ok"; fail=1; }
cat >"$out/kb.yaml" <<'KB'
name: broken
pages:
  - name: letters
    rows:
      - [a, {action: jump}]
KB
sed "s#^  unreviewed: \(.*\)#  unreviewed: \1\n  keyboards: {pl: $out/kb.yaml}#" "$src/config/rotherham-2025.yaml" >"$out/cfg.yaml"
cp -r "$src/assets/images" "$out/" 2>/dev/null
if "$bin" check "$out/cfg.yaml" >"$out/bad"; then echo "FAIL a broken keyboard was accepted"; fail=1; fi
grep -q "kb.yaml:5:22: page 1 (letters): 'action' cannot be \"jump\"" "$out/bad" || { echo "FAIL message:"; cat "$out/bad"; fail=1; }
grep -q "cfg.yaml: 1 problem" "$out/bad" || { echo "FAIL count:"; cat "$out/bad"; fail=1; }
# Every keyboard page of Czech (five rows) and the popup, at the Pi's size.
SDL_VIDEODRIVER=dummy "$bin" shoot --language cs --size 800x480 --out "$out/shots" >"$out/shots.txt" || { echo "FAIL shoot"; fail=1; }
for page in 0-letters 1-LETTERS 2-123; do
  [ -s "$out/shots/feedback-keyboard-$page.png" ] || { echo "FAIL no shot of page $page"; fail=1; }
done
[ -s "$out/shots/feedback-keyboard-long-press.png" ] || { echo "FAIL no shot of the long press"; fail=1; }
[ $fail -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail
