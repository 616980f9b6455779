/*
 * cmd-agree-unitize.c: the unitizing figures of `axial agree`:
 * Krippendorff's alpha_U per value and overall (docs/agreement.md §3.11),
 * and u-alpha and |u-alpha of Krippendorff et al. 2016 (§3.12), of a
 * segments file (--segments FILE.csv --length L [--begin B]) and of
 * a project's codings (--unit segments). cmd-agree.c parses the options
 * and calls here.
 *
 * A segments file is read strictly: every row must name a coder and a
 * value and hold two integers with begin <= start < end <= begin + L;
 * two overlapping segments of one coder and value are refused, naming the
 * line, because merging them would change the figures silently. Coders and
 * values are sorted bytewise, so the output does not depend on row order.
 */
#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <uniwidth.h>

#include "base/i18n.h"
#include "base/textin.h"
#include "exchange/csv.h"
#include "stats/agree-project.h"
#include "stats/agreement-ualpha.h"
#include "stats/agreement-unitize.h"
#include "store/project.h"
#include "cli/cmd.h"

/* Positions and lengths stay far from int64 overflow and exact in a double. */
#define POS_MAX INT64_C(1000000000000)

/* Sorted distinct names, looked up by bsearch. */
struct nameset {
	char **s;
	size_t n, cap;
};

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
nameset_add(struct nameset *ns, const char *s)
{
	ns->s = xgrow(ns->s, &ns->cap, ns->n + 1, sizeof *ns->s);
	ns->s[ns->n++] = xstrdup(s);
}

/* Sorts and drops duplicates. */
static void
nameset_close(struct nameset *ns)
{
	size_t i, k = 0;

	qsort(ns->s, ns->n, sizeof *ns->s, cmp_str);
	for (i = 0; i < ns->n; i++) {
		if (k > 0 && strcmp(ns->s[k - 1], ns->s[i]) == 0) {
			free(ns->s[i]);
			continue;
		}
		ns->s[k++] = ns->s[i];
	}
	ns->n = k;
}

static int32_t
nameset_find(const struct nameset *ns, const char *s)
{
	char *const *at = bsearch(&s, ns->s, ns->n, sizeof *ns->s, cmp_str);

	return at == NULL ? -1 : (int32_t)(at - ns->s);
}

static void
nameset_free(struct nameset *ns)
{
	size_t i;

	for (i = 0; i < ns->n; i++)
		free(ns->s[i]);
	free(ns->s);
	memset(ns, 0, sizeof *ns);
}

/* An integer in [lo, hi], or false. */
static bool
parse_pos(const char *s, int64_t lo, int64_t hi, int64_t *v)
{
	char *end;
	long long x;

	while (*s == ' ' || *s == '\t')
		s++;
	errno = 0;
	x = strtoll(s, &end, 10);
	while (end != s && (*end == ' ' || *end == '\t'))
		end++;
	if (errno != 0 || end == s || *end != '\0' || x < lo || x > hi)
		return false;
	*v = x;
	return true;
}

/* One parsed row, before the names become indices. */
struct row {
	char *coder, *value;
	int64_t start, end;
	long line;
};

/*
 * Reads the segments file into s (one block [begin, begin + len)) and its
 * coder and value names; CMD_OK or the error printed as FILE:LINE: why.
 */
static int
read_segments(const char *path, int64_t begin, int64_t len,
    struct agree_useg_set *s, struct nameset *coders, struct nameset *values)
{
	static const char *const colname[4] = { "coder", "start", "end", "value" };
	struct csv c;
	struct row *rows = NULL;
	size_t nrows = 0, cap = 0, i;
	char *raw, *data, *err = NULL;
	const char *why = NULL;
	int col[4] = { -1, -1, -1, -1 }, r, k, rc = CMD_ERROR;
	long line = 0;
	size_t rawlen, dlen;

