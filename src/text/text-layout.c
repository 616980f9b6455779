/*
 * text-layout.c: text_layout, a document seen at one width, and its cache.
 *
 * Per width the layout keeps, for every paragraph, its line count and
 * (once asked for) its laid-out lines and cells (struct text_para), so a
 * redraw or a scroll at the same width does no layout work: finding a line
 * is a binary search over first[] plus a pointer lookup. A paragraph is
 * laid out the first time any of its lines, or the line total, is needed.
 * The previous width's cache is kept so resizing back is free; older ones
 * are dropped.
 *
 * The cells cost about 30 bytes a character, so each width's cache keeps
 * at most TEXT_CACHE_BUDGET bytes of them: a hostile document (a 50 MB line, a
 * million paragraphs) is counted once and then laid out by the window the
 * pane shows. Past the budget, laying out a paragraph drops others (their
 * line counts stay), taken in turn by a clock hand over the paragraphs:
 * the oldest-laid ones go first when scrolling in one direction, and a
 * screenful is far below the budget, so what is on screen is not dropped
 * while it is drawn. No real transcript comes near the budget.
 *
 * Screen line numbers and columns are visual; everything passed in or out
 * as an offset is a logical document offset.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "base/util.h"
#include "text/text-int.h"

#define MIN_WIDTH 8

struct wcache {
	int width;
	struct text_para **paras;	/* NULL until laid out (or after forget) */
	uint32_t *nlines;	/* 0 = not yet known */
	size_t *first;		/* first screen line per paragraph, npara + 1 */
	bool counted;		/* first[] is valid */
	size_t bytes;		/* held by paras[], at most about TEXT_CACHE_BUDGET */
	size_t hand;		/* where the next paragraph to drop is sought */
};

struct text_layout {
	const struct text_doc *doc;
	struct text_opts o;
	struct wcache *cur, *prev;
	struct text_para_scratch s;
	struct text_para *spare;	/* a forgotten paragraph, reused by the next */
	uint32_t *cp;
	size_t cpcap;
};

void
text_opts_default(struct text_opts *o)
{
	o->dir = TEXT_DIR_AUTO;
	o->shaping = TEXT_SHAPING_APP;
	o->bidi = TEXT_BIDI_APP;
}

int
text_dir_parse(const char *s, enum text_dir *out)
{
	static const char *const names[] = { "auto", "auto-rtl", "rtl", "ltr" };
	int i = str_index(names, AX_ARRAY_LEN(names), s);

	if (i >= 0)
		*out = (enum text_dir)i;
	return i < 0 ? -1 : 0;
}

int
text_shaping_parse(const char *s, enum text_shaping *out)
{
	static const char *const names[] = { "app", "terminal", "off" };
	int i = str_index(names, AX_ARRAY_LEN(names), s);

	if (i >= 0)
		*out = (enum text_shaping)i;
	return i < 0 ? -1 : 0;
}

int
text_bidi_parse(const char *s, enum text_bidi *out)
{
	static const char *const names[] = { "app", "terminal" };
	int i = str_index(names, AX_ARRAY_LEN(names), s);

	if (i >= 0)
		*out = (enum text_bidi)i;
	return i < 0 ? -1 : 0;
}

static struct wcache *
wcache_new(size_t npara, int width)
{
	struct wcache *w = xcalloc(1, sizeof *w);

	w->width = width;
	w->paras = xcalloc(npara + 1, sizeof *w->paras);
	w->nlines = xcalloc(npara + 1, sizeof *w->nlines);
	w->first = xcalloc(npara + 1, sizeof *w->first);
	return w;
}

static void
wcache_free(struct wcache *w, size_t npara)
{
	size_t p;

	if (w == NULL)
		return;
	for (p = 0; p < npara; p++)
		text_para_free(w->paras[p]);
	free(w->paras);
	free(w->nlines);
	free(w->first);
	free(w);
}

struct text_layout *
text_layout_new(const struct text_doc *d, const struct text_opts *o, int width)
{
	struct text_layout *l = xcalloc(1, sizeof *l);

	l->doc = d;
	l->o = *o;
	l->cur = wcache_new(d->npara, width < MIN_WIDTH ? MIN_WIDTH : width);
	return l;
}

void
text_layout_free(struct text_layout *l)
{
	if (l == NULL)
		return;
	wcache_free(l->cur, l->doc->npara);
	wcache_free(l->prev, l->doc->npara);
	text_para_scratch_done(&l->s);
	text_para_free(l->spare);
	free(l->cp);
	free(l);
}

