/*
 * vm-views.h: the view-models of the agreement, compare and test-retest
 * views, without curses: the Landis & Koch band of a kappa as shown, the
 * per-code rows sorted worst first, the automatic choice of the two coders,
 * where to enter a disagreement list across documents, whose coding passes
 * the test-retest view shows and how its rows read.
 */
#ifndef AXIAL_VM_VIEWS_H
#define AXIAL_VM_VIEWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stats/agreement.h"
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

/* One code's row of the agreement view. */
struct vm_agree_row {
	size_t code;			/* agreement code index */
	struct agree_cells cells;
	struct agree_kappa k;
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

#endif
