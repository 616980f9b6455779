/*
 * cmd-memo.c: memo add|list|edit|rm. A memo is on a document, a code or
 * category, a coding, a link, or free-standing: --on document:DOC, --on
 * code:CODE, --on coding:ID, --on link:ID; TEXT "-" reads the memo from
 * standard input.
 */
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/codetree.h"
#include "store/document.h"
#include "base/i18n.h"
#include "store/memo.h"
#include "store/project.h"
#include "cli/cmd.h"

/*
 * The kind of --on KIND:REF (MEMO_FREE for none or "free"), and REF, or -1
 * when it is none: a usage error, found before the project opens. A
 * coding's REF is its #ID, into *coding.
 */
static int
on_parse(const char *on, const char **ref, long long *coding)
{
	const char *colon;
	char *kind;
	int k;

	*ref = NULL;
	if (on == NULL || strcmp(on, "free") == 0)
		return MEMO_FREE;
	if ((colon = strchr(on, ':')) == NULL)
		return -1;
	kind = xstrndup(on, (size_t)(colon - on));
	k = memo_target_parse(kind);
	free(kind);
	*ref = colon + 1;
	if (k == MEMO_CODING || k == MEMO_LINK)
		return cmd_number(*ref + (**ref == '#'), 1, INT64_MAX, coding) ? k : -1;
	return k == MEMO_DOCUMENT || k == MEMO_NODE ? k : -1;
}

/* Checks --on KIND:REF before the project opens: 0 or a usage error. */
static int
on_check(const struct cmd *self, const char *on)
{
	const char *ref;
	long long id;

	if (on_parse(on, &ref, &id) < 0)
		return cmd_usage(self, _("--on takes document:DOC, code:CODE, "
		    "coding:ID or link:ID, not '%s'"), on);
	return 0;
}

/* Resolves --on KIND:REF, which on_check passed; CMD_OK or CMD_ERROR. */
static int
resolve_on(struct project *p, const char *on, enum memo_target *t, int64_t *id)
{
	const char *ref;
	long long coding = 0;
	int k = on_parse(on, &ref, &coding);

	assert(k >= 0);
	*t = (enum memo_target)k;
	*id = coding;
	if ((k == MEMO_DOCUMENT && doc_find(p, ref, id) != AX_OK) ||
	    (k == MEMO_NODE && codetree_find(p, ref, id) != AX_OK))
		return cmd_project_error(p);
	return CMD_OK;
}

/* TEXT, or standard input for "-". The caller frees it. */
static char *
memo_text(const char *arg)
{
	struct buf b = {0};
	char chunk[4096];
	ssize_t n;

	if (strcmp(arg, "-") != 0)
		return xstrdup(arg);
	while ((n = read(0, chunk, sizeof chunk)) > 0)
		buf_add(&b, chunk, (size_t)n);
	if (b.s != NULL && memchr(b.s, '\0', b.len) != NULL) {
		buf_done(&b);
		return NULL;
	}
	return buf_take(&b);
}

