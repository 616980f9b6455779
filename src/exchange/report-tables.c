/*
 * report-tables.c: each analysis of analysis.h as an rp_table, with the
 * notes that say how its numbers were counted and the source it counts
 * (one coder, the consensus coding, or each coder side by side: never a
 * sum over coders, report.h). Titles, heads and notes are read by people:
 * they go through gettext, and the numbers in notes through rp_int() so
 * they take the report's digits; cells hold Latin digits (the renderers
 * convert the numeric columns, CSV keeps them).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/compare.h"
#include "base/i18n.h"
#include "base/textin.h"
#include "text/name.h"
#include "exchange/report.h"

bool
rp_coder_has_codings(const struct an_project *a, int64_t coder)
{
	long i = an_coder_index(a, coder);

	/* the store's counts: the same whether the codings are read yet */
	return i >= 0 && a->coded[i] > 0;
}

int64_t
rp_default_source(const struct an_project *a, int64_t fallback)
{
	size_t i;

	for (i = 0; i < a->ncoders; i++)
		if (strcmp(a->coders[i].login, CONSENSUS_CODER) == 0 &&
		    rp_coder_has_codings(a, a->coders[i].id))
			return a->coders[i].id;
	return fallback;
}

static const char *
coder_label(const struct an_project *a, int64_t coder)
{
	long i = coder > 0 ? an_coder_index(a, coder) : -1;

	return i >= 0 ? a->coders[i].login : _("no coder");
}

/* Names the one coder a table counts: title line, CSV column, index. */
static void
source_one(struct rp_table *t, const struct an_project *a, int64_t coder)
{
	const char *l = coder_label(a, coder);

	t->source = xstrdup(l);
	t->source_column = true;
	if (strcmp(l, CONSENSUS_CODER) == 0)
		t->source_line = xasprintf(_("Source: %s (the consensus coding)."),
		    l);
	else if (coder > 0)
		t->source_line = xasprintf(_("Source: %s (the codings of this "
		    "coder only)."), l);
	else
		t->source_line = xstrdup(_("Source: no coder (nothing is coded "
		    "yet)."));
}

void
rp_source_name(struct rp_table *t, const struct an_project *a, int64_t coder)
{
	source_one(t, a, coder);
}

/* Names the sources of a table that may set several side by side. */
static void
source_set(struct rp_table *t, const struct an_project *a,
    const struct rp_source *src)
{
	struct buf b = {0};
	size_t i;

	if (src->n == 1) {
		source_one(t, a, src->coder[0]);
		return;
	}
	for (i = 0; i < src->n; i++)
		buf_printf(&b, "%s%s", i > 0 ? _(", ") : "",
		    coder_label(a, src->coder[i]));
	t->source = xstrdup(_("each coder"));
	t->source_line = src->n == 0 ?
	    xstrdup(_("Source: each coder side by side (none has coded yet).")) :
	    xasprintf(_("Source: each coder side by side (%s)."), b.s);
	buf_done(&b);
}

/* The head of a count column: "Codings", or "Codings (coder-a)" when the
 * sources stand side by side. */
static char *
count_head(const struct an_project *a, const struct rp_source *src,
    size_t i, const char *what)
{
	if (src->n == 1)
		return xstrdup(what);
	return xasprintf("%s (%s)", what, coder_label(a, src->coder[i]));
}

static void
count_cols(struct rp_table *t, const struct an_project *a,
    const struct rp_source *src)
{
	size_t i;

	for (i = 0; i < src->n; i++) {
		char *c = count_head(a, src, i, _("Codings"));
		char *d = count_head(a, src, i, _("Documents"));

		rp_col(t, c, true);
		rp_col(t, d, true);
		free(c);
		free(d);
	}
}

/* A figure in the report's digits, for a note (rp_int's buffers). */
static const char *
rp_fig(const char *latin)
{
	/* A ring of buffers, so one printf may hold several results. */
	static char ring[4][32];
	static size_t next;
	char *out = ring[next++ % AX_ARRAY_LEN(ring)], *d = rp_digits(latin);

	snprintf(out, sizeof ring[0], "%s", d);
	free(d);
	return out;
}

