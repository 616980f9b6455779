# links-merge.sh: axial merge of a coder's copy that holds links (#18). The
# copy of the paradigm model (tests/fixtures/paradigm-model.sh) gets, from
# coder-c, codings, a link type of her own, links with a memo and evidence,
# evidence and a memo on the lead's links, the core category and a
# storyline; merged into the lead's project every link comes across as in
# the copy (`axial links --json` the same but for row ids, the evidence
# compared by coding), memos keep their GUIDs, a link to a code the lead
# lacks is named; merging again adds nothing; one undo takes it all back.
# Each link the model refuses once the two projects meet is named and left
# out while the rest comes in; a blind session in the lead leaves what it
# hides for a later merge; a .qdpx of the copy brings its links too.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
me=$(id -un)
for need in python3 sqlite3; do
	command -v $need >/dev/null 2>&1 || notok "$need is installed (scripts/deps.sh)"
done
need_fixture "$SRC/tests/fixtures/paradigm-model.sh" || exit 0
. "$SRC/tests/fixtures/paradigm-model.sh"

# links P: every link, by GUID, without row ids: its ends by path, type,
# direction, author, time, memo, and its evidence as the codings' document,
# code, coder and span
links() { python3 - "$A" "$1" <<'PY'
import json, subprocess, sys
a, p = sys.argv[1], sys.argv[2]
j = lambda *c: json.loads(subprocess.run([a, *c, p, "--json"], capture_output=True, text=True).stdout)
codings = {c["id"]: "%s|%s|%s|%d-%d" % (c["document"], c["code"], c["coder"], c["start"], c["end"]) for c in j("codings")}
for l in sorted(j("links"), key=lambda l: l["guid"]):
    l = {k: v for k, v in l.items() if k not in ("id", "from", "to", "memo")}
    l["type"] = l["type"] if l["type_key"] else None
    l["evidence"] = sorted(codings[e] for e in l["evidence"])
    print(json.dumps(l, sort_keys=True, ensure_ascii=False))
PY
}
# memos P: each memo on a link or category by GUID, with what it is on
memos() {
	sqlite3 -separator ' | ' "$1" "SELECT m.guid, m.type, m.body, c.login,
	    m.created, ifnull((SELECT guid FROM links WHERE m.target = 'link' AND
	    id = m.target_id), (SELECT guid FROM nodes WHERE m.target = 'node' AND
	    id = m.target_id)) FROM memos m JOIN coders c ON c.id = m.author_id
	    WHERE m.target IN ('link', 'node') ORDER BY m.guid"
}
# without GUID: links P's lines but the link with that GUID
without() { links "$1" | grep -v "\"guid\": \"$2\""; }
guid_of() { $A links "$1" --json | python3 -c 'import json, sys
print(json.load(sys.stdin)[int(sys.argv[1]) - 1]["guid"])' "$2"; }
# c CMD...: coder-c's work in a copy, quietly; a failure is named
c() { "$A" "$@" --as coder-c >/dev/null || notok "as coder-c: $*"; }

# ---- the lead and the coder's copy
check_rc "the paradigm model builds" 0 paradigm_model lead.axial
check_rc "coder-c, tied to this account" 0 $A coder add lead.axial coder-c --name "Coder C" --account "$me"
check_rc "no core category in the lead yet" 0 $A code core lead.axial --clear
cp lead.axial copy.axial
cp lead.axial lead0.axial
c tag copy.axial pm-a 'Fixed hours' --quote 'nine to five'
c tag copy.axial pm-a 'Slow connection' --quote 'every morning'
c link type add copy.axial enables --color '#336699'
c link add copy.axial 'Broadband quality' 'Work-life boundary' --type enables --memo 'Fast lines let work reach home.'
c link evidence copy.axial 8 10
c link add copy.axial 'Fixed hours' 'Children at home' --type contradicts --undirected
c link evidence copy.axial 9 9
c link evidence copy.axial 9 3
c link evidence copy.axial 4 9
c link memo copy.axial 2 'Children set the hours.'
c code add copy.axial 'Only in the copy' --in 'Home routines'
c link add copy.axial 'Only in the copy' 'Working from home' --type causes
c code core copy.axial 'Home routines'
c memo add copy.axial 'Routines hold the story together.' --type storyline --on 'code:Home routines'
check "the copy: ten links" 10 "$($A links copy.axial | wc -l)"
odd=$(guid_of copy.axial 10)
before=$(links lead.axial)
before_memos=$(memos lead.axial)

# ---- the merge
check_rc "merge the copy" 0 $A merge lead.axial copy.axial
check "the summary" "merged copy.axial: 2 codings added (8 already present), 2 links, 4 codings of link evidence, 0 coders and 3 memos added" "$OUT"
check_match "the type added, said so" "^axial: copy.axial: link type 'enables' added \\(the copy's\\)$" "$ERR"
check_match "the link to a code the lead lacks, named" "^axial: copy.axial: link 'causes' from 'Home routines/Only in the copy' to 'Working from home' \\($odd\\) left out: 'Home routines/Only in the copy' matches no code or category in the project \\(by GUID or path\\)$" "$ERR"
check "nothing else reported" 2 "$(printf '%s\n' "$ERR" | wc -l)"
check "every other link as in the copy: ends, type, direction, author, time, memo, evidence" \
	"$(without copy.axial "$odd")" "$(links lead.axial)"
check_match "the copy's type, in its colour" '"type_name": "enables"' "$(links lead.axial)"
check "the type's colour" "#336699" "$($A link types lead.axial --json | python3 -c 'import json, sys
print([t["color"] for t in json.load(sys.stdin) if t["name"] == "enables"][0])')"
check "the new links are coder-c's" "coder-c coder-c" \
	"$($A links lead.axial --json | python3 -c 'import json, sys
print(" ".join(l["author"] for l in json.load(sys.stdin)[7:]))')"
check "memos on links and categories with their GUIDs, authors and times" \
	"$(memos copy.axial | grep -v "$odd")" "$(memos lead.axial)"
check "the core category, the lead having none" "#9	Home routines" "$($A code core lead.axial)"
after=$(links lead.axial)
after_memos=$(memos lead.axial)

# ---- again: nothing added, no action in the log
log_before=$($A log lead.axial --limit 1 --json)
check_rc "merge again" 0 $A merge lead.axial copy.axial
check "again: nothing added" "merged copy.axial: 0 codings added (10 already present), 0 links, 0 codings of link evidence, 0 coders and 0 memos added" "$OUT"
check "again: the links as they were" "$after" "$(links lead.axial)"
check "again: the memos as they were" "$after_memos" "$(memos lead.axial)"
check "again: no action logged" "$log_before" "$($A log lead.axial --limit 1 --json)"

# ---- one undo takes the whole merge back
check_rc "undo the merge" 0 $A undo lead.axial
check "undone: the lead's links as before" "$before" "$(links lead.axial)"
check "undone: its memos as before" "$before_memos" "$(memos lead.axial)"
check "undone: no type added" "" "$($A link types lead.axial | grep enables)"
check "undone: no core category" "" "$($A code core lead.axial)"
check "undone: the lead's eight codings" 8 "$($A codings lead.axial | wc -l)"

# ---- what the model refuses once the two meet: each named, the rest in
paradigm_model lead2.axial >/dev/null
$A coder add lead2.axial coder-c --account "$me" >/dev/null
cp lead2.axial copy2.axial
printf 'Only the copy has this interview.\n' >pm-c.txt
c import copy2.axial pm-c.txt
c tag copy2.axial pm-c 'Slow connection' --quote 'Only the copy'
c tag copy2.axial pm-a 'Slow connection' --quote 'every morning'
c link add copy2.axial 'Household situation' 'Work-life boundary' --type leads-to
c link add copy2.axial 'Home routines' 'Evening e-mails' --type part-of
c code add copy2.axial 'Steady hours' --in 'Home routines'
c link add copy2.axial 'Fixed hours' 'Steady hours' --type leads-to
c link add copy2.axial 'Broadband quality' 'Work-life boundary' --type causes --memo 'Slow lines end the day late.'
c link evidence copy2.axial 11 9
c link evidence copy2.axial 11 10
c code core copy2.axial 'Home routines'
dup=$(guid_of copy2.axial 8) loop=$(guid_of copy2.axial 9) self=$(guid_of copy2.axial 10) good=$(guid_of copy2.axial 11)
# meanwhile the lead: the same relation, the other half of a loop,
# Fixed hours renamed to the copy's new code's name
$A link add lead2.axial 'Household situation' 'Work-life boundary' --type leads-to >/dev/null
$A link add lead2.axial 'Evening e-mails' 'Fixed hours' --type part-of >/dev/null
$A code rename lead2.axial 'Fixed hours' 'Steady hours' >/dev/null
before=$(links lead2.axial)
check_rc "a copy the model refuses parts of still merges" 0 $A merge lead2.axial copy2.axial
check "its summary" "merged copy2.axial: 1 codings added (8 already present), 1 links, 1 codings of link evidence, 0 coders and 1 memos added" "$OUT"
check_match "the same relation under another GUID, named" "^axial: copy2.axial: link 'leads to' from 'Household situation' to 'Work-life boundary' \\($dup\\) left out: «Household situation» and «Work-life boundary» are already linked so: «Household situation» leads to «Work-life boundary» \\(link #8\\)$" "$ERR"
check_match "a loop of is part of across the two, named" "^axial: copy2.axial: link 'is part of' from 'Home routines' to 'Home routines/Evening e-mails' \\($loop\\) left out: «Home routines» is part of «Evening e-mails» would go round in a loop: «Evening e-mails» is already part of «Home routines»$" "$ERR"
check_match "a self link once both ends map to one code, named" "^axial: copy2.axial: link 'leads to' from 'Home routines/Fixed hours' to 'Home routines/Steady hours' \\($self\\) left out: cannot link «Steady hours» to itself$" "$ERR"
check_match "evidence whose document is not here, named" "^axial: copy2.axial: link 'causes' from 'Broadband quality' to 'Work-life boundary' \\($good\\): 1 coding of its evidence left out: it did not come across$" "$ERR"
check_match "the document, named" "^axial: copy2.axial: document 'pm-c' is not in the project" "$ERR"
check_match "the core category conflict, named" "^axial: copy2.axial: the copy's core category is 'Home routines', this project's is 'Working from home': 'Working from home' stays the core category$" "$ERR"
check "nothing else reported" 6 "$(printf '%s\n' "$ERR" | wc -l)"
check "the lead's links untouched" "$before" "$(without lead2.axial "$good")"
check "the good link came whole, but for the evidence left out" \
	"$(links copy2.axial | grep "$good" | python3 -c 'import json, sys
l = json.load(sys.stdin)
l["evidence"] = [e for e in l["evidence"] if not e.startswith("pm-c|")]
print(json.dumps(l, sort_keys=True, ensure_ascii=False))')" "$(links lead2.axial | grep "$good")"
check_match "  ... with its evidence in pm-a" '"evidence": \["pm-a\|Broadband quality/Slow connection\|coder-c\|[0-9]+-[0-9]+"\]' "$(links lead2.axial | grep "$good")"
check "the lead's core category stays" "#1	Working from home" "$($A code core lead2.axial)"

# ---- a blind session in the lead: what it hides from the one merging
# waits for a merge after it
paradigm_model lead3.axial >/dev/null
$A coder add lead3.axial coder-c --account "$me" >/dev/null
cp lead3.axial copy3.axial
c tag copy3.axial pm-a 'Slow connection' --quote 'every morning'
c memo add copy3.axial 'Mornings only.' --on coding:9
c link add copy3.axial 'Broadband quality' 'Work-life boundary' --type causes --memo 'Slow lines end the day late.'
c link evidence copy3.axial 8 9
$A coder add lead3.axial coder-b >/dev/null
check_rc "a blind session in the lead" 0 $A blind lead3.axial start "$me,coder-b"
check_rc "merge during it" 0 $A merge lead3.axial copy3.axial
check "what came: the coding, the link, its memo" "merged copy3.axial: 1 codings added (8 already present), 1 links, 0 codings of link evidence, 0 coders and 1 memos added" "$OUT"
check "what waits, said" "axial: copy3.axial: blind coding hides part of the copy's work from you here: 2 memos and codings of link evidence left out; merge again once the session has ended (nothing is added twice)" "$ERR"
check_rc "the owner lifts the session" 0 $A blind lead3.axial off
check_rc "merge again after it" 0 $A merge lead3.axial copy3.axial
check "the rest came" "merged copy3.axial: 0 codings added (9 already present), 0 links, 1 codings of link evidence, 0 coders and 1 memos added" "$OUT"
check "nothing left out now" "" "$ERR"
check "the links as in the copy" "$(links copy3.axial)" "$(links lead3.axial)"
check "the coding's memo with its GUID" "$(sqlite3 copy3.axial "SELECT guid, body FROM memos WHERE target = 'coding'")" \
	"$(sqlite3 lead3.axial "SELECT guid, body FROM memos WHERE target = 'coding'")"

# ---- a .qdpx of the copy brings its links (REFI-QDA has no evidence,
# author or time for them: docs/exchange.md §3.9)
cp lead0.axial lead4.axial
check_rc "export the copy" 0 $A export qdpx copy.axial copy.qdpx
check_rc "merge the .qdpx" 0 $A merge lead4.axial copy.qdpx
check_match "its links came" '^merged copy\.qdpx: 2 codings added \(8 already present\), 2 links, 0 codings of link evidence' "$OUT"
# lite: of links' lines, what REFI-QDA carries
lite() { python3 -c 'import json, sys
for l in sys.stdin:
    l = json.loads(l)
    print(l["guid"], l["from_path"], l["type_name"], l["directed"], l["to_path"], l["memo_text"])'; }
check "the links as in the copy, but for evidence, authors and times" \
	"$(without copy.axial "$odd" | lite)" "$(links lead4.axial | lite)"
