/*
 * db-coder.c: coders (coder.h). Coder rows are in the change log, so adding
 * and tying a coder are actions undo takes back; a tie, whether made or
 * undone, keeps the rule that a name stays with the account holding it.
 */
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#include "store/coder.h"
#include "store/compare.h"
#include "base/i18n.h"
#include "store/db-int.h"

#define PASS_SUFFIX "-retest"	/* coder_add_pass's names (retest.h) */

void
coder_list_free_one(struct coder *c)
{
	free(c->login);
	free(c->name);
	free(c->color);
	free(c->account);
	free(c->guid);
}

void
coder_list_free(struct coder *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		coder_list_free_one(&c[i]);
	free(c);
}

enum ax_status
coder_list(struct project *p, struct coder **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT id, login, name, color, account, guid"
	    " FROM coders ORDER BY id");
	struct coder *v = NULL;
	size_t cap = 0, k = 0;

	while (sqlite3_step(st) == SQLITE_ROW) {
		v = xgrow(v, &cap, k + 1, sizeof *v);
		v[k].id = sqlite3_column_int64(st, 0);
		v[k].login = db_col_str(st, 1);
		v[k].name = db_col_str(st, 2);
		v[k].color = db_col_str(st, 3);
		v[k].account = db_col_str(st, 4);
		v[k].guid = db_col_str(st, 5);
		k++;
	}
	sqlite3_reset(st);
	*out = v;
	*n = k;
	return AX_OK;
}

enum ax_status
coder_find(struct project *p, const char *login, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT id FROM coders WHERE login = ?");
	enum ax_status s = AX_OK;

	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else
		s = db_fail(p, AX_ERR_NOTFOUND, "no coder '%s'", login);
	sqlite3_reset(st);
	return s;
}

enum ax_status
coder_import(struct project *p, const char *login, const char *name,
    const char *guid, int64_t *id)
{
	char *nlogin;
	sqlite3_stmt *st;
	enum ax_status s;

	if (guid != NULL) {
		st = db_stmt(p, "SELECT id FROM coders WHERE guid = lower(?)");
		sqlite3_bind_text(st, 1, guid, -1, SQLITE_STATIC);
		*id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_reset(st);
		if (*id != 0)
			return AX_OK;
	}
	if ((nlogin = db_coder_fields(p, login, name, NULL, NULL)) == NULL)
		return AX_ERR_INPUT;
	if (coder_find(p, nlogin, id) == AX_OK) {
		free(nlogin);
		return AX_OK;
	}
	if ((s = db_action_begin(p, "coder import")) != AX_OK)
		goto out;
	/* No account: the row records whose work this is and lets nobody act
	 * as that coder, so no owner's permission is needed. */
	st = db_stmt(p, "INSERT INTO coders(login, name, color, account, guid, created)"
	    " VALUES (?1, ifnull(?2, ?1), '', '', ifnull(lower(?3), uuid()),"
	    " strftime('%s','now'))");
	sqlite3_bind_text(st, 1, nlogin, -1, SQLITE_STATIC);
	if (name != NULL && *name != '\0')
		sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	if (guid != NULL)
		sqlite3_bind_text(st, 3, guid, -1, SQLITE_STATIC);
	s = db_exec_stmt(p, st);
	if (s == AX_OK)
		*id = sqlite3_last_insert_rowid(p->db);
	s = db_action_end(p, s);
out:
	free(nlogin);
	return s;
}

/* Whether an OS account of this name exists here; the acting account may
 * have no password entry ("uid<N>"). */
static bool
is_account(struct project *p, const char *name)
{
	return strcmp(name, p->account) == 0 || getpwnam(name) != NULL;
}

/*
 * The account holding coder `login`, NULL if none: the account it is tied
 * to; for a name tied to none, the account of that name here, which may act
 * as it (check_identity); for a second pass LOGIN-retest, LOGIN's holder,
 * whose pass it is (coder_add_pass).
 */
