# links-figure.sh: the seeds' study (the Persian sample: six slots, about
# twenty sub-categories) given links through the command line, then drawn:
# `axial export dot` (labelled edges, no arrowhead undirected, the
# unexplained slot marked), `axial export svg` (well formed, every category
# and link label, one landscape A4/Letter page at the scale it declares),
# and the report's theory page (core category, storyline, each link with
# its memo, the evidence counted for the chosen source and quoted).
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
for need in xmllint dot python3; do
	command -v $need >/dev/null 2>&1 || notok "$need is installed (scripts/deps.sh)"
done
seeds_study s.axial || exit 0
CENTRAL=$SEED_CENTRAL CAUSAL=$SEED_CAUSAL
check "thirteen links" 13 "$($A links s.axial | wc -l)"

# ---- DOT: an edge per link between the lines' ports, labelled
check_rc "export dot" 0 $A export dot s.axial s.dot
check "the unexplained slot is named on stderr" \
	"axial: s.axial: Unexplained: Intervening conditions (no link to the central phenomenon)." "$ERR"
D=$(cat s.dot)
check_match "dot: causal main category causes the phenomenon" \
	'^	causal:l0 -> central:l0 \[label="causes", color="#444444", fontcolor="#444444", constraint=false\];$' "$D"
check_match "dot: a sub-category causes a sub-category" '^	causal:l1 -> central:l1 \[label="causes"' "$D"
check_match "dot: undirected, no arrowhead" \
	'^	consequences:l3 -> strategies:l4 \[label="contradicts", .*constraint=false, dir=none\];$' "$D"
check_match "dot: the study's own type in its colour" \
	"^	strategies:l5 -> strategies:l3 \\[label=\"$SEED_MINE\", color=\"#336699\", fontcolor=\"#336699\"" "$D"
check "dot: thirteen edges" 13 "$(grep -c -- '-> [a-z]*:l[0-9]* \[label=' s.dot)"
check_match "dot: intervening marked unexplained and dashed" \
	'^	intervening \[label=<.*<TR><TD><FONT COLOR="#b00000">⚠ unexplained</FONT></TD></TR>.*, style="rounded,dashed", color="#b00000"\];$' "$D"
check "dot: only intervening is marked" 1 "$(grep -c 'style="rounded,dashed"' s.dot)"
check_match "dot: the note under the title" 'POINT-SIZE="10">⚠ Unexplained: Intervening conditions \(no link to the central phenomenon\)\.</FONT>>\];' "$D"
check_rc "dot accepts it" 0 dot -Tsvg s.dot -o s-dot.svg

# ---- SVG: well formed, everything named, one page
check_rc "export svg" 0 $A export svg s.axial s.svg
check_rc "svg is well-formed XML" 0 xmllint --noout s.svg
$A codes s.axial --json >codes.json
$A links s.axial --json >links.json
check "svg: every category in its slot's box, every link labelled, one page" "ok" "$(python3 - s.svg codes.json links.json <<'EOF'
import json, re, sys
import xml.etree.ElementTree as ET
ns = {"s": "http://www.w3.org/2000/svg"}
root = ET.parse(sys.argv[1]).getroot()
codes = json.load(open(sys.argv[2], encoding="utf-8"))
links = json.load(open(sys.argv[3], encoding="utf-8"))
bad = []
# a name may wrap: the box's lines joined
box = {g.get("id"): " ".join(t.text or "" for t in g.iter("{%s}text" % ns["s"]))
       for g in root.findall("s:g", ns)}
top = {c["id"]: c for c in codes}
def slot(c):
    while c["parent"]:
        c = top[c["parent"]]
    return c["role"]
for c in codes:
    if c["kind"] == "category" and slot(c) != "none" and c["name"] not in box.get(slot(c), ""):
        bad.append("category " + c["name"])
labels = {t.text for t in root.iter("{%s}text" % ns["s"]) if t.get("class") == "l"}
for l in links:
    if l["type_name"] not in labels:
        bad.append("label " + l["type_name"])
if len(labels) != 8:
    bad.append("labels %r" % sorted(labels))
# the declared size: millimetres, within a landscape A4 and Letter page
# less 10 mm margins (259 x 190 mm), and the smallest text (10 px labels)
# at least 5 pt there, the body (12 px) at least 6 pt
w, h = (float(re.fullmatch(r"([0-9.]+)mm", root.get(k)).group(1)) for k in ("width", "height"))
vb = [float(x) for x in root.get("viewBox").split()]
scale = w / vb[2]
if w > 259 or h > 190:
    bad.append("page %g x %g mm" % (w, h))
if abs(h / vb[3] - scale) > 0.01 * scale:
    bad.append("aspect")
pt = lambda px: px * scale / 25.4 * 72
if pt(10) < 5 or pt(12) < 6:
    bad.append("text %.1f pt, labels %.1f pt" % (pt(12), pt(10)))
