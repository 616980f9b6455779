/*
 * test-concurrency.c: a research team's coders in separate processes write
 * one project at once, as their SSH sessions on one host do.
 *
 * CONC_PROCS processes (default 8), each its own coder, perform CONC_OPS
 * random operations each (default 2000; 1000 under ASan, which is slower):
 * add a coding, move one of their own, remove one, add a code (top level),
 * move one of their own codes between the shared categories, write a memo,
 * undo, redo. No call may fail (BEGIN IMMEDIATE, the busy timeout and the
 * writers' queue order every writer), and each process keeps its own model
 * of what the calls acknowledged: its codings, codes and memos, with undo
 * and redo replayed on the model from a journal of its own actions. At the
 * end the project holds exactly the union of the models (nothing lost,
 * nothing doubled), integrity_check is ok, every process, still open once
 * all have finished, reads the same codings, code tree and memos, and no
 * writer starved: the p99 of the turns an action waited is at most three
 * times what first come, first served gives.
 *
 * Each process touches only its own rows and the shared codes it applies,
 * so no undo may be refused: a refusal would be a lost or foreign write.
 */
#include <assert.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/history.h"
#include "store/memo.h"
#include "store/project.h"
#include "base/util.h"
#include "testutil.h"

#define NSHARED 8	/* codes every process applies */
#define DOCLEN 1000

/* A row a process owns: a coding (a = node, b = start, c = end), a code
 * (a = parent) or a memo (a = document). id 0: no row. */
struct row {
	int64_t id, a, b, c;
};

struct model {
	struct row *v;
	size_t n, cap;
};

enum { CODINGS, CODES, MEMOS, NMODELS };
static const char tags[NMODELS] = {'c', 'n', 'm'};

static void
model_put(struct model *m, const struct row *r)
{
	m->v = xgrow(m->v, &m->cap, m->n + 1, sizeof *m->v);
	m->v[m->n++] = *r;
}

static long
model_find(const struct model *m, int64_t id)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->v[i].id == id)
			return (long)i;
	return -1;
}

static void
model_drop(struct model *m, int64_t id)
{
	long i = model_find(m, id);

	assert(i >= 0);
	m->v[i] = m->v[--m->n];
}

/*
 * One acknowledged action on one model: before and after images of the
 * row it changed (id 0 where the row was absent). Undo puts before back,
 * redo after.
 */
struct step {
	int model;
	struct row before, after;
};

static void
apply(struct model *ms, const struct step *s, int undo)
{
	const struct row *gone = undo ? &s->after : &s->before;
	const struct row *back = undo ? &s->before : &s->after;

	if (gone->id != 0)
		model_drop(&ms[s->model], gone->id);
	if (back->id != 0)
		model_put(&ms[s->model], back);
}

/* Writes the models as "TAG id a b c" lines. */
static int
models_save(const struct model *ms, const char *path)
{
	FILE *f = fopen(path, "w");
	size_t i;
	int k;

	if (f == NULL)
		return -1;
	for (k = 0; k < NMODELS; k++)
		for (i = 0; i < ms[k].n; i++)
			fprintf(f, "%c %lld %lld %lld %lld\n", tags[k],
			    (long long)ms[k].v[i].id, (long long)ms[k].v[i].a,
			    (long long)ms[k].v[i].b, (long long)ms[k].v[i].c);
	return fclose(f);
}

static void
models_load(struct model *ms, const char *path)
{
	FILE *f = fopen(path, "r");
	long long id, a, b, c;
	char tag;

	assert_non_null(f);
	while (fscanf(f, " %c %lld %lld %lld %lld", &tag, &id, &a, &b, &c) == 5) {
		struct row r = {id, a, b, c};
		const char *k = memchr(tags, tag, NMODELS);

		assert_non_null(k);
		model_put(&ms[k - tags], &r);
	}
	fclose(f);
}

