/*
 * test-searchkey.c: each folding of the search key (docs/bidi.md §7), the
 * space/ZWNJ rule and the map back to original offsets; searching a
 * document in windows finds what one key of the whole text finds; names
 * folded (name_fold) and their edit distance (name_distance) on top.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text/name.h"
#include "text/searchkey.h"
#include "text/text.h"
#include "base/util.h"

static const struct searchkey_opts *opts;

/* The key of s as UTF-8. */
static char *
key(const char *s)
{
	struct searchkey *k = searchkey_new(s, strlen(s), opts);
	char *u = searchkey_utf8(k);

	searchkey_free(k);
	return u;
}

static void
assert_same_key(const char *a, const char *b)
{
	char *ka = key(a), *kb = key(b);

	assert_string_equal(ka, kb);
	free(ka);
	free(kb);
}

static void
assert_key(const char *s, const char *want)
{
	char *k = key(s);

	assert_string_equal(k, want);
	free(k);
}

/* Finds needle in hay; returns 1 with the original range, or 0. */
static int
find(const char *hay, const char *needle, size_t *s, size_t *e)
{
	struct searchkey *h = searchkey_new(hay, strlen(hay), opts);
	struct searchkey *n = searchkey_new(needle, strlen(needle), opts);
	bool hit = searchkey_find(h, n, 0, s, e);

	searchkey_free(h);
	searchkey_free(n);
	return hit;
}

static void
test_yeh(void **state)
{
	(void)state;
	assert_same_key("علي", "علی");		/* Arabic yeh */
	assert_same_key("مصطفى", "مصطفی");	/* alef maksura */
	assert_same_key("ے", "ی");		/* yeh barree */
}

static void
test_kaf(void **state)
{
	(void)state;
	assert_same_key("كتاب", "کتاب");
}

static void
test_heh(void **state)
{
	struct searchkey_opts o = { 0 };

	(void)state;
	assert_same_key("ہ", "ه");		/* heh goal */
	assert_same_key("ە", "ه");		/* ae */
	/* ۀ: precomposed U+06C0 and ه + U+0654 meet; not plain ه by default */
	assert_same_key("خانۀ", "خانهٔ");
	assert_key("خانهٔ", "خانۀ");
	o.fold_heh_hamza = true;
	opts = &o;
	assert_same_key("خانۀ", "خانه");
	assert_same_key("خانهٔ", "خانه");
	opts = NULL;
}

static void
test_optional(void **state)
{
	struct searchkey_opts o = { 0 };
	size_t s, e;

	(void)state;
	assert_int_equal(find("آب و نان", "اب", &s, &e), 0);
	assert_key("مدرسة", "مدرسة");
	o.fold_alef = true;
	o.fold_teh_marbuta = true;
	opts = &o;
	assert_int_equal(find("آب و نان", "اب", &s, &e), 1);
	assert_same_key("أحمد إمام ٱلله", "احمد امام الله");
	assert_same_key("مدرسة", "مدرسه");
	opts = NULL;
}

static void
test_digits(void **state)
{
	(void)state;
	assert_key("۱۴۰۲", "1402");
	assert_key("١٤٠٢", "1402");	/* Arabic-Indic, ٤ differs in shape */
	assert_same_key("۲۵٪", "25٪");
	assert_key("１２", "12");		/* fullwidth, by NFKC */
}

static void
test_removed(void **state)
{
	(void)state;
	assert_same_key("کـــتاب", "کتاب");	/* tatweel */
	assert_same_key("کِتابٌ", "کتاب");	/* harakat */
	assert_same_key("عیسیٰ", "عیسی");	/* superscript alef */
	assert_same_key("ک\u200dتاب", "کتاب");	/* ZWJ */
	assert_same_key("\u200fکتاب\u200e", "کتاب");	/* RLM, LRM */
	assert_same_key("\u061cکتاب", "کتاب");	/* ALM */
	assert_same_key("co\u00adding", "coding");	/* soft hyphen */
	assert_same_key("\u202eabc\u202c", "abc");	/* bidi controls */
}

