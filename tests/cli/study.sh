# study.sh: a Persian study from the interviews to the published tables, as
# two researchers run it: import, codebook, blind coding by two coders,
# agreement, the disagreement walk, the consensus coding, then the reports.
# Every figure is computed again here from the raw codings: the agreement
# table's 2x2 cells and kappa (Cohen 1960), the consensus coding (agreed
# units plus what the walk kept), and every counted table of the report
# (tests/cli/report_figures.py), in Latin and in Persian digits.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
me=$(id -un)
S=$SRC/sample-projects/egov-fa
command -v python3 >/dev/null || notok "have python3" "install python3"

# The first five interviews of the Persian sample study, its codebook and
# its two coders; the codings are done below, blind.
mkdir study study/docs
cp "$S/codebook.txt" "$S/project.txt" study/
for f in "$S"/docs/0[1-5]-*.txt; do cp "$f" study/docs/; done
check_rc "the study is built: documents, coders, codebook" 0 \
	bash "$SRC/scripts/build-sample.sh" "$A" study s.axial
check "five interviews in interview order" "01-it-director-metro 02-planning-deputy 03-ea-consultant 04-software-contractor 05-revenue-director" \
	"$($A docs s.axial --json | python3 -c 'import json,sys; print(" ".join(d["name"] for d in json.load(sys.stdin)))')"

# tag_all CODER: the coder's codings of these five interviews, as in the
# sample (document, code, quote, occurrence).
tag_all() {
	first=1 n=0
	while IFS="$(printf '\t')" read -r doc code quote nth || [ -n "$doc" ]; do
		if [ $first = 1 ]; then first=0; continue; fi
		case $doc in 0[1-5]-*) ;; *) continue ;; esac
		$A tag s.axial "$doc" "$code" --quote "$quote" --nth "${nth:-1}" \
		    --as "$1" >/dev/null || echo "cannot tag $doc $code as $1"
		n=$((n + 1))
	done <"$S/codings/$1.tsv"
	echo "$n"
}

check_rc "blind coding starts" 0 $A blind s.axial start coder-a,coder-b
na=$(tag_all coder-a)
nb=$(tag_all coder-b)
check_match "coder-a coded blind" '^[0-9]+$' "$na"
check_match "coder-b coded blind" '^[0-9]+$' "$nb"
check "while blind, coder-a's codings are coder-a's alone" "coder-a $na" \
	"$($A codings s.axial --json --as coder-a | python3 -c 'import json,sys
c=json.load(sys.stdin); print(" ".join(sorted({x["coder"] for x in c})), len(c))')"
check "while blind, coder-b's codings are coder-b's alone" "coder-b $nb" \
	"$($A codings s.axial --json --as coder-b | python3 -c 'import json,sys
c=json.load(sys.stdin); print(" ".join(sorted({x["coder"] for x in c})), len(c))')"
check_rc "while blind, no one compares" 1 $A compare s.axial --coders coder-a,coder-b --as coder-a
check_rc "coder-a is done" 0 $A blind s.axial done --as coder-a
check_rc "coder-b is done: everything is revealed" 0 $A blind s.axial done --as coder-b
$A codings s.axial --json >raw.json
check "both coders' codings, complete" "$((na + nb))" \
	"$(python3 -c 'import json,sys; print(len(json.load(open("raw.json"))))')"

# Texts, for paragraphs (a paragraph is a line; docs/agreement.md).
mkdir texts
for d in 01-it-director-metro 02-planning-deputy 03-ea-consultant \
    04-software-contractor 05-revenue-director; do
	$A doc text s.axial "$d" >"texts/$d.txt"
done
cat >units.py <<'EOF'
import json
DOCS = ["01-it-director-metro", "02-planning-deputy", "03-ea-consultant",
        "04-software-contractor", "05-revenue-director"]
TEXT = {d: open("texts/%s.txt" % d, encoding="utf-8").read() for d in DOCS}
PARAS = [(d, i + 1) for d in DOCS
         for i, line in enumerate(TEXT[d].split("\n")) if line.strip()]

def para(d, cp):
    return TEXT[d][:cp].count("\n") + 1

