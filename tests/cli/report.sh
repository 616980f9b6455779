# report.sh: `axial report` and `axial export dot|svg` on the sample
# projects: golden outputs (tests/golden/report/SAMPLE-FORMAT/), the figures
# the sample's author states, well-formed SVG (xmllint), DOT accepted by
# Graphviz, and clear errors. AXIAL_GOLDEN_UPDATE=1 rewrites the goldens
# (review the diff by eye before committing it).
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
G=$AXIAL_SRC/tests/golden/report
B=${BUILD:-$AXIAL_SRC/build}
FA=$B/egov-fa.axial
EN=$B/remote-work-en.axial

for need in xmllint dot; do
	command -v $need >/dev/null 2>&1 || notok "$need is installed (scripts/deps.sh)"
done

# golden NAME PROJECT FORMAT [OPTIONS]
golden() {
	g_name=$1 g_proj=$2 g_fmt=$3; shift 3
	g_out="$T/$g_name-$g_fmt"
	check_rc "report $g_name --format $g_fmt" 0 $A report "$g_proj" --format "$g_fmt" --out "$g_out" "$@"
	if [ -n "${AXIAL_GOLDEN_UPDATE:-}" ]; then
		rm -rf "$G/$g_name-$g_fmt" && mkdir -p "$G" && cp -R "$g_out" "$G/$g_name-$g_fmt"
		ok "golden $g_name-$g_fmt updated"
		return
	fi
	if d=$(diff -r "$G/$g_name-$g_fmt" "$g_out" 2>&1); then
		ok "report $g_name $g_fmt matches the golden files"
	else
		notok "report $g_name $g_fmt matches the golden files" "$(printf '%s\n' "$d" | head -20)"
	fi
}
# Two coders and no consensus in the samples: each coder side by side, or
# one coder (tests/cli/report-source.sh tests the sources themselves).
golden egov-fa "$FA" md --source each
golden egov-fa "$FA" csv --source each
golden egov-fa "$FA" html --only coding,sample,saturation,demographics,codebook,paradigm --source coder-a
golden remote-work-en "$EN" md --source coder-a

# Figures the sample's author states (sample-projects/README.md).
sat=$(tail -n +2 "$T/egov-fa-csv/saturation-coder-a.csv" | cut -d, -f5 | tr '\r\n' '  ' | sed 's/ *$//; s/  */ /g')
check "egov-fa coder-a new codes per interview" "18 16 14 12 10 8 7 5 4 3 3 0 0 0" "$sat"
check_match "egov-fa saturation at interview 11" '^Saturation point: interview 11\.' "$(cat "$T/egov-fa-md/saturation-coder-a.md")"
check_match "saturation point row" '^coder-a,11,11-city-council-member,9,3,100,0,point' "$(tr -d '\r' <"$T/egov-fa-csv/saturation-coder-a.csv")"
check_match "demographics: 8 of 14 men, exact in CSV" '^جنسیت,مرد,8,57\.142857$' "$(tr -d '\r' <"$T/egov-fa-csv/demographics.csv")"
check_match "demographics: 6 of 14 women is 43%" '^\|  \| زن \| 6 \| 43 \|$' "$(cat "$T/egov-fa-md/demographics.md")"
check_match "demographics: N" 'N = 14' "$(cat "$T/egov-fa-md/demographics.md")"
check_match "frequencies by coder: 172 + 182 codings, no sum across coders" '^\| Total \| 172 \| 182 \|$' "$(cat "$T/egov-fa-md/frequency-by-coder.md")"
check_match "html text cells carry dir=auto" '<td dir="auto">جنسیت</td>' "$(cat "$T/egov-fa-html/demographics.html")"
check_match "html is self-contained (inline CSS, nothing linked)" '<style>' "$(cat "$T/egov-fa-html/codebook.html")"
check "html table pages parse cleanly (xmllint --html)" "" "$(for f in "$T"/egov-fa-html/*.html; do case $f in */index.html) continue ;; esac; xmllint --html --noout "$f" 2>&1; done | head -5)"
check "html links no stylesheet or script" "" "$(grep -l '<link\|<script' "$T"/egov-fa-html/*.html)"
check "no temporary files left behind" "" "$(ls -a "$T/egov-fa-md" | grep -v '^\.\.\?$' | grep -v '\.\(md\|svg\|dot\)$')"

