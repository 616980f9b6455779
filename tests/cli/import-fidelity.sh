# import-fidelity.sh: what a transcript looks like in its word processor is
# what import stores (issue 21). Page and column breaks keep words apart;
# tracked changes are taken as accepted (a moved paragraph once); text
# boxes are kept as lines, once, and what is dropped is named for what it
# is; list numbers and bullets are written as Word and LibreOffice show
# them; a pretty-printed .odt gains no spaces; UTF-16 text is read with the
# right notices; a REFI-QDA notice names the tool the file names and counts
# only descriptions with text. Broken numbering, deep nesting and bad
# UTF-16 give a clear message, never a crash. The inputs come from
# tests/fixtures/mkfidelity.py (its header says what each reproduces).
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL

python3 "$AXIAL_SRC/tests/fixtures/mkfidelity.py" fx
check "fixtures generated" 0 "$?"
$A init p.axial >/dev/null
text() { $A doc text p.axial "$1"; }
info() { $A info p.axial --json; }

# ---- .docx: breaks and tracked changes
check_rc "breaks.docx imports" 0 $A import p.axial fx/breaks.docx
check "  ... no notice" "" "$ERR"
check "  ... breaks separate, tracked changes accepted, moved paragraph once" \
	"$(printf '%s\n' 'end of page one' 'top of page two' 'left column' 'right column' \
	'reflowed' 'a break at the end' 'a break at the start' 'We always met.' \
	'Second answer.' 'Moved answer.' 'Kept.' 'row one' 'row three' 'The end.')" "$(text breaks)"
check "  ... deleted text nowhere" "" "$(text breaks | grep -E 'never|Struck|row two')"

# ---- .docx: text boxes, pictures, shapes, charts
check_rc "boxes.docx imports" 0 $A import p.axial fx/boxes.docx
check "  ... boxes as lines after their paragraph, each once" \
	"$(printf '%s\n' 'Before the box, after the box.' 'Box line one' 'Box line two' \
	'A picture:  an arrow:  a chart: ' 'Old Word:' 'Legacy box' 'Last.')" "$(text boxes)"
check "  ... what was dropped, named" \
	"axial: fx/boxes.docx: left out 1 image, 1 drawn shape and 1 chart" "$ERR"

# ---- .docx: list numbers and bullets
TAB=$(printf '\t')
check_rc "lists.docx imports" 0 $A import p.axial fx/lists.docx
check "  ... no notice" "" "$ERR"
check "  ... numbers and bullets as Word shows them" "$(cat <<EOF
1.${TAB}How did it start?
a)${TAB}Who decided?
b)${TAB}When?
i.${TAB}Why then?
2.${TAB}What changed?
a)${TAB}For whom?
An answer between the questions.
3.${TAB}Still counting?
•${TAB}A bullet
o${TAB}A sub-bullet
▪${TAB}A third level
•${TAB}Back to the top
Part I Scope
I.5.${TAB}First rule
I.6.${TAB}Second rule
Part II Method
II.5.${TAB}Its rule
1.${TAB}Another list of the same kind
10.${TAB}Restarted at ten
11.${TAB}Eleven
A.${TAB}Through the list style
B.${TAB}Again
Part III From the paragraph style
III.5.${TAB}Its second level
Numbering removed
١-${TAB}چه چیزی مانع شد؟
٢-${TAB}چه کسی تصمیم گرفت؟
EOF
)" "$(text lists)"

# ---- .docx: broken numbering: the text, no label, a notice
check_rc "badlists.docx imports" 0 $A import p.axial fx/badlists.docx
check "  ... every paragraph's text, labels only where the numbering holds" \
	"$(printf '%s\n' 'numId nowhere' 'level 999999' 'a numStyleLink cycle' \
	'a lvlText too long' 'an abstractNum nowhere' "(999999999)${TAB}start at the largest" \
	"1.${TAB}huge start" 'a style based on itself')" "$(text badlists)"
check "  ... the notice counts them" \
	"axial: fx/badlists.docx: left out 5 list numbers whose numbering definitions are missing or broken" "$ERR"

