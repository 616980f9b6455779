/*
 * text-layout.c: text_layout, a document seen at one width, and its cache.
 *
 * Per width the layout keeps, for every paragraph, its line count and
 * (once asked for) its laid-out lines and cells (struct text_para), so a
 * redraw or a scroll at the same width does no layout work. A paragraph is
 * laid out the first time one of its lines is needed; until then its line
 * count is estimated from its bytes (est_lines), as less(1) estimates the
 * lines of a file it has not read. Screen line numbers are sums of these
 * counts, kept in a Fenwick tree (fen[]) so that the first line of a
 * paragraph, the paragraph of a line and the update when a paragraph's
 * real count replaces its estimate all cost O(log paragraphs): opening or
 * resizing a 50 MB document lays out only what the pane shows.
 *
 * So a line number is exact up to the first paragraph not yet laid out,
 * and an estimate past it: laying out a paragraph moves the numbers of the
 * lines after it, never before. Callers that need to stay on the same text
 * across calls keep a paragraph and a line in it (vm-transcript.c does);
 * text_layout_lines lays out everything and makes every number exact.
 * The previous width's cache is kept so resizing back is free; older ones
 * are dropped.
 *
 * The cells cost about 30 bytes a character, so each width's cache keeps
 * at most TEXT_CACHE_BUDGET bytes of them: a hostile document (a 50 MB line, a
 * million paragraphs) is laid out by the window the pane shows. Past the
 * budget, laying out a paragraph drops others (their line counts stay),
 * taken in turn by a clock hand over the paragraphs: the oldest-laid ones
 * go first when scrolling in one direction, and a screenful is far below
 * the budget, so what is on screen is not dropped while it is drawn. No
 * real transcript comes near the budget.
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
	size_t *fen;		/* Fenwick tree of the line counts, 1-based */
	size_t npara, top;	/* top: the highest power of 2 <= npara */
	size_t total;		/* lines, estimated until every count is known */
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

/*
 * Lines paragraph p will likely take at width: its bytes over a line's,
 * counting a column 1.5 bytes (Persian letters are 2, Latin 1, and lines
 * end short of the width). Any figure keeps line numbers consistent; a
 * close one keeps the scroll position and the percentage honest.
 */
static size_t
est_lines(const struct text_doc *d, size_t p, int width)
{
	size_t per = (size_t)width * 3 / 2, nb = d->paras[p].nbyte;

	return nb == 0 ? 1 : (nb + per - 1) / per;
}

static struct wcache *
wcache_new(const struct text_doc *d, int width)
{
	struct wcache *w = xcalloc(1, sizeof *w);
	size_t n = d->npara, i, j;

	w->width = width;
	w->npara = n;
	w->paras = xcalloc(n + 1, sizeof *w->paras);
	w->nlines = xcalloc(n + 1, sizeof *w->nlines);
	w->fen = xcalloc(n + 1, sizeof *w->fen);
	/* the tree built in linear time: each node adds itself to its parent */
	for (i = 1; i <= n; i++) {
		w->fen[i] += est_lines(d, i - 1, width);
		w->total += est_lines(d, i - 1, width);
		if ((j = i + (i & -i)) <= n)
			w->fen[j] += w->fen[i];
	}
	for (w->top = 1; w->top * 2 <= n; w->top *= 2)
		;
	return w;
}

/* Lines of the paragraphs before p (the first line of p). */
static size_t
wc_first(const struct wcache *w, size_t p)
{
	size_t s = 0;

	for (; p > 0; p -= p & -p)
		s += w->fen[p];
	return s;
}

/* The paragraph holding line i (< total), and in *k the line within it. */
static size_t
wc_find(const struct wcache *w, size_t i, size_t *k)
{
	size_t pos = 0, step;

	for (step = w->npara > 0 ? w->top : 0; step > 0; step /= 2)
		if (pos + step <= w->npara && w->fen[pos + step] <= i) {
			pos += step;
			i -= w->fen[pos];
		}
	*k = i;
	return pos;
}

/* Paragraph p turns out to take n lines: the lines after it move. */
static void
wc_set(struct wcache *w, const struct text_doc *d, size_t p, size_t n)
{
	size_t old = w->nlines[p] ? w->nlines[p] : est_lines(d, p, w->width);
	size_t i;

	w->nlines[p] = (uint32_t)n;
	if (n == old)
		return;
	/* unsigned arithmetic wraps: adding n - old subtracts when n < old */
	for (i = p + 1; i <= w->npara; i += i & -i)
		w->fen[i] += n - old;
	w->total += n - old;
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
	free(w->fen);
	free(w);
}

