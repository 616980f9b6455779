/*
 * test-project-file.c: the file behind a project's path (db-file.c). The
 * path deleted, renamed or replaced while the project is open: every
 * action is refused and nothing reaches the file now at the path; the
 * workbench's hold keeps one action in memory and save-as writes it all
 * to a new file. And a read-only folder with a -wal but no -shm.
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sqlite3.h>

#include "store/codetree.h"
#include "store/coding.h"
#include "store/document.h"
#include "store/history.h"
#include "store/project.h"
#include "base/util.h"
#include "testutil.h"

static int64_t
ncodes(const char *path)
{
	struct project *p;
	struct project_summary s;

	assert_ok(project_open(path, 0, NULL, &p, NULL));
	assert_ok(project_summary(p, &s));
	assert_ok(project_check(p));
	project_close(p);
	return s.codes;
}

static bool
has(const char *s, const char *sub)
{
	if (strstr(s, sub) != NULL)
		return true;
	print_error("no \"%s\" in \"%s\"\n", sub, s);
	return false;
}

static void
file_sha(const char *path, unsigned char out[64])
{
	size_t len;
	char *data = file_read_all(path, &len);

	assert_non_null(data);
	memset(out, 0, 64);
	/* a cheap digest is enough: any byte that changes changes it */
	for (size_t i = 0; i < len; i++)
		out[i % 64] = (unsigned char)(out[i % 64] * 31 + (unsigned char)data[i]);
	free(data);
}

/* The path renamed away: refused, and the renamed file is whole by itself
 * (the write-ahead log at the old name was moved into it). */
static void
test_renamed(void **state)
{
	struct project *p;
	char *path, *away = tu_path("away.axial"), *wal;
	int64_t id;
	struct stat sb;

	(void)state;
	p = tu_new_project(&path);
	assert_ok(codetree_add(p, 0, NODE_CODE, "before", &id));
	assert_ok(project_file_check(p));
	assert_false(project_moved(p));
	assert_int_equal(rename(path, away), 0);
	/* the check at the start of an action finds it */
	assert_int_equal(codetree_add(p, 0, NODE_CODE, "after", &id), AX_ERR_MOVED);
	assert_true(has(project_errmsg(p), "was moved, deleted or replaced "
	    "while open; nothing was written"));
	assert_true(has(project_errmsg(p), path));
	assert_true(project_moved(p));
	assert_false(project_unsaved(p));
	assert_int_equal(project_file_check(p), AX_ERR_MOVED);
	/* for good, even if the name comes back */
	assert_int_equal(rename(away, path), 0);
	assert_int_equal(project_begin(p, "x"), AX_ERR_MOVED);
	assert_int_equal(rename(path, away), 0);
	project_close(p);
	wal = xasprintf("%s-wal", path);
	assert_true(stat(wal, &sb) != 0 || sb.st_size == 0);
	assert_int_equal(ncodes(away), 1);
	free(wal);
	free(path);
	free(away);
}

/* The path deleted: refused, and nothing appears at the path. */
static void
test_deleted(void **state)
{
	struct project *p;
	char *path;
	int64_t id, doc;
	struct stat sb;

	(void)state;
	p = tu_new_project(&path);
	doc = tu_doc(p, "d", "some words here\n");
	assert_ok(codetree_add(p, 0, NODE_CODE, "k", &id));
	assert_int_equal(unlink(path), 0);
	assert_int_equal(coding_add(p, doc, id, 0, 4, &id), AX_ERR_MOVED);
	assert_int_equal(history_undo(p, NULL), AX_ERR_MOVED);
	project_close(p);
	assert_int_equal(stat(path, &sb), -1);
	assert_int_equal(errno, ENOENT);
	free(path);
}

/* Another project moved onto the path: nothing of ours reaches it, now or
 * when it is opened next. */
static void
test_replaced(void **state)
{
	struct project *p, *q;
	char *path, *qpath, *wal;
	int64_t id;
	unsigned char before[64], after[64];

	(void)state;
	q = tu_new_project(&qpath);
	assert_ok(codetree_add(q, 0, NODE_CODE, "theirs", &id));
	project_close(q);
	p = tu_new_project(&path);
	/* committed to the log, not yet to the file */
	assert_ok(codetree_add(p, 0, NODE_CODE, "mine1", &id));
	assert_ok(codetree_add(p, 0, NODE_CODE, "mine2", &id));
	file_sha(qpath, before);
	assert_int_equal(rename(qpath, path), 0);
	assert_int_equal(project_file_check(p), AX_ERR_MOVED);
	assert_true(has(project_errmsg(p), "was moved, deleted or replaced"));
	assert_int_equal(codetree_add(p, 0, NODE_CODE, "mine3", &id), AX_ERR_MOVED);
	project_close(p);
	file_sha(path, after);
	assert_memory_equal(before, after, 64);
	wal = xasprintf("%s-wal", path);
	{
		struct stat sb;

		assert_true(stat(wal, &sb) != 0 || sb.st_size == 0);
	}
	/* opened again, it is the other project, whole, without our codes */
	assert_int_equal(ncodes(path), 1);
	assert_ok(project_open(path, 0, NULL, &q, NULL));
	assert_ok(codetree_find(q, "theirs", &id));
	assert_int_equal(codetree_find(q, "mine1", &id), AX_ERR_NOTFOUND);
	project_close(q);
	free(wal);
	free(path);
	free(qpath);
}

