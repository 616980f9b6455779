/*
 * pane-codetree.c: the code tree. Role categories first (in paradigm
 * order, with their role), then the rest; codes show their coding counts,
 * per coder when there are several ("a:3 b:5"), in a second (test-retest)
 * pass that pass's only. Marked rows (for moving
 * several codes) have a star; cut rows are dimmed; a memo shows as "✎",
 * the core category (selective coding) as "◆" before its name.
 * Mouse: a click selects, a click on the arrow expands or collapses, and a
 * drag from one row onto a category moves the dragged code there (with
 * every marked code when the dragged row is marked).
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "stats/retest.h"
#include "store/link.h"
#include "base/util.h"
#include "tui/ui-int.h"
#include "tui/actions-int.h"	/* ui_move_nodes_to: a drop is a move */

/* The pane's data. */
struct codetree_pane {
	int64_t drag;		/* the node a press is on, 0 none */
	int64_t core;		/* the core category, 0 none */
};

static void
counts_text(struct ui *ui, const struct node *n, char *out, size_t cap)
{
	size_t i, len = 0;
	int k = 0;

	out[0] = '\0';
	if (n->kind != NODE_CODE && n->ncodings == 0)
		return;	/* a category shows counts once it was applied */
	/* a second pass is blind to the first (and to everyone else): its
	 * own count only, nothing until the counts are loaded */
	if (retest_is_pass(project_coder_login(ui->p))) {
		int64_t c = 0;

		for (i = 0; ui->counts.valid && n->id <= ui->counts.maxid &&
		    i < ui->counts.ncoders && i < ui->ncoders; i++)
			if (strcmp(ui->coders[i].login,
			    project_coder_login(ui->p)) == 0)
				c = ui->counts.n[(size_t)n->id * ui->counts.ncoders + i];
		if (ui->counts.valid)
			snprintf(out, cap, "%lld", (long long)c);
		return;
	}
	if (!ui->counts.valid || ui->counts.ncoders < 2 || n->id > ui->counts.maxid) {
		snprintf(out, cap, "%lld", (long long)n->ncodings);
		return;
	}
	for (i = 0; i < ui->counts.ncoders && len + 1 < cap; i++) {
		int64_t c = ui->counts.n[(size_t)n->id * ui->counts.ncoders + i];
		const char *login = ui->coders[i].login;
		const char *dash = strrchr(login, '-');

		if (c == 0)
			continue;
		/* "coder-a" -> "a" to keep the column narrow */
		len += (size_t)snprintf(out + len, cap - len, "%s%.3s:%lld",
		    k++ ? " " : "", dash && dash[1] ? dash + 1 : login,
		    (long long)c);
	}
	if (k == 0)
		snprintf(out, cap, "0");
}

static void
tree_draw(struct ui *ui, void *data, const struct rect *r, bool focused)
{
	const struct codetree_pane *d = data;
	char title[192], head[96];
	int row, h = r->h - 1;

	snprintf(head, sizeof head, _("codes (%zu)"), ui->nnodes);
	snprintf(title, sizeof title, " %s%s%s%s ", head, ui->tree.ncut ? "  [" : "",
	    ui->tree.ncut ? _("cut: p pastes") : "", ui->tree.ncut ? "]" : "");
	ui_box_title(ui, r, title, focused);
	vmtree_set_height(&ui->tree, h);
	for (row = 0; row < h; row++) {
		size_t ri = ui->tree.top + (size_t)row;
		const struct node *n = vmtree_row(&ui->tree, ri);
		int y = r->y + 1 + row, x = r->x, a, used;
		char cnt[64], pre[16];
		bool cur = ri == ui->tree.cursor;

		ui_fill(y, r->x, r->w, ui_attr(ui, cur && focused ? TH_CURSOR_ROW :
		    TH_NORMAL));
		if (n == NULL)
			continue;
		x += 1 + 2 * n->depth;
		if (x > r->x + r->w / 2)
			x = r->x + r->w / 2;
		if (n->kind == NODE_CATEGORY) {
			bool kids = vmtree_has_children(&ui->tree, ui->tree.rows[ri]);

			/* collapsed points the way the row reads */
			snprintf(pre, sizeof pre, "%s ", !kids ? "·" :
			    !vmtree_is_collapsed(&ui->tree, n->id) ? "▾" :
			    ui->mirrored ? "◂" : "▸");
		} else
			snprintf(pre, sizeof pre, "%s ", "•");
		a = n->kind == NODE_CATEGORY ?
		    ui_attr(ui, n->role != ROLE_NONE ?
			(enum theme_elem)(TH_ROLE_CENTRAL + n->role - 1) : TH_CATEGORY) :
		    ui_attr(ui, TH_CODE);
		if (n->kind == NODE_CODE && n->color && n->color[0])
			a = ui_fg_attr(ui, n->color) & ~A_BOLD;
		if (vmtree_is_cut(&ui->tree, n->id))
			a = ui_attr(ui, TH_DIM);
		if (cur && focused)
			a = (a & ~A_COLOR) | ui_attr(ui, TH_CURSOR_ROW);
		if (vmtree_is_marked(&ui->tree, n->id))
			ui_put_plain(y, r->x, 1, "*", ui_attr(ui, TH_MARKED));
		used = ui_put_plain(y, x, r->x + r->w - x, pre, a);
		x += used;
		counts_text(ui, n, cnt, sizeof cnt);
		{
			int cw = (int)strlen(cnt), room = r->x + r->w - x - cw - 2;
			int memo = ui->node_memo && n->id <= ui->maxid &&
			    ui->node_memo[n->id];

			if (n->role != ROLE_NONE) {
				char role[32];

				snprintf(role, sizeof role, "[%s] ",
				    _(paradigm_role_name(n->role)));
				x += ui_put_plain(y, x, room, role, a);
				room -= ui_text_width(role);
			}
			if (n->id == d->core) {
				x += ui_put_plain(y, x, room, "\u25c6 ", a | A_BOLD);
				room -= 2;
			}
			if (memo)
				room -= 2;
			x += ui_put_text(ui, y, x, room, n->name, a);
			if (memo)
				ui_put_plain(y, x + 1, 1, "✎", ui_attr(ui, TH_MEMO_MARK));
			ui_put_plain(y, r->x + r->w - cw - 1, cw, cnt,
			    cur && focused ? ui_attr(ui, TH_CURSOR_ROW) :
			    ui_attr(ui, TH_COUNT));
		}
	}
}

