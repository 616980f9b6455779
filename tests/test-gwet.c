/*
 * test-gwet.c: Gwet's AC1 and AC2 (agreement-gwet.c) against the published
 * examples, the formula written out here on random data, and the undefined
 * cases (docs/agreement.md §3.13).
 *
 * Where each published figure comes from:
 * [V1] irrCAC 1.0 (K. L. Gwet, CRAN 2019), vignette "overview"
 *      (irrCAC: Calculating Chance-corrected Agreement Coefficients):
 *      gwet.ac1.table(cont3x3abstractors) = 0.8493305, SE 0.04321747,
 *      interval (0.764, 0.935).
 * [V2] irrCAC 1.0, vignette "weighting" (Weighted Chance-corrected
 *      Agreement Coefficients): with quadratic weights,
 *      gwet.ac1.table(cont3x3abstractors) = 0.9402369, SE 0.01792019,
 *      (0.905, 0.976); gwet.ac1.dist(distrib.6raters) = 0.4837438,
 *      SE 0.1058227, (0.257, 0.711), pa 0.8544444, pe 0.7180556;
 *      gwet.ac1.raw(cac.raw4raters) pa 0.9753788, pe 0.7137044, AC2 0.914
 *      (printed to 5 decimals), SE 0.10396, (0.685, 1).
 * [P]  irrCAC for Python (A. Fergadis), test/unit/irrCAC/raw/test_gwet.py,
 *      which checks its port against the R package to 3 decimals:
 *      cac.raw4raters unweighted pa 0.818, pe 0.190, AC1 0.775, SE 0.143,
 *      (0.461, 1); ordinal weights pa 0.968, pe 0.685, AC2 0.899, SE 0.107,
 *      (0.664, 1); ratio weights pa 0.954, pe 0.678, AC2 0.857, SE 0.122,
 *      (0.589, 1); and for cont3x3abstractors the interval
 *      (0.76358, 0.93508) to 5 decimals (irrCAC/table.py doctest).
 * The data: cont3x3abstractors (100 pregnancies, two abstractors) and
 * cac.raw4raters (4 raters, 12 units, 5 categories, missing ratings) are
 * from Gwet (2014), Handbook of Inter-Rater Reliability, 4th ed. (the
 * latter p. 120); distrib.6raters is Fleiss (1971), as irrCAC ships them.
 * Student's t points: R's qt(0.975, df).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "stats/agreement.h"
#include "vm/vm-views.h"
#include "base/util.h"

static void
near(struct agree_fig f, double want, double tol, const char *what)
{
	if (f.why != NULL)
		fail_msg("%s: undefined (%s)", what, f.why);
	if (fabs(f.v - want) > tol)
		fail_msg("%s: got %.10f, want %.10f (+- %g)", what, f.v, want, tol);
}

/* f printed to d decimals is want (the published rounding). */
static void
rounds(struct agree_fig f, double want, int d, const char *what)
{
	double s = pow(10, d);

	if (f.why != NULL)
		fail_msg("%s: undefined (%s)", what, f.why);
	if (llround(f.v * s) != llround(want * s))
		fail_msg("%s: got %.10f, want %.*f", what, f.v, d, want);
}

static const int64_t abstractors[9] = { 13, 0, 0, 0, 20, 7, 0, 4, 56 };

static void
test_t975(void **state)
{
	(void)state;
	assert_true(fabs(agree_t975(1) - 12.70620474) < 1e-7);
	assert_true(fabs(agree_t975(2) - 4.302652730) < 1e-8);
	assert_true(fabs(agree_t975(10) - 2.228138852) < 1e-8);
	assert_true(fabs(agree_t975(30) - 2.042272456) < 1e-8);
	assert_true(fabs(agree_t975(99) - 1.984216952) < 1e-8);
	assert_true(fabs(agree_t975(1000) - 1.962339081) < 1e-8);
}

