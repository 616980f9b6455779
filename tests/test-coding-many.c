/*
 * test-coding-many.c: coding_add_many (db-coding.c) leaves the project
 * exactly as coding_add_as called once per coding does, with the
 * duplicates skipped as its callers skip them (same GUID, then same
 * document, code, coder and span), on random codings of two coders;
 * the counts stay exact; one undo takes the whole batch away and redo
 * brings it back; a refused coding anywhere in a batch adds nothing and
 * says what coding_add_as says, inside the caller's action too. The
 * change log holds one insert per coding added, under one action. A merge,
 * which goes through it, gives the copy's codings and one undo removes
 * them all.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/history.h"
#include "store/project.h"
#include "exchange/exchange.h"
#include "base/util.h"
#include "testutil.h"

#define NDOC 3
#define NCODE 5
#define NNEW 600

static uint64_t rng = 2463534242u;

static unsigned
rnd(unsigned n)
{
	return tu_rnd(&rng, n);
}

struct fixture {
	struct project *p;
	char *path;
	int64_t docs[NDOC], codes[NCODE], coders[2];
};

/* The same documents, codes and coders in a new project each time, so
 * the row ids are the same in every one. The documents' texts differ:
 * merge matches documents by their text. */
static void
make(struct fixture *f)
{
	int64_t cat;
	int i;

	f->p = tu_new_project(&f->path);
	for (i = 0; i < NDOC; i++) {
		char name[16], text[80];

		snprintf(name, sizeof name, "d%d", i);
		snprintf(text, sizeof text, "%d: one two three four five six "
		    "seven eight nine ten eleven twelve\n", i);
		f->docs[i] = tu_doc(f->p, name, text);
	}
	assert_ok(codetree_add(f->p, 0, NODE_CATEGORY, "cat", &cat));
	for (i = 0; i < NCODE; i++) {
		char name[16];

		snprintf(name, sizeof name, "k%d", i);
		assert_ok(codetree_add(f->p, i < 2 ? 0 : cat, NODE_CODE, name,
		    &f->codes[i]));
	}
	assert_ok(coder_add(f->p, "coder-a", NULL, NULL, project_account(f->p)));
	assert_ok(coder_add(f->p, "coder-b", NULL, NULL, project_account(f->p)));
	assert_ok(coder_find(f->p, "coder-a", &f->coders[0]));
	assert_ok(coder_find(f->p, "coder-b", &f->coders[1]));
}

static void
unmake(struct fixture *f)
{
	project_close(f->p);
	free(f->path);
}

/* Random codings with duplicates of both kinds among them: a GUID seen
 * before (in another case), a span seen before under a new GUID. */
static struct coding_new *
random_batch(const struct fixture *f, char (*guids)[37], size_t n)
{
	struct coding_new *v = xcalloc(n, sizeof *v);
	size_t i;

	for (i = 0; i < n; i++) {
		int64_t start = rnd(40);

		snprintf(guids[i], 37, "%08x-0000-4000-8000-%012x", (unsigned)i,
		    rnd(1000000));
		v[i] = (struct coding_new){f->coders[rnd(2)], f->docs[rnd(NDOC)],
		    f->codes[rnd(NCODE)], start, start + 1 + rnd(20),
		    1700000000 + (int64_t)i, guids[i], CODING_ADDED, 0};
		if (i > 0 && rnd(10) == 0) {
			size_t j = rnd((unsigned)i);

			if (rnd(2) == 0) {
				int k;

				/* the same GUID in capitals */
				for (k = 0; k < 36; k++)
					guids[i][k] = (char)(guids[j][k] >= 'a' &&
					    guids[j][k] <= 'f' ? guids[j][k] - 32 :
					    guids[j][k]);
			} else {
				v[i].coder = v[j].coder;
				v[i].doc = v[j].doc;
				v[i].node = v[j].node;
				v[i].start = v[j].start;
				v[i].end = v[j].end;
			}
		}
		if (rnd(8) == 0)
			v[i].coder = 0;	/* the acting coder */
	}
	return v;
}

/* The same codings in a and b, in the same order; with their ids too
 * when ids. */
static void
assert_same_codings(struct project *a, struct project *b, bool ids)
{
	struct coding *x, *y;
	size_t nx, ny, i;

	assert_ok(coding_list(a, NULL, &x, &nx));
	assert_ok(coding_list(b, NULL, &y, &ny));
	assert_int_equal(nx, ny);
	for (i = 0; i < nx; i++) {
		if (ids)
			assert_int_equal(x[i].id, y[i].id);
		assert_int_equal(x[i].doc, y[i].doc);
		assert_int_equal(x[i].node, y[i].node);
		assert_int_equal(x[i].coder, y[i].coder);
		assert_int_equal(x[i].start, y[i].start);
		assert_int_equal(x[i].end, y[i].end);
		assert_int_equal(x[i].created, y[i].created);
		assert_string_equal(x[i].guid, y[i].guid);
	}
	free(x);
	free(y);
}

