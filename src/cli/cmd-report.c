/*
 * cmd-report.c: `axial report` writes every analysis table of a project
 * into a directory, one file per table (Markdown, HTML or CSV), plus the
 * paradigm model as paradigm.dot and paradigm.svg and the theory page
 * (core category, storyline, the figure, the links and their evidence);
 * `axial export dot|svg` writes the paradigm model alone and names its
 * unexplained slots on standard error. Every file is written atomically.
 *
 * Every table counts one source (--source): the consensus coding, one
 * coder, or each coder side by side (one column, or one file per coder for
 * the tables that cannot stand side by side: the sample, frequencies by
 * document, co-occurrence, saturation). Summing coders would count a
 * segment two coders tagged twice, so with several coders and no consensus
 * the user chooses.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stats/analysis.h"
#include "store/coder.h"
#include "store/compare.h"
#include "base/i18n.h"
#include "store/project.h"
#include "exchange/report.h"
#include "cli/cmd.h"

enum rp_format { RP_MD, RP_HTML, RP_CSV };

/* The parts --only names, in the order they are written. */
enum part { P_CODING, P_SAMPLE, P_FREQUENCY, P_COOCCURRENCE, P_SATURATION,
	P_DEMOGRAPHICS, P_CODEBOOK, P_PARADIGM, P_THEORY, P_MATRIX, P_AGREEMENT };
static const char *const part_names[] = {
	"coding", "sample", "frequency", "cooccurrence", "saturation",
	"demographics", "codebook", "paradigm", "theory", "matrix", "agreement",
};
enum { NPARTS = AX_ARRAY_LEN(part_names) };

/* What one run writes, and where. */
struct report {
	const char *dir;
	enum rp_format fmt;
	const struct an_project *a;
	int64_t *src;		/* the source's coders (report.h) */
	size_t nsrc;
	bool each;		/* --source each: per-coder files get -LOGIN */
	struct buf index;	/* the index page's list */
	size_t nfiles;
	bool figure;		/* paradigm.svg is written */
	struct an_gnc_opts gnc;	/* the saturation rule's parameters */
	struct project *p;	/* the agreement table reads it (report-agree.c) */
	const char *agree[33];	/* the coders it compares; fewer than 2: none */
	size_t nagree;
	int rc;
};

static const char *
ext_of(enum rp_format f)
{
	return f == RP_MD ? "md" : f == RP_HTML ? "html" : "csv";
}

/* Writes data to DIR/name; a failure is reported once and remembered. */
static void
put_file(struct report *r, const char *name, const char *data, size_t len)
{
	char *path = xasprintf("%s/%s", r->dir, name);

	if (r->rc == CMD_OK) {
		if (file_write_atomic(path, data, len) != 0) {
			r->rc = cmd_error("%s: %s", path, strerror(errno));
		} else {
			printf("%s\n", path);
			r->nfiles++;
		}
	}
	free(path);
}

static void
index_entry(struct report *r, const char *file, const char *title)
{
	if (r->fmt == RP_MD) {
		buf_puts(&r->index, "- [");
		rp_md_escape(&r->index, title);
		buf_printf(&r->index, "](%s)\n", file);
	} else if (r->fmt == RP_HTML) {
		buf_printf(&r->index, "<li><a href=\"%s\">", file);
		rp_html_escape(&r->index, title);
		buf_puts(&r->index, "</a></li>\n");
	}
}

/* Renders t in the run's format, writes it and frees it; not when a text
 * it quotes could not be read (a lean snapshot's quote is then ""). */
