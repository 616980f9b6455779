/*
 * import-pdf.c: the text of a PDF transcript, through poppler-glib.
 *
 * Poppler's selection text, the one text poppler-glib gives, puts right-to-
 * left lines in logical order (each word wrapped in bidi embedding marks),
 * but sets their spaces one word off: the space after a line's first word
 * is lost. So the words come from poppler (split at spaces and at the
 * marks, which are dropped) and the spaces between them from the page:
 * poppler_page_get_text_layout_for_area gives a box for every character
 * of the same selection, a word's box is the union of its glyphs', and two
 * words are a space apart when their boxes are. The selection has to start
 * where the page's first line starts (top right on a right-to-left page):
 * both corners are tried and the one that takes in more characters wins.
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
#include <stdlib.h>
#include <string.h>

#include <poppler.h>

#include "exchange/exchange.h"
#include "base/i18n.h"
#include "exchange/exchange-int.h"

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
 * The selection of page pg from corner (x1, y1) to (x2, y2) as glyphs with
 * boxes; false when its text and its boxes do not pair up.
 */
static bool
select_glyphs(PopplerPage *pg, PopplerRectangle *r, struct page *p)
{
	PopplerRectangle *box = NULL;
	guint nbox = 0, k = 0;
	char *t = poppler_page_get_selected_text(pg, POPPLER_SELECTION_GLYPH, r);
	const char *s;
	bool closed = false, cut = false, ok;

	p->ng = 0;
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
	ok = k == nbox;
	g_free(box);
	g_free(t);
	return ok;
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

/* Page p's text onto out, paragraphs separated by LF. */
static void
put_page(struct buf *out, const struct page *p)
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
			const struct word *w = &p->w[k], *v = &p->w[k - 1];

			/* the distance between the two boxes, whichever side */
			if (k > ln->w && MAX(w->x1, v->x1) - MIN(w->x2, v->x2) >
			    0.08 * (ln->y2 - ln->y1))
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
		PopplerRectangle from_left = {0, 0, 0, 0}, from_right;
		size_t before = out.len, ng;
		double w, h;
		bool ok;

		if (pg == NULL) {
			empty++;
			continue;
		}
		poppler_page_get_size(pg, &w, &h);
		from_left.x2 = w;
		from_left.y2 = h;
		from_right = from_left;
		from_right.x1 = w;
		from_right.x2 = 0;
		/* the corner that takes in more characters: see the top */
		ok = select_glyphs(pg, &from_right, &p);
		ng = p.ng;
		ok = ok && select_glyphs(pg, &from_left, &p);
		if (ok && ng > p.ng)
			select_glyphs(pg, &from_right, &p);
		if (ok) {
			split_lines(&p);
			put_page(&out, &p);
		} else {
			put_plain(&out, pg);
		}
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
		buf_printf(&note, ngettext("%d of %d page has no text (an image?) "
		    "and was left out", "%d of %d pages have no text (images?) and "
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