static void
test_abstractors(void **state)
{
	struct agree_gwet g;
	double w[9], x[3] = { 1, 2, 3 };

	(void)state;
	/* [V1] */
	agree_gwet_table(abstractors, 3, NULL, &g);
	assert_int_equal(g.n, 100);
	near(g.ac, 0.8493305, 5e-8, "AC1");
	near(g.se, 0.04321747, 5e-9, "AC1 SE");
	rounds(g.lo, 0.764, 3, "AC1 lower");
	rounds(g.hi, 0.935, 3, "AC1 upper");
	/* [P] */
	rounds(g.lo, 0.76358, 5, "AC1 lower");
	rounds(g.hi, 0.93508, 5, "AC1 upper");
	near(g.pa, 0.89, 1e-12, "pa");
	/* [V2]: quadratic weights on 1, 2, 3 (axial's interval level) */
	assert_null(agree_gwet_weights(AGREE_INTERVAL, x, 3, w));
	near((struct agree_fig){ w[1], NULL }, 0.75, 1e-15, "w12");
	agree_gwet_table(abstractors, 3, w, &g);
	near(g.ac, 0.9402369, 5e-8, "AC2");
	near(g.se, 0.01792019, 5e-9, "AC2 SE");
	rounds(g.lo, 0.905, 3, "AC2 lower");
	rounds(g.hi, 0.976, 3, "AC2 upper");
}

/* distrib.6raters: 15 patients, 6 psychiatrists, 5 categories. */
static const int64_t six[15 * 5] = {
	0, 0, 0, 6, 0,  0, 3, 0, 0, 3,  0, 1, 4, 0, 1,  0, 0, 0, 0, 6,
	0, 3, 0, 3, 0,  2, 0, 4, 0, 0,  0, 0, 4, 0, 2,  2, 0, 3, 1, 0,
	2, 0, 0, 4, 0,  0, 0, 0, 0, 6,  1, 0, 0, 5, 0,  1, 1, 0, 4, 0,
	0, 3, 3, 0, 0,  1, 0, 0, 5, 0,  0, 2, 0, 3, 1,
};

static void
test_distrib6(void **state)
{
	struct agree_gwet g;
	double w[25], x[5] = { 1, 2, 3, 4, 5 };

	(void)state;
	/* [V2] */
	assert_null(agree_gwet_weights(AGREE_INTERVAL, x, 5, w));
	agree_gwet_counts(six, 15, 5, w, &g);
	assert_int_equal(g.n, 15);
	near(g.pa, 0.8544444, 5e-8, "pa");
	near(g.pe, 0.7180556, 5e-8, "pe");
	near(g.ac, 0.4837438, 5e-8, "AC2");
	near(g.se, 0.1058227, 5e-8, "AC2 SE");
	rounds(g.lo, 0.257, 3, "AC2 lower");
	rounds(g.hi, 0.711, 3, "AC2 upper");
}

/* cac.raw4raters, Gwet (2014) p. 120: units x raters, -1 missing, values
 * 1..5 as categories 0..4. */
#define M (-1)
static const int32_t raw4[12 * 4] = {
	0, 0, M, 0,  1, 1, 2, 1,  2, 2, 2, 2,  2, 2, 2, 2,
	1, 1, 1, 1,  0, 1, 2, 3,  3, 3, 3, 3,  0, 0, 1, 0,
	1, 1, 1, 1,  M, 4, 4, 4,  M, M, 0, 0,  M, M, 2, M,
};
#undef M

static void
test_raw4raters(void **state)
{
	struct agree_gwet g;
	double w[25], x[5] = { 1, 2, 3, 4, 5 };

	(void)state;
	/* [P] unweighted */
	agree_gwet_values(raw4, 12, 4, 5, NULL, &g);
	assert_int_equal(g.n, 12);
	assert_int_equal(g.n2, 11);
	rounds(g.pa, 0.818, 3, "pa");
	rounds(g.pe, 0.190, 3, "pe");
	rounds(g.ac, 0.775, 3, "AC1");
	rounds(g.se, 0.143, 3, "SE");
	rounds(g.lo, 0.461, 3, "lower");
	near(g.hi, 1, 0, "upper");
	/* [V2] quadratic */
	assert_null(agree_gwet_weights(AGREE_INTERVAL, x, 5, w));
	agree_gwet_values(raw4, 12, 4, 5, w, &g);
	near(g.pa, 0.9753788, 5e-8, "pa");
	near(g.pe, 0.7137044, 5e-8, "pe");
	rounds(g.ac, 0.914, 5, "AC2");
	rounds(g.se, 0.10396, 5, "SE");
	rounds(g.lo, 0.685, 3, "lower");
	near(g.hi, 1, 0, "upper");
	/* [P] ordinal */
	assert_null(agree_gwet_weights(AGREE_ORDINAL, x, 5, w));
	agree_gwet_values(raw4, 12, 4, 5, w, &g);
	rounds(g.pa, 0.968, 3, "pa");
	rounds(g.pe, 0.685, 3, "pe");
	rounds(g.ac, 0.899, 3, "AC2 ordinal");
	rounds(g.se, 0.107, 3, "SE");
	rounds(g.lo, 0.664, 3, "lower");
	/* [P] ratio */
	assert_null(agree_gwet_weights(AGREE_RATIO, x, 5, w));
	agree_gwet_values(raw4, 12, 4, 5, w, &g);
	rounds(g.pa, 0.954, 3, "pa");
	rounds(g.pe, 0.678, 3, "pe");
	rounds(g.ac, 0.857, 3, "AC2 ratio");
	rounds(g.se, 0.122, 3, "SE");
	rounds(g.lo, 0.589, 3, "lower");
}

