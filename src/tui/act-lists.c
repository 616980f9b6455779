/*
 * act-lists.c: the actions of the list panes (segments of a code, the
 * document list) and of review mode, which walks the tree category by
 * category; and the document's attributes.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include <unistr.h>

#include "store/blind.h"
#include "store/history.h"
#include "base/i18n.h"
#include "store/memo.h"
#include "stats/retest.h"
#include "text/searchkey.h"
#include "base/util.h"
#include "tui/ui-int.h"
#include "tui/actions-int.h"

/* ---- lists: segments, documents, review ---- */

static void
list_step(struct ui *ui, long d)
{
	if (ui->focus == PANE_DOCS)
		pane_docs_step(ui, d);
	else
		pane_codings_step(ui, d);
}

void act_list_down(struct ui *ui) { list_step(ui, 1); }
void act_list_up(struct ui *ui) { list_step(ui, -1); }
void act_list_pgdn(struct ui *ui) { list_step(ui, 10); }
void act_list_pgup(struct ui *ui) { list_step(ui, -10); }

void
act_list_open(struct ui *ui)
{
	if (ui->focus == PANE_DOCS)
		pane_docs_open(ui);
	else
		pane_codings_open(ui);
}

/* The category a review shows for the tree cursor: the row itself if it is
 * a category, else its parent. */
static void
review_show(struct ui *ui)
{
	int64_t cat = vmtree_target_category(&ui->tree);

	if (cat == 0) {
		ui_err(ui, _("review: put the tree cursor on a category"));
		return;
	}
	pane_codings_set_review(ui, true);
	pane_codings_load(ui, cat);
	ui_focus(ui, PANE_CODINGS);
	ui_msg(ui, _("review: n/p next/previous category, Enter jumps to a quote"));
}

void
act_review(struct ui *ui)
{
	if (pane_codings_reviewing(ui) && ui->show_codings) {
		pane_codings_set_review(ui, false);
		ui->show_codings = false;
		ui_focus(ui, PANE_TREE);
		ui_dirty(ui, DIRTY_ALL | DIRTY_LAYOUT);
		return;
	}
	review_show(ui);
}

static void
review_step(struct ui *ui, int dir)
{
	const struct node *n;
	size_t i;
	int64_t cat = vmtree_target_category(&ui->tree);

	if (!pane_codings_reviewing(ui)) {
		ui_err(ui, _("R starts the review"));
		return;
	}
	i = cat ? ui->byid[cat] : 0;
	for (;;) {
		if (dir > 0 ? i + 1 >= ui->nnodes : i == 0) {
			ui_msg(ui, "%s", dir > 0 ? _("review: last category") :
			    _("review: first category"));
			return;
		}
		i = dir > 0 ? i + 1 : i - 1;
		n = &ui->nodes[i];
		if (n->kind == NODE_CATEGORY)
			break;
	}
	vmtree_goto_id(&ui->tree, n->id);
	review_show(ui);
}

void act_review_next(struct ui *ui) { review_step(ui, 1); }
void act_review_prev(struct ui *ui) { review_step(ui, -1); }

static void
attr_done(struct ui *ui, const char *kv)
{
	const char *eq = strchr(kv, '=');
	char *key;

	if (eq == NULL || eq == kv) {
		ui_err(ui, _("attributes are key=value (an empty value removes)"));
		return;
	}
	key = xstrndup(kv, (size_t)(eq - kv));
	if (ui_check(ui, doc_attr_set(ui->p, ui->docs[pane_docs_current(ui)].id, key,
	    eq[1] ? eq + 1 : NULL))) {
		ui_after_action(ui);
		ui_msg(ui, _("attribute %s set"), key);
	}
	free(key);
}

void
act_doc_attr(struct ui *ui)
{
	struct doc_attr *a;
	size_t n, i;
	struct buf b = {0};

	if (pane_docs_current(ui) >= ui->ndocs)
		return;
	if (doc_attr_list(ui->p, ui->docs[pane_docs_current(ui)].id, &a, &n) ==
	    AX_OK) {
		for (i = 0; i < n; i++)
			buf_printf(&b, "%s%s=%s", i ? ", " : "", a[i].key, a[i].value);
		doc_attr_list_free(a, n);
	}
	{
		char *t = xasprintf(_("attribute key=value (now: %s)"),
		    b.s ? b.s : _("none"));

		prompt_open(ui, t, "", attr_done);
		free(t);
	}
	buf_done(&b);
}
