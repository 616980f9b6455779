/*
 * test-agreement.c: the agreement engine against docs/agreement.md.
 *
 * - every published vector, read from the fixtures that
 *   scripts/agreement-vectors.py derives from vectors.json
 *   (docs/agreement.md §8.1)
 *   (NAME.csv through the same reader and report as `axial agree --data`,
 *   NAME.expect the published figures), so a new vector needs no code;
 * - the edge cases of docs/agreement.md §6 and of the issue;
 * - the reliability-data reader;
 * - each unit mode on small documents, tables worked out by hand;
 * - incremental counts equal a full recount after random edits.
 */
#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <unistr.h>

#include "stats/agreement.h"
#include "stats/agreement-int.h"
#include "stats/retest.h"
#include "base/util.h"

/* Pinned digits (see test_bootstrap_reproducible and test_rng). */
#define BOOT_LO "0.423"
#define BOOT_HI "1.000"
/* Computed independently from the published algorithms (Python). */
#define RNG_FIRST UINT64_C(0x99ec5f36cb75f2b4)

static char *
fixture_dir(void)
{
	const char *src = getenv("AXIAL_SRC");

	return xasprintf("%s/tests/fixtures/agreement", src != NULL ? src : ".");
}

static void
assert_near(double got, double want, double tol, const char *what)
{
	if (!(fabs(got - want) <= tol)) {
		print_error("%s = %.12g, want %.12g +- %g\n", what, got, want, tol);
		fail();
	}
}

static void
assert_defined(struct agree_fig f, double want, double tol, const char *what)
{
	if (f.why != NULL) {
		print_error("%s undefined (%s), want %.12g\n", what, f.why, want);
		fail();
	}
	assert_near(f.v, want, tol, what);
}

static void
assert_undef(struct agree_fig f, const char *why, const char *what)
{
	if (f.why == NULL) {
		print_error("%s = %.12g, want undefined (%s)\n", what, f.v, why);
		fail();
	}
	assert_string_equal(f.why, why);
}

/* ---- the published vectors ---- */

/* Checks NAME.expect against the report of NAME.csv; returns the figures checked. */
static int
check_vector(const char *dir, const char *name)
{
	char *csv = xasprintf("%s/%s.csv", dir, name);
	char *exp = xasprintf("%s/%s.expect", dir, name);
	struct agree_opts o = { 0, 200, AGREE_SEED_DEFAULT, 0 };
	struct agree_data d;
	struct agree_report r;
	const char *err = NULL;
	char *text, line[512];
	size_t len;
	long at;
	FILE *f;
	int n = 0;

	text = file_read_all(csv, &len);
	assert_non_null(text);
	if (agree_data_parse(text, len, &d, &at, &err) != 0) {
		print_error("%s:%ld: %s\n", csv, at, err);
		fail();
	}
	agree_data_report(&d, &o, &r);
	f = fopen(exp, "r");
	assert_non_null(f);
	while (fgets(line, sizeof line, f) != NULL) {
		char key[256], val[64], what[400];
		double tol = 0;
		const struct agree_item *it;

		if (line[0] == '#' || sscanf(line, "%255s %63s %lf", key, val, &tol) < 2)
			continue;
		snprintf(what, sizeof what, "%s: %s", name, key);
		it = agree_data_report_get(&r, key);
		if (it == NULL) {
			print_error("%s: no such figure\n", what);
			fail();
		}
		if (strcmp(val, "undefined") == 0) {
			if (it->f.why == NULL) {
				print_error("%s = %.12g, want undefined\n", what, it->f.v);
				fail();
			}
		} else {
			assert_defined(it->f, strtod(val, NULL), tol, what);
		}
		n++;
	}
	fclose(f);
	agree_data_report_free(&r);
	agree_data_free(&d);
	free(text);
	free(csv);
	free(exp);
	return n;
}

static void
test_vectors(void **state)
{
	char *dir = fixture_dir(), *json, *p;
	struct dirent *e;
	DIR *dp;
	size_t len;
	int vectors = 0, figures = 0, published = 0;

	(void)state;
	dp = opendir(dir);
	assert_non_null(dp);
	while ((e = readdir(dp)) != NULL) {
		size_t n = strlen(e->d_name);
		char *name;

		if (n < 8 || strcmp(e->d_name + n - 7, ".expect") != 0)
			continue;
		name = xstrndup(e->d_name, n - 7);
		figures += check_vector(dir, name);
		vectors++;
		free(name);
	}
	closedir(dp);
	/* Every vector of the JSON has its fixture. */
	p = xasprintf("%s/vectors.json", dir);
	json = file_read_all(p, &len);
	assert_non_null(json);
	for (char *q = json; (q = strstr(q, "\"name\"")) != NULL; q++)
		published++;
	assert_int_equal(vectors, published);
	assert_true(figures >= 40);
	print_message("%d vectors, %d published figures reproduced\n", vectors, figures);
	free(json);
	free(p);
	free(dir);
}

/* ---- coefficients and their edge cases ---- */

static void
test_kappa_sas_table(void **state)
{
	/* docs/agreement.md §3.3: the zero column stays in the table. */
	int64_t t[9] = { 0, 4, 1, 0, 8, 0, 0, 1, 5 };
	struct agree_kappa k;

	(void)state;
	agree_kappa_table(t, 3, 0, &k);
	assert_int_equal(k.n, 19);
	assert_defined(k.kappa, 0.4842, 5e-5, "kappa");
	assert_defined(k.ase, 0.1380, 5e-5, "ase");
	assert_defined(k.ci_lo, 0.2137, 5e-5, "ci_lo");
	assert_defined(k.ci_hi, 0.7547, 5e-5, "ci_hi");
	assert_defined(k.ase0, 0.1484, 5e-5, "ase0");
	assert_defined(k.z, 3.2626, 5e-5, "z");
	assert_int_equal(k.q, 3);
	assert_defined(k.bp, (13.0 / 19 - 1.0 / 3) / (2.0 / 3), 1e-12, "bp");
}

static void
test_no_variation(void **state)
{
	struct agree_kappa k;

	(void)state;
	/* Neither coder applied the code anywhere. */
	agree_kappa_2x2(0, 0, 0, 10, &k);
	assert_undef(k.kappa, "no variation", "kappa");
	assert_undef(k.ase, "no variation", "ase");
	assert_undef(k.ci_lo, "no variation", "ci");
	assert_undef(k.pi, "no variation", "pi");
	assert_undef(k.pos, "code not used", "pos");
	assert_defined(k.po, 1.0, 0, "po");
	assert_defined(k.neg, 1.0, 0, "neg");
	/* Both applied it everywhere. */
	agree_kappa_2x2(7, 0, 0, 0, &k);
	assert_undef(k.kappa, "no variation", "kappa");
	assert_undef(k.neg, "code applied to every unit", "neg");
	assert_defined(k.pos, 1.0, 0, "pos");
}

static void
test_one_coder_no_codings(void **state)
{
	struct agree_kappa k;

	(void)state;
	/* A never applied it, B three times of ten: kappa exactly 0, pi < 0. */
	agree_kappa_2x2(0, 0, 3, 7, &k);
	assert_defined(k.kappa, 0.0, 0, "kappa");
	assert_true(k.pi.why == NULL && k.pi.v < 0);
	assert_defined(k.pi, (0.7 - (0.85 * 0.85 + 0.15 * 0.15)) /
	    (1 - (0.85 * 0.85 + 0.15 * 0.15)), 1e-12, "pi");
	assert_string_equal(k.note, "A never applied this code");
	agree_kappa_2x2(0, 2, 0, 8, &k);
	assert_string_equal(k.note, "B never applied this code");
	assert_defined(k.pos, 0.0, 0, "pos");
}

static void
test_all_agree_all_disagree(void **state)
{
	struct agree_kappa k;
	int32_t v[4] = { 0, 1, 1, 0 };
	struct agree_alpha a;

	(void)state;
	agree_kappa_2x2(5, 0, 0, 5, &k);
	assert_defined(k.kappa, 1.0, 0, "kappa");
	assert_defined(k.ase, 0.0, 0, "ase");
	assert_defined(k.ci_lo, 1.0, 0, "ci_lo");
	assert_defined(k.ci_hi, 1.0, 0, "ci_hi");
	assert_defined(k.po, 1.0, 0, "po");
	agree_kappa_2x2(0, 5, 5, 0, &k);
	assert_defined(k.kappa, -1.0, 1e-12, "kappa");
	assert_defined(k.pi, -1.0, 1e-12, "pi");
	assert_defined(k.po, 0.0, 0, "po");
	assert_defined(k.pos, 0.0, 0, "pos");
	/* Units [A,B] and [B,A]: alpha = -0.5 (docs/agreement.md §6.2). */
	agree_alpha(v, 2, 2, 2, NULL, AGREE_NOMINAL, 0, 0, &a);
	assert_defined(a.alpha, -0.5, 1e-12, "alpha");
}