void
text_layout_set_width(struct text_layout *l, int width)
{
	struct wcache *w;

	if (width < MIN_WIDTH)
		width = MIN_WIDTH;
	if (width == l->cur->width)
		return;
	if (l->prev != NULL && l->prev->width == width) {
		w = l->prev;
		l->prev = l->cur;
		l->cur = w;
		return;
	}
	wcache_free(l->prev, l->doc->npara);
	l->prev = l->cur;
	l->cur = wcache_new(l->doc->npara, width);
}

int
text_layout_width(const struct text_layout *l)
{
	return l->cur->width;
}

/* What a laid-out paragraph holds, its cell index (built later) included. */
static size_t
para_bytes(const struct text_para *tp)
{
	return sizeof *tp + tp->cap + (tp->n + 1) * sizeof *tp->l2c;
}

/* Drops paragraph p's cells (its line count stays), keeping one block
 * for the next layout to reuse. */
static void
drop_para(struct text_layout *l, size_t p)
{
	struct wcache *w = l->cur;
	struct text_para *tp = w->paras[p];

	w->paras[p] = NULL;
	w->bytes -= para_bytes(tp);
	if (l->spare == NULL)
		l->spare = tp;
	else
		text_para_free(tp);
}

/* Over the budget: drops paragraphs other than keep, in turn. */
static void
trim(struct text_layout *l, size_t keep)
{
	struct wcache *w = l->cur;
	size_t npara = l->doc->npara, seen = 0;

	while (w->bytes > TEXT_CACHE_BUDGET && seen++ < npara) {
		size_t q = w->hand;

		w->hand = (w->hand + 1) % npara;
		if (q != keep && w->paras[q] != NULL)
			drop_para(l, q);
	}
}

static const struct text_para *
get_para(struct text_layout *l, size_t p)
{
	struct wcache *w = l->cur;
	struct text_para *tp = w->paras[p];
	size_t n;

	if (tp != NULL)
		return tp;
	n = text_doc_decode(l->doc, p, &l->cp, &l->cpcap);
	if ((tp = l->spare) != NULL)
		l->spare = NULL;
	else
		tp = xcalloc(1, sizeof *tp);
	text_para_layout(tp, &l->s, l->cp, n, text_doc_para_start(l->doc, p),
	    &l->o, w->width);
	w->paras[p] = tp;
	w->nlines[p] = (uint32_t)tp->nlines;
	w->bytes += para_bytes(tp);
	trim(l, p);
	return tp;
}

void
text_layout_forget(struct text_layout *l, size_t p)
{
	if (l->cur->paras[p] != NULL)
		drop_para(l, p);
}

size_t
text_layout_cache_bytes(const struct text_layout *l)
{
	return l->cur->bytes;
}

static void
count_lines(struct text_layout *l)
{
	struct wcache *w = l->cur;
	size_t p, total = 0;

	if (w->counted)
		return;
	for (p = 0; p < l->doc->npara; p++) {
		if (w->nlines[p] == 0)
			get_para(l, p);
		w->first[p] = total;
		total += w->nlines[p];
	}
	w->first[l->doc->npara] = total;
	w->counted = true;
}

size_t
text_layout_lines(struct text_layout *l)
{
	count_lines(l);
	return l->cur->first[l->doc->npara];
}

size_t
text_layout_para_first(struct text_layout *l, size_t p, size_t *nlines)
{
	count_lines(l);
	*nlines = l->cur->nlines[p];
	return l->cur->first[p];
}

