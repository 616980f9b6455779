/*
 * test-agree-cluster.c: the cluster bootstrap by document of pooled
 * figures (agreement-cluster.c, docs/agreement.md §4.6) against a
 * computation written out here from the definition: the same generator
 * and seed, n documents drawn with replacement per replicate, kappa and
 * nominal alpha by their two-coder formulas on the summed tables, the
 * percentile interval at ranks ceil(.025 B) and ceil(.975 B).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "stats/agreement.h"
#include "base/util.h"

#define NDOCS 10
#define NPARA 6
#define BOOT 500
#define SEED UINT64_C(777)

/* Cohen's kappa of a 2x2 table; NAN when undefined. */
static double
kappa_of(double a, double b, double c, double d)
{
	double n = a + b + c + d, po = (a + d) / n,
	    pe = ((a + b) * (a + c) + (c + d) * (b + d)) / (n * n);

	return pe < 1 ? (po - pe) / (1 - pe) : NAN;
}

/* Two coders, nominal, every unit pairable: alpha = 1 - (2N - 1)(b + c)
 * / (n_0 n_1) with n_1 = 2a + b + c, n_0 = 2d + b + c. */
static double
alpha_of(double a, double b, double c, double d)
{
	double n1 = 2 * a + b + c, n0 = 2 * d + b + c, n = 2 * (a + b + c + d);

	return n0 * n1 > 0 ? 1 - (n - 1) * (b + c) / (n0 * n1) : NAN;
}

static int
cmp(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return (a > b) - (a < b);
}

/*
 * Resamples n clusters of cells (4 counts each) B times from SEED; the
 * percentile interval of kappa (what = 0) or alpha (what = 1).
 */
static void
reference(const int64_t (*cells)[4], size_t n, int what, double *lo, double *hi)
{
	struct agree_rng r;
	double *v = xmalloc(BOOT * sizeof *v);
	int b, kept = 0;
	size_t i;

	agree_rng_seed(&r, SEED);
	for (b = 0; b < BOOT; b++) {
		double s[4] = { 0, 0, 0, 0 }, x;

		for (i = 0; i < n; i++) {
			size_t p = (size_t)agree_rng_below(&r, n);
			int j;

			for (j = 0; j < 4; j++)
				s[j] += (double)cells[p][j];
		}
		x = what == 0 ? kappa_of(s[0], s[1], s[2], s[3]) :
		    alpha_of(s[0], s[1], s[2], s[3]);
		if (!isnan(x))
			v[kept++] = x;
	}
	qsort(v, (size_t)kept, sizeof *v, cmp);
	*lo = v[(int)ceil(0.025 * kept) - 1];
	*hi = v[(int)ceil(0.975 * kept) - 1];
	free(v);
}

/*
 * Ten documents of six paragraphs, one code; every paragraph of a
 * document is coded alike, documents differ: 0-3 both coders, 4-7
 * neither, 8 only A, 9 only B. Pooled a 24 b 6 c 6 d 24: kappa 0.6.
 */
static struct agree_state *
clustered_project(void)
{
	static const char text[] = "p\np\np\np\np\np";
	struct agree_config cfg = { .unit = AGREE_UNIT_PARAGRAPH, .ncoders = 2 };
	struct agree_doc docs[NDOCS];
	struct agree_state *st;
	uint32_t d, p;

	for (d = 0; d < NDOCS; d++) {
		docs[d].text = text;
		docs[d].len = strlen(text);
		docs[d].turns = NULL;
		docs[d].nturns = 0;
	}
	st = agree_state_new(&cfg, docs, NDOCS, 1, NULL, 0);
	for (d = 0; d < NDOCS; d++)
		for (p = 0; p < NPARA; p++) {
			struct agree_coding a = { d, 0, 0, 2 * p, 2 * p + 1 };
			struct agree_coding b = { d, 0, 1, 2 * p, 2 * p + 1 };

			if (d < 4 || d == 8)
				assert_int_equal(agree_state_add_coding(st, &a), 0);
			if (d < 4 || d == 9)
				assert_int_equal(agree_state_add_coding(st, &b), 0);
		}
	return st;
}

static const int64_t doc_cells[NDOCS][4] = {
	{ 6, 0, 0, 0 }, { 6, 0, 0, 0 }, { 6, 0, 0, 0 }, { 6, 0, 0, 0 },
	{ 0, 0, 0, 6 }, { 0, 0, 0, 6 }, { 0, 0, 0, 6 }, { 0, 0, 0, 6 },
	{ 0, 6, 0, 0 }, { 0, 0, 6, 0 },
};