/*
 * AC1 written out from its definition (Gwet 2014, the many-rater form) on
 * random units x coders values with missing ones, against axial's three
 * forms: values, unit x category counts and, for two complete coders, the
 * k x k table.
 */
static double
ac1_by_hand(const int32_t *val, int n, int m, int q, double *pa_out)
{
	double pi[8] = {0}, pa = 0, pe = 0;
	int units = 0, units2 = 0, i, c, k;

	for (i = 0; i < n; i++) {
		int r = 0, rk[8] = {0};

		for (c = 0; c < m; c++)
			if (val[i * m + c] >= 0) {
				rk[val[i * m + c]]++;
				r++;
			}
		if (r == 0)
			continue;
		units++;
		for (k = 0; k < q; k++)
			pi[k] += (double)rk[k] / r;
		if (r >= 2) {
			double agree = 0;

			units2++;
			for (k = 0; k < q; k++)
				agree += (double)rk[k] * (rk[k] - 1);
			pa += agree / ((double)r * (r - 1));
		}
	}
	pa /= units2;
	for (k = 0; k < q; k++) {
		pi[k] /= units;
		pe += pi[k] * (1 - pi[k]);
	}
	pe /= q - 1;
	*pa_out = pa;
	return (pa - pe) / (1 - pe);
}

static void
test_random_both_ways(void **state)
{
	struct agree_rng rng;
	int round;

	(void)state;
	agree_rng_seed(&rng, 20261207);
	for (round = 0; round < 200; round++) {
		int n = 2 + (int)agree_rng_below(&rng, 60);
		int m = 2 + (int)agree_rng_below(&rng, 5);
		int q = 2 + (int)agree_rng_below(&rng, 6);
		bool complete = round % 2 == 0;
		int32_t *val = xcalloc((size_t)(n * m), sizeof *val);
		int64_t *counts = xcalloc((size_t)(n * q), sizeof *counts);
		int64_t cells[64] = {0};
		struct agree_gwet g, h;
		double pa, want;
		int i, c;

		for (i = 0; i < n * m; i++) {
			val[i] = (int32_t)agree_rng_below(&rng, (uint64_t)q);
			if (!complete && agree_rng_below(&rng, 4) == 0)
				val[i] = -1;
		}
		/* one unit with two agreeing values, so pa is defined */
		val[0] = val[1] = 0;
		for (i = 0; i < n; i++)
			for (c = 0; c < m; c++)
				if (val[i * m + c] >= 0)
					counts[i * q + val[i * m + c]]++;
		want = ac1_by_hand(val, n, m, q, &pa);
		agree_gwet_values(val, n, m, q, NULL, &g);
		near(g.ac, want, 1e-9, "AC1 (values)");
		near(g.pa, pa, 1e-9, "pa (values)");
		agree_gwet_counts(counts, n, q, NULL, &h);
		near(h.ac, want, 1e-9, "AC1 (counts)");
		near(h.se, g.se.v, 1e-9, "SE (counts = values)");
		if (complete && m == 2) {
			for (i = 0; i < n; i++)
				cells[val[i * 2] * q + val[i * 2 + 1]]++;
			agree_gwet_table(cells, q, NULL, &h);
			near(h.ac, want, 1e-9, "AC1 (table)");
		}
		free(val);
		free(counts);
	}
}

/* The presence histogram is the counts form with equal rows grouped. */
static void
test_hist(void **state)
{
	int64_t hist[4] = { 40, 3, 2, 5 }, counts[50 * 2];
	struct agree_gwet g, h;
	int i, c, u = 0;

	(void)state;
	for (c = 0; c <= 3; c++)
		for (i = 0; i < hist[c]; i++, u++) {
			counts[u * 2] = c;
			counts[u * 2 + 1] = 3 - c;
		}
	agree_gwet_hist(hist, 3, &g);
	agree_gwet_counts(counts, 50, 2, NULL, &h);
	near(g.ac, h.ac.v, 1e-12, "AC1");
	near(g.se, h.se.v, 1e-12, "SE");
	near(g.lo, h.lo.v, 1e-12, "lower");
	assert_int_equal(g.n, 50);
}