/* Paragraph holding screen line i (first[] is valid). */
static size_t
para_of_line(const struct wcache *w, size_t npara, size_t i)
{
	size_t lo = 0, hi = npara;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (w->first[mid] <= i)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static void
fill_line(const struct text_layout *l, const struct text_para *tp, size_t p,
    size_t k, struct text_line *out)
{
	const struct text_para_line *tl = &tp->lines[k];
	size_t base = text_doc_para_start(l->doc, p);
	int width = l->cur->width;

	out->para = p;
	out->start = base + tl->start;
	out->end = base + tl->end;
	out->cols = tl->cols;
	out->rtl = tp->rtl;
	out->last = k + 1 == tp->nlines;
	out->x = tp->rtl && l->o.bidi == TEXT_BIDI_APP && tl->cols < width ?
	    width - tl->cols : 0;
	out->ncells = tl->ncells;
	out->cells = tp->cells + tl->cell;
	out->glyphs = tp->glyphs;
}

size_t
text_layout_para_lines(struct text_layout *l, size_t p)
{
	return get_para(l, p)->nlines;
}

void
text_layout_para_line(struct text_layout *l, size_t p, size_t k,
    struct text_line *out)
{
	fill_line(l, get_para(l, p), p, k, out);
}

void
text_layout_line(struct text_layout *l, size_t i, struct text_line *out)
{
	size_t p;
	const struct text_para *tp;

	count_lines(l);
	assert(i < l->cur->first[l->doc->npara]);
	p = para_of_line(l->cur, l->doc->npara, i);
	tp = get_para(l, p);
	fill_line(l, tp, p, i - l->cur->first[p], out);
}

/* Does line ln read right to left on screen (for the sides of the text)? */
static bool
visual_rtl(const struct text_layout *l, const struct text_line *ln)
{
	return ln->rtl && l->o.bidi == TEXT_BIDI_APP;
}

void
text_layout_locate(struct text_layout *l, size_t off, size_t *line, int *col)
{
	const struct text_para *tp;
	struct text_line ln;
	size_t p, start, rel, k, c, first;
	int x;

	*line = 0;
	*col = 0;
	if (l->doc->npara == 0)
		return;
	count_lines(l);
	p = text_doc_paragraph_at(l->doc, off);
	tp = get_para(l, p);
	first = l->cur->first[p];
	start = text_doc_para_start(l->doc, p);
	if (off < start + tp->n && off >= start) {
		rel = off - start;
		c = text_para_l2c(l->cur->paras[p])[rel];
		for (k = 0; k + 1 < tp->nlines && tp->lines[k + 1].cell <= c; k++)
			;
		fill_line(l, tp, p, k, &ln);
		*line = first + k;
		for (x = ln.x, c -= tp->lines[k].cell, k = 0; k < c; k++)
			x += ln.cells[k].cols;
		*col = x;
		return;
	}
	/* at the paragraph end: just past the text, in the paragraph direction */
	fill_line(l, tp, p, tp->nlines - 1, &ln);
	*line = first + tp->nlines - 1;
	if (visual_rtl(l, &ln))
		*col = ln.x > 0 ? ln.x - 1 : 0;
	else
		*col = ln.x + ln.cols > l->cur->width ? l->cur->width : ln.x + ln.cols;
}

size_t
text_layout_offset_at(struct text_layout *l, size_t i, int col)
{
	struct text_line ln;
	size_t k, end;
	bool rtl;
	int x;

	if (l->doc->npara == 0)
		return 0;
	text_layout_line(l, i, &ln);
	rtl = visual_rtl(l, &ln);
	/* the logical end of the line */
	end = ln.last ? ln.end : ln.start;
	for (k = 0; k < ln.ncells; k++)
		if (ln.cells[k].end == ln.end)
			end = ln.last ? ln.end : ln.cells[k].start;
	if (col < ln.x)
		return rtl ? end : ln.start;
	for (x = ln.x, k = 0; k < ln.ncells; k++) {
		if (col >= x && col < x + ln.cells[k].cols)
			return ln.cells[k].start;
		x += ln.cells[k].cols;
	}
	return rtl ? ln.start : end;
}

size_t
text_layout_runs(struct text_layout *l, size_t i, size_t s, size_t e,
    struct text_run *runs, size_t max)
{
	struct text_line ln;
	size_t k, nr = 0;
	bool open = false;
	int x;

	text_layout_line(l, i, &ln);
	for (x = ln.x, k = 0; k < ln.ncells; k++) {
		const struct text_cell *c = &ln.cells[k];
		bool in = c->end > s && c->start < e;

		if (c->cols == 0) {
			continue;	/* hanging or invisible: never splits a run */
		}
		if (in && open) {
			if (nr <= max)
				runs[nr - 1].cols += c->cols;
		} else if (in) {
			if (nr < max) {
				runs[nr].x = x;
				runs[nr].cols = c->cols;
			}
			nr++;
			open = true;
		} else {
			open = false;
		}
		x += c->cols;
	}
	return nr;
}

size_t
text_cell_utf8(const struct text_line *ln, const struct text_cell *c,
    char *out, size_t cap)
{
	size_t k, n = 0;

	for (k = 0; k < c->nglyph; k++) {
		uint8_t tmp[6];
		int m = u8_uctomb(tmp, ln->glyphs[c->glyph + k], sizeof tmp);

		if (m <= 0 || n + (size_t)m + 1 > cap)
			break;
		memcpy(out + n, tmp, (size_t)m);
		n += (size_t)m;
	}
	if (cap > 0)
		out[n] = '\0';
	return n;
}
