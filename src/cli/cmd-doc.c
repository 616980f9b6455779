/*
 * cmd-doc.c: documents from the command line: import, docs, attr,
 * doc rename|move|rm|text. Importing several files is one action: all of
 * them or none.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "exchange/csv.h"
#include "store/document.h"
#include "exchange/exchange.h"
#include "base/i18n.h"
#include "text/name.h"
#include "store/project.h"
#include "base/textin.h"
#include "cli/cmd.h"

/*
 * A document name from a file path: base name without the extension of a
 * format axial reads (importer_name). Nobody typed it, so what a name may
 * not hold is cleaned out and a name over the limit cut, with a notice,
 * rather than refused.
 */
static char *
name_from_path(const char *path)
{
	char *name = importer_name(path), *clean;
	unsigned changed;

	clean = name_clean(NAME_DOCUMENT, name, "document", 0, &changed);
	if (changed & NAME_CLEANED)
		cmd_report_lines(path, _("the document name had control or "
		    "invisible characters; they were replaced by spaces or removed"));
	if (changed & NAME_CUT) {
		char *m = xasprintf(_("the document name was cut to %zu characters"),
		    name_field_max(NAME_DOCUMENT));

		cmd_report_lines(path, m);
		free(m);
	}
	free(name);
	return clean;
}

/* Reads document,key,value rows into the open action. */
static int
import_attrs(struct project *p, const char *path, uint64_t max)
{
	struct csv c;
	char *data, *err = NULL;
	size_t len;
	int r, rc = CMD_OK;
	bool header = true;

	if ((data = textin_read(path, TEXTIN_IMPORT, max, &len, &err)) == NULL) {
		rc = cmd_error("%s: %s", path, err);
		free(err);
		return rc;
	}
	csv_init(&c, data, len);
	while (rc == CMD_OK && (r = csv_next(&c, &err)) > 0) {
		int64_t id;

		if (header && c.nfields >= 1 && strcmp(c.fields[0], "document") == 0) {
			header = false;
			continue;
		}
		header = false;
		if (c.nfields != 3)
			rc = cmd_error(_("%s:%zu: expected 3 fields (document,key,value), "
			    "found %zu"), path, c.line, c.nfields);
		else if (doc_find(p, c.fields[0], &id) != AX_OK ||
		    doc_attr_set(p, id, c.fields[1], c.fields[2]) != AX_OK)
			rc = cmd_error(_("%s:%zu: %s"), path, c.line, project_errmsg(p));
	}
	if (r < 0) {
		rc = cmd_error(_("%s:%zu: %s"), path, c.at_line, err);
		free(err);
	}
	csv_done(&c);
	free(data);
	return rc;
}

/* A .qdpx or .qdc into the open action; prints what it brought in. */
static int
import_refi(struct project *p, const char *path, uint64_t max)
{
	struct refi_stats st;
	char *err = NULL;
	int rc = CMD_OK;

	if (refi_import(p, path, max, &st, &err) != AX_OK) {
		rc = cmd_error("%s: %s", path, err);
		free(err);
		return rc;
	}
	printf(_("imported %s: %lld documents, %lld codes, %lld categories, "
	    "%lld codings, %lld memos, %lld coders, %lld links\n"), path,
	    (long long)st.documents, (long long)st.codes, (long long)st.categories,
	    (long long)st.codings, (long long)st.memos, (long long)st.coders,
	    (long long)st.links);
	cmd_report_lines(path, st.report);
	refi_stats_done(&st);
	return rc;
}

