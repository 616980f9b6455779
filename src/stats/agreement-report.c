/*
 * agreement-report.c: the figures of an agreement state as text, CSV or
 * JSON, one row per code, category or document plus the pooled row, so
 * `axial agree PROJECT` and exports print what the UI shows.
 *
 * Which coefficients a row carries follows the table "Coefficients by mode"
 * of docs/agreement.md §2.9: modes a-d percent and positive agreement,
 * Cohen's kappa with SE and CI, Scott's pi, nominal alpha, Fleiss' kappa
 * with m >= 3 coders; mode e percent agreement, Holsti and Brennan-Prediger
 * (q = codes in the codebook), never kappa; mode f one pooled k x k row with
 * percent agreement, kappa, pi, BP (q = k) and alpha. Pooled rows sum the
 * cells of the codes some coder used; rows no coder used are left out
 * unless asked for, and counted. Percentages go through percent_fmt.
 * The table is read by people: its undefined reasons and notes are
 * translated; CSV and JSON keep them in English for programs.
 */
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/agreement-int.h"
#include "base/i18n.h"
#include "base/util.h"

enum { F_PO, F_POS, F_KAPPA, F_SE, F_LO, F_HI, F_PI, F_FLEISS, F_ALPHA,
	F_HOLSTI, F_BP, F_PREV, F_AC1, F_AC1_SE, F_AC1_LO, F_AC1_HI, F_ALO, F_AHI,
	F_FLO, F_FHI, NFIG };

static const char *const fig_key[NFIG] = {
	"po", "pos", "kappa", "kappa_se", "kappa_ci_lower", "kappa_ci_upper",
	"pi", "fleiss_kappa", "alpha", "holsti", "bp", "prevalence", "ac1",
	"ac1_se", "ac1_ci_lower", "ac1_ci_upper", "alpha_ci_lower",
	"alpha_ci_upper", "fleiss_kappa_ci_lower", "fleiss_kappa_ci_upper"
};

/* Interval columns: shown beside their figure, their reasons in ci_method. */
#define IS_CI(i) ((i) == F_SE || (i) == F_LO || (i) == F_HI || (i) >= F_AC1_SE)

struct row {
	const char *kind;	/* code, category, document, pooled */
	char *name;
	int64_t n;
	bool cells_on, ov_on;
	struct agree_cells c;
	struct agree_overlap ov;
	const int64_t *kxk;	/* mode f */
	int k;
	int64_t left_out;
	struct agree_fig f[NFIG];
	bool on[NFIG];
	const char *note;
	const char *ci;		/* how the intervals were made: agree_ci_* */
};

struct ctx {
	const struct agree_state *st;
	const struct agree_config *cfg;
	enum agree_format fmt;
	bool fa;		/* the table's figures in Persian digits */
	size_t ndocs, ncodes, ncats;
	int q;
	struct buf *out;
	int nrows;
	struct agree_cluster cl;	/* the pooled row's intervals (modes a-d) */
};

static void
set(struct row *r, int i, struct agree_fig f)
{
	r->f[i] = f;
	r->on[i] = true;
}

/*
 * Gwet's AC1 (agreement-gwet.c) of a presence table, over the two coders'
 * table or, with m >= 3, every coder's histogram; and the code's
 * prevalence, the share of coder-unit marks that apply it, which is what
 * pulls kappa down and leaves AC1 (docs/agreement.md §3.13).
 */
static void
gwet_figures(struct row *r, const int64_t *hist, int m)
{
	struct agree_gwet g;
	int64_t marks = 0, units = 0;
	int i;

	if (m >= 3) {
		agree_gwet_hist(hist, m, &g);
	} else {
		int64_t cells[4] = { r->c.a, r->c.b, r->c.c, r->c.d };

		agree_gwet_table(cells, 2, NULL, &g);
	}
	for (i = 0; i <= m; i++) {
		marks += i * hist[i];
		units += hist[i];
	}
	set(r, F_PREV, units > 0 ? (struct agree_fig){ (double)marks /
	    ((double)units * m), NULL } : g.ac);
	set(r, F_AC1, g.ac);
	set(r, F_AC1_SE, g.se);
	set(r, F_AC1_LO, g.lo);
	set(r, F_AC1_HI, g.hi);
}

