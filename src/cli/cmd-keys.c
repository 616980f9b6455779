/*
 * cmd-keys.c: `axial keys`, the workbench's key table (ui_actions[]) with
 * the user's rebindings, as text, as man-page rows (--man) or as a Markdown
 * table (--markdown). The man page and the README are generated from this,
 * and tests/cli/ui-docs.sh checks that they still match it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "tui/keymap.h"
#include "cli/cmd.h"
#include "tui/tui.h"

static const char *const scope_name[] = {
	"everywhere", "transcript", "code tree", "lists", "views",
};

/* roff: a backslash or a leading dot/quote must not be read as a request */
static void
roff(const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", stdout);
		else if (*s == '-')
			fputs("\\-", stdout);
		else
			putchar(*s);
	}
}

static void
md(const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			fputs("\\|", stdout);
		else if (*s == '`')
			fputs("\\`", stdout);
		else
			putchar(*s);
	}
}

static int
keys_main(const struct cmd *self, int argc, char **argv)
{
	const char *man = NULL, *markdown = NULL, *defaults = NULL;
	struct cmd_opt opts[] = {
		{"man", 0, false, &man},
		{"markdown", 0, false, &markdown},
		{"defaults", 0, false, &defaults},
		{NULL, 0, false, NULL},
	};
	struct keymap *k;
	char **ops, keys[128];
	int n, rc, s;
	size_t i;

	if ((rc = cmd_operands(self, argc, argv, opts, 0, 0,
	    _("no operands expected"), &ops, &n)) != 0)
		return rc;
	free(ops);
	k = keymap_new(ui_actions);
	if (defaults == NULL && man == NULL && markdown == NULL)
		ui_load_bindings(k, stderr);
	if (markdown)
		printf("| Keys | Action | What it does |\n|---|---|---|\n");
	for (s = 0; s < SCOPE_COUNT; s++) {
		if (man)
			printf(".SS %c%s\n", scope_name[s][0] - 32, scope_name[s] + 1);
		else if (markdown)
			printf("| **%c%s** | | |\n", scope_name[s][0] - 32,
			    scope_name[s] + 1);
		else
			printf("%s:\n", scope_name[s]);
		for (i = 0; ui_actions[i].name != NULL; i++) {
			if (ui_actions[i].scope != s)
				continue;
			keymap_keys_text(k, i, keys, sizeof keys);
			if (man) {
				fputs(".TP\n.B ", stdout);
				roff(keys);
				fputs("\n", stdout);
				roff(ui_actions[i].help);
				fputs(" (", stdout);
				roff(ui_actions[i].name);
				fputs(")\n", stdout);
			} else if (markdown) {
				fputs("| `", stdout);
				md(keys);
				fputs("` | ", stdout);
				md(ui_actions[i].name);
				fputs(" | ", stdout);
				md(ui_actions[i].help);
				fputs(" |\n", stdout);
			} else
				printf("  %-18s %-20s %s\n", keys, ui_actions[i].name,
				    ui_actions[i].help);
		}
	}
	keymap_free(k);
	return CMD_OK;
}

const struct cmd cmd_keys = {
	"keys", "[--man | --markdown | --defaults]",
	N_("list the workbench's key bindings (with your config's rebindings)"),
	N_("  --man        as man-page rows (the defaults)\n"
	"  --markdown   as a Markdown table (the defaults)\n"
	"  --defaults   ignore ~/.config/axial/config\n"), keys_main,
};
