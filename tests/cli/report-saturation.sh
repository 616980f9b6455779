# report-saturation.sh: the saturation table of `axial report` applies the
# stopping rule of Guest, Namey & Chen (2020) with --sat-base, --sat-run,
# --sat-threshold, --sat-orders and --seed, says so in every format, and
# its figures are the ones worked out by hand below.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
me=$(id -un)
$A init p.axial >/dev/null
for c in a b c d e f g h i; do $A code add p.axial $c >/dev/null; done
$A coder add p.axial A --account "$me"
# Seven interviews; the codes each brings: new ones in capitals here.
#   i1: A B C D   i2: c d E   i3: F G   i4: a H   i5: b   i6: I   i7: a
tag() { d=$1; shift; for c in "$@"; do $A tag p.axial $d $c --quote "w$c" --as A >/dev/null; done; }
for n in 1 2 3 4 5 6 7; do
	printf 'wa wb wc wd\nwe wf wg wh wi\n' >i$n.txt
	$A import p.axial i$n.txt >/dev/null
done
tag i1 a b c d; tag i2 c d e; tag i3 f g; tag i4 a h; tag i5 b; tag i6 i; tag i7 a

# Defaults (4, 2, 5%): the base i1-i4 holds a-h, 8 codes; run 5-6 brings
# i (1/8 = 12.5%), run 6-7 brings i too (12.5%): not reached.
check_rc "report with the defaults" 0 $A report p.axial --out d --only saturation --lang en --sat-orders 0
md=$(cat d/saturation.md)
check_match "the rule and its source" '^Rule: Guest, Namey & Chen \(2020, PLoS ONE 15\(5\): e0232076\)\. Base: the first 4 coded interviews; runs of 2 ' "$md"
check_match "not reached, 8 codes in the base" '^By this rule: saturation not reached in 7 coded interviews \(the base holds 8 codes\)\.$' "$md"
check_match "run from interview 5: 1 of 8 = 12.5%" '^\| 5 \| i5 \| 1 \| 0 \| 8 \| 1 \| .*\| 12\.5 \|  \|$' "$md"
check_match "run from interview 6: 12.5%" '^\| 6 \| i6 \| 1 \| 1 \| 9 \| 0 \| .*\| 12\.5 \|  \|$' "$md"
check_match "no run starts at 7" '^\| 7 \| i7 \| 1 \| 0 \| 9 \| 1 \| .*\|  \|  \|$' "$md"
check "--sat-orders 0: no order sensitivity" "" "$(echo "$md" | grep 'Order sensitivity')"

# --sat-threshold 15: run 5-6 (12.5%) is under it: saturation at 4.
check_rc "--sat-threshold 15" 0 $A report p.axial --out t -f csv --only saturation --lang en --sat-threshold 15 --sat-orders 0
csv=$(tr -d '\r' <t/saturation.csv)
check_match "csv heads name the rule" 'New in run \(%\),"Guest, Namey & Chen"$' "$(echo "$csv" | head -1)"
check_match "interview 4: the point" '^A,4,i4,2,1,8,0,[a-z]*,,saturation$' "$csv"
check_match "interview 5: the run, 12.5%" '^A,5,i5,1,0,8,1,[a-z]*,12\.5,run$' "$csv"
check_match "interview 6: the run" '^A,6,i6,1,1,9,0,[a-z]*,12\.5,run$' "$csv"
check_match "interview 7: after it" '^A,7,i7,1,0,9,1,[a-z]*,,$' "$csv"

# Base 2, run 1, 0%: base i1-i2 holds a-e (5); i3 brings 2 (40%), i4 1
# (20%), i5 none (0%): saturation at 4 interviews, i5 confirming.
check_rc "--sat-base 2 --sat-run 1 --sat-threshold 0" 0 $A report p.axial --out z --only saturation --lang en --sat-base 2 --sat-run 1 --sat-threshold 0 --sat-orders 0
md=$(cat z/saturation.md)
check_match "base 2, run 1" 'Base: the first 2 coded interviews; runs of 1 interviews' "$md"
check_match "saturation at 4, the next brought none" '^By this rule: saturation at 4 interviews \(the base holds 5 codes\); the next 1 brought 0 new \(0\.0%\)\.$' "$md"
check_match "interview 3: 40%" '^\| 3 \| i3 \| 2 \| 2 \| 7 \| 0 \| .*\| 40\.0 \|  \|$' "$md"

# Order sensitivity: seeded, so the same seed writes the same report.
check_rc "random orders" 0 $A report p.axial --out o1 --only saturation --lang en --sat-orders 200 --seed 7 --sat-threshold 15
check_match "it says how many orders reached it" '^Order sensitivity: reached in [0-9]+ of 200 random orders of the interviews \(seed 7\), at a median of [0-9.]+ interviews\.$|^Order sensitivity: reached in none of 200' "$(cat o1/saturation.md)"
$A report p.axial --out o2 --only saturation --lang en --sat-orders 200 --seed 7 --sat-threshold 15 >/dev/null
check "the same seed, the same figures" "" "$(diff o1/saturation.md o2/saturation.md)"
check_rc "html" 0 $A report p.axial --out h -f html --only saturation --lang en
check_match "html names the rule" '<p class="note" dir="auto">Rule: Guest, Namey &amp; Chen' "$(cat h/saturation.html)"

# Bad parameters: a clear message, no directory written.
for bad in "--sat-base 0" "--sat-run x" "--sat-threshold 101" "--sat-orders -1"; do
	check_rc "refused: $bad" 2 $A report p.axial --out bad $bad
	check_match "its message: $bad" "${bad%% *} takes a whole number from" "$ERR"
done
check_rc "refused: --seed -1" 2 $A report p.axial --out bad --seed -1
check_match "its message" 'seed needs a non-negative integer' "$ERR"
check "nothing written" "no" "$([ -e bad ] && echo yes || echo no)"
