/*
 * cmd-query.c: coding queries on the command line (docs/queries.md): run
 * an expression, save it by name, list, run and remove saved queries, and
 * code a saved query's result with a new code.
 *
 * Hits are printed as the evaluator finds them, a document at a time, so
 * a result of millions of segments costs no more memory than one document
 * (--json too: the array is written as it goes). A bad expression prints
 * the column and a caret under it on stderr.
 */
#include <stdlib.h>
#include <string.h>

#include <uniwidth.h>

#include "base/i18n.h"
#include "base/textin.h"
#include "stats/query.h"
#include "store/codetree.h"
#include "store/coder.h"
#include "store/document.h"
#include "store/project.h"
#include "store/savedquery.h"
#include "text/qexpr.h"
#include "cli/cmd.h"

/* What the printing callback needs. */
struct out {
	struct project *p;
	bool json;
	size_t printed;
	int64_t doc;		/* the document whose name is below */
	char *name;
};

static const char *
doc_name(struct out *o, int64_t doc)
{
	struct doc_info d;

	if (o->doc != doc) {
		memset(&d, 0, sizeof d);
		free(o->name);
		o->name = xstrdup(doc_get(o->p, doc, &d) == AX_OK ? d.name : "?");
		doc_info_done(&d);
		o->doc = doc;
	}
	return o->name;
}

static bool
print_hit(void *arg, const struct query_hit *h)
{
	struct out *o = arg;
	const char *name = doc_name(o, h->doc);
	char *q;

	if (o->json) {
		struct buf b = {0};

		q = query_quote(h->text, h->len, h->start, h->end, (size_t)-1);
		buf_puts(&b, o->printed ? ",\n" : "");
		buf_puts(&b, "{\"document\":");
		buf_json_str(&b, name, strlen(name));
		buf_printf(&b, ",\"paragraph\":%lld,\"start\":%lld,\"end\":%lld,"
		    "\"text\":", (long long)h->para, (long long)h->start,
		    (long long)h->end);
		buf_json_str(&b, q, strlen(q));
		buf_putc(&b, '}');
		fputs(b.s, stdout);
		buf_done(&b);
	} else {
		q = query_quote(h->text, h->len, h->start, h->end, 240);
		cmd_put_text(stdout, name, strlen(name));
		printf("\t¶%lld\t%lld-%lld\t", (long long)h->para,
		    (long long)h->start, (long long)h->end);
		cmd_put_text(stdout, q, strlen(q));
		putchar('\n');
	}
	free(q);
	o->printed++;
	return true;
}

/* "axial: column N: MESSAGE", the expression and a caret under the column. */
static int
expr_error(const char *expr, size_t col, const char *msg)
{
	size_t off, w;

	if (col == 0)
		return cmd_error("%s", msg);
	cmd_error(_("column %zu: %s"), col, msg);
	off = textin_cp_to_byte(expr, strlen(expr), col - 1);
	{
		char *pre = xstrndup(expr, off);

		w = (size_t)u8_strwidth((const uint8_t *)pre, "UTF-8");
		free(pre);
	}
	fputs("  ", stderr);
	cmd_put_text(stderr, expr, strlen(expr));
	fprintf(stderr, "\n  %*s^\n", (int)w, "");
	return CMD_ERROR;
}

/* Every value of a repeatable option (--where, --doc), in order. */
static size_t
repeated(int argc, char **argv, const char *name, const char **out)
{
	size_t n = 0, len = strlen(name);
	int i;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strncmp(argv[i], "--", 2) != 0 ||
		    strncmp(argv[i] + 2, name, len) != 0)
			continue;
		if (argv[i][2 + len] == '=')
			out[n++] = argv[i] + 3 + len;
		else if (argv[i][2 + len] == '\0' && i + 1 < argc)
			out[n++] = argv[++i];
	}
	return n;
}

