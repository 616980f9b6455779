/*
 * analysis-paradigm.c: the paradigm model (Strauss & Corbin) as content per
 * slot, as a character-cell layout for a terminal pane, as Graphviz DOT and
 * as a standalone SVG that needs no Graphviz.
 *
 * The figure: causal conditions -> central phenomenon -> strategies ->
 * consequences in a row, contextual conditions above and intervening
 * conditions below the strategies box, both with an arrow into it. A
 * right-to-left model (m->rtl: a Persian report) is that figure mirrored,
 * so it reads from the right; the boxes' lines are wrapped, measured and
 * given their direction by the text engine (text.h: UAX #14, FriBidi), and
 * the role titles are in the messages' language.
 */
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "stats/analysis.h"
#include "base/i18n.h"
#include "text/text.h"
#include "base/textin.h"

const enum paradigm_role an_slots[6] = {
	ROLE_CENTRAL, ROLE_CAUSAL, ROLE_CONTEXTUAL, ROLE_INTERVENING,
	ROLE_STRATEGIES, ROLE_CONSEQUENCES,
};

const struct an_arrow an_arrows[5] = {
	{ROLE_CAUSAL, ROLE_CENTRAL},
	{ROLE_CENTRAL, ROLE_STRATEGIES},
	{ROLE_STRATEGIES, ROLE_CONSEQUENCES},
	{ROLE_CONTEXTUAL, ROLE_STRATEGIES},
	{ROLE_INTERVENING, ROLE_STRATEGIES},
};

/* Index of role in an_slots (role must be one of them). */
static size_t
slot_of(enum paradigm_role role)
{
	size_t i;

	for (i = 0; i < 6; i++)
		if (an_slots[i] == role)
			return i;
	return 0;
}

void
an_paradigm(const struct an_project *a, bool with_codes, struct an_paradigm *m)
{
	size_t s, i, cap;

	memset(m, 0, sizeof *m);
	m->with_codes = with_codes;
	for (s = 0; s < 6; s++) {
		struct an_pslot *sl = &m->slot[s];
		bool in = false;

		sl->role = an_slots[s];
		cap = 0;
		/* codetree_load is depth first: a top-level node, then its subtree */
		for (i = 0; i < a->nnodes; i++) {
			const struct node *nd = &a->nodes[i];

			if (nd->depth == 0)
				in = nd->kind == NODE_CATEGORY && nd->role == sl->role;
			if (!in || (nd->kind == NODE_CODE && !with_codes))
				continue;
			sl->lines = xgrow(sl->lines, &cap, sl->nlines + 1,
			    sizeof *sl->lines);
			sl->lines[sl->nlines].text = nd->name;
			sl->lines[sl->nlines].node = i;
			sl->lines[sl->nlines].level = nd->depth;
			sl->lines[sl->nlines].is_code = nd->kind == NODE_CODE;
			sl->nlines++;
		}
	}
}

void
an_paradigm_done(struct an_paradigm *m)
{
	size_t s;

	for (s = 0; s < 6; s++)
		free(m->slot[s].lines);
	memset(m, 0, sizeof *m);
}

/* ---- Character-cell layout ---- */

enum { MIN_BOX_H = 3, MIN_BOX_W = 12, HGAP = 3 };

/*
 * Shares `avail` rows among n bands that each need need[i] (at least
 * MIN_BOX_H): everyone gets the minimum, then one row at a time goes to
 * the bands still short, in turn. Returns false when even the minimum
 * does not fit.
 */
static bool
share_rows(int avail, const int *need, int *got, size_t n)
{
	size_t i;
	bool more = true;

	for (i = 0; i < n; i++) {
		got[i] = MIN_BOX_H;
		avail -= MIN_BOX_H;
	}
	if (avail < 0)
		return false;
	while (avail > 0 && more) {
		more = false;
		for (i = 0; i < n && avail > 0; i++)
			if (got[i] < need[i]) {
				got[i]++;
				avail--;
				more = true;
			}
	}
	return true;
}

static int
box_need(const struct an_paradigm *m, size_t s)
{
	return 3 + (int)m->slot[s].nlines;	/* border, title, lines */
}

static void
fill_box(const struct an_paradigm *m, struct an_lbox *b, size_t s, int x,
    int y, int w, int h)
{
	size_t rows = (size_t)(h - 3), n = m->slot[s].nlines;

	b->role = an_slots[s];
	b->x = x;
	b->y = y;
	b->w = w;
	b->h = h;
	if (n <= rows) {
		b->nshown = n;
		b->more = 0;
	} else {
		/* the last row says "+N more" */
		b->nshown = rows > 0 ? rows - 1 : 0;
		b->more = n - b->nshown;
	}
}

