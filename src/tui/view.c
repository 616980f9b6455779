/*
 * view.c: the frame of the full-body views (view-int.h): opening, closing
 * and live refresh through each view's ops, moving the current row, and
 * the choice of the two coders the agreement and compare views share.
 *
 * The views' ops are reached through the table their pane gave
 * (pane-view.c, struct views.ops), never by name, so the view-*.c files
 * may call this one and it calls none of them. Each view's state is its
 * own (views_data); the frame creates and frees it through the ops.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "store/blind.h"
#include "store/coder.h"
#include "base/i18n.h"
#include "base/util.h"
#include "tui/view-int.h"

struct views *
views_new(struct ui *ui, const struct screen_ops *const *ops, size_t n)
{
	struct views *v = xcalloc(1, sizeof *v);
	size_t i;

	v->ops = ops;
	v->nops = n;
	v->data = xcalloc(n + 1, sizeof *v->data);
	for (i = 0; i < n; i++) {
		/* every view draws, and takes the keys of the view rows */
		assert(ops[i] == NULL || (ops[i]->draw != NULL &&
		    ops[i]->scope == SCOPE_VIEW));
		if (ops[i] != NULL && ops[i]->create != NULL)
			v->data[i] = ops[i]->create(ui);
	}
	return v;
}

/* Forgets the coders + added to the agreement set (view-set.c). */
static void
free_more(struct views *v)
{
	size_t i;

	for (i = 0; i < v->nmore; i++)
		free(v->more[i]);
	free(v->more);
	v->more = NULL;
	v->nmore = 0;
}

void
views_free(struct views *v)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < v->nops; i++)
		if (v->ops[i] != NULL && v->ops[i]->free != NULL)
			v->ops[i]->free(v->data[i]);
	free(v->data);
	free(v->coder[0]);
	free(v->coder[1]);
	free_more(v);
	free(v);
}

struct views *
views_get(struct ui *ui)
{
	assert(ui->panes[PANE_VIEW].data != NULL);	/* made by ui_run */
	return ui->panes[PANE_VIEW].data;
}

const struct screen_ops *
views_ops(struct ui *ui, int view)
{
	const struct views *v = views_get(ui);

	return view > VIEW_NONE && (size_t)view < v->nops ? v->ops[view] : NULL;
}

void *
views_data(struct ui *ui, int view)
{
	struct views *v = views_get(ui);

	assert(views_ops(ui, view) != NULL);	/* a VIEW_* of the table */
	return v->data[view];
}

/* ---- the two coders ---- */

static void
set_coders(struct ui *ui, const char *a, const char *b)
{
	struct views *v = views_get(ui);
	size_t i;

	free(v->coder[0]);
	free(v->coder[1]);
	free_more(v);	/* the agreement set starts again from A and B */
	v->coder[0] = xstrdup(a);
	v->coder[1] = xstrdup(b);
	if (coder_find(ui->p, a, &v->coder_id[0]) != AX_OK)
		v->coder_id[0] = 0;
	if (coder_find(ui->p, b, &v->coder_id[1]) != AX_OK)
		v->coder_id[1] = 0;
	for (i = 0; i < v->nops; i++)
		if (v->ops[i] != NULL && v->ops[i]->coders &&
		    v->ops[i]->sync != NULL)
			v->ops[i]->sync(ui, v->data[i], UI_SYNC_CODERS);
}

static void
coder_items(struct ui *ui, size_t skip, struct finder_item **out, size_t *n)
{
	struct finder_item *it = xcalloc(ui->ncoders + 1, sizeof *it);
	size_t i, k = 0;

	for (i = 0; i < ui->ncoders; i++) {
		if (i == skip || strcmp(ui->coders[i].login, CONSENSUS_CODER) == 0)
			continue;
		it[k].id = (int64_t)i + 1;
		it[k].label = xstrdup(ui->coders[i].login);
		k++;
	}
	*out = it;
	*n = k;
}

static void
picked_b(struct ui *ui, int64_t id, const char *query)
{
	(void)query;
	if (id <= 0 || (size_t)id > ui->ncoders) {
		ui_err(ui, "%s", _("no such coder"));
		return;
	}
	set_coders(ui, ui->coders[views_get(ui)->pick_a].login,
	    ui->coders[id - 1].login);
	if (views_get(ui)->pending != VIEW_NONE)
		views_open(ui, views_get(ui)->pending);
}

