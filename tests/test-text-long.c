/*
 * test-text-long.c: over-long paragraphs are laid out in bounded segments
 * (TEXT_SEGMENT_MAX) without changing the document: offsets, the total
 * length and every code point's cell stay exact, segments end at a space
 * when there is one, and a line full of brackets (which overflows FriBidi
 * 1.0.8's recursion when laid out whole) lays out. The layout cache stays
 * within its budget on a document whose cells would need several times
 * that, and a paragraph dropped from it lays out again the same.
 * text_doc_char reads any code point without a per-character index. A
 * layout lays out only the segments asked for, and its line numbers,
 * estimated past them, come out exact once all are counted.
 */
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "text/text.h"
#include "base/util.h"
#include "text/text-int.h"
#include "testutil.h"

static void
check_cover(struct text_layout *l, size_t len)
{
	size_t i, n = text_layout_lines(l), next = 0;

	for (i = 0; i < n; i++) {
		struct text_line ln;

		text_layout_line(l, i, &ln);
		assert_true(ln.cols <= text_layout_width(l));
		if (ln.start > next)	/* a separator between paragraphs */
			assert_int_equal(ln.start, next + 1);
		next = ln.end;
	}
	assert_true(next == len || next + 1 == len);
}

static void
test_long_line(void **state)
{
	/* 300 KB of "(word) " with Persian and no LF but at the end */
	struct buf b = {0};
	struct text_doc *d;
	struct text_layout *l;
	struct text_opts o;
	size_t np, i, s0, e0, total = 0;

	(void)state;
	while (b.len < 300000)
		buf_puts(&b, "(\xd8\xb3\xd8\xa7\xd9\x85\xd8\xa7\xd9\x86\xd9\x87 API) ");
	buf_putc(&b, '\n');
	d = text_doc_new(b.s, b.len);
	np = text_doc_paragraphs(d);
	assert_true(np >= 5);	/* 300 KB in <= 64 KiB segments */
	for (i = 0; i < np; i++) {
		text_doc_paragraph(d, i, &s0, &e0);
		if (i > 0) {
			size_t ps, pe;

			text_doc_paragraph(d, i - 1, &ps, &pe);
			assert_int_equal(pe, s0);	/* no separator between segments */
		}
		total = e0;
	}
	/* the whole line, then its LF */
	assert_int_equal(total + 1, text_doc_length(d));
	text_opts_default(&o);
	l = text_layout_new(d, &o, 80);
	check_cover(l, text_doc_length(d));
	/* a segment boundary falls before a space: the next segment starts
	 * with it, and a caret can still move over it */
	text_doc_paragraph(d, 1, &s0, &e0);
	assert_int_equal(text_doc_next_grapheme(d, s0 - 1), s0);
	text_layout_free(l);
	text_doc_free(d);
	buf_done(&b);
}

/*
 * A layout lays out only what is asked: the first line, then a jump to the
 * last code point, leave the segments between them alone, yet the line
 * found holds that code point; once every line is counted the numbers
 * and lines are those of a layout counted from the start.
 */
static void
test_lazy(void **state)
{
	struct buf b = {0};
	struct text_doc *d;
	struct text_layout *l, *ref;
	struct text_opts o;
	struct text_line ln, rn;
	size_t p, k, n, i, off;
	int col;

	(void)state;
	while (b.len < 600000)
		buf_puts(&b, "(\xd8\xb3\xd8\xa7\xd9\x85\xd8\xa7\xd9\x86\xd9\x87 API) ");
	buf_putc(&b, '\n');
	d = text_doc_new(b.s, b.len);
	text_opts_default(&o);
	l = text_layout_new(d, &o, 80);
	ref = text_layout_new(d, &o, 80);
	n = text_layout_lines(ref);
	assert_int_equal(text_layout_cache_bytes(l), 0);
	text_layout_line(l, 0, &ln);
	off = text_doc_length(d) - 2;	/* the last letter before the LF */
	text_layout_locate_para(l, off, &p, &k, &col);
	assert_int_equal(p, text_doc_paragraphs(d) - 1);
	text_layout_para_line(l, p, k, &ln);
	assert_true(ln.start <= off && off < ln.end);
	/* two segments of nine or more laid out: the first and the last */
	assert_true(text_doc_paragraphs(d) >= 9);
	assert_true(text_layout_cache_bytes(l) * 3 < text_layout_cache_bytes(ref));
	assert_int_equal(text_layout_lines(l), n);
	for (i = 0; i < n; i++) {
		text_layout_line(l, i, &ln);
		text_layout_line(ref, i, &rn);
		assert_int_equal(ln.start, rn.start);
		assert_int_equal(ln.end, rn.end);
	}
	text_layout_free(l);
	text_layout_free(ref);
	text_doc_free(d);
	buf_done(&b);
}

