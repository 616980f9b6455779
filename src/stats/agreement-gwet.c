/*
 * agreement-gwet.c: Gwet's AC1 (nominal) and AC2 (weighted) with their
 * standard errors and t intervals, as Gwet (2008, Br J Math Stat Psychol
 * 61:29-48; 2014, Handbook of Inter-Rater Reliability, 4th ed.) gives them
 * and his irrCAC package computes them (docs/agreement.md §3.13).
 *
 * Weights w_kl (identity for AC1), T_w = sum_kl w_kl, q categories.
 * Two coders, a table n_kl of N units, p_kl = n_kl / N:
 *   pa = sum w_kl p_kl, pi_k = (p_k+ + p_+k) / 2,
 *   pe = T_w / (q (q - 1)) sum_k pi_k (1 - pi_k), AC = (pa - pe) / (1 - pe),
 *   Var = [sum_kl p_kl (w_kl - 2 (1 - AC) T_w (1 - (pi_k + pi_l) / 2)
 *          / (q (q - 1)))^2 - (pa - 2 (1 - AC) pe)^2] / (N (1 - pe)^2).
 * Any number of coders (the handbook's many-rater form, missing values
 * allowed): r_ik coders put unit i in k, r_i = sum_k r_ik >= 1 over n
 * units, n2 of them with r_i >= 2, r*_ik = sum_l w_kl r_il:
 *   pa_i = sum_k r_ik (r*_ik - 1) / (r_i (r_i - 1)), pa = mean of pa_i over n2,
 *   pi_k = (1/n) sum_i r_ik / r_i, pe as above,
 *   pe_i = T_w / (q (q - 1)) sum_k r_ik (1 - pi_k) / r_i,
 *   AC_i = (n / n2) (pa_i - pe [r_i >= 2]) / (1 - pe)
 *          - 2 (1 - AC) (pe_i - pe) / (1 - pe),
 *   Var = sum_i (AC_i - AC)^2 / (n (n - 1)).
 * Both: SE = sqrt(max(Var, 0)); interval AC +- t(.975, n - 1) SE with its
 * upper end at most 1, as irrCAC prints it (the lower end is left).
 *
 * Undefined, each with its reason: no units; q < 2 "one category"; no unit
 * with two values (many coders); 1 - pe <= 1e-12 (weights that leave no
 * room for chance); SE and interval with n < 2; AC2 on labels, ratio
 * weights on negative values, weights that overflow a double.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/agreement.h"
#include "base/i18n.h"
#include "base/util.h"

static const char R_NO_UNITS[] = N_("no units");
static const char R_ONE_CAT[] = N_("one category");

static void
all_undef(struct agree_gwet *o, const char *why)
{
	o->pa = o->pe = o->ac = o->se = o->lo = o->hi = agree_fig_why(why);
}

/* ---- Student's t ---- */

/* P(|T| <= t) for integer nu (Abramowitz & Stegun 26.7.3 and 26.7.4). */
static double
t_central(double t, int64_t nu)
{
	double th = atan(t / sqrt((double)nu)), c2 = cos(th) * cos(th);
	double term, sum;
	int64_t i;

	if (nu % 2 == 1) {
		if (nu == 1)
			return th * 2 / acos(-1.0);
		term = sum = cos(th);
		for (i = 3; i <= nu - 2; i += 2) {
			term *= c2 * (double)(i - 1) / (double)i;
			sum += term;
		}
		return (th + sin(th) * sum) * 2 / acos(-1.0);
	}
	term = sum = 1;
	for (i = 2; i <= nu - 2; i += 2) {
		term *= c2 * (double)(i - 1) / (double)i;
		sum += term;
	}
	return sin(th) * sum;
}

