/*
 * test-concurrency.c: two coders in two processes write one project at
 * once. No call may fail with "locked", nothing is lost or doubled, and
 * each coder's undo touches only their own work.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "axial/coder.h"
#include "axial/codetree.h"
#include "axial/coding.h"
#include "axial/history.h"
#include "axial/project.h"
#include "axial/util.h"
#include "testutil.h"

#define NOPS 1000

/* Child: NOPS codings and every tenth undone; exit status says what failed. */
static int
coder_run(const char *path, const char *as, int64_t doc, int64_t code, int seed)
{
	struct project *p;
	int i;
	int64_t id;

	if (project_open(path, 0, as, &p, NULL) != AX_OK)
		return 10;
	for (i = 0; i < NOPS; i++) {
		int64_t start = (seed * 7 + i * 13) % 900;

		if (coding_add(p, doc, code, start, start + 1 + i % 50, &id) != AX_OK) {
			fprintf(stderr, "%s: op %d: %s\n", as, i, project_errmsg(p));
			return 11;
		}
		if (i % 10 == 9 && history_undo(p, NULL) != AX_OK) {
			fprintf(stderr, "%s: undo %d: %s\n", as, i, project_errmsg(p));
			return 12;
		}
	}
	project_close(p);
	return 0;
}

static void
test_two_writers(void **state)
{
	struct project *p;
	struct coding *v;
	size_t n, i, na = 0, nb = 0;
	char *path, *text = xmalloc(1001);
	int64_t doc, code, ida, idb;
	pid_t pa, pb;
	int st;

	(void)state;
	memset(text, 'x', 1000);
	text[1000] = '\0';
	p = tu_new_project(&path);
	doc = tu_doc(p, "d", text);
	free(text);
	assert_ok(codetree_add(p, 0, NODE_CODE, "k", &code));
	assert_ok(coder_add(p, "coder-a", NULL, NULL, project_account(p)));
	assert_ok(coder_add(p, "coder-b", NULL, NULL, project_account(p)));
	assert_ok(coder_find(p, "coder-a", &ida));
	assert_ok(coder_find(p, "coder-b", &idb));
	project_close(p);
	if ((pa = fork()) == 0)
		_exit(coder_run(path, "coder-a", doc, code, 1));
	if ((pb = fork()) == 0)
		_exit(coder_run(path, "coder-b", doc, code, 2));
	assert_int_equal(waitpid(pa, &st, 0), pa);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	assert_int_equal(waitpid(pb, &st, 0), pb);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	assert_ok(project_open(path, 0, NULL, &p, NULL));
	assert_ok(project_check(p));
	assert_ok(coding_list(p, NULL, &v, &n));
	for (i = 0; i < n; i++) {
		na += v[i].coder == ida;
		nb += v[i].coder == idb;
	}
	free(v);
	/* each did NOPS and undid a tenth of them: nothing lost or doubled */
	assert_int_equal(na, NOPS - NOPS / 10);
	assert_int_equal(nb, NOPS - NOPS / 10);
	assert_int_equal(n, na + nb);
	project_close(p);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_writers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
