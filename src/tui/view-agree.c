/*
 * view-agree.c: the agreement view (I). Cohen's kappa of two coders with
 * paragraphs as units, pooled over every code (95% interval by a cluster
 * bootstrap over documents, agreement-cluster.c; N, percent
 * and positive agreement, the Landis & Koch band) and one row per code,
 * worst first (vm_agree_rows); Enter compares the current code's
 * disagreements. Blind coding shows the model's message instead. With a
 * set of three or more (view-set.c) the rows are the set's instead
 * (view-agree-many.c).
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/agree-project.h"
#include "store/blind.h"
#include "base/i18n.h"
#include "base/util.h"
#include "tui/view-int.h"

/* The view's state (views_data); A and B are the frame's. */
struct agree_view {
	struct agree_project *ap;	/* A's and B's, kept current */
	char *hidden;		/* blind: the message shown instead */
	bool stale;
	struct vm_agree_row *rows;	/* worst first */
	size_t nrows, cur, top;
	struct agree_cells total;
	struct agree_kappa tk;
	struct agree_gwet tg;		/* Gwet's AC1 of the pooled table */
	struct agree_cluster cl;	/* the pooled interval, by document */
	struct agree_many_view *set;	/* three or more coders, else NULL */
};

static void *
agree_create(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct agree_view));
}

/* Forgets what was computed (new coders). */
static void
agree_clear(void *data)
{
	struct agree_view *v = data;

	agree_project_free(v->ap);
	v->ap = NULL;
	free(v->hidden);
	v->hidden = NULL;
	free(v->rows);
	v->rows = NULL;
	v->nrows = 0;
	view_agree_many_free(v->set);
	v->set = NULL;
}

static void
agree_free(void *data)
{
	agree_clear(data);
	free(data);
}

static void
agree_compute(struct agree_view *v)
{
	const struct agree_state *st;

	free(v->rows);
	v->rows = NULL;
	v->nrows = 0;
	if (v->ap == NULL)
		return;
	st = agree_project_state(v->ap);
	agree_state_total_table(st, &v->total, NULL);
	agree_kappa_2x2(v->total.a, v->total.b, v->total.c, v->total.d,
	    &v->tk);
	{
		int64_t cells[4] = { v->total.a, v->total.b, v->total.c, v->total.d };

		agree_gwet_table(cells, 2, NULL, &v->tg);
	}
	agree_state_cluster(st, AGREE_BOOT_DEFAULT, AGREE_SEED_DEFAULT, &v->cl);
	vm_agree_rows(st, &v->rows, &v->nrows);
	if (v->cur >= v->nrows)
		v->cur = v->nrows ? v->nrows - 1 : 0;
	v->stale = false;
}

/* Builds or refreshes the agreement of A and B; blind mode leaves the
 * model's message in v->hidden. */
static void
agree_update(struct ui *ui, void *data)
{
	struct agree_view *v = data;
	const struct views *f = views_get(ui);
	bool changed = true, stale = v->stale;

	if (blind_check_figures(ui->p) != AX_OK) {
		agree_clear(v);
		v->hidden = xstrdup(project_errmsg(ui->p));
		ui_dirty(ui, DIRTY_VIEW);
		return;
	}
	free(v->hidden);
	v->hidden = NULL;
	if (f->coder[0] == NULL)
		return;
	if (v->ap == NULL) {
		struct agree_config cfg = {AGREE_UNIT_PARAGRAPH, 2, false, 0.9,
		    false, AGREE_UNIT_PARAGRAPH};
		const char *names[2] = {f->coder[0], f->coder[1]};
		enum ax_status rc = agree_project_new(ui->p, names, 2, &cfg, 0,
		    &v->ap);

		if (rc == AX_ERR_PERM) {
			v->hidden = xstrdup(project_errmsg(ui->p));
			v->ap = NULL;
		} else if (!ui_check(ui, rc))
			v->ap = NULL;
	} else if (v->stale &&
	    !ui_check(ui, agree_project_refresh(v->ap, &changed)))
		changed = true;
	if (changed || v->stale)
		agree_compute(v);
	v->stale = false;
	if (v->ap != NULL)
		view_agree_many_update(ui, &v->set, stale);
	ui_dirty(ui, DIRTY_VIEW);
}

