/*
 * ui-actions.c: the key table, the global actions (help, undo, focus,
 * documents, memos, blind and second-pass switches), and key dispatch. The
 * panes' own actions live in act-transcript.c, act-tree.c and act-lists.c
 * (declared in actions-int.h).
 *
 * ui_actions[] is the single definition of every binding: name (what a
 * config rebinds: "bind code-apply A"), default keys, scope (global or one
 * pane; a pane's keys fall back to the global ones), help line (the help
 * screen, the key hints, the man page and the README are generated from or
 * checked against it) and function. Actions change the model through
 * project.h's actions (one undoable entry each) and the view-models, then
 * set dirty bits; they never draw.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>
#include <sys/stat.h>

#include <unistr.h>

#include "store/blind.h"
#include "store/history.h"
#include "base/i18n.h"
#include "store/link.h"
#include "store/memo.h"
#include "text/name.h"
#include "stats/retest.h"
#include "text/searchkey.h"
#include "base/util.h"
#include "tui/ui-int.h"
#include "tui/actions-int.h"


/* ---- global ---- */

static void
quit_yes(struct ui *ui, const char *yes)
{
	(void)yes;
	ui->quit = true;
}

/* Everything is saved as it is made, but for a change held in memory
 * after the file went (project_hold): ask before dropping it. */
static void
act_quit(struct ui *ui)
{
	char key[64], title[128];

	if (!project_unsaved(ui->p)) {
		ui->quit = true;
		return;
	}
	ui_action_key(ui, "save-as", key, sizeof key);
	snprintf(title, sizeof title, _("quit and lose your last change? (%s "
	    "saves it)"), key);
	confirm_open(ui, title, quit_yes, false);
}

static void
save_as_done(struct ui *ui, const char *text)
{
	const char *home = getenv("HOME");
	char *path;

	if (text[0] == '\0') {
		ui_msg(ui, "%s", _("cancelled"));
		return;
	}
	if (text[0] == '~' && text[1] == '/' && home != NULL)
		path = xasprintf("%s%s", home, text + 1);
	else
		path = xstrdup(text);
	if (ui_check(ui, project_save_as(ui->p, path))) {
		/* the same rows, so the screen stands; only the connection
		 * is new */
		ui->data_version = project_data_version(ui->p);
		ui->file_told = false;
		ui_dirty(ui, DIRTY_ALL);
		ui_msg(ui, _("saved to %s; you are working in it now"), path);
	}
	free(path);
}

/* Writes the whole project to a new file (project_save_as) and goes on
 * there: the way out when the file was moved, deleted or replaced. The
 * suggestion is the project's name with "-saved" that is not taken. */
static void
act_save_as(struct ui *ui)
{
	const char *path = project_path(ui->p);
	size_t n = strlen(path);
	char *stem, *sugg = NULL;
	struct stat sb;
	int i;

	if (n > 6 && strcmp(path + n - 6, ".axial") == 0)
		n -= 6;
	stem = xstrndup(path, n);
	for (i = 1; i < 100; i++) {
		free(sugg);
		sugg = i == 1 ? xasprintf("%s-saved.axial", stem) :
		    xasprintf("%s-saved-%d.axial", stem, i);
		if (lstat(sugg, &sb) != 0)
			break;
	}
	prompt_open(ui, _("save the whole project to a new file:"), sugg,
	    save_as_done);
	free(sugg);
	free(stem);
}

static void
act_help(struct ui *ui)
{
	pane_help_open(ui);
}

static void
act_undo(struct ui *ui)
{
	ui_undo(ui);
}

static void
act_redo(struct ui *ui)
{
	char *label = NULL;
	enum ax_status rc = history_redo(ui->p, &label);

	if (rc == AX_ERR_NOTHING)
		ui_err(ui, _("nothing to redo"));
	else if (ui_check(ui, rc)) {
		ui_after_action(ui);
		ui_msg(ui, _("redone: %s"), label ? label : "");
	}
	free(label);
}

static void
focus_step(struct ui *ui, int dir)
{
	int i, f = (int)ui->focus;

	for (i = 0; i < PANE_STATUS; i++) {
		f = (f + dir + PANE_STATUS) % PANE_STATUS;
		if (ui->rect[f].h > 0)
			break;
	}
	ui_focus(ui, (enum pane_id)f);
	ui_dirty(ui, DIRTY_ALL);
}

