/*
 * test-ui-views.c: the view-models of the agreement and compare views
 * without a terminal (vm-views.h): the Landis & Koch band of a kappa as
 * shown, the per-code rows worst first on a state worked out by hand (two
 * coders, and a set of three: vm-agree-many.h), the
 * automatic choice of two coders, where the compare view enters the list,
 * the test-retest view's choice of coder, pass and row text, the
 * paradigm view's rows and arrows from a model's links, and its list for
 * narrow panes: order, links at both ends, wrapping, arrows that read
 * right to left; the matrix view's figures, shades, measures and cursor.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "stats/agreement.h"
#include "store/compare.h"
#include "testutil.h"
#include "vm/vm-agree-many.h"
#include "vm/vm-matrix.h"
#include "vm/vm-views.h"

static void
test_band(void **state)
{
	(void)state;
	assert_string_equal(vm_kappa_band(-0.2), "poor");
	assert_string_equal(vm_kappa_band(0.3994), "poor");
	/* the band of the value as shown: 0.3996 shows as 0.400 */
	assert_string_equal(vm_kappa_band(0.3996), "moderate");
	assert_string_equal(vm_kappa_band(0.5994), "moderate");
	assert_string_equal(vm_kappa_band(0.5996), "substantial");
	assert_string_equal(vm_kappa_band(0.716), "substantial");
	assert_string_equal(vm_kappa_band(0.8004), "substantial");
	assert_string_equal(vm_kappa_band(0.8006), "almost perfect");
	assert_string_equal(vm_kappa_band(1.0), "almost perfect");
	assert_true(vm_round3(0.71580) == 0.716);
}

/* Eight paragraphs "p0".."p7" in one document and four codes of one
 * category, for m coders. */
static struct agree_state *
eight_paras(int m)
{
	static const char text[] = "p0\np1\np2\np3\np4\np5\np6\np7";
	struct agree_doc doc = {text, sizeof text - 1, NULL, 0};
	struct agree_config cfg = {AGREE_UNIT_PARAGRAPH, m, false, 0.9, false,
	    AGREE_UNIT_PARAGRAPH};
	int32_t cat[4] = {0, 0, 0, 0};
	struct agree_state *st = agree_state_new(&cfg, &doc, 1, 4, cat, 1);

	assert_non_null(st);
	return st;
}

/*
 * Eight paragraphs, four codes. Code 0: both on p0 and p1, A alone on p2
 * (a=2 b=1 c=0 d=5). Code 1: A on p0, B on p1 (a=0 b=1 c=1 d=6, kappa
 * below 0). Code 2: nobody (left out). Code 3: both on every paragraph
 * (kappa undefined: last).
 */
static void
test_rows_worst_first(void **state)
{
	struct agree_state *st = eight_paras(2);
	struct vm_agree_row *rows;
	size_t n;
	uint32_t p;

	(void)state;
#define ADD(code, coder, para) do { \
	struct agree_coding c_ = {0, code, coder, (para) * 3, (para) * 3 + 2}; \
	assert_int_equal(agree_state_add_coding(st, &c_), 0); } while (0)
	ADD(0, 0, 0); ADD(0, 1, 0); ADD(0, 0, 1); ADD(0, 1, 1); ADD(0, 0, 2);
	ADD(1, 0, 0); ADD(1, 1, 1);
	for (p = 0; p < 8; p++) {
		ADD(3, 0, p);
		ADD(3, 1, p);
	}
	vm_agree_rows(st, &rows, &n);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].code, 1);
	assert_int_equal(rows[0].cells.b, 1);
	assert_int_equal(rows[0].cells.c, 1);
	assert_true(rows[0].k.kappa.why == NULL && rows[0].k.kappa.v < 0);
	assert_int_equal(rows[1].code, 0);
	assert_int_equal(rows[1].cells.a, 2);
	assert_int_equal(rows[1].cells.b, 1);
	assert_int_equal(rows[1].cells.d, 5);
	/* kappa = (7/8 - (3/8 * 2/8 + 5/8 * 6/8)) / (1 - ...) = 0.714... */
	assert_true(rows[1].k.kappa.v > 0.71 && rows[1].k.kappa.v < 0.72);
	assert_int_equal(rows[2].code, 3);
	assert_non_null(rows[2].k.kappa.why);
	free(rows);
	agree_state_free(st);
}

