/*
 * report-agree.c: the report's agreement table. Its figures are the rows
 * `axial agree PROJECT --coders ... --format csv` prints (paragraph units,
 * the default bootstrap), read back from agree_state_print_boot's CSV, and
 * each code's alpha for unitizing from the calls `axial agree --unit
 * segments` makes: no figure has a second formula here, so the report and
 * the CLI cannot disagree. CSV cells keep agree's text exactly; Markdown
 * and HTML show three decimals, "undefined" for a figure without a value
 * (the Notes column gives agree's reason) and the interval columns empty
 * when the method column says why there is none.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "exchange/csv.h"
#include "exchange/report.h"
#include "stats/agree-project.h"
#include "stats/agreement-unitize.h"
#include "stats/retest.h"
#include "store/compare.h"

/* The CSV columns the table shows, by agree's key; heads translated. */
struct col {
	const char *key;
	const char *head;
	bool ci;		/* an interval bound: empty, not "undefined" */
};

static const struct col two_cols[] = {
	{ "prevalence", N_("Prevalence"), false },
	{ "kappa", N_("Kappa"), false },
	{ "kappa_ci_lower", /* xgettext:no-c-format */ N_("Kappa 95% lower"), true },
	{ "kappa_ci_upper", /* xgettext:no-c-format */ N_("Kappa 95% upper"), true },
	{ "ac1", N_("AC1"), false },
	{ "ac1_ci_lower", /* xgettext:no-c-format */ N_("AC1 95% lower"), true },
	{ "ac1_ci_upper", /* xgettext:no-c-format */ N_("AC1 95% upper"), true },
	{ "alpha", N_("Alpha"), false },
	{ "ci_method", N_("Interval method"), true },
};

static const struct col many_cols[] = {
	{ "fleiss_kappa", N_("Fleiss' kappa"), false },
	{ "alpha", N_("Alpha"), false },
	{ "light_kappa", N_("Light's kappa"), false },
	{ "ac1", N_("AC1"), false },
};

/* Agree's CSV as records: rec[i][j], the header first. */
struct sheet {
	char ***rec;
	size_t *nf;
	size_t n;
};

static void
sheet_done(struct sheet *s)
{
	size_t i, j;

	for (i = 0; i < s->n; i++) {
		for (j = 0; j < s->nf[i]; j++)
			free(s->rec[i][j]);
		free(s->rec[i]);
	}
	free(s->rec);
	free(s->nf);
	memset(s, 0, sizeof *s);
}

static void
sheet_read(struct sheet *s, const struct buf *b)
{
	struct csv c;
	char *err = NULL;
	size_t j;

	memset(s, 0, sizeof *s);
	csv_init(&c, b->s != NULL ? b->s : "", b->len);
	while (csv_next(&c, &err) == 1) {	/* agree writes it: never malformed */
		s->rec = xrealloc(s->rec, (s->n + 1) * sizeof *s->rec);
		s->nf = xrealloc(s->nf, (s->n + 1) * sizeof *s->nf);
		s->rec[s->n] = xcalloc(c.nfields + 1, sizeof **s->rec);
		for (j = 0; j < c.nfields; j++)
			s->rec[s->n][j] = xstrdup(c.fields[j]);
		s->nf[s->n++] = c.nfields;
	}
	free(err);
	csv_done(&c);
}

/* The column of key in the header, or -1. */
static int
sheet_col(const struct sheet *s, const char *key)
{
	size_t j;

	for (j = 0; s->n > 0 && j < s->nf[0]; j++)
		if (strcmp(s->rec[0][j], key) == 0)
			return (int)j;
	return -1;
}

static const char *
cell(const struct sheet *s, size_t row, int col)
{
	return col >= 0 && (size_t)col < s->nf[row] ? s->rec[row][col] : "";
}

/* The coders' figures per code at paragraph units as agree's CSV, and
 * alpha for unitizing of their codings as `axial agree --unit segments`
 * computes it (cmd-agree-unitize.c): the same calls. */
static enum ax_status
agree_figures(struct project *p, const char *const *coders, int n,
    struct sheet *out, struct agree_unitize *u, const char *const **names,
    struct agree_project **ap, size_t *hidden)
{
	struct agree_config cfg = { AGREE_UNIT_PARAGRAPH, 2, false, 0.9, false,
	    AGREE_UNIT_PARAGRAPH };
	struct agree_useg_set s = {0};
	struct buf b = {0};
	enum ax_status st;
	size_t h;

	if ((st = agree_project_new(p, coders, n, &cfg, 0, ap)) != AX_OK)
		return st;
	h = agree_state_print_boot(agree_project_state(*ap), AGREE_BY_CODE,
	    AGREE_FMT_CSV, agree_project_names(*ap), 0, AGREE_BOOT_DEFAULT,
	    AGREE_SEED_DEFAULT, &b);
	if (hidden != NULL)
		*hidden = h;
	sheet_read(out, &b);
	buf_done(&b);
	agree_state_usegs(agree_project_state(*ap), -1, &s);
	agree_unitize(&s, u);
	agree_useg_free(&s);
	*names = agree_project_names(*ap)->code;
	return AX_OK;
}

