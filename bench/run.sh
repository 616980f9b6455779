#!/bin/sh
# run.sh BUILD [SCALES [ROUNDS]]: every benchmark program BUILD/bench/bench-*,
# one after the other, each printing its own figures, at the scale of the
# synthetic project in SCALES (AXIAL_BENCH_SCALE, bench/synth.h; default
# 1). With several scales ("1 10") each figure is printed once, with its
# value at every scale and the ratio of the last to the first
# (bench/scale.py; ROUNDS runs each, default 1). Benchmarks find the axial
# binary in $AXIAL, the build in $BUILD, and a scratch directory in
# $AXIAL_BENCH_DIR (removed at the end) for large inputs.
set -eu
BUILD=${1:-build}
SCALES=${2:-1}
ROUNDS=${3:-1}
case $BUILD in /*) ;; *) BUILD=$(pwd)/$BUILD ;; esac
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/axial-bench.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
export BUILD AXIAL="$BUILD/axial" AXIAL_BENCH_DIR="$SCRATCH"
benches=""
for b in "$BUILD"/bench/bench-*; do
	case $b in *.d) continue ;; esac
	[ -x "$b" ] && benches="$benches $(basename "$b")"
done
set -- $SCALES
if [ $# -gt 1 ]; then
	python3 "$(dirname "$0")/scale.py" "$BUILD" "$SCRATCH" "$ROUNDS" \
	    "$SCALES" $benches
	exit
fi
export AXIAL_BENCH_SCALE="$1"
fail=0
for b in $benches; do
	echo "== $b"
	"$BUILD/bench/$b" || { echo "$b: failed ($?)"; fail=1; }
done
exit $fail
