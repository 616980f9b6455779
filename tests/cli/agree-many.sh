# agree-many.sh: `axial agree PROJECT --coders A,B,C` on a project of three
# coders whose codings a seeded generator chose: every figure of each row
# (Fleiss' kappa, alpha, Light's kappa, Gwet's AC1, the pairwise Cohen's kappas, the
# units by how many coders applied the code) is computed again here, in
# Python from the generator's own presence matrix, with the formulas of
# Fleiss (1971), Krippendorff (2011), Cohen (1960), Light (1971) and Gwet
# (2008); and
# the refusals (one coder, a coder twice, a two-coder mode) leave the
# project as it was.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
me=$(id -un)
$A init p.axial >/dev/null
printf 'line 1\nline 2\nline 3\nline 4\nline 5\nline 6\n' >d1.txt
printf 'row 1\nrow 2\nrow 3\nrow 4\nrow 5\n' >d2.txt
$A import p.axial d1.txt >/dev/null
$A import p.axial d2.txt >/dev/null
for c in trust cost delay unused; do $A code add p.axial $c >/dev/null; done
for c in ann bob cy dee; do $A coder add p.axial $c --account "$me"; done
# spec.txt: DOC PARAGRAPH CODE CODER, one line per presence (seeded)
python3 - >spec.txt <<'PY'
import random
r = random.Random(20)
docs = {"d1": ("line", 6), "d2": ("row", 5)}
for d, (word, n) in docs.items():
    for p in range(1, n + 1):
        for code, rate in (("trust", .5), ("cost", .3), ("delay", .12)):
            for coder in ("ann", "bob", "cy"):
                if r.random() < rate:
                    print(d, word, p, code, coder)
PY
while read -r d word n code coder; do
	$A tag p.axial "$d" "$code" --quote "$word $n" --as "$coder" >/dev/null
done <spec.txt
cp p.axial before.axial

# figures.py CSV: the rows' figures against the spec's own count
cat >figures.py <<'PY'
import csv, sys
from itertools import combinations
spec = [l.split() for l in open("spec.txt")]
coders = sys.argv[2].split(",")
m = len(coders)
units = [("d1", p) for p in range(1, 7)] + [("d2", p) for p in range(1, 6)]
has = {(d, int(p), c, who) for d, _, p, c, who in spec}
used = sorted({c for _, _, _, c, _ in spec})
def rows(codes):
    return [[int((d, p, c, w) in has) for w in coders] for c in codes for d, p in units]
def fleiss(x):
    n = len(x)
    pbar = sum((k * (k - 1) + (m - k) * (m - k - 1)) / (m * (m - 1))
               for k in map(sum, x)) / n
    p1 = sum(map(sum, x)) / (n * m)
    pe = p1 * p1 + (1 - p1) ** 2
    return pbar, (pbar - pe) / (1 - pe)
def alpha(x):
    # coincidences o[c][k] = sum over units of ordered pairs / (m - 1)
    o = [[0.0, 0.0], [0.0, 0.0]]
    for u in x:
        for i in range(m):
            for j in range(m):
                if i != j:
                    o[u[i]][u[j]] += 1 / (m - 1)
    n0, n1 = sum(o[0]), sum(o[1])
    return 1 - (n0 + n1 - 1) * (o[0][1] + o[1][0]) / (2 * n0 * n1)
def cohen(x, i, j):
    n = len(x)
    a = sum(u[i] and u[j] for u in x); b = sum(u[i] and not u[j] for u in x)
    c = sum(not u[i] and u[j] for u in x); d = n - a - b - c
    pe = ((a + b) * (a + c) + (c + d) * (b + d)) / n ** 2
    return ((a + d) / n - pe) / (1 - pe)
bad = 0
for row in csv.DictReader(open(sys.argv[1])):
    codes = used if row["row"] == "pooled" else [row["name"]]
    x = rows(codes)
    want = {}
    want["pbar"], want["fleiss_kappa"] = fleiss(x)
    want["alpha"] = alpha(x)
    ks = [cohen(x, i, j) for i, j in combinations(range(m), 2)]
    for (i, j), k in zip(combinations(range(m), 2), ks):
        want["kappa %s-%s" % (coders[i], coders[j])] = k
    want["light_kappa"] = sum(ks) / len(ks)
    # Gwet (2008, 2014): AC1 = (p_a - p_e) / (1 - p_e), p_a = P-bar (every
    # unit rated by all m), p_e = sum_k pi_k (1 - pi_k) / (q - 1), q = 2
    pi1 = sum(map(sum, x)) / (len(x) * m)
    pe = 2 * pi1 * (1 - pi1)
    want["ac1"] = (want["pbar"] - pe) / (1 - pe)
    hist = [sum(sum(u) == k for u in x) for k in range(m + 1)]
    if row["hist"] != ";".join(map(str, hist)) or int(row["N"]) != len(x):
        print(row["name"], "hist", row["hist"], hist); bad += 1
    for key, v in want.items():
        if abs(float(row[key]) - v) > 5e-6:
            print(row["name"], key, row[key], v); bad += 1
