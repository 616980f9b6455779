/*
 * pane-view.c: the pane a full-body view is drawn in (view-int.h), and the
 * one table of the views. Its data is the frame's state (struct views),
 * made when the workbench starts with each view's own; the frame (view.c)
 * reaches each view through the table given here.
 */
#include <stdlib.h>

#include "base/util.h"
#include "tui/view-int.h"

/* The views by VIEW_* (VIEW_NONE has none). */
static const struct screen_ops *const ops_of[] = {
	[VIEW_AGREE] = &view_agree_ops,
	[VIEW_COMPARE] = &view_compare_ops,
	[VIEW_PARADIGM] = &view_paradigm_ops,
	[VIEW_RETEST] = &view_retest_ops,
	[VIEW_NETWORK] = &view_network_ops,
	[VIEW_MATRIX] = &view_matrix_ops,
	[VIEW_SEARCH] = &view_search_ops,
};

static void *
view_create(struct ui *ui)
{
	return views_new(ui, ops_of, AX_ARRAY_LEN(ops_of));
}

static void
view_free(void *data)
{
	views_free(data);
}

static void
view_draw(struct ui *ui, void *data, const struct rect *r, bool focused)
{
	const struct screen_ops *o = views_ops(ui, ui->view);
	int y;

	(void)data;
	for (y = r->y; y < r->y + r->h; y++)
		ui_fill(y, r->x, r->w, ui_attr(ui, TH_NORMAL));
	if (o != NULL)
		o->draw(ui, views_data(ui, ui->view), r, focused);
}

/* A click goes to the view shown; a view without a mouse scrolls with
 * the wheel. */
static int
view_mouse(struct ui *ui, void *data, const struct rect *r, int y, int x,
    int ev)
{
	const struct screen_ops *o = views_ops(ui, ui->view);

	(void)data;
	if (o != NULL && o->mouse != NULL)
		return o->mouse(ui, views_data(ui, ui->view), r, y, x, ev);
	if (ev == UI_MOUSE_WHEEL_UP)
		view_act_up(ui);
	else if (ev == UI_MOUSE_WHEEL_DOWN)
		view_act_down(ui);
	return 0;
}

/* The views recompute when what they show changed, never on an idle
 * tick or another document (the compare view draws the open one as is). */
static void
view_sync(struct ui *ui, void *data, enum ui_sync what)
{
	(void)data;
	switch (what) {
	case UI_SYNC_BLIND:
		/* the reload and a UI_SYNC_CHANGED follow: the shown view
		 * opens again then */
		views_blind(ui);
		break;
	case UI_SYNC_DECISION:	/* the compare view counts them */
	case UI_SYNC_CHANGED:
	case UI_SYNC_WHO:
		views_sync(ui, what);
		break;
	case UI_SYNC_IDLE:
	case UI_SYNC_DOC:
	case UI_SYNC_STALE:	/* the pane is never off screen */
	case UI_SYNC_CODERS:
		break;
	}
}

const struct screen_ops pane_view_ops = {
	.name = "view",
	.scope = SCOPE_VIEW,
	.create = view_create,
	.free = view_free,
	.draw = view_draw,
	.mouse = view_mouse,
	.sync = view_sync,
};
