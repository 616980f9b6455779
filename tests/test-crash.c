/*
 * test-crash.c: SIGKILL at random moments loses nothing acknowledged.
 *
 * A child codes, undoes and redoes through the model, and after each call
 * returns AX_OK writes what it did to a pipe: that is the acknowledgement
 * a user sees. The parent kills it with SIGKILL after a random delay, then
 * checks PRAGMA integrity_check and that the project holds exactly what was
 * acknowledged, with at most the one unacknowledged action in flight added.
 * Undo history must survive too: after each kill the parent undoes and
 * redoes the latest acknowledged coding. CRASH_ITERATIONS sets the count
 * (default 200).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "store/codetree.h"
#include "store/coding.h"
#include "store/history.h"
#include "store/project.h"
#include "base/util.h"
#include "testutil.h"

#define MAXC 100000

/*
 * Child: before each action it announces what it will do ("?+", "?-ID",
 * "?=ID"), and after the call returns AX_OK it acknowledges it ("+ID",
 * "-ID", "=ID"). So the parent knows the one action that may be in flight.
 */
static void
say(int fd, const char *msg)
{
	if (write(fd, msg, strlen(msg)) < 0)
		_exit(14);
}
static void
child(const char *path, int64_t doc, int64_t code, int fd, unsigned seed)
{
	struct project *p;
	int64_t stack[4096], undone[4096];
	int top = 0, nundone = 0;
	char msg[32];

	srand(seed);
	if (project_open(path, 0, NULL, &p, NULL) != AX_OK)
		_exit(10);
	for (;;) {
		int r = rand() % 10;
		int64_t id;

		if (r < 7 || top == 0) {
			int64_t s = rand() % 500;

			say(fd, "?+\n");
			if (coding_add(p, doc, code, s, s + 1 + rand() % 30, &id) != AX_OK)
				_exit(11);
			stack[top++ % 4096] = id;
			nundone = 0;	/* a new action ends redo */
			snprintf(msg, sizeof msg, "+%lld\n", (long long)id);
		} else if (r < 9) {
			id = stack[(top - 1) % 4096];
			snprintf(msg, sizeof msg, "?-%lld\n", (long long)id);
			say(fd, msg);
			if (history_undo(p, NULL) != AX_OK)
				_exit(12);
			top--;
			undone[nundone++ % 4096] = id;
			snprintf(msg, sizeof msg, "-%lld\n", (long long)id);
		} else {
			if (nundone == 0)
				continue;
			id = undone[(nundone - 1) % 4096];
			snprintf(msg, sizeof msg, "?=%lld\n", (long long)id);
			say(fd, msg);
			if (history_redo(p, NULL) != AX_OK)
				_exit(13);
			nundone--;
			stack[top++ % 4096] = id;
			snprintf(msg, sizeof msg, "=%lld\n", (long long)id);
		}
		say(fd, msg);
	}
}

static void
test_sigkill(void **state)
{
	struct project *p;
	char *path, *text = xmalloc(1001);
	int64_t doc, code;
	static unsigned char acked[MAXC];	/* 1 = acknowledged present */
	int iterations = getenv("CRASH_ITERATIONS") ? atoi(getenv("CRASH_ITERATIONS")) : 200;
	int it, total_acks = 0;

	(void)state;
	memset(text, 'a', 1000);
	text[1000] = '\0';
	p = tu_new_project(&path);
	doc = tu_doc(p, "d", text);
	free(text);
	assert_ok(codetree_add(p, 0, NODE_CODE, "k", &code));
	project_close(p);
	srand((unsigned)time(NULL));
	for (it = 0; it < iterations; it++) {
		int fds[2], status;
		pid_t pid;
		struct buf in = {0};
		char chunk[4096], *line, *save = NULL;
		ssize_t n;
		struct coding *v;
		size_t nv, i, present = 0, want = 0;
		int64_t last = 0, inflight_id = 0;
		char inflight = 0;	/* '+', '-', '=' or 0 */

		assert_int_equal(pipe(fds), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(fds[0]);
			child(path, doc, code, fds[1], (unsigned)it * 7919u);
		}
		close(fds[1]);
		usleep((useconds_t)(1000 + rand() % 40000));
		kill(pid, SIGKILL);
		while ((n = read(fds[0], chunk, sizeof chunk)) > 0)
			buf_add(&in, chunk, (size_t)n);
		close(fds[0]);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFSIGNALED(status));	/* killed, not failed */
		for (line = in.s ? strtok_r(in.s, "\n", &save) : NULL; line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			long long id;

			if (line[0] == '?') {	/* announced; acknowledged below? */
				inflight = line[1];
				inflight_id = atoll(line + 2);
				continue;
			}
			inflight = 0;
			id = atoll(line + 1);
			assert_true(id > 0 && id < MAXC);
			acked[id] = line[0] != '-';
			if (line[0] != '-')
				last = id;
			total_acks++;
		}
		buf_done(&in);
		assert_ok(project_open(path, 0, NULL, &p, NULL));
		assert_ok(project_check(p));
		assert_ok(coding_list(p, NULL, &v, &nv));
		for (i = 0; i < MAXC; i++)
			want += acked[i];
		for (i = 0; i < nv; i++) {
			if (acked[v[i].id])
				present++;
			else if (!(inflight == '+' || (inflight == '=' && v[i].id == inflight_id)))
				fail_msg("iteration %d: coding #%lld present but never "
				    "acknowledged nor in flight", it, (long long)v[i].id);
		}
		/* every acknowledged coding is there, but the one an in-flight
		 * undo may have taken */
		if (present != want && !(inflight == '-' && present + 1 == want &&
		    acked[inflight_id]))
			fail_msg("iteration %d: %zu of %zu acknowledged codings present",
			    it, present, want);
		assert_true(nv <= want + 1);
		/* the project's own view becomes the truth for the next round */
		memset(acked, 0, sizeof acked);
		for (i = 0; i < nv; i++)
			acked[v[i].id] = 1;
		free(v);
		/* undo history survived: undo and redo the latest action */
		if (last != 0 && nv > 0) {
			assert_ok(history_undo(p, NULL));
			assert_ok(history_redo(p, NULL));
			assert_ok(project_check(p));
		}
		project_close(p);
	}
	print_message("%d kills, %d acknowledged actions checked\n", iterations, total_acks);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sigkill),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