static void
picked_a(struct ui *ui, int64_t id, const char *query)
{
	struct finder_item *it;
	size_t n;

	(void)query;
	if (id <= 0 || (size_t)id > ui->ncoders) {
		ui_err(ui, "%s", _("no such coder"));
		return;
	}
	views_get(ui)->pick_a = (size_t)id - 1;
	coder_items(ui, (size_t)id - 1, &it, &n);
	finder_open(ui, _("coder B"), it, n, picked_b);
}

static void
ask_coders(struct ui *ui)
{
	struct finder_item *it;
	size_t n;

	coder_items(ui, (size_t)-1, &it, &n);
	finder_open(ui, _("coder A (compared with coder B)"), it, n, picked_a);
}

/* Coders chosen automatically when obvious; false when the finder asks. */
static bool
ensure_coders(struct ui *ui, int view)
{
	struct views *v = views_get(ui);
	struct vm_coder_count *cc;
	size_t i, a, b;
	int64_t id;
	bool ok;

	if (v->coder[0] != NULL)
		return true;
	if (!ui->counts.valid || ui->counts.ncoders != ui->ncoders)
		ui_load_counts(ui);
	cc = xcalloc(ui->ncoders + 1, sizeof *cc);
	for (i = 0; i < ui->ncoders; i++) {
		cc[i].login = ui->coders[i].login;
		if (ui->counts.valid && ui->counts.ncoders == ui->ncoders)
			for (id = 0; id <= ui->counts.maxid; id++)
				cc[i].n += ui->counts.n[(size_t)id *
				    ui->counts.ncoders + i];
	}
	ok = vm_pick_coders(cc, ui->ncoders, &a, &b);
	free(cc);
	if (ok) {
		set_coders(ui, ui->coders[a].login, ui->coders[b].login);
		return true;
	}
	v->pending = view;
	ask_coders(ui);
	return false;
}

/* ---- drawing shared by the views ---- */

/* The mirror moves cells (ui-draw.c), it cannot turn a glyph around. */
const char *
views_glyph(struct ui *ui, const char *g)
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

void
views_rule(int y, int x, int w, const char *s, int attr)
{
	int i;

	for (i = 0; i < w; i++)
		ui_put_plain(y, x + i, 1, s, attr);
}

void
views_box(struct ui *ui, int y, int x, int h, int w, int attr)
{
	int i;

	ui_put_plain(y, x, 1, views_glyph(ui, "\u250c"), attr);
	views_rule(y, x + 1, w - 2, "\u2500", attr);
	ui_put_plain(y, x + w - 1, 1, views_glyph(ui, "\u2510"), attr);
	for (i = 1; i < h - 1; i++) {
		ui_put_plain(y + i, x, 1, "\u2502", attr);
		ui_fill(y + i, x + 1, w - 2, ui_attr(ui, TH_NORMAL));
		ui_put_plain(y + i, x + w - 1, 1, "\u2502", attr);
	}
	ui_put_plain(y + h - 1, x, 1, views_glyph(ui, "\u2514"), attr);
	views_rule(y + h - 1, x + 1, w - 2, "\u2500", attr);
	ui_put_plain(y + h - 1, x + w - 1, 1, views_glyph(ui, "\u2518"), attr);
}

void
views_put_cut(struct ui *ui, int y, int x, int w, const char *s, int attr,
    bool rtl, bool plain)
{
	/* both cut with the ellipsis at the reading end (text_fit) */
	if (plain)
		ui_put_plain(y, x, w, s, attr);
	else
		ui_put_text_dir(ui, y, x, w, s, rtl, attr);
}

int
views_wrapped(struct ui *ui, int y, int x, int w, const char *text,
    size_t tlen, int max, int attr)
{
	char *buf = xmalloc(tlen + 1), *p, *line;
	size_t len = 0;
	int n = 0;

	memcpy(buf, text, tlen);
	buf[tlen] = '\0';
	line = xmalloc(tlen + 1);
	line[0] = '\0';
	p = buf;
	while (*p && n < max) {
		char *q = p;
		char save;

		while (*q == ' ')
			q++;
		while (*q && *q != ' ')
			q++;
		save = *q;
		*q = '\0';
		if (len > 0 && ui_text_width(line) + ui_text_width(p) > w) {
			if (n == max - 1) {
				/* the rest on the last line, cut as a name is */
				*q = save;
				strcat(line, p);
				break;
			}
			ui_put_text(ui, y + n++, x, w, line, attr);
			len = 0;
			line[0] = '\0';
			while (*p == ' ')
				p++;
		}
		strcat(line, p);
		len += strlen(p);
		*q = save;
		p = q;
	}
	if (len > 0 && n < max)
		ui_put_text(ui, y + n++, x, w, line, attr);
	free(line);
	free(buf);
	return n;
}


