/*
 * db-link.c: links between codes and categories, their types, the
 * evidence behind each, and the core category (link.h).
 *
 * Invariants, which every write here keeps inside its action (checked
 * before it writes; after, asserted of the link it wrote):
 *   - a link joins two nodes that exist, never a node to itself (also the
 *     table's CHECK);
 *   - no two links share (from, to, type) (also a UNIQUE constraint), nor,
 *     when either is undirected, (to, from, type);
 *   - "is part of" links are directed and go round in no loop: A is part
 *     of B is refused when B is already part of A, directly or through
 *     others (part_of_reaches);
 *   - no two link types' names fold alike (name_fold), the built-ins'
 *     short, English and translated names counted as theirs;
 *   - the core category (meta 'core_node') is a category.
 * A file written by another program may break any of them, so reads
 * assume none: a link to a missing node reads like any other (its end
 * named "#ID"), a missing type reads as one, and every walk of the links
 * is bounded (UNION, which ends on a loop). `axial check` reports the
 * damage (db-check.c). A link's memos have no foreign key, so every delete
 * of a link here, in db-codetree.c and in db-check.c takes them along.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "store/link.h"
#include "store/memo.h"
#include "base/i18n.h"
#include "store/db-int.h"

/* Rows 1..7 of link_types (schema v6), in enum link_builtin order. */
static const char *const builtin_keys[LINK_BUILTIN_COUNT] = {
	"causes", "context", "intervenes", "strategy", "leads-to", "part-of",
	"contradicts",
};
static const char *const builtin_names[LINK_BUILTIN_COUNT] = {
	N_("causes"), N_("is the context of"), N_("intervenes in"),
	N_("is a strategy for"), N_("leads to"), N_("is part of"),
	N_("contradicts"),
};

const char *
link_builtin_name(int64_t id)
{
	return id >= 1 && id <= LINK_BUILTIN_COUNT ? builtin_names[id - 1] : NULL;
}

const char *
link_builtin_key(int64_t id)
{
	return id >= 1 && id <= LINK_BUILTIN_COUNT ? builtin_keys[id - 1] : NULL;
}

char *
db_node_label(struct project *p, int64_t id)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT name FROM nodes WHERE id = ?");
	char *name = NULL;

	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		name = db_col_str(st, 0);
	sqlite3_reset(st);
	return name != NULL ? name : xasprintf("#%lld", (long long)id);
}

/* A type's name for the log (English: every stored label is) or, shown,
 * translated; "#ID" when there is none. */
static char *
type_label(struct project *p, int64_t id, bool shown)
{
	sqlite3_stmt *st;
	char *name = NULL;

	if (link_builtin_name(id) != NULL)
		return xstrdup(shown ? _(link_builtin_name(id)) :
		    link_builtin_name(id));
	st = db_stmt(p, "SELECT name FROM link_types WHERE id = ?");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		name = db_col_str(st, 0);
	sqlite3_reset(st);
	return name != NULL ? name : xasprintf("#%lld", (long long)id);
}

char *
db_link_relation(struct project *p, int64_t from, int64_t to, int64_t type,
    bool shown)
{
	char *a = db_node_label(p, from), *b = db_node_label(p, to);
	char *t = type_label(p, type, shown), *r;

	r = xasprintf("«%s» %s «%s»", a, t, b);
	free(a);
	free(b);
	free(t);
	return r;
}

/* Names the open action "WHAT «A» causes «B»" after link id's relation. */
static enum ax_status
relabel(struct project *p, const char *what, int64_t from, int64_t to,
    int64_t type)
{
	char *r = db_link_relation(p, from, to, type, false);
	char *label = xasprintf("%s %s", what, r);
	enum ax_status s = db_action_relabel(p, label);

	free(label);
	free(r);
	return s;
}

/* ---- types ----------------------------------------------------------- */

void
link_type_list_free(struct link_type *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(t[i].key);
		free(t[i].name);
		free(t[i].color);
	}
	free(t);
}

/* Whether row id is the built-in its key says (a damaged file may hold
 * anything at ids 1..7). */
static bool
is_builtin(int64_t id, const char *key)
{
	return key != NULL && link_builtin_key(id) != NULL &&
	    strcmp(key, link_builtin_key(id)) == 0;
}

