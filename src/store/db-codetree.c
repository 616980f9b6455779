/*
 * db-codetree.c: the code and category tree (codetree.h).
 *
 * Invariants:
 *   - a parent is a category; only top-level categories have a role;
 *     sibling names are unique (a unique index on (parent, name));
 *   - the tree is acyclic: a move walks the new parent's ancestors first
 *     and refuses to put a node inside itself, and after an add or a move
 *     the walk up from the node ends within as many steps as there are
 *     nodes (acyclic_from, asserted in the same transaction). Undo and redo
 *     keep it too (db-history.c);
 *   - the tree is at most CODETREE_MAX_DEPTH levels deep (adds and moves
 *     check; the check also refuses a parent whose ancestors loop).
 * A file that breaks them is refused on opening (db-check.c), and still
 * every walk here is bounded (by the depth limit, or by UNION over the
 * rows), so a tree changed under an open project by another program cannot
 * make one loop or recurse without end; reads assert nothing about it.
 * Deleting a subtree deletes its rows explicitly, deepest first, never by
 * cascade, so the change log holds every row and undo can put them all
 * back.
 */
#include <assert.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/codetree.h"
#include "base/i18n.h"
#include "store/db-int.h"

static int64_t child_named(struct project *p, int64_t parent, const char *name,
    bool fold);

/* Stored and machine-readable in English; the workbench shows them
 * through _() (N_ marks them for the catalogue). */
static const char *const role_names[ROLE_COUNT] = {
	N_("none"), N_("central"), N_("causal"), N_("contextual"),
	N_("intervening"), N_("strategies"), N_("consequences"),
};
static const char *const role_titles[ROLE_COUNT] = {
	"", N_("Central phenomenon"), N_("Causal conditions"),
	N_("Contextual conditions"), N_("Intervening conditions"),
	N_("Strategies"), N_("Consequences"),
};

const char *
paradigm_role_name(enum paradigm_role r)
{
	return (unsigned)r < ROLE_COUNT ? role_names[r] : "none";
}

const char *
paradigm_role_title(enum paradigm_role r)
{
	return (unsigned)r < ROLE_COUNT ? role_titles[r] : "";
}

int
paradigm_role_parse(const char *s)
{
	int i = str_index(role_names, ROLE_COUNT, s);

	if (i >= 0)
		return i;
	if (strcmp(s, "phenomenon") == 0 || strcmp(s, "central-phenomenon") == 0)
		return ROLE_CENTRAL;
	if (strcmp(s, "strategy") == 0)
		return ROLE_STRATEGIES;
	return -1;
}

void
node_done(struct node *n)
{
	free(n->name);
	free(n->color);
	free(n->definition);
	free(n->guid);
	memset(n, 0, sizeof *n);
}

void
codetree_free(struct node *nodes, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		node_done(&nodes[i]);
	free(nodes);
}

/* A node with its codings' count: from the counts kept per code and
 * coder (db-counts.c), or, in a file without them, counted. */
#define NODE_COLS "SELECT n.id, ifnull(n.parent_id, 0), n.kind, n.name," \
	" n.color, n.definition, ifnull(n.role, 'none'), n.position, n.guid,"
#define NODE_FROM " FROM nodes n WHERE " DB_BLIND_NODE("n.id")
#define NODE_KEPT NODE_COLS " (SELECT ifnull(sum(k.n), 0) FROM coding_counts k" \
	" WHERE k.node_id = n.id AND (:vis = 0 OR k.coder_id = :vis))" NODE_FROM
#define NODE_COUNTED NODE_COLS " (SELECT count(*) FROM codings c WHERE" \
	" c.node_id = n.id AND (:vis = 0 OR c.coder_id = :vis))" NODE_FROM

static void
node_from_row(sqlite3_stmt *st, struct node *n, int64_t *position)
{
	const char *role = (const char *)sqlite3_column_text(st, 6);
	int r = paradigm_role_parse(role ? role : "none");

	n->id = sqlite3_column_int64(st, 0);
	n->parent = sqlite3_column_int64(st, 1);
	n->kind = strcmp((const char *)sqlite3_column_text(st, 2), "code") == 0 ?
	    NODE_CODE : NODE_CATEGORY;
	n->name = db_col_str(st, 3);
	n->color = db_col_str(st, 4);
	n->definition = db_col_str(st, 5);
	n->role = r < 0 ? ROLE_NONE : (enum paradigm_role)r;
	if (position != NULL)
		*position = sqlite3_column_int64(st, 7);
	n->guid = db_col_str(st, 8);
	n->ncodings = sqlite3_column_int64(st, 9);
	n->depth = 0;
}

