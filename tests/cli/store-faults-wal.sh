#!/bin/sh
# store-faults-wal.sh: a project in a folder the reader cannot write,
# holding a -wal with the latest changes but no -shm (a copy of a folder
# taken while a coder had the project open, or a crash). Such a file can
# only be read immutable, from the main file alone, which would show it
# without the latest codings: it is refused with the reason and what to
# do (docs/security.md §2.1). With an empty or no -wal it opens. Needs an
# account that cannot write the folder: as root, nobody through setpriv.
. "$AXIAL_SRC/tests/cli/lib.sh"
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null ||
    ! id nobody >/dev/null 2>&1; then
	skip "read-only folder with a -wal" "needs root, setpriv and the account nobody (as root, nothing is read-only)"
	exit 0
fi
chmod 755 "$T"
cp "$AXIAL" "$T/axial"
chmod 755 "$T/axial"
A=$T/axial
nobody() { setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups "$@"; }
printf 'one interview about the river\n' >"$T/i1.txt"

P="$T/study.axial"
$A init "$P" >/dev/null
$A import "$P" "$T/i1.txt" >/dev/null
$A code add "$P" k >/dev/null
$A tag "$P" i1 k 0 3 >/dev/null
# another connection stays open, so the next coding stays in the -wal
( echo "SELECT 'open', count(*) FROM codings;"; while [ ! -e "$T/release" ]; do sleep 0.05; done ) |
    sqlite3 "$P" >"$T/held" &
holder=$!
n=0; while ! grep -q open "$T/held" 2>/dev/null && [ $n -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
$A tag "$P" i1 k 4 15 >/dev/null
mkdir "$T/ro"
cp "$P" "$P-wal" "$T/ro/"
touch "$T/release"
wait $holder
check "the copy has a -wal with the latest coding" yes "$([ -s "$T/ro/study.axial-wal" ] && echo yes)"
check "and no -shm" no "$([ -e "$T/ro/study.axial-shm" ] && echo yes || echo no)"
chmod 644 "$T/ro/study.axial" "$T/ro/study.axial-wal"
chmod 555 "$T/ro"
sum=$(cat "$T/ro/study.axial" "$T/ro/study.axial-wal" | sha256sum)

check_rc "a reader who cannot write the folder is refused" 1 nobody $A codings "$T/ro/study.axial"
check_match "with the reason and what to do" \
    "study.axial: its folder is read-only and the latest changes are still in .*study.axial-wal; ask the owner to open it once, or copy the folder" "$ERR"
check "nothing is shown" "" "$OUT"
check_rc "the workbench's summary too" 1 nobody $A "$T/ro/study.axial"
check_match "says the same" "latest changes are still in" "$ERR"
check "nothing changed in the folder" "$sum" "$(cat "$T/ro/study.axial" "$T/ro/study.axial-wal" | sha256sum)"
check "no -shm was made" no "$([ -e "$T/ro/study.axial-shm" ] && echo yes || echo no)"

# the owner opens it once (here: root, who can write the folder): the log
# goes into the file, and the reader sees both codings
check_rc "the owner opens it" 0 $A codings "$T/ro/study.axial"
check_rc "then the reader can" 0 nobody $A codings "$T/ro/study.axial" --json
check "and sees the latest coding" 2 "$(printf '%s\n' "$OUT" | grep -o '"id":' | wc -l)"

# an empty -wal holds nothing: it opens (immutable, as before)
: >"$T/ro/study.axial-wal"	# root writes through the folder's mode
rm -f "$T/ro/study.axial-shm"
check_rc "an empty -wal and no -shm: it opens" 0 nobody $A codings "$T/ro/study.axial" --json
check "with every coding" 2 "$(printf '%s\n' "$OUT" | grep -o '"id":' | wc -l)"
chmod 755 "$T/ro"
