/*
 * agreement-ulive.c: alpha_U per code and u-alpha kept current
 * (agreement-ulive.h).
 *
 * A code's alpha_U is kept by its parts (struct agree_usums, with every
 * unit and gap length sorted): computed from every document once
 * (ucode_from), then moved by a change to one document's codings of the
 * code: that document's units and gaps out before, in after (ucode_doc),
 * each unit paired with the gaps as long or longer, each gap with the
 * units as short or shorter. The cost of a change is that of one code's
 * lengths, not of every document's codings.
 *
 * Invariants: unless marked[code], uc[code] holds the parts of the state's
 * current codings of code and v[code] its figures; sums equals
 * agree_ualpha_sums of every document the state holds. Both hold after
 * each agree_ulive_change(+1) (or agree_ulive_doc(+1) and
 * agree_ulive_code) that follows a change, which the caller brackets.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "stats/agreement-ulive.h"
#include "base/util.h"

/* One code's parts: sums and the lengths they pair, sorted. A length is
 * at most its document's, which a uint32_t holds (struct agree_seg): half
 * the memory of int64_t, at 10x 18 MB of the pane's. */
struct ucode {
	struct agree_usums sum;
	uint32_t *unit, *gap;
	size_t nunit, ngap, ucap, gcap;
	int64_t *per_coder;		/* m: units of each coder */
};

struct agree_ulive {
	size_t ncodes;
	int m;
	struct agree_unitize_value *v;	/* ncodes */
	struct ucode *uc;		/* ncodes */
	int64_t length;			/* L when the parts were computed */
	bool *marked;
	size_t nmarked;
	size_t next;			/* where agree_ulive_step looks first */
	struct agree_ualpha_sums sums;
};

struct agree_ulive *
agree_ulive_new(const struct agree_state *st)
{
	struct agree_ulive *ul = xcalloc(1, sizeof *ul);
	size_t ndocs, ncats, d;

	agree_state_size(st, &ndocs, &ul->ncodes, &ncats);
	ul->m = agree_state_config(st)->ncoders;
	ul->v = xcalloc(ul->ncodes + 1, sizeof *ul->v);
	ul->marked = xcalloc(ul->ncodes + 1, sizeof *ul->marked);
	ul->uc = xcalloc(ul->ncodes + 1, sizeof *ul->uc);
	agree_ualpha_sums_init(&ul->sums, ul->m, (int)ul->ncodes);
	for (d = 0; d < ndocs; d++)
		agree_ulive_doc(ul, st, d, +1);
	agree_ulive_code(ul, -1);
	return ul;
}

void
agree_ulive_free(struct agree_ulive *ul)
{
	if (ul == NULL)
		return;
	size_t k;

	agree_ualpha_sums_free(&ul->sums);
	for (k = 0; k < ul->ncodes; k++) {
		free(ul->uc[k].unit);
		free(ul->uc[k].gap);
		free(ul->uc[k].per_coder);
	}
	free(ul->uc);
	free(ul->v);
	free(ul->marked);
	free(ul);
}

void
agree_ulive_doc(struct agree_ulive *ul, const struct agree_state *st,
    size_t doc, int sign)
{
	struct agree_useg_set s;

	if (!agree_state_doc_ready(st, doc))
		return;
	agree_state_doc_usegs(st, doc, &s);
	agree_ualpha_sums_add(&ul->sums, &s, sign);
	agree_useg_free(&s);
}

void
agree_ulive_code(struct agree_ulive *ul, int64_t code)
{
	size_t k;

	if (code >= 0 && (size_t)code < ul->ncodes && !ul->marked[code]) {
		ul->marked[code] = true;
		ul->nmarked++;
	} else if (code < 0) {
		for (k = 0; k < ul->ncodes; k++)
			ul->marked[k] = true;
		ul->nmarked = ul->ncodes;
	}
}

