/*
 * test-text-layout.c: properties of wrapped, reordered lines over mixed
 * Persian/English paragraphs (docs/bidi.md §9.2), the worked example of
 * docs/bidi.md §4.6, shaping, the display filter, the cache and caret
 * motion.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <fribidi.h>
#include <unistr.h>
#include <uniwidth.h>

#include "text/text.h"
#include "base/util.h"

static uint32_t seed = 12345;

static uint32_t
rnd(uint32_t n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 8) % n;
}

static const char *const tokens[] = {
	"گفت", "من", "کتاب", "را", "در", "سال", "۱۴۰۲", "خواندم", "می‌خواهم",
	"نمی‌دانم", "مصاحبه", "پژوهش", "کیفی", "سلام", "اللّه", "كتاب", "يك",
	"و", "که", "این", "بچه‌ها", "هم", "(خانه)", "«شهر»", "[یادداشت]",
	"۲۵٪", "3.5%", "12/05", "۱۲٫۵", "٤٥", "NGO", "UNICEF", "sample",
	"interview", "the", "of", "coding", "(ok)", "\"quoted\"", "e-mail",
	"Tehran,", "COVID-19", "ـــ", "تـــو", "ََ", "بِسْم", "a", "I",
	"-", ":", ".", "،", "؟", "!", "→", "漢字", "\xe2\x80\x8f", "\xe2\x80\x8e",
	"x\xe2\x80\x8dy", "\xe2\x81\xa7", "\xe2\x81\xa9", "\xe2\x80\xae",
	"\x1b[2J", "\t", "\xc2\x9b", "\xc0\xaf", "verylongenglishwordwithoutanybreaks",
	"خیلی‌خیلی‌طولانی‌بدون‌فاصله‌واقعا",
};

/* A document of np random paragraphs (caller frees). */
static char *
random_doc(size_t np, size_t *len)
{
	struct buf b = { 0 };
	size_t p, k, nt;

	for (p = 0; p < np; p++) {
		nt = rnd(40);
		for (k = 0; k < nt; k++) {
			if (k > 0 && rnd(8) != 0)
				buf_putc(&b, ' ');
			/* mostly the first, ordinary tokens */
			buf_puts(&b, tokens[rnd(8) ? rnd(54) : rnd(AX_ARRAY_LEN(tokens))]);
		}
		buf_putc(&b, '\n');
	}
	*len = b.len;
	return buf_take(&b);
}

static bool
is_control(uint32_t c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
}

/* All properties of one layout. */
static void
check_layout(struct text_doc *d, struct text_layout *l, int width,
    enum text_bidi bidi)
{
	size_t total = text_doc_length(d), nl = text_layout_lines(l), i, k, off;
	unsigned char *seen = xcalloc(total + 1, 1);
	size_t p = 0, pend = 0, pstart = 0;

	for (i = 0; i < nl; i++) {
		struct text_line ln;
		size_t expect;
		int x, sum = 0;

		text_layout_line(l, i, &ln);
		if (i == 0 || ln.para != p) {
			/* a new paragraph starts where the last one ended */
			assert_true(i == 0 || ln.para == p + 1);
			p = ln.para;
			text_doc_paragraph(d, p, &pstart, &pend);
			assert_int_equal(ln.start, pstart);
		}
		expect = ln.start;
		assert_true(ln.end <= pend);
		assert_true(ln.last == (ln.end == pend));
		for (k = 0; k < ln.ncells; k++) {
			const struct text_cell *c = &ln.cells[k];
			size_t g;

			assert_true(c->start < c->end);
			assert_true(c->start >= ln.start && c->end <= ln.end);
			for (off = c->start; off < c->end; off++)
				seen[off]++;
			sum += c->cols;
			if (bidi == TEXT_BIDI_TERMINAL) {	/* logical order */
				assert_int_equal(c->start, expect);
				expect = c->end;
			}
			for (g = 0; g < c->nglyph; g++)
				assert_false(is_control(ln.glyphs[c->glyph + g]));
			if (c->flags & TEXT_CELL_SPREAD) {
				assert_int_equal(c->nglyph, c->cols);
			} else if (c->cols > 0) {
				/* a base of the cell's width, then marks only */
				assert_int_equal(uc_width(ln.glyphs[c->glyph], "UTF-8"),
				    c->cols);
				for (g = 1; g < c->nglyph; g++)
					assert_int_equal(uc_width(
					    ln.glyphs[c->glyph + g], "UTF-8"), 0);
			}
		}
		assert_int_equal(sum, ln.cols);
		assert_true(ln.cols <= width);
		assert_true(ln.x >= 0 && ln.x + ln.cols <= width);
		if (bidi == TEXT_BIDI_TERMINAL)
			assert_int_equal(ln.x, 0);

		/* the two maps invert each other on every cell */
		for (x = ln.x, k = 0; k < ln.ncells; k++) {
			const struct text_cell *c = &ln.cells[k];
			size_t li;
			int col;

			if (c->cols > 0) {
				int dx;

				for (dx = 0; dx < c->cols; dx++)
					assert_int_equal(text_layout_offset_at(l, i,
					    x + dx), c->start);
				for (off = c->start; off < c->end; off++) {
					text_layout_locate(l, off, &li, &col);
					assert_int_equal(li, i);
					assert_int_equal(col, x);
				}
			}
			x += c->cols;
		}
	}
	for (p = 0; p < text_doc_paragraphs(d); p++) {
		text_doc_paragraph(d, p, &pstart, &pend);
		for (off = pstart; off < pend; off++)
			assert_int_equal(seen[off], 1);	/* exactly one cell */
		if (pend < total)
			assert_int_equal(seen[pend], 0);	/* the LF: none */
	}
	free(seen);
}

