/*
 * view-paradigm.c: the paradigm model view (T). The six slots as boxes,
 * fitted to the pane (an_paradigm_layout) when it is wide enough for
 * boxes that show names (vm_paradigm_boxes), with the project's links: each
 * under the category (or code) it leaves, with its type and its other end
 * (vm_paradigm_rows: a pane has no room to route them between lines), and
 * an arrow between two boxes whose slots links join, pointing the way
 * they go (none where no link is). A slot with no link to the central
 * phenomenon (an_paradigm_links) has its box marked "⚠" and is named on
 * the last line. c lists the codes under each category too, s switches to
 * the saturation chart (new codes per interview, the saturation point
 * marked; one source counted, as `axial report` counts it, W switching
 * it). Up and Down scroll the boxes whose rows do not fit; a name wider
 * than its box ends in "…".
 *
 * A narrower pane (80 columns has boxes of 17) shows the model as a list
 * instead (vm_paradigm_list): the slots one under another, each a title
 * with a rule, its categories, and every link at each written out in full
 * with its type, its other end and that end's slot; long texts wrap. j, k
 * and the pages scroll the whole list, the title row says where it is.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/analysis.h"
#include "base/i18n.h"
#include "exchange/report.h"
#include "base/util.h"
#include "tui/view-int.h"

/* The view's state (views_data). */
struct paradigm_view {
	struct an_project an;	/* the project as the analyses read it */
	bool loaded, stale;
	bool with_codes;	/* c: the codes under each category too */
	bool saturation;	/* s: the chart instead of the model */
	struct an_paradigm m;
	struct an_saturation sat;
	struct an_gnc gnc;	/* the Guest, Namey & Chen rule, defaults */
	size_t ptop;		/* the chart's first row */
	int64_t sat_src;	/* the coder the chart counts (report.h) */
	int64_t sat_chosen;	/* the one W chose; 0: the default */
	size_t mtop;		/* the model's: lines scrolled off each box */
	size_t mmax;		/* mtop's last useful value, as last drawn */
	struct vm_pbox box[6];	/* each slot's rows: lines, links under them */
	struct vm_plist list;	/* the model as a list, for narrow panes */
	int list_w;		/* the width list was made for; 0: not made */
	bool listed;		/* the list was drawn last: the cursor scrolls it */
	size_t ltop;		/* its first row shown */
	size_t lmax;		/* ltop's last useful value, as last drawn */
	char *note;		/* the unexplained slots named, or "" */
};

static void *
paradigm_create(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct paradigm_view));
}

/* The model of the loaded project, its boxes' rows and its note. */
static void
model(struct paradigm_view *v)
{
	an_paradigm(&v->an, v->with_codes, &v->m);
	vm_paradigm_rows(&v->m, v->box);
	v->note = an_paradigm_note(&v->m);
	v->list_w = 0;		/* made when drawn, at the pane's width */
}

static void
model_done(struct paradigm_view *v)
{
	vm_paradigm_rows_done(v->box);
	vm_paradigm_list_done(&v->list);
	v->list_w = 0;
	free(v->note);
	v->note = NULL;
	an_paradigm_done(&v->m);
}

static void
an_clear(struct paradigm_view *v)
{
	if (!v->loaded)
		return;
	model_done(v);
	an_saturation_done(&v->sat);
	an_gnc_done(&v->gnc);
	an_done(&v->an);
	v->loaded = false;
}

static void
paradigm_free(void *data)
{
	an_clear(data);
	free(data);
}


/* The login of coder id in the loaded project, or "?". */
static const char *
sat_login(const struct paradigm_view *v, int64_t id)
{
	size_t i;

	for (i = 0; i < v->an.ncoders; i++)
		if (v->an.coders[i].id == id)
			return v->an.coders[i].login;
	return "?";
}

/*
 * The coder the chart counts: the one W chose while it still has codings,
 * else as `axial report` counts by default (rp_default_source) with the
 * viewing coder in place of its refusal: summing coders would count a
 * code two coders found twice as early.
 */
