# identity.sh: a coder name cannot be borrowed. The owner (the account
# running the test) and a second real account (daemon, through setpriv)
# share a project: the owner cannot tie daemon's name to herself, act as
# daemon, or read daemon's blind codings; every tie, coder added and blind
# session step is in the log with the account that did it, and undo takes
# it back. Needs root to run the second account.
. "$AXIAL_SRC/tests/cli/lib.sh"
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null || ! id daemon >/dev/null 2>&1; then
	skip "identity" "needs root, setpriv and the daemon account to run two accounts (run make check as root)"
	exit 0
fi
# daemon runs a copy: the checkout may sit where only its owner can enter
chmod 755 "$T"
cp "$AXIAL" "$T/axial"
chmod 755 "$T/axial"
A=$T/axial
me=$(id -un)
B=daemon
asb() {	# asb CMD...: run as the second account, in a umask that shares
	setpriv --reuid=$B --regid="$(id -g $B)" --clear-groups sh -c 'umask 000; exec "$@"' sh "$@"
}
mkdir -m 777 "$T/study"
P=$T/study/s.axial
printf 'first paragraph\nsecond paragraph\n' >"$T/d.txt"
chmod 644 "$T/d.txt"
$A init "$P" >/dev/null && $A import "$P" "$T/d.txt" >/dev/null &&
	$A code add "$P" k >/dev/null
# both accounts write it (the -wal and -shm take the file's mode)
chmod 666 "$P"*
nothing_changed() {	# nothing_changed NAME: the coders are as they were
	check "$1: the coders are unchanged" "$coders" "$($A coders "$P")"
}

# a name that is another account's own cannot be taken, even before it acts
coders=$($A coders "$P")
check_rc "the owner cannot tie $B's name to herself" 1 $A coder add "$P" $B --account "$me"
check "and is told who holds it" "axial: cannot tie coder '$B' to account '$me': it is held by account '$B'" "$ERR"
nothing_changed "refused tie"
check_rc "$B codes under its own name" 0 asb $A tag "$P" d k --quote first
coders=$($A coders "$P")
check_match "$B's row is tied to $B" "^$B	$B	account $B\$" "$coders"
check_rc "nor once it has acted" 1 $A coder add "$P" $B --account "$me"
check "and is told who holds it again" "axial: cannot tie coder '$B' to account '$me': it is held by account '$B'" "$ERR"
nothing_changed "refused tie after acting"
check_rc "the owner cannot act as $B" 1 $A tag "$P" d k --quote second --as $B
check "and is told why" "axial: cannot act as coder '$B': it is tied to account '$B'" "$ERR"
check "so no coding was made" 1 "$($A codings "$P" --json | grep -o '"id":' | wc -l)"
check_rc "nor undo as $B" 1 $A undo "$P" --as $B
check_rc "$B cannot tie names" 1 asb $A coder add "$P" coder-x --account $B
check_match "only the owner ties" "only the project's owner \\($me\\)" "$ERR"

# blind coding: the owner plays coder-a; B's codings stay B's
check_rc "the owner ties a free name to herself" 0 $A coder add "$P" coder-a --account "$me"
check_rc "the owner starts a blind session" 0 $A blind "$P" start $B,coder-a
check_rc "coder-a codes" 0 $A tag "$P" d k --quote second --as coder-a
check_rc "the owner cannot read $B's codings as $B" 1 $A codings "$P" --as $B
check "and is told why" "axial: cannot act as coder '$B': it is tied to account '$B'" "$ERR"
check_match "as coder-a she sees coder-a's only" "^#[0-9]+	d	[0-9]+-[0-9]+	coder-a	k	" "$($A codings "$P" --as coder-a)"
check "one coding as coder-a" 1 "$($A codings "$P" --as coder-a | wc -l)"
check "none as herself" "" "$($A codings "$P")"
check "$B sees its own only" 1 "$(asb $A codings "$P" | wc -l)"

