/*
 * analysis-core.c: the project snapshot the analyses read (an_load) and the
 * small lookups and text helpers they share. See src/stats/analysis.h.
 */
#include <assert.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <fribidi.h>
#include <unistr.h>
#include <uniwidth.h>

#include "stats/analysis.h"
#include "store/blind.h"
#include "stats/retest.h"
#include "base/textin.h"

/*
 * The document last quoted or asked for a paragraph: its text (read for
 * it, under a lean snapshot; else the snapshot's) and, once a paragraph
 * is asked for, its line breaks. The analyses go document by document, so
 * one is enough, and a paragraph costs a search, not a walk of the text.
 */
struct an_lines {
	long doc;		/* document index, or -1 */
	char *text;		/* owned when the snapshot is lean */
	size_t len;
	size_t *nl;		/* per '\n' byte, the code point holding it */
	size_t nnl;
	bool indexed;
	enum ax_status status;	/* the first text that could not be read */
};

static void
an_zero(struct an_project *a)
{
	memset(a, 0, sizeof *a);
}

static int
id_cmp(const void *x, const void *y)
{
	const struct an_id_index *p = x, *q = y;

	return p->id < q->id ? -1 : p->id > q->id;
}

/*
 * A sorted id -> index table over n records of `size` bytes whose int64_t
 * id sits at offset `off`.
 */
static struct an_id_index *
id_index(const void *arr, size_t n, size_t size, size_t off)
{
	struct an_id_index *ix = xcalloc(n + 1, sizeof *ix);
	size_t i;

	for (i = 0; i < n; i++) {
		memcpy(&ix[i].id, (const char *)arr + i * size + off, sizeof ix[i].id);
		ix[i].index = (long)i;
	}
	if (n > 0)
		qsort(ix, n, sizeof *ix, id_cmp);
	return ix;
}

static long
id_lookup(const struct an_id_index *ix, size_t n, int64_t id)
{
	struct an_id_index key = {id, 0};
	const struct an_id_index *hit;

	if (ix == NULL || n == 0)
		return -1;
	hit = bsearch(&key, ix, n, sizeof *ix, id_cmp);
	return hit != NULL ? hit->index : -1;
}

/*
 * Second coding passes (retest.h) are reliability checks of a coder, not
 * another researcher: leave them out of every analysis (their codings are
 * then never read: load_codings reads the snapshot's coders' alone).
 */
static void
drop_retest_passes(struct an_project *a)
{
	size_t i, k;

	for (i = k = 0; i < a->ncoders; i++) {
		if (!retest_is_pass(a->coders[i].login))
			a->coders[k++] = a->coders[i];
		else
			coder_list_free_one(&a->coders[i]);
	}
	a->ncoders = k;
}

/*
 * While a blind session hides the others' work the reader's codings are all
 * the data layer gives (blind.h); the reader is then the only coder a table
 * may name or count, so no source, column or file names another.
 */
static void
drop_hidden_coders(struct project *p, struct an_project *a)
{
	int64_t vis = blind_visible_coder(p);
	size_t i, k;

	if (vis == 0)
		return;
	for (i = k = 0; i < a->ncoders; i++) {
		if (a->coders[i].id == vis)
			a->coders[k++] = a->coders[i];
		else
			coder_list_free_one(&a->coders[i]);
	}
	a->ncoders = k;
}

/* coded[i]: the codings of coders[i] the reader may see, from the store's
 * counts (no coding read). */
static enum ax_status
count_coded(struct project *p, struct an_project *a)
{
	struct coding_count *c = NULL;
	size_t n = 0, i;
	enum ax_status st;
	long k;

	if ((st = coding_counts(p, &c, &n)) != AX_OK)
		return st;
	a->coded = xcalloc(a->ncoders + 1, sizeof *a->coded);
	for (i = 0; i < n; i++)
		if ((k = an_coder_index(a, c[i].coder)) >= 0)
			a->coded[k] += c[i].n;
	free(c);
	return AX_OK;
}

/* Leaves out of the evidence the codings the snapshot does not hold. */
static void
evidence_held(struct an_project *a)
{
	size_t i, j, k;

	for (i = 0; a->evidence != NULL && i < a->nlinks; i++) {
		struct an_evidence *e = &a->evidence[i];

		for (j = k = 0; j < e->n; j++)
			if (an_coding_index(a, e->codings[j]) >= 0)
				e->codings[k++] = e->codings[j];
		e->n = k;
	}
}