double
agree_t975(int64_t df)
{
	const double z = 1.959963984540054;	/* the normal's 97.5% point */
	double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z;
	double nu = (double)df, t, dens;
	int i;

	if (df < 1)
		df = 1, nu = 1;
	/* Cornish-Fisher expansion (A&S 26.7.5): beyond 200 df its next term
	 * is below 1e-12. */
	t = z + (z3 + z) / (4 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96 * nu * nu) +
	    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * nu * nu * nu) +
	    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) /
	    (92160 * nu * nu * nu * nu);
	if (df > 200)
		return t;
	/* Newton on the exact central probability, which is concave in t > 0:
	 * the steps converge from either side. */
	for (i = 0; i < 100; i++) {
		double step;

		dens = exp(lgamma((nu + 1) / 2) - lgamma(nu / 2)) /
		    sqrt(nu * acos(-1.0)) * pow(1 + t * t / nu, -(nu + 1) / 2);
		step = (t_central(t, df) - 0.95) / (2 * dens);
		t -= step;
		if (fabs(step) < 1e-14 * t)
			break;
	}
	return t;
}

/* SE and interval of o->ac from a variance over n units. */
static void
interval(struct agree_gwet *o, double var)
{
	double se, t;

	if (o->ac.why != NULL) {
		o->se = o->lo = o->hi = agree_fig_why(o->ac.why);
		return;
	}
	if (o->n < 2) {
		o->se = o->lo = o->hi = agree_fig_why(N_("fewer than 2 units"));
		return;
	}
	se = sqrt(var > 0 ? var : 0);
	t = agree_t975(o->n - 1);
	o->se = agree_fig_v(se);
	o->lo = agree_fig_v(o->ac.v - t * se);
	o->hi = agree_fig_v(fmin(1, o->ac.v + t * se));
}

static double
wt(const double *w, int q, int k, int l)
{
	return w != NULL ? w[(size_t)k * (size_t)q + (size_t)l] : k == l;
}

static double
weight_sum(const double *w, int q)
{
	double s = 0;
	int k, l;

	if (w == NULL)
		return q;
	for (k = 0; k < q; k++)
		for (l = 0; l < q; l++)
			s += wt(w, q, k, l);
	return s;
}

/* pe from the pi_k and the weights' sum. */
static double
chance(const double *pi, int q, double tw)
{
	double s = 0;
	int k;

	for (k = 0; k < q; k++)
		s += pi[k] * (1 - pi[k]);
	return tw * s / ((double)q * (q - 1));
}

static bool
coefficient(struct agree_gwet *o, double pa, double pe)
{
	o->pa = agree_fig_v(pa);
	o->pe = agree_fig_v(pe);
	if (1 - pe <= 1e-12) {
		o->ac = agree_fig_why(N_("chance agreement 1"));
		return false;
	}
	o->ac = agree_fig_v((pa - pe) / (1 - pe));
	return true;
}

/* ---- two coders, a q x q table ---- */

void
agree_gwet_table(const int64_t *cells, int q, const double *w,
    struct agree_gwet *o)
{
	double *pi, nn, pa = 0, tw, s = 0, var = 0, ac, c;
	int64_t n = 0;
	int k, l;

	memset(o, 0, sizeof *o);
	o->q = q;
	for (k = 0; k < q * q; k++)
		n += cells[k];
	o->n = o->n2 = n;
	if (n == 0 || q < 2) {
		all_undef(o, n == 0 ? R_NO_UNITS : R_ONE_CAT);
		return;
	}
	nn = (double)n;
	tw = weight_sum(w, q);
	pi = xcalloc((size_t)q, sizeof *pi);
	for (k = 0; k < q; k++)
		for (l = 0; l < q; l++) {
			double p = (double)cells[k * q + l] / nn;

			pa += wt(w, q, k, l) * p;
			pi[k] += p / 2;
			pi[l] += p / 2;
		}
	if (coefficient(o, pa, chance(pi, q, tw))) {
		ac = o->ac.v;
		c = 2 * (1 - ac) * tw / ((double)q * (q - 1));
		for (k = 0; k < q; k++)
			for (l = 0; l < q; l++) {
				double d = wt(w, q, k, l) - c * (1 - (pi[k] + pi[l]) / 2);

				s += (double)cells[k * q + l] / nn * d * d;
			}
		c = pa - 2 * (1 - ac) * o->pe.v;
		var = (s - c * c) / (nn * (1 - o->pe.v) * (1 - o->pe.v));
	}
	interval(o, var);
	free(pi);
}

