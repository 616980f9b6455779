#!/bin/sh
# ui-blind-channels.sh: while a blind session hides the other coder, the
# workbench shows nothing of their work: not the code they made (its
# in-vivo name is their reading) in the code tree or the code finder, not
# their memos' marks, no agreement figures; the compare (X) and test-retest
# (E) views say they are hidden and show no count, code or coder of B's,
# nor does W list B's passes; nor can A delete a code B sees. The owner's
# lift shows it all, live, also in a view left open (X, E), and a new
# session hides it there at once.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

me=$(id -un)
P="$T/p.axial"
"$AXIAL" init "$P" >/dev/null
printf 'first paragraph here\nsecond paragraph here\n' >"$T/d.txt"
"$AXIAL" import "$P" "$T/d.txt" >/dev/null
"$AXIAL" code add "$P" shared >/dev/null
"$AXIAL" coder add "$P" A --account "$me"
"$AXIAL" coder add "$P" B --account "$me"
check_rc "the owner starts a blind session" 0 "$AXIAL" blind "$P" start A,B
"$AXIAL" code add "$P" bsecret --as B >/dev/null
"$AXIAL" tag "$P" d bsecret --quote second --as B >/dev/null
"$AXIAL" tag "$P" d shared --quote first --as B >/dev/null
"$AXIAL" memo add "$P" 'b on the document' --on document:d --as B >/dev/null
"$AXIAL" memo add "$P" 'b on the code' --on code:shared --as B >/dev/null
# A and B disagree on two units; B has a second pass too
"$AXIAL" tag "$P" d shared --quote second --as A >/dev/null
"$AXIAL" retest "$P" start --as B >/dev/null
"$AXIAL" tag "$P" d bsecret --quote second --as B-retest >/dev/null

not_on_screen() {	# NAME TEXT
	if screen | grep -qF -- "$2"; then notok "$1" "on screen: $2" "$(screen)"; else ok "$1"; fi
}

start "TERM=xterm-256color '$AXIAL' '$P' --as A"
check_screen "A's workbench is blind" "[blind]"
check_screen "the owner's code is in the tree" "shared"
not_on_screen "B's code is not in the tree" "bsecret"
check_screen "the tree counts one code" "codes (1)"
not_on_screen "no mark of B's memo on the code" "✎"
not_on_screen "no mark of B's memo on the document" "[memo]"
keys a
check_screen "the code finder opens" "apply code"
literal bsec
check_screen "the code finder does not find B's code" "(0/1;"
not_on_screen "B's code is not offered" "bsecret"
keys Escape
wait_gone "apply code" 3
keys =
check_screen "the agreement pane is refused" "agreement is hidden during blind coding"
not_on_screen "no kappa while blind" "kappa"

# the compare view: hidden, and nothing of B's in it
keys X
check_screen "the compare view says it is hidden during blind coding" "compare: hidden during blind coding"
check_screen "and why" "the comparison is hidden:"
not_on_screen "no disagreement counter" "settled"
not_on_screen "no claim that there are no disagreements" "no disagreements"
not_on_screen "B's code is not in the compare view" "bsecret"
keys n
check_screen "n: the walk is hidden" "the comparison is hidden during blind coding"
not_on_screen "n names no coders" "(null)"
keys a
check_screen "a: nothing to settle while blind" "the comparison is hidden during blind coding"
not_on_screen "a asks for no note" "note?"
keys W
check_screen "W: no coders to choose while blind" "the coders are not chosen during blind coding"
not_on_screen "W lists no coder" "coder A (compared with"
not_on_screen "nor B's second pass" "B-retest"
keys Escape
wait_gone "compare: hidden" 3
# the test-retest view: hidden, B's second pass neither shown nor listed
keys E
check_screen "the test-retest view says it is hidden during blind coding" "test-retest: hidden during blind coding"
check_screen "and why" "test-retest figures are hidden:"
not_on_screen "B's second pass is not named" "B-retest"
not_on_screen "nor offered to choose" "whose two coding passes"
keys W
check_screen "W: no passes to choose while blind" "the coders are not chosen during blind coding"
not_on_screen "W lists no second pass" "whose two coding passes"
not_on_screen "B is not offered" "B-retest"
keys Escape
wait_gone "test-retest: hidden" 3

# deleting the shared code would take B's hidden coding along
keys Tab D
sleep 0.3
keys y
check_screen "A cannot delete the code B sees" "blind coding is on: a code the other coders see"
check "B's coding of it is kept" 1 "$("$AXIAL" codings "$P" --as B | grep -c shared)"
keys Tab

# the compare view is open when the owner lifts the session: it shows
# the comparison at once, without being opened again
keys X
check_screen "the compare view is hidden before the lift" "compare: hidden during blind coding"
check_rc "the owner lifts the session" 0 "$AXIAL" blind "$P" lift
if wait_gone "[blind]" 5; then ok "the lift shows live"; else
	notok "the lift shows live" "$(screen | head -1)"; fi
check_screen "the open compare view shows the comparison at once" "compare A A | B B" 5
check_screen "and B's code in it" "bsecret"
not_on_screen "it no longer says it is hidden" "hidden during blind coding"
keys Escape
wait_gone "compare A A" 3
check_screen "B's code is in the tree now" "bsecret" 5
check_screen "the tree counts both codes" "codes (2)"
check_screen "B's memo on the code is marked now" "✎"
check_screen "B's memo on the document is marked now" "[memo]"
keys a
literal bsec
check_screen "the code finder finds B's code now" "(1/2;"
keys Escape
wait_gone "apply code" 3

# the test-retest view is open when a new session starts: hidden at once;
# when it is lifted: B's passes at once
keys E
check_screen "the test-retest view shows B's passes after the lift" "test-retest of B: first pass against B-retest"
check_rc "the owner starts a new session" 0 "$AXIAL" blind "$P" start A,B
check_screen "the open test-retest view hides them at once" "test-retest: hidden during blind coding" 5
not_on_screen "B's second pass is not named" "B-retest"
check_rc "the owner lifts it" 0 "$AXIAL" blind "$P" lift
check_screen "the open test-retest view shows them again at once" "test-retest of B: first pass against B-retest" 5
keys q
check_screen "quit" "AXIAL-EXIT=0"
