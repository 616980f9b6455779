/*
 * cmd-export.c: export csv. One row per coding with its quote, or with
 * --units one row per unit, code and coder; written atomically (a temp
 * file renamed over OUT) or to standard output, as the rows are made: what
 * is held is one document (its text and codings) and the code paths, not
 * the project's rows.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/document.h"
#include "base/i18n.h"
#include "store/project.h"
#include "base/textin.h"
#include "cli/cmd.h"

/* Rows are handed on in parts of about this size. */
#define EXPORT_PART 65536

/* The lines (paragraphs) of text as code-point spans; empty lines skipped. */
struct unit {
	int64_t n, start, end;
};

static struct unit *
units_of(const char *text, size_t len, bool whole, size_t *nu)
{
	struct unit *u = NULL;
	size_t cap = 0, k = 0, i, line = 1;
	int64_t cp = 0, start = 0;

	if (whole) {
		u = xmalloc(sizeof *u);
		u->n = 1;
		u->start = 0;
		u->end = (int64_t)textin_nchars(text, len);
		*nu = u->end > 0;
		return u;
	}
	for (i = 0; i <= len; i++) {
		if (i == len || text[i] == '\n') {
			if (cp > start) {
				u = xgrow(u, &cap, k + 1, sizeof *u);
				u[k].n = (int64_t)line;
				u[k].start = start;
				u[k].end = cp;
				k++;
			}
			line++;
			cp++;
			start = cp;
		} else if (((unsigned char)text[i] & 0xc0) != 0x80) {
			cp++;
		}
	}
	*nu = k;
	return u;
}

/* b's rows onto o once they make a part (all of them with force). */
static int
export_put(struct cmd_out *o, struct buf *b, bool force)
{
	int rc = CMD_OK;

	if (force || b->len >= EXPORT_PART) {
		rc = cmd_out_write(o, b->s != NULL ? b->s : "", b->len);
		buf_reset(b);
	}
	return rc;
}

/* A document's codings and text, for its rows: CMD_OK, or the project's
 * error with nothing to free. */
static int
doc_codings(struct project *p, int64_t doc, struct coding **v, size_t *nv,
    char **text, size_t *len)
{
	struct coding_filter f = {doc, 0, 0};

	*v = NULL;
	*text = NULL;
	*nv = *len = 0;
	if (coding_list(p, &f, v, nv) == AX_OK && doc_text(p, doc, text, len) == AX_OK)
		return CMD_OK;
	free(*v);
	free(*text);
	return cmd_project_error(p);
}

/*
 * One row per unit, code and coder: applied is 1 when the coder's coding
 * of the code overlaps the unit, else 0. Coders are those with at least
 * one coding in the document, so a document one coder never saw adds no
 * zeros for them. Ready for kappa/alpha in R or Python.
 */
