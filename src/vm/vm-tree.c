/*
 * vm-tree.c: visible rows of the code tree.
 *
 * rows[] lists, in tree order, every node none of whose ancestors is
 * collapsed. Because codetree_load is depth first, a node's descendants are
 * the following nodes with a greater depth, so hiding is one linear pass.
 */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "vm/vm-tree.h"

void
vmtree_init(struct vm_tree *t)
{
	memset(t, 0, sizeof *t);
	t->height = 1;
}

void
vmtree_done(struct vm_tree *t)
{
	free(t->rows);
	free(t->collapsed);
	free(t->marked);
	free(t->cut);
	memset(t, 0, sizeof *t);
}

static bool
set_has(const int64_t *v, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (v[mid] == id)
			return true;
		if (v[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static void
set_put(int64_t **v, size_t *n, int64_t id, bool on)
{
	size_t i;

	for (i = 0; i < *n && (*v)[i] < id; i++)
		;
	if (on) {
		if (i < *n && (*v)[i] == id)
			return;
		*v = xrealloc(*v, (*n + 1) * sizeof **v);
		memmove(*v + i + 1, *v + i, (*n - i) * sizeof **v);
		(*v)[i] = id;
		(*n)++;
	} else if (i < *n && (*v)[i] == id) {
		memmove(*v + i, *v + i + 1, (*n - i - 1) * sizeof **v);
		(*n)--;
	}
}

static void
scroll(struct vm_tree *t)
{
	size_t h = t->height > 0 ? (size_t)t->height : 1;

	if (t->nrows == 0) {
		t->cursor = t->top = 0;
		return;
	}
	if (t->cursor >= t->nrows)
		t->cursor = t->nrows - 1;
	if (t->cursor < t->top)
		t->top = t->cursor;
	else if (t->cursor >= t->top + h)
		t->top = t->cursor - h + 1;
	if (t->top + h > t->nrows)
		t->top = t->nrows > h ? t->nrows - h : 0;
}

static void
rebuild(struct vm_tree *t, int64_t keep_id, size_t keep_index)
{
	size_t i, hide_depth = (size_t)-1;
	size_t best = 0;
	bool found = false;

	t->rows = xrealloc(t->rows, (t->nnodes ? t->nnodes : 1) * sizeof *t->rows);
	t->nrows = 0;
	for (i = 0; i < t->nnodes; i++) {
		const struct node *nd = &t->nodes[i];

		if (hide_depth != (size_t)-1 && (size_t)nd->depth > hide_depth)
			continue;
		hide_depth = (size_t)-1;
		if (nd->id == keep_id) {
			best = t->nrows;
			found = true;
		} else if (!found && i <= keep_index)
			best = t->nrows;
		t->rows[t->nrows++] = i;
		if (nd->kind == NODE_CATEGORY &&
		    set_has(t->collapsed, t->ncollapsed, nd->id))
			hide_depth = (size_t)nd->depth;
	}
	t->cursor = best;
	scroll(t);
}

void
vmtree_set_nodes(struct vm_tree *t, const struct node *nodes, size_t n)
{
	const struct node *cur = vmtree_current(t);
	int64_t keep = cur ? cur->id : 0;
	size_t keep_index = cur ? t->rows[t->cursor] : 0;
	size_t i, j;

	t->nodes = nodes;
	t->nnodes = n;
	/* drop marks of vanished nodes */
	for (i = j = 0; i < t->nmarked; i++) {
		size_t k;

		for (k = 0; k < n && nodes[k].id != t->marked[i]; k++)
			;
		if (k < n)
			t->marked[j++] = t->marked[i];
	}
	t->nmarked = j;
	rebuild(t, keep, keep_index);
}

void
vmtree_set_height(struct vm_tree *t, int height)
{
	t->height = height;
	scroll(t);
}

const struct node *
vmtree_row(const struct vm_tree *t, size_t row)
{
	return row < t->nrows ? &t->nodes[t->rows[row]] : NULL;
}

const struct node *
vmtree_current(const struct vm_tree *t)
{
	return vmtree_row(t, t->cursor);
}

void
vmtree_move(struct vm_tree *t, long delta)
{
	if (t->nrows == 0)
		return;
	t->cursor = index_step(t->cursor, delta, t->nrows);
	scroll(t);
}

void
vmtree_goto_row(struct vm_tree *t, size_t row)
{
	t->cursor = row;
	scroll(t);
}

bool
vmtree_goto_id(struct vm_tree *t, int64_t id)
{
	size_t i, r;
	int64_t parent = 0;

	for (i = 0; i < t->nnodes && t->nodes[i].id != id; i++)
		;
	if (i == t->nnodes)
		return false;
	/* expand every ancestor */
	parent = t->nodes[i].parent;
	while (parent != 0) {
		size_t k;

		set_put(&t->collapsed, &t->ncollapsed, parent, false);
		for (k = 0; k < t->nnodes && t->nodes[k].id != parent; k++)
			;
		parent = k < t->nnodes ? t->nodes[k].parent : 0;
	}
	rebuild(t, id, i);
	for (r = 0; r < t->nrows; r++)
		if (t->nodes[t->rows[r]].id == id)
			t->cursor = r;
	scroll(t);
	return true;
}

bool
vmtree_is_collapsed(const struct vm_tree *t, int64_t id)
{
	return set_has(t->collapsed, t->ncollapsed, id);
}

void
vmtree_set_collapsed(struct vm_tree *t, int64_t id, bool collapsed)
{
	const struct node *cur = vmtree_current(t);

	set_put(&t->collapsed, &t->ncollapsed, id, collapsed);
	rebuild(t, cur ? cur->id : 0, cur ? t->rows[t->cursor] : 0);
}

bool
vmtree_has_children(const struct vm_tree *t, size_t i)
{
	return i + 1 < t->nnodes && t->nodes[i + 1].depth > t->nodes[i].depth;
}

bool
vmtree_is_marked(const struct vm_tree *t, int64_t id)
{
	return set_has(t->marked, t->nmarked, id);
}

void
vmtree_toggle_mark(struct vm_tree *t, int64_t id)
{
	set_put(&t->marked, &t->nmarked, id, !vmtree_is_marked(t, id));
}

void
vmtree_clear_marks(struct vm_tree *t)
{
	t->nmarked = 0;
}

void
vmtree_set_cut(struct vm_tree *t, int64_t *ids, size_t n)
{
	free(t->cut);
	t->cut = ids;
	t->ncut = ids != NULL ? n : 0;
}

int64_t *
vmtree_take_cut(struct vm_tree *t, size_t *n)
{
	int64_t *ids = t->cut;

	*n = t->ncut;
	t->cut = NULL;
	t->ncut = 0;
	return ids;
}

bool
vmtree_is_cut(const struct vm_tree *t, int64_t id)
{
	size_t i;

	for (i = 0; i < t->ncut; i++)
		if (t->cut[i] == id)
			return true;
	return false;
}

int64_t
vmtree_target_category(const struct vm_tree *t)
{
	const struct node *n = vmtree_current(t);

	if (n == NULL)
		return 0;
	return n->kind == NODE_CATEGORY ? n->id : n->parent;
}
