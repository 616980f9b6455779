/*
 * test-text-long.c: over-long paragraphs are laid out in bounded segments
 * (TEXT_SEGMENT_MAX) without changing the document: offsets, the total
 * length and every code point's cell stay exact, segments end at a space
 * when there is one, and a line full of brackets (which overflows FriBidi
 * 1.0.8's recursion when laid out whole) lays out.
 */
#include <stdlib.h>
#include <string.h>

#include "axial/text.h"
#include "axial/util.h"
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_no_space_at_all),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
