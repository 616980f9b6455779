# matrix_figures.py PROJECT SOURCE ROWS COLS COUNT JSON: every figure of
# `axial matrix --format json` (in the file JSON) computed again straight
# from the project's tables with SQL (python's sqlite3), by the definitions
# of docs/matrices.md: the cells, the row and column totals, the grand
# total and both percentages. Prints one line per figure that differs,
# nothing when all agree. Rows are compared by name and cells by column
# label, so the order axial chose is not assumed.
import json
import sqlite3
import sys

path, source, rows, cols, count, out = sys.argv[1:7]
db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
got = json.load(open(out, encoding="utf-8"))
bad = []

coder = db.execute("SELECT id FROM coders WHERE login = ?", (source,)).fetchone()[0]
nodes = {i: (p, k, n) for i, p, k, n in
         db.execute("SELECT id, parent_id, kind, name FROM nodes")}
docs = {i: n for i, n in db.execute("SELECT id, name FROM documents")}
codings = db.execute("SELECT id, doc_id, node_id, start, end FROM codings "
                     "WHERE coder_id = ?", (coder,)).fetchall()


def ancestors(n):
    out = []
    while n is not None:
        out.append(n)
        n = nodes[n][0]
    return out


def members(r):
    """The coding ids a row counts: its code's, or any code's under it."""
    return {c[0] for c in codings if r in ancestors(c[2])}


kind = "code" if rows == "codes" else "category"
row_ids = [i for i, v in nodes.items() if v[1] == kind]


def pct(c, n):
    return 100.0 * c / n if n else 0.0


def near(a, b):
    return abs(a - b) < 1e-5


def put(what, want, have):
    if want != have:
        bad.append("%s: want %r, axial %r" % (what, want, have))


def check_pct(what, want, have):
    if not near(want, have):
        bad.append("%s: want %r, axial %r" % (what, want, have))


if cols == "codes":
    used = [i for i in nodes if nodes[i][1] == "code" and
            any(c[2] == i for c in codings)]
    texts = {i: t for i, t in db.execute("SELECT id, text FROM document_text")}

    def para(doc, cp):
        return texts[doc][:cp].count("\n") + 1

    def cell(i, j):
        ci = [c for c in codings if c[2] == i]
        cj = [c for c in codings if c[2] == j]
        if count == "segments":
            if i == j:
                return len(ci)
            return sum(1 for x in ci for y in cj
                       if x[1] == y[1] and x[3] < y[4] and y[3] < x[4])
        if count == "paragraphs":
            pi = {(x[1], p) for x in ci
                  for p in range(para(x[1], x[3]), para(x[1], x[4] - 1) + 1)}
            pj = {(x[1], p) for x in cj
                  for p in range(para(x[1], x[3]), para(x[1], x[4] - 1) + 1)}
            return len(pi & pj)
        return len({x[1] for x in ci} & {y[1] for y in cj})
    names = {nodes[i][2]: i for i in used}
    put("columns", sorted(names), sorted(c["label"] for c in got["columns"]))
    put("rows", sorted(names), sorted(r["name"] for r in got["rows"]))
    for r in got["rows"]:
        for c, v in zip(got["columns"], r["cells"]):
            if r["name"] in names and c["label"] in names:
                put("%s x %s" % (r["name"], c["label"]),
                    cell(names[r["name"]], names[c["label"]]), v)
else:
    if cols == "documents":
        colof = {d: docs[d] for d in docs}
    else:
        attr = cols[5:]
        val = dict(db.execute("SELECT doc_id, value FROM attributes "
                              "WHERE key = ?", (attr,)).fetchall())
        colof = {d: val.get(d) for d in docs}    # None: the (none) column
    labels = set(colof.values())
    put("columns", sorted(labels, key=str),
        sorted((c["label"] for c in got["columns"]), key=str))
    docs_in = {l: {d for d in docs if colof[d] == l} for l in labels}

    def measure(ids, ds):
        hit = [c for c in codings if c[0] in ids and c[1] in ds]
        return len(hit) if count == "segments" else len({c[1] for c in hit})
    union = set()
    for r in row_ids:
        union |= members(r)
    coltot = {l: measure(union, docs_in[l]) if count == "segments"
              else len(docs_in[l]) for l in labels}
    for c in got["columns"]:
        put("total of column %s" % c["label"], coltot.get(c["label"]),
            c["total"])
    put("grand total", measure(union, set(docs)) if count == "segments"
        else len(docs), got["total"])
    want = sorted((nodes[r][2], tuple(measure(members(r), docs_in[c["label"]])
                                      for c in got["columns"]),
                   measure(members(r), set(docs))) for r in row_ids)
    have = sorted((r["name"], tuple(r["cells"]), r["total"])
                  for r in got["rows"])
    put("rows (name, cells, total)", want, have)
    for r in got["rows"]:
        for k, c in enumerate(got["columns"]):
            check_pct("row %% %s x %s" % (r["name"], c["label"]),
                      pct(r["cells"][k], r["total"]), r["row_percent"][k])
            check_pct("column %% %s x %s" % (r["name"], c["label"]),
                      pct(r["cells"][k], coltot[c["label"]]),
                      r["col_percent"][k])
for line in bad[:20]:
    print(line)
