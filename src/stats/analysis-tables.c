/*
 * analysis-tables.c: per-code counts, the coding table of a paradigm slot,
 * the open-coding sample, frequency matrices, co-occurrence and the
 * codebook. Definitions: src/stats/analysis.h.
 */
#include <stdlib.h>
#include <string.h>

#include "stats/analysis.h"

static bool
coder_ok(const struct coding *c, int64_t coder)
{
	return coder == 0 || c->coder == coder;
}

struct an_count *
an_code_counts(const struct an_project *a, int64_t coder)
{
	struct an_count *cnt = xcalloc(a->nnodes + 1, sizeof *cnt);
	int64_t *last = xcalloc(a->nnodes + 1, sizeof *last);
	size_t k;

	for (k = 0; k < a->ncodings; k++) {
		const struct coding *c = &a->codings[k];
		long i;

		if (!coder_ok(c, coder) || (i = an_node_index(a, c->node)) < 0)
			continue;
		cnt[i].ncodings++;
		if (last[i] != c->doc) {	/* codings come grouped by document */
			last[i] = c->doc;
			cnt[i].ndocs++;
		}
	}
	free(last);
	return cnt;
}

/*
 * The names of the categories strictly between top and node i joined by
 * sep (top itself first when with_top); owned.
 */
static char *
sub_chain(const struct an_project *a, size_t i, size_t top, bool with_top,
    const char *sep)
{
	size_t chain[64], n = 0;
	struct buf b = {0};
	long up = an_node_index(a, a->nodes[i].parent);

	while (up >= 0 && (size_t)up != top && n < AX_ARRAY_LEN(chain)) {
		chain[n++] = (size_t)up;
		up = an_node_index(a, a->nodes[up].parent);
	}
	buf_puts(&b, "");
	if (with_top) {
		buf_puts(&b, a->nodes[top].name);
		if (n > 0)
			buf_puts(&b, sep);
	}
	while (n > 0) {
		buf_puts(&b, a->nodes[chain[--n]].name);
		if (n > 0)
			buf_puts(&b, sep);
	}
	return buf_take(&b);
}

void
an_slot_table(const struct an_project *a, enum paradigm_role role,
    int64_t coder, struct an_slot_table *t)
{
	struct an_count *cnt = an_code_counts(a, coder);
	size_t i, cap = 0;

	memset(t, 0, sizeof *t);
	t->role = role;
	for (i = 0; i < a->nnodes; i++) {
		const struct node *nd = &a->nodes[i];
		size_t top;

		if (nd->parent == 0 && nd->kind == NODE_CATEGORY && nd->role == role)
			t->ncategories++;
		if (nd->kind != NODE_CODE)
			continue;
		top = an_node_top(a, i);
		if (a->nodes[top].role != role)
			continue;
		t->rows = xgrow(t->rows, &cap, t->nrows + 1, sizeof *t->rows);
		t->rows[t->nrows].main = top;
		t->rows[t->nrows].code = i;
		t->rows[t->nrows].sub = top == i ? xstrdup("") :
		    sub_chain(a, i, top, false, " / ");
		t->rows[t->nrows].ncodings = cnt[i].ncodings;
		t->rows[t->nrows].ndocs = cnt[i].ndocs;
		t->nrows++;
	}
	free(cnt);
}

void
an_slot_table_done(struct an_slot_table *t)
{
	size_t i;

	for (i = 0; i < t->nrows; i++)
		free(t->rows[i].sub);
	free(t->rows);
	memset(t, 0, sizeof *t);
}

/* A sample row's place in document order (ties in row order). */
struct at_doc {
	size_t doc, row;
};

static int
at_doc_cmp(const void *x, const void *y)
{
	const struct at_doc *u = x, *v = y;

	if (u->doc != v->doc)
		return u->doc < v->doc ? -1 : 1;
	return (u->row > v->row) - (u->row < v->row);
}

/* The node index of c's code when c is a code's coding by coder in a
 * document of the snapshot, else -1; *d: the document's index. */
