# agree-project.sh: `axial agree PROJECT --coders A,B` on a project whose
# tables are worked out by hand, and on the Persian sample against the
# sample's own independent checker (scripts/check-sample.py).
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
me=$(id -un)
$A init p.axial >/dev/null
# 4 paragraphs; code k: A in 1,2; B in 2,3 -> a=1 b=1 c=1 d=1
printf 'p one\np two\np three\np four\n' >d.txt
$A import p.axial d.txt >/dev/null
$A code add p.axial k >/dev/null
$A coder add p.axial A --account "$me"
$A coder add p.axial B --account "$me"
$A tag p.axial d k --quote "p one" --as A >/dev/null
$A tag p.axial d k --quote "p two" --as A >/dev/null
$A tag p.axial d k --quote "two" --as B >/dev/null
$A tag p.axial d k --quote "p three" --as B >/dev/null
check_rc "agree on a project" 0 $A agree p.axial --coders A,B --format csv
row=$(echo "$OUT" | grep ',code,k,' | head -1)
check_match "N and 2x2 cells by hand" ',paragraph,,,4,1,1,1,1,' "$row"
# po = 1/2, pe = 1/2 -> kappa 0; pos = 2a/(2a+b+c) = 1/2
check_match "po, pos and kappa by hand" ',0\.5,0\.5,0,' "$row"
check_rc "json" 0 $A agree p.axial --coders A,B --format json
check_match "json has kappa" '"kappa"' "$OUT"
check_rc "unknown coder" 1 $A agree p.axial --coders A,Z
check "unknown coder message" "axial: no coder 'Z'" "$ERR"
check_rc "one coder" 2 $A agree p.axial --coders A
check_rc "bad unit" 2 $A agree p.axial --coders A,B --unit lines
check_rc "bad by" 2 $A agree p.axial --coders A,B --by mood

S="$BUILD/egov-fa.axial"
if [ -f "$S" ]; then
	check_rc "sample pooled kappa" 0 $A agree "$S" --coders coder-a,coder-b --format csv
	pooled=$(echo "$OUT" | grep ',pooled,' | head -1)
	expect=$(python3 "$AXIAL_SRC/scripts/check-sample.py" "$AXIAL_SRC/sample-projects/egov-fa" 2>/dev/null | grep -i 'kappa' | head -1)
	check_match "sample cells 127/45/54" ',127,45,54,' "$pooled"
	check_match "checker agrees on 0.716" '0\.716' "$expect"
	check_match "axial says 0.716 (kappa 0.7158...)" ',0\.7158[0-9]*,' "$pooled"
	check_rc "by category" 0 $A agree "$S" --coders coder-a,coder-b --by category
	check "six main categories and a pooled row" 7 "$(echo "$OUT" | grep -c '^category\|^pooled')"
else
	notok "sample project built" "missing $S: run make samples"
fi

# Percentages honest to the last digit, rows of unused codes hidden, and a
# pooled row over the codes someone used. 2500 paragraphs; code k: A's one
# coding spans them all, B's marks paragraph 1 (a=1 b=2499); code m: A in
# paragraphs 1-2, B in 1 (a=1 b=1 d=2498); codes u1, u2, u3: nobody.
$A init big.axial >/dev/null
awk 'BEGIN { for (i = 1; i <= 2500; i++) printf "line %d\n", i }' >big.txt
$A import big.axial big.txt >/dev/null
for c in k m u1 u2 u3; do $A code add big.axial $c >/dev/null; done
$A coder add big.axial A --account "$me"
$A coder add big.axial B --account "$me"
end=$(($(wc -m <big.txt) - 1))
$A tag big.axial big k 0 "$end" --as A >/dev/null
$A tag big.axial big k --quote "line 1" --as B >/dev/null
$A tag big.axial big m 0 13 --as A >/dev/null
$A tag big.axial big m --quote "line 1" --as B >/dev/null
check_rc "agree on 2500 paragraphs" 0 $A agree big.axial --coders A,B
check_match "1 of 2500 agreeing is <0.1, not 0.0" '^  a=1 b=2499 c=0 d=0  %agr <0\.1 pos 0\.1 ' "$OUT"
check_match "2499 of 2500 is >99.9, not 100.0" '^  a=1 b=1 c=0 d=2498  %agr >99\.9 pos 66\.7 ' "$OUT"
check "codes neither coder used are hidden" "" "$(echo "$OUT" | grep '^code "u')"
check_match "and counted" '^3 codes neither coder used are not shown; --all shows them\.$' "$OUT"
# pooled over k and m only: N = 2 x 2500, d = 2498
check_match "pooled row: only the codes someone used" '^pooled "all codes"  unit=paragraph  scope=1 doc  N=5000$' "$OUT"
check_match "pooled cells" '^  a=2 b=2500 c=0 d=2498 ' "$OUT"
check_rc "--all" 0 $A agree big.axial --coders A,B --all
check "--all shows them" 3 "$(echo "$OUT" | grep -c '^code "u')"
check "--all: no hidden note" "" "$(echo "$OUT" | grep 'not shown')"
check_match "--all: the pooled row is the same" '^pooled "all codes"  unit=paragraph  scope=1 doc  N=5000$' "$OUT"
check_rc "csv hides them too" 0 $A agree big.axial --coders A,B --format csv
check "csv: no unused rows" "" "$(echo "$OUT" | grep ',code,u')"
check_match "csv: the note on stderr" '^axial: 3 codes neither coder used are not shown; --all shows them\.$' "$ERR"
check_rc "json hides them too" 0 $A agree big.axial --coders A,B --format json
check_match "json: how many are hidden" '"hidden": 3}$' "$OUT"
check_rc "by document" 0 $A agree big.axial --coders A,B --by document
check_match "by document: the one document" '^document "big"' "$OUT"
check_rc "theta in tenths" 0 $A agree big.axial --coders A,B --unit overlap --theta 0.999
check_match "theta=99.9%, not 100%" 'theta=99\.9%' "$OUT"
