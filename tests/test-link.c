/*
 * test-link.c: links between codes and categories in the store (link.h):
 * types, adding, listing, removing, undo and redo, evidence, the memo, a
 * code merged or removed with its links, blind coding, the core category
 * and storyline memos, every refusal with nothing changed, and files
 * damaged by another program.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "store/blind.h"
#include "store/check.h"
#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/document.h"
#include "store/history.h"
#include "store/link.h"
#include "store/memo.h"
#include "store/project.h"
#include "base/util.h"
#include "testutil.h"

/* Runs sql on the file through a connection of its own (the store's is
 * opaque): the data as another program reads it. Rows as "a|b;..." */
static char *
query(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	struct buf b = {0};
	int i;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (i = 0; i < sqlite3_column_count(st); i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);

			buf_printf(&b, "%s%s", i ? "|" : "", v ? v : "NULL");
		}
		buf_putc(&b, ';');
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return b.s != NULL ? buf_take(&b) : xstrdup("");
}

/* Expects query(path, sql) to give want. */
#define ASSERT_QUERY(path, sql, want) do { \
	char *q_ = query((path), (sql)); \
	assert_string_equal(q_, (want)); \
	free(q_); \
} while (0)

/* Changes a file as another program would: foreign keys and CHECKs off. */
static void
damage(const char *path, const char *sql)
{
	sqlite3 *db;
	char *err = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, "PRAGMA foreign_keys = OFF;"
	    " PRAGMA ignore_check_constraints = ON;", NULL, NULL, &err) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
	sqlite3_close(db);
}

/* Everything a link action may touch, and the log: equal before and after
 * a refusal means nothing changed. */
static char *
dump(const char *path)
{
	return query(path, "SELECT 'links', * FROM links UNION ALL"
	    " SELECT 'ev', id, link_id, coding_id, 0, 0, 0, 0, 0 FROM link_evidence"
	    " UNION ALL SELECT 'types', id, key, name, color, created, 0, 0, 0"
	    " FROM link_types UNION ALL SELECT 'memos', id, target, target_id,"
	    " type, body, 0, 0, 0 FROM memos UNION ALL SELECT 'meta', id, key,"
	    " value, 0, 0, 0, 0, 0 FROM meta UNION ALL SELECT 'nodes', id, name,"
	    " 0, 0, 0, 0, 0, 0 FROM nodes UNION ALL SELECT 'log', max(id), 0, 0,"
	    " 0, 0, 0, 0, 0 FROM actions UNION ALL SELECT 'changes', max(id), 0,"
	    " 0, 0, 0, 0, 0, 0 FROM changes");
}

/* Expects call to be refused with st and a message holding want, and the
 * file as it was. */
#define REFUSED(p, path, call, st, want) do { \
	char *before_ = dump(path), *after_; \
	assert_int_equal((call), (st)); \
	if (strstr(project_errmsg(p), (want)) == NULL) \
		fail_msg("message '%s' lacks '%s'", project_errmsg(p), (want)); \
	after_ = dump(path); \
	assert_string_equal(before_, after_); \
	free(before_); \
	free(after_); \
} while (0)

static char *
last_label(struct project *p)
{
	struct history_entry *e;
	size_t n;
	char *l;

	assert_ok(history_log(p, 1, &e, &n));
	assert_int_equal(n, 1);
	l = xstrdup(e[0].label);
	history_log_free(e, n);
	return l;
}

#define ASSERT_LABEL(p, want) do { \
	char *l_ = last_label(p); \
	assert_string_equal(l_, (want)); \
	free(l_); \
} while (0)

static size_t
nlinks(struct project *p, int64_t node)
{
	struct link *l;
	size_t n;

	assert_ok(link_list(p, node, &l, &n));
	link_list_free(l, n);
	return n;
}

static void
test_types(void **state)
{
	struct project *p;
	struct link_type *t;
	size_t n, i;
	char *path;
	int64_t id, found;
	static const char *const keys[] = {"causes", "context", "intervenes",
		"strategy", "leads-to", "part-of", "contradicts"};
	static const char *const names[] = {"causes", "is the context of",
		"intervenes in", "is a strategy for", "leads to", "is part of",
		"contradicts"};

	(void)state;
	p = tu_new_project(&path);
	assert_ok(link_type_list(p, &t, &n));
	assert_int_equal(n, LINK_BUILTIN_COUNT);
	for (i = 0; i < n; i++) {
		assert_int_equal(t[i].id, (int64_t)i + 1);
		assert_string_equal(t[i].key, keys[i]);
		assert_string_equal(t[i].name, names[i]);
		assert_string_equal(t[i].color, "");
		assert_string_equal(link_builtin_name(t[i].id), names[i]);
		assert_string_equal(link_builtin_key(t[i].id), keys[i]);
	}
	link_type_list_free(t, n);
	assert_null(link_builtin_name(0));
	assert_null(link_builtin_name(8));
	assert_int_equal(LINK_TYPE_PART_OF, 6);

	assert_ok(link_type_add(p, "  supports ", "#AA00ff", &id));
	assert_int_equal(id, 8);
	ASSERT_LABEL(p, "link type add «supports»");
	assert_ok(link_type_add(p, "blocks", NULL, NULL));
	assert_ok(link_type_list(p, &t, &n));
	assert_int_equal(n, 9);
	/* the project's own after the built-ins, by name */
	assert_string_equal(t[7].name, "blocks");
	assert_null(t[7].key);
	assert_string_equal(t[8].name, "supports");
	assert_string_equal(t[8].color, "#aa00ff");
	link_type_list_free(t, n);

	/* found by short name, name, folded name, #ID */
	assert_ok(link_type_find(p, "part-of", &found));
	assert_int_equal(found, LINK_TYPE_PART_OF);
	assert_ok(link_type_find(p, "is part of", &found));
	assert_int_equal(found, LINK_TYPE_PART_OF);
	assert_ok(link_type_find(p, "Is Part  Of", &found));
	assert_int_equal(found, LINK_TYPE_PART_OF);
	assert_ok(link_type_find(p, "causes", &found));
	assert_int_equal(found, LINK_TYPE_CAUSES);
	assert_ok(link_type_find(p, "SUPPORTS", &found));
	assert_int_equal(found, id);
	assert_ok(link_type_find(p, "#3", &found));
	assert_int_equal(found, LINK_TYPE_INTERVENES);
	assert_int_equal(link_type_find(p, "#99", &found), AX_ERR_NOTFOUND);
	assert_non_null(strstr(project_errmsg(p), "no link type #99"));
	assert_int_equal(link_type_find(p, "causs", &found), AX_ERR_NOTFOUND);
	assert_non_null(strstr(project_errmsg(p), "did you mean «causes»?"));
	assert_int_equal(link_type_find(p, "zzzzzzzz", &found), AX_ERR_NOTFOUND);
	assert_non_null(strstr(project_errmsg(p), "no link type 'zzzzzzzz'"));

	/* refusals, nothing changed */
	REFUSED(p, path, link_type_add(p, "", NULL, NULL), AX_ERR_INPUT,
	    "link type name");
	REFUSED(p, path, link_type_add(p, "   ", NULL, NULL), AX_ERR_INPUT,
	    "link type name");
	REFUSED(p, path, link_type_add(p, "bad\x1b[31m", NULL, NULL),
	    AX_ERR_INPUT, "control character");
	REFUSED(p, path, link_type_add(p, "two\nlines", NULL, NULL),
	    AX_ERR_INPUT, "control character");
	REFUSED(p, path, link_type_add(p, "Causes", NULL, NULL), AX_ERR_EXISTS,
	    "already a link type «causes» (#1)");
	REFUSED(p, path, link_type_add(p, "leads-to", NULL, NULL), AX_ERR_EXISTS,
	    "«leads to» (#5)");
	REFUSED(p, path, link_type_add(p, "Sup ports", NULL, NULL), AX_ERR_EXISTS,
	    "«supports» (#8)");
	REFUSED(p, path, link_type_add(p, "new", "red", NULL), AX_ERR_INPUT,
	    "colour must be #rrggbb");
	/* undo takes a type back */
	assert_ok(history_undo(p, NULL));
	assert_int_equal(link_type_find(p, "blocks", &found), AX_ERR_NOTFOUND);
	project_close(p);
	free(path);
}