static int
import_main(const struct cmd *self, int argc, char **argv)
{
	const char *name = NULL, *attrs = NULL, *maxarg = NULL;
	struct cmd_opt opts[] = {
		{"name", 'n', true, &name},
		{"attrs", 'a', true, &attrs},
		{"max-size", 0, true, &maxarg},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	char **ops, *done = NULL;
	size_t donelen = 0;
	uint64_t max;
	FILE *out = NULL;	/* "imported ..." lines, shown once committed */
	int n, i, rc, nimported = 0;

	if ((rc = cmd_operands(self, argc, argv, opts, 2, INT_MAX,
	    _("expected a project and files"), &ops, &n)) != 0)
		goto out;
	if (name != NULL && n != 2)
		rc = cmd_usage(self, _("--name takes one file"));
	if (rc != 0 || (rc = cmd_max_size(self, maxarg, &max)) != CMD_OK ||
	    (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if ((out = open_memstream(&done, &donelen)) == NULL) {
		rc = cmd_error("%s", strerror(errno));
		goto out;
	}
	if (project_begin(p, "import") != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	for (i = 1; i < n && rc == CMD_OK; i++) {
		enum importer_kind kind = importer_kind(ops[i]);
		char *data, *docname, *text = NULL, *notice = NULL, *err = NULL;
		size_t len, tlen = 0;
		int64_t id;

		if (kind == IMPORTER_QDPX || kind == IMPORTER_QDC) {
			rc = import_refi(p, ops[i], max);
			continue;
		}
		/* After the REFI check: a project's file name names nothing. */
		docname = name ? xstrdup(name) : name_from_path(ops[i]);
		if ((data = textin_read(ops[i], TEXTIN_IMPORT, max, &len,
		    &err)) != NULL) {
			/* The text is a copy: the file's bytes go first, so
			 * memory holds one of them at a time. */
			text = importer_extract(ops[i], data, len, &tlen,
			    &notice, &err);
			free(data);
		}
		if (text == NULL) {
			rc = cmd_error("%s: %s", ops[i], err);
		} else if (doc_import(p, docname, text, tlen, ops[i], &id) != AX_OK) {
			rc = cmd_project_error(p);
		} else {
			struct doc_info d;

			doc_get(p, id, &d);
			/* TRANSLATORS: followed by the document's name */
			fprintf(out, "%s ", _("imported"));
			cmd_put_text(out, d.name, strlen(d.name));
			fprintf(out, ngettext(" (#%lld, %lld character)\n",
			    " (#%lld, %lld characters)\n", (unsigned long)d.nchars),
			    (long long)id, (long long)d.nchars);
			doc_info_done(&d);
			nimported++;
			if (notice != NULL)
				cmd_report_lines(ops[i], notice);
			free(notice);
			notice = NULL;
			free(text);
			/* On the stored text: a UTF-16 file's bytes are no
			 * characters yet. */
			if (doc_text(p, id, &text, &tlen) != AX_OK)
				text = NULL;
			else if ((notice = textin_controls_notice(text, tlen)) != NULL)
				cmd_report_lines(ops[i], notice);
		}
		free(text);
		free(notice);
		free(err);
		free(docname);
	}
	if (rc == CMD_OK && attrs != NULL)
		rc = import_attrs(p, attrs, max);
	if (rc == CMD_OK && project_commit(p) != AX_OK)
		rc = cmd_project_error(p);
	if (rc != CMD_OK) {
		project_rollback(p);
		/* all or nothing: say so when the error named one part only */
		if (n > 2 || nimported > 0)
			fprintf(stderr, _("axial: nothing was imported\n"));
	}
out:
	if (out != NULL) {
		fclose(out);
		if (rc == CMD_OK)
			fwrite(done, 1, donelen, stdout);
	}
	free(done);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_import = {
	"import", "PROJECT FILE... [--name NAME] [--attrs FILE.csv] [--max-size SIZE]",
	N_("import transcripts (text, .docx, .odt, .pdf) or REFI-QDA .qdpx/.qdc; all or nothing"),
	N_("  FILE                 text (UTF-8 or UTF-16), .docx, .odt or .pdf (body\n"
	"                       text, one line per paragraph; told apart by content),\n"
	"                       .qdpx (a REFI-QDA project) or .qdc (a REFI-QDA\n"
	"                       codebook)\n"
	"  -n, --name NAME      the document's name (one file only; default: the\n"
	"                       file name without .txt, .md, .text, .docx, .odt or\n"
	"                       .pdf, in any case)\n"
	"  -a, --attrs FILE     attributes from CSV rows document,key,value\n"
	"  --max-size SIZE      the largest file to read, e.g. 500M or 2G\n"
	"                       (default 256M); only regular files are read\n"
	"  --as CODER           act as CODER (tied to your account by the owner)\n"),
	import_main,
};

static int
docs_main(const struct cmd *self, int argc, char **argv)
{
	const char *json = NULL;
	struct cmd_opt opts[] = {
		{"json", 0, false, &json},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct doc_info *d = NULL;
	struct buf b = {0};
	char **ops;
	size_t nd = 0, i;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 1, 1,
	    _("expected one project file"), &ops, &n)) != 0 ||
	    (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if (doc_list(p, &d, &nd) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	for (i = 0; i < nd; i++) {
		if (json) {
			cmd_json_item(&b);
			buf_printf(&b, "{\"id\":%lld,\"position\":%lld,\"name\":",
			    (long long)d[i].id, (long long)d[i].position);
			buf_json_str(&b, d[i].name, strlen(d[i].name));
			buf_printf(&b, ",\"characters\":%lld,\"bytes\":%lld,"
			    "\"sha256\":\"%s\",\"direction\":\"%s\",\"source\":",
			    (long long)d[i].nchars, (long long)d[i].nbytes,
			    d[i].sha256, d[i].direction);
			buf_json_str(&b, d[i].source, strlen(d[i].source));
			buf_putc(&b, '}');
		} else {
			printf("%3lld  ", (long long)d[i].position);
			cmd_put_text(stdout, d[i].name, strlen(d[i].name));
			printf("  #%lld  %lld chars\n", (long long)d[i].id,
			    (long long)d[i].nchars);
		}
	}
	if (json)
		cmd_json_put(&b);
out:
	buf_done(&b);
	doc_list_free(d, nd);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_docs = {
	"docs", "PROJECT [--json]",
	N_("list documents in interview order"),
	N_("  --json   machine-readable output\n"), docs_main,
};

static int
attr_main(const struct cmd *self, int argc, char **argv)
{
	const char *json = NULL, *rm = NULL, *csv = NULL, *maxarg = NULL;
	struct cmd_opt opts[] = {
		{"json", 0, false, &json},
		{"rm", 0, false, &rm},
		{"csv", 0, true, &csv},
		{"max-size", 0, true, &maxarg},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct doc_attr *a = NULL;
	size_t na = 0, i;
	uint64_t max;
	char **ops;
	int n, rc;
	int64_t id = 0;

	if ((rc = cmd_operands(self, argc, argv, opts, 1, 4, NULL, &ops,
	    &n)) != 0)
		goto out;
	if ((csv && n != 1) || (!csv && n < 2) || (rm && n != 3))
		rc = cmd_usage(self, NULL);
	if (rc != 0 || (rc = cmd_max_size(self, maxarg, &max)) != CMD_OK ||
	    (rc = cmd_project_open(ops[0], NULL, (n >= 3 || csv) ? 0 :
	    PROJECT_READONLY, &p)) != CMD_OK)
		goto out;
	if (csv != NULL) {
		if (project_begin(p, "attributes") != AX_OK) {
			rc = cmd_project_error(p);
			goto out;
		}
		rc = import_attrs(p, csv, max);
		if (rc == CMD_OK && project_commit(p) != AX_OK)
			rc = cmd_project_error(p);
		if (rc != CMD_OK)
			project_rollback(p);
		goto out;
	}
	if (doc_find(p, ops[1], &id) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	if (n == 4 || rm) {
		if (doc_attr_set(p, id, ops[2], rm ? NULL : ops[3]) != AX_OK)
			rc = cmd_project_error(p);
		goto out;
	}
	doc_attr_list(p, id, &a, &na);
	if (json)
		putchar('{');
	for (i = 0; i < na; i++) {
		if (n == 3 && strcmp(a[i].key, ops[2]) != 0)
			continue;
		if (json) {
			struct buf b = {0};

			if (i > 0 && n != 3)
				buf_putc(&b, ',');
			buf_json_str(&b, a[i].key, strlen(a[i].key));
			buf_putc(&b, ':');
			buf_json_str(&b, a[i].value, strlen(a[i].value));
			fputs(b.s, stdout);
			buf_done(&b);
		} else if (n == 3) {
			cmd_put_text(stdout, a[i].value, strlen(a[i].value));
			putchar('\n');
		} else {
			cmd_put_text(stdout, a[i].key, strlen(a[i].key));
			putchar('=');
			cmd_put_text(stdout, a[i].value, strlen(a[i].value));
			putchar('\n');
		}
	}
	if (json)
		puts("}");
out:
	doc_attr_list_free(a, na);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_attr = {
	"attr", "PROJECT DOC [KEY [VALUE]] [--rm] | PROJECT --csv FILE [--max-size SIZE]",
	N_("show or set a document's attributes (gender, education, ...)"),
	N_("  DOC            a document name, #ID or @POSITION\n"
	"  --rm           remove KEY\n"
	"  --csv FILE     set attributes from CSV rows document,key,value\n"
	"  --max-size SIZE\n"
	"                 the largest CSV to read (default 256M), as for import\n"
	"  --json         machine-readable output\n"), attr_main,
};

/*
 * The `doc X PROJECT DOC [ARG]` commands, one store call each; nargs counts
 * the operands after DOC. With pos, ARG is a POSITION: a usage error unless
 * a number from 1, found before the project opens.
 */
static enum ax_status op_rename(struct project *p, int64_t id, char **ops, long long pos)
{ (void)pos; return doc_rename(p, id, ops[2]); }
static enum ax_status op_move(struct project *p, int64_t id, char **ops, long long pos)
{ (void)ops; return doc_set_position(p, id, pos); }
static enum ax_status op_rm(struct project *p, int64_t id, char **ops, long long pos)
{ (void)ops; (void)pos; return doc_remove(p, id); }

static enum ax_status
op_text(struct project *p, int64_t id, char **ops, long long pos)
{
	char *text = NULL;
	size_t len;
	enum ax_status s = doc_text(p, id, &text, &len);

	(void)ops;
	(void)pos;
	if (s == AX_OK)
		cmd_put_text(stdout, text, len);
	free(text);
	return s;
}

static const struct {
	const char *name;
	int nargs;
	bool write, pos;
	enum ax_status (*op)(struct project *, int64_t, char **, long long);
} doc_ops[] = {
	{"doc rename", 1, true, false, op_rename},
	{"doc move", 1, true, true, op_move},
	{"doc rm", 0, true, false, op_rm},
	{"doc text", 0, false, false, op_text},
};

static int
doc_simple_main(const struct cmd *self, int argc, char **argv)
{
	struct project *p = NULL;
	char **ops;
	int64_t id;
	long long pos = 0;
	size_t i;
	int n, rc;

	for (i = 0; strcmp(doc_ops[i].name, self->name) != 0; i++)
		;	/* every command using this function is in the table */
	if ((rc = cmd_operands(self, argc, argv, NULL, 2 + doc_ops[i].nargs,
	    2 + doc_ops[i].nargs, NULL, &ops, &n)) != 0)
		goto out;
	if (doc_ops[i].pos && !cmd_number(ops[2], 1, INT64_MAX, &pos))
		rc = cmd_usage(self, _("'%s' is not a position (1, 2, ...)"), ops[2]);
	else if ((rc = cmd_project_open(ops[0], NULL, doc_ops[i].write ? 0 :
	    PROJECT_READONLY, &p)) == CMD_OK && (doc_find(p, ops[1], &id) != AX_OK ||
	    doc_ops[i].op(p, id, ops, pos) != AX_OK))
		rc = cmd_project_error(p);
out:
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_doc_rename = {
	"doc rename", "PROJECT DOC NEWNAME", N_("rename a document"), NULL,
	doc_simple_main,
};

const struct cmd cmd_doc_move = {
	"doc move", "PROJECT DOC POSITION",
	N_("move a document to another place in the interview order"), NULL,
	doc_simple_main,
};

const struct cmd cmd_doc_rm = {
	"doc rm", "PROJECT DOC",
	N_("remove a document with its codings, attributes and memos (undoable)"),
	NULL, doc_simple_main,
};

const struct cmd cmd_doc_text = {
	"doc text", "PROJECT DOC",
	N_("print a document's stored text (logical order; see also axial cat)"),
	NULL, doc_simple_main,
};
