/*
 * view-int.h: the full-body views, private to pane-view.c and the view-*.c
 * files (ui-int.h has what the rest of the workbench calls).
 *
 * One pane, PANE_VIEW (pane-view.c), is drawn over the others, which keep
 * their state and size, when ui->view is not VIEW_NONE. Each view is one
 * file and one const struct screen_ops (screen.h):
 *
 *   view-agree.c     I  agreement of two coders
 *   view-compare.c   X  two coders' codings side by side, consensus
 *   view-paradigm.c  T  the paradigm model and the saturation chart
 *   view-retest.c    E  test-retest: a coder's two passes per document
 *   view-network.c   V  a code's or category's links around it
 *   view-matrix.c    H  codes or categories by attribute, document, code
 *   view-search.c    F  search across documents: the hits in context
 *
 * view.c holds the frame: opening and closing, the dispatch through the
 * ops table, moving the current row, and the choice of the two coders the
 * agreement and compare views share. pane-view.c is the pane they are
 * drawn in and holds the one table of views (adding a view: §9.2 of
 * docs/architecture.md).
 *
 * Each view keeps its own state, a private struct in its file made by its
 * ops->create; the frame holds the pointers (views_data) and what the views
 * share: the two coders and the finder choosing them (struct views, the
 * view pane's data: views_get). Figures are recomputed only when ui_sync
 * applied a change (views_sync: the shown view's sync gets the change,
 * the others UI_SYNC_STALE; when a blind session began or ended, the
 * shown view opens again) or the view opens; drawing reads what was
 * computed.
 */
#ifndef AXIAL_VIEW_INT_H
#define AXIAL_VIEW_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tui/ui-int.h"
#include "vm/vm-views.h"

/* What the frame keeps: the views' table and data, and the two coders. */
struct views {
	const struct screen_ops *const *ops;	/* by VIEW_*, from pane-view.c */
	void **data;		/* each view's own, by VIEW_* (ops->create) */
	size_t nops;
	char *coder[2];		/* logins of A and B, NULL until chosen */
	int64_t coder_id[2];
	int pending;		/* the view to open once coders are chosen */
	size_t pick_a;		/* index in ui->coders of the A being chosen */
	bool reopen;		/* who may be seen changed: open the shown view
				   again on the next views_sync */
	char **more;		/* the agreement set after A and B (view-set.c) */
	size_t nmore;
};

/*
 * A view is a screen (screen.h) of scope SCOPE_VIEW: create and free its
 * state; focus(true) when it comes on screen (bring what it shows up to
 * date); sync with the change when it is on screen, UI_SYNC_STALE when
 * it is not (recompute when it opens again), UI_SYNC_CODERS when another
 * two coders are chosen (a view with .coders set forgets what it computed
 * for the old two); key gets SCREEN_KEY_ENTER and SCREEN_KEY_CHOOSE (W in
 * a view of one coder's work: choose whose); cursor is the row j, k and
 * PgDn move. draw is required.
 */
extern const struct screen_ops view_agree_ops, view_compare_ops,
    view_paradigm_ops, view_retest_ops, view_network_ops, view_matrix_ops,
    view_search_ops;

/* view-set.c */
/* The most coders in a set: the engine's most (agree_config). */
#define VIEWS_SET_MAX 32
/* The agreement set: A, B and the coders + added (at most cap logins,
 * borrowed); 0 until A and B are chosen. */
size_t views_set(struct ui *ui, const char **names, size_t cap);
/* Whether the set is coders[0, n), in that order. */
bool views_set_is(struct ui *ui, char *const *coders, size_t n);
/* With three or more in the set: a line naming it at *y (moved down). */
void views_set_line(struct ui *ui, int *y, int x, int w);

/* view.c */
/* The frame's state over the views of ops[0, n) (by VIEW_*), each
 * view's own made by its create. */
struct views *views_new(struct ui *ui, const struct screen_ops *const *ops,
    size_t n);
/* Frees v and every view's state. */
void views_free(struct views *v);
/* The frame's state: the view pane's data. */
struct views *views_get(struct ui *ui);
/* The state of view (a VIEW_*) that its create made. */
void *views_data(struct ui *ui, int view);
/* The ops of view (a VIEW_*), or NULL. */
const struct screen_ops *views_ops(struct ui *ui, int view);
/* Tells the view shown of the change what and every other that what it
 * computed is stale; after views_blind, opens the shown one again. */
void views_sync(struct ui *ui, enum ui_sync what);
/* A blind session began or ended: the next views_sync (the workbench has
 * reloaded what may be seen by then) opens the shown view again, so
 * figures lifted show at once, their coders chosen, and new ones hide. */
void views_blind(struct ui *ui);
/* Opens view (a VIEW_*), first asking for the coders if it needs them. */
void views_open(struct ui *ui, int view);
/* A box corner or arrow head (┌ ┐ └ ┘ ▶ ◀) as a mirrored view must draw
 * it: turned around when the layout is right to left. */
const char *views_glyph(struct ui *ui, const char *g);
/* w copies of the one-column glyph s from (y, x). */
void views_rule(int y, int x, int w, const char *s, int attr);
/* A box's border, h rows by w columns from (y, x), its inside blanked. */
void views_box(struct ui *ui, int y, int x, int h, int w, int attr);
/*
 * s in the w columns from x, its reading end cut with "…" when it is wider
 * (text_fit, as every ui_put_* cuts). rtl: s is laid out right to left;
 * plain: in the interface language's direction (ui_put_plain) instead.
 */
void views_put_cut(struct ui *ui, int y, int x, int w, const char *s,
    int attr, bool rtl, bool plain);
/*
 * Wraps text[0, tlen) into lines of at most w columns (word by word);
 * draws at most max of them from row y. Returns the lines drawn.
 */
int views_wrapped(struct ui *ui, int y, int x, int w, const char *text,
    size_t tlen, int max, int attr);

/* view-agree-fmt.c */
/* An agreement figure as the view shows it ("0.712", "undefined"), and a
 * fraction as a percentage with one decimal. */
void view_agree_fig(const struct agree_fig *f, char *out, size_t cap);
void view_agree_pct(const struct agree_fig *f, char *out, size_t cap);
/* The name of code index code of ap, as the view's rows show it. */
struct agree_project;
const char *view_agree_code_name(struct ui *ui,
    const struct agree_project *ap, size_t code);

/* view-agree-many.c: the agreement view's rows for a set of three or more */
struct agree_many_view;
/* Keeps *s on the set views_set has: built again when the set changed,
 * freed (NULL) below three coders; stale: applies codings made since. */
void view_agree_many_update(struct ui *ui, struct agree_many_view **s,
    bool stale);
void view_agree_many_free(struct agree_many_view *s);
/* The pooled row and the per-code rows from row y of r. */
void view_agree_many_draw(struct ui *ui, struct agree_many_view *s,
    const struct rect *r, int y);
size_t *view_agree_many_cursor(struct agree_many_view *s, size_t *n);
/* The current row's code (node id), 0 if none. */
int64_t view_agree_many_code(const struct agree_many_view *s);

/* view-matrix.c */
/* h/l in the matrix view: a column across, dir 1 the next on screen. */
void view_matrix_across(struct ui *ui, int dir);

/* view-compare.c */
/* Opens the compare view on the disagreements of code node only. */
void view_compare_code(struct ui *ui, int64_t node);

#endif
