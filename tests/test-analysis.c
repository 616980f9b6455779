/*
 * test-analysis.c: the analyses of analysis.h and the tables of report.h:
 * percent rounding and demographics of 14 participants, saturation on a
 * hand-made coding order, co-occurrence, frequencies, coding tables, the
 * sample, the codebook, the paradigm layout, DOT and SVG well-formedness,
 * the links of the paradigm figure (edges, unexplained slots, DOT, SVG,
 * one page), the report's theory page and the matrices.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "stats/analysis.h"
#include "store/codetree.h"
#include "store/coder.h"
#include "store/coding.h"
#include "store/document.h"
#include "store/link.h"
#include "store/memo.h"
#include "store/project.h"
#include "exchange/report.h"
#include "base/util.h"
#include "testutil.h"

/* ---- Percent rounding and demographics ---- */

static void
test_percent_round(void **state)
{
	(void)state;
	assert_int_equal(an_percent_round(9, 14), 64);	/* 64.29 */
	assert_int_equal(an_percent_round(5, 14), 36);	/* 35.71 */
	assert_int_equal(an_percent_round(3, 14), 21);	/* 21.43 */
	assert_int_equal(an_percent_round(7, 14), 50);
	assert_int_equal(an_percent_round(1, 14), 7);	/* 7.14 */
	assert_int_equal(an_percent_round(1, 8), 13);	/* 12.5: half up */
	assert_int_equal(an_percent_round(3, 8), 38);	/* 37.5 */
	assert_int_equal(an_percent_round(5, 8), 63);	/* 62.5 */
	assert_int_equal(an_percent_round(1, 40), 3);	/* 2.5 */
	assert_int_equal(an_percent_round(1, 3), 33);
	assert_int_equal(an_percent_round(2, 3), 67);
	assert_int_equal(an_percent_round(0, 14), 0);
	assert_int_equal(an_percent_round(14, 14), 100);
	assert_int_equal(an_percent_round(3, 0), 0);
	assert_true(an_percent(9, 14) > 64.2857 && an_percent(9, 14) < 64.2858);
}

/* pct(part, whole, decimals, style) as a string to compare */
static const char *
pct(double part, double whole, int decimals, enum percent_style style)
{
	static char out[PERCENT_MAX];

	return percent_fmt(out, sizeof out, part, whole, decimals, style);
}

static void
test_percent_fmt(void **state)
{
	(void)state;
	/* counts, exact in integers, half up */
	assert_string_equal(pct(1, 1, 1, PERCENT_BOUND), "100.0");
	assert_string_equal(pct(0, 5, 1, PERCENT_BOUND), "0.0");
	assert_string_equal(pct(1, 8, 1, PERCENT_BOUND), "12.5");
	assert_string_equal(pct(1, 800, 1, PERCENT_BOUND), "0.1");	/* 0.125 */
	assert_string_equal(pct(1, 3, 1, PERCENT_BOUND), "33.3");
	assert_string_equal(pct(1413, 2000, 1, PERCENT_BOUND), "70.7"); /* 70.65 */
	assert_string_equal(pct(1, 8, 0, PERCENT_BOUND), "13");
	/* not 100, not 0: never shown as such */
	assert_string_equal(pct(999, 1000, 1, PERCENT_BOUND), "99.9");
	assert_string_equal(pct(1999, 2000, 1, PERCENT_BOUND), ">99.9"); /* 99.95 */
	assert_string_equal(pct(2499, 2500, 1, PERCENT_BOUND), ">99.9");
	assert_string_equal(pct(1, 2000, 1, PERCENT_BOUND), "0.1");	/* 0.05 */
	assert_string_equal(pct(1, 2500, 1, PERCENT_BOUND), "<0.1");
	assert_string_equal(pct(199, 200, 0, PERCENT_BOUND), ">99");	/* 99.5 */
	assert_string_equal(pct(1, 201, 0, PERCENT_BOUND), "<1");	/* 0.497 */
	assert_string_equal(pct(9999, 10000, 2, PERCENT_BOUND), "99.99");
	assert_string_equal(pct(99999, 100000, 2, PERCENT_BOUND), ">99.99");
	/* fractions (kappa's P_o, a Wilson bound) */
	assert_string_equal(pct(0.5, 1, 1, PERCENT_BOUND), "50.0");
	assert_string_equal(pct(0.99996, 1, 1, PERCENT_BOUND), ">99.9");
	assert_string_equal(pct(0.0000004, 1, 1, PERCENT_BOUND), "<0.1");
	assert_string_equal(pct(1.0, 1, 1, PERCENT_BOUND), "100.0");
	/* machines: as many decimals as honesty needs */
	assert_string_equal(pct(1, 3, 1, PERCENT_DIGITS), "33.3");
	assert_string_equal(pct(2000, 2001, 1, PERCENT_DIGITS), "99.95");
	assert_string_equal(pct(1, 2500, 1, PERCENT_DIGITS), "0.04");
	assert_string_equal(pct(99999999, 100000000, 1, PERCENT_DIGITS),
	    "99.999999");
	assert_string_equal(pct(999999999, 1000000000, 1, PERCENT_DIGITS),
	    ">99.999999");
	assert_string_equal(pct(2, 2, 1, PERCENT_DIGITS), "100.0");
	/* nothing to divide by */
	assert_string_equal(pct(0, 0, 1, PERCENT_BOUND), "");
}

static void
test_decimal(void **state)
{
	char *s;

	(void)state;
	s = rp_decimal(an_percent(9, 14));
	assert_string_equal(s, "64.285714");
	free(s);
	s = rp_decimal(an_percent(1, 8));
	assert_string_equal(s, "12.5");
	free(s);
	s = rp_decimal(an_percent(7, 14));
	assert_string_equal(s, "50");
	free(s);
	s = rp_decimal(0);
	assert_string_equal(s, "0");
	free(s);
}

static void
test_demographics_14(void **state)
{
	/* 14 participants: 9 female, 5 male; education 3/6/4 and one missing;
	 * 8 have an age band: 1 of 8 would be 12.5% of 8 but N stays 14. */
	static const char *const keys[] = {"gender", "education"};
	const char *values[14 * 2];
	struct an_demographics d;
	struct rp_table t;
	struct buf b = {0};
	size_t i;

	(void)state;
	for (i = 0; i < 14; i++) {
		values[i * 2] = i < 9 ? "female" : "male";
		values[i * 2 + 1] = i < 3 ? "PhD" : i < 9 ? "MSc" : i < 13 ? "BSc" :
		    NULL;
	}
	values[0 * 2] = "female";
	an_demographics_from(14, keys, 2, values, &d);
	assert_int_equal(d.n, 14);
	assert_int_equal(d.nattrs, 2);
	assert_string_equal(d.attrs[0].key, "gender");
	assert_int_equal(d.attrs[0].nlevels, 2);
	assert_string_equal(d.attrs[0].levels[0].value, "female");
	assert_int_equal(d.attrs[0].levels[0].count, 9);
	assert_int_equal(an_percent_round(d.attrs[0].levels[0].count, d.n), 64);
	assert_string_equal(d.attrs[0].levels[1].value, "male");
	assert_int_equal(d.attrs[0].levels[1].count, 5);
	assert_int_equal(an_percent_round(d.attrs[0].levels[1].count, d.n), 36);
	/* levels in order of first appearance, missing last */
	assert_int_equal(d.attrs[1].nlevels, 4);
	assert_string_equal(d.attrs[1].levels[0].value, "PhD");
	assert_int_equal(d.attrs[1].levels[0].count, 3);
	assert_int_equal(an_percent_round(3, d.n), 21);
	assert_string_equal(d.attrs[1].levels[1].value, "MSc");
	assert_int_equal(d.attrs[1].levels[1].count, 6);
	assert_int_equal(an_percent_round(6, d.n), 43);
	assert_string_equal(d.attrs[1].levels[2].value, "BSc");
	assert_int_equal(d.attrs[1].levels[2].count, 4);
	assert_int_equal(an_percent_round(4, d.n), 29);
	assert_true(d.attrs[1].levels[3].missing);
	assert_int_equal(d.attrs[1].levels[3].count, 1);
	an_demographics_done(&d);

	/* 8 participants, 1 of them in a level: 12.5% -> 13 */
	an_demographics_from(8, keys, 1, (const char *const[]){"a", "b", "b",
	    "b", "b", "b", "b", "b"}, &d);
	assert_int_equal(d.attrs[0].levels[0].count, 1);
	assert_int_equal(an_percent_round(d.attrs[0].levels[0].count, d.n), 13);
	assert_int_equal(an_percent_round(d.attrs[0].levels[1].count, d.n), 88);
	an_demographics_done(&d);

	/* levels that all hold a number sort by it (Persian digits too) */
	an_demographics_from(5, keys, 1, (const char *const[]){"45-54", "۳۵ تا ۴۴",
	    "25-34", "45-54", "بیش از ۵۵"}, &d);
	assert_int_equal(d.attrs[0].nlevels, 4);
	assert_string_equal(d.attrs[0].levels[0].value, "25-34");
	assert_string_equal(d.attrs[0].levels[1].value, "۳۵ تا ۴۴");
	assert_string_equal(d.attrs[0].levels[2].value, "45-54");
	assert_int_equal(d.attrs[0].levels[2].count, 2);
	assert_string_equal(d.attrs[0].levels[3].value, "بیش از ۵۵");
	an_demographics_done(&d);
	/* otherwise first appearance */
	an_demographics_from(3, keys, 1, (const char *const[]){"b", "a 1", "c"},
	    &d);
	assert_string_equal(d.attrs[0].levels[0].value, "b");
	an_demographics_done(&d);

	/* the table: whole percents shown, exact values in CSV */
	rp_table_init(&t, "x", "x", 4, "Variable", "Level", "Count", "Percent");
	rp_row(&t);
	rp_set(&t, 0, "gender");
	rp_set(&t, 3, "64");
	rp_set_exact(&t, 3, "64.285714");
	rp_csv(&t, &b);
	assert_string_equal(b.s, "Variable,Level,Count,Percent\r\ngender,,,64.285714\r\n");
	buf_reset(&b);
	rp_markdown(&t, &b);
	assert_non_null(strstr(b.s, "| gender |  |  | 64 |"));
	buf_done(&b);
	rp_table_done(&t);
}

