#!/bin/sh
# ui-huge.sh: the workbench lays out a huge document around the screen and
# estimates the rest, yet every jump lands on the right text: a 50 MB
# single-paragraph document opens, G shows its last words, ] its coding
# near the end and a search its last hit; a million paragraphs in the
# compare view (X), scrolled to the end, show the last paragraphs with
# their numbers and the coders' codes. ui-hostile-size.sh checks memory.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

P="$T/huge.axial"
me=$(id -un)
export XDG_CONFIG_HOME="$T/config"	# no user rebindings
"$AXIAL" init "$P" >/dev/null
# 50 MB on one line, words that occur nowhere else near its end: a marker
# 1 MB before it and the last words
awk 'BEGIN { s = "(سامانه‌ها) یکپارچه ICT API ۱۴۰۲ 35% the system شهرداری ";
	while (n < 49000000) { printf "%s", s; n += length(s) }
	printf "MARKNEAREND "
	while (n < 50000000) { printf "%s", s; n += length(s) }
	print "LASTWORDS" }' >"$T/one.txt"
awk 'BEGIN { for (i = 0; i < 1000000; i++) print "p" i }' >"$T/million.txt"
"$AXIAL" import "$P" "$T/one.txt" "$T/million.txt" >/dev/null
"$AXIAL" code add "$P" near >/dev/null
"$AXIAL" code add "$P" k >/dev/null
"$AXIAL" coder add "$P" coder-a --account "$me" >/dev/null
"$AXIAL" coder add "$P" coder-b --account "$me" >/dev/null
"$AXIAL" tag "$P" one near --quote MARKNEAREND --as coder-a >/dev/null
# the compare view's units: ¶999996 only coder-a, ¶1000000 only coder-b,
# ¶999998 both (no disagreement)
"$AXIAL" tag "$P" million k --quote p999995 --as coder-a >/dev/null
"$AXIAL" tag "$P" million k --quote p999999 --as coder-b >/dev/null
"$AXIAL" tag "$P" million k --quote p999997 --as coder-a >/dev/null
"$AXIAL" tag "$P" million k --quote p999997 --as coder-b >/dev/null
span=$("$AXIAL" codings "$P" --json | python3 -c "import json,sys
print(' '.join('%d' % c['start'] for c in json.load(sys.stdin) if c['code'] == 'near'))")
hit=$(python3 -c "import sys
print(open(sys.argv[1], encoding='utf-8').read().index('LASTWORDS'))" "$T/one.txt")
n1=$("$AXIAL" docs "$P" --json | python3 -c "import json,sys
print([d['characters'] for d in json.load(sys.stdin) if d['name'] == 'one'][0])")

# each step needs the one before: a workbench that hangs fails once
slow=60
[ -n "${AXIAL_ASAN:-}" ] && slow=240
need() {
	if wait_for "$2" $slow; then ok "$1"; else
		notok "$1" "not on screen: $2" "$(screen)"; exit 1; fi
}

start "TERM=xterm-256color '$AXIAL' '$P' --as coder-a"
need "the 50 MB line opens" "codes ("
need "its start is drawn" "the system"
check "the last words are not on the first screen" 0 "$(screen | grep -c LASTWORDS)"
keys G
need "G shows the last words" "LASTWORDS"
need "with the caret at the very end" "@$n1"
check "the last words on the last line of text" 1 "$(screen | grep -c LASTWORDS)"
keys g
need "g goes back to the start" "@0"
keys ]
need "] jumps to the coding near the end" "MARKNEAREND"
need "the caret on its start" "@$span"
keys g /
need "search prompt" "search"
literal "LASTWORDS"
keys Enter
need "a search near the end puts the caret on its hit" "@$hit"
check "the hit is shown" 1 "$(screen | grep -c LASTWORDS)"
keys PPage PPage PPage
if wait_gone "LASTWORDS" 10; then ok "pages up leave the end"; else
	notok "pages up leave the end" "$(screen)"; fi
keys G
need "G finds the end again" "LASTWORDS"

# the million paragraphs in the compare view
keys C-n
need "a million paragraphs open" "p12"
keys X
need "X opens the compare view" "compare A coder-a | B coder-b"
keys G
need "G scrolls to the last paragraph, numbered" "1000000  p999999"
keys k k k k
need "k shows the paragraphs before it" "999996  p999995"
row=$(row_of "999996  p999995")
check_match "coder-a's open disagreement beside ¶999996" "◆ k" "$(screen | sed -n "${row}p")"
row=$(row_of "999998  p999997")
check_match "¶999998 shows both coders' k, no disagreement" "^.*p999997 .* k .* k *$" "$(screen | sed -n "${row}p")"
check "nothing from the start of the document" 0 "$(screen | grep -c ' p12 ')"
keys g
need "g goes back to the first paragraph" "      1  p0"
keys Escape q
need "quits" "AXIAL-EXIT=0"
