#!/bin/sh
# ui-store-faults.sh: the workbench with its project locked by another
# process beyond the timeout, and with the disk filling up while it writes
# (a file-size limit, as tests/cli/store-faults.sh does for the command
# line): a clear message on the status line, nothing half-written, nothing
# already saved lost, the workbench still working, and what it shows still
# what the project holds.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

A=$AXIAL
P="$T/p.axial"
$A init "$P" >/dev/null
awk 'BEGIN { for (i = 0; i < 40; i++) printf "Speaker %d: this is paragraph %d of a long interview.\n", i % 2, i }' >"$T/d.txt"
$A import "$P" "$T/d.txt" >/dev/null
$A code add "$P" k >/dev/null
ncodings() { $A codings "$P" --json | grep -o '"id":' | wc -l; }
tree_count() { screen | grep -oE '• k +[0-9]+' | head -1 | awk '{print $3}'; }

# ---- another process holds the write lock for longer than we wait
start "AXIAL_BUSY_TIMEOUT_MS=300 TERM=xterm-256color '$A' '$P'"
check_screen "opens" "codes ("
( echo "BEGIN IMMEDIATE; INSERT INTO meta(key, value) VALUES('lock-holder', 'x'); SELECT 'held';"
  while [ ! -e "$T/release" ]; do sleep 0.05; done; echo "ROLLBACK;" ) |
    sqlite3 "$P" >"$T/held" &
holder=$!
_n=0; while ! grep -q held "$T/held" 2>/dev/null && [ $_n -lt 100 ]; do sleep 0.05; _n=$((_n + 1)); done
check "the lock is held" held "$(cat "$T/held")"
keys j v w a
check_screen "the finder opens" "apply code"
literal k
keys Enter
check_screen "a coding while locked: a clear message" "locked by another process for too long; try again"
check "nothing written" 0 "$(ncodings)"
check_screen "the selection is kept for another try" "sel "
check "the tree still shows no coding" 0 "$(tree_count)"
touch "$T/release"
wait $holder
keys a
check_screen "the finder again" "apply code"
literal k
keys Enter
check_screen "once the lock is gone the same coding goes in" "coded "
check "saved" 1 "$(ncodings)"
keys q
check_screen "quits" "AXIAL-EXIT=0"

# ---- the disk fills up: the project file may grow 64 KB more, and the
# write-ahead log as far (SIGXFSZ ignored, so writes fail with EFBIG)
lim=$(( ($(stat -c %s "$P") + 65536) / 512 ))
start "trap '' XFSZ; ulimit -f $lim; TERM=xterm-256color '$A' '$P'"
check_screen "opens under a file-size limit" "codes ("
acked=0 full=""
i=0
while [ $i -lt 60 ]; do
	keys j a
	wait_for "apply code" 10 || break
	literal k
	keys Enter
	if wait_for "coded " 5; then
		acked=$((acked + 1))
		keys Escape
		wait_gone "coded " 5
	else
		full=$(screen | tail -2 | head -1)
		break
	fi
	i=$((i + 1))
done
echo "# $acked codings saved before the disk was full"
check_match "the disk fills: a clear message" 'p.axial: (the disk is full|I/O error).*nothing was changed' "$full"
check "every acknowledged coding is saved, the failed one is not" $((acked + 1)) "$(ncodings)"
check "the tree counts what the project holds" $((acked + 1)) "$(tree_count)"
keys j a
check_screen "the workbench still works" "apply code"
keys Escape
keys q
check_screen "and quits normally" "AXIAL-EXIT=0"
check "integrity" ok "$(sqlite3 "$P" 'PRAGMA integrity_check')"
check "still every coding" $((acked + 1)) "$(ncodings)"
check_rc "writable again without the limit" 0 $A tag "$P" d k 0 5
