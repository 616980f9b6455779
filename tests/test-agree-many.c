/*
 * test-agree-many.c: the figures of three or more coders (agreement-many.c,
 * the pair counts of agreement-units.c, agreement-report-many.c).
 *
 * On random codings of 3 to 6 coders the test keeps its own presence
 * matrix (unit x code x coder) and computes, with the formulas written
 * here, Fleiss' kappa (Fleiss 1971, two categories: present, absent),
 * nominal Krippendorff's alpha (Krippendorff 2011, coincidences of a
 * complete units x coders matrix), Light's kappa (Light 1971: the mean
 * of the pairwise Cohen's kappas) and Gwet's AC1 (Gwet 2008); axial's figures, kept incrementally as
 * codings are added and removed, must agree to 1e-9, per code and pooled.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/agreement.h"
#include "base/util.h"
#include "testutil.h"

#define NDOC 3
#define NPARA 9		/* paragraphs per document: "ab\n" each */
#define NCODE 4
#define MAXM 6

/* f is want to 1e-9; a NaN reference (0 / 0: no variation) must be
 * undefined with a reason. */
static void
near(struct agree_fig f, double want, const char *what)
{
	if (isnan(want)) {
		if (f.why == NULL) {
			print_error("%s = %.12g, want undefined\n", what, f.v);
			fail();
		}
		return;
	}
	if (f.why != NULL) {
		print_error("%s undefined (%s), want %.12g\n", what, f.why, want);
		fail();
	}
	if (fabs(f.v - want) > 1e-9) {
		print_error("%s = %.15g, want %.15g\n", what, f.v, want);
		fail();
	}
}

/* Presence of (doc, para, code, coder) by the test's own count. */
static int present[NDOC][NPARA][NCODE][MAXM];
/* Light's kappas compared defined: the random data must exercise them */
static int ndefined;

/* The units of one row: code >= 0 one code, else every code in used[]. */
struct units {
	int n;
	int cnt[NDOC * NPARA * NCODE][MAXM];
};

static void
collect(int m, int code, const bool *used, struct units *u)
{
	int d, p, k, c;

	u->n = 0;
	for (k = 0; k < NCODE; k++) {
		if (code >= 0 ? k != code : !used[k])
			continue;
		for (d = 0; d < NDOC; d++)
			for (p = 0; p < NPARA; p++, u->n++)
				for (c = 0; c < m; c++)
					u->cnt[u->n][c] = present[d][p][k][c];
	}
}

/* Fleiss (1971): P_i = sum_j n_ij (n_ij - 1) / (m (m - 1)), p_j = sum_i
 * n_ij / (N m), kappa = (mean P_i - sum p_j^2) / (1 - sum p_j^2). */
static double
fleiss_ref(const struct units *u, int m)
{
	double pbar = 0, p1 = 0, pe;
	int i, c;

	for (i = 0; i < u->n; i++) {
		int n1 = 0, n0;

		for (c = 0; c < m; c++)
			n1 += u->cnt[i][c];
		n0 = m - n1;
		pbar += (double)(n1 * (n1 - 1) + n0 * (n0 - 1)) / (m * (m - 1));
		p1 += n1;
	}
	pbar /= u->n;
	p1 /= (double)u->n * m;
	pe = p1 * p1 + (1 - p1) * (1 - p1);
	return (pbar - pe) / (1 - pe);
}

/* Krippendorff (2011), nominal, no missing values: o_ck = sum_u (pairs
 * of values c, k in u) / (m - 1); alpha = 1 - (n - 1) sum_{c != k} o_ck /
 * sum_{c != k} n_c n_k with n = N m and n_c = sum_k o_ck. */
static double
alpha_ref(const struct units *u, int m)
{
	double o[2][2] = {{0, 0}, {0, 0}}, n, nc0, nc1;
	int i, c, e;

	for (i = 0; i < u->n; i++)
		for (c = 0; c < m; c++)
			for (e = 0; e < m; e++)
				if (c != e)
					o[u->cnt[i][c]][u->cnt[i][e]] += 1.0 / (m - 1);
	nc0 = o[0][0] + o[0][1];
	nc1 = o[1][0] + o[1][1];
	n = nc0 + nc1;
	return 1 - (n - 1) * (o[0][1] + o[1][0]) / (2 * nc0 * nc1);
}

/* Cohen (1960) on the 2x2 of coders x and y. */
static double
cohen_ref(const struct units *u, int x, int y)
{
	double a = 0, b = 0, c = 0, d = 0, n = u->n, po, pe;
	int i;

	for (i = 0; i < u->n; i++) {
		int p = u->cnt[i][x], q = u->cnt[i][y];

		a += p && q;
		b += p && !q;
		c += !p && q;
		d += !p && !q;
	}
	po = (a + d) / n;
	pe = ((a + b) * (a + c) + (c + d) * (b + d)) / (n * n);
	return (po - pe) / (1 - pe);
}