	/* the import gate: a regular file, bounded, UTF-8 without NUL */
	if ((raw = textin_read(path, TEXTIN_IMPORT, TEXTIN_MAX_SIZE, &rawlen,
	    &err)) == NULL || (data = textin_decode(raw, rawlen, &dlen,
	    &err)) == NULL) {
		rc = cmd_error("%s: %s", path, err);
		free(err);
		free(raw);
		return rc;
	}
	free(raw);
	csv_init(&c, data, dlen);
	if ((r = csv_next(&c, &err)) <= 0) {
		if (r == 0)
			why = _("empty file");
		line = (long)c.at_line;
		goto fail;
	}
	for (i = 0; i < c.nfields; i++)
		for (k = 0; k < 4; k++)
			if (strcasecmp(c.fields[i], colname[k]) == 0)
				col[k] = (int)i;
	for (k = 0; k < 4; k++)
		if (col[k] < 0) {
			line = (long)c.line;
			why = _("the header needs the columns coder,start,end,value");
			goto fail;
		}
	agree_useg_block(s, begin, len);
	while ((r = csv_next(&c, &err)) > 0) {
		struct row w;

		line = (long)c.line;
		if (c.nfields < 4 || (size_t)col[0] >= c.nfields ||
		    (size_t)col[1] >= c.nfields || (size_t)col[2] >= c.nfields ||
		    (size_t)col[3] >= c.nfields) {
			why = _("too few fields (need coder,start,end,value)");
			goto fail;
		}
		if (c.fields[col[0]][0] == '\0' || c.fields[col[3]][0] == '\0') {
			why = c.fields[col[0]][0] == '\0' ? _("empty coder") :
			    _("empty value");
			goto fail;
		}
		if (!parse_pos(c.fields[col[1]], 0, POS_MAX, &w.start) ||
		    !parse_pos(c.fields[col[2]], 0, POS_MAX, &w.end)) {
			why = _("start and end must be whole numbers from 0");
			goto fail;
		}
		w.coder = xstrdup(c.fields[col[0]]);
		w.value = xstrdup(c.fields[col[3]]);
		w.line = line;
		rows = xgrow(rows, &cap, nrows + 1, sizeof *rows);
		rows[nrows++] = w;
		nameset_add(coders, w.coder);
		nameset_add(values, w.value);
	}
	if (r < 0) {
		line = (long)c.at_line;
		goto fail;
	}
	if (nrows == 0) {
		line = (long)c.at_line;
		why = _("no segments after the header");
		goto fail;
	}
	nameset_close(coders);
	nameset_close(values);
	for (i = 0; i < nrows; i++) {
		struct agree_useg g = { 0, nameset_find(coders, rows[i].coder),
		    nameset_find(values, rows[i].value), rows[i].start, rows[i].end,
		    rows[i].line };

		if (agree_useg_add(s, &g, &why) != 0) {
			line = rows[i].line;
			why = _(why);
			goto fail;
		}
	}
	s->ncoders = (int)coders->n;
	if (agree_useg_check(s, &line, &why) != 0) {
		why = _(why);
		goto fail;
	}
	rc = CMD_OK;
	goto out;
fail:
	rc = cmd_error(_("%s:%ld: %s"), path, line, why != NULL ? why : err);
out:
	for (i = 0; i < nrows; i++) {
		free(rows[i].coder);
		free(rows[i].value);
	}
	free(rows);
	free(err);
	csv_done(&c);
	free(data);
	return rc;
}

/* What the figures are of, for the header of each format. */
struct about {
	const char *kind;		/* "segments" or "project" (JSON key) */
	const char *path;
	int64_t begin;			/* segments file: B; project: 0 */
	int64_t ndocs;			/* project: documents; file: 0 */
	const struct nameset *coders;
	const char *const *value;	/* value (code) names, u->nvalues */
	const bool *show;		/* NULL: every value */
	const struct agree_ualpha *ua;	/* u-alpha, |u-alpha */
};