static int64_t
sat_source(struct ui *ui, const struct paradigm_view *v)
{
	const char *me = project_coder_login(ui->p);
	int64_t mine = -1;
	size_t i;

	if (v->sat_chosen != 0 && rp_coder_has_codings(&v->an, v->sat_chosen))
		return v->sat_chosen;
	for (i = 0; me != NULL && i < v->an.ncoders; i++)
		if (strcmp(v->an.coders[i].login, me) == 0)
			mine = v->an.coders[i].id;
	return rp_default_source(&v->an, mine);
}

static void
an_update(struct ui *ui, void *data)
{
	struct paradigm_view *v = data;

	an_clear(v);
	if (!ui_check(ui, an_load(ui->p, &v->an)))
		return;
	v->loaded = true;
	model(v);
	v->sat_src = sat_source(ui, v);
	an_saturation(&v->an, v->sat_src, &v->sat);
	{
		struct an_gnc_opts o;

		an_gnc_opts_default(&o);
		an_gnc(&v->an, v->sat_src, &o, &v->gnc);
	}
	v->stale = false;
	ui_dirty(ui, DIRTY_VIEW);
}

static int
role_attr(struct ui *ui, enum paradigm_role r)
{
	static const enum theme_elem e[] = {TH_NORMAL, TH_ROLE_CENTRAL,
	    TH_ROLE_CAUSAL, TH_ROLE_CONTEXTUAL, TH_ROLE_INTERVENING,
	    TH_ROLE_STRATEGIES, TH_ROLE_CONSEQUENCES};

	return ui_attr(ui, (size_t)r < AX_ARRAY_LEN(e) ? e[r] : TH_NORMAL);
}

/* A line of a slot: a category or a code, indented by its level; a
 * right-to-left name right-aligned, indented from the right (in a mirrored
 * pane the left-to-right ones are). */
static void
draw_line(struct ui *ui, int y, int x, int w, const struct an_pline *l)
{
	int ind = l->level * 2, tw = ui_text_width(l->text), room;
	int la = l->is_code ? ui_attr(ui, TH_CODE) :
	    (int)(ui_attr(ui, TH_CATEGORY) | (l->level == 0 ? A_BOLD : 0));

	if (ind > w / 3)
		ind = w / 3;
	room = w - ind;
	if (an_text_rtl(l->text) != ui->mirrored && tw < room)
		ui_put_text(ui, y, x + w - ind - tw, tw, l->text, la);
	else
		views_put_cut(ui, y, x + ind, room, l->text, la,
		    an_text_rtl(l->text), false);
}

/* An edge under the line it leaves: an arrow (a dash when undirected),
 * then its type and the line at its other end. */
static void
draw_edge_row(struct ui *ui, const struct paradigm_view *v, int y, int x,
    int w, const struct vm_prow *row)
{
	const struct an_pedge *e = &v->m.edges[row->edge];
	const struct an_pline *from = &v->m.slot[e->from_slot].lines[e->from_line];
	const struct an_pline *to = &v->m.slot[row->other_slot].lines[row->other_line];
	int ind = from->level * 2;	/* the glyph where its line's text starts */
	int a = e->color[0] != '\0' ? ui_fg_attr(ui, e->color) :
	    ui_attr(ui, TH_BORDER);
	char *text;

	if (ind > w / 3)
		ind = w / 3;
	if (w - ind < 3)
		return;
	ui_put_plain(y, x + ind, 1, e->directed ? views_glyph(ui, "\u25b6") :
	    "\u2014", a | A_BOLD);
	text = e->nlinks > 1 ? xasprintf("%s (%zu): %s", e->label, e->nlinks,
	    to->text) : xasprintf("%s: %s", e->label, to->text);
	views_put_cut(ui, y, x + ind + 2, w - ind - 2, text, a,
	    an_text_rtl(text), false);
	free(text);
}

