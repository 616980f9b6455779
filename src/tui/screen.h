/*
 * screen.h: the one shape of everything the workbench draws.
 *
 * A screen is a const table of functions and its own data, the way a tmux
 * window mode is (window.c, window-clock.c) and an htop Panel is: every
 * pane, every full-body view and every popup is one. They differ only in
 * where they are held:
 *
 *   panes     one each in ui->panes[PANE_*] (ui.c's table), side by side;
 *             keys reach the focused one through its scope's rows of the
 *             key table
 *   views     in the view pane's table (pane-view.c), one shown over the
 *             body at a time (view.c, view-int.h), keys as a pane's
 *   overlays  a stack (overlay.c), drawn bottom up over the rest; the top
 *             one takes every key until it pops itself
 *
 * Every member but draw may be NULL. create makes the data when the
 * workbench starts (panes, views; NULL: none; an overlay's opener makes
 * its data and pushes it); free frees it, once. draw paints r (an overlay
 * gets the whole screen and places its popup). key gets what is typed
 * (overlays) or the command its key table sends (views: SCREEN_KEY_*).
 * mouse returns a key to run as if typed (0: none), so a double click
 * opens what Enter opens. resize follows the layout; focus tells a pane
 * it gained (true) or lost the keyboard, and a view that it comes on
 * screen. sync is how the project's changes reach it; cursor is a list's
 * current row, which the frame moves (j, k, PgDn...).
 */
#ifndef AXIAL_SCREEN_H
#define AXIAL_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

struct ui;

struct rect {
	int y, x, h, w;
};

/* What ui_sync tells the screens (screen_ops.sync). */
enum ui_sync {
	UI_SYNC_BLIND,		/* who may be seen changed; before the reload */
	UI_SYNC_CHANGED,	/* codings, codes or documents changed */
	UI_SYNC_DECISION,	/* no coding, code or document changed, but
				   other rows did: a consensus decision, a
				   link, a memo, the core category */
	UI_SYNC_WHO,		/* the user acts as another coder now */
	UI_SYNC_IDLE,		/* a tick without a key: deferred work */
	UI_SYNC_DOC,		/* another document was opened */
	UI_SYNC_STALE,		/* views off screen: what you computed is old */
	UI_SYNC_CODERS,		/* views of two coders: another two are chosen */
};

/* The commands a view's key gets from the key table (not characters). */
enum {
	SCREEN_KEY_ENTER = -1,	/* open what the current row shows */
	SCREEN_KEY_CHOOSE = -2,	/* choose whose work it shows (W) */
};

enum { UI_MOUSE_PRESS, UI_MOUSE_DRAG, UI_MOUSE_RELEASE, UI_MOUSE_WHEEL_UP,
	UI_MOUSE_WHEEL_DOWN, UI_MOUSE_DOUBLE };

struct screen_ops {
	const char *name;
	int scope;		/* of its keys while it has them (enum ui_scope) */
	bool full;		/* an overlay that covers the whole screen (help) */
	bool coders;		/* a view of two coders' work: they are chosen
				   before it opens */
	void *(*create)(struct ui *ui);
	void (*free)(void *data);
	void (*draw)(struct ui *ui, void *data, const struct rect *r,
	    bool focused);
	void (*key)(struct ui *ui, void *data, int key);
	/* a click or drag at (y, x) inside r (relative) */
	int (*mouse)(struct ui *ui, void *data, const struct rect *r, int y,
	    int x, int event);
	void (*resize)(struct ui *ui, void *data, const struct rect *r);
	void (*focus)(struct ui *ui, void *data, bool on);
	void (*sync)(struct ui *ui, void *data, enum ui_sync what);
	size_t *(*cursor)(void *data, size_t *n);
};

struct screen {
	const struct screen_ops *ops;
	void *data;
};

#endif
