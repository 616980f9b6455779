#!/bin/sh
# ui-matrix.sh: the matrix view (H). Its figures are `axial matrix`'s, its
# cells shaded by value (the theme's matrix colours in capture-pane -e,
# the figures always shown), r/t/f switch rows, columns and measure, h/l
# scroll across a matrix wider than the screen, Enter lists a cell's
# segments in the segments list and Enter there opens one in the
# transcript; in Persian the layout is mirrored (row names on the right).
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"
export XDG_CONFIG_HOME="$T/config"	# no user rebindings

P="$T/p.axial"
A=$AXIAL
$A init "$P" >/dev/null
printf 'alpha one. alpha two.\n' >"$T/d1.txt"
printf 'alpha three.\n' >"$T/d2.txt"
printf 'beta four.\n' >"$T/d3.txt"
$A import "$P" "$T/d1.txt" "$T/d2.txt" "$T/d3.txt" >/dev/null
$A attr "$P" d1 gender female >/dev/null
$A attr "$P" d2 gender male >/dev/null
$A code add "$P" Cat --category >/dev/null
$A code add "$P" K1 --in Cat >/dev/null
$A code add "$P" K2 --in Cat >/dev/null
# K1: two segments in d1 (female), one in d2 (male); K2: one in d1
$A tag "$P" d1 K1 --quote "alpha one" >/dev/null
$A tag "$P" d1 K1 --quote "alpha two" >/dev/null
$A tag "$P" d2 K1 --quote "alpha three" >/dev/null
$A tag "$P" d1 K2 --quote "one" >/dev/null

# the figures the CLI gives, to find on screen
$A matrix "$P" --rows codes --cols attr:gender --format csv >"$T/m.csv"
check "the CLI's figures: K1 2 1 0, total 3" "K1,2,1,0,3" \
    "$(tr -d '\r' <"$T/m.csv" | grep ',K1,' | cut -d, -f2-)"

start "TERM=xterm-256color '$AXIAL' '$P'"
check_screen "opens" "codes ("
keys H
check_screen "H opens the matrix: codes by the first attribute" "Codes by gender: segments"
check_screen "the heads: the values, (none), Total" "female"
row=$(screen | grep -E '^ *[^ ]* *K1 ' | head -1)
check_match "K1's row: 2 1 0, total 3" 'K1 +2 +1 +0 +3' "$row"
check_match "the Total row: 3 1 0, 4" 'Total +3 +1 +0 +4' "$(screen | grep -E '^ *Total ' | head -1)"
# shading: K1 x female (2, the largest) in matrix-4 (bold on 117), K1 x
# male (1) in matrix-2 (on 24); the cursor is on K2, out of the way
keys j
wait_for "K2 ×" 5
shaded=$($TM capture-pane -e -p -t t | grep 'K1' | head -1)
check_match "the largest figure is shaded darkest (colour 117, bold)" '48;5;117' "$shaded"
check_match "a half figure is shaded lighter (colour 24)" '48;5;24' "$shaded"
check_match "shaded cells are bold from the upper half" '\[1m|;1m|;1;' "$shaded"
check_screen "the foot names the cell and its figure" "K2 × female 1: segments"
keys f
check_screen "f: row percentages" "segments, row %"
check_match "K1 x female is 66.7% of K1" 'K1 +66\.7 +33\.3 +0\.0 +3' "$(screen | grep -E '^ *K1 ' | head -1)"
keys f f
check_screen "f twice more: documents" "(documents;"
check_match "K1 is in 1 female and 1 male document" 'K1 +1 +1 +0 +2' "$(screen | grep -E '^ *K1 ' | head -1)"
keys f f f
check_screen "back to segments" "(segments;"
keys r
check_screen "r: the categories" "Categories by gender: segments"
check_match "Cat counts K1 and K2" 'Cat +3 +1 +0 +4' "$(screen | grep -E '^ *Cat ' | head -1)"
keys r t
check_screen "t: the documents" "Codes by document: segments"
keys t
check_screen "t again: the codes (co-occurrence)" "Codes by code: segments"
check_match "K1 x K2 overlap once, K1's diagonal is 3" 'K1 +3 +1' "$(screen | grep -E '^ *K1 +[0-9]' | head -1)"
keys t
check_screen "t again: back to the attribute" "Codes by gender: segments"
# Enter on K1 x female: its two segments in the list, Enter opens one
keys g
wait_for "K1 × female" 5
keys Enter
check_screen "Enter lists the cell's segments" "segments (2)"
check_screen "the list is titled by the cell" "K1 × female"
check_screen "with their quotes" "alpha two"
keys Enter
check_screen "Enter in the list opens the segment in the transcript" "d1"
keys q
check_screen "quits" "AXIAL-EXIT=0" 5

# wide: 30 documents as columns, more than fit; l scrolls across
$A init "$T/w.axial" >/dev/null
i=10; while [ $i -lt 40 ]; do printf 'w %d\n' $i >"$T/doc$i.txt"; i=$((i + 1)); done
$A import "$T/w.axial" "$T"/doc*.txt >/dev/null
$A code add "$T/w.axial" W >/dev/null
$A tag "$T/w.axial" doc39 W --quote w >/dev/null
start "TERM=xterm-256color '$AXIAL' '$T/w.axial'"
check_screen "opens the wide project" "codes ("
keys H
check_screen "no attribute: the documents" "Codes by document: segments"
check "the last document is off screen" "" "$(screen | grep -o 'doc39' | head -1)"
i=0; while [ $i -lt 29 ]; do keys l; i=$((i + 1)); done
check_screen "l scrolls to the last document" "W × doc39 1: segments"
check_match "its head is on screen" 'doc39' "$(screen | sed -n 2p)"
keys h
check_screen "h goes back a column" "W × doc38 0: segments"
keys q
check_screen "quits the wide one" "AXIAL-EXIT=0" 5

# Persian: the layout mirrored, the row names on the right of the figures
FA="env -u LC_ALL -u LANGUAGE LANG=fa_IR.UTF-8 TERM=xterm-256color"
start "$FA '$AXIAL' '$P'"
wait_for "K1" 10
keys H
wait_for "female" 10
line=$(screen | grep 'K1' | grep 'female' -v | head -1)
kx=$(printf '%s\n' "$line" | python3 -c 'import sys; l = sys.stdin.read(); print(l.index("K1"))')
fx=$(printf '%s\n' "$line" | python3 -c 'import re, sys; l = sys.stdin.read(); print(re.search("[0-9]", l).start())')
if [ "$kx" -gt "$fx" ]; then ok "mirrored: K1's name is right of its figures"; else
	notok "mirrored: K1's name is right of its figures" "$line"; fi
fcol=$(col_of female); ncol=$(col_of male)
if [ -n "$fcol" ] && [ -n "$ncol" ] && [ "$fcol" -gt "$ncol" ]; then ok "mirrored: the first value is the rightmost"; else
	notok "mirrored: the first value is the rightmost" "$(screen | sed -n 2p)"; fi
keys q
check_screen "quits the Persian one" "AXIAL-EXIT=0" 5