/* v with dec decimals (Persian digits if fa) right-aligned in w. */
static void pad_fig(struct buf *, int, bool, int, double);

/* A labelled figure of the table: its value, or undefined and why. */
static void
table_fig(struct buf *o, const char *label, struct agree_fig f, bool fa)
{
	cmd_pad(o, label, 32, false);
	buf_putc(o, ' ');
	if (f.why != NULL) {
		char *s = xasprintf(_("undefined (%s)"), _(f.why));

		buf_figures(o, s, fa, NULL);
		free(s);
	} else
		pad_fig(o, 7, fa, 3, f.v);
	buf_putc(o, '\n');
}

/* v with dec decimals (Persian digits if fa) right-aligned in w. */
static void
pad_fig(struct buf *b, int w, bool fa, int dec, double v)
{
	struct buf d = {0};
	char num[64];

	snprintf(num, sizeof num, "%.*f", dec, v);
	buf_figures(&d, num, fa, NULL);
	cmd_pad(b, d.s, w, true);
	buf_done(&d);
}

static void
print_table(const struct about *a, const struct agree_unitize *u, bool fa)
{
	const char *names[2] = { NULL, NULL };
	const char *head[5] = { _("segments"), _("coders"), "D_o", "D_e",
	    _("alpha_U") };
	int w[5] = { 8, 6, 8, 8, 7 }, k, c;
	struct buf o = {0}, who = {0}, t = {0};
	size_t i;

	for (i = 0; i < a->coders->n && i < 8; i++)
		buf_printf(&who, "%s%s", i ? ", " : "", a->coders->s[i]);
	buf_puts(&who, a->coders->n > 8 ? ", ..." : "");
	names[0] = who.s;
	if (a->ndocs == 0) {
		buf_printf(&o, _("segments: %s\n"), a->path);
		buf_printf(&t, _("continuum %lld to %lld (L = %lld), coders %zu (%s)\n"),
		    (long long)a->begin, (long long)(a->begin + u->length),
		    (long long)u->length, a->coders->n, BUF_NAME0);
	} else {
		buf_printf(&o, _("project: %s\n"), a->path);
		buf_printf(&t, _("%lld documents end to end, L = %lld code points, "
		    "coders %zu (%s)\n"), (long long)a->ndocs, (long long)u->length,
		    a->coders->n, BUF_NAME0);
	}
	buf_figures(&o, t.s, fa, names);
	buf_puts(&o, _("Krippendorff's alpha for unitizing (2004, sect. 12.4)\n\n"));
	for (k = 0; k < 5; k++) {
		int hw = u8_strwidth((const uint8_t *)head[k], "UTF-8");

		w[k] = hw > w[k] ? hw : w[k];
	}
	cmd_pad(&o, a->ndocs == 0 ? _("value") : _("code"), 24, false);
	for (k = 0; k < 5; k++) {
		buf_putc(&o, ' ');
		cmd_pad(&o, head[k], w[k], true);
	}
	buf_putc(&o, '\n');
	for (c = 0; c < u->nvalues; c++) {
		const struct agree_unitize_value *v = &u->v[c];

		if (a->show != NULL && !a->show[c])
			continue;
		/* a long name (a code's path) gets a line of its own */
		if (u8_strwidth((const uint8_t *)a->value[c], "UTF-8") > 24) {
			buf_puts(&o, a->value[c]);
			buf_putc(&o, '\n');
			cmd_pad(&o, "", 24, false);
		} else
			cmd_pad(&o, a->value[c], 24, false);
		buf_putc(&o, ' ');
		pad_fig(&o, w[0], fa, 0, (double)v->units);
		buf_putc(&o, ' ');
		pad_fig(&o, w[1], fa, 0, (double)v->coders);
		if (v->alpha.why != NULL && v->d_e.why != NULL) {
			struct buf d = {0};
			char *s = xasprintf(_("undefined (%s)"), _(v->alpha.why));

			buf_figures(&d, s, fa, NULL);
			buf_printf(&o, "   %s\n", d.s);
			buf_done(&d);
			free(s);
			continue;
		}
		buf_putc(&o, ' ');
		pad_fig(&o, w[2], fa, 4, v->d_o.v);
		buf_putc(&o, ' ');
		pad_fig(&o, w[3], fa, 4, v->d_e.v);
		buf_putc(&o, ' ');
		if (v->alpha.why != NULL) {
			char *s = xasprintf(_("undefined (%s)"), _(v->alpha.why));

			buf_figures(&o, s, fa, NULL);
			free(s);
		} else
			pad_fig(&o, w[4], fa, 3, v->alpha.v);
		buf_putc(&o, '\n');
	}
	cmd_pad(&o, _("all values"), 24, false);
	for (k = 0; k < 4; k++) {
		buf_putc(&o, ' ');
		cmd_pad(&o, "", w[k], true);
	}
	buf_putc(&o, ' ');
	if (u->alpha.why != NULL) {
		char *s = xasprintf(_("undefined (%s)"), _(u->alpha.why));

		buf_figures(&o, s, fa, NULL);
		free(s);
	} else
		pad_fig(&o, w[4], fa, 3, u->alpha.v);
	buf_putc(&o, '\n');
	buf_puts(&o, _("\nKrippendorff, Mathet, Bouvry and Widlöcher (2016), "
	    "every value at once\n"));
	table_fig(&o, _("u-alpha (units and values)"), a->ua->u, fa);
	table_fig(&o, _("|u-alpha (segmentation only)"), a->ua->binary, fa);
	/* names come from the file or the project */
	cmd_put_text(stdout, o.s, o.len);
	buf_done(&o);
	buf_done(&who);
	buf_done(&t);
}

