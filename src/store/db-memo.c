/*
 * db-memo.c: memos (memo.h). A memo's target has no foreign key (it may be
 * a document, a node, a coding or a link), so this file checks the target
 * exists and the deletes in db-document.c, db-codetree.c, db-coding.c and
 * db-link.c remove memos with what they annotate.
 */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "store/memo.h"
#include "store/db-int.h"

static const char *const target_names[] = {"free", "document", "node",
	"coding", "link"};
static const char *const type_names[] = {"free", "code", "theoretical",
	"operational", "storyline"};

const char *
memo_target_name(enum memo_target t)
{
	return (unsigned)t < AX_ARRAY_LEN(target_names) ? target_names[t] : "free";
}

int
memo_target_parse(const char *s)
{
	if (strcmp(s, "code") == 0 || strcmp(s, "category") == 0)
		return MEMO_NODE;
	return str_index(target_names, AX_ARRAY_LEN(target_names), s);
}

const char *
memo_type_name(enum memo_type t)
{
	return (unsigned)t < AX_ARRAY_LEN(type_names) ? type_names[t] : "free";
}

int
memo_type_parse(const char *s)
{
	return str_index(type_names, AX_ARRAY_LEN(type_names), s);
}

void
memo_done(struct memo *m)
{
	free(m->title);
	free(m->body);
	free(m->author);
	free(m->guid);
	memset(m, 0, sizeof *m);
}

void
memo_list_free(struct memo *m, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		memo_done(&m[i]);
	free(m);
}

static enum ax_status
check_target(struct project *p, enum memo_target t, int64_t id)
{
	bool found;

	if (t == MEMO_FREE)
		return AX_OK;
	/* a blind session's hidden code or coding is as if there were none */
	switch (t) {
	case MEMO_DOCUMENT:
		found = db_int(p, "SELECT count(*) FROM documents WHERE id = ?", id, 0) > 0;
		break;
	case MEMO_NODE:
		found = db_blind_node_visible(p, id);
		break;
	case MEMO_CODING:
		found = db_blind_coding_visible(p, id);
		break;
	case MEMO_LINK:
		found = db_blind_link_visible(p, id);
		break;
	default:
		found = false;
	}
	if (!found)
		return db_fail(p, AX_ERR_NOTFOUND, t == MEMO_DOCUMENT ?
		    _("no document #%lld to write a memo on") : t == MEMO_NODE ?
		    _("no code or category #%lld to write a memo on") :
		    t == MEMO_LINK ? _("no link #%lld to write a memo on") :
		    _("no coding #%lld to write a memo on"), (long long)id);
	return AX_OK;
}

/* A storyline memo tells the story around a category (the core one). */
static enum ax_status
check_storyline(struct project *p, enum memo_target t, int64_t id)
{
	if (t == MEMO_NODE && db_int(p, "SELECT kind = 'category' FROM nodes"
	    " WHERE id = ?", id, 0))
		return AX_OK;
	return db_fail(p, AX_ERR_INPUT, "a storyline memo goes on a category "
	    "(normally the core category), not on %s", t == MEMO_NODE ?
	    _("a code") : t == MEMO_FREE ? _("nothing") : t == MEMO_DOCUMENT ?
	    _("a document") : t == MEMO_LINK ? _("a link") : _("a coding"));
}

enum ax_status
memo_add(struct project *p, enum memo_target target, int64_t target_id,
    enum memo_type type, const char *title, const char *body, int64_t *id)
{
	struct memo_import_info mi = {0, 0, 0, NULL};
	enum ax_status s;

	if (type != MEMO_TYPE_STORYLINE)
		return memo_add_ex(p, target, target_id, type, title, body, &mi, id);
	/* the target is checked inside the action memo_add_ex joins */
	if ((s = db_action_begin(p, "memo add")) != AX_OK)
		return s;
	if ((s = check_target(p, target, target_id)) == AX_OK &&
	    (s = check_storyline(p, target, target_id)) == AX_OK)
		s = memo_add_ex(p, target, target_id, type, title, body, &mi, id);
	return db_action_end(p, s);
}

