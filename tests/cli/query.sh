# query.sh: coding queries on the command line: results against the same
# queries computed here in Python from `axial codings --json` and the
# documents' text; --where, --doc, --source, paging; saved queries (save,
# list, run, rm, undo) and coding a result; every bad input with its
# message and nothing changed.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
me=$(id -un)
$A init p.axial >/dev/null
printf 'we trust the office\nthe digital divide is wide and trust is low\n\nno one answers\nlater they trust it\n' >d1.txt
printf 'اعتماد به سازمان کم است\nشکاف دیجیتال\nشفافیت نیست\n' >d2.txt
printf 'nothing coded here\nstill nothing\n' >d3.txt
$A import p.axial d1.txt d2.txt d3.txt >/dev/null
$A attr p.axial d1 gender female >/dev/null
$A attr p.axial d2 gender male >/dev/null
$A attr p.axial d3 gender female >/dev/null
$A attr p.axial d1 education PhD >/dev/null
$A attr p.axial d2 education PhD >/dev/null
$A code add p.axial Barriers --category >/dev/null
$A code add p.axial trust >/dev/null
$A code add p.axial "digital divide" --in Barriers >/dev/null
$A code add p.axial "اعتماد سازمانی" >/dev/null
$A code add p.axial "شفافیت" --in Barriers >/dev/null
$A coder add p.axial ann --account "$me" >/dev/null
tag() { $A tag p.axial "$@" >/dev/null || notok "tag $*"; }
tag d1 trust --quote "we trust"
tag d1 trust --quote "is wide and trust is low"
tag d1 "digital divide" --quote "digital divide is wide"
tag d1 trust --quote "they trust it" --as ann
tag d1 "digital divide" --quote "no one answers" --as ann
tag d2 "اعتماد سازمانی" --quote "اعتماد به سازمان"
tag d2 "شفافیت" --quote "شفافیت نیست"
tag d2 "digital divide" --quote "شکاف دیجیتال" --as ann
$A codings p.axial --json >codings.json
for d in d1 d2 d3; do $A doc text p.axial $d >$d.out; done
$A docs p.axial --json >docs.json

# The oracle: each query as a Python function on sets of positions.
cat >oracle.py <<'PY'
import json, sys
codings = json.load(open("codings.json", encoding="utf-8"))
text = {d: open(d + ".out", encoding="utf-8").read() for d in ("d1", "d2", "d3")}
attrs = {"d1": {"gender": "female", "education": "PhD"},
         "d2": {"gender": "male", "education": "PhD"},
         "d3": {"gender": "female"}}
def code(name, coder=None):
    def f(doc):
        return {i for c in codings if c["document"] == doc and
                (c["code"] == name or c["code"].startswith(name + "/")) and
                (coder is None or c["coder"] == coder)
                for i in range(c["start"], c["end"])}
    return f
def attr(k, v):
    return lambda doc: set(range(len(text[doc]))) if attrs[doc].get(k) == v else set()
def runs(s):
    out, run = [], None
    for i in sorted(s):
        if run and i == run[1]: run[1] = i + 1
        else:
            if run: out.append(tuple(run))
            run = [i, i + 1]
    if run: out.append(tuple(run))
    return out
def para(doc, i):
    return text[doc][:i].count("\n")
def overlaps(a, b):
    def f(doc):
        B = b(doc)
        return {i for s, e in runs(a(doc)) if any(j in B for j in range(s, e)) for i in range(s, e)}
    return f
def samepara(a, b):
    def f(doc):
        bp = {para(doc, i) for i in b(doc)}
        return {i for s, e in runs(a(doc)) if any(para(doc, j) in bp for j in range(s, e)) for i in range(s, e)}
    return f
def followed(a, b):
    def f(doc):
        br = runs(b(doc))
        return {i for s, e in runs(a(doc)) if any(bs >= e and para(doc, bs) <= para(doc, e - 1) + 1 for bs, be in br)
                for i in range(s, e)}
    return f
def NOT(a): return lambda doc: set(range(len(text[doc]))) - a(doc)
def AND(a, b): return lambda doc: a(doc) & b(doc)
def OR(a, b): return lambda doc: a(doc) | b(doc)
T, DD, E, S, K = code("trust"), code("Barriers/digital divide"), code("اعتماد سازمانی"), code("Barriers/شفافیت"), code("Barriers")
Q = {
  "1": T, "2": OR(T, DD), "3": AND(T, NOT(DD)), "4": NOT(OR(T, OR(DD, OR(E, S)))),
  "5": overlaps(T, DD), "6": samepara(T, DD), "7": followed(DD, T),
  "8": AND(K, attr("gender", "male")), "9": code("trust", "ann"),
  "10": OR(E, S), "11": AND(OR(T, K), attr("education", "PhD")),
}
f = Q[sys.argv[1]]
docs = sys.argv[2:] or ["d1", "d2", "d3"]
for doc in docs:
    for s, e in runs(f(doc)):
        t = text[doc]
        while s < e and t[s] in " \n": s += 1
        while e > s and t[e - 1] in " \n": e -= 1
        if s < e: print(doc, s, e)
