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


def run(build, bench):
    env = dict(os.environ, BUILD=build, AXIAL=os.path.join(build, "axial"))
    out = subprocess.run([os.path.join(build, "bench", bench)], env=env,
                         capture_output=True, text=True, check=True).stdout
    return out.splitlines()


def fmt(x):
    return f"{x:.3f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))


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
        shape = [NUM.sub("#", l) for l in runs["base"][0]]
        same = [shape_of(l) for l in runs["base"][0]]
        for i, template in enumerate(shape):
            vals = {}
            for side in runs:
                cols = []
                for lines in runs[side]:
                    if i < len(lines) and shape_of(lines[i]) == same[i]:
                        cols.append([float(x) for x in NUM.findall(lines[i])])
                vals[side] = cols
            if not vals["base"] or not vals["head"] or "#" not in template:
                print("  " + template)
                continue
            parts = template.split("#")
            out = parts[0]
            for k in range(len(parts) - 1):
                every = {c[k] for side in vals for c in vals[side]}
                b = statistics.median(c[k] for c in vals["base"])
                h = statistics.median(c[k] for c in vals["head"])
                if len(every) == 1:     # a constant: a label, a target
                    out += fmt(b) + parts[k + 1]
                    continue
                ratio = f" ({h / b:.2f}x)" if b else ""
                out += f"[{fmt(b)} | {fmt(h)}{ratio}]" + parts[k + 1]
            print("  " + out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
