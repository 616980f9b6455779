/*
 * agreement-report-many.c: agree_state_print for a set of three or more
 * coders in the presence modes (a-d): every figure of a row covers the
 * set, and each says which coders it covers (docs/agreement.md §3.9).
 *
 * A row carries N, the units by how many of the m coders applied the code
 * (hist 0..m), the mean pairwise agreement P-bar, Fleiss' kappa, nominal
 * alpha, Light's kappa and Gwet's AC1 (all m coders), and the pairwise Cohen matrix
 * (one 2x2 table and kappa per pair, labelled with the pair). Nothing of
 * coders 0 and 1 alone is printed: the two-coder layout stays in
 * agreement-report.c, unchanged. Rows are chosen, pooled and hidden as
 * there (codes nobody used left out unless AGREE_PRINT_ALL). The table is
 * for people (translated, Persian digits on request); CSV and JSON keep
 * English and Latin digits.
 */
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "stats/agreement-int.h"
#include "base/i18n.h"
#include "base/util.h"

struct mrow {
	const char *kind;	/* code, category, document, pooled */
	char *name;
	int64_t n;
	int64_t *hist;		/* m + 1 */
	int64_t *pair;		/* m * m */
	struct agree_fig *kappa;	/* m * m, x < y */
	struct agree_many f;
	const char *note;
};

struct mctx {
	const struct agree_state *st;
	const struct agree_config *cfg;
	const struct agree_names *names;
	enum agree_format fmt;
	bool fa;
	int m;
	size_t ndocs;
	char **coder;		/* m names */
	struct buf *out;
	int nrows;
};

/* fmt onto the output, its figures in the table's digits and BUF_NAME0 as
 * name (buf_figures). */
static void
put(struct mctx *x, const char *name, const char *fmt, ...) AX_PRINTF(3, 4);
static void
put(struct mctx *x, const char *name, const char *fmt, ...)
{
	const char *names[2] = { name, NULL };
	va_list ap;
	char *t;

	va_start(ap, fmt);
	t = xvasprintf(fmt, ap);
	va_end(ap);
	buf_figures(x->out, t, x->fa, names);
	free(t);
}

static void
put_fig(struct mctx *x, const char *label, struct agree_fig f, bool pct)
{
	char pc[PERCENT_MAX];

	put(x, NULL, " %s ", label);
	if (f.why != NULL)
		put(x, NULL, _("undefined (%s)"), _(f.why));
	else if (pct)
		put(x, NULL, "%s%%", percent_fmt(pc, sizeof pc, f.v, 1, 1,
		    PERCENT_BOUND));
	else
		put(x, NULL, "%.3f", f.v);
}

/* Once above the table: which coders the figures cover. */
static void
table_head(struct mctx *x)
{
	struct buf who = {0};
	int i;

	for (i = 0; i < x->m; i++)
		buf_printf(&who, "%s%s", i ? ", " : "", x->coder[i]);
	/* TRANSLATORS: above `axial agree` with three or more coders; %s is
	   the list of coders, %d how many */
	put(x, who.s, _("coders %s: %%agr (mean over pairs), Fleiss κ, α, "
	    "Light κ and AC1 cover all %d; κ X-Y covers the pair X, Y; 0:N "
	    "1:N ... count the units by how many of them applied the code\n"),
	    BUF_NAME0, x->m);
	buf_done(&who);
}

static void
emit_table(struct mctx *x, const struct mrow *r)
{
	const char *name = strcmp(r->kind, "pooled") == 0 ? _("all codes") :
	    r->name;
	int i, j;

	put(x, name, _("%s \"%s\"  unit=%s"), agree_kind_label(r->kind), BUF_NAME0,
	    agree_unit_names[x->cfg->unit]);
	put(x, NULL, ngettext("  scope=%zu doc  N=%lld\n ",
	    "  scope=%zu docs  N=%lld\n ", x->ndocs), x->ndocs, (long long)r->n);
	for (i = 0; i <= x->m; i++)
		put(x, NULL, " %d:%lld", i, (long long)r->hist[i]);
	buf_putc(x->out, ' ');
	/* xgettext:no-c-format */
	put_fig(x, _("%agr"), r->f.pbar, true);
	put_fig(x, _("Fleiss κ"), r->f.fleiss, false);
	put_fig(x, _("α"), r->f.alpha, false);
	put_fig(x, _("Light κ"), r->f.light, false);
	put_fig(x, _("AC1"), r->f.ac1, false);
	if (r->note != NULL)
		put(x, NULL, "  (%s)", _(r->note));
	buf_puts(x->out, "\n ");
	for (i = 0; i < x->m; i++)
		for (j = i + 1; j < x->m; j++) {
			const char *names[3] = { x->coder[i], x->coder[j], NULL };
			char *l = xasprintf(" κ %s-%s", BUF_NAME0, BUF_NAME1);
			struct agree_fig f = r->kappa[i * x->m + j];

			buf_figures(x->out, l, x->fa, names);
			free(l);
			if (f.why != NULL)
				put(x, NULL, _(" undefined (%s)"), _(f.why));
			else
				put(x, NULL, " %.3f", f.v);
		}
	buf_putc(x->out, '\n');
}