/* ---- Saturation on a hand-made coding order ---- */

static void
test_saturation_pairs(void **state)
{
	/*
	 * Six interviews, codes by id:
	 *   1: {1, 2, 3}   2: {2, 4}   3: not coded   4: {1, 5, 5}
	 *   5: {5}         6: {2}
	 * New: 3 1 0 1 0 0; cumulative 3 4 4 5 5 5; saturation at interview
	 * 4 with two confirming interviews.
	 */
	static const struct an_sat_pair pairs[] = {
		{3, 5}, {0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 4}, {3, 1}, {3, 5},
		{4, 5}, {5, 2},
	};
	static const int64_t pos[] = {1, 2, 3, 4, 5, 6};
	static const int64_t nnew[] = {3, 1, 0, 1, 0, 0};
	static const int64_t cum[] = {3, 4, 4, 5, 5, 5};
	static const int64_t since[] = {0, 0, 0, 0, 1, 2};
	static const int64_t ncod[] = {3, 2, 0, 3, 1, 1};
	struct an_saturation s;
	size_t i;

	(void)state;
	an_saturation_pairs(6, pos, pairs, AX_ARRAY_LEN(pairs), &s);
	assert_int_equal(s.nrows, 6);
	for (i = 0; i < 6; i++) {
		assert_int_equal(s.rows[i].nnew, nnew[i]);
		assert_int_equal(s.rows[i].cumulative, cum[i]);
		assert_int_equal(s.rows[i].since_new, since[i]);
		assert_int_equal(s.rows[i].ncodings, ncod[i]);
		assert_int_equal(s.rows[i].coded, i != 2);
	}
	assert_int_equal(s.point, 4);
	assert_int_equal(s.point_row, 3);
	assert_int_equal(s.confirming, 2);
	assert_int_equal(s.ncodes, 5);
	an_saturation_done(&s);

	/* the last coded interview still brings a new code: not reached */
	an_saturation_pairs(3, pos, (const struct an_sat_pair[]){{0, 1}, {1, 1},
	    {2, 9}}, 3, &s);
	assert_int_equal(s.point, 0);
	assert_int_equal(s.confirming, 0);
	assert_int_equal(s.rows[1].since_new, 1);
	an_saturation_done(&s);

	/* trailing uncoded interviews do not confirm anything */
	an_saturation_pairs(4, pos, (const struct an_sat_pair[]){{0, 1}, {1, 2}},
	    2, &s);
	assert_int_equal(s.point, 0);
	an_saturation_done(&s);

	/* nothing coded */
	an_saturation_pairs(4, pos, NULL, 0, &s);
	assert_int_equal(s.point, 0);
	assert_int_equal(s.ncodes, 0);
	an_saturation_done(&s);

	/* the point is the interview's position, not its index */
	an_saturation_pairs(3, (const int64_t[]){5, 6, 7},
	    (const struct an_sat_pair[]){{0, 1}, {1, 1}}, 2, &s);
	assert_int_equal(s.point, 5);
	an_saturation_done(&s);
}

/* ---- A small project with two coders ---- */

struct fx {
	char *path;
	struct an_project a;
	int64_t c1, c2, c3, cause, sub, core, other, root, b;
};

static int64_t
node(struct project *p, int64_t parent, enum node_kind k, const char *name)
{
	int64_t id = 0;

	if (codetree_add(p, parent, k, name, &id) != AX_OK)
		fail_msg("add %s: %s", name, project_errmsg(p));
	return id;
}

static void
tag(struct project *p, int64_t doc, int64_t code, int64_t s, int64_t e)
{
	int64_t id;

	if (coding_add(p, doc, code, s, e, &id) != AX_OK)
		fail_msg("tag: %s", project_errmsg(p));
}

static int
fx_setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);
	struct project *p, *q;
	int64_t i1, i2, i3, m;

	p = tu_new_project(&f->path);
	/* paragraph 1 of i1: "P1: alpha beta gamma" (alpha 4-9, beta 10-14,
	 * gamma 15-20); paragraph 2: "P1: delta epsilon" (delta 25-30) */
	i1 = tu_doc(p, "i1", "P1: alpha beta gamma\nP1: delta epsilon\n");
	i2 = tu_doc(p, "i2", "P2: zeta eta\nP2: theta\n");
	i3 = tu_doc(p, "i3", "P3: iota\n");
	assert_ok(doc_attr_set(p, i1, "gender", "female"));
	assert_ok(doc_attr_set(p, i2, "gender", "male"));
	f->other = node(p, 0, NODE_CATEGORY, "Unsorted");
	f->cause = node(p, 0, NODE_CATEGORY, "Cause");
	f->core = node(p, 0, NODE_CATEGORY, "ناهماهنگی");
	assert_ok(codetree_set_role(p, f->cause, ROLE_CAUSAL));
	assert_ok(codetree_set_role(p, f->core, ROLE_CENTRAL));
	f->sub = node(p, f->cause, NODE_CATEGORY, "Sub");
	f->c1 = node(p, f->sub, NODE_CODE, "no <shared> & \"db\"");
	f->c2 = node(p, f->core, NODE_CODE, "سامانه | موازی");
	f->c3 = node(p, f->other, NODE_CODE, "c3");
	assert_ok(memo_add(p, MEMO_NODE, f->c1, MEMO_TYPE_CODE, "", "why", &m));
	assert_ok(coder_add(p, "coder-b", NULL, NULL, project_account(p)));
	/* the acting coder (the OS account) */
	tag(p, i1, f->c1, 4, 9);
	tag(p, i1, f->c2, 6, 14);
	tag(p, i1, f->c3, 25, 30);
	tag(p, i1, f->c3, 15, 20);
	tag(p, i2, f->c1, 4, 8);
	assert_ok(coder_find(p, project_coder_login(p), &f->root));
	project_close(p);
	assert_ok(project_open(f->path, 0, "coder-b", &q, NULL));
	tag(q, i1, f->c1, 4, 9);
	tag(q, i1, f->c2, 4, 9);
	tag(q, i3, f->c3, 4, 8);
	assert_ok(coder_find(q, "coder-b", &f->b));
	assert_ok(an_load(q, &f->a));
	project_close(q);
	*state = f;
	return 0;
}

static int
fx_teardown(void **state)
{
	struct fx *f = *state;

	an_done(&f->a);
	free(f->path);
	free(f);
	return 0;
}

static size_t
nidx(const struct fx *f, int64_t id)
{
	long i = an_node_index(&f->a, id);

	assert_true(i >= 0);
	return (size_t)i;
}

static void
test_project_saturation(void **state)
{
	struct fx *f = *state;
	struct an_saturation s;

	an_saturation(&f->a, 0, &s);		/* pooled: 3 0 0, point 1 */
	assert_int_equal(s.rows[0].nnew, 3);
	assert_int_equal(s.rows[1].nnew, 0);
	assert_int_equal(s.rows[2].nnew, 0);
	assert_int_equal(s.point, 1);
	assert_int_equal(s.confirming, 2);
	an_saturation_done(&s);
	an_saturation(&f->a, f->root, &s);	/* 3 0 -, point 1 */
	assert_int_equal(s.point, 1);
	assert_int_equal(s.confirming, 1);
	assert_false(s.rows[2].coded);
	an_saturation_done(&s);
	an_saturation(&f->a, f->b, &s);		/* 2 - 1: not reached */
	assert_int_equal(s.rows[0].nnew, 2);
	assert_false(s.rows[1].coded);
	assert_int_equal(s.rows[2].nnew, 1);
	assert_int_equal(s.point, 0);
	an_saturation_done(&s);
}

static int64_t
cooc_at(const struct fx *f, const struct an_cooc *c, int64_t x, int64_t y)
{
	size_t i, j, ix = c->n, iy = c->n;

	for (i = 0; i < c->n; i++) {
		if (c->node[i] == nidx(f, x))
			ix = i;
		if (c->node[i] == nidx(f, y))
			iy = i;
	}
	assert_true(ix < c->n && iy < c->n);
	j = ix * c->n + iy;
	return c->m[j];
}