# the log says who did what, under which name, from which account
check_rc "log" 0 $A log "$P" --limit 50
log=$OUT
check_match "the blind start is logged, by the owner" "  $me  blind start  \\(" "$log"
check_match "the coder add is logged" "  $me  coder add  \\(1 changes\\)" "$log"
check_match "the name coder-a's account is shown" "  coder-a \\(account $me\\)  tag  " "$log"
check_match "$B's first action is logged" "  $B  coder join  \\(1 changes\\)" "$log"
check_match "the project's creation is logged" "  \\(account $me\\)  project create  " "$log"
check_match "json carries the account" '"coder":"coder-a","account":"'"$me"'"' "$($A log "$P" --json)"

# blind done, then the reveal cannot be taken back by a coder
check_rc "$B is done" 0 asb $A blind "$P" done
check_rc "coder-a is done" 0 $A blind "$P" done --as coder-a
check_match "revealed" 'revealed' "$OUT"
check_rc "$B cannot undo its done once all is shown" 1 asb $A undo "$P"
check_match "and is told why" "cannot undo or redo 'blind done': it would hide codings every coder has already seen" "$ERR"
check_match "still revealed" 'revealed' "$($A blind "$P" status)"
check_match "the done is logged" "  $B  blind done  \\(1 changes\\)" "$($A log "$P")"

# the owner's undo takes back a blind step and a tie, and says so
check_rc "the owner lifts" 0 $A blind "$P" lift
check_rc "the owner undoes the lift" 0 $A undo "$P"
check "undo says what" "undid blind lift" "$OUT"
check_match "the session is back" 'revealed' "$($A blind "$P" status)"
check_rc "the owner starts a new session" 0 $A blind "$P" start $B,coder-a
check_match "hidden again" 'blind coding: on' "$($A blind "$P" status)"
check_rc "and undoes the start" 0 $A undo "$P"
check "undo names the start" "undid blind start" "$OUT"
check_match "the old session is back" 'revealed' "$($A blind "$P" status)"
check_match "the undo is logged, by the owner" "  $me  undo blind start  \\(" "$($A log "$P")"
check_rc "the owner adds coder-c" 0 $A coder add "$P" coder-c
check_rc "and ties it to herself" 0 $A coder add "$P" coder-c --account "$me"
check_match "the tie is logged" "  $me  coder tie  \\(1 changes\\)" "$($A log "$P")"
check_rc "undo the tie" 0 $A undo "$P"
check "undo names the tie" "undid coder tie" "$OUT"
check_match "coder-c is tied to no account" "^coder-c	coder-c\$" "$($A coders "$P")"
check_rc "nobody can act as it now" 1 $A tag "$P" d k --quote first --as coder-c
check_rc "undo the add" 0 $A undo "$P"
check "undo names the add" "undid coder add" "$OUT"
check "coder-c is gone" "" "$($A coders "$P" | grep coder-c)"

# a name given to another account stays given once used
check_rc "the owner adds coder-e" 0 $A coder add "$P" coder-e
check_rc "and gives it to $B" 0 $A coder add "$P" coder-e --account $B
check_rc "$B codes as coder-e" 0 asb $A memo add "$P" "a note" --as coder-e
coders=$($A coders "$P")
check_rc "the owner cannot take coder-e back" 1 $A coder add "$P" coder-e --account "$me"
check "and is told who holds it" "axial: cannot tie coder 'coder-e' to account '$me': it is held by account '$B'" "$ERR"
nothing_changed "refused take-back"
check_rc "nor by undoing the tie" 1 $A undo "$P"
check "undo is told who holds it" "axial: cannot undo or redo 'coder tie': it would take coder 'coder-e' from account '$B', which holds it" "$ERR"
nothing_changed "refused undo"
check_rc "$B undoes its memo as coder-e" 0 asb $A undo "$P" --as coder-e
check "and only that" "undid memo add" "$OUT"
check_rc "the name stays used: the owner still cannot undo the tie" 1 $A undo "$P"
nothing_changed "refused undo after $B's undo"
check_rc "the owner cannot act as consensus" 1 $A codings "$P" --as consensus
check_match "consensus is nobody's" "cannot act as coder 'consensus'" "$ERR"
check_rc "nor tie it" 1 $A coder add "$P" consensus --account "$me"
check_match "consensus is nobody's to tie" "cannot tie coder 'consensus'" "$ERR"
