# concurrency.sh: a research team's coders run the real binary against one
# project at once, as their SSH sessions on one host would:
# CONC_CLI_CODERS processes (default 8), each its own coder, doing
# CONC_CLI_ROUNDS rounds (default 6) of tag, undo, redo, code add, code
# move and memo add. No error; each process writes down what was
# acknowledged, and the project holds exactly that; every coder then reads
# the same codings, code tree and memos.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
C=${CONC_CLI_CODERS:-8}
N=${CONC_CLI_ROUNDS:-6}
me=$(id -un)
$A init c.axial >/dev/null
awk 'BEGIN { for (i = 0; i < 200; i++) printf "paragraph %d of the interview\n", i }' >doc.txt
$A import c.axial doc.txt >/dev/null
$A code add c.axial theme >/dev/null
$A code add c.axial cat-a --category >/dev/null
k=0
while [ $k -lt "$C" ]; do
	$A coder add c.axial coder-$k --account "$me"
	k=$((k + 1))
done

# run K: coder-K's rounds. Standard output: what was acknowledged and is
# still there ("coding #ID", "code NAME", "memo #ID"); any failure goes to
# standard error. Each undo and redo below takes back or restores an action
# of this same round, so the record follows from the acknowledgements.
run() {
	as="--as coder-$1" i=0
	while [ "$i" -lt "$N" ]; do
		s=$((i * 7 + $1))
		id=$($A tag c.axial doc theme "$s" $((s + 5)) $as) || echo "tag $i failed" >&2
		id=${id%% *}
		if [ $((i % 4)) -eq 1 ]; then
			$A undo c.axial $as >/dev/null || echo "undo $i failed" >&2
			if [ $((i % 8)) -eq 1 ]; then
				$A redo c.axial $as >/dev/null || echo "redo $i failed" >&2
				echo "coding $id"
			fi
		else
			echo "coding $id"
		fi
		if [ $((i % 3)) -eq 2 ]; then
			name=own-$1-$i
			$A code add c.axial "$name" --in cat-a $as >/dev/null &&
			$A code move c.axial "$name" --top $as >/dev/null &&
			$A undo c.axial $as >/dev/null &&	# back in cat-a
			$A redo c.axial $as >/dev/null &&	# at the top again
			echo "code $name" || echo "code $name failed" >&2
		fi
		if [ $((i % 5)) -eq 3 ]; then
			m=$($A memo add c.axial "note $1 $i" --on document:doc $as) &&
			echo "memo $m" || echo "memo $i failed" >&2
		fi
		i=$((i + 1))
	done
}
k=0
while [ $k -lt "$C" ]; do
	run $k >acked-$k 2>err-$k &
	k=$((k + 1))
done
wait

errors= codings= codes= memos=
k=0
while [ $k -lt "$C" ]; do
	errors=$errors$(cat err-$k)
	codings="$codings$(sed -n 's/^coding //p' acked-$k)
"
	codes="$codes$(sed -n 's/^code //p' acked-$k)
"
	memos="$memos$(sed -n 's/^memo //p' acked-$k)
"
	k=$((k + 1))
done
check "$C coders saw no error" "" "$errors"
check "every acknowledged coding is there, once" \
	"$(printf '%s' "$codings" | grep . | sort)" \
	"$($A codings c.axial | cut -f1 | sort)"
check "every code is where its last acknowledged action put it" \
	"$(printf '%s' "$codes" | grep . | sort)" \
	"$($A codes c.axial | sed -n 's/^- \(own-[^ ]*\) .*/\1/p' | sort)"
check "no code left inside cat-a" 0 "$($A codes c.axial | grep -c '^ .*own-')"
check "every acknowledged memo is there, once" \
	"$(printf '%s' "$memos" | grep . | sort)" \
	"$($A memo list c.axial --json | grep -o '"id":[0-9]*' | sed 's/"id":/#/' | sort)"
check "integrity" ok "$(sqlite3 c.axial 'PRAGMA integrity_check')"

# every coder reads the same project
$A codings c.axial --as coder-0 >view-0
$A codes c.axial --as coder-0 >>view-0
$A memo list c.axial --as coder-0 >>view-0
same=yes k=1
while [ $k -lt "$C" ]; do
	$A codings c.axial --as coder-$k >view
	$A codes c.axial --as coder-$k >>view
	$A memo list c.axial --as coder-$k >>view
	cmp -s view view-0 || same="coder-$k differs"
	k=$((k + 1))
done
check "every coder reads the same codings, codes and memos" yes "$same"
