# similar.sh: axial similar (stats/similar.h). The scores and order of
# --json checked against a TF-IDF and cosine computed here in Python with
# its own folding and word splitting, on documents in Persian (ي/ی, ك/ک,
# ZWNJ or none, Persian, Arabic-Indic and ASCII digits) and English; the
# coder's paragraphs with the code are left out, --code and --top, the
# text output, and each bad input with its message, changing nothing.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
P="$T/s.axial"
"$A" init "$P" >/dev/null
printf '%s\n' 'كارمندان در سال ۱۴۰۲ به ايميل اعتماد نمی‌کردند.' \
	'The staff did not Trust email in 1402.' '' '«...»، !' >d1.txt
printf '%s\n' 'کارمندان به ایمیل اعتماد می‌کنند' \
	'مردم در سال 1402 میخواهند سامانه' 'trust the STAFF' >d2.txt
printf '%s\n' 'کارمندان اعتماد ندارند ١٤٠٢ ١٤٠٢' 'سامانه و ايميل' 'the staff' >d3.txt
"$A" import "$P" d1.txt d2.txt d3.txt >/dev/null
"$A" code add "$P" trust >/dev/null
"$A" code add "$P" other >/dev/null
"$A" tag "$P" d1 trust --quote 'در سال ۱۴۰۲ به ايميل اعتماد' >/dev/null	# #1
"$A" tag "$P" d2 trust --quote '1402' >/dev/null	# #2: d2 ¶2 is left out
"$A" tag "$P" d3 other --quote 'سامانه' >/dev/null	# #3: another code
"$A" tag "$P" d1 trust --quote '«...»' >/dev/null	# #4: no words

