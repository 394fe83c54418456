#!/bin/sh
# `plankiosk check` as staff use it: the shipped config passes; poor contrast is refused with
# the line and column of each colour and its ratio; a broken file names its place.
# Usage: test_check_cli.sh PLANKIOSK SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail=0
expect() { # expect STATUS FILE STRING...
  want=$1 file=$2; shift 2
  for s in "$@"; do
    grep -qF -- "$s" "$file" || { echo "FAIL: '$s' not in:"; cat "$file"; fail=1; }
  done
  [ "$got" -eq "$want" ] || { echo "FAIL: exit $got, expected $want"; fail=1; }
}

"$bin" check "$src/config/rotherham-2025.yaml" >"$out/shipped" 2>&1; got=$?
expect 0 "$out/shipped" ': OK: "The Rotherham Plan"' 'languages: en ' ', ur ' '(not reviewed)'
grep -q 'contrast' "$out/shipped" && { echo "FAIL: the shipped colours are reported"; fail=1; }

pale="$src/tests/fixtures/contrast/pale-grey.yaml"
"$bin" check "$pale" >"$out/pale" 2>&1; got=$?
expect 1 "$out/pale" \
  "pale-grey.yaml:8:9: theme: 'text' on 'background' has a contrast of 1.92:1, below the 4.5:1" \
  "pale-grey.yaml:9:10: theme: 'muted' on 'background' has a contrast of 1.61:1" \
  "pale-grey.yaml: refused: 11 text colours are below the WCAG AA contrast"

printf 'plankiosk: 1\nkiosk: {id: x, location: y\nplan: {title: t}\n' >"$out/broken.yaml"
"$bin" check "$out/broken.yaml" >"$out/broken" 2>&1; got=$?
expect 1 "$out/broken" "broken.yaml:3:"

[ $fail -eq 0 ] && echo "ok"
exit $fail
