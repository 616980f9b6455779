/*
 * cmd-compare.c: compare (two coders' disagreements, unit by unit) and
 * consensus (settle one, or seed the agreed units). Paragraphs are shown
 * and taken 1-based.
 */
#include <stdlib.h>
#include <string.h>

#include "store/codetree.h"
#include "store/compare.h"
#include "store/document.h"
#include "base/i18n.h"
#include "store/project.h"
#include "base/textin.h"
#include "cli/cmd.h"

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

/* What the decision did, for the JSON: "open", "kept" or "dropped". */
static const char *
outcome(const struct compare_item *it)
{
	if (it->decided == COMPARE_NONE)
		return "open";
	return compare_keeps(it, it->decided) ? "kept" : "dropped";
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
	size_t nv = 0, i, open = 0;
	char **ops, *pair = NULL;
	int64_t doc = 0;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 1, 1, NULL, &ops,
	    &n)) != 0)
		goto out;
	if ((pair = split_pair(coders, &a, &b)) == NULL)
		rc = cmd_usage(self, _("--coders A,B names the coders to compare"));
	if (rc != 0 || (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if ((docref && doc_find(p, docref, &doc) != AX_OK) ||
	    compare_list(p, a, b, doc, &v, &nv) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	for (i = 0; i < nv; i++)
		open += v[i].decided == COMPARE_NONE;
	if (json)
		buf_putc(&out, '[');
	for (i = 0; i < nv; i++) {
		struct doc_info d;
		char *path = codetree_path(p, v[i].node), *text = NULL;
		size_t len = 0, qa, qb;

		doc_get(p, v[i].doc, &d);
		doc_text(p, v[i].doc, &text, &len);
		textin_cp_span(text, len, (size_t)v[i].span_start,
		    (size_t)v[i].span_end, &qa, &qb);
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
			buf_printf(&out, ",\"outcome\":\"%s\"}", outcome(&v[i]));
		} else {
			buf_printf(&out, "%s ¶%lld  ", d.name, (long long)v[i].para + 1);
			buf_printf(&out, _("only %s applied %s:"), v[i].a ? a : b, path);
			buf_puts(&out, "  «");
			buf_add(&out, text + qa, qb - qa > 160 ? textin_cp_to_byte(text + qa,
			    qb - qa, 60) : qb - qa);
			buf_puts(&out, "»  ");
			/* in words, so "a" on a code only B applied reads as dropped */
			if (v[i].decided == COMPARE_NONE)
				buf_puts(&out, _("open"));
			else
				buf_printf(&out, compare_keeps(&v[i], v[i].decided) ?
				    _("settled: kept «%s» here") :
				    _("settled: dropped «%s» here"), path);
			buf_putc(&out, '\n');
		}
		free(text);
		free(path);
		doc_info_done(&d);
	}
	if (json)
		buf_puts(&out, "]\n");
	else
		buf_printf(&out, ngettext("%zu disagreement, %zu settled, %zu left\n",
		    "%zu disagreements, %zu settled, %zu left\n", nv), nv, nv - open,
		    open);
	cmd_put_text(stdout, out.s, out.len);
out:
	buf_done(&out);
	compare_items_free(v, nv);
	free(pair);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_compare = {
	"compare", "PROJECT --coders A,B [--doc DOC] [--json]",
	N_("list two coders' disagreements (paragraph and code) and how each was settled"),
	N_("  --coders A,B   the two coders\n"
	"  -d, --doc DOC  one document only\n"
	"  --json         machine-readable output\n"
	"A unit is a paragraph and a code; A and B disagree on it when exactly\n"
	"one of them applied the code somewhere in the paragraph. Each line says\n"
	"whether it is open or was settled by keeping or dropping the code there,\n"
	"and the last line counts the settled ones and those left.\n"), compare_main,
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
	struct compare_outcome res;
	struct doc_info d;
	char **ops, *pair = NULL, *path;
	int64_t doc, node;
	long long para = 0;
	int n, rc, choice = 0;

	/* every operand is checked before the project opens */
	if ((rc = cmd_operands(self, argc, argv, opts, 2, 5, NULL, &ops,
	    &n)) != 0)
		goto out;
	if (!((n == 2 && strcmp(ops[1], "seed") == 0) || n == 5) ||
	    (pair = split_pair(coders, &a, &b)) == NULL)
		rc = cmd_usage(self, NULL);
	else if (n == 5 && !cmd_number(ops[2], 1, INT64_MAX, &para))
		rc = cmd_usage(self, _("PARAGRAPH is a number from 1"));
	else if (n == 5 && (choice = compare_choice_parse(ops[4])) < 0)
		rc = cmd_usage(self, _("choose keep, drop, a, b, both or neither, not '%s'"),
		    ops[4]);
	if (rc != 0 || (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
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
	    note, &res) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	if (res.seeded > 0)
		printf(ngettext("consensus: started with %zu agreed coding\n",
		    "consensus: started with %zu agreed codings\n", res.seeded),
		    res.seeded);
	path = codetree_path(p, node);
	if (doc_get(p, doc, &d) != AX_OK) {
		free(path);
		rc = cmd_project_error(p);
		goto out;
	}
	printf(res.kept ? _("consensus: kept «%s» in %s paragraph %lld\n") :
	    _("consensus: dropped «%s» from %s paragraph %lld\n"), path, d.name, para);
	doc_info_done(&d);
	free(path);
out:
	free(pair);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_consensus = {
	"consensus", "PROJECT --coders A,B seed | PROJECT --coders A,B DOC PARAGRAPH CODE keep|drop|a|b|both|neither [--note TEXT]",
	N_("build the consensus coding: copy agreed units, settle disagreements"),
	N_("  seed        copy every unit both coders agree on (A's spans)\n"
	"  DOC PARAGRAPH CODE CHOICE\n"
	"              settle one disagreement (only one coder applied CODE in\n"
	"              that paragraph) as codings of the coder 'consensus':\n"
	"              keep  keep CODE here (that coder's spans)\n"
	"              drop  drop CODE here\n"
	"              a     A's codings: keeps CODE if A applied it, else drops it\n"
	"              b     B's codings: keeps CODE if B applied it, else drops it\n"
	"              both  keep both coders' spans (the same as keep)\n"
	"              neither  no coder's spans (the same as drop)\n"
	"  --note TEXT why (kept with the decision)\n"
	"The first decision also copies the agreed units, as seed does, in the\n"
	"same action: `axial undo` takes back one decision at a time.\n"
	"Coders A and B and the owner may decide; blind coding must be over.\n"),
	consensus_main,
};
