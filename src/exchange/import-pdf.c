/*
 * import-pdf.c: the text of a PDF transcript, through poppler-glib.
 *
 * Poppler's selection text, the one text poppler-glib gives, puts a right-
 * to-left line in logical order (each word wrapped in bidi embedding
 * marks) and keeps what the PDF says a glyph stands for (ActualText: the
 * ZWNJ of a Persian word survives), but a selection from a page's corners
 * loses a right-to-left line that starts or ends a block, and sets the
 * spaces of such a line one word off. So each line is selected on its own,
 * between its two ends: poppler renders the page into an alpha mask, a
 * band of inked rows is a line (or lines whose ink touches: what lies above
 * and below the line found is probed again), and the selection runs
 * through the band's middle from the ink's right end to its left. The
 * words come from poppler (split at spaces and at the marks, which are
 * dropped), the spaces from the page: poppler_page_get_text_layout_for_area
 * gives a box for every character of the same selection, and two words
 * are a space apart when their boxes are and no ink lies between them (a
 * kashida stretching a justified line is ink, and no space). Lines are
 * ordered top to bottom: one column.
 *
 * Lines make paragraphs. A line ends its paragraph when the next line's
 * first word would have fitted in the room it leaves between the page's
 * text edges (that word went down for another reason: a new paragraph),
 * whatever the alignment, or when the gap to the next line is clearly more
 * than the page's usual line pitch. A page ends a paragraph, so a header
 * or footer is never fused into the text. Lines join with one space.
 *
 * Refused, with nothing made: a damaged or password-protected file, and
 * one with no text on any page (a scan). Said in the notice: pages with
 * no text, and text whose common Persian words read backwards (visual
 * order, which no later step can be trusted to undo).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <poppler.h>

#include "exchange/exchange.h"
#include "base/i18n.h"
#include "exchange/exchange-int.h"

/*
 * LeakSanitizer's hook (read only in sanitizer builds: make asan, the fuzz
 * harnesses): fontconfig, which rendering a page starts, keeps a block it
 * never frees and LeakSanitizer reports at exit. It is not axial's.
 */
const char *__lsan_default_suppressions(void);
const char *
__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

struct glyph {
	uint32_t c;
	double x1, x2, y1, y2;
	bool cut;		/* a word starts here (poppler's marks said so) */
};
struct word {
	size_t from, to;	/* glyphs [from, to) */
	double x1, x2;
};
struct line {
	size_t w, nw;		/* words [w, w + nw) */
	double x1, x2, y1, y2;
};
struct page {
	struct glyph *g;
	size_t ng, capg;
	struct word *w;
	size_t nw, capw;
	struct line *l;
	size_t nl, capl;
};

static bool
is_mark(uint32_t c)
{
	return c >= 0x202a && c <= 0x202e;
}

static bool
is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0xa0;
}

/*
 * Appends the selection of page pg from corner (x1, y1) to (x2, y2) to p
 * as glyphs with boxes; the number appended, 0 when its text and its
 * boxes do not pair up.
 */
static size_t
select_glyphs(PopplerPage *pg, PopplerRectangle *r, struct page *p)
{
	PopplerRectangle *box = NULL;
	guint nbox = 0, k = 0;
	char *t = poppler_page_get_selected_text(pg, POPPLER_SELECTION_GLYPH, r);
	const char *s;
	size_t start = p->ng;
	bool closed = false, cut = false;

	if (t == NULL || !poppler_page_get_text_layout_for_area(pg, r, &box,
	    &nbox))
		nbox = 0;
	for (s = t; s != NULL && *s != '\0' && k <= nbox; s = g_utf8_next_char(s)) {
		uint32_t c = g_utf8_get_char(s);
		struct glyph *g;

		if (is_mark(c)) {
			/* a closing mark, then an opening one: a new word */
			cut |= closed && c != 0x202c;
			closed = c == 0x202c;
			continue;
		}
		if (k == nbox) {
			k++;
			break;
		}
		p->g = xgrow(p->g, &p->capg, p->ng + 1, sizeof *p->g);
		g = &p->g[p->ng++];
		g->c = c;
		g->x1 = MIN(box[k].x1, box[k].x2);
		g->x2 = MAX(box[k].x1, box[k].x2);
		g->y1 = MIN(box[k].y1, box[k].y2);
		g->y2 = MAX(box[k].y1, box[k].y2);
		g->cut = cut;
		cut = closed = false;
		k++;
	}
	if (k != nbox)
		p->ng = start;
	g_free(box);
	g_free(t);
	return p->ng - start;
}

