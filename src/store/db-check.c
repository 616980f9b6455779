/*
 * db-check.c: a project file as untrusted input (check.h).
 *
 * Schema. A file may have been made by anything, so before a statement of
 * axial's touches a table, the file's schema is compared with the one
 * this axial makes, built once per process in an in-memory database
 * (db_schema_build). The comparison is structural, through the pragmas
 * (table_list, table_xinfo, index_list, index_xinfo, foreign_key_list):
 * each object becomes "facts" (a kind, a name and what must match) and
 * the two sorted lists are merged, so a difference is named precisely.
 * What the pragmas do not show is compared as text: triggers (axial
 * generates them, triggers_sql in db-schema.c), partial and expression
 * indexes, and each table's CREATE text with white space squeezed (its
 * CHECK, COLLATE and ON CONFLICT clauses); ALTER TABLE edits that text,
 * but the reference is built through the same migrations, so it is
 * edited the same way. A file of an older format is compared with that
 * format's schema, its triggers by name only (the migration remakes
 * axial's own).
 *
 * The code tree. Every node must be reachable from the top level through
 * categories (no loop, no missing parent, nothing under a code) within
 * CODETREE_MAX_DEPTH levels. Opening loads each node's id, parent and kind
 * (no names) and classifies them in C (tree_analyse: iterative, so a
 * 200,000-level chain costs no stack, and O(n log n)); a recursive query
 * from the top would scan the table at every step, SQLite not probing the
 * expression index on ifnull(parent_id, 0) from a join.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "store/check.h"
#include "store/codetree.h"
#include "store/link.h"
#include "base/i18n.h"
#include "base/textin.h"
#include "store/db-int.h"
#include "store/search.h"

/* ---- schema shape ---------------------------------------------------- */

/*
 * In the order differences are reported. F_TABLESQL is a table's CREATE
 * text, whitespace aside: what the pragmas do not show (CHECK, COLLATE,
 * ON CONFLICT), compared last, a consequence of any other difference.
 * Files of every version are made by the same migrations as the
 * reference, ALTER TABLE edits included, so an axial file matches it.
 */
enum fact_kind { F_VIEW, F_TABLE, F_COLUMN, F_TRIGGER, F_INDEX, F_FKEY,
	F_TABLESQL };
static const char *const fact_kind_names[] = {
	N_("view"), N_("table"), N_("column"), N_("trigger"), N_("index"),
	N_("foreign key"), N_("table"),
};

struct fact {
	enum fact_kind kind;
	char *name;		/* "nodes", "nodes.name", "log_nodes_insert" */
	char *val;		/* what must be equal */
	/* columns: the fields, to say which differs */
	int cid, notnull, pk, hidden;
	char *type, *dflt;
};

struct facts {
	struct fact *v;
	size_t n, cap;
};

static struct fact *
fact_add(struct facts *f, enum fact_kind kind, char *name, char *val)
{
	struct fact *x;

	f->v = xgrow(f->v, &f->cap, f->n + 1, sizeof *f->v);
	x = &f->v[f->n++];
	memset(x, 0, sizeof *x);
	x->kind = kind;
	x->name = name;
	x->val = val;
	return x;
}

static void
facts_done(struct facts *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].name);
		free(f->v[i].val);
		free(f->v[i].type);
		free(f->v[i].dflt);
	}
	free(f->v);
	memset(f, 0, sizeof *f);
}

static int
fact_cmp(const void *a, const void *b)
{
	const struct fact *x = a, *y = b;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->name, y->name);
}

static char *
col_str(sqlite3_stmt *st, int col)
{
	return db_col_str(st, col);
}

/* A column as text for printf: "" for NULL. */
static const char *
txt(sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);

	return s != NULL ? s : "";
}

/* Prepares sql on db with ?1 = arg (may be NULL); NULL on failure. */
static sqlite3_stmt *
prep(sqlite3 *db, const char *sql, const char *arg, int *rc)
{
	sqlite3_stmt *st = NULL;

	*rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (*rc != SQLITE_OK) {
		sqlite3_finalize(st);
		return NULL;
	}
	if (arg != NULL)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	return st;
}

/* Ends a statement's loop: SQLITE_OK when it ran to its end. */
static int
done(sqlite3_stmt *st, int rc)
{
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* sql with each run of white space one space, none beside ( ) , */
static char *
squeeze(const char *sql)
{
	struct buf b = {0};
	const char *c;
	bool space = false;

	for (c = sql; *c != '\0'; c++) {
		if (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r') {
			space = true;
			continue;
		}
		if (space && b.len > 0 && !strchr("(,", b.s[b.len - 1]) &&
		    !strchr("),", *c))
			buf_putc(&b, ' ');
		space = false;
		buf_putc(&b, *c);
	}
	return buf_take(&b);
}

static int
table_facts(sqlite3 *db, const char *tbl, const char *sql, struct facts *f)
{
	sqlite3_stmt *st;
	struct fact *x;
	int rc;

	fact_add(f, F_TABLESQL, xstrdup(tbl), squeeze(sql));

	if ((st = prep(db, "SELECT type, wr, strict FROM pragma_table_list(?1)"
	    " WHERE schema = 'main'", tbl, &rc)) == NULL)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fact_add(f, F_TABLE, xstrdup(tbl), xasprintf("%s wr=%d strict=%d",
		    txt(st, 0), sqlite3_column_int(st, 1),
		    sqlite3_column_int(st, 2)));
	if ((rc = done(st, rc)) != SQLITE_OK)
		return rc;
	if ((st = prep(db, "SELECT cid, name, type, \"notnull\", dflt_value, pk,"
	    " hidden FROM pragma_table_xinfo(?1)", tbl, &rc)) == NULL)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		x = fact_add(f, F_COLUMN, xasprintf("%s.%s", tbl, txt(st, 1)),
		    xstrdup(""));
		x->cid = sqlite3_column_int(st, 0);
		x->type = col_str(st, 2);
		x->notnull = sqlite3_column_int(st, 3);
		x->dflt = sqlite3_column_type(st, 4) == SQLITE_NULL ? xstrdup("NULL") :
		    col_str(st, 4);
		x->pk = sqlite3_column_int(st, 5);
		x->hidden = sqlite3_column_int(st, 6);
	}
	if ((rc = done(st, rc)) != SQLITE_OK)
		return rc;
	if ((st = prep(db, "SELECT \"from\", \"table\", \"to\", on_update,"
	    " on_delete, \"match\" FROM pragma_foreign_key_list(?1)", tbl,
	    &rc)) == NULL)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fact_add(f, F_FKEY, xasprintf("%s.%s", tbl, txt(st, 0)),
		    xasprintf("%s(%s) %s %s %s", txt(st, 1), txt(st, 2), txt(st, 3),
		    txt(st, 4), txt(st, 5)));
	return done(st, rc);
}

