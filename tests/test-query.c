/*
 * test-query.c: coding queries. The parser: what each expression parses
 * to (written back fully parenthesised), keywords in English and Persian,
 * quoting, and every error with its column. The evaluator: on projects
 * built here with random codings, every result compared with the same
 * query computed independently, character by character on arrays of
 * booleans; names not found (with "did you mean"), --where, the source,
 * the document set, paging and the memory bound.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/util.h"
#include "stats/query.h"
#include "store/codetree.h"
#include "store/coder.h"
#include "store/coding.h"
#include "store/document.h"
#include "store/project.h"
#include "text/qexpr.h"
#include "testutil.h"

/* ---- The parser ---- */

static const struct {
	const char *in, *out;
} good[] = {
	{"A", "«A»"},
	{"A AND B", "(«A» AND «B»)"},
	{"A and b or C", "((«A» AND «b») OR «C»)"},
	{"A OR B AND C", "(«A» OR («B» AND «C»))"},
	{"(A OR B) AND C", "((«A» OR «B») AND «C»)"},
	{"NOT A AND B", "((NOT «A») AND «B»)"},
	{"NOT NOT A", "(NOT (NOT «A»))"},
	{"A AND NOT B", "(«A» AND (NOT «B»))"},
	{"A OVERLAPS B", "(«A» OVERLAPS «B»)"},
	{"A OVERLAPS B AND C", "((«A» OVERLAPS «B») AND «C»)"},
	{"A overlaps B followed by C", "((«A» OVERLAPS «B») FOLLOWED BY «C»)"},
	{"A IN SAME PARAGRAPH B", "(«A» IN SAME PARAGRAPH «B»)"},
	{"A WITHIN 2 PARAGRAPHS B", "(«A» WITHIN 2 PARAGRAPHS «B»)"},
	{"A WITHIN 1 PARAGRAPH B", "(«A» WITHIN 1 PARAGRAPHS «B»)"},
	{"A WITHIN ۳ PARAGRAPHS B", "(«A» WITHIN 3 PARAGRAPHS «B»)"},
	{"A FOLLOWED BY B", "(«A» FOLLOWED BY «B»)"},
	{"\"digital divide\" AND trust", "(«digital divide» AND «trust»)"},
	{"«اعتماد سازمانی» و شفافیت", "(«اعتماد سازمانی» AND «شفافیت»)"},
	{"»اعتماد« یا نه شفافیت", "(«اعتماد» OR (NOT «شفافیت»))"},
	{"اعتماد يا شفافیت", "(«اعتماد» OR «شفافیت»)"},
	{"\"AND\" OR \"و\"", "(«AND» OR «و»)"},
	{"gender = female AND education=PhD",
	    "(«gender» = «female» AND «education» = «PhD»)"},
	{"جنسیت != زن", "«جنسیت» != «زن»"},
	{"x = \"two words\"", "«x» = «two words»"},
	{"Cat/sub-code OR #12", "(«Cat/sub-code» OR «#12»)"},
	{"(((A)))", "«A»"},
	{"  A\tOR\u00a0B  ", "(«A» OR «B»)"},
};

static void
test_parse_good(void **state)
{
	size_t i, col;
	char *err, *s;
	struct qx_node *n;

	(void)state;
	for (i = 0; i < AX_ARRAY_LEN(good); i++) {
		n = qx_parse(good[i].in, &col, &err);
		if (n == NULL)
			fail_msg("%s: %s at %zu", good[i].in, err, col);
		s = qx_format(n);
		if (strcmp(s, good[i].out) != 0)
			fail_msg("%s: got %s, want %s", good[i].in, s, good[i].out);
		free(s);
		qx_free(n);
	}
}