enum ax_status
link_type_list(struct project *p, struct link_type **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT id, key, name, color FROM"
	    " link_types ORDER BY key IS NULL OR id > ?1,"
	    " CASE WHEN key IS NULL OR id > ?1 THEN name END, id");
	struct link_type *v = NULL;
	size_t cap = 0, k = 0;
	int rc;

	sqlite3_bind_int(st, 1, LINK_BUILTIN_COUNT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct link_type *t;

		v = xgrow(v, &cap, k + 1, sizeof *v);
		t = &v[k++];
		t->id = sqlite3_column_int64(st, 0);
		t->key = sqlite3_column_type(st, 1) == SQLITE_NULL ? NULL :
		    db_col_str(st, 1);
		t->name = is_builtin(t->id, t->key) ?
		    xstrdup(_(link_builtin_name(t->id))) : db_col_str(st, 2);
		t->color = db_col_str(st, 3);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		link_type_list_free(v, k);
		return db_sqlite_fail(p, rc);
	}
	*out = v;
	*n = k;
	return AX_OK;
}

/*
 * Every name a type answers to, as (id, name) rows for db_name_fold_find:
 * the stored name, the short name, and a built-in's name in the language
 * shown (?1: a JSON array of the seven, in id order).
 */
#define TYPE_NAMES "SELECT id, name FROM link_types UNION ALL SELECT id, key" \
	" FROM link_types WHERE key IS NOT NULL UNION ALL SELECT j.key + 1," \
	" j.value FROM json_each(?1) j"

static sqlite3_stmt *
type_names(struct project *p)
{
	sqlite3_stmt *st = db_stmt(p, TYPE_NAMES);
	struct buf b = {0};
	size_t i;

	buf_putc(&b, '[');
	for (i = 0; i < LINK_BUILTIN_COUNT; i++) {
		const char *t = _(builtin_names[i]);

		if (i > 0)
			buf_putc(&b, ',');
		buf_json_str(&b, t, strlen(t));
	}
	buf_putc(&b, ']');
	sqlite3_bind_text(st, 1, b.s, (int)b.len, SQLITE_TRANSIENT);
	buf_done(&b);
	return st;
}

enum ax_status
link_type_add(struct project *p, const char *name, const char *color,
    int64_t *id)
{
	sqlite3_stmt *st;
	enum ax_status s;
	char *nname, *near = NULL, *label;
	int64_t other = 0;

	if ((nname = db_name(p, NAME_LINK_TYPE, name)) == NULL)
		return AX_ERR_INPUT;
	if ((s = db_color(p, color)) != AX_OK)
		goto out;
	if ((s = db_action_begin(p, "link type add")) != AX_OK)
		goto out;
	if (db_name_fold_find(type_names(p), nname, &other, &near) > 0) {
		char *t = type_label(p, other, true);

		s = db_fail(p, AX_ERR_EXISTS, "there is already a link type «%s» "
		    "(#%lld); a new one needs a name of its own", t,
		    (long long)other);
		free(t);
		goto end;
	}
	st = db_stmt(p, "INSERT INTO link_types(name, color, created) VALUES"
	    " (?1, lower(ifnull(?2, '')), strftime('%s','now'))");
	sqlite3_bind_text(st, 1, nname, -1, SQLITE_STATIC);
	if (color != NULL)
		sqlite3_bind_text(st, 2, color, -1, SQLITE_STATIC);
	if ((s = db_exec_stmt(p, st)) != AX_OK)
		goto end;
	if (id != NULL)
		*id = sqlite3_last_insert_rowid(p->db);
	label = xasprintf("link type add «%s»", nname);
	s = db_action_relabel(p, label);
	free(label);
end:
	s = db_action_end(p, s);
out:
	free(near);
	free(nname);
	return s;
}

enum ax_status
link_type_find(struct project *p, const char *name, int64_t *id)
{
	enum ax_status s = AX_OK;
	char *near = NULL;
	long long v;
	int matches;

	if (name[0] == '#') {
		char *end;

		v = strtoll(name + 1, &end, 10);
		if (*end == '\0' && end != name + 1) {
			if (db_int(p, "SELECT count(*) FROM link_types WHERE id = ?",
			    v, 0) == 0)
				return db_fail(p, AX_ERR_NOTFOUND, "no link type %s", name);
			*id = v;
			return AX_OK;
		}
	}
	matches = db_name_fold_find(type_names(p), name, id, &near);
	if (matches > 1)
		s = db_fail(p, AX_ERR_INPUT, "'%s' names more than one link type; "
		    "give its #id (axial link types)", name);
	else if (matches == 0 && near != NULL)
		s = db_fail(p, AX_ERR_NOTFOUND, "no link type '%s'; did you mean "
		    "«%s»?", name, near);
	else if (matches == 0)
		s = db_fail(p, AX_ERR_NOTFOUND, "no link type '%s' (axial link "
		    "types lists them)", name);
	free(near);
	return s;
}

