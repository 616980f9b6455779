/*
 * test-model.c: the code tree, codings and memos: every operation and
 * every bad input the foundation issue names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "store/codetree.h"
#include "store/coding.h"
#include "store/coder.h"
#include "store/document.h"
#include "store/memo.h"
#include "store/project.h"
#include "base/util.h"
#include "testutil.h"

static int64_t
node(struct project *p, int64_t parent, enum node_kind k, const char *name)
{
	int64_t id = 0;

	if (codetree_add(p, parent, k, name, &id) != AX_OK)
		fail_msg("add %s: %s", name, project_errmsg(p));
	return id;
}

/* codetree_paths_get gives what codetree_path gives for each id given. */
static void
paths_agree(struct project *p, const int64_t *ids, size_t n)
{
	struct codetree_paths cp;
	size_t i;
	char *s;

	assert_ok(codetree_paths_load(p, &cp));
	for (i = 0; i < n; i++) {
		s = codetree_path(p, ids[i]);
		assert_string_equal(codetree_paths_get(&cp, ids[i]), s);
		/* asked again: the path made the first time */
		assert_string_equal(codetree_paths_get(&cp, ids[i]), s);
		free(s);
	}
	codetree_paths_free(&cp);
}

static void
test_tree_build_and_order(void **state)
{
	struct project *p;
	struct node *t;
	size_t n;
	char *path, *s;
	int64_t cons, causes, sub, c1, c2, other, id;

	(void)state;
	p = tu_new_project(&path);
	other = node(p, 0, NODE_CATEGORY, "Unsorted");
	cons = node(p, 0, NODE_CATEGORY, "Outcomes");
	causes = node(p, 0, NODE_CATEGORY, "Causes");
	assert_ok(codetree_set_role(p, cons, ROLE_CONSEQUENCES));
	assert_ok(codetree_set_role(p, causes, ROLE_CAUSAL));
	sub = node(p, causes, NODE_CATEGORY, "Technical");
	c1 = node(p, sub, NODE_CODE, "no shared database");
	c2 = node(p, other, NODE_CODE, "budget cuts");
	assert_ok(codetree_load(p, &t, &n));
	assert_int_equal(n, 6);
	/* roles first, in paradigm order; then the rest; depth first */
	assert_string_equal(t[0].name, "Causes");
	assert_int_equal(t[0].role, ROLE_CAUSAL);
	assert_string_equal(t[1].name, "Technical");
	assert_int_equal(t[1].depth, 1);
	assert_string_equal(t[2].name, "no shared database");
	assert_int_equal(t[2].depth, 2);
	assert_int_equal(t[2].kind, NODE_CODE);
	assert_string_equal(t[3].name, "Outcomes");
	assert_string_equal(t[4].name, "Unsorted");
	assert_string_equal(t[5].name, "budget cuts");
	codetree_free(t, n);
	s = codetree_path(p, c1);
	assert_string_equal(s, "Causes/Technical/no shared database");
	free(s);
	assert_ok(codetree_find(p, "no shared database", &id));
	assert_int_equal(id, c1);
	assert_ok(codetree_find(p, "Causes/Technical", &id));
	assert_int_equal(id, sub);
	assert_ok(codetree_find(p, "#2", &id));
	assert_int_equal(id, cons);
	assert_int_equal(codetree_find(p, "nothing", &id), AX_ERR_NOTFOUND);
	/* the same name in two categories: bare name is ambiguous, path is not */
	node(p, cons, NODE_CODE, "budget cuts");
	assert_int_equal(codetree_find(p, "budget cuts", &id), AX_ERR_INPUT);
	assert_non_null(strstr(project_errmsg(p), "path"));
	assert_ok(codetree_find(p, "Unsorted/budget cuts", &id));
	assert_int_equal(id, c2);
	/* every node's path at once, and "" for no node (0, one past) */
	{
		int64_t ids[] = { c1, c2, sub, causes, cons, other, id, 0, 9999 };

		paths_agree(p, ids, AX_ARRAY_LEN(ids));
	}
	project_close(p);
	free(path);
}

