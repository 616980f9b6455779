# concurrency.sh: two coders run the real binary against one project at
# once, as two SSH sessions would. No error, nothing lost.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
N=60
me=$(id -un)
$A init c.axial >/dev/null
awk 'BEGIN { for (i = 0; i < 200; i++) printf "paragraph %d of the interview\n", i }' >doc.txt
$A import c.axial doc.txt >/dev/null
$A code add c.axial theme >/dev/null
$A coder add c.axial coder-a --account "$me"
$A coder add c.axial coder-b --account "$me"

run() {
	i=0
	while [ $i -lt $N ]; do
		$A tag c.axial doc theme $((i * 7)) $((i * 7 + 5)) --as "$1" >/dev/null || echo "FAILED $1 $i"
		i=$((i + 1))
	done
}
run coder-a >a.log 2>&1 &
run coder-b >b.log 2>&1 &
wait
check "coder-a saw no error" "" "$(cat a.log)"
check "coder-b saw no error" "" "$(cat b.log)"
check "coder-a's codings all there" $N "$($A codings c.axial --coder coder-a | wc -l)"
check "coder-b's codings all there" $N "$($A codings c.axial --coder coder-b | wc -l)"
check "integrity" ok "$(sqlite3 c.axial 'PRAGMA integrity_check')"
