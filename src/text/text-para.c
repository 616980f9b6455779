/*
 * text-para.c: one paragraph at one width (docs/bidi.md §4.3).
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
 *
 * Invariants of a laid-out paragraph (asserted by para_ok at the end of
 * text_para_layout, and by text_para_l2c), so every cell maps back to the text:
 *   - the lines cover [0, n) in order: the first starts at 0, each starts
 *     where the one before ended, the last ends at n;
 *   - every cell is a non-empty logical range inside its line, and the
 *     cells of a line cover that line exactly: their lengths add up to it;
 *   - without reordering (all levels 0, or the terminal does the bidi) the
 *     cells are in logical order: each starts where the one before ended;
 *   - the glyphs stay inside the block sized for them (n + extra + 1);
 *   - the map from code points to cells (l2c) gives every code point the
 *     one cell whose range holds it.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>

#include "base/util.h"
#include "text/text-int.h"

#define NONE ((size_t)-1)

static void
scratch_grow(struct text_para_scratch *s, size_t n)
{
	size_t cap = s->cap, i;

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
	s->ident = xrealloc(s->ident, cap * sizeof *s->ident);
	for (i = s->cap; i < cap; i++)
		s->ident[i] = (FriBidiStrIndex)i;
	s->lbrk = xrealloc(s->lbrk, cap);
	s->gbrk = xrealloc(s->gbrk, cap);
	s->kind = xrealloc(s->kind, cap);
	s->uw = xrealloc(s->uw, (cap + 1) * sizeof *s->uw);
	s->unit = xrealloc(s->unit, (cap + 1) * sizeof *s->unit);
	s->ubase = xrealloc(s->ubase, (cap + 1) * sizeof *s->ubase);
	s->cu = xrealloc(s->cu, cap * sizeof *s->cu);
	s->ucols = xrealloc(s->ucols, (cap + 1) * sizeof *s->ucols);
	s->lstart = xrealloc(s->lstart, (cap + 1) * sizeof *s->lstart);
	s->cap = cap;
}

void
text_para_scratch_done(struct text_para_scratch *s)
{
	free(s->uflag);
	free(s->shaped);
	free(s->bt);
	free(s->br);
	free(s->lv);
	free(s->jt);
	free(s->map);
	free(s->ident);
	free(s->lbrk);
	free(s->gbrk);
	free(s->kind);
	free(s->uw);
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
	/*
	 * Paragraphs are LF-separated lines, so a paragraph separator inside
	 * one (U+2029, U+001C-001E, U+0085: shown as placeholders) is a neutral
	 * there. FriBidi 1.0.8 must not see it as B mid-paragraph: with isolates
	 * open it then writes into freed memory (found by valgrind).
	 */
	for (i = 0; i + 1 < n; i++)
		if (bt[i] == FRIBIDI_TYPE_BS)
			bt[i] = FRIBIDI_TYPE_ON;
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
	struct text_para_scratch s = { 0 };
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
	text_para_scratch_done(&s);
	return rc;
}

/*
 * Below this no character joins: FriBidi's joining types start D, R, L
 * and C at U+0620 (ArabicShaping.txt); everything lower is U or T, and
 * its presentation-form table starts at U+0621. So in a paragraph without
 * any code point >= JOIN_MIN, fribidi_join_arabic sets no joins and
 * fribidi_shape_arabic changes nothing: both are skipped. English with
 * Arabic punctuation (، ؛ ؟) stays below it.
 */
#define JOIN_MIN 0x0620

/* The display filter of c >= TF_FAST_MAX, packed as text_filter_fast
 * packs it. */
static unsigned
filter_slow(uint32_t c)
{
	int cols;
	enum tf_kind k = text_filter_class(c, &cols);
	unsigned v = (unsigned)k | (unsigned)(cols & 15) << 3;

	if (k == TF_BASE &&
	    uc_is_general_category_withtable(c, UC_CATEGORY_MASK_Zs))
		v |= TF_FAST_SPACE;
	return v;
}

static inline unsigned
filter_packed(uint32_t c)
{
	return c < TF_FAST_MAX ? text_filter_fast[c] : filter_slow(c);
}

