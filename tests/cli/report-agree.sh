# report-agree.sh: `axial report`'s agreement table carries the figures
# `axial agree --format csv` prints (two coders: prevalence, kappa and AC1
# with their intervals and method, alpha; three: Fleiss, alpha, Light, AC1
# and the pairwise kappas) and `axial agree --unit segments` alpha_U, per
# code and pooled, each row naming its coders; compared cell by cell here.
# Bad --agree-coders: a clear message and no file written.
. "$AXIAL_SRC/tests/cli/lib.sh"
A=$AXIAL
me=$(id -un)
command -v python3 >/dev/null || notok "have python3" "install python3"

$A init p.axial >/dev/null
printf 'one alpha beta\ntwo gamma\nthree delta\nfour eps\n' >d.txt
printf 'five zeta\nsix eta theta\n' >e.txt
$A import p.axial d.txt >/dev/null
$A import p.axial e.txt >/dev/null
for c in k m n; do $A code add p.axial $c >/dev/null; done
for c in A B C; do $A coder add p.axial $c --account "$me"; done
$A tag p.axial d k --quote "alpha" --as A >/dev/null
$A tag p.axial d k --quote "alpha beta" --as B >/dev/null
$A tag p.axial d k --quote "alpha" --as C >/dev/null
$A tag p.axial d k --quote "gamma" --as A >/dev/null
$A tag p.axial e k --quote "zeta" --as B >/dev/null
$A tag p.axial d m --quote "delta" --as A >/dev/null
$A tag p.axial d m --quote "delta" --as C >/dev/null
$A tag p.axial e m --quote "eta" --as A >/dev/null
$A tag p.axial e m --quote "eta" --as B >/dev/null
$A tag p.axial e m --quote "theta" --as C >/dev/null
cp p.axial before.axial

# compare REPORT.csv AGREE.csv SEGMENTS.csv CODERS: every figure column of
# the report equals agree's cell of that key exactly; prints the differences.
compare() {
	python3 - "$@" <<'PY'
import csv, sys
rep = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
agr = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
seg = {r["figure"]: r for r in csv.DictReader(open(sys.argv[3], encoding="utf-8"))}
who = sys.argv[4].replace(",", ", ")
keys = {"Prevalence": "prevalence", "Kappa": "kappa",
        "Kappa 95% lower": "kappa_ci_lower", "Kappa 95% upper": "kappa_ci_upper",
        "AC1": "ac1", "AC1 95% lower": "ac1_ci_lower",
        "AC1 95% upper": "ac1_ci_upper", "Alpha": "alpha",
        "Interval method": "ci_method", "Fleiss' kappa": "fleiss_kappa",
        "Light's kappa": "light_kappa"}
bad = []
if len(rep) != len(agr):
    bad.append("rows %d != %d" % (len(rep), len(agr)))
for r, a in zip(rep, agr):
    if r["Code"] != a["name"]:
        bad.append("row %s != %s" % (r["Code"], a["name"]))
    if r["Coders"] != who:
        bad.append("coders %s" % r["Coders"])
    n = 0
    for h, v in r.items():
        k = keys.get(h, h if h.startswith("kappa ") else None)
        if k is None:
            continue
        n += 1
        if v != a[k]:
            bad.append("%s %s: %r != %r" % (a["name"], h, v, a[k]))
    if n < 5:
        bad.append("only %d figures" % n)
    u = seg["unitizing_alpha" if a["row"] == "pooled" else
            "unitizing.%s.alpha" % a["name"]]
    if r["Alpha for unitizing"] != u["value"]:
        bad.append("%s alpha_U %r != %r" % (a["name"], r["Alpha for unitizing"], u["value"]))
    if a["status"] not in r["Notes"] or u["status"] not in r["Notes"].replace("alpha_u: ", ""):
        bad.append("%s reasons %r" % (a["name"], r["Notes"]))
print("\n".join(bad))
PY
}

# Three coders coded: the default set is all three.
check_rc "report with three coders" 0 $A report p.axial --out "$T/r3" \
	--format csv --source each