/* One CSV row: key, then the value or its reason. */
static void
csv_fig(struct buf *b, const char *key, struct agree_fig f)
{
	buf_csv_field(b, key);
	buf_putc(b, ',');
	if (f.why == NULL) {
		buf_printf(b, "%.12g,\n", f.v);
	} else {
		char *st = xasprintf("undefined (%s)", f.why);

		buf_putc(b, ',');
		buf_csv_field(b, st);
		buf_putc(b, '\n');
		free(st);
	}
}

/* figure,value,status as `axial agree --data` writes it; per value the
 * keys unitizing.VALUE.alpha, .do, .de, .units. */
static void
print_csv(const struct about *a, const struct agree_unitize *u)
{
	struct buf b = {0};
	int c;

	buf_puts(&b, "figure,value,status\n");
	csv_fig(&b, "length", (struct agree_fig){ (double)u->length, NULL });
	csv_fig(&b, "coders", (struct agree_fig){ (double)u->ncoders, NULL });
	csv_fig(&b, "unitizing_alpha", u->alpha);
	csv_fig(&b, "u_alpha", a->ua->u);
	csv_fig(&b, "binary_u_alpha", a->ua->binary);
	for (c = 0; c < u->nvalues; c++) {
		const struct agree_unitize_value *v = &u->v[c];
		static const char *const what[3] = { "alpha", "do", "de" };
		const struct agree_fig *f[3] = { &v->alpha, &v->d_o, &v->d_e };
		int k;

		if (a->show != NULL && !a->show[c])
			continue;
		for (k = 0; k < 3; k++) {
			char *key = xasprintf("unitizing.%s.%s", a->value[c], what[k]);

			csv_fig(&b, key, *f[k]);
			free(key);
		}
		{
			char *key = xasprintf("unitizing.%s.units", a->value[c]);

			csv_fig(&b, key, (struct agree_fig){ (double)v->units, NULL });
			free(key);
		}
	}
	fwrite(b.s, 1, b.len, stdout);
	buf_done(&b);
}

static void
json_str(struct buf *b, const char *s)
{
	buf_json_str(b, s, strlen(s));
}

