/*
 * analysis-paradigm.c: the paradigm model (Strauss & Corbin) as content per
 * slot, with the links between the slots' categories (which links join
 * which slots, which slots are unexplained), as a character-cell layout
 * for a terminal pane, as Graphviz DOT and as a standalone SVG that needs
 * no Graphviz.
 *
 * The figure: causal conditions, central phenomenon, strategies and
 * consequences in a row, contextual conditions above and intervening
 * conditions below the strategies box. The arrows are the project's links
 * (link.h), drawn between the lines of the categories they join, each
 * labelled with its type; the boxes keep the places the paradigm model
 * gives them whatever the links are. A right-to-left model (m->rtl: a
 * Persian report) is that figure mirrored, so it reads from the right; the
 * boxes' lines are wrapped, measured and given their direction by the text
 * engine (text.h: UAX #14, FriBidi), and the role titles are in the
 * messages' language.
 *
 * SVG routing: every edge leaves its line's box from the side that faces
 * the other box and runs in the gaps between the boxes, which no box
 * crosses: along the vertical gap beside it, then, when the other box's
 * gap is another one, along the horizontal gap between two bands of boxes
 * to it. Edges sharing a gap get lanes of their own; labels sit in the
 * gaps, moved along their edge when they would cover another label.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "stats/analysis.h"
#include "base/i18n.h"
#include "text/name.h"
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
	an_paradigm_links(a, m);
}

void
an_paradigm_done(struct an_paradigm *m)
{
	size_t s;

	for (s = 0; s < 6; s++)
		free(m->slot[s].lines);
	free(m->edges);
	memset(m, 0, sizeof *m);
}

int
an_node_slot(const struct an_project *a, size_t i)
{
	const struct node *top = &a->nodes[an_node_top(a, i)];
	size_t s;

	if (top->kind != NODE_CATEGORY)
		return -1;
	for (s = 0; s < 6; s++)
		if (an_slots[s] == top->role)
			return (int)s;
	return -1;
}

/* The line of m's slot s that shows node index i: its own, else its
 * nearest listed ancestor's; SIZE_MAX if none. line[] maps node index to
 * line (SIZE_MAX when not listed). */
static size_t
shown_line(const struct an_project *a, const size_t *line, size_t i)
{
	long k = (long)i;

	while (k >= 0 && line[k] == SIZE_MAX)
		k = a->nodes[k].parent != 0 ?
		    an_node_index(a, a->nodes[k].parent) : -1;
	return k >= 0 ? line[k] : SIZE_MAX;
}

/* The edge of m drawn from (fs, fl) to (ts, tl) with type and direction
 * (an undirected one either way round), or NULL. */
static struct an_pedge *
same_edge(struct an_paradigm *m, size_t fs, size_t fl, size_t ts, size_t tl,
    int64_t type, bool directed)
{
	size_t k;

	for (k = 0; k < m->nedges; k++) {
		struct an_pedge *e = &m->edges[k];

		if (e->type != type || e->directed != directed)
			continue;
		if (e->from_slot == fs && e->from_line == fl && e->to_slot == ts &&
		    e->to_line == tl)
			return e;
		if (!directed && e->from_slot == ts && e->from_line == tl &&
		    e->to_slot == fs && e->to_line == fl)
			return e;
	}
	return NULL;
}