static void
test_project_cooc(void **state)
{
	struct fx *f = *state;
	struct an_cooc c;

	an_cooc(&f->a, AN_COOC_OVERLAP, 0, &c);
	assert_int_equal(c.n, 3);
	/* root: c1 [4,9) x c2 [6,14); coder-b: c1 [4,9) x c2 [4,9); root's
	 * c1 against coder-b's c2 does not count */
	assert_int_equal(cooc_at(f, &c, f->c1, f->c2), 2);
	assert_int_equal(cooc_at(f, &c, f->c2, f->c1), 2);
	assert_int_equal(cooc_at(f, &c, f->c1, f->c3), 0);
	assert_int_equal(cooc_at(f, &c, f->c2, f->c3), 0);
	assert_int_equal(cooc_at(f, &c, f->c1, f->c1), 3);
	assert_int_equal(cooc_at(f, &c, f->c3, f->c3), 3);
	an_cooc_done(&c);

	an_cooc(&f->a, AN_COOC_PARAGRAPH, 0, &c);
	/* root i1 p1 {c1 c2 c3}, root i1 p2 {c3}, root i2 p1 {c1},
	 * b i1 p1 {c1 c2}, b i3 p1 {c3} */
	assert_int_equal(cooc_at(f, &c, f->c1, f->c2), 2);
	assert_int_equal(cooc_at(f, &c, f->c1, f->c3), 1);
	assert_int_equal(cooc_at(f, &c, f->c3, f->c2), 1);
	assert_int_equal(cooc_at(f, &c, f->c1, f->c1), 3);
	assert_int_equal(cooc_at(f, &c, f->c2, f->c2), 2);
	assert_int_equal(cooc_at(f, &c, f->c3, f->c3), 3);
	an_cooc_done(&c);

	an_cooc(&f->a, AN_COOC_PARAGRAPH, f->b, &c);
	assert_int_equal(cooc_at(f, &c, f->c1, f->c2), 1);
	assert_int_equal(cooc_at(f, &c, f->c1, f->c3), 0);
	an_cooc_done(&c);
}

static void
test_project_freq(void **state)
{
	struct fx *f = *state;
	struct an_freq q;
	size_t r;

	an_freq(&f->a, AN_FREQ_DOCUMENT, 0, &q);
	assert_int_equal(q.nrows, 3);
	assert_int_equal(q.ncols, 3);
	assert_int_equal(q.total, 8);
	for (r = 0; r < q.nrows; r++)
		if (q.row_node[r] == nidx(f, f->c1)) {
			assert_int_equal(q.cell[r * 3 + 0], 2);
			assert_int_equal(q.cell[r * 3 + 1], 1);
			assert_int_equal(q.cell[r * 3 + 2], 0);
			assert_int_equal(q.row_total[r], 3);
		}
	assert_int_equal(q.col_total[0], 6);
	assert_int_equal(q.col_total[1], 1);
	assert_int_equal(q.col_total[2], 1);
	an_freq_done(&q);

	an_freq(&f->a, AN_FREQ_CODER, 0, &q);
	assert_int_equal(q.ncols, 2);	/* only coders with codings */
	assert_int_equal(q.col_total[0] + q.col_total[1], 8);
	an_freq_done(&q);
	an_freq(&f->a, AN_FREQ_CODER, f->b, &q);
	assert_int_equal(q.ncols, 1);
	assert_int_equal(q.total, 3);
	an_freq_done(&q);
}


/* The matrix's cell (row node id, column c), its row found by node. */
static int64_t
mx_at(const struct fx *f, const struct an_matrix *m, int64_t node, size_t c)
{
	size_t r;

	for (r = 0; r < m->nrows; r++)
		if (m->row_node[r] == nidx(f, node))
			return m->cell[r * m->ncols + c];
	fail_msg("no row for node %lld", (long long)node);
	return -1;
}

static int64_t
mx_row_total(const struct fx *f, const struct an_matrix *m, int64_t node)
{
	size_t r;

	for (r = 0; r < m->nrows; r++)
		if (m->row_node[r] == nidx(f, node))
			return m->row_total[r];
	return -1;
}

/* The root coder's codings: i1 (female) c1 [4,9), c2 [6,14), c3 twice;
 * i2 (male) c1 [4,8); i3 has no gender and none of the root's codings. */
static void
test_matrix(void **state)
{
	struct fx *f = *state;
	struct an_matrix_spec s = { AN_MX_CODES, AN_MX_BY_ATTR, AN_MX_SEGMENTS,
	    "gender", 0 };
	struct an_matrix m;
	struct rp_table t;
	const char *near = "x";
	size_t *cod, n, r;

	s.coder = f->root;
	assert_int_equal(an_matrix(&f->a, &s, &m, &near), AN_MX_OK);
	assert_null(near);
	assert_int_equal(m.ncols, 3);	/* female, male, (none) */
	assert_string_equal(m.col_label[0], "female");
	assert_string_equal(m.col_label[1], "male");
	assert_null(m.col_label[2]);
	assert_int_equal(mx_at(f, &m, f->c1, 0), 1);
	assert_int_equal(mx_at(f, &m, f->c1, 1), 1);
	assert_int_equal(mx_at(f, &m, f->c1, 2), 0);
	assert_int_equal(mx_at(f, &m, f->c3, 0), 2);
	assert_int_equal(mx_row_total(f, &m, f->c3), 2);
	assert_int_equal(m.col_total[0], 4);
	assert_int_equal(m.col_total[1], 1);
	assert_int_equal(m.col_total[2], 0);
	assert_int_equal(m.total, 5);
	assert_int_equal(m.max, 2);
	an_matrix_done(&m);

	/* categories: Cause and its Sub both hold c1, counted once in the
	 * column total */
	s.rows = AN_MX_CATEGORIES;
	assert_int_equal(an_matrix(&f->a, &s, &m, NULL), AN_MX_OK);
	assert_int_equal(m.nrows, 4);
	assert_int_equal(mx_at(f, &m, f->cause, 0), 1);
	assert_int_equal(mx_at(f, &m, f->sub, 1), 1);
	assert_int_equal(mx_at(f, &m, f->other, 0), 2);
	assert_int_equal(m.col_total[0], 4);
	assert_int_equal(m.total, 5);
	/* the Cause x female cell is the root's c1 coding in i1 */
	for (r = 0; r < m.nrows && m.row_node[r] != nidx(f, f->cause); r++)
		;
	cod = an_matrix_codings(&f->a, &m, r, 0, &n);
	assert_int_equal(n, 1);
	assert_int_equal(f->a.codings[cod[0]].start, 4);
	assert_int_equal(f->a.codings[cod[0]].node, f->c1);
	free(cod);
	an_matrix_done(&m);

	/* documents: a column's total is its documents, coded or not */
	s.count = AN_MX_DOCUMENTS;
	assert_int_equal(an_matrix(&f->a, &s, &m, NULL), AN_MX_OK);
	assert_int_equal(mx_at(f, &m, f->other, 0), 1);
	assert_int_equal(mx_row_total(f, &m, f->cause), 2);
	assert_int_equal(m.col_total[0], 1);
	assert_int_equal(m.col_total[2], 1);
	assert_int_equal(m.total, 3);
	rp_matrix_table(&f->a, &m, 'r', "m", &t);
	assert_string_equal(t.head[1], "female");
	assert_string_equal(t.head[3], "(none)");
	assert_string_equal(t.head[4], "Total");
	for (r = 0; r < t.nrows && strcmp(t.cell[r * t.ncols], "Cause") != 0; r++)
		;
	assert_true(r < t.nrows);
	assert_string_equal(t.cell[r * t.ncols + 1], "50.0");	/* 1 of 2 */
	assert_string_equal(t.cell[r * t.ncols + 4], "2");
	assert_string_equal(t.cell[(t.nrows - 1) * t.ncols], "Total");
	assert_string_equal(t.cell[(t.nrows - 1) * t.ncols + 4], "3");
	rp_table_done(&t);
	an_matrix_done(&m);

	/* documents as columns: coder-b's c3 is in i3 */
	s.cols = AN_MX_BY_DOC;
	s.rows = AN_MX_CODES;
	s.coder = f->b;
	s.count = AN_MX_SEGMENTS;
	assert_int_equal(an_matrix(&f->a, &s, &m, NULL), AN_MX_OK);
	assert_int_equal(m.ncols, 3);
	assert_int_equal(mx_at(f, &m, f->c3, 2), 1);
	assert_int_equal(mx_at(f, &m, f->c1, 0), 1);
	assert_int_equal(m.total, 3);
	an_matrix_done(&m);
}

