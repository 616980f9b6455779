/*
 * cmd.c: what every command shares: option parsing, usage and help, error
 * messages, opening a project, and writing untrusted text. It calls no
 * command; the table of commands and the dispatch over it are in main.c,
 * which nothing calls back.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unistr.h>
#include <uniwidth.h>

#include "base/i18n.h"
#include "store/project.h"
#include "base/textin.h"
#include "cli/cmd.h"

int
cmd_error(const char *fmt, ...)
{
	va_list ap;
	char *m;

	/* a message can quote a name or a file from the project */
	va_start(ap, fmt);
	m = xvasprintf(fmt, ap);
	va_end(ap);
	fputs("axial: ", stderr);
	cmd_put_text(stderr, m, strlen(m));
	fputc('\n', stderr);
	free(m);
	return CMD_ERROR;
}

int
cmd_usage(const struct cmd *c, const char *why, ...)
{
	va_list ap;

	if (why != NULL) {
		fprintf(stderr, "axial %s: ", c->name);
		va_start(ap, why);
		vfprintf(stderr, why, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	fprintf(stderr, _("usage: axial %s %s\n"), c->name, c->args);
	fprintf(stderr, _("Try 'axial %s --help' for more.\n"), c->name);
	return CMD_USAGE;
}

void
cmd_help(const struct cmd *c, FILE *f)
{
	fprintf(f, _("usage: axial %s %s\n\n%s\n"), c->name, c->args,
	    _(c->summary));
	if (c->help != NULL)
		fprintf(f, "\n%s", _(c->help));
}

/* --as CODER, accepted by every command that opens a project: cmd_parse
 * sets it for any command and cmd_project_open reads it, so the commands
 * need not pass it along (one command runs per process). */
static const char *global_as;
static const struct cmd_opt global_opts[] = {
	{"as", 0, true, &global_as},
	{NULL, 0, false, NULL},
};

static const struct cmd_opt *
find_long(const struct cmd_opt *opts, const char *name, size_t n)
{
	for (; opts != NULL && opts->name != NULL; opts++)
		if (strlen(opts->name) == n && strncmp(opts->name, name, n) == 0)
			return opts;
	return NULL;
}

int
cmd_parse(const struct cmd *c, int argc, char **argv,
    const struct cmd_opt *opts, char ***operands, int *noperands)
{
	char **ops = xcalloc((size_t)argc + 1, sizeof *ops);
	int i, n = 0;
	bool only_operands = false;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const struct cmd_opt *o = NULL;
		const char *val = NULL;

		if (only_operands || a[0] != '-' || a[1] == '\0') {
			ops[n++] = argv[i];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_operands = true;
			continue;
		}
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);

			o = find_long(opts, a + 2, len);
			if (o == NULL)
				o = find_long(global_opts, a + 2, len);
			if (o == NULL)
				goto bad;
			if (eq != NULL) {
				if (!o->has_arg) {
					free(ops);
					return cmd_usage(c, _("option --%s takes no value"),
					    o->name);
				}
				val = eq + 1;
			}
		} else {
			for (o = opts; o != NULL && o->name != NULL; o++)
				if (o->shortname == a[1] && a[2] == '\0')
					break;
			if (o == NULL || o->name == NULL)
				goto bad;
		}
		if (o->has_arg && val == NULL) {
			if (i + 1 >= argc) {
				free(ops);
				return cmd_usage(c, _("option --%s needs a value"), o->name);
			}
			val = argv[++i];
		}
		*o->value = o->has_arg ? val : "1";
		continue;
bad:
		free(ops);
		return cmd_usage(c, _("unknown option '%s'"), a);
	}
	*operands = ops;
	*noperands = n;
	return 0;
}

int
cmd_operands(const struct cmd *c, int argc, char **argv,
    const struct cmd_opt *opts, int min, int max, const char *why,
    char ***ops, int *n)
{
	int rc;

	*ops = NULL;
	if ((rc = cmd_parse(c, argc, argv, opts, ops, n)) != 0)
		return rc;
	if (*n < min || *n > max) {
		free(*ops);
		*ops = NULL;
		rc = why != NULL ? cmd_usage(c, "%s", why) : cmd_usage(c, NULL);
	}
	return rc;
}

char *
cmd_split(const char *list, const char **names, size_t max, size_t *n)
{
	char *copy = xstrdup(list), *tok, *save = NULL;

	*n = 0;
	for (tok = strtok_r(copy, ",", &save); tok != NULL && *n < max;
	    tok = strtok_r(NULL, ",", &save))
		names[(*n)++] = tok;
	return copy;
}

bool
cmd_number(const char *s, long long min, long long max, long long *v)
{
	char *end;

	errno = 0;
	*v = strtoll(s, &end, 10);
	return end != s && *end == '\0' && errno == 0 && *v >= min && *v <= max;
}

int
cmd_project_open(const char *path, const char *as, unsigned flags,
    struct project **p)
{
	char *err = NULL;

	if (project_open(path, flags, as != NULL ? as : global_as, p, &err) != AX_OK) {
		fprintf(stderr, "axial: %s\n", err);
		free(err);
		return CMD_ERROR;
	}
	return CMD_OK;
}

int
cmd_project_error(struct project *p)
{
	return cmd_error("%s", project_errmsg(p));
}

int
cmd_end(struct project *p, char **ops, int rc)
{
	project_close(p);
	free(ops);
	return rc;
}