/* A type another coder has used since cannot be taken back by undo: the
 * links made with it would go too. */
static void
test_undo_type_in_use(void **state)
{
	struct project *p, *b;
	struct link l;
	char *path;
	int64_t t, k1, k2, id;

	(void)state;
	p = tu_new_project(&path);
	assert_ok(codetree_add(p, 0, NODE_CODE, "k1", &k1));
	assert_ok(codetree_add(p, 0, NODE_CODE, "k2", &k2));
	assert_ok(coder_add(p, "B", NULL, NULL, project_account(p)));
	assert_ok(project_open(path, 0, "B", &b, NULL));
	assert_ok(link_type_add(p, "enables", NULL, &t));
	assert_ok(link_add(b, k1, k2, t, true, NULL, &id));
	REFUSED(p, path, history_undo(p, NULL), AX_ERR_CONFLICT,
	    "cannot undo or redo 'link type add «enables»': other coders' work "
	    "depends on it");
	assert_ok(link_get(p, id, &l));
	link_done(&l);
	/* B's own undo takes B's link, then the owner's type may go */
	assert_ok(history_undo(b, NULL));
	assert_ok(history_undo(p, NULL));
	assert_int_equal(link_type_find(p, "enables", &t), AX_ERR_NOTFOUND);
	project_close(b);
	project_close(p);
	free(path);
}

struct model {
	struct project *p;
	char *path;
	int64_t doc, a, b, x, cat, c_a, c_b;
};

/* Codes a, b, x, a category, and a coding of a and of b (b's first). */
static void
model(struct model *m)
{
	m->p = tu_new_project(&m->path);
	m->doc = tu_doc(m->p, "d", "alpha beta gamma delta\n");
	assert_ok(codetree_add(m->p, 0, NODE_CODE, "a", &m->a));
	assert_ok(codetree_add(m->p, 0, NODE_CODE, "b", &m->b));
	assert_ok(codetree_add(m->p, 0, NODE_CODE, "x", &m->x));
	assert_ok(codetree_add(m->p, 0, NODE_CATEGORY, "Cat", &m->cat));
	assert_ok(coding_add(m->p, m->doc, m->a, 11, 16, &m->c_a));
	assert_ok(coding_add(m->p, m->doc, m->b, 0, 5, &m->c_b));
}

static void
model_done(struct model *m)
{
	project_close(m->p);
	free(m->path);
}

