#!/bin/sh
# run.sh BUILD: every benchmark program BUILD/bench/bench-*, one after the
# other (they share the machine with nothing of ours), each printing its
# own figures. Large inputs go to AXIAL_BENCH_DIR, a scratch directory
# removed at the end.
set -eu
BUILD=${1:-build}
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/axial-bench.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
export AXIAL="$BUILD/axial" AXIAL_BENCH_DIR="$SCRATCH"
fail=0
for b in "$BUILD"/bench/bench-*; do
	case $b in *.d) continue ;; esac
	[ -x "$b" ] || continue
	echo "== $(basename "$b")"
	"$b" || { echo "$(basename "$b"): failed ($?)"; fail=1; }
done
exit $fail