static void act_focus_next(struct ui *ui) { focus_step(ui, 1); }
static void act_focus_prev(struct ui *ui) { focus_step(ui, -1); }

static void
act_docs(struct ui *ui)
{
	if (ui->show_docs && ui->focus == PANE_DOCS) {
		ui->show_docs = false;
		ui_focus(ui, PANE_TRANSCRIPT);
	} else {
		ui->show_docs = true;
		ui_focus(ui, PANE_DOCS);
	}
	ui_dirty(ui, DIRTY_ALL | DIRTY_LAYOUT);
}

static void
doc_done(struct ui *ui, int64_t id, const char *q)
{
	size_t i;

	(void)q;
	for (i = 0; i < ui->ndocs; i++)
		if (ui->docs[i].id == id)
			ui_switch_doc(ui, i);
}

static void
act_doc_find(struct ui *ui)
{
	struct finder_item *items = xcalloc(ui->ndocs + 1, sizeof *items);
	size_t i;

	for (i = 0; i < ui->ndocs; i++) {
		items[i].id = ui->docs[i].id;
		items[i].label = xasprintf("%lld %s",
		    (long long)ui->docs[i].position, ui->docs[i].name);
	}
	finder_open(ui, _("open document"), items, ui->ndocs, doc_done);
}

static void act_doc_next(struct ui *ui) { ui_switch_doc(ui, ui->cur + 1); }
static void act_doc_prev(struct ui *ui) { if (ui->cur > 0) ui_switch_doc(ui, ui->cur - 1); }
static void
act_mouse(struct ui *ui)
{
	ui_term_mouse(ui, !ui->mouse);
	ui_msg(ui, "%s", ui->mouse ? _("mouse on") : _("mouse off"));
}

static void
act_only_mine(struct ui *ui)
{
	ui->only_mine = !ui->only_mine;
	ui_msg(ui, "%s", ui->only_mine ? _("transcript shows only your codings") :
	    _("transcript shows every coder's codings"));
	ui_dirty(ui, DIRTY_TRANSCRIPT);
}

static void act_agree(struct ui *ui) { pane_agree_toggle(ui); }

/*
 * Test-retest: from the first pass, start (retest_start, as `axial retest
 * start`) and code as the second, LOGIN-retest; from the second, back to
 * the first. Both switches go through project_act_as, so the identity
 * rules of --as hold. The second pass is blind to the first (docs/agreement.md
 * §7.1): the transcript shows only its own codings until it ends.
 */
static void
act_second_pass(struct ui *ui)
{
	char *first = retest_first_login(project_coder_login(ui->p));
	char *second = NULL;

	if (first != NULL) {
		if (ui_act_as(ui, first)) {
			ui->only_mine = ui->only_mine_pass1;
			ui_msg(ui, _("first pass: coding as %s again"), first);
		}
		free(first);
		return;
	}
	if (!ui_check(ui, retest_start(ui->p, &second)))
		return;
	if (ui_act_as(ui, second)) {
		ui->only_mine_pass1 = ui->only_mine;
		ui->only_mine = true;
		ui_msg(ui, _("second pass: coding as %s; your first pass is hidden "
		    "(O shows it, S goes back)"), second);
	}
	free(second);
}

static void
blind_done_yes(struct ui *ui, const char *yes)
{
	(void)yes;
	if (ui_check(ui, blind_done(ui->p))) {
		ui_after_action(ui);
		ui_msg(ui, _("your blind coding is marked done; the others' show "
		    "once every coder is done"));
	}
}

static void
act_blind_done(struct ui *ui)
{
	if (!ui->blind_hidden) {
		ui_err(ui, _("no blind coding session is hiding codings"));
		return;
	}
	confirm_open(ui, _("mark your blind coding done? (you keep coding; the "
	    "others' codings show when all are done)"), blind_done_yes, false);
}

static void
act_redraw(struct ui *ui)
{
	clearok(curscr, TRUE);
	ui_dirty(ui, DIRTY_ALL | DIRTY_LAYOUT);
}

static void
act_suspend(struct ui *ui)
{
	ui_suspend_curses();
	raise(SIGTSTP);
	ui_resume_curses(ui);
}

/* ---- memos ---- */

/* Edits the first memo on (target, id) that is (story) or is not a
 * storyline, or writes it: a storyline, a code memo on a node, else a
 * free one. */
