/*
 * agreement-units.c: the unit modes of docs/agreement.md §2 on coded
 * documents, counted incrementally.
 *
 * Model. Each document is cut into units once (agreement-segment.c). A
 * coding is stored as its span in its document's array, sorted by code,
 * coder and position: the codings of one code there are the (document,
 * code) cell. The unit range [lo, hi) a span marks is found again from
 * the segmentation when needed. Presence of a code for a coder in a unit
 * is the union of that coder's ranges (so overlapping or duplicate spans
 * count once); a sweep over the coders' merged ranges yields the cell's
 * 2x2 counts (a, b, c; d = units - a - b - c) and, with m >= 3 coders, the
 * histogram of units by how many coders applied the code. Cells keep no
 * counts: the code's, the document's and the total's are kept, and a
 * cell's own are swept when asked (agree_state_table with a document).
 *
 * Lazy. A state may start with no document cut (agree_state_new_lazy)
 * and take them one at a time (agree_state_add_doc), with their codings
 * after each: its figures are then those of the documents it holds, and
 * equal a state built with all of them once the last is in. Mode (f)
 * numbers units across documents and is built whole.
 *
 * Incremental. Adding or removing a coding changes presence only inside
 * its own unit range, so the cell is swept over [lo, hi) before and after
 * the change and the difference is added to the code's totals, to the
 * document's totals and to the grand total. Nothing else is counted
 * again. agree_state_add_codings puts a cell's new codings in at once
 * (one sweep over the units they mark). agree_state_recount() sweeps
 * every cell from scratch: the reference the tests compare against, and
 * the benchmark's full recompute.
 *
 * Mode (e) counts a cell's segments (agreements, disagreements, Holsti M,
 * N1, N2) from that cell's segments on each change.
 * Mode (f) keeps, per unit and coder, how many codes mark the unit and the
 * sum of their indices (exactly one code: the sum is the value), and the
 * k x k table of coders 0 and 1 over the units where both have one value.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "stats/agreement-int.h"
#include "stats/agreement-unitize.h"
#include "base/i18n.h"
#include "base/util.h"

const char *const agree_unit_names[6] = {
	"paragraph", "sentence", "character", "document", "overlap", "kxk"
};

int
agree_unit_parse(const char *s)
{
	return str_index(agree_unit_names, AX_ARRAY_LEN(agree_unit_names), s);
}

/*
 * A coding in its document's span array, sorted by code, coder, start,
 * end: a cell (the codings of one code) is a run of one code, and inside
 * it the spans are by coder and position, as merged() takes them. The
 * units a span marks and its graphemes (mode e) are found again from
 * start and end when needed (agree_seg_reach: two binary searches) rather
 * than kept: at 10x 1.2 million codings, each byte here a megabyte.
 * In the modes that count significant code points (a, b, f) the two end
 * units it reaches may hold only blanks of it: two trim bits, decided when
 * the span is put in (span_make), say which it leaves unmarked, so the
 * bitmap of significant code points need not be kept.
 */
#define CODER_BITS 5			/* coders: at most 32 */
#define TRIM_BITS 2
#define TRIM_FIRST 1u			/* the first unit reached is not marked */
#define TRIM_LAST 2u			/* nor the last (another one) */
struct span {
	uint32_t start, end;		/* code points */
	uint32_t key;	/* (code << CODER_BITS | coder) << TRIM_BITS | trim */
};
#define KEY_OF(code) ((uint32_t)(code) << (CODER_BITS + TRIM_BITS))

/* A document's spans. */
struct dspans {
	struct span *sp;
	uint32_t n, cap;
};

/* One cell: spans [0, n) of sp, all of one code. */
struct cell {
	const struct span *sp;
	size_t n;
};

/* Counts of a code, a document or everything; a cell's are swept when
 * asked (agree_state_table), not kept. */
struct tally {
	int64_t a, b, c;		/* modes a-d, coders 0 and 1 */
	int64_t agr, dis, m, n1, n2;	/* mode e */
	int64_t *hist;			/* hist[1..ncoders]: m >= 3 only */
	int64_t *pair;			/* m * m, i <= j: units both i and j
					   marked (i == j: i marked); m >= 3 */
};

struct ival {
	uint32_t lo, hi, coder;
};

/* What a sweep works in; the state has one, a query on a const state its
 * own. */
struct scratch {
	struct ival *iv, *mg;
	size_t ivcap, mgcap;
	struct { uint32_t pos; int32_t bit; } *ev;
	size_t evcap;
};

struct agree_state {
	struct agree_config cfg;
	int m;
	uint32_t theta_pm;		/* mode e threshold in per mille */
	size_t ndocs, ncodes, ncats;
	int32_t *code_cat;
	struct agree_seg *seg;
	bool *ready;			/* documents segmented so far */
	int64_t nunits;			/* all documents (segmented) */
	struct dspans *ds;		/* ndocs */
	struct tally *code_t, *doc_t, total;
	/* mode f */
	int64_t *unit_off;		/* first unit of each document */
	uint16_t *fn;			/* units * m: codes marking the unit */
	uint32_t *fsum;			/* units * m: sum of their indices */
	int64_t *kxk, left_out;
	int k;
	struct scratch sc;
	int64_t *h;
	agree_text_fn text;		/* NULL: every bitmap is kept */
	void *text_ctx;
	size_t newest;			/* with text: the one bitmap kept */
};

/* code << CODER_BITS | coder */
static uint32_t
span_who(const struct span *s)
{
	return s->key >> TRIM_BITS;
}

static uint32_t
span_code(const struct span *s)
{
	return span_who(s) >> CODER_BITS;
}

static uint32_t
span_coder(const struct span *s)
{
	return span_who(s) & ((UINT32_C(1) << CODER_BITS) - 1);
}

/* Order of a document's spans (the trim bits follow from the rest). */
static int
span_cmp(const struct span *a, const struct span *b)
{
	if (span_who(a) != span_who(b))
		return span_who(a) < span_who(b) ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return (a->end > b->end) - (a->end < b->end);
}