static void
test_no_units(void **state)
{
	struct agree_kappa k;
	struct agree_holsti h;
	struct agree_fleiss f;
	struct agree_alpha a;
	int32_t v[2] = { 0, -1 };

	(void)state;
	agree_kappa_2x2(0, 0, 0, 0, &k);
	assert_undef(k.po, "no units", "po");
	assert_undef(k.kappa, "no units", "kappa");
	assert_undef(k.po_lo, "no units", "wilson");
	agree_holsti(0, 0, 0, &h);
	assert_undef(h.cr, "no units", "holsti");
	agree_fleiss(NULL, 0, 2, 0, &f, NULL, NULL);
	assert_undef(f.kappa, "no units", "fleiss");
	agree_alpha(v, 0, 2, 1, NULL, AGREE_NOMINAL, 0, 0, &a);
	assert_undef(a.alpha, "no units", "alpha");
	agree_alpha(v, 1, 2, 1, NULL, AGREE_NOMINAL, 0, 0, &a);
	assert_undef(a.alpha, "too few pairable values", "alpha");
}

static void
test_nonstandard_kappa_cases(void **state)
{
	/* docs/agreement.md §3.10: the tables whose Cohen's kappa axial must
	 * print. */
	struct agree_kappa k;

	(void)state;
	agree_kappa_2x2(50, 75, 75, 800, &k);
	assert_defined(k.kappa, 0.314, 5e-4, "kappa");
	agree_kappa_2x2(900, 50, 50, 0, &k);
	assert_defined(k.kappa, -0.053, 5e-4, "kappa");
}

static void
test_alpha_is_corrected_pi(void **state)
{
	/* Two coders, nominal, no missing: alpha = pi + (1 - pi) / 2N. */
	int32_t v[2 * 12];
	int64_t t[9] = {0};
	struct agree_kappa k;
	struct agree_alpha a;
	int u;

	(void)state;
	for (u = 0; u < 12; u++) {
		v[2 * u] = u % 3;
		v[2 * u + 1] = (u * 7 + 1) % 5 % 3;
		t[v[2 * u] * 3 + v[2 * u + 1]]++;
	}
	agree_kappa_table(t, 3, 0, &k);
	agree_alpha(v, 12, 2, 3, NULL, AGREE_NOMINAL, 0, 0, &a);
	assert_defined(a.alpha, k.pi.v + (1 - k.pi.v) / 24, 1e-12, "alpha");
}

static void
test_fleiss_edges(void **state)
{
	int64_t unequal[4] = { 2, 1, 1, 1 }, constant[4] = { 3, 0, 3, 0 };
	int64_t two[6] = { 2, 0, 0, 2, 1, 1 };
	struct agree_fleiss f;
	struct agree_fig kj[2];
	double p[2];

	(void)state;
	agree_fleiss(unequal, 2, 2, 0, &f, p, kj);
	assert_undef(f.kappa, "unequal coders per unit: use α", "fleiss");
	agree_fleiss(constant, 2, 2, 0, &f, p, kj);
	assert_undef(f.kappa, "no variation", "fleiss");
	assert_undef(kj[1], "category not used", "kappa_j");
	/* With two coders Fleiss' kappa is Scott's pi: units (0,0) (1,1) (0,1). */
	agree_fleiss(two, 3, 2, 0, &f, p, kj);
	{
		int64_t t[4] = { 1, 1, 0, 1 };
		struct agree_kappa k;

		agree_kappa_table(t, 2, 0, &k);
		assert_defined(f.kappa, k.pi.v, 1e-12, "fleiss = pi");
	}
}

/*
 * Found by fuzz/fuzz-agree-data.c: with q < 2 Randolph's kappa wrote its
 * "undefined" through the NULL standard-error pointer. Reachable from
 * `axial agree --data` whenever three or more coders used one category
 * only (q = k = 1): a segmentation fault.
 */
static void
test_randolph_q_below_2(void **state)
{
	static const char csv[] = "unit,coder,value\nu1,a,x\nu1,b,x\nu1,c,x\n"
	    "u2,a,x\nu2,b,x\nu2,c,x\n";
	int64_t one[2] = { 3, 3 }, two[4] = { 3, 0, 2, 1 };
	struct agree_fleiss f;
	struct agree_data d;
	struct agree_report r = {0};
	struct agree_opts o = {0};
	const struct agree_item *it;
	const char *err;
	long line;

	(void)state;
	agree_fleiss(one, 2, 1, 0, &f, NULL, NULL);	/* q = k = 1 */
	assert_undef(f.randolph, "q < 2", "randolph, one category");
	agree_fleiss(two, 2, 2, 1, &f, NULL, NULL);	/* q = 1 asked for */
	assert_undef(f.randolph, "q < 2", "randolph, q = 1");
	agree_fleiss(two, 2, 2, 2, &f, NULL, NULL);
	assert_null(f.randolph.why);

	assert_int_equal(agree_data_parse(csv, sizeof csv - 1, &d, &line, &err), 0);
	agree_data_report(&d, &o, &r);
	assert_non_null(it = agree_data_report_get(&r, "randolph"));
	assert_string_equal(it->f.why, "q < 2");
	agree_data_report_free(&r);
	agree_data_free(&d);
}

/*
 * Found by fuzz/fuzz-agree-data.c: numbers too large for a double
 * ("1e999" is inf; 1e300 squared too) made interval and ratio alpha NaN,
 * printed as "-nan" by `axial agree --data`, and ratio values x and -x
 * (D_e = 0) made it 0 / 0. Every figure is a number or undefined with a
 * reason.
 */
static void
test_alpha_extreme_values(void **state)
{
	static const struct {
		const char *csv, *key, *why;
	} cases[] = {
		{ "unit,coder,value\nu1,A,1\nu1,B,1\nu2,A,2\nu2,B,1e999\n"
		  "u3,A,3\nu3,B,3\n", "alpha_interval", "values too large" },
		{ "unit,coder,value\nu1,A,1e300\nu1,B,-1e300\nu2,A,1\nu2,B,1\n",
		  "alpha_interval", "values too large" },
		{ "unit,coder,value\nu1,A,1\nu1,B,-1\nu2,A,-1\nu2,B,1\n",
		  "alpha_ratio", "no variation" },
	};
	size_t i, j;

	(void)state;
	for (i = 0; i < AX_ARRAY_LEN(cases); i++) {
		struct agree_data d;
		struct agree_report r = {0};
		struct agree_opts o = { .boot = 200, .seed = 1 };
		const struct agree_item *it;
		const char *err;
		long line;

		assert_int_equal(agree_data_parse(cases[i].csv, strlen(cases[i].csv),
		    &d, &line, &err), 0);
		agree_data_report(&d, &o, &r);
		for (j = 0; j < r.n; j++)
			if (r.item[j].f.why == NULL && !isfinite(r.item[j].f.v)) {
				print_error("case %zu: %s = %g\n", i, r.item[j].key,
				    r.item[j].f.v);
				fail();
			}
		assert_non_null(it = agree_data_report_get(&r, cases[i].key));
		assert_non_null(it->f.why);
		assert_string_equal(it->f.why, cases[i].why);
		agree_data_report_free(&r);
		agree_data_free(&d);
	}
}

static void
test_holsti_bp(void **state)
{
	struct agree_holsti h;
	struct agree_kappa k;
	int64_t t[4] = { 3, 1, 0, 4 };

	(void)state;
	agree_holsti(8, 10, 12, &h);
	assert_defined(h.cr, 16.0 / 22, 1e-12, "holsti");
	assert_true(h.lo.why == NULL && h.lo.v < h.cr.v && h.hi.v > h.cr.v);
	agree_kappa_table(t, 2, 1, &k);
	assert_undef(k.bp, "q < 2", "bp");
	agree_kappa_table(t, 2, 4, &k);
	assert_defined(k.bp, (7.0 / 8 - 0.25) / 0.75, 1e-12, "bp");
	assert_defined(k.bp_se, sqrt(7.0 / 8 / 8 / 8) / 0.75, 1e-12, "bp se");
}

static void
test_wilson(void **state)
{
	struct agree_fig lo, hi;

	(void)state;
	/* 100% agreement: the interval stays below 1 and above 0.7. */
	agree_wilson(10, 10, &lo, &hi);
	assert_defined(lo, 0.7225, 5e-4, "lo");
	assert_defined(hi, 1.0, 1e-12, "hi");
	agree_wilson(35, 50, &lo, &hi);
	assert_defined(lo, 0.5624965, 1e-6, "lo");
	assert_defined(hi, 0.8089645, 1e-6, "hi");
}

static void
test_bootstrap_reproducible(void **state)
{
	/* Krippendorff (2011) example C: same seed, same interval, every time. */
	int32_t v[12 * 4];
	double num[5] = { 1, 2, 3, 4, 5 };
	static const int raw[4][12] = {
		{ 1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0 },
		{ 1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3 },
		{ 0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0 },
		{ 1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0 },
	};
	struct agree_alpha a, b, c;
	int u, k;

	(void)state;
	for (u = 0; u < 12; u++)
		for (k = 0; k < 4; k++)
			v[u * 4 + k] = raw[k][u] - 1;
	agree_alpha(v, 12, 4, 5, num, AGREE_INTERVAL, 2000, 42, &a);
	agree_alpha(v, 12, 4, 5, num, AGREE_INTERVAL, 2000, 42, &b);
	agree_alpha(v, 12, 4, 5, num, AGREE_INTERVAL, 2000, 43, &c);
	assert_defined(a.alpha, 0.849, 5e-4, "alpha");
	assert_true(a.lo.why == NULL && a.hi.why == NULL);
	assert_true(a.lo.v == b.lo.v && a.hi.v == b.hi.v);
	assert_true(a.lo.v < a.alpha.v && a.alpha.v <= a.hi.v);
	assert_int_equal(a.boot, 2000);
	assert_true(a.lo.v != c.lo.v || a.hi.v != c.hi.v);
	/* Pinned: the generator and the percentile rule are axial's own, so
	 * these digits are the same on every platform. */
	{
		char lo[16], hi[16];

		snprintf(lo, sizeof lo, "%.3f", a.lo.v);
		snprintf(hi, sizeof hi, "%.3f", a.hi.v);
		print_message("example C interval alpha, seed 42: [%s, %s]\n", lo, hi);
		assert_string_equal(lo, BOOT_LO);
		assert_string_equal(hi, BOOT_HI);
	}
}