static const struct {
	const char *in;
	size_t col;
	const char *msg;	/* a part of the message */
} bad[] = {
	{"", 1, "the query is empty"},
	{"   ", 1, "the query is empty"},
	{"A AND", 6, "expected a code name or '(', found the end of the query"},
	{"A AND OR B", 7, "found the keyword «OR»"},
	{"AND A", 1, "found the keyword «AND»"},
	{"A B", 3, "expected AND, OR or an operator, found «B»"},
	{"digital divide", 9, "a name with spaces goes in quotes"},
	{"(A OR B", 1, "this '(' is never closed"},
	{"A OR B)", 7, "')' without its '('"},
	{"()", 2, "found ')' without its '('"},
	{"(A B)", 4, "expected AND, OR, an operator or ')', found «B»"},
	{"\"A OR B", 1, "this quote is never closed"},
	{"«اعتماد OR B", 1, "this quote is never closed"},
	{"\"\" OR B", 1, "a name in quotes is empty"},
	{"A IN B", 6, "expected SAME PARAGRAPH after IN, found «B»"},
	{"A IN SAME B", 11, "expected PARAGRAPH after IN SAME, found «B»"},
	{"A WITHIN B", 10, "expected a number of paragraphs after WITHIN"},
	{"A WITHIN -1 PARAGRAPHS B", 10, "expected a number of paragraphs"},
	{"A WITHIN 2x PARAGRAPHS B", 10, "expected a number of paragraphs"},
	{"A WITHIN 99999 PARAGRAPHS B", 10, "at most 10000 paragraphs"},
	{"A WITHIN 2 B", 12, "expected PARAGRAPHS after the number, found «B»"},
	{"A FOLLOWED B", 12, "expected BY after FOLLOWED, found «B»"},
	{"A FOLLOWED", 11, "expected BY after FOLLOWED, found the end"},
	{"gender =", 9, "expected a value after '=', found the end"},
	{"gender != )", 11, "expected a value after '!=', found ')'"},
	{"gender ! female", 8, "'!' is only part of '!='"},
	{"= female", 1, "expected a code name or '(', found '='"},
	{"A OR B\x01", 7, "control character (U+0001)"},
	{"A OR \"B\x1b[2J\"", 8, "control character (U+001B)"},
	{"اعتماد و و B", 10, "found the keyword «و»"},
	{"A OR \xff", 6, "not valid UTF-8"},
	{"NOT", 4, "found the end of the query"},
};

static void
test_parse_bad(void **state)
{
	size_t i, col;
	char *err;

	(void)state;
	for (i = 0; i < AX_ARRAY_LEN(bad); i++) {
		if (qx_parse(bad[i].in, &col, &err) != NULL)
			fail_msg("%s: parsed", bad[i].in);
		if (col != bad[i].col || strstr(err, bad[i].msg) == NULL)
			fail_msg("%s: got column %zu «%s», want %zu «%s»",
			    bad[i].in, col, err, bad[i].col, bad[i].msg);
		free(err);
	}
}

/* Nesting past the limit is refused, not a stack overflow. */
static void
test_parse_deep(void **state)
{
	struct buf b = {0};
	size_t i, col;
	char *err;
	struct qx_node *n;

	(void)state;
	for (i = 0; i < QX_MAX_DEPTH; i++)
		buf_putc(&b, '(');
	buf_putc(&b, 'A');
	for (i = 0; i < QX_MAX_DEPTH; i++)
		buf_putc(&b, ')');
	n = qx_parse(b.s, &col, &err);
	assert_non_null(n);
	qx_free(n);
	buf_reset(&b);
	for (i = 0; i <= QX_MAX_DEPTH; i++)
		buf_putc(&b, '(');
	buf_puts(&b, "A");
	assert_null(qx_parse(b.s, &col, &err));
	assert_int_equal(col, QX_MAX_DEPTH + 1);
	assert_non_null(strstr(err, "too deeply nested"));
	free(err);
	buf_reset(&b);
	for (i = 0; i < 10 * QX_MAX_DEPTH; i++)
		buf_puts(&b, "NOT ");
	buf_puts(&b, "A");
	assert_null(qx_parse(b.s, &col, &err));
	assert_int_equal(col, 4 * QX_MAX_DEPTH + 1);
	free(err);
	buf_done(&b);
}

/* ---- The evaluator against an independent computation ---- */

#define NDOCS 4
#define NCODES 4	/* A B C D; B and C in the category K */
#define MAXLEN 400

struct world {
	struct project *p;
	char *path;
	int64_t doc[NDOCS], code[NCODES], cat, bob, me;
	char *text[NDOCS];
	size_t len[NDOCS];	/* code points (the text is ASCII) */
	/* cover[coder][doc][code][pos] */
	bool cover[2][NDOCS][NCODES][MAXLEN];
};

static unsigned long rng = 1;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rng >> 33) % n;
}

