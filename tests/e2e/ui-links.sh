#!/bin/sh
# ui-links.sh: links in the workbench, in tmux. On the small paradigm
# model (tests/fixtures/paradigm-model.sh) a link is made with the keyboard
# alone (L in the code tree, the finder, the type's finder, the memo's
# prompt), read back with `axial links --json` and undone with u; a new
# type and the link are one action; Tab makes it undirected. Each bad
# input (a link to itself, one already there, a part-of loop, a name
# nothing matches, a code as the core category, evidence attached twice)
# shows the store's message and changes nothing. * marks the core and Y
# writes the storyline in $EDITOR. The network view (V) is walked: j/k,
# l recentres, Backspace goes back, Enter shows the link's memo and
# evidence, Enter on a segment jumps to it in the transcript, a and x
# attach and detach evidence, e edits the memo; clicks choose and double
# clicks recentre; another process's link shows at once; blind coding
# hides the other coder's. A Persian study in the Persian interface lays
# the view out right to left, and the paradigm view of the seeds' study
# in boxes (200x50) labels its links and flags the unexplained slot (at
# 80x24 it is a list: ui-paradigm-narrow.sh).
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"
. "$AXIAL_SRC/tests/fixtures/paradigm-model.sh"
export XDG_CONFIG_HOME="$T/config"	# no user rebindings
A=$AXIAL
P="$T/pm.axial"
check_rc "the small paradigm model through the command line" 0 paradigm_model "$P"
cat >"$T/editor" <<'EOS'
#!/bin/sh
printf 'Written by the test editor\n' >"$1"
EOS
chmod +x "$T/editor"

links() { "$A" links "$P" --json; }
# link_field ID EXPR: EXPR of link #ID (as l) in `axial links --json`
link_field() { links | json "[$2 for l in d if l['id'] == $1]"; }
# tree_row N: the tree cursor on row N (1: the first)
tree_row() {
	keys g
	_n=1
	while [ "$_n" -lt "$1" ]; do keys j; _n=$((_n + 1)); done
}
# unchanged NAME COMMAND...: the links (and the core) are as before
unchanged() {
	check "$1: nothing changed" "$before" "$(links; "$A" code core "$P")"
}
# refused NAME MESSAGE: the status line says MESSAGE, nothing changed
refused() {
	check_screen "$1: the store's message" "$2"
	unchanged "$1"
}

start "EDITOR='$T/editor' VISUAL= TERM=xterm-256color '$A' '$P'"
check_screen "the workbench opens" "codes ("
check_screen "the tree marks the core category" "[central] ◆ Working from home"
keys Tab
wait_for "Space tree-mark" 5

# ---- a link with the keyboard alone: Office closure leads to Work-life
# boundary, with a memo
tree_row 3
keys L
check_screen "L opens the finder for the other end" "link «Office closure» to"
literal 'work-life'
keys Enter
check_screen "then the finder of the types" "«Office closure» … «Work-life boundary»: the type of link"
check_screen "the paradigm model's types are listed" "is the context of"
check_screen "and a new one may be added" "new type…"
literal 'leads'
keys Enter
check_screen "then the memo" "memo on «Office closure» leads to «Work-life boundary»"
literal 'The closure blurred the boundary'
keys Enter
check_screen "the status line says what was linked" "linked: «Office closure» leads to «Work-life boundary» (u undoes)"
check "axial links --json has it" \
	"[('Office closure', 'Work-life boundary', 'leads-to', True, 'The closure blurred the boundary')]" \
	"$(links | json "[(l['from_name'], l['to_name'], l['type_key'], l['directed'], l['memo_text']) for l in d if l['id'] == 8]")"
keys u
check_screen "u undoes it" "undone: link «Office closure» leads to «Work-life boundary»"
check "the link is gone" "7 []" "$(links | json "len(d), [l for l in d if l['id'] == 8]")"

# a type of the study's own, with the link, in one action; Esc: no memo
tree_row 3
keys L
literal 'broadband'
keys Enter
literal 'new type'
keys Enter
check_screen "new type… asks for its name" "name of the new link type"
literal 'shapes'
keys Enter
check_screen "the memo's prompt names the new type" "memo on «Office closure» shapes «Broadband quality»"
keys Escape
check_screen "Esc there links without a memo" "linked: «Office closure» shapes «Broadband quality»"
check "the link has the new type and no memo" "[('shapes', None, True)]" \
	"$(links | json "[(l['type_name'], l['memo_text'], l['directed']) for l in d if l['from_name'] == 'Office closure' and l['to_name'] == 'Broadband quality']")"