static int
memo_add_main(const struct cmd *self, int argc, char **argv)
{
	const char *on = NULL, *type = NULL, *title = NULL;
	struct cmd_opt opts[] = {
		{"on", 'o', true, &on},
		{"type", 't', true, &type},
		{"title", 0, true, &title},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	enum memo_target t;
	char **ops, *text = NULL;
	int64_t tid, id;
	int n, rc, ty = MEMO_TYPE_FREE;

	if ((rc = cmd_operands(self, argc, argv, opts, 2, 2, NULL, &ops,
	    &n)) != 0)
		goto out;
	if (type != NULL && (ty = memo_type_parse(type)) < 0)
		rc = cmd_usage(self, _("unknown memo type '%s' (free, code, "
		    "theoretical, operational, storyline)"), type);
	if (rc != 0 || (rc = on_check(self, on)) != 0 ||
	    (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK ||
	    (rc = resolve_on(p, on, &t, &tid)) != CMD_OK)
		goto out;
	if ((text = memo_text(ops[1])) == NULL) {
		rc = cmd_error(_("the memo text has a NUL byte"));
		goto out;
	}
	if (memo_add(p, t, tid, (enum memo_type)ty, title ? title : "", text, &id) != AX_OK)
		rc = cmd_project_error(p);
	else
		printf("#%lld\n", (long long)id);
out:
	free(text);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_memo_add = {
	"memo add", "PROJECT TEXT|- [--on KIND:REF] [--type TYPE] [--title TITLE]",
	N_("write a memo; prints its #ID"),
	N_("  -o, --on KIND:REF  document:DOC, code:CODE, coding:ID, link:ID\n"
	"                     (default: free)\n"
	"  -t, --type TYPE    free, code, theoretical, operational, or storyline\n"
	"                     (on a category, normally the core: code core)\n"
	"  --title TITLE      a title\n"
	"  TEXT               the memo, or - to read it from standard input\n"),
	memo_add_main,
};

static int
memo_list_main(const struct cmd *self, int argc, char **argv)
{
	const char *on = NULL, *json = NULL;
	struct cmd_opt opts[] = {
		{"on", 'o', true, &on},
		{"json", 0, false, &json},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	struct memo *m = NULL;
	size_t nm = 0, i;
	enum memo_target t = MEMO_FREE;
	int64_t tid = -1;
	struct buf b = {0};
	char **ops;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 1, 1, NULL, &ops,
	    &n)) != 0 || (rc = on_check(self, on)) != 0 ||
	    (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK ||
	    (on != NULL && (rc = resolve_on(p, on, &t, &tid)) != CMD_OK))
		goto out;
	memo_list(p, t, tid, &m, &nm);
	for (i = 0; i < nm; i++) {
		if (json) {
			cmd_json_item(&b);
			buf_printf(&b, "{\"id\":%lld,\"on\":\"%s\",\"target\":%lld,"
			    "\"type\":\"%s\",\"author\":", (long long)m[i].id,
			    memo_target_name(m[i].target), (long long)m[i].target_id,
			    memo_type_name(m[i].type));
			buf_json_str(&b, m[i].author, strlen(m[i].author));
			buf_printf(&b, ",\"created\":%lld,\"modified\":%lld,\"title\":",
			    (long long)m[i].created, (long long)m[i].modified);
			buf_json_str(&b, m[i].title, strlen(m[i].title));
			buf_puts(&b, ",\"text\":");
			buf_json_str(&b, m[i].body, strlen(m[i].body));
			buf_putc(&b, '}');
		} else {
			printf("#%lld %s", (long long)m[i].id, memo_target_name(m[i].target));
			if (m[i].target != MEMO_FREE)
				printf(" #%lld", (long long)m[i].target_id);
			printf(" (%s) by ", memo_type_name(m[i].type));
			cmd_put_text(stdout, m[i].author, strlen(m[i].author));
			if (m[i].title[0] != '\0') {
				fputs(": ", stdout);
				cmd_put_text(stdout, m[i].title, strlen(m[i].title));
			}
			putchar('\n');
			cmd_put_text(stdout, m[i].body, strlen(m[i].body));
			if (m[i].body[0] != '\0' && m[i].body[strlen(m[i].body) - 1] != '\n')
				putchar('\n');
		}
	}
	if (json)
		cmd_json_put(&b);
out:
	buf_done(&b);
	memo_list_free(m, nm);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_memo_list = {
	"memo list", "PROJECT [--on KIND:REF] [--json]", N_("list memos"),
	N_("  -o, --on KIND:REF  only memos on this (free: only free memos)\n"
	"  --json             machine-readable output\n"), memo_list_main,
};

static int
memo_id_cmd(const struct cmd *self, int argc, char **argv, bool edit)
{
	const char *title = NULL;
	struct cmd_opt opts[] = {
		{"title", 0, true, &title},
		{NULL, 0, false, NULL},
	};
	struct project *p = NULL;
	char **ops, *text = NULL;
	int n, rc;
	long long id;

	if ((rc = cmd_operands(self, argc, argv, opts, edit ? 3 : 2,
	    edit ? 3 : 2, NULL, &ops, &n)) != 0)
		goto out;
	if (!cmd_number(ops[1] + (ops[1][0] == '#'), 1, INT64_MAX, &id))
		rc = cmd_usage(self, _("'%s' is not a memo's #ID"), ops[1]);
	if (rc != 0 || (rc = cmd_project_open(ops[0], NULL, 0, &p)) != CMD_OK)
		goto out;
	if (edit && (text = memo_text(ops[2])) == NULL)
		rc = cmd_error(_("the memo text has a NUL byte"));
	else if (edit ? memo_update(p, id, title, text) != AX_OK : memo_remove(p, id) != AX_OK)
		rc = cmd_project_error(p);
out:
	free(text);
	return cmd_end(p, ops, rc);
}

static int
memo_edit_main(const struct cmd *self, int argc, char **argv)
{
	return memo_id_cmd(self, argc, argv, true);
}

static int
memo_rm_main(const struct cmd *self, int argc, char **argv)
{
	return memo_id_cmd(self, argc, argv, false);
}

const struct cmd cmd_memo_edit = {
	"memo edit", "PROJECT MEMO TEXT|- [--title TITLE]",
	N_("replace a memo's text"), NULL, memo_edit_main,
};

const struct cmd cmd_memo_rm = {
	"memo rm", "PROJECT MEMO", N_("delete a memo (undoable)"), NULL, memo_rm_main,
};
