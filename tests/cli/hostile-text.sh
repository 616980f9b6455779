# hostile-text.sh: terminal escapes (OSC 52 clipboard writes, OSC 0/2 title
# changes, CSI, C1 controls, DCS), bidi overrides and isolates and invalid
# UTF-8 in names, memos, definitions, attributes and transcripts. Names
# typed refuse them with a clear message and change nothing (every field:
# names.sh); names from files (a file name, a REFI-QDA import) are
# sanitised and say so; text that keeps them (transcripts, memos) is flagged
# on import; and no command prints one raw to a terminal,
# even from a project whose names were written into the file by hand.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
# hostile TAG: every kind of attack, marked with TAG
hostile() {
	printf '%s\033]0;PWN-T0-%s\007 \033]2;PWN-T2-%s\033\\ \033]52;c;cHduZWQ=\007 \033[2J\033[5;5H\033[31mred \302\2332J \302\2350;PWN-C1-%s\302\234 \033Ptmux;\033\033]0;PWN-DCS-%s\007\033\\ \342\200\256evil-%s\342\200\254 \342\201\246iso\342\201\251 end-%s' \
	    "$1" "$1" "$1" "$1" "$1" "$1" "$1"
}
# the same as hex, with invalid UTF-8 after it, for writing into the file
hexbad() { hostile "$1" | od -An -v -tx1 | tr -d ' \n'; printf 'ffc0af'; }
# raw NAME FILE: no byte of a terminal escape, C1 control or bidi format
# character in FILE (what a terminal would have obeyed)
raw() {
	if LC_ALL=C grep -q "$(printf '\033\\|\302[\200-\237]\\|\342\200[\252-\256]\\|\342\201[\246-\251]')" "$2"; then
		notok "$1" "$(cat -v "$2" | head -c 600)"
	else
		ok "$1"
	fi
}
tty() { script -qec "$*" /dev/null >"$T/tty.out" 2>&1; }

$A init p.axial >/dev/null
{ echo "Interviewer: plain first line."; hostile Q; echo; echo "Second paragraph is calm."; } >doc.txt
snap() { $A info p.axial --json; $A codes p.axial --json; $A docs p.axial --json; }

# ---- names refuse them, with a clear message, and nothing changes
$A import p.axial doc.txt >/dev/null 2>&1
$A code add p.axial Cat --category >/dev/null
$A code add p.axial Kode --in Cat >/dev/null
before=$(snap)
check_rc "a code name with an OSC title change" 1 $A code add p.axial "$(hostile N)"
check "its message" "axial: code name: contains a control character (U+001B) at position 2; names and titles may not contain control characters, tabs or line breaks" "$ERR"
check_rc "a category name with a C1 CSI" 1 $A code add p.axial "$(printf 'a\302\2332J')" --category
check_match "its message" 'category name: contains a control character \(U\+009B\) at position 2' "$ERR"
check_rc "a code renamed to a bidi override" 1 $A code rename p.axial Cat/Kode "$(printf 'a\342\200\256b')"
check_match "its message" 'code name: contains a bidi control \(U\+202E\) at position 2' "$ERR"
check_rc "a code name with an isolate" 1 $A code add p.axial "$(printf 'a\342\201\246b\342\201\251')"
check_match "its message" 'bidi control \(U\+2066\) at position 2' "$ERR"
check_rc "a code name with invalid UTF-8" 1 $A code add p.axial "$(printf 'a\377b')"
check_match "its message" 'code name: is not valid UTF-8 at position 2' "$ERR"
check_rc "a document renamed with an OSC 52 clipboard write" 1 $A doc rename p.axial doc "$(printf 'x\033]52;c;cHduZWQ=\007')"
check_match "its message" 'document name: contains a control character' "$ERR"
check_rc "a coder login with an escape" 1 $A coder add p.axial "$(printf 'c\033[2J')"
check_match "its message" 'coder login: contains a control character' "$ERR"
check_rc "an attribute key with an escape" 1 $A attr p.axial doc "$(printf 'k\033[2J')" v
check_match "its message" 'attribute name: contains a control character' "$ERR"
check_rc "an attribute value with an escape" 1 $A attr p.axial doc k "$(hostile V)"
check_match "its message" 'attribute value: contains a control character' "$ERR"
check "nothing changed" "$before" "$(snap)"
# a file name nobody typed: cleaned, with a notice that prints no escape
cp doc.txt "$(printf 'evil\033]0;PWN\007.txt')"
$A init f.axial >/dev/null
tty "$A import f.axial '$(printf 'evil\033]0;PWN\007.txt')'"
raw "a file name with an escape: the notices print nothing raw" "$T/tty.out"
check_match "the name was cleaned, and it says so" 'evil\^\[\]0;PWN\^G.txt: the document name had control or invisible characters' "$(cat "$T/tty.out")"
check "the document's name" "evil ]0;PWN" "$($A docs f.axial --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["name"])')"

