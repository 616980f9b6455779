/*
 * test-agree-lazy.c: agreement built lazily and kept incrementally equals
 * a build from scratch. Random documents and codings (two and four
 * coders), documents added to a lazy state in a random order with codings
 * and removals in between, alpha_U and u-alpha kept live
 * (agreement-ulive.h): every table, histogram and pair count equal, every
 * unitizing figure within 1e-12 of agree_unitize and agree_ualpha. On a
 * project, a lazy agree_project stepped one slice at a time while another
 * connection codes equals agree_project_new.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/agree-project.h"
#include "stats/agreement-ulive.h"
#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/project.h"
#include "base/util.h"
#include "testutil.h"

static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Paragraphs of words, some blank lines and runs of spaces. */
static char *
random_text(uint64_t *seed, uint32_t *ncp)
{
	static const char *const w[] = { "one", "دو", "three", "چهار", "  ", "\n",
	    "five.", "\n\n", "شش" };
	struct buf b = {0};
	int i, n = 20 + (int)(rnd(seed) % 60);

	for (i = 0; i < n; i++) {
		buf_puts(&b, w[rnd(seed) % AX_ARRAY_LEN(w)]);
		buf_putc(&b, ' ');
	}
	*ncp = 0;
	for (size_t k = 0; k < b.len; k++)
		*ncp += ((unsigned char)b.s[k] & 0xc0) != 0x80;
	return buf_take(&b);
}

static void
fig_equal(const struct agree_fig *x, const struct agree_fig *y)
{
	assert_true((x->why == NULL) == (y->why == NULL));
	if (x->why != NULL)
		assert_string_equal(x->why, y->why);
	else
		assert_true(fabs(x->v - y->v) <= 1e-12);
}

/* Every count of two states equal. */
static void
states_equal(const struct agree_state *a, const struct agree_state *b, int m,
    size_t ndocs, size_t ncodes, size_t ncats)
{
	int64_t ha[33], hb[33], pa[32 * 32], pb[32 * 32];
	struct agree_cells x, y;
	size_t d, k;
	int64_t i;

	for (k = 0; k < ncodes; k++) {
		for (i = -1; i < (int64_t)ndocs; i++) {
			agree_state_table(a, (int64_t)k, i, &x, ha);
			agree_state_table(b, (int64_t)k, i, &y, hb);
			assert_memory_equal(&x, &y, sizeof x);
			assert_memory_equal(ha, hb, (size_t)(m + 1) * sizeof *ha);
		}
		assert_int_equal(agree_state_pairs(a, AGREE_BY_CODE, (int64_t)k, pa),
		    agree_state_pairs(b, AGREE_BY_CODE, (int64_t)k, pb));
		if (m >= 3)
			assert_memory_equal(pa, pb, (size_t)(m * m) * sizeof *pa);
	}
	for (d = 0; d < ndocs; d++) {
		agree_state_doc_table(a, (int64_t)d, &x, ha);
		agree_state_doc_table(b, (int64_t)d, &y, hb);
		assert_memory_equal(&x, &y, sizeof x);
		assert_memory_equal(ha, hb, (size_t)(m + 1) * sizeof *ha);
	}
	for (k = 0; k < ncats; k++) {
		agree_state_category_table(a, (int64_t)k, &x, ha);
		agree_state_category_table(b, (int64_t)k, &y, hb);
		assert_memory_equal(&x, &y, sizeof x);
		assert_memory_equal(ha, hb, (size_t)(m + 1) * sizeof *ha);
	}
	agree_state_total_table(a, &x, ha);
	agree_state_total_table(b, &y, hb);
	assert_memory_equal(&x, &y, sizeof x);
	assert_memory_equal(ha, hb, (size_t)(m + 1) * sizeof *ha);
	assert_int_equal(agree_state_units(a, -1), agree_state_units(b, -1));
}

