/*
 * test-history.c: undo and redo of every kind of action, per coder, across
 * restarts, and refusals when another coder's work depends on the action.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/document.h"
#include "store/history.h"
#include "store/memo.h"
#include "store/project.h"
#include "base/util.h"
#include "testutil.h"

static void
test_undo_redo_tag(void **state)
{
	struct project *p;
	struct coding c;
	char *path, *label = NULL;
	int64_t doc, code, id;

	(void)state;
	p = tu_new_project(&path);
	assert_int_equal(history_undo(p, NULL), AX_ERR_NOTHING);
	doc = tu_doc(p, "d", "some words here\n");
	assert_ok(codetree_add(p, 0, NODE_CODE, "k", &code));
	assert_ok(coding_add(p, doc, code, 5, 10, &id));
	assert_ok(history_undo(p, &label));
	assert_string_equal(label, "tag");
	free(label);
	assert_int_equal(tu_ncodings(p), 0);
	/* redo survives a restart, and gives back the same coding */
	project_close(p);
	assert_ok(project_open(path, 0, NULL, &p, NULL));
	assert_ok(history_redo(p, NULL));
	assert_ok(coding_get(p, id, &c));
	assert_int_equal(c.start, 5);
	assert_int_equal(c.end, 10);
	assert_int_equal(history_redo(p, NULL), AX_ERR_NOTHING);
	/* undo walks back: tag, code add, import */
	assert_ok(history_undo(p, NULL));
	assert_ok(history_undo(p, &label));
	assert_string_equal(label, "code add");
	free(label);
	assert_int_equal(codetree_get(p, code, &(struct node){0}), AX_ERR_NOTFOUND);
	assert_ok(history_undo(p, NULL));
	assert_int_equal(doc_get(p, doc, &(struct doc_info){0}), AX_ERR_NOTFOUND);
	assert_int_equal(history_undo(p, NULL), AX_ERR_NOTHING);
	/* and redo walks forward again, text included */
	assert_ok(history_redo(p, NULL));
	assert_ok(history_redo(p, NULL));
	assert_ok(history_redo(p, NULL));
	{
		char *text;
		size_t len;

		assert_ok(doc_text(p, doc, &text, &len));
		assert_string_equal(text, "some words here\n");
		free(text);
	}
	assert_int_equal(tu_ncodings(p), 1);
	assert_ok(project_check(p));
	project_close(p);
	free(path);
}

static void
test_new_action_ends_redo(void **state)
{
	struct project *p;
	char *path;
	int64_t doc, code, id;

	(void)state;
	p = tu_new_project(&path);
	doc = tu_doc(p, "d", "abcdef\n");
	assert_ok(codetree_add(p, 0, NODE_CODE, "k", &code));
	assert_ok(coding_add(p, doc, code, 0, 2, &id));
	assert_ok(history_undo(p, NULL));
	assert_ok(coding_add(p, doc, code, 3, 5, &id));
	assert_int_equal(history_redo(p, NULL), AX_ERR_NOTHING);
	assert_int_equal(tu_ncodings(p), 1);
	project_close(p);
	free(path);
}

static void
test_per_coder(void **state)
{
	struct project *a, *b;
	char *path, *label = NULL;
	int64_t doc, code, ka, kb;
	struct coding c;

	(void)state;
	a = tu_new_project(&path);
	doc = tu_doc(a, "d", "abcdefghij\n");
	assert_ok(codetree_add(a, 0, NODE_CODE, "k", &code));
	assert_ok(coder_add(a, "coder-b", NULL, NULL, project_account(a)));
	assert_ok(project_open(path, 0, "coder-b", &b, NULL));
	assert_ok(coding_add(a, doc, code, 0, 2, &ka));
	assert_ok(coding_add(b, doc, code, 3, 5, &kb));
	/* A's undo takes A's coding, not B's newer one */
	assert_ok(history_undo(a, &label));
	assert_string_equal(label, "tag");
	free(label);
	assert_int_equal(coding_get(a, ka, &c), AX_ERR_NOTFOUND);
	assert_ok(coding_get(a, kb, &c));
	/* B has one action of its own to undo, then nothing */
	assert_ok(history_undo(b, NULL));
	assert_int_equal(history_undo(b, NULL), AX_ERR_NOTHING);
	assert_int_equal(tu_ncodings(a), 0);
	project_close(b);
	project_close(a);
	free(path);
}

