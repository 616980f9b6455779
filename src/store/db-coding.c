/*
 * db-coding.c: codings (coding.h). Offsets are code points into the stored
 * text, checked against documents.nchars so no text is read to validate.
 *
 * Invariants:
 *   - a coding this file writes lies inside its document:
 *     0 <= start < end <= documents.nchars. check_span refuses any other
 *     span before the write, and span_inside asserts it after, in the same
 *     transaction (so no other writer comes between).
 *   - a coding read back has 0 <= start < end as long as the table's CHECK
 *     holds. Reads do not assert the span: a file changed outside axial can
 *     hold a coding past its document's end, or one that breaks the CHECK,
 *     and reading it must not abort; `axial check` reports it and --repair
 *     deletes it (db-check.c, tests/cli/untrusted.sh).
 */
#include <assert.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/coding.h"
#include "store/document.h"
#include "base/i18n.h"
#include "base/textin.h"
#include "store/db-int.h"

/* The owner of a coding may change it; nobody else. */
static enum ax_status
check_own(struct project *p, int64_t id)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT c.coder_id, k.login FROM codings c"
	    " JOIN coders k ON k.id = c.coder_id WHERE c.id = ?");
	enum ax_status s = AX_OK;

	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW)
		s = db_fail(p, AX_ERR_NOTFOUND, "no coding #%lld", (long long)id);
	else if (sqlite3_column_int64(st, 0) != p->coder_id)
		s = db_fail(p, AX_ERR_PERM, "coding #%lld is coder '%s''s; only they "
		    "can change it", (long long)id, sqlite3_column_text(st, 1));
	sqlite3_reset(st);
	return s;
}

static enum ax_status
check_span(struct project *p, int64_t doc, int64_t start, int64_t end)
{
	int64_t n = db_int(p, "SELECT nchars FROM documents WHERE id = ?", doc, -1);

	if (n < 0)
		return db_fail(p, AX_ERR_NOTFOUND, "no document #%lld", (long long)doc);
	if (start < 0 || end <= start || end > n)
		return db_fail(p, AX_ERR_INPUT, end <= start && start >= 0 &&
		    end >= 0 ? _("span %lld..%lld is empty (the document has %lld "
		    "characters; offsets are 0-based, end exclusive)") :
		    _("span %lld..%lld is out of range (the document has %lld "
		    "characters; offsets are 0-based, end exclusive)"),
		    (long long)start, (long long)end, (long long)n);
	return AX_OK;
}

#ifndef NDEBUG
/* Whether coding id lies inside its document, for assert() after a write. */
static bool
span_inside(struct project *p, int64_t id)
{
	return db_int(p, "SELECT count(*) FROM codings c JOIN documents d"
	    " ON d.id = c.doc_id WHERE c.id = ? AND c.start >= 0"
	    " AND c.start < c.end AND c.end <= d.nchars", id, 0) == 1;
}
#endif

/* One statement for coding_add_as and coding_add_many (db_stmt keeps it
 * prepared by this address). */
static const char insert_sql[] = "INSERT INTO codings(doc_id, node_id,"
    " coder_id, start, end, guid, created) VALUES (?1, ?2, ?3, ?4, ?5,"
    " ifnull(lower(?6), uuid()), ifnull(?7, strftime('%s','now')))";

/* Binds coding c, as coder, to row k of st (parameters 7k+1..7k+7). */
static void
many_bind(sqlite3_stmt *st, int k, const struct coding_new *c, int64_t coder)
{
	sqlite3_bind_int64(st, 7 * k + 1, c->doc);
	sqlite3_bind_int64(st, 7 * k + 2, c->node);
	sqlite3_bind_int64(st, 7 * k + 3, coder);
	sqlite3_bind_int64(st, 7 * k + 4, c->start);
	sqlite3_bind_int64(st, 7 * k + 5, c->end);
	if (c->guid != NULL)
		sqlite3_bind_text(st, 7 * k + 6, c->guid, -1, SQLITE_STATIC);
	if (c->created > 0)
		sqlite3_bind_int64(st, 7 * k + 7, c->created);
}

