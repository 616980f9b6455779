#!/bin/sh
# run.sh BUILD: runs every BUILD/bench/bench-* program and prints its output.
# Benchmarks find the axial binary in $AXIAL and the build in $BUILD.
set -u
BUILD=${1:-build}
case $BUILD in /*) ;; *) BUILD=$(pwd)/$BUILD ;; esac
export BUILD AXIAL="$BUILD/axial"
rc=0
for b in "$BUILD"/bench/bench-*; do
	[ -x "$b" ] || continue
	case $b in *.d) continue ;; esac
	echo "== $(basename "$b")"
	"$b" || { echo "$(basename "$b"): failed"; rc=1; }
done
exit $rc
