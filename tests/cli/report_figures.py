"""report_figures.py: every counted figure of a CSV report, computed again
from the raw codings and compared.

usage: python3 report_figures.py CODINGS.json DOCS.json TEXTS_DIR OUT SOURCE...

CODINGS.json is `axial codings --json`, DOCS.json `axial docs --json`
(interview order), TEXTS_DIR holds each document's text as NAME.txt
(`axial doc text`), OUT the report folder (`axial report -f csv`), and the
sources are what it counts: one for a single-source report, several for
`--source each`. Prints one line per figure that differs, nothing when all
agree. Tables are read by column position, so headings in any language
pass; digits are read in Persian or Latin.

The rules are the report's (docs/agreement.md for units): a coding's
paragraphs are the lines its span touches; code names in tables are the
last segment of the code's path; saturation walks documents in interview
order.
"""
import csv
import glob
import json
import os
import sys

PERSIAN = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")


def main():
    codings = json.load(open(sys.argv[1], encoding="utf-8"))
    docs = [d["name"] for d in json.load(open(sys.argv[2], encoding="utf-8"))]
    texts = {d: open(os.path.join(sys.argv[3], d + ".txt"), encoding="utf-8").read()
             for d in docs}
    out, sources = sys.argv[4], sys.argv[5:]
    each = len(sources) > 1
    bad = []

    def rows(name):
        with open(os.path.join(out, name + ".csv"), newline="",
                  encoding="utf-8-sig") as f:
            return [[c.translate(PERSIAN) for c in r] for r in csv.reader(f)]

    def want(what, got, exp):
        if str(got) != str(exp):
            bad.append("%s: %s, want %s" % (what, got, exp))

    def para(doc, cp):
        return texts[doc][:cp].count("\n") + 1

    def leaf(path):
        return path.split("/")[-1]

    def file(name, src):
        return name + "-" + src if each else name

    def units(mine, code):
        return {(c["document"], p) for c in mine if leaf(c["code"]) == code
                for p in range(para(c["document"], c["start"]),
                               para(c["document"], c["end"] - 1) + 1)}

    def counts(src, code):
        mine = [c for c in codings if c["coder"] == src and leaf(c["code"]) == code]
        return [len(mine), len({c["document"] for c in mine})]

    leaves = {}
    for c in codings:
        leaves.setdefault(leaf(c["code"]), set()).add(c["code"])
    for k, paths in leaves.items():
        if len(paths) > 1:
            bad.append("code name %s is not unique: tables cannot tell %s apart"
                       % (k, sorted(paths)))

    for src in sources:
        mine = [c for c in codings if c["coder"] == src]
        used = {leaf(c["code"]) for c in mine}
        t = rows(file("frequency-by-document", src))
        want("frequency heads %s" % src, t[0][2:2 + len(docs)], docs)
        seen = set()
        for r in t[1:]:
            want("source column", r[0], src)
            if r[1] == "Total" or r is t[-1]:
                for i, d in enumerate(docs):
                    want("frequency total %s %s" % (src, d), r[2 + i],
                         sum(1 for c in mine if c["document"] == d))
                want("frequency total %s" % src, r[2 + len(docs)], len(mine))
                continue
            seen.add(r[1])
            for i, d in enumerate(docs):
                want("frequency %s %s %s" % (src, r[1], d), r[2 + i],
                     sum(1 for c in mine if leaf(c["code"]) == r[1]
                         and c["document"] == d))
            want("frequency total %s %s" % (src, r[1]), r[2 + len(docs)],
                 sum(1 for c in mine if leaf(c["code"]) == r[1]))
        # every code the source used has a row (side by side, the rows of
        # codes another coder used are there too, at zero)
        want("frequency codes %s" % src, sorted(used - seen), [])
        for unit in ("overlap", "paragraph"):
            t = rows(file("cooccurrence-" + unit, src))
            names = [r[2] for r in t[1:]]
            want("cooc %s %s codes" % (unit, src), sorted(names), sorted(used))
            for i, x in enumerate(names):
                for j, y in enumerate(names):
                    if unit == "overlap" and x == y:
                        n = sum(1 for c in mine if leaf(c["code"]) == x)
                    elif unit == "overlap":
                        n = sum(1 for a in mine for b in mine
                                if leaf(a["code"]) == x and leaf(b["code"]) == y
                                and a["document"] == b["document"]
                                and a["start"] < b["end"] and b["start"] < a["end"])
                    else:
                        n = len(units(mine, x) & units(mine, y))
                    want("cooc %s %s %s,%s" % (unit, src, x, y), t[1 + i][3 + j], n)
        t = rows(file("saturation", src))
        seen = set()
        for i, d in enumerate(docs):
            r = t[1 + i]
            want("saturation %s row %d" % (src, i + 1), r[2], d)
            here = [c for c in mine if c["document"] == d]
            new = {c["code"] for c in here} - seen
            seen |= new
            want("saturation %s %s codings" % (src, d), r[3], len(here))
            want("saturation %s %s new" % (src, d), r[4], len(new))
            want("saturation %s %s cumulative" % (src, d), r[5], len(seen))

    # Coding tables (one per paradigm role) and the codebook: side by side
    # for each, else one source with a Source column first.
    for path in sorted(glob.glob(os.path.join(out, "coding-*.csv"))):
        name = os.path.basename(path)[:-4]
        if each and name.rsplit("-", 1)[-1] in sources:
            continue
        for r in rows(name)[1:]:
            k = r[2] if each else r[3]
            got = r[3:3 + 2 * len(sources)] if each else r[4:6]
            want("%s %s" % (name, k), got,
                 [str(v) for s in sources for v in counts(s, k)])
            if not each:
                want("%s source" % name, r[0], sources[0])
    for r in rows("codebook")[1:]:
        k = r[0] if each else r[1]
        got = r[3:3 + 2 * len(sources)] if each else r[4:6]
        want("codebook %s" % k, got, [str(v) for s in sources for v in counts(s, k)])
    t = rows("frequency-by-coder")
    want("frequency by coder heads", t[0][1:], sources)
    for r in t[1:]:
        if r is not t[-1]:
            want("frequency by coder %s" % r[0], r[1:],
                 [str(counts(s, r[0])[0]) for s in sources])
        else:
            want("frequency by coder total", r[1:],
                 [str(sum(1 for c in codings if c["coder"] == s)) for s in sources])
    print("\n".join(bad))


main()
