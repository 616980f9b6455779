# agree-digits.sh: `axial agree` and `axial retest` --digits fa|latin, as
# `axial report` takes it: Persian digits in the figures of the tables
# people read, the same figures as in Latin digits, the names of codes and
# documents as they are; CSV and JSON keep Latin digits and refuse fa.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL

# latin TEXT: Persian digits and decimal separator back to Latin ones
latin() {
	printf '%s\n' "$1" | python3 -c 'import sys
sys.stdout.write(sys.stdin.read().translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٫", "0123456789.")))'
}
PDIGIT='[۰۱۲۳۴۵۶۷۸۹]'
PDIGIT_RE='(۰|۱|۲|۳|۴|۵|۶|۷|۸|۹)'

S="$BUILD/egov-fa.axial"
need_fixture "$S" || exit 0
cp "$S" s.axial

# agree, rows per code and per document (whose names carry digits), in
# English and in Persian
for args in "" "--by document" "--lang fa --by document" "--unit overlap --by document"; do
	# shellcheck disable=SC2086
	check_rc "agree $args: Latin digits" 0 $A agree s.axial --coders coder-a,coder-b $args --digits latin
	la=$OUT
	# shellcheck disable=SC2086
	check_rc "agree $args: Latin digits by default" 0 $A agree s.axial --coders coder-a,coder-b $args
	check "agree $args: the default is Latin" "$la" "$OUT"
	# shellcheck disable=SC2086
	check_rc "agree $args: Persian digits" 0 $A agree s.axial --coders coder-a,coder-b $args --digits fa
	fa=$OUT
	check_match "agree $args: the figures are in Persian digits" " $PDIGIT_RE٫$PDIGIT_RE" "$fa"
	check "agree $args: the same figures, digit for digit" "$la" "$(latin "$fa")"
	# (labels such as N1 keep theirs: a word, not a figure)
	check "agree $args: no Latin digit outside the names and labels" "" \
		"$(printf '%s\n' "$fa" | sed -E 's/"[^"]*"//; s/«[^»]*»//; s/[A-Za-z_][0-9]+//g' | grep '[0-9]')"
done
check_match "a document's name keeps its digits" '^document "02-planning-deputy" ' "$fa"
check "no document's name in Persian digits" "" "$(printf '%s\n' "$fa" | grep "^document \"$PDIGIT")"
check_match "the pooled row in Persian digits" "^pooled .*N=$PDIGIT_RE" "$fa"

check_rc "agree CSV with Persian digits: refused" 2 $A agree s.axial --coders coder-a,coder-b --format csv --digits fa
check_match "the refusal says why" 'CSV keeps Latin digits so that spreadsheets and programs read the figures as numbers' "$ERR"
check "nothing printed" "" "$OUT"
check_rc "agree JSON with Persian digits: refused" 2 $A agree s.axial --coders coder-a,coder-b --format json --digits fa
check_match "the refusal names JSON" 'JSON keeps Latin digits' "$ERR"
check_rc "agree CSV with Latin digits" 0 $A agree s.axial --coders coder-a,coder-b --format csv --digits latin
check "no Persian digit in the CSV" "" "$(printf '%s\n' "$OUT" | grep "$PDIGIT")"
check_rc "unknown digits" 2 $A agree s.axial --coders coder-a,coder-b --digits arabic
check_match "unknown digits named" "unknown digits 'arabic' for --digits \(fa or latin\)" "$ERR"

# agree --data: the file's values and coders as they are, its figures in
# Persian digits
F="$AXIAL_SRC/tests/fixtures/agreement/kripp2011_A_binary.csv"
if need_fixture "$F"; then
	check_rc "agree --data: Latin digits" 0 $A agree --data "$F" --boot 0
	la=$OUT
	check_rc "agree --data: Persian digits" 0 $A agree --data "$F" --boot 0 --digits fa
	check_match "agree --data: the figures in Persian digits" "$PDIGIT_RE٫$PDIGIT_RE" "$OUT"
	check "agree --data: the same figures" "$la" "$(latin "$OUT")"
	check_match "agree --data: the categories as they are" 'categories ۲ \(0, 1\)' "$OUT"
	check_rc "agree --data CSV with Persian digits: refused" 2 $A agree --data "$F" --format csv --digits fa
fi

# retest: the document column keeps its digits, the counts and percents
# are in Persian digits
for args in "" "--lang fa"; do
	# shellcheck disable=SC2086
	check_rc "retest $args: Latin digits" 0 $A retest s.axial --coder coder-a $args
	la=$OUT
	# shellcheck disable=SC2086
	check_rc "retest $args: Persian digits" 0 $A retest s.axial --coder coder-a $args --digits fa
	fa=$OUT
	check_match "retest $args: a percent in Persian digits" "$PDIGIT_RE٫$PDIGIT_RE%" "$fa"
	check "retest $args: the same figures, digit for digit" "$la" "$(latin "$fa")"
	check "retest $args: no Latin digit outside the document names" "" \
		"$(printf '%s\n' "$fa" | cut -c33- | grep '[0-9]')"
done
check_match "retest: a document's name keeps its digits" '^02-planning-deputy ' "$fa"
check_rc "retest CSV with Persian digits: refused" 2 $A retest s.axial --coder coder-a --format csv --digits fa
check_match "the refusal says why" 'CSV keeps Latin digits' "$ERR"
check_rc "retest JSON with Persian digits: refused" 2 $A retest s.axial --coder coder-a --format json --digits fa
check_rc "retest JSON with Latin digits" 0 $A retest s.axial --coder coder-a --format json --digits latin

# report: the same helper, the same refusal
check_rc "report CSV with Persian digits: refused" 2 $A report s.axial -f csv --digits fa --out "$T/csv"
check_match "the report's refusal says why" 'CSV keeps Latin digits' "$ERR"
check "no report written" "no" "$([ -e "$T/csv" ] && echo yes || echo no)"
check_rc "report: unknown digits" 2 $A report s.axial --digits roman --out "$T/md"
