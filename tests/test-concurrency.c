/*
 * test-concurrency.c: two coders in two processes write one project at
 * once, as two SSH sessions on one host do.
 *
 * Each process performs CONC_OPS (default 5000) random operations: add a
 * coding, move one of its own, remove one, undo, redo, write a memo, add a
 * code. No call may fail (the busy timeout absorbs every lock), and each
 * process keeps its own model of its codings from what the calls returned.
 * At the end the project holds exactly the union of both models (nothing
 * lost, nothing doubled), integrity_check is ok, and both processes read
 * the same view.
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
#include "axial/memo.h"
#include "axial/project.h"
#include "axial/util.h"
#include "testutil.h"

struct span {
	int64_t id, node, start, end;
};

/* The child's own codings: a small set. */
struct model {
	struct span *v;
	size_t n, cap;
};

static void
model_put(struct model *m, const struct span *s)
{
	m->v = xgrow(m->v, &m->cap, m->n + 1, sizeof *m->v);
	m->v[m->n++] = *s;
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

	if (i >= 0)
		m->v[i] = m->v[--m->n];
}

/* Writes "id node start end" lines of the model to path. */
static int
model_save(const struct model *m, const char *path)
{
	FILE *f = fopen(path, "w");
	size_t i;

	if (f == NULL)
		return -1;
	for (i = 0; i < m->n; i++)
		fprintf(f, "%lld %lld %lld %lld\n", (long long)m->v[i].id,
		    (long long)m->v[i].node, (long long)m->v[i].start, (long long)m->v[i].end);
	return fclose(f);
}

/*
 * Undo and redo change the set in ways the child tracks through a journal
 * of its own actions: each entry says what to apply on undo and on redo.
 */
struct step {
	int kind;		/* 0 add, 1 remove, 2 move, 3 memo (no coding) */
	struct span before, after;
};

static void
apply(struct model *m, const struct step *s, int undo)
{
	const struct span *gone = undo ? &s->after : &s->before;
	const struct span *back = undo ? &s->before : &s->after;

	if (s->kind == 3)
		return;
	if (s->kind == 0) {
		if (undo)
			model_drop(m, s->after.id);
		else
			model_put(m, &s->after);
	} else if (s->kind == 1) {
		if (undo)
			model_put(m, &s->before);
		else
			model_drop(m, s->before.id);
	} else {
		model_drop(m, gone->id);
		model_put(m, back);
	}
}

static int
coder_run(const char *path, const char *as, int64_t doc, const int64_t *codes,
    int ncodes, int ops, unsigned seed, const char *out)
{
	struct project *p;
	struct model m = {0};
	struct step *done = xcalloc((size_t)ops + 1, sizeof *done);
	struct step *undone = xcalloc((size_t)ops + 1, sizeof *undone);
	size_t ndone = 0, nundone = 0;
	int i;

	srand(seed);
	if (project_open(path, 0, as, &p, NULL) != AX_OK)
		return 10;
	for (i = 0; i < ops; i++) {
		int r = rand() % 100;
		enum ax_status s = AX_OK;
		struct step st;

		memset(&st, 0, sizeof st);
		if (r < 45 || m.n == 0) {
			st.kind = 0;
			st.after.node = codes[rand() % ncodes];
			st.after.start = rand() % 900;
			st.after.end = st.after.start + 1 + rand() % 90;
			s = coding_add(p, doc, st.after.node, st.after.start, st.after.end,
			    &st.after.id);
		} else if (r < 55) {
			st.kind = 1;
			st.before = m.v[rand() % m.n];
			s = coding_remove(p, st.before.id);
		} else if (r < 65) {
			st.kind = 2;
			st.before = m.v[rand() % m.n];
			st.after = st.before;
			st.after.start = rand() % 900;
			st.after.end = st.after.start + 1 + rand() % 90;
			if (st.after.start == st.before.start && st.after.end == st.before.end)
				st.after.end++;
			s = coding_set_range(p, st.before.id, st.after.start, st.after.end);
		} else if (r < 80 && ndone > 0) {
			if (history_undo(p, NULL) != AX_OK) {
				fprintf(stderr, "%s: undo %d: %s\n", as, i, project_errmsg(p));
				return 12;
			}
			st = done[--ndone];
			apply(&m, &st, 1);
			undone[nundone++] = st;
			continue;
		} else if (r < 88 && nundone > 0) {
			if (history_redo(p, NULL) != AX_OK) {
				fprintf(stderr, "%s: redo %d: %s\n", as, i, project_errmsg(p));
				return 13;
			}
			st = undone[--nundone];
			apply(&m, &st, 0);
			done[ndone++] = st;
			continue;
		} else if (r < 94) {
			int64_t id;

			/* memos are actions too: they sit on the undo stack */
			if (memo_add(p, MEMO_DOCUMENT, doc, MEMO_TYPE_FREE, "", "note", &id) != AX_OK)
				return 14;
			st.kind = 3;
			done[ndone++] = st;
			nundone = 0;
			continue;
		} else {
			continue;	/* read: the other coder's work is not ours to check */
		}
		if (s != AX_OK) {
			fprintf(stderr, "%s: op %d: %s\n", as, i, project_errmsg(p));
			return 11;
		}
		apply(&m, &st, 0);
		done[ndone++] = st;
		nundone = 0;	/* a new action ends redo */
	}
	project_close(p);
	free(done);
	free(undone);
	if (model_save(&m, out) != 0)
		return 15;
	free(m.v);
	return 0;
}

