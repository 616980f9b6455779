#!/bin/sh
# ui-panes.sh: the workbench's other panes and settings, in tmux: segments
# of a code and jumping to one, the document list, review mode, memos in
# $EDITOR (run without a shell), recolouring, a config rebinding, themes
# and NO_COLOR, and a hostile transcript that must not reach the terminal
# raw.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

P="$T/en.axial"
cp "$BUILD/remote-work-en.axial" "$P"
export XDG_CONFIG_HOME="$T/config"
mkdir -p "$T/config/axial"
# an editor that is a script, to show no shell is needed or used
cat >"$T/editor" <<'EOS'
#!/bin/sh
printf 'Memo written by the test editor\nsecond line\n' >"$1"
EOS
chmod +x "$T/editor"
printf 'bind only-mine W\n' >"$T/config/axial/config"

start "EDITOR='$T/editor' VISUAL= TERM=xterm-256color '$AXIAL' '$P' --as coder-a"
check_screen "opens" "codes ("

# live agreement of the two coders, as axial agree computes it
expect=$("$AXIAL" agree "$P" --coders coder-a,coder-b | sed -n '/^pooled/{n;p}' | grep -o 'κ [0-9.]*' | cut -c4-6)
keys =
check_screen "= shows the agreement pane" "agreement coder-a vs coder-b"
check_screen "pooled kappa as axial agree has it ($expect)" "κ  0.${expect#0.}"
"$AXIAL" tag "$P" 01-it-service-manager "Screen fatigue" 0 11 --as coder-b >/dev/null
if wait_gone "κ  0.${expect#0.} Po" 3; then
	ok "the pooled kappa follows another coder's coding live"
else
	notok "the pooled kappa follows another coder's coding live" "$(screen | grep κ)"
fi
# alpha for unitizing of all codes beside it, as axial agree --unit segments has it
ua=$("$AXIAL" agree "$P" --unit segments --coders coder-a,coder-b --format csv |
    awk -F, '$1 == "unitizing_alpha" { printf "%5.2f\n", $2 }')
check_screen "alpha_U of all codes as axial agree has it ($ua), after the change" "αU $ua"
# u-alpha of all codes beside it: "--" when axial agree has it undefined
uu=$("$AXIAL" agree "$P" --unit segments --coders coder-a,coder-b --format csv |
    awk -F, '$1 == "u_alpha" { if ($2 == "") print " --"; else printf "%5.2f\n", $2 }')
check_screen "u-alpha of all codes as axial agree has it ($uu)" "uα $uu"
keys =
wait_gone "agreement coder-a" 5

# the segments of a code, and Enter jumps to one
keys Tab g j j Enter
check_screen "Enter on a code lists its segments" "segments ("
check_screen "segments show their quotes" "civic centre would shut"
keys Enter
check_screen "Enter jumps to the segment in the transcript" "[Office closure order"

# the document list in interview order
keys d
check_screen "d shows the documents" "documents (4)"
check_screen "documents in interview order" "02-planning-team-leader"
keys j Enter
check_screen "Enter opens the second document" "2/4"
keys C-p
check_screen "C-p goes back to the first" "1/4"

# review mode walks the categories
keys Tab
wait_for "tree-mark" 5
keys g
keys R
check_screen "R starts the review of a category" "review ("
keys n
check_screen "n moves to the next category" "): Pandemic mandate"

# a memo on a code through the editor, without a shell
keys Escape Tab
wait_for "tree-mark" 5
keys g j j m
check_screen "memo saved from the editor" "memo on the code saved"
n=$("$AXIAL" memo list "$P" --json | python3 -c "import json,sys; print(len([m for m in json.load(sys.stdin) if 'Memo written by the test editor' in m['text']]))")
check "the memo is in the project" 1 "$n"

# the code's definition shows in the status line while in the tree
keys k j
check_screen "the definition of the code under the tree cursor" "definition: A decision from leadership"

# recolour through the finder
keys K
check_screen "K opens the colour finder" "colour (or type"
literal "teal"
keys Enter
check_screen "colour set" "colour set"
c=$("$AXIAL" codes "$P" --json | python3 -c "import json,sys; print([n['color'] for n in json.load(sys.stdin) if n['name']=='Office closure order'][0])")
check "the code's colour is stored" "#56b6c2" "$c"

