/*
 * cmd-search.c: axial search (a keyword-in-context line per hit across
 * the documents, and memos) and axial autocode (a code on every hit, or
 * the sentence, paragraph or turn around it). docs/search.md.
 *
 * Hits are written as they are found, JSON included, so a query with a
 * million hits costs one document's text in memory, not a million lines.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>


#include "stats/autocode.h"
#include "store/codetree.h"
#include "store/document.h"
#include "store/search.h"
#include "base/i18n.h"
#include "store/project.h"
#include "cli/cmd.h"

/* Code points of context on each side of a hit. */
#define CONTEXT 30

struct out {
	bool json;
	long long limit;	/* 0: all */
	size_t hits, docs;
	int64_t last;		/* the last text with a hit (memos negative) */
	struct buf b;
};

/* s[a..b) with tabs as spaces (the line's fields are tab-separated). */
static void
put_field(struct buf *b, const char *s, size_t a, size_t e)
{
	for (; a < e; a++)
		buf_putc(b, s[a] == '\t' ? ' ' : s[a]);
}

static bool
print_hit(void *arg, const struct search_hit *h)
{
	struct out *o = arg;
	const char *t = h->para_text;
	size_t bl, bs, be, br;
	int64_t key = h->doc_id != 0 ? h->doc_id : -h->memo_id;

	search_hit_kwic(h, CONTEXT, &bl, &bs, &be, &br);
	buf_reset(&o->b);
	if (key != o->last) {
		o->docs++;
		o->last = key;
	}
	o->hits++;
	if (o->json) {
		buf_puts(&o->b, o->hits > 1 ? ",\n{" : "[\n{");
		if (h->doc_id != 0)
			buf_printf(&o->b, "\"document\":");
		else
			buf_printf(&o->b, "\"memo\":%lld,\"title\":",
			    (long long)h->memo_id);
		buf_json_str(&o->b, h->name, strlen(h->name));
		buf_printf(&o->b, ",\"paragraph\":%zu,\"start\":%zu,\"end\":%zu,"
		    "\"speaker\":", h->para + 1, h->start, h->end);
		buf_json_str(&o->b, h->speaker, strlen(h->speaker));
		buf_puts(&o->b, ",\"left\":");
		buf_json_str(&o->b, t + bl, bs - bl);
		buf_puts(&o->b, ",\"hit\":");
		buf_json_str(&o->b, t + bs, be - bs);
		buf_puts(&o->b, ",\"right\":");
		buf_json_str(&o->b, t + be, br - be);
		buf_putc(&o->b, '}');
		fwrite(o->b.s, 1, o->b.len, stdout);
	} else {
		if (h->doc_id == 0)
			buf_printf(&o->b, _("memo #%lld"), (long long)h->memo_id);
		else
			buf_puts(&o->b, h->name);
		buf_printf(&o->b, "\t%zu\t", h->para + 1);
		put_field(&o->b, t, bl, bs);
		buf_putc(&o->b, '\t');
		put_field(&o->b, t, bs, be);
		buf_putc(&o->b, '\t');
		put_field(&o->b, t, be, br);
		buf_putc(&o->b, '\n');
		cmd_put_text(stdout, o->b.s, o->b.len);
	}
	return o->limit == 0 || (long long)o->hits < o->limit;
}

/* The options both commands share into q; CMD_OK or the usage error. */
static int
query_opts(const struct cmd *self, struct project *p, const char *doc,
    const char *word, const char *speaker, struct search_query *q)
{
	(void)self;
	q->flags |= word != NULL ? SEARCH_WORD : 0;
	q->speaker = speaker;
	if (doc != NULL && doc_find(p, doc, &q->doc_id) != AX_OK)
		return cmd_project_error(p);
	return CMD_OK;
}

static void
degraded_note(const char *file)
{
	fprintf(stderr, _("axial: %s: the search index could not be used, so "
	    "every text was read; 'axial check --repair %s' rebuilds it\n"),
	    file, file);
}