# Demographics never show a percent that is not 100 or 0 as such: 200 of
# 201 interviewees (99.5%) is ">99", 1 of 201 (0.5%) "<1".
$A init "$T/demo.axial" >/dev/null
mkdir "$T/demo"
i=0; while [ $i -lt 201 ]; do echo "text $i" >"$T/demo/d$i.txt"; i=$((i + 1)); done
$A import "$T/demo.axial" "$T"/demo/*.txt >/dev/null
printf 'document,key,value\n' >"$T/demo.csv"
i=1; while [ $i -lt 201 ]; do echo "d$i,sector,public" >>"$T/demo.csv"; i=$((i + 1)); done
check_rc "200 of 201 documents in one sector" 0 $A attr "$T/demo.axial" --csv "$T/demo.csv"
check_rc "demographics report" 0 $A report "$T/demo.axial" --out "$T/demo-md" --only demographics
check_match "200 of 201 is >99, not 100" '^\| sector \| public \| 200 \| \\>99 \|$' "$(cat "$T/demo-md/demographics.md")"
check_match "1 of 201 is <1, not 0" '^\|  \| \(missing\) \| 1 \| \\<1 \|$' "$(cat "$T/demo-md/demographics.md")"
check_match "the CSV keeps the exact value" '^sector,public,200,99\.502488' \
	"$($A report "$T/demo.axial" --out "$T/demo-csv" --only demographics -f csv >/dev/null && tr -d '\r' <"$T/demo-csv/demographics.csv")"

# SVG well formed; DOT accepted by Graphviz; with and without codes.
for s in egov-fa-md remote-work-en-md; do
	check_rc "$s: paradigm.svg is well-formed XML" 0 xmllint --noout "$T/$s/paradigm.svg"
	check_rc "$s: dot accepts paradigm.dot" 0 dot -Tsvg "$T/$s/paradigm.dot" -o "$T/$s-dot.svg"
	check_rc "$s: dot's own SVG is well formed" 0 xmllint --noout "$T/$s-dot.svg"
done
check_match "svg marks Persian text rtl" 'direction="rtl" unicode-bidi="embed">ضعف حکمرانی فناوری اطلاعات<' "$(cat "$T/egov-fa-md/paradigm.svg")"
check_rc "export svg --codes to a file" 0 $A export svg "$FA" "$T/codes.svg" --codes
check_rc "svg with codes is well formed" 0 xmllint --noout "$T/codes.svg"
check_match "svg with codes lists a code" '>سامانه‌های موازی در معاونت‌ها<' "$(cat "$T/codes.svg")"
check_rc "export dot --codes to stdout" 0 $A export dot "$FA" --codes
printf '%s\n' "$OUT" >"$T/codes.dot"
check_rc "dot accepts the model with codes" 0 dot -Tsvg "$T/codes.dot" -o "$T/codes-dot.svg"
check_rc "export svg to stdout" 0 $A export svg "$EN"
printf '%s\n' "$OUT" >"$T/en.svg"
check_rc "stdout svg well formed" 0 xmllint --noout "$T/en.svg"

# An empty project: every table, empty, and a model with six empty slots.
check_rc "init an empty project" 0 $A init "$T/empty.axial"
check_rc "report on an empty project" 0 $A report "$T/empty.axial" --out "$T/empty"
check_match "empty: saturation not reached" 'nothing is coded yet' "$(cat "$T/empty/saturation.md")"
check_rc "empty: svg well formed" 0 xmllint --noout "$T/empty/paradigm.svg"
check_rc "empty: dot accepts the model" 0 dot -Tsvg "$T/empty/paradigm.dot" -o "$T/empty-dot.svg"

# --only, --coder, --per-code
check_rc "--only saturation,demographics" 0 $A report "$FA" --out "$T/only" --only saturation,demographics --source each
check "--only writes just those" "demographics.md index.md saturation-coder-a.md saturation-coder-b.md" "$(ls "$T/only" | tr '\n' ' ' | sed 's/ $//')"
check_rc "--coder coder-b --only saturation" 0 $A report "$FA" -o "$T/onlyb" --coder coder-b --only saturation -f csv
check "one coder: one saturation file" "saturation.csv" "$(ls "$T/onlyb" | tr '\n' ' ' | sed 's/ $//')"
check_rc "--per-code 2" 0 $A report "$EN" -o "$T/per2" --only sample --per-code 2 -f csv --source coder-b
check "up to two codings per code" "1" "$(($(wc -l <"$T/per2/open-coding-sample.csv") > 26))"
check_rc "report again into the same directory" 0 $A report "$FA" --out "$T/only" --only demographics
check_rc "tables that count no codings need no --source" 0 $A report "$FA" --out "$T/nosrc" --only demographics,paradigm

# Directory creation and errors
umask 022
check_rc "creates DIR" 0 $A report "$EN" --out "$T/newdir" --only demographics
check "DIR made 0777 & ~umask" "755" "$(stat -c %a "$T/newdir")"
(umask 077; $A report "$EN" --out "$T/privdir" --only demographics >/dev/null)
check "DIR honours a strict umask" "700" "$(stat -c %a "$T/privdir")"
check_rc "unknown format" 2 $A report "$FA" --format pdf --out "$T/x"
check_match "unknown format message" "unknown format 'pdf' \(md, html or csv\)" "$ERR"
check "nothing written for a bad format" "" "$(ls -d "$T/x" 2>/dev/null)"
check_rc "--out is required" 2 $A report "$FA"
check_match "--out message" -- '--out DIR is required' "$ERR"
check_rc "unknown --only table" 2 $A report "$FA" --out "$T/x" --only saturation,bogus
check_match "--only message" "unknown table 'bogus'" "$ERR"
check_rc "bad --per-code" 2 $A report "$FA" --out "$T/x" --per-code 0
check_rc "unknown coder" 1 $A report "$FA" --out "$T/x" --coder nobody-here
check_match "unknown coder message" "no coder 'nobody-here'" "$ERR"
check_rc "missing project" 1 $A report "$T/none.axial" --out "$T/x"
: >"$T/afile"
check_rc "DIR is a file" 1 $A report "$EN" --out "$T/afile" --source coder-a
check "not a directory message" "axial: $T/afile: Not a directory" "$ERR"
check_rc "DIR's parent missing" 1 $A report "$EN" --out "$T/no/such" --source coder-a
check "missing parent message" "axial: $T/no/such: No such file or directory" "$ERR"

# Not writable: as root (which ignores modes) run the check as nobody.
mkdir -p "$T/ro" && cp "$EN" "$T/ro/p.axial" && chmod 755 "$T" && chmod 555 "$T/ro"
if [ "$(id -u)" = 0 ]; then
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
else
	as_user=""
fi
check_rc "DIR not writable" 1 $as_user $A report "$T/ro/p.axial" --out "$T/ro" --source each
check "not writable message" "axial: $T/ro: Permission denied" "$ERR"
check_rc "new DIR under a read-only parent" 1 $as_user $A report "$T/ro/p.axial" --out "$T/ro/sub" --source each
check "read-only parent message" "axial: $T/ro/sub: Permission denied" "$ERR"
chmod 755 "$T/ro"