# a document attribute
keys A
check_screen "A asks for an attribute" "attribute key=value"
literal "department=IT"
keys Enter
check_screen "attribute set" "attribute department set"
keys d j k
check_screen "the document list shows the attributes" "department=IT"
keys d
check_match "the attribute is stored" "IT" "$("$AXIAL" attr "$P" 01-it-service-manager)"

# mouse off and on
keys M
check_screen "M turns the mouse off" "mouse off"
keys M
check_screen "M turns it on again" "mouse on"

# the config's rebinding is live
keys Tab Tab Tab
keys W
check_screen "a key rebound in the config works" "only your codings"
keys q
check_screen "quit" "AXIAL-EXIT=0"

# themes and NO_COLOR
for th in dark light high-contrast monochrome; do
	start "TERM=xterm-256color '$AXIAL' '$P' --theme $th"
	if wait_for "codes (" 10; then
		keys q
		check_screen "theme $th" "AXIAL-EXIT=0"
	else
		notok "theme $th" "$(screen)"
	fi
done
start "TERM=xterm-256color '$AXIAL' '$P' --theme nosuch"
check_screen "an unknown theme is reported, not fatal" "no theme 'nosuch'"
keys q
start "NO_COLOR=1 TERM=xterm-256color '$AXIAL' '$P'"
check_screen "NO_COLOR works" "codes ("
keys q
wait_for "AXIAL-EXIT=0" 5

# a hostile transcript: controls and bidi overrides become placeholders
H="$T/hostile.axial"
"$AXIAL" init "$H" >/dev/null
printf 'before \033]0;PWNED\007 after \342\200\256evil\342\200\254 end\n' >"$T/h.txt"
"$AXIAL" import "$H" "$T/h.txt" >/dev/null
start "TERM=xterm-256color '$AXIAL' '$H'"
check_screen "hostile document opens" "before"
title=$($TM display-message -p -t t '#{pane_title}')
case $title in *PWNED*) notok "an OSC in a transcript does not set the title" "$title" ;;
*) ok "an OSC in a transcript does not set the title" ;; esac
if screen | grep -q "after"; then ok "text after the escape is shown"; else notok "text after the escape is shown" "$(screen)"; fi
keys q
wait_for "AXIAL-EXIT=0" 5

# the default layout: the code tree on the left, the transcript right
start "TERM=xterm-256color '$AXIAL' '$P'"
check_screen "ltr layout opens" "codes ("
col=$(col_of "codes (")
tcol=$(col_of "01-it-service-manager")
if [ -n "$col" ] && [ -n "$tcol" ] && [ "$col" -lt 10 ] && [ "$tcol" -gt 40 ]; then
	ok "the default layout puts the tree on the left"; else
	notok "the default layout puts the tree on the left" "tree column $col, transcript title $tcol" "$(screen | head -3)"; fi
keys q
wait_for "AXIAL-EXIT=0" 5

# a right-to-left layout: the code tree on the right, the transcript left,
# the tree's rows right-aligned
start "TERM=xterm-256color '$AXIAL' '$P' --layout rtl"
check_screen "rtl layout opens" "codes ("
line=$(screen | head -1)
col=$(col_of "codes (")
if [ -n "$col" ] && [ "$col" -gt 100 ]; then ok "rtl layout puts the tree on the right"; else
	notok "rtl layout puts the tree on the right" "column $col" "$(screen | head -3)"; fi
case $line in *"codes (36)") ok "its title is right-aligned" ;;
*) notok "its title is right-aligned" "$line" ;; esac
# the per-coder counts come in after the first frame (deferred work): wait
# for them so the row is read in one state
wait_for "a:3 b:1" 10
row=$(screen | grep -F "Office closure order")
case $row in *"Office closure order •") ok "tree rows are right-aligned, bullet at the right" ;;
*) notok "tree rows are right-aligned, bullet at the right" "$row" ;; esac
case $row in *"│ a:"[0-9]*) ok "the counts are at the row's left end" ;;
*) notok "the counts are at the row's left end" "$row" ;; esac
keys j j
check_screen "the caret moves in the mirrored transcript" "@"
keys q
wait_for "AXIAL-EXIT=0" 5
# a Persian locale, with and without --layout ltr: tests/e2e/ui-i18n.sh
