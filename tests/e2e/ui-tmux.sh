#!/bin/sh
# ui-tmux.sh: the workbench end to end, in tmux: the real binary on a copy
# of the sample projects, driven by send-keys (and SGR mouse reports for a
# drag), checked on the captured screen and on the project's contents
# through the CLI's JSON.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

P="$T/en.axial"
cp "$BUILD/remote-work-en.axial" "$P"
parent_of() {	# parent_of NAME: the parent id of a node, from axial codes --json
	"$AXIAL" codes "$P" --json | json "[n['parent'] for n in d if n['name']=='$1'][0]"
}
id_of() {
	"$AXIAL" codes "$P" --json | json "[n['id'] for n in d if n['name']=='$1'][0]"
}

start "TERM=xterm-256color '$AXIAL' '$P' --as coder-a"
check_screen "opens the sample: transcript" "Interviewer: Can you tell me how remote working"
check_screen "code tree with roles and counts" "[causal] Pressures toward remote work"
check_screen "status line shows the caret" "@0"

# movement: a word forward, then a line down and back
keys w
check_screen "w moves a word" "@13"
keys j
wait_gone "@13" 5; keys k
check_screen "j then k comes back to the same column" "@13"

# select two words and apply a code through the finder
keys v w w
check_screen "v w w selects" "sel 13-21"
keys a
check_screen "a opens the code finder" "apply code"
literal "laptop roll"
check_screen "finder filters as you type" "(1/"
keys Enter
check_screen "coding applied, reported in the status line" "coded 13-20 as Laptop rollout"
n=$("$AXIAL" codings "$P" --code "Laptop rollout" --coder coder-a --json |
    json "len([c for c in d if c['start']==13 and c['end']==20])")
check "the project holds the new coding 13-20 by coder-a" 1 "$n"
check_screen "codes at the caret in the status line" "[Laptop rollout]"

# search, then an in-vivo code from the selected words
keys /
check_screen "search prompt" "search"
literal "phone call"
keys Enter
check_screen "search moves the caret to the hit" "@107"
keys v w w w w w i
check_screen "in-vivo code created and applied" "coded as phone call on a Friday"
n=$("$AXIAL" codes "$P" --json | json "len([n for n in d if n['name']=='phone call on a Friday' and n['codings']==1])")
check "the in-vivo code exists with its coding" 1 "$n"

# apply the last code again elsewhere, then remove it
keys '}' v w '.'
check_screen "apply again (.)" "as phone call on a Friday"
keys x
check_screen "x removes my coding at the caret" "removed coding"

# code tree: move a code into a category by the move-to finder
keys Tab
check_screen "Tab focuses the code tree" "tree-mark"
keys g j j
keys t
check_screen "t opens the move-to finder" "move to category"
literal "cost pressures"
wait_for "> cost pressures" 5
keys Enter
check_screen "moved by keys" "moved 1 into Cost pressures"
check "Office closure order is now under Cost pressures" "$(id_of 'Cost pressures')" "$(parent_of 'Office closure order')"

# several codes by mark, cut and paste
keys g
wait_for "Pressures toward" 5
keys j j Space Space
check_screen "two codes marked" "2 marked"
keys x
check_screen "cut" "cut 2"
keys G
keys k k k
keys p
check_screen "pasted into a category" "moved 2 into"

# the mouse: drag "Laptop rollout" onto "Workforce expectations"
from=$(row_of "Laptop rollout")
to=$(row_of "Workforce expectations")
c=$(col_of "Laptop rollout")
if [ -n "$from" ] && [ -n "$to" ] && [ -n "$c" ]; then
	mouse_drag "$c" "$from" "$c" "$to"
	check_screen "drag and drop moves a code" "moved 1 into Workforce expectations"
	check "the dragged code is under Workforce expectations" \
	    "$(id_of 'Workforce expectations')" "$(parent_of 'Laptop rollout')"
else
	notok "rows for the drag found" "from=$from to=$to" "$(screen)"
fi

# undo the drag
keys u
check_screen "u undoes" "undone: code move"
check "undo put Laptop rollout back" "$(id_of 'Tooling and access')" "$(parent_of 'Laptop rollout')"
keys C-r
check_screen "C-r redoes" "redone: code move"
keys u
wait_for "undone: code move" 5

