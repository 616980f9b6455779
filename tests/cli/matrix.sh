# matrix.sh: `axial matrix`. Every figure of every shape (codes and
# categories against attribute values and documents, segments and
# documents; codes against codes by overlap, paragraph and document) is
# computed again from the project's tables by tests/cli/matrix_figures.py;
# the formats agree with the JSON; bad input gets a clear message and
# leaves the project as it was.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
B=${BUILD:-$AXIAL_SRC/build}
FA=$B/egov-fa.axial
[ -f "$FA" ] || { notok "sample $FA exists (make samples)"; exit 0; }
cp "$FA" p.axial

# figures NAME SOURCE ROWS COLS COUNT: axial's JSON against the checker
figures() {
	f_name=$1 f_src=$2 f_rows=$3 f_cols=$4 f_count=$5
	if ! $A matrix p.axial --source "$f_src" --rows "$f_rows" --cols "$f_cols" \
	    --count "$f_count" --format json >"$T/m.json" 2>"$T/m.err"; then
		notok "$f_name" "$(cat "$T/m.err")"
		return
	fi
	check "$f_name: every figure as computed from the tables" "" \
	    "$(python3 "$SRC/tests/cli/matrix_figures.py" p.axial "$f_src" "$f_rows" \
	    "$f_cols" "$f_count" "$T/m.json" 2>&1)"
}

before=$(sha256sum p.axial)
for src in coder-a coder-b; do
	for rows in codes categories; do
		for cols in attr:جنسیت attr:تحصیلات documents; do
			for count in segments documents; do
				figures "$src $rows x $cols ($count)" $src $rows $cols $count
			done
		done
	done
	for count in segments paragraphs documents; do
		figures "$src codes x codes ($count)" $src codes codes $count
	done
done