static int
cmp_len(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* Lengths of agree_unitize_parts, as the parts keep them. */
static uint32_t *
len_narrow(const int64_t *v, size_t n)
{
	uint32_t *w = xmalloc((n + 1) * sizeof *w);
	size_t i;

	for (i = 0; i < n; i++) {
		assert(v[i] >= 0 && v[i] <= UINT32_MAX);	/* within a document */
		w[i] = (uint32_t)v[i];
	}
	return w;
}

static void
len_insert(uint32_t **v, size_t *n, size_t *cap, int64_t x)
{
	size_t at;

	assert(x >= 0 && x <= UINT32_MAX);
	if (*n == *cap) {	/* a sixteenth more: ucode_from leaves no
				   room, and every code edited gets this much */
		*cap += *cap / 16 + 64;
		*v = xrealloc(*v, *cap * sizeof **v);
	}
	at = u32_lower_bound(*v, *n, x);
	memmove(*v + at + 1, *v + at, (*n - at) * sizeof **v);
	(*v)[at] = (uint32_t)x;
	(*n)++;
}

static void
len_remove(uint32_t *v, size_t *n, int64_t x)
{
	size_t at = u32_lower_bound(v, *n, x);

	assert(at < *n && v[at] == x);	/* the parts hold what is taken out */
	memmove(v + at, v + at + 1, (*n - at - 1) * sizeof *v);
	(*n)--;
}

/* cross's share of a unit of length l: l^2 (l_h - l + 1) over gaps l_h >= l. */
static double
unit_cross(const struct ucode *u, int64_t l)
{
	size_t k;
	double sum = 0;

	for (k = u32_lower_bound(u->gap, u->ngap, l); k < u->ngap; k++)
		sum += (double)((int64_t)u->gap[k] - l + 1);
	return (double)l * (double)l * sum;
}

/* cross's share of a gap of length h: over units l <= h. */
static double
gap_cross(const struct ucode *u, int64_t h)
{
	size_t k, end = u32_lower_bound(u->unit, u->nunit, h + 1);
	double sum = 0;

	for (k = 0; k < end; k++) {
		double l = (double)u->unit[k];

		sum += l * l * (double)(h - (int64_t)u->unit[k] + 1);
	}
	return sum;
}

static void
ucode_value(struct agree_ulive *ul, size_t code)
{
	const struct ucode *u = &ul->uc[code];
	int i, coders = 0;

	for (i = 0; i < ul->m; i++)
		coders += u->per_coder[i] > 0;
	agree_unitize_value_of(&u->sum, ul->m, coders, ul->length,
	    &ul->v[code]);
}

/* The parts of code from every document of st. */
static void
ucode_from(struct agree_ulive *ul, const struct agree_state *st, size_t code)
{
	struct ucode *u = &ul->uc[code];
	struct agree_useg_set s;
	struct agree_uparts p;
	size_t k, g = 0;
	double above = 0;	/* sum of (l_h + 1) over gaps from g on */
	int b;

	agree_state_usegs(st, (int64_t)code, &s);
	agree_unitize_parts(&s, 0, &p);
	ul->length = 0;
	for (b = 0; b < s.nblocks; b++)
		ul->length += s.blen[b];
	free(u->unit);
	free(u->gap);
	free(u->per_coder);
	memset(u, 0, sizeof *u);
	u->unit = len_narrow(p.unit, p.nunit);
	u->nunit = u->ucap = p.nunit;
	u->gap = len_narrow(p.gap, p.ngap);
	u->ngap = u->gcap = p.ngap;
	u->per_coder = p.per_coder;
	u->sum.num = p.num;
	free(p.unit);
	free(p.gap);
	qsort(u->unit, u->nunit, sizeof *u->unit, cmp_len);
	qsort(u->gap, u->ngap, sizeof *u->gap, cmp_len);
	for (k = 0; k < u->ngap; k++)
		above += (double)u->gap[k] + 1;
	/* units ascending: the gaps as long as each are a shrinking suffix */
	for (k = 0; k < u->nunit; k++) {
		int64_t l = u->unit[k];

		while (g < u->ngap && u->gap[g] < l)
			above -= (double)u->gap[g++] + 1;
		agree_usums_unit(&u->sum, l, +1);
		u->sum.cross += (double)l * (double)l *
		    (above - (double)l * (double)(u->ngap - g));
	}
	agree_useg_free(&s);
	ucode_value(ul, code);
}

/* One document's share of code out of its parts (sign -1) or in (+1). */
static void
ucode_doc(struct agree_ulive *ul, const struct agree_state *st, size_t doc,
    size_t code, int sign)
{
	struct ucode *u = &ul->uc[code];
	struct agree_useg_set s;
	struct agree_uparts p;
	size_t k;
	int i;

	agree_state_doc_code_usegs(st, doc, (int64_t)code, &s);
	agree_unitize_parts(&s, 0, &p);
	/* out: units against every gap, then gaps against the rest of the
	   units; in: the reverse, so no pair is counted twice or missed */
	if (sign < 0) {
		for (k = 0; k < p.nunit; k++) {
			u->sum.cross -= unit_cross(u, p.unit[k]);
			len_remove(u->unit, &u->nunit, p.unit[k]);
			agree_usums_unit(&u->sum, p.unit[k], -1);
		}
		for (k = 0; k < p.ngap; k++) {
			u->sum.cross -= gap_cross(u, p.gap[k]);
			len_remove(u->gap, &u->ngap, p.gap[k]);
		}
	} else {
		for (k = 0; k < p.ngap; k++) {
			u->sum.cross += gap_cross(u, p.gap[k]);
			len_insert(&u->gap, &u->ngap, &u->gcap, p.gap[k]);
		}
		for (k = 0; k < p.nunit; k++) {
			u->sum.cross += unit_cross(u, p.unit[k]);
			len_insert(&u->unit, &u->nunit, &u->ucap, p.unit[k]);
			agree_usums_unit(&u->sum, p.unit[k], +1);
		}
	}
	u->sum.num += sign * p.num;
	for (i = 0; i < ul->m && i < s.ncoders; i++)
		u->per_coder[i] += sign * p.per_coder[i];
	agree_uparts_free(&p);
	agree_useg_free(&s);
}

void
agree_ulive_change(struct agree_ulive *ul, const struct agree_state *st,
    size_t doc, int64_t code, int sign)
{
	agree_ulive_doc(ul, st, doc, sign);
	if (code < 0 || (size_t)code >= ul->ncodes || ul->marked[code] ||
	    !agree_state_doc_ready(st, doc)) {
		if (sign > 0)
			agree_ulive_code(ul, code);
		return;
	}
	ucode_doc(ul, st, doc, (size_t)code, sign);
	if (sign > 0)
		ucode_value(ul, (size_t)code);
}

size_t
agree_ulive_step(struct agree_ulive *ul, const struct agree_state *st,
    uint64_t budget_ns)
{
	uint64_t t0 = clock_ns();
	size_t k, done = 0;

	for (k = 0; k < ul->ncodes && ul->nmarked > 0; k++) {
		size_t x = (ul->next + k) % ul->ncodes;

		if (!ul->marked[x])
			continue;
		/* at least one code a call, so a slice always moves on */
		if (budget_ns > 0 && done > 0 && clock_ns() - t0 >= budget_ns) {
			ul->next = x;
			break;
		}
		ucode_from(ul, st, x);
		ul->marked[x] = false;
		ul->nmarked--;
		done++;
	}
	return ul->nmarked;
}

size_t
agree_ulive_marked(const struct agree_ulive *ul)
{
	return ul->nmarked;
}

bool
agree_ulive_figures(const struct agree_ulive *ul, struct agree_unitize *uz,
    struct agree_ualpha *ua)
{
	memset(uz, 0, sizeof *uz);
	uz->nvalues = (int)ul->ncodes;
	uz->ncoders = ul->m;
	uz->length = ul->sums.length;
	uz->v = xcalloc(ul->ncodes + 1, sizeof *uz->v);
	if (ul->ncodes > 0)
		memcpy(uz->v, ul->v, ul->ncodes * sizeof *uz->v);
	agree_unitize_pool(uz);
	agree_ualpha_of_sums(&ul->sums, ua);
	return ul->nmarked == 0;
}
