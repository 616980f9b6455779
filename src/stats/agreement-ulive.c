/*
 * agreement-ulive.c: alpha_U per code and u-alpha kept current
 * (agreement-ulive.h).
 *
 * Invariants: v[code] is the value agree_unitize gives code in the
 * state's current codings unless marked[code]; sums equals
 * agree_ualpha_sums of every document the state holds. Both hold after
 * each agree_ulive_doc(+1) that follows a change, which the caller
 * brackets.
 */
#include <stdlib.h>
#include <string.h>

#include "stats/agreement-ulive.h"
#include "base/util.h"

struct agree_ulive {
	size_t ncodes;
	int m;
	struct agree_unitize_value *v;	/* ncodes */
	bool *marked;
	size_t nmarked;
	size_t next;			/* where agree_ulive_step looks first */
	struct agree_ualpha_sums sums;
};

struct agree_ulive *
agree_ulive_new(const struct agree_state *st)
{
	struct agree_ulive *ul = xcalloc(1, sizeof *ul);
	size_t ndocs, ncats, d;

	agree_state_size(st, &ndocs, &ul->ncodes, &ncats);
	ul->m = agree_state_config(st)->ncoders;
	ul->v = xcalloc(ul->ncodes + 1, sizeof *ul->v);
	ul->marked = xcalloc(ul->ncodes + 1, sizeof *ul->marked);
	agree_ualpha_sums_init(&ul->sums, ul->m, (int)ul->ncodes);
	for (d = 0; d < ndocs; d++)
		agree_ulive_doc(ul, st, d, +1);
	agree_ulive_code(ul, -1);
	return ul;
}

void
agree_ulive_free(struct agree_ulive *ul)
{
	if (ul == NULL)
		return;
	agree_ualpha_sums_free(&ul->sums);
	free(ul->v);
	free(ul->marked);
	free(ul);
}

void
agree_ulive_doc(struct agree_ulive *ul, const struct agree_state *st,
    size_t doc, int sign)
{
	struct agree_useg_set s;

	if (!agree_state_doc_ready(st, doc))
		return;
	agree_state_doc_usegs(st, doc, &s);
	agree_ualpha_sums_add(&ul->sums, &s, sign);
	agree_useg_free(&s);
}

void
agree_ulive_code(struct agree_ulive *ul, int64_t code)
{
	size_t k;

	if (code >= 0 && (size_t)code < ul->ncodes && !ul->marked[code]) {
		ul->marked[code] = true;
		ul->nmarked++;
	} else if (code < 0) {
		for (k = 0; k < ul->ncodes; k++)
			ul->marked[k] = true;
		ul->nmarked = ul->ncodes;
	}
}

size_t
agree_ulive_step(struct agree_ulive *ul, const struct agree_state *st,
    uint64_t budget_ns)
{
	uint64_t t0 = clock_ns();
	size_t k, done = 0;

	for (k = 0; k < ul->ncodes && ul->nmarked > 0; k++) {
		size_t x = (ul->next + k) % ul->ncodes;
		struct agree_useg_set s;
		struct agree_unitize u;

		if (!ul->marked[x])
			continue;
		/* at least one code a call, so a slice always moves on */
		if (budget_ns > 0 && done > 0 && clock_ns() - t0 >= budget_ns) {
			ul->next = x;
			break;
		}
		agree_state_usegs(st, (int64_t)x, &s);
		agree_unitize(&s, &u);
		ul->v[x] = u.v[0];
		agree_unitize_free(&u);
		agree_useg_free(&s);
		ul->marked[x] = false;
		ul->nmarked--;
		done++;
	}
	return ul->nmarked;
}

size_t
agree_ulive_marked(const struct agree_ulive *ul)
{
	return ul->nmarked;
}

bool
agree_ulive_figures(const struct agree_ulive *ul, struct agree_unitize *uz,
    struct agree_ualpha *ua)
{
	memset(uz, 0, sizeof *uz);
	uz->nvalues = (int)ul->ncodes;
	uz->ncoders = ul->m;
	uz->length = ul->sums.length;
	uz->v = xcalloc(ul->ncodes + 1, sizeof *uz->v);
	if (ul->ncodes > 0)
		memcpy(uz->v, ul->v, ul->ncodes * sizeof *uz->v);
	agree_unitize_pool(uz);
	agree_ualpha_of_sums(&ul->sums, ua);
	return ul->nmarked == 0;
}