void
an_paradigm_links(const struct an_project *a, struct an_paradigm *m)
{
	const size_t central = 0;	/* an_slots[0] */
	bool linked[6] = {false};
	size_t *line = xmalloc((a->nnodes + 1) * sizeof *line), cap = 0, s, k;

	free(m->edges);
	m->edges = NULL;
	m->nedges = 0;
	for (k = 0; k < a->nnodes; k++)
		line[k] = SIZE_MAX;
	for (s = 0; s < 6; s++)
		for (k = 0; k < m->slot[s].nlines; k++)
			line[m->slot[s].lines[k].node] = k;
	for (k = 0; k < a->nlinks; k++) {
		const struct link *l = &a->links[k];
		const struct link_type *t = an_link_type(a, l->type);
		long f = an_node_index(a, l->from), g = an_node_index(a, l->to);
		int fs, ts;
		size_t fl, tl;
		struct an_pedge *e;

		if (f < 0 || g < 0)
			continue;
		fs = an_node_slot(a, (size_t)f);
		ts = an_node_slot(a, (size_t)g);
		if (fs < 0 || ts < 0)
			continue;
		if (fs == (int)central)
			linked[ts] = true;
		if (ts == (int)central)
			linked[fs] = true;
		fl = shown_line(a, line, (size_t)f);
		tl = shown_line(a, line, (size_t)g);
		if (fl == SIZE_MAX || tl == SIZE_MAX || (fs == ts && fl == tl))
			continue;
		if ((e = same_edge(m, (size_t)fs, fl, (size_t)ts, tl, l->type,
		    l->directed)) != NULL) {
			e->nlinks++;
			continue;
		}
		m->edges = xgrow(m->edges, &cap, m->nedges + 1, sizeof *m->edges);
		e = &m->edges[m->nedges++];
		e->from_slot = (size_t)fs;
		e->from_line = fl;
		e->to_slot = (size_t)ts;
		e->to_line = tl;
		e->type = l->type;
		e->label = t != NULL ? t->name : "?";
		e->color = t != NULL && t->color != NULL ? t->color : "";
		e->directed = l->directed;
		e->link = k;
		e->nlinks = 1;
	}
	m->nunexplained = 0;
	for (s = 0; s < 6; s++) {
		m->unexplained[s] = s != central && m->slot[s].nlines > 0 &&
		    !linked[s];
		m->nunexplained += m->unexplained[s];
	}
	free(line);
}