/* Opens view; false when it has no ops or the finder asks for coders. */
static bool
open_view(struct ui *ui, int view)
{
	const struct screen_ops *o = views_ops(ui, view);

	views_get(ui)->pending = VIEW_NONE;
	if (o == NULL)
		return false;
	/* blind coding: the view shows why, without asking for coders */
	if (o->coders && blind_check_figures(ui->p) == AX_OK &&
	    !ensure_coders(ui, view))
		return false;
	ui->view = view;
	if (o->focus != NULL)
		o->focus(ui, views_data(ui, view), true);
	ui_dirty(ui, DIRTY_ALL | DIRTY_LAYOUT);
	return true;
}

void
views_open(struct ui *ui, int view)
{
	(void)open_view(ui, view);
}

void
view_toggle(struct ui *ui, int view)
{
	if (ui->view == view) {
		view_act_close(ui);
		return;
	}
	views_open(ui, view);
}

void
views_blind(struct ui *ui)
{
	views_get(ui)->reopen = true;
}

void
views_sync(struct ui *ui, enum ui_sync what)
{
	struct views *v = views_get(ui);
	const struct screen_ops *o = views_ops(ui, ui->view);
	bool reopen = v->reopen;
	size_t i;

	v->reopen = false;
	/* only the view on screen recomputes now; the others when opened */
	for (i = 0; i < v->nops; i++)
		if (v->ops[i] != NULL && v->ops[i]->sync != NULL &&
		    (int)i != ui->view)
			v->ops[i]->sync(ui, v->data[i], UI_SYNC_STALE);
	/* After a blind session began or ended it opens again, as X or E
	 * would: figures that now show need their two coders, and while the
	 * finder asks for them the view shows what it can without */
	if (o != NULL && (!reopen || !open_view(ui, ui->view)) &&
	    o->sync != NULL)
		o->sync(ui, views_data(ui, ui->view), what);
}

/* ---- actions ---- */

void
view_act_close(struct ui *ui)
{
	const struct screen_ops *o = views_ops(ui, ui->view);

	if (o != NULL && o->focus != NULL)
		o->focus(ui, views_data(ui, ui->view), false);
	ui->view = VIEW_NONE;
	ui_dirty(ui, DIRTY_ALL | DIRTY_LAYOUT);
}

/* Moves the current row of the view by delta (clamped). */
static void
view_move(struct ui *ui, long delta)
{
	const struct screen_ops *o = views_ops(ui, ui->view);
	size_t *cur, n;

	if (o == NULL || o->cursor == NULL)
		return;
	cur = o->cursor(views_data(ui, ui->view), &n);
	if (n == 0)
		return;
	if (delta < 0 && (size_t)-delta > *cur)
		*cur = 0;
	else if (delta > 0 && *cur + (size_t)delta >= n)
		*cur = n - 1;
	else
		*cur = (size_t)((long)*cur + delta);
	ui_dirty(ui, DIRTY_VIEW);
}

static long
page(struct ui *ui)
{
	long h = ui->rect[PANE_VIEW].h - 8;

	return h > 1 ? h : 1;
}

void view_act_down(struct ui *ui) { view_move(ui, 1); }
void view_act_up(struct ui *ui) { view_move(ui, -1); }
void view_act_pgdn(struct ui *ui) { view_move(ui, page(ui)); }
void view_act_pgup(struct ui *ui) { view_move(ui, -page(ui)); }
void view_act_top(struct ui *ui) { view_move(ui, -(long)1e9); }
void view_act_bottom(struct ui *ui) { view_move(ui, (long)1e9); }

void
view_act_enter(struct ui *ui)
{
	const struct screen_ops *o = views_ops(ui, ui->view);

	if (o != NULL && o->key != NULL)
		o->key(ui, views_data(ui, ui->view), SCREEN_KEY_ENTER);
}

void
view_act_coders(struct ui *ui)
{
	struct views *v = views_get(ui);
	const struct screen_ops *o = views_ops(ui, ui->view);

	if (o != NULL && !o->coders && o->key != NULL) {
		o->key(ui, views_data(ui, ui->view), SCREEN_KEY_CHOOSE);
		return;
	}
	if (o == NULL || !o->coders) {
		ui_err(ui, "%s",
		    _("only in the agreement, compare and test-retest views"));
		return;
	}
	/* the finder would list every coder, the other coders' second
	 * passes among them, for figures that are hidden anyway */
	if (blind_check_figures(ui->p) != AX_OK) {
		ui_err(ui, "%s", _("the coders are not chosen during blind "
		    "coding: the figures stay hidden until it ends"));
		return;
	}
	v->pending = ui->view;
	ask_coders(ui);
}
