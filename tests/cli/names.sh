# names.sh: every name and one-line label typed at the door (project title,
# document, code, category, coder login, display name and account,
# attribute key and value, memo title, coder colour) refuses control
# characters, bidi controls, tabs, invalid UTF-8, empty names and names
# over the limit, with a message naming the field, exit 1 and nothing
# changed; a name exactly at the limit and Persian with ZWNJ are accepted.
# Names that come from files (file names, REFI-QDA) are cleaned and cut
# with a notice instead; a project holding such names still opens.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL

# rep S N: S repeated N times
rep() { awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }
ESC=$(printf 'a\033]0;PWN\007b')
RLO=$(printf 'a\342\200\256b')
TAB=$(printf 'a\tb')
BAD=$(printf 'a\377b')
LF=$(printf 'a\nb')
RLM=$(printf 'a\342\200\217b')
ZWSP=$(printf 'a\342\200\213b')
HUGE=$(rep x 102400)
FA='می‌خواهم'	# with ZWNJ (U+200C)

$A init p.axial >/dev/null
printf 'Interviewer: hello.\nP1: world.\n' >doc.txt
$A import p.axial doc.txt >/dev/null
$A code add p.axial Cat --category >/dev/null
$A code add p.axial Kode --in Cat >/dev/null
$A memo add p.axial "first memo" --title "m" >/dev/null
snap() {
	for c in info docs codes coders "memo list"; do $A $c p.axial --json; done
	$A attr p.axial doc --json
}

# field_* VALUE: set the field to VALUE through the command line
field_document_import() { $A import p.axial doc.txt --name "$1"; }
field_document_rename() { $A doc rename p.axial doc "$1"; }
field_code_add() { $A code add p.axial "$1"; }
field_code_rename() { $A code rename p.axial Cat/Kode "$1"; }
field_category_add() { $A code add p.axial "$1" --category; }
field_coder_login() { $A coder add p.axial "$1"; }
field_coder_name() { $A coder add p.axial "$(id -un)" --name "$1"; }
field_coder_account() { $A coder add p.axial helper --account "$1"; }
field_attr_key() { $A attr p.axial doc "$1" v; }
field_attr_value() { $A attr p.axial doc k "$1"; }
field_memo_add() { $A memo add p.axial body --title "$1"; }
field_memo_edit() { $A memo edit p.axial 1 "first memo" --title "$1"; }

# refused FIELD WHAT LIMIT: every bad value is refused and changes nothing
refused() {
	f=$1 what=$2 limit=$3
	before=$(snap)
	check_rc "$f: an escape sequence" 1 field_$f "$ESC"
	check "$f: its message" "axial: $what: contains a control character (U+001B) at position 2; names and titles may not contain control characters, tabs or line breaks" "$ERR"
	check_rc "$f: a bidi override" 1 field_$f "$RLO"
	check "$f: its message" "axial: $what: contains a bidi control (U+202E) at position 2; names and titles may not contain bidi embeddings, overrides or isolates" "$ERR"
	check_rc "$f: a tab" 1 field_$f "$TAB"
	check_match "$f: its message" "^axial: $what: contains a control character \(U\+0009\) at position 2;" "$ERR"
	check_rc "$f: a line break" 1 field_$f "$LF"
	check_match "$f: its message" "^axial: $what: contains a control character \(U\+000A\) at position 2;" "$ERR"
	check_rc "$f: invalid UTF-8" 1 field_$f "$BAD"
	check "$f: its message" "axial: $what: is not valid UTF-8 at position 2; names and titles must be UTF-8 text" "$ERR"
	check_rc "$f: only spaces" 1 field_$f "   "
	check "$f: its message" "axial: $what: is empty or only spaces" "$ERR"
	check_rc "$f: 100 KB" 1 field_$f "$HUGE"
	check "$f: its message" "axial: $what: is 102400 characters long; the limit is $limit" "$ERR"
	check_rc "$f: one character over the limit" 1 field_$f "$(rep ب $((limit + 1)))"
	check "$f: its message" "axial: $what: is $((limit + 1)) characters long; the limit is $limit" "$ERR"
	check "$f: nothing changed" "$before" "$(snap)"
}

refused document_import "document name" 200
refused document_rename "document name" 200
refused code_add "code name" 200
refused code_rename "code name" 200
refused category_add "category name" 200
refused coder_login "coder login" 200
refused coder_name "coder display name" 200
refused coder_account "coder account" 200
refused attr_key "attribute name" 200
refused attr_value "attribute value" 1000
refused memo_add "memo title" 1000
refused memo_edit "memo title" 1000