static const char *const gender[NDOCS] = {"female", "male", "female", "male"};
static const char *const edu[NDOCS] = {"PhD", "PhD", "MA", "MA"};

static void
world_make(struct world *w, unsigned long seed)
{
	static const char *const names[NCODES] = {"A", "B", "C", "D"};
	struct project *q;
	size_t d, k, i, n;
	char name[16];

	memset(w, 0, sizeof *w);
	rng = seed;
	w->p = tu_new_project(&w->path);
	assert_ok(codetree_add(w->p, 0, NODE_CATEGORY, "K", &w->cat));
	for (k = 0; k < NCODES; k++)
		assert_ok(codetree_add(w->p, k == 1 || k == 2 ? w->cat : 0,
		    NODE_CODE, names[k], &w->code[k]));
	for (d = 0; d < NDOCS; d++) {
		struct buf b = {0};

		/* words, with paragraphs and some lines of blanks only */
		n = 100 + rnd(MAXLEN - 120);
		for (i = 0; i < n; i++) {
			unsigned r = rnd(12);

			buf_putc(&b, r == 0 ? '\n' : r < 3 ? ' ' : (char)('a' +
			    rnd(26)));
		}
		w->text[d] = buf_take(&b);
		w->len[d] = n;
		snprintf(name, sizeof name, "doc%zu", d + 1);
		w->doc[d] = tu_doc(w->p, name, w->text[d]);
		assert_ok(doc_attr_set(w->p, w->doc[d], "gender", gender[d]));
		assert_ok(doc_attr_set(w->p, w->doc[d], "education", edu[d]));
	}
	assert_ok(coder_add(w->p, "ann", NULL, NULL, project_account(w->p)));
	assert_ok(coder_add(w->p, "bob", NULL, NULL, project_account(w->p)));
	project_close(w->p);
	/* two coders, each with random codings */
	for (i = 0; i < 2; i++) {
		assert_ok(project_open(w->path, 0, i ? "bob" : "ann", &q, NULL));
		for (d = 0; d < NDOCS; d++)
			for (k = 0; k < NCODES; k++) {
				size_t m = rnd(5), j;

				for (j = 0; j < m; j++) {
					size_t s = rnd((unsigned)w->len[d] - 1);
					size_t e = s + 1 + rnd(40), x;

					if (e > w->len[d])
						e = w->len[d];
					assert_ok(coding_add(q, w->doc[d],
					    w->code[k], (int64_t)s, (int64_t)e,
					    NULL));
					for (x = s; x < e; x++)
						w->cover[i][d][k][x] = true;
				}
			}
		project_close(q);
	}
	assert_ok(project_open(w->path, 0, "ann", &w->p, NULL));
	assert_ok(coder_find(w->p, "bob", &w->bob));
	assert_ok(coder_find(w->p, "ann", &w->me));
}

static void
world_free(struct world *w)
{
	size_t d;

	for (d = 0; d < NDOCS; d++)
		free(w->text[d]);
	project_close(w->p);
	free(w->path);
}

struct seg {
	size_t doc, s, e;
};

struct segs {
	struct seg *v;
	size_t n, cap;
};

static void
segs_add(struct segs *a, size_t doc, size_t s, size_t e)
{
	a->v = xgrow(a->v, &a->cap, a->n + 1, sizeof *a->v);
	a->v[a->n].doc = doc;
	a->v[a->n].s = s;
	a->v[a->n].e = e;
	a->n++;
}

/* The oracle: which positions of document d the tree covers, each
 * position on its own, then runs for the proximity operators. */
struct oracle {
	const struct world *w;
	size_t d;
	int who;		/* -1 both coders, else 0 ann, 1 bob */
};

static size_t
para(const struct world *w, size_t d, size_t pos)
{
	size_t i, n = 0;

	for (i = 0; i < pos; i++)
		n += w->text[d][i] == '\n';
	return n;
}

static void oracle_eval(const struct oracle *o, const struct qx_node *q,
    bool *out);

static void
runs(const bool *b, size_t n, struct segs *r)
{
	size_t i = 0, s;

	while (i < n) {
		if (!b[i]) {
			i++;
			continue;
		}
		for (s = i; i < n && b[i]; i++)
			;
		segs_add(r, 0, s, i);
	}
}