print("ok" if not bad else bad)
EOF
)"
S=$(cat s.svg)
check_match "svg: intervening's box dashed and marked" '<g id="intervening">
<rect class="unexplained"' "$S"
check "svg: only one box marked" 1 "$(grep -c 'class="unexplained"' s.svg)"
check_match "svg: the note at the foot" '>⚠ Unexplained: Intervening conditions \(no link to the central phenomenon\)\.</text>' "$S"
check "svg: twelve arrowheads, none on the undirected link" 12 "$(grep -c 'marker-end=' s.svg)"
check_match "svg: the undirected edge" "<title>پیامدهای ناخواسته — توانمندسازی و مدیریت تغییر: contradicts</title>" "$S"

# A link to the central phenomenon from a sub-category explains the slot.
seed_link s.axial "خلأهای قانونی و مقرراتی" "گسست فرایندی میان واحدها" causes
check_rc "export svg again" 0 $A export svg s.axial s2.svg
check "explained through a sub-category: nothing on stderr" "" "$ERR"
check "explained: no box marked" 0 "$(grep -c 'class="unexplained"' s2.svg)"
check_rc "undo that link" 0 $A undo s.axial

# In Persian the figure reads from the right, the marks in Persian.
check_rc "export svg in Persian" 0 env LANGUAGE=fa LC_ALL=C.UTF-8 $A export svg s.axial fa.svg
check_rc "Persian svg is well formed" 0 xmllint --noout fa.svg
check_match "Persian: the mark translated" '>⚠ تبیین‌نشده</text>' "$(cat fa.svg)"

# ---- the theory page
check_rc "mark the core category" 0 $A code core s.axial "$CENTRAL"
check_rc "its storyline" 0 $A memo add s.axial "داستان این مطالعه: ناهماهنگی از حکمرانی ضعیف می‌آید." --type storyline --on "code:$CENTRAL"
# evidence of the first link: two of coder-a's codings in the causal slot
# and one of coder-b's
$A codings s.axial --json >codings.json
python3 - codings.json "$CAUSAL" >ev.txt <<'EOF'
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
q = lambda x: " ".join(x["text"].split())[:40]
a = [x for x in c if x["coder"] == "coder-a" and x["code"].startswith(sys.argv[2] + "/")][:2]
# one coder-b quoted nothing like: the coders often tagged the same words
b = [x for x in c if x["coder"] == "coder-b" and x["code"].startswith(sys.argv[2] + "/")
     and all(q(x)[:20] not in q(y) and q(y)[:20] not in q(x) for y in a)][:1]
for x in a + b:
    print(x["id"], x["document"], q(x))
EOF
check "three codings to attach" 3 "$(wc -l <ev.txt)"
while read -r id doc text; do
	$A link evidence s.axial 1 "$id" >/dev/null || notok "link evidence 1 $id"
done <ev.txt
q1=$(sed -n 1p ev.txt | cut -d' ' -f3-)
d1=$(sed -n 1p ev.txt | cut -d' ' -f2)
q3=$(sed -n 3p ev.txt | cut -d' ' -f3-)
check_rc "report --only theory" 0 $A report s.axial --out r --only theory --source coder-a
check "it writes the page and the figure it shows" "index.md paradigm.svg theory.md" "$(ls r | tr '\n' ' ' | sed 's/ $//')"
TH=$(cat r/theory.md)
check_match "theory: the core category" "^Core category: $CENTRAL\\.\$" "$TH"
check_match "theory: the storyline" '^Storyline: داستان این مطالعه: ناهماهنگی از حکمرانی ضعیف می‌آید\.$' "$TH"
check_match "theory: the unexplained slot" '^Unexplained: Intervening conditions' "$TH"
check_match "theory: thirteen links, counted for coder-a" '^13 links\. Segments: the codings attached to a link as evidence, counted for coder-a' "$TH"
check_match "theory: the figure" '^!\[Theory: core category, storyline and links\]\(paradigm\.svg\)$' "$TH"
check_match "theory: the first link, its memo, coder-a's two segments" \
	"^\\| causes \\| $CAUSAL \\| $CENTRAL \\| directed \\| حکمرانی ضعیف ناهماهنگی می‌آورد \\| 2 \\| \"$q1.*\" \\($d1, paragraph [0-9]+\\)<br>\".*\\|\$" "$TH"
check "theory: coder-b's segment is not quoted for coder-a" "" "$(grep -F "$q3" r/theory.md)"
check_match "theory: an undirected link" "^\\| contradicts \\| پیامدهای ناخواسته \\| توانمندسازی و مدیریت تغییر \\| undirected \\|  \\| 0 \\|  \\|\$" "$TH"
check_rc "each coder side by side" 0 $A report s.axial --out re --only theory --source each
check_match "theory: a count per coder" "^\\| causes \\| $CAUSAL \\| $CENTRAL \\| directed \\| [^|]* \\| 2 \\| 1 \\|" "$(cat re/theory.md)"
check_rc "the page as HTML" 0 $A report s.axial --out rh --only theory --source coder-a --format html
check "html: parses cleanly" "" "$(xmllint --html --noout rh/theory.html 2>&1 | head -3)"
check_match "html: the figure inside the page" '<img alt="Theory: core category, storyline and links" src="data:image/svg\+xml;base64,' "$(cat rh/theory.html)"
check_rc "the page as CSV" 0 $A report s.axial --out rc --only theory --source coder-a --format csv
check_match "csv: one row per link" '^Source,Type,From,To,Direction,Memo,Segments,Quotes' "$(head -1 rc/theory.csv | tr -d '\r')"
check "csv: thirteen rows" 14 "$(python3 -c 'import csv, sys; print(len(list(csv.reader(open(sys.argv[1], encoding="utf-8")))))' rc/theory.csv)"
check_rc "in Persian" 0 $A report s.axial --out rf --only theory --source coder-a --lang fa
check_match "Persian: the count in Persian digits" "^\\| [^|]* \\| $CAUSAL \\| $CENTRAL \\| [^|]* \\| [^|]* \\| ۲ \\|" "$(cat rf/theory.md)"