static void
test_conflicts(void **state)
{
	struct project *a, *b;
	struct node nd;
	char *path;
	int64_t doc, code, kb, code2;

	(void)state;
	a = tu_new_project(&path);
	doc = tu_doc(a, "d", "abcdefghij\n");
	assert_ok(coder_add(a, "coder-b", NULL, NULL, project_account(a)));
	assert_ok(project_open(path, 0, "coder-b", &b, NULL));
	/* A creates a code, B codes with it: undoing the code would delete
	 * B's work, so it is refused and nothing changes */
	assert_ok(codetree_add(a, 0, NODE_CODE, "shared", &code));
	assert_ok(coding_add(b, doc, code, 0, 3, &kb));
	assert_int_equal(history_undo(a, NULL), AX_ERR_CONFLICT);
	assert_non_null(strstr(project_errmsg(a), "code add"));
	assert_ok(codetree_get(a, code, &nd));
	node_done(&nd);
	assert_int_equal(tu_ncodings(a), 1);
	/* A renames a code, B renames it again: A's undo is refused */
	assert_ok(codetree_add(b, 0, NODE_CODE, "x", &code2));
	assert_ok(codetree_rename(a, code2, "y"));
	assert_ok(codetree_rename(b, code2, "z"));
	assert_int_equal(history_undo(a, NULL), AX_ERR_CONFLICT);
	assert_non_null(strstr(project_errmsg(a), "changed since"));
	assert_ok(codetree_get(a, code2, &nd));
	assert_string_equal(nd.name, "z");
	node_done(&nd);
	/* B undoes its rename, then A can undo its own */
	assert_ok(history_undo(b, NULL));
	assert_ok(history_undo(a, NULL));
	assert_ok(codetree_get(a, code2, &nd));
	assert_string_equal(nd.name, "x");
	node_done(&nd);
	assert_ok(project_check(a));
	project_close(b);
	project_close(a);
	free(path);
}

static void
test_undo_remove_subtree(void **state)
{
	struct project *p;
	struct project_summary s0, s1;
	struct memo *m;
	size_t n;
	char *path;
	int64_t doc, top, sub, k1, k2, c1, c2, mid;

	(void)state;
	p = tu_new_project(&path);
	doc = tu_doc(p, "d", "alpha beta gamma delta\n");
	assert_ok(codetree_add(p, 0, NODE_CATEGORY, "Top", &top));
	assert_ok(codetree_set_role(p, top, ROLE_STRATEGIES));
	assert_ok(codetree_add(p, top, NODE_CATEGORY, "Sub", &sub));
	assert_ok(codetree_add(p, sub, NODE_CODE, "k1", &k1));
	assert_ok(codetree_add(p, top, NODE_CODE, "k2", &k2));
	assert_ok(coding_add(p, doc, k1, 0, 5, &c1));
	assert_ok(coding_add(p, doc, k2, 6, 10, &c2));
	assert_ok(memo_add(p, MEMO_NODE, k1, MEMO_TYPE_CODE, "", "memo on k1", &mid));
	assert_ok(memo_add(p, MEMO_CODING, c2, MEMO_TYPE_FREE, "", "memo on c2", &mid));
	project_summary(p, &s0);
	assert_ok(codetree_remove(p, top));
	project_summary(p, &s1);
	assert_int_equal(s1.codes + s1.categories + s1.codings + s1.memos, 0);
	assert_ok(history_undo(p, NULL));
	project_summary(p, &s1);
	assert_memory_equal(&s0, &s1, sizeof s0);
	assert_ok(memo_list(p, MEMO_NODE, k1, &m, &n));
	assert_int_equal(n, 1);
	assert_string_equal(m[0].body, "memo on k1");
	memo_list_free(m, n);
	{
		struct node nd;

		assert_ok(codetree_get(p, top, &nd));
		assert_int_equal(nd.role, ROLE_STRATEGIES);
		node_done(&nd);
	}
	/* merge and its undo */
	assert_ok(codetree_merge(p, k1, k2));
	assert_int_equal(tu_ncodings(p), 2);
	assert_ok(history_undo(p, NULL));
	{
		struct coding c;

		assert_ok(coding_get(p, c1, &c));
		assert_int_equal(c.node, k1);
	}
	/* document removal and its undo: text, codings, attributes */
	assert_ok(doc_attr_set(p, doc, "gender", "female"));
	assert_ok(doc_remove(p, doc));
	assert_int_equal(tu_ncodings(p), 0);
	assert_ok(history_undo(p, NULL));
	assert_int_equal(tu_ncodings(p), 2);
	{
		char *text;
		size_t len;
		struct doc_attr *a;

		assert_ok(doc_text(p, doc, &text, &len));
		assert_string_equal(text, "alpha beta gamma delta\n");
		free(text);
		assert_ok(doc_attr_list(p, doc, &a, &n));
		assert_int_equal(n, 1);
		doc_attr_list_free(a, n);
	}
	assert_ok(project_check(p));
	project_close(p);
	free(path);
}

static int64_t
parent_of(struct project *p, int64_t id)
{
	struct node nd;
	int64_t parent;

	assert_ok(codetree_get(p, id, &nd));
	parent = nd.parent;
	node_done(&nd);
	return parent;
}

/* Undo and redo put a node back under its old parent; when another coder
 * has moved that parent under the node since, or deeper, the tree would
 * loop or pass the depth limit, and the file would not open again. */
