#!/usr/bin/env python3
"""agreement-vectors.py: turn a file of published agreement vectors into
test fixtures.

    scripts/agreement-vectors.py [VECTORS.json] [OUTDIR]

VECTORS.json is given as the first argument: one entry per published case
(name, source, input, expected figures, tolerance); docs/agreement.md §8
lists the cases and their sources.

For every vector it writes OUTDIR/NAME.csv, reliability data in the format
of `axial agree --data` (unit,coder,value; empty = missing), and
OUTDIR/NAME.expect, one line per published figure:

    KEY VALUE TOLERANCE      (KEY as in `axial agree --format csv`)
    KEY undefined

Both tests/test-agreement.c and tests/cli/agree.sh read these files, so a
new vector needs no code: add it to the JSON and run this script.
Defaults: tests/fixtures/agreement/vectors.json (the copy of the vectors
kept with the fixtures) and the folder of VECTORS.json.
"""
import csv
import json
import os
import sys

# Published names -> report keys, per kind of vector.
COMMON = {
    "po": "po", "pe": "pe", "kappa": "kappa", "cohen_kappa": "kappa",
    "ase": "kappa_ase", "ase_h0": "kappa_ase0", "ci95_lower": "kappa_ci_lower",
    "ci95_upper": "kappa_ci_upper", "z": "kappa_z", "scott_pi": "pi",
    "kripp_alpha": "alpha_nominal", "percent_agreement": "po",
    "alpha": "alpha_nominal", "Do": "alpha_nominal_do", "De": "alpha_nominal_de",
    "nominal": "alpha_nominal", "ordinal": "alpha_ordinal",
    "interval": "alpha_interval", "ratio": "alpha_ratio",
    "nominal_Do": "alpha_nominal_do", "nominal_De": "alpha_nominal_de",
    "n_pairable": "alpha_n", "percent_agreement_dkpro": "po",
}
FLEISS = {"Pbar": "fleiss_pbar", "Pe": "fleiss_pe", "kappa": "fleiss_kappa"}


def fmt(v):
    return "" if v is None else str(v)


def rows_of(inp):
    """(unit, coder, value) rows and the category labels (for p_j)."""
    rows, cats = [], None
    if "table" in inp:
        t = inp["table"]
        cats = inp.get("categories") or [str(i + 1) for i in range(len(t))]
        u = 0
        for i, row in enumerate(t):
            for j, n in enumerate(row):
                for _ in range(n):
                    u += 1
                    rows += [(f"u{u}", "A", cats[i]), (f"u{u}", "B", cats[j])]
    elif "coderA" in inp:
        for u, (a, b) in enumerate(zip(inp["coderA"], inp["coderB"]), 1):
            rows += [(f"u{u}", "A", fmt(a)), (f"u{u}", "B", fmt(b))]
    elif "units_by_coder" in inp:
        for coder, vals in inp["units_by_coder"].items():
            for u, v in enumerate(vals, 1):
                rows.append((f"u{u}", coder, fmt(v)))
    elif "units" in inp:
        for u, vals in enumerate(inp["units"], 1):
            for c, v in enumerate(vals, 1):
                rows.append((f"u{u}", f"c{c}", fmt(v)))
    elif "counts" in inp:
        k = len(inp["counts"][0])
        cats = [str(j + 1) for j in range(k)]
        for u, row in enumerate(inp["counts"], 1):
            r = 0
            for j, n in enumerate(row):
                for _ in range(n):
                    r += 1
                    rows.append((f"u{u}", f"r{r}", cats[j]))
    else:
        raise SystemExit(f"unknown input format: {sorted(inp)}")
    return rows, cats


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/agreement/vectors.json"
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(src) or "."
    with open(src, encoding="utf-8") as f:
        vectors = json.load(f)["vectors"]
    for v in vectors:
        name = v["name"]
        rows, cats = rows_of(v["input"])
        with open(os.path.join(out, name + ".csv"), "w", newline="",
                  encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["unit", "coder", "value"])
            w.writerows(rows)
        keys = dict(COMMON)
        if "fleiss_kappa" in v["coefficient"]:
            keys.update(FLEISS)
        tol = v["tolerance"]
        with open(os.path.join(out, name + ".expect"), "w", encoding="utf-8") as f:
            f.write(f"# {name}: {v['source']}\n")
            for key, val in v["expected"].items():
                if key == "p_j":
                    for c, p in zip(cats, val):
                        f.write(f"fleiss_p.{c} {p!r} {tol!r}\n")
                    continue
                if key not in keys:
                    raise SystemExit(f"{name}: no report key for '{key}'")
                if val is None:
                    f.write(f"{keys[key]} undefined\n")
                else:
                    f.write(f"{keys[key]} {val!r} {tol!r}\n")


if __name__ == "__main__":
    main()