/*
 * The intervals of a presence row (docs/agreement.md §4.6): none below
 * AGREE_MIN_POSITIVE marked units; the pooled row's by the cluster
 * bootstrap over documents; the others Wald's, as agree_kappa_2x2 gives.
 */
static void
ci_figures(const struct ctx *x, struct row *r, const int64_t *hist)
{
	struct agree_fig few = { 0, agree_ci_too_few };
	const struct agree_cluster *cl = &x->cl;

	r->ci = agree_ci_wald;
	if (agree_too_few_units(hist, x->cfg->ncoders)) {
		r->ci = agree_ci_too_few;
		set(r, F_LO, few);
		set(r, F_HI, few);
		if (r->on[F_AC1]) {	/* no interval means more for AC1 */
			set(r, F_AC1_SE, few);
			set(r, F_AC1_LO, few);
			set(r, F_AC1_HI, few);
		}
		return;
	}
	if (strcmp(r->kind, "pooled") != 0)
		return;
	r->ci = agree_ci_cluster;
	set(r, F_LO, cl->lo[AGREE_CL_KAPPA]);
	set(r, F_HI, cl->hi[AGREE_CL_KAPPA]);
	set(r, F_ALO, cl->lo[AGREE_CL_ALPHA]);
	set(r, F_AHI, cl->hi[AGREE_CL_ALPHA]);
	if (x->cfg->ncoders >= 3) {
		set(r, F_FLO, cl->lo[AGREE_CL_FLEISS]);
		set(r, F_FHI, cl->hi[AGREE_CL_FLEISS]);
	}
}

/* ci_method of CSV and JSON: the method, with B, seed and documents for
 * the bootstrap, and why the interval is undefined when it is. */
static void
ci_text(const struct ctx *x, const struct row *r, struct buf *b)
{
	if (r->ci == NULL)
		return;
	buf_puts(b, r->ci);
	if (r->ci == agree_ci_cluster)
		buf_printf(b, " (B=%d, seed=%llu, %zu documents)", x->cl.boot,
		    (unsigned long long)x->cl.seed, x->cl.clusters);
	if (r->ci != agree_ci_too_few && r->on[F_LO] && r->f[F_LO].why != NULL &&
	    r->f[F_KAPPA].why == NULL)
		buf_printf(b, ": undefined (%s)", r->f[F_LO].why);
}

/* Figures of a presence table and its histogram (modes a-d). */
static void
presence_figures(const struct ctx *x, struct row *r, const int64_t *hist)
{
	struct agree_kappa k;
	struct agree_alpha a;
	int m = x->cfg->ncoders;

	agree_kappa_2x2(r->c.a, r->c.b, r->c.c, r->c.d, &k);
	r->cells_on = true;
	r->n = k.n;
	set(r, F_PO, k.po);
	set(r, F_POS, k.pos);
	set(r, F_KAPPA, k.kappa);
	set(r, F_SE, k.ase);
	set(r, F_LO, k.ci_lo);
	set(r, F_HI, k.ci_hi);
	set(r, F_PI, k.pi);
	agree_hist_alpha(hist, m, &a);
	set(r, F_ALPHA, a.alpha);
	if (m >= 3) {
		struct agree_fleiss fl;

		agree_hist_fleiss(hist, m, &fl);
		set(r, F_FLEISS, fl.kappa);
	}
	gwet_figures(r, hist, m);
	r->note = k.note;
	ci_figures(x, r, hist);
	if (x->cfg->unit == AGREE_UNIT_DOCUMENT && k.n > 0 && k.n < 10 && r->note == NULL)
		r->note = N_("few units");
}

static void
overlap_figures(const struct ctx *x, struct row *r)
{
	struct agree_holsti h;
	struct agree_fig po, bp;

	agree_overlap_figures(&r->ov, x->q, &po, &h, &bp);
	r->ov_on = true;
	r->n = r->ov.agree + r->ov.disagree;
	set(r, F_PO, po);
	set(r, F_HOLSTI, h.cr);
	set(r, F_BP, bp);
}

/*
 * A row's percent agreement or positive agreement for people, from the
 * counts where there are counts (exact), as percent_fmt writes every
 * percentage: never 100.0 unless it is 100, never 0.0 unless it is 0.
 */
