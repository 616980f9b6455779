#!/bin/sh
# agree-gwet.sh: Gwet's AC1 and AC2 from `axial agree --data` in the table,
# CSV and JSON, with --level choosing AC2's weights, on the handbook's
# example of 4 raters, 12 units and missing ratings (Gwet 2014, Handbook of
# Inter-Rater Reliability, 4th ed., p. 120; irrCAC's cac.raw4raters). The
# published figures, as tests/test-gwet.c cites them: AC1 0.775, SE 0.143,
# (0.461, 1), pa 0.818, pe 0.190 (irrCAC's Python port, to 3 decimals);
# quadratic AC2 0.914, SE 0.10396, (0.685, 1), pa 0.9753788,
# pe 0.7137044 (irrCAC vignette "weighting"). And the paradox on a
# project: kappa and AC1 beside the code's prevalence.
. "$(dirname "$0")/lib.sh"
A=$AXIAL

# rater columns of cac.raw4raters; "." is a missing rating
awk 'BEGIN { OFS = ","; print "unit,coder,value"
	split("1 2 3 3 2 1 4 1 2 . . .", r1, " ")
	split("1 2 3 3 2 2 4 1 2 5 . .", r2, " ")
	split(". 3 3 3 2 3 4 2 2 5 1 3", r3, " ")
	split("1 2 3 3 2 4 4 1 2 5 1 .", r4, " ")
	for (u = 1; u <= 12; u++) {
		if (r1[u] != ".") print u, "r1", r1[u]
		if (r2[u] != ".") print u, "r2", r2[u]
		if (r3[u] != ".") print u, "r3", r3[u]
		if (r4[u] != ".") print u, "r4", r4[u]
	} }' >raw4.csv

check_rc "table runs" 0 $A agree --data raw4.csv --boot 0
check_match "table: AC1" "^Gwet's AC1 +0\.775$" "$OUT"
check_match "table: AC1's SE" '^  SE \(Gwet 2008\) +0\.143$' "$OUT"
check_match "table: interval lower" '^  95% t interval lower +0\.461$' "$OUT"
check_match "table: AC2 quadratic" "^Gwet's AC2, quadratic weights +0\.914$" "$OUT"
check_match "table: AC2 ordinal" "^Gwet's AC2, ordinal weights +0\.899$" "$OUT"
check_match "table: AC2 ratio" "^Gwet's AC2, ratio weights +0\.857$" "$OUT"
check_match "table: the interval's method" '^note: AC1/AC2 interval: AC \+- t\(\.975, n - 1\)' "$OUT"

check_rc "csv runs" 0 $A agree --data raw4.csv --boot 0 --format csv
check_match "csv: units with a value" '^gwet_n,12,$' "$OUT"
check_match "csv: AC1" '^ac1,0\.7754[0-9]*,$' "$OUT"
check_match "csv: pa" '^ac1_pa,0\.8181[0-9]*,$' "$OUT"
check_match "csv: pe" '^ac1_pe,0\.1903[0-9]*,$' "$OUT"
check_match "csv: upper end at most 1" '^ac1_ci_upper,1,$' "$OUT"
check_match "csv: AC2 quadratic (0.914 to 5 decimals)" '^ac2_interval,0\.91400[0-9]*,$' "$OUT"
check_match "csv: AC2 SE 0.10396" '^ac2_interval_se,0\.10396[0-9]*,$' "$OUT"
check_match "csv: AC2 pa" '^ac2_interval_pa,0\.9753787[0-9]*,$' "$OUT"
check_match "csv: AC2 pe" '^ac2_interval_pe,0\.7137044[0-9]*,$' "$OUT"
check_match "csv: AC2 lower 0.685" '^ac2_interval_ci_lower,0\.685[0-9]*,$' "$OUT"

check_rc "json runs" 0 $A agree --data raw4.csv --boot 0 --format json
check_match "json: AC1" '"key": "ac1", "label": "Gwet.s AC1", "value": 0\.7754[0-9]*, "status": ""' "$OUT"
check_match "json: AC2 ordinal (0.899 to 3 decimals)" '"key": "ac2_ordinal", "label": "Gwet.s AC2, ordinal weights", "value": 0\.89893' "$OUT"

