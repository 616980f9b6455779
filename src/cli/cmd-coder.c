/* cmd-coder.c: coders and coder add. */
#include <stdlib.h>
#include <string.h>

#include "store/coder.h"
#include "base/i18n.h"
#include "store/project.h"
#include "cli/cmd.h"

static int
coders_main(const struct cmd *self, int argc, char **argv)
{
	const char *json = NULL;
	struct cmd_opt opts[] = {{"json", 0, false, &json}, {NULL, 0, false, NULL}};
	struct project *p = NULL;
	struct coder *c = NULL;
	struct buf b = {0};
	size_t nc = 0, i;
	char **ops;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 1, 1, NULL, &ops,
	    &n)) != 0 || (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	coder_list(p, &c, &nc);
	for (i = 0; i < nc; i++) {
		if (json) {
			cmd_json_item(&b);
			buf_printf(&b, "{\"id\":%lld,\"login\":", (long long)c[i].id);
			buf_json_str(&b, c[i].login, strlen(c[i].login));
			buf_puts(&b, ",\"name\":");
			buf_json_str(&b, c[i].name, strlen(c[i].name));
			buf_puts(&b, ",\"account\":");
			buf_json_str(&b, c[i].account, strlen(c[i].account));
			buf_printf(&b, ",\"color\":\"%s\"}", c[i].color);
		} else {
			cmd_put_text(stdout, c[i].login, strlen(c[i].login));
			putchar('\t');
			cmd_put_text(stdout, c[i].name, strlen(c[i].name));
			if (c[i].account[0] != '\0') {
				fputs("\taccount ", stdout);
				cmd_put_text(stdout, c[i].account, strlen(c[i].account));
			}
			putchar('\n');
		}
	}
	if (json)
		cmd_json_put(&b);
out:
	buf_done(&b);
	coder_list_free(c, nc);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_coders = {
	"coders", "PROJECT [--json]", N_("list the project's coders"),
	N_("  --json   machine-readable output\n"), coders_main,
};

static int
coder_add_main(const struct cmd *self, int argc, char **argv)
{
	const char *name = NULL, *color = NULL, *account = NULL;
	struct cmd_opt opts[] = {
		{"name", 'n', true, &name},
		{"color", 0, true, &color},
		{"account", 0, true, &account},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	char **ops;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 2, 2, NULL, &ops,
	    &n)) == 0 && (rc = cmd_project_open(ops[0], NULL, 0, &p)) == CMD_OK &&
	    coder_add(p, ops[1], name, color, account) != AX_OK)
		rc = cmd_project_error(p);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_coder_add = {
	"coder add", "PROJECT LOGIN [--name NAME] [--color COLOUR] [--account ACCOUNT]",
	N_("add a coder, or tie one to an OS account (the owner only)"),
	N_("  -n, --name NAME     display name\n"
	"  --color COLOUR      colour of the coder's marks: #rrggbb, a name\n"
	"                      (red, bright-blue, ...) or 0-255\n"
	"  --account ACCOUNT   the OS account that may act as LOGIN with --as\n"),
	coder_add_main,
};
