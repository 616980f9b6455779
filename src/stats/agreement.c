/*
 * agreement.c: agreement coefficients computed from counts, as specified in
 * docs/agreement.md §3. Counts are 64-bit integers; every undefined
 * case is decided from the integer counts (with 128-bit products where N^2
 * can pass 2^63) and only then are doubles computed.
 *
 * Two coders, k x k table n_ij (rows A, columns B), N = sum n_ij,
 * p_ij = n_ij / N, row margins r_i, column margins c_j:
 *   P_o = sum_i p_ii                 Wilson 95%: (P + z^2/2N +- z sqrt(P(1-P)/N
 *                                      + z^2/4N^2)) / (1 + z^2/N), z = 1.959964
 *   positive agreement (2x2) = 2a / (2a + b + c); negative = 2d / (2d + b + c)
 *   Cohen: P_e = sum_i p_i+ p_+i, kappa = (P_o - P_e) / (1 - P_e)
 *   ASE (Fleiss, Cohen & Everitt 1969):
 *     Var = [sum_i p_ii (1 - (p_i+ + p_+i)(1 - kappa))^2
 *            + (1 - kappa)^2 sum_{i != j} p_ij (p_+i + p_j+)^2
 *            - (kappa - P_e (1 - kappa))^2] / [N (1 - P_e)^2],
 *     SE = sqrt(max(Var, 0)); CI = kappa +- z SE clipped to [-1, 1];
 *     null: Var0 = [P_e + P_e^2 - sum_i p_i+ p_+i (p_i+ + p_+i)] / [N (1 - P_e)^2],
 *     z = kappa / sqrt(Var0)
 *   Scott: pi_i = (p_i+ + p_+i) / 2, P_e = sum pi_i^2, pi = (P_o - P_e) / (1 - P_e)
 *   Brennan-Prediger: (P_o - 1/q) / (1 - 1/q), SE = sqrt(P_o(1 - P_o)/N) / (1 - 1/q)
 *   Holsti: CR = 2M / (N1 + N2), approximate Wilson interval on 2M of N1 + N2
 * Fleiss (m coders on every unit, n_ij coders put unit i in category j):
 *   p_j = sum_i n_ij / (N m), P_i = (sum_j n_ij^2 - m) / (m (m - 1)),
 *   Pbar = mean P_i, P_e = sum p_j^2, kappa = (Pbar - P_e) / (1 - P_e),
 *   SE0 = sqrt 2 / (sum p_j q_j sqrt(N m (m-1))) sqrt((sum p_j q_j)^2
 *         - sum p_j q_j (q_j - p_j)), z = kappa / SE0,
 *   kappa_j = 1 - sum_i n_ij (m - n_ij) / (N m (m - 1) p_j q_j),
 *   Randolph's free-marginal kappa = (Pbar - 1/q) / (1 - 1/q)
 * Krippendorff's alpha (2011): units with m_u >= 2 values are pairable;
 *   o_ck = sum_u (ordered pairs (c,k) in u) / (m_u - 1), n_c = sum_k o_ck
 *   (summed unit by unit below, never stored as a k x k matrix),
 *   D_o = sum o_ck d2(c,k) / n, D_e = sum n_c n_k d2(c,k) / (n (n - 1)),
 *   alpha = 1 - D_o / D_e; d2 nominal [c != k], ordinal
 *   (sum_{g=c..k} n_g - (n_c + n_k)/2)^2, interval (c - k)^2, ratio
 *   ((c - k)/(c + k))^2 (0 when c + k = 0). Bootstrap: resample the pairable
 *   units with replacement (xoshiro256** seeded by splitmix64, unbiased
 *   bounded draws), recompute everything including n_c and D_e, drop
 *   replicates with alpha undefined, percentile interval v(ceil(.025 B')),
 *   v(ceil(.975 B')).
 *
 * Undefined (docs/agreement.md §6.1), each with its reason:
 *   N = 0 -> every figure "no units";
 *   sum r_i c_i = N^2 -> kappa, its SE, CI and z "no variation";
 *   sum (r_i + c_i)^2 = 4 N^2 -> pi "no variation";
 *   2a + b + c = 0 -> positive agreement "code not used";
 *   q < 2 -> BP "q < 2";
 *   Fleiss: m_u not constant -> "unequal coders per unit: use α";
 *           sum_j (sum_i n_ij)^2 = (N m)^2 -> kappa "no variation";
 *   alpha: n < 2 -> "too few pairable values"; one distinct value -> "no
 *          variation"; an ordered level on labels -> "values are not numbers";
 *          ordinal or ratio with more than AGREE_ALPHA_MAX_VALUES distinct
 *          values -> "too many distinct values" (D_e pairs categories).
 * Test-retest (docs/agreement.md §7.3): tenths = floor((4000 A + T) / (2 T)),
 * T = 0 undefined.
 * Perfect agreement with variation gives kappa 1 with SE exactly 0.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/agreement.h"
#include "base/i18n.h"
#include "base/util.h"

/* Exact sums of squared counts; __int128 is a GCC and Clang extension,
 * which __extension__ declares as intended under -Wpedantic. */