static void
status(const struct mctx *x, struct buf *s, const struct mrow *r)
{
	const struct agree_fig *f[5] = { &r->f.pbar, &r->f.fleiss, &r->f.alpha,
	    &r->f.light, &r->f.ac1 };
	static const char *const key[5] = { "pbar", "fleiss_kappa", "alpha",
	    "light_kappa", "ac1" };
	int i, j;

	for (i = 0; i < 5; i++)
		if (f[i]->why != NULL)
			buf_printf(s, "%s%s: undefined (%s)", s->len ? "; " : "",
			    key[i], f[i]->why);
	for (i = 0; i < x->m; i++)
		for (j = i + 1; j < x->m; j++)
			if (r->kappa[i * x->m + j].why != NULL)
				buf_printf(s, "%skappa %s-%s: undefined (%s)",
				    s->len ? "; " : "", x->coder[i], x->coder[j],
				    r->kappa[i * x->m + j].why);
	if (r->note != NULL)
		buf_printf(s, "%s%s", s->len ? "; " : "", r->note);
}

static void
num(struct buf *b, struct agree_fig f)
{
	if (f.why == NULL)
		buf_printf(b, "%.6g", f.v);
}

static void
emit_csv(struct mctx *x, const struct mrow *r)
{
	struct buf *b = x->out, s = {0}, l = {0};
	int i, j;

	if (x->nrows == 0) {
		buf_puts(b, "scope,row,name,mode,N,coders,hist,pbar,fleiss_kappa,"
		    "alpha,light_kappa,ac1");
		for (i = 0; i < x->m; i++)
			for (j = i + 1; j < x->m; j++) {
				char *k = xasprintf("kappa %s-%s", x->coder[i],
				    x->coder[j]);

				buf_putc(b, ',');
				buf_csv_field(b, k);
				free(k);
			}
		buf_puts(b, ",status\n");
	}
	buf_printf(b, "%zu docs,%s,", x->ndocs, r->kind);
	buf_csv_field(b, r->name);
	buf_printf(b, ",%s,%lld,", agree_unit_names[x->cfg->unit], (long long)r->n);
	for (i = 0; i < x->m; i++)
		buf_printf(&l, "%s%s", i ? ";" : "", x->coder[i]);
	buf_csv_field(b, l.s);
	buf_putc(b, ',');
	for (i = 0; i <= x->m; i++)
		buf_printf(b, "%s%lld", i ? ";" : "", (long long)r->hist[i]);
	buf_putc(b, ',');
	num(b, r->f.pbar);
	buf_putc(b, ',');
	num(b, r->f.fleiss);
	buf_putc(b, ',');
	num(b, r->f.alpha);
	buf_putc(b, ',');
	num(b, r->f.light);
	buf_putc(b, ',');
	num(b, r->f.ac1);
	for (i = 0; i < x->m; i++)
		for (j = i + 1; j < x->m; j++) {
			buf_putc(b, ',');
			num(b, r->kappa[i * x->m + j]);
		}
	buf_putc(b, ',');
	status(x, &s, r);
	buf_csv_field(b, s.s != NULL ? s.s : "");
	buf_putc(b, '\n');
	buf_done(&s);
	buf_done(&l);
}

static void
json_fig(struct buf *b, const char *key, struct agree_fig f)
{
	buf_printf(b, ", \"%s\": ", key);
	if (f.why != NULL)
		buf_puts(b, "null");
	else
		buf_printf(b, "%.6g", f.v);
}

static void
emit_json(struct mctx *x, const struct mrow *r)
{
	struct buf *b = x->out, s = {0};
	int i, j;

	buf_puts(b, x->nrows ? ",\n  {\"row\": \"" : "\n  {\"row\": \"");
	buf_printf(b, "%s\", \"name\": ", r->kind);
	buf_json_str(b, r->name, strlen(r->name));
	buf_printf(b, ", \"N\": %lld, \"hist\": [", (long long)r->n);
	for (i = 0; i <= x->m; i++)
		buf_printf(b, "%s%lld", i ? ", " : "", (long long)r->hist[i]);
	buf_putc(b, ']');
	json_fig(b, "pbar", r->f.pbar);
	json_fig(b, "fleiss_kappa", r->f.fleiss);
	json_fig(b, "alpha", r->f.alpha);
	json_fig(b, "light_kappa", r->f.light);
	json_fig(b, "ac1", r->f.ac1);
	buf_puts(b, ", \"pairs\": [");
	for (i = 0; i < x->m; i++)
		for (j = i + 1; j < x->m; j++) {
			struct agree_cells c;

			agree_pair_cells(r->pair, x->m, r->n, i, j, &c);
			buf_puts(b, i + j > 1 ? ", {\"coders\": [" : "{\"coders\": [");
			buf_json_str(b, x->coder[i], strlen(x->coder[i]));
			buf_puts(b, ", ");
			buf_json_str(b, x->coder[j], strlen(x->coder[j]));
			buf_printf(b, "], \"a\": %lld, \"b\": %lld, \"c\": %lld, "
			    "\"d\": %lld", (long long)c.a, (long long)c.b,
			    (long long)c.c, (long long)c.d);
			json_fig(b, "kappa", r->kappa[i * x->m + j]);
			buf_putc(b, '}');
		}
	buf_putc(b, ']');
	status(x, &s, r);
	buf_puts(b, ", \"status\": ");
	buf_json_str(b, s.s != NULL ? s.s : "", s.len);
	buf_putc(b, '}');
	buf_done(&s);
}