static void
test_tree_bad_input(void **state)
{
	struct project *p;
	char *path;
	int64_t cat, code, sub, id;

	(void)state;
	p = tu_new_project(&path);
	cat = node(p, 0, NODE_CATEGORY, "Strategies");
	sub = node(p, cat, NODE_CATEGORY, "Training");
	code = node(p, sub, NODE_CODE, "workshops");
	/* duplicate sibling names, also after NFC */
	assert_int_equal(codetree_add(p, sub, NODE_CODE, "workshops", &id), AX_ERR_EXISTS);
	assert_int_equal(codetree_add(p, sub, NODE_CODE, "  workshops ", &id), AX_ERR_EXISTS);
	assert_int_equal(codetree_add(p, 0, NODE_CODE, "", &id), AX_ERR_INPUT);
	assert_int_equal(codetree_add(p, 0, NODE_CODE, "bad\x1b]52;c;aGk=\a", &id), AX_ERR_INPUT);
	assert_int_equal(codetree_add(p, 0, NODE_CODE, "rlo\xe2\x80\xae", &id), AX_ERR_INPUT);
	assert_int_equal(codetree_add(p, 0, NODE_CODE, "bad \xc3", &id), AX_ERR_INPUT);
	/* nothing goes under a code */
	assert_int_equal(codetree_add(p, code, NODE_CODE, "child", &id), AX_ERR_INPUT);
	assert_int_equal(codetree_move(p, sub, code), AX_ERR_INPUT);
	/* cycles */
	assert_int_equal(codetree_move(p, cat, sub), AX_ERR_CYCLE);
	assert_non_null(strstr(project_errmsg(p), "inside itself"));
	assert_int_equal(codetree_move(p, cat, cat), AX_ERR_CYCLE);
	/* roles only on top-level categories */
	assert_int_equal(codetree_set_role(p, sub, ROLE_STRATEGIES), AX_ERR_INPUT);
	assert_int_equal(codetree_set_role(p, code, ROLE_STRATEGIES), AX_ERR_INPUT);
	assert_int_equal(codetree_set_color(p, code, "red"), AX_ERR_INPUT);
	assert_ok(codetree_set_color(p, code, "#AA00ff"));
	assert_int_equal(codetree_merge(p, code, code), AX_ERR_INPUT);
	assert_int_equal(codetree_merge(p, code, sub), AX_ERR_INPUT);
	assert_int_equal(codetree_rename(p, 999, "x"), AX_ERR_NOTFOUND);
	project_close(p);
	free(path);
}

static void
test_tree_move_merge_remove(void **state)
{
	struct project *p;
	char *path;
	struct node nd;
	struct coding *v;
	struct memo *m;
	size_t n;
	int64_t a, b, cat, top, doc, k1, k2, id, mid;

	(void)state;
	p = tu_new_project(&path);
	doc = tu_doc(p, "d", "one two three four five\n");
	top = node(p, 0, NODE_CATEGORY, "Context");
	assert_ok(codetree_set_role(p, top, ROLE_CONTEXTUAL));
	cat = node(p, top, NODE_CATEGORY, "Culture");
	a = node(p, 0, NODE_CODE, "resistance");
	b = node(p, 0, NODE_CODE, "pushback");
	assert_ok(coding_add(p, doc, a, 0, 3, &k1));
	assert_ok(coding_add(p, doc, b, 4, 7, &k2));
	assert_ok(memo_add(p, MEMO_NODE, b, MEMO_TYPE_CODE, "", "same as resistance?", &mid));
	/* move into a category; a category leaving the top loses its role */
	assert_ok(codetree_move(p, a, cat));
	assert_ok(codetree_get(p, a, &nd));
	assert_int_equal(nd.parent, cat);
	node_done(&nd);
	id = node(p, 0, NODE_CATEGORY, "Holder");
	assert_ok(codetree_move(p, top, id));
	assert_ok(codetree_get(p, top, &nd));
	assert_int_equal(nd.role, ROLE_NONE);
	node_done(&nd);
	/* merge: codings and memos follow */
	assert_ok(codetree_merge(p, b, a));
	assert_int_equal(codetree_get(p, b, &nd), AX_ERR_NOTFOUND);
	{
		struct coding_filter f = {0, a, 0};

		assert_ok(coding_list(p, &f, &v, &n));
		assert_int_equal(n, 2);
		free(v);
	}
	assert_ok(memo_list(p, MEMO_NODE, a, &m, &n));
	assert_int_equal(n, 1);
	memo_list_free(m, n);
	/* remove a subtree with its codings and memos */
	assert_ok(codetree_remove(p, id));
	assert_ok(coding_list(p, NULL, &v, &n));
	assert_int_equal(n, 0);
	free(v);
	assert_ok(memo_list(p, MEMO_FREE, -1, &m, &n));
	assert_int_equal(n, 0);
	memo_list_free(m, n);
	assert_int_equal(codetree_get(p, cat, &nd), AX_ERR_NOTFOUND);
	project_close(p);
	free(path);
}

