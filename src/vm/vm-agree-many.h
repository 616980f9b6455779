/*
 * vm-agree-many.h: the per-code rows of the agreement view for a set of
 * three or more coders, without curses: each row is the engine's figures
 * of one code over the whole set (agree_many_figures, the same call
 * `axial agree --coders A,B,C` prints), sorted worst first.
 */
#ifndef AXIAL_VM_AGREE_MANY_H
#define AXIAL_VM_AGREE_MANY_H

#include <stddef.h>
#include <stdint.h>

#include "stats/agreement.h"

/* One code's row: its index in the state and the set's figures on it. */
struct vm_agree_many_row {
	size_t code;
	struct agree_many f;	/* N, %agr, Fleiss, alpha, Light, AC1 */
};

/*
 * Rows for every code of st (m >= 3 coders, presence modes) some coder of
 * the set applied, worst first: by Fleiss' kappa as shown (undefined
 * last), then the mean pairwise agreement, then code index. *out is
 * malloc'ed (free it); none for m < 3.
 */
void vm_agree_many_rows(const struct agree_state *st,
    struct vm_agree_many_row **out, size_t *n);

/* The first reason one of the row's figures is undefined, or NULL. */
const char *vm_agree_many_why(const struct agree_many *f);

#endif
