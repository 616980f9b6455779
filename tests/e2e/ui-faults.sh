#!/bin/sh
# ui-faults.sh: the workbench when things go wrong. The project broken
# under it by another program: it says so rather than going stale. And the
# terminal is given back when the workbench crashes
# (SIGSEGV, SIGABRT: a bug, a failed assertion, a sanitizer's abort): the
# shell gets canonical mode with echo back, the alternate screen, mouse
# reporting and a hidden cursor are undone (as tmux sees the pane), and a
# message says what happened. q and SIGTERM are in ui-tmux.sh, SIGHUP (a
# dropped connection) in ui-ssh.sh.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

N=0

# pane_modes: what tmux believes the program left on: alternate screen,
# any mouse mode, button-event mouse, cursor visible
pane_modes() {
	$TM display -p -t t '#{alternate_on} #{mouse_any_flag} #{mouse_button_flag} #{cursor_flag}'
}
open_ui() {	# open_ui NAME: a fresh copy of the sample each time
	N=$((N + 1)); P="$T/en$N.axial"
	cp "$BUILD/remote-work-en.axial" "$P"
	start "TERM=xterm-256color '$AXIAL' '$P' --as coder-a"
	check_screen "$1: the workbench opens" "codes ("
	check "$1: mouse reporting on while it runs" "1 1 1" \
	    "$(pane_modes | cut -d' ' -f1-3)"
}
restored() {	# restored NAME STATUS
	check_screen "$1: the shell sees status $2" "AXIAL-EXIT=$2"
	check_screen "$1: canonical mode and echo are back" "TTY-RESTORED"
	check "$1: alternate screen, mouse modes off, cursor shown" "0 0 0 1" \
	    "$(pane_modes)"
}
ui_pid() { pgrep -f -- "^$AXIAL $P --as coder-a\$" | head -1; }

# crashes: the handler restores the terminal and dies of the same signal
for sig in SEGV ABRT; do
	open_ui "SIG$sig"
	keys v w	# a selection in progress: curses is mid-session
	pid=$(ui_pid)
	if [ -z "$pid" ]; then
		notok "SIG$sig: found axial's pid" "$(pgrep -af axial)"
		continue
	fi
	kill -"$sig" "$pid"
	# the shell's 128 + signal; under ASan its own SEGV report runs after
	# ours (the handler chains to it) and exits with status 1
	case $sig in SEGV) st=139 ;; ABRT) st=134 ;; esac
	[ -n "${AXIAL_ASAN:-}" ] && [ "$sig" = SEGV ] && st=1
	restored "SIG$sig" "$st"
	check_screen "SIG$sig: it says it crashed and that saved work is safe" \
	    "every action shown as done is saved"
	check_rc "SIG$sig: the project is intact" 0 sh -c \
	    "test \"\$(sqlite3 '$P' 'PRAGMA integrity_check')\" = ok"
done

# another program breaks the project's change log while the workbench is
# open: the next refresh fails, and the status line says why
open_ui "broken change log"
sqlite3 "$P" "PRAGMA foreign_keys = off; DROP TABLE changes; CREATE TABLE changes(x);"
check_screen "broken change log: the status line says the UI cannot follow" \
    "cannot follow the project's changes"
keys q
check_screen "broken change log: q still quits cleanly" "AXIAL-EXIT=0"
