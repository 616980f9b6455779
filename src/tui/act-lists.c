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
	size_t *cur = ui->focus == PANE_DOCS ? &ui->docs_cur : &ui->seg_cur;
	size_t n = ui->focus == PANE_DOCS ? ui->ndocs : ui->nsegs;
	long c = (long)*cur + d;

	if (n == 0)
		return;
	if (c < 0)
		c = 0;
	if ((size_t)c >= n)
		c = (long)n - 1;
	*cur = (size_t)c;
	ui_dirty(ui, ui->focus == PANE_DOCS ? DIRTY_DOCS | DIRTY_STATUS :
	    DIRTY_CODINGS);
}

void act_list_down(struct ui *ui) { list_step(ui, 1); }
void act_list_up(struct ui *ui) { list_step(ui, -1); }
void act_list_pgdn(struct ui *ui) { list_step(ui, 10); }
void act_list_pgup(struct ui *ui) { list_step(ui, -10); }

void
act_list_open(struct ui *ui)
{
	if (ui->focus == PANE_DOCS) {
		ui_switch_doc(ui, ui->docs_cur);
		ui->focus = PANE_TRANSCRIPT;
		ui_dirty(ui, DIRTY_ALL);
		return;
	}
	if (ui->seg_cur < ui->nsegs && ui->segs[ui->seg_cur].c.id != 0) {
		const struct coding *c = &ui->segs[ui->seg_cur].c;
		size_t i;

		for (i = 0; i < ui->ndocs; i++)
			if (ui->docs[i].id == c->doc) {
				if (i != ui->cur)
					ui_switch_doc(ui, i);
				vmt_goto(&ui->vt, (size_t)c->start);
				ui->hit_s = (size_t)c->start;
				ui->hit_e = (size_t)c->end;
			}
		ui->focus = PANE_TRANSCRIPT;
		ui_dirty(ui, DIRTY_ALL);
	}
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
	ui->review = true;
	pane_codings_load(ui, cat);
	ui->focus = PANE_CODINGS;
	ui_msg(ui, _("review: n/p next/previous category, Enter jumps to a quote"));
}

void
act_review(struct ui *ui)
{
	if (ui->review && ui->show_codings) {
		ui->review = false;
		ui->show_codings = false;
		ui->focus = PANE_TREE;
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

	if (!ui->review) {
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
	if (ui_check(ui, doc_attr_set(ui->p, ui->docs[ui->docs_cur].id, key,
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

	if (ui->focus != PANE_DOCS)
		ui->docs_cur = ui->cur;
	if (ui->docs_cur >= ui->ndocs)
		return;
	if (doc_attr_list(ui->p, ui->docs[ui->docs_cur].id, &a, &n) == AX_OK) {
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