static void
test_rng(void **state)
{
	struct agree_rng r;
	uint64_t first;
	int seen[7] = {0}, i;

	(void)state;
	agree_rng_seed(&r, 0);
	first = agree_rng_next(&r);
	/* Pinned output of xoshiro256** seeded by splitmix64(0). */
	assert_true(first == RNG_FIRST);
	for (i = 0; i < 7000; i++)
		seen[agree_rng_below(&r, 7)]++;
	for (i = 0; i < 7; i++)
		assert_true(seen[i] > 800 && seen[i] < 1200);
}

static void
test_retest_tenths(void **state)
{
	/* docs/agreement.md §7.3, the worked example, and its total from summed
	 * counts. */
	(void)state;
	assert_int_equal(agree_retest_tenths(47, 133), 707);
	assert_int_equal(agree_retest_tenths(46, 121), 760);
	assert_int_equal(agree_retest_tenths(51, 137), 745);
	assert_int_equal(agree_retest_tenths(144, 391), 737);
	assert_int_equal(agree_retest_tenths(0, 0), -1);
	assert_int_equal(agree_retest_tenths(1, 8), 250);	/* 25.0 exactly */
	assert_int_equal(agree_retest_tenths(1, 800), 3);	/* 0.25% = 2.5 tenths: half up */
}

static struct retest_row
retest_row_of(int64_t a, int64_t t)
{
	struct retest_row r = { 0, NULL, t, a, t - 2 * a, 0 };

	r.tenths = agree_retest_tenths(a, t);
	return r;
}

static void
test_retest_percent(void **state)
{
	struct retest_row r;
	char pct[PERCENT_MAX], cells[128];

	(void)state;
	r = retest_row_of(47, 133);
	retest_percent(&r, pct, sizeof pct);
	assert_string_equal(pct, "70.7");
	retest_percent_digits(&r, pct, sizeof pct);
	assert_string_equal(pct, "70.7");
	r = retest_row_of(1, 800);	/* 0.25%: half up, as the tenths */
	retest_percent(&r, pct, sizeof pct);
	assert_string_equal(pct, "0.3");
	/* 2000 / 2001 = 99.95%: the tenths say 1000, the table never 100.0 */
	r = retest_row_of(1000, 2001);
	assert_int_equal(r.tenths, 1000);
	retest_percent(&r, pct, sizeof pct);
	assert_string_equal(pct, ">99.9");
	retest_cells(&r, cells, sizeof cells);
	assert_non_null(strstr(cells, " >99.9%"));
	retest_percent_digits(&r, pct, sizeof pct);
	assert_string_equal(pct, "99.95");
	/* 2 / 4002 = 0.05%: not 0.0 */
	r = retest_row_of(1, 4002);
	retest_percent(&r, pct, sizeof pct);
	assert_string_equal(pct, "<0.1");
	retest_percent_digits(&r, pct, sizeof pct);
	assert_string_equal(pct, "0.05");
	r = retest_row_of(3, 6);
	retest_percent(&r, pct, sizeof pct);
	assert_string_equal(pct, "100.0");
	r = retest_row_of(0, 0);
	retest_percent_digits(&r, pct, sizeof pct);
	assert_string_equal(pct, "");
}

/* ---- the reliability data reader ---- */

static void
test_data_parse(void **state)
{
	static const char csv[] =
	    "\xef\xbb\xbfValue,Unit,Coder\r\n"
	    "1.0,u1,A\r\n"
	    "1,u1,B\r\n"
	    "\"2\",\"u,2\",A\r\n"
	    ",\"u,2\",B\r\n"
	    "10,u3,A\r\n";
	struct agree_data d;
	const char *err;
	long line;

	(void)state;
	assert_int_equal(agree_data_parse(csv, sizeof csv - 1, &d, &line, &err), 0);
	assert_int_equal(d.nunits, 3);
	assert_int_equal(d.ncoders, 2);
	/* "1.0" and "1" are one number; 10 sorts after 2. */
	assert_int_equal(d.ncats, 3);
	assert_non_null(d.catnum);
	assert_true(d.catnum[0] == 1 && d.catnum[1] == 2 && d.catnum[2] == 10);
	assert_string_equal(d.unit[1], "u,2");
	assert_int_equal(d.val[0], 0);
	assert_int_equal(d.val[1], 0);
	assert_int_equal(d.val[2], 1);
	assert_int_equal(d.val[3], -1);
	assert_int_equal(d.val[4], 2);
	assert_int_equal(d.val[5], -1);
	agree_data_free(&d);
}

static void
test_data_errors(void **state)
{
	static const struct {
		const char *text;
		long line;
		const char *err;
	} bad[] = {
		{ "", 1, "empty file" },
		{ "\n\n", 1, "empty file" },
		{ "unit,coder\n1,A\n", 1, "missing column 'value' in the header (need unit,coder,value)" },
		{ "unit,coder,value\n1,A,x\n2,B\n", 3, "too few fields (ragged row)" },
		{ "unit,coder,value\n1,A,\"x\n\n", 2, "unterminated quoted field" },
		{ "unit,coder,value\n1,A,x\n1,B,\xc3\x28\n", 3, "invalid UTF-8" },
		{ "unit,coder,value\n1,A,x\n1,A,y\n", 3, "a second value for the same unit and coder" },
		{ "unit,coder,value\n", 2, "no data rows after the header" },
	};
	struct agree_data d;
	const char *err;
	long line;
	size_t i;

	(void)state;
	for (i = 0; i < AX_ARRAY_LEN(bad); i++) {
		assert_int_equal(agree_data_parse(bad[i].text, strlen(bad[i].text),
		    &d, &line, &err), -1);
		assert_string_equal(err, bad[i].err);
		assert_int_equal(line, bad[i].line);
	}
}

/* ---- unit modes on small documents (tables worked out by hand) ---- */

static struct agree_doc
doc(const char *text)
{
	struct agree_doc d = { text, strlen(text), NULL, 0 };

	return d;
}

static void
add(struct agree_state *st, uint32_t d, uint32_t code, uint32_t coder,
    uint32_t start, uint32_t end)
{
	struct agree_coding c = { d, code, coder, start, end };

	assert_int_equal(agree_state_add_coding(st, &c), 0);
}

static void
assert_cells(const struct agree_cells *c, int64_t a, int64_t b, int64_t cc, int64_t d)
{
	if (c->a != a || c->b != b || c->c != cc || c->d != d) {
		print_error("table a=%lld b=%lld c=%lld d=%lld, want %lld %lld %lld %lld\n",
		    (long long)c->a, (long long)c->b, (long long)c->c, (long long)c->d,
		    (long long)a, (long long)b, (long long)cc, (long long)d);
		fail();
	}
}

static void
test_mode_paragraph(void **state)
{
	/*
	 * doc 0: "ab cd\n  ef\n\ngh"
	 *   a0 b1 _2 c3 d4 \n5 _6 _7 e8 f9 \n10 \n11 g12 h13
	 *   units: u0 [0,5) "ab cd", u1 [6,10) "  ef", u2 [12,14) "gh"
	 *   (the empty paragraph between the two LFs is no unit)
	 * doc 1: "xy", one unit.
	 * code 0: A [0,8) "ab cd\n  " ends on the whitespace that starts u1,
	 *           so marks u0 only; A [1,3) and [0,8) again overlap it:
	 *           counted once. B [3,9) "cd\n  e" marks u0 and u1.
	 *         doc 0: a = 1 (u0), b = 0, c = 1 (u1), d = 1 (u2)
	 *         doc 1: A and B [0,2): a = 1
	 *         over both: a 2, b 0, c 1, d 1 (N = 4)
	 * code 1: A [12,14) u2 only: doc 0 a 0 b 1 c 0 d 2; overall d 3
	 * per doc 0 (codes pooled): a 1 b 1 c 1 d 3 (N = 2 codes x 3 units)
	 * category 0 = {0, 1}: a 2 b 1 c 1 d 4; total the same.
	 */
	struct agree_doc docs[2] = { doc("ab cd\n  ef\n\ngh"), doc("xy") };
	int32_t cat[2] = { 0, 0 };
	struct agree_config cfg = { .unit = AGREE_UNIT_PARAGRAPH, .ncoders = 2 };
	struct agree_state *st;
	struct agree_cells c;
	struct agree_kappa k;
	int64_t hist[3];
	struct agree_coding gone = { 0, 0, 0, 1, 3 };

	(void)state;
	st = agree_state_new(&cfg, docs, 2, 2, cat, 1);
	assert_int_equal(agree_state_units(st, 0), 3);
	assert_int_equal(agree_state_units(st, -1), 4);
	add(st, 0, 0, 0, 0, 8);
	add(st, 0, 0, 0, 1, 3);
	add(st, 0, 0, 0, 0, 8);
	add(st, 0, 0, 1, 3, 9);
	add(st, 1, 0, 0, 0, 2);
	add(st, 1, 0, 1, 0, 2);
	add(st, 0, 1, 0, 12, 14);
	agree_state_table(st, 0, 0, &c, NULL);
	assert_cells(&c, 1, 0, 1, 1);
	agree_state_table(st, 0, 1, &c, NULL);
	assert_cells(&c, 1, 0, 0, 0);
	agree_state_table(st, 0, -1, &c, hist);
	assert_cells(&c, 2, 0, 1, 1);
	assert_true(hist[0] == 1 && hist[1] == 1 && hist[2] == 2);
	agree_state_table(st, 1, -1, &c, NULL);
	assert_cells(&c, 0, 1, 0, 3);
	agree_kappa_2x2(c.a, c.b, c.c, c.d, &k);
	assert_string_equal(k.note, "B never applied this code");
	agree_state_doc_table(st, 0, &c, NULL);
	assert_cells(&c, 1, 1, 1, 3);
	agree_state_category_table(st, 0, &c, NULL);
	assert_cells(&c, 2, 1, 1, 4);
	agree_state_total_table(st, &c, NULL);
	assert_cells(&c, 2, 1, 1, 4);
	/* Removing one of the overlapping spans changes nothing; a span that
	 * is not there is refused. */
	assert_int_equal(agree_state_remove_coding(st, &gone), 0);
	agree_state_table(st, 0, 0, &c, NULL);
	assert_cells(&c, 1, 0, 1, 1);
	assert_int_equal(agree_state_remove_coding(st, &gone), -1);
	gone.end = 99;
	assert_int_equal(agree_state_add_coding(st, &gone), -1);
	agree_state_free(st);
}

