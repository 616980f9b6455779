/*
 * vm-agree-many.c: see vm-agree-many.h. A row holds only what
 * agree_many_figures gave for the code's histogram and pair counts; no
 * figure is computed here, so the view and the CLI cannot disagree. The
 * order is that of the two coders' rows (vm_worst_cmp). Unit-tested in
 * test-ui-views.c.
 */
#include <stdlib.h>

#include "base/util.h"
#include "vm/vm-agree-many.h"
#include "vm/vm-views.h"

static int
row_cmp(const void *x, const void *y)
{
	const struct vm_agree_many_row *a = x, *b = y;

	return vm_worst_cmp(&a->f.fleiss, &a->f.pbar, a->code, &b->f.fleiss,
	    &b->f.pbar, b->code);
}

void
vm_agree_many_rows(const struct agree_state *st,
    struct vm_agree_many_row **out, size_t *n)
{
	const struct agree_config *cfg = agree_state_config(st);
	size_t ndocs, ncodes, ncats, i, k = 0;
	struct vm_agree_many_row *v;
	int64_t *hist, *pair;
	int m = cfg->ncoders;

	*out = NULL;
	*n = 0;
	if (m < 3)
		return;
	agree_state_size(st, &ndocs, &ncodes, &ncats);
	v = xcalloc(ncodes ? ncodes : 1, sizeof *v);
	hist = xcalloc((size_t)m + 1, sizeof *hist);
	pair = xcalloc((size_t)m * (size_t)m, sizeof *pair);
	for (i = 0; i < ncodes; i++) {
		struct agree_cells c;
		int64_t units;

		agree_state_table(st, (int64_t)i, -1, &c, hist);
		units = agree_state_pairs(st, AGREE_BY_CODE, (int64_t)i, pair);
		if (hist[0] == units)
			continue;	/* no coder of the set applied it */
		v[k].code = i;
		agree_many_figures(hist, pair, m, units, &v[k].f, NULL);
		k++;
	}
	free(hist);
	free(pair);
	qsort(v, k, sizeof *v, row_cmp);
	*out = v;
	*n = k;
}

const char *
vm_agree_many_why(const struct agree_many *f)
{
	const struct agree_fig *fig[5] = { &f->pbar, &f->fleiss, &f->alpha,
	    &f->light, &f->ac1 };
	size_t i;

	for (i = 0; i < 5; i++)
		if (fig[i]->why != NULL)
			return fig[i]->why;
	return NULL;
}
