/*
 * db-blind.c: blind coding (blind.h). The session lives in meta:
 *   blind.coders      "login1,login2"   (absent: off)
 *   blind.done.LOGIN  Unix time the coder marked their coding done
 *   blind.start       the id of the action that started it (absent in a
 *                     session an older axial started: every code the other
 *                     coders made is then taken as made during it)
 * meta is in the change log, so starting, finishing and lifting a session
 * are actions undo takes back (db-history.c keeps a coder from hiding again
 * what has been shown). db_visible_coder() and the blind filter
 * (db_blind_bind, db-int.h) are what every reading path asks.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/blind.h"
#include "store/coder.h"
#include "base/i18n.h"
#include "store/db-int.h"

void
blind_status_done(struct blind_status *b)
{
	size_t i;

	for (i = 0; i < b->ncoders; i++)
		free(b->coders[i]);
	free(b->coders);
	free(b->done);
	memset(b, 0, sizeof *b);
}

enum ax_status
blind_status(struct project *p, struct blind_status *b)
{
	char *list = project_setting(p, "blind.coders"), *tok, *save = NULL;
	size_t cap = 0, i;

	memset(b, 0, sizeof *b);
	if (list == NULL)
		return AX_OK;
	b->on = true;
	for (tok = strtok_r(list, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		b->coders = xgrow(b->coders, &cap, b->ncoders + 1, sizeof *b->coders);
		b->coders[b->ncoders++] = xstrdup(tok);
	}
	free(list);
	b->done = xcalloc(b->ncoders + 1, sizeof *b->done);
	for (i = 0; i < b->ncoders; i++) {
		char *key = xasprintf("blind.done.%s", b->coders[i]), *v;

		v = project_setting(p, key);
		b->done[i] = v != NULL;
		if (!b->done[i])
			b->hidden = true;
		free(v);
		free(key);
	}
	return AX_OK;
}

int64_t
db_visible_coder(struct project *p)
{
	struct blind_status b;
	int64_t who;

	/* one indexed lookup when off, the usual case */
	if (db_int(p, "SELECT count(*) FROM meta WHERE key = 'blind.coders'", 0, 0) == 0)
		return 0;
	blind_status(p, &b);
	who = b.hidden ? (p->coder_id != 0 ? p->coder_id : -1) : 0;
	blind_status_done(&b);
	return who;
}

int64_t
blind_visible_coder(struct project *p)
{
	return db_visible_coder(p);
}

void
db_blind_bind(struct project *p, sqlite3_stmt *st)
{
	struct blind_status b;
	struct buf others = {0};
	int64_t vis = db_visible_coder(p), bvis = 0, start = 0, id;
	char *v;
	size_t i;

	buf_puts(&others, ",");
	if (vis != 0) {
		blind_status(p, &b);
		for (i = 0; i < b.ncoders; i++) {
			if (coder_find(p, b.coders[i], &id) != AX_OK)
				continue;
			if (id == vis || strcmp(b.coders[i], p->login) == 0)
				bvis = vis;	/* the reader is one of them */
			else
				buf_printf(&others, "%lld,", (long long)id);
		}
		blind_status_done(&b);
		if ((v = project_setting(p, "blind.start")) != NULL)
			start = strtoll(v, NULL, 10);
		free(v);
	}
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":vis"), vis);
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":bvis"), bvis);
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":bstart"), start);
	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":bothers"),
	    others.s, -1, SQLITE_TRANSIENT);
	buf_done(&others);
}

bool
db_blind_row_visible(struct project *p, const char *sql, int64_t id)
{
	sqlite3_stmt *st = db_stmt(p, sql);
	bool found;

	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":id"), id);
	db_blind_bind(p, st);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

bool
db_blind_node_visible(struct project *p, int64_t id)
{
	return db_blind_row_visible(p, "SELECT 1 FROM nodes n WHERE n.id = :id"
	    " AND " DB_BLIND_NODE("n.id"), id);
}

bool
db_blind_coding_visible(struct project *p, int64_t id)
{
	return db_blind_row_visible(p, "SELECT 1 FROM codings WHERE id = :id"
	    " AND (:vis = 0 OR coder_id = :vis)", id);
}

bool
db_blind_link_visible(struct project *p, int64_t id)
{
	return db_blind_row_visible(p, "SELECT 1 FROM links l WHERE l.id = :id"
	    " AND " DB_BLIND_LINK("l"), id);
}