static void
test_codings(void **state)
{
	struct project *p, *q;
	char *path;
	struct coding *v, c;
	size_t n;
	int64_t doc, code, cat, id, id2, s, e;
	/* 0..4 "سلام" then space, "world" 5..10, then LF */
	const char *text = "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 world\nagain world\n";

	(void)state;
	p = tu_new_project(&path);
	doc = tu_doc(p, "fa", text);
	code = node(p, 0, NODE_CODE, "greeting");
	cat = node(p, 0, NODE_CATEGORY, "Cat");
	assert_ok(coding_add(p, doc, code, 0, 4, &id));
	assert_ok(coding_add(p, doc, code, 2, 10, &id2));	/* overlap is fine */
	assert_int_equal(coding_add(p, doc, code, 4, 4, &id), AX_ERR_INPUT);
	assert_non_null(strstr(project_errmsg(p), "empty"));
	assert_int_equal(coding_add(p, doc, code, 5, 3, &id), AX_ERR_INPUT);
	assert_int_equal(coding_add(p, doc, code, -1, 3, &id), AX_ERR_INPUT);
	assert_int_equal(coding_add(p, doc, code, 0, 24, &id), AX_ERR_INPUT);
	assert_non_null(strstr(project_errmsg(p), "out of range"));
	assert_non_null(strstr(project_errmsg(p), "23 characters"));
	assert_ok(coding_add(p, doc, code, 0, 23, &id));	/* the whole text */
	{	/* a category is codable (REFI-QDA) */
		int64_t cid;

		assert_ok(coding_add(p, doc, cat, 0, 3, &cid));
		assert_ok(coding_remove(p, cid));
	}
	assert_int_equal(coding_add(p, 99, code, 0, 3, &id), AX_ERR_NOTFOUND);
	assert_int_equal(coding_add(p, doc, 99, 0, 3, &id), AX_ERR_NOTFOUND);
	/* quotes map to code points, not bytes */
	assert_ok(coding_find_quote(p, doc, "world", 1, &s, &e));
	assert_int_equal(s, 5);
	assert_int_equal(e, 10);
	assert_ok(coding_find_quote(p, doc, "world", 2, &s, &e));
	assert_int_equal(s, 17);
	assert_int_equal(coding_find_quote(p, doc, "world", 3, &s, &e), AX_ERR_NOTFOUND);
	assert_int_equal(coding_find_quote(p, doc, "mars", 1, &s, &e), AX_ERR_NOTFOUND);
	{
		struct coding_filter f = {doc, 0, 0};

		assert_ok(coding_list(p, &f, &v, &n));
		assert_int_equal(n, 3);
		assert_int_equal(v[0].start, 0);
		assert_int_equal(v[0].end, 4);
		assert_int_equal(v[1].end, 23);
		assert_int_equal(v[2].start, 2);
		free(v);
	}
	assert_ok(coding_set_range(p, id2, 3, 9));
	assert_ok(coding_get(p, id2, &c));
	assert_int_equal(c.start, 3);
	assert_int_equal(c.end, 9);
	assert_int_equal(coding_set_range(p, id2, 9, 3), AX_ERR_INPUT);
	/* another coder can neither change nor remove it */
	assert_ok(coder_add(p, "coder-b", NULL, NULL, project_account(p)));
	assert_ok(project_open(path, 0, "coder-b", &q, NULL));
	assert_int_equal(coding_remove(q, id2), AX_ERR_PERM);
	assert_non_null(strstr(project_errmsg(q), project_account(p)));
	assert_int_equal(coding_set_range(q, id2, 0, 1), AX_ERR_PERM);
	assert_ok(coding_add(q, doc, code, 0, 1, &id));
	project_close(q);
	assert_ok(coding_remove(p, id2));
	assert_int_equal(coding_remove(p, id2), AX_ERR_NOTFOUND);
	project_close(p);
	free(path);
}

