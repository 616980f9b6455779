/*
 * test-unitize.c: Krippendorff's alpha for unitizing (agreement-unitize.c)
 * against its published examples, against a brute-force computation of
 * the definitions written here on random segments, and on bad input.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "stats/agreement-unitize.h"
#include "base/util.h"

/* A set of one block [begin, begin + len) and segments {coder, value, start, end}. */
static void
make_set(struct agree_useg_set *s, int64_t begin, int64_t len,
    const int64_t (*seg)[4], size_t n)
{
	const char *err = NULL;
	long line = 0;
	size_t i;

	memset(s, 0, sizeof *s);
	agree_useg_block(s, begin, len);
	for (i = 0; i < n; i++) {
		struct agree_useg g = { 0, (int32_t)seg[i][0], (int32_t)seg[i][1],
		    seg[i][2], seg[i][3], (long)i + 2 };

		assert_int_equal(agree_useg_add(s, &g, &err), 0);
	}
	assert_int_equal(agree_useg_check(s, &line, &err), 0);
}

/* round(x, d digits) == want, as the publication prints it */
static void
assert_digits(double x, double want, int d)
{
	double p = pow(10, d);

	assert_true(fabs(round(x * p) - round(want * p)) < 0.5);
}

/*
 * Krippendorff (2004), Content Analysis, 2nd ed., sect. 12.4, p. 254: two
 * observers on a continuum from 150 to 450, values c and k (as DKPro
 * Statistics' unitizing test Krippendorff2004Test transcribes it, with the
 * published per-category figures). Coder 0 = observer i, 1 = observer j.
 */
static void
test_krippendorff_2004(void **state)
{
	static const int64_t seg[][4] = {
		{ 0, 0, 225, 295 }, { 0, 0, 370, 400 },
		{ 1, 0, 220, 300 }, { 1, 0, 355, 375 }, { 1, 0, 400, 420 },
		{ 0, 1, 180, 240 }, { 0, 1, 300, 350 },
		{ 1, 1, 180, 240 }, { 1, 1, 300, 350 },
	};
	struct agree_useg_set s;
	struct agree_unitize u;

	(void)state;
	make_set(&s, 150, 300, seg, sizeof seg / sizeof seg[0]);
	agree_unitize(&s, &u);
	assert_int_equal(u.length, 300);
	/* c: D_o = .0144, D_e = .0532, alpha = .7286 */
	assert_null(u.v[0].alpha.why);
	assert_digits(u.v[0].d_o.v, 0.0144, 4);
	assert_digits(u.v[0].d_e.v, 0.0532, 4);
	assert_digits(u.v[0].alpha.v, 0.7286, 4);
	/* D_o of c exactly: (50 + 850 + 400) twice over 2 * 1 * 300^2 */
	assert_true(fabs(u.v[0].d_o.v - 2600.0 / 180000.0) < 1e-15);
	/* k: D_o = 0, D_e = .0490, alpha = 1 */
	assert_digits(u.v[1].d_o.v, 0.0, 4);
	assert_digits(u.v[1].d_e.v, 0.0490, 4);
	assert_digits(u.v[1].alpha.v, 1.0, 4);
	/*
	 * Overall alpha_U = 1 - sum D_o / sum D_e: .859. The book's .8591 is
	 * 1 - .0144 / (.0532 + .0490), from the rounded D's; unrounded it is
	 * .85867, which rounds to the same three digits.
	 */
	assert_null(u.alpha.why);
	assert_digits(u.alpha.v, 0.859, 3);
	assert_digits(1 - 0.0144 / (0.0532 + 0.0490), 0.8591, 4);
	agree_unitize_free(&u);
	agree_useg_free(&s);
}

/*
 * Krippendorff (1995), Sociological Methodology 25:47-76, p. 57: four pairs
 * of observers (A to D) on a continuum of 24, one value each; the paper's
 * observed disagreements D_o (DKPro Statistics' Krippendorff1995Test). Its
 * D_e differ from the 2004 formula this code follows (the 1995 paper has a
 * slip in D_e, which the 2004 book corrects), so only D_o is pinned.
 */
