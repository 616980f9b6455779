#!/bin/sh
# ui-i18n.sh: the workbench in Persian. Under LANG=fa_IR.UTF-8 (compiled or
# not: a fresh Debian has only C.UTF-8) the labels are Persian, shaped and in
# visual order as the terminal shows them, the layout is mirrored (code tree
# on the right) and labels are right-aligned; the default run stays English
# with the tree on the left.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

P="$T/fa.axial"
cp "$BUILD/egov-fa.axial" "$P"
# a link from the causal conditions to the central phenomenon: the
# paradigm view draws the arrow between them
role_id() { "$AXIAL" codes "$P" --json | json "'#%d' % next(n['id'] for n in d if n['role'] == '$1')"; }
"$AXIAL" link add "$P" "$(role_id causal)" "$(role_id central)" --type causes >/dev/null
FA="env -u LC_ALL -u LANGUAGE LANG=fa_IR.UTF-8 TERM=xterm-256color"
# visual TEXT: TEXT as a right-to-left line on screen (axial's own layout)
visual() { printf '%s\n' "$1" | "$AXIAL" cat --dir rtl --width 400 - | sed 's/^ *//'; }
# ends_with NAME LINE TEXT
ends_with() {
	case $2 in *"$3") ok "$1" ;; *) notok "$1" "line: $2" "wanted at its end: $3" ;; esac
}
n=$("$AXIAL" codes "$P" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
title=$(visual "کدها ($n)")
help=$(visual "? راهنما")

start "$FA '$AXIAL' '$P'"
check_screen "opens in Persian: the tree's title, shaped, in visual order" "$title"
ends_with "the tree's title is right-aligned" "$(screen | head -1)" "$title"
col=$(col_of "$title")
if [ -n "$col" ] && [ "$col" -gt 90 ]; then ok "the code tree is on the right (title at column $col)"; else
	notok "the code tree is on the right" "title at column $col" "$(screen | head -3)"; fi
bar=$(screen | sed -n 3p | python3 -c 'import sys; print(sys.stdin.read().index("│") + 1)')
if [ "$bar" -gt 60 ]; then ok "the transcript is on the left (border at column $bar)"; else
	notok "the transcript is on the left" "border at column $bar"; fi
ends_with "the key hints are Persian and start at the right" "$(screen | tail -1)" "$help"
rows=$(screen | sed -n '2,20p' | grep -Ec '(▾|◂|•|·)$')
if [ "$rows" -ge 5 ]; then ok "tree rows are right-aligned ($rows end in their bullet)"; else
	notok "tree rows are right-aligned" "$(screen | sed -n '2,8p')"; fi

# a finder in Persian, from the tree
keys Tab
wait_for "$(visual "نشان‌گذاری")" 5
keys K
check_screen "the colour finder's title is Persian" "$(visual "رنگ (یا #rrggbb بنویسید)")"
keys Escape
wait_gone "#rrggbb" 5

# the help screen: headings right-aligned
keys '?'
head=$(visual "همه‌جا")
check_screen "the help screen is Persian" "$head"
ends_with "its headings are right-aligned" "$(screen | grep -F "$head" | head -1)" "$head"
check_screen "the key descriptions are Persian" "$(visual "واگرد آخرین کنش شما")"
keys q
wait_gone "$head" 5

# the views: the paradigm model mirrored (causal conditions on the right,
# arrows pointing left; its boxes need a wide terminal, ui-paradigm-narrow.sh
# has the list narrower ones get), the agreement view's title right-aligned
$TM resize-window -t t -x 200 -y 50 2>/dev/null || $TM resize-pane -t t -x 200 -y 50
keys T
check_screen "the paradigm view is Persian" "$(visual "مدل پارادایمی")"
check_screen "its arrows point right to left" "◀──"
causal=$(col_of "$(visual "شرایط علی")"); cons=$(col_of "$(visual "پیامدها")")
if [ -n "$causal" ] && [ -n "$cons" ] && [ "$causal" -gt "$cons" ]; then
	ok "causal conditions right of the consequences ($causal > $cons)"; else
	notok "causal conditions right of the consequences" "causal $causal, consequences $cons" "$(screen)"; fi
$TM resize-window -t t -x 120 -y 40 2>/dev/null || $TM resize-pane -t t -x 120 -y 40
keys Escape I
check_screen "the agreement view is Persian" "$(visual "نخست بدترین")"
ends_with "its title is right-aligned" "$(screen | head -1)" "$(visual "توافق:")"
check_screen "its figures read left to right" "kappa    prev      AC1  %agr"
keys Escape
wait_for "$title" 5

# too small a terminal says so in Persian
$TM resize-window -t t -x 30 -y 8 2>/dev/null || $TM resize-pane -t t -x 30 -y 8
check_screen "terminal too small, in Persian" "$(visual "پایانه بیش از حد کوچک است")"
$TM resize-window -t t -x 120 -y 40 2>/dev/null || $TM resize-pane -t t -x 120 -y 40
check_screen "back to the workbench at full size" "$title"
keys q
check_screen "quit" "AXIAL-EXIT=0"

# --layout ltr keeps the tree on the left, still in Persian
start "$FA '$AXIAL' '$P' --layout ltr"
check_screen "--layout ltr in Persian opens" "$title"
col=$(col_of "$title")
if [ -n "$col" ] && [ "$col" -lt 30 ]; then ok "--layout ltr puts the tree on the left"; else
	notok "--layout ltr puts the tree on the left" "title at column $col"; fi
keys q
wait_for "AXIAL-EXIT=0" 5

# the default run: English, the tree on the left
start "TERM=xterm-256color '$AXIAL' '$P'"
check_screen "English by default" "codes ($n)"
col=$(col_of "codes ($n)")
if [ -n "$col" ] && [ "$col" -lt 5 ]; then ok "English puts the tree on the left"; else
	notok "English puts the tree on the left" "title at column $col"; fi
check_screen "English key hints" "? help"
keys q
wait_for "AXIAL-EXIT=0" 5
