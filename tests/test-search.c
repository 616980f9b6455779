/*
 * test-search.c: the parts of search (store/search.h) the workbench's
 * search view adds to what axial search does: a set of documents searched
 * (search_query.docs) and the documents' speaker labels (search_speakers).
 * The hits are counted here by hand from the texts below.
 */
#include <stdlib.h>
#include <string.h>

#include "store/memo.h"
#include "store/project.h"
#include "store/search.h"
#include "base/util.h"
#include "testutil.h"

/* three documents: "trust" twice in a, once in b, once in c; one memo */
static const char text_a[] = "P1: I trust them.\nInterviewer: And trust?\n"
    "more of the turn";
static const char text_b[] = "مصاحبه‌شونده: trust matters\n";
static const char text_c[] = "no labels here, trust\n";

struct fixture {
	struct project *p;
	char *path;
	int64_t a, b, c;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	int64_t m;

	f->p = tu_new_project(&f->path);
	f->a = tu_doc(f->p, "a", text_a);
	f->b = tu_doc(f->p, "b", text_b);
	f->c = tu_doc(f->p, "c", text_c);
	assert_ok(memo_add(f->p, MEMO_FREE, 0, MEMO_TYPE_FREE, "note",
	    "trust again", &m));
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	project_close(f->p);
	free(f->path);
	free(f);
	return 0;
}

struct seen {
	size_t n, docs[4];	/* hits; hits per document a, b, c, memos */
	int64_t a, b, c;
};

static bool
count(void *arg, const struct search_hit *h)
{
	struct seen *s = arg;

	s->n++;
	s->docs[h->doc_id == s->a ? 0 : h->doc_id == s->b ? 1 :
	    h->doc_id == s->c ? 2 : 3]++;
	return true;
}

static struct seen
run(struct fixture *f, const int64_t *docs, size_t ndocs, int flags)
{
	struct search_query q = {0};
	struct seen s = {0};

	s.a = f->a;
	s.b = f->b;
	s.c = f->c;
	q.text = "trust";
	q.flags = flags;
	q.docs = docs;
	q.ndocs = ndocs;
	assert_ok(search_run(f->p, &q, count, &s, NULL));
	return s;
}

static void
test_doc_set(void **state)
{
	struct fixture *f = *state;
	int64_t ac[2];
	struct seen s;

	ac[0] = f->c;	/* the set's order is not the search's */
	ac[1] = f->a;
	s = run(f, NULL, 0, SEARCH_MEMOS);
	assert_int_equal(s.n, 5);	/* no set: every document, and the memo */
	assert_int_equal(s.docs[3], 1);
	s = run(f, ac, 2, SEARCH_MEMOS);
	assert_int_equal(s.n, 3);	/* a and c only, no memo */
	assert_int_equal(s.docs[0], 2);
	assert_int_equal(s.docs[1], 0);
	assert_int_equal(s.docs[2], 1);
	assert_int_equal(s.docs[3], 0);
	s = run(f, &f->b, 1, 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.docs[1], 1);
}

struct labels {
	char out[256];
	size_t n;
};

static void
label(void *arg, const char *l)
{
	struct labels *ls = arg;

	if (ls->n++ > 0)
		strcat(ls->out, "|");
	strcat(ls->out, l);
}

static void
test_speakers(void **state)
{
	struct fixture *f = *state;
	struct search_query q = {0};
	struct labels ls = {{0}, 0};

	/* every turn's label, in interview order, without the colon */
	assert_ok(search_speakers(f->p, &q, label, &ls));
	assert_string_equal(ls.out, "P1|Interviewer|مصاحبه‌شونده");
	/* only the set's documents */
	memset(&ls, 0, sizeof ls);
	q.docs = &f->b;
	q.ndocs = 1;
	assert_ok(search_speakers(f->p, &q, label, &ls));
	assert_string_equal(ls.out, "مصاحبه‌شونده");
	/* a document without labels has none */
	memset(&ls, 0, sizeof ls);
	q.docs = &f->c;
	assert_ok(search_speakers(f->p, &q, label, &ls));
	assert_int_equal(ls.n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_doc_set, setup, teardown),
		cmocka_unit_test_setup_teardown(test_speakers, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
