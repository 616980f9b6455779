#!/bin/sh
# ui-walk.sh: the disagreement walk in the compare view (X) of the real
# binary in tmux. Each disagreement is named (document, paragraph, code, who
# applied it) and each key says in words what it does with that code there,
# so "a" on a code only B applied reads "drop"; a counter follows decisions
# and undo; Esc on the note prompt decides nothing; the first decision seeds
# the agreed units. The same decisions through `axial consensus` on a copy
# of the project give exactly the same consensus coding and decisions.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

A=$AXIAL
me=$(id -un)
export XDG_CONFIG_HOME="$T/config"	# no user rebindings
cd "$T" || exit 1
$A init ui.axial >/dev/null
printf 'one alpha\ntwo beta\nthree gamma\nfour delta\n' >d.txt
$A import ui.axial d.txt >/dev/null
$A code add ui.axial k >/dev/null
$A code add ui.axial m >/dev/null
$A coder add ui.axial A --account "$me"
$A coder add ui.axial B --account "$me"
# agreed: k in para 1, m in para 4 (other spans); disagreements, in walk
# order: m para 1 (only A), k para 2 (only A), m para 3 (only B)
$A tag ui.axial d k --quote "one" --as A >/dev/null
$A tag ui.axial d k --quote "alpha" --as B >/dev/null
$A tag ui.axial d k --quote "two" --as A >/dev/null
$A tag ui.axial d m --quote "gamma" --as B >/dev/null
$A tag ui.axial d m --quote "alpha" --as A >/dev/null
$A tag ui.axial d m --quote "four" --as A >/dev/null
$A tag ui.axial d m --quote "delta" --as B >/dev/null
cp ui.axial cli.axial

start "TERM=xterm-256color '$A' '$T/ui.axial' --as A"
check_screen "opens" "codes ("
keys X
check_screen "X opens the walk with its counter" "disagreement 1 of 3   0 settled, 3 left"
check_screen "the first disagreement is named" "open: d ¶1, applied by A A only: «m»"
check_screen "and the status says it too" "disagreement 1 of 3: open, 0 settled, 3 left: «m» in d ¶1, applied by A only"
check_screen "each key in words" "a keep «m» here   b drop «m» here   2 keep both coders' spans   0 drop «m» here"

# Esc on the note prompt cancels: nothing decided, nothing seeded
keys b
check_screen "b asks for a note, saying what it does" "drop «m» here: note? Enter decides, Esc cancels"
keys Escape
wait_gone "Enter decides" 5
check "Esc decided nothing" "3 disagreements, 0 settled, 3 left" "$($A compare ui.axial --coders A,B | tail -1)"
check "and seeded nothing" 0 "$($A codings ui.axial --coder consensus | wc -l)"

# the first decision: drop m in para 1, with a note; the agreed units come along
keys b
check_screen "b again" "drop «m» here: note?"
literal "not a cause"
keys Enter
check_screen "the first decision seeds the agreed units" "the consensus coding starts with 2 agreed codings and this decision (u undoes both)"
check_screen "the counter moves" "disagreement 1 of 3   1 settled, 2 left"
check_screen "the foot says what was decided, with the note" "settled, dropped here: d ¶1, applied by A A only: «m»; note: not a cause"
check "the consensus holds the agreed units" 2 "$($A codings ui.axial --coder consensus | wc -l)"

# keep k in para 2 with "a" (A applied it), no note
keys n
check_screen "n: the second one" "open: d ¶2, applied by A A only: «k»"
keys a
check_screen "a keeps what A applied" "keep «k» here: note?"
keys Enter
check_screen "two settled" "disagreement 2 of 3   2 settled, 1 left"

# "a" on a code only B applied says it drops it, and does
keys n
check_screen "n: the third one" "open: d ¶3, applied by B B only: «m»"
check_screen "here a drops and b keeps" "a drop «m» here   b keep «m» here"
keys a
check_screen "a on B's code asks to drop it" "drop «m» here: note?"
keys Enter
check_screen "all settled" "disagreement 3 of 3   3 settled, 0 left"
check_screen "dropped, in words" "disagreement 3 of 3: settled, dropped «m» here"

