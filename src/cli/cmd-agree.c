/*
 * cmd-agree.c: `axial agree`: agreement between coders of a project (the
 * figures the UI shows), or from a reliability data file (--data), so
 * researchers can check any tool's figures.
 */
#include <errno.h>
#include <stdarg.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <uniwidth.h>

#include "stats/agree-project.h"
#include "stats/agreement.h"
#include "base/i18n.h"
#include "store/project.h"
#include "cli/cmd.h"
#include "vm/vm-views.h"

static int cmd_agree_run(const struct cmd *self, int argc, char **argv);

const struct cmd cmd_agree = {
	.name = "agree",
	.args = "PROJECT --coders A,B[,C...] [--unit MODE] [--by code|category|subcategory|document]\n"
	    "       [--all] [--format table|csv|json] [--lang fa|en] [--digits fa|latin]\n"
	    "       | --data FILE.csv [--format ...] [--level LEVEL]\n"
	    "       | --segments FILE.csv --length L [--begin B] [--format ...]",
	.summary = N_("inter-coder agreement (Cohen's kappa and more) of a project or a data file"),
	.help =
	    N_("  --data FILE.csv   columns unit,coder,value (an empty value is missing)\n"
	    "  --segments FILE.csv  columns coder,start,end,value: segments on one\n"
	    "                    continuum (start inclusive, end exclusive, from 0),\n"
	    "                    for Krippendorff's alpha for unitizing\n"
	    "  --length L        the continuum's length (with --segments)\n"
	    "  --begin B         its first position (default 0)\n"
	    "  --format FORMAT   table (default), csv or json\n"
	    "  --level LEVEL     alpha metric and AC2 weights: nominal, ordinal, interval or ratio\n"
	    "                    (default: nominal, and all four for numeric values)\n"
	    "  --boot N          bootstrap replicates for alpha's interval and, in a\n"
	    "                    project, the pooled row's by document (default 2000)\n"
	    "  --seed N          bootstrap seed (default 20260522)\n"
	    "  --q N             categories for Brennan-Prediger (default: those in the data)\n"
	    "  --coders A,B[,C]  the coders to compare (logins; A first); with\n"
	    "                    three or more every figure covers the set:\n"
	    "                    Fleiss' kappa, alpha, Light's kappa and the\n"
	    "                    pairwise Cohen's kappas\n"
	    "  --unit MODE       paragraph (default: presence of each code per\n"
	    "                    paragraph or speaker turn), sentence, char,\n"
	    "                    document, overlap (segments, see --theta), kxk,\n"
	    "                    segments (alpha for unitizing of the codings)\n"
	    "  --theta T         overlap needed to match two segments (default 0.9)\n"
	    "  --by BY           rows per code (default), category (main categories),\n"
	    "                    subcategory, or document; a pooled row ends the table,\n"
	    "                    over the codes some coder used\n"
	    "  --all             show the rows of codes (categories, documents) no\n"
	    "                    coder used too: undefined, so hidden by default\n"
	    "  --lang LANG       fa or en: the language of the table (default: the\n"
	    "                    locale's); CSV and JSON stay English\n"
	    "  --digits D        fa (Persian) or latin (default) digits in the\n"
	    "                    table's figures; CSV and JSON keep Latin digits\n"),
	.fn = cmd_agree_run,
};

/*
 * An item's label in the messages' language: the fixed ones are marked in
 * agreement-data.c; those that carry a value are made again here from
 * their key (the English label stays in JSON). A category's name is the
 * stand-in BUF_NAME0, *name the name (buf_figures).
 */
