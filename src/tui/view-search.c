/*
 * view-search.c: search across documents (F, docs/search.md). F asks for
 * the query, then the view lists the hits, one keyword-in-context line
 * each (the document and paragraph, then the left context, the hit in
 * brackets and the right context, laid out by the text engine, so a
 * Persian line reads right to left); Enter closes the view and shows the
 * hit in the transcript, selected; C codes every hit, or the sentence,
 * paragraph or speaker turn around it, with a code the finder picks,
 * after a question that says how many segments in how many documents
 * (autocode.h: one action, u undoes it). The options axial search takes
 * are keys that search again, each shown in the title: w whole words,
 * i memos too (their hits are listed, never coded), P one speaker's turns
 * (a finder of the labels the documents have), D a set of documents (a finder
 * in which Enter adds or drops one), e what C codes around each hit.
 *
 * Memory stays bounded whatever the number of hits: the view keeps the
 * first VIEW_SEARCH_MAX and says how many more there were not kept.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "stats/autocode.h"
#include "store/coding.h"
#include "store/search.h"
#include "base/i18n.h"
#include "base/util.h"
#include "tui/view-int.h"

#define VIEW_SEARCH_MAX 5000
#define CONTEXT 30

struct hit_row {
	int64_t doc;		/* 0: a memo's hit */
	size_t start, end, para;
	char *where;		/* "NAME ¶P" */
	char *line;		/* left [hit] right */
};

/* The view's state (views_data). */
struct search_view {
	char *query;
	struct hit_row *rows;
	size_t n, cap, more, cur, top;
	bool degraded;
	struct autocode_plan plan;	/* C: what the question asks about */
	int64_t node;
	/* the options (search.h), kept across queries */
	int flags;
	char *speaker;		/* NULL: any */
	int64_t *docs;		/* the chosen documents; none: all */
	size_t ndocs, docs_cap;
	enum autocode_scope scope;
	char **labels;		/* P: the speakers the finder offers */
	size_t nlabels, labels_cap;
};

static void *
search_create(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct search_view));
}

static void
search_clear(struct search_view *v)
{
	size_t i;

	for (i = 0; i < v->n; i++) {
		free(v->rows[i].where);
		free(v->rows[i].line);
	}
	free(v->rows);
	v->rows = NULL;
	v->n = v->cap = v->more = v->cur = v->top = 0;
}

static void
labels_clear(struct search_view *v)
{
	size_t i;

	for (i = 0; i < v->nlabels; i++)
		free(v->labels[i]);
	v->nlabels = 0;
}

static void
search_free(void *data)
{
	struct search_view *v = data;

	search_clear(v);
	labels_clear(v);
	free(v->labels);
	free(v->docs);
	free(v->speaker);
	autocode_plan_done(&v->plan);
	free(v->query);
	free(v);
}

static bool
keep(void *arg, const struct search_hit *h)
{
	struct search_view *v = arg;
	const char *t = h->para_text;
	size_t bl, bs, be, br;
	struct hit_row *r;

	search_hit_kwic(h, CONTEXT, &bl, &bs, &be, &br);
	if (v->n == VIEW_SEARCH_MAX) {
		v->more++;
		return true;
	}
	v->rows = xgrow(v->rows, &v->cap, v->n + 1, sizeof *v->rows);
	r = &v->rows[v->n++];
	r->doc = h->doc_id;
	r->start = h->start;
	r->end = h->end;
	r->para = h->para;
	r->where = xasprintf("%s ¶%zu", h->name, h->para + 1);
	r->line = xasprintf("%.*s[%.*s]%.*s", (int)(bs - bl), t + bl,
	    (int)(be - bs), t + bs, (int)(br - be), t + be);
	return true;
}

/* The query with the view's options. */
static struct search_query
query_of(const struct search_view *v)
{
	struct search_query q = {0};

	q.text = v->query;
	q.flags = v->flags;
	q.speaker = v->speaker;
	q.docs = v->docs;
	q.ndocs = v->ndocs;
	return q;
}