def units(codings, coder):
    """(document, paragraph, code path) of every unit the coder coded"""
    return {(c["document"], p, c["code"]) for c in codings if c["coder"] == coder
            for p in range(para(c["document"], c["start"]),
                           para(c["document"], c["end"] - 1) + 1)}
EOF

# Agreement: per code, the 2x2 table over the paragraphs of the five
# interviews (a both, b A only, c B only, d neither) and Cohen's kappa.
check_rc "agreement" 0 $A agree s.axial --coders coder-a,coder-b --format csv
printf '%s\n' "$OUT" >agree.csv
check "every code's cells and kappa, computed again" "" "$(python3 - <<'EOF'
import csv
from units import *
raw = json.load(open("raw.json"))
ua, ub = units(raw, "coder-a"), units(raw, "coder-b")
bad, rows = [], [r for r in csv.DictReader(open("agree.csv", encoding="utf-8"))
                 if r["row"] == "code"]
used = {u[2] for u in ua | ub}
if sorted(r["name"] for r in rows) != sorted(used):
    bad.append("rows: %s, want the %d codes used" % (len(rows), len(used)))
for r in rows:
    k = r["name"]
    a = sum(1 for d, p in PARAS if (d, p, k) in ua and (d, p, k) in ub)
    b = sum(1 for d, p in PARAS if (d, p, k) in ua and (d, p, k) not in ub)
    c = sum(1 for d, p in PARAS if (d, p, k) not in ua and (d, p, k) in ub)
    n = len(PARAS)
    d = n - a - b - c
    if [r[x] for x in ("N", "a", "b", "c", "d")] != [str(v) for v in (n, a, b, c, d)]:
        bad.append("%s: N a b c d %s, want %s" % (k, [r[x] for x in ("N", "a", "b", "c", "d")],
                                                    [n, a, b, c, d]))
    po = (a + d) / n
    pe = ((a + b) * (a + c) + (c + d) * (b + d)) / (n * n)
    want = "%.6g" % ((po - pe) / (1 - pe)) if pe < 1 else ""
    if r["kappa"] != want:
        bad.append("%s: kappa %s, want %s" % (k, r["kappa"], want))
print("\n".join(bad))
EOF
)"

# The walk: every disagreement settled on the command line, by a rule the
# check below can follow: two in three kept (the coder who applied the code
# is the one taken), every third dropped, some with a note.
$A compare s.axial --coders coder-a,coder-b --json >walk.json
ndis=$(python3 -c 'import json; print(len(json.load(open("walk.json"))))')
check_match "there are disagreements to settle" '^[1-9][0-9]*$' "$ndis"
python3 - >decide.txt <<'EOF'
import json
for i, it in enumerate(json.load(open("walk.json"))):
    keep = i % 3 != 2
    choice = ("a" if it["coded_by"] == "coder-a" else "b") if keep else "neither"
    print("\t".join([it["document"], str(it["paragraph"]), it["code"], choice,
                     "walk %d" % i if i % 4 == 0 else ""]))
EOF
fails=0
while IFS="$(printf '\t')" read -r doc par code choice note; do
	if [ -n "$note" ]; then
		$A consensus s.axial --coders coder-a,coder-b "$doc" "$par" "$code" "$choice" --note "$note" >/dev/null 2>&1 || fails=$((fails + 1))
	else
		$A consensus s.axial --coders coder-a,coder-b "$doc" "$par" "$code" "$choice" >/dev/null 2>&1 || fails=$((fails + 1))
	fi
done <decide.txt
check "every decision taken" 0 "$fails"
check "the walk is over: nothing open" "" "$($A compare s.axial --coders coder-a,coder-b --json |
	python3 -c 'import json,sys; print(" ".join(str(i["paragraph"]) for i in json.load(sys.stdin) if i["decision"] == "open"))')"
check "the notes are kept with their decisions" "$(grep -c 'walk [0-9]' decide.txt)" \
	"$($A compare s.axial --coders coder-a,coder-b --json | python3 -c 'import json,sys
print(sum(1 for i in json.load(sys.stdin) if i["note"].startswith("walk ")))')"