enum ax_status
coding_add(struct project *p, int64_t doc, int64_t node, int64_t start,
    int64_t end, int64_t *id)
{
	return coding_add_as(p, 0, doc, node, start, end, NULL, 0, id);
}

enum ax_status
coding_find_guid(struct project *p, const char *guid, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT id FROM codings WHERE guid = lower(?)");
	enum ax_status s = AX_OK;

	sqlite3_bind_text(st, 1, guid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else
		s = db_fail(p, AX_ERR_NOTFOUND, "no coding with GUID %s", guid);
	sqlite3_reset(st);
	return s;
}

bool
coding_exists(struct project *p, int64_t doc, int64_t node, int64_t coder,
    int64_t start, int64_t end)
{
	/* By (doc_id, start): without the unary +, SQLite may take the
	 * coder's index and walk every coding of the coder, which made a
	 * merge of 120,000 codings quadratic (minutes, not seconds). */
	sqlite3_stmt *st = db_stmt(p, "SELECT 1 FROM codings WHERE doc_id = ?1"
	    " AND +node_id = ?2 AND +coder_id = ?3 AND start = ?4 AND end = ?5");
	bool found;

	sqlite3_bind_int64(st, 1, doc);
	sqlite3_bind_int64(st, 2, node);
	sqlite3_bind_int64(st, 3, coder);
	sqlite3_bind_int64(st, 4, start);
	sqlite3_bind_int64(st, 5, end);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

enum ax_status
coding_add_as(struct project *p, int64_t as_coder, int64_t doc, int64_t node,
    int64_t start, int64_t end, const char *guid, int64_t created, int64_t *id)
{
	sqlite3_stmt *st;
	enum ax_status s;
	int64_t coder;

	if ((s = db_action_begin(p, "tag")) != AX_OK)
		return s;
	if ((s = check_span(p, doc, start, end)) != AX_OK)
		goto end;
	/* a category may be applied too: REFI-QDA's codes are codable */
	if (db_int(p, "SELECT 1 FROM nodes WHERE id = ?", node, -1) == -1) {
		s = db_fail(p, AX_ERR_NOTFOUND, "no code #%lld", (long long)node);
		goto end;
	}
	if (as_coder != 0) {
		coder = as_coder;
		if (db_int(p, "SELECT count(*) FROM coders WHERE id = ?", coder, 0) == 0) {
			s = db_fail(p, AX_ERR_NOTFOUND, "no coder #%lld", (long long)coder);
			goto end;
		}
	} else if ((s = db_coder_id(p, &coder)) != AX_OK) {
		goto end;
	}
	st = db_stmt(p, insert_sql);
	many_bind(st, 0, &(struct coding_new){coder, doc, node, start, end,
	    created, guid, CODING_ADDED, 0}, coder);
	s = db_exec_stmt(p, st);
	if (s == AX_OK) {
		int64_t row = sqlite3_last_insert_rowid(p->db);

		assert(span_inside(p, row));
		if (id != NULL)
			*id = row;
	}
end:
	return db_action_end(p, s);
}

/* The ids sql selects (first column) and a second column (0 if none),
 * in id order, for bsearch. */
struct idcol {
	int64_t id, v;
};

static int
idcol_cmp(const void *a, const void *b)
{
	const struct idcol *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

static struct idcol *
load_ids(struct project *p, const char *sql, size_t *n)
{
	sqlite3_stmt *st = db_stmt(p, sql);
	struct idcol *v = NULL;
	size_t cap = 0;

	*n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		v = xgrow(v, &cap, *n + 1, sizeof *v);
		v[*n].id = sqlite3_column_int64(st, 0);
		v[*n].v = sqlite3_column_count(st) > 1 ?
		    sqlite3_column_int64(st, 1) : 0;
		(*n)++;
	}
	sqlite3_reset(st);
	return v;
}

static const struct idcol *
find_id(const struct idcol *v, size_t n, int64_t id)
{
	struct idcol key = {id, 0};

	return n == 0 ? NULL : bsearch(&key, v, n, sizeof *v, idcol_cmp);
}

/* The checks of coding_add_as against the maps; a refusal is said by the
 * same code as there (check_span) so the message is the same. */
static enum ax_status
check_new(struct project *p, const struct coding_new *c,
    const struct idcol *docs, size_t ndocs, const struct idcol *nodes,
    size_t nnodes, const struct idcol *coders, size_t ncoders)
{
	const struct idcol *d = find_id(docs, ndocs, c->doc);

	if (d == NULL || c->start < 0 || c->end <= c->start || c->end > d->v)
		return check_span(p, c->doc, c->start, c->end);
	if (find_id(nodes, nnodes, c->node) == NULL)
		return db_fail(p, AX_ERR_NOTFOUND, "no code #%lld",
		    (long long)c->node);
	if (c->coder != 0 && find_id(coders, ncoders, c->coder) == NULL)
		return db_fail(p, AX_ERR_NOTFOUND, "no coder #%lld",
		    (long long)c->coder);
	return AX_OK;
}

/*
 * coding_add_many's INSERTs take MANY_ROWS codings each, so a statement's
 * own cost (its statement journal, starting the triggers' programs) is
 * paid once for them, not per coding. Seven parameters a row stay
 * under SQLite's 999. The rows of one statement get consecutive ids
 * (AUTOINCREMENT, one writer), in the order of its VALUES.
 */
#define MANY_ROWS 32

static const char *
many_sql(void)
{
	static char sql[128 + MANY_ROWS * 96];
	struct buf b = {0};
	int i;

	if (sql[0] != '\0')
		return sql;
	buf_puts(&b, "INSERT INTO codings(doc_id, node_id, coder_id, start, end,"
	    " guid, created) VALUES ");
	for (i = 0; i < MANY_ROWS; i++)
		buf_printf(&b, "%s(?%d, ?%d, ?%d, ?%d, ?%d, ifnull(lower(?%d),"
		    " uuid()), ifnull(?%d, strftime('%%s','now')))", i ? ", " : "",
		    7 * i + 1, 7 * i + 2, 7 * i + 3, 7 * i + 4, 7 * i + 5,
		    7 * i + 6, 7 * i + 7);
	assert(b.len < sizeof sql);
	memcpy(sql, b.s, b.len + 1);
	buf_done(&b);
	return sql;
}

/* The codings checked and waiting for their INSERT (v's indexes, with the
 * coder each is added as). */
struct many_wait {
	size_t at[MANY_ROWS];
	int64_t coder[MANY_ROWS];
	int n;
};

/* Inserts the waiting codings: MANY_ROWS in one statement, fewer one by
 * one; each gets its id. */
static enum ax_status
many_flush(struct project *p, struct coding_new *v, struct many_wait *w)
{
	enum ax_status s = AX_OK;
	sqlite3_stmt *st;
	int64_t last;
	int k;

	if (w->n == MANY_ROWS) {
		st = db_stmt(p, many_sql());
		for (k = 0; k < w->n; k++)
			many_bind(st, k, &v[w->at[k]], w->coder[k]);
		s = db_exec_stmt(p, st);
	}
	for (k = 0; s == AX_OK && k < w->n && w->n < MANY_ROWS; k++) {
		st = db_stmt(p, insert_sql);
		many_bind(st, 0, &v[w->at[k]], w->coder[k]);
		s = db_exec_stmt(p, st);
	}
	last = sqlite3_last_insert_rowid(p->db);
	for (k = 0; s == AX_OK && k < w->n; k++) {
		v[w->at[k]].fate = CODING_ADDED;
		v[w->at[k]].id = last - w->n + 1 + k;
	}
	assert(s != AX_OK || w->n == 0 || db_int(p, "SELECT start FROM codings"
	    " WHERE id = ?", v[w->at[0]].id, -1) == v[w->at[0]].start);
	w->n = 0;
	return s;
}

/* Whether c, as coder, has the GUID or the span of a waiting coding. */
static bool
many_waits(const struct coding_new *v, const struct many_wait *w,
    const struct coding_new *c, int64_t coder)
{
	int k;

	for (k = 0; k < w->n; k++) {
		const struct coding_new *o = &v[w->at[k]];

		if ((o->doc == c->doc && o->start == c->start && o->end == c->end &&
		    o->node == c->node && w->coder[k] == coder) ||
		    (c->guid != NULL && o->guid != NULL &&
		    strcasecmp(o->guid, c->guid) == 0))
			return true;
	}
	return false;
}

enum ax_status
coding_add_many(struct project *p, struct coding_new *v, size_t n)
{
	/* coding_find_guid and coding_exists in one step (the unary + as
	 * there: by (doc_id, start), not by the coder's index) */
	static const char here_sql[] = "SELECT (SELECT id FROM codings WHERE"
	    " guid = lower(?6)), EXISTS(SELECT 1 FROM codings WHERE doc_id = ?1"
	    " AND +node_id = ?2 AND +coder_id = ?3 AND start = ?4 AND end = ?5)";
	sqlite3_stmt *st;
	struct idcol *docs, *nodes, *coders;
	struct many_wait w = {.n = 0};
	size_t ndocs, nnodes, ncoders, i;
	enum ax_status s;
	int64_t me = 0, first;
	int rc;

	if ((s = db_action_begin(p, "tag")) != AX_OK)
		return s;
	docs = load_ids(p, "SELECT id, nchars FROM documents ORDER BY id", &ndocs);
	nodes = load_ids(p, "SELECT id FROM nodes ORDER BY id", &nnodes);
	coders = load_ids(p, "SELECT id FROM coders ORDER BY id", &ncoders);
	first = db_int(p, "SELECT ifnull(max(id), 0) FROM codings", 0, 0);
	for (i = 0; i < n && s == AX_OK; i++) {
		struct coding_new *c = &v[i];
		int64_t coder = c->coder;

		c->id = 0;
		if ((s = check_new(p, c, docs, ndocs, nodes, nnodes, coders,
		    ncoders)) != AX_OK)
			break;
		if (coder == 0 && me == 0 && (s = db_coder_id(p, &me)) != AX_OK)
			break;
		if (coder == 0)
			coder = me;
		/* one already waiting is looked for in the table once in it */
		if (many_waits(v, &w, c, coder) && (s = many_flush(p, v, &w)) !=
		    AX_OK)
			break;
		st = db_stmt(p, here_sql);
		many_bind(st, 0, c, coder);
		if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
			s = db_sqlite_fail(p, rc);
			sqlite3_reset(st);
			break;
		}
		c->id = sqlite3_column_int64(st, 0);
		c->fate = c->id != 0 ? CODING_SAME_GUID : sqlite3_column_int(st, 1) ?
		    CODING_SAME_SPAN : CODING_ADDED;
		sqlite3_reset(st);
		if (c->fate != CODING_ADDED)
			continue;
		w.at[w.n] = i;
		w.coder[w.n++] = coder;
		if (w.n == MANY_ROWS)
			s = many_flush(p, v, &w);
	}
	if (s == AX_OK)
		s = many_flush(p, v, &w);
	/* as span_inside after each coding_add_as, once for the lot */
	assert(s != AX_OK || db_int(p, "SELECT count(*) FROM codings c"
	    " JOIN documents d ON d.id = c.doc_id WHERE c.id > ? AND NOT"
	    " (c.start >= 0 AND c.start < c.end AND c.end <= d.nchars)",
	    first, 1) == 0);
	(void)first;
	free(docs);
	free(nodes);
	free(coders);
	return db_action_end(p, s);
}

enum ax_status
db_coding_drop(struct project *p, int64_t id)
{
	enum ax_status s = db_exec_id(p, "DELETE FROM memos WHERE target ="
	    " 'coding' AND target_id = ?1", id);

	if (s == AX_OK)	/* the cascade would; said here, in the log's order */
		s = db_exec_id(p, "DELETE FROM link_evidence WHERE coding_id = ?1", id);
	return s != AX_OK ? s : db_exec_id(p, "DELETE FROM codings WHERE id = ?1", id);
}

enum ax_status
coding_remove(struct project *p, int64_t id)
{
	enum ax_status s;

	if ((s = db_action_begin(p, "untag")) != AX_OK)
		return s;
	if ((s = check_own(p, id)) == AX_OK)
		s = db_coding_drop(p, id);
	return db_action_end(p, s);
}

enum ax_status
coding_set_range(struct project *p, int64_t id, int64_t start, int64_t end)
{
	sqlite3_stmt *st;
	enum ax_status s;

	if ((s = db_action_begin(p, "tag resize")) != AX_OK)
		return s;
	if ((s = check_own(p, id)) != AX_OK)
		goto end;
	if ((s = check_span(p, db_int(p, "SELECT doc_id FROM codings WHERE id = ?",
	    id, 0), start, end)) != AX_OK)
		goto end;
	st = db_stmt(p, "UPDATE codings SET start = ?2, end = ?3 WHERE id = ?1"
	    " AND (start <> ?2 OR end <> ?3)");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, start);
	sqlite3_bind_int64(st, 3, end);
	s = db_exec_stmt(p, st);
	assert(s != AX_OK || span_inside(p, id));
end:
	return db_action_end(p, s);
}

