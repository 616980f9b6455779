# agree-ci.sh: every interval of `axial agree PROJECT` names its method:
# the pooled row's come from a cluster bootstrap over documents (--boot,
# --seed), the codes' are Wald intervals, and a code fewer than 10 units
# were marked with shows "too few units" instead of an interval
# (docs/agreement.md §4.6).
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
me=$(id -un)
$A init p.axial >/dev/null
$A code add p.axial k >/dev/null
$A code add p.axial r >/dev/null
$A coder add p.axial A --account "$me"
$A coder add p.axial B --account "$me"
# six interviews of four paragraphs; code k: A marks paragraphs 1-3, B
# paragraphs 2-4 (12 units marked in all); code r: both mark paragraph 1
# of interviews 1 and 2 only (2 units marked)
for d in 1 2 3 4 5 6; do
	printf 'one %s\ntwo %s\nthree %s\nfour %s\n' $d $d $d $d >i$d.txt
	$A import p.axial i$d.txt >/dev/null
	for w in one two three; do $A tag p.axial i$d k --quote "$w $d" --as A >/dev/null; done
	for w in two three four; do $A tag p.axial i$d k --quote "$w $d" --as B >/dev/null; done
done
$A tag p.axial i1 r --quote "one 1" --as A >/dev/null
$A tag p.axial i1 r --quote "one 1" --as B >/dev/null
$A tag p.axial i2 r --quote "one 2" --as A >/dev/null
$A tag p.axial i2 r --quote "one 2" --as B >/dev/null

check_rc "table" 0 $A agree p.axial --coders A,B --lang en --boot 300 --seed 5
check_match "r: too few units, not [1, 1]" '^  a=2 b=0 c=0 d=22  .*κ 1\.000 \[too few units\] ' "$OUT"
check "r: no interval printed" "" "$(echo "$OUT" | grep -F '[1.000, 1.000]')"
check_match "k: a Wald interval, named" '^  a=12 b=6 c=6 d=0  .*κ -0\.333 \[-?[0-9.]+, -?[0-9.]+\] Wald SE ' "$OUT"
check_match "pooled: the cluster bootstrap, named" \
    '\(95% intervals: cluster bootstrap by document, B=300, seed 5, 6 documents\)$' "$OUT"
first=$OUT
check_rc "the same seed" 0 $A agree p.axial --coders A,B --lang en --boot 300 --seed 5
check "the same seed gives the same intervals" "$first" "$OUT"

check_rc "csv" 0 $A agree p.axial --coders A,B --format csv --boot 300 --seed 5
check_match "csv has ci_method" ',ci_method,status$' "$(echo "$OUT" | head -1)"
check_match "csv: r's interval empty, its method says why" \
    '^6 docs,code,r,paragraph,,,24,2,0,0,22,.*,1,0,,,1,,1,,,0\.0833333,1,,,,,,,,too few units,$' \
    "$(echo "$OUT" | grep ',code,r,')"
check_match "csv: k's method" ',Wald\, Fleiss-Cohen-Everitt SE,|,"Wald, Fleiss-Cohen-Everitt SE",' \
    "$(echo "$OUT" | grep ',code,k,')"
check_match "csv: the pooled method with B, seed and documents" \
    '"cluster bootstrap by document \(B=300, seed=5, 6 documents\)"' \
    "$(echo "$OUT" | grep ',pooled,')"

check_rc "json" 0 $A agree p.axial --coders A,B --format json --boot 300 --seed 5
check_match "json: r's method" '"name": "r", .*"kappa_ci_lower": null, .*"ci_method": "too few units"' "$OUT"
check_match "json: the pooled row's bootstrap" \
    '"ci_method": "cluster bootstrap by document \(B=300, seed=5, 6 documents\)", "ci_boot": 300, "ci_seed": 5, "ci_clusters": 6' "$OUT"
check_match "json: alpha's interval" '"alpha_ci_lower": -?[0-9]' "$OUT"

# Four interviews are too few to resample (docs/agreement.md §4.6).
$A init q.axial >/dev/null
$A code add q.axial k >/dev/null
$A coder add q.axial A --account "$me"
$A coder add q.axial B --account "$me"
for d in 1 2 3 4; do
	$A import q.axial i$d.txt >/dev/null
	for w in one two three; do $A tag q.axial i$d k --quote "$w $d" --as A >/dev/null; done
	for w in two three four; do $A tag q.axial i$d k --quote "$w $d" --as B >/dev/null; done
done
check_rc "four documents" 0 $A agree q.axial --coders A,B --lang en
check_match "pooled: undefined, with the reason" \
    '^  a=8 b=4 c=4 d=0 .*κ -0\.333 \[interval undefined \(too few documents\)\]' \
    "$(echo "$OUT" | grep -A1 '^pooled' | tail -1)"

# Bad options: a clear message, nothing printed.
check_rc "negative --boot" 2 $A agree p.axial --coders A,B --boot -1
check_match "its message" 'boot needs a number' "$ERR"
check "no figures" "" "$OUT"
check_rc "bad --seed" 2 $A agree p.axial --coders A,B --seed x
check_match "its message" 'seed needs a non-negative integer' "$ERR"
