#!/bin/sh
# run.sh BUILD: runs every benchmark program BUILD/bench/bench-*.
BUILD=${1:-build}
for b in "$BUILD"/bench/bench-*; do
	[ -x "$b" ] || continue
	case $b in *.d) continue ;; esac
	"$b" || echo "$b: failed ($?)"
done
