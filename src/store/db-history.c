/*
 * db-history.c: undo and redo as the inversion of a logged action.
 *
 * States of a coder's action A (kind 'do'):
 *
 *     done --undo--> undone --redo--> done
 *                      |
 *                      +-- the coder's next new action --> dead
 *
 * Undo of A opens action U (kind 'undo', target A) and applies the inverse
 * of A's changes, newest first: an insert is deleted, a delete re-inserted
 * from its before-image, an update set back to its before-image. Before
 * each step the row must still be as A left it (its after-image), or
 * another action has changed it since and the undo is refused. The triggers
 * log U's own changes; if U logged more changes than A had, the inverse
 * cascaded into rows A never touched (another coder's codings under a code
 * A created), and the undo is refused too. Redo of A inverts U the same way.
 * Foreign keys are deferred to commit, so rows come back in any order.
 *
 * Who may: only the coder who did A, from the account that did it (a name
 * can pass from one account to another; its past does not). An undo that
 * changes a coder row keeps the tie rule of coder.h, and one that would hide
 * again codings a blind session has shown is the owner's alone (blind.h).
 *
 * Invariants (what undo and redo require of the log, and keep):
 *   - a coder's actions form a stack: undo takes the newest 'done' one, so
 *     after an undo no 'done' action of that coder is newer than the one
 *     it undid (asserted); redo takes the target of the coder's newest
 *     undo entry that is still 'undone', so actions come back in the
 *     reverse order they went;
 *   - an undo or redo moves exactly one action between 'done' and
 *     'undone', and its own entry names that action as its target
 *     (asserted: each UPDATE of the actions row changes one row);
 *   - it inverts exactly the changes its action logged, one step each;
 *     more means the inverse cascaded into other rows, and it is refused;
 *   - the code tree stays a tree: putting a node back under its old parent
 *     can close a loop, or pass CODETREE_MAX_DEPTH, when codes were moved
 *     since; check_tree refuses it (db_codetree_check_undo). Only the undo
 *     of `axial check --repair` may bring a loop back: what it repaired.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "store/history.h"
#include "base/i18n.h"
#include "store/db-int.h"

/* json_object('id', "id", ...) over a table's columns, as the triggers make it. */
static void
image_expr(struct buf *b, const struct db_table *t)
{
	const char *const *c;

	buf_puts(b, "json_object(");
	for (c = t->cols; *c != NULL; c++)
		buf_printf(b, "%s'%s',\"%s\"", c == t->cols ? "" : ",", *c, *c);
	buf_putc(b, ')');
}

static char *
current_image(struct project *p, const struct db_table *t, int64_t row)
{
	struct buf b = {0};
	sqlite3_stmt *st;
	char *img = NULL;

	buf_puts(&b, "SELECT ");
	image_expr(&b, t);
	buf_printf(&b, " FROM \"%s\" WHERE id = ?", t->name);
	if (sqlite3_prepare_v2(p->db, b.s, -1, &st, NULL) != SQLITE_OK)
		fatal("internal SQL error: %s", sqlite3_errmsg(p->db));
	sqlite3_bind_int64(st, 1, row);
	if (sqlite3_step(st) == SQLITE_ROW)
		img = db_col_str(st, 0);
	sqlite3_finalize(st);
	buf_done(&b);
	return img;
}

/* Runs sql with ?1 = image, ?2 = row id. */
static enum ax_status
apply(struct project *p, const char *sql, const char *image, int64_t row)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(p->db, sql, -1, &st, NULL) != SQLITE_OK)
		fatal("internal SQL error: %s\n%s", sqlite3_errmsg(p->db), sql);
	if (sqlite3_bind_parameter_count(st) >= 1)
		sqlite3_bind_text(st, 1, image ? image : "{}", -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_int64(st, 2, row);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? AX_OK : db_sqlite_fail(p, rc);
}