static void
test_nfkc_and_case(void **state)
{
	(void)state;
	/* presentation forms fold back to letters, and kaf to keheh */
	assert_same_key("\ufedb\ufe98\ufe8e\ufe8f", "کتاب");
	assert_key("ＮＧＯ", "ngo");
	assert_same_key("UNICEF", "unicef");
	assert_same_key("Straße", "STRASSE");
	assert_same_key("a \t  b", "a b");		/* white space runs */
	assert_same_key("a\u00a0b", "a b");		/* NBSP */
}

static void
test_zwnj_space(void **state)
{
	size_t s, e;

	(void)state;
	assert_same_key("می‌خواهم", "میخواهم");
	/* a space in the query matches one space, ZWNJ or nothing */
	assert_int_equal(find("من می‌خواهم بروم", "می خواهم", &s, &e), 1);
	assert_int_equal(s, 3);
	assert_int_equal(e, 11);
	assert_int_equal(find("من میخواهم بروم", "می خواهم", &s, &e), 1);
	assert_int_equal(e - s, 7);
	assert_int_equal(find("من می خواهم بروم", "می خواهم", &s, &e), 1);
	assert_int_equal(e - s, 8);
	/* without a space, the query still finds the ZWNJ spelling */
	assert_int_equal(find("من می‌خواهم", "میخواهم", &s, &e), 1);
	/* but not two spaces' worth of words */
	assert_int_equal(find("کتاب ها", "کتابها", &s, &e), 0);
}

static void
test_map_back(void **state)
{
	static const char hay[] = "این كتاب‌ها را NGO خواند.";
	struct searchkey *h = searchkey_new(hay, strlen(hay), NULL);
	struct searchkey *n = searchkey_new("ngo", 3, NULL);
	size_t s, e, from = 0, hits = 0;

	(void)state;
	assert_int_equal(find(hay, "کتاب", &s, &e), 1);
	assert_int_equal(s, 4);
	assert_int_equal(e, 8);
	assert_int_equal(find(hay, "کتابها", &s, &e), 1);
	assert_int_equal(s, 4);
	assert_int_equal(e, 11);	/* ZWNJ inside the hit */
	assert_true(searchkey_find(h, n, 0, &s, &e));
	assert_int_equal(s, 15);
	assert_int_equal(e, 18);
	assert_false(searchkey_find(h, n, 16, &s, &e));
	searchkey_free(n);
	/* every hit of "ا", scanning with from */
	n = searchkey_new("ا", strlen("ا"), NULL);
	while (searchkey_find(h, n, from, &s, &e)) {
		hits++;
		from = e;
	}
	assert_int_equal(hits, 5);
	searchkey_free(n);
	searchkey_free(h);
	/* invalid UTF-8 keeps offsets in step with text.h */
	assert_int_equal(find("a\xc0\xaf" "b", "b", &s, &e), 1);
	assert_int_equal(s, 3);
}

static void
test_doc_small(void **state)
{
	static const char t[] = "alpha beta\ngamma BETA\n";
	struct text_doc *d = text_doc_new(t, strlen(t));
	struct searchkey_doc *sd = searchkey_doc_new(d, NULL);
	struct searchkey *n = searchkey_new("beta", 4, NULL);
	size_t s, e;
	bool w;

	(void)state;
	assert_true(searchkey_doc_find(sd, n, 0, false, &s, &e, &w));
	assert_int_equal(s, 6);
	assert_int_equal(e, 10);
	assert_false(w);
	assert_true(searchkey_doc_find(sd, n, 7, false, &s, &e, &w));
	assert_int_equal(s, 17);
	assert_true(searchkey_doc_find(sd, n, 18, false, &s, &e, &w));
	assert_int_equal(s, 6);
	assert_true(w);
	assert_true(searchkey_doc_find(sd, n, 17, true, &s, &e, &w));
	assert_int_equal(s, 6);
	assert_false(w);
	assert_true(searchkey_doc_find(sd, n, 6, true, &s, &e, &w));
	assert_int_equal(s, 17);
	assert_true(w);
	searchkey_free(n);
	n = searchkey_new("zeta", 4, NULL);
	assert_false(searchkey_doc_find(sd, n, 0, false, &s, &e, &w));
	assert_false(searchkey_doc_find(sd, n, 0, true, &s, &e, &w));
	searchkey_free(n);
	searchkey_doc_free(sd);
	text_doc_free(d);
}

