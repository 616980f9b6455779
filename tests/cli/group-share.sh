# group-share.sh: a project shared by a Unix group, set up as the README
# says (setgid directory, umask 007), coded by two accounts; an account
# outside the group can neither read nor write it. Runs two real
# unprivileged identities with setpriv, so it needs root.
. "$AXIAL_SRC/tests/cli/lib.sh"
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null; then
	skip "group sharing" "needs root and setpriv to run two accounts (run make check as root)"
	exit 0
fi
# the other accounts run a copy: the checkout may sit under a directory
# only its owner can enter (mktemp -d, a 0700 home)
chmod 755 "$T"
cp "$AXIAL" "$T/axial"
chmod 755 "$T/axial"
A=$T/axial
G=4242	# the study's group (a gid no account uses)
as() {	# as USER CMD...: run with the study group as a supplementary group
	u=$1; shift
	setpriv --reuid="$u" --regid="$(id -g "$u")" --groups=$G sh -c 'umask 007; exec "$@"' sh "$@"
}
stranger() {
	setpriv --reuid=bin --regid="$(id -g bin)" --clear-groups sh -c 'exec "$@"' sh "$@"
}
chmod 755 "$T"
mkdir "$T/study"
chgrp $G "$T/study"
chmod 2770 "$T/study"
printf 'one interview\n' >"$T/i1.txt"
chmod 644 "$T/i1.txt"
check_rc "daemon creates the project" 0 as daemon $A init "$T/study/s.axial"
check_rc "daemon imports" 0 as daemon $A import "$T/study/s.axial" "$T/i1.txt"
check_rc "daemon adds a code" 0 as daemon $A code add "$T/study/s.axial" k
check "the file is the group's, not the world's" "660 $G" "$(stat -c '%a %g' "$T/study/s.axial")"
check_rc "nobody codes (group member)" 0 as nobody $A tag "$T/study/s.axial" i1 k 0 3
check_rc "daemon codes too" 0 as daemon $A tag "$T/study/s.axial" i1 k 4 13
check "two coders by OS account" "daemon
nobody" "$($A codings "$T/study/s.axial" --json | grep -o '"coder":"[a-z]*"' | cut -d'"' -f4 | sort)"
check_rc "nobody cannot undo daemon's work" 0 as nobody $A undo "$T/study/s.axial"
check "nobody's undo took only nobody's coding" "daemon" "$($A codings "$T/study/s.axial" --json | grep -o '"coder":"[a-z]*"' | cut -d'"' -f4)"
check_rc "nobody cannot act as daemon" 1 as nobody $A tag "$T/study/s.axial" i1 k 0 3 --as daemon
check_rc "an account outside the group cannot read" 1 stranger $A docs "$T/study/s.axial"
check_match "and is told why" 'Permission denied|cannot open' "$ERR"
for f in "$T"/study/*; do
	case $(stat -c %a "$f") in *[2367]) notok "no file is world-writable" "$f $(stat -c %a "$f")" ;; esac
done
ok "no file is world-writable"

# ---- blind beyond doubt (README, "A study that must be blind beyond
# doubt"): each coder codes a private copy, hands it in through a file only
# the owner can read, and the owner merges. sys is the second coder.
B=$T/study/b.axial
check_rc "owner makes the study" 0 as daemon $A init "$B"
as daemon $A import "$B" "$T/i1.txt" >/dev/null
as daemon $A code add "$B" k >/dev/null
check_rc "owner makes the hand-in folder" 0 as daemon mkdir -m 2710 "$T/study/handin"
for u in nobody sys; do
	check_rc "owner makes $u's hand-in file" 0 as daemon install -m 0620 /dev/null "$T/study/handin/$u.axial"
done
mkdir "$T/homes" && chmod 1777 "$T/homes"
for u in nobody sys; do
	check_rc "$u copies the study privately" 0 as $u sh -c 'umask 077; mkdir "$1" && cp "$2" "$1/b.axial"' sh "$T/homes/$u" "$B"
	check "$u's folder and copy are $u's alone" "700 $u 600 $u" \
		"$(stat -c '%a %U' "$T/homes/$u") $(stat -c '%a %U' "$T/homes/$u/b.axial")"
done
check_rc "nobody codes the copy" 0 as nobody $A tag "$T/homes/nobody/b.axial" i1 k 0 3
check_rc "sys codes the copy" 0 as sys $A tag "$T/homes/sys/b.axial" i1 k 4 13
check_rc "sys cannot read nobody's copy" 1 as sys $A codings "$T/homes/nobody/b.axial"
check "nothing left beside a closed copy" "b.axial" "$(ls "$T/homes/nobody")"
check_rc "nobody hands in" 0 as nobody sh -c 'cat "$1" >"$2"' sh "$T/homes/nobody/b.axial" "$T/study/handin/nobody.axial"
check_rc "sys hands in" 0 as sys sh -c 'cat "$1" >"$2"' sh "$T/homes/sys/b.axial" "$T/study/handin/sys.axial"
check "hand-ins stay the owner's, writable but not readable by the group" "620 daemon 620 daemon" \
	"$(stat -c '%a %U' "$T/study/handin/nobody.axial") $(stat -c '%a %U' "$T/study/handin/sys.axial")"
check_rc "sys cannot read nobody's hand-in" 1 as sys $A codings "$T/study/handin/nobody.axial"
check_rc "nor list the hand-in folder" 2 as sys ls "$T/study/handin"
check_rc "the owner merges nobody's copy" 0 as daemon $A merge "$B" "$T/study/handin/nobody.axial"
check_rc "the owner merges sys's copy" 0 as daemon $A merge "$B" "$T/study/handin/sys.axial"
check "both coders' work is in the study" "nobody 0 3
sys 4 13" "$($A codings "$B" --json | python3 -c 'import json, sys
for c in sorted(json.load(sys.stdin), key=lambda c: c["coder"]): print(c["coder"], c["start"], c["end"])')"
modes=$(find "$T/study" ! -name '*-wal' ! -name '*-shm' -exec stat -c '%n %a' {} + | sed "s|$T/||" | sort)
check "every file as the README says, none wider" "study 2770
study/b.axial 660
study/handin 2710
study/handin/nobody.axial 620
study/handin/sys.axial 620
study/s.axial 660" "$modes"
# SQLite's side files (a read-only open leaves them) take their database's mode
wider=""
for f in $(find "$T/study" -name '*-wal' -o -name '*-shm'); do
	[ "$(stat -c %a "$f")" = "$(stat -c %a "${f%-*}")" ] || wider="$wider $f"
done
check "side files no wider than their project" "" "$wider"
