/*
 * autocode.h: applying a code to every hit of a search, or to the
 * sentence, paragraph or speaker turn around each (docs/search.md).
 *
 * autocode_plan runs the search and turns its hits into segments, one per
 * distinct span, so two hits in one paragraph make one paragraph segment;
 * nothing is written. autocode_apply codes them all as one action (one
 * undo), leaving out the spans the acting coder has already coded with
 * that code.
 */
#ifndef AXIAL_AUTOCODE_H
#define AXIAL_AUTOCODE_H

#include <stddef.h>
#include <stdint.h>

#include "store/project.h"
#include "store/search.h"

enum autocode_scope {
	AUTOCODE_HIT, AUTOCODE_SENTENCE, AUTOCODE_PARAGRAPH, AUTOCODE_TURN,
};
/* "hit", "sentence", "paragraph", "turn"; -1 for another word. */
int autocode_scope_parse(const char *s);

struct autocode_seg {
	int64_t doc_id;
	int64_t start, end;	/* code points */
};

struct autocode_plan {
	struct autocode_seg *segs;	/* documents in interview order */
	size_t nsegs;
	size_t ndocs;		/* documents holding a segment */
	size_t nhits;
	size_t skipped;		/* set by autocode_apply: already coded */
	bool degraded;		/* the search read every text (search.h) */
};

/* Memo hits are left out: only documents are coded. */
enum ax_status autocode_plan(struct project *p, const struct search_query *q,
    enum autocode_scope scope, struct autocode_plan *out);
enum ax_status autocode_apply(struct project *p, struct autocode_plan *plan,
    int64_t node);
void autocode_plan_done(struct autocode_plan *plan);

#endif
