/* cmd-history.c: undo, redo and the audit log, per coder. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/history.h"
#include "base/i18n.h"
#include "store/project.h"
#include "cli/cmd.h"

static int
undo_redo(const struct cmd *self, int argc, char **argv, bool redo)
{
	struct project *p = NULL;
	char **ops, *label = NULL;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, NULL, 1, 1, NULL, &ops,
	    &n)) == 0 && (rc = cmd_project_open(ops[0], NULL, 0, &p)) == CMD_OK) {
		if ((redo ? history_redo(p, &label) : history_undo(p, &label)) != AX_OK)
			rc = cmd_project_error(p);
		else {
			printf("%s ", redo ? "redid" : "undid");
			cmd_put_text(stdout, label, strlen(label));
			putchar('\n');
		}
	}
	free(label);
	return cmd_end(p, ops, rc);
}

static int undo_main(const struct cmd *s, int c, char **v) { return undo_redo(s, c, v, false); }
static int redo_main(const struct cmd *s, int c, char **v) { return undo_redo(s, c, v, true); }

const struct cmd cmd_undo = {
	"undo", "PROJECT", N_("undo your latest action (only yours, even across "
	"restarts)"), N_("  --as CODER   act as CODER\n"), undo_main,
};

const struct cmd cmd_redo = {
	"redo", "PROJECT", N_("redo your latest undone action"),
	N_("  --as CODER   act as CODER\n"), redo_main,
};

/* "coder", or "coder (account A)" when another account acted under the
 * name, or "(account A)" for an action of no coder (the creation). */
static void
put_who(const struct history_entry *e)
{
	bool acct = *e->account != '\0' && strcmp(e->account, e->coder) != 0;

	cmd_put_text(stdout, e->coder, strlen(e->coder));
	if (acct) {
		printf("%s(%s ", *e->coder != '\0' ? " " : "", _("account"));
		cmd_put_text(stdout, e->account, strlen(e->account));
		putchar(')');
	}
}

static int
log_main(const struct cmd *self, int argc, char **argv)
{
	const char *json = NULL, *limit = NULL;
	struct cmd_opt opts[] = {
		{"json", 0, false, &json},
		{"limit", 'n', true, &limit},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct history_entry *e = NULL;
	size_t ne = 0, i;
	struct buf b = {0};
	char **ops;
	long long nlimit = 20;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 1, 1, NULL, &ops,
	    &n)) != 0)
		goto out;
	if (limit != NULL && !cmd_number(limit, 1, INT64_MAX, &nlimit))
		rc = cmd_usage(self, _("--limit takes a number from 1"));
	if (rc != 0 || (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	history_log(p, (size_t)nlimit, &e, &ne);
	for (i = 0; i < ne; i++) {
		if (json) {
			cmd_json_item(&b);
			buf_printf(&b, "{\"id\":%lld,\"time\":%lld,\"coder\":",
			    (long long)e[i].id, (long long)e[i].time);
			buf_json_str(&b, e[i].coder, strlen(e[i].coder));
			buf_puts(&b, ",\"account\":");
			buf_json_str(&b, e[i].account, strlen(e[i].account));
			buf_puts(&b, ",\"action\":");
			buf_json_str(&b, e[i].label, strlen(e[i].label));
			buf_puts(&b, ",\"detail\":");
			buf_json_str(&b, e[i].detail, strlen(e[i].detail));
			buf_printf(&b, ",\"kind\":\"%s\",\"state\":\"%s\",\"changes\":%lld}",
			    e[i].kind, e[i].state, (long long)e[i].nchanges);
		} else {
			char when[32];
			time_t t = (time_t)e[i].time;

			strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", gmtime(&t));
			printf("%lld  %s  ", (long long)e[i].id, when);
			put_who(&e[i]);
			printf("  %s%s", strcmp(e[i].kind, "do") ? e[i].kind : "",
			    strcmp(e[i].kind, "do") ? " " : "");
			cmd_put_text(stdout, e[i].label, strlen(e[i].label));
			if (*e[i].detail != '\0') {
				putchar(' ');
				cmd_put_text(stdout, e[i].detail, strlen(e[i].detail));
			}
			printf("  (%lld changes%s)\n", (long long)e[i].nchanges,
			    strcmp(e[i].state, "undone") == 0 ? ", undone" : "");
		}
	}
	if (json)
		cmd_json_put(&b);
out:
	buf_done(&b);
	history_log_free(e, ne);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_log = {
	"log", "PROJECT [--limit N] [--json]",
	N_("the audit trail: who did what, under which name, when (newest "
	"first; times in UTC)"),
	N_("  -n, --limit N   how many actions (default 20)\n"
	"  --json          machine-readable output\n"), log_main,
};