static long
sample_node(const struct an_project *a, const struct coding *c, int64_t coder,
    long *d)
{
	long n;

	if (!coder_ok(c, coder) || (*d = an_doc_index(a, c->doc)) < 0 ||
	    (n = an_node_index(a, c->node)) < 0 || a->nodes[n].kind != NODE_CODE)
		return -1;
	return n;
}

/*
 * Two passes over the codings pick each code's first per_code (a count,
 * then the rows in tree order); the quotes are then cut document by
 * document, so a lean snapshot reads each text once.
 */
void
an_sample(const struct an_project *a, int64_t coder, size_t per_code,
    struct an_sample *s)
{
	size_t *got = xcalloc(a->nnodes + 1, sizeof *got);
	size_t *at = xcalloc(a->nnodes + 1, sizeof *at);
	struct at_doc *order;
	size_t i, k;
	long n, d;

	memset(s, 0, sizeof *s);
	for (k = 0; k < a->ncodings; k++)
		if ((n = sample_node(a, &a->codings[k], coder, &d)) >= 0 &&
		    got[n] < per_code)
			got[n]++;
	for (i = 0; i < a->nnodes; i++) {
		at[i] = s->nrows;
		s->nrows += got[i];
	}
	s->rows = xcalloc(s->nrows + 1, sizeof *s->rows);
	order = xcalloc(s->nrows + 1, sizeof *order);
	for (k = 0; k < a->ncodings; k++) {
		struct an_sample_row *r;

		if ((n = sample_node(a, &a->codings[k], coder, &d)) < 0 ||
		    got[n] == 0)
			continue;
		got[n]--;
		order[at[n]].doc = (size_t)d;
		order[at[n]].row = at[n];
		r = &s->rows[at[n]++];
		r->code = (size_t)n;
		r->doc = (size_t)d;
		r->coding = &a->codings[k];
	}
	if (s->nrows > 0)
		qsort(order, s->nrows, sizeof *order, at_doc_cmp);
	for (i = 0; i < s->nrows; i++) {
		struct an_sample_row *r = &s->rows[order[i].row];

		r->quote = an_coding_quote(a, r->coding);
		r->paragraph = an_paragraph_of(a, r->doc, r->coding->start);
	}
	free(order);
	free(at);
	free(got);
}

void
an_sample_done(struct an_sample *s)
{
	size_t i;

	for (i = 0; i < s->nrows; i++)
		free(s->rows[i].quote);
	free(s->rows);
	memset(s, 0, sizeof *s);
}

void
an_freq(const struct an_project *a, enum an_freq_by by, int64_t coder,
    struct an_freq *f)
{
	long *rowof = xcalloc(a->nnodes + 1, sizeof *rowof);
	long *colof;
	size_t i, k, ncand;

	memset(f, 0, sizeof *f);
	f->by = by;
	f->row_node = xcalloc(a->nnodes + 1, sizeof *f->row_node);
	for (i = 0; i < a->nnodes; i++) {
		rowof[i] = -1;
		if (a->nodes[i].kind == NODE_CODE) {
			rowof[i] = (long)f->nrows;
			f->row_node[f->nrows++] = i;
		}
	}
	ncand = by == AN_FREQ_DOCUMENT ? a->ndocs : a->ncoders;
	colof = xcalloc(ncand + 1, sizeof *colof);
	f->col = xcalloc(ncand + 1, sizeof *f->col);
	for (i = 0; i < ncand; i++) {
		bool used = by == AN_FREQ_DOCUMENT;

		colof[i] = -1;
		if (by == AN_FREQ_CODER) {
			if (coder != 0 && a->coders[i].id != coder)
				continue;
			for (k = 0; k < a->ncodings && !used; k++)
				used = a->codings[k].coder == a->coders[i].id;
		}
		if (used) {
			colof[i] = (long)f->ncols;
			f->col[f->ncols++] = i;
		}
	}
	f->cell = xcalloc(f->nrows * f->ncols + 1, sizeof *f->cell);
	f->row_total = xcalloc(f->nrows + 1, sizeof *f->row_total);
	f->col_total = xcalloc(f->ncols + 1, sizeof *f->col_total);
	for (k = 0; k < a->ncodings; k++) {
		const struct coding *c = &a->codings[k];
		long n = an_node_index(a, c->node), col;

		if (!coder_ok(c, coder) || n < 0 || rowof[n] < 0)
			continue;
		col = by == AN_FREQ_DOCUMENT ? an_doc_index(a, c->doc) :
		    an_coder_index(a, c->coder);
		if (col < 0 || colof[col] < 0)
			continue;
		f->cell[(size_t)rowof[n] * f->ncols + (size_t)colof[col]]++;
		f->row_total[rowof[n]]++;
		f->col_total[colof[col]]++;
		f->total++;
	}
	free(rowof);
	free(colof);
}