static void
test_mode_turns(void **state)
{
	/*
	 * "I: hi there\nR: well yes\n" with speaker turns given without
	 * their labels: t0 [3,11) "hi there", t1 [15,23) "well yes".
	 * A codes the label "I: " [0,3): no unit. B codes [0,5): t0.
	 */
	static const struct agree_span turns[2] = { { 3, 11 }, { 15, 23 } };
	struct agree_doc d = doc("I: hi there\nR: well yes\n");
	struct agree_config cfg = { .unit = AGREE_UNIT_PARAGRAPH, .ncoders = 2 };
	struct agree_state *st;
	struct agree_cells c;

	(void)state;
	d.turns = turns;
	d.nturns = 2;
	st = agree_state_new(&cfg, &d, 1, 1, NULL, 0);
	assert_int_equal(agree_state_units(st, 0), 2);
	add(st, 0, 0, 0, 0, 3);
	add(st, 0, 0, 1, 0, 5);
	agree_state_table(st, 0, -1, &c, NULL);
	assert_cells(&c, 0, 0, 1, 1);
	agree_state_free(st);
}

/* ---- the bitmap of significant code points dropped (text source) ---- */

/* Texts where a cluster's significance needs its neighbours: a space
 * carrying a combining mark, CR LF, ZWNJ, regional-indicator flags, a
 * ZWJ emoji sequence, Arabic script with a kasra, blanks of every kind. */
static const char *const tricky[] = {
	"ab cd\n  ef\n\ngh",
	"a \u0301b  c\r\nd  \u200c e \u00a0 f",
	("سلام  دنیا.  خوب؟ آری\nپایان \U0001F1EE\U0001F1F7\U0001F1EE\U0001F1F7 "
	    "\U0001F469\u200D\U0001F4BB x"),
	"It ends. Then  \u2003 more\u2029 \t\n",
	"   \n \n",
	"بِ  ک  \u064e \u0301 ",
};
#define NTRICKY (sizeof tricky / sizeof *tricky)

/* The texts a state reads again (agree_text_fn): how often, how much. */
struct texts {
	const char *const *v;
	size_t n;
	int calls;
	size_t bytes;
};

static int
texts_read(void *ctx, size_t doc, size_t off, size_t n, char **text,
    size_t *len)
{
	struct texts *t = ctx;
	size_t total;

	t->calls++;
	if (doc >= t->n)
		return -1;
	total = strlen(t->v[doc]);
	assert_true(off <= total);
	if (n > total - off)
		n = total - off;
	*text = xmalloc(n + 1);
	memcpy(*text, t->v[doc] + off, n);
	(*text)[n] = '\0';
	*len = n;
	t->bytes += n;
	return 0;
}

/* The tricky texts over and over, past several strides of cpbyte. */
static char *
tricky_long(void)
{
	struct buf b = {0};
	size_t t;

	while (b.len < 40000)
		for (t = 0; t < NTRICKY; t++)
			buf_puts(&b, tricky[t]);
	return buf_take(&b);
}

static uint64_t next(uint64_t *x);

/* agree_text_any_sig agrees with the bitmap on every span of every text. */
static void
test_text_any_sig(void **state)
{
	size_t t;

	(void)state;
	for (t = 0; t < NTRICKY; t++) {
		struct agree_doc d = doc(tricky[t]);
		struct agree_seg sg;
		uint32_t from, to, u, checked = 0;

		agree_seg_build(&d, AGREE_UNIT_PARAGRAPH, false, &sg);
		assert_non_null(sg.sig);
		for (from = 0; from < sg.ncp; from++)
			for (to = from + 1; to <= sg.ncp; to++) {
				bool want = false;

				/* the bitmap's answer, unit by unit and in the
				   gaps between them (blank by construction) */
				for (u = 0; u < sg.nu && !want; u++)
					want = agree_seg_marks(&sg, u, from, to);
				struct agree_text tx = { d.text, d.len, 0, true,
				    true };

				if (agree_text_any_sig(&tx, from, to) != want) {
					print_error("text %zu [%u,%u): want %d\n", t,
					    from, to, want);
					fail();
				}
				checked++;
			}
		assert_true(checked == sg.ncp * (sg.ncp + 1) / 2);
		agree_seg_free(&sg);
	}
	/* stretches of a long text from checkpoints (cpbyte) around the span:
	   the bitmap's answer, or -1 when a break is out of reach */
	{
		char *text = tricky_long();
		struct agree_doc d = doc(text);
		struct agree_seg sg;
		uint64_t seed = 7;
		uint32_t i, u, nck, unsure = 0;

		agree_seg_build(&d, AGREE_UNIT_PARAGRAPH, false, &sg);
		assert_true(sg.ncp > 8 * AGREE_SEG_STRIDE);
		nck = (sg.ncp + AGREE_SEG_STRIDE - 1) / AGREE_SEG_STRIDE;
		for (i = 0; i < 20000; i++) {
			uint32_t from = (uint32_t)(next(&seed) % sg.ncp);
			uint32_t to = from + 1 + (uint32_t)(next(&seed) % 40);
			uint32_t c0 = from / AGREE_SEG_STRIDE, c1;
			struct agree_text whole = { d.text, d.len, 0, true, true };
			struct agree_text part;
			bool want = false;
			int r;

			if (to > sg.ncp)
				to = sg.ncp;
			c1 = (to - 1) / AGREE_SEG_STRIDE + 1;
			for (u = 0; u < sg.nu && !want; u++)
				want = agree_seg_marks(&sg, u, from, to);
			assert_int_equal(agree_text_any_sig(&whole, from, to), want);
			part = (struct agree_text){ d.text + sg.cpbyte[c0],
			    (c1 < nck ? sg.cpbyte[c1] : d.len) - sg.cpbyte[c0],
			    c0 * AGREE_SEG_STRIDE, c0 == 0, c1 >= nck };
			r = agree_text_any_sig(&part, from, to);
			assert_true(r == want || r == -1);
			unsure += r == -1;
		}
		assert_true(unsure > 0 && unsure < 2000);	/* the edges only */
		agree_seg_free(&sg);
		free(text);
	}
}

/*
 * A state that keeps only the newest bitmap and reads texts again counts
 * every span as one that keeps them all, in paragraphs and sentences,
 * added and taken out; a text it cannot read is said (-2), nothing
 * changed.
 */