/* A figure as a JSON number, or null (its reason under key_status). */
static void
json_fig(struct buf *b, const char *key, struct agree_fig f)
{
	buf_printf(b, "\"%s\": ", key);
	if (f.why == NULL)
		buf_printf(b, "%.12g", f.v);
	else
		buf_puts(b, "null");
}

static void
print_json(const struct about *a, const struct agree_unitize *u)
{
	struct buf b = {0};
	size_t i;
	int c, first = 1;

	buf_printf(&b, "{\"%s\": ", a->kind);
	json_str(&b, a->path);
	if (a->ndocs > 0)
		buf_printf(&b, ", \"documents\": %lld", (long long)a->ndocs);
	else
		buf_printf(&b, ", \"begin\": %lld", (long long)a->begin);
	buf_printf(&b, ", \"length\": %lld, \"coders\": [", (long long)u->length);
	for (i = 0; i < a->coders->n; i++) {
		buf_puts(&b, i ? ", " : "");
		json_str(&b, a->coders->s[i]);
	}
	buf_puts(&b, "],\n ");
	json_fig(&b, "unitizing_alpha", u->alpha);
	buf_puts(&b, ", \"unitizing_alpha_status\": ");
	json_str(&b, u->alpha.why != NULL ? u->alpha.why : "");
	buf_puts(&b, ",\n ");
	json_fig(&b, "u_alpha", a->ua->u);
	buf_puts(&b, ", \"u_alpha_status\": ");
	json_str(&b, a->ua->u.why != NULL ? a->ua->u.why : "");
	buf_puts(&b, ", ");
	json_fig(&b, "binary_u_alpha", a->ua->binary);
	buf_puts(&b, ", \"binary_u_alpha_status\": ");
	json_str(&b, a->ua->binary.why != NULL ? a->ua->binary.why : "");
	buf_puts(&b, ",\n \"unitizing\": {");
	for (c = 0; c < u->nvalues; c++) {
		const struct agree_unitize_value *v = &u->v[c];

		if (a->show != NULL && !a->show[c])
			continue;
		buf_puts(&b, first ? "\n  " : ",\n  ");
		first = 0;
		json_str(&b, a->value[c]);
		buf_puts(&b, ": {");
		json_fig(&b, "alpha", v->alpha);
		buf_puts(&b, ", ");
		json_fig(&b, "do", v->d_o);
		buf_puts(&b, ", ");
		json_fig(&b, "de", v->d_e);
		buf_printf(&b, ", \"units\": %lld, \"coders\": %d, \"status\": ",
		    (long long)v->units, v->coders);
		json_str(&b, v->alpha.why != NULL ? v->alpha.why : "");
		buf_putc(&b, '}');
	}
	buf_puts(&b, "}}\n");
	fwrite(b.s, 1, b.len, stdout);
	buf_done(&b);
}

/* Prints u in the format, numbers with '.' whatever the locale. */
static int
print_unitize(const struct about *a, const struct agree_unitize *u,
    enum cmd_format f, bool fa)
{
	locale_t cloc = newlocale(LC_NUMERIC_MASK, "C", duplocale(LC_GLOBAL_LOCALE));
	locale_t old = uselocale(cloc);

	if (f == CMD_FMT_CSV)
		print_csv(a, u);
	else if (f == CMD_FMT_JSON)
		print_json(a, u);
	else
		print_table(a, u, fa);
	uselocale(old);
	freelocale(cloc);
	return fflush(stdout) == 0 ? CMD_OK : cmd_error(_("writing output failed"));
}