static void
coding_from_row(sqlite3_stmt *st, struct coding *c)
{
	c->id = sqlite3_column_int64(st, 0);
	c->doc = sqlite3_column_int64(st, 1);
	c->node = sqlite3_column_int64(st, 2);
	c->coder = sqlite3_column_int64(st, 3);
	c->start = sqlite3_column_int64(st, 4);
	c->end = sqlite3_column_int64(st, 5);
	c->created = sqlite3_column_int64(st, 6);
	snprintf(c->guid, sizeof c->guid, "%s", sqlite3_column_text(st, 7) ?
	    (const char *)sqlite3_column_text(st, 7) : "");
}

enum ax_status
coding_get(struct project *p, int64_t id, struct coding *c)
{
	int64_t vis = db_visible_coder(p);
	sqlite3_stmt *st = db_stmt(p, "SELECT id, doc_id, node_id, coder_id, start,"
	    " end, created, guid FROM codings WHERE id = ?1 AND (?2 = 0 OR coder_id = ?2)");
	enum ax_status s = AX_OK;

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, vis);
	if (sqlite3_step(st) == SQLITE_ROW)
		coding_from_row(st, c);
	else
		s = db_fail(p, AX_ERR_NOTFOUND, "no coding #%lld", (long long)id);
	sqlite3_reset(st);
	return s;
}

