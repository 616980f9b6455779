# exchange.sh: import from word processors and REFI-QDA, export to REFI-QDA
# (schema-valid), the round trip, merging, the per-unit CSV, and hostile
# archives refused with the project untouched. Generated fixtures come from
# tests/fixtures/mkexchange.py; the REFI-QDA 1.5 schemas and the files other
# tools wrote are in tests/fixtures/refi-qda (PROVENANCE.md there).
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
REFI=$AXIAL_SRC/tests/fixtures/refi-qda
XSD_P=$REFI/Project-mrt2019.xsd
XSD_C=$REFI/Codebook-mrt2019.xsd
SAMPLES=$REFI/samples
BUILD=${BUILD:-$AXIAL_SRC/build}

# The fixtures are part of the repository: a missing one fails, naming it.
for f in "$XSD_P" "$XSD_C" "$SAMPLES/qc-cproctor_demo.qdpx" "$SAMPLES/nvivo-mac15_nvivo_project.qdpx" \
	"$SAMPLES/atlasti-win23-shape.qdpx" "$SAMPLES/taguette-tests-reconstructed.qdc"; do
	need_fixture "$f"
done
command -v xmllint >/dev/null && ok "have xmllint" || notok "have xmllint" "install libxml2-utils"
command -v python3 >/dev/null && ok "have python3" || notok "have python3" "install python3"

python3 "$AXIAL_SRC/tests/fixtures/mkexchange.py" fx
check "fixtures generated" 0 "$?"

