/*
 * test-agree-project.c: agreement on a project, kept current. After another
 * connection (the other coder) adds, moves and removes codings, a refresh
 * gives the same tables as a state built afresh; a change to the tree
 * rebuilds.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "stats/agree-project.h"
#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/history.h"
#include "store/project.h"
#include "base/util.h"
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
	size_t nd, nc, ncat;
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
	/* 4 paragraphs x 1 code: k2, which nobody used, does not count */
	assert_int_equal(t.a + t.b + t.c + t.d, 4);
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
	/* a new code in the tree rebuilds: one more per-code table, but the
	 * pooled table stays over the codes used (k1; the second undo took
	 * B's k2 away) x 4 paragraphs */
	assert_ok(codetree_add(b, 0, NODE_CODE, "k3", NULL));
	assert_ok(agree_project_refresh(ap, &changed));
	assert_true(changed);
	agree_state_size(agree_project_state(ap), &nd, &nc, &ncat);
	assert_int_equal(nc, 3);
	agree_state_total_table(agree_project_state(ap), &t, NULL);
	assert_int_equal(t.a + t.b + t.c + t.d, 4);
	same_tables(a, ap);
	agree_project_free(ap);
	project_close(b);
	project_close(a);
	free(path);
}

/* A coder's process: n codings at pseudo-random places, some removed. */
static int
coder_proc(const char *path, const char *as, int64_t doc, int64_t k1, int64_t k2,
    unsigned seed, int n)
{
	struct project *p;
	int64_t ids[64];
	int i, nid = 0;

	srand(seed);
	if (project_open(path, 0, as, &p, NULL) != AX_OK)
		return 10;
	for (i = 0; i < n; i++) {
		int64_t start = rand() % 380, id;

		if (coding_add(p, doc, rand() % 2 ? k1 : k2, start, start + 1 + rand() % 20,
		    &id) != AX_OK)
			return 11;
		if (nid < 64)
			ids[nid++] = id;
		if (i % 7 == 6 && coding_remove(p, ids[--nid]) != AX_OK)
			return 12;
		usleep(500);
	}
	project_close(p);
	return 0;
}

/* Both coders code at once while a live state refreshes; at the end it
 * equals a fresh build (what a new `axial agree` prints). */
static void
test_live_two_processes(void **state)
{
	struct project *o;
	struct agree_project *ap;
	struct agree_config cfg = {AGREE_UNIT_PARAGRAPH, 2, false, 0.9, false,
	    AGREE_UNIT_PARAGRAPH};
	struct buf text = {0};
	char *path;
	int64_t doc, k1, k2;
	pid_t a, b;
	int st, i, refreshes = 0;
	bool changed;

	(void)state;
	o = tu_new_project(&path);
	for (i = 0; i < 40; i++)
		buf_printf(&text, "paragraph number %02d\n", i);
	doc = tu_doc(o, "d", text.s);
	buf_done(&text);
	assert_ok(codetree_add(o, 0, NODE_CODE, "k1", &k1));
	assert_ok(codetree_add(o, 0, NODE_CODE, "k2", &k2));
	assert_ok(coder_add(o, "A", NULL, NULL, project_account(o)));
	assert_ok(coder_add(o, "B", NULL, NULL, project_account(o)));
	assert_ok(agree_project_new(o, AB, 2, &cfg, 0, &ap));
	if ((a = fork()) == 0)
		_exit(coder_proc(path, "A", doc, k1, k2, 1, 150));
	if ((b = fork()) == 0)
		_exit(coder_proc(path, "B", doc, k1, k2, 2, 150));
	{
		pid_t pids[2] = {a, b};
		int left = 2, j;

		while (left > 0) {
			for (j = 0; j < 2; j++) {
				if (pids[j] != 0 && waitpid(pids[j], &st, WNOHANG) == pids[j]) {
					assert_true(WIFEXITED(st));
					assert_int_equal(WEXITSTATUS(st), 0);
					pids[j] = 0;
					left--;
				}
			}
			assert_ok(agree_project_refresh(ap, &changed));
			refreshes += changed;
			usleep(2000);
		}
	}
	assert_ok(agree_project_refresh(ap, &changed));
	assert_true(refreshes > 1);	/* it really was live */
	same_tables(o, ap);
	agree_project_free(ap);
	project_close(o);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refresh),
		cmocka_unit_test(test_live_two_processes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