static void
test_text_source_equals_bitmap(void **state)
{
	static const enum agree_unit modes[] = { AGREE_UNIT_PARAGRAPH,
	    AGREE_UNIT_SENTENCE };
	enum { N = NTRICKY + 2 };	/* the long one, and "x" added last */
	const char *v[N];
	struct agree_doc docs[N];
	struct texts tx = { v, N, 0, 0 };
	char *longer = tricky_long();
	size_t m, t;
	uint64_t seed = 11;

	(void)state;
	for (t = 0; t < NTRICKY; t++)
		v[t] = tricky[t];
	v[NTRICKY] = longer;
	v[NTRICKY + 1] = "x";
	for (t = 0; t < N; t++)
		docs[t] = doc(v[t]);
	for (m = 0; m < 2; m++) {
		struct agree_config cfg = { .unit = modes[m], .ncoders = 2 };
		struct agree_state *all = agree_state_new(&cfg, docs, N, 1, NULL, 0);
		struct agree_state *lean = agree_state_new_lazy(&cfg, N, 1, NULL, 0);
		struct agree_cells a, b;
		uint32_t from, to, ncp;

		agree_state_text_source(lean, texts_read, &tx);
		for (t = 0; t < N; t++)
			assert_int_equal(agree_state_add_doc(lean, t, &docs[t]), 0);
		/* the newest keeps its bitmap: "x", so every other is read */
		for (t = 0; t < N; t++) {
			ncp = (uint32_t)u8_mbsnlen((const uint8_t *)docs[t].text,
			    docs[t].len);
			for (from = 0; from < ncp; from++)
				for (to = from + 1; to <= ncp; to++) {
					/* every span of the short ones; of the
					   long one, a few thousand */
					if (t == NTRICKY && next(&seed) % 60000 != 0)
						continue;
					struct agree_coding c = { (uint32_t)t, 0,
					    (from + to) % 2, from, to };

					add(all, (uint32_t)t, 0, c.coder, from, to);
					add(lean, (uint32_t)t, 0, c.coder, from, to);
					agree_state_table(all, 0, (int64_t)t, &a, NULL);
					agree_state_table(lean, 0, (int64_t)t, &b, NULL);
					assert_cells(&b, a.a, a.b, a.c, a.d);
					if ((from + to) % 3 != 0)
						continue;	/* some stay */
					assert_int_equal(agree_state_remove_coding(
					    all, &c), 0);
					assert_int_equal(agree_state_remove_coding(
					    lean, &c), 0);
					agree_state_table(lean, 0, (int64_t)t, &b, NULL);
					agree_state_table(all, 0, (int64_t)t, &a, NULL);
					assert_cells(&b, a.a, a.b, a.c, a.d);
				}
		}
		agree_state_total_table(all, &a, NULL);
		agree_state_total_table(lean, &b, NULL);
		assert_cells(&b, a.a, a.b, a.c, a.d);
		agree_state_free(all);
		agree_state_free(lean);
	}
	/* the texts were read again, around the spans: a stretch of a few
	   strides at most, not the long text each time */
	assert_true(tx.calls > 0);
	assert_true(tx.bytes / (size_t)tx.calls < 4 * AGREE_SEG_STRIDE * 2);
	free(longer);
	{
		/* a text that cannot be read: -2, the state as it was */
		static const char *const two[] = { "ab cd", "ef gh" };
		struct agree_config cfg = { .unit = AGREE_UNIT_PARAGRAPH,
		    .ncoders = 2 };
		struct agree_state *st = agree_state_new_lazy(&cfg, N + 2, 1,
		    NULL, 0);
		struct agree_doc d0 = doc(two[0]), d1 = doc(two[1]);
		struct agree_coding c = { N, 0, 0, 1, 3 };
		struct agree_cells x;

		/* texts_read has no document N */
		agree_state_text_source(st, texts_read, &tx);
		assert_int_equal(agree_state_add_doc(st, N, &d0), 0);
		assert_int_equal(agree_state_add_doc(st, N + 1, &d1), 0);
		assert_int_equal(agree_state_add_coding(st, &c), -2);
		agree_state_table(st, 0, N, &x, NULL);
		assert_cells(&x, 0, 0, 0, 1);
		c.start = 0;		/* the whole unit: no text needed */
		c.end = 5;
		assert_int_equal(agree_state_add_coding(st, &c), 0);
		agree_state_table(st, 0, N, &x, NULL);
		assert_cells(&x, 0, 1, 0, 0);
		agree_state_free(st);
	}
}

static void
test_mode_sentence(void **state)
{
	/*
	 * Paragraph 1: "It costs 3.5 dollars. He paid! Did he? yes, e.g. this."
	 *   s0 "It costs 3.5 dollars. " [0,22)  (3.5 does not end it)
	 *   s1 "He paid! "                [22,31)
	 *   s2 "Did he? "                 [31,39) (a ? before lowercase ends it)
	 *   s3 "yes, e.g. this."          [39,54) (e.g. before lowercase does not)
	 * Paragraph 2: "Next؟ end۔ x" (؟ and ۔ end sentences)
	 *   s4 "Next؟ " [55,61), s5 "end۔ " [61,66), s6 "x" [66,67)
	 * A codes "paid! Did" [25,34): s1 and s2. B codes "Did" [31,34): s2.
	 * -> a 1 (s2), b 1 (s1), c 0, d 5.
	 */
	struct agree_doc d = doc("It costs 3.5 dollars. He paid! Did he? yes, e.g. this.\n"
	    "Next\xd8\x9f end\xdb\x94 x");
	struct agree_config cfg = { .unit = AGREE_UNIT_SENTENCE, .ncoders = 2 };
	struct agree_state *st;
	struct agree_cells c;

	(void)state;
	st = agree_state_new(&cfg, &d, 1, 1, NULL, 0);
	assert_int_equal(agree_state_units(st, 0), 7);
	add(st, 0, 0, 0, 25, 34);
	add(st, 0, 0, 1, 31, 34);
	agree_state_table(st, 0, -1, &c, NULL);
	assert_cells(&c, 1, 1, 0, 5);
	/* The first unit ends right before "He": a span on "He" marks s1 only. */
	add(st, 0, 0, 1, 22, 24);
	agree_state_table(st, 0, -1, &c, NULL);
	assert_cells(&c, 2, 0, 0, 5);
	agree_state_free(st);
}

static void
test_mode_char(void **state)
{
	/*
	 * "می‌خواهم ab": م0 ی1 ZWNJ2 خ3 و4 ا5 ه6 م7 space8 a9 b10.
	 * ZWNJ extends ی, so the non-whitespace graphemes are
	 * g0 م, g1 ی+ZWNJ, g2..g6 خواهم, g7 a, g8 b: N = 9 (10 with whitespace).
	 * A codes the ZWNJ alone [2,3): g1. B codes [0,2): g0 g1.
	 * -> a 1, b 0, c 1, d 7.
	 */
	struct agree_doc d = doc("\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7"
	    "\xd9\x87\xd9\x85 ab");
	struct agree_config cfg = { .unit = AGREE_UNIT_CHAR, .ncoders = 2 };
	struct agree_state *st;
	struct agree_cells c;

	(void)state;
	st = agree_state_new(&cfg, &d, 1, 1, NULL, 0);
	assert_int_equal(agree_state_units(st, 0), 9);
	add(st, 0, 0, 0, 2, 3);
	add(st, 0, 0, 1, 0, 2);
	agree_state_table(st, 0, -1, &c, NULL);
	assert_cells(&c, 1, 0, 1, 7);
	agree_state_free(st);
	cfg.whitespace = true;
	st = agree_state_new(&cfg, &d, 1, 1, NULL, 0);
	assert_int_equal(agree_state_units(st, 0), 10);
	/* A coding of the space alone counts with whitespace on. */
	add(st, 0, 0, 0, 8, 9);
	agree_state_table(st, 0, -1, &c, NULL);
	assert_cells(&c, 0, 1, 0, 9);
	agree_state_free(st);
}

static void
test_mode_document(void **state)
{
	/*
	 * Three documents, one unit each. A codes docs 0 and 1 (doc 1 twice),
	 * B codes docs 1 and 2: a 1 (doc 1), b 1 (doc 0), c 1 (doc 2), d 0.
	 */
	struct agree_doc docs[3] = { doc("one"), doc("two two"), doc(" ") };
	struct agree_config cfg = { .unit = AGREE_UNIT_DOCUMENT, .ncoders = 2 };
	struct agree_state *st;
	struct agree_cells c;

	(void)state;
	st = agree_state_new(&cfg, docs, 3, 1, NULL, 0);
	assert_int_equal(agree_state_units(st, -1), 3);
	add(st, 0, 0, 0, 0, 3);
	add(st, 1, 0, 0, 0, 3);
	add(st, 1, 0, 0, 4, 7);
	add(st, 1, 0, 1, 2, 5);
	add(st, 2, 0, 1, 0, 1);
	agree_state_table(st, 0, -1, &c, NULL);
	assert_cells(&c, 1, 1, 1, 0);
	agree_state_free(st);
}

static void
test_mode_overlap(void **state)
{
	/*
	 * "abcdefghijklmnopqrst", 20 graphemes, theta 0.9.
	 * code 0: A [0,10) (10), B [1,10) (9): overlap 9 = 0.9 x 10, a match.
	 *         agreements 2, disagreements 0, M 1, N1 1, N2 1.
	 * code 1: A [0,10), B [2,10) (8): one grapheme less, no match.
	 *         agreements 0, disagreements 2, M 0.
	 * code 2: A [0,10), B [0,10) twice: A's matches both, all three are
	 *         matched (agreements 3), but one-to-one M = 1; N2 = 2.
	 * pooled: agreements 5, disagreements 2, M 2, N1 3, N2 4;
	 *         P_o 5/7, Holsti 4/7, BP (q = 3) (5/7 - 1/3) / (2/3).
	 */
	struct agree_doc d = doc("abcdefghijklmnopqrst");
	struct agree_config cfg = { .unit = AGREE_UNIT_OVERLAP, .ncoders = 2, .theta = 0.9 };
	struct agree_state *st;
	struct agree_overlap o;
	struct agree_holsti h;
	struct agree_fig po, bp;

	(void)state;
	st = agree_state_new(&cfg, &d, 1, 3, NULL, 0);
	add(st, 0, 0, 0, 0, 10);
	add(st, 0, 0, 1, 1, 10);
	add(st, 0, 1, 0, 0, 10);
	add(st, 0, 1, 1, 2, 10);
	add(st, 0, 2, 0, 0, 10);
	add(st, 0, 2, 1, 0, 10);
	add(st, 0, 2, 1, 0, 10);
	agree_state_overlap(st, 0, -1, &o);
	assert_true(o.agree == 2 && o.disagree == 0 && o.m == 1 && o.n1 == 1 && o.n2 == 1);
	agree_state_overlap(st, 1, 0, &o);
	assert_true(o.agree == 0 && o.disagree == 2 && o.m == 0);
	agree_state_overlap(st, 2, -1, &o);
	assert_true(o.agree == 3 && o.disagree == 0 && o.m == 1 && o.n2 == 2);
	agree_overlap_figures(&o, 3, &po, &h, &bp);
	assert_defined(h.cr, 2.0 / 3, 1e-12, "holsti");
	agree_state_overlap_total(st, &o);
	assert_true(o.agree == 5 && o.disagree == 2 && o.m == 2 && o.n1 == 3 && o.n2 == 4);
	agree_overlap_figures(&o, 3, &po, &h, &bp);
	assert_defined(po, 5.0 / 7, 1e-12, "po");
	assert_defined(h.cr, 4.0 / 7, 1e-12, "holsti");
	assert_defined(bp, (5.0 / 7 - 1.0 / 3) / (2.0 / 3), 1e-12, "bp");
	agree_state_free(st);
}