static void
edit_memo(struct ui *ui, enum memo_target target, int64_t id, bool story,
    const char *saved)
{
	struct memo *m = NULL, *was = NULL;
	size_t n = 0, i;
	char *out = NULL, err[256], *title;
	int rc;

	if (!ui_check(ui, memo_list(ui->p, target, id, &m, &n)))
		return;
	for (i = 0; i < n && was == NULL; i++)
		if ((m[i].type == MEMO_TYPE_STORYLINE) == story)
			was = &m[i];
	ui_suspend_curses();
	rc = editor_edit(was != NULL ? was->body : "", &out, err, sizeof err);
	ui_resume_curses(ui);
	if (rc != 0) {
		ui_err(ui, "%s", err);
	} else if (was == NULL && *out == '\0') {
		ui_msg(ui, _("empty memo not saved"));
	} else if (was != NULL && strcmp(out, was->body) == 0) {
		ui_msg(ui, _("memo unchanged"));
	} else {
		size_t tl = strcspn(out, "\n");
		char *line = xstrndup(out, tl);
		int64_t mid;

		/* the first line, made a title (TAB, CR, controls out), cut to
		 * 60 characters at a grapheme boundary */
		title = name_clean(NAME_MEMO_TITLE, line, "", 60, NULL);
		free(line);
		if (was != NULL ? ui_check(ui, memo_update(ui->p, was->id, title,
		    out)) : ui_check(ui, memo_add(ui->p, target, id, story ?
		    MEMO_TYPE_STORYLINE : target == MEMO_NODE ? MEMO_TYPE_CODE :
		    MEMO_TYPE_FREE, title, out, &mid))) {
			ui_after_action(ui);
			ui_reload_tree(ui);
			ui_msg(ui, "%s", saved);
		}
		free(title);
	}
	free(out);
	memo_list_free(m, n);
}

static void
act_memo(struct ui *ui)
{
	if (ui->focus == PANE_TREE) {
		const struct node *n = vmtree_current(&ui->tree);

		if (n != NULL)
			edit_memo(ui, MEMO_NODE, n->id, false,
			    _("memo on the code saved"));
	} else if (ui->focus == PANE_DOCS) {
		if (pane_docs_current(ui) < ui->ndocs)
			edit_memo(ui, MEMO_DOCUMENT,
			    ui->docs[pane_docs_current(ui)].id, false,
			    _("memo on the document saved"));
	} else {
		const struct coding *c = ui_coding_here(ui, false);

		if (c != NULL)
			edit_memo(ui, MEMO_CODING, c->id, false,
			    _("memo on the coding saved"));
		else if (ui_cur_doc(ui))
			edit_memo(ui, MEMO_DOCUMENT, ui_cur_doc(ui), false,
			    _("memo on the document saved"));
	}
}

/* Selective coding: the storyline, a memo of type storyline on the core
 * category, written (or rewritten) in the editor. */
static void
act_storyline(struct ui *ui)
{
	int64_t core = 0;
	char key[64];

	if (!ui_check(ui, link_core_get(ui->p, &core)))
		return;
	if (core == 0) {
		ui_action_key(ui, "tree-core", key, sizeof key);
		ui_err(ui, _("no core category yet: %s on a category in the code "
		    "tree marks it"), key);
		return;
	}
	edit_memo(ui, MEMO_NODE, core, true, _("storyline saved"));
}

/* ---- the table ---- */

#define A(name, keys, scope, help, fn) \
	{name, keys, scope, help, fn}
