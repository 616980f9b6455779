/* cmd-check.c: axial check: what is wrong with a project, repaired where safe. */
#include <stdlib.h>
#include <string.h>

#include "store/check.h"
#include "base/i18n.h"
#include "store/project.h"
#include "cli/cmd.h"

static void
print_text(const char *file, const struct check_finding *f, size_t n)
{
	struct buf b = {0};
	size_t i;

	for (i = 0; i < n; i++) {
		buf_printf(&b, "%s: %s: %s", file, f[i].what, f[i].text);
		if (f[i].repaired)
			buf_printf(&b, _(" (repaired: %s)"), f[i].fix);
		else if (f[i].fix != NULL)
			buf_printf(&b, _(" (--repair: %s)"), f[i].fix);
		buf_putc(&b, '\n');
	}
	if (n == 0)
		buf_printf(&b, _("%s: no problems found\n"), file);
	cmd_put_text(stdout, b.s, b.len);
	buf_done(&b);
}

static void
print_json(const char *file, const struct check_finding *f, size_t n,
    size_t left)
{
	struct buf b = {0};
	size_t i;

	buf_puts(&b, "{\"project\":");
	buf_json_str(&b, file, strlen(file));
	buf_printf(&b, ",\"clean\":%s,\"findings\":[", left == 0 ? "true" : "false");
	for (i = 0; i < n; i++) {
		buf_printf(&b, "%s{\"check\":\"%s\",\"message\":", i ? "," : "",
		    f[i].what);
		buf_json_str(&b, f[i].text, strlen(f[i].text));
		buf_puts(&b, ",\"repair\":");
		if (f[i].fix != NULL)
			buf_json_str(&b, f[i].fix, strlen(f[i].fix));
		else
			buf_puts(&b, "null");
		buf_printf(&b, ",\"repaired\":%s}", f[i].repaired ? "true" : "false");
	}
	buf_puts(&b, "]}\n");
	fwrite(b.s, 1, b.len, stdout);
	buf_done(&b);
}

static int
check_main(const struct cmd *self, int argc, char **argv)
{
	const char *repair = NULL, *json = NULL;
	struct cmd_opt opts[] = {
		{"repair", 0, false, &repair},
		{"json", 0, false, &json},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct check_finding *f = NULL;
	size_t nf = 0, i, left = 0, fixable = 0, repaired = 0;
	char **ops;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 1, 1, NULL, &ops,
	    &n)) != 0 ||
	    (rc = cmd_project_open(ops[0], NULL, PROJECT_CHECKING, &p)) != CMD_OK)
		goto out;
	if (check_project(p, repair != NULL, &f, &nf) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	for (i = 0; i < nf; i++) {
		left += !f[i].repaired;
		fixable += !f[i].repaired && f[i].fix != NULL;
		repaired += f[i].repaired;
	}
	if (json != NULL)
		print_json(ops[0], f, nf, left);
	else
		print_text(ops[0], f, nf);
	if (repaired > 0 && json == NULL)
		fprintf(stderr, ngettext("axial: %s: %zu repair, each one action "
		    "'axial undo' takes back\n", "axial: %s: %zu repairs, each one "
		    "action 'axial undo' takes back\n", repaired), ops[0], repaired);
	if (left > 0 && json == NULL) {
		if (fixable > 0)
			fprintf(stderr, ngettext("axial: %s: %zu problem; "
			    "'axial check --repair %s' repairs %zu\n", "axial: %s: %zu "
			    "problems; 'axial check --repair %s' repairs %zu\n", left),
			    ops[0], left, ops[0], fixable);
		else
			fprintf(stderr, ngettext("axial: %s: %zu problem that axial "
			    "cannot repair\n", "axial: %s: %zu problems that axial "
			    "cannot repair\n", left), ops[0], left);
	}
	rc = left > 0 ? CMD_ERROR : CMD_OK;
out:
	check_findings_free(f, nf);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_check = {
	"check", "PROJECT [--repair] [--json]",
	N_("check a project file: SQLite's integrity, the schema, the code "
	"tree, spans"),
	N_("  --repair   repair what can be repaired safely, each repair one\n"
	"             undoable action\n"
	"  --json     the findings as JSON\n"
	"One line per finding. Exit status 0 when nothing is wrong (or all of it\n"
	"was repaired), 1 when findings remain.\n"), check_main,
};
