/*
 * test-agreement.c: the agreement engine against agreement.md.
 *
 * - every published vector, read from the fixtures that
 *   scripts/agreement-vectors.py derives from agreement-vectors.json
 *   (NAME.csv through the same reader and report as `axial agree --data`,
 *   NAME.expect the published figures), so a new vector needs no code;
 * - the edge cases of agreement.md section 5 and of the issue;
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

#include "axial/agreement.h"
#include "axial/util.h"

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
		it = agree_report_get(&r, key);
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
	agree_report_free(&r);
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
	/* agreement.md 3.3: the zero column stays in the table. */
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
	/* Units [A,B] and [B,A]: alpha = -0.5 (agreement.md 5). */
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
	/* agreement.md 7: the tables whose Cohen's kappa axial must print. */
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
		cmocka_unit_test(test_holsti_bp),
		cmocka_unit_test(test_wilson),
		cmocka_unit_test(test_bootstrap_reproducible),
		cmocka_unit_test(test_rng),
		cmocka_unit_test(test_data_parse),
		cmocka_unit_test(test_data_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