# ---- invalid UTF-8 in a transcript: refused, line and byte given
printf 'fine\nbad \377\300\257 bytes\n' >bad.txt
check_rc "a transcript with invalid UTF-8" 1 $A import p.axial bad.txt
check "its message" "axial: bad.txt: invalid UTF-8 at line 2, byte offset 9" "$ERR"
check "nothing imported" "$before" "$(snap)"

# ---- transcripts and memos keep them, and import says so
check_rc "a transcript with escapes imports" 0 $A import p.axial doc.txt --name d2
check "import flags them" "axial: doc.txt: 17 control characters (the first on line 2) and 4 bidi overrides or isolates (the first on line 2): kept as they are, shown as placeholders, never sent to a terminal" "$ERR"
printf 'a\342\200\217b\n' >rlm.txt
check_rc "a right-to-left mark alone is ordinary Persian text" 0 $A import p.axial rlm.txt
check "and not flagged" "" "$ERR"
check_rc "a memo with escapes" 0 $A memo add p.axial "$(hostile M)" --on document:doc
check_rc "a definition with escapes" 0 $A code define p.axial Cat/Kode "$(hostile F)"
# attribute values refuse them (names.sh); one written into the file by hand
sqlite3 p.axial "INSERT INTO attributes(doc_id, key, value) VALUES (1, 'gender', CAST(x'$(hostile V | od -An -v -tx1 | tr -d ' \n')' AS TEXT))"
check_rc "a coding of the hostile line" 0 $A tag p.axial doc Cat/Kode 31 80
check_rc "another coder's coding" 0 $A coder add p.axial other --account nobody
tty "$A attr p.axial doc"
raw "axial attr on a terminal: nothing raw" "$T/tty.out"
check_match "the value's placeholders shown" 'gender=V\^\[\]0;PWN-T0-V' "$(cat "$T/tty.out")"
check_rc "the project's integrity" 0 sqlite3 p.axial 'PRAGMA integrity_check'
check "integrity ok" ok "$OUT"

# ---- a REFI-QDA project carrying them: names sanitised, and reported
python3 - "$T" <<'EOF'
import sys, zipfile
U, C, S = ("11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222",
           "33333333-3333-4333-8333-333333333333")
def qdpx(path, ver, bad):
    qde = f"""<?xml version="{ver}" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="test">
<Users><User guid="{U}" name="Reza{bad}"/></Users>
<CodeBook><Codes><Code guid="{C}" name="code{bad}" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="{S}" name="doc{bad}" plainTextPath="internal://{S}.txt"></TextSource></Sources>
</Project>"""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", qde)
        z.writestr(f"sources/{S}.txt", "hello \x1b]0;PWN-SRC\x07 world\n")
