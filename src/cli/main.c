/*
 * main.c: axial's entry point, the table of commands and the dispatch over
 * it. Each cmd-NAME.c defines its commands' `const struct cmd`; the table
 * names them all, so this file is the only one that calls into every
 * command file, and no file calls back into it.
 *
 * Dispatch matches the longest command name: "code add" before "code". An
 * argument that names no command is taken as a project to open (the
 * workbench, cmd_workbench in cmd-project.c), unless it is no file and
 * looks like a mistyped command (is_typo). Options may come first: before
 * a command they are moved after its name, before a project they are the
 * workbench's, so `axial --theme dark P` is `axial P --theme dark`.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "text/name.h"
#include "cli/cmd.h"

/* The longest word of a command name that a typo is compared with. */
#define CMD_NAME_MAX 32

static const struct cmd *const cmd_table[] = {
	&cmd_init, &cmd_info, &cmd_check,
	&cmd_import, &cmd_docs, &cmd_attr, &cmd_doc_rename, &cmd_doc_move,
	&cmd_doc_rm, &cmd_doc_text,
	&cmd_codes, &cmd_code_add, &cmd_code_rename, &cmd_code_move,
	&cmd_code_merge, &cmd_code_rm, &cmd_code_role, &cmd_code_color,
	&cmd_code_define, &cmd_code_core,
	&cmd_link_add, &cmd_links, &cmd_link_rm, &cmd_link_evidence,
	&cmd_link_memo, &cmd_link_type_add, &cmd_link_types,
	&cmd_tag, &cmd_untag, &cmd_codings, &cmd_search, &cmd_autocode,
	&cmd_query, &cmd_query_list, &cmd_query_run, &cmd_query_rm,
	&cmd_query_code,
	&cmd_memo_add, &cmd_memo_list, &cmd_memo_edit, &cmd_memo_rm,
	&cmd_undo, &cmd_redo, &cmd_log,
	&cmd_coders, &cmd_coder_add,
	&cmd_export_csv, &cmd_export_qdpx, &cmd_export_qdc, &cmd_merge,
	&cmd_agree, &cmd_blind, &cmd_retest, &cmd_compare, &cmd_consensus,
	&cmd_cat,
	&cmd_report, &cmd_export_dot, &cmd_export_svg, &cmd_matrix,
	&cmd_keys, &cmd_similar, &cmd_doctor,
	NULL
};

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

/*
 * The index of the first word after argv[1] that starts a command name
 * (words of it into *words), or 0: `axial --as bob tag P ...` is `axial
 * tag P ... --as bob`. A word after "--" is an operand, never a command.
 */
static int
command_after_options(int argc, char **argv, int *words)
{
	int i, j, w;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (argv[i][0] == '-')
			continue;
		for (j = 0; cmd_table[j] != NULL; j++)
			if ((w = name_words(cmd_table[j], argc - i, argv + i)) > 0) {
				*words = w;
				return i;
			}
	}
	return 0;
}

/* Moves v[n..n+k) in front of v[0..n): the command's words come first. */
static void
rotate(char **v, int n, int k)
{
	char *t;
	int i, j;

	for (i = 0; i < k; i++) {
		t = v[n + i];
		for (j = n + i; j > i; j--)
			v[j] = v[j - 1];
		v[i] = t;
	}
}

/* `axial ARGS...`: the command argv names, or the workbench. */
static int
dispatch(int argc, char **argv)
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
	if (best == NULL && argv[1][0] == '-') {
		/* Options first: a command later on comes to the front, else
		 * they are the workbench's (`axial --theme dark P`). */
		if ((i = command_after_options(argc, argv, &words)) > 1) {
			rotate(argv + 1, i - 1, words);
			return dispatch(argc, argv);
		}
		return cmd_workbench.fn(&cmd_workbench, argc, argv);
	}
	if (best == NULL) {
		if (is_typo(argc - 1, argv + 1))
			return unknown(argc - 1, argv + 1);
		/* Not a command: a project to open. */
		return cmd_workbench.fn(&cmd_workbench, argc, argv);
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

int
main(int argc, char **argv)
{
	i18n_init();
	return dispatch(argc, argv);
}