# names (not labels) also refuse invisible characters that make two names
# look alike; labels keep direction marks, which Persian titles need
for f in document_rename code_add coder_login attr_key; do
	case $f in document*) w="document name" ;; coder*) w="coder login" ;;
	code*) w="code name" ;; *) w="attribute name" ;; esac
	check_rc "$f: a zero-width space" 1 field_$f "$ZWSP"
	check "$f: its message" "axial: $w: contains an invisible character (U+200B) at position 2; names may not contain invisible formatting characters (ZWNJ and ZWJ aside)" "$ERR"
	check_rc "$f: a right-to-left mark" 1 field_$f "$RLM"
	check_match "$f: its message" "invisible character \(U\+200F\) at position 2" "$ERR"
	check_rc "$f: an empty name" 1 field_$f ""
	check "$f: its message" "axial: $w: is empty or only spaces" "$ERR"
done
check_rc "a memo title may hold a right-to-left mark" 0 field_memo_add "$RLM"
check_rc "a memo title may be empty" 0 field_memo_add ""

# accepted: exactly at the limit (counted in characters, not bytes), and
# Persian with ZWNJ
at=$(rep ب 199)
check_rc "document name at the limit" 0 field_document_import "${at}1"
check_rc "document renamed at the limit" 0 field_document_rename "${at}2"
$A doc rename p.axial "${at}2" doc >/dev/null
check_rc "code name at the limit" 0 field_code_add "${at}3"
check_rc "code renamed at the limit" 0 field_code_rename "${at}4"
check_rc "category name at the limit" 0 field_category_add "${at}5"
check_rc "coder login at the limit" 0 field_coder_login "${at}6"
check_rc "display name at the limit" 0 field_coder_name "${at}7"
check_rc "coder account at the limit" 0 field_coder_account "${at}8"
check_rc "attribute name at the limit" 0 field_attr_key "${at}9"
check_rc "attribute value at the limit" 0 field_attr_value "$(rep ب 1000)"
check_rc "memo title at the limit" 0 field_memo_add "$(rep ب 1000)"
check_rc "memo title edited at the limit" 0 field_memo_edit "$(rep پ 1000)"
check_match "the long code is listed" "${at}4" "$($A codes p.axial)"
check_rc "Persian document name with ZWNJ" 0 field_document_import "$FA"
check_rc "Persian code name with ZWNJ" 0 field_code_add "$FA"
check_rc "Persian category with ZWNJ" 0 field_category_add "دسته‌بندی"
check_rc "Persian coder login with ZWNJ" 0 field_coder_login "$FA"
check_rc "Persian display name with ZWNJ" 0 field_coder_name "پژوهشگر دوم‌"
check_rc "Persian attribute with ZWNJ" 0 $A attr p.axial doc "تحصیلات" "کارشناسی‌ارشد"
check_rc "Persian memo title with ZWNJ" 0 field_memo_add "$FA"
check "the ZWNJ is kept" "$FA" "$($A docs p.axial --json | python3 -c 'import json,sys; print([d["name"] for d in json.load(sys.stdin)][-1])')"

# ---- the project title: nothing created when refused
for v in "$ESC" "$RLO" "$TAB" "$BAD" "$HUGE" "$(rep ب 1001)"; do
	check_rc "a bad title" 1 $A init t.axial --title "$v"
	check_match "its message names the field" '^axial: project title: ' "$ERR"
	check_rc "no project was created" 1 test -e t.axial
done
check "an over-long title's message" "axial: project title: is 1001 characters long; the limit is 1000" "$($A init t.axial --title "$(rep ب 1001)" 2>&1)"
check_rc "a title at the limit" 0 $A init t.axial --title "$(rep ب 1000)"
check_rc "a Persian title with ZWNJ and a direction mark" 0 $A init t2.axial --title "$(printf 'پژوهش‌های \342\200\217API\342\200\217')"

# ---- the coder colour: what a theme accepts, or nothing
field_coder_color() { $A coder add p.axial "$(id -un)" --color "$1"; }
before=$(snap)
check_rc "a colour with an OSC title change" 1 field_coder_color "$(printf 'x"\033]0;PWN\007')"
check "its message" "axial: coder colour: is not a colour; give #rrggbb, a name such as red or bright-blue, or a number 0-255" "$ERR"
check_rc "a colour that is a word" 1 field_coder_color "purple"
check "nothing changed" "$before" "$(snap)"
for c in "#aa00FF" red bright-blue 214 default ""; do
	check_rc "colour '$c' accepted" 0 field_coder_color "$c"
done
field_coder_color "#aa00ff" >/dev/null
check_rc "coders --json is valid JSON" 0 sh -c "$A coders p.axial --json | python3 -c 'import json,sys; json.load(sys.stdin)'"