/* Gwet (2008; 2014, ch. 4): AC1 = (p_a - p_e) / (1 - p_e); every unit
 * rated by all m, so p_a is Fleiss' mean P_i; p_e = sum_k pi_k (1 - pi_k)
 * / (q - 1) with q = 2 categories and pi_k the mean share of k. */
static double
ac1_ref(const struct units *u, int m)
{
	double pa = 0, pi1 = 0, pe;
	int i, c;

	for (i = 0; i < u->n; i++) {
		int n1 = 0, n0;

		for (c = 0; c < m; c++)
			n1 += u->cnt[i][c];
		n0 = m - n1;
		pa += (double)(n1 * (n1 - 1) + n0 * (n0 - 1)) / (m * (m - 1));
		pi1 += (double)n1 / m;
	}
	pa /= u->n;
	pi1 /= u->n;
	pe = 2 * pi1 * (1 - pi1);
	return (pa - pe) / (1 - pe);
}

/* Axial's figures of one row against the references. */
static void
compare_row(const struct agree_state *st, int m, int code, const bool *used)
{
	static struct units u;
	int64_t hist[MAXM + 1], pair[MAXM * MAXM];
	struct agree_fig kappa[MAXM * MAXM];
	struct agree_cells cells;
	struct agree_many f;
	double light = 0;
	int64_t n;
	int x, y, np = 0;

	collect(m, code, used, &u);
	if (code >= 0)
		agree_state_table(st, code, -1, &cells, hist);
	else
		agree_state_total_table(st, &cells, hist);
	n = agree_state_pairs(st, AGREE_BY_CODE, code, pair);
	assert_int_equal(n, u.n);
	agree_many_figures(hist, pair, m, n, &f, kappa);
	near(f.fleiss, fleiss_ref(&u, m), "Fleiss");
	near(f.alpha, alpha_ref(&u, m), "alpha");
	for (x = 0; x < m; x++)
		for (y = x + 1; y < m; y++, np++) {
			double k = cohen_ref(&u, x, y);

			near(kappa[x * m + y], k, "pairwise kappa");
			light += k;
		}
	near(f.light, light / np, "Light");
	near(f.ac1, ac1_ref(&u, m), "AC1");
	ndefined += f.light.why == NULL;
}

static void
check_all(const struct agree_state *st, int m)
{
	bool used[NCODE];
	int k, d, p, c;

	for (k = 0; k < NCODE; k++) {
		used[k] = false;
		for (d = 0; d < NDOC; d++)
			for (p = 0; p < NPARA; p++)
				for (c = 0; c < m; c++)
					used[k] = used[k] || present[d][p][k][c];
		compare_row(st, m, k, used);
	}
	compare_row(st, m, -1, used);
}

/* Presence again from the spans (their union per coder). */
static void
mark(const struct agree_coding *cd, size_t n)
{
	size_t i;
	uint32_t p;

	memset(present, 0, sizeof present);
	for (i = 0; i < n; i++)
		for (p = cd[i].start / 3; p < (cd[i].end + 2) / 3; p++)
			present[cd[i].doc][p][cd[i].code][cd[i].coder] = 1;
}

static void
test_random_sets(void **state)
{
	static char text[NPARA * 3 + 1];
	struct agree_doc docs[NDOC];
	struct agree_rng rng;
	int seed, i;

	(void)state;
	for (i = 0; i < NPARA; i++)
		memcpy(text + 3 * i, "ab\n", 3);
	text[NPARA * 3 - 1] = '\0';	/* no empty paragraph at the end */
	for (i = 0; i < NDOC; i++) {
		docs[i].text = text;
		docs[i].len = NPARA * 3 - 1;
		docs[i].turns = NULL;
		docs[i].nturns = 0;
	}
	for (seed = 1; seed <= 40; seed++) {
		struct agree_config cfg = { .unit = AGREE_UNIT_PARAGRAPH };
		struct agree_coding cd[200];
		struct agree_state *st;
		size_t n = 0, j;
		int m;

		agree_rng_seed(&rng, (uint64_t)seed);
		m = 3 + (int)agree_rng_below(&rng, MAXM - 2);
		cfg.ncoders = m;
		st = agree_state_new(&cfg, docs, NDOC, NCODE, NULL, 0);
		/* codes 0-2 common, code 3 rare: most rows show both */
		for (j = 0; j < 60 + agree_rng_below(&rng, 100); j++) {
			uint32_t p = (uint32_t)agree_rng_below(&rng, NPARA);
			uint32_t q = p + (uint32_t)agree_rng_below(&rng, 3);
			struct agree_coding c;

			if (q >= NPARA)
				q = NPARA - 1;
			c.doc = (uint32_t)agree_rng_below(&rng, NDOC);
			c.code = (uint32_t)agree_rng_below(&rng, NCODE);
			if (c.code == 3 && agree_rng_below(&rng, 4) != 0)
				continue;
			c.coder = (uint32_t)agree_rng_below(&rng, (uint64_t)m);
			/* starts anywhere in paragraph p, ends in q */
			c.start = 3 * p + (uint32_t)agree_rng_below(&rng, 2);
			c.end = 3 * q + 2;
			assert_int_equal(agree_state_add_coding(st, &c), 0);
			cd[n++] = c;
		}
		mark(cd, n);
		check_all(st, m);
		/* remove a third: the incremental path */
		for (j = 0; j < n / 3; j++) {
			size_t at = (size_t)agree_rng_below(&rng, n);

			assert_int_equal(agree_state_remove_coding(st, &cd[at]), 0);
			cd[at] = cd[--n];
		}
		mark(cd, n);
		check_all(st, m);
		agree_state_recount(st);
		check_all(st, m);
		agree_state_free(st);
	}
	assert_true(ndefined > 300);
}