void
an_freq_done(struct an_freq *f)
{
	free(f->row_node);
	free(f->col);
	free(f->cell);
	free(f->row_total);
	free(f->col_total);
	memset(f, 0, sizeof *f);
}

/* A (coder, paragraph, code) unit for paragraph co-occurrence. */
struct unit {
	int64_t coder;
	long para;
	size_t code;
};

static int
unit_cmp(const void *x, const void *y)
{
	const struct unit *u = x, *v = y;

	if (u->coder != v->coder)
		return u->coder < v->coder ? -1 : 1;
	if (u->para != v->para)
		return u->para < v->para ? -1 : 1;
	if (u->code != v->code)
		return u->code < v->code ? -1 : 1;
	return 0;
}

static void
cooc_paragraph(const struct an_project *a, const long *mof, size_t d,
    const struct coding *first, size_t ng, int64_t coder, struct an_cooc *c)
{
	struct unit *u = NULL;
	size_t nu = 0, cap = 0, i, j, g0;

	for (i = 0; i < ng; i++) {
		const struct coding *x = &first[i];
		long n = an_node_index(a, x->node), p, p1, p2;

		if (!coder_ok(x, coder) || n < 0 || mof[n] < 0)
			continue;
		p1 = an_paragraph_of(a, d, x->start);
		p2 = an_paragraph_of(a, d, x->end - 1);
		for (p = p1; p <= p2; p++) {
			u = xgrow(u, &cap, nu + 1, sizeof *u);
			u[nu].coder = x->coder;
			u[nu].para = p;
			u[nu].code = (size_t)mof[n];
			nu++;
		}
	}
	if (nu > 0)
		qsort(u, nu, sizeof *u, unit_cmp);
	/* drop duplicates: a code applied twice in one paragraph is one unit */
	for (i = j = 0; i < nu; i++)
		if (j == 0 || unit_cmp(&u[i], &u[j - 1]) != 0)
			u[j++] = u[i];
	nu = j;
	for (g0 = 0; g0 < nu; g0 = i) {
		for (i = g0; i < nu && u[i].coder == u[g0].coder &&
		    u[i].para == u[g0].para; i++)
			c->m[u[i].code * c->n + u[i].code]++;
		for (j = g0; j < i; j++) {
			size_t k;

			for (k = j + 1; k < i; k++) {
				c->m[u[j].code * c->n + u[k].code]++;
				c->m[u[k].code * c->n + u[j].code]++;
			}
		}
	}
	free(u);
}

static void
cooc_overlap(const struct an_project *a, const long *mof,
    const struct coding *first, size_t ng, int64_t coder, struct an_cooc *c)
{
	size_t i, j;

	for (i = 0; i < ng; i++) {
		const struct coding *x = &first[i];
		long n = an_node_index(a, x->node);

		if (!coder_ok(x, coder) || n < 0 || mof[n] < 0)
			continue;
		c->m[(size_t)mof[n] * c->n + (size_t)mof[n]]++;
		for (j = i + 1; j < ng; j++) {
			const struct coding *y = &first[j];
			long m = an_node_index(a, y->node);

			if (y->coder != x->coder || m < 0 || mof[m] < 0 ||
			    m == n || !(x->start < y->end && y->start < x->end))
				continue;
			c->m[(size_t)mof[n] * c->n + (size_t)mof[m]]++;
			c->m[(size_t)mof[m] * c->n + (size_t)mof[n]]++;
		}
	}
}