enum ax_status
coding_list(struct project *p, const struct coding_filter *f,
    struct coding **out, size_t *n)
{
	/* One statement per filter shape, so each uses its own index. */
	static const char *const sql[8] = {
		"SELECT c.id, c.doc_id, c.node_id, c.coder_id, c.start, c.end, c.created, c.guid FROM"
		" codings c JOIN documents d ON d.id = c.doc_id"
		" WHERE (:vis = 0 OR c.coder_id = :vis) ORDER BY d.position, c.start, c.end, c.id",
		"SELECT id, doc_id, node_id, coder_id, start, end, created, guid FROM codings"
		" WHERE doc_id = ?1 AND (:vis = 0 OR coder_id = :vis) ORDER BY start, end, id",
		"SELECT c.id, c.doc_id, c.node_id, c.coder_id, c.start, c.end, c.created, c.guid FROM"
		" codings c JOIN documents d ON d.id = c.doc_id WHERE c.node_id = ?2"
		" AND (:vis = 0 OR c.coder_id = :vis) ORDER BY d.position, c.start, c.end, c.id",
		"SELECT id, doc_id, node_id, coder_id, start, end, created, guid FROM codings"
		" WHERE doc_id = ?1 AND node_id = ?2 AND (:vis = 0 OR coder_id = :vis)"
		" ORDER BY start, end, id",
		"SELECT c.id, c.doc_id, c.node_id, c.coder_id, c.start, c.end, c.created, c.guid FROM"
		" codings c JOIN documents d ON d.id = c.doc_id WHERE c.coder_id = ?3"
		" AND (:vis = 0 OR c.coder_id = :vis) ORDER BY d.position, c.start, c.end, c.id",
		"SELECT id, doc_id, node_id, coder_id, start, end, created, guid FROM codings"
		" WHERE doc_id = ?1 AND coder_id = ?3 AND (:vis = 0 OR coder_id = :vis)"
		" ORDER BY start, end, id",
		"SELECT c.id, c.doc_id, c.node_id, c.coder_id, c.start, c.end, c.created, c.guid FROM"
		" codings c JOIN documents d ON d.id = c.doc_id WHERE c.node_id = ?2"
		" AND c.coder_id = ?3 AND (:vis = 0 OR c.coder_id = :vis)"
		" ORDER BY d.position, c.start, c.end, c.id",
		"SELECT id, doc_id, node_id, coder_id, start, end, created, guid FROM codings"
		" WHERE doc_id = ?1 AND node_id = ?2 AND coder_id = ?3"
		" AND (:vis = 0 OR coder_id = :vis) ORDER BY start, end, id",
	};
	struct coding_filter none = {0, 0, 0};
	sqlite3_stmt *st;
	struct coding *v = NULL;
	size_t cap = 0, k = 0;
	int rc, shape;