/* Selection runs equal the columns of the cells meeting [s, e). */
static void
check_runs(struct text_layout *l, size_t s, size_t e)
{
	size_t nl = text_layout_lines(l), i, k, nr, r;
	int width = text_layout_width(l);
	char *want = xmalloc((size_t)width + 1), *got = xmalloc((size_t)width + 1);
	struct text_run runs[64];

	for (i = 0; i < nl; i++) {
		struct text_line ln;
		int x;

		text_layout_line(l, i, &ln);
		memset(want, 0, (size_t)width + 1);
		memset(got, 0, (size_t)width + 1);
		for (x = ln.x, k = 0; k < ln.ncells; k++) {
			const struct text_cell *c = &ln.cells[k];

			if (c->end > s && c->start < e)
				memset(want + x, 1, c->cols);
			x += c->cols;
		}
		nr = text_layout_runs(l, i, s, e, runs, 64);
		assert_true(nr <= 64);
		for (r = 0; r < nr; r++) {
			assert_true(runs[r].cols > 0);
			assert_true(runs[r].x >= 0 && runs[r].x + runs[r].cols <= width);
			/* maximal: runs never touch */
			if (r > 0)
				assert_true(runs[r - 1].x + runs[r - 1].cols < runs[r].x);
			memset(got + runs[r].x, 1, (size_t)runs[r].cols);
		}
		assert_memory_equal(want, got, (size_t)width + 1);
	}
	free(want);
	free(got);
}

static void
test_properties(void **state)
{
	static const int widths[] = { 8, 13, 20, 37, 80 };
	static const enum text_dir dirs[] = {
		TEXT_DIR_AUTO, TEXT_DIR_AUTO_RTL, TEXT_DIR_RTL, TEXT_DIR_LTR,
	};
	int round;

	(void)state;
	for (round = 0; round < 12; round++) {
		size_t len, w, j;
		char *text = random_doc(30, &len);
		struct text_doc *d = text_doc_new(text, len);
		struct text_opts o;

		text_opts_default(&o);
		o.dir = dirs[round % 4];
		o.shaping = round % 3 == 2 ? TEXT_SHAPING_OFF : TEXT_SHAPING_APP;
		o.bidi = round % 5 == 4 ? TEXT_BIDI_TERMINAL : TEXT_BIDI_APP;
		for (w = 0; w < AX_ARRAY_LEN(widths); w++) {
			struct text_layout *l = text_layout_new(d, &o, widths[w]);
			size_t total = text_doc_length(d);

			check_layout(d, l, widths[w], o.bidi);
			for (j = 0; j < 20; j++) {
				size_t s = rnd((uint32_t)total + 1);
				size_t e = s + rnd(60);

				check_runs(l, s, e);
			}
			text_layout_free(l);
		}
		text_doc_free(d);
		free(text);
	}
}

