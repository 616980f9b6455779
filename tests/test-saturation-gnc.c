/*
 * test-saturation-gnc.c: the saturation rule of Guest, Namey & Chen
 * (2020, PLoS ONE 15(5): e0232076) in analysis-gnc.c: the paper's
 * hypothetical example, the threshold's edge in integers, uncoded
 * documents, too few interviews, and random data against the rule
 * written out again here (runs of `run` interviews sliding one at a time
 * after the base; new codes relative to the base's), over random orders
 * drawn with the same generator.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "stats/agreement.h"
#include "stats/analysis.h"

static struct an_gnc_opts
opts(int base, int run, int threshold, int orders)
{
	struct an_gnc_opts o = { base, run, threshold, orders, 42 };

	return o;
}

/* Interview d gets codes [from, to). */
static size_t
give(struct an_sat_pair *p, size_t n, size_t d, int64_t from, int64_t to)
{
	for (; from < to; from++) {
		p[n].doc = d;
		p[n++].code = from;
	}
	return n;
}

/*
 * Guest, Namey & Chen (2020), the hypothetical example of their method:
 * a base of four interviews holding 37 unique themes; the first run of
 * two interviews (5 and 6) brings 7 new themes, 7/37 = 19% new
 * information, above 5%: not saturated there. Interviews 7-9 here are
 * ours: 1, 1 and 0 new codes, so runs 6-7 (4/37 = 10.8%) and 7-8
 * (2/37 = 5.4%) are above 5% and run 8-9 (1/37 = 2.7%) is under it:
 * saturation at 7 interviews, confirmed by interviews 8 and 9.
 */
static void
test_paper_example(void **state)
{
	struct an_sat_pair p[256];
	struct an_gnc_opts o = opts(4, 2, 5, 0);
	struct an_gnc g;
	size_t n = 0;

	(void)state;
	n = give(p, n, 0, 0, 20);
	n = give(p, n, 1, 10, 28);	/* 8 new */
	n = give(p, n, 2, 0, 33);	/* 5 new */
	n = give(p, n, 3, 30, 37);	/* 4 new: 37 in the base */
	n = give(p, n, 4, 35, 41);	/* 4 new */
	n = give(p, n, 5, 0, 44);	/* 3 new: 7 in the run 5-6 */
	n = give(p, n, 6, 44, 45);
	n = give(p, n, 7, 1, 2);
	n = give(p, n, 7, 45, 46);
	n = give(p, n, 8, 3, 9);
	an_gnc_pairs(9, p, n, &o, &g);
	assert_null(g.why);
	assert_int_equal(g.ninterviews, 9);
	assert_int_equal(g.base_codes, 37);
	assert_int_equal(g.run_new_at[4], 7);
	assert_int_equal(lround(100.0 * 7 / 37), 19);	/* the paper's 19% */
	assert_int_equal(g.run_new_at[5], 4);
	assert_int_equal(g.run_new_at[6], 2);
	assert_int_equal(g.run_new_at[7], 1);
	assert_int_equal(g.run_new_at[8], -1);	/* no full run starts there */
	assert_int_equal(g.run_new_at[0], -1);	/* the base */
	assert_true(g.reached);
	assert_int_equal(g.point, 7);
	assert_int_equal(g.point_row, 6);
	assert_int_equal(g.run_new, 1);
	an_gnc_done(&g);
}

/* 5% of 40 base codes admits 2 new ones exactly, not 3; 0% admits none. */
static void
test_threshold_edge(void **state)
{
	struct an_sat_pair p[256];
	struct an_gnc_opts o = opts(1, 1, 5, 0);
	struct an_gnc g;
	size_t n;

	(void)state;
	n = give(p, 0, 0, 0, 40);
	n = give(p, n, 1, 40, 43);	/* 3/40 = 7.5% */
	n = give(p, n, 2, 43, 45);	/* 2/40 = 5% */
	an_gnc_pairs(3, p, n, &o, &g);
	assert_true(g.reached);
	assert_int_equal(g.point, 2);
	assert_int_equal(g.run_new, 2);
	an_gnc_done(&g);
	o.threshold = 0;
	an_gnc_pairs(3, p, n, &o, &g);
	assert_false(g.reached);
	assert_null(g.why);
	an_gnc_done(&g);
}

