/*
 * agreement-unitize.h: Krippendorff's alpha for unitizing (alpha_U) of
 * segments that coders placed on a continuum, per value and overall, as
 * docs/agreement.md §3.11 specifies (Krippendorff 1995; 2004, sect. 12.4).
 *
 * No UI, no SQLite. A set holds one or more blocks (documents) laid end to
 * end into one continuum; every segment lies inside its block. Within one
 * coder, block and value, segments never overlap: agree_useg_check refuses
 * an overlap, agree_useg_merge joins overlapping segments into one.
 */
#ifndef AXIAL_AGREEMENT_UNITIZE_H
#define AXIAL_AGREEMENT_UNITIZE_H

#include <stddef.h>
#include <stdint.h>

#include "stats/agreement.h"

/* One segment [start, end) of a coder, with a value, in a block. */
struct agree_useg {
	int32_t block, coder, value;
	int64_t start, end;		/* absolute positions, start < end */
	long line;			/* where it came from (a file's line), or 0 */
};

struct agree_useg_set {
	int64_t *bbegin, *blen;		/* the blocks: first position and length */
	int nblocks;
	size_t bcap[2];
	int ncoders, nvalues;		/* indices 0..n-1 */
	struct agree_useg *seg;
	size_t nseg, cap;
};

/* Adds a block [begin, begin + len), len >= 0; returns its index. */
int agree_useg_block(struct agree_useg_set *s, int64_t begin, int64_t len);
/*
 * Adds a segment. Returns 0, or -1 with *err (static English, N_()) when
 * end is before start, the segment is empty, or it leaves its block.
 */
int agree_useg_add(struct agree_useg_set *s, const struct agree_useg *g,
    const char **err);
/*
 * Sorts the segments; returns 0, or -1 with *line and *err at the first
 * segment that overlaps an earlier one of the same coder, block and value.
 */
int agree_useg_check(struct agree_useg_set *s, long *line, const char **err);
/* Sorts the segments and joins those that overlap (touching ones stay two). */
void agree_useg_merge(struct agree_useg_set *s);
void agree_useg_free(struct agree_useg_set *s);

/* alpha_U of one value: D_o, D_e and alpha = 1 - D_o / D_e. */
struct agree_unitize_value {
	int64_t units;			/* segments of the value, all coders */
	int coders;			/* coders who used it */
	struct agree_fig alpha, d_o, d_e;
};
struct agree_unitize {
	int nvalues, ncoders;
	int64_t length;			/* L: the blocks' lengths summed */
	struct agree_unitize_value *v;	/* nvalues */
	struct agree_fig alpha;		/* 1 - sum D_o / sum D_e over used values */
};
/* Every figure of a checked (or merged) set; free with agree_unitize_free. */
void agree_unitize(const struct agree_useg_set *s, struct agree_unitize *out);
void agree_unitize_free(struct agree_unitize *u);
/*
 * The additive parts of one value's alpha_U, which a live view keeps as
 * codings change (agreement-ulive.c) instead of reading every segment
 * again: with l a unit's length and l_h a gap's,
 *   D_o = num / (m (m - 1) L^2)
 *   D_e = 2/L [(N - 1)/3 s1 + cross] / [m L (m L - 1) - sl].
 */
struct agree_usums {
	int64_t units;		/* N: the value's units, every coder */
	double s1;		/* sum over units of 2 l^3 - 3 l^2 + l */
	double sl;		/* sum over units of l (l - 1) */
	double num;		/* delta2 over blocks and ordered coder pairs */
	double cross;		/* sum over units and gaps, l_h >= l, of
				   l^2 (l_h - l + 1) */
};
/* A unit of length l into u (sign +1) or out of it (-1): units, s1, sl;
 * cross, which pairs it with the gaps, is the caller's. */
void agree_usums_unit(struct agree_usums *u, int64_t l, int sign);
/* A value's figures from its sums (m coders, `coders` of them used it). */
void agree_unitize_value_of(const struct agree_usums *u, int m, int coders,
    int64_t length, struct agree_unitize_value *out);
/* The lengths of value `value`'s units and gaps (every coder and block of
 * s, merged or checked; unsorted), its units per coder, and num. */
struct agree_uparts {
	int64_t *unit, *gap;
	size_t nunit, ngap;
	int64_t *per_coder;	/* s->ncoders */
	double num;
};
void agree_unitize_parts(const struct agree_useg_set *s, int value,
    struct agree_uparts *out);
void agree_uparts_free(struct agree_uparts *p);

/*
 * u->alpha from u->v, u->ncoders and u->length, as agree_unitize pools
 * them: for a view that keeps each value's figures and recomputes only
 * a changed one (a value's D_o and D_e depend on its own segments, the
 * coders and the blocks alone).
 */
void agree_unitize_pool(struct agree_unitize *u);

/*
 * A state's codings as segments (agreement-units.c): a block per document,
 * its length in code points, end to end in document order; value = code
 * index (code < 0), or only code's codings as value 0 (code >= 0: what a
 * live view recomputes after a coding of that code changed); coder = the
 * state's coder index; overlapping codings of one coder and code joined
 * (agree_useg_merge). Free with agree_useg_free.
 */
void agree_state_usegs(const struct agree_state *st, int64_t code,
    struct agree_useg_set *out);
/* One document's codings, every code, as the one block [0, its length). */
void agree_state_doc_usegs(const struct agree_state *st, size_t doc,
    struct agree_useg_set *out);
/* One document's codings of one code (>= 0) as value 0 in one block. */
void agree_state_doc_code_usegs(const struct agree_state *st, size_t doc,
    int64_t code, struct agree_useg_set *out);

#endif
