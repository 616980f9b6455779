#!/bin/sh
# ui-screen.sh: the workbench inside GNU screen (itself inside tmux, which
# only serves as the outer terminal we can read): it opens, draws Persian in
# visual order, codes by keys, resizes, and quits with screen's terminal
# given back. TERM=screen-256color and plain screen, as screen sets them.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"
command -v screen >/dev/null 2>&1 || { echo "not ok - GNU screen is not installed (scripts/deps.sh installs it)"; exit 1; }

F="$T/fa.axial"
cp "$BUILD/egov-fa.axial" "$F"
# a code's name as the text engine lays it out (visual order, shaped): what
# a terminal without bidi of its own must show
code=$("$AXIAL" codes "$F" | sed -n '3s/^ *- \(.*\) ([0-9]*) .*/\1/p')
visual=$(printf '%s\n' "$code" | "$AXIAL" cat --width 200 - | sed 's/^ *//')

for term in screen-256color screen; do
	start "TERM=xterm-256color screen -c /dev/null -q -T $term -S axial-e2e-$$ '$AXIAL' '$F' --as coder-a"
	check_screen "$term: opens inside GNU screen" "1/14"
	check_screen "$term: a Persian code name in visual order" "$visual"
	if [ "$term" = screen-256color ]; then
		keys j v w w a
		check_screen "$term: the code finder opens" "apply code"
		literal "سامانه"
		keys Enter
		check_screen "$term: a Persian code applies" "coded "
		n=$("$AXIAL" codings "$F" --coder coder-a --json | json "len(d)")
		m=$("$AXIAL" codings "$BUILD/egov-fa.axial" --coder coder-a --json | json "len(d)")
		check "$term: the project holds one more coding" $((m + 1)) "$n"
		$TM resize-window -t t -x 90 -y 30 2>/dev/null || $TM resize-pane -t t -x 90 -y 30
		check_screen "$term: redrawn after a resize" "1/14"
	fi
	keys q
	check_screen "$term: quits, screen ends with status 0" "AXIAL-EXIT=0"
	check_screen "$term: the terminal is restored" "TTY-RESTORED"
done