/*
 * The same eight paragraphs with three coders. Code 0: all three on p0 and
 * p1, coder 0 alone on p2 (hist 5,1,0,2: Fleiss 190/238; pairs 0-1 and
 * 0-2 have kappa 20/28, 1-2 has 1, so Light (40/28 + 1) / 3). Code 1:
 * each coder alone on one paragraph (hist 5,3,0,0: Fleiss -1/7). Code 2:
 * nobody (left out). Code 3: all three everywhere (undefined: last).
 */
static void
test_many_rows_worst_first(void **state)
{
	struct agree_state *st = eight_paras(3);
	struct vm_agree_many_row *rows;
	size_t n;
	uint32_t p, k;

	(void)state;
	for (k = 0; k < 3; k++) {
		ADD(0, k, 0);
		ADD(0, k, 1);
		ADD(1, k, k);
		for (p = 0; p < 8; p++)
			ADD(3, k, p);
	}
	ADD(0, 0, 2);
	vm_agree_many_rows(st, &rows, &n);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].code, 1);
	assert_int_equal(rows[0].f.n, 8);
	assert_true(fabs(rows[0].f.fleiss.v + 1.0 / 7) < 1e-9);
	assert_true(fabs(rows[0].f.pbar.v - 0.75) < 1e-9);
	assert_null(vm_agree_many_why(&rows[0].f));
	assert_int_equal(rows[1].code, 0);
	assert_true(fabs(rows[1].f.fleiss.v - 190.0 / 238) < 1e-9);
	assert_true(fabs(rows[1].f.light.v - (40.0 / 28 + 1) / 3) < 1e-9);
	assert_true(fabs(rows[1].f.pbar.v - 22.0 / 24) < 1e-9);
	assert_int_equal(rows[2].code, 3);
	assert_non_null(rows[2].f.fleiss.why);
	assert_non_null(vm_agree_many_why(&rows[2].f));
	free(rows);
	agree_state_free(st);

	/* two coders: no set rows */
	st = eight_paras(2);
	ADD(0, 0, 0);
	vm_agree_many_rows(st, &rows, &n);
	assert_int_equal(n, 0);
	assert_null(rows);
	agree_state_free(st);
}

static void
test_pick_coders(void **state)
{
	struct vm_coder_count c[] = {
		{"owner", 0}, {"coder-a", 10}, {"consensus", 4},
		{"coder-a-retest", 7}, {"coder-b", 3},
	};
	size_t a = 9, b = 9;

	(void)state;
	assert_true(vm_pick_coders(c, 5, &a, &b));
	assert_int_equal(a, 1);
	assert_int_equal(b, 4);
	c[0].n = 1;	/* a third coder with codings: ask */
	assert_false(vm_pick_coders(c, 5, &a, &b));
	c[0].n = 0;
	c[4].n = 0;	/* only one: ask */
	assert_false(vm_pick_coders(c, 5, &a, &b));
}

static void
test_compare_step(void **state)
{
	struct compare_item it[4];
	int64_t order[3] = {30, 10, 20};	/* interview order of doc ids */
	size_t i;

	(void)state;
	memset(it, 0, sizeof it);
	for (i = 0; i < 4; i++)
		it[i].decided = COMPARE_NONE;
	it[0].doc = 30; it[0].para = 1; it[0].para_end = 20;
	it[1].doc = 10; it[1].para = 0; it[1].para_end = 10;
	it[2].doc = 10; it[2].para = 3; it[2].para_end = 50;
	it[3].doc = 20; it[3].para = 2; it[3].para_end = 40;
	/* entering where the reader is: doc 10 at code point 30 */
	assert_int_equal(vm_compare_from(it, 4, order, 3, 10, 30), 2);
	assert_int_equal(vm_compare_from(it, 4, order, 3, 10, 5), 1);
	/* nothing after the reader: the first */
	assert_int_equal(vm_compare_from(it, 4, order, 3, 20, 100), 0);
}