/*
 * Where the page has ink, row by row: poppler renders it into an alpha
 * mask, PDF_SCALE pixels a point (less for a huge page).
 */
struct ink {
	cairo_surface_t *sf;
	const unsigned char *px;
	int rows, cols, stride;
	double scale;
	int *x1, *x2;		/* a row's leftmost and rightmost inked pixel; x1 > x2: none */
};

static void
ink_read(PopplerPage *pg, double w, double h, struct ink *k)
{
	double sc = MIN(PDF_SCALE, MIN(PDF_MAX_PIXELS / MAX(w, 1),
	    PDF_MAX_PIXELS / MAX(h, 1)));
	int cols = (int)(w * sc) + 1, r, c, stride;
	cairo_surface_t *sf;
	cairo_t *cr;
	const unsigned char *px;

	k->scale = sc;
	k->cols = cols;
	k->rows = (int)(h * sc) + 1;
	k->x1 = xcalloc((size_t)k->rows, sizeof *k->x1);
	k->x2 = xcalloc((size_t)k->rows, sizeof *k->x2);
	sf = cairo_image_surface_create(CAIRO_FORMAT_A8, cols, k->rows);
	cr = cairo_create(sf);
	cairo_scale(cr, sc, sc);
	poppler_page_render(pg, cr);
	cairo_destroy(cr);
	cairo_surface_flush(sf);
	k->sf = sf;
	k->px = px = cairo_image_surface_get_data(sf);
	k->stride = stride = cairo_image_surface_get_stride(sf);
	for (r = 0; r < k->rows; r++) {
		k->x1[r] = cols;
		k->x2[r] = -1;
		for (c = 0; px != NULL && c < cols; c++)
			if (px[(size_t)r * (size_t)stride + (size_t)c] > 64) {
				k->x1[r] = MIN(k->x1[r], c);
				k->x2[r] = c;
			}
	}
}

static void
ink_done(struct ink *k)
{
	cairo_surface_destroy(k->sf);
	free(k->x1);
	free(k->x2);
}

/*
 * Whether there is ink in the middle third of the gap between x1 and x2
 * at the height where letters join, in a line from y1 to y2: a kashida
 * (tatweel) stretching a justified Persian line, which a PDF often maps to
 * no character, leaves a gap that is not a space.
 */
static bool
ink_between(const struct ink *k, double x1, double x2, double y1, double y2)
{
	double sc = k->scale, third = (x2 - x1) / 3;
	int c1 = (int)((x1 + third) * sc), c2 = (int)((x2 - third) * sc);
	int r1 = (int)((y1 + 0.55 * (y2 - y1)) * sc);
	int r2 = (int)((y1 + 0.85 * (y2 - y1)) * sc), r, c;

	if (k->px == NULL)
		return false;
	for (r = MAX(r1, 0); r <= r2 && r < k->rows; r++)
		for (c = MAX(c1, 0); c <= c2 && c < k->cols; c++)
			if (k->px[(size_t)r * (size_t)k->stride + (size_t)c] > 64)
				return true;
	return false;
}

/*
 * The line through y as poppler selects it from its right end xr to its
 * left end xl or the other way (the longer), appended to p with a line
 * break; false if there is none. A selection between the ends of the one
 * line is the one poppler never cuts short: from the corners of a page
 * or a block it loses a right-to-left line that starts or ends it.
 */
static bool
probe(PopplerPage *pg, struct page *p, double y, double xl, double xr,
    double *top, double *bottom)
{
	PopplerRectangle rl = {xr, y, xl, y}, lr = {xl, y, xr, y};
	size_t start = p->ng, n, i;

	n = select_glyphs(pg, &rl, p);
	p->ng = start;
	if (select_glyphs(pg, &lr, p) < n) {
		p->ng = start;
		select_glyphs(pg, &rl, p);
	}
	if (p->ng == start)
		return false;
	*top = p->g[start].y1;
	*bottom = p->g[start].y2;
	for (i = start; i < p->ng; i++) {
		*top = MIN(*top, p->g[i].y1);
		*bottom = MAX(*bottom, p->g[i].y2);
	}
	p->g = xgrow(p->g, &p->capg, p->ng + 1, sizeof *p->g);
	memset(&p->g[p->ng], 0, sizeof p->g[p->ng]);
	p->g[p->ng++].c = '\n';
	return true;
}

