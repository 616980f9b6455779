/*
 * cmd-export.c: export csv. One row per coding with its quote, written
 * atomically (a temp file renamed over OUT) or to standard output.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "axial/coder.h"
#include "axial/codetree.h"
#include "axial/coding.h"
#include "axial/document.h"
#include "axial/project.h"
#include "axial/textin.h"
#include "cmd.h"

static int
export_csv_main(const struct cmd *self, int argc, char **argv)
{
	struct project *p = NULL;
	struct doc_info *docs = NULL;
	struct coder *coders = NULL;
	struct coding *v = NULL;
	struct buf b = {0};
	size_t nd = 0, nc = 0, nv = 0, i, j, k;
	char **ops;
	int n, rc;

	if ((rc = cmd_parse(self, argc, argv, NULL, &ops, &n)) != 0)
		return rc;
	if (n != 1 && n != 2) {
		free(ops);
		return cmd_usage(self, NULL);
	}
	if ((rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	doc_list(p, &docs, &nd);
	coder_list(p, &coders, &nc);
	buf_puts(&b, "coding,document,position,code,coder,start,end,text\r\n");
	for (i = 0; i < nd; i++) {
		struct coding_filter f = {docs[i].id, 0, 0};
		char *text = NULL;
		size_t len = 0;

		if (coding_list(p, &f, &v, &nv) != AX_OK ||
		    doc_text(p, docs[i].id, &text, &len) != AX_OK) {
			rc = cmd_project_error(p);
			free(text);
			goto out;
		}
		for (j = 0; j < nv; j++) {
			char *path = codetree_path(p, v[j].node), *quote;
			const char *login = "";
			size_t a = textin_cp_to_byte(text, len, (size_t)v[j].start);
			size_t z = a + textin_cp_to_byte(text + a, len - a,
			    (size_t)(v[j].end - v[j].start));

			for (k = 0; k < nc; k++)
				if (coders[k].id == v[j].coder)
					login = coders[k].login;
			quote = xstrndup(text + a, z - a);
			buf_printf(&b, "%lld,", (long long)v[j].id);
			buf_csv_field(&b, docs[i].name);
			buf_printf(&b, ",%lld,", (long long)docs[i].position);
			buf_csv_field(&b, path);
			buf_putc(&b, ',');
			buf_csv_field(&b, login);
			buf_printf(&b, ",%lld,%lld,", (long long)v[j].start, (long long)v[j].end);
			buf_csv_field(&b, quote);
			buf_puts(&b, "\r\n");
			free(quote);
			free(path);
		}
		free(v);
		v = NULL;
		free(text);
	}
	if (n == 2 && strcmp(ops[1], "-") != 0) {
		if (file_write_atomic(ops[1], b.s, b.len) != 0)
			rc = cmd_error("%s: %s", ops[1], strerror(errno));
	} else {
		fwrite(b.s, 1, b.len, stdout);
	}
out:
	buf_done(&b);
	free(v);
	doc_list_free(docs, nd);
	coder_list_free(coders, nc);
	project_close(p);
	free(ops);
	return rc;
}

const struct cmd cmd_export_csv = {
	"export csv", "PROJECT [OUT.csv]",
	"export codings as CSV (RFC 4180, UTF-8): one row per coding with its text",
	"  OUT.csv   written atomically; standard output when absent or -\n",
	export_csv_main,
};
