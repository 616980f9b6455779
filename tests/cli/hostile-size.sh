# hostile-size.sh: a 50 MB single-line document and a million tiny
# paragraphs import, lay out and code with bounded memory and no crash.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
# 50 MB, one line of mixed Persian and English with brackets (which made
# FriBidi 1.0.8 overflow its stack when laid out as one paragraph)
awk 'BEGIN { s = "(سامانه‌ها) یکپارچه ICT API ۱۴۰۲ 35% the system شهرداری ";
	while (n < 50000000) { printf "%s", s; n += length(s) * 1 } print "" }' >one.txt
awk 'BEGIN { for (i = 0; i < 1000000; i++) print "p" i }' >million.txt
check_rc "init" 0 $A init p.axial
check_rc "import the 50 MB line" 0 $A import p.axial one.txt
check_rc "import a million paragraphs" 0 $A import p.axial million.txt
n=$($A docs p.axial --json | grep -o '"name":"one","characters":[0-9]*' | cut -d: -f3)
check_rc "code a span at its very end" 0 $A code add p.axial k
check_rc "tag at the end" 0 $A tag p.axial one k $((n - 10)) $((n - 1))
check_rc "tag in the last tiny paragraph" 0 $A tag p.axial million k --quote p999999
mem() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
# ASan's redzones and quarantine cost memory of their own
limit=400000 label="400 MB"
[ -n "${AXIAL_ASAN:-}" ] && limit=1500000 label="1.5 GB (ASan)"
m=$(mem $A cat --width 80 one.txt)
check_rc "cat lays out the 50 MB line" 0 sh -c "$A cat --width 80 one.txt | tail -1 | grep -q ."
check_match "within bounded memory (${m} KB)" '^[0-9]+$' "$m"
check "under $label" 1 "$([ "${m:-999999999}" -lt $limit ] && echo 1 || echo "$m KB")"
m=$(mem $A cat --width 80 million.txt)
check "a million paragraphs under $label" 1 "$([ "${m:-999999999}" -lt $limit ] && echo 1 || echo "$m KB")"
check_rc "codings listed" 0 $A codings p.axial
check "both codings" 2 "$(echo "$OUT" | wc -l)"