/* Columns of unit u when it starts at column col. */
static inline int
unit_cols(const struct text_para_scratch *s, size_t u, int col)
{
	if (s->uflag[u] & UF_TAB)
		return TF_TABSTOP - col % TF_TABSTOP;
	return s->uw[u];
}

/* Does unit u start a grapheme cluster? The breaks are computed only for
 * paragraphs that need a forced break: most never do. */
static bool
grapheme_start(struct text_para_scratch *s, size_t u)
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
 * opportunity, or (a word longer than the line) at the start of its
 * grapheme cluster, or (a cluster longer than the line) right before it:
 * a line is never wider than width. Spaces that do not fit hang with zero
 * columns, and the line then ends before the next non-space.
 */
static size_t
wrap_units(struct text_para_scratch *s, size_t nunits, int width)
{
	size_t nl = 0, ls = 0, cand = NONE, u, g;
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
			/* the new line starts at the last break opportunity,
			 * else before u's grapheme cluster (after a Prepend
			 * character, U+0600-0605 or U+06DD, it starts before
			 * u), else at u: a cluster wider than the line is cut
			 * inside */
			if (cand != NONE && cand > ls) {
				g = cand;
			} else {
				for (g = u; g > ls && !grapheme_start(s, g); g--)
					;
				if (g == ls)
					g = u;
			}
			s->lstart[nl++] = (uint32_t)ls;
			ls = g;
			cand = NONE;
			hung = false;
			col = 0;
			if (g < u) {
				/* place the units from g again: tab widths and
				 * hanging depend on the column */
				u = g - 1;
				continue;
			}
			w = unit_cols(s, u, col);
		}
		s->ucols[u] = (uint8_t)w;
		col += w;
	}
	s->lstart[nl++] = (uint32_t)ls;
	s->lstart[nl] = (uint32_t)nunits;
	return nl;
}

/*
 * Step 5 for the common paragraph with neither tabs nor mandatory breaks
 * (both come only with placeholders or tabs): wrap_units without the
 * per-unit tab and mandatory tests, reading the opportunities straight
 * from s->lbrk and white space from the filter (no unit flags are set),
 * same result.
 *
 * Until a line overflows, wrap_units only places units (ucols = width)
 * and remembers the last break opportunity. So each line jumps to its
 * first overflowing unit f (directly when every unit is one column wide,
 * all_one), copies the widths before it, takes the last opportunity in
 * (ls, f] by scanning back from f, and runs wrap_units' own per-unit
 * steps from f on until the line ends. While spaces hang, lim is -1 so
 * every unit takes the slow branch, as hung does there.
 */
static size_t
wrap_plain(struct text_para_scratch *s, size_t nunits, int width, bool all_one)
{
	const uint8_t *uw = s->uw;
	const uint32_t *unit = s->unit;
	const char *lbrk = s->lbrk;
	uint8_t *ucols = s->ucols;
	size_t nl = 0, ls = 0, cand, u, f, g;
	int col, lim, w;

	for (;;) {
		/* a line from ls: the first unit that does not fit */
		if (all_one) {
			f = ls + (size_t)width;
			col = width;
			if (f > nunits)
				f = nunits;
		} else {
			col = uw[ls];
			for (f = ls + 1; f < nunits && col + uw[f] <= width; f++)
				col += uw[f];
		}
		memcpy(ucols + ls, uw + ls, f - ls);
		if (f >= nunits)
			break;
		for (cand = f; cand > ls && lbrk[unit[cand]] != UC_BREAK_POSSIBLE;
		    cand--)
			;
		if (cand == ls)
			cand = NONE;
		/* from f on, step by step until the line ends (f > ls > ...) */
		lim = width;
		for (u = f; u < nunits; u++) {
			w = uw[u];
			if (lbrk[unit[u]] == UC_BREAK_POSSIBLE)
				cand = u;
			if (col + w > lim) {
				/* u > 0: unit[u] is its base */
				if (filter_packed(s->src[unit[u]]) & TF_FAST_SPACE) {
					ucols[u] = 0;	/* hangs past the end */
					lim = -1;
					continue;
				}
				if (cand != NONE && cand > ls) {
					s->lstart[nl++] = (uint32_t)ls;
					ls = cand;
					break;
				}
				/* at the start of u's grapheme cluster (it
				 * begins before u after a Prepend character);
				 * inside a cluster wider than the line */
				for (g = u; g > ls && !grapheme_start(s, g); g--)
					;
				s->lstart[nl++] = (uint32_t)ls;
				ls = g > ls ? g : u;
				break;
			}
			ucols[u] = (uint8_t)w;
			col += w;
		}
		if (u >= nunits)
			break;
	}
	s->lstart[nl++] = (uint32_t)ls;
	s->lstart[nl] = (uint32_t)nunits;
	return nl;
}