static const char *
row_percent(const struct row *r, int i, char *out, size_t cap)
{
	const struct agree_cells *c = &r->c;

	if (r->cells_on && i == F_PO)
		return percent_fmt(out, cap, (double)(c->a + c->d),
		    (double)(c->a + c->b + c->c + c->d), 1, PERCENT_BOUND);
	if (r->cells_on && i == F_POS)
		return percent_fmt(out, cap, (double)(2 * c->a),
		    (double)(2 * c->a + c->b + c->c), 1, PERCENT_BOUND);
	if (r->ov_on && i == F_PO)
		return percent_fmt(out, cap, (double)r->ov.agree,
		    (double)(r->ov.agree + r->ov.disagree), 1, PERCENT_BOUND);
	return percent_fmt(out, cap, r->f[i].v, 1, 1, PERCENT_BOUND);
}

static void
num(struct buf *b, struct agree_fig f)
{
	if (f.why == NULL)
		buf_printf(b, "%.6g", f.v);
}

/* An interval and its method for people: "[0.512, 0.801] Wald", or why
 * there is none. */
static void
table_ci(struct buf *b, const struct row *r, int lo, int hi)
{
	if (r->ci == agree_ci_too_few)
		buf_printf(b, " [%s]", _(agree_ci_too_few));
	else if (r->f[lo].why != NULL)
		buf_printf(b, _(" [interval undefined (%s)]"), _(r->f[lo].why));
	else
		buf_printf(b, " [%.3f, %.3f]", r->f[lo].v, r->f[hi].v);
	if (lo == F_LO && r->ci == agree_ci_wald)
		/* TRANSLATORS: after a per-code kappa's interval: the Wald
		   interval's method and its standard error */
		buf_printf(b, _(" Wald SE %.3f"), r->f[F_SE].v);
}

/* One figure of a table row, and its interval where it has one: kappa's,
 * alpha's and Fleiss' by their method (table_ci), AC1's t interval. */
static void
table_fig(struct buf *b, const struct row *r, int i)
{
	static const char *const label[NFIG] = {
		/* xgettext:no-c-format */
		N_("%agr"), N_("pos"), N_("κ"), "", "", "", N_("π"),
		N_("Fleiss κ"), N_("α"), N_("Holsti"), N_("BP"), N_("prev"),
		N_("AC1"), "", "", "", "", "", "", ""
	};
	char pc[PERCENT_MAX];

	buf_printf(b, " %s ", _(label[i]));
	if (r->f[i].why != NULL) {
		buf_printf(b, _("undefined (%s)"), _(r->f[i].why));
		return;
	}
	if (i == F_PO || i == F_POS || i == F_PREV)
		buf_puts(b, row_percent(r, i, pc, sizeof pc));
	else
		buf_printf(b, "%.3f", r->f[i].v);
	if (i == F_KAPPA)
		table_ci(b, r, F_LO, F_HI);
	else if (i == F_ALPHA && r->on[F_ALO])
		table_ci(b, r, F_ALO, F_AHI);
	else if (i == F_FLEISS && r->on[F_FLO])
		table_ci(b, r, F_FLO, F_FHI);
	else if (i == F_AC1 && r->f[F_AC1_SE].why == NULL)
		buf_printf(b, _(" [%.3f, %.3f] SE %.3f"), r->f[F_AC1_LO].v,
		    r->f[F_AC1_HI].v, r->f[F_AC1_SE].v);
	else if (i == F_AC1 && r->ci == agree_ci_too_few)
		buf_printf(b, " [%s]", _(agree_ci_too_few));
	else if (i == F_AC1)
		buf_printf(b, _(" [interval undefined (%s)]"), _(r->f[F_AC1_SE].why));
}

/* The row is written whole, its name as a stand-in, then put in the
 * table's digits with the name as it is (buf_figures). */
