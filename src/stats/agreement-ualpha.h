/*
 * agreement-ualpha.h: the u-alpha coefficients of Krippendorff, Mathet,
 * Bouvry and Widlöcher (2016, Quality & Quantity 50:2347-2364; Content
 * Analysis, 4th ed. 2019, sect. 12.6): u-alpha (units and their values,
 * nominal) and the binary |u-alpha (segmentation only), of the segments of
 * an agree_useg_set; docs/agreement.md §3.12.
 *
 * No UI, no SQLite. Every coder's segments, whatever their value, must be
 * disjoint: u-alpha reads each coder's unitization as one partition of the
 * continuum into units (one value each) and gaps. When a coder's segments
 * of different values overlap, both figures are undefined with that reason.
 */
#ifndef AXIAL_AGREEMENT_UALPHA_H
#define AXIAL_AGREEMENT_UALPHA_H

#include "stats/agreement-unitize.h"

struct agree_ualpha {
	struct agree_fig u;		/* u-alpha, nominal */
	struct agree_fig binary;	/* |u-alpha: gap or unit, values ignored */
};

/* Both coefficients of s (any order; s is not changed). */
void agree_ualpha(const struct agree_useg_set *s, struct agree_ualpha *out);

/*
 * What the coefficients are computed from: sums of lengths over blocks,
 * so a set's are its blocks' added up, and a live view changes only a
 * changed document's share (agree_ualpha of a set is init, add, of_sums).
 * Segments of a coder >= m or a value >= nvalues are not counted.
 */
struct agree_ualpha_sums {
	int m, nvalues;
	int64_t length;			/* L */
	int64_t overlaps;		/* added sets in which a coder's segments overlap */
	int64_t *cover;			/* m: length each coder's units cover */
	int64_t *nc, *sq;		/* nvalues: length of a value, sum of l^2 */
	int64_t *any, *same;		/* m * m, i < j: where coders i and j meet */
};
void agree_ualpha_sums_init(struct agree_ualpha_sums *u, int m, int nvalues);
void agree_ualpha_sums_free(struct agree_ualpha_sums *u);
/* u += sign * the sums of s (sign +1 or -1; s is not changed). */
void agree_ualpha_sums_add(struct agree_ualpha_sums *u,
    const struct agree_useg_set *s, int sign);
void agree_ualpha_of_sums(const struct agree_ualpha_sums *u,
    struct agree_ualpha *out);

#endif