static void
test_krippendorff_1995(void **state)
{
	static const int64_t seg[][4] = {
		{ 0, 0, 2, 10 }, { 0, 0, 14, 20 }, { 1, 0, 4, 8 }, { 1, 0, 15, 17 },
		{ 0, 1, 0, 18 }, { 1, 1, 0, 2 }, { 1, 1, 2, 3 }, { 1, 1, 3, 4 },
		{ 1, 1, 4, 5 }, { 1, 1, 5, 6 }, { 1, 1, 6, 9 }, { 1, 1, 9, 10 },
		{ 0, 2, 2, 8 }, { 0, 2, 10, 12 }, { 0, 2, 14, 18 }, { 0, 2, 20, 22 },
		{ 1, 2, 0, 2 }, { 1, 2, 4, 8 }, { 1, 2, 10, 14 }, { 1, 2, 16, 18 },
		{ 1, 2, 20, 22 },
		{ 0, 3, 0, 2 }, { 0, 3, 2, 10 }, { 0, 3, 10, 14 }, { 0, 3, 14, 20 },
		{ 0, 3, 20, 24 }, { 1, 3, 0, 4 }, { 1, 3, 4, 8 }, { 1, 3, 8, 15 },
		{ 1, 3, 15, 17 }, { 1, 3, 17, 24 },
	};
	static const double d_o[4] = { 0.03125, 2.26736, 0.02778, 0.38715 };
	struct agree_useg_set s;
	struct agree_unitize u;
	int c;

	(void)state;
	/* touching segments (Jill's in B) stay separate units */
	make_set(&s, 0, 24, seg, sizeof seg / sizeof seg[0]);
	assert_int_equal(s.nseg, sizeof seg / sizeof seg[0]);
	agree_unitize(&s, &u);
	for (c = 0; c < 4; c++)
		assert_digits(u.v[c].d_o.v, d_o[c], 5);
	agree_unitize_free(&u);
	agree_useg_free(&s);
}

/* ---- the definitions, written out the slow way ---- */

struct bsec {
	int64_t b, e;
	int unit, coder;
};

static double
bsq(double x)
{
	return x * x;
}

/*
 * D_o and D_e of value c from the formulas of Krippendorff (2004, p. 253),
 * looping over every pair of sections of every pair of coders and over
 * every gap for every unit, one block [0, len).
 */
static void
brute(const int64_t (*seg)[4], size_t n, int m, int c, int64_t len,
    double *d_o, double *d_e)
{
	struct bsec *sc = xcalloc(2 * n + (size_t)m + 1, sizeof *sc);
	size_t ns = 0, g, h;
	int i;
	double num = 0, top = 0, den, nu = 0, L = (double)len;

	for (i = 0; i < m; i++) {
		int64_t p = 0;

		for (;;) {
			/* the coder's next unit of c at or after p */
			size_t best = n;

			for (g = 0; g < n; g++)
				if (seg[g][0] == i && seg[g][1] == c && seg[g][2] >= p &&
				    (best == n || seg[g][2] < seg[best][2]))
					best = g;
			if (best == n)
				break;
			if (seg[best][2] > p)
				sc[ns++] = (struct bsec){ p, seg[best][2], 0, i };
			sc[ns++] = (struct bsec){ seg[best][2], seg[best][3], 1, i };
			p = seg[best][3];
			nu++;
		}
		if (p < len)
			sc[ns++] = (struct bsec){ p, len, 0, i };
	}
	for (g = 0; g < ns; g++)
		for (h = 0; h < ns; h++) {
			const struct bsec *x = &sc[g], *y = &sc[h];

			if (x->coder == y->coder)
				continue;
			if (x->unit && y->unit && x->b < y->e && y->b < x->e)
				num += bsq((double)(x->b - y->b)) + bsq((double)(x->e - y->e));
			else if (x->unit && !y->unit && y->b <= x->b && x->e <= y->e)
				num += bsq((double)(x->e - x->b));
			else if (!x->unit && y->unit && x->b <= y->b && y->e <= x->e)
				num += bsq((double)(y->e - y->b));
		}
	den = m * L * (m * L - 1);
	for (g = 0; g < ns; g++) {
		double l = (double)(sc[g].e - sc[g].b), s = 0;

		if (!sc[g].unit)
			continue;
		for (h = 0; h < ns; h++) {
			double lh = (double)(sc[h].e - sc[h].b);

			if (!sc[h].unit && lh >= l)
				s += lh - l + 1;
		}
		top += (nu - 1) / 3 * (2 * l * l * l - 3 * l * l + l) + l * l * s;
		den -= l * (l - 1);
	}
	*d_o = num / (m * (m - 1) * L * L);
	*d_e = 2 / L * top / den;
	free(sc);
}