# live: a second process codes at the caret as coder-b
keys Tab Tab Tab
keys g
wait_for "@0" 5
keys w
wait_for "@13" 5
# Timed from the moment the other process has committed. On a loaded
# machine one sample can be late for reasons outside axial, so a second
# coding gets a second chance; both late is a failure.
live_ms() {	# live_ms CODE: ms until "CODE coder-b" is on screen, or 99999
	"$AXIAL" tag "$P" 01-it-service-manager "$1" 13 20 --as coder-b >/dev/null
	_t0=$(now_ms)
	if wait_for "$1 coder-b" 5; then echo $(( $(now_ms) - _t0 )); else echo 99999; fi
}
dt=$(live_ms "Health anxiety about returning")
[ "$dt" -gt 1000 ] && [ "$dt" -lt 99999 ] && dt2=$(live_ms "Caring responsibilities") && [ "$dt2" -lt "$dt" ] && dt=$dt2
if [ "$dt" -le 1000 ]; then ok "another process's coding shows within 1 s (${dt} ms)"; else
	notok "another process's coding shows within 1 s" "took ${dt} ms" "$(screen | tail -3)"; fi

# live: another process adds a code (a structural change): the tree reloads
"$AXIAL" code add "$P" "Added by coder B live" --in "Cost pressures" --as coder-b >/dev/null
check_screen "another process's new code appears in the tree" "Added by coder B live" 3

# resize: smaller, too small, and back, keeping state
$TM resize-window -t t -x 80 -y 24
check_screen "resized to 80x24 keeps the document" "01-it-service-manager"
$TM resize-window -t t -x 30 -y 8
check_screen "terminal too small screen" "terminal too small"
$TM resize-window -t t -x 120 -y 40
check_screen "grown back" "Health anxiety about returning coder-b"

# help, generated from the key table
keys '?'
check_screen "help opens" "Everywhere"
keys PgDn
check_screen "help lists the key table (scrolled)" "code-invivo"
keys q
wait_gone "Everywhere" 5 && ok "help closes" || notok "help closes" "$(screen)"

# quit restores the terminal
keys q
check_screen "q quits with status 0" "AXIAL-EXIT=0"
check_screen "terminal back in canonical mode with echo" "TTY-RESTORED"

# SIGTERM: axial exits and the terminal is restored
start "TERM=xterm-256color '$AXIAL' '$P'"
check_screen "reopened" "codes ("
pid=$(pgrep -f -- "^$AXIAL $P\$" | head -1)
if [ -n "$pid" ]; then
	kill -TERM "$pid"
	check_screen "SIGTERM ends axial (status 1)" "AXIAL-EXIT=1"
	check_screen "the terminal is restored after SIGTERM" "TTY-RESTORED"
else
	notok "found axial's pid for SIGTERM" "$(pgrep -af axial)"
fi

# the Persian sample opens, right-to-left, and a code applies
F="$T/fa.axial"
cp "$BUILD/egov-fa.axial" "$F"
start "TERM=screen-256color '$AXIAL' '$F' --as coder-a"
check_screen "Persian sample opens" "1/14"
check_screen "Persian tree has its central category" "[central]"
keys j v w w a
check_screen "finder over Persian codes" "apply code"
literal "سامانه"
keys Enter
check_screen "Persian code applied" "coded "
keys q
check_screen "quit" "AXIAL-EXIT=0"

# every supported TERM starts and quits cleanly
for term in tmux-256color linux vt220; do
	start "TERM=$term '$AXIAL' '$F'"
	if wait_for "codes (" 10; then
		keys q
		check_screen "TERM=$term works" "AXIAL-EXIT=0"
	else
		notok "TERM=$term works" "$(screen)"
	fi
done

# Ctrl-Z suspends to an interactive shell and fg resumes with a full redraw
$TM kill-server 2>/dev/null
NSESS=$((NSESS + 1)); TM="tmux -L $SOCK-$NSESS -f /dev/null"
$TM new-session -d -x 120 -y 40 -s t "env PS1='SHELL-PROMPT$ ' bash --norc --noprofile -i"
wait_for "SHELL-PROMPT" 10
keys "TERM=xterm-256color '$AXIAL' '$P'" Enter
check_screen "started from an interactive shell" "codes ("
keys C-z
check_screen "C-z suspends to the shell" "Stopped"
keys "stty -a | tr ' ;' '\\n\\n' | grep -qx icanon && echo TTY-OK-WHILE-STOPPED" Enter
check_screen "the terminal is sane while suspended" "TTY-OK-WHILE-STOPPED"
keys clear Enter
keys fg Enter
check_screen "fg resumes and redraws" "codes ("
keys q
check_screen "quit after resume" "SHELL-PROMPT"
