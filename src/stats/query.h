/*
 * query.h: coding queries, an expression over codes and document
 * attributes (text/qexpr.h) evaluated on a project (docs/queries.md).
 *
 * A query's value in a document is a set of text positions (code points):
 * a code stands for the positions its codings cover, AND, OR and NOT are
 * intersection, union and complement within the document, an attribute
 * comparison is the whole document or nothing. Its segments are the
 * maximal runs of positions in the set. The proximity operators keep the
 * segments of their left side that meet the condition with some segment
 * of their right side. A result segment is reported with its surrounding
 * white space trimmed; one of only white space is left out.
 *
 * Evaluation goes one document at a time and hands each segment to a
 * callback, so memory is bounded by the largest document's codings and
 * paragraphs, whatever the number of hits.
 */
#ifndef AXIAL_QUERY_H
#define AXIAL_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/project.h"
#include "text/qexpr.h"

struct query_opts {
	int64_t coder;		/* 0: every coder but second passes */
	const int64_t *docs;	/* the document set; NULL: every document */
	size_t ndocs;
	/* --where ATTR=VALUE restrictions, ANDed with the expression */
	const char *const *where;
	size_t nwhere;
	/* hits to skip, then to report at most (0: all); the count goes on */
	size_t offset, limit;
};

struct query_hit {
	int64_t doc;
	int64_t start, end;	/* code points, end exclusive, trimmed */
	int64_t para;		/* 1-based paragraph of start */
	const char *text;	/* the document's text, borrowed for the call */
	size_t len;
};

/* Return false to stop early (the count then stops too). */
typedef bool (*query_cb)(void *arg, const struct query_hit *h);

struct query_stats {
	size_t hits;		/* segments found (all, not only those passed) */
	size_t docs;		/* documents with at least one */
	size_t peak;		/* most intervals held at once (memory bound) */
};

/*
 * Evaluates q. A name that is no code or category, an attribute no
 * document has, or a value no document has for it fails with
 * AX_ERR_NOTFOUND, *err (translated, the caller frees it) naming the
 * closest one ("did you mean «…»?") and *col the column in the expression
 * (0 for a --where); a malformed --where is AX_ERR_INPUT. A store failure
 * puts project_errmsg in *err. stats may be NULL.
 */
enum ax_status query_run(struct project *p, const struct qx_node *q,
    const struct query_opts *o, query_cb cb, void *arg,
    struct query_stats *stats, char **err, size_t *col);

struct saved_query;
/*
 * The restrictions a saved query was saved with (savedquery.h) as options:
 * its source's coder, its --where lines, its documents (a document since
 * removed or a coder unknown is an error naming it). Free the arrays with
 * query_opts_free.
 */
enum ax_status query_opts_saved(struct project *p, const struct saved_query *s,
    struct query_opts *o);
void query_opts_free(struct query_opts *o);

/*
 * A new code name under the category parent (0: the top level), applied
 * to every segment the saved query sq finds now, as the acting coder: one
 * action, "query code", a snapshot (docs/queries.md). A failure of the
 * expression (it no longer parses, or names what is gone) or of query_run
 * sets *err (the caller frees it) and *col as query_run does; with *err
 * NULL, project_errmsg says why. Nothing stays of a failed one.
 */
enum ax_status query_code(struct project *p, const struct saved_query *sq,
    int64_t parent, const char *name, struct query_stats *st, char **err,
    size_t *col);

/* The text of [start, end) as one line of at most max bytes (line breaks
 * become spaces, "…" where it is cut); the caller frees it. */
char *query_quote(const char *text, size_t len, int64_t start, int64_t end,
    size_t max);

#endif