static struct model
model_load(const char *path)
{
	struct model m = {0};
	FILE *f = fopen(path, "r");
	long long a, b, c, d;

	assert_non_null(f);
	while (fscanf(f, "%lld %lld %lld %lld", &a, &b, &c, &d) == 4) {
		struct span s = {a, b, c, d};

		model_put(&m, &s);
	}
	fclose(f);
	return m;
}

/* The view a coder reads: every coding as "id doc node coder start end". */
static char *
view(const char *path, const char *as)
{
	struct project *p;
	struct coding *v;
	struct buf b = {0};
	size_t n, i;

	assert_ok(project_open(path, 0, as, &p, NULL));
	assert_ok(coding_list(p, NULL, &v, &n));
	for (i = 0; i < n; i++)
		buf_printf(&b, "%lld %lld %lld %lld %lld %lld\n", (long long)v[i].id,
		    (long long)v[i].doc, (long long)v[i].node, (long long)v[i].coder,
		    (long long)v[i].start, (long long)v[i].end);
	free(v);
	project_close(p);
	return buf_take(&b);
}

static void
test_two_coders(void **state)
{
	struct project *p;
	struct coding *v;
	size_t n, i;
	char *path, *text = xmalloc(1001), *outa, *outb, *va, *vb;
	int64_t doc, codes[8], ida, idb;
	int ops = getenv("CONC_OPS") ? atoi(getenv("CONC_OPS")) : 5000, k, st;
	struct model ma, mb;
	pid_t pa, pb;

	(void)state;
	memset(text, 'x', 1000);
	text[1000] = '\0';
	p = tu_new_project(&path);
	doc = tu_doc(p, "d", text);
	free(text);
	for (k = 0; k < 8; k++) {
		char name[8];

		snprintf(name, sizeof name, "k%d", k);
		assert_ok(codetree_add(p, 0, NODE_CODE, name, &codes[k]));
	}
	assert_ok(coder_add(p, "coder-a", NULL, NULL, project_account(p)));
	assert_ok(coder_add(p, "coder-b", NULL, NULL, project_account(p)));
	assert_ok(coder_find(p, "coder-a", &ida));
	assert_ok(coder_find(p, "coder-b", &idb));
	project_close(p);
	outa = tu_path("model-a");
	outb = tu_path("model-b");
	if ((pa = fork()) == 0)
		_exit(coder_run(path, "coder-a", doc, codes, 8, ops, 1, outa));
	if ((pb = fork()) == 0)
		_exit(coder_run(path, "coder-b", doc, codes, 8, ops, 2, outb));
	assert_int_equal(waitpid(pa, &st, 0), pa);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	assert_int_equal(waitpid(pb, &st, 0), pb);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	assert_ok(project_open(path, 0, NULL, &p, NULL));
	assert_ok(project_check(p));
	assert_ok(coding_list(p, NULL, &v, &n));
	ma = model_load(outa);
	mb = model_load(outb);
	/* exactly the union of the two models: nothing lost or doubled */
	assert_int_equal(n, ma.n + mb.n);
	for (i = 0; i < n; i++) {
		struct model *m = v[i].coder == ida ? &ma : &mb;
		long j = model_find(m, v[i].id);

		assert_true(v[i].coder == ida || v[i].coder == idb);
		if (j < 0)
			fail_msg("coding #%lld in the project, not in its coder's model",
			    (long long)v[i].id);
		assert_int_equal(m->v[j].node, v[i].node);
		assert_int_equal(m->v[j].start, v[i].start);
		assert_int_equal(m->v[j].end, v[i].end);
	}
	free(v);
	project_close(p);
	/* both coders read the same view */
	va = view(path, "coder-a");
	vb = view(path, "coder-b");
	assert_string_equal(va, vb);
	print_message("%d operations each; %zu codings at the end\n", ops, n);
	free(va);
	free(vb);
	free(ma.v);
	free(mb.v);
	free(outa);
	free(outb);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_coders),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
