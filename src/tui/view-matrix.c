/*
 * view-matrix.c: the matrix view (H). Codes or categories down, the values
 * of an attribute, the documents or the codes across, as `axial matrix`
 * counts them (an_matrix, docs/matrices.md); each cell shows its figure
 * and is shaded by it (the theme's matrix-1..4, bold from the upper half,
 * so it reads without colour). r switches the rows, t the columns, f the
 * measure, W the source; j/k and the page keys move down, h/l across, and
 * the view scrolls both ways, the Total row and column kept in sight. A
 * right-to-left layout mirrors it (the row names on the right). Enter
 * lists the cell's segments in the segments list, where Enter opens one
 * in the transcript.
 *
 * Invariant: the snapshot (an) outlives the matrix (vm), whose strings it
 * borrows; loaded is false when neither holds anything.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "exchange/report.h"
#include "stats/analysis.h"
#include "tui/view-int.h"
#include "vm/vm-matrix.h"

enum { CELL_W = 8 };	/* a figure's columns, its gap included */

struct matrix_view {
	struct an_project an;
	struct vm_matrix vm;
	bool loaded;
	int64_t chosen;		/* the source W chose, 0: the default */
	size_t nrows, ncols;	/* cells that fit, as last drawn */
};

static struct matrix_view *
mx(struct ui *ui)
{
	return views_data(ui, VIEW_MATRIX);
}

static void *
matrix_create(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct matrix_view));
}

static void
snapshot_clear(struct matrix_view *v)
{
	an_matrix_done(&v->vm.m);
	if (v->loaded)
		an_done(&v->an);
	v->loaded = false;
}

static void
matrix_free(void *data)
{
	struct matrix_view *v = data;

	snapshot_clear(v);
	vm_matrix_done(&v->vm);
	free(v);
}

/* The source: W's choice while it has codings, else as `axial report`
 * counts by default, with the viewing coder in place of its refusal. */
static int64_t
source(struct ui *ui, struct matrix_view *v)
{
	const char *me = project_coder_login(ui->p);
	int64_t mine = -1;
	size_t i;

	if (v->chosen != 0 && rp_coder_has_codings(&v->an, v->chosen))
		return v->chosen;
	for (i = 0; me != NULL && i < v->an.ncoders; i++)
		if (strcmp(v->an.coders[i].login, me) == 0)
			mine = v->an.coders[i].id;
	return rp_default_source(&v->an, mine);
}

static void
load(struct ui *ui, struct matrix_view *v)
{
	snapshot_clear(v);
	if (!ui_check(ui, an_load(ui->p, &v->an)))
		return;
	v->loaded = true;
	v->vm.coder = source(ui, v);
	vm_matrix_load(&v->vm, &v->an);
	ui_dirty(ui, DIRTY_VIEW);
}

static const char *
login_of(const struct matrix_view *v, int64_t id)
{
	long i = an_coder_index(&v->an, id);

	return i >= 0 ? v->an.coders[i].login : _("no coder");
}

/* The attribute of a cell's shade: the theme's step, bold from 3 up. */
static int
shade_attr(struct ui *ui, int q)
{
	static const enum theme_elem step[] = { TH_MATRIX_1, TH_MATRIX_2,
	    TH_MATRIX_3, TH_MATRIX_4 };

	if (q <= 0)
		return ui_attr(ui, TH_DIM);
	return ui_attr(ui, step[q - 1]) | (q >= 3 ? (int)A_BOLD : 0);
}

/* A figure at the end of a cell of CELL_W columns from x (its last column
 * the gap), the cell filled with attr: measured, not padded, so a mirrored
 * layout keeps the figures and their heads on one edge. */
static void
put_figure(int y, int x, const char *s, int attr)
{
	int w = ui_text_width(s);

	ui_fill(y, x, CELL_W - 1, attr);
	ui_put_plain(y, x + (w < CELL_W - 1 ? CELL_W - 1 - w : 0), CELL_W - 1,
	    s, attr);
}

