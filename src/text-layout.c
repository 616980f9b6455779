/*
 * text-layout.c: one paragraph at one width (bidi.md §4.3).
 *
 * Pipeline, all on the logical code points cp[0..n) of the paragraph:
 *
 *   1. display filter: a kind per code point (text-filter.c);
 *   2. UBA levels for the whole paragraph (FriBidi, with bracket pairs), on
 *      the unfiltered text, so controls act as UAX #9 says;
 *   3. shaping on a logical copy (presentation forms, never the lam-alef
 *      ligature, so the copy stays 1:1) and mirroring at odd levels;
 *   4. units: a spacing character plus the zero-width characters after it
 *      (marks, ZWNJ, LRM...). A unit is one cell, never split by a line;
 *   5. greedy wrapping of units at UAX #14 opportunities (libunistring);
 *      a word longer than the line is cut at a grapheme boundary; spaces
 *      that do not fit hang past the end with zero columns;
 *   6. per line, fribidi_reorder_line (L1, L2, marks after base) on the
 *      paragraph-sized map, then cells in visual order, each carrying the
 *      logical range of its unit.
 *
 * Logical: cp indexes, unit starts, line [start, end), cell [start, end)
 * (those two as document offsets). Visual: the map after reordering, the
 * order of cells in a line, columns.
 */
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>

#include "axial/util.h"
#include "text-int.h"

#define NONE ((size_t)-1)

static void
scratch_grow(struct tl_scratch *s, size_t n)
{
	size_t cap = s->cap;

	if (n + 1 <= cap)
		return;
	cap = cap * 2 > n + 1 ? cap * 2 : n + 1;
	s->uflag = xrealloc(s->uflag, (cap + 1) * sizeof *s->uflag);
	s->shaped = xrealloc(s->shaped, cap * sizeof *s->shaped);
	s->bt = xrealloc(s->bt, cap * sizeof *s->bt);
	s->br = xrealloc(s->br, cap * sizeof *s->br);
	s->lv = xrealloc(s->lv, cap * sizeof *s->lv);
	s->jt = xrealloc(s->jt, cap * sizeof *s->jt);
	s->map = xrealloc(s->map, cap * sizeof *s->map);
	s->lbrk = xrealloc(s->lbrk, cap);
	s->gbrk = xrealloc(s->gbrk, cap);
	s->kind = xrealloc(s->kind, cap);
	s->width = xrealloc(s->width, cap);
	s->unit = xrealloc(s->unit, (cap + 1) * sizeof *s->unit);
	s->ubase = xrealloc(s->ubase, (cap + 1) * sizeof *s->ubase);
	s->cu = xrealloc(s->cu, cap * sizeof *s->cu);
	s->ucols = xrealloc(s->ucols, (cap + 1) * sizeof *s->ucols);
	s->lstart = xrealloc(s->lstart, (cap + 1) * sizeof *s->lstart);
	s->cap = cap;
}

void
tl_scratch_done(struct tl_scratch *s)
{
	free(s->uflag);
	free(s->shaped);
	free(s->bt);
	free(s->br);
	free(s->lv);
	free(s->jt);
	free(s->map);
	free(s->lbrk);
	free(s->gbrk);
	free(s->kind);
	free(s->width);
	free(s->unit);
	free(s->ubase);
	free(s->cu);
	free(s->ucols);
	free(s->lstart);
	memset(s, 0, sizeof *s);
}

static FriBidiParType
par_type(enum text_dir dir)
{
	switch (dir) {
	case TEXT_DIR_RTL:
		return FRIBIDI_PAR_RTL;
	case TEXT_DIR_LTR:
		return FRIBIDI_PAR_LTR;
	case TEXT_DIR_AUTO_RTL:
		return FRIBIDI_PAR_WRTL;
	case TEXT_DIR_AUTO:
		break;
	}
	return FRIBIDI_PAR_ON;
}

