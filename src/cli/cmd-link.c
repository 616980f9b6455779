/*
 * cmd-link.c: links between codes and categories (axial coding) from the
 * command line: link add|rm|evidence|memo, links, link type add, link
 * types, and code core (selective coding). FROM, TO and CODE are what
 * codetree_find takes (a name, a path, "#ID"); TYPE what link_type_find
 * takes (a short name such as part-of, a name, "#ID"); a link and a coding
 * are given by their #ID.
 */
#include <stdlib.h>
#include <string.h>

#include "store/coder.h"
#include "store/codetree.h"
#include "base/i18n.h"
#include "store/link.h"
#include "store/memo.h"
#include "store/project.h"
#include "cli/cmd.h"

/* "#ID" or "ID" into *id; false when s is neither. */
static bool
hash_id(const char *s, int64_t *id)
{
	long long v;

	if (!cmd_number(s + (s[0] == '#'), 1, INT64_MAX, &v))
		return false;
	*id = v;
	return true;
}

/* Node id's path, or "#ID" when a damaged file names a node not there. */
static char *
node_path(struct project *p, int64_t id)
{
	char *path = codetree_path(p, id);

	if (path[0] != '\0')
		return path;
	free(path);
	return xasprintf("#%lld", (long long)id);
}

static int
link_add_main(const struct cmd *self, int argc, char **argv)
{
	const char *type = NULL, *undirected = NULL, *memo = NULL;
	struct cmd_opt opts[] = {
		{"type", 't', true, &type},
		{"undirected", 'u', false, &undirected},
		{"memo", 'm', true, &memo},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	char **ops;
	int64_t from, to, tid, id;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 3, 3, NULL, &ops,
	    &n)) != 0)
		goto out;
	if (type == NULL) {
		rc = cmd_usage(self, _("--type is needed: causes, context, "
		    "intervenes, strategy, leads-to, part-of, contradicts or a "
		    "type of the project's (axial link types)"));
		goto out;
	}
	if ((rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if (codetree_find(p, ops[1], &from) != AX_OK ||
	    codetree_find(p, ops[2], &to) != AX_OK ||
	    link_type_find(p, type, &tid) != AX_OK ||
	    link_add(p, from, to, tid, undirected == NULL, memo, &id) != AX_OK)
		rc = cmd_project_error(p);
	else
		printf("#%lld\n", (long long)id);
out:
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_link_add = {
	"link add", "PROJECT FROM TO --type TYPE [--undirected] [--memo TEXT]",
	N_("link two codes or categories (axial coding); prints the link's #ID"),
	N_("  -t, --type TYPE     causes, context, intervenes, strategy, leads-to,\n"
	"                      part-of, contradicts, or a type the project added\n"
	"  -u, --undirected    no direction (FROM and TO are then alike)\n"
	"  -m, --memo TEXT     a memo on the link\n"), link_add_main,
};

/* The type's name in English for a built-in (machine-readable output),
 * else as the project named it. */
static const char *
type_json_name(const struct link_type *t)
{
	const char *en = t->key != NULL ? link_builtin_name(t->id) : NULL;

	return en != NULL ? en : t->name;
}

/* The login of coder id among cs, or NULL. */
static const char *
login_of(const struct coder *cs, size_t nc, int64_t id)
{
	size_t i;

	for (i = 0; i < nc; i++)
		if (cs[i].id == id)
			return cs[i].login;
	return NULL;
}

static const struct link_type *
type_of(const struct link_type *t, size_t nt, int64_t id)
{
	size_t i;

	for (i = 0; i < nt; i++)
		if (t[i].id == id)
			return &t[i];
	return NULL;
}

static void
json_end(struct buf *b, struct project *p, const char *key, int64_t id)
{
	struct node nd;
	char *path = node_path(p, id);
	bool found = codetree_get(p, id, &nd) == AX_OK;

	buf_printf(b, ",\"%s\":%lld,\"%s_name\":", key, (long long)id, key);
	if (found)
		buf_json_str(b, nd.name, strlen(nd.name));
	else
		buf_puts(b, "null");
	buf_printf(b, ",\"%s_path\":", key);
	buf_json_str(b, path, strlen(path));
	buf_printf(b, ",\"%s_kind\":", key);
	buf_puts(b, !found ? "null" : nd.kind == NODE_CODE ? "\"code\"" :
	    "\"category\"");
	if (found)
		node_done(&nd);
	free(path);
}

static void
json_link(struct buf *b, struct project *p, const struct link *l,
    const struct link_type *t, const char *author, const struct memo *m,
    const int64_t *ev, size_t nev)
{
	size_t i;

	buf_printf(b, "{\"id\":%lld", (long long)l->id);
	json_end(b, p, "from", l->from);
	json_end(b, p, "to", l->to);
	buf_printf(b, ",\"type\":%lld,\"type_key\":", (long long)l->type);
	if (t != NULL && t->key != NULL)
		buf_json_str(b, t->key, strlen(t->key));
	else
		buf_puts(b, "null");
	buf_puts(b, ",\"type_name\":");
	if (t != NULL)
		buf_json_str(b, type_json_name(t), strlen(type_json_name(t)));
	else
		buf_puts(b, "null");
	buf_printf(b, ",\"directed\":%s,\"author\":", l->directed ? "true" :
	    "false");
	if (author != NULL)
		buf_json_str(b, author, strlen(author));
	else
		buf_puts(b, "null");
	buf_printf(b, ",\"created\":%lld,\"guid\":", (long long)l->created);
	buf_json_str(b, l->guid, strlen(l->guid));
	buf_printf(b, ",\"memo\":%lld,\"memo_text\":", (long long)l->memo);
	if (m != NULL)
		buf_json_str(b, m->body, strlen(m->body));
	else
		buf_puts(b, "null");
	buf_puts(b, ",\"evidence\":[");
	for (i = 0; i < nev; i++)
		buf_printf(b, "%s%lld", i ? "," : "", (long long)ev[i]);
	buf_puts(b, "]}");
}

/* One link as a line: #ID, FROM, TYPE, TO, the direction, the evidence
 * count and the memo's first line, tab-separated. */
static void
print_link(struct project *p, const struct link *l, const struct link_type *t,
    const struct memo *m)
{
	char *from = node_path(p, l->from), *to = node_path(p, l->to);
	char *tname = t != NULL ? xstrdup(t->name) :
	    xasprintf("#%lld", (long long)l->type);

	printf("#%lld\t", (long long)l->id);
	cmd_put_text(stdout, from, strlen(from));
	putchar('\t');
	cmd_put_text(stdout, tname, strlen(tname));
	putchar('\t');
	cmd_put_text(stdout, to, strlen(to));
	printf("\t%s\t%zu\t", l->directed ? "→" : "—", l->nevidence);
	if (m != NULL)
		cmd_put_text(stdout, m->body, strcspn(m->body, "\n"));
	putchar('\n');
	free(from);
	free(to);
	free(tname);
}

static int
links_main(const struct cmd *self, int argc, char **argv)
{
	const char *code = NULL, *json = NULL;
	struct cmd_opt opts[] = {
		{"code", 'c', true, &code},
		{"json", 0, false, &json},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct link *l = NULL;
	struct link_type *t = NULL;
	struct coder *cs = NULL;
	struct buf b = {0};
	size_t nl = 0, nt = 0, nc = 0, i;
	char **ops;
	int64_t node = 0;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 1, 1, NULL, &ops,
	    &n)) != 0 || (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if ((code != NULL && codetree_find(p, code, &node) != AX_OK) ||
	    link_type_list(p, &t, &nt) != AX_OK ||
	    coder_list(p, &cs, &nc) != AX_OK ||
	    link_list(p, node, &l, &nl) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	for (i = 0; i < nl; i++) {
		const struct link_type *ty = type_of(t, nt, l[i].type);
		struct memo m;
		bool has_memo = l[i].memo != 0 && memo_get(p, l[i].memo, &m) == AX_OK;

		if (json) {
			int64_t *ev = NULL;
			size_t nev = 0;

			link_evidence_list(p, l[i].id, &ev, &nev);
			cmd_json_item(&b);
			json_link(&b, p, &l[i], ty, login_of(cs, nc, l[i].author),
			    has_memo ? &m : NULL, ev, nev);
			free(ev);
		} else {
			print_link(p, &l[i], ty, has_memo ? &m : NULL);
		}
		if (has_memo)
			memo_done(&m);
	}
	if (json)
		cmd_json_put(&b);
out:
	buf_done(&b);
	link_list_free(l, nl);
	link_type_list_free(t, nt);
	coder_list_free(cs, nc);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_links = {
	"links", "PROJECT [--code CODE] [--json]",
	N_("list the links between codes and categories"),
	N_("  -c, --code CODE   only the links at CODE (either end)\n"
	"  --json            machine-readable output (one object per link)\n"
	"One line per link: #ID, FROM, TYPE, TO, → (directed) or —,\n"
	"the number of codings attached as evidence, the memo's first line.\n"),
	links_main,
};

/*
 * The shape of `link X PROJECT #ID [ARG]`: parse (nargs operands after
 * PROJECT, the first a link's #ID, the second a coding's #ID when coding
 * is not NULL), then open for writing: a usage error leaves the project
 * alone.
 */
static int
link_id_cmd(const struct cmd *self, int argc, char **argv, int nargs,
    const struct cmd_opt *opts, struct project **pp, int64_t *id,
    int64_t *coding, char ***ops)
{
	int n, rc;

	*pp = NULL;
	if ((rc = cmd_operands(self, argc, argv, opts, 1 + nargs, 1 + nargs,
	    NULL, ops, &n)) != 0)
		return rc;
	if (!hash_id((*ops)[1], id))
		return cmd_usage(self, _("'%s' is not a link's #ID"), (*ops)[1]);
	if (coding != NULL && !hash_id((*ops)[2], coding))
		return cmd_usage(self, _("'%s' is not a coding's #ID"), (*ops)[2]);
	return cmd_project_open((*ops)[0], NULL, 0, pp);
}

static int
link_rm_main(const struct cmd *self, int argc, char **argv)
{
	struct project *p;
	char **ops = NULL;
	int64_t id;
	int rc = link_id_cmd(self, argc, argv, 1, NULL, &p, &id, NULL, &ops);

	if (rc == CMD_OK && link_remove(p, id) != AX_OK)
		rc = cmd_project_error(p);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_link_rm = {
	"link rm", "PROJECT LINK",
	N_("delete a link with its evidence and memo (undoable)"), NULL,
	link_rm_main,
};

static int
link_evidence_main(const struct cmd *self, int argc, char **argv)
{
	const char *remove = NULL;
	struct cmd_opt opts[] = {
		{"remove", 'r', false, &remove},
		{NULL, 0, false, NULL},
	};
	struct project *p;
	char **ops = NULL;
	int64_t id, coding;
	int rc = link_id_cmd(self, argc, argv, 2, opts, &p, &id, &coding, &ops);

	if (rc == CMD_OK && (remove ? link_evidence_remove(p, id, coding) :
	    link_evidence_add(p, id, coding)) != AX_OK)
		rc = cmd_project_error(p);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_link_evidence = {
	"link evidence", "PROJECT LINK CODING [--remove]",
	N_("attach a coding to a link as evidence of it"),
	N_("  -r, --remove   detach it instead\n"
	"  CODING         a coding's #ID (axial codings lists them)\n"),
	link_evidence_main,
};

static int
link_memo_main(const struct cmd *self, int argc, char **argv)
{
	struct project *p;
	char **ops = NULL;
	int64_t id;
	int rc = link_id_cmd(self, argc, argv, 2, NULL, &p, &id, NULL, &ops);

	if (rc == CMD_OK && link_set_memo(p, id, ops[2]) != AX_OK)
		rc = cmd_project_error(p);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_link_memo = {
	"link memo", "PROJECT LINK TEXT",
	N_("write, replace or (with \"\") remove a link's memo"), NULL,
	link_memo_main,
};

static int
link_type_add_main(const struct cmd *self, int argc, char **argv)
{
	const char *color = NULL;
	struct cmd_opt opts[] = {
		{"color", 0, true, &color},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	char **ops;
	int64_t id;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 2, 2, NULL, &ops,
	    &n)) != 0 || (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if (link_type_add(p, ops[1], color, &id) != AX_OK)
		rc = cmd_project_error(p);
	else
		printf("#%lld\n", (long long)id);
out:
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_link_type_add = {
	"link type add", "PROJECT NAME [--color #RRGGBB]",
	N_("add a link type of the project's own; prints its #ID"),
	N_("  --color #RRGGBB   its colour\n"), link_type_add_main,
};

static int
link_types_main(const struct cmd *self, int argc, char **argv)
{
	const char *json = NULL;
	struct cmd_opt opts[] = {
		{"json", 0, false, &json},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct link_type *t = NULL;
	struct buf b = {0};
	size_t nt = 0, i;
	char **ops;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 1, 1, NULL, &ops,
	    &n)) != 0 || (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if (link_type_list(p, &t, &nt) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	for (i = 0; i < nt; i++) {
		if (json) {
			cmd_json_item(&b);
			buf_printf(&b, "{\"id\":%lld,\"key\":", (long long)t[i].id);
			if (t[i].key != NULL)
				buf_json_str(&b, t[i].key, strlen(t[i].key));
			else
				buf_puts(&b, "null");
			buf_puts(&b, ",\"name\":");
			buf_json_str(&b, type_json_name(&t[i]),
			    strlen(type_json_name(&t[i])));
			buf_puts(&b, ",\"color\":");
			buf_json_str(&b, t[i].color, strlen(t[i].color));
			buf_printf(&b, ",\"builtin\":%s}", t[i].key != NULL &&
			    link_builtin_name(t[i].id) != NULL ? "true" : "false");
			continue;
		}
		printf("#%lld\t%s\t", (long long)t[i].id,
		    t[i].key != NULL ? t[i].key : "-");
		cmd_put_text(stdout, t[i].name, strlen(t[i].name));
		printf("\t%s\n", t[i].color);
	}
	if (json)
		cmd_json_put(&b);
out:
	buf_done(&b);
	link_type_list_free(t, nt);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_link_types = {
	"link types", "PROJECT [--json]",
	N_("list the link types: the paradigm model's, then the project's"),
	N_("  --json   machine-readable output (built-in names in English)\n"
	"One line per type: #ID, its short name (- for the project's own),\n"
	"its name, its colour.\n"), link_types_main,
};

static int
code_core_main(const struct cmd *self, int argc, char **argv)
{
	const char *clear = NULL;
	struct cmd_opt opts[] = {
		{"clear", 0, false, &clear},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	char **ops, *path;
	int64_t id = 0;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 1, 2, NULL, &ops,
	    &n)) != 0)
		goto out;
	if (clear != NULL && n == 2) {
		rc = cmd_usage(self, _("give a category or --clear, not both"));
		goto out;
	}
	if ((rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if (n == 1 && clear == NULL) {
		/* no category: say which one is the core */
		link_core_get(p, &id);
		if (id != 0) {
			path = node_path(p, id);
			printf("#%lld\t", (long long)id);
			cmd_put_text(stdout, path, strlen(path));
			putchar('\n');
			free(path);
		}
		goto out;
	}
	if ((n == 2 && codetree_find(p, ops[1], &id) != AX_OK) ||
	    link_core_set(p, id) != AX_OK)
		rc = cmd_project_error(p);
out:
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_code_core = {
	"code core", "PROJECT [CATEGORY | --clear]",
	N_("mark the core category (selective coding), or show it"),
	N_("  CATEGORY   the category the study's story turns on (not a code)\n"
	"  --clear    the project has no core category\n"
	"Without either, prints the core category's #ID and path, if any.\n"),
	code_core_main,
};