/*
 * Found by fuzz/fuzz-text.c: a prepended concatenation mark (U+0600-0605,
 * U+06DD, grapheme class Prepend) joins the next character into its
 * cluster, so the unit after it is no grapheme boundary. A word that
 * reached the width there was not cut at all and the line came out wider
 * than the pane (41 columns at width 40).
 */
static void
test_prepend_wrap(void **state)
{
	static const char *const texts[] = {
		"abcdefgh\xd8\x85x",			/* U+0605 at the edge */
		"abcdefg\xd8\x85xyz",			/* one column earlier */
		"\xd8\x85\xd8\x85\xd8\x85\xd8\x85\xd8\x85\xd8\x85"
		    "\xd8\x85\xd8\x85\xd8\x85\xd8\x85x",	/* one long cluster */
		"abcdefgh\xdb\x9d\xd9\xa1\xd9\xa2 \xd8\x80x",	/* U+06DD, U+0600 */
		"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
		    "\xef\xbf\xbd\xef\xbf\xbdO \xd8\x85\xef\xbf\xbd ",
	};
	static const int widths[] = { 8, 9, 10, 11 };
	size_t t, w, dir;

	(void)state;
	for (t = 0; t < AX_ARRAY_LEN(texts); t++)
		for (dir = 0; dir < 4; dir++)
			for (w = 0; w < AX_ARRAY_LEN(widths); w++) {
				struct text_doc *d = text_doc_new(texts[t], strlen(texts[t]));
				struct text_opts o;
				struct text_layout *l;

				text_opts_default(&o);
				o.dir = (enum text_dir)dir;
				o.bidi = dir & 1 ? TEXT_BIDI_TERMINAL : TEXT_BIDI_APP;
				l = text_layout_new(d, &o, widths[w]);
				check_layout(d, l, widths[w], o.bidi);
				text_layout_free(l);
				text_doc_free(d);
			}
}

/* Random bytes (invalid UTF-8, controls, any code point) keep every
 * property; meant to run under ASan too. */
static void
test_random_bytes(void **state)
{
	static const uint8_t pieces[][4] = {
		{ 0xd8, 0xa7 }, { 0xdb, 0x8c }, { 0xe2, 0x80, 0x8c }, { 0xe2, 0x80, 0xae },
		{ 0xe2, 0x81, 0xa6 }, { 0xcc, 0x81 }, { 0xd9, 0x8e }, { 0xf0, 0x9f, 0x98, 0x80 },
		{ 0xe4, 0xb8, 0xad }, { 0xc2, 0x9b }, { 0xef, 0xbb, 0xbf }, { '(' }, { ' ' },
		{ '\t' }, { 0x1b }, { '1' }, { 'a' },
	};
	int round;

	(void)state;
	for (round = 0; round < 200; round++) {
		struct buf b = { 0 };
		size_t k, n = rnd(300);
		struct text_doc *d;
		struct text_layout *l;
		struct text_opts o;
		int width = 8 + (int)rnd(40);

		for (k = 0; k < n; k++) {
			if (rnd(3) == 0) {
				buf_putc(&b, (char)rnd(256));
			} else {
				const uint8_t *p = pieces[rnd(AX_ARRAY_LEN(pieces))];
				size_t len = p[0] < 0x80 ? 1 : p[0] < 0xe0 ? 2 :
				    p[0] < 0xf0 ? 3 : 4;

				buf_add(&b, p, len);
			}
		}
		buf_putc(&b, 0);	/* keep b.s non-NULL; the NUL is text too */
		d = text_doc_new(b.s, b.len);
		text_opts_default(&o);
		o.dir = (enum text_dir)rnd(4);
		o.shaping = (enum text_shaping)rnd(3);
		o.bidi = (enum text_bidi)rnd(2);
		l = text_layout_new(d, &o, width);
		check_layout(d, l, width, o.bidi);
		check_runs(l, rnd((uint32_t)text_doc_length(d) + 1), rnd(400));
		text_layout_free(l);
		text_doc_free(d);
		buf_done(&b);
	}
}