	if (f == NULL)
		f = &none;
	shape = (f->doc != 0) | (f->node != 0) << 1 | (f->coder != 0) << 2;
	st = db_stmt(p, sql[shape]);
	if (f->doc)
		sqlite3_bind_int64(st, 1, f->doc);
	if (f->node)
		sqlite3_bind_int64(st, 2, f->node);
	if (f->coder)
		sqlite3_bind_int64(st, 3, f->coder);
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":vis"), db_visible_coder(p));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xgrow(v, &cap, k + 1, sizeof *v);
		coding_from_row(st, &v[k++]);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(v);
		return db_sqlite_fail(p, rc);
	}
	*out = v;
	*n = k;
	return AX_OK;
}

int64_t
coding_max_id(struct project *p)
{
	return db_int(p, "SELECT ifnull(max(id), 0) FROM codings", 0, 0);
}

enum ax_status
coding_list_page(struct project *p, int64_t after, int64_t upto, size_t limit,
    struct coding **out, size_t *n)
{
	/* the rowid order: a page is a run of the table, not a seek per row */
	sqlite3_stmt *st = db_stmt(p, "SELECT id, doc_id, node_id, coder_id, start,"
	    " end, created, guid FROM codings WHERE id > ?1 AND id <= ?2"
	    " AND (?4 = 0 OR coder_id = ?4) ORDER BY id LIMIT ?3");
	struct coding *v = NULL;
	size_t cap = 0, k = 0;
	enum ax_status s;
	int rc;

