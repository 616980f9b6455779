# store-faults.sh: a lock held beyond the timeout and a full disk give a
# clear message, change nothing, and lose nothing already saved.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
$A init p.axial >/dev/null
printf 'one two three four five six\n' >d.txt
$A import p.axial d.txt >/dev/null
$A code add p.axial k >/dev/null
$A tag p.axial d k 0 3 >/dev/null

# another process holds the write lock for 3 s; we wait 0.3 s
( echo "BEGIN IMMEDIATE; INSERT INTO meta(key, value) VALUES('lock-holder', 'x');"; sleep 3; echo "ROLLBACK;" ) | sqlite3 p.axial &
holder=$!
sleep 0.5
check_rc "locked beyond the timeout" 1 env AXIAL_BUSY_TIMEOUT_MS=300 $A tag p.axial d k 4 7
check "locked message" "axial: p.axial: locked by another process for too long; try again" "$ERR"
# a reader is never blocked by the writer (WAL)
check_rc "reading while locked" 0 $A codings p.axial
check "reader sees saved work" 1 "$(echo "$OUT" | wc -l)"
# with the default timeout a writer waits its turn instead of failing
check_rc "waits for the lock" 0 $A tag p.axial d k 8 13
wait $holder
check "both codings there" 2 "$($A codings p.axial | wc -l)"

# the disk fills up during an import: a file-size limit makes writes fail
awk 'BEGIN { for (i = 0; i < 20000; i++) print "a long line of interview text to fill the disk " i }' >big.txt
before=$($A info p.axial --json)
check_rc "disk full" 1 sh -c "trap '' XFSZ; ulimit -f 200; exec $A import p.axial big.txt"
check_match "disk full message" 'p.axial: (the disk is full|I/O error).*nothing was changed' "$ERR"
check "project unchanged" "$before" "$($A info p.axial --json)"
check "integrity" ok "$(sqlite3 p.axial 'PRAGMA integrity_check')"
check_rc "still writable afterwards" 0 $A tag p.axial d k 14 18

# files are made under the user's umask, never world-writable
( umask 022; $A init u1.axial >/dev/null; $A export csv p.axial e1.csv )
check "project under umask 022" 644 "$(stat -c %a u1.axial)"
check "export under umask 022" 644 "$(stat -c %a e1.csv)"
( umask 077; $A init u2.axial >/dev/null; $A export csv p.axial e2.csv )
check "project under umask 077" 600 "$(stat -c %a u2.axial)"
check "export under umask 077" 600 "$(stat -c %a e2.csv)"
( umask 000; $A init u3.axial >/dev/null )
check "never world-writable, even under umask 000" 664 "$(stat -c %a u3.axial)"
