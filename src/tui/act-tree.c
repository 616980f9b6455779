/*
 * act-tree.c: the actions of the code-tree pane (axial coding): expand and
 * collapse, marks, cut and paste, the move-to finder (and the mouse drag,
 * through ui_move_nodes_to), create, rename, recolour, delete, merge,
 * define, paradigm roles, and applying a code from the tree.
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
#include "store/link.h"
#include "store/memo.h"
#include "stats/retest.h"
#include "text/searchkey.h"
#include "base/util.h"
#include "tui/ui-int.h"
#include "tui/actions-int.h"

/* ---- code tree ---- */

static void
tree_moved(struct ui *ui)
{
	ui_dirty(ui, DIRTY_TREE | DIRTY_STATUS);
	if (ui->show_agree)
		ui_dirty(ui, DIRTY_AGREE);
	pane_codings_follow(ui);
}

void act_tree_down(struct ui *ui) { vmtree_move(&ui->tree, 1); tree_moved(ui); }
void act_tree_up(struct ui *ui) { vmtree_move(&ui->tree, -1); tree_moved(ui); }
void act_tree_pgdn(struct ui *ui) { vmtree_move(&ui->tree, ui->tree.height - 1); tree_moved(ui); }
void act_tree_pgup(struct ui *ui) { vmtree_move(&ui->tree, -(ui->tree.height - 1)); tree_moved(ui); }
void act_tree_top(struct ui *ui) { vmtree_goto_row(&ui->tree, 0); tree_moved(ui); }
void act_tree_bottom(struct ui *ui) { if (ui->tree.nrows) vmtree_goto_row(&ui->tree, ui->tree.nrows - 1); tree_moved(ui); }

void
act_tree_expand(struct ui *ui)
{
	const struct node *n = vmtree_current(&ui->tree);

	if (n && n->kind == NODE_CATEGORY)
		vmtree_set_collapsed(&ui->tree, n->id, false);
	ui_dirty(ui, DIRTY_TREE);
}

void
act_tree_collapse(struct ui *ui)
{
	const struct node *n = vmtree_current(&ui->tree);

	if (n == NULL)
		return;
	if (n->kind == NODE_CATEGORY && !vmtree_is_collapsed(&ui->tree, n->id))
		vmtree_set_collapsed(&ui->tree, n->id, true);
	else if (n->parent != 0)
		vmtree_goto_id(&ui->tree, n->parent);
	tree_moved(ui);
}

void
act_tree_enter(struct ui *ui)
{
	const struct node *n = vmtree_current(&ui->tree);

	if (n == NULL)
		return;
	if (n->kind == NODE_CATEGORY) {
		vmtree_set_collapsed(&ui->tree, n->id,
		    !vmtree_is_collapsed(&ui->tree, n->id));
		ui_dirty(ui, DIRTY_TREE);
		return;
	}
	pane_codings_set_review(ui, false);
	pane_codings_load(ui, n->id);
	ui_focus(ui, PANE_CODINGS);
}

void
act_tree_mark(struct ui *ui)
{
	const struct node *n = vmtree_current(&ui->tree);

	if (n == NULL)
		return;
	vmtree_toggle_mark(&ui->tree, n->id);
	vmtree_move(&ui->tree, 1);
	ui_msg(ui, ngettext("%zu marked: x cuts, t moves to a category",
	    "%zu marked: x cuts, t moves to a category", ui->tree.nmarked),
	    ui->tree.nmarked);
	tree_moved(ui);
}

/* The ids an operation applies to: the marked rows, else the cursor's. */
static int64_t *
selected_ids(struct ui *ui, size_t *n)
{
	const struct node *cur = vmtree_current(&ui->tree);
	int64_t *ids;

	if (ui->tree.nmarked > 0) {
		*n = ui->tree.nmarked;
		ids = xmalloc(*n * sizeof *ids);
		memcpy(ids, ui->tree.marked, *n * sizeof *ids);
		return ids;
	}
	if (cur == NULL) {
		*n = 0;
		return NULL;
	}
	ids = xmalloc(sizeof *ids);
	ids[0] = cur->id;
	*n = 1;
	return ids;
}