static void
assert_same_counts(struct project *a, struct project *b)
{
	struct coding_count *x, *y;
	size_t nx, ny, i;

	assert_ok(coding_counts(a, &x, &nx));
	assert_ok(coding_counts(b, &y, &ny));
	assert_int_equal(nx, ny);
	for (i = 0; i < nx; i++) {
		assert_int_equal(x[i].node, y[i].node);
		assert_int_equal(x[i].coder, y[i].coder);
		assert_int_equal(x[i].n, y[i].n);
	}
	free(x);
	free(y);
}

/* The newest action's label and number of logged changes. */
static void
assert_last_action(struct project *p, const char *label, int64_t nchanges)
{
	struct history_entry *e;
	size_t n;

	assert_ok(history_log(p, 1, &e, &n));
	assert_int_equal(n, 1);
	assert_string_equal(e[0].label, label);
	assert_int_equal(e[0].nchanges, nchanges);
	history_log_free(e, n);
}

/* The batch against coding_add_as one by one, skipping as merge did. */
static void
test_many_as_one_by_one(void **state)
{
	static char guids[NNEW][37];
	struct fixture one, many;
	struct coding_new *v;
	struct coding_change *ch;
	size_t i, nch, added = 0, want_added = 0;
	int64_t cursor;

	(void)state;
	make(&one);
	make(&many);
	v = random_batch(&one, guids, NNEW);
	assert_ok(project_begin(one.p, "merge"));
	for (i = 0; i < NNEW; i++) {
		int64_t id = 0, coder = v[i].coder;

		if (coder == 0)
			assert_ok(coder_find(one.p, project_coder_login(one.p),
			    &coder));
		if (coding_find_guid(one.p, v[i].guid, &id) == AX_OK) {
			assert_true(id > 0);
		} else if (!coding_exists(one.p, v[i].doc, v[i].node, coder,
		    v[i].start, v[i].end)) {
			assert_ok(coding_add_as(one.p, v[i].coder, v[i].doc,
			    v[i].node, v[i].start, v[i].end, v[i].guid,
			    v[i].created, &id));
			want_added++;
		}
	}
	assert_ok(project_commit(one.p));
	cursor = coding_changes_cursor(many.p);
	assert_ok(project_begin(many.p, "merge"));
	assert_ok(coding_add_many(many.p, v, NNEW));
	assert_ok(project_commit(many.p));
	for (i = 0; i < NNEW; i++) {
		struct coding c;

		if (v[i].fate == CODING_SAME_SPAN) {
			assert_int_equal(v[i].id, 0);
			continue;
		}
		/* the new coding, or the one with the GUID */
		assert_ok(coding_get(many.p, v[i].id, &c));
		assert_int_equal(strcasecmp(c.guid, v[i].guid), 0);
		added += v[i].fate == CODING_ADDED;
	}
	assert_true(want_added > NNEW / 2 && want_added < NNEW);
	assert_int_equal(added, want_added);
	assert_int_equal(tu_ncodings(many.p), want_added);
	assert_same_codings(one.p, many.p, true);
	assert_same_counts(one.p, many.p);

	/* the change log: one action with an insert per coding added, as
	 * the one-by-one action has */
	assert_last_action(one.p, "merge", (int64_t)want_added);
	assert_last_action(many.p, "merge", (int64_t)want_added);
	assert_ok(coding_changes_since(many.p, &cursor, &ch, &nch, NULL));
	assert_int_equal(nch, want_added);
	for (i = 0; i < nch; i++) {
		struct coding c;

		assert_false(ch[i].removed);
		assert_ok(coding_get(many.p, ch[i].c.id, &c));
		assert_int_equal(c.start, ch[i].c.start);
		assert_int_equal(c.end, ch[i].c.end);
		assert_int_equal(c.doc, ch[i].c.doc);
		assert_int_equal(c.node, ch[i].c.node);
		assert_int_equal(c.coder, ch[i].c.coder);
	}
	free(ch);

	/* one action: one undo takes the lot, redo brings it back */
	assert_ok(history_undo(many.p, NULL));
	assert_int_equal(tu_ncodings(many.p), 0);
	{
		struct coding_count *c;
		size_t n;

		assert_ok(coding_counts(many.p, &c, &n));
		assert_int_equal(n, 0);
		free(c);
	}
	assert_ok(history_redo(many.p, NULL));
	assert_same_codings(one.p, many.p, true);
	assert_same_counts(one.p, many.p);

	/* again: every one is there already, and nothing is logged */
	cursor = coding_changes_cursor(many.p);
	assert_ok(coding_add_many(many.p, v, NNEW));
	for (i = 0; i < NNEW; i++)
		assert_int_not_equal(v[i].fate, CODING_ADDED);
	assert_same_codings(one.p, many.p, true);
	assert_int_equal(coding_changes_cursor(many.p), cursor);
	free(v);
	unmake(&one);
	unmake(&many);
}

