#!/bin/sh
# ui-agree-many.sh: the agreement set of three coders in tmux, on a copy of
# the sample with a third coder: + in the agreement view adds coder-c to
# A and B, the view names the set, the pane (=) then shows the set's
# Fleiss kappa, alpha, Light's kappa and AC1 as `axial agree --coders A,B,C`
# has them, follows another process's coding live, and - drops coder-c
# again; the compare view keeps comparing A and B.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

P="$T/three.axial"
cp "$BUILD/egov-fa.axial" "$P"
export XDG_CONFIG_HOME="$T/config"	# no user rebindings
third_coder "$P"

# the pooled Fleiss kappa, alpha, Light's kappa and AC1 of axial agree, as the
# pane shows them: two decimals
set_figs() {
	"$AXIAL" agree "$1" --coders coder-a,coder-b,coder-c --format json |
	    python3 -c 'import json, sys
r = [x for x in json.load(sys.stdin)["rows"] if x["row"] == "pooled"][0]
print("%5.2f %5.2f %5.2f %5.2f" % (r["fleiss_kappa"], r["alpha"], r["light_kappa"], r["ac1"]))'
}
expect=$(set_figs "$P")
[ -n "$expect" ] || notok "axial agree gives the set's figures" "$expect"

set_of_three "$P"
keys +
check_screen "+ again offers the coders not in the set" "coder-a-retest"
keys Escape
wait_gone "add a coder to the agreement set" 5
keys Escape
wait_gone "worst first" 5
keys =
check_screen "the pane covers the set" "agreement of coder-a, coder-b, coder-c"
check_screen "the pane says which figures" "Fleiss κ, α, Light κ, AC1; N 13400:"
check_screen "the set's pooled figures as axial agree has them ($expect)" "$expect  all codes"

# another process codes as coder-c: the pane's figures move, to axial agree's
"$AXIAL" tag "$P" 01-it-director-metro '#3' 0 10 --as coder-c >/dev/null
after=$(set_figs "$P")
if [ "$after" = "$expect" ]; then
	notok "the new coding moves the set's figures" "$after"
elif wait_for "$after  all codes" 5; then
	ok "the pane follows coder-c's coding in another process ($after)"
else
	notok "the pane follows coder-c's coding in another process" "want: $after" "$(screen | grep 'all codes')"
fi

# the compare view keeps to A and B
keys X
check_screen "the compare view compares A and B" "compare A coder-a | B coder-b"
if screen | grep -q "coder-c"; then notok "coder-c is not in the compare view" "$(screen | head -3)"
else ok "coder-c is not in the compare view"; fi
keys Escape
keys I
check_screen "back in the agreement view" "set coder-a, coder-b, coder-c"
keys -
wait_gone "set coder-a, coder-b, coder-c" 5
keys -
check_screen "- with only A and B: said so" "the set is A and B only: + adds a coder"
keys Escape
check_screen "the pane goes back to two coders" "agreement coder-a vs coder-b, paragraphs"
keys q
check_screen "quits" "AXIAL-EXIT=0" 5
