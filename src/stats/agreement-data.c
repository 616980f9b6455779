/*
 * agreement-data.c: reliability data (units x coders values) read from CSV,
 * and the report of every coefficient that applies to it.
 *
 * The CSV reader is strict about what would silently change a figure
 * (ragged rows, a second value for one unit and coder, invalid UTF-8) and
 * lenient about spelling (BOM, CRLF, header case, blank lines, spaces
 * around values). Values that all parse as numbers are numbers: "1" and
 * "1.0" are then the same category, sorted numerically.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "stats/agreement.h"
#include "base/i18n.h"
#include "base/util.h"

/* ---- a string -> index map (open addressing) ---- */

struct names {
	char **s;
	size_t n, cap;
	int64_t *slot;		/* index + 1, 0 = empty */
	size_t nslot;
};

static uint64_t
hash_str(const char *s)
{
	uint64_t h = UINT64_C(1469598103934665603);

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
	return h;
}

static void
names_rehash(struct names *m)
{
	size_t i, j;

	free(m->slot);
	m->nslot = m->nslot ? m->nslot * 2 : 64;
	m->slot = xcalloc(m->nslot, sizeof *m->slot);
	for (i = 0; i < m->n; i++) {
		for (j = hash_str(m->s[i]) & (m->nslot - 1); m->slot[j];
		    j = (j + 1) & (m->nslot - 1))
			;
		m->slot[j] = (int64_t)i + 1;
	}
}

/* The index of s, added if new. */
static int64_t
names_intern(struct names *m, const char *s)
{
	size_t j;

	if (2 * (m->n + 1) > m->nslot)
		names_rehash(m);
	for (j = hash_str(s) & (m->nslot - 1); m->slot[j]; j = (j + 1) & (m->nslot - 1))
		if (strcmp(m->s[m->slot[j] - 1], s) == 0)
			return m->slot[j] - 1;
	m->s = xgrow(m->s, &m->cap, m->n + 1, sizeof *m->s);
	m->s[m->n] = xstrdup(s);
	m->slot[j] = (int64_t)++m->n;
	return (int64_t)m->n - 1;
}

/* ---- CSV ---- */

struct csv {
	const char *p, *end;
	long line;		/* line of p */
	long rec_line;		/* line where the current record began */
	size_t nfield;
	const char *err;
	long err_line;
};

/*
 * Reads one record into fields (NUL-separated; field i at (*off)[i]).
 * Returns 1, 0 at the end, -1 on error (c->err, c->err_line).
 */
static int
csv_record(struct csv *c, struct buf *fields, size_t **off, size_t *offcap)
{
	buf_reset(fields);
	c->nfield = 0;
	if (c->p >= c->end)
		return 0;
	c->rec_line = c->line;
	for (;;) {
		*off = xgrow(*off, offcap, c->nfield + 1, sizeof **off);
		(*off)[c->nfield++] = fields->len;
		if (c->p < c->end && *c->p == '"') {
			long open = c->line;

			c->p++;
			for (;;) {
				if (c->p >= c->end) {
					c->err = N_("unterminated quoted field");
					c->err_line = open;
					return -1;
				}
				if (*c->p == '"') {
					if (c->p + 1 < c->end && c->p[1] == '"') {
						buf_putc(fields, '"');
						c->p += 2;
						continue;
					}
					c->p++;
					break;
				}
				if (*c->p == '\n')
					c->line++;
				buf_putc(fields, *c->p++);
			}
			if (c->p < c->end && *c->p != ',' && *c->p != '\n' &&
			    *c->p != '\r') {
				c->err = N_("text after a closing quote");
				c->err_line = c->line;
				return -1;
			}
		} else {
			while (c->p < c->end && *c->p != ',' && *c->p != '\n' &&
			    *c->p != '\r')
				buf_putc(fields, *c->p++);
		}
		buf_putc(fields, '\0');
		if (c->p < c->end && *c->p == ',') {
			c->p++;
			continue;
		}
		if (c->p < c->end && *c->p == '\r')
			c->p++;
		if (c->p < c->end && *c->p == '\n')
			c->p++;
		c->line++;
		return 1;
	}
}

/* Trims ASCII blanks in place. */
static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