static int
index_facts(sqlite3 *db, const char *idx, const char *tbl, const char *sql,
    struct facts *f)
{
	sqlite3_stmt *st;
	struct buf b = {0};
	bool expr = false;
	int rc, partial = 0;

	if ((st = prep(db, "SELECT \"unique\", origin, partial FROM"
	    " pragma_index_list(?1) WHERE name = ?2", tbl, &rc)) == NULL)
		return rc;
	sqlite3_bind_text(st, 2, idx, -1, SQLITE_TRANSIENT);
	buf_printf(&b, "on %s", tbl);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		partial = sqlite3_column_int(st, 2);
		buf_printf(&b, " unique=%d origin=%s partial=%d",
		    sqlite3_column_int(st, 0), txt(st, 1), partial);
	}
	if ((rc = done(st, rc)) != SQLITE_OK)
		goto out;
	if ((st = prep(db, "SELECT cid, name, \"desc\", coll, key FROM"
	    " pragma_index_xinfo(?1)", idx, &rc)) == NULL)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		expr = expr || sqlite3_column_int(st, 0) == -2;
		buf_printf(&b, " (%d %s %d %s %d)", sqlite3_column_int(st, 0),
		    txt(st, 1), sqlite3_column_int(st, 2), txt(st, 3),
		    sqlite3_column_int(st, 4));
	}
	if ((rc = done(st, rc)) != SQLITE_OK)
		goto out;
	if (expr || partial)	/* the expression is in the text only */
		buf_printf(&b, " %s", sql);
	fact_add(f, F_INDEX, xstrdup(idx), buf_take(&b));
out:
	buf_done(&b);
	return rc;
}

/* Whether name is one of axial's change-log triggers (log_TABLE_OP). */
static bool
is_log_trigger(const char *name)
{
	static const char *const ops[] = {"insert", "update", "delete"};
	const struct db_table *t;
	size_t i;

	for (t = db_tables; t->name != NULL; t++)
		for (i = 0; i < AX_ARRAY_LEN(ops); i++) {
			char *want = xasprintf("log_%s_%s", t->name, ops[i]);
			bool eq = strcmp(want, name) == 0;

			free(want);
			if (eq)
				return true;
		}
	return false;
}

/*
 * Every object of db's schema as facts, sorted, but the search index's
 * (its tables, their shadow tables and triggers, each as made here:
 * db_search_object) and the coding
 * counts' (the table and its triggers, each as made here), which
 * check_search and check_counts examine and --repair builds again. Without triggers, only the
 * names of triggers that are not axial's log_* ones are kept (as facts with
 * an empty value, which the reference never has).
 */
static int
facts_collect(sqlite3 *db, bool triggers, struct facts *f)
{
	sqlite3_stmt *st;
	int rc, rc2 = SQLITE_OK;

	if ((st = prep(db, "SELECT type, name, tbl_name, ifnull(sql, '') FROM"
	    " sqlite_schema ORDER BY name", NULL, &rc)) == NULL)
		return rc;
	while (rc2 == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		const char *tbl = (const char *)sqlite3_column_text(st, 2);
		const char *sql = (const char *)sqlite3_column_text(st, 3);

		if (type == NULL || name == NULL || tbl == NULL)
			continue;	/* not parsed by SQLite either */
		if (db_search_object(type, name, sql) ||
		    db_counts_object(name, sql))
			continue;
		if (strcmp(type, "table") == 0)
			rc2 = table_facts(db, name, sql, f);
		else if (strcmp(type, "index") == 0)
			rc2 = index_facts(db, name, tbl, sql, f);
		else if (strcmp(type, "trigger") == 0 && triggers)
			fact_add(f, F_TRIGGER, xstrdup(name), xasprintf("on %s %s", tbl, sql));
		else if (strcmp(type, "trigger") == 0 && !is_log_trigger(name))
			fact_add(f, F_TRIGGER, xstrdup(name), xstrdup(""));
		else if (strcmp(type, "view") == 0)
			fact_add(f, F_VIEW, xstrdup(name), xstrdup(""));
	}
	rc = done(st, rc);
	if (rc == SQLITE_OK)
		rc = rc2;
	if (f->n > 0)
		qsort(f->v, f->n, sizeof *f->v, fact_cmp);
	return rc;
}

/* Why column a (the file's) is not b (axial's): one phrase. */
static char *
column_reason(const struct fact *a, const struct fact *b)
{
	if (a->cid != b->cid)
		return xasprintf(_("column %d, not %d"), a->cid + 1, b->cid + 1);
	if (strcmp(a->type, b->type) != 0)
		return xasprintf(_("type %s, not %s"), a->type[0] ? a->type : "-",
		    b->type[0] ? b->type : "-");
	if (a->notnull != b->notnull)
		return xstrdup(a->notnull ? _("NOT NULL") : _("may be NULL"));
	if (strcmp(a->dflt, b->dflt) != 0)
		return xasprintf(_("default %s, not %s"), a->dflt, b->dflt);
	if (a->pk != b->pk)
		return xstrdup(_("another primary key"));
	return xstrdup(_("hidden or generated"));
}