/* The next hit after x in the sorted starts of every hit, as the document
 * search should give it (wrapping). */
static size_t
want_next(const size_t *all, size_t n, size_t x, bool backward)
{
	size_t i;

	if (!backward) {
		for (i = 0; i < n; i++)
			if (all[i] >= x)
				return all[i];
		return all[0];
	}
	for (i = n; i-- > 0;)
		if (all[i] < x)
			return all[i];
	return all[n - 1];
}

static void
test_doc_windows(void **state)
{
	/* a 700 KB line (cut into 64 KiB paragraphs by the text engine),
	 * then 900 KB of short paragraphs: several 512 KiB windows, and hits
	 * of a three-word needle straddle their edges */
	struct buf b = {0};
	struct text_doc *d;
	struct searchkey_doc *sd;
	struct searchkey *whole, *n;
	size_t *all = NULL, nall = 0, cap = 0, s, e, from = 0, i, k = 0;
	bool w;

	(void)state;
	while (b.len < 700000)
		buf_puts(&b, "fox jumps red \xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85 ");
	buf_putc(&b, '\n');
	while (b.len < 1600000)
		buf_printf(&b, "p%zu red fox\njumps red\n", k++);
	d = text_doc_new(b.s, b.len);
	sd = searchkey_doc_new(d, NULL);
	whole = searchkey_new(b.s, b.len, NULL);
	n = searchkey_new("fox jumps red", 13, NULL);
	while (searchkey_find(whole, n, from, &s, &e)) {
		all = xgrow(all, &cap, nall + 1, sizeof *all);
		all[nall++] = s;
		from = s + 1;
	}
	assert_true(nall > 40000);
	/* forward from each hit gives the next: all of them, in order */
	for (i = 0, from = 0; i < nall; i++) {
		assert_true(searchkey_doc_find(sd, n, from, false, &s, &e, &w));
		assert_false(w);
		assert_int_equal(s, all[i]);
		from = s + 1;
	}
	assert_true(searchkey_doc_find(sd, n, from, false, &s, &e, &w));
	assert_true(w);
	assert_int_equal(s, all[0]);
	/* both ways from spread-out offsets, window edges among them */
	for (i = 0; i < 400; i++) {
		size_t x = (i * 7919 * 7) % (text_doc_length(d) + 1);

		assert_true(searchkey_doc_find(sd, n, x, false, &s, &e, &w));
		assert_int_equal(s, want_next(all, nall, x, false));
		assert_true(searchkey_doc_find(sd, n, x, true, &s, &e, &w));
		assert_int_equal(s, want_next(all, nall, x, true));
	}
	free(all);
	searchkey_free(n);
	searchkey_free(whole);
	searchkey_doc_free(sd);
	text_doc_free(d);
	buf_done(&b);
}

/* name_fold: the key with ZWNJ and spaces gone; name_distance in code
 * points, swaps counting one, capped at max + 1. */
