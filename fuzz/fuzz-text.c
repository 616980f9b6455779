/*
 * fuzz-text.c: the text engine (text.h) on arbitrary bytes.
 *
 * Input: one byte of options (direction, shaping, bidi), two widths, then
 * the document text (any bytes: invalid UTF-8 is part of the contract).
 * Checks, besides the sanitizers: paragraphs tile the document; every line
 * lies in its paragraph, its cells cover each of its code points exactly
 * once and fit the width; locate and offset_at agree on cell starts;
 * selection runs stay on the line; grapheme and word motion always move and
 * stay in range; a width change and back gives the same line count;
 * text_bidi_line orders a permutation.
 */
#include <stdbool.h>
#include <string.h>
#include <unistr.h>

#include "text/text.h"
#include "fuzz.h"

#define MAX_LINES 4000	/* keeps one input fast */

static void
check_line(struct text_layout *l, size_t i, const struct text_doc *d,
    int width, unsigned char *seen, size_t doclen)
{
	struct text_line ln;
	struct text_run runs[8];
	size_t ps, pe, k, covered = 0, nr, s, e;
	int cols = 0;
	char u8[TEXT_CELL_MARKS * 8 + 64];

	text_layout_line(l, i, &ln);
	text_doc_paragraph(d, ln.para, &ps, &pe);
	FZ_CHECK(ps <= ln.start && ln.start <= ln.end && ln.end <= pe);
	FZ_CHECK(ln.x >= 0 && ln.cols >= 0);
	FZ_CHECKF(ln.x + ln.cols <= width, "line %zu [%zu, %zu) x %d cols %d width %d",
	    i, ln.start, ln.end, ln.x, ln.cols, width);
	memset(seen, 0, ln.end - ln.start);
	for (k = 0; k < ln.ncells; k++) {
		const struct text_cell *c = &ln.cells[k];
		size_t o, n;

		FZ_CHECK(ln.start <= c->start && c->start < c->end && c->end <= ln.end);
		for (o = c->start; o < c->end; o++) {
			FZ_CHECK(!seen[o - ln.start]);
			seen[o - ln.start] = 1;
		}
		covered += c->end - c->start;
		cols += c->cols;
		FZ_CHECK(c->cols <= 2 || (c->flags & TEXT_CELL_SPREAD));
		n = text_cell_utf8(&ln, c, u8, sizeof u8);
		FZ_CHECK(n < sizeof u8 && u8[n] == '\0');
		FZ_CHECK(u8_check((const uint8_t *)u8, n) == NULL);
		if (c->cols > 0 && ln.x + cols <= width) {
			size_t li;
			int col;

			text_layout_locate(l, c->start, &li, &col);
			FZ_CHECK(li == i);
			FZ_CHECK(text_layout_offset_at(l, li, col) == c->start);
		}
	}
	FZ_CHECK(covered == ln.end - ln.start);
	FZ_CHECK(cols == ln.cols);
	/* a selection around the line and one inside it */
	for (s = ln.start; s <= ln.end + 1; s += 1 + (ln.end - ln.start) / 3) {
		e = s + 1 + (i % 5);
		nr = text_layout_runs(l, i, s, e, runs, 8);
		for (k = 0; k < nr && k < 8; k++) {
			FZ_CHECK(runs[k].cols > 0 && runs[k].x >= ln.x);
			FZ_CHECK(runs[k].x + runs[k].cols <= ln.x + ln.cols);
			FZ_CHECK(k == 0 || runs[k].x > runs[k - 1].x + runs[k - 1].cols - 1);
		}
	}
	(void)doclen;
}

/* Caret motion from a sample of offsets: each call decodes a whole
 * paragraph, so walking every offset would be quadratic. */
static void
check_motion(const struct text_doc *d, size_t len)
{
	size_t i, off, g, next, prev;

	for (i = 0; i < 48; i++) {
		off = i < 16 ? i : (len + 2) * (i - 16) / 31;
		g = text_doc_grapheme_start(d, off);
		FZ_CHECK(g <= off);
		if (off > len)
			FZ_CHECK(g <= len);
		next = text_doc_next_grapheme(d, g);
		FZ_CHECK(g >= len ? next == len : next > g && next <= len);
		if (g < len) {
			prev = text_doc_prev_grapheme(d, next);
			FZ_CHECK(prev < next && prev <= g);
		}
		next = text_doc_next_word(d, off);
		FZ_CHECK(off >= len ? next == len : next > off && next <= len);
		prev = text_doc_prev_word(d, off);
		FZ_CHECK(off == 0 ? prev == 0 : prev < off && prev <= len);
	}
	FZ_CHECK(text_doc_prev_grapheme(d, 0) == 0);
}

