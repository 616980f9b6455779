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

#endif