struct row {
	struct node n;
	int64_t position;
	bool taken;		/* moved into the output */
};

/* Top level: role categories in paradigm order, then by position, name. */
static int
row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int rx = x->n.role == ROLE_NONE ? ROLE_COUNT : (int)x->n.role;
	int ry = y->n.role == ROLE_NONE ? ROLE_COUNT : (int)y->n.role;

	if (x->n.parent != y->n.parent)
		return x->n.parent < y->n.parent ? -1 : 1;
	if (rx != ry)
		return rx - ry;
	if (x->position != y->position)
		return x->position < y->position ? -1 : 1;
	return strcmp(x->n.name, y->n.name);
}

/* Index of the first row with parent == parent in rows sorted by row_cmp. */
static size_t
first_child(const struct row *rows, size_t n, int64_t parent)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (rows[mid].n.parent < parent)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* Whether two of rows[0..n) have one id. */
static bool
ids_repeat(const struct row *rows, size_t n)
{
	int64_t *ids;
	size_t i;
	bool dup = false;

	if (n < 2)
		return false;
	ids = xmalloc(n * sizeof *ids);
	for (i = 0; i < n; i++)
		ids[i] = rows[i].n.id;
	qsort(ids, n, sizeof *ids, id_cmp);
	for (i = 1; i < n && !dup; i++)
		dup = ids[i] == ids[i - 1];
	free(ids);
	return dup;
}

/* Each row is taken once, and the recursion stops at the depth limit. */
static void
walk(struct row *rows, size_t n, int64_t parent, int depth, struct node *out,
    size_t *k)
{
	size_t i;

	for (i = first_child(rows, n, parent); i < n && rows[i].n.parent == parent; i++) {
		if (rows[i].taken)
			continue;
		rows[i].taken = true;
		out[*k] = rows[i].n;
		out[*k].depth = depth;
		(*k)++;
		if (rows[i].n.kind == NODE_CATEGORY && depth + 1 < CODETREE_MAX_DEPTH)
			walk(rows, n, rows[i].n.id, depth + 1, out, k);
	}
}

enum ax_status
codetree_load(struct project *p, struct node **nodes, size_t *n)
{
	sqlite3_stmt *st = db_stmt(p, db_counts_ready(p) ? NODE_KEPT : NODE_COUNTED);
	struct row *rows = NULL;
	struct node *out;
	size_t cap = 0, k = 0, m = 0;
	int rc;

	db_blind_bind(p, st);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows = xgrow(rows, &cap, k + 1, sizeof *rows);
		node_from_row(st, &rows[k].n, &rows[k].position);
		rows[k].taken = false;
		k++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		while (k > 0)
			node_done(&rows[--k].n);
		free(rows);
		return db_sqlite_fail(p, rc);
	}
	if (ids_repeat(rows, k)) {
		/* only a damaged file lists a primary key twice; the tree
		 * built from it would hold one node in two places */
		while (k > 0)
			node_done(&rows[--k].n);
		free(rows);
		return db_sqlite_fail(p, SQLITE_CORRUPT);
	}
	if (k > 0)	/* qsort(NULL, 0, ...) is undefined behaviour */
		qsort(rows, k, sizeof *rows, row_cmp);
	out = xcalloc(k ? k : 1, sizeof *out);
	walk(rows, k, 0, 0, out, &m);
	/* m == k unless the tree changed under us since it was opened */
	while (k > 0)
		if (!rows[--k].taken)
			node_done(&rows[k].n);
	free(rows);
	*nodes = out;
	*n = m;
	return AX_OK;
}

enum ax_status
codetree_get(struct project *p, int64_t id, struct node *out)
{
	sqlite3_stmt *st = db_stmt(p, db_counts_ready(p) ?
	    NODE_KEPT " AND n.id = :id" : NODE_COUNTED " AND n.id = :id");
	enum ax_status s = AX_OK;

	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":id"), id);
	db_blind_bind(p, st);
	if (sqlite3_step(st) == SQLITE_ROW)
		node_from_row(st, out, NULL);
	else
		s = db_fail(p, AX_ERR_NOTFOUND, "no code or category #%lld", (long long)id);
	sqlite3_reset(st);
	return s;
}

