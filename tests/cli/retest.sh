# retest.sh: test-retest tables by hand and on the sample (against the
# sample's independent checker).
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
me=$(id -un)
$A init p.axial >/dev/null
printf 'alpha beta gamma\ndelta epsilon\n' >d1.txt
printf 'zeta eta\n' >d2.txt
$A import p.axial d1.txt d2.txt >/dev/null
$A code add p.axial k >/dev/null
$A code add p.axial m >/dev/null
$A coder add p.axial ann --account "$me"
check_rc "start a second pass" 0 $A retest p.axial start --as ann
check "start says who" "second pass: code as 'ann-retest' (axial ... --as ann-retest)" "$OUT"
# pass 1 (ann): d1 para 0: k twice, m once; d1 para 1: k
#               d2 para 0: m
# pass 2:       d1 para 0: k once, m in para 1 (wrong paragraph); d2: m
for q in alpha beta; do $A tag p.axial d1 k --quote "$q" --as ann >/dev/null; done
$A tag p.axial d1 m --quote gamma --as ann >/dev/null
$A tag p.axial d1 k --quote delta --as ann >/dev/null
$A tag p.axial d2 m --quote zeta --as ann >/dev/null
$A tag p.axial d1 k --quote beta --as ann-retest >/dev/null
$A tag p.axial d1 m --quote epsilon --as ann-retest >/dev/null
$A tag p.axial d2 m --quote eta --as ann-retest >/dev/null
check_rc "table" 0 $A retest p.axial --coder ann --format csv
# d1: total 4 + 2 = 6, agreements 1 (one k in para 0), disagreements 4,
#     percent 2 x 1 / 6 = 33.3; d2: total 2, agreements 1, 100.0;
# total: 8, 2, 4, 50.0
check "table by hand" "document,total,agreements,disagreements,percent
d1,6,1,4,33.3
d2,2,1,0,100.0
total,8,2,4,50.0" "$(echo "$OUT" | tr -d '\r')"
check_rc "json" 0 $A retest p.axial --coder ann --format json
check_match "json total" '"document":"total","total":8,"agreements":2,"disagreements":4,"percent":50.0' "$OUT"
check_rc "starting again is harmless" 0 $A retest p.axial start --as ann
check "still one second-pass coder" 1 "$($A coders p.axial | grep -c '^ann-retest')"
check_rc "no second pass" 1 $A retest p.axial --coder "$me"
check_match "no second pass message" "no coder '$me-retest'" "$ERR"

# a second pass that coded nothing yet: only the total row, undefined
$A coder add p.axial bob --account "$me"
$A retest p.axial start --as bob >/dev/null
check_rc "a pass with no codings" 0 $A retest p.axial --coder bob
check_match "its total row is undefined" '^total +0 +0 +0 undefined$' "$OUT"
check_rc "json" 0 $A retest p.axial --coder bob --format json
check_match "json gives the reason" '"percent":null,"why":"no codings"' "$OUT"

# a blind session hides the other coders' codings: the table is refused
# (no silent 0.0% from codings it cannot see), and comes back once lifted
$A blind p.axial start ann,bob >/dev/null
check_rc "blind: refused" 1 $A retest p.axial --coder ann --as ann
check_match "blind: says why" "blind coding is on" "$ERR"
check_rc "blind: refused to the second pass too" 1 $A retest p.axial --coder ann --as ann-retest
$A blind p.axial lift >/dev/null
check_rc "lifted: the table again" 0 $A retest p.axial --coder ann --format csv
check_match "lifted: nothing lost" '^total,8,2,4,50.0' "$(echo "$OUT" | tr -d '\r')"

S="$BUILD/egov-fa.axial"
check_rc "sample retest" 0 $A retest "$S" --coder coder-a --format csv
mine=$(echo "$OUT" | tr -d '\r' | sed 1d | awk -F, '{ printf "%s %s %s %s %s%%\n", $1, $2, $3, $4, $5 }')
theirs=$(python3 "$AXIAL_SRC/scripts/check-sample.py" "$AXIAL_SRC/sample-projects/egov-fa" | sed -n '/^test-retest/,/total/p' | sed 1d | awk '{ print $1, $2, $3, $4, $5 }')
check "sample retest equals the independent checker" "$theirs" "$mine"
check_match "sample total 88.3%" '^total 77 34 9 88.3%' "$mine"