/* Random segments of 2 to 4 coders and 3 values: the engine and brute agree. */
static void
test_against_definitions(void **state)
{
	struct agree_rng rng;
	int round;

	(void)state;
	agree_rng_seed(&rng, 20261207);
	for (round = 0; round < 200; round++) {
		int64_t seg[64][4], len = 20 + (int64_t)agree_rng_below(&rng, 200);
		int m = 2 + (int)agree_rng_below(&rng, 3), i, c;
		size_t n = 0;
		struct agree_useg_set s;
		struct agree_unitize u;
		double so = 0, se = 0;

		for (i = 0; i < m; i++)
			for (c = 0; c < 3; c++) {
				int64_t p = (int64_t)agree_rng_below(&rng, 10);

				/* disjoint segments of one coder and value, some touching */
				while (n < 64) {
					int64_t l = 1 + (int64_t)agree_rng_below(&rng, 25);

					if (p + l > len)
						break;
					seg[n][0] = i, seg[n][1] = c;
					seg[n][2] = p, seg[n][3] = p + l;
					n++;
					p += l + (int64_t)agree_rng_below(&rng, 30);
				}
			}
		make_set(&s, 0, len, (const int64_t (*)[4])seg, n);
		s.ncoders = m;
		s.nvalues = 3;
		agree_unitize(&s, &u);
		for (c = 0; c < 3; c++) {
			double d_o, d_e;

			brute((const int64_t (*)[4])seg, n, m, c, len, &d_o, &d_e);
			if (u.v[c].units == 0) {
				assert_non_null(u.v[c].alpha.why);
				continue;
			}
			assert_null(u.v[c].d_e.why);
			assert_true(fabs(u.v[c].d_o.v - d_o) < 1e-9);
			assert_true(fabs(u.v[c].d_e.v - d_e) < 1e-9);
			if (d_e > 0)
				assert_true(fabs(u.v[c].alpha.v - (1 - d_o / d_e)) < 1e-9);
			so += d_o;
			se += d_e;
		}
		if (se > 0)
			assert_true(fabs(u.alpha.v - (1 - so / se)) < 1e-9);
		agree_unitize_free(&u);
		agree_useg_free(&s);
	}
}

/* Two documents: sections stop at a document's edge, L is the sum. */
static void
test_blocks(void **state)
{
	struct agree_useg_set s = {0};
	struct agree_unitize u;
	const char *err;
	long line;
	/* the same 2004 value c in each of two blocks: D_o and D_e per block
	 * add up as for one continuum of 600 with a gap cut at 450 */
	static const int64_t c[][3] = {
		{ 0, 225, 295 }, { 0, 370, 400 },
		{ 1, 220, 300 }, { 1, 355, 375 }, { 1, 400, 420 },
	};
	size_t i;
	int b;

	(void)state;
	agree_useg_block(&s, 150, 300);
	agree_useg_block(&s, 450, 300);
	for (b = 0; b < 2; b++)
		for (i = 0; i < 5; i++) {
			struct agree_useg g = { b, (int32_t)c[i][0], 0,
			    c[i][1] + 300 * b, c[i][2] + 300 * b, 0 };

			assert_int_equal(agree_useg_add(&s, &g, &err), 0);
		}
	assert_int_equal(agree_useg_check(&s, &line, &err), 0);
	agree_unitize(&s, &u);
	assert_int_equal(u.length, 600);
	/* twice the pair sum over 2 * 1 * 600^2 */
	assert_true(fabs(u.v[0].d_o.v - 5200.0 / 720000.0) < 1e-15);
	agree_unitize_free(&u);
	agree_useg_free(&s);
}