# u takes that decision back, the counter follows; then keep it instead
keys u
check_screen "u undoes the decision, named in words" "undone: drop «m» in d ¶3"
check_screen "the counter follows the undo" "disagreement 3 of 3   2 settled, 1 left"
check_screen "open again" "open: d ¶3, applied by B B only: «m»"
keys b
check_screen "b keeps B's code" "keep «m» here: note?"
literal "B saw it"
keys Enter
check_screen "settled again" "disagreement 3 of 3   3 settled, 0 left"
keys q
check_screen "quits" "AXIAL-EXIT=0"
# each decision is one action in the history, named by what it did, where
check_rc "the history" 0 $A log ui.axial --limit 5
check_match "the first, dropped with 'b'" '  drop «m» in d ¶1 ' "$OUT"
check_match "'a' on A's code, a keep" '  keep «k» in d ¶2 ' "$OUT"
check_match "'a' on B's code, a drop" '  drop «m» in d ¶3 ' "$OUT"
check_match "its undo names it" '  undo drop «m» in d ¶3 ' "$OUT"
check_match "'b' on B's code, a keep" '  keep «m» in d ¶3 ' "$OUT"

# another process settles them, some without changing a coding: the counter
# follows each decision and undo
cp cli.axial live.axial
start "TERM=xterm-256color '$A' '$T/live.axial' --as A"
check_screen "opens a fresh copy" "codes ("
keys X
check_screen "none settled there" "disagreement 1 of 3   0 settled, 3 left"
$A consensus live.axial --coders A,B d 3 m a >/dev/null
check_screen "another process's first decision shows" "disagreement 1 of 3   1 settled, 2 left"
$A consensus live.axial --coders A,B d 2 k neither >/dev/null
check_screen "a decision that changes no coding shows" "disagreement 1 of 3   2 settled, 1 left"
$A undo live.axial >/dev/null
check_screen "so does its undo" "disagreement 1 of 3   1 settled, 2 left"
keys q
check_screen "quits the copy" "AXIAL-EXIT=0"

# the same decisions on the command line, in the same order, words and letters
check_rc "cli: drop m in para 1" 0 $A consensus cli.axial --coders A,B d 1 m b --note "not a cause"
check "cli: seeds on the first decision" "consensus: started with 2 agreed codings
consensus: dropped «m» from d paragraph 1" "$OUT"
check_rc "cli: keep k in para 2" 0 $A consensus cli.axial --coders A,B d 2 k a
check_rc "cli: a on B's m drops it" 0 $A consensus cli.axial --coders A,B d 3 m a
check "cli: says dropped" "consensus: dropped «m» from d paragraph 3" "$OUT"
check_rc "cli: undo" 0 $A undo cli.axial
check_rc "cli: keep B's m" 0 $A consensus cli.axial --coders A,B d 3 m b --note "B saw it"

# the consensus codings (ids aside) and the decisions are the same
cons() { $A codings "$1" --coder consensus --json | json '"\n".join(sorted(json.dumps({k: v for k, v in c.items() if k != "id"}, sort_keys=True) for c in d))'; }
ui=$(cons ui.axial)
cli=$(cons cli.axial)
check "the workbench and the CLI give the same consensus coding" "$cli" "$ui"
check "it is the agreed units plus the kept ones" 4 "$(printf '%s\n' "$ui" | grep -c coder)"
check_match "B's m in para 3 kept" '"code": "m", "coder": "consensus", "document": "d", "end": 30, "start": 25' "$ui"
check "the same decisions and notes" "$($A compare cli.axial --coders A,B --json)" "$($A compare ui.axial --coders A,B --json)"
# and the same words in the history: one function names both
labels() { $A log "$1" --json --limit 6 | json '"\n".join(e["action"] + " " + e["state"] for e in d)'; }
check "the workbench and the CLI name the decisions alike" "$(labels cli.axial)" "$(labels ui.axial)"

# at 80 columns a long code name leaves the keys' words whole: each names
# the code unless that pushes a key off the line, then says "it"
long="ناهماهنگی در یکپارچه‌سازی خدمات الکترونیک شهری"
cp cli.axial long.axial
$A code rename long.axial m "$long"
start "TERM=xterm-256color '$A' '$T/long.axial' --as A"
$TM resize-window -t t -x 80 -y 24
check_screen "opens at 80x24" "codes ("
keys X
check_screen "the counter fits at 80 columns" "disagreement 1 of 3   3 settled, 0 left"
check_screen "the keys in brief words, every key on the line" "a keep it here   b drop it here   2 keep both coders' spans   0 drop it here"
keys n
check_screen "n: the next one" "disagreement 2 of 3"
$TM resize-window -t t -x 120 -y 40
check_screen "wider, the code is named in each key" "a keep «k» here   b drop «k» here   2 keep both coders' spans   0 drop «k» here"
keys q
check_screen "quits" "AXIAL-EXIT=0"