/* Writes the cell of unit u to *c and its glyphs at glyphs[*nglyph]. */
static void
emit_cell(const struct text_para_scratch *s, size_t u, struct text_cell *c,
    uint32_t *glyphs, size_t *nglyph, size_t base)
{
	uint32_t a = s->unit[u], e = s->unit[u + 1], b = s->ubase[u], k;
	size_t g = *nglyph;
	int cols = s->ucols[u];

	c->start = base + a;
	c->end = base + e;
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
			for (k = b + 1; k < e; k++)
				if (s->kind[k] == TF_MARK || (s->keep_joiners &&
				    (s->src[k] == 0x200c || s->src[k] == 0x200d)))
					if (g - *nglyph <= TEXT_CELL_MARKS)
						glyphs[g++] = s->disp[k];
			for (k = a; k < b; k++)
				if (s->kind[k] == TF_MARK && g - *nglyph <= TEXT_CELL_MARKS)
					glyphs[g++] = s->disp[k];
			break;
		}
	}
	c->nglyph = (uint16_t)(g - *nglyph);
	*nglyph = g;
}

/* The usual cell: one TF_BASE character a, no marks (its unit is that
 * character alone), glyph g; anything else goes to emit_cell. */
_Static_assert(TEXT_CELL_RTL == 1, "TEXT_CELL_RTL is the level's low bit");
static inline void
cell_plain(struct text_cell *c, uint32_t *glyphs, size_t *nglyph,
    size_t base, uint32_t a, int cols, FriBidiLevel lv, uint32_t g)
{
	c->start = base + a;
	c->end = base + a + 1;
	c->glyph = (uint32_t)*nglyph;
	c->cols = (uint8_t)cols;
	c->flags = (uint8_t)(lv & TEXT_CELL_RTL);	/* odd level */
	c->nglyph = cols > 0;
	/* the block has room for a glyph past the last: store, then count */
	glyphs[*nglyph] = g;
	*nglyph += cols > 0;
}

#ifndef NDEBUG
/* The invariants at the top of this file, for assert(); `logical` when no
 * line was reordered, `glyph_cap` the glyphs the block has room for. */
static bool
para_ok(const struct text_para *p, bool logical, size_t glyph_cap)
{
	size_t l, i, at = 0;

	for (l = 0; l < p->nlines; l++) {
		const struct text_para_line *ln = &p->lines[l];
		size_t covered = 0, next = p->base + ln->start;

		if (ln->start != at || ln->end < ln->start ||
		    (size_t)ln->cell + ln->ncells > p->ncells)
			return false;
		for (i = ln->cell; i < (size_t)ln->cell + ln->ncells; i++) {
			const struct text_cell *c = &p->cells[i];

			if (c->start < p->base + ln->start || c->end <= c->start ||
			    c->end > p->base + ln->end ||
			    (size_t)c->glyph + c->nglyph > glyph_cap ||
			    (logical && c->start != next))
				return false;
			covered += c->end - c->start;
			next = c->end;
		}
		if (covered != ln->end - ln->start)
			return false;
		at = ln->end;
	}
	return at == p->n;
}
#endif

/* Rule L4 on the display copy. FriBidi's mirroring table holds only
 * characters of class ON, so only those at odd levels are looked up. */
