/*
 * query-code.c: a saved query's result as a new code (query.h), the
 * snapshot `axial query code` and the workbench's query-code key make.
 *
 * Invariants: the code and its codings are one action ("query code"),
 * made as the acting coder; on any failure nothing of it stays.
 */
#include <stdlib.h>
#include <string.h>

#include "stats/query.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/savedquery.h"
#include "text/qexpr.h"

struct apply {
	struct project *p;
	int64_t code;
	enum ax_status st;
};

static bool
apply(void *arg, const struct query_hit *h)
{
	struct apply *a = arg;

	a->st = coding_add(a->p, h->doc, a->code, h->start, h->end, NULL);
	return a->st == AX_OK;
}

enum ax_status
query_code(struct project *p, const struct saved_query *sq, int64_t parent,
    const char *name, struct query_stats *st, char **err, size_t *col)
{
	struct query_opts o;
	struct qx_node *q;
	struct apply a;
	enum ax_status rc;

	*err = NULL;
	*col = 0;
	memset(&a, 0, sizeof a);
	a.p = p;
	if ((rc = query_opts_saved(p, sq, &o)) != AX_OK)
		return rc;
	if ((q = qx_parse(sq->expr, col, err)) == NULL) {
		query_opts_free(&o);
		return AX_ERR_INPUT;
	}
	if ((rc = project_begin(p, "query code")) != AX_OK)
		goto out;
	if ((rc = codetree_add(p, parent, NODE_CODE, name, &a.code)) != AX_OK ||
	    (rc = query_run(p, q, &o, apply, &a, st, err, col)) != AX_OK ||
	    (rc = a.st) != AX_OK || (rc = project_commit(p)) != AX_OK)
		project_rollback(p);
out:
	qx_free(q);
	query_opts_free(&o);
	return rc;
}