/* The lines of list[0..n) joined, for a saved query's fields. */
static char *
join(const char *const *list, size_t n)
{
	struct buf b = {0};
	size_t i;

	for (i = 0; i < n; i++) {
		buf_puts(&b, list[i]);
		buf_putc(&b, '\n');
	}
	return b.s ? buf_take(&b) : xstrdup("");
}

/* Runs the query, printing as it goes; CMD_OK or the error printed. */
static int
run(struct project *p, const char *expr, const struct query_opts *qo,
    bool json)
{
	struct qx_node *q;
	struct query_stats st;
	struct out o;
	char *err;
	size_t col;
	int rc = CMD_OK;

	if ((q = qx_parse(expr, &col, &err)) == NULL) {
		rc = expr_error(expr, col, err);
		free(err);
		return rc;
	}
	memset(&o, 0, sizeof o);
	o.p = p;
	o.json = json;
	if (json)
		fputs("{\"segments\":[\n", stdout);
	if (query_run(p, q, qo, print_hit, &o, &st, &err, &col) != AX_OK) {
		if (json)
			fputs("]}\n", stdout);
		rc = expr_error(expr, col, err);
	} else if (json) {
		printf("],\n\"total\":%zu,\"documents\":%zu,\"offset\":%zu}\n",
		    st.hits, st.docs, qo->offset);
	} else {
		/* "2 segments in 1 document", "11 to 20 of 300 segments in
		 * 12 documents" */
		if (o.printed < st.hits)
			printf(_("%zu to %zu of "), o.printed ? qo->offset + 1 : 0,
			    qo->offset + o.printed);
		printf(ngettext("%zu segment", "%zu segments", st.hits),
		    st.hits);
		printf(ngettext(" in %zu document\n", " in %zu documents\n",
		    st.docs), st.docs);
	}
	free(err);
	free(o.name);
	qx_free(q);
	return rc;
}

/* --limit and --offset into o. */
static int
paging(const struct cmd *self, const char *limit, const char *offset,
    struct query_opts *o)
{
	long long v;

	if (limit != NULL) {
		if (!cmd_number(limit, 1, 1000000000, &v))
			return cmd_usage(self, _("--limit wants a number from 1"));
		o->limit = (size_t)v;
	}
	if (offset != NULL) {
		if (!cmd_number(offset, 0, 1000000000, &v))
			return cmd_usage(self, _("--offset wants a number from 0"));
		o->offset = (size_t)v;
	}
	return CMD_OK;
}

