/*
 * agreement-cluster.c: intervals for pooled figures that respect the
 * design, by a cluster bootstrap over documents (docs/agreement.md §4.6).
 *
 * Paragraphs of one interview are not independent draws: a speaker's
 * topics and the coders' habits run through the whole transcript, so an
 * interval that resamples paragraphs is too narrow for a figure pooled
 * over interviews. The cluster (case) bootstrap resamples the clusters
 * whole, with replacement, and keeps each cluster's units together
 * (Field & Welsh 2007, JRSS-B 69(3):369-390; Davison & Hinkley 1997,
 * sect. 3.8).
 *
 * Here a cluster is a document with at least one unit. Each replicate
 * draws n documents out of the n (agree_rng_below, seeded by
 * agree_rng_seed: the same seed gives the same interval), sums their
 * pooled 2x2 tables and histograms, and computes on the sums Cohen's
 * kappa of coders 0 and 1, nominal alpha and, with m >= 3 coders,
 * Fleiss' kappa, exactly as the pooled row does. A replicate where a
 * figure is undefined is dropped for that figure; its interval is the
 * percentile one of agree_alpha, v(ceil(.025 B')) and v(ceil(.975 B'))
 * of the B' kept. Invariant: draws are taken n per replicate in order,
 * so a test with the same seed reproduces them.
 */
#include <stdlib.h>
#include <string.h>

#include "stats/agreement.h"
#include "base/i18n.h"
#include "base/util.h"

const char agree_ci_wald[] = N_("Wald, Fleiss-Cohen-Everitt SE");
const char agree_ci_cluster[] = N_("cluster bootstrap by document");
const char agree_ci_too_few[] = N_("too few units");

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The figures of one replicate's sums; false where undefined. */
static void
replicate(const struct agree_cells *c, const int64_t *hist, int m,
    struct agree_fig *f)
{
	struct agree_kappa k;
	struct agree_alpha a;
	struct agree_fleiss fl;

	agree_kappa_2x2(c->a, c->b, c->c, c->d, &k);
	f[AGREE_CL_KAPPA] = k.kappa;
	agree_hist_alpha(hist, m, &a);
	f[AGREE_CL_ALPHA] = a.alpha;
	if (m >= 3) {
		agree_hist_fleiss(hist, m, &fl);
		f[AGREE_CL_FLEISS] = fl.kappa;
	} else
		f[AGREE_CL_FLEISS] = agree_fig_why(N_("fewer than 3 coders"));
}

void
agree_cluster_boot(const struct agree_cells *cells, const int64_t *hist, int m,
    size_t n, int boot, uint64_t seed, struct agree_cluster *out)
{
	struct agree_rng rng;
	struct agree_cells sum;
	struct agree_fig f[AGREE_CL_N];
	int64_t *h = xcalloc((size_t)m + 1, sizeof *h);
	double *rep[AGREE_CL_N];
	int kept[AGREE_CL_N] = {0};
	size_t i, pick;
	int b, j, c;

	memset(out, 0, sizeof *out);
	out->clusters = n;
	out->boot = boot;
	out->seed = seed;
	for (j = 0; j < AGREE_CL_N; j++) {
		out->lo[j] = out->hi[j] = agree_fig_why(boot <= 0 ? N_("no bootstrap") :
		    N_("too few documents"));
		rep[j] = NULL;
	}
	if (boot <= 0 || n < AGREE_MIN_CLUSTERS)
		goto out;
	for (j = 0; j < AGREE_CL_N; j++)
		rep[j] = xmalloc((size_t)boot * sizeof **rep);
	agree_rng_seed(&rng, seed);
	for (b = 0; b < boot; b++) {
		memset(&sum, 0, sizeof sum);
		memset(h, 0, ((size_t)m + 1) * sizeof *h);
		for (i = 0; i < n; i++) {
			pick = (size_t)agree_rng_below(&rng, (uint64_t)n);
			sum.a += cells[pick].a;
			sum.b += cells[pick].b;
			sum.c += cells[pick].c;
			sum.d += cells[pick].d;
			for (c = 0; c <= m; c++)
				h[c] += hist[pick * ((size_t)m + 1) + (size_t)c];
		}
		replicate(&sum, h, m, f);
		for (j = 0; j < AGREE_CL_N; j++) {
			if (f[j].why == NULL)
				rep[j][kept[j]++] = f[j].v;
			else
				out->discarded[j]++;
		}
	}
	for (j = 0; j < AGREE_CL_N; j++) {
		if (kept[j] == 0) {
			out->lo[j] = out->hi[j] = agree_fig_why(j == AGREE_CL_FLEISS && m < 3 ?
			    N_("fewer than 3 coders") :
			    N_("every bootstrap replicate undefined"));
			continue;
		}
		qsort(rep[j], (size_t)kept[j], sizeof *rep[j], cmp_double);
		/* 1-based ranks ceil(0.025 B') and ceil(0.975 B'), as agree_alpha */
		out->lo[j].v = rep[j][(25 * (int64_t)kept[j] + 999) / 1000 - 1];
		out->hi[j].v = rep[j][(975 * (int64_t)kept[j] + 999) / 1000 - 1];
		out->lo[j].why = out->hi[j].why = NULL;
	}
out:
	for (j = 0; j < AGREE_CL_N; j++)
		free(rep[j]);
	free(h);
}

void
agree_state_cluster(const struct agree_state *st, int boot, uint64_t seed,
    struct agree_cluster *out)
{
	int m = agree_state_config(st)->ncoders;
	size_t ndocs, ncodes, ncats, d, n = 0;
	struct agree_cells *cells;
	int64_t *hist;

	agree_state_size(st, &ndocs, &ncodes, &ncats);
	cells = xcalloc(ndocs + 1, sizeof *cells);
	hist = xcalloc((ndocs + 1) * ((size_t)m + 1), sizeof *hist);
	for (d = 0; d < ndocs; d++) {
		if (agree_state_units(st, (int64_t)d) == 0)
			continue;	/* no units: not a cluster */
		agree_state_doc_table(st, (int64_t)d, &cells[n],
		    &hist[n * ((size_t)m + 1)]);
		n++;
	}
	agree_cluster_boot(cells, hist, m, n, boot, seed, out);
	free(cells);
	free(hist);
}

bool
agree_too_few_units(const int64_t *hist, int m)
{
	int64_t pos = 0;
	int c;

	for (c = 1; c <= m; c++)
		pos += hist[c];
	return pos < AGREE_MIN_POSITIVE;
}