/* ---- any number of coders: units as rows of (category, coders) ---- */

enum { SRC_COUNTS, SRC_VALUES, SRC_HIST };

struct src {
	int kind;
	const int64_t *counts;		/* SRC_COUNTS, SRC_HIST */
	const int32_t *val;		/* SRC_VALUES */
	int64_t nrows;
	int ncoders, q;
	int64_t *tally;			/* SRC_VALUES: q counters, kept at 0 */
};

/* Row i into cat/cnt (its categories with a coder); returns how many, and
 * in *mult how many units the row stands for. */
static int
row(const struct src *s, int64_t i, int32_t *cat, int64_t *cnt, int64_t *mult)
{
	int len = 0, c;

	*mult = 1;
	if (s->kind == SRC_HIST) {
		/* i of m coders marked the code: i present, m - i absent */
		*mult = s->counts[i];
		if (i > 0)
			cat[len] = 0, cnt[len++] = i;
		if (i < s->ncoders)
			cat[len] = 1, cnt[len++] = s->ncoders - i;
		return len;
	}
	if (s->kind == SRC_COUNTS) {
		for (c = 0; c < s->q; c++)
			if (s->counts[i * s->q + c] > 0)
				cat[len] = c, cnt[len++] = s->counts[i * s->q + c];
		return len;
	}
	for (c = 0; c < s->ncoders; c++) {
		int32_t v = s->val[i * s->ncoders + c];

		if (v >= 0 && v < s->q && s->tally[v]++ == 0)
			cat[len++] = v;
	}
	for (c = 0; c < len; c++) {
		cnt[c] = s->tally[cat[c]];
		s->tally[cat[c]] = 0;
	}
	return len;
}

/* pa_i's numerator sum_k r_ik (r*_ik - 1) of one row. */
static double
row_agree(const struct src *s, const double *w, const int32_t *cat,
    const int64_t *cnt, int len)
{
	double a = 0;
	int x, y;

	if (w == NULL) {	/* identity: r*_ik = r_ik, no pairs to weigh */
		for (x = 0; x < len; x++)
			a += (double)cnt[x] * (double)(cnt[x] - 1);
		return a;
	}
	for (x = 0; x < len; x++) {
		double star = 0;

		for (y = 0; y < len; y++)
			star += wt(w, s->q, cat[x], cat[y]) * (double)cnt[y];
		a += (double)cnt[x] * (star - 1);
	}
	return a;
}