/* The box of slot s: its title (marked when the slot is unexplained), then
 * its rows from first on. */
static void
draw_box(struct ui *ui, const struct paradigm_view *v, int oy, int ox,
    const struct an_lbox *b, size_t s, size_t first)
{
	const struct an_pslot *slot = &v->m.slot[s];
	const struct vm_pbox *bx = &v->box[s];
	bool flag = v->m.unexplained[s];
	int a = flag ? ui_attr(ui, TH_WARNING) : role_attr(ui, b->role);
	int y = oy + b->y, x = ox + b->x;
	size_t k;
	char title[200];

	views_box(ui, y, x, b->h, b->w, a);
	/* the title is the box's first inner line, then its rows */
	snprintf(title, sizeof title, "%s%s%s", flag ? "\u26a0 " : "",
	    _(paradigm_role_title(b->role)),
	    slot->nlines == 0 ? " \u2014" : "");	/* no category */
	views_put_cut(ui, y + 1, x + 1, b->w - 2, title, a | A_BOLD, i18n_rtl(),
	    true);
	if (first + b->nshown > bx->n)
		first = bx->n > b->nshown ? bx->n - b->nshown : 0;
	for (k = 0; k < b->nshown && first + k < bx->n && (int)k < b->h - 3;
	    k++) {
		const struct vm_prow *row = &bx->rows[first + k];

		if (row->edge == SIZE_MAX)
			draw_line(ui, y + 2 + (int)k, x + 1, b->w - 2,
			    &slot->lines[row->line]);
		else
			draw_edge_row(ui, v, y + 2 + (int)k, x + 1, b->w - 2, row);
	}
	if (b->more > 0) {
		int ly = y + 2 + (int)k, tw;

		if (bx->n > first + k)
			snprintf(title, sizeof title, _("+%zu more"),
			    bx->n - first - k);
		else
			snprintf(title, sizeof title, _("+%zu above"), first);
		tw = ui_text_width(title);
		if (ly >= y + b->h - 1)
			ly = y + b->h - 1;	/* on the border */
		ui_put_plain(ly, x + b->w - 2 - tw, tw, title, a);
	}
}

/* The arrow between two boxes where links join their slots: a head at
 * each end a directed link points to, none for undirected ones only. */
static void
draw_arrow(struct ui *ui, const struct paradigm_view *v, int oy, int ox,
    const struct an_larrow *ar, const struct an_layout *l)
{
	int a = ui_attr(ui, TH_BORDER) | A_BOLD, i, from, to;
	int way = vm_paradigm_arrow(&v->m, ar->from, ar->to);
	bool vertical = ar->x1 == ar->x2 && ar->y1 != ar->y2;

	if (way == VM_ARROW_NONE)
		return;
	if (ar->x1 == ar->x2 && ar->y1 == ar->y2) {
		/* one cell between stacked boxes: point at the box it goes to */
		for (i = 0; i < 6 && l->box[i].role != ar->to; i++)
			;
		if (i < 6 && (l->box[i].y > ar->y2 ||
		    l->box[i].y + l->box[i].h <= ar->y2)) {
			bool down = l->box[i].y > ar->y2;

			ui_put_plain(oy + ar->y2, ox + ar->x2, 1,
			    (way & VM_ARROW_FWD) && (way & VM_ARROW_BACK) ?
			    "\u2195" : way == VM_ARROW_UNDIRECTED ? "\u2502" :
			    (way & VM_ARROW_FWD) == down ? "\u25bc" : "\u25b2", a);
			return;
		}
	}
	if (!vertical) {
		from = ar->x1 < ar->x2 ? ar->x1 : ar->x2;
		to = ar->x1 < ar->x2 ? ar->x2 : ar->x1;
		for (i = from; i <= to; i++)
			ui_put_plain(oy + ar->y1, ox + i, 1, "\u2500", a);
		if (way & VM_ARROW_FWD)
			ui_put_plain(oy + ar->y2, ox + ar->x2, 1, views_glyph(ui,
			    ar->x2 >= ar->x1 ? "\u25b6" : "\u25c0"), a);
		if (way & VM_ARROW_BACK)
			ui_put_plain(oy + ar->y1, ox + ar->x1, 1, views_glyph(ui,
			    ar->x2 >= ar->x1 ? "\u25c0" : "\u25b6"), a);
	} else {
		from = ar->y1 < ar->y2 ? ar->y1 : ar->y2;
		to = ar->y1 < ar->y2 ? ar->y2 : ar->y1;
		for (i = from; i <= to; i++)
			ui_put_plain(oy + i, ox + ar->x1, 1, "\u2502", a);
		if (way & VM_ARROW_FWD)
			ui_put_plain(oy + ar->y2, ox + ar->x2, 1,
			    ar->y2 >= ar->y1 ? "\u25bc" : "\u25b2", a);
		if (way & VM_ARROW_BACK)
			ui_put_plain(oy + ar->y1, ox + ar->x1, 1,
			    ar->y2 >= ar->y1 ? "\u25b2" : "\u25bc", a);
	}
}