static int
query_main(const struct cmd *self, int argc, char **argv)
{
	const char *json = NULL, *source = NULL, *save = NULL, *where1 = NULL,
	    *doc1 = NULL, *limit = NULL, *offset = NULL;
	struct cmd_opt opts[] = {
		{"json", 0, false, &json},
		{"where", 0, true, &where1},
		{"doc", 'd', true, &doc1},
		{"source", 0, true, &source},
		{"save", 0, true, &save},
		{"limit", 0, true, &limit},
		{"offset", 0, true, &offset},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct query_opts qo;
	const char **where = xcalloc((size_t)argc + 1, sizeof *where);
	const char **docs = xcalloc((size_t)argc + 1, sizeof *docs);
	int64_t *ids = xcalloc((size_t)argc + 1, sizeof *ids);
	char **ops, *wl = NULL, *dl = NULL;
	size_t i;
	int n, rc;

	memset(&qo, 0, sizeof qo);
	if ((rc = cmd_operands(self, argc, argv, opts, 2, 2, NULL, &ops,
	    &n)) != 0 || (rc = paging(self, limit, offset, &qo)) != CMD_OK ||
	    (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	qo.where = where;
	qo.nwhere = repeated(argc, argv, "where", where);
	qo.ndocs = repeated(argc, argv, "doc", docs);
	/* -d DOC too */
	for (n = 1; n < argc; n++)
		if (strcmp(argv[n], "-d") == 0 && n + 1 < argc)
			docs[qo.ndocs++] = argv[++n];
	for (i = 0; i < qo.ndocs; i++)
		if (doc_find(p, docs[i], &ids[i]) != AX_OK) {
			rc = cmd_project_error(p);
			goto out;
		}
	qo.docs = qo.ndocs ? ids : NULL;
	if (source != NULL && coder_find(p, source, &qo.coder) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	if ((rc = run(p, ops[1], &qo, json != NULL)) != CMD_OK || save == NULL)
		goto out;
	wl = join(where, qo.nwhere);
	dl = join(docs, qo.ndocs);
	if (saved_query_add(p, save, ops[1], source ? source : "", wl, dl,
	    NULL) != AX_OK)
		rc = cmd_project_error(p);
	else if (!json)
		fprintf(stderr, _("saved as «%s»\n"), save);
out:
	free(wl);
	free(dl);
	free(where);
	free(docs);
	free(ids);
	return cmd_end(p, ops, rc);
}

static int
query_list_main(const struct cmd *self, int argc, char **argv)
{
	const char *json = NULL;
	struct cmd_opt opts[] = {
		{"json", 0, false, &json},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct saved_query *q = NULL;
	struct buf b = {0};
	size_t nq = 0, i;
	char **ops;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 1, 1, NULL, &ops,
	    &n)) != 0 || (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if (saved_query_list(p, &q, &nq) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	for (i = 0; i < nq; i++) {
		if (json) {
			cmd_json_item(&b);
			buf_puts(&b, "{\"name\":");
			buf_json_str(&b, q[i].name, strlen(q[i].name));
			buf_puts(&b, ",\"expression\":");
			buf_json_str(&b, q[i].expr, strlen(q[i].expr));
			buf_puts(&b, ",\"source\":");
			buf_json_str(&b, q[i].source, strlen(q[i].source));
			buf_puts(&b, ",\"where\":");
			buf_json_str(&b, q[i].where, strlen(q[i].where));
			buf_puts(&b, ",\"documents\":");
			buf_json_str(&b, q[i].docs, strlen(q[i].docs));
			buf_putc(&b, '}');
			continue;
		}
		cmd_put_text(stdout, q[i].name, strlen(q[i].name));
		putchar('\t');
		cmd_put_text(stdout, q[i].expr, strlen(q[i].expr));
		if (q[i].source[0] != '\0') {
			fputs("\t--source ", stdout);
			cmd_put_text(stdout, q[i].source, strlen(q[i].source));
		}
		/* --where and --doc lines as the options that give them */
		{
			const char *const field[2] = {q[i].where, q[i].docs};
			const char *const opt[2] = {" --where ", " --doc "};
			int k;

			for (k = 0; k < 2; k++) {
				const char *s = field[k], *e;

				for (; *s != '\0'; s = *e ? e + 1 : e) {
					e = strchr(s, '\n');
					if (e == NULL)
						e = s + strlen(s);
					fputs(opt[k], stdout);
					cmd_put_text(stdout, s, (size_t)(e - s));
				}
			}
		}
		putchar('\n');
	}
	if (json)
		cmd_json_put(&b);
out:
	buf_done(&b);
	saved_query_list_free(q, nq);
	return cmd_end(p, ops, rc);
}

static int
query_run_main(const struct cmd *self, int argc, char **argv)
{
	const char *json = NULL, *limit = NULL, *offset = NULL;
	struct cmd_opt opts[] = {
		{"json", 0, false, &json},
		{"limit", 0, true, &limit},
		{"offset", 0, true, &offset},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct saved_query sq;
	struct query_opts qo, page;
	char **ops;
	int n, rc;

	memset(&sq, 0, sizeof sq);
	memset(&qo, 0, sizeof qo);
	memset(&page, 0, sizeof page);
	/* the page is checked before the project is opened */
	if ((rc = cmd_operands(self, argc, argv, opts, 2, 2, NULL, &ops,
	    &n)) != 0 || (rc = paging(self, limit, offset, &page)) != CMD_OK ||
	    (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if (saved_query_find(p, ops[1], &sq) != AX_OK ||
	    query_opts_saved(p, &sq, &qo) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	qo.limit = page.limit;
	qo.offset = page.offset;
	rc = run(p, sq.expr, &qo, json != NULL);
out:
	query_opts_free(&qo);
	saved_query_done(&sq);
	return cmd_end(p, ops, rc);
}

static int
query_rm_main(const struct cmd *self, int argc, char **argv)
{
	struct cmd_opt opts[] = {{NULL, 0, false, NULL}};
	struct project *p = NULL;
	struct saved_query sq;
	char **ops;
	int n, rc;

	memset(&sq, 0, sizeof sq);
	if ((rc = cmd_operands(self, argc, argv, opts, 2, 2, NULL, &ops,
	    &n)) != 0 || (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if (saved_query_find(p, ops[1], &sq) != AX_OK ||
	    saved_query_remove(p, sq.id) != AX_OK)
		rc = cmd_project_error(p);
out:
	saved_query_done(&sq);
	return cmd_end(p, ops, rc);
}

/* A new code from a saved query: its result now, coded (a snapshot). */
static int
query_code_main(const struct cmd *self, int argc, char **argv)
{
	const char *in = NULL;
	struct cmd_opt opts[] = {
		{"in", 0, true, &in},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct saved_query sq;
	struct query_stats st;
	int64_t parent = 0;
	char **ops, *err = NULL;
	size_t col;
	int n, rc;

	memset(&sq, 0, sizeof sq);
	if ((rc = cmd_operands(self, argc, argv, opts, 3, 3, NULL, &ops,
	    &n)) != 0 || (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if (saved_query_find(p, ops[1], &sq) != AX_OK ||
	    (in != NULL && codetree_find(p, in, &parent) != AX_OK)) {
		rc = cmd_project_error(p);
		goto out;
	}
	if (query_code(p, &sq, parent, ops[2], &st, &err, &col) != AX_OK) {
		rc = err != NULL ? expr_error(sq.expr, col, err) :
		    cmd_project_error(p);
		goto out;
	}
	printf(ngettext("coded %zu segment", "coded %zu segments", st.hits),
	    st.hits);
	printf(ngettext(" in %zu document with «%s»\n",
	    " in %zu documents with «%s»\n", st.docs), st.docs, ops[2]);
out:
	free(err);
	saved_query_done(&sq);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_query = {
	"query", "PROJECT EXPR [--where ATTR=VALUE ...] [--doc DOC ...] "
	"[--source consensus|LOGIN] [--save NAME] [--limit N] [--offset N] "
	"[--json]",
	N_("the segments an expression over codes finds (docs/queries.md)"),
	N_("  --where ATTR=VALUE   only documents with this attribute value "
	"(repeatable)\n"
	"  -d, --doc DOC        only this document (repeatable)\n"
	"  --source LOGIN       only this coder's codings, or consensus "
	"(default: every coder but second passes)\n"
	"  --save NAME          save the query under NAME\n"
	"  --limit N            print at most N segments\n"
	"  --offset N           skip the first N segments\n"
	"  --json               machine-readable output, full quotes\n"),
	query_main,
};

const struct cmd cmd_query_list = {
	"query list", "PROJECT [--json]", N_("list the saved queries"),
	N_("  --json             machine-readable output\n"), query_list_main,
};

const struct cmd cmd_query_run = {
	"query run", "PROJECT NAME [--limit N] [--offset N] [--json]",
	N_("run a saved query again"),
	N_("  --limit N          print at most N segments\n"
	"  --offset N         skip the first N segments\n"
	"  --json             machine-readable output, full quotes\n"),
	query_run_main,
};

const struct cmd cmd_query_rm = {
	"query rm", "PROJECT NAME", N_("remove a saved query"), NULL,
	query_rm_main,
};

const struct cmd cmd_query_code = {
	"query code", "PROJECT NAME CODE [--in CATEGORY]",
	N_("code a saved query's segments with a new code (a snapshot)"),
	N_("  --in CATEGORY      make the code in this category\n"),
	query_code_main,
};