void
ui_move_nodes_to(struct ui *ui, const int64_t *ids, size_t n, int64_t parent)
{
	enum ax_status rc = AX_OK;
	size_t i;
	int64_t first = n ? ids[0] : 0;

	if (n == 0)
		return;
	if (parent != 0) {
		const struct node *p = ui_node(ui, parent);

		if (p == NULL || p->kind != NODE_CATEGORY) {
			ui_err(ui, _("codes move into categories only"));
			return;
		}
	}
	/* nothing would change, and nothing would be logged: say so rather
	 * than offer an undo that would take back the action before */
	for (i = 0; i < n; i++) {
		const struct node *c = ui_node(ui, ids[i]);

		if (c == NULL || c->parent != parent)
			break;
	}
	if (i == n) {
		ui_msg(ui, _("already in %s"), parent ? ui_node_name(ui, parent) :
		    _("the top level"));
		return;
	}
	if (!ui_check(ui, project_begin(ui->p, n > 1 ? "code move (several)" :
	    "code move")))
		return;
	for (i = 0; i < n && rc == AX_OK; i++)
		rc = codetree_move(ui->p, ids[i], parent);
	if (!ui_action_end(ui, rc))
		return;
	vmtree_clear_marks(&ui->tree);
	vmtree_set_cut(&ui->tree, NULL, 0);	/* what was cut has moved */
	ui_after_action(ui);
	vmtree_set_collapsed(&ui->tree, parent, false);
	vmtree_goto_id(&ui->tree, first);
	ui_msg(ui, ngettext("moved %zu into %s (u undoes)",
	    "moved %zu into %s (u undoes)", n), n,
	    parent ? ui_node_name(ui, parent) : _("the top level"));
}

void
act_tree_cut(struct ui *ui)
{
	size_t n;
	int64_t *ids = selected_ids(ui, &n);

	vmtree_set_cut(&ui->tree, ids, n);
	ui_dirty(ui, DIRTY_TREE);
	ui_msg(ui, ngettext("cut %zu: go to a category and press p to move there",
	    "cut %zu: go to a category and press p to move there", n), n);
}

void
act_tree_paste(struct ui *ui)
{
	size_t n;
	int64_t *ids = vmtree_take_cut(&ui->tree, &n);

	if (n == 0) {
		ui_err(ui, _("nothing cut: x cuts the marked codes or the current one"));
		return;
	}
	ui_move_nodes_to(ui, ids, n, vmtree_target_category(&ui->tree));
	free(ids);
}

static void
move_done(struct ui *ui, int64_t id, const char *q)
{
	size_t n;
	int64_t *ids = selected_ids(ui, &n);

	(void)q;
	if (id == 0) {
		ui_err(ui, _("no such category"));
	} else
		ui_move_nodes_to(ui, ids, n, id < 0 ? 0 : id);
	free(ids);
}

void
act_tree_move_to(struct ui *ui)
{
	struct finder_item *items;
	size_t n;

	finder_nodes(ui, false, true, &items, &n);
	items = xrealloc(items, (n + 1) * sizeof *items);
	items[n].id = -1;
	items[n].label = xstrdup(_("(top level)"));
	items[n].key = NULL;
	finder_open(ui, _("move to category"), items, n + 1, move_done);
}

static void
new_category_done(struct ui *ui, const char *name)
{
	const struct node *cur = vmtree_current(&ui->tree);
	int64_t parent = cur == NULL ? 0 :
	    cur->kind == NODE_CATEGORY ? cur->parent : cur->parent;
	int64_t id;

	if (*name && ui_check(ui, codetree_add(ui->p, parent, NODE_CATEGORY, name,
	    &id))) {
		ui_after_action(ui);
		vmtree_goto_id(&ui->tree, id);
		ui_msg(ui, _("new category %s"), name);
	}
}