static void
test_retest_pick(void **state)
{
	const char *l[] = {"owner", "coder-a", "coder-b", "coder-a-retest",
	    "consensus"};
	size_t first = 99, f[5];

	(void)state;
	assert_int_equal(vm_retest_firsts(l, 5, f), 1);
	assert_int_equal(f[0], 1);
	/* my own passes, from either of them */
	assert_int_equal(vm_retest_pick(l, 5, "coder-a", &first), VM_RETEST_ONE);
	assert_int_equal(first, 1);
	first = 99;
	assert_int_equal(vm_retest_pick(l, 5, "coder-a-retest", &first),
	    VM_RETEST_ONE);
	assert_int_equal(first, 1);
	/* someone without a pass: the only coder who has one */
	first = 99;
	assert_int_equal(vm_retest_pick(l, 5, "owner", &first), VM_RETEST_ONE);
	assert_int_equal(first, 1);
	/* nobody has one */
	assert_int_equal(vm_retest_pick(l, 3, "owner", &first), VM_RETEST_NONE);
	assert_int_equal(vm_retest_firsts(l, 3, f), 0);
	/* which pass is active */
	assert_int_equal(vm_retest_pass(l, 5, "coder-a"), 1);
	assert_int_equal(vm_retest_pass(l, 5, "coder-a-retest"), 2);
	assert_int_equal(vm_retest_pass(l, 5, "coder-b"), 0);
	assert_int_equal(vm_retest_pass(l, 5, "-retest"), 0);	/* a name, no pass */
}

static void
test_retest_pick_ask(void **state)
{
	const char *l[] = {"b", "a-retest", "b-retest", "a", "c"};
	size_t first = 99, f[5];

	(void)state;
	assert_int_equal(vm_retest_firsts(l, 5, f), 2);
	assert_int_equal(f[0], 0);
	assert_int_equal(f[1], 3);
	/* two coders with a second pass: mine, or ask */
	assert_int_equal(vm_retest_pick(l, 5, "a", &first), VM_RETEST_ONE);
	assert_int_equal(first, 3);
	assert_int_equal(vm_retest_pick(l, 5, "c", &first), VM_RETEST_ASK);
	assert_int_equal(vm_retest_pick(l, 5, "c-retest", &first), VM_RETEST_ASK);
}

/* The rows of tests/cli/retest.sh's hand-worked table, as the CLI prints
 * them after the name; and the undefined total of a pass with no codings. */
static void
test_retest_cells(void **state)
{
	struct retest_row d1 = {1, NULL, 6, 1, 4, 333};	/* names unused */
	struct retest_row tot = {0, NULL, 77, 34, 9, 883};
	struct retest_row none = {0, NULL, 0, 0, 0, -1};
	char out[128], head[128];

	(void)state;
	vm_retest_cells(&d1, out, sizeof out);
	assert_string_equal(out, "     6          1             4    33.3%");
	vm_retest_cells(&tot, out, sizeof out);
	assert_string_equal(out, "    77         34             9    88.3%");
	vm_retest_cells(&none, out, sizeof out);
	assert_string_equal(out, "     0          0             0 undefined "
	    "(no codings)");
	retest_heading(head, sizeof head);
	assert_string_equal(head, " total agreements disagreements  percent");
	/* the columns line up under their titles */
	vm_retest_cells(&tot, out, sizeof out);
	assert_int_equal(strlen(out), strlen(head));
}

/*
 * A model by hand: central (slot 0) has lines C0, C1; causal (slot 1) has
 * K0; strategies (slot 4) has S0. Edges: K0 causes C1; S0 -> C0; C0 -
 * S0 undirected; K0 -> C1 again with another type.
 */