static void
test_memos(void **state)
{
	struct project *p;
	char *path;
	struct memo m, *v;
	size_t n;
	int64_t doc, code, id, id2, k;

	(void)state;
	p = tu_new_project(&path);
	doc = tu_doc(p, "d", "text here\n");
	code = node(p, 0, NODE_CODE, "c");
	assert_ok(coding_add(p, doc, code, 0, 4, &k));
	assert_ok(memo_add(p, MEMO_FREE, 0, MEMO_TYPE_THEORETICAL, "storyline",
	    "the core category is...", &id));
	assert_ok(memo_add(p, MEMO_CODING, k, MEMO_TYPE_OPERATIONAL, "", "why here", &id2));
	assert_int_equal(memo_add(p, MEMO_DOCUMENT, 42, MEMO_TYPE_FREE, "", "x", &id),
	    AX_ERR_NOTFOUND);
	assert_int_equal(memo_add(p, MEMO_FREE, 0, MEMO_TYPE_FREE, "", "bad\xff", &id),
	    AX_ERR_INPUT);
	assert_ok(memo_get(p, id2, &m));
	assert_int_equal(m.target, MEMO_CODING);
	assert_int_equal(m.type, MEMO_TYPE_OPERATIONAL);
	assert_string_equal(m.author, project_coder_login(p));
	assert_true(m.created > 1700000000);
	memo_done(&m);
	assert_ok(memo_update(p, id2, NULL, "because"));
	assert_ok(memo_get(p, id2, &m));
	assert_string_equal(m.body, "because");
	memo_done(&m);
	/* removing the coding removes its memo */
	assert_ok(coding_remove(p, k));
	assert_ok(memo_list(p, MEMO_FREE, -1, &v, &n));
	assert_int_equal(n, 1);
	assert_string_equal(v[0].title, "storyline");
	memo_list_free(v, n);
	assert_int_equal(memo_update(p, 99, NULL, "x"), AX_ERR_NOTFOUND);
	assert_ok(memo_remove(p, id));
	assert_int_equal(memo_remove(p, id), AX_ERR_NOTFOUND);
	project_close(p);
	free(path);
}

/* An action groups several model calls; a failure rolls back all of them. */
static void
test_action_groups(void **state)
{
	struct project *p;
	struct project_summary s;
	char *path;
	int64_t id;

	(void)state;
	p = tu_new_project(&path);
	assert_ok(project_begin(p, "batch"));
	tu_doc(p, "a", "x");
	assert_ok(codetree_add(p, 0, NODE_CODE, "k", &id));
	assert_int_equal(codetree_add(p, 0, NODE_CODE, "k", &id), AX_ERR_EXISTS);
	/* the failed step poisons the action */
	assert_int_not_equal(project_commit(p), AX_OK);
	project_summary(p, &s);
	assert_int_equal(s.documents, 0);
	assert_int_equal(s.codes, 0);
	assert_ok(project_begin(p, "batch"));
	tu_doc(p, "a", "x");
	assert_ok(codetree_add(p, 0, NODE_CODE, "k", &id));
	assert_ok(project_commit(p));
	project_summary(p, &s);
	assert_int_equal(s.documents, 1);
	assert_int_equal(s.codes, 1);
	project_close(p);
	free(path);
}