static bool
oracle_meets(const struct oracle *o, const struct qx_node *q,
    const struct seg *a, const struct seg *b)
{
	size_t a0 = para(o->w, o->d, a->s), a1 = para(o->w, o->d, a->e - 1);
	size_t b0 = para(o->w, o->d, b->s), b1 = para(o->w, o->d, b->e - 1);
	size_t i;
	long lim = q->kind == QX_SAMEPARA ? 0 : q->n;

	switch (q->kind) {
	case QX_OVERLAPS:
		for (i = a->s; i < a->e; i++)
			if (i >= b->s && i < b->e)
				return true;
		return false;
	case QX_FOLLOWED:
		return b->s >= a->e && b0 <= a1 + 1;
	default:
		/* some paragraph of a within lim of some paragraph of b */
		for (i = a0; i <= a1; i++) {
			size_t j;

			for (j = b0; j <= b1; j++)
				if ((i > j ? i - j : j - i) <= (size_t)lim)
					return true;
		}
		return false;
	}
}

static void
oracle_eval(const struct oracle *o, const struct qx_node *q, bool *out)
{
	const struct world *w = o->w;
	size_t n = w->len[o->d], i, k, j;
	bool l[MAXLEN], r[MAXLEN];

	memset(out, 0, n * sizeof *out);
	switch (q->kind) {
	case QX_CODE:
		for (k = 0; k < NCODES; k++) {
			/* names folded as codetree_find folds them: case */
			bool in = strcasecmp(q->name, (const char[][2]){"A", "B",
			    "C", "D"}[k]) == 0 || (strcmp(q->name, "K") == 0 &&
			    (k == 1 || k == 2));

			for (i = 0; in && i < n; i++)
				out[i] = out[i] || (o->who != 1 &&
				    w->cover[0][o->d][k][i]) || (o->who != 0 &&
				    w->cover[1][o->d][k][i]);
		}
		return;
	case QX_ATTR: {
		const char *v = strcmp(q->name, "gender") == 0 ? gender[o->d] :
		    edu[o->d];
		bool yes = (strcmp(v, q->value) == 0) != (q->negated != 0);

		for (i = 0; i < n; i++)
			out[i] = yes;
		return;
	}
	case QX_NOT:
		oracle_eval(o, q->a, l);
		for (i = 0; i < n; i++)
			out[i] = !l[i];
		return;
	default:
		break;
	}
	oracle_eval(o, q->a, l);
	oracle_eval(o, q->b, r);
	if (q->kind == QX_AND || q->kind == QX_OR) {
		for (i = 0; i < n; i++)
			out[i] = q->kind == QX_AND ? l[i] && r[i] : l[i] || r[i];
		return;
	}
	{
		struct segs a = {0}, b = {0};

		runs(l, n, &a);
		runs(r, n, &b);
		for (i = 0; i < a.n; i++)
			for (j = 0; j < b.n; j++)
				if (oracle_meets(o, q, &a.v[i], &b.v[j])) {
					for (k = a.v[i].s; k < a.v[i].e; k++)
						out[k] = true;
					break;
				}
		free(a.v);
		free(b.v);
	}
}

static void
oracle(const struct world *w, const struct qx_node *q, int who,
    const bool *docs, struct segs *out)
{
	struct oracle o;
	bool b[MAXLEN];
	size_t i;

	o.w = w;
	o.who = who;
	for (o.d = 0; o.d < NDOCS; o.d++) {
		struct segs r = {0};

		if (docs != NULL && !docs[o.d])
			continue;
		oracle_eval(&o, q, b);
		runs(b, w->len[o.d], &r);
		for (i = 0; i < r.n; i++) {
			size_t s = r.v[i].s, e = r.v[i].e;

			while (s < e && (w->text[o.d][s] == ' ' ||
			    w->text[o.d][s] == '\n'))
				s++;
			while (e > s && (w->text[o.d][e - 1] == ' ' ||
			    w->text[o.d][e - 1] == '\n'))
				e--;
			if (s < e)
				segs_add(out, o.d, s, e);
		}
		free(r.v);
	}
}

struct got {
	const struct world *w;
	struct segs s;
};

static bool
collect(void *arg, const struct query_hit *h)
{
	struct got *g = arg;
	size_t d;

	for (d = 0; d < NDOCS && g->w->doc[d] != h->doc; d++)
		;
	assert_true(d < NDOCS);
	segs_add(&g->s, d, (size_t)h->start, (size_t)h->end);
	assert_int_equal(h->para, (int64_t)para(g->w, d, (size_t)h->start) + 1);
	return true;
}