static void
test_cluster_matches_reference(void **state)
{
	struct agree_state *st = clustered_project();
	struct agree_cluster cl;
	struct agree_cells tot;
	int64_t hist[3];
	double lo, hi;

	(void)state;
	agree_state_total_table(st, &tot, hist);
	assert_true(tot.a == 24 && tot.b == 6 && tot.c == 6 && tot.d == 24);
	assert_true(fabs(kappa_of(24, 6, 6, 24) - 0.6) < 1e-12);
	agree_state_cluster(st, BOOT, SEED, &cl);
	assert_int_equal(cl.clusters, NDOCS);
	assert_int_equal(cl.boot, BOOT);
	assert_null(cl.lo[AGREE_CL_KAPPA].why);
	reference(doc_cells, NDOCS, 0, &lo, &hi);
	assert_true(fabs(cl.lo[AGREE_CL_KAPPA].v - lo) < 1e-12);
	assert_true(fabs(cl.hi[AGREE_CL_KAPPA].v - hi) < 1e-12);
	reference(doc_cells, NDOCS, 1, &lo, &hi);
	assert_null(cl.lo[AGREE_CL_ALPHA].why);
	assert_true(fabs(cl.lo[AGREE_CL_ALPHA].v - lo) < 1e-12);
	assert_true(fabs(cl.hi[AGREE_CL_ALPHA].v - hi) < 1e-12);
	/* two coders: no Fleiss interval, with the reason */
	assert_string_equal(cl.lo[AGREE_CL_FLEISS].why, "fewer than 3 coders");
	agree_state_free(st);
}

/* Paragraphs of one document move together: resampling paragraphs as if
 * independent gives a narrower interval than resampling documents. */
static void
test_cluster_wider_than_paragraphs(void **state)
{
	struct agree_state *st = clustered_project();
	struct agree_cluster cl;
	int64_t (*units)[4] = xcalloc(NDOCS * NPARA, sizeof *units);
	double lo, hi, cw, pw;
	size_t d, p, j;

	(void)state;
	for (d = 0; d < NDOCS; d++)
		for (p = 0; p < NPARA; p++)
			for (j = 0; j < 4; j++)
				units[d * NPARA + p][j] = doc_cells[d][j] / NPARA;
	reference((const int64_t (*)[4])units, NDOCS * NPARA, 0, &lo, &hi);
	pw = hi - lo;
	agree_state_cluster(st, BOOT, SEED, &cl);
	cw = cl.hi[AGREE_CL_KAPPA].v - cl.lo[AGREE_CL_KAPPA].v;
	assert_true(pw > 0);
	/* sqrt(6) for six perfectly correlated paragraphs: ask for 1.5 */
	if (!(cw > 1.5 * pw))
		fail_msg("cluster width %g, paragraph width %g", cw, pw);
	free(units);
	agree_state_free(st);
}

static void
test_cluster_undefined(void **state)
{
	struct agree_cells c[4] = { { 3, 1, 0, 2 }, { 1, 0, 1, 4 }, { 2, 2, 0, 1 },
	    { 0, 1, 1, 5 } };
	int64_t h[12] = { 2, 1, 3, 4, 1, 1, 1, 2, 2, 5, 2, 0 };
	struct agree_cluster cl;
	int64_t few[3] = { 100, 5, 4 }, enough[3] = { 100, 5, 5 };

	(void)state;
	/* four documents: fewer than AGREE_MIN_CLUSTERS */
	agree_cluster_boot(c, h, 2, 4, BOOT, SEED, &cl);
	assert_string_equal(cl.lo[AGREE_CL_KAPPA].why, "too few documents");
	assert_string_equal(cl.hi[AGREE_CL_ALPHA].why, "too few documents");
	agree_cluster_boot(c, h, 2, 4, 0, SEED, &cl);
	assert_string_equal(cl.lo[AGREE_CL_KAPPA].why, "no bootstrap");
	/* 9 units some coder marked are too few, 10 are enough */
	assert_true(agree_too_few_units(few, 2));
	assert_false(agree_too_few_units(enough, 2));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cluster_matches_reference),
		cmocka_unit_test(test_cluster_wider_than_paragraphs),
		cmocka_unit_test(test_cluster_undefined),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
