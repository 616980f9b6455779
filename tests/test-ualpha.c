/*
 * test-ualpha.c: u-alpha and |u-alpha (agreement-ualpha.c) against a
 * brute-force computation written here from the definitions of
 * Krippendorff, Mathet, Bouvry and Widlöcher (2016; Krippendorff 2019,
 * sect. 12.6), position by position with the full coincidence matrices, on
 * random unitizations of 2 to 4 coders; their known limits; and the cases
 * where they are undefined. No published worked example of the 2016 family
 * was found to reproduce (docs/agreement.md §3.12).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "stats/agreement-ualpha.h"
#include "base/util.h"

/* Segments {coder, value, start, end} on blocks of the given lengths, end to end. */
static void
make_set(struct agree_useg_set *s, const int64_t *blen, int nb,
    const int64_t (*seg)[4], size_t n, int m)
{
	const char *err = NULL;
	int64_t at = 0;
	size_t i;
	int b;

	memset(s, 0, sizeof *s);
	for (b = 0; b < nb; b++) {
		agree_useg_block(s, at, blen[b]);
		at += blen[b];
	}
	for (i = 0; i < n; i++) {
		struct agree_useg g = { 0, (int32_t)seg[i][0], (int32_t)seg[i][1],
		    seg[i][2], seg[i][3], (long)i + 2 };

		/* the block that holds the segment */
		for (b = 0; b < nb; b++)
			if (seg[i][2] >= s->bbegin[b] &&
			    seg[i][3] <= s->bbegin[b] + s->blen[b])
				g.block = b;
		assert_int_equal(agree_useg_add(s, &g, &err), 0);
	}
	s->ncoders = m;
}

#define BV 8	/* values in brute(), the gap (phi) included */

/*
 * The definitions, literally: l[c][k] = 1/(m-1) sum over positions and
 * ordered pairs of different coders of [coder i has c there][coder j has
 * k there], phi = value nv; e[c][k] = l.. (n_c n_k - [c = k] S_c) /
 * (l..^2 - sum S), S_c = sum of squared unit lengths, S_phi = the gaps'
 * length; u-alpha = 1 - sum_{c != k} l / sum_{c != k} e, |u-alpha the same
 * of both matrices collapsed to phi / not phi. Returns whether defined.
 */
static int
brute(const int64_t (*seg)[4], size_t n, int m, int nv, int64_t len,
    double *ua, double *bin)
{
	double l[BV][BV] = {{0}}, e[BV][BV], nc[BV] = {0}, S[BV] = {0};
	double tot = 0, st = 0, d_o = 0, d_e = 0, b_o = 0, b_e = 0;
	int *val = xcalloc((size_t)(m * len), sizeof *val);
	int i, j, c, k;
	int64_t p;
	size_t g;

	for (p = 0; p < m * len; p++)
		val[p] = nv;
	for (g = 0; g < n; g++) {
		double w = (double)(seg[g][3] - seg[g][2]);

		for (p = seg[g][2]; p < seg[g][3]; p++)
			val[seg[g][0] * len + p] = (int)seg[g][1];
		S[seg[g][1]] += w * w;
	}
	for (p = 0; p < len; p++)
		for (i = 0; i < m; i++) {
			if (val[i * len + p] == nv)
				S[nv] += 1;
			for (j = 0; j < m; j++)
				if (i != j)
					l[val[i * len + p]][val[j * len + p]] +=
					    1.0 / (m - 1);
		}
	free(val);
	for (c = 0; c <= nv; c++) {
		for (k = 0; k <= nv; k++)
			nc[c] += l[c][k];
		tot += nc[c];
		st += S[c];
	}
	for (c = 0; c <= nv; c++)
		for (k = 0; k <= nv; k++)
			e[c][k] = tot * (nc[c] * nc[k] - (c == k ? S[c] : 0)) /
			    (tot * tot - st);
	for (c = 0; c <= nv; c++)
		for (k = 0; k <= nv; k++) {
			if (c == k)
				continue;
			d_o += l[c][k];
			d_e += e[c][k];
			if ((c == nv) != (k == nv)) {
				b_o += l[c][k];
				b_e += e[c][k];
			}
		}
	if (!(d_e > 0) || !(b_e > 0))
		return 0;
	*ua = 1 - d_o / d_e;
	*bin = 1 - b_o / b_e;
	return 1;
}