static void
put_table(struct report *r, struct rp_table *t)
{
	struct buf b = {0};
	char *file = xasprintf("%s.%s", t->name, ext_of(r->fmt));

	if (r->rc == CMD_OK && an_text_status(r->a) != AX_OK)
		r->rc = cmd_project_error(r->p);
	if (r->fmt == RP_MD)
		rp_markdown(t, &b);
	else if (r->fmt == RP_HTML)
		rp_html(t, r->a->title, &b);
	else
		rp_csv(t, &b);
	put_file(r, file, b.s != NULL ? b.s : "", b.len);
	if (t->source != NULL) {
		char *title = xasprintf(_("%s (source: %s)"), t->title, t->source);

		index_entry(r, file, title);
		free(title);
	} else {
		index_entry(r, file, t->title);
	}
	free(file);
	buf_done(&b);
	rp_table_done(t);
}

/* A coder login as a file-name part: [A-Za-z0-9._-], others as '_'. */
static char *
file_part(const char *s)
{
	char *p, *out = xstrdup(*s ? s : "_");

	for (p = out; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '-' || *p == '_'))
			*p = '_';
	if (out[0] == '.')
		out[0] = '_';
	return out;
}

/* The file stem of a one-coder table: stem, or stem-LOGIN under each. */
static char *
stem_of(const struct report *r, const char *stem, size_t k)
{
	long i = an_coder_index(r->a, r->src[k]);
	char *part, *name;

	if (!r->each)
		return xstrdup(stem);
	part = file_part(i >= 0 ? r->a->coders[i].login : "");
	name = xasprintf("%s-%s", stem, part);
	free(part);
	return name;
}

/* The categories against each attribute, counting documents, then
 * segments (docs/matrices.md). */
static void
write_matrices(struct report *r, size_t k)
{
	struct an_demographics d;
	struct an_matrix_spec s = { AN_MX_CATEGORIES, AN_MX_BY_ATTR,
	    AN_MX_DOCUMENTS, NULL, r->src[k] };
	struct an_matrix m;
	struct rp_table t;
	size_t i, c;
	char *stem, *name;

	an_demographics(r->a, &d);
	for (i = 0; i < d.nattrs; i++)
		for (c = 0; c < 2; c++) {
			s.attr = d.attrs[i].key;
			s.count = c == 0 ? AN_MX_DOCUMENTS : AN_MX_SEGMENTS;
			name = xasprintf("matrix-categories-%zu-%s", i + 1,
			    c == 0 ? "documents" : "segments");
			stem = stem_of(r, name, k);
			an_matrix(r->a, &s, &m, NULL);
			rp_matrix_table(r->a, &m, 0, stem, &t);
			put_table(r, &t);
			an_matrix_done(&m);
			free(stem);
			free(name);
		}
	an_demographics_done(&d);
}