struct text_layout *
text_layout_new(const struct text_doc *d, const struct text_opts *o, int width)
{
	struct text_layout *l = xcalloc(1, sizeof *l);

	l->doc = d;
	l->o = *o;
	l->cur = wcache_new(d, width < MIN_WIDTH ? MIN_WIDTH : width);
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
	l->cur = wcache_new(l->doc, width);
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
	if (w->nlines[p] == 0)
		wc_set(w, l->doc, p, tp->nlines);
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

size_t
text_layout_lines(struct text_layout *l)
{
	struct wcache *w = l->cur;
	size_t p;

	/* streaming: the budget drops the cells, the counts stay */
	for (p = 0; p < l->doc->npara; p++)
		if (w->nlines[p] == 0)
			get_para(l, p);
	return w->total;
}

size_t
text_layout_lines_est(const struct text_layout *l)
{
	return l->cur->total;
}

size_t
text_layout_para_first(struct text_layout *l, size_t p, size_t *nlines)
{
	if (l->cur->nlines[p] == 0)
		get_para(l, p);
	*nlines = l->cur->nlines[p];
	return wc_first(l->cur, p);
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

/* The paragraph of line i (clamped to the last line) and in *k the line
 * within it, laid out. */
static size_t
find_line(struct text_layout *l, size_t i, size_t *k)
{
	struct wcache *w = l->cur;
	size_t p;

	assert(l->doc->npara > 0);
	/* laying out the paragraph an estimate names moves the lines after
	 * it, so line i may then belong to the next one: look again */
	for (;;) {
		if (i >= w->total)
			i = w->total - 1;
		p = wc_find(w, i, k);
		if (w->nlines[p] != 0)
			return p;
		get_para(l, p);
	}
}

void
text_layout_line(struct text_layout *l, size_t i, struct text_line *out)
{
	size_t k, p = find_line(l, i, &k);

	fill_line(l, get_para(l, p), p, k, out);
}

/* Does line ln read right to left on screen (for the sides of the text)? */
static bool
visual_rtl(const struct text_layout *l, const struct text_line *ln)
{
	return ln->rtl && l->o.bidi == TEXT_BIDI_APP;
}

void
text_layout_locate_para(struct text_layout *l, size_t off, size_t *para,
    size_t *k, int *col)
{
	const struct text_para *tp;
	struct text_line ln;
	size_t p, start, rel, c, j;
	int x;

	*para = *k = 0;
	*col = 0;
	if (l->doc->npara == 0)
		return;
	p = text_doc_paragraph_at(l->doc, off);
	tp = get_para(l, p);
	start = text_doc_para_start(l->doc, p);
	*para = p;
	if (off < start + tp->n && off >= start) {
		rel = off - start;
		c = text_para_l2c(l->cur->paras[p])[rel];
		for (j = 0; j + 1 < tp->nlines && tp->lines[j + 1].cell <= c; j++)
			;
		fill_line(l, tp, p, j, &ln);
		*k = j;
		for (x = ln.x, c -= tp->lines[j].cell, j = 0; j < c; j++)
			x += ln.cells[j].cols;
		*col = x;
		return;
	}
	/* at the paragraph end: just past the text, in the paragraph direction */
	fill_line(l, tp, p, tp->nlines - 1, &ln);
	*k = tp->nlines - 1;
	if (visual_rtl(l, &ln))
		*col = ln.x > 0 ? ln.x - 1 : 0;
	else
		*col = ln.x + ln.cols > l->cur->width ? l->cur->width : ln.x + ln.cols;
}

void
text_layout_locate(struct text_layout *l, size_t off, size_t *line, int *col)
{
	size_t p, k;

	text_layout_locate_para(l, off, &p, &k, col);
	*line = l->doc->npara == 0 ? 0 : wc_first(l->cur, p) + k;
}

size_t
text_layout_para_offset_at(struct text_layout *l, size_t p, size_t k, int col)
{
	struct text_line ln;
	size_t j, end;
	bool rtl;
	int x;

	if (l->doc->npara == 0)
		return 0;
	text_layout_para_line(l, p, k, &ln);
	rtl = visual_rtl(l, &ln);
	/* the logical end of the line */
	end = ln.last ? ln.end : ln.start;
	for (j = 0; j < ln.ncells; j++)
		if (ln.cells[j].end == ln.end)
			end = ln.last ? ln.end : ln.cells[j].start;
	if (col < ln.x)
		return rtl ? end : ln.start;
	for (x = ln.x, j = 0; j < ln.ncells; j++) {
		if (col >= x && col < x + ln.cells[j].cols)
			return ln.cells[j].start;
		x += ln.cells[j].cols;
	}
	return rtl ? ln.start : end;
}

size_t
text_layout_offset_at(struct text_layout *l, size_t i, int col)
{
	size_t p, k;

	if (l->doc->npara == 0)
		return 0;
	p = find_line(l, i, &k);
	return text_layout_para_offset_at(l, p, k, col);
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
