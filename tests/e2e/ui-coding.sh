#!/bin/sh
# ui-coding.sh: the rest of open and axial coding in the workbench: coded
# segment navigation, moving a coding's edges, remove, recent codes, the
# code-tree operations (new category, rename, merge, delete with its
# confirmation), and Persian-aware search in the Persian sample.
. "$AXIAL_SRC/tests/cli/lib.sh"
. "$AXIAL_SRC/tests/e2e/lib.sh"

P="$T/en.axial"
cp "$BUILD/remote-work-en.axial" "$P"
codings_json() { "$AXIAL" codings "$P" --coder coder-a --json; }

start "TERM=xterm-256color '$AXIAL' '$P' --as coder-a"
check_screen "opens" "codes ("

# a mouse drag over the transcript selects, and a code applies to it:
# from the first letter of the transcript, wherever the layout put it
c=$(col_of "Interviewer: Can you")
mouse_drag "$c" 2 "$((c + 12))" 2
check_screen "a drag selects text" "sel 0-13"
keys a
literal "health anx"
keys Enter
check_screen "the code applies to the dragged selection" "coded 0-12 as Health anxiety"
keys g

# ] and [ walk the coded segments
keys ']'
check_screen "] goes to the next coded segment" "@105"
check_screen "its codes are in the status line" "[Office closure order]"
keys ']'
check_screen "] again" "@221"
keys '['
check_screen "[ goes back" "@105"

# move the end and the start of my coding at the caret by words
keys '>'
check_screen "> moves the coding's end a word forward" "coding now 105-"
n=$(codings_json | json "[ (c['start'], c['end']) for c in d if c['code'].endswith('Office closure order') and c['document']=='01-it-service-manager'][0]")
case $n in "(105, 151)") notok "the end moved in the project" "$n" ;; *) ok "the end moved in the project ($n)" ;; esac
keys ')'
check_screen ") moves the start a word forward" "coding now 107-"

# apply with recent code numbers
keys '}' v w w a
literal "savings on"
keys Enter
check_screen "applied through the finder" "as Savings on office space"
keys '}' v w 1
check_screen "1 applies the most recent code" "as Savings on office space"
keys x
check_screen "x removes it" "removed coding Savings on office space"

# quick coding: a name no code matches becomes a new code on Enter
keys '}' v w a
literal "A brand new quick code"
keys Enter
check_screen "Enter with no match asks before creating" "create code «A brand new quick code»"
keys Enter
check_screen "Enter on the question creates and applies the code" "coded as A brand new quick code"
# and the finder lists recent codes first
keys '}' v w a
check_screen "finder open" "apply code"
first=$(screen | grep -A1 "> " | sed -n 2p)
case $first in *"A brand new quick code"*) ok "recent codes come first in the finder" ;;
*) notok "recent codes come first in the finder" "$first" ;; esac
keys Escape

# . after the code it would apply was undone away: the one before it, or a
# clear word when none is left, never a refusal that names no cause
keys u
check_screen "u undoes the new code and its coding" "undone: code add"
keys Escape '}' v w .
check_screen ". skips the code undone away and applies the one before" "as Savings on office space"
keys u
wait_for "undone: tag" 5
keys Escape

# the tree: new category, rename, merge, delete
keys Tab g
wait_for "tree-mark" 5
keys C
check_screen "C asks for a new category" "new category"
literal "Emerging themes"
keys Enter
check_screen "category created" "new category Emerging themes"
keys r
check_screen "r asks for a new name" "rename"
keys C-u
literal "Emerging ideas"
keys Enter
check_screen "renamed" "renamed to Emerging ideas"
check "the renamed category is in the project" 1 "$("$AXIAL" codes "$P" --json | json "len([n for n in d if n['name']=='Emerging ideas' and n['kind']=='category'])")"
keys c
literal "To be merged"
keys Enter
check_screen "a new code in the category" "new code To be merged"
keys J
check_screen "J opens the merge finder" "merge the marked"
literal "screen fatigue"
keys Enter
check_screen "merged" "merged 1 into Screen fatigue"
check "the merged code is gone" 0 "$("$AXIAL" codes "$P" --json | json "len([n for n in d if n['name']=='To be merged'])")"
keys g
wait_for "Pressures toward" 5
keys j j D
check_screen "D asks before deleting" "y: yes"
keys n
check_screen "any other key cancels" "cancelled"
keys D y
check_screen "y deletes" "deleted 1"
check "the code is deleted" 0 "$("$AXIAL" codes "$P" --json | json "len([n for n in d if n['name']=='Office closure order'])")"
keys u
check_screen "u restores it" "undone"
check "undo brought the code back" 1 "$("$AXIAL" codes "$P" --json | json "len([n for n in d if n['name']=='Office closure order'])")"
keys q
check_screen "quit" "AXIAL-EXIT=0"

# Persian-aware search: Arabic yeh and kaf find the Persian spelling
F="$T/fa.axial"
cp "$BUILD/egov-fa.axial" "$F"
start "TERM=xterm-256color '$AXIAL' '$F'"
check_screen "Persian sample" "1/14"
keys /
check_screen "search prompt" "search"
literal "يك سامانه"
keys Enter
if wait_for "not found" 2; then notok "Arabic yeh/kaf find Persian text" "$(screen | tail -3)"; else ok "Arabic yeh/kaf find Persian text"; fi
check_screen "the caret moved to the hit" "@"
keys n
check_screen "n finds the next match" "@"
keys q
check_screen "quit" "AXIAL-EXIT=0"
