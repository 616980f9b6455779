/*
 * vm-tree.h: the code-tree view-model. No curses: the visible rows of a
 * codetree_load() result with collapsed categories hidden, a cursor, marks,
 * the nodes cut for pasting elsewhere and a scroll position. State is kept by node id, so a reload (after an
 * action, or another coder's commit) keeps the cursor, the marks and what
 * is collapsed.
 */
#ifndef AXIAL_VM_TREE_H
#define AXIAL_VM_TREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/codetree.h"

struct vm_tree {
	const struct node *nodes;	/* borrowed, depth-first */
	size_t nnodes;
	size_t *rows;		/* indexes into nodes of the visible rows */
	size_t nrows;
	size_t cursor, top;	/* row indexes */
	int height;
	int64_t *collapsed;	/* sorted ids */
	size_t ncollapsed;
	int64_t *marked;	/* sorted ids */
	size_t nmarked;
	int64_t *cut;		/* ids cut (in the order given) to paste */
	size_t ncut;
};

void vmtree_init(struct vm_tree *t);
void vmtree_done(struct vm_tree *t);
/* Takes a new node array (borrowed), keeping the cursor on the same id
 * (or the nearest surviving row) and dropping marks of vanished ids. The
 * previous array must still be valid during the call (free it after). */
void vmtree_set_nodes(struct vm_tree *t, const struct node *nodes, size_t n);
void vmtree_set_height(struct vm_tree *t, int height);
/* The node at the cursor, or NULL when the tree is empty. */
const struct node *vmtree_current(const struct vm_tree *t);
const struct node *vmtree_row(const struct vm_tree *t, size_t row);
void vmtree_move(struct vm_tree *t, long delta);
void vmtree_goto_row(struct vm_tree *t, size_t row);
/* Puts the cursor on node id, expanding its ancestors; false if absent. */
bool vmtree_goto_id(struct vm_tree *t, int64_t id);
bool vmtree_is_collapsed(const struct vm_tree *t, int64_t id);
void vmtree_set_collapsed(struct vm_tree *t, int64_t id, bool collapsed);
/* Categories with children: does the node have any? */
bool vmtree_has_children(const struct vm_tree *t, size_t node_index);
bool vmtree_is_marked(const struct vm_tree *t, int64_t id);
void vmtree_toggle_mark(struct vm_tree *t, int64_t id);
void vmtree_clear_marks(struct vm_tree *t);
/* The nodes cut for pasting: sets them (ids taken; NULL, 0 clears), or
 * takes them (the caller frees; NULL and *n 0 when none). */
void vmtree_set_cut(struct vm_tree *t, int64_t *ids, size_t n);
int64_t *vmtree_take_cut(struct vm_tree *t, size_t *n);
bool vmtree_is_cut(const struct vm_tree *t, int64_t id);
/* The category a new node or a paste goes into for the cursor row: the
 * row itself when it is a category, else its parent (0 = top level). */
int64_t vmtree_target_category(const struct vm_tree *t);

#endif