/* The workbench's hold: one action in memory, the next refused, save-as
 * writes both to a new file and work goes on there. */
static void
test_hold_and_save_as(void **state)
{
	struct project *p;
	char *path, *saved = tu_path("saved.axial"), *taken;
	int64_t id, doc, k;
	struct stat sb;
	struct project_summary s;

	(void)state;
	p = tu_new_project(&path);
	project_hold(p);
	doc = tu_doc(p, "d", "some words here\n");
	assert_ok(codetree_add(p, 0, NODE_CODE, "k", &k));
	assert_ok(coding_add(p, doc, k, 0, 4, &id));
	assert_false(project_unsaved(p));
	assert_int_equal(unlink(path), 0);
	/* found at the next action, which is held in memory */
	assert_ok(coding_add(p, doc, k, 5, 10, &id));
	assert_true(project_moved(p));
	assert_true(project_unsaved(p));
	assert_int_equal(project_file_check(p), AX_ERR_MOVED);
	assert_ok(project_summary(p, &s));
	assert_int_equal(s.codings, 2);
	/* a second one is refused */
	assert_int_equal(coding_add(p, doc, k, 11, 15, &id), AX_ERR_MOVED);
	assert_true(has(project_errmsg(p), "nothing was written"));
	/* save-as will not overwrite anything */
	taken = tu_path("taken.axial");
	tu_write(taken, "x", 1);
	assert_int_equal(project_save_as(p, taken), AX_ERR_EXISTS);
	assert_true(has(project_errmsg(p), "already exists"));
	assert_true(project_unsaved(p));
	assert_int_equal(project_save_as(p, "/nonexistent-dir/x.axial"), AX_ERR_IO);
	assert_true(project_unsaved(p));
	assert_ok(project_save_as(p, saved));
	assert_false(project_moved(p));
	assert_false(project_unsaved(p));
	assert_string_equal(project_path(p), saved);
	assert_ok(project_file_check(p));
	/* work goes on in the new file; undo reads the same log */
	assert_ok(coding_add(p, doc, k, 11, 15, &id));
	assert_ok(history_undo(p, NULL));
	assert_ok(history_undo(p, NULL));
	assert_ok(project_summary(p, &s));
	assert_int_equal(s.codings, 1);
	assert_ok(history_redo(p, NULL));
	project_close(p);
	assert_int_equal(stat(path, &sb), -1);
	assert_ok(project_open(saved, 0, NULL, &p, NULL));
	assert_ok(project_check(p));
	assert_ok(project_summary(p, &s));
	assert_int_equal(s.codings, 2);
	assert_int_equal(s.documents, 1);
	project_close(p);
	free(path);
	free(saved);
	free(taken);
}

/* Deleted, then saved back under the same name: the log left at that
 * name does not come back into the new file. */
static void
test_save_back(void **state)
{
	struct project *p;
	char *path;
	int64_t id, doc, k;
	struct project_summary s;

	(void)state;
	p = tu_new_project(&path);
	project_hold(p);
	doc = tu_doc(p, "d", "some words here\n");
	assert_ok(codetree_add(p, 0, NODE_CODE, "k", &k));
	assert_ok(coding_add(p, doc, k, 0, 4, &id));
	assert_int_equal(unlink(path), 0);
	assert_ok(coding_add(p, doc, k, 5, 10, &id));
	assert_ok(project_save_as(p, path));
	assert_ok(coding_add(p, doc, k, 11, 15, &id));
	project_close(p);
	assert_ok(project_open(path, 0, NULL, &p, NULL));
	assert_ok(project_check(p));
	assert_ok(project_summary(p, &s));
	assert_int_equal(s.codings, 3);
	assert_int_equal(s.codes, 1);
	project_close(p);
	free(path);
}