/* parent's child called name, as typed or else (fold) folded by
 * name_fold, or 0. */
static int64_t
child_named(struct project *p, int64_t parent, const char *name, bool fold)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT id FROM nodes WHERE"
	    " ifnull(parent_id, 0) = ?1 AND name = ?2");
	int64_t id = 0, folded = 0;
	char *near;

	sqlite3_bind_int64(st, 1, parent);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (id != 0 || !fold)
		return id;
	st = db_stmt(p, "SELECT n.id, n.name FROM nodes n WHERE"
	    " ifnull(n.parent_id, 0) = :parent AND " DB_BLIND_NODE("n.id"));
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":parent"), parent);
	db_blind_bind(p, st);
	if (db_name_fold_find(st, name, &folded, &near) == 1)
		id = folded;
	free(near);
	return id;
}

enum ax_status
codetree_find(struct project *p, const char *ref, int64_t *id)
{
	sqlite3_stmt *st;
	char *name, *seg, *save = NULL, *near = NULL;
	int64_t found = 0, matches = 0, at = 0;
	enum ax_status s = AX_OK;
	bool path;

	if (ref[0] == '#') {
		char *end;
		long long v = strtoll(ref + 1, &end, 10);

		if (*end == '\0' && end != ref + 1) {
			if (!db_blind_node_visible(p, v))
				return db_fail(p, AX_ERR_NOTFOUND, "no code or category %s", ref);
			*id = v;
			return AX_OK;
		}
	}
	name = name_key(ref);
	st = db_stmt(p, "SELECT n.id FROM nodes n WHERE n.name = :name AND "
	    DB_BLIND_NODE("n.id") " LIMIT 2");
	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":name"), name, -1,
	    SQLITE_STATIC);
	db_blind_bind(p, st);
	while (sqlite3_step(st) == SQLITE_ROW) {
		found = sqlite3_column_int64(st, 0);
		matches++;
	}
	sqlite3_reset(st);
	if (matches == 1) {
		*id = found;
		goto out;
	}
	/* Not one bare name: a path, Main/Sub/code, folded segment by segment
	 * (a bare name folded is looked up in the whole tree below). */
	path = strchr(name, '/') != NULL;
	for (seg = strtok_r(name, "/", &save); seg != NULL; seg = strtok_r(NULL, "/", &save))
		if ((at = child_named(p, at, seg, path)) == 0)
			break;
	if (at != 0 && db_blind_node_visible(p, at)) {
		*id = at;
		goto out;
	}
	if (matches > 1) {
		s = db_fail(p, AX_ERR_INPUT, "'%s' names more than one code; give "
		    "its path, e.g. 'Category/%s', or its #id", ref, ref);
		goto out;
	}
	/* Not as typed: folded as the workbench's finder folds (ي/ی, ZWNJ);
	 * neither a match nor a guess names a code a blind session hides. */
	st = db_stmt(p, "SELECT n.id, n.name FROM nodes n WHERE "
	    DB_BLIND_NODE("n.id") " ORDER BY n.id");
	db_blind_bind(p, st);
	matches = db_name_fold_find(st, ref, &found, &near);
	if (matches == 1)
		*id = found;
	else if (matches > 1)
		s = db_fail(p, AX_ERR_INPUT, "'%s' matches more than one code once "
		    "ي/ی, ك/ک, ZWNJ and spaces are set aside; give its exact name, "
		    "its path or its #id", ref);
	else if (near != NULL)
		s = db_fail(p, AX_ERR_NOTFOUND, "no code or category '%s'; did "
		    "you mean «%s»?", ref, near);
	else
		s = db_fail(p, AX_ERR_NOTFOUND, "no code or category '%s'", ref);
out:
	free(near);
	free(name);
	return s;
}