/* A decimal number: [+-]digits[.digits][(e|E)[+-]digits], or .digits. */
static bool
parse_number(const char *s, double *v)
{
	const char *p = s;
	bool digits = false;
	locale_t c, old;

	if (*p == '+' || *p == '-')
		p++;
	while (*p >= '0' && *p <= '9')
		p++, digits = true;
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9')
			p++, digits = true;
	}
	if (!digits)
		return false;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p != '\0')
		return false;
	/* strtod follows LC_NUMERIC; the file's decimal point is always '.'. */
	c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	old = uselocale(c);
	*v = strtod(s, NULL);
	uselocale(old);
	freelocale(c);
	return true;
}

struct triple {
	int64_t unit, coder, cat;
	long line;
};

/* A category with its sort key, so qsort needs no context. */
struct cat_key {
	int64_t i;		/* index in the order read */
	double num;		/* its value, when every category is a number */
	const char *name;
};

static int
cmp_cat_num(const void *a, const void *b)
{
	const struct cat_key *x = a, *y = b;

	if (x->num != y->num)
		return (x->num > y->num) - (x->num < y->num);
	return (x->i > y->i) - (x->i < y->i);
}

static int
cmp_cat_name(const void *a, const void *b)
{
	const struct cat_key *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c != 0 ? c : (x->i > y->i) - (x->i < y->i);
}

static int
cmp_triple(const void *a, const void *b)
{
	const struct triple *x = a, *y = b;

	if (x->unit != y->unit)
		return (x->unit > y->unit) - (x->unit < y->unit);
	if (x->coder != y->coder)
		return (x->coder > y->coder) - (x->coder < y->coder);
	return (x->line > y->line) - (x->line < y->line);
}

static long
line_of(const char *text, const char *at)
{
	long line = 1;

	for (; text < at; text++)
		line += *text == '\n';
	return line;
}

