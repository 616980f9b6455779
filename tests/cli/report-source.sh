# report-source.sh: `axial report` counts one source per table (the
# consensus coding, one coder, or each coder side by side), never the sum of
# coders; every figure of the frequency, co-occurrence, saturation, coding
# and codebook tables is computed again from `axial codings --json`
# (tests/cli/report_figures.py) and compared; every format names the
# source; quotes are the coded span only.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
me=$(id -un)
command -v python3 >/dev/null || notok "have python3" "install python3"

$A init p.axial >/dev/null
# Speaker labels, two paragraphs in d, one in e.
printf 'P1: one alpha beta\nP1: two gamma\n' >d.txt
printf 'P2: three delta\n' >e.txt
$A import p.axial d.txt >/dev/null
$A import p.axial e.txt >/dev/null
$A code add p.axial k >/dev/null
$A code add p.axial m >/dev/null
$A code add p.axial n >/dev/null
$A coder add p.axial A --account "$me"
$A coder add p.axial B --account "$me"
# Both coders tag the same segment with k; m overlaps k for A and shares
# only the paragraph with it for B; A codes k in e too, B n in d's line 2.
$A tag p.axial d k --quote "alpha" --as A >/dev/null
$A tag p.axial d k --quote "alpha" --as B >/dev/null
$A tag p.axial d m --quote "alpha beta" --as A >/dev/null
$A tag p.axial d m --quote "beta" --as B >/dev/null
$A tag p.axial e k --quote "delta" --as A >/dev/null
$A tag p.axial d n --quote "gamma" --as B >/dev/null
cp p.axial before.axial

# Two coders, no consensus, no --source: refused, the choices named.
check_rc "two coders and no consensus: refused" 2 $A report p.axial --out "$T/none"
check_match "the refusal names the file and the choices" \
	"p\.axial has codings by 2 coders and no consensus coding: choose what to count with --source A, --source B or --source each" "$ERR"
check "nothing written when refused" "" "$(ls -d "$T/none" 2>/dev/null)"
check_rc "unknown source" 1 $A report p.axial --out "$T/none" --source nobody
check_match "unknown source message" "p\.axial: no coder 'nobody' to count: choose --source A, --source B or --source each" "$ERR"
check_rc "no consensus yet" 1 $A report p.axial --out "$T/none" --source consensus
check_match "no consensus message" "p\.axial has no consensus coding yet" "$ERR"
check_rc "the project is unchanged" 0 cmp p.axial before.axial

# verify DIR SOURCE...: every counted CSV of DIR against the codings of the
# sources (one: a single-source report; several: --source each).
verify() {
	report_figures p.axial "$@"
}

# report_src NAME OPTIONS...: a CSV report into $T/NAME, then its figures.
report_src() {
	r_name=$1; shift
	check_rc "report --format csv $*" 0 $A report p.axial -f csv --out "$T/$r_name" "$@"
}

report_src a --source A
check "--source A: every figure from A's codings alone" "" "$(verify "$T/a" A)"
report_src b --source B
check "--source B: every figure from B's codings alone" "" "$(verify "$T/b" B)"
report_src each --source each
check "--source each: every figure per coder" "" "$(verify "$T/each" A B)"
check "--source each: one file per coder where a table cannot be side by side" \
	"cooccurrence-overlap-A.csv cooccurrence-overlap-B.csv frequency-by-document-A.csv frequency-by-document-B.csv saturation-A.csv saturation-B.csv" \
	"$(cd "$T/each" && ls cooccurrence-overlap* frequency-by-document* saturation* | tr '\n' ' ' | sed 's/ $//')"
