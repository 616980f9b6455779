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
printf '#include "axial/i18n.h"\nconst char *x(void) { return _("a new untranslated message"); }\n' >"$T/new.c"
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