/* What a coder reads: every coding, the code tree, every memo. */
static char *
view(struct project *p)
{
	struct coding *v;
	struct node *nodes;
	struct memo *memos;
	struct buf b = {0};
	size_t n, i;

	if (coding_list(p, NULL, &v, &n) != AX_OK)
		return NULL;
	for (i = 0; i < n; i++)
		buf_printf(&b, "coding %lld %lld %lld %lld %lld %lld\n",
		    (long long)v[i].id, (long long)v[i].doc, (long long)v[i].node,
		    (long long)v[i].coder, (long long)v[i].start, (long long)v[i].end);
	free(v);
	if (codetree_load(p, &nodes, &n) != AX_OK)
		return NULL;
	for (i = 0; i < n; i++)
		buf_printf(&b, "node %lld %lld %d %d %s %lld\n", (long long)nodes[i].id,
		    (long long)nodes[i].parent, (int)nodes[i].kind, nodes[i].depth,
		    nodes[i].name, (long long)nodes[i].ncodings);
	codetree_free(nodes, n);
	if (memo_list(p, MEMO_FREE, -1, &memos, &n) != AX_OK)
		return NULL;
	for (i = 0; i < n; i++)
		buf_printf(&b, "memo %lld %lld %s %s\n", (long long)memos[i].id,
		    (long long)memos[i].target_id, memos[i].author, memos[i].body);
	memo_list_free(memos, n);
	return buf_take(&b);
}

struct shared {
	const char *path;
	int64_t doc, codes[NSHARED], cats[2];
	int ops;
};

/* A shared code, or one of this process's own codes. */
static int64_t
pick_code(const struct shared *sh, const struct model *own)
{
	size_t k = (size_t)rand() % (NSHARED + own->n);

	return k < NSHARED ? sh->codes[k] : own->v[k - NSHARED].id;
}

/* A parent other than cur: the top level or one of the shared categories. */
static int64_t
pick_parent(const struct shared *sh, int64_t cur)
{
	int64_t to[3] = {0, sh->cats[0], sh->cats[1]};
	int64_t p;

	while ((p = to[rand() % 3]) == cur)
		;
	return p;
}

/* When each action began and ended: v[2k], v[2k + 1]. */
struct times {
	uint64_t *v;
	size_t n, cap;
};

static int
coder_ops(struct project *p, const struct shared *sh, int who,
    struct model *ms, struct times *tm)
{
	struct step *done = xcalloc((size_t)sh->ops + 1, sizeof *done);
	struct step *undone = xcalloc((size_t)sh->ops + 1, sizeof *undone);
	size_t ndone = 0, nundone = 0;
	int i, rc = 0;

	for (i = 0; i < sh->ops && rc == 0; i++) {
		struct model *cod = &ms[CODINGS], *own = &ms[CODES];
		int r = rand() % 100;
		enum ax_status s = AX_OK;
		uint64_t t0 = clock_ns();
		struct step st;

		memset(&st, 0, sizeof st);
		if (r < 40 || cod->n == 0) {
			st.model = CODINGS;
			st.after.a = pick_code(sh, own);
			st.after.b = rand() % (DOCLEN - 100);
			st.after.c = st.after.b + 1 + rand() % 90;
			s = coding_add(p, sh->doc, st.after.a, st.after.b, st.after.c,
			    &st.after.id);
		} else if (r < 50) {
			st.model = CODINGS;
			st.before = cod->v[rand() % cod->n];
			s = coding_remove(p, st.before.id);
		} else if (r < 58) {
			st.model = CODINGS;
			st.before = st.after = cod->v[rand() % cod->n];
			st.after.b = rand() % (DOCLEN - 100);
			st.after.c = st.after.b + 1 + rand() % 90;
			if (st.after.b == st.before.b && st.after.c == st.before.c)
				st.after.c++;	/* an action that changes nothing is not kept */
			s = coding_set_range(p, st.before.id, st.after.b, st.after.c);
		} else if (r < 63) {
			char name[32];

			st.model = CODES;
			snprintf(name, sizeof name, "own-%d-%d", who, i);
			s = codetree_add(p, 0, NODE_CODE, name, &st.after.id);
		} else if (r < 68 && own->n > 0) {
			st.model = CODES;
			st.before = st.after = own->v[rand() % own->n];
			st.after.a = pick_parent(sh, st.before.a);
			s = codetree_move(p, st.before.id, st.after.a);
		} else if (r < 74) {
			st.model = MEMOS;
			st.after.a = sh->doc;
			s = memo_add(p, MEMO_DOCUMENT, sh->doc, MEMO_TYPE_FREE, "", "note",
			    &st.after.id);
		} else if (r < 88 && ndone > 0) {
			if ((s = history_undo(p, NULL)) == AX_OK) {
				undone[nundone] = done[--ndone];
				apply(ms, &undone[nundone++], 1);
			}
		} else if (r < 96 && nundone > 0) {
			if ((s = history_redo(p, NULL)) == AX_OK) {
				done[ndone] = undone[--nundone];
				apply(ms, &done[ndone++], 0);
			}
		} else {
			continue;	/* a read: the others' work is not ours to check */
		}
		tm->v = xgrow(tm->v, &tm->cap, tm->n + 2, sizeof *tm->v);
		tm->v[tm->n++] = t0;
		tm->v[tm->n++] = clock_ns();
		if (s != AX_OK) {
			fprintf(stderr, "coder-%d: operation %d: %s\n", who, i,
			    project_errmsg(p));
			rc = 11;
		} else if (st.after.id != 0 || st.before.id != 0) {
			apply(ms, &st, 0);
			done[ndone++] = st;
			nundone = 0;	/* a new action ends redo */
		}
	}
	free(done);
	free(undone);
	return rc;
}

