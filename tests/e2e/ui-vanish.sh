#!/bin/sh
# ui-vanish.sh: the project file deleted, moved away or replaced by another
# project while the workbench has it open (docs/security.md §2.5). The
# workbench notices, says so on the status line, writes nothing more into
# the file (nor into the one now at its path), keeps the coding the user
# makes next in memory, and the save-as key writes everything, that coding
# included, to a new file and goes on working there.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

A=$AXIAL
awk 'BEGIN { for (i = 0; i < 20; i++) printf "Speaker %d: this is paragraph %d of a long interview.\n", i % 2, i }' >"$T/d.txt"
mkproj() {
	$A init "$1" >/dev/null && $A import "$1" "$T/d.txt" >/dev/null &&
	    $A code add "$1" k >/dev/null
}
ncodings() { $A codings "$1" --json | grep -o '"id":' | wc -l; }
# code_line: select a word on the next line and apply code k
code_line() {
	keys j v w a
	wait_for "apply code" 10 || return 1
	literal k
	keys Enter
}
# save_as PATH: the save-as key, a path typed over the suggestion
save_as() {
	keys C-s
	wait_for "save the whole project to a new file" 10 || return 1
	keys C-u
	literal "$1"
	keys Enter
}
MOVED="was moved, deleted or replaced while open"

# ---- the file is deleted
P="$T/rm.axial"
mkproj "$P"
start "TERM=xterm-256color '$A' '$P'"
check_screen "opens" "codes ("
code_line
check_screen "a first coding" "coded "
check "it is saved" 1 "$(ncodings "$P")"
rm "$P"
check_screen "the workbench notices the file is gone" "$MOVED"
check_screen "and names the file" "rm.axial $MOVED"
check_screen "the hints offer the save-as key" "C-s save-as"
code_line
check_screen "the next coding is kept in memory, and it says so" "only in memory"
check_match "the held coding shows in the tree" '• k +2' "$(screen)"
code_line
check_screen "one more is refused: nothing was written" "nothing was written"
check "nothing was recreated at the path" "" "$(ls "$T" | grep '^rm\.axial$')"
save_as "$T/saved1.axial"
check_screen "save-as says where the work went" "saved to $T/saved1.axial"
check "the new file holds both codings, the held one too" 2 "$(ncodings "$T/saved1.axial")"
code_line
check_screen "coding goes on in the new file" "coded "
check "and is saved there" 3 "$(ncodings "$T/saved1.axial")"
keys q
check_screen "quits" "AXIAL-EXIT=0"
check_screen "the terminal is sane" "TTY-RESTORED"
check "the new file is whole" ok "$(sqlite3 "$T/saved1.axial" 'PRAGMA integrity_check')"
check "still nothing at the old path" "" "$(ls "$T" | grep '^rm\.axial$')"

# ---- the file is moved away; quitting asks before losing the held coding
P="$T/mv.axial"
mkproj "$P"
start "TERM=xterm-256color '$A' '$P'"
check_screen "opens" "codes ("
code_line
check_screen "a first coding" "coded "
mv "$P" "$T/elsewhere.axial"
check_screen "the workbench notices the move" "mv.axial $MOVED"
code_line
check_screen "the next coding is kept in memory" "only in memory"
keys q
check_screen "quitting asks first" "quit and lose"
keys n
check_screen "no: the workbench stays, and says why it asked" "only in memory"
check "still running" "" "$(screen | grep AXIAL-EXIT)"
save_as "$T/saved1.axial"
check_screen "an existing file is not overwritten" "already exists"
save_as "$T/saved2.axial"
check_screen "saved" "saved to $T/saved2.axial"
check "the new file holds both codings" 2 "$(ncodings "$T/saved2.axial")"
keys q
check_screen "then quits at once" "AXIAL-EXIT=0"
check_screen "the terminal is sane" "TTY-RESTORED"
check "the moved file holds what was saved before the move, by itself" 1 \
    "$(ncodings "$T/elsewhere.axial")"
check "and is whole" ok "$(sqlite3 "$T/elsewhere.axial" 'PRAGMA integrity_check')"

# ---- the file is replaced by another project (mv of a new file onto it)
P="$T/rep.axial"
mkproj "$P"
mkproj "$T/other.axial"
$A tag "$T/other.axial" d k 0 7 >/dev/null
start "TERM=xterm-256color '$A' '$P'"
check_screen "opens" "codes ("
code_line
check_screen "a first coding" "coded "
cp "$T/other.axial" "$T/incoming.axial"
sum=$(sha256sum <"$T/incoming.axial")
mv "$T/incoming.axial" "$P"
check_screen "the workbench notices the replacement" "rep.axial $MOVED"
code_line
check_screen "the next coding is kept in memory" "only in memory"
check "nothing was written into the replacing project" "$sum" "$(sha256sum <"$P")"
save_as "$T/saved3.axial"
check_screen "saved" "saved to $T/saved3.axial"
keys q
check_screen "quits" "AXIAL-EXIT=0"
check_screen "the terminal is sane" "TTY-RESTORED"
check "the replacing project is untouched after quitting" "$sum" "$(sha256sum <"$P")"
check "it shows only its own coding" "0-7" \
    "$($A codings "$P" --json | grep -o '"start":[0-9]*,"end":[0-9]*' | sed 's/"start"://; s/,"end":/-/')"
check "and is whole" ok "$(sqlite3 "$P" 'PRAGMA integrity_check')"
check "the new file holds the workbench's two codings" 2 "$(ncodings "$T/saved3.axial")"

# ---- a read-only view that cannot follow: a reader who cannot write the
# folder reads the file alone (immutable); when a coder who can write it
# codes, the reader is told, not left looking at an old state
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
	chmod 755 "$T"
	cp "$A" "$T/axial"
	chmod 755 "$T/axial"
	mkdir "$T/ro"
	P="$T/ro/view.axial"
	mkproj "$P"
	chmod 644 "$P"
	chmod 555 "$T/ro"
	start "TERM=xterm-256color setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups '$T/axial' '$P'"
	check_screen "a reader who cannot write the folder opens it" "codes ("
	$A tag "$P" d k 0 7 >/dev/null	# root writes through the folder's mode
	check_screen "a coder codes: the reader is told its view cannot follow" \
	    "view.axial has changed since it was opened"
	keys q
	check_screen "quits" "AXIAL-EXIT=0"
	check_screen "the terminal is sane" "TTY-RESTORED"
	chmod 755 "$T/ro"
else
	skip "a read-only view that cannot follow" "needs root, setpriv and the account nobody"
fi