/* A row of the list: a slot's title and its rule, a category or code, or
 * a link with its head where the row's first piece starts. */
static void
draw_list_row(struct ui *ui, const struct paradigm_view *v, int y, int x,
    int w, const struct vm_plrow *row)
{
	const struct an_pedge *e;
	int a, used;

	switch (row->kind) {
	case VM_PL_TITLE:
		a = row->flagged ? ui_attr(ui, TH_WARNING) :
		    role_attr(ui, v->m.slot[row->slot].role);
		used = ui_put_plain(y, x + row->x, w - row->x, row->text,
		    a | A_BOLD);
		if (w - row->x - used - 1 > 0)
			views_rule(y, x + row->x + used + 1, w - row->x - used - 1,
			    "\u2500", a);
		break;
	case VM_PL_LINE:
		a = v->m.slot[row->slot].lines[row->line].is_code ?
		    ui_attr(ui, TH_CODE) : (int)(ui_attr(ui, TH_CATEGORY) |
		    (v->m.slot[row->slot].lines[row->line].level == 0 ?
		    A_BOLD : 0));
		ui_put_text_dir(ui, y, x + row->x, w - row->x, row->text,
		    row->rtl, a);
		break;
	case VM_PL_LINK:
		e = &v->m.edges[row->edge];
		a = e->color[0] != '\0' ? ui_fg_attr(ui, e->color) :
		    ui_attr(ui, TH_BORDER);
		if (row->first && row->x >= 2)
			ui_put_plain(y, x + row->x - 2, 1,
			    row->way == VM_PL_UNDIRECTED ? "\u2014" :
			    views_glyph(ui, row->way == VM_PL_OUT ? "\u25b6" :
			    "\u25c0"), a | A_BOLD);
		ui_put_text_dir(ui, y, x + row->x, w - row->x, row->text,
		    row->rtl, a);
		break;
	}
}

/* The model as a list in the h rows under the title row, from ltop on;
 * the title row says which rows show when not all do. */
static void
draw_list(struct ui *ui, struct paradigm_view *v, const struct rect *r,
    int h)
{
	int a = ui_attr(ui, TH_TITLE_FOCUS), w = r->w - 2, pw = 0, k;
	size_t n;
	char pos[64];

	if (v->list_w != w) {
		vm_paradigm_list_done(&v->list);
		vm_paradigm_list(&v->m, w, &v->list);
		v->list_w = w;
	}
	n = v->list.n;
	v->lmax = h > 0 && n > (size_t)h ? n - (size_t)h : 0;
	if (v->ltop > v->lmax)
		v->ltop = v->lmax;
	ui_fill(r->y, r->x, r->w, a);
	if (h > 0 && n > (size_t)h) {
		snprintf(pos, sizeof pos, " %zu\u2013%zu/%zu ", v->ltop + 1,
		    v->ltop + (size_t)h, n);
		pw = ui_text_width(pos);
		/* figures, not a label: left to right in either language */
		ui_put_text(ui, r->y, r->x + r->w - pw, pw, pos, a);
	}
	ui_put_plain(r->y, r->x + 1, r->w - 2 - pw, _(" paradigm model   j/k scroll, "
	    "c codes, s saturation, Esc back "), a);
	for (k = 0; k < h && v->ltop + (size_t)k < n; k++)
		draw_list_row(ui, v, r->y + 1 + k, r->x + 1, w,
		    &v->list.rows[v->ltop + (size_t)k]);
}