check_match "axial link types lists it" 'shapes' "$("$A" link types "$P")"
keys u
check_screen "one u undoes both" "undone: link «Office closure» shapes «Broadband quality»"
check "the link is gone" "7" "$(links | json "len(d)")"
if "$A" link types "$P" | grep -q shapes; then
	notok "the type is gone with it" "$("$A" link types "$P")"
else ok "the type is gone with it"; fi

# Tab in the memo's prompt: undirected
tree_row 5
keys L
literal 'office clo'
keys Enter
literal 'contradicts'
keys Enter
check_screen "the memo's prompt" "memo on «Household situation» contradicts «Office closure»"
keys Tab
check_screen "Tab makes it undirected" "memo on «Household situation» contradicts «Office closure» (undirected)"
keys Enter
check_screen "linked undirected" "linked: «Household situation» contradicts «Office closure» (undirected)"
check "axial links --json: not directed" "[False]" \
	"$(links | json "[l['directed'] for l in d if l['from_name'] == 'Household situation' and l['to_name'] == 'Office closure']")"
keys u
check_screen "undone" "undone: link «Household situation» contradicts «Office closure»"

# ---- bad input: each shows the store's message, nothing changes
before=$(links; "$A" code core "$P")
tree_row 3
keys L
literal 'office clo'
keys Enter
literal 'causes'
keys Enter Enter
refused "a link to itself" "cannot link «Office closure» to itself"
keys L
literal 'working from'
keys Enter
literal 'causes'
keys Enter Enter
refused "a link already there" "«Office closure» and «Working from home» are already linked so: «Office closure» causes"
tree_row 9
keys L
literal 'fixed hours'
keys Enter
literal 'part of'
keys Enter Enter
refused "a part-of loop" "«Home routines» is part of «Fixed hours» would go round in a loop"
keys L
literal 'zzzz'
keys Enter
refused "a name nothing matches" "no code or category matches «zzzz»"
tree_row 4
keys '*'
refused "a code as the core category" "«Closure order» is a code; only a category can be the core category"

# ---- the core category and the storyline
tree_row 9
keys '*'
check_screen "* marks the core category" "Home routines is the core category now (u undoes)"
check "axial code core says so" "#9	Home routines" "$("$A" code core "$P")"
check_screen "the tree marks it" "[strategies] ◆ Home routines"
if screen | grep -qF "◆ Working from home"; then
	notok "and no longer the one before" "$(screen | grep -F '◆')"
else ok "and no longer the one before"; fi
keys '*'
check_screen "* again: no core category" "Home routines is no longer the core category"
keys Y
check_screen "Y without a core category is refused" "no core category yet: * on a category in the code tree marks it"
keys u u
check_screen "u twice: the core as it was" "undone: core category «Home routines»"
check "the core is Working from home again" "#1	Working from home" "$("$A" code core "$P")"
keys Y
check_screen "Y writes the storyline in the editor" "storyline saved"
check "the storyline memo is on the core category" "[('node', 1, 'Written by the test editor\n')]" \
	"$("$A" memo list "$P" --json | json "[(m['on'], m['target'], m['text']) for m in d if m['type'] == 'storyline']")"

# ---- the network view
tree_row 1
keys V
check_screen "V opens the network view" "incoming (2)"
check_screen "nothing goes out of the central category" "outgoing (0)"
check_screen "an incoming link with its type" "Office closure ─causes─▶"
check_screen "the first link is chosen" "#1 «Office closure» causes «Working from home»"
check_screen "its evidence and memo under it" "2 segments of evidence, memo: The order, not a choice, started it."
col_in=$(col_of "Office closure ─causes")
col_box=$(col_of "│Working from home")
if [ -n "$col_in" ] && [ -n "$col_box" ] && [ "$col_in" -lt "$col_box" ]; then
	ok "incoming on the left of the centre"
else notok "incoming on the left of the centre" "incoming at $col_in, the centre at $col_box" "$(screen)"; fi
keys j
check_screen "j chooses the next link" "#4 «Home routines» is a strategy for «Working from home»"
keys l
check_screen "l recentres on its other end" "Home routines in the middle (Backspace goes back)"
check_screen "its links: three in" "incoming (3)"
check_screen "two out" "outgoing (2)"
check_screen "an outgoing link with its type" "─leads to─▶ Work-life boundary"
col_out=$(col_of "─leads to─▶ Work-life boundary")
col_box=$(col_of "│Home routines")
if [ -n "$col_out" ] && [ -n "$col_box" ] && [ "$col_out" -gt "$col_box" ]; then
	ok "outgoing on the right of the centre"
