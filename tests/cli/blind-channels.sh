# blind-channels.sh: while a blind session hides the others' work, a coder
# sees nothing of it through any command: codes the other coder made (their
# in-vivo names are their reading), memos, the log, info, report, codings,
# the exports (csv, qdpx, qdc) and agreement. The owner's lift shows it all.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
me=$(id -un)
$A init p.axial >/dev/null
printf 'first paragraph\nsecond paragraph\n' >d.txt
$A import p.axial d.txt >/dev/null
$A code add p.axial shared >/dev/null
$A coder add p.axial A --account "$me"
$A coder add p.axial B --account "$me"
$A memo add p.axial 'owner note' >/dev/null
$A code add p.axial early --as B >/dev/null
# B's coding from before the session, and the owner's memo on it
bearly=$($A tag p.axial d early --quote 'first paragraph' --as B | sed 's/^#\([0-9]*\).*/\1/')
$A memo add p.axial 'owner on a b coding' --on "coding:$bearly" >/dev/null
check_rc "start" 0 $A blind p.axial start A,B
# B's work during the session: an in-vivo code, codings, a memo
$A code add p.axial 'bsecret' --as B >/dev/null
$A tag p.axial d bsecret --quote second --as B >/dev/null
$A tag p.axial d shared --quote second --as B >/dev/null
$A memo add p.axial 'bmemo words' --as B >/dev/null
bmemo=$($A memo list p.axial --as B | sed -n 's/^#\([0-9]*\) .* by B$/\1/p')
# A's own work
$A code add p.axial amine --as A >/dev/null
$A tag p.axial d amine --quote first --as A >/dev/null
$A memo add p.axial 'amemo words' --as A >/dev/null

no_secret() {	# NAME TEXT: no trace of B's work in TEXT
	if printf '%s\n' "$2" | grep -Eq 'bsecret|bmemo|second'; then
		notok "$1" "B's work shows:" "$2"
	else
		ok "$1"
	fi
}

out=$($A codes p.axial --as A)
no_secret "codes: B's new code hidden from A" "$out"
check_match "codes: A's own code" 'amine \(1\)' "$out"
check_match "codes: the owner's code" 'shared \(0\)' "$out"
check_match "codes: B's code from before the session" 'early' "$out"
check_match "codes: B sees their own" 'bsecret \(1\)' "$($A codes p.axial --as B)"
bid=$($A codes p.axial --as B | sed -n 's/.*bsecret.*#\([0-9]*\)$/\1/p')
check_rc "tag: A cannot apply B's code by name" 1 $A tag p.axial d bsecret --quote first --as A
check_match "tag: as if there were none" "no code or category 'bsecret'" "$ERR"
check_rc "tag: nor by its #id" 1 $A tag p.axial d "#$bid" --quote first --as A
check_match "tag: #id as if there were none" "no code or category #$bid" "$ERR"
check_rc "memo add: nor on B's code" 1 $A memo add p.axial x --on code:bsecret --as A
check "tag: A's codings unchanged" 1 "$($A codings p.axial --as A | grep -c first)"
check_rc "info as A" 0 $A info p.axial --as A
check_match "info: counts what A may see" 'codes: +3 in 0 categories' "$OUT"
check_match "info: memos A may see" 'memos: +2' "$OUT"

out=$($A memo list p.axial --as A)
no_secret "memo list: B's memo hidden from A" "$out"
check_match "memo list: the owner's memo" 'owner note' "$out"
check_match "memo list: A's memo" 'amemo words' "$out"
check_match "memo list: B sees their own" 'bmemo words' "$($A memo list p.axial --as B)"
if printf '%s\n' "$out" | grep -q 'owner on a b coding'; then
	notok "memo list: no memo on B's hidden coding" "$out"; else
	ok "memo list: no memo on B's hidden coding"; fi
bcoding=$($A codings p.axial --as B | sed -n 's/^#\([0-9]*\).*bsecret.*/\1/p')
check_rc "memo add: not on B's coding" 1 $A memo add p.axial x --on "coding:$bcoding" --as A
check_match "memo add: as if there were none" "no coding #$bcoding to write a memo on" "$ERR"
check_rc "memo edit: A cannot change B's memo" 1 $A memo edit p.axial "$bmemo" 'x' --as A
check_match "memo edit: as if there were none" "no memo #$bmemo" "$ERR"
check_match "memo edit: B's memo unchanged" 'bmemo words' "$($A memo list p.axial --as B)"

out=$($A log p.axial --as A)
if printf '%s\n' "$out" | grep -q ' B '; then notok "log: B's actions hidden from A" "$out"; else
	ok "log: B's actions hidden from A"; fi
check_match "log: A's own actions" ' A .*tag' "$out"
check_match "log: the owner's actions" 'blind start' "$out"

out=$($A codings p.axial --as A)
no_secret "codings: only A's" "$out"
check "codings: one row" 1 "$(printf '%s\n' "$out" | wc -l)"

