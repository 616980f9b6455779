#!/bin/sh
# ui-retest.sh: the test-retest view (E) and the second coding pass (S) of
# the real binary in tmux, on copies of the sample project (coder-a coded
# three interviews a second time as coder-a-retest): the table is axial
# retest's row for row (77 codes, 34 agreements, 9 disagreements, 88.3% in
# total); S switches to the second pass, the status line says which pass
# is active, and a segment coded there changes the table as axial retest
# has it; another process's coding shows live; a pass that coded nothing
# is undefined with the reason; several coders with a second pass: the
# finder asks; a switch the identity rules forbid is refused and changes
# nothing. (ui-agree.sh checks that blind coding hides the table.)
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

P="$T/fa.axial"
cp "$BUILD/egov-fa.axial" "$P"
export XDG_CONFIG_HOME="$T/config"	# no user rebindings

# the table `axial retest` prints for coder-a, and its body lines
table() { "$AXIAL" retest "$1" --coder "${2:-coder-a}"; }
# every line of the CLI's table is on screen, as it prints it
check_rows() {	# NAME PROJECT [CODER]
	_miss=""
	table "$2" "${3:-}" >"$T/rows"
	while IFS= read -r _l; do
		screen | grep -qF -- "$_l" || _miss="$_miss|$_l"
	done <"$T/rows"
	if [ -z "$_miss" ]; then ok "$1"; else
		notok "$1" "missing:$_miss" "screen:" "$(screen)"; fi
}
retest_codings() {
	"$AXIAL" codings "$P" --coder coder-a-retest --json | grep -o '"id":' | wc -l
}

start "TERM=xterm-256color '$AXIAL' '$P' --as coder-a"
check_screen "opens" "codes ("
check_screen "the status line says coder-a codes the first pass" "first pass: coder-a"
keys E
check_screen "E opens the test-retest view of coder-a's passes" \
    "test-retest of coder-a: first pass against coder-a-retest"
check_screen "the sample's total: 77 codes, 34 agreements, 9 disagreements, 88.3%" \
    "total                                77         34             9    88.3%"
check_rows "every row and the column titles as axial retest prints them" "$P"
check_screen "how two codings count as the same" \
    "same code and start in the same paragraph"

# S: the second pass; a paragraph coded there changes the table
n0=$(retest_codings)
keys S
check_screen "S switches to the second pass: the status line says so" \
    "second pass: coder-a-retest"
check_screen "and the message says the first pass is hidden" \
    "second pass: coding as coder-a-retest; your first pass is hidden"
keys Escape o
check_screen "the document finder" "open document"
literal "02-planning"
keys Enter
check_screen "02-planning-deputy is open" "02-planning-deputy"
keys a
check_screen "the code finder" "apply code"
keys Enter
check_screen "the paragraph is coded" "coded paragraph 1 with"
check "the coding is the second pass's" "$((n0 + 1))" "$(retest_codings)"
after=$(table "$P" | awk '$1 == "total" { print $2 }')
check "axial retest counts it: 78 codes in total" "78" "$after"
keys E
check_screen "the view shows the new total" \
    "total                                78"
check_rows "and every row as axial retest now prints it" "$P"
keys S
check_screen "S again: back to the first pass" "first pass: coding as coder-a again"
check_screen "the status line says the first pass" "first pass: coder-a"

# another process codes in the second pass: the table follows
"$AXIAL" tag "$P" 06-security-expert '#3' 0 10 --as coder-a-retest >/dev/null
t0=$(now_ms)
if wait_for "total                                79" 5; then
	ok "the view follows another process's coding ($(( $(now_ms) - t0 )) ms)"
else
	notok "the view follows another process's coding" "$(screen)"
fi
check_rows "and shows what a fresh axial retest shows" "$P"
keys q
check_screen "quits" "AXIAL-EXIT=0" 5

# coder-b has no second pass: the view shows coder-a's (the only one);
# S starts coder-b's, which has coded nothing: undefined, with the reason
start "TERM=xterm-256color '$AXIAL' '$P' --as coder-b"
check_screen "coder-b: opens" "codes ("
if screen | grep -q "first pass: coder-b"; then
	notok "coder-b: no pass in the status line before one is started" "$(screen)"
else ok "coder-b: no pass in the status line before one is started"; fi
keys E
check_screen "coder-b: the only coder with a second pass is shown" \
    "test-retest of coder-a"
keys S
check_screen "coder-b: S starts coder-b's second pass" "second pass: coder-b-retest"
check_screen "coder-b: the view turns to coder-b's passes" \
    "test-retest of coder-b: first pass against coder-b-retest"
check_screen "coder-b: no codings: the total is undefined, with the reason" \
    "total                                 0          0             0 undefined (no codings)"
check_screen "coder-b: and says why there are no rows" \
    "the second pass of coder-b has coded no document yet"
check_match "coder-b: axial retest agrees: undefined" \
    '^total +0 +0 +0 undefined$' "$(table "$P" coder-b)"
check "coder-b: the pass is tied to coder-b's account" \
    "$(id -un)" "$("$AXIAL" coders "$P" | awk '$1 == "coder-b-retest" { print $NF }')"
keys q
check_screen "coder-b: quits" "AXIAL-EXIT=0" 5

# two coders with a second pass, the owner has none: the finder asks
start "TERM=xterm-256color '$AXIAL' '$P'"
check_screen "owner: opens" "codes ("
keys E
check_screen "owner: the finder asks whose passes" "whose two coding passes"
literal "coder-b"
keys Enter
check_screen "owner: the chosen coder's passes" "test-retest of coder-b"
keys W
check_screen "owner: W asks again" "whose two coding passes"
literal "coder-a"
keys Enter
check_screen "owner: coder-a's passes" "test-retest of coder-a"
check_rows "owner: coder-a's table" "$P"
keys q
check_screen "owner: quits" "AXIAL-EXIT=0" 5

# the identity rules hold: zed's second pass cannot go back to zed once
# the owner tied zed to another account
Z="$T/zed.axial"
cp "$BUILD/egov-fa.axial" "$Z"
"$AXIAL" coder add "$Z" zed --account "$(id -un)" >/dev/null
"$AXIAL" retest "$Z" start --as zed >/dev/null
"$AXIAL" coder add "$Z" zed --account someone-else >/dev/null
start "TERM=xterm-256color '$AXIAL' '$Z' --as zed-retest"
check_screen "identity: opens as zed-retest" "second pass: zed-retest"
keys O
check_screen "a second pass opens blind to the first: O shows every coder's" \
    "transcript shows every coder's codings"
keys S
check_screen "identity: S back to zed is refused, with the reason" \
    "cannot act as coder 'zed'"
check_screen "identity: still the second pass" "second pass: zed-retest"
keys q
check_screen "identity: quits" "AXIAL-EXIT=0" 5