static void
draw_foot(struct ui *ui, struct matrix_view *v, int y, int x, int w)
{
	const struct an_matrix *m = &v->vm.m;
	const char *col;
	char fig[32], line[256];

	if (m->nrows == 0 || m->ncols == 0)
		return;
	col = m->col_label[v->vm.c] != NULL ? m->col_label[v->vm.c] :
	    _("(none)");
	vm_matrix_cell(&v->vm, v->vm.r, v->vm.c, fig, sizeof fig);
	snprintf(line, sizeof line, _("%s: %s   Enter lists the segments"), fig,
	    _(vm_matrix_measure_name(&v->vm)));
	x += ui_put_text(ui, y, x, w / 3, v->an.nodes[m->row_node[v->vm.r]].name,
	    ui_attr(ui, TH_CATEGORY));
	x += ui_put_plain(y, x + 1, 3, "×", ui_attr(ui, TH_DIM)) + 2;
	x += ui_put_text(ui, y, x, w / 4, col, ui_attr(ui, TH_CATEGORY)) + 1;
	ui_put_plain(y, x, w / 2, line, ui_attr(ui, TH_NORMAL));
}

static void
matrix_draw(struct ui *ui, void *data, const struct rect *r, bool focused)
{
	struct matrix_view *v = data;
	const struct an_matrix *m = &v->vm.m;
	char *title, head[512], fig[32];
	int lw, x0, y0, hrows, i, j, tot = m->has_totals ? CELL_W : 0;
	size_t rr, cc;

	(void)focused;
	if (!v->loaded) {
		ui_box_title(ui, r, _(" matrix "), true);
		return;
	}
	title = rp_matrix_title(m);
	snprintf(head, sizeof head, _(" %s (%s; source: %s)   r rows, t columns, "
	    "f measure, W source, h/l across, Esc back "), title,
	    _(vm_matrix_measure_name(&v->vm)), login_of(v, v->vm.coder));
	free(title);
	ui_box_title(ui, r, head, true);
	if (m->nrows == 0 || m->ncols == 0) {
		ui_put_plain(r->y + 2, r->x + 2, r->w - 4, m->nrows == 0 ?
		    _("nothing to count: no codes or categories yet (or, against "
		    "codes, none applied by this source)") : _("no columns: no "
		    "documents yet"), ui_attr(ui, TH_WARNING));
		return;
	}
	for (lw = 8, rr = 0; rr < m->nrows; rr++) {
		int tw = ui_text_width(v->an.nodes[m->row_node[rr]].name);

		lw = tw > lw ? tw : lw;
	}
	if (lw > r->w / 3)
		lw = r->w / 3;
	x0 = r->x + 1 + lw + 1;
	y0 = r->y + 2;
	hrows = r->h - 3 - (m->has_totals ? 1 : 0);
	v->ncols = x0 + tot < r->x + r->w ?
	    (size_t)((r->x + r->w - 1 - x0 - tot) / CELL_W) : 0;
	v->nrows = hrows > 0 ? (size_t)hrows : 0;
	if (v->ncols == 0)
		v->ncols = 1;
	vm_matrix_move(&v->vm, 0, 0, v->nrows, v->ncols);
	/* the heads: the columns shown, then Total */
	for (j = 0; (size_t)j < v->ncols; j++) {
		const char *l;
		int lx;

		cc = v->vm.left + (size_t)j;
		if (cc >= m->ncols)
			break;
		l = m->col_label[cc] != NULL ? m->col_label[cc] : _("(none)");
		/* over its figures: to the cell's end when it is short */
		lx = CELL_W - 1 - ui_text_width(l);
		views_put_cut(ui, r->y + 1, x0 + j * CELL_W + (lx > 0 ? lx : 0),
		    CELL_W - 1 - (lx > 0 ? lx : 0), l, ui_attr(ui, cc == v->vm.c ?
		    TH_TITLE : TH_DIM) | A_UNDERLINE, an_text_rtl(l),
		    m->col_label[cc] == NULL);
	}
	if (tot)
		put_figure(r->y + 1, x0 + j * CELL_W, _("Total"),
		    ui_attr(ui, TH_DIM) | A_UNDERLINE | A_BOLD);
	for (i = 0; i < hrows; i++) {
		int y = y0 + i;

		rr = v->vm.top + (size_t)i;
		if (rr >= m->nrows)
			break;
		views_put_cut(ui, y, r->x + 1, lw, v->an.nodes[m->row_node[rr]].name,
		    rr == v->vm.r ? ui_attr(ui, TH_TITLE) : ui_attr(ui, TH_NORMAL),
		    an_text_rtl(v->an.nodes[m->row_node[rr]].name), false);
		for (j = 0; (size_t)j < v->ncols; j++) {
			cc = v->vm.left + (size_t)j;
			if (cc >= m->ncols)
				break;
			vm_matrix_cell(&v->vm, rr, cc, fig, sizeof fig);
			put_figure(y, x0 + j * CELL_W, fig, rr == v->vm.r &&
			    cc == v->vm.c ? (int)(ui_attr(ui, TH_CURSOR_ROW) | A_BOLD) :
			    shade_attr(ui, vm_matrix_shade(&v->vm, rr, cc)));
		}
		if (tot) {
			snprintf(fig, sizeof fig, "%lld", (long long)m->row_total[rr]);
			put_figure(y, x0 + j * CELL_W, fig, ui_attr(ui, TH_COUNT));
		}
	}
	if (tot) {
		int y = y0 + (i < hrows ? i : hrows);

		ui_put_plain(y, r->x + 1, lw, _("Total"), ui_attr(ui, TH_DIM) |
		    A_BOLD);
		for (j = 0; (size_t)j < v->ncols; j++) {
			cc = v->vm.left + (size_t)j;
			if (cc >= m->ncols)
				break;
			snprintf(fig, sizeof fig, "%lld", (long long)m->col_total[cc]);
			put_figure(y, x0 + j * CELL_W, fig, ui_attr(ui, TH_COUNT));
		}
		snprintf(fig, sizeof fig, "%lld", (long long)m->total);
		put_figure(y, x0 + j * CELL_W, fig, ui_attr(ui, TH_COUNT) | A_BOLD);
	}
	draw_foot(ui, v, r->y + r->h - 1, r->x + 1, r->w - 2);
}