# The formats show the JSON's figures: the first category by gender.
$A matrix p.axial --source coder-a --rows categories --cols attr:جنسیت --format json >"$T/g.json"
first=$(python3 -c 'import json, sys
m = json.load(open(sys.argv[1], encoding="utf-8"))
r = m["rows"][0]
print(",".join(["coder-a", r["name"]] + [str(v) for v in r["cells"]] + [str(r["total"])]))
print(" ".join(c["label"] for c in m["columns"]))' "$T/g.json")
check_rc "csv" 0 $A matrix p.axial --source coder-a --rows categories --cols attr:جنسیت --format csv
check "csv: the first category's row" "$(echo "$first" | head -1)" "$(printf '%s\n' "$OUT" | tr -d '\r' | sed -n 2p)"
check "csv: Source, Category, the levels, Total" "Source,Category,$(echo "$first" | sed -n 2p | tr ' ' ','),Total" \
    "$(printf '%s\n' "$OUT" | tr -d '\r' | head -1)"
check_rc "table" 0 $A matrix p.axial --source coder-a --rows categories --cols attr:جنسیت
row=$(echo "$first" | head -1 | cut -d, -f3- | tr ',' ' ')
check_match "table: the first category's figures" "  *$(echo "$row" | sed 's/ /  */g')\$" "$(printf '%s\n' "$OUT" | sed -n 4p)"
check_match "table: titled and sourced" '^Categories by جنسیت: segments$' "$(printf '%s\n' "$OUT" | head -1)"
check_match "table: the source line" '^Source: coder-a \(the codings of this coder only\)\.$' "$(printf '%s\n' "$OUT" | sed -n 2p)"
check_rc "markdown" 0 $A matrix p.axial --source coder-a --rows categories --cols attr:جنسیت --format md
check_match "markdown: the first category's row" "^\\| $(echo "$first" | head -1 | cut -d, -f2- | sed 's/,/ | /g') \\|\$" "$OUT"
check_rc "html" 0 $A matrix p.axial --source coder-a --rows categories --cols attr:جنسیت --format html
check "html parses (xmllint --html)" "" "$(printf '%s\n' "$OUT" | xmllint --html --noout - 2>&1 | head -3)"

# Percentages: CSV keeps the exact value; the table one decimal.
$A matrix p.axial --source coder-a --rows codes --cols attr:جنسیت --format json >"$T/c.json"
pr=$(python3 -c 'import json, sys
m = json.load(open(sys.argv[1], encoding="utf-8"))
r = m["rows"][0]
print("%.1f %.1f" % (100.0 * r["cells"][0] / r["total"], 100.0 * r["cells"][0] / m["columns"][0]["total"]))' "$T/c.json")
check_rc "--percent row" 0 $A matrix p.axial --source coder-a --rows codes --cols attr:جنسیت --percent row
check_match "row percent of the first cell" "  ${pr% *}  " "$(printf '%s\n' "$OUT" | sed -n 4p)"
check_match "the note says row percentages" '^Cells show row percentages' "$OUT"
check_rc "--percent col" 0 $A matrix p.axial --source coder-a --rows codes --cols attr:جنسیت --percent col
check_match "column percent of the first cell" "  ${pr#* }  " "$(printf '%s\n' "$OUT" | sed -n 4p)"

# A document without the attribute is counted in the (none) column.
$A attr p.axial 01-it-director-metro جنسیت --rm >/dev/null
figures "after removing one document's gender" coder-a categories attr:جنسیت documents
check_match "a (none) column" '"label":null' "$(cat "$T/m.json")"
check_rc "(none) heads the column in a table" 0 $A matrix p.axial --source coder-a --rows codes --cols attr:جنسیت
check_match "(none) head" '  \(none\)  ' "$(printf '%s\n' "$OUT" | sed -n 3p)"
$A undo p.axial >/dev/null
before=$(sha256sum p.axial)

# Bad input: a message, nothing changed.
check_rc "two coders, no consensus, no --source: refused" 2 $A matrix p.axial --rows codes --cols documents
check_match "names the choices" 'no consensus coding: choose one with --source \(coder-a, coder-b\)' "$ERR"
check_rc "unknown attribute" 1 $A matrix p.axial --source coder-a --rows codes --cols attr:جنس
check "unknown attribute: did you mean" "axial: p.axial: no attribute 'جنس'; did you mean 'جنسیت'? (attributes: تحصیلات, جنسیت, سابقه کار, سمت, سن, نوع سازمان)" "$ERR"
check_rc "unknown attribute, nothing near" 1 $A matrix p.axial --source coder-a --rows codes --cols attr:zzzzzz
check_match "lists the attributes" "no attribute 'zzzzzz' \(attributes: " "$ERR"
check_rc "an attribute found by its folded form (ي for ی)" 0 $A matrix p.axial --source coder-a --rows codes --cols attr:جنسيت
check_rc "unknown coder" 1 $A matrix p.axial --source coder-x --rows codes --cols documents
check "unknown coder: did you mean" "axial: p.axial: no coder 'coder-x'; did you mean 'coder-a'? (coders: coder-a, coder-b)" "$ERR"
check_rc "no consensus yet" 1 $A matrix p.axial --source consensus --rows codes --cols documents
check_match "no consensus message" 'p\.axial has no consensus coding yet' "$ERR"
check_rc "bad --rows" 2 $A matrix p.axial --source coder-a --rows memos --cols documents
check_match "bad --rows message" "--rows takes codes or categories, not 'memos'" "$ERR"
check_rc "bad --cols" 2 $A matrix p.axial --source coder-a --rows codes --cols attr:
check_rc "categories x codes refused" 2 $A matrix p.axial --source coder-a --rows categories --cols codes
check_match "says why" 'co-occurrence is between codes' "$ERR"
check_rc "paragraphs only against codes" 2 $A matrix p.axial --source coder-a --rows codes --cols documents --count paragraphs
check_rc "bad --format" 2 $A matrix p.axial --source coder-a --rows codes --cols documents --format xls
check_rc "bad --percent" 2 $A matrix p.axial --source coder-a --rows codes --cols documents --percent both
check_rc "missing --cols" 2 $A matrix p.axial --rows codes
check "nothing changed" "$before" "$(sha256sum p.axial)"

# The consensus coding is the default once it has codings.
$A consensus p.axial --coders coder-a,coder-b seed >/dev/null
check_rc "consensus by default" 0 $A matrix p.axial --rows categories --cols attr:جنسیت
check_match "sourced from the consensus" '^Source: consensus \(the consensus coding\)\.$' "$(printf '%s\n' "$OUT" | sed -n 2p)"
figures "consensus categories x gender (segments)" consensus categories attr:جنسیت segments
figures "consensus codes x codes (segments)" consensus codes codes segments

# An empty project: empty matrices, no attribute to name.
$A init e.axial >/dev/null
check_rc "empty project: codes x documents" 0 $A matrix e.axial --rows codes --cols documents
check_match "empty project: only the total" "^Total  *0$" "$(printf '%s\n' "$OUT" | sed -n 4p)"
check_rc "empty project: codes x codes" 0 $A matrix e.axial --rows codes --cols codes --format json
check_match "empty project: no rows" '"columns":\[\],"rows":\[\]' "$OUT"
check_rc "empty project: an attribute" 1 $A matrix e.axial --rows codes --cols attr:gender
check "empty project: says there are none" "axial: e.axial: no attribute 'gender': no document has an attribute yet (axial attr sets them)" "$ERR"

# A large matrix: 400 documents as columns, every figure checked.
$A init big.axial >/dev/null
mkdir big
i=0; while [ $i -lt 400 ]; do printf 'alpha beta %d\ngamma\n' $i >big/d$i.txt; i=$((i + 1)); done
$A import big.axial big/*.txt >/dev/null
$A code add big.axial theme --category >/dev/null
$A code add big.axial alpha --in theme >/dev/null
$A code add big.axial gamma --in theme >/dev/null
i=0; while [ $i -lt 400 ]; do
	$A tag big.axial d$i alpha --quote alpha >/dev/null
	[ $((i % 3)) = 0 ] && $A tag big.axial d$i gamma --quote gamma >/dev/null
	echo "d$i,group,g$((i % 7))" >>groups.csv
	i=$((i + 3))
done
$A attr big.axial --csv groups.csv >/dev/null
cp p.axial keep.axial; cp big.axial p.axial
src=$($A coders p.axial | awk 'NR == 1 {print $1}')
figures "400 documents: categories x documents" "$src" categories documents segments
figures "400 documents: codes x group (documents)" "$src" codes attr:group documents
figures "400 documents: codes x codes (paragraphs)" "$src" codes codes paragraphs
check_rc "400 documents: a table 402 columns wide" 0 $A matrix p.axial --rows codes --cols documents
check "400 documents: every column in the head" 402 "$(printf '%s\n' "$OUT" | sed -n 3p | wc -w)"
