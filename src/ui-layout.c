/*
 * ui-layout.c: every pane's rectangle from the screen size, in one place.
 *
 *   +---------------------------+--------------+
 *   | transcript                | documents    |  (when shown)
 *   |                           +--------------+
 *   |                           | code tree    |
 *   |                           +--------------+
 *   |                           | segments     |  (when shown)
 *   |                           +--------------+
 *   |                           | agreement    |  (when shown)
 *   +---------------------------+--------------+
 *   | status line (codes under the cursor, messages)
 *   | key hints
 *
 * Below UI_MIN_COLS x UI_MIN_LINES the screen shows "terminal too small"
 * and the state is kept for when it grows again. A right-to-left layout
 * (Persian, Arabic, Hebrew or Urdu locale, or --layout rtl) mirrors the
 * columns: the code tree on the left, the transcript on the right.
 */
#include "ui.h"

void
ui_layout(struct ui *ui, int lines, int cols)
{
	int body = lines - 2, rw, lw, y;
	struct rect *r = ui->rect;
	int i;

	for (i = 0; i < PANE_COUNT; i++)
		r[i] = (struct rect){0, 0, 0, 0};
	ui->too_small = lines < UI_MIN_LINES || cols < UI_MIN_COLS;
	if (ui->too_small)
		return;
	rw = cols * 36 / 100;
	if (rw < 24)
		rw = 24;
	if (rw > 60)
		rw = 60;
	lw = cols - rw - 1;	/* one column of border */
	r[PANE_TRANSCRIPT] = (struct rect){0, 0, body, lw};
	r[PANE_STATUS] = (struct rect){body, 0, 2, cols};
	y = 0;
	if (ui->show_docs) {
		int h = body / 3;

		r[PANE_DOCS] = (struct rect){y, lw + 1, h, rw};
		y += h;
	}
	if (ui->show_agree) {
		int h = body / 3 < 12 ? body / 3 : 12;

		r[PANE_AGREE] = (struct rect){body - h, lw + 1, h, rw};
		body -= h;
	}
	if (ui->show_codings) {
		int h = (body - y) * 2 / 5;

		r[PANE_CODINGS] = (struct rect){body - h, lw + 1, h, rw};
		r[PANE_TREE] = (struct rect){y, lw + 1, body - h - y, rw};
	} else
		r[PANE_TREE] = (struct rect){y, lw + 1, body - y, rw};
	if (ui->mirrored)
		for (i = 0; i < PANE_COUNT; i++)
			if (i != PANE_STATUS && r[i].w > 0)
				r[i].x = cols - r[i].x - r[i].w;
	if (ui->view != VIEW_NONE)	/* over the others, which keep their size */
		r[PANE_VIEW] = (struct rect){0, 0, lines - 2, cols};
	if (ui->focus != PANE_TRANSCRIPT && r[ui->focus].h == 0)
		ui->focus = PANE_TRANSCRIPT;
}