print("rows", sum(1 for _ in csv.DictReader(open(sys.argv[1]))), "bad", bad)
PY

check_rc "three coders, csv" 0 $A agree p.axial --coders ann,bob,cy --format csv
printf '%s\n' "$OUT" >abc.csv
check "every figure as computed here (3 codes and pooled)" "rows 4 bad 0" \
    "$(python3 figures.py abc.csv ann,bob,cy)"
check_match "CSV header names the pairs" \
    '^scope,row,name,mode,N,coders,hist,pbar,fleiss_kappa,alpha,light_kappa,ac1,kappa ann-bob,kappa ann-cy,kappa bob-cy,status$' \
    "$(head -1 abc.csv)"
check_match "the unused code is left out, and said so" \
    "1 code no coder used is not shown" "$ERR"
check_rc "coders in another order" 0 $A agree p.axial --coders cy,ann,bob --format csv
printf '%s\n' "$OUT" >cab.csv
check "the same figures in another order" "rows 4 bad 0" \
    "$(python3 figures.py cab.csv cy,ann,bob)"

check_rc "table" 0 $A agree p.axial --coders ann,bob,cy
check_match "the table says whom the figures cover" \
    '^coders ann, bob, cy: %agr \(mean over pairs\), Fleiss κ, α, Light κ and AC1 cover all 3' "$OUT"
check_match "pairs labelled in the table" 'κ ann-bob [0-9-]' "$OUT"
check "no two-coder cells for three" "" "$(echo "$OUT" | grep ' a=[0-9]')"

check_rc "all rows" 0 $A agree p.axial --coders ann,bob,cy --all
unused=$(echo "$OUT" | grep -A1 '^code "unused"' | tail -1)
check_match "a code nobody used: undefined with the reason" \
    'Fleiss κ undefined \(no variation\) α undefined \(no variation\) Light κ undefined \(a pair.s kappa is undefined\) AC1 [^ ]+.*\(no coder applied this code\)' "$unused"

check_rc "json" 0 $A agree p.axial --coders ann,bob,cy --format json
check_match "json names the set" '"coders": 3, "coder_names": \["ann", "bob", "cy"\]' "$OUT"
check_match "json pairs with their cells" '"pairs": \[\{"coders": \["ann", "bob"\], "a": [0-9]+, "b": [0-9]+, "c": [0-9]+, "d": [0-9]+, "kappa": ' "$OUT"
check "json parses" "ok" "$(printf '%s' "$OUT" | python3 -c 'import json,sys; json.load(sys.stdin); print("ok")')"

# dee coded nothing: every pair with dee has no variation in dee's column
check_rc "four coders, one without codings" 0 $A agree p.axial --coders ann,bob,cy,dee --format csv
printf '%s\n' "$OUT" >abcd.csv
check "four coders: figures as computed here" "rows 4 bad 0" \
    "$(python3 figures.py abcd.csv ann,bob,cy,dee)"

check_rc "by document" 0 $A agree p.axial --coders ann,bob,cy --by document --format csv
check "a row per document and the pooled row" 3 "$(echo "$OUT" | grep -c ',document,\|,pooled,')"

# two coders: the two-coder layout, unchanged
check_rc "two coders" 0 $A agree p.axial --coders ann,bob --format csv
check_match "two coders keep their header" \
    '^scope,row,name,mode,theta,q,N,a,b,c,d,cells,' "$OUT"

check_rc "one coder refused" 2 $A agree p.axial --coders ann
check_match "one coder: the message" "axial agree: --coders needs at least two coders, e.g. --coders A,B" "$ERR"
check_rc "a coder twice refused" 2 $A agree p.axial --coders ann,bob,ann
check_match "a coder twice: the message" "axial agree: --coders names 'ann' twice" "$ERR"
check_rc "overlap with three refused" 2 $A agree p.axial --coders ann,bob,cy --unit overlap
check_match "overlap: the message" "axial agree: --unit overlap compares two coders; name two with --coders" "$ERR"
check_rc "an unknown third coder" 1 $A agree p.axial --coders ann,bob,zed
check "unknown coder message" "axial: no coder 'zed'" "$ERR"
check "nothing changed" "$(cksum <before.axial)" "$(cksum <p.axial)"