$A agree p.axial --coders A,B,C --format csv >a3.csv
$A agree p.axial --coders A,B,C --unit segments --format csv >s3.csv
check "three coders: the header" \
	"Code,Coders,Fleiss' kappa,Alpha,Light's kappa,AC1,kappa A-B,kappa A-C,kappa B-C,Alpha for unitizing,Notes" \
	"$(head -1 "$T/r3/agreement.csv" | tr -d '\r')"
check "three coders: every figure is axial agree's" "" \
	"$(compare "$T/r3/agreement.csv" a3.csv s3.csv A,B,C)"
check "three coders: a pooled row" "all codes" \
	"$(tail -1 "$T/r3/agreement.csv" | cut -d, -f1)"

# Two of them, named.
check_rc "report with --agree-coders A,C" 0 $A report p.axial --out "$T/r2" \
	--format csv --only agreement --agree-coders A,C
$A agree p.axial --coders A,C --format csv >a2.csv
$A agree p.axial --coders A,C --unit segments --format csv >s2.csv
check "two coders: the header" \
	"Code,Coders,Prevalence,Kappa,Kappa 95% lower,Kappa 95% upper,AC1,AC1 95% lower,AC1 95% upper,Alpha,Interval method,Alpha for unitizing,Notes" \
	"$(head -1 "$T/r2/agreement.csv" | tr -d '\r')"
check "two coders: every figure is axial agree's" "" \
	"$(compare "$T/r2/agreement.csv" a2.csv s2.csv A,C)"
check "only the agreement table and the index" "agreement.csv" \
	"$(ls "$T/r2")"

# Markdown: three decimals, the coders in the note, "undefined" for a
# figure without a value (k for A,C with one unit only: no interval).
check_rc "Markdown report" 0 $A report p.axial --out "$T/md" --only agreement \
	--agree-coders A,C --lang en
check_match "the note names the coders and the command" \
	"^Coders: A, C\. .*axial agree --coders A,C --format csv\." "$(cat "$T/md/agreement.md")"
check_match "the pooled row, three decimals" \
	"^\| All codes \(pooled\) \| A, C \| [0-9]\.[0-9]{3} \|" "$(cat "$T/md/agreement.md")"
check_match "the index links it" "\[Agreement between coders\]\(agreement\.md\)" \
	"$(cat "$T/md/index.md")"

# Bad sets: refused before anything is written.
for bad in "A" "A,nobody" "A,A" ""; do
	check_rc "--agree-coders '$bad' refused" 2 $A report p.axial \
		--out "$T/bad" --only agreement --agree-coders "$bad"
	check "--agree-coders '$bad': nothing written" "" \
		"$(ls -d "$T/bad" 2>/dev/null)"
	case $bad in *nobody) check_match "an unknown coder is named" \
		"--agree-coders: no coder 'nobody' in this project" "$ERR" ;; esac
done
$A report p.axial --out "$T/bad" --only agreement --agree-coders A,A 2>&1 | \
	grep -q "names 'A' twice" && ok "a coder twice is named" || notok "a coder twice is named"
$A init q.axial >/dev/null
$A import q.axial e.txt >/dev/null
$A code add q.axial k >/dev/null
$A coder add q.axial A --account "$me"
$A tag q.axial e k --quote "zeta" --as A >/dev/null
check_rc "one coder coded: the report runs" 0 $A report q.axial \
	--out "$T/one" --only agreement
check "one coder coded: no agreement table" "" "$(ls "$T/one" | grep agreement)"
cmp -s p.axial before.axial && ok "the project is unchanged" || notok "the project is unchanged"

# A figure without a value: "undefined", its reason in the Notes column.
$A init u.axial >/dev/null
printf 'one alpha beta\n' >f.txt
$A import u.axial f.txt >/dev/null
$A code add u.axial k >/dev/null
for c in A B; do $A coder add u.axial $c --account "$me"; done
$A tag u.axial f k --quote alpha --as A >/dev/null
$A tag u.axial f k --quote alpha --as B >/dev/null
check_rc "a code every unit has" 0 $A report u.axial --out "$T/u" --only agreement --lang en
check_match "kappa undefined, with agree's reason" \
	"^\| k \| A, B \| 1\.000 \| undefined \|.*\| kappa: undefined \(no variation\);" \
	"$(cat "$T/u/agreement.md")"