static void
test_matrix_codes(void **state)
{
	struct fx *f = *state;
	struct an_matrix_spec s = { AN_MX_CODES, AN_MX_BY_CODE, AN_MX_SEGMENTS,
	    NULL, 0 };
	struct an_matrix m;
	struct an_cooc c;
	size_t i, j, *cod, n;

	/* segments and paragraphs are an_cooc's figures */
	s.coder = f->root;
	assert_int_equal(an_matrix(&f->a, &s, &m, NULL), AN_MX_OK);
	an_cooc(&f->a, AN_COOC_OVERLAP, f->root, &c);
	assert_int_equal(m.nrows, c.n);
	assert_false(m.has_totals);
	for (i = 0; i < c.n * c.n; i++)
		assert_int_equal(m.cell[i], c.m[i]);
	an_cooc_done(&c);
	for (i = 0; i < m.nrows && m.row_node[i] != nidx(f, f->c1); i++)
		;
	for (j = 0; j < m.ncols && m.col_ref[j] != nidx(f, f->c2); j++)
		;
	assert_int_equal(m.cell[i * m.ncols + j], 1);
	cod = an_matrix_codings(&f->a, &m, i, j, &n);	/* c1 [4,9) in i1 */
	assert_int_equal(n, 1);
	assert_int_equal(f->a.codings[cod[0]].end, 9);
	free(cod);
	an_matrix_done(&m);

	/* documents with both: c1 is in i1 and i2, c2 and c3 in i1 */
	s.count = AN_MX_DOCUMENTS;
	assert_int_equal(an_matrix(&f->a, &s, &m, NULL), AN_MX_OK);
	for (i = 0; i < m.nrows && m.row_node[i] != nidx(f, f->c1); i++)
		;
	for (j = 0; j < m.ncols && m.col_ref[j] != nidx(f, f->c3); j++)
		;
	assert_int_equal(m.cell[i * m.ncols + i], 2);
	assert_int_equal(m.cell[i * m.ncols + j], 1);
	cod = an_matrix_codings(&f->a, &m, i, j, &n);	/* c1 in i1 only */
	assert_int_equal(n, 1);
	free(cod);
	cod = an_matrix_codings(&f->a, &m, i, i, &n);	/* every c1 */
	assert_int_equal(n, 2);
	free(cod);
	an_matrix_done(&m);
}

static void
test_matrix_bad(void **state)
{
	struct fx *f = *state;
	struct an_matrix_spec s = { AN_MX_CODES, AN_MX_BY_ATTR, AN_MX_SEGMENTS,
	    "gendr", 0 };
	struct an_matrix m;
	const char *near = NULL;

	assert_int_equal(an_matrix(&f->a, &s, &m, &near), AN_MX_NO_ATTR);
	assert_string_equal(near, "gender");
	an_matrix_done(&m);
	s.attr = "zzzzzzzz";
	assert_int_equal(an_matrix(&f->a, &s, &m, &near), AN_MX_NO_ATTR);
	assert_null(near);
	an_matrix_done(&m);
	s.attr = "GENDER";	/* folded */
	assert_int_equal(an_matrix(&f->a, &s, &m, &near), AN_MX_OK);
	assert_string_equal(m.attr, "gender");
	an_matrix_done(&m);
	s.rows = AN_MX_CATEGORIES;
	s.cols = AN_MX_BY_CODE;
	assert_int_equal(an_matrix(&f->a, &s, &m, NULL), AN_MX_BAD_SHAPE);
	an_matrix_done(&m);
	s.rows = AN_MX_CODES;
	s.cols = AN_MX_BY_DOC;
	s.count = AN_MX_PARAGRAPHS;
	assert_int_equal(an_matrix(&f->a, &s, &m, NULL), AN_MX_BAD_SHAPE);
	an_matrix_done(&m);
}

static void
test_project_tables(void **state)
{
	struct fx *f = *state;
	struct an_slot_table t;
	struct an_sample s;
	struct an_codebook cb;
	struct an_demographics d;

	an_slot_table(&f->a, ROLE_CAUSAL, 0, &t);
	assert_int_equal(t.ncategories, 1);
	assert_int_equal(t.nrows, 1);
	assert_int_equal(t.rows[0].main, nidx(f, f->cause));
	assert_string_equal(t.rows[0].sub, "Sub");
	assert_int_equal(t.rows[0].code, nidx(f, f->c1));
	assert_int_equal(t.rows[0].ncodings, 3);
	assert_int_equal(t.rows[0].ndocs, 2);
	an_slot_table_done(&t);
	an_slot_table(&f->a, ROLE_CENTRAL, 0, &t);
	assert_int_equal(t.nrows, 1);
	assert_string_equal(t.rows[0].sub, "");
	assert_int_equal(t.rows[0].ndocs, 1);
	an_slot_table_done(&t);
	an_slot_table(&f->a, ROLE_STRATEGIES, 0, &t);
	assert_int_equal(t.ncategories, 0);
	assert_int_equal(t.nrows, 0);
	an_slot_table_done(&t);
	an_slot_table(&f->a, ROLE_NONE, 0, &t);
	assert_int_equal(t.nrows, 1);
	assert_int_equal(t.rows[0].ncodings, 3);
	an_slot_table_done(&t);

	/* codes in tree order: role categories first (central: c2, causal:
	 * c1), then the rest (c3) */
	an_sample(&f->a, f->b, 1, &s);
	assert_int_equal(s.nrows, 3);
	assert_int_equal(s.rows[0].code, nidx(f, f->c2));
	assert_string_equal(s.rows[0].quote, "alpha");
	assert_int_equal(s.rows[1].code, nidx(f, f->c1));
	assert_int_equal(s.rows[1].paragraph, 1);
	assert_string_equal(s.rows[2].quote, "iota");
	assert_int_equal(s.rows[2].doc, 2);
	an_sample_done(&s);
	an_sample(&f->a, f->root, 2, &s);	/* c2, c1 twice, c3 twice */
	assert_int_equal(s.nrows, 5);
	assert_string_equal(s.rows[0].quote, "pha beta");
	assert_string_equal(s.rows[1].quote, "alpha");
	assert_string_equal(s.rows[2].quote, "zeta");
	assert_int_equal(s.rows[2].doc, 1);
	assert_string_equal(s.rows[3].quote, "gamma");	/* text order */
	assert_int_equal(s.rows[3].paragraph, 1);
	assert_string_equal(s.rows[4].quote, "delta");
	assert_int_equal(s.rows[4].paragraph, 2);
	an_sample_done(&s);

	an_codebook(&f->a, 0, &cb);
	assert_int_equal(cb.nrows, 3);
	assert_string_equal(cb.rows[0].path, "ناهماهنگی");
	assert_int_equal(cb.rows[0].nmemos, 0);
	assert_string_equal(cb.rows[1].path, "Cause/Sub");
	assert_string_equal(cb.rows[1].memos, "why");
	assert_int_equal(cb.rows[1].nmemos, 1);
	assert_int_equal(cb.rows[1].ncoders, 2);
	assert_int_equal(cb.rows[1].ncodings, 3);
	assert_int_equal(cb.rows[1].ndocs, 2);
	assert_string_equal(cb.rows[2].path, "Unsorted");
	an_codebook_done(&cb);

	an_demographics(&f->a, &d);	/* i3 has no gender */
	assert_int_equal(d.n, 3);
	assert_int_equal(d.attrs[0].nlevels, 3);
	assert_true(d.attrs[0].levels[2].missing);
	assert_int_equal(an_percent_round(d.attrs[0].levels[0].count, d.n), 33);
	an_demographics_done(&d);
}

static bool
boxes_overlap(const struct an_lbox *x, const struct an_lbox *y)
{
	return x->x < y->x + y->w && y->x < x->x + x->w &&
	    x->y < y->y + y->h && y->y < x->y + x->h;
}

static void
check_layout(const struct an_layout *l, int w, int h)
{
	size_t i, j;

	assert_true(l->fits);
	for (i = 0; i < 6; i++) {
		const struct an_lbox *b = &l->box[i];

		assert_true(b->x >= 0 && b->y >= 0 && b->w >= 12 && b->h >= 3);
		assert_true(b->x + b->w <= w && b->y + b->h <= h);
		for (j = i + 1; j < 6; j++)
			assert_false(boxes_overlap(b, &l->box[j]));
	}
	for (i = 0; i < l->narrows; i++) {
		const struct an_larrow *a = &l->arrow[i];

		assert_true(a->x1 == a->x2 || a->y1 == a->y2);
		assert_true(a->x1 >= 0 && a->x2 < w && a->y1 >= 0 && a->y2 < h);
		for (j = 0; j < 6; j++) {	/* arrow ends lie between boxes */
			const struct an_lbox *b = &l->box[j];

			assert_false(a->x2 >= b->x && a->x2 < b->x + b->w &&
			    a->y2 >= b->y && a->y2 < b->y + b->h);
		}
	}
}