/*
 * True when UAX #9 resolves every character of the paragraph to level 0:
 * no R, AL, AN or explicit embedding/isolate, and an LTR paragraph (forced,
 * or auto: then the first strong character is L, or there is none and the
 * fallback is LTR). Common for English paragraphs; saves the full UBA.
 */
static bool
all_ltr(const FriBidiCharType *bt, size_t n, FriBidiParType base)
{
	size_t i;
	bool strong = false;

	if (base == FRIBIDI_PAR_RTL)
		return false;
	for (i = 0; i < n; i++) {
		FriBidiCharType t = bt[i];

		if (FRIBIDI_IS_RTL(t) || FRIBIDI_IS_ARABIC(t) ||
		    FRIBIDI_IS_EXPLICIT(t) || FRIBIDI_IS_ISOLATE(t))
			return false;
		strong |= FRIBIDI_IS_LETTER(t);
	}
	return strong || base != FRIBIDI_PAR_WRTL;
}

/* Step 2 of the pipeline: paragraph levels. Returns 0, 1 when all levels
 * are 0 (nothing to shape, mirror or reorder), or -1 (levels are then all
 * the forced/LTR paragraph level). */
static int
para_levels(const uint32_t *cp, size_t n, enum text_dir dir,
    FriBidiCharType *bt, FriBidiBracketType *br, FriBidiLevel *lv,
    FriBidiParType *base)
{
	size_t i;

	*base = par_type(dir);
	if (n == 0) {
		if (*base == FRIBIDI_PAR_WRTL)
			*base = FRIBIDI_PAR_RTL;
		else if (*base == FRIBIDI_PAR_ON)
			*base = FRIBIDI_PAR_LTR;
		return 0;
	}
	fribidi_get_bidi_types(cp, (FriBidiStrIndex)n, bt);
	if (all_ltr(bt, n, *base)) {
		memset(lv, 0, n * sizeof *lv);
		*base = FRIBIDI_PAR_LTR;
		return 1;
	}
	fribidi_get_bracket_types(cp, (FriBidiStrIndex)n, bt, br);
	if (fribidi_get_par_embedding_levels_ex(bt, br, (FriBidiStrIndex)n,
	    base, lv) != 0)
		return 0;
	*base = *base == FRIBIDI_PAR_RTL ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	for (i = 0; i < n; i++)
		lv[i] = *base == FRIBIDI_PAR_RTL;
	return -1;
}

int
text_bidi_line(const uint32_t *cp, size_t n, enum text_dir dir, bool *rtl,
    int8_t *levels, size_t *order, size_t *norder)
{
	struct tl_scratch s = { 0 };
	FriBidiParType base;
	size_t i, k = 0;
	int rc = -1;

	scratch_grow(&s, n);
	if (para_levels(cp, n, dir, s.bt, s.br, s.lv, &base) < 0)
		goto out;
	for (i = 0; i < n; i++)
		s.map[i] = (FriBidiStrIndex)i;
	if (n > 0 && fribidi_reorder_line(0, s.bt, (FriBidiStrIndex)n, 0,
	    base, s.lv, NULL, s.map) == 0)
		goto out;
	for (i = 0; i < n; i++) {
		levels[i] = (int8_t)s.lv[i];
		if (!FRIBIDI_IS_EXPLICIT_OR_BN(s.bt[s.map[i]]))
			order[k++] = (size_t)s.map[i];
	}
	*norder = k;
	*rtl = FRIBIDI_IS_RTL(base);
	rc = 0;
out:
	tl_scratch_done(&s);
	return rc;
}

static inline bool
is_spacing(uint8_t kind)
{
	return kind == TF_BASE || kind == TF_PLACEHOLDER || kind == TF_TAB;
}

/* Columns of unit u when it starts at column col. */
static inline int
unit_cols(const struct tl_scratch *s, size_t u, int col)
{
	if (s->uflag[u] & UF_TAB)
		return TF_TABSTOP - col % TF_TABSTOP;
	return s->width[s->ubase[u]];
}