static char *
holder(struct project *p, const char *login)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT account FROM coders WHERE login = ?");
	size_t n = strlen(login), k = strlen(PASS_SUFFIX);
	char *h = NULL, *base;

	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		h = db_col_str(st, 0);
	sqlite3_reset(st);
	if (h != NULL && *h != '\0')
		return h;
	free(h);
	if (is_account(p, login))
		return xstrdup(login);
	if (n <= k || strcmp(login + n - k, PASS_SUFFIX) != 0)
		return NULL;
	base = xstrndup(login, n - k);	/* shorter each time: this ends */
	h = holder(p, base);
	free(base);
	return h;
}

/* Whether account `who` has ever acted as coder row `id`. */
static bool
has_acted(struct project *p, int64_t id, const char *who)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT 1 FROM actions WHERE coder_id = ?1"
	    " AND account = ?2 LIMIT 1");
	bool yes;

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, who, -1, SQLITE_STATIC);
	yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return yes;
}

/*
 * Whether coder `login` (row `id`, 0 if none) may be tied to account `to`
 * ("" unties) by the acting account. The holder may keep it or give it
 * away, a name nobody holds is free, and an account's own name is its own
 * for good. An undo or redo (label not NULL) may also take back a tie the
 * holder has never acted under.
 */
static enum ax_status
may_tie(struct project *p, int64_t id, const char *login, const char *to,
    const char *label)
{
	bool own_name = is_account(p, login);
	char *h;
	enum ax_status s = AX_OK;

	if (strcmp(login, CONSENSUS_CODER) == 0)
		return db_fail(p, AX_ERR_PERM, "cannot tie coder '%s': the "
		    "consensus coding is nobody's to act as", login);
	h = own_name ? xstrdup(login) : holder(p, login);
	if (h == NULL || strcmp(h, to) == 0 ||
	    (!own_name && strcmp(h, p->account) == 0) ||
	    (label != NULL && !own_name && id != 0 && !has_acted(p, id, h)))
		s = AX_OK;
	else if (label != NULL)
		s = db_fail(p, AX_ERR_PERM, "cannot undo or redo '%s': it would "
		    "take coder '%s' from account '%s', which holds it", label,
		    login, h);
	else if (*to == '\0')
		s = db_fail(p, AX_ERR_PERM, "cannot untie coder '%s': it is held "
		    "by account '%s'", login, h);
	else
		s = db_fail(p, AX_ERR_PERM, "cannot tie coder '%s' to account "
		    "'%s': it is held by account '%s'", login, to, h);
	free(h);
	return s;
}

enum ax_status
db_coder_check_undo(struct project *p, int64_t row, const char *op,
    const char *before, const char *label)
{
	sqlite3_stmt *st;
	char *login = NULL, *was = NULL, *now = NULL;
	enum ax_status s = AX_OK;

	if (strcmp(op, "insert") == 0) {
		/* the inverse removes the row: nothing may name it */
		if (db_int(p, "SELECT EXISTS(SELECT 1 FROM actions WHERE coder_id = ?1)"
		    " OR EXISTS(SELECT 1 FROM codings WHERE coder_id = ?1)"
		    " OR EXISTS(SELECT 1 FROM memos WHERE author_id = ?1)"
		    " OR EXISTS(SELECT 1 FROM links WHERE author_id = ?1)"
		    " OR EXISTS(SELECT 1 FROM decisions WHERE ?1 IN"
		    " (coder_a, coder_b, decided_by))", row, 0)) {
			st = db_stmt(p, "SELECT login FROM coders WHERE id = ?");
			sqlite3_bind_int64(st, 1, row);
			login = sqlite3_step(st) == SQLITE_ROW ? db_col_str(st, 0) :
			    xstrdup("?");
			sqlite3_reset(st);
			s = db_fail(p, AX_ERR_CONFLICT, "cannot undo or redo '%s': "
			    "coder '%s' has acted or been named since", label, login);
			free(login);
		}
		return s;
	}
	st = db_stmt(p, "SELECT json_extract(?1, '$.login'),"
	    " json_extract(?1, '$.account'), (SELECT account FROM coders"
	    " WHERE id = ?2)");
	sqlite3_bind_text(st, 1, before != NULL ? before : "{}", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, row);
	if (sqlite3_step(st) == SQLITE_ROW) {
		login = db_col_str(st, 0);
		was = db_col_str(st, 1);
		now = db_col_str(st, 2);
	}
	sqlite3_reset(st);
	/* the inverse restores `was`: an update back, a delete re-inserted */
	if (login != NULL && strcmp(was, now) != 0)
		s = may_tie(p, strcmp(op, "update") == 0 ? row : 0, login, was, label);
	free(login);
	free(was);
	free(now);
	return s;
}