/* Random disjoint unitizations of 2 to 4 coders and 1 to 4 values. */
static void
test_against_definitions(void **state)
{
	struct agree_rng rng;
	int round, checked = 0;

	(void)state;
	agree_rng_seed(&rng, 20161207);
	for (round = 0; round < 300; round++) {
		int64_t seg[96][4], blen[3], len = 0;
		int m = 2 + (int)agree_rng_below(&rng, 3), i, b;
		int nv = 1 + (int)agree_rng_below(&rng, 4);
		int nb = 1 + (int)agree_rng_below(&rng, 3);
		size_t n = 0;
		struct agree_useg_set s;
		struct agree_ualpha u;
		double ua, bin;

		for (b = 0; b < nb; b++)
			len += blen[b] = 5 + (int64_t)agree_rng_below(&rng, 60);
		for (i = 0; i < m; i++) {
			int64_t at = 0;

			/* units that never cross a block's edge, some touching */
			for (b = 0; b < nb; b++) {
				int64_t p = at + (int64_t)agree_rng_below(&rng, 6);

				while (n < 96) {
					int64_t l = 1 + (int64_t)agree_rng_below(&rng, 15);

					if (p + l > at + blen[b])
						break;
					seg[n][0] = i;
					seg[n][1] = (int64_t)agree_rng_below(&rng, (uint64_t)nv);
					seg[n][2] = p, seg[n][3] = p + l;
					n++;
					p += l + (int64_t)agree_rng_below(&rng, 3) *
					    (int64_t)agree_rng_below(&rng, 8);
				}
				at += blen[b];
			}
		}
		make_set(&s, blen, nb, (const int64_t (*)[4])seg, n, m);
		agree_ualpha(&s, &u);
		if (brute((const int64_t (*)[4])seg, n, m, nv, len, &ua, &bin)) {
			assert_null(u.u.why);
			assert_null(u.binary.why);
			assert_true(fabs(u.u.v - ua) < 1e-9);
			assert_true(fabs(u.binary.v - bin) < 1e-9);
			checked++;
		}
		agree_useg_free(&s);
	}
	assert_true(checked > 250);
}

/* Identical unitizations give 1; identical cuts with other values give |u-alpha 1. */
static void
test_limits(void **state)
{
	static const int64_t same[][4] = {
		{ 0, 0, 2, 10 }, { 0, 1, 10, 14 }, { 0, 0, 20, 31 },
		{ 1, 0, 2, 10 }, { 1, 1, 10, 14 }, { 1, 0, 20, 31 },
		{ 2, 0, 2, 10 }, { 2, 1, 10, 14 }, { 2, 0, 20, 31 },
	};
	static const int64_t cuts[][4] = {
		{ 0, 0, 2, 10 }, { 0, 1, 10, 14 }, { 0, 0, 20, 31 },
		{ 1, 1, 2, 10 }, { 1, 0, 10, 14 }, { 1, 2, 20, 31 },
	};
	int64_t blen = 40;
	struct agree_useg_set s;
	struct agree_ualpha u;
	double ua, bin;

	(void)state;
	make_set(&s, &blen, 1, same, AX_ARRAY_LEN(same), 3);
	agree_ualpha(&s, &u);
	assert_null(u.u.why);
	assert_true(fabs(u.u.v - 1) < 1e-12);
	assert_true(fabs(u.binary.v - 1) < 1e-12);
	agree_useg_free(&s);

	make_set(&s, &blen, 1, cuts, AX_ARRAY_LEN(cuts), 2);
	agree_ualpha(&s, &u);
	assert_true(fabs(u.binary.v - 1) < 1e-12);
	assert_true(u.u.v < 0.5);
	assert_int_equal(brute(cuts, AX_ARRAY_LEN(cuts), 2, 3, 40, &ua, &bin), 1);
	assert_true(fabs(u.u.v - ua) < 1e-12);
	agree_useg_free(&s);
}

/* Undefined, each with its reason. */
static void
test_undefined(void **state)
{
	static const int64_t overlap[][4] = {
		{ 0, 0, 2, 10 }, { 0, 1, 8, 14 }, { 1, 0, 2, 10 },
	};
	static const int64_t one[][4] = { { 0, 0, 2, 10 } };
	static const int64_t whole[][4] = { { 0, 0, 0, 40 }, { 1, 0, 0, 40 } };
	int64_t blen = 40;
	struct agree_useg_set s;
	struct agree_ualpha u;

	(void)state;
	make_set(&s, &blen, 1, overlap, AX_ARRAY_LEN(overlap), 2);
	agree_ualpha(&s, &u);
	assert_string_equal(u.u.why,
	    "a coder's segments overlap (u-alpha needs one value per position)");
	assert_string_equal(u.binary.why, u.u.why);
	agree_useg_free(&s);

	make_set(&s, &blen, 1, one, 1, 1);
	agree_ualpha(&s, &u);
	assert_string_equal(u.u.why, "fewer than 2 coders");
	assert_string_equal(u.binary.why, "fewer than 2 coders");
	agree_useg_free(&s);

	/* nobody placed a unit */
	make_set(&s, &blen, 1, one, 0, 2);
	agree_ualpha(&s, &u);
	assert_string_equal(u.u.why, "no expected disagreement");
	assert_string_equal(u.binary.why, "no units");
	agree_useg_free(&s);

	/* one unit over everything, for both coders */
	make_set(&s, &blen, 1, whole, 2, 2);
	agree_ualpha(&s, &u);
	assert_string_equal(u.u.why, "no expected disagreement");
	assert_string_equal(u.binary.why,
	    "no gaps: every coder's units cover the continuum");
	agree_useg_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_against_definitions),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_undefined),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
