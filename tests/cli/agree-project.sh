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