static void
arrow(struct an_layout *l, enum paradigm_role from, enum paradigm_role to,
    int x1, int y1, int x2, int y2)
{
	struct an_larrow *r = &l->arrow[l->narrows++];

	r->from = from;
	r->to = to;
	r->x1 = x1;
	r->y1 = y1;
	r->x2 = x2;
	r->y2 = y2;
}

static bool
layout_wide(const struct an_paradigm *m, int width, int height,
    struct an_layout *l)
{
	/* columns: causal, central, strategies (contextual above, intervening
	 * below), consequences */
	static const enum paradigm_role row[4] = {ROLE_CAUSAL, ROLE_CENTRAL,
	    ROLE_STRATEGIES, ROLE_CONSEQUENCES};
	int cw[4], cx[4], need[3], got[3], i, x, mid_need = 0, ytop, ymid, ybot;
	const struct an_lbox *st, *ctx, *itv;
	int inner = width - 3 * HGAP;

	if (inner < 4 * MIN_BOX_W)
		return false;
	for (i = 0, x = 0; i < 4; i++) {
		cw[i] = inner / 4 + (i < inner % 4 ? 1 : 0);
		cx[i] = x;
		x += cw[i] + HGAP;
	}
	for (i = 0; i < 4; i++)
		if (box_need(m, slot_of(row[i])) > mid_need)
			mid_need = box_need(m, slot_of(row[i]));
	need[0] = box_need(m, slot_of(ROLE_CONTEXTUAL));
	need[1] = mid_need;
	need[2] = box_need(m, slot_of(ROLE_INTERVENING));
	if (!share_rows(height - 2, need, got, 3))
		return false;
	ytop = 0;
	ymid = got[0] + 1;
	ybot = ymid + got[1] + 1;
	for (i = 0; i < 4; i++) {
		size_t s = slot_of(row[i]);

		fill_box(m, &l->box[s], s, cx[i], ymid, cw[i], got[1]);
	}
	fill_box(m, &l->box[slot_of(ROLE_CONTEXTUAL)], slot_of(ROLE_CONTEXTUAL),
	    cx[2], ytop, cw[2], got[0]);
	fill_box(m, &l->box[slot_of(ROLE_INTERVENING)], slot_of(ROLE_INTERVENING),
	    cx[2], ybot, cw[2], got[2]);
	for (i = 0; i < 3; i++) {
		int y = ymid + got[1] / 2;

		arrow(l, row[i], row[i + 1], cx[i] + cw[i], y, cx[i + 1] - 1, y);
	}
	st = &l->box[slot_of(ROLE_STRATEGIES)];
	ctx = &l->box[slot_of(ROLE_CONTEXTUAL)];
	itv = &l->box[slot_of(ROLE_INTERVENING)];
	arrow(l, ROLE_CONTEXTUAL, ROLE_STRATEGIES, st->x + st->w / 2,
	    ctx->y + ctx->h, st->x + st->w / 2, st->y - 1);
	arrow(l, ROLE_INTERVENING, ROLE_STRATEGIES, st->x + st->w / 2,
	    itv->y - 1, st->x + st->w / 2, st->y + st->h);
	return true;
}

static bool
layout_stacked(const struct an_paradigm *m, int width, int height,
    struct an_layout *l)
{
	static const enum paradigm_role order[6] = {ROLE_CAUSAL, ROLE_CENTRAL,
	    ROLE_CONTEXTUAL, ROLE_INTERVENING, ROLE_STRATEGIES,
	    ROLE_CONSEQUENCES};
	int need[6], got[6], y = 0, i, yprev = 0;
	size_t k;

	if (width < MIN_BOX_W)
		return false;
	for (i = 0; i < 6; i++)
		need[i] = box_need(m, slot_of(order[i]));
	if (!share_rows(height - 5, need, got, 6))
		return false;
	for (i = 0; i < 6; i++) {
		size_t s = slot_of(order[i]);

		fill_box(m, &l->box[s], s, 0, y, width, got[i]);
		if (i > 0)
			for (k = 0; k < AX_ARRAY_LEN(an_arrows); k++)
				if (an_arrows[k].from == order[i - 1] &&
				    an_arrows[k].to == order[i])
					arrow(l, order[i - 1], order[i], width / 2,
					    yprev, width / 2, yprev);
		y += got[i];
		yprev = y;
		y++;
	}
	return true;
}