PY
got() {
	$A query p.axial "$@" --json >q.json || { echo "query failed"; return; }
	python3 -c 'import json; [print(s["document"], s["start"], s["end"]) for s in json.load(open("q.json", encoding="utf-8"))["segments"]]'
}
same() {
	name=$1 n=$2; shift 2
	expect=$(python3 oracle.py "$n")
	check "$name" "$expect" "$(got "$@")"
	[ -n "$expect" ] || notok "$name: the oracle found nothing"
}
same "a code" 1 trust
same "OR" 2 'trust OR "digital divide"'
same "AND NOT" 3 'trust AND NOT "digital divide"'
same "NOT of all" 4 'NOT (trust OR Barriers OR «اعتماد سازمانی»)'
same "OVERLAPS" 5 'trust OVERLAPS "digital divide"'
same "IN SAME PARAGRAPH" 6 'trust IN SAME PARAGRAPH "digital divide"'
same "FOLLOWED BY" 7 '"digital divide" FOLLOWED BY trust'
same "category and attribute" 8 'Barriers AND gender = male'
same "Persian keywords" 10 '«اعتماد سازمانی» یا شفافیت'
same "attribute in Persian spelling" 8 'barriers و gender = male'
check "--source LOGIN" "$(python3 oracle.py 9)" "$(got trust --source ann)"
check "--where" "$(python3 oracle.py 11)" "$(got 'trust OR Barriers' --where education=PhD)"
check "--doc" "$(python3 oracle.py 2 d2)" "$(got 'trust OR "digital divide"' --doc d2)"
check_rc "text output" 0 $A query p.axial 'trust OVERLAPS "digital divide"'
check "text output lines" "d1	¶2	39-63	is wide and trust is low
1 segment in 1 document" "$OUT"
check_rc "persian output" 0 $A query p.axial 'شفافیت'
check "persian output lines" "d2	¶3	37-48	شفافیت نیست
1 segment in 1 document" "$OUT"