/* Offsets are counted lazily; any access order gives the same index. */
static void
test_lazy_index(void **state)
{
	static const char text[] = "a\xc0\xafب\r\nکتاب \xe2\x80\n\n\xff\xfe"
	    "x\nlast \xf0\x9f\x98\x80\n";
	struct text_opts o;
	size_t order, p, np, s0, e0, s1, e1;

	(void)state;
	text_opts_default(&o);
	for (order = 0; order < 3; order++) {
		struct text_doc *ref = text_doc_new(text, sizeof text - 1);
		struct text_doc *d = text_doc_new(text, sizeof text - 1);
		struct text_layout *l = text_layout_new(d, &o, 20);

		np = text_doc_paragraphs(d);
		assert_int_equal(np, 5);
		assert_int_equal(text_doc_length(ref), 25);
		if (order == 0)		/* streaming, as axial cat */
			for (p = 0; p < np; p++)
				text_layout_para_lines(l, p);
		else if (order == 1)	/* a late paragraph first */
			text_layout_para_lines(l, 3);
		else			/* from the end */
			for (p = np; p-- > 0;)
				text_layout_para_lines(l, p);
		for (p = 0; p < np; p++) {
			text_doc_paragraph(ref, p, &s0, &e0);
			text_doc_paragraph(d, p, &s1, &e1);
			assert_int_equal(s0, s1);
			assert_int_equal(e0, e1);
		}
		assert_int_equal(text_doc_length(d), 25);
		check_layout(d, l, 20, o.bidi);
		text_layout_free(l);
		text_doc_free(d);
		text_doc_free(ref);
	}
}

/* docs/bidi.md §4.6: the worked example at 20 columns. */
static void
test_example(void **state)
{
	static const char text[] =
	    "گفت: «من 3 sample کتاب را در سال ۱۴۰۲ خواندم» (ok)";
	struct text_doc *d = text_doc_new(text, strlen(text));
	struct text_opts o;
	struct text_layout *l;
	struct text_line ln;
	struct text_run runs[4];
	size_t nr, k;
	bool mirrored = false;

	(void)state;
	text_opts_default(&o);
	o.shaping = TEXT_SHAPING_OFF;
	l = text_layout_new(d, &o, 20);
	assert_int_equal(text_layout_lines(l), 3);
	text_layout_line(l, 0, &ln);
	assert_true(ln.rtl);
	assert_int_equal(ln.start, 0);
	assert_int_equal(ln.end, 18);
	assert_int_equal(ln.x, 2);	/* right-aligned */
	/* « at logical 5 shows mirrored as » */
	for (k = 0; k < ln.ncells; k++)
		if (ln.cells[k].start == 5)
			mirrored = ln.glyphs[ln.cells[k].glyph] == 0x00bb;
	assert_true(mirrored);
	nr = text_layout_runs(l, 0, 6, 20, runs, 4);
	assert_int_equal(nr, 1);
	assert_int_equal(runs[0].x, 2 + 0);	/* cells 0-11 */
	assert_int_equal(runs[0].cols, 12);
	text_layout_line(l, 1, &ln);
	assert_int_equal(ln.start, 18);
	assert_int_equal(ln.end, 38);
	nr = text_layout_runs(l, 1, 6, 20, runs, 4);
	assert_int_equal(nr, 1);
	assert_int_equal(runs[0].x, 18);	/* the last two cells */
	assert_int_equal(runs[0].cols, 2);
	text_layout_line(l, 2, &ln);
	assert_int_equal(ln.start, 38);
	assert_int_equal(ln.end, 50);
	assert_int_equal(text_layout_runs(l, 2, 6, 20, runs, 4), 0);
	text_layout_free(l);
	text_doc_free(d);
}

/* The glyphs of line i, as a 0-terminated UCS-4 array (static). */
static const uint32_t *
line_glyphs(struct text_layout *l, size_t i)
{
	static uint32_t g[256];
	struct text_line ln;
	size_t k, n = 0, j;

	text_layout_line(l, i, &ln);
	for (k = 0; k < ln.ncells; k++)
		for (j = 0; j < ln.cells[k].nglyph && n < 255; j++)
			g[n++] = ln.glyphs[ln.cells[k].glyph + j];
	g[n] = 0;
	return g;
}

