# ui-bidi-mode.sh: on a real pseudo-terminal the workbench switches the
# terminal to explicit bidi mode (BDSM reset, CSI 8 l, and LTR character
# path, CSI 1 SP k) before drawing, and back (CSI 8 h, CSI SP k) when it
# quits. --bidi terminal is refused with a message naming --bidi app and
# `axial cat --bidi terminal`, in a config file too.
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
# --bidi terminal is refused: a terminal would take each row, across the
# panes, as one paragraph (docs/bidi.md §2.6)
cp p.axial before.axial
run term.raw --bidi terminal
check_rc "--bidi terminal asks nothing of the terminal" 1 grep -q "$(printf '\033\\[8l')" term.raw
check_rc "and draws nothing" 1 grep -q "ICT" term.raw
$A p.axial --bidi terminal >out.txt 2>err.txt
check "--bidi terminal is a usage error" 2 $?
check_rc "which says why" 0 grep -q "takes each screen row, across the panes, as one paragraph" err.txt
check_rc "and names the replacement" 0 grep -qF -- "Use --bidi app (the default)" err.txt
check_rc "and the logical-order alternative" 0 grep -qF -- "'axial cat --bidi terminal FILE'" err.txt
check "and prints nothing on standard output" "" "$(cat out.txt)"
check_rc "the project is unchanged" 0 cmp -s p.axial before.axial
# --bidi app is still accepted
$A p.axial --bidi app >out.txt 2>err.txt
check "--bidi app is accepted" 0 $?
# a config file's "bidi terminal" is reported; the workbench stays in app mode
mkdir -p cfg/axial
printf 'bidi terminal\n' >cfg/axial/config
(sleep 1.5; printf q) | TERM=xterm-256color TMUX= XDG_CONFIG_HOME=$PWD/cfg script -qfec "$A p.axial" cfg.raw >/dev/null 2>&1
check_rc "a config 'bidi terminal' is reported" 0 grep -qF "only 'bidi app' works" cfg.raw
check_rc "and explicit mode is still requested" 0 grep -q "$(printf '\033\\[8l')" cfg.raw
# axial cat keeps logical order for a terminal that reorders
check "axial cat --bidi terminal still sends logical order" "سلام world (ICT) ۱۴۰۲" "$($A cat --bidi terminal --shaping off d.txt)"