char *
codetree_path(struct project *p, int64_t id)
{
	struct buf b = {0};
	sqlite3_stmt *st = db_stmt(p, "WITH RECURSIVE up(id, parent_id, name, d) AS"
	    " (SELECT id, parent_id, name, 0 FROM nodes WHERE id = ?1"
	    "  UNION ALL SELECT n.id, n.parent_id, n.name, up.d + 1 FROM nodes n"
	    "  JOIN up ON n.id = up.parent_id WHERE up.d + 1 < ?2)"
	    " SELECT name FROM up ORDER BY d DESC");

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, CODETREE_MAX_DEPTH);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (b.len > 0)
			buf_putc(&b, '/');
		buf_puts(&b, (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_reset(st);
	return buf_take(&b);
}

static int
pathent_cmp(const void *key, const void *elem)
{
	int64_t id = *(const int64_t *)key;
	const struct codetree_pathent *e = elem;

	return id < e->id ? -1 : id > e->id;
}

static struct codetree_pathent *
pathent_find(const struct codetree_paths *cp, int64_t id)
{
	if (cp->n == 0)	/* bsearch(NULL, ...) is undefined behaviour */
		return NULL;
	return bsearch(&id, cp->v, cp->n, sizeof *cp->v, pathent_cmp);
}

enum ax_status
codetree_paths_load(struct project *p, struct codetree_paths *cp)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT id, ifnull(parent_id, 0), name"
	    " FROM nodes ORDER BY id");
	struct codetree_pathent *e;
	size_t cap = 0;
	int rc;

	cp->v = NULL;
	cp->n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cp->v = xgrow(cp->v, &cap, cp->n + 1, sizeof *cp->v);
		e = &cp->v[cp->n++];
		e->id = sqlite3_column_int64(st, 0);
		e->parent = sqlite3_column_int64(st, 1);
		e->name = xstrdup((const char *)sqlite3_column_text(st, 2));
		e->path = NULL;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		codetree_paths_free(cp);
		return db_sqlite_fail(p, rc);
	}
	return AX_OK;
}

const char *
codetree_paths_get(struct codetree_paths *cp, int64_t id)
{
	const struct codetree_pathent *up[CODETREE_MAX_DEPTH];
	struct codetree_pathent *e = pathent_find(cp, id), *at = e;
	struct buf b = {0};
	int d;

	if (e == NULL)
		return "";
	if (e->path != NULL)
		return e->path;
	/* codetree_path's walk: up from the node, at most the depth limit of
	 * names, ending at the top or at a parent that is not there; made
	 * when first asked for, so a damaged tree's long chains cost only
	 * the paths used */
	up[0] = at;
	for (d = 1; d < CODETREE_MAX_DEPTH && at->parent != 0 &&
	    (at = pathent_find(cp, at->parent)) != NULL; d++)
		up[d] = at;
	while (d-- > 0) {
		buf_puts(&b, up[d]->name);
		if (d > 0)
			buf_putc(&b, '/');
	}
	return e->path = buf_take(&b);
}

void
codetree_paths_free(struct codetree_paths *cp)
{
	size_t i;

	for (i = 0; i < cp->n; i++) {
		free(cp->v[i].name);
		free(cp->v[i].path);
	}
	free(cp->v);
	cp->v = NULL;
	cp->n = 0;
}

#ifndef NDEBUG
/* Whether the walk up from node id ends, at the top level or at a parent
 * that is not in the table, within as many steps as there are nodes: no
 * cycle passes through id. For assert() after the node was added or moved. */
static bool
acyclic_from(struct project *p, int64_t id)
{
	int64_t n = db_int(p, "SELECT count(*) FROM nodes", 0, 0), steps;

	for (steps = 0; id > 0 && steps <= n; steps++)
		id = db_int(p, "SELECT ifnull(parent_id, 0) FROM nodes WHERE id = ?",
		    id, 0);
	return id <= 0;
}
#endif

/* AX_OK when parent is 0 or a category. */
static enum ax_status
check_parent(struct project *p, int64_t parent)
{
	sqlite3_stmt *st;
	enum ax_status s = AX_OK;

	if (parent == 0)
		return AX_OK;
	st = db_stmt(p, "SELECT kind FROM nodes WHERE id = ?");
	sqlite3_bind_int64(st, 1, parent);
	if (sqlite3_step(st) != SQLITE_ROW)
		s = db_fail(p, AX_ERR_NOTFOUND, "no category #%lld", (long long)parent);
	else if (strcmp((const char *)sqlite3_column_text(st, 0), "category") != 0)
		s = db_fail(p, AX_ERR_INPUT, "'%s' is a code; codes and categories go "
		    "under categories", "#parent");
	sqlite3_reset(st);
	if (s == AX_ERR_INPUT) {
		char *path = codetree_path(p, parent);

		s = db_fail(p, AX_ERR_INPUT, "'%s' is a code, not a category; codes "
		    "and categories go under categories", path);
		free(path);
	}
	return s;
}