__extension__ typedef unsigned __int128 u128;

static const char R_NO_UNITS[] = N_("no units");
static const char R_NO_VAR[] = N_("no variation");

const char *const agree_level_names[4] = {
	"nominal", "ordinal", "interval", "ratio"
};

int
agree_level_parse(const char *s)
{
	return str_index(agree_level_names, AX_ARRAY_LEN(agree_level_names), s);
}

static double
clip1(double v)
{
	return v < -1 ? -1 : v > 1 ? 1 : v;
}

void
agree_wilson(int64_t x, int64_t n, struct agree_fig *lo, struct agree_fig *hi)
{
	double p, z = AGREE_Z95, z2 = z * z, nn, mid, half, den;

	if (n <= 0) {
		*lo = *hi = agree_fig_why(R_NO_UNITS);
		return;
	}
	nn = (double)n;
	p = (double)x / nn;
	mid = p + z2 / (2 * nn);
	half = z * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
	den = 1 + z2 / nn;
	*lo = agree_fig_v((mid - half) / den);
	*hi = agree_fig_v((mid + half) / den);
}

static void
all_undef(struct agree_kappa *o, const char *why)
{
	o->po = o->po_lo = o->po_hi = o->pos = o->neg = agree_fig_why(why);
	o->pe = o->kappa = o->ase = o->ci_lo = o->ci_hi = agree_fig_why(why);
	o->ase0 = o->z = o->pi = o->bp = o->bp_se = agree_fig_why(why);
}

/* BP and its SE (se may be NULL) from P_o; q < 2 is undefined. */
static void
bp_figures(double po, int64_t n, int q, struct agree_fig *bp, struct agree_fig *se)
{
	double f;

	if (q < 2) {
		*bp = agree_fig_why(N_("q < 2"));
		if (se != NULL)
			*se = *bp;
		return;
	}
	f = 1 - 1.0 / q;
	*bp = agree_fig_v((po - 1.0 / q) / f);
	if (se != NULL)
		*se = agree_fig_v(sqrt(po * (1 - po) / (double)n) / f);
}