static void
set_num(struct rp_table *t, size_t col, int64_t v)
{
	rp_setf(t, col, "%lld", (long long)v);
}

/* "by coder-a" or "by each coder" for the notes. */
static const char *
by_whom(const struct rp_table *t)
{
	return t->source != NULL ? t->source : _("no coder");
}

void
rp_slot_table(const struct an_project *a, enum paradigm_role role,
    const struct rp_source *src, struct rp_table *t)
{
	struct an_slot_table s, *per = xcalloc(src->n + 1, sizeof *per);
	size_t i, k;
	char *name, *title;

	for (k = 0; k < src->n; k++)
		an_slot_table(a, role, src->coder[k], &per[k]);
	/* the rows (every code of the slot) do not depend on the coder */
	an_slot_table(a, role, -1, &s);
	name = xasprintf("coding-%s", role == ROLE_NONE ? "other" :
	    paradigm_role_name(role));
	title = role == ROLE_NONE ?
	    xstrdup(_("Coding table: categories without a paradigm role")) :
	    xasprintf(_("Coding table: %s"), _(paradigm_role_title(role)));
	rp_table_init(t, name, title, 3, _("Main category"), _("Sub-category"),
	    _("Initial code"));
	free(name);
	free(title);
	source_set(t, a, src);
	count_cols(t, a, src);
	if (role != ROLE_NONE && s.ncategories == 0)
		rp_note(t, _("No category has the role \"%s\" yet."),
		    paradigm_role_name(role));
	rp_note(t, ngettext("%s main category, %s initial codes; codings and "
	    "documents counted for %s.", "%s main categories, %s initial codes; "
	    "codings and documents counted for %s.", s.ncategories),
	    rp_int((long long)s.ncategories), rp_int((long long)s.nrows),
	    by_whom(t));
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
		for (k = 0; k < src->n; k++) {
			set_num(t, 3 + 2 * k, per[k].rows[i].ncodings);
			set_num(t, 4 + 2 * k, per[k].rows[i].ndocs);
		}
	}
	for (k = 0; k < src->n; k++)
		an_slot_table_done(&per[k]);
	free(per);
	an_slot_table_done(&s);
}