/*
 * One coder's process: the operations, then its number on ready, then wait
 * for go to close (every process has finished) and write its model, the
 * view this still-open connection reads, and the times of its actions.
 */
static int
coder_run(const struct shared *sh, int who, int ready, int go)
{
	struct project *p = NULL;
	struct model ms[NMODELS] = {{0}};
	char as[32], *out, *v = NULL;
	unsigned char c = (unsigned char)who;
	struct times tm = {0};
	size_t i;
	int rc = 0, k;
	FILE *f;

	snprintf(as, sizeof as, "coder-%d", who);
	srand((unsigned)who + 1);
	if (project_open(sh->path, 0, as, &p, NULL) != AX_OK)
		rc = 10;
	if (rc == 0)
		rc = coder_ops(p, sh, who, ms, &tm);
	if (write(ready, &c, 1) != 1)
		rc = 16;
	while (rc == 0 && read(go, &c, 1) < 0 && errno == EINTR)
		;
	out = xasprintf("%s.model-%d", sh->path, who);
	if (rc == 0 && models_save(ms, out) != 0)
		rc = 15;
	free(out);
	if (rc == 0 && (v = view(p)) == NULL)
		rc = 17;
	out = xasprintf("%s.view-%d", sh->path, who);
	if (rc == 0 && ((f = fopen(out, "w")) == NULL ||
	    fprintf(f, "%s", v) < 0 || fclose(f) != 0))
		rc = 18;
	free(out);
	out = xasprintf("%s.times-%d", sh->path, who);
	if (rc == 0 && (f = fopen(out, "w")) == NULL)
		rc = 19;
	for (i = 0; rc == 0 && i < tm.n; i += 2)
		fprintf(f, "%llu %llu\n", (unsigned long long)tm.v[i],
		    (unsigned long long)tm.v[i + 1]);
	if (rc == 0 && fclose(f) != 0)
		rc = 19;
	free(out);
	free(tm.v);
	free(v);
	for (k = 0; k < NMODELS; k++)
		free(ms[k].v);
	project_close(p);
	return rc;
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	struct buf b = {0};
	int c;

	assert_non_null(f);
	while ((c = getc(f)) != EOF)
		buf_putc(&b, (char)c);
	fclose(f);
	return buf_take(&b);
}

