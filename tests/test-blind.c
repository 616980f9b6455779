/*
 * test-blind.c: blind coding in the model: visibility of codings, counts,
 * the change feed and agreement; who may start, finish and lift it.
 */
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "stats/agree-project.h"
#include "store/blind.h"
#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/project.h"
#include "base/util.h"
#include "testutil.h"

static void
test_visibility(void **state)
{
	struct project *o, *a, *b;
	struct agree_project *ap;
	struct agree_config cfg = {AGREE_UNIT_PARAGRAPH, 2, false, 0.9, false,
	    AGREE_UNIT_PARAGRAPH};
	const char *const ab[] = {"A", "B"};
	struct coding c;
	struct node nd;
	struct coding_change *ch;
	size_t nch;
	char *path;
	int64_t doc, k, ca, cb, cursor;

	(void)state;
	o = tu_new_project(&path);
	doc = tu_doc(o, "d", "one\ntwo\n");
	assert_ok(codetree_add(o, 0, NODE_CODE, "k", &k));
	assert_ok(coder_add(o, "A", NULL, NULL, project_account(o)));
	assert_ok(coder_add(o, "B", NULL, NULL, project_account(o)));
	assert_int_equal(blind_start(o, ab, 1), AX_ERR_INPUT);
	assert_ok(blind_start(o, ab, 2));
	assert_ok(project_open(path, 0, "A", &a, NULL));
	assert_ok(project_open(path, 0, "B", &b, NULL));
	cursor = coding_changes_cursor(a);
	assert_ok(coding_add(a, doc, k, 0, 3, &ca));
	assert_ok(coding_add(b, doc, k, 4, 7, &cb));
	assert_int_equal(tu_ncodings(a), 1);
	assert_int_equal(tu_ncodings(b), 1);
	assert_int_equal(tu_ncodings(o), 0);	/* the owner is not a coder here */
	assert_int_equal(coding_get(a, cb, &c), AX_ERR_NOTFOUND);
	assert_ok(codetree_get(a, k, &nd));
	assert_int_equal(nd.ncodings, 1);
	node_done(&nd);
	/* the live feed leaves B's coding out for A */
	assert_ok(coding_changes_since(a, &cursor, &ch, &nch, NULL));
	assert_int_equal(nch, 1);
	assert_int_equal(ch[0].c.id, ca);
	free(ch);
	assert_int_equal(agree_project_new(a, ab, 2, &cfg, 0, &ap), AX_ERR_PERM);
	assert_non_null(strstr(project_errmsg(a), "waiting for A, B"));
	assert_int_equal(blind_done(o), AX_ERR_PERM);	/* not a session coder */
	assert_ok(blind_done(a));
	assert_int_equal(tu_ncodings(a), 1);
	assert_ok(blind_done(b));
	assert_int_equal(tu_ncodings(a), 2);
	assert_ok(agree_project_new(a, ab, 2, &cfg, 0, &ap));
	agree_project_free(ap);
	assert_ok(blind_lift(o));
	project_close(a);
	project_close(b);
	project_close(o);
	free(path);
}

/* coding_counts(p) as the count of (node, coder), which must match the
 * codings coding_list shows the same reader, pair by pair. */
static int64_t
count_of(struct project *p, int64_t node, int64_t coder)
{
	struct coding_count *c;
	struct coding *v;
	size_t n, nv, i, j;
	int64_t got = 0, want = 0;

	assert_ok(coding_counts(p, &c, &n));
	for (i = 0; i < n; i++) {
		for (j = i + 1; j < n; j++)	/* one row per pair */
			assert_false(c[i].node == c[j].node && c[i].coder == c[j].coder);
		if (c[i].node == node && c[i].coder == coder)
			got = c[i].n;
	}
	free(c);
	assert_ok(coding_list(p, NULL, &v, &nv));
	for (i = 0; i < nv; i++)
		want += v[i].node == node && v[i].coder == coder;
	free(v);
	assert_int_equal(got, want);
	return got;
}

/* The per-code, per-coder counts (the workbench's code tree) are grouped
 * by SQLite and follow blind coding as coding_list does. */
static void
test_counts(void **state)
{
	const char *const ab[] = {"A", "B"};
	struct project *o, *a, *b;
	char *path;
	int64_t doc, k, k2, id, ia, ib;

	(void)state;
	o = tu_new_project(&path);
	doc = tu_doc(o, "d", "one two three four\n");
	assert_ok(codetree_add(o, 0, NODE_CODE, "k", &k));
	assert_ok(codetree_add(o, 0, NODE_CODE, "k2", &k2));
	assert_ok(coder_add(o, "A", NULL, NULL, project_account(o)));
	assert_ok(coder_add(o, "B", NULL, NULL, project_account(o)));
	assert_ok(coder_find(o, "A", &ia));
	assert_ok(coder_find(o, "B", &ib));
	assert_ok(blind_start(o, ab, 2));
	assert_ok(project_open(path, 0, "A", &a, NULL));
	assert_ok(project_open(path, 0, "B", &b, NULL));
	assert_ok(coding_add(a, doc, k, 0, 3, &id));
	assert_ok(coding_add(a, doc, k, 4, 7, &id));
	assert_ok(coding_add(a, doc, k2, 0, 3, &id));
	assert_ok(coding_add(b, doc, k, 8, 13, &id));
	assert_int_equal(count_of(a, k, ia), 2);
	assert_int_equal(count_of(a, k2, ia), 1);
	assert_int_equal(count_of(a, k, ib), 0);	/* hidden from A */
	assert_int_equal(count_of(b, k, ib), 1);
	assert_ok(blind_done(a));
	assert_ok(blind_done(b));
	assert_int_equal(count_of(a, k, ib), 1);
	assert_int_equal(count_of(o, k, ia), 2);
	assert_int_equal(count_of(o, k2, ib), 0);
	project_close(a);
	project_close(b);
	project_close(o);
	free(path);
}

/* As an account that is not the owner: may neither start nor lift. */
static int
stranger(const char *path)
{
	struct project *p;
	const char *const ab[] = {"A", "B"};

	if (project_open(path, 0, NULL, &p, NULL) != AX_OK)
		return 10;
	if (blind_lift(p) != AX_ERR_PERM || !strstr(project_errmsg(p), "owner"))
		return 11;
	if (blind_start(p, ab, 2) != AX_ERR_PERM)
		return 12;
	if (coder_add(p, "A", NULL, NULL, project_account(p)) != AX_ERR_PERM)
		return 13;	/* nor tie the owner's coder to itself */
	project_close(p);
	return 0;
}

static void
test_owner_only(void **state)
{
	struct project *o;
	const char *const ab[] = {"A", "B"};
	struct passwd *pw = getpwnam("nobody");
	char *path;
	pid_t pid;
	int st;

	(void)state;
	if (geteuid() != 0 || pw == NULL)
		skip();	/* needs a second account */
	o = tu_new_project(&path);
	assert_ok(coder_add(o, "A", NULL, NULL, project_account(o)));
	assert_ok(coder_add(o, "B", NULL, NULL, project_account(o)));
	assert_ok(blind_start(o, ab, 2));
	project_close(o);
	chmod(tu_dir(), 0777);
	chmod(path, 0666);
	pid = fork();
	if (pid == 0) {
		if (setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0)
			_exit(20);
		_exit(stranger(path));
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	chmod(tu_dir(), 0700);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_visibility),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_owner_only),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
