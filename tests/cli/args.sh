# args.sh: every command `axial --help` lists, given bad arguments: none
# ends on a signal; a usage error exits 2 and prints the usage line; an
# error exits 1 with a message naming the file. Run against a missing
# project, then a real one, which must not change. Typos of a command are
# an unknown command (exit 2), with a hint when one is close.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
MISSING=missing.axial

# run ARGS...: the binary with no terminal and no input; rc, OUT, ERR
run() {
	"$A" "$@" </dev/null >"$T/.out" 2>"$T/.err"; rc=$?
	OUT=$(cat "$T/.out"); ERR=$(cat "$T/.err")
}
# nosignal NAME: the last run exited below 128 (134 abort, 139 SIGSEGV...)
nosignal() {
	if [ "$rc" -lt 128 ]; then ok "$1: no signal"; else
		notok "$1: no signal" "exit $rc" "stderr: $ERR"; fi
}
# usage NAME CMD ARGS...: exit 2 with CMD's usage line
usage() {
	name=$1 c=$2; shift 2
	run $c "$@"
	nosignal "$name"
	if [ "$rc" = 2 ] && printf '%s\n' "$ERR" | grep -q "^usage: axial $c "; then
		ok "$name: usage error"
	else
		notok "$name: usage error" "exit $rc, wanted 2 and 'usage: axial $c'" \
		    "stderr: $ERR"
	fi
}
# error NAME WORD CMD ARGS...: exit 1 with a message naming WORD (a file)
error() {
	name=$1 word=$2 c=$3; shift 3
	run $c "$@"
	nosignal "$name"
	if [ "$rc" = 1 ] && printf '%s\n' "$ERR" | grep -q "^axial: .*$word"; then
		ok "$name: error naming $word"
	else
		notok "$name: error naming $word" "exit $rc, wanted 1" "stderr: $ERR"
	fi
}

# The commands, from `axial --help` (one to three words, then two spaces).
cmds=$($A --help | sed -n '/^commands:$/,/^$/p' | sed '1d;$d' |
    sed -E 's/^  ([a-z]+( [a-z]+){0,2})  +.*/\1/')
check_match "the command list is read" '^code add$' "$cmds"
n=0 bad=""
while IFS= read -r c; do
	n=$((n + 1))
	run $c --help
	printf '%s\n' "$OUT" | head -1 | grep -q "^usage: axial $c " || bad="$bad [$c]"
done <<EOF
$cmds
EOF
check "each listed name is a command with --help ($n)" "" "$bad"