static const char *const queries[] = {
	"A", "K", "A OR D", "A AND B", "A AND NOT B", "NOT A",
	"NOT (A OR B OR C OR D)", "A OVERLAPS B", "B OVERLAPS A",
	"A IN SAME PARAGRAPH D", "A WITHIN 1 PARAGRAPHS D",
	"A WITHIN 3 PARAGRAPHS D", "A FOLLOWED BY B", "NOT A FOLLOWED BY C",
	"A AND gender = female", "(A OR B) AND education != PhD",
	"gender = male", "K OVERLAPS (A AND NOT D) OR C FOLLOWED BY A",
	"(A WITHIN 2 PARAGRAPHS B) AND (C OR NOT D)",
	"a و (b یا نه c)",
};

/* Returns the number of segments, so a test can tell it found some. */
static size_t
check(const struct world *w, const char *expr, const struct query_opts *o,
    int who, const bool *docs)
{
	struct qx_node *q;
	struct segs want = {0};
	struct got g;
	struct query_stats st;
	size_t col, i;
	char *err;

	q = qx_parse(expr, &col, &err);
	assert_non_null(q);
	memset(&g, 0, sizeof g);
	g.w = w;
	if (query_run(w->p, q, o, collect, &g, &st, &err, &col) != AX_OK)
		fail_msg("%s: %s", expr, err);
	oracle(w, q, who, docs, &want);
	if (g.s.n != want.n)
		fail_msg("%s: %zu segments, want %zu", expr, g.s.n, want.n);
	for (i = 0; i < want.n; i++)
		if (g.s.v[i].doc != want.v[i].doc || g.s.v[i].s != want.v[i].s ||
		    g.s.v[i].e != want.v[i].e)
			fail_msg("%s: segment %zu is doc%zu [%zu,%zu), want doc%zu "
			    "[%zu,%zu)", expr, i, g.s.v[i].doc + 1, g.s.v[i].s,
			    g.s.v[i].e, want.v[i].doc + 1, want.v[i].s,
			    want.v[i].e);
	assert_int_equal(st.hits, want.n);
	free(g.s.v);
	free(want.v);
	qx_free(q);
	return st.hits;
}

static void
test_eval_oracle(void **state)
{
	struct world *w = xmalloc(sizeof *w);
	struct query_opts o;
	unsigned long seed;
	size_t i, found[AX_ARRAY_LEN(queries)] = {0};

	(void)state;
	for (seed = 1; seed <= 6; seed++) {
		world_make(w, seed);
		for (i = 0; i < AX_ARRAY_LEN(queries); i++) {
			memset(&o, 0, sizeof o);
			found[i] += check(w, queries[i], &o, -1, NULL);
			o.coder = w->bob;
			check(w, queries[i], &o, 1, NULL);
			o.coder = w->me;
			check(w, queries[i], &o, 0, NULL);
		}
		world_free(w);
	}
	/* no query was checked only on empty results */
	for (i = 0; i < AX_ARRAY_LEN(queries); i++)
		if (found[i] == 0)
			fail_msg("%s: never found anything", queries[i]);
	free(w);
}

/* --where is an AND; a document set leaves the others out. */
static void
test_eval_where_docs(void **state)
{
	struct world *w = xmalloc(sizeof *w);
	struct query_opts o;
	const char *where[] = {"gender=female", "education=PhD"};
	bool docs[NDOCS] = {false, true, true, false};
	int64_t ids[2];
	struct qx_node *q, *q2;
	struct segs a = {0};
	struct got g;
	size_t col;
	char *err;

	(void)state;
	world_make(w, 42);
	memset(&o, 0, sizeof o);
	o.where = where;
	o.nwhere = 2;
	q = qx_parse("A OR K", &col, &err);
	q2 = qx_parse("(A OR K) AND gender = female AND education = PhD", &col,
	    &err);
	memset(&g, 0, sizeof g);
	g.w = w;
	assert_ok(query_run(w->p, q, &o, collect, &g, NULL, &err, &col));
	oracle(w, q2, -1, NULL, &a);
	assert_int_equal(g.s.n, a.n);
	assert_memory_equal(g.s.v, a.v, a.n * sizeof *a.v);
	free(g.s.v);
	free(a.v);
	qx_free(q);
	qx_free(q2);
	/* the document set */
	memset(&o, 0, sizeof o);
	ids[0] = w->doc[1];
	ids[1] = w->doc[2];
	o.docs = ids;
	o.ndocs = 2;
	check(w, "NOT A OVERLAPS B", &o, -1, docs);
	world_free(w);
	free(w);
}

