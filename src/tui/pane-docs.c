/*
 * pane-docs.c: the documents in interview order, with their length, coding
 * count in the open document, and memo marks. Enter opens one.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/util.h"
#include "tui/ui-int.h"

/* The pane's data: its cursor row and the first row shown. */
struct docs_pane {
	size_t cur, top;
};

static struct docs_pane *
pane_data(struct ui *ui)
{
	return ui->panes[PANE_DOCS].data;
}

static void
docs_draw(struct ui *ui, void *data, const struct rect *r, bool focused)
{
	struct docs_pane *d = data;
	int row, h = r->h - 1;
	char title[128], head[96];

	(void)data;
	snprintf(head, sizeof head, _("documents (%zu)"), ui->ndocs);
	snprintf(title, sizeof title, " %s ", head);
	ui_box_title(ui, r, title, focused);
	if (d->cur < d->top)
		d->top = d->cur;
	if (h > 0 && d->cur >= d->top + (size_t)h)
		d->top = d->cur - (size_t)h + 1;
	for (row = 0; row < h; row++) {
		size_t i = d->top + (size_t)row;
		int y = r->y + 1 + row, a, x = r->x + 1;
		char num[32];

		a = i == d->cur && focused ? ui_attr(ui, TH_CURSOR_ROW) :
		    ui_attr(ui, TH_NORMAL);
		ui_fill(y, r->x, r->w, a);
		if (i >= ui->ndocs)
			continue;
		snprintf(num, sizeof num, "%c%2lld ", i == ui->cur ? '>' : ' ',
		    (long long)ui->docs[i].position);
		x += ui_put_plain(y, x, 5, num, a);
		x += ui_put_text(ui, y, x, r->w - 14, ui->docs[i].name, a);
		if (ui->doc_memo && ui->doc_memo[i])
			ui_put_plain(y, x + 1, 1, "✎", ui_attr(ui, TH_MEMO_MARK));
		snprintf(num, sizeof num, "%lld", (long long)ui->docs[i].nchars);
		ui_put_plain(y, r->x + r->w - 7, 6, num, a | A_DIM);
	}
}

static int
docs_mouse(struct ui *ui, void *data, const struct rect *r, int y, int x,
    int ev)
{
	struct docs_pane *d = data;

	(void)r;
	(void)x;
	ui_dirty(ui, DIRTY_DOCS | DIRTY_STATUS);
	return ui_list_mouse(&d->cur, d->top, ui->ndocs, y, ev);
}

size_t
pane_docs_current(struct ui *ui)
{
	return ui->focus == PANE_DOCS ? pane_data(ui)->cur : ui->cur;
}

void
pane_docs_step(struct ui *ui, long delta)
{
	struct docs_pane *d = pane_data(ui);

	if (ui->ndocs == 0)
		return;
	d->cur = index_step(d->cur, delta, ui->ndocs);
	ui_dirty(ui, DIRTY_DOCS | DIRTY_STATUS);
}

void
pane_docs_open(struct ui *ui)
{
	ui_switch_doc(ui, pane_data(ui)->cur);
	ui_focus(ui, PANE_TRANSCRIPT);
	ui_dirty(ui, DIRTY_ALL);
}

static void *
docs_create(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct docs_pane));
}

/* The list's cursor starts on, and follows, the open document. */
static void
docs_focus(struct ui *ui, void *data, bool on)
{
	struct docs_pane *d = data;

	if (on)
		d->cur = ui->cur;
}

static void
docs_sync(struct ui *ui, void *data, enum ui_sync what)
{
	struct docs_pane *d = data;

	if (what == UI_SYNC_DOC)
		d->cur = ui->cur;
	else if (d->cur >= ui->ndocs)
		d->cur = ui->ndocs > 0 ? ui->ndocs - 1 : 0;
}

const struct screen_ops pane_docs_ops = {
	.name = "documents",
	.scope = SCOPE_LIST,
	.create = docs_create,
	.free = free,
	.draw = docs_draw,
	.focus = docs_focus,
	.sync = docs_sync,
	.mouse = docs_mouse,
};