static void
test_add_list_remove(void **state)
{
	struct model m;
	struct link l;
	struct link *v;
	struct memo mo;
	size_t n;
	int64_t id, id2, me;

	(void)state;
	model(&m);
	assert_ok(link_add(m.p, m.a, m.b, LINK_TYPE_CAUSES, true, "why:\nbecause",
	    &id));
	ASSERT_LABEL(m.p, "link «a» causes «b»");
	assert_ok(coder_find(m.p, project_coder_login(m.p), &me));
	assert_ok(link_get(m.p, id, &l));
	assert_int_equal(l.id, id);
	assert_int_equal(l.from, m.a);
	assert_int_equal(l.to, m.b);
	assert_int_equal(l.type, LINK_TYPE_CAUSES);
	assert_true(l.directed);
	assert_int_equal(l.author, me);
	assert_true(l.created > 0);
	assert_int_equal(strlen(l.guid), 36);
	assert_int_equal(l.nevidence, 0);
	assert_true(l.memo != 0);
	assert_ok(memo_get(m.p, l.memo, &mo));
	assert_int_equal(mo.target, MEMO_LINK);
	assert_int_equal(mo.target_id, id);
	assert_string_equal(mo.body, "why:\nbecause");
	memo_done(&mo);
	assert_ok(link_find_guid(m.p, l.guid, &id2));
	assert_int_equal(id2, id);
	link_done(&l);

	/* undirected, no memo; another type between the same two */
	assert_ok(link_add(m.p, m.b, m.x, LINK_TYPE_CONTEXT, false, "", &id2));
	ASSERT_LABEL(m.p, "link «b» is the context of «x»");
	assert_ok(link_get(m.p, id2, &l));
	assert_false(l.directed);
	assert_int_equal(l.memo, 0);
	link_done(&l);
	assert_ok(link_list(m.p, 0, &v, &n));
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id, id);
	assert_int_equal(v[1].id, id2);
	link_list_free(v, n);
	assert_int_equal(nlinks(m.p, m.b), 2);
	assert_int_equal(nlinks(m.p, m.a), 1);
	assert_int_equal(nlinks(m.p, m.cat), 0);

	/* undo and redo of the add, memo and all */
	assert_ok(history_undo(m.p, NULL));
	assert_ok(history_undo(m.p, NULL));
	assert_int_equal(nlinks(m.p, 0), 0);
	assert_int_equal(link_get(m.p, id, &l), AX_ERR_NOTFOUND);
	assert_string_equal(project_errmsg(m.p), "no link #1");
	ASSERT_QUERY(m.path, "SELECT count(*) FROM memos", "0;");
	assert_ok(history_redo(m.p, NULL));
	assert_ok(link_get(m.p, id, &l));
	assert_true(l.memo != 0);
	link_done(&l);

	/* remove, and undo brings it back with its memo */
	assert_ok(link_remove(m.p, id));
	ASSERT_LABEL(m.p, "unlink «a» causes «b»");
	assert_int_equal(nlinks(m.p, 0), 0);
	ASSERT_QUERY(m.path, "SELECT count(*) FROM memos", "0;");
	assert_int_equal(link_remove(m.p, id), AX_ERR_NOTFOUND);
	assert_ok(history_undo(m.p, NULL));
	assert_ok(link_get(m.p, id, &l));
	assert_ok(memo_get(m.p, l.memo, &mo));
	assert_string_equal(mo.body, "why:\nbecause");
	memo_done(&mo);
	link_done(&l);
	model_done(&m);
}

static void
test_memo_and_type(void **state)
{
	struct model m;
	struct link l;
	struct memo mo;
	int64_t id, other;

	(void)state;
	model(&m);
	assert_ok(link_add(m.p, m.a, m.b, LINK_TYPE_CAUSES, true, NULL, &id));
	assert_ok(link_set_memo(m.p, id, "first"));
	ASSERT_LABEL(m.p, "link memo «a» causes «b»");
	assert_ok(link_get(m.p, id, &l));
	assert_ok(memo_get(m.p, l.memo, &mo));
	assert_string_equal(mo.body, "first");
	memo_done(&mo);
	/* replaced in place, the same memo */
	assert_ok(link_set_memo(m.p, id, "second"));
	assert_ok(memo_get(m.p, l.memo, &mo));
	assert_string_equal(mo.body, "second");
	memo_done(&mo);
	link_done(&l);
	assert_ok(link_set_memo(m.p, id, ""));
	assert_ok(link_get(m.p, id, &l));
	assert_int_equal(l.memo, 0);
	link_done(&l);
	assert_ok(history_undo(m.p, NULL));
	assert_ok(link_get(m.p, id, &l));
	assert_true(l.memo != 0);
	link_done(&l);
	REFUSED(m.p, m.path, link_set_memo(m.p, 99, "x"), AX_ERR_NOTFOUND,
	    "no link #99");
	REFUSED(m.p, m.path, link_set_memo(m.p, id, "bad \xff"), AX_ERR_INPUT,
	    "not valid UTF-8");
	/* a memo written with memo_add lands on the link too */
	assert_ok(memo_add(m.p, MEMO_LINK, id, MEMO_TYPE_THEORETICAL, "", "t", &other));
	REFUSED(m.p, m.path, memo_add(m.p, MEMO_LINK, 99, MEMO_TYPE_FREE, "", "t",
	    NULL), AX_ERR_NOTFOUND, "no link #99 to write a memo on");

	/* a new type, kept within the rules */
	assert_ok(link_set_type(m.p, id, LINK_TYPE_CONTRADICTS));
	ASSERT_LABEL(m.p, "relink «a» contradicts «b»");
	assert_ok(link_get(m.p, id, &l));
	assert_int_equal(l.type, LINK_TYPE_CONTRADICTS);
	link_done(&l);
	assert_ok(link_add(m.p, m.a, m.b, LINK_TYPE_CAUSES, true, NULL, &other));
	REFUSED(m.p, m.path, link_set_type(m.p, other, LINK_TYPE_CONTRADICTS),
	    AX_ERR_EXISTS, "«a» and «b» are already linked so: «a» contradicts "
	    "«b» (link #1)");
	REFUSED(m.p, m.path, link_set_type(m.p, other, 42), AX_ERR_NOTFOUND,
	    "no link type #42");
	assert_ok(history_undo(m.p, NULL));	/* the second link */
	assert_ok(history_undo(m.p, NULL));	/* the type */
	assert_ok(link_get(m.p, id, &l));
	assert_int_equal(l.type, LINK_TYPE_CAUSES);
	link_done(&l);
	model_done(&m);
}