static enum ax_status
check_sibling_free(struct project *p, int64_t parent, const char *name, int64_t self)
{
	int64_t other = child_named(p, parent, name, false);

	if (other != 0 && other != self) {
		char *path = parent ? codetree_path(p, parent) : xstrdup("the top level");
		enum ax_status s = db_fail(p, AX_ERR_EXISTS, "'%s' already exists in %s",
		    name, path);

		free(path);
		return s;
	}
	return AX_OK;
}

/* The deepest level the recursive walk sql reaches from node id (?1),
 * stopping past the limit (?2). */
static int64_t
walk_levels(struct project *p, const char *sql, int64_t id)
{
	sqlite3_stmt *st = db_stmt(p, sql);
	int64_t d = 0;

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, CODETREE_MAX_DEPTH);
	if (sqlite3_step(st) == SQLITE_ROW)
		d = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return d;
}

/*
 * The level below which a node's subtree ends, counted from the top (1: a
 * top-level code), were node id under `parent` (0: the top level); each
 * walk stops past the limit.
 */
static int64_t
levels_if_under(struct project *p, int64_t id, int64_t parent)
{
	int64_t above = 0, below = 0;

	if (parent != 0)
		above = walk_levels(p, "WITH RECURSIVE up(id, d) AS (SELECT ?1, 1"
		    " UNION ALL SELECT n.parent_id, up.d + 1 FROM nodes n"
		    " JOIN up ON n.id = up.id WHERE n.parent_id IS NOT NULL"
		    " AND up.d <= ?2) SELECT max(d) FROM up", parent);
	if (id != 0)
		below = walk_levels(p, "WITH RECURSIVE sub(id, d) AS (SELECT ?1, 0"
		    " UNION ALL SELECT n.id, sub.d + 1 FROM nodes n"
		    " JOIN sub ON ifnull(n.parent_id, 0) = sub.id"
		    " WHERE sub.d <= ?2) SELECT max(d) FROM sub", id);
	return above + 1 + below;
}

static enum ax_status
check_depth(struct project *p, int64_t id, int64_t parent, const char *name)
{
	char *path;
	enum ax_status s;

	if (levels_if_under(p, id, parent) <= CODETREE_MAX_DEPTH)
		return AX_OK;
	path = codetree_path(p, parent);
	s = db_fail(p, AX_ERR_INPUT, "cannot put '%s' under '%s': the code tree "
	    "would be more than %d levels deep", name, path, CODETREE_MAX_DEPTH);
	free(path);
	return s;
}

enum ax_status
db_codetree_check_undo(struct project *p, int64_t id, const char *label)
{
	int64_t parent = db_int(p, "SELECT ifnull(parent_id, 0) FROM nodes"
	    " WHERE id = ?", id, 0);

	/* a loop through or above id makes the walk up run past the limit */
	if (levels_if_under(p, id, parent) <= CODETREE_MAX_DEPTH)
		return AX_OK;
	return db_fail(p, AX_ERR_CONFLICT, "cannot undo or redo '%s': codes were "
	    "moved since by another action, and the code tree would go round "
	    "in a loop or be more than %d levels deep", label, CODETREE_MAX_DEPTH);
}

enum ax_status
codetree_add(struct project *p, int64_t parent, enum node_kind kind,
    const char *name, int64_t *id)
{
	return codetree_add_ex(p, parent, kind, name, NULL, id);
}

enum ax_status
codetree_find_child(struct project *p, int64_t parent, const char *name,
    int64_t *id)
{
	char *nname = name_key(name);

	*id = child_named(p, parent, nname, false);
	free(nname);
	return *id != 0 ? AX_OK : db_fail(p, AX_ERR_NOTFOUND, "no node '%s'", name);
}

