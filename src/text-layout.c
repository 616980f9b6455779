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
	s->cp = xrealloc(s->cp, cap * sizeof *s->cp);
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
	free(s->cp);
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
	free(s->cells);
	free(s->glyphs);
	free(s->lines);
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

/* Steps 2 of the pipeline: paragraph levels. Returns 0, or -1 (levels are
 * then all the forced/LTR paragraph level). */
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

static bool
is_spacing(uint8_t kind)
{
	return kind == TF_BASE || kind == TF_PLACEHOLDER || kind == TF_TAB;
}

/* Columns of unit u when it starts at column col. */
static int
unit_cols(const struct tl_scratch *s, size_t u, int col)
{
	uint32_t b = s->ubase[u];

	if (!is_spacing(s->kind[b]))
		return 0;
	if (s->kind[b] == TF_TAB)
		return TF_TABSTOP - col % TF_TABSTOP;
	return s->width[b];
}

static bool
unit_is_space(const struct tl_scratch *s, size_t u)
{
	uint32_t c = s->cp[s->ubase[u]];

	return c == ' ' || c == '\t' ||
	    (c > 0x7f && uc_is_general_category_withtable(c, UC_CATEGORY_MASK_Zs));
}

/* Does unit u start a grapheme cluster? The breaks are computed only for
 * paragraphs that need a forced break: most never do. */