char *
an_paradigm_note(const struct an_paradigm *m)
{
	struct buf b = {0};
	size_t s, k = 0;
	char *r;

	if (m->nunexplained == 0)
		return xstrdup("");
	for (s = 0; s < 6; s++)
		if (m->unexplained[s])
			buf_printf(&b, "%s%s", k++ > 0 ? _(", ") : "",
			    _(paradigm_role_title(m->slot[s].role)));
	/* TRANSLATORS: %s lists paradigm slots: "Causal conditions,
	 * Consequences" */
	r = xasprintf(ngettext("Unexplained: %s (no link to the central "
	    "phenomenon).", "Unexplained: %s (no link to the central "
	    "phenomenon).", (unsigned long)m->nunexplained), b.s);
	buf_done(&b);
	return r;
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

#define AN_WARN_COLOR "#b00000"	/* an unexplained slot's mark */
#define AN_EDGE_COLOR "#444444"

/* A type's colour if it is one a figure may use ("#rrggbb"), else dflt. */
static const char *
edge_color(const struct an_pedge *e, const char *dflt)
{
	size_t i;

	if (strlen(e->color) != 7 || e->color[0] != '#')
		return dflt;
	for (i = 1; i < 7; i++)
		if (strchr("0123456789abcdefABCDEF", e->color[i]) == NULL)
			return dflt;
	return e->color;
}

/* An edge's label: its type, with the number of links when it draws
 * several ("causes (2)"); the caller frees it. */
static char *
edge_label(const struct an_pedge *e)
{
	return e->nlinks > 1 ? xasprintf("%s (%zu)", e->label, e->nlinks) :
	    xstrdup(e->label);
}

void
an_paradigm_dot(const struct an_paradigm *m, const char *title, struct buf *b)
{
	char *note = an_paradigm_note(m);
	size_t s, i;

	if (*note)
		buf_printf(b, "// %s\n", note);
	/* a right-to-left model flows from the right, as in the SVG */
	buf_printf(b, "digraph paradigm {\n"
	    "\tgraph [rankdir=%s, nodesep=0.4, ranksep=0.9, labelloc=t, "
	    "fontname=\"" AN_FONTS "\"", m->rtl ? "RL" : "LR");
	if (*note) {	/* the note under the title, in the warning colour */
		buf_puts(b, ", label=<");
		if (title != NULL && *title) {
			buf_xml_text(b, title, NULL);
			buf_puts(b, "<BR/>");
		}
		buf_puts(b, "<FONT COLOR=\"" AN_WARN_COLOR "\" POINT-SIZE=\"10\">"
		    "\xe2\x9a\xa0 ");
		buf_xml_text(b, note, NULL);
		buf_puts(b, "</FONT>>");
	} else if (title != NULL && *title) {
		buf_puts(b, ", label=\"");
		put_dot_str(b, title);
		buf_putc(b, '"');
	}
	buf_puts(b, "];\n\tnode [shape=box, style=rounded, margin=\"0.2,0.1\", "
	    "fontname=\"" AN_FONTS "\", fontsize=11];\n"
	    "\tedge [penwidth=1.2, arrowsize=0.8, fontname=\"" AN_FONTS "\", "
	    "fontsize=9];\n");
	for (s = 0; s < 6; s++) {
		const struct an_pslot *sl = &m->slot[s];

		buf_printf(b, "\t%s [label=<<TABLE BORDER=\"0\" CELLSPACING=\"1\">"
		    "<TR><TD><B>", paradigm_role_name(sl->role));
		buf_xml_text(b, _(paradigm_role_title(sl->role)), NULL);
		buf_puts(b, "</B></TD></TR>");
		if (m->unexplained[s]) {
			buf_puts(b, "<TR><TD><FONT COLOR=\"" AN_WARN_COLOR "\">"
			    "\xe2\x9a\xa0 ");
			buf_xml_text(b, _("unexplained"), NULL);
			buf_puts(b, "</FONT></TD></TR>");
		}
		if (sl->nlines == 0)
			buf_puts(b, "<TR><TD>-</TD></TR>");
		for (i = 0; i < sl->nlines; i++) {
			const struct an_pline *ln = &sl->lines[i];

			buf_printf(b, "<TR><TD PORT=\"l%zu\">", i);
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
		buf_puts(b, "</TABLE>>");
		if (m->unexplained[s])
			buf_puts(b, ", style=\"rounded,dashed\", color=\""
			    AN_WARN_COLOR "\"");
		buf_puts(b, "];\n");
	}
	/* the places of the slots, whatever the links */
	for (i = 0; i < AX_ARRAY_LEN(an_arrows); i++)
		buf_printf(b, "\t%s -> %s [style=invis];\n",
		    paradigm_role_name(an_arrows[i].from),
		    paradigm_role_name(an_arrows[i].to));
	buf_puts(b, "\t{ rank=same; contextual; central; intervening; }\n"
	    "\tcontextual -> central -> intervening [style=invis];\n");
	for (i = 0; i < m->nedges; i++) {
		const struct an_pedge *e = &m->edges[i];
		const char *c = edge_color(e, AN_EDGE_COLOR);
		char *label = edge_label(e);

		buf_printf(b, "\t%s:l%zu -> %s:l%zu [label=\"",
		    paradigm_role_name(an_slots[e->from_slot]), e->from_line,
		    paradigm_role_name(an_slots[e->to_slot]), e->to_line);
		put_dot_str(b, label);
		buf_printf(b, "\", color=\"%s\", fontcolor=\"%s\", "
		    "constraint=false%s];\n", c, c, e->directed ? "" : ", dir=none");
		free(label);
	}
	buf_puts(b, "}\n");
	free(note);
}

/* ---- SVG ---- */

enum {
	SVG_MARGIN = 20, SVG_VGAP = 44, SVG_PAD = 12,
	SVG_TITLE_H = 24, SVG_LINE_H = 18, SVG_MINW = 190, SVG_MAXW = 380,
	SVG_CHAR_W = 7,	/* estimated advance at 12px, Latin and Persian alike */
	/* a gap between two columns: wide enough for the labels in it */
	SVG_GAP_MIN = 56, SVG_GAP_MAX = 150, SVG_GAP_PAD = 16,
	SVG_LABEL_CW = 6, SVG_LABEL_H = 14, SVG_LANE = 6,
	SVG_LABEL_MAXC = (SVG_GAP_MAX - SVG_GAP_PAD - 8) / SVG_LABEL_CW,
	SVG_NOTE_H = 18,
};

/* Kinds of box lines, and their CSS classes (svg_text). */
enum { K_TITLE, K_MAIN, K_SUB, K_CODE, K_MARK };

/* One visual line of a box: a span of a slot line (wrapped) or the title. */
struct svg_line {
	const char *s;
	size_t len;
	int kind;
	int cols;		/* the text engine's columns */
	bool rtl;
	long pline;		/* the slot line it shows, -1: title or mark */
};
struct svg_box {
	struct svg_line *lines;
	size_t n, cap;
	int x, y, w, h;		/* x left to right; mirrored when drawn */
};

/* An edge as routed: the points of its path and its label's place, in
 * left-to-right coordinates (mirrored when drawn). */
struct svg_edge {
	const struct an_pedge *e;
	int va, vb, hc;		/* vertical gaps (0..2), horizontal (0, 1, -1) */
	int lane_a, lane_b, lane_h;
	int pt[6][2];
	int npt;
	char *label;		/* owned: cut to SVG_LABEL_MAXC columns */
	bool rtl;		/* the whole label's direction */
	int lw, lx, ly;		/* label width and centre */
	bool vertical;		/* the label sits on a vertical gap */
};

/*
 * Appends s as lines of at most maxc columns, wrapped by the text engine
 * (UAX #14 breaks, display widths, the paragraph direction of FriBidi).
 * The lines keep logical order: the SVG renderer shapes and reorders them
 * under the direction given, as it must to join Persian letters.
 */
static void
svg_wrap(struct svg_box *bx, const char *s, int kind, long pline, size_t maxc,
    bool rtl)
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
			bx->lines[bx->n].pline = pline;
			bx->n++;
		}
	}
	text_layout_free(l);
	text_doc_free(d);
}