# ---- names from files: cleaned and cut, with a notice
cp doc.txt "$(printf 'evil\033]0;PWN\007.txt')"
check_rc "a file name with an escape imports" 0 $A import p.axial "$(printf 'evil\033]0;PWN\007.txt')"
check_match "a notice says so" 'the document name had control or invisible characters; they were replaced' "$ERR"
check "the name is clean" "evil ]0;PWN" "$($A docs p.axial --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[-1]["name"])')"
long="$(rep x 199)$(printf '\330\250\331\216')"	# 199 x, then beh + fatha: one grapheme
cp doc.txt "$long.txt"
check_rc "a 201-character file name imports" 0 $A import p.axial "$long.txt"
check_match "a notice says it was cut" 'the document name was cut to 200 characters' "$ERR"
check "cut at a grapheme boundary" "$(rep x 199)" "$($A docs p.axial --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[-1]["name"])')"

python3 - "$T" <<'EOF'
import sys
U, C, S, N = ("11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222",
              "33333333-3333-4333-8333-333333333333", "44444444-4444-4444-8444-444444444444")
long = "y" * 300
bad = "X&#x9B;2J&#x202E;e&#x200B;nd"
qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="T{bad}{'t' * 1200}" origin="test">
<Users><User guid="{U}" name="Reza{bad}{long}"/></Users>
<CodeBook><Codes><Code guid="{C}" name="{long}" isCodable="true"/></Codes></CodeBook>
<Variables><Variable guid="{N}" name="age{bad}" typeOfVariable="Text"/></Variables>
<Sources><TextSource guid="{S}" name="doc{bad}" plainTextPath="internal://{S}.txt"></TextSource></Sources>
<Cases><Case guid="55555555-5555-4555-8555-555555555555"><VariableValue><VariableRef targetGUID="{N}"/><TextValue>v{bad}{'v' * 1200}</TextValue></VariableValue><SourceRef targetGUID="{S}"/></Case></Cases>
<Notes><Note guid="66666666-6666-4666-8666-666666666666" name="note{bad}{'n' * 1200}"><PlainTextContent>body</PlainTextContent></Note></Notes>
</Project>"""
import zipfile
with zipfile.ZipFile(sys.argv[1] + "/long.qdpx", "w") as z:
    z.writestr("project.qde", qde)
    z.writestr(f"sources/{S}.txt", "hello world\n")
EOF
$A init r.axial >/dev/null
check_rc "a .qdpx with long and dirty names imports" 0 $A import r.axial long.qdpx
check_match "the dirty names are reported" 'names had control characters, bidi controls or invisible characters' "$ERR"
check_match "the long ones too" 'names longer than the limit were cut' "$ERR"
check "the code name is cut to 200" 200 "$($A codes r.axial --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)[0]["name"]))')"
# head JSON-FIELD N: length and first N characters of each listed value
head() { python3 -c 'import json,sys; v=eval(sys.argv[1], {"j": json.load(sys.stdin)}); print(len(v), v[:int(sys.argv[2])])' "$1" "$2"; }
# labels keep the zero-width space (only names refuse invisible characters)
Z=$(printf 'e\342\200\213nd')
check "the display name is clean and cut" "200 RezaX 2J $Z" "$($A coders r.axial --json | head '[c["name"] for c in j if c["name"].startswith("Reza")][0]' 13)"
check "the title is clean and cut" "1000 TX 2J $Z" "$($A info r.axial --json | head 'j["title"]' 10)"
check "the document name is clean" "11 docX 2J end" "$($A docs r.axial --json | head 'j[0]["name"]' 11)"
check "the attribute name is clean, its value cut" "1000 ageX 2J end=vX 2J $Z" "$($A attr r.axial @1 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); k=list(d)[0]; print(len(d[k]), k + "=" + d[k][:10])')"
check "the memo title is clean and cut" "1000 noteX 2J $Z" "$($A memo list r.axial --json | head 'j[0]["title"]' 13)"

# ---- a project whose names another program wrote: it opens, lists them
# escaped, and finds them by name
sqlite3 p.axial "UPDATE nodes SET name = '$(rep z 5000)' WHERE name = 'Cat';
UPDATE documents SET name = CAST(x'61091b5b324a62' AS TEXT) WHERE name = 'doc'"
check_rc "it opens" 0 $A info p.axial
check_rc "codes lists the long name" 0 $A codes p.axial
check_match "in full" "$(rep z 5000)" "$OUT"
check_rc "the long category is found by its name" 0 $A code add p.axial newcode --in "$(rep z 5000)"
check_rc "the document is found by its name" 0 $A attr p.axial "$(printf 'a\t\033[2Jb')"
sqlite3 p.axial "INSERT INTO attributes(doc_id, key, value) VALUES (1, CAST(x'6b1b5b324a' AS TEXT), 'v')"
check_rc "a key it wrote can be removed by its name" 0 $A attr p.axial '#1' "$(printf 'k\033[2J')" --rm
check "gone" "" "$(sqlite3 p.axial "SELECT count(*) FROM attributes WHERE key LIKE 'k_[2J'" | grep -v '^0$')"