enum ax_status
db_blind_may_change_node(struct project *p, int64_t id)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT :bvis = 0 OR EXISTS(SELECT 1"
	    " FROM changes bc JOIN actions ba ON ba.id = bc.action_id"
	    " WHERE bc.action_id > :bstart AND bc.tbl = 'nodes' AND"
	    " bc.op = 'insert' AND ba.kind = 'do' AND bc.row_id = :id AND"
	    " ba.coder_id = :bvis)");
	bool ok;

	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":id"), id);
	db_blind_bind(p, st);
	ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) != 0;
	sqlite3_reset(st);
	if (!ok)
		return db_fail(p, AX_ERR_PERM, "blind coding is on: a code the "
		    "other coders see stays as it is until the session ends (the "
		    "owner may change it); you may change the codes you made "
		    "since it started");
	return AX_OK;
}

bool
db_blind_hidden(struct project *p)
{
	struct blind_status b;
	bool hidden;

	blind_status(p, &b);
	hidden = b.hidden;
	blind_status_done(&b);
	return hidden;
}

static enum ax_status
need_owner(struct project *p, const char *what)
{
	if (strcmp(p->account, p->owner) != 0)
		return db_fail(p, AX_ERR_PERM, "only the project's owner (%s) can %s",
		    p->owner, _(what));
	return AX_OK;
}

enum ax_status
blind_start(struct project *p, const char *const *coders, size_t n)
{
	struct buf list = {0};
	enum ax_status s;
	size_t i;
	int64_t id;

	if ((s = need_owner(p, N_("start a blind session"))) != AX_OK)
		return s;
	if (n < 2)
		return db_fail(p, AX_ERR_INPUT, "a blind session needs two or more coders");
	for (i = 0; i < n; i++) {
		if ((s = coder_find(p, coders[i], &id)) != AX_OK)
			goto out;
		if (strchr(coders[i], ',') != NULL) {
			s = db_fail(p, AX_ERR_INPUT, "coder name '%s' has a comma", coders[i]);
			goto out;
		}
		buf_printf(&list, "%s%s", i ? "," : "", coders[i]);
	}
	if ((s = db_action_begin(p, "blind start")) != AX_OK)
		goto out;
	s = db_exec(p, "DELETE FROM meta WHERE key LIKE 'blind.%'");
	if (s == AX_OK)
		s = project_set_setting(p, "blind.coders", list.s);
	if (s == AX_OK) {
		char *start = xasprintf("%lld", (long long)db_int(p,
		    "SELECT max(id) FROM actions", 0, 0));

		s = project_set_setting(p, "blind.start", start);
		free(start);
	}
	s = db_action_end(p, s);
out:
	buf_done(&list);
	return s;
}

enum ax_status
blind_done(struct project *p)
{
	struct blind_status b;
	enum ax_status s;
	bool member = false;
	size_t i;

	/* checked inside the action: the owner cannot lift it meanwhile */
	if ((s = db_action_begin(p, "blind done")) != AX_OK)
		return s;
	blind_status(p, &b);
	for (i = 0; i < b.ncoders; i++)
		member |= strcmp(b.coders[i], p->login) == 0;
	if (!b.on)
		s = db_fail(p, AX_ERR_INPUT, "no blind session is on");
	else if (!member)
		s = db_fail(p, AX_ERR_PERM, "'%s' is not a coder of the blind session",
		    p->login);
	blind_status_done(&b);
	if (s == AX_OK) {
		char *key = xasprintf("blind.done.%s", p->login);
		char *when = xasprintf("%lld", (long long)time(NULL));

		s = project_set_setting(p, key, when);
		free(key);
		free(when);
	}
	return db_action_end(p, s);
}

enum ax_status
blind_lift(struct project *p)
{
	enum ax_status s;

	if ((s = need_owner(p, N_("lift blind mode"))) != AX_OK)
		return s;
	if ((s = db_action_begin(p, "blind lift")) != AX_OK)
		return s;
	return db_action_end(p, db_exec(p, "DELETE FROM meta WHERE key LIKE 'blind.%'"));
}

enum ax_status
blind_check_figures(struct project *p)
{
	struct blind_status b;
	struct buf waiting = {0};
	enum ax_status s = AX_OK;
	size_t i;

	blind_status(p, &b);
	if (b.hidden) {
		for (i = 0; i < b.ncoders; i++)
			if (!b.done[i])
				buf_printf(&waiting, "%s%s", waiting.len ? ", " : "", b.coders[i]);
		s = db_fail(p, AX_ERR_PERM, "blind coding is on: agreement figures and "
		    "other coders' codings stay hidden until every coder has marked "
		    "their coding done (waiting for %s) or the owner lifts it",
		    waiting.s);
	}
	buf_done(&waiting);
	blind_status_done(&b);
	return s;
}