static void
emit_table(struct ctx *x, const struct row *r)
{
	struct buf row = {0}, *b = &row;
	const char *name[2] = { strcmp(r->kind, "pooled") == 0 ?
	    _("all codes") : r->name, NULL };
	char pc[PERCENT_MAX];
	int i;

	/* TRANSLATORS: a row of `axial agree`: its kind ("code"), its name,
	   then unit=MODE with the mode as the --unit option writes it */
	buf_printf(b, _("%s \"%s\"  unit=%s"), agree_kind_label(r->kind), BUF_NAME0,
	    agree_unit_names[x->cfg->unit]);
	if (x->cfg->unit == AGREE_UNIT_OVERLAP) {
		/* theta is a whole per mille (agree_state_new) */
		long pm = lround(1000 * x->cfg->theta);

		buf_printf(b, "  theta=%s%%  q=%d", percent_fmt(pc, sizeof pc,
		    (double)pm, 1000, pm % 10 != 0, PERCENT_BOUND), x->q);
	}
	if (x->cfg->unit == AGREE_UNIT_KXK)
		buf_printf(b, "  q=%d", r->k);
	buf_printf(b, ngettext("  scope=%zu doc  N=%lld\n ",
	    "  scope=%zu docs  N=%lld\n ", x->ndocs), x->ndocs, (long long)r->n);
	if (r->cells_on)
		buf_printf(b, " a=%lld b=%lld c=%lld d=%lld ", (long long)r->c.a,
		    (long long)r->c.b, (long long)r->c.c, (long long)r->c.d);
	if (r->ov_on)
		buf_printf(b, _(" agreements=%lld disagreements=%lld M=%lld N1=%lld "
		    "N2=%lld "),
		    (long long)r->ov.agree, (long long)r->ov.disagree, (long long)r->ov.m,
		    (long long)r->ov.n1, (long long)r->ov.n2);
	if (r->kxk != NULL)
		buf_printf(b, _(" k=%d left out=%lld "), r->k,
		    (long long)r->left_out);
	for (i = 0; i < NFIG; i++) {
		if (!r->on[i] || IS_CI(i) || i == F_PREV || i == F_AC1)
			continue;
		table_fig(b, r, i);
		/* beside kappa: the prevalence that explains it, and AC1 */
		if (i == F_KAPPA && r->on[F_PREV])
			table_fig(b, r, F_PREV);
		if (i == F_KAPPA && r->on[F_AC1])
			table_fig(b, r, F_AC1);
	}
	if (r->ci == agree_ci_cluster && r->f[F_KAPPA].why == NULL &&
	    r->f[F_LO].why == NULL)
		/* TRANSLATORS: the pooled row's intervals: bootstrap
		   replicates B, the seed and the documents resampled */
		buf_printf(b, _("  (95%% intervals: %s, B=%d, seed %llu, %zu "
		    "documents)"), _(agree_ci_cluster), x->cl.boot,
		    (unsigned long long)x->cl.seed, x->cl.clusters);
	if (r->note != NULL)
		buf_printf(b, "  (%s)", _(r->note));
	buf_putc(b, '\n');
	buf_figures(x->out, row.s, x->fa, name);
	buf_done(&row);
}

static void
status(struct buf *s, const struct row *r)
{
	int i;

	for (i = 0; i < NFIG; i++)
		if (r->on[i] && r->f[i].why != NULL && !IS_CI(i))
			buf_printf(s, "%s%s: undefined (%s)", s->len ? "; " : "", fig_key[i],
			    r->f[i].why);
	/* AC1 can stand without its interval (one unit) */
	if (r->on[F_AC1] && r->f[F_AC1].why == NULL && r->f[F_AC1_SE].why != NULL &&
	    r->ci != agree_ci_too_few)
		buf_printf(s, "%sac1_se: undefined (%s)", s->len ? "; " : "",
		    r->f[F_AC1_SE].why);
	if (r->note != NULL)
		buf_printf(s, "%s%s", s->len ? "; " : "", r->note);
}

static void
cells_text(struct buf *b, const struct row *r)
{
	int i;

	for (i = 0; i < r->k * r->k; i++)
		buf_printf(b, "%s%lld%s", i % r->k == 0 ? (i ? "],[" : "[[") : ",",
		    (long long)r->kxk[i], i + 1 == r->k * r->k ? "]]" : "");
}

