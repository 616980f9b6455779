# report-lang.sh: reports in the study's language. A Persian report (the
# locale's, or --lang fa) has Persian titles, heads and notes, HTML with
# dir="rtl" lang="fa", Markdown inside <div dir="rtl">, a paradigm SVG
# with Persian labels and Persian fonts, and Persian digits unless
# --digits latin; its figures are those of the Latin-digit report digit
# for digit. CSV keeps Latin digits and gets a byte-order mark with --bom.
# Quotes are the coded span only. `axial agree` and `axial retest` print
# their tables in the same language.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
me=$(id -un)
FA="env -u LC_ALL -u LANGUAGE -u LC_MESSAGES LANG=fa_IR.UTF-8"
EN="env -u LANGUAGE -u LC_MESSAGES LC_ALL=C.UTF-8"
command -v python3 >/dev/null || notok "have python3" "install python3"
# latin FILE: the file with Persian digits (and decimal separator) as Latin
latin() {
	python3 -c 'import sys; s = open(sys.argv[1], encoding="utf-8").read(); sys.stdout.write(s.translate({0x6f0 + i: 0x30 + i for i in range(10)} | {0x66b: 0x2e}))' "$1"
}

$A init p.axial --title "پژوهش نمونه" >/dev/null
printf 'مصاحبه‌گر: چه مشکلی داشتید؟\nپاسخ‌دهنده: سامانه‌ها با هم حرف نمی‌زنند و بودجه کم است.\n' >d1.txt
printf 'مصاحبه‌گر: و بعد؟\nپاسخ‌دهنده: بودجه کم است.\n' >d2.txt
printf 'پاسخ‌دهنده: سامانه‌ها موازی‌اند.\n' >d3.txt
$A import p.axial d1.txt d2.txt d3.txt >/dev/null
$A code add p.axial "ناهماهنگی سامانه‌ها" >/dev/null
$A code add p.axial "کمبود بودجه" >/dev/null
$A cat add p.axial "ضعف حکمرانی" >/dev/null 2>&1
$A coder add p.axial A --account "$me"
$A coder add p.axial B --account "$me"
$A tag p.axial d1 "ناهماهنگی سامانه‌ها" --quote "سامانه‌ها با هم حرف نمی‌زنند" --as A >/dev/null
$A tag p.axial d1 "کمبود بودجه" --quote "بودجه کم است" --as A >/dev/null
$A tag p.axial d2 "کمبود بودجه" --quote "بودجه کم است" --as A >/dev/null
$A tag p.axial d3 "ناهماهنگی سامانه‌ها" --quote "موازی‌اند" --as A >/dev/null
$A tag p.axial d1 "کمبود بودجه" --quote "بودجه کم است" --as B >/dev/null
printf 'document,key,value\nd1,جنسیت,زن\nd2,جنسیت,مرد\nd3,جنسیت,مرد\n' >attrs.csv
$A attr p.axial --csv attrs.csv >/dev/null
cp p.axial before.axial

# Persian under a Persian locale; --lang fa under any locale; English stays.
check_rc "report under LANG=fa_IR.UTF-8" 0 $FA $A report p.axial --source A --out "$T/fa"
check_rc "report --lang fa under C" 0 $EN $A report p.axial --source A --out "$T/lang-fa" --lang fa
check_rc "report in English" 0 $EN $A report p.axial --source A --out "$T/en"
check_rc "report --lang en under a Persian locale" 0 $FA $A report p.axial --source A --out "$T/lang-en" --lang en
check "--lang fa is the Persian locale's report" "" "$(diff -r "$T/fa" "$T/lang-fa")"
check "--lang en is the English locale's report" "" "$(diff -r "$T/en" "$T/lang-en")"
sat=$(cat "$T/fa/saturation.md")
check_match "Markdown opens a right-to-left div" '^<div dir="rtl" lang="fa">$' "$(head -1 "$T/fa/saturation.md")"
check_match "and closes it" '^</div>$' "$(tail -1 "$T/fa/saturation.md")"
check_match "Persian title, a right-to-left mark first" "^# $(printf '\342\200\217')اشباع نظری\$" "$sat"
check_match "Persian column heads" '^\| مصاحبه \| سند \| کدگذاری‌ها \| کدهای تازه \|' "$sat"
check_match "Persian source line" 'منبع: A ' "$sat"
check_match "Persian digits in the figures" '^\| ۱ \| d1 \| ۲ \| ۲ \| ۲ \| ۰ \|' "$sat"
check "no Latin digit in a figure of the Persian report" "" \
	"$(grep '^| ' "$T/fa/saturation.md" | cut -d'|' -f2,4-7 | grep '[0-9]')"