/* A refused coding anywhere in the batch: nothing added or logged, the
 * message of coding_add_as; inside the caller's action, the whole action
 * is rolled back. */
static void
test_many_refused(void **state)
{
	static char guids[20][37];
	struct fixture f;
	struct coding_new *v;
	struct {
		int64_t doc, node, coder, start, end;
		enum ax_status s;
		const char *msg;
	} bad[] = {
		{0, 0, 0, 5, 100, AX_ERR_INPUT, "span 5..100 is out of range "
		    "(the document has 66 characters; offsets are 0-based, end "
		    "exclusive)"},
		{0, 0, 0, 7, 7, AX_ERR_INPUT, "span 7..7 is empty"},
		{0, 0, 0, -1, 3, AX_ERR_INPUT, "span -1..3 is out of range"},
		{999, 0, 0, 1, 3, AX_ERR_NOTFOUND, "no document #999"},
		{0, 999, 0, 1, 3, AX_ERR_NOTFOUND, "no code #999"},
		{0, 0, 999, 1, 3, AX_ERR_NOTFOUND, "no coder #999"},
	};
	size_t k;
	int64_t cursor, id;

	(void)state;
	make(&f);
	cursor = coding_changes_cursor(f.p);
	for (k = 0; k < AX_ARRAY_LEN(bad); k++) {
		char *msg;

		v = random_batch(&f, guids, 20);
		if (bad[k].doc != 0)
			v[13].doc = bad[k].doc;
		if (bad[k].node != 0)
			v[13].node = bad[k].node;
		if (bad[k].coder != 0)
			v[13].coder = bad[k].coder;
		if (bad[k].start != 0 || bad[k].end != 0) {
			v[13].start = bad[k].start;
			v[13].end = bad[k].end;
		}
		assert_int_equal(coding_add_many(f.p, v, 20), bad[k].s);
		msg = xstrdup(project_errmsg(f.p));
		assert_non_null(strstr(msg, bad[k].msg));
		assert_int_equal(tu_ncodings(f.p), 0);
		assert_int_equal(coding_changes_cursor(f.p), cursor);
		/* in the caller's action, with a coding added before */
		assert_ok(project_begin(f.p, "merge"));
		assert_ok(coding_add(f.p, f.docs[0], f.codes[0], 0, 2, &id));
		assert_int_equal(coding_add_many(f.p, v, 20), bad[k].s);
		assert_string_equal(project_errmsg(f.p), msg);
		assert_int_not_equal(project_commit(f.p), AX_OK);
		assert_int_equal(tu_ncodings(f.p), 0);
		assert_int_equal(coding_changes_cursor(f.p), cursor);
		/* coding_add_as says the same */
		assert_int_equal(coding_add_as(f.p, v[13].coder, v[13].doc,
		    v[13].node, v[13].start, v[13].end, NULL, 0, NULL), bad[k].s);
		assert_string_equal(project_errmsg(f.p), msg);
		assert_int_equal(tu_ncodings(f.p), 0);
		free(msg);
		free(v);
	}
	unmake(&f);
}

/* A merge of a copy's random codings: they all come across, as they
 * are, and one undo removes them all. */
static void
test_merge_and_undo(void **state)
{
	static char guids[NNEW][37];
	struct fixture copy, lead;
	struct coding_new *v;
	struct refi_stats st;
	char *err = NULL;

	(void)state;
	make(&copy);
	make(&lead);
	v = random_batch(&copy, guids, NNEW);
	assert_ok(coding_add_many(copy.p, v, NNEW));
	free(v);
	assert_ok(project_begin(lead.p, "merge"));
	assert_ok(merge_project(lead.p, copy.path, 1 << 20, &st, &err));
	assert_ok(project_commit(lead.p));
	assert_int_equal(st.codings, tu_ncodings(copy.p));
	assert_int_equal(st.skipped, 0);
	assert_same_codings(copy.p, lead.p, false);
	assert_same_counts(copy.p, lead.p);
	refi_stats_done(&st);
	assert_ok(history_undo(lead.p, NULL));
	assert_int_equal(tu_ncodings(lead.p), 0);
	unmake(&copy);
	unmake(&lead);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_many_as_one_by_one),
		cmocka_unit_test(test_many_refused),
		cmocka_unit_test(test_merge_and_undo),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