/* The first span of ds from `from` on not ordered before x. */
static size_t
span_lower(const struct dspans *ds, size_t from, const struct span *x)
{
	size_t lo = from, hi = ds->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (span_cmp(&ds->sp[mid], x) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The cell of code in doc (n == 0: no coding). */
static struct cell
cell_of(const struct agree_state *st, size_t doc, size_t code)
{
	const struct dspans *ds = &st->ds[doc];
	/* code + 1 fits the key: agree_state_new_lazy bounds ncodes */
	struct span a = { 0, 0, KEY_OF(code) };
	struct span b = { 0, 0, KEY_OF(code + 1) };
	size_t i = span_lower(ds, 0, &a), j = span_lower(ds, i, &b);

	/* no offset on a document's NULL array (UBSan) */
	return i == j ? (struct cell){ NULL, 0 } : (struct cell){ ds->sp + i, j - i };
}

/* The unit kind spans are counted in (mode f: its base's cut). */
static enum agree_unit
count_unit(const struct agree_state *st)
{
	return st->cfg.unit == AGREE_UNIT_KXK ? AGREE_UNIT_PARAGRAPH :
	    st->cfg.unit;
}

/* Whether the mode counts a unit only where a span shares a significant
 * code point with it (agree_seg_build keeps the bitmap then). */
static bool
sig_mode(const struct agree_state *st)
{
	return st->cfg.unit == AGREE_UNIT_PARAGRAPH ||
	    st->cfg.unit == AGREE_UNIT_SENTENCE || st->cfg.unit == AGREE_UNIT_KXK;
}

/* The units [*lo, *hi) span s of doc marks in the counting mode. */
static void
span_units(const struct agree_state *st, size_t doc, const struct span *s,
    uint32_t *lo, uint32_t *hi)
{
	agree_seg_reach(&st->seg[doc], count_unit(st), s->start, s->end, lo, hi);
	if (*lo < *hi && (s->key & TRIM_FIRST))
		(*lo)++;
	if (*hi > *lo && (s->key & TRIM_LAST))
		(*hi)--;
}

static void
scratch_free(struct scratch *sc)
{
	free(sc->iv);
	free(sc->mg);
	free(sc->ev);
}

static void
tally_init(const struct agree_state *st, struct tally *t)
{
	memset(t, 0, sizeof *t);
	if (st->m >= 3) {
		t->hist = xcalloc((size_t)st->m + 1, sizeof *t->hist);
		t->pair = xcalloc((size_t)st->m * (size_t)st->m, sizeof *t->pair);
	}
}

/* t += sign * d */
static void
tally_add(const struct agree_state *st, struct tally *t, const struct tally *d, int sign)
{
	int i;

	t->a += sign * d->a;
	t->b += sign * d->b;
	t->c += sign * d->c;
	t->agr += sign * d->agr;
	t->dis += sign * d->dis;
	t->m += sign * d->m;
	t->n1 += sign * d->n1;
	t->n2 += sign * d->n2;
	if (t->hist != NULL && d->hist != NULL)
		for (i = 1; i <= st->m; i++)
			t->hist[i] += sign * d->hist[i];
	if (t->pair != NULL && d->pair != NULL)
		for (i = 0; i < st->m * st->m; i++)
			t->pair[i] += sign * d->pair[i];
}

static void
tally_free(struct tally *t)
{
	free(t->hist);
	free(t->pair);
}

static void
tally_zero(const struct agree_state *st, struct tally *t)
{
	int64_t *h = t->hist, *pr = t->pair;

	memset(t, 0, sizeof *t);
	t->hist = h;
	t->pair = pr;
	if (h != NULL)
		memset(h, 0, ((size_t)st->m + 1) * sizeof *h);
	if (pr != NULL)
		memset(pr, 0, (size_t)st->m * (size_t)st->m * sizeof *pr);
}

static int
cmp_ival(const void *x, const void *y)
{
	const struct ival *a = x, *b = y;

	if (a->coder != b->coder)
		return a->coder < b->coder ? -1 : 1;
	return (a->lo > b->lo) - (a->lo < b->lo);
}

/*
 * The merged unit ranges of the coders of cell cl of doc, clipped to
 * [lo, hi), into sc->mg sorted by coder then position; coder < 0 means
 * every coder. Returns how many.
 */
static size_t
merged(const struct agree_state *st, struct scratch *sc, size_t doc,
    const struct cell *cl, uint32_t lo, uint32_t hi, int coder)
{
	size_t i, n = 0, out = 0;

	sc->iv = xgrow(sc->iv, &sc->ivcap, cl->n + 1, sizeof *sc->iv);
	for (i = 0; i < cl->n; i++) {
		const struct span *s = &cl->sp[i];
		uint32_t slo, shi;

		if (coder >= 0 && span_coder(s) != (uint32_t)coder)
			continue;
		span_units(st, doc, s, &slo, &shi);
		if (slo >= hi || shi <= lo || slo >= shi)
			continue;
		sc->iv[n].lo = slo > lo ? slo : lo;
		sc->iv[n].hi = shi < hi ? shi : hi;
		sc->iv[n].coder = span_coder(s);
		n++;
	}
	if (n > 16) {
		qsort(sc->iv, n, sizeof *sc->iv, cmp_ival);
	} else {
		/* Cells hold a few codings: insertion sort beats qsort's calls. */
		for (i = 1; i < n; i++) {
			struct ival v = sc->iv[i];
			size_t j = i;

			for (; j > 0 && cmp_ival(&sc->iv[j - 1], &v) > 0; j--)
				sc->iv[j] = sc->iv[j - 1];
			sc->iv[j] = v;
		}
	}
	sc->mg = xgrow(sc->mg, &sc->mgcap, n + 1, sizeof *sc->mg);
	for (i = 0; i < n; i++) {
		struct ival *p = out > 0 ? &sc->mg[out - 1] : NULL;

		if (p != NULL && p->coder == sc->iv[i].coder && sc->iv[i].lo <= p->hi) {
			if (sc->iv[i].hi > p->hi)
				p->hi = sc->iv[i].hi;
		} else {
			sc->mg[out++] = sc->iv[i];
		}
	}
	return out;
}

static int
cmp_ev(const void *x, const void *y)
{
	const uint32_t *a = x, *b = y;

	return (*a > *b) - (*a < *b);
}

/* Adds len units marked by the coders of mask to every pair of them. */
static void
pair_add(int m, int64_t *pair, uint32_t mask, int64_t len)
{
	int i, j;

	for (i = 0; i < m; i++) {
		if (!(mask & (UINT32_C(1) << i)))
			continue;
		for (j = i; j < m; j++)
			if (mask & (UINT32_C(1) << j))
				pair[i * m + j] += len;
	}
}

/* The 2x2 counts and histogram of a cell of doc over the units [lo, hi). */
static void
sweep(const struct agree_state *st, struct scratch *sc, size_t doc,
    const struct cell *cl, uint32_t lo, uint32_t hi, struct tally *t)
{
	size_t n = merged(st, sc, doc, cl, lo, hi, -1), i, ne = 0;
	uint32_t mask = 0, prev = 0;

	tally_zero(st, t);
	if (n == 0)
		return;
	if (st->m == 2) {
		/* Two coders: |A n B| by walking the two sorted lists. */
		size_t na = 0, j, k;
		int64_t la = 0, lb = 0, both = 0;

		while (na < n && sc->mg[na].coder == 0)
			la += sc->mg[na].hi - sc->mg[na].lo, na++;
		for (j = na; j < n; j++)
			lb += sc->mg[j].hi - sc->mg[j].lo;
		for (j = 0, k = na; j < na && k < n;) {
			uint32_t lo2 = sc->mg[j].lo > sc->mg[k].lo ? sc->mg[j].lo : sc->mg[k].lo;
			uint32_t hi2 = sc->mg[j].hi < sc->mg[k].hi ? sc->mg[j].hi : sc->mg[k].hi;

			if (hi2 > lo2)
				both += hi2 - lo2;
			if (sc->mg[j].hi < sc->mg[k].hi)
				j++;
			else
				k++;
		}
		t->a = both;
		t->b = la - both;
		t->c = lb - both;
		return;
	}
	sc->ev = xgrow(sc->ev, &sc->evcap, 2 * n, sizeof *sc->ev);
	for (i = 0; i < n; i++) {
		sc->ev[ne].pos = sc->mg[i].lo;
		sc->ev[ne++].bit = (int32_t)(sc->mg[i].coder + 1);
		sc->ev[ne].pos = sc->mg[i].hi;
		sc->ev[ne++].bit = -(int32_t)(sc->mg[i].coder + 1);
	}
	qsort(sc->ev, ne, sizeof *sc->ev, cmp_ev);
	for (i = 0; i < ne; i++) {
		uint32_t len = sc->ev[i].pos - prev;

		if (len > 0 && mask != 0) {
			if ((mask & 3) == 3)
				t->a += len;
			else if (mask & 1)
				t->b += len;
			else if (mask & 2)
				t->c += len;
			if (t->hist != NULL)
				t->hist[__builtin_popcount(mask)] += len;
			if (t->pair != NULL)
				pair_add(st->m, t->pair, mask, len);
		}
		prev = sc->ev[i].pos;
		if (sc->ev[i].bit > 0)
			mask |= UINT32_C(1) << (sc->ev[i].bit - 1);
		else
			mask &= ~(UINT32_C(1) << (-sc->ev[i].bit - 1));
	}
}

/* Non-whitespace graphemes (mode e units) with a code point in [s, e). */
static uint32_t
graphemes_in(const struct agree_seg *sg, uint32_t s, uint32_t e)
{
	uint32_t lo, hi;

	if (s >= e)
		return 0;
	agree_seg_range(sg, AGREE_UNIT_OVERLAP, s, e, &lo, &hi);
	return hi - lo;
}

struct cand {
	uint32_t ov, sstart, tstart;
	size_t s, t;
};

static int
cmp_cand(const void *x, const void *y)
{
	const struct cand *a = x, *b = y;

	if (a->ov != b->ov)
		return a->ov > b->ov ? -1 : 1;
	if (a->sstart != b->sstart)
		return a->sstart < b->sstart ? -1 : 1;
	return (a->tstart > b->tstart) - (a->tstart < b->tstart);
}

/* Mode e counts of one cell (docs/agreement.md §2.6). */
static void
overlap_cell(const struct agree_state *st, const struct agree_seg *sg,
    const struct cell *cl, struct tally *t)
{
	struct cand *cand = NULL;
	size_t ncand = 0, cap = 0, i, j;
	bool *matched = xcalloc(cl->n + 1, sizeof *matched);
	bool *paired = xcalloc(cl->n + 1, sizeof *paired);
	uint32_t *len = xcalloc(cl->n + 1, sizeof *len);

	tally_zero(st, t);
	for (i = 0; i < cl->n; i++)	/* each segment's units */
		len[i] = span_coder(&cl->sp[i]) <= 1 ?
		    graphemes_in(sg, cl->sp[i].start, cl->sp[i].end) : 0;
	for (i = 0; i < cl->n; i++) {
		const struct span *s = &cl->sp[i];

		if (span_coder(s) == 0)
			t->n1++;
		else if (span_coder(s) == 1)
			t->n2++;
		if (span_coder(s) != 0)
			continue;
		for (j = 0; j < cl->n; j++) {
			const struct span *u = &cl->sp[j];
			uint32_t a, b, ov, mx;

			if (span_coder(u) != 1 || u->start >= s->end || u->end <= s->start)
				continue;
			a = s->start > u->start ? s->start : u->start;
			b = s->end < u->end ? s->end : u->end;
			ov = graphemes_in(sg, a, b);
			mx = len[i] > len[j] ? len[i] : len[j];
			/* |s n t| >= theta max(|s|, |t|), in integers */
			if (ov == 0 || (uint64_t)ov * 1000 < (uint64_t)st->theta_pm * mx)
				continue;
			matched[i] = matched[j] = true;
			cand = xgrow(cand, &cap, ncand + 1, sizeof *cand);
			cand[ncand].ov = ov;
			cand[ncand].sstart = s->start;
			cand[ncand].tstart = u->start;
			cand[ncand].s = i;
			cand[ncand++].t = j;
		}
	}
	for (i = 0; i < cl->n; i++)
		if (span_coder(&cl->sp[i]) <= 1) {
			if (matched[i])
				t->agr++;
			else
				t->dis++;
		}
	if (ncand > 1)
		qsort(cand, ncand, sizeof *cand, cmp_cand);
	for (i = 0; i < ncand; i++)
		if (!paired[cand[i].s] && !paired[cand[i].t]) {
			paired[cand[i].s] = paired[cand[i].t] = true;
			t->m++;
		}
	free(cand);
	free(matched);
	free(paired);
	free(len);
}

/* Mode f: unit u's value from coder c, or -1. */
static int32_t
fvalue(const struct agree_state *st, int64_t u, int c)
{
	uint16_t n = st->fn[u * st->m + c];

	if (n == 1)
		return (int32_t)st->fsum[u * st->m + c];
	if (n == 0 && st->cfg.allow_none)
		return (int32_t)st->ncodes;
	return -1;
}

static void
kxk_unit(struct agree_state *st, int64_t u, int sign)
{
	int32_t a = fvalue(st, u, 0), b = fvalue(st, u, 1);

	if (a < 0 || b < 0)
		st->left_out += sign;
	else
		st->kxk[(int64_t)a * st->k + b] += sign;
}

/*
 * Mode f: coder's presence of code in the document's units [lo, hi) goes
 * from the merged ranges old[0..nold) to the current ones.
 */
static void
kxk_update(struct agree_state *st, size_t doc, uint32_t code, int coder,
    const struct ival *old, size_t nold, const struct ival *cur, size_t ncur,
    uint32_t lo, uint32_t hi)
{
	size_t i = 0, j = 0;
	uint32_t u;

	for (u = lo; u < hi; u++) {
		bool was, is;
		int64_t gu = st->unit_off[doc] + u;

		while (i < nold && old[i].hi <= u)
			i++;
		while (j < ncur && cur[j].hi <= u)
			j++;
		was = i < nold && old[i].lo <= u;
		is = j < ncur && cur[j].lo <= u;
		if (was == is)
			continue;
		if (coder <= 1)
			kxk_unit(st, gu, -1);
		st->fn[gu * st->m + coder] += is ? 1 : -1;
		st->fsum[gu * st->m + coder] += is ? code : -code;
		if (coder <= 1)
			kxk_unit(st, gu, +1);
	}
}

struct agree_state *
agree_state_new_lazy(const struct agree_config *cfg, size_t ndocs,
    size_t ncodes, const int32_t *code_category, size_t ncategories)
{
	struct agree_state *st = xcalloc(1, sizeof *st);
	size_t i;

	st->cfg = *cfg;
	st->m = cfg->ncoders < 2 ? 2 : cfg->ncoders > 32 ? 32 : cfg->ncoders;
	st->cfg.ncoders = st->m;
	st->theta_pm = cfg->theta > 0 && cfg->theta <= 1 ?
	    (uint32_t)(cfg->theta * 1000 + 0.5) : 900;
	st->cfg.theta = st->theta_pm / 1000.0;
	st->ndocs = ndocs;
	st->ncodes = ncodes;
	st->ncats = ncategories;
	st->code_cat = xcalloc(ncodes + 1, sizeof *st->code_cat);
	for (i = 0; i < ncodes; i++)
		st->code_cat[i] = code_category != NULL ? code_category[i] : -1;
	st->seg = xcalloc(ndocs + 1, sizeof *st->seg);
	st->ready = xcalloc(ndocs + 1, sizeof *st->ready);
	st->unit_off = xcalloc(ndocs + 1, sizeof *st->unit_off);
	/* a code and the next one fit a span's key */
	assert(ncodes < (UINT32_C(1) << (32 - CODER_BITS - TRIM_BITS)) - 1);
	st->ds = xcalloc(ndocs + 1, sizeof *st->ds);
	st->code_t = xcalloc(ncodes + 1, sizeof *st->code_t);
	st->doc_t = xcalloc(ndocs + 1, sizeof *st->doc_t);
	for (i = 0; i < ncodes; i++)
		tally_init(st, &st->code_t[i]);
	for (i = 0; i < ndocs; i++)
		tally_init(st, &st->doc_t[i]);
	tally_init(st, &st->total);
	st->h = xcalloc((size_t)st->m + 1, sizeof *st->h);
	return st;
}

int
agree_state_add_doc(struct agree_state *st, size_t doc, const struct agree_doc *d)
{
	enum agree_unit segunit = st->cfg.unit;

	/* mode f numbers units across documents: it has them all at once */
	if (doc >= st->ndocs || st->ready[doc] || st->kxk != NULL)
		return -1;
	if (st->cfg.unit == AGREE_UNIT_KXK)
		segunit = st->cfg.base == AGREE_UNIT_SENTENCE ?
		    AGREE_UNIT_SENTENCE : AGREE_UNIT_PARAGRAPH;
	agree_seg_build(d, segunit, st->cfg.unit == AGREE_UNIT_CHAR &&
	    st->cfg.whitespace, &st->seg[doc]);
	/* with a text source, the bitmap of the document whose codings come
	   next is the one kept (13 MB at 10x for all of them) */
	if (st->text != NULL && st->newest < st->ndocs &&
	    st->ready[st->newest]) {
		free(st->seg[st->newest].sig);
		st->seg[st->newest].sig = NULL;
	}
	st->newest = doc;
	st->ready[doc] = true;
	st->nunits += st->seg[doc].nu;
	return 0;
}

void
agree_state_text_source(struct agree_state *st, agree_text_fn fn, void *ctx)
{
	size_t d;

	st->text = fn;
	st->text_ctx = ctx;
	st->newest = st->ndocs;
	for (d = 0; fn != NULL && d < st->ndocs; d++) {	/* those cut so far */
		free(st->seg[d].sig);
		st->seg[d].sig = NULL;
	}
}

bool
agree_state_doc_ready(const struct agree_state *st, size_t doc)
{
	return doc < st->ndocs && st->ready[doc];
}

struct agree_state *
agree_state_new(const struct agree_config *cfg, const struct agree_doc *docs,
    size_t ndocs, size_t ncodes, const int32_t *code_category, size_t ncategories)
{
	struct agree_state *st = agree_state_new_lazy(cfg, ndocs, ncodes,
	    code_category, ncategories);
	size_t i;

	for (i = 0; i < ndocs; i++) {
		st->unit_off[i] = st->nunits;
		agree_state_add_doc(st, i, &docs[i]);
	}
	st->unit_off[ndocs] = st->nunits;
	if (cfg->unit == AGREE_UNIT_KXK) {
		st->k = (int)ncodes + (cfg->allow_none ? 1 : 0);
		st->fn = xcalloc((size_t)st->nunits * (size_t)st->m + 1, sizeof *st->fn);
		st->fsum = xcalloc((size_t)st->nunits * (size_t)st->m + 1, sizeof *st->fsum);
		st->kxk = xcalloc((size_t)st->k * (size_t)st->k + 1, sizeof *st->kxk);
		agree_state_recount(st);
	}
	return st;
}

void
agree_state_free(struct agree_state *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < st->ndocs; i++) {
		free(st->ds[i].sp);
		agree_seg_free(&st->seg[i]);
		tally_free(&st->doc_t[i]);
	}
	for (i = 0; i < st->ncodes; i++)
		tally_free(&st->code_t[i]);
	tally_free(&st->total);
	free(st->seg);
	free(st->ready);
	free(st->ds);
	free(st->code_t);
	free(st->doc_t);
	free(st->code_cat);
	free(st->unit_off);
	free(st->fn);
	free(st->fsum);
	free(st->kxk);
	scratch_free(&st->sc);
	free(st->h);
	free(st);
}

/* Applies the change of one cell's counts: code, document, total. */
static void
apply_delta(struct agree_state *st, size_t doc, size_t code,
    const struct tally *before, const struct tally *after)
{
	tally_add(st, &st->code_t[code], before, -1);
	tally_add(st, &st->code_t[code], after, +1);
	tally_add(st, &st->doc_t[doc], before, -1);
	tally_add(st, &st->doc_t[doc], after, +1);
	tally_add(st, &st->total, before, -1);
	tally_add(st, &st->total, after, +1);
}

/* Room for n more spans in ds: a quarter more at a time, not double (the
 * spans are most of a large state's memory). */
static void
dspans_room(struct dspans *ds, size_t n)
{
	size_t cap = ds->cap;

	assert(ds->n + n <= UINT32_MAX);
	if (ds->n + n <= cap)
		return;
	cap += cap / 4 + 4;
	if (cap < ds->n + n)
		cap = ds->n + n;
	if (cap > UINT32_MAX)
		cap = UINT32_MAX;
	ds->sp = xrealloc(ds->sp, cap * sizeof *ds->sp);
	ds->cap = (uint32_t)cap;
}

/* Puts add[0..n), sorted and of one key, into ds in order. */
static void
dspans_insert(struct dspans *ds, const struct span *add, size_t n)
{
	struct span next = { 0, 0, (span_who(&add[0]) + 1) << TRIM_BITS };
	size_t i, j, k, end;

	dspans_room(ds, n);
	i = span_lower(ds, 0, &add[0]);
	j = span_lower(ds, i, &next);	/* [i, j): the key's spans from add[0] on */
	memmove(ds->sp + j + n, ds->sp + j, (ds->n - j) * sizeof *ds->sp);
	/* merge [i, j) and add from the back into [i, j + n) */
	for (end = j + n, k = n; k > 0;) {
		if (j > i && span_cmp(&ds->sp[j - 1], &add[k - 1]) > 0)
			ds->sp[--end] = ds->sp[--j];
		else
			ds->sp[--end] = add[--k];
	}
	ds->n += (uint32_t)n;
}

/*
 * Counts the cell of code in doc again over the units [lo, hi) around an
 * edit of its spans: add[0..n) (sorted, one key) put in, or with n == 0
 * the span at index `at` of the document's array taken out. Mode f
 * follows the presence of coder, the edited spans' coder. The difference
 * goes into every total.
 */
static void
change(struct agree_state *st, size_t doc, size_t code, int coder,
    uint32_t lo, uint32_t hi, const struct span *add, size_t n, size_t at)
{
	struct dspans *ds = &st->ds[doc];
	struct tally before, after;
	struct ival *old = NULL;
	size_t nold = 0, ncur;
	struct cell cl = cell_of(st, doc, code);

	tally_init(st, &before);
	tally_init(st, &after);
	if (st->cfg.unit == AGREE_UNIT_OVERLAP)
		overlap_cell(st, &st->seg[doc], &cl, &before);
	else if (st->cfg.unit == AGREE_UNIT_KXK) {
		nold = merged(st, &st->sc, doc, &cl, lo, hi, coder);
		old = xmalloc((nold + 1) * sizeof *old);
		memcpy(old, st->sc.mg, nold * sizeof *old);
	} else if (lo < hi)
		sweep(st, &st->sc, doc, &cl, lo, hi, &before);
	if (n > 0) {
		dspans_insert(ds, add, n);
	} else {
		assert(at < ds->n);
		memmove(ds->sp + at, ds->sp + at + 1, (ds->n - at - 1) * sizeof *ds->sp);
		ds->n--;
	}
	cl = cell_of(st, doc, code);
	if (st->cfg.unit == AGREE_UNIT_OVERLAP)
		overlap_cell(st, &st->seg[doc], &cl, &after);
	else if (st->cfg.unit == AGREE_UNIT_KXK) {
		ncur = merged(st, &st->sc, doc, &cl, lo, hi, coder);
		kxk_update(st, doc, (uint32_t)code, coder, old, nold, st->sc.mg,
		    ncur, lo, hi);
	} else if (lo < hi)
		sweep(st, &st->sc, doc, &cl, lo, hi, &after);
	apply_delta(st, doc, code, &before, &after);
	tally_free(&before);
	tally_free(&after);
	free(old);
}

static bool
valid(const struct agree_state *st, const struct agree_coding *c)
{
	/* mode f without its unit arrays (a lazy state) takes no coding */
	return c->doc < st->ndocs && st->ready[c->doc] && c->code < st->ncodes &&
	    (st->cfg.unit != AGREE_UNIT_KXK || st->kxk != NULL) &&
	    c->coder < (uint32_t)st->m && c->start < c->end &&
	    c->end <= st->seg[c->doc].ncp;
}

/*
 * Whether [a, b) of doc holds a significant code point, from its text:
 * the stretch between the checkpoints (cpbyte) around it, a stride more on
 * a side the span comes near, else (a break too far) the whole text.
 * 1, 0, or -1 when the text source failed.
 */
#define NEAR_EDGE 64
static int
text_marks(struct agree_state *st, size_t doc, uint32_t a, uint32_t b)
{
	const struct agree_seg *sg = &st->seg[doc];
	uint32_t nck = (sg->ncp + AGREE_SEG_STRIDE - 1) / AGREE_SEG_STRIDE;
	uint32_t c0 = a / AGREE_SEG_STRIDE, c1 = (b - 1) / AGREE_SEG_STRIDE + 1;
	struct agree_text t;
	char *text = NULL;
	size_t off, n, len = 0;
	int r = -1, pass;

	assert(sg->cpbyte != NULL && a < b && b <= sg->ncp);
	if (c0 > 0 && a % AGREE_SEG_STRIDE < NEAR_EDGE)
		c0--;
	if (c1 < nck && b + NEAR_EDGE > c1 * AGREE_SEG_STRIDE)
		c1++;
	for (pass = 0; pass < 2 && r == -1; pass++) {
		if (pass == 1)		/* no break near enough: all of it */
			c0 = 0, c1 = nck;
		off = sg->cpbyte[c0];
		n = c1 < nck ? sg->cpbyte[c1] - off : SIZE_MAX;
		if (st->text(st->text_ctx, doc, off, n, &text, &len) != 0)
			return -1;
		t = (struct agree_text){ text, len, c0 * AGREE_SEG_STRIDE, c0 == 0,
		    c1 >= nck };
		r = agree_text_any_sig(&t, a, b);
		free(text);
		text = NULL;
	}
	assert(r != -1);	/* the whole text reaches both of its ends */
	return r;
}

/*
 * Whether span s shares a significant code point with unit u of doc: a
 * unit inside the span always does (every unit holds one); else the
 * bitmap says, or without it the text read again around the span.
 */
static int
span_marks(struct agree_state *st, size_t doc, const struct span *s,
    uint32_t u)
{
	const struct agree_seg *sg = &st->seg[doc];
	uint32_t a = s->start > sg->ustart[u] ? s->start : sg->ustart[u];
	uint32_t b = s->end < sg->uend[u] ? s->end : sg->uend[u];

	if (a == sg->ustart[u] && b == sg->uend[u])
		return 1;
	if (sg->sig != NULL)
		return agree_seg_marks(sg, u, s->start, s->end);
	return text_marks(st, doc, a, b);
}

/*
 * The span of c with its trim bits (sig modes: the end units it reaches
 * only with blanks). Returns 0, or -1 when the text source failed.
 */
static int
span_make(struct agree_state *st, const struct agree_coding *c,
    struct span *out)
{
	uint32_t lo, hi;
	int first = 1, last = 1;

	*out = (struct span){ c->start, c->end,
	    (c->code << CODER_BITS | c->coder) << TRIM_BITS };
	if (!sig_mode(st))
		return 0;
	agree_seg_reach(&st->seg[c->doc], count_unit(st), c->start, c->end,
	    &lo, &hi);
	/* only the end units can be partly outside the span */
	if (lo < hi)
		first = span_marks(st, c->doc, out, lo);
	if (first >= 0 && hi > lo + 1)
		last = span_marks(st, c->doc, out, hi - 1);
	if (first < 0 || last < 0)
		return -1;
	out->key |= (first ? 0 : TRIM_FIRST) | (last ? 0 : TRIM_LAST);
	return 0;
}

/* add[0..n) of one key into doc: one change over the units they mark. */
static void
add_run(struct agree_state *st, size_t doc, const struct span *add, size_t n)
{
	uint32_t lo = UINT32_MAX, hi = 0, l, h;
	size_t i;

	for (i = 0; i < n; i++) {
		span_units(st, doc, &add[i], &l, &h);
		if (l < h && l < lo)
			lo = l;
		if (l < h && h > hi)
			hi = h;
	}
	if (lo > hi)		/* no unit marked: no presence changes */
		lo = hi = 0;
	change(st, doc, span_code(&add[0]), (int)span_coder(&add[0]), lo, hi,
	    add, n, 0);
}

int
agree_state_add_coding(struct agree_state *st, const struct agree_coding *c)
{
	struct span s;

	if (!valid(st, c))
		return -1;
	if (span_make(st, c, &s) != 0)
		return -2;
	add_run(st, c->doc, &s, 1);
	return 0;
}

struct dspan {
	uint32_t doc;
	struct span s;
};

static int
cmp_dspan(const void *x, const void *y)
{
	const struct dspan *a = x, *b = y;

	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	return span_cmp(&a->s, &b->s);
}

size_t
agree_state_add_codings(struct agree_state *st, const struct agree_coding *c,
    size_t n)
{
	struct dspan *v = xcalloc(n + 1, sizeof *v);
	size_t i, j, nv = 0;

	for (i = 0; i < n; i++)
		if (valid(st, &c[i]) && span_make(st, &c[i], &v[nv].s) == 0)
			v[nv++].doc = c[i].doc;
	if (nv > 1)
		qsort(v, nv, sizeof *v, cmp_dspan);
	/* a run of one document and key at a time: one memmove each */
	for (i = 0; i < nv; i = j) {
		struct span *run;

		if (i == 0 || v[i].doc != v[i - 1].doc) {
			/* room for the document's at once: a document
			   added with its codings gets no slack */
			for (j = i + 1; j < nv && v[j].doc == v[i].doc; j++)
				;
			dspans_room(&st->ds[v[i].doc], j - i);
		}

		for (j = i + 1; j < nv && v[j].doc == v[i].doc &&
		    span_who(&v[j].s) == span_who(&v[i].s); j++)
			;
		run = xmalloc((j - i) * sizeof *run);
		for (size_t k = i; k < j; k++)
			run[k - i] = v[k].s;
		add_run(st, v[i].doc, run, j - i);
		free(run);
	}
	free(v);
	return n - nv;
}

int
agree_state_remove_coding(struct agree_state *st, const struct agree_coding *c)
{
	struct dspans *ds;
	struct span s;
	uint32_t lo, hi;
	size_t i;

	if (!valid(st, c))
		return -1;
	ds = &st->ds[c->doc];
	/* found by code, coder and span; its trim bits are the ones kept */
	s = (struct span){ c->start, c->end,
	    (c->code << CODER_BITS | c->coder) << TRIM_BITS };
	i = span_lower(ds, 0, &s);
	if (i == ds->n || span_cmp(&ds->sp[i], &s) != 0)
		return -1;
	span_units(st, c->doc, &ds->sp[i], &lo, &hi);
	change(st, c->doc, c->code, (int)c->coder, lo, hi, NULL, 0, i);
	return 0;
}

void
agree_state_recount(struct agree_state *st)
{
	struct tally t;
	size_t d, x, i, j;

	if (st->cfg.unit == AGREE_UNIT_KXK && st->kxk == NULL)
		return;
	tally_init(st, &t);
	for (x = 0; x < st->ncodes; x++)
		tally_zero(st, &st->code_t[x]);
	for (d = 0; d < st->ndocs; d++)
		tally_zero(st, &st->doc_t[d]);
	tally_zero(st, &st->total);
	if (st->cfg.unit == AGREE_UNIT_KXK) {
		memset(st->fn, 0, (size_t)st->nunits * (size_t)st->m * sizeof *st->fn);
		memset(st->fsum, 0, (size_t)st->nunits * (size_t)st->m * sizeof *st->fsum);
		memset(st->kxk, 0, (size_t)st->k * (size_t)st->k * sizeof *st->kxk);
		st->left_out = 0;
	}
	for (d = 0; d < st->ndocs; d++)
		for (j = 0; j < st->ds[d].n; j = x) {
			const struct span *sp = st->ds[d].sp;
			uint32_t code = span_code(&sp[j]);
			struct cell cl;

			for (x = j + 1; x < st->ds[d].n && span_code(&sp[x]) == code; x++)
				;
			cl = (struct cell){ sp + j, x - j };
			if (st->cfg.unit == AGREE_UNIT_OVERLAP) {
				overlap_cell(st, &st->seg[d], &cl, &t);
			} else if (st->cfg.unit == AGREE_UNIT_KXK) {
				size_t n = merged(st, &st->sc, d, &cl, 0,
				    st->seg[d].nu, -1);

				for (i = 0; i < n; i++) {
					uint32_t u;

					for (u = st->sc.mg[i].lo; u < st->sc.mg[i].hi; u++) {
						int64_t gu = st->unit_off[d] + u;

						st->fn[gu * st->m + st->sc.mg[i].coder]++;
						st->fsum[gu * st->m + st->sc.mg[i].coder] += code;
					}
				}
				continue;
			} else {
				sweep(st, &st->sc, d, &cl, 0, st->seg[d].nu, &t);
			}
			tally_add(st, &st->code_t[code], &t, 1);
			tally_add(st, &st->doc_t[d], &t, 1);
			tally_add(st, &st->total, &t, 1);
		}
	if (st->cfg.unit == AGREE_UNIT_KXK) {
		int64_t u;

		for (u = 0; u < st->nunits; u++)
			kxk_unit(st, u, +1);
	}
	tally_free(&t);
}

int64_t
agree_state_units(const struct agree_state *st, int64_t doc)
{
	if (doc < 0)
		return st->nunits;
	return (size_t)doc < st->ndocs ? st->seg[doc].nu : 0;
}

/* A tally over `units` units as a 2x2 table and histogram. */
static void
report(const struct agree_state *st, const struct tally *t, int64_t units,
    struct agree_cells *out, int64_t *hist)
{
	int i;

	out->a = t->a;
	out->b = t->b;
	out->c = t->c;
	out->d = units - t->a - t->b - t->c;
	if (hist == NULL)
		return;
	if (st->m == 2) {
		hist[2] = t->a;
		hist[1] = t->b + t->c;
	} else {
		for (i = 1; i <= st->m; i++)
			hist[i] = t->hist[i];
	}
	hist[0] = units;
	for (i = 1; i <= st->m; i++)
		hist[0] -= hist[i];
}

/*
 * The counts of the cell of code in doc, swept when asked: cells keep
 * none (at 10x a million cells). Modes e and f count no 2x2 table per
 * cell: zero there, as mode e's segment counts are zero in the others.
 */
static void
cell_tally(const struct agree_state *st, size_t doc, size_t code,
    struct tally *t)
{
	struct cell cl = cell_of(st, doc, code);
	struct scratch sc = {0};

	tally_init(st, t);
	if (cl.n == 0)
		return;
	if (st->cfg.unit == AGREE_UNIT_OVERLAP)
		overlap_cell(st, &st->seg[doc], &cl, t);
	else if (st->cfg.unit != AGREE_UNIT_KXK)
		sweep(st, &sc, doc, &cl, 0, st->seg[doc].nu, t);
	scratch_free(&sc);
}

void
agree_state_table(const struct agree_state *st, int64_t code, int64_t doc,
    struct agree_cells *out, int64_t *hist)
{
	struct tally t;

	memset(out, 0, sizeof *out);
	if (code < 0 || (size_t)code >= st->ncodes || (doc >= 0 && (size_t)doc >= st->ndocs))
		return;
	if (doc < 0) {
		report(st, &st->code_t[code], st->nunits, out, hist);
		return;
	}
	cell_tally(st, (size_t)doc, (size_t)code, &t);
	report(st, &t, st->seg[doc].nu, out, hist);
	tally_free(&t);
}

bool
agree_state_code_used(const struct agree_state *st, int64_t code)
{
	const struct tally *t;
	size_t d;
	int i;

	if (code < 0 || (size_t)code >= st->ncodes)
		return false;
	t = &st->code_t[code];
	if (st->cfg.unit == AGREE_UNIT_KXK) {	/* no tallies: any coding */
		for (d = 0; d < st->ndocs; d++)
			if (cell_of(st, d, (size_t)code).n > 0)
				return true;
		return false;
	}
	if (st->cfg.unit == AGREE_UNIT_OVERLAP)
		return t->n1 + t->n2 > 0;
	if (t->a + t->b + t->c > 0)
		return true;
	for (i = 1; t->hist != NULL && i <= st->m; i++)
		if (t->hist[i] > 0)
			return true;
	return false;
}

size_t
agree_state_codes_used(const struct agree_state *st)
{
	size_t x, n = 0;

	for (x = 0; x < st->ncodes; x++)
		n += agree_state_code_used(st, (int64_t)x);
	return n;
}

void
agree_state_category_table(const struct agree_state *st, int64_t cat,
    struct agree_cells *out, int64_t *hist)
{
	struct agree_cells c;
	size_t x;
	int i;

	memset(out, 0, sizeof *out);
	if (hist != NULL)
		memset(hist, 0, ((size_t)st->m + 1) * sizeof *hist);
	for (x = 0; x < st->ncodes; x++) {
		/* a code nobody used adds only agreements on absence */
		if (st->code_cat[x] != cat ||
		    !agree_state_code_used(st, (int64_t)x))
			continue;
		agree_state_table(st, (int64_t)x, -1, &c, st->h);
		out->a += c.a;
		out->b += c.b;
		out->c += c.c;
		out->d += c.d;
		for (i = 0; hist != NULL && i <= st->m; i++)
			hist[i] += st->h[i];
	}
}

void
agree_state_doc_table(const struct agree_state *st, int64_t doc,
    struct agree_cells *out, int64_t *hist)
{
	memset(out, 0, sizeof *out);
	if (doc < 0 || (size_t)doc >= st->ndocs)
		return;
	report(st, &st->doc_t[doc],
	    (int64_t)agree_state_codes_used(st) * st->seg[doc].nu, out, hist);
}

void
agree_state_total_table(const struct agree_state *st, struct agree_cells *out,
    int64_t *hist)
{
	report(st, &st->total, (int64_t)agree_state_codes_used(st) * st->nunits,
	    out, hist);
}

static void
overlap_of(const struct tally *t, struct agree_overlap *o)
{
	o->agree = t->agr;
	o->disagree = t->dis;
	o->m = t->m;
	o->n1 = t->n1;
	o->n2 = t->n2;
}

void
agree_state_overlap(const struct agree_state *st, int64_t code, int64_t doc,
    struct agree_overlap *out)
{
	struct tally t;

	memset(out, 0, sizeof *out);
	if (code < 0 || (size_t)code >= st->ncodes || (doc >= 0 && (size_t)doc >= st->ndocs))
		return;
	if (doc < 0) {
		overlap_of(&st->code_t[code], out);
		return;
	}
	cell_tally(st, (size_t)doc, (size_t)code, &t);
	overlap_of(&t, out);
	tally_free(&t);
}

void
agree_state_overlap_total(const struct agree_state *st, struct agree_overlap *out)
{
	overlap_of(&st->total, out);
}

void
agree_overlap_figures(const struct agree_overlap *o, int q, struct agree_fig *po,
    struct agree_holsti *h, struct agree_fig *bp)
{
	int64_t n = o->agree + o->disagree;

	agree_holsti(o->m, o->n1, o->n2, h);
	if (n == 0) {
		po->v = bp->v = 0;
		po->why = bp->why = N_("no units");
		return;
	}
	po->v = (double)o->agree / (double)n;
	po->why = NULL;
	if (q < 2) {
		bp->v = 0;
		bp->why = N_("q < 2");
		return;
	}
	bp->v = (po->v - 1.0 / q) / (1 - 1.0 / q);
	bp->why = NULL;
}

int
agree_state_kxk(const struct agree_state *st, int64_t *cells, int64_t *left_out)
{
	if (st->cfg.unit != AGREE_UNIT_KXK || st->kxk == NULL)
		return -1;
	memcpy(cells, st->kxk, (size_t)st->k * (size_t)st->k * sizeof *cells);
	*left_out = st->left_out;
	return st->k;
}

void
agree_state_values(const struct agree_state *st, struct agree_data *out)
{
	int64_t u;
	size_t d;
	int c;

	memset(out, 0, sizeof *out);
	if (st->cfg.unit != AGREE_UNIT_KXK || st->kxk == NULL)
		return;
	out->nunits = st->nunits;
	out->ncoders = st->m;
	out->ncats = st->k;
	out->val = xmalloc(((size_t)st->nunits * (size_t)st->m + 1) * sizeof *out->val);
	out->unit = xcalloc((size_t)st->nunits + 1, sizeof *out->unit);
	out->coder = xcalloc((size_t)st->m + 1, sizeof *out->coder);
	out->cat = xcalloc((size_t)st->k + 1, sizeof *out->cat);
	for (d = 0; d < st->ndocs; d++)
		for (u = st->unit_off[d]; u < st->unit_off[d + 1]; u++)
			out->unit[u] = xasprintf("%zu:%lld", d, (long long)(u - st->unit_off[d]));
	for (c = 0; c < st->m; c++)
		out->coder[c] = xasprintf("%d", c);
	for (c = 0; c < st->k; c++)
		out->cat[c] = (size_t)c < st->ncodes ? xasprintf("%d", c) : xstrdup("none");
	for (u = 0; u < st->nunits; u++)
		for (c = 0; c < st->m; c++)
			out->val[u * st->m + c] = fvalue(st, u, c);
}

const struct agree_config *
agree_state_config(const struct agree_state *st)
{
	return &st->cfg;
}

void
agree_state_size(const struct agree_state *st, size_t *ndocs, size_t *ncodes,
    size_t *ncategories)
{
	*ndocs = st->ndocs;
	*ncodes = st->ncodes;
	*ncategories = st->ncats;
}

int64_t
agree_state_code_category(const struct agree_state *st, int64_t code)
{
	if (code < 0 || (size_t)code >= st->ncodes)
		return -1;
	return st->code_cat[code];
}

/*
 * The codings of documents [d0, d1) as unitizing segments
 * (agreement-unitize.h): one block per document in code points, laid end
 * to end from 0 in document order; value = code index, or with code >= 0
 * that code's codings alone as value 0. Overlapping codings of one coder
 * and code are joined, as every mode here joins them.
 */
static void
usegs(const struct agree_state *st, int64_t code, size_t d0, size_t d1,
    struct agree_useg_set *out)
{
	int64_t off = 0;
	size_t d, i, k0 = code < 0 ? 0 : (size_t)code;
	size_t k1 = code < 0 ? st->ncodes : k0 + 1;

	memset(out, 0, sizeof *out);
	out->ncoders = st->m;
	out->nvalues = (int)(k1 - k0);
	for (d = d0; d < d1; d++) {
		/* every code: the document's spans; one: its cell */
		struct cell c = code < 0 ? (struct cell){ st->ds[d].sp, st->ds[d].n } :
		    cell_of(st, d, k0);

		agree_useg_block(out, off, st->seg[d].ncp);
		for (i = 0; i < c.n; i++) {
			struct agree_useg g = { (int32_t)(d - d0),
			    (int32_t)span_coder(&c.sp[i]),
			    (int32_t)(span_code(&c.sp[i]) - k0),
			    off + c.sp[i].start, off + c.sp[i].end, 0 };
			const char *err;

			(void)agree_useg_add(out, &g, &err);
		}
		off += st->seg[d].ncp;
	}
	agree_useg_merge(out);
}

void
agree_state_usegs(const struct agree_state *st, int64_t code,
    struct agree_useg_set *out)
{
	usegs(st, code, 0, st->ndocs, out);
}

void
agree_state_doc_usegs(const struct agree_state *st, size_t doc,
    struct agree_useg_set *out)
{
	usegs(st, -1, doc, doc < st->ndocs ? doc + 1 : doc, out);
}

void
agree_state_doc_code_usegs(const struct agree_state *st, size_t doc,
    int64_t code, struct agree_useg_set *out)
{
	assert(code >= 0);
	usegs(st, code, doc, doc < st->ndocs ? doc + 1 : doc, out);
}

/* Pair counts of m >= 3 coders, pooled as the tables above pool theirs. */
int64_t
agree_state_pairs(const struct agree_state *st, enum agree_by by, int64_t i,
    int64_t *pair)
{
	size_t mm = (size_t)st->m * (size_t)st->m, x, k;
	int64_t used = (int64_t)agree_state_codes_used(st), n = 0;
	const struct tally *t = NULL;

	if (st->m < 3)
		return 0;
	memset(pair, 0, mm * sizeof *pair);
	if (i < 0) {
		t = &st->total;
		n = used * st->nunits;
	} else if (by == AGREE_BY_CODE && (size_t)i < st->ncodes) {
		t = &st->code_t[i];
		n = st->nunits;
	} else if (by == AGREE_BY_DOCUMENT && (size_t)i < st->ndocs) {
		t = &st->doc_t[i];
		n = used * st->seg[i].nu;
	} else if (by == AGREE_BY_CATEGORY) {
		for (x = 0; x < st->ncodes; x++) {
			if (st->code_cat[x] != i ||
			    !agree_state_code_used(st, (int64_t)x))
				continue;
			for (k = 0; k < mm; k++)
				pair[k] += st->code_t[x].pair[k];
			n += st->nunits;
		}
		return n;
	}
	if (t == NULL || t->pair == NULL)
		return 0;
	memcpy(pair, t->pair, mm * sizeof *pair);
	return n;
}
