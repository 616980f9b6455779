/*
 * report-tables.c: each analysis of analysis.h as an rp_table, with the
 * notes that say how its numbers were counted.
 */
#include <stdlib.h>
#include <string.h>

#include "axial/report.h"

static const char *
coder_label(const struct an_project *a, int64_t coder)
{
	long i = coder != 0 ? an_coder_index(a, coder) : -1;

	return i >= 0 ? a->coders[i].login : "all coders";
}

static void
set_num(struct rp_table *t, size_t col, int64_t v)
{
	rp_setf(t, col, "%lld", (long long)v);
}

void
rp_slot_table(const struct an_project *a, enum paradigm_role role,
    int64_t coder, struct rp_table *t)
{
	struct an_slot_table s;
	size_t i;
	char *name, *title;

	an_slot_table(a, role, coder, &s);
	name = xasprintf("coding-%s", role == ROLE_NONE ? "other" :
	    paradigm_role_name(role));
	title = role == ROLE_NONE ?
	    xstrdup("Coding table: categories without a paradigm role") :
	    xasprintf("Coding table: %s", paradigm_role_title(role));
	rp_table_init(t, name, title, 5, "Main category", "Sub-category",
	    "Initial code", "Codings", "Documents");
	free(name);
	free(title);
	t->numeric[3] = t->numeric[4] = true;
	if (role != ROLE_NONE && s.ncategories == 0)
		rp_note(t, "No category has the role \"%s\" yet.",
		    paradigm_role_name(role));
	rp_note(t, "%zu main %s, %zu initial codes; codings and documents "
	    "counted for %s.", s.ncategories, s.ncategories == 1 ? "category" :
	    "categories", s.nrows, coder_label(a, coder));
	for (i = 0; i < s.nrows; i++) {
		const struct an_slot_row *r = &s.rows[i];
		bool new_main = i == 0 || s.rows[i - 1].main != r->main;
		bool new_sub = new_main || strcmp(s.rows[i - 1].sub, r->sub) != 0;
		const char *main = r->main == r->code ? "" : a->nodes[r->main].name;

		rp_row(t);
		rp_set(t, 0, new_main ? main : "");
		rp_set_exact(t, 0, main);
		rp_set(t, 1, new_sub ? r->sub : "");
		rp_set_exact(t, 1, r->sub);
		rp_set(t, 2, a->nodes[r->code].name);
		set_num(t, 3, r->ncodings);
		set_num(t, 4, r->ndocs);
	}
	an_slot_table_done(&s);
}

void
rp_sample_table(const struct an_project *a, int64_t coder, size_t per_code,
    struct rp_table *t)
{
	struct an_sample s;
	size_t i;

	an_sample(a, coder, per_code, &s);
	rp_table_init(t, "open-coding-sample", "Sample of open coding", 7,
	    "Initial code", "Quote", "Document", "Interview", "Paragraph",
	    "Start", "End");
	t->numeric[3] = t->numeric[4] = t->numeric[5] = t->numeric[6] = true;
	if (per_code == 1)
		rp_note(t, "The first coding of each code in interview order, "
		    "by %s.", coder_label(a, coder));
	else
		rp_note(t, "The first %zu codings of each code in interview "
		    "order, by %s.", per_code, coder_label(a, coder));
	rp_note(t, "Paragraph: line of the transcript, from 1. Start and end: "
	    "code-point offsets into the transcript (end exclusive).");
	for (i = 0; i < s.nrows; i++) {
		const struct an_sample_row *r = &s.rows[i];

		rp_row(t);
		rp_set(t, 0, a->nodes[r->code].name);
		rp_set(t, 1, r->quote);
		rp_set(t, 2, a->docs[r->doc].name);
		set_num(t, 3, a->docs[r->doc].position);
		set_num(t, 4, r->paragraph);
		set_num(t, 5, r->coding->start);
		set_num(t, 6, r->coding->end);
	}
	an_sample_done(&s);
}

void
rp_freq_table(const struct an_project *a, enum an_freq_by by, int64_t coder,
    struct rp_table *t)
{
	struct an_freq f;
	size_t r, c;