static char *
label_of(const struct agree_item *it, const char **name)
{
	const char *eq = strrchr(it->label, '=');
	size_t i;

	if (strcmp(it->key, "bp") == 0 && eq != NULL)
		return xasprintf(_("Brennan-Prediger (q = %d)"), atoi(eq + 1));
	if (strcmp(it->key, "randolph") == 0 && eq != NULL)
		return xasprintf(_("Randolph free-marginal kappa (q = %d)"),
		    atoi(eq + 1));
	*name = NULL;
	if (strncmp(it->key, "fleiss_p.", 9) == 0) {
		*name = it->key + 9;
		return xasprintf(_("  p_j of '%s'"), BUF_NAME0);
	}
	if (strncmp(it->key, "fleiss_kappa.", 13) == 0) {
		*name = it->key + 13;
		return xasprintf(_("  kappa of '%s'"), BUF_NAME0);
	}
	for (i = 0; i < 4; i++)
		if (strncmp(it->key, "alpha_", 6) == 0 &&
		    strcmp(it->key + 6, agree_level_names[i]) == 0)
			return xasprintf(_("Krippendorff's alpha, %s"),
			    agree_level_names[i]);
	return xstrdup(_(it->label));
}

/* fmt onto o, its figures in the table's digits (fa: Persian) and its
 * stand-ins BUF_NAME0.. as names[0].. (buf_figures). */
static void
put_fig(struct buf *o, bool fa, const char *const *names, const char *fmt, ...)
    AX_PRINTF(4, 5);
static void
put_fig(struct buf *o, bool fa, const char *const *names, const char *fmt, ...)
{
	va_list ap;
	char *t;

	va_start(ap, fmt);
	t = xvasprintf(fmt, ap);
	va_end(ap);
	buf_figures(o, t, fa, names);
	free(t);
}

/* The --data table; fa: its figures in Persian digits, the data's names
 * (coders, categories, the file) as they are. */
static void
print_table(const char *path, const struct agree_data *d,
    const struct agree_report *r, bool fa)
{
	struct buf o = {0};
	size_t i;
	int a, b;

	buf_printf(&o, _("reliability data: %s\n"), path);
	{
		struct buf who = {0}, what = {0};
		const char *names[3];

		for (a = 0; a < d->ncoders && a < 8; a++)
			buf_printf(&who, "%s%s", a ? ", " : "", d->coder[a]);
		buf_puts(&who, d->ncoders > 8 ? ", ..." : "");
		for (a = 0; a < d->ncats && a < 12; a++)
			buf_printf(&what, "%s%s", a ? ", " : "", d->cat[a]);
		buf_puts(&what, d->ncats > 12 ? ", ..." : "");
		names[0] = who.s;
		names[1] = what.s;
		names[2] = NULL;
		put_fig(&o, fa, names, _("units %lld, coders %d (%s), categories "
		    "%d (%s)\n"), (long long)d->nunits, d->ncoders, BUF_NAME0,
		    d->ncats, BUF_NAME1);
		buf_done(&who);
		buf_done(&what);
	}
	if (d->ncoders == 2 && d->ncats <= 12) {
		int64_t missing, *cells = agree_data_table(d, &missing);

		buf_putc(&o, '\n');
		buf_printf(&o, _("table: rows %s, columns %s\n"), d->coder[0],
		    d->coder[1]);
		buf_printf(&o, "%12s", "");
		for (b = 0; b < d->ncats; b++)
			buf_printf(&o, " %10.10s", d->cat[b]);
		buf_putc(&o, '\n');
		for (a = 0; a < d->ncats; a++) {
			buf_printf(&o, "%12.12s", d->cat[a]);
			for (b = 0; b < d->ncats; b++)
				put_fig(&o, fa, NULL, " %10lld",
				    (long long)cells[a * d->ncats + b]);
			buf_putc(&o, '\n');
		}
		free(cells);
	}
	buf_putc(&o, '\n');
	for (i = 0; i < r->n; i++) {
		const struct agree_item *it = &r->item[i];
		const char *names[2] = { NULL, NULL };
		char *label = label_of(it, &names[0]);
		struct buf l = {0};

		buf_figures(&l, label, fa, names);
		cmd_pad(&o, l.s, 52, false);
		buf_putc(&o, ' ');
		buf_done(&l);
		free(label);
		if (it->f.why != NULL) {
			put_fig(&o, fa, NULL, _("undefined (%s)"), _(it->f.why));
			buf_putc(&o, '\n');
			continue;
		}
		switch (it->kind) {
		case AGREE_PROP: {
			char pc[PERCENT_MAX];

			put_fig(&o, fa, NULL, "%s%%", percent_fmt(pc, sizeof pc,
			    it->f.v, 1, 1, PERCENT_BOUND));
			break;
		}
		case AGREE_COEF: put_fig(&o, fa, NULL, "%.3f", it->f.v); break;
		case AGREE_SE: put_fig(&o, fa, NULL, "%.3f", it->f.v); break;
		case AGREE_COUNT: put_fig(&o, fa, NULL, "%.0f", it->f.v); break;
		case AGREE_NUM: put_fig(&o, fa, NULL, "%.2f", it->f.v); break;
		}
		if (strcmp(it->key, "kappa") == 0 || strcmp(it->key, "fleiss_kappa") == 0)
			put_fig(&o, fa, NULL, _("   (Landis & Koch 1977: %s)"),
			    _(vm_kappa_band(it->f.v)));
		buf_putc(&o, '\n');
	}
	for (i = 0; i < r->nnotes; i++)
		put_fig(&o, fa, NULL, _("note: %s\n"), r->notes[i]);
	/* names come from the data file or the project */
	cmd_put_text(stdout, o.s, o.len);
	buf_done(&o);
}

