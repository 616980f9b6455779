# ui-bidi-mode.sh: on a real pseudo-terminal the workbench switches the
# terminal to explicit bidi mode (BDSM reset, CSI 8 l, and LTR character
# path, CSI 1 SP k) before drawing, and back (CSI 8 h, CSI SP k) when it
# quits; with --bidi terminal it leaves the terminal's own bidi alone.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
command -v script >/dev/null || { notok "script(1) is needed" "install bsdutils"; exit 0; }
$A init p.axial >/dev/null
printf 'سلام world (ICT) ۱۴۰۲\n' >d.txt
$A import p.axial d.txt >/dev/null

run() {	# run OUT ARGS...: the workbench on a pty, quit after a second
	out=$1; shift
	(sleep 1.5; printf q) | TERM=xterm-256color TMUX= script -qfec "$A p.axial $*" "$out" >/dev/null 2>&1
}
run app.raw
# byte offsets of the sequences in the raw output
enter=$(grep -abo "$(printf '\033\\[8l')" app.raw | head -1 | cut -d: -f1)
leave=$(grep -abo "$(printf '\033\\[8h')" app.raw | tail -1 | cut -d: -f1)
first_text=$(grep -abo "ICT" app.raw | head -1 | cut -d: -f1)
check_match "explicit mode is requested" '^[0-9]+$' "$enter"
check_rc "with an LTR character path" 0 grep -q "$(printf '\033\\[1 k')" app.raw
check "before any text is drawn" 1 "$([ -n "$enter" ] && [ -n "$first_text" ] && [ "$enter" -lt "$first_text" ] && echo 1)"
check_match "implicit mode is restored on quit" '^[0-9]+$' "$leave"
check "after the last text" 1 "$([ -n "$leave" ] && [ "$leave" -gt "$first_text" ] && echo 1)"
run term.raw --bidi terminal
check_rc "--bidi terminal asks nothing of the terminal" 1 grep -q "$(printf '\033\\[8l')" term.raw
check_rc "and still draws the text" 0 grep -q "ICT" term.raw