static void
draw_agree(struct ui *ui, void *data, const struct rect *r,
    bool focused)
{
	struct agree_view *v = data;
	const struct views *f = views_get(ui);
	int a = ui_attr(ui, TH_NORMAL), y = r->y + 1, x = r->x + 1, w = r->w - 2;
	char line[512], k[32], lo[32], hi[32], po[32], pos[32];
	int h, i;

	(void)focused;
	snprintf(line, sizeof line, _(" agreement: A %s, B %s; unit paragraph "
	    "(speaker turn); W chooses the coders, Enter compares a code "),
	    f->coder[0] ? f->coder[0] : "?", f->coder[1] ? f->coder[1] : "?");
	ui_box_title(ui, r, line, true);
	if (v->hidden != NULL) {
		ui_put_plain(y + 1, x, w, _("agreement figures are hidden:"),
		    a | A_BOLD);
		views_wrapped(ui, y + 2, x, w, v->hidden, strlen(v->hidden),
		    r->h - 4, a);
		return;
	}
	if (v->ap == NULL) {
		ui_put_plain(y + 1, x, w, _("no agreement computed (W chooses "
		    "the two coders)"), a);
		return;
	}
	views_set_line(ui, &y, x, w);
	if (v->set != NULL) {
		view_agree_many_draw(ui, v->set, r, y);
		return;
	}
	view_agree_fig(&v->tk.kappa, k, sizeof k);
	view_agree_fig(&v->cl.lo[AGREE_CL_KAPPA], lo, sizeof lo);
	view_agree_fig(&v->cl.hi[AGREE_CL_KAPPA], hi, sizeof hi);
	if (v->tk.kappa.why == NULL && v->cl.lo[AGREE_CL_KAPPA].why != NULL)
		/* TRANSLATORS: the pooled interval by document is undefined,
		   e.g. "too few documents" */
		snprintf(line, sizeof line, _("pooled (all codes)  kappa %s  "
		    "95%% CI undefined (%s)"), k, _(v->cl.lo[AGREE_CL_KAPPA].why));
	else if (v->tk.kappa.why == NULL)
		/* TRANSLATORS: the interval's method, short: a cluster
		   bootstrap that resamples documents */
		snprintf(line, sizeof line, _("pooled (all codes)  kappa %s  "
		    "95%% CI [%s, %s] bootstrap by document"), k, lo, hi);
	if (v->tk.kappa.why == NULL) {
		ui_put_plain(y++, x, w, line, a | A_BOLD);
		snprintf(line, sizeof line, _("band: %s (Landis & Koch 1977)"),
		    _(vm_kappa_band(v->tk.kappa.v)));
		ui_put_plain(y++, x, w, line, a);
	} else {
		snprintf(line, sizeof line, _("pooled (all codes)  kappa "
		    "undefined: %s"), _(v->tk.kappa.why));
		ui_put_plain(y++, x, w, line, a | A_BOLD);
	}
	snprintf(line, sizeof line, _("unit paragraph  N %lld  a=%lld b=%lld "
	    "c=%lld d=%lld"), (long long)v->tk.n, (long long)v->total.a,
	    (long long)v->total.b, (long long)v->total.c,
	    (long long)v->total.d);
	ui_put_plain(y++, x, w, line, a);
	view_agree_pct(&v->tk.po, po, sizeof po);
	view_agree_pct(&v->tk.pos, pos, sizeof pos);
	snprintf(line, sizeof line, _("agreement %s  positive agreement %s"),
	    po, pos);
	ui_put_plain(y++, x, w, line, a);
	view_agree_fig(&v->tg.ac, k, sizeof k);
	view_agree_fig(&v->tg.lo, lo, sizeof lo);
	view_agree_fig(&v->tg.hi, hi, sizeof hi);
	snprintf(line, sizeof line, _("Gwet's AC1 %s  95%% t interval [%s, %s]"),
	    k, lo, hi);
	ui_put_plain(y++, x, w, line, a);
	y++;
	/* the figures' columns read left to right in any language (a minus
	 * sign would stray in a right-to-left line); the rest is a label */
	{
		int hd = ui_attr(ui, TH_DIM) | A_UNDERLINE, used;

		snprintf(line, sizeof line, "%6s %6s %6s %8s %8s %7s %8s  %-9s  ",
		    "a", "b", "c", "d", "kappa", "prev", "AC1", "%agr");
		used = ui_put_text(ui, y, x, w, line, hd);
		snprintf(line, sizeof line, _("code (%zu, worst first)"),
		    v->nrows);
		ui_put_plain(y++, x + used, w - used, line, hd);
	}
	h = r->y + r->h - y;
	if (v->cur < v->top)
		v->top = v->cur;
	if (h > 0 && v->cur >= v->top + (size_t)h)
		v->top = v->cur - (size_t)h + 1;
	for (i = 0; i < h && v->top + (size_t)i < v->nrows; i++, y++) {
		const struct vm_agree_row *row = &v->rows[v->top + (size_t)i];
		bool cur = v->top + (size_t)i == v->cur;
		int ra = cur ? ui_attr(ui, TH_CURSOR_ROW) : a, used;

		ui_fill(y, r->x, r->w, ra);
		view_agree_fig(&row->k.kappa, k, sizeof k);
		view_agree_pct(&row->k.po, po, sizeof po);
		view_agree_pct(&(struct agree_fig){ row->prev, NULL }, pos,
		    sizeof pos);
		view_agree_fig(&row->ac1.ac, lo, sizeof lo);
		snprintf(line, sizeof line, "%6lld %6lld %6lld %8lld %8s %7s %8s  %-9s  ",
		    (long long)row->cells.a, (long long)row->cells.b,
		    (long long)row->cells.c, (long long)row->cells.d, k, pos, lo,
		    po);
		used = ui_put_text(ui, y, x, w, line, ra);
		if (row->k.kappa.why != NULL) {
			snprintf(line, sizeof line, "(%s) ", _(row->k.kappa.why));
			used += ui_put_plain(y, x + used, w - used, line,
			    ra | A_DIM);
		}
		ui_put_text(ui, y, x + used, w - used,
		    view_agree_code_name(ui, v->ap, row->code), ra);
	}
}