int
agree_data_parse(const char *text, size_t len, struct agree_data *out,
    long *line, const char **err)
{
	struct csv c = {0};
	struct buf fields = {0};
	struct names units = {0}, coders = {0}, cats = {0};
	struct triple *t = NULL;
	size_t *off = NULL, offcap = 0, nt = 0, tcap = 0, i, ncol = 0;
	int64_t col[3] = { -1, -1, -1 }, *remap = NULL;
	struct cat_key *order = NULL;
	double *num = NULL;
	static const char *const colname[3] = { "unit", "coder", "value" };
	const uint8_t *bad;
	bool numeric = true;
	int rc = -1, r, j;

	memset(out, 0, sizeof *out);
	*line = 1;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		text += 3, len -= 3;
	if ((bad = u8_check((const uint8_t *)text, len)) != NULL) {
		*line = line_of(text, (const char *)bad);
		*err = N_("invalid UTF-8");
		goto out;
	}
	if (memchr(text, '\0', len) != NULL) {
		*line = line_of(text, memchr(text, '\0', len));
		*err = N_("NUL byte");
		goto out;
	}
	c.p = text;
	c.end = text + len;
	c.line = 1;
	/* The header: the first record that is not blank. */
	while ((r = csv_record(&c, &fields, &off, &offcap)) == 1 &&
	    c.nfield == 1 && trim(fields.s)[0] == '\0')
		;
	if (r == 0) {
		*err = N_("empty file");
		goto out;
	}
	if (r < 0)
		goto csv_err;
	ncol = c.nfield;
	for (i = 0; i < ncol; i++) {
		char *name = trim(fields.s + off[i]);

		for (j = 0; j < 3; j++)
			if (strcasecmp(name, colname[j]) == 0) {
				if (col[j] >= 0) {
					*line = c.rec_line;
					*err = j == 0 ? N_("two 'unit' columns") :
					    j == 1 ? N_("two 'coder' columns") : N_("two 'value' columns");
					goto out;
				}
				col[j] = (int64_t)i;
			}
	}
	for (j = 0; j < 3; j++)
		if (col[j] < 0) {
			*line = c.rec_line;
			*err = j == 0 ? N_("missing column 'unit' in the header (need unit,coder,value)") :
			    j == 1 ? N_("missing column 'coder' in the header (need unit,coder,value)") :
			    N_("missing column 'value' in the header (need unit,coder,value)");
			goto out;
		}
	while ((r = csv_record(&c, &fields, &off, &offcap)) == 1) {
		char *u, *cd, *v;

		if (c.nfield == 1 && trim(fields.s)[0] == '\0')
			continue;
		if (c.nfield != ncol) {
			*line = c.rec_line;
			*err = c.nfield < ncol ? N_("too few fields (ragged row)") :
			    N_("too many fields (ragged row)");
			goto out;
		}
		u = trim(fields.s + off[col[0]]);
		cd = trim(fields.s + off[col[1]]);
		v = trim(fields.s + off[col[2]]);
		if (*u == '\0' || *cd == '\0') {
			*line = c.rec_line;
			*err = *u == '\0' ? N_("empty unit") : N_("empty coder");
			goto out;
		}
		t = xgrow(t, &tcap, nt + 1, sizeof *t);
		t[nt].unit = names_intern(&units, u);
		t[nt].coder = names_intern(&coders, cd);
		t[nt].cat = *v == '\0' ? -1 : names_intern(&cats, v);
		t[nt].line = c.rec_line;
		nt++;
	}
	if (r < 0)
		goto csv_err;
	if (nt == 0) {
		*line = c.rec_line + 1;
		*err = N_("no data rows after the header");
		goto out;
	}
	if (coders.n > 32767 || cats.n > INT32_MAX / 2) {
		*line = 1;
		*err = N_("too many coders or values");
		goto out;
	}
	/* One value per (unit, coder). */
	qsort(t, nt, sizeof *t, cmp_triple);
	for (i = 1; i < nt; i++)
		if (t[i].unit == t[i - 1].unit && t[i].coder == t[i - 1].coder) {
			*line = t[i].line;
			*err = N_("a second value for the same unit and coder");
			goto out;
		}

	/* Categories: numbers merge by value; otherwise bytewise order. */
	num = xmalloc((cats.n + 1) * sizeof *num);
	for (i = 0; i < cats.n && numeric; i++)
		numeric = parse_number(cats.s[i], &num[i]);
	order = xmalloc((cats.n + 1) * sizeof *order);
	remap = xmalloc((cats.n + 1) * sizeof *remap);
	for (i = 0; i < cats.n; i++) {
		order[i].i = (int64_t)i;
		order[i].num = numeric ? num[i] : 0;
		order[i].name = cats.s[i];
	}
	qsort(order, cats.n, sizeof *order, numeric ? cmp_cat_num : cmp_cat_name);
	out->cat = xcalloc(cats.n + 1, sizeof *out->cat);
	if (numeric)
		out->catnum = xmalloc((cats.n + 1) * sizeof *out->catnum);
	for (i = 0; i < cats.n; i++) {
		int64_t x = order[i].i;

		if (numeric && out->ncats > 0 && num[x] == out->catnum[out->ncats - 1]) {
			remap[x] = out->ncats - 1;
			continue;
		}
		remap[x] = out->ncats;
		if (numeric)
			out->catnum[out->ncats] = num[x];
		out->cat[out->ncats++] = xstrdup(cats.s[x]);
	}
	out->nunits = (int64_t)units.n;
	out->ncoders = (int)coders.n;
	out->val = xmalloc((units.n * coders.n + 1) * sizeof *out->val);
	for (i = 0; i < units.n * coders.n; i++)
		out->val[i] = -1;
	for (i = 0; i < nt; i++)
		if (t[i].cat >= 0)
			out->val[t[i].unit * out->ncoders + t[i].coder] =
			    (int32_t)remap[t[i].cat];
	out->unit = units.s;
	units.s = NULL;
	out->coder = coders.s;
	coders.s = NULL;
	rc = 0;
	goto out;
csv_err:
	*line = c.err_line;
	*err = c.err;
out:
	for (i = 0; i < units.n && units.s != NULL; i++)
		free(units.s[i]);
	for (i = 0; i < coders.n && coders.s != NULL; i++)
		free(coders.s[i]);
	for (i = 0; i < cats.n; i++)
		free(cats.s[i]);
	free(units.s);
	free(units.slot);
	free(coders.s);
	free(coders.slot);
	free(cats.s);
	free(cats.slot);
	free(t);
	free(off);
	free(num);
	free(order);
	free(remap);
	buf_done(&fields);
	if (rc != 0)
		agree_data_free(out);
	return rc;
}

void
agree_data_free(struct agree_data *d)
{
	int64_t i;

	for (i = 0; d->unit != NULL && i < d->nunits; i++)
		free(d->unit[i]);
	for (i = 0; d->coder != NULL && i < d->ncoders; i++)
		free(d->coder[i]);
	for (i = 0; d->cat != NULL && i < d->ncats; i++)
		free(d->cat[i]);
	free(d->unit);
	free(d->coder);
	free(d->cat);
	free(d->catnum);
	free(d->val);
	memset(d, 0, sizeof *d);
}

