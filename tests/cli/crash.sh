# crash.sh: the command line killed with SIGKILL at random moments loses
# nothing it acknowledged. A loop runs real axial commands (tag, memo) and
# records each tag that exited 0; it is killed mid-flight, then
# integrity_check must be ok and every acknowledged coding present, and undo
# and redo still work. (test-crash.c does the same through the model with
# undo and redo in the mix, tracking exactly what each undo takes.)
# CRASH_ITERATIONS sets the rounds (make check: 25; the long run: 200).
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
N=${CRASH_ITERATIONS:-25}
$A init p.axial >/dev/null
awk 'BEGIN { for (i = 0; i < 50; i++) printf "paragraph %d of an interview\n", i }' >d.txt
$A import p.axial d.txt >/dev/null
$A code add p.axial k >/dev/null

worker() {	# prints "+ID" for every acknowledged tag
	i=$1
	while :; do
		s=$(( (i * 37) % 1200 ))
		out=$($A tag p.axial d k $s $((s + 7))) && echo "+${out%% *}"
		[ $((i % 3)) = 0 ] && $A memo add p.axial "note $i" --on document:d >/dev/null
		i=$((i + 1))
	done
}

bad=0 rounds=0 acks=0
i=0
while [ $i -lt $N ]; do
	worker $((i * 100)) >acks.$i &
	w=$!
	sleep 0.$(( (i * 7919) % 9 + 1 ))
	# kill the whole loop and whatever axial it is running, at once
	pkill -KILL -P $w 2>/dev/null
	kill -KILL $w 2>/dev/null
	wait $w 2>/dev/null
	while pgrep -f "$A .*p.axial" >/dev/null; do sleep 0.05; done	# all gone
	rounds=$((rounds + 1))
	ic=$(sqlite3 -cmd '.timeout 5000' p.axial 'PRAGMA integrity_check' 2>&1)
	if [ "$ic" != ok ]; then
		bad=$((bad + 1)); echo "round $i: integrity check: $ic"
	fi
	acks=$((acks + $(grep -c '^+' acks.$i)))
	i=$((i + 1))
done
check "integrity ok after every kill" 0 "$bad"
have=$($A codings p.axial --json | grep -o '"id":[0-9]*' | cut -d: -f2 | sort -n)
missing=0
cat acks.* | sed -n 's/^+#//p' | sort -n >want
while read -r id; do
	echo "$have" | grep -qx "$id" || missing=$((missing + 1))
done <want
check "acknowledged codings all present ($acks acknowledged over $rounds kills)" 0 "$missing"
n_have=$(echo "$have" | grep -c .)
n_want=$(grep -c . want)
# each kill can land at most the one tag in flight, unacknowledged
check "nothing extra beyond one in-flight tag per kill" 1 "$([ "$n_have" -ge "$n_want" ] && [ "$n_have" -le $((n_want + rounds)) ] && echo 1 || echo "$n_have vs $n_want acknowledged")"
before=$($A codings p.axial | wc -l)
check_rc "undo still works after the kills" 0 $A undo p.axial
check_rc "and redo" 0 $A redo p.axial
check "undo and redo gave back the same codings" "$before" "$($A codings p.axial | wc -l)"
