/*
 * db-action.c: actions (db-int.h, docs/architecture.md §4). Every write is
 * an action in a BEGIN IMMEDIATE transaction: it takes the write lock at
 * its start, so two coders' processes queue on the busy handler
 * (db-conn.c, in the order of db-queue.c) and never get "database is
 * locked" from a read that tries to upgrade. Each action is a row of
 * `actions` naming the acting coder and the account that did it; the
 * change-log triggers hang its changes under it.
 */
#include <string.h>

#include "store/db-int.h"

/*
 * The acting coder's row, made on their first action by an action of its
 * own, "coder join", which the new row's change is logged under. It is not
 * undoable (state 'meta'): every later action names the row.
 */
static enum ax_status
coder_join(struct project *p)
{
	sqlite3_stmt *st;
	enum ax_status s;
	int64_t join;

	st = db_stmt(p, "INSERT INTO actions(coder_id, time, label, kind, state,"
	    " account) VALUES (NULL, strftime('%s','now'), 'coder join', 'do',"
	    " 'meta', ?1)");
	sqlite3_bind_text(st, 1, p->account, -1, SQLITE_STATIC);
	if ((s = db_exec_stmt(p, st)) != AX_OK)
		return s;
	join = sqlite3_last_insert_rowid(p->db);
	st = db_stmt(p, "INSERT INTO coders(login, name, guid, created, account)"
	    " VALUES (?1, ?1, uuid(), strftime('%s','now'), ?2)");
	sqlite3_bind_text(st, 1, p->login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->account, -1, SQLITE_STATIC);
	if ((s = db_exec_stmt(p, st)) != AX_OK)
		return s;
	p->coder_id = sqlite3_last_insert_rowid(p->db);
	st = db_stmt(p, "UPDATE actions SET coder_id = ?1 WHERE id = ?2");
	sqlite3_bind_int64(st, 1, p->coder_id);
	sqlite3_bind_int64(st, 2, join);
	return db_exec_stmt(p, st);
}

enum ax_status
db_coder_id(struct project *p, int64_t *id)
{
	/* db_action_open made the row before the action's own */
	if (p->depth <= 0 || p->coder_id == 0)
		fatal("internal error: no acting coder outside an action");
	*id = p->coder_id;
	return AX_OK;
}

/*
 * Rolls the open transaction back. A coder row made in it is gone too, so
 * the cached id is looked up again.
 */