	an_freq(a, by, coder, &f);
	rp_table_init(t, by == AN_FREQ_DOCUMENT ? "frequency-by-document" :
	    "frequency-by-coder", by == AN_FREQ_DOCUMENT ?
	    "Code frequencies by document" : "Code frequencies by coder", 0);
	t->ncols = f.ncols + 2;
	t->head = xrealloc(t->head, t->ncols * sizeof *t->head);
	t->numeric = xrealloc(t->numeric, t->ncols * sizeof *t->numeric);
	t->head[0] = xstrdup("Code");
	t->numeric[0] = false;
	for (c = 0; c < f.ncols; c++) {
		t->head[c + 1] = xstrdup(by == AN_FREQ_DOCUMENT ?
		    a->docs[f.col[c]].name : a->coders[f.col[c]].login);
		t->numeric[c + 1] = true;
	}
	t->head[t->ncols - 1] = xstrdup("Total");
	t->numeric[t->ncols - 1] = true;
	if (by == AN_FREQ_DOCUMENT)
		rp_note(t, "Number of codings of each code in each document "
		    "(interview order), by %s.", coder_label(a, coder));
	else if (coder == 0)
		rp_note(t, "Number of codings of each code by each coder.");
	else
		rp_note(t, "Number of codings of each code by %s.",
		    coder_label(a, coder));
	for (r = 0; r < f.nrows; r++) {
		rp_row(t);
		rp_set(t, 0, a->nodes[f.row_node[r]].name);
		for (c = 0; c < f.ncols; c++)
			set_num(t, c + 1, f.cell[r * f.ncols + c]);
		set_num(t, f.ncols + 1, f.row_total[r]);
	}
	rp_row(t);
	rp_set(t, 0, "Total");
	for (c = 0; c < f.ncols; c++)
		set_num(t, c + 1, f.col_total[c]);
	set_num(t, f.ncols + 1, f.total);
	an_freq_done(&f);
}

void
rp_cooc_table(const struct an_project *a, enum an_cooc_unit unit,
    int64_t coder, struct rp_table *t)
{
	struct an_cooc m;
	size_t i, j;

	an_cooc(a, unit, coder, &m);
	rp_table_init(t, unit == AN_COOC_OVERLAP ? "cooccurrence-overlap" :
	    "cooccurrence-paragraph", unit == AN_COOC_OVERLAP ?
	    "Code co-occurrence: overlapping segments" :
	    "Code co-occurrence: same paragraph", 0);
	t->ncols = m.n + 2;
	t->head = xrealloc(t->head, t->ncols * sizeof *t->head);
	t->numeric = xrealloc(t->numeric, t->ncols * sizeof *t->numeric);
	t->head[0] = xstrdup("#");
	t->head[1] = xstrdup("Code");
	t->numeric[0] = true;
	t->numeric[1] = false;
	for (j = 0; j < m.n; j++) {
		t->head[j + 2] = xasprintf("%zu", j + 1);
		t->numeric[j + 2] = true;
	}
	if (unit == AN_COOC_OVERLAP)
		rp_note(t, "Cell i, j: pairs of codings of code i and code j by "
		    "the same coder in the same document whose segments overlap "
		    "(share at least one character). Diagonal: the code's "
		    "codings. Codes by %s; columns numbered as the rows.",
		    coder_label(a, coder));
	else
		rp_note(t, "Cell i, j: paragraphs (transcript lines) in which "
		    "the same coder applied both code i and code j, summed over "
		    "coders. Diagonal: paragraphs with the code. Codes by %s; "
		    "columns numbered as the rows.", coder_label(a, coder));
	for (i = 0; i < m.n; i++) {
		rp_row(t);
		set_num(t, 0, (int64_t)i + 1);
		rp_set(t, 1, a->nodes[m.node[i]].name);
		for (j = 0; j < m.n; j++)
			set_num(t, j + 2, m.m[i * m.n + j]);
	}
	an_cooc_done(&m);
}