static void
draw_paradigm(struct ui *ui, struct paradigm_view *v, const struct rect *r)
{
	struct an_paradigm shape;
	struct an_layout l;
	int y, h = r->h - 1;
	size_t i;

	for (y = r->y + 1; y < r->y + r->h; y++)
		ui_fill(y, r->x, r->w, ui_attr(ui, TH_NORMAL));
	if (!v->loaded) {
		ui_box_title(ui, r, _(" paradigm model   c codes on/off, "
		    "s saturation chart, Esc back "), true);
		return;
	}
	/* the note naming the unexplained slots takes the last line */
	if (v->note[0] != '\0') {
		h--;
		views_put_cut(ui, r->y + r->h - 1, r->x + 1, r->w - 2, v->note,
		    ui_attr(ui, TH_WARNING) | A_BOLD, i18n_rtl(), true);
	}
	/* the boxes hold their rows: lines and the links under them */
	shape = v->m;
	for (i = 0; i < 6; i++)
		shape.slot[i].nlines = v->box[i].n;
	an_paradigm_layout(&shape, r->w, h, &l);
	/* too narrow or low for boxes that show names: the list */
	v->listed = !vm_paradigm_boxes(&l);
	if (v->listed) {
		draw_list(ui, v, r, h);
		return;
	}
	ui_box_title(ui, r, _(" paradigm model   c codes on/off, s saturation "
	    "chart, Esc back "), true);
	v->mmax = 0;
	for (i = 0; i < 6; i++) {
		if (l.box[i].more > v->mmax)
			v->mmax = l.box[i].more;
		draw_box(ui, v, r->y + 1, r->x, &l.box[i], i, v->mtop);
	}
	for (i = 0; i < l.narrows; i++)
		draw_arrow(ui, v, r->y + 1, r->x, &l.arrow[i], &l);
}

/* The Guest, Namey & Chen rule in one line: its parameters, its result
 * in interview order, and over random orders. */
static void
gnc_line(const struct paradigm_view *v, char *line, size_t cap)
{
	const struct an_gnc *g = &v->gnc;
	char res[160];
	int n;

	if (g->why != NULL)
		snprintf(res, sizeof res, _("not assessable (%s)"), _(g->why));
	else if (g->reached)
		snprintf(res, sizeof res, _("saturation at %zu interviews"),
		    g->point);
	else
		snprintf(res, sizeof res, "%s", _("not reached"));
	/* TRANSLATORS: the rule's parameters: base, run, threshold in
	   percent; then its result */
	n = snprintf(line, cap, _("Guest, Namey & Chen (2020), base %d, run "
	    "%d, new <= %d%% of the base: %s"), g->o.base, g->o.run,
	    g->o.threshold, res);
	if (g->why == NULL && n > 0 && (size_t)n < cap)
		snprintf(line + n, cap - (size_t)n, _("; in %d of %d random "
		    "orders, median %.1f"), g->reached_orders, g->o.orders,
		    g->median_point);
}