int
cmd_agree_segments(const struct cmd *self, const char *path, const char *length,
    const char *begin, enum cmd_format f, bool fa)
{
	struct agree_useg_set s = {0};
	struct nameset coders = {0}, values = {0};
	struct agree_unitize u;
	struct agree_ualpha ua;
	struct about a = { "segments", path, 0, 0, &coders, NULL, NULL, &ua };
	int64_t len;
	int rc;

	if (length == NULL)
		return cmd_usage(self, _("--segments needs --length L, the continuum's length"));
	if (!parse_pos(length, 1, POS_MAX, &len))
		return cmd_usage(self, _("--length needs a whole number from 1"));
	if (begin != NULL && !parse_pos(begin, 0, POS_MAX, &a.begin))
		return cmd_usage(self, _("--begin needs a whole number from 0"));
	if ((rc = read_segments(path, a.begin, len, &s, &coders, &values)) != CMD_OK)
		goto out;
	if (coders.n < 2) {
		rc = cmd_error(_("%s: one coder (%s): unitizing agreement needs "
		    "segments of at least two coders"), path, coders.s[0]);
		goto out;
	}
	agree_unitize(&s, &u);
	agree_ualpha(&s, &ua);
	a.value = (const char *const *)values.s;
	rc = print_unitize(&a, &u, f, fa);
	agree_unitize_free(&u);
out:
	agree_useg_free(&s);
	nameset_free(&coders);
	nameset_free(&values);
	return rc;
}

/*
 * `axial agree PROJECT --unit segments --coders A,B[,...]`: alpha_U of the
 * coders' codings, every code a value, the documents end to end.
 */
int
cmd_agree_unitize_project(const struct cmd *self, const char *path,
    const char *coders, enum cmd_format f, bool all, bool fa)
{
	/* document units: the cheapest cut, and the codings are all we read */
	struct agree_config cfg = { AGREE_UNIT_DOCUMENT, 2, false, 0.9, false,
	    AGREE_UNIT_PARAGRAPH };
	struct agree_project *ap = NULL;
	struct project *p = NULL;
	struct agree_useg_set s = {0};
	struct agree_unitize u = {0};
	struct agree_ualpha ua;
	struct nameset who = {0};
	struct about a = { "project", path, 0, 0, &who, NULL, NULL, &ua };
	const char *names[32];
	bool *show = NULL;
	size_t n, hidden = 0, nd, nc, ncat;
	char *list;
	int rc, c;

	if (coders == NULL)
		return cmd_usage(self, _("--coders A,B names the coders to compare"));
	list = cmd_split(coders, names, AX_ARRAY_LEN(names), &n);
	if (n < 2) {
		free(list);
		return cmd_usage(self, _("--coders needs at least two coders, e.g. --coders A,B"));
	}
	if ((rc = cmd_project_open(path, NULL, 0, &p)) != CMD_OK)
		goto out;
	if (agree_project_new(p, names, (int)n, &cfg, 0, &ap) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	agree_state_usegs(agree_project_state(ap), -1, &s);
	agree_unitize(&s, &u);
	agree_ualpha(&s, &ua);
	/* the coders in the order given, not sorted */
	who.s = (char **)names;
	who.n = n;
	agree_state_size(agree_project_state(ap), &nd, &nc, &ncat);
	a.ndocs = (int64_t)nd;
	a.value = agree_project_names(ap)->code;
	show = xcalloc(nc + 1, sizeof *show);
	for (c = 0; c < u.nvalues; c++)
		if (!(show[c] = all || u.v[c].units > 0))
			hidden++;
	a.show = show;
	rc = print_unitize(&a, &u, f, fa);
	if (rc == CMD_OK && hidden > 0) {
		char *msg = xasprintf(ngettext("%zu code no coder used is not shown; "
		    "--all shows it.", "%zu codes no coder used are not shown; "
		    "--all shows them.", hidden), hidden);

		if (f == CMD_FMT_TABLE) {
			struct buf d = {0};

			buf_figures(&d, msg, fa, NULL);
			printf("%s\n", d.s);
			buf_done(&d);
		} else
			fprintf(stderr, "axial: %s\n", msg);
		free(msg);
	}
out:
	free(show);
	agree_unitize_free(&u);
	agree_useg_free(&s);
	agree_project_free(ap);
	project_close(p);
	free(list);
	return rc;
}