static void
test_undo_keeps_tree(void **state)
{
	struct project *a, *b;
	char *path;
	int64_t w, x, c, y, z, chain[CODETREE_MAX_DEPTH];
	int i;

	(void)state;
	a = tu_new_project(&path);
	assert_ok(coder_add(a, "coder-b", NULL, NULL, project_account(a)));
	assert_ok(project_open(path, 0, "coder-b", &b, NULL));
	assert_ok(codetree_add(a, 0, NODE_CATEGORY, "W", &w));
	assert_ok(codetree_add(a, 0, NODE_CATEGORY, "X", &x));
	/* undo: A moved X out of W, then B moved W under X */
	assert_ok(codetree_move(a, x, w));
	assert_ok(codetree_move(a, x, 0));
	assert_ok(codetree_move(b, w, x));
	assert_int_equal(history_undo(a, NULL), AX_ERR_CONFLICT);
	assert_non_null(strstr(project_errmsg(a), "loop"));
	assert_int_equal(parent_of(a, x), 0);
	assert_int_equal(parent_of(a, w), x);
	/* redo: A's undone move of X under W, after B moved W under X */
	assert_ok(history_undo(b, NULL));
	assert_ok(history_undo(a, NULL));	/* X back under W */
	assert_ok(history_undo(a, NULL));	/* X back at the top */
	assert_ok(codetree_move(b, w, x));
	assert_int_equal(history_redo(a, NULL), AX_ERR_CONFLICT);
	assert_int_equal(parent_of(a, x), 0);
	assert_ok(history_undo(b, NULL));
	assert_ok(history_redo(a, NULL));
	assert_int_equal(parent_of(a, x), w);

	/* depth: A removes Y (with Z) from the bottom of a chain of 98
	 * categories; B puts the chain one level lower; Y and Z would be at
	 * levels 100 and 101 */
	chain[0] = 0;
	for (i = 1; i <= CODETREE_MAX_DEPTH - 2; i++) {
		char name[16];

		snprintf(name, sizeof name, "c%d", i);
		assert_ok(codetree_add(a, chain[i - 1], NODE_CATEGORY, name,
		    &chain[i]));
	}
	c = chain[CODETREE_MAX_DEPTH - 2];
	assert_ok(codetree_add(a, c, NODE_CATEGORY, "Y", &y));
	assert_ok(codetree_add(a, y, NODE_CODE, "z", &z));
	assert_ok(codetree_remove(a, y));
	assert_ok(codetree_move(b, chain[1], w));
	assert_int_equal(history_undo(a, NULL), AX_ERR_CONFLICT);
	assert_non_null(strstr(project_errmsg(a), "levels deep"));
	assert_int_equal(codetree_get(a, y, &(struct node){0}), AX_ERR_NOTFOUND);
	assert_ok(history_undo(b, NULL));
	assert_ok(history_undo(a, NULL));
	assert_int_equal(parent_of(a, z), y);

	/* the file still opens: its tree is verified on opening */
	project_close(b);
	project_close(a);
	assert_ok(project_open(path, 0, NULL, &a, NULL));
	project_close(a);
	free(path);
}

static void
test_log(void **state)
{
	struct project *p;
	struct history_entry *e;
	size_t n;
	char *path;
	int64_t code;

	(void)state;
	p = tu_new_project(&path);
	assert_ok(codetree_add(p, 0, NODE_CODE, "k", &code));
	assert_ok(codetree_rename(p, code, "k2"));
	assert_ok(codetree_rename(p, code, "k2"));	/* no change: no entry */
	assert_ok(history_undo(p, NULL));
	assert_ok(history_log(p, 10, &e, &n));
	assert_int_equal(n, 5);
	assert_string_equal(e[0].kind, "undo");
	assert_string_equal(e[0].label, "code rename");
	assert_string_equal(e[0].account, project_account(p));
	assert_string_equal(e[1].label, "code rename");
	assert_string_equal(e[1].state, "undone");
	assert_int_equal(e[1].nchanges, 1);
	assert_string_equal(e[2].label, "code add");
	assert_string_equal(e[2].coder, project_coder_login(p));
	/* the coder's row, made by their first action, and the creation:
	 * logged, and nobody's to undo */
	assert_string_equal(e[3].label, "coder join");
	assert_string_equal(e[3].coder, project_coder_login(p));
	assert_string_equal(e[3].state, "meta");
	assert_int_equal(e[3].nchanges, 1);
	assert_string_equal(e[4].label, "project create");
	assert_string_equal(e[4].coder, "");
	assert_string_equal(e[4].account, project_account(p));
	assert_int_equal(e[4].nchanges, 2);	/* the owner, the time */
	history_log_free(e, n);
	assert_ok(history_undo(p, NULL));	/* code add */
	assert_int_equal(history_undo(p, NULL), AX_ERR_NOTHING);
	project_close(p);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_undo_redo_tag),
		cmocka_unit_test(test_new_action_ends_redo),
		cmocka_unit_test(test_per_coder),
		cmocka_unit_test(test_conflicts),
		cmocka_unit_test(test_undo_remove_subtree),
		cmocka_unit_test(test_undo_keeps_tree),
		cmocka_unit_test(test_log),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