else notok "outgoing on the right of the centre" "outgoing at $col_out, the centre at $col_box" "$(screen)"; fi
keys j j
check_screen "j twice: the third incoming link" "#6 «Fixed hours» is part of «Home routines»"
keys Right
check_screen "Right recentres too" "Fixed hours in the middle"
check_screen "a code's undirected link in its own group" "undirected (1)"
check_screen "drawn with its type" "Evening e-mails ─contradicts──"
keys BSpace
check_screen "Backspace goes back" "back to Home routines"
check_screen "with the link it followed chosen" "#6 «Fixed hours» is part of «Home routines»"
keys BSpace
check_screen "Backspace again" "back to Working from home"
check_screen "with the link it followed chosen" "#4 «Home routines» is a strategy for «Working from home»"
keys BSpace
check_screen "no further back" "no code or category to go back to"

# Enter: the link's memo and evidence; Enter on a segment jumps to it
keys k Enter
check_screen "Enter shows the link" "link #1: «Office closure» causes «Working from home»"
check_screen "its memo" "memo: The order, not a choice, started it."
check_screen "its evidence" "evidence: 2 segments"
check_screen "a segment: document, paragraph, quote" "pm-a ¶2  The closure order came on a Friday"
check_screen "the other segment" "pm-b ¶2  The closure order settled it"
keys e
check_screen "e edits the link's memo" "memo on the link saved"
check "the memo as the editor wrote it" "['Written by the test editor\n']" "$(link_field 1 "l['memo_text']")"
keys j Enter
check_screen "Enter on a segment jumps to it" "pm-b ¶2"
check_screen "the view is closed, the transcript shows the document" "2/2  pm-b"
check_screen "the segment's text is on screen" "A: The closure order settled it."
if screen | grep -qF "incoming ("; then notok "the view is closed" "$(screen)"; else ok "the view is closed"; fi

# the coding at the caret (Closure order in pm-b, evidence of #1 already)
before=$(links; "$A" code core "$P")
keys L
check_screen "L in the transcript: the links of the coding's code and categories" "the coding at the caret is evidence of"
keys Enter
refused "evidence attached twice" "is already evidence of"

# a attaches the coding at the caret to link #4, x detaches one
keys V
check_screen "V again" "incoming (2)"
keys j Enter
check_screen "link #4's card" "evidence: 1 segment"
keys a
check_screen "a attaches the coding at the caret" "the coding at the caret is evidence of the link now (u undoes)"
check_screen "two segments now" "evidence: 2 segments"
check "axial links --json: #4's evidence" "[[5, 8]]" "$(link_field 4 "l['evidence']")"
keys x
check_screen "x detaches the chosen segment" "the segment is no longer evidence of the link (u undoes)"
check "axial links --json: one left" "[[8]]" "$(link_field 4 "l['evidence']")"
keys Escape
wait_gone "evidence:" 5
keys u
check_screen "u undoes the detaching" "undone: link evidence remove «Home routines» is a strategy for «Working from home»"
check "the segment is back" "[[5, 8]]" "$(link_field 4 "l['evidence']")"
keys u
check_screen "u again undoes the attaching" "undone: link evidence «Home routines» is a strategy for «Working from home»"
check "the segment attached is gone" "[[5]]" "$(link_field 4 "l['evidence']")"

# the mouse: a click chooses, a double click recentres
keys g
row=$(row_of "Home routines ─is a strategy for")
col=$(col_of "Home routines ─is a strategy for")
if [ -n "$row" ] && [ -n "$col" ]; then
	keys k
	wait_for "#1 «Office closure» causes" 5
	literal "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm' "$col" "$row" "$col" "$row")"
	check_screen "a click chooses the link" "#4 «Home routines» is a strategy for «Working from home»"
	sleep 0.5	# two clicks apart, not a double click
	literal "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm\033[<0;%d;%dM\033[<0;%d;%dm' \
	    "$col" "$row" "$col" "$row" "$col" "$row" "$col" "$row")"
	check_screen "a double click recentres" "Home routines in the middle"
	keys BSpace
	wait_for "back to Working from home" 5
else
	notok "the row of link #4 found" "$(screen)"
fi

# another process's link shows at once
"$A" link add "$P" 'Broadband quality' 'Working from home' --type causes >/dev/null
check_screen "another process's link shows" "incoming (3)"
check_screen "with its type" "Broadband quality ─causes─▶"
keys Escape
wait_gone "incoming (" 5
keys q
check_screen "quits" "AXIAL-EXIT=0" 5

