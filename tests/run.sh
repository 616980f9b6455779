#!/bin/sh
# run.sh BUILD: every test suite, then one closing line "N passed, N failed".
#   unit: each BUILD/tests/test-* cmocka program (its own summary lines shown)
#   cli:  each tests/cli/*.sh, which prints "ok - ..." / "not ok - ..." lines
#   e2e:  each tests/e2e/*.sh, the same protocol (tmux, ssh)
# Set TESTS=pattern to run only suites whose file name matches; a|b runs
# the suites matching either.
set -u
BUILD=${1:-build}
case $BUILD in /*) ;; *) BUILD=$(pwd)/$BUILD ;; esac
export AXIAL="$BUILD/axial" BUILD
export AXIAL_SRC="$(pwd)"
pass=0 fail=0 failed=""
pat=${TESTS:-}

wanted() {	# file name -> 0 if TESTS selects it
	[ -z "$pat" ] && return 0
	_rest=$pat
	while :; do
		case $1 in *"${_rest%%|*}"*) return 0 ;; esac
		case $_rest in *'|'*) _rest=${_rest#*|} ;; *) return 1 ;; esac
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
	grep -A3 '^not ok ' "$out" | sed "s|^|$t: |"
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
		tail -5 "$out" | sed "s|^|$t: |"
		f=1
	fi
	echo "$t: $p passed, $f failed"
	pass=$((pass + p)); fail=$((fail + f))
	[ "$f" -gt 0 ] && failed="$failed $t"
	rm -f "$out"
done

[ -n "$failed" ] && echo "failing:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
