/*
 * agreement-ualpha.c: u-alpha and |u-alpha of Krippendorff, Mathet, Bouvry
 * and Widlöcher (2016; Krippendorff 2019, sect. 12.6, eqs. 34 and 35);
 * docs/agreement.md §3.12.
 *
 * Each of the m coders cuts the continuum (length L, the blocks summed)
 * into units, each with one value c, and gaps, the value phi. With l_icg
 * the length of coder i's unit g of value c:
 *   l_ck = 1/(m-1) sum_{i != j} sum_g sum_h |unit_icg  ^  unit_jkh|
 *   l_c. = n_c, the length of c summed over coders;  l.. = m L
 *   e_ck = l.. (n_c n_k - [c = k] S_c) / (l..^2 - sum_c S_c)
 *   S_c = sum_ig l_icg^2 for a value, S_phi = n_phi (a gap, not a unit,
 *         pairs with itself only position by position)
 *   u-alpha  = 1 - (l.. - sum_c l_cc) / (l.. - sum_c e_cc)
 *   |u-alpha = the same of the matrices collapsed to phi / not phi:
 *            = 1 - 2 (n_phi - l_phiphi) / (2 e_phi,notphi)
 * Only the diagonal of l is needed: l_c. = n_c because every position of
 * one coder meets exactly one section of each other coder, and
 * |gap_i ^ gap_j| = L - U_i - U_j + |units_i ^ units_j| (U_i the length
 * coder i's units cover), so gaps never need to be built and blocks,
 * which units never cross, do not matter.
 *
 * Every quantity above is a sum of lengths over the continuum, and units
 * never cross a block: the sums (struct agree_ualpha_sums, integers, so
 * adding and taking away is exact) of a set are the sums of its blocks',
 * and a live view keeps them current by taking a changed document's out
 * and putting them back after the change.
 *
 * Invariant: the figures are computed only when every coder's segments are
 * disjoint (no block counted in overlaps); a copy sorted by (coder, start)
 * makes each pair of coders one merge of two sorted lists, O(n) per pair.
 */
#include <stdlib.h>
#include <string.h>

#include "stats/agreement-ualpha.h"
#include "base/i18n.h"
#include "base/util.h"

static int
cmp_coder_start(const void *a, const void *b)
{
	const struct agree_useg *x = a, *y = b;

	if (x->coder != y->coder)
		return x->coder < y->coder ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end > y->end) - (x->end < y->end);
}

/*
 * Lengths where two coders' sorted disjoint units x and y meet: in *any,
 * whatever the values; in *same, where the values are equal.
 */
static void
meet(const struct agree_useg *x, size_t nx, const struct agree_useg *y,
    size_t ny, int64_t *any, int64_t *same)
{
	size_t i = 0, j = 0;

	while (i < nx && j < ny) {
		int64_t b = x[i].start > y[j].start ? x[i].start : y[j].start;
		int64_t e = x[i].end < y[j].end ? x[i].end : y[j].end;

		if (e > b) {
			*any += e - b;
			if (x[i].value == y[j].value)
				*same += e - b;
		}
		if (x[i].end < y[j].end)
			i++;
		else
			j++;
	}
}

void
agree_ualpha_sums_init(struct agree_ualpha_sums *u, int m, int nvalues)
{
	memset(u, 0, sizeof *u);
	u->m = m;
	u->nvalues = nvalues;
	u->cover = xcalloc((size_t)m + 1, sizeof *u->cover);
	u->nc = xcalloc((size_t)nvalues + 1, sizeof *u->nc);
	u->sq = xcalloc((size_t)nvalues + 1, sizeof *u->sq);
	u->any = xcalloc((size_t)m * (size_t)m + 1, sizeof *u->any);
	u->same = xcalloc((size_t)m * (size_t)m + 1, sizeof *u->same);
}

void
agree_ualpha_sums_free(struct agree_ualpha_sums *u)
{
	free(u->cover);
	free(u->nc);
	free(u->sq);
	free(u->any);
	free(u->same);
	memset(u, 0, sizeof *u);
}

