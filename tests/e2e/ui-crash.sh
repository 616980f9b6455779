#!/bin/sh
# ui-crash.sh: the workbench killed with SIGKILL at random moments loses
# nothing it acknowledged on screen. Each round opens the real workbench in
# tmux and does random coding through its keys (apply a code through the
# finder, with . and as a new code, remove a coding, undo, redo, move a
# code in the tree), waits for each acknowledgement on the status line
# ("coded 12-40 as alpha", "undone: tag", "moved 1 into Cat2") and checks
# through the command line that the action is in the project; then it kills
# the axial process, either at once after an acknowledgement or a random
# few milliseconds into the next action. After each kill: PRAGMA
# integrity_check is ok; the project holds exactly what was acknowledged,
# plus at most the one action in flight, whole; and the undo history holds
# it (undo gives back the state before it, redo the state after). At the
# end every action is undone, down to the project as set up, and redone.
# UI_CRASH_ITERATIONS sets the rounds (make check: 12; the long run: 200);
# UI_CRASH_SEED the random sequence.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

N=${UI_CRASH_ITERATIONS:-12}
seed=${UI_CRASH_SEED:-$(( $(date +%s) % 100000 ))}
echo "# seed $seed (UI_CRASH_SEED=$seed repeats this run)"
slow=20
[ -n "${AXIAL_ASAN:-}" ] && slow=60
A=$AXIAL
P="$T/crash.axial"
$A init "$P" >/dev/null
awk 'BEGIN { for (i = 0; i < 40; i++) printf "Speaker %d: this is turn %d of a long interview about work, home and the commute.\n", i % 2, i }' >"$T/d.txt"
$A import "$P" "$T/d.txt" >/dev/null
for c in Cat1 Cat2; do $A code add "$P" $c --category >/dev/null; done
for c in alpha bravo; do $A code add "$P" $c --in Cat1 >/dev/null; done
for c in charlie delta; do $A code add "$P" $c --in Cat2 >/dev/null; done
# the workbench codes as "tester": its undo history holds only what the
# rounds do, never the setup
$A coder add "$P" tester --account "$(id -un)" >/dev/null

cat >"$T/chk.py" <<'EOF'
"""chk.py CMD ...: snapshots of the project and the checks ui-crash.sh makes."""
import json, os, re, subprocess, sys

A, P = os.environ["AXIAL"], os.environ["P"]
ME = "tester"


def cli(*args):
    return json.loads(subprocess.run([A, *args, P, "--json"] if args[0] != "log" else
                                     [A, "log", P, "--json", "--limit", "1000000"],
                                     check=True, capture_output=True).stdout)


def snap(out):
    s = {"codings": sorted([c["id"], c["document"], c["code"], c["coder"], c["start"], c["end"]]
                           for c in cli("codings")),
         "codes": sorted([n["id"], n["parent"], n["kind"], n["name"]] for n in cli("codes")),
         "log": [[e["id"], e["coder"], e["action"], e["kind"], e["state"]] for e in cli("log")]}
    json.dump(s, open(out, "w"))


def load(f):
    return json.load(open(f))


def new_entries(a, b):
    ids = {e[0] for e in a["log"]}
    return [e for e in b["log"] if e[0] not in ids]


def same_data(a, b):
    return a["codings"] == b["codings"] and a["codes"] == b["codes"]


def mine(s):
    return [c for c in s["codings"] if c[3] == ME]


def ack(a, b, op, args):
    """b is a just after an acknowledged op: one action of mine, and its effect."""
    new = new_entries(a, b)
    gone = {e[0] for e in a["log"]} - {e[0] for e in b["log"]}
    if gone or len(new) != 1 or new[0][1] != ME:
        return "expected one new action of mine, got %s" % new
    e = new[0]
    want = {"apply": ("tag", "do"), "again": ("tag", "do"), "newcode": ("code add", "do"),
            "untag": ("untag", "do"), "move": ("code move", "do"),
            "undo": (args[0] if args else None, "undo"),
            "redo": (args[0] if args else None, "redo")}[op]
    if (want[0] is not None and e[2] != want[0]) or e[3] != want[1]:
        return "action %s, wanted %s" % (e[2:4], want)
    if op == "move":	# a moved code's codings have a new path
        a = dict(a, codings=[c[:2] + [c[2].split("/")[-1]] + c[3:] for c in a["codings"]])
        b = dict(b, codings=[c[:2] + [c[2].split("/")[-1]] + c[3:] for c in b["codings"]])
    added = [c for c in b["codings"] if c not in a["codings"]]
    removed = [c for c in a["codings"] if c not in b["codings"]]
    if op in ("apply", "again"):
        s, t, name = int(args[0]), int(args[1]), args[2]
        if [(c[3], c[4], c[5], c[2].split("/")[-1]) for c in added] != [(ME, s, t, name)] or removed:
            return "coding %d-%d %s not added alone: +%s -%s" % (s, t, name, added, removed)
    elif op == "newcode":
        if len(added) != 1 or added[0][2].split("/")[-1] != args[0] or removed:
            return "new code %s not applied: +%s -%s" % (args[0], added, removed)
    elif op == "untag":
        if added or len(removed) != 1 or removed[0][3] != ME or removed[0][2].split("/")[-1] != args[0]:
            return "coding of %s not removed alone: +%s -%s" % (args[0], added, removed)
    elif op == "move":
        moved = [n for n in b["codes"] if n not in a["codes"]]
        ids = {n[3]: n[0] for n in b["codes"]}
        if len(moved) != 1 or moved[0][1] != ids.get(args[0]) or added or removed:
            return "nothing moved into %s: %s" % (args[0], moved)
    return "ok"