static void
test_name_fold_distance(void **state)
{
	char *a = name_fold("  کار\u200cكردن "), *b = name_fold("کار کردن");

	(void)state;
	assert_string_equal(a, b);
	assert_string_equal(a, "کارکردن");
	free(a);
	free(b);
	a = name_fold("Coping ۱");
	assert_string_equal(a, "coping1");
	free(a);
	assert_int_equal(name_distance("agre", "agree", 2), 1);
	assert_int_equal(name_distance("chekc", "check", 2), 1);	/* a swap */
	assert_int_equal(name_distance("یکیها", "یکها", 2), 1);
	assert_int_equal(name_distance("مصاحبه", "مصاحبه", 2), 0);
	assert_int_equal(name_distance("abcdef", "uvwxyz", 2), 3);
	assert_int_equal(name_distance("", "ab", 2), 2);
}

/* searchkey_words: the index's words, folded, with their original bytes */
struct got {
	char w[8][32];
	size_t bs[8], be[8], n;
};

static int
got_word(void *arg, const char *w, size_t wl, size_t bs, size_t be)
{
	struct got *g = arg;

	assert_true(g->n < 8 && wl < 32);
	memcpy(g->w[g->n], w, wl);
	g->w[g->n][wl] = '\0';
	g->bs[g->n] = bs;
	g->be[g->n++] = be;
	return 0;
}

static void
test_words(void **state)
{
	/* ي and ك folded, ZWNJ joins می‌شود into one word, kashida and a
	 * harakat dropped, Persian digits to ASCII, punctuation no word */
	const char *t = "يك می\u200cشود، شفـافیت\n۱۴۰۲ Trust!";
	struct got g = {0};

	(void)state;
	assert_int_equal(searchkey_words(t, strlen(t), NULL, got_word, &g), 0);
	assert_int_equal(g.n, 5);
	assert_string_equal(g.w[0], "یک");
	assert_string_equal(g.w[1], "میشود");
	assert_string_equal(g.w[2], "شفافیت");
	assert_string_equal(g.w[3], "1402");
	assert_string_equal(g.w[4], "trust");
	/* the byte ranges are the original spelling's */
	assert_int_equal(g.bs[1], strlen("يك "));
	assert_int_equal(g.be[1], strlen("يك می\u200cشود"));
	assert_memory_equal(t + g.bs[2], "شفـافیت", g.be[2] - g.bs[2]);
	assert_memory_equal(t + g.bs[4], "Trust", 5);
}

/* searchkey_next: every hit, at word starts, or whole words */
static void
test_next_words(void **state)
{
	const char *t = "trust distrust trusted trust";
	struct searchkey *h = searchkey_new(t, strlen(t), NULL);
	struct searchkey *n = searchkey_new("trust", 5, NULL);
	char *brk = searchkey_wordbreaks(h);
	size_t pos, a, b, k;
	const int flags[3] = {0, SEARCHKEY_WORD_START,
	    SEARCHKEY_WORD_START | SEARCHKEY_WORD_END};
	const size_t want[3] = {4, 3, 2};
	int f;

	(void)state;
	for (f = 0; f < 3; f++) {
		for (pos = 0, k = 0; searchkey_next(h, n, flags[f] ? brk : NULL,
		    flags[f], &pos, &a, &b); k++)
			assert_int_equal(b - a, 5);
		assert_int_equal(k, want[f]);
	}
	pos = 0;
	assert_true(searchkey_next(h, n, brk, flags[2], &pos, &a, &b));
	assert_int_equal(a, 0);
	assert_true(searchkey_next(h, n, brk, flags[2], &pos, &a, &b));
	assert_int_equal(a, strlen("trust distrust trusted "));
	free(brk);
	searchkey_free(n);
	searchkey_free(h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yeh),
		cmocka_unit_test(test_kaf),
		cmocka_unit_test(test_heh),
		cmocka_unit_test(test_optional),
		cmocka_unit_test(test_digits),
		cmocka_unit_test(test_removed),
		cmocka_unit_test(test_nfkc_and_case),
		cmocka_unit_test(test_zwnj_space),
		cmocka_unit_test(test_map_back),
		cmocka_unit_test(test_doc_small),
		cmocka_unit_test(test_doc_windows),
		cmocka_unit_test(test_name_fold_distance),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_next_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