static void
test_paradigm_layout(void **state)
{
	struct fx *f = *state;
	struct an_paradigm m;
	struct an_layout l;
	size_t s = 1;		/* an_slots[1] is causal */

	(void)state;
	an_paradigm(&f->a, true, &m);
	assert_int_equal(m.slot[s].role, ROLE_CAUSAL);
	assert_int_equal(m.slot[s].nlines, 3);
	assert_string_equal(m.slot[s].lines[0].text, "Cause");
	assert_int_equal(m.slot[s].lines[1].level, 1);
	assert_true(m.slot[s].lines[2].is_code);
	assert_int_equal(m.slot[2].nlines, 0);	/* contextual: empty */

	an_paradigm_layout(&m, 120, 30, &l);
	check_layout(&l, 120, 30);
	assert_false(l.stacked);
	assert_int_equal(l.narrows, 5);
	assert_int_equal(l.box[s].nshown, 3);
	assert_int_equal(l.box[s].more, 0);
	/* contextual above strategies, intervening below */
	assert_true(l.box[2].y + l.box[2].h <= l.box[4].y);
	assert_true(l.box[3].y >= l.box[4].y + l.box[4].h);
	assert_int_equal(l.box[2].x, l.box[4].x);

	an_paradigm_layout(&m, 120, 11, &l);	/* the minimum: 3 rows each */
	check_layout(&l, 120, 11);
	assert_int_equal(l.box[s].nshown, 0);
	assert_int_equal(l.box[s].more, 3);

	an_paradigm_layout(&m, 120, 13, &l);	/* 5 rows: 1 line + "+2 more" */
	check_layout(&l, 120, 13);
	assert_int_equal(l.box[s].h, 5);
	assert_int_equal(l.box[s].nshown, 1);
	assert_int_equal(l.box[s].more, 2);

	an_paradigm_layout(&m, 40, 60, &l);
	check_layout(&l, 40, 60);
	assert_true(l.stacked);

	an_paradigm_layout(&m, 10, 5, &l);
	assert_false(l.fits);
	an_paradigm_done(&m);
}

