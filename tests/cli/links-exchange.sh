# links-exchange.sh: links through REFI-QDA. The seeds' study given links
# through the command line (seeds_study, lib.sh) is exported (project.qde
# valid against the REFI-QDA 1.5 schema, one Link per link), imported into
# a new project with
# every link intact (`axial links --json` the same but for ids, authors,
# times and evidence, which REFI-QDA does not carry), and links in the shape
# ATLAS.ti writes come in with their names as types. Bad Links are each
# left out with a line naming them while the rest of the file comes in.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
REFI=$AXIAL_SRC/tests/fixtures/refi-qda
XSD_P=$REFI/Project-mrt2019.xsd
FX=$REFI/samples/atlasti-win23-links-shape.qdpx
for need in xmllint python3; do
	command -v $need >/dev/null 2>&1 || notok "$need is installed (scripts/deps.sh)"
done
need_fixture "$XSD_P"
need_fixture "$FX"

# qde FILE.qdpx OUT: the .qde inside an archive
qde() { python3 -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
n = [i for i in z.namelist() if i.endswith(".qde")][0]
open(sys.argv[2], "wb").write(z.read(n))' "$1" "$2"; }
# links P: what a round trip keeps of each link, by GUID
links() { $A links "$1" --json | python3 -c 'import json, sys
keep = ("guid", "from_path", "from_kind", "to_path", "to_kind", "type_key",
        "type_name", "directed", "memo_text")
for l in sorted(json.load(sys.stdin), key=lambda l: l["guid"]):
    print(json.dumps({k: l[k] for k in keep}, sort_keys=True, ensure_ascii=False))'; }

seeds_study s.axial || exit 0
MINE=$SEED_MINE
# a memo with a line break and markup
check_rc "a second memo" 0 $A link memo s.axial 7 "راهبردها پاسخ‌اند
<و> & «بیشتر»"
# a code linked too, and evidence, which REFI-QDA cannot carry
seed_link s.axial "سامانه‌های موازی در معاونت‌ها" "نبود سند معماری سازمانی" "$MINE" --undirected
id=$($A codings s.axial --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
check_rc "evidence on the first link" 0 $A link evidence s.axial 1 "$id"
check "fourteen links" 14 "$($A links s.axial | wc -l)"

# ---- export
check_rc "export qdpx" 0 $A export qdpx s.axial s.qdpx
check_match "evidence is said not to go" "^axial: s.qdpx: the evidence of 1 link \(the codings attached to it\) is not exported: REFI-QDA has no element for it$" "$ERR"
qde s.qdpx s.qde
check_rc "project.qde with links validates against the schema" 0 xmllint --noout --schema "$XSD_P" s.qde
check "one Link per link" 14 "$(grep -c '<Link ' s.qde)"
check_match "a built-in type by its English name, directed" "<Link guid=\"[0-9a-f-]{36}\" name=\"causes\" direction=\"OneWay\" originGUID=\"[0-9a-f-]{36}\" targetGUID=\"[0-9a-f-]{36}\">" "$(cat s.qde)"
check_match "the study's own type, undirected, in its colour" "<Link guid=\"[0-9a-f-]{36}\" name=\"$MINE\" direction=\"Associative\" color=\"#336699\"" "$(cat s.qde)"
check "the two memos referred to from their Links" 2 "$(python3 -c 'import sys
import xml.etree.ElementTree as ET
ns = "{urn:QDA-XML:project:1.0}"
r = ET.parse(sys.argv[1]).getroot()
notes = {n.get("guid"): n.find(ns + "PlainTextContent").text for n in r.iter(ns + "Note")}
print(sum(1 for l in r.iter(ns + "Link") for ref in l.findall(ns + "NoteRef") if ref.get("targetGUID") in notes))' s.qde)"

# ---- the round trip: every link, with its type, direction, memo, GUID
check_rc "a new project" 0 $A init rt.axial
check_rc "import the export" 0 $A import rt.axial s.qdpx
check_match "the summary counts the links" '^imported s\.qdpx: .*, 14 links$' "$OUT"
check "the round trip keeps every link" "$(links s.axial)" "$(links rt.axial)"
check "the study's type came back with its colour" "$($A link types s.axial | grep "$MINE" | cut -f2-)" \
	"$($A link types rt.axial | grep "$MINE" | cut -f2-)"
check_rc "import it again" 0 $A import rt.axial s.qdpx
check_match "again: nothing added" ', 0 links$' "$OUT"
check "still fourteen links" 14 "$($A links rt.axial | wc -l)"
# the second import changed nothing, so it left no action: one undo
# takes the first back, links and all
check_rc "the import is one action: undo" 0 $A undo rt.axial
check "undone: no link left" 0 "$($A links rt.axial | wc -l)"

# ---- links in the shape ATLAS.ti writes (PROVENANCE.md there)
check_rc "a new project" 0 $A init at.axial
check_rc "import the ATLAS.ti-shaped links" 0 $A import at.axial "$FX"
check "summary" "imported $FX: 1 documents, 4 codes, 1 categories, 2 codings, 1 memos, 2 coders, 5 links" "$OUT"
check_match "its relation names become types" "link type 'is cause of' added \\(a link's name in the file\\)" "$ERR"
check_match "another" "link type 'is associated with' added" "$ERR"
check_match "the quotation hyperlink is counted as left out" 'left out 1 links that join sources, segments or notes \(axial links codes and categories only\)' "$ERR"
check "the links, types matched or added, directions kept, the memo" "Barriers/no shared database	is cause of	fragmented services	→	0	Without one database every request goes round the units.
Barriers/paper forms	is cause of	fragmented services	→	0	
Barriers/no shared database	is part of	Barriers	→	0	
e-services portal	is associated with	fragmented services	—	0	
e-services portal	contradicts	Barriers/paper forms	—	0	" "$($A links at.axial | cut -f2-)"
check "built-in names matched: is part of, contradicts" "part-of contradicts" \
	"$($A links at.axial --json | python3 -c 'import json, sys; print(" ".join(l["type_key"] for l in json.load(sys.stdin) if l["type_key"]))')"

# ---- bad Links: each named and left out, the rest comes in
python3 - "$FX" bad.qdpx <<'EOF'
import sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
q = src.read("project.qde").decode("utf-8")
g = lambda s: q.split('name="%s"' % s)[0].rsplit('guid="', 1)[1].split('"')[0]
nodb, paper, frag = g("no shared database"), g("paper forms"), g("fragmented services")
bad = ('<Link guid="C0000000-0000-4000-8000-000000000001" name="is cause of" direction="OneWay" '
       'originGUID="%s" targetGUID="C0000000-0000-4000-8000-0000000000FF" />\r\n' % nodb +
       '<Link guid="C0000000-0000-4000-8000-000000000002" name="hides&#x85;here" direction="OneWay" '
       'originGUID="%s" targetGUID="%s" />\r\n' % (paper, nodb) +
       # the first Link again under another name: its GUID twice
       q.split("<Link ", 1)[1].split("</Link>", 1)[0].replace('name="is cause of"', 'name="duplicate"', 1)
       .join(("<Link ", "</Link>\r\n")) +
       '<Link guid="C0000000-0000-4000-8000-000000000003" name="is cause of" direction="OneWay" '
       'originGUID="%s" targetGUID="%s" />\r\n' % (paper, frag))
q = q.replace("</Links>", bad + "</Links>")
with zipfile.ZipFile(sys.argv[2], "w") as z:
    for n in src.namelist():
        z.writestr(n, q.encode("utf-8") if n == "project.qde" else src.read(n))
EOF
check_rc "a new project" 0 $A init bad.axial
check_rc "a file with bad Links still imports" 0 $A import bad.axial bad.qdpx
check_match "everything else came in" '^imported bad\.qdpx: 1 documents, 4 codes, 1 categories, 2 codings, 1 memos, 2 coders, 5 links$' "$OUT"
check_match "a Link to an unknown GUID, named" "^axial: bad.qdpx: link 'is cause of' from 'no shared database' to '\\?' \\(c0000000-0000-4000-8000-000000000001\\) left out: its targetGUID c0000000-0000-4000-8000-0000000000ff is nothing in the file$" "$ERR"
check_match "a type name with a control character, named" "^axial: bad.qdpx: link 'hides.here' from 'paper forms' to 'no shared database' \\(c0000000-0000-4000-8000-000000000002\\) left out: link type name: contains a control character \\(U\\+0085\\)" "$ERR"
check_match "a Link given twice, named" "^axial: bad.qdpx: link 'duplicate' from 'no shared database' to 'fragmented services' \\([0-9a-f-]{36}\\) left out: its GUID appears twice in the file; the first is kept$" "$ERR"
check_match "the same relation again, named" "^axial: bad.qdpx: link 'is cause of' from 'paper forms' to 'fragmented services' \\(c0000000-0000-4000-8000-000000000003\\) left out: the two are already linked so \\(link #2\\)$" "$ERR"
check "no stray type was added" "is associated with is cause of" \
	"$($A link types bad.axial | awk -F'	' '$2 == "-" {print $3}' | sort | tr '\n' ' ' | sed 's/ $//')"
check "the good links as from the clean file" "$($A links at.axial | cut -f2-)" "$($A links bad.axial | cut -f2-)"