static enum ax_status
invert_one(struct project *p, const struct db_table *t, int64_t row,
    const char *op, const char *before, const char *after, const char *label)
{
	char *cur = current_image(p, t, row);
	struct buf b = {0};
	const char *const *c;
	enum ax_status s;
	bool ok;

	if (strcmp(op, "delete") == 0)
		ok = cur == NULL;
	else if (strcmp(op, "insert") == 0)
		ok = cur != NULL && (after == NULL || strcmp(cur, after) == 0);
	else
		ok = cur != NULL && after != NULL && strcmp(cur, after) == 0;
	free(cur);
	if (!ok)
		return db_fail(p, AX_ERR_CONFLICT, "cannot undo or redo '%s': %s #%lld "
		    "was changed since by another action", label, t->name,
		    (long long)row);
	if (strcmp(t->name, "coders") == 0 &&
	    (s = db_coder_check_undo(p, row, op, before, label)) != AX_OK)
		return s;
	if (strcmp(op, "insert") == 0) {
		buf_printf(&b, "DELETE FROM \"%s\" WHERE id = ?2", t->name);
	} else if (strcmp(op, "delete") == 0) {
		buf_printf(&b, "INSERT INTO \"%s\"(", t->name);
		for (c = t->cols; *c != NULL; c++)
			buf_printf(&b, "%s\"%s\"", c == t->cols ? "" : ",", *c);
		buf_puts(&b, ") SELECT ");
		for (c = t->cols; *c != NULL; c++)
			buf_printf(&b, "%sjson_extract(?1,'$.%s')", c == t->cols ? "" : ",", *c);
	} else {
		buf_printf(&b, "UPDATE \"%s\" SET ", t->name);
		for (c = t->cols + 1; *c != NULL; c++)
			buf_printf(&b, "%s\"%s\"=json_extract(?1,'$.%s')",
			    c == t->cols + 1 ? "" : ",", *c, *c);
		buf_puts(&b, " WHERE id = ?2");
	}
	s = apply(p, b.s, before, row);
	buf_done(&b);
	return s;
}

/* Applies the inverse of action src inside the open action dst. */
static enum ax_status
invert(struct project *p, int64_t src, int64_t dst, const char *label)
{
	sqlite3_stmt *st;
	enum ax_status s = AX_OK;
	int64_t n = 0;
	int rc;

	if ((s = db_exec(p, "PRAGMA defer_foreign_keys = ON")) != AX_OK)
		return s;
	/* Not the statement cache: invert_one prepares statements meanwhile. */
	if (sqlite3_prepare_v2(p->db, "SELECT tbl, row_id, op, before, after FROM"
	    " changes WHERE action_id = ? ORDER BY id DESC", -1, &st, NULL) != SQLITE_OK)
		fatal("internal SQL error: %s", sqlite3_errmsg(p->db));
	sqlite3_bind_int64(st, 1, src);
	while (s == AX_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const struct db_table *t = db_table_find((const char *)sqlite3_column_text(st, 0));

		if (t == NULL) {
			s = db_fail(p, AX_ERR_CONFLICT, "cannot undo '%s': it changed "
			    "a table this axial does not know", label);
			break;
		}
		s = invert_one(p, t, sqlite3_column_int64(st, 1),
		    (const char *)sqlite3_column_text(st, 2),
		    (const char *)sqlite3_column_text(st, 3),
		    (const char *)sqlite3_column_text(st, 4), label);
		n++;
	}
	sqlite3_finalize(st);
	if (s == AX_OK && db_int(p, "SELECT count(*) FROM changes WHERE action_id = ?",
	    dst, 0) != n)
		s = db_fail(p, AX_ERR_CONFLICT, "cannot undo or redo '%s': other "
		    "coders' work depends on it", label);
	return s;
}

/* Every node that action src touched and that is there now still sits in
 * a tree: a node back under its old parent (an update, or a re-insert)
 * may close a loop or pass the depth limit when another action moved
 * that parent since. Checked once every row is back. */
static enum ax_status
check_tree(struct project *p, int64_t src, const char *label)
{
	sqlite3_stmt *st;
	enum ax_status s = AX_OK;

	/* Not the statement cache: the check uses it meanwhile. */
	if (sqlite3_prepare_v2(p->db, "SELECT DISTINCT c.row_id FROM changes c"
	    " JOIN nodes n ON n.id = c.row_id WHERE c.action_id = ?"
	    " AND c.tbl = 'nodes'", -1, &st, NULL) != SQLITE_OK)
		fatal("internal SQL error: %s", sqlite3_errmsg(p->db));
	sqlite3_bind_int64(st, 1, src);
	while (s == AX_OK && sqlite3_step(st) == SQLITE_ROW)
		s = db_codetree_check_undo(p, sqlite3_column_int64(st, 0), label);
	sqlite3_finalize(st);
	return s;
}

