/* cmd-retest.c: test-retest reliability: start a second pass, print the table. */
#include <stdlib.h>
#include <string.h>

#include "axial/i18n.h"
#include "axial/project.h"
#include "axial/retest.h"
#include "cmd.h"

static void
print_rows(const struct retest_row *r, size_t n, const char *fmt)
{
	struct buf b = {0};
	char cells[128];
	size_t i;

	if (strcmp(fmt, "json") == 0)
		buf_putc(&b, '[');
	else if (strcmp(fmt, "csv") == 0)
		buf_puts(&b, "document,total,agreements,disagreements,percent\r\n");
	else {
		retest_heading(cells, sizeof cells);
		buf_printf(&b, "%-*s %s\n", RETEST_NAME_COLS, "document", cells);
	}
	for (i = 0; i < n; i++) {
		char pct[PERCENT_MAX];

		retest_percent_digits(&r[i], pct, sizeof pct);
		if (strcmp(fmt, "json") == 0) {
			buf_printf(&b, "%s{\"document\":", i ? "," : "");
			buf_json_str(&b, r[i].name, strlen(r[i].name));
			buf_printf(&b, ",\"total\":%lld,\"agreements\":%lld,"
			    "\"disagreements\":%lld,\"percent\":%s%s}",
			    (long long)r[i].total, (long long)r[i].agreements,
			    (long long)r[i].disagreements, r[i].tenths < 0 ? "null" : pct,
			    r[i].tenths < 0 ? ",\"why\":\"" RETEST_WHY "\"" : "");
		} else if (strcmp(fmt, "csv") == 0) {
			buf_csv_field(&b, r[i].name);
			buf_printf(&b, ",%lld,%lld,%lld,%s\r\n", (long long)r[i].total,
			    (long long)r[i].agreements, (long long)r[i].disagreements,
			    r[i].tenths < 0 ? "" : pct);
		} else {
			retest_cells(&r[i], cells, sizeof cells);
			buf_printf(&b, "%-*s %s\n", RETEST_NAME_COLS, r[i].name, cells);
		}
	}
	if (strcmp(fmt, "json") == 0)
		buf_puts(&b, "]\n");
	cmd_put_text(stdout, b.s, b.len);
	buf_done(&b);
}

static int
retest_main(const struct cmd *self, int argc, char **argv)
{
	const char *coder = NULL, *second = NULL, *format = "table";
	struct cmd_opt opts[] = {
		{"coder", 0, true, &coder},
		{"second", 0, true, &second},
		{"format", 0, true, &format},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct retest_row *rows = NULL;
	size_t nr = 0;
	char **ops, *login = NULL;
	int n, rc;

	if ((rc = cmd_parse(self, argc, argv, opts, &ops, &n)) != 0)
		return rc;
	if (n < 1 || n > 2 || (n == 2 && strcmp(ops[1], "start") != 0)) {
		free(ops);
		return cmd_usage(self, NULL);
	}
	if (strcmp(format, "table") && strcmp(format, "csv") && strcmp(format, "json")) {
		free(ops);
		return cmd_usage(self, _("unknown format '%s'"), format);
	}
	if ((rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if (n == 2) {
		if (retest_start(p, &login) != AX_OK)
			rc = cmd_project_error(p);
		else
			printf(_("second pass: code as '%s' (axial ... --as %s)\n"),
			    login, login);
		goto out;
	}
	if (retest_table(p, coder ? coder : project_coder_login(p), second, &rows, &nr) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	print_rows(rows, nr, format);
out:
	free(login);
	retest_rows_free(rows, nr);
	project_close(p);
	free(ops);
	return rc;
}

const struct cmd cmd_retest = {
	"retest", "PROJECT [start] [--coder LOGIN] [--second LOGIN] [--format table|csv|json]",
	N_("test-retest reliability of a coder's two passes, per document and in total"),
	N_("  start            begin your second pass, as coder LOGIN-retest\n"
	"  --coder LOGIN    the first pass (default: you)\n"
	"  --second LOGIN   the second pass (default: LOGIN-retest)\n"
	"  --format F       table, csv or json\n"
	"Two codings count as the same when they carry the same code and start in\n"
	"the same paragraph; percent = 2 x agreements / total codings of both\n"
	"passes x 100.\n"), retest_main,
};
