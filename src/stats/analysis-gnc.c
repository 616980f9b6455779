/*
 * analysis-gnc.c: saturation by the stopping rule of Guest, Namey & Chen
 * (2020), in interview order and over random orders of the interviews.
 * The definition is in src/stats/analysis.h (struct an_gnc) and
 * docs/theory.md. Invariants: only coded documents are interviews; the
 * threshold is compared in integers (new * 100 <= threshold * base
 * codes), so 5% of 40 codes admits exactly 2 new ones; random orders
 * draw from agree_rng, so a seed gives the same figures everywhere.
 */
#include <stdlib.h>
#include <string.h>

#include "stats/agreement.h"
#include "stats/analysis.h"
#include "base/i18n.h"

/* The interviews and their distinct codes, codes numbered 0..ncodes-1. */
struct gnc_data {
	size_t n;		/* interviews (coded documents) */
	size_t *doc;		/* interview i's document index */
	size_t *start;		/* codes of interview i: code[start[i]..start[i+1]) */
	size_t *code;
	size_t ncodes;
	size_t *first;		/* scratch: position where a code first appears */
	int64_t *nnew;		/* scratch: new codes per position */
};

static int
pair_cmp(const void *x, const void *y)
{
	const struct an_sat_pair *p = x, *q = y;

	if (p->doc != q->doc)
		return p->doc < q->doc ? -1 : 1;
	if (p->code != q->code)
		return p->code < q->code ? -1 : 1;
	return 0;
}

static int
code_cmp(const void *x, const void *y)
{
	int64_t p = *(const int64_t *)x, q = *(const int64_t *)y;

	return (p > q) - (p < q);
}

static void
gnc_data(size_t ndocs, const struct an_sat_pair *pairs, size_t npairs,
    struct gnc_data *g)
{
	struct an_sat_pair *v = xcalloc(npairs + 1, sizeof *v);
	int64_t *ids = xcalloc(npairs + 1, sizeof *ids);
	size_t i, nv = 0, nid = 0, nc = 0;

	memset(g, 0, sizeof *g);
	for (i = 0; i < npairs; i++)
		if (pairs[i].doc < ndocs)
			v[nv++] = pairs[i];
	qsort(v, nv, sizeof *v, pair_cmp);
	for (i = 0; i < nv; i++)
		ids[nid++] = v[i].code;
	qsort(ids, nid, sizeof *ids, code_cmp);
	for (i = 0; i < nid; i++)	/* distinct code ids, ascending */
		if (i == 0 || ids[i] != ids[g->ncodes - 1])
			ids[g->ncodes++] = ids[i];
	g->doc = xcalloc(ndocs + 1, sizeof *g->doc);
	g->start = xcalloc(ndocs + 2, sizeof *g->start);
	g->code = xcalloc(nv + 1, sizeof *g->code);
	for (i = 0; i < nv; i++) {
		int64_t *at;

		if (i > 0 && v[i].doc == v[i - 1].doc && v[i].code == v[i - 1].code)
			continue;
		if (i == 0 || v[i].doc != v[i - 1].doc) {
			g->doc[g->n] = v[i].doc;
			g->start[g->n++] = nc;
		}
		at = bsearch(&v[i].code, ids, g->ncodes, sizeof *ids, code_cmp);
		g->code[nc++] = (size_t)(at - ids);
	}
	g->start[g->n] = nc;
	g->first = xcalloc(g->ncodes + 1, sizeof *g->first);
	g->nnew = xcalloc(g->n + 1, sizeof *g->nnew);
	free(ids);
	free(v);
}

static void
gnc_data_free(struct gnc_data *g)
{
	free(g->doc);
	free(g->start);
	free(g->code);
	free(g->first);
	free(g->nnew);
}

/*
 * The rule on one order of the interviews (order[p] = interview at
 * position p): base codes, and the first run that reaches the threshold
 * (its start s = interviews before it), or n when none does.
 */