static enum ax_status
run(struct project *p, bool redo, char **label_out)
{
	sqlite3_stmt *st;
	enum ax_status s;
	int64_t target = 0, src = 0, self;
	char *label = NULL, *who = NULL;
	bool hidden;

	if (p->coder_id == 0)
		return db_fail(p, AX_ERR_NOTHING, "%s", redo ? _("nothing to redo") :
		    _("nothing to undo"));
	if ((s = db_action_open(p, redo ? "redo" : "undo", redo ? "redo" : "undo", 0)) != AX_OK)
		return s;
	self = db_int(p, "SELECT max(id) FROM actions", 0, 0);
	/* Looked up inside the transaction: no other process can race it. */
	if (redo)
		st = db_stmt(p, "SELECT a.id, u.id, a.label, a.account FROM actions u"
		    " JOIN actions a ON a.id = u.target WHERE u.kind = 'undo' AND"
		    " u.coder_id = ?1 AND a.state = 'undone' ORDER BY u.id DESC LIMIT 1");
	else
		st = db_stmt(p, "SELECT id, id, label, account FROM actions WHERE"
		    " coder_id = ?1 AND kind = 'do' AND state = 'done'"
		    " ORDER BY id DESC LIMIT 1");
	sqlite3_bind_int64(st, 1, p->coder_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		target = sqlite3_column_int64(st, 0);
		src = sqlite3_column_int64(st, 1);
		label = db_col_str(st, 2);
		who = db_col_str(st, 3);
	}
	sqlite3_reset(st);
	if (target == 0) {
		s = db_fail(p, AX_ERR_NOTHING, "%s", redo ? _("nothing to redo") :
		    _("nothing to undo"));
		goto end;
	}
	/* A name can pass to another account; its past stays the doer's.
	 * (Actions from before accounts were logged have none.) */
	if (*who != '\0' && strcmp(who, p->account) != 0) {
		s = db_fail(p, AX_ERR_PERM, "cannot undo or redo '%s': account '%s' "
		    "did it as '%s', and only that account can take it back",
		    label, who, p->login);
		goto end;
	}
	hidden = db_blind_hidden(p);
	st = db_stmt(p, "UPDATE actions SET target = ?2, label = ?3 WHERE id = ?1");
	sqlite3_bind_int64(st, 1, self);
	sqlite3_bind_int64(st, 2, target);
	sqlite3_bind_text(st, 3, label, -1, SQLITE_STATIC);
	if ((s = db_exec_stmt(p, st)) != AX_OK)
		goto end;
	assert(sqlite3_changes(p->db) == 1);	/* this action's own row */
	if ((s = invert(p, src, self, label)) != AX_OK)
		goto end;
	/* (undoing a repair brings back on purpose what it repaired) */
	if (strcmp(label, DB_REPAIR_LABEL) != 0 &&
	    (s = check_tree(p, src, label)) != AX_OK)
		goto end;
	/* Hiding again what every coder has seen is starting a blind session
	 * anew, which is the owner's (blind.h). */
	if (!hidden && db_blind_hidden(p) && strcmp(p->account, p->owner) != 0) {
		s = db_fail(p, AX_ERR_PERM, "cannot undo or redo '%s': it would "
		    "hide codings every coder has already seen (only the owner "
		    "can start a blind session again)", label);
		goto end;
	}
	st = db_stmt(p, "UPDATE actions SET state = ?2 WHERE id = ?1");
	sqlite3_bind_int64(st, 1, target);
	sqlite3_bind_text(st, 2, redo ? "done" : "undone", -1, SQLITE_STATIC);
	s = db_exec_stmt(p, st);
	assert(s != AX_OK || sqlite3_changes(p->db) == 1);
	assert(s != AX_OK || redo || db_int(p, "SELECT count(*) FROM actions a"
	    " JOIN actions t ON t.id = ?1 WHERE a.coder_id = t.coder_id AND"
	    " a.kind = 'do' AND a.state = 'done' AND a.id > t.id", target, 1) == 0);
end:
	free(who);
	s = db_action_end(p, s);
	if (s == AX_OK && label_out != NULL)
		*label_out = label;
	else
		free(label);
	return s;
}

enum ax_status
history_undo(struct project *p, char **label)
{
	return run(p, false, label);
}

enum ax_status
history_redo(struct project *p, char **label)
{
	return run(p, true, label);
}

/* A node's or document's name: its own, or, when it was deleted since, the
 * one in its newest logged before-image. */
static char *
row_name(struct project *p, bool doc, int64_t id)
{
	sqlite3_stmt *st = db_stmt(p, doc ?
	    "SELECT coalesce((SELECT name FROM documents WHERE id = ?1),"
	    " (SELECT json_extract(before, '$.name') FROM changes WHERE"
	    " tbl = 'documents' AND row_id = ?1 AND before IS NOT NULL"
	    " ORDER BY id DESC LIMIT 1), '#' || ?1)" :
	    "SELECT coalesce((SELECT name FROM nodes WHERE id = ?1),"
	    " (SELECT json_extract(before, '$.name') FROM changes WHERE"
	    " tbl = 'nodes' AND row_id = ?1 AND before IS NOT NULL"
	    " ORDER BY id DESC LIMIT 1), '#' || ?1)");
	char *name = NULL;

	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		name = db_col_str(st, 0);
	sqlite3_reset(st);
	return name != NULL ? name : xstrdup("?");
}

