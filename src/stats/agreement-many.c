/*
 * agreement-many.c: figures of a set of three or more coders on a
 * presence row (docs/agreement.md §3.9), each covering the whole set.
 *
 * Every coder judges every unit (a code is present or absent), so the
 * unit's histogram (how many of the m coders applied the code) gives
 * Fleiss' kappa, nominal alpha and Gwet's AC1 (agree_hist_fleiss,
 * agree_hist_alpha, agree_gwet_hist),
 * and the pair counts (units two coders both marked) give each pair's 2x2
 * table and Cohen's kappa. Light's kappa is the mean of the m(m-1)/2
 * pairwise kappas (Light 1971; Conger 1980): undefined when one of them
 * is, since a mean over the defined ones would describe another set.
 * P-bar, the mean pairwise agreement, equals the mean of the pairs'
 * percent agreements because every pair judges every unit.
 */
#include <string.h>

#include "stats/agreement.h"
#include "base/i18n.h"

void
agree_pair_cells(const int64_t *pair, int m, int64_t n, int x, int y,
    struct agree_cells *out)
{
	int lo = x < y ? x : y, hi = x < y ? y : x;

	out->a = pair[lo * m + hi];
	out->b = pair[x * m + x] - out->a;
	out->c = pair[y * m + y] - out->a;
	out->d = n - out->a - out->b - out->c;
}

void
agree_many_figures(const int64_t *hist, const int64_t *pair, int m, int64_t n,
    struct agree_many *out, struct agree_fig *kappa)
{
	struct agree_fleiss fl;
	struct agree_alpha al;
	struct agree_gwet g;
	double sum = 0;
	const char *why = NULL;
	int x, y, npairs = 0;

	memset(out, 0, sizeof *out);
	out->m = m;
	out->n = n;
	agree_hist_fleiss(hist, m, &fl);
	agree_hist_alpha(hist, m, &al);
	out->pbar = fl.pbar;
	out->fleiss = fl.kappa;
	out->alpha = al.alpha;
	agree_gwet_hist(hist, m, &g);
	out->ac1 = g.ac;
	for (x = 0; x < m; x++)
		for (y = x + 1; y < m; y++) {
			struct agree_cells c;
			struct agree_kappa k;

			agree_pair_cells(pair, m, n, x, y, &c);
			agree_kappa_2x2(c.a, c.b, c.c, c.d, &k);
			if (kappa != NULL)
				kappa[x * m + y] = k.kappa;
			if (k.kappa.why != NULL && why == NULL)
				why = n == 0 ? k.kappa.why :
				    N_("a pair's kappa is undefined");
			sum += k.kappa.v;
			npairs++;
		}
	if (npairs == 0)
		why = N_("fewer than three coders");
	out->light.why = why;
	out->light.v = why == NULL ? sum / npairs : 0;
}
