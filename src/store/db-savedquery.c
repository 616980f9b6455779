/*
 * db-savedquery.c: saved coding queries (savedquery.h), the `queries`
 * table of schema version 8. Rows are checked on the way in as every name
 * is (db_name), and the expression is parsed so a saved query always
 * parses; the file may still hold anything another program wrote, so
 * readers treat the fields as untrusted text like any other.
 */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "store/db-int.h"
#include "store/savedquery.h"
#include "text/qexpr.h"

#define QUERY_COLS "id, name, expr, source, filters, docs, author_id, created"

void
saved_query_done(struct saved_query *q)
{
	free(q->name);
	free(q->expr);
	free(q->source);
	free(q->where);
	free(q->docs);
	memset(q, 0, sizeof *q);
}

void
saved_query_list_free(struct saved_query *q, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		saved_query_done(&q[i]);
	free(q);
}

static void
row(sqlite3_stmt *st, struct saved_query *q)
{
	q->id = sqlite3_column_int64(st, 0);
	q->name = db_col_str(st, 1);
	q->expr = db_col_str(st, 2);
	q->source = db_col_str(st, 3);
	q->where = db_col_str(st, 4);
	q->docs = db_col_str(st, 5);
	q->author = sqlite3_column_int64(st, 6);
	q->created = sqlite3_column_int64(st, 7);
}

/* Every line of s a label (no controls, no bidi overrides). */
static enum ax_status
lines_ok(struct project *p, const char *s)
{
	enum ax_status st = AX_OK;
	char *copy = xstrdup(s), *line, *save = NULL;

	for (line = strtok_r(copy, "\n", &save); line != NULL && st == AX_OK;
	    line = strtok_r(NULL, "\n", &save))
		st = db_label(p, NAME_ATTR_VALUE, line);
	free(copy);
	return st;
}

enum ax_status
saved_query_add(struct project *p, const char *name, const char *expr,
    const char *source, const char *where, const char *docs, int64_t *id)
{
	struct qx_node *q;
	char *norm, *err = NULL, *near = NULL;
	size_t col;
	sqlite3_stmt *st;
	enum ax_status s;
	int64_t author, other;

	if ((norm = db_name(p, NAME_QUERY, name)) == NULL)
		return AX_ERR_INPUT;
	if ((q = qx_parse(expr, &col, &err)) == NULL) {
		s = db_fail(p, AX_ERR_INPUT, "query «%s», column %zu: %s", norm,
		    col, err);
		free(err);
		free(norm);
		return s;
	}
	qx_free(q);
	if ((s = lines_ok(p, source)) != AX_OK || (s = lines_ok(p, where)) !=
	    AX_OK || (s = lines_ok(p, docs)) != AX_OK ||
	    (s = db_action_begin(p, "query save")) != AX_OK) {
		free(norm);
		return s;
	}
	if (db_name_fold_find(db_stmt(p, "SELECT id, name FROM queries"), norm,
	    &other, &near) > 0)
		s = db_fail(p, AX_ERR_EXISTS, "a query named «%s» exists; remove "
		    "it first (axial query rm)", norm);
	else if ((s = db_coder_id(p, &author)) == AX_OK) {
		st = db_stmt(p, "INSERT INTO queries(name, expr, source, filters,"
		    " docs, author_id, created) VALUES (?, ?, ?, ?, ?, ?,"
		    " strftime('%s','now'))");
		sqlite3_bind_text(st, 1, norm, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, expr, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, source, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, where, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, docs, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 6, author);
		if ((s = db_exec_stmt(p, st)) == AX_OK && id != NULL)
			*id = sqlite3_last_insert_rowid(p->db);
	}
	free(near);
	free(norm);
	return db_action_end(p, s);
}

enum ax_status
saved_query_find(struct project *p, const char *name, struct saved_query *out)
{
	sqlite3_stmt *st;
	char *near = NULL;
	int64_t id = 0;
	int matches;
	enum ax_status s = AX_OK;

	memset(out, 0, sizeof *out);
	matches = db_name_fold_find(db_stmt(p, "SELECT id, name FROM queries"),
	    name, &id, &near);
	if (matches == 0) {
		s = near ? db_fail(p, AX_ERR_NOTFOUND, "no saved query «%s»; did "
		    "you mean «%s»?", name, near) : db_fail(p, AX_ERR_NOTFOUND,
		    "no saved query «%s» (axial query list lists them)", name);
		free(near);
		return s;
	}
	st = db_stmt(p, "SELECT " QUERY_COLS " FROM queries WHERE id = ?");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		row(st, out);
	else
		s = db_fail(p, AX_ERR_NOTFOUND, "no saved query «%s»", name);
	sqlite3_reset(st);
	return s;
}

enum ax_status
saved_query_list(struct project *p, struct saved_query **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT " QUERY_COLS " FROM queries"
	    " ORDER BY name, id");
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		row(st, &(*out)[(*n)++]);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		saved_query_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_sqlite_fail(p, rc);
	}
	return AX_OK;
}

enum ax_status
saved_query_remove(struct project *p, int64_t id)
{
	enum ax_status s;

	if ((s = db_action_begin(p, "query remove")) != AX_OK)
		return s;
	if (db_int(p, "SELECT count(*) FROM queries WHERE id = ?", id, 0) == 0)
		s = db_fail(p, AX_ERR_NOTFOUND, "no saved query #%lld",
		    (long long)id);
	else
		s = db_exec_id(p, "DELETE FROM queries WHERE id = ?1", id);
	return db_action_end(p, s);
}