static void
test_shaping(void **state)
{
	/* سلام: no lam-alef ligature; one cell per letter, visual order */
	static const uint32_t salam[] = { 0xfee1, 0xfe8e, 0xfee0, 0xfeb3, 0 };
	/* می‌خواهم: ZWNJ breaks the join (final yeh, initial kheh) */
	static const char mikh[] = "می‌خواهم";
	struct text_doc *d = text_doc_new("سلام", strlen("سلام"));
	struct text_opts o;
	struct text_layout *l;
	const uint32_t *g;

	(void)state;
	text_opts_default(&o);
	l = text_layout_new(d, &o, 80);
	assert_memory_equal(line_glyphs(l, 0), salam, sizeof salam);
	text_layout_free(l);
	o.shaping = TEXT_SHAPING_OFF;	/* base letters, still reordered */
	l = text_layout_new(d, &o, 80);
	g = line_glyphs(l, 0);
	assert_int_equal(g[0], 0x0645);
	assert_int_equal(g[3], 0x0633);
	text_layout_free(l);
	o.bidi = TEXT_BIDI_TERMINAL;	/* logical order */
	l = text_layout_new(d, &o, 80);
	assert_int_equal(line_glyphs(l, 0)[0], 0x0633);
	text_layout_free(l);
	text_doc_free(d);

	d = text_doc_new(mikh, strlen(mikh));
	text_opts_default(&o);
	l = text_layout_new(d, &o, 80);
	g = line_glyphs(l, 0);
	/* visual: م ه ا و خ ی م (ZWNJ not drawn) */
	assert_int_equal(g[4], 0xfea7);	/* kheh initial */
	assert_int_equal(g[5], 0xfbfd);	/* yeh final */
	assert_int_equal(g[7], 0);
	text_layout_free(l);
	text_doc_free(d);
}

/*
 * Nothing below U+0620 joins, so the engine skips Arabic shaping for such
 * paragraphs: app shaping must then show exactly what no shaping shows
 * (Hebrew, Arabic punctuation, digits, brackets, marks, Latin; odd levels
 * included, so mirroring still happens).
 */