static int
tree_mouse(struct ui *ui, void *data, const struct rect *r, int y, int x, int ev)
{
	int64_t *drag = &((struct codetree_pane *)data)->drag;
	size_t row;
	const struct node *n;

	(void)r;
	if (ev == UI_MOUSE_WHEEL_UP || ev == UI_MOUSE_WHEEL_DOWN) {
		vmtree_move(&ui->tree, ev == UI_MOUSE_WHEEL_UP ? -3 : 3);
		ui_dirty(ui, DIRTY_TREE);
		return 0;
	}
	if (y < 1)
		return 0;
	row = ui->tree.top + (size_t)(y - 1);
	n = vmtree_row(&ui->tree, row);
	if (ev == UI_MOUSE_PRESS) {
		*drag = 0;
		if (n == NULL)
			return 0;
		vmtree_goto_row(&ui->tree, row);
		*drag = n->id;
		/* a click on the arrow toggles */
		if (n->kind == NODE_CATEGORY && x <= 2 + 2 * n->depth + 1 &&
		    x >= 1 + 2 * n->depth)
			vmtree_set_collapsed(&ui->tree, n->id,
			    !vmtree_is_collapsed(&ui->tree, n->id));
		ui_dirty(ui, DIRTY_TREE | DIRTY_STATUS);
	} else if (ev == UI_MOUSE_RELEASE) {
		int64_t from = *drag;

		*drag = 0;
		if (from == 0 || n == NULL || n->id == from)
			return 0;
		{
			int64_t target = n->kind == NODE_CATEGORY ? n->id : n->parent;

			if (vmtree_is_marked(&ui->tree, from) && ui->tree.nmarked > 0)
				ui_move_nodes_to(ui, ui->tree.marked, ui->tree.nmarked,
				    target);
			else
				ui_move_nodes_to(ui, &from, 1, target);
		}
	} else if (ev == UI_MOUSE_DOUBLE && n != NULL) {
		vmtree_goto_row(&ui->tree, row);
		if (n->kind == NODE_CODE)
			pane_codings_load(ui, n->id);
		ui_dirty(ui, DIRTY_ALL);
	}
	return 0;
}

/* The pane's data: the node a press in it began on, for a drop. */
static void
core_load(struct ui *ui, struct codetree_pane *d)
{
	if (link_core_get(ui->p, &d->core) != AX_OK)
		d->core = 0;
}

static void *
tree_create(struct ui *ui)
{
	struct codetree_pane *d = xcalloc(1, sizeof *d);

	core_load(ui, d);
	return d;
}

/* The core category is a setting: any change but a tick's or another
 * document's may have moved it. */
static void
tree_sync(struct ui *ui, void *data, enum ui_sync what)
{
	if (what == UI_SYNC_IDLE || what == UI_SYNC_DOC)
		return;
	core_load(ui, data);
	ui_dirty(ui, DIRTY_TREE);
}

const struct screen_ops pane_codetree_ops = {
	.name = "codes",
	.scope = SCOPE_TREE,
	.create = tree_create,
	.free = free,
	.draw = tree_draw,
	.mouse = tree_mouse,
	.sync = tree_sync,
};
