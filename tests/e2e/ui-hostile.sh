#!/bin/sh
# ui-hostile.sh: terminal escapes in everything the workbench draws stay
# inert. A project carries OSC 52 clipboard writes, OSC 0/2 title changes,
# CSI (clear screen, cursor moves, SGR), C1 CSI and OSC, a DCS passthrough,
# bidi overrides and isolates and invalid UTF-8 in its transcript, document
# names, category, code and coder names and an attribute value (written into
# the file by hand, as the model refuses them) and a definition. The tour
# brings each on screen (transcript, title, document list, tree, status
# line, segments, review, finders, help, agreement, compare and paradigm
# views, a coding's message) and asserts the placeholders are there while
# tmux saw no title change, no clipboard write, and the bytes the workbench
# wrote (pipe-pane) hold no OSC, DCS, C1 or bidi control at all. A control
# pane proves tmux would have shown each attack.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

hostile() {	# hostile TAG: every kind of attack, marked with TAG
	printf '%s\033]0;PWN-T0-%s\007 \033]2;PWN-T2-%s\033\\ \033]52;c;cHduZWQ=\007 \033[2J\033[5;5H\033[31mred \302\2332J \302\2350;PWN-C1-%s\302\234 \033Ptmux;\033\033]0;PWN-DCS-%s\007\033\\ \342\200\256evil-%s\342\200\254 \342\201\246iso\342\201\251 end-%s' \
	    "$1" "$1" "$1" "$1" "$1" "$1" "$1"
}
hexbad() { hostile "$1" | od -An -v -tx1 | tr -d ' \n'; printf 'ffc0af'; }

# the control: the same bytes printed in a pane do set the title and the
# clipboard, so the checks below can see an attack that gets through
CTL="tmux -L $SOCK-ctl -f /dev/null"
$CTL new-session -d -x 80 -y 10 -s c "while [ ! -e '$T/ctl-go' ]; do sleep 0.05; done; printf '%s' \"\$(cat '$T/attack')\"; sleep 600"
hostile X >"$T/attack"
$CTL set-option -g set-clipboard on
touch "$T/ctl-go"
_n=0
while [ "$($CTL display -p -t c '#{pane_title}')" != PWN-T2-X ] && [ $_n -lt 50 ]; do sleep 0.1; _n=$((_n + 1)); done
check "control: the attack sets a pane's title" PWN-T2-X "$($CTL display -p -t c '#{pane_title}')"
check_match "control: and writes the clipboard" 'pwned' "$($CTL list-buffers)"
$CTL kill-server

P="$T/h.axial"
A=$AXIAL
$A init "$P" >/dev/null
{ echo "Interviewer: plain first line."; hostile Q; echo; echo "Second paragraph is calm."; } >"$T/doc.txt"
echo "third document" >"$T/t3.txt"
$A import "$P" "$T/doc.txt" "$T/t3.txt" >/dev/null 2>&1
$A code add "$P" Cat --category >/dev/null
$A code role "$P" Cat causal >/dev/null
$A code add "$P" Kode --in Cat >/dev/null
$A code add "$P" zz >/dev/null
$A code define "$P" Cat/Kode "$(hostile F)"
$A attr "$P" doc gender v
$A coder add "$P" other --account "$(id -un)" >/dev/null
$A tag "$P" doc Cat/Kode 31 80 >/dev/null
$A tag "$P" doc Cat/Kode 31 80 --as other >/dev/null
$A tag "$P" doc Cat/Kode 0 12 --as other >/dev/null
sqlite3 "$P" "UPDATE documents SET name = CAST(x'$(hexbad D)' AS TEXT) WHERE name = 'doc';
UPDATE documents SET name = CAST(x'626164ffc0af6e616d65' AS TEXT) WHERE name = 't3';
UPDATE nodes SET name = CAST(x'$(hexbad C)' AS TEXT) WHERE name = 'Cat';
UPDATE nodes SET name = CAST(x'$(hexbad K)' AS TEXT) WHERE name = 'Kode';
UPDATE nodes SET name = CAST(x'6b6fff6465' AS TEXT) WHERE name = 'zz';
UPDATE coders SET login = CAST(x'$(hexbad L)' AS TEXT) WHERE login = 'other';
UPDATE attributes SET value = CAST(x'$(hostile V | od -An -v -tx1 | tr -d ' \n')' AS TEXT) WHERE key = 'gender';"
before=$($A codings "$P" --json)