static char *
name_of(const char *const *names, size_t i)
{
	if (names != NULL && names[i] != NULL)
		return xstrdup(names[i]);
	return xasprintf("#%zu", i);
}

/* The histogram of one row, pooled as agree_state_print pools it. */
static void
row_hist(const struct mctx *x, enum agree_by by, int64_t i, int64_t *hist)
{
	struct agree_cells c;

	if (i < 0)
		agree_state_total_table(x->st, &c, hist);
	else if (by == AGREE_BY_CODE)
		agree_state_table(x->st, i, -1, &c, hist);
	else if (by == AGREE_BY_CATEGORY)
		agree_state_category_table(x->st, i, &c, hist);
	else
		agree_state_doc_table(x->st, i, &c, hist);
}

size_t
agree_many_print(const struct agree_state *st, enum agree_by by,
    enum agree_format fmt, const struct agree_names *names, unsigned flags,
    struct buf *out)
{
	struct mctx x = {0};
	struct mrow r = {0};
	size_t i, n, ncodes, ncats, hidden = 0;
	int c;
	locale_t cloc, old;

	x.st = st;
	x.cfg = agree_state_config(st);
	x.names = names;
	x.fmt = fmt;
	x.fa = fmt == AGREE_FMT_TABLE && (flags & AGREE_PRINT_FA_DIGITS);
	x.m = x.cfg->ncoders;
	x.out = out;
	agree_state_size(st, &x.ndocs, &ncodes, &ncats);
	x.coder = xcalloc((size_t)x.m, sizeof *x.coder);
	for (c = 0; c < x.m; c++)
		x.coder[c] = name_of(names->coder, (size_t)c);
	r.hist = xcalloc((size_t)x.m + 1, sizeof *r.hist);
	r.pair = xcalloc((size_t)x.m * (size_t)x.m, sizeof *r.pair);
	r.kappa = xcalloc((size_t)x.m * (size_t)x.m, sizeof *r.kappa);
	cloc = newlocale(LC_NUMERIC_MASK, "C", duplocale(LC_GLOBAL_LOCALE));
	old = uselocale(cloc);
	if (fmt == AGREE_FMT_JSON) {
		buf_printf(out, "{\"mode\": \"%s\", \"coders\": %d, \"coder_names\": [",
		    agree_unit_names[x.cfg->unit], x.m);
		for (c = 0; c < x.m; c++) {
			buf_puts(out, c ? ", " : "");
			buf_json_str(out, x.coder[c], strlen(x.coder[c]));
		}
		buf_printf(out, "], \"scope_docs\": %zu, \"rows\": [", x.ndocs);
	} else if (fmt == AGREE_FMT_TABLE)
		table_head(&x);
	n = by == AGREE_BY_CODE ? ncodes : by == AGREE_BY_CATEGORY ? ncats : x.ndocs;
	for (i = 0; i <= n; i++) {
		bool pooled = i == n, unused;
		int64_t at = pooled ? -1 : (int64_t)i;

		r.kind = pooled ? "pooled" : by == AGREE_BY_CODE ? "code" :
		    by == AGREE_BY_CATEGORY ? "category" : "document";
		row_hist(&x, by, at, r.hist);
		r.n = agree_state_pairs(st, by, at, r.pair);
		agree_many_figures(r.hist, r.pair, x.m, r.n, &r.f, r.kappa);
		/* hist[0] == N: no coder applied a code of the row */
		unused = r.hist[0] == r.n;
		r.note = unused && r.n > 0 && by == AGREE_BY_CODE ?
		    N_("no coder applied this code") : NULL;
		if (!pooled && unused && !(flags & AGREE_PRINT_ALL)) {
			hidden++;
			continue;
		}
		r.name = pooled ? xstrdup("all codes") : name_of(by == AGREE_BY_CODE ?
		    names->code : by == AGREE_BY_CATEGORY ? names->category :
		    names->doc, i);
		if (fmt == AGREE_FMT_CSV)
			emit_csv(&x, &r);
		else if (fmt == AGREE_FMT_JSON)
			emit_json(&x, &r);
		else
			emit_table(&x, &r);
		x.nrows++;
		free(r.name);
	}
	if (fmt == AGREE_FMT_JSON)
		buf_printf(out, "], \"hidden\": %zu}\n", hidden);
	uselocale(old);
	freelocale(cloc);
	for (c = 0; c < x.m; c++)
		free(x.coder[c]);
	free(x.coder);
	free(r.hist);
	free(r.pair);
	free(r.kappa);
	return hidden;
}
