/*
 * test-counts.c: the codings per code and coder the store keeps
 * (coding_counts, db-counts.c) equal a count of the codings themselves
 * after every kind of write by two coders, undo and redo included; the
 * tree's counts follow; `axial check` finds a damaged aggregate and
 * --repair builds it again; a file migrated from version 1 gets it
 * filled; one document's codings come from one covering index.
 */
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/check.h"
#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/document.h"
#include "store/history.h"
#include "store/project.h"
#include "base/util.h"
#include "testutil.h"

#define MAXID 64	/* node and coder ids stay below it here */

/* counts[node][coder] from every coding, one by one. */
static void
count_codings(struct project *p, int64_t counts[MAXID][MAXID])
{
	struct coding *v;
	size_t n, i;

	memset(counts, 0, sizeof(int64_t) * MAXID * MAXID);
	assert_ok(coding_list(p, NULL, &v, &n));
	for (i = 0; i < n; i++) {
		assert_true(v[i].node > 0 && v[i].node < MAXID);
		assert_true(v[i].coder > 0 && v[i].coder < MAXID);
		counts[v[i].node][v[i].coder]++;
	}
	free(v);
}

/* coding_counts and the tree's per-node counts against the codings. */
static void
assert_counts_exact(struct project *p)
{
	int64_t want[MAXID][MAXID], got[MAXID][MAXID];
	struct coding_count *c;
	struct node *nodes;
	size_t n, i;
	int a, b;

	count_codings(p, want);
	memset(got, 0, sizeof got);
	assert_ok(coding_counts(p, &c, &n));
	for (i = 0; i < n; i++) {
		assert_true(c[i].n > 0);	/* no row for nothing */
		assert_true(c[i].node > 0 && c[i].node < MAXID);
		assert_true(c[i].coder > 0 && c[i].coder < MAXID);
		assert_true(i == 0 || c[i - 1].node < c[i].node ||
		    (c[i - 1].node == c[i].node && c[i - 1].coder < c[i].coder));
		got[c[i].node][c[i].coder] = c[i].n;
	}
	free(c);
	for (a = 0; a < MAXID; a++)
		for (b = 0; b < MAXID; b++)
			if (want[a][b] != got[a][b])
				fail_msg("node %d coder %d: kept %lld, counted %lld", a,
				    b, (long long)got[a][b], (long long)want[a][b]);
	assert_ok(codetree_load(p, &nodes, &n));
	for (i = 0; i < n; i++) {
		int64_t sum = 0;

		for (b = 0; b < MAXID; b++)
			sum += want[nodes[i].id][b];
		assert_int_equal(nodes[i].ncodings, sum);
	}
	codetree_free(nodes, n);
}

static uint64_t rng = 88172645463325252u;

static unsigned
rnd(unsigned n)
{
	return tu_rnd(&rng, n);
}

/* One of coder's own codings, or 0. */
static int64_t
own_coding(struct project *p, int64_t coder)
{
	struct coding_filter f = {0, 0, coder};
	struct coding *v;
	size_t n;
	int64_t id = 0;

	assert_ok(coding_list(p, &f, &v, &n));
	if (n > 0)
		id = v[rnd((unsigned)n)].id;
	free(v);
	return id;
}

/* Random writes of two coders, each through their own connection, with
 * undo and redo among them: the counts are exact after every one. */