/* ---- the report ----
 * Labels are English (JSON carries them); N_() marks them so the table
 * `axial agree --data` prints shows them in the messages' language. */

static void
add(struct agree_report *r, enum agree_kind kind, struct agree_fig f,
    const char *label, const char *keyfmt, ...) AX_PRINTF(5, 6);

static void
add(struct agree_report *r, enum agree_kind kind, struct agree_fig f,
    const char *label, const char *keyfmt, ...)
{
	va_list ap;

	r->item = xgrow(r->item, &r->cap, r->n + 1, sizeof *r->item);
	va_start(ap, keyfmt);
	r->item[r->n].key = xvasprintf(keyfmt, ap);
	va_end(ap);
	r->item[r->n].label = xstrdup(label);
	r->item[r->n].kind = kind;
	r->item[r->n].f = f;
	r->n++;
}

static void
add_count(struct agree_report *r, const char *key, const char *label, int64_t v)
{
	struct agree_fig f = { (double)v, NULL };

	add(r, AGREE_COUNT, f, label, "%s", key);
}

static void
note(struct agree_report *r, const char *fmt, ...) AX_PRINTF(2, 3);

static void
note(struct agree_report *r, const char *fmt, ...)
{
	va_list ap;

	r->notes = xgrow(r->notes, &r->capnotes, r->nnotes + 1, sizeof *r->notes);
	va_start(ap, fmt);
	r->notes[r->nnotes++] = xvasprintf(fmt, ap);
	va_end(ap);
}

int64_t *
agree_data_table(const struct agree_data *d, int64_t *missing)
{
	int64_t *cells = xcalloc((size_t)d->ncats * (size_t)d->ncats + 1, sizeof *cells);
	int64_t u;

	*missing = 0;
	for (u = 0; u < d->nunits; u++) {
		int32_t a = d->val[u * d->ncoders], b = d->val[u * d->ncoders + 1];

		if (a < 0 || b < 0)
			(*missing)++;
		else
			cells[a * d->ncats + b]++;
	}
	return cells;
}

/* A k x k table beyond this is not a coding scheme (and would not fit). */
#define TABLE_MAX_CATS 1000

static void
report_two(const struct agree_data *d, const struct agree_opts *o,
    struct agree_report *r)
{
	int64_t missing, *cells;
	struct agree_kappa k;
	char *lab;

	if (d->ncats > TABLE_MAX_CATS) {
		note(r, "%d categories: no two-coder table (more than %d); see alpha",
		    d->ncats, TABLE_MAX_CATS);
		return;
	}
	cells = agree_data_table(d, &missing);
	agree_kappa_table(cells, d->ncats, o->q, &k);
	add_count(r, "n", N_("units in the table (both coders gave a value)"), k.n);
	add_count(r, "left_out", N_("units left out (a value missing)"), missing);
	add(r, AGREE_PROP, k.po, N_("percent agreement"), "po");
	/* xgettext:no-c-format */
	add(r, AGREE_PROP, k.po_lo, N_("  Wilson 95% lower"), "po_ci_lower");
	/* xgettext:no-c-format */
	add(r, AGREE_PROP, k.po_hi, N_("  Wilson 95% upper"), "po_ci_upper");
	add(r, AGREE_COEF, k.pe, N_("chance agreement P_e (Cohen)"), "pe");
	add(r, AGREE_COEF, k.kappa, N_("Cohen's kappa"), "kappa");
	add(r, AGREE_SE, k.ase, N_("  ASE (Fleiss, Cohen & Everitt 1969)"), "kappa_ase");
	/* xgettext:no-c-format */
	add(r, AGREE_COEF, k.ci_lo, N_("  95% CI lower"), "kappa_ci_lower");
	/* xgettext:no-c-format */
	add(r, AGREE_COEF, k.ci_hi, N_("  95% CI upper"), "kappa_ci_upper");
	add(r, AGREE_SE, k.ase0, N_("  SE under kappa = 0"), "kappa_ase0");
	add(r, AGREE_NUM, k.z, N_("  z (kappa / null SE)"), "kappa_z");
	add(r, AGREE_COEF, k.pi, N_("Scott's pi"), "pi");
	lab = xasprintf("Brennan-Prediger (q = %d)", k.q);
	add(r, AGREE_COEF, k.bp, lab, "bp");
	add(r, AGREE_SE, k.bp_se, N_("  SE"), "bp_se");
	free(lab);
	if (k.note != NULL)
		note(r, "%s", k.note);
	if (missing > 0)
		note(r, "%lld unit(s) with a missing value left out of the table "
		    "(alpha keeps them as missing data)", (long long)missing);
	free(cells);
}

