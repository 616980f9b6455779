/*
 * agreement-segment.c: documents cut into the units of docs/agreement.md
 * §2: paragraphs (or the caller's speaker turns), sentences,
 * graphemes, documents. Decoding and grapheme clusters come from
 * libunistring; sentences follow the UAX #29 rules that matter for
 * transcripts (below), inside each paragraph.
 *
 * Sentence rules applied (UAX #29 numbering):
 *   a sentence ends after STerm or ATerm (U+002E and its variants), further
 *   terminators, Close* (quotes, brackets, Pe/Pf/Pi) and Sp*, except
 *   SB6  ATerm x Numeric          "3.5" is one sentence
 *   SB7  (Upper|Lower) ATerm x Upper   "U.S."
 *   SB8  ATerm Close* Sp* x Lower      "e.g. this"
 *   SB8a SATerm Close* Sp* x SContinue (",", ";", ":", "-", Arabic , and ;)
 * U+061F ؟ and U+06D4 ۔ are STerm (docs/agreement.md §2.3). A paragraph end
 * always ends a sentence.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unistr.h>

#include "stats/agreement-int.h"
#include "base/util.h"

static bool
is_para_break(uint32_t c)
{
	return c == '\n' || c == '\r' || c == 0x2029;
}

static bool
is_aterm(uint32_t c)
{
	return c == '.' || c == 0x2024 || c == 0xfe52 || c == 0xff0e;
}

static bool
is_sterm(uint32_t c)
{
	return c == 0x061f || c == 0x06d4 || (!is_aterm(c) && uc_is_property_sentence_terminal(c));
}

static bool
is_close(uint32_t c)
{
	return uc_is_general_category(c, UC_CATEGORY_Pe) ||
	    uc_is_general_category(c, UC_CATEGORY_Pf) ||
	    uc_is_general_category(c, UC_CATEGORY_Pi) ||
	    uc_is_property_quotation_mark(c);
}

static bool
is_scontinue(uint32_t c)
{
	return c == ',' || c == '-' || c == ':' || c == ';' || c == 0x060c ||
	    c == 0x061b || c == 0x3001 || c == 0xff0c || c == 0xff1a || c == 0xff1b;
}

static bool
is_sp(uint32_t c)
{
	return !is_para_break(c) && uc_is_property_white_space(c);
}

static bool any_sig(const struct agree_seg *s, uint32_t from, uint32_t to);

struct units {
	uint32_t *s, *e;
	size_t n, cap, cap2;
};

static void
units_add(struct units *u, const struct agree_seg *seg, uint32_t s, uint32_t e)
{
	if (s >= e || (seg->sig != NULL && !any_sig(seg, s, e)))
		return;
	u->s = xgrow(u->s, &u->cap, u->n + 1, sizeof *u->s);
	u->e = xgrow(u->e, &u->cap2, u->n + 1, sizeof *u->e);
	u->s[u->n] = s;
	u->e[u->n] = e;
	u->n++;
}

/* The sentences of the paragraph cp[ps, pe). */
static void
sentences(const uint32_t *cp, uint32_t ps, uint32_t pe, struct units *u,
    const struct agree_seg *seg)
{
	uint32_t i, start = ps;

	for (i = ps; i < pe; i++) {
		uint32_t j = i + 1;
		bool aterm = is_aterm(cp[i]);

		if (!aterm && !is_sterm(cp[i]))
			continue;
		if (aterm && j < pe && uc_is_general_category(cp[j], UC_CATEGORY_Nd))
			continue;		/* SB6 */
		if (aterm && i > ps && j < pe && uc_is_property_alphabetic(cp[i - 1]) &&
		    (uc_is_property_uppercase(cp[i - 1]) || uc_is_property_lowercase(cp[i - 1])) &&
		    uc_is_property_uppercase(cp[j]))
			continue;		/* SB7 */
		while (j < pe && (is_aterm(cp[j]) || is_sterm(cp[j])))
			aterm |= is_aterm(cp[j++]);
		while (j < pe && is_close(cp[j]))
			j++;
		while (j < pe && is_sp(cp[j]))
			j++;
		if (j < pe && is_scontinue(cp[j]))
			continue;		/* SB8a */
		if (aterm && j < pe && uc_is_property_lowercase(cp[j]))
			continue;		/* SB8 */
		units_add(u, seg, start, j);
		start = j;
		i = j - 1;
	}
	units_add(u, seg, start, pe);
}

