#!/bin/sh
# ui-retest-counts.sh: during a second (test-retest) coding pass the code
# tree's counts are that pass's only: the first pass's codings, and other
# coders', neither show beside a code nor add to its count; back in the
# first pass the per-coder counts are back.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"
export XDG_CONFIG_HOME="$T/config"	# no user rebindings

P="$T/p.axial"
A=$AXIAL
me=$(id -un)
$A init "$P" >/dev/null
printf 'P1: one.\nP1: two.\nP1: three.\nP1: four.\n' >"$T/doc.txt"
$A import "$P" "$T/doc.txt" >/dev/null
$A coder add "$P" bob --account "$me" >/dev/null
$A code add "$P" Kode >/dev/null
for s in 0 9 18; do $A tag "$P" doc Kode $s $((s + 3)) >/dev/null; done
$A tag "$P" doc Kode 27 30 --as bob >/dev/null
$A retest "$P" start >/dev/null
$A tag "$P" doc Kode 0 3 --as "$me-retest" >/dev/null
short=$(printf '%s' "${me##*-}" | cut -c1-3)	# how the tree names a coder

start "TERM=xterm-256color '$AXIAL' '$P' --as '$me-retest'"
check_screen "opens in the second pass" "second pass: $me-retest"
check_screen "the tree lists Kode" "Kode"
sleep 1	# the counts load on an idle tick after the first frame
line=$(screen | grep -F "Kode" | head -1)
check_match "Kode counts the second pass's one coding" 'Kode +1( |│|$)' "$line"
check "no first pass or other coder's count beside it" "" \
	"$(printf '%s\n' "$line" | grep -E "$short:|bob:|ret:|[^0-9]3[^0-9]")"
keys S
check_screen "S goes back to the first pass" "first pass: $me"
check_screen "the first pass shows every coder's counts again" "$short:3 bob:1"
keys q
check_screen "quits" "AXIAL-EXIT=0" 5