/* Does unit u start a grapheme cluster? The breaks are computed only for
 * paragraphs that need a forced break: most never do. */
static bool
grapheme_start(struct tl_scratch *s, size_t u)
{
	if (!s->have_gbrk) {
		u32_grapheme_breaks(s->src, s->n, s->gbrk);
		s->have_gbrk = true;
	}
	return s->gbrk[s->unit[u]] != 0;
}

/*
 * Step 5: line starts (unit indexes) into s->lstart; returns the count.
 * Greedy: a unit that does not fit ends the line at the last break
 * opportunity, or (a word longer than the line) right before it if that is
 * a grapheme boundary. Spaces that do not fit hang with zero columns, and
 * the line then ends before the next non-space.
 */
static size_t
wrap_units(struct tl_scratch *s, size_t nunits, int width)
{
	size_t nl = 0, ls = 0, cand = NONE, u;
	int col = 0, w;
	bool hung = false;

	for (u = 0; u < nunits; u++) {
		if (u > ls) {
			if (s->uflag[u - 1] & UF_MANDATORY) {
				s->lstart[nl++] = (uint32_t)ls;
				ls = u;
				col = 0;
				cand = NONE;
				hung = false;
			} else if (s->uflag[u] & UF_BREAK) {
				cand = u;
			}
		}
		w = unit_cols(s, u, col);
		if ((col + w > width || hung) && u > ls) {
			if (s->uflag[u] & UF_SPACE) {
				s->ucols[u] = 0;	/* hangs past the end */
				hung = true;
				continue;
			}
			if (cand != NONE && cand > ls) {
				/* place the units from cand again on a new line:
				 * tab widths and hanging depend on the column */
				s->lstart[nl++] = (uint32_t)ls;
				ls = cand;
				cand = NONE;
				hung = false;
				col = 0;
				u = ls - 1;
				continue;
			}
			if (grapheme_start(s, u)) {
				s->lstart[nl++] = (uint32_t)ls;
				ls = u;
				cand = NONE;
				hung = false;
				col = 0;
				w = unit_cols(s, u, col);
			}
		}
		s->ucols[u] = w;
		col += w;
	}
	s->lstart[nl++] = (uint32_t)ls;
	s->lstart[nl] = (uint32_t)nunits;
	return nl;
}

/* Writes the cell of unit u to cells[ncell] and its glyphs at glyphs[*nglyph]. */
static void
emit_cell(const struct tl_scratch *s, size_t u, struct text_cell *c,
    uint32_t *glyphs, size_t *nglyph, size_t base)
{
	uint32_t b = s->ubase[u], k;
	size_t g = *nglyph;
	int cols = s->ucols[u];

	c->start = base + s->unit[u];
	c->end = base + s->unit[u + 1];
	c->glyph = (uint32_t)g;
	c->cols = (uint8_t)cols;
	c->flags = s->lv[b] & 1 ? TEXT_CELL_RTL : 0;
	if (cols > 0) {
		switch (s->kind[b]) {
		case TF_PLACEHOLDER:
			g += (size_t)text_filter_placeholder(s->src[b], glyphs + g);
			c->flags |= TEXT_CELL_PLACEHOLDER | TEXT_CELL_SPREAD;
			break;
		case TF_TAB:
			for (k = 0; k < (uint32_t)cols; k++)
				glyphs[g++] = ' ';
			c->flags |= TEXT_CELL_SPREAD;
			break;
		case TF_BASE:
			/* marks after the base, those before the first base of
			 * the paragraph, then joiners; at most TEXT_CELL_MARKS */
			glyphs[g++] = s->disp[b];
			for (k = b + 1; k < s->unit[u + 1]; k++)
				if (s->kind[k] == TF_MARK || (s->keep_joiners &&
				    (s->src[k] == 0x200c || s->src[k] == 0x200d)))
					if (g - *nglyph <= TEXT_CELL_MARKS)
						glyphs[g++] = s->disp[k];
			for (k = s->unit[u]; k < b; k++)
				if (s->kind[k] == TF_MARK && g - *nglyph <= TEXT_CELL_MARKS)
					glyphs[g++] = s->disp[k];
			break;
		}
	}
	c->nglyph = (uint16_t)(g - *nglyph);
	*nglyph = g;
}

