/*
 * ui-layout.c: every pane's rectangle from the screen size, in one place.
 *
 *   +--------------+---------------------------+
 *   | documents    | transcript                |  (documents when shown)
 *   +--------------+                           |
 *   | code tree    |                           |
 *   +--------------+                           |
 *   | segments     |                           |  (when shown)
 *   +--------------+                           |
 *   | agreement    |                           |  (when shown)
 *   +--------------+---------------------------+
 *   | status line (codes under the cursor, messages)
 *   | key hints
 *
 * The side column is where reading starts, as in QualCoder and MAXQDA: on
 * the left in a left-to-right layout. A right-to-left layout (the
 * interface in Persian, Arabic, Hebrew or Urdu, or --layout rtl) mirrors
 * the columns: the code tree on the right, the transcript on the left, and
 * ui-draw.c mirrors what each pane draws, so labels are right-aligned.
 * Below UI_MIN_COLS x UI_MIN_LINES the screen shows "terminal too small"
 * and the state is kept for when it grows again.
 */
#include "tui/ui-int.h"

void
ui_layout(struct ui *ui, int lines, int cols)
{
	int body = lines - 2, sw, tw, sx, y;
	struct rect *r = ui->rect;
	int i;

	for (i = 0; i < PANE_COUNT; i++)
		r[i] = (struct rect){0, 0, 0, 0};
	ui->too_small = lines < UI_MIN_LINES || cols < UI_MIN_COLS;
	if (ui->too_small)
		return;
	sw = cols * 36 / 100;
	if (sw < 24)
		sw = 24;
	if (sw > 60)
		sw = 60;
	tw = cols - sw - 1;	/* one column of border */
	sx = ui->mirrored ? tw + 1 : 0;
	r[PANE_TRANSCRIPT] = (struct rect){0, ui->mirrored ? 0 : sw + 1, body, tw};
	r[PANE_STATUS] = (struct rect){body, 0, 2, cols};
	y = 0;
	if (ui->show_docs) {
		int h = body / 3;

		r[PANE_DOCS] = (struct rect){y, sx, h, sw};
		y += h;
	}
	if (ui->show_agree) {
		int h = body / 3 < 12 ? body / 3 : 12;

		r[PANE_AGREE] = (struct rect){body - h, sx, h, sw};
		body -= h;
	}
	if (ui->show_codings) {
		int h = (body - y) * 2 / 5;

		r[PANE_CODINGS] = (struct rect){body - h, sx, h, sw};
		r[PANE_TREE] = (struct rect){y, sx, body - h - y, sw};
	} else
		r[PANE_TREE] = (struct rect){y, sx, body - y, sw};
	if (ui->view != VIEW_NONE)	/* over the others, which keep their size */
		r[PANE_VIEW] = (struct rect){0, 0, lines - 2, cols};
	if (ui->focus != PANE_TRANSCRIPT && r[ui->focus].h == 0)
		ui_focus(ui, PANE_TRANSCRIPT);
}