static void
many(const struct src *s, const double *w, struct agree_gwet *o)
{
	int q = s->q, len, x;
	int32_t *cat = xcalloc((size_t)q + 2, sizeof *cat);
	int64_t *cnt = xcalloc((size_t)q + 2, sizeof *cnt), i, mult, r;
	double *pi = xcalloc((size_t)q + 2, sizeof *pi), tw, sum = 0, var = 0;
	double nn, pe, ac, ce;

	memset(o, 0, sizeof *o);
	o->q = q;
	/* pass 1: units, and the pi_k */
	for (i = 0; i < s->nrows; i++) {
		len = row(s, i, cat, cnt, &mult);
		for (r = 0, x = 0; x < len; x++)
			r += cnt[x];
		if (r == 0 || mult == 0)
			continue;
		o->n += mult;
		o->n2 += r >= 2 ? mult : 0;
		for (x = 0; x < len; x++)
			pi[cat[x]] += (double)mult * (double)cnt[x] / (double)r;
	}
	if (o->n == 0 || q < 2 || o->n2 == 0) {
		all_undef(o, o->n == 0 ? R_NO_UNITS : q < 2 ? R_ONE_CAT :
		    N_("no unit with two values"));
		goto out;
	}
	nn = (double)o->n;
	for (x = 0; x < q; x++)
		pi[x] /= nn;
	tw = weight_sum(w, q);
	pe = chance(pi, q, tw);
	ce = tw / ((double)q * (q - 1));
	/* pass 2: pa */
	for (i = 0; i < s->nrows; i++) {
		len = row(s, i, cat, cnt, &mult);
		for (r = 0, x = 0; x < len; x++)
			r += cnt[x];
		if (r >= 2)
			sum += (double)mult * row_agree(s, w, cat, cnt, len) /
			    ((double)r * (double)(r - 1));
	}
	if (!coefficient(o, sum / (double)o->n2, pe))
		goto done;
	ac = o->ac.v;
	/* pass 3: the linearized AC_i around AC */
	for (i = 0; i < s->nrows; i++) {
		double pa_i = 0, pe_i = 0, ac_i;

		len = row(s, i, cat, cnt, &mult);
		for (r = 0, x = 0; x < len; x++)
			r += cnt[x];
		if (r == 0 || mult == 0)
			continue;
		if (r >= 2)
			pa_i = row_agree(s, w, cat, cnt, len) /
			    ((double)r * (double)(r - 1));
		for (x = 0; x < len; x++)
			pe_i += (double)cnt[x] * (1 - pi[cat[x]]);
		pe_i *= ce / (double)r;
		ac_i = nn / (double)o->n2 * (pa_i - (r >= 2 ? pe : 0)) / (1 - pe) -
		    2 * (1 - ac) * (pe_i - pe) / (1 - pe);
		var += (double)mult * (ac_i - ac) * (ac_i - ac);
	}
	var /= nn * (nn - 1);
done:
	interval(o, var);
out:
	free(cat);
	free(cnt);
	free(pi);
}

void
agree_gwet_counts(const int64_t *counts, int64_t nunits, int q, const double *w,
    struct agree_gwet *out)
{
	struct src s = { SRC_COUNTS, counts, NULL, nunits, 0, q, NULL };

	many(&s, w, out);
}

void
agree_gwet_values(const int32_t *val, int64_t nunits, int ncoders, int q,
    const double *w, struct agree_gwet *out)
{
	struct src s = { SRC_VALUES, NULL, val, nunits, ncoders, q, NULL };

	s.tally = xcalloc((size_t)q + 1, sizeof *s.tally);
	many(&s, w, out);
	free(s.tally);
}

void
agree_gwet_hist(const int64_t *hist, int m, struct agree_gwet *out)
{
	struct src s = { SRC_HIST, hist, NULL, (int64_t)m + 1, m, 2, NULL };

	many(&s, NULL, out);
}

/* ---- weights ---- */

const char *
agree_gwet_weights(enum agree_level level, const double *catnum, int q, double *w)
{
	double lo, hi, span;
	int k, l;

	for (k = 0; k < q; k++)
		for (l = 0; l < q; l++)
			w[k * q + l] = k == l;
	if (level == AGREE_NOMINAL || q < 2)
		return NULL;
	if (catnum == NULL)
		return N_("values are not numbers");
	lo = catnum[0];
	hi = catnum[q - 1];
	if (level == AGREE_RATIO && lo < 0)
		return N_("ratio weights need values of 0 or more");
	if (!isfinite(hi - lo))
		return N_("values too large");
	for (k = 0; k < q; k++)
		for (l = 0; l < q; l++) {
			double d = catnum[k] - catnum[l], v;
			int64_t m = llabs((long long)(k - l)) + 1;

			if (k == l)
				continue;
			if (level == AGREE_ORDINAL)
				v = 1 - (double)(m * (m - 1) / 2) /
				    ((double)q * (q - 1) / 2);
			else if (level == AGREE_INTERVAL) {
				d /= hi - lo;	/* divided first: squares overflow */
				v = 1 - d * d;
			} else {
				span = (hi - lo) / (hi + lo);
				d = d / (catnum[k] + catnum[l]) / span;
				v = 1 - d * d;
			}
			if (!isfinite(v)) {
				agree_gwet_weights(AGREE_NOMINAL, NULL, q, w);
				return N_("values too large");
			}
			w[k * q + l] = v;
		}
	return NULL;
}
