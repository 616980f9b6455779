/*
 * cmd-coding.c: tag, untag and codings. A span is given as code-point
 * offsets START END (0-based, end exclusive) or as a quote found in the
 * document (--quote TEXT [--nth N]).
 */
#include <limits.h>
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

static bool
parse_offset(const char *s, int64_t *v)
{
	char *end;
	long long x = strtoll(s, &end, 10);

	*v = x;
	return *s != '\0' && *end == '\0';
}

static int
tag_main(const struct cmd *self, int argc, char **argv)
{
	const char *quote = NULL, *nth = NULL;
	struct cmd_opt opts[] = {
		{"quote", 'q', true, &quote},
		{"nth", 0, true, &nth},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	char **ops;
	int64_t doc, node, start = 0, end = 0, id;
	long long nth_v = 1;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 3, 5, NULL, &ops,
	    &n)) != 0)
		goto out;
	if (n != (quote ? 3 : 5))
		rc = cmd_usage(self, NULL);
	else if (!quote && (!parse_offset(ops[3], &start) ||
	    !parse_offset(ops[4], &end)))
		rc = cmd_usage(self, _("START and END are whole numbers"));
	else if (nth != NULL && !cmd_number(nth, 1, INT_MAX, &nth_v))
		rc = cmd_usage(self, _("--nth takes a number from 1"));
	if (rc != 0 || (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if (doc_find(p, ops[1], &doc) != AX_OK || codetree_find(p, ops[2], &node) != AX_OK ||
	    (quote && coding_find_quote(p, doc, quote, (int)nth_v, &start,
	    &end) != AX_OK) ||
	    coding_add(p, doc, node, start, end, &id) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	printf("#%lld %lld %lld\n", (long long)id, (long long)start, (long long)end);
out:
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_tag = {
	"tag", "PROJECT DOC CODE START END | PROJECT DOC CODE --quote TEXT [--nth N]",
	N_("apply a code to a span of a document; prints #ID START END"),
	N_("  START END       code-point offsets, 0-based, END exclusive\n"
	"  -q, --quote T   the span is the first occurrence of T in the document\n"
	"  --nth N         ... or its Nth occurrence\n"
	"  --as CODER      act as CODER (tied to your account by the owner)\n"),
	tag_main,
};

static int
untag_main(const struct cmd *self, int argc, char **argv)
{
	struct project *p = NULL;
	char **ops;
	int64_t id;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, NULL, 2, 2, NULL, &ops,
	    &n)) != 0)
		goto out;
	if (!parse_offset(ops[1][0] == '#' ? ops[1] + 1 : ops[1], &id))
		rc = cmd_usage(self, NULL);
	else if ((rc = cmd_project_open(ops[0], NULL, 0, &p)) == CMD_OK &&
	    coding_remove(p, id) != AX_OK)
		rc = cmd_project_error(p);
out:
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_untag = {
	"untag", "PROJECT CODING", N_("remove one of your codings (by #ID)"),
	N_("  --as CODER   act as CODER\n"), untag_main,
};

/* Texts of documents, loaded once each while listing. */
struct text_cache {
	int64_t doc;
	char *text;
	size_t len;
};

static void
quote_of(struct project *p, struct text_cache *tc, const struct coding *c,
    const char **q, size_t *qlen)
{
	size_t a, b;

	if (tc->doc != c->doc) {
		free(tc->text);
		tc->text = NULL;
		tc->len = 0;
		tc->doc = c->doc;
		if (doc_text(p, c->doc, &tc->text, &tc->len) != AX_OK)
			tc->text = xstrdup("");
	}
	textin_cp_span(tc->text, tc->len, (size_t)c->start, (size_t)c->end, &a, &b);
	*q = tc->text + a;
	*qlen = b - a;
}

static int
codings_main(const struct cmd *self, int argc, char **argv)
{
	const char *json = NULL, *docref = NULL, *coderef = NULL, *coderref = NULL;
	struct cmd_opt opts[] = {
		{"json", 0, false, &json},
		{"doc", 'd', true, &docref},
		{"code", 'c', true, &coderef},
		{"coder", 0, true, &coderref},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct coding_filter f = {0, 0, 0};
	struct coding *v = NULL;
	struct coder *coders = NULL;
	struct text_cache tc = {0, NULL, 0};
	struct buf b = {0};
	size_t nv = 0, nc = 0, i, j;
	char **ops;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 1, 1, NULL, &ops,
	    &n)) != 0 || (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if ((docref && doc_find(p, docref, &f.doc) != AX_OK) ||
	    (coderef && codetree_find(p, coderef, &f.node) != AX_OK) ||
	    (coderref && coder_find(p, coderref, &f.coder) != AX_OK) ||
	    coding_list(p, &f, &v, &nv) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	coder_list(p, &coders, &nc);
	for (i = 0; i < nv; i++) {
		const char *login = "?", *q;
		char *path = codetree_path(p, v[i].node);
		struct doc_info d;
		size_t qlen;

		for (j = 0; j < nc; j++)
			if (coders[j].id == v[i].coder)
				login = coders[j].login;
		doc_get(p, v[i].doc, &d);
		quote_of(p, &tc, &v[i], &q, &qlen);
		if (json) {
			cmd_json_item(&b);
			buf_printf(&b, "{\"id\":%lld,\"document\":", (long long)v[i].id);
			buf_json_str(&b, d.name, strlen(d.name));
			buf_puts(&b, ",\"code\":");
			buf_json_str(&b, path, strlen(path));
			buf_puts(&b, ",\"coder\":");
			buf_json_str(&b, login, strlen(login));
			buf_printf(&b, ",\"start\":%lld,\"end\":%lld,\"text\":",
			    (long long)v[i].start, (long long)v[i].end);
			buf_json_str(&b, q, qlen);
			buf_putc(&b, '}');
		} else {
			size_t cut = textin_cp_to_byte(q, qlen, 60);

			printf("#%lld\t", (long long)v[i].id);
			cmd_put_text(stdout, d.name, strlen(d.name));
			printf("\t%lld-%lld\t", (long long)v[i].start, (long long)v[i].end);
			cmd_put_text(stdout, login, strlen(login));
			putchar('\t');
			cmd_put_text(stdout, path, strlen(path));
			putchar('\t');
			for (j = 0; j < cut; j++)	/* one line per coding */
				if (q[j] == '\n' || q[j] == '\t')
					break;
			cmd_put_text(stdout, q, j);
			if (j < qlen)
				fputs("…", stdout);
			putchar('\n');
		}
		doc_info_done(&d);
		free(path);
	}
	if (json)
		cmd_json_put(&b);
out:
	buf_done(&b);
	free(tc.text);
	coder_list_free(coders, nc);
	free(v);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_codings = {
	"codings", "PROJECT [--doc DOC] [--code CODE] [--coder LOGIN] [--json]",
	N_("list codings with their quotes"),
	N_("  -d, --doc DOC      only this document\n"
	"  -c, --code CODE    only this code\n"
	"  --coder LOGIN      only this coder's\n"
	"  --json             machine-readable output, full quotes\n"), codings_main,
};
