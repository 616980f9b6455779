/*
 * test-text-fribidi.c: inputs that once drove FriBidi 1.0.8 into memory
 * errors through the engine; `make valgrind` runs this file, which is what
 * sees errors inside the (uninstrumented) library.
 */
#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "base/util.h"
#include "testutil.h"

/* PDI ) FSI + PS PDI RLM [ ] ] LRE: a paragraph separator among isolates */
static const uint32_t ps_in_isolates[] = { 0x20, 0x2069, 0x29, 0x2068, 0x2b,
	0x2029, 0x2069, 0x200f, 0x5b, 0x5d, 0x5d, 0x202a };

static void
test_separator_among_isolates(void **state)
{
	int8_t lv[16];
	size_t order[16], norder, i;
	bool rtl;
	enum text_dir d;

	(void)state;
	for (d = TEXT_DIR_AUTO; d <= TEXT_DIR_LTR; d++) {
		assert_int_equal(text_bidi_line(ps_in_isolates, 12, d, &rtl, lv,
		    order, &norder), 0);
		/* U+2029 mid-paragraph is a neutral, not a paragraph end: it
		 * takes a level like its neighbours, within the paragraph */
		for (i = 0; i < norder; i++)
			assert_true(order[i] < 12);
	}
}

/* The same through the whole layout of a document, in every mode. */
static void
test_layout(void **state)
{
	static const char text[] = " \xe2\x81\xa9)\xe2\x81\xa8+\xe2\x80\xa9\xe2\x81\xa9"
	    "\xe2\x80\x8f[]]\xe2\x80\xaa x\n\xc2\x85\xd8\xa8\xe2\x81\xa7\x1c\xe2\x81\xa9\n";
	struct text_doc *d = text_doc_new(text, sizeof text - 1);
	struct text_opts o;
	int w;

	(void)state;
	text_opts_default(&o);
	for (w = 8; w <= 40; w += 16) {
		struct text_layout *l = text_layout_new(d, &o, w);
		size_t i, n = text_layout_lines(l);

		for (i = 0; i < n; i++) {
			struct text_line ln;

			text_layout_line(l, i, &ln);
			assert_true(ln.cols <= w);
		}
		text_layout_free(l);
	}
	text_doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_separator_among_isolates),
		cmocka_unit_test(test_layout),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