static void
test_refusals(void **state)
{
	struct model m;
	int64_t id, gone, p1, p2;

	(void)state;
	model(&m);
	assert_ok(codetree_add(m.p, 0, NODE_CODE, "gone", &gone));
	assert_ok(codetree_remove(m.p, gone));
	REFUSED(m.p, m.path, link_add(m.p, m.a, m.a, LINK_TYPE_CAUSES, true,
	    NULL, NULL), AX_ERR_INPUT, "cannot link «a» to itself");
	REFUSED(m.p, m.path, link_add(m.p, m.a, gone, LINK_TYPE_CAUSES, true,
	    NULL, NULL), AX_ERR_NOTFOUND, "no code or category #5 to link");
	REFUSED(m.p, m.path, link_add(m.p, gone, m.a, LINK_TYPE_CAUSES, true,
	    NULL, NULL), AX_ERR_NOTFOUND, "no code or category #5 to link");
	REFUSED(m.p, m.path, link_add(m.p, m.a, m.b, 0, true, NULL, NULL),
	    AX_ERR_NOTFOUND, "no link type #0");
	REFUSED(m.p, m.path, link_add(m.p, m.a, m.b, LINK_TYPE_CAUSES, true,
	    "bad \xc3", NULL), AX_ERR_INPUT, "not valid UTF-8");

	/* the same link twice; the reverse only when both are directed */
	assert_ok(link_add(m.p, m.a, m.b, LINK_TYPE_CAUSES, true, NULL, &id));
	REFUSED(m.p, m.path, link_add(m.p, m.a, m.b, LINK_TYPE_CAUSES, true,
	    "memo", NULL), AX_ERR_EXISTS,
	    "«a» and «b» are already linked so: «a» causes «b» (link #1)");
	REFUSED(m.p, m.path, link_add(m.p, m.a, m.b, LINK_TYPE_CAUSES, false,
	    NULL, NULL), AX_ERR_EXISTS, "already linked");
	REFUSED(m.p, m.path, link_add(m.p, m.b, m.a, LINK_TYPE_CAUSES, false,
	    NULL, NULL), AX_ERR_EXISTS,
	    "«b» and «a» are already linked so: «a» causes «b» (link #1)");
	assert_ok(link_add(m.p, m.b, m.a, LINK_TYPE_CAUSES, true, NULL, NULL));
	assert_ok(link_add(m.p, m.a, m.x, LINK_TYPE_CONTRADICTS, false, NULL, NULL));
	REFUSED(m.p, m.path, link_add(m.p, m.x, m.a, LINK_TYPE_CONTRADICTS, true,
	    NULL, NULL), AX_ERR_EXISTS, "«a» contradicts «x»");

	/* "is part of" goes one way, and never round */
	REFUSED(m.p, m.path, link_add(m.p, m.a, m.cat, LINK_TYPE_PART_OF, false,
	    NULL, NULL), AX_ERR_INPUT, "«is part of» goes one way");
	assert_ok(codetree_add(m.p, 0, NODE_CATEGORY, "P1", &p1));
	assert_ok(codetree_add(m.p, 0, NODE_CATEGORY, "P2", &p2));
	assert_ok(link_add(m.p, m.a, p1, LINK_TYPE_PART_OF, true, NULL, NULL));
	assert_ok(link_add(m.p, p1, p2, LINK_TYPE_PART_OF, true, NULL, NULL));
	REFUSED(m.p, m.path, link_add(m.p, p2, m.a, LINK_TYPE_PART_OF, true,
	    NULL, NULL), AX_ERR_CYCLE, "«P2» is part of «a» would go round in a "
	    "loop: «a» is already part of «P2»");
	REFUSED(m.p, m.path, link_add(m.p, p1, m.a, LINK_TYPE_PART_OF, true,
	    NULL, NULL), AX_ERR_CYCLE, "loop");
	/* another type the other way is no loop */
	assert_ok(link_add(m.p, p2, m.a, LINK_TYPE_LEADS_TO, true, NULL, &id));
	REFUSED(m.p, m.path, link_set_type(m.p, id, LINK_TYPE_PART_OF),
	    AX_ERR_CYCLE, "loop");
	model_done(&m);
}

static void
test_evidence(void **state)
{
	struct model m;
	struct link l;
	int64_t id, *ev, c2;
	size_t n;

	(void)state;
	model(&m);
	assert_ok(link_add(m.p, m.a, m.b, LINK_TYPE_CAUSES, true, NULL, &id));
	assert_ok(link_evidence_add(m.p, id, m.c_a));
	ASSERT_LABEL(m.p, "link evidence «a» causes «b»");
	assert_ok(link_evidence_add(m.p, id, m.c_b));
	/* in document order: b's coding starts first */
	assert_ok(link_evidence_list(m.p, id, &ev, &n));
	assert_int_equal(n, 2);
	assert_int_equal(ev[0], m.c_b);
	assert_int_equal(ev[1], m.c_a);
	free(ev);
	assert_ok(link_get(m.p, id, &l));
	assert_int_equal(l.nevidence, 2);
	link_done(&l);
	REFUSED(m.p, m.path, link_evidence_add(m.p, id, m.c_a), AX_ERR_EXISTS,
	    "coding #1 is already evidence of link #1");
	REFUSED(m.p, m.path, link_evidence_add(m.p, id, 77), AX_ERR_NOTFOUND,
	    "no coding #77");
	REFUSED(m.p, m.path, link_evidence_add(m.p, 9, m.c_a), AX_ERR_NOTFOUND,
	    "no link #9");
	assert_ok(link_evidence_remove(m.p, id, m.c_a));
	ASSERT_LABEL(m.p, "link evidence remove «a» causes «b»");
	REFUSED(m.p, m.path, link_evidence_remove(m.p, id, m.c_a),
	    AX_ERR_NOTFOUND, "coding #1 is not evidence of link #1");
	assert_ok(history_undo(m.p, NULL));
	assert_ok(link_evidence_list(m.p, id, &ev, &n));
	assert_int_equal(n, 2);
	free(ev);
	assert_int_equal(link_evidence_list(m.p, 9, &ev, &n), AX_ERR_NOTFOUND);

	/* a coding removed takes its use as evidence along; undo brings both */
	assert_ok(coding_remove(m.p, m.c_a));
	assert_ok(link_evidence_list(m.p, id, &ev, &n));
	assert_int_equal(n, 1);
	free(ev);
	assert_ok(history_undo(m.p, NULL));
	assert_ok(link_evidence_list(m.p, id, &ev, &n));
	assert_int_equal(n, 2);
	free(ev);
	/* so does a document removed */
	assert_ok(doc_remove(m.p, m.doc));
	assert_ok(link_get(m.p, id, &l));
	assert_int_equal(l.nevidence, 0);
	link_done(&l);
	assert_ok(history_undo(m.p, NULL));
	assert_ok(link_get(m.p, id, &l));
	assert_int_equal(l.nevidence, 2);
	link_done(&l);
	/* a coding another way gone (a consensus decision deletes codings
	 * by SQL): the cascade is logged, and undone, the same */
	assert_ok(coding_add(m.p, m.doc, m.x, 17, 22, &c2));
	assert_ok(link_evidence_add(m.p, id, c2));
	ASSERT_QUERY(m.path, "SELECT count(*) FROM link_evidence", "3;");
	model_done(&m);
}