static void
test_mode_kxk(void **state)
{
	/*
	 * "p one\np two\np three", units u0 u1 u2; codes 0 1 2 and "none":
	 * k = 4. A: u0 code 0, u1 code 1, u2 codes 0 and 1 (no single value:
	 * left out). B: u0 code 0, u1 code 2, u2 nothing (none).
	 * -> cells [0][0] 1, [1][2] 1; 1 unit left out.
	 * Then A's code 1 leaves u2: u2 is (0, none): cell [0][3] 1.
	 */
	struct agree_doc d = doc("p one\np two\np three");
	struct agree_config cfg = { .unit = AGREE_UNIT_KXK, .ncoders = 2, .allow_none = true };
	struct agree_state *st;
	struct agree_coding c = { 0, 1, 0, 12, 19 };
	struct agree_data data;
	int64_t cells[16], left;
	struct agree_kappa k;

	(void)state;
	st = agree_state_new(&cfg, &d, 1, 3, NULL, 0);
	agree_state_kxk(st, cells, &left);
	assert_int_equal(cells[3 * 4 + 3], 3);	/* nobody coded: none/none */
	add(st, 0, 0, 0, 0, 5);
	add(st, 0, 1, 0, 6, 11);
	add(st, 0, 0, 0, 12, 19);
	add(st, 0, 1, 0, 12, 19);
	add(st, 0, 0, 1, 0, 3);
	add(st, 0, 2, 1, 8, 10);
	assert_int_equal(agree_state_kxk(st, cells, &left), 4);
	assert_int_equal(left, 1);
	assert_int_equal(cells[0], 1);
	assert_int_equal(cells[1 * 4 + 2], 1);
	assert_int_equal(cells[3 * 4 + 3], 0);
	assert_int_equal(agree_state_remove_coding(st, &c), 0);
	agree_state_kxk(st, cells, &left);
	assert_int_equal(left, 0);
	assert_int_equal(cells[0 * 4 + 3], 1);
	agree_kappa_table(cells, 4, 0, &k);
	assert_int_equal(k.n, 3);
	assert_int_equal(k.q, 4);
	assert_defined(k.po, 1.0 / 3, 1e-12, "po");
	/* The same units as reliability data, for alpha. */
	agree_state_values(st, &data);
	assert_int_equal(data.nunits, 3);
	assert_int_equal(data.val[2 * 2 + 1], 3);
	agree_data_free(&data);
	{
		struct buf b = {0};

		agree_state_print(st, AGREE_BY_CODE, AGREE_FMT_CSV, NULL,
		    AGREE_PRINT_ALL, &b);
		assert_non_null(strstr(b.s, "\n1 docs,pooled,all codes,kxk,,4,3,,,,,"
		    "\"[[1,0,0,1],[0,0,1,0],[0,0,0,0],[0,0,0,0]]\",,,,,,0,0.333333,,"));
		buf_done(&b);
	}
	agree_state_free(st);
}

static void
test_three_coders(void **state)
{
	/*
	 * "a\nb\nc\nd": four units; coders 0, 1, 2 on code 0:
	 * u0 by all three, u1 by 0 and 1, u2 by 2, u3 by nobody.
	 * hist = {1, 1, 1, 1}; the 2x2 of coders 0 and 1: a 2 b 0 c 0 d 2.
	 * Fleiss: n_i1 = 3 2 1 0; p = 6/12 = 0.5, P_e = 0.5,
	 * P_i = 1, 1/3, 1/3, 1 -> Pbar = 2/3, kappa = 1/3.
	 */
	struct agree_doc d = doc("a\nb\nc\nd");
	struct agree_config cfg = { .unit = AGREE_UNIT_PARAGRAPH, .ncoders = 3 };
	struct agree_state *st;
	struct agree_cells c;
	struct agree_fleiss f;
	struct agree_alpha a;
	int64_t hist[4];
	int32_t v[12] = { 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0 };
	struct agree_alpha ref;

	(void)state;
	st = agree_state_new(&cfg, &d, 1, 1, NULL, 0);
	add(st, 0, 0, 0, 0, 1);
	add(st, 0, 0, 1, 0, 1);
	add(st, 0, 0, 2, 0, 1);
	add(st, 0, 0, 0, 2, 3);
	add(st, 0, 0, 1, 2, 3);
	add(st, 0, 0, 2, 4, 5);
	agree_state_table(st, 0, -1, &c, hist);
	assert_cells(&c, 2, 0, 0, 2);
	assert_true(hist[0] == 1 && hist[1] == 1 && hist[2] == 1 && hist[3] == 1);
	agree_hist_fleiss(hist, 3, &f);
	assert_defined(f.pbar, 2.0 / 3, 1e-12, "pbar");
	assert_defined(f.kappa, 1.0 / 3, 1e-12, "fleiss");
	agree_hist_alpha(hist, 3, &a);
	agree_alpha(v, 4, 3, 2, NULL, AGREE_NOMINAL, 0, 0, &ref);
	assert_defined(a.alpha, ref.alpha.v, 1e-12, "alpha from hist");
	{
		struct buf b = {0};

		agree_state_print(st, AGREE_BY_CODE, AGREE_FMT_TABLE, NULL,
		    AGREE_PRINT_ALL, &b);
		assert_non_null(strstr(b.s, "Fleiss κ 0.333"));
		buf_done(&b);
	}
	agree_state_free(st);
}

static void
assert_contains(const char *hay, const char *needle)
{
	if (strstr(hay, needle) == NULL) {
		print_error("missing: %s\nin:\n%s\n", needle, hay);
		fail();
	}
}