static bool
fact_equal(const struct fact *a, const struct fact *b)
{
	if (strcmp(a->val, b->val) != 0)
		return false;
	if (a->kind != F_COLUMN)
		return true;
	return a->cid == b->cid && a->notnull == b->notnull && a->pk == b->pk &&
	    a->hidden == b->hidden && strcmp(a->type, b->type) == 0 &&
	    strcmp(a->dflt, b->dflt) == 0;
}

static void
report(db_finding_fn *fn, void *arg, int *n, char *text)
{
	fn(arg, text);
	free(text);
	(*n)++;
}

/* Unexpected objects first, then missing ones, then different ones. */
static void
facts_diff(const struct facts *have, const struct facts *want,
    db_finding_fn *fn, void *arg, int *n)
{
	size_t i, j;
	int pass;

	for (pass = 0; pass < 3; pass++) {
		i = j = 0;
		while (i < have->n || j < want->n) {
			const struct fact *a = i < have->n ? &have->v[i] : NULL;
			const struct fact *b = j < want->n ? &want->v[j] : NULL;
			int c = a == NULL ? 1 : b == NULL ? -1 : fact_cmp(a, b);

			if (c < 0) {
				if (pass == 0 && a->kind != F_TABLESQL)
					report(fn, arg, n, xasprintf(_("unexpected %s '%s'"),
					    _(fact_kind_names[a->kind]), a->name));
				i++;
			} else if (c > 0) {
				if (pass == 1 && b->kind != F_TABLESQL)
					report(fn, arg, n, xasprintf(_("missing %s '%s'"),
					    _(fact_kind_names[b->kind]), b->name));
				j++;
			} else {
				if (pass == 2 && !fact_equal(a, b)) {
					char *why = NULL;

					if (a->kind == F_COLUMN)
						why = column_reason(a, b);
					else if (a->kind == F_TABLESQL)
						why = xstrdup(_("its constraints differ"));
					else if (a->kind == F_TABLE)
						why = xstrdup(_("STRICT or WITHOUT ROWID differs"));
					if (a->kind == F_TRIGGER)
						report(fn, arg, n, xasprintf(_("trigger '%s' is "
						    "not the one axial makes"), a->name));
					else if (why != NULL)
						report(fn, arg, n, xasprintf(_("%s '%s' is not "
						    "as axial makes it (%s)"),
						    _(fact_kind_names[a->kind]), a->name, why));
					else
						report(fn, arg, n, xasprintf(_("%s '%s' is not "
						    "as axial makes it"),
						    _(fact_kind_names[a->kind]), a->name));
					free(why);
				}
				i++;
				j++;
			}
		}
	}
}

/*
 * The reference's facts for each version, built once per process: the
 * schema this axial makes does not change while it runs. (Reachable until
 * exit, so no leak checker counts it.)
 */
static const struct facts *
reference(int version)
{
	static struct facts cache[PROJECT_SCHEMA_VERSION + 1];
	static bool built[PROJECT_SCHEMA_VERSION + 1];
	sqlite3 *ref;

	if (!built[version]) {
		ref = db_schema_build(version);
		if (facts_collect(ref, version == PROJECT_SCHEMA_VERSION,
		    &cache[version]) != SQLITE_OK)
			fatal("internal SQL error: %s", sqlite3_errmsg(ref));
		sqlite3_close(ref);
		built[version] = true;
	}
	return &cache[version];
}

enum ax_status
db_schema_diff(struct project *p, int version, db_finding_fn *fn, void *arg,
    int *nfound)
{
	struct facts have = {0};
	const struct facts *want;
	int rc;

	assert(version >= 1 && version <= PROJECT_SCHEMA_VERSION);
	*nfound = 0;
	want = reference(version);
	rc = facts_collect(p->db, version == PROJECT_SCHEMA_VERSION, &have);
	if (rc == SQLITE_OK)
		facts_diff(&have, want, fn, arg, nfound);
	facts_done(&have);
	return rc == SQLITE_OK ? AX_OK : db_sqlite_fail(p, rc);
}

/* ---- the code tree --------------------------------------------------- */

enum tree_why { T_OK, T_LOOP, T_NOPARENT, T_UNDERCODE, T_BADID };

struct tnode {
	int64_t id, parent, depth;
	bool category;
	unsigned char mark;	/* 0 new, 1 on the walk, 2 done */
	enum tree_why why;	/* why it is not reachable from the top */
	size_t culprit;		/* the node whose move to the top repairs it */
	size_t pos;		/* its place on the walk while marked 1 */
};

struct tree {
	struct tnode *v;
	size_t n;
};

#define NONE ((size_t)-1)

static void
tree_done(struct tree *t)
{
	free(t->v);
	memset(t, 0, sizeof *t);
}

static enum ax_status
tree_load(struct project *p, struct tree *t)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT id, ifnull(parent_id, 0),"
	    " kind = 'category' FROM nodes ORDER BY id");
	size_t cap = 0;
	int rc;

	memset(t, 0, sizeof *t);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct tnode *x;

		t->v = xgrow(t->v, &cap, t->n + 1, sizeof *t->v);
		x = &t->v[t->n++];
		memset(x, 0, sizeof *x);
		x->id = sqlite3_column_int64(st, 0);
		x->parent = sqlite3_column_int64(st, 1);
		x->category = sqlite3_column_int(st, 2) != 0;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return AX_OK;
	tree_done(t);
	return db_sqlite_fail(p, rc);
}

static size_t
tree_find(const struct tree *t, int64_t id)
{
	size_t lo = 0, hi = t->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t->n && t->v[lo].id == id ? lo : NONE;
}

static void
settle(struct tnode *x, enum tree_why why, size_t culprit, int64_t depth)
{
	x->why = why;
	x->culprit = culprit;
	x->depth = depth;
	x->mark = 2;
}

/*
 * Classifies every node: reachable (with its depth) or why not. Walks up
 * from each unsettled node, remembering the walk, until it meets a settled
 * node, the top, a missing parent, a code, or itself (a loop); then
 * settles the walk back down. Every node is walked once: O(n log n).
 */