/* The test the issue asks for: remove a code that has a link with
 * evidence; undo; the link, its evidence and its memo are back. */
static void
test_remove_code_undo(void **state)
{
	struct model m;
	struct link l;
	struct memo mo;
	int64_t id, id2, *ev;
	size_t n;
	char *before, *after;

	(void)state;
	model(&m);
	assert_ok(link_add(m.p, m.a, m.b, LINK_TYPE_CAUSES, true, "memo", &id));
	assert_ok(link_evidence_add(m.p, id, m.c_a));
	assert_ok(link_evidence_add(m.p, id, m.c_b));
	assert_ok(link_add(m.p, m.x, m.a, LINK_TYPE_STRATEGY, true, NULL, &id2));
	before = dump(m.path);
	assert_ok(codetree_remove(m.p, m.a));
	assert_int_equal(nlinks(m.p, 0), 0);
	ASSERT_QUERY(m.path, "SELECT count(*) FROM link_evidence", "0;");
	ASSERT_QUERY(m.path, "SELECT count(*) FROM memos", "0;");
	/* every row the removal took is in its action */
	ASSERT_QUERY(m.path, "SELECT tbl, count(*) FROM changes"
	    " WHERE action_id = (SELECT max(id) FROM actions) GROUP BY tbl"
	    " ORDER BY tbl", "codings|1;link_evidence|2;links|2;memos|1;nodes|1;");
	assert_ok(history_undo(m.p, NULL));
	assert_ok(link_get(m.p, id, &l));
	assert_int_equal(l.from, m.a);
	assert_int_equal(l.nevidence, 2);
	assert_ok(memo_get(m.p, l.memo, &mo));
	assert_string_equal(mo.body, "memo");
	memo_done(&mo);
	link_done(&l);
	assert_ok(link_evidence_list(m.p, id, &ev, &n));
	assert_int_equal(n, 2);
	assert_int_equal(ev[0], m.c_b);
	assert_int_equal(ev[1], m.c_a);
	free(ev);
	assert_ok(link_get(m.p, id2, &l));
	link_done(&l);
	/* the project is as it was but for the log */
	after = dump(m.path);
	*strstr(before, "log|") = '\0';
	*strstr(after, "log|") = '\0';
	assert_string_equal(before, after);
	free(before);
	free(after);
	/* and redo takes it all again */
	assert_ok(history_redo(m.p, NULL));
	assert_int_equal(nlinks(m.p, 0), 0);
	model_done(&m);
}

static void
test_merge(void **state)
{
	struct model m;
	struct link l;
	struct memo *mo;
	int64_t ax, bx, ab, pa, pcat, *ev, k;
	size_t n;

	(void)state;
	model(&m);
	assert_ok(link_add(m.p, m.a, m.x, LINK_TYPE_CAUSES, true, "from a", &ax));
	assert_ok(link_evidence_add(m.p, ax, m.c_a));
	assert_ok(link_add(m.p, m.b, m.x, LINK_TYPE_CAUSES, true, "from b", &bx));
	assert_ok(link_evidence_add(m.p, bx, m.c_b));
	assert_ok(link_evidence_add(m.p, bx, m.c_a));
	assert_ok(link_add(m.p, m.a, m.b, LINK_TYPE_CONTRADICTS, false, "a vs b",
	    &ab));
	assert_ok(link_add(m.p, m.x, m.a, LINK_TYPE_LEADS_TO, true, NULL, &k));
	assert_ok(codetree_merge(m.p, m.a, m.b));
	/* a -> x folded into b -> x: evidence united, both memos kept */
	assert_int_equal(link_get(m.p, ax, &l), AX_ERR_NOTFOUND);
	assert_ok(link_get(m.p, bx, &l));
	assert_int_equal(l.nevidence, 2);
	link_done(&l);
	assert_ok(memo_list(m.p, MEMO_LINK, bx, &mo, &n));
	assert_int_equal(n, 2);
	assert_string_equal(mo[0].body, "from a");
	assert_string_equal(mo[1].body, "from b");
	memo_list_free(mo, n);
	/* a -- b became b -- b: dropped, its memo now on b */
	assert_int_equal(link_get(m.p, ab, &l), AX_ERR_NOTFOUND);
	assert_ok(memo_list(m.p, MEMO_NODE, m.b, &mo, &n));
	assert_int_equal(n, 1);
	assert_string_equal(mo[0].body, "a vs b");
	memo_list_free(mo, n);
	/* x -> a followed a */
	assert_ok(link_get(m.p, k, &l));
	assert_int_equal(l.from, m.x);
	assert_int_equal(l.to, m.b);
	link_done(&l);
	assert_int_equal(nlinks(m.p, 0), 2);
	/* undo puts every link back as it was */
	assert_ok(history_undo(m.p, NULL));
	assert_int_equal(nlinks(m.p, 0), 4);
	assert_ok(link_evidence_list(m.p, ax, &ev, &n));
	assert_int_equal(n, 1);
	assert_int_equal(ev[0], m.c_a);
	free(ev);
	assert_ok(link_get(m.p, ab, &l));
	assert_int_equal(l.from, m.a);
	assert_false(l.directed);
	link_done(&l);
	assert_ok(memo_list(m.p, MEMO_NODE, m.b, &mo, &n));
	assert_int_equal(n, 0);
	memo_list_free(mo, n);

	/* a merge that would make a part of itself is refused */
	assert_ok(codetree_add(m.p, 0, NODE_CATEGORY, "Whole", &pcat));
	assert_ok(link_add(m.p, m.a, pcat, LINK_TYPE_PART_OF, true, NULL, &pa));
	assert_ok(link_add(m.p, pcat, m.b, LINK_TYPE_PART_OF, true, NULL, NULL));
	REFUSED(m.p, m.path, codetree_merge(m.p, m.a, m.b), AX_ERR_CYCLE,
	    "cannot merge «a» into «b»: their «is part of» links would make "
	    "«b» part of itself");
	model_done(&m);
}

