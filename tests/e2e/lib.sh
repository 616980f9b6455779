# lib.sh: helpers for the end-to-end tests that drive the real binary
# inside tmux (sourced after tests/cli/lib.sh). Each test gets a private
# tmux server (-L), killed on exit. Waits poll the screen with a deadline
# instead of sleeping a fixed time, so a loaded machine only makes them
# slower, not flaky.
command -v tmux >/dev/null 2>&1 || { echo "not ok - tmux is not installed (scripts/deps.sh installs it)"; exit 1; }
# UTF-8 everywhere: tmux decides from the client's locale, axial from its own
export LANG=C.UTF-8 LC_ALL=C.UTF-8
SOCK="axial-e2e-$$"
NSESS=0
TM="tmux -L $SOCK-0 -f /dev/null"
# every server this test started, also when it is interrupted
e2e_cleanup() {
	_i=0
	while [ $_i -le $NSESS ]; do
		tmux -L "$SOCK-$_i" -f /dev/null kill-server 2>/dev/null
		rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK-$_i"
		_i=$((_i + 1))
	done
	rm -rf "$T"
}
trap e2e_cleanup EXIT
trap 'exit 1' INT TERM HUP PIPE

# start CMD...: a 120x40 session running CMD; ends with a marker line so
# tests can see the exit status and that the shell got the terminal back.
start() {
	# a previous session told to quit gets to exit by itself first: killing
	# it mid-exit can leave a sanitizer build hanging in its leak check
	if [ "${NSESS:-0}" -gt 0 ] && screen 2>/dev/null | grep -q .; then
		wait_for "AXIAL-EXIT" 5 || true
	fi
	$TM kill-server 2>/dev/null
	NSESS=$((NSESS + 1))	# a fresh server: no race with the old one exiting
	TM="tmux -L $SOCK-$NSESS -f /dev/null"
	$TM new-session -d -x 120 -y 40 -s t \
	    "$*; echo \"AXIAL-EXIT=\$?\"; if stty -a | tr ' ;' '\n\n' | grep -qx icanon && stty -a | tr ' ;' '\n\n' | grep -qx echo; then echo TTY-RESTORED; else echo TTY-RAW; fi; sleep 600"
}
screen() { $TM capture-pane -p -t t; }
keys() { $TM send-keys -t t "$@"; }
literal() { $TM send-keys -t t -l "$1"; }
# wait_for TEXT [SECONDS]: polls every 0.1 s; 0 once TEXT is on screen.
wait_for() {
	_deadline=$(( $(date +%s%N) / 1000000 + ${2:-10} * 1000 ))
	while :; do
		screen | grep -qF -- "$1" && return 0
		[ $(( $(date +%s%N) / 1000000 )) -ge $_deadline ] && return 1
		sleep 0.1
	done
}
# wait_gone TEXT [SECONDS]
wait_gone() {
	_deadline=$(( $(date +%s%N) / 1000000 + ${2:-10} * 1000 ))
	while :; do
		screen | grep -qF -- "$1" || return 0
		[ $(( $(date +%s%N) / 1000000 )) -ge $_deadline ] && return 1
		sleep 0.1
	done
}
# check_screen NAME TEXT [SECONDS]
check_screen() {
	if wait_for "$2" "${3:-10}"; then ok "$1"; else
		notok "$1" "not on screen: $2" "screen:" "$(screen)"; fi
}
# row_of TEXT: the 1-based screen row of the first line holding TEXT
row_of() { screen | grep -nF -- "$1" | head -1 | cut -d: -f1; }
# col_of TEXT: the 1-based screen column where TEXT first starts (counted
# in characters, which is columns for everything but wide letters)
col_of() {
	screen | python3 -c 'import sys
t = sys.argv[1]
for l in sys.stdin.read().split("\n"):
    if t in l:
        print(l.index(t) + 1)
        break' "$1"
}
# SGR mouse reports (xterm 1006): press, motion with button 1, release
mouse_drag() {	# col1 row1 col2 row2 (1-based)
	literal "$(printf '\033[<0;%d;%dM' "$1" "$2")"
	sleep 0.1	# a hand takes longer; a slow (sanitized) build needs it
	literal "$(printf '\033[<32;%d;%dM' "$3" "$4")"
	sleep 0.1
	literal "$(printf '\033[<0;%d;%dm' "$3" "$4")"
}
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# third_coder PROJECT: adds coder-c (this account) to a sample project,
# coding every third of coder-b's codings again: a set of three coders
# that agree in part
third_coder() {
	"$AXIAL" coder add "$1" coder-c --account "$(id -un)" >/dev/null
	"$AXIAL" codings "$1" --json | python3 -c '
import json, sys
for i, c in enumerate(x for x in json.load(sys.stdin) if x["coder"] == "coder-b"):
    if i % 3 == 0:
        print("%s\t%s\t%d\t%d" % (c["document"], c["code"], c["start"], c["end"]))
' | while IFS="$(printf '\t')" read -r _doc _code _s _e; do
		"$AXIAL" tag "$1" "$_doc" "$_code" "$_s" "$_e" --as coder-c >/dev/null
	done
}
# set_of_three PROJECT: opens it as coder-a in the agreement view (I) with
# A coder-a and B coder-b, then + adds coder-c (third_coder); checks each
# step, the last the line that names the set
set_of_three() {
	start "TERM=xterm-256color '$AXIAL' '$1' --as coder-a"
	check_screen "opens" "codes ("
	keys I
	check_screen "three coders: the finder asks for coder A" "coder A"
	literal "coder-a"
	keys Enter
	check_screen "then for coder B" "coder B"
	literal "coder-b"
	keys Enter
	check_screen "the view compares A and B" "agreement: A coder-a, B coder-b"
	check_screen "A's and B's rows first" "prev      AC1"
	keys +
	check_screen "+ asks which coder to add" "add a coder to the agreement set"
	literal "coder-c"
	keys Enter
	check_screen "the view names the set its figures cover" \
	    "set coder-a, coder-b, coder-c: every figure below covers all 3"
}
# json PYTHON-EXPR: evaluates the expression over the JSON on stdin (as d)
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