static void
rollback(struct project *p)
{
	sqlite3_stmt *st;

	sqlite3_exec(p->db, "ROLLBACK", NULL, NULL, NULL);
	p->depth = 0;
	p->failed = false;
	p->coder_id = 0;
	st = db_stmt(p, "SELECT id FROM coders WHERE login = ?");
	sqlite3_bind_text(st, 1, p->login, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		p->coder_id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
}

/* Whether a trigger of the coding counts (db-counts.c) is in the file
 * without their table: then every coding write would fail inside SQLite,
 * so actions refuse to open until check --repair builds them again (its
 * own action comes with p->rebuilding). */
static bool
counts_orphaned(struct project *p)
{
	return db_int(p, "SELECT EXISTS(SELECT 1 FROM sqlite_schema WHERE"
	    " type = 'trigger' AND tbl_name = 'codings' AND name GLOB"
	    " 'coding_counts_*') AND NOT EXISTS(SELECT 1 FROM sqlite_schema"
	    " WHERE type = 'table' AND name = 'coding_counts') AND ?1", 1, 0) != 0;
}

/* Opens an action of the given kind; see db-int.h. */
enum ax_status
db_action_open(struct project *p, const char *label, const char *kind,
    int64_t target)
{
	sqlite3_stmt *st;
	enum ax_status s;

	if (p->readonly)
		return db_fail(p, AX_ERR_READONLY, "%s: the project is read-only; "
		    "nothing was changed", p->path);
	if (p->depth > 0) {
		p->depth++;
		return AX_OK;
	}
	if ((s = db_file_check(p)) != AX_OK)
		return s;
	/* behind whoever already waits for the write lock, if anyone */
	db_queue_enter(p);
	if (db_queue_turn(p, false) || db_conn_wait(p))
		s = db_exec(p, "BEGIN IMMEDIATE");
	else
		s = db_sqlite_fail(p, SQLITE_BUSY);
	db_queue_leave(p);
	if (s != AX_OK)
		return s;
	p->depth = 1;
	p->failed = false;
	if (!p->rebuilding && counts_orphaned(p)) {
		s = db_fail(p, AX_ERR_IO, "%s: the coding counts are damaged "
		    "(their table is gone); 'axial check --repair %s' builds them "
		    "again; nothing was changed", p->path, p->path);
		goto err;
	}
	if (p->coder_id == 0 && (s = coder_join(p)) != AX_OK)
		goto err;
	st = db_stmt(p, "INSERT INTO actions(coder_id, time, label, kind, target,"
	    " state, account) VALUES (?1, strftime('%s','now'), ?2, ?3, ?4, ?5, ?6)");
	sqlite3_bind_int64(st, 1, p->coder_id);
	sqlite3_bind_text(st, 2, label, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	if (target != 0)
		sqlite3_bind_int64(st, 4, target);
	sqlite3_bind_text(st, 5, strcmp(kind, "do") == 0 ? "done" : "meta", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 6, p->account, -1, SQLITE_STATIC);
	if ((s = db_exec_stmt(p, st)) != AX_OK)
		goto err;
	return AX_OK;
err:
	rollback(p);
	return s;
}

enum ax_status
db_action_begin(struct project *p, const char *label)
{
	return db_action_open(p, label, "do", 0);
}

enum ax_status
db_action_end(struct project *p, enum ax_status st)
{
	int64_t action;
	enum ax_status s;

	if (p->depth <= 0)
		return st;
	if (st != AX_OK)
		p->failed = true;
	if (--p->depth > 0)
		return st;
	if (p->failed) {
		rollback(p);
		return st != AX_OK ? st : db_fail(p, AX_ERR_IO,
		    "the action failed and was rolled back");
	}
	action = db_int(p, "SELECT max(id) FROM actions", 0, 0);
	if (db_int(p, "SELECT count(*) FROM changes WHERE action_id = ?", action, 0) == 0) {
		/* Nothing changed: keep no empty action, leave redo alone. */
		sqlite3_stmt *d = db_stmt(p, "DELETE FROM actions WHERE id = ?");

		sqlite3_bind_int64(d, 1, action);
		s = db_exec_stmt(p, d);
	} else if (db_int(p, "SELECT kind = 'do' FROM actions WHERE id = ?", action, 0)) {
		/* A new action ends what this coder could redo. */
		sqlite3_stmt *d = db_stmt(p, "UPDATE actions SET state = 'dead'"
		    " WHERE coder_id = ?1 AND state = 'undone'");

		sqlite3_bind_int64(d, 1, p->coder_id);
		s = db_exec_stmt(p, d);
	} else {
		s = AX_OK;
	}
	if (s == AX_OK)
		s = db_exec(p, "COMMIT");
	if (s != AX_OK)
		rollback(p);
	return s;
}

enum ax_status
db_action_relabel(struct project *p, const char *label)
{
	sqlite3_stmt *st;

	if (p->depth != 1)
		return AX_OK;
	st = db_stmt(p, "UPDATE actions SET label = ?1 WHERE id ="
	    " (SELECT max(id) FROM actions)");
	sqlite3_bind_text(st, 1, label, -1, SQLITE_TRANSIENT);
	return db_exec_stmt(p, st);
}

enum ax_status
project_begin(struct project *p, const char *label)
{
	return db_action_begin(p, label);
}

enum ax_status
project_commit(struct project *p)
{
	return db_action_end(p, AX_OK);
}

void
project_rollback(struct project *p)
{
	if (p->depth > 0)
		rollback(p);
}