static void
draw_saturation(struct ui *ui, struct paradigm_view *v, const struct rect *r)
{
	const struct an_saturation *s = &v->sat;
	int a = ui_attr(ui, TH_NORMAL), dim = ui_attr(ui, TH_DIM);
	int y = r->y + 1, lw = 28, bw, h;
	int64_t max = 1;
	char line[256];
	size_t i;

	for (i = 1; i < (size_t)r->h; i++)
		ui_fill(r->y + (int)i, r->x, r->w, a);
	if (!v->loaded) {
		ui_box_title(ui, r, _(" saturation "), true);
		return;
	}
	snprintf(line, sizeof line, _(" saturation: new codes per interview, "
	    "source: %s, in interview order   W source, s the model, Esc back "),
	    sat_login(v, v->sat_src));
	ui_box_title(ui, r, line, true);
	if (s->point > 0)
		snprintf(line, sizeof line, _("saturation reached at interview "
		    "%lld (%lld confirming interviews after it); %lld codes in "
		    "all"), (long long)s->point, (long long)s->confirming,
		    (long long)s->ncodes);
	else
		snprintf(line, sizeof line, _("saturation not reached; %lld codes "
		    "in all"), (long long)s->ncodes);
	ui_put_plain(y++, r->x + 1, r->w - 2, line, a | A_BOLD);
	gnc_line(v, line, sizeof line);
	ui_put_plain(y++, r->x + 1, r->w - 2, line, a);
	ui_put_plain(y++, r->x + 1, r->w - 2, _("  #  interview                "
	    "  new codes (cumulative)"), dim | A_UNDERLINE);
	for (i = 0; i < s->nrows; i++)
		if (s->rows[i].nnew > max)
			max = s->rows[i].nnew;
	bw = r->w - lw - 40;
	if (bw < 4)
		bw = 4;
	h = r->y + r->h - y;
	if (h > 0 && v->ptop + (size_t)h > s->nrows)
		v->ptop = s->nrows > (size_t)h ? s->nrows - (size_t)h : 0;
	for (i = v->ptop; i < s->nrows && y < r->y + r->h; i++, y++) {
		const struct an_sat_row *row = &s->rows[i];
		int len = (int)(row->nnew * bw / max), x = r->x + 1, j;
		bool point = s->point > 0 && i == s->point_row;

		snprintf(line, sizeof line, "%3zu  ", i + 1);
		x += ui_put_plain(y, x, 5, line, point ? (int)(a | A_BOLD) : dim);
		ui_put_text(ui, y, x, lw - 7, row->doc < v->an.ndocs ?
		    v->an.docs[row->doc].name : "?", row->coded ? a : dim);
		x = r->x + lw;
		for (j = 0; j < len; j++)
			ui_put_plain(y, x + j, 1, "\u2588",
			    point ? ui_attr(ui, TH_WARNING) : ui_attr(ui,
			    TH_ROLE_CENTRAL));
		x += len + 1;
		if (row->coded)
			snprintf(line, sizeof line, "%lld (%lld)%s%s%s",
			    (long long)row->nnew, (long long)row->cumulative,
			    point ? "  " : "", point ? views_glyph(ui, "\u25c0") : "",
			    point ? _(" saturation point") : "");
		else
			snprintf(line, sizeof line, "%s", _("not coded"));
		ui_put_plain(y, x, r->x + r->w - x - 1, line,
		    point ? (int)(ui_attr(ui, TH_WARNING) | A_BOLD) : a);
	}
}

static void
paradigm_draw(struct ui *ui, void *data, const struct rect *r,
    bool focused)
{
	struct paradigm_view *v = data;

	(void)focused;
	if (v->saturation)
		draw_saturation(ui, v, r);
	else
		draw_paradigm(ui, v, r);
}

static void
paradigm_focus(struct ui *ui, void *data, bool on)
{
	struct paradigm_view *v = data;

	if (!on)	/* going off screen: nothing to do */
		return;
	if (!v->loaded || v->stale)
		an_update(ui, v);
}

static void
paradigm_stale(void *data)
{
	((struct paradigm_view *)data)->stale = true;
}

/* Up and Down scroll the chart, the list, or every box of the model by a
 * line. */
