/*
 * db-counts.c: the codings per code and coder, kept as they change
 * (coding.h: coding_counts), and the read of one document's codings from
 * one index; the migration step that makes both.
 *
 * coding_counts holds one row per (node, coder) with at least one coding
 * and their number. Triggers on codings keep it in the transaction that
 * writes the coding, whoever writes (an action, undo and redo, merge,
 * import, a cascade from a deleted document, another process), so the
 * tree's counts cost a row per code and coder, not a read of every
 * coding. It is not in the change log: undo rewrites codings, and the
 * triggers follow. Like the search index (db-fts.c) it is outside the
 * schema comparison (db-check.c), but only object by object as made
 * here (db_counts_object): one of its names with other SQL is a
 * difference, and the file is refused, as any planted trigger is.
 * `axial check` finds an object missing and rows that are not a count of
 * the codings, and --repair builds it again; while an object is missing
 * the readers count the codings instead (db_counts_ready).
 *
 * codings_doc_cover replaces codings_doc(doc_id, start): it holds every
 * column coding_list returns, so one document's codings are read from
 * adjacent index pages in their order, without a lookup per coding in a
 * table whose rows lie wherever they were inserted.
 *
 * Invariants: coding_counts has no row with n <= 0, and after every
 * write equals SELECT node_id, coder_id, count(*) FROM codings GROUP BY
 * node_id, coder_id (tests/test-counts.c checks it after random writes,
 * undo and redo).
 */
#include <stdlib.h>
#include <string.h>

#include "store/coding.h"
#include "store/db-int.h"

#define COUNTS_TABLE \
	"CREATE TABLE coding_counts(" \
	"  node_id INTEGER NOT NULL," \
	"  coder_id INTEGER NOT NULL," \
	"  n INTEGER NOT NULL CHECK(n > 0)," \
	"  PRIMARY KEY(node_id, coder_id)) STRICT, WITHOUT ROWID"
#define COUNTS_UP(node, coder) \
	"INSERT INTO coding_counts(node_id, coder_id, n) VALUES(" node ", " \
	coder ", 1) ON CONFLICT DO UPDATE SET n = n + 1;"
/* the last coding takes its row along: no row holds 0 */
#define COUNTS_DOWN(node, coder) \
	"DELETE FROM coding_counts WHERE node_id = " node " AND coder_id = " \
	coder " AND n = 1;" \
	"UPDATE coding_counts SET n = n - 1 WHERE node_id = " node \
	" AND coder_id = " coder ";"
#define COUNTS_INSERT \
	"CREATE TRIGGER coding_counts_insert AFTER INSERT ON codings BEGIN " \
	COUNTS_UP("new.node_id", "new.coder_id") " END"
#define COUNTS_DELETE \
	"CREATE TRIGGER coding_counts_delete AFTER DELETE ON codings BEGIN " \
	COUNTS_DOWN("old.node_id", "old.coder_id") " END"
#define COUNTS_UPDATE \
	"CREATE TRIGGER coding_counts_update AFTER UPDATE OF node_id, coder_id" \
	" ON codings WHEN old.node_id IS NOT new.node_id OR old.coder_id IS NOT" \
	" new.coder_id BEGIN " COUNTS_DOWN("old.node_id", "old.coder_id") \
	COUNTS_UP("new.node_id", "new.coder_id") " END"
#define COUNTS_FILL \
	"INSERT INTO coding_counts(node_id, coder_id, n) SELECT node_id," \
	" coder_id, count(*) FROM codings GROUP BY node_id, coder_id"

const char db_counts_schema[] =
    COUNTS_TABLE ";" COUNTS_INSERT ";" COUNTS_DELETE ";" COUNTS_UPDATE ";"
    COUNTS_FILL ";"
    "CREATE INDEX codings_doc_cover ON codings(doc_id, start, end, id,"
    "  node_id, coder_id, created, guid);"
    "DROP INDEX codings_doc;";