# ops CMD P: operands that make a valid call of CMD on project P.
ops() {
	case $1 in
	init) echo "$2.new" ;;
	import) echo "$2 i9.txt" ;;
	attr) echo "$2 i1" ;;
	"doc rename") echo "$2 i1 renamed" ;;
	"doc move") echo "$2 i1 1" ;;
	"doc rm"|"doc text") echo "$2 i1" ;;
	"code add") echo "$2 newcode" ;;
	"code rename") echo "$2 c1 renamed" ;;
	"code move") echo "$2 c1 --top" ;;
	"code merge") echo "$2 c1 c2" ;;
	"code rm") echo "$2 c1" ;;
	"code role") echo "$2 Cat causal" ;;
	"code color") echo "$2 c1 #112233" ;;
	"code define") echo "$2 c1 words" ;;
	"code core") echo "$2 Cat" ;;
	"link add") echo "$2 c1 c2 --type causes" ;;
	"link rm") echo "$2 1" ;;
	"link evidence") echo "$2 1 1" ;;
	"link memo") echo "$2 1 words" ;;
	"link type add") echo "$2 newtype" ;;
	tag) echo "$2 i1 c1 0 5" ;;
	untag) echo "$2 1" ;;
	query) echo "$2 c1" ;;
	"query run"|"query rm") echo "$2 q1" ;;
	"query code") echo "$2 q1 newcode" ;;
	"memo add") echo "$2 words" ;;
	"memo edit") echo "$2 1 words" ;;
	"memo rm") echo "$2 1" ;;
	"coder add") echo "$2 bob" ;;
	"export csv") echo "$2 out.csv" ;;
	"export qdpx") echo "$2 out.qdpx" ;;
	"export qdc") echo "$2 out.qdc" ;;
	"export dot") echo "$2 out.dot" ;;
	"export svg") echo "$2 out.svg" ;;
	merge) echo "$2 other.axial" ;;
	agree|compare) echo "$2 --coders alice,bob" ;;
	consensus) echo "$2 --coders alice,bob seed" ;;
	blind) echo "$2 status" ;;
	report) echo "$2 --out rep" ;;
	similar) echo "$2 --coding 1" ;;
	search) echo "$2 word" ;;
	autocode) echo "$2 word code" ;;
	matrix) echo "$2 --rows codes --cols documents" ;;
	cat) echo "i9.txt" ;;
	keys) echo "" ;;
	*) echo "$2" ;;
	esac
}
# numbers CMD P: a word where CMD takes a number, one call per line
numbers() {
	# shellcheck disable=SC2086
	h=$($A $1 --help)
	case $1 in
	"doc move") echo "$2 i1 many" ;;
	tag) echo "$2 i1 c1 many 5"; echo "$2 i1 c1 --quote words --nth many" ;;
	untag|"memo rm") echo "$2 many" ;;
	"memo edit") echo "$2 many words" ;;
	"memo add") echo "$2 words --on coding:many"; echo "$2 words --on link:many" ;;
	"link rm") echo "$2 many" ;;
	"link evidence") echo "$2 many 1"; echo "$2 1 many" ;;
	"link memo") echo "$2 many words" ;;
	consensus) echo "$2 --coders alice,bob i1 many c1 a" ;;
	esac
	# every option whose value is a number (N), and --theta
	for o in $(echo "$h" | grep -oE -- '--[a-z-]+ N\b|--theta' | cut -d' ' -f1 | sort -u); do
		echo "$(ops "$1" "$2") $o many"
	done
}
# misuse CMD OPERANDS: CMD without arguments, each option without its
# value, each flag given one
misuse() {
	c=$1 o=$2
	# shellcheck disable=SC2086
	h=$($A $c --help)
	if [ "$c" = keys ]; then
		run keys; nosignal "keys, no arguments"
		check "keys, no arguments: lists the keys" 0 "$rc"
	elif [ "$c" = doctor ]; then
		# no project: the environment's findings alone (0 or 1)
		run doctor; nosignal "doctor, no arguments"
		check "doctor, no arguments: no usage error" 1 "$([ "$rc" -lt 2 ] && echo 1)"
	else
		usage "$c, no arguments" "$c"
	fi
	for opt in $(echo "$h" | grep -oE -- '--[a-z-]+ [A-Z#]' | cut -d' ' -f1 | sort -u); do
		# shellcheck disable=SC2086
		usage "$c, $opt missing its value" "$c" $o $opt
	done
	for flag in $(echo "$h" | grep -oE -- '--[a-z-]+( |$)' | sed 's/ $//' | sort -u); do
		echo "$h" | grep -qE -- "$flag [A-Z#]" && continue
		case $flag in --help|--as) continue ;; esac	# --as: global, with a value
		# shellcheck disable=SC2086
		usage "$c, $flag=value for a flag" "$c" $o "$flag=5"
	done
}
# files CMD: commands whose extra operands are files (their own error)
files() { case $1 in import|cat) return 0 ;; esac; return 1; }

# battery P WHAT [all]: every command with bad arguments, P as the
# project; with "all", no arguments and each of its options misused too
# (those fail the same whatever the project)
battery() {
	P=$1 what=$2 all=${3:-}
	while IFS= read -r c; do
		o=$(ops "$c" "$P")
		# shellcheck disable=SC2086
		usage "$c, unknown option ($what)" "$c" $o --bogus
		# shellcheck disable=SC2086
		usage "$c, --as missing its value ($what)" "$c" $o --as
		[ -n "$all" ] && misuse "$c" "$o"
		if files "$c"; then
			w=x1
			[ "$c" = import ] && [ "$P" = "$MISSING" ] && w=$P
			# shellcheck disable=SC2086
			error "$c, extra arguments ($what)" "$w" "$c" $o x1 x2 x3
		elif [ "$c" = keys ]; then
			usage "keys, extra arguments" keys x1 x2 x3
		else
			# shellcheck disable=SC2086
			usage "$c, extra arguments ($what)" "$c" $o x1 x2 x3
		fi
		numbers "$c" "$P" | while IFS= read -r line; do
			# shellcheck disable=SC2086
			usage "$c, a word for a number: $line" "$c" $line
		done
	done <<EOF
$cmds
EOF
}

printf 'Interviewer: What held the project back?\nP1: No shared system.\n' >i9.txt

# 1. a missing project: each command says which file, exit 1
battery "$MISSING" "missing project" all
while IFS= read -r c; do
	case $c in
	keys) continue ;;
	init) error "init, a missing directory" nodir/ init nodir/new.axial; continue ;;
	cat) error "cat, a missing file" nothere.txt cat nothere.txt; continue ;;
	esac
	# shellcheck disable=SC2046
	error "$c, missing project" "$MISSING" "$c" $(ops "$c" "$MISSING")
done <<EOF
$cmds
EOF
check_rc "nothing created" 1 test -e "$MISSING"