# The segment both coders tagged with k counts once per source, never twice.
check_match "k in d is 1 for A, never 2" '^A,k,1,1,2' "$(tr -d '\r' <"$T/a/frequency-by-document.csv")"
check_match "k in d is 1 for B, never 2" '^B,k,1,0,1' "$(tr -d '\r' <"$T/b/frequency-by-document.csv")"
check_match "frequency by coder: k is 2 for A, 1 for B, no total column" '^k,2,1$' "$(tr -d '\r' <"$T/each/frequency-by-coder.csv")"
check_match "paragraph co-occurrence of k and m: 1 for B, not 2" '^B,1,k,1,1,0$' "$(tr -d '\r' <"$T/b/cooccurrence-paragraph.csv")"
check_match "saturation: d has 2 of A's codings, not 4" '^A,1,d,2,2,2,0,point' "$(tr -d '\r' <"$T/a/saturation.csv")"

# The consensus coding becomes the default once it has codings.
check_rc "seed the consensus" 0 $A consensus p.axial --coders A,B seed
report_src cons
check "consensus is the default: every figure from it alone" "" "$(verify "$T/cons" consensus)"
check_match "k in d is 1 under consensus" '^consensus,k,1,0,1' "$(tr -d '\r' <"$T/cons/frequency-by-document.csv")"
report_src cons2 --source consensus
check "--source consensus: the same files" "" "$(diff -r "$T/cons" "$T/cons2")"
report_src each3 --source each
check "--source each takes the consensus as one more column" "" "$(verify "$T/each3" A B consensus)"

# Every format names the source, in the header of each table.
check_rc "md report" 0 $A report p.axial --out "$T/md" --source B
check_match "md names the source under the title" '^Source: B \(the codings of this coder only\)\.$' "$(cat "$T/md/frequency-by-document.md")"
check "md: every counted table names it" "" "$(cd "$T/md" && grep -L '^Source: B ' *.md | grep -v '^\(demographics\|index\|agreement\)\.md$')"
check_match "md index names the source" 'Code frequencies by document \(source: B\)' "$(cat "$T/md/index.md")"
check_rc "html report" 0 $A report p.axial --out "$T/html" --source B -f html
check_match "html names the source" '<p class="source" dir="auto">Source: B \(the codings of this coder only\)\.</p>' "$(cat "$T/html/saturation.html")"
check "html: every counted table names it" "" "$(cd "$T/html" && grep -L 'class="source"' *.html | grep -v '^\(demographics\|index\|agreement\)\.html$')"
check_rc "md report, each" 0 $A report p.axial --out "$T/mdeach" --source each
check_match "md each: side by side named" '^Source: each coder side by side \(A, B, consensus\)\.$' "$(cat "$T/mdeach/codebook.md")"
check_match "md each: per-coder file named" '^Source: A \(the codings of this coder only\)\.$' "$(cat "$T/mdeach/saturation-A.md")"
check_match "md consensus named as such" '^Source: consensus \(the consensus coding\)\.$' \
	"$($A report p.axial --out "$T/mdcons" --only saturation >/dev/null && cat "$T/mdcons/saturation.md")"

# One coder: the default, with nothing to choose.
$A init one.axial >/dev/null
$A import one.axial d.txt >/dev/null
$A code add one.axial k >/dev/null
$A tag one.axial d k --quote "alpha" >/dev/null
check_rc "one coder: no --source needed" 0 $A report one.axial --out "$T/one" -f csv --only frequency
check_match "one coder is the source" "^$me,k,1,1\$" "$(tr -d '\r' <"$T/one/frequency-by-document.csv")"

# Quotes are the coded span: no speaker label, nothing around it.
check_match "sample quote is the span only" '^A,k,alpha,d,1,1,8,13' "$(tr -d '\r' <"$T/a/open-coding-sample.csv")"
check_match "a span across the label-free text of a line" '^A,m,alpha beta,d,1,1,8,18' "$(tr -d '\r' <"$T/a/open-coding-sample.csv")"
check "no speaker label in any quote" "" "$(grep -h 'P[12]:' "$T"/a/open-coding-sample.csv "$T"/md/open-coding-sample.md)"