	/* The pages read the table once (at 10x 14 MB of rows would stay in
	   the connection's cache, the agreement pane's) */
	if ((s = db_pass_begin(p, DB_PASS_SMALL)) != AX_OK)
		return s;
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int64(st, 2, upto);
	sqlite3_bind_int64(st, 3, (int64_t)limit);
	sqlite3_bind_int64(st, 4, db_visible_coder(p));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xgrow(v, &cap, k + 1, sizeof *v);
		coding_from_row(st, &v[k++]);
	}
	sqlite3_reset(st);
	db_pass_end(p, DB_PASS_SMALL);
	if (rc != SQLITE_DONE) {
		free(v);
		return db_sqlite_fail(p, rc);
	}
	*out = v;
	*n = k;
	return AX_OK;
}

int64_t
db_coding_count(struct project *p)
{
	return db_int(p, "SELECT count(*) FROM codings WHERE ?1 = 0 OR coder_id = ?1",
	    db_visible_coder(p), 0);
}

enum ax_status
coding_find_quote(struct project *p, int64_t doc, const char *quote, int nth,
    int64_t *start, int64_t *end)
{
	char *text = NULL;
	const char *at;
	size_t len, qlen = strlen(quote);
	enum ax_status s;
	int i;

	if (qlen == 0)
		return db_fail(p, AX_ERR_INPUT, "the quote is empty");
	if ((s = doc_text(p, doc, &text, &len)) != AX_OK)
		return s;
	at = text;
	for (i = 0; at != NULL; i++) {
		at = strstr(i == 0 ? at : at + 1, quote);
		if (at == NULL || i + 1 == nth)
			break;
	}
	if (at == NULL) {
		s = db_fail(p, AX_ERR_NOTFOUND, nth > 1 ? "the quote does not occur "
		    "%d times in the document" : "the quote is not in the document%.0d",
		    nth);
	} else {
		*start = (int64_t)textin_nchars(text, (size_t)(at - text));
		*end = *start + (int64_t)textin_nchars(at, qlen);
	}
	free(text);
	return s;
}

