/*
 * agreement-unitize.c: Krippendorff's alpha for unitizing, alpha_U
 * (Krippendorff 1995, Sociological Methodology 25:47-76; Content Analysis,
 * 2nd ed. 2004, sect. 12.4), per value and overall; docs/agreement.md §3.11.
 *
 * For one value c, each of the m coders cuts the continuum of length L into
 * sections: the coder's segments of c (w = 1) and the gaps between them
 * (w = 0). Section g of coder i begins at b_ig, ends at e_ig, is l_ig long.
 *   delta2(g, h) = (b_g - b_h)^2 + (e_g - e_h)^2  both units, overlapping
 *                = l_g^2                          unit g inside gap h
 *                = l_h^2                          unit h inside gap g
 *                = 0                              otherwise
 *   D_o = sum_{i != j} sum_g sum_h delta2 / (m (m - 1) L^2)
 *   D_e = 2/L sum_{units g} [(N - 1)/3 (2 l^3 - 3 l^2 + l)
 *           + l^2 sum_{gaps h, l_h >= l} (l_h - l + 1)]
 *         / [m L (m L - 1) - sum_{units g} l (l - 1)]
 *   alpha_c = 1 - D_o / D_e; overall 1 - sum_c D_o / sum_c D_e,
 * N the segments of c of every coder. Blocks (documents) lie end to end:
 * L is their summed length and no section crosses a block's edge.
 *
 * Invariants: segments are sorted by (value, coder, block, start) before
 * any figure is computed, and never overlap within one value, coder and
 * block. Only pairs of sections that intersect can have delta2 > 0, and
 * two partitions of a block intersect in fewer than n_i + n_j pairs, so
 * D_o is a merge of sorted lists; the sum over gaps at least l long is a
 * binary search in the sorted gap lengths with suffix sums.
 */
#include <stdlib.h>
#include <string.h>

#include "stats/agreement-unitize.h"
#include "base/i18n.h"
#include "base/util.h"

int
agree_useg_block(struct agree_useg_set *s, int64_t begin, int64_t len)
{
	s->bbegin = xgrow(s->bbegin, &s->bcap[0], (size_t)s->nblocks + 1,
	    sizeof *s->bbegin);
	s->blen = xgrow(s->blen, &s->bcap[1], (size_t)s->nblocks + 1,
	    sizeof *s->blen);
	s->bbegin[s->nblocks] = begin;
	s->blen[s->nblocks] = len;
	return s->nblocks++;
}

int
agree_useg_add(struct agree_useg_set *s, const struct agree_useg *g,
    const char **err)
{
	int64_t b0, b1;

	if (g->block < 0 || g->block >= s->nblocks || g->coder < 0 ||
	    g->value < 0) {
		*err = N_("segment outside every document");
		return -1;
	}
	b0 = s->bbegin[g->block];
	b1 = b0 + s->blen[g->block];
	if (g->end < g->start) {
		*err = N_("end before start");
		return -1;
	}
	if (g->end == g->start) {
		*err = N_("empty segment (end equals start)");
		return -1;
	}
	if (g->start < b0 || g->end > b1) {
		*err = N_("segment outside the continuum");
		return -1;
	}
	s->seg = xgrow(s->seg, &s->cap, s->nseg + 1, sizeof *s->seg);
	s->seg[s->nseg++] = *g;
	if (g->coder >= s->ncoders)
		s->ncoders = g->coder + 1;
	if (g->value >= s->nvalues)
		s->nvalues = g->value + 1;
	return 0;
}

static int
cmp_seg(const void *a, const void *b)
{
	const struct agree_useg *x = a, *y = b;

	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	if (x->coder != y->coder)
		return x->coder < y->coder ? -1 : 1;
	if (x->block != y->block)
		return x->block < y->block ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end > y->end) - (x->end < y->end);
}

/* Whether b follows a in the same value, coder and block. */
static int
same_run(const struct agree_useg *a, const struct agree_useg *b)
{
	return a->value == b->value && a->coder == b->coder &&
	    a->block == b->block;
}

