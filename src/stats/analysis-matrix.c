/*
 * analysis-matrix.c: codes or categories against attribute values,
 * documents or codes (an_matrix). Definitions: src/stats/analysis.h and
 * docs/matrices.md.
 *
 * Everything but the code x code matrices is built from one codes x
 * documents table of coding counts, an_freq's: a row's segments in a
 * document are the sum of its codes' counts there, and a cell sums (or,
 * counting documents, counts the non-zero) documents of its column. The
 * code x code matrices are an_cooc's, or (documents) the documents where
 * both codes' counts are non-zero. Invariant: row_node, col_label and
 * col_ref hold nrows and ncols entries; cell nrows * ncols.
 */
#include <stdlib.h>
#include <string.h>

#include "stats/analysis.h"
#include "text/name.h"

/* Whether code node index k lies in row node index r (is it, or under it). */
static bool
under(const struct an_project *a, size_t k, size_t r)
{
	long i = (long)k;
	int guard = 0;

	while (i >= 0 && guard++ < 256) {
		if ((size_t)i == r)
			return true;
		i = an_node_index(a, a->nodes[i].parent);
	}
	return false;
}

/* The attribute whose key is want: as typed, then folded; or NULL and the
 * nearest key within two edits in *near. */
static const struct an_attribute *
find_attr(const struct an_demographics *d, const char *want, const char **near)
{
	char *fw = name_fold(want), *fk;
	size_t k, dist, best = 3;
	const struct an_attribute *hit = NULL;

	*near = NULL;
	for (k = 0; k < d->nattrs && hit == NULL; k++)
		if (strcmp(d->attrs[k].key, want) == 0)
			hit = &d->attrs[k];
	for (k = 0; k < d->nattrs && hit == NULL; k++) {
		fk = name_fold(d->attrs[k].key);
		if (strcmp(fk, fw) == 0)
			hit = &d->attrs[k];
		else if ((dist = name_distance(fk, fw, best - 1)) < best) {
			best = dist;
			*near = d->attrs[k].key;
		}
		free(fk);
	}
	free(fw);
	if (hit != NULL)
		*near = NULL;
	return hit;
}

/* The document columns: one per level of the attribute, or per document. */
static enum an_mx_status
doc_columns(const struct an_project *a, struct an_matrix *m, const char **near)
{
	const struct an_attribute *at;
	size_t d, j, l;

	m->doc_col = xcalloc(a->ndocs + 1, sizeof *m->doc_col);
	if (m->spec.cols == AN_MX_BY_DOC) {
		m->ncols = a->ndocs;
		m->col_label = xcalloc(a->ndocs + 1, sizeof *m->col_label);
		m->col_ref = xcalloc(a->ndocs + 1, sizeof *m->col_ref);
		for (d = 0; d < a->ndocs; d++) {
			m->col_label[d] = a->docs[d].name;
			m->col_ref[d] = d;
			m->doc_col[d] = (long)d;
		}
		return AN_MX_OK;
	}
	m->demo = xcalloc(1, sizeof *m->demo);
	an_demographics(a, m->demo);
	if ((at = find_attr(m->demo, m->spec.attr != NULL ? m->spec.attr : "",
	    near)) == NULL)
		return AN_MX_NO_ATTR;
	m->attr = at->key;
	m->ncols = at->nlevels;
	m->col_label = xcalloc(at->nlevels + 1, sizeof *m->col_label);
	m->col_ref = xcalloc(at->nlevels + 1, sizeof *m->col_ref);
	for (l = 0; l < at->nlevels; l++) {
		m->col_label[l] = at->levels[l].missing ? NULL : at->levels[l].value;
		m->col_ref[l] = l;
	}
	for (d = 0; d < a->ndocs; d++) {
		const char *v = NULL;

		for (j = 0; j < a->nattrs[d]; j++)
			if (strcmp(a->attrs[d][j].key, at->key) == 0)
				v = a->attrs[d][j].value;
		m->doc_col[d] = -1;
		for (l = 0; l < at->nlevels; l++)
			if (v == NULL ? at->levels[l].missing :
			    !at->levels[l].missing &&
			    strcmp(at->levels[l].value, v) == 0)
				m->doc_col[d] = (long)l;
	}
	return AN_MX_OK;
}

