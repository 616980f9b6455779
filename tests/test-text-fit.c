/*
 * test-text-fit.c: text_fit, the one way names are cut to a column
 * (docs/bidi.md §4.7): where the cut falls (grapheme clusters, word ends),
 * the width of what is left, and on which side the ellipsis lands once the
 * result is laid out, for English, Persian, mixed text, combining marks and
 * an emoji ZWJ sequence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text/text.h"

#define ELL "\u2026"

/* Columns of s laid out as one line, and its leftmost and rightmost
 * cells' first glyph, in direction rtl. */
static int
visual(const char *s, bool rtl, uint32_t *left, uint32_t *right)
{
	struct text_doc *d = text_doc_new(s, strlen(s));
	struct text_opts o;
	struct text_layout *l;
	struct text_line ln;
	int cols = 0;

	text_opts_default(&o);
	o.dir = rtl ? TEXT_DIR_RTL : TEXT_DIR_LTR;
	o.shaping = TEXT_SHAPING_OFF;
	l = text_layout_new(d, &o, 200);
	*left = *right = 0;
	if (text_layout_lines(l) > 0) {
		text_layout_line(l, 0, &ln);
		assert_int_equal(ln.rtl, rtl);
		cols = ln.cols;
		if (ln.ncells > 0) {
			*left = ln.glyphs[ln.cells[0].glyph];
			*right = ln.glyphs[ln.cells[ln.ncells - 1].glyph];
		}
	}
	text_layout_free(l);
	text_doc_free(d);
	return cols;
}

/* text_fit of s to width must be want (a prefix of s plus the ellipsis),
 * no wider than width, the ellipsis at the left for RTL, else the right. */
static void
check(const char *s, int width, const char *want, bool want_rtl)
{
	bool rtl;
	char *got = text_fit(s, width, TEXT_DIR_AUTO, ELL, &rtl);
	uint32_t left, right;
	size_t pre = strlen(want) - strlen(ELL);

	assert_string_equal(got, want);
	assert_int_equal(rtl, want_rtl);
	assert_true(visual(got, rtl, &left, &right) <= width);
	assert_memory_equal(got, s, pre);
	if (want_rtl) {
		assert_int_equal(left, 0x2026);
		assert_int_not_equal(right, 0x2026);
	} else {
		assert_int_equal(right, 0x2026);
		assert_int_not_equal(left, 0x2026);
	}
	free(got);
}

static void
test_fits(void **state)
{
	char *r;

	(void)state;
	r = text_fit("coding", 6, TEXT_DIR_AUTO, ELL, NULL);
	assert_string_equal(r, "coding");
	free(r);
	r = text_fit("", 0, TEXT_DIR_AUTO, ELL, NULL);
	assert_string_equal(r, "");
	free(r);
	/* a line break in a name is a space, as the panes draw it */
	r = text_fit("a\nb", 3, TEXT_DIR_AUTO, ELL, NULL);
	assert_string_equal(r, "a b");
	free(r);
	/* Persian that fits: 5 letters, the ZWNJ takes no column */
	r = text_fit("می\u200cدان", 5, TEXT_DIR_AUTO, ELL, NULL);
	assert_string_equal(r, "می\u200cدان");
	free(r);
}

static void
test_english(void **state)
{
	(void)state;
	/* "interview t" fits 11 columns; the word's end loses only 2 */
	check("interview transcripts", 12, "interview" ELL, false);
	/* the last word end is 6 columns back: cut inside the word */
	check("interview transcripts", 16, "interview trans" ELL, false);
	/* one long word */
	check("transcription", 8, "transcr" ELL, false);
	/* punctuation ends a word too */
	check("category/subcategory", 11, "category" ELL, false);
}

static void
test_persian(void **state)
{
	(void)state;
	/* "مصاحبه با شرکت‌کننده": the cut lands inside the third word, the end
	 * of "با" is 2 columns back (a quarter of the room: 2) */
	check("مصاحبه با شرکت\u200cکننده", 12, "مصاحبه با" ELL, true);
	/* far from a word end: a cut inside the word, after a ZWNJ */
	check("مصاحبه با شرکت\u200cکننده", 16, "مصاحبه با شرکت\u200cک" ELL,
	    true);
	/* "…" goes at the reading end, the left, in a right-to-left line */
	check("کدگذاری باز", 6, "کدگذا" ELL, true);
}