static void
write_part(struct report *r, size_t part, size_t per_code, bool with_codes,
    char **svg_out)
{
	const struct an_project *a = r->a;
	const struct rp_source src = { r->src, r->nsrc };
	struct rp_table t;
	size_t i, k;
	char *name;

	switch (part) {
	case P_CODING:	/* coding tables, one per slot (and one for the rest) */
		for (i = 0; i < 6; i++) {
			rp_slot_table(a, an_slots[i], &src, &t);
			put_table(r, &t);
		}
		rp_slot_table(a, ROLE_NONE, &src, &t);
		if (t.nrows > 0)
			put_table(r, &t);
		else
			rp_table_done(&t);
		break;
	case P_SAMPLE:
		for (k = 0; k < r->nsrc; k++) {
			name = stem_of(r, "open-coding-sample", k);
			rp_sample_table(a, r->src[k], per_code, name, &t);
			put_table(r, &t);
			free(name);
		}
		break;
	case P_FREQUENCY:
		for (k = 0; k < r->nsrc; k++) {
			name = stem_of(r, "frequency-by-document", k);
			rp_freq_doc_table(a, r->src[k], name, &t);
			put_table(r, &t);
			free(name);
		}
		rp_freq_coder_table(a, &src, &t);
		put_table(r, &t);
		break;
	case P_COOCCURRENCE:
		for (k = 0; k < r->nsrc; k++) {
			name = stem_of(r, "cooccurrence-overlap", k);
			rp_cooc_table(a, AN_COOC_OVERLAP, r->src[k], name, &t);
			put_table(r, &t);
			free(name);
			name = stem_of(r, "cooccurrence-paragraph", k);
			rp_cooc_table(a, AN_COOC_PARAGRAPH, r->src[k], name, &t);
			put_table(r, &t);
			free(name);
		}
		break;
	case P_SATURATION:
		for (k = 0; k < r->nsrc; k++) {
			name = stem_of(r, "saturation", k);
			rp_saturation_table(a, r->src[k], &r->gnc, name, &t);
			put_table(r, &t);
			free(name);
		}
		break;
	case P_DEMOGRAPHICS:
		rp_demographics_table(a, &t);
		put_table(r, &t);
		break;
	case P_CODEBOOK:
		rp_codebook_table(a, &src, &t);
		put_table(r, &t);
		break;
	case P_PARADIGM: {
		struct an_paradigm m;
		struct buf b = {0};

		an_paradigm(a, with_codes, &m);
		m.rtl = rp_style()->rtl;
		an_paradigm_dot(&m, a->title, &b);
		put_file(r, "paradigm.dot", b.s, b.len);
		buf_reset(&b);
		an_paradigm_svg(&m, a->title, &b);
		put_file(r, "paradigm.svg", b.s, b.len);
		r->figure = true;
		index_entry(r, "paradigm.svg", _("Paradigm model (SVG)"));
		index_entry(r, "paradigm.dot", _("Paradigm model (Graphviz DOT)"));
		*svg_out = buf_take(&b);
		an_paradigm_done(&m);
		break;
	}
	case P_MATRIX:
		for (k = 0; k < r->nsrc; k++)
			write_matrices(r, k);
		break;
	case P_AGREEMENT:
		if (r->nagree < 2)
			break;
		if (rp_agree_table(r->p, r->agree, (int)r->nagree, &t, &k) !=
		    AX_OK) {
			r->rc = cmd_project_error(r->p);
			break;
		}
		if (k > 0)
			rp_note(&t, ngettext("%zu code no coder used is not shown.",
			    "%zu codes no coder used are not shown.", k), k);
		put_table(r, &t);
		break;
	case P_THEORY: {	/* shows the figure: written if not yet */
		struct an_paradigm m;
		struct buf b = {0};

		an_paradigm(a, with_codes, &m);
		m.rtl = rp_style()->rtl;
		an_paradigm_svg(&m, a->title, &b);
		if (!r->figure)
			put_file(r, "paradigm.svg", b.s, b.len);
		r->figure = true;
		rp_theory_table(a, &m, &src, &t);
		t.figure = xstrdup("paradigm.svg");
		t.figure_svg = buf_take(&b);
		put_table(r, &t);
		an_paradigm_done(&m);
		break;
	}
	}
}

/* "--source A, --source B": the coders one may count (those who coded;
 * every coder when nobody has), for the messages that ask to choose. */
static char *
source_choices(const struct an_project *a)
{
	struct buf b = {0};
	size_t i, n = 0;
	bool any = false;

	for (i = 0; i < a->ncoders; i++)
		any |= a->coded[i] > 0;

	buf_puts(&b, "");
	for (i = 0; i < a->ncoders; i++) {
		if (any && !rp_coder_has_codings(a, a->coders[i].id))
			continue;
		buf_printf(&b, "%s--source %s", n++ > 0 ? ", " : "",
		    a->coders[i].login);
	}
	return buf_take(&b);
}

static void
source_add(struct report *r, int64_t id)
{
	r->src = xrealloc(r->src, (r->nsrc + 1) * sizeof *r->src);
	r->src[r->nsrc++] = id;
}

/*
 * Which codings the tables count: `want` (a login, "consensus", "each") or,
 * without it, the consensus coding when it has codings, else the one coder
 * who coded. Several coders and no consensus: the user chooses (usage
 * error, the choices named); an unknown login is an error.
 */
