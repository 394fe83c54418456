#!/bin/sh
# plankiosk quotes as staff at a desk use it: a kiosk's folder with answers that may and may not
# be quoted; the summary; a review spreadsheet (--review) that staff fill in (here with
# openpyxl, and saved again by LibreOffice where it is installed); --apply records only what
# changed (so twice writes nothing) and nothing at all when a cell is wrong or names no quote;
# --out approved.yaml holds only approved words; the report has its Quotes section; and words
# without consent never appear anywhere.
# Usage: test_quotes_cli.sh PLANKIOSK SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 out=$3
py=/usr/bin/python3
rm -rf "$out" && mkdir -p "$out" || exit 1
fail=0
bad() { echo "FAIL $*"; fail=1; }
run() {
  want=$1 name=$2; shift 2
  rc=0
  "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err" || rc=$?
  [ "$rc" -eq "$want" ] || { bad "$name: exit $rc, expected $want"; sed 's/^/  /' "$out/$name.err" "$out/$name.out"; }
  ! grep -q 'Sanitizer\|runtime error' "$out/$name.err" || bad "$name: crashed (see $out/$name.err)"
}
has() { grep -qF -- "$2" "$out/$1" || { bad "$1 lacks: $2"; sed 's/^/  /' "$out/$1"; }; }
lacks() { ! grep -qF -- "$2" "$out/$1" || bad "$1 contains: $2"; }

"$bin" quotes --help >"$out/help.out" 2>&1
if grep -q "unknown command" "$out/help.out"; then echo "FAIL plankiosk quotes is not wired into src/main.c"; exit 1; fi

# The fixture: the park consultation's config, and six visitors at one kiosk.
cfg="$out/config.yaml"
# (The park consultation shows a quote's age band, so the sheet and the report name it.)
sed -e "s|map.svg|$src/tests/fixtures/export/consultations/map.svg|" \
    -e "s|^    title: What should the new Riverside Park have?|&\\n    quotes: {age_band: true}|" \
    "$src/tests/fixtures/export/consultations/config.yaml" >"$cfg"
grep -q "quotes: {age_band: true}" "$cfg" || bad "the fixture config did not take quotes: {age_band: true}"
fb="$out/feedback"
mkdir -p "$fb/park-kiosk"
rec() { # id hour sport name quote language
  printf '{"id":"%s","kiosk":"park-kiosk","location":"Millbrook Library","config":{"title":"Millbrook Together","hash":"abc"},"consultation":{"id":"park","questions":"0123456789abcdef"},"at":"2026-12-01T%s:00:00+00:00","answers":{"want":["pitches"],"want_other":null,"sport":%s,"order":null,"where":null,"visit":7,"walk":null,"age":"25-44","name":%s,"quote":%s},"personal":["want_other","sport","age","name"],"language":"%s","seconds_taken":60}\n' "$@"
}
{
  rec q1 09 '"More cricket nets, please"' '"Ama"' true en
  rec q2 10 '"Secret words not for quoting"' '"Bo"' false en
  rec q3 11 '"Call me on 07700 900123"' '"Cy"' true en
  rec q4 12 '"=HYPERLINK(\"http://x.example\",\"click\")"' '"Di"' true en
  rec q5 13 '"Więcej ławek przy boisku"' '"Ola"' true pl
  rec q6 14 '"Football goals"' null true en
} >"$fb/park-kiosk/2026-12-01.jsonl"
before=$(md5sum "$fb/park-kiosk/2026-12-01.jsonl")
decisions() { cat "$fb"/desk-*/quote-decisions/decisions.jsonl 2>/dev/null | wc -l; }

# The summary.
run 0 summary quotes --config "$cfg" "$fb"
has summary.out "approved 0"
has summary.out "waiting to be checked 5, of which held back by the automatic check 2"
has summary.out "0 of 5 consented answers approved (0%)"
has summary.out "held back because of:"
has summary.out "phone number 1"

