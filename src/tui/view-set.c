/*
 * view-set.c: the set of coders the agreement pane (=) covers, chosen in
 * the agreement view: A and B (the frame's two, W) and the coders +
 * adds after them; - drops the last one added. With three or more the
 * pane and the view's rows (view-agree-many.c) show the set's figures
 * (Fleiss' kappa, alpha, Light's kappa, AC1), live; the compare view and
 * consensus keep to A and B, so W chooses which two of the set they
 * settle. Choosing A and B again (W) empties what + added: the set always
 * starts with the two. The pane notices a new set on its next idle tick
 * (it reads views_set; nothing here calls the pane, so the files call
 * each other one way); the view, shown while the set changes, is brought
 * up to date at once through its ops (set_moved).
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "store/blind.h"
#include "store/coder.h"
#include "base/i18n.h"
#include "base/util.h"
#include "tui/view-int.h"

size_t
views_set(struct ui *ui, const char **names, size_t cap)
{
	const struct views *v = views_get(ui);
	size_t n = 0, i;

	if (v->coder[0] == NULL || cap < 2)
		return 0;
	names[n++] = v->coder[0];
	names[n++] = v->coder[1];
	for (i = 0; i < v->nmore && n < cap; i++)
		names[n++] = v->more[i];
	return n;
}

bool
views_set_is(struct ui *ui, char *const *coders, size_t n)
{
	const char *names[VIEWS_SET_MAX];
	size_t i;

	if (views_set(ui, names, VIEWS_SET_MAX) != n)
		return false;
	for (i = 0; i < n; i++)
		if (strcmp(names[i], coders[i]) != 0)
			return false;
	return true;
}

static bool
in_set(struct ui *ui, const char *login)
{
	const char *names[VIEWS_SET_MAX];
	size_t n = views_set(ui, names, VIEWS_SET_MAX), i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], login) == 0)
			return true;
	return false;
}

/* The agreement view (on screen: set_ready) covers the new set now. */
static void
set_moved(struct ui *ui)
{
	const struct screen_ops *o = views_ops(ui, VIEW_AGREE);

	if (o != NULL && o->focus != NULL)
		o->focus(ui, views_data(ui, VIEW_AGREE), true);
	ui_dirty(ui, DIRTY_ALL);
}

static void
picked_more(struct ui *ui, int64_t id, const char *query)
{
	struct views *v = views_get(ui);

	(void)query;
	if (id <= 0 || (size_t)id > ui->ncoders || in_set(ui,
	    ui->coders[id - 1].login)) {
		ui_err(ui, "%s", _("no such coder"));
		return;
	}
	v->more = xrealloc(v->more, (v->nmore + 1) * sizeof *v->more);
	v->more[v->nmore++] = xstrdup(ui->coders[id - 1].login);
	set_moved(ui);
}

/* Only in the agreement view, with A and B chosen, figures not hidden. */
static bool
set_ready(struct ui *ui)
{
	if (ui->view != VIEW_AGREE) {
		ui_err(ui, "%s", _("only in the agreement view"));
		return false;
	}
	if (blind_check_figures(ui->p) != AX_OK) {
		ui_err(ui, "%s", _("the coders are not chosen during blind "
		    "coding: the figures stay hidden until it ends"));
		return false;
	}
	if (views_get(ui)->coder[0] == NULL) {
		ui_err(ui, "%s", _("W chooses coders A and B first"));
		return false;
	}
	return true;
}

void
view_act_set_add(struct ui *ui)
{
	struct finder_item *it;
	size_t i, k = 0;

	if (!set_ready(ui))
		return;
	if (2 + views_get(ui)->nmore >= VIEWS_SET_MAX) {
		ui_err(ui, _("the set has %d coders, the most it can"),
		    VIEWS_SET_MAX);
		return;
	}
	it = xcalloc(ui->ncoders + 1, sizeof *it);
	for (i = 0; i < ui->ncoders; i++) {
		if (strcmp(ui->coders[i].login, CONSENSUS_CODER) == 0 ||
		    in_set(ui, ui->coders[i].login))
			continue;
		it[k].id = (int64_t)i + 1;
		it[k].label = xstrdup(ui->coders[i].login);
		k++;
	}
	if (k == 0) {
		free(it);
		ui_err(ui, "%s", _("every coder is in the set already"));
		return;
	}
	finder_open(ui, _("add a coder to the agreement set"), it, k,
	    picked_more);
}

void
view_act_set_drop(struct ui *ui)
{
	struct views *v = views_get(ui);

	if (!set_ready(ui))
		return;
	if (v->nmore == 0) {
		ui_err(ui, "%s", _("the set is A and B only: + adds a coder"));
		return;
	}
	free(v->more[--v->nmore]);
	set_moved(ui);
}

void
views_set_line(struct ui *ui, int *y, int x, int w)
{
	const char *names[VIEWS_SET_MAX];
	size_t n = views_set(ui, names, VIEWS_SET_MAX), i;
	struct buf who = {0};
	char *line;

	if (n < 3)
		return;
	for (i = 0; i < n; i++)
		buf_printf(&who, "%s%s", i ? ", " : "", names[i]);
	/* TRANSLATORS: %s is the list of coders, %zu how many */
	line = xasprintf(_("set %s: every figure below covers all %zu "
	    "(%%agr: mean over pairs); + adds a coder, - drops one"), who.s, n);
	ui_put_text(ui, (*y)++, x, w, line, ui_attr(ui, TH_NORMAL) | A_BOLD);
	free(line);
	buf_done(&who);
}
