#!/bin/sh
# ui-search.sh: search across documents in the workbench (F, view-search.c)
# on a copy of the English sample: F asks for the query, the view lists
# as many hits as `axial search` finds, each with its document, paragraph
# and context; Enter closes the view and puts the caret on the hit in its
# document (the status line's position is the hit's start in JSON); f
# codes every hit after a question and u undoes it in one step; a
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
# C: every hit coded after a question, one action u undoes
before=$("$AXIAL" codings "$P" --json | json 'len(d)')
keys F
wait_for "search every document" 2
keys Enter
check_screen "F again: the same query's hits" "search «$Q»: $n hits"
keys C
check_screen "C asks for the code" "code every hit with"
literal "Digitising paper"
keys Enter
check_screen "the question says how many segments in how many documents" \
    "code $n segments in 1 documents? (y/n)"
keys y
check_screen "y codes them" "coded $n segments (0 already coded)"
check "the hits are coded" "$((before + n))" "$("$AXIAL" codings "$P" --json | json 'len(d)')"
check "each on the hit" "$Q" "$("$AXIAL" codings "$P" --code 'Digitising paper workflows' --json | json '[c["text"] for c in d if c["start"]=='"$start"'][0]')"
keys Escape
wait_gone "search «" 2
keys u
sleep 0.5
check "u takes them back, one action" "$before" "$("$AXIAL" codings "$P" --json | json 'len(d)')"
keys F
wait_for "search every document" 2
keys C-u
literal "...،"
keys Enter
check_screen "a query of punctuation only is refused" "no letter or digit"
keys q
check_screen "quit" "AXIAL-EXIT=0"
