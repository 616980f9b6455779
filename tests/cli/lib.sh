# lib.sh: sourced by command-line tests. Each check prints "ok - NAME" or
# "not ok - NAME" with the evidence, and the script goes on.
set -u
: "${AXIAL:?AXIAL must name the binary}"
T=$(mktemp -d "${TMPDIR:-/tmp}/axial-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
SRC=${AXIAL_SRC:-$(pwd)}

ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; shift; for l in "$@"; do printf '    %s\n' "$l"; done; }
# skip NAME WHY: a check that cannot run here; tests/run.sh counts it apart
skip() { echo "skip - $1: $2"; }

# need_fixture FILE: whether a file under tests/fixtures is there; a missing
# one is a failure that names it (fixtures are tracked: nothing may be
# missing in a clone), so no check that needs it passes silently.
need_fixture() {
	if [ -f "$1" ]; then return 0; fi
	notok "fixture ${1#"$SRC"/}" "missing: $1" \
		"it is part of the repository (see its folder's PROVENANCE.md): git checkout -- '${1#"$SRC"/}'"
	return 1
}

# check NAME EXPECTED ACTUAL
check() {
	if [ "$2" = "$3" ]; then ok "$1"; else notok "$1" "expected: $2" "actual:   $3"; fi
}
# check_rc NAME EXPECTED_RC COMMAND...: runs it, output in $OUT/$ERR
check_rc() {
	name=$1 want=$2; shift 2
	"$@" >"$T/.out" 2>"$T/.err"; rc=$?
	OUT=$(cat "$T/.out"); ERR=$(cat "$T/.err")
	if [ "$rc" = "$want" ]; then ok "$name"; else
		notok "$name" "exit $rc, wanted $want" "stdout: $OUT" "stderr: $ERR"; fi
}
# check_match NAME PATTERN TEXT (grep -E)
check_match() {
	if printf '%s\n' "$3" | grep -Eq -- "$2"; then ok "$1"; else
		notok "$1" "no match for: $2" "in: $3"; fi
}

# report_figures PROJECT DIR SOURCE...: every counted figure of the CSV
# report in DIR computed again from PROJECT's raw codings (python3, see
# tests/cli/report_figures.py); prints the figures that differ, nothing when
# all agree.
report_figures() {
	rf_p=$1; shift
	rf_t=$(mktemp -d "$T/figures.XXXXXX")
	"$AXIAL" codings "$rf_p" --json >"$rf_t/codings.json" &&
	"$AXIAL" docs "$rf_p" --json >"$rf_t/docs.json" || { echo "cannot read $rf_p"; return; }
	mkdir "$rf_t/texts"
	python3 -c 'import json, sys
for d in json.load(open(sys.argv[1], encoding="utf-8")): print(d["name"])' \
	    "$rf_t/docs.json" | while IFS= read -r rf_d; do
		"$AXIAL" doc text "$rf_p" "$rf_d" >"$rf_t/texts/$rf_d.txt"
	done
	python3 "$SRC/tests/cli/report_figures.py" "$rf_t/codings.json" \
	    "$rf_t/docs.json" "$rf_t/texts" "$@"
}