static int
svg_line_w(const struct svg_line *ln)
{
	return ln->cols * (ln->kind == K_TITLE ? SVG_CHAR_W + 1 :
	    ln->kind == K_CODE ? SVG_CHAR_W - 1 : SVG_CHAR_W);
}

/* The baseline of a box's visual line k. */
static int
svg_baseline(const struct svg_box *bx, size_t k)
{
	return bx->y + SVG_PAD + 14 +
	    (k == 0 ? 0 : SVG_TITLE_H + (int)(k - 1) * SVG_LINE_H);
}

/* Where an edge meets slot line pl of a box: the middle of its visual
 * lines. */
static int
svg_anchor(const struct svg_box *bx, size_t pl)
{
	size_t k, n = 0;
	int sum = 0;

	for (k = 0; k < bx->n; k++)
		if (bx->lines[k].pline == (long)pl) {
			sum += svg_baseline(bx, k) - 4;
			n++;
		}
	return n > 0 ? sum / (int)n : bx->y + bx->h / 2;
}

static void
svg_text(struct buf *b, const struct svg_line *ln, int x, int y)
{
	static const char *const cls[] = {"t", "m", "s", "c", "u"};
	char *tmp = xstrndup(ln->s, ln->len);

	buf_printf(b, "<text class=\"%s\" x=\"%d\" y=\"%d\"", cls[ln->kind], x, y);
	if (ln->rtl)
		buf_puts(b, " direction=\"rtl\" unicode-bidi=\"embed\"");
	buf_putc(b, '>');
	buf_xml_text(b, tmp, NULL);
	buf_puts(b, "</text>\n");
	free(tmp);
}

/* s cut to at most maxc columns with "…" at its reading end (text_fit:
 * its cells stand in for the label's length); *rtl its direction, which
 * the cut may have lost. Always "…", whatever the locale: SVG is UTF-8. */
static char *
svg_fit(const char *s, int maxc, bool *rtl)
{
	return text_fit(s, maxc, TEXT_DIR_AUTO, "\xe2\x80\xa6", rtl);
}

/* A lane's offset from the middle of its gap: n lanes share room. */
static int
lane_off(int lane, int n, int room)
{
	double step = n > 0 && (double)room / n < SVG_LANE ? (double)room / n :
	    SVG_LANE;

	return (int)lround((lane - (n - 1) / 2.0) * step);
}

struct svg_rect {
	int x, y, w, h;
};

static bool
rect_hits(const struct svg_rect *r, size_t n, int x, int y, int w, int h)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (x < r[i].x + r[i].w && r[i].x < x + w && y < r[i].y + r[i].h &&
		    r[i].y < y + h)
			return true;
	return false;
}

/*
 * Places an edge's label at its centre or, when it would cover a label
 * already placed, the first place along its edge (within lo..hi) that
 * does not; the centre if none.
 */