/* End before start, empty, outside the continuum, overlap: refused. */
static void
test_bad_segments(void **state)
{
	struct agree_useg_set s = {0};
	struct agree_useg g = { 0, 0, 0, 10, 5, 2 };
	const char *err = NULL;
	long line = 0;

	(void)state;
	agree_useg_block(&s, 100, 50);
	g.start = 110, g.end = 105;
	assert_int_equal(agree_useg_add(&s, &g, &err), -1);
	assert_string_equal(err, "end before start");
	g.start = 110, g.end = 110;
	assert_int_equal(agree_useg_add(&s, &g, &err), -1);
	assert_string_equal(err, "empty segment (end equals start)");
	g.start = 99, g.end = 110;
	assert_int_equal(agree_useg_add(&s, &g, &err), -1);
	assert_string_equal(err, "segment outside the continuum");
	g.start = 140, g.end = 151;
	assert_int_equal(agree_useg_add(&s, &g, &err), -1);
	assert_string_equal(err, "segment outside the continuum");
	assert_int_equal(s.nseg, 0);
	/* the continuum's last position is begin + L - 1 */
	g.start = 140, g.end = 150;
	assert_int_equal(agree_useg_add(&s, &g, &err), 0);
	g.start = 120, g.end = 141, g.line = 7;
	assert_int_equal(agree_useg_add(&s, &g, &err), 0);
	/* another value or coder may overlap it */
	g.value = 1;
	assert_int_equal(agree_useg_add(&s, &g, &err), 0);
	assert_int_equal(agree_useg_check(&s, &line, &err), -1);
	assert_int_equal(line, 7);
	assert_string_equal(err,
	    "overlaps another segment of the same coder and value");
	/* merged instead (the project's codings): one unit [120, 150) */
	agree_useg_merge(&s);
	assert_int_equal(s.nseg, 2);
	assert_int_equal(s.seg[0].start, 120);
	assert_int_equal(s.seg[0].end, 150);
	agree_useg_free(&s);
}

/* One coder: undefined with the reason; a value nobody used likewise. */
static void
test_undefined(void **state)
{
	static const int64_t one[][4] = { { 0, 0, 0, 5 } };
	static const int64_t two[][4] = { { 0, 0, 0, 5 }, { 1, 0, 2, 6 } };
	struct agree_useg_set s;
	struct agree_unitize u;

	(void)state;
	make_set(&s, 0, 10, one, 1);
	agree_unitize(&s, &u);
	assert_string_equal(u.alpha.why, "fewer than 2 coders");
	assert_string_equal(u.v[0].alpha.why, "fewer than 2 coders");
	agree_unitize_free(&u);
	agree_useg_free(&s);

	make_set(&s, 0, 10, two, 2);
	s.nvalues = 2;		/* value 1 is in the codebook, nobody used it */
	agree_unitize(&s, &u);
	assert_string_equal(u.v[1].alpha.why, "code not used");
	assert_int_equal(u.v[1].units, 0);
	assert_null(u.v[0].alpha.why);
	/* the overall figure is value 0's alone */
	assert_true(fabs(u.alpha.v - u.v[0].alpha.v) < 1e-15);
	agree_unitize_free(&u);
	agree_useg_free(&s);
}

/*
 * A state's codings: documents end to end in code points, overlapping
 * codings of a coder joined; one code alone gives that code's figures.
 */
