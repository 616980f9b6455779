#!/bin/sh
# fuzz/run.sh BUILD SECONDS [NAME...]: runs each harness
# BUILD/fuzz/fuzz-NAME for SECONDS on a fresh copy of fuzz/corpus/NAME/
# (libFuzzer replays every seed first, so past crashes stay fixed), then
# prints one line per harness:
#   ok - fuzz NAME: 123456 runs in 60 s, cov 1234 ft 5678, corpus 12 -> 80
#   not ok - fuzz NAME: ... with the report and the saved input
# and a closing "fuzz: N harnesses, N findings". Exit status 1 on a finding.
# Logs: BUILD/fuzz/NAME.log; inputs that crash: BUILD/fuzz/findings/NAME/.
# Environment: FUZZ_MAX_LEN (4096), FUZZ_TIMEOUT (seconds per input, 10),
# FUZZ_FLAGS (more libFuzzer flags).
set -u
BUILD=${1:?usage: fuzz/run.sh BUILD SECONDS [NAME...]}
SECS=${2:?usage: fuzz/run.sh BUILD SECONDS [NAME...]}
shift 2
[ $# -eq 0 ] && set -- $(for f in fuzz/fuzz-*.c; do n=${f#fuzz/fuzz-}; echo "${n%.c}"; done)
maxlen=${FUZZ_MAX_LEN:-4096}
nh=0 nf=0
for name; do
	bin=$BUILD/fuzz/fuzz-$name
	nh=$((nh + 1))
	if [ ! -x "$bin" ]; then
		echo "not ok - fuzz $name: $bin not built (make fuzz-build)"
		nf=$((nf + 1)); continue
	fi
	corpus=$BUILD/fuzz/corpus/$name findings=$BUILD/fuzz/findings/$name
	log=$BUILD/fuzz/$name.log
	rm -rf "$corpus"; mkdir -p "$corpus" "$findings"
	[ -d "fuzz/corpus/$name" ] && cp -R "fuzz/corpus/$name/." "$corpus/"
	seeds=$(ls "$corpus" | wc -l)
	set -- -max_total_time="$SECS" -max_len="$maxlen" \
	    -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="$findings/"
	[ -f "fuzz/$name.dict" ] && set -- "$@" -dict="fuzz/$name.dict"
	[ -f "fuzz/$name.options" ] && set -- "$@" $(cat "fuzz/$name.options")
	# (the loop's list was expanded already: set -- holds the flags now)
	# shellcheck disable=SC2086
	"$bin" "$@" ${FUZZ_FLAGS:-} "$corpus" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
	cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 | sed 's/cov: \([0-9]*\) ft: \([0-9]*\)/cov \1 ft \2/')
	now=$(ls "$corpus" | wc -l)
	line="fuzz $name: ${runs:-?} runs in ${secs:-?} s, ${cov:-cov ?}, corpus $seeds -> $now"
	if [ $rc -eq 0 ]; then
		echo "ok - $line"
	else
		nf=$((nf + 1))
		echo "not ok - $line"
		grep -E 'ERROR: |runtime error|invariant failed|deadly signal|SUMMARY|Test unit written' "$log" |
		    head -8 | sed 's/^/    /'
		echo "    log: $log"
	fi
done
echo "fuzz: $nh harnesses, $nf with findings"
[ $nf -eq 0 ]