int
agree_useg_check(struct agree_useg_set *s, long *line, const char **err)
{
	size_t i;

	if (s->nseg > 1)	/* seg is NULL while the set is empty */
		qsort(s->seg, s->nseg, sizeof *s->seg, cmp_seg);
	for (i = 1; i < s->nseg; i++)
		if (same_run(&s->seg[i - 1], &s->seg[i]) &&
		    s->seg[i].start < s->seg[i - 1].end) {
			/* the later line of the two is the one to fix */
			*line = s->seg[i].line > s->seg[i - 1].line ?
			    s->seg[i].line : s->seg[i - 1].line;
			*err = N_("overlaps another segment of the same coder and value");
			return -1;
		}
	return 0;
}

void
agree_useg_merge(struct agree_useg_set *s)
{
	size_t i, n = 0;

	if (s->nseg > 1)	/* seg is NULL while the set is empty */
		qsort(s->seg, s->nseg, sizeof *s->seg, cmp_seg);
	for (i = 0; i < s->nseg; i++) {
		struct agree_useg *last = n > 0 ? &s->seg[n - 1] : NULL;

		if (last != NULL && same_run(last, &s->seg[i]) &&
		    s->seg[i].start < last->end) {
			if (s->seg[i].end > last->end)
				last->end = s->seg[i].end;
			continue;
		}
		s->seg[n++] = s->seg[i];
	}
	s->nseg = n;
}

void
agree_useg_free(struct agree_useg_set *s)
{
	free(s->bbegin);
	free(s->blen);
	free(s->seg);
	memset(s, 0, sizeof *s);
}

/* A section of one coder: [b, e), a unit of the value or a gap. */
struct sect {
	int64_t b, e;
	int unit;
};

/*
 * Appends the sections of one coder in one block, from its sorted units
 * u[0..n), to out at *k: units and the gaps around them, in order. out
 * has room for 2 n + 1 more.
 */
static void
sections(const struct agree_useg *u, size_t n, int64_t b0, int64_t b1,
    struct sect *out, size_t *k)
{
	size_t i;
	int64_t p = b0;

	for (i = 0; i < n; i++) {
		if (u[i].start > p)
			out[(*k)++] = (struct sect){ p, u[i].start, 0 };
		out[(*k)++] = (struct sect){ u[i].start, u[i].end, 1 };
		p = u[i].end;
	}
	if (p < b1)
		out[(*k)++] = (struct sect){ p, b1, 0 };
}

static double
sq(int64_t x)
{
	return (double)x * (double)x;
}

static double
delta2(const struct sect *g, const struct sect *h)
{
	if (g->unit && h->unit)
		return sq(g->b - h->b) + sq(g->e - h->e);
	if (g->unit && h->b <= g->b && g->e <= h->e)
		return sq(g->e - g->b);
	if (h->unit && g->b <= h->b && h->e <= g->e)
		return sq(h->e - h->b);
	return 0;
}

