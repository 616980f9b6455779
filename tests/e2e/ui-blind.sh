#!/bin/sh
# ui-blind.sh: blind coding in the workbench. While a blind session hides
# the other coder, the UI shows only your codings and refuses agreement
# figures; when every coder is done, the others' codings appear live.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

P="$T/en.axial"
cp "$BUILD/remote-work-en.axial" "$P"
check_rc "the owner starts a blind session" 0 "$AXIAL" blind "$P" start coder-a,coder-b

start "TERM=xterm-256color '$AXIAL' '$P' --as coder-a"
check_screen "the title says blind" "[blind]"
keys ']'
check_screen "my coding at the first segment" "[Office closure order]"
if screen | grep -qF "coder-b]"; then notok "the other coder's codings are hidden" "$(screen | tail -2)"; else
	ok "the other coder's codings are hidden"; fi
keys =
check_screen "agreement is refused while blind" "agreement is hidden during blind coding"
keys B
check_screen "B asks to mark my coding done" "mark your blind coding done"
keys y
check_screen "marked done" "marked done"
check_screen "still blind until the other is done" "[blind]"
"$AXIAL" blind "$P" done --as coder-b >/dev/null
if wait_gone "[blind]" 3; then ok "revealed live when every coder is done"; else
	notok "revealed live when every coder is done" "$(screen | head -1)"; fi
keys l h
check_screen "the other coder's codings now show" "coder-b]" 3
keys =
check_screen "agreement shows once revealed" "agreement coder-a vs coder-b"
keys q
check_screen "quit" "AXIAL-EXIT=0"
