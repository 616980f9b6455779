/*
 * view-int.h: the full-body views, private to pane-view.c and the view-*.c
 * files (ui-int.h has what the rest of the workbench calls).
 *
 * One pane, PANE_VIEW (pane-view.c), is drawn over the others, which keep
 * their state and size, when ui->view is not VIEW_NONE. Each view is one
 * file and one const struct view_ops:
 *
 *   view-agree.c     I  agreement of two coders
 *   view-compare.c   X  two coders' codings side by side, consensus
 *   view-paradigm.c  T  the paradigm model and the saturation chart
 *   view-retest.c    E  test-retest: a coder's two passes per document
 *
 * view.c holds the frame: opening and closing, the dispatch through the
 * ops table, moving the current row, and the choice of the two coders the
 * agreement and compare views share. pane-view.c is the pane they are
 * drawn in and holds the one table of views (adding a view: §9.2 of
 * docs/architecture.md).
 *
 * State lives in struct views, the view pane's data (views_get). Figures are recomputed only
 * when ui_sync applied a change (views_sync: every view's ops->stale,
 * the shown one's ops->update) or the view opens; drawing reads what was computed.
 */
#ifndef AXIAL_VIEW_INT_H
#define AXIAL_VIEW_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stats/analysis.h"
#include "store/compare.h"
#include "stats/retest.h"
#include "tui/ui-int.h"
#include "vm/vm-views.h"

/* One paragraph of the open document: byte and code-point ranges. */
struct vpara {
	size_t bs, be;
	int64_t cs, ce;
};

struct views {
	const struct view_ops *const *ops;	/* by VIEW_*, from pane-view.c */
	size_t nops;
	char *coder[2];		/* logins of A and B, NULL until chosen */
	int64_t coder_id[2];
	int pending;		/* the view to open once coders are chosen */
	size_t pick_a;		/* index in ui->coders of the A being chosen */

	/* agreement (view-agree.c) */
	struct agree_project *ap;
	char *hidden;		/* blind: the message shown instead */
	bool agree_stale;
	struct vm_agree_row *rows;
	size_t nrows, acur, atop;
	struct agree_cells total;
	struct agree_kappa tk;

	/* compare (view-compare.c) */
	struct compare_item *items;
	size_t nitems;
	size_t *sel, nsel, ccur;	/* items shown (filter), current in sel */
	int64_t filter;		/* a code's node id, or 0: every code */
	bool cmp_stale, cmp_listed;
	char *cmp_hidden;
	struct vpara *paras;
	size_t nparas;
	size_t ctop;		/* first paragraph shown */
	bool follow;		/* scroll to the current one on the next draw */
	int take;		/* choice waiting for its note */

	/* paradigm and saturation (view-paradigm.c) */
	struct an_project an;
	bool an_loaded, an_stale, with_codes, saturation;
	struct an_paradigm m;
	struct an_saturation sat;
	size_t ptop;		/* the chart's first row */
	int64_t sat_src;	/* the coder the chart counts (report.h) */
	int64_t sat_chosen;	/* the one W chose; 0: the default */
	size_t mtop;		/* the model's: lines scrolled off each box */
	size_t mmax;		/* mtop's last useful value, as last drawn */

	/* test-retest (view-retest.c) */
	char *rt_chosen;	/* the first pass W chose; NULL: automatic */
	char *rt_first;		/* the first pass shown; NULL: none */
	bool rt_ask;		/* several coders have a second pass: W asks */
	char *rt_hidden;	/* blind: the message shown instead */
	struct retest_row *rt_rows;	/* as retest_table, the total last */
	size_t rt_n, rt_top;
};

/* A view: what the frame calls. open, update and draw are required; a
 * NULL member is skipped. */
struct view_ops {
	/* shows two coders' work: the frame has them chosen before opening,
	 * and a new choice clears what was computed for the old two */
	bool coders;
	/* the view comes on screen: bring what it shows up to date */
	void (*open)(struct ui *ui);
	/* the project changed: what was computed is out of date (NULL: the
	 * view computes afresh whenever it opens) */
	void (*stale)(struct views *v);
	/* recompute now (the view is on screen and the project changed) */
	void (*update)(struct ui *ui);
	void (*draw)(struct ui *ui, const struct rect *r);
	/* Enter */
	void (*enter)(struct ui *ui);
	/* W in a view that shows one coder's work: choose whose */
	void (*choose)(struct ui *ui);
	/* the row j/k/PgDn move (*n rows), or NULL */
	size_t *(*cursor)(struct views *v, size_t *n);
	/* forgets what was computed (new coders, or the views are freed) */
	void (*forget)(struct views *v);
};

extern const struct view_ops view_agree_ops, view_compare_ops,
    view_paradigm_ops, view_retest_ops;

/* view.c */
/* The views' state: the view pane's data. */
struct views *views_get(struct ui *ui);
/* The ops of view (a VIEW_*), or NULL. */
const struct view_ops *views_ops(struct ui *ui, int view);
/* Frees v and what each view computed. */
void views_free(struct views *v);
/* Marks what every view computed stale and updates the one shown. */
void views_sync(struct ui *ui);
/* Opens view (a VIEW_*), first asking for the coders if it needs them. */
void views_open(struct ui *ui, int view);
/*
 * Wraps text[0, tlen) into lines of at most w columns (word by word);
 * draws at most max of them from row y. Returns the lines drawn.
 */
int views_wrapped(struct ui *ui, int y, int x, int w, const char *text,
    size_t tlen, int max, int attr);

/* view-compare.c */
/* Opens the compare view on the disagreements of code node only. */
void view_compare_code(struct ui *ui, int64_t node);

#endif
