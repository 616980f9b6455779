/*
 * cmd-retest.c: test-retest reliability: start a second pass, print the
 * table. The table is read by people: its heads and total row are in the
 * messages' language (--lang or the locale), padded by display width so a
 * Persian head keeps the columns aligned, and its figures may be in
 * Persian digits (--digits fa); CSV and JSON stay English, Latin digits.
 */
#include <stdlib.h>
#include <string.h>

#include <uniwidth.h>

#include "base/i18n.h"
#include "store/project.h"
#include "stats/retest.h"
#include "cli/cmd.h"

/* A figure right-aligned in w columns, in Persian digits if fa. */
static void
pad_figure(struct buf *b, const char *latin, int w, bool fa)
{
	struct buf d = {0};

	buf_figures(&d, latin, fa, NULL);
	cmd_pad(b, d.s, w, true);
	buf_done(&d);
}

/* The table: document, total, agreements, disagreements, percent; the
 * columns as wide as the English ones (retest_heading), or their head.
 * The documents' names keep their own digits. */
static void
print_table(const struct retest_row *r, size_t n, bool fa, struct buf *b)
{
	const char *head[4] = { _("total"), _("agreements"), _("disagreements"),
	    _("percent") };
	int w[4] = { 6, 10, 13, 8 }, k, hw;
	size_t i;

	for (k = 0; k < 4; k++)
		if ((hw = u8_strwidth((const uint8_t *)head[k], "UTF-8")) > w[k])
			w[k] = hw;
	cmd_pad(b, _("document"), RETEST_NAME_COLS, false);
	for (k = 0; k < 4; k++) {
		buf_putc(b, ' ');
		cmd_pad(b, head[k], w[k], true);
	}
	buf_putc(b, '\n');
	for (i = 0; i < n; i++) {
		char num[32], pct[PERCENT_MAX + 1];
		long long v[3] = { (long long)r[i].total,
		    (long long)r[i].agreements, (long long)r[i].disagreements };

		/* retest_table ends with the total row */
		cmd_pad(b, i + 1 == n ? _("total") : r[i].name, RETEST_NAME_COLS, false);
		for (k = 0; k < 3; k++) {
			snprintf(num, sizeof num, "%lld", v[k]);
			buf_putc(b, ' ');
			pad_figure(b, num, w[k], fa);
		}
		retest_percent(&r[i], pct, sizeof pct - 1);
		if (r[i].tenths >= 0)
			strcat(pct, "%");
		buf_putc(b, ' ');
		pad_figure(b, pct, w[3], fa);
		buf_putc(b, '\n');
	}
}

static void
print_rows(const struct retest_row *r, size_t n, enum cmd_format f, bool fa)
{
	struct buf b = {0};
	size_t i;

	if (f == CMD_FMT_TABLE) {
		print_table(r, n, fa, &b);
		cmd_put_text(stdout, b.s, b.len);
		buf_done(&b);
		return;
	}
	if (f == CMD_FMT_JSON)
		buf_putc(&b, '[');
	else
		buf_puts(&b, "document,total,agreements,disagreements,percent\r\n");
	for (i = 0; i < n; i++) {
		char pct[PERCENT_MAX];

		retest_percent_digits(&r[i], pct, sizeof pct);
		if (f == CMD_FMT_JSON) {
			buf_printf(&b, "%s{\"document\":", i ? "," : "");
			buf_json_str(&b, r[i].name, strlen(r[i].name));
			buf_printf(&b, ",\"total\":%lld,\"agreements\":%lld,"
			    "\"disagreements\":%lld,\"percent\":%s%s}",
			    (long long)r[i].total, (long long)r[i].agreements,
			    (long long)r[i].disagreements, r[i].tenths < 0 ? "null" : pct,
			    r[i].tenths < 0 ? ",\"why\":\"" RETEST_WHY "\"" : "");
		} else {
			buf_csv_field(&b, r[i].name);
			buf_printf(&b, ",%lld,%lld,%lld,%s\r\n", (long long)r[i].total,
			    (long long)r[i].agreements, (long long)r[i].disagreements,
			    r[i].tenths < 0 ? "" : pct);
		}
	}
	if (f == CMD_FMT_JSON)
		buf_puts(&b, "]\n");
	cmd_put_text(stdout, b.s, b.len);
	buf_done(&b);
}

static int
retest_main(const struct cmd *self, int argc, char **argv)
{
	const char *coder = NULL, *second = NULL, *format = "table", *lang = NULL,
	    *digits = NULL;
	struct cmd_opt opts[] = {
		{"coder", 0, true, &coder},
		{"second", 0, true, &second},
		{"format", 0, true, &format},
		{"lang", 0, true, &lang},
		{"digits", 0, true, &digits},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct retest_row *rows = NULL;
	size_t nr = 0;
	char **ops, *login = NULL;
	enum cmd_format f = CMD_FMT_TABLE;
	bool fa = false;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 1, 2, NULL, &ops,
	    &n)) != 0)
		goto out;
	if (n == 2 && strcmp(ops[1], "start") != 0)
		rc = cmd_usage(self, NULL);
	if (rc != 0 || (rc = cmd_format(self, format, &f)) != CMD_OK ||
	    (rc = cmd_lang(self, lang)) != CMD_OK ||
	    (rc = cmd_digits(self, digits, f, &fa)) != CMD_OK ||
	    (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
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
	print_rows(rows, nr, f, fa);
out:
	free(login);
	retest_rows_free(rows, nr);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_retest = {
	"retest", "PROJECT [start] [--coder LOGIN] [--second LOGIN] [--format table|csv|json]\n"
	"       [--lang fa|en] [--digits fa|latin]",
	N_("test-retest reliability of a coder's two passes, per document and in total"),
	N_("  start            begin your second pass, as coder LOGIN-retest\n"
	"  --coder LOGIN    the first pass (default: you)\n"
	"  --second LOGIN   the second pass (default: LOGIN-retest)\n"
	"  --format F       table, csv or json\n"
	"  --lang LANG      fa or en: the language of the table (default: the\n"
	"                   locale's); CSV and JSON stay English\n"
	"  --digits D       fa (Persian) or latin (default) digits in the\n"
	"                   table's figures; CSV and JSON keep Latin digits\n"
	"Two codings count as the same when they carry the same code and start in\n"
	"the same paragraph; percent = 2 x agreements / total codings of both\n"
	"passes x 100.\n"), retest_main,
};