# 2. a real project, which none of the bad calls may change
check_rc "init" 0 $A init p.axial --title "Args"
check_rc "import" 0 $A import p.axial i9.txt --name i1
check_rc "code add c1" 0 $A code add p.axial c1
check_rc "code add c2" 0 $A code add p.axial c2
check_rc "code add Cat" 0 $A code add p.axial Cat --category
check_rc "tag" 0 $A tag p.axial i1 c1 0 5
check_rc "memo add" 0 $A memo add p.axial "a memo"
before=$(sqlite3 p.axial .dump)
battery p.axial "real project"
check "the bad calls left the project as it was" "$before" "$(sqlite3 p.axial .dump)"
check_rc "the project is whole" 0 sqlite3 p.axial 'PRAGMA integrity_check'

# 3. what names no command
run chek study.axial
nosignal "axial chek study.axial"
check "axial chek study.axial: usage error" 2 "$rc"
check_match "unknown command 'chek'" "^axial: unknown command 'chek'" "$ERR"
check_match "with the usage line" '^usage: axial ' "$ERR"
run chek
nosignal "axial chek"
run agre p.axial --coders a,b
check "a typo: usage error" 2 "$rc"
check_match "a typo: did you mean" "^axial: unknown command 'agre'; did you mean 'agree'\?" "$ERR"
check_match "a typo: the usage line" '^usage: axial ' "$ERR"
run agre
check_match "a typo alone: did you mean" "did you mean 'agree'\?" "$ERR"
check "a typo alone: usage error" 2 "$rc"
run doc mvoe p.axial i1 2
check "a two-word typo: usage error" 2 "$rc"
check_match "a two-word typo: did you mean" "unknown command 'doc mvoe'; did you mean 'doc move'\?" "$ERR"
run export study.axial
check "a group without its subcommand: usage error" 2 "$rc"
check_match "a group without its subcommand: names them" "'export' needs one of: csv, qdpx, qdc, dot, svg" "$ERR"
run frobnicate p.axial
check "far from any command: usage error" 2 "$rc"
check "far from any command: no guess" "" "$(printf '%s\n' "$ERR" | grep 'did you mean')"
check "no command was run" "$before" "$(sqlite3 p.axial .dump)"

# `axial FILE` still opens FILE (without a terminal: its summary)
run p.axial
check "axial PROJECT still opens it" 0 "$rc"
check_match "axial PROJECT prints the summary" '^project: +p.axial' "$OUT"
error "axial MISSING" "$MISSING" "$MISSING"
error "axial MISSING --no-mouse" "$MISSING" "$MISSING" --no-mouse
error "axial dir/MISSING --theme dark" "dir/$MISSING" "dir/$MISSING" --theme dark
cp p.axial agre
run agre
check "a file that looks like a typo is opened" 0 "$rc"
run p.axial extra
nosignal "axial PROJECT extra"
check "axial PROJECT extra: usage error" 2 "$rc"
check_match "axial PROJECT extra: names it" "extra" "$ERR"
run p.axial --bogus
check "axial PROJECT --bogus: usage error" 2 "$rc"
run p.axial --layout
check "axial PROJECT --layout: usage error" 2 "$rc"
run p.axial --layout sideways
check "axial PROJECT --layout sideways: usage error" 2 "$rc"

# options before the project are the workbench's, as after it
run p.axial --theme dark --no-mouse
check "axial PROJECT --theme dark --no-mouse opens it" 0 "$rc"
run --theme dark p.axial
check "axial --theme dark PROJECT opens it" 0 "$rc"
check_match "axial --theme dark PROJECT prints the summary" '^project: +p.axial' "$OUT"
run --no-mouse --layout rtl p.axial
check "axial --no-mouse --layout rtl PROJECT opens it" 0 "$rc"
run --layout sideways p.axial
check "axial --layout sideways PROJECT: usage error" 2 "$rc"
check_match "axial --layout sideways PROJECT: says why" 'layout takes rtl, ltr or auto' "$ERR"
run --bogus p.axial
check "axial --bogus PROJECT: usage error" 2 "$rc"
check_match "axial --bogus PROJECT: names the option" "unknown option '--bogus'" "$ERR"
run --theme dark
check "axial --theme dark without a project: usage error" 2 "$rc"
error "axial --theme dark MISSING" "$MISSING" --theme dark "$MISSING"
run --theme dark p.axial extra
check "axial --theme dark PROJECT extra: usage error" 2 "$rc"
# options before a command are its own, as after it
run codes p.axial --json
after=$OUT
run --json codes p.axial
check "axial --json codes PROJECT: as axial codes PROJECT --json" "$after" "$OUT"
run --as nobody-here code add p.axial newcode
check "axial --as NAME code add PROJECT: refused as after it" 1 "$rc"
check_match "axial --as NAME code add: names the coder" "nobody-here" "$ERR"
run --bogus codes p.axial
check "axial --bogus codes PROJECT: the command's usage error" 2 "$rc"
check_match "axial --bogus codes PROJECT: names the option" "unknown option '--bogus'" "$ERR"
check "options before the project changed nothing" "$before" "$(sqlite3 p.axial .dump)"