/*
 * The kappa paradox (Feinstein & Cicchetti 1990): a rare code both coders
 * nearly always agree on. By hand: pa = 0.96, pi = 0.03, pe = 2 x 0.03 x
 * 0.97 = 0.0582, AC1 = 0.9018 / 0.9418; kappa = (0.96 - 0.9418) / 0.0582.
 */
static void
test_paradox(void **state)
{
	int64_t cells[4] = { 1, 2, 2, 95 };
	struct agree_gwet g;
	struct agree_kappa k;

	(void)state;
	agree_gwet_table(cells, 2, NULL, &g);
	agree_kappa_2x2(1, 2, 2, 95, &k);
	near(g.ac, 0.9018 / 0.9418, 1e-12, "AC1");
	near(k.kappa, (0.96 - 0.9418) / 0.0582, 1e-12, "kappa");
}

static void
test_undefined(void **state)
{
	int64_t none[4] = {0}, one[1] = { 7 }, single[3 * 2] = { 1, 0, 0, 1, 1, 0 };
	int32_t lone[3 * 2] = { 0, -1, -1, 1, -1, -1 };
	int64_t unit1[4] = { 1, 0, 0, 0 };
	double w[4], x[2] = { -1, 2 };
	struct agree_gwet g;

	(void)state;
	agree_gwet_table(none, 2, NULL, &g);
	assert_string_equal(g.ac.why, "no units");
	assert_string_equal(g.hi.why, "no units");
	agree_gwet_table(one, 1, NULL, &g);
	assert_string_equal(g.ac.why, "one category");
	/* one coder per unit: nothing to agree on */
	agree_gwet_counts(single, 3, 2, NULL, &g);
	assert_string_equal(g.ac.why, "no unit with two values");
	agree_gwet_values(lone, 3, 2, 2, NULL, &g);
	assert_string_equal(g.pa.why, "no unit with two values");
	/* one unit: a coefficient, no standard error */
	agree_gwet_table(unit1, 2, NULL, &g);
	assert_null(g.ac.why);
	assert_string_equal(g.se.why, "fewer than 2 units");
	assert_string_equal(g.lo.why, "fewer than 2 units");
	assert_string_equal(agree_gwet_weights(AGREE_ORDINAL, NULL, 2, w),
	    "values are not numbers");
	assert_true(w[0] == 1 && w[1] == 0);
	assert_string_equal(agree_gwet_weights(AGREE_RATIO, x, 2, w),
	    "ratio weights need values of 0 or more");
	assert_null(agree_gwet_weights(AGREE_INTERVAL, x, 2, w));
	assert_true(w[1] == 0 && w[3] == 1);
}

/*
 * A project's rows: the paragraph document of test-agreement.c's
 * test_state_print. Code "trust": a = 2, b = 0, c = 1, d = 1. By hand:
 * pa = 3/4, prevalence (2a + b + c) / 2N = 5/8, pe = 2 (5/8)(3/8) =
 * 15/32, AC1 = (3/4 - 15/32) / (17/32) = 9/17. With a third coder who
 * marks the first paragraph, hist = {1, 1, 1, 1} (units marked by 0..3
 * coders: 6 marks of 12), and AC1 is the many-coder form's.
 */