out=$($A export csv p.axial --as A)
no_secret "export csv: only A's" "$out"
check "export csv: header and A's row" 2 "$(printf '%s\n' "$out" | wc -l)"

check_rc "export qdpx" 0 $A export qdpx p.axial x.qdpx --as A
mkdir q && (cd q && unzip -q ../x.qdpx)
no_secret "export qdpx: no code, coding or memo of B" "$(cat q/project.qde)"
check_match "export qdpx: A's code is there" 'amine' "$(cat q/project.qde)"
check_rc "export qdc" 0 $A export qdc p.axial c.qdc --as A
no_secret "export qdc: B's code is not in the codebook" "$(cat c.qdc)"

check_rc "report: A's own codings" 0 $A report p.axial --out r --source A --as A
no_secret "report: no trace of B" "$(cat r/*)"
check_match "report: A's code counted" 'amine' "$(cat r/frequency-by-coder.md)"
check_rc "report: B's codings are not A's to count" 1 $A report p.axial --out r2 --source B --as A
check "report: nothing written" "" "$(ls r2 2>/dev/null)"
check_rc "report each: A alone" 0 $A report p.axial --out r3 --source each --as A
check "report each: no file for B" "" "$(ls r3 | grep -- '-B\.')"
no_secret "report each: no trace of B" "$(cat r3/*)"

# A's changes to a code B sees would show B A's reading (and removing it
# would take B's hidden codings along): A changes only the codes A made
for cmd in 'code rm p.axial shared' 'code rename p.axial shared x' \
    'code define p.axial shared d' 'code color p.axial shared #ff0000' \
    'code merge p.axial shared amine'; do
	check_rc "$cmd: refused to A" 1 $A $cmd --as A
	check_match "$cmd: says why" 'blind coding is on: a code the other coders see stays as it is' "$ERR"
done
$A code add p.axial acat --category --as A >/dev/null
check_rc "code move: A cannot move the shared code" 1 $A code move p.axial shared acat --as A
check_match "codes: B's coding of the shared code kept" 'shared \(1\)' "$($A codes p.axial --as B)"
check "codes: the shared code unchanged for B" "- shared (1)" "$($A codes p.axial --as B | grep -o -- '- shared ([0-9]*)')"
check_rc "A renames A's own code" 0 $A code rename p.axial amine amine2 --as A
check_rc "A moves A's own code" 0 $A code move p.axial amine2 acat --as A
check_rc "A defines A's own code" 0 $A code define p.axial amine2 'mine' --as A
check_rc "the owner changes the shared code" 0 $A code define p.axial shared 'the owner says'

# the owner, outside the session, audits: codes, memos and the log, but
# no coder's codings and no figures
check_match "owner: B's code in the codebook" 'bsecret \(0\)' "$($A codes p.axial)"
check_match "owner: B's actions in the log" ' B .*code add' "$($A log p.axial)"
check_match "owner: B's memo" 'bmemo words' "$($A memo list p.axial)"
check "owner: no coder's codings" "" "$($A codings p.axial)"

check_rc "agree refused while blind" 1 $A agree p.axial --coders A,B --as A
check_match "agree says why" 'blind coding is on' "$ERR"
check "agree prints no figure" "" "$OUT"
check_rc "compare refused while blind" 1 $A compare p.axial --coders A,B --as A
check "compare prints nothing" "" "$OUT"

# names folded or guessed on the command line never find nor name B's code
check_rc "a near name of B's code is not found" 1 $A tag p.axial d bsecrt --quote first --as A
no_secret "no guess names B's code" "$ERR"
check_rc "B's code in another case is not found" 1 $A tag p.axial d BSECRET --quote first --as A
no_secret "no folded match names B's code" "$ERR"
check_rc "a near name of B's code in a memo target is not found" 1 $A memo add p.axial x --on code:bsecre --as A
no_secret "the path lookup names nothing of B's" "$ERR"
check_rc "the folded lookup still finds A's own code" 0 $A tag p.axial d AMINE2 --quote paragraph --as A
check_rc "and takes it back" 0 $A undo p.axial --as A

# the owner ends it (off, another name for lift): everything shows again
check_rc "the owner ends it" 0 $A blind p.axial off
check_match "blind coding is off" 'blind coding: off' "$OUT"
check_match "codes: B's code shows after the lift" 'bsecret \(1\)' "$($A codes p.axial --as A)"
check_match "memo list: B's memo shows after the lift" 'bmemo words' "$($A memo list p.axial --as A)"
check_match "log: B's actions show after the lift" ' B .*code add' "$($A log p.axial --as A)"
check_match "memo list: the owner's memo on B's coding after the lift" 'owner on a b coding' \
	"$($A memo list p.axial --as A)"
check "codings: all four after the lift" 4 "$($A codings p.axial --as A | wc -l)"
check_rc "agree after the lift" 0 $A agree p.axial --coders A,B --as A
check_rc "report: B's codings after the lift" 0 $A report p.axial --out r4 --source B --as A
check_match "report: B's code counted" 'bsecret' "$(cat r4/frequency-by-coder.md)"
