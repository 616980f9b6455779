/*
 * test-similar.c: similar segments (stats/similar.h) and the words they
 * count (searchkey_words). The scores are checked against a TF-IDF and
 * cosine computed here from hand-folded word lists, on a small corpus in
 * Persian (ي/ی, ك/ک, ZWNJ or none, Persian, Arabic-Indic and ASCII
 * digits) and English (case).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "stats/similar.h"
#include "store/codetree.h"
#include "store/coder.h"
#include "store/coding.h"
#include "store/document.h"
#include "store/project.h"
#include "text/searchkey.h"
#include "base/util.h"
#include "testutil.h"

/* ---- words ---- */

struct words {
	char out[512];
	size_t start[16], end[16], n;
};

static int
collect(void *arg, const char *w, size_t wl, size_t start, size_t end)
{
	struct words *ws = arg;

	if (ws->n > 0)
		strcat(ws->out, "|");
	strncat(ws->out, w, wl);
	ws->start[ws->n] = start;
	ws->end[ws->n++] = end;
	return 0;
}

/* The words similar counts are the search index's (searchkey_words);
 * their byte ranges are tested in test-searchkey.c, here what is a word. */
static void
words_of(const char *text, struct words *ws)
{
	memset(ws, 0, sizeof *ws);
	searchkey_words(text, strlen(text), NULL, collect, ws);
}

static void
test_words(void **state)
{
	struct words ws;

	(void)state;
	/* ك ي folded, ZWNJ gone, digits ASCII, case folded, punctuation out */
	words_of("«كارمندان» نمی‌خواهند ۱۴۰۲، Trust ١٤٠٢ 1402!", &ws);
	assert_string_equal(ws.out,
	    "کارمندان|نمیخواهند|1402|trust|1402|1402");
	assert_int_equal(ws.start[0], 2);	/* bytes, after « */
	assert_int_equal(ws.end[0], 18);
	assert_int_equal(ws.start[1], 21);	/* the ZWNJ is inside */
	assert_int_equal(ws.end[1], 42);
	words_of("«»، ! \u200c ...", &ws);
	assert_int_equal(ws.n, 0);
	words_of("", &ws);
	assert_int_equal(ws.n, 0);
}

/* ---- scores against an independent TF-IDF ---- */

/* Each document's paragraphs as stored, and as the words a reader folds
 * them to (space separated, "" for none). */
struct para {
	const char *text, *words;
};

static const struct para d1[] = {
	{"كارمندان در سال ۱۴۰۲ به ايميل اعتماد نمی‌کردند.",
	    "کارمندان در سال 1402 به ایمیل اعتماد نمیکردند"},
	{"The staff did not Trust email in 1402.",
	    "the staff did not trust email in 1402"},
	{"", ""},
	{"«...»، !", ""},
};
static const struct para d2[] = {
	{"کارمندان به ایمیل اعتماد می‌کنند", "کارمندان به ایمیل اعتماد میکنند"},
	{"مردم در سال 1402 میخواهند سامانه",
	    "مردم در سال 1402 میخواهند سامانه"},
	{"trust the STAFF", "trust the staff"},
};
static const struct para d3[] = {
	{"کارمندان اعتماد ندارند ١٤٠٢ ١٤٠٢", "کارمندان اعتماد ندارند 1402 1402"},
	{"سامانه و ايميل", "سامانه و ایمیل"},
	{"the staff", "the staff"},
};
static const struct {
	const struct para *p;
	size_t n;
} corpus[] = {{d1, 4}, {d2, 3}, {d3, 3}};

/* The query: a segment of d1 ¶1, and its words. */
#define QUOTE "در سال ۱۴۰۲ به ايميل اعتماد"
#define QWORDS "در سال 1402 به ایمیل اعتماد"

#define MAXW 16
struct bagw {
	char w[MAXW][64];
	int tf[MAXW];
	size_t n;
};

static void
bag_of(const char *words, struct bagw *b)
{
	char tmp[512], *t, *save = NULL;
	size_t i;

	memset(b, 0, sizeof *b);
	snprintf(tmp, sizeof tmp, "%s", words);
	for (t = strtok_r(tmp, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		for (i = 0; i < b->n && strcmp(b->w[i], t) != 0; i++)
			;
		if (i == b->n)
			snprintf(b->w[b->n++], sizeof b->w[0], "%s", t);
		b->tf[i]++;
	}
}

static size_t
df_of(const char *w)
{
	struct bagw b;
	size_t d, i, j, df = 0;

	for (d = 0; d < 3; d++)
		for (i = 0; i < corpus[d].n; i++) {
			bag_of(corpus[d].p[i].words, &b);
			for (j = 0; j < b.n; j++)
				df += strcmp(b.w[j], w) == 0;
		}
	return df;
}

static size_t
units(void)
{
	size_t d, i, n = 0;

	for (d = 0; d < 3; d++)
		for (i = 0; i < corpus[d].n; i++)
			n += corpus[d].p[i].words[0] != '\0';
	return n;
}

static double
weight(const struct bagw *b, size_t j)
{
	return (1 + log(b->tf[j])) * log((double)units() / (double)df_of(b->w[j]));
}

static double
cosine(const char *qwords, const char *uwords)
{
	struct bagw q, u;
	double dot = 0, nq = 0, nu = 0;
	size_t i, j;

	bag_of(qwords, &q);
	bag_of(uwords, &u);
	for (i = 0; i < q.n; i++)
		nq += weight(&q, i) * weight(&q, i);
	for (j = 0; j < u.n; j++)
		nu += weight(&u, j) * weight(&u, j);
	for (i = 0; i < q.n; i++)
		for (j = 0; j < u.n; j++)
			if (strcmp(q.w[i], u.w[j]) == 0)
				dot += weight(&q, i) * weight(&u, j);
	return nq == 0 || nu == 0 ? 0 : dot / sqrt(nq * nu);
}

struct expect {
	size_t doc, para;	/* index into corpus, from 1 */
	double score;
};

static int
cmp_expect(const void *a, const void *b)
{
	const struct expect *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->doc != y->doc)
		return x->doc < y->doc ? -1 : 1;
	return x->para < y->para ? -1 : 1;
}

