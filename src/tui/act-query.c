/*
 * act-query.c: the coding query (`Q`, docs/queries.md): a prompt for an
 * expression whose segments fill the segments pane, as a code's do on
 * Enter in the tree; Tab in the prompt picks a saved query instead.
 *
 * A bad expression or an unknown name opens the prompt again on what was
 * typed, the column and the message under it, so nothing typed is lost.
 * The list holds the first QUERY_UI_MAX segments (the title says how many
 * there are): the evaluator goes a document at a time, so the memory is
 * that list and one document.
 *
 * While the segments pane shows a query's list (its title is the one run
 * set), z saves that query, with the restrictions it ran with, through
 * saved_query_add, as `axial query --save` does; Z removes a saved one;
 * # codes a saved one's result with a new top-level code (query_code, the
 * snapshot `axial query code` makes).
 */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "stats/query.h"
#include "store/savedquery.h"
#include "text/qexpr.h"
#include "tui/actions-int.h"
#include "tui/ui-int.h"

#define QUERY_UI_MAX 5000

/* The last expression, offered again by the next Q. */
static char *last;
/* The saved query # is coding, while the prompt asks for the name. */
static int64_t coding_from;
/* The query the segments pane shows (name unused) and its title there. */
static struct saved_query ran;
static char *ran_title;

struct collect {
	struct ui *ui;
	struct ui_segment *segs;
	size_t n, cap;
};

static bool
collect(void *arg, const struct query_hit *h)
{
	struct collect *c = arg;
	struct ui_segment *s;
	const char *name = "?";
	size_t i;

	for (i = 0; i < c->ui->ndocs; i++)
		if (c->ui->docs[i].id == h->doc)
			name = c->ui->docs[i].name;
	c->segs = xgrow(c->segs, &c->cap, c->n + 1, sizeof *c->segs);
	s = &c->segs[c->n++];
	memset(s, 0, sizeof *s);
	/* not a coding: an id of -1 keeps it apart from the headers (0) */
	s->c.id = -1;
	s->c.doc = h->doc;
	s->c.start = h->start;
	s->c.end = h->end;
	s->quote = query_quote(h->text, h->len, h->start, h->end, 300);
	s->doc = xstrdup(name);
	return true;
}

static void query_done(struct ui *ui, const char *text);
static void tab(struct ui *ui, int dir);

/* The prompt again on text, with foot under it. */
static void
reopen(struct ui *ui, const char *text, const char *foot)
{
	prompt_open(ui, _("query:"), text, query_done);
	prompt_set_foot(ui, foot);
	prompt_set_tab(ui, tab);
}

/* Runs expr with o (from sq's restrictions, or none when sq is NULL)
 * into the segments pane; a refusal reopens the prompt on expr with the
 * column and the message. */
static void requery(struct ui *ui);

static void
run(struct ui *ui, const char *expr, const struct query_opts *o,
    const struct saved_query *sq)
{
	struct qx_node *q;
	struct collect c;
	struct query_stats st;
	struct query_opts page = *o;
	struct saved_query now;
	char *err = NULL, *foot, *title;
	size_t col;

	memset(&c, 0, sizeof c);
	c.ui = ui;
	page.limit = QUERY_UI_MAX;
	if ((q = qx_parse(expr, &col, &err)) == NULL ||
	    query_run(ui->p, q, &page, collect, &c, &st, &err, &col) != AX_OK) {
		foot = col ? xasprintf(_("column %zu: %s"), col, err) :
		    xstrdup(err);
		/* a refresh has no prompt to reopen: the list stays */
		if (sq == &ran)
			ui_err(ui, "%s", foot);
		else
			reopen(ui, expr, foot);
		free(foot);
		free(err);
		qx_free(q);
		for (col = 0; col < c.n; col++) {
			free(c.segs[col].quote);
			free(c.segs[col].doc);
		}
		free(c.segs);
		return;
	}
	title = st.hits > c.n ? xasprintf(_("%s (first %zu of %zu)"), expr,
	    c.n, st.hits) : xstrdup(expr);
	pane_codings_show(ui, title, c.segs, c.n);
	pane_codings_set_refresh(ui, requery);
	/* built before ran goes: expr and sq may be ran's own */
	memset(&now, 0, sizeof now);
	now.expr = xstrdup(expr);
	now.source = xstrdup(sq != NULL ? sq->source : "");
	now.where = xstrdup(sq != NULL ? sq->where : "");
	now.docs = xstrdup(sq != NULL ? sq->docs : "");
	saved_query_done(&ran);
	ran = now;
	free(ran_title);
	ran_title = title;
	qx_free(q);
	if (st.hits == 0)
		ui_msg(ui, _("the query found nothing"));
}

/* The project changed under the query's list: the same query again. */
static void
requery(struct ui *ui)
{
	struct query_opts o;

	if (ui_check(ui, query_opts_saved(ui->p, &ran, &o))) {
		run(ui, ran.expr, &o, &ran);
		query_opts_free(&o);
	}
}

static void
query_done(struct ui *ui, const char *text)
{
	struct query_opts o;

	free(last);
	last = xstrdup(text);
	memset(&o, 0, sizeof o);
	run(ui, text, &o, NULL);
}