static void
emit_csv(struct ctx *x, const struct row *r)
{
	struct buf *b = x->out, s = {0};
	int i;

	if (x->nrows == 0)
		buf_puts(b, "scope,row,name,mode,theta,q,N,a,b,c,d,cells,agreements,"
		    "disagreements,M,N1,N2,left_out,po,pos,kappa,kappa_se,kappa_ci_lower,"
		    "kappa_ci_upper,pi,fleiss_kappa,alpha,holsti,bp,prevalence,ac1,"
		    "ac1_se,ac1_ci_lower,ac1_ci_upper,alpha_ci_lower,alpha_ci_upper,"
		    "fleiss_kappa_ci_lower,fleiss_kappa_ci_upper,ci_method,status\n");
	buf_printf(b, "%zu docs,%s,", x->ndocs, r->kind);
	buf_csv_field(b, r->name);
	buf_printf(b, ",%s,", agree_unit_names[x->cfg->unit]);
	if (x->cfg->unit == AGREE_UNIT_OVERLAP)
		buf_printf(b, "%.3g", x->cfg->theta);
	buf_putc(b, ',');
	if (x->cfg->unit == AGREE_UNIT_OVERLAP || x->cfg->unit == AGREE_UNIT_KXK)
		buf_printf(b, "%d", x->cfg->unit == AGREE_UNIT_KXK ? r->k : x->q);
	buf_printf(b, ",%lld,", (long long)r->n);
	if (r->cells_on)
		buf_printf(b, "%lld,%lld,%lld,%lld,", (long long)r->c.a, (long long)r->c.b,
		    (long long)r->c.c, (long long)r->c.d);
	else
		buf_puts(b, ",,,,");
	if (r->kxk != NULL) {
		struct buf c = {0};

		cells_text(&c, r);
		buf_csv_field(b, c.s);
		buf_done(&c);
	}
	buf_putc(b, ',');
	if (r->ov_on)
		buf_printf(b, "%lld,%lld,%lld,%lld,%lld,", (long long)r->ov.agree,
		    (long long)r->ov.disagree, (long long)r->ov.m, (long long)r->ov.n1,
		    (long long)r->ov.n2);
	else
		buf_puts(b, ",,,,,");
	if (r->kxk != NULL)
		buf_printf(b, "%lld", (long long)r->left_out);
	for (i = 0; i < NFIG; i++) {
		buf_putc(b, ',');
		if (r->on[i])
			num(b, r->f[i]);
	}
	buf_putc(b, ',');
	ci_text(x, r, &s);
	buf_csv_field(b, s.s != NULL ? s.s : "");
	buf_putc(b, ',');
	s.len = 0;
	if (s.s != NULL)
		s.s[0] = '\0';
	status(&s, r);
	buf_csv_field(b, s.s != NULL ? s.s : "");
	buf_putc(b, '\n');
	buf_done(&s);
}

static void
emit_json(struct ctx *x, const struct row *r)
{
	struct buf *b = x->out, s = {0};
	int i;

	buf_puts(b, x->nrows ? ",\n  {\"row\": \"" : "\n  {\"row\": \"");
	buf_printf(b, "%s\", \"name\": ", r->kind);
	buf_json_str(b, r->name, strlen(r->name));
	buf_printf(b, ", \"N\": %lld", (long long)r->n);
	if (r->cells_on)
		buf_printf(b, ", \"a\": %lld, \"b\": %lld, \"c\": %lld, \"d\": %lld",
		    (long long)r->c.a, (long long)r->c.b, (long long)r->c.c, (long long)r->c.d);
	if (r->ov_on)
		buf_printf(b, ", \"agreements\": %lld, \"disagreements\": %lld, \"M\": %lld, "
		    "\"N1\": %lld, \"N2\": %lld", (long long)r->ov.agree,
		    (long long)r->ov.disagree, (long long)r->ov.m, (long long)r->ov.n1,
		    (long long)r->ov.n2);
	if (r->kxk != NULL) {
		buf_printf(b, ", \"k\": %d, \"left_out\": %lld, \"cells\": ", r->k,
		    (long long)r->left_out);
		cells_text(b, r);
	}
	for (i = 0; i < NFIG; i++) {
		if (!r->on[i])
			continue;
		buf_printf(b, ", \"%s\": ", fig_key[i]);
		if (r->f[i].why != NULL)
			buf_puts(b, "null");
		else
			buf_printf(b, "%.6g", r->f[i].v);
	}
	if (r->ci != NULL) {
		ci_text(x, r, &s);
		buf_puts(b, ", \"ci_method\": ");
		buf_json_str(b, s.s, s.len);
		if (r->ci == agree_ci_cluster)
			buf_printf(b, ", \"ci_boot\": %d, \"ci_seed\": %llu, "
			    "\"ci_clusters\": %zu", x->cl.boot,
			    (unsigned long long)x->cl.seed, x->cl.clusters);
		s.len = 0;
		s.s[0] = '\0';
	}
	status(&s, r);
	buf_puts(b, ", \"status\": ");
	buf_json_str(b, s.s != NULL ? s.s : "", s.len);
	buf_putc(b, '}');
	buf_done(&s);
}