static void
test_state(void **state)
{
	static const char *const text[2] = { "abcdefghij", "\xd8\xa7\xd8\xa8" "cdef" };
	struct agree_doc docs[2] = { { text[0], 10, NULL, 0 }, { text[1], 8, NULL, 0 } };
	struct agree_config cfg = { AGREE_UNIT_DOCUMENT, 3, false, 0, false,
	    AGREE_UNIT_PARAGRAPH };
	/* doc, code, coder, start, end */
	static const uint32_t cod[][5] = {
		{ 0, 0, 0, 0, 4 }, { 0, 0, 0, 2, 6 }, { 0, 0, 1, 1, 6 },
		{ 0, 0, 2, 0, 5 }, { 1, 0, 0, 0, 2 }, { 1, 0, 1, 0, 3 },
		{ 1, 1, 0, 3, 6 }, { 1, 1, 2, 4, 6 },
	};
	/* the same, by hand: document 1 starts at 10; A's [0,4) and [2,6) join */
	static const int64_t seg[][4] = {
		{ 0, 0, 0, 6 }, { 1, 0, 1, 6 }, { 2, 0, 0, 5 }, { 0, 0, 10, 12 },
		{ 1, 0, 10, 13 }, { 0, 1, 13, 16 }, { 2, 1, 14, 16 },
	};
	struct agree_state *st;
	struct agree_useg_set s, h, one;
	struct agree_unitize u, uh, uo;
	size_t i;
	int c;

	(void)state;
	st = agree_state_new(&cfg, docs, 2, 3, NULL, 0);
	for (i = 0; i < sizeof cod / sizeof cod[0]; i++) {
		struct agree_coding g = { cod[i][0], cod[i][1], cod[i][2], cod[i][3],
		    cod[i][4] };

		assert_int_equal(agree_state_add_coding(st, &g), 0);
	}
	agree_state_usegs(st, -1, &s);
	assert_int_equal(s.nblocks, 2);
	assert_int_equal(s.blen[1], 6);		/* code points, not bytes (8) */
	assert_int_equal(s.nseg, 7);
	agree_unitize(&s, &u);
	assert_int_equal(u.length, 16);
	assert_int_equal(u.ncoders, 3);
	/* by hand, blocks cut as in the state */
	memset(&h, 0, sizeof h);
	agree_useg_block(&h, 0, 10);
	agree_useg_block(&h, 10, 6);
	for (i = 0; i < sizeof seg / sizeof seg[0]; i++) {
		struct agree_useg g = { seg[i][2] >= 10, (int32_t)seg[i][0],
		    (int32_t)seg[i][1], seg[i][2], seg[i][3], 0 };
		const char *err;

		assert_int_equal(agree_useg_add(&h, &g, &err), 0);
	}
	h.nvalues = 3;
	agree_useg_merge(&h);
	agree_unitize(&h, &uh);
	for (c = 0; c < 2; c++) {
		assert_true(fabs(u.v[c].d_o.v - uh.v[c].d_o.v) < 1e-15);
		assert_true(fabs(u.v[c].d_e.v - uh.v[c].d_e.v) < 1e-15);
		/* one code at a time, as a live view recomputes it */
		agree_state_usegs(st, c, &one);
		agree_unitize(&one, &uo);
		assert_int_equal(uo.nvalues, 1);
		assert_true(fabs(uo.v[0].d_o.v - u.v[c].d_o.v) < 1e-15);
		assert_true(fabs(uo.v[0].d_e.v - u.v[c].d_e.v) < 1e-15);
		agree_unitize_free(&uo);
		agree_useg_free(&one);
	}
	/* code 2: in the codebook, nobody used it */
	assert_string_equal(u.v[2].alpha.why, "code not used");
	assert_true(fabs(u.alpha.v - uh.alpha.v) < 1e-15);
	agree_unitize_free(&u);
	agree_unitize_free(&uh);
	agree_useg_free(&s);
	agree_useg_free(&h);
	agree_state_free(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_krippendorff_2004),
		cmocka_unit_test(test_krippendorff_1995),
		cmocka_unit_test(test_against_definitions),
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_bad_segments),
		cmocka_unit_test(test_undefined),
		cmocka_unit_test(test_state),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