static void
print_csv(const struct agree_report *r)
{
	struct buf b = {0};
	size_t i;

	buf_puts(&b, "figure,value,status\n");
	for (i = 0; i < r->n; i++) {
		const struct agree_item *it = &r->item[i];

		buf_csv_field(&b, it->key);
		buf_putc(&b, ',');
		if (it->f.why == NULL) {
			buf_printf(&b, "%.12g,\n", it->f.v);
		} else {
			char *st = xasprintf("undefined (%s)", it->f.why);

			buf_putc(&b, ',');
			buf_csv_field(&b, st);
			buf_putc(&b, '\n');
			free(st);
		}
	}
	fputs(b.s, stdout);
	buf_done(&b);
}

static void
json_str(struct buf *b, const char *s)
{
	buf_json_str(b, s, strlen(s));
}

static void
print_json(const char *path, const struct agree_data *d, const struct agree_report *r)
{
	struct buf b = {0};
	size_t i;
	int a;

	buf_puts(&b, "{\"data\": ");
	json_str(&b, path);
	buf_printf(&b, ", \"units\": %lld, \"coders\": [", (long long)d->nunits);
	for (a = 0; a < d->ncoders; a++) {
		buf_puts(&b, a ? ", " : "");
		json_str(&b, d->coder[a]);
	}
	buf_puts(&b, "], \"categories\": [");
	for (a = 0; a < d->ncats; a++) {
		buf_puts(&b, a ? ", " : "");
		json_str(&b, d->cat[a]);
	}
	buf_puts(&b, "]");
	if (d->ncoders == 2 && d->ncats <= 100) {
		int64_t missing, *cells = agree_data_table(d, &missing);
		int64_t x;

		buf_puts(&b, ", \"table\": [");
		for (x = 0; x < (int64_t)d->ncats * d->ncats; x++)
			buf_printf(&b, "%s%lld%s", x % d->ncats == 0 ? (x ? "], [" : "[") : ", ",
			    (long long)cells[x], x + 1 == (int64_t)d->ncats * d->ncats ? "]" : "");
		buf_puts(&b, "]");
		free(cells);
	}
	buf_puts(&b, ",\n \"figures\": [");
	for (i = 0; i < r->n; i++) {
		const struct agree_item *it = &r->item[i];

		buf_puts(&b, i ? ",\n  {\"key\": " : "\n  {\"key\": ");
		json_str(&b, it->key);
		buf_puts(&b, ", \"label\": ");
		json_str(&b, it->label[0] == ' ' ? it->label + 2 : it->label);
		if (it->f.why == NULL) {
			buf_printf(&b, ", \"value\": %.12g, \"status\": \"\"}", it->f.v);
		} else {
			char *st = xasprintf("undefined (%s)", it->f.why);

			buf_puts(&b, ", \"value\": null, \"status\": ");
			json_str(&b, st);
			buf_putc(&b, '}');
			free(st);
		}
	}
	buf_puts(&b, "],\n \"notes\": [");
	for (i = 0; i < r->nnotes; i++) {
		buf_puts(&b, i ? ", " : "");
		json_str(&b, r->notes[i]);
	}
	buf_puts(&b, "]}\n");
	fputs(b.s, stdout);
	buf_done(&b);
}

