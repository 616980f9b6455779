/*
 * test-identity.c: a coder name cannot be borrowed. Who may act as a coder,
 * who may tie a name to an account, and that ties, coders added and blind
 * session steps are logged actions (with the account that did them) which
 * undo takes back without breaking those rules. The tests with a second
 * account need root.
 */
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store/blind.h"
#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/history.h"
#include "store/memo.h"
#include "store/project.h"
#include "base/util.h"
#include "testutil.h"

/* Runs SQL on the file behind axial's back (a v1-era row, a crafted tie). */
static void
sql(const char *path, const char *q)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, q, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* The account coder `login` is tied to ("" none, NULL no such coder). */
static char *
tied(struct project *p, const char *login)
{
	struct coder *c;
	char *a = NULL;
	size_t n, i;

	assert_ok(coder_list(p, &c, &n));
	for (i = 0; i < n; i++)
		if (strcmp(c[i].login, login) == 0)
			a = xstrdup(c[i].account);
	coder_list_free(c, n);
	return a;
}

/* The newest action's label and account. */
static void
newest(struct project *p, const char *label, const char *account)
{
	struct history_entry *e;
	size_t n;

	assert_ok(history_log(p, 1, &e, &n));
	assert_int_equal(n, 1);
	assert_string_equal(e[0].label, label);
	assert_string_equal(e[0].account, account);
	history_log_free(e, n);
}

static void
assert_tied(struct project *p, const char *login, const char *account)
{
	char *a = tied(p, login);

	if (account == NULL)
		assert_null(a);
	else
		assert_string_equal(a, account);
	free(a);
}

/* Acting as a coder: tied ones are their account's, untied ones the
 * same-named account's, consensus nobody's. */
static void
test_act_as(void **state)
{
	struct project *p, *q;
	char *path, *err = NULL, *me, *q2;
	int64_t id;

	(void)state;
	p = tu_new_project(&path);
	me = xstrdup(project_account(p));
	assert_ok(coder_import(p, "carol", "Carol", NULL, &id));
	assert_tied(p, "carol", "");
	/* an imported coder is tied to no account: not this one's */
	assert_int_equal(project_open(path, 0, "carol", &q, &err), AX_ERR_PERM);
	assert_non_null(strstr(err, "cannot act as coder 'carol'"));
	free(err);
	err = NULL;
	assert_int_equal(project_open(path, 0, "consensus", &q, &err), AX_ERR_PERM);
	assert_non_null(strstr(err, "cannot act as coder 'consensus'"));
	free(err);
	err = NULL;
	project_close(p);
	/* a row tied to no account (from a v1 file): the same-named account */
	q2 = xasprintf("UPDATE coders SET account = '' WHERE login = '%s'", me);
	sql(path, q2);
	free(q2);
	assert_ok(project_open(path, 0, NULL, &q, NULL));
	project_close(q);
	/* tied to another account: not even the same-named one */
	q2 = xasprintf("UPDATE coders SET account = 'someone-else' WHERE login = '%s'", me);
	sql(path, q2);
	free(q2);
	assert_int_equal(project_open(path, 0, NULL, &q, &err), AX_ERR_PERM);
	q2 = xasprintf("cannot act as coder '%s': it is tied to account 'someone-else'", me);
	assert_string_equal(err, q2);
	free(q2);
	free(err);
	free(me);
	free(path);
}

/* Tying: a free name, one's own role name, a name given away; never
 * another account's. Each tie is a logged action; refused ones change
 * nothing. */
static void
test_tie(void **state)
{
	struct project *p;
	char *path, *me, *want;
	int64_t id;
	bool have_nobody = getpwnam("nobody") != NULL;

	(void)state;
	p = tu_new_project(&path);
	me = xstrdup(project_account(p));
	assert_ok(coder_add(p, "A", NULL, NULL, me));
	newest(p, "coder add", me);
	assert_tied(p, "A", me);
	if (getpwnam("carol") == NULL) {
		/* an imported coder nobody holds here is free */
		assert_ok(coder_import(p, "carol", NULL, NULL, &id));
		assert_ok(coder_add(p, "carol", NULL, NULL, me));
		newest(p, "coder tie", me);
		assert_tied(p, "carol", me);
	}
	assert_ok(coder_add(p, "A", "Coder A", NULL, NULL));
	newest(p, "coder edit", me);
	assert_int_equal(coder_add(p, "consensus", NULL, NULL, me), AX_ERR_PERM);
	assert_non_null(strstr(project_errmsg(p), "cannot tie coder 'consensus'"));
	if (!have_nobody) {
		print_message("no account 'nobody': the other-account ties are not run\n");
		goto out;
	}
	/* another account's own name, even before it ever acted */
	assert_int_equal(coder_add(p, "nobody", NULL, NULL, me), AX_ERR_PERM);
	want = xasprintf("cannot tie coder 'nobody' to account '%s': it is held "
	    "by account 'nobody'", me);
	assert_string_equal(project_errmsg(p), want);
	free(want);
	assert_tied(p, "nobody", NULL);
	/* and its second pass */
	assert_int_equal(coder_add(p, "nobody-retest", NULL, NULL, me), AX_ERR_PERM);
	assert_non_null(strstr(project_errmsg(p), "held by account 'nobody'"));
	/* one's own name stays one's own */
	assert_int_equal(coder_add(p, me, NULL, NULL, "nobody"), AX_ERR_PERM);
	assert_tied(p, me, me);
	/* a role name can be given away, and then it stays given */
	assert_ok(coder_add(p, "A", NULL, NULL, "nobody"));
	newest(p, "coder tie", me);
	assert_int_equal(coder_add(p, "A", NULL, NULL, me), AX_ERR_PERM);
	want = xasprintf("cannot tie coder 'A' to account '%s': it is held by "
	    "account 'nobody'", me);
	assert_string_equal(project_errmsg(p), want);
	free(want);
	assert_int_equal(coder_add(p, "A", NULL, NULL, ""), AX_ERR_PERM);
	assert_non_null(strstr(project_errmsg(p), "cannot untie coder 'A'"));
	assert_tied(p, "A", "nobody");
	/* nobody has acted as A yet: the owner's undo may take the gift back */
	assert_ok(history_undo(p, NULL));
	assert_tied(p, "A", me);
	assert_ok(history_redo(p, NULL));
	assert_tied(p, "A", "nobody");
out:
	project_close(p);
	free(me);
	free(path);
}

