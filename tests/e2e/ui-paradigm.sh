#!/bin/sh
# ui-paradigm.sh: the paradigm view (T) in boxes on a terminal just wide
# enough for them (130x24: boxes of 30 columns and more; an 80-column one
# gets the list, ui-paradigm-narrow.sh): a name wider than its box ends
# in "…" at its reading end (the right for English, the left for
# Persian), and Up and Down scroll boxes whose lines do not fit, "+N more"
# below turning into "+N above".
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"
export XDG_CONFIG_HOME="$T/config"	# no user rebindings

P="$T/p.axial"
A=$AXIAL
$A init "$P" >/dev/null
printf 'P1: hello.\n' >"$T/doc.txt"
$A import "$P" "$T/doc.txt" >/dev/null
add() { $A code add "$P" "$1" --category >/dev/null && $A code role "$P" "$1" "$2" >/dev/null; }
add 'Technical barriers to integration' causal
add 'ناهماهنگی در یکپارچه‌سازی سامانه‌ها' central
add 'Context' contextual
add 'Intervening' intervening
add 'Strategies' strategies
add 'Outcomes' consequences
# the causal category explains the central phenomenon: its box is not
# flagged unexplained, and the link shows under it
$A link add "$P" 'Technical barriers to integration' \
    'ناهماهنگی در یکپارچه‌سازی سامانه‌ها' --type causes >/dev/null
i=1
while [ $i -le 30 ]; do
	$A code add "$P" "$(printf 'code %02d' $i)" --in 'Technical barriers to integration' >/dev/null
	i=$((i + 1))
done

start "TERM=xterm-256color '$AXIAL' '$P'"
$TM resize-window -t t -x 130 -y 24
check_screen "the workbench opens at 130x24" "codes ("
check "the terminal is 130x24" "130x24" "$($TM display -p -t t '#{window_width}x#{window_height}')"
keys T
check_screen "T shows the model in boxes at 130x24" "│Central phenomenon"
keys c
check_screen "c lists the codes" "code 01"

# the English category: cut on the right with "…"
check_screen "an English name too wide ends in …" "│Technical barriers to integr…│"
# the Persian one: "…" on its left, inside the central box
box_line() {	# the line under the box whose title starts with $1, in the box
	screen | python3 -c 'import sys
t = sys.argv[1]
ls = sys.stdin.read().split("\n")
for i, l in enumerate(ls):
    if t in l:
        c = l.index(t)
        print(ls[i + 2][c:c + 16] if sys.argv[2] == "2" else ls[i + 1][c:c + 16])
        break' "$1" "${2:-1}"
}
pers=$(box_line "Central phenome")
check_match "a Persian name too wide starts (on the left) with …" '^…' "$pers"
check_screen "a box's title fits it whole" "│Causal conditions "

# scrolling: 30 codes do not fit in the causal box
check "code 30 is not shown yet" "" "$(screen | grep -F 'code 30')"
check_screen "the box says how many are below" "more"
n=0
while [ $n -lt 40 ]; do keys Down; n=$((n + 1)); done
check_screen "Down scrolls to the last code" "code 30"
check "code 01 is scrolled off" "" "$(screen | grep -F 'code 01')"
check_screen "the box says how many are above" "above"
keys Up
check_screen "one Up scrolls back a line at once" "more"
n=0
while [ $n -lt 40 ]; do keys Up; n=$((n + 1)); done
check_screen "Up scrolls back to the first code" "code 01"
keys Escape
check_screen "Esc goes back to the workbench" "codes ("
keys q
check_screen "quits" "AXIAL-EXIT=0" 5