static int
search_main(const struct cmd *self, int argc, char **argv)
{
	const char *doc = NULL, *speaker = NULL, *memos = NULL, *word = NULL,
	    *json = NULL, *limit = NULL;
	struct cmd_opt opts[] = {
		{"doc", 0, true, &doc},
		{"speaker", 0, true, &speaker},
		{"memos", 0, false, &memos},
		{"word", 'w', false, &word},
		{"json", 0, false, &json},
		{"limit", 0, true, &limit},
		{NULL, 0, false, NULL},
	};
	struct search_query q = {0};
	struct out o = {0};
	struct project *p = NULL;
	bool degraded = false;
	char **ops;
	int n, rc;

	if ((rc = cmd_operands(self, argc, argv, opts, 2, 2, NULL, &ops,
	    &n)) != 0)
		goto out;
	if (limit != NULL && !cmd_number(limit, 1, LLONG_MAX, &o.limit)) {
		rc = cmd_usage(self, _("--limit takes a number from 1"));
		goto out;
	}
	if ((rc = cmd_project_open(ops[0], NULL, PROJECT_READONLY, &p)) !=
	    CMD_OK || (rc = query_opts(self, p, doc, word, speaker, &q)) != CMD_OK)
		goto out;
	q.text = ops[1];
	q.flags |= memos != NULL ? SEARCH_MEMOS : 0;
	o.json = json != NULL;
	if (search_run(p, &q, print_hit, &o, &degraded) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	if (o.json)
		fputs(o.hits > 0 ? "\n]\n" : "[]\n", stdout);
	if (degraded)
		degraded_note(ops[0]);
	if (!o.json) {
		fprintf(stderr, ngettext("axial: %zu hit", "axial: %zu hits",
		    o.hits), o.hits);
		fprintf(stderr, ngettext(" in %zu text\n", " in %zu texts\n",
		    o.docs), o.docs);
	}
out:
	buf_done(&o.b);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_search = {
	"search", "PROJECT QUERY [--doc DOC] [--speaker NAME] [--memos] [--word] "
	"[--limit N] [--json]",
	N_("search every document (and memos): one line per hit"),
	N_("  --doc DOC        only this document\n"
	"  --speaker NAME   only the turns of this speaker label (\"P1\")\n"
	"  --memos          memos too, after the documents\n"
	"  -w, --word       whole words only (else words that begin so)\n"
	"  --limit N        stop after N hits\n"
	"  --json           the hits as a JSON array\n"
	"Each line: document, paragraph (from 1), left context, hit, right\n"
	"context, separated by tabs. Persian spellings meet as in the\n"
	"transcript's search; the count goes to standard error.\n"),
	search_main,
};

static int
autocode_main(const struct cmd *self, int argc, char **argv)
{
	const char *doc = NULL, *speaker = NULL, *word = NULL, *scope = NULL,
	    *yes = NULL;
	struct cmd_opt opts[] = {
		{"doc", 0, true, &doc},
		{"speaker", 0, true, &speaker},
		{"word", 'w', false, &word},
		{"scope", 0, true, &scope},
		{"yes", 'y', false, &yes},
		{NULL, 0, false, NULL},
	};
	struct search_query q = {0};
	struct autocode_plan plan = {0};
	struct project *p = NULL;
	int64_t node;
	char **ops;
	int n, rc, sc = AUTOCODE_HIT;

	if ((rc = cmd_operands(self, argc, argv, opts, 3, 3, NULL, &ops,
	    &n)) != 0)
		goto out;
	if (scope != NULL && (sc = autocode_scope_parse(scope)) < 0) {
		rc = cmd_usage(self, _("--scope is hit, sentence, paragraph or "
		    "turn"));
		goto out;
	}
	if ((rc = cmd_project_open(ops[0], NULL, yes ? 0 : PROJECT_READONLY,
	    &p)) != CMD_OK ||
	    (rc = query_opts(self, p, doc, word, speaker, &q)) != CMD_OK)
		goto out;
	q.text = ops[1];
	if (codetree_find(p, ops[2], &node) != AX_OK ||
	    autocode_plan(p, &q, (enum autocode_scope)sc, &plan) != AX_OK) {
		rc = cmd_project_error(p);
		goto out;
	}
	if (plan.degraded)
		degraded_note(ops[0]);
	printf(ngettext("%zu hit: ", "%zu hits: ", plan.nhits), plan.nhits);
	printf(ngettext("%zu segment", "%zu segments", plan.nsegs), plan.nsegs);
	printf(ngettext(" in %zu document\n", " in %zu documents\n", plan.ndocs),
	    plan.ndocs);
	if (yes == NULL) {
		if (plan.nsegs > 0)
			printf(_("nothing coded: --yes applies the code\n"));
	} else if (plan.nsegs > 0) {
		if (autocode_apply(p, &plan, node) != AX_OK) {
			rc = cmd_project_error(p);
			goto out;
		}
		printf(ngettext("coded %zu segment", "coded %zu segments",
		    plan.nsegs - plan.skipped), plan.nsegs - plan.skipped);
		printf(ngettext(" (%zu already coded); 'axial undo' takes it "
		    "back\n", " (%zu already coded); 'axial undo' takes it back\n",
		    plan.skipped), plan.skipped);
	}
out:
	autocode_plan_done(&plan);
	return cmd_end(p, ops, rc);
}

const struct cmd cmd_autocode = {
	"autocode", "PROJECT QUERY CODE [--scope hit|sentence|paragraph|turn] "
	"[--doc DOC] [--speaker NAME] [--word] [--yes]",
	N_("apply a code to every hit of a search, or the text around it"),
	N_("  --scope S        hit (default), sentence, paragraph or turn (the\n"
	"                   speaker's turn, without the label)\n"
	"  --doc DOC        only this document\n"
	"  --speaker NAME   only the turns of this speaker label\n"
	"  -w, --word       whole words only\n"
	"  -y, --yes        apply it; without --yes nothing is written: the\n"
	"                   count of segments and documents is a preview\n"
	"One action, which 'axial undo' takes back. A span you already coded\n"
	"with CODE is left out.\n"),
	autocode_main,
};