static void
test_paradigm_rows(void **state)
{
	struct an_pline central[2] = {{"C0", 0, 0, false}, {"C1", 1, 1, false}};
	struct an_pline causal[1] = {{"K0", 2, 0, false}};
	struct an_pline strat[1] = {{"S0", 3, 0, false}};
	struct an_pedge edges[4] = {
		{1, 0, 0, 1, 1, "causes", "", true, 0, 1},
		{4, 0, 0, 0, 5, "strategy", "", true, 1, 1},
		{0, 0, 4, 0, 7, "contradicts", "", false, 2, 1},
		{1, 0, 0, 1, 5, "strategy", "", true, 3, 2},
	};
	struct an_paradigm m;
	struct vm_pbox box[6];
	size_t s;

	(void)state;
	memset(&m, 0, sizeof m);
	for (s = 0; s < 6; s++)
		m.slot[s].role = an_slots[s];
	m.slot[0].lines = central;
	m.slot[0].nlines = 2;
	m.slot[1].lines = causal;
	m.slot[1].nlines = 1;
	m.slot[4].lines = strat;
	m.slot[4].nlines = 1;
	m.edges = edges;
	m.nedges = 4;
	vm_paradigm_rows(&m, box);
	/* central: C0, the undirected edge under it, C1 (incoming edges are
	 * under the line they leave) */
	assert_int_equal(box[0].n, 3);
	assert_int_equal(box[0].rows[0].edge, SIZE_MAX);
	assert_int_equal(box[0].rows[1].edge, 2);
	assert_int_equal(box[0].rows[1].line, 0);
	assert_int_equal(box[0].rows[1].other_slot, 4);
	assert_int_equal(box[0].rows[1].other_line, 0);
	assert_int_equal(box[0].rows[2].edge, SIZE_MAX);
	assert_int_equal(box[0].rows[2].line, 1);
	/* causal: K0, then both its edges to C1, in the model's order */
	assert_int_equal(box[1].n, 3);
	assert_int_equal(box[1].rows[1].edge, 0);
	assert_int_equal(box[1].rows[1].other_slot, 0);
	assert_int_equal(box[1].rows[1].other_line, 1);
	assert_int_equal(box[1].rows[2].edge, 3);
	/* strategies: S0, its edge to C0, and the undirected one from C0 */
	assert_int_equal(box[4].n, 3);
	assert_int_equal(box[4].rows[1].edge, 1);
	assert_int_equal(box[4].rows[2].edge, 2);
	assert_int_equal(box[4].rows[2].other_slot, 0);
	assert_int_equal(box[4].rows[2].other_line, 0);
	/* the empty slots have no rows */
	assert_int_equal(box[2].n, 0);
	assert_int_equal(box[5].n, 0);
	/* arrows: causal -> central; strategies and central both ways and
	 * undirected; none where no edge is */
	assert_int_equal(vm_paradigm_arrow(&m, ROLE_CAUSAL, ROLE_CENTRAL),
	    VM_ARROW_FWD);
	assert_int_equal(vm_paradigm_arrow(&m, ROLE_CENTRAL, ROLE_CAUSAL),
	    VM_ARROW_BACK);
	assert_int_equal(vm_paradigm_arrow(&m, ROLE_CENTRAL, ROLE_STRATEGIES),
	    VM_ARROW_BACK | VM_ARROW_UNDIRECTED);
	assert_int_equal(vm_paradigm_arrow(&m, ROLE_STRATEGIES,
	    ROLE_CONSEQUENCES), VM_ARROW_NONE);
	vm_paradigm_rows_done(box);
	assert_null(box[0].rows);
	assert_int_equal(box[1].n, 0);
}

/* The list's rows as "KIND x TEXT" lines, for comparing whole. */
static char *
list_dump(const struct vm_plist *l)
{
	static const char kind[] = {'T', 'L', 'K'};
	size_t cap = 1, len = 0, i;
	char *out = NULL;

	for (i = 0; i < l->n; i++) {
		const struct vm_plrow *r = &l->rows[i];
		char *line = xasprintf("%c%s%s %d %s\n", kind[r->kind],
		    r->first ? "" : "+", r->flagged ? "!" : "", r->x, r->text);

		out = xgrow(out, &cap, len + strlen(line) + 1, 1);
		memcpy(out + len, line, strlen(line) + 1);
		len += strlen(line);
		free(line);
	}
	return out != NULL ? out : xstrdup("");
}

