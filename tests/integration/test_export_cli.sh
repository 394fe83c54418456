#!/bin/sh
# plankiosk export, report and keygen as staff run them: the fixture's two kiosks and USB copy
# merge into one CSV with the summary on stderr, filters and formats work, exit codes say what
# happened (0 worked, 1 error, 2 usage), a spreadsheet (.xlsx) needs a file and an --out that
# agrees with --format, sealed records open only with the right key, and the feedback files are
# never changed.
# Usage: test_export_cli.sh PLANKIOSK SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 out=$3
fx="$src/tests/fixtures/export"
rm -rf "$out" && mkdir -p "$out" || exit 1
fail=0
bad() { echo "FAIL $*"; fail=1; }
# run EXPECTED_STATUS NAME ARGS...: runs plankiosk with stdout to $out/NAME.out, stderr to .err
run() {
  want=$1 name=$2; shift 2
  rc=0
  "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err" || rc=$?
  [ "$rc" -eq "$want" ] || { bad "$name: exit $rc, expected $want"; sed 's/^/  /' "$out/$name.err"; }
  ! grep -q 'Sanitizer\|runtime error' "$out/$name.err" || bad "$name: crashed (see $out/$name.err)"
}
has() { grep -qF -- "$2" "$out/$1" || { bad "$1 lacks: $2"; sed 's/^/  /' "$out/$1"; }; }
lacks() { ! grep -qF -- "$2" "$out/$1" || bad "$1 contains: $2"; }
state() { find "$fx" -type f -exec md5sum {} + | sort; find "$fx" -type f -printf '%p %T@\n' | sort; }

rc=0
"$bin" export --help >/dev/null 2>"$out/wired.err" || rc=$?
if grep -q "unknown command" "$out/wired.err"; then
  echo "FAIL plankiosk export is not wired into src/main.c yet (cli_export in app/cli_data.h)"
  exit 1
fi
state >"$out/before.state"

# One CSV from two kiosks and a USB copy; the summary and each damaged line on stderr.
run 0 csv export --out "$out/all.csv" "$fx/feedback" "$fx/usb-copy"
has csv.err "records read 13, written 9, duplicates dropped 4, unreadable lines 4"
has csv.err "$fx/feedback/kiosk-a/2026-07-01.jsonl:3: not JSON"
has csv.err "$fx/feedback/kiosk-a/2026-07-02.jsonl:3: torn line without a newline"
has csv.err "$fx/feedback/kiosk-b/2026-07-02.jsonl:3: not valid UTF-8 text"
has csv.err "$fx/feedback/kiosk-b/2026-07-03.jsonl:2: JSON, but not a feedback record"
[ "$(head -c 3 "$out/all.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] || bad "all.csv has no UTF-8 BOM"
[ ! -e "$out/all.csv.tmp" ] || bad "all.csv.tmp was left behind"
rows=$(python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))))' "$out/all.csv")
[ "$rows" = 10 ] || bad "all.csv has $rows rows, expected a header and 9"
has all.csv "'=SUM(A1)"

# Standard output, filters, and the format from --format or from --out's extension.
run 0 jsonl export --format jsonl --kiosk kiosk-b "$fx/feedback"
[ "$(wc -l <"$out/jsonl.out")" -eq 4 ] || bad "--kiosk kiosk-b gave $(wc -l <"$out/jsonl.out") lines, expected 4"
has jsonl.err "5 records were left out by --since, --until, --kiosk or --consultation"
run 0 json export --since 2026-07-03 --until 2026-07-03 --out "$out/day.json" "$fx/feedback"
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1], encoding="utf-8"))))' "$out/day.json")
[ "$n" = 2 ] || bad "--since/--until 2026-07-03 gave $n records, expected 2"
run 0 month export --since=2026-07 --format=csv "$fx/feedback"
has month.err "written 9,"

# Exit codes.
run 1 missing export "$fx/feedback" "$out/no-such-folder"
has missing.err "no-such-folder: cannot read it"
run 1 unwritable export --out "$out/no-such-folder/x.csv" "$fx/feedback"
has unwritable.err "nothing was written"
run 2 nodir export --format csv
run 2 baddate export --since 2026-02-30 "$fx/feedback"
has baddate.err "--since: '2026-02-30' is not a day of that month"
run 2 badformat export --format ods "$fx/feedback"
has badformat.err "--format must be csv, json, jsonl or xlsx"
# A spreadsheet needs a file, and --format and --out's extension must agree: nothing written.
run 2 xlsx-stdout export --format xlsx "$fx/feedback"
has xlsx-stdout.err "a spreadsheet (xlsx) cannot go to standard output: give --out FILE.xlsx"
[ ! -s "$out/xlsx-stdout.out" ] || bad "--format xlsx wrote to standard output"
run 2 csv-as-xlsx export --format csv --out "$out/report.xlsx" "$fx/feedback"
has csv-as-xlsx.err "--format csv, but --out $out/report.xlsx names a .xlsx file"
run 2 xlsx-as-csv export --format xlsx --out "$out/a.csv" "$fx/feedback"
has xlsx-as-csv.err "--format xlsx, but --out $out/a.csv names a .csv file"
run 2 json-as-csv export --format json --out "$out/a.CSV" "$fx/feedback"
run 2 codebook-xlsx export --codebook "$out/cb.xlsx" --out "$out/b.xlsx" "$fx/feedback"
has codebook-xlsx.err "the codebook is a CSV file"
for f in report.xlsx a.csv a.CSV cb.xlsx b.xlsx; do [ ! -e "$out/$f" ] || bad "$f was written though refused"; done

