/*
 * cmd-similar.c: similar, the paragraphs most like a coded segment or a
 * paragraph, for testing and scripting what the workbench's s shows
 * (stats/similar.h). It only lists; nothing is coded.
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/document.h"
#include "stats/similar.h"
#include "base/i18n.h"
#include "store/project.h"
#include "base/textin.h"
#include "text/text.h"
#include "cli/cmd.h"

/* The query span: coding ref's, or paragraph para (from 1) of document
 * docref; *node the coding's code unless --code gave one. */
static int
query_span(struct project *p, const char *ref, const char *docref,
    long long para, int64_t *doc, int64_t *s, int64_t *e, int64_t *node)
{
	struct coding c;
	struct text_doc *d;
	char *text;
	size_t len, a, z, np;
	long long id;

	if (ref != NULL) {
		if (!cmd_number(ref[0] == '#' ? ref + 1 : ref, 1, LLONG_MAX, &id))
			return cmd_error(_("--coding takes a coding's #ID: %s"), ref);
		if (coding_get(p, id, &c) != AX_OK)
			return cmd_project_error(p);
		*doc = c.doc;
		*s = c.start;
		*e = c.end;
		if (*node == 0)
			*node = c.node;
		return CMD_OK;
	}
	if (doc_find(p, docref, doc) != AX_OK ||
	    doc_text(p, *doc, &text, &len) != AX_OK)
		return cmd_project_error(p);
	d = text_doc_new(text, len);
	free(text);
	np = text_doc_paragraphs(d);
	if ((size_t)para > np) {
		text_doc_free(d);
		return cmd_error(_("%s has %zu paragraphs, not %lld"), docref, np,
		    para);
	}
	text_doc_paragraph(d, (size_t)para - 1, &a, &z);
	text_doc_free(d);
	*s = (int64_t)a;
	*e = (int64_t)z;
	return CMD_OK;
}

/* A score in [0, 1] with six decimals, a point whatever the locale. */
static void
put_score(struct buf *b, double v, int places)
{
	long scale = places == 4 ? 10000 : 1000000, x = lround(v * (double)scale);

	buf_printf(b, "%ld.%0*ld", x / scale, places, x % scale);
}

static void
put_hit(struct project *p, struct buf *b, const struct an_similar_hit *h,
    bool json)
{
	struct doc_info d;
	char *text = NULL;
	size_t len = 0, a = 0, z = 0, cut, j;

	if (doc_get(p, h->doc, &d) != AX_OK)
		return;
	if (doc_text(p, h->doc, &text, &len) == AX_OK)
		textin_cp_span(text, len, (size_t)h->start, (size_t)h->end, &a, &z);
	if (json) {
		cmd_json_item(b);
		buf_puts(b, "{\"document\":");
		buf_json_str(b, d.name, strlen(d.name));
		buf_printf(b, ",\"paragraph\":%zu,\"start\":%lld,\"end\":%lld,"
		    "\"score\":", h->para, (long long)h->start, (long long)h->end);
		put_score(b, h->score, 6);
		buf_puts(b, ",\"text\":");
		buf_json_str(b, text ? text + a : "", z - a);
		buf_putc(b, '}');
	} else {
		struct buf line = {0};

		put_score(&line, h->score, 4);
		printf("%s\t", line.s);
		cmd_put_text(stdout, d.name, strlen(d.name));
		printf("\t¶%zu\t", h->para);
		cut = textin_cp_to_byte(text + a, z - a, 60);
		for (j = 0; j < cut; j++)	/* one line per paragraph */
			if (text[a + j] == '\t')
				break;
		cmd_put_text(stdout, text + a, j);
		if (j < z - a)
			fputs("…", stdout);
		putchar('\n');
		buf_done(&line);
	}
	free(text);
	doc_info_done(&d);
}

static int
similar_main(const struct cmd *self, int argc, char **argv)
{
	const char *json = NULL, *ref = NULL, *docref = NULL, *para = NULL,
	    *coderef = NULL, *top = NULL;
	struct cmd_opt opts[] = {
		{"coding", 0, true, &ref},
		{"doc", 'd', true, &docref},
		{"para", 0, true, &para},
		{"code", 'c', true, &coderef},
		{"top", 'n', true, &top},
		{"json", 0, false, &json},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct an_similar *m = NULL;
	struct an_similar_hit *hits = NULL;
	struct buf b = {0};
	int64_t doc = 0, s = 0, e = 0, node = 0, coder = 0;
	long long para_v = 0, top_v = 10;
	size_t nh = 0, nwords = 0, i;
	char **ops;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 1, 1, NULL, &ops,
	    &n)) != 0)
		goto out;
	if ((ref == NULL) == (docref == NULL))
		rc = cmd_usage(self, _("give --coding ID, or --doc DOC and --para N"));
	else if (docref != NULL && para == NULL)
		rc = cmd_usage(self, _("--doc needs --para N"));
	else if (para != NULL && docref == NULL)
		rc = cmd_usage(self, _("--para goes with --doc"));
	else if (para != NULL && !cmd_number(para, 1, INT_MAX, &para_v))
		rc = cmd_usage(self, _("--para takes a number from 1"));
	else if (top != NULL && !cmd_number(top, 1, 1000, &top_v))
		rc = cmd_usage(self, _("--top takes a number from 1 to 1000"));
	if (rc != 0 || (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if (coderef != NULL && codetree_find(p, coderef, &node) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	if ((rc = query_span(p, ref, docref, para_v, &doc, &s, &e, &node)) !=
	    CMD_OK)
		goto out;
	if (coder_find(p, project_coder_login(p), &coder) != AX_OK)
		coder = 0;	/* no row yet: nothing of theirs is coded */
	m = an_similar_new();
	if (an_similar_sync(m, p) != AX_OK ||
	    an_similar_query(m, p, doc, s, e, node, coder, (size_t)top_v, &hits,
	    &nh, &nwords) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	if (nwords == 0) {
		rc = cmd_error(_("nothing to compare: the segment holds no words"));
		goto out;
	}
	for (i = 0; i < nh; i++)
		put_hit(p, &b, &hits[i], json != NULL);
	if (json)
		cmd_json_put(&b);
out:
	buf_done(&b);
	free(hits);
	an_similar_free(m);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_similar = {
	"similar", "PROJECT --coding ID | PROJECT --doc DOC --para N",
	N_("list the paragraphs most like a segment that you have not coded "
	"with its code"),
	N_("  --coding ID       the segment: a coding (#ID); its code by default\n"
	"  -d, --doc DOC     ... or paragraph N of DOC\n"
	"  --para N          the paragraph, from 1\n"
	"  -c, --code CODE   leave out the paragraphs you coded with CODE\n"
	"  -n, --top N       at most N paragraphs, 1 to 1000 (10)\n"
	"  --json            machine-readable output, whole paragraphs\n"
	"  --as CODER        whose codings are left out\n"), similar_main,
};