/*
 * The model of test_paradigm_rows as a list 60 columns wide: the slots in
 * reading order, causal (flagged here) first, every edge at both its ends
 * with its type, the way it goes and its other end, that end's slot when
 * another; the two links drawn as one edge counted; empty slots marked.
 */
static void
test_paradigm_list(void **state)
{
	struct an_pline central[2] = {{"C0", 0, 0, false}, {"C1", 1, 1, false}};
	struct an_pline causal[1] = {{"K0", 2, 0, false}};
	struct an_pline strat[2] = {{"S0", 3, 0, false}, {"s1", 4, 1, true}};
	struct an_pedge edges[4] = {
		{1, 0, 0, 1, 1, "causes", "", true, 0, 1},
		{4, 0, 0, 0, 5, "strategy", "", true, 1, 1},
		{0, 0, 4, 0, 7, "contradicts", "", false, 2, 1},
		{1, 0, 0, 1, 5, "strategy", "", true, 3, 2},
	};
	struct an_paradigm m;
	struct vm_plist l;
	size_t s;
	char *d;

	(void)state;
	memset(&m, 0, sizeof m);
	for (s = 0; s < 6; s++)
		m.slot[s].role = an_slots[s];
	m.slot[0].lines = central;
	m.slot[0].nlines = 2;
	m.slot[1].lines = causal;
	m.slot[1].nlines = 1;
	m.slot[4].lines = strat;
	m.slot[4].nlines = 2;
	m.edges = edges;
	m.nedges = 4;
	m.unexplained[1] = true;
	vm_paradigm_list(&m, 60, &l);
	d = list_dump(&l);
	assert_string_equal(d,
	    "T! 0 \u26a0 Causal conditions\n"
	    "L 2 K0\n"
	    "K 4 causes \u2192 C1 (Central phenomenon)\n"
	    "K 4 strategy (2) \u2192 C1 (Central phenomenon)\n"
	    "T 0 Central phenomenon\n"
	    "L 2 C0\n"
	    "K 4 strategy \u2190 S0 (Strategies)\n"
	    "K 4 contradicts \u2014 S0 (Strategies)\n"
	    "L 4 C1\n"
	    "K 6 causes \u2190 K0 (Causal conditions)\n"
	    "K 6 strategy (2) \u2190 K0 (Causal conditions)\n"
	    "T 0 Contextual conditions \u2014\n"
	    "T 0 Intervening conditions \u2014\n"
	    "T 0 Strategies\n"
	    "L 2 S0\n"
	    "K 4 strategy \u2192 C0 (Central phenomenon)\n"
	    "K 4 contradicts \u2014 C0 (Central phenomenon)\n"
	    "L 4 s1\n"
	    "T 0 Consequences \u2014\n");
	free(d);
	/* what the view needs to draw a link's head and colour */
	assert_int_equal(l.rows[2].kind, VM_PL_LINK);
	assert_int_equal(l.rows[2].edge, 0);
	assert_int_equal(l.rows[2].way, VM_PL_OUT);
	assert_int_equal(l.rows[6].way, VM_PL_IN);
	assert_int_equal(l.rows[6].edge, 1);
	assert_int_equal(l.rows[7].way, VM_PL_UNDIRECTED);
	assert_int_equal(l.rows[8].slot, 0);
	assert_int_equal(l.rows[8].line, 1);
	assert_false(l.rows[8].rtl);
	vm_paradigm_list_done(&l);
	assert_null(l.rows);
	assert_int_equal(l.n, 0);
}

/*
 * A pane too narrow for a name or a link: each wraps at a space, no piece
 * wider than the columns right of its indent, none ending in a blank, and
 * the pieces give back the whole text; a name's line breaks are spaces.
 * A right-to-left link's arrow points left, to the other end it reads
 * next.
 */