# qde FILE.qdpx OUT: the .qde inside an archive
qde() { python3 -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
n = [i for i in z.namelist() if i.endswith(".qde")][0]
open(sys.argv[2], "wb").write(z.read(n))' "$1" "$2"; }
# norm CMD...: JSON output without row ids and import-specific fields, sorted keys
norm() { "$@" | python3 -c 'import json, sys
v = json.load(sys.stdin)
def strip(o):
    if isinstance(o, dict):
        return {k: strip(x) for k, x in o.items() if k not in ("id", "source", "target", "account", "path")}
    if isinstance(o, list):
        return [strip(x) for x in o]
    return o
print(json.dumps(strip(v), sort_keys=True, ensure_ascii=False))'; }
info() { $A info "$1" --json; }
# memo_targets PROJECT: each memo's title and what it is on, by name, not id
memo_targets() { python3 - "$A" "$1" <<'PY'
import json, subprocess, sys
a, p = sys.argv[1], sys.argv[2]
j = lambda *c: json.loads(subprocess.run([a, *c, p, "--json"], capture_output=True, text=True).stdout)
docs = {d["id"]: d["name"] for d in j("docs")}
codes = {c["id"]: c["path"] for c in j("codes")}
codings = {c["id"]: "%s|%s|%d-%d|%s" % (c["document"], c["code"], c["start"], c["end"], c["coder"]) for c in j("codings")}
names = {"document": docs, "node": codes, "coding": codings}
print(sorted((m["on"], names.get(m["on"], {}).get(m["target"], ""), m["title"], m["type"]) for m in j("memo", "list")))
PY
}

# ---- .docx and .odt transcripts
$A init w.axial >/dev/null
printf 'document,key,value\ninterview,gender,female\nnotes,education,MA\n' >attrs.csv
check_rc "import docx and odt" 0 $A import w.axial fx/interview.docx fx/notes.odt --attrs attrs.csv
check_match "docx notice" '^axial: fx/interview.docx: left out 2 images, the header and the footer$' "$ERR"
check_match "odt notice" '^axial: fx/notes.odt: left out 1 image, the header and 1 footnote$' "$ERR"
check_match "docx named after the file" 'imported interview \(#1, 133 characters\)' "$OUT"
$A doc text w.axial interview >docx.txt
check "docx paragraphs, tab, line break" "$(printf 'Interviewer:\tWhat held it back?\nP1: no shared\nsystem\n')" "$(head -4 docx.txt)"
check_match "docx Persian paragraph kept (ZWNJ, emoji)" 'مصاحبه‌شونده: سامانه‌ها یکپارچه نیستند 😀 و API' "$(cat docx.txt)"
check "docx deleted text left out" "" "$(grep deleted docx.txt)"
check "odt text:s, tab, line-break, note left out" "$(printf 'Interview 2\nA   B\tC\nD')" "$($A doc text w.axial notes | head -3)"
check "attributes from CSV" '{"gender":"female"}' "$($A attr w.axial interview --json)"
check_rc "broken docx refused" 1 $A import w.axial fx/bad.docx
check_match "broken docx message" '^axial: fx/bad.docx: word/document.xml is not well-formed XML' "$ERR"

# ---- one importer table: any case of a known extension is cut from the
# name, and the bytes, not the name, choose the reader
$A init n.axial >/dev/null
printf 'First line.\n' >One.TXT
check_rc "One.TXT imports" 0 $A import n.axial One.TXT
check "  ... as document One" "imported One (#1, 12 characters)" "$OUT"
cp fx/interview.docx ONE.DOCX
check_rc "ONE.DOCX imports" 0 $A import n.axial ONE.DOCX
check "  ... as document ONE" "imported ONE (#2, 133 characters)" "$OUT"
check "  ... with the docx text" "$(cat docx.txt)" "$($A doc text n.axial ONE)"
cp fx/interview.docx x.txt
check_rc "a docx named x.txt imports" 0 $A import n.axial x.txt
check "  ... as document x, read as a docx" "$(cat docx.txt)" "$($A doc text n.axial x)"
check_match "  ... with the docx notice" '^axial: x.txt: left out 2 images, the header and the footer$' "$ERR"
cp fx/notes.odt notes2
check_rc "an odt without an extension imports" 0 $A import n.axial notes2
check "  ... read as an odt" "$($A doc text w.axial notes)" "$($A doc text n.axial notes2)"
printf 'PK is where it starts.\n' >plain
check_rc "text without an extension, starting PK, imports" 0 $A import n.axial plain
check "  ... as it is" "PK is where it starts." "$($A doc text n.axial plain)"
before=$(info n.axial)
printf 'not a document\n' >y.docx
check_rc "a text file named y.docx refused" 1 $A import n.axial y.docx
check "  ... saying why, naming the file" \
	"axial: y.docx: not a Word document (.docx): it is not a ZIP archive; plain text imports under a name ending in .txt" "$ERR"
check "  ... nothing added" "$before" "$(info n.axial)"
printf 'not a document\n' >Y.ODT
check_rc "a text file named Y.ODT refused" 1 $A import n.axial Y.ODT
check_match "  ... saying why" '^axial: Y.ODT: not an OpenDocument text \(.ODT\): it is not a ZIP archive' "$ERR"
python3 -c 'import zipfile; zipfile.ZipFile("z.txt", "w").writestr("a.txt", "hi")'
check_rc "a ZIP archive that is no transcript refused" 1 $A import n.axial z.txt One.TXT
check_match "  ... saying why" '^axial: z.txt: a ZIP archive, but not a transcript axial reads \(.docx, .odt\)$' "$ERR"
check "  ... nothing added" "$before" "$(info n.axial)"
check "documents named after their files" "One ONE x notes2 plain" \
	"$($A docs n.axial --json | python3 -c 'import json, sys; print(" ".join(d["name"] for d in json.load(sys.stdin)))')"

# ---- samples from other tools: expected counts
# counts FILE: documents codes categories codings
counts() { rm -f s.axial; $A init s.axial >/dev/null; $A import s.axial "$1" >/dev/null 2>s.err
	info s.axial | python3 -c 'import json, sys; i = json.load(sys.stdin)
print(i["documents"], i["codes"], i["categories"], i["codings"])'; }
# ATLAS.ti's shape: codes only, one parent with two children, upper-case
# GUIDs, CRLF, 2 users (the second the tool itself)
check "ATLAS.ti sample: 0 docs, 2 codes, 1 category, 0 codings" "0 2 1 0" "$(counts "$SAMPLES/atlasti-win23-shape.qdpx")"
check "ATLAS.ti sample: both users" 3 "$($A coders s.axial | wc -l)"
# NVivo for Mac: 262 codes (58 with children become categories), two
# sources whose .txt is one LF and whose .docx is empty, junk sources/.root
check "NVivo Mac sample: 2 docs, 204 codes, 58 categories, 0 codings" "2 204 58 0" "$(counts "$SAMPLES/nvivo-mac15_nvivo_project.qdpx")"
# qc: the same tree, 158 selections with 205 codings; 19 coded parents
# each add a code of their own name inside their category (262 + 19 =
# 223 + 58); the one whose child already has that name gets " (2)"
check "qc sample: 2 docs, 223 codes, 58 categories, 205 codings" "2 223 58 205" "$(counts "$SAMPLES/qc-cproctor_demo.qdpx")"
check_match "qc: name clash reported" "code 'graduation_requirement' imported as 'graduation_requirement \(2\)'" "$(cat s.err)"
check_rc "qc: importing it again" 0 $A import s.axial "$SAMPLES/qc-cproctor_demo.qdpx"
check_match "qc: second import adds nothing" 'imported .*: 0 documents, 0 codes, 0 categories, 0 codings' "$OUT"
check_match "qc: coded parent reported" "code 'equity' has sub-codes and is applied to text" "$(cat s.err)"
check "qc: line-granular selection text" "This district goal is engage every student in joyful, purposeful learning that " \
	"$($A codings s.axial --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["text"].rstrip("\n"))')"
# Taguette: flat codes, invalid empty <Sets/> accepted
check "Taguette codebook: 3 codes" "0 3 0 0" "$(counts "$SAMPLES/taguette-tests-reconstructed.qdc")"
check_rc "Taguette codebook again adds nothing" 0 $A import s.axial "$SAMPLES/taguette-tests-reconstructed.qdc"
check "still 3 codes" "0 3 0 0" "$(info s.axial | python3 -c 'import json, sys; i = json.load(sys.stdin)
print(i["documents"], i["codes"], i["categories"], i["codings"])')"

# A large codebook (its speed is in make bench): 100 categories of 148
# codes, 5,000 codes at the top, 200 codes of one name in one category;
# descriptions and colours on some. 20,000 codes, 100 categories.
python3 - big.qdc <<'PY'
import sys, uuid
g = lambda i: "{%s}" % str(uuid.UUID(int=i + 1)).upper()
out, n = [], 0
def code(name, extra="", body=""):
    global n
    n += 1
    out.append('<Code guid="%s" name="%s" isCodable="true"%s>%s</Code>' % (g(n), name, extra, body))
out.append('<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>')
for c in range(100):
    out.append('<Code guid="%s" name="category %d" isCodable="false">' % (g(10**6 + c), c))
    for k in range(148):
        code("code %d.%d" % (c, k), ' color="#A0B0C0"' if k == 0 else "",
             "<Description>what %d.%d means</Description>" % (c, k) if k % 2 else "")
    if c == 7:
        for k in range(200):
            code("same")
    out.append("</Code>")
for k in range(5000):
    code("top %d" % k)
out.append("</Codes></CodeBook>")
open(sys.argv[1], "w").write("".join(out))
PY
check "20,000-code codebook: 20,000 codes, 100 categories" "0 20000 100 0" "$(counts big.qdc)"
$A codes s.axial --json >big.json
check "  ... descriptions, colours and names kept" "code 3.1|what 3.1 means| code 3.0|#a0b0c0| same (200)" \
	"$(python3 -c 'import json; c = {n["path"]: n for n in json.load(open("big.json"))}
a, b, d = c["category 3/code 3.1"], c["category 3/code 3.0"], c["category 7/same (200)"]
print("%s|%s| %s|%s| %s" % (a["name"], a["definition"], b["name"], b["color"], d["name"]))')"
check "  ... its name clashes reported" 199 "$(grep -c "code 'same' imported as 'same ([0-9]*)'" s.err)"
check_rc "  ... imported again" 0 $A import s.axial big.qdc
check_match "  ... adds nothing" 'big.qdc: 0 documents, 0 codes, 0 categories' "$OUT"

# ---- other tools' position units
$A init nv.axial >/dev/null
check_rc "NVivo for Windows positions" 0 $A import nv.axial fx/nvivo-win.qdpx
check_match "reading reported" 'positions read as UTF-16 code units' "$ERR"
check "UTF-16 units converted to code points" "دنیا|اینجا|line" "$($A codings nv.axial --json | python3 -c 'import json, sys; print("|".join(c["text"] for c in json.load(sys.stdin)))')"
$A init at.axial >/dev/null
check_rc "ATLAS.ti CRLF-as-one positions, <name>.qde" 0 $A import at.axial fx/atlas.qdpx
check "CRLF = 1 converted" "second|third" "$($A codings at.axial --json | python3 -c 'import json, sys; print("|".join(c["text"] for c in json.load(sys.stdin)))')"

# ---- an import is one undoable action
check_rc "undo the .qdpx import" 0 $A undo at.axial
check "undo removed its codings" 0 "$($A codings at.axial | wc -l)"

# ---- export: schema-valid, then the round trip
for s in egov-fa remote-work-en; do
	P=$BUILD/$s.axial
	if [ ! -f "$P" ]; then notok "sample project $s" "missing $P (make samples)"; continue; fi
	cp "$P" $s.axial
	# a memo on a coding and one of every type, so the round trip sees them
	$A memo add $s.axial "why this span" --on coding:1 --type operational --title "on #1" >/dev/null
	$A doc move $s.axial @1 2 >/dev/null	# interview order is kept too
	check_rc "$s: export qdpx" 0 $A export qdpx $s.axial $s.qdpx
	check_match "$s: data loss reported" "^axial: $s.qdpx: coder colours and accounts are not exported" "$ERR"
	qde $s.qdpx $s.qde
	check_rc "$s: project.qde validates" 0 xmllint --noout --schema "$XSD_P" $s.qde
	check_rc "$s: export qdc" 0 $A export qdc $s.axial $s.qdc
	check_rc "$s: codebook validates" 0 xmllint --noout --schema "$XSD_C" $s.qdc
	check "$s: no empty containers" "" "$(grep -E '<(Users|Codes|Variables|Cases|Sources|Notes|Sets)/>' $s.qde $s.qdc)"
	check "$s: sources are UTF-8 .txt named by GUID" "$($A docs $s.axial | wc -l)" \
		"$(python3 -c 'import sys, zipfile, re; print(sum(1 for n in zipfile.ZipFile(sys.argv[1]).namelist() if re.fullmatch(r"sources/[0-9a-f-]{36}\.txt", n)))' $s.qdpx)"
	$A init $s-rt.axial >/dev/null
	check_rc "$s: import the export" 0 $A import $s-rt.axial $s.qdpx
	for c in docs codes codings "memo list" coders; do
		# shellcheck disable=SC2086
		check "$s: round trip keeps $c" "$(norm $A $c $s.axial --json)" "$(norm $A $c $s-rt.axial --json)"
	done
	check "$s: round trip keeps what each memo is on" "$(memo_targets $s.axial)" "$(memo_targets $s-rt.axial)"
	a1=$($A docs $s.axial --json | python3 -c 'import json, sys; print("\n".join(d["name"] for d in json.load(sys.stdin)))' |
		while read -r d; do $A attr $s.axial "$d" --json; done)
	a2=$($A docs $s-rt.axial --json | python3 -c 'import json, sys; print("\n".join(d["name"] for d in json.load(sys.stdin)))' |
		while read -r d; do $A attr $s-rt.axial "$d" --json; done)
	check "$s: round trip keeps attributes" "$a1" "$a2"
	check "$s: round trip keeps the counts" "$(info $s.axial | sed 's/"path":"[^"]*",//')" "$(info $s-rt.axial | sed 's/"path":"[^"]*",//')"
	$A export qdpx $s-rt.axial $s-2.qdpx >/dev/null 2>&1
	$A export qdpx $s-rt.axial $s-3.qdpx >/dev/null 2>&1
	qde $s-2.qdpx $s-2.qde
	qde $s-3.qdpx $s-3.qde
	check_rc "$s: exporting twice gives the same project.qde" 0 cmp -s $s-2.qde $s-3.qde
	# The importing account's own coder row predates the import, so its
	# GUID is the only thing allowed to differ after a round trip.
	check_rc "$s: re-export equals the export but for your coder GUID" 0 \
		sh -c "diff \"\$(printf '%s' '$s.qde')\" '$s-2.qde' | grep '^[<>]' | grep -v 'creatingUser=\\|<User ' | grep -q . && exit 1 || exit 0"
done
$A init empty.axial >/dev/null
check_rc "empty project exports" 0 $A export qdpx empty.axial empty.qdpx
qde empty.qdpx empty.qde
check_rc "empty project.qde validates" 0 xmllint --noout --schema "$XSD_P" empty.qde
check_rc "empty codebook refused" 1 $A export qdc empty.axial empty.qdc
check_match "empty codebook message" 'empty.axial: the project has no codes' "$ERR"

# a memo with a control character XML cannot hold: replaced, reported, valid
$A init ctl.axial >/dev/null
$A memo add ctl.axial "$(printf 'bell\007here')" >/dev/null
check_rc "control character in a memo" 0 $A export qdpx ctl.axial ctl.qdpx
check_match "control character reported" '1 control characters .* became U\+FFFD' "$ERR"
qde ctl.qdpx ctl.qde
check_rc "still valid" 0 xmllint --noout --schema "$XSD_P" ctl.qde
check "sources: UTF-8 without BOM or CR" "ok" "$(python3 -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = [n for n in z.namelist() if n.startswith("sources/") and (z.read(n).startswith(b"\xef\xbb\xbf") or b"\r" in z.read(n))]
print("ok" if not bad else bad)' egov-fa.qdpx)"

# ---- hostile and broken archives: refused, one line, project untouched
cp remote-work-en.axial h.axial 2>/dev/null || $A init h.axial >/dev/null
before=$(info h.axial)
for case in "traversal:entry 'sources/../../evil.txt' leaves the archive" \
	"absolute:entry '/tmp/evil.txt' leaves the archive" \
	"oversized:is too large \(over 256 MiB uncompressed\)" \
	"many:more than 10000 entries" \
	"xxe:project.qde declares XML entities in a DOCTYPE" \
	"lol:project.qde declares XML entities in a DOCTYPE" \
	"truncated:not a valid ZIP archive \(truncated or damaged" \
	"zip64:ZIP64 archives are not accepted" \
	"badutf8:source 'fa': invalid UTF-8 at line 2, byte offset 14" \
	"garbage:not a ZIP archive" \
	"noqde:has no project.qde" \
	"notrefi:root element is <Other>" \
	"latebreak:project.qde is not well-formed XML \(line 6" \
	"crc-source:source 'fa': entry 'sources/.*\.txt' is damaged \(CRC error\)" \
	"crc-qde:entry 'project.qde' is damaged \(CRC error\)" \
	"missing-source:is not in the archive"; do
	hc=${case%%:*} msg=${case#*:}	# not $name: check_rc sets that
	check_rc "$hc refused" 1 $A import h.axial fx/$hc.qdpx
	check_match "$hc message" "^axial: fx/$hc.qdpx: .*$msg" "$ERR"
	check "$hc: one line" 1 "$(printf '%s\n' "$ERR" | wc -l)"
	check "$hc: project untouched" "$before" "$(info h.axial)"
done
check_rc "billion laughs codebook refused" 1 $A import h.axial fx/lol.qdc
check "codebook: project untouched" "$before" "$(info h.axial)"
check_rc "bad archive in a batch: nothing imported" 1 $A import h.axial fx/interview.docx fx/xxe.qdpx
check "batch: project untouched" "$before" "$(info h.axial)"
check_rc "hostile merge refused" 1 $A merge h.axial fx/traversal.qdpx
check "merge: project untouched" "$before" "$(info h.axial)"

# ---- merging a coder's copy
if [ -f remote-work-en.axial ]; then
	cp remote-work-en.axial lead.axial
	cp lead.axial copy.axial
	$A coder add copy.axial coder-c --name "Coder C" --account "$(id -un)" >/dev/null
	d1=$($A docs copy.axial --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["name"])')
	k1=$($A codes copy.axial --json | python3 -c 'import json, sys; print([n["path"] for n in json.load(sys.stdin) if n["kind"] == "code"][0])')
	$A tag copy.axial "$d1" "$k1" 0 10 --as coder-c >/dev/null
	$A tag copy.axial "$d1" "$k1" 5 20 --as coder-c >/dev/null
	$A doc rename copy.axial "$d1" "renamed in the copy"
	$A code add copy.axial "a code only in the copy" >/dev/null
	$A tag copy.axial "renamed in the copy" "a code only in the copy" 0 4 --as coder-c >/dev/null
	n0=$($A codings lead.axial | wc -l)
	check_rc "merge a copy" 0 $A merge lead.axial copy.axial
	check_match "merge summary" '^merged copy.axial: 2 codings added' "$OUT"
	check_match "unmatched code reported" "code 'a code only in the copy' matches no code" "$ERR"
	check "coder-c's codings, under coder-c" 2 "$($A codings lead.axial --coder coder-c | wc -l)"
	check "total codings" $((n0 + 2)) "$($A codings lead.axial | wc -l)"
	check_rc "merge again" 0 $A merge lead.axial copy.axial
	check_match "second merge adds nothing" 'merged copy.axial: 0 codings added' "$OUT"
	check "still the same codings" $((n0 + 2)) "$($A codings lead.axial | wc -l)"
	$A export qdpx copy.axial copy.qdpx >/dev/null 2>&1
	check_rc "merge the .qdpx too: nothing new" 0 $A merge lead.axial copy.qdpx
	check_match ".qdpx merge adds nothing" '0 codings added' "$OUT"
	cp remote-work-en.axial lead2.axial
	check_rc "merge a .qdpx into a fresh lead" 0 $A merge lead2.axial copy.qdpx
	check_match ".qdpx merge adds coder-c's" '2 codings added' "$OUT"
	printf 'changed text\n' >changed.txt
	cp lead.axial lead3.axial
	$A init other.axial >/dev/null
	$A import other.axial changed.txt >/dev/null
	$A code add other.axial x >/dev/null
	$A tag other.axial changed x 0 7 >/dev/null
	check_rc "merge with unmatched document" 0 $A merge lead3.axial other.axial
	check_match "unmatched document reported" "document 'changed' is not in the project" "$ERR"
	cp copy.axial blindcopy.axial
	$A blind blindcopy.axial start coder-c,coder-a >/dev/null
	before=$(info lead3.axial)
	check_rc "merge from a hidden blind session refused" 1 $A merge lead3.axial blindcopy.axial
	check_match "blind message" '^axial: blindcopy.axial: a blind session is still open there' "$ERR"
	check "blind: lead untouched" "$before" "$(info lead3.axial)"
	check_rc "export during a blind session" 0 $A export qdpx blindcopy.axial blind.qdpx
	check_match "blind export says so" 'only your own codings are exported' "$ERR"
	check_rc "merge of a missing file" 1 $A merge lead3.axial nothere.axial
	check_match "missing file message" '^axial: nothere.axial: ' "$ERR"
fi

# ---- CSV: per coding (unchanged) and per unit, code and coder
printf 'one line\n\nthird line\n' >u.txt
$A init u.axial >/dev/null
$A import u.axial u.txt >/dev/null
$A code add u.axial alpha >/dev/null
$A code add u.axial beta >/dev/null
$A tag u.axial u alpha 0 3 >/dev/null
$A tag u.axial u beta 10 15 >/dev/null
check_rc "units csv" 0 $A export csv u.axial --units
me=$(id -un)
check "units csv rows" "$(printf 'document,position,unit,start,end,code,coder,applied\r\nu,1,1,0,8,alpha,%s,1\r\nu,1,1,0,8,beta,%s,0\r\nu,1,3,10,20,alpha,%s,0\r\nu,1,3,10,20,beta,%s,1\r' "$me" "$me" "$me" "$me")" "$OUT"
check_rc "document units" 0 $A export csv u.axial --unit document units.csv
check "document units: one row per code" 3 "$(wc -l <units.csv)"
check_rc "bad unit" 2 $A export csv u.axial --unit sentence
check_match "per-coding export unchanged" '^coding,document,position,code,coder,start,end,text' "$($A export csv u.axial)"

# The per-unit CSV recomputes axial's own paragraph agreement: for every
# code, kappa from `agree --data` on its rows equals `agree PROJECT`.
if [ -f remote-work-en.axial ]; then
	cp remote-work-en.axial ag.axial
	$A export csv ag.axial --units units-ag.csv
	$A agree ag.axial --coders coder-a,coder-b --unit paragraph --format csv >agree-project.csv
	bad=$(python3 - "$A" <<'PY'
import csv, subprocess, sys
a = sys.argv[1]
rows = list(csv.DictReader(open("units-ag.csv", newline="")))
proj = {r["name"]: r["kappa"] for r in csv.DictReader(open("agree-project.csv", newline=""))
        if r["row"] == "code"}
bad = []
for code, want in proj.items():
    with open("one.csv", "w") as f:
        f.write("unit,coder,value\n")
        for r in rows:
            if r["code"] == code and r["coder"] in ("coder-a", "coder-b"):
                f.write("%s:%s,%s,%s\n" % (r["document"], r["unit"], r["coder"], r["applied"]))
    out = subprocess.run([a, "agree", "--data", "one.csv", "--format", "csv"],
                         capture_output=True, text=True).stdout
    got = dict(l.split(",")[:2] for l in out.splitlines() if "," in l).get("kappa", "")
    try:
        same = abs(float(got) - float(want)) < 1e-6
    except ValueError:
        same = got.strip() == want.strip() or not want.strip()
    if not same:
        bad.append("%s: project %s, csv %s" % (code, want, got))
print("%d codes compared%s" % (len(proj), "".join("; " + b for b in bad)))
PY
)
	check "units CSV gives the project's kappa for every code" "25 codes compared" "$bad"
fi