static void
report_many(const struct agree_data *d, const struct agree_opts *o,
    struct agree_report *r)
{
	int64_t *counts = NULL;
	double *p = NULL;
	struct agree_fig *kj = NULL;
	struct agree_fleiss f;
	int64_t u, n = 0;
	int c;
	char *lab;

	if (d->ncats > TABLE_MAX_CATS) {
		note(r, "%d categories: no Fleiss' kappa (more than %d); see alpha",
		    d->ncats, TABLE_MAX_CATS);
		goto out;
	}
	counts = xcalloc((size_t)d->nunits * (size_t)d->ncats + 1, sizeof *counts);
	p = xcalloc((size_t)d->ncats + 1, sizeof *p);
	kj = xcalloc((size_t)d->ncats + 1, sizeof *kj);
	/* Units nobody coded carry nothing; every other unit must be complete. */
	for (u = 0; u < d->nunits; u++) {
		bool any = false;

		for (c = 0; c < d->ncoders; c++) {
			int32_t v = d->val[u * d->ncoders + c];

			if (v >= 0) {
				counts[n * d->ncats + v]++;
				any = true;
			}
		}
		n += any;
	}
	agree_fleiss(counts, n, d->ncats, o->q, &f, p, kj);
	add_count(r, "fleiss_n", N_("units (Fleiss)"), n);
	add(r, AGREE_COEF, f.pbar, N_("Fleiss mean agreement P-bar"), "fleiss_pbar");
	add(r, AGREE_COEF, f.pe, N_("Fleiss chance agreement P_e"), "fleiss_pe");
	add(r, AGREE_COEF, f.kappa, N_("Fleiss' kappa"), "fleiss_kappa");
	add(r, AGREE_SE, f.se0,
	    N_("  SE under kappa = 0 (Fleiss, Nee & Landis 1979)"), "fleiss_se0");
	add(r, AGREE_NUM, f.z, N_("  z"), "fleiss_z");
	for (c = 0; c < d->ncats && c < TABLE_MAX_CATS && f.pbar.why == NULL; c++) {
		struct agree_fig pf = { p[c], NULL };

		lab = xasprintf("  p_j of '%s'", d->cat[c]);
		add(r, AGREE_COEF, pf, lab, "fleiss_p.%s", d->cat[c]);
		free(lab);
		lab = xasprintf("  kappa of '%s'", d->cat[c]);
		add(r, AGREE_COEF, kj[c], lab, "fleiss_kappa.%s", d->cat[c]);
		free(lab);
	}
	lab = xasprintf("Randolph free-marginal kappa (q = %d)", f.q);
	add(r, AGREE_COEF, f.randolph, lab, "randolph");
	free(lab);
out:
	free(counts);
	free(p);
	free(kj);
}

/*
 * Gwet's AC1, and AC2 at each requested ordered level, over every unit with
 * a value (missing values allowed: the handbook's many-rater form, for two
 * coders too).
 */