/*
 * Rows, then cells from the per-row, per-document segment counts (and the
 * union of the rows for the column totals).
 */
static void
doc_cells(const struct an_project *a, struct an_matrix *m)
{
	struct an_freq f;
	int64_t *rd, *ud;
	size_t r, k, d, nd = a->ndocs;
	bool docs = m->spec.count == AN_MX_DOCUMENTS;

	an_freq(a, AN_FREQ_DOCUMENT, m->spec.coder, &f);
	m->row_node = xcalloc(a->nnodes + 1, sizeof *m->row_node);
	for (k = 0; k < a->nnodes; k++)
		if (a->nodes[k].kind == (m->spec.rows == AN_MX_CODES ?
		    NODE_CODE : NODE_CATEGORY))
			m->row_node[m->nrows++] = k;
	rd = xcalloc(m->nrows * nd + 1, sizeof *rd);
	ud = xcalloc(nd + 1, sizeof *ud);
	for (k = 0; k < f.nrows; k++) {
		bool any = false;

		for (r = 0; r < m->nrows; r++) {
			if (!under(a, f.row_node[k], m->row_node[r]))
				continue;
			any = true;
			for (d = 0; d < nd; d++)
				rd[r * nd + d] += f.cell[k * f.ncols + d];
		}
		for (d = 0; d < nd && any; d++)	/* each coding once */
			ud[d] += f.cell[k * f.ncols + d];
	}
	m->has_totals = true;
	m->cell = xcalloc(m->nrows * m->ncols + 1, sizeof *m->cell);
	m->row_total = xcalloc(m->nrows + 1, sizeof *m->row_total);
	m->col_total = xcalloc(m->ncols + 1, sizeof *m->col_total);
	for (d = 0; d < nd; d++) {
		long c = m->doc_col[d];

		if (c < 0)
			continue;
		for (r = 0; r < m->nrows; r++) {
			int64_t v = docs ? rd[r * nd + d] > 0 : rd[r * nd + d];

			m->cell[r * m->ncols + (size_t)c] += v;
			m->row_total[r] += v;
		}
		m->col_total[c] += docs ? 1 : ud[d];
		m->total += docs ? 1 : ud[d];
	}
	free(rd);
	free(ud);
	an_freq_done(&f);
}

/* Codes against codes: an_cooc's matrix, or documents with both codes. */
static void
code_cells(const struct an_project *a, struct an_matrix *m)
{
	struct an_cooc co;
	struct an_freq f;
	size_t i, j, d, n, *in;
	long *fr;

	an_cooc(a, m->spec.count == AN_MX_PARAGRAPHS ? AN_COOC_PARAGRAPH :
	    AN_COOC_OVERLAP, m->spec.coder, &co);
	n = co.n;
	m->nrows = m->ncols = n;
	m->row_node = xcalloc(n + 1, sizeof *m->row_node);
	m->col_ref = xcalloc(n + 1, sizeof *m->col_ref);
	m->col_label = xcalloc(n + 1, sizeof *m->col_label);
	for (i = 0; i < n; i++) {
		m->row_node[i] = m->col_ref[i] = co.node[i];
		m->col_label[i] = a->nodes[co.node[i]].name;
	}
	m->row_total = xcalloc(1, sizeof *m->row_total);
	m->col_total = xcalloc(1, sizeof *m->col_total);
	if (m->spec.count != AN_MX_DOCUMENTS) {
		m->cell = co.m;
		co.m = NULL;
		an_cooc_done(&co);
		return;
	}
	an_cooc_done(&co);
	an_freq(a, AN_FREQ_DOCUMENT, m->spec.coder, &f);
	fr = xcalloc(n + 1, sizeof *fr);	/* matrix row -> an_freq row */
	for (i = 0; i < n; i++)
		for (j = 0; j < f.nrows; j++)
			if (f.row_node[j] == m->row_node[i])
				fr[i] = (long)j;
	m->cell = xcalloc(n * n + 1, sizeof *m->cell);
	in = xcalloc(n + 1, sizeof *in);
	for (d = 0; d < f.ncols; d++) {	/* the pairs of the codes in d */
		size_t k = 0;

		for (i = 0; i < n; i++)
			if (f.cell[(size_t)fr[i] * f.ncols + d] > 0)
				in[k++] = i;
		for (i = 0; i < k; i++)
			for (j = 0; j < k; j++)
				m->cell[in[i] * n + in[j]]++;
	}
	free(in);
	free(fr);
	an_freq_done(&f);
}