/* A figure cell: three decimals shown, agree's text exported. */
static void
put_fig(struct rp_table *t, size_t col, const char *v, bool ci)
{
	char *end;
	double d = strtod(v, &end);

	if (*v == '\0') {
		rp_set(t, col, ci ? "" : _("undefined"));
	} else if (*end == '\0') {
		rp_setf(t, col, "%.3f", d);
	} else {
		rp_set(t, col, v);
		return;
	}
	rp_set_exact(t, col, v);
}

/* The alpha_U cell: f as `axial agree --unit segments --format csv`
 * writes it (%.12g; its reason beside the row's others). */
static void
put_ualpha(struct rp_table *t, size_t col, size_t scol, struct agree_fig f,
    struct buf *why)
{
	char *v = f.why == NULL ? xasprintf("%.12g", f.v) : xstrdup("");

	put_fig(t, col, v, false);
	if (f.why != NULL) {
		buf_printf(why, "%salpha_u: undefined (%s)", why->len ? "; " : "",
		    f.why);
		rp_set(t, scol, why->s);
	}
	free(v);
}

size_t
rp_agree_coders(const struct an_project *a, const char **out, size_t cap)
{
	size_t i, n = 0;
	const char *l;

	for (i = 0; i < a->ncoders && n < cap; i++) {
		l = a->coders[i].login;
		if (strcmp(l, CONSENSUS_CODER) == 0 || retest_is_pass(l) ||
		    !rp_coder_has_codings(a, a->coders[i].id))
			continue;
		out[n++] = l;
	}
	return n;
}

enum ax_status
rp_agree_table(struct project *p, const char *const *coders, int n,
    struct rp_table *t, size_t *hidden)
{
	const struct col *cols = n > 2 ? many_cols : two_cols;
	size_t ncols = n > 2 ? AX_ARRAY_LEN(many_cols) : AX_ARRAY_LEN(two_cols);
	struct agree_unitize u = {0};
	struct agree_project *ap = NULL;
	const char *const *code = NULL;
	struct sheet s = {0};
	struct buf who = {0}, arg = {0};
	enum ax_status st;
	size_t i, j, c, scol;
	int k, v, row, name, stat;

	if ((st = agree_figures(p, coders, n, &s, &u, &code, &ap, hidden))
	    != AX_OK)
		goto out;
	for (k = 0; k < n; k++) {
		buf_printf(&who, "%s%s", k ? ", " : "", coders[k]);
		buf_printf(&arg, "%s%s", k ? "," : "", coders[k]);
	}
	rp_table_init(t, "agreement", _("Agreement between coders"), 2,
	    _("Code"), _("Coders"), NULL);
	for (j = 0; j < ncols; j++)
		rp_col(t, _(cols[j].head), strcmp(cols[j].key, "ci_method") != 0);
	for (j = 0; n > 2 && s.n > 0 && j < s.nf[0]; j++)	/* pairwise */
		if (strncmp(s.rec[0][j], "kappa ", 6) == 0)
			rp_col(t, s.rec[0][j], true);
	rp_col(t, _("Alpha for unitizing"), true);
	rp_col(t, _("Notes"), false);
	scol = t->ncols - 1;
	rp_note(t, _("Coders: %s. Units: paragraphs (presence of each code); "
	    "alpha for unitizing: the coders' character-level segments. The "
	    "figures are those of axial agree --coders %s --format csv."),
	    who.s, arg.s);
	row = sheet_col(&s, "row");
	name = sheet_col(&s, "name");
	stat = sheet_col(&s, "status");
	for (i = 1; i < s.n; i++) {
		bool pooled = strcmp(cell(&s, i, row), "pooled") == 0;
		struct buf why = {0};

		rp_row(t);
		rp_set(t, 0, pooled ? _("All codes (pooled)") : cell(&s, i, name));
		rp_set_exact(t, 0, cell(&s, i, name));
		rp_set(t, 1, who.s);
		for (j = 0, c = 2; j < ncols; j++, c++)
			put_fig(t, c, cell(&s, i, sheet_col(&s, cols[j].key)),
			    cols[j].ci);
		for (j = 0; n > 2 && j < s.nf[0]; j++)
			if (strncmp(s.rec[0][j], "kappa ", 6) == 0)
				put_fig(t, c++, cell(&s, i, (int)j), false);
		buf_puts(&why, cell(&s, i, stat));
		rp_set(t, scol, why.s);
		for (v = 0; !pooled && v < u.nvalues; v++)
			if (strcmp(code[v], cell(&s, i, name)) == 0)
				break;
		put_ualpha(t, c, scol, pooled ? u.alpha : v < u.nvalues ?
		    u.v[v].alpha : (struct agree_fig){ 0, "no such code" }, &why);
		buf_done(&why);
	}
	buf_done(&who);
	buf_done(&arg);
out:
	sheet_done(&s);
	agree_unitize_free(&u);
	agree_project_free(ap);
	return st;
}