static void
place_label(struct svg_edge *se, struct svg_rect *placed, size_t *np,
    int lo, int hi)
{
	int step = se->vertical ? SVG_LABEL_H + 2 : se->lw + 6, k;
	int c = se->vertical ? se->ly : se->lx;

	for (k = 0; k < 16; k++) {
		int d = (k + 1) / 2 * step * (k % 2 ? 1 : -1), at = c + d;
		int x = se->vertical ? se->lx : at, y = se->vertical ? at : se->ly;

		if (at < lo || at > hi)
			continue;
		if (!rect_hits(placed, *np, x - se->lw / 2, y - SVG_LABEL_H / 2,
		    se->lw, SVG_LABEL_H)) {
			se->lx = x;
			se->ly = y;
			break;
		}
	}
	placed[*np].x = se->lx - se->lw / 2;
	placed[*np].y = se->ly - SVG_LABEL_H / 2;
	placed[*np].w = se->lw;
	placed[*np].h = SVG_LABEL_H;
	(*np)++;
}

/*
 * Routes every edge of m between the boxes (columns col[], left x colx[],
 * width colw[]; gaps gap wide; horizontal gaps centred at hy[]): chooses
 * the gaps, gives each edge a lane in each, then the points and the
 * label.
 */
static void
svg_route(const struct an_paradigm *m, const struct svg_box *bx,
    const int *col, const int *colx, const int *colw, int gap, const int *hy,
    struct svg_edge *se)
{
	int nv[3] = {0, 0, 0}, nh[2] = {0, 0}, vx[3], i;
	struct svg_rect *placed = xcalloc(m->nedges + 1, sizeof *placed);
	size_t k, np = 0;

	for (i = 0; i < 3; i++)
		vx[i] = colx[i] + colw[i] + gap / 2;
	for (k = 0; k < m->nedges; k++) {
		const struct an_pedge *e = &m->edges[k];
		int ca = col[e->from_slot], cb = col[e->to_slot];
		int ya = svg_anchor(&bx[e->from_slot], e->from_line);
		int yb = svg_anchor(&bx[e->to_slot], e->to_line);

		se[k].e = e;
		se[k].hc = -1;
		if (ca < cb) {
			se[k].va = ca;
			se[k].vb = cb - 1;
		} else if (ca > cb) {
			se[k].va = ca - 1;
			se[k].vb = cb;
		} else {	/* one column: out and back on its less busy side */
			int v = ca == 0 ? 0 : ca == 3 ? 2 :
			    nv[ca - 1] <= nv[ca] ? ca - 1 : ca;

			se[k].va = se[k].vb = v;
		}
		if (se[k].va != se[k].vb) {	/* across a horizontal gap */
			int c0 = abs(ya - hy[0]) + abs(yb - hy[0]);
			int c1 = abs(ya - hy[1]) + abs(yb - hy[1]);

			se[k].hc = c0 < c1 || (c0 == c1 && nh[0] <= nh[1]) ? 0 : 1;
			se[k].lane_h = nh[se[k].hc]++;
			se[k].lane_b = nv[se[k].vb]++;
		}
		se[k].lane_a = nv[se[k].va]++;
		se[k].pt[0][1] = ya;
		se[k].pt[0][0] = se[k].va >= ca ? bx[e->from_slot].x +
		    bx[e->from_slot].w : bx[e->from_slot].x;
		se[k].pt[5][1] = yb;
		se[k].pt[5][0] = se[k].vb >= cb ? bx[e->to_slot].x +
		    bx[e->to_slot].w : bx[e->to_slot].x;
	}
	for (k = 0; k < m->nedges; k++) {
		struct svg_edge *s = &se[k];
		int xa = vx[s->va] + lane_off(s->lane_a, nv[s->va], gap -
		    SVG_GAP_PAD);
		int ya = s->pt[0][1], yb = s->pt[5][1], lo, hi;
		char *label = edge_label(s->e);

		s->label = svg_fit(label, SVG_LABEL_MAXC, &s->rtl);
		free(label);
		s->lw = an_text_width(s->label) * SVG_LABEL_CW + 8;
		s->pt[1][0] = xa;
		s->pt[1][1] = ya;
		if (s->hc < 0) {	/* beside the box, then into the other */
			s->pt[2][0] = xa;
			s->pt[2][1] = yb;
			s->pt[3][0] = s->pt[5][0];
			s->pt[3][1] = yb;
			s->npt = 4;
			s->vertical = true;
			s->lx = vx[s->va];
			s->ly = (ya + yb) / 2;
			lo = (ya < yb ? ya : yb) - SVG_LABEL_H;
			hi = (ya < yb ? yb : ya) + SVG_LABEL_H;
		} else {
			int y = hy[s->hc] + lane_off(s->lane_h, nh[s->hc],
			    SVG_VGAP - 12);
			int xb = vx[s->vb] + lane_off(s->lane_b, nv[s->vb], gap -
			    SVG_GAP_PAD);

			s->pt[2][0] = xa;
			s->pt[2][1] = y;
			s->pt[3][0] = xb;
			s->pt[3][1] = y;
			s->pt[4][0] = xb;
			s->pt[4][1] = yb;
			s->npt = 6;
			s->vertical = false;
			s->lx = (xa + xb) / 2;
			s->ly = hy[s->hc];
			lo = xa < xb ? xa : xb;
			hi = xa < xb ? xb : xa;
		}
		place_label(s, placed, &np, lo, hi);
	}
	free(placed);
}