/* Adding and tying coders are undone and redone like any action; a coder
 * who has acted since cannot be undone away. */
static void
test_undo_coders(void **state)
{
	struct project *p, *c;
	char *path, *me, *label = NULL;
	int64_t doc, k, id;

	(void)state;
	p = tu_new_project(&path);
	me = xstrdup(project_account(p));
	doc = tu_doc(p, "d", "one two\n");
	assert_ok(codetree_add(p, 0, NODE_CODE, "k", &k));
	assert_ok(coder_add(p, "c1", NULL, NULL, NULL));
	assert_tied(p, "c1", "");
	assert_ok(coder_add(p, "c1", NULL, NULL, me));
	assert_ok(history_undo(p, &label));
	assert_string_equal(label, "coder tie");
	free(label);
	assert_tied(p, "c1", "");
	assert_ok(history_undo(p, &label));
	assert_string_equal(label, "coder add");
	free(label);
	assert_tied(p, "c1", NULL);
	assert_ok(history_redo(p, NULL));
	assert_tied(p, "c1", "");
	/* c2 codes: the owner's add of c2 cannot be undone any more */
	assert_ok(coder_add(p, "c2", NULL, NULL, me));
	assert_ok(project_open(path, 0, "c2", &c, NULL));
	assert_ok(coding_add(c, doc, k, 0, 3, &id));
	newest(c, "tag", me);
	project_close(c);
	assert_int_equal(history_undo(p, NULL), AX_ERR_CONFLICT);
	assert_string_equal(project_errmsg(p), "cannot undo or redo 'coder add': "
	    "coder 'c2' has acted or been named since");
	assert_tied(p, "c2", me);
	project_close(p);
	free(me);
	free(path);
}

/* Blind start, done and lift are logged and undone; the title too. */
static void
test_blind_log(void **state)
{
	struct project *o, *a, *b;
	const char *const ab[] = {"A", "B"};
	struct blind_status bs;
	char *path, *me, *label = NULL, *title;

	(void)state;
	o = tu_new_project(&path);
	me = xstrdup(project_account(o));
	assert_ok(coder_add(o, "A", NULL, NULL, me));
	assert_ok(coder_add(o, "B", NULL, NULL, me));
	assert_ok(blind_start(o, ab, 2));
	newest(o, "blind start", me);
	assert_ok(project_open(path, 0, "A", &a, NULL));
	assert_ok(project_open(path, 0, "B", &b, NULL));
	assert_ok(blind_done(a));
	newest(a, "blind done", me);
	/* still hidden: A may take it back, and mark it again */
	assert_ok(history_undo(a, &label));
	assert_string_equal(label, "blind done");
	free(label);
	assert_ok(blind_status(o, &bs));
	assert_false(bs.done[0]);
	blind_status_done(&bs);
	assert_ok(blind_done(a));
	assert_ok(blind_done(b));
	assert_ok(blind_status(o, &bs));
	assert_false(bs.hidden);
	blind_status_done(&bs);
	assert_ok(blind_lift(o));
	newest(o, "blind lift", me);
	assert_ok(history_undo(o, &label));
	assert_string_equal(label, "blind lift");
	free(label);
	assert_ok(blind_status(o, &bs));
	assert_true(bs.on);
	assert_false(bs.hidden);
	blind_status_done(&bs);
	/* the owner's undo of a start: the session is gone, the undo logged */
	assert_ok(blind_start(o, ab, 2));
	assert_ok(history_undo(o, &label));
	assert_string_equal(label, "blind start");
	free(label);
	{
		struct history_entry *e;
		size_t n;

		assert_ok(history_log(o, 1, &e, &n));
		assert_string_equal(e[0].kind, "undo");
		assert_string_equal(e[0].label, "blind start");
		assert_string_equal(e[0].account, me);
		history_log_free(e, n);
	}
	assert_ok(blind_status(o, &bs));
	assert_true(bs.on);	/* the session before it, revealed */
	assert_false(bs.hidden);
	blind_status_done(&bs);
	/* the title is a logged setting too */
	assert_ok(project_set_setting(o, "title", "Study"));
	newest(o, "title", me);
	assert_ok(history_undo(o, NULL));
	title = project_setting(o, "title");
	assert_null(title);
	project_close(a);
	project_close(b);
	project_close(o);
	free(me);
	free(path);
}

