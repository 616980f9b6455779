# search.sh: axial search and axial autocode (docs/search.md). Hit counts
# are checked against a count made here in python from `axial doc text`,
# with a folding of its own; the Persian spellings meet as docs/bidi.md
# §7.3 says; bad queries exit 1 and change nothing; the index follows
# import, removal and undo, and a damaged or missing one gives the same
# hits (read from the text) while `axial check` reports and rebuilds it.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL

$A init p.axial >/dev/null
printf '%s\n' \
	'پرسشگر: شفافیت در سامانه‌ها چگونه است؟' \
	'مصاحبه‌شونده: این کار می‌شود. میشود گفت که شفـافیت می شود، و شَفافیت مهم است.' \
	'پرسشگر: در سال ۱۴۰۲ چه شد؟' \
	'مصاحبه‌شونده: در ١٤٠٢ و 1402 سامانه يكپارچه شد و شفافيت بیشتر شد.' >a.txt
printf '%s\n' \
	'Interviewer: Is trust important? Trust-building takes time.' \
	'P1: Trust, trusted, distrust. We trust the system.' \
	'and the turn goes on: trust again.' >b.txt
$A import p.axial a.txt b.txt >/dev/null
$A memo add p.axial 'شفافیت در یادداشت، و trust' --title 'یادداشت' >/dev/null
$A code add p.axial 'شفافیت' >/dev/null

# count QUERY [word]: hits in every document by a folding written here
count() {
	for d in a b; do $A doc text p.axial $d; done | python3 -c '
import re, sys, unicodedata
q, word = sys.argv[1], sys.argv[2] == "word"
def fold(s):
	s = s.lower()
	out = []
	for c in s:
		o = ord(c)
		if c in "\u200c\u200d\u0640" or 0x064b <= o <= 0x0652: continue
		if c == "\u064a": c = "\u06cc"
		if c == "\u0643": c = "\u06a9"
		if 0x06f0 <= o <= 0x06f9: c = chr(48 + o - 0x06f0)
		if 0x0660 <= o <= 0x0669: c = chr(48 + o - 0x0660)
		out.append(c)
	return "".join(out)
pat = " ?".join(re.escape(w) for w in fold(q).split())
pat = r"(?<!\w)" + pat + (r"(?!\w)" if word else "")
print(sum(len(re.findall(pat, fold(l))) for l in sys.stdin))' "$1" "${2:-}"
}
hits() { $A search p.axial "$@" 2>/dev/null | wc -l | tr -d ' '; }

for q in 'شفافیت' 'شفاف' 'سامانه' 'trust' 'می شود' 'میشود' '1402' 'در'; do
	check "search «$q»: the count made here" "$(count "$q")" "$(hits "$q")"
	check "search --word «$q»: the count made here" "$(count "$q" word)" \
	    "$(hits "$q" --word)"
done

# Persian folding: Arabic ي and ك, kashida, diacritics, three digit sets
check "search: شفافيت (Arabic yeh) as شفافیت" "$(hits 'شفافیت')" "$(hits 'شفافيت')"
check "search: شفافیت finds the kashida and fatha spellings" 4 "$(hits 'شفافیت')"
check "search: يكپارچه (Arabic yeh, kaf) finds یکپارچه" 1 "$(hits 'یکپارچه')"
check "search: ۱۴۰۲ finds Persian, Arabic-Indic and ASCII digits" 3 "$(hits '۱۴۰۲')"
# می شود (a space) finds all three spellings; میشود and می‌شود the two
# written as one word, and the same two
check "search: «می شود» finds می‌شود, میشود and می شود" 3 "$(hits 'می شود')"
check "search: «میشود» finds می‌شود and میشود" 2 "$(hits 'میشود')"
check "search: «می‌شود» (ZWNJ) as «میشود»" \
	"$($A search p.axial 'میشود' 2>&1)" "$($A search p.axial 'می‌شود' 2>&1)"
check "search: a word's start only: «شود» is not inside می‌شود" \
	"$(count 'شود')" "$(hits 'شود')"

# the line: document, paragraph, left, hit, right
check "search: the keyword-in-context line" \
	"$(printf 'b\t2\tP1: Trust, trusted, \tdistrust\t. We trust the system.')" \
	"$($A search p.axial distrust 2>/dev/null)"
check "search: the count on standard error" "axial: 3 hits in 1 text" \
	"$($A search p.axial 'می شود' 2>&1 >/dev/null)"
check "search --json: fields" \
	'{"document":"b","paragraph":2,"start":80,"end":88,"speaker":"P1","left":"P1: Trust, trusted, ","hit":"distrust","right":". We trust the system."}' \
	"$($A search p.axial distrust --json | sed -n 2p)"
check "search --json: no hit is []" "[]" "$($A search p.axial nowhere --json)"

# --doc, --speaker (a turn runs on over paragraphs without a label),
# --memos, --limit
check "search --doc b" "$(count trust)" "$(($(hits trust --doc b) + 0))"
check "search --speaker P1: the turn's two paragraphs" 4 "$(hits trust --speaker P1)"
check "search --speaker Interviewer (case folded)" 2 "$(hits trust --speaker interviewer)"
check "search --speaker «مصاحبه شونده» (a space for the ZWNJ)" 3 \
	"$(hits 'شفافیت' --speaker 'مصاحبه شونده')"
check "search --memos: the memo's hit after the documents" \
	"$(printf 'memo #1\t1\t\tشفافیت\t در یادداشت، و trust')" \
	"$($A search p.axial 'شفافیت' --memos 2>/dev/null | tail -n 1)"
check "search --limit 2" 2 "$(hits trust --limit 2)"