static int
pick_source(const struct cmd *self, const char *path, const char *want,
    struct report *r)
{
	const struct an_project *a = r->a;
	char *choices = source_choices(a);
	size_t i, ncoded = 0;
	long only = -1;
	int rc = CMD_OK;

	for (i = 0; i < a->ncoders; i++) {
		if (strcmp(a->coders[i].login, CONSENSUS_CODER) == 0)
			continue;
		if (rp_coder_has_codings(a, a->coders[i].id)) {
			ncoded++;
			only = (long)i;
		}
	}
	if (want != NULL && strcmp(want, "each") == 0) {
		r->each = true;
		for (i = 0; i < a->ncoders; i++)
			if (rp_coder_has_codings(a, a->coders[i].id))
				source_add(r, a->coders[i].id);
	} else if (want != NULL) {
		for (i = 0; i < a->ncoders; i++)
			if (strcmp(a->coders[i].login, want) == 0)
				break;
		if (i < a->ncoders)
			source_add(r, a->coders[i].id);
		else if (strcmp(want, CONSENSUS_CODER) == 0)
			rc = cmd_error(_("%s has no consensus coding yet: build it "
			    "with axial consensus, or choose %s or --source each"),
			    path, choices);
		else
			rc = cmd_error(_("%s: no coder '%s' to count: choose %s or "
			    "--source each"), path, want, choices);
	} else if (rp_default_source(a, 0) != 0) {
		source_add(r, rp_default_source(a, 0));
	} else if (ncoded == 1) {
		source_add(r, a->coders[only].id);
	} else if (ncoded > 1) {
		rc = cmd_usage(self, _("%s has codings by %zu coders and no "
		    "consensus coding: choose what to count with %s or --source "
		    "each; summing them would count a segment both coders tagged "
		    "twice"), path, ncoded, choices);
	} else {
		/* nothing coded: every table is empty whatever it counts */
		source_add(r, a->ncoders == 1 ? a->coders[0].id : -1);
	}
	free(choices);
	return rc;
}

static void
write_index(struct report *r, const char *svg)
{
	struct buf b = {0};
	const char *title = *r->a->title ? r->a->title : _("Analysis report");
	bool rtl = rp_style()->rtl;

	if (r->fmt == RP_MD) {
		if (rtl)
			buf_printf(&b, "<div dir=\"rtl\" lang=\"%s\">\n\n",
			    rp_style()->lang);
		buf_puts(&b, "# ");
		rp_md_escape(&b, title);
		buf_puts(&b, "\n\n");
		if (svg != NULL) {
			buf_puts(&b, "![");
			rp_md_escape(&b, _("Paradigm model"));
			buf_puts(&b, "](paradigm.svg)\n\n");
		}
		buf_add(&b, r->index.s, r->index.len);
		if (rtl)
			buf_puts(&b, "\n</div>\n");
		put_file(r, "index.md", b.s, b.len);
	} else if (r->fmt == RP_HTML) {
		rp_html_head(&b, title);
		buf_puts(&b, "<h1 dir=\"auto\">");
		rp_html_escape(&b, title);
		buf_puts(&b, "</h1>\n");
		if (svg != NULL) {
			const char *s = strstr(svg, "<svg");

			buf_puts(&b, "<div class=\"figure\">\n");
			buf_puts(&b, s != NULL ? s : "");
			buf_puts(&b, "</div>\n");
		}
		buf_puts(&b, "<ul>\n");
		buf_add(&b, r->index.s, r->index.len);
		buf_puts(&b, "</ul>\n</body>\n</html>\n");
		put_file(r, "index.html", b.s, b.len);
	}
	buf_done(&b);
}

