#!/bin/sh
# ui-hostile-size.sh: the workbench opens a 50 MB single-line document and a
# million tiny paragraphs, draws them, jumps to the end, pages, searches,
# applies a code and quits, with bounded memory (peak resident set size of
# the axial process, VmHWM). tests/cli/hostile-size.sh does the same for
# import and `axial cat`.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

P="$T/big.axial"
"$AXIAL" init "$P" >/dev/null
# 50 MB, one line of mixed Persian and English with brackets
awk 'BEGIN { s = "(سامانه‌ها) یکپارچه ICT API ۱۴۰۲ 35% the system شهرداری ";
	while (n < 50000000) { printf "%s", s; n += length(s) } print "" }' >"$T/one.txt"
awk 'BEGIN { for (i = 0; i < 1000000; i++) print "p" i }' >"$T/million.txt"
"$AXIAL" import "$P" "$T/one.txt" "$T/million.txt" >/dev/null
"$AXIAL" code add "$P" k >/dev/null
chars() { "$AXIAL" docs "$P" --json | python3 -c "import json,sys; print([d['characters'] for d in json.load(sys.stdin) if d['name']=='$1'][0])"; }
n1=$(chars one) n2=$(chars million)

# ASan's redzones and quarantine cost memory of their own
limit=400000 label="400 MB" slow=60
[ -n "${AXIAL_ASAN:-}" ] && limit=1500000 label="1.5 GB (ASan)" slow=240

# need NAME TEXT: each step needs the one before; a workbench that hangs
# fails once, not at every later step
need() {
	if wait_for "$2" $slow; then ok "$1"; else
		notok "$1" "not on screen: $2" "$(screen | tail -3)"; exit 1; fi
}

t0=$(now_ms)
start "TERM=xterm-256color '$AXIAL' '$P'"
need "the 50 MB line opens" "codes ("
screen | grep -qF "codes (" || exit 1	# the rest would only time out
need "its text is drawn" "the system"
echo "# first frame of the 50 MB line after $(( $(now_ms) - t0 )) ms"
pid=$(pgrep -P "$($TM display -p -t t '#{pane_pid}')" -f "$AXIAL")	# the pane shell's child
check_match "the workbench's process is found" '^[0-9]+$' "${pid:-}"
peak=0
sample() {	# the process's peak resident set so far, in KB
	_m=$(sed -n 's/^VmHWM:[^0-9]*\([0-9]*\).*/\1/p' "/proc/$pid/status" 2>/dev/null)
	[ -n "$_m" ] && [ "$_m" -gt "$peak" ] && peak=$_m
	return 0
}
sample
check "the first frame within $label (${peak} KB)" 1 "$([ "$peak" -gt 0 ] && [ "$peak" -lt $limit ] && echo 1 || echo "$peak KB")"
keys G
need "G goes to the very end" "@$n1"
keys PPage PPage
if wait_gone "@$n1" 10; then ok "page up moved the caret"; else notok "page up moved the caret" "$(screen | tail -2)"; fi
keys G v b b b a
need "the finder opens on a selection at the end" "apply code"
literal k
keys Enter
need "a code applies at the end of the line" "coded "
span=$(screen | sed -n 's/.*coded \([0-9]*-[0-9]*\) as k.*/\1/p' | head -1)
got=$("$AXIAL" codings "$P" --json | python3 -c "import json,sys; print(' '.join('%d-%d' % (c['start'], c['end']) for c in json.load(sys.stdin) if c['document']=='one'))")
check "the coding is in the project ($span)" "$span" "$got"
sample
keys g /
need "search prompt" "search"
literal "شهرداری"
keys Enter
if wait_gone "@0 " 30 && ! screen | grep -q "not found"; then ok "search finds a word in the 50 MB line"; else
	notok "search finds a word in the 50 MB line" "$(screen | tail -2)"; fi
keys N
need "N wraps to the last hit, at the far end" "search wrapped to the bottom"
sample

# the million paragraphs
keys C-n
need "a million paragraphs open" "p12"
keys G
need "G shows the last paragraph" "p999999"
need "the caret at the very end" "@$n2"
keys Enter
need "Enter finds the last paragraph" "apply code"
literal k
keys Enter
# the length counts the final LF
need "the last paragraph is coded, and named" "coded paragraph 1000000 with «k»"
keys PPage
if wait_gone "p999999" $slow && screen | grep -Eq "p9999[0-9]{2}( |$)"; then ok "page up shows the page before"; else
	notok "page up shows the page before" "$(screen)"; fi
sample
keys q
need "quits" "AXIAL-EXIT=0"
check "both codings saved" 2 "$("$AXIAL" codings "$P" --json | grep -o '"id":' | wc -l)"
echo "# peak resident set: $peak KB"
check "peak memory under $label (${peak} KB)" 1 "$([ "$peak" -gt 0 ] && [ "$peak" -lt $limit ] && echo 1 || echo "$peak KB")"