qdpx(sys.argv[1] + "/c1.qdpx", "1.0", "X&#x9B;2J&#x9D;0;PWN&#x202E;evil&#x2066;i&#x2069;end")
qdpx(sys.argv[1] + "/c0.qdpx", "1.1", "X&#x1B;]0;PWN&#x7;end")
EOF
$A init r.axial >/dev/null
check_rc "a .qdpx with C1 controls and bidi overrides in names imports" 0 $A import r.axial c1.qdpx
check_match "the names are reported" '4 names had control characters, bidi controls or invisible characters: the controls became spaces' "$ERR"
check_match "the source's escapes too" 'source docX 2J 0;PWN evil i end: 2 control characters' "$ERR"
check "the code name is clean" "codeX 2J 0;PWN evil i end" "$($A codes r.axial --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["name"])')"
before=$($A info r.axial --json)
check_rc "a .qdpx (XML 1.1) with C0 escapes in names" 1 $A import r.axial c0.qdpx
check_match "refused as not well-formed" 'c0.qdpx: project.qde is not well-formed XML' "$ERR"
check "nothing imported" "$before" "$($A info r.axial --json)"

# ---- a project whose names were written into the file by hand
sqlite3 p.axial "UPDATE documents SET name = CAST(x'$(hexbad D)' AS TEXT) WHERE name = 'doc';
UPDATE nodes SET name = CAST(x'$(hexbad C)' AS TEXT) WHERE name = 'Cat';
UPDATE nodes SET name = CAST(x'$(hexbad K)' AS TEXT) WHERE name = 'Kode';
UPDATE coders SET login = CAST(x'$(hexbad L)' AS TEXT) WHERE login = 'other';
INSERT INTO actions(coder_id, time, label) VALUES (1, 0, CAST(x'$(hexbad A)' AS TEXT));"
for c in "docs" "codes" "codings" "memo list" "log" "info" "coders" \
    "agree --coders root,root" "compare --coders root,root" "export csv" "export dot" "export svg"; do
	case $c in
	export*) tty "$A $c p.axial -" ;;
	*" --"*) tty "$A ${c%% --*} p.axial --${c#* --}" ;;
	*) tty "$A $c p.axial" ;;
	esac
	raw "axial $c on a terminal: nothing raw" "$T/tty.out"
done
tty "$A codes p.axial"
check_match "placeholders shown instead" 'C\^\[\]0;PWN-T0-C\^G .*<U\+009B>2J .*<U\+202E>evil-C<U\+202C>' "$(cat "$T/tty.out")"
tty "$A codings p.axial"
check_match "quotes too" 'Q\^\[\]0;PWN-T0-Q\^G' "$(cat "$T/tty.out")"
tty "$A memo list p.axial"
check_match "memos too" 'M\^\[\]0;PWN-T0-M\^G' "$(cat "$T/tty.out")"
for c in docs codes codings "memo list" log coders; do
	tty "$A $c p.axial --json"
	raw "axial $c --json on a terminal: nothing raw" "$T/tty.out"
	check_rc "axial $c --json is valid JSON (and UTF-8)" 0 sh -c "$A $c p.axial --json | python3 -c 'import json,sys; json.loads(sys.stdin.buffer.read().decode())'"
done
check "invalid UTF-8 comes out as U+FFFD in JSON" 'end-C\ufffd\ufffd\ufffd' "$($A codes p.axial --json | grep -o 'end-C[^"]*' | head -1)"
tty "$A undo p.axial"
raw "undo names the action on a terminal: nothing raw" "$T/tty.out"
check_match "undo names it" 'undid A\^\[\]0;PWN-T0-A' "$(cat "$T/tty.out")"
tty "$A merge r.axial p.axial"
raw "messages on stderr quoting the project: nothing raw" "$T/tty.out"
check_match "and they say what happened" "document 'D\\^\\[\\]0;PWN-T0-D.* is not in the project" "$(cat "$T/tty.out")"
# in a pipe the text passes as it is stored
check "a pipe gets the stored bytes" 1 "$($A codes p.axial | grep -c "$(printf 'C\033]0;PWN-T0-C\007')")"
