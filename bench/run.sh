#!/bin/sh
# run.sh BUILD: every benchmark program BUILD/bench/bench-*, one after the
# other, each printing its own figures. Benchmarks find the axial binary in
# $AXIAL, the build in $BUILD, and a scratch directory in $AXIAL_BENCH_DIR
# (removed at the end) for large inputs.
set -eu
BUILD=${1:-build}
case $BUILD in /*) ;; *) BUILD=$(pwd)/$BUILD ;; esac
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/axial-bench.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
export BUILD AXIAL="$BUILD/axial" AXIAL_BENCH_DIR="$SCRATCH"
fail=0
for b in "$BUILD"/bench/bench-*; do
	case $b in *.d) continue ;; esac
	[ -x "$b" ] || continue
	echo "== $(basename "$b")"
	"$b" || { echo "$(basename "$b"): failed ($?)"; fail=1; }
done
exit $fail
