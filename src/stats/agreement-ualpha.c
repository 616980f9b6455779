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
 * Invariant: the figures are computed only when every coder's segments are
 * disjoint; a copy sorted by (coder, start) makes each pair of coders one
 * merge of two sorted lists, O(n) per pair.
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
    size_t ny, double *any, double *same)
{
	size_t i = 0, j = 0;

	while (i < nx && j < ny) {
		int64_t b = x[i].start > y[j].start ? x[i].start : y[j].start;
		int64_t e = x[i].end < y[j].end ? x[i].end : y[j].end;

		if (e > b) {
			*any += (double)(e - b);
			if (x[i].value == y[j].value)
				*same += (double)(e - b);
		}
		if (x[i].end < y[j].end)
			i++;
		else
			j++;
	}
}

void
agree_ualpha(const struct agree_useg_set *s, struct agree_ualpha *out)
{
	struct agree_useg *g = NULL;
	size_t *first = NULL, k;
	double *nc = NULL, *sq = NULL, *cover = NULL;
	double L = 0, ml, nphi, S, den, diag = 0, gapgap = 0, ediag, de;
	int m = s->ncoders, i, j, c;

	memset(out, 0, sizeof *out);
	for (c = 0; c < s->nblocks; c++)
		L += (double)s->blen[c];
	if (m < 2) {
		out->u.why = N_("fewer than 2 coders");
		goto undefined;
	}
	if (!(L > 0)) {
		out->u.why = N_("no units");
		goto undefined;
	}
	g = xcalloc(s->nseg + 1, sizeof *g);
	if (s->nseg > 0)
		memcpy(g, s->seg, s->nseg * sizeof *g);
	qsort(g, s->nseg, sizeof *g, cmp_coder_start);
	for (k = 1; k < s->nseg; k++)
		if (g[k].coder == g[k - 1].coder && g[k].start < g[k - 1].end) {
			out->u.why = N_("a coder's segments overlap (u-alpha needs one value per position)");
			goto undefined;
		}
	first = xcalloc((size_t)m + 1, sizeof *first);
	cover = xcalloc((size_t)m, sizeof *cover);
	nc = xcalloc((size_t)s->nvalues + 1, sizeof *nc);
	sq = xcalloc((size_t)s->nvalues + 1, sizeof *sq);
	for (k = 0; k < s->nseg; k++) {
		double l = (double)(g[k].end - g[k].start);

		first[g[k].coder + 1] = k + 1;
		cover[g[k].coder] += l;
		nc[g[k].value] += l;
		sq[g[k].value] += l * l;
	}
	/* a coder without segments starts where the one before ended */
	for (i = 1; i <= m; i++)
		if (first[i] < first[i - 1])
			first[i] = first[i - 1];

	for (i = 0; i < m; i++)
		for (j = i + 1; j < m; j++) {
			double any = 0, same = 0;

			meet(g + first[i], first[i + 1] - first[i], g + first[j],
			    first[j + 1] - first[j], &any, &same);
			diag += same;
			gapgap += L - cover[i] - cover[j] + any;
		}
	ml = (double)m * L;
	/* each unordered pair of coders counts twice in l_cc */
	diag = 2 * diag / (m - 1);
	gapgap = 2 * gapgap / (m - 1);
	nphi = ml;
	for (i = 0; i < m; i++)
		nphi -= cover[i];
	S = nphi;
	ediag = nphi * nphi - nphi;
	for (c = 0; c < s->nvalues; c++) {
		S += sq[c];
		ediag += nc[c] * nc[c] - sq[c];
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
	goto done;
undefined:
	out->binary.why = out->u.why;
done:
	free(g);
	free(first);
	free(cover);
	free(nc);
	free(sq);
}