/* The hits of v->query; false (the reason in the status line) if the
 * query is refused. */
static bool
search_update(struct ui *ui, struct search_view *v)
{
	struct search_query q = query_of(v);

	search_clear(v);
	ui_dirty(ui, DIRTY_VIEW);
	return ui_check(ui, search_run(ui->p, &q, keep, v, &v->degraded));
}

/* "whole words, speaker P1, ..." of the options on, "" if none. */
static void
options_text(const struct search_view *v, char *s, size_t n)
{
	static const char *const scopes[] = {
		N_("hit"), N_("sentence"), N_("paragraph"), N_("turn"),
	};
	int k;

	k = snprintf(s, n, _("codes: %s"), _(scopes[v->scope]));
	if ((v->flags & SEARCH_WORD) && k >= 0 && (size_t)k < n)
		k += snprintf(s + k, n - (size_t)k, ", %s", _("whole words"));
	if ((v->flags & SEARCH_MEMOS) && k >= 0 && (size_t)k < n)
		k += snprintf(s + k, n - (size_t)k, ", %s", _("memos too"));
	if (v->speaker != NULL && k >= 0 && (size_t)k < n)
		k += snprintf(s + k, n - (size_t)k, _(", speaker %s"),
		    v->speaker);
	if (v->ndocs > 0 && k >= 0 && (size_t)k < n)
		snprintf(s + k, n - (size_t)k, ngettext(", %zu document",
		    ", %zu documents", v->ndocs), v->ndocs);
}

static void
search_draw(struct ui *ui, void *data, const struct rect *r, bool focused)
{
	struct search_view *v = data;
	int a = ui_attr(ui, TH_NORMAL), dim = ui_attr(ui, TH_DIM);
	int y = r->y + 1, x = r->x + 1, w = r->w - 2, h = r->h - 2, wc;
	char title[768], opts[256];
	size_t i;

	(void)focused;
	options_text(v, opts, sizeof opts);
	if (v->more > 0)
		snprintf(title, sizeof title, _(" search «%s»: the first %zu hits "
		    "of %zu [%s] "), v->query ? v->query : "", v->n,
		    v->n + v->more, opts);
	else
		snprintf(title, sizeof title, _(" search «%s»: %zu hits [%s] "),
		    v->query ? v->query : "", v->n, opts);
	ui_box_title(ui, r, title, true);
	if (v->n == 0) {
		ui_put_plain(y, x, w, v->query == NULL ? _("F asks for a query") :
		    _("no hits"), dim);
		return;
	}
	if (h < 1)
		return;
	if (v->cur < v->top)
		v->top = v->cur;
	if (v->cur >= v->top + (size_t)h)
		v->top = v->cur - (size_t)h + 1;
	wc = w / 4 > 24 ? 24 : w / 4;
	for (i = v->top; i < v->n && y < r->y + 1 + h; i++, y++) {
		int at = i == v->cur ? (int)(a | A_REVERSE) : a;

		ui_put_text(ui, y, x, wc, v->rows[i].where, i == v->cur ? at : dim);
		ui_put_text(ui, y, x + wc + 1, w - wc - 1, v->rows[i].line, at);
	}
}

static void
search_focus(struct ui *ui, void *data, bool on)
{
	(void)ui;
	(void)data;
	(void)on;	/* the hits are those of the query F asked for */
}

static size_t *
search_cursor(void *data, size_t *n)
{
	struct search_view *v = data;

	*n = v->n;
	return &v->cur;
}

/* Enter: the transcript shows the hit, selected. */
static void
search_key(struct ui *ui, void *data, int key)
{
	struct search_view *v = data;
	struct coding c = {0};

	if (key != SCREEN_KEY_ENTER || v->n == 0)
		return;
	if (v->rows[v->cur].doc == 0) {
		ui_msg(ui, "%s", _("a memo's hit: m edits the memo of the item "
		    "under the cursor"));
		return;
	}
	c.doc = v->rows[v->cur].doc;
	c.start = (int64_t)v->rows[v->cur].start;
	c.end = (int64_t)v->rows[v->cur].end;
	view_act_close(ui);
	ui_goto_coding(ui, &c);
}

