/*
 * query.c: coding queries evaluated on a project (query.h,
 * docs/queries.md).
 *
 * Names are resolved once, before any document is read: codes and
 * categories through codetree_find (its folding and its "did you mean"),
 * attribute keys and values folded (name_fold) against every document's
 * attributes. Then each document in turn: its text (for the paragraphs and
 * the trimming), its codings from the chosen source, and the expression
 * evaluated bottom up on sets of positions kept as sorted, disjoint,
 * non-adjacent intervals [s, e). Nothing of a document is kept once its
 * hits are passed on, so the memory held is that of one document.
 */
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "base/i18n.h"
#include "base/util.h"
#include "stats/query.h"
#include "stats/retest.h"
#include "store/codetree.h"
#include "store/coder.h"
#include "store/coding.h"
#include "store/document.h"
#include "store/savedquery.h"
#include "text/name.h"

struct iv {
	int64_t s, e;
};

struct ivs {
	struct iv *v;
	size_t n, cap;
};

/* What a leaf of the tree stands for. */
struct leaf {
	const struct qx_node *q;
	int64_t *codes;		/* QX_CODE: sorted node ids */
	size_t ncodes;
	char *key, *val;	/* QX_ATTR: folded */
};

struct ctx {
	struct project *p;
	const struct query_opts *o;
	struct leaf *leaves;
	size_t nleaves;
	struct qx_node *where;	/* the --where comparisons, ANDed */
	int64_t *skip;		/* coders left out: second passes */
	size_t nskip;
	/* documents and their attributes, loaded once */
	struct doc_info *docs;
	size_t ndocs;
	struct doc_attr **attrs;
	size_t *nattrs;
	/* the document being evaluated */
	size_t di;
	struct coding *c;
	size_t nc;
	int64_t *para;		/* paragraph start offsets */
	size_t npara;
	int64_t nchars;
	size_t held, peak;
	char *err;
	size_t errcol;
};

static void
ivs_add(struct ctx *x, struct ivs *a, int64_t s, int64_t e)
{
	a->v = xgrow(a->v, &a->cap, a->n + 1, sizeof *a->v);
	a->v[a->n].s = s;
	a->v[a->n].e = e;
	a->n++;
	if (++x->held > x->peak)
		x->peak = x->held;
}

static void
ivs_done(struct ctx *x, struct ivs *a)
{
	x->held -= a->n;
	free(a->v);
	memset(a, 0, sizeof *a);
}

static int
iv_cmp(const void *a, const void *b)
{
	const struct iv *x = a, *y = b;

	return x->s < y->s ? -1 : x->s > y->s ? 1 : (x->e > y->e) - (x->e < y->e);
}

/* Sorts and merges overlapping and touching intervals: a set's form. */
static void
ivs_normal(struct ctx *x, struct ivs *a)
{
	size_t i, k = 0;

	if (a->n > 1)	/* an empty set may have no array: qsort wants one */
		qsort(a->v, a->n, sizeof *a->v, iv_cmp);
	for (i = 0; i < a->n; i++) {
		if (k > 0 && a->v[i].s <= a->v[k - 1].e) {
			if (a->v[i].e > a->v[k - 1].e)
				a->v[k - 1].e = a->v[i].e;
		} else {
			a->v[k++] = a->v[i];
		}
	}
	x->held -= a->n - k;
	a->n = k;
}