/*
 * The links, their types and evidence, and the core category. Evidence is
 * kept only where the snapshot holds the coding, so every count made from
 * it follows the coders the analyses see.
 */
static enum ax_status
load_links(struct project *p, struct an_project *a)
{
	enum ax_status st;
	size_t i;

	if ((st = link_list(p, 0, &a->links, &a->nlinks)) != AX_OK ||
	    (st = link_type_list(p, &a->ltypes, &a->nltypes)) != AX_OK ||
	    (st = link_core_get(p, &a->core)) != AX_OK)
		return st;
	a->evidence = xcalloc(a->nlinks + 1, sizeof *a->evidence);
	for (i = 0; i < a->nlinks; i++) {
		struct an_evidence *e = &a->evidence[i];

		if ((st = link_evidence_list(p, a->links[i].id, &e->codings,
		    &e->n)) != AX_OK)
			return st;
	}
	evidence_held(a);
	return AX_OK;
}

/* Whether the codings of coder are read: the snapshot's coders (no
 * second pass, no hidden coder), of coders[0..n) when coders is given. */
static bool
coder_wanted(const struct an_project *a, int64_t coder,
    const int64_t *coders, size_t n)
{
	size_t j;

	if (an_coder_index(a, coder) < 0)
		return false;
	for (j = 0; coders != NULL && j < n && coders[j] != coder; j++)
		;
	return coders == NULL || j < n;
}

/*
 * The wanted codings, in interview order then by span: a document at a
 * time, each in its index's order (one coder's alone by its own query).
 * One query for all of them sorted by the document's position held a
 * second copy of every coding in SQLite's sorter (temp_store is memory):
 * 110 MB at 1.2 million codings; and a report that counts one coder's
 * need not hold the others' (half of it with two coders).
 */
static enum ax_status
load_codings(struct project *p, struct an_project *a, const int64_t *coders,
    size_t ncoders)
{
	struct coding_filter f = {0, 0, 0};
	struct coding *v;
	size_t i, k, n, cap = 0;
	enum ax_status st;

	assert(a->ncodings == 0 && a->coded != NULL);
	if (coders != NULL && ncoders == 1)
		f.coder = coders[0];
	for (i = 0; i < a->ndocs; i++) {
		f.doc = a->docs[i].id;
		if ((st = coding_list(p, &f, &v, &n)) != AX_OK)
			return st;
		a->codings = xgrow(a->codings, &cap, a->ncodings + n + 1,
		    sizeof *a->codings);
		for (k = 0; k < n; k++)
			if (coder_wanted(a, v[k].coder, coders, ncoders))
				a->codings[a->ncodings++] = v[k];
		free(v);
	}
	/* no room left: the snapshot stays as read */
	a->codings = xrealloc(a->codings, (a->ncodings + 1) * sizeof *a->codings);
	a->ix_coding = id_index(a->codings, a->ncodings, sizeof *a->codings,
	    offsetof(struct coding, id));
	return load_links(p, a);
}