/* Rule L4 on the display copy. FriBidi's mirroring table holds only
 * characters of class ON, so only those at odd levels are looked up. */
static void
mirror(const struct tl_scratch *s, size_t n, uint32_t *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		FriBidiChar m;

		if (s->bt[i] == FRIBIDI_TYPE_ON && (s->lv[i] & 1) &&
		    fribidi_get_mirror_char(s->src[i], &m))
			out[i] = m;
	}
}

void
tl_para_layout(struct tl_para *out, struct tl_scratch *s,
    const uint32_t *cp, size_t n, size_t base, const struct text_opts *o,
    int width)
{
	FriBidiParType ptype;
	size_t i, u, nunits = 0, nl, l, ncell = 0, nglyph = 0, sz, extra = 0;
	size_t total = 0;
	bool app = o->bidi == TEXT_BIDI_APP, nobase, trivial, reorder;

	text_filter_init();
	scratch_grow(s, n);
	s->src = cp;
	s->n = n;
	/* After app shaping the joiners have done their work; a terminal that
	 * shapes needs them, attached to the previous cell. */
	s->keep_joiners = o->shaping != TEXT_SHAPING_APP;

	/* 1. display filter, and 4. units */
	for (i = 0; i < n; i++) {
		uint32_t c = cp[i];
		int cols;
		enum tf_kind k;
		uint8_t f = 0;

		if (c < TF_FAST_MAX) {
			uint8_t v = text_filter_fast[c];

			k = (enum tf_kind)(v & 7);
			cols = v >> 3 & 15;
			if (v & TF_FAST_SPACE)
				f = UF_SPACE;
		} else {
			k = text_filter_class(c, &cols);
			if (k == TF_BASE &&
			    uc_is_general_category_withtable(c, UC_CATEGORY_MASK_Zs))
				f = UF_SPACE;
		}
		if (k == TF_TAB)
			f |= UF_TAB;
		s->kind[i] = (uint8_t)k;
		s->width[i] = (uint8_t)cols;
		if (!is_spacing((uint8_t)k))
			continue;
		total += k == TF_TAB ? TF_TABSTOP : cols;
		if (k == TF_PLACEHOLDER || k == TF_TAB)
			extra += TF_PH_MAX + TF_TABSTOP;
		s->unit[nunits] = nunits == 0 ? 0 : (uint32_t)i;
		s->ubase[nunits] = (uint32_t)i;
		s->uflag[nunits] = f;
		s->cu[i] = (uint32_t)nunits++;
	}
	nobase = nunits == 0 && n > 0;
	if (nobase) {	/* nothing visible at all: one empty cell */
		s->unit[0] = s->ubase[0] = 0;
		s->uflag[0] = 0;
		s->width[0] = 0;
		s->cu[0] = 0;
		nunits = 1;
	}
	s->unit[nunits] = (uint32_t)n;

	/* UAX #14 opportunities, unless the paragraph fits on one line and
	 * holds no placeholder (every mandatory break character is one) */
	if (n > 0 && (total > (size_t)width || extra > 0)) {
		u32_possible_linebreaks(cp, n, "UTF-8", s->lbrk);
		for (u = 0; u < nunits; u++) {
			if (s->lbrk[s->unit[u]] == UC_BREAK_POSSIBLE)
				s->uflag[u] |= UF_BREAK;
			if (s->lbrk[s->ubase[u]] == UC_BREAK_MANDATORY)
				s->uflag[u] |= UF_MANDATORY;
		}
	}

	/* 2. levels; 3. shaping and mirroring on the display copy */
	trivial = para_levels(cp, n, o->dir, s->bt, s->br, s->lv, &ptype) == 1;
	s->disp = cp;
	if (trivial || (!app && o->shaping != TEXT_SHAPING_APP)) {
		/* all LTR, or nothing to shape or mirror: display the text */
	} else if (n > 0) {
		memcpy(s->shaped, cp, n * sizeof *cp);
		s->disp = s->shaped;
		if (o->shaping == TEXT_SHAPING_APP) {
			fribidi_get_joining_types(cp, (FriBidiStrIndex)n, s->jt);
			fribidi_join_arabic(s->bt, (FriBidiStrIndex)n, s->lv, s->jt);
			fribidi_shape_arabic(FRIBIDI_FLAG_SHAPE_ARAB_PRES, s->lv,
			    (FriBidiStrIndex)n, s->jt, s->shaped);
		}
		if (app)
			mirror(s, n, s->shaped);
	}

	/* 5. wrapping */
	s->have_gbrk = false;
	nl = wrap_units(s, nunits, width);

	/* 6. per-line reordering into cells, written straight into the
	 * paragraph's block: lines, one cell per unit, and at most every code
	 * point plus a placeholder or tab's worth of glyphs per unit */
	sz = nl * sizeof *out->lines + nunits * sizeof *out->cells +
	    (n + extra + 1) * sizeof *out->glyphs;
	if (out->lines == NULL || out->cap < sz) {
		free(out->lines);
		out->cap = sz;
		out->lines = xmalloc(sz);
	}
	out->cells = (struct text_cell *)(out->lines + nl);
	out->glyphs = (uint32_t *)(out->cells + nunits);
	free(out->l2c);
	out->l2c = NULL;
	reorder = app && !trivial;
	if (reorder)
		for (i = 0; i < n; i++)
			s->map[i] = (FriBidiStrIndex)i;
	for (l = 0; l < nl; l++) {
		struct tl_line *ln = &out->lines[l];
		size_t u0 = s->lstart[l], u1 = s->lstart[l + 1];
		size_t a = s->unit[u0], b = s->unit[u1];

		ln->start = a;
		ln->end = b;
		ln->cell = (uint32_t)ncell;
		ln->ncells = (uint32_t)(u1 - u0);
		ln->cols = 0;
		/* on failure the line just stays in logical order */
		if (reorder && b > a && fribidi_reorder_line(
		    FRIBIDI_FLAG_REORDER_NSM, s->bt, (FriBidiStrIndex)(b - a),
		    (FriBidiStrIndex)a, ptype, s->lv, NULL, s->map) == 0)
			for (i = a; i < b; i++)
				s->map[i] = (FriBidiStrIndex)i;
		for (i = a; i < b; i++) {
			size_t li = reorder ? (size_t)s->map[i] : i;

			if (!is_spacing(s->kind[li]) && !(nobase && li == 0))
				continue;
			u = s->cu[li];
			emit_cell(s, u, &out->cells[ncell++], out->glyphs, &nglyph,
			    base);
			ln->cols += s->ucols[u];
		}
	}
	out->nlines = nl;
	out->ncells = ncell;
	out->base = base;
	out->n = n;
	out->rtl = FRIBIDI_IS_RTL(ptype);
}

const uint32_t *
tl_para_l2c(struct tl_para *p)
{
	size_t i, k;

	if (p->l2c != NULL)
		return p->l2c;
	p->l2c = xmalloc((p->n + 1) * sizeof *p->l2c);
	for (i = 0; i < p->ncells; i++)
		for (k = p->cells[i].start - p->base; k < p->cells[i].end - p->base; k++)
			p->l2c[k] = (uint32_t)i;
	return p->l2c;
}

void
tl_para_free(struct tl_para *p)
{
	if (p == NULL)
		return;
	free(p->l2c);
	free(p->lines);
	free(p);
}