void
agree_seg_build(const struct agree_doc *d, enum agree_unit unit, bool whitespace,
    struct agree_seg *out)
{
	size_t ncp = 0, i;
	uint32_t *cp = u8_to_u32((const uint8_t *)d->text, d->len, NULL, &ncp);
	uint32_t byte = 0;
	char *gb;
	struct units u = {0};
	bool sigmode = unit == AGREE_UNIT_PARAGRAPH || unit == AGREE_UNIT_SENTENCE ||
	    unit == AGREE_UNIT_KXK;

	if (cp == NULL && d->len > 0)
		fatal("agreement: a document is not valid UTF-8");
	memset(out, 0, sizeof *out);
	out->ncp = (uint32_t)ncp;
	if (unit == AGREE_UNIT_DOCUMENT) {
		out->nu = 1;
		out->ustart = xcalloc(1, sizeof *out->ustart);
		out->uend = xmalloc(sizeof *out->uend);
		out->uend[0] = (uint32_t)ncp;
		free(cp);
		return;
	}
	gb = xmalloc(ncp + 1);
	if (ncp > 0)
		u32_grapheme_breaks(cp, ncp, gb);
	if (sigmode) {
		out->sig = xcalloc(ncp / 64 + 1, sizeof *out->sig);
		out->cpbyte = xcalloc(ncp / AGREE_SEG_STRIDE + 1,
		    sizeof *out->cpbyte);
	}
	/* Walk the clusters: mark significant ones, or collect them as units. */
	for (i = 0; i < ncp;) {
		size_t e = i + 1, k;
		bool ns = false;

		while (e < ncp && !gb[e])
			e++;
		for (k = i; k < e && !ns; k++)
			ns = !uc_is_property_white_space(cp[k]);
		if (sigmode && ns)
			for (k = i; k < e; k++)
				out->sig[k / 64] |= UINT64_C(1) << (k % 64);
		for (k = i; sigmode && k < e; k++) {
			uint8_t u8[6];

			if (k % AGREE_SEG_STRIDE == 0)
				out->cpbyte[k / AGREE_SEG_STRIDE] = byte;
			byte += (uint32_t)u8_uctomb(u8, cp[k], sizeof u8);
		}
		if (!sigmode && (ns || whitespace))
			units_add(&u, out, (uint32_t)i, (uint32_t)e);
		i = e;
	}
	if (sigmode && d->turns != NULL) {
		uint32_t last = 0;

		for (i = 0; i < d->nturns; i++) {
			uint32_t s = d->turns[i].start, e = d->turns[i].end;

			/* Clip to the text and to the previous turn: units stay disjoint. */
			if (s < last)
				s = last;
			if (e > ncp)
				e = (uint32_t)ncp;
			if (unit == AGREE_UNIT_SENTENCE && s < e)
				sentences(cp, s, e, &u, out);
			else
				units_add(&u, out, s, e);
			if (e > last)
				last = e;
		}
	} else if (sigmode) {
		uint32_t ps = 0, j;

		for (j = 0; j <= ncp; j++) {
			if (j < ncp && !is_para_break(cp[j]))
				continue;
			if (unit == AGREE_UNIT_SENTENCE)
				sentences(cp, ps, j, &u, out);
			else
				units_add(&u, out, ps, j);
			ps = j + 1;
		}
	}
	out->nu = (uint32_t)u.n;
	/* no room is left: the units stay as they are */
	out->ustart = xrealloc(u.s, (u.n + 1) * sizeof *u.s);
	out->uend = xrealloc(u.e, (u.n + 1) * sizeof *u.e);
	free(gb);
	free(cp);
}

void
agree_seg_free(struct agree_seg *s)
{
	free(s->ustart);
	free(s->uend);
	free(s->sig);
	free(s->cpbyte);
	memset(s, 0, sizeof *s);
}

/* Whether [from, to) holds a significant code point (sig must be built). */
static bool
any_sig(const struct agree_seg *s, uint32_t from, uint32_t to)
{
	uint32_t w;

	if (to > s->ncp)
		to = s->ncp;
	if (from >= to)
		return false;
	for (w = from / 64; w <= (to - 1) / 64; w++) {
		uint64_t m = s->sig[w];

		if (w == from / 64)
			m &= ~UINT64_C(0) << (from % 64);
		if (w == (to - 1) / 64 && to % 64 != 0)
			m &= ~(~UINT64_C(0) << (to % 64));
		if (m != 0)
			return true;
	}
	return false;
}