enum ax_status
memo_find_guid(struct project *p, const char *guid, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT id FROM memos WHERE guid = lower(?)");
	enum ax_status s = AX_OK;

	sqlite3_bind_text(st, 1, guid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else
		s = db_fail(p, AX_ERR_NOTFOUND, "no memo with GUID %s", guid);
	sqlite3_reset(st);
	return s;
}

enum ax_status
memo_add_ex(struct project *p, enum memo_target target, int64_t target_id,
    enum memo_type type, const char *title, const char *body,
    const struct memo_import_info *mi, int64_t *id)
{
	sqlite3_stmt *st;
	enum ax_status s;
	int64_t coder;

	if ((s = db_label(p, NAME_MEMO_TITLE, title)) != AX_OK)
		return s;
	if (!db_valid_utf8(body))
		return db_fail(p, AX_ERR_INPUT, "memo text is not valid UTF-8");
	if ((s = db_action_begin(p, "memo add")) != AX_OK)
		return s;
	if ((s = check_target(p, target, target_id)) != AX_OK)
		goto end;
	if (mi->author != 0) {
		coder = mi->author;
		if (db_int(p, "SELECT count(*) FROM coders WHERE id = ?", coder, 0) == 0) {
			s = db_fail(p, AX_ERR_NOTFOUND, "no coder #%lld", (long long)coder);
			goto end;
		}
	} else if ((s = db_coder_id(p, &coder)) != AX_OK) {
		goto end;
	}
	st = db_stmt(p, "INSERT INTO memos(target, target_id, type, title, body,"
	    " author_id, created, modified, guid) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
	    " ifnull(?7, strftime('%s','now')), ifnull(?8, ifnull(?7,"
	    " strftime('%s','now'))), ifnull(lower(?9), uuid()))");
	if (mi->created > 0)
		sqlite3_bind_int64(st, 7, mi->created);
	if (mi->modified > 0)
		sqlite3_bind_int64(st, 8, mi->modified);
	if (mi->guid != NULL)
		sqlite3_bind_text(st, 9, mi->guid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 1, memo_target_name(target), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, target == MEMO_FREE ? 0 : target_id);
	sqlite3_bind_text(st, 3, memo_type_name(type), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, body, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, coder);
	s = db_exec_stmt(p, st);
	if (s == AX_OK && id != NULL)
		*id = sqlite3_last_insert_rowid(p->db);
end:
	return db_action_end(p, s);
}

/* Whether memo id exists and the reader may see it: a blind session's
 * coders neither read nor change each other's memos. */
static bool
memo_visible(struct project *p, int64_t id)
{
	return db_blind_row_visible(p, "SELECT 1 FROM memos m WHERE m.id = :id"
	    " AND " DB_BLIND_MEMO("m"), id);
}

enum ax_status
memo_update(struct project *p, int64_t id, const char *title, const char *body)
{
	sqlite3_stmt *st;
	enum ax_status s;

	if (title != NULL && (s = db_label(p, NAME_MEMO_TITLE, title)) != AX_OK)
		return s;
	if (body != NULL && !db_valid_utf8(body))
		return db_fail(p, AX_ERR_INPUT, "memo text is not valid UTF-8");
	if ((s = db_action_begin(p, "memo edit")) != AX_OK)
		return s;
	if (!memo_visible(p, id)) {
		s = db_fail(p, AX_ERR_NOTFOUND, "no memo #%lld", (long long)id);
		goto end;
	}
	st = db_stmt(p, "UPDATE memos SET title = ifnull(?2, title),"
	    " body = ifnull(?3, body), modified = strftime('%s','now')"
	    " WHERE id = ?1 AND (title <> ifnull(?2, title) OR body <> ifnull(?3, body))");
	sqlite3_bind_int64(st, 1, id);
	if (title != NULL)
		sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
	if (body != NULL)
		sqlite3_bind_text(st, 3, body, -1, SQLITE_STATIC);
	s = db_exec_stmt(p, st);
end:
	return db_action_end(p, s);
}

enum ax_status
memo_remove(struct project *p, int64_t id)
{
	enum ax_status s;

	if ((s = db_action_begin(p, "memo remove")) != AX_OK)
		return s;
	if (!memo_visible(p, id))
		s = db_fail(p, AX_ERR_NOTFOUND, "no memo #%lld", (long long)id);
	else
		s = db_exec_id(p, "DELETE FROM memos WHERE id = ?1", id);
	return db_action_end(p, s);
}

#define MEMO_SELECT "SELECT m.id, m.target, m.target_id, m.type, m.title," \
	" m.body, ifnull(c.login, ''), m.created, m.modified, m.guid FROM memos m" \
	" LEFT JOIN coders c ON c.id = m.author_id WHERE " DB_BLIND_MEMO("m")

static void
memo_from_row(sqlite3_stmt *st, struct memo *m)
{
	int t = memo_target_parse((const char *)sqlite3_column_text(st, 1));
	int y = memo_type_parse((const char *)sqlite3_column_text(st, 3));

	m->id = sqlite3_column_int64(st, 0);
	m->target = t < 0 ? MEMO_FREE : (enum memo_target)t;
	m->target_id = sqlite3_column_int64(st, 2);
	m->type = y < 0 ? MEMO_TYPE_FREE : (enum memo_type)y;
	m->title = db_col_str(st, 4);
	m->body = db_col_str(st, 5);
	m->author = db_col_str(st, 6);
	m->created = sqlite3_column_int64(st, 7);
	m->modified = sqlite3_column_int64(st, 8);
	m->guid = db_col_str(st, 9);
}

enum ax_status
memo_get(struct project *p, int64_t id, struct memo *m)
{
	sqlite3_stmt *st = db_stmt(p, MEMO_SELECT " AND m.id = :id");
	enum ax_status s = AX_OK;

	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":id"), id);
	db_blind_bind(p, st);
	if (sqlite3_step(st) == SQLITE_ROW)
		memo_from_row(st, m);
	else
		s = db_fail(p, AX_ERR_NOTFOUND, "no memo #%lld", (long long)id);
	sqlite3_reset(st);
	return s;
}

enum ax_status
memo_list(struct project *p, enum memo_target target, int64_t target_id,
    struct memo **out, size_t *n)
{
	sqlite3_stmt *st;
	struct memo *v = NULL;
	size_t cap = 0, k = 0;

	if (target == MEMO_FREE && target_id == -1) {
		st = db_stmt(p, MEMO_SELECT " ORDER BY m.id");
	} else {
		st = db_stmt(p, MEMO_SELECT " AND m.target = :target AND m.target_id = :tid"
		    " ORDER BY m.id");
		sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":target"),
		    memo_target_name(target), -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":tid"),
		    target == MEMO_FREE ? 0 : target_id);
	}
	db_blind_bind(p, st);
	while (sqlite3_step(st) == SQLITE_ROW) {
		v = xgrow(v, &cap, k + 1, sizeof *v);
		memo_from_row(st, &v[k++]);
	}
	sqlite3_reset(st);
	*out = v;
	*n = k;
	return AX_OK;
}