static enum ax_status
load(struct project *p, bool texts, bool codings, struct an_project *a)
{
	enum ax_status st;
	size_t i;
	char *title;

	an_zero(a);
	a->p = p;
	a->lines = xcalloc(1, sizeof *a->lines);
	a->lines->doc = -1;
	if ((st = doc_list(p, &a->docs, &a->ndocs)) != AX_OK)
		goto fail;
	if (texts) {
		a->texts = xcalloc(a->ndocs + 1, sizeof *a->texts);
		a->textlens = xcalloc(a->ndocs + 1, sizeof *a->textlens);
	}
	a->attrs = xcalloc(a->ndocs + 1, sizeof *a->attrs);
	a->nattrs = xcalloc(a->ndocs + 1, sizeof *a->nattrs);
	for (i = 0; i < a->ndocs; i++) {
		if (texts && (st = doc_text(p, a->docs[i].id, &a->texts[i],
		    &a->textlens[i])) != AX_OK)
			goto fail;
		if ((st = doc_attr_list(p, a->docs[i].id, &a->attrs[i],
		    &a->nattrs[i])) != AX_OK)
			goto fail;
	}
	if ((st = codetree_load(p, &a->nodes, &a->nnodes)) != AX_OK ||
	    (st = coder_list(p, &a->coders, &a->ncoders)) != AX_OK ||
	    (st = memo_list(p, MEMO_FREE, -1, &a->memos, &a->nmemos)) != AX_OK)
		goto fail;
	drop_hidden_coders(p, a);
	drop_retest_passes(a);
	a->ix_doc = id_index(a->docs, a->ndocs, sizeof *a->docs,
	    offsetof(struct doc_info, id));
	a->ix_node = id_index(a->nodes, a->nnodes, sizeof *a->nodes,
	    offsetof(struct node, id));
	a->ix_coder = id_index(a->coders, a->ncoders, sizeof *a->coders,
	    offsetof(struct coder, id));
	title = project_setting(p, "title");
	a->title = title != NULL ? title : xstrdup("");
	if ((st = count_coded(p, a)) != AX_OK ||
	    (codings && (st = load_codings(p, a, NULL, 0)) != AX_OK))
		goto fail;
	return AX_OK;
fail:
	an_done(a);
	return st;
}

enum ax_status
an_load(struct project *p, struct an_project *a)
{
	return load(p, true, true, a);
}

enum ax_status
an_load_lean(struct project *p, struct an_project *a)
{
	return load(p, false, true, a);
}

enum ax_status
an_load_lean_uncoded(struct project *p, struct an_project *a)
{
	return load(p, false, false, a);
}

enum ax_status
an_load_codings(struct an_project *a, const int64_t *coders, size_t n)
{
	enum ax_status st = load_codings(a->p, a, coders, n);

	if (st != AX_OK)
		an_done(a);
	return st;
}

enum ax_status
an_text_status(const struct an_project *a)
{
	return a->lines != NULL ? a->lines->status : AX_OK;
}

/* Forgets the document held (its text too when the snapshot read it). */
static void
lines_reset(const struct an_project *a)
{
	struct an_lines *l = a->lines;

	if (a->texts == NULL)
		free(l->text);
	free(l->nl);
	l->text = NULL;
	l->nl = NULL;
	l->len = l->nnl = 0;
	l->indexed = false;
	l->doc = -1;
}

/* Document index d held: its text, read if the snapshot is lean. */
static struct an_lines *
lines_of(const struct an_project *a, size_t d)
{
	struct an_lines *l = a->lines;
	enum ax_status st;

	if (l->doc == (long)d)
		return l;
	lines_reset(a);
	l->doc = (long)d;
	if (a->texts != NULL) {
		l->text = a->texts[d];
		l->len = a->textlens[d];
	} else if ((st = doc_text(a->p, a->docs[d].id, &l->text, &l->len)) !=
	    AX_OK) {
		if (l->status == AX_OK)
			l->status = st;
		l->text = xstrdup("");
		l->len = 0;
	}
	return l;
}

/*
 * The line breaks of l's text by the code point whose step holds them,
 * stepping as textin_cp_to_byte does: a paragraph is then one more than
 * the breaks before its code point, whatever bytes the text holds.
 */
static void
lines_index(struct an_lines *l)
{
	const uint8_t *q = (const uint8_t *)l->text, *end = q + l->len;
	size_t cap = 0, cp = 0;
	ucs4_t c;

	for (; q < end; cp++) {
		int k = u8_mbtouc(&c, q, (size_t)(end - q));

		for (; k > 0; k--, q++)
			if (*q == '\n') {
				l->nl = xgrow(l->nl, &cap, l->nnl + 1, sizeof *l->nl);
				l->nl[l->nnl++] = cp;
			}
	}
	l->indexed = true;
}

void
an_keep_codings(struct an_project *a, const int64_t *coders, size_t n)
{
	size_t i, j, k;

	for (i = k = 0; i < a->ncodings; i++) {
		for (j = 0; j < n && coders[j] != a->codings[i].coder; j++)
			;
		if (j < n)
			a->codings[k++] = a->codings[i];
	}
	a->ncodings = k;
	a->codings = xrealloc(a->codings, (k + 1) * sizeof *a->codings);
	free(a->ix_coding);
	a->ix_coding = id_index(a->codings, a->ncodings, sizeof *a->codings,
	    offsetof(struct coding, id));
	evidence_held(a);
}