# Nothing yet: the page says so plainly.
check_rc "an empty project" 0 $A init e.axial
check_rc "its theory page" 0 $A report e.axial --out er --only theory
check_match "nothing to show, said plainly" '^No core category is marked and no links between codes or categories are recorded yet: there is no theory to show\.' "$(cat er/theory.md)"
check_rc "a core category alone" 0 sh -c "$A code add e.axial Core --category >/dev/null && $A code core e.axial Core"
check_rc "its theory page" 0 $A report e.axial --out er2 --only theory
check_match "the core, and no storyline yet" '^Core category: Core\.

No storyline yet \(a memo of type storyline on the core category\)\.' "$(cat er2/theory.md)"

# ---- the shared small model (tests/fixtures/paradigm-model.sh): figures
# and quotes known to the letter
need_fixture "$SRC/tests/fixtures/paradigm-model.sh" || exit 0
. "$SRC/tests/fixtures/paradigm-model.sh"
mkdir pm && cd pm || exit 1
check_rc "the small model" 0 paradigm_model pm.axial
check_rc "its DOT" 0 $A export dot pm.axial pm.dot
check "three slots reach the phenomenon only through the strategies: unexplained" \
	"axial: pm.axial: Unexplained: Contextual conditions, Intervening conditions, Consequences (no link to the central phenomenon)." "$ERR"
check "the dashed boxes" "contextual intervening consequences" \
	"$(grep 'style="rounded,dashed"' pm.dot | cut -f2 | cut -d' ' -f1 | tr '\n' ' ' | sed 's/ $//')"
check "its edges, codes hidden" "causal:l0 -> central:l0 causes
contextual:l0 -> strategies:l0 is the context of
intervening:l0 -> strategies:l0 intervenes in
strategies:l0 -> central:l0 is a strategy for
strategies:l0 -> consequences:l0 leads to" \
	"$(sed -n 's/^	\([a-z]*:l[0-9]* -> [a-z]*:l[0-9]*\) \[label="\([^"]*\)".*/\1 \2/p' pm.dot)"
check_rc "with its codes" 0 $A export dot pm.axial pm-codes.dot --codes
check "the part-of and the undirected link between codes" "strategies:l1 -> strategies:l0 is part of
strategies:l2 -> strategies:l1 contradicts dir=none" \
	"$(sed -n 's/^	\(strategies:l[12] -> strategies:l[0-9]*\) \[label="\([^"]*\)".*constraint=false\(, dir=none\)\{0,1\}\];$/\1 \2\3/p' pm-codes.dot | sed 's/, / /')"
check_rc "its theory page" 0 $A report pm.axial --out r --only theory
check "the page, to the letter" "# Theory: core category, storyline and links

Source: $(id -un) (the codings of this coder only).

Core category: Working from home.

Storyline: An order sent people home; routines made it work, at the cost of the boundary between work and home.

Unexplained: Contextual conditions, Intervening conditions, Consequences (no link to the central phenomenon).

7 links. Segments: the codings attached to a link as evidence, counted for $(id -un); the quotes are from those codings.

![Theory: core category, storyline and links](paradigm.svg)

| Type | From | To | Direction | Memo | Segments | Quotes |
| --- | --- | --- | --- | --- | ---: | --- |
| causes | Office closure | Working from home | directed | The order, not a choice, started it. | 2 | \"The closure order came on a Friday\" (pm-a, paragraph 2)<br>\"The closure order settled it\" (pm-b, paragraph 2) |
| is the context of | Household situation | Home routines | directed |  | 0 |  |
| intervenes in | Broadband quality | Home routines | directed |  | 0 |  |
| is a strategy for | Home routines | Working from home | directed |  | 1 | \"I kept fixed hours\" (pm-a, paragraph 5) |
| leads to | Home routines | Work-life boundary | directed |  | 1 | \"Work and home blurred into one\" (pm-a, paragraph 7) |
| is part of | Fixed hours | Home routines | directed |  | 0 |  |
| contradicts | Evening e-mails | Fixed hours | undirected |  | 1 | \"evening e-mails kept coming\" (pm-a, paragraph 6) |" "$(cat r/theory.md)"
cd .. || exit 1
