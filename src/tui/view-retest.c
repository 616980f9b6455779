/*
 * view-retest.c: the test-retest view (E). A coder's first coding pass
 * against their second ("LOGIN-retest", retest.h): one row per document
 * the second pass coded, then the total row from the summed counts, with
 * the columns `axial retest` prints (retest_cells): total codings of both
 * passes, agreements, disagreements, percent = 2 x agreements / total x
 * 100 with one decimal; a row with no codings is undefined, with the
 * reason. Whose passes: the acting coder's own, else the only coder with a
 * second pass, else W asks (vm_retest_pick). S (ui-actions.c) starts or
 * leaves the acting coder's second pass; every coding refreshes the table.
 * Blind coding hides the table and names no pass: it is checked before
 * looking for whose passes to show, and W lists none.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/blind.h"
#include "store/coder.h"
#include "base/i18n.h"
#include "stats/retest.h"
#include "base/util.h"
#include "tui/view-int.h"

/* The view's state (views_data). */
struct retest_view {
	char *chosen;		/* the first pass W chose; NULL: automatic */
	char *first;		/* the first pass shown; NULL: none */
	bool ask;		/* several coders have a second pass: W asks */
	char *hidden;		/* blind: the message shown instead */
	struct retest_row *rows;	/* as retest_table, the total last */
	size_t n, top;
};

static void *
retest_create(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct retest_view));
}

/* What was computed; whose passes W chose is kept. */
static void
retest_clear(struct retest_view *v)
{
	retest_rows_free(v->rows, v->n);
	v->rows = NULL;
	v->n = 0;
	free(v->first);
	v->first = NULL;
	free(v->hidden);
	v->hidden = NULL;
	v->ask = false;
}

static void
retest_free(void *data)
{
	struct retest_view *v = data;

	retest_clear(v);
	free(v->chosen);
	free(v);
}

/* The logins of c, borrowed from it; the array is the caller's. */
static const char **
logins_of(const struct coder *c, size_t n)
{
	const char **l = xcalloc(n + 1, sizeof *l);
	size_t i;

	for (i = 0; i < n; i++)
		l[i] = c[i].login;
	return l;
}

/* The first pass to show (caller frees), or NULL: none, or ask. */
static char *
whose(struct ui *ui, struct retest_view *v)
{
	struct coder *c;
	const char **l;
	size_t n, first;
	char *who = NULL;

	if (v->chosen != NULL)
		return xstrdup(v->chosen);
	if (!ui_check(ui, coder_list(ui->p, &c, &n)))
		return NULL;
	l = logins_of(c, n);
	switch (vm_retest_pick(l, n, project_coder_login(ui->p), &first)) {
	case VM_RETEST_ONE: who = xstrdup(l[first]); break;
	case VM_RETEST_ASK: v->ask = true; break;
	case VM_RETEST_NONE: break;
	}
	free(l);
	coder_list_free(c, n);
	return who;
}

/* Builds the table again; blind mode leaves the model's message. */
static void
retest_update(struct ui *ui, void *data)
{
	struct retest_view *v = data;
	char *who;
	enum ax_status rc;

	retest_clear(v);
	ui_dirty(ui, DIRTY_VIEW);
	/* before whose(), which would name, or ask among, the coders with
	 * a second pass */
	if (blind_check_figures(ui->p) != AX_OK) {
		v->hidden = xstrdup(project_errmsg(ui->p));
		return;
	}
	if ((who = whose(ui, v)) == NULL)
		return;
	rc = retest_table(ui->p, who, NULL, &v->rows, &v->n);
	if (rc == AX_ERR_PERM)
		v->hidden = xstrdup(project_errmsg(ui->p));
	else if (ui_check(ui, rc)) {
		v->first = who;
		who = NULL;
	}
	free(who);
}

static void
picked(struct ui *ui, int64_t id, const char *query)
{
	struct retest_view *v = views_data(ui, VIEW_RETEST);
	struct coder *c;
	size_t n, i;

	(void)query;
	if (!ui_check(ui, coder_list(ui->p, &c, &n)))
		return;
	for (i = 0; i < n && c[i].id != id; i++)
		;
	if (i == n)
		ui_err(ui, "%s", _("no such coder"));
	else {
		free(v->chosen);
		v->chosen = xstrdup(c[i].login);
		retest_update(ui, v);
	}
	coder_list_free(c, n);
}

/* W: the finder over the coders who have a second pass. */
static void
retest_choose(struct ui *ui, void *data)
{
	struct finder_item *it;
	struct coder *c;
	const char **l;
	size_t n, k, i, *first;

	(void)data;	/* picked() finds it when the finder is done */
	if (blind_check_figures(ui->p) != AX_OK) {
		ui_err(ui, "%s", _("the coders are not chosen during blind "
		    "coding: the figures stay hidden until it ends"));
		return;
	}
	if (!ui_check(ui, coder_list(ui->p, &c, &n)))
		return;
	l = logins_of(c, n);
	first = xcalloc(n + 1, sizeof *first);
	k = vm_retest_firsts(l, n, first);
	if (k == 0)
		ui_err(ui, "%s",
		    _("nobody has a second coding pass yet; S starts yours"));
	else {
		it = xcalloc(k, sizeof *it);
		for (i = 0; i < k; i++) {
			it[i].id = c[first[i]].id;
			it[i].label = xstrdup(c[first[i]].login);
		}
		finder_open(ui, _("whose two coding passes (the first pass)"), it, k,
		    picked);
	}
	free(first);
	free(l);
	coder_list_free(c, n);
}

