/*
 * cmd-matrix.c: `axial matrix` prints codes or categories against the
 * values of an attribute, the documents, or the codes (co-occurrence), as
 * a table for people, CSV, Markdown, HTML or JSON. What a cell counts:
 * docs/matrices.md and an_matrix (analysis.h).
 *
 * A matrix counts one source, never a sum over coders (a segment two
 * coders tagged would count twice): --source, else the consensus coding
 * when it has codings, else the one coder who coded; several coders and no
 * consensus: the user chooses, as for `axial report`.
 */
#include <stdlib.h>
#include <string.h>

#include <uniwidth.h>

#include "stats/analysis.h"
#include "store/compare.h"
#include "store/project.h"
#include "base/i18n.h"
#include "text/name.h"
#include "exchange/report.h"
#include "cli/cmd.h"

enum mx_format { MX_TABLE, MX_CSV, MX_MD, MX_HTML, MX_JSON };
static const char *const formats[] = { "table", "csv", "md", "html", "json" };

/* Whether coder id has codings in a. */
static bool
coded(const struct an_project *a, int64_t id)
{
	return rp_coder_has_codings(a, id);
}

/* "coder-a, coder-b": the logins one may give to --source. */
static char *
logins(const struct an_project *a)
{
	struct buf b = {0};
	size_t i;

	buf_puts(&b, "");
	for (i = 0; i < a->ncoders; i++)
		if (a->ncodings == 0 || coded(a, a->coders[i].id))
			buf_printf(&b, "%s%s", b.len > 0 ? ", " : "",
			    a->coders[i].login);
	return buf_take(&b);
}

/* The coder the matrix counts into *id (see the top of the file). */
static int
source_of(const struct cmd *self, const char *path,
    const struct an_project *a, const char *want, int64_t *id)
{
	char *list = logins(a);
	const char *near = NULL;
	size_t i, ncoded = 0, d, best = 3;
	int rc = CMD_OK;

	*id = -1;
	for (i = 0; i < a->ncoders; i++) {
		if (want != NULL && strcmp(a->coders[i].login, want) == 0)
			*id = a->coders[i].id;
		else if (want != NULL && (d = name_distance(a->coders[i].login,
		    want, best - 1)) < best) {
			best = d;
			near = a->coders[i].login;
		}
		if (strcmp(a->coders[i].login, CONSENSUS_CODER) != 0 &&
		    coded(a, a->coders[i].id)) {
			ncoded++;
			if (want == NULL)
				*id = a->coders[i].id;
		}
	}
	if (want != NULL && *id < 0 && strcmp(want, CONSENSUS_CODER) == 0)
		rc = cmd_error(_("%s has no consensus coding yet: build it with "
		    "axial consensus, or choose a coder (%s)"), path, list);
	else if (want != NULL && *id < 0 && near != NULL)
		rc = cmd_error(_("%s: no coder '%s'; did you mean '%s'? (coders: "
		    "%s)"), path, want, near, list);
	else if (want != NULL && *id < 0)
		rc = cmd_error(_("%s: no coder '%s' (coders: %s)"), path, want,
		    list);
	else if (want == NULL && rp_default_source(a, 0) != 0)
		*id = rp_default_source(a, 0);
	else if (want == NULL && ncoded > 1)
		rc = cmd_usage(self, _("%s has codings by %zu coders and no "
		    "consensus coding: choose one with --source (%s); summing "
		    "them would count a segment both coders tagged twice"), path,
		    ncoded, list);
	else if (want == NULL && ncoded == 0 && a->ncoders == 1)
		*id = a->coders[0].id;
	free(list);
	return rc;
}