# expect QUERY SKIP...: the paragraphs (doc, n, score) by an independent
# TF-IDF: w = (1 + ln tf) ln(N / df) over paragraphs with words, cosine
expect() { python3 - "$@" <<'PY'
import math, re, sys
fold = str.maketrans({'ي': 'ی', 'ى': 'ی', 'ك': 'ک', '\u200c': None,
    **{chr(0x06f0 + i): str(i) for i in range(10)},
    **{chr(0x0660 + i): str(i) for i in range(10)}})
def words(s):
    return re.findall(r'[^\W_]+(?:\.[^\W_]+)*', s.translate(fold).lower())
docs = {d: open(d + '.txt', encoding='utf-8').read().split('\n')[:-1]
        for d in ('d1', 'd2', 'd3')}
units = {(d, i + 1): words(t) for d in docs for i, t in enumerate(docs[d])}
units = {k: v for k, v in units.items() if v}
N = len(units)
df = {}
for v in units.values():
    for w in set(v):
        df[w] = df.get(w, 0) + 1
def vec(ws):
    return {w: (1 + math.log(ws.count(w))) * math.log(N / df[w]) for w in set(ws)}
q = vec(words(sys.argv[1]))
nq = math.sqrt(sum(x * x for x in q.values()))
skip = set(tuple([a.split(':')[0], int(a.split(':')[1])]) for a in sys.argv[2:])
out = []
for k, v in units.items():
    if k in skip:
        continue
    u = vec(v)
    dot = sum(q[w] * u.get(w, 0) for w in q)
    nu = math.sqrt(sum(x * x for x in u.values()))
    if dot > 0:
        out.append((-dot / nq / nu, k[0], k[1]))
for s, d, n in sorted(out):
    print('%s %d %.6f' % (d, n, -s))
PY
}
got() { python3 -c 'import json, sys
for h in json.load(sys.stdin):
    print("%s %d %.6f" % (h["document"], h["paragraph"], h["score"]))'; }
nlog() { "$A" log "$P" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }

Q='در سال ۱۴۰۲ به ايميل اعتماد'
check_rc "similar --coding" 0 "$A" similar "$P" --coding 1 --json
check "scores and order against an independent TF-IDF" \
	"$(expect "$Q" d1:1 d2:2)" "$(printf '%s\n' "$OUT" | got)"
check "four paragraphs or more" yes "$(printf '%s\n' "$OUT" | got | awk 'END { print (NR >= 4) ? "yes" : "no" }')"
check_rc "--code other keeps d2 ¶2, leaves out d3 ¶2" 0 "$A" similar "$P" --coding '#1' --code other --json
check "--code other" "$(expect "$Q" d1:1 d3:2)" "$(printf '%s\n' "$OUT" | got)"
check_rc "--top 2" 0 "$A" similar "$P" --coding 1 --top 2 --json
expect "$Q" d1:1 d2:2 >all
check "--top 2 is the first two" "$(sed -n 1,2p all)" "$(printf '%s\n' "$OUT" | got)"
check_rc "--doc --para" 0 "$A" similar "$P" --doc d2 --para 3 --json
check "a paragraph as the query, no code" \
	"$(expect 'trust the STAFF' d2:3)" "$(printf '%s\n' "$OUT" | got)"
expect 'trust the STAFF' d2:3 >all
set -- $(sed -n 1p all)	# document, paragraph, score of the best
check_rc "text output" 0 "$A" similar "$P" --doc d2 --para 3 --top 1
check "one line: score, document, paragraph, quote" \
	"$(printf '%s\t%s\t¶%s\t%s' "$(printf '%.4f' "$3")" "$1" "$2" \
	"$(sed -n "$2p" "$1.txt")")" "$OUT"
check_rc "JSON carries the whole paragraph and its span" 0 "$A" similar "$P" --doc d2 --para 3 --top 1 --json
check "span and text" "$(python3 -c 'import sys
t = open(sys.argv[1] + ".txt", encoding="utf-8").read().split("\n")
n = int(sys.argv[2]); s = sum(len(x) + 1 for x in t[:n - 1])
print(s, s + len(t[n - 1]), t[n - 1])' "$1" "$2")" \
	"$(printf '%s\n' "$OUT" | python3 -c 'import json,sys; h=json.load(sys.stdin)[0]
print(h["start"], h["end"], h["text"])')"

# bad input: a message, exit 1 or 2, nothing written
before=$(nlog)
bad() {	# NAME RC PATTERN ARGS...
	b_name=$1 b_rc=$2 b_pat=$3; shift 3
	check_rc "$b_name: exit $b_rc" "$b_rc" "$A" similar "$P" "$@"
	check_match "$b_name: message" "$b_pat" "$ERR"
}
bad "no segment" 2 'give --coding ID, or --doc DOC and --para N'
bad "both segments" 2 'give --coding ID, or --doc DOC and --para N' --coding 1 --doc d1 --para 1
bad "--doc without --para" 2 '--doc needs --para N' --doc d1
bad "--para without --doc" 2 '--para goes with --doc' --coding 1 --para 2
bad "--para 0" 2 '--para takes a number from 1' --doc d1 --para 0
bad "--top 0" 2 '--top takes a number from 1 to 1000' --coding 1 --top 0
bad "--top 1001" 2 '--top takes a number from 1 to 1000' --coding 1 --top 1001
bad "--top x" 2 '--top takes a number from 1 to 1000' --coding 1 --top x
bad "a paragraph past the end" 1 'd1 has 4 paragraphs, not 9' --doc d1 --para 9
bad "an empty paragraph" 1 'nothing to compare: the segment holds no words' --doc d1 --para 3
bad "a segment of punctuation" 1 'nothing to compare: the segment holds no words' --coding 4
bad "an unknown coding" 1 'coding' --coding 99
bad "a coding that is no number" 1 "--coding takes a coding's #ID: x1" --coding x1
bad "an unknown code" 1 'nosuch' --coding 1 --code nosuch
bad "an unknown document" 1 'nosuch' --doc nosuch --para 1
check "nothing was written" "$before" "$(nlog)"