static void
test_state_print(void **state)
{
	/* The paragraph document of test_mode_paragraph, printed by code. */
	struct agree_doc docs[2] = { doc("ab cd\n  ef\n\ngh"), doc("xy") };
	int32_t cat[2] = { 0, 0 };
	static const char *const code[2] = { "trust", "budget, \"cuts\"" };
	static const char *const cats[1] = { "context" };
	struct agree_names names = { code, cats, NULL, NULL };
	struct agree_config cfg = { .unit = AGREE_UNIT_PARAGRAPH, .ncoders = 2 };
	struct agree_state *st;
	struct buf b = {0};

	(void)state;
	st = agree_state_new(&cfg, docs, 2, 2, cat, 1);
	add(st, 0, 0, 0, 0, 8);
	add(st, 0, 0, 1, 3, 9);
	add(st, 1, 0, 0, 0, 2);
	add(st, 1, 0, 1, 0, 2);
	add(st, 0, 1, 0, 12, 14);
	agree_state_print(st, AGREE_BY_CODE, AGREE_FMT_TABLE, &names,
	    AGREE_PRINT_ALL, &b);
	/* code 0: a 2 b 0 c 1 d 1: P_o 75.0, pos 80.0, kappa 0.5 */
	assert_contains(b.s, "code \"trust\"  unit=paragraph  scope=2 docs  N=4\n"
	    "  a=2 b=0 c=1 d=1  %agr 75.0 pos 80.0 κ 0.500 [");
	assert_contains(b.s, "(B never applied this code)");
	assert_contains(b.s, "pooled \"all codes\"  unit=paragraph  scope=2 docs  N=8\n"
	    "  a=2 b=1 c=1 d=4 ");
	buf_reset(&b);
	agree_state_print(st, AGREE_BY_CATEGORY, AGREE_FMT_CSV, &names,
	    AGREE_PRINT_ALL, &b);
	assert_contains(b.s, "scope,row,name,mode,theta,q,N,a,b,c,d,cells,");
	assert_contains(b.s, "\n2 docs,category,context,paragraph,,,8,2,1,1,4,,,,,,,,0.75,");
	buf_reset(&b);
	agree_state_print(st, AGREE_BY_CODE, AGREE_FMT_CSV, &names,
	    AGREE_PRINT_ALL, &b);
	/* code 1: kappa 0 with its note; the name is quoted */
	assert_contains(b.s, "code,\"budget, \"\"cuts\"\"\",paragraph,,,4,0,1,0,3,");
	assert_contains(b.s, ",B never applied this code\n");
	agree_state_free(st);

	/* Nobody coded anything: no code counts, so no units; undefined
	 * figures are empty with a status; the rows are hidden unless asked. */
	st = agree_state_new(&cfg, docs, 2, 1, NULL, 0);
	buf_reset(&b);
	assert_int_equal(agree_state_print(st, AGREE_BY_DOCUMENT, AGREE_FMT_CSV,
	    NULL, AGREE_PRINT_ALL, &b), 0);
	assert_contains(b.s, "2 docs,document,#0,paragraph,,,0,0,0,0,0,,,,,,,,,,,,,,,,,,,"
	    ",,,,,,,,,too few units,po: undefined (no units); pos: undefined (no units); kappa: undefined "
	    "(no units); pi: undefined (no units); alpha: undefined (no units); "
	    "prevalence: undefined (no units); ac1: undefined (no units)\n");
	buf_reset(&b);
	assert_int_equal(agree_state_print(st, AGREE_BY_DOCUMENT, AGREE_FMT_CSV,
	    NULL, 0, &b), 2);
	assert_null(strstr(b.s, ",document,"));
	assert_contains(b.s, "\n2 docs,pooled,all codes,paragraph,,,0,");
	buf_reset(&b);
	agree_state_print(st, AGREE_BY_CODE, AGREE_FMT_JSON, NULL,
	    AGREE_PRINT_ALL, &b);
	assert_contains(b.s, "{\"mode\": \"paragraph\", \"coders\": 2, \"scope_docs\": 2");
	assert_contains(b.s, "\"kappa\": null");
	agree_state_free(st);

	/* Mode e: no kappa, Holsti and BP with q. */
	{
		struct agree_doc d = doc("abcdefghijklmnopqrst");
		struct agree_config c2 = { .unit = AGREE_UNIT_OVERLAP, .ncoders = 2 };

		st = agree_state_new(&c2, &d, 1, 3, NULL, 0);
		add(st, 0, 0, 0, 0, 10);
		add(st, 0, 0, 1, 1, 10);
		buf_reset(&b);
		agree_state_print(st, AGREE_BY_CODE, AGREE_FMT_TABLE, NULL,
		    AGREE_PRINT_ALL, &b);
		assert_contains(b.s, "code \"#0\"  unit=overlap  theta=90%  q=3  scope=1 doc  N=2\n"
		    "  agreements=2 disagreements=0 M=1 N1=1 N2=1  %agr 100.0 Holsti 1.000 BP 1.000\n");
		assert_true(strstr(b.s, "κ") == NULL);
		agree_state_free(st);
	}
	buf_done(&b);
}

static void
test_pooled_used_codes(void **state)
{
	/*
	 * "a\nb\nc\nd": four units, five codes; only codes 1 and 3 are used.
	 * code 1: A in u0, u1, B in u0 (a 1 b 1 d 2); code 3: B in u3 (c 1
	 * d 3). Pooled over the two used codes: N 8, a 1 b 1 c 1 d 5, not
	 * N 20 with d 17 (12 agreements on absence nobody coded).
	 */
	struct agree_doc d = doc("a\nb\nc\nd");
	struct agree_config cfg = { .unit = AGREE_UNIT_PARAGRAPH, .ncoders = 2 };
	int32_t cat[5] = { 0, 0, 1, 1, 1 };
	struct agree_state *st;
	struct agree_cells c;
	struct buf b = {0};

	(void)state;
	st = agree_state_new(&cfg, &d, 1, 5, cat, 2);
	add(st, 0, 1, 0, 0, 3);
	add(st, 0, 1, 1, 0, 1);
	add(st, 0, 3, 1, 6, 7);
	assert_false(agree_state_code_used(st, 0));
	assert_true(agree_state_code_used(st, 1));
	assert_true(agree_state_code_used(st, 3));
	assert_int_equal(agree_state_codes_used(st), 2);
	agree_state_total_table(st, &c, NULL);
	assert_cells(&c, 1, 1, 1, 5);
	agree_state_doc_table(st, 0, &c, NULL);
	assert_cells(&c, 1, 1, 1, 5);
	agree_state_category_table(st, 0, &c, NULL);	/* codes 0 and 1 */
	assert_cells(&c, 1, 1, 0, 2);
	agree_state_category_table(st, 1, &c, NULL);	/* codes 2, 3 and 4 */
	assert_cells(&c, 0, 0, 1, 3);
	/* three rows hidden, the pooled row the same either way */
	assert_int_equal(agree_state_print(st, AGREE_BY_CODE, AGREE_FMT_TABLE,
	    NULL, 0, &b), 3);
	assert_null(strstr(b.s, "code \"#0\""));
	assert_contains(b.s, "code \"#1\"");
	assert_contains(b.s, "pooled \"all codes\"  unit=paragraph  scope=1 doc  N=8\n"
	    "  a=1 b=1 c=1 d=5  %agr 75.0 pos 50.0 ");
	buf_reset(&b);
	assert_int_equal(agree_state_print(st, AGREE_BY_CODE, AGREE_FMT_TABLE,
	    NULL, AGREE_PRINT_ALL, &b), 0);
	assert_contains(b.s, "code \"#0\"");
	assert_contains(b.s, "pooled \"all codes\"  unit=paragraph  scope=1 doc  N=8\n");
	buf_reset(&b);
	assert_int_equal(agree_state_print(st, AGREE_BY_CODE, AGREE_FMT_JSON,
	    NULL, 0, &b), 3);
	assert_contains(b.s, "], \"hidden\": 3}\n");
	buf_done(&b);
	agree_state_free(st);
}

/* ---- incremental counts equal a full recount ---- */