void
an_paradigm_layout(const struct an_paradigm *m, int width, int height,
    struct an_layout *l)
{
	memset(l, 0, sizeof *l);
	if (layout_wide(m, width, height, l)) {
		l->fits = true;
		return;
	}
	memset(l, 0, sizeof *l);
	if (layout_stacked(m, width, height, l)) {
		l->fits = true;
		l->stacked = true;
		return;
	}
	memset(l, 0, sizeof *l);
}

/* ---- Graphviz DOT ---- */

/* A DOT double-quoted string's content. */
static void
put_dot_str(struct buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			buf_putc(b, '\\');
		if (c == '\n' || c == '\r' || c == '\t')
			buf_putc(b, ' ');
		else if (c >= 0x20)
			buf_putc(b, (char)c);
	}
}

#define AN_FONTS "Vazirmatn, Noto Sans Arabic, Noto Naskh Arabic, Tahoma, " \
	"DejaVu Sans, sans-serif"

void
an_paradigm_dot(const struct an_paradigm *m, const char *title, struct buf *b)
{
	size_t s, i;

	/* a right-to-left model flows from the right, as in the SVG */
	buf_printf(b, "digraph paradigm {\n"
	    "\tgraph [rankdir=%s, nodesep=0.4, ranksep=0.7, labelloc=t, "
	    "fontname=\"" AN_FONTS "\"", m->rtl ? "RL" : "LR");
	if (title != NULL && *title) {
		buf_puts(b, ", label=\"");
		put_dot_str(b, title);
		buf_putc(b, '"');
	}
	buf_puts(b, "];\n\tnode [shape=box, style=rounded, margin=\"0.2,0.1\", "
	    "fontname=\"" AN_FONTS "\", fontsize=11];\n"
	    "\tedge [penwidth=1.2, arrowsize=0.8];\n");
	for (s = 0; s < 6; s++) {
		const struct an_pslot *sl = &m->slot[s];

		buf_printf(b, "\t%s [label=<<TABLE BORDER=\"0\" CELLSPACING=\"1\">"
		    "<TR><TD><B>", paradigm_role_name(sl->role));
		buf_xml_text(b, _(paradigm_role_title(sl->role)), NULL);
		buf_puts(b, "</B></TD></TR>");
		if (sl->nlines == 0)
			buf_puts(b, "<TR><TD>-</TD></TR>");
		for (i = 0; i < sl->nlines; i++) {
			const struct an_pline *ln = &sl->lines[i];

			buf_puts(b, "<TR><TD>");
			if (ln->is_code)
				buf_puts(b, "<FONT POINT-SIZE=\"9\">");
			else if (ln->level == 0)
				buf_puts(b, "<U>");
			buf_xml_text(b, ln->text, NULL);
			if (ln->is_code)
				buf_puts(b, "</FONT>");
			else if (ln->level == 0)
				buf_puts(b, "</U>");
			buf_puts(b, "</TD></TR>");
		}
		buf_puts(b, "</TABLE>>];\n");
	}
	for (i = 0; i < AX_ARRAY_LEN(an_arrows); i++)
		buf_printf(b, "\t%s -> %s;\n", paradigm_role_name(an_arrows[i].from),
		    paradigm_role_name(an_arrows[i].to));
	buf_puts(b, "\t{ rank=same; contextual; central; intervening; }\n"
	    "\tcontextual -> central -> intervening [style=invis];\n}\n");
}

/* ---- SVG ---- */

enum {
	SVG_MARGIN = 20, SVG_HGAP = 56, SVG_VGAP = 44, SVG_PAD = 12,
	SVG_TITLE_H = 24, SVG_LINE_H = 18, SVG_MINW = 190, SVG_MAXW = 380,
	SVG_CHAR_W = 7,	/* estimated advance at 12px, Latin and Persian alike */
};

/* One visual line of a box: a span of a slot line (wrapped) or the title. */
struct svg_line {
	const char *s;
	size_t len;
	int kind;		/* 0 title, 1 main category, 2 sub-category, 3 code */
	int cols;		/* the text engine's columns */
	bool rtl;
};
struct svg_box {
	struct svg_line *lines;
	size_t n, cap;
	int x, y, w, h;
};

/*
 * Appends s as lines of at most maxc columns, wrapped by the text engine
 * (UAX #14 breaks, display widths, the paragraph direction of FriBidi).
 * The lines keep logical order: the SVG renderer shapes and reorders them
 * under the direction given, as it must to join Persian letters.
 */