/* x of a point or box edge in a figure W wide, mirrored when rtl. */
static int
svg_x(const struct an_paradigm *m, int W, int x)
{
	return m->rtl ? W - x : x;
}

/* The id of the arrowhead marker of colour c ("#rrggbb"). */
static void
marker_id(struct buf *b, const char *c)
{
	buf_printf(b, "h%s", c + 1);
}

static void
svg_markers(const struct an_paradigm *m, struct buf *b)
{
	size_t k, j;

	buf_puts(b, "<defs>");
	for (k = 0; k < m->nedges; k++) {
		const char *c = edge_color(&m->edges[k], AN_EDGE_COLOR);

		for (j = 0; j < k; j++)	/* one marker per colour */
			if (strcmp(edge_color(&m->edges[j], AN_EDGE_COLOR), c) == 0)
				break;
		if (j < k)
			continue;
		buf_puts(b, "<marker id=\"");
		marker_id(b, c);
		buf_printf(b, "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
		    "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
		    "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"%s\"/></marker>", c);
	}
	buf_puts(b, "</defs>\n");
}

static void
svg_edges(const struct an_paradigm *m, const struct svg_edge *se, int W,
    struct buf *b)
{
	size_t k;
	int i;

	for (k = 0; k < m->nedges; k++) {	/* the lines, then the labels */
		const struct an_pedge *e = se[k].e;
		const struct an_pslot *fs = &m->slot[e->from_slot];
		const struct an_pslot *ts = &m->slot[e->to_slot];
		const char *c = edge_color(e, AN_EDGE_COLOR);

		buf_printf(b, "<polyline class=\"e\" stroke=\"%s\" points=\"", c);
		for (i = 0; i < se[k].npt; i++) {
			int j = i == se[k].npt - 1 ? 5 : i;	/* the end is pt[5] */

			buf_printf(b, "%s%d,%d", i > 0 ? " " : "",
			    svg_x(m, W, se[k].pt[j][0]), se[k].pt[j][1]);
		}
		buf_putc(b, '"');
		if (e->directed) {
			buf_puts(b, " marker-end=\"url(#");
			marker_id(b, c);
			buf_puts(b, ")\"");
		}
		buf_puts(b, "><title>");
		buf_xml_text(b, fs->lines[e->from_line].text, NULL);
		buf_puts(b, e->directed ? " \xe2\x86\x92 " : " \xe2\x80\x94 ");
		buf_xml_text(b, ts->lines[e->to_line].text, NULL);
		buf_puts(b, ": ");
		buf_xml_text(b, e->label, NULL);
		buf_puts(b, "</title></polyline>\n");
	}
	for (k = 0; k < m->nedges; k++) {
		const struct svg_edge *s = &se[k];
		int x = svg_x(m, W, s->lx);

		buf_printf(b, "<rect class=\"lb\" x=\"%d\" y=\"%d\" width=\"%d\" "
		    "height=\"%d\" rx=\"3\"/>\n<text class=\"l\" x=\"%d\" y=\"%d\" "
		    "fill=\"%s\"", x - s->lw / 2, s->ly - SVG_LABEL_H / 2, s->lw,
		    SVG_LABEL_H, x, s->ly + 4, edge_color(s->e, AN_EDGE_COLOR));
		if (s->rtl)
			buf_puts(b, " direction=\"rtl\" unicode-bidi=\"embed\"");
		buf_putc(b, '>');
		buf_xml_text(b, s->label, NULL);
		buf_puts(b, "</text>\n");
	}
}