enum an_mx_status
an_matrix(const struct an_project *a, const struct an_matrix_spec *s,
    struct an_matrix *m, const char **near)
{
	const char *dummy;
	enum an_mx_status st = AN_MX_OK;
	size_t i;

	memset(m, 0, sizeof *m);
	m->spec = *s;
	if (near == NULL)
		near = &dummy;
	*near = NULL;
	if (s->cols == AN_MX_BY_CODE && s->rows != AN_MX_CODES)
		return AN_MX_BAD_SHAPE;
	if (s->cols != AN_MX_BY_CODE && s->count == AN_MX_PARAGRAPHS)
		return AN_MX_BAD_SHAPE;
	if (s->cols == AN_MX_BY_CODE)
		code_cells(a, m);
	else if ((st = doc_columns(a, m, near)) == AN_MX_OK)
		doc_cells(a, m);
	for (i = 0; i < m->nrows * m->ncols; i++)
		if (m->cell[i] > m->max)
			m->max = m->cell[i];
	return st;
}

void
an_matrix_done(struct an_matrix *m)
{
	free(m->row_node);
	free(m->col_label);
	free(m->col_ref);
	free(m->cell);
	free(m->row_total);
	free(m->col_total);
	free(m->doc_col);
	if (m->demo != NULL)
		an_demographics_done(m->demo);
	free(m->demo);
	memset(m, 0, sizeof *m);
}

/* Whether coding x co-occurs with some coding of node index `with` by the
 * same coder, in the unit of the count. */
static bool
cooccurs(const struct an_project *a, const struct an_matrix *m,
    size_t kx, size_t with)
{
	const struct coding *x = &a->codings[kx];
	long d = an_doc_index(a, x->doc);
	size_t k = kx;

	while (k > 0 && a->codings[k - 1].doc == x->doc)
		k--;
	for (; k < a->ncodings && a->codings[k].doc == x->doc; k++) {
		const struct coding *y = &a->codings[k];

		if (y->node != a->nodes[with].id)
			continue;
		if (m->spec.coder != 0 && y->coder != m->spec.coder)
			continue;
		if (m->spec.count == AN_MX_DOCUMENTS)
			return true;
		if (y->coder != x->coder)
			continue;
		if (m->spec.count == AN_MX_SEGMENTS ?
		    y == x || (x->start < y->end && y->start < x->end) :
		    an_paragraph_of(a, (size_t)d, x->start) <=
		    an_paragraph_of(a, (size_t)d, y->end - 1) &&
		    an_paragraph_of(a, (size_t)d, y->start) <=
		    an_paragraph_of(a, (size_t)d, x->end - 1))
			return true;
	}
	return false;
}

size_t *
an_matrix_codings(const struct an_project *a, const struct an_matrix *m,
    size_t r, size_t c, size_t *n)
{
	size_t *out = NULL, k, cap = 0;

	*n = 0;
	if (r >= m->nrows || c >= m->ncols)
		return xcalloc(1, sizeof *out);
	for (k = 0; k < a->ncodings; k++) {
		const struct coding *x = &a->codings[k];
		long i = an_node_index(a, x->node), d = an_doc_index(a, x->doc);

		if (i < 0 || d < 0 ||
		    (m->spec.coder != 0 && x->coder != m->spec.coder))
			continue;
		if (m->spec.cols == AN_MX_BY_CODE ?
		    (size_t)i != m->row_node[r] ||
		    !cooccurs(a, m, k, m->col_ref[c]) :
		    !under(a, (size_t)i, m->row_node[r]) ||
		    m->doc_col[d] != (long)c)
			continue;
		out = xgrow(out, &cap, *n + 1, sizeof *out);
		out[(*n)++] = k;
	}
	if (out == NULL)
		out = xcalloc(1, sizeof *out);
	return out;
}