static void
test_no_space_at_all(void **state)
{
	/* 200 KB of one Persian letter with a mark after each: no space, so
	 * segments end at grapheme boundaries, never between a letter and
	 * its mark */
	struct buf b = {0};
	struct text_doc *d;
	size_t np, i, s0, e0;

	(void)state;
	while (b.len < 200000)
		buf_puts(&b, "\xd8\xa8\xd9\x8e");	/* beh + fatha */
	d = text_doc_new(b.s, b.len);
	np = text_doc_paragraphs(d);
	assert_true(np >= 3);
	for (i = 1; i < np; i++) {
		text_doc_paragraph(d, i, &s0, &e0);
		assert_int_equal(s0 % 2, 0);	/* each cluster is 2 code points */
		assert_int_equal(text_doc_grapheme_start(d, s0), s0);
	}
	text_doc_free(d);
	buf_done(&b);
}

/* Walks every line of d (the count, then each line), checks the cache
 * never held much more than its budget, and that line 0, dropped on the
 * way, comes back the same. */
static void
check_bounded(struct text_doc *d)
{
	struct text_opts o;
	struct text_layout *l;
	struct text_line ln;
	size_t i, n, s0, e0, ncells0, peak = 0;
	uint32_t g0;

	text_opts_default(&o);
	l = text_layout_new(d, &o, 80);
	n = text_layout_lines(l);
	text_layout_line(l, 0, &ln);
	s0 = ln.start;
	e0 = ln.end;
	ncells0 = ln.ncells;
	g0 = ln.glyphs[ln.cells[0].glyph];
	for (i = 0; i < n; i++) {
		text_layout_line(l, i, &ln);
		if (text_layout_cache_bytes(l) > peak)
			peak = text_layout_cache_bytes(l);
	}
	/* the budget plus the one paragraph that pushed it over; keeping
	 * every paragraph would take about 100 MB */
	assert_true(peak <= TEXT_CACHE_BUDGET + ((size_t)4 << 20));
	assert_true(peak <= (size_t)40 << 20);
	check_cover(l, text_doc_length(d));
	text_layout_line(l, 0, &ln);
	assert_int_equal(ln.start, s0);
	assert_int_equal(ln.end, e0);
	assert_int_equal(ln.ncells, ncells0);
	assert_int_equal(ln.glyphs[ln.cells[0].glyph], g0);
	text_layout_free(l);
}

/* text_doc_char agrees with decoding the whole text, at every 997th
 * offset and at both ends. */
static void
check_chars(const struct text_doc *d, const char *s, size_t len)
{
	size_t n, i;
	uint32_t *all = u8_to_u32((const uint8_t *)s, len, NULL, &n);

	assert_non_null(all);
	assert_int_equal(n, text_doc_length(d));
	for (i = 0; i < n; i += 997)
		assert_int_equal(text_doc_char(d, i), all[i]);
	assert_int_equal(text_doc_char(d, n - 1), all[n - 1]);
	assert_int_equal(text_doc_char(d, n), '\n');
	free(all);
}

static void
test_char(void **state)
{
	/* CR LF, an invalid byte (one U+FFFD), Persian, an empty paragraph */
	static const char t[] = "ab\r\nc\xff\xd8\xb3" "d\n\nz";
	struct text_doc *d = text_doc_new(t, sizeof t - 1);

	(void)state;
	assert_int_equal(text_doc_char(d, 0), 'a');
	assert_int_equal(text_doc_char(d, 2), '\n');	/* the CR */
	assert_int_equal(text_doc_char(d, 3), '\n');
	assert_int_equal(text_doc_char(d, 4), 'c');
	assert_int_equal(text_doc_char(d, 5), 0xfffd);
	assert_int_equal(text_doc_char(d, 6), 0x633);
	assert_int_equal(text_doc_char(d, 7), 'd');
	assert_int_equal(text_doc_char(d, 9), '\n');
	assert_int_equal(text_doc_char(d, 10), 'z');
	assert_int_equal(text_doc_char(d, 11), '\n');
	text_doc_free(d);
}

static void
test_cache_bounded(void **state)
{
	/* one 3 MB line: ~100 MB of cells if all were kept */
	struct buf b = {0};
	struct text_doc *d;
	size_t i;

	(void)state;
	while (b.len < 3000000)
		buf_puts(&b, "interview text \xd8\xb3\xd8\xa7\xd9\x85\xd8\xa7\xd9\x86\xd9\x87 ");
	d = text_doc_new(b.s, b.len);
	check_bounded(d);
	check_chars(d, b.s, b.len);
	text_doc_free(d);
	/* 300,000 tiny paragraphs */
	b.len = 0;
	for (i = 0; i < 300000; i++)
		buf_printf(&b, "p%zu\n", i);
	d = text_doc_new(b.s, b.len);
	check_bounded(d);
	text_doc_free(d);
	buf_done(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_no_space_at_all),
		cmocka_unit_test(test_lazy),
		cmocka_unit_test(test_cache_bounded),
		cmocka_unit_test(test_char),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