void
an_paradigm_svg(const struct an_paradigm *m, const char *title, struct buf *b)
{
	/* grid columns of each slot (an_slots order) and their band 0/1/2 */
	static const int col[6] = {1, 0, 2, 2, 2, 3};
	static const int band[6] = {1, 1, 0, 2, 1, 1};
	struct svg_box bx[6], foot;
	struct svg_edge *se = xcalloc(m->nedges + 1, sizeof *se);
	int colw[4] = {SVG_MINW, SVG_MINW, SVG_MINW, SVG_MINW}, colx[4];
	int bandh[3] = {0, 0, 0}, bandy[3], hy[2], W, H, top, gap = SVG_GAP_MIN;
	size_t s, k, maxc = (SVG_MAXW - 2 * SVG_PAD) / SVG_CHAR_W;
	char *note = an_paradigm_note(m), *foot_text = NULL;
	/* the lines point into these until the figure is written */
	char *mark = xasprintf("\xe2\x9a\xa0 %s", _("unexplained"));
	double scale, mm = 25.4 / 96;

	memset(bx, 0, sizeof bx);
	memset(&foot, 0, sizeof foot);
	for (s = 0; s < 6; s++) {
		const struct an_pslot *sl = &m->slot[s];

		svg_wrap(&bx[s], _(paradigm_role_title(sl->role)), K_TITLE, -1,
		    maxc, m->rtl);
		if (m->unexplained[s])
			svg_wrap(&bx[s], mark, K_MARK, -1, maxc, m->rtl);
		if (sl->nlines == 0)
			svg_wrap(&bx[s], "-", K_SUB, -1, maxc, m->rtl);
		for (k = 0; k < sl->nlines; k++)
			svg_wrap(&bx[s], sl->lines[k].text, sl->lines[k].is_code ?
			    K_CODE : sl->lines[k].level == 0 ? K_MAIN : K_SUB,
			    (long)k, maxc, m->rtl);
		for (k = 0; k < bx[s].n; k++) {
			int w = svg_line_w(&bx[s].lines[k]) + 2 * SVG_PAD;

			if (w > colw[col[s]])
				colw[col[s]] = w > SVG_MAXW ? SVG_MAXW : w;
		}
		bx[s].h = 2 * SVG_PAD + SVG_TITLE_H + (int)(bx[s].n - 1) * SVG_LINE_H;
		if (bx[s].h > bandh[band[s]])
			bandh[band[s]] = bx[s].h;
	}
	for (k = 0; k < m->nedges; k++) {	/* the gaps hold the labels */
		char *l = edge_label(&m->edges[k]);
		char *c = svg_fit(l, SVG_LABEL_MAXC, NULL);
		int w = an_text_width(c) * SVG_LABEL_CW + 8 + SVG_GAP_PAD;

		if (w > gap)
			gap = w;
		free(l);
		free(c);
	}
	top = SVG_MARGIN + (title != NULL && *title ? 32 : 0);
	for (k = 0, colx[0] = SVG_MARGIN; k < 3; k++)
		colx[k + 1] = colx[k] + colw[k] + gap;
	bandy[0] = top;
	bandy[1] = bandy[0] + bandh[0] + SVG_VGAP;
	bandy[2] = bandy[1] + bandh[1] + SVG_VGAP;
	hy[0] = bandy[1] - SVG_VGAP / 2;
	hy[1] = bandy[2] - SVG_VGAP / 2;
	W = colx[3] + colw[3] + SVG_MARGIN;
	H = bandy[2] + bandh[2] + SVG_MARGIN;
	if (*note) {
		foot_text = xasprintf("\xe2\x9a\xa0 %s", note);
		svg_wrap(&foot, foot_text, K_MARK, -1, (size_t)((W - 2 *
		    SVG_MARGIN) / SVG_CHAR_W), an_text_rtl(note));
		H += (int)foot.n * SVG_NOTE_H;
	}
	for (s = 0; s < 6; s++) {
		bx[s].x = colx[col[s]];
		bx[s].w = colw[col[s]];
		/* the middle row shares one height; the others hug the gap */
		if (band[s] == 1)
			bx[s].h = bandh[1];
		bx[s].y = band[s] == 0 ? bandy[1] - SVG_VGAP - bx[s].h : bandy[band[s]];
	}
	svg_route(m, bx, col, colx, colw, gap, hy, se);

	/* One page: shrunk to the page when larger, never enlarged, never
	 * below the smallest scale that stays readable. */
	scale = fmin(1.0, fmin(AN_PAGE_W_MM / (W * mm), AN_PAGE_H_MM / (H * mm)));
	if (scale < AN_PAGE_MIN_SCALE)
		scale = AN_PAGE_MIN_SCALE;
	buf_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
	    "width=\"%.1fmm\" height=\"%.1fmm\" viewBox=\"0 0 %d %d\" "
	    "font-family=\"" AN_FONTS "\" font-size=\"12\">\n",
	    floor(W * mm * scale * 10) / 10, floor(H * mm * scale * 10) / 10, W, H);
	buf_puts(b, "<title>");
	buf_xml_text(b, title != NULL && *title ? title : _("Paradigm model"),
	    NULL);
	buf_puts(b, "</title>\n<style>\n"
	    "text { text-anchor: middle; fill: #222; }\n"
	    ".t { font-size: 13px; font-weight: bold; }\n"
	    ".m { font-weight: bold; }\n"
	    ".c { font-size: 11px; fill: #555; }\n"
	    ".u { font-weight: bold; fill: " AN_WARN_COLOR "; }\n"
	    ".l { font-size: 10px; }\n"
	    ".doc { font-size: 15px; font-weight: bold; }\n"
	    "rect { fill: #fbfbf8; stroke: #333; stroke-width: 1.2; }\n"
	    "rect.central { fill: #eef3fb; stroke-width: 2; }\n"
	    "rect.unexplained { stroke: " AN_WARN_COLOR "; stroke-dasharray: 6 4; }\n"
	    "rect.lb { fill: #ffffff; fill-opacity: 0.9; stroke: none; }\n"
	    "polyline.e { fill: none; stroke-width: 1.3; }\n"
	    "</style>\n");
	svg_markers(m, b);
	if (title != NULL && *title) {
		buf_printf(b, "<text class=\"doc\" x=\"%d\" y=\"%d\"", W / 2,
		    SVG_MARGIN + 14);
		if (an_text_rtl(title))
			buf_puts(b, " direction=\"rtl\" unicode-bidi=\"embed\"");
		buf_putc(b, '>');
		buf_xml_text(b, title, NULL);
		buf_puts(b, "</text>\n");
	}
	for (s = 0; s < 6; s++) {
		const char *cls = an_slots[s] == ROLE_CENTRAL ? " class=\"central\"" :
		    m->unexplained[s] ? " class=\"unexplained\"" : "";
		int x = m->rtl ? W - bx[s].x - bx[s].w : bx[s].x;

		buf_printf(b, "<g id=\"%s\">\n<rect%s x=\"%d\" y=\"%d\" width=\"%d\" "
		    "height=\"%d\" rx=\"6\"/>\n", paradigm_role_name(an_slots[s]),
		    cls, x, bx[s].y, bx[s].w, bx[s].h);
		for (k = 0; k < bx[s].n; k++)
			svg_text(b, &bx[s].lines[k], x + bx[s].w / 2,
			    svg_baseline(&bx[s], k));
		buf_puts(b, "</g>\n");
	}
	svg_edges(m, se, W, b);
	for (k = 0; k < foot.n; k++)
		svg_text(b, &foot.lines[k], W / 2, H - SVG_MARGIN - (int)(foot.n -
		    k - 1) * SVG_NOTE_H);
	buf_puts(b, "</svg>\n");
	for (s = 0; s < 6; s++)
		free(bx[s].lines);
	for (k = 0; k < m->nedges; k++)
		free(se[k].label);
	free(se);
	free(foot.lines);
	free(foot_text);
	free(mark);
	free(note);
}