static void
emit(struct ctx *x, struct row *r)
{
	if (x->fmt == AGREE_FMT_CSV)
		emit_csv(x, r);
	else if (x->fmt == AGREE_FMT_JSON)
		emit_json(x, r);
	else
		emit_table(x, r);
	x->nrows++;
	free(r->name);
}

static char *
name_of(const char *const *names, size_t i)
{
	if (names != NULL && names[i] != NULL)
		return xstrdup(names[i]);
	return xasprintf("#%zu", i);
}

/* Mode f: one pooled k x k row. */
static void
print_kxk(struct ctx *x)
{
	struct row r = {0};
	int64_t *cells = xcalloc((x->ncodes + 1) * (x->ncodes + 1), sizeof *cells);
	struct agree_kappa k;
	struct agree_data d;
	struct agree_alpha a;

	r.kind = "pooled";
	r.name = xstrdup("all codes");
	r.k = agree_state_kxk(x->st, cells, &r.left_out);
	r.kxk = cells;
	agree_kappa_table(cells, r.k, 0, &k);
	r.n = k.n;
	set(&r, F_PO, k.po);
	set(&r, F_KAPPA, k.kappa);
	set(&r, F_SE, k.ase);
	set(&r, F_LO, k.ci_lo);
	set(&r, F_HI, k.ci_hi);
	set(&r, F_PI, k.pi);
	set(&r, F_BP, k.bp);
	{
		struct agree_gwet g;

		agree_gwet_table(cells, r.k, NULL, &g);
		set(&r, F_AC1, g.ac);
		set(&r, F_AC1_SE, g.se);
		set(&r, F_AC1_LO, g.lo);
		set(&r, F_AC1_HI, g.hi);
	}
	agree_state_values(x->st, &d);
	agree_alpha(d.val, d.nunits, d.ncoders, d.ncats, NULL, AGREE_NOMINAL, 0, 0, &a);
	set(&r, F_ALPHA, a.alpha);
	r.note = k.note;
	r.ci = agree_ci_wald;
	emit(x, &r);
	agree_data_free(&d);
	free(cells);
}

/* No coder marked a unit (modes a-d) or drew a segment (mode e): every
 * figure of the row is undefined for want of a coding. */
static bool
row_unused(const struct ctx *x, const struct row *r, const int64_t *hist)
{
	int i;

	if (r->ov_on)
		return r->ov.n1 + r->ov.n2 == 0;
	for (i = 1; i <= x->cfg->ncoders; i++)
		if (hist[i] > 0)
			return false;
	return r->c.a + r->c.b + r->c.c == 0;
}

size_t
agree_state_print(const struct agree_state *st, enum agree_by by,
    enum agree_format fmt, const struct agree_names *names, unsigned flags,
    struct buf *out)
{
	return agree_state_print_boot(st, by, fmt, names, flags,
	    AGREE_BOOT_DEFAULT, AGREE_SEED_DEFAULT, out);
}