/* A non-negative integer option, or -1. */
static long long
parse_count(const char *s)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 0)
		return -1;
	return v;
}

/* Says how many rows no coder used were left out (stdout under the table;
 * stderr beside CSV and JSON, which programs read). */
static void
say_hidden(size_t n, enum agree_by b, int ncoders, bool table, bool fa)
{
	char *msg;

	if (n == 0)
		return;
	if (b == AGREE_BY_CODE && ncoders == 2)
		msg = xasprintf(ngettext("%zu code neither coder used is not shown; --all "
		    "shows it.", "%zu codes neither coder used are not shown; "
		    "--all shows them.", n), n);
	else if (b == AGREE_BY_CODE)
		msg = xasprintf(ngettext("%zu code no coder used is not shown; --all shows "
		    "it.", "%zu codes no coder used are not shown; --all shows "
		    "them.", n), n);
	else if (b == AGREE_BY_CATEGORY)
		msg = xasprintf(ngettext("%zu category whose codes no coder used is not "
		    "shown; --all shows it.", "%zu categories whose codes no coder "
		    "used are not shown; --all shows them.", n), n);
	else
		msg = xasprintf(ngettext("%zu document no coder coded is not shown; --all "
		    "shows it.", "%zu documents no coder coded are not shown; "
		    "--all shows them.", n), n);
	if (table) {
		struct buf d = {0};

		buf_figures(&d, msg, fa, NULL);
		printf("%s\n", d.s);
		buf_done(&d);
	} else
		fprintf(stderr, "axial: %s\n", msg);
	free(msg);
}

/* A set of coders: each once; three or more only where every figure of
 * the mode can cover the set (modes e and f compare two coders). */
static int
check_set(const struct cmd *self, const char *const *names, size_t n,
    enum agree_unit unit)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (strcmp(names[i], names[j]) == 0)
				return cmd_usage(self, _("--coders names '%s' twice"),
				    names[i]);
	if (n > 2 && (unit == AGREE_UNIT_OVERLAP || unit == AGREE_UNIT_KXK))
		return cmd_usage(self, _("--unit %s compares two coders; name "
		    "two with --coders"), agree_unit_names[unit]);
	return CMD_OK;
}