static void
saved_done(struct ui *ui, int64_t id, const char *typed)
{
	struct saved_query *q = NULL;
	struct query_opts o;
	size_t n = 0, i;

	(void)typed;
	if (id == 0 || !ui_check(ui, saved_query_list(ui->p, &q, &n)))
		return;
	for (i = 0; i < n; i++)
		if (q[i].id == id) {
			if (ui_check(ui, query_opts_saved(ui->p, &q[i], &o))) {
				run(ui, q[i].expr, &o, &q[i]);
				query_opts_free(&o);
			}
		}
	saved_query_list_free(q, n);
}

/* The saved queries as finder items, "NAME: EXPR"; false (and a
 * message) when there is none or the list fails. */
static bool
saved_items(struct ui *ui, struct finder_item **items, size_t *n)
{
	struct saved_query *q = NULL;
	size_t i;

	*n = 0;
	if (!ui_check(ui, saved_query_list(ui->p, &q, n)))
		return false;
	if (*n == 0) {
		ui_msg(ui, "%s", _("no saved queries (axial query EXPR --save "
		    "NAME saves one)"));
		return false;
	}
	*items = xcalloc(*n, sizeof **items);
	for (i = 0; i < *n; i++) {
		(*items)[i].id = q[i].id;
		(*items)[i].label = xasprintf("%s: %s", q[i].name, q[i].expr);
	}
	saved_query_list_free(q, *n);
	return true;
}

/* Tab in the prompt: the saved queries in a finder. */
static void
tab(struct ui *ui, int dir)
{
	struct finder_item *items;
	size_t n;

	(void)dir;
	if (!saved_items(ui, &items, &n)) {
		prompt_set_foot(ui, _("no saved queries (axial query EXPR --save "
		    "NAME saves one)"));
		return;
	}
	overlay_pop(ui);
	finder_open(ui, _("saved query:"), items, n, saved_done);
}

static void
save_done(struct ui *ui, const char *name)
{
	int64_t id;

	if (ui_check(ui, saved_query_add(ui->p, name, ran.expr, ran.source,
	    ran.where, ran.docs, &id)))
		ui_msg(ui, _("query saved as «%s» (u undoes)"), name);
}

void
act_query_save(struct ui *ui)
{
	const char *shown = pane_codings_title(ui);

	if (ran_title == NULL || shown == NULL || strcmp(shown, ran_title) != 0) {
		ui_msg(ui, "%s", _("the list is not a coding query's (Q runs one)"));
		return;
	}
	prompt_open(ui, _("save the query as:"), "", save_done);
	prompt_set_foot(ui, ran.expr);
}

static void
remove_done(struct ui *ui, int64_t id, const char *typed)
{
	(void)typed;
	if (id != 0 && ui_check(ui, saved_query_remove(ui->p, id)))
		ui_msg(ui, "%s", _("saved query removed (u undoes)"));
}

void
act_query_remove(struct ui *ui)
{
	struct finder_item *items;
	size_t n;

	if (saved_items(ui, &items, &n))
		finder_open(ui, _("remove saved query:"), items, n,
		    remove_done);
}

void
act_query(struct ui *ui)
{
	prompt_open(ui, _("query:"), last ? last : "", query_done);
	prompt_set_foot(ui, _("AND OR NOT, OVERLAPS, IN SAME PARAGRAPH, WITHIN n "
	    "PARAGRAPHS, FOLLOWED BY; \"a name\"; Tab: saved queries"));
	prompt_set_tab(ui, tab);
}

static void
code_named(struct ui *ui, const char *name)
{
	struct saved_query *q = NULL;
	struct query_stats st;
	char *err = NULL;
	size_t n = 0, i, col;
	enum ax_status rc = AX_ERR_NOTFOUND;

	if (!ui_check(ui, saved_query_list(ui->p, &q, &n)))
		return;
	for (i = 0; i < n && q[i].id != coding_from; i++)
		;
	if (i < n)
		rc = query_code(ui->p, &q[i], 0, name, &st, &err, &col);
	saved_query_list_free(q, n);
	if (i == n)
		ui_err(ui, "%s", _("the saved query is gone"));
	else if (err != NULL && col != 0)
		ui_err(ui, _("column %zu: %s"), col, err);
	else if (err != NULL)
		ui_err(ui, "%s", err);
	else if (ui_check(ui, rc)) {
		ui_after_action(ui);
		ui_msg(ui, ngettext("coded %zu segment with «%s» (u undoes)",
		    "coded %zu segments with «%s» (u undoes)", st.hits),
		    st.hits, name);
	}
	free(err);
}

static void
code_picked(struct ui *ui, int64_t id, const char *typed)
{
	struct saved_query *q = NULL;
	size_t n = 0, i;

	(void)typed;
	if (id == 0 || !ui_check(ui, saved_query_list(ui->p, &q, &n)))
		return;
	coding_from = id;
	for (i = 0; i < n; i++)
		if (q[i].id == id) {
			prompt_open(ui, _("new code from the query:"), q[i].name,
			    code_named);
			prompt_set_foot(ui, q[i].expr);
		}
	saved_query_list_free(q, n);
}

void
act_query_code(struct ui *ui)
{
	struct finder_item *items;
	size_t n;

	if (saved_items(ui, &items, &n))
		finder_open(ui, _("code a saved query's segments:"), items, n,
		    code_picked);
}
