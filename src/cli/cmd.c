/*
 * cmd.c: the subcommand table, dispatch, help and option parsing.
 *
 * Dispatch matches the longest command name: "code add" before "code". An
 * argument that names no command is taken as a project to open, unless it
 * is no file and looks like a mistyped command (is_typo).
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unistr.h>

#include "base/i18n.h"
#include "text/name.h"
#include "store/project.h"
#include "base/textin.h"
#include "cli/cmd.h"

/* The longest word of a command name that a typo is compared with. */
#define CMD_NAME_MAX 32

const struct cmd *const cmd_table[] = {
	&cmd_init, &cmd_info, &cmd_check,
	&cmd_import, &cmd_docs, &cmd_attr, &cmd_doc_rename, &cmd_doc_move,
	&cmd_doc_rm, &cmd_doc_text,
	&cmd_codes, &cmd_code_add, &cmd_code_rename, &cmd_code_move,
	&cmd_code_merge, &cmd_code_rm, &cmd_code_role, &cmd_code_color,
	&cmd_code_define,
	&cmd_tag, &cmd_untag, &cmd_codings,
	&cmd_memo_add, &cmd_memo_list, &cmd_memo_edit, &cmd_memo_rm,
	&cmd_undo, &cmd_redo, &cmd_log,
	&cmd_coders, &cmd_coder_add,
	&cmd_export_csv, &cmd_export_qdpx, &cmd_export_qdc, &cmd_merge,
	&cmd_agree, &cmd_blind, &cmd_retest, &cmd_compare, &cmd_consensus,
	&cmd_cat,
	&cmd_report, &cmd_export_dot, &cmd_export_svg,
	&cmd_keys,
	NULL
};