# ---- .docx nested past the parser's limit: refused, nothing added
before=$(info)
check_rc "deep.docx refused" 1 $A import p.axial fx/deep.docx
check "  ... saying why" \
	"axial: fx/deep.docx: word/document.xml nests elements too deeply (line 2; refused)" "$ERR"
check "  ... nothing added" "$before" "$(info)"

# ---- .odt: ODF white space and lists
check_rc "pretty.odt imports" 0 $A import p.axial fx/pretty.odt
check "  ... one notice, for the list style that is not there" \
	"axial: fx/pretty.odt: left out 1 list number whose numbering definition is missing or broken" "$ERR"
check "  ... white space as ODF says, lists numbered" "$(cat <<EOF
Interview 3
Interviewer:${TAB}How long have you worked here?
Respondent:   about ten years.
Maybe more.
1.${TAB}What held it back?
(a) Money
(b) Time
1.b.1.${TAB}Deep
2.${TAB}What helped?
A second paragraph of the same item.
A header, not numbered
7.${TAB}Seven
Between lists.
1.${TAB}A new list starts at one
8.${TAB}This one goes on
•${TAB}Bullet
◦Sub-bullet
۳- پرسش سوم
۴- پرسش چهارم
A list style that is not there
EOF
)" "$(text pretty)"
check "  ... no line ends in white space" "" "$(text pretty | grep -n '[[:space:]]$')"

# ---- UTF-16 text with a BOM, both byte orders
check_rc "UTF-16 LE and BE import" 0 $A import p.axial fx/utf16le.txt fx/utf16be.txt
check "  ... no control-character notice (CR LF is a line end)" "" "$ERR"
want=$(printf '%s\n' 'Interviewer: How long?' 'پاسخ: ده سال 😀')
check "  ... LE decoded, CRLF as LF" "$want" "$(text utf16le)"
check "  ... BE decoded the same" "$want" "$(text utf16be)"
check "  ... both counted in characters" "38 38" \
	"$($A docs p.axial --json | python3 -c 'import json, sys
print(*[d["characters"] for d in json.load(sys.stdin) if d["name"].startswith("utf16")])')"
printf '\377\376a\000\000\334b\000' >lone.txt
before=$(info)
check_rc "an unpaired surrogate refused" 1 $A import p.axial lone.txt
check "  ... saying where" "axial: lone.txt: invalid UTF-16 (an unpaired surrogate) at byte offset 4" "$ERR"
printf '\376\377\000a\000' >odd.txt
check_rc "an odd number of bytes refused" 1 $A import p.axial odd.txt
check "  ... saying so" "axial: odd.txt: UTF-16 text with an odd number of bytes (truncated?)" "$ERR"
check "  ... nothing added" "$before" "$(info)"
printf '\377\376a\000\033\000' >esc.txt
check_rc "UTF-16 with an ESC imports" 0 $A import p.axial esc.txt
check "  ... one control character, counted on the text" \
	"axial: esc.txt: 1 control character (the first on line 1): kept as they are, shown as placeholders, never sent to a terminal" "$ERR"

# ---- REFI-QDA: the tool the file names; descriptions with text
$A init m.axial >/dev/null
check_rc "NVivo for Mac project with UTF-16 positions" 0 $A import m.axial fx/nvivo-mac-utf16.qdpx
check "  ... the notice names NVivo for Mac" \
	"axial: fx/nvivo-mac-utf16.qdpx: source 'interview': positions read as UTF-16 code units, as the file's writer (NVivo for Mac 15.0.0) counts them" "$ERR"
check "  ... the coded words" "no shared|system" \
	"$($A codings m.axial --json | python3 -c 'import json, sys; print("|".join(c["text"] for c in json.load(sys.stdin)))')"
$A init d.axial >/dev/null
check_rc "descriptions.qdpx imports" 0 $A import d.axial fx/descriptions.qdpx
check "  ... only the two descriptions with text counted" \
	"axial: fx/descriptions.qdpx: left out 2 descriptions of sources or coded selections" "$ERR"
check_match "  ... all five codings in" ': 1 documents, 1 codes, 0 categories, 5 codings' "$OUT"
