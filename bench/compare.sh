#!/bin/sh
# compare.sh BUILD BASE ROUNDS BENCH...: builds git revision BASE in a
# scratch worktree and compares its benchmarks with this tree's build in
# BUILD, side by side in one run (bench/compare.py). `make bench-compare`
# runs it; e.g. make bench-compare BASE=v0.1 BENCHES="bench-ui" ROUNDS=7.
set -eu
BUILD=$1 BASE=$2 ROUNDS=$3
shift 3
case $BUILD in /*) ;; *) BUILD=$(pwd)/$BUILD ;; esac
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/axial-compare.XXXXXX")
cleanup() {
	git worktree remove --force "$SCRATCH/src" >/dev/null 2>&1 || true
	rm -rf "$SCRATCH"
}
trap cleanup EXIT
git worktree add --detach -q "$SCRATCH/src" "$BASE"
targets=""
for b in "$@"; do targets="$targets build/bench/$b"; done
echo "building $BASE ($(git rev-parse --short "$BASE")) in $SCRATCH/src"
make -C "$SCRATCH/src" --no-print-directory -s all $targets >/dev/null
mkdir -p "$SCRATCH/bench"
export AXIAL_BENCH_DIR="$SCRATCH/bench"
python3 bench/compare.py "$SCRATCH/src/build" "$BUILD" "$ROUNDS" "$@"