/*
 * The coders the agreement table compares: --agree-coders A,B[,C...] (each
 * a coder of the project, once; a second pass LOGIN-retest too), else
 * those who coded but the consensus and second passes (rp_agree_coders).
 */
static int
pick_agree(const struct cmd *self, const char *list, struct report *r,
    char **copy)
{
	size_t i, j;

	if (list == NULL) {
		r->nagree = rp_agree_coders(r->a, r->agree, 32);
		return CMD_OK;
	}
	*copy = cmd_split(list, r->agree, AX_ARRAY_LEN(r->agree), &r->nagree);
	if (r->nagree < 2 || r->nagree > 32)
		return cmd_usage(self, _("--agree-coders takes from 2 to 32 "
		    "coders, e.g. --agree-coders A,B"));
	for (i = 0; i < r->nagree; i++) {
		int64_t id;

		if (coder_find(r->p, r->agree[i], &id) != AX_OK)
			return cmd_usage(self, _("--agree-coders: no coder '%s' in "
			    "this project"), r->agree[i]);
		for (j = 0; j < i; j++)
			if (strcmp(r->agree[i], r->agree[j]) == 0)
				return cmd_usage(self, _("--agree-coders names '%s' "
				    "twice"), r->agree[i]);
	}
	return CMD_OK;
}

/* Makes dir (0777 & ~umask) unless it exists; checks it can be written. */
static int
prepare_dir(const char *dir)
{
	struct stat st;

	if (mkdir(dir, 0775) != 0 && errno != EEXIST)
		return cmd_error("%s: %s", dir, strerror(errno));
	if (stat(dir, &st) != 0)
		return cmd_error("%s: %s", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return cmd_error("%s: %s", dir, strerror(ENOTDIR));
	if (access(dir, W_OK | X_OK) != 0)
		return cmd_error("%s: %s", dir, strerror(errno));
	return CMD_OK;
}

/*
 * The style of the run: --lang switches the messages (else the locale's),
 * the language gives the direction and, unless --digits says, the digits
 * (which CSV, read by spreadsheets, refuses to change: cmd_digits).
 */
static int
report_style(const struct cmd *self, const char *lang, const char *digits,
    enum rp_format fmt, bool bom, struct rp_style *st)
{
	int rc;

	if ((rc = cmd_lang(self, lang)) != CMD_OK)
		return rc;
	memset(st, 0, sizeof *st);
	st->lang = i18n_lang_code();
	st->rtl = strcmp(st->lang, "fa") == 0;
	st->fa_digits = st->rtl;
	st->bom = bom;
	if ((rc = cmd_digits(self, digits, fmt == RP_CSV ? CMD_FMT_CSV :
	    CMD_FMT_TABLE, &st->fa_digits)) == CMD_OK)
		rp_style_set(st);
	return rc;
}

/* Parses "a,b,c" against part_names into want[]; CMD_USAGE if unknown. */
static int
parse_only(const struct cmd *self, const char *list, bool *want)
{
	char *copy = xstrdup(list), *tok, *save = NULL;
	int i, rc = CMD_OK;

	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		if ((i = str_index(part_names, NPARTS, tok)) < 0) {
			rc = cmd_usage(self, _("unknown table '%s' in --only (coding, "
			    "sample, frequency, cooccurrence, saturation, "
			    "demographics, codebook, paradigm, theory, matrix, agreement)"), tok);
			break;
		}
		want[i] = true;
	}
	free(copy);
	return rc;
}

/*
 * --sat-base, --sat-run, --sat-threshold, --sat-orders and --seed (in
 * that order in v) into o, over the defaults of the Guest, Namey & Chen
 * rule: CMD_OK or a usage error.
 */
