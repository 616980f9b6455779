#!/bin/sh
# ui-saturation.sh: the workbench's saturation chart (T, s) counts one
# source as `axial report` does, never the coders pooled: the viewing coder
# when there is no consensus coding, the consensus coding once it exists;
# its title names the source and W switches it.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"
export XDG_CONFIG_HOME="$T/config"	# no user rebindings

P="$T/p.axial"
A=$AXIAL
me=$(id -un)
$A init "$P" >/dev/null
printf 'P1: one.\n' >"$T/d1.txt"
printf 'P2: two.\n' >"$T/d2.txt"
$A import "$P" "$T/d1.txt" "$T/d2.txt" >/dev/null
$A coder add "$P" bob --account "$me" >/dev/null
$A code add "$P" K1 >/dev/null
$A code add "$P" K2 >/dev/null
$A code add "$P" K3 >/dev/null
# me: K1 in d1. bob: K1 in d1, K2 and K3 in d2. Pooled: 3 codes in all.
$A tag "$P" d1 K1 0 3 >/dev/null
$A tag "$P" d1 K1 0 3 --as bob >/dev/null
$A tag "$P" d2 K2 0 3 --as bob >/dev/null
$A tag "$P" d2 K3 4 7 --as bob >/dev/null

start "TERM=xterm-256color '$AXIAL' '$P'"
check_screen "opens" "codes ("
keys T s
check_screen "the chart's title names its source: the viewing coder" "source: $me,"
check_screen "it counts that coder only: 1 code, not the pooled 3" "saturation not reached; 1 codes in all"
check_screen "the chart names the rule of Guest, Namey & Chen and its parameters" "Guest, Namey & Chen (2020), base 4, run 2, new <= 5% of the base: not assessable"
keys W
check_screen "W switches the source to bob" "source: bob,"
check_screen "bob's codes: 3" "saturation not reached; 3 codes in all"
check_screen "the status line says so" "the saturation chart counts bob"
keys Escape q
check_screen "quits" "AXIAL-EXIT=0" 5

# with a consensus coding, the chart counts it by default
$A consensus "$P" --coders "$me,bob" seed >/dev/null
n=$($A codings "$P" --coder consensus --json | grep -o '"id":' | wc -l | tr -d ' ')
check "the consensus holds the one agreed coding" 1 "$n"
start "TERM=xterm-256color '$AXIAL' '$P'"
check_screen "opens again" "codes ("
keys T s
check_screen "the consensus is the default source" "source: consensus,"
check_screen "counting its 1 code" "saturation not reached; 1 codes in all"
keys Escape q
check_screen "quits again" "AXIAL-EXIT=0" 5
