# compare.sh: two coders' disagreements and the consensus coding.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
me=$(id -un)
$A init p.axial >/dev/null
printf 'one alpha\ntwo beta\nthree gamma\n' >d.txt
$A import p.axial d.txt >/dev/null
$A code add p.axial k >/dev/null
$A code add p.axial m >/dev/null
$A coder add p.axial A --account "$me"
$A coder add p.axial B --account "$me"
# para 1: both k (agree); para 2: only A k; para 3: only B m, and A m in para 1
$A tag p.axial d k --quote "one" --as A >/dev/null
$A tag p.axial d k --quote "alpha" --as B >/dev/null
$A tag p.axial d k --quote "two" --as A >/dev/null
$A tag p.axial d m --quote "gamma" --as B >/dev/null
$A tag p.axial d m --quote "alpha" --as A >/dev/null
check_rc "compare" 0 $A compare p.axial --coders A,B --json
check_match "three disagreements" '^\[\{.*\},\{.*\},\{.*\}\]$' "$OUT"
check_match "para 2 only A" '"paragraph":2,"code":"k","coded_by":"A","text":"two","decision":"open"' "$OUT"
check_match "para 3 only B" '"paragraph":3,"code":"m","coded_by":"B","text":"gamma"' "$OUT"
check_rc "--as consensus is refused" 1 $A tag p.axial d k 0 3 --as consensus
check_rc "compare in words" 0 $A compare p.axial --coders A,B
check_match "who applied which code, open" '^d ¶2  only A applied k:  «two»  open$' "$OUT"
check_match "the count" '^3 disagreements, 0 settled, 3 left$' "$OUT"

