/*
 * pane-agree.c: live inter-coder agreement of the two coders with the most
 * codings: Cohen's kappa with paragraphs (speaker turns) as units, for all
 * codes pooled, for the code under the tree cursor, and per main category
 * (the paradigm slots), with Krippendorff's alpha for unitizing (alpha_U)
 * of all codes and of the code under the cursor beside kappa, and u-alpha
 * of Krippendorff et al. 2016 of all codes ("--" when undefined, e.g. a
 * coder's codes overlap), recomputed whenever the codings change, never
 * in draw. Built when first shown (agree-project.h), a slice of
 * documents at a time: the first slice when = opens it, the rest in the
 * loop's idle ticks (ui->idle_more keeps them coming), the figures
 * marked partial, with the documents counted so far, until all are in
 * and alpha_U of every code is computed; then kept current from the
 * coding changes ui_sync applies, recomputing alpha_U of a changed code
 * and u-alpha of a changed document only (agreement-ulive.h): another
 * coder's work moves the figures within a second. Not focusable; =
 * shows and hides it.
 * When the agreement view's set holds three or more coders (+ there,
 * view-set.c) the pane covers the set instead: Fleiss' kappa, alpha and
 * Light's kappa of all of them, the title naming them.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/agreement.h"
#include "stats/agreement-ualpha.h"
#include "stats/agreement-unitize.h"
#include "store/blind.h"
#include "base/i18n.h"
#include "base/util.h"
#include "tui/ui-int.h"
#include "tui/view-int.h"

/* Work per slice: keys wait at most this long while the pane builds. */
#define PANE_AGREE_SLICE_NS (UINT64_C(20) * 1000000)

/* The pane's data: NULL members until it is first shown. */
struct agree_pane {
	struct agree_project *ap;
	char *coders[VIEWS_SET_MAX];	/* the compared, ncoders of them */
	int ncoders;
	struct agree_unitize uz;	/* alpha_U per code, kept on change */
	struct agree_ualpha ua;		/* u-alpha of all codes, likewise */
	bool complete;			/* every document in, alpha_U current */
	bool paused;			/* AXIAL_AGREE_PAUSE: slices of one
					   document, none when idle (the
					   tests see a partial pane) */
};

static struct agree_pane *
pane_data(struct ui *ui)
{
	return ui->panes[PANE_AGREE].data;
}

static void *
agree_create(struct ui *ui)
{
	struct agree_pane *d = xcalloc(1, sizeof *d);
	const char *pause = getenv("AXIAL_AGREE_PAUSE");

	(void)ui;
	d->paused = pause != NULL && pause[0] != '\0';
	return d;
}

/* Forgets the figures: they are built again when next shown. */
static void
agree_forget(struct agree_pane *d)
{
	int i;

	agree_project_free(d->ap);
	d->ap = NULL;
	agree_unitize_free(&d->uz);
	memset(&d->ua, 0, sizeof d->ua);
	d->complete = false;
	for (i = 0; i < d->ncoders; i++) {
		free(d->coders[i]);
		d->coders[i] = NULL;
	}
	d->ncoders = 0;
}

static void
agree_free(void *data)
{
	agree_forget(data);
	free(data);
}

/* The two coders with the most codings; false if fewer than two coded. */
static bool
pick_coders(struct ui *ui, const char **a, const char **b)
{
	int64_t best[2] = {0, 0};
	size_t k, who[2] = {0, 0};
	int64_t id;

	if (!ui->counts.valid || ui->counts.ncoders != ui->ncoders)
		ui_load_counts(ui);
	if (!ui->counts.valid || ui->counts.ncoders != ui->ncoders)
		return false;
	for (k = 0; k < ui->ncoders; k++) {
		int64_t sum = 0;

		for (id = 0; id <= ui->counts.maxid; id++)
			sum += ui->counts.n[(size_t)id * ui->counts.ncoders + k];
		if (sum > best[0]) {
			best[1] = best[0];
			who[1] = who[0];
			best[0] = sum;
			who[0] = k;
		} else if (sum > best[1]) {
			best[1] = sum;
			who[1] = k;
		}
	}
	if (best[1] == 0)
		return false;
	/* keep a stable order: the first in the coder list is A */
	if (who[0] > who[1]) {
		size_t t = who[0];

		who[0] = who[1];
		who[1] = t;
	}
	*a = ui->coders[who[0]].login;
	*b = ui->coders[who[1]].login;
	return true;
}

/*
 * One slice of the build (or of alpha_U left to compute), and the
 * unitizing figures for draw to show (not computed there); asks for
 * another idle tick at once while work is left.
 */