/* One image of a logged codings row into c. */
static void
coding_from_json(struct project *p, const char *img, struct coding *c)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT json_extract(?1, '$.id'),"
	    " json_extract(?1, '$.doc_id'), json_extract(?1, '$.node_id'),"
	    " json_extract(?1, '$.coder_id'), json_extract(?1, '$.start'),"
	    " json_extract(?1, '$.end')");

	sqlite3_bind_text(st, 1, img, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		coding_from_row(st, c);
	sqlite3_reset(st);
}

int64_t
coding_changes_cursor(struct project *p)
{
	return db_int(p, "SELECT ifnull(max(id), 0) FROM changes", 0, 0);
}

enum ax_status
coding_changes_since(struct project *p, int64_t *cursor, struct coding_change **out,
    size_t *n, bool *structure)
{
	sqlite3_stmt *st;
	struct coding_change *v = NULL;
	size_t cap = 0, k = 0, i, nimg = 0, capb = 0, capa = 0;
	char **before = NULL, **after = NULL;
	int64_t vis;
	int rc;

	/* One statement, one snapshot; other tables' rows only move the cursor.
	 * Images are copied out first: coding_from_json uses the cache. */
	if (structure != NULL)
		*structure = false;
	st = db_stmt(p, "SELECT id, CASE WHEN tbl = 'codings' THEN before END,"
	    " CASE WHEN tbl = 'codings' THEN after END, tbl = 'codings',"
	    " tbl IN ('documents', 'document_text', 'nodes')"
	    " FROM changes WHERE id > ?1 ORDER BY id");
	sqlite3_bind_int64(st, 1, *cursor);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*cursor = sqlite3_column_int64(st, 0);
		if (structure != NULL && sqlite3_column_int(st, 4))
			*structure = true;
		if (!sqlite3_column_int(st, 3))
			continue;
		before = xgrow(before, &capb, nimg + 1, sizeof *before);
		after = xgrow(after, &capa, nimg + 1, sizeof *after);
		before[nimg] = sqlite3_column_type(st, 1) == SQLITE_NULL ? NULL : db_col_str(st, 1);
		after[nimg] = sqlite3_column_type(st, 2) == SQLITE_NULL ? NULL : db_col_str(st, 2);
		nimg++;
	}
	sqlite3_reset(st);
	vis = db_visible_coder(p);
	for (i = 0; i < nimg; i++) {
		/* an update is the old row removed and the new one added; blind
		 * mode leaves other coders' out */
		if (before[i] != NULL) {
			v = xgrow(v, &cap, k + 1, sizeof *v);
			v[k].removed = true;
			coding_from_json(p, before[i], &v[k].c);
			k += vis == 0 || v[k].c.coder == vis;
		}
		if (after[i] != NULL) {
			v = xgrow(v, &cap, k + 1, sizeof *v);
			v[k].removed = false;
			coding_from_json(p, after[i], &v[k].c);
			k += vis == 0 || v[k].c.coder == vis;
		}
		free(before[i]);
		free(after[i]);
	}
	free(before);
	free(after);
	*out = v;
	*n = k;
	return rc == SQLITE_DONE ? AX_OK : db_sqlite_fail(p, rc);
}