# ---- blind coding: the other coder's links are hidden
B="$T/blind.axial"
cp "$P" "$B"
"$A" coder add "$B" coder-a --account "$(id -un)" >/dev/null
"$A" coder add "$B" coder-b --account "$(id -un)" >/dev/null
"$A" blind "$B" start coder-a,coder-b >/dev/null
"$A" link add "$B" 'Slow connection' 'Working from home' --type causes --as coder-b >/dev/null
check "coder-b sees their link" "1" "$("$A" links "$B" --as coder-b | grep -c 'Slow connection')"
start "TERM=xterm-256color '$A' '$B' --as coder-a"
check_screen "coder-a's workbench opens" "codes ("
keys Tab
wait_for "Space tree-mark" 5
tree_row 1
keys V
check_screen "coder-a's network view" "outgoing (0)"
check_screen "the links coder-a may see" "incoming (3)"
if screen | grep -qF "Slow connection"; then
	notok "coder-b's link is hidden" "$(screen)"
else ok "coder-b's link is hidden"; fi
keys Escape
wait_gone "incoming (" 5
keys q
wait_for "AXIAL-EXIT" 5

# ---- a Persian study in the Persian interface: mirrored
F="$T/fa.axial"
MID='کار از خانه' CAUSE='تعطیلی دفتر' OUT='فرسودگی'
"$A" init "$F" >/dev/null
printf 'P1: hello.\n' >"$T/doc.txt"
"$A" import "$F" "$T/doc.txt" >/dev/null
for c in "$MID" "$CAUSE" "$OUT"; do "$A" code add "$F" "$c" --category >/dev/null; done
"$A" link add "$F" "$CAUSE" "$MID" --type causes >/dev/null
"$A" link add "$F" "$MID" "$OUT" --type leads-to >/dev/null
visual() { printf '%s\n' "$1" | "$A" cat --dir rtl --width 400 - | sed 's/^ *//'; }
start "env -u LC_ALL -u LANGUAGE LANG=fa_IR.UTF-8 TERM=xterm-256color '$A' '$F'"
check_screen "the Persian workbench opens" "$(visual "$MID")"
keys Tab
sleep 0.3
keys g V
check_screen "the network view, in Persian" "$(visual "$CAUSE")"
c_in=$(col_of "$(visual "$CAUSE")")
c_mid=$(col_of "$(visual "$MID")")
c_out=$(col_of "$(visual "$OUT")")
if [ -n "$c_in" ] && [ -n "$c_mid" ] && [ -n "$c_out" ] &&
    [ "$c_in" -gt "$c_mid" ] && [ "$c_mid" -gt "$c_out" ]; then
	ok "right to left: incoming on the right, outgoing on the left"
else
	notok "right to left: incoming on the right, outgoing on the left" \
	    "incoming at $c_in, the centre at $c_mid, outgoing at $c_out" "$(screen)"
fi
check_screen "the arrows point to the left" "◀─"
keys Escape
wait_gone "◀─" 5
keys q
wait_for "AXIAL-EXIT" 5

# ---- the paradigm view of the seeds' study in boxes
S="$T/seeds.axial"
if seeds_study "$S"; then
	start "TERM=xterm-256color '$A' '$S'"
	$TM resize-window -t t -x 200 -y 50
	check_screen "the seeds' study opens" "codes ("
	check "the terminal is 200x50" "200x50" "$($TM display -p -t t '#{window_width}x#{window_height}')"
	keys T
	check_screen "T shows the model" "Central phenome"
	check_screen "the unexplained slot is named" "Unexplained: Intervening conditions (no link to the central phenomenon)."
	check_screen "and its box is flagged" "⚠ Intervening"
	check_screen "a link under its category, with its type" "▶ causes:"
	check_screen "an arrow where links join two slots" "│──▶│"
	# scrolling brings every type into sight
	labels_seen() {
		_s=$(screen)
		for _t in '▶ is the co' '▶ intervene' '▶ is a stra' '▶ leads to' \
		    '— contradic' '▶ is part o'; do
			case $_s in *"$_t"*) echo "$_t" ;; esac
		done
	}
	: >"$T/seen"
	n=0
	while [ $n -lt 40 ]; do
		labels_seen >>"$T/seen"
		keys Down
		n=$((n + 1))
	done
	for t in '▶ is the co' '▶ intervene' '▶ is a stra' '▶ leads to' \
	    '— contradic' '▶ is part o'; do
		if grep -qxF -- "$t" "$T/seen"; then ok "scrolling shows a link labelled $t…"
		else notok "scrolling shows a link labelled $t…" "seen: $(sort -u "$T/seen" | tr '\n' ' ')"; fi
	done
	keys Escape
	wait_gone "Central phenome" 5
	keys q
	check_screen "quits" "AXIAL-EXIT=0" 5
fi