static void
agree_slice(struct ui *ui, struct agree_pane *d)
{
	bool changed = false;

	if (d->ap == NULL)
		return;
	if (agree_project_step(d->ap, d->paused ? 1 : PANE_AGREE_SLICE_NS,
	    &changed) != AX_OK) {
		ui_err(ui, _("agreement: %s"), project_errmsg(ui->p));
		return;
	}
	agree_unitize_free(&d->uz);
	agree_project_unitize(d->ap, &d->uz, &d->ua);
	d->complete = agree_project_progress(d->ap, NULL, NULL);
	if (!d->complete && !d->paused)
		ui->idle_more = true;
	ui_dirty(ui, DIRTY_AGREE);
}

/* "  αU 0.72", or "  αU --" when undefined, "  αU  …" while not yet
 * computed, after the kappa figures. */
static void
unitize_fig(const char *sym, const struct agree_fig *f, bool complete,
    char *out, size_t cap)
{
	size_t n = strlen(out);

	if (!complete)
		snprintf(out + n, cap - n, "  %s  \u2026 ", sym);
	else if (f->why != NULL)
		snprintf(out + n, cap - n, "  %s  -- ", sym);
	else
		snprintf(out + n, cap - n, "  %s %5.2f", sym, f->v);
}

/* The figures of the view's set (three or more), else of the two coders
 * with the most codings; false with the reason said. */
static bool
agree_build(struct ui *ui, struct agree_pane *d)
{
	struct agree_config cfg = {AGREE_UNIT_PARAGRAPH, 2, false, 0.9, false,
	    AGREE_UNIT_PARAGRAPH};
	const char *names[VIEWS_SET_MAX];
	size_t n = views_set(ui, names, VIEWS_SET_MAX), i;

	if (n < 3) {
		if (!pick_coders(ui, &names[0], &names[1])) {
			ui_err(ui, "%s", _("agreement needs two coders with codings"));
			return false;
		}
		n = 2;
	}
	if (!ui_check(ui, agree_project_new_tree(ui->p, names, (int)n, &cfg,
	    AGREE_PROJECT_LAZY | AGREE_PROJECT_UNITIZE, ui->nodes, ui->nnodes,
	    &d->ap)))
		return false;
	for (i = 0; i < n; i++)
		d->coders[i] = xstrdup(names[i]);
	d->ncoders = (int)n;
	agree_slice(ui, d);	/* the first figures, partial on a large study */
	return true;
}

/* Whether the pane covers another set than the view's now (a set of
 * three or more, or none where it covers one). */
static bool
set_moved(struct ui *ui, const struct agree_pane *d)
{
	const char *names[VIEWS_SET_MAX];

	if (views_set(ui, names, VIEWS_SET_MAX) < 3)
		return d->ncoders >= 3;
	return !views_set_is(ui, d->coders, (size_t)d->ncoders);
}

/* The agreement view's set changed: the pane covers the new one. */
static void
set_changed(struct ui *ui, struct agree_pane *d)
{
	agree_forget(d);
	if (ui->show_agree && !agree_build(ui, d)) {
		ui->show_agree = false;
		ui_dirty(ui, DIRTY_LAYOUT);
	}
	ui_dirty(ui, DIRTY_ALL);
}

void
pane_agree_toggle(struct ui *ui)
{
	struct agree_pane *d = pane_data(ui);

	if (ui->show_agree) {
		ui->show_agree = false;
		ui_dirty(ui, DIRTY_ALL | DIRTY_LAYOUT);
		return;
	}
	if (ui->blind_hidden || blind_check_figures(ui->p) != AX_OK) {
		ui_err(ui, _("agreement is hidden during blind coding: %s"),
		    project_errmsg(ui->p));
		return;
	}
	if (d->ap == NULL && !agree_build(ui, d))
		return;
	ui->show_agree = true;
	ui_dirty(ui, DIRTY_ALL | DIRTY_LAYOUT);
}

static void
agree_refresh(struct ui *ui, struct agree_pane *d)
{
	bool changed = false;

	if (d->ap == NULL)
		return;
	if (agree_project_refresh(d->ap, &changed) != AX_OK) {
		ui_err(ui, _("agreement: %s"), project_errmsg(ui->p));
		return;
	}
	if (changed)
		agree_slice(ui, d);	/* alpha_U of the changed codes */
}

/* "κ 0.71 Po 86% AC1 0.95" or the reason kappa is undefined; AC1
 * (Gwet) last, so a rare code's low kappa has its robust figure beside it */