/* The table for people: title, source, columns padded by display width. */
static void
put_table(const struct rp_table *t, struct buf *b)
{
	int *w = xcalloc(t->ncols + 1, sizeof *w), n;
	size_t r, c;

	for (c = 0; c < t->ncols; c++) {
		w[c] = u8_strwidth((const uint8_t *)t->head[c], "UTF-8");
		for (r = 0; r < t->nrows; r++)
			if ((n = u8_strwidth((const uint8_t *)t->cell[r * t->ncols + c],
			    "UTF-8")) > w[c])
				w[c] = n;
	}
	buf_printf(b, "%s\n%s\n", t->title, t->source_line);
	for (c = 0; c < t->ncols; c++) {
		buf_puts(b, c > 0 ? "  " : "");
		cmd_pad(b, t->head[c], c + 1 < t->ncols ? w[c] : 0, c > 0 && w[c] > 0);
	}
	buf_putc(b, '\n');
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			buf_puts(b, c > 0 ? "  " : "");
			cmd_pad(b, t->cell[r * t->ncols + c], w[c], t->numeric[c]);
		}
		buf_putc(b, '\n');
	}
	for (r = 0; r < t->nnotes; r++)
		buf_printf(b, "%s\n", t->notes[r]);
	free(w);
}

static void
json_int_array(struct buf *b, const char *key, const int64_t *v, size_t n)
{
	size_t i;

	buf_printf(b, ",\"%s\":[", key);
	for (i = 0; i < n; i++)
		buf_printf(b, "%s%lld", i > 0 ? "," : "", (long long)v[i]);
	buf_putc(b, ']');
}