/*
 * The lines in pixel rows [r1, r2): trimmed to ink, probed in the middle
 * between the ink's ends, then what lies above and below the line found
 * (two lines whose ink touches). Stops when a probe finds nothing or a
 * line outside the rows.
 */
static void
scan_rows(PopplerPage *pg, struct page *p, const struct ink *k, int r1,
    int r2, int depth)
{
	int r, xl = INT_MAX, xr = -1, t, b;
	double top, bottom, sc = k->scale;
	size_t start = p->ng;

	while (r1 < r2 && k->x1[r1] > k->x2[r1])
		r1++;
	while (r2 > r1 && k->x1[r2 - 1] > k->x2[r2 - 1])
		r2--;
	if (r2 - r1 < 2 || depth > 64)
		return;
	for (r = r1; r < r2; r++) {
		xl = MIN(xl, k->x1[r]);
		xr = MAX(xr, k->x2[r]);
	}
	if (!probe(pg, p, (r1 + r2) / 2.0 / sc, xl / sc, (xr + 1) / sc, &top,
	    &bottom))
		return;
	t = (int)(top * sc);
	b = (int)(bottom * sc) + 1;
	if (b <= r1 || t >= r2) {
		p->ng = start;	/* another line: not these rows' */
		return;
	}
	scan_rows(pg, p, k, r1, t, depth + 1);
	scan_rows(pg, p, k, b, r2, depth + 1);
}

/* The page's lines, one band of inked rows (blank rows between) at a time. */
static void
scan_page(PopplerPage *pg, struct page *p, const struct ink *k)
{
	int r = 0, r1;

	while (r < k->rows) {
		for (; r < k->rows && k->x1[r] > k->x2[r]; r++)
			;
		for (r1 = r; r < k->rows && k->x1[r] <= k->x2[r]; r++)
			;
		scan_rows(pg, p, k, r1, r, 0);
	}
}

static int
cmp_line(const void *a, const void *b)
{
	const struct line *x = a, *y = b;

	return (x->y1 > y->y1) - (x->y1 < y->y1);
}

/*
 * Lines top to bottom, each once: of two that share more than half their
 * height (one line found by two probes), the one with more words stays.
 */
static void
order_lines(struct page *p)
{
	size_t i, n = 0;

	if (p->nl > 1)	/* none: p->l may be NULL */
		qsort(p->l, p->nl, sizeof *p->l, cmp_line);
	for (i = 0; i < p->nl; i++) {
		struct line *a = n > 0 ? &p->l[n - 1] : NULL, *b = &p->l[i];
		double shared = a == NULL ? 0 : MIN(a->y2, b->y2) - b->y1;

		if (a != NULL && shared > 0.5 * MIN(a->y2 - a->y1, b->y2 - b->y1)) {
			if (b->nw > a->nw)
				*a = *b;
		} else {
			p->l[n++] = *b;
		}
	}
	p->nl = n;
}