# the workbench starts once tmux takes clipboard writes and logs its bytes
start "while [ ! -e '$T/go' ]; do sleep 0.05; done; TERM=xterm-256color '$A' '$P'"
$TM set-option -g set-clipboard on
$TM pipe-pane -t t -o "cat >>'$T/raw.log'"
title0=$($TM display -p -t t '#{pane_title}')
touch "$T/go"
check_screen "opens" "codes ("
check_screen "the document's name in the title, as placeholders" "D␛]0;PWN-T0-D␇ ␛]2;PWN-T2-D␛\\ ␛]52;c;cHduZWQ=␇"
check_screen "the transcript: OSC, OSC 52 and CSI as placeholders" "Q␛]0;PWN-T0-Q␇ ␛]2;PWN-T2-Q␛\\ ␛]52;c;cHduZWQ=␇ ␛[2J␛[5;5H␛[31mred <9B>2J"
check_screen "C1 OSC and DCS as placeholders" "<9D>0;PWN-C1-Q<9C> ␛Ptmux;␛␛]0;PWN-DCS-Q␇␛\\"
check_screen "bidi overrides and isolates as placeholders" "<LRI>iso<PDI> end-Q"
check_screen "the text after them is all there" "Second paragraph is calm."
check_screen "the category in the tree" "[causal] C␛]0;PWN-T0-C␇"
check_screen "the code in the tree" "K␛]0;PWN-T0-K␇"
check_screen "a name with invalid UTF-8 in the tree" "ko�de"
keys j
check_screen "the code at the caret in the status line" "[K␛]0;PWN-T0-K␇ ␛]2;PWN-T2-K␛\\ ␛]52;c;cHduZWQ=␇ ␛[2J␛[5;5H␛[31mred <9B>2J <9D>0;PWN-C1-K<9C>"
keys Tab j
check_screen "the definition in the status line" "definition: F␛]0;PWN-T0-F␇"
keys Enter
check_screen "the segments: document names, cut with an ellipsis" "D␛]0;PWN-T0… @31"
check_screen "and quotes" "Q␛]0;PWN-T0-Q␇ ␛]2"
keys Escape d
check_screen "the document list" "> 1 D␛]0;PWN-T0-D␇"
check_screen "a document name with invalid UTF-8" "bad���name"
for _i in 1 2 3 4 5 6; do	# focus the document list, wherever focus was
	keys Tab	# (3 s a step: a loaded machine must not skip past it)
	wait_for "attributes:" 3 && break
done
check_screen "an attribute value in the status line" "attributes: gender=V␛]0;PWN-T0-V␇"
keys R
check_screen "review: the category" "review (4): C␛]0;PWN-T0-C␇"
keys Escape Escape o
check_screen "the document finder" "1 D␛]0;PWN-T0-D␇ ␛]2;PWN-T2-D␛\\ ␛]52;c;cHduZWQ=␇ ␛[2J␛[5;5H␛[31mred <9B>2J"
keys Escape
wait_gone "open document" 5
keys g j j v w w a
check_screen "the code finder" "K␛]0;PWN-T0-K␇ ␛]2;PWN-T2-K␛\\ ␛]52;c;cHduZWQ=␇"
literal "PWN-T0-K"
keys Enter
check_screen "a coding's message names the code as placeholders" "as K␛]0;PWN-T0-K␇ ␛]2;PWN-T2-K␛\\"
keys I
check_screen "agreement view: a coder's name" "B L␛]0;PWN-T0-L␇ ␛]2;PWN-T2-L␛\\ ␛]52;c;cHduZWQ=␇"
check_screen "and the code" "K␛]0;PWN-T0-K␇ ␛]2;PWN-T2-K␛\\ ␛]52;c;cHduZWQ=␇"
keys W
check_screen "the coder chooser" "L␛]0;PWN-T0-L␇ ␛]2;PWN-T2-L␛\\"
keys Escape Escape X
check_screen "compare view: the quote" "␛[2J␛[5;5H␛[31mred <9B>2J <9D>0;PWN-C1-Q<9C>"
keys Escape T
# 120 columns: the model as a list, the category wrapped whole
check_screen "paradigm view: the category" "   C␛]0;PWN-T0-C␇ ␛]2;PWN-T2-C␛\\ ␛]52;c;cHduZWQ=␇"
check_screen "paradigm view: the category's wrapped end" "<PDI> end-C"
keys Escape '?'
check_screen "help" "axial workbench: keys"
keys q
wait_gone "axial workbench: keys" 5
keys q
check_screen "quits" "AXIAL-EXIT=0"

check "no title change" "$title0" "$($TM display -p -t t '#{pane_title}')"
check "no clipboard write" "" "$($TM list-buffers)"
check_match "the workbench's bytes were logged" '.' "$(head -c 100 "$T/raw.log")"
bad=$(LC_ALL=C grep -c "$(printf '\033]\\|\033P\\|\302[\200-\237]\\|\342\200[\252-\256]\\|\342\201[\246-\251]')" "$T/raw.log")
check "no OSC, DCS, C1 or bidi control in what the workbench wrote" 0 "$bad"
check_match "the placeholders were written" 'PWN-T0-Q' "$(LC_ALL=C grep -ao 'PWN-T0-Q' "$T/raw.log" | head -1)"
after=$($A codings "$P" --json)
check "one coding added, nothing else changed" 1 "$(python3 -c 'import json,sys; print(len(json.loads(sys.argv[2])) - len(json.loads(sys.argv[1])))' "$before" "$after")"