static void
test_blind(void **state)
{
	struct project *o, *a, *b;
	const char *const ab[] = {"A", "B"};
	struct link l;
	struct memo *mo;
	char *path;
	int64_t doc, k1, k2, k3, kc, before, la, ca, cb;
	size_t n;

	(void)state;
	o = tu_new_project(&path);
	doc = tu_doc(o, "d", "one two three\n");
	assert_ok(codetree_add(o, 0, NODE_CATEGORY, "kc", &kc));
	assert_ok(codetree_add(o, 0, NODE_CODE, "k1", &k1));
	assert_ok(codetree_add(o, 0, NODE_CODE, "k2", &k2));
	assert_ok(link_add(o, k1, k2, LINK_TYPE_CONTEXT, true, NULL, &before));
	assert_ok(coder_add(o, "A", NULL, NULL, project_account(o)));
	assert_ok(coder_add(o, "B", NULL, NULL, project_account(o)));
	assert_ok(blind_start(o, ab, 2));
	assert_ok(project_open(path, 0, "A", &a, NULL));
	assert_ok(project_open(path, 0, "B", &b, NULL));
	assert_ok(coding_add(a, doc, k1, 0, 3, &ca));
	assert_ok(coding_add(b, doc, k1, 4, 7, &cb));
	assert_ok(link_add(a, k1, k2, LINK_TYPE_CAUSES, true, "A's reading", &la));
	assert_ok(link_evidence_add(a, la, ca));
	/* B sees the owner's link, not A's, nor its memo */
	assert_int_equal(nlinks(b, 0), 1);
	assert_int_equal(link_get(b, la, &l), AX_ERR_NOTFOUND);
	assert_ok(memo_list(b, MEMO_FREE, -1, &mo, &n));
	assert_int_equal(n, 0);
	memo_list_free(mo, n);
	assert_int_equal(link_remove(b, la), AX_ERR_NOTFOUND);
	assert_int_equal(link_evidence_add(b, la, cb), AX_ERR_NOTFOUND);
	/* A may not attach B's coding, hidden from A */
	assert_int_equal(link_evidence_add(a, la, cb), AX_ERR_NOTFOUND);
	assert_string_equal(project_errmsg(a), "no coding #2");
	assert_int_equal(link_evidence_check(a, la, cb), AX_ERR_NOTFOUND);
	assert_string_equal(project_errmsg(a), "no coding #2");
	assert_int_equal(link_evidence_check(a, la, ca), AX_ERR_EXISTS);
	/* nor mark the owner's category as the core one */
	assert_int_equal(link_core_check(a, kc), AX_ERR_PERM);
	assert_non_null(strstr(project_errmsg(a), "blind coding is on"));
	assert_ok(link_core_check(o, kc));
	/* nor change the owner's link while the session hides the others */
	assert_int_equal(link_set_memo(a, before, "mine"), AX_ERR_PERM);
	assert_non_null(strstr(project_errmsg(a), "blind coding is on"));
	assert_int_equal(nlinks(a, 0), 2);
	/* the owner, outside the session, sees A's link but not A's coding
	 * as its evidence */
	assert_int_equal(nlinks(o, 0), 2);
	assert_ok(link_get(o, la, &l));
	assert_int_equal(l.nevidence, 0);
	link_done(&l);
	assert_ok(link_get(a, la, &l));
	assert_int_equal(l.nevidence, 1);
	link_done(&l);
	/* a code made by A in the session hides A's links to it from B */
	assert_ok(codetree_add(a, 0, NODE_CODE, "k3", &k3));
	assert_ok(blind_done(a));
	assert_ok(blind_done(b));
	assert_int_equal(nlinks(b, 0), 2);
	assert_ok(link_get(b, la, &l));
	assert_int_equal(l.nevidence, 1);
	link_done(&l);
	project_close(a);
	project_close(b);
	project_close(o);
	free(path);
}

static void
test_core_and_storyline(void **state)
{
	struct model m;
	int64_t core, sub, mid;

	(void)state;
	model(&m);
	assert_ok(link_core_get(m.p, &core));
	assert_int_equal(core, 0);
	REFUSED(m.p, m.path, link_core_set(m.p, m.a), AX_ERR_INPUT,
	    "«a» is a code; only a category can be the core category");
	REFUSED(m.p, m.path, link_core_set(m.p, 99), AX_ERR_NOTFOUND,
	    "no code or category #99");
	assert_ok(link_core_set(m.p, m.cat));
	ASSERT_LABEL(m.p, "core category «Cat»");
	assert_ok(link_core_get(m.p, &core));
	assert_int_equal(core, m.cat);
	ASSERT_QUERY(m.path, "SELECT value FROM meta WHERE"
	    " key = 'core_node'", "4;");
	assert_ok(link_core_set(m.p, 0));
	ASSERT_LABEL(m.p, "core category cleared");
	assert_ok(link_core_get(m.p, &core));
	assert_int_equal(core, 0);
	assert_ok(history_undo(m.p, NULL));
	assert_ok(link_core_get(m.p, &core));
	assert_int_equal(core, m.cat);

	/* storyline memos go on a category */
	assert_ok(memo_add(m.p, MEMO_NODE, m.cat, MEMO_TYPE_STORYLINE, "Story",
	    "It all turns on Cat.", &mid));
	ASSERT_QUERY(m.path, "SELECT type, target FROM memos", "storyline|node;");
	REFUSED(m.p, m.path, memo_add(m.p, MEMO_NODE, m.a, MEMO_TYPE_STORYLINE,
	    "", "x", NULL), AX_ERR_INPUT, "a storyline memo goes on a category "
	    "(normally the core category), not on a code");
	REFUSED(m.p, m.path, memo_add(m.p, MEMO_FREE, 0, MEMO_TYPE_STORYLINE,
	    "", "x", NULL), AX_ERR_INPUT, "not on nothing");
	REFUSED(m.p, m.path, memo_add(m.p, MEMO_NODE, 99, MEMO_TYPE_STORYLINE,
	    "", "x", NULL), AX_ERR_NOTFOUND, "no code or category #99");
	assert_int_equal(memo_type_parse("storyline"), MEMO_TYPE_STORYLINE);
	assert_string_equal(memo_type_name(MEMO_TYPE_STORYLINE), "storyline");
	assert_int_equal(memo_target_parse("link"), MEMO_LINK);
	assert_string_equal(memo_target_name(MEMO_LINK), "link");

	/* removing the core category unmarks it; undo marks it again */
	assert_ok(codetree_add(m.p, m.cat, NODE_CATEGORY, "Sub", &sub));
	assert_ok(codetree_remove(m.p, m.cat));
	assert_ok(link_core_get(m.p, &core));
	assert_int_equal(core, 0);
	ASSERT_QUERY(m.path, "SELECT count(*) FROM meta WHERE"
	    " key = 'core_node'", "0;");
	assert_ok(history_undo(m.p, NULL));
	assert_ok(link_core_get(m.p, &core));
	assert_int_equal(core, m.cat);
	model_done(&m);
}