/*
 * As the second account (nobody), in a child: returns 0 when every check
 * holds, else the number of the first that failed.
 */
static int
second(const char *path, int step)
{
	struct project *p;
	enum ax_status s;
	int rc = 0;

	if (project_open(path, 0, step == 3 ? "coder-x" : NULL, &p, NULL) != AX_OK)
		return 10;
	switch (step) {
	case 1:	/* first action: nobody's row, tied to nobody */
		if (codetree_add(p, 0, NODE_CODE, "by-nobody", &(int64_t){0}) != AX_OK)
			rc = 11;
		break;
	case 2:	/* done; once all is shown, no undo hides it again */
		if (blind_done(p) != AX_OK)
			rc = 21;
		else if ((s = history_undo(p, NULL)) != AX_ERR_PERM ||
		    strstr(project_errmsg(p), "would hide codings") == NULL)
			rc = 22;
		break;
	case 3:	/* the owner's past as coder-x is not nobody's to undo */
		if (history_undo(p, NULL) != AX_ERR_PERM ||
		    strstr(project_errmsg(p), "did it as 'coder-x'") == NULL)
			rc = 31;
		break;
	}
	project_close(p);
	return rc;
}

static void
run_second(const char *path, int step)
{
	struct passwd *pw = getpwnam("nobody");
	pid_t pid;
	int st;

	pid = fork();
	if (pid == 0) {
		if (setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0)
			_exit(99);
		_exit(second(path, step));
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

static void
test_two_accounts(void **state)
{
	struct project *o, *q;
	const char *const sess[] = {"nobody", "A"};
	char *path, *err = NULL, *me;
	struct coding *v;
	size_t n;
	int64_t doc, k, id;

	(void)state;
	if (geteuid() != 0 || getpwnam("nobody") == NULL)
		skip();	/* needs a second account */
	o = tu_new_project(&path);
	me = xstrdup(project_account(o));
	doc = tu_doc(o, "d", "one two three\n");
	assert_ok(codetree_add(o, 0, NODE_CODE, "k", &k));
	assert_ok(coder_add(o, "A", NULL, NULL, me));
	project_close(o);
	chmod(tu_dir(), 0777);
	chmod(path, 0666);
	run_second(path, 1);
	assert_ok(project_open(path, 0, NULL, &o, NULL));
	assert_tied(o, "nobody", "nobody");
	/* the owner can neither take nobody's name nor act as it */
	assert_int_equal(coder_add(o, "nobody", NULL, NULL, me), AX_ERR_PERM);
	assert_tied(o, "nobody", "nobody");
	assert_int_equal(project_open(path, 0, "nobody", &q, &err), AX_ERR_PERM);
	assert_string_equal(err, "cannot act as coder 'nobody': it is tied to "
	    "account 'nobody'");
	free(err);
	/* blind: the owner as A sees A's codings only */
	assert_ok(blind_start(o, sess, 2));
	assert_ok(project_act_as(o, "A"));
	assert_ok(coding_add(o, doc, k, 0, 3, &id));
	assert_int_equal(project_act_as(o, "nobody"), AX_ERR_PERM);
	assert_string_equal(project_coder_login(o), "A");
	assert_ok(coding_list(o, NULL, &v, &n));
	assert_int_equal(n, 1);
	free(v);
	assert_ok(blind_done(o));	/* A */
	run_second(path, 2);
	/* a name the owner acted under, then gave away */
	assert_ok(project_act_as(o, NULL));
	assert_ok(coder_add(o, "coder-x", NULL, NULL, me));
	assert_ok(project_act_as(o, "coder-x"));
	assert_ok(memo_add(o, MEMO_FREE, 0, MEMO_TYPE_FREE, "", "a note", &id));
	assert_ok(project_act_as(o, NULL));
	assert_ok(coder_add(o, "coder-x", NULL, NULL, "nobody"));
	run_second(path, 3);
	project_close(o);
	chmod(tu_dir(), 0700);
	free(me);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_act_as),
		cmocka_unit_test(test_tie),
		cmocka_unit_test(test_undo_coders),
		cmocka_unit_test(test_blind_log),
		cmocka_unit_test(test_two_accounts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
