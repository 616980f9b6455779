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