static bool
grapheme_start(struct tl_scratch *s, size_t u)
{
	if (!s->have_gbrk) {
		u32_grapheme_breaks(s->cp, s->n, s->gbrk);
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
			if (s->lbrk[s->ubase[u - 1]] == UC_BREAK_MANDATORY) {
				s->lstart[nl++] = (uint32_t)ls;
				ls = u;
				col = 0;
				cand = NONE;
				hung = false;
			} else if (s->lbrk[s->unit[u]] == UC_BREAK_POSSIBLE) {
				cand = u;
			}
		}
		w = unit_cols(s, u, col);
		if ((col + w > width || hung) && u > ls) {
			if (unit_is_space(s, u)) {
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

/* Appends the cell of unit u to the scratch cell and glyph arrays. */
static void
emit_cell(struct tl_scratch *s, size_t u, size_t ncell, size_t *nglyph,
    size_t base)
{
	struct text_cell *c;
	uint32_t b = s->ubase[u], k;
	size_t g = *nglyph;
	int cols = s->ucols[u];

	c = &s->cells[ncell];
	c->start = base + s->unit[u];
	c->end = base + s->unit[u + 1];
	c->glyph = (uint32_t)g;
	c->cols = (uint8_t)cols;
	c->flags = s->lv[b] & 1 ? TEXT_CELL_RTL : 0;
	if (cols > 0) {
		switch (s->kind[b]) {
		case TF_PLACEHOLDER:
			g += (size_t)text_filter_placeholder(s->cp[b], s->glyphs + g);
			c->flags |= TEXT_CELL_PLACEHOLDER | TEXT_CELL_SPREAD;
			break;
		case TF_TAB:
			for (k = 0; k < (uint32_t)cols; k++)
				s->glyphs[g++] = ' ';
			c->flags |= TEXT_CELL_SPREAD;
			break;
		case TF_BASE:
			s->glyphs[g++] = s->shaped[b];
			for (k = s->unit[u]; k < s->unit[u + 1]; k++)
				if (s->kind[k] == TF_MARK || (s->keep_joiners &&
				    (s->cp[k] == 0x200c || s->cp[k] == 0x200d)))
					s->glyphs[g++] = s->shaped[k];
			break;
		}
	}
	c->nglyph = (uint16_t)(g - *nglyph);
	*nglyph = g;
}

void
tl_para_layout(struct tl_para *out, struct tl_scratch *s,
    const uint32_t *cp, size_t n, size_t base, const struct text_opts *o,
    int width)
{
	FriBidiParType ptype;
	size_t i, u, nunits = 0, nl, l, ncell = 0, nglyph = 0, sz, extra = 0;
	bool app = o->bidi == TEXT_BIDI_APP;
	char *block;

	scratch_grow(s, n);
	memcpy(s->cp, cp, n * sizeof *cp);
	s->n = n;
	/* After app shaping the joiners have done their work; a terminal that
	 * shapes needs them, attached to the previous cell. */
	s->keep_joiners = o->shaping != TEXT_SHAPING_APP;

	/* 1. display filter, and 4. units */
	for (i = 0; i < n; i++) {
		int cols;
		enum tf_kind k = text_filter_class(cp[i], &cols);

		s->kind[i] = (uint8_t)k;
		s->width[i] = (uint8_t)cols;
		if (k == TF_PLACEHOLDER || k == TF_TAB)
			extra += TF_PH_MAX + TF_TABSTOP;
		if (is_spacing((uint8_t)k)) {
			s->unit[nunits] = nunits == 0 ? 0 : (uint32_t)i;
			s->ubase[nunits++] = (uint32_t)i;
		}
		s->cu[i] = nunits == 0 ? 0 : (uint32_t)(nunits - 1);
	}
	if (nunits == 0 && n > 0) {	/* nothing visible at all */
		s->unit[0] = s->ubase[0] = 0;
		nunits = 1;
	}
	s->unit[nunits] = (uint32_t)n;

	/* 2. levels; 3. shaping and mirroring on the display copy */
	para_levels(cp, n, o->dir, s->bt, s->br, s->lv, &ptype);
	memcpy(s->shaped, cp, n * sizeof *cp);
	if (n > 0 && o->shaping == TEXT_SHAPING_APP) {
		fribidi_get_joining_types(cp, (FriBidiStrIndex)n, s->jt);
		fribidi_join_arabic(s->bt, (FriBidiStrIndex)n, s->lv, s->jt);
		fribidi_shape((app ? FRIBIDI_FLAG_SHAPE_MIRRORING : 0) |
		    FRIBIDI_FLAG_SHAPE_ARAB_PRES, s->lv, (FriBidiStrIndex)n,
		    s->jt, s->shaped);
	} else if (n > 0 && app) {
		fribidi_shape_mirroring(s->lv, (FriBidiStrIndex)n, s->shaped);
	}

	/* 5. wrapping */
	if (n > 0) {
		u32_possible_linebreaks(cp, n, "UTF-8", s->lbrk);
	}
	s->have_gbrk = false;
	nl = wrap_units(s, nunits, width);

	/* 6. per-line reordering into cells; at most every code point plus a
	 * placeholder or tab's worth of glyphs per unit */
	s->cells = xgrow(s->cells, &s->cell_cap, nunits + 1, sizeof *s->cells);
	s->glyphs = xgrow(s->glyphs, &s->glyph_cap, n + extra + 1,
	    sizeof *s->glyphs);
	s->lines = xgrow(s->lines, &s->line_cap, nl + 1, sizeof *s->lines);
	for (i = 0; i < n; i++)
		s->map[i] = (FriBidiStrIndex)i;
	for (l = 0; l < nl; l++) {
		struct tl_line *ln = &s->lines[l];
		size_t u0 = s->lstart[l], u1 = s->lstart[l + 1];
		size_t a = s->unit[u0], b = s->unit[u1];

		ln->start = a;
		ln->end = b;
		ln->cell = (uint32_t)ncell;
		ln->ncells = (uint32_t)(u1 - u0);
		ln->cols = 0;
		/* on failure the line just stays in logical order */
		if (app && b > a && fribidi_reorder_line(FRIBIDI_FLAG_REORDER_NSM,
		    s->bt, (FriBidiStrIndex)(b - a), (FriBidiStrIndex)a, ptype,
		    s->lv, NULL, s->map) == 0)
			for (i = a; i < b; i++)
				s->map[i] = (FriBidiStrIndex)i;
		for (i = a; i < b; i++) {
			size_t li = (size_t)s->map[i];

			u = s->cu[li];
			if (s->ubase[u] != li)
				continue;
			emit_cell(s, u, ncell++, &nglyph, base);
			ln->cols += s->ucols[u];
		}
	}

	/* one block: lines, cells, glyphs, logical -> cell */
	sz = nl * sizeof *out->lines + ncell * sizeof *out->cells +
	    nglyph * sizeof *out->glyphs + n * sizeof *out->l2c;
	if (out->lines == NULL || out->cap < sz) {
		free(out->lines);
		out->cap = sz > 64 ? sz : 64;
		out->lines = xmalloc(out->cap);
	}
	block = (char *)out->lines;
	out->lines = (struct tl_line *)block;
	out->cells = (struct text_cell *)(out->lines + nl);
	out->glyphs = (uint32_t *)(out->cells + ncell);
	out->l2c = out->glyphs + nglyph;
	memcpy(out->lines, s->lines, nl * sizeof *out->lines);
	memcpy(out->cells, s->cells, ncell * sizeof *out->cells);
	memcpy(out->glyphs, s->glyphs, nglyph * sizeof *out->glyphs);
	for (i = 0; i < ncell; i++)
		for (u = out->cells[i].start - base; u < out->cells[i].end - base; u++)
			out->l2c[u] = (uint32_t)i;
	out->nlines = nl;
	out->n = n;
	out->rtl = FRIBIDI_IS_RTL(ptype);
}

void
tl_para_free(struct tl_para *p)
{
	if (p == NULL)
		return;
	free(p->lines);
	free(p);
}
