# blind.sh: blind coding enforced for the command line: each coder sees
# only their own codings and no figures until both are done.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
me=$(id -un)
$A init p.axial >/dev/null
printf 'first paragraph\nsecond paragraph\n' >d.txt
$A import p.axial d.txt >/dev/null
$A code add p.axial k >/dev/null
$A coder add p.axial A --account "$me"
$A coder add p.axial B --account "$me"
check_rc "start" 0 $A blind p.axial start A,B
check_match "status says on" 'blind coding: on' "$OUT"
$A tag p.axial d k --quote first --as A >/dev/null
$A tag p.axial d k --quote second --as B >/dev/null
check "A sees only A's coding" 1 "$($A codings p.axial --as A 2>&1 | wc -l)"
check_match "A's is A's" 'first' "$($A codings p.axial --as A)"
check "B sees only B's coding" 1 "$($A codings p.axial --as B 2>&1 | wc -l)"
check_match "B's is B's" 'second' "$($A codings p.axial --as B)"
check "A cannot list B's by name" "" "$($A codings p.axial --coder B --as A)"
check_match "counts hide the other's" 'k \(1\)' "$($A codes p.axial --as A)"
check "export hides the other's" 2 "$($A export csv p.axial --as A | wc -l)"
check_rc "no figures while blind" 1 $A agree p.axial --coders A,B
check_match "blind message" 'blind coding is on.*waiting for A, B' "$ERR"
check_rc "A done" 0 $A blind p.axial done --as A
check_rc "still hidden after one" 1 $A agree p.axial --coders A,B
check_match "waiting for B" 'waiting for B' "$ERR"
check_rc "B done" 0 $A blind p.axial done --as B
check_match "revealed" 'revealed' "$OUT"
check "everything visible" 2 "$($A codings p.axial --as A | wc -l)"
check_rc "figures now" 0 $A agree p.axial --coders A,B
check_rc "lift" 0 $A blind p.axial lift
check_match "off" 'blind coding: off' "$OUT"
check_rc "stranger cannot mark done" 1 $A blind p.axial done