static void
mirror(const struct text_para_scratch *s, size_t n, uint32_t *out)
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
text_para_layout(struct text_para *out, struct text_para_scratch *s,
    const uint32_t *cp, size_t n, size_t base, const struct text_opts *o,
    int width)
{
	FriBidiParType ptype;
	size_t i, u, nunits = 0, nl, l, ncell = 0, nglyph = 0, sz, extra = 0;
	size_t total = 0;
	bool app = o->bidi == TEXT_BIDI_APP, nobase, trivial, reorder;
	bool joins = false, lead = false;

	text_filter_init();
	scratch_grow(s, n);
	s->src = cp;
	s->n = n;
	/* After app shaping the joiners have done their work; a terminal that
	 * shapes needs them, attached to the previous cell. */
	s->keep_joiners = o->shaping != TEXT_SHAPING_APP;

	/* 1. display filter, and 4. units: a unit per spacing character
	 * (their flags only where wrap_units needs them, below); locals, so
	 * the byte stores reload no pointer */
	{
		uint8_t *kind = s->kind, *uw = s->uw;
		uint32_t *cu = s->cu, *unit = s->unit, *ubase = s->ubase;

		for (i = 0; i < n; i++) {
			uint32_t c = cp[i];
			unsigned v = filter_packed(c);
			unsigned k = v & 7, cols = v >> 3 & 15;

			joins |= c >= JOIN_MIN;
			kind[i] = (uint8_t)k;
			if (k != TF_BASE) {
				if (k == TF_MARK || k == TF_HIDDEN) {
					/* joins the unit before, if any (else
					 * unit 0) */
					cu[i] = TP_NOUNIT;
					if (nunits > 0)
						cu[ubase[nunits - 1]] |= TP_COMPLEX;
					else
						lead = true;
					continue;
				}
				/* placeholder or tab: room for its glyphs */
				extra += TF_PH_MAX + TF_TABSTOP;
				if (k == TF_TAB)
					cols = TF_TABSTOP;
				cu[i] = (uint32_t)nunits | TP_COMPLEX;
			} else {
				cu[i] = (uint32_t)nunits;
			}
			total += cols;
			unit[nunits] = (uint32_t)i;
			ubase[nunits] = (uint32_t)i;
			uw[nunits++] = (uint8_t)cols;
		}
	}
	if (lead && nunits > 0)
		s->cu[s->ubase[0]] |= TP_COMPLEX;
	if (nunits > 0)
		s->unit[0] = 0;	/* zero-width characters before the first base */
	nobase = nunits == 0 && n > 0;
	if (nobase) {	/* nothing visible at all: one empty cell */
		s->unit[0] = s->ubase[0] = 0;
		s->uw[0] = 0;
		s->cu[0] = TP_COMPLEX;
		nunits = 1;
	}
	s->unit[nunits] = (uint32_t)n;

	/* UAX #14 opportunities, unless the paragraph fits on one line and
	 * holds no placeholder (every mandatory break character is one);
	 * as unit flags only for wrap_units */
	if (n > 0 && (total > (size_t)width || extra > 0))
		u32_possible_linebreaks(cp, n, "UTF-8", s->lbrk);
	if (n > 0 && extra > 0) {
		for (u = 0; u < nunits; u++) {
			uint32_t b = s->ubase[u];
			uint8_t f = 0;

			if (filter_packed(cp[b]) & TF_FAST_SPACE)
				f |= UF_SPACE;
			if (s->kind[b] == TF_TAB)
				f |= UF_TAB;
			if (s->lbrk[s->unit[u]] == UC_BREAK_POSSIBLE)
				f |= UF_BREAK;
			if (s->lbrk[b] == UC_BREAK_MANDATORY)
				f |= UF_MANDATORY;
			s->uflag[u] = f;
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
		if (o->shaping == TEXT_SHAPING_APP && joins) {
			fribidi_get_joining_types(cp, (FriBidiStrIndex)n, s->jt);
			fribidi_join_arabic(s->bt, (FriBidiStrIndex)n, s->lv, s->jt);
			fribidi_shape_arabic(FRIBIDI_FLAG_SHAPE_ARAB_PRES, s->lv,
			    (FriBidiStrIndex)n, s->jt, s->shaped);
		}
		if (app)
			mirror(s, n, s->shaped);
	}

	/* 5. wrapping: one line when it all fits (then no unit has a break
	 * flag), the plain loop without tabs and mandatory breaks */
	s->have_gbrk = false;
	if (extra == 0 && total <= (size_t)width) {
		memcpy(s->ucols, s->uw, nunits);
		s->lstart[0] = 0;
		s->lstart[1] = (uint32_t)nunits;
		nl = 1;
	} else if (extra == 0) {
		nl = wrap_plain(s, nunits, width, total == nunits);
	} else {
		nl = wrap_units(s, nunits, width);
	}

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
		memcpy(s->map, s->ident, n * sizeof *s->map);
	for (l = 0; l < nl; l++) {
		struct text_para_line *ln = &out->lines[l];
		size_t u0 = s->lstart[l], u1 = s->lstart[l + 1];
		size_t a = s->unit[u0], b = s->unit[u1];
		/* locals, so stores into cells and glyphs reload nothing */
		const uint32_t *cu = s->cu, *disp = s->disp;
		const uint8_t *ucols = s->ucols;
		const FriBidiLevel *lv = s->lv;
		const FriBidiStrIndex *map = s->map;
		struct text_cell *cells = out->cells;
		uint32_t *glyphs = out->glyphs;
		int cols = 0;

		ln->start = a;
		ln->end = b;
		ln->cell = (uint32_t)ncell;
		ln->ncells = (uint32_t)(u1 - u0);
		if (!reorder) {
			/* logical order: the line's units as they come */
			for (u = u0; u < u1; u++) {
				uint32_t ub = s->ubase[u];

				if (cu[ub] & TP_COMPLEX)
					emit_cell(s, u, &cells[ncell], glyphs, &nglyph,
					    base);
				else
					cell_plain(&cells[ncell], glyphs, &nglyph,
					    base, ub, ucols[u], lv[ub], disp[ub]);
				ncell++;
				cols += ucols[u];
			}
			ln->cols = cols;
			continue;
		}
		/* on failure the line just stays in logical order */
		if (b > a && fribidi_reorder_line(
		    FRIBIDI_FLAG_REORDER_NSM, s->bt, (FriBidiStrIndex)(b - a),
		    (FriBidiStrIndex)a, ptype, s->lv, NULL, s->map) == 0)
			for (i = a; i < b; i++)
				s->map[i] = (FriBidiStrIndex)i;
		for (i = a; i < b; i++) {
			uint32_t li = (uint32_t)map[i], c = cu[li];

			if (c == TP_NOUNIT)
				continue;
			u = c & ~TP_COMPLEX;
			if (c & TP_COMPLEX)
				emit_cell(s, u, &cells[ncell], glyphs, &nglyph, base);
			else	/* li is the unit's only character */
				cell_plain(&cells[ncell], glyphs, &nglyph, base, li,
				    ucols[u], lv[li], disp[li]);
			ncell++;
			cols += ucols[u];
		}
		ln->cols = cols;
	}
	out->nlines = nl;
	out->ncells = ncell;
	out->base = base;
	out->n = n;
	out->rtl = FRIBIDI_IS_RTL(ptype);
	assert(ncell == nunits);	/* one cell per unit, each once */
	assert(para_ok(out, !reorder, n + extra + 1));
}

const uint32_t *
text_para_l2c(struct text_para *p)
{
	size_t i, k;

	if (p->l2c != NULL)
		return p->l2c;
	p->l2c = xmalloc((p->n + 1) * sizeof *p->l2c);
	for (k = 0; k < p->n; k++)
		p->l2c[k] = UINT32_MAX;
	for (i = 0; i < p->ncells; i++)
		for (k = p->cells[i].start - p->base; k < p->cells[i].end - p->base; k++) {
			assert(p->l2c[k] == UINT32_MAX);	/* cells do not overlap */
			p->l2c[k] = (uint32_t)i;
		}
	for (k = 0; k < p->n; k++)
		assert(p->l2c[k] != UINT32_MAX);	/* and leave no gap */
	return p->l2c;
}

void
text_para_free(struct text_para *p)
{
	if (p == NULL)
		return;
	free(p->l2c);
	free(p->lines);
	free(p);
}