/* The project holds exactly the union of the models, row for row. */
static void
check_models(struct project *p, struct model (*ms)[NMODELS], const int64_t *ids,
    int nprocs)
{
	struct coding *v;
	struct node *nodes;
	struct memo *memos;
	size_t n, i, want;
	int w, k;

	for (k = 0; k < NMODELS; k++) {
		want = 0;
		for (w = 0; w < nprocs; w++)
			want += ms[w][k].n;
		if (k == CODINGS) {
			assert_ok(coding_list(p, NULL, &v, &n));
			assert_int_equal(n, want);
			for (i = 0; i < n; i++) {
				long j;

				for (w = 0; w < nprocs && ids[w] != v[i].coder; w++)
					;
				assert_true(w < nprocs);
				if ((j = model_find(&ms[w][CODINGS], v[i].id)) < 0)
					fail_msg("coding #%lld in the project, not in "
					    "coder-%d's model", (long long)v[i].id, w);
				assert_int_equal(ms[w][k].v[j].a, v[i].node);
				assert_int_equal(ms[w][k].v[j].b, v[i].start);
				assert_int_equal(ms[w][k].v[j].c, v[i].end);
			}
			free(v);
		} else if (k == CODES) {
			/* the shared categories and codes, then each process's own */
			assert_ok(codetree_load(p, &nodes, &n));
			assert_int_equal(n, want + NSHARED + 2);
			for (i = 0; i < n; i++) {
				long j = -1;

				if (strncmp(nodes[i].name, "own-", 4) != 0)
					continue;
				w = atoi(nodes[i].name + 4);
				assert_true(w >= 0 && w < nprocs);
				if ((j = model_find(&ms[w][CODES], nodes[i].id)) < 0)
					fail_msg("code %s in the project, not in its "
					    "coder's model", nodes[i].name);
				assert_int_equal(ms[w][k].v[j].a, nodes[i].parent);
			}
			codetree_free(nodes, n);
		} else {
			assert_ok(memo_list(p, MEMO_FREE, -1, &memos, &n));
			assert_int_equal(n, want);
			for (i = 0; i < n; i++) {
				assert_int_equal(strncmp(memos[i].author, "coder-", 6), 0);
				w = atoi(memos[i].author + 6);
				assert_true(w >= 0 && w < nprocs);
				if (model_find(&ms[w][MEMOS], memos[i].id) < 0)
					fail_msg("memo #%lld in the project, not in its "
					    "coder's model", (long long)memos[i].id);
			}
			memo_list_free(memos, n);
		}
	}
}

/*
 * Waits until every process has said it is done (a byte carrying its
 * number) or has exited: one that dies without a word must not leave the
 * others waiting forever. status[w] is -1 while w runs.
 */
static void
wait_ready(int ready, const pid_t *pids, int *status, int nprocs)
{
	char *arrived = xcalloc((size_t)nprocs, 1);
	int left = nprocs, w;
	unsigned char c;

	while (left > 0) {
		struct pollfd pf = {ready, POLLIN, 0};

		if (poll(&pf, 1, 200) > 0 && read(ready, &c, 1) == 1) {
			assert_true(c < nprocs);
			left -= !arrived[c];
			arrived[c] = 1;
			continue;
		}
		for (w = 0; w < nprocs; w++)
			if (status[w] == -1 && waitpid(pids[w], &status[w], WNOHANG) == pids[w]) {
				left -= !arrived[w];
				arrived[w] = 1;
			}
	}
	free(arrived);
}

static void
times_load(struct times *tm, const char *path, int w)
{
	char *name = xasprintf("%s.times-%d", path, w);
	FILE *f = fopen(name, "r");
	unsigned long long a, b;

	assert_non_null(f);
	while (fscanf(f, "%llu %llu", &a, &b) == 2) {
		tm->v = xgrow(tm->v, &tm->cap, tm->n + 2, sizeof *tm->v);
		tm->v[tm->n++] = a;
		tm->v[tm->n++] = b;
	}
	fclose(f);
	free(name);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* How many of the sorted v[0..n) are below t. */
static size_t
below(const uint64_t *v, size_t n, uint64_t t)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid] < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The turns an action waited: how many actions of the others ended while
 * it waited and ran. Served in order, each of N writers waits N - 1; with
 * the order left to chance the p99 was six times that (db-queue.c). Not
 * the milliseconds, which depend on the disk and the machine's load.
 * Returns the p99 and sets *slowest to the longest action.
 */
static double
turns_p99(const struct times *tm, uint64_t *slowest)
{
	size_t n = tm->n / 2, i;
	uint64_t *ends = xcalloc(n, sizeof *ends), *turns = xcalloc(n, sizeof *turns);
	double p99;

	*slowest = 0;
	for (i = 0; i < n; i++) {
		ends[i] = tm->v[2 * i + 1];
		if (tm->v[2 * i + 1] - tm->v[2 * i] > *slowest)
			*slowest = tm->v[2 * i + 1] - tm->v[2 * i];
	}
	qsort(ends, n, sizeof *ends, cmp_u64);
	for (i = 0; i < n; i++)
		turns[i] = below(ends, n, tm->v[2 * i + 1]) -
		    below(ends, n, tm->v[2 * i] + 1);
	qsort(turns, n, sizeof *turns, cmp_u64);
	p99 = (double)turns[(size_t)(0.99 * (double)(n - 1) + 0.5)];
	free(ends);
	free(turns);
	return p99;
}

