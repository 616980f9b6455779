/*
 * actions-int.h: the workbench's actions that live outside ui-actions.c, one
 * file per pane (act-transcript.c, act-tree.c, act-lists.c), so that the
 * key table in ui-actions.c can name them, and the helpers they share.
 * Private to the UI; no model code includes it.
 */
#ifndef AXIAL_ACTIONS_INT_H
#define AXIAL_ACTIONS_INT_H

#include "tui/ui-int.h"

/* Frees the coding actions' state (recent codes, searches), at exit. */
void act_transcript_free(struct ui *ui);
/* Asks for a new code's name; the prompt names where it goes (the top
 * level, or with in_tree the tree's category) and Tab changes that. */
void ui_new_code_prompt(struct ui *ui, bool apply, bool in_tree);
/* Moves codes IDS into category PARENT (0: the top level) as one action:
 * the tree's cut and paste, move-to finder and mouse drop. */
void ui_move_nodes_to(struct ui *ui, const int64_t *ids, size_t n,
    int64_t parent);

/* The actions the key table in ui-actions.c names, by file. */
void act_similar(struct ui *ui);
void act_code_again(struct ui *ui);
void act_code_apply(struct ui *ui);
void act_code_invivo(struct ui *ui);
void act_code_new(struct ui *ui);
void act_code_recent(struct ui *ui);
void act_coded_next(struct ui *ui);
void act_coded_prev(struct ui *ui);
void act_coding_remove(struct ui *ui);
void act_doc_attr(struct ui *ui);
void act_doc_end(struct ui *ui);
void act_doc_start(struct ui *ui);
void act_down(struct ui *ui);
void act_end_back(struct ui *ui);
void act_end_fwd(struct ui *ui);
void act_escape(struct ui *ui);
void act_left(struct ui *ui);
void act_line_end(struct ui *ui);
void act_line_start(struct ui *ui);
void act_list_down(struct ui *ui);
void act_list_open(struct ui *ui);
void act_list_pgdn(struct ui *ui);
void act_list_pgup(struct ui *ui);
void act_list_up(struct ui *ui);
void act_page_down(struct ui *ui);
void act_page_up(struct ui *ui);
void act_para_next(struct ui *ui);
void act_para_prev(struct ui *ui);
void act_query(struct ui *ui);
void act_query_save(struct ui *ui);
void act_query_remove(struct ui *ui);
void act_query_code(struct ui *ui);
void act_review(struct ui *ui);
void act_review_next(struct ui *ui);
void act_review_prev(struct ui *ui);
void act_right(struct ui *ui);
void act_search(struct ui *ui);
void act_search_next(struct ui *ui);
void act_search_prev(struct ui *ui);
void act_sel_down(struct ui *ui);
void act_sel_left(struct ui *ui);
void act_sel_right(struct ui *ui);
void act_sel_up(struct ui *ui);
void act_select(struct ui *ui);
void act_start_back(struct ui *ui);
void act_start_fwd(struct ui *ui);
void act_tree_apply(struct ui *ui);
void act_tree_bottom(struct ui *ui);
void act_tree_collapse(struct ui *ui);
void act_tree_color(struct ui *ui);
void act_tree_core(struct ui *ui);
void act_tree_cut(struct ui *ui);
void act_tree_define(struct ui *ui);
void act_tree_delete(struct ui *ui);
void act_tree_down(struct ui *ui);
void act_tree_enter(struct ui *ui);
void act_tree_expand(struct ui *ui);
void act_tree_mark(struct ui *ui);
void act_tree_merge(struct ui *ui);
void act_tree_move_to(struct ui *ui);
void act_tree_new_category(struct ui *ui);
void act_tree_new_code(struct ui *ui);
void act_tree_paste(struct ui *ui);
void act_tree_pgdn(struct ui *ui);
void act_tree_pgup(struct ui *ui);
void act_tree_rename(struct ui *ui);
void act_tree_role(struct ui *ui);
void act_tree_top(struct ui *ui);
void act_tree_up(struct ui *ui);
void act_up(struct ui *ui);
void act_word_next(struct ui *ui);
void act_word_prev(struct ui *ui);

#endif