static size_t *
paradigm_cursor(void *data, size_t *n)
{
	struct paradigm_view *v = data;

	if (v->saturation) {
		*n = v->sat.nrows;
		return &v->ptop;
	}
	/* the list: up to the row that shows its last one at the foot */
	if (v->listed) {
		*n = v->lmax + 1;
		if (v->ltop > v->lmax)
			v->ltop = v->lmax;
		return &v->ltop;
	}
	/* up to the last line of the longest box, as the pane last showed it */
	*n = v->mmax + 1;
	if (v->mtop > v->mmax)
		v->mtop = v->mmax;
	return &v->mtop;
}

/* W in the saturation chart: the next coder who coded (the consensus
 * coder among them) becomes its source. */
static void
paradigm_choose(struct ui *ui, void *data)
{
	struct paradigm_view *v = data;
	size_t i, k, n = v->an.ncoders;

	if (!v->saturation || !v->loaded) {
		ui_err(ui, "%s", _("W chooses the source of the saturation chart "
		    "(s)"));
		return;
	}
	for (k = 0; k < n && v->an.coders[k].id != v->sat_src; k++)
		;
	for (i = 1; i <= n; i++) {
		const struct coder *c = &v->an.coders[(k + i) % n];

		if (rp_coder_has_codings(&v->an, c->id))
			break;
	}
	if (n == 0 || i > n) {
		ui_err(ui, "%s", _("nobody has coded yet: the chart has no other "
		    "source"));
		return;
	}
	v->sat_chosen = v->an.coders[(k + i) % n].id;
	v->sat_src = v->sat_chosen;
	an_saturation_done(&v->sat);
	an_saturation(&v->an, v->sat_src, &v->sat);
	v->ptop = 0;
	ui_msg(ui, _("the saturation chart counts %s"), sat_login(v, v->sat_src));
	ui_dirty(ui, DIRTY_VIEW);
}

/* Enter: as c, the codes on or off. */
static void
paradigm_sync(struct ui *ui, void *data, enum ui_sync what)
{
	if (what == UI_SYNC_CODERS)
		return;		/* it shows one coder's codings */
	paradigm_stale(data);
	if (what != UI_SYNC_STALE)	/* on screen: now */
		an_update(ui, data);
}

/* Enter shows the codes in the boxes or hides them; W the chart's source. */
static void
paradigm_key(struct ui *ui, void *data, int key)
{
	if (key == SCREEN_KEY_ENTER)
		view_act_codes(ui);
	else if (key == SCREEN_KEY_CHOOSE)
		paradigm_choose(ui, data);
}

const struct screen_ops view_paradigm_ops = {
	.name = "paradigm",
	.scope = SCOPE_VIEW,
	.create = paradigm_create,
	.free = paradigm_free,
	.draw = paradigm_draw,
	.key = paradigm_key,
	.focus = paradigm_focus,
	.sync = paradigm_sync,
	.cursor = paradigm_cursor,
};

void view_act_paradigm(struct ui *ui) { view_toggle(ui, VIEW_PARADIGM); }

/* The paradigm view's own keys do nothing elsewhere. */
static bool
in_paradigm(struct ui *ui)
{
	if (ui->view == VIEW_PARADIGM)
		return true;
	ui_err(ui, "%s", _("only in the paradigm view (T)"));
	return false;
}

void
view_act_codes(struct ui *ui)
{
	struct paradigm_view *v = views_data(ui, VIEW_PARADIGM);

	if (!in_paradigm(ui))
		return;
	v->with_codes = !v->with_codes;
	v->saturation = false;
	if (!v->loaded || v->stale) {
		an_update(ui, v);
		return;
	}
	model_done(v);		/* the loaded project is still current */
	model(v);
	ui_dirty(ui, DIRTY_VIEW);
}

void
view_act_saturation(struct ui *ui)
{
	struct paradigm_view *v = views_data(ui, VIEW_PARADIGM);

	if (!in_paradigm(ui))
		return;
	v->saturation = !v->saturation;
	ui_dirty(ui, DIRTY_VIEW);
}