# The review sheet.
run 0 review quotes --config "$cfg" --review "$out/review.xlsx" "$fb"
has review.out "wrote $out/review.xlsx: 5 quotes"
[ ! -e "$out/review.xlsx.tmp" ] || bad "review.xlsx.tmp was left behind"
$py - "$out/review.xlsx" >"$out/sheet.txt" 2>&1 <<'EOF' || bad "the review sheet does not read as expected: $(cat "$out/sheet.txt")"
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
assert ws.title == "Quotes", ws.title
head = [c.value for c in ws[1]]
assert head[0] == "Decision" and head[-1] == "Key", head
col = {h: i for i, h in enumerate(head)}
rows = [[c for c in r] for r in ws.iter_rows(min_row=2)]
assert len(rows) == 5, len(rows)
assert ws.freeze_panes == "A2", ws.freeze_panes
assert ws.column_dimensions["A"].width >= 12
assert any("approve" in str(dv.formula1) for dv in ws.data_validations.dataValidation)
words = {r[col["Key"]].value: r[col["Words"]] for r in rows}
assert "q2:sport" not in words, "an answer without consent is in the sheet"
w4 = words["q4:sport"]
assert w4.data_type == "s" and w4.value.startswith("=HYPERLINK"), (w4.data_type, w4.value)
held = {r[col["Key"]].value: r[col["Held back because"]].value for r in rows}
assert "07700 900123" in (held["q3:sport"] or ""), held
when = rows[0][col["When"]].value
assert isinstance(when, datetime.datetime), when
assert all(r[0].value is None for r in rows)
ages = {r[col["Age band"]].value for r in rows}
assert ages == {"25 to 44"}, ages
print("ok")
EOF
lacks review.out "Secret words"

# Staff decide: approve two, hide the one with a phone number, leave two for later.
$py - "$out/review.xlsx" "$out/decided.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.worksheets[0]
head = [c.value for c in ws[1]]; key = head.index("Key")
choice = {"q1:sport": "approve", "q3:sport": "hide", "q4:sport": " Approved "}
for r in ws.iter_rows(min_row=2):
    if r[key].value in choice: r[0].value = choice[r[key].value]
wb.save(sys.argv[2])
EOF
run 0 apply quotes --config "$cfg" --apply "$out/decided.xlsx" --by Pat "$fb"
has apply.out "2 approved, 1 hidden, 2 left blank, 0 unchanged"
has apply.out "approved 2"
[ "$(decisions)" -eq 3 ] || bad "--apply wrote $(decisions) decision lines, expected 3"
grep -q '"by": *"Pat"' "$fb"/desk-*/quote-decisions/decisions.jsonl || bad "the decisions do not say who made them"

run 0 again quotes --config "$cfg" --apply "$out/decided.xlsx" "$fb"
has again.out "0 approved, 0 hidden, 2 left blank, 3 unchanged"
[ "$(decisions)" -eq 3 ] || bad "applying the same sheet again wrote something ($(decisions) lines)"

# A misspelt decision names its cell, and nothing of that sheet is applied.
$py - "$out/decided.xlsx" "$out/misspelt.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.worksheets[0]
head = [c.value for c in ws[1]]; key = head.index("Key")
for r in ws.iter_rows(min_row=2):
    if r[key].value == "q6:sport": r[0].value = "hide"
    if r[key].value == "q5:sport": r[0].value = "aprove"
wb.save(sys.argv[2])
EOF
cell=$($py -c 'import sys,openpyxl; ws=openpyxl.load_workbook(sys.argv[1]).worksheets[0]; k=[c.value for c in ws[1]].index("Key"); print([r[0].coordinate for r in ws.iter_rows(min_row=2) if r[k].value=="q5:sport"][0])' "$out/misspelt.xlsx")
run 1 misspelt quotes --config "$cfg" --apply "$out/misspelt.xlsx" "$fb"
has misspelt.err "$out/misspelt.xlsx: Quotes!$cell: \"aprove\" is not approve or hide"
has misspelt.err "nothing was applied"
[ "$(decisions)" -eq 3 ] || bad "a sheet with a misspelt decision wrote something"

