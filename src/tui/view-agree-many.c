/*
 * view-agree-many.c: the agreement view's figures for a set of three or
 * more coders (view-set.c chooses it): the pooled row and one row per
 * code some coder of the set applied, worst Fleiss' kappa first, each
 * with N, the mean pairwise agreement, Fleiss' kappa, alpha, Light's kappa
 * and AC1 of the whole set (vm_agree_many_rows: the engine's figures, as
 * `axial agree --coders` prints them). The state covers the coders it
 * was built for; a set changed since is built again, and the view's
 * refreshes apply new codings to it as to A's and B's. Enter still
 * compares A and B, the two of the set the compare view settles.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "stats/agree-project.h"
#include "base/i18n.h"
#include "base/util.h"
#include "tui/view-int.h"
#include "vm/vm-agree-many.h"

struct agree_many_view {
	char *coder[VIEWS_SET_MAX];	/* the set the state covers */
	size_t ncoders;
	struct agree_project *ap;	/* NULL: it could not be built */
	struct vm_agree_many_row *rows;	/* worst first */
	size_t nrows, cur, top;
	struct agree_many total;	/* every code some coder used */
};

void
view_agree_many_free(struct agree_many_view *s)
{
	size_t i;

	if (s == NULL)
		return;
	agree_project_free(s->ap);
	free(s->rows);
	for (i = 0; i < s->ncoders; i++)
		free(s->coder[i]);
	free(s);
}

static void
compute(struct agree_many_view *s)
{
	const struct agree_state *st = agree_project_state(s->ap);
	int64_t hist[VIEWS_SET_MAX + 1], n;
	int64_t pair[VIEWS_SET_MAX * VIEWS_SET_MAX];
	struct agree_cells c;

	free(s->rows);
	vm_agree_many_rows(st, &s->rows, &s->nrows);
	agree_state_total_table(st, &c, hist);
	n = agree_state_pairs(st, AGREE_BY_CODE, -1, pair);
	agree_many_figures(hist, pair, (int)s->ncoders, n, &s->total, NULL);
	if (s->cur >= s->nrows)
		s->cur = s->nrows ? s->nrows - 1 : 0;
}

static struct agree_many_view *
build(struct ui *ui, const char **names, size_t n)
{
	struct agree_config cfg = {AGREE_UNIT_PARAGRAPH, 2, false, 0.9,
	    false, AGREE_UNIT_PARAGRAPH};
	struct agree_many_view *s = xcalloc(1, sizeof *s);
	size_t i;

	for (i = 0; i < n; i++)
		s->coder[i] = xstrdup(names[i]);
	s->ncoders = n;
	if (!ui_check(ui, agree_project_new(ui->p, names, (int)n, &cfg, 0,
	    &s->ap)))
		s->ap = NULL;
	if (s->ap != NULL)
		compute(s);
	return s;
}

void
view_agree_many_update(struct ui *ui, struct agree_many_view **sp, bool stale)
{
	struct agree_many_view *s = *sp;
	const char *names[VIEWS_SET_MAX];
	size_t n = views_set(ui, names, VIEWS_SET_MAX);
	bool changed = false;

	if (n < 3) {
		view_agree_many_free(s);
		*sp = NULL;
		return;
	}
	if (s == NULL || !views_set_is(ui, s->coder, s->ncoders)) {
		view_agree_many_free(s);
		*sp = build(ui, names, n);
		return;
	}
	if (!stale || s->ap == NULL)
		return;
	if (!ui_check(ui, agree_project_refresh(s->ap, &changed)) || changed)
		compute(s);
}

size_t *
view_agree_many_cursor(struct agree_many_view *s, size_t *n)
{
	*n = s->nrows;
	return &s->cur;
}

int64_t
view_agree_many_code(const struct agree_many_view *s)
{
	if (s->ap == NULL || s->cur >= s->nrows)
		return 0;
	return agree_project_code_id(s->ap, s->rows[s->cur].code);
}

/* One row in the columns of the header: N, %agr, Fleiss, alpha, Light,
 * AC1 read left to right in any language; returns the columns used. */
static int
put_row(struct ui *ui, int y, int x, int w, const struct agree_many *f,
    int attr)
{
	char line[256], p[32], k[4][32];
	const struct agree_fig *fig[4] = { &f->fleiss, &f->alpha, &f->light,
	    &f->ac1 };
	const char *why = vm_agree_many_why(f);
	int i, used;

	view_agree_pct(&f->pbar, p, sizeof p);
	for (i = 0; i < 4; i++)
		view_agree_fig(fig[i], k[i], sizeof k[i]);
	snprintf(line, sizeof line, "%7lld %7s %9s %9s %9s %9s  ",
	    (long long)f->n, p, k[0], k[1], k[2], k[3]);
	used = ui_put_text(ui, y, x, w, line, attr);
	if (why != NULL) {
		snprintf(line, sizeof line, "(%s) ", _(why));
		used += ui_put_plain(y, x + used, w - used, line, attr | A_DIM);
	}
	return used;
}

void
view_agree_many_draw(struct ui *ui, struct agree_many_view *s,
    const struct rect *r, int y)
{
	int a = ui_attr(ui, TH_NORMAL), x = r->x + 1, w = r->w - 2, h, i,
	    used;
	char line[256];

	if (s->ap == NULL) {
		ui_put_plain(y + 1, x, w,
		    _("no agreement computed for the set"), a);
		return;
	}
	y++;
	{
		int hd = ui_attr(ui, TH_DIM) | A_UNDERLINE;

		snprintf(line, sizeof line, "%7s %7s %9s %9s %9s %9s  ", "N",
		    "%agr", "Fleiss", "alpha", "Light", "AC1");
		used = ui_put_text(ui, y, x, w, line, hd);
		snprintf(line, sizeof line, _("code (%zu, worst first)"),
		    s->nrows);
		ui_put_plain(y++, x + used, w - used, line, hd);
	}
	used = put_row(ui, y, x, w, &s->total, a | A_BOLD);
	ui_put_plain(y++, x + used, w - used, _("all codes"), a | A_BOLD);
	h = r->y + r->h - y;
	if (s->cur < s->top)
		s->top = s->cur;
	if (h > 0 && s->cur >= s->top + (size_t)h)
		s->top = s->cur - (size_t)h + 1;
	for (i = 0; i < h && s->top + (size_t)i < s->nrows; i++, y++) {
		size_t at = s->top + (size_t)i;
		const struct vm_agree_many_row *row = &s->rows[at];
		int ra = at == s->cur ? ui_attr(ui, TH_CURSOR_ROW) : a;

		ui_fill(y, r->x, r->w, ra);
		used = put_row(ui, y, x, w, &row->f, ra);
		ui_put_text(ui, y, x + used, w - used,
		    view_agree_code_name(ui, s->ap, row->code), ra);
	}
}
