/*
 * autocode.c: auto-coding from a search (autocode.h).
 *
 * Sentences are the agreement engine's (agreement-segment.c, UAX #29
 * rules), built once per document that has a hit; paragraphs and turns
 * come with each hit (search.h).
 *
 * Invariants: segments are sorted by document (in the order search gives
 * them) then span, with no two alike, and each is non-empty.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "stats/autocode.h"
#include "stats/agreement-int.h"
#include "store/coder.h"
#include "store/coding.h"
#include "store/document.h"
#include "base/util.h"

static const char *const scope_names[] = {"hit", "sentence", "paragraph",
	"turn"};

int
autocode_scope_parse(const char *s)
{
	size_t i;

	for (i = 0; i < AX_ARRAY_LEN(scope_names); i++)
		if (strcmp(s, scope_names[i]) == 0)
			return (int)i;
	return -1;
}

struct collect {
	struct project *p;
	enum autocode_scope scope;
	struct autocode_plan *out;
	size_t cap;
	int64_t doc;		/* the document seg holds sentences of */
	struct agree_seg seg;
	bool have_seg;
	int64_t last_doc;
	enum ax_status st;
};

/* The sentence units of document id, built when its first hit comes. */
static bool
sentences(struct collect *c, int64_t id)
{
	struct agree_doc d = {0};
	char *text;
	size_t len;

	if (c->have_seg && c->doc == id)
		return true;
	if (c->have_seg)
		agree_seg_free(&c->seg);
	c->have_seg = false;
	if ((c->st = doc_text(c->p, id, &text, &len)) != AX_OK)
		return false;
	d.text = text;
	d.len = len;
	agree_seg_build(&d, AGREE_UNIT_SENTENCE, false, &c->seg);
	free(text);
	c->doc = id;
	c->have_seg = true;
	return true;
}

/* [s, e), a span of h's paragraph, without the white space at its end
 * (the agreement engine's sentences keep it). */
static int64_t
trim_end(const struct search_hit *h, int64_t s, int64_t e)
{
	size_t i = 0, k = h->para_start;
	int64_t last = s;

	while (i < h->para_len && (int64_t)k < e) {
		ucs4_t c;

		i += (size_t)u8_mbtouc(&c, (const uint8_t *)h->para_text + i,
		    h->para_len - i);
		k++;
		if ((int64_t)k > s && !uc_is_space(c))
			last = (int64_t)k;
	}
	return last > s ? last : e;
}

static bool
add_hit(void *arg, const struct search_hit *h)
{
	struct collect *c = arg;
	struct autocode_plan *pl = c->out;
	int64_t s = (int64_t)h->start, e = (int64_t)h->end;
	uint32_t lo, hi;

	if (h->doc_id == 0)
		return true;
	pl->nhits++;
	switch (c->scope) {
	case AUTOCODE_HIT:
		break;
	case AUTOCODE_PARAGRAPH:
		s = (int64_t)h->para_start;
		e = (int64_t)h->para_end;
		break;
	case AUTOCODE_TURN:
		s = (int64_t)h->turn_start;
		e = (int64_t)h->turn_end;
		break;
	case AUTOCODE_SENTENCE:
		if (!sentences(c, h->doc_id))
			return false;
		agree_seg_range(&c->seg, AGREE_UNIT_SENTENCE, (uint32_t)h->start,
		    (uint32_t)h->end, &lo, &hi);
		if (lo < hi) {
			s = c->seg.ustart[lo];
			e = c->seg.uend[hi - 1];
		}
		/* a sentence's start before the turn's is the speaker label */
		if (s < (int64_t)h->turn_start && h->turn_start <= h->start)
			s = (int64_t)h->turn_start;
		if (s >= (int64_t)h->para_start && e <= (int64_t)h->para_end)
			e = trim_end(h, s, e);
		break;
	}
	if (e <= s)
		return true;
	if (pl->nsegs > 0) {
		const struct autocode_seg *l = &pl->segs[pl->nsegs - 1];

		if (l->doc_id == h->doc_id && l->start == s && l->end == e)
			return true;
	}
	pl->segs = xgrow(pl->segs, &c->cap, pl->nsegs + 1, sizeof *pl->segs);
	pl->segs[pl->nsegs].doc_id = h->doc_id;
	pl->segs[pl->nsegs].start = s;
	pl->segs[pl->nsegs].end = e;
	pl->nsegs++;
	if (h->doc_id != c->last_doc) {
		pl->ndocs++;
		c->last_doc = h->doc_id;
	}
	return true;
}

enum ax_status
autocode_plan(struct project *p, const struct search_query *q,
    enum autocode_scope scope, struct autocode_plan *out)
{
	struct collect c = {0};
	enum ax_status st;

	memset(out, 0, sizeof *out);
	c.p = p;
	c.scope = scope;
	c.out = out;
	st = search_run(p, q, add_hit, &c, &out->degraded);
	if (c.have_seg)
		agree_seg_free(&c.seg);
	if (st == AX_OK)
		st = c.st;
	if (st != AX_OK)
		autocode_plan_done(out);
	return st;
}

enum ax_status
autocode_apply(struct project *p, struct autocode_plan *plan, int64_t node)
{
	enum ax_status st;
	int64_t me = 0, id;
	size_t i;

	plan->skipped = 0;
	if ((st = project_begin(p, "autocode")) != AX_OK)
		return st;
	coder_find(p, project_coder_login(p), &me);
	for (i = 0; i < plan->nsegs && st == AX_OK; i++) {
		const struct autocode_seg *g = &plan->segs[i];

		assert(g->start < g->end);
		if (me != 0 && coding_exists(p, g->doc_id, node, me, g->start,
		    g->end)) {
			plan->skipped++;
			continue;
		}
		st = coding_add(p, g->doc_id, node, g->start, g->end, &id);
	}
	if (st != AX_OK) {
		project_rollback(p);
		return st;
	}
	return project_commit(p);
}

void
autocode_plan_done(struct autocode_plan *plan)
{
	free(plan->segs);
	memset(plan, 0, sizeof *plan);
}