/* ---- links ----------------------------------------------------------- */

void
link_done(struct link *l)
{
	free(l->guid);
	memset(l, 0, sizeof *l);
}

void
link_list_free(struct link *l, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		link_done(&l[i]);
	free(l);
}

/* The links the reader may see, with the evidence they may see (codings
 * of the coder a blind session shows them) and their first memo. */
#define LINK_SELECT "SELECT l.id, l.from_id, l.to_id, l.type_id, l.directed," \
	" l.author_id, l.created, l.guid, (SELECT count(*) FROM link_evidence e" \
	" JOIN codings c ON c.id = e.coding_id WHERE e.link_id = l.id AND" \
	" (:vis = 0 OR c.coder_id = :vis)), ifnull((SELECT min(m.id) FROM" \
	" memos m WHERE m.target = 'link' AND m.target_id = l.id AND " \
	DB_BLIND_MEMO("m") "), 0) FROM links l WHERE " DB_BLIND_LINK("l")

static void
link_from_row(sqlite3_stmt *st, struct link *l)
{
	l->id = sqlite3_column_int64(st, 0);
	l->from = sqlite3_column_int64(st, 1);
	l->to = sqlite3_column_int64(st, 2);
	l->type = sqlite3_column_int64(st, 3);
	l->directed = sqlite3_column_int(st, 4) != 0;
	l->author = sqlite3_column_int64(st, 5);
	l->created = sqlite3_column_int64(st, 6);
	l->guid = db_col_str(st, 7);
	l->nevidence = (size_t)sqlite3_column_int64(st, 8);
	l->memo = sqlite3_column_int64(st, 9);
}

enum ax_status
link_get(struct project *p, int64_t id, struct link *out)
{
	sqlite3_stmt *st = db_stmt(p, LINK_SELECT " AND l.id = :id");
	enum ax_status s = AX_OK;

	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":id"), id);
	db_blind_bind(p, st);
	if (sqlite3_step(st) == SQLITE_ROW)
		link_from_row(st, out);
	else
		s = db_fail(p, AX_ERR_NOTFOUND, "no link #%lld", (long long)id);
	sqlite3_reset(st);
	return s;
}

enum ax_status
link_find_guid(struct project *p, const char *guid, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT id FROM links WHERE guid = lower(?)");
	enum ax_status s = AX_OK;

	sqlite3_bind_text(st, 1, guid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else
		s = db_fail(p, AX_ERR_NOTFOUND, "no link with GUID %s", guid);
	sqlite3_reset(st);
	return s;
}

enum ax_status
link_list(struct project *p, int64_t node, struct link **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(p, LINK_SELECT " AND (:node = 0 OR"
	    " :node IN (l.from_id, l.to_id)) ORDER BY l.id");
	struct link *v = NULL;
	size_t cap = 0, k = 0;
	int rc;

	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":node"), node);
	db_blind_bind(p, st);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xgrow(v, &cap, k + 1, sizeof *v);
		link_from_row(st, &v[k++]);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		link_list_free(v, k);
		return db_sqlite_fail(p, rc);
	}
	*out = v;
	*n = k;
	return AX_OK;
}

/* Link id's ends and type, for messages and labels; false when there is
 * no such row. */
static bool
link_ends(struct project *p, int64_t id, int64_t *from, int64_t *to,
    int64_t *type)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT from_id, to_id, type_id FROM links"
	    " WHERE id = ?");
	bool found;

	sqlite3_bind_int64(st, 1, id);
	if ((found = sqlite3_step(st) == SQLITE_ROW)) {
		*from = sqlite3_column_int64(st, 0);
		*to = sqlite3_column_int64(st, 1);
		*type = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	return found;
}

/*
 * A link the acting coder may change, inside the action: it exists and
 * they see it; while a blind session hides the others' work, a coder of
 * it changes only the links they made (a change to another's would show
 * them this coder's reading). Its ends and type into *from, *to, *type.
 */