static bool
count_only(void *arg, const struct query_hit *h)
{
	(void)h;
	(*(size_t *)arg)++;
	return true;
}

/* Unknown names: a message with "did you mean" and the column. */
static void
test_eval_unknown(void **state)
{
	static const struct {
		const char *expr;
		size_t col;
		const char *msg;
	} cases[] = {
		{"A AND Bx", 7, "did you mean «B»?"},
		{"A OR zzzzzz", 6, "zzzzzz"},
		{"A AND gendr = female", 7, "no document has the attribute "
		    "«gendr»; did you mean «gender»?"},
		{"A AND gender = femal", 7, "no document has gender = «femal»; "
		    "did you mean «female»?"},
		{"A AND colour = red", 7, "no document has the attribute «colour»"},
	};
	struct world *w = xmalloc(sizeof *w);
	struct query_opts o;
	const char *where[] = {"gender"};
	struct qx_node *q;
	size_t i, col, n = 0;
	char *err;

	(void)state;
	world_make(w, 7);
	memset(&o, 0, sizeof o);
	for (i = 0; i < AX_ARRAY_LEN(cases); i++) {
		q = qx_parse(cases[i].expr, &col, &err);
		assert_non_null(q);
		assert_int_equal(query_run(w->p, q, &o, count_only, &n, NULL,
		    &err, &col), AX_ERR_NOTFOUND);
		if (col != cases[i].col || strstr(err, cases[i].msg) == NULL)
			fail_msg("%s: column %zu «%s»", cases[i].expr, col, err);
		free(err);
		qx_free(q);
	}
	assert_int_equal(n, 0);
	q = qx_parse("A", &col, &err);
	o.where = where;
	o.nwhere = 1;
	assert_int_equal(query_run(w->p, q, &o, count_only, &n, NULL, &err,
	    &col), AX_ERR_INPUT);
	assert_non_null(strstr(err, "ATTRIBUTE=VALUE"));
	assert_int_equal(col, 0);
	free(err);
	qx_free(q);
	world_free(w);
	free(w);
}

/* A result of many segments: paged, and what is held is one document's. */
static void
test_eval_paged(void **state)
{
	struct project *p;
	char *path, *err;
	struct buf b = {0};
	int64_t doc, code, id;
	struct qx_node *q;
	struct query_opts o;
	struct query_stats st;
	size_t i, col, n = 0, d;

	(void)state;
	p = tu_new_project(&path);
	assert_ok(codetree_add(p, 0, NODE_CODE, "x", &code));
	for (i = 0; i < 5000; i++)
		buf_puts(&b, "ab\n");
	assert_ok(project_begin(p, "test"));
	for (d = 0; d < 4; d++) {
		char name[8];

		snprintf(name, sizeof name, "d%zu", d);
		doc = tu_doc(p, name, b.s);
		/* every other paragraph coded */
		for (i = 0; i < 5000; i += 2)
			assert_ok(coding_add(p, doc, code, (int64_t)i * 3,
			    (int64_t)i * 3 + 2, &id));
	}
	assert_ok(project_commit(p));
	buf_done(&b);
	q = qx_parse("NOT x", &col, &err);
	memset(&o, 0, sizeof o);
	o.offset = 100;
	o.limit = 10;
	assert_ok(query_run(p, q, &o, count_only, &n, &st, &err, &col));
	assert_int_equal(n, 10);
	/* the uncoded paragraphs: 2500 per document */
	assert_int_equal(st.hits, 4 * 2500);
	assert_int_equal(st.docs, 4);
	/* at most one document's codings and results at once */
	assert_true(st.peak <= 2 * 2500 + 2);
	qx_free(q);
	project_close(p);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_good),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_parse_deep),
		cmocka_unit_test(test_eval_oracle),
		cmocka_unit_test(test_eval_where_docs),
		cmocka_unit_test(test_eval_unknown),
		cmocka_unit_test(test_eval_paged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
