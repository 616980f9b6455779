# agree-unitize.sh: Krippendorff's alpha for unitizing from a segments file
# (`axial agree --segments`) and from a project (`--unit segments`): the
# published example of Krippendorff (2004, p. 254), every refusal of a bad
# file with its line, and a project of three coders against the same
# segments written as a file.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
me=$(id -un)

# Krippendorff (2004), Content Analysis, 2nd ed., p. 254: observers i and
# j on [150, 450), values c and k; published c: D_o .0144, D_e .0532,
# alpha .7286; k: D_o 0, D_e .0490, alpha 1; overall .859.
cat >k.csv <<'CSV'
coder,start,end,value
i,225,295,c
i,370,400,c
j,220,300,c
j,355,375,c
j,400,420,c
i,180,240,k
i,300,350,k
j,180,240,k
j,300,350,k
CSV
check_rc "segments table" 0 $A agree --segments k.csv --length 300 --begin 150 --lang en
check_match "c: D_o, D_e, alpha" '^c +5 +2 +0\.0144 +0\.0532 +0\.729$' "$OUT"
check_match "k: D_o, D_e, alpha" '^k +4 +2 +0\.0000 +0\.0490 +1\.000$' "$OUT"
check_match "overall alpha_U" '^all values +0\.859$' "$OUT"
check_match "continuum" 'continuum 150 to 450 \(L = 300\), coders 2 \(i, j\)' "$OUT"
check_rc "segments csv" 0 $A agree --segments k.csv --length 300 --begin 150 --format csv
check_match "csv c alpha" '^unitizing\.c\.alpha,0\.7285' "$OUT"
check_match "csv c do" '^unitizing\.c\.do,0\.01444' "$OUT"
check_match "csv k de" '^unitizing\.k\.de,0\.04897' "$OUT"
check_match "csv overall" '^unitizing_alpha,0\.8586' "$OUT"
check_rc "segments json" 0 $A agree --segments k.csv --length 300 --begin 150 --format json
got=$(printf '%s' "$OUT" | python3 -c 'import json, sys
j = json.load(sys.stdin)
u = j["unitizing"]
print("%.4f %.4f %.4f %.4f %.4f %.3f" % (u["c"]["do"], u["c"]["de"],
    u["c"]["alpha"], u["k"]["de"], u["k"]["alpha"], j["unitizing_alpha"]))')
check "json keys and published digits" "0.0144 0.0532 0.7286 0.0490 1.0000 0.859" "$got"
# the rows in another order, quoted fields, CRLF: the same figures
{ printf 'value,end,start,coder\r\n'; tail -n +2 k.csv | sort -r |
    awk -F, '{ printf "\"%s\",%s,%s,%s\r\n", $4, $3, $2, $1 }'; } >k2.csv
check_rc "columns in any order" 0 $A agree --segments k2.csv --length 300 --begin 150 --format csv
check "same figures whatever the order" \
    "$($A agree --segments k.csv --length 300 --begin 150 --format csv)" "$OUT"

# bad files: exit 1, FILE:LINE: why, nothing printed on stdout
bad() {	# NAME LINE WHY CSV-BODY [OPTIONS]
	printf 'coder,start,end,value\n%s\n' "$4" >bad.csv
	check_rc "$1" 1 $A agree --segments bad.csv --length 100 --lang en ${5:-}
	check "$1: message" "axial: bad.csv:$2: $3" "$ERR"
	check "$1: no output" "" "$OUT"
}
bad "end before start" 3 "end before start" 'a,0,10,x
b,20,10,x'
bad "empty segment" 2 "empty segment (end equals start)" 'a,5,5,x
b,0,10,x'
bad "end past the continuum" 3 "segment outside the continuum" 'a,0,10,x
b,90,101,x'
bad "start before the continuum" 2 "segment outside the continuum" 'a,5,10,x
b,20,30,x' "--begin 10"
bad "negative position" 2 "start and end must be whole numbers from 0" 'a,-1,10,x'
bad "not a number" 2 "start and end must be whole numbers from 0" 'a,one,10,x'
bad "overlap of one coder and value" 4 \
    "overlaps another segment of the same coder and value" 'a,0,10,x
b,0,10,x
a,5,20,x'
bad "empty value" 2 "empty value" 'a,0,10,'
bad "too few fields" 2 "too few fields (need coder,start,end,value)" 'a,0,10'
printf 'coder,start,end,value\na,0,10,x\nb,5,10,y\nb,10,20,y\na,10,30,x\nb,0,10,x\n' >ok.csv
check_rc "touching and cross-value overlaps are fine" 0 $A agree --segments ok.csv --length 100
printf 'coder,start,value\na,0,x\n' >bad.csv
check_rc "header without end" 1 $A agree --segments bad.csv --length 10 --lang en
check "header message" "axial: bad.csv:1: the header needs the columns coder,start,end,value" "$ERR"
printf 'coder,start,end,value\na,0,10,x\na,20,30,y\n' >one.csv
check_rc "a single coder" 1 $A agree --segments one.csv --length 100 --lang en
check "single coder message" \
    "axial: one.csv: one coder (a): unitizing agreement needs segments of at least two coders" "$ERR"
check_rc "no --length" 2 $A agree --segments k.csv
check_match "no --length message" 'needs --length' "$ERR"
check_rc "zero length" 2 $A agree --segments k.csv --length 0
check_rc "--length alone" 2 $A agree --length 10
check_rc "segments with --data" 2 $A agree --segments k.csv --length 300 --data k.csv

# A project: one document of 40 code points, codes k and m and an unused
# code u; three coders. Overlapping codings of one coder and code are
# joined (A's two k codings are the unit [0, 12)).
printf 'abcdefghijklmnopqrstuvwxyz0123456789ABCD' >d.txt
$A init p.axial >/dev/null
$A import p.axial d.txt >/dev/null
for c in k m u; do $A code add p.axial $c >/dev/null; done
for who in A B C; do $A coder add p.axial $who --account "$me"; done
$A tag p.axial d k 0 8 --as A >/dev/null
$A tag p.axial d k 4 12 --as A >/dev/null
$A tag p.axial d k 2 12 --as B >/dev/null
$A tag p.axial d k 0 10 --as C >/dev/null
$A tag p.axial d m 20 30 --as A >/dev/null
$A tag p.axial d m 22 30 --as B >/dev/null
$A tag p.axial d m 35 40 --as C >/dev/null
cat >p.csv <<'CSV'
coder,start,end,value
A,0,12,k
B,2,12,k
C,0,10,k
A,20,30,m
B,22,30,m
C,35,40,m
CSV
before=$(sha256sum p.axial)
check_rc "project, three coders" 0 $A agree p.axial --unit segments --coders A,B,C --format csv
proj=$OUT
check_rc "the same segments as a file" 0 $A agree --segments p.csv --length 40 --format csv
check "project figures = file figures" "$OUT" "$proj"
check_match "L is the text in code points" '^length,40,$' "$proj"
check_match "three coders" '^coders,3,$' "$proj"
check "agree changes nothing" "$before" "$(sha256sum p.axial)"
# k by hand: pairs (A,B) 2^2, (A,C) 2^2, (B,C) 2^2+2^2, each twice, over
# m(m-1)L^2 = 3*2*1600: D_o = 32/9600
check_match "k's D_o by hand" '^unitizing\.k\.do,0\.003333333' "$proj"
check_rc "unused code hidden" 0 $A agree p.axial --unit segments --coders A,B,C --lang en
check_match "hidden note" '^1 code no coder used is not shown; --all shows it\.$' "$OUT"
check_rc "unused code with --all" 0 $A agree p.axial --unit segments --coders A,B,C --all --lang en
check_match "unused code undefined" '^u +0 +0 +undefined \(code not used\)$' "$OUT"
check_rc "project, one coder" 2 $A agree p.axial --unit segments --coders A
check_rc "project, unknown coder" 1 $A agree p.axial --unit segments --coders A,Z
check_rc "project, --by does not apply" 2 $A agree p.axial --unit segments --coders A,B --by category --lang en
check_match "--by message" 'do not apply to --unit segments' "$ERR"