enum ax_status
codetree_find_guid(struct project *p, const char *guid, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT id FROM nodes WHERE guid = lower(?)");
	enum ax_status s = AX_OK;

	sqlite3_bind_text(st, 1, guid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else
		s = db_fail(p, AX_ERR_NOTFOUND, "no code with GUID %s", guid);
	sqlite3_reset(st);
	return s;
}

enum ax_status
codetree_add_ex(struct project *p, int64_t parent, enum node_kind kind,
    const char *name, const struct node_import_info *ii, int64_t *id)
{
	const struct node_import_info none = {NULL, NULL, NULL};
	char *nname;
	sqlite3_stmt *st;
	enum ax_status s;

	if (ii == NULL)
		ii = &none;
	if ((nname = db_name(p, kind == NODE_CODE ? NAME_CODE :
	    NAME_CATEGORY, name)) == NULL)
		return AX_ERR_INPUT;
	if ((s = db_color(p, ii->color)) != AX_OK)
		goto out;
	if (ii->definition != NULL && !db_valid_utf8(ii->definition)) {
		s = db_fail(p, AX_ERR_INPUT, "definition is not valid UTF-8");
		goto out;
	}
	if ((s = db_action_begin(p, kind == NODE_CODE ? "code add" : "category add")) != AX_OK)
		goto out;
	if ((s = check_parent(p, parent)) == AX_OK &&
	    (s = check_depth(p, 0, parent, nname)) == AX_OK)
		s = check_sibling_free(p, parent, nname, 0);
	if (s == AX_OK) {
		/* max(position) is a lookup in nodes_sibling_position */
		st = db_stmt(p, "INSERT INTO nodes(parent_id, kind, name, position,"
		    " guid, created, definition, color) VALUES (nullif(?1, 0), ?2, ?3,"
		    " (SELECT ifnull(max(position), 0) + 1 FROM nodes WHERE"
		    " ifnull(parent_id, 0) = ?1), ifnull(lower(?4), uuid()),"
		    " strftime('%s','now'), ifnull(?5, ''), lower(ifnull(?6, '')))");
		sqlite3_bind_int64(st, 1, parent);
		sqlite3_bind_text(st, 2, kind == NODE_CODE ? "code" : "category", -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 3, nname, -1, SQLITE_STATIC);
		if (ii->guid != NULL)
			sqlite3_bind_text(st, 4, ii->guid, -1, SQLITE_STATIC);
		if (ii->definition != NULL)
			sqlite3_bind_text(st, 5, ii->definition, -1, SQLITE_STATIC);
		if (ii->color != NULL)
			sqlite3_bind_text(st, 6, ii->color, -1, SQLITE_STATIC);
		s = db_exec_stmt(p, st);
		assert(s != AX_OK || acyclic_from(p, sqlite3_last_insert_rowid(p->db)));
		if (s == AX_OK && id != NULL)
			*id = sqlite3_last_insert_rowid(p->db);
	}
	s = db_action_end(p, s);
out:
	free(nname);
	return s;
}

static enum ax_status
need_node(struct project *p, int64_t id)
{
	if (db_int(p, "SELECT count(*) FROM nodes WHERE id = ?", id, 0) == 0)
		return db_fail(p, AX_ERR_NOTFOUND, "no code or category #%lld",
		    (long long)id);
	return AX_OK;
}

/* A node this coder may change now: it exists, and a blind session does not
 * keep it as it is (db_blind_may_change_node). */
static enum ax_status
need_changeable(struct project *p, int64_t id)
{
	enum ax_status s = need_node(p, id);

	return s == AX_OK ? db_blind_may_change_node(p, id) : s;
}

enum ax_status
codetree_rename(struct project *p, int64_t id, const char *name)
{
	char *nname;
	sqlite3_stmt *st;
	enum ax_status s;

	if ((nname = db_name(p, db_int(p, "SELECT kind = 'category' FROM nodes"
	    " WHERE id = ?", id, 0) ? NAME_CATEGORY : NAME_CODE, name)) == NULL)
		return AX_ERR_INPUT;
	if ((s = db_action_begin(p, "code rename")) != AX_OK)
		goto out;
	if ((s = need_changeable(p, id)) == AX_OK)
		s = check_sibling_free(p, db_int(p, "SELECT ifnull(parent_id, 0)"
		    " FROM nodes WHERE id = ?", id, 0), nname, id);
	if (s == AX_OK) {
		st = db_stmt(p, "UPDATE nodes SET name = ?1 WHERE id = ?2 AND name <> ?1");
		sqlite3_bind_text(st, 1, nname, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		s = db_exec_stmt(p, st);
	}
	s = db_action_end(p, s);
out:
	free(nname);
	return s;
}

enum ax_status
codetree_move(struct project *p, int64_t id, int64_t parent)
{
	sqlite3_stmt *st;
	enum ax_status s;
	char *name = NULL;

	if ((s = db_action_begin(p, "code move")) != AX_OK)
		return s;
	if ((s = need_changeable(p, id)) != AX_OK || (s = check_parent(p, parent)) != AX_OK)
		goto end;
	if (parent != 0) {
		/* UNION, not UNION ALL: ends even on a loop */
		st = db_stmt(p, "WITH RECURSIVE up(id) AS (SELECT ?1 UNION"
		    " SELECT n.parent_id FROM nodes n JOIN up ON n.id = up.id"
		    " WHERE n.parent_id IS NOT NULL) SELECT 1 FROM up WHERE id = ?2");
		sqlite3_bind_int64(st, 1, parent);
		sqlite3_bind_int64(st, 2, id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			char *a = codetree_path(p, id), *b = codetree_path(p, parent);

			s = db_fail(p, AX_ERR_CYCLE, "cannot move '%s' under '%s': it "
			    "would be inside itself", a, b);
			free(a);
			free(b);
		}
		sqlite3_reset(st);
		if (s != AX_OK)
			goto end;
	}
	st = db_stmt(p, "SELECT name FROM nodes WHERE id = ?");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		name = db_col_str(st, 0);
	sqlite3_reset(st);
	if ((s = check_sibling_free(p, parent, name, id)) != AX_OK ||
	    (s = check_depth(p, id, parent, name)) != AX_OK)
		goto end;
	st = db_stmt(p, "UPDATE nodes SET parent_id = nullif(?2, 0),"
	    " role = CASE WHEN ?2 = 0 THEN role END,"
	    " position = (SELECT ifnull(max(position), 0) + 1 FROM nodes"
	    "  WHERE ifnull(parent_id, 0) = ?2)"
	    " WHERE id = ?1 AND ifnull(parent_id, 0) <> ?2");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, parent);
	s = db_exec_stmt(p, st);
	assert(s != AX_OK || acyclic_from(p, id));
end:
	free(name);
	return db_action_end(p, s);
}

static enum ax_status
need_code(struct project *p, int64_t id)
{
	enum ax_status s = need_node(p, id);

	if (s == AX_OK && db_int(p, "SELECT kind = 'code' FROM nodes WHERE id = ?", id, 0) == 0) {
		char *path = codetree_path(p, id);

		s = db_fail(p, AX_ERR_INPUT, "'%s' is a category, not a code", path);
		free(path);
	}
	return s;
}

enum ax_status
codetree_merge(struct project *p, int64_t from, int64_t into)
{
	sqlite3_stmt *st;
	enum ax_status s;

	if ((s = db_action_begin(p, "code merge")) != AX_OK)
		return s;
	if ((s = need_code(p, from)) != AX_OK || (s = need_code(p, into)) != AX_OK ||
	    (s = db_blind_may_change_node(p, from)) != AX_OK)
		goto end;
	if (from == into) {
		s = db_fail(p, AX_ERR_INPUT, "cannot merge a code into itself");
		goto end;
	}
	st = db_stmt(p, "UPDATE codings SET node_id = ?2 WHERE node_id = ?1");
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, into);
	if ((s = db_exec_stmt(p, st)) != AX_OK)
		goto end;
	st = db_stmt(p, "UPDATE memos SET target_id = ?2 WHERE target = 'node'"
	    " AND target_id = ?1");
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, into);
	if ((s = db_exec_stmt(p, st)) != AX_OK)
		goto end;
	if ((s = db_link_merge_node(p, from, into)) != AX_OK)
		goto end;
	s = db_exec_id(p, "DELETE FROM nodes WHERE id = ?1", from);
