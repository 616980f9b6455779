/*
 * vm-matrix.c: the matrix view's model: the choices, the figures as shown,
 * the shades and the cursor. See vm-matrix.h.
 *
 * Invariant: after vm_matrix_load, r < m.nrows and c < m.ncols unless the
 * matrix has no rows or no columns (then both are 0), and top <= r,
 * left <= c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "vm/vm-matrix.h"

static void
attrs_free(struct vm_matrix *v)
{
	size_t i;

	for (i = 0; i < v->nattrs; i++)
		free(v->attrs[i]);
	free(v->attrs);
	v->attrs = NULL;
	v->nattrs = 0;
}

bool
vm_matrix_by_code(const struct vm_matrix *v)
{
	return v->col_kind == v->nattrs + 1;
}

void
vm_matrix_load(struct vm_matrix *v, const struct an_project *a)
{
	struct an_demographics d;
	struct an_matrix_spec s;
	size_t i, kind = v->col_kind, had = v->nattrs;

	attrs_free(v);
	an_demographics(a, &d);
	v->attrs = xcalloc(d.nattrs + 1, sizeof *v->attrs);
	for (i = 0; i < d.nattrs; i++)
		v->attrs[i] = xstrdup(d.attrs[i].key);
	v->nattrs = d.nattrs;
	an_demographics_done(&d);
	/* the attributes changed in number: keep documents or codes */
	if (v->ready && kind >= had && had != v->nattrs)
		kind = v->nattrs + (kind - had);
	if (kind > v->nattrs + 1 || (kind == v->nattrs + 1 &&
	    v->rows != AN_MX_CODES))
		kind = v->nattrs;
	v->col_kind = kind;
	v->ready = true;
	if (vm_matrix_by_code(v))
		v->pct = 0;
	else if (v->count == AN_MX_PARAGRAPHS)
		v->count = AN_MX_SEGMENTS;
	memset(&s, 0, sizeof s);
	s.rows = v->rows;
	s.cols = kind < v->nattrs ? AN_MX_BY_ATTR : kind == v->nattrs ?
	    AN_MX_BY_DOC : AN_MX_BY_CODE;
	s.attr = kind < v->nattrs ? v->attrs[kind] : NULL;
	s.count = v->count;
	s.coder = v->coder;
	an_matrix_done(&v->m);
	(void)an_matrix(a, &s, &v->m, NULL);
	vm_matrix_move(v, 0, 0, 0, 0);
}

void
vm_matrix_done(struct vm_matrix *v)
{
	an_matrix_done(&v->m);
	attrs_free(v);
}

void
vm_matrix_next_rows(struct vm_matrix *v)
{
	v->rows = v->rows == AN_MX_CODES ? AN_MX_CATEGORIES : AN_MX_CODES;
	v->r = v->top = 0;
}

void
vm_matrix_next_cols(struct vm_matrix *v)
{
	size_t last = v->rows == AN_MX_CODES ? v->nattrs + 1 : v->nattrs;

	v->col_kind = v->col_kind >= last ? 0 : v->col_kind + 1;
	v->c = v->left = 0;
}

void
vm_matrix_next_measure(struct vm_matrix *v)
{
	if (vm_matrix_by_code(v)) {
		v->count = v->count == AN_MX_SEGMENTS ? AN_MX_PARAGRAPHS :
		    v->count == AN_MX_PARAGRAPHS ? AN_MX_DOCUMENTS :
		    AN_MX_SEGMENTS;
		return;
	}
	/* segments, row %, column %, documents, row %, column % */
	if (v->pct == 0)
		v->pct = 'r';
	else if (v->pct == 'r')
		v->pct = 'c';
	else {
		v->pct = 0;
		v->count = v->count == AN_MX_SEGMENTS ? AN_MX_DOCUMENTS :
		    AN_MX_SEGMENTS;
	}
}

const char *
vm_matrix_measure_name(const struct vm_matrix *v)
{
	bool docs = v->count == AN_MX_DOCUMENTS;

	if (v->count == AN_MX_PARAGRAPHS)
		return N_("paragraphs");
	if (v->pct == 'r')
		return docs ? N_("documents, row %") : N_("segments, row %");
	if (v->pct == 'c')
		return docs ? N_("documents, column %") : N_("segments, column %");
	return docs ? N_("documents") : N_("segments");
}

/* The cell's value on a scale whose top is *top. */
static double
value(const struct vm_matrix *v, size_t r, size_t c, double *top)
{
	const struct an_matrix *m = &v->m;
	int64_t x = m->cell[r * m->ncols + c];

	*top = (double)m->max;
	if (v->pct == 0 || !m->has_totals)
		return (double)x;
	*top = 100.0;
	return an_percent(x, v->pct == 'r' ? m->row_total[r] : m->col_total[c]);
}

void
vm_matrix_cell(const struct vm_matrix *v, size_t r, size_t c, char *out,
    size_t n)
{
	double top, x;

	if (r >= v->m.nrows || c >= v->m.ncols) {
		snprintf(out, n, "%s", "");
		return;
	}
	x = value(v, r, c, &top);
	if (v->pct != 0 && v->m.has_totals)
		snprintf(out, n, "%.1f", x);
	else
		snprintf(out, n, "%lld", (long long)v->m.cell[r * v->m.ncols + c]);
}

int
vm_matrix_shade(const struct vm_matrix *v, size_t r, size_t c)
{
	double top, x;
	int q;

	if (r >= v->m.nrows || c >= v->m.ncols)
		return 0;
	x = value(v, r, c, &top);
	if (x <= 0 || top <= 0)
		return 0;
	for (q = 1; q < 4 && x * 4 > top * q; q++)
		;
	return q;
}

/* i moved by d within [0, n), clamped. */
static size_t
clamp_step(size_t i, long d, size_t n)
{
	long j = (long)i + d;

	if (n == 0 || j < 0)
		return 0;
	return (size_t)j >= n ? n - 1 : (size_t)j;
}

void
vm_matrix_move(struct vm_matrix *v, long dr, long dc, size_t nrows,
    size_t ncols)
{
	v->r = clamp_step(v->r, dr, v->m.nrows);
	v->c = clamp_step(v->c, dc, v->m.ncols);
	if (v->top > v->r)
		v->top = v->r;
	if (nrows > 0 && v->r >= v->top + nrows)
		v->top = v->r - nrows + 1;
	if (v->left > v->c)
		v->left = v->c;
	if (ncols > 0 && v->c >= v->left + ncols)
		v->left = v->c - ncols + 1;
}