static void
tree_analyse(struct tree *t)
{
	size_t *walk = xcalloc(t->n ? t->n : 1, sizeof *walk);
	size_t i, j, k, nw;

	for (i = 0; i < t->n; i++) {
		nw = 0;
		for (j = i; t->v[j].mark != 2; j = k) {
			struct tnode *x = &t->v[j];

			if (x->mark == 1) {	/* a loop: walk[x->pos .. nw) */
				size_t rep = j;

				for (k = x->pos; k < nw; k++)
					if (t->v[walk[k]].id < t->v[rep].id)
						rep = walk[k];
				for (k = x->pos; k < nw; k++)
					settle(&t->v[walk[k]], T_LOOP, rep, 0);
				nw = x->pos;
				break;
			}
			x->mark = 1;
			x->pos = nw;
			walk[nw++] = j;
			if (x->id == 0) {
				settle(x, T_BADID, j, 0);
				nw--;
				break;
			}
			if (x->parent == 0) {
				settle(x, T_OK, j, 0);
				nw--;
				break;
			}
			if ((k = tree_find(t, x->parent)) == NONE) {
				settle(x, T_NOPARENT, j, 0);
				nw--;
				break;
			}
			if (!t->v[k].category) {
				settle(x, T_UNDERCODE, j, 0);
				nw--;
				break;
			}
		}
		/* the rest of the walk, top down: each parent is settled now */
		while (nw > 0) {
			struct tnode *x = &t->v[walk[--nw]];
			const struct tnode *up = &t->v[tree_find(t, x->parent)];

			settle(x, up->why, up->culprit, up->depth + 1);
		}
	}
	free(walk);
}

/* The deepest reachable node, NONE when none is too deep. */
static size_t
tree_too_deep(const struct tree *t)
{
	size_t i, deepest = NONE;

	for (i = 0; i < t->n; i++)
		if (t->v[i].why == T_OK && t->v[i].depth >= CODETREE_MAX_DEPTH &&
		    (deepest == NONE || t->v[i].depth > t->v[deepest].depth))
			deepest = i;
	return deepest;
}

/* The finding of node i when it is its own culprit, else NULL. */
static char *
tree_finding(struct project *p, const struct tree *t, size_t i)
{
	const struct tnode *x = &t->v[i];
	char *name, *up = NULL, *text = NULL;

	if (x->why == T_OK || x->culprit != i)
		return NULL;
	name = db_node_label(p, x->id);
	switch (x->why) {
	case T_LOOP:
		text = xasprintf(_("the code tree goes round in a loop: '%s' "
		    "(#%lld) is inside itself"), name, (long long)x->id);
		break;
	case T_NOPARENT:
		text = xasprintf(_("in the code tree, '%s' (#%lld) is under "
		    "#%lld, which does not exist"), name, (long long)x->id,
		    (long long)x->parent);
		break;
	case T_UNDERCODE:
		up = db_node_label(p, x->parent);
		text = xasprintf(_("in the code tree, '%s' (#%lld) is under the "
		    "code '%s'; only categories hold codes"), name,
		    (long long)x->id, up);
		break;
	default:
		text = xasprintf(_("in the code tree, '%s' has the id #%lld, which "
		    "axial never gives"), name, (long long)x->id);
		break;
	}
	free(name);
	free(up);
	return text;
}

static char *
depth_finding(struct project *p, const struct tree *t, size_t deep)
{
	char *name = db_node_label(p, t->v[deep].id);
	char *text = xasprintf(_("the code tree is %lld levels deep at '%s' "
	    "(#%lld); axial allows %d"), (long long)t->v[deep].depth + 1, name,
	    (long long)t->v[deep].id, CODETREE_MAX_DEPTH);

	free(name);
	return text;
}

enum ax_status
db_tree_verify(struct project *p)
{
	struct tree t;
	enum ax_status s;
	char *text = NULL;
	bool fixable = true;
	size_t i;

	if ((s = tree_load(p, &t)) != AX_OK)
		return s;
	tree_analyse(&t);
	for (i = 0; i < t.n && text == NULL; i++)
		if ((text = tree_finding(p, &t, i)) != NULL)
			fixable = t.v[i].why != T_BADID;
	if (text == NULL && (i = tree_too_deep(&t)) != NONE)
		text = depth_finding(p, &t, i);
	if (text != NULL && fixable)
		s = db_fail(p, AX_ERR_NOTPROJECT, "%s: %s; 'axial check --repair "
		    "%s' repairs it", p->path, text, p->path);
	else if (text != NULL)
		s = db_fail(p, AX_ERR_NOTPROJECT, "%s: %s; 'axial check %s' lists "
		    "what is wrong", p->path, text, p->path);
	free(text);
	tree_done(&t);
	return s;
}

/* ---- check_project --------------------------------------------------- */

struct findings {
	struct check_finding *v;
	size_t n, cap;
	const char *what;
};

static struct check_finding *
finding_add(struct findings *f, const char *what, char *text, char *fix)
{
	struct check_finding *x;

	f->v = xgrow(f->v, &f->cap, f->n + 1, sizeof *f->v);
	x = &f->v[f->n++];
	memset(x, 0, sizeof *x);
	x->what = what;
	x->text = text;
	x->fix = fix;
	return x;
}

static void
schema_finding(void *arg, const char *text)
{
	struct findings *f = arg;

	finding_add(f, f->what, xstrdup(text), NULL);
}

/* A report's lines as findings, one each, but its "*** in database" heads
 * and a CHECK of links failed, which is no damage to the file's structure:
 * check_links names each such link and repairs it. */
static void
lines_findings(struct findings *f, const char *what, const char *report)
{
	static const char links_check[] = "CHECK constraint failed in links";
	const char *line, *nl;

	for (line = report; *line != '\0'; line = nl + (*nl != '\0')) {
		nl = line + strcspn(line, "\n");
		if ((size_t)(nl - line) == sizeof links_check - 1 &&
		    strncmp(line, links_check, sizeof links_check - 1) == 0)
			continue;
		if (nl > line && strncmp(line, "*** ", 4) != 0)
			finding_add(f, what, xstrndup(line, (size_t)(nl - line)), NULL);
	}
}