# bad queries: a clear message, exit 1, nothing changed
before=$($A log p.axial; sha256sum <p.axial)
check_rc "search: an empty query" 1 $A search p.axial ''
check "search: an empty query says so" "axial: the query is empty" "$ERR"
check_rc "search: only a ZWNJ" 1 $A search p.axial '‌'
check "search: only a ZWNJ says so" \
	"axial: the query has no letter or digit to search for" "$ERR"
check_rc "search: only punctuation" 1 $A search p.axial '؟!...،'
check "search: only punctuation says so" \
	"axial: the query has no letter or digit to search for" "$ERR"
check_rc "search: --limit 0" 2 $A search p.axial trust --limit 0
# no regular expressions: what would be one is text, matched literally, so
# no pattern can run away ((a+)+$ is the classic catastrophic backtracker)
check "search: a regular expression is text: tru.t finds nothing" 0 "$(hits 'tru.t')"
check "search: a regular expression is text: (trust+)+\$ finds nothing" 0 "$(hits '(trust+)+$')"
check_rc "search: .* alone has nothing to search for" 1 $A search p.axial '.*'
check_rc "autocode: an unknown scope" 2 $A autocode p.axial trust 'شفافیت' --scope word
check_rc "autocode: an empty query" 1 $A autocode p.axial '' 'شفافیت' --yes
check_rc "autocode: an unknown code" 1 $A autocode p.axial trust nocode --yes
check "bad queries changed nothing" "$before" "$($A log p.axial; sha256sum <p.axial)"

# autocode: a preview by default, then one action undo takes back
check "autocode: the preview" \
	"$(printf '4 hits: 3 segments in 1 document\nnothing coded: --yes applies the code')" \
	"$($A autocode p.axial 'شفافیت' 'شفافیت' --scope paragraph)"
check "autocode: the preview wrote nothing" "$before" "$($A log p.axial; sha256sum <p.axial)"
check_rc "autocode --yes --scope sentence" 0 $A autocode p.axial trust 'شفافیت' --scope sentence --yes
check "autocode: sentences of the hits, the label left out" \
	"$(printf '%s\n' 'Is trust important?' 'Trust-building takes time.' \
	    'Trust, trusted, distrust.' 'We trust the system.' \
	    'and the turn goes on: trust again.')" \
	"$($A codings p.axial --json | python3 -c 'import json,sys
for c in json.load(sys.stdin): print(c["text"])')"
check_match "autocode: one action, the newest" '  autocode «شفافیت» in «b» \[13,32\) and 4 more  \(5 changes\)$' "$($A log p.axial | head -n 1)"
check_rc "autocode: undo" 0 $A undo p.axial
check "autocode: undo took every coding back" "[]" "$($A codings p.axial --json)"
$A autocode p.axial trust 'شفافیت' --scope turn --yes >/dev/null
check "autocode --scope turn: the turns without their labels" \
	"$(printf '%s\n' 'Is trust important? Trust-building takes time.' \
	    "$(printf 'Trust, trusted, distrust. We trust the system.\nand the turn goes on: trust again.')")" \
	"$($A codings p.axial --json | python3 -c 'import json,sys
for c in json.load(sys.stdin): print(c["text"])')"
check "autocode again: already coded spans left out" \
	"$(printf '6 hits: 2 segments in 1 document\ncoded 0 segments (2 already coded); '"'"'axial undo'"'"' takes it back')" \
	"$($A autocode p.axial trust 'شفافیت' --scope turn --yes)"

# the index follows removal and undo; check finds it whole
$A doc rm p.axial b >/dev/null
check "search: a removed document's hits are gone" 0 "$(hits trust)"
$A undo p.axial >/dev/null
check "search: undo brings them back" "$(count trust)" "$(hits trust)"
check_rc "check: the index is whole" 0 $A check p.axial

# a damaged index: the same hits, read from the text, and a note
sqlite3 p.axial "DELETE FROM search_text_data WHERE id > 10"
check "search: a damaged index gives the same hits" "$(count 'شفاف')" "$(hits 'شفاف')"
check_rc "check: reports the damaged index" 1 $A check p.axial
check_match "check: names it" 'search-index' "$OUT"
check_rc "check --repair: rebuilds it" 0 $A check --repair p.axial
check_rc "check: whole again" 0 $A check p.axial
sqlite3 p.axial "DROP TABLE search_text_idx"
check_rc "search: a missing index still searches" 0 $A search p.axial 'شفاف'
check "search: ... the same hits" "$(count 'شفاف')" "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')"
check_match "search: ... and says the index was not used" 'check --repair' "$ERR"
check_rc "check --repair: makes it again" 0 $A check --repair p.axial
check "search: from the index again" "" "$($A search p.axial 'شفاف' 2>&1 >/dev/null | grep repair)"

# a million hits: written as found, memory bounded (one document's text)
python3 -c 'import sys; sys.stdout.write("x " * 1000000 + "\n")' >m.txt
$A init m.axial >/dev/null
$A import m.axial m.txt >/dev/null
# peak memory as hostile-size.sh measures it (an address-space limit would
# stop ASan, which reserves far more than it uses)
limit=400000 label="400 MB"
[ -n "${AXIAL_ASAN:-}" ] && limit=1500000 label="1.5 GB (ASan)"
check "search: a million hits" 1000000 \
	"$(/usr/bin/time -f %M -o mhits.rss $A search m.axial x 2>/dev/null | wc -l | tr -d ' ')"
rss=$(tail -1 mhits.rss)
check "search: a million hits under $label" 1 \
	"$([ "${rss:-999999999}" -lt $limit ] && echo 1 || echo "$rss KB")"
check "search --json --limit: the first page" 3 \
	"$($A search m.axial x --json --limit 3 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