void
agree_kappa_table(const int64_t *cells, int k, int q, struct agree_kappa *o)
{
	int64_t *r = xcalloc((size_t)k * 2 + 1, sizeof *r), *c = r + k;
	int64_t n = 0, diag = 0;
	u128 rc = 0, sq = 0, nn;
	double N, po, pe, kap, t1 = 0, t2 = 0, t3, var, var0, s0 = 0, pie = 0;
	bool offdiag = false;
	int i, j, ra = 0, cb = 0;

	memset(o, 0, sizeof *o);
	o->k = k;
	o->q = q < 1 ? k : q;
	for (i = 0; i < k; i++)
		for (j = 0; j < k; j++) {
			int64_t v = cells[i * k + j];

			r[i] += v;
			c[j] += v;
			n += v;
			if (i == j)
				diag += v;
			else if (v != 0)
				offdiag = true;
		}
	o->n = n;
	if (n == 0) {
		all_undef(o, R_NO_UNITS);
		goto out;
	}
	o->pos = o->neg = agree_fig_why(N_("not a presence table"));
	N = (double)n;
	po = (double)diag / N;
	o->po = agree_fig_v(po);
	agree_wilson(diag, n, &o->po_lo, &o->po_hi);
	bp_figures(po, n, o->q, &o->bp, &o->bp_se);
	for (i = 0; i < k; i++) {
		rc += (u128)r[i] * (u128)c[i];
		sq += (u128)(r[i] + c[i]) * (u128)(r[i] + c[i]);
		ra += r[i] != 0;
		cb += c[i] != 0;
	}
	nn = (u128)n * (u128)n;
	if (ra == 1 && cb > 1)
		o->note = N_("coder A used one category only");
	else if (cb == 1 && ra > 1)
		o->note = N_("coder B used one category only");

	/* Scott's pi */
	if (sq == 4 * nn) {
		o->pi = agree_fig_why(R_NO_VAR);
	} else {
		for (i = 0; i < k; i++) {
			double m = (double)(r[i] + c[i]) / (2 * N);

			pie += m * m;
		}
		o->pi = agree_fig_v((po - pie) / (1 - pie));
	}

	/* Cohen's kappa */
	if (rc == nn) {
		o->pe = agree_fig_v(1);
		o->kappa = o->ase = o->ci_lo = o->ci_hi = o->ase0 = o->z = agree_fig_why(R_NO_VAR);
		goto out;
	}
	pe = 0;
	for (i = 0; i < k; i++)
		pe += ((double)r[i] / N) * ((double)c[i] / N);
	kap = (po - pe) / (1 - pe);
	o->pe = agree_fig_v(pe);
	o->kappa = agree_fig_v(kap);
	for (i = 0; i < k; i++) {
		double pi = (double)r[i] / N, pj = (double)c[i] / N;
		double u = 1 - (pi + pj) * (1 - kap);

		t1 += (double)cells[i * k + i] / N * u * u;
		s0 += pi * pj * (pi + pj);
		for (j = 0; j < k; j++) {
			double w;

			if (i == j || cells[i * k + j] == 0)
				continue;
			w = (double)c[i] / N + (double)r[j] / N;
			t2 += (double)cells[i * k + j] / N * w * w;
		}
	}
	t3 = kap - pe * (1 - kap);
	var = (t1 + (1 - kap) * (1 - kap) * t2 - t3 * t3) / (N * (1 - pe) * (1 - pe));
	/* Perfect agreement: the variance is 0 in exact arithmetic. */
	o->ase = agree_fig_v(offdiag ? sqrt(var > 0 ? var : 0) : 0);
	o->ci_lo = agree_fig_v(clip1(kap - AGREE_Z95 * o->ase.v));
	o->ci_hi = agree_fig_v(clip1(kap + AGREE_Z95 * o->ase.v));
	var0 = (pe + pe * pe - s0) / (N * (1 - pe) * (1 - pe));
	if (var0 > 0) {
		o->ase0 = agree_fig_v(sqrt(var0));
		o->z = agree_fig_v(kap / o->ase0.v);
	} else {
		o->ase0 = o->z = agree_fig_why(N_("zero null variance"));
	}
out:
	free(r);
}

