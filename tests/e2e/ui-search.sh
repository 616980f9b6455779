#!/bin/sh
# ui-search.sh: search across documents in the workbench (F, view-search.c)
# on a copy of the English sample: F asks for the query, the view lists
# as many hits as `axial search` finds, each with its document, paragraph
# and context; Enter closes the view and puts the caret on the hit in its
# document (the status line's position is the hit's start in JSON); C
# codes every hit after a question and u undoes it in one step; w, i, P
# and D search again with axial search's options (the counts match it),
# e sets the scope C codes (the spans match axial autocode --scope); a
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
keys Escape
keys Escape
wait_gone "search every document" 2

# the options, each a key that searches again: the count is what
# axial search prints with the same options, the title says which are on
Q=work
count() { "$AXIAL" search "$P" "$Q" "$@" 2>&1 >/dev/null | sed 's/^axial: \([0-9]*\) hit.*/\1/'; }
all=$(count)
word=$(count --word)
memos=$(count --word --memos)
iv=$(count --speaker Interviewer)
ivw=$(count --speaker Interviewer --word)
d1=$(count --speaker Interviewer --doc 01-it-service-manager)
d2=$(count --speaker Interviewer --doc 02-planning-team-leader)
check "the options give different counts" yes "$([ "$all" != "$word" ] &&
    [ "$word" != "$memos" ] && [ "$iv" != "$all" ] && [ "$ivw" != "$iv" ] &&
    [ $((d1 + d2)) != "$iv" ] && echo yes || echo no)"
keys F
wait_for "search every document" 2
keys C-u
literal "$Q"
keys Enter
check_screen "no option on: every word that begins so" "search «$Q»: $all hits [codes: hit]"
keys w
check_screen "w: whole words" "search «$Q»: $word hits [codes: hit, whole words]"
keys i
check_screen "i: memos too" "search «$Q»: $memos hits [codes: hit, whole words, memos too]"
keys i w
check_screen "i and w again: both off" "search «$Q»: $all hits [codes: hit]"
keys P
check_screen "P: a finder of the documents' speakers" "only the turns of"
for s in Interviewer P1 P2 P3 P4; do
	check_screen "P offers $s" "$s"
done
literal Interv
keys Enter
check_screen "speaker Interviewer" "search «$Q»: $iv hits [codes: hit, speaker Interviewer]"
keys w
check_screen "and whole words" "search «$Q»: $ivw hits [codes: hit, whole words, speaker Interviewer]"
keys w
wait_for "search «$Q»: $iv hits" 2
keys D
check_screen "D: a finder of the documents" "search only these documents"
literal 01-it
keys Enter
check_screen "one document chosen: the finder opens again" "[x] 1 01-it-service-manager"
check_screen "the count is that document's" "$d1 hits [codes: hit, speaker Interviewer, 1 document]"
literal 02-plan
keys Enter
wait_for "[x] 2 02-planning" 2
keys Escape
check_screen "two documents: the hits of both" \
    "search «$Q»: $((d1 + d2)) hits [codes: hit, speaker Interviewer, 2 documents]"
keys D
wait_for "search only these documents" 2
literal "every doc"
keys Enter
wait_for "[ ] 1 01-it" 2
keys Escape
check_screen "(every document) empties the set" "search «$Q»: $iv hits [codes: hit, speaker Interviewer]"

# e: what C codes around each hit; the question counts what axial
# autocode --scope counts, y codes what it codes, u takes it back
P2="$T/cli.axial"
cp "$P" "$P2"
CODE="Digitising paper workflows"
preview=$("$AXIAL" autocode "$P2" "$Q" "$CODE" --speaker Interviewer --scope paragraph)
segs=$(echo "$preview" | sed -n 's/.*: \([0-9]*\) segments* in \([0-9]*\) document.*/\1/p')
docs=$(echo "$preview" | sed -n 's/.*: \([0-9]*\) segments* in \([0-9]*\) document.*/\2/p')
keys e
check_screen "e: sentences" "[codes: sentence, speaker Interviewer]"
keys e
check_screen "e again: paragraphs" "[codes: paragraph, speaker Interviewer]"
before=$("$AXIAL" codings "$P" --json | json 'len(d)')
keys C
wait_for "code every hit with" 2
literal "Digitising paper"
keys Enter
check_screen "the question counts as axial autocode --scope paragraph" \
    "code $segs segments in $docs documents? (y/n)"
keys y
wait_for "coded $segs segments" 2
"$AXIAL" autocode "$P2" "$Q" "$CODE" --speaker Interviewer --scope paragraph --yes >/dev/null
spans='sorted((c["document"], c["start"], c["end"]) for c in d)'
check "the view codes the paragraphs axial autocode codes" \
    "$("$AXIAL" codings "$P2" --code "$CODE" --json | json "$spans")" \
    "$("$AXIAL" codings "$P" --code "$CODE" --json | json "$spans")"
keys Escape
wait_gone "search «" 2
keys u
sleep 0.5
check "u takes the paragraphs back, one action" "$before" "$("$AXIAL" codings "$P" --json | json 'len(d)')"

# e once more: speaker turns, as axial autocode --scope turn codes them
P3="$T/turn.axial"
cp "$P" "$P3"
preview=$("$AXIAL" autocode "$P3" "$Q" "$CODE" --speaker Interviewer --scope turn)
segs=$(echo "$preview" | sed -n 's/.*: \([0-9]*\) segments* in \([0-9]*\) document.*/\1/p')
docs=$(echo "$preview" | sed -n 's/.*: \([0-9]*\) segments* in \([0-9]*\) document.*/\2/p')
keys F
wait_for "search every document" 2
keys Enter
check_screen "F again: the options and scope kept" "search «$Q»: $iv hits [codes: paragraph, speaker Interviewer]"
keys e
check_screen "e: speaker turns" "[codes: turn, speaker Interviewer]"
keys C
wait_for "code every hit with" 2
literal "Digitising paper"
keys Enter
check_screen "the question counts as axial autocode --scope turn" \
    "code $segs segments in $docs documents? (y/n)"
keys y
wait_for "coded $segs segments" 2
"$AXIAL" autocode "$P3" "$Q" "$CODE" --speaker Interviewer --scope turn --yes >/dev/null
check "the view codes the turns axial autocode codes" \
    "$("$AXIAL" codings "$P3" --code "$CODE" --json | json "$spans")" \
    "$("$AXIAL" codings "$P" --code "$CODE" --json | json "$spans")"
keys Escape
wait_gone "search «" 2
keys u
sleep 0.5
check "u takes the turns back" "$before" "$("$AXIAL" codings "$P" --json | json 'len(d)')"

# memo hits are listed, never coded: the question says so
keys F
wait_for "search every document" 2
keys C-u
literal trust
keys Enter
wait_for "search «trust»: 0 hits" 2
keys P
wait_for "only the turns of" 2
literal "(any"
keys Enter
wait_for "[codes: turn]" 2
keys i
check_screen "i: the memo's hit is listed" "search «trust»: 1 hits [codes: turn, memos too]"
keys C
wait_for "code every hit with" 2
literal "Digitising paper"
keys Enter
check_screen "the question: no segment, memo hits not coded" \
    "code 0 segments in 0 documents (memo hits are not coded)? (y/n)"
keys n
keys Enter
check_screen "Enter on a memo's hit says what it is" "a memo's hit"
keys q
check_screen "quit" "AXIAL-EXIT=0"