static void
agree_focus(struct ui *ui, void *data, bool on)
{
	struct agree_view *v = data;

	if (!on)	/* going off screen: nothing to do */
		return;
	if (v->ap != NULL)
		v->stale = true;
	agree_update(ui, v);
}

static void
agree_stale(void *data)
{
	((struct agree_view *)data)->stale = true;
}

/* Enter: the current code's disagreements in the compare view. */
static void
agree_enter(struct ui *ui, void *data)
{
	struct agree_view *v = data;

	if (v->set != NULL) {
		if (view_agree_many_code(v->set) > 0)
			view_compare_code(ui, view_agree_many_code(v->set));
		return;
	}
	if (v->cur >= v->nrows || v->ap == NULL)
		return;
	view_compare_code(ui, agree_project_code_id(v->ap,
	    v->rows[v->cur].code));
}

static size_t *
agree_cursor(void *data, size_t *n)
{
	struct agree_view *v = data;

	if (v->set != NULL)
		return view_agree_many_cursor(v->set, n);
	*n = v->nrows;
	return &v->cur;
}

static void
agree_sync(struct ui *ui, void *data, enum ui_sync what)
{
	if (what == UI_SYNC_CODERS) {
		agree_clear(data);
		return;
	}
	if (what == UI_SYNC_DECISION)	/* it counts codings only */
		return;
	agree_stale(data);
	if (what != UI_SYNC_STALE)	/* on screen: now */
		agree_update(ui, data);
}

static void
agree_key(struct ui *ui, void *data, int key)
{
	if (key == SCREEN_KEY_ENTER)
		agree_enter(ui, data);
}

const struct screen_ops view_agree_ops = {
	.name = "agreement",
	.scope = SCOPE_VIEW,
	.coders = true,
	.create = agree_create,
	.free = agree_free,
	.draw = draw_agree,
	.key = agree_key,
	.focus = agree_focus,
	.sync = agree_sync,
	.cursor = agree_cursor,
};

void view_act_agree(struct ui *ui) { view_toggle(ui, VIEW_AGREE); }
