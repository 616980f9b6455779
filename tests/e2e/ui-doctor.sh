#!/bin/sh
# ui-doctor.sh: what the workbench says at start about the screen, in
# tmux: the terminal's known trouble with right-to-left text (kitty, by
# KITTY_WINDOW_ID) once on the status line, a locale that is not UTF-8
# (LC_ALL=C), tmux's passthrough taken when tmux allows it; mlterm's own
# bidi switched off and back on (the raw bytes, through script(1)); and
# `axial doctor` on a real terminal: it asks the terminal its name and
# leaves no byte of the answers behind.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

P="$T/en.axial"
cp "$BUILD/remote-work-en.axial" "$P"
# no variable of the terminal running the tests leaks in
CLEAN="env -u KITTY_WINDOW_ID -u MLTERM -u KONSOLE_VERSION -u VTE_VERSION -u TERM_PROGRAM -u WT_SESSION -u XTERM_VERSION"

# kitty: the hint, once
start "$CLEAN KITTY_WINDOW_ID=1 TERM=xterm-256color '$AXIAL' '$P'"
check_screen "kitty: the status line says what to change" "kitty shows right-to-left words or numbers reversed in every mode"
check "kitty: on one line only" 1 "$(screen | grep -c 'kitty shows')"
keys v w
check_screen "a selection's message takes its place" "sel "
if wait_gone "kitty shows" 5; then ok "kitty: the hint is gone after the next message"; else
	notok "kitty: the hint is gone after the next message" "$(screen | tail -2)"; fi
$TM resize-window -t t -x 100 -y 30
wait_for "sel " 5
check "kitty: a redraw does not bring it back" 0 "$(screen | grep -c 'kitty shows')"
keys Escape q
check_screen "kitty: quits" "AXIAL-EXIT=0"

# LC_ALL=C: the locale, before anything about the terminal
start "$CLEAN KITTY_WINDOW_ID=1 LC_ALL=C TERM=xterm-256color '$AXIAL' '$P'"
check_screen "LC_ALL=C: the status line names the locale and the fix" "the locale LC_ALL=C is not UTF-8, so Persian shows as blank cells"
keys q
check_screen "LC_ALL=C: quits" "AXIAL-EXIT=0"

# tmux: its allow-passthrough decides whether the bidi switch can pass
start "$CLEAN TERM=xterm-256color '$AXIAL' '$P'"
check_screen "passthrough off: tmux warned about" "inside tmux the outer terminal may reorder"
check "a terminal without known trouble: no terminal hint" 0 "$(screen | grep -cE 'kitty|Konsole|mlterm|locale')"
keys q
wait_for "AXIAL-EXIT" 5
start "tmux set -g allow-passthrough on; $CLEAN TERM=xterm-256color '$AXIAL' --theme dark '$P'"
check_screen "passthrough on, an option before the project: started" "? for help"
check "passthrough on: no warning, axial passes the switch through" 0 "$(screen | grep -c 'inside tmux')"
keys q
check_screen "passthrough on: quits" "AXIAL-EXIT=0"

# axial doctor on a real terminal (tmux answers XTVERSION and DA1 itself):
# it names it, ends, and no byte of the answers reaches the shell after it
start "$CLEAN TERM=xterm-256color bash -c '\"$AXIAL\" doctor; if read -r -t 1 -n 1 c; then echo LEFTOVER; else echo NOTHING-LEFT; fi'"
check_screen "doctor asks the terminal its name" "terminal: it calls itself tmux"
check_screen "doctor leaves nothing in the input" "NOTHING-LEFT"
check "no leftover bytes" 0 "$(screen | grep -c LEFTOVER)"
check_screen "doctor ends" "AXIAL-EXIT="

# mlterm: its own switch before the first text, back on at exit; none
# with --bidi terminal (its bidi is then wanted)
command -v script >/dev/null || { notok "script(1) is needed" "install bsdutils"; exit 0; }
rawrun() {	# rawrun OUT ARGS...: the workbench on a pty, quit after a second
	out=$1; shift
	(sleep 1.5; printf q) | $CLEAN MLTERM=3.9.3 TERM=xterm-256color TMUX= \
	    script -qfec "'$AXIAL' '$P' $*" "$out" >/dev/null 2>&1
}
rawrun ml.raw
off=$(grep -abo "$(printf '\033\\]5379;use_ctl=false')" ml.raw | head -1 | cut -d: -f1)
on=$(grep -abo "$(printf '\033\\]5379;use_ctl=true')" ml.raw | tail -1 | cut -d: -f1)
first=$(grep -abo "Interviewer" ml.raw | head -1 | cut -d: -f1)
check_match "mlterm: its bidi is switched off" '^[0-9]+$' "$off"
check "mlterm: before any text is drawn" 1 "$([ -n "$off" ] && [ -n "$first" ] && [ "$off" -lt "$first" ] && echo 1)"
check "mlterm: and back on at exit, after the text" 1 "$([ -n "$on" ] && [ -n "$first" ] && [ "$on" -gt "$first" ] && echo 1)"
rawrun mlterm-term.raw --bidi terminal
check_rc "mlterm, --bidi terminal: its bidi is left alone" 1 grep -q "$(printf '\033\\]5379')" mlterm-term.raw
