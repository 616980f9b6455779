/*
 * cmd-compare.c: compare (two coders' disagreements, unit by unit) and
 * consensus (settle one, or seed the agreed units). Paragraphs are shown
 * and taken 1-based.
 */
#include <stdlib.h>
#include <string.h>

#include "axial/codetree.h"
#include "axial/compare.h"
#include "axial/document.h"
#include "axial/i18n.h"
#include "axial/project.h"
#include "axial/textin.h"
#include "cmd.h"

/* "A,B" into two borrowed strings inside a copy the caller frees. */
static char *
split_pair(const char *coders, const char **a, const char **b)
{
	char *copy, *comma;

	if (coders == NULL || (comma = strchr(coders, ',')) == NULL ||
	    strchr(comma + 1, ',') != NULL || comma == coders || comma[1] == '\0')
		return NULL;
	copy = xstrdup(coders);
	copy[comma - coders] = '\0';
	*a = copy;
	*b = copy + (comma - coders) + 1;
	return copy;
}

static int
compare_main(const struct cmd *self, int argc, char **argv)
{
	const char *coders = NULL, *docref = NULL, *json = NULL, *a, *b;
	struct cmd_opt opts[] = {
		{"coders", 0, true, &coders},
		{"doc", 'd', true, &docref},
		{"json", 0, false, &json},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct compare_item *v = NULL;
	struct buf out = {0};
	size_t nv = 0, i;
	char **ops, *pair;
	int64_t doc = 0;
	int n, rc;

	if ((rc = cmd_parse(self, argc, argv, opts, &ops, &n)) != 0)
		return rc;
	if (n != 1 || (pair = split_pair(coders, &a, &b)) == NULL) {
		free(ops);
		return n != 1 ? cmd_usage(self, NULL) :
		    cmd_usage(self, _("--coders A,B names the coders to compare"));
	}
	if ((rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if ((docref && doc_find(p, docref, &doc) != AX_OK) ||
	    compare_list(p, a, b, doc, &v, &nv) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	if (json)
		buf_putc(&out, '[');
	for (i = 0; i < nv; i++) {
		struct doc_info d;
		char *path = codetree_path(p, v[i].node), *text = NULL;
		size_t len = 0, qa, qb;

		doc_get(p, v[i].doc, &d);
		doc_text(p, v[i].doc, &text, &len);
		qa = textin_cp_to_byte(text, len, (size_t)v[i].span_start);
		qb = qa + textin_cp_to_byte(text + qa, len - qa,
		    (size_t)(v[i].span_end - v[i].span_start));
		if (json) {
			buf_printf(&out, "%s{\"document\":", i ? "," : "");
			buf_json_str(&out, d.name, strlen(d.name));
			buf_printf(&out, ",\"paragraph\":%lld,\"code\":", (long long)v[i].para + 1);
			buf_json_str(&out, path, strlen(path));
			buf_printf(&out, ",\"coded_by\":\"%s\",\"text\":", v[i].a ? a : b);
			buf_json_str(&out, text + qa, qb - qa);
			buf_printf(&out, ",\"decision\":\"%s\",\"note\":",
			    compare_choice_name(v[i].decided));
			buf_json_str(&out, v[i].note ? v[i].note : "",
			    v[i].note ? strlen(v[i].note) : 0);
			buf_putc(&out, '}');
		} else {
			buf_printf(&out, "%s ¶%lld  %-8s  only %s: ", d.name,
			    (long long)v[i].para + 1, compare_choice_name(v[i].decided),
			    v[i].a ? a : b);
			buf_puts(&out, path);
			buf_puts(&out, "  «");
			buf_add(&out, text + qa, qb - qa > 160 ? textin_cp_to_byte(text + qa,
			    qb - qa, 60) : qb - qa);
			buf_puts(&out, "»\n");
		}
		free(text);
		free(path);
		doc_info_done(&d);
	}
	if (json)
		buf_puts(&out, "]\n");
	else
		buf_printf(&out, "%zu disagreements\n", nv);
	cmd_put_text(stdout, out.s, out.len);
out:
	buf_done(&out);
	compare_items_free(v, nv);
	project_close(p);
	free(pair);
	free(ops);
	return rc;
}

const struct cmd cmd_compare = {
	"compare", "PROJECT --coders A,B [--doc DOC] [--json]",
	N_("list two coders' disagreements (paragraph and code) and how each was settled"),
	N_("  --coders A,B   the two coders\n"
	"  -d, --doc DOC  one document only\n"
	"  --json         machine-readable output\n"
	"A unit is a paragraph and a code; A and B disagree on it when exactly\n"
	"one of them applied the code somewhere in the paragraph.\n"), compare_main,
};

static int
consensus_main(const struct cmd *self, int argc, char **argv)
{
	const char *coders = NULL, *note = NULL, *a, *b;
	struct cmd_opt opts[] = {
		{"coders", 0, true, &coders},
		{"note", 0, true, &note},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	char **ops, *pair = NULL;
	int64_t doc, node;
	long long para = 0;
	int n, rc, choice = 0;

	if ((rc = cmd_parse(self, argc, argv, opts, &ops, &n)) != 0)
		return rc;
	/* every operand is checked before the project opens */
	if (!((n == 2 && strcmp(ops[1], "seed") == 0) || n == 5) ||
	    (pair = split_pair(coders, &a, &b)) == NULL)
		rc = cmd_usage(self, NULL);
	else if (n == 5 && !cmd_number(ops[2], 1, INT64_MAX, &para))
		rc = cmd_usage(self, _("PARAGRAPH is a number from 1"));
	else if (n == 5 && (choice = compare_choice_parse(ops[4])) < 0)
		rc = cmd_usage(self, _("choose a, b, both or neither, not '%s'"), ops[4]);
	if (rc != 0)
		goto out;
	if ((rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if (n == 2) {
		size_t added = 0;

		if (compare_seed(p, a, b, &added) != AX_OK)
			rc = cmd_project_error(p);
		else
			printf(ngettext("consensus: %zu agreed coding copied\n",
			    "consensus: %zu agreed codings copied\n", added), added);
		goto out;
	}
	if (doc_find(p, ops[1], &doc) != AX_OK || codetree_find(p, ops[3], &node) != AX_OK ||
	    compare_decide(p, a, b, doc, para - 1, node, (enum compare_choice)choice,
	    note) != AX_OK)
		rc = cmd_project_error(p);
out:
	project_close(p);
	free(pair);
	free(ops);
	return rc;
}

const struct cmd cmd_consensus = {
	"consensus", "PROJECT --coders A,B seed | PROJECT --coders A,B DOC PARAGRAPH CODE a|b|both|neither [--note TEXT]",
	N_("build the consensus coding: copy agreed units, settle disagreements"),
	N_("  seed        copy every unit both coders agree on (A's spans)\n"
	"  DOC PARAGRAPH CODE CHOICE\n"
	"              settle one disagreement: a (A's codings), b, both or\n"
	"              neither, as codings of the coder 'consensus'\n"
	"  --note TEXT why (kept with the decision)\n"
	"Coders A and B and the owner may decide; blind coding must be over.\n"),
	consensus_main,
};
