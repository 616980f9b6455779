#!/bin/sh
# ui-codes.sh: codes land where the coder means (issue 15). A new or
# in-vivo code made while coding text goes to the top level unless the
# coder picks a category with Tab in the prompt; the code finder asks
# before creating a code and Esc leaves nothing behind; the finder matches
# letters that are not adjacent, ranked, with Persian folding; the digit
# keys say which paragraph they coded (or decline, as the config says); a
# category can be applied to text; the search prompt opens empty with the
# earlier searches one Up away.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

P="$T/en.axial"
cp "$BUILD/remote-work-en.axial" "$P"
export XDG_CONFIG_HOME="$T/config"	# no user config
# a Persian code written with Persian kaf and yeh, found by Arabic ones
"$AXIAL" code add "$P" "خستگی کاری" >/dev/null
node() { "$AXIAL" codes "$P" --json | json "[ (n['kind'], n['parent']) for n in d if n['name']==$1 ]"; }
ncodings() { "$AXIAL" codings "$P" --json | json "len(d)"; }
ncodes() { "$AXIAL" codes "$P" --json | json "len(d)"; }

start "TERM=xterm-256color '$AXIAL' '$P' --as coder-a"
check_screen "opens" "codes ("

# the tree cursor rests on a category: c still makes a top-level code
keys g v w c
check_screen "the new-code prompt says where the code goes" "new code at the top level (Tab: into a category)"
literal "Fresh idea"
keys Enter
check_screen "the code is made and applied" "coded as Fresh idea (a code at the top level)"
check "a new code from the transcript is at the top level" "[('code', 0)]" "$(node "'Fresh idea'")"

# Tab chooses the category under the tree cursor, named in the prompt
keys '}' v w c
check_screen "prompt" "new code at the top level"
keys Tab
check_screen "Tab names the category under the tree cursor" "new code in «Pressures toward remote work»"
keys BTab
check_screen "S-Tab goes back to the top level" "new code at the top level (Tab"
keys Tab
literal "Placed code"
keys Enter
check_screen "applied" "coded as Placed code (a code in «Pressures toward remote work»)"
check "the chosen category holds it" "[('code', 1)]" "$(node "'Placed code'")"

# an in-vivo code is at the top level too
ntop() { "$AXIAL" codes "$P" --json | json "len([n for n in d if n['kind']=='code' and n['parent']==0])"; }
top=$(ntop)
keys '}' v w w i
check_screen "in-vivo codes" "(a code at the top level)"
check "the in-vivo code is at the top level" "$((top + 1))" "$(ntop)"

# the finder: no match asks first; Esc and n create nothing
before_codes=$(ncodes)
before=$(ncodings)
keys '}' v w a
literal "Zqx never seen"
keys Enter
check_screen "Enter on no match asks" "create code «Zqx never seen» at the top level?"
check_screen "the question says the keys" "y or Enter: yes, n or Esc: no"
keys Escape
check_screen "Esc cancels" "cancelled"
check "Esc leaves no code behind" "$before_codes" "$(ncodes)"
check "Esc leaves no coding behind" "$before" "$(ncodings)"
keys a
literal "Zqx never seen"
keys Enter
check_screen "asks again" "create code «Zqx never seen»"
keys n
check_screen "n cancels" "cancelled"
check "n leaves no code behind" "$before_codes" "$(ncodes)"
keys a
literal "Zqx never seen"
keys Enter
wait_for "create code «Zqx never seen»" 5
keys Enter
check_screen "Enter on the question creates and applies" "coded as Zqx never seen (a code at the top level)"
check "the created code is at the top level" "[('code', 0)]" "$(node "'Zqx never seen'")"
check "and applied once" "$((before + 1))" "$(ncodings)"