const struct screen_ops view_search_ops = {
	.name = "search",
	.scope = SCOPE_VIEW,
	.create = search_create,
	.free = search_free,
	.draw = search_draw,
	.key = search_key,
	.focus = search_focus,
	.cursor = search_cursor,
};

static void
asked(struct ui *ui, const char *query)
{
	struct search_view *v = views_data(ui, VIEW_SEARCH);

	free(v->query);
	v->query = xstrdup(query);
	if (!search_update(ui, v))
		return;
	if (v->degraded)
		ui_msg(ui, "%s", _("the search index could not be used: every "
		    "text was read ('axial check --repair' rebuilds it)"));
	if (ui->view != VIEW_SEARCH)
		views_open(ui, VIEW_SEARCH);
}

void
view_act_search(struct ui *ui)
{
	struct search_view *v = views_data(ui, VIEW_SEARCH);

	prompt_open(ui, _("search every document"), v->query != NULL ?
	    v->query : "", asked);
}

/* f, answered y: the segments coded, one action. */
static void
code_confirmed(struct ui *ui, const char *answer)
{
	struct search_view *v = views_data(ui, VIEW_SEARCH);

	(void)answer;
	if (!ui_check(ui, autocode_apply(ui->p, &v->plan, v->node)))
		return;
	ui_after_action(ui);
	ui_msg(ui, _("coded %zu segments (%zu already coded); u undoes it"),
	    v->plan.nsegs - v->plan.skipped, v->plan.skipped);
	autocode_plan_done(&v->plan);
}

static void
code_chosen(struct ui *ui, int64_t id, const char *query)
{
	struct search_view *v = views_data(ui, VIEW_SEARCH);
	struct search_query q = query_of(v);
	char *title;

	(void)query;
	if (id == 0) {
		ui_err(ui, "%s", _("no such code"));
		return;
	}
	autocode_plan_done(&v->plan);
	if (!ui_check(ui, autocode_plan(ui->p, &q, v->scope, &v->plan)))
		return;
	v->node = id;
	/* autocode_plan leaves memo hits out: the question says so */
	if (v->flags & SEARCH_MEMOS)
		title = xasprintf(_("code %zu segments in %zu documents (memo "
		    "hits are not coded)? (y/n)"), v->plan.nsegs, v->plan.ndocs);
	else
		title = xasprintf(_("code %zu segments in %zu documents? (y/n)"),
		    v->plan.nsegs, v->plan.ndocs);
	confirm_open(ui, title, code_confirmed, false);
	free(title);
}

void
view_act_search_code(struct ui *ui)
{
	struct search_view *v = views_data(ui, VIEW_SEARCH);
	struct finder_item *items;
	size_t n;

	if (ui->view != VIEW_SEARCH || v->n == 0)
		return;
	finder_nodes(ui, true, false, &items, &n);
	finder_open(ui, _("code every hit with"), items, n, code_chosen);
}

/* The view is open on a query: the option keys apply. */
static struct search_view *
open_view(struct ui *ui)
{
	struct search_view *v = views_data(ui, VIEW_SEARCH);

	return ui->view == VIEW_SEARCH && v->query != NULL ? v : NULL;
}

static void
toggle(struct ui *ui, int flag)
{
	struct search_view *v = open_view(ui);

	if (v == NULL)
		return;
	v->flags ^= flag;
	search_update(ui, v);
}

void view_act_search_word(struct ui *ui) { toggle(ui, SEARCH_WORD); }
void view_act_search_memos(struct ui *ui) { toggle(ui, SEARCH_MEMOS); }