static int
export_units(struct project *p, bool whole, struct cmd_out *o)
{
	struct doc_info *docs = NULL;
	struct coder *coders = NULL;
	struct node *nodes = NULL;
	struct codetree_paths paths = {NULL, 0};
	struct buf b = {0};
	size_t nd = 0, nc = 0, nn = 0, i, j, k, c, u;
	int rc = CMD_OK;

	doc_list(p, &docs, &nd);
	coder_list(p, &coders, &nc);
	codetree_load(p, &nodes, &nn);
	if (codetree_paths_load(p, &paths) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	buf_puts(&b, "document,position,unit,start,end,code,coder,applied\r\n");
	for (i = 0; i < nd && rc == CMD_OK; i++) {
		struct coding *v;
		struct unit *un;
		size_t nv, nu = 0, len, no, *ov;
		char *text;
		bool *active;

		if ((rc = doc_codings(p, docs[i].id, &v, &nv, &text, &len)) != CMD_OK)
			break;
		active = xcalloc(nc + 1, sizeof *active);
		for (j = 0; j < nv; j++)
			for (c = 0; c < nc; c++)
				if (coders[c].id == v[j].coder)
					active[c] = true;
		un = units_of(text, len, whole, &nu);
		ov = xcalloc(nv + 1, sizeof *ov);
		for (u = 0; u < nu && rc == CMD_OK; u++) {
			/* the unit's codings, searched for each code and coder
			 * instead of all the document's */
			for (j = no = 0; j < nv; j++)
				if (v[j].start < un[u].end && v[j].end > un[u].start)
					ov[no++] = j;
			for (k = 0; k < nn; k++) {
				if (nodes[k].kind != NODE_CODE)
					continue;
				for (c = 0; c < nc; c++) {
					bool hit = false;

					if (!active[c])
						continue;
					for (j = 0; j < no && !hit; j++)
						hit = v[ov[j]].coder == coders[c].id &&
						    v[ov[j]].node == nodes[k].id;
					buf_csv_field(&b, docs[i].name);
					buf_printf(&b, ",%lld,%lld,%lld,%lld,",
					    (long long)docs[i].position, (long long)un[u].n,
					    (long long)un[u].start, (long long)un[u].end);
					buf_csv_field(&b, codetree_paths_get(&paths,
					    nodes[k].id));
					buf_putc(&b, ',');
					buf_csv_field(&b, coders[c].login);
					buf_printf(&b, ",%d\r\n", hit ? 1 : 0);
				}
			}
			rc = export_put(o, &b, false);
		}
		free(ov);
		free(un);
		free(active);
		free(v);
		free(text);
	}
	if (rc == CMD_OK)
		rc = export_put(o, &b, true);
out:
	buf_done(&b);
	codetree_paths_free(&paths);
	doc_list_free(docs, nd);
	coder_list_free(coders, nc);
	codetree_free(nodes, nn);
	return rc;
}

/* One row per coding, with its quote. */
static int
export_codings(struct project *p, struct cmd_out *o)
{
	struct doc_info *docs = NULL;
	struct coder *coders = NULL;
	struct codetree_paths paths = {NULL, 0};
	struct buf b = {0};
	size_t nd = 0, nc = 0, i, j, k;
	int rc = CMD_OK;

	doc_list(p, &docs, &nd);
	coder_list(p, &coders, &nc);
	if (codetree_paths_load(p, &paths) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	buf_puts(&b, "coding,document,position,code,coder,start,end,text\r\n");
	for (i = 0; i < nd && rc == CMD_OK; i++) {
		struct textin_at at = {0, 0};
		struct coding *v;
		char *text;
		size_t nv, len, a, z;

		if ((rc = doc_codings(p, docs[i].id, &v, &nv, &text, &len)) != CMD_OK)
			break;
		for (j = 0; j < nv && rc == CMD_OK; j++) {
			const char *login = "";

			for (k = 0; k < nc; k++)
				if (coders[k].id == v[j].coder)
					login = coders[k].login;
			/* the codings come by start: each quote is found
			 * from the last */
			textin_cp_span_at(text, len, &at, (size_t)v[j].start,
			    (size_t)v[j].end, &a, &z);
			buf_printf(&b, "%lld,", (long long)v[j].id);
			buf_csv_field(&b, docs[i].name);
			buf_printf(&b, ",%lld,", (long long)docs[i].position);
			buf_csv_field(&b, codetree_paths_get(&paths, v[j].node));
			buf_putc(&b, ',');
			buf_csv_field(&b, login);
			buf_printf(&b, ",%lld,%lld,", (long long)v[j].start, (long long)v[j].end);
			/* up to a NUL, as a C string of the quote would be */
			buf_csv_field_n(&b, text + a, strnlen(text + a, z - a));
			buf_puts(&b, "\r\n");
			rc = export_put(o, &b, false);
		}
		free(v);
		free(text);
	}
	if (rc == CMD_OK)
		rc = export_put(o, &b, true);
out:
	buf_done(&b);
	codetree_paths_free(&paths);
	doc_list_free(docs, nd);
	coder_list_free(coders, nc);
	return rc;
}

static int
export_csv_main(const struct cmd *self, int argc, char **argv)
{
	struct project *p = NULL;
	struct cmd_out o;
	char **ops;
	int n, rc;
	const char *units = NULL, *unit = NULL;
	struct cmd_opt opts[] = {
		{"units", 0, false, &units},
		{"unit", 0, true, &unit},
		{NULL, 0, false, NULL},
	};

	if ((rc = cmd_operands(self, argc, argv, opts, 1, 2, NULL, &ops,
	    &n)) != 0)
		goto out;
	if (unit != NULL && strcmp(unit, "paragraph") != 0 &&
	    strcmp(unit, "document") != 0)
		rc = cmd_usage(self, _("--unit is paragraph or document, not '%s'"), unit);
	/* the project first: a file it cannot open leaves OUT alone */
	if (rc != 0 || (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK ||
	    (rc = cmd_out_open(&o, n == 2 ? ops[1] : NULL)) != CMD_OK)
		goto out;
	rc = units != NULL || unit != NULL ? export_units(p, unit != NULL &&
	    strcmp(unit, "document") == 0, &o) : export_codings(p, &o);
	rc = cmd_out_close(&o, rc);
out:
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_export_csv = {
	"export csv", "PROJECT [OUT.csv] [--units [--unit paragraph|document]]",
	N_("export codings as CSV (RFC 4180, UTF-8): one row per coding with its text"),
	N_("  OUT.csv        written atomically; standard output when absent or -\n"
	"  --units        one row per unit, code and coder instead, with applied\n"
	"                 1 or 0 (the coder's coding of the code overlaps the\n"
	"                 unit), for recomputing agreement in R or Python; coders\n"
	"                 are those who coded the document\n"
	"  --unit U       paragraph (an LF-separated non-empty line; the default)\n"
	"                 or document; implies --units\n"),
	export_csv_main,
};
