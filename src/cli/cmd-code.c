/*
 * cmd-code.c: the code tree from the command line: codes, and
 * code add|rename|move|merge|rm|role|color|define. CODE arguments are a
 * name (when unique), a path "Category/Sub/code", or "#ID".
 */
#include <stdlib.h>
#include <string.h>

#include "store/codetree.h"
#include "base/i18n.h"
#include "store/project.h"
#include "cli/cmd.h"

static void
json_node(struct buf *b, struct project *p, const struct node *n)
{
	char *path = codetree_path(p, n->id);

	buf_printf(b, "{\"id\":%lld,\"parent\":%lld,\"kind\":\"%s\",\"name\":",
	    (long long)n->id, (long long)n->parent,
	    n->kind == NODE_CODE ? "code" : "category");
	buf_json_str(b, n->name, strlen(n->name));
	buf_puts(b, ",\"path\":");
	buf_json_str(b, path, strlen(path));
	buf_printf(b, ",\"depth\":%d,\"role\":\"%s\",\"color\":\"%s\","
	    "\"codings\":%lld,\"definition\":", n->depth, paradigm_role_name(n->role),
	    n->color, (long long)n->ncodings);
	buf_json_str(b, n->definition, strlen(n->definition));
	buf_puts(b, ",\"guid\":");
	buf_json_str(b, n->guid, strlen(n->guid));
	buf_putc(b, '}');
	free(path);
}