def validate(a, b, ack_text, arg):
    """b after a: the acknowledgement ack_text's action alone (a refusal: nothing)."""
    m = re.fullmatch(r"coded (\d+)-(\d+) as (.+)", ack_text)
    if ack_text.startswith(("none of", "already in")) or ack_text.endswith("inside itself"):
        new = new_entries(a, b)
        return "ok" if not new and same_data(a, b) else "refused, yet changed: %s" % new
    if m:
        return ack(a, b, "apply", m.groups())
    for prefix, op in (("coded as ", "newcode"), ("removed coding ", "untag"),
                       ("undone: ", "undo"), ("redone: ", "redo")):
        if ack_text.startswith(prefix):
            return ack(a, b, op, [ack_text[len(prefix):]])
    if ack_text.startswith("moved "):
        return ack(a, b, "move", [arg])
    return "unknown acknowledgement: %s" % ack_text


def counts(s):
    me = [e for e in s["log"] if e[1] == ME]
    return "%d %d %d" % (len(mine(s)), sum(e[4] == "done" for e in me),
                         sum(e[4] == "undone" for e in me))


def post(a, b):
    """After a kill: what was acknowledged, plus at most one action of mine."""
    new = new_entries(a, b)
    gone = {e[0] for e in a["log"]} - {e[0] for e in b["log"]}
    if gone:
        return "BAD:actions-lost:%s" % sorted(gone)
    if not new:
        return "same" if same_data(a, b) and a["log"] == b["log"] else "BAD:changed-with-no-action"
    if len(new) == 1 and new[0][1] == ME:
        return new[0][3]
    return "BAD:%s" % new


def diff(a, b):
    if same_data(a, b):
        return "ok"
    return "differ: codings -%s +%s codes -%s +%s" % (
        [c for c in a["codings"] if c not in b["codings"]],
        [c for c in b["codings"] if c not in a["codings"]],
        [n for n in a["codes"] if n not in b["codes"]],
        [n for n in b["codes"] if n not in a["codes"]])


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "snap":		# snap OUT: prints my codings, done, undone
        snap(args[0])
        print(counts(load(args[0])))
    elif cmd == "live":		# live PREV NOW ACK ARG
        snap(args[1])
        a, b = load(args[0]), load(args[1])
        print(validate(a, b, args[2], args[3]).replace(" ", "_"), counts(b))
    elif cmd == "kill":		# kill PREV NOW acked|mid ACK ARG
        snap(args[1])
        a, b = load(args[0]), load(args[1])
        v = validate(a, b, args[3], args[4]) if args[2] == "acked" else "ok"
        print(v.replace(" ", "_"), post(a, b).replace(" ", "_"), counts(b))
    elif cmd == "same":		# same REF OUT: snapshots OUT, compares; then counts
        snap(args[1])
        print(diff(load(args[0]), load(args[1])))
        print(counts(load(args[1])))

main()
EOF
export P
chk() { python3 "$T/chk.py" "$@"; }

# random numbers from the seed (an LCG; the shell has no better)
rand() {	# rand N: 0..N-1 into R
	seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
	R=$(( (seed / 65536) % $1 ))
}
status() { screen | tail -2 | head -1; }
footer() { screen | tail -1; }
die() { notok "$1" "$2" "$(screen | tail -4)"; exit 1; }
# wait_ack ERE: the status line shows a match, into ACK
wait_ack() {
	_deadline=$(( $(now_ms) + slow * 1000 ))
	while :; do
		ACK=$(status | grep -oE -- "$1" | head -1)
		[ -n "$ACK" ] && return 0
		[ "$(now_ms)" -ge $_deadline ] && return 1
		sleep 0.05
	done
}
# focus PATTERN: Tab until the footer (the focused pane's keys) shows it
focus() {
	_i=0
	while ! footer | grep -q -- "$1"; do
		[ $_i -ge 5 ] && die "focus $1" "never focused"
		keys Tab
		wait_for "$1" 1 >/dev/null || true
		_i=$((_i + 1))
	done
}
# rep K N: K repeated N times, for one send-keys
rep() { _k=""; _n=$2; while [ "$_n" -gt 0 ]; do _k="$_k $1"; _n=$((_n - 1)); done; echo "$_k"; }
move_caret() {	# to a random place in the transcript
	rand 36; _j=$R
	rand 4
	keys g $(rep j $_j) $(rep w $R)
}
select_words() { rand 3; keys v $(rep w $((R + 1))); }