end:
	return db_action_end(p, s);
}

/* UNION, not UNION ALL: ends even on a loop; ifnull() as in the index
 * nodes_sibling_name, which finds the children */
#define SUBTREE "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT n.id" \
	" FROM nodes n JOIN sub ON ifnull(n.parent_id, 0) = sub.id) "

enum ax_status
codetree_remove(struct project *p, int64_t id)
{
	/* Cascades inside one action are logged like any change, so undo
	 * restores the whole subtree whatever order SQLite deletes it in;
	 * the links and evidence go first all the same, and the memos on
	 * links, which no cascade reaches, with them. */
	static const char *const steps[] = {
		SUBTREE "DELETE FROM memos WHERE (target = 'node' AND target_id IN"
		" (SELECT id FROM sub)) OR (target = 'coding' AND target_id IN"
		" (SELECT c.id FROM codings c JOIN sub ON c.node_id = sub.id))"
		" OR (target = 'link' AND target_id IN (SELECT l.id FROM links l"
		" JOIN sub ON sub.id IN (l.from_id, l.to_id)))",
		SUBTREE "DELETE FROM link_evidence WHERE link_id IN (SELECT l.id"
		" FROM links l JOIN sub ON sub.id IN (l.from_id, l.to_id)) OR"
		" coding_id IN (SELECT c.id FROM codings c JOIN sub ON"
		" c.node_id = sub.id)",
		SUBTREE "DELETE FROM links WHERE from_id IN (SELECT id FROM sub)"
		" OR to_id IN (SELECT id FROM sub)",
		SUBTREE "DELETE FROM meta WHERE key = 'core_node' AND value IN"
		" (SELECT CAST(id AS TEXT) FROM sub)",
		SUBTREE "DELETE FROM codings WHERE node_id IN (SELECT id FROM sub)",
		SUBTREE "DELETE FROM nodes WHERE id IN (SELECT id FROM sub)",
	};
	enum ax_status s;
	size_t i;

	if ((s = db_action_begin(p, "code remove")) != AX_OK)
		return s;
	s = need_changeable(p, id);
	for (i = 0; i < AX_ARRAY_LEN(steps) && s == AX_OK; i++)
		s = db_exec_id(p, steps[i], id);
	return db_action_end(p, s);
}

