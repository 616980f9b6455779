/*
 * vm-views.h: the view-models of the agreement, compare and test-retest
 * views, without curses: the Landis & Koch band of a kappa as shown, the
 * per-code rows sorted worst first, the automatic choice of the two coders,
 * where to enter a disagreement list across documents, whose coding passes
 * the test-retest view shows and how its rows read, the rows of the
 * paradigm view's boxes with the links under their categories, and the
 * paradigm view as a list for panes too narrow for its boxes.
 */
#ifndef AXIAL_VM_VIEWS_H
#define AXIAL_VM_VIEWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stats/agreement.h"
#include "stats/analysis.h"
#include "store/compare.h"
#include "stats/retest.h"

/*
 * The Landis & Koch (1977) band of kappa as shown with three decimals:
 * below 0.400 "poor", below 0.600 "moderate", up to 0.800 "substantial",
 * above "almost perfect".
 */
const char *vm_kappa_band(double kappa);
/* kappa rounded to three decimals the way printf("%.3f") shows it. */
double vm_round3(double v);

/*
 * The order of the agreement view's rows, worst first: a's kappa ka (as
 * shown, undefined last), then its agreement pa (undefined last), then its
 * code index ca, against b's; <0, 0 or >0 as for qsort.
 */
int vm_worst_cmp(const struct agree_fig *ka, const struct agree_fig *pa,
    size_t ca, const struct agree_fig *kb, const struct agree_fig *pb,
    size_t cb);

/* One code's row of the agreement view. */
struct vm_agree_row {
	size_t code;			/* agreement code index */
	struct agree_cells cells;
	struct agree_kappa k;
	struct agree_gwet ac1;		/* Gwet's AC1 of the same table */
	double prev;			/* (2a + b + c) / 2N: the code's prevalence */
};
/*
 * Rows for every code of st that either coder applied, worst first: by
 * kappa as shown (undefined kappas last), then percent agreement, then
 * code index. *out is malloc'ed (free it).
 */
void vm_agree_rows(const struct agree_state *st, struct vm_agree_row **out,
    size_t *n);

/* A coder and how many codings they made. */
struct vm_coder_count {
	const char *login;
	int64_t n;
};
/*
 * The two coders to compare when the choice is obvious: exactly two coders
 * with codings besides the consensus coder and test-retest passes
 * ("-retest"); *a is the first of them in the list. False: ask.
 */
bool vm_pick_coders(const struct vm_coder_count *c, size_t n, size_t *a,
    size_t *b);

/* The first item at or after (doc position di in docs order, cp), for
 * entering the view where the reader is; 0 if none is after. */
size_t vm_compare_from(const struct compare_item *items, size_t n,
    const int64_t *doc_order, size_t ndocs, int64_t doc, int64_t cp);

/*
 * Coders with a second coding pass: the indexes into logins of every first
 * pass whose "LOGIN-retest" is listed too, in list order, into out (room
 * for n). Returns how many.
 */
size_t vm_retest_firsts(const char *const *logins, size_t n, size_t *out);

enum vm_retest_pick { VM_RETEST_NONE, VM_RETEST_ONE, VM_RETEST_ASK };
/*
 * Whose two passes the test-retest view shows: the acting coder me's own
 * when listed with a second pass (me may be either pass), else the only
 * coder with a second pass (*first: its index); ASK when several have
 * one, NONE when nobody has.
 */
enum vm_retest_pick vm_retest_pick(const char *const *logins, size_t n,
    const char *me, size_t *first);

/* Which pass me is coding: 2 as a second pass ("-retest"), 1 as a coder
 * whose second pass is listed, 0 otherwise (no test-retest going on). */
int vm_retest_pass(const char *const *logins, size_t n, const char *me);

/* A row's columns after the document name, as `axial retest` prints them;
 * an undefined row adds its reason: "undefined (no codings)". */
void vm_retest_cells(const struct retest_row *r, char *out, size_t cap);

/*
 * A row of a paradigm box in the workbench: a line of the slot (a category
 * or, with the codes shown, a code), or under it one of the figure's edges
 * (an_pedge) at that line: a directed edge under the line it leaves, an
 * undirected one under both its lines. The pane has no room to route
 * edges between the lines they join, so each is written under its line,
 * with its type, pointing at the other end.
 */
