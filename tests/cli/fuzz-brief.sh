#!/bin/sh
# fuzz-brief.sh: every libFuzzer harness (fuzz/fuzz-*.c) built and run
# briefly: each replays its seeds in fuzz/corpus/NAME/ (the crashes found so
# far among them) and then fuzzes for FUZZ_BRIEF seconds (2). The long runs
# are `make fuzz` (fuzz/README.md).
. "$AXIAL_SRC/tests/cli/lib.sh"
cd "$SRC" || exit 1
if make --no-print-directory fuzz-build >"$T/build.log" 2>&1; then
	ok "fuzz harnesses build (build-fuzz/)"
else
	notok "fuzz harnesses build (build-fuzz/)" "$(tail -20 "$T/build.log")"
	exit 1
fi
sh fuzz/run.sh build-fuzz "${FUZZ_BRIEF:-2}"