void
an_done(struct an_project *a)
{
	size_t i;

	if (a->lines != NULL)
		lines_reset(a);
	free(a->lines);

	for (i = 0; i < a->ndocs; i++) {
		if (a->texts != NULL)
			free(a->texts[i]);
		if (a->attrs != NULL)
			doc_attr_list_free(a->attrs[i], a->nattrs[i]);
	}
	free(a->texts);
	free(a->textlens);
	free(a->attrs);
	free(a->nattrs);
	doc_list_free(a->docs, a->ndocs);
	codetree_free(a->nodes, a->nnodes);
	coder_list_free(a->coders, a->ncoders);
	free(a->codings);
	memo_list_free(a->memos, a->nmemos);
	for (i = 0; a->evidence != NULL && i < a->nlinks; i++)
		free(a->evidence[i].codings);
	free(a->evidence);
	link_list_free(a->links, a->nlinks);
	link_type_list_free(a->ltypes, a->nltypes);
	free(a->title);
	free(a->ix_doc);
	free(a->ix_node);
	free(a->ix_coder);
	free(a->ix_coding);
	free(a->coded);
	an_zero(a);
}

long
an_doc_index(const struct an_project *a, int64_t doc)
{
	return id_lookup(a->ix_doc, a->ndocs, doc);
}

long
an_node_index(const struct an_project *a, int64_t node)
{
	return id_lookup(a->ix_node, a->nnodes, node);
}

long
an_coder_index(const struct an_project *a, int64_t coder)
{
	return id_lookup(a->ix_coder, a->ncoders, coder);
}

long
an_coding_index(const struct an_project *a, int64_t coding)
{
	return id_lookup(a->ix_coding, a->ncodings, coding);
}

const struct link_type *
an_link_type(const struct an_project *a, int64_t type)
{
	size_t i;

	for (i = 0; i < a->nltypes; i++)	/* a handful: no index */
		if (a->ltypes[i].id == type)
			return &a->ltypes[i];
	return NULL;
}

const struct memo *
an_memo(const struct an_project *a, int64_t memo)
{
	size_t i;

	for (i = 0; i < a->nmemos; i++)
		if (a->memos[i].id == memo)
			return &a->memos[i];
	return NULL;
}

size_t
an_node_top(const struct an_project *a, size_t i)
{
	while (a->nodes[i].parent != 0) {
		long up = an_node_index(a, a->nodes[i].parent);

		if (up < 0)
			break;
		i = (size_t)up;
	}
	return i;
}

char *
an_coding_quote(const struct an_project *a, const struct coding *c)
{
	long d = an_doc_index(a, c->doc);
	const char *s;
	size_t len, x, y;

	if (d < 0)
		return xstrdup("");
	s = lines_of(a, (size_t)d)->text;
	len = a->lines->len;
	textin_cp_span(s, len, (size_t)c->start, (size_t)c->end, &x, &y);
	return xstrndup(s + x, y - x);
}

long
an_paragraph_of(const struct an_project *a, size_t d, int64_t cp)
{
	struct an_lines *l = lines_of(a, d);
	size_t lo = 0, hi, mid;

	if (!l->indexed)
		lines_index(l);
	/* the breaks held by the code points before cp */
	for (hi = l->nnl; lo < hi; )
		if (l->nl[mid = lo + (hi - lo) / 2] < (size_t)cp)
			lo = mid + 1;
		else
			hi = mid;
	return (long)lo + 1;
}

bool
an_text_rtl(const char *s)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t n = strlen(s);

	while (n > 0) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, n);
		FriBidiCharType t = fribidi_get_bidi_type((FriBidiChar)c);

		if (FRIBIDI_IS_STRONG(t) && FRIBIDI_IS_LETTER(t))
			return FRIBIDI_IS_RTL(t);
		p += k;
		n -= (size_t)k;
	}
	return false;
}

int
an_text_width(const char *s)
{
	int w = u8_strwidth((const uint8_t *)s, "UTF-8");

	return w < 0 ? 0 : w;
}