void act_tree_new_code(struct ui *ui) { ui_new_code_prompt(ui, false, true); }
void act_tree_new_category(struct ui *ui) { prompt_open(ui, _("new category (beside the current one)"), "", new_category_done); }

static void
rename_done(struct ui *ui, const char *name)
{
	const struct node *n = vmtree_current(&ui->tree);

	if (n && *name && ui_check(ui, codetree_rename(ui->p, n->id, name))) {
		ui_after_action(ui);
		ui_msg(ui, _("renamed to %s"), name);
	}
}

void
act_tree_rename(struct ui *ui)
{
	const struct node *n = vmtree_current(&ui->tree);

	if (n)
		prompt_open(ui, _("rename"), n->name, rename_done);
}

static const struct {
	const char *name, *hex;
} palette[] = {
	{N_("red"), "#e06c75"}, {N_("orange"), "#d19a66"},
	{N_("yellow"), "#e5c07b"}, {N_("green"), "#98c379"},
	{N_("teal"), "#56b6c2"}, {N_("blue"), "#61afef"},
	{N_("purple"), "#c678dd"}, {N_("pink"), "#ff79c6"},
	{N_("brown"), "#a0522d"}, {N_("grey"), "#9da5b4"},
	{N_("default (theme)"), ""},
};

static void
color_done(struct ui *ui, int64_t id, const char *q)
{
	const struct node *n = vmtree_current(&ui->tree);
	const char *hex = theme_hex(q) >= 0 ? q : NULL;

	if (hex == NULL && id >= 1 && (size_t)id <= AX_ARRAY_LEN(palette))
		hex = palette[id - 1].hex;
	if (n == NULL || hex == NULL) {
		ui_err(ui, _("pick a colour or type #rrggbb"));
		return;
	}
	if (ui_check(ui, codetree_set_color(ui->p, n->id, hex))) {
		ui_after_action(ui);
		ui_msg(ui, _("colour set"));
	}
}

void
act_tree_color(struct ui *ui)
{
	struct finder_item *items = xcalloc(AX_ARRAY_LEN(palette), sizeof *items);
	size_t i;

	for (i = 0; i < AX_ARRAY_LEN(palette); i++) {
		items[i].id = (int64_t)i + 1;
		items[i].label = xasprintf("%s %s", _(palette[i].name),
		    palette[i].hex);
	}
	finder_open(ui, _("colour (or type #rrggbb)"), items, AX_ARRAY_LEN(palette),
	    color_done);
}

static void
delete_done(struct ui *ui, const char *yes)
{
	size_t n, i;
	int64_t *ids = selected_ids(ui, &n);
	enum ax_status rc = AX_OK;

	(void)yes;
	if (n == 0 || !ui_check(ui, project_begin(ui->p, "code delete"))) {
		free(ids);
		return;
	}
	for (i = 0; i < n && rc == AX_OK; i++)
		rc = codetree_remove(ui->p, ids[i]);
	if (ui_action_end(ui, rc)) {
		vmtree_clear_marks(&ui->tree);
		ui_after_action(ui);
		ui_msg(ui, ngettext("deleted %zu (u undoes)",
		    "deleted %zu (u undoes)", n), n);
	}
	free(ids);
}

void
act_tree_delete(struct ui *ui)
{
	size_t n;
	int64_t *ids = selected_ids(ui, &n);
	char title[300];

	if (n == 0)
		return;
	if (n == 1) {
		const struct node *nd = ui_node(ui, ids[0]);

		snprintf(title, sizeof title, nd && nd->kind == NODE_CATEGORY ?
		    _("delete '%s' with its codings, everything under it?") :
		    _("delete '%s' with its codings?"), nd ? nd->name : "?");
	} else
		snprintf(title, sizeof title, ngettext("delete %zu marked node "
		    "with its codings?", "delete %zu marked nodes with their "
		    "codings?", n), n);
	free(ids);
	confirm_open(ui, title, delete_done, false);
}