static void
test_paradigm_list_wrap(void **state)
{
	const char *name = "Lack of interoperability between\nthe municipal "
	    "service platforms";
	const char *fa = "\u0639\u0644\u062a";		/* علت */
	const char *other = "\u067e\u062f\u06cc\u062f\u0647";	/* پدیده */
	struct an_pline causal[1] = {{name, 0, 0, false}};
	struct an_pline central[1] = {{other, 1, 0, false}};
	struct an_pedge edges[1] = {{1, 0, 0, 0, 1, fa, "", true, 0, 1}};
	struct an_paradigm m;
	struct vm_plist l;
	size_t s, i, nname = 0;
	char joined[256] = "";
	char *want;

	(void)state;
	memset(&m, 0, sizeof m);
	for (s = 0; s < 6; s++)
		m.slot[s].role = an_slots[s];
	m.slot[0].lines = central;
	m.slot[0].nlines = 1;
	m.slot[1].lines = causal;
	m.slot[1].nlines = 1;
	m.edges = edges;
	m.nedges = 1;
	vm_paradigm_list(&m, 24, &l);
	for (i = 0; i < l.n; i++) {
		const struct vm_plrow *r = &l.rows[i];
		size_t len = strlen(r->text);

		assert_true(an_text_width(r->text) <= 24 - r->x);
		assert_true(len == 0 || r->text[len - 1] != ' ');
		if (r->kind == VM_PL_LINE && r->slot == 1) {
			assert_int_equal(r->first, nname == 0);
			if (nname++ > 0)
				strcat(joined, " ");
			strcat(joined, r->text);
		}
	}
	assert_true(nname >= 3);
	assert_string_equal(joined, "Lack of interoperability between the "
	    "municipal service platforms");
	/* the title, the name's pieces, the link under it: right to left */
	assert_int_equal(l.rows[nname + 1].kind, VM_PL_LINK);
	assert_true(l.rows[nname + 1].rtl);
	want = xasprintf("%s \u2190 %s", fa, other);
	assert_true(strncmp(l.rows[nname + 1].text, want, strlen(want)) == 0);
	free(want);
	/* and from the central phenomenon it comes in, pointing right */
	for (i = 0; i < l.n; i++)
		if (l.rows[i].kind == VM_PL_LINK && l.rows[i].slot == 0)
			break;
	assert_true(i < l.n);
	assert_int_equal(l.rows[i].way, VM_PL_IN);
	want = xasprintf("%s \u2192 Lack", fa);
	assert_true(strncmp(l.rows[i].text, want, strlen(want)) == 0);
	free(want);
	vm_paradigm_list_done(&l);
}

/* The boxes only when every one is wide enough to show names. */
static void
test_paradigm_boxes(void **state)
{
	struct an_paradigm m;
	struct an_layout lay;
	size_t s;

	(void)state;
	memset(&m, 0, sizeof m);
	for (s = 0; s < 6; s++)
		m.slot[s].role = an_slots[s];
	an_paradigm_layout(&m, 80, 22, &lay);
	assert_true(lay.fits);
	assert_false(vm_paradigm_boxes(&lay));	/* boxes of 17 */
	an_paradigm_layout(&m, 4 * VM_PARADIGM_BOX_W + 9, 22, &lay);
	assert_true(vm_paradigm_boxes(&lay));
	an_paradigm_layout(&m, 4 * VM_PARADIGM_BOX_W + 8, 22, &lay);
	assert_false(vm_paradigm_boxes(&lay));
	an_paradigm_layout(&m, 200, 50, &lay);
	assert_true(vm_paradigm_boxes(&lay));
	an_paradigm_layout(&m, 200, 6, &lay);	/* too low for the figure */
	assert_false(vm_paradigm_boxes(&lay));
}


/* A 2 x 3 matrix by hand: rows 4 0 2 / 1 1 0, totals 6 / 2, columns 5 1 2
 * (a column total as an_matrix counts it), max 4. */
