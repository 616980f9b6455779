#!/bin/sh
# agree.sh: `axial agree --data` reproduces every published vector (the
# fixtures scripts/agreement-vectors.py derives from vectors.json, see
# docs/agreement.md §8.1), prints the figures in each format, and rejects
# bad input with one line "axial: FILE:LINE: what is wrong" and exit status 1.
. "$(dirname "$0")/lib.sh"
FIX=$SRC/tests/fixtures/agreement

# vector NAME: every KEY VALUE TOL / KEY undefined line of NAME.expect
vector() {
	n=$1
	"$AXIAL" agree --data "$FIX/$n.csv" --format csv >"$T/$n.out" 2>"$T/$n.err"
	rc=$?
	bad=$(awk 'NR == FNR { if (FNR > 1) { i = index($0, ","); k = substr($0, 1, i - 1);
			r = substr($0, i + 1); j = index(r, ","); val[k] = substr(r, 1, j - 1);
			st[k] = substr(r, j + 1) } next }
		/^#/ { next }
		!($1 in val) { print $1 " missing"; next }
		$2 == "undefined" { if (st[$1] !~ /^"?undefined/) print $1 " = " val[$1] ", want undefined"; next }
		{ d = val[$1] - $2; if (d < 0) d = -d
		  if (st[$1] != "" || val[$1] == "" || d > $3 + 0) print $1 " = " val[$1] " " st[$1] ", want " $2 " +- " $3 }' \
		"$T/$n.out" "$FIX/$n.expect")
	if [ $rc -eq 0 ] && [ -z "$bad" ]; then ok "vector $n"; else
		notok "vector $n" "exit $rc: $(cat "$T/$n.err")" "$bad"; fi
}
nvec=0
for f in "$FIX"/*.expect; do
	vector "$(basename "$f" .expect)"
	nvec=$((nvec + 1))
done
check "every vector of vectors.json has a fixture" \
	"$(grep -c '"name"' "$FIX/vectors.json")" "$nvec"

# The human table: formats of docs/agreement.md §5.2.
check_rc "table format runs" 0 "$AXIAL" agree --data "$FIX/wiki_cohen_yes_no.csv"
check_match "table: percent agreement one decimal" '^percent agreement +70\.0%$' "$OUT"
check_match "table: kappa three decimals and band" "^Cohen's kappa +0\.400 +\(Landis & Koch 1977: moderate\)" "$OUT"
check_match "table: the 2x2 table (categories sorted)" '^ +yes +5 +20$' "$OUT"
check_rc "undefined figures" 0 "$AXIAL" agree --data "$FIX/krippendorff1995_all_one_category.csv"
check_match "table: kappa undefined with reason" "^Cohen's kappa +undefined \(no variation\)$" "$OUT"
check_match "table: percent agreement beside it" '^percent agreement +100\.0%$' "$OUT"
check_rc "json format runs" 0 "$AXIAL" agree --data "$FIX/krippendorff1995_all_one_category.csv" --format json
check_match "json: undefined is null with status" '"key": "kappa", "label": "Cohen.s kappa", "value": null, "status": "undefined \(no variation\)"' "$OUT"
check_rc "level option" 0 "$AXIAL" agree --data "$FIX/kripp2011_C_4coders_missing.csv" --format csv --level interval
check_match "level: interval alpha" '^alpha_interval,0\.8491' "$OUT"
check "level: only that level" "" "$(printf '%s\n' "$OUT" | grep '^alpha_nominal,')"
check_match "three coders: Fleiss" '^fleiss_kappa,0\.2099' "$("$AXIAL" agree --data "$FIX/wiki_fleiss_10x5.csv" --format csv)"
check_match "missing values: Fleiss undefined" '^fleiss_kappa,,undefined \(unequal coders per unit: use α\)' \
	"$("$AXIAL" agree --data "$FIX/kripp2011_C_4coders_missing.csv" --format csv)"

# Bootstrap: same seed, same interval; another seed, another interval.
a=$("$AXIAL" agree --data "$FIX/wiki_cohen_same_po_1.csv" --format csv | grep ci_)
b=$("$AXIAL" agree --data "$FIX/wiki_cohen_same_po_1.csv" --format csv | grep ci_)
check "bootstrap reproducible" "$a" "$b"
c=$("$AXIAL" agree --data "$FIX/wiki_cohen_same_po_1.csv" --format csv --seed 7 | grep ci_)
if [ "$a" != "$c" ]; then ok "another seed, another interval"; else notok "another seed, another interval" "$a"; fi

# Spelling the parser accepts: BOM, CRLF, quotes, other columns, blank lines.
printf '\357\273\277Coder,extra,Unit,Value\r\n"A","x, y","u ""1""",yes\r\n\r\nB,,"u ""1""",yes\r\nA,,u2,no\r\nB,,u2,"no"\r\nA,,u3,\r\nB,,u3,yes\r\n' >"$T/bom.csv"
check_rc "BOM, CRLF, quoting" 0 "$AXIAL" agree --data "$T/bom.csv" --format csv
check_match "BOM file: 3 units" '^units,3,$' "$OUT"
check_match "BOM file: missing value left out" '^left_out,1,$' "$OUT"
check_match "BOM file: kappa 1" '^kappa,1,$' "$OUT"

# Bad input: one line, FILE:LINE, exit 1.
bad() {	# NAME LINE MESSAGE-REGEX
	check_rc "bad input: $1 exits 1" 1 "$AXIAL" agree --data "$T/$1.csv"
	check_match "bad input: $1 message" "^axial: $T/$1\\.csv:$2: $3\$" "$ERR"
	check "bad input: $1 one line, nothing on stdout" "1:" "$(printf '%s\n' "$ERR" | wc -l | tr -d ' '):$OUT"
}
printf 'unit,coder\n1,A\n' >"$T/nocol.csv"; bad nocol 1 "missing column 'value' in the header \\(need unit,coder,value\\)"
printf 'unit,coder,value\n1,A,x\n1,B\n' >"$T/ragged.csv"; bad ragged 3 'too few fields \(ragged row\)'
printf 'unit,coder,value\n1,A,x,y\n' >"$T/ragged2.csv"; bad ragged2 2 'too many fields \(ragged row\)'
printf 'unit,coder,value\n1,A,x\n1,B,"y\n2,A,z\n' >"$T/quote.csv"; bad quote 3 'unterminated quoted field'
printf 'unit,coder,value\n1,A,x\n1,B,\377y\n' >"$T/utf8.csv"; bad utf8 3 'invalid UTF-8'
: >"$T/empty.csv"; bad empty 1 'empty file'
printf '\357\273\277\r\n\r\n' >"$T/blank.csv"; bad blank 1 'empty file'
printf 'unit,coder,value\n' >"$T/header.csv"; bad header 2 'no data rows after the header'
printf 'unit,coder,value\n1,A,x\n1,A,y\n' >"$T/dup.csv"; bad dup 3 'a second value for the same unit and coder'
printf 'unit,coder,value\n1,A,"x"y\n' >"$T/after.csv"; bad after 2 'text after a closing quote'
printf 'unit,coder,value\n,A,x\n' >"$T/nounit.csv"; bad nounit 2 'empty unit'
printf 'unit,coder,value\n1,A,x\n1,B,y\n' >"$T/labels.csv"
check_rc "ordered level on labels exits 1" 1 "$AXIAL" agree --data "$T/labels.csv" --level ordinal
check_match "ordered level on labels message" "^axial: $T/labels\\.csv:1: level ordinal needs numeric values\$" "$ERR"
check_rc "missing file exits 1" 1 "$AXIAL" agree --data "$T/nonexistent.csv"
check_match "missing file message" "^axial: $T/nonexistent\\.csv: No such file or directory\$" "$ERR"

# Usage and the project form.
check_rc "no --data is a usage error" 2 "$AXIAL" agree
check_rc "bad format is a usage error" 2 "$AXIAL" agree --data "$T/labels.csv" --format xml
check_rc "project form on a missing project exits 1" 1 "$AXIAL" agree project.axial --coders A,B
check "missing project message" "axial: project.axial: No such file or directory" "$ERR"
check_rc "agree --help" 0 "$AXIAL" agree --help
check_match "help names --data" '--data FILE\.csv' "$OUT"

# A percentage that is not 100 never shows as 100.0 (2000 of 2001 units).
awk 'BEGIN { print "unit,coder,value"; for (i = 1; i <= 2001; i++) {
	printf "%d,A,yes\n", i; printf "%d,B,%s\n", i, i == 1 ? "no" : "yes" } }' >"$T/near.csv"
check_rc "2000 of 2001 agree" 0 "$AXIAL" agree --data "$T/near.csv"
check_match "shown >99.9%, not 100.0%" '^percent agreement +>99\.9%$' "$OUT"
