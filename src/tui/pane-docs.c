/*
 * pane-docs.c: the documents in interview order, with their length, coding
 * count in the open document, and memo marks. Enter opens one.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>

#include "base/i18n.h"
#include "tui/ui-int.h"

static void
docs_draw(struct ui *ui, const struct rect *r, bool focused)
{
	int row, h = r->h - 1;
	char title[128], head[96];

	snprintf(head, sizeof head, _("documents (%zu)"), ui->ndocs);
	snprintf(title, sizeof title, " %s ", head);
	ui_box_title(ui, r, title, focused);
	if (ui->docs_cur < ui->docs_top)
		ui->docs_top = ui->docs_cur;
	if (h > 0 && ui->docs_cur >= ui->docs_top + (size_t)h)
		ui->docs_top = ui->docs_cur - (size_t)h + 1;
	for (row = 0; row < h; row++) {
		size_t i = ui->docs_top + (size_t)row;
		int y = r->y + 1 + row, a, x = r->x + 1;
		char num[32];

		a = i == ui->docs_cur && focused ? ui_attr(ui, TH_CURSOR_ROW) :
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

static void
docs_mouse(struct ui *ui, const struct rect *r, int y, int x, int ev)
{
	(void)r;
	(void)x;
	if (y >= 1 && (ev == UI_MOUSE_PRESS || ev == UI_MOUSE_DOUBLE)) {
		size_t i = ui->docs_top + (size_t)(y - 1);

		if (i < ui->ndocs)
			ui->docs_cur = i;
		if (ev == UI_MOUSE_DOUBLE)
			ui_handle_key(ui, '\r');
	}
	ui_dirty(ui, DIRTY_DOCS);
}

const struct pane_ops pane_docs_ops = {
	.name = "documents",
	.scope = SCOPE_LIST,
	.draw = docs_draw,
	.mouse = docs_mouse,
};