# The consensus coding holds every unit both coders agree on and every
# unit the walk kept, and nothing else: complete without a separate seed.
$A codings s.axial --json >after.json
check "consensus = agreed units + kept units, nothing dropped" "" "$(python3 - <<'EOF'
from units import *
raw, after = json.load(open("raw.json")), json.load(open("after.json"))
ua, ub = units(raw, "coder-a"), units(raw, "coder-b")
kept, dropped = set(), set()
for line in open("decide.txt", encoding="utf-8"):
    d, p, k, choice, _ = line.rstrip("\n").split("\t")
    (dropped if choice == "neither" else kept).add((d, int(p), k))
cons = units(after, "consensus")
want = (ua & ub) | kept
bad = ["missing %s" % (u,) for u in sorted(want - cons)][:5]
bad += ["extra %s" % (u,) for u in sorted(cons - want)][:5]
if cons & dropped:
    bad.append("%d dropped units in the consensus" % len(cons & dropped))
if [c for c in after if c["coder"] != "consensus"] != raw:
    bad.append("the coders' own codings changed")
print("\n".join(bad))
EOF
)"

# The reports count the consensus, the default once it exists, and every
# figure equals the one computed from the consensus codings.
check_rc "report, CSV" 0 $A report s.axial -f csv --out "$T/csv"
check "every CSV figure, computed again from the consensus" "" "$(report_figures s.axial "$T/csv" consensus)"
check_rc "report, CSV in Persian with a BOM" 0 \
	$A report s.axial -f csv --lang fa --bom --out "$T/csvfa"
check "the same figures under Persian headings" "" "$(report_figures s.axial "$T/csvfa" consensus)"
check_match "Persian column heads" '^.?منبع,کد,' "$(head -n 1 "$T/csvfa/frequency-by-document.csv")"
check "the CSV starts with a byte-order mark" "efbbbf" "$(head -c 3 "$T/csvfa/codebook.csv" | od -An -tx1 | tr -d ' \n')"
check_rc "Persian digits in CSV: refused, as spreadsheets read Latin ones" 2 \
	$A report s.axial -f csv --digits fa --out "$T/csvdig"
check_match "the refusal says why" 'CSV keeps Latin digits' "$ERR"
check_rc "report, Markdown in Persian digits" 0 $A report s.axial --lang fa --digits fa --out "$T/mdfa"
check_rc "report, Markdown in Latin digits" 0 $A report s.axial --lang fa --digits latin --out "$T/mdla"
check_match "Persian digits in the frequency table" '(۰|۱|۲|۳|۴|۵|۶|۷|۸|۹)' "$(cat "$T/mdfa/frequency-by-document.md")"
# (the quotes of open-coding-sample keep the interviews' own digits)
check "the same tables but for the digits" "" \
	"$(cd "$T" && for f in mdfa/*.md; do [ "$f" = mdfa/open-coding-sample.md ] && continue; python3 -c 'import sys
a = open(sys.argv[1], encoding="utf-8").read().translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٫", "0123456789."))
b = open(sys.argv[2], encoding="utf-8").read()
if a != b: print(sys.argv[1])' "$f" "mdla/${f#mdfa/}"; done)"
check_rc "report, HTML in Persian" 0 $A report s.axial -f html --lang fa --out "$T/html"
check_match "HTML is right to left and Persian" '<html[^>]* lang="fa"[^>]* dir="rtl"|<html[^>]* dir="rtl"[^>]* lang="fa"' \
	"$(cat "$T/html/index.html")"
check "no English heading left in the Persian HTML" "" \
	"$(grep -o '<h[12][^>]*>[A-Za-z][A-Za-z ]*<' "$T/html/frequency-by-document.html")"
check_rc "report, Markdown in Persian" 0 $A report s.axial --lang fa --out "$T/md"
check_match "Markdown renders right to left" 'dir="rtl"' "$(cat "$T/md/index.md")"
check_match "the paradigm figure is right to left with a Persian font" \
	'direction="rtl"|direction: *rtl' "$(cat "$T/md/paradigm.svg")"
check "the project is what the walk left" "" "$($A check s.axial >/dev/null 2>&1 || echo "check failed")"