/*
 * What action `action` touched, by name: its first coding, code or
 * document change (a code or document before the codings that went with
 * it), and how many more of the same table. In a blind session another
 * coder's codings are not described.
 */
static char *
describe(struct project *p, int64_t action)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT c.tbl, c.op,"
	    " json_extract(c.before, '$.name'), json_extract(c.after, '$.name'),"
	    " json_extract(coalesce(c.after, c.before), '$.doc_id'),"
	    " json_extract(coalesce(c.after, c.before), '$.node_id'),"
	    " json_extract(coalesce(c.after, c.before), '$.start'),"
	    " json_extract(coalesce(c.after, c.before), '$.end')"
	    " FROM changes c WHERE c.action_id = ?1 AND (c.tbl IN"
	    " ('nodes', 'documents') OR (c.tbl = 'codings' AND (?2 = 0 OR"
	    " json_extract(coalesce(c.after, c.before), '$.coder_id') = ?2)))"
	    " ORDER BY c.tbl = 'codings', c.id");
	struct buf b = {0};
	char *first = NULL, *code, *doc;
	const char *tbl, *before, *after;
	size_t more = 0;

	sqlite3_bind_int64(st, 1, action);
	sqlite3_bind_int64(st, 2, db_visible_coder(p));
	while (sqlite3_step(st) == SQLITE_ROW) {
		tbl = (const char *)sqlite3_column_text(st, 0);
		if (first != NULL) {
			more += strcmp(first, tbl) == 0;
			continue;
		}
		first = xstrdup(tbl);
		before = (const char *)sqlite3_column_text(st, 2);
		after = (const char *)sqlite3_column_text(st, 3);
		if (strcmp(tbl, "codings") == 0) {
			code = row_name(p, false, sqlite3_column_int64(st, 5));
			doc = row_name(p, true, sqlite3_column_int64(st, 4));
			buf_printf(&b, _("«%s» in «%s» [%lld,%lld)"), code, doc,
			    (long long)sqlite3_column_int64(st, 6),
			    (long long)sqlite3_column_int64(st, 7));
			free(code);
			free(doc);
		} else if (before != NULL && after != NULL &&
		    strcmp(before, after) != 0)
			buf_printf(&b, "«%s» → «%s»", before, after);
		else
			buf_printf(&b, "«%s»", after != NULL ? after :
			    before != NULL ? before : "?");
	}
	sqlite3_reset(st);
	if (more > 0)
		buf_printf(&b, ngettext(" and %zu more", " and %zu more", more),
		    more);
	free(first);
	return b.s != NULL ? buf_take(&b) : xstrdup("");
}

enum ax_status
history_log(struct project *p, size_t limit, struct history_entry **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT a.id, a.time, (SELECT count(*) FROM"
	    " changes c WHERE c.action_id = a.id), ifnull(k.login, ''), a.label,"
	    " a.kind, a.state, a.account FROM actions a LEFT JOIN coders k"
	    " ON k.id = a.coder_id WHERE " DB_BLIND_BY("a.coder_id")
	    " ORDER BY a.id DESC LIMIT :limit");
	struct history_entry *v = NULL;
	size_t cap = 0, k = 0, i;

	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":limit"),
	    (int64_t)limit);
	db_blind_bind(p, st);
	while (sqlite3_step(st) == SQLITE_ROW) {
		v = xgrow(v, &cap, k + 1, sizeof *v);
		v[k].id = sqlite3_column_int64(st, 0);
		v[k].time = sqlite3_column_int64(st, 1);
		v[k].nchanges = sqlite3_column_int64(st, 2);
		v[k].coder = db_col_str(st, 3);
		v[k].label = db_col_str(st, 4);
		v[k].kind = db_col_str(st, 5);
		v[k].state = db_col_str(st, 6);
		v[k].account = db_col_str(st, 7);
		k++;
	}
	sqlite3_reset(st);
	/* after the walk: describe() uses statements of its own */
	for (i = 0; i < k; i++)
		v[i].detail = describe(p, v[i].id);
	*out = v;
	*n = k;
	return AX_OK;
}

void
history_log_free(struct history_entry *e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(e[i].coder);
		free(e[i].label);
		free(e[i].kind);
		free(e[i].state);
		free(e[i].account);
		free(e[i].detail);
	}
	free(e);
}
