#!/bin/sh
# `plankiosk check` as staff use it: the shipped config passes; poor contrast is refused with
# the line and column of each colour and its ratio; a broken file names its place; a language
# without a keyboard file is a warning, not a refusal; every count in a summary line counts
# messages printed above it; `check --help` helps and a wrong option is named.
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
absent() { # absent FILE STRING: a message that must not be there
  grep -qF -- "$2" "$1" && { echo "FAIL: '$2' in:"; cat "$1"; fail=1; }
  return 0
}
# The summary's numbers are the lines above it: "refused: N colours" counts the contrast
# lines, "N warnings" the other located lines (FILE:LINE:COL: ...), "N problems" all of them.
counts_match() { # counts_match FILE
  located=$(grep -cE '^[^ ]+:[0-9]+(:[0-9]+)?: ' "$1")
  contrast=$(grep -cE '^[^ ]+:[0-9]+:[0-9]+: theme: .* has a contrast of ' "$1")
  said_contrast=$(sed -n 's/.*: refused: \([0-9]*\) colour.*/\1/p' "$1")
  said_warn=$(sed -n 's/.*; \([0-9]*\) warnings* (see above)$/\1/p' "$1")
  said_problems=$(sed -n 's/.*: \([0-9]*\) problems*$/\1/p' "$1")
  if [ -n "$said_problems" ]; then
    [ "$said_problems" -eq "$located" ] || { echo "FAIL: says $said_problems problems, shows $located:"; cat "$1"; fail=1; }
    return
  fi
  [ "${said_contrast:-0}" -eq "$contrast" ] ||
    { echo "FAIL: says ${said_contrast:-0} colours, shows $contrast:"; cat "$1"; fail=1; }
  [ "${said_warn:-0}" -eq $((located - contrast)) ] ||
    { echo "FAIL: says ${said_warn:-0} warnings, shows $((located - contrast)):"; cat "$1"; fail=1; }
}

"$bin" check "$src/config/rotherham-2025.yaml" >"$out/shipped" 2>&1; got=$?
expect 0 "$out/shipped" ': OK: "The Rotherham Plan"' 'languages: en ' ', ur ' '(not reviewed)'
absent "$out/shipped" 'contrast'
absent "$out/shipped" 'warning'
counts_match "$out/shipped"

# Names, quotes ({all: ...}) and symbols ("%", "£") are not missing translations.
"$bin" check --languages "$src/config/rotherham-2025.yaml" >"$out/shipped-languages" 2>&1; got=$?
expect 0 "$out/shipped-languages" '(not reviewed)'
# Every language has words of its own for every text (N/N), whatever N is today.
grep -Eq 'ur ([0-9]+)/\1 \(not reviewed\)' "$out/shipped-languages" ||
  { echo "FAIL: Urdu does not have all its words:"; cat "$out/shipped-languages"; fail=1; }
absent "$out/shipped-languages" 'has no'

pale="$src/tests/fixtures/contrast/pale-grey.yaml"
"$bin" check "$pale" >"$out/pale" 2>&1; got=$?
expect 1 "$out/pale" \
  "pale-grey.yaml:8:9: theme: 'text' on 'background' has a contrast of 1.92:1, below the 4.5:1" \
  "pale-grey.yaml:9:10: theme: 'muted' on 'background' has a contrast of 1.61:1" \
  "pale-grey.yaml: refused: 11 colours are below the WCAG AA contrast"
counts_match "$out/pale"

printf 'plankiosk: 1\nkiosk: {id: x, location: y\nplan: {title: t}\n' >"$out/broken.yaml"
"$bin" check "$out/broken.yaml" >"$out/broken" 2>&1; got=$?
expect 1 "$out/broken" "broken.yaml:3:"
counts_match "$out/broken"