static void
test_project_rows(void **state)
{
	struct agree_doc docs[2] = {
		{ "ab cd\n  ef\n\ngh", 14, NULL, 0 }, { "xy", 2, NULL, 0 },
	};
	struct agree_coding cod[4] = {
		{ 0, 0, 0, 0, 8 }, { 0, 0, 1, 3, 9 }, { 1, 0, 0, 0, 2 }, { 1, 0, 1, 0, 2 },
	};
	struct agree_config cfg = { .unit = AGREE_UNIT_PARAGRAPH, .ncoders = 2 };
	struct agree_state *st;
	struct agree_gwet g;
	struct buf b = {0};
	char want[64];
	int i;

	(void)state;
	st = agree_state_new(&cfg, docs, 2, 1, NULL, 0);
	for (i = 0; i < 4; i++)
		assert_int_equal(agree_state_add_coding(st, &cod[i]), 0);
	agree_state_print(st, AGREE_BY_CODE, AGREE_FMT_TABLE, NULL, 0, &b);
	snprintf(want, sizeof want, "prev 62.5 AC1 %.3f [", 9.0 / 17);
	assert_non_null(strstr(b.s, want));
	buf_reset(&b);
	agree_state_print(st, AGREE_BY_CODE, AGREE_FMT_CSV, NULL, 0, &b);
	assert_non_null(strstr(b.s, ",bp,prevalence,ac1,ac1_se,ac1_ci_lower,"
	    "ac1_ci_upper,alpha_ci_lower,"));
	assert_non_null(strstr(b.s, ",0.625,0.529412,"));
	buf_reset(&b);
	agree_state_print(st, AGREE_BY_CODE, AGREE_FMT_JSON, NULL, 0, &b);
	assert_non_null(strstr(b.s, "\"prevalence\": 0.625, \"ac1\": 0.529412, "
	    "\"ac1_se\": "));
	/* the agreement view's row (vm-views.c) */
	{
		struct vm_agree_row *rows;
		size_t n;

		vm_agree_rows(st, &rows, &n);
		assert_int_equal(n, 1);
		near(rows[0].ac1.ac, 9.0 / 17, 1e-12, "view AC1");
		assert_true(fabs(rows[0].prev - 0.625) < 1e-15);
		free(rows);
	}
	agree_state_free(st);

	cfg.ncoders = 3;
	st = agree_state_new(&cfg, docs, 2, 1, NULL, 0);
	for (i = 0; i < 4; i++)
		assert_int_equal(agree_state_add_coding(st, &cod[i]), 0);
	{
		struct agree_coding c3 = { 0, 0, 2, 0, 5 };
		int64_t hist[4] = { 1, 1, 1, 1 };

		assert_int_equal(agree_state_add_coding(st, &c3), 0);
		agree_gwet_hist(hist, 3, &g);
	}
	buf_reset(&b);
	agree_state_print(st, AGREE_BY_CODE, AGREE_FMT_CSV, NULL, 0, &b);
	/* the set's CSV (three coders): the ac1 column holds the set's AC1 */
	{
		const char *row = strchr(b.s, '\n');
		char *hdr = strndup(b.s, (size_t)(row - b.s)), *f, *save = NULL;
		int col = 0, at = -1;

		for (f = strtok_r(hdr, ",", &save); f != NULL;
		    f = strtok_r(NULL, ",", &save), col++)
			if (strcmp(f, "ac1") == 0)
				at = col;
		free(hdr);
		assert_true(at > 0);
		for (row++, col = 0; col < at; col++)
			row = strchr(row, ',') + 1;
		assert_true(fabs(strtod(row, NULL) - g.ac.v) < 1e-6);
	}
	agree_state_free(st);

	/* One unit: AC1 1 (p_a 1, p_e 0), its interval "too few units" in
	 * the table and the CSV's ci_method (one marked unit is below
	 * AGREE_MIN_POSITIVE, docs/agreement.md §4.6). */
	cfg.ncoders = 2;
	st = agree_state_new(&cfg, &docs[1], 1, 1, NULL, 0);
	{
		struct agree_coding one[2] = { { 0, 0, 0, 0, 2 }, { 0, 0, 1, 0, 2 } };

		assert_int_equal(agree_state_add_coding(st, &one[0]), 0);
		assert_int_equal(agree_state_add_coding(st, &one[1]), 0);
	}
	buf_reset(&b);
	agree_state_print(st, AGREE_BY_CODE, AGREE_FMT_TABLE, NULL, 0, &b);
	assert_non_null(strstr(b.s, "AC1 1.000 [too few units]"));
	buf_reset(&b);
	agree_state_print(st, AGREE_BY_CODE, AGREE_FMT_CSV, NULL, 0, &b);
	if (strstr(b.s, ",too few units,") == NULL)
		fail_msg("no too few units in %s", b.s);
	agree_state_free(st);
	buf_done(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_t975),
		cmocka_unit_test(test_abstractors),
		cmocka_unit_test(test_distrib6),
		cmocka_unit_test(test_raw4raters),
		cmocka_unit_test(test_random_both_ways),
		cmocka_unit_test(test_hist),
		cmocka_unit_test(test_paradox),
		cmocka_unit_test(test_undefined),
		cmocka_unit_test(test_project_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