/* ---- keys ---- */

static bool
in_matrix(struct ui *ui)
{
	if (ui->view == VIEW_MATRIX)
		return true;
	ui_err(ui, "%s", _("only in the matrix view (H)"));
	return false;
}

void
view_act_matrix(struct ui *ui)
{
	view_toggle(ui, VIEW_MATRIX);
}

/* A column across: l (Right) the next on screen, h (Left) the one before;
 * in a mirrored layout the columns run from the right. */
void
view_matrix_across(struct ui *ui, int dir)
{
	struct matrix_view *v = mx(ui);

	vm_matrix_move(&v->vm, 0, ui->mirrored ? -dir : dir, v->nrows, v->ncols);
	ui_dirty(ui, DIRTY_VIEW);
}

static void
reload(struct ui *ui, struct matrix_view *v, const char *what)
{
	vm_matrix_load(&v->vm, &v->an);
	ui_msg(ui, "%s", what);
	ui_dirty(ui, DIRTY_VIEW);
}

void
view_act_matrix_rows(struct ui *ui)
{
	struct matrix_view *v;

	if (!in_matrix(ui) || !(v = mx(ui))->loaded)
		return;
	vm_matrix_next_rows(&v->vm);
	reload(ui, v, v->vm.rows == AN_MX_CODES ? _("rows: the codes") :
	    _("rows: the categories (each counts the codes under it)"));
}

void
view_act_matrix_cols(struct ui *ui)
{
	struct matrix_view *v;

	if (!in_matrix(ui) || !(v = mx(ui))->loaded)
		return;
	vm_matrix_next_cols(&v->vm);
	reload(ui, v, vm_matrix_by_code(&v->vm) ? _("columns: the codes "
	    "(co-occurrence)") : v->vm.col_kind == v->vm.nattrs ?
	    _("columns: the documents") : _("columns: an attribute's values"));
}