/* Sum of delta2 over the intersecting pairs of two partitions of a block. */
static double
pair_sum(const struct sect *x, size_t nx, const struct sect *y, size_t ny)
{
	size_t i = 0, j = 0;
	double sum = 0;

	while (i < nx && j < ny) {
		sum += delta2(&x[i], &y[j]);
		if (x[i].e < y[j].e)
			i++;
		else if (y[j].e < x[i].e)
			j++;
		else
			i++, j++;
	}
	return sum;
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/*
 * Per-value scratch, kept across values: the sections of every coder and
 * block in one array, those of (coder i, block b) from first[i * nblocks
 * + b] to first[i * nblocks + b + 1]; every gap length, sorted, with
 * gsum[k] = sum of gap[k..].
 */
struct work {
	struct sect *s;
	size_t *first;
	int64_t *gap;
	double *gsum;
	size_t scap, ngap, gapcap, gsumcap;
};

/* Sum over gaps at least l long of (l_h - l + 1). */
static double
gaps_from(const struct work *w, int64_t l)
{
	size_t lo = i64_lower_bound(w->gap, w->ngap, l);

	return w->gsum[lo] - (double)(l - 1) * (double)(w->ngap - lo);
}

/*
 * The sections of the value whose segments are seg[0..n) (sorted by coder,
 * block, start) into w: per coder and block from w->first, every gap
 * length in w->gap (unsorted). Returns D_o's numerator: delta2 summed over
 * the blocks and the ordered pairs of coders.
 */
static double
value_sections(const struct agree_useg_set *s, const struct agree_useg *seg,
    size_t n, struct work *w)
{
	int m = s->ncoders, i, j, bl;
	size_t k, at = 0;
	double num = 0;

	/* room for every unit and a gap around each, per coder and block */
	w->s = xgrow(w->s, &w->scap, 2 * n + (size_t)m * (size_t)s->nblocks + 1,
	    sizeof *w->s);
	w->gap = xgrow(w->gap, &w->gapcap, n + (size_t)m * (size_t)s->nblocks + 1,
	    sizeof *w->gap);
	w->ngap = 0;
	for (i = 0; i < m; i++)
		for (bl = 0; bl < s->nblocks; bl++) {
			size_t from = at, x = (size_t)i * (size_t)s->nblocks + (size_t)bl;
			size_t sk = w->first[x];

			while (at < n && seg[at].coder == i && seg[at].block == bl)
				at++;
			sections(seg + from, at - from, s->bbegin[bl],
			    s->bbegin[bl] + s->blen[bl], w->s, &sk);
			w->first[x + 1] = sk;
			for (k = w->first[x]; k < sk; k++)
				if (!w->s[k].unit)
					w->gap[w->ngap++] = w->s[k].e - w->s[k].b;
		}
	/* delta2 is symmetric: each unordered pair of coders counts twice */
	for (i = 0; i < m; i++)
		for (j = i + 1; j < m; j++)
			for (bl = 0; bl < s->nblocks; bl++) {
				size_t x = (size_t)i * (size_t)s->nblocks + (size_t)bl;
				size_t y = (size_t)j * (size_t)s->nblocks + (size_t)bl;
				size_t nx = w->first[x + 1] - w->first[x];
				size_t ny = w->first[y + 1] - w->first[y];

				/* two bare gaps (nobody coded the block) add 0 */
				if (nx > 1 || ny > 1)
					num += 2 * pair_sum(w->s + w->first[x], nx,
					    w->s + w->first[y], ny);
			}
	return num;
}

void
agree_usums_unit(struct agree_usums *u, int64_t l, int sign)
{
	double x = (double)l;

	u->units += sign;
	u->s1 += sign * (2 * x * x * x - 3 * x * x + x);
	u->sl += sign * x * (x - 1);
}

/* The coders among seg[0..n) (sorted by coder). */
static int
coders_of(const struct agree_useg *seg, size_t n)
{
	int32_t last = -1;
	int c = 0;
	size_t k;

	for (k = 0; k < n; k++)
		if (seg[k].coder != last)
			c++, last = seg[k].coder;
	return c;
}

/*
 * D_o and D_e of the value whose segments are seg[0..n) (sorted by coder,
 * block, start); the caller's work holds m * nblocks section lists.
 */
static void
one_value(const struct agree_useg_set *s, const struct agree_useg *seg,
    size_t n, int64_t length, struct work *w, struct agree_unitize_value *out)
{
	struct agree_usums u = {0};
	size_t k;

	if (n > 0) {
		u.num = value_sections(s, seg, n, w);
		qsort(w->gap, w->ngap, sizeof *w->gap, cmp_i64);
		w->gsum = xgrow(w->gsum, &w->gsumcap, w->ngap + 1,
		    sizeof *w->gsum);
		w->gsum[w->ngap] = 0;
		for (k = w->ngap; k-- > 0;)
			w->gsum[k] = w->gsum[k + 1] + (double)w->gap[k];
		for (k = 0; k < n; k++) {
			int64_t l = seg[k].end - seg[k].start;

			agree_usums_unit(&u, l, +1);
			u.cross += (double)l * (double)l * gaps_from(w, l);
		}
	}
	agree_unitize_value_of(&u, s->ncoders, coders_of(seg, n), length, out);
}

void
agree_unitize_value_of(const struct agree_usums *u, int m, int coders,
    int64_t length, struct agree_unitize_value *out)
{
	double ml = (double)m * (double)length, den, top;

	memset(out, 0, sizeof *out);
	out->units = u->units;
	out->coders = coders;
	if (m < 2 || length <= 0) {
		out->alpha.why = out->d_o.why = out->d_e.why = m < 2 ?
		    N_("fewer than 2 coders") : N_("no units");
		return;
	}
	if (u->units == 0) {
		out->d_o.why = out->d_e.why = out->alpha.why = N_("code not used");
		return;
	}
	top = ((double)u->units - 1) / 3 * u->s1 + u->cross;
	den = ml * (ml - 1) - u->sl;
	out->d_o.v = u->num / ((double)m * (m - 1) * (double)length *
	    (double)length);
	out->d_e.v = 2 / (double)length * top / den;
	if (!(out->d_e.v > 0)) {
		out->alpha.why = N_("no expected disagreement");
		return;
	}
	out->alpha.v = 1 - out->d_o.v / out->d_e.v;
}

void
agree_unitize_parts(const struct agree_useg_set *s, int value,
    struct agree_uparts *out)
{
	static const struct agree_useg none;
	struct work w = {0};
	size_t from = 0, to, k;

	memset(out, 0, sizeof *out);
	out->per_coder = xcalloc((size_t)s->ncoders + 1, sizeof *out->per_coder);
	while (from < s->nseg && s->seg[from].value < value)
		from++;
	for (to = from; to < s->nseg && s->seg[to].value == value; to++)
		;
	w.first = xcalloc((size_t)s->ncoders * (size_t)s->nblocks + 1,
	    sizeof *w.first);
	/* an empty set's seg is NULL, and no offset may be added to it */
	out->num = value_sections(s, from < to ? s->seg + from : &none,
	    to - from, &w);
	out->nunit = to - from;
	out->unit = xcalloc(out->nunit + 1, sizeof *out->unit);
	for (k = from; k < to; k++) {
		out->unit[k - from] = s->seg[k].end - s->seg[k].start;
		out->per_coder[s->seg[k].coder]++;
	}
	out->ngap = w.ngap;
	out->gap = w.gap;	/* handed over */
	free(w.s);
	free(w.first);
	free(w.gsum);
}

void
agree_uparts_free(struct agree_uparts *p)
{
	free(p->unit);
	free(p->gap);
	free(p->per_coder);
	memset(p, 0, sizeof *p);
}

void
agree_unitize_pool(struct agree_unitize *u)
{
	double so = 0, se = 0;
	int c, used = 0;

	memset(&u->alpha, 0, sizeof u->alpha);
	if (u->ncoders < 2 || u->length <= 0) {
		u->alpha.why = u->ncoders < 2 ? N_("fewer than 2 coders") :
		    N_("no units");
		return;
	}
	for (c = 0; c < u->nvalues; c++)
		if (u->v[c].d_e.why == NULL) {
			so += u->v[c].d_o.v;
			se += u->v[c].d_e.v;
			used++;
		}
	if (used == 0)
		u->alpha.why = N_("code not used");
	else if (!(se > 0))
		u->alpha.why = N_("no expected disagreement");
	else
		u->alpha.v = 1 - so / se;
}

void
agree_unitize(const struct agree_useg_set *s, struct agree_unitize *out)
{
	struct work w = {0};
	size_t at = 0, nsl = (size_t)s->ncoders * (size_t)s->nblocks;
	int c;

	memset(out, 0, sizeof *out);
	out->nvalues = s->nvalues;
	out->ncoders = s->ncoders;
	for (c = 0; c < s->nblocks; c++)
		out->length += s->blen[c];
	out->v = xcalloc((size_t)s->nvalues + 1, sizeof *out->v);
	if (s->ncoders < 2 || out->length <= 0) {
		const char *why = s->ncoders < 2 ? N_("fewer than 2 coders") :
		    N_("no units");

		for (c = 0; c < s->nvalues; c++)
			out->v[c].alpha.why = out->v[c].d_o.why =
			    out->v[c].d_e.why = why;
		agree_unitize_pool(out);
		return;
	}
	w.first = xcalloc(nsl + 1, sizeof *w.first);
	for (c = 0; c < s->nvalues; c++) {
		size_t from = at;

		while (at < s->nseg && s->seg[at].value == c)
			at++;
		one_value(s, from < at ? s->seg + from : NULL, at - from,
		    out->length, &w, &out->v[c]);
	}
	agree_unitize_pool(out);
	free(w.s);
	free(w.first);
	free(w.gap);
	free(w.gsum);
}

void
agree_unitize_free(struct agree_unitize *u)
{
	free(u->v);
	memset(u, 0, sizeof *u);
}