/* The live unitizing figures equal those computed from every coding. */
static void
unitize_equal(const struct agree_ulive *ul, const struct agree_state *st)
{
	struct agree_useg_set s;
	struct agree_unitize u, lu;
	struct agree_ualpha ua, lua;
	int c;

	agree_state_usegs(st, -1, &s);
	agree_unitize(&s, &u);
	agree_ualpha(&s, &ua);
	assert_true(agree_ulive_figures(ul, &lu, &lua));
	assert_int_equal(u.nvalues, lu.nvalues);
	assert_int_equal(u.length, lu.length);
	for (c = 0; c < u.nvalues; c++) {
		fig_equal(&u.v[c].alpha, &lu.v[c].alpha);
		fig_equal(&u.v[c].d_o, &lu.v[c].d_o);
		fig_equal(&u.v[c].d_e, &lu.v[c].d_e);
	}
	fig_equal(&u.alpha, &lu.alpha);
	fig_equal(&ua.u, &lua.u);
	fig_equal(&ua.binary, &lua.binary);
	agree_unitize_free(&u);
	agree_unitize_free(&lu);
	agree_useg_free(&s);
}

/*
 * One random trial: m coders; disjoint: each coder's codings never
 * overlap (u-alpha is then defined).
 */
static void
trial(uint64_t seed, int m, bool disjoint)
{
	enum { NDOCS = 6, NCODES = 5, NCATS = 2, NCOD = 120 };
	struct agree_config cfg = { .unit = AGREE_UNIT_PARAGRAPH, .ncoders = m };
	int32_t cat[NCODES] = { 0, 0, 1, 1, -1 };
	struct agree_doc docs[NDOCS];
	uint32_t ncp[NDOCS];
	struct agree_coding cod[NCOD];
	bool in[NCOD] = {false}, ready[NDOCS] = {false};
	size_t order[NDOCS], i, j, ncod = 0;
	struct agree_state *lazy, *fresh;
	struct agree_ulive *ul;

	for (i = 0; i < NDOCS; i++) {
		docs[i] = (struct agree_doc){ random_text(&seed, &ncp[i]), 0, NULL, 0 };
		docs[i].len = strlen(docs[i].text);
		order[i] = i;
	}
	for (i = NDOCS; i > 1; i--) {
		size_t k = rnd(&seed) % i, t = order[i - 1];

		order[i - 1] = order[k];
		order[k] = t;
	}
	for (i = 0; i < NCOD; i++) {
		struct agree_coding c;

		c.doc = (uint32_t)(rnd(&seed) % NDOCS);
		c.code = (uint32_t)(rnd(&seed) % NCODES);
		c.coder = (uint32_t)(rnd(&seed) % (uint32_t)m);
		if (disjoint) {
			/* slot i of 20 code points: no coder overlaps itself */
			uint32_t slot = (uint32_t)i * 20 % (ncp[c.doc] > 20 ? ncp[c.doc] - 20 : 1);

			c.start = slot;
			c.end = slot + 1 + (uint32_t)(rnd(&seed) % 19);
			c.coder = (uint32_t)(i % (size_t)m);
			/* one coder per slot start: distinct i give distinct slots
			 * until the text wraps; skip a wrapped one */
			for (j = 0; j < ncod; j++)
				if (cod[j].doc == c.doc && cod[j].coder == c.coder &&
				    cod[j].start < c.end && c.start < cod[j].end)
					break;
			if (j < ncod)
				continue;
		} else {
			c.start = (uint32_t)(rnd(&seed) % (ncp[c.doc] - 1));
			c.end = c.start + 1 + (uint32_t)(rnd(&seed) % 40);
		}
		if (c.end > ncp[c.doc])
			c.end = ncp[c.doc];
		if (c.start >= c.end)
			continue;
		cod[ncod++] = c;
	}
	lazy = agree_state_new_lazy(&cfg, NDOCS, NCODES, cat, NCATS);
	ul = agree_ulive_new(lazy);
	/* documents in a random order; after each, some of the codings of
	 * the documents in, added or removed as a live view applies them */
	for (i = 0; i < NDOCS; i++) {
		size_t d = order[i];

		assert_int_equal(agree_state_add_doc(lazy, d, &docs[d]), 0);
		assert_int_equal(agree_state_add_doc(lazy, d, &docs[d]), -1);
		ready[d] = true;
		agree_ulive_doc(ul, lazy, d, +1);
		agree_ulive_code(ul, -1);
		for (j = 0; j < ncod; j++) {
			if (!ready[cod[j].doc] || rnd(&seed) % 3 == 0)
				continue;
			/* most changes move their code's parts; some only
			   mark it, as a caller without the code would */
			bool moved = rnd(&seed) % 5 != 0;

			if (moved)
				agree_ulive_change(ul, lazy, cod[j].doc,
				    cod[j].code, -1);
			else
				agree_ulive_doc(ul, lazy, cod[j].doc, -1);
			if (in[j])
				assert_int_equal(agree_state_remove_coding(lazy, &cod[j]), 0);
			else
				assert_int_equal(agree_state_add_coding(lazy, &cod[j]), 0);
			in[j] = !in[j];
			if (moved)
				agree_ulive_change(ul, lazy, cod[j].doc,
				    cod[j].code, +1);
			else {
				agree_ulive_doc(ul, lazy, cod[j].doc, +1);
				agree_ulive_code(ul, cod[j].code);
			}
			if (rnd(&seed) % 4 == 0)
				agree_ulive_step(ul, lazy, 0);
			/* moved parts equal parts computed from every coding */
			if (rnd(&seed) % 8 == 0 && agree_ulive_marked(ul) == 0)
				unitize_equal(ul, lazy);
		}
		/* a coding of a document not yet in is refused */
		for (j = 0; j < ncod; j++)
			if (!ready[cod[j].doc]) {
				assert_int_equal(agree_state_add_coding(lazy, &cod[j]), -1);
				break;
			}
	}
	agree_ulive_step(ul, lazy, 0);
	fresh = agree_state_new(&cfg, docs, NDOCS, NCODES, cat, NCATS);
	for (j = 0; j < ncod; j++)
		if (in[j])
			assert_int_equal(agree_state_add_coding(fresh, &cod[j]), 0);
	states_equal(lazy, fresh, m, NDOCS, NCODES, NCATS);
	unitize_equal(ul, lazy);
	unitize_equal(ul, fresh);
	agree_ulive_free(ul);
	agree_state_free(lazy);
	agree_state_free(fresh);
	for (i = 0; i < NDOCS; i++)
		free((char *)docs[i].text);
}

