#!/bin/sh
# `plankiosk fleet` as staff use it on the folder Syncthing gathers: of three kiosks, exactly the
# one whose status is 45 minutes old is named, and the exit status says something needs a look;
# two fine kiosks exit 0; a damaged status.json is named with its line and column; a wrong
# command line exits 2.
# Usage: test_fleet_cli.sh PLANKIOSK SOURCE_DIR WORK_DIR
set -u
export TZ=UTC # "last seen" is in local time
bin=$1 out=$3
rm -rf "$out" && mkdir -p "$out"
fail=0
check() { # check WHAT CONDITION...: says what failed
  what=$1; shift
  "$@" || { echo "FAIL: $what"; fail=1; }
}

# A status as a kiosk writes it (only the fields the fleet reads, and a few more).
status() { # status DIR KIOSK WRITTEN_AT
  mkdir -p "$1/$2"
  cat >"$1/$2/status.json" <<EOF
{
  "kiosk": "$2",
  "location": "$2 foyer",
  "version": "0.1.0",
  "config": {"title": "Our Town Plan", "hash": "5d79184e64982256"},
  "written_at": "$3",
  "clock": "ok",
  "running": true,
  "up_since": "2026-11-24T08:00:00+00:00",
  "boot": 4,
  "starts": [{"at": "2026-11-24T08:00:00+00:00", "boot": 4, "reason": "clean restart"}],
  "screen": "on",
  "responses": {"today": 12, "day": "2026-11-24", "total": 340, "last": "2026-11-24T13:40:00+00:00"},
  "storage": {"errors": 0, "error": null, "free_bytes": 21000000000, "size_bytes": 29000000000},
  "temperature_c": 52.5,
  "undervoltage": {"now": false, "since_boot": false}
}
EOF
}

synced="$out/plankiosk-feedback"
status "$synced" library-central "2026-11-24T14:00:00+00:00"
status "$synced" library-north "2026-11-24T14:58:30+01:00" # 13:58:30 UTC, its clock in BST
status "$synced" roadshow-market "2026-11-24T13:18:00+00:00" # 45 minutes before --now
now=2026-11-24T14:03:00+00:00

"$bin" fleet --now "$now" "$synced" >"$out/three" 2>"$out/three.err"; got=$?
check "exit 1 when one kiosk is silent (got $got)" [ "$got" -eq 1 ]
flagged=$(grep -c '! ' "$out/three")
check "exactly one kiosk flagged, got $flagged: $(cat "$out/three")" [ "$flagged" -eq 1 ]
check "the stale one named: $(cat "$out/three")" grep -q '^roadshow-market .* ! silent for 45 min$' "$out/three"
check "the others OK" [ "$(grep -c ' OK$' "$out/three")" -eq 2 ]
check "a line per kiosk: id, location, last seen, counts, space, temperature, version" \
  grep -q '^library-central  *library-central foyer  *2026-11-24 14:00 (3 min ago)  *12  *340  *21 GB (72 %)  *52 °C  *0.1.0  *OK$' "$out/three"
check "the summary" grep -qx '3 kiosks, 1 needs a look' "$out/three"
check "nothing on stderr: $(cat "$out/three.err")" [ ! -s "$out/three.err" ]

# Two fine kiosks (a folder each, as from two sticks): 0.
"$bin" fleet --now "$now" "$synced/library-central" "$synced/library-north" >"$out/two" 2>&1; got=$?
check "exit 0 when all are fine (got $got): $(cat "$out/two")" [ "$got" -eq 0 ]
check "two kiosks" grep -qx '2 kiosks, 0 need a look' "$out/two"

# A status cut short (a disk that failed under it): FILE:LINE:COL, and the rest still listed.
mkdir -p "$synced/broken"
printf '{\n  "kiosk": "broken",\n  "written_at" "2026-11-24T14:00:00+00:00"\n}\n' >"$synced/broken/status.json"
"$bin" fleet --now "$now" "$synced" >"$out/damaged" 2>"$out/damaged.err"; got=$?
check "exit 1 with a damaged status (got $got)" [ "$got" -eq 1 ]
check "FILE:LINE:COL for the damaged one: $(cat "$out/damaged.err")" \
  grep -q "^$synced/broken/status.json:3:[0-9][0-9]*: " "$out/damaged.err"
check "the others still listed" grep -qx '3 kiosks, 1 needs a look' "$out/damaged"

# Command lines that make no sense: 2; --help: 0 and says what the exit status means.
"$bin" fleet >/dev/null 2>&1; got=$?
check "no folder: exit 2 (got $got)" [ "$got" -eq 2 ]
"$bin" fleet --now yesterday "$synced" >/dev/null 2>&1; got=$?
check "a --now that is no time: exit 2 (got $got)" [ "$got" -eq 2 ]
"$bin" fleet --colour "$synced" >/dev/null 2>&1; got=$?
check "an unknown option: exit 2 (got $got)" [ "$got" -eq 2 ]
"$bin" fleet --help >"$out/help" 2>&1; got=$?
check "--help exits 0" [ "$got" -eq 0 ]
check "--help says the exit status" grep -q 'Exit status 0 when every kiosk is fine, 1 when any needs a look' "$out/help"
# A folder that is not there: said, and 1.
"$bin" fleet --now "$now" "$out/nowhere" >"$out/nowhere.out" 2>&1; got=$?
check "a missing folder: exit 1 (got $got)" [ "$got" -eq 1 ]
check "a missing folder is named" grep -q "nowhere: No such file or directory" "$out/nowhere.out"

# The report of the same folder opens with the same table (page one, after "Where and when").
rm -rf "$synced/broken"
printf '{"id":"r1","kiosk":"library-central","at":"2026-11-24T10:00:00+00:00","answers":{"rating":4},"language":"en"}\n' \
  >"$synced/library-central/2026-11-24.jsonl"
"$bin" report "$synced" --out "$out/board.html" >/dev/null 2>"$out/report.err"; got=$?
check "report exits 0 (got $got): $(cat "$out/report.err")" [ "$got" -eq 0 ]
check "the report shows the kiosks now" grep -q '<h2>The kiosks now</h2>' "$out/board.html"
check "the fleet table in the report" grep -q '<table class="fleet">' "$out/board.html"
for k in library-central library-north roadshow-market; do
  check "the report lists $k" grep -q ">$k<" "$out/board.html"
done

[ "$fail" -eq 0 ] && echo "test_fleet_cli: all passed"
exit "$fail"