static void
merge_done(struct ui *ui, int64_t into, const char *q)
{
	size_t n, i, k = 0;
	int64_t *ids = selected_ids(ui, &n);
	enum ax_status rc = AX_OK;

	(void)q;
	if (into == 0 || n == 0 || !ui_check(ui, project_begin(ui->p, "code merge"))) {
		free(ids);
		return;
	}
	for (i = 0; i < n && rc == AX_OK; i++)
		if (ids[i] != into) {
			rc = codetree_merge(ui->p, ids[i], into);
			k++;
		}
	if (ui_action_end(ui, rc)) {
		vmtree_clear_marks(&ui->tree);
		ui_after_action(ui);
		vmtree_goto_id(&ui->tree, into);
		ui_msg(ui, ngettext("merged %zu into %s", "merged %zu into %s", k), k,
		    ui_node_name(ui, into));
	}
	free(ids);
}

void
act_tree_merge(struct ui *ui)
{
	struct finder_item *items;
	size_t n;

	finder_nodes(ui, true, false, &items, &n);
	finder_open(ui, _("merge the marked (or current) code into"), items, n,
	    merge_done);
}

void
act_tree_define(struct ui *ui)
{
	const struct node *n = vmtree_current(&ui->tree);
	char *out = NULL, err[256];
	int64_t id;
	int rc;

	if (n == NULL)
		return;
	id = n->id;
	ui_suspend_curses();
	rc = editor_edit(n->definition ? n->definition : "", &out, err, sizeof err);
	ui_resume_curses(ui);
	if (rc != 0)
		ui_err(ui, "%s", err);
	else {
		size_t l = strlen(out);

		while (l > 0 && out[l - 1] == '\n')
			out[--l] = '\0';
		if (ui_check(ui, codetree_set_definition(ui->p, id, out))) {
			ui_after_action(ui);
			ui_msg(ui, _("definition saved"));
		}
	}
	free(out);
}

static void
role_done(struct ui *ui, int64_t id, const char *q)
{
	const struct node *n = vmtree_current(&ui->tree);

	(void)q;
	if (n && id > 0 && ui_check(ui, codetree_set_role(ui->p, n->id,
	    (enum paradigm_role)(id - 1)))) {
		ui_after_action(ui);
		ui_msg(ui, _("role set"));
	}
}

void
act_tree_role(struct ui *ui)
{
	struct finder_item *items = xcalloc(ROLE_COUNT, sizeof *items);
	int r;

	for (r = 0; r < ROLE_COUNT; r++) {
		items[r].id = r + 1;
		items[r].label = xstrdup(r == 0 ? _("no role") :
		    _(paradigm_role_title((enum paradigm_role)r)));
	}
	finder_open(ui, _("paradigm role of this top-level category"), items,
	    ROLE_COUNT, role_done);
}

/* Selective coding: the category at the cursor becomes the core category,
 * or, when it is, no longer is (the store refuses a code). */
void
act_tree_core(struct ui *ui)
{
	const struct node *n = vmtree_current(&ui->tree);
	int64_t core = 0, id;

	if (n == NULL || !ui_check(ui, link_core_get(ui->p, &core)))
		return;
	id = n->id;
	if (!ui_check(ui, link_core_set(ui->p, core == id ? 0 : id)))
		return;
	ui_after_action(ui);
	ui_msg(ui, core == id ? _("%s is no longer the core category (u "
	    "undoes)") : _("%s is the core category now (u undoes)"),
	    ui_node_name(ui, id));
}

void
act_tree_apply(struct ui *ui)
{
	const struct node *n = vmtree_current(&ui->tree);

	if (n)
		ui_apply_code(ui, n->id);
}