const struct keymap_action ui_actions[] = {
	A("help", "? F1", SCOPE_GLOBAL, N_("this help, generated from the key table"), act_help),
	A("quit", "q C-c", SCOPE_GLOBAL, N_("quit (everything is already saved, unless the file went: see save-as)"), act_quit),
	A("save-as", "C-s", SCOPE_GLOBAL, N_("save the whole project to a new file and go on there (when its file was moved, deleted or replaced)"), act_save_as),
	A("undo", "u", SCOPE_GLOBAL, N_("undo your last action"), act_undo),
	A("redo", "C-r U", SCOPE_GLOBAL, N_("redo what you undid"), act_redo),
	A("focus-next", "Tab", SCOPE_GLOBAL, N_("next pane"), act_focus_next),
	A("focus-prev", "S-Tab", SCOPE_GLOBAL, N_("previous pane"), act_focus_prev),
	A("documents", "d", SCOPE_GLOBAL, N_("show/hide the document list (interview order)"), act_docs),
	A("document-find", "o", SCOPE_GLOBAL, N_("open a document by name (finder)"), act_doc_find),
	A("document-next", "C-n", SCOPE_GLOBAL, N_("next document in interview order"), act_doc_next),
	A("document-prev", "C-p", SCOPE_GLOBAL, N_("previous document"), act_doc_prev),
	A("document-attr", "A", SCOPE_GLOBAL, N_("set an attribute of the document (key=value)"), act_doc_attr),
	A("memo", "m", SCOPE_GLOBAL, N_("edit the memo of the item under the cursor in $VISUAL/$EDITOR"), act_memo),
	A("storyline", "Y", SCOPE_GLOBAL, N_("selective coding: write the storyline, the core category's memo, in $VISUAL/$EDITOR"), act_storyline),
	A("query", "Q", SCOPE_GLOBAL, N_("coding query: the segments an expression over codes finds (Tab: saved queries)"), act_query),
	A("query-remove", "Z", SCOPE_GLOBAL, N_("remove a saved coding query (finder; u undoes)"), act_query_remove),
	A("query-code", "#", SCOPE_GLOBAL, N_("code a saved coding query's segments with a new top-level code, a snapshot (finder, name; u undoes)"), act_query_code),
	A("review", "R", SCOPE_GLOBAL, N_("review mode: a category's codes and their quotes"), act_review),
	A("agreement", "=", SCOPE_GLOBAL, N_("show/hide live agreement (kappa) of the two main coders"), act_agree),
	A("blind-done", "B", SCOPE_GLOBAL, N_("blind coding: mark your coding done"), act_blind_done),
	A("only-mine", "O", SCOPE_GLOBAL, N_("show only your codings / every coder's"), act_only_mine),
	A("second-pass", "S", SCOPE_GLOBAL, N_("test-retest: start your second coding pass (as LOGIN-retest) / back to the first"), act_second_pass),
	A("mouse", "M", SCOPE_GLOBAL, N_("mouse on/off"), act_mouse),
	A("redraw", "C-l", SCOPE_GLOBAL, N_("redraw the screen"), act_redraw),
	A("suspend", "C-z", SCOPE_GLOBAL, N_("suspend to the shell (fg resumes)"), act_suspend),

	A("left", "h Left", SCOPE_TRANSCRIPT, N_("caret one character left (visual order)"), act_left),
	A("right", "l Right", SCOPE_TRANSCRIPT, N_("caret one character right (visual order)"), act_right),
	A("up", "k Up", SCOPE_TRANSCRIPT, N_("caret one line up"), act_up),
	A("down", "j Down", SCOPE_TRANSCRIPT, N_("caret one line down"), act_down),
	A("word-next", "w", SCOPE_TRANSCRIPT, N_("next word"), act_word_next),
	A("word-prev", "b", SCOPE_TRANSCRIPT, N_("previous word"), act_word_prev),
	A("para-next", "}", SCOPE_TRANSCRIPT, N_("next paragraph (speaker turn)"), act_para_next),
	A("para-prev", "{", SCOPE_TRANSCRIPT, N_("previous paragraph"), act_para_prev),
	A("page-down", "PgDn Space C-f", SCOPE_TRANSCRIPT, N_("page down"), act_page_down),
	A("page-up", "PgUp C-b", SCOPE_TRANSCRIPT, N_("page up"), act_page_up),
	A("line-start", "Home 0", SCOPE_TRANSCRIPT, N_("start of the line"), act_line_start),
	A("line-end", "End $", SCOPE_TRANSCRIPT, N_("end of the line"), act_line_end),
	A("doc-start", "g", SCOPE_TRANSCRIPT, N_("start of the document"), act_doc_start),
	A("doc-end", "G", SCOPE_TRANSCRIPT, N_("end of the document"), act_doc_end),
	A("select", "v", SCOPE_TRANSCRIPT, N_("start (or drop) a selection at the caret"), act_select),
	A("select-left", "S-Left", SCOPE_TRANSCRIPT, N_("extend the selection left"), act_sel_left),
	A("select-right", "S-Right", SCOPE_TRANSCRIPT, N_("extend the selection right"), act_sel_right),
	A("select-up", "S-Up", SCOPE_TRANSCRIPT, N_("extend the selection up"), act_sel_up),
	A("select-down", "S-Down", SCOPE_TRANSCRIPT, N_("extend the selection down"), act_sel_down),
	A("cancel", "Esc", SCOPE_TRANSCRIPT, N_("drop the selection and search highlight"), act_escape),
	A("search", "/", SCOPE_TRANSCRIPT, N_("search (Persian-aware folding; Up: the earlier searches)"), act_search),
	A("search-next", "n", SCOPE_TRANSCRIPT, N_("next match"), act_search_next),
	A("search-prev", "N", SCOPE_TRANSCRIPT, N_("previous match"), act_search_prev),
	A("coded-next", "]", SCOPE_TRANSCRIPT, N_("next coded segment"), act_coded_next),
	A("coded-prev", "[", SCOPE_TRANSCRIPT, N_("previous coded segment"), act_coded_prev),
	A("code-apply", "a Enter", SCOPE_TRANSCRIPT, N_("apply a code to the selection (finder; no selection: the paragraph)"), act_code_apply),
	A("code-new", "c", SCOPE_TRANSCRIPT, N_("new code from a typed name, applied to the selection (at the top level; Tab picks a category)"), act_code_new),
	A("code-invivo", "i", SCOPE_TRANSCRIPT, N_("in-vivo code: the selected words become a code at the top level"), act_code_invivo),
	A("code-again", ".", SCOPE_TRANSCRIPT, N_("apply the last code again"), act_code_again),
	A("code-recent", "1 2 3 4 5 6 7 8 9", SCOPE_TRANSCRIPT, N_("apply recent code N (1 = the last one; no selection: the paragraph, unless quick-code selection)"), act_code_recent),
	A("coding-remove", "x Del", SCOPE_TRANSCRIPT, N_("remove your coding at the caret"), act_coding_remove),
	A("coding-start-back", "(", SCOPE_TRANSCRIPT, N_("move the coding's start a word back"), act_start_back),
	A("coding-start-fwd", ")", SCOPE_TRANSCRIPT, N_("move the coding's start a word forward"), act_start_fwd),
	A("coding-end-back", "<", SCOPE_TRANSCRIPT, N_("move the coding's end a word back"), act_end_back),
	A("coding-end-fwd", ">", SCOPE_TRANSCRIPT, N_("move the coding's end a word forward"), act_end_fwd),
	A("similar", "s", SCOPE_TRANSCRIPT, N_("the paragraphs most like the coded segment at the caret, not yet coded with its code: a applies it, Enter goes there"), act_similar),
	A("coding-evidence", "L", SCOPE_TRANSCRIPT, N_("attach the coding at the caret to a link of its code or its categories, as evidence (finder)"), view_act_evidence),

	A("tree-down", "j Down", SCOPE_TREE, N_("next row"), act_tree_down),
	A("tree-up", "k Up", SCOPE_TREE, N_("previous row"), act_tree_up),
	A("tree-page-down", "PgDn C-f", SCOPE_TREE, N_("page down"), act_tree_pgdn),
	A("tree-page-up", "PgUp C-b", SCOPE_TREE, N_("page up"), act_tree_pgup),
	A("tree-top", "g Home", SCOPE_TREE, N_("first row"), act_tree_top),
	A("tree-bottom", "G End", SCOPE_TREE, N_("last row"), act_tree_bottom),
	A("tree-expand", "l Right", SCOPE_TREE, N_("expand the category"), act_tree_expand),
	A("tree-collapse", "h Left", SCOPE_TREE, N_("collapse, or go to the parent"), act_tree_collapse),
	A("tree-segments", "Enter", SCOPE_TREE, N_("code: list its segments; category: expand/collapse"), act_tree_enter),
	A("tree-mark", "Space", SCOPE_TREE, N_("mark/unmark for moving several codes"), act_tree_mark),
	A("tree-unmark", "Esc", SCOPE_TREE, N_("clear the marks"), act_escape),
	A("tree-cut", "x", SCOPE_TREE, N_("cut the marked codes (or this one)"), act_tree_cut),
	A("tree-paste", "p", SCOPE_TREE, N_("move what was cut into this category"), act_tree_paste),
	A("tree-move-to", "t", SCOPE_TREE, N_("move the marked (or this) into a category (finder)"), act_tree_move_to),
	A("tree-apply", "a", SCOPE_TREE, N_("apply this code or category to the transcript selection"), act_tree_apply),
	A("tree-new-code", "c", SCOPE_TREE, N_("new code in this category"), act_tree_new_code),
	A("tree-new-category", "C", SCOPE_TREE, N_("new category beside this one"), act_tree_new_category),
	A("tree-rename", "r", SCOPE_TREE, N_("rename"), act_tree_rename),
	A("tree-color", "K", SCOPE_TREE, N_("recolour"), act_tree_color),
	A("tree-define", "e", SCOPE_TREE, N_("edit the definition in $VISUAL/$EDITOR"), act_tree_define),
	A("tree-role", "P", SCOPE_TREE, N_("set the paradigm role of a top-level category"), act_tree_role),
	A("tree-link", "L", SCOPE_TREE, N_("link this code or category to another: the other one, the type, a memo (finder, prompt; u undoes)"), view_act_link_tree),
	A("tree-core", "*", SCOPE_TREE, N_("selective coding: make this category the core category (again: no longer)"), act_tree_core),
	A("tree-merge", "J", SCOPE_TREE, N_("merge the marked (or this) code into another"), act_tree_merge),
	A("tree-delete", "D Del", SCOPE_TREE, N_("delete (asks first; u undoes)"), act_tree_delete),

	A("list-down", "j Down", SCOPE_LIST, N_("next row"), act_list_down),
	A("list-up", "k Up", SCOPE_LIST, N_("previous row"), act_list_up),
	A("list-page-down", "PgDn", SCOPE_LIST, N_("page down"), act_list_pgdn),
	A("list-page-up", "PgUp", SCOPE_LIST, N_("page up"), act_list_pgup),
	A("list-open", "Enter", SCOPE_LIST, N_("jump to the segment / open the document"), act_list_open),
	A("review-next", "n", SCOPE_LIST, N_("review: next category"), act_review_next),
	A("review-prev", "p", SCOPE_LIST, N_("review: previous category"), act_review_prev),
	A("query-save", "z", SCOPE_LIST, N_("save the coding query the list shows under a name (u undoes)"), act_query_save),
	A("list-close", "Esc", SCOPE_LIST, N_("back to the transcript"), act_escape),
	/* the full-body views (pane-view.c, view-*.c) */
	A("agreement-view", "I", SCOPE_GLOBAL, N_("agreement view: pooled and per-code kappa of two coders"), view_act_agree),
	A("compare-view", "X", SCOPE_GLOBAL, N_("compare view: two coders' codings side by side, settle disagreements"), view_act_compare),
	A("paradigm-view", "T", SCOPE_GLOBAL, N_("paradigm model view (the six slots) and saturation chart"), view_act_paradigm),
	A("network-view", "V", SCOPE_GLOBAL, N_("network view: the tree cursor's code or category in the middle, its links in and out on either side"), view_act_network),
	A("matrix-view", "H", SCOPE_GLOBAL, N_("matrix view: codes or categories by attribute value, document or code, shaded by count; Enter lists a cell's segments"), view_act_matrix),
	A("search-view", "F", SCOPE_GLOBAL, N_("search every document: the hits in context, Enter shows one in the transcript"), view_act_search),
	A("retest-view", "E", SCOPE_GLOBAL, N_("test-retest view: a coder's two passes per document, as axial retest prints them"), view_act_retest),
	A("view-close", "Esc", SCOPE_VIEW, N_("back to the workbench"), view_act_close),
	A("view-down", "j Down", SCOPE_VIEW, N_("next row"), view_act_down),
	A("view-up", "k Up", SCOPE_VIEW, N_("previous row"), view_act_up),
	A("view-page-down", "PgDn Space C-f", SCOPE_VIEW, N_("page down"), view_act_pgdn),
	A("view-page-up", "PgUp C-b", SCOPE_VIEW, N_("page up"), view_act_pgup),
	A("view-top", "g Home", SCOPE_VIEW, N_("first row"), view_act_top),
	A("view-bottom", "G End", SCOPE_VIEW, N_("last row"), view_act_bottom),
	A("view-open", "Enter", SCOPE_VIEW, N_("agreement: compare this code's disagreements; paradigm: codes on/off; network: the link's memo and evidence; matrix: the cell's segments; search: the hit in the transcript"), view_act_enter),
	A("search-code", "C", SCOPE_VIEW, N_("search: code every hit (or what e chose around it) with a code the finder picks, after a question"), view_act_search_code),
	A("search-word", "w", SCOPE_VIEW, N_("search: whole words only / words that begin so"), view_act_search_word),
	A("search-memos", "i", SCOPE_VIEW, N_("search: memos too (listed, never coded) / documents only"), view_act_search_memos),
	A("search-speaker", "P", SCOPE_VIEW, N_("search: only the turns of one speaker (finder of the documents' speaker labels)"), view_act_search_speaker),
	A("search-docs", "D", SCOPE_VIEW, N_("search: only a set of documents (finder: Enter adds or drops one)"), view_act_search_docs),
	A("search-scope", "e", SCOPE_VIEW, N_("search: C codes the hit, sentence, paragraph or speaker turn"), view_act_search_scope),
	A("disagreement-next", "n ]", SCOPE_VIEW, N_("compare: next disagreement (across documents)"), view_act_next),
	A("disagreement-prev", "p [", SCOPE_VIEW, N_("compare: previous disagreement"), view_act_prev),
	A("take-a", "a", SCOPE_VIEW, N_("compare: as A coded: keep the code here if A applied it, else drop it (a note is asked)"), view_act_take_a),
	A("take-b", "b", SCOPE_VIEW, N_("compare: as B coded: keep the code here if B applied it, else drop it"), view_act_take_b),
	A("take-both", "2", SCOPE_VIEW, N_("compare: keep both coders' spans (keeps the code here)"), view_act_take_both),
	A("take-neither", "0", SCOPE_VIEW, N_("compare: drop the code here (it does not apply)"), view_act_take_neither),
	A("view-codes", "c", SCOPE_VIEW, N_("paradigm: show/hide the codes under each category"), view_act_codes),
	A("view-saturation", "s", SCOPE_VIEW, N_("paradigm: the saturation chart / the model"), view_act_saturation),
	A("network-follow", "l Right", SCOPE_VIEW, N_("network: the chosen link's other end goes in the middle; matrix: the next column"), view_act_follow),
	A("network-back", "Backspace h Left", SCOPE_VIEW, N_("network: back to the code or category in the middle before; matrix: the column before"), view_act_back),
	A("network-link", "L", SCOPE_VIEW, N_("network: link the code or category in the middle to another"), view_act_link),
	A("matrix-rows", "r", SCOPE_VIEW, N_("matrix: rows are the codes / the categories"), view_act_matrix_rows),
	A("matrix-cols", "t", SCOPE_VIEW, N_("matrix: columns are each attribute's values, the documents, the codes"), view_act_matrix_cols),
	A("matrix-measure", "f", SCOPE_VIEW, N_("matrix: count segments or documents, as counts or row or column percentages"), view_act_matrix_measure),
	A("view-coders", "W", SCOPE_VIEW, N_("agreement and compare: choose the two coders; test-retest: whose passes; saturation: whose codings"), view_act_coders),
	A("set-add", "+", SCOPE_VIEW, N_("agreement: add a coder to the set the agreement pane (=) covers, after A and B"), view_act_set_add),
	A("set-drop", "-", SCOPE_VIEW, N_("agreement: drop the coder last added to the set"), view_act_set_drop),
	{NULL, NULL, 0, NULL, NULL},
};
#undef A

static int
focus_scope(struct ui *ui)
{
	return ui->panes[ui->view != VIEW_NONE ? PANE_VIEW : ui->focus].ops->scope;
}

void
ui_handle_key(struct ui *ui, int key)
{
	const struct keymap_action *a;

	if (overlay_key(ui, key))
		return;
	if (ui->msg[0] != '\0') {
		ui->msg[0] = '\0';
		ui->msg_err = false;
		ui_dirty(ui, DIRTY_STATUS);
	}
	a = keymap_lookup(ui->keys, focus_scope(ui), key);
	if (a == NULL || a->fn == NULL) {
		char nm[32];

		keymap_name(key, nm, sizeof nm);
		ui_err(ui, _("%s: no action here; ? shows the keys"), nm);
		return;
	}
	ui->last_key = key;
	a->fn(ui);
}