void
rp_saturation_table(const struct an_project *a, int64_t coder,
    const char *name, struct rp_table *t)
{
	struct an_saturation s;
	size_t i;
	char *title = xasprintf("Saturation: %s", coder_label(a, coder));

	an_saturation(a, coder, &s);
	rp_table_init(t, name, title, 7, "Interview", "Document", "Codings",
	    "New codes", "Cumulative codes", "Since last new", "Saturation");
	free(title);
	t->numeric[0] = t->numeric[2] = t->numeric[3] = t->numeric[4] =
	    t->numeric[5] = true;
	if (s.point > 0)
		rp_note(t, "Saturation point: interview %lld. The %lld coded "
		    "interview%s after it brought no new code; %lld distinct "
		    "codes in all.", (long long)s.point, (long long)s.confirming,
		    s.confirming == 1 ? "" : "s", (long long)s.ncodes);
	else if (s.ncodes > 0)
		rp_note(t, "Saturation not reached: the last coded interview "
		    "still brought new codes; %lld distinct codes in all.",
		    (long long)s.ncodes);
	else
		rp_note(t, "Saturation not reached: nothing is coded yet.");
	rp_note(t, "New codes: codes applied for the first time, in interview "
	    "order, in that interview. Since last new: coded interviews since "
	    "the last one that brought a new code. The saturation point is the "
	    "last interview that brought a new code, provided at least one "
	    "coded interview follows it; uncoded interviews count neither way.");
	for (i = 0; i < s.nrows; i++) {
		const struct an_sat_row *r = &s.rows[i];
		const char *mark = "";

		if (!r->coded)
			mark = "not coded";
		else if (s.point > 0 && i == s.point_row)
			mark = "point";
		else if (s.point > 0 && i > s.point_row)
			mark = "confirming";
		rp_row(t);
		set_num(t, 0, a->docs[r->doc].position);
		rp_set(t, 1, a->docs[r->doc].name);
		set_num(t, 2, r->ncodings);
		set_num(t, 3, r->nnew);
		set_num(t, 4, r->cumulative);
		set_num(t, 5, r->since_new);
		rp_set(t, 6, mark);
	}
	an_saturation_done(&s);
}

void
rp_demographics_table(const struct an_project *a, struct rp_table *t)
{
	struct an_demographics d;
	size_t k, l;

	an_demographics(a, &d);
	rp_table_init(t, "demographics", "Demographics of the interviewees", 4,
	    "Variable", "Level", "Count", "Percent");
	t->numeric[2] = t->numeric[3] = true;
	rp_note(t, "N = %lld (documents). Percent of N, rounded half up to "
	    "whole percents (12.5 gives 13), so a column may not sum to exactly "
	    "100; the CSV has the exact values.", (long long)d.n);
	for (k = 0; k < d.nattrs; k++)
		for (l = 0; l < d.attrs[k].nlevels; l++) {
			const struct an_level *lv = &d.attrs[k].levels[l];
			char *exact = rp_decimal(an_percent(lv->count, d.n));

			rp_row(t);
			rp_set(t, 0, l == 0 ? d.attrs[k].key : "");
			rp_set_exact(t, 0, d.attrs[k].key);
			rp_set(t, 1, lv->value);
			set_num(t, 2, lv->count);
			set_num(t, 3, an_percent_round(lv->count, d.n));
			rp_set_exact(t, 3, exact);
			free(exact);
		}
	an_demographics_done(&d);
}

void
rp_codebook_table(const struct an_project *a, int64_t coder,
    struct rp_table *t)
{
	struct an_codebook cb;
	size_t i;

	an_codebook(a, coder, &cb);
	rp_table_init(t, "codebook", "Codebook", 7, "Code", "Category",
	    "Definition", "Codings", "Documents", "Coders", "Memos");
	t->numeric[3] = t->numeric[4] = t->numeric[5] = true;
	rp_note(t, "Every code in tree order with its category path, "
	    "definition, memos and counts (by %s).", coder_label(a, coder));
	for (i = 0; i < cb.nrows; i++) {
		const struct an_codebook_row *r = &cb.rows[i];
		const struct node *n = &a->nodes[r->node];

		rp_row(t);
		rp_set(t, 0, n->name);
		rp_set(t, 1, r->path);
		rp_set(t, 2, n->definition);
		set_num(t, 3, r->ncodings);
		set_num(t, 4, r->ndocs);
		set_num(t, 5, r->ncoders);
		rp_set(t, 6, r->memos);
	}
	an_codebook_done(&cb);
}