static size_t
gnc_order(struct gnc_data *g, const size_t *order, const struct an_gnc_opts *o,
    int64_t *base_codes, int64_t *run_new)
{
	size_t p, k, s, b = (size_t)o->base, r = (size_t)o->run;
	int64_t news;

	for (k = 0; k < g->ncodes; k++)
		g->first[k] = SIZE_MAX;
	for (p = 0; p < g->n; p++) {
		size_t i = order[p];

		g->nnew[p] = 0;
		for (k = g->start[i]; k < g->start[i + 1]; k++)
			if (g->first[g->code[k]] == SIZE_MAX) {
				g->first[g->code[k]] = p;
				g->nnew[p]++;
			}
	}
	*base_codes = 0;
	for (p = 0; p < b && p < g->n; p++)
		*base_codes += g->nnew[p];
	for (s = b; s + r <= g->n; s++) {
		news = 0;
		for (p = s; p < s + r; p++)
			news += g->nnew[p];
		if (news * 100 <= (int64_t)o->threshold * *base_codes) {
			*run_new = news;
			return s;
		}
	}
	return g->n;
}

static int
double_cmp(const void *x, const void *y)
{
	double p = *(const double *)x, q = *(const double *)y;

	return (p > q) - (p < q);
}

void
an_gnc_opts_default(struct an_gnc_opts *o)
{
	o->base = AN_GNC_BASE;
	o->run = AN_GNC_RUN;
	o->threshold = AN_GNC_THRESHOLD;
	o->orders = AN_GNC_ORDERS;
	o->seed = AGREE_SEED_DEFAULT;
}

void
an_gnc_pairs(size_t ndocs, const struct an_sat_pair *pairs, size_t npairs,
    const struct an_gnc_opts *o, struct an_gnc *out)
{
	struct gnc_data g;
	struct agree_rng rng;
	size_t *order, i, p, s, r = (size_t)o->run;
	double *pts;
	int64_t bc, rn = 0;
	int k;

	memset(out, 0, sizeof *out);
	out->o = *o;
	out->run_new_at = xcalloc(ndocs + 1, sizeof *out->run_new_at);
	for (i = 0; i < ndocs; i++)
		out->run_new_at[i] = -1;
	gnc_data(ndocs, pairs, npairs, &g);
	out->ninterviews = g.n;
	if (g.n < (size_t)o->base + r) {
		out->why = N_("fewer coded interviews than the base and one run");
		gnc_data_free(&g);
		return;
	}
	order = xcalloc(g.n, sizeof *order);
	for (p = 0; p < g.n; p++)
		order[p] = p;
	s = gnc_order(&g, order, o, &out->base_codes, &rn);
	for (p = (size_t)o->base; p + r <= g.n; p++) {
		int64_t news = 0;

		for (i = p; i < p + r; i++)
			news += g.nnew[i];
		out->run_new_at[g.doc[p]] = news;
	}
	if (s < g.n) {
		out->reached = true;
		out->point = s;
		out->point_row = g.doc[s - 1];
		out->run_new = rn;
	}
	pts = xcalloc((size_t)o->orders + 1, sizeof *pts);
	agree_rng_seed(&rng, o->seed);
	for (k = 0; k < o->orders; k++) {
		for (p = g.n - 1; p > 0; p--) {	/* Fisher-Yates */
			size_t j = (size_t)agree_rng_below(&rng, (uint64_t)p + 1),
			    t = order[p];

			order[p] = order[j];
			order[j] = t;
		}
		s = gnc_order(&g, order, o, &bc, &rn);
		if (s < g.n)
			pts[out->reached_orders++] = (double)s;
	}
	if (out->reached_orders > 0) {
		size_t m = (size_t)out->reached_orders;

		qsort(pts, m, sizeof *pts, double_cmp);
		out->median_point = m % 2 ? pts[m / 2] :
		    (pts[m / 2 - 1] + pts[m / 2]) / 2;
	}
	free(pts);
	free(order);
	gnc_data_free(&g);
}

void
an_gnc(const struct an_project *a, int64_t coder, const struct an_gnc_opts *o,
    struct an_gnc *g)
{
	size_t n;
	struct an_sat_pair *pairs = an_sat_pairs(a, coder, &n);

	an_gnc_pairs(a->ndocs, pairs, n, o, g);
	free(pairs);
}

void
an_gnc_done(struct an_gnc *g)
{
	free(g->run_new_at);
	memset(g, 0, sizeof *g);
}