/* Uncoded documents are not interviews; too few interviews: why. */
static void
test_uncoded_and_too_few(void **state)
{
	struct an_sat_pair p[16];
	struct an_gnc_opts o = opts(2, 1, 0, 0);
	struct an_gnc g;
	size_t n;

	(void)state;
	n = give(p, 0, 0, 0, 2);
	n = give(p, n, 2, 1, 3);	/* document 1 uncoded */
	n = give(p, n, 4, 0, 3);	/* 0 new after a base of 3 codes */
	an_gnc_pairs(5, p, n, &o, &g);
	assert_int_equal(g.ninterviews, 3);
	assert_true(g.reached);
	assert_int_equal(g.point, 2);
	assert_int_equal(g.point_row, 2);	/* the second interview is document 2 */
	assert_int_equal(g.run_new_at[4], 0);
	assert_int_equal(g.run_new_at[1], -1);
	an_gnc_done(&g);
	an_gnc_pairs(3, p, 4, &o, &g);	/* documents 0 and 2 only */
	assert_string_equal(g.why, "fewer coded interviews than the base and one run");
	assert_false(g.reached);
	an_gnc_done(&g);
}

/* The rule again, from sets: the point on one order, or -1. */
static long
ref_point(bool set[][30], const size_t *order, size_t n, int base, int run,
    int thr)
{
	bool seen[30] = { false };
	long newat[20], basec = 0;
	size_t p, s;
	int c;

	for (p = 0; p < n; p++) {
		newat[p] = 0;
		for (c = 0; c < 30; c++)
			if (set[order[p]][c] && !seen[c]) {
				seen[c] = true;
				newat[p]++;
			}
	}
	for (p = 0; p < (size_t)base; p++)
		basec += newat[p];
	for (s = (size_t)base; s + (size_t)run <= n; s++) {
		long k = 0;

		for (p = s; p < s + (size_t)run; p++)
			k += newat[p];
		if (100 * k <= thr * basec)
			return (long)s;
	}
	return -1;
}

static int
dcmp(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return (a > b) - (a < b);
}

static void
test_random_against_reference(void **state)
{
	struct agree_rng r;
	int trial;

	(void)state;
	agree_rng_seed(&r, 99);
	for (trial = 0; trial < 50; trial++) {
		bool set[20][30];
		struct an_sat_pair p[600];
		size_t n = 0, nd = 8 + (size_t)agree_rng_below(&r, 12), d, order[20], k;
		struct an_gnc_opts o = opts(1 + (int)agree_rng_below(&r, 5),
		    1 + (int)agree_rng_below(&r, 3), (int)agree_rng_below(&r, 20), 200);
		struct an_gnc g;
		struct agree_rng shuf;
		double pts[200];
		int c, reached = 0;
		long pt;

		o.seed = trial;
		for (d = 0; d < nd; d++)
			for (c = 0; c < 30; c++) {
				/* code c is rarer the higher it is */
				set[d][c] = agree_rng_below(&r, 30) >= (uint64_t)c;
				if (set[d][c]) {
					p[n].doc = d;
					p[n++].code = 100 + c;
				}
			}
		an_gnc_pairs(nd, p, n, &o, &g);
		for (d = 0; d < nd; d++)
			order[d] = d;
		pt = ref_point(set, order, nd, o.base, o.run, o.threshold);
		assert_int_equal(g.reached, pt >= 0);
		if (pt >= 0)
			assert_int_equal(g.point, pt);
		agree_rng_seed(&shuf, o.seed);
		for (c = 0; c < o.orders; c++) {
			for (k = nd - 1; k > 0; k--) {
				size_t j = (size_t)agree_rng_below(&shuf, k + 1), t = order[k];

				order[k] = order[j];
				order[j] = t;
			}
			pt = ref_point(set, order, nd, o.base, o.run, o.threshold);
			if (pt >= 0)
				pts[reached++] = (double)pt;
		}
		assert_int_equal(g.reached_orders, reached);
		if (reached > 0) {
			qsort(pts, (size_t)reached, sizeof *pts, dcmp);
			assert_true(fabs(g.median_point - (reached % 2 ? pts[reached / 2] :
			    (pts[reached / 2 - 1] + pts[reached / 2]) / 2)) < 1e-12);
		}
		an_gnc_done(&g);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paper_example),
		cmocka_unit_test(test_threshold_edge),
		cmocka_unit_test(test_uncoded_and_too_few),
		cmocka_unit_test(test_random_against_reference),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