enum ax_status
coder_add(struct project *p, const char *login, const char *name,
    const char *color, const char *account)
{
	char *nlogin, *cur = NULL;
	sqlite3_stmt *st;
	enum ax_status s;
	int64_t id = 0;

	if ((nlogin = db_coder_fields(p, login, name, color, account)) == NULL)
		return AX_ERR_INPUT;
	/* Tying a name to an account lets that account act under it: the
	 * owner's decision alone, as is adding coders other than oneself. */
	if ((account != NULL || strcmp(nlogin, p->login) != 0) &&
	    strcmp(p->account, p->owner) != 0) {
		s = db_fail(p, AX_ERR_PERM, "only the project's owner (%s) can add "
		    "other coders or tie a coder to an account", p->owner);
		free(nlogin);
		return s;
	}
	if ((s = db_action_begin(p, "coder add")) != AX_OK)
		goto out;
	/* read inside the action's transaction: nobody ties it meanwhile */
	st = db_stmt(p, "SELECT id, account FROM coders WHERE login = ?");
	sqlite3_bind_text(st, 1, nlogin, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		cur = db_col_str(st, 1);
	}
	sqlite3_reset(st);
	if (account != NULL && (cur == NULL || strcmp(cur, account) != 0))
		s = may_tie(p, id, nlogin, account, NULL);
	if (s == AX_OK && cur != NULL && p->depth == 1) {
		/* the log says what it was: a tie or an edit of a coder */
		st = db_stmt(p, "UPDATE actions SET label = ?1 WHERE id ="
		    " (SELECT max(id) FROM actions)");
		sqlite3_bind_text(st, 1, account != NULL && strcmp(cur, account) != 0 ?
		    "coder tie" : "coder edit", -1, SQLITE_STATIC);
		s = db_exec_stmt(p, st);
	}
	if (s == AX_OK) {
		st = db_stmt(p, "INSERT INTO coders(login, name, color, account, guid,"
		    " created) VALUES (?1, ifnull(?2, ?1), ifnull(?3, ''), ifnull(?4, ''),"
		    " uuid(), strftime('%s','now')) ON CONFLICT(login) DO UPDATE SET"
		    " name = ifnull(?2, name), color = ifnull(?3, color),"
		    " account = ifnull(?4, account)");
		sqlite3_bind_text(st, 1, nlogin, -1, SQLITE_STATIC);
		if (name != NULL)
			sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
		if (color != NULL)
			sqlite3_bind_text(st, 3, color, -1, SQLITE_STATIC);
		if (account != NULL)
			sqlite3_bind_text(st, 4, account, -1, SQLITE_STATIC);
		s = db_exec_stmt(p, st);
	}
	s = db_action_end(p, s);
out:
	free(cur);
	free(nlogin);
	return s;
}

enum ax_status
coder_add_pass(struct project *p, const char *login)
{
	char *want = xasprintf("%s-retest", p->login);
	sqlite3_stmt *st;
	enum ax_status s;

	if (strcmp(login, want) != 0) {
		s = db_fail(p, AX_ERR_PERM, "a second pass of '%s' is called '%s'",
		    p->login, want);
		free(want);
		return s;
	}
	free(want);
	if ((s = db_action_begin(p, "retest start")) != AX_OK)
		return s;
	st = db_stmt(p, "INSERT INTO coders(login, name, account, guid, created)"
	    " VALUES (?1, ?2, ?3, uuid(), strftime('%s','now'))"
	    " ON CONFLICT(login) DO NOTHING");
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, p->account, -1, SQLITE_STATIC);
	s = db_exec_stmt(p, st);
	return db_action_end(p, s);
}