static void
test_mixed(void **state)
{
	bool rtl;
	char *r;

	(void)state;
	/* Persian first: an RTL line, English inside it; the ellipsis follows
	 * the English logically but sits at the line's left end */
	check("کد interview notes", 10, "کد interv" ELL, true);
	/* English first: an LTR line with Persian inside it */
	check("code مصاحبه اول", 10, "code مصاح" ELL, false);
	/* the direction is the whole name's, though the prefix kept is
	 * digits only */
	r = text_fit("1402 مصاحبه", 4, TEXT_DIR_AUTO, ELL, &rtl);
	assert_string_equal(r, "140" ELL);
	assert_true(rtl);
	free(r);
	/* forced directions are passed through */
	r = text_fit("abc def", 4, TEXT_DIR_RTL, ELL, &rtl);
	assert_true(rtl);
	assert_string_equal(r, "abc" ELL);
	free(r);
}

static void
test_marks(void **state)
{
	(void)state;
	/* e + U+0301 four times: a cut never leaves a mark without its base
	 * nor separates them */
	check("e\u0301e\u0301e\u0301e\u0301", 3, "e\u0301e\u0301" ELL, false);
	/* Persian harakat: the kasra stays on its letter at the word end */
	check("بِسمِ اللهِ الرَّحمنِ", 10, "بِسمِ اللهِ" ELL, true);
	/* Hangul jamo form one cluster: L V T, 2 columns then 0 and 0 */
	check("\u1100\u1161\u11a8\u1100\u1161\u11a8x", 3, "\u1100\u1161\u11a8" ELL,
	    false);
}

static void
test_emoji(void **state)
{
	char *r;

	(void)state;
	/* man ZWJ woman ZWJ girl: one cluster of 6 engine columns; it goes
	 * whole or not at all */
	check("\U0001F468\u200d\U0001F469\u200d\U0001F467 family", 8,
	    "\U0001F468\u200d\U0001F469\u200d\U0001F467" ELL, false);
	r = text_fit("\U0001F468\u200d\U0001F469\u200d\U0001F467 family", 5,
	    TEXT_DIR_AUTO, ELL, NULL);
	assert_string_equal(r, ELL);
	free(r);
	/* a wide letter that does not fit is dropped whole */
	check("ab\u4e2d\u6587", 4, "ab" ELL, false);
}

static void
test_ascii_ellipsis(void **state)
{
	char *r;

	(void)state;
	/* a locale without "…": three dots, three columns */
	r = text_fit("abcdefgh", 5, TEXT_DIR_AUTO, "...", NULL);
	assert_string_equal(r, "ab...");
	free(r);
	/* narrower than the ellipsis: as much of it as fits */
	r = text_fit("abcdefgh", 2, TEXT_DIR_AUTO, "...", NULL);
	assert_string_equal(r, "..");
	free(r);
	r = text_fit("abcdefgh", 0, TEXT_DIR_AUTO, ELL, NULL);
	assert_string_equal(r, "");
	free(r);
	r = text_fit("abcdefgh", 1, TEXT_DIR_AUTO, ELL, NULL);
	assert_string_equal(r, ELL);
	free(r);
}

static void
test_hostile(void **state)
{
	char *r;

	(void)state;
	/* a control counts as its placeholder is drawn: ESC as one column
	 * (U+241B), RLO as five ("<RLO>"), never cut in half */
	r = text_fit("a\033bcdef", 4, TEXT_DIR_AUTO, ELL, NULL);
	assert_string_equal(r, "a\033b" ELL);
	free(r);
	r = text_fit("a\u202ebcdef", 4, TEXT_DIR_AUTO, ELL, NULL);
	assert_string_equal(r, "a" ELL);
	free(r);
	r = text_fit("a\u202ebcdef", 7, TEXT_DIR_AUTO, ELL, NULL);
	assert_string_equal(r, "a\u202e" ELL);
	free(r);
	/* invalid UTF-8: each bad byte one U+FFFD, one column, kept as is */
	r = text_fit("a\xff\xfe" "bcdef", 4, TEXT_DIR_AUTO, ELL, NULL);
	assert_string_equal(r, "a\xff\xfe" ELL);
	free(r);
	/* blanks never end what is kept */
	r = text_fit("ab      cdefgh", 6, TEXT_DIR_AUTO, ELL, NULL);
	assert_string_equal(r, "ab" ELL);
	free(r);
	/* trailing blanks are padding: dropped, and nothing else is cut */
	r = text_fit(" agreement a vs b ", 17, TEXT_DIR_AUTO, ELL, NULL);
	assert_string_equal(r, " agreement a vs b");
	free(r);
	r = text_fit(" agreement a vs b ", 16, TEXT_DIR_AUTO, ELL, NULL);
	assert_string_equal(r, " agreement a vs" ELL);
	free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fits),
		cmocka_unit_test(test_english),
		cmocka_unit_test(test_persian),
		cmocka_unit_test(test_mixed),
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_emoji),
		cmocka_unit_test(test_ascii_ellipsis),
		cmocka_unit_test(test_hostile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