/* One pragma's rows as findings of kind what: every row but a lone "ok". */
static void
pragma_findings(struct project *p, struct findings *f, const char *sql,
    const char *what)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = prep(p->db, sql, NULL, &rc)) == NULL) {
		finding_add(f, what, xstrdup(sqlite3_errmsg(p->db)), NULL);
		return;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *a = (const char *)sqlite3_column_text(st, 0);

		if (sqlite3_column_count(st) == 1) {	/* integrity_check */
			if (a != NULL && strcmp(a, "ok") != 0)
				lines_findings(f, what, a);
			continue;
		}
		/* foreign_key_check: table, rowid, parent, fkid. A node's
		 * missing parent is the tree's finding. */
		if (a == NULL || strcmp(a, "nodes") == 0)
			continue;
		if (strcmp(a, "codings") == 0)
			finding_add(f, "coding", xasprintf(_("coding #%lld refers to "
			    "a %s row that does not exist"),
			    (long long)sqlite3_column_int64(st, 1), txt(st, 2)),
			    xstrdup(_("delete the coding")))->row =
			    sqlite3_column_int64(st, 1);
		else if (strcmp(a, "links") == 0)
			finding_add(f, "link", xasprintf(_("link #%lld refers to a "
			    "%s row that does not exist"),
			    (long long)sqlite3_column_int64(st, 1), txt(st, 2)),
			    xstrdup(_("delete the link with its evidence and memo")))->row =
			    sqlite3_column_int64(st, 1);
		else if (strcmp(a, "link_evidence") == 0)
			finding_add(f, "link-evidence", xasprintf(_("evidence #%lld "
			    "of a link refers to a %s row that does not exist"),
			    (long long)sqlite3_column_int64(st, 1), txt(st, 2)),
			    xstrdup(_("detach it")))->row = sqlite3_column_int64(st, 1);
		else
			finding_add(f, what, xasprintf(_("%s #%lld refers to a %s row "
			    "that does not exist"), a,
			    (long long)sqlite3_column_int64(st, 1), txt(st, 2)), NULL);
	}
	if (rc != SQLITE_DONE)
		finding_add(f, what, xstrdup(sqlite3_errmsg(p->db)), NULL);
	sqlite3_finalize(st);
}

/* A name for the top level no other top-level node has; the caller frees it. */
static char *
free_top_name(struct project *p, int64_t id, const char *name)
{
	sqlite3_stmt *st = db_stmt(p, "SELECT count(*) FROM nodes WHERE"
	    " ifnull(parent_id, 0) = 0 AND name = ?1 AND id <> ?2");
	char *try = xstrdup(name);
	int i;

	for (i = 1; ; i++) {
		int64_t taken;

		sqlite3_bind_text(st, 1, try, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, id);
		taken = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_reset(st);
		if (taken == 0)
			return try;
		free(try);
		try = i == 1 ? xasprintf("%s (#%lld)", name, (long long)id) :
		    xasprintf("%s (#%lld, %d)", name, (long long)id, i);
	}
}

/* The position after the last top-level node's. */
static int64_t
top_position(struct project *p)
{
	return db_int(p, "SELECT ifnull(max(position), 0) + 1 FROM nodes"
	    " WHERE ifnull(parent_id, 0) = 0", 0, 1);
}