static enum ax_status
need_changeable(struct project *p, int64_t id, int64_t *from, int64_t *to,
    int64_t *type)
{
	if (!db_blind_link_visible(p, id) || !link_ends(p, id, from, to, type))
		return db_fail(p, AX_ERR_NOTFOUND, "no link #%lld", (long long)id);
	if (!db_blind_row_visible(p, "SELECT 1 FROM links WHERE id = :id AND"
	    " (:bvis = 0 OR author_id = :bvis)", id))
		return db_fail(p, AX_ERR_PERM, "blind coding is on: link #%lld "
		    "stays as it is until the session ends; you may change the "
		    "links you made", (long long)id);
	return AX_OK;
}

/* A node the reader may see, for an end of a new link. */
static enum ax_status
need_end(struct project *p, int64_t id)
{
	if (!db_blind_node_visible(p, id))
		return db_fail(p, AX_ERR_NOTFOUND, "no code or category #%lld to "
		    "link", (long long)id);
	return AX_OK;
}

/* Whether node `to` is node `from`, or part of it through "is part of"
 * links. UNION: ends on a loop a damaged file may hold. */
static bool
part_of_reaches(struct project *p, int64_t to, int64_t from)
{
	sqlite3_stmt *st = db_stmt(p, "WITH RECURSIVE up(id) AS (SELECT ?1"
	    " UNION SELECT l.to_id FROM links l JOIN up ON l.from_id = up.id"
	    " WHERE l.type_id = ?3) SELECT 1 FROM up WHERE id = ?2");
	bool found;

	sqlite3_bind_int64(st, 1, to);
	sqlite3_bind_int64(st, 2, from);
	sqlite3_bind_int64(st, 3, LINK_TYPE_PART_OF);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

/*
 * Whether a link (from, to, type, directed), other than link self, would
 * break the invariants: refused with the message naming the nodes.
 */
static enum ax_status
check_link(struct project *p, int64_t self, int64_t from, int64_t to,
    int64_t type, bool directed)
{
	sqlite3_stmt *st;
	enum ax_status s = AX_OK;
	int64_t other = 0, of = 0, ot = 0;
	char *a, *b, *r;

	if ((s = need_end(p, from)) != AX_OK || (s = need_end(p, to)) != AX_OK)
		return s;
	if (db_int(p, "SELECT count(*) FROM link_types WHERE id = ?", type, 0) == 0)
		return db_fail(p, AX_ERR_NOTFOUND, "no link type #%lld",
		    (long long)type);
	a = db_node_label(p, from);
	b = db_node_label(p, to);
	if (from == to) {
		s = db_fail(p, AX_ERR_INPUT, "cannot link «%s» to itself", a);
		goto out;
	}
	if (type == LINK_TYPE_PART_OF && !directed) {
		s = db_fail(p, AX_ERR_INPUT, "cannot link «%s» and «%s» as "
		    "undirected: «is part of» goes one way", a, b);
		goto out;
	}
	st = db_stmt(p, "SELECT id, from_id, to_id FROM links WHERE type_id = ?3"
	    " AND id <> ?5 AND ((from_id = ?1 AND to_id = ?2) OR (from_id = ?2"
	    " AND to_id = ?1 AND (directed = 0 OR ?4 = 0))) ORDER BY id LIMIT 1");
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	sqlite3_bind_int64(st, 3, type);
	sqlite3_bind_int(st, 4, directed);
	sqlite3_bind_int64(st, 5, self);
	if (sqlite3_step(st) == SQLITE_ROW) {
		other = sqlite3_column_int64(st, 0);
		of = sqlite3_column_int64(st, 1);
		ot = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	if (other != 0) {
		r = db_link_relation(p, of, ot, type, true);
		s = db_fail(p, AX_ERR_EXISTS, "«%s» and «%s» are already linked "
		    "so: %s (link #%lld)", a, b, r, (long long)other);
		free(r);
		goto out;
	}
	if (type == LINK_TYPE_PART_OF && part_of_reaches(p, to, from))
		s = db_fail(p, AX_ERR_CYCLE, "«%s» is part of «%s» would go round "
		    "in a loop: «%s» is already part of «%s»", a, b, b, a);
out:
	free(a);
	free(b);
	return s;
}

enum ax_status
link_check(struct project *p, int64_t from, int64_t to, int64_t type,
    bool directed)
{
	return check_link(p, 0, from, to, type, directed);
}

enum ax_status
link_add(struct project *p, int64_t from, int64_t to, int64_t type,
    bool directed, const char *memo, int64_t *id)
{
	return link_add_ex(p, from, to, type, directed, memo, NULL, id);
}

enum ax_status
link_add_ex(struct project *p, int64_t from, int64_t to, int64_t type,
    bool directed, const char *memo, const struct link_import_info *li,
    int64_t *id)
{
	const struct link_import_info none = {NULL, 0, 0};
	struct memo_import_info mi = {0, 0, 0, NULL};
	sqlite3_stmt *st;
	enum ax_status s;
	int64_t author, lid;

	if (li == NULL)
		li = &none;
	if (memo != NULL && !db_valid_utf8(memo))
		return db_fail(p, AX_ERR_INPUT, "memo text is not valid UTF-8");
	if ((s = db_action_begin(p, "link add")) != AX_OK)
		return s;
	if ((s = check_link(p, 0, from, to, type, directed)) != AX_OK)
		goto end;
	if (li->author != 0) {
		author = li->author;
		if (db_int(p, "SELECT count(*) FROM coders WHERE id = ?", author, 0) == 0) {
			s = db_fail(p, AX_ERR_NOTFOUND, "no coder #%lld",
			    (long long)author);
			goto end;
		}
	} else if ((s = db_coder_id(p, &author)) != AX_OK) {
		goto end;
	}
	st = db_stmt(p, "INSERT INTO links(from_id, to_id, type_id, directed,"
	    " author_id, guid, created) VALUES (?1, ?2, ?3, ?4, ?5,"
	    " ifnull(lower(?6), uuid()), ifnull(?7, strftime('%s','now')))");
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	sqlite3_bind_int64(st, 3, type);
	sqlite3_bind_int(st, 4, directed);
	sqlite3_bind_int64(st, 5, author);
	if (li->guid != NULL)
		sqlite3_bind_text(st, 6, li->guid, -1, SQLITE_STATIC);
	if (li->created > 0)
		sqlite3_bind_int64(st, 7, li->created);
	if ((s = db_exec_stmt(p, st)) != AX_OK)
		goto end;
	lid = sqlite3_last_insert_rowid(p->db);
	assert(from != to);
	assert(type != LINK_TYPE_PART_OF || !part_of_reaches(p, to, from));
	if (memo != NULL && memo[0] != '\0') {
		mi.author = author;
		mi.created = li->created;
		s = memo_add_ex(p, MEMO_LINK, lid, MEMO_TYPE_FREE, "", memo, &mi,
		    NULL);
	}
	if (s == AX_OK)
		s = relabel(p, "link", from, to, type);
	if (s == AX_OK && id != NULL)
		*id = lid;
end:
	return db_action_end(p, s);
}

enum ax_status
db_link_drop(struct project *p, int64_t id)
{
	enum ax_status s;

	if ((s = db_exec_id(p, "DELETE FROM memos WHERE target = 'link' AND"
	    " target_id = ?1", id)) != AX_OK ||
	    (s = db_exec_id(p, "DELETE FROM link_evidence WHERE link_id = ?1",
	    id)) != AX_OK)
		return s;
	return db_exec_id(p, "DELETE FROM links WHERE id = ?1", id);
}

enum ax_status
link_remove(struct project *p, int64_t id)
{
	enum ax_status s;
	int64_t from, to, type;

	if ((s = db_action_begin(p, "link remove")) != AX_OK)
		return s;
	if ((s = need_changeable(p, id, &from, &to, &type)) == AX_OK &&
	    (s = relabel(p, "unlink", from, to, type)) == AX_OK)
		s = db_link_drop(p, id);
	return db_action_end(p, s);
}

enum ax_status
link_set_type(struct project *p, int64_t id, int64_t type)
{
	sqlite3_stmt *st;
	enum ax_status s;
	int64_t from, to, was;

	if ((s = db_action_begin(p, "link type")) != AX_OK)
		return s;
	if ((s = need_changeable(p, id, &from, &to, &was)) != AX_OK || was == type)
		goto end;
	if ((s = check_link(p, id, from, to, type, db_int(p, "SELECT directed"
	    " FROM links WHERE id = ?", id, 1) != 0)) != AX_OK)
		goto end;
	st = db_stmt(p, "UPDATE links SET type_id = ?2 WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, type);
	if ((s = db_exec_stmt(p, st)) == AX_OK)
		s = relabel(p, "relink", from, to, type);
	assert(s != AX_OK || type != LINK_TYPE_PART_OF ||
	    !part_of_reaches(p, to, from));
end:
	return db_action_end(p, s);
}

enum ax_status
link_set_memo(struct project *p, int64_t id, const char *text)
{
	enum ax_status s;
	int64_t from, to, type, memo;

	if (text != NULL && !db_valid_utf8(text))
		return db_fail(p, AX_ERR_INPUT, "memo text is not valid UTF-8");
	if ((s = db_action_begin(p, "link memo")) != AX_OK)
		return s;
	if ((s = need_changeable(p, id, &from, &to, &type)) != AX_OK)
		goto end;
	memo = db_int(p, "SELECT ifnull(min(id), 0) FROM memos WHERE"
	    " target = 'link' AND target_id = ?", id, 0);
	if (text == NULL || text[0] == '\0')
		s = db_exec_id(p, "DELETE FROM memos WHERE target = 'link' AND"
		    " target_id = ?1", id);
	else if (memo != 0)
		s = memo_update(p, memo, NULL, text);
	else
		s = memo_add(p, MEMO_LINK, id, MEMO_TYPE_FREE, "", text, NULL);
	if (s == AX_OK)
		s = relabel(p, "link memo", from, to, type);
end:
	return db_action_end(p, s);
}

/*
 * Whether the acting coder may attach coding to link: they may change the
 * link (need_changeable, its ends and type into *from, *to, *type) and see
 * the coding, which is not its evidence yet.
 */
static enum ax_status
evidence_check(struct project *p, int64_t link, int64_t coding, int64_t *from,
    int64_t *to, int64_t *type)
{
	sqlite3_stmt *st;
	enum ax_status s;
	bool there;

	if ((s = need_changeable(p, link, from, to, type)) != AX_OK)
		return s;
	if (!db_blind_coding_visible(p, coding))
		return db_fail(p, AX_ERR_NOTFOUND, "no coding #%lld",
		    (long long)coding);
	st = db_stmt(p, "SELECT 1 FROM link_evidence WHERE link_id = ?1 AND"
	    " coding_id = ?2");
	sqlite3_bind_int64(st, 1, link);
	sqlite3_bind_int64(st, 2, coding);
	there = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	if (there)
		return db_fail(p, AX_ERR_EXISTS, "coding #%lld is already evidence "
		    "of link #%lld", (long long)coding, (long long)link);
	return AX_OK;
}

enum ax_status
link_evidence_check(struct project *p, int64_t link, int64_t coding)
{
	int64_t from, to, type;

	return evidence_check(p, link, coding, &from, &to, &type);
}

enum ax_status
link_evidence_add(struct project *p, int64_t link, int64_t coding)
{
	sqlite3_stmt *st;
	enum ax_status s;
	int64_t from, to, type;

	if ((s = db_action_begin(p, "link evidence")) != AX_OK)
		return s;
	if ((s = evidence_check(p, link, coding, &from, &to, &type)) != AX_OK)
		goto end;
	st = db_stmt(p, "INSERT INTO link_evidence(link_id, coding_id)"
	    " VALUES (?1, ?2)");
	sqlite3_bind_int64(st, 1, link);
	sqlite3_bind_int64(st, 2, coding);
	if ((s = db_exec_stmt(p, st)) == AX_OK)
		s = relabel(p, "link evidence", from, to, type);
end:
	return db_action_end(p, s);
}

enum ax_status
link_evidence_remove(struct project *p, int64_t link, int64_t coding)
{
	sqlite3_stmt *st;
	enum ax_status s;
	int64_t from, to, type;

	if ((s = db_action_begin(p, "link evidence remove")) != AX_OK)
		return s;
	if ((s = need_changeable(p, link, &from, &to, &type)) != AX_OK)
		goto end;
	st = db_stmt(p, "DELETE FROM link_evidence WHERE link_id = ?1 AND"
	    " coding_id = ?2");
	sqlite3_bind_int64(st, 1, link);
	sqlite3_bind_int64(st, 2, coding);
	if ((s = db_exec_stmt(p, st)) != AX_OK)
		goto end;
	if (sqlite3_changes(p->db) == 0)
		s = db_fail(p, AX_ERR_NOTFOUND, "coding #%lld is not evidence of "
		    "link #%lld", (long long)coding, (long long)link);
	else
		s = relabel(p, "link evidence remove", from, to, type);
end:
	return db_action_end(p, s);
}

enum ax_status
link_evidence_list(struct project *p, int64_t link, int64_t **codings,
    size_t *n)
{
	sqlite3_stmt *st;
	int64_t *v = NULL;
	size_t cap = 0, k = 0;
	int rc;

	*codings = NULL;
	*n = 0;
	if (!db_blind_link_visible(p, link))
		return db_fail(p, AX_ERR_NOTFOUND, "no link #%lld", (long long)link);
	st = db_stmt(p, "SELECT c.id FROM link_evidence e JOIN codings c ON"
	    " c.id = e.coding_id JOIN documents d ON d.id = c.doc_id WHERE"
	    " e.link_id = :id AND (:vis = 0 OR c.coder_id = :vis)"
	    " ORDER BY d.position, c.start, c.id");
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":id"), link);
	db_blind_bind(p, st);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xgrow(v, &cap, k + 1, sizeof *v);
		v[k++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(v);
		return db_sqlite_fail(p, rc);
	}
	*codings = v;
	*n = k;
	return AX_OK;
}

/* ---- merging a node -------------------------------------------------- */

enum ax_status
db_link_fold(struct project *p, int64_t keep, int64_t drop)
{
	sqlite3_stmt *st;
	enum ax_status s;

	/* the evidence both have stays keep's; the rest moves over */
	st = db_stmt(p, "UPDATE link_evidence SET link_id = ?1 WHERE link_id = ?2"
	    " AND coding_id NOT IN (SELECT coding_id FROM link_evidence WHERE"
	    " link_id = ?1)");
	sqlite3_bind_int64(st, 1, keep);
	sqlite3_bind_int64(st, 2, drop);
	if ((s = db_exec_stmt(p, st)) != AX_OK)
		return s;
	st = db_stmt(p, "UPDATE memos SET target_id = ?1 WHERE target = 'link'"
	    " AND target_id = ?2");
	sqlite3_bind_int64(st, 1, keep);
	sqlite3_bind_int64(st, 2, drop);
	if ((s = db_exec_stmt(p, st)) != AX_OK)
		return s;
	return db_link_drop(p, drop);
}

/* The next link at node `from` (after link `after`), with its other end
 * and type; 0 when none is left. */
static int64_t
next_at(struct project *p, int64_t from, int64_t after, int64_t *other,
    int64_t *type, bool *directed, bool *outgoing)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT id, from_id, to_id, type_id,"
	    " directed FROM links WHERE ?1 IN (from_id, to_id) AND id > ?2"
	    " ORDER BY id LIMIT 1");
	int64_t id = 0;

	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, after);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		*outgoing = sqlite3_column_int64(st, 1) == from;
		*other = sqlite3_column_int64(st, *outgoing ? 2 : 1);
		*type = sqlite3_column_int64(st, 3);
		*directed = sqlite3_column_int(st, 4) != 0;
	}
	sqlite3_reset(st);
	return id;
}