/* `axial agree PROJECT --coders A,B ...`: the figures the UI shows. */
static int
agree_on_project(const struct cmd *self, const char *path, const char *coders,
    const char *unit, const char *by, const char *theta, enum cmd_format fmt,
    bool all, bool fa, const struct agree_opts *o)
{
	struct agree_config cfg = { AGREE_UNIT_PARAGRAPH, 2, false, 0.9, false,
	    AGREE_UNIT_PARAGRAPH };
	enum agree_by b = AGREE_BY_CODE;
	enum agree_format f = fmt == CMD_FMT_CSV ? AGREE_FMT_CSV :
	    fmt == CMD_FMT_JSON ? AGREE_FMT_JSON : AGREE_FMT_TABLE;
	struct agree_project *ap = NULL;
	struct project *p = NULL;
	struct buf out = {0};
	char *list;
	const char *names[33];	/* one more than the engine takes: refused */
	int rc;
	unsigned flags = 0;
	size_t n, hidden;

	if (coders == NULL)
		return cmd_usage(self, _("--coders A,B names the coders to compare"));
	if (unit != NULL) {
		int u = agree_unit_parse(unit);

		if (u < 0)
			return cmd_usage(self, _("unknown unit '%s'"), unit);
		cfg.unit = (enum agree_unit)u;
	}
	if (theta != NULL) {
		char *end;

		cfg.theta = strtod(theta, &end);
		if (*end != '\0' || !(cfg.theta > 0 && cfg.theta <= 1))
			return cmd_usage(self, _("--theta needs a number in (0, 1]"));
	}
	if (by == NULL || strcmp(by, "code") == 0)
		b = AGREE_BY_CODE;
	else if (strcmp(by, "category") == 0)
		b = AGREE_BY_CATEGORY;
	else if (strcmp(by, "subcategory") == 0)
		b = AGREE_BY_CATEGORY, flags |= AGREE_PROJECT_SUBCATEGORY;
	else if (strcmp(by, "document") == 0)
		b = AGREE_BY_DOCUMENT;
	else
		return cmd_usage(self, _("--by takes code, category, subcategory or document"));
	list = cmd_split(coders, names, AX_ARRAY_LEN(names), &n);
	if (n < 2) {
		free(list);
		return cmd_usage(self, _("--coders needs at least two coders, e.g. --coders A,B"));
	}
	if (n > 32) {
		free(list);
		return cmd_usage(self, _("--coders takes at most 32 coders"));
	}
	if ((rc = check_set(self, names, n, cfg.unit)) != CMD_OK) {
		free(list);
		return rc;
	}
	if ((rc = cmd_project_open(path, NULL, 0, &p)) != CMD_OK)
		goto out;
	if (agree_project_new(p, names, (int)n, &cfg, flags, &ap) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	hidden = agree_state_print_boot(agree_project_state(ap), b, f,
	    agree_project_names(ap), (all ? AGREE_PRINT_ALL : 0) |
	    (fa ? AGREE_PRINT_FA_DIGITS : 0), o->boot, o->seed, &out);
	if (out.s != NULL)
		cmd_put_text(stdout, out.s, out.len);
	say_hidden(hidden, b, (int)n, f == AGREE_FMT_TABLE, fa);
out:
	buf_done(&out);
	agree_project_free(ap);
	project_close(p);
	free(list);
	return rc;
}

/* --level, --boot, --seed and --q into o: 0 or a usage error. */
static int
check_opts(const struct cmd *self, const char *level, const char *boot,
    const char *seed, const char *q, struct agree_opts *o)
{
	if (level != NULL) {
		int l = agree_level_parse(level);

		if (l < 0)
			return cmd_usage(self, _("unknown level '%s'"), level);
		o->levels = 1 << l;
	}
	if (boot != NULL && (parse_count(boot) < 0 || parse_count(boot) > 1000000))
		return cmd_usage(self, _("--boot needs a number from 0 to 1000000"));
	if (boot != NULL)
		o->boot = (int)parse_count(boot);
	if (seed != NULL) {
		char *end;

		errno = 0;
		o->seed = strtoull(seed, &end, 10);
		if (errno != 0 || end == seed || *end != '\0' || seed[0] == '-')
			return cmd_usage(self, _("--seed needs a non-negative integer"));
	}
	if (q != NULL && (parse_count(q) < 2 || parse_count(q) > 1000000))
		return cmd_usage(self, _("--q needs a number of categories from 2"));
	if (q != NULL)
		o->q = (int)parse_count(q);
	return 0;
}

static int
cmd_agree_run(const struct cmd *self, int argc, char **argv)
{
	const char *data = NULL, *format = "table", *level = NULL, *boot = NULL,
	    *seed = NULL, *q = NULL, *coders = NULL, *unit = NULL, *by = NULL, *theta = NULL,
	    *all = NULL, *lang = NULL, *digits = NULL, *segments = NULL,
	    *length = NULL, *begin = NULL;
	const struct cmd_opt opts[] = {
		{ "data", 0, true, &data },
		{ "format", 0, true, &format },
		{ "level", 0, true, &level },
		{ "boot", 0, true, &boot },
		{ "seed", 0, true, &seed },
		{ "q", 0, true, &q },
		{ "coders", 0, true, &coders },
		{ "unit", 0, true, &unit },
		{ "by", 0, true, &by },
		{ "theta", 0, true, &theta },
		{ "all", 0, false, &all },
		{ "lang", 0, true, &lang },
		{ "digits", 0, true, &digits },
		{ "segments", 0, true, &segments },
		{ "length", 0, true, &length },
		{ "begin", 0, true, &begin },
		{ NULL, 0, false, NULL },
	};
	struct agree_opts o = { 0, AGREE_BOOT_DEFAULT, AGREE_SEED_DEFAULT, 0 };
	struct agree_data d;
	struct agree_report r;
	char **operands, *text;
	const char *err;
	size_t len;
	long line;
	int nops, rc;
	enum cmd_format f = CMD_FMT_TABLE;
	bool fa = false;
	locale_t cloc, old;

	if ((rc = cmd_parse(self, argc, argv, opts, &operands, &nops)) != 0)
		return rc;
	/* the options' values are checked whichever figures they are for */
	if ((rc = cmd_lang(self, lang)) != 0 ||
	    (rc = cmd_format(self, format, &f)) != 0 ||
	    (rc = check_opts(self, level, boot, seed, q, &o)) != 0 ||
	    (rc = cmd_digits(self, digits, f, &fa)) != 0) {
		free(operands);
		return rc;
	}
	if (segments != NULL || length != NULL || begin != NULL) {
		int prc = nops > 0 || data != NULL || coders != NULL || unit != NULL ?
		    cmd_usage(self, _("--segments takes no PROJECT, --data or --coders")) :
		    segments == NULL ? cmd_usage(self, _("--length and --begin go with --segments")) :
		    cmd_agree_segments(self, segments, length, begin, f, fa);

		free(operands);
		return prc;
	}
	if (nops == 1 && data == NULL && unit != NULL && strcmp(unit, "segments") == 0) {
		int prc = by != NULL || theta != NULL ? cmd_usage(self,
		    _("--by and --theta do not apply to --unit segments")) :
		    cmd_agree_unitize_project(self, operands[0], coders, f,
		    all != NULL, fa);

		free(operands);
		return prc;
	}
	if (nops > 0 || coders != NULL || unit != NULL || by != NULL || all != NULL) {
		int prc = nops == 1 && data == NULL ? agree_on_project(self, operands[0],
		    coders, unit, by, theta, f, all != NULL, fa, &o) :
		    cmd_usage(self, nops > 1 ?
		    _("one project at a time") : _("give a PROJECT or --data, not both"));

		free(operands);
		return prc;
	}
	free(operands);
	if (data == NULL)
		return cmd_usage(self, _("--data FILE.csv is required"));
	if ((text = file_read_all(data, &len)) == NULL)
		return cmd_error("%s: %s", data, strerror(errno));
	rc = agree_data_parse(text, len, &d, &line, &err);
	free(text);
	if (rc != 0)
		return cmd_error(_("%s:%ld: %s"), data, line, _(err));
	if (o.levels != 0 && o.levels != 1 << AGREE_NOMINAL && d.catnum == NULL) {
		agree_data_free(&d);
		return cmd_error(_("%s:1: level %s needs numeric values"), data, level);
	}
	agree_data_report(&d, &o, &r);
	/* Figures are written with '.' whatever the user's locale; the
	 * messages stay in the user's language (a base of 0 would make them C). */
	cloc = newlocale(LC_NUMERIC_MASK, "C", duplocale(LC_GLOBAL_LOCALE));
	old = uselocale(cloc);
	if (f == CMD_FMT_CSV)
		print_csv(&r);
	else if (f == CMD_FMT_JSON)
		print_json(data, &d, &r);
	else
		print_table(data, &d, &r, fa);
	uselocale(old);
	freelocale(cloc);
	agree_data_report_free(&r);
	agree_data_free(&d);
	return fflush(stdout) == 0 ? CMD_OK : cmd_error(_("writing output failed"));
}