/* One row: the name in the table's name column, then its columns. */
static void
draw_row(struct ui *ui, int y, int x, int w, const struct retest_row *r,
    int attr)
{
	char cells[160];

	ui_put_text(ui, y, x, w < RETEST_NAME_COLS ? w : RETEST_NAME_COLS,
	    r->name, attr);
	vm_retest_cells(r, cells, sizeof cells);
	ui_put_plain(y, x + RETEST_NAME_COLS + 1, w - RETEST_NAME_COLS - 1,
	    cells, attr);
}

static void
retest_draw(struct ui *ui, void *data, const struct rect *r,
    bool focused)
{
	struct retest_view *v = data;
	int a = ui_attr(ui, TH_NORMAL), dim = ui_attr(ui, TH_DIM);
	int y = r->y + 1, x = r->x + 1, w = r->w - 2, h;
	char line[512], head[128], *second;
	size_t i, ndocs;

	(void)focused;
	if (v->hidden != NULL)	/* no pass named: blind coding */
		snprintf(line, sizeof line, "%s",
		    _(" test-retest: hidden during blind coding "));
	else if (v->first != NULL) {
		second = retest_login(v->first);
		snprintf(line, sizeof line, _(" test-retest of %s: first pass "
		    "against %s   W chooses the coder, S your second pass on/off "),
		    v->first, second);
		free(second);
	} else
		snprintf(line, sizeof line, "%s", _(" test-retest (intra-coder "
		    "reliability); S starts or leaves your second pass "));
	ui_box_title(ui, r, line, true);
	if (v->hidden != NULL) {
		ui_put_plain(y + 1, x, w, _("test-retest figures are hidden:"),
		    a | A_BOLD);
		views_wrapped(ui, y + 2, x, w, v->hidden,
		    strlen(v->hidden), r->h - 4, a);
		return;
	}
	if (v->first == NULL || v->n == 0) {
		ui_put_plain(y + 1, x, w, v->ask ? _("several coders have a "
		    "second coding pass: W chooses whose") : _("no second coding "
		    "pass yet: S starts yours (you then code as LOGIN-retest; S "
		    "again goes back to the first pass)"), a);
		return;
	}
	retest_heading(head, sizeof head);
	snprintf(line, sizeof line, "%-*s %s", RETEST_NAME_COLS, "document",
	    head);
	ui_put_plain(y++, x, w, line, dim | A_UNDERLINE);
	/* the documents scroll; the total row and the note stay below */
	ndocs = v->n - 1;
	h = r->y + r->h - y - 5;
	if (h < 1)
		h = 1;
	if (v->top + (size_t)h > ndocs)
		v->top = ndocs > (size_t)h ? ndocs - (size_t)h : 0;
	for (i = v->top; i < ndocs && i < v->top + (size_t)h; i++)
		draw_row(ui, y++, x, w, &v->rows[i], a);
	draw_row(ui, y++, x, w, &v->rows[ndocs], a | A_BOLD);
	if (ndocs == 0) {
		snprintf(line, sizeof line, _("the second pass of %s has coded no "
		    "document yet"), v->first);
		ui_put_plain(y++, x, w, line, dim);
	}
	y++;
	snprintf(line, sizeof line, "%s", _("Two codings count as the same when "
	    "they carry the same code and start in the same paragraph of the "
	    "same document; each matches at most one coding of the other pass. "
	    "Percent = 2 x agreements / total x 100; the total row is computed "
	    "from the summed counts."));
	views_wrapped(ui, y, x, w, line, strlen(line), r->y + r->h - y, dim);
}

static void
retest_focus(struct ui *ui, void *data, bool on)
{
	struct retest_view *v = data;

	if (!on)	/* going off screen: nothing to do */
		return;
	retest_update(ui, v);	/* cheap, and whose passes may have changed */
	if (v->ask)
		retest_choose(ui, v);
}

static size_t *
retest_cursor(void *data, size_t *n)
{
	struct retest_view *v = data;

	*n = v->n > 0 ? v->n - 1 : 0;	/* the documents scroll */
	return &v->top;
}

/* Off screen it computes afresh when it opens: nothing to mark. */
static void
retest_sync(struct ui *ui, void *data, enum ui_sync what)
{
	if (what != UI_SYNC_STALE && what != UI_SYNC_CODERS &&
	    what != UI_SYNC_DECISION)
		retest_update(ui, data);
}

static void
retest_key(struct ui *ui, void *data, int key)
{
	if (key == SCREEN_KEY_CHOOSE)
		retest_choose(ui, data);
}

const struct screen_ops view_retest_ops = {
	.name = "test-retest",
	.scope = SCOPE_VIEW,
	.create = retest_create,
	.free = retest_free,
	.draw = retest_draw,
	.key = retest_key,
	.focus = retest_focus,
	.sync = retest_sync,
	.cursor = retest_cursor,
};

void view_act_retest(struct ui *ui) { view_toggle(ui, VIEW_RETEST); }