/* Every figure: cells, totals and both percentages (exact, in JSON). */
static void
put_json(const struct an_project *a, const struct an_matrix *m,
    const char *source, struct buf *b)
{
	static const char *const counts[] = { "segments", "documents",
	    "paragraphs" };
	size_t r, c;

	buf_printf(b, "{\"row_kind\":\"%s\",\"col_kind\":\"%s\",\"count\":\"%s\","
	    "\"source\":", m->spec.rows == AN_MX_CODES ? "codes" : "categories",
	    m->spec.cols == AN_MX_BY_ATTR ? "attr" : m->spec.cols == AN_MX_BY_DOC ?
	    "documents" : "codes", counts[m->spec.count]);
	buf_json_str(b, source, strlen(source));
	if (m->attr != NULL) {
		buf_puts(b, ",\"attr\":");
		buf_json_str(b, m->attr, strlen(m->attr));
	}
	buf_puts(b, ",\"columns\":[");
	for (c = 0; c < m->ncols; c++) {
		buf_puts(b, c > 0 ? ",{\"label\":" : "{\"label\":");
		if (m->col_label[c] != NULL)
			buf_json_str(b, m->col_label[c], strlen(m->col_label[c]));
		else
			buf_puts(b, "null");
		if (m->has_totals)
			buf_printf(b, ",\"total\":%lld", (long long)m->col_total[c]);
		buf_putc(b, '}');
	}
	buf_puts(b, "],\"rows\":[");
	for (r = 0; r < m->nrows; r++) {
		const char *nm = a->nodes[m->row_node[r]].name;

		buf_puts(b, r > 0 ? ",{\"name\":" : "{\"name\":");
		buf_json_str(b, nm, strlen(nm));
		json_int_array(b, "cells", &m->cell[r * m->ncols], m->ncols);
		if (m->has_totals) {
			buf_printf(b, ",\"total\":%lld", (long long)m->row_total[r]);
			for (c = 0; c < 2 * m->ncols; c++) {
				size_t k = c % m->ncols;
				char *p = rp_decimal(an_percent(m->cell[r * m->ncols + k],
				    c < m->ncols ? m->row_total[r] : m->col_total[k]));

				if (k == 0)
					buf_printf(b, ",\"%s\":[", c < m->ncols ?
					    "row_percent" : "col_percent");
				buf_printf(b, "%s%s", k > 0 ? "," : "", p);
				if (k + 1 == m->ncols)
					buf_putc(b, ']');
				free(p);
			}
			if (m->ncols == 0)
				buf_puts(b, ",\"row_percent\":[],\"col_percent\":[]");
		}
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
	if (m->has_totals)
		buf_printf(b, ",\"total\":%lld", (long long)m->total);
	buf_puts(b, "}\n");
}

/* --rows, --cols, --count into the spec; the usage error otherwise. */
static int
parse_spec(const struct cmd *self, const char *rows, const char *cols,
    const char *count, struct an_matrix_spec *s)
{
	if (strcmp(rows, "codes") == 0)
		s->rows = AN_MX_CODES;
	else if (strcmp(rows, "categories") == 0)
		s->rows = AN_MX_CATEGORIES;
	else
		return cmd_usage(self, _("--rows takes codes or categories, not "
		    "'%s'"), rows);
	if (strncmp(cols, "attr:", 5) == 0 && cols[5] != '\0') {
		s->cols = AN_MX_BY_ATTR;
		s->attr = cols + 5;
	} else if (strcmp(cols, "documents") == 0) {
		s->cols = AN_MX_BY_DOC;
	} else if (strcmp(cols, "codes") == 0) {
		s->cols = AN_MX_BY_CODE;
	} else {
		return cmd_usage(self, _("--cols takes attr:NAME, documents or "
		    "codes, not '%s'"), cols);
	}
	if (count == NULL || strcmp(count, "segments") == 0)
		s->count = AN_MX_SEGMENTS;
	else if (strcmp(count, "documents") == 0)
		s->count = AN_MX_DOCUMENTS;
	else if (strcmp(count, "paragraphs") == 0 && s->cols == AN_MX_BY_CODE)
		s->count = AN_MX_PARAGRAPHS;
	else if (strcmp(count, "paragraphs") == 0)
		return cmd_usage(self, "%s", _("--count paragraphs is for --cols "
		    "codes (co-occurrence in one paragraph)"));
	else
		return cmd_usage(self, _("--count takes segments or documents "
		    "(or, with --cols codes, paragraphs), not '%s'"), count);
	if (s->rows == AN_MX_CATEGORIES && s->cols == AN_MX_BY_CODE)
		return cmd_usage(self, "%s", _("co-occurrence is between codes: "
		    "--cols codes needs --rows codes"));
	return CMD_OK;
}

/* The attribute keys as a list for the message, or NULL when none. */
static char *
attr_keys(const struct an_project *a)
{
	struct an_demographics d;
	struct buf b = {0};
	size_t k;

	an_demographics(a, &d);
	for (k = 0; k < d.nattrs; k++)
		buf_printf(&b, "%s%s", k > 0 ? ", " : "", d.attrs[k].key);
	an_demographics_done(&d);
	return buf_take(&b);
}

static int
matrix_main(const struct cmd *self, int argc, char **argv)
{
	const char *rows = NULL, *cols = NULL, *source = NULL, *count = NULL,
	    *format = "table", *percent = NULL, *near = NULL;
	const struct cmd_opt opts[] = {
		{"rows", 0, true, &rows},
		{"cols", 0, true, &cols},
		{"source", 0, true, &source},
		{"count", 0, true, &count},
		{"percent", 0, true, &percent},
		{"format", 'f', true, &format},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct an_project a;
	struct an_matrix m;
	struct an_matrix_spec s;
	struct rp_table t;
	struct buf b = {0};
	char **ops, *keys;
	int n, rc, fmt, pct = 0;

	memset(&a, 0, sizeof a);
	memset(&m, 0, sizeof m);
	memset(&s, 0, sizeof s);
	if ((rc = cmd_operands(self, argc, argv, opts, 1, 1, NULL, &ops, &n)) != 0)
		return rc;
	if (rows == NULL || cols == NULL) {
		rc = cmd_usage(self, "%s", _("--rows and --cols are required"));
		goto out;
	}
	if ((rc = parse_spec(self, rows, cols, count, &s)) != CMD_OK)
		goto out;
	if ((fmt = str_index(formats, AX_ARRAY_LEN(formats), format)) < 0) {
		rc = cmd_usage(self, _("unknown format '%s' (table, csv, md, html "
		    "or json)"), format);
		goto out;
	}
	if (percent != NULL && (strcmp(percent, "row") == 0 ||
	    strcmp(percent, "col") == 0) && s.cols != AN_MX_BY_CODE)
		pct = percent[0] == 'r' ? 'r' : 'c';
	else if (percent != NULL && strcmp(percent, "none") != 0) {
		rc = cmd_usage(self, "%s", _("--percent takes row, col or none, and "
		    "is not for --cols codes"));
		goto out;
	}
	if ((rc = cmd_project_open(ops[0], NULL, PROJECT_READONLY, &p)) != CMD_OK)
		goto out;
	if (an_load(p, &a) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	if ((rc = source_of(self, ops[0], &a, source, &s.coder)) != CMD_OK)
		goto out;
	switch (an_matrix(&a, &s, &m, &near)) {
	case AN_MX_OK:
		break;
	case AN_MX_NO_ATTR:
		keys = attr_keys(&a);
		if (*keys == '\0')
			rc = cmd_error(_("%s: no attribute '%s': no document has an "
			    "attribute yet (axial attr sets them)"), ops[0], s.attr);
		else if (near != NULL)
			rc = cmd_error(_("%s: no attribute '%s'; did you mean '%s'? "
			    "(attributes: %s)"), ops[0], s.attr, near, keys);
		else
			rc = cmd_error(_("%s: no attribute '%s' (attributes: %s)"),
			    ops[0], s.attr, keys);
		free(keys);
		goto out;
	case AN_MX_BAD_SHAPE:	/* parse_spec refused these */
		rc = cmd_error("%s", _("co-occurrence is between codes: --cols "
		    "codes needs --rows codes"));
		goto out;
	}
	if (fmt == MX_JSON) {
		long ci = an_coder_index(&a, s.coder);

		put_json(&a, &m, ci >= 0 ? a.coders[ci].login : "", &b);
	} else {
		rp_matrix_table(&a, &m, pct, "matrix", &t);
		if (fmt == MX_TABLE)
			put_table(&t, &b);
		else if (fmt == MX_CSV)
			rp_csv(&t, &b);
		else if (fmt == MX_MD)
			rp_markdown(&t, &b);
		else
			rp_html(&t, a.title, &b);
		rp_table_done(&t);
	}
	cmd_put_text(stdout, b.s, b.len);	/* placeholders on a terminal */
out:
	buf_done(&b);
	an_matrix_done(&m);
	an_done(&a);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_matrix = {
	"matrix", "PROJECT --rows codes|categories --cols attr:NAME|documents|codes\n"
	"       [--source consensus|LOGIN] [--count segments|documents|paragraphs]\n"
	"       [--percent row|col] [--format table|csv|md|html|json]",
	N_("codes or categories against attribute values, documents or codes"),
	N_("      --rows R        codes, or categories (a category counts the\n"
	"                      codings of every code under it)\n"
	"      --cols C        attr:NAME (one column per value, and (none) for\n"
	"                      documents without it), documents, or codes\n"
	"                      (co-occurrence; needs --rows codes)\n"
	"      --source SRC    consensus or a coder's LOGIN (default: the\n"
	"                      consensus coding when it has codings, else the one\n"
	"                      coder who coded); never a sum over coders\n"
	"      --count N       segments (codings, the default) or documents;\n"
	"                      with --cols codes also paragraphs\n"
	"      --percent P     row or col: cells as row or column percentages\n"
	"  -f, --format F      table (default), csv, md, html or json (every\n"
	"                      count, total and percentage)\n"
	"See docs/matrices.md for what a cell counts.\n"),
	matrix_main,
};
