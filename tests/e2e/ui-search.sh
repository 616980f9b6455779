#!/bin/sh
# ui-search.sh: search across documents in the workbench (F, view-search.c)
# on a copy of the English sample: F asks for the query, the view lists
# as many hits as `axial search` finds, each with its document, paragraph
# and context; Enter closes the view and puts the caret on the hit in its
# document (the status line's position is the hit's start in JSON); a
# query with no letter is refused in the status line and opens nothing.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

P="$T/en.axial"
cp "$BUILD/remote-work-en.axial" "$P"
export XDG_CONFIG_HOME="$T/config"	# no user rebindings
Q=laptops
n=$("$AXIAL" search "$P" "$Q" 2>/dev/null | wc -l | tr -d ' ')
first=$("$AXIAL" search "$P" "$Q" --json | json 'd[0]["document"]')
start=$("$AXIAL" search "$P" "$Q" --json | json 'd[0]["start"]')
pos=$("$AXIAL" docs "$P" --json | json "[x['position'] for x in d if x['name']=='$first'][0]")
ndocs=$("$AXIAL" docs "$P" --json | json 'len(d)')
check "the sample has hits for «$Q»" yes "$([ "$n" -ge 1 ] && echo yes || echo no)"

start "TERM=xterm-256color '$AXIAL' '$P'"
check_screen "opens" "codes ("
keys F
check_screen "F asks for the query" "search every document"
literal "$Q"
keys Enter
check_screen "the view counts the hits axial search finds" "search «$Q»: $n hits"
check_screen "the first hit's line: document, paragraph, [hit]" "[$Q]"
check_match "its document is named" "$first ¶" "$(screen)"
keys Enter
check_screen "Enter: the view closes on the hit's document" "$pos/$ndocs"
check_match "Enter: the caret is on the hit's start" "@$start( |\$)" "$(screen)"
keys F
wait_for "search every document" 2
keys C-u
literal "...،"
keys Enter
check_screen "a query of punctuation only is refused" "no letter or digit"
keys q
check_screen "quit" "AXIAL-EXIT=0"