static void
svg_wrap(struct svg_box *bx, const char *s, int kind, size_t maxc, bool rtl)
{
	struct text_opts o;
	struct text_doc *d;
	struct text_layout *l;
	struct text_line ln;
	size_t len = strlen(s), p, k, n;

	text_opts_default(&o);
	o.dir = rtl ? TEXT_DIR_AUTO_RTL : TEXT_DIR_AUTO;
	o.shaping = TEXT_SHAPING_OFF;
	d = text_doc_new(s, len);
	l = text_layout_new(d, &o, (int)maxc);
	for (p = 0; p < text_doc_paragraphs(d); p++) {
		n = text_layout_para_lines(l, p);
		for (k = 0; k < n; k++) {
			size_t x, y;

			text_layout_para_line(l, p, k, &ln);
			textin_cp_span(s, len, ln.start, ln.end, &x, &y);
			while (y > x && (s[y - 1] == ' ' || s[y - 1] == '\t'))
				y--;	/* the space a line breaks after hangs */
			if (y == x)
				continue;
			bx->lines = xgrow(bx->lines, &bx->cap, bx->n + 1,
			    sizeof *bx->lines);
			bx->lines[bx->n].s = s + x;
			bx->lines[bx->n].len = y - x;
			bx->lines[bx->n].kind = kind;
			bx->lines[bx->n].cols = ln.cols;
			bx->lines[bx->n].rtl = ln.rtl;
			bx->n++;
		}
	}
	text_layout_free(l);
	text_doc_free(d);
}

static int
svg_line_w(const struct svg_line *ln)
{
	return ln->cols * (ln->kind == 0 ? SVG_CHAR_W + 1 :
	    ln->kind == 3 ? SVG_CHAR_W - 1 : SVG_CHAR_W);
}

/* x of a box (or an arrow's end) in a figure W wide, mirrored when rtl. */
static int
svg_x(const struct an_paradigm *m, int W, int x, int w)
{
	return m->rtl ? W - x - w : x;
}

static void
svg_text(struct buf *b, const struct svg_line *ln, int x, int y)
{
	static const char *const cls[] = {"t", "m", "s", "c"};
	char *tmp = xstrndup(ln->s, ln->len);

	buf_printf(b, "<text class=\"%s\" x=\"%d\" y=\"%d\"", cls[ln->kind], x, y);
	if (ln->rtl)
		buf_puts(b, " direction=\"rtl\" unicode-bidi=\"embed\"");
	buf_putc(b, '>');
	buf_xml_text(b, tmp, NULL);
	buf_puts(b, "</text>\n");
	free(tmp);
}

