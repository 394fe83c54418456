#!/bin/sh
# plankiosk shoot renders every slide and every feedback screen of the shipped config, in each
# of its six languages, at the three sizes kiosks use: every PNG exists at the right size, is
# not blank, and no two slides look the same. (That the text inside fits its box is checked on
# the same layouts by test_layout_fit.)
# Usage: test_shoot.sh PLANKIOSK SOURCE_DIR WORK_DIR
set -eu
bin=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
cfg="$src/config/rotherham-2025.yaml"
slides=$(grep -c '^    type:' "$cfg" || true)
langs=$(sed -n '/^languages:/,/^[a-z]/s/^  available: *\[\(.*\)\]/\1/p' "$cfg" | tr -d ' ' | tr ',' ' ')
[ "$(echo $langs | wc -w)" -eq 6 ] || { echo "FAIL: expected six languages in $cfg, found '$langs'"; exit 1; }
# The sanitizer build is several times slower: its preset names fewer languages.
langs=${PLANKIOSK_SHOOT_LANGS:-$langs}
fail=0
total=0
# The shipped consultation's screens (plan-2025: themes, rating, text, name, age_band,
# postcode_district, consent_quote, then the review).
journey_files="plan-2025-01-themes-other.png plan-2025-review.png focus-option.png feedback-thanks.png"
n=1
for q in themes rating text name age_band postcode_district consent_quote; do
  journey_files="$journey_files plan-2025-0$n-$q.png plan-2025-0$n-$q-filled.png"
  n=$((n + 1))
done
for lang in $langs; do
  dir="$out/$lang"
  "$bin" shoot --config "$cfg" --lang "$lang" --size 800x480,1920x1080,1080x1920 --out "$dir" >"$dir.list"
  for size in 800x480 1920x1080 1080x1920; do
    n=$(ls "$dir/$size"/[0-9]*.png | wc -l)
    if [ "$n" -ne "$slides" ]; then
      echo "FAIL $lang $size: $n slide PNGs, expected $slides"; fail=1
    fi
    nf=$(ls "$dir/$size"/*.png | wc -l)
    [ "$nf" -gt "$n" ] || { echo "FAIL $lang $size: no feedback screens shot"; fail=1; }
    # Every screen of the consultation, by its question ids: empty and answered, the themes'
    # "Something else" box, the review; and the focus on an option card.
    for f in $journey_files; do
      [ -f "$dir/$size/$f" ] || { echo "FAIL $lang $size: no $f"; fail=1; }
    done
    # One identify call per folder: size and variation of every PNG (a blank one has none).
    identify -format '%f %wx%h %[fx:standard_deviation]\n' "$dir/$size"/*.png >"$dir/$size.info"
    awk -v size="$size" -v lang="$lang" '
      $2 != size { print "FAIL " lang " " $1 " is " $2; bad = 1 }
      $3 <= 0.02 { print "FAIL " lang " " size "/" $1 " looks blank (sd " $3 ")"; bad = 1 }
      END { exit bad }' "$dir/$size.info" || fail=1
    total=$((total + nf))
    dupes=$(md5sum "$dir/$size"/[0-9]*.png | awk '{print $1}' | sort | uniq -d | wc -l)
    [ "$dupes" -eq 0 ] || { echo "FAIL $lang $size: $dupes slides are pixel-identical to another"; fail=1; }
  done
done
# The same slide in two languages is two different pictures (the words did change).
[ -d "$out/ur" ] && cmp -s "$out/en/800x480/01-title.png" "$out/ur/800x480/01-title.png" &&
  { echo "FAIL: the Urdu title slide is identical to the English one"; fail=1; }
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
  "$bin" shoot --config "$src/config/rotherham-2025.yaml" --lang ur --size 800x480 --text-scale $scale \
    --listen --out "$out/ur$scale" >/dev/null || { echo "FAIL shoot --text-scale $scale"; fail=1; }
done
# At 200 % the privacy notice has a page of its own, before the consent question.
[ -f "$out/ur2/plan-2025-07-consent_quote-notice.png" ] || { echo "FAIL no notice page at 200 %"; fail=1; }
[ ! -f "$out/ur1/plan-2025-07-consent_quote-notice.png" ] || { echo "FAIL a notice page at 100 %"; fail=1; }
for f in 01-title.png plan-2025-01-themes.png plan-2025-03-text.png plan-2025-01-themes-other.png; do
  [ -f "$out/ur2/$f" ] || { echo "FAIL no $out/ur2/$f"; fail=1; continue; }
  sd=$(identify -format '%[fx:standard_deviation]' "$out/ur2/$f")
  awk -v sd="$sd" 'BEGIN { exit !(sd > 0.02) }' || { echo "FAIL $out/ur2/$f looks blank"; fail=1; }
  ! cmp -s "$out/ur1/$f" "$out/ur2/$f" || { echo "FAIL $f is the same at 100 % and 200 %"; fail=1; }
done
if "$bin" shoot --config "$src/config/rotherham-2025.yaml" --text-scale 3 --out "$out/big" 2>/dev/null; then
  echo "FAIL shoot took --text-scale 3"; fail=1
fi
# A slide outside its dates today is shot too, and says so in its name (the fixture's last
# slide runs from 2030).
"$bin" shoot --config "$src/tests/fixtures/every-type/config.yaml" --size 800x480 --out "$out/dates" >/dev/null ||
  { echo "FAIL shoot of the every-type fixture"; fail=1; }
ls "$out/dates"/[0-9]*-*.upcoming.png >/dev/null 2>&1 || { echo "FAIL no slide marked .upcoming"; fail=1; }
n_up=$(ls "$out/dates"/*.upcoming.png "$out/dates"/*.expired.png 2>/dev/null | wc -l)
[ "$n_up" -eq 1 ] || { echo "FAIL $n_up slides marked out of date, expected 1"; fail=1; }
# Its consultations: every question type, each screen named by its question id (the intro,
# the two "Something else" boxes, the review); the one that ran in 2020 is shot too, marked
# .expired, and the one running is not marked.
for f in 00-intro 01-choice 01-choice-filled 01-choice-other 02-choices 02-choices-other 03-faces 04-scale \
         05-rank 06-text 07-number 08-place 08-place-filled 09-first_name 10-age_band 11-postcode 12-consent \
         12-consent-filled review; do
  [ -f "$out/dates/every-question-$f.png" ] || { echo "FAIL no every-question-$f.png"; fail=1; }
done
[ -f "$out/dates/old-survey.expired-01-liked.png" ] || { echo "FAIL the 2020 consultation is not shot as .expired"; fail=1; }
n_c=$(ls "$out/dates"/every-question.*.png 2>/dev/null | wc -l)
[ "$n_c" -eq 0 ] || { echo "FAIL the running consultation is marked out of date"; fail=1; }
# A size list with no size in it is refused, not a run that shoots nothing and says OK.
if "$bin" shoot --config "$src/config/rotherham-2025.yaml" --size , --out "$out/none" 2>/dev/null; then
  echo "FAIL shoot took --size ,"; fail=1
fi
[ $fail -eq 0 ] && echo "ok: $total PNGs in: $langs"
exit $fail
