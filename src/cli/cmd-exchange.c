/*
 * cmd-exchange.c: export qdpx, export qdc and merge: REFI-QDA files and
 * coders' copies. (REFI-QDA import is `axial import`, in cmd-doc.c.)
 */
#include <stdlib.h>
#include <string.h>

#include "exchange/exchange.h"
#include "base/i18n.h"
#include "store/project.h"
#include "cli/cmd.h"

static int
export_refi(const struct cmd *self, int argc, char **argv, bool qdc)
{
	struct project *p = NULL;
	char **ops, *report = NULL, *err = NULL;
	int n, rc;
	enum ax_status st;

	if ((rc = cmd_operands(self, argc, argv, NULL, 2, 2, NULL, &ops,
	    &n)) != 0 ||
	    (rc = cmd_project_open(ops[0], NULL, PROJECT_READONLY, &p)) != CMD_OK)
		goto out;
	st = qdc ? refi_export_qdc(p, ops[1], &report, &err) :
	    refi_export_qdpx(p, ops[1], &report, &err);
	if (st != AX_OK) {
		rc = cmd_error("%s: %s", ops[0], err);
	} else {
		/* Spec §7: tell the user what could not be carried. */
		cmd_report_lines(ops[1], report);
		printf(_("wrote %s\n"), ops[1]);
	}
out:
	free(report);
	free(err);
	return cmd_end(p, ops, rc);
}

static int
export_qdpx_main(const struct cmd *self, int argc, char **argv)
{
	return export_refi(self, argc, argv, false);
}

static int
export_qdc_main(const struct cmd *self, int argc, char **argv)
{
	return export_refi(self, argc, argv, true);
}

const struct cmd cmd_export_qdpx = {
	"export qdpx", "PROJECT OUT.qdpx",
	N_("export the project as REFI-QDA (ATLAS.ti, MAXQDA, NVivo, QualCoder)"),
	N_("  OUT.qdpx   project.qde plus sources/<guid>.txt (UTF-8, LF); code-point\n"
	"             positions; coders as Users; memos as Notes; attributes as\n"
	"             Variables and Cases; paradigm roles as Sets. What REFI-QDA\n"
	"             cannot carry is listed on standard error.\n"),
	export_qdpx_main,
};

const struct cmd cmd_export_qdc = {
	"export qdc", "PROJECT OUT.qdc",
	N_("export the code tree as a REFI-QDA codebook"),
	N_("  OUT.qdc    codes nested, categories isCodable=\"false\", definitions as\n"
	"             Descriptions, paradigm roles as Sets\n"),
	export_qdc_main,
};

static int
merge_main(const struct cmd *self, int argc, char **argv)
{
	const char *maxarg = NULL;
	struct cmd_opt opts[] = {
		{"max-size", 0, true, &maxarg},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct refi_stats st;
	char **ops, *err = NULL;
	uint64_t max;
	int n, rc;

	memset(&st, 0, sizeof st);
	if ((rc = cmd_operands(self, argc, argv, opts, 2, 2, NULL, &ops,
	    &n)) != 0 || (rc = cmd_max_size(self, maxarg, &max)) != CMD_OK ||
	    (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if (project_begin(p, "merge") != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	if (merge_project(p, ops[1], max, &st, &err) != AX_OK) {
		project_rollback(p);
		rc = cmd_error("%s: %s", ops[1], err);
		goto out;
	}
	if (project_commit(p) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	printf(_("merged %s: %lld codings added (%lld already present), "
	    "%lld links, %lld codings of link evidence, %lld coders and %lld "
	    "memos added\n"), ops[1], (long long)st.codings,
	    (long long)st.skipped, (long long)st.links, (long long)st.evidence,
	    (long long)st.coders, (long long)st.memos);
	cmd_report_lines(ops[1], st.report);
out:
	refi_stats_done(&st);
	free(err);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_merge = {
	"merge", "PROJECT OTHER [--max-size SIZE]",
	N_("add a coder's copy (an axial project or .qdpx): their codings and "
	"links, under their own coders"),
	N_("  OTHER      another axial project, or a REFI-QDA .qdpx\n"
	"             Documents are matched by the SHA-256 of their text, codes\n"
	"             by GUID, then by category path; what cannot be matched is\n"
	"             reported. Codings come with their memos, links with their\n"
	"             types, memos and evidence, and the core category if this\n"
	"             project has none. What is already present is skipped, so\n"
	"             merging the same file twice adds nothing. One action: an\n"
	"             error changes nothing.\n"
	"  --max-size SIZE\n"
	"             the largest .qdpx to read, e.g. 500M or 2G (default\n"
	"             256M); only regular files are read\n"
	"  --as CODER act as CODER (tied to your account by the owner)\n"),
	merge_main,
};