void
an_paradigm_svg(const struct an_paradigm *m, const char *title, struct buf *b)
{
	/* grid columns of each slot (an_slots order) and their band 0/1/2 */
	static const int col[6] = {1, 0, 2, 2, 2, 3};
	static const int band[6] = {1, 1, 0, 2, 1, 1};
	struct svg_box bx[6];
	int colw[4] = {SVG_MINW, SVG_MINW, SVG_MINW, SVG_MINW}, colx[4];
	int bandh[3] = {0, 0, 0}, bandy[3], W, H, top, i;
	size_t s, k, maxc = (SVG_MAXW - 2 * SVG_PAD) / SVG_CHAR_W;

	memset(bx, 0, sizeof bx);
	for (s = 0; s < 6; s++) {
		const struct an_pslot *sl = &m->slot[s];

		svg_wrap(&bx[s], _(paradigm_role_title(sl->role)), 0, maxc,
		    m->rtl);
		if (sl->nlines == 0)
			svg_wrap(&bx[s], "-", 2, maxc, m->rtl);
		for (k = 0; k < sl->nlines; k++)
			svg_wrap(&bx[s], sl->lines[k].text, sl->lines[k].is_code ? 3 :
			    sl->lines[k].level == 0 ? 1 : 2, maxc, m->rtl);
		for (k = 0; k < bx[s].n; k++) {
			int w = svg_line_w(&bx[s].lines[k]) + 2 * SVG_PAD;

			if (w > colw[col[s]])
				colw[col[s]] = w > SVG_MAXW ? SVG_MAXW : w;
		}
		bx[s].h = 2 * SVG_PAD + SVG_TITLE_H + (int)(bx[s].n - 1) * SVG_LINE_H;
		if (bx[s].h > bandh[band[s]])
			bandh[band[s]] = bx[s].h;
	}
	top = SVG_MARGIN + (title != NULL && *title ? 32 : 0);
	for (i = 0, colx[0] = SVG_MARGIN; i < 3; i++)
		colx[i + 1] = colx[i] + colw[i] + SVG_HGAP;
	bandy[0] = top;
	bandy[1] = bandy[0] + bandh[0] + SVG_VGAP;
	bandy[2] = bandy[1] + bandh[1] + SVG_VGAP;
	W = colx[3] + colw[3] + SVG_MARGIN;
	H = bandy[2] + bandh[2] + SVG_MARGIN;
	for (s = 0; s < 6; s++) {
		bx[s].x = svg_x(m, W, colx[col[s]], colw[col[s]]);
		bx[s].w = colw[col[s]];
		/* the middle row shares one height; the others hug the gap */
		if (band[s] == 1)
			bx[s].h = bandh[1];
		bx[s].y = band[s] == 0 ? bandy[1] - SVG_VGAP - bx[s].h : bandy[band[s]];
	}

	buf_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
	    "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
	    "font-family=\"" AN_FONTS "\" font-size=\"12\">\n", W, H, W, H);
	buf_puts(b, "<title>");
	buf_xml_text(b, title != NULL && *title ? title : _("Paradigm model"),
	    NULL);
	buf_puts(b, "</title>\n<style>\n"
	    "text { text-anchor: middle; fill: #222; }\n"
	    ".t { font-size: 13px; font-weight: bold; }\n"
	    ".m { font-weight: bold; }\n"
	    ".c { font-size: 11px; fill: #555; }\n"
	    ".doc { font-size: 15px; font-weight: bold; }\n"
	    "rect { fill: #fbfbf8; stroke: #333; stroke-width: 1.2; }\n"
	    "rect.central { fill: #eef3fb; stroke-width: 2; }\n"
	    "line { stroke: #333; stroke-width: 1.4; }\n"
	    "</style>\n<defs><marker id=\"head\" viewBox=\"0 0 10 10\" refX=\"10\" "
	    "refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">"
	    "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker></defs>\n");
	if (title != NULL && *title) {
		struct svg_line t = {title, strlen(title), 0, 0, an_text_rtl(title)};

		buf_printf(b, "<text class=\"doc\" x=\"%d\" y=\"%d\"", W / 2,
		    SVG_MARGIN + 14);
		if (t.rtl)
			buf_puts(b, " direction=\"rtl\" unicode-bidi=\"embed\"");
		buf_putc(b, '>');
		buf_xml_text(b, title, NULL);
		buf_puts(b, "</text>\n");
	}
	for (s = 0; s < 6; s++) {
		int y = bx[s].y + SVG_PAD + 14;

		buf_printf(b, "<g id=\"%s\">\n<rect%s x=\"%d\" y=\"%d\" width=\"%d\" "
		    "height=\"%d\" rx=\"6\"/>\n", paradigm_role_name(an_slots[s]),
		    an_slots[s] == ROLE_CENTRAL ? " class=\"central\"" : "",
		    bx[s].x, bx[s].y, bx[s].w, bx[s].h);
		for (k = 0; k < bx[s].n; k++) {
			svg_text(b, &bx[s].lines[k], bx[s].x + bx[s].w / 2, y);
			y += k == 0 ? SVG_TITLE_H : SVG_LINE_H;
		}
		buf_puts(b, "</g>\n");
	}
	for (k = 0; k < AX_ARRAY_LEN(an_arrows); k++) {
		const struct svg_box *f = &bx[slot_of(an_arrows[k].from)];
		const struct svg_box *t = &bx[slot_of(an_arrows[k].to)];
		int x1, y1, x2, y2;

		if (f->x == t->x) {	/* vertical: into the strategies box */
			x1 = x2 = f->x + f->w / 2;
			y1 = f->y < t->y ? f->y + f->h : f->y;
			y2 = f->y < t->y ? t->y : t->y + t->h;
		} else if (m->rtl) {	/* the flow runs right to left */
			y1 = y2 = bandy[1] + bandh[1] / 2;
			x1 = f->x;
			x2 = t->x + t->w;
		} else {
			y1 = y2 = bandy[1] + bandh[1] / 2;
			x1 = f->x + f->w;
			x2 = t->x;
		}
		buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		    "marker-end=\"url(#head)\"><title>%s to %s</title></line>\n",
		    x1, y1, x2, y2, paradigm_role_name(an_arrows[k].from),
		    paradigm_role_name(an_arrows[k].to));
	}
	buf_puts(b, "</svg>\n");
	for (s = 0; s < 6; s++)
		free(bx[s].lines);
}
