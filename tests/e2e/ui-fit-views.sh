#!/bin/sh
# ui-fit-views.sh: names cut where they sit inside other text go through
# text_fit too, "…" at their reading end (the right of an English name,
# the left of a Persian one as shown) and the cut at a word's end where
# one is near, never inside a grapheme: the
# code name in the compare view's note prompt, whose suffix stays whole,
# in its status line and in the line above its keys, the words after the
# name whole, the finder's question on a new code's name, and the last
# line of a name wrapped in the network view's centre box.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

P="$T/fit.axial"
export XDG_CONFIG_HOME="$T/config"	# no user config
EN="Pressures toward remote work during the pandemic and its after effects in small firms"
FA="فشارهای کار از راه دور در دوران همه‌گیری و پس از آن در شرکت‌های کوچک منطقه‌ای"
"$AXIAL" init "$P" >/dev/null
printf 'first line of the talk\n\nsecond paragraph here\n' >"$T/a.txt"
"$AXIAL" import "$P" "$T/a.txt" >/dev/null
"$AXIAL" code add "$P" "$EN" >/dev/null
"$AXIAL" code add "$P" "$FA" >/dev/null
"$AXIAL" coder add "$P" coder-a --account "$(id -un)" >/dev/null
"$AXIAL" coder add "$P" coder-b --account "$(id -un)" >/dev/null
# two disagreements: the Persian code in the first paragraph, the English
# one in the second, each applied by coder-a only
"$AXIAL" tag "$P" a '#2' 0 5 --as coder-a >/dev/null
"$AXIAL" tag "$P" a '#1' --quote second --as coder-a >/dev/null

# cut.py KIND NAME OPEN CLOSE [start]: "yes" when a span of the screen
# between OPEN and CLOSE holding "…" is a cut of NAME: for en its first
# words then "…" on the right; for fa `axial cat` of them and "…" laid out
# right to left, the "…" leftmost. The cut is at a word's end, or, where
# none is within 3 columns (text_fit's reach), never inside a grapheme.
# start: the cut words begin NAME.
cat >"$T/cut.py" <<'EOF'
import subprocess, sys, unicodedata
kind, name, op, cl, axial, shot = sys.argv[1:7]
start = len(sys.argv) > 7
starts = [0] if start else [i for i in range(len(name))
    if i == 0 or name[i - 1] == " "]
def good_end(e):
    if name[e] == " ":
        return True
    if unicodedata.category(name[e]) in ("Mn", "Me", "Cf"):
        return False	# a mark, ZWJ or ZWNJ: inside a grapheme
    return " " not in name[max(0, e - 3):e] and name[e - 1] != " "
segs = []
for line in open(shot).read().split("\n"):
    i = line.find(op)
    while i >= 0:
        j = line.find(cl, i + len(op))
        if j < 0:
            break
        seg = line[i + len(op):j].strip()
        if "\u2026" in seg:
            segs.append(seg)
        i = line.find(op, j + len(cl))
def rtl(s):
    return subprocess.run([axial, "cat", "--dir", "rtl", "--width", "200",
        "-"], input=s.encode(), capture_output=True).stdout.decode().strip()
def cuts():
    return [(s, e) for s in starts for e in range(s + 1, len(name))
        if good_end(e)]
for seg in segs:
    if kind == "en" and seg.endswith("\u2026"):
        if any(name[s:e] == seg[:-1] for s, e in cuts()):
            print("yes")
            break
    if kind == "fa" and seg.startswith("\u2026"):
        if any(rtl(name[s:e] + "\u2026") == seg for s, e in cuts()):
            print("yes")
            break
EOF
# cut_at KIND NAME OPEN CLOSE ROW [start]: cut.py on the screen's rows
# holding ROW
cut_at() {
	screen | grep -F -- "$5" >"$T/screen.txt"
	python3 "$T/cut.py" "$1" "$2" "$3" "$4" "$AXIAL" "$T/screen.txt" ${6-}
}
STATUS="left"	# the status line's message on a disagreement
PROMPT="here: note? Enter decides, Esc cancels"
FOOT="applied by A coder-a only"
check_gone() {
	if wait_gone "$PROMPT"; then ok "$1"; else
		notok "$1" "the prompt stays" "screen:" "$(screen)"; fi
}