void
view_act_matrix_measure(struct ui *ui)
{
	struct matrix_view *v;

	if (!in_matrix(ui) || !(v = mx(ui))->loaded)
		return;
	vm_matrix_next_measure(&v->vm);
	reload(ui, v, _(vm_matrix_measure_name(&v->vm)));
}

/* W: the next coder who coded (the consensus coder among them). */
static void
choose(struct ui *ui, struct matrix_view *v)
{
	size_t i, k, n = v->an.ncoders;

	for (k = 0; k < n && v->an.coders[k].id != v->vm.coder; k++)
		;
	for (i = 1; i <= n; i++)
		if (rp_coder_has_codings(&v->an, v->an.coders[(k + i) % n].id))
			break;
	if (n == 0 || i > n) {
		ui_err(ui, "%s", _("nobody has coded yet: the matrix has no other "
		    "source"));
		return;
	}
	v->chosen = v->vm.coder = v->an.coders[(k + i) % n].id;
	reload(ui, v, login_of(v, v->chosen));
}

/* Enter: the cell's segments in the segments list. */
static void
open_cell(struct ui *ui, struct matrix_view *v)
{
	const struct an_matrix *m = &v->vm.m;
	struct coding *c;
	size_t *ix, n, i;
	char *title;

	if (m->nrows == 0 || m->ncols == 0)
		return;
	ix = an_matrix_codings(&v->an, m, v->vm.r, v->vm.c, &n);
	if (n == 0) {
		free(ix);
		ui_err(ui, "%s", _("no segments in this cell"));
		return;
	}
	c = xcalloc(n, sizeof *c);
	for (i = 0; i < n; i++)
		c[i] = v->an.codings[ix[i]];
	title = xasprintf("%s × %s", v->an.nodes[m->row_node[v->vm.r]].name,
	    m->col_label[v->vm.c] != NULL ? m->col_label[v->vm.c] : _("(none)"));
	view_act_close(ui);
	pane_codings_set_review(ui, false);
	pane_codings_list(ui, title, c, n);
	ui_focus(ui, PANE_CODINGS);
	ui_msg(ui, ngettext("%zu segment: Enter opens it in the transcript",
	    "%zu segments: Enter opens one in the transcript", n), n);
	free(title);
	free(c);
	free(ix);
}

static void
matrix_key(struct ui *ui, void *data, int key)
{
	struct matrix_view *v = data;

	if (!v->loaded)
		return;
	if (key == SCREEN_KEY_CHOOSE)
		choose(ui, v);
	else if (key == SCREEN_KEY_ENTER)
		open_cell(ui, v);
}

static void
matrix_focus(struct ui *ui, void *data, bool on)
{
	if (on)
		load(ui, data);
}

static void
matrix_sync(struct ui *ui, void *data, enum ui_sync what)
{
	switch (what) {
	case UI_SYNC_CHANGED:
	case UI_SYNC_DECISION:	/* consensus codings */
	case UI_SYNC_WHO:
	case UI_SYNC_BLIND:
		load(ui, data);
		break;
	case UI_SYNC_STALE:	/* focus reads it again */
	case UI_SYNC_IDLE:
	case UI_SYNC_DOC:
	case UI_SYNC_CODERS:
		break;
	}
}

static size_t *
matrix_cursor(void *data, size_t *n)
{
	struct matrix_view *v = data;

	*n = v->vm.m.nrows;
	return &v->vm.r;
}

const struct screen_ops view_matrix_ops = {
	.name = "matrix",
	.scope = SCOPE_VIEW,
	.create = matrix_create,
	.free = matrix_free,
	.draw = matrix_draw,
	.key = matrix_key,
	.focus = matrix_focus,
	.sync = matrix_sync,
	.cursor = matrix_cursor,
};