static void
report_gwet(const struct agree_data *d, int levels, struct agree_report *r)
{
	static const char *const label[4] = {
		N_("Gwet's AC1"), N_("Gwet's AC2, ordinal weights"),
		N_("Gwet's AC2, quadratic weights"), N_("Gwet's AC2, ratio weights"),
	};
	double *w = NULL;
	int l;

	if (d->ncats <= TABLE_MAX_CATS)
		w = xcalloc((size_t)d->ncats * (size_t)d->ncats + 1, sizeof *w);
	for (l = 0; l < 4; l++) {
		struct agree_gwet g;
		char key[32];
		const char *why = NULL;

		if (l != AGREE_NOMINAL && !(levels & (1 << l)))
			continue;
		snprintf(key, sizeof key, l == AGREE_NOMINAL ? "ac1" : "ac2_%s",
		    agree_level_names[l]);
		if (l != AGREE_NOMINAL && w == NULL)
			why = N_("too many distinct values");
		else if (l != AGREE_NOMINAL)
			why = agree_gwet_weights((enum agree_level)l, d->catnum,
			    d->ncats, w);
		agree_gwet_values(d->val, d->nunits, d->ncoders, d->ncats,
		    l == AGREE_NOMINAL ? NULL : w, &g);
		if (why != NULL)
			g.pa = g.pe = g.ac = g.se = g.lo = g.hi =
			    (struct agree_fig){ 0, why };
		if (l == AGREE_NOMINAL)
			add_count(r, "gwet_n", N_("units with a value (Gwet)"), g.n);
		add(r, AGREE_COEF, g.ac, label[l], "%s", key);
		add(r, AGREE_SE, g.se, N_("  SE (Gwet 2008)"), "%s_se", key);
		/* xgettext:no-c-format */
		add(r, AGREE_COEF, g.lo, N_("  95% t interval lower"), "%s_ci_lower", key);
		/* xgettext:no-c-format */
		add(r, AGREE_COEF, g.hi, N_("  95% t interval upper"), "%s_ci_upper", key);
		add(r, AGREE_COEF, g.pa, N_("  percent agreement p_a (Gwet)"), "%s_pa", key);
		add(r, AGREE_COEF, g.pe, N_("  chance agreement p_e (Gwet)"), "%s_pe", key);
	}
	note(r, "AC1/AC2 interval: AC +- t(.975, n - 1) x SE, n = units with a "
	    "value (Gwet 2014)");
	free(w);
}

void
agree_data_report(const struct agree_data *d, const struct agree_opts *o,
    struct agree_report *r)
{
	int levels = o->levels, l;
	bool first = true;

	memset(r, 0, sizeof *r);
	add_count(r, "units", N_("units"), d->nunits);
	add_count(r, "coders", N_("coders"), d->ncoders);
	add_count(r, "categories", N_("categories"), d->ncats);
	if (d->ncoders == 2)
		report_two(d, o, r);
	if (levels == 0)
		levels = d->catnum != NULL ? 15 : 1 << AGREE_NOMINAL;
	for (l = 0; l < 4; l++) {
		struct agree_alpha a;
		char *lab;

		if (!(levels & (1 << l)))
			continue;
		agree_alpha(d->val, d->nunits, d->ncoders, d->ncats, d->catnum,
		    (enum agree_level)l, o->boot, o->seed, &a);
		if (first) {
			if (d->ncoders != 2)
				add(r, AGREE_PROP, a.pairwise,
				    N_("percent agreement (pairs of values within units)"), "po");
			add_count(r, "alpha_units", N_("pairable units (alpha)"), a.units);
			add_count(r, "alpha_n", N_("pairable values (alpha)"), a.n);
			first = false;
		}
		lab = xasprintf("Krippendorff's alpha, %s", agree_level_names[l]);
		add(r, AGREE_COEF, a.alpha, lab, "alpha_%s", agree_level_names[l]);
		free(lab);
		/* xgettext:no-c-format */
		add(r, AGREE_COEF, a.lo, N_("  bootstrap 95% lower"), "alpha_%s_ci_lower",
		    agree_level_names[l]);
		/* xgettext:no-c-format */
		add(r, AGREE_COEF, a.hi, N_("  bootstrap 95% upper"), "alpha_%s_ci_upper",
		    agree_level_names[l]);
		add(r, AGREE_COEF, a.d_o, N_("  observed disagreement D_o"), "alpha_%s_do",
		    agree_level_names[l]);
		add(r, AGREE_COEF, a.d_e, N_("  expected disagreement D_e"), "alpha_%s_de",
		    agree_level_names[l]);
		if (a.boot > 0)
			note(r, "alpha %s interval: bootstrap over units, B = %d, "
			    "seed = %llu, %d replicate(s) discarded (alpha undefined)",
			    agree_level_names[l], a.boot, (unsigned long long)a.seed,
			    a.boot_discarded);
	}
	report_gwet(d, levels, r);
	if (d->ncoders >= 3)
		report_many(d, o, r);
}

const struct agree_item *
agree_data_report_get(const struct agree_report *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->item[i].key, key) == 0)
			return &r->item[i];
	return NULL;
}

void
agree_data_report_free(struct agree_report *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->item[i].key);
		free(r->item[i].label);
	}
	for (i = 0; i < r->nnotes; i++)
		free(r->notes[i]);
	free(r->item);
	free(r->notes);
	memset(r, 0, sizeof *r);
}
