#!/usr/bin/env python3
"""compare.py BASE_BUILD HEAD_BUILD ROUNDS BENCH...: runs each benchmark
program of two builds in turn (base, head, base, head ...) ROUNDS times,
on the same machine in the same run, and prints every figure of its output
as the median over the rounds for base and head with the ratio head/base.

A figure is a number in an output line; lines are matched by position and
by their text with the numbers taken out, so any benchmark that prints the
same lines each run can be compared without a parser of its own. Ratios
above 1 mean head printed a larger number: slower for a time, faster for a
rate (the line says which it is).
"""
import os
import re
import statistics
import subprocess
import sys

NUM = re.compile(r"-?\d+(?:\.\d+)?")


def shape_of(line):
    """A line's text without its numbers and its spacing."""
    return " ".join(NUM.sub("#", line).split())


def run(build, bench, **extra):
    """The lines bench of build prints; extra is added to its environment."""
    env = dict(os.environ, BUILD=build, AXIAL=os.path.join(build, "axial"),
               **extra)
    out = subprocess.run([os.path.join(build, "bench", bench)], env=env,
                         capture_output=True, text=True, check=True).stdout
    return out.splitlines()


def fmt(x):
    return f"{x:.3f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))


def table(runs):
    """Prints each figure of runs ({column: [lines of one run, ...]}, in
    column order) as the medians of every column, then the ratio of the
    last to the first: [a | b (b/a x)]. The first column's first run
    gives the lines; a constant (a label, a target) is printed once."""
    sides = list(runs)
    first, last = sides[0], sides[-1]
    shape = [NUM.sub("#", l) for l in runs[first][0]]
    same = [shape_of(l) for l in runs[first][0]]
    for i, template in enumerate(shape):
        vals = {}
        for side in sides:
            cols = []
            for lines in runs[side]:
                if i < len(lines) and shape_of(lines[i]) == same[i]:
                    cols.append([float(x) for x in NUM.findall(lines[i])])
            vals[side] = cols
        if any(not vals[side] for side in sides) or "#" not in template:
            print("  " + template)
            continue
        parts = template.split("#")
        out = parts[0]
        for k in range(len(parts) - 1):
            every = {c[k] for side in sides for c in vals[side]}
            med = [statistics.median(c[k] for c in vals[side]) for side in sides]
            if len(every) == 1:     # a constant: a label, a target
                out += fmt(med[0]) + parts[k + 1]
                continue
            ratio = f" ({med[-1] / med[0]:.2f}x)" if med[0] else ""
            out += "[" + " | ".join(fmt(x) for x in med) + ratio + "]" + parts[k + 1]
        print("  " + out)


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    base, head, rounds, benches = argv[0], argv[1], int(argv[2]), argv[3:]
    for bench in benches:
        runs = {"base": [], "head": []}
        for _ in range(rounds):
            runs["base"].append(run(base, bench))
            runs["head"].append(run(head, bench))
        print(f"== {bench}: median of {rounds} runs each, base | head | head/base")
        table(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