static void
check_xml(const char *s, size_t n)
{
	xmlDocPtr doc = xmlReadMemory(s, (int)n, "x.svg", "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

	assert_non_null(doc);
	xmlFreeDoc(doc);
}

static void
test_paradigm_dot_svg(void **state)
{
	struct fx *f = *state;
	struct an_paradigm m;
	struct buf b = {0};

	an_paradigm(&f->a, true, &m);
	an_paradigm_dot(&m, "A \"study\" \\ <x>", &b);
	/* causal is unexplained (no links): the title goes in an HTML label
	 * with the note under it */
	assert_non_null(strstr(b.s, "label=<A &quot;study&quot; \\ &lt;x&gt;<BR/>"));
	assert_non_null(strstr(b.s, "no &lt;shared&gt; &amp; &quot;db&quot;"));
	/* the slots keep their places without arrows of their own */
	assert_non_null(strstr(b.s, "causal -> central [style=invis];"));
	assert_non_null(strstr(b.s, "intervening -> strategies [style=invis];"));
	an_paradigm_done(&m);
	memset(&m, 0, sizeof m);
	m.slot[0].role = ROLE_CENTRAL;	/* nothing unexplained: a plain title */
	buf_reset(&b);
	an_paradigm_dot(&m, "A \"study\" \\ <x>", &b);
	assert_non_null(strstr(b.s, "label=\"A \\\"study\\\" \\\\ <x>\""));
	an_paradigm(&f->a, true, &m);
	buf_reset(&b);
	an_paradigm_svg(&m, "A \"study\" & <x>", &b);
	check_xml(b.s, b.len);
	assert_non_null(strstr(b.s, "no &lt;shared&gt; &amp; &quot;db&quot;"));
	/* Persian text is marked right-to-left, Latin text is not */
	assert_non_null(strstr(b.s, "direction=\"rtl\" unicode-bidi=\"embed\">ناهماهنگی<"));
	assert_non_null(strstr(b.s, ">Cause</text>"));
	assert_null(strstr(b.s, "unicode-bidi=\"embed\">Cause<"));
	assert_non_null(strstr(b.s, "font-family=\"Vazirmatn"));
	buf_done(&b);
	an_paradigm_done(&m);
}

/* ---- Links in the paradigm figure and the theory page ---- */

struct lfx {
	char *path;
	struct an_project a;
	int64_t phen, p1, pc, cause, s1, c1, c1b, ctx, itv, strat, cons, cs,
	    loose, lk_mixed, coding_a, coding_b;
	int64_t coder_b;
};

static int64_t
lnk(struct project *p, int64_t from, int64_t to, int64_t type, bool directed,
    const char *memo)
{
	int64_t id = 0;

	if (link_add(p, from, to, type, directed, memo, &id) != AX_OK)
		fail_msg("link: %s", project_errmsg(p));
	return id;
}

/*
 * Six slots: the central phenomenon (sub P1 with a code), causal (sub S1
 * with two codes), contextual (no link), intervening (linked only to the
 * strategies), strategies (linked to the phenomenon), consequences (its
 * sub linked from the phenomenon); and a category without a role.
 */
static int
lfx_setup(void **state)
{
	struct lfx *f = xcalloc(1, sizeof *f);
	struct project *p, *q;
	int64_t d, m, ev;

	p = tu_new_project(&f->path);
	d = tu_doc(p, "i1", "P1: first quote here\nP1: the second one\n"
	    "P1: a line\nwith\ttabs\n");
	f->phen = node(p, 0, NODE_CATEGORY, "Phen");
	f->cause = node(p, 0, NODE_CATEGORY, "Cause");
	f->ctx = node(p, 0, NODE_CATEGORY, "Ctx");
	f->itv = node(p, 0, NODE_CATEGORY, "Int");
	f->strat = node(p, 0, NODE_CATEGORY, "Strat");
	f->cons = node(p, 0, NODE_CATEGORY, "Cons");
	f->loose = node(p, 0, NODE_CATEGORY, "Loose");
	assert_ok(codetree_set_role(p, f->phen, ROLE_CENTRAL));
	assert_ok(codetree_set_role(p, f->cause, ROLE_CAUSAL));
	assert_ok(codetree_set_role(p, f->ctx, ROLE_CONTEXTUAL));
	assert_ok(codetree_set_role(p, f->itv, ROLE_INTERVENING));
	assert_ok(codetree_set_role(p, f->strat, ROLE_STRATEGIES));
	assert_ok(codetree_set_role(p, f->cons, ROLE_CONSEQUENCES));
	f->p1 = node(p, f->phen, NODE_CATEGORY, "P1");
	f->pc = node(p, f->p1, NODE_CODE, "pc");
	f->s1 = node(p, f->cause, NODE_CATEGORY, "S1");
	f->c1 = node(p, f->s1, NODE_CODE, "c1");
	f->c1b = node(p, f->s1, NODE_CODE, "c1b");
	f->cs = node(p, f->cons, NODE_CATEGORY, "CS");
	lnk(p, f->cause, f->phen, LINK_TYPE_CAUSES, true, NULL);
	/* two codes of S1 cause P1: one edge S1 -> P1 when codes are hidden */
	lnk(p, f->c1, f->p1, LINK_TYPE_CAUSES, true, NULL);
	lnk(p, f->c1b, f->p1, LINK_TYPE_CAUSES, true, NULL);
	lnk(p, f->itv, f->strat, LINK_TYPE_INTERVENES, true, NULL);
	f->lk_mixed = lnk(p, f->strat, f->phen, LINK_TYPE_STRATEGY, true,
	    "how they answer it");
	lnk(p, f->phen, f->cs, LINK_TYPE_LEADS_TO, true, NULL);
	lnk(p, f->cs, f->strat, LINK_TYPE_CONTRADICTS, false, NULL);
	lnk(p, f->s1, f->cause, LINK_TYPE_PART_OF, true, NULL);
	lnk(p, f->c1, f->s1, LINK_TYPE_PART_OF, true, NULL);	/* one line */
	lnk(p, f->loose, f->phen, LINK_TYPE_CAUSES, true, NULL); /* no slot */
	assert_ok(link_core_set(p, f->phen));
	assert_ok(memo_add(p, MEMO_NODE, f->phen, MEMO_TYPE_STORYLINE, "",
	    "The story\nin two lines.", &m));
	assert_ok(coding_add(p, d, f->pc, 4, 20, &f->coding_a));
	assert_ok(link_evidence_add(p, f->lk_mixed, f->coding_a));
	assert_ok(coding_add(p, d, f->pc, 44, 60, &ev));	/* "a line\nwith\ttabs" */
	assert_ok(link_evidence_add(p, f->lk_mixed, ev));
	assert_ok(coder_add(p, "coder-b", NULL, NULL, project_account(p)));
	project_close(p);
	assert_ok(project_open(f->path, 0, "coder-b", &q, NULL));
	assert_ok(coding_add(q, d, f->pc, 25, 39, &f->coding_b));
	assert_ok(link_evidence_add(q, f->lk_mixed, f->coding_b));
	assert_ok(coder_find(q, "coder-b", &f->coder_b));
	assert_ok(an_load(q, &f->a));
	project_close(q);
	*state = f;
	return 0;
}

static int
lfx_teardown(void **state)
{
	struct lfx *f = *state;

	an_done(&f->a);
	free(f->path);
	free(f);
	return 0;
}

/* The edge of m from line `from` to line `to` (by their text), or NULL. */
static const struct an_pedge *
edge_of(const struct an_paradigm *m, const char *from, const char *to)
{
	size_t k;

	for (k = 0; k < m->nedges; k++) {
		const struct an_pedge *e = &m->edges[k];

		if (strcmp(m->slot[e->from_slot].lines[e->from_line].text, from) == 0 &&
		    strcmp(m->slot[e->to_slot].lines[e->to_line].text, to) == 0)
			return e;
	}
	return NULL;
}

static void
test_paradigm_links(void **state)
{
	struct lfx *f = *state;
	struct an_paradigm m;
	const struct an_pedge *e;
	char *note;

	an_paradigm(&f->a, false, &m);
	/* Cause->Phen, S1->P1 (two links), Int->Strat, Strat->Phen,
	 * Phen->CS, CS-Strat, S1->Cause; c1->S1 is on one line; Loose has no
	 * slot */
	assert_int_equal(m.nedges, 7);
	assert_non_null(e = edge_of(&m, "Cause", "Phen"));
	assert_int_equal(e->from_slot, 1);
	assert_int_equal(e->to_slot, 0);
	assert_string_equal(e->label, "causes");
	assert_true(e->directed);
	assert_int_equal(e->nlinks, 1);
	assert_non_null(e = edge_of(&m, "S1", "P1"));
	assert_int_equal(e->nlinks, 2);
	assert_non_null(e = edge_of(&m, "CS", "Strat"));
	assert_false(e->directed);
	assert_string_equal(e->label, "contradicts");
	assert_non_null(e = edge_of(&m, "S1", "Cause"));
	assert_int_equal(e->from_slot, e->to_slot);
	assert_null(edge_of(&m, "Loose", "Phen"));
	/* contextual has no link; intervening only one to the strategies */
	assert_false(m.unexplained[0]);
	assert_false(m.unexplained[1]);
	assert_true(m.unexplained[2]);
	assert_true(m.unexplained[3]);
	assert_false(m.unexplained[4]);
	assert_false(m.unexplained[5]);
	assert_int_equal(m.nunexplained, 2);
	note = an_paradigm_note(&m);
	assert_string_equal(note, "Unexplained: Contextual conditions, "
	    "Intervening conditions (no link to the central phenomenon).");
	free(note);
	assert_int_equal(an_node_slot(&f->a, (size_t)an_node_index(&f->a,
	    f->c1)), 1);
	assert_int_equal(an_node_slot(&f->a, (size_t)an_node_index(&f->a,
	    f->loose)), -1);
	an_paradigm_done(&m);

	/* with the codes listed, each code draws its own edge */
	an_paradigm(&f->a, true, &m);
	assert_int_equal(m.nedges, 9);
	assert_non_null(e = edge_of(&m, "c1", "P1"));
	assert_int_equal(e->nlinks, 1);
	assert_non_null(edge_of(&m, "c1b", "P1"));
	assert_non_null(edge_of(&m, "c1", "S1"));
	an_paradigm_done(&m);
}

static void
test_paradigm_links_unexplained(void **state)
{
	struct lfx *f = *state;
	struct an_project a = f->a;
	struct an_paradigm m;
	struct node *saved = xcalloc(a.nnodes, sizeof *saved);
	size_t i;

	(void)state;
	/* no central category: every slot holding one is unexplained; an
	 * empty slot is not */
	memcpy(saved, a.nodes, a.nnodes * sizeof *saved);
	for (i = 0; i < a.nnodes; i++)
		if (a.nodes[i].role == ROLE_CENTRAL ||
		    a.nodes[i].role == ROLE_CONTEXTUAL)
			a.nodes[i].role = ROLE_NONE;
	an_paradigm(&a, false, &m);
	assert_false(m.unexplained[0]);
	assert_false(m.unexplained[2]);	/* contextual: now empty */
	assert_true(m.unexplained[1]);
	assert_true(m.unexplained[3]);
	assert_true(m.unexplained[4]);
	assert_true(m.unexplained[5]);
	an_paradigm_done(&m);
	memcpy(a.nodes, saved, a.nnodes * sizeof *saved);
	free(saved);
}

static void
test_paradigm_links_dot_svg(void **state)
{
	struct lfx *f = *state;
	struct an_paradigm m;
	struct buf b = {0};
	const char *w;
	double mm;

	an_paradigm(&f->a, false, &m);
	an_paradigm_dot(&m, "Study", &b);
	/* port to port, labelled with the type; no arrowhead undirected */
	assert_non_null(strstr(b.s, "\tcausal:l0 -> central:l0 [label=\"causes\", "));
	assert_non_null(strstr(b.s, "\tcausal:l1 -> central:l1 [label=\"causes (2)\", "));
	assert_non_null(strstr(b.s, "\tconsequences:l1 -> strategies:l0 "
	    "[label=\"contradicts\", color=\"#444444\", fontcolor=\"#444444\", "
	    "constraint=false, dir=none];"));
	assert_non_null(strstr(b.s, "\tcentral:l0 -> consequences:l1 "
	    "[label=\"leads to\", color=\"#444444\", fontcolor=\"#444444\", "
	    "constraint=false];"));
	/* the unexplained slots: dashed, marked, and named under the title */
	assert_non_null(strstr(b.s, "\tcontextual [label=<<TABLE BORDER=\"0\" "
	    "CELLSPACING=\"1\"><TR><TD><B>Contextual conditions</B></TD></TR>"
	    "<TR><TD><FONT COLOR=\"#b00000\">\xe2\x9a\xa0 unexplained</FONT>"));
	assert_non_null(strstr(b.s, "style=\"rounded,dashed\""));
	assert_non_null(strstr(b.s, "label=<Study<BR/><FONT COLOR=\"#b00000\" "
	    "POINT-SIZE=\"10\">\xe2\x9a\xa0 Unexplained: Contextual conditions, "
	    "Intervening conditions (no link to the central phenomenon).</FONT>>"));
	assert_non_null(strstr(b.s, "// Unexplained: Contextual conditions"));
	assert_null(strstr(b.s, "\tstrategies [label=<<TABLE BORDER=\"0\" "
	    "CELLSPACING=\"1\"><TR><TD><B>Strategies</B></TD></TR><TR><TD><FONT"));

	buf_reset(&b);
	an_paradigm_svg(&m, "Study", &b);
	check_xml(b.s, b.len);
	assert_non_null(strstr(b.s, ">causes</text>"));
	assert_non_null(strstr(b.s, ">causes (2)</text>"));
	assert_non_null(strstr(b.s, ">is a strategy for</text>"));
	assert_non_null(strstr(b.s, ">contradicts</text>"));
	assert_non_null(strstr(b.s, ">intervenes in</text>"));
	assert_non_null(strstr(b.s, ">is part of</text>"));
	/* a directed edge has an arrowhead, the undirected one none */
	assert_non_null(strstr(b.s, "marker-end=\"url(#h444444)\"><title>Cause "
	    "\xe2\x86\x92 Phen: causes</title>"));
	assert_non_null(strstr(b.s, "\"><title>CS \xe2\x80\x94 Strat: "
	    "contradicts</title>"));
	assert_null(strstr(b.s, "marker-end=\"url(#h444444)\"><title>CS"));
	/* two slots marked, and the note at the foot */
	assert_non_null(strstr(b.s, "<g id=\"contextual\">\n<rect class=\"unexplained\""));
	assert_non_null(strstr(b.s, "<g id=\"intervening\">\n<rect class=\"unexplained\""));
	assert_null(strstr(b.s, "<g id=\"strategies\">\n<rect class=\"unexplained\""));
	assert_non_null(strstr(b.s, ">\xe2\x9a\xa0 unexplained</text>"));
	assert_non_null(strstr(b.s, ">\xe2\x9a\xa0 Unexplained: Contextual "
	    "conditions, Intervening conditions (no link to the central "
	    "phenomenon).</text>"));
	/* a small figure keeps its size: 96 px to the inch, in millimetres */
	w = strstr(b.s, "width=\"");
	assert_non_null(w);
	mm = strtod(w + 7, NULL);
	assert_true(mm > 0 && mm <= AN_PAGE_W_MM);
	buf_done(&b);
	an_paradigm_done(&m);
}


/* A link label too long for its gap ends in "…" at its reading end (the
 * left of a Persian one as shown, the right of an English one), cut at a
 * word's end; the edge's title keeps it whole. */
static void
test_paradigm_svg_long_label(void **state)
{
	/* "unintended consequences of e-government policy": 8 + 1 + 8 are
	 * 17 of the 20 columns left beside "…"; the next word does not fit */
	static const char fa[] = "\xd9\xbe\xdb\x8c\xd8\xa7\xd9\x85\xd8\xaf"
	    "\xd9\x87\xd8\xa7\xdb\x8c \xd9\x86\xd8\xa7\xd8\xae\xd9\x88\xd8\xa7"
	    "\xd8\xb3\xd8\xaa\xd9\x87 \xd8\xb3\xdb\x8c\xd8\xa7\xd8\xb3\xd8\xaa "
	    "\xd8\xaf\xd9\x88\xd9\x84\xd8\xaa";
	static const char en[] = "is a reason for the change";
	struct lfx *f = *state;
	struct an_paradigm m;
	struct buf b = {0};
	size_t k, set = 0;

	an_paradigm(&f->a, false, &m);
	for (k = 0; k < m.nedges && set < 2; k++)
		if (m.edges[k].nlinks == 1)
			m.edges[k].label = set++ == 0 ? fa : en;
	assert_int_equal(set, 2);
	an_paradigm_svg(&m, "Study", &b);
	check_xml(b.s, b.len);
	/* whole words, then the ellipsis; right to left for the Persian */
	assert_non_null(strstr(b.s, " direction=\"rtl\" unicode-bidi=\"embed\">"
	    "\xd9\xbe\xdb\x8c\xd8\xa7\xd9\x85\xd8\xaf\xd9\x87\xd8\xa7\xdb\x8c "
	    "\xd9\x86\xd8\xa7\xd8\xae\xd9\x88\xd8\xa7\xd8\xb3\xd8\xaa\xd9\x87"
	    "\xe2\x80\xa6</text>"));
	assert_non_null(strstr(b.s, "\">is a reason for the\xe2\x80\xa6</text>"));
	assert_null(strstr(b.s, "embed\">is a reason"));
	/* the titles keep the labels whole */
	assert_non_null(strstr(b.s, fa));
	assert_non_null(strstr(b.s, ": is a reason for the change</title>"));
	buf_done(&b);
	an_paradigm_done(&m);
}

static void
test_theory_table(void **state)
{
	struct lfx *f = *state;
	struct an_paradigm m;
	struct rp_table t;
	struct buf b = {0};
	int64_t root = 0;
	int64_t one[1] = {0}, both[2] = {0, 0};
	struct rp_source src = {one, 1};
	size_t i, row = SIZE_MAX;

	for (i = 0; i < f->a.ncoders; i++)
		if (f->a.coders[i].id != f->coder_b)
			root = f->a.coders[i].id;
	one[0] = root;
	an_paradigm(&f->a, false, &m);
	rp_theory_table(&f->a, &m, &src, &t);
	assert_string_equal(t.name, "theory");
	assert_string_equal(t.notes[0], "Core category: Phen.");
	assert_string_equal(t.notes[1], "Storyline: The story\nin two lines.");
	assert_string_equal(t.notes[2], "Unexplained: Contextual conditions, "
	    "Intervening conditions (no link to the central phenomenon).");
	assert_non_null(strstr(t.notes[3], "10 links."));
	assert_int_equal(t.nrows, 10);
	assert_int_equal(t.ncols, 7);	/* type from to direction memo n quotes */
	for (i = 0; i < t.nrows; i++)
		if (strcmp(t.cell[i * t.ncols + 4], "how they answer it") == 0)
			row = i;
	assert_true(row < t.nrows);
	assert_string_equal(t.cell[row * t.ncols + 0], "is a strategy for");
	assert_string_equal(t.cell[row * t.ncols + 1], "Strat");
	assert_string_equal(t.cell[row * t.ncols + 2], "Phen");
	assert_string_equal(t.cell[row * t.ncols + 3], "directed");
	/* the source's two segments; coder-b's is neither counted nor quoted;
	 * the tab and line break of a quote become one space each */
	assert_string_equal(t.cell[row * t.ncols + 5], "2");
	assert_string_equal(t.cell[row * t.ncols + 6], "\"first quote here\" (i1, "
	    "paragraph 1)\n\"a line with tabs\" (i1, paragraph 3)");
	rp_markdown(&t, &b);
	assert_null(strstr(b.s, "!["));	/* no figure set */
	buf_reset(&b);
	rp_table_done(&t);

	/* each coder side by side: a count per coder, quotes from both */
	both[0] = root;
	both[1] = f->coder_b;
	src.coder = both;
	src.n = 2;
	rp_theory_table(&f->a, &m, &src, &t);
	assert_int_equal(t.ncols, 8);
	assert_string_equal(t.cell[row * t.ncols + 5], "2");
	assert_string_equal(t.cell[row * t.ncols + 6], "1");
	assert_string_equal(t.cell[row * t.ncols + 7], "\"first quote here\" (i1, "
	    "paragraph 1)\n\"the second one\" (i1, paragraph 2)");
	t.figure = xstrdup("paradigm.svg");
	t.figure_svg = xstrdup("<?xml version=\"1.0\"?>\n<svg/>");
	rp_markdown(&t, &b);
	assert_non_null(strstr(b.s, "\n\n![Theory: core category, storyline and "
	    "links](paradigm.svg)\n\n|"));
	buf_reset(&b);
	rp_html(&t, "Study", &b);
	/* base64 of the document above */
	assert_non_null(strstr(b.s, "<p class=\"figure\"><img alt=\"Theory: core "
	    "category, storyline and links\" src=\"data:image/svg+xml;base64,"
	    "PD94bWwgdmVyc2lvbj0iMS4wIj8+CjxzdmcvPg==\"></p>"));
	buf_done(&b);
	rp_table_done(&t);
	an_paradigm_done(&m);
}

static void
test_theory_empty(void **state)
{
	struct project *p;
	struct an_project a;
	struct an_paradigm m;
	struct rp_table t;
	char *path;
	const int64_t none[1] = {-1};
	struct rp_source src = {none, 1};

	(void)state;
	p = tu_new_project(&path);
	assert_ok(an_load(p, &a));
	an_paradigm(&a, false, &m);
	rp_theory_table(&a, &m, &src, &t);
	assert_int_equal(t.nnotes, 1);
	assert_non_null(strstr(t.notes[0], "No core category is marked and no "
	    "links between codes or categories are recorded yet: there is no "
	    "theory to show."));
	assert_int_equal(t.nrows, 0);
	rp_table_done(&t);
	an_paradigm_done(&m);
	an_done(&a);
	project_close(p);
	free(path);
}

/* The sample's rows as "code|quote|doc|paragraph" lines, to compare. */
static char *
sample_lines(const struct an_project *a, int64_t coder, size_t per_code)
{
	struct an_sample s;
	struct buf b = {0};
	size_t i;

	an_sample(a, coder, per_code, &s);
	buf_puts(&b, "");
	for (i = 0; i < s.nrows; i++)
		buf_printf(&b, "%s|%s|%s|%ld\n", a->nodes[s.rows[i].code].name,
		    s.rows[i].quote, a->docs[s.rows[i].doc].name,
		    s.rows[i].paragraph);
	an_sample_done(&s);
	return buf_take(&b);
}

/*
 * A lean snapshot reads one text at a time: the sample's quotes and
 * paragraphs over several documents (Persian letters before a span, the
 * last line without a break) are the full snapshot's; paragraphs stay right as the documents asked alternate;
 * a text gone since the load quotes as "" and says so; an_keep_codings
 * leaves one coder's codings and evidence.
 */
static void
test_lean_snapshot(void **state)
{
	struct project *p;
	struct an_project full, lean;
	int64_t i1, i2, i3, c1, c2, b, keep[1], id, ln, *ev = NULL;
	const char *want;
	char *path, *got, *q;
	size_t nev;

	(void)state;
	p = tu_new_project(&path);
	i1 = tu_doc(p, "i1", "P1: alpha beta\nP1: gamma delta\n");
	i2 = tu_doc(p, "i2", "P2: \xd8\xb2\xd8\xaa\xd8\xa7 eta\nP2: theta\n"
	    "P2: iota kappa");
	i3 = tu_doc(p, "i3", "P3: lambda\n");
	c1 = node(p, 0, NODE_CODE, "c1");
	c2 = node(p, 0, NODE_CODE, "c2");
	tag(p, i2, c1, 31, 36);		/* kappa, paragraph 3 */
	tag(p, i1, c1, 19, 24);		/* gamma, paragraph 2 */
	tag(p, i2, c2, 8, 11);		/* eta, after three Persian letters */
	tag(p, i1, c2, 4, 9);		/* alpha */
	tag(p, i3, c2, 4, 10);		/* lambda: past per_code 2 */
	assert_ok(coding_add(p, i2, c2, 12, 19, &id));	/* "P2: the" */
	assert_ok(coder_add(p, "coder-b", NULL, NULL, project_account(p)));
	assert_ok(coder_find(p, "coder-b", &b));
	ln = lnk(p, c1, c2, LINK_TYPE_CAUSES, true, NULL);
	assert_ok(link_evidence_add(p, ln, id));
	assert_ok(an_load(p, &full));
	assert_ok(an_load_lean(p, &lean));
	assert_null(lean.texts);

	want = "c1|gamma|i1|2\nc1|kappa|i2|3\nc2|alpha|i1|1\nc2|eta|i2|1\n";
	got = sample_lines(&lean, 0, 2);
	assert_string_equal(got, want);
	free(got);
	got = sample_lines(&full, 0, 2);
	assert_string_equal(got, want);
	free(got);
	/* from one document to another and back: each asks its own lines */
	assert_int_equal(an_paragraph_of(&lean, 1, 31), 3);
	assert_int_equal(an_paragraph_of(&lean, 0, 20), 2);
	assert_int_equal(an_paragraph_of(&lean, 1, 12), 2);	/* after a break */
	assert_int_equal(an_paragraph_of(&lean, 1, 11), 1);	/* the break */
	assert_int_equal(an_paragraph_of(&lean, 0, 0), 1);
	assert_int_equal(an_paragraph_of(&lean, 0, 1000), 3);	/* past the end */
	assert_int_equal(an_paragraph_of(&full, 1, 12), 2);
	assert_int_equal(an_text_status(&lean), AX_OK);

	/* evidence of the acting coder's coding; coder-b has none */
	assert_int_equal(lean.evidence[0].n, 1);
	keep[0] = b;
	an_keep_codings(&lean, keep, 1);
	assert_int_equal(lean.ncodings, 0);
	assert_int_equal(lean.evidence[0].n, 0);
	assert_int_equal(an_coding_index(&lean, id), -1);
	assert_int_equal(lean.ncoders, full.ncoders);
	an_done(&lean);

	/* i3 removed after the load: its quote is "" and the status says why */
	assert_ok(an_load_lean(p, &lean));
	assert_ok(doc_remove(p, i3));
	q = an_coding_quote(&lean, &lean.codings[lean.ncodings - 1]);
	assert_string_equal(q, "");
	free(q);
	assert_int_not_equal(an_text_status(&lean), AX_OK);
	an_done(&lean);
	an_done(&full);
	assert_ok(link_evidence_list(p, ln, &ev, &nev));
	assert_int_equal(nev, 1);
	free(ev);
	project_close(p);
	free(path);
}

/*
 * A snapshot read without its codings (an_load_lean_uncoded) knows who
 * coded from the store's counts, then reads one coder's codings alone, or
 * everyone's, as the whole snapshot holds them; evidence follows what is
 * read.
 */
static void
test_uncoded_snapshot(void **state)
{
	struct project *p, *q;
	struct an_project full, one, all;
	int64_t i1, i2, c1, c2, me, b, idb, idme, lb, lme, want[1];
	char *path;
	size_t k, nb = 0;
	long ib, ime;

	(void)state;
	p = tu_new_project(&path);
	i1 = tu_doc(p, "i1", "P1: alpha beta\nP1: gamma delta\n");
	i2 = tu_doc(p, "i2", "P2: eta theta\n");
	c1 = node(p, 0, NODE_CODE, "c1");
	c2 = node(p, 0, NODE_CODE, "c2");
	tag(p, i2, c1, 4, 7);
	tag(p, i1, c2, 4, 9);
	assert_ok(coding_add(p, i1, c1, 19, 24, &idme));
	assert_ok(coder_add(p, "coder-b", NULL, NULL, project_account(p)));
	assert_ok(coder_find(p, project_coder_login(p), &me));
	project_close(p);
	assert_ok(project_open(path, 0, "coder-b", &q, NULL));
	assert_ok(coder_find(q, "coder-b", &b));
	assert_ok(coding_add(q, i2, c2, 8, 13, &idb));
	tag(q, i1, c1, 4, 9);
	lb = lnk(q, c1, c2, LINK_TYPE_CAUSES, true, NULL);
	assert_ok(link_evidence_add(q, lb, idb));
	lme = lnk(q, c2, c1, LINK_TYPE_CAUSES, true, NULL);
	assert_ok(link_evidence_add(q, lme, idme));
	assert_ok(an_load(q, &full));

	assert_ok(an_load_lean_uncoded(q, &one));
	assert_int_equal(one.ncodings, 0);
	ib = an_coder_index(&one, b);
	ime = an_coder_index(&one, me);
	assert_true(ib >= 0 && ime >= 0);
	assert_int_equal(one.coded[ib], 2);
	assert_int_equal(one.coded[ime], 3);
	want[0] = b;
	assert_ok(an_load_codings(&one, want, 1));
	for (k = 0; k < full.ncodings; k++)
		if (full.codings[k].coder == b) {
			assert_true(nb < one.ncodings);
			assert_int_equal(one.codings[nb++].id, full.codings[k].id);
		}
	assert_int_equal(one.ncodings, nb);
	assert_int_equal(nb, 2);
	assert_true(an_coding_index(&one, idb) >= 0);
	assert_int_equal(an_coding_index(&one, idme), -1);
	assert_int_equal(one.nlinks, 2);
	for (k = 0; k < one.nlinks; k++)
		assert_int_equal(one.evidence[k].n, one.links[k].id == lb ? 1 : 0);
	assert_int_equal(one.coded[ime], 3);	/* counted, not read */

	assert_ok(an_load_lean_uncoded(q, &all));
	assert_ok(an_load_codings(&all, NULL, 0));
	assert_int_equal(all.ncodings, full.ncodings);
	for (k = 0; k < full.ncodings; k++)
		assert_int_equal(all.codings[k].id, full.codings[k].id);
	for (k = 0; k < all.nlinks; k++)
		assert_int_equal(all.evidence[k].n, 1);
	an_done(&all);
	an_done(&one);
	an_done(&full);
	project_close(q);
	free(path);
}

static void
test_quote(void **state)
{
	char *q;

	(void)state;
	q = rp_quote("  a\x01line\n\nwith\ttabs  ", 100);
	assert_string_equal(q, "a line with tabs");
	free(q);
	/* cut at a space in the last third, the cut marked */
	q = rp_quote("alpha beta gamma delta epsilon", 20);
	assert_string_equal(q, "alpha beta gamma\xe2\x80\xa6");
	free(q);
	/* one long word: cut where the limit falls */
	q = rp_quote("abcdefghijklmnopqrstuvwxyz", 10);
	assert_string_equal(q, "abcdefghij\xe2\x80\xa6");
	free(q);
	q = rp_quote("\xd8\xb3\xd8\xa7\xd9\x85\xd8\xa7\xd9\x86\xd9\x87 \xd9\x85", 6);
	assert_string_equal(q, "\xd8\xb3\xd8\xa7\xd9\x85\xd8\xa7\xd9\x86\xd9\x87\xe2\x80\xa6");
	free(q);
}

static void
test_text_direction(void **state)
{
	(void)state;
	assert_true(an_text_rtl("ناهماهنگی"));
	assert_true(an_text_rtl("۱۴۰۲ سامانه"));	/* digits are weak */
	assert_true(an_text_rtl("«سامانه» ICT"));
	assert_false(an_text_rtl("ICT سامانه"));
	assert_false(an_text_rtl("12 codes"));
	assert_false(an_text_rtl(""));
	assert_int_equal(an_text_width("abc"), 3);
	assert_int_equal(an_text_width("می\u200cخواهیم"), 8);	/* ZWNJ is 0 */
}

static void
test_escapes(void **state)
{
	struct rp_table t;
	struct buf b = {0};

	(void)state;
	rp_md_escape(&b, "a|b\nc *d* <e>");
	assert_string_equal(b.s, "a\\|b<br>c \\*d\\* \\<e\\>");
	buf_reset(&b);
	rp_html_escape(&b, "<a href=\"x\">&'");
	assert_string_equal(b.s, "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
	buf_reset(&b);
	rp_table_init(&t, "t", "T|1", 2, "a,b", "c");
	t.numeric[1] = true;
	rp_row(&t);
	rp_set(&t, 0, "x\"y");
	rp_setf(&t, 1, "%d", 7);
	rp_csv(&t, &b);
	assert_string_equal(b.s, "\"a,b\",c\r\n\"x\"\"y\",7\r\n");
	buf_reset(&b);
	rp_markdown(&t, &b);
	assert_string_equal(b.s, "# T\\|1\n\n| a,b | c |\n| --- | ---: |\n"
	    "| x\"y | 7 |\n");
	buf_reset(&b);
	rp_html(&t, "مطالعه", &b);
	assert_non_null(strstr(b.s, "<td dir=\"auto\">x&quot;y</td><td class=\"n\">7</td>"));
	assert_non_null(strstr(b.s, "<h2 dir=\"auto\">مطالعه</h2>"));
	buf_done(&b);
	rp_table_done(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_percent_round),
		cmocka_unit_test(test_percent_fmt),
		cmocka_unit_test(test_decimal),
		cmocka_unit_test(test_demographics_14),
		cmocka_unit_test(test_saturation_pairs),
		cmocka_unit_test(test_text_direction),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test_setup_teardown(test_project_saturation, fx_setup,
		    fx_teardown),
		cmocka_unit_test_setup_teardown(test_project_cooc, fx_setup,
		    fx_teardown),
		cmocka_unit_test_setup_teardown(test_project_freq, fx_setup,
		    fx_teardown),
		cmocka_unit_test_setup_teardown(test_project_tables, fx_setup,
		    fx_teardown),
		cmocka_unit_test_setup_teardown(test_matrix, fx_setup,
		    fx_teardown),
		cmocka_unit_test_setup_teardown(test_matrix_codes, fx_setup,
		    fx_teardown),
		cmocka_unit_test_setup_teardown(test_matrix_bad, fx_setup,
		    fx_teardown),
		cmocka_unit_test_setup_teardown(test_paradigm_layout, fx_setup,
		    fx_teardown),
		cmocka_unit_test_setup_teardown(test_paradigm_dot_svg, fx_setup,
		    fx_teardown),
		cmocka_unit_test_setup_teardown(test_paradigm_links, lfx_setup,
		    lfx_teardown),
		cmocka_unit_test_setup_teardown(test_paradigm_links_unexplained,
		    lfx_setup, lfx_teardown),
		cmocka_unit_test_setup_teardown(test_paradigm_links_dot_svg,
		    lfx_setup, lfx_teardown),
		cmocka_unit_test_setup_teardown(test_paradigm_svg_long_label,
		    lfx_setup, lfx_teardown),
		cmocka_unit_test_setup_teardown(test_theory_table, lfx_setup,
		    lfx_teardown),
		cmocka_unit_test(test_theory_empty),
		cmocka_unit_test(test_uncoded_snapshot),
		cmocka_unit_test(test_quote),
		cmocka_unit_test(test_lean_snapshot),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