# paging: the count goes on past what is printed
check_rc "limit" 0 $A query p.axial 'NOT trust' --limit 2 --offset 1
n=$($A query p.axial 'NOT trust' --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
check "limit lines" 3 "$(printf '%s\n' "$OUT" | wc -l)"
check_match "limit summary" "^2 to 3 of $n segments in 3 documents$" "$(printf '%s\n' "$OUT" | tail -1)"
check_rc "limit json" 0 $A query p.axial 'NOT trust' --limit 1 --json
check "limit json segments" "1 $n" "$(printf '%s' "$OUT" | python3 -c 'import json,sys; j=json.load(sys.stdin); print(len(j["segments"]), j["total"])')"

# bad expressions: the column, a caret, nothing saved
before=$(sqlite3 p.axial 'SELECT count(*) FROM actions')
bad() {
	name=$1 expr=$2 msg=$3 caret=$4; shift 4
	check_rc "$name" 1 $A query p.axial "$expr" --save never "$@"
	check "$name: message" "$msg" "$(printf '%s\n' "$ERR" | head -1)"
	check "$name: caret" "$caret" "$(printf '%s\n' "$ERR" | tail -1)"
	check "$name: no output" "" "$OUT"
}
bad "empty" "" "axial: column 1: the query is empty: write a code name, or codes joined by AND, OR, NOT" "  ^"
bad "only spaces" "   " "axial: column 1: the query is empty: write a code name, or codes joined by AND, OR, NOT" "  ^"
bad "dangling AND" "trust AND" "axial: column 10: expected a code name or '(', found the end of the query" "           ^"
bad "two names" "digital divide" "axial: column 9: expected AND, OR or an operator, found «divide» (a name with spaces goes in quotes: \"two words\")" "          ^"
bad "unclosed" "(trust OR x" "axial: column 1: this '(' is never closed" "  ^"
bad "unknown code" "trust OR trsut" "axial: column 10: no code or category 'trsut'; did you mean «trust»?" "           ^"
bad "unknown attribute" "trust AND gendr = male" "axial: column 11: no document has the attribute «gendr»; did you mean «gender»?" "            ^"
bad "unknown value" "trust AND gender = mal" "axial: column 11: no document has gender = «mal»; did you mean «male»?" "            ^"
bad "persian column" "اعتماد و و x" "axial: column 10: expected a code name or '(', found the keyword «و» (a code of that name goes in quotes)" "           ^"
check_rc "bad where" 1 $A query p.axial trust --where gender
check "bad where message" "axial: --where wants ATTRIBUTE=VALUE, not 'gender'" "$ERR"
check_rc "unknown where" 1 $A query p.axial trust --where colour=red
check "unknown where message" "axial: no document has the attribute «colour»" "$ERR"
check_rc "unknown source" 1 $A query p.axial trust --source consensus
check_match "unknown source message" "no coder 'consensus'" "$ERR"
check_rc "bad limit" 2 $A query p.axial trust --limit 0
check_rc "control character" 1 $A query p.axial "$(printf 'trust\033[2J')"
check_match "control character message" "control character \(U\+001B\)" "$ERR"
check "nothing logged" "$before" "$(sqlite3 p.axial 'SELECT count(*) FROM actions')"
check "nothing saved" "" "$($A query list p.axial)"

# saved queries
check_rc "save" 0 $A query p.axial 'trust OR Barriers' --where education=PhD --source ann --save "ann's trust"
check "save says" "saved as «ann's trust»" "$ERR"
check_rc "list" 0 $A query list p.axial
check "list line" "ann's trust	trust OR Barriers	--source ann --where education=PhD" "$OUT"
check_rc "run saved" 0 $A query run p.axial "ANN'S TRUST" --json
check "run saved gives the same" "$($A query p.axial 'trust OR Barriers' --where education=PhD --source ann --json)" "$OUT"
check_rc "save again" 1 $A query p.axial trust --save "ann's trust"
check "save again message" "axial: a query named «ann's trust» exists; remove it first (axial query rm)" "$ERR"
check_rc "bad name" 1 $A query p.axial trust --save "$(printf 'a\033b')"
check_match "bad name message" "query name: contains a control character" "$ERR"
check_rc "run unknown" 1 $A query run p.axial "anns trust"
check "run unknown message" "axial: no saved query «anns trust»; did you mean «ann's trust»?" "$ERR"
check_rc "list json" 0 $A query list p.axial --json
check "list json" '[{"name":"ann'"'"'s trust","expression":"trust OR Barriers","source":"ann","where":"education=PhD\n","documents":""}]' "$OUT"

# coding a saved query's result: a new code, one action, undoable
$A query p.axial 'trust OVERLAPS "digital divide" OR شفافیت' --save overlap 2>/dev/null >/dev/null
spans=$($A query run p.axial overlap --json | python3 -c 'import json,sys; [print(s["document"], s["start"], s["end"]) for s in json.load(sys.stdin)["segments"]]')
check_rc "query code" 0 $A query code p.axial overlap "trust at the divide" --in Barriers
check "query code says" "coded 2 segments in 2 documents with «trust at the divide»" "$OUT"
check "coded spans" "$spans" "$($A codings p.axial --code "trust at the divide" --json | python3 -c 'import json,sys; [print(c["document"], c["start"], c["end"]) for c in json.load(sys.stdin)]')"
check "one action" "query code" "$(sqlite3 p.axial 'SELECT label FROM actions ORDER BY id DESC LIMIT 1')"
check_rc "query code taken name" 1 $A query code p.axial overlap trust
check_match "query code taken message" "trust" "$ERR"
check "query code refused: one action still" "query code" "$(sqlite3 p.axial 'SELECT label FROM actions ORDER BY id DESC LIMIT 1')"
check_rc "undo query code" 0 $A undo p.axial
check_rc "code gone" 1 $A codings p.axial --code "trust at the divide"
check_rc "rm" 0 $A query rm p.axial overlap
check "rm'd" "ann's trust" "$($A query list p.axial | cut -f1)"
check_rc "undo rm" 0 $A undo p.axial
check "back" "ann's trust
overlap" "$($A query list p.axial | cut -f1)"
check_rc "rm unknown" 1 $A query rm p.axial nothing
check_match "rm unknown message" "no saved query «nothing»" "$ERR"

# a large result: paged, counted in full (the evaluator holds one
# document at a time: test-query checks the bound); 50,000 codings put
# straight into the file, one a line
python3 -c 'print("\n".join("line %05d" % i for i in range(50000)))' >big.txt
$A init big.axial >/dev/null
$A import big.axial big.txt >/dev/null
$A code add big.axial x >/dev/null
$A tag big.axial big x 0 4 >/dev/null
sqlite3 big.axial "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 49999)
  INSERT INTO codings(doc_id, node_id, coder_id, start, \"end\", guid, created)
  SELECT 1, (SELECT id FROM nodes), (SELECT coder_id FROM codings), i * 11, i * 11 + 10, 'g' || i, 0 FROM n"
check_rc "large result" 0 $A query big.axial 'x' --limit 3 --offset 49990
check "large result page" "big	¶49991	549890-549900	line 49990
big	¶49992	549901-549911	line 49991
big	¶49993	549912-549922	line 49992" "$(printf '%s\n' "$OUT" | head -3)"
check "large result summary" "49991 to 49993 of 50000 segments in 1 document" "$(printf '%s\n' "$OUT" | tail -1)"
check_rc "large result, NOT" 0 $A query big.axial 'NOT x' --limit 2
# between the codings only line ends, which are trimmed away: what is left
# is the rest of the first line, which the first coding cut short
check "large result, NOT: only white space between the codings" "big	¶1	5-10	00000
1 segment in 1 document" "$OUT"