static void
test_matrix_vm(void **state)
{
	int64_t cell[] = { 4, 0, 2, 1, 1, 0 }, rt[] = { 6, 2 },
	    ct[] = { 5, 1, 2 };
	struct vm_matrix v;
	char s[32];

	(void)state;
	memset(&v, 0, sizeof v);
	v.m.nrows = 2;
	v.m.ncols = 3;
	v.m.cell = cell;
	v.m.row_total = rt;
	v.m.col_total = ct;
	v.m.max = 4;
	v.m.has_totals = true;
	vm_matrix_cell(&v, 0, 0, s, sizeof s);
	assert_string_equal(s, "4");
	/* quarters of the largest, rounded up; 0 unshaded */
	assert_int_equal(vm_matrix_shade(&v, 0, 0), 4);
	assert_int_equal(vm_matrix_shade(&v, 0, 1), 0);
	assert_int_equal(vm_matrix_shade(&v, 0, 2), 2);
	assert_int_equal(vm_matrix_shade(&v, 1, 0), 1);
	vm_matrix_cell(&v, 5, 0, s, sizeof s);	/* off the matrix */
	assert_string_equal(s, "");
	/* segments, row %, column %, documents, ... */
	assert_string_equal(vm_matrix_measure_name(&v), "segments");
	vm_matrix_next_measure(&v);
	assert_string_equal(vm_matrix_measure_name(&v), "segments, row %");
	vm_matrix_cell(&v, 0, 2, s, sizeof s);
	assert_string_equal(s, "33.3");		/* 2 of 6 */
	assert_int_equal(vm_matrix_shade(&v, 0, 2), 2);	/* of 100 */
	vm_matrix_next_measure(&v);
	vm_matrix_cell(&v, 1, 1, s, sizeof s);
	assert_string_equal(s, "100.0");	/* 1 of 1 */
	assert_int_equal(vm_matrix_shade(&v, 1, 1), 4);
	vm_matrix_next_measure(&v);
	assert_string_equal(vm_matrix_measure_name(&v), "documents");
	vm_matrix_next_measure(&v);
	vm_matrix_next_measure(&v);
	vm_matrix_next_measure(&v);
	assert_string_equal(vm_matrix_measure_name(&v), "segments");
	/* the cursor stays in the matrix and in sight: 1 row, 2 columns */
	vm_matrix_move(&v, 5, 5, 1, 2);
	assert_int_equal(v.r, 1);
	assert_int_equal(v.c, 2);
	assert_int_equal(v.top, 1);
	assert_int_equal(v.left, 1);
	vm_matrix_move(&v, -9, -9, 1, 2);
	assert_int_equal(v.r, 0);
	assert_int_equal(v.left, 0);
	/* columns: each attribute, the documents, the codes (code rows) */
	v.nattrs = 2;
	v.rows = AN_MX_CODES;
	vm_matrix_next_cols(&v);
	vm_matrix_next_cols(&v);
	assert_int_equal(v.col_kind, 2);	/* documents */
	vm_matrix_next_cols(&v);
	assert_true(vm_matrix_by_code(&v));
	vm_matrix_next_measure(&v);
	assert_string_equal(vm_matrix_measure_name(&v), "paragraphs");
	vm_matrix_next_cols(&v);
	assert_int_equal(v.col_kind, 0);
	v.rows = AN_MX_CATEGORIES;	/* no codes across categories */
	v.col_kind = 2;
	vm_matrix_next_cols(&v);
	assert_int_equal(v.col_kind, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_band),
		cmocka_unit_test(test_rows_worst_first),
		cmocka_unit_test(test_many_rows_worst_first),
		cmocka_unit_test(test_pick_coders),
		cmocka_unit_test(test_compare_step),
		cmocka_unit_test(test_retest_pick),
		cmocka_unit_test(test_retest_pick_ask),
		cmocka_unit_test(test_retest_cells),
		cmocka_unit_test(test_paradigm_rows),
		cmocka_unit_test(test_paradigm_list),
		cmocka_unit_test(test_paradigm_list_wrap),
		cmocka_unit_test(test_paradigm_boxes),
		cmocka_unit_test(test_matrix_vm),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