# A key that no record has is refused, and nothing is applied with it.
printf 'Decision,Key\r\nhide,q6:sport\r\napprove,nobody:sport\r\n' >"$out/unknown.csv"
run 1 unknown quotes --config "$cfg" --apply "$out/unknown.csv" "$fb"
has unknown.err "unknown.csv:3:1: nobody:sport is not a quote in the records read"
[ "$(decisions)" -eq 3 ] || bad "a sheet with an unknown key wrote something"

# The CSV sheet, edited as text, hides one more.
run 0 csv quotes --config "$cfg" --review "$out/review.csv" "$fb"
[ "$(head -c 3 "$out/review.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] || bad "review.csv has no UTF-8 BOM"
has review.csv "\"'=HYPERLINK("
lacks review.csv "Secret words"
$py - "$out/review.csv" "$out/decided.csv" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
k = rows[0].index("Key")
for r in rows[1:]:
    if r[k] == "q6:sport": r[0] = "HIDE"
csv.writer(open(sys.argv[2], "w", encoding="utf-8-sig", newline=""), lineterminator="\r\n").writerows(rows)
EOF
run 0 applycsv quotes --config "$cfg" --apply "$out/decided.csv" "$fb"
has applycsv.out "0 approved, 1 hidden, 1 left blank, 3 unchanged"

approved=2 share=40
# Saved again by LibreOffice (its own way of writing strings and cells), where it is installed.
if command -v soffice >/dev/null 2>&1; then
  $py - "$out/review.xlsx" "$out/lo-in.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.worksheets[0]
k = [c.value for c in ws[1]].index("Key")
for r in ws.iter_rows(min_row=2):
    r[0].value = {"q1:sport": "approve", "q3:sport": "hide", "q4:sport": "approve",
                  "q6:sport": "hide", "q5:sport": "yes"}.get(r[k].value)
wb.save(sys.argv[2])
EOF
  mkdir -p "$out/lo"
  HOME="$out/lo-home" soffice --headless --convert-to xlsx --outdir "$out/lo" "$out/lo-in.xlsx" >"$out/lo.log" 2>&1
  if [ -s "$out/lo/lo-in.xlsx" ]; then
    run 0 applylo quotes --config "$cfg" --apply "$out/lo/lo-in.xlsx" "$fb"
    has applylo.out "1 approved, 0 hidden, 0 left blank, 4 unchanged"
    approved=3 share=60
  else
    bad "soffice did not convert the sheet: $(cat "$out/lo.log")"
  fi
else
  echo "SKIP the LibreOffice round trip: soffice is not installed"
fi

# approved.yaml: only what a person approved.
run 0 yaml quotes --config "$cfg" --out "$out/approved.yaml" "$fb"
has approved.yaml "More cricket nets, please"
has approved.yaml "HYPERLINK"
lacks approved.yaml "07700 900123"
lacks approved.yaml "Football goals"
lacks approved.yaml "Secret words"
run 2 yamlxlsx quotes --out "$out/x.xlsx" "$fb"
has yamlxlsx.err "give --review"

# The report's Quotes section: counts, and only approved words (the comments section further on
# is the board's own reading of every comment, and is not what this checks).
run 0 report report --config "$cfg" --out "$out/report.html" "$fb"
has report.err "unreadable lines 0"
has report.html 'href="#quotes"'
sed -n '/<section class="quotes" id="quotes">/,/<\/section>/p' "$out/report.html" >"$out/section.html"
has section.html "$approved of 5 consented answers approved ($share%)"
has section.html "More cricket nets, please"
has section.html "Ama · 25 to 44 · English · 1 Dec 2026"
has section.html "=HYPERLINK(&quot;http://x.example&quot;"
[ "$approved" -eq 2 ] || has section.html "Więcej ławek przy boisku"
lacks section.html "07700 900123"
lacks section.html "Football goals"
lacks section.html "Secret words"
has report.html "Quotes for the screen</a>: $approved of 5 consented answers approved"

[ "$(md5sum "$fb/park-kiosk/2026-12-01.jsonl")" = "$before" ] || bad "the kiosk's records were changed"
[ "$fail" -eq 0 ] && echo "ok test_quotes_cli"
exit "$fail"