static void
test_counts_follow_writes(void **state)
{
	struct project *pa, *pb, *two[2];
	char *path;
	int64_t docs[3], codes[6], cat, me[2];
	struct check_finding *f;
	size_t nf;
	int step, i;

	(void)state;
	pa = tu_new_project(&path);
	for (i = 0; i < 3; i++) {
		char name[16];

		snprintf(name, sizeof name, "d%d", i);
		docs[i] = tu_doc(pa, name, "one two three four five six seven eight "
		    "nine ten eleven twelve\n");
	}
	assert_ok(codetree_add(pa, 0, NODE_CATEGORY, "cat", &cat));
	for (i = 0; i < 6; i++) {
		char name[16];

		snprintf(name, sizeof name, "k%d", i);
		assert_ok(codetree_add(pa, i < 3 ? 0 : cat, NODE_CODE, name,
		    &codes[i]));
	}
	assert_ok(coder_add(pa, "coder-a", NULL, NULL, project_account(pa)));
	assert_ok(coder_add(pa, "coder-b", NULL, NULL, project_account(pa)));
	assert_ok(project_act_as(pa, "coder-a"));
	assert_ok(project_open(path, 0, "coder-b", &pb, NULL));
	assert_ok(coder_find(pa, "coder-a", &me[0]));
	assert_ok(coder_find(pa, "coder-b", &me[1]));
	two[0] = pa;
	two[1] = pb;
	assert_counts_exact(pa);
	for (step = 0; step < 400; step++) {
		int who = (int)rnd(2);
		struct project *p = two[who];
		unsigned op = rnd(20);
		int64_t id, start = rnd(50);

		if (op < 9) {
			/* a redo may have merged the code away or removed
			 * the document again */
			enum ax_status s = coding_add(p, docs[rnd(3)],
			    codes[rnd(6)], start, start + 1 + rnd(10), &id);

			assert_true(s == AX_OK || s == AX_ERR_NOTFOUND);
		} else if (op < 12) {
			if ((id = own_coding(p, me[who])) != 0)
				assert_ok(coding_remove(p, id));
		} else if (op < 13) {
			if ((id = own_coding(p, me[who])) != 0)
				assert_ok(coding_set_range(p, id, 1, 5));
		} else if (op < 17) {
			enum ax_status s = history_undo(p, NULL);

			assert_true(s == AX_OK || s == AX_ERR_NOTHING ||
			    s == AX_ERR_CONFLICT);
		} else if (op < 19) {
			enum ax_status s = history_redo(p, NULL);

			assert_true(s == AX_OK || s == AX_ERR_NOTHING ||
			    s == AX_ERR_CONFLICT);
		} else if (step % 3 == 0) {
			/* a code merged into another takes its codings along */
			int from = (int)rnd(6), into = (int)rnd(6);

			if (from != into && codetree_merge(p, codes[from],
			    codes[into]) == AX_OK)
				assert_ok(history_undo(p, NULL));
		} else {
			/* a document's removal takes its codings, then comes back */
			if (doc_remove(p, docs[rnd(3)]) == AX_OK)
				assert_ok(history_undo(p, NULL));
		}
		assert_counts_exact(pa);
		assert_counts_exact(pb);
	}
	/* a merge and a removal left in place */
	assert_ok(codetree_merge(pa, codes[0], codes[1]));
	assert_counts_exact(pa);
	assert_ok(codetree_remove(pa, cat));
	assert_counts_exact(pa);
	assert_ok(doc_remove(pa, docs[0]));
	assert_counts_exact(pa);
	assert_counts_exact(pb);
	assert_ok(check_project(pa, false, &f, &nf));
	assert_int_equal(nf, 0);
	check_findings_free(f, nf);
	project_close(pb);
	project_close(pa);
	free(path);
}

static void
exec_sql(const char *path, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* The finding of what, or NULL. */
static const struct check_finding *
finding(const struct check_finding *f, size_t n, const char *what)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(f[i].what, what) == 0)
			return &f[i];
	return NULL;
}

/* Checks the file at path: a coding-counts finding whose text holds
 * text, repaired or not, and nothing else; then the counts are exact
 * when repaired or when the readers count the codings instead. */
static void
check_counts_finding(const char *path, const char *text, bool repair,
    bool counted)
{
	struct check_finding *f;
	const struct check_finding *x;
	struct project *p;
	size_t n;

	assert_ok(project_open(path, PROJECT_CHECKING, NULL, &p, NULL));
	assert_ok(check_project(p, repair, &f, &n));
	assert_int_equal(n, 1);
	x = finding(f, n, "coding-counts");
	assert_non_null(x);
	assert_non_null(strstr(x->text, text));
	assert_non_null(x->fix);
	assert_int_equal(x->repaired, repair);
	check_findings_free(f, n);
	if (repair || counted)
		assert_counts_exact(p);
	project_close(p);
}

static void
no_findings(const char *path)
{
	struct check_finding *f;
	struct project *p;
	size_t n;

	assert_ok(project_open(path, PROJECT_CHECKING, NULL, &p, NULL));
	assert_ok(check_project(p, false, &f, &n));
	assert_int_equal(n, 0);
	check_findings_free(f, n);
	assert_counts_exact(p);
	project_close(p);
}

/* A wrong number, a row too many, a missing trigger, a missing table:
 * each is found, left alone without --repair, and built again with it.
 * While an object is missing or not axial's, the readers count the
 * codings (counted); wrong rows are wrong until the repair, as a damaged
 * search index is. */
static void
test_counts_check_repair(void **state)
{
	static const struct {
		const char *damage, *text;
		bool counted;
	} cases[] = {
		{"UPDATE coding_counts SET n = n + 1 WHERE node_id ="
		    " (SELECT min(node_id) FROM coding_counts)", "do not match",
		    false},
		{"INSERT INTO coding_counts VALUES(99, 1, 3)", "do not match",
		    false},
		{"DELETE FROM coding_counts", "do not match", false},
		{"DROP TRIGGER coding_counts_delete", "missing", true},
		{"DROP TABLE coding_counts; DROP TRIGGER coding_counts_insert;"
		    " DROP TRIGGER coding_counts_delete; DROP TRIGGER"
		    " coding_counts_update", "missing", true},
	};
	struct project *p;
	char *path;
	int64_t doc, k1, k2, id;
	size_t i;

	(void)state;
	p = tu_new_project(&path);
	doc = tu_doc(p, "d", "some words here and there\n");
	assert_ok(codetree_add(p, 0, NODE_CODE, "k1", &k1));
	assert_ok(codetree_add(p, 0, NODE_CODE, "k2", &k2));
	assert_ok(coding_add(p, doc, k1, 0, 4, &id));
	assert_ok(coding_add(p, doc, k1, 5, 10, &id));
	assert_ok(coding_add(p, doc, k2, 5, 10, &id));
	project_close(p);
	no_findings(path);
	for (i = 0; i < AX_ARRAY_LEN(cases); i++) {
		exec_sql(path, cases[i].damage);
		/* the file still opens, and writes go on */
		assert_ok(project_open(path, 0, NULL, &p, NULL));
		assert_ok(coding_add(p, doc, k2, 1, 3, &id));
		if (cases[i].counted)
			assert_counts_exact(p);
		project_close(p);
		check_counts_finding(path, cases[i].text, false, cases[i].counted);
		check_counts_finding(path, cases[i].text, true, cases[i].counted);
		no_findings(path);
		/* rebuilt, the triggers keep it again */
		assert_ok(project_open(path, 0, NULL, &p, NULL));
		assert_ok(coding_remove(p, id));
		assert_counts_exact(p);
		project_close(p);
		no_findings(path);
	}
	free(path);
}