check_match "English report unchanged: English heads, Latin digits" '^\| 1 \| d1 \| 2 \| 2 \| 2 \| 0 \|' "$(cat "$T/en/saturation.md")"
check_match "English Markdown has no rtl div" '^# Saturation$' "$(head -1 "$T/en/saturation.md")"
check_match "Persian demographics with the decimal percent" '^\|  \| مرد \| ۲ \| ۶۷ \|$' "$(cat "$T/fa/demographics.md")"
check_match "Persian index" 'مدل پارادایمی' "$(cat "$T/fa/index.md")"

# --digits latin: the same report, figures in Latin digits, every figure equal.
check_rc "report --digits latin" 0 $FA $A report p.axial --source A --out "$T/fa-latin" --digits latin
check_match "--digits latin keeps Persian heads" '^\| 1 \| d1 \| 2 \| 2 \| 2 \| 0 \|' "$(cat "$T/fa-latin/saturation.md")"
same=yes
for f in "$T"/fa/*.md; do
	if [ "$(latin "$f")" != "$(cat "$T/fa-latin/${f##*/}")" ]; then same="no: ${f##*/}"; break; fi
done
check "every figure equals the --digits latin report's" "yes" "$same"
check_rc "--digits fa in an English report" 0 $EN $A report p.axial --source A --out "$T/en-fa" --digits fa --only frequency
check_match "document names heading figures keep their digits" '^\| کد \| d1 \| d2 \| d3 \| جمع \|$' "$(cat "$T/fa/frequency-by-document.md")"
check_match "and their figures are Persian" '^\| جمع \| ۲ \| ۱ \| ۱ \| ۴ \|$' "$(cat "$T/fa/frequency-by-document.md")"
check_match "English heads, Persian digits" '^\| Total \| ۲ \| ۱ \| ۱ \| ۴ \|$' "$(cat "$T/en-fa/frequency-by-document.md")"

# HTML: dir and lang on the page, Persian heads and digits.
check_rc "html report in Persian" 0 $FA $A report p.axial --source A --out "$T/html" -f html
check_match "html dir=rtl lang=fa" '^<html dir="rtl" lang="fa">$' "$(cat "$T/html/saturation.html")"
check_match "html index dir=rtl lang=fa" '^<html dir="rtl" lang="fa">$' "$(cat "$T/html/index.html")"
check_match "html Persian heading" '<h1 dir="auto">اشباع نظری</h1>' "$(cat "$T/html/saturation.html")"
check_match "html Persian digits" '<td class="n">۱</td><td dir="auto">d1</td><td class="n">۲</td>' "$(cat "$T/html/saturation.html")"
check_rc "html report --digits latin" 0 $FA $A report p.axial --source A --out "$T/html-latin" -f html --digits latin
same=yes
for f in "$T"/html/*.html; do
	if [ "$(latin "$f")" != "$(cat "$T/html-latin/${f##*/}")" ]; then same="no: ${f##*/}"; break; fi
done
check "html: every figure equals the --digits latin page's" "yes" "$same"
check "html pages parse cleanly" "" "$(for f in "$T"/html/*.html; do case $f in */index.html) continue ;; esac; xmllint --html --noout "$f" 2>&1; done | head -5)"
check_match "English html has no dir" '^<html>$' "$($EN $A report p.axial --source A --out "$T/html-en" -f html --only saturation >/dev/null && cat "$T/html-en/saturation.html")"

# The paradigm SVG: Persian labels laid out right to left, Persian fonts.
svg=$(cat "$T/fa/paradigm.svg")
check_rc "Persian svg is well-formed" 0 xmllint --noout "$T/fa/paradigm.svg"
check_match "svg: Persian role label, right to left" '<text class="t" x="[0-9]+" y="[0-9]+" direction="rtl" unicode-bidi="embed">پدیده‌ی محوری</text>' "$svg"
check_match "svg: a font list with Persian glyphs" 'font-family="Vazirmatn, Noto Sans Arabic, Noto Naskh Arabic, Tahoma, DejaVu Sans, sans-serif"' "$svg"
check_match "svg: Persian document title" '<title>پژوهش نمونه</title>' "$svg"
# mirrored: causal conditions right of the central phenomenon in Persian,
# left of it in English; the DOT flows right to left too
rectx() { sed -n "/<g id=\"$2\">/{n;s/.* x=\"\([0-9]*\)\".*/\1/p;}" "$1"; }
check_rc "Persian figure reads from the right" 0 test "$(rectx "$T/fa/paradigm.svg" causal)" -gt "$(rectx "$T/fa/paradigm.svg" central)"
check_rc "English figure reads from the left" 0 test "$(rectx "$T/en/paradigm.svg" causal)" -lt "$(rectx "$T/en/paradigm.svg" central)"
check_match "Persian DOT flows right to left" 'rankdir=RL' "$(cat "$T/fa/paradigm.dot")"
check_match "Persian DOT labels" '<B>شرایط علی</B>' "$(cat "$T/fa/paradigm.dot")"
check_match "export svg follows the locale" '>پدیده‌ی محوری</text>' "$($FA $A export svg p.axial)"
check_match "English svg keeps English labels" '>Central phenomenon</text>' "$(cat "$T/en/paradigm.svg")"