static void
check_bidi(const uint8_t *s, size_t n, enum text_dir dir)
{
	uint32_t cp[256];
	int8_t levels[256];
	size_t order[256], norder = 0, m = 0, i;
	unsigned char used[256] = {0};
	bool rtl;

	while (n > 0 && m < 256 && *s != '\n') {
		ucs4_t c;
		int k = u8_mbtouc(&c, s, n);

		cp[m++] = c;
		s += k;
		n -= (size_t)k;
	}
	if (text_bidi_line(cp, m, dir, &rtl, levels, order, &norder) != 0)
		return;
	FZ_CHECK(norder <= m);
	for (i = 0; i < norder; i++) {
		FZ_CHECK(order[i] < m && !used[order[i]]);
		used[order[i]] = 1;
	}
	for (i = 0; i < m; i++)
		FZ_CHECK(levels[i] >= 0 && levels[i] <= 126);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz f;
	struct text_opts o;
	struct text_doc *d;
	struct text_layout *l;
	size_t len, tlen, np, p, ps, pe, prev_end = 0, nlines, i, sum;
	const uint8_t *text;
	unsigned char *seen;
	int w1, w2;
	uint8_t b;

	fz_init(&f, data, size);
	b = fz_u8(&f);
	text_opts_default(&o);
	o.dir = (enum text_dir)(b & 3);
	o.shaping = (enum text_shaping)((b >> 2) & 3) % 3;
	o.bidi = (enum text_bidi)((b >> 4) & 1);
	w1 = fz_u8(&f) % 130;	/* below 8 tests the clamp */
	w2 = fz_u8(&f) % 130;
	text = fz_bytes(&f, f.n, &tlen);

	d = text_doc_new((const char *)text, tlen);
	len = text_doc_length(d);
	np = text_doc_paragraphs(d);
	FZ_CHECK(np <= len + 1);
	for (p = 0; p < np; p++) {
		text_doc_paragraph(d, p, &ps, &pe);
		FZ_CHECK(ps <= pe && pe <= len);
		/* LF, or CR LF, between paragraphs */
		FZ_CHECK(p == 0 ? ps == 0 : ps == prev_end + 1 || ps == prev_end + 2);
		FZ_CHECK(text_doc_paragraph_at(d, ps) == p);
		prev_end = pe;
	}
	FZ_CHECK(np == 0 || (prev_end <= len && prev_end + 2 >= len));
	check_motion(d, len);

	l = text_layout_new(d, &o, w1);
	FZ_CHECK(text_layout_width(l) == (w1 < 8 ? 8 : w1));
	seen = malloc(len + 1);
	nlines = text_layout_lines(l);
	FZ_CHECK(nlines >= np);
	for (i = 0; i < nlines && i < MAX_LINES; i++)
		check_line(l, i, d, text_layout_width(l), seen, len);
	for (p = 0, sum = 0; p < np; p++) {
		size_t n, first = text_layout_para_first(l, p, &n);

		FZ_CHECK(first == sum && n >= 1);
		sum += n;
	}
	FZ_CHECK(sum == nlines);
	text_layout_set_width(l, w2);
	for (i = 0; i < text_layout_lines(l) && i < MAX_LINES; i++)
		check_line(l, i, d, text_layout_width(l), seen, len);
	text_layout_set_width(l, w1);
	FZ_CHECK(text_layout_lines(l) == nlines);
	if (np > 0) {	/* streaming as `axial cat` does */
		size_t n = text_layout_para_lines(l, np - 1);
		struct text_line ln;

		text_layout_para_line(l, np - 1, n - 1, &ln);
		FZ_CHECK(ln.last);
		text_layout_forget(l, np - 1);
	}
	text_layout_free(l);
	text_doc_free(d);
	free(seen);
	check_bidi(text, tlen, o.dir);
	return 0;
}