static void
test_many_coders(void **state)
{
	struct shared sh;
	struct project *p;
	char *path, *text = xmalloc(DOCLEN + 1), *first = NULL;
	int nprocs = getenv("CONC_PROCS") ? atoi(getenv("CONC_PROCS")) : 8;
	int ops = getenv("CONC_OPS") ? atoi(getenv("CONC_OPS")) :
	    getenv("AXIAL_ASAN") ? 1000 : 2000;
	int ready[2], go[2], w, k, *status;
	int64_t *ids;
	pid_t *pids;
	struct model (*ms)[NMODELS];
	struct times all = {0};
	uint64_t t0, slowest;
	size_t ncodings = 0;
	double turns99;

	(void)state;
	assert_true(nprocs >= 2 && nprocs <= 255 && ops >= 1);
	memset(text, 'x', DOCLEN);
	text[DOCLEN] = '\0';
	p = tu_new_project(&path);
	sh.path = path;
	sh.ops = ops;
	sh.doc = tu_doc(p, "d", text);
	free(text);
	for (k = 0; k < NSHARED; k++) {
		char name[8];

		snprintf(name, sizeof name, "k%d", k);
		assert_ok(codetree_add(p, 0, NODE_CODE, name, &sh.codes[k]));
	}
	assert_ok(codetree_add(p, 0, NODE_CATEGORY, "cat-0", &sh.cats[0]));
	assert_ok(codetree_add(p, 0, NODE_CATEGORY, "cat-1", &sh.cats[1]));
	ids = xcalloc((size_t)nprocs, sizeof *ids);
	pids = xcalloc((size_t)nprocs, sizeof *pids);
	status = xcalloc((size_t)nprocs, sizeof *status);
	ms = xcalloc((size_t)nprocs, sizeof *ms);
	for (w = 0; w < nprocs; w++) {
		char as[32];

		snprintf(as, sizeof as, "coder-%d", w);
		assert_ok(coder_add(p, as, NULL, NULL, project_account(p)));
		assert_ok(coder_find(p, as, &ids[w]));
	}
	project_close(p);

	assert_int_equal(pipe(ready), 0);
	assert_int_equal(pipe(go), 0);
	t0 = clock_ns();
	for (w = 0; w < nprocs; w++) {
		if ((pids[w] = fork()) == 0) {
			close(ready[0]);
			close(go[1]);
			_exit(coder_run(&sh, w, ready[1], go[0]));
		}
		assert_true(pids[w] > 0);
		status[w] = -1;
	}
	close(ready[1]);
	close(go[0]);
	wait_ready(ready[0], pids, status, nprocs);
	t0 = clock_ns() - t0;
	close(go[1]);		/* every process reads its view now */
	close(ready[0]);
	for (w = 0; w < nprocs; w++) {
		if (status[w] == -1)
			assert_int_equal(waitpid(pids[w], &status[w], 0), pids[w]);
		if (!WIFEXITED(status[w]) || WEXITSTATUS(status[w]) != 0)
			fail_msg("coder-%d's process ended with status %d", w, status[w]);
	}

	/* nothing lost or doubled; the file is sound */
	for (w = 0; w < nprocs; w++) {
		char *f = xasprintf("%s.model-%d", path, w);

		models_load(ms[w], f);
		ncodings += ms[w][CODINGS].n;
		free(f);
	}
	assert_ok(project_open(path, 0, NULL, &p, NULL));
	assert_ok(project_check(p));
	check_models(p, ms, ids, nprocs);
	project_close(p);

	/* every process read the same codings, code tree and memos */
	for (w = 0; w < nprocs; w++) {
		char *f = xasprintf("%s.view-%d", path, w), *v = slurp(f);

		if (first == NULL)
			first = v;
		else if (strcmp(first, v) != 0)
			fail_msg("coder-%d's view differs from coder-0's", w);
		else
			free(v);
		free(f);
		times_load(&all, path, w);
	}

	/* writers were served in turn: nobody starved */
	turns99 = turns_p99(&all, &slowest);
	print_message("%d processes x %d operations in %.1f s; %zu codings at the "
	    "end; %zu actions, p99 %.0f turns waited, slowest %.0f ms\n", nprocs,
	    ops, (double)t0 / 1e9, ncodings, all.n / 2, turns99, (double)slowest / 1e6);
	if (turns99 > 3 * (nprocs - 1))
		fail_msg("p99 of the turns an action waited is %.0f; served in "
		    "order it is %d", turns99, nprocs - 1);
	free(all.v);
	for (w = 0; w < nprocs; w++)
		for (k = 0; k < NMODELS; k++)
			free(ms[w][k].v);
	free(first);
	free(ms);
	free(status);
	free(pids);
	free(ids);
	free(path);
}