/* One of the aggregate's names on other SQL is a planted object: the file
 * is refused as any other, and check lists it as a schema difference. */
static void
test_counts_planted(void **state)
{
	struct check_finding *f;
	struct project *p;
	char *path, *err = NULL;
	size_t n, i;
	bool named = false;

	(void)state;
	p = tu_new_project(&path);
	tu_doc(p, "d", "some words\n");
	project_close(p);
	exec_sql(path, "DROP TRIGGER coding_counts_update; CREATE TRIGGER"
	    " coding_counts_update AFTER UPDATE ON codings BEGIN"
	    " DELETE FROM memos; END");
	assert_int_equal(project_open(path, 0, NULL, &p, &err), AX_ERR_NOTPROJECT);
	assert_non_null(strstr(err, "not a file this axial made"));
	free(err);
	assert_ok(project_open(path, PROJECT_CHECKING, NULL, &p, NULL));
	assert_ok(check_project(p, true, &f, &n));
	for (i = 0; i < n; i++) {
		assert_string_equal(f[i].what, "schema");
		assert_false(f[i].repaired);
		named = named || strstr(f[i].text, "coding_counts_update") != NULL;
	}
	assert_true(named);
	check_findings_free(f, n);
	project_close(p);
	free(path);
}

/* A file of version 1 with codings gets its counts on migration. */
static void
test_counts_migrated(void **state)
{
	char *path = tu_path("v1-counts.axial"), *sql, *fixture;
	struct project *p;
	sqlite3 *db;
	size_t len;

	(void)state;
	fixture = xasprintf("%s/tests/fixtures/schema-v1.sql",
	    getenv("AXIAL_SRC") ? getenv("AXIAL_SRC") : ".");
	if ((sql = file_read_all(fixture, &len)) == NULL)
		fail_msg("%s: %s", fixture, strerror(errno));
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
	    "INSERT INTO nodes(id, parent_id, kind, name, guid, created) VALUES"
	    " (1, NULL, 'code', 'a', 'g1', 0), (2, NULL, 'code', 'b', 'g2', 0);"
	    "INSERT INTO codings(doc_id, node_id, coder_id, start, end, guid,"
	    " created) VALUES (1, 1, 1, 0, 5, 'c1', 0), (1, 1, 1, 6, 11, 'c2', 0),"
	    " (1, 2, 1, 0, 11, 'c3', 0);", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	free(sql);
	assert_ok(project_open(path, 0, NULL, &p, NULL));
	{
		struct coding_count *c;
		size_t n;

		assert_ok(coding_counts(p, &c, &n));
		assert_int_equal(n, 2);
		assert_int_equal(c[0].node, 1);
		assert_int_equal(c[0].n, 2);
		assert_int_equal(c[1].node, 2);
		assert_int_equal(c[1].n, 1);
		free(c);
	}
	assert_counts_exact(p);
	project_close(p);
	no_findings(path);
	free(fixture);
	free(path);
}

/* One document's codings are read from the covering index alone, in
 * their order (no table lookup, no sort). */
static void
test_doc_codings_plan(void **state)
{
	struct project *p;
	char *path, *plan = NULL;
	sqlite3 *db;
	sqlite3_stmt *st;

	(void)state;
	p = tu_new_project(&path);
	project_close(p);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "EXPLAIN QUERY PLAN SELECT id,"
	    " doc_id, node_id, coder_id, start, end, created, guid FROM codings"
	    " WHERE doc_id = ?1 AND (:vis = 0 OR coder_id = :vis)"
	    " ORDER BY start, end, id", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char *line = xasprintf("%s%s\n", plan ? plan : "",
		    (const char *)sqlite3_column_text(st, 3));

		free(plan);
		plan = line;
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	assert_non_null(plan);
	assert_string_equal(plan, "SEARCH codings USING COVERING INDEX"
	    " codings_doc_cover (doc_id=?)\n");
	free(plan);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_follow_writes),
		cmocka_unit_test(test_counts_check_repair),
		cmocka_unit_test(test_counts_planted),
		cmocka_unit_test(test_counts_migrated),
		cmocka_unit_test(test_doc_codings_plan),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