static uint64_t
next(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

/* Every count the state reports, to compare two moments. */
static void
snapshot(const struct agree_state *st, size_t ndocs, size_t ncodes, int m,
    struct buf *b)
{
	struct agree_cells c;
	struct agree_overlap o;
	int64_t hist[33], cells[64], left;
	size_t d, x;
	int i, k;

	buf_reset(b);
	for (x = 0; x < ncodes; x++) {
		for (d = 0; d < ndocs; d++) {
			agree_state_table(st, (int64_t)x, (int64_t)d, &c, hist);
			buf_printf(b, "%lld %lld %lld %lld|", (long long)c.a, (long long)c.b,
			    (long long)c.c, (long long)c.d);
			for (i = 0; i <= m; i++)
				buf_printf(b, "%lld ", (long long)hist[i]);
			agree_state_overlap(st, (int64_t)x, (int64_t)d, &o);
			buf_printf(b, "o%lld %lld %lld %lld %lld\n", (long long)o.agree,
			    (long long)o.disagree, (long long)o.m, (long long)o.n1, (long long)o.n2);
		}
		agree_state_table(st, (int64_t)x, -1, &c, hist);
		buf_printf(b, "code %lld %lld %lld %lld\n", (long long)c.a,
		    (long long)c.b, (long long)c.c, (long long)c.d);
	}
	for (d = 0; d < ndocs; d++) {
		agree_state_doc_table(st, (int64_t)d, &c, NULL);
		buf_printf(b, "doc %lld %lld %lld %lld\n", (long long)c.a,
		    (long long)c.b, (long long)c.c, (long long)c.d);
	}
	agree_state_category_table(st, 1, &c, NULL);
	buf_printf(b, "cat %lld %lld %lld %lld\n", (long long)c.a, (long long)c.b,
	    (long long)c.c, (long long)c.d);
	agree_state_total_table(st, &c, hist);
	buf_printf(b, "total %lld %lld %lld %lld\n", (long long)c.a, (long long)c.b,
	    (long long)c.c, (long long)c.d);
	agree_state_overlap_total(st, &o);
	buf_printf(b, "ototal %lld %lld %lld\n", (long long)o.agree,
	    (long long)o.disagree, (long long)o.m);
	if ((k = agree_state_kxk(st, cells, &left)) > 0) {
		for (i = 0; i < k * k; i++)
			buf_printf(b, "%lld ", (long long)cells[i]);
		buf_printf(b, "left %lld\n", (long long)left);
	}
}

static void
random_edits(enum agree_unit unit, int m, uint64_t seed)
{
	enum { NDOCS = 3, NCODES = 4, MAXC = 200 };
	static const char *const words[] = { "ab", "c", "دل", "x.", "Hi!", "  ",
	    "\n", "\n\n", "e\xcc\x81", "\xe2\x80\x8c", "3.5", "y? ", "z", " " };
	struct buf text[NDOCS] = {{0}}, before = {0}, after = {0};
	struct agree_doc docs[NDOCS];
	uint32_t ncp[NDOCS];
	int32_t cat[NCODES] = { 0, 1, 1, -1 };
	struct agree_coding live[MAXC];
	struct agree_config cfg = { .unit = unit, .ncoders = m, .theta = 0.8,
	    .allow_none = (seed & 1) != 0, .base = AGREE_UNIT_SENTENCE };
	struct agree_state *st;
	size_t nlive = 0, d;
	int i;

	for (d = 0; d < NDOCS; d++) {
		for (i = 0; i < 60; i++)
			buf_puts(&text[d], words[next(&seed) % AX_ARRAY_LEN(words)]);
		docs[d] = doc(text[d].s);
		ncp[d] = (uint32_t)u8_mbsnlen((const uint8_t *)text[d].s, text[d].len);
	}
	st = agree_state_new(&cfg, docs, NDOCS, NCODES, cat, 2);
	for (i = 0; i < 600; i++) {
		if (nlive > 0 && (nlive == MAXC || next(&seed) % 3 == 0)) {
			size_t j = next(&seed) % nlive;

			assert_int_equal(agree_state_remove_coding(st, &live[j]), 0);
			live[j] = live[--nlive];
		} else {
			struct agree_coding c;
			uint32_t a, b;

			c.doc = (uint32_t)(next(&seed) % NDOCS);
			c.code = (uint32_t)(next(&seed) % NCODES);
			c.coder = (uint32_t)(next(&seed) % (uint64_t)m);
			a = (uint32_t)(next(&seed) % ncp[c.doc]);
			b = (uint32_t)(next(&seed) % ncp[c.doc]);
			c.start = a < b ? a : b;
			c.end = (a < b ? b : a) + 1;
			if (c.end > ncp[c.doc])
				c.end = ncp[c.doc];
			if (c.start >= c.end)
				continue;
			assert_int_equal(agree_state_add_coding(st, &c), 0);
			live[nlive++] = c;
		}
		if (i % 50 == 49) {
			snapshot(st, NDOCS, NCODES, m, &before);
			agree_state_recount(st);
			snapshot(st, NDOCS, NCODES, m, &after);
			if (strcmp(before.s, after.s) != 0) {
				print_error("%s, m = %d, edit %d: incremental\n%s\nrecount\n%s\n",
				    agree_unit_names[unit], m, i, before.s, after.s);
				fail();
			}
		}
	}
	agree_state_free(st);
	for (d = 0; d < NDOCS; d++)
		buf_done(&text[d]);
	buf_done(&before);
	buf_done(&after);
}

static void
test_incremental_equals_recount(void **state)
{
	int u;
	uint64_t seed;

	(void)state;
	for (u = 0; u < 6; u++)
		for (seed = 1; seed <= 4; seed++)
			random_edits((enum agree_unit)u, 2, seed * 7919 + (uint64_t)u);
	random_edits(AGREE_UNIT_PARAGRAPH, 3, 99);
	random_edits(AGREE_UNIT_CHAR, 5, 100);
	random_edits(AGREE_UNIT_KXK, 4, 101);
}

/*
 * agree_state_add_codings equals adding one at a time, in every mode, for
 * two and four coders: in two batches, the second into cells the first
 * filled (duplicates included), then after removals and a recount.
 */
static void
bulk_equals_single(enum agree_unit unit, int m, uint64_t seed)
{
	enum { NDOCS = 3, NCODES = 4, NC = 160 };
	static const char *const words[] = { "ab", "c", "دل", "x.", "Hi!", "  ",
	    "\n", "\n\n", "e\xcc\x81", "3.5", "y? ", "z", " " };
	struct buf text[NDOCS] = {{0}}, one = {0}, bulk = {0};
	struct agree_doc docs[NDOCS];
	uint32_t ncp[NDOCS];
	int32_t cat[NCODES] = { 0, 1, 1, -1 };
	struct agree_coding c[NC + 1];
	struct agree_config cfg = { .unit = unit, .ncoders = m, .theta = 0.8,
	    .base = AGREE_UNIT_SENTENCE };
	struct agree_state *st1, *st2;
	size_t n = 0, d, i;

	for (d = 0; d < NDOCS; d++) {
		for (i = 0; i < 50; i++)
			buf_puts(&text[d], words[next(&seed) % AX_ARRAY_LEN(words)]);
		docs[d] = doc(text[d].s);
		ncp[d] = (uint32_t)u8_mbsnlen((const uint8_t *)text[d].s, text[d].len);
	}
	while (n < NC) {
		uint32_t a, b;

		if (n > 0 && next(&seed) % 8 == 0) {	/* a duplicate */
			c[n] = c[next(&seed) % n];
			n++;
			continue;
		}
		c[n].doc = (uint32_t)(next(&seed) % NDOCS);
		c[n].code = (uint32_t)(next(&seed) % NCODES);
		c[n].coder = (uint32_t)(next(&seed) % (uint64_t)m);
		a = (uint32_t)(next(&seed) % ncp[c[n].doc]);
		b = (uint32_t)(next(&seed) % ncp[c[n].doc]);
		c[n].start = a < b ? a : b;
		c[n].end = (a < b ? b : a) + 1;
		if (c[n].end <= ncp[c[n].doc])
			n++;
	}
	c[NC] = c[0];
	c[NC].code = NCODES;	/* refused, as agree_state_add_coding refuses it */
	st1 = agree_state_new(&cfg, docs, NDOCS, NCODES, cat, 2);
	st2 = agree_state_new(&cfg, docs, NDOCS, NCODES, cat, 2);
	for (i = 0; i < NC; i++)
		assert_int_equal(agree_state_add_coding(st1, &c[i]), 0);
	assert_int_equal(agree_state_add_codings(st2, c, NC / 2), 0);
	assert_int_equal(agree_state_add_codings(st2, c + NC / 2, NC - NC / 2 + 1), 1);
	snapshot(st1, NDOCS, NCODES, m, &one);
	snapshot(st2, NDOCS, NCODES, m, &bulk);
	assert_string_equal(one.s, bulk.s);
	for (i = 0; i < NC; i += 3) {
		assert_int_equal(agree_state_remove_coding(st1, &c[i]), 0);
		assert_int_equal(agree_state_remove_coding(st2, &c[i]), 0);
	}
	snapshot(st1, NDOCS, NCODES, m, &one);
	agree_state_recount(st2);
	snapshot(st2, NDOCS, NCODES, m, &bulk);
	assert_string_equal(one.s, bulk.s);
	agree_state_free(st1);
	agree_state_free(st2);
	for (d = 0; d < NDOCS; d++)
		buf_done(&text[d]);
	buf_done(&one);
	buf_done(&bulk);
}

static void
test_bulk_equals_single(void **state)
{
	int u;

	(void)state;
	for (u = 0; u < 6; u++) {
		bulk_equals_single((enum agree_unit)u, 2, 31 + (uint64_t)u);
		bulk_equals_single((enum agree_unit)u, 4, 57 + (uint64_t)u);
	}
}

static void
test_pooling_order(void **state)
{
	/* Summed tables give the same kappa however the codes are numbered. */
	struct agree_doc d = doc("one\ntwo\nthree\nfour\nfive");
	struct agree_config cfg = { .unit = AGREE_UNIT_PARAGRAPH, .ncoders = 2 };
	static const uint32_t cod[][4] = {	/* code, coder, start, end */
		{ 0, 0, 0, 3 }, { 0, 1, 0, 7 }, { 1, 0, 8, 13 }, { 1, 1, 14, 18 },
		{ 2, 1, 19, 23 }, { 2, 0, 0, 23 },
	};
	static const uint32_t perm[2][3] = { { 0, 1, 2 }, { 2, 0, 1 } };
	struct agree_kappa k[2];
	int p;
	size_t i;

	(void)state;
	for (p = 0; p < 2; p++) {
		struct agree_state *st = agree_state_new(&cfg, &d, 1, 3, NULL, 0);
		struct agree_cells c;

		for (i = 0; i < AX_ARRAY_LEN(cod); i++)
			add(st, 0, perm[p][cod[i][0]], cod[i][1], cod[i][2], cod[i][3]);
		agree_state_total_table(st, &c, NULL);
		agree_kappa_2x2(c.a, c.b, c.c, c.d, &k[p]);
		agree_state_free(st);
	}
	assert_true(k[0].kappa.why == NULL && k[0].kappa.v == k[1].kappa.v);
	assert_true(k[0].ase.v == k[1].ase.v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_kappa_sas_table),
		cmocka_unit_test(test_no_variation),
		cmocka_unit_test(test_one_coder_no_codings),
		cmocka_unit_test(test_all_agree_all_disagree),
		cmocka_unit_test(test_no_units),
		cmocka_unit_test(test_nonstandard_kappa_cases),
		cmocka_unit_test(test_alpha_is_corrected_pi),
		cmocka_unit_test(test_fleiss_edges),
		cmocka_unit_test(test_randolph_q_below_2),
		cmocka_unit_test(test_alpha_extreme_values),
		cmocka_unit_test(test_holsti_bp),
		cmocka_unit_test(test_wilson),
		cmocka_unit_test(test_bootstrap_reproducible),
		cmocka_unit_test(test_rng),
		cmocka_unit_test(test_retest_tenths),
		cmocka_unit_test(test_retest_percent),
		cmocka_unit_test(test_data_parse),
		cmocka_unit_test(test_data_errors),
		cmocka_unit_test(test_mode_paragraph),
		cmocka_unit_test(test_mode_turns),
		cmocka_unit_test(test_text_any_sig),
		cmocka_unit_test(test_text_source_equals_bitmap),
		cmocka_unit_test(test_mode_sentence),
		cmocka_unit_test(test_mode_char),
		cmocka_unit_test(test_mode_document),
		cmocka_unit_test(test_mode_overlap),
		cmocka_unit_test(test_mode_kxk),
		cmocka_unit_test(test_three_coders),
		cmocka_unit_test(test_state_print),
		cmocka_unit_test(test_pooled_used_codes),
		cmocka_unit_test(test_incremental_equals_recount),
		cmocka_unit_test(test_bulk_equals_single),
		cmocka_unit_test(test_pooling_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