/* Axial never makes a tree deeper than CODETREE_MAX_DEPTH levels. */
static void
test_tree_depth_limit(void **state)
{
	struct project *p;
	char *path;
	int64_t parent = 0, id, top, code;
	int level;

	(void)state;
	p = tu_new_project(&path);
	for (level = 1; level <= CODETREE_MAX_DEPTH; level++) {
		char name[16];

		snprintf(name, sizeof name, "c%d", level);
		assert_ok(codetree_add(p, parent, NODE_CATEGORY, name, &parent));
	}
	assert_int_equal(codetree_add(p, parent, NODE_CODE, "deeper", &id), AX_ERR_INPUT);
	assert_non_null(strstr(project_errmsg(p), "more than 100 levels"));
	/* a two-level subtree fits under level 98, not under level 99 */
	top = node(p, 0, NODE_CATEGORY, "Top");
	code = node(p, top, NODE_CODE, "leaf");
	assert_ok(codetree_find(p, "c1/c2", &id));
	assert_true(code > 0);
	{
		struct node *t;
		size_t n, i;
		int64_t c98 = 0, c99 = 0;

		assert_ok(codetree_load(p, &t, &n));
		for (i = 0; i < n; i++) {
			if (t[i].depth == 97)
				c98 = t[i].id;
			if (t[i].depth == 98)
				c99 = t[i].id;
		}
		codetree_free(t, n);
		assert_int_equal(codetree_move(p, top, c99), AX_ERR_INPUT);
		assert_ok(codetree_move(p, top, c98));
	}
	project_close(p);
	free(path);
}

/* Runs sql on the project file through a connection of its own. */
static void
raw_sql(const char *path, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_close(db);
}

/*
 * Another program makes a loop and a 200,000-level chain in the tree of an
 * open project: every walk still ends, and nothing crashes.
 */
static void
test_tree_changed_under_us(void **state)
{
	struct project *p;
	struct node *t, nd;
	char *path, *s;
	size_t n, i;
	int64_t a, b, c, k, top;

	(void)state;
	p = tu_new_project(&path);
	top = node(p, 0, NODE_CODE, "top");
	a = node(p, 0, NODE_CATEGORY, "A");
	b = node(p, a, NODE_CATEGORY, "B");
	k = node(p, b, NODE_CODE, "k");
	c = node(p, 0, NODE_CATEGORY, "C");
	assert_true(c > 0);
	raw_sql(path, "UPDATE nodes SET parent_id = (SELECT id FROM nodes WHERE"
	    " name = 'B') WHERE name = 'A'");
	raw_sql(path, "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1"
	    " FROM c WHERE i < 200000) INSERT INTO nodes(id, parent_id, kind,"
	    " name, guid, created) SELECT 1000 + i, CASE WHEN i = 1 THEN"
	    " (SELECT id FROM nodes WHERE name = 'C') ELSE 999 + i END,"
	    " 'category', 'n' || i, 'g' || i, 0 FROM c");
	assert_ok(codetree_load(p, &t, &n));
	/* the loop's nodes are not reachable, the chain is cut at the limit */
	assert_int_equal(n, 1 + CODETREE_MAX_DEPTH);
	for (i = 0; i < n; i++) {
		assert_true(t[i].depth < CODETREE_MAX_DEPTH);
		assert_true(t[i].id != a && t[i].id != b && t[i].id != k);
	}
	codetree_free(t, n);
	s = codetree_path(p, k);	/* ends, with the loop cut at the limit */
	assert_non_null(s);
	free(s);
	s = codetree_path(p, 201000);
	assert_non_null(strstr(s, "n200000"));
	free(s);
	/* all paths at once: the same walks, each cut where codetree_path's is */
	{
		int64_t ids[] = { k, a, b, 201000, 1100, 1001, c, top };

		paths_agree(p, ids, AX_ARRAY_LEN(ids));
	}
	/* a move into the loop is refused, as into itself, and one too deep */
	assert_int_equal(codetree_move(p, a, b), AX_ERR_CYCLE);
	assert_int_equal(codetree_move(p, top, 1100), AX_ERR_INPUT);
	/* removing the loop ends, and takes its code with it */
	assert_ok(codetree_remove(p, a));
	assert_int_equal(codetree_get(p, k, &nd), AX_ERR_NOTFOUND);
	assert_ok(codetree_load(p, &t, &n));
	assert_int_equal(n, 1 + CODETREE_MAX_DEPTH);
	codetree_free(t, n);
	project_close(p);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree_build_and_order),
		cmocka_unit_test(test_tree_bad_input),
		cmocka_unit_test(test_tree_move_merge_remove),
		cmocka_unit_test(test_codings),
		cmocka_unit_test(test_memos),
		cmocka_unit_test(test_action_groups),
		cmocka_unit_test(test_tree_depth_limit),
		cmocka_unit_test(test_tree_changed_under_us),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
