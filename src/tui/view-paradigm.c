/*
 * view-paradigm.c: the paradigm model view (T). The six slots as boxes
 * with arrows, fitted to the pane (an_paradigm_layout); c lists the codes
 * under each category too, s switches to the saturation chart (new codes
 * per interview, the saturation point marked; one source counted, as
 * `axial report` counts it, W switching it). Up and Down scroll the
 * boxes whose lines do not fit; a name wider than its box ends in "…".
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
	size_t ptop;		/* the chart's first row */
	int64_t sat_src;	/* the coder the chart counts (report.h) */
	int64_t sat_chosen;	/* the one W chose; 0: the default */
	size_t mtop;		/* the model's: lines scrolled off each box */
	size_t mmax;		/* mtop's last useful value, as last drawn */
};

static void *
paradigm_create(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct paradigm_view));
}

static void
an_clear(struct paradigm_view *v)
{
	if (!v->loaded)
		return;
	an_paradigm_done(&v->m);
	an_saturation_done(&v->sat);
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
	an_paradigm(&v->an, v->with_codes, &v->m);
	v->sat_src = sat_source(ui, v);
	an_saturation(&v->an, v->sat_src, &v->sat);
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

/* A box corner or arrow head as a mirrored pane must draw it: the mirror
 * moves cells (ui-draw.c), it cannot turn a glyph around. */
static const char *
glyph(struct ui *ui, const char *g)
{
	static const char *const pairs[][2] = {
		{"\u250c", "\u2510"}, {"\u2514", "\u2518"}, {"\u25b6", "\u25c0"},
	};
	size_t i;

	for (i = 0; ui->mirrored && i < AX_ARRAY_LEN(pairs); i++) {
		if (strcmp(g, pairs[i][0]) == 0)
			return pairs[i][1];
		if (strcmp(g, pairs[i][1]) == 0)
			return pairs[i][0];
	}
	return g;
}

static void
hrule(int y, int x, int w, const char *s, int attr)
{
	int i;

	for (i = 0; i < w; i++)
		ui_put_plain(y, x + i, 1, s, attr);
}

/*
 * s in the w columns from x, its reading end cut with "…" when it is wider
 * (measured by the text engine, so Persian shaping and wide letters count
 * as drawn). rtl: s reads right to left; plain: drawn in the interface
 * language's direction (ui_put_plain), not its own.
 */
static void
put_cut(struct ui *ui, int y, int x, int w, const char *s, int attr,
    bool rtl, bool plain)
{
	/* the reading end is on the pane's left for RTL text, unless mirrored */
	bool left = rtl != ui->mirrored;

	if (w <= 0)
		return;
	if (ui_text_width(s) <= w || w < 2) {
		if (plain)
			ui_put_plain(y, x, w, s, attr);
		else
			ui_put_text(ui, y, x, w, s, attr);
		return;
	}
	ui_put_plain(y, left ? x : x + w - 1, 1, "\u2026", attr);
	if (plain)
		ui_put_plain(y, left ? x + 1 : x, w - 1, s, attr);
	else
		ui_put_text(ui, y, left ? x + 1 : x, w - 1, s, attr);
}

/* Box b of slot, its lines from first on. */
static void
draw_box(struct ui *ui, int oy, int ox, const struct an_lbox *b,
    const struct an_pslot *slot, size_t first)
{
	int a = role_attr(ui, b->role), n = ui_attr(ui, TH_NORMAL);
	int y = oy + b->y, x = ox + b->x, i;
	size_t k;
	char title[160];

	ui_put_plain(y, x, 1, glyph(ui, "\u250c"), a);
	hrule(y, x + 1, b->w - 2, "\u2500", a);
	ui_put_plain(y, x + b->w - 1, 1, glyph(ui, "\u2510"), a);
	for (i = 1; i < b->h - 1; i++) {
		ui_put_plain(y + i, x, 1, "\u2502", a);
		ui_fill(y + i, x + 1, b->w - 2, n);
		ui_put_plain(y + i, x + b->w - 1, 1, "\u2502", a);
	}
	ui_put_plain(y + b->h - 1, x, 1, glyph(ui, "\u2514"), a);
	hrule(y + b->h - 1, x + 1, b->w - 2, "\u2500", a);
	ui_put_plain(y + b->h - 1, x + b->w - 1, 1, glyph(ui, "\u2518"), a);
	/* the title is the box's first inner line, then its lines */
	snprintf(title, sizeof title, "%s%s", _(paradigm_role_title(b->role)),
	    slot->nlines == 0 ? " \u2014" : "");	/* no category */
	put_cut(ui, y + 1, x + 1, b->w - 2, title, a | A_BOLD, i18n_rtl(), true);
	if (first + b->nshown > slot->nlines)
		first = slot->nlines > b->nshown ? slot->nlines - b->nshown : 0;
	for (k = 0; k < b->nshown && first + k < slot->nlines &&
	    (int)k < b->h - 3; k++) {
		const struct an_pline *l = &slot->lines[first + k];
		int ind = l->level * 2, ly = y + 2 + (int)k;
		int la = l->is_code ? ui_attr(ui, TH_CODE) :
		    (int)(ui_attr(ui, TH_CATEGORY) | (l->level == 0 ? A_BOLD : 0));
		int tw, room;

		if (ind > b->w / 3)
			ind = b->w / 3;
		tw = ui_text_width(l->text);
		room = b->w - 2 - ind;
		/* right-to-left names right-aligned, indented from the right
		 * (in a mirrored pane the left-to-right ones are) */
		if (an_text_rtl(l->text) != ui->mirrored && tw < room)
			ui_put_text(ui, ly, x + b->w - 1 - ind - tw, tw, l->text, la);
		else
			put_cut(ui, ly, x + 1 + ind, room, l->text, la,
			    an_text_rtl(l->text), false);
	}
	if (b->more > 0) {
		int ly = y + 2 + (int)k;

		int tw;

		if (slot->nlines > first + k)
			snprintf(title, sizeof title, _("+%zu more"),
			    slot->nlines - first - k);
		else
			snprintf(title, sizeof title, _("+%zu above"), first);
		tw = ui_text_width(title);
		if (ly >= y + b->h - 1)
			ly = y + b->h - 1;	/* on the border */
		ui_put_plain(ly, x + b->w - 2 - tw, tw, title, a);
	}
}

static void
draw_arrow(struct ui *ui, int oy, int ox, const struct an_larrow *ar,
    const struct an_layout *l)
{
	int a = ui_attr(ui, TH_BORDER) | A_BOLD, i, from, to;
	const char *head;
	bool vertical = ar->x1 == ar->x2 && ar->y1 != ar->y2;

	if (ar->x1 == ar->x2 && ar->y1 == ar->y2) {
		/* one cell: point at the target box */
		for (i = 0; i < 6 && l->box[i].role != ar->to; i++)
			;
		if (i < 6 && (l->box[i].y > ar->y2 ||
		    l->box[i].y + l->box[i].h <= ar->y2)) {
			ui_put_plain(oy + ar->y2, ox + ar->x2, 1,
			    l->box[i].y > ar->y2 ? "\u25bc" : "\u25b2", a);
			return;
		}
	}
	if (!vertical) {
		from = ar->x1 < ar->x2 ? ar->x1 : ar->x2;
		to = ar->x1 < ar->x2 ? ar->x2 : ar->x1;
		for (i = from; i <= to; i++)
			ui_put_plain(oy + ar->y1, ox + i, 1, "\u2500", a);
		head = glyph(ui, ar->x2 >= ar->x1 ? "\u25b6" : "\u25c0");
	} else {
		from = ar->y1 < ar->y2 ? ar->y1 : ar->y2;
		to = ar->y1 < ar->y2 ? ar->y2 : ar->y1;
		for (i = from; i <= to; i++)
			ui_put_plain(oy + i, ox + ar->x1, 1, "\u2502", a);
		head = ar->y2 >= ar->y1 ? "\u25bc" : "\u25b2";
	}
	ui_put_plain(oy + ar->y2, ox + ar->x2, 1, head, a);
}

static void
draw_paradigm(struct ui *ui, struct paradigm_view *v, const struct rect *r)
{
	struct an_layout l;
	size_t i, k;
	int y;

	ui_box_title(ui, r, _(" paradigm model   c codes on/off, s saturation "
	    "chart, Esc back "), true);
	for (y = r->y + 1; y < r->y + r->h; y++)
		ui_fill(y, r->x, r->w, ui_attr(ui, TH_NORMAL));
	if (!v->loaded)
		return;
	an_paradigm_layout(&v->m, r->w, r->h - 1, &l);
	if (!l.fits) {
		ui_put_plain(r->y + 2, r->x + 1, r->w - 2, _("the paradigm model "
		    "does not fit: enlarge the terminal"), ui_attr(ui, TH_WARNING));
		return;
	}
	v->mmax = 0;
	for (i = 0; i < 6; i++) {
		if (l.box[i].more > v->mmax)
			v->mmax = l.box[i].more;
		for (k = 0; k < 6 && v->m.slot[k].role != l.box[i].role; k++)
			;
		draw_box(ui, r->y + 1, r->x, &l.box[i], &v->m.slot[k < 6 ? k : i],
		    v->mtop);
	}
	for (i = 0; i < l.narrows; i++)
		draw_arrow(ui, r->y + 1, r->x, &l.arrow[i], &l);
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
			    point ? "  " : "", point ? glyph(ui, "\u25c0") : "",
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

/* Up and Down scroll the chart, or every box of the model by a line. */
static size_t *
paradigm_cursor(void *data, size_t *n)
{
	struct paradigm_view *v = data;

	if (v->saturation) {
		*n = v->sat.nrows;
		return &v->ptop;
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
	if (what == UI_SYNC_CODERS || what == UI_SYNC_DECISION)
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
	an_paradigm_done(&v->m);	/* the loaded project is still current */
	an_paradigm(&v->an, v->with_codes, &v->m);
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
