/*
 * report-matrix.c: a matrix (an_matrix: codes or categories against
 * attribute values, documents or codes) as an rp_table, with notes that
 * say what a cell counts, from which source. `axial matrix` prints it in
 * every format and `axial report` writes the categories against each
 * attribute. Cells hold Latin digits, as every table's (report.h).
 */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "exchange/report.h"

char *
rp_matrix_title(const struct an_matrix *m)
{
	const char *rows = m->spec.rows == AN_MX_CODES ? _("Codes") :
	    _("Categories");
	const char *cols = m->spec.cols == AN_MX_BY_ATTR && m->attr != NULL ?
	    m->attr : m->spec.cols == AN_MX_BY_CODE ? _("code") : _("document");
	const char *what = m->spec.count == AN_MX_DOCUMENTS ? _("documents") :
	    m->spec.count == AN_MX_PARAGRAPHS ? _("paragraphs") : _("segments");

	return xasprintf(_("%s by %s: %s"), rows, cols, what);
}

static void
notes(struct rp_table *t, const struct an_matrix *m, int pct)
{
	const char *who = t->source != NULL ? t->source : _("no coder");

	if (m->spec.cols == AN_MX_BY_CODE) {
		if (m->spec.count == AN_MX_SEGMENTS)
			rp_note(t, _("Cell: pairs of overlapping codings of the two "
			    "codes by %s in one document; diagonal: the code's "
			    "codings. Codes %s applied."), who, who);
		else if (m->spec.count == AN_MX_PARAGRAPHS)
			rp_note(t, _("Cell: paragraphs in which %s applied both "
			    "codes; diagonal: paragraphs with the code. Codes %s "
			    "applied."), who, who);
		else
			rp_note(t, _("Cell: documents in which %s applied both "
			    "codes; diagonal: documents with the code. Codes %s "
			    "applied."), who, who);
		return;
	}
	if (m->spec.count == AN_MX_SEGMENTS)
		rp_note(t, _("Cell: codings by %s of the row's code (a category: "
		    "of any code under it) in the column's documents. Total "
		    "column: in every document; Total row: the column's codings "
		    "in any row, each once."), who);
	else
		rp_note(t, _("Cell: the column's documents in which %s applied "
		    "the row's code (a category: any code under it) at least "
		    "once. Total column: such documents in all; Total row: the "
		    "column's documents, coded or not."), who);
	if (pct == 'r')
		rp_note(t, "%s", _("Cells show row percentages: 100 x cell / the "
		    "row's total."));
	else if (pct == 'c')
		rp_note(t, "%s", _("Cells show column percentages: 100 x cell / "
		    "the column's total."));
}

static void
set_cell(struct rp_table *t, size_t col, int64_t v, int64_t base, int pct)
{
	double p = an_percent(v, base);
	char *exact;

	if (pct == 0) {
		rp_setf(t, col, "%lld", (long long)v);
		return;
	}
	rp_setf(t, col, "%.1f", p);
	exact = rp_decimal(p);
	rp_set_exact(t, col, exact);
	free(exact);
}

void
rp_matrix_table(const struct an_project *a, const struct an_matrix *m,
    int pct, const char *name, struct rp_table *t)
{
	char *title = rp_matrix_title(m);
	size_t r, c;

	rp_table_init(t, name, title, 1, m->spec.rows == AN_MX_CODES ?
	    _("Code") : _("Category"));
	free(title);
	for (c = 0; c < m->ncols; c++)
		rp_col(t, m->col_label[c] != NULL ? m->col_label[c] : _("(none)"),
		    true);
	if (m->has_totals)
		rp_col(t, _("Total"), true);
	rp_source_name(t, a, m->spec.coder);
	notes(t, m, m->has_totals ? pct : 0);
	for (r = 0; r < m->nrows; r++) {
		rp_row(t);
		rp_set(t, 0, a->nodes[m->row_node[r]].name);
		for (c = 0; c < m->ncols; c++)
			set_cell(t, c + 1, m->cell[r * m->ncols + c], pct == 'r' ?
			    m->row_total[r] : m->col_total[c],
			    m->has_totals ? pct : 0);
		if (m->has_totals)
			set_cell(t, m->ncols + 1, m->row_total[r], 0, 0);
	}
	if (!m->has_totals)
		return;
	rp_row(t);
	rp_set(t, 0, _("Total"));
	for (c = 0; c < m->ncols; c++)
		set_cell(t, c + 1, m->col_total[c], 0, 0);
	set_cell(t, m->ncols + 1, m->total, 0, 0);
}
