#!/bin/sh
# `plankiosk speak`: staff hear a translation without a speaker. Urdu words and a Polish slide
# of the shipped config become valid WAV files with real sound in them; an unknown language, a
# slide that is not there and a file that cannot be written are refused with a message that
# names them. No audio device is used or needed.
# Usage: test_speak.sh PLANKIOSK SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail=0
cfg="$src/config/rotherham-2025.yaml"

# A WAV file: RIFF/WAVE, mono 16-bit at 22050 Hz, more than 0.3 s, and not silence.
wav_ok() {
  python3 - "$1" <<'EOF'
import array, math, sys, wave
w = wave.open(sys.argv[1])
assert w.getnchannels() == 1 and w.getsampwidth() == 2 and w.getframerate() == 22050, w.getparams()
n = w.getnframes()
assert n > 0.3 * 22050, "only %d frames" % n
a = array.array("h", w.readframes(n))
assert len(a) == n, "header says %d frames, data has %d" % (n, len(a))
rms = math.sqrt(sum(x * x for x in a) / n)
assert rms > 300, "too quiet: RMS %.0f" % rms
print("%s: %.2f s, RMS %.0f" % (sys.argv[1], n / 22050, rms))
EOF
}

"$bin" speak --lang ur --wav "$out/ur.wav" "اپنی رائے دیں۔ آپ 2025 میں Rotherham کے لیے کیا چاہتے ہیں؟" >"$out/ur.out" 2>&1 ||
  { echo "FAIL speak --lang ur exit $?:"; cat "$out/ur.out"; fail=1; }
wav_ok "$out/ur.wav" || { echo "FAIL ur.wav is not a WAV file with speech"; fail=1; }
[ -e "$out/ur.wav.tmp" ] && { echo "FAIL ur.wav.tmp left behind"; fail=1; }

# A slide of the config, in Polish: its words are printed and spoken.
"$bin" speak --config "$cfg" --lang pl --slide 1 --wav "$out/pl.wav" >"$out/pl.out" 2>&1 ||
  { echo "FAIL speak --slide 1 exit $?:"; cat "$out/pl.out"; fail=1; }
grep -q "Plan dla Rotherham" "$out/pl.out" || { echo "FAIL slide 1 in Polish said:"; cat "$out/pl.out"; fail=1; }
wav_ok "$out/pl.wav" || { echo "FAIL pl.wav is not a WAV file with speech"; fail=1; }

# Refusals: each non-zero, each naming what was wrong, no file written.
if "$bin" speak --lang xx --wav "$out/xx.wav" "Hello" 2>"$out/xx.err"; then echo "FAIL --lang xx accepted"; fail=1; fi
grep -q "'xx'" "$out/xx.err" || { echo "FAIL --lang xx message:"; cat "$out/xx.err"; fail=1; }
[ -e "$out/xx.wav" ] && { echo "FAIL xx.wav written"; fail=1; }
if "$bin" speak --config "$cfg" --lang en --slide 99 --wav "$out/99.wav" 2>"$out/99.err"; then
  echo "FAIL --slide 99 accepted"; fail=1; fi
grep -q "not 99" "$out/99.err" || { echo "FAIL --slide 99 message:"; cat "$out/99.err"; fail=1; }
if "$bin" speak --lang en --wav "$out/no-such-dir/x.wav" "Hello" 2>"$out/dir.err"; then
  echo "FAIL unwritable file accepted"; fail=1; fi
grep -q "no-such-dir/x.wav: cannot write" "$out/dir.err" || { echo "FAIL unwritable message:"; cat "$out/dir.err"; fail=1; }
if "$bin" speak --wav "$out/none.wav" "Hello" 2>/dev/null; then echo "FAIL speak without --lang accepted"; fail=1; fi

[ $fail -eq 0 ] && echo ok
exit $fail
