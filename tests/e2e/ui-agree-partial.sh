#!/bin/sh
# ui-agree-partial.sh: the agreement pane while it is still counting says
# so. AXIAL_AGREE_PAUSE holds it after its first document: the pane names
# the documents counted of all ("partial: 1 of N") and shows the
# unitizing figures as not yet computed; without it the same project
# opens complete, with no such line and alpha_U shown.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

P="$T/p.axial"
cp "$BUILD/egov-fa.axial" "$P"
export XDG_CONFIG_HOME="$T/config"	# no user rebindings
n=$("$AXIAL" docs "$P" | wc -l | tr -d ' ')
[ "$n" -gt 1 ] || notok "the sample has several documents" "$n"

start "AXIAL_AGREE_PAUSE=1 TERM=xterm-256color '$AXIAL' '$P' --as coder-a"
check_screen "opens" "codes ("
keys =
check_screen "the pane says its figures are partial" "partial: 1 of $n documents counted"
check_screen "alpha_U is not shown as a figure yet" "αU  … "
if screen | grep -q "αU  *[0-9]"; then
	notok "no alpha_U figure while partial" "$(screen | grep αU)"
else
	ok "no alpha_U figure while partial"
fi
keys q
check_screen "quits" "AXIAL-EXIT=0" 5

start "TERM=xterm-256color '$AXIAL' '$P' --as coder-a"
check_screen "opens" "codes ("
keys =
check_screen "complete: alpha_U shown" "αU "
wait_gone "partial:" 5 && ok "complete: no partial line" ||
    notok "complete: no partial line" "$(screen | grep partial)"
if screen | grep -q "αU  … "; then
	notok "complete: alpha_U computed" "$(screen | grep αU)"
else
	ok "complete: alpha_U computed"
fi
keys q
check_screen "quits again" "AXIAL-EXIT=0" 5
