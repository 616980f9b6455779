#!/usr/bin/env python3
"""scale.py BUILD DIR ROUNDS SCALES BENCH...: runs each benchmark program
of BUILD at each scale of SCALES ("1 10": AXIAL_BENCH_SCALE, synth.h), the
scales one after the other in the same run, and prints every figure as
its median over ROUNDS runs at each scale with the ratio of the last scale
to the first, by the lines compare.py matches. Each scale has its own
scratch directory DIR/Nx, so the projects a benchmark leaves for another
(bench-store's for bench-ui) are of its scale.
"""
import os
import sys

from compare import run, table


def main(argv):
    if len(argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    build, top, rounds = argv[0], argv[1], int(argv[2])
    scales, benches = argv[3].split(), argv[4:]
    if not scales or any(not s.isdigit() or not 1 <= int(s) <= 100
                         for s in scales):
        print(f"scale.py: scales are numbers from 1 to 100, not '{argv[3]}'",
              file=sys.stderr)
        return 2
    fail = 0
    for bench in benches:
        runs = {}
        try:
            for s in scales:
                d = os.path.join(top, s + "x")
                os.makedirs(d, exist_ok=True)
                runs[s + "x"] = [run(build, bench, AXIAL_BENCH_SCALE=s,
                                     AXIAL_BENCH_DIR=d) for _ in range(rounds)]
        except Exception as e:      # one benchmark failing ends no other
            print(f"== {bench}: failed ({e})")
            fail = 1
            continue
        print(f"== {bench}: median of {rounds} run(s) at "
              + " | ".join(runs) + f" | {list(runs)[-1]}/{list(runs)[0]}")
        table(runs)
        sys.stdout.flush()
    return fail


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