/* Moves node id to the top level at position *pos, then the next one. */
static enum ax_status
move_to_top(struct project *p, int64_t id, int64_t *pos)
{
	sqlite3_stmt *st;
	char *name = db_node_label(p, id), *nm = free_top_name(p, id, name);
	enum ax_status s;

	free(name);
	st = db_stmt(p, "UPDATE nodes SET parent_id = NULL, name = ?2,"
	    " position = ?3 WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, nm, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, (*pos)++);
	s = db_exec_stmt(p, st);
	free(nm);
	return s;
}

/*
 * The tree's findings, repaired when asked: first every culprit (loops,
 * missing parents, nodes under codes) to the top level, one action each;
 * then, the tree analysed again, a tree too deep is cut: every node whose
 * depth is a multiple of the limit goes to the top level, in one action.
 */
static enum ax_status
check_tree(struct project *p, struct findings *f, bool repair)
{
	struct tree t;
	enum ax_status s;
	size_t i, deep;
	int64_t pos;
	int round;

	for (round = 0; round < 2; round++) {
		if ((s = tree_load(p, &t)) != AX_OK)
			return s;
		tree_analyse(&t);
		for (i = 0; i < t.n && s == AX_OK; i++) {
			char *text = round == 0 ? tree_finding(p, &t, i) : NULL;
			struct check_finding *x;

			if (text == NULL)
				continue;
			x = finding_add(f, "tree", text, t.v[i].why == T_BADID ? NULL :
			    xstrdup(_("move it to the top level")));
			x->row = t.v[i].id;
			if (!repair || x->fix == NULL)
				continue;
			if ((s = db_action_begin(p, DB_REPAIR_LABEL)) != AX_OK)
				break;
			pos = top_position(p);
			s = db_action_end(p, move_to_top(p, t.v[i].id, &pos));
			x->repaired = s == AX_OK;
		}
		deep = tree_too_deep(&t);
		if (s == AX_OK && deep != NONE && (round == 1 || !repair)) {
			struct check_finding *x = finding_add(f, "tree",
			    depth_finding(p, &t, deep), xasprintf(_("move the nodes "
			    "at levels %d, %d, ... to the top level"),
			    CODETREE_MAX_DEPTH + 1, 2 * CODETREE_MAX_DEPTH + 1));

			if (repair && (s = db_action_begin(p, DB_REPAIR_LABEL)) == AX_OK) {
				pos = top_position(p);
				for (i = 0; i < t.n && s == AX_OK; i++)
					if (t.v[i].why == T_OK && t.v[i].depth > 0 &&
					    t.v[i].depth % CODETREE_MAX_DEPTH == 0)
						s = move_to_top(p, t.v[i].id, &pos);
				s = db_action_end(p, s);
				x->repaired = s == AX_OK;
			}
		}
		tree_done(&t);
		if (s != AX_OK || !repair)
			break;
	}
	return s;
}

/* Each document's stored lengths and checksum against its text. */
static enum ax_status
check_documents(struct project *p, struct findings *f, bool repair)
{
	sqlite3_stmt *st;
	int rc;
	enum ax_status s = AX_OK;

	/* Not the statement cache: repairs prepare statements meanwhile. */
	if ((st = prep(p->db, "SELECT d.id, d.name, d.nchars, d.nbytes,"
	    " d.sha256, t.text, t.id IS NOT NULL FROM documents d LEFT JOIN"
	    " document_text t ON t.id = d.id ORDER BY d.id", NULL, &rc)) == NULL)
		return db_sqlite_fail(p, rc);
	while (s == AX_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		int64_t nchars = sqlite3_column_int64(st, 2);
		int64_t nbytes = sqlite3_column_int64(st, 3);
		const char *sha = (const char *)sqlite3_column_text(st, 4);
		const char *text = (const char *)sqlite3_column_blob(st, 5);
		size_t len = (size_t)sqlite3_column_bytes(st, 5), n;
		char hex[65];
		struct check_finding *x;

		if (name == NULL)
			name = "";
		if (!sqlite3_column_int(st, 6)) {
			finding_add(f, "document", xasprintf(_("document '%s' (#%lld) "
			    "has no text"), name, (long long)id), NULL)->row = id;
			continue;
		}
		if (text == NULL)
			text = "";
		if (u8_check((const uint8_t *)text, len) != NULL ||
		    memchr(text, '\0', len) != NULL) {
			finding_add(f, "document", xasprintf(_("document '%s' (#%lld): "
			    "its text is not valid UTF-8"), name, (long long)id),
			    NULL)->row = id;
			continue;
		}
		n = textin_nchars(text, len);
		textin_sha256(text, len, hex);
		if (sha == NULL || strcmp(sha, hex) != 0)
			finding_add(f, "document", xasprintf(_("document '%s' (#%lld): "
			    "its text is not the text imported (another SHA-256)"), name,
			    (long long)id), NULL)->row = id;
		if (nchars == (int64_t)n && nbytes == (int64_t)len)
			continue;
		x = finding_add(f, "document", xasprintf(_("document '%s' (#%lld) "
		    "says it has %lld characters and %lld bytes; its text has %zu "
		    "and %zu"), name, (long long)id, (long long)nchars,
		    (long long)nbytes, n, len), xstrdup(_("set them from the text")));
		x->row = id;
		if (repair && (s = db_action_begin(p, DB_REPAIR_LABEL)) == AX_OK) {
			sqlite3_stmt *u = db_stmt(p, "UPDATE documents SET nchars = ?2,"
			    " nbytes = ?3 WHERE id = ?1");

			sqlite3_bind_int64(u, 1, id);
			sqlite3_bind_int64(u, 2, (int64_t)n);
			sqlite3_bind_int64(u, 3, (int64_t)len);
			s = db_action_end(p, db_exec_stmt(p, u));
			x->repaired = s == AX_OK;
		}
	}
	if (s == AX_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
		s = db_sqlite_fail(p, rc);
	sqlite3_finalize(st);
	return s;
}

/*
 * The findings from `from` on whose repair deletes their row (the
 * foreign-key check's: their node, document or link is gone;
 * check_spans'), repaired, one action each: a coding, a link (with its
 * evidence and memos), a link's evidence.
 */
static enum ax_status
repair_codings(struct project *p, struct findings *f, size_t from)
{
	enum ax_status s = AX_OK, r;
	const char *w;
	size_t i;

	for (i = from; i < f->n && s == AX_OK; i++) {
		w = f->v[i].what;
		if (f->v[i].fix == NULL || (strcmp(w, "coding") != 0 &&
		    strcmp(w, "link") != 0 && strcmp(w, "link-evidence") != 0))
			continue;
		if ((s = db_action_begin(p, DB_REPAIR_LABEL)) != AX_OK)
			break;
		r = strcmp(w, "coding") == 0 ? db_coding_drop(p, f->v[i].row) :
		    strcmp(w, "link") == 0 ? db_link_drop(p, f->v[i].row) :
		    db_exec_id(p, "DELETE FROM link_evidence WHERE id = ?1",
		    f->v[i].row);
		s = db_action_end(p, r);
		f->v[i].repaired = s == AX_OK;
	}
	return s;
}

/* Runs repair (one action) for finding x when asked; marks it. */
static enum ax_status
repair_one(struct project *p, struct check_finding *x, bool repair,
    enum ax_status (*fn)(struct project *, int64_t, int64_t), int64_t a,
    int64_t b)
{
	enum ax_status s;

	if (!repair || x->fix == NULL)
		return AX_OK;
	if ((s = db_action_begin(p, DB_REPAIR_LABEL)) != AX_OK)
		return s;
	s = db_action_end(p, fn(p, a, b));
	x->repaired = s == AX_OK;
	return s;
}

static enum ax_status
drop_link(struct project *p, int64_t id, int64_t unused)
{
	(void)unused;
	return db_link_drop(p, id);
}

static enum ax_status
fold_links(struct project *p, int64_t keep, int64_t drop)
{
	/* a third copy may have folded one of the two already */
	if (db_int(p, "SELECT count(*) FROM links WHERE id = ?", keep, 0) == 0 ||
	    db_int(p, "SELECT count(*) FROM links WHERE id = ?", drop, 0) == 0)
		return AX_OK;
	return db_link_fold(p, keep, drop);
}

static enum ax_status
direct_link(struct project *p, int64_t id, int64_t unused)
{
	(void)unused;
	return db_exec_id(p, "UPDATE links SET directed = 1 WHERE id = ?1", id);
}

static enum ax_status
unmark_core(struct project *p, int64_t unused, int64_t unused2)
{
	(void)unused;
	(void)unused2;
	return db_exec(p, "DELETE FROM meta WHERE key = 'core_node'");
}

static enum ax_status
restore_type(struct project *p, int64_t id, int64_t unused)
{
	sqlite3_stmt *st = db_stmt(p, "INSERT INTO link_types(id, key, name,"
	    " created) VALUES (?1, ?2, ?3, strftime('%s','now'))");

	(void)unused;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, link_builtin_key(id), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, link_builtin_name(id), -1, SQLITE_STATIC);
	return db_exec_stmt(p, st);
}

/* Codings whose span is not 0 <= start < end <= the text's code points. */
static enum ax_status
check_spans(struct project *p, struct findings *f, bool repair)
{
	sqlite3_stmt *st;
	size_t from = f->n;
	int rc;
	enum ax_status s = AX_OK;

	if ((st = prep(p->db, "WITH len(id, n) AS MATERIALIZED"
	    " (SELECT id, length(text) FROM document_text)"
	    " SELECT c.id, c.start, c.end, d.name, len.n FROM codings c"
	    " JOIN documents d ON d.id = c.doc_id JOIN len ON len.id = c.doc_id"
	    " WHERE NOT (c.start >= 0 AND c.start < c.end AND c.end <= len.n)"
	    " ORDER BY c.id", NULL, &rc)) == NULL)
		return db_sqlite_fail(p, rc);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		finding_add(f, "coding",
		    xasprintf(_("coding #%lld [%lld, %lld) lies outside its document "
		    "'%s' (%lld characters)"),
		    (long long)sqlite3_column_int64(st, 0),
		    (long long)sqlite3_column_int64(st, 1),
		    (long long)sqlite3_column_int64(st, 2),
		    txt(st, 3),
		    (long long)sqlite3_column_int64(st, 4)),
		    xstrdup(_("delete the coding")))->row =
		    sqlite3_column_int64(st, 0);
	if (rc != SQLITE_DONE)
		s = db_sqlite_fail(p, rc);
	sqlite3_finalize(st);
	return s == AX_OK && repair ? repair_codings(p, f, from) : s;
}

/*
 * What the rules of links (link.h) forbid and another program may have
 * written: a link of a node to itself, two links that are one, an "is part
 * of" without direction or going round in a loop, a built-in type gone,
 * a core category that is none. Each repair that is safe is one action.
 */
static enum ax_status
check_links(struct project *p, struct findings *f, bool repair)
{
	sqlite3_stmt *st;
	struct check_finding *x;
	enum ax_status s = AX_OK;
	int64_t id, a, b, core;
	char *r, *na;
	int rc;

	/* Not the statement cache: repairs use it meanwhile. These two
	 * are what the CHECKs of links refuse. */
	if ((st = prep(p->db, "SELECT id FROM links WHERE directed NOT IN (0, 1)"
	    " ORDER BY id", NULL, &rc)) == NULL)
		return db_sqlite_fail(p, rc);
	while (s == AX_OK && sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		x = finding_add(f, "link", xasprintf(_("link #%lld is neither "
		    "directed nor undirected"), (long long)id),
		    xstrdup(_("make it directed")));
		x->row = id;
		s = repair_one(p, x, repair, direct_link, id, 0);
	}
	sqlite3_finalize(st);
	if (s != AX_OK)
		return s;
	if ((st = prep(p->db, "SELECT id, from_id, to_id, type_id FROM links"
	    " WHERE from_id = to_id ORDER BY id", NULL, &rc)) == NULL)
		return db_sqlite_fail(p, rc);
	while (s == AX_OK && sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		na = db_node_label(p, sqlite3_column_int64(st, 1));
		x = finding_add(f, "link", xasprintf(_("link #%lld joins «%s» to "
		    "itself"), (long long)id, na), xstrdup(_("delete the link "
		    "with its evidence and memo")));
		x->row = id;
		free(na);
		s = repair_one(p, x, repair, drop_link, id, 0);
	}
	sqlite3_finalize(st);
	if (s != AX_OK)
		return s;
	if ((st = prep(p->db, "SELECT a.id, b.id, a.from_id, a.to_id, a.type_id"
	    " FROM links a JOIN links b ON a.id < b.id AND a.type_id = b.type_id"
	    " AND ((a.from_id = b.from_id AND a.to_id = b.to_id) OR"
	    " (a.from_id = b.to_id AND a.to_id = b.from_id AND"
	    " (a.directed = 0 OR b.directed = 0))) ORDER BY b.id, a.id",
	    NULL, &rc)) == NULL)
		return db_sqlite_fail(p, rc);
	while (s == AX_OK && sqlite3_step(st) == SQLITE_ROW) {
		a = sqlite3_column_int64(st, 0);
		b = sqlite3_column_int64(st, 1);
		r = db_link_relation(p, sqlite3_column_int64(st, 2),
		    sqlite3_column_int64(st, 3), sqlite3_column_int64(st, 4), true);
		x = finding_add(f, "link", xasprintf(_("links #%lld and #%lld are "
		    "one link, %s"), (long long)a, (long long)b, r),
		    xasprintf(_("fold #%lld into #%lld, keeping the evidence and memos "
		    "of both"),
		    (long long)b, (long long)a));
		x->row = b;
		free(r);
		s = repair_one(p, x, repair, fold_links, a, b);
	}
	sqlite3_finalize(st);
	if (s != AX_OK)
		return s;
	if ((st = prep(p->db, "SELECT id, from_id, to_id FROM links WHERE"
	    " type_id = 6 AND directed = 0 ORDER BY id", NULL, &rc)) == NULL)
		return db_sqlite_fail(p, rc);
	while (s == AX_OK && sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		r = db_link_relation(p, sqlite3_column_int64(st, 1),
		    sqlite3_column_int64(st, 2), LINK_TYPE_PART_OF, true);
		x = finding_add(f, "link", xasprintf(_("link #%lld, %s, has no "
		    "direction; «is part of» goes one way"), (long long)id, r),
		    xstrdup(_("make it go from the first to the second")));
		x->row = id;
		free(r);
		s = repair_one(p, x, repair, direct_link, id, 0);
	}
	sqlite3_finalize(st);
	if (s != AX_OK)
		return s;
	/* Each loop of "is part of" once (type 6, LINK_TYPE_PART_OF), named
	 * by its node of least id, with how many nodes go round in it:
	 * reach(start, id) holds every node id that start is part of,
	 * directly or not (UNION: ends on a loop). */
	if ((st = prep(p->db, "WITH RECURSIVE reach(start, id) AS (SELECT"
	    " from_id, to_id FROM links WHERE type_id = 6 UNION SELECT r.start,"
	    " l.to_id FROM reach r JOIN links l ON l.from_id = r.id AND"
	    " l.type_id = 6) SELECT r.start, (SELECT count(*) FROM reach r2 WHERE"
	    " r2.start = r.start AND EXISTS(SELECT 1 FROM reach r3 WHERE"
	    " r3.start = r2.id AND r3.id = r.start)) FROM reach r WHERE"
	    " r.id = r.start AND NOT EXISTS(SELECT 1 FROM reach o WHERE"
	    " o.start < r.start AND o.id = o.start AND o.start IN (SELECT id"
	    " FROM reach WHERE start = r.start) AND r.start IN (SELECT id FROM"
	    " reach WHERE start = o.start)) ORDER BY r.start", NULL,
	    &rc)) == NULL)
		return db_sqlite_fail(p, rc);
	while (sqlite3_step(st) == SQLITE_ROW) {
		na = db_node_label(p, sqlite3_column_int64(st, 0));
		finding_add(f, "link", xasprintf(_("the «is part of» links go round "
		    "in a loop of %lld: «%s» (#%lld) is part of itself"),
		    (long long)sqlite3_column_int64(st, 1), na,
		    (long long)sqlite3_column_int64(st, 0)), NULL)->row =
		    sqlite3_column_int64(st, 0);
		free(na);
	}
	sqlite3_finalize(st);
	for (id = 1; s == AX_OK && id <= LINK_BUILTIN_COUNT; id++) {
		if (db_int(p, "SELECT count(*) FROM link_types WHERE id = ?", id, 0))
			continue;
		x = finding_add(f, "link", xasprintf(_("the built-in link type "
		    "«%s» (#%lld) is missing"), _(link_builtin_name(id)),
		    (long long)id), xstrdup(_("put it back")));
		x->row = id;
		s = repair_one(p, x, repair, restore_type, id, 0);
	}
	core = db_int(p, "SELECT CAST(value AS INTEGER) FROM meta WHERE"
	    " key = 'core_node'", 0, 0);
	if (s == AX_OK && db_int(p, "SELECT count(*) FROM meta WHERE"
	    " key = 'core_node'", 0, 0) > 0 && db_int(p, "SELECT count(*) FROM"
	    " nodes WHERE id = ? AND kind = 'category'", core, 0) == 0) {
		x = finding_add(f, "core", xasprintf(_("the core category is #%lld, "
		    "which is not a category of the project"), (long long)core),
		    xstrdup(_("unmark it")));
		x->row = core;
		s = repair_one(p, x, repair, unmark_core, 0, 0);
	}
	return s;
}

/* The search index against the text (search.h); rebuilt on repair. */
static enum ax_status
check_search(struct project *p, struct findings *f, bool repair)
{
	struct check_finding *x;

	if (search_index_check(p) == AX_OK)
		return AX_OK;
	x = finding_add(f, "search-index", xstrdup(p->errmsg),
	    xstrdup(_("build the search index again from the text")));
	if (repair) {
		if (search_index_rebuild(p) != AX_OK)
			return AX_ERR_IO;
		x->repaired = true;
	}
	return AX_OK;
}

/* The codings per code and coder against the codings; rebuilt on repair. */
static enum ax_status
check_counts(struct project *p, struct findings *f, bool repair)
{
	struct check_finding *x;

	if (db_counts_check(p) == AX_OK)
		return AX_OK;
	x = finding_add(f, "coding-counts", xstrdup(p->errmsg),
	    xstrdup(_("count the codings again")));
	if (repair) {
		if (db_counts_rebuild(p) != AX_OK)
			return AX_ERR_IO;
		x->repaired = true;
	}
	return AX_OK;
}

enum ax_status
check_project(struct project *p, bool repair, struct check_finding **out,
    size_t *n)
{
	struct findings f = {0};
	enum ax_status s;
	size_t damaged, fk_from;
	int ns = 0;

	*out = NULL;
	*n = 0;
	if (repair && p->readonly)
		return db_fail(p, AX_ERR_READONLY, "%s: the project is read-only; "
		    "nothing was changed", p->path);
	pragma_findings(p, &f, "PRAGMA integrity_check", "integrity");
	damaged = fk_from = f.n;
	pragma_findings(p, &f, "PRAGMA foreign_key_check", "foreign-key");
	f.what = "schema";
	s = db_schema_diff(p, p->version, schema_finding, &f, &ns);
	damaged += (size_t)ns;
	/* The rest reads axial's tables: only when they are axial's and
	 * SQLite finds nothing damaged (it would fail on the damage). */
	if (s == AX_OK && damaged == 0 && p->schema_ok) {
		bool fix = repair;

		if ((s = repair_codings(p, &f, fix ? fk_from : f.n)) == AX_OK &&
		    (s = check_tree(p, &f, fix)) == AX_OK &&
		    (s = check_documents(p, &f, fix)) == AX_OK &&
		    (s = check_spans(p, &f, fix)) == AX_OK &&
		    (p->version < 6 || (s = check_links(p, &f, fix)) == AX_OK) &&
		    (p->version < 7 || (s = check_search(p, &f, fix)) == AX_OK) &&
		    p->version >= DB_COUNTS_VERSION)
			s = check_counts(p, &f, fix);
	}
	if (s != AX_OK) {
		check_findings_free(f.v, f.n);
		return s;
	}
	*out = f.v;
	*n = f.n;
	return AX_OK;
}

void
check_findings_free(struct check_finding *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(f[i].text);
		free(f[i].fix);
	}
	free(f);
}