# A real spreadsheet: --out's extension says xlsx; three sheets, the responses as typed.
run 0 xlsx export --out "$out/ALL.XLSX" "$fx/feedback" "$fx/usb-copy"
has xlsx.err "records read 13, written 9, duplicates dropped 4, unreadable lines 4"
[ "$(head -c 2 "$out/ALL.XLSX")" = PK ] || bad "ALL.XLSX is not a zip (an .xlsx)"
[ ! -e "$out/ALL.XLSX.tmp" ] || bad "ALL.XLSX.tmp was left behind"
py=python3
$py -c 'import openpyxl' 2>/dev/null || py=/usr/bin/python3
got=$($py -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Responses"]
col = {c.value: c.column for c in ws[1]}
texts = sorted(c.value for c in ws[ws.cell(1, col["text"]).column_letter][1:] if c.value)
print(",".join(wb.sheetnames), ws.max_row, ws.freeze_panes, "=SUM(A1)" in texts,
      ws.cell(2, col["at"]).value, ws.cell(2, col["seconds_taken"]).data_type)' "$out/ALL.XLSX" 2>&1)
[ "$got" = "Responses,Codebook,Summary 10 A2 True 2026-07-01 10:15:00 n" ] || bad "ALL.XLSX reads back as: $got"
run 0 park-xlsx export --config "$fx/consultations/config.yaml" --format xlsx --out "$out/park.xlsx" "$fx/consultations/feedback"
[ -s "$out/park.xlsx" ] || bad "park.xlsx was not written"
run 2 badopt export --colour "$fx/feedback"
run 2 backwards export --since 2026-07-03 --until 2026-07-01 "$fx/feedback"
run 0 help export --help
has help.out "usage: plankiosk export"

# The report: one self-contained page (its fonts inside), page one, its charts, page numbers.
wellformed() { python3 -c 'import sys, xml.etree.ElementTree as ET; ET.fromstring(open(sys.argv[1], encoding="utf-8").read()[len("<!DOCTYPE html>"):])' "$out/$1" || bad "$1 is not well-formed"; }
run 0 report report --out "$out/report.html" "$fx/feedback" "$fx/usb-copy"
has report.err "records read 13, written 9, duplicates dropped 4, unreadable lines 4"
wellformed report.html
charts=$(grep -o 'id="chart-[a-z-]*"' "$out/report.html" | grep -v chart-abandoned | sort | tr '\n' ' ')
[ "$charts" = 'id="chart-age" id="chart-day" id="chart-hour" id="chart-kiosk" id="chart-language" id="chart-rating" id="chart-rating-kiosk" id="chart-rating-theme" id="chart-theme" id="chart-week" ' ] || bad "charts: $charts"
has report.html '<section class="page-one" id="summary">'
has report.html 'counter(page) " of " counter(pages)'
has report.html 'src: url(data:font/ttf;base64,'
has report.html '<p class="made">Filters: none (every response found). Made on '
lacks report.html "<script"
lacks report.html "http:"
lacks report.html "https:"
[ ! -e "$out/report-comments" ] || bad "report-comments/ written though every comment fits"
run 2 report-noout report "$fx/feedback"
# 2,120 comments under one theme: the first 50 in the page, the rest on pages of 2,000 beside it.
mkdir -p "$out/many/k" && python3 -c '
import json, sys
for i in range(2120):
    print(json.dumps({"id": "many-%04d" % i, "kiosk": "k", "at": "2026-07-01T10:%02d:%02d+01:00" % (i // 60 % 60, i % 60),
                      "themes": ["health"], "rating": 3, "text": "Comment number %d" % i, "language": "en"}))' >"$out/many/k/2026-07-01.jsonl"
run 0 report-many report --out "$out/many.html" "$out/many"
wellformed many.html
wellformed many-comments/1.html
wellformed many-comments/2.html
[ "$(grep -o '<blockquote' "$out/many.html" | wc -l)" -eq 50 ] || bad "many.html does not show 50 comments"
[ "$(grep -o '<blockquote' "$out/many-comments/1.html" | wc -l)" -eq 2000 ] || bad "many-comments/1.html does not hold 2,000"
[ "$(grep -o '<blockquote' "$out/many-comments/2.html" | wc -l)" -eq 70 ] || bad "many-comments/2.html does not hold the last 70"
has many.html '<a href="many-comments/1.html#said-first-journey-1">51 to 2,050</a>, <a href="many-comments/2.html#said-first-journey-1">2,051 to 2,120</a>'
has many-comments/2.html '<a href="../many.html#said-first-journey-1">Back to the report</a>'

# Keys: a pair, the secret one private, never overwritten.
run 0 keygen keygen --out "$out/keys"
[ "$(stat -c %a "$out/keys/plankiosk.key")" = 600 ] || bad "plankiosk.key is not mode 600"
[ -s "$out/keys/plankiosk.pub" ] || bad "no plankiosk.pub"
cp "$out/keys/plankiosk.key" "$out/key.before"
run 1 keygen-again keygen --out "$out/keys"
has keygen-again.err "already exists"
cmp -s "$out/keys/plankiosk.key" "$out/key.before" || bad "keygen overwrote a key"
run 2 keygen-noout keygen

# Sealed records: counts without the key, every word with it, a clear word for a wrong key.
sealed="$fx/sealed/feedback"
run 0 sealed-nokey export --out "$out/sealed.csv" "$sealed"
has sealed-nokey.err "2 records are sealed: give --key to read their personal fields"
lacks sealed.csv "benches"
run 0 sealed-key export --key "$fx/sealed/test-key/plankiosk.key" --out "$out/opened.csv" "$sealed"
has opened.csv "More benches in the park"
has opened.csv "Małgorzata"
has sealed-key.err "records read 2, written 2, duplicates dropped 0, unreadable lines 0"
# A wrong key drops nothing: the records are kept sealed, counted by key, and the exit says so.
run 1 sealed-wrong export --key "$out/keys/plankiosk.key" --out "$out/wrong.csv" "$sealed"
has sealed-wrong.err "2 records are sealed for a key (sealed before records named it), which no --key given opens: kept sealed, nothing dropped"
has sealed-wrong.err "records read 2, written 2, duplicates dropped 0, unreadable lines 0"
[ "$(grep -c '^[0-9a-f]\{8\}-' "$out/wrong.csv")" -eq 2 ] || bad "wrong.csv does not hold both records"
# Several keys as one list (a key changed during the year); --key twice is a mistake.
run 0 sealed-two export --key "$out/keys/plankiosk.key,$fx/sealed/test-key/plankiosk.key" --out "$out/two.csv" "$sealed"
has two.csv "Małgorzata"
run 2 sealed-twice export --key "$out/keys/plankiosk.key" --key "$fx/sealed/test-key/plankiosk.key" "$sealed"
has sealed-twice.err "--key is given twice"
# keygen's files say what they are; the secret key given as the kiosk's public key is refused.
has keys/plankiosk.pub "plankiosk public key v1"
has keys/plankiosk.key "plankiosk secret key v1"
run 1 kiosk-kiosk export --kiosk nowhere "$fx/feedback"
has kiosk-kiosk.err "no record is from a kiosk 'nowhere'; the records are from:"
run 1 sealed-pub export --key "$fx/sealed/test-key/plankiosk.pub" "$sealed"
has sealed-pub.err "is the public key"
run 0 sealed-report report --key "$fx/sealed/test-key/plankiosk.key" --out "$out/sealed.html" "$sealed"
has sealed.html "Keep the museum free, dziękuję!"

# Consultations: a column per question of the config's, a codebook, a filter that must match.
park="$fx/consultations"
run 0 park export --config "$park/config.yaml" --codebook "$out/codebook.csv" --out "$out/park.csv" "$park/feedback"
has park.csv "want.pitches,want.cafe,want.trees,want.other,want_other,sport,order,order.toilets"
has park.csv "park,pitches;cafe,1,1,0,0,,\"Cricket, please\",lights>toilets,2,1,,100,50,300,120,9,15,25-44,Ama,yes"
has codebook.csv "park,sport,sport,text,no,want includes pitches,Which sport?"
run 0 park-fair export --config "$park/config.yaml" --consultation fair --out "$out/fair.csv" "$park/feedback"
has park-fair.err "4 records were left out by --since, --until, --kiosk or --consultation"
lacks fair.csv "pitches"
run 1 park-unknown export --config "$park/config.yaml" --consultation riverside "$park/feedback"
has park-unknown.err "there is no consultation 'riverside'"
has park-unknown.err "it has: park, fair, feedback"
run 1 park-badconfig export --config "$out/nothing.yaml" "$park/feedback"
run 0 park-report report --config "$park/config.yaml" --min-count 1 --out "$out/park.html" "$park/feedback"
has park.html 'id="q-park-where"'
run 2 park-mincount report --min-count 0 --out "$out/x.html" "$park/feedback"
has park-mincount.err "--min-count must be a number from 1"

# Nothing under the fixture changed.
state >"$out/after.state"
cmp -s "$out/before.state" "$out/after.state" || bad "the input files changed"

[ $fail -eq 0 ] && echo "ok: export, report and keygen"
exit $fail