int
cmd_max_size(const struct cmd *c, const char *arg, uint64_t *max)
{
	*max = TEXTIN_MAX_SIZE;
	if (arg != NULL && textin_size_parse(arg, max) != 0)
		return cmd_usage(c, _("--max-size needs a size such as 500M or 2G, "
		    "not '%s'"), arg);
	return CMD_OK;
}

int
cmd_format(const struct cmd *c, const char *arg, enum cmd_format *f)
{
	static const char *const names[] = { "table", "csv", "json" };
	int i = str_index(names, AX_ARRAY_LEN(names), arg);

	if (i < 0)
		return cmd_usage(c, _("unknown format '%s'"), arg);
	*f = (enum cmd_format)i;
	return CMD_OK;
}

int
cmd_lang(const struct cmd *c, const char *arg)
{
	if (arg != NULL && i18n_set_language(arg) != 0)
		return cmd_usage(c, _("unknown language '%s' for --lang (fa or "
		    "en)"), arg);
	return CMD_OK;
}

int
cmd_digits(const struct cmd *c, const char *arg, enum cmd_format f, bool *fa)
{
	const char *machine = f == CMD_FMT_CSV ? "CSV" : f == CMD_FMT_JSON ?
	    "JSON" : NULL;
	int rc = CMD_OK;

	if (arg == NULL)
		return CMD_OK;
	if (strcmp(arg, "fa") != 0 && strcmp(arg, "latin") != 0)
		rc = cmd_usage(c, _("unknown digits '%s' for --digits (fa or "
		    "latin)"), arg);
	else if (strcmp(arg, "fa") == 0 && machine != NULL)
		/* spreadsheets and programs take only Latin digits as
		 * numbers: saying so beats a silent Latin table */
		rc = cmd_usage(c, _("--digits fa is for the tables people read: "
		    "%s keeps Latin digits so that spreadsheets and programs "
		    "read the figures as numbers"), machine);
	else
		*fa = strcmp(arg, "fa") == 0;
	return rc;
}

void
cmd_put_text(FILE *f, const char *s, size_t n)
{
	const uint8_t *q = (const uint8_t *)s, *end = q + n;
	ucs4_t c;
	int k;

	if (!isatty(fileno(f))) {
		fwrite(s, 1, n, f);
		return;
	}
	while (q < end) {
		k = u8_mbtouc(&c, q, (size_t)(end - q));
		if (c == 0xfffd && !(k == 3 && q[0] == 0xef))
			fputs("\xef\xbf\xbd", f);	/* invalid UTF-8 */
		else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
			fprintf(f, "^%c", c == 0x7f ? '?' : (char)(c + '@'));
		else if ((c >= 0x80 && c < 0xa0) || (c >= 0x202a && c <= 0x202e) ||
		    (c >= 0x2066 && c <= 0x2069))
			fprintf(f, "<U+%04X>", (unsigned)c);
		else
			fwrite(q, 1, (size_t)k, f);
		q += k;
	}
}

void
cmd_json_item(struct buf *b)
{
	buf_putc(b, b->len == 0 ? '[' : ',');
}

void
cmd_json_put(struct buf *b)
{
	buf_puts(b, b->len == 0 ? "[]\n" : "]\n");
	fputs(b->s, stdout);
}

int
cmd_write_out(const char *path, const struct buf *b)
{
	struct cmd_out o;
	int rc;

	if ((rc = cmd_out_open(&o, path)) == CMD_OK)
		rc = cmd_out_write(&o, b->s, b->len);
	return cmd_out_close(&o, rc);
}

int
cmd_out_open(struct cmd_out *o, const char *path)
{
	o->file = path != NULL && strcmp(path, "-") != 0;
	if (o->file && file_atomic_open(&o->fa, path) != 0) {
		o->file = false;	/* nothing to end */
		return cmd_error("%s: %s", path, strerror(errno));
	}
	return CMD_OK;
}

int
cmd_out_write(struct cmd_out *o, const char *s, size_t n)
{
	if (o->file) {
		if (file_atomic_write(&o->fa, s, n) != 0)
			return cmd_error("%s: %s", o->fa.path, strerror(errno));
		return CMD_OK;
	}
	/* whole lines, so a terminal's placeholders are as for the whole */
	cmd_put_text(stdout, s, n);
	return ferror(stdout) ? cmd_error(_("writing output failed")) : CMD_OK;
}

int
cmd_out_close(struct cmd_out *o, int rc)
{
	if (!o->file) {
		if (fflush(stdout) != 0 && rc == CMD_OK)
			rc = cmd_error(_("writing output failed"));
	} else if (rc != CMD_OK)
		file_atomic_abort(&o->fa);
	else if (file_atomic_commit(&o->fa) != 0)
		rc = cmd_error("%s: %s", o->fa.path, strerror(errno));
	o->file = false;
	return rc;
}

void
cmd_report_lines(const char *file, const char *report)
{
	const char *line, *nl;

	for (line = report; line != NULL && *line != '\0'; line = nl + 1) {
		nl = strchr(line, '\n');
		fputs("axial: ", stderr);
		cmd_put_text(stderr, file, strlen(file));
		fputs(": ", stderr);
		cmd_put_text(stderr, line, nl ? (size_t)(nl - line) : strlen(line));
		fputc('\n', stderr);
		if (nl == NULL)
			break;
	}
}

void
cmd_pad(struct buf *b, const char *s, int w, bool right)
{
	int n = u8_strwidth((const uint8_t *)s, "UTF-8");

	if (!right)
		buf_puts(b, s);
	for (; n < w; n++)
		buf_putc(b, ' ');
	if (right)
		buf_puts(b, s);
}