void
rp_sample_table(const struct an_project *a, int64_t coder, size_t per_code,
    const char *name, struct rp_table *t)
{
	struct an_sample s;
	size_t i;

	an_sample(a, coder, per_code, &s);
	rp_table_init(t, name, _("Sample of open coding"), 7,
	    _("Initial code"), _("Quote"), _("Document"), _("Interview"),
	    _("Paragraph"), _("Start"), _("End"));
	t->numeric[3] = t->numeric[4] = t->numeric[5] = t->numeric[6] = true;
	source_one(t, a, coder);
	if (per_code == 1)
		rp_note(t, _("The first coding of each code in interview order, "
		    "by %s."), coder_label(a, coder));
	else
		rp_note(t, _("The first %s codings of each code in interview "
		    "order, by %s."), rp_int((long long)per_code),
		    coder_label(a, coder));
	rp_note(t, _("Quote: the coded span exactly, without the speaker label "
	    "or the text around it. Paragraph: line of the transcript, from 1. "
	    "Start and end: code-point offsets into the transcript (end "
	    "exclusive)."));
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
rp_freq_doc_table(const struct an_project *a, int64_t coder, const char *name,
    struct rp_table *t)
{
	struct an_freq f;
	size_t r, c;

	an_freq(a, AN_FREQ_DOCUMENT, coder, &f);
	rp_table_init(t, name, _("Code frequencies by document"), 1, _("Code"));
	for (c = 0; c < f.ncols; c++)
		rp_col(t, a->docs[f.col[c]].name, true);
	rp_col(t, _("Total"), true);
	source_one(t, a, coder);
	rp_note(t, _("Number of codings of each code in each document "
	    "(interview order), by %s."), by_whom(t));
	for (r = 0; r < f.nrows; r++) {
		rp_row(t);
		rp_set(t, 0, a->nodes[f.row_node[r]].name);
		for (c = 0; c < f.ncols; c++)
			set_num(t, c + 1, f.cell[r * f.ncols + c]);
		set_num(t, f.ncols + 1, f.row_total[r]);
	}
	rp_row(t);
	rp_set(t, 0, _("Total"));
	for (c = 0; c < f.ncols; c++)
		set_num(t, c + 1, f.col_total[c]);
	set_num(t, f.ncols + 1, f.total);
	an_freq_done(&f);
}

void
rp_freq_coder_table(const struct an_project *a, const struct rp_source *src,
    struct rp_table *t)
{
	struct an_count **cnt = xcalloc(src->n + 1, sizeof *cnt);
	int64_t *total = xcalloc(src->n + 1, sizeof *total);
	size_t i, k;

	rp_table_init(t, "frequency-by-coder", _("Code frequencies by coder"), 1,
	    _("Code"));
	for (k = 0; k < src->n; k++) {
		rp_col(t, coder_label(a, src->coder[k]), true);
		cnt[k] = an_code_counts(a, src->coder[k]);
	}
	source_set(t, a, src);
	t->source_column = false;	/* the heads name the coders */
	rp_note(t, _("Number of codings of each code by %s. There is no total "
	    "across coders: a segment two coders tagged would count twice."),
	    src->n == 1 ? by_whom(t) : _("each coder"));
	for (i = 0; i < a->nnodes; i++) {
		if (a->nodes[i].kind != NODE_CODE)
			continue;
		rp_row(t);
		rp_set(t, 0, a->nodes[i].name);
		for (k = 0; k < src->n; k++) {
			set_num(t, k + 1, cnt[k][i].ncodings);
			total[k] += cnt[k][i].ncodings;
		}
	}
	rp_row(t);
	rp_set(t, 0, _("Total"));
	for (k = 0; k < src->n; k++) {
		set_num(t, k + 1, total[k]);
		free(cnt[k]);
	}
	free(cnt);
	free(total);
}

void
rp_cooc_table(const struct an_project *a, enum an_cooc_unit unit,
    int64_t coder, const char *name, struct rp_table *t)
{
	struct an_cooc m;
	size_t i, j;

	an_cooc(a, unit, coder, &m);
	rp_table_init(t, name, unit == AN_COOC_OVERLAP ?
	    _("Code co-occurrence: overlapping segments") :
	    _("Code co-occurrence: same paragraph"), 0);
	t->ncols = m.n + 2;
	t->head = xrealloc(t->head, t->ncols * sizeof *t->head);
	t->numeric = xrealloc(t->numeric, t->ncols * sizeof *t->numeric);
	t->head[0] = xstrdup("#");
	t->head[1] = xstrdup(_("Code"));
	t->numeric[0] = true;
	t->numeric[1] = false;
	for (j = 0; j < m.n; j++) {
		t->head[j + 2] = xasprintf("%zu", j + 1);
		t->numeric[j + 2] = true;
	}
	source_one(t, a, coder);
	if (unit == AN_COOC_OVERLAP)
		rp_note(t, _("Cell i, j: pairs of codings of code i and code j by "
		    "%s in the same document whose segments overlap (share at "
		    "least one character). Diagonal: the code's codings. Codes "
		    "%s applied; columns numbered as the rows."), by_whom(t),
		    by_whom(t));
	else
		rp_note(t, _("Cell i, j: paragraphs (transcript lines) in which "
		    "%s applied both code i and code j. Diagonal: paragraphs "
		    "with the code. Codes %s applied; columns numbered as the "
		    "rows."), by_whom(t), by_whom(t));
	for (i = 0; i < m.n; i++) {
		rp_row(t);
		set_num(t, 0, (int64_t)i + 1);
		rp_set(t, 1, a->nodes[m.node[i]].name);
		for (j = 0; j < m.n; j++)
			set_num(t, j + 2, m.m[i * m.n + j]);
	}
	an_cooc_done(&m);
}

/*
 * The notes of the Guest, Namey & Chen rule: its parameters and source,
 * its result in interview order and over random orders.
 */
static void
gnc_notes(struct rp_table *t, const struct an_gnc *g)
{
	char pc[PERCENT_MAX], median[32];

	/* TRANSLATORS: the source's year, volume and issue come first */
	rp_note(t, _("Rule: Guest, Namey & Chen (%s, PLoS ONE %s(%s): "
	    "e0232076). Base: the first %s coded interviews; runs of %s "
	    "interviews after it, sliding one interview at a time; saturation "
	    "at the first run whose new codes are at most %s%% of the codes "
	    "in the base. New in run: the new codes of the run that starts at "
	    "that interview, as a percentage of the base's codes."),
	    rp_int(2020), rp_int(15), rp_int(5), rp_int(g->o.base),
	    rp_int(g->o.run), rp_int(g->o.threshold));
	if (g->why != NULL) {
		rp_note(t, _("By this rule: not assessable (%s)."), _(g->why));
		return;
	}
	if (g->reached)
		rp_note(t, _("By this rule: saturation at %s interviews (the "
		    "base holds %s codes); the next %s brought %s new (%s%%)."),
		    rp_int((long long)g->point), rp_int(g->base_codes),
		    rp_int(g->o.run), rp_int(g->run_new),
		    rp_fig(percent_fmt(pc, sizeof pc, (double)g->run_new,
		    (double)g->base_codes, 1, PERCENT_BOUND)));
	else
		rp_note(t, _("By this rule: saturation not reached in %s coded "
		    "interviews (the base holds %s codes)."),
		    rp_int((long long)g->ninterviews), rp_int(g->base_codes));
	/* a median of an even count may end in .5 */
	snprintf(median, sizeof median, "%.*f", g->median_point !=
	    (double)(long long)g->median_point, g->median_point);
	if (g->o.orders > 0 && g->reached_orders > 0)
		rp_note(t, _("Order sensitivity: reached in %s of %s random orders "
		    "of the interviews (seed %s), at a median of %s interviews."),
		    rp_int(g->reached_orders), rp_int(g->o.orders),
		    rp_int((long long)g->o.seed), rp_fig(median));
	else if (g->o.orders > 0)
		rp_note(t, _("Order sensitivity: reached in none of %s random "
		    "orders of the interviews (seed %s)."), rp_int(g->o.orders),
		    rp_int((long long)g->o.seed));
}

/* The GNC column of document d: "saturation" at the point, "run" on the
 * interviews of the run that confirmed it. */
static const char *
gnc_mark(const struct an_gnc *g, const struct an_saturation *s, size_t d)
{
	size_t i, seen = 0;

	if (!g->reached)
		return "";
	if (d == g->point_row)
		return _("saturation");
	/* d's place among the coded interviews: after the point, within the run */
	for (i = 0; i < s->nrows && i <= d; i++)
		if (s->rows[i].coded)
			seen++;
	if (s->rows[d].coded && seen > g->point && seen <= g->point + (size_t)g->o.run)
		return _("run");
	return "";
}

void
rp_saturation_table(const struct an_project *a, int64_t coder,
    const struct an_gnc_opts *o, const char *name, struct rp_table *t)
{
	struct an_saturation s;
	struct an_gnc_opts def;
	struct an_gnc g;
	char pc[PERCENT_MAX];
	size_t i;

	if (o == NULL) {
		an_gnc_opts_default(&def);
		o = &def;
	}
	an_saturation(a, coder, &s);
	an_gnc(a, coder, o, &g);
	rp_table_init(t, name, _("Saturation"), 9, _("Interview"), _("Document"),
	    _("Codings"), _("New codes"), _("Cumulative codes"),
	    _("Since last new"), _("Saturation"), _("New in run (%)"),
	    _("Guest, Namey & Chen"));
	source_one(t, a, coder);
	t->numeric[0] = t->numeric[2] = t->numeric[3] = t->numeric[4] =
	    t->numeric[5] = t->numeric[7] = true;
	gnc_notes(t, &g);
	if (s.point > 0)
		rp_note(t, ngettext("Saturation point: interview %s. The %s coded "
		    "interview after it brought no new code; %s distinct codes "
		    "in all.", "Saturation point: interview %s. The %s coded "
		    "interviews after it brought no new code; %s distinct codes "
		    "in all.", (unsigned long)s.confirming),
		    rp_int((long long)s.point), rp_int((long long)s.confirming),
		    rp_int((long long)s.ncodes));
	else if (s.ncodes > 0)
		rp_note(t, _("Saturation not reached: the last coded interview "
		    "still brought new codes; %s distinct codes in all."),
		    rp_int((long long)s.ncodes));
	else
		rp_note(t, "%s", _("Saturation not reached: nothing is coded "
		    "yet."));
	rp_note(t, "%s", _("New codes: codes applied for the first time, in "
	    "interview order, in that interview. Since last new: coded "
	    "interviews since the last one that brought a new code. The "
	    "saturation point is the last interview that brought a new code, "
	    "provided at least one coded interview follows it; uncoded "
	    "interviews count neither way."));
	rp_note(t, "%s", _("Two rules, two columns: Saturation marks the point "
	    "of the last-new-code rule above; Guest, Namey & Chen marks the "
	    "last interview before the run that reached their threshold, and "
	    "that run."));
	for (i = 0; i < s.nrows; i++) {
		const struct an_sat_row *r = &s.rows[i];
		const char *mark = "";

		if (!r->coded)
			mark = _("not coded");
		else if (s.point > 0 && i == s.point_row)
			mark = _("point");
		else if (s.point > 0 && i > s.point_row)
			mark = _("confirming");
		rp_row(t);
		set_num(t, 0, a->docs[r->doc].position);
		rp_set(t, 1, a->docs[r->doc].name);
		set_num(t, 2, r->ncodings);
		set_num(t, 3, r->nnew);
		set_num(t, 4, r->cumulative);
		set_num(t, 5, r->since_new);
		rp_set(t, 6, mark);
		if (g.run_new_at[r->doc] >= 0 && g.base_codes > 0)
			rp_set(t, 7, percent_fmt(pc, sizeof pc,
			    (double)g.run_new_at[r->doc], (double)g.base_codes, 1,
			    PERCENT_BOUND));
		rp_set(t, 8, gnc_mark(&g, &s, r->doc));
	}
	an_gnc_done(&g);
	an_saturation_done(&s);
}

void
rp_demographics_table(const struct an_project *a, struct rp_table *t)
{
	struct an_demographics d;
	size_t k, l;

	an_demographics(a, &d);
	rp_table_init(t, "demographics", _("Demographics of the interviewees"),
	    4, _("Variable"), _("Level"), _("Count"), _("Percent"));
	t->numeric[2] = t->numeric[3] = true;
	rp_note(t, _("N = %s (documents). Percent of N, rounded half up to "
	    "whole percents (%s gives %s), so a column may not sum to exactly "
	    "%s; a percent that is not %s or %s never shows as such (\"%s\", "
	    "\"%s\"); the CSV has the exact values."), rp_int((long long)d.n),
	    rp_fig("12.5"), rp_int(13), rp_int(100), rp_int(100), rp_int(0),
	    rp_fig(">99"), rp_fig("<1"));
	for (k = 0; k < d.nattrs; k++)
		for (l = 0; l < d.attrs[k].nlevels; l++) {
			const struct an_level *lv = &d.attrs[k].levels[l];
			char *exact = rp_decimal(an_percent(lv->count, d.n));
			char pc[PERCENT_MAX];

			rp_row(t);
			rp_set(t, 0, l == 0 ? d.attrs[k].key : "");
			rp_set_exact(t, 0, d.attrs[k].key);
			rp_set(t, 1, lv->value);
			set_num(t, 2, lv->count);
			rp_set(t, 3, percent_fmt(pc, sizeof pc, (double)lv->count,
			    (double)d.n, 0, PERCENT_BOUND));
			rp_set_exact(t, 3, exact);
			free(exact);
		}
	an_demographics_done(&d);
}

void
rp_codebook_table(const struct an_project *a, const struct rp_source *src,
    struct rp_table *t)
{
	struct an_codebook cb, *per = xcalloc(src->n + 1, sizeof *per);
	size_t i, k;

	for (k = 0; k < src->n; k++)
		an_codebook(a, src->coder[k], &per[k]);
	an_codebook(a, -1, &cb);
	rp_table_init(t, "codebook", _("Codebook"), 3, _("Code"), _("Category"),
	    _("Definition"));
	source_set(t, a, src);
	count_cols(t, a, src);
	rp_col(t, _("Memos"), false);
	rp_note(t, _("Every code in tree order with its category path, "
	    "definition, memos and counts (by %s)."), by_whom(t));
	for (i = 0; i < cb.nrows; i++) {
		const struct an_codebook_row *r = &cb.rows[i];
		const struct node *n = &a->nodes[r->node];

		rp_row(t);
		rp_set(t, 0, n->name);
		rp_set(t, 1, r->path);
		rp_set(t, 2, n->definition);
		for (k = 0; k < src->n; k++) {
			set_num(t, 3 + 2 * k, per[k].rows[i].ncodings);
			set_num(t, 4 + 2 * k, per[k].rows[i].ndocs);
		}
		rp_set(t, t->ncols - 1, r->memos);
	}
	for (k = 0; k < src->n; k++)
		an_codebook_done(&per[k]);
	free(per);
	an_codebook_done(&cb);
}

char *
rp_quote(const char *s, size_t max)
{
	char *c = name_clean(NAME_ATTR_VALUE, s, "", 0, NULL), *p, *q, *cut, *r;
	size_t n;

	/* runs of spaces (the line breaks and controls name_clean made
	 * spaces) as one, none at the ends */
	for (p = q = c; *p != '\0'; p++)
		if (*p != ' ' || (q > c && q[-1] != ' '))
			*q++ = *p;
	while (q > c && q[-1] == ' ')
		q--;
	*q = '\0';
	n = textin_nchars(c, (size_t)(q - c));
	if (n <= max)
		return c;
	/* at a grapheme boundary, then back to a space in the last third */
	cut = name_clean(NAME_ATTR_VALUE, c, "", max, NULL);
	if ((p = strrchr(cut, ' ')) != NULL &&
	    textin_nchars(cut, (size_t)(p - cut)) >= max * 2 / 3)
		*p = '\0';
	r = xasprintf("%s\xe2\x80\xa6", cut);
	free(cut);
	free(c);
	return r;
}

/* Whether coder is one of the sources. */
static bool
in_source(const struct rp_source *src, int64_t coder)
{
	size_t k;

	for (k = 0; k < src->n; k++)
		if (src->coder[k] == coder)
			return true;
	return false;
}

/* The storyline notes: the storyline memos on the core category, else
 * those on any category (naming it). Returns how many; t NULL: only
 * counts them. */
static size_t
storyline_notes(const struct an_project *a, struct rp_table *t)
{
	size_t i, n = 0;
	int pass;

	for (pass = 0; pass < 2 && n == 0; pass++)
		for (i = 0; i < a->nmemos; i++) {
			const struct memo *mo = &a->memos[i];
			long k;

			if (mo->type != MEMO_TYPE_STORYLINE ||
			    mo->target != MEMO_NODE ||
			    (pass == 0 && (a->core == 0 || mo->target_id != a->core)) ||
			    (k = an_node_index(a, mo->target_id)) < 0)
				continue;
			if (t != NULL && pass == 0)
				rp_note(t, _("Storyline: %s"), mo->body);
			else if (t != NULL)
				rp_note(t, _("Storyline (a memo on %s): %s"),
				    a->nodes[k].name, mo->body);
			n++;
		}
	return n;
}

/* Up to two of the link's evidence codings by the sources, quoted with
 * their document and paragraph, one per line. */
static char *
evidence_quotes(const struct an_project *a, const struct an_evidence *ev,
    const struct rp_source *src)
{
	struct buf b = {0};
	size_t j, n = 0;

	buf_puts(&b, "");
	for (j = 0; j < ev->n && n < 2; j++) {
		long ci = an_coding_index(a, ev->codings[j]), d;
		const struct coding *c;
		char *raw, *q;

		if (ci < 0 || !in_source(src, a->codings[ci].coder))
			continue;
		c = &a->codings[ci];
		if ((d = an_doc_index(a, c->doc)) < 0)
			continue;
		raw = an_coding_quote(a, c);
		q = rp_quote(raw, 160);
		/* TRANSLATORS: a quote, its document and paragraph number */
		buf_printf(&b, _("%s\"%s\" (%s, paragraph %s)"), n > 0 ? "\n" : "",
		    q, a->docs[d].name, rp_int(an_paragraph_of(a, (size_t)d,
		    c->start)));
		free(raw);
		free(q);
		n++;
	}
	return buf_take(&b);
}

void
rp_theory_table(const struct an_project *a, const struct an_paradigm *m,
    const struct rp_source *src, struct rp_table *t)
{
	long core = a->core != 0 ? an_node_index(a, a->core) : -1;
	size_t i, j, k;
	char *note = an_paradigm_note(m);

	rp_table_init(t, "theory", _("Theory: core category, storyline and "
	    "links"), 5, _("Type"), _("From"), _("To"), _("Direction"),
	    _("Memo"));
	source_set(t, a, src);
	for (k = 0; k < src->n; k++) {
		char *h = count_head(a, src, k, _("Segments"));

		rp_col(t, h, true);
		free(h);
	}
	rp_col(t, _("Quotes"), false);
	if (core < 0 && a->nlinks == 0 && storyline_notes(a, NULL) == 0) {
		rp_note(t, "%s", _("No core category is marked and no links "
		    "between codes or categories are recorded yet: there is no "
		    "theory to show. Mark the core category with \"axial code "
		    "core PROJECT NAME\" and relate categories with \"axial link "
		    "add PROJECT FROM TO --type TYPE\"."));
		free(note);
		return;
	}
	/* the notes in reading order: core, storyline, model, links */
	if (core >= 0)
		rp_note(t, _("Core category: %s."), a->nodes[core].name);
	else
		rp_note(t, "%s", _("No core category is marked yet."));
	if (storyline_notes(a, t) == 0)
		rp_note(t, "%s", _("No storyline yet (a memo of type storyline on "
		    "the core category)."));
	if (*note)
		rp_note(t, "%s", note);
	else if (m->nedges > 0)
		rp_note(t, "%s", _("Every slot that holds a category is linked to "
		    "the central phenomenon."));
	rp_note(t, ngettext("%s link. Segments: the codings attached to a link "
	    "as evidence, counted for %s; the quotes are from those codings.",
	    "%s links. Segments: the codings attached to a link as evidence, "
	    "counted for %s; the quotes are from those codings.",
	    (unsigned long)a->nlinks), rp_int((long long)a->nlinks),
	    by_whom(t));
	for (i = 0; i < a->nlinks; i++) {
		const struct link *l = &a->links[i];
		const struct link_type *ty = an_link_type(a, l->type);
		const struct memo *mo = l->memo != 0 ? an_memo(a, l->memo) : NULL;
		long f = an_node_index(a, l->from), g = an_node_index(a, l->to);
		char *q;

		rp_row(t);
		rp_set(t, 0, ty != NULL ? ty->name : "?");
		rp_set(t, 1, f >= 0 ? a->nodes[f].name : "?");
		rp_set(t, 2, g >= 0 ? a->nodes[g].name : "?");
		rp_set(t, 3, l->directed ? _("directed") : _("undirected"));
		rp_set(t, 4, mo != NULL ? mo->body : "");
		for (k = 0; k < src->n; k++) {
			int64_t n = 0;

			for (j = 0; j < a->evidence[i].n; j++) {
				long ci = an_coding_index(a, a->evidence[i].codings[j]);

				n += ci >= 0 && a->codings[ci].coder == src->coder[k];
			}
			set_num(t, 5 + k, n);
		}
		q = evidence_quotes(a, &a->evidence[i], src);
		rp_set(t, t->ncols - 1, q);
		free(q);
	}
	free(note);
}