static void
test_lazy_random(void **state)
{
	uint64_t seed;

	(void)state;
	for (seed = 1; seed <= 40; seed++) {
		trial(seed * 7919, 2, false);
		trial(seed * 7919, 4, false);
		trial(seed * 104729, 2, true);
		trial(seed * 104729, 3, true);
	}
}

static void
test_ualpha_defined(void **state)
{
	struct agree_state *st;
	struct agree_ulive *ul;
	struct agree_config cfg = { .unit = AGREE_UNIT_PARAGRAPH, .ncoders = 2 };
	struct agree_doc d = { "one two three\nfour five six\n", 28, NULL, 0 };
	struct agree_coding c[] = { {0, 0, 0, 0, 3}, {0, 0, 1, 0, 4},
	    {0, 1, 0, 14, 18}, {0, 1, 1, 15, 18} };
	struct agree_unitize u;
	struct agree_ualpha ua;
	size_t i;

	(void)state;
	st = agree_state_new_lazy(&cfg, 1, 2, NULL, 0);
	assert_int_equal(agree_state_add_doc(st, 0, &d), 0);
	ul = agree_ulive_new(st);
	assert_false(agree_ulive_figures(ul, &u, &ua));	/* codes marked */
	agree_unitize_free(&u);
	for (i = 0; i < AX_ARRAY_LEN(c); i++) {
		agree_ulive_doc(ul, st, 0, -1);
		assert_int_equal(agree_state_add_coding(st, &c[i]), 0);
		agree_ulive_doc(ul, st, 0, +1);
		agree_ulive_code(ul, c[i].code);
	}
	assert_int_equal(agree_ulive_step(ul, st, 0), 0);
	assert_true(agree_ulive_figures(ul, &u, &ua));
	assert_null(ua.u.why);		/* the case is defined, and checked */
	assert_null(u.alpha.why);
	agree_unitize_free(&u);
	unitize_equal(ul, st);
	agree_ulive_free(ul);
	agree_state_free(st);
}

static const char *const AB[] = { "A", "B" };

