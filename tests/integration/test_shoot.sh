#!/bin/sh
# plankiosk shoot renders every slide of the shipped config at the three sizes kiosks use:
# every PNG exists at the right size, is not blank, and no two slides look the same.
# Usage: test_shoot.sh PLANKIOSK SOURCE_DIR WORK_DIR
set -eu
bin=$1 src=$2 out=$3
rm -rf "$out"
"$bin" shoot --config "$src/config/rotherham-2025.yaml" --size 800x480,1920x1080,1080x1920 --out "$out" >"$out.list"
slides=$(grep -c '^    type:' "$src/config/rotherham-2025.yaml" || true)
fail=0
for size in 800x480 1920x1080 1080x1920; do
  n=$(ls "$out/$size"/[0-9]*.png | wc -l)
  if [ "$n" -ne "$slides" ]; then
    echo "FAIL $size: $n slide PNGs, expected $slides"; fail=1
  fi
  for f in "$out/$size"/*.png; do
    dims=$(identify -format '%wx%h' "$f")
    [ "$dims" = "$size" ] || { echo "FAIL $f is $dims"; fail=1; }
    # A blank image has no variation at all.
    sd=$(identify -format '%[fx:standard_deviation]' "$f")
    awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' || { echo "FAIL $f looks blank (sd $sd)"; fail=1; }
  done
  dupes=$(md5sum "$out/$size"/[0-9]*.png | awk '{print $1}' | sort | uniq -d | wc -l)
  [ "$dupes" -eq 0 ] || { echo "FAIL $size: $dupes slides are pixel-identical to another"; fail=1; }
done
# A broken config is refused with its location, and nothing is written.
bad="$out/bad.yaml"
printf 'plankiosk: 1\nkiosk: {id: x, location: y}\nplan: {title: t}\nslides:\n  - type: titel\n' >"$bad"
if "$bin" shoot --config "$bad" --out "$out/bad" 2>"$out/bad.err"; then
  echo "FAIL shoot accepted a broken config"; fail=1
fi
grep -q "bad.yaml:5:11: slide 1: 'type' cannot be \"titel\" (did you mean 'title'?" "$out/bad.err" || { echo "FAIL message:"; cat "$out/bad.err"; fail=1; }
[ ! -d "$out/bad" ] || { echo "FAIL shoot wrote images for a broken config"; fail=1; }
# A visitor's view: Urdu at 200 % with Listen offered is drawn (not blank) and differs from 100 %.
for scale in 1 2; do
  "$bin" shoot --config "$src/config/rotherham-2025.yaml" --language ur --size 800x480 --text-scale $scale \
    --listen --out "$out/ur$scale" >/dev/null || { echo "FAIL shoot --text-scale $scale"; fail=1; }
done
for f in 01-title.png feedback-1-choice.png feedback-3-text.png; do
  [ -f "$out/ur2/$f" ] || { echo "FAIL no $out/ur2/$f"; fail=1; continue; }
  sd=$(identify -format '%[fx:standard_deviation]' "$out/ur2/$f")
  awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' || { echo "FAIL $out/ur2/$f looks blank"; fail=1; }
  ! cmp -s "$out/ur1/$f" "$out/ur2/$f" || { echo "FAIL $f is the same at 100 % and 200 %"; fail=1; }
done
if "$bin" shoot --config "$src/config/rotherham-2025.yaml" --text-scale 3 --out "$out/big" 2>/dev/null; then
  echo "FAIL shoot took --text-scale 3"; fail=1
fi
[ $fail -eq 0 ] && echo "ok: $(wc -l <"$out.list") PNGs"
exit $fail