# subsequence matching, ranked: the best match is the first row
first_match() {
	keys a
	wait_for "apply code" 5
	literal "$1"
	sleep 0.3
	# the row under the query line (a Persian query shows reordered)
	screen | grep -A2 "apply code" | sed -n 3p
	keys Escape
	wait_gone "apply code" 5
}
r=$(first_match "hlthanx")
case $r in *"Health anxiety about returning"*) ok "non-adjacent letters find the code" ;;
*) notok "non-adjacent letters find the code" "$r" "$(screen)" ;; esac
r=$(first_match "sfat")
case $r in *"Screen fatigue"*) ok "word starts rank first" ;;
*) notok "word starts rank first" "$r" "$(screen)" ;; esac
r=$(first_match "ofcl")
case $r in *"Office closure order"*) ok "runs and word starts beat scattered letters" ;;
*) notok "runs and word starts beat scattered letters" "$r" "$(screen)" ;; esac
# (the row is drawn shaped, so the count of matches says it: the only
# item with ک, ر and ی in that order)
keys a
wait_for "apply code" 5
literal "كري"
check_screen "Arabic kaf and yeh find the Persian letters, not adjacent" "(1/"
keys Escape
wait_gone "apply code" 5

# a category applied to text, from the finder
keys '}' v w a
literal "Pandemic mandate"
sleep 0.3
keys Enter
check_screen "a category applies to text" "as Pandemic mandate"
check "the category's coding is in the project" "1" "$("$AXIAL" codings "$P" --json | json "len([c for c in d if c['code']=='Pressures toward remote work/Pandemic mandate'])")"

# digit keys without a selection say which paragraph they coded
keys G '{'
before=$(ncodings)
keys 1
check_screen "a digit key names the paragraph it coded" "coded paragraph "
check_match "with the code's name" "coded paragraph [0-9]+ with «Pandemic mandate»" "$(screen)"
check "the paragraph was coded" "$((before + 1))" "$(ncodings)"

# the search prompt opens empty; Up brings the last query back
keys /
check_screen "search prompt" "search (Persian-aware"
literal "laptop"
keys Enter
keys g /
check_screen "search prompt again" "Up: earlier ones"
row=$(row_of "search (Persian-aware")
line=$(screen | sed -n "$((row + 1))p")
case $line in *">"*laptop*|"") notok "the search prompt opens empty" "$line" ;;
*">"*) ok "the search prompt opens empty" ;;
*) notok "the search prompt opens empty" "$line" ;; esac
keys Up
check_screen "Up brings the last search back" "> laptop"
keys Enter
check_screen "and searches for it" "@"
keys q
check_screen "quits" "AXIAL-EXIT=0"

# quick-code selection: the digit keys decline without a selection
mkdir -p "$T/config/axial"
printf 'quick-code selection\n' >"$T/config/axial/config"
start "TERM=xterm-256color XDG_CONFIG_HOME='$T/config' '$AXIAL' '$P' --as coder-a"
check_screen "opens with the config" "codes ("
keys g v w a
literal "Screen fatigue"
keys Enter
check_screen "coded" "as Screen fatigue"
keys '}'
before=$(ncodings)
keys 1
check_screen "a digit key without a selection declines" "quick-code selection in your config"
check "nothing was coded" "$before" "$(ncodings)"
keys v w 1
check_screen "with a selection it codes" "as Screen fatigue"
keys q
check_screen "quits" "AXIAL-EXIT=0"

# axial tag applies a category too
check_rc "tag applies a category" 0 "$AXIAL" tag "$P" 01-it-service-manager "Pressures toward remote work/Cost pressures" 0 5
check_match "codes counts the category's codings" "Cost pressures \(1\)" "$("$AXIAL" codes "$P")"

# and a REFI-QDA export keeps it: the category is marked codable, and the
# coding comes back on import
check_rc "export qdpx" 0 "$AXIAL" export qdpx "$P" "$T/out.qdpx"
check_rc "the applied category is codable in the export" 0 sh -c "unzip -p '$T/out.qdpx' project.qde | grep -q 'isCodable=\"true\" *[^>]*name=\"Cost pressures\"\|name=\"Cost pressures\" *isCodable=\"true\"'"
"$AXIAL" init "$T/back.axial" >/dev/null
check_rc "import it back" 0 "$AXIAL" import "$T/back.axial" "$T/out.qdpx"
check "every coding came back" "$(ncodings)" "$("$AXIAL" codings "$T/back.axial" --json | json "len(d)")"
