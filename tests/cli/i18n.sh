#!/bin/sh
# i18n.sh: the Persian catalogue is complete and current, the interface
# follows the locale (also one the system has not compiled), and what
# machines read stays English under any locale.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
PO="$AXIAL_SRC/po/fa.po"
POT="$AXIAL_SRC/po/axial.pot"
unset LANGUAGE LC_MESSAGES
FA="env -u LC_ALL -u LANGUAGE LANG=fa_IR.UTF-8"
EN="env -u LANGUAGE LC_ALL=C.UTF-8"

# complete: every message translated, nothing fuzzy, formats valid
stats=$(msgfmt --check --statistics -o /dev/null "$PO" 2>&1)
check_rc "msgfmt --check accepts po/fa.po" 0 msgfmt --check -o /dev/null "$PO"
check_match "every message of fa.po is translated" '^[0-9]+ translated messages\.$' "$stats"
total=$(grep -c '^msgid ' "$POT")
n=$(echo "$stats" | sed -n 's/^\([0-9]*\) translated.*/\1/p')
check "fa.po translates each of the pot's $((total - 1)) messages" "$((total - 1))" "$n"

# current: the pot as the sources mark them now, and fa.po covers it
make -C "$AXIAL_SRC" --no-print-directory -s pot POT="$T/now.pot" >/dev/null 2>&1
check_rc "xgettext regenerates the pot" 0 test -s "$T/now.pot"
check_rc "po/axial.pot has every message the sources mark (make pot)" 0 \
    msgcmp --use-untranslated "$POT" "$T/now.pot"
check_rc "po/axial.pot has no message the sources dropped (make pot)" 0 \
    msgcmp --use-untranslated "$T/now.pot" "$POT"
check_rc "po/fa.po translates every message the sources mark" 0 \
    msgcmp "$PO" "$T/now.pot"
# a string marked without a translation is caught
printf '#include "base/i18n.h"\nconst char *x(void) { return _("a new untranslated message"); }\n' >"$T/new.c"
xgettext --from-code=UTF-8 --language=C --keyword=_ -o "$T/new.pot" "$T/new.c"
msgcat -o "$T/more.pot" "$T/now.pot" "$T/new.pot" 2>/dev/null
check_rc "a newly marked string without a translation fails the check" 1 \
    msgcmp "$PO" "$T/more.pot"

# the interface follows the locale, installed or not
"$A" init "$T/p.axial" >/dev/null
check_match "Persian --help under LANG=fa_IR.UTF-8" 'فرمان‌ها:' "$($FA "$A" --help)"
check_match "Persian errors" 'گزینه‌ی ناشناخته' "$($FA "$A" info --nosuch 2>&1)"
check_match "LANGUAGE=fa with C.UTF-8 is Persian too" 'فرمان‌ها:' \
    "$(env -u LC_ALL LANG=C.UTF-8 LANGUAGE=fa "$A" --help)"
check_match "English under LC_ALL=C.UTF-8" '^commands:$' "$($EN "$A" --help)"
check_match "English when LANG is unset" '^commands:$' "$(env -u LC_ALL -u LANG -u LANGUAGE "$A" --help)"
check_match "a command's help in Persian" 'عنوان پژوهش' "$($FA "$A" init --help)"
check_match "its usage line keeps the options" 'axial init PROJECT \[--title TITLE\]' "$($FA "$A" init --help)"
check_match "command output in Persian: info" '^کدها: +0 در 0 مقوله$' "$($FA "$A" info "$T/p.axial")"
check_match "command output in Persian: init" 'ساخته شد$' "$($FA "$A" init "$T/q.axial")"
check_match "command output in Persian: blind" 'کدگذاری کور: خاموش' "$($FA "$A" blind "$T/p.axial" status)"

# machine-readable output is the same in any language
for args in "keys --markdown" "keys --man" "info $T/p.axial --json" "codes $T/p.axial --json"; do
	# shellcheck disable=SC2086
	en=$($EN "$A" $args 2>&1); fa=$($FA "$A" $args 2>&1)
	check "axial $args is English under Persian" "$en" "$fa"
done

# the readers' errors and notices in the user's language, English under C
printf 'line one\nbad \377 byte\n' >"$T/bad.txt"
fa=$($FA "$A" import "$T/p.axial" "$T/bad.txt" 2>&1)
check_match "invalid UTF-8 in Persian, with line and byte offset" \
    'bad\.txt: UTF-8 نامعتبر در سطر 2، فاصله‌ی بایتی 13$' "$fa"
check_match "invalid UTF-8 in English under C.UTF-8" \
    'bad\.txt: invalid UTF-8 at line 2, byte offset 13$' "$($EN "$A" import "$T/p.axial" "$T/bad.txt" 2>&1)"
printf 'PK\003\004 not a real archive, only its first bytes\n' >"$T/broken.docx"
check_match "a damaged .docx in Persian" 'broken\.docx: بایگانی ZIP معتبر نیست \(بریده یا آسیب‌دیده' \
    "$($FA "$A" import "$T/p.axial" "$T/broken.docx" 2>&1)"
check_match "a damaged .docx in English" 'broken\.docx: not a valid ZIP archive \(truncated or damaged' \
    "$($EN "$A" import "$T/p.axial" "$T/broken.docx" 2>&1)"