size_t
agree_state_print_boot(const struct agree_state *st, enum agree_by by,
    enum agree_format fmt, const struct agree_names *names, unsigned flags,
    int boot, uint64_t seed, struct buf *out)
{
	struct agree_names none = { NULL, NULL, NULL, NULL };
	struct ctx x = {0};
	int64_t *hist;
	size_t i, n, hidden = 0;
	locale_t cloc, old;

	if (names == NULL)
		names = &none;
	/* a set of three or more: every figure covers the set */
	if (agree_state_config(st)->ncoders >= 3 &&
	    agree_state_config(st)->unit != AGREE_UNIT_OVERLAP &&
	    agree_state_config(st)->unit != AGREE_UNIT_KXK)
		return agree_many_print(st, by, fmt, names, flags, out);
	x.st = st;
	x.cfg = agree_state_config(st);
	x.fmt = fmt;
	x.fa = fmt == AGREE_FMT_TABLE && (flags & AGREE_PRINT_FA_DIGITS);
	x.out = out;
	agree_state_size(st, &x.ndocs, &x.ncodes, &x.ncats);
	x.q = (int)x.ncodes;
	if (x.cfg->unit != AGREE_UNIT_OVERLAP && x.cfg->unit != AGREE_UNIT_KXK)
		agree_state_cluster(st, boot, seed, &x.cl);
	hist = xcalloc((size_t)x.cfg->ncoders + 1, sizeof *hist);
	/* '.' in figures; messages in the user's language (agreement-report's
	 * table translates its reasons) */
	cloc = newlocale(LC_NUMERIC_MASK, "C", duplocale(LC_GLOBAL_LOCALE));
	old = uselocale(cloc);
	if (fmt == AGREE_FMT_JSON)
		buf_printf(out, "{\"mode\": \"%s\", \"coders\": %d, \"scope_docs\": %zu, "
		    "\"theta\": %.3g, \"q\": %d, \"rows\": [", agree_unit_names[x.cfg->unit],
		    x.cfg->ncoders, x.ndocs, x.cfg->unit == AGREE_UNIT_OVERLAP ? x.cfg->theta : 0,
		    x.cfg->unit == AGREE_UNIT_OVERLAP ? x.q : 0);
	if (x.cfg->unit == AGREE_UNIT_KXK) {
		print_kxk(&x);
		goto done;
	}
	n = by == AGREE_BY_CODE ? x.ncodes : by == AGREE_BY_CATEGORY ? x.ncats : x.ndocs;
	for (i = 0; i <= n; i++) {
		struct row r = {0};
		bool pooled = i == n;

		r.kind = pooled ? "pooled" : by == AGREE_BY_CODE ? "code" :
		    by == AGREE_BY_CATEGORY ? "category" : "document";
		if (pooled)
			r.name = xstrdup("all codes");
		else
			r.name = name_of(by == AGREE_BY_CODE ? names->code :
			    by == AGREE_BY_CATEGORY ? names->category : names->doc, i);
		if (x.cfg->unit == AGREE_UNIT_OVERLAP) {
			if (pooled)
				agree_state_overlap_total(st, &r.ov);
			else if (by == AGREE_BY_CODE)
				agree_state_overlap(st, (int64_t)i, -1, &r.ov);
			else {
				size_t c;
				struct agree_overlap o;

				/* Sum the member codes (category) or the document's codes. */
				for (c = 0; c < x.ncodes; c++) {
					if (by == AGREE_BY_CATEGORY &&
					    agree_state_code_category(st, (int64_t)c) != (int64_t)i)
						continue;
					agree_state_overlap(st, (int64_t)c,
					    by == AGREE_BY_CATEGORY ? -1 : (int64_t)i, &o);
					r.ov.agree += o.agree;
					r.ov.disagree += o.disagree;
					r.ov.m += o.m;
					r.ov.n1 += o.n1;
					r.ov.n2 += o.n2;
				}
			}
			overlap_figures(&x, &r);
		} else {
			if (pooled)
				agree_state_total_table(st, &r.c, hist);
			else if (by == AGREE_BY_CODE)
				agree_state_table(st, (int64_t)i, -1, &r.c, hist);
			else if (by == AGREE_BY_CATEGORY)
				agree_state_category_table(st, (int64_t)i, &r.c, hist);
			else
				agree_state_doc_table(st, (int64_t)i, &r.c, hist);
			presence_figures(&x, &r, hist);
		}
		if (!pooled && !(flags & AGREE_PRINT_ALL) && row_unused(&x, &r, hist)) {
			free(r.name);
			hidden++;
			continue;
		}
		emit(&x, &r);
	}
done:
	if (fmt == AGREE_FMT_JSON)
		buf_printf(out, "], \"hidden\": %zu}\n", hidden);
	uselocale(old);
	freelocale(cloc);
	free(hist);
	return hidden;
}
