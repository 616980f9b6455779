# agree-ualpha.sh: u-alpha and |u-alpha of Krippendorff et al. (2016) in
# `axial agree --segments` and `--unit segments`: the table, CSV and JSON
# against a computation of the definitions written here in Python
# (position by position, full coincidence matrices), the limits, and the
# reason shown when a coder's segments overlap.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
me=$(id -un)

# FILE L: "u-alpha |u-alpha" from the definitions, 12 digits, or "undefined"
defs() {
	python3 - "$1" "$2" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
L = int(sys.argv[2])
coders = sorted({r["coder"] for r in rows})
vals = sorted({r["value"] for r in rows}) + [None]	# None: a gap
m = len(coders)
at = {c: [None] * L for c in coders}
S = {v: 0 for v in vals}
for r in rows:
    b, e = int(r["start"]), int(r["end"])
    for p in range(b, e):
        at[r["coder"]][p] = r["value"]
    S[r["value"]] += (e - b) ** 2
l = {(c, k): 0.0 for c in vals for k in vals}
for p in range(L):
    for i in coders:
        if at[i][p] is None:
            S[None] += 1
        for j in coders:
            if i != j:
                l[at[i][p], at[j][p]] += 1 / (m - 1)
n = {c: sum(l[c, k] for k in vals) for c in vals}
tot = sum(n.values())
den = tot * tot - sum(S.values())
e = {(c, k): tot * (n[c] * n[k] - (S[c] if c == k else 0)) / den
     for c in vals for k in vals}
def alpha(pairs):
    return 1 - sum(l[p] for p in pairs) / sum(e[p] for p in pairs)
off = [(c, k) for c in vals for k in vals if c != k]
print("%.12g %.12g" % (alpha(off),
    alpha([(c, k) for (c, k) in off if (c is None) != (k is None)])))
PY
}

# Three coders on [0, 30), values x and y, no coder's segments overlapping.
cat >u.csv <<'CSV'
coder,start,end,value
A,0,10,x
A,10,14,y
A,20,25,x
B,2,10,x
B,10,14,x
B,18,25,x
C,0,10,x
C,12,14,y
C,20,26,y
CSV
fig=$(defs u.csv 30)
check_rc "csv" 0 $A agree --segments u.csv --length 30 --format csv
got="$(printf '%s\n' "$OUT" | sed -n 's/^u_alpha,\([^,]*\),$/\1/p') $(printf '%s\n' "$OUT" |
    sed -n 's/^binary_u_alpha,\([^,]*\),$/\1/p')"