static void
test_shaping_below_arabic(void **state)
{
	struct buf b = { 0 };
	struct text_doc *d;
	struct text_opts app, off;
	struct text_layout *la, *lo;
	size_t i, k, c, nl;
	uint32_t saved = seed;	/* the other tests keep their documents */

	(void)state;
	for (i = 0; i < 4000; i++) {
		uint32_t cp = rnd(4) ? 0x5d0 + rnd(0x50) : 0x20 + rnd(0x600);
		uint8_t u8[6];
		int m;

		if (cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			cp = '(';	/* keep controls out: placeholders */
		m = u8_uctomb(u8, cp, sizeof u8);
		buf_add(&b, u8, (size_t)m);
		if (rnd(300) == 0)
			buf_putc(&b, '\n');
	}
	d = text_doc_new(b.s, b.len);
	text_opts_default(&app);
	off = app;
	off.shaping = TEXT_SHAPING_OFF;
	la = text_layout_new(d, &app, 37);
	lo = text_layout_new(d, &off, 37);
	nl = text_layout_lines(la);
	assert_int_equal(nl, text_layout_lines(lo));
	for (i = 0; i < nl; i++) {
		struct text_line x, y;

		text_layout_line(la, i, &x);
		text_layout_line(lo, i, &y);
		assert_int_equal(x.ncells, y.ncells);
		for (k = 0; k < x.ncells; k++) {
			assert_int_equal(x.cells[k].start, y.cells[k].start);
			assert_int_equal(x.cells[k].nglyph, y.cells[k].nglyph);
			assert_int_equal(x.cells[k].cols, y.cells[k].cols);
			assert_int_equal(x.cells[k].flags, y.cells[k].flags);
			for (c = 0; c < x.cells[k].nglyph; c++)
				assert_int_equal(x.glyphs[x.cells[k].glyph + c],
				    y.glyphs[y.cells[k].glyph + c]);
		}
	}
	text_layout_free(la);
	text_layout_free(lo);
	text_doc_free(d);
	buf_done(&b);
	seed = saved;
}

static void
test_filter(void **state)
{
	/* ESC, C1 CSI, RLO and PDI, invalid UTF-8, harakat on a letter */
	static const char text[] = "a\x1b[2Jb\xc2\x9b" "c\xe2\x80\xae" "d"
	    "\xe2\x81\xa9\xc0\xaf" "بِ";
	struct text_doc *d = text_doc_new(text, sizeof text - 1);
	struct text_opts o;
	struct text_layout *l;
	struct text_line ln;
	char buf[64];
	size_t k;
	struct buf all = { 0 };

	(void)state;
	text_opts_default(&o);
	o.dir = TEXT_DIR_LTR;
	l = text_layout_new(d, &o, 80);
	text_layout_line(l, 0, &ln);
	for (k = 0; k < ln.ncells; k++) {
		text_cell_utf8(&ln, &ln.cells[k], buf, sizeof buf);
		buf_puts(&all, buf);
		buf_putc(&all, '|');
	}
	/* RLO overrides "d" and what follows up to the PDI... (UAX #9):
	 * the placeholders are still shown, in visual order */
	assert_non_null(strstr(all.s, "␛|[|2|J|b|<9B>|c|"));
	assert_non_null(strstr(all.s, "<RLO>"));
	assert_non_null(strstr(all.s, "<PDI>"));
	assert_non_null(strstr(all.s, "\xef\xbf\xbd"));	/* U+FFFD */
	assert_int_equal(text_doc_length(d), 15);
	for (k = 0; k < ln.ncells; k++)
		if (ln.cells[k].flags & TEXT_CELL_PLACEHOLDER)
			assert_true(ln.cells[k].flags & TEXT_CELL_SPREAD);
	buf_done(&all);
	text_layout_free(l);
	text_doc_free(d);
}

static void
test_cache(void **state)
{
	size_t len, i, nl;
	char *text = random_doc(50, &len);
	struct text_doc *d = text_doc_new(text, len);
	struct text_opts o;
	struct text_layout *l;
	const struct text_cell **first;

	(void)state;
	text_opts_default(&o);
	l = text_layout_new(d, &o, 40);
	nl = text_layout_lines(l);
	first = xcalloc(nl, sizeof *first);
	for (i = 0; i < nl; i++) {
		struct text_line ln;

		text_layout_line(l, i, &ln);
		first[i] = ln.cells;
	}
	/* resize and back: the old width's layout is reused, not redone */
	text_layout_set_width(l, 60);
	assert_true(text_layout_lines(l) <= nl);
	text_layout_set_width(l, 40);
	for (i = 0; i < nl; i++) {
		struct text_line ln;

		text_layout_line(l, i, &ln);
		assert_ptr_equal(first[i], ln.cells);
	}
	free(first);
	text_layout_free(l);
	text_doc_free(d);
	free(text);
}

static void
test_cursor(void **state)
{
	/* b + kasra is one grapheme; ZWNJ stays inside its word's cluster */
	static const char text[] = "بِه می‌روم\nhello, world 42\n\nend";
	struct text_doc *d = text_doc_new(text, strlen(text));
	size_t off, n = text_doc_length(d), steps = 0, prev;

	(void)state;
	assert_int_equal(text_doc_paragraphs(d), 4);
	assert_int_equal(text_doc_next_grapheme(d, 0), 2);
	assert_int_equal(text_doc_prev_grapheme(d, 2), 0);
	assert_int_equal(text_doc_grapheme_start(d, 1), 0);
	/* forward and back by grapheme visit the same stops */
	for (off = 0; off < n; off = text_doc_next_grapheme(d, off)) {
		size_t next = text_doc_next_grapheme(d, off);

		assert_true(next > off);
		assert_int_equal(text_doc_prev_grapheme(d, next), off);
		steps++;
	}
	assert_int_equal(off, n);
	/* word starts: به, می‌روم, hello, world, 42, end */
	off = 0;
	off = text_doc_next_word(d, off);
	assert_int_equal(off, 4);
	off = text_doc_next_word(d, off);
	assert_int_equal(off, 11);
	off = text_doc_next_word(d, off);
	assert_int_equal(off, 18);
	off = text_doc_next_word(d, off);
	assert_int_equal(off, 24);
	off = text_doc_next_word(d, off);
	assert_int_equal(off, 28);
	assert_int_equal(text_doc_next_word(d, off), n);
	prev = text_doc_prev_word(d, 28);
	assert_int_equal(prev, 24);
	assert_int_equal(text_doc_prev_word(d, 11), 4);
	assert_int_equal(text_doc_prev_word(d, 4), 0);
	assert_true(steps > 10);
	text_doc_free(d);
}

static void
test_empty(void **state)
{
	struct text_doc *d = text_doc_new("", 0);
	struct text_opts o;
	struct text_layout *l;
	struct text_line ln;
	size_t line;
	int col;

	(void)state;
	text_opts_default(&o);
	l = text_layout_new(d, &o, 80);
	assert_int_equal(text_layout_lines(l), 0);
	text_layout_locate(l, 0, &line, &col);
	assert_int_equal(line, 0);
	text_layout_free(l);
	text_doc_free(d);

	d = text_doc_new("a\r\n\nب\n", 7);
	assert_int_equal(text_doc_paragraphs(d), 3);
	assert_int_equal(text_doc_length(d), 6);
	l = text_layout_new(d, &o, 80);
	assert_int_equal(text_layout_lines(l), 3);
	text_layout_line(l, 1, &ln);
	assert_int_equal(ln.ncells, 0);
	assert_int_equal(ln.start, 3);
	text_layout_line(l, 2, &ln);
	assert_true(ln.rtl);
	assert_int_equal(ln.x, 79);
	text_layout_locate(l, 5, &line, &col);	/* end of the RTL paragraph */
	assert_int_equal(line, 2);
	assert_int_equal(col, 78);
	text_layout_free(l);
	text_doc_free(d);
}

/*
 * docs/bidi.md §9.2: for a width wider than the paragraph, the single
 * laid-out line shows the BidiCharacterTest.txt visual order. Only cases of
 * spacing, one-column characters (no marks, controls or placeholders, whose
 * cells differ on purpose) are compared.
 */
static void
test_wide_line_order(void **state)
{
	FILE *f = fopen("/usr/share/unicode/BidiCharacterTest.txt", "r");
	char line[8192];
	size_t tested = 0, skipped = 0;
	struct text_opts o;

	(void)state;
	assert_non_null(f);
	text_opts_default(&o);
	o.shaping = TEXT_SHAPING_OFF;
	while (fgets(line, sizeof line, f) != NULL) {
		uint32_t cp[256];
		size_t n = 0, ord[256], no = 0, k;
		char *p = line, *end, *semi[4];
		uint8_t u8[1024];
		size_t u8len = sizeof u8;
		struct text_doc *d;
		struct text_layout *l;
		struct text_line ln;
		bool ok = true;
		int i;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		for (i = 0; i < 4; i++) {
			semi[i] = strchr(i == 0 ? line : semi[i - 1] + 1, ';');
			assert_non_null(semi[i]);
		}
		while (p < semi[0] && n < 256) {
			unsigned long v = strtoul(p, &end, 16);

			if (end == p)
				break;
			cp[n++] = (uint32_t)v;
			/* spacing, one column, not a control or format character */
			if (uc_width((ucs4_t)v, "UTF-8") != 1 || v < 0x20 ||
			    (v >= 0x7f && v < 0xa0) || v == 0x2028 || v == 0x2029)
				ok = false;
			p = end;
		}
		for (p = semi[3] + 1; no < 256;) {
			long v = strtol(p, &end, 10);

			if (end == p)
				break;
			ord[no++] = (size_t)v;
			p = end;
		}
		if (!ok || no != n) {
			skipped++;
			continue;
		}
		o.dir = semi[0][1] == '0' ? TEXT_DIR_LTR :
		    semi[0][1] == '1' ? TEXT_DIR_RTL : TEXT_DIR_AUTO;
		assert_non_null(u32_to_u8(cp, n, u8, &u8len));
		d = text_doc_new((const char *)u8, u8len);
		l = text_layout_new(d, &o, 4096);
		assert_int_equal(text_layout_lines(l), 1);
		text_layout_line(l, 0, &ln);
		assert_int_equal(ln.ncells, n);
		for (k = 0; k < n; k++)
			assert_int_equal(ln.cells[k].start, ord[k]);
		text_layout_free(l);
		text_doc_free(d);
		tested++;
	}
	fclose(f);
	print_message("[==========] wide lines vs BidiCharacterTest.txt: %zu "
	    "cases match, %zu with marks or controls skipped\n", tested, skipped);
	assert_true(tested > 10000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_example),
		cmocka_unit_test(test_shaping),
		cmocka_unit_test(test_shaping_below_arabic),
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_properties),
		cmocka_unit_test(test_random_bytes),
		cmocka_unit_test(test_prepend_wrap),
		cmocka_unit_test(test_lazy_index),
		cmocka_unit_test(test_cache),
		cmocka_unit_test(test_cursor),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_wide_line_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