void
agree_kappa_2x2(int64_t a, int64_t b, int64_t c, int64_t d, struct agree_kappa *o)
{
	int64_t cells[4] = { a, b, c, d };
	int64_t n = a + b + c + d;

	agree_kappa_table(cells, 2, 2, o);
	if (n == 0)
		return;
	o->bp = o->bp_se = agree_fig_why(N_("2 x 2 table"));
	o->pos = 2 * a + b + c == 0 ? agree_fig_why(N_("code not used")) :
	    agree_fig_v(2.0 * (double)a / (double)(2 * a + b + c));
	o->neg = 2 * d + b + c == 0 ? agree_fig_why(N_("code applied to every unit")) :
	    agree_fig_v(2.0 * (double)d / (double)(2 * d + b + c));
	o->note = NULL;
	if (a + b == 0 && a + c > 0)
		o->note = N_("A never applied this code");
	else if (a + c == 0 && a + b > 0)
		o->note = N_("B never applied this code");
	else if (a + b == n && a + c < n)
		o->note = N_("A applied this code to every unit");
	else if (a + c == n && a + b < n)
		o->note = N_("B applied this code to every unit");
}

void
agree_holsti(int64_t m, int64_t n1, int64_t n2, struct agree_holsti *o)
{
	o->m = m;
	o->n1 = n1;
	o->n2 = n2;
	if (n1 + n2 == 0) {
		o->cr = o->lo = o->hi = agree_fig_why(R_NO_UNITS);
		return;
	}
	o->cr = agree_fig_v(2.0 * (double)m / (double)(n1 + n2));
	agree_wilson(2 * m, n1 + n2, &o->lo, &o->hi);
}

/*
 * Fleiss on nrows rows of counts, row i standing for w[i] alike units (w
 * NULL: one each), so a presence histogram needs no row per unit.
 */
static void
fleiss(const int64_t *counts, const int64_t *w, int64_t nrows, int k, int q,
    struct agree_fleiss *o, double *p_j, struct agree_fig *kappa_j)
{
	int64_t *col = xcalloc((size_t)k + 1, sizeof *col);
	int64_t i, m = -1, tot, nunits = 0;
	u128 sumsq = 0, colsq = 0;
	double N, M, pbar, pe = 0, spq = 0, spqqp = 0, kap;
	const char *why = NULL;
	int j;

	memset(o, 0, sizeof *o);
	o->k = k;
	o->q = q < 1 ? k : q;
	for (i = 0; i < nrows; i++) {
		int64_t mi = 0, wi = w != NULL ? w[i] : 1;

		if (wi == 0)
			continue;
		nunits += wi;
		for (j = 0; j < k; j++) {
			int64_t v = counts[i * k + j];

			mi += v;
			col[j] += wi * v;
			sumsq += (u128)wi * (u128)(v * v);
		}
		if (m < 0)
			m = mi;
		else if (mi != m && why == NULL)
			why = N_("unequal coders per unit: use α");
	}
	o->n = nunits;
	if (nunits == 0)
		why = R_NO_UNITS;
	else if (why == NULL && m < 2)
		why = N_("fewer than 2 coders per unit");
	if (why != NULL) {
		o->pbar = o->pe = o->kappa = o->se0 = o->z = o->randolph = agree_fig_why(why);
		for (j = 0; j < k; j++) {
			if (p_j != NULL)
				p_j[j] = 0;
			if (kappa_j != NULL)
				kappa_j[j] = agree_fig_why(why);
		}
		goto out;
	}
	o->m = (int)m;
	N = (double)nunits;
	M = (double)m;
	tot = nunits * m;
	/* sum_i P_i = (sum n_ij^2 - N m) / (m (m - 1)) */
	pbar = ((double)(sumsq - (u128)tot)) / (M * (M - 1)) / N;
	o->pbar = agree_fig_v(pbar);
	for (j = 0; j < k; j++) {
		double p = (double)col[j] / (double)tot;

		if (p_j != NULL)
			p_j[j] = p;
		pe += p * p;
		spq += p * (1 - p);
		spqqp += p * (1 - p) * ((1 - p) - p);
		colsq += (u128)col[j] * (u128)col[j];
	}
	o->pe = agree_fig_v(pe);
	bp_figures(pbar, nunits, o->q, &o->randolph, NULL);
	if (colsq == (u128)tot * (u128)tot) {
		o->kappa = o->se0 = o->z = agree_fig_why(R_NO_VAR);
	} else {
		kap = (pbar - pe) / (1 - pe);
		o->kappa = agree_fig_v(kap);
		o->se0 = agree_fig_v(sqrt(2.0) / (spq * sqrt(N * M * (M - 1))) *
		    sqrt(spq * spq - spqqp));
		o->z = o->se0.v > 0 ? agree_fig_v(kap / o->se0.v) : agree_fig_why(N_("zero null variance"));
	}
	if (kappa_j == NULL)
		goto out;
	for (j = 0; j < k; j++) {
		double p = (double)col[j] / (double)tot, s = 0;

		if (col[j] == 0) {
			kappa_j[j] = agree_fig_why(N_("category not used"));
			continue;
		}
		if (col[j] == tot) {
			kappa_j[j] = agree_fig_why(R_NO_VAR);
			continue;
		}
		for (i = 0; i < nrows; i++) {
			int64_t v = counts[i * k + j];

			s += (double)((w != NULL ? w[i] : 1) * v * (m - v));
		}
		kappa_j[j] = agree_fig_v(1 - s / (N * M * (M - 1) * p * (1 - p)));
	}
out:
	free(col);
}

