#!/bin/sh
# A month of a fleet as staff bring it in: 3,000 responses from three kiosks (five languages,
# formula-like words, "65+", a damaged line in the middle of one file and torn last lines),
# and one kiosk's USB stick brought in as well, so its records and its damaged lines are read
# twice. export and report must count every one exactly once, and the spreadsheet must hold
# words as text and times as times (read back with openpyxl).
# Usage: test_export_scale.sh PLANKIOSK SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 out=$3
rm -rf "$out" && mkdir -p "$out" || exit 1
fail=0
bad() { echo "FAIL $*"; fail=1; }
# openpyxl is in Debian's python3; a pyenv python on PATH may lack it.
py=python3
python3 -c 'import openpyxl' 2>/dev/null || py=/usr/bin/python3

"$src/tests/bench/make-feedback" "$out/fleet" 3000 --stick >"$out/made.txt" || { echo "FAIL make-feedback"; exit 1; }
# "responses 3000 copies 1000 damaged 14 damaged_copies 5"
set -- $(grep '^responses ' "$out/made.txt")
responses=$2 copies=$4 damaged=$6 damaged_copies=$8
read_n=$((responses + copies))
echo "fleet: $responses responses, $copies read twice, $damaged damaged lines ($damaged_copies of them read twice)"

cfg="$src/config/rotherham-2025.yaml"
for fmt in csv xlsx; do
  rc=0
  "$bin" export "$out/fleet/feedback" "$out/fleet/stick" --config "$cfg" --out "$out/fleet.$fmt" 2>"$out/$fmt.err" || rc=$?
  [ "$rc" -eq 0 ] || bad "export $fmt: exit $rc"
  grep -qF "records read $read_n, written $responses, duplicates dropped $copies, unreadable lines $damaged" "$out/$fmt.err" ||
    { bad "export $fmt: wrong summary"; cat "$out/$fmt.err"; }
  grep -qF "$damaged_copies damaged lines were the same as one listed above" "$out/$fmt.err" ||
    bad "export $fmt: the damaged lines read twice are not said"
  # The damaged line in the middle of a file is not called the end of it.
  ! grep -q "end of file\|end of input" "$out/$fmt.err" || bad "export $fmt: a mid-file line called the end of the file"
done

# The CSV: one row per response, each id once, in time order.
$py - "$out/fleet.csv" "$responses" <<'EOF' || fail=1
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
head, body = rows[0], rows[1:]
want = int(sys.argv[2])
ok = True
def check(c, what):
    global ok
    if not c:
        print("FAIL csv:", what); ok = False
check(len(body) == want, "%d rows, not %d" % (len(body), want))
ids = [r[head.index("id")] for r in body]
check(len(set(ids)) == len(ids), "an id written twice")
at = [r[head.index("at")] for r in body]
check(at == sorted(at), "rows not in time order")
text = [r[head.index("text")] for r in body]
check("'=1+1" in text and "=1+1" not in text, "a formula not defused")
check(any("بچوں" in t for t in text) and any("Zażółć" in t for t in text), "Urdu or Polish words lost")
sys.exit(0 if ok else 1)
EOF

# The spreadsheet: the same rows; words are text ("65+" not a number, "=1+1" not a formula),
# `at` a date-time, the summary's counts add up.
$py - "$out/fleet.xlsx" "$responses" <<'EOF' || fail=1
import datetime, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
want = int(sys.argv[2])
ok = True
def check(c, what):
    global ok
    if not c:
        print("FAIL xlsx:", what); ok = False
ws = wb["Responses"]
rows = list(ws.iter_rows(values_only=True))
head, body = rows[0], rows[1:]
check(len(body) == want, "%d rows, not %d" % (len(body), want))
at = head.index("at")
check(all(isinstance(r[at], datetime.datetime) for r in body), "a time that is not a date-time")
age = head.index("age_band")
ages = {r[age] for r in body if r[age] is not None}
check("65+" in ages and all(isinstance(a, str) for a in ages), "age bands not kept as words: %r" % ages)
text = head.index("text")
check("=1+1" in [r[text] for r in body], "a visitor's '=1+1' not kept as words")
for r in ws.iter_rows():
    for c in r:
        check(c.data_type != "f", "a formula at %s" % c.coordinate)
        if c.data_type == "f":
            break
summary = [r for r in wb["Summary"].iter_rows(values_only=True)]
check(summary[0][1] == want, "the summary says %r responses" % (summary[0][1],))
sys.exit(0 if ok else 1)
EOF

# The report counts the same.
rc=0
"$bin" report "$out/fleet/feedback" "$out/fleet/stick" --config "$cfg" --out "$out/fleet.html" 2>"$out/report.err" || rc=$?
[ "$rc" -eq 0 ] || bad "report: exit $rc"
grep -qF "records read $read_n, written $responses, duplicates dropped $copies, unreadable lines $damaged" "$out/report.err" ||
  bad "report: wrong summary"
grep -qF "3,000 responses" "$out/fleet.html" || bad "report: does not say 3,000 responses"

[ "$fail" -eq 0 ] && echo "export at scale: all checks passed"
exit "$fail"
