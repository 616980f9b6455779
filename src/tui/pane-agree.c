/*
 * pane-agree.c: live inter-coder agreement of the two coders with the most
 * codings: Cohen's kappa with paragraphs (speaker turns) as units, for all
 * codes pooled, for the code under the tree cursor, and per main category
 * (the paradigm slots). Built when first shown (agree-project.h), then kept
 * current from the coding changes ui_sync applies: another coder's work
 * moves the figures within a second. Not focusable; = shows and hides it.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/agreement.h"
#include "store/blind.h"
#include "base/i18n.h"
#include "base/util.h"
#include "tui/ui-int.h"

/* The pane's data: NULL members until it is first shown. */
struct agree_pane {
	struct agree_project *ap;
	char *coders[2];	/* the two compared */
};

static struct agree_pane *
pane_data(struct ui *ui)
{
	return ui->panes[PANE_AGREE].data;
}

static void *
agree_create(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct agree_pane));
}

/* Forgets the figures: they are built again when next shown. */
static void
agree_forget(struct agree_pane *d)
{
	agree_project_free(d->ap);
	d->ap = NULL;
	free(d->coders[0]);
	free(d->coders[1]);
	d->coders[0] = d->coders[1] = NULL;
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

void
pane_agree_toggle(struct ui *ui)
{
	struct agree_pane *d = pane_data(ui);
	const char *a, *b;

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
	if (d->ap == NULL) {
		struct agree_config cfg = {AGREE_UNIT_PARAGRAPH, 2, false, 0.9, false,
		    AGREE_UNIT_PARAGRAPH};
		const char *names[2];

		if (!pick_coders(ui, &a, &b)) {
			ui_err(ui, "%s", _("agreement needs two coders with codings"));
			return;
		}
		names[0] = a;
		names[1] = b;
		if (!ui_check(ui, agree_project_new(ui->p, names, 2, &cfg, 0,
		    &d->ap)))
			return;
		d->coders[0] = xstrdup(a);
		d->coders[1] = xstrdup(b);
	}
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
		ui_dirty(ui, DIRTY_AGREE);
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

static void
agree_draw(struct ui *ui, void *data, const struct rect *r, bool focused)
{
	struct agree_pane *d = data;
	const struct agree_state *st;
	const struct agree_names *nm;
	struct agree_cells c;
	size_t ndocs, ncodes, ncats, i;
	char line[160], fig[96];
	int y = r->y + 1, a = ui_attr(ui, TH_NORMAL);
	const struct node *cur = vmtree_current(&ui->tree);

	(void)focused;
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
	agree_state_total_table(st, &c, NULL);
	figures(&c, fig, sizeof fig);
	snprintf(line, sizeof line, _("%s  all codes, N %lld"), fig,
	    (long long)(c.a + c.b + c.c + c.d));
	ui_put_plain(y++, r->x + 1, r->w - 2, line, a | A_BOLD);
	if (cur != NULL && cur->kind == NODE_CODE && y < r->y + r->h) {
		for (i = 0; i < ncodes; i++)
			if (agree_project_code_id(d->ap, i) == cur->id)
				break;
		if (i < ncodes) {
			int x = r->x + 1;

			agree_state_table(st, (int64_t)i, -1, &c, NULL);
			figures(&c, fig, sizeof fig);
			x += ui_put_plain(y, x, r->w - 2, fig, a);
			x += ui_put_plain(y, x, 2, "  ", a);
			ui_put_text(ui, y, x, r->x + r->w - x - 1, cur->name, a);
			y++;
		}
	}
	for (i = 0; i < ncats && y < r->y + r->h; i++, y++) {
		int x = r->x + 1;

		agree_state_category_table(st, (int64_t)i, &c, NULL);
		figures(&c, fig, sizeof fig);
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
	if (what == UI_SYNC_CHANGED)
		agree_refresh(ui, data);
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