# German and French have no keyboard file: typed on the UK keyboard, with a warning at each
# code naming the file looked for; the file passes (it used to be "1 text colour is below the
# WCAG AA contrast" with no colour above it).
nokb="$src/tests/fixtures/languages/no-keyboard.yaml"
"$bin" check "$nokb" >"$out/nokb" 2>&1; got=$?
expect 0 "$out/nokb" \
  "no-keyboard.yaml:7:19: languages: 'de' has no keyboard of its own (looked for " \
  "/keyboards/de.yaml): it is typed on the UK keyboard" \
  "no-keyboard.yaml:7:23: languages: 'fr' has no keyboard of its own" \
  'no-keyboard.yaml: OK: "Our plan", 1 slide, kiosk other-town (Town hall); 2 warnings (see above)'
absent "$out/nokb" 'contrast'
counts_match "$out/nokb"

# Both at once: the refusal counts the colours only, the warnings apart.
{ cat "$nokb"; sed -n '/^theme:/,/^slides:/p' "$pale" | sed '$d'; } >"$out/nokb-pale.yaml"
"$bin" check "$out/nokb-pale.yaml" >"$out/nokb-pale" 2>&1; got=$?
expect 1 "$out/nokb-pale" "'de' has no keyboard of its own" \
  "nokb-pale.yaml: refused: 11 colours are below the WCAG AA contrast (see above); 2 warnings (see above)"
counts_match "$out/nokb-pale"

# Help is help, and an unknown option is named, never read as a file.
"$bin" check --help >"$out/help" 2>&1; got=$?
expect 0 "$out/help" "usage: plankiosk check [--languages] FILE..." "--languages"
absent "$out/help" "cannot open"
"$bin" check -h >"$out/h" 2>&1; got=$?
expect 0 "$out/h" "usage: plankiosk check"
"$bin" check --colour "$src/config/rotherham-2025.yaml" >"$out/unknown" 2>&1; got=$?
expect 2 "$out/unknown" "plankiosk check: unknown option '--colour'" "usage: plankiosk check"
absent "$out/unknown" "cannot open"
absent "$out/unknown" "OK:"
"$bin" check >"$out/none" 2>&1; got=$?
expect 2 "$out/none" "plankiosk check: give at least one config file"
# An option after the file applies to it too.
"$bin" check "$nokb" --languages >"$out/after" 2>&1; got=$?
expect 0 "$out/after" "languages: en 4/4, de 4/4, fr 4/4"
absent "$out/after" "cannot open"

# Keys that cannot be mixed up: the secret key as the kiosk's public key is refused; the public
# key's fingerprint is printed; a key file from before (untyped) is read with a warning.
"$bin" keygen --out "$out/keys" >/dev/null 2>&1
base='plankiosk: 1\nkiosk: {id: x, location: y}\nplan: {title: t}\nslides:\n  - {type: title, title: Hello}\n'
printf "${base}feedback: {public_key: %s}\n" "$out/keys/plankiosk.key" >"$out/secret.yaml"
"$bin" check "$out/secret.yaml" >"$out/secret" 2>&1; got=$?
expect 1 "$out/secret" "secret.yaml:6:" "is the SECRET key: a kiosk must only ever hold the public key"
printf "${base}feedback: {public_key: %s}\n" "$out/keys/plankiosk.pub" >"$out/public.yaml"
"$bin" check "$out/public.yaml" >"$out/public" 2>&1; got=$?
fp=$(sed -n 's/^fingerprint //p' "$out/keys/plankiosk.pub")
expect 0 "$out/public" "personal answers are sealed for public key $fp"
tail -n 1 "$out/keys/plankiosk.pub" >"$out/old.pub"
printf "${base}feedback: {public_key: %s}\n" "$out/old.pub" >"$out/old.yaml"
"$bin" check "$out/old.yaml" >"$out/old" 2>&1; got=$?
expect 0 "$out/old" "does not say whether it is the public or the secret key" "1 warning"
printf 'just some text\n' >"$out/garbage.pub"
printf "${base}feedback: {public_key: %s}\n" "$out/garbage.pub" >"$out/garbage.yaml"
"$bin" check "$out/garbage.yaml" >"$out/garbage" 2>&1; got=$?
expect 1 "$out/garbage" "is not a plankiosk key file"

[ $fail -eq 0 ] && echo "ok"
exit $fail