printf 'document,key,value\nbad.txt,"gender,f\n' >"$T/attrs.csv"
printf 'text\n' >"$T/ok.txt"
check_match "a CSV reader error in Persian" 'attrs\.csv:[0-9]+: فیلد نقل‌قولی بسته نشده است \(باز شده در سطر 2\)' \
    "$($FA "$A" import "$T/p.axial" "$T/ok.txt" --attrs "$T/attrs.csv" 2>&1)"
printf 'unit,coder\n1,a\n' >"$T/r.csv"
check "a bad reliability CSV in Persian" \
    "axial: $T/r.csv:1: ستون 'value' در سطر سرستون نیست (لازم است: unit,coder,value)" \
    "$($FA "$A" agree --data "$T/r.csv" 2>&1)"
check "a bad reliability CSV in English" \
    "axial: $T/r.csv:1: missing column 'value' in the header (need unit,coder,value)" \
    "$($EN "$A" agree --data "$T/r.csv" 2>&1)"
check "nothing was imported by the failed commands" "" "$($EN "$A" docs "$T/p.axial")"

# agreement: undefined reasons and Landis & Koch bands are translated in the
# table people read; --format csv and json stay English under any locale
printf 'unit,coder,value\n1,a,x\n1,b,x\n2,a,x\n2,b,x\n' >"$T/same.csv"
fa=$($FA "$A" agree --data "$T/same.csv")
check_match "agree table: undefined reason in Persian" "^کاپای کوهن +تعریف‌نشده \(بدون تغییرپذیری\)$" "$fa"
check_match "agree table: its heading in Persian" '^واحدها 2، کدگذاران 2 \(a, b\)، مقوله‌ها 1 \(x\)$' "$fa"
check_match "agree table: English under C.UTF-8" "^Cohen's kappa +undefined \(no variation\)$" \
    "$($EN "$A" agree --data "$T/same.csv")"
FIX="$AXIAL_SRC/tests/fixtures/agreement/wiki_cohen_yes_no.csv"
check_match "agree table: Landis & Koch band in Persian" "^کاپای کوهن +0\.400 +\(لندیس و کخ ۱۹۷۷: متوسط\)$" \
    "$($FA "$A" agree --data "$FIX")"
for f in csv json; do
	for d in "$T/same.csv" "$FIX"; do
		en=$($EN "$A" agree --data "$d" --format $f); fa=$($FA "$A" agree --data "$d" --format $f)
		check "agree --data --format $f is English under Persian ($(basename "$d"))" "$en" "$fa"
	done
done
check_match "the English csv keeps the reason" '^kappa,,undefined \(no variation\)$' \
    "$($FA "$A" agree --data "$T/same.csv" --format csv)"
me=$(id -un)
"$A" import "$T/p.axial" "$T/ok.txt" >/dev/null
for c in A B; do "$A" coder add "$T/p.axial" $c --account "$me"; done
"$A" code add "$T/p.axial" unused >/dev/null
check_match "agree PROJECT table: coefficients and reasons in Persian" \
    'توافق مثبت تعریف‌نشده \(کد به کار نرفته است\) کاپا تعریف‌نشده \(بدون تغییرپذیری\)' \
    "$($FA "$A" agree "$T/p.axial" --coders A,B --all)"
check_match "agree PROJECT: the hidden rows said in Persian" \
    '^1 کد که هیچ‌یک از دو کدگذار به کار نبرده نشان داده نمی‌شود؛ --all آن را نشان می‌دهد\.$' \
    "$($FA "$A" agree "$T/p.axial" --coders A,B)"
for f in csv json; do
	check "agree PROJECT --format $f is English under Persian" \
	    "$($EN "$A" agree "$T/p.axial" --coders A,B --format $f)" \
	    "$($FA "$A" agree "$T/p.axial" --coders A,B --format $f)"
done
check_match "agree PROJECT json keeps the English reason" '"status": "pos: undefined \(code not used\)' \
    "$($FA "$A" agree "$T/p.axial" --coders A,B --format json --all)"
"$A" retest "$T/p.axial" start --as A >/dev/null
check_match "retest table: an undefined total in Persian" '^جمع +0 +0 +0 تعریف‌نشده$' \
    "$($FA "$A" retest "$T/p.axial" --coder A)"
check "retest --format json is English under Persian" \
    "$($EN "$A" retest "$T/p.axial" --coder A --format json)" \
    "$($FA "$A" retest "$T/p.axial" --coder A --format json)"

# the importers' notices and a REFI-QDA error (fixtures of exchange.sh)
python3 "$AXIAL_SRC/tests/fixtures/mkexchange.py" "$T/fx" >/dev/null
"$A" init "$T/w.axial" >/dev/null
fa=$($FA "$A" import "$T/w.axial" "$T/fx/interview.docx" "$T/fx/notes.odt" 2>&1 >/dev/null)
check_match "the .docx notice in Persian" 'interview\.docx: کنار گذاشته شد: 2 تصویر، سرصفحه و پاصفحه$' "$fa"
check_match "the .odt notice in Persian" 'notes\.odt: کنار گذاشته شد: 1 تصویر، سرصفحه و 1 پانوشت$' "$fa"
check_match "a .qdpx without project.qde in Persian" 'noqde\.qdpx: project\.qde ندارد \(پروژه‌ی REFI-QDA نیست\)$' \
    "$($FA "$A" import "$T/w.axial" "$T/fx/noqde.qdpx" 2>&1)"
check_match "and in English" 'noqde\.qdpx: has no project\.qde \(not a REFI-QDA project\)$' \
    "$($EN "$A" import "$T/w.axial" "$T/fx/noqde.qdpx" 2>&1)"
