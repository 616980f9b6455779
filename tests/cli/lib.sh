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

# The seeds' study with links (tests/cli/links-*.sh): the Persian sample's
# central, causal and strategies main categories, and a type of its own.
SEED_CENTRAL="ناهماهنگی در یکپارچه‌سازی خدمات الکترونیک شهری"
SEED_CAUSAL="ضعف حکمرانی فناوری اطلاعات"
SEED_STRAT="راهبردهای یکپارچه‌سازی"
SEED_MINE="تقویت می‌کند"
# seed_link FILE FROM TO TYPE [OPTIONS]: adds the link quietly; a failure
# is named
seed_link() {
	sl_p=$1 sl_from=$2 sl_to=$3 sl_type=$4; shift 4
	"$AXIAL" link add "$sl_p" "$sl_from" "$sl_to" --type "$sl_type" "$@" >/dev/null ||
		notok "link add $sl_from $sl_type $sl_to"
}
# seeds_study FILE: the Persian sample (make samples: six slots, 23
# sub-categories) copied to FILE and given 13 links through the command
# line: every built-in type, one undirected, two sub-categories causing one,
# a part-of inside a slot, a type of the study's own in its colour, a memo
# on the first; intervening is linked only to the strategies, so it is the
# one unexplained slot. Fails (1) when the sample is missing.
seeds_study() {
	ss_b=${BUILD:-$SRC/build}
	if [ ! -f "$ss_b/egov-fa.axial" ]; then
		notok "sample project egov-fa" "missing $ss_b/egov-fa.axial (make samples)"
		return 1
	fi
	cp "$ss_b/egov-fa.axial" "$1"
	"$AXIAL" link type add "$1" "$SEED_MINE" --color "#336699" >/dev/null ||
		notok "link type add $SEED_MINE"
	seed_link "$1" "$SEED_CAUSAL" "$SEED_CENTRAL" causes --memo "حکمرانی ضعیف ناهماهنگی می‌آورد"
	seed_link "$1" "نبود معماری سازمانی" "جزیره‌ای بودن سامانه‌ها" causes
	seed_link "$1" "فقدان استانداردهای تبادل داده" "جزیره‌ای بودن سامانه‌ها" causes
	seed_link "$1" "بستر سازمانی و فرهنگی شهرداری‌ها" "$SEED_STRAT" context
	seed_link "$1" "فرهنگ کاغذمحور" "گسست فرایندی میان واحدها" context
	seed_link "$1" "عوامل کلان محیطی" "$SEED_STRAT" intervenes
	seed_link "$1" "$SEED_STRAT" "$SEED_CENTRAL" strategy
	seed_link "$1" "یکپارچه‌سازی فنی" "جزیره‌ای بودن سامانه‌ها" strategy
	seed_link "$1" "$SEED_CENTRAL" "پیامدهای یکپارچه‌سازی" leads-to
	seed_link "$1" "استقرار حکمرانی داده" "پیامدهای سازمانی" leads-to
	seed_link "$1" "پیامدهای ناخواسته" "توانمندسازی و مدیریت تغییر" contradicts --undirected
	seed_link "$1" "همکاری با ذی‌نفعان بیرونی" "بازمهندسی فرایندها" "$SEED_MINE"
	seed_link "$1" "نبود معماری سازمانی" "$SEED_CAUSAL" part-of
}
