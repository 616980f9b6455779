#!/bin/sh
# ui-agree-set-codes.sh: the agreement view's per-code rows for a set of
# three coders in tmux, on a copy of the English sample with a third
# coder: after + adds coder-c to A and B, every code some coder of the set
# applied has a row with N, %agr (mean over pairs), Fleiss kappa, alpha,
# Light's kappa and AC1 as `axial agree --coders A,B,C --format json` has
# them (the expected lines are computed here from that JSON), worst Fleiss
# kappa first; the pooled row is "all codes"; the header names the set. A
# coding coder-c adds in another process moves the rows to the CLI's new
# figures; Enter compares A and B on the current row's code; - drops
# coder-c and the rows are A's and B's again.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

P="$T/set.axial"
cp "$BUILD/remote-work-en.axial" "$P"
export XDG_CONFIG_HOME="$T/config"	# no user rebindings
third_coder "$P"

# The view's lines as axial agree's JSON gives their figures: N, %agr with
# one decimal (">99.9" for what is not 100), the four figures with three
# decimals or "undefined", then "(reason) " and the code's own name. One
# line per row, the pooled row last as "all codes".
set_rows() {
	"$AXIAL" agree "$1" --coders coder-a,coder-b,coder-c --format json |
	    python3 -c '
import json, re, sys
from decimal import Decimal, ROUND_HALF_UP
def pct(v):
    if v is None:
        return "undefined"
    s = str(Decimal(repr(v * 100)).quantize(Decimal("0.1"), ROUND_HALF_UP))
    if s == "100.0" and v != 1:
        s = ">99.9"
    elif s == "0.0" and v != 0:
        s = "<0.1"
    return s + "%"
def fig(v):
    return "undefined" if v is None else "%.3f" % v
for r in json.load(sys.stdin)["rows"]:
    name = "all codes" if r["row"] == "pooled" else r["name"].split("/")[-1]
    why = re.search(r"^[a-z_0-9]+: undefined \((.*?)\)(;|$)", r["status"])
    print("%7d %7s %9s %9s %9s %9s  %s%s" % (r["N"], pct(r["pbar"]),
        fig(r["fleiss_kappa"]), fig(r["alpha"]), fig(r["light_kappa"]),
        fig(r["ac1"]), "(%s) " % why.group(1) if why else "", name))
'
}
before=$(set_rows "$P")
[ "$(printf '%s\n' "$before" | wc -l)" -ge 4 ] ||
    notok "axial agree gives the set's rows" "$before"

# every expected line on screen; prints the missing ones
missing() {
	printf '%s\n' "$1" | while IFS= read -r l; do
		screen | grep -qF -- "$l" || printf '%s\n' "$l"
	done
}

set_of_three "$P"
check_screen "the set's columns" "N    %agr    Fleiss     alpha     Light       AC1  code ("
last=$(printf '%s\n' "$before" | tail -1)
check_screen "the pooled row as axial agree has it" "$last"
m=$(missing "$before")
if [ -z "$m" ]; then ok "every code's row has the set's figures as axial agree has them"
else notok "every code's row has the set's figures as axial agree has them" "missing:" "$m" "$(screen)"; fi
if screen | grep -q "prev      AC1"; then notok "the two-coder rows are gone" "$(screen)"
else ok "the two-coder rows are gone"; fi

# worst first: the rows' Fleiss kappas do not fall, undefined ones last
order=$(screen | python3 -c '
import re, sys
rows = [l for l in sys.stdin.read().split("\n")
        if re.match(r"^.\s*\d+\s+\S+%\s", l) and "all codes" not in l]
ks = [l.split()[2] for l in rows]
seen_undef, prev, bad = False, -9, []
for k in ks:
    if k == "undefined":
        seen_undef = True
    elif seen_undef or float(k) < prev:
        bad.append(k)
    else:
        prev = float(k)
print("%d %s" % (len(ks), " ".join(bad)))')
case "$order" in
*" ") [ "${order% }" -ge 3 ] && ok "rows worst Fleiss kappa first ($order)" ||
    notok "rows worst Fleiss kappa first" "$order";;
*) notok "rows worst Fleiss kappa first" "$order" "$(screen)";;
esac

# another process codes as coder-c where only coder-a had: the rows move
# to axial agree's new figures
"$AXIAL" codings "$P" --json | python3 -c '
import json, sys
cs = json.load(sys.stdin)
c3 = {(c["document"], c["code"]) for c in cs if c["coder"] == "coder-c"}
for c in cs:
    if c["coder"] == "coder-a" and (c["document"], c["code"]) not in c3:
        print("%s\t%s\t%d\t%d" % (c["document"], c["code"], c["start"], c["end"]))
        break' > "$T/new"
IFS="$(printf '\t')" read -r doc code s e < "$T/new"
check_rc "coder-c codes in another process" 0 "$AXIAL" tag "$P" "$doc" "$code" "$s" "$e" --as coder-c
after=$(set_rows "$P")
moved=$(printf '%s\n' "$after" | grep -vxF -- "$before")
if [ -z "$moved" ]; then
	notok "coder-c's new coding moves some row" "$after"
else
	_deadline=$(( $(now_ms) + 10000 ))
	while m=$(missing "$moved"); [ -n "$m" ] && [ "$(now_ms)" -lt "$_deadline" ]; do
		sleep 0.1
	done
	if [ -z "$m" ]; then ok "the rows follow coder-c's coding in another process ($(printf '%s\n' "$moved" | wc -l) moved)"
	else notok "the rows follow coder-c's coding in another process" "missing:" "$m" "$(screen)"; fi
	m=$(missing "$after")
	if [ -z "$m" ]; then ok "every row equals axial agree's after the coding"
	else notok "every row equals axial agree's after the coding" "missing:" "$m"; fi
fi

# Enter: the compare view on the current (worst) row's code, A and B only
keys Enter
check_screen "Enter compares A and B" "compare A coder-a | B coder-b"
keys Escape
keys I
check_screen "back in the agreement view, the set's rows" "Fleiss     alpha"
keys -
check_screen "- drops coder-c: A's and B's rows again" "prev      AC1"
if screen | grep -qF "set coder-a"; then notok "the set line is gone" "$(screen | head -5)"
else ok "the set line is gone"; fi
keys q
check_screen "quits" "AXIAL-EXIT=0" 5