static void
figures(const struct agree_cells *c, char *out, size_t cap)
{
	struct agree_kappa k;
	struct agree_gwet g;
	int64_t cells[4] = { c->a, c->b, c->c, c->d };
	char pc[PERCENT_MAX], ac1[16] = "";
	int n = 0;

	agree_kappa_2x2(c->a, c->b, c->c, c->d, &k);
	agree_gwet_table(cells, 2, NULL, &g);
	if (g.ac.why == NULL)
		snprintf(ac1, sizeof ac1, " AC1 %5.2f", g.ac.v);
	if (k.kappa.why != NULL)
		n = snprintf(out, cap, "\u03ba  --   (%s)", _(k.kappa.why));
	else
		n = snprintf(out, cap, "\u03ba %5.2f Po %3s%%", k.kappa.v,
		    percent_fmt(pc, sizeof pc, (double)(c->a + c->d),
		    (double)(c->a + c->b + c->c + c->d), 0, PERCENT_BOUND));
	if (n > 0 && (size_t)n < cap)
		snprintf(out + n, cap - (size_t)n, "%s", ac1);
}

/* "0.31  0.37  0.33  0.80": Fleiss' kappa, alpha, Light's kappa and AC1
 * of the set, "--" and the first reason where undefined */
static void
figures_set(const struct agree_many *f, char *out, size_t cap)
{
	const struct agree_fig *v[4] = { &f->fleiss, &f->alpha, &f->light,
	    &f->ac1 };
	const char *why = NULL;
	char s[4][16];
	int i;

	for (i = 0; i < 4; i++) {
		if (v[i]->why != NULL) {
			snprintf(s[i], sizeof s[i], "%5s", "--");
			why = why != NULL ? why : v[i]->why;
		} else
			snprintf(s[i], sizeof s[i], "%5.2f", v[i]->v);
	}
	if (why != NULL)
		snprintf(out, cap, "%s %s %s %s (%s)", s[0], s[1], s[2], s[3],
		    _(why));
	else
		snprintf(out, cap, "%s %s %s %s", s[0], s[1], s[2], s[3]);
}

/* The figures of one row (by code or category; i < 0: every code used)
 * into out, its units in *n. */
static void
row_figures(const struct agree_pane *d, enum agree_by by, int64_t i,
    char *out, size_t cap, int64_t *n)
{
	const struct agree_state *st = agree_project_state(d->ap);
	int64_t hist[VIEWS_SET_MAX + 1];
	int64_t pair[VIEWS_SET_MAX * VIEWS_SET_MAX];
	struct agree_cells c;
	struct agree_many f;

	if (i < 0)
		agree_state_total_table(st, &c, hist);
	else if (by == AGREE_BY_CODE)
		agree_state_table(st, i, -1, &c, hist);
	else
		agree_state_category_table(st, i, &c, hist);
	*n = c.a + c.b + c.c + c.d;
	if (d->ncoders < 3) {
		figures(&c, out, cap);
		return;
	}
	*n = agree_state_pairs(st, by, i, pair);
	agree_many_figures(hist, pair, d->ncoders, *n, &f, NULL);
	figures_set(&f, out, cap);
}