/* Lazy, a slice at a time, while B codes in another connection. */
static void
test_project_lazy(void **state)
{
	struct agree_config cfg = { AGREE_UNIT_PARAGRAPH, 2, false, 0.9, false,
	    AGREE_UNIT_PARAGRAPH };
	struct project *a, *b;
	struct agree_project *lazy, *fresh;
	struct agree_unitize u1, u2;
	struct agree_ualpha a1, a2;
	struct agree_cells x, y;
	int64_t doc[8], k[3], ids[64];
	size_t done, total, nid = 0, i, steps = 0;
	uint64_t seed = 99;
	char *path;
	bool changed;
	int c;

	(void)state;
	a = tu_new_project(&path);
	for (i = 0; i < 8; i++) {
		char name[16];

		snprintf(name, sizeof name, "d%zu", i);
		doc[i] = tu_doc(a, name, "alpha beta\ngamma delta\nepsilon\nzeta eta theta\n");
	}
	for (i = 0; i < 3; i++) {
		char name[16];

		snprintf(name, sizeof name, "k%zu", i);
		assert_ok(codetree_add(a, 0, NODE_CODE, name, &k[i]));
	}
	assert_ok(coder_add(a, "A", NULL, NULL, project_account(a)));
	assert_ok(coder_add(a, "B", NULL, NULL, project_account(a)));
	project_close(a);
	assert_ok(project_open(path, 0, "A", &a, NULL));
	assert_ok(project_open(path, 0, "B", &b, NULL));
	for (i = 0; i < 40; i++) {
		int64_t s = (int64_t)(rnd(&seed) % 40), id;

		assert_ok(coding_add(i % 2 ? a : b, doc[rnd(&seed) % 8],
		    k[rnd(&seed) % 3], s, s + 1 + (int64_t)(rnd(&seed) % 8), &id));
	}
	assert_ok(agree_project_new(a, AB, 2, &cfg, AGREE_PROJECT_LAZY |
	    AGREE_PROJECT_UNITIZE, &lazy));
	assert_false(agree_project_progress(lazy, &done, &total));
	assert_int_equal(done, 0);
	assert_int_equal(total, 8);
	/* one nanosecond: one document, or one page, per slice */
	while (!agree_project_progress(lazy, &done, &total)) {
		assert_ok(agree_project_step(lazy, 1, &changed));
		steps++;
		/* B codes, moves and removes between the slices */
		for (c = 0; c < 3; c++) {
			int64_t s = (int64_t)(rnd(&seed) % 40), id;

			if (nid > 0 && rnd(&seed) % 3 == 0)
				assert_ok(coding_remove(b, ids[--nid]));
			else if (nid > 0 && rnd(&seed) % 2 == 0)
				assert_ok(coding_set_range(b, ids[nid - 1], s, s + 3));
			else {
				assert_ok(coding_add(b, doc[rnd(&seed) % 8],
				    k[rnd(&seed) % 3], s, s + 2, &id));
				if (nid < 64)
					ids[nid++] = id;
			}
		}
		assert_true(steps < 100);
	}
	assert_true(steps > 3);		/* it really was built in slices */
	assert_ok(agree_project_refresh(lazy, &changed));
	assert_ok(agree_project_step(lazy, 0, &changed));
	assert_ok(agree_project_new(a, AB, 2, &cfg, AGREE_PROJECT_UNITIZE, &fresh));
	agree_state_size(agree_project_state(fresh), &done, &total, &i);
	states_equal(agree_project_state(lazy), agree_project_state(fresh), 2,
	    8, 3, 0);
	agree_state_total_table(agree_project_state(lazy), &x, NULL);
	agree_state_total_table(agree_project_state(fresh), &y, NULL);
	assert_memory_equal(&x, &y, sizeof x);
	assert_true(agree_project_unitize(lazy, &u1, &a1));
	assert_true(agree_project_unitize(fresh, &u2, &a2));
	fig_equal(&u1.alpha, &u2.alpha);
	for (c = 0; c < u1.nvalues; c++)
		fig_equal(&u1.v[c].alpha, &u2.v[c].alpha);
	fig_equal(&a1.u, &a2.u);
	fig_equal(&a1.binary, &a2.binary);
	agree_unitize_free(&u1);
	agree_unitize_free(&u2);
	agree_project_free(lazy);
	agree_project_free(fresh);
	project_close(b);
	project_close(a);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lazy_random),
		cmocka_unit_test(test_ualpha_defined),
		cmocka_unit_test(test_project_lazy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