int
cmd_error(const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;

	/* a message can quote a name or a file from the project */
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	fputs("axial: ", stderr);
	cmd_put_text(stderr, b.s, b.len);
	fputc('\n', stderr);
	buf_done(&b);
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

static void
main_help(FILE *f)
{
	size_t i;

	fprintf(f,
	    _("axial %s: a terminal workbench for grounded-theory coding\n\n"
	    "usage: axial PROJECT             open the workbench on a project\n"
	    "       axial COMMAND [ARGS...]   run one command\n"
	    "       axial --version | --help\n\ncommands:\n"), AXIAL_VERSION);
	for (i = 0; cmd_table[i] != NULL; i++)
		fprintf(f, "  %-14s %s\n", cmd_table[i]->name,
		    _(cmd_table[i]->summary));
	fprintf(f, _("\nworkbench options (axial PROJECT ...):\n%s"),
	    _(cmd_workbench.help));
	fprintf(f, _("\nEach command takes --help. Exit status: 0 success, "
	    "1 error, 2 usage error.\n"));
}

/* How many argv words starting at argv[0] spell c->name, or 0. */
static int
name_words(const struct cmd *c, int argc, char **argv)
{
	const char *p = c->name;
	int i;

	for (i = 0; i < argc; i++) {
		size_t n = strlen(argv[i]);

		if (strncmp(p, argv[i], n) != 0)
			return 0;
		p += n;
		if (*p == '\0')
			return i + 1;
		if (*p != ' ')
			return 0;
		p++;
	}
	return 0;
}

/* Whether word is the first word of a two-word command ("doc", "export"). */
static bool
is_group(const char *word)
{
	size_t i, n = strlen(word);

	for (i = 0; cmd_table[i] != NULL; i++)
		if (strncmp(cmd_table[i]->name, word, n) == 0 &&
		    cmd_table[i]->name[n] == ' ')
			return true;
	return false;
}

/*
 * The command closest to what argv[0..argc) spells, at most 2 edits away
 * (1 for a name of 3 letters or fewer), or NULL. A name of two words is
 * compared with the first two; after a group's word ("doc") only the
 * group's commands are.
 */
static const struct cmd *
closest(int argc, char **argv)
{
	const struct cmd *best = NULL;
	size_t i, bestd = 3;
	bool group = is_group(argv[0]);

	for (i = 0; cmd_table[i] != NULL; i++) {
		const char *name = cmd_table[i]->name;
		char typed[2 * CMD_NAME_MAX + 2];
		size_t d;

		if (strchr(name, ' ') == NULL && group)
			continue;
		if (strchr(name, ' ') == NULL)
			snprintf(typed, sizeof typed, "%.*s", CMD_NAME_MAX, argv[0]);
		else if (argc > 1)
			snprintf(typed, sizeof typed, "%.*s %.*s", CMD_NAME_MAX,
			    argv[0], CMD_NAME_MAX, argv[1]);
		else
			continue;
		d = name_distance(typed, name, 2);
		if (d < bestd && d <= (strlen(name) <= 3 ? 1u : 2u)) {
			bestd = d;
			best = cmd_table[i];
		}
	}
	return best;
}

/*
 * Whether argv[0], which names no command, is a mistyped one rather than a
 * project: no such file, nothing of a path in it, and either more words
 * follow (`axial chek study.axial`), it starts a group (`axial doc`) or a
 * command is close to it (`axial agre`). `axial FILE` opens FILE.
 */
static bool
is_typo(int argc, char **argv)
{
	struct stat st;

	if (stat(argv[0], &st) == 0 || strpbrk(argv[0], "./") != NULL)
		return false;
	return argc > 1 || is_group(argv[0]) || closest(argc, argv) != NULL;
}

/* `axial WORD ...` where WORD is no command: says so, with a guess. */
static int
unknown(int argc, char **argv)
{
	const struct cmd *c = closest(argc, argv);
	struct buf list = {0};
	size_t i, n = strlen(argv[0]);

	if (c != NULL && strchr(c->name, ' ') != NULL)
		cmd_error(_("unknown command '%s %s'; did you mean '%s'?"),
		    argv[0], argv[1], c->name);
	else if (c != NULL)
		cmd_error(_("unknown command '%s'; did you mean '%s'?"), argv[0],
		    c->name);
	else if (is_group(argv[0])) {
		for (i = 0; cmd_table[i] != NULL; i++)
			if (strncmp(cmd_table[i]->name, argv[0], n) == 0 &&
			    cmd_table[i]->name[n] == ' ')
				buf_printf(&list, "%s%s", list.len ? ", " : "",
				    cmd_table[i]->name + n + 1);
		cmd_error(_("'%s' needs one of: %s"), argv[0], list.s);
	} else
		cmd_error(_("unknown command '%s'"), argv[0]);
	buf_done(&list);
	fputs(_("usage: axial COMMAND [ARGS...] | axial PROJECT [OPTIONS]\n"
	    "Try 'axial --help' for the commands.\n"), stderr);
	return CMD_USAGE;
}

int
cmd_main(int argc, char **argv)
{
	const struct cmd *best = NULL;
	int i, words = 0;

	if (argc < 2) {
		main_help(stderr);
		return CMD_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("axial %s\n", AXIAL_VERSION);
		return CMD_OK;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		main_help(stdout);
		return CMD_OK;
	}
	for (i = 0; cmd_table[i] != NULL; i++) {
		int w = name_words(cmd_table[i], argc - 1, argv + 1);

		if (w > words) {
			words = w;
			best = cmd_table[i];
		}
	}
	if (best == NULL) {
		if (argv[1][0] == '-')
			return cmd_error(_("unknown option '%s'; try 'axial --help'"),
			    argv[1]);
		if (is_typo(argc - 1, argv + 1))
			return unknown(argc - 1, argv + 1);
		/* Not a command: a project to open. */
		return cmd_open_project(argc - 1, argv + 1);
	}
	for (i = 1 + words; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			cmd_help(best, stdout);
			return CMD_OK;
		}
	}
	/* The command sees its own name as argv[0]. */
	return best->fn(best, argc - words, argv + words);
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
cmd_max_size(const struct cmd *c, const char *arg, uint64_t *max)
{
	*max = TEXTIN_MAX_SIZE;
	if (arg != NULL && textin_size_parse(arg, max) != 0)
		return cmd_usage(c, _("--max-size needs a size such as 500M or 2G, "
		    "not '%s'"), arg);
	return CMD_OK;
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