static char *
join(const struct para *p, size_t n)
{
	struct buf b = {0};
	size_t i;

	for (i = 0; i < n; i++) {
		buf_puts(&b, p[i].text);
		buf_putc(&b, '\n');
	}
	return buf_take(&b);
}

static void
test_scores(void **state)
{
	char *path, *t;
	struct project *p = tu_new_project(&path);
	int64_t doc[3], code, other, me, s, e, id;
	struct an_similar *m = an_similar_new();
	struct an_similar_hit *h;
	struct expect ex[16];
	size_t nex = 0, n, nw, d, i;

	(void)state;
	for (d = 0; d < 3; d++) {
		char name[8];

		snprintf(name, sizeof name, "d%zu", d + 1);
		t = join(corpus[d].p, corpus[d].n);
		doc[d] = tu_doc(p, name, t);
		free(t);
	}
	assert_ok(codetree_add(p, 0, NODE_CODE, "trust", &code));
	assert_ok(codetree_add(p, 0, NODE_CODE, "other", &other));
	assert_ok(coding_find_quote(p, doc[0], QUOTE, 1, &s, &e));
	assert_ok(coding_add(p, doc[0], code, s, e, &id));
	/* d2 ¶2 coded with the code (left out); d3 ¶2 with another (kept) */
	assert_ok(coding_find_quote(p, doc[1], "1402", 1, &s, &e));
	assert_ok(coding_add(p, doc[1], code, s, e, &id));
	assert_ok(coding_find_quote(p, doc[2], "سامانه", 1, &s, &e));
	assert_ok(coding_add(p, doc[2], other, s, e, &id));
	assert_ok(coder_find(p, project_coder_login(p), &me));

	for (d = 0; d < 3; d++)
		for (i = 0; i < corpus[d].n; i++) {
			double c = cosine(QWORDS, corpus[d].p[i].words);

			if ((d == 0 && i == 0) || (d == 1 && i == 1) || c <= 0)
				continue;
			ex[nex].doc = d;
			ex[nex].para = i + 1;
			ex[nex++].score = c;
		}
	qsort(ex, nex, sizeof *ex, cmp_expect);
	assert_true(nex >= 4);

	assert_ok(coding_find_quote(p, doc[0], QUOTE, 1, &s, &e));
	assert_ok(an_similar_sync(m, p));
	assert_int_equal(an_similar_units(m), units());
	assert_ok(an_similar_query(m, p, doc[0], s, e, code, me, 100, &h, &n,
	    &nw));
	assert_int_equal(nw, 6);
	assert_int_equal(n, nex);
	for (i = 0; i < n; i++) {
		assert_int_equal(h[i].doc, doc[ex[i].doc]);
		assert_int_equal(h[i].para, ex[i].para);
		assert_true(fabs(h[i].score - ex[i].score) < 1e-9);
	}
	/* the hit's span is its paragraph without the white space */
	free(h);

	/* top bounds the list; without the code d2 ¶2 comes back */
	assert_ok(an_similar_query(m, p, doc[0], s, e, code, me, 2, &h, &n, &nw));
	assert_int_equal(n, 2);
	free(h);
	assert_ok(an_similar_query(m, p, doc[0], s, e, 0, 0, 100, &h, &n, &nw));
	assert_int_equal(n, nex + 1);
	for (i = 0; i < n && !(h[i].doc == doc[1] && h[i].para == 2); i++)
		;
	assert_true(i < n);
	assert_true(fabs(h[i].score - cosine(QWORDS, d2[1].words)) < 1e-9);
	free(h);

	/* a span of punctuation has nothing to compare */
	assert_ok(coding_find_quote(p, doc[0], "«...»", 1, &s, &e));
	assert_ok(an_similar_query(m, p, doc[0], s, e, code, me, 10, &h, &n,
	    &nw));
	assert_int_equal(nw, 0);
	assert_int_equal(n, 0);
	free(h);

	/* a new document joins the model; a removed one leaves it */
	tu_doc(p, "d4", "کارمندان در سال ۱۴۰۲ به ایمیل اعتماد\n");
	assert_ok(an_similar_sync(m, p));
	assert_int_equal(an_similar_units(m), units() + 1);
	assert_ok(coding_find_quote(p, doc[0], QUOTE, 1, &s, &e));
	assert_ok(an_similar_query(m, p, doc[0], s, e, code, me, 1, &h, &n, &nw));
	assert_int_equal(n, 1);
	assert_int_equal(h[0].para, 1);
	assert_int_equal(h[0].start, 0);
	assert_int_equal(h[0].end, 36);
	free(h);
	assert_ok(doc_remove(p, doc[2]));
	assert_ok(an_similar_sync(m, p));
	assert_int_equal(an_similar_units(m), units() + 1 - 3);

	an_similar_free(m);
	project_close(p);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_scores),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