/* A link other than self that (a, b, type, directed) would repeat: the
 * same ends and type, or the reverse ends with either undirected. */
static int64_t
repeated(struct project *p, int64_t self, int64_t a, int64_t b, int64_t type,
    bool directed)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT id FROM links WHERE type_id = ?3"
	    " AND id <> ?5 AND ((from_id = ?1 AND to_id = ?2) OR (from_id = ?2"
	    " AND to_id = ?1 AND (directed = 0 OR ?4 = 0))) ORDER BY id LIMIT 1");
	int64_t id = 0;

	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	sqlite3_bind_int64(st, 3, type);
	sqlite3_bind_int(st, 4, directed);
	sqlite3_bind_int64(st, 5, self);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return id;
}

enum ax_status
db_link_merge_node(struct project *p, int64_t from, int64_t into)
{
	sqlite3_stmt *st;
	enum ax_status s = AX_OK;
	int64_t id = 0, other = 0, type = 0, dup;
	bool directed = true, out = true;

	while (s == AX_OK && (id = next_at(p, from, id, &other, &type,
	    &directed, &out)) != 0) {
		int64_t a = out ? into : other, b = out ? other : into;

		if (a == b) {
			/* it would join `into` to itself: its memos stay
			 * with the node the two became */
			st = db_stmt(p, "UPDATE memos SET target = 'node',"
			    " target_id = ?2 WHERE target = 'link' AND target_id = ?1");
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int64(st, 2, into);
			if ((s = db_exec_stmt(p, st)) == AX_OK)
				s = db_link_drop(p, id);
		} else if ((dup = repeated(p, id, a, b, type, directed)) != 0) {
			s = db_link_fold(p, dup, id);
		} else {
			st = db_stmt(p, "UPDATE links SET from_id = ?2, to_id = ?3"
			    " WHERE id = ?1");
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int64(st, 2, a);
			sqlite3_bind_int64(st, 3, b);
			s = db_exec_stmt(p, st);
		}
	}
	if (s != AX_OK)
		return s;
	/* into is part of something that is part of into: a loop. */
	st = db_stmt(p, "WITH RECURSIVE up(id) AS (SELECT to_id FROM links"
	    " WHERE from_id = ?1 AND type_id = ?2 UNION SELECT l.to_id FROM"
	    " links l JOIN up ON l.from_id = up.id WHERE l.type_id = ?2)"
	    " SELECT 1 FROM up WHERE id = ?1");
	sqlite3_bind_int64(st, 1, into);
	sqlite3_bind_int64(st, 2, LINK_TYPE_PART_OF);
	if (sqlite3_step(st) == SQLITE_ROW) {
		char *a = db_node_label(p, from), *b = db_node_label(p, into);

		s = db_fail(p, AX_ERR_CYCLE, "cannot merge «%s» into «%s»: their "
		    "«is part of» links would make «%s» part of itself", a, b, b);
		free(a);
		free(b);
	}
	sqlite3_reset(st);
	return s;
}