void
agree_fleiss(const int64_t *counts, int64_t nunits, int k, int q,
    struct agree_fleiss *o, double *p_j, struct agree_fig *kappa_j)
{
	fleiss(counts, NULL, nunits, k, q, o, p_j, kappa_j);
}

void
agree_hist_fleiss(const int64_t *hist, int m, struct agree_fleiss *out)
{
	int64_t *rows = xcalloc(2 * ((size_t)m + 1), sizeof *rows);
	int c;

	for (c = 0; c <= m; c++) {
		rows[2 * c] = c;
		rows[2 * c + 1] = m - c;
	}
	fleiss(rows, hist, (int64_t)m + 1, 2, 2, out, NULL, NULL);
	free(rows);
}

void
agree_hist_alpha(const int64_t *hist, int m, struct agree_alpha *out)
{
	int64_t units = 0, n, n1 = 0, c;
	double dis = 0;

	memset(out, 0, sizeof *out);
	out->lo = out->hi = agree_fig_why(N_("no bootstrap"));
	for (c = 0; c <= m; c++) {
		units += hist[c];
		n1 += c * hist[c];
		/* c(m - c) applied/not-applied pairs each way, weighted 1/(m - 1) */
		dis += 2.0 * (double)(c * (m - c)) / (double)(m - 1) * (double)hist[c];
	}
	n = units * m;
	out->units = units;
	out->n = n;
	if (units == 0 || m < 2) {
		out->alpha = out->d_o = out->d_e = out->pairwise =
		    agree_fig_why(units == 0 ? R_NO_UNITS : N_("too few pairable values"));
		return;
	}
	out->d_o = agree_fig_v(dis / (double)n);
	out->d_e = agree_fig_v(2.0 * (double)n1 * (double)(n - n1) / ((double)n * (double)(n - 1)));
	out->pairwise = agree_fig_v(1 - out->d_o.v);
	if (n1 == 0 || n1 == n)
		out->alpha = agree_fig_why(R_NO_VAR);
	else
		out->alpha = agree_fig_v(1 - out->d_o.v / out->d_e.v);
}

int64_t
agree_retest_tenths(int64_t a, int64_t t)
{
	if (t <= 0)
		return -1;
	/* 2A/T x 100 in tenths, rounded half up, in integers
	 * (docs/agreement.md §7.3). */
	return (4000 * a + t) / (2 * t);
}

/* ---- the generator ---- */

