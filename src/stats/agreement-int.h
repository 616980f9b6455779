/*
 * agreement-int.h: what agreement-segment.c and agreement-units.c share,
 * agreement-report.c's call into agreement-report-many.c, and the row
 * labels both report files print.
 * Not for other modules: include axial/agreement.h.
 */
#ifndef AXIAL_AGREEMENT_INT_H
#define AXIAL_AGREEMENT_INT_H

#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "stats/agreement.h"

/*
 * One document cut into the units of a mode, as ascending disjoint
 * code-point ranges [ustart[i], uend[i]):
 *   paragraph/sentence/turn (modes a, b, f): every unit holds at least one
 *     significant code point; sig is then a bitmap of the code points that
 *     belong to a grapheme with a non-White_Space code point (a state with
 *     a text source lets it go once the document's codings are in, and
 *     asks agree_text_any_sig instead);
 *   grapheme (modes c, e): extended grapheme clusters (UAX #29, libunistring)
 *     with a non-White_Space code point, or every cluster with whitespace;
 *   document (mode d): one unit [0, ncp).
 */
struct agree_seg {
	uint32_t ncp;
	uint32_t nu;
	uint32_t *ustart, *uend;
	uint64_t *sig;		/* NULL unless the mode needs it (or let go) */
	uint32_t *cpbyte;	/* sig modes: the byte offset of every
				   AGREE_SEG_STRIDE-th code point */
};
#define AGREE_SEG_STRIDE 1024

void agree_seg_build(const struct agree_doc *d, enum agree_unit unit,
    bool whitespace, struct agree_seg *out);
void agree_seg_free(struct agree_seg *s);
/*
 * The units [*lo, *hi) a coded span [start, end) marks: units sharing a
 * significant code point with it (sig modes), units with at least one code
 * point inside it (grapheme modes), the document (mode d).
 */
void agree_seg_range(const struct agree_seg *s, enum agree_unit unit,
    uint32_t start, uint32_t end, uint32_t *lo, uint32_t *hi);
/* The units [*lo, *hi) that [start, end) reaches, none left out. */
void agree_seg_reach(const struct agree_seg *s, enum agree_unit unit,
    uint32_t start, uint32_t end, uint32_t *lo, uint32_t *hi);
/* Whether [start, end) shares a significant code point with unit u (sig
 * must be built). */
bool agree_seg_marks(const struct agree_seg *s, uint32_t u, uint32_t start,
    uint32_t end);
/* A stretch of a document's text: bytes s[0..len), from code point cp0
 * on; first when it starts the text, last when it ends it. */
struct agree_text {
	const char *s;
	size_t len;
	uint32_t cp0;
	bool first, last;
};
/*
 * Whether [from, to) (from >= t->cp0) holds a significant code point, as
 * the bitmap would say, from the text rather than the bitmap (which may be
 * gone): exact, reading only around the span (its clusters found again
 * from the nearest breaks no earlier code point can undo). -1 when the
 * stretch does not reach such a break on each side: ask again with more.
 */
int agree_text_any_sig(const struct agree_text *t, uint32_t from, uint32_t to);

/*
 * agree_state_print for three or more coders in modes a-d
 * (agreement-report-many.c): the same arguments and result.
 */
size_t agree_many_print(const struct agree_state *st, enum agree_by by,
    enum agree_format fmt, const struct agree_names *names, unsigned flags,
    struct buf *out);

/* The kind of a row ("code", "pooled"...) in the table's language; CSV
 * and JSON keep the English word. Both report files label rows. */
static inline const char *
agree_kind_label(const char *kind)
{
	static const char *const kinds[] = {
		N_("code"), N_("pooled"), N_("category"), N_("document"),
	};
	size_t i;

	for (i = 0; i < AX_ARRAY_LEN(kinds); i++)
		if (strcmp(kind, kinds[i]) == 0)
			return _(kinds[i]);
	return kind;
}

#endif