/* The aggregate's objects as SQLite keeps them (sqlite_schema.sql is the
 * CREATE statement as written). */
static const struct {
	const char *name, *sql;
} objects[] = {
	{"coding_counts", COUNTS_TABLE},
	{"coding_counts_insert", COUNTS_INSERT},
	{"coding_counts_delete", COUNTS_DELETE},
	{"coding_counts_update", COUNTS_UPDATE},
};

/* How many of the aggregate's objects the file holds as made here. */
static int64_t
objects_intact(struct project *p)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name = ?1 AND sql = ?2");
	int64_t n = 0;
	size_t i;

	for (i = 0; i < AX_ARRAY_LEN(objects); i++) {
		sqlite3_bind_text(st, 1, objects[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, objects[i].sql, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			n += sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	return n;
}

bool
db_counts_object(const char *name, const char *sql)
{
	size_t i;

	for (i = 0; i < AX_ARRAY_LEN(objects); i++)
		if (strcmp(name, objects[i].name) == 0)
			return strcmp(sql, objects[i].sql) == 0;
	return false;
}

bool
db_counts_ready(struct project *p)
{
	return objects_intact(p) == (int64_t)AX_ARRAY_LEN(objects);
}

enum ax_status
coding_counts(struct project *p, struct coding_count **out, size_t *n)
{
	/* the same figures, from the codings when the aggregate is gone */
	static const char kept[] = "SELECT node_id, coder_id, n FROM"
	    " coding_counts WHERE :vis = 0 OR coder_id = :vis"
	    " ORDER BY node_id, coder_id";
	static const char counted[] = "SELECT node_id, coder_id, count(*) FROM"
	    " codings WHERE :vis = 0 OR coder_id = :vis"
	    " GROUP BY node_id, coder_id ORDER BY node_id, coder_id";
	sqlite3_stmt *st = db_stmt(p, db_counts_ready(p) ? kept : counted);
	struct coding_count *v = NULL;
	size_t cap = 0, k = 0;
	int rc;

	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":vis"),
	    db_visible_coder(p));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xgrow(v, &cap, k + 1, sizeof *v);
		v[k].node = sqlite3_column_int64(st, 0);
		v[k].coder = sqlite3_column_int64(st, 1);
		v[k].n = sqlite3_column_int64(st, 2);
		k++;
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

enum ax_status
db_counts_check(struct project *p)
{
	if (objects_intact(p) != (int64_t)AX_ARRAY_LEN(objects))
		return db_fail(p, AX_ERR_IO, "the coding counts are missing or "
		    "not as axial makes them");
	/* both ways: a row too many, too few or with another number */
	if (db_int(p, "SELECT EXISTS(SELECT node_id, coder_id, n FROM"
	    " coding_counts EXCEPT SELECT node_id, coder_id, count(*) FROM"
	    " codings GROUP BY node_id, coder_id) OR EXISTS(SELECT node_id,"
	    " coder_id, count(*) FROM codings GROUP BY node_id, coder_id EXCEPT"
	    " SELECT node_id, coder_id, n FROM coding_counts)", 0, 1) != 0)
		return db_fail(p, AX_ERR_IO, "the coding counts do not match the "
		    "codings");
	return AX_OK;
}

enum ax_status
db_counts_rebuild(struct project *p)
{
	enum ax_status s;

	p->rebuilding = true;
	s = db_action_begin(p, "coding counts rebuild");
	p->rebuilding = false;
	if (s != AX_OK)
		return s;
	s = db_exec(p, "DROP TABLE IF EXISTS coding_counts;"
	    "DROP TRIGGER IF EXISTS coding_counts_insert;"
	    "DROP TRIGGER IF EXISTS coding_counts_delete;"
	    "DROP TRIGGER IF EXISTS coding_counts_update;"
	    COUNTS_TABLE ";" COUNTS_INSERT ";" COUNTS_DELETE ";" COUNTS_UPDATE
	    ";" COUNTS_FILL ";");
	return db_action_end(p, s);
}