/* ---- the core category ----------------------------------------------- */

/* The node meta 'core_node' names, whatever it is, or 0. */
static int64_t
core_row(struct project *p)
{
	char *v = project_setting(p, "core_node"), *end;
	long long id = 0;

	if (v != NULL) {
		id = strtoll(v, &end, 10);
		if (*end != '\0' || end == v || id < 0)
			id = 0;
	}
	free(v);
	return id;
}

/*
 * Whether the acting coder may mark node (0: clear the mark): a category
 * they see, and under a blind session one they may change, as the node
 * marked before must be (marking or unmarking shows the other coders this
 * coder's reading, as any change to a node would).
 */
static enum ax_status
core_check(struct project *p, int64_t node)
{
	enum ax_status s = AX_OK;
	int64_t was = core_row(p);
	char *name;

	if (node != 0 && !db_blind_node_visible(p, node))
		return db_fail(p, AX_ERR_NOTFOUND, "no code or category #%lld",
		    (long long)node);
	if (node != 0) {
		name = db_node_label(p, node);
		if (db_int(p, "SELECT kind = 'category' FROM nodes WHERE id = ?",
		    node, 0) == 0)
			s = db_fail(p, AX_ERR_INPUT, "«%s» is a code; only a "
			    "category can be the core category", name);
		else
			s = db_blind_may_change_node(p, node);
		free(name);
	}
	if (s == AX_OK && was != 0 && was != node &&
	    db_int(p, "SELECT count(*) FROM nodes WHERE id = ?", was, 0) > 0)
		s = db_blind_may_change_node(p, was);
	return s;
}