enum ax_status
codetree_set_role(struct project *p, int64_t id, enum paradigm_role role)
{
	sqlite3_stmt *st;
	enum ax_status s;

	if ((s = db_action_begin(p, "code role")) != AX_OK)
		return s;
	if ((s = need_changeable(p, id)) != AX_OK)
		goto end;
	if (role != ROLE_NONE && db_int(p, "SELECT kind = 'category' AND parent_id IS NULL"
	    " FROM nodes WHERE id = ?", id, 0) == 0) {
		char *path = codetree_path(p, id);

		s = db_fail(p, AX_ERR_INPUT, "'%s' is not a top-level category; only "
		    "those carry a paradigm role", path);
		free(path);
		goto end;
	}
	st = db_stmt(p, "UPDATE nodes SET role = nullif(?2, 'none') WHERE id = ?1"
	    " AND role IS NOT nullif(?2, 'none')");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, paradigm_role_name(role), -1, SQLITE_STATIC);
	s = db_exec_stmt(p, st);
end:
	return db_action_end(p, s);
}

/* An action labelled label that sets a text field of node id: sql, with
 * ?1 the id and ?2 the value. */
static enum ax_status
set_field(struct project *p, const char *label, const char *sql, int64_t id,
    const char *value)
{
	sqlite3_stmt *st;
	enum ax_status s;

	if ((s = db_action_begin(p, label)) != AX_OK)
		return s;
	if ((s = need_changeable(p, id)) == AX_OK) {
		st = db_stmt(p, sql);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
		s = db_exec_stmt(p, st);
	}
	return db_action_end(p, s);
}

enum ax_status
codetree_set_color(struct project *p, int64_t id, const char *color)
{
	enum ax_status s;

	if ((s = db_color(p, color)) != AX_OK)
		return s;
	return set_field(p, "code colour", "UPDATE nodes SET color = lower(?2)"
	    " WHERE id = ?1 AND color <> lower(?2)", id, color);
}

enum ax_status
codetree_set_definition(struct project *p, int64_t id, const char *text)
{
	if (!db_valid_utf8(text))
		return db_fail(p, AX_ERR_INPUT, "definition is not valid UTF-8");
	return set_field(p, "code define", "UPDATE nodes SET definition = ?2"
	    " WHERE id = ?1 AND definition <> ?2", id, text);
}
