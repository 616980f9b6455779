#!/bin/sh
# run.sh BUILD: every test suite, then one closing line "N passed, N failed"
# (", N skipped" after it when a check could not run here).
#   unit: each BUILD/tests/test-* cmocka program (its own summary lines shown)
#   cli:  each tests/cli/*.sh, which prints "ok - ...", "not ok - ..." or
#         "skip - NAME: why" lines
#   e2e:  each tests/e2e/*.sh, the same protocol (tmux, ssh)
# Set TESTS=pattern to run only suites whose file name matches; a|b|c
# runs the suites matching any of them.
set -u
BUILD=${1:-build}
case $BUILD in /*) ;; *) BUILD=$(pwd)/$BUILD ;; esac
export AXIAL="$BUILD/axial" BUILD
# the PDF reader beside it (src/exchange/pdf-client.c): the suites run from
# their own directories, where the helper is not
export AXIAL_PDF_HELPER="$BUILD/axial-pdf"
export AXIAL_SRC="$(pwd)"
pass=0 fail=0 skipped=0 failed=""
pat=${TESTS:-}

# wanted PATH: whether TESTS selects it by its file name (no TESTS: all)
wanted() {
	[ -z "$pat" ] && return 0
	_rest=$pat
	while :; do
		_one=${_rest%%|*}
		case ${1##*/} in *$_one*) return 0 ;; esac
		[ "$_rest" = "$_one" ] && return 1
		_rest=${_rest#*|}
	done
}

count_cmocka() {	# output file -> adds to pass/fail
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$1" | awk '{s+=$1} END {print s+0}')
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$1" | awk '{s+=$1} END {print s+0}')
	pass=$((pass + p)); fail=$((fail + f))
}

for t in "$BUILD"/tests/test-*; do
	[ -x "$t" ] || continue
	case $t in *.d) continue ;; esac
	wanted "$t" || continue
	out=$(mktemp)
	"$t" >"$out" 2>&1
	rc=$?
	grep -E '^\[ *(PASSED|FAILED|  ERROR|==========)' "$out" | sed "s|^|$(basename "$t"): |"
	count_cmocka "$out"
	if [ $rc -ne 0 ]; then
		grep -E '^\[  (FAILED|ERROR)|Error|error:|runtime error|Sanitizer' "$out" | head -20
		if ! grep -q '^\[  FAILED  \]' "$out"; then fail=$((fail + 1)); fi
		failed="$failed $(basename "$t")"
	fi
	rm -f "$out"
done

for t in tests/cli/*.sh tests/e2e/*.sh; do
	[ -f "$t" ] || continue
	case $t in */lib.sh) continue ;; esac
	wanted "$t" || continue
	out=$(mktemp)
	sh "$t" >"$out" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$out")
	f=$(grep -c '^not ok ' "$out")
	s=$(grep -c '^skip ' "$out")
	grep '^skip ' "$out" | sed "s|^|$t: |"
	grep -A3 '^not ok ' "$out" | sed "s|^|$t: |"
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
		tail -5 "$out" | sed "s|^|$t: |"
		f=1
	fi
	if [ "$s" -gt 0 ]; then echo "$t: $p passed, $f failed, $s skipped"; else echo "$t: $p passed, $f failed"; fi
	pass=$((pass + p)); fail=$((fail + f)); skipped=$((skipped + s))
	[ "$f" -gt 0 ] && failed="$failed $t"
	rm -f "$out"
done

[ -n "$failed" ] && echo "failing:$failed"
if [ "$skipped" -gt 0 ]; then echo "$pass passed, $fail failed, $skipped skipped"; else echo "$pass passed, $fail failed"; fi
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