static void
agree_draw(struct ui *ui, void *data, const struct rect *r, bool focused)
{
	struct agree_pane *d = data;
	const struct agree_state *st;
	const struct agree_names *nm;
	size_t ndocs, ncodes, ncats, i;
	int64_t n;
	char line[160], fig[96];
	int y = r->y + 1, a = ui_attr(ui, TH_NORMAL);
	const struct node *cur = vmtree_current(&ui->tree);

	(void)focused;
	if (d->ncoders >= 3) {
		struct buf who = {0};
		int k;

		for (k = 0; k < d->ncoders; k++)
			buf_printf(&who, "%s%s", k ? ", " : "", d->coders[k]);
		/* TRANSLATORS: the agreement pane's title with three or more
		   coders, %s their logins */
		snprintf(line, sizeof line, _(" agreement of %s, paragraphs "),
		    who.s);
		buf_done(&who);
	} else
		snprintf(line, sizeof line, _(" agreement %s vs %s, paragraphs "),
		    d->coders[0] ? d->coders[0] : "?",
		    d->coders[1] ? d->coders[1] : "?");
	ui_box_title(ui, r, "", false);
	ui_put_plain(r->y, r->x + 1, r->w - 2, line, ui_attr(ui, TH_TITLE));
	for (i = 1; i < (size_t)r->h; i++)
		ui_fill(r->y + (int)i, r->x, r->w, a);
	if (d->ap == NULL)
		return;
	st = agree_project_state(d->ap);
	nm = agree_project_names(d->ap);
	agree_state_size(st, &ndocs, &ncodes, &ncats);
	if (!d->complete) {
		size_t done, total;

		/* never a partial figure that looks final */
		(void)agree_project_progress(d->ap, &done, &total);
		if (done < total)
			/* TRANSLATORS: the agreement pane while it counts a
			   large study: documents counted so far, of all */
			snprintf(line, sizeof line, _("partial: %zu of %zu documents counted"),
			    done, total);
		else
			snprintf(line, sizeof line, "%s",
			    _("partial: computing \u03b1U"));
		ui_put_plain(y++, r->x + 1, r->w - 2, line,
		    ui_attr(ui, TH_TITLE) | A_BOLD);
	}
	row_figures(d, AGREE_BY_CODE, -1, fig, sizeof fig, &n);
	if (d->ncoders >= 3) {
		/* the rows' four figures, in this order; N here, the
		   rows being full; the unitizing figures of the set after */
		snprintf(line, sizeof line, _("Fleiss κ, α, Light κ, AC1; N %lld:"),
		    (long long)n);
		unitize_fig("\u03b1U", &d->uz.alpha, d->complete, line, sizeof line);
		unitize_fig("u\u03b1", &d->ua.u, d->complete, line, sizeof line);
		ui_put_plain(y++, r->x + 1, r->w - 2, line, a | A_DIM);
		snprintf(line, sizeof line, _("%s  all codes"), fig);
	} else {
		/* the unitizing figures on a line of their own: beside
		   kappa, Po and AC1 they would not fit a narrow pane */
		line[0] = '\0';
		unitize_fig("\u03b1U", &d->uz.alpha, d->complete, line, sizeof line);
		unitize_fig("u\u03b1", &d->ua.u, d->complete, line, sizeof line);
		ui_put_plain(y++, r->x + 1, r->w - 2, line + 2, a | A_DIM);
		snprintf(line, sizeof line, _("%s  all codes, N %lld"), fig,
		    (long long)n);
	}
	ui_put_plain(y++, r->x + 1, r->w - 2, line, a | A_BOLD);
	if (cur != NULL && cur->kind == NODE_CODE && y < r->y + r->h) {
		for (i = 0; i < ncodes; i++)
			if (agree_project_code_id(d->ap, i) == cur->id)
				break;
		if (i < ncodes) {
			int x = r->x + 1;

			row_figures(d, AGREE_BY_CODE, (int64_t)i, fig,
			    sizeof fig, &n);
			if (d->ncoders < 3 && i < (size_t)d->uz.nvalues)
				unitize_fig("\u03b1U", &d->uz.v[i].alpha,
				    d->complete, fig, sizeof fig);
			x += ui_put_plain(y, x, r->w - 2, fig, a);
			x += ui_put_plain(y, x, 2, "  ", a);
			ui_put_text(ui, y, x, r->x + r->w - x - 1, cur->name, a);
			y++;
		}
	}
	for (i = 0; i < ncats && y < r->y + r->h; i++, y++) {
		int x = r->x + 1;

		row_figures(d, AGREE_BY_CATEGORY, (int64_t)i, fig, sizeof fig,
		    &n);
		x += ui_put_plain(y, x, r->w - 2, fig, a | A_DIM);
		x += ui_put_plain(y, x, 2, "  ", a);
		if (nm != NULL && nm->category != NULL && nm->category[i] != NULL)
			ui_put_text(ui, y, x, r->x + r->w - x - 1, nm->category[i],
			    ui_attr(ui, TH_CATEGORY));
	}
}

static void
agree_sync(struct ui *ui, void *data, enum ui_sync what)
{
	struct agree_pane *d = data;

	if (what == UI_SYNC_CHANGED)
		agree_refresh(ui, data);
	else if (what == UI_SYNC_IDLE && d->ap != NULL && !d->complete &&
	    !d->paused && !set_moved(ui, d))
		agree_slice(ui, d);
	else if (what == UI_SYNC_IDLE && ((struct agree_pane *)data)->ap != NULL &&
	    set_moved(ui, data))
		set_changed(ui, data);
	else if (what == UI_SYNC_BLIND && ui->blind_hidden) {
		/* blind coding began: no figure stays on screen */
		agree_forget(data);
		if (ui->show_agree) {
			ui->show_agree = false;
			ui_dirty(ui, DIRTY_LAYOUT);
		}
	}
}

const struct screen_ops pane_agree_ops = {
	.name = "agreement",
	.scope = SCOPE_GLOBAL,
	.create = agree_create,
	.free = agree_free,
	.draw = agree_draw,
	.sync = agree_sync,
};
