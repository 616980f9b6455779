/*
 * savedquery.h: coding queries saved by name (docs/queries.md), to run
 * again and to code from. A saved query is its expression as typed with
 * the restrictions it was run with: the source (a coder's login, or ""
 * for every coder), the --where comparisons and the document set (names),
 * one per line. Saving and removing are actions that undo takes back.
 * Names are identifiers (name.h), unique in the project compared folded.
 */
#ifndef AXIAL_SAVEDQUERY_H
#define AXIAL_SAVEDQUERY_H

#include <stddef.h>
#include <stdint.h>

#include "store/project.h"

struct saved_query {
	int64_t id;
	char *name, *expr;
	char *source;		/* a login, or "" */
	char *where;		/* "ATTR=VALUE" lines, or "" */
	char *docs;		/* document names, one a line, or "" */
	int64_t author;		/* coders row id */
	int64_t created;	/* Unix seconds */
};
void saved_query_done(struct saved_query *q);
void saved_query_list_free(struct saved_query *q, size_t n);

/* Saves a query; an expression that does not parse (qexpr.h) and a name
 * taken (folded) are refused. Logged as "query save". */
enum ax_status saved_query_add(struct project *p, const char *name,
    const char *expr, const char *source, const char *where,
    const char *docs, int64_t *id);
/* By name as typed, else folded; a miss names the closest ("did you
 * mean «…»?"). */
enum ax_status saved_query_find(struct project *p, const char *name,
    struct saved_query *out);
/* In name order. */
enum ax_status saved_query_list(struct project *p, struct saved_query **out,
    size_t *n);
/* Logged as "query remove". */
enum ax_status saved_query_remove(struct project *p, int64_t id);

#endif