check_rc "--level interval" 0 $A agree --data raw4.csv --boot 0 --format csv --level interval
check_match "level: AC2 of that level" '^ac2_interval,0\.914' "$OUT"
check_match "level: AC1 always" '^ac1,0\.7754' "$OUT"
check "level: no other AC2" "" "$(printf '%s\n' "$OUT" | grep '^ac2_ordinal\|^ac2_ratio')"
check_rc "--level nominal" 0 $A agree --data raw4.csv --boot 0 --format csv --level nominal
check "nominal: AC1 only" "" "$(printf '%s\n' "$OUT" | grep '^ac2_')"

# Two coders: the abstractors table (irrCAC's cont3x3abstractors) as 100
# units; AC1 is the published 0.8493305 (the data file's SE follows the
# many-rater form, as irrCAC's gwet.ac1.raw does).
awk 'BEGIN { OFS = ","; print "unit,coder,value"; u = 0
	split("E E 13 A A 20 A N 7 N A 4 N N 56", t, " ")
	for (i = 1; i <= 15; i += 3)
		for (j = 0; j < t[i + 2]; j++) { u++; print u, "A", t[i]; print u, "B", t[i + 1] } }' >abs.csv
check_rc "two coders" 0 $A agree --data abs.csv --format csv --boot 0
check_match "two coders: AC1 0.8493305" '^ac1,0\.849330[45][0-9]*,$' "$OUT"
# the many-rater variance is the table's (SE 0.04321747) times N / (N - 1)
check_match "two coders: SE 0.04321747 x sqrt(100/99)" '^ac1_se,0\.043435[12][0-9]*,$' "$OUT"
check "labels: no AC2 by default" "" "$(printf '%s\n' "$OUT" | grep '^ac2_')"

# Undefined with the reason: one coder; labels at an ordered level refused.
printf 'unit,coder,value\n1,A,x\n2,A,y\n' >one.csv
check_rc "one coder" 0 $A agree --data one.csv --format csv
check_match "one coder: AC1 undefined" '^ac1,,undefined \(no unit with two values\)$' "$OUT"
check_rc "one coder, table" 0 $A agree --data one.csv
check_match "one coder: the reason in the table" "^Gwet's AC1 +undefined \(no unit with two values\)$" "$OUT"
check_rc "ordinal weights on labels" 1 $A agree --data abs.csv --level ordinal
check "ordinal on labels: message" "axial: abs.csv:1: level ordinal needs numeric values" "$ERR"
check "ordinal on labels: nothing printed" "" "$OUT"
printf 'unit,coder,value\n1,A,-1\n1,B,2\n2,A,2\n2,B,2\n' >neg.csv
check_rc "ratio weights on a negative value" 0 $A agree --data neg.csv --level ratio --format csv
check_match "ratio: undefined with the reason" '^ac2_ratio,,undefined \(ratio weights need values of 0 or more\)$' "$OUT"

# A project: a rare code the coders agree on nearly always. 100
# paragraphs; A marks 1-3, B marks 1 and 4-5: a=1 b=2 c=2 d=95. By hand:
# prevalence 6/200 = 3.0%, kappa (0.96 - 0.9418)/0.0582 = 0.313,
# AC1 (0.96 - 0.0582)/0.9418 = 0.958.
me=$(id -un)
$A init p.axial >/dev/null
awk 'BEGIN { for (i = 1; i <= 100; i++) printf "line %d\n", i }' >d.txt
$A import p.axial d.txt >/dev/null
$A code add p.axial rare >/dev/null
$A coder add p.axial A --account "$me"
$A coder add p.axial B --account "$me"
for l in 1 2 3; do $A tag p.axial d rare --quote "line $l" --as A >/dev/null; done
for l in 1 4 5; do $A tag p.axial d rare --quote "line $l" --as B >/dev/null; done
check_rc "project table" 0 $A agree p.axial --coders A,B
check_match "project: cells" 'a=1 b=2 c=2 d=95' "$OUT"
check_match "project: kappa, prevalence and AC1 side by side" \
	'κ 0\.313 \[too few units\] prev 3\.0 AC1 0\.958 \[too few units\]' "$OUT"
check_rc "project csv" 0 $A agree p.axial --coders A,B --format csv
check_match "project csv: prevalence and AC1" ',0\.03,0\.957528[0-9]*,' "$(echo "$OUT" | grep ',code,rare,')"
check_rc "project json" 0 $A agree p.axial --coders A,B --format json
check_match "project json: AC1, its interval too few units" '"ac1": 0\.957528, "ac1_se": null, "ac1_ci_lower": null, "ac1_ci_upper": null, "ci_method": "too few units"' "$OUT"