/* link_check, link_evidence_check and link_core_check: the refusals of
 * link_add, link_evidence_add and link_core_set, with their messages,
 * and nothing written, refused or not. */
static void
test_checks(void **state)
{
	struct model m;
	int64_t id, gone;
	char *before, *after;

	(void)state;
	model(&m);
	assert_ok(codetree_add(m.p, 0, NODE_CODE, "gone", &gone));
	assert_ok(codetree_remove(m.p, gone));
	before = dump(m.path);
	assert_ok(link_check(m.p, m.a, m.b, LINK_TYPE_CAUSES, true));
	assert_int_equal(link_evidence_check(m.p, 1, m.c_a), AX_ERR_NOTFOUND);
	assert_ok(link_core_check(m.p, m.cat));
	assert_ok(link_core_check(m.p, 0));
	after = dump(m.path);
	assert_string_equal(before, after);
	free(before);
	free(after);
	REFUSED(m.p, m.path, link_check(m.p, m.a, m.a, LINK_TYPE_CAUSES, true),
	    AX_ERR_INPUT, "cannot link «a» to itself");
	REFUSED(m.p, m.path, link_check(m.p, m.a, gone, LINK_TYPE_CAUSES, true),
	    AX_ERR_NOTFOUND, "no code or category #5 to link");
	REFUSED(m.p, m.path, link_check(m.p, m.a, m.b, 0, true),
	    AX_ERR_NOTFOUND, "no link type #0");
	REFUSED(m.p, m.path, link_check(m.p, m.a, m.cat, LINK_TYPE_PART_OF,
	    false), AX_ERR_INPUT, "«is part of» goes one way");
	assert_ok(link_add(m.p, m.a, m.b, LINK_TYPE_CAUSES, true, NULL, &id));
	REFUSED(m.p, m.path, link_check(m.p, m.b, m.a, LINK_TYPE_CAUSES, false),
	    AX_ERR_EXISTS, "«b» and «a» are already linked so: «a» causes «b» "
	    "(link #1)");
	assert_ok(link_check(m.p, m.b, m.a, LINK_TYPE_CAUSES, true));
	assert_ok(link_add(m.p, m.a, m.cat, LINK_TYPE_PART_OF, true, NULL, NULL));
	REFUSED(m.p, m.path, link_check(m.p, m.cat, m.a, LINK_TYPE_PART_OF,
	    true), AX_ERR_CYCLE, "«Cat» is part of «a» would go round in a loop: "
	    "«a» is already part of «Cat»");

	assert_ok(link_evidence_check(m.p, id, m.c_a));
	assert_ok(link_evidence_add(m.p, id, m.c_a));
	REFUSED(m.p, m.path, link_evidence_check(m.p, id, m.c_a), AX_ERR_EXISTS,
	    "coding #1 is already evidence of link #1");
	REFUSED(m.p, m.path, link_evidence_check(m.p, id, 77), AX_ERR_NOTFOUND,
	    "no coding #77");
	REFUSED(m.p, m.path, link_evidence_check(m.p, 9, m.c_a),
	    AX_ERR_NOTFOUND, "no link #9");

	REFUSED(m.p, m.path, link_core_check(m.p, m.a), AX_ERR_INPUT,
	    "«a» is a code; only a category can be the core category");
	REFUSED(m.p, m.path, link_core_check(m.p, 99), AX_ERR_NOTFOUND,
	    "no code or category #99");
	model_done(&m);
}

/* A file written by another program: links to nodes that are not there,
 * types that are not there, a self link, a loop of "is part of", a core
 * that names a code. Reading it never crashes; writing keeps the rules. */
