/* db-coder.c: coders (coder.h). Coder rows are not in the change log. */
#include <stdlib.h>
#include <string.h>

#include "axial/coder.h"
#include "axial/i18n.h"
#include "db-int.h"

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

enum ax_status
coder_add(struct project *p, const char *login, const char *name,
    const char *color, const char *account)
{
	char *nlogin;
	sqlite3_stmt *st;
	enum ax_status s;

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
	st = db_stmt(p, "INSERT INTO coders(login, name, color, account, guid, created)"
	    " VALUES (?1, ifnull(?2, ?1), ifnull(?3, ''), ifnull(?4, ''), uuid(),"
	    " strftime('%s','now')) ON CONFLICT(login) DO UPDATE SET"
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
	if (s == AX_OK && strcmp(nlogin, p->login) == 0)
		coder_find(p, nlogin, &p->coder_id);
	s = db_action_end(p, s);
out:
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