static int
parse_gnc(const struct cmd *self, const char *const v[5], struct an_gnc_opts *o)
{
	static const char *const opt[4] = { "--sat-base", "--sat-run",
	    "--sat-threshold", "--sat-orders" };
	static const long lo[4] = { 1, 1, 0, 0 }, hi[4] = { 1000, 1000, 100,
	    100000 };
	int *field[4] = { &o->base, &o->run, &o->threshold, &o->orders };
	char *end;
	long x;
	int i;

	an_gnc_opts_default(o);
	for (i = 0; i < 4; i++) {
		if (v[i] == NULL)
			continue;
		errno = 0;
		x = strtol(v[i], &end, 10);
		if (errno != 0 || end == v[i] || *end != '\0' || x < lo[i] || x > hi[i])
			return cmd_usage(self, _("%s takes a whole number from %ld "
			    "to %ld"), opt[i], lo[i], hi[i]);
		*field[i] = (int)x;
	}
	if (v[4] != NULL) {
		errno = 0;
		o->seed = strtoull(v[4], &end, 10);
		if (errno != 0 || end == v[4] || *end != '\0' || v[4][0] == '-')
			return cmd_usage(self, _("--seed needs a non-negative integer"));
	}
	return CMD_OK;
}

static int
report_main(const struct cmd *self, int argc, char **argv)
{
	const char *format = "md", *out = NULL, *only = NULL, *coder = NULL,
	    *codes = NULL, *per = NULL, *source = NULL, *lang = NULL,
	    *digits = NULL, *bom = NULL, *sat[5] = { NULL, NULL, NULL, NULL, NULL },
	    *agree = NULL;
	const struct cmd_opt opts[] = {
		{"format", 'f', true, &format},
		{"out", 'o', true, &out},
		{"only", 0, true, &only},
		{"source", 0, true, &source},
		{"coder", 0, true, &coder},
		{"codes", 0, false, &codes},
		{"per-code", 0, true, &per},
		{"lang", 0, true, &lang},
		{"digits", 0, true, &digits},
		{"bom", 0, false, &bom},
		{"sat-base", 0, true, &sat[0]},
		{"sat-run", 0, true, &sat[1]},
		{"sat-threshold", 0, true, &sat[2]},
		{"sat-orders", 0, true, &sat[3]},
		{"seed", 0, true, &sat[4]},
		{"agree-coders", 0, true, &agree},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct an_project a;
	struct report r;
	struct rp_style st;
	bool want[NPARTS];
	char **ops, *svg = NULL, *end, *agree_list = NULL;
	size_t i, per_code = 1;
	int n, rc;

	if ((rc = cmd_parse(self, argc, argv, opts, &ops, &n)) != 0)
		return rc;
	memset(&r, 0, sizeof r);
	memset(&a, 0, sizeof a);
	for (i = 0; i < NPARTS; i++)
		want[i] = only == NULL;
	if (n != 1) {
		rc = cmd_usage(self, n == 0 ? _("no project given") :
		    _("one project only"));
		goto out;
	}
	if (strcmp(format, "md") == 0 || strcmp(format, "markdown") == 0)
		r.fmt = RP_MD;
	else if (strcmp(format, "html") == 0)
		r.fmt = RP_HTML;
	else if (strcmp(format, "csv") == 0)
		r.fmt = RP_CSV;
	else {
		rc = cmd_usage(self, _("unknown format '%s' (md, html or csv)"), format);
		goto out;
	}
	if (out == NULL || *out == '\0') {
		rc = cmd_usage(self, _("--out DIR is required"));
		goto out;
	}
	if (only != NULL && (rc = parse_only(self, only, want)) != CMD_OK)
		goto out;
	if ((rc = report_style(self, lang, digits, r.fmt, bom != NULL, &st)) != CMD_OK)
		goto out;
	if (bom != NULL && r.fmt != RP_CSV) {
		rc = cmd_usage(self, _("--bom is for --format csv: Markdown and "
		    "HTML readers need no byte-order mark"));
		goto out;
	}
	if ((rc = parse_gnc(self, sat, &r.gnc)) != CMD_OK)
		goto out;
	if (per != NULL) {
		errno = 0;
		per_code = (size_t)strtoul(per, &end, 10);
		if (errno != 0 || *end != '\0' || per_code == 0 || per_code > 1000 ||
		    *per == '-') {
			rc = cmd_usage(self, _("--per-code takes a number from 1 to 1000"));
			goto out;
		}
	}
	if ((rc = cmd_project_open(ops[0], NULL, PROJECT_READONLY, &p)) != CMD_OK)
		goto out;
	/* texts: a quote's alone; codings: the source's, once it is chosen */
	if (an_load_lean_uncoded(p, &a) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	r.a = &a;
	r.p = p;
	if (want[P_AGREEMENT] && (rc = pick_agree(self, agree, &r,
	    &agree_list)) != CMD_OK)
		goto out;
	for (i = 0; i < NPARTS; i++)	/* these count no one source */
		if (want[i] && i != P_DEMOGRAPHICS && i != P_PARADIGM &&
		    i != P_AGREEMENT)
			break;
	if (i < NPARTS && (rc = pick_source(self, ops[0], source != NULL ?
	    source : coder, &r)) != CMD_OK)
		goto out;
	if ((rc = prepare_dir(out)) != CMD_OK)
		goto out;
	/* every table counts the source's codings alone: no other is read */
	if (an_load_codings(&a, r.nsrc > 0 ? r.src : NULL, r.nsrc) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	r.dir = out;
	r.rc = CMD_OK;
	for (i = 0; i < NPARTS && r.rc == CMD_OK; i++) {
		if (i == P_AGREEMENT)	/* the last part reads the project itself */
			an_keep_codings(&a, NULL, 0);
		if (want[i])
			write_part(&r, i, per_code, codes != NULL, &svg);
	}
	if (r.rc == CMD_OK)
		write_index(&r, svg);
	rc = r.rc;
out:
	free(svg);
	free(agree_list);
	free(r.src);
	buf_done(&r.index);
	an_done(&a);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_report = {
	"report", "PROJECT --out DIR [--source consensus|LOGIN|each] [--format md|html|csv]\n"
	"       [--only LIST] [--lang fa|en] [--digits fa|latin] [--bom]\n"
	"       [--sat-base N] [--sat-run N] [--sat-threshold PCT] [--sat-orders N]\n"
	"       [--seed N] [--agree-coders A,B[,C...]]",
	N_("write the analysis tables and the paradigm model into a directory"),
	N_("  -o, --out DIR       created if missing; one file per table, each\n"
	"                      written atomically\n"
	"  -f, --format FMT    md (default), html (self-contained pages) or csv\n"
	"      --only LIST     comma-separated: coding, sample, frequency,\n"
	"                      cooccurrence, saturation, demographics, codebook,\n"
	"                      paradigm, theory, matrix, agreement (default: all)\n"
	"      --source SRC    the codings every table counts: consensus (the\n"
	"                      default when it has codings), a coder's LOGIN (the\n"
	"                      default when one coder has coded), or each (each\n"
	"                      coder side by side); never their sum. Several\n"
	"                      coders and no consensus: --source is required\n"
	"      --coder LOGIN   the same as --source LOGIN\n"
	"      --codes         list the codes too in the paradigm figure\n"
	"      --per-code N    codings per code in the open-coding sample (1)\n"
	"      --lang LANG     fa or en: the language of titles, heads and notes\n"
	"                      (default: the locale's); fa writes right to left\n"
	"      --digits D      fa (Persian) or latin digits in the figures of\n"
	"                      Markdown and HTML (default: the language's); CSV\n"
	"                      keeps Latin digits and exact values\n"
	"      --bom           start each CSV file with a UTF-8 byte-order mark\n"
	"                      (for spreadsheet programs that need one)\n"
	"      --sat-base N, --sat-run N, --sat-threshold PCT\n"
	"                      the saturation rule of Guest, Namey & Chen (2020):\n"
	"                      base interviews (4), run length (2), new codes of a\n"
	"                      run as a percentage of the base's at most (5)\n"
	"      --sat-orders N  random interview orders for its order sensitivity\n"
	"                      (1000; 0: none), drawn from --seed N (20260522)\n"
	"      --agree-coders A,B[,C...]\n"
	"                      the coders the agreement table compares (default:\n"
	"                      those who coded, but consensus and LOGIN-retest);\n"
	"                      its figures are axial agree's (--format csv)\n"
	"Files: coding-ROLE, open-coding-sample, frequency-by-document,\n"
	"frequency-by-coder, cooccurrence-overlap, cooccurrence-paragraph,\n"
	"saturation, demographics, codebook, theory, agreement (.md/.html/.csv),\n"
	"paradigm.dot, paradigm.svg (the theory page shows it, so theory writes\n"
	"it too) and index.md/index.html. With --source each, the sample,\n"
	"frequency-by-document, co-occurrence and saturation tables are one\n"
	"file per coder, NAME-LOGIN.\n"),
	report_main,
};

static int
export_model(const struct cmd *self, int argc, char **argv, bool svg)
{
	const char *codes = NULL;
	const struct cmd_opt opts[] = {
		{"codes", 0, false, &codes},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct an_project a;
	struct an_paradigm m;
	struct buf b = {0};
	char **ops, *note = NULL;
	int n, rc;

	memset(&a, 0, sizeof a);
	if ((rc = cmd_operands(self, argc, argv, opts, 1, 2, NULL, &ops,
	    &n)) != 0 ||
	    (rc = cmd_project_open(ops[0], NULL, PROJECT_READONLY, &p)) != CMD_OK)
		goto out;
	if (an_load_lean(p, &a) != AX_OK) {	/* the figure quotes nothing */
		rc = cmd_project_error(p);
		goto out;
	}
	an_paradigm(&a, codes != NULL, &m);
	m.rtl = strcmp(i18n_lang_code(), "fa") == 0;
	if (svg)
		an_paradigm_svg(&m, a.title, &b);
	else
		an_paradigm_dot(&m, a.title, &b);
	note = an_paradigm_note(&m);
	an_paradigm_done(&m);
	if ((rc = cmd_write_out(n == 2 ? ops[1] : NULL, &b)) == CMD_OK)
		cmd_report_lines(ops[0], note);	/* the figure marks them too */
out:
	free(note);
	buf_done(&b);
	an_done(&a);
	return cmd_end(p, ops, rc);
}

static int
export_dot_main(const struct cmd *self, int argc, char **argv)
{
	return export_model(self, argc, argv, false);
}

static int
export_svg_main(const struct cmd *self, int argc, char **argv)
{
	return export_model(self, argc, argv, true);
}

const struct cmd cmd_export_dot = {
	"export dot", "PROJECT [OUT.dot] [--codes]",
	N_("export the paradigm model as Graphviz DOT"),
	N_("  OUT.dot   written atomically; standard output when absent or -\n"
	"  --codes   list the codes under their categories too\n"
	"The links between the slots' categories are the edges, labelled with\n"
	"their types; a slot with no link to the central phenomenon is marked\n"
	"unexplained, and named on standard error.\n"),
	export_dot_main,
};

const struct cmd cmd_export_svg = {
	"export svg", "PROJECT [OUT.svg] [--codes]",
	N_("export the paradigm model as a standalone SVG (no Graphviz needed)"),
	N_("  OUT.svg   written atomically; standard output when absent or -\n"
	"  --codes   list the codes under their categories too\n"
	"The links between the slots' categories are the edges, labelled with\n"
	"their types; a slot with no link to the central phenomenon is marked\n"
	"unexplained, and named on standard error. The figure is sized in\n"
	"millimetres to fit a landscape A4 or Letter page.\n"),
	export_svg_main,
};