# pick_op: a random operation that can succeed now, into OP; COUNTS holds
# my codings, my done and my undone actions
pick_op() {
	set -- $COUNTS
	while :; do
		rand 9
		case $R in
		0|1) OP=apply ;;
		2) [ $applied = 1 ] && OP=again || continue ;;
		3) OP=newcode ;;
		4) [ "$1" -gt 0 ] && OP=untag || continue ;;
		5) [ "$2" -gt 0 ] && OP=undo || continue ;;
		6) [ "$3" -gt 0 ] && OP=redo || continue ;;
		*) OP=move ;;
		esac
		return
	done
}
# send_op: the keys of OP; EXPECT the acknowledgement's pattern(s)
send_op() {
	case $OP in
	apply)
		focus code-apply; move_caret; select_words
		rand 4; set -- alpha bravo charlie delta; shift $R; ARG=$1
		keys a; wait_for "apply code" $slow || die "finder" "did not open"
		literal "$ARG"; keys Enter
		EXPECT="coded [0-9]+-[0-9]+ as $ARG" ;;
	again)
		focus code-apply; move_caret; select_words; keys .
		EXPECT="coded [0-9]+-[0-9]+ as [a-z0-9]+" ;;
	newcode)
		focus code-apply; move_caret; select_words
		ARG="n${round}x$op"
		keys c; wait_for "new code" $slow || die "prompt" "did not open"
		literal "$ARG"; keys Enter
		EXPECT="coded as $ARG" ;;
	untag)
		focus code-apply; keys g ']' x
		EXPECT="removed coding [a-z0-9]+|none of your codings is at the caret" ;;
	undo) keys u; EXPECT="undone: [a-z]+( [a-z]+)*" ;;
	redo) keys U; EXPECT="redone: [a-z]+( [a-z]+)*" ;;
	move)
		focus tree-mark; rand 8
		keys g $(rep j $R)
		rand 2; ARG=Cat$((R + 1))
		keys t; wait_for "move to category" $slow || die "finder" "did not open"
		literal "$ARG"; keys Enter
		EXPECT="moved 1 into $ARG|already in $ARG|would be inside itself" ;;
	esac
}
# check_ack: live, while the workbench runs, the acknowledged action is in
# the project alone (a refusal: nothing changed); PREV becomes the state
check_ack() {
	set -- $(chk live "$T/prev.json" "$T/now.json" "$ACK" "${ARG:-}")
	if [ "$1" = ok ]; then acks=$((acks + 1)); else
		bad_ack=$((bad_ack + 1)); echo "# round $round: '$ACK' but $1"; fi
	shift; COUNTS="$*"
	case $ACK in coded*) applied=1 ;; undone*) applied=0 ;; esac
	mv "$T/now.json" "$T/prev.json"
}
# after_kill acked|mid: integrity; after an acknowledgement, exactly that
# action is there; mid-action, what was acknowledged plus at most the one
# action in flight, whole; and undo and redo of that last action from the
# command line give the states before and after it
after_kill() {
	ic=$(sqlite3 -cmd '.timeout 5000' "$P" 'PRAGMA integrity_check' 2>&1)
	[ "$ic" = ok ] || { bad_ic=$((bad_ic + 1)); echo "# round $round: integrity: $ic"; }
	set -- $(chk kill "$T/prev.json" "$T/now.json" "$1" "${ACK:-}" "${ARG:-}")
	if [ "$1" != ok ]; then
		bad_lost=$((bad_lost + 1)); echo "# round $round: '$ACK', killed, then $1"
	elif [ "$mode" = 0 ]; then
		acks=$((acks + 1))
	fi
	post=$2; shift 2; COUNTS="$*"
	case $post in
	same) ;;
	do|redo|undo)
		[ "$mode" = 1 ] && inflight=$((inflight + 1))
		if [ "$post" = undo ]; then back=redo fwd=undo; else back=undo fwd=redo; fi
		$A $back "$P" --as tester >/dev/null
		s=$(chk same "$T/prev.json" "$T/back.json" | sed -n 1p)
		[ "$s" = ok ] || { bad_undo=$((bad_undo + 1)); echo "# round $round: $back of the last action: $s"; }
		$A $fwd "$P" --as tester >/dev/null
		s=$(chk same "$T/now.json" "$T/fwd.json")
		COUNTS=$(echo "$s" | tail -1)
		s=$(echo "$s" | head -1)
		[ "$s" = ok ] || { bad_undo=$((bad_undo + 1)); echo "# round $round: $fwd again: $s"; }
		mv "$T/fwd.json" "$T/now.json" ;;
	*)
		bad_lost=$((bad_lost + 1)); echo "# round $round: $post" ;;
	esac
	mv "$T/now.json" "$T/prev.json"
}