static int
codes_main(const struct cmd *self, int argc, char **argv)
{
	const char *json = NULL;
	struct cmd_opt opts[] = {
		{"json", 0, false, &json},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct node *t = NULL;
	struct buf b = {0};
	size_t nt = 0, i;
	char **ops;
	int n, rc, d;

	if ((rc = cmd_operands(self, argc, argv, opts, 1, 1,
	    _("expected one project file"), &ops, &n)) != 0 ||
	    (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if (codetree_load(p, &t, &nt) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	if (json) {
		for (i = 0; i < nt; i++) {
			cmd_json_item(&b);
			json_node(&b, p, &t[i]);
		}
		cmd_json_put(&b);
		goto out;
	}
	for (i = 0; i < nt; i++) {
		for (d = 0; d < t[i].depth; d++)
			fputs("  ", stdout);
		fputs(t[i].kind == NODE_CODE ? "- " : "+ ", stdout);
		cmd_put_text(stdout, t[i].name, strlen(t[i].name));
		if (t[i].role != ROLE_NONE)
			printf(" [%s]", paradigm_role_name(t[i].role));
		/* a category shows its own codings when it was applied */
		if (t[i].kind == NODE_CODE || t[i].ncodings > 0)
			printf(" (%lld)", (long long)t[i].ncodings);
		printf("  #%lld\n", (long long)t[i].id);
	}
out:
	buf_done(&b);
	codetree_free(t, nt);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_codes = {
	"codes", "PROJECT [--json]",
	N_("show the code tree: paradigm roles first, codings per code"),
	N_("  --json   machine-readable output (one object per node, depth first)\n"),
	codes_main,
};

/*
 * The shape of every `code X PROJECT ARGS...` command: parse, open for
 * writing, resolve the first `nnodes` arguments after the project to nodes.
 */
static int
code_cmd(const struct cmd *self, int argc, char **argv, int nargs, int nnodes,
    const struct cmd_opt *opts, struct project **pp, int64_t ids[2],
    char ***ops)
{
	int n, rc, i;

	*pp = NULL;
	if ((rc = cmd_operands(self, argc, argv, opts, 1 + nargs, 1 + nargs,
	    NULL, ops, &n)) != 0 ||
	    (rc = cmd_project_open((*ops)[0], NULL, 0, pp)) != CMD_OK)
		return rc;
	for (i = 0; i < nnodes; i++)
		if (codetree_find(*pp, (*ops)[1 + i], &ids[i]) != AX_OK)
			return cmd_project_error(*pp);
	return CMD_OK;
}

static int
code_add_main(const struct cmd *self, int argc, char **argv)
{
	const char *in = NULL, *category = NULL, *color = NULL, *def = NULL;
	struct cmd_opt opts[] = {
		{"in", 'i', true, &in},
		{"category", 'c', false, &category},
		{"color", 0, true, &color},
		{"def", 'd', true, &def},
		{NULL, 0, false, NULL},
	};
	struct project *p;
	char **ops = NULL;
	int64_t ids[2], parent = 0, id;
	int rc = code_cmd(self, argc, argv, 1, 0, opts, &p, ids, &ops);

	if (rc != CMD_OK)
		goto out;
	if (in != NULL && codetree_find(p, in, &parent) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	if (project_begin(p, category ? "category add" : "code add") != AX_OK ||
	    codetree_add(p, parent, category ? NODE_CATEGORY : NODE_CODE, ops[1], &id) != AX_OK ||
	    (color != NULL && codetree_set_color(p, id, color) != AX_OK) ||
	    (def != NULL && codetree_set_definition(p, id, def) != AX_OK) ||
	    project_commit(p) != AX_OK) {
		rc = cmd_project_error(p);
		project_rollback(p);
		goto out;
	}
	printf("#%lld\n", (long long)id);
out:
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_code_add = {
	"code add", "PROJECT NAME [--in CATEGORY] [--category] [--color #RRGGBB] [--def TEXT]",
	N_("create a code (or a category) and print its #ID"),
	N_("  -i, --in CATEGORY   create it under CATEGORY (default: the top level)\n"
	"  -c, --category      create a category instead of a code\n"
	"  --color #RRGGBB     its colour\n"
	"  -d, --def TEXT      its definition\n"), code_add_main,
};


/*
 * The simple code commands: `code X PROJECT CODE [CODE|ARG]`, one model call
 * each. nargs counts the operands after PROJECT, nnodes how many of them
 * name nodes.
 */
static enum ax_status op_rename(struct project *p, const int64_t *id, char **ops)
{ return codetree_rename(p, id[0], ops[2]); }
static enum ax_status op_merge(struct project *p, const int64_t *id, char **ops)
{ (void)ops; return codetree_merge(p, id[0], id[1]); }
static enum ax_status op_rm(struct project *p, const int64_t *id, char **ops)
{ (void)ops; return codetree_remove(p, id[0]); }
static enum ax_status op_color(struct project *p, const int64_t *id, char **ops)
{ return codetree_set_color(p, id[0], ops[2]); }
static enum ax_status op_define(struct project *p, const int64_t *id, char **ops)
{ return codetree_set_definition(p, id[0], ops[2]); }

static const struct {
	const char *name;
	int nargs, nnodes;
	enum ax_status (*op)(struct project *, const int64_t *, char **);
} simple_ops[] = {
	{"code rename", 2, 1, op_rename},
	{"code merge", 2, 2, op_merge},
	{"code rm", 1, 1, op_rm},
	{"code color", 2, 1, op_color},
	{"code define", 2, 1, op_define},
};

static int
code_simple_main(const struct cmd *self, int argc, char **argv)
{
	struct project *p;
	char **ops = NULL;
	int64_t ids[2];
	size_t i;
	int rc;

	for (i = 0; strcmp(simple_ops[i].name, self->name) != 0; i++)
		;	/* every command using this function is in the table */
	rc = code_cmd(self, argc, argv, simple_ops[i].nargs, simple_ops[i].nnodes,
	    NULL, &p, ids, &ops);
	if (rc == CMD_OK && simple_ops[i].op(p, ids, ops) != AX_OK)
		rc = cmd_project_error(p);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_code_rename = {
	"code rename", "PROJECT CODE NEWNAME", N_("rename a code or category"), NULL,
	code_simple_main,
};

static int
code_move_main(const struct cmd *self, int argc, char **argv)
{
	const char *top = NULL;
	struct cmd_opt opts[] = {{"top", 0, false, &top}, {NULL, 0, false, NULL}};
	struct project *p;
	char **ops = NULL;
	int64_t ids[2] = {0, 0};
	int rc;

	/* With --top there is no CATEGORY operand. */
	{
		int i, with_top = 0;

		for (i = 1; i < argc; i++)
			if (strcmp(argv[i], "--top") == 0)
				with_top = 1;
		rc = code_cmd(self, argc, argv, with_top ? 1 : 2, with_top ? 1 : 2,
		    opts, &p, ids, &ops);
	}
	if (rc == CMD_OK && codetree_move(p, ids[0], top ? 0 : ids[1]) != AX_OK)
		rc = cmd_project_error(p);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_code_move = {
	"code move", "PROJECT CODE CATEGORY | PROJECT CODE --top",
	N_("move a code or category into a category (axial coding)"),
	N_("  --top   move it to the top level\n"), code_move_main,
};


const struct cmd cmd_code_merge = {
	"code merge", "PROJECT FROM INTO",
	N_("merge code FROM into code INTO: its codings and memos follow"), NULL,
	code_simple_main,
};


const struct cmd cmd_code_rm = {
	"code rm", "PROJECT CODE",
	N_("delete a code or category with everything under it and their codings "
	"(undoable)"), NULL, code_simple_main,
};

static int
code_role_main(const struct cmd *self, int argc, char **argv)
{
	struct project *p;
	char **ops = NULL;
	int64_t ids[2];
	int rc = code_cmd(self, argc, argv, 2, 1, NULL, &p, ids, &ops);
	int role;

	if (rc == CMD_OK) {
		if ((role = paradigm_role_parse(ops[2])) < 0)
			rc = cmd_error(_("unknown role '%s' (central, causal, contextual, "
			    "intervening, strategies, consequences or none)"), ops[2]);
		else if (codetree_set_role(p, ids[0], (enum paradigm_role)role) != AX_OK)
			rc = cmd_project_error(p);
	}
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_code_role = {
	"code role", "PROJECT CATEGORY ROLE",
	N_("give a top-level category its paradigm-model role"),
	N_("  ROLE   central, causal, contextual, intervening, strategies,\n"
	"         consequences, or none\n"), code_role_main,
};


const struct cmd cmd_code_color = {
	"code color", "PROJECT CODE #RRGGBB", N_("set a code's colour (\"\" for the "
	"theme's default)"), NULL, code_simple_main,
};


const struct cmd cmd_code_define = {
	"code define", "PROJECT CODE TEXT", N_("set a code's definition"), NULL,
	code_simple_main,
};