# the first decision starts the consensus from the agreed units, in one action
cp p.axial first.axial
check_rc "a code only B applied, decided 'a'" 0 $A consensus first.axial --coders A,B d 3 m a
check_match "starts from the agreed unit" 'consensus: started with 1 agreed coding$' "$OUT"
check_match "says it dropped the code, not 'took A'" 'consensus: dropped «m» from d paragraph 3$' "$OUT"
cons=$($A codings first.axial --coder consensus --json)
check_match "the agreed k of para 1 is there" '"code":"k","coder":"consensus","start":0,"end":3' "$cons"
check "and nothing else" 1 "$(echo "$cons" | grep -o '"id"' | wc -l)"
check_rc "listed as dropped" 0 $A compare first.axial --coders A,B
check_match "dropped in words" '^d ¶3  only B applied m:  «gamma»  settled: dropped «m» here$' "$OUT"
check_match "one settled, two left" '^3 disagreements, 1 settled, 2 left$' "$OUT"
check_rc "keep, in words" 0 $A consensus first.axial --coders A,B d 2 k keep --note "named"
check "kept, and no second seed" "consensus: kept «k» in d paragraph 2" "$OUT"
check_rc "json outcome" 0 $A compare first.axial --coders A,B --json
check_match "kept in the JSON" '"paragraph":2,.*"decision":"both","note":"named","outcome":"kept"' "$OUT"
check_match "dropped in the JSON" '"paragraph":3,.*"decision":"a","note":"","outcome":"dropped"' "$OUT"
check_match "open in the JSON" '"paragraph":1,"code":"m",.*"decision":"open","note":"","outcome":"open"' "$OUT"
check_rc "drop, in words" 0 $A consensus first.axial --coders A,B d 1 m drop
check "dropped" "consensus: dropped «m» from d paragraph 1" "$OUT"
# each decision is one action, named by what it did, where
check_rc "the log" 0 $A log first.axial --limit 3
check_match "the drop, named in the log" '  drop «m» in d ¶1 ' "$OUT"
check_match "keep (both coders' spans), named" "  keep both coders' spans of «k» in d ¶2 " "$OUT"
check_match "'a' on a code only B applied, named as the drop it is" '  drop «m» in d ¶3 ' "$OUT"
check "no decision under a generic label" "" "$($A log first.axial --json | python3 -c 'import json, sys
print("\n".join(e["action"] for e in json.load(sys.stdin) if e["action"] == "consensus"))')"
check_rc "undo the drop" 0 $A undo first.axial
check "undo names the decision it took back" "undid drop «m» in d ¶1" "$OUT"
check_rc "undo the keep" 0 $A undo first.axial
check "the kept k is gone" 1 "$($A codings first.axial --coder consensus | wc -l)"
check_rc "undo the first decision" 0 $A undo first.axial
check "its seed went with it" 0 "$($A codings first.axial --coder consensus | wc -l)"
check_rc "all open again" 0 $A compare first.axial --coders A,B
check_match "none settled" '^3 disagreements, 0 settled, 3 left$' "$OUT"
before=$($A codings first.axial --json)
check_rc "no disagreement to settle" 1 $A consensus first.axial --coders A,B d 1 k drop
check "says so and what to do" "axial: A and B do not disagree on this code in paragraph 1; axial compare lists their disagreements" "$ERR"
check_rc "a code nobody applied there" 1 $A consensus first.axial --coders A,B d 2 m keep
check "nothing changed" "$before" "$($A codings first.axial --json)"
check_rc "a choice that is not one" 2 $A consensus first.axial --coders A,B d 2 k take
check_match "the choices in words" "choose keep, drop, a, b, both or neither, not 'take'" "$ERR"
check_rc "seed agreed units" 0 $A consensus p.axial --coders A,B seed
check "one agreed coding copied" "consensus: 1 agreed coding copied" "$OUT"
check_rc "seed again adds none" 0 $A consensus p.axial --coders A,B seed
check "none the second time" "consensus: 0 agreed codings copied" "$OUT"
check_rc "accept A's" 0 $A consensus p.axial --coders A,B d 2 k a --note "A is right: it names the cause"
check "seeded already: no second copy" "consensus: kept «k» in d paragraph 2" "$OUT"
check_rc "accept neither" 0 $A consensus p.axial --coders A,B d 3 m neither
check_rc "accept both" 0 $A consensus p.axial --coders A,B d 1 m both
check_rc "their log" 0 $A log p.axial --limit 3
check_match "'a' on A's code: keep, named" '  keep «k» in d ¶2 ' "$OUT"
check_match "neither: drop, named" '  drop «m» in d ¶3 ' "$OUT"
check_match "both: both coders' spans, named" "  keep both coders' spans of «m» in d ¶1 " "$OUT"
cons=$($A codings p.axial --coder consensus --json)
check_match "consensus has A's k in para 1" '"code":"k","coder":"consensus","start":0,"end":3' "$cons"
check_match "consensus has A's k in para 2" '"code":"k","coder":"consensus","start":10,"end":13' "$cons"
check_match "consensus has A's m in para 1" '"code":"m","coder":"consensus","start":4,"end":9' "$cons"
check "no m in para 3" 3 "$(echo "$cons" | grep -o '"id"' | wc -l)"
check_rc "decisions shown" 0 $A compare p.axial --coders A,B --json
check_match "decision and note" '"paragraph":2,.*"decision":"a","note":"A is right: it names the cause"' "$OUT"
check_rc "change of mind" 0 $A consensus p.axial --coders A,B d 2 k neither
check "A's k in para 2 gone" 2 "$($A codings p.axial --coder consensus | wc -l)"
check_rc "undo the change" 0 $A undo p.axial
check "back again" 3 "$($A codings p.axial --coder consensus | wc -l)"
check_rc "bad choice" 2 $A consensus p.axial --coders A,B d 2 k maybe
check_rc "no such paragraph" 1 $A consensus p.axial --coders A,B d 9 k a
check_match "paragraph message" 'no paragraph 9' "$ERR"
check_rc "same coder twice" 1 $A compare p.axial --coders A,A
$A blind p.axial start A,B
check_rc "no comparing while blind" 1 $A compare p.axial --coders A,B
check_match "blind message" 'blind coding is on' "$ERR"