/* e: what C codes around each hit, in turn. */
void
view_act_search_scope(struct ui *ui)
{
	struct search_view *v = open_view(ui);

	if (v == NULL)
		return;
	v->scope = (v->scope + 1) % (AUTOCODE_TURN + 1);
	ui_dirty(ui, DIRTY_VIEW);
}

static void
add_label(void *arg, const char *label)
{
	struct search_view *v = arg;
	size_t i;

	for (i = 0; i < v->nlabels; i++)
		if (strcmp(v->labels[i], label) == 0)
			return;
	v->labels = xgrow(v->labels, &v->labels_cap, v->nlabels + 1,
	    sizeof *v->labels);
	v->labels[v->nlabels++] = xstrdup(label);
}

static void
speaker_chosen(struct ui *ui, int64_t id, const char *query)
{
	struct search_view *v = views_data(ui, VIEW_SEARCH);

	(void)query;
	if (id < 0 || (size_t)id > v->nlabels)
		return;
	free(v->speaker);
	v->speaker = id == 0 ? NULL : xstrdup(v->labels[id - 1]);
	search_update(ui, v);
}

/* P: the speaker labels of the documents searched, in a finder; the
 * first item lifts the filter. */
void
view_act_search_speaker(struct ui *ui)
{
	struct search_view *v = open_view(ui);
	struct search_query q;
	struct finder_item *items;
	size_t i;

	if (v == NULL)
		return;
	q = query_of(v);
	labels_clear(v);
	if (!ui_check(ui, search_speakers(ui->p, &q, add_label, v)))
		return;
	items = xcalloc(v->nlabels + 1, sizeof *items);
	items[0].label = xstrdup(_("(any speaker)"));
	for (i = 0; i < v->nlabels; i++) {
		items[i + 1].id = (int64_t)i + 1;
		items[i + 1].label = xstrdup(v->labels[i]);
	}
	finder_open(ui, _("only the turns of"), items, v->nlabels + 1,
	    speaker_chosen);
}

static void docs_finder(struct ui *, struct search_view *);

/* Enter in D's finder: the document joins the set or leaves it, and the
 * finder opens again for the next one (Esc ends). */
static void
doc_chosen(struct ui *ui, int64_t id, const char *query)
{
	struct search_view *v = views_data(ui, VIEW_SEARCH);
	size_t i;

	(void)query;
	if (id == 0)
		return;
	if (id < 0)
		v->ndocs = 0;
	for (i = 0; id > 0 && i < v->ndocs && v->docs[i] != id; i++)
		;
	if (id > 0 && i < v->ndocs)
		v->docs[i] = v->docs[--v->ndocs];
	else if (id > 0) {
		v->docs = xgrow(v->docs, &v->docs_cap, v->ndocs + 1,
		    sizeof *v->docs);
		v->docs[v->ndocs++] = id;
	}
	if (search_update(ui, v))
		docs_finder(ui, v);
}

static void
docs_finder(struct ui *ui, struct search_view *v)
{
	struct finder_item *items = xcalloc(ui->ndocs + 1, sizeof *items);
	size_t i, k;

	items[0].id = -1;
	items[0].label = xstrdup(_("(every document)"));
	for (i = 0; i < ui->ndocs; i++) {
		for (k = 0; k < v->ndocs && v->docs[k] != ui->docs[i].id; k++)
			;
		items[i + 1].id = ui->docs[i].id;
		items[i + 1].label = xasprintf("%s %lld %s", k < v->ndocs ?
		    "[x]" : "[ ]", (long long)ui->docs[i].position,
		    ui->docs[i].name);
	}
	finder_open(ui, _("search only these documents (Enter: in/out, Esc: "
	    "done)"), items, ui->ndocs + 1, doc_chosen);
}

/* D: the set of documents searched. */
void
view_act_search_docs(struct ui *ui)
{
	struct search_view *v = open_view(ui);

	if (v != NULL)
		docs_finder(ui, v);
}