/* The 0-based paragraph holding position pos. */
static size_t
para_of(const struct ctx *x, int64_t pos)
{
	size_t lo = 0, hi = x->npara;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (x->para[mid] <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static bool
has_code(const struct leaf *l, int64_t node)
{
	size_t lo = 0, hi = l->ncodes;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (l->codes[mid] == node)
			return true;
		if (l->codes[mid] < node)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static const struct leaf *
leaf_of(const struct ctx *x, const struct qx_node *q)
{
	size_t i;

	for (i = 0; i < x->nleaves; i++)
		if (x->leaves[i].q == q)
			return &x->leaves[i];
	return NULL;
}

/* Does the document being evaluated have key = val (both folded)? */
static bool
doc_matches(const struct ctx *x, const struct leaf *l)
{
	size_t i;
	bool yes = false;

	for (i = 0; i < x->nattrs[x->di] && !yes; i++) {
		char *k = name_fold(x->attrs[x->di][i].key);
		char *v = name_fold(x->attrs[x->di][i].value);

		yes = strcmp(k, l->key) == 0 && strcmp(v, l->val) == 0;
		free(k);
		free(v);
	}
	return yes;
}

/* Whether segment a of the left side meets segment b of the right. */
static bool
meets(const struct ctx *x, const struct qx_node *q, const struct iv *a,
    const struct iv *b)
{
	size_t a0, a1, b0, b1;
	long gap;

	switch (q->kind) {
	case QX_OVERLAPS:
		return a->s < b->e && b->s < a->e;
	case QX_FOLLOWED:
		return b->s >= a->e && para_of(x, b->s) <= para_of(x, a->e - 1) + 1;
	default:
		a0 = para_of(x, a->s);
		a1 = para_of(x, a->e - 1);
		b0 = para_of(x, b->s);
		b1 = para_of(x, b->e - 1);
		gap = b0 > a1 ? (long)(b0 - a1) : a0 > b1 ? (long)(a0 - b1) : 0;
		return gap <= (q->kind == QX_SAMEPARA ? 0 : q->n);
	}
}

static void
eval(struct ctx *x, const struct qx_node *q, struct ivs *out)
{
	struct ivs a = {0}, b = {0};
	const struct leaf *l;
	size_t i, j;
	int64_t pos;

	switch (q->kind) {
	case QX_CODE:
		l = leaf_of(x, q);
		for (i = 0; i < x->nc; i++)
			if (has_code(l, x->c[i].node) && x->c[i].start < x->nchars)
				ivs_add(x, out, x->c[i].start, x->c[i].end <
				    x->nchars ? x->c[i].end : x->nchars);
		ivs_normal(x, out);
		return;
	case QX_ATTR:
		if (doc_matches(x, leaf_of(x, q)) != (q->negated != 0) &&
		    x->nchars > 0)
			ivs_add(x, out, 0, x->nchars);
		return;
	case QX_NOT:
		eval(x, q->a, &a);
		pos = 0;
		for (i = 0; i < a.n; i++) {
			if (a.v[i].s > pos)
				ivs_add(x, out, pos, a.v[i].s);
			pos = a.v[i].e;
		}
		if (pos < x->nchars)
			ivs_add(x, out, pos, x->nchars);
		ivs_done(x, &a);
		return;
	default:
		break;
	}
	eval(x, q->a, &a);
	/* the right side of AND matters only where the left has something */
	if (a.n > 0 || q->kind == QX_OR)
		eval(x, q->b, &b);
	switch (q->kind) {
	case QX_OR:
		for (i = 0; i < b.n; i++)
			ivs_add(x, &a, b.v[i].s, b.v[i].e);
		ivs_normal(x, &a);
		*out = a;
		a.v = NULL;
		a.n = 0;
		break;
	case QX_AND:
		for (i = 0, j = 0; i < a.n && j < b.n;) {
			int64_t s = a.v[i].s > b.v[j].s ? a.v[i].s : b.v[j].s;
			int64_t e = a.v[i].e < b.v[j].e ? a.v[i].e : b.v[j].e;

			if (s < e)
				ivs_add(x, out, s, e);
			if (a.v[i].e < b.v[j].e)
				i++;
			else
				j++;
		}
		break;
	default:
		/* a proximity operator: the left side's segments that meet
		 * one of the right side's (quadratic only in the segments of
		 * one document) */
		for (i = 0; i < a.n; i++)
			for (j = 0; j < b.n; j++)
				if (meets(x, q, &a.v[i], &b.v[j])) {
					ivs_add(x, out, a.v[i].s, a.v[i].e);
					break;
				}
		break;
	}
	ivs_done(x, &a);
	ivs_done(x, &b);
}

static bool
set_err(struct ctx *x, size_t col, char *msg)
{
	free(x->err);
	x->err = msg;
	x->errcol = col;
	return false;
}

/* The closest of the folded names to want, or NULL. */
static const char *
closest(const char *want, const char *const *names, size_t n)
{
	char *w = name_fold(want);
	size_t len = u8_mbsnlen((const uint8_t *)w, strlen(w));
	size_t i, d, bestd = (len <= 3 ? 1 : 2) + 1;
	const char *best = NULL;

	for (i = 0; i < n; i++) {
		char *f = name_fold(names[i]);

		if ((d = name_distance(f, w, bestd - 1)) < bestd) {
			bestd = d;
			best = names[i];
		}
		free(f);
	}
	free(w);
	return best;
}

/* An attribute comparison: its key and value found among the documents'. */
static bool
resolve_attr(struct ctx *x, const struct qx_node *q, struct leaf *l)
{
	const char **names = NULL;
	size_t n = 0, cap = 0, i, k;
	const char *near;
	bool key_found = false, val_found = false;

	l->key = name_fold(q->name);
	l->val = name_fold(q->value);
	for (i = 0; i < x->ndocs; i++)
		for (k = 0; k < x->nattrs[i]; k++) {
			char *f = name_fold(x->attrs[i][k].key);

			if (strcmp(f, l->key) == 0) {
				char *v = name_fold(x->attrs[i][k].value);

				key_found = true;
				val_found |= strcmp(v, l->val) == 0;
				free(v);
			}
			free(f);
		}
	/* what to suggest: the keys, or the key's values */
	for (i = 0; i < x->ndocs; i++)
		for (k = 0; k < x->nattrs[i]; k++) {
			char *f = name_fold(x->attrs[i][k].key);

			if (!key_found || strcmp(f, l->key) == 0) {
				names = xgrow(names, &cap, n + 1, sizeof *names);
				names[n++] = key_found ? x->attrs[i][k].value :
				    x->attrs[i][k].key;
			}
			free(f);
		}
	near = key_found && val_found ? NULL : closest(key_found ? q->value :
	    q->name, names, n);
	if (!key_found)
		set_err(x, q->col, near ? xasprintf(_("no document has the "
		    "attribute «%s»; did you mean «%s»?"), q->name, near) :
		    xasprintf(_("no document has the attribute «%s"
		    "»"), q->name));
	else if (!val_found)
		set_err(x, q->col, near ? xasprintf(_("no document has %s = «%s»; "
		    "did you mean «%s»?"), q->name, q->value, near) :
		    xasprintf(_("no document has %s = «%s»"), q->name, q->value));
	free(names);
	return key_found && val_found;
}

static int
id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* A code, or a category's codes at any depth. */
static bool
resolve_code(struct ctx *x, const struct qx_node *q, struct leaf *l,
    const struct node *tree, size_t ntree)
{
	int64_t id;
	size_t i, at = ntree;

	if (codetree_find(x->p, q->name, &id) != AX_OK)
		return set_err(x, q->col, xstrdup(project_errmsg(x->p)));
	for (i = 0; i < ntree; i++)
		if (tree[i].id == id)
			at = i;
	if (at == ntree)
		return set_err(x, q->col, xstrdup(project_errmsg(x->p)));
	l->codes = xmalloc(sizeof *l->codes);
	l->codes[l->ncodes++] = id;
	/* the tree is depth first: a category's nodes follow it */
	for (i = at + 1; i < ntree && tree[i].depth > tree[at].depth; i++)
		if (tree[i].kind == NODE_CODE) {
			l->codes = xrealloc(l->codes, (l->ncodes + 1) *
			    sizeof *l->codes);
			l->codes[l->ncodes++] = tree[i].id;
		}
	if (l->ncodes > 1)
		qsort(l->codes, l->ncodes, sizeof *l->codes, id_cmp);
	return true;
}

static bool
resolve(struct ctx *x, const struct qx_node *q, const struct node *tree,
    size_t ntree)
{
	struct leaf *l;

	if (q == NULL)
		return true;
	if (q->kind != QX_CODE && q->kind != QX_ATTR)
		return resolve(x, q->a, tree, ntree) && resolve(x, q->b, tree,
		    ntree);
	x->leaves = xrealloc(x->leaves, (x->nleaves + 1) * sizeof *x->leaves);
	l = &x->leaves[x->nleaves++];
	memset(l, 0, sizeof *l);
	l->q = q;
	return q->kind == QX_CODE ? resolve_code(x, q, l, tree, ntree) :
	    resolve_attr(x, q, l);
}

/* The --where restrictions as comparisons ANDed onto a tree. */
static bool
build_where(struct ctx *x)
{
	size_t i;

	for (i = 0; i < x->o->nwhere; i++) {
		const char *w = x->o->where[i], *eq = strchr(w, '=');
		struct qx_node *c, *and;

		if (eq == NULL || eq == w || eq[1] == '\0')
			return set_err(x, 0, xasprintf(_("--where wants "
			    "ATTRIBUTE=VALUE, not '%s'"), w));
		c = xcalloc(1, sizeof *c);
		c->kind = QX_ATTR;
		c->name = xstrndup(w, (size_t)(eq - w));
		c->value = xstrdup(eq + 1);
		if (x->where == NULL) {
			x->where = c;
			continue;
		}
		and = xcalloc(1, sizeof *and);
		and->kind = QX_AND;
		and->a = x->where;
		and->b = c;
		x->where = and;
	}
	return true;
}

/* Loads the document set with every document's attributes. */
static enum ax_status
load_docs(struct ctx *x)
{
	struct doc_info *all;
	size_t n, i, k;
	enum ax_status st;

	if ((st = doc_list(x->p, &all, &n)) != AX_OK)
		return st;
	x->docs = xcalloc(n + 1, sizeof *x->docs);
	x->attrs = xcalloc(n + 1, sizeof *x->attrs);
	x->nattrs = xcalloc(n + 1, sizeof *x->nattrs);
	for (i = 0; i < n; i++) {
		bool in = x->o->docs == NULL;

		for (k = 0; k < x->o->ndocs && !in; k++)
			in = x->o->docs[k] == all[i].id;
		if (!in) {
			doc_info_done(&all[i]);
			continue;
		}
		x->docs[x->ndocs] = all[i];
		if (st == AX_OK)
			st = doc_attr_list(x->p, all[i].id, &x->attrs[x->ndocs],
			    &x->nattrs[x->ndocs]);
		x->ndocs++;
	}
	free(all);
	return st;
}

/* The coders whose codings "every coder" leaves out: second passes. */
static enum ax_status
load_skip(struct ctx *x)
{
	struct coder *c;
	size_t n, i;
	enum ax_status st;

	if ((st = coder_list(x->p, &c, &n)) != AX_OK)
		return st;
	x->skip = xcalloc(n + 1, sizeof *x->skip);
	for (i = 0; i < n; i++)
		if (retest_is_pass(c[i].login))
			x->skip[x->nskip++] = c[i].id;
	coder_list_free(c, n);
	return AX_OK;
}

/* Keeps only the source's codings among x->c. */
static void
filter_source(struct ctx *x)
{
	size_t i, k, m = 0;

	for (i = 0; i < x->nc; i++) {
		bool keep = true;

		for (k = 0; k < x->nskip && x->o->coder == 0; k++)
			keep &= x->c[i].coder != x->skip[k];
		if (keep)
			x->c[m++] = x->c[i];
	}
	x->nc = m;
}

static bool
is_blank(ucs4_t c)
{
	return uc_is_property_white_space(c);
}

/* One document: its text, paragraphs and codings, the tree evaluated, the
 * segments passed on. False when the callback stopped. */
static bool
run_doc(struct ctx *x, const struct qx_node *q, query_cb cb, void *arg,
    struct query_stats *stats, enum ax_status *st)
{
	struct coding_filter f = {0, 0, 0};
	struct ivs r = {0};
	char *text = NULL;
	uint32_t *u = NULL;
	size_t len, ulen = 0, i;
	bool go = true, any = false;

	f.doc = x->docs[x->di].id;
	f.coder = x->o->coder;
	if ((*st = doc_text(x->p, f.doc, &text, &len)) != AX_OK ||
	    (*st = coding_list(x->p, &f, &x->c, &x->nc)) != AX_OK) {
		free(text);
		return false;
	}
	filter_source(x);
	u = u8_to_u32((const uint8_t *)text, len, NULL, &ulen);
	x->nchars = (int64_t)ulen;
	x->npara = 1;
	for (i = 0; i < ulen; i++)
		x->npara += u[i] == '\n';
	x->para = xmalloc(x->npara * sizeof *x->para);
	x->para[0] = 0;
	x->npara = 1;
	for (i = 0; i < ulen; i++)
		if (u[i] == '\n')
			x->para[x->npara++] = (int64_t)i + 1;
	eval(x, q, &r);
	for (i = 0; i < r.n && go; i++) {
		struct query_hit h;

		h.doc = f.doc;
		h.start = r.v[i].s;
		h.end = r.v[i].e;
		while (h.start < h.end && is_blank(u[h.start]))
			h.start++;
		while (h.end > h.start && is_blank(u[h.end - 1]))
			h.end--;
		if (h.start == h.end)
			continue;
		h.para = (int64_t)para_of(x, h.start) + 1;
		h.text = text;
		h.len = len;
		any = true;
		if (stats->hits >= x->o->offset && (x->o->limit == 0 ||
		    stats->hits < x->o->offset + x->o->limit))
			go = cb(arg, &h);
		stats->hits++;
	}
	stats->docs += any;
	ivs_done(x, &r);
	free(x->para);
	x->para = NULL;
	free(x->c);
	x->c = NULL;
	free(u);
	free(text);
	return go;
}

enum ax_status
query_run(struct project *p, const struct qx_node *q,
    const struct query_opts *o, query_cb cb, void *arg,
    struct query_stats *stats, char **err, size_t *col)
{
	struct ctx x;
	struct query_stats mine;
	struct qx_node all;
	struct node *tree = NULL;
	size_t ntree = 0, i;
	enum ax_status st;

	memset(&x, 0, sizeof x);
	memset(&all, 0, sizeof all);
	if (stats == NULL)
		stats = &mine;
	memset(stats, 0, sizeof *stats);
	*err = NULL;
	*col = 0;
	x.p = p;
	x.o = o;
	if (!build_where(&x)) {
		st = AX_ERR_INPUT;
		goto out;
	}
	if ((st = load_docs(&x)) != AX_OK || (st = load_skip(&x)) != AX_OK ||
	    (st = codetree_load(p, &tree, &ntree)) != AX_OK) {
		x.err = xstrdup(project_errmsg(p));
		goto out;
	}
	if (!resolve(&x, q, tree, ntree) || !resolve(&x, x.where, tree, ntree)) {
		st = AX_ERR_NOTFOUND;
		goto out;
	}
	if (x.where != NULL) {
		all.kind = QX_AND;
		all.a = x.where;
		all.b = (struct qx_node *)q;
		q = &all;
	}
	for (x.di = 0; x.di < x.ndocs; x.di++)
		if (!run_doc(&x, q, cb, arg, stats, &st))
			break;
	if (st != AX_OK)
		x.err = xstrdup(project_errmsg(p));
out:
	stats->peak = x.peak;
	*err = x.err;
	*col = x.errcol;
	for (i = 0; i < x.nleaves; i++) {
		free(x.leaves[i].codes);
		free(x.leaves[i].key);
		free(x.leaves[i].val);
	}
	free(x.leaves);
	qx_free(x.where);
	for (i = 0; i < x.ndocs; i++)
		doc_attr_list_free(x.attrs[i], x.nattrs[i]);
	doc_list_free(x.docs, x.ndocs);
	free(x.attrs);
	free(x.nattrs);
	free(x.skip);
	codetree_free(tree, ntree);
	return st;
}

char *
query_quote(const char *text, size_t len, int64_t start, int64_t end,
    size_t max)
{
	const uint8_t *s = (const uint8_t *)text, *e = s + len;
	struct buf b = {0};
	int64_t i = 0;
	ucs4_t uc;
	int n;

	while (s < e && i < end) {
		n = u8_mbtouc(&uc, s, (size_t)(e - s));
		if (n < 1)
			n = 1;
		if (i >= start) {
			if (b.len + (size_t)n > max) {
				buf_puts(&b, "…");
				break;
			}
			if (uc == '\n')
				buf_putc(&b, ' ');
			else
				buf_add(&b, s, (size_t)n);
		}
		s += n;
		i++;
	}
	if (b.s == NULL)
		return xstrdup("");
	return buf_take(&b);
}

/* The lines of s, each a copy, in *out. */
static size_t
split_lines(const char *s, char ***out)
{
	size_t n = 0, cap = 0;
	const char *e;

	*out = NULL;
	for (; *s != '\0'; s = *e ? e + 1 : e) {
		e = strchr(s, '\n');
		if (e == NULL)
			e = s + strlen(s);
		if (e == s)
			continue;
		*out = xgrow(*out, &cap, n + 1, sizeof **out);
		(*out)[n++] = xstrndup(s, (size_t)(e - s));
	}
	return n;
}

enum ax_status
query_opts_saved(struct project *p, const struct saved_query *s,
    struct query_opts *o)
{
	char **docs;
	int64_t *ids;
	size_t n, i;
	enum ax_status st = AX_OK;

	memset(o, 0, sizeof *o);
	o->nwhere = split_lines(s->where, (char ***)&o->where);
	n = split_lines(s->docs, &docs);
	ids = n ? xcalloc(n, sizeof *ids) : NULL;
	for (i = 0; i < n; i++)
		if (st == AX_OK)
			st = doc_find(p, docs[i], &ids[i]);
	for (i = 0; i < n; i++)
		free(docs[i]);
	free(docs);
	o->docs = ids;
	o->ndocs = n;
	if (st == AX_OK && s->source[0] != '\0')
		st = coder_find(p, s->source, &o->coder);
	if (st != AX_OK)
		query_opts_free(o);
	return st;
}

void
query_opts_free(struct query_opts *o)
{
	size_t i;

	for (i = 0; i < o->nwhere; i++)
		free((char *)o->where[i]);
	free((char **)o->where);
	free((int64_t *)o->docs);
	memset(o, 0, sizeof *o);
}