/* The first i of a[0..n), ascending, with a[i] > x, or with at_x a[i] >= x. */
static uint32_t
first_past(const uint32_t *a, uint32_t n, uint32_t x, bool at_x)
{
	uint32_t lo = 0, hi = n;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (a[mid] > x || (at_x && a[mid] == x))
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static bool
marks(const struct agree_seg *s, uint32_t u, uint32_t start, uint32_t end)
{
	uint32_t a = start > s->ustart[u] ? start : s->ustart[u];
	uint32_t b = end < s->uend[u] ? end : s->uend[u];

	return any_sig(s, a, b);
}

void
agree_seg_range(const struct agree_seg *s, enum agree_unit unit,
    uint32_t start, uint32_t end, uint32_t *lo, uint32_t *hi)
{
	uint32_t l, h;

	agree_seg_reach(s, unit, start, end, &l, &h);
	if (unit != AGREE_UNIT_DOCUMENT && s->sig != NULL) {
		/* Only the end units can be partly outside the span. */
		while (l < h && !marks(s, l, start, end))
			l++;
		while (h > l && !marks(s, h - 1, start, end))
			h--;
	}
	*lo = l;
	*hi = h;
}

void
agree_seg_reach(const struct agree_seg *s, enum agree_unit unit,
    uint32_t start, uint32_t end, uint32_t *lo, uint32_t *hi)
{
	if (unit == AGREE_UNIT_DOCUMENT) {
		*lo = 0;
		*hi = start < end ? 1 : 0;
		return;
	}
	*lo = first_past(s->uend, s->nu, start, false);	/* ends after start */
	*hi = first_past(s->ustart, s->nu, end, true);	/* starts at end or later */
	if (*hi < *lo)
		*hi = *lo;
}

bool
agree_seg_marks(const struct agree_seg *s, uint32_t u, uint32_t start,
    uint32_t end)
{
	assert(s->sig != NULL && u < s->nu);
	return marks(s, u, start, end);
}

/*
 * Whether UAX #29 puts a grapheme cluster break between a and b whatever
 * comes before a: the rules that look further back (emoji ZWJ sequences,
 * regional-indicator pairs, Indic conjuncts) and the Hangul ones need a
 * to be ZWJ, Extend, a regional indicator or a jamo; b must extend nothing.
 */
static bool
sure_break(ucs4_t a, ucs4_t b)
{
	int pa = uc_graphemeclusterbreak_property(a);
	int pb = uc_graphemeclusterbreak_property(b);

	if (pa == GBP_CR && pb == GBP_LF)
		return false;
	if (pa == GBP_CR || pa == GBP_LF || pa == GBP_CONTROL ||
	    pb == GBP_CR || pb == GBP_LF || pb == GBP_CONTROL)
		return true;		/* GB4, GB5 */
	return pa == GBP_OTHER && pb != GBP_EXTEND && pb != GBP_ZWJ &&
	    pb != GBP_SPACINGMARK && pb != GBP_EM;
}

int
agree_text_any_sig(const struct agree_text *t, uint32_t from, uint32_t to)
{
	const uint8_t *s = (const uint8_t *)t->s, *end = s + t->len;
	const uint8_t *p = s, *pfrom, *b0, *b1, *q;
	ucs4_t a, b;
	uint32_t k = t->cp0;
	size_t n, i;
	char *gb;
	bool sig = false, ns = false;
	int step;

	assert(from >= t->cp0 && from < to);
	for (; k < from && p < end; k++)
		p += u8_mbtouc(&b, p, (size_t)(end - p));
	pfrom = p;
	for (; k < to && p < end; k++)
		p += u8_mbtouc(&b, p, (size_t)(end - p));
	if (pfrom >= p)
		return 0;
	/* out to the nearest sure breaks: the clusters there are the
	   document's own (agree_seg_build cuts the whole text) */
	for (b0 = pfrom; b0 > s; b0 = q) {
		u8_mbtouc(&b, b0, (size_t)(end - b0));
		q = u8_prev(&a, b0, s);
		if (sure_break(a, b))
			break;
	}
	for (b1 = p; b1 < end; b1 += step) {
		step = u8_mbtouc(&b, b1, (size_t)(end - b1));
		u8_prev(&a, b1, s);
		if (sure_break(a, b))
			break;
	}
	if ((b0 == s && !t->first) || (b1 == end && !t->last))
		return -1;	/* the stretch is too short to tell */
	n = (size_t)(b1 - b0);
	gb = xmalloc(n + 1);
	u8_grapheme_breaks(b0, n, gb);
	/* a cluster is significant when one of its code points is not
	   White_Space; those meeting [pfrom, p) decide */
	for (i = 0; i < n && b0 + i < p && !sig; ) {
		size_t e = i, cs = i;

		ns = false;
		do {
			e += (size_t)u8_mbtouc(&a, b0 + e, n - e);
			ns |= !uc_is_property_white_space(a);
		} while (e < n && !gb[e]);
		sig = ns && b0 + cs < p && b0 + e > pfrom;
		i = e;
	}
	free(gb);
	return sig;
}