check "csv u_alpha, binary_u_alpha = the definitions" "$fig" "$got"
check_rc "json" 0 $A agree --segments u.csv --length 30 --format json
got=$(printf '%s' "$OUT" | python3 -c 'import json, sys
j = json.load(sys.stdin)
print("%.12g %.12g [%s] [%s]" % (j["u_alpha"], j["binary_u_alpha"],
    j["u_alpha_status"], j["binary_u_alpha_status"]))')
check "json u_alpha, binary_u_alpha" "$fig [] []" "$got"
check_rc "table" 0 $A agree --segments u.csv --length 30 --lang en
t3=$(printf '%s\n' "$fig" | awk '{ printf "%.3f %.3f", $1, $2 }')
check "table rows" "$t3" "$(printf '%s\n' "$OUT" | awk '
    /^u-alpha \(units and values\)/ { u = $NF }
    /^\|u-alpha \(segmentation only\)/ { b = $NF }
    END { printf "%s %s", u, b }')"
check_match "table names its source" \
    '^Krippendorff, Mathet, Bouvry and Widlöcher \(2016\), every value at once$' "$OUT"

# The same cuts with other values: |u-alpha is 1, u-alpha is not.
cat >cuts.csv <<'CSV'
coder,start,end,value
A,0,10,x
A,10,14,y
B,0,10,y
B,10,14,x
CSV
check_rc "same cuts, other values" 0 $A agree --segments cuts.csv --length 30 --format csv
check_match "|u-alpha 1" '^binary_u_alpha,1,$' "$OUT"
check "u-alpha from the definitions" "$(defs cuts.csv 30 | cut -d' ' -f1)" \
    "$(printf '%s\n' "$OUT" | sed -n 's/^u_alpha,\([^,]*\),$/\1/p')"
# Identical unitizations: both 1.
printf 'coder,start,end,value\nA,3,9,x\nA,9,12,y\nB,3,9,x\nB,9,12,y\nC,3,9,x\nC,9,12,y\n' >same.csv
check_rc "identical unitizations" 0 $A agree --segments same.csv --length 30 --format csv
check_match "u-alpha 1" '^u_alpha,1,$' "$OUT"
check_match "binary 1" '^binary_u_alpha,1,$' "$OUT"

# Krippendorff (2004, p. 254): observer i's c and k overlap, so u-alpha
# does not apply; the reason is shown, alpha_U is still there.
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
why="a coder's segments overlap (u-alpha needs one value per position)"
check_rc "overlapping values: table" 0 $A agree --segments k.csv --length 300 --begin 150 --lang en
check_match "u-alpha undefined, with why" "^u-alpha \\(units and values\\) +undefined \\(a coder's segments overlap" "$OUT"
check_match "alpha_U still shown" '^all values +0\.859$' "$OUT"
check_rc "overlapping values: json" 0 $A agree --segments k.csv --length 300 --begin 150 --format json
got=$(printf '%s' "$OUT" | python3 -c 'import json, sys
j = json.load(sys.stdin)
print(j["u_alpha"], j["binary_u_alpha"], j["u_alpha_status"], "|", j["binary_u_alpha_status"])')
check "json null with status" "None None $why | $why" "$got"
check_rc "overlapping values: csv" 0 $A agree --segments k.csv --length 300 --begin 150 --format csv
check_match "csv undefined" "^u_alpha,,undefined \\(a coder's segments overlap" "$OUT"
check_rc "Persian table" 0 $A agree --segments u.csv --length 30 --lang fa
check_match "Persian label" 'آلفای u' "$OUT"

# A project of three coders with u.csv's segments as codings of x and y.
printf 'abcdefghijklmnopqrstuvwxyz0123' >d.txt
$A init p.axial >/dev/null
$A import p.axial d.txt >/dev/null
for c in x y; do $A code add p.axial $c >/dev/null; done
for who in A B C; do $A coder add p.axial $who --account "$me"; done
tail -n +2 u.csv | while IFS=, read -r who b e v; do
	$A tag p.axial d "$v" "$b" "$e" --as "$who" >/dev/null
done
before=$(sha256sum p.axial)
check_rc "project csv" 0 $A agree p.axial --unit segments --coders A,B,C --format csv
check "project = definitions" "$fig" "$(printf '%s\n' "$OUT" |
    sed -n 's/^u_alpha,\([^,]*\),$/\1/p') $(printf '%s\n' "$OUT" |
    sed -n 's/^binary_u_alpha,\([^,]*\),$/\1/p')"
check_rc "project json" 0 $A agree p.axial --unit segments --coders A,B,C --format json
check "project json keys" "$fig" "$(printf '%s' "$OUT" | python3 -c 'import json, sys
j = json.load(sys.stdin)
print("%.12g %.12g" % (j["u_alpha"], j["binary_u_alpha"]))')"
check "agree changes nothing" "$before" "$(sha256sum p.axial)"
# C codes [22, 24) x as well: C's x and y now overlap
$A tag p.axial d x 22 24 --as C >/dev/null
check_rc "project, overlapping codes" 0 $A agree p.axial --unit segments --coders A,B,C --lang en
check_match "project undefined, with why" "^u-alpha \\(units and values\\) +undefined \\(a coder's segments overlap" "$OUT"
