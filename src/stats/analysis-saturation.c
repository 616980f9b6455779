/*
 * analysis-saturation.c: new codes per interview in interview order and the
 * saturation point. The definition is in src/stats/analysis.h; in
 * short, the point is the last interview that brought a new code, when at
 * least one coded interview after it brought none.
 */
#include <stdlib.h>
#include <string.h>

#include "stats/analysis.h"

static int
pair_cmp(const void *x, const void *y)
{
	const struct an_sat_pair *p = x, *q = y;

	if (p->code != q->code)
		return p->code < q->code ? -1 : 1;
	if (p->doc != q->doc)
		return p->doc < q->doc ? -1 : 1;
	return 0;
}

void
an_saturation_pairs(size_t ndocs, const int64_t *positions,
    const struct an_sat_pair *pairs, size_t npairs, struct an_saturation *s)
{
	struct an_sat_pair *v = xcalloc(npairs + 1, sizeof *v);
	size_t i, nv = 0, last_new = 0;
	bool any_new = false;
	int64_t cum = 0, since = 0;

	memset(s, 0, sizeof *s);
	s->rows = xcalloc(ndocs + 1, sizeof *s->rows);
	s->nrows = ndocs;
	for (i = 0; i < ndocs; i++)
		s->rows[i].doc = i;
	for (i = 0; i < npairs; i++) {
		if (pairs[i].doc >= ndocs)
			continue;
		v[nv++] = pairs[i];
		s->rows[pairs[i].doc].coded = true;
		s->rows[pairs[i].doc].ncodings++;
	}
	if (nv > 0)
		qsort(v, nv, sizeof *v, pair_cmp);
	for (i = 0; i < nv; i++)	/* the first pair of each code is its debut */
		if (i == 0 || v[i].code != v[i - 1].code) {
			s->rows[v[i].doc].nnew++;
			s->ncodes++;
		}
	for (i = 0; i < ndocs; i++) {
		struct an_sat_row *r = &s->rows[i];

		cum += r->nnew;
		r->cumulative = cum;
		if (r->coded) {
			if (r->nnew > 0) {
				since = 0;
				last_new = i;
				any_new = true;
				s->confirming = 0;
			} else {
				since++;
				s->confirming++;
			}
		}
		r->since_new = since;
	}
	if (any_new && s->confirming > 0) {
		s->point_row = last_new;
		s->point = positions != NULL ? positions[last_new] :
		    (int64_t)last_new + 1;
	} else {
		s->confirming = 0;
	}
	free(v);
}

struct an_sat_pair *
an_sat_pairs(const struct an_project *a, int64_t coder, size_t *npairs)
{
	struct an_sat_pair *pairs = xcalloc(a->ncodings + 1, sizeof *pairs);
	size_t i, n = 0;

	for (i = 0; i < a->ncodings; i++) {
		long d;

		if ((coder != 0 && a->codings[i].coder != coder) ||
		    (d = an_doc_index(a, a->codings[i].doc)) < 0)
			continue;
		pairs[n].doc = (size_t)d;
		pairs[n].code = a->codings[i].node;
		n++;
	}
	*npairs = n;
	return pairs;
}

void
an_saturation(const struct an_project *a, int64_t coder,
    struct an_saturation *s)
{
	int64_t *pos = xcalloc(a->ndocs + 1, sizeof *pos);
	size_t i, n;
	struct an_sat_pair *pairs = an_sat_pairs(a, coder, &n);

	for (i = 0; i < a->ndocs; i++)
		pos[i] = a->docs[i].position;
	an_saturation_pairs(a->ndocs, pos, pairs, n, s);
	free(pairs);
	free(pos);
}

void
an_saturation_done(struct an_saturation *s)
{
	free(s->rows);
	memset(s, 0, sizeof *s);
}