struct vm_prow {
	size_t line;		/* the slot's line: this row, or the one above */
	size_t edge;		/* SIZE_MAX: the line itself; else m->edges index */
	size_t other_slot;	/* an edge's other end: its slot (an_slots) */
	size_t other_line;	/* and its line there */
};
struct vm_pbox {
	struct vm_prow *rows;
	size_t n;
};
/* The rows of each slot of m (in an_slots order): its lines in order,
 * each followed by its edges in m's order. */
void vm_paradigm_rows(const struct an_paradigm *m, struct vm_pbox box[6]);
void vm_paradigm_rows_done(struct vm_pbox box[6]);

/*
 * Which way the figure's arrow between the slots of roles a and b points,
 * from m's edges between them: VM_ARROW_NONE when no edge joins them (no
 * arrow is drawn), else a bit for a directed edge a -> b, one for b -> a,
 * and one for an undirected edge.
 */
enum {
	VM_ARROW_NONE = 0, VM_ARROW_FWD = 1, VM_ARROW_BACK = 2,
	VM_ARROW_UNDIRECTED = 4,
};
int vm_paradigm_arrow(const struct an_paradigm *m, enum paradigm_role a,
    enum paradigm_role b);

/*
 * Whether the paradigm view draws layout l's boxes: it fits, side by side
 * (not stacked), every box at least VM_PARADIGM_BOX_W columns wide. A
 * narrower box cuts nearly every name and link ("▶ is the contex…"), so
 * the view shows the list (vm_paradigm_list) instead.
 */
#define VM_PARADIGM_BOX_W 30
bool vm_paradigm_boxes(const struct an_layout *l);

/*
 * The paradigm view as a list, one row a screen line of a pane width
 * columns wide. The slots come one under another in the order the model
 * reads (vm_paradigm_order: causal conditions, the central phenomenon,
 * contextual and intervening conditions, strategies, consequences, as
 * Strauss and Corbin set it out and the stacked boxes keep it), each a
 * title (flagged and marked "⚠" when the slot is unexplained; " —"
 * after it when the slot holds no category), then its lines (categories, and codes when m
 * has them) indented by level, each followed by every edge at it written
 * out: its type (with the number of links when it draws several), an
 * arrow the way it goes, the line at its other end and, when that lies
 * in another slot, the slot's title. An edge shows at both its ends:
 * outgoing under the line it leaves, incoming under the line it reaches,
 * undirected under both; so each slot's part says what explains it.
 * A text wider than the pane is wrapped by the text engine (UAX #14,
 * widths as drawn), a piece to a row; nothing is cut but by a pane
 * narrower than the engine's least width (8 columns past the indent).
 * The arrow in a link's text reads with it: "→" to the other end in a
 * left-to-right text, "←" in a right-to-left one (and the reverse for
 * incoming), "—" undirected.
 */
extern const enum paradigm_role vm_paradigm_order[6];
enum vm_pl_kind { VM_PL_TITLE, VM_PL_LINE, VM_PL_LINK };
enum vm_pl_way {
	VM_PL_OUT,		/* the edge leaves the line */
	VM_PL_IN,		/* it reaches the line */
	VM_PL_UNDIRECTED,
};
struct vm_plrow {
	enum vm_pl_kind kind;
	size_t slot;		/* an_slots index */
	size_t line;		/* LINE, LINK: the slot's line */
	size_t edge;		/* LINK: m->edges index */
	enum vm_pl_way way;	/* LINK */
	bool first;		/* the first row of its title, line or link (a
				   link's arrowhead goes there, 2 columns
				   before x) */
	bool flagged;		/* TITLE: the slot is unexplained */
	bool rtl;		/* the direction its whole text reads in */
	int x;			/* its column from the pane's start edge */
	char *text;		/* this row's piece of the text (owned) */
};
struct vm_plist {
	struct vm_plrow *rows;
	size_t n;
};
void vm_paradigm_list(const struct an_paradigm *m, int width,
    struct vm_plist *l);
void vm_paradigm_list_done(struct vm_plist *l);

#endif