# CSV: Latin digits and exact values in any language; --bom on request.
check_rc "csv report in Persian" 0 $FA $A report p.axial --source A --out "$T/csv" -f csv
check_rc "csv report with --bom" 0 $FA $A report p.axial --source A --out "$T/bom" -f csv --bom
check "csv starts with the heads, no BOM" "$(printf 'منبع')" "$(head -c 8 "$T/csv/saturation.csv")"
check "--bom: EF BB BF first" "efbbbf" "$(head -c 3 "$T/bom/saturation.csv" | od -An -tx1 | tr -d ' \n')"
check "--bom: then the same file" "$(cat "$T/csv/saturation.csv")" "$(tail -c +4 "$T/bom/saturation.csv")"
check_match "csv keeps Latin digits and exact values" '^جنسیت,مرد,2,66\.666667|^,مرد,2,66\.666667' "$(tr -d '\r' <"$T/csv/demographics.csv")"
check "every CSV file has the BOM" "" "$(for f in "$T"/bom/*.csv; do [ "$(head -c 3 "$f" | od -An -tx1 | tr -d ' \n')" = efbbbf ] || echo "$f"; done)"

# Bad options: a clear message, nothing written, the project unchanged.
check_rc "unknown --lang" 2 $A report p.axial --source A --out "$T/bad" --lang de
check_match "the message names the choices" "unknown language 'de' for --lang \(fa or en\)" "$ERR"
check_rc "unknown --digits" 2 $A report p.axial --source A --out "$T/bad" --digits roman
check_match "the message names the choices" "unknown digits 'roman' for --digits \(fa or latin\)" "$ERR"
check_rc "--bom with Markdown" 2 $A report p.axial --source A --out "$T/bad" --bom
check_match "the message says --bom is for CSV" '\-\-bom is for --format csv' "$ERR"
check "nothing written on a bad option" "" "$(ls -d "$T/bad" 2>/dev/null)"
check_rc "the project is unchanged" 0 cmp p.axial before.axial

# Quotes are the coded span only: no speaker label, no neighbouring text.
check_match "quote is the span" '^A,کمبود بودجه,بودجه کم است,d1,1,2,' "$(tr -d '\r' <"$T/csv/open-coding-sample.csv")"
check "no speaker label in any quote" "" "$(grep -h 'پاسخ‌دهنده\|مصاحبه‌گر' "$T"/csv/open-coding-sample.csv "$T"/fa/open-coding-sample.md)"

# axial agree and axial retest follow the language too.
ag=$($FA $A agree p.axial --coders A,B)
check_match "agree: Persian row names" 'کد' "$ag"
check_match "agree: Persian coefficient name" 'کاپا' "$ag"
check "agree --lang en under a Persian locale is English" "$($EN $A agree p.axial --coders A,B)" "$($FA $A agree p.axial --coders A,B --lang en)"
check_match "agree --lang fa under C" 'کاپا' "$($EN $A agree p.axial --coders A,B --lang fa)"
check_rc "agree: unknown --lang" 2 $A agree p.axial --coders A,B --lang de
check_match "agree: the message names the choices" "unknown language 'de' for --lang \(fa or en\)" "$ERR"
rt=$($FA $A retest p.axial --coder A --second B)
check_match "retest: Persian heads" 'سند' "$rt"
check_match "retest: Persian total row" 'جمع' "$rt"
check "retest --lang en under a Persian locale is English" "$($EN $A retest p.axial --coder A --second B)" "$($FA $A retest p.axial --coder A --second B --lang en)"
check_match "retest: English heads" '^document ' "$($EN $A retest p.axial --coder A --second B)"
# agree --data: the figures' names in the table, English in JSON.
printf 'unit,coder,value\n1,a,x\n1,b,x\n2,a,y\n2,b,x\n3,a,y\n3,b,y\n' >rel.csv
dt=$($FA $A agree --data rel.csv --boot 0)
check_match "agree --data: Cohen's kappa in Persian" '^کاپای کوهن +0\.400' "$dt"
check_match "agree --data: a label with a value in Persian" '^برنان-پردیجر \(q = 2\) +0\.333$' "$dt"
check_match "agree --data: English under C" "^Cohen's kappa +0\\.400" "$($EN $A agree --data rel.csv --boot 0)"
check "agree --data --format json is English under Persian" \
	"$($EN $A agree --data rel.csv --boot 0 --format json)" "$($FA $A agree --data rel.csv --boot 0 --format json)"