# compared KIND NAME LANGUAGE SIDE PARA: on the current disagreement (in
# paragraph PARA) the status line and the note prompt cut NAME, "…" on its
# SIDE, the words after it whole
compared() {
	check "the status line: the $3 code name ends in … on its $4, at a word" \
	    yes "$(cut_at "$1" "$2" "«" "»" "$STATUS" start)"
	check "the status line: the words after the $3 name stay" \
	    1 "$(screen | grep -cF "» in a ¶$5, applied by coder-a only")"
	keys a
	check_screen "a asks for a note, its suffix whole" "» $PROMPT"
	check "the prompt: the $3 code name ends in … on its $4, at a word" \
	    yes "$(cut_at "$1" "$2" "«" "»" "$PROMPT" start)"
	keys Escape
	check_gone "Esc cancels"
}
# footed KIND NAME LANGUAGE SIDE PARA: the line above the keys cuts NAME
footed() {
	check_screen "the line above the keys on ¶$5" "open: a ¶$5, $FOOT: «"
	check "the line above the keys: the $3 name ends in … on its $4, at a word" \
	    yes "$(cut_at "$1" "$2" "«" "»" "$FOOT" start)"
}

start "TERM=xterm-256color '$AXIAL' '$P' --as coder-a"
check_screen "opens" "codes (2)"
keys X
check_screen "X asks for coder A" "coder A (compared with coder B)"
literal coder-a
keys Enter
check_screen "then for coder B" "coder B"
literal coder-b
keys Enter
check_screen "the compare view opens" "disagreement 1 of 2"
compared fa "$FA" Persian left 1
keys n
check_screen "n walks to the English code's disagreement" "disagreement 2 of 2"
compared en "$EN" English right 3
# 80 columns: the line above the keys no longer holds a whole name
$TM resize-window -t t -x 80 -y 40 2>/dev/null || $TM resize-pane -t t -x 80 -y 40
footed en "$EN" English right 3
keys p
footed fa "$FA" Persian left 1
$TM resize-window -t t -x 120 -y 40 2>/dev/null || $TM resize-pane -t t -x 120 -y 40
keys Escape
check_screen "Esc leaves the view" "codes (2)"
# the finder's question on a new name: the name gives way, not the words
# after it (a popup narrower than the line)
keys v w a
literal "$EN and more"
keys Enter
check_screen "Enter on no match asks, its end whole" "» at the top level?"
check "the question: the long English name ends in … on its right, at a word" \
    yes "$(cut_at en "$EN and more" "«" "»" "at the top level?" start)"
keys Escape
check_screen "Esc cancels it" "cancelled"
keys v w a
literal "$FA و بیشتر"
keys Enter
check_screen "asks on a long Persian name, its end whole" "» at the top level?"
check "the question: the long Persian name ends in … on its left, at a word" \
    yes "$(cut_at fa "$FA و بیشتر" "«" "»" "at the top level?" start)"
keys Escape
check_screen "Esc cancels that too" "cancelled"
keys Escape
keys Tab g V
check_screen "V opens the network view on the English code" "incoming (0)"
check "the box: its wrapped English name ends in … on its right, at a word" \
    yes "$(cut_at en "$EN" "│" "│" "│")"
check "the box: no line runs past its edge" "" \
    "$(screen | grep -F "$(printf '%s' "$EN" | cut -c1-28)" | grep -vF "│")"
keys Escape
check_screen "Esc leaves it" "codes (2)"
keys j V
check_screen "V opens it on the Persian code" "incoming (0)"
check "the box: its wrapped Persian name ends in … on its left, at a word" \
    yes "$(cut_at fa "$FA" "│" "│" "│")"
keys q
check_screen "quits" "AXIAL-EXIT=0"