/* Words and lines of the glyphs in p. */
static void
split_lines(struct page *p)
{
	size_t i = 0;

	p->nw = p->nl = 0;
	while (i < p->ng) {
		struct line *ln;

		p->l = xgrow(p->l, &p->capl, p->nl + 1, sizeof *p->l);
		ln = &p->l[p->nl];
		memset(ln, 0, sizeof *ln);
		ln->w = p->nw;
		for (; i < p->ng && p->g[i].c != '\n'; i++) {
			struct glyph *g = &p->g[i];
			struct word *w = p->nw > ln->w ? &p->w[p->nw - 1] : NULL;

			if (is_space(g->c))
				continue;
			if (w == NULL || w->to != i || g->cut) {
				p->w = xgrow(p->w, &p->capw, p->nw + 1, sizeof *p->w);
				w = &p->w[p->nw++];
				w->from = i;
				w->x1 = g->x1;
				w->x2 = g->x2;
			}
			w->to = i + 1;
			w->x1 = MIN(w->x1, g->x1);
			w->x2 = MAX(w->x2, g->x2);
			if (w->from == i && p->nw - 1 == ln->w) {
				ln->x1 = g->x1;
				ln->x2 = g->x2;
				ln->y1 = g->y1;
				ln->y2 = g->y2;
			}
			ln->x1 = MIN(ln->x1, g->x1);
			ln->x2 = MAX(ln->x2, g->x2);
			ln->y1 = MIN(ln->y1, g->y1);
			ln->y2 = MAX(ln->y2, g->y2);
		}
		i++;			/* the newline */
		ln->nw = p->nw - ln->w;
		if (ln->nw > 0)
			p->nl++;
	}
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The usual distance from one line's top to the next's, or 0. */
static double
line_pitch(const struct page *p)
{
	double *d = xmalloc((p->nl + 1) * sizeof *d), m;
	size_t i, n = 0;

	for (i = 0; i + 1 < p->nl; i++)
		if (p->l[i + 1].y1 > p->l[i].y1)
			d[n++] = p->l[i + 1].y1 - p->l[i].y1;
	qsort(d, n, sizeof *d, cmp_double);
	m = n > 0 ? d[n / 2] : 0;
	free(d);
	return m;
}

/*
 * Whether the paragraph of line a (of page p) ends before line b: b's
 * first word would have fitted in the room a leaves on its two sides
 * (so whatever the alignment), or b is clearly further down than the
 * page's usual line pitch, or above a.
 */
static bool
para_ends(const struct page *p, const struct line *a, const struct line *b,
    double left, double right, double pitch)
{
	const struct word *first = &p->w[b->w];
	double h = a->y2 - a->y1, gap = b->y1 - a->y1;
	double room = (a->x1 - left) + (right - a->x2);

	return gap <= 0 || (pitch > 0 && gap > 1.4 * pitch) ||
	    room > first->x2 - first->x1 + 0.2 * h;
}

static void
put_glyphs(struct buf *out, const struct page *p, size_t from, size_t to)
{
	char u[8];
	size_t i;

	for (i = from; i < to; i++) {
		int n = g_unichar_to_utf8(p->g[i].c, u);

		buf_add(out, u, (size_t)n);
	}
}

/*
 * Page p's text onto out, paragraphs separated by LF; two words are a
 * space apart when their boxes are, by more than a tenth of the font size
 * or so, and with no ink between them.
 */
static void
put_page(struct buf *out, const struct page *p, const struct ink *ink)
{
	double left = 0, right = 0, pitch = line_pitch(p);
	size_t i, k;

	for (i = 0; i < p->nl; i++) {
		left = i == 0 ? p->l[i].x1 : MIN(left, p->l[i].x1);
		right = i == 0 ? p->l[i].x2 : MAX(right, p->l[i].x2);
	}
	for (i = 0; i < p->nl; i++) {
		const struct line *ln = &p->l[i];

		if (i == 0 && out->len > 0)
			buf_putc(out, '\n');
		else if (i > 0)
			buf_putc(out, para_ends(p, &p->l[i - 1], ln, left, right,
			    pitch) ? '\n' : ' ');
		for (k = ln->w; k < ln->w + ln->nw; k++) {
			const struct word *w = &p->w[k], *v = k > ln->w ? w - 1 : w;
			/* the gap between the two boxes, whichever side */
			double gx1 = MIN(w->x2, v->x2), gx2 = MAX(w->x1, v->x1);

			if (v != w && gx2 - gx1 > 0.08 * (ln->y2 - ln->y1) &&
			    !ink_between(ink, gx1, gx2, ln->y1, ln->y2))
				buf_putc(out, ' ');
			put_glyphs(out, p, w->from, w->to);
		}
	}
}

/* Poppler's own text of page pg, marks dropped: when the boxes fail. */
static void
put_plain(struct buf *out, PopplerPage *pg)
{
	char *t = poppler_page_get_text(pg);
	const char *s;
	char u[8];

	if (t != NULL && *t != '\0' && out->len > 0)
		buf_putc(out, '\n');
	for (s = t; s != NULL && *s != '\0'; s = g_utf8_next_char(s)) {
		uint32_t c = g_utf8_get_char(s);

		if (!is_mark(c))
			buf_add(out, u, (size_t)g_unichar_to_utf8(c, u));
	}
	g_free(t);
}

/*
 * Whether the text reads backwards: the commonest Persian words appear
 * reversed ("تسا" for "است") far more often than as they are written.
 */
static bool
reads_reversed(const char *s, size_t len)
{
	static const char *const common[] = {
		"است", "که", "در", "را", "این", "از", "با", "به", "برای", "آن",
		"می", "هم", "شد", "بود",
	};
	char *back[AX_ARRAY_LEN(common)];
	size_t i, n, fwd = 0, rev = 0;
	const char *end = s + len, *q;

	for (i = 0; i < AX_ARRAY_LEN(common); i++)
		back[i] = g_utf8_strreverse(common[i], -1);
	while (s < end) {
		/* a word: bytes up to ASCII (space, punctuation, digits) */
		for (q = s; q < end && (unsigned char)*q >= 0x80; q++)
			;
		n = (size_t)(q - s);
		for (i = 0; n > 0 && i < AX_ARRAY_LEN(common); i++) {
			fwd += strlen(common[i]) == n && memcmp(s, common[i], n) == 0;
			rev += strlen(back[i]) == n && memcmp(s, back[i], n) == 0;
		}
		s = q < end ? q + 1 : q;
	}
	for (i = 0; i < AX_ARRAY_LEN(common); i++)
		g_free(back[i]);
	return rev >= 3 && rev > 2 * fwd;
}

char *
pdf_extract(const char *data, size_t len, size_t *outlen, char **notice,
    char **err)
{
	GBytes *bytes = g_bytes_new_static(data, len);
	GError *ge = NULL;
	PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &ge);
	struct page p;
	struct buf out = {0}, note = {0};
	int i, n = 0, empty = 0;

	*notice = NULL;
	*err = NULL;
	memset(&p, 0, sizeof p);
	if (doc == NULL) {
		if (ge != NULL && ge->domain == POPPLER_ERROR &&
		    ge->code == POPPLER_ERROR_ENCRYPTED)
			*err = xstrdup(_("the PDF is password-protected: save a copy "
			    "without a password and import that"));
		else
			*err = xstrdup(_("not a readable PDF: the file is damaged or "
			    "truncated"));
		goto out;
	}
	if ((n = poppler_document_get_n_pages(doc)) > PDF_MAX_PAGES) {
		*err = xasprintf(_("the PDF has %d pages, more than the %d axial "
		    "reads"), n, PDF_MAX_PAGES);
		goto out;
	}
	for (i = 0; i < n && *err == NULL; i++) {
		PopplerPage *pg = poppler_document_get_page(doc, i);
		size_t before = out.len;
		struct ink ink;
		double w, h;

		if (pg == NULL) {
			empty++;
			continue;
		}
		poppler_page_get_size(pg, &w, &h);
		p.ng = 0;
		ink_read(pg, w, h, &ink);
		scan_page(pg, &p, &ink);
		split_lines(&p);
		order_lines(&p);
		put_page(&out, &p, &ink);
		ink_done(&ink);
		/* nothing found, but poppler has text: better its order than none */
		if (out.len == before)
			put_plain(&out, pg);
		g_object_unref(pg);
		empty += out.len == before;
		if (out.len > PDF_MAX_TEXT)
			*err = xasprintf(_("the PDF's text is larger than %zu MB"),
			    (size_t)PDF_MAX_TEXT >> 20);
	}
	if (*err == NULL && empty == n)
		*err = xstrdup(_("the PDF has no text, only images (a scan?): "
		    "run text recognition (OCR) on it first"));
	if (*err != NULL)
		goto out;
	if (empty > 0)
		/* TRANSLATORS: "1 page of 3 has no text ..." */
		buf_printf(&note, ngettext("%d page of %d has no text (an image?) "
		    "and was left out", "%d pages of %d have no text (images?) and "
		    "were left out", (unsigned long)empty), empty, n);
	if (reads_reversed(out.s, out.len))
		buf_printf(&note, "%s%s", note.len > 0 ? "\n" : "",
		    _("the right-to-left text reads backwards (the PDF keeps it in "
		    "visual order): it cannot be trusted; check it against the PDF"));
	*notice = note.len > 0 ? buf_take(&note) : NULL;
	buf_puts(&out, "");
	*outlen = out.len;
out:
	buf_done(&note);
	free(p.g);
	free(p.w);
	free(p.l);
	if (doc != NULL)
		g_object_unref(doc);
	if (ge != NULL)
		g_error_free(ge);
	g_bytes_unref(bytes);
	if (*err != NULL) {
		buf_done(&out);
		return NULL;
	}
	return buf_take(&out);
}
