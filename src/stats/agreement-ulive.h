/*
 * agreement-ulive.h: alpha_U of every code and u-alpha of all codes of an
 * agreement state (agreement.h), kept current as codings change instead
 * of computed again from every coding: what a live view shows beside
 * kappa.
 *
 * alpha_U of a code depends on that code's segments, the coders and the
 * documents' lengths alone: a change moves its code's figures by the
 * changed document's share (agree_ulive_change), or marks the code, and
 * marked codes are computed again from every document (agree_ulive_step). u-alpha is computed from
 * sums over documents (struct agree_ualpha_sums): a change takes its
 * document's share out before and puts it back after. The figures equal
 * agree_unitize and agree_ualpha of agree_state_usegs(st, -1) once no code
 * is marked.
 */
#ifndef AXIAL_AGREEMENT_ULIVE_H
#define AXIAL_AGREEMENT_ULIVE_H

#include <stdbool.h>

#include "stats/agreement-ualpha.h"

struct agree_ulive;

/* The figures of st's documents so far, every code marked. */
struct agree_ulive *agree_ulive_new(const struct agree_state *st);
void agree_ulive_free(struct agree_ulive *ul);

/*
 * Around every change to st: agree_ulive_doc(ul, st, doc, -1) before,
 * then the change, then agree_ulive_doc(ul, st, doc, +1) and
 * agree_ulive_code(ul, code) for the coding's code. A document added to a
 * lazy state is agree_ulive_doc(+1) after its codings, and
 * agree_ulive_code(ul, -1): every code's alpha_U depends on the length.
 */
void agree_ulive_doc(struct agree_ulive *ul, const struct agree_state *st,
    size_t doc, int sign);
void agree_ulive_code(struct agree_ulive *ul, int64_t code);
/*
 * A change to one coding of code in doc, bracketed as above: sign -1
 * before it, +1 after. Moves the document's u-alpha share and, unless
 * code is marked, code's alpha_U by the document's share alone (no code
 * is marked); a marked code stays marked.
 */
void agree_ulive_change(struct agree_ulive *ul, const struct agree_state *st,
    size_t doc, int64_t code, int sign);

/*
 * Computes marked codes again until none is left or budget_ns (0: no
 * limit) has passed, at least one; returns how many are still marked.
 */
size_t agree_ulive_step(struct agree_ulive *ul, const struct agree_state *st,
    uint64_t budget_ns);
/* How many codes are marked. */
size_t agree_ulive_marked(const struct agree_ulive *ul);
/*
 * The figures: uz as agree_unitize fills it (free with
 * agree_unitize_free) and ua. Returns false while codes are marked: the
 * figures of those codes, and the pooled alpha_U, are then stale.
 */
bool agree_ulive_figures(const struct agree_ulive *ul,
    struct agree_unitize *uz, struct agree_ualpha *ua);

#endif
