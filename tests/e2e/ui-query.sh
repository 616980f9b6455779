#!/bin/sh
# ui-query.sh: the coding query (Q) in tmux: an expression fills the
# segments pane with what `axial query` finds, Enter jumps to a segment,
# a bad expression reopens the prompt with its column and message under
# it, an unknown code says "did you mean", and Tab lists saved queries;
# z saves the query the list shows, Z removes a saved one, # codes a
# saved one's segments with a new code, u undoes each; a query's list
# follows the project's changes (another process's tag, undo).
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

P="$T/q.axial"
A=$AXIAL
export XDG_CONFIG_HOME="$T/config"
$A init "$P" >/dev/null
printf 'we trust the office\nthe digital divide is wide and trust is low\n' >"$T/d1.txt"
printf 'nothing here\nhow much trust remains\n' >"$T/d2.txt"
$A import "$P" "$T/d1.txt" "$T/d2.txt" >/dev/null
$A code add "$P" trust >/dev/null
$A code add "$P" "digital divide" >/dev/null
$A tag "$P" d1 trust --quote "we trust" >/dev/null
$A tag "$P" d1 trust --quote "is wide and trust is low" >/dev/null
$A tag "$P" d1 "digital divide" --quote "digital divide is wide" >/dev/null
$A tag "$P" d2 trust --quote "much trust" >/dev/null
$A query "$P" 'trust AND NOT "digital divide"' --save "trust alone" >/dev/null 2>&1

start "TERM=xterm-256color '$AXIAL' '$P'"
check_screen "opens" "codes ("

keys Q
check_screen "Q opens the prompt" "query:"
literal 'trust OVERLAPS "digital divide"'
keys Enter
check_screen "the result in the segments pane" "segments (1)"
check_screen "its quote" "is wide and trust is low"
check_screen "its title is the expression" 'segments (1): trust OVERLAPS'
keys Enter
check_screen "Enter jumps to the segment (its start, 39)" "@39"

# a bad expression: the prompt again, what was typed kept, the column
keys Q
check_screen "Q again offers the last expression" 'trust OVERLAPS "digital divide"'
keys C-u
literal 'trust AND OR x'
keys Enter
check_screen "bad expression: column and message" "column 11: expected a code name or '(', found the keyword «OR»"
check_screen "bad expression: the prompt is back" "query:"
keys C-u
literal 'trust OR trsut'
keys Enter
check_screen "unknown code: did you mean" "column 10: no code or category 'trsut'; did you mean «trust»?"
keys Escape
wait_gone "query:" 5

# what axial query finds, the workbench lists
n=$($A query "$P" 'trust' --json | json 'd["total"]')
keys Q C-u
literal 'trust'
keys Enter
check_screen "as many segments as axial query finds ($n)" "segments ($n)"

# Tab: the saved queries
keys Q Tab
check_screen "Tab lists the saved queries" "trust alone: trust AND NOT"
keys Enter
want=$($A query run "$P" "trust alone" --json | json 'd["total"]')
check_screen "a saved query runs ($want segments)" "segments ($want)"
check_screen "its quote" "we trust"

# z saves the query the list shows, with what it ran with
keys Q C-u
literal 'trust OVERLAPS "digital divide"'
keys Enter
check_screen "the query again" "segments (1): trust OVERLAPS"
keys z
check_screen "z asks for a name" "save the query as:"
literal 'overlap'
keys Enter
check_screen "z saved it" "query saved as «overlap»"
check "z: axial query list has it" \
    "[('overlap', 'trust OVERLAPS \"digital divide\"'), ('trust alone', 'trust AND NOT \"digital divide\"')]" \
    "$($A query list "$P" --json | json '[(q["name"], q["expression"]) for q in d]')"
check "the saved query finds what the list showed" 1 \
    "$($A query run "$P" overlap --json | json 'd["total"]')"

# a taken name: refused, nothing saved
keys z
literal 'Trust Alone'
keys Enter
check_screen "a taken name is refused" "a query named «Trust Alone» exists"
check "a taken name: still 2 saved queries" 2 \
    "$($A query list "$P" --json | json 'len(d)')"

# u takes the save back
keys u
check_screen "u undoes the save" "undone: query save"
check "u takes the save back" "['trust alone']" \
    "$($A query list "$P" --json | json '[q["name"] for q in d]')"

# Z removes a saved query (finder), u brings it back
keys Z
check_screen "Z lists the saved queries" "remove saved query:"
literal 'trust alone'
keys Enter
check_screen "Z removed it" "saved query removed"
check "Z: no saved query left" 0 "$($A query list "$P" --json | json 'len(d)')"
keys Z
check_screen "Z with none saved says so" "no saved queries"
keys u
check_screen "u undoes the removal" "undone: query remove"
check "u brings the removed query back" \
    "[('trust alone', 'trust AND NOT \"digital divide\"')]" \
    "$($A query list "$P" --json | json '[(q["name"], q["expression"]) for q in d]')"

# z on a code's list (not a query's): refused, nothing saved
keys Escape
keys Tab
wait_for "codes (" 5
keys Enter
check_screen "a code's list" "segments (3): trust"
keys z
check_screen "z on a code's list is refused" "the list is not a coding query's"
check "z refused: nothing saved" 1 "$($A query list "$P" --json | json 'len(d)')"

# # codes a saved query's segments with a new code: the spans axial
# query run finds, as the acting coder, one action
keys '#'
check_screen "# lists the saved queries" "code a saved query's segments:"
literal 'trust alone'
keys Enter
check_screen "# asks for the code's name (the query's by default)" "> trust alone"
want=$($A query run "$P" "trust alone" --json | json 'sorted((s["document"], s["start"], s["end"]) for s in d["segments"])')
n=$($A query run "$P" "trust alone" --json | json 'd["total"]')
keys C-u
literal 'alone'
keys Enter
check_screen "# coded them ($n)" "coded $n segments with «alone»"
check "# codes what axial query run finds" "$want" \
    "$($A codings "$P" --code alone --json | json 'sorted((c["document"], c["start"], c["end"]) for c in d)')"
check "# made one action" "query code" \
    "$(sqlite3 "$P" 'SELECT label FROM actions ORDER BY id DESC LIMIT 1')"
check_screen "the tree shows the new code" "alone"

# a taken name: refused, nothing coded
keys '#'
literal 'trust alone'
keys Enter
keys C-u
literal 'trust'
keys Enter
check_screen "# with a taken name is refused" "exists"
check "# refused: no new codings" "$n 3" \
    "$($A codings "$P" --code alone --json | json 'len(d)') $($A codings "$P" --code trust --json | json 'len(d)')"

keys u
check_screen "u undoes the code" "undone: query code"
check "u: no code alone" "" "$($A code list "$P" 2>/dev/null | grep -x 'alone')"

# a query's list follows the project: a tag made elsewhere, then undo
keys Q C-u
literal 'trust'
keys Enter
n=$($A query "$P" trust --json | json 'd["total"]')
check_screen "the query's list ($n)" "segments ($n): trust"
$A tag "$P" d2 trust --quote "nothing here" >/dev/null
n=$($A query "$P" trust --json | json 'd["total"]')
check_screen "another process's tag shows in the list ($n)" "segments ($n): trust"
check_screen "its quote" "nothing here"
keys u
n=$($A query "$P" trust --json | json 'd["total"]')
check_screen "undo shows in the list ($n)" "segments ($n): trust"
wait_gone "nothing here" 5
check "the untagged quote is gone from the list" "" "$(screen | grep -F 'nothing here')"

keys q
check_screen "quits" "AXIAL-EXIT=0"