void
an_cooc(const struct an_project *a, enum an_cooc_unit unit, int64_t coder,
    struct an_cooc *c)
{
	struct an_count *cnt = an_code_counts(a, coder);
	long *mof = xcalloc(a->nnodes + 1, sizeof *mof);
	size_t i, g0;

	memset(c, 0, sizeof *c);
	c->unit = unit;
	c->node = xcalloc(a->nnodes + 1, sizeof *c->node);
	for (i = 0; i < a->nnodes; i++) {
		mof[i] = -1;
		if (a->nodes[i].kind == NODE_CODE && cnt[i].ncodings > 0) {
			mof[i] = (long)c->n;
			c->node[c->n++] = i;
		}
	}
	c->m = xcalloc(c->n * c->n + 1, sizeof *c->m);
	for (g0 = 0; g0 < a->ncodings; g0 = i) {
		long d = an_doc_index(a, a->codings[g0].doc);

		for (i = g0; i < a->ncodings && a->codings[i].doc == a->codings[g0].doc; i++)
			;
		if (d < 0)
			continue;
		if (unit == AN_COOC_OVERLAP)
			cooc_overlap(a, mof, &a->codings[g0], i - g0, coder, c);
		else
			cooc_paragraph(a, mof, (size_t)d, &a->codings[g0], i - g0,
			    coder, c);
	}
	free(mof);
	free(cnt);
}

void
an_cooc_done(struct an_cooc *c)
{
	free(c->node);
	free(c->m);
	memset(c, 0, sizeof *c);
}

/* For node index i, the coders (of the selected) who applied it: one pass
 * over the codings, not one per code. The caller frees it. */
static size_t *
code_coders(const struct an_project *a, int64_t coder)
{
	size_t *n = xcalloc(a->nnodes + 1, sizeof *n), k;
	bool *seen = xcalloc(a->nnodes * a->ncoders + 1, sizeof *seen);

	for (k = 0; k < a->ncodings; k++) {
		const struct coding *c = &a->codings[k];
		long i, ci;

		if (!coder_ok(c, coder) || (i = an_node_index(a, c->node)) < 0 ||
		    (ci = an_coder_index(a, c->coder)) < 0 ||
		    seen[(size_t)i * a->ncoders + (size_t)ci])
			continue;
		seen[(size_t)i * a->ncoders + (size_t)ci] = true;
		n[i]++;
	}
	free(seen);
	return n;
}

void
an_codebook(const struct an_project *a, int64_t coder, struct an_codebook *cb)
{
	struct an_count *cnt = an_code_counts(a, coder);
	size_t *ncoders = code_coders(a, coder);
	size_t i, k, cap = 0;

	memset(cb, 0, sizeof *cb);
	for (i = 0; i < a->nnodes; i++) {
		struct an_codebook_row *r;
		struct buf b = {0};
		size_t top;

		if (a->nodes[i].kind != NODE_CODE)
			continue;
		cb->rows = xgrow(cb->rows, &cap, cb->nrows + 1, sizeof *cb->rows);
		r = &cb->rows[cb->nrows++];
		memset(r, 0, sizeof *r);
		r->node = i;
		top = an_node_top(a, i);
		r->path = top == i ? xstrdup("") : sub_chain(a, i, top, true, "/");
		buf_puts(&b, "");
		for (k = 0; k < a->nmemos; k++) {
			const struct memo *m = &a->memos[k];

			if (m->target != MEMO_NODE || m->target_id != a->nodes[i].id)
				continue;
			if (r->nmemos++ > 0)
				buf_puts(&b, "\n\n");
			if (m->title != NULL && *m->title)
				buf_printf(&b, "%s: ", m->title);
			buf_puts(&b, m->body != NULL ? m->body : "");
		}
		r->memos = buf_take(&b);
		r->ncodings = cnt[i].ncodings;
		r->ndocs = cnt[i].ndocs;
		r->ncoders = ncoders[i];
	}
	free(ncoders);
	free(cnt);
}

void
an_codebook_done(struct an_codebook *cb)
{
	size_t i;

	for (i = 0; i < cb->nrows; i++) {
		free(cb->rows[i].path);
		free(cb->rows[i].memos);
	}
	free(cb->rows);
	memset(cb, 0, sizeof *cb);
}