/* coder-b's process of test_stopped_waiter: one coding once go closes. */
static int
waiter_run(const char *path, int64_t doc, int64_t code, int go)
{
	struct project *b;
	char *err = NULL, c;
	int64_t id;

	if (project_open(path, 0, "coder-b", &b, &err) != AX_OK) {
		fprintf(stderr, "coder-b: %s\n", err);
		return 1;
	}
	while (read(go, &c, 1) < 0 && errno == EINTR)
		;
	if (coding_add(b, doc, code, 2, 3, &id) != AX_OK) {
		fprintf(stderr, "coder-b: %s\n", project_errmsg(b));
		return 2;
	}
	project_close(b);
	return 0;
}

/*
 * A waiter that stops (SIGSTOP, or a terminal's C-z) while in the writers'
 * queue keeps its place there; the others must pass it once they have
 * waited as long, not wait for it until the busy timeout. One that dies
 * leaves the queue at once. (No connection is open across a fork: SQLite
 * forbids it.)
 */
static void
test_stopped_waiter(void **state)
{
	struct project *p;
	char *path;
	int64_t doc, code, id;
	struct timespec ts = {0, 300000000};
	struct coding *v;
	size_t n;
	int round, st, go[2];

	(void)state;
	p = tu_new_project(&path);
	doc = tu_doc(p, "d", "a paragraph to code");
	assert_ok(codetree_add(p, 0, NODE_CODE, "k", &code));
	assert_ok(coder_add(p, "coder-b", NULL, NULL, project_account(p)));
	project_close(p);
	for (round = 0; round < 2; round++) {
		uint64_t t0;
		pid_t pid;

		assert_int_equal(pipe(go), 0);
		if ((pid = fork()) == 0) {
			close(go[1]);
			_exit(waiter_run(path, doc, code, go[0]));
		}
		assert_true(pid > 0);
		close(go[0]);
		/* hold the write lock, so that coder-b's process queues */
		assert_ok(project_open(path, 0, NULL, &p, NULL));
		assert_ok(project_begin(p, "hold"));
		assert_ok(coding_add(p, doc, code, 0, 1, &id));
		close(go[1]);
		nanosleep(&ts, NULL);	/* it waits, 300 ms up the queue */
		assert_int_equal(kill(pid, round == 0 ? SIGSTOP : SIGKILL), 0);
		assert_ok(project_commit(p));
		t0 = clock_ns();
		assert_ok(coding_add(p, doc, code, 4, 5, &id));
		if (clock_ns() - t0 > 3000000000u)
			fail_msg("a write waited %.1f s behind a %s waiter",
			    (double)(clock_ns() - t0) / 1e9, round ? "dead" : "stopped");
		print_message("behind a %s waiter: %.0f ms\n", round ? "dead" : "stopped",
		    (double)(clock_ns() - t0) / 1e6);
		if (round == 0)
			assert_int_equal(kill(pid, SIGCONT), 0);
		assert_int_equal(waitpid(pid, &st, 0), pid);
		if (round == 0)
			assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
		else
			assert_true(WIFSIGNALED(st));
		project_close(p);
	}
	/* two codings a round, and the stopped waiter's once it went on */
	assert_ok(project_open(path, 0, NULL, &p, NULL));
	assert_ok(coding_list(p, NULL, &v, &n));
	free(v);
	assert_int_equal(n, 5);
	project_close(p);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_many_coders),
		cmocka_unit_test(test_stopped_waiter),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