/* Light's kappa is undefined, with the reason, when a pair's kappa is; a
 * code nobody applied says so; the table names the coders it covers. */
static void
test_undefined_and_labels(void **state)
{
	struct agree_doc d = { "a\nb\nc\nd", 7, NULL, 0 };
	struct agree_config cfg = { .unit = AGREE_UNIT_PARAGRAPH, .ncoders = 3 };
	static const char *const code[3] = { "k", "r", "unused" };
	static const char *const coder[3] = { "ann", "bob", "cy" };
	struct agree_names names = { code, NULL, NULL, coder };
	struct agree_coding c1 = { 0, 0, 0, 0, 1 }, c2 = { 0, 0, 1, 0, 1 },
	    c3 = { 0, 1, 0, 2, 3 };
	struct agree_state *st = agree_state_new(&cfg, &d, 1, 3, NULL, 0);
	int64_t hist[4], pair[9];
	struct agree_cells c;
	struct agree_many f;
	struct agree_fig k[9];
	struct buf b = {0};

	(void)state;
	/* code k: ann and bob mark unit 0, cy nothing: kappa ann-bob 1,
	 * ann-cy and bob-cy 0 (po = pe = 3/4), Light 1/3 */
	assert_int_equal(agree_state_add_coding(st, &c1), 0);
	assert_int_equal(agree_state_add_coding(st, &c2), 0);
	agree_state_table(st, 0, -1, &c, hist);
	agree_many_figures(hist, pair, 3, agree_state_pairs(st, AGREE_BY_CODE, 0,
	    pair), &f, k);
	near(k[0 * 3 + 1], 1, "kappa ann-bob");
	near(k[0 * 3 + 2], 0, "kappa ann-cy");
	near(f.light, 1.0 / 3, "Light");
	/* P-bar = mean over units of agreeing pairs: u0 1/3, others 1 */
	near(f.pbar, (1.0 / 3 + 3) / 4, "P-bar");
	/* code r: ann alone marks unit 1: bob-cy never vary */
	assert_int_equal(agree_state_add_coding(st, &c3), 0);
	agree_state_table(st, 1, -1, &c, hist);
	agree_many_figures(hist, pair, 3, agree_state_pairs(st, AGREE_BY_CODE, 1,
	    pair), &f, k);
	assert_string_equal(k[1 * 3 + 2].why, "no variation");
	assert_string_equal(f.light.why, "a pair's kappa is undefined");
	agree_state_print(st, AGREE_BY_CODE, AGREE_FMT_TABLE, &names,
	    AGREE_PRINT_ALL, &b);
	assert_non_null(strstr(b.s, "coders ann, bob, cy:"));
	assert_non_null(strstr(b.s, "κ ann-bob 1.000"));
	assert_non_null(strstr(b.s, "κ bob-cy undefined (no variation)"));
	assert_non_null(strstr(b.s, "Light κ undefined (a pair's kappa is "
	    "undefined)"));
	assert_non_null(strstr(b.s, "code \"unused\""));
	assert_non_null(strstr(b.s, "(no coder applied this code)"));
	buf_done(&b);
	/* by default the unused code is left out and counted */
	assert_int_equal(agree_state_print(st, AGREE_BY_CODE, AGREE_FMT_JSON,
	    &names, 0, &b), 1);
	assert_null(strstr(b.s, "\"unused\""));
	assert_non_null(strstr(b.s, "\"coder_names\": [\"ann\", \"bob\", \"cy\"]"));
	assert_non_null(strstr(b.s, "{\"coders\": [\"ann\", \"bob\"], \"a\": 1, "
	    "\"b\": 0, \"c\": 0, \"d\": 3, \"kappa\": 1}"));
	buf_done(&b);
	agree_state_free(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_sets),
		cmocka_unit_test(test_undefined_and_labels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
