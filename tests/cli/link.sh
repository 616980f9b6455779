# link.sh: links between codes and categories from the command line (link
# add|rm|evidence|memo, links, link type add, link types, code core,
# storyline memos): output and --json field by field, exit status, the
# message for each bad input and that it changed nothing, undo, a code
# removed or merged with its links, blind coding, axial check on a file
# damaged with sqlite3. The model is tests/fixtures/paradigm-model.sh.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
me=$(id -un)
need_fixture "$SRC/tests/fixtures/paradigm-model.sh" || exit 0
. "$SRC/tests/fixtures/paradigm-model.sh"

# state P: what a refusal must leave as it was (links, types, memos, the
# core category and the log's newest entry)
state() {
	"$A" links "$1" --json
	"$A" link types "$1" --json
	"$A" memo list "$1" --json
	"$A" code core "$1"
	"$A" log "$1" --limit 1 --json | sed 's/"time":[0-9]*//'
}
# refused NAME RC PATTERN PROJECT CMD...: exit RC, the message, nothing changed
refused() {
	rf_name=$1 rf_rc=$2 rf_pat=$3 rf_p=$4; shift 4
	rf_before=$(state "$rf_p")
	check_rc "$rf_name: exit $rf_rc" "$rf_rc" "$@"
	check_match "$rf_name: message" "$rf_pat" "$ERR"
	check "$rf_name: nothing changed" "$rf_before" "$(state "$rf_p")"
}
# json FILE EXPR: python3 evaluates EXPR with d = the JSON in FILE
json() { python3 -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
print(eval(sys.argv[2]))' "$@"; }

check_rc "the paradigm model builds" 0 paradigm_model p.axial

# ---- links: one line each
check_rc "links" 0 $A links p.axial
check "links, as text" "$(printf '%s\n' \
'#1	Office closure	causes	Working from home	→	2	The order, not a choice, started it.' \
'#2	Household situation	is the context of	Home routines	→	0	' \
'#3	Broadband quality	intervenes in	Home routines	→	0	' \
'#4	Home routines	is a strategy for	Working from home	→	1	' \
'#5	Home routines	leads to	Work-life boundary	→	1	' \
'#6	Home routines/Fixed hours	is part of	Home routines	→	0	' \
'#7	Home routines/Evening e-mails	contradicts	Home routines/Fixed hours	—	1	')" "$OUT"
check "links --code: both ends" "#2 #3 #4 #5 #6" \
    "$($A links p.axial --code 'Home routines' | cut -f1 | tr '\n' ' ' | sed 's/ $//')"
check "links --code, folded" "#6 #7" \
    "$($A links p.axial --code 'fixed  HOURS' | cut -f1 | tr '\n' ' ' | sed 's/ $//')"
check_rc "links --code of no node" 1 $A links p.axial --code 'Nowhere'
check_match "its message" "^axial: no code or category 'Nowhere'" "$ERR"
check_rc "links takes one project" 2 $A links p.axial extra

# ---- links --json, field by field
$A links p.axial --json >l.json
check "json: seven links" 7 "$(json l.json 'len(d)')"
check "json #1 id" 1 "$(json l.json 'd[0]["id"]')"
check "json #1 from" 3 "$(json l.json 'd[0]["from"]')"
check "json #1 from_name" "Office closure" "$(json l.json 'd[0]["from_name"]')"
check "json #1 from_path" "Office closure" "$(json l.json 'd[0]["from_path"]')"
check "json #1 from_kind" category "$(json l.json 'd[0]["from_kind"]')"
check "json #1 to" 1 "$(json l.json 'd[0]["to"]')"
check "json #1 to_name" "Working from home" "$(json l.json 'd[0]["to_name"]')"
check "json #1 to_path" "Working from home" "$(json l.json 'd[0]["to_path"]')"
check "json #1 type" 1 "$(json l.json 'd[0]["type"]')"
check "json #1 type_key" causes "$(json l.json 'd[0]["type_key"]')"
check "json #1 type_name" causes "$(json l.json 'd[0]["type_name"]')"
check "json #1 directed" True "$(json l.json 'd[0]["directed"]')"
check "json #1 author" "$me" "$(json l.json 'd[0]["author"]')"
check "json #1 created is a time" True "$(json l.json 'd[0]["created"] > 1500000000')"
check_match "json #1 guid" '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' \
    "$(json l.json 'd[0]["guid"]')"
check "json #1 memo" 1 "$(json l.json 'd[0]["memo"]')"
check "json #1 memo_text" "The order, not a choice, started it." "$(json l.json 'd[0]["memo_text"]')"
check "json #1 evidence" "[1, 8]" "$(json l.json 'd[0]["evidence"]')"
check "json #6 from a code, by path" "Home routines/Fixed hours code Fixed hours" \
    "$(json l.json '" ".join([d[5]["from_path"], d[5]["from_kind"], d[5]["from_name"]])')"
check "json #6 type" "6 part-of is part of" \
    "$(json l.json '" ".join([str(d[5]["type"]), d[5]["type_key"], d[5]["type_name"]])')"
check "json #7 undirected" False "$(json l.json 'd[6]["directed"]')"
check "json #2 no memo" "0 None []" \
    "$(json l.json '" ".join([str(d[1]["memo"]), str(d[1]["memo_text"]), str(d[1]["evidence"])])')"
check "json keys" "author created directed evidence from from_kind from_name from_path guid id memo memo_text to to_kind to_name to_path type type_key type_name" \
    "$(json l.json '" ".join(sorted(d[0].keys()))')"
check "links --code --json" "[1, 4]" \
    "$($A links p.axial --code 'Working from home' --json >h.json; json h.json '[x["id"] for x in d]')"

# ---- link types
check_rc "link types" 0 $A link types p.axial
check "link types, as text" "$(printf '%s\n' \
'#1	causes	causes	' '#2	context	is the context of	' '#3	intervenes	intervenes in	' \
'#4	strategy	is a strategy for	' '#5	leads-to	leads to	' '#6	part-of	is part of	' \
'#7	contradicts	contradicts	')" "$OUT"
check_rc "link type add" 0 $A link type add p.axial "  supports " --color '#00AA00'
check "it prints its #ID" "#8" "$OUT"
check_rc "another" 0 $A link type add p.axial "blocks"
check "the project's own after the built-ins, by name" "$(printf '%s\n' \
'#9	-	blocks	' '#8	-	supports	#00aa00')" "$($A link types p.axial | tail -2)"
$A link types p.axial --json >t.json
check "types json: nine" 9 "$(json t.json 'len(d)')"
check "types json #6" "6 part-of is part of  True" \
    "$(json t.json '" ".join([str(d[5]["id"]), d[5]["key"], d[5]["name"], d[5]["color"], str(d[5]["builtin"])])')"
check "types json, supports" "8 None supports #00aa00 False" \
    "$(json t.json '" ".join([str(d[8]["id"]), str(d[8]["key"]), d[8]["name"], d[8]["color"], str(d[8]["builtin"])])')"
check "types json keys" "builtin color id key name" "$(json t.json '" ".join(sorted(d[0].keys()))')"
check_match "the log names the type" 'link type add «blocks»' "$($A log p.axial --limit 1)"
refused "empty type name" 1 '^axial: link type name: ' p.axial $A link type add p.axial ''
refused "type name with a control character" 1 'link type name: contains a control character \(U\+001B\)' \
    p.axial $A link type add p.axial "$(printf 'bad\033[2Jname')"
refused "type name folding like a built-in" 1 "there is already a link type «causes» \\(#1\\)" \
    p.axial $A link type add p.axial 'CAUSES'
refused "type name folding like a short name" 1 "already a link type «leads to» \\(#5\\)" \
    p.axial $A link type add p.axial 'Leads-To'
refused "type name folding like the project's own" 1 "already a link type «supports» \\(#8\\)" \
    p.axial $A link type add p.axial 'Sup ports'
refused "type colour" 1 'colour must be #rrggbb' p.axial $A link type add p.axial new --color red
refused "type add without a name" 2 '^usage: axial link type add' p.axial $A link type add p.axial

# ---- link add: the new link, its output, and every refusal
check_rc "link add with a project type, by name" 0 $A link add p.axial 'Slow connection' 'Fixed hours' --type supports
check "it prints #8" "#8" "$OUT"
check "the new line" "$(printf '#8\tBroadband quality/Slow connection\tsupports\tHome routines/Fixed hours\t→\t0\t')" \
    "$($A links p.axial | tail -1)"
check_match "the log names the link" 'link «Slow connection» supports «Fixed hours»' "$($A log p.axial --limit 1)"
check_rc "link add by #ID and type #ID" 0 $A link add p.axial '#13' '#2' --type '#7' -u -m 'tension'
check "it prints #9" "#9" "$OUT"
refused "a node linked to itself" 1 "^axial: cannot link «Fixed hours» to itself$" \
    p.axial $A link add p.axial 'Fixed hours' 'Home routines/Fixed hours' --type causes
refused "a node not there" 1 "^axial: no code or category 'Nowhere'" \
    p.axial $A link add p.axial 'Nowhere' 'Fixed hours' --type causes
refused "a type not there" 1 "^axial: no link type 'cuases'; did you mean «causes»\\?$" \
    p.axial $A link add p.axial 'Slow connection' 'Fixed hours' --type cuases
refused "no --type" 2 '^axial link add: --type is needed' \
    p.axial $A link add p.axial 'Slow connection' 'Fixed hours'
refused "one node only" 2 '^usage: axial link add' p.axial $A link add p.axial 'Slow connection' --type causes
refused "the same link again" 1 \
    "^axial: «Office closure» and «Working from home» are already linked so: «Office closure» causes «Working from home» \\(link #1\\)$" \
    p.axial $A link add p.axial 'Office closure' 'Working from home' --type causes
refused "the reverse, undirected" 1 "already linked so: «Office closure» causes «Working from home»" \
    p.axial $A link add p.axial 'Working from home' 'Office closure' --type causes --undirected
refused "the reverse of an undirected link" 1 "already linked so: «Evening e-mails» contradicts «Fixed hours»" \
    p.axial $A link add p.axial 'Fixed hours' 'Evening e-mails' --type contradicts
check_rc "the reverse, directed, is another finding" 0 $A link add p.axial 'Working from home' 'Office closure' --type causes
check "it prints #10" "#10" "$OUT"
refused "an undirected part-of" 1 "cannot link «Children at home» and «Home routines» as undirected: «is part of» goes one way" \
    p.axial $A link add p.axial 'Children at home' 'Home routines' --type part-of -u
check_rc "a part of a part" 0 $A link add p.axial 'Home routines' 'Working from home' --type 'is part of'
refused "a part-of going round" 1 \
    "^axial: «Working from home» is part of «Fixed hours» would go round in a loop: «Fixed hours» is already part of «Working from home»$" \
    p.axial $A link add p.axial 'Working from home' 'Fixed hours' --type part-of
refused "a memo that is not UTF-8" 1 'not valid UTF-8' \
    p.axial $A link add p.axial 'Children at home' 'Slow connection' --type causes --memo "$(printf 'bad \377')"

# ---- link rm and undo
check_rc "link rm" 0 $A link rm p.axial '#9'
check "gone" "" "$($A links p.axial | grep '^#9	')"
check_match "the log" 'unlink «Blurred boundary» contradicts «Laptops at home»' "$($A log p.axial --limit 1)"
check "its memo went with it" "" "$($A memo list p.axial | grep tension)"
check_rc "undo" 0 $A undo p.axial
check_match "back" '^#9	Work-life boundary/Blurred boundary	contradicts	Working from home/Laptops at home	—	0	tension$' "$($A links p.axial)"
check_rc "redo" 0 $A redo p.axial
refused "rm again" 1 '^axial: no link #9$' p.axial $A link rm p.axial 9
refused "rm of no #ID" 2 "^axial link rm: 'nine' is not a link's #ID" p.axial $A link rm p.axial nine

# ---- evidence
check_rc "evidence" 0 $A link evidence p.axial 2 '#3'
check "counted" "1" "$($A links p.axial | grep '^#2	' | cut -f6)"
check_match "the log" 'link evidence «Household situation» is the context of «Home routines»' "$($A log p.axial --limit 1)"
refused "evidence twice" 1 '^axial: coding #3 is already evidence of link #2$' p.axial $A link evidence p.axial 2 3
refused "no such coding" 1 '^axial: no coding #99$' p.axial $A link evidence p.axial 2 99
refused "no such link" 1 '^axial: no link #99$' p.axial $A link evidence p.axial 99 3
refused "a coding that is no #ID" 2 "'x' is not a coding's #ID" p.axial $A link evidence p.axial 2 x
check_rc "evidence --remove" 0 $A link evidence p.axial 2 3 --remove
check "uncounted" "0" "$($A links p.axial | grep '^#2	' | cut -f6)"
refused "remove again" 1 '^axial: coding #3 is not evidence of link #2$' p.axial $A link evidence p.axial 2 3 --remove
# a coding removed stops being evidence; undo brings it back
check_rc "untag a coding used as evidence" 0 $A untag p.axial 8
check "link #1 has one left" "[1]" "$($A links p.axial --json >e.json; json e.json 'd[0]["evidence"]')"
check_rc "undo the untag" 0 $A undo p.axial
check "both again" "[1, 8]" "$($A links p.axial --json >e.json; json e.json 'd[0]["evidence"]')"

# ---- the memo
check_rc "link memo" 0 $A link memo p.axial 2 "$(printf 'Children set\nthe hours.')"
check "first line shown" "Children set" "$($A links p.axial | grep '^#2	' | cut -f7)"
check "whole in json" "Children set
the hours." "$($A links p.axial --json >m.json; json m.json 'd[1]["memo_text"]')"
check_rc "replaced" 0 $A link memo p.axial 2 'Children shape routines.'
check "one memo on the link" "1" "$($A memo list p.axial --on link:2 --json >ml.json; json ml.json 'len(d)')"
check "memo list --on link" "link 2 Children shape routines." \
    "$(json ml.json '" ".join([d[0]["on"], str(d[0]["target"]), d[0]["text"]])')"
check_rc "memo add --on link" 0 $A memo add p.axial 'a second thought' --on link:'#2' --type theoretical
check_rc "\"\" removes the link's memos" 0 $A link memo p.axial 2 ''
check "no memo" "0" "$($A links p.axial --json >m.json; json m.json 'd[1]["memo"]')"
refused "memo on no link" 1 '^axial: no link #42$' p.axial $A link memo p.axial 42 text
refused "memo add on no link" 1 '^axial: no link #42 to write a memo on$' p.axial $A memo add p.axial x --on link:42
refused "memo add on link:x" 2 "--on takes document:DOC, code:CODE, coding:ID or link:ID, not 'link:x'" \
    p.axial $A memo add p.axial x --on link:x

# ---- the core category and the storyline
check "the model's core" "$(printf '#1\tWorking from home')" "$($A code core p.axial)"
refused "a code as core" 1 '^axial: «Fixed hours» is a code; only a category can be the core category$' \
    p.axial $A code core p.axial 'Fixed hours'
refused "a category and --clear" 2 'give a category or --clear, not both' \
    p.axial $A code core p.axial 'Home routines' --clear
check_rc "another core" 0 $A code core p.axial 'Home routines'
check "shown" "$(printf '#9\tHome routines')" "$($A code core p.axial)"
check_match "logged" 'core category «Home routines»' "$($A log p.axial --limit 1)"
check_rc "--clear" 0 $A code core p.axial --clear
check "none" "" "$($A code core p.axial)"
check_rc "undo the clear" 0 $A undo p.axial
check "back" "$(printf '#9\tHome routines')" "$($A code core p.axial)"
check "the storyline memo" "storyline node 1" \
    "$($A memo list p.axial --json >s.json; json s.json '" ".join([d[1]["type"], d[1]["on"], str(d[1]["target"])])')"
refused "a storyline memo on a code" 1 \
    '^axial: a storyline memo goes on a category \(normally the core category\), not on a code$' \
    p.axial $A memo add p.axial 'story' --type storyline --on 'code:Fixed hours'
refused "a free storyline memo" 1 'not on nothing' p.axial $A memo add p.axial 'story' --type storyline
refused "an unknown memo type" 2 "unknown memo type 'story' \\(free, code, theoretical, operational, storyline\\)" \
    p.axial $A memo add p.axial 'x' --type story

# ---- a code removed with its links; undo brings them and their evidence back
cp p.axial before-rm.axial
before=$($A links p.axial --json)
check_rc "code rm of a code with links" 0 $A code rm p.axial 'Fixed hours'
check "its links went" "" "$($A links p.axial | grep -E 'Fixed hours')"
check_rc "undo" 0 $A undo p.axial
check "links, evidence and memos as they were" "$before" "$($A links p.axial --json)"
check_rc "a category removed with what is under it" 0 $A code rm p.axial 'Office closure'
check "link #1 went, its evidence too" "" "$($A links p.axial | grep '^#1	')"
check_rc "undo" 0 $A undo p.axial
check "as they were" "$before" "$($A links p.axial --json)"

# ---- a merge folds links
$A code add p.axial 'Late e-mails' --in 'Home routines' >/dev/null
$A tag p.axial pm-a 'Late e-mails' --quote 'kept coming' >/dev/null
$A link add p.axial 'Late e-mails' 'Fixed hours' --type contradicts -m 'late mail' >/dev/null
$A link evidence p.axial 12 9 >/dev/null
check_rc "merge a code whose link repeats another" 0 $A code merge p.axial 'Late e-mails' 'Evening e-mails'
check "folded into #7: one link, evidence of both" "[6, 9]" \
    "$($A links p.axial --json >f.json; json f.json '[x for x in d if x["id"] == 7][0]["evidence"]')"
check "and #12 is gone" "0" "$(json f.json 'len([x for x in d if x["id"] == 12])')"
check "its memo kept, on #7" "link 7 late mail" \
    "$($A memo list p.axial --on link:7 --json >fm.json; json fm.json '" ".join([d[0]["on"], str(d[0]["target"]), d[0]["text"]])')"
check_rc "undo the merge" 0 $A undo p.axial
check "#12 is back" "[9]" "$($A links p.axial --json >f.json; json f.json '[x for x in d if x["id"] == 12][0]["evidence"]')"

# ---- blind coding: a coder's links are the coder's
$A init b.axial >/dev/null
printf 'one two three\n' >b.txt
$A import b.axial b.txt >/dev/null
$A code add b.axial k1 >/dev/null
$A code add b.axial k2 >/dev/null
$A coder add b.axial A --account "$me"
$A coder add b.axial B --account "$me"
$A blind b.axial start A,B >/dev/null
check_rc "A links while blind" 0 $A link add b.axial k1 k2 --type causes --as A
check "A sees it" "#1" "$($A links b.axial --as A | cut -f1)"
check "B does not" "" "$($A links b.axial --as B)"
check_rc "B cannot remove it" 1 $A link rm b.axial 1 --as B
check "B hears there is none" "axial: no link #1" "$ERR"
$A blind b.axial done --as A >/dev/null
$A blind b.axial done --as B >/dev/null
check "revealed" "#1" "$($A links b.axial --as B | cut -f1)"

# ---- a file damaged with sqlite3: listed, checked, repaired
cp before-rm.axial d.axial
sqlite3 d.axial "PRAGMA ignore_check_constraints = ON;
    INSERT INTO links(from_id, to_id, type_id, directed, author_id, guid, created)
    VALUES (10, 10, 1, 1, 1, 'self', 0), (1, 10, 6, 1, 1, 'loop', 0);
    UPDATE meta SET value = '4' WHERE key = 'core_node';"
check_rc "links of a damaged file" 0 $A links d.axial
check_match "the self link listed" "	Home routines/Fixed hours	causes	Home routines/Fixed hours	" "$OUT"
check_rc "check finds it" 1 $A check d.axial
check_match "self link" '^d.axial: link: link #[0-9]+ joins «Fixed hours» to itself \(--repair: delete the link with its evidence and memo\)$' "$OUT"
check_match "loop" "^d.axial: link: the «is part of» links go round in a loop of 3: «Working from home» \\(#1\\) is part of itself$" "$OUT"
check_match "core" "^d.axial: core: the core category is #4, which is not a category of the project \\(--repair: unmark it\\)$" "$OUT"
check_rc "check --repair" 1 $A check d.axial --repair
check_rc "what is left cannot be repaired" 1 $A check d.axial
check "the loop only" "1" "$(echo "$OUT" | grep -c .)"
check "no core now" "" "$($A code core d.axial)"

# ---- the names shown are the study's language's; machines read English
check_match "Persian type names" '#6	part-of	بخشی است از' \
    "$(env -u LC_ALL LANG=C.UTF-8 LANGUAGE=fa $A link types p.axial)"
check "JSON stays English" "is part of" \
    "$(env -u LC_ALL LANG=C.UTF-8 LANGUAGE=fa $A link types p.axial --json >fa.json; json fa.json 'd[5]["name"]')"
check_match "found by its Persian name" '^#[0-9]+$' \
    "$(env -u LC_ALL LANG=C.UTF-8 LANGUAGE=fa $A link add p.axial 'Children at home' 'Household situation' --type 'بخشی است از')"
