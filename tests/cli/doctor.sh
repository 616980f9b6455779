# doctor.sh: `axial doctor` in each environment a researcher brings,
# simulated: a locale that is not UTF-8, mlterm, Konsole and kitty by the
# variables they set, tmux with allow-passthrough on and off (a fake tmux
# on PATH answers for it), a TERM without colours, and projects whose
# permissions break the sharing recipe in each way it can be broken.
# Each finding is one line; exit 0 only when nothing needs fixing; doctor
# changes nothing it looks at.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL

# A fake tmux: `tmux -V` and `tmux show-options -gv allow-passthrough`,
# answered from FAKE_PT ("on", "off", or "none": an older tmux without it)
mkdir fakebin
cat >fakebin/tmux <<'EOF'
#!/bin/sh
case "$*" in
-V) echo "tmux 3.4" ;;
"show-options -gv allow-passthrough")
	[ "$FAKE_PT" = none ] && { echo "invalid option: allow-passthrough" >&2; exit 1; }
	echo "$FAKE_PT" ;;
*) exit 1 ;;
esac
EOF
chmod 755 fakebin/tmux

# doc VAR=VALUE... -- ARGS...: doctor in exactly that environment (no
# terminal variable leaks in from the one running the tests), no terminal
# on stdin so it asks the terminal nothing; rc, OUT, ERR
doc() {
	set -- PATH="$T/fakebin:$PATH" HOME="$T" "$@"
	_env=""
	while [ "$1" != -- ]; do _env="$_env
$1"; shift; done
	shift
	printf '%s\n' "$_env" | sed '1d' >"$T/.env"
	# shellcheck disable=SC2046
	(IFS='
'; exec env -i $(cat "$T/.env") "$A" doctor "$@") </dev/null >"$T/.out" 2>"$T/.err"
	rc=$?
	OUT=$(cat "$T/.out"); ERR=$(cat "$T/.err")
}
# line TOPIC: doctor's line for TOPIC ("" when none)
line() { printf '%s\n' "$OUT" | grep -E "^[a-z]+ +$1: " | head -1; }
GOOD="LANG=C.UTF-8 TERM=xterm-256color"

# ---- all well: a private project, a UTF-8 locale, a colour terminal
umask 077
mkdir mine
$A init mine/p.axial >/dev/null
printf 'one interview\n' >i1.txt
$A import mine/p.axial i1.txt >/dev/null
# shellcheck disable=SC2086
doc $GOOD -- mine/p.axial
check "all well: exit 0" 0 "$rc"
check "all well: nothing to fix" "" "$(printf '%s\n' "$OUT" | grep '^fix')"
check "all well: nothing on stderr" "" "$ERR"
for topic in locale terminal tmux colours mouse project SQLite libraries; do
	check_match "all well: a line for $topic" "^ok +$topic: " "$OUT"
done
check_match "all well: the project is private" "^ok +project: mine/p.axial: mode 600, yours" "$OUT"
check_match "all well: 256 colours" "^ok +colours: 256$" "$OUT"
check_match "all well: SQLite's version" "^ok +SQLite: 3\.[0-9]+\.[0-9]+$" "$OUT"
check_match "all well: the libraries' versions" "^ok +libraries: ncurses .*FriBidi .*libxml2 .*libzip .*libunistring [0-9]" "$OUT"
n=$(printf '%s\n' "$OUT" | grep -cvE '^(ok|note|fix) +[A-Za-z]+: ')
check "every line is one finding" 0 "$n"
# options before or after the project
# shellcheck disable=SC2086
doc $GOOD -- --no-query mine/p.axial
check "--no-query before the project: the same report" 0 "$rc"
all=$OUT
# shellcheck disable=SC2086
doc $GOOD -- mine/p.axial --no-query
check "--no-query after the project: the same report" "$all" "$OUT"
# without a project: the environment alone
# shellcheck disable=SC2086
doc $GOOD --
check "no project: exit 0" 0 "$rc"
check "no project: no project line" "" "$(line project)"

# ---- the locale
doc LC_ALL=C TERM=xterm-256color -- mine/p.axial
check "LC_ALL=C: exit 1" 1 "$rc"
check "LC_ALL=C: says so, and what to do" \
    "fix   locale: the locale LC_ALL=C is not UTF-8, so Persian shows as blank cells: start axial with LC_ALL=C.UTF-8 (or fa_IR.UTF-8)" \
    "$(line locale)"
check "LC_ALL=C: the one thing to fix" 1 "$(printf '%s\n' "$OUT" | grep -c '^fix')"
doc LANG=C.UTF-8 LC_CTYPE=POSIX TERM=xterm-256color --
check_match "LC_CTYPE=POSIX: names LC_CTYPE" "^fix +locale: the locale LC_CTYPE=POSIX is not UTF-8" "$(line locale)"
doc TERM=xterm-256color --
check_match "no locale at all: says to set one" "^fix +locale: no UTF-8 locale is set.*LANG=C.UTF-8" "$(line locale)"
check "no locale at all: exit 1" 1 "$rc"

# ---- terminals by what they set
# shellcheck disable=SC2086
doc $GOOD MLTERM=3.9.3 --
check "mlterm: axial switches it, a note, exit 0" 0 "$rc"
check "mlterm: named, with --ctl=false for when it does not take" \
    "note  terminal: mlterm 3.9.3 (from MLTERM): axial switches its bidi off while it runs. mlterm reorders right-to-left text itself: if words look reversed, start it with --ctl=false" \
    "$(line terminal)"
# shellcheck disable=SC2086
doc $GOOD MLTERM=3.9.3 TMUX=/tmp/tmux-0/x,1,0 FAKE_PT=on --
check_match "mlterm under tmux: the switch cannot reach it, a fix" \
    "^fix +terminal: mlterm 3.9.3 \(MLTERM\): .*--ctl=false" "$(line terminal)"
check "mlterm under tmux: exit 1" 1 "$rc"
# shellcheck disable=SC2086
doc $GOOD KONSOLE_VERSION=230805 --
check "Konsole: exit 1" 1 "$rc"
check "Konsole: the profile setting to untick" \
    "fix   terminal: Konsole 230805 (KONSOLE_VERSION): Konsole reorders right-to-left text again: untick Bi-Directional text rendering in its profile (Advanced)" \
    "$(line terminal)"
# shellcheck disable=SC2086
doc $GOOD KITTY_WINDOW_ID=3 --
check "kitty: exit 1" 1 "$rc"
check_match "kitty: wrong in every mode, another terminal" \
    "^fix +terminal: kitty \(KITTY_WINDOW_ID\): kitty shows right-to-left words or numbers reversed in every mode: for Persian use " \
    "$(line terminal)"
doc LANG=C.UTF-8 TERM=xterm-kitty --
check_match "kitty by its TERM" "^fix +terminal: kitty \(TERM\)" "$(line terminal)"
# shellcheck disable=SC2086
doc $GOOD VTE_VERSION=7200 --
check "VTE: obeys the switch: ok" "ok    terminal: VTE 7200 (from VTE_VERSION) shows what axial lays out as it is" "$(line terminal)"
check "VTE: exit 0" 0 "$rc"

# ---- tmux and its passthrough
# shellcheck disable=SC2086
doc $GOOD TMUX=/tmp/tmux-0/x,1,0 FAKE_PT=on --
check "tmux, passthrough on: ok" \
    "ok    tmux: tmux 3.4 with allow-passthrough on: axial passes its bidi switch through to the outer terminal" "$(line tmux)"
check "tmux, passthrough on: exit 0" 0 "$rc"
# shellcheck disable=SC2086
doc $GOOD TMUX=/tmp/tmux-0/x,1,0 FAKE_PT=off --
check_match "tmux, passthrough off: the line for ~/.tmux.conf" \
    "^fix +tmux: tmux 3.4 swallows axial's bidi switch.*'set -g allow-passthrough on' to ~/.tmux.conf" "$(line tmux)"
check "tmux, passthrough off: exit 1" 1 "$rc"
# shellcheck disable=SC2086
doc $GOOD TMUX=/tmp/tmux-0/x,1,0 FAKE_PT=none --
check_match "tmux without the option: the outer terminal's setting" \
    "^fix +tmux: tmux 3.4 did not say whether allow-passthrough is on" "$(line tmux)"
# shellcheck disable=SC2086
doc $GOOD --
check "outside tmux: ok" "ok    tmux: not inside tmux" "$(line tmux)"

# ---- TERM: no colours, none at all, unknown
doc LANG=C.UTF-8 TERM=vt220 --
check_match "TERM=vt220: no colours, what to set" \
    "^fix +colours: TERM=vt220 has no colours, so codes differ only by their margin bars: if the terminal has colours, set TERM=xterm-256color" "$(line colours)"
check_match "TERM=vt220: no mouse, a note" "^note +mouse: TERM=vt220 reports no mouse" "$(line mouse)"
check "TERM=vt220: exit 1" 1 "$rc"
doc LANG=C.UTF-8 TERM=xterm --
check_match "TERM=xterm: 8 colours, a note" "^note +colours: TERM=xterm has 8 colours" "$(line colours)"
check "TERM=xterm: exit 0" 0 "$rc"
doc LANG=C.UTF-8 TERM=dumb --
check_match "TERM=dumb: a terminal type to set" "^fix +terminal: TERM is dumb: the workbench needs a terminal type" "$(line terminal)"
doc LANG=C.UTF-8 --
check_match "no TERM: a terminal type to set" "^fix +terminal: TERM is not set" "$(line terminal)"
doc LANG=C.UTF-8 TERM=no-such-terminal --
check_match "an unknown TERM: no terminfo entry" "^fix +colours: TERM=no-such-terminal has no terminfo entry" "$(line colours)"

# ---- the project against the sharing recipe
# perms DIR FILE: their modes and groups, to show doctor changed nothing
perms() { stat -c '%a %g' "$@" | tr '\n' ' '; }
# world-readable (umask 022)
umask 022
mkdir open
$A init open/p.axial >/dev/null
chmod 700 open
before=$(perms open open/p.axial)
# shellcheck disable=SC2086
doc $GOOD -- open/p.axial
check "world-readable: exit 1" 1 "$rc"
check "world-readable: says who can read it and the chmod" \
    "fix   project: open/p.axial is mode 644: other accounts can read it, blind codings included: chmod o-rwx open/p.axial" \
    "$(line project)"
check "world-readable: doctor changed nothing" "$before" "$(perms open open/p.axial)"

if [ "$(id -u)" = 0 ]; then
	G=$(id -g)	# a group root is in, so only the modes are at fault
	umask 007
	# a shared folder without the setgid bit
	mkdir shared
	chgrp "$G" shared && chmod 0770 shared
	$A init shared/p.axial >/dev/null
	# shellcheck disable=SC2086
	doc $GOOD -- shared/p.axial
	check "shared, no setgid: exit 1" 1 "$rc"
	check "shared, no setgid: chmod g+s" \
	    "fix   project: the shared folder shared has no setgid bit, so the -wal and -shm files SQLite makes take each coder's own group: chmod g+s shared" \
	    "$(line project)"
	# the recipe: 2770, 660, umask 007
	chmod 2770 shared
	# shellcheck disable=SC2086
	doc $GOOD -- shared/p.axial
	check "the recipe: exit 0" 0 "$rc"
	check_match "the recipe: ok, with its modes" \
	    "^ok +project: shared/p.axial: mode 660, group [^ ]+, folder 2770: as the sharing recipe sets them" "$OUT"
	# the file not group-writable
	chmod 640 shared/p.axial
	# shellcheck disable=SC2086
	doc $GOOD -- shared/p.axial
	check "shared, file 640: chmod g+rw" \
	    "fix   project: shared/p.axial is mode 640: the group cannot write it: chmod g+rw shared/p.axial" "$(line project)"
	chmod 660 shared/p.axial
	# another group's file in the study's folder
	chgrp 4242 shared/p.axial
	# shellcheck disable=SC2086
	doc $GOOD -- shared/p.axial
	check_match "shared, the file's group differs: chgrp to the folder's" \
	    "^fix +project: shared/p.axial belongs to group 4242, its folder to [^:]+: chgrp " "$OUT"
	check_match "shared, a group you are not in: the administrator's line" \
	    "^fix +project: you are not in group 4242, which shares shared/p.axial: ask the administrator \(usermod -aG 4242 YOU" "$OUT"
	chgrp "$G" shared/p.axial
	# a -wal that lost the group's write
	: >shared/p.axial-wal
	chmod 600 shared/p.axial-wal
	# shellcheck disable=SC2086
	doc $GOOD -- shared/p.axial
	check "shared, -wal 600: chmod g+rw" \
	    "fix   project: shared/p.axial-wal is mode 600, so the group cannot write it while the project says 660: chmod g+rw shared/p.axial-wal" \
	    "$(line project)"
	rm -f shared/p.axial-wal
	# the umask that takes the group's write from what SQLite makes
	umask 022
	# shellcheck disable=SC2086
	doc $GOOD -- shared/p.axial
	check "shared, umask 022: umask 007" \
	    "fix   project: your umask 022 takes the group's access from new files (SQLite's -wal and -shm, exports): umask 007 in your shell and ~/.profile" \
	    "$(line project)"
	umask 007
	# a folder the group cannot enter fully
	chmod 2750 shared
	chmod 660 shared/p.axial
	# shellcheck disable=SC2086
	doc $GOOD -- shared/p.axial
	check_match "shared, folder 2750: chmod g+rwx" "^fix +project: the shared folder shared is mode 2750; the recipe's is 2770: chmod g\+rwx shared" "$OUT"
	chmod 2770 shared
else
	skip "the sharing recipe's groups" "needs root to set a file's group"
fi

# a missing project: an error on stderr naming it, the rest still said
# shellcheck disable=SC2086
doc $GOOD -- missing.axial
check "missing project: exit 1" 1 "$rc"
check "missing project: named on stderr" "axial: missing.axial: No such file or directory" "$ERR"
check_match "missing project: the other findings still printed" "^ok +locale: " "$OUT"
check_rc "nothing created" 1 test -e missing.axial

# usage errors
doc -- a.axial b.axial
check "two projects: usage error" 2 "$rc"
check_match "two projects: the usage line" "^usage: axial doctor " "$ERR"
doc -- --bogus
check "an unknown option: usage error" 2 "$rc"
check_rc "the project is whole" 0 sqlite3 mine/p.axial 'PRAGMA integrity_check'
