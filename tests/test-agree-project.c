/*
 * test-agree-project.c: agreement on a project, kept current. After another
 * connection (the other coder) adds, moves and removes codings, a refresh
 * gives the same tables as a state built afresh; a change to the tree
 * rebuilds.
 */
#include <stdlib.h>
#include <string.h>

#include "axial/agree-project.h"
#include "axial/coder.h"
#include "axial/codetree.h"
#include "axial/coding.h"
#include "axial/history.h"
#include "axial/project.h"
#include "axial/util.h"
#include "testutil.h"

static const char *const AB[] = {"A", "B"};

static void
same_tables(struct project *p, const struct agree_project *live)
{
	struct agree_config cfg = {AGREE_UNIT_PARAGRAPH, 2, false, 0.9, false,
	    AGREE_UNIT_PARAGRAPH};
	struct agree_project *fresh;
	struct agree_cells x, y;

	assert_ok(agree_project_new(p, AB, 2, &cfg, 0, &fresh));
	agree_state_total_table(agree_project_state(live), &x, NULL);
	agree_state_total_table(agree_project_state(fresh), &y, NULL);
	assert_int_equal(x.a, y.a);
	assert_int_equal(x.b, y.b);
	assert_int_equal(x.c, y.c);
	assert_int_equal(x.d, y.d);
	agree_project_free(fresh);
}

static void
test_refresh(void **state)
{
	struct project *a, *b;
	struct agree_project *ap;
	struct agree_config cfg = {AGREE_UNIT_PARAGRAPH, 2, false, 0.9, false,
	    AGREE_UNIT_PARAGRAPH};
	struct agree_cells t;
	char *path;
	int64_t doc, k1, k2, c1, c2, c3;
	bool changed;

	(void)state;
	a = tu_new_project(&path);
	doc = tu_doc(a, "d", "one\ntwo\nthree\nfour\n");
	assert_ok(codetree_add(a, 0, NODE_CODE, "k1", &k1));
	assert_ok(codetree_add(a, 0, NODE_CODE, "k2", &k2));
	assert_ok(coder_add(a, "A", NULL, NULL, project_account(a)));
	assert_ok(coder_add(a, "B", NULL, NULL, project_account(a)));
	project_close(a);
	assert_ok(project_open(path, 0, "A", &a, NULL));
	assert_ok(project_open(path, 0, "B", &b, NULL));
	assert_ok(coding_add(a, doc, k1, 0, 3, &c1));
	assert_ok(agree_project_new(a, AB, 2, &cfg, 0, &ap));
	agree_state_total_table(agree_project_state(ap), &t, NULL);
	assert_int_equal(t.b, 1);	/* only A coded paragraph 1 with k1 */
	assert_int_equal(t.a + t.b + t.c + t.d, 8);	/* 4 paragraphs x 2 codes */
	/* nothing new */
	assert_ok(agree_project_refresh(ap, &changed));
	assert_false(changed);
	/* B, in another connection, agrees on paragraph 1 and adds paragraph 2 */
	assert_ok(coding_add(b, doc, k1, 0, 2, &c2));
	assert_ok(coding_add(b, doc, k2, 4, 7, &c3));
	assert_ok(agree_project_refresh(ap, &changed));
	assert_true(changed);
	agree_state_total_table(agree_project_state(ap), &t, NULL);
	assert_int_equal(t.a, 1);
	assert_int_equal(t.c, 1);
	same_tables(a, ap);
	/* B moves a coding (an update: old removed, new added) and undoes */
	assert_ok(coding_set_range(b, c3, 8, 13));
	assert_ok(history_undo(b, NULL));
	assert_ok(history_undo(b, NULL));
	assert_ok(agree_project_refresh(ap, &changed));
	assert_true(changed);
	same_tables(a, ap);
	/* a new code in the tree rebuilds: one more per-code table */
	assert_ok(codetree_add(b, 0, NODE_CODE, "k3", NULL));
	assert_ok(agree_project_refresh(ap, &changed));
	assert_true(changed);
	agree_state_total_table(agree_project_state(ap), &t, NULL);
	assert_int_equal(t.a + t.b + t.c + t.d, 12);
	same_tables(a, ap);
	agree_project_free(ap);
	project_close(b);
	project_close(a);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refresh),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