static void
test_damaged(void **state)
{
	struct model m;
	struct link *v;
	struct link_type *t;
	size_t n, nt;
	int64_t id, core;

	(void)state;
	model(&m);
	assert_ok(link_add(m.p, m.a, m.b, LINK_TYPE_PART_OF, true, NULL, &id));
	project_close(m.p);
	damage(m.path, "INSERT INTO links(from_id, to_id, type_id, directed,"
	    " author_id, guid, created) VALUES"
	    " (2, 1, 6, 1, 1, 'g1', 0),"	/* b part of a: a loop */
	    " (999, 1, 1, 1, 1, 'g2', 0),"	/* a node that is not there */
	    " (1, 2, 99, 1, 1, 'g3', 0),"	/* a type that is not there */
	    " (3, 3, 1, 1, 77, 'g4', 0);"	/* a self link, no such coder */
	    "INSERT INTO link_evidence(link_id, coding_id) VALUES (1, 555), (888, 1);"
	    "INSERT INTO meta(key, value) VALUES ('core_node', '1');"
	    "INSERT INTO link_types(name, created) VALUES"
	    " ('bad\x1b[2Jname', 0), ('causes', 0);");
	assert_ok(project_open(m.path, 0, NULL, &m.p, NULL));
	assert_ok(link_list(m.p, 0, &v, &n));
	assert_int_equal(n, 5);
	assert_int_equal(v[2].from, 999);
	assert_int_equal(v[3].type, 99);
	assert_int_equal(v[4].from, v[4].to);
	assert_int_equal(v[0].nevidence, 0);	/* coding 555 is not there */
	link_list_free(v, n);
	assert_ok(link_type_list(m.p, &t, &nt));
	assert_int_equal(nt, 9);
	link_type_list_free(t, nt);
	/* a name two types answer to is ambiguous, not a crash */
	assert_int_equal(link_type_find(m.p, "causes", &id), AX_ERR_INPUT);
	assert_ok(link_core_get(m.p, &core));
	assert_int_equal(core, 0);	/* #1 is a code */
	/* the walk along "is part of" ends on the loop, both ways */
	assert_ok(link_add(m.p, m.x, m.a, LINK_TYPE_PART_OF, true, NULL, NULL));
	REFUSED(m.p, m.path, link_add(m.p, m.a, m.x, LINK_TYPE_PART_OF, true,
	    NULL, NULL), AX_ERR_CYCLE, "«a» is part of «x» would go round");
	assert_int_equal(nlinks(m.p, m.x), 2);	/* and the self link */
	/* axial check names each, and repairs what is safe */
	{
		static const char *const want[] = {
			"link-evidence|evidence #2 of a link refers to a links row",
			"link-evidence|evidence #1 of a link refers to a codings row",
			"link|link #3 refers to a nodes row",
			"link|link #4 refers to a link_types row",
			"link|link #5 refers to a coders row",
			"link|link #5 joins «x» to itself",
			("link|the «is part of» links go round in a loop of 2: «a» (#1) "
			    "is part of itself"),
			"core|the core category is #1, which is not a category",
		};
		struct check_finding *f;
		size_t nf, i, j;

		assert_ok(check_project(m.p, false, &f, &nf));
		for (i = 0; i < AX_ARRAY_LEN(want); i++) {
			char *w = xstrdup(want[i]), *bar = strchr(w, '|');

			*bar = '\0';
			for (j = 0; j < nf; j++)
				if (strcmp(f[j].what, w) == 0 &&
				    strstr(f[j].text, bar + 1) != NULL)
					break;
			if (j == nf)
				fail_msg("no finding %s", want[i]);
			free(w);
		}
		assert_int_equal(nf, AX_ARRAY_LEN(want));
		check_findings_free(f, nf);
	}
	/* removing a node with damaged links around it still works; undo
	 * cannot put back a link whose type is not there, and says so */
	assert_ok(codetree_remove(m.p, m.b));
	REFUSED(m.p, m.path, history_undo(m.p, NULL), AX_ERR_INPUT,
	    "FOREIGN KEY constraint failed");
	/* the repairs leave what cannot be repaired safely */
	{
		struct check_finding *f;
		size_t nf, i, repaired = 0;

		assert_ok(check_project(m.p, true, &f, &nf));
		for (i = 0; i < nf; i++)
			repaired += f[i].repaired;
		check_findings_free(f, nf);
		assert_true(repaired > 0);
		assert_ok(check_project(m.p, false, &f, &nf));
		assert_int_equal(nf, 0);	/* b went with its loop */
		check_findings_free(f, nf);
		assert_ok(link_list(m.p, 0, &v, &n));
		assert_int_equal(n, 1);		/* x is part of a */
		assert_int_equal(v[0].from, m.x);
		link_list_free(v, n);
		/* and a repair is undone like any action */
		assert_ok(history_undo(m.p, NULL));
		assert_ok(check_project(m.p, false, &f, &nf));
		assert_int_equal(nf, 1);
		check_findings_free(f, nf);
	}
	model_done(&m);
}

/* An older file (here schema v1) migrates: memos keep their ids and the
 * counter, so a memo deleted before the upgrade can come back by undo
 * under its own id without meeting a new one. */
static void
test_migration(void **state)
{
	char *path = tu_path("v1-links.axial");
	char *fixture = xasprintf("%s/tests/fixtures/schema-v1.sql",
	    getenv("AXIAL_SRC") ? getenv("AXIAL_SRC") : ".");
	char *sql;
	struct project *p;
	struct memo mo;
	struct link_type *t;
	size_t len, n;
	int64_t id;
	sqlite3 *db;

	(void)state;
	sql = file_read_all(fixture, &len);
	if (sql == NULL)
		fail_msg("%s: %s", fixture, strerror(errno));
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO memos(id, target,"
	    " target_id, type, body, author_id, created, modified, guid) VALUES"
	    " (3, 'document', 1, 'code', 'kept', 1, 5, 6, 'm3');"
	    "UPDATE sqlite_sequence SET seq = 9 WHERE name = 'memos';"
	    "INSERT INTO sqlite_sequence(name, seq) SELECT 'memos', 9 WHERE"
	    " NOT EXISTS(SELECT 1 FROM sqlite_sequence WHERE name = 'memos');",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	free(sql);
	assert_ok(project_open(path, 0, NULL, &p, NULL));
	assert_ok(memo_get(p, 3, &mo));
	assert_string_equal(mo.body, "kept");
	assert_int_equal(mo.type, MEMO_TYPE_CODE);
	assert_int_equal(mo.created, 5);
	memo_done(&mo);
	assert_ok(memo_add(p, MEMO_FREE, 0, MEMO_TYPE_FREE, "", "new", &id));
	assert_int_equal(id, 10);
	assert_ok(link_type_list(p, &t, &n));
	assert_int_equal(n, LINK_BUILTIN_COUNT);
	link_type_list_free(t, n);
	ASSERT_QUERY(path, "SELECT count(*) FROM sqlite_master"
	    " WHERE name IN ('memos_target', 'links_to', 'log_links_insert',"
	    " 'log_link_evidence_delete', 'log_link_types_update',"
	    " 'log_memos_insert')", "6;");
	assert_ok(project_check(p));
	project_close(p);
	free(path);
	free(fixture);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_undo_type_in_use),
		cmocka_unit_test(test_add_list_remove),
		cmocka_unit_test(test_memo_and_type),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_evidence),
		cmocka_unit_test(test_remove_code_undo),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_blind),
		cmocka_unit_test(test_core_and_storyline),
		cmocka_unit_test(test_checks),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_migration),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