void
agree_ualpha_sums_add(struct agree_ualpha_sums *u,
    const struct agree_useg_set *s, int sign)
{
	struct agree_useg *g;
	size_t *first, k;
	int m = u->m, i, j;

	for (i = 0; i < s->nblocks; i++)
		u->length += sign * s->blen[i];
	g = xcalloc(s->nseg + 1, sizeof *g);
	if (s->nseg > 0)
		memcpy(g, s->seg, s->nseg * sizeof *g);
	qsort(g, s->nseg, sizeof *g, cmp_coder_start);
	for (k = 1; k < s->nseg; k++)
		if (g[k].coder == g[k - 1].coder && g[k].start < g[k - 1].end) {
			u->overlaps += sign;
			break;
		}
	first = xcalloc((size_t)m + 2, sizeof *first);
	for (k = 0; k < s->nseg; k++) {
		int64_t l = g[k].end - g[k].start;

		if (g[k].coder >= m)
			break;		/* sorted by coder: the rest are not counted */
		first[g[k].coder + 1] = k + 1;
		u->cover[g[k].coder] += sign * l;
		if (g[k].value < u->nvalues) {
			u->nc[g[k].value] += sign * l;
			u->sq[g[k].value] += sign * l * l;
		}
	}
	/* a coder without segments starts where the one before ended */
	for (i = 1; i <= m; i++)
		if (first[i] < first[i - 1])
			first[i] = first[i - 1];
	for (i = 0; i < m; i++)
		for (j = i + 1; j < m; j++) {
			int64_t any = 0, same = 0;

			meet(g + first[i], first[i + 1] - first[i], g + first[j],
			    first[j + 1] - first[j], &any, &same);
			u->any[i * m + j] += sign * any;
			u->same[i * m + j] += sign * same;
		}
	free(first);
	free(g);
}

void
agree_ualpha_of_sums(const struct agree_ualpha_sums *u, struct agree_ualpha *out)
{
	double L = (double)u->length, ml, nphi, S, den, diag = 0, gapgap = 0;
	double ediag, de;
	int m = u->m, i, j, c;

	memset(out, 0, sizeof *out);
	if (m < 2) {
		out->u.why = N_("fewer than 2 coders");
		goto undefined;
	}
	if (!(L > 0)) {
		out->u.why = N_("no units");
		goto undefined;
	}
	if (u->overlaps > 0) {
		out->u.why = N_("a coder's segments overlap (u-alpha needs one value per position)");
		goto undefined;
	}
	for (i = 0; i < m; i++)
		for (j = i + 1; j < m; j++) {
			diag += (double)u->same[i * m + j];
			gapgap += L - (double)u->cover[i] - (double)u->cover[j] +
			    (double)u->any[i * m + j];
		}
	ml = (double)m * L;
	/* each unordered pair of coders counts twice in l_cc */
	diag = 2 * diag / (m - 1);
	gapgap = 2 * gapgap / (m - 1);
	nphi = ml;
	for (i = 0; i < m; i++)
		nphi -= (double)u->cover[i];
	S = nphi;
	ediag = nphi * nphi - nphi;
	for (c = 0; c < u->nvalues; c++) {
		double nc = (double)u->nc[c], sq = (double)u->sq[c];

		S += sq;
		ediag += nc * nc - sq;
	}
	den = ml * ml - S;
	if (!(den > 0)) {
		out->u.why = N_("no expected disagreement");
		goto undefined;
	}
	de = ml - ml * ediag / den;
	if (de > 0)
		out->u.v = 1 - (ml - diag - gapgap) / de;
	else
		out->u.why = N_("no expected disagreement");
	de = 2 * ml * nphi * (ml - nphi) / den;
	if (de > 0)
		out->binary.v = 1 - 2 * (nphi - gapgap) / de;
	else
		out->binary.why = nphi < ml ? N_("no gaps: every coder's units cover the continuum") :
		    N_("no units");
	return;
undefined:
	out->binary.why = out->u.why;
}

void
agree_ualpha(const struct agree_useg_set *s, struct agree_ualpha *out)
{
	struct agree_ualpha_sums u;

	agree_ualpha_sums_init(&u, s->ncoders, s->nvalues);
	agree_ualpha_sums_add(&u, s, +1);
	agree_ualpha_of_sums(&u, out);
	agree_ualpha_sums_free(&u);
}