# a move into the category a code is already in changes nothing, so the
# workbench must not acknowledge one that u would undo
start "TERM=xterm-256color '$A' '$P' --as tester"
check_screen "opens" "codes (" $slow
focus tree-mark
keys g j t
check_screen "move finder" "move to category" $slow
literal Cat1
keys Enter
check_screen "a move into the same category says so" "already in Cat1" $slow
check "and logs nothing" 0 "$($A log "$P" --json | grep -c '"coder":"tester"')"
keys q
check_screen "quits" "AXIAL-EXIT=0" $slow

COUNTS=$(chk snap "$T/start.json")
cp "$T/start.json" "$T/prev.json"
acks=0 bad_ack=0 bad_ic=0 bad_lost=0 bad_undo=0 inflight=0 killed_acked=0 killed_mid=0
t0=$(now_ms)
round=0
while [ $round -lt $N ]; do
	start "TERM=xterm-256color '$A' '$P' --as tester"
	wait_for "codes (" $slow || die "round $round: opens" "no first frame"
	# the workbench is the child of this round's pane's shell
	pid=$(pgrep -P "$($TM display -p -t t '#{pane_pid}')" -f "$A")
	case $pid in ""|*[!0-9]*) die "round $round: the process" "not found: '$pid'" ;; esac
	applied=0
	rand 4; nops=$((R + 1))
	rand 2; mode=$R	# 0: kill at once after the last acknowledgement; 1: mid-action
	op=0
	while [ $op -lt $nops ]; do
		pick_op
		send_op
		if [ $op = $((nops - 1)) ] && [ $mode = 1 ]; then
			rand 40; sleep "0.0$(printf '%02d' $R)"
			kill -KILL "$pid"
			killed_mid=$((killed_mid + 1))
			break
		fi
		wait_ack "$EXPECT" || die "round $round: $OP acknowledged" "no $EXPECT"
		if [ $op = $((nops - 1)) ]; then
			kill -KILL "$pid"
			killed_acked=$((killed_acked + 1))
			break
		fi
		check_ack
		keys Escape	# clears the message, so the next one is new
		wait_gone "$ACK" $slow || die "round $round: message cleared" "$ACK"
		op=$((op + 1))
	done
	wait_for "AXIAL-EXIT=137" $slow || die "round $round: killed" "$pid still running: $(ps -o pid,ppid,stat,args -p "$pid" 2>&1)"
	if [ $mode = 0 ]; then after_kill acked; else after_kill mid; fi
	round=$((round + 1))
done
echo "# $N rounds in $(( ($(now_ms) - t0) / 1000 )) s: $acks acknowledgements checked live, $killed_acked kills right after one, $killed_mid mid-action ($inflight actions in flight landed whole)"
check "every acknowledged action was in the project at once" 0 $bad_ack
check "integrity_check ok after every kill ($N)" 0 $bad_ic
check "nothing acknowledged was lost, nothing half-done appeared" 0 $bad_lost
check "the last action undoes and redoes after the kill" 0 $bad_undo

# the whole history: undo everything the rounds did, down to the project
# as set up, then redo as many
chk snap "$T/end.json" >/dev/null
n=0
while $A undo "$P" --as tester >/dev/null 2>&1; do n=$((n + 1)); done
chk snap "$T/undone.json" >/dev/null
check "undoing all $n actions gives back the project as set up" ok "$(chk same "$T/start.json" "$T/undone.json" | sed -n 1p)"
m=0	# as many redos: what was still undone at the end stays undone
while [ $m -lt $n ] && $A redo "$P" --as tester >/dev/null 2>&1; do m=$((m + 1)); done
check "all $n redone" "$n" "$m"
chk snap "$T/redone.json" >/dev/null
check "redoing them all gives back the project as it ended" ok "$(chk same "$T/end.json" "$T/redone.json" | sed -n 1p)"
check "integrity at the end" ok "$(sqlite3 "$P" 'PRAGMA integrity_check')"