enum ax_status
link_core_check(struct project *p, int64_t node)
{
	return core_check(p, node);
}

enum ax_status
link_core_set(struct project *p, int64_t node)
{
	enum ax_status s;
	char *name, *label, *v;

	if ((s = db_action_begin(p, "core category")) != AX_OK)
		return s;
	if ((s = core_check(p, node)) != AX_OK)
		return db_action_end(p, s);
	if (node == 0) {
		if ((s = project_set_setting(p, "core_node", NULL)) == AX_OK)
			s = db_action_relabel(p, "core category cleared");
		return db_action_end(p, s);
	}
	v = xasprintf("%lld", (long long)node);
	s = project_set_setting(p, "core_node", v);
	free(v);
	if (s == AX_OK) {
		name = db_node_label(p, node);
		label = xasprintf("core category «%s»", name);
		s = db_action_relabel(p, label);
		free(label);
		free(name);
	}
	return db_action_end(p, s);
}

enum ax_status
link_core_get(struct project *p, int64_t *node)
{
	int64_t id = core_row(p);

	/* a file changed elsewhere may name a node gone or a code */
	*node = id != 0 && db_int(p, "SELECT kind = 'category' FROM nodes"
	    " WHERE id = ?", id, 0) && db_blind_node_visible(p, id) ? id : 0;
	return AX_OK;
}
