#!/usr/bin/env python3
# terminal-compare.py COLS ROWS REF.ppm SHOT.ppm: how closely a terminal's
# screenshot of the workbench matches the reference screenshot (xterm, which
# does no bidi and so shows axial's cells as sent), cell by cell. Used by
# scripts/terminal-check.sh; see docs/bidi.md §2.4 for what it can and
# cannot tell.
#
# Each screenshot is one terminal window. Its background is its most common
# colour; a pixel's ink is how far it is from it. The cell grid is found
# from the workbench's own status line, a reverse-video bar across the
# next-to-last row: its ends are the grid's left and right edges, its
# height the cell height, its top that of row ROWS-2. Each
# cell becomes its mean ink, so fonts, sizes and padding differ freely.
# Rows are compared by correlation: a terminal that reorders the cells
# again shows right-to-left rows reversed, which correlate poorly. The 0.9
# threshold was set on this machine (2026-12-07): rows drawn right scored
# 0.96 and more, rows of a terminal that reorders or reverses 0.85 and
# less.
# Prints one line per row that differs and a last line
# "rows N same S differ D worst W".
import sys

SUB = 3


def load_ppm(path):
    with open(path, 'rb') as f:
        data = f.read()
    # P6, width, height, maxval, then the pixels; no comments from convert
    parts = data.split(maxsplit=4)
    if parts[0] != b'P6':
        sys.exit('%s: not a binary PPM' % path)
    w, h = int(parts[1]), int(parts[2])
    return w, h, parts[4][:w * h * 3]


def grid(path, cols, rows):
    w, h, px = load_ppm(path)
    counts = {}
    for i in range(0, len(px), 3 * 7):	# a sample is enough for the mode
        c = px[i:i + 3]
        counts[c] = counts.get(c, 0) + 1
    bg = max(counts, key=counts.get)

    def ink(x, y):
        i = (y * w + x) * 3
        return max(abs(px[i] - bg[0]), abs(px[i + 1] - bg[1]),
                   abs(px[i + 2] - bg[2])) / 255.0

    frac = []
    for y in range(h):
        n = sum(1 for x in range(0, w, 2) if ink(x, y) > 0.5)
        frac.append(n / ((w + 1) // 2))
    bars = [y for y in range(h) if frac[y] > 0.6]
    if not bars:
        sys.exit('%s: no status line found (is the workbench on screen?)'
                 % path)
    # the last band of full-width rows is the status line: its height is
    # the cell height, its top that of row ROWS-2
    bottom = bars[-1] + 1
    k = len(bars) - 1
    while k > 0 and bars[k - 1] == bars[k] - 1:
        k -= 1
    ch = bottom - bars[k]
    top = bars[k] - (rows - 2) * ch
    # its longest run of ink on its top pixel row, above the letters: a
    # scrollbar or border beside it is no cell
    ys = bars[k]
    best = (0, 0)
    x = 0
    while x < w:
        if ink(x, ys) > 0.5:
            x0 = x
            while x < w and ink(x, ys) > 0.5:
                x += 1
            if x - x0 > best[1] - best[0]:
                best = (x0, x)
        x += 1
    left, right = best
    cw = (right - left) / cols
    # each cell as SUB x SUB means of its ink: where in the cell the
    # strokes are, so two different letters of equal ink still differ
    m = []
    for r in range(rows):
        row = []
        for c in range(cols):
            for sy in range(SUB):
                for sx in range(SUB):
                    x0 = int(left + (c + sx / SUB) * cw)
                    x1 = int(left + (c + (sx + 1) / SUB) * cw)
                    y0 = max(int(top + (r + sy / SUB) * ch), 0)
                    y1 = min(int(top + (r + (sy + 1) / SUB) * ch), h)
                    t = n = 0
                    for y in range(y0, y1):
                        for x in range(x0, x1):
                            t += ink(x, y)
                            n += 1
                    row.append(t / n if n else 0.0)
        m.append(row)
    return m


def corr(a, b):
    n = len(a)
    ma, mb = sum(a) / n, sum(b) / n
    va = sum((x - ma) ** 2 for x in a)
    vb = sum((y - mb) ** 2 for y in b)
    if va < 1e-9 and vb < 1e-9:
        return 1.0
    if va < 1e-9 or vb < 1e-9:
        return 0.0
    return sum((x - ma) * (y - mb) for x, y in zip(a, b)) / (va * vb) ** 0.5


def main():
    if len(sys.argv) != 5:
        sys.exit('usage: terminal-compare.py COLS ROWS REF.ppm SHOT.ppm')
    cols, rows = int(sys.argv[1]), int(sys.argv[2])
    ref = grid(sys.argv[3], cols, rows)
    shot = grid(sys.argv[4], cols, rows)
    same = differ = 0
    worst = 1.0
    for r in range(rows):
        if max(ref[r]) < 0.02 and max(shot[r]) < 0.02:
            continue	# blank in both
        k = corr(ref[r], shot[r])
        worst = min(worst, k)
        if k >= 0.9:
            same += 1
        else:
            differ += 1
            print('row %d differs (correlation %.2f)' % (r, k))
    print('rows %d same %d differ %d worst %.2f' % (same + differ, same,
          differ, worst))


main()