/* Found by the poll, before any action: the copy in memory still reads. */
static void
test_hold_poll(void **state)
{
	struct project *p;
	char *path, *away = tu_path("held-away.axial"), *saved = tu_path("held-saved.axial");
	int64_t id;
	struct project_summary s;

	(void)state;
	p = tu_new_project(&path);
	project_hold(p);
	tu_doc(p, "d", "text\n");
	assert_ok(codetree_add(p, 0, NODE_CODE, "k", &id));
	assert_int_equal(rename(path, away), 0);
	assert_int_equal(project_file_check(p), AX_ERR_MOVED);
	assert_false(project_unsaved(p));
	assert_ok(project_summary(p, &s));
	assert_int_equal(s.codes, 1);
	assert_int_equal(s.documents, 1);
	assert_ok(codetree_add(p, 0, NODE_CODE, "k2", &id));
	assert_true(project_unsaved(p));
	assert_ok(project_save_as(p, saved));
	project_close(p);
	assert_int_equal(ncodes(away), 1);
	assert_int_equal(ncodes(saved), 2);
	free(path);
	free(away);
	free(saved);
}

/* Save-as of a project that was not moved: a copy, and work goes on in
 * the copy; the original is left as it was. */
static void
test_save_as_copy(void **state)
{
	struct project *p;
	char *path, *copy = tu_path("copy.axial");
	int64_t id;

	(void)state;
	p = tu_new_project(&path);
	assert_ok(codetree_add(p, 0, NODE_CODE, "k", &id));
	assert_ok(project_save_as(p, copy));
	assert_ok(codetree_add(p, 0, NODE_CODE, "k2", &id));
	project_close(p);
	assert_int_equal(ncodes(path), 1);
	assert_int_equal(ncodes(copy), 2);
	free(path);
	free(copy);
}

/* A folder nobody here may write, holding the project and a -wal with its
 * latest changes but no -shm: refused with the reason, not shown stale. */
static int
stale_child(const char *path, const char *walpath)
{
	struct project *p = NULL;
	char *err = NULL;
	int rc;

	rc = project_open(path, 0, NULL, &p, &err);
	if (rc != AX_ERR_READONLY || err == NULL ||
	    strstr(err, "its folder is read-only and the latest changes are "
	    "still in") == NULL || strstr(err, walpath) == NULL) {
		fprintf(stderr, "open: %d %s\n", rc, err ? err : "(no message)");
		return 1;
	}
	free(err);
	return 0;
}

static void
test_readonly_stale_wal(void **state)
{
	char *dir = tu_path("ro"), *path, *walpath, *shm, *cmd;
	struct project *p, *reader;
	struct passwd *pw = getpwnam("nobody");
	int64_t id;
	int status;
	pid_t pid;

	(void)state;
	if (geteuid() != 0 || pw == NULL) {
		skip();	/* needs root to act as another account */
		return;
	}
	assert_int_equal(mkdir(dir, 0755), 0);
	path = xasprintf("%s/s.axial", dir);
	walpath = xasprintf("%s-wal", path);
	shm = xasprintf("%s-shm", path);
	assert_ok(project_open(path, PROJECT_CREATE, NULL, &p, NULL));
	assert_ok(codetree_add(p, 0, NODE_CODE, "first", &id));
	project_close(p);	/* the last one out folds the log into the file */
	assert_ok(project_open(path, 0, NULL, &p, NULL));
	/* a reader keeps the log from being folded back at close */
	assert_ok(project_open(path, PROJECT_READONLY, NULL, &reader, NULL));
	assert_ok(codetree_add(p, 0, NODE_CODE, "latest", &id));
	/* as a copy taken now would leave it: the file and its log */
	cmd = xasprintf("cp '%s' '%s.keep' && cp '%s' '%s.keep'", path, path,
	    walpath, walpath);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	project_close(p);
	project_close(reader);
	unlink(shm);
	cmd = xasprintf("mv '%s.keep' '%s' && mv '%s.keep' '%s' && "
	    "chmod 644 '%s' '%s' && chmod 755 '%s' '%s'", path, path, walpath,
	    walpath, path, walpath, dir, tu_dir());
	assert_int_equal(system(cmd), 0);
	free(cmd);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0)
			_exit(20);
		status = stale_child(path, walpath);
		free(dir);	/* nothing left for a leak checker to report */
		free(path);
		free(walpath);
		free(shm);
		_exit(status);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	chmod(tu_dir(), 0700);
	free(dir);
	free(path);
	free(walpath);
	free(shm);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_renamed),
		cmocka_unit_test(test_deleted),
		cmocka_unit_test(test_replaced),
		cmocka_unit_test(test_hold_and_save_as),
		cmocka_unit_test(test_save_back),
		cmocka_unit_test(test_hold_poll),
		cmocka_unit_test(test_save_as_copy),
		cmocka_unit_test(test_readonly_stale_wal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