static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z = (*x += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

void
agree_rng_seed(struct agree_rng *r, uint64_t seed)
{
	int i;

	for (i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t
agree_rng_next(struct agree_rng *r)
{
	uint64_t *s = r->s, res = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return res;
}

uint64_t
agree_rng_below(struct agree_rng *r, uint64_t n)
{
	/* Reject the lowest 2^64 mod n values so every residue is equally likely. */
	uint64_t min = (0 - n) % n, x;

	do
		x = agree_rng_next(r);
	while (x < min);
	return x % n;
}

/* ---- Krippendorff's alpha ---- */

/*
 * The pairable units in compact form: unit u's values are vals[off[u] ..
 * off[u + 1]), as indices into the used categories (ku of them, ascending
 * like the originals; orig[] maps back).
 */
struct pairable {
	int64_t units, n;
	int64_t *off;
	int32_t *vals;
	int ku;
	int32_t *orig;
};

static void
pairable_build(const int32_t *val, int64_t nunits, int ncoders, int k,
    struct pairable *p)
{
	int32_t *map = xmalloc(((size_t)k + 1) * sizeof *map);
	int64_t u;
	int c, j;

	memset(p, 0, sizeof *p);
	p->off = xmalloc(((size_t)nunits + 1) * sizeof *p->off);
	p->vals = xmalloc(((size_t)nunits * (size_t)ncoders + 1) * sizeof *p->vals);
	for (j = 0; j < k; j++)
		map[j] = -1;
	p->off[0] = 0;
	for (u = 0; u < nunits; u++) {
		const int32_t *row = val + u * ncoders;
		int mu = 0;

		for (c = 0; c < ncoders; c++)
			mu += row[c] >= 0;
		if (mu < 2)
			continue;
		for (c = 0; c < ncoders; c++)
			if (row[c] >= 0) {
				p->vals[p->n++] = row[c];
				map[row[c]] = 0;
			}
		p->off[++p->units] = p->n;
	}
	/* Number the used categories in ascending order. */
	p->orig = xmalloc(((size_t)k + 1) * sizeof *p->orig);
	for (j = 0; j < k; j++)
		if (map[j] == 0) {
			map[j] = p->ku;
			p->orig[p->ku++] = j;
		}
	for (u = 0; u < p->n; u++)
		p->vals[u] = map[p->vals[u]];
	free(map);
}

static void
pairable_free(struct pairable *p)
{
	free(p->off);
	free(p->vals);
	free(p->orig);
}

/*
 * delta^2 between used categories c and k; nc are the value counts and
 * cum[i] = sum of nc[g] for g < i (ordinal needs them).
 */
static double
delta2(int c, int k, enum agree_level level, const double *num,
    const int64_t *nc, const int64_t *cum)
{
	double d;
	int lo = c < k ? c : k, hi = c < k ? k : c;

	if (c == k)
		return 0;
	switch (level) {
	case AGREE_NOMINAL:
		return 1;
	case AGREE_ORDINAL:
		d = (double)(cum[hi + 1] - cum[lo]) - ((double)nc[c] + (double)nc[k]) / 2;
		return d * d;
	case AGREE_INTERVAL:
		d = num[c] - num[k];
		return d * d;
	case AGREE_RATIO:
		if (num[c] + num[k] == 0)
			return 0;
		d = (num[c] - num[k]) / (num[c] + num[k]);
		return d * d;
	}
	return 0;
}

/* Unit u's sum of delta^2 over its ordered value pairs, / (m_u - 1). */
static double
unit_do(const struct pairable *p, int64_t u, enum agree_level level,
    const double *num, const int64_t *nc, const int64_t *cum)
{
	int64_t s = p->off[u], e = p->off[u + 1], i, j;
	double sum = 0;

	for (i = s; i < e; i++)
		for (j = i + 1; j < e; j++)
			sum += 2 * delta2(p->vals[i], p->vals[j], level, num, nc, cum);
	return sum / (double)(e - s - 1);
}

/*
 * The coincidences of Krippendorff (2011) without the k x k matrix: D_o is
 * summed unit by unit, D_e from the value counts (closed forms for nominal
 * and interval, pairs of used categories otherwise). pick lists the units
 * (a bootstrap sample) or is NULL for every pairable unit once; udo holds
 * each unit's D_o term when it does not depend on the counts (not ordinal).
 * Returns the number of distinct values; *n the number of values.
 */
static int
alpha_d(const struct pairable *p, const int64_t *pick, const double *udo,
    enum agree_level level, const double *num, int64_t *nc, int64_t *cum,
    int64_t *n, double *dobs, double *dexp)
{
	int64_t i, v, units = p->units, vals = 0;
	double so = 0, se = 0;
	int c, k, distinct = 0;

	memset(nc, 0, (size_t)p->ku * sizeof *nc);
	for (i = 0; i < units; i++) {
		int64_t u = pick != NULL ? pick[i] : i;

		for (v = p->off[u]; v < p->off[u + 1]; v++)
			nc[p->vals[v]]++;
		vals += p->off[u + 1] - p->off[u];
	}
	cum[0] = 0;
	for (c = 0; c < p->ku; c++) {
		cum[c + 1] = cum[c] + nc[c];
		distinct += nc[c] > 0;
	}
	*n = vals;
	for (i = 0; i < units; i++) {
		int64_t u = pick != NULL ? pick[i] : i;

		so += udo != NULL ? udo[u] : unit_do(p, u, level, num, nc, cum);
	}
	if (level == AGREE_NOMINAL) {
		u128 sq = 0;

		for (c = 0; c < p->ku; c++)
			sq += (u128)nc[c] * (u128)nc[c];
		se = (double)((u128)vals * (u128)vals - sq);
	} else if (level == AGREE_INTERVAL) {
		/* sum_ck n_c n_k (c - k)^2 = 2 n sum_c n_c (c - mean)^2, stably */
		double mean = 0;

		for (c = 0; c < p->ku; c++)
			mean += (double)nc[c] * num[c];
		mean /= (double)vals;
		for (c = 0; c < p->ku; c++)
			se += (double)nc[c] * (num[c] - mean) * (num[c] - mean);
		se *= 2 * (double)vals;
	} else {
		for (c = 0; c < p->ku; c++) {
			if (nc[c] == 0)
				continue;
			for (k = c + 1; k < p->ku; k++)
				if (nc[k] != 0)
					se += 2 * (double)nc[c] * (double)nc[k] *
					    delta2(c, k, level, num, nc, cum);
		}
	}
	*dobs = so / (double)vals;
	*dexp = se / ((double)vals * (double)(vals - 1));
	return distinct;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

void
agree_alpha(const int32_t *val, int64_t nunits, int ncoders, int k,
    const double *catnum, enum agree_level level, int boot, uint64_t seed,
    struct agree_alpha *out)
{
	struct pairable p;
	double *num = NULL, *rep = NULL, *udo = NULL, dobs, dexp, agree = 0;
	int64_t *nc = NULL, *cum = NULL, *pick = NULL, u, i, j, n;
	const char *why = NULL;
	int c, b, kept = 0;
	bool pairs_by_category = level == AGREE_ORDINAL || level == AGREE_RATIO;

	memset(out, 0, sizeof *out);
	out->level = level;
	out->seed = seed;
	pairable_build(val, nunits, ncoders, k, &p);
	out->units = p.units;
	out->n = p.n;
	if (nunits == 0)
		why = R_NO_UNITS;
	else if (p.n < 2)
		why = N_("too few pairable values");
	out->alpha = out->d_o = out->d_e = out->pairwise = out->lo = out->hi =
	    agree_fig_why(why != NULL ? why : R_NO_VAR);
	if (why != NULL)
		goto out;
	/* Share of agreeing ordered pairs, each unit's weighted 1/(m_u - 1). */
	for (u = 0; u < p.units; u++) {
		double same = 0;

		for (i = p.off[u]; i < p.off[u + 1]; i++)
			for (j = i + 1; j < p.off[u + 1]; j++)
				same += 2 * (p.vals[i] == p.vals[j]);
		agree += same / (double)(p.off[u + 1] - p.off[u] - 1);
	}
	out->pairwise = agree_fig_v(agree / (double)p.n);
	if (level != AGREE_NOMINAL && catnum == NULL)
		why = N_("values are not numbers");
	else if (pairs_by_category && p.ku > AGREE_ALPHA_MAX_VALUES)
		why = N_("too many distinct values");
	if (why != NULL) {
		out->alpha = out->d_o = out->d_e = out->lo = out->hi = agree_fig_why(why);
		goto out;
	}
	nc = xcalloc((size_t)p.ku + 1, sizeof *nc);
	cum = xcalloc((size_t)p.ku + 2, sizeof *cum);
	num = xcalloc((size_t)p.ku + 1, sizeof *num);
	for (c = 0; c < p.ku; c++)
		num[c] = catnum != NULL ? catnum[p.orig[c]] : 0;
	if (level != AGREE_ORDINAL) {
		udo = xmalloc(((size_t)p.units + 1) * sizeof *udo);
		for (u = 0; u < p.units; u++)
			udo[u] = unit_do(&p, u, level, num, NULL, NULL);
	}
	if (alpha_d(&p, NULL, udo, level, num, nc, cum, &n, &dobs, &dexp) < 2)
		goto out;	/* one distinct value: no variation */
	if (!isfinite(dobs) || !isfinite(dexp)) {	/* 1e999, 1e300 squared */
		out->alpha = out->d_o = out->d_e = out->lo = out->hi =
		    agree_fig_why(N_("values too large"));
		goto out;
	}
	out->d_o = agree_fig_v(dobs);
	out->d_e = agree_fig_v(dexp);
	if (!(dexp > 0))	/* ratio on x and -x, or an underflow */
		goto out;
	out->alpha = agree_fig_v(1 - dobs / dexp);
	if (boot <= 0) {
		out->lo = out->hi = agree_fig_why(N_("no bootstrap"));
		goto out;
	}
	if (pairs_by_category && p.ku > AGREE_BOOT_MAX_VALUES) {
		out->lo = out->hi = agree_fig_why(N_("too many distinct values for the bootstrap"));
		goto out;
	}
	{
		struct agree_rng rng;

		out->boot = boot;
		rep = xmalloc((size_t)boot * sizeof *rep);
		pick = xmalloc(((size_t)p.units + 1) * sizeof *pick);
		agree_rng_seed(&rng, seed);
		for (b = 0; b < boot; b++) {
			for (u = 0; u < p.units; u++)
				pick[u] = (int64_t)agree_rng_below(&rng, (uint64_t)p.units);
			if (alpha_d(&p, pick, udo, level, num, nc, cum, &n, &dobs, &dexp) < 2 ||
			    !isfinite(dobs) || !(dexp > 0 && isfinite(dexp))) {
				out->boot_discarded++;
				continue;
			}
			rep[kept++] = 1 - dobs / dexp;
		}
	}
	if (kept == 0) {
		out->lo = out->hi = agree_fig_why(N_("every bootstrap replicate undefined"));
		goto out;
	}
	qsort(rep, (size_t)kept, sizeof *rep, cmp_double);
	/* 1-based ranks ceil(0.025 B') and ceil(0.975 B'), in integers. */
	out->lo = agree_fig_v(rep[(25 * (int64_t)kept + 999) / 1000 - 1]);
	out->hi = agree_fig_v(rep[(975 * (int64_t)kept + 999) / 1000 - 1]);
out:
	free(rep);
	free(pick);
	free(udo);
	free(nc);
	free(cum);
	free(num);
	pairable_free(&p);
}
