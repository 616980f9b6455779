#!/bin/sh
# ui-fit.sh: names too wide for their column are cut by text_fit and end
# in "…" at their reading end: on the right of an English name, on the
# left of a Persian one (a logical prefix, laid out right to left, exactly
# as `axial cat` lays out that prefix and the ellipsis), in the code tree,
# the document list and the transcript's title bar.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

P="$T/fit.axial"
export XDG_CONFIG_HOME="$T/config"	# no user config
EN_DOC="Interview with the regional transport planning director about budgets"
FA_DOC="مصاحبه با مدیر برنامه‌ریزی حمل و نقل منطقه‌ای درباره بودجه و هزینه‌های سال آینده و طرح‌های توسعه شهری"
EN_CODE="Pressures toward remote work during the pandemic and after it"
FA_CODE="فشارهای کار از راه دور در دوران همه‌گیری و پس از آن"
"$AXIAL" init "$P" >/dev/null
printf 'first line\n' >"$T/a.txt"
printf 'second line\n' >"$T/b.txt"
"$AXIAL" import "$P" "$T/a.txt" "$T/b.txt" >/dev/null
"$AXIAL" doc rename "$P" a "$EN_DOC"
"$AXIAL" doc rename "$P" b "$FA_DOC"
"$AXIAL" code add "$P" "$EN_CODE" >/dev/null
"$AXIAL" code add "$P" "$FA_CODE" >/dev/null

# cut_en NAME: the row shows a prefix of NAME (10 letters at least) and
# "…" right after it, on its right
cut_en() {
	screen | python3 -c 'import sys, re
name = sys.argv[1]
for line in sys.stdin.read().split("\n"):
    m = re.search(re.escape(name[:10]) + "[^\u2026\u2502]*\u2026", line)
    if m and name.startswith(m.group(0)[:-1]) and len(m.group(0)) - 1 < len(name):
        print("yes")
        break' "$1"
}
# cut_fa NAME: the screen holds `axial cat` of a prefix of NAME (10 code
# points at least) and "…", laid out right to left: the ellipsis leftmost
cut_fa() {
	screen >"$T/screen.txt"
	python3 -c 'import sys, subprocess
name, axial, shot = sys.argv[1], sys.argv[2], open(sys.argv[3]).read()
for n in range(len(name) - 1, 9, -1):
    v = subprocess.run([axial, "cat", "--dir", "rtl", "--width", "200", "-"],
        input=(name[:n] + "\u2026").encode(), capture_output=True).stdout.decode().strip()
    if v.startswith("\u2026") and v in shot:
        print("yes")
        break' "$1" "$AXIAL" "$T/screen.txt"
}

start "TERM=xterm-256color '$AXIAL' '$P'"
check_screen "opens" "codes (2)"
check "the tree: an English code name ends in … on its right" yes "$(cut_en "$EN_CODE")"
check "the tree: a Persian code name ends in … on its left" yes "$(cut_fa "$FA_CODE")"
check "the title bar: the English document name ends in …" yes "$(cut_en "$EN_DOC")"
keys d
check_screen "the document list opens" "documents (2)"
check "the list: an English document name ends in … on its right" yes "$(cut_en "$EN_DOC")"
check "the list: a Persian document name ends in … on its left" yes "$(cut_fa "$FA_DOC")"
check "no name is cut without an ellipsis" "" "$(screen | grep -F "$EN_DOC")"
keys j Enter
check_screen "the Persian document opens" "2/2"
check "the title bar: the Persian document name ends in … on its left" yes "$(cut_fa "$FA_DOC")"
keys q
check_screen "quits" "AXIAL-EXIT=0"
