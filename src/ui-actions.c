/*
 * ui-actions.c: the key table and the actions it names.
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

#include <unistr.h>

#include "axial/blind.h"
#include "axial/history.h"
#include "axial/i18n.h"
#include "axial/memo.h"
#include "axial/retest.h"
#include "axial/searchkey.h"
#include "axial/util.h"
#include "ui.h"

typedef void action_fn(struct ui *ui);

void ui_toggle_mouse(struct ui *ui);
void ui_move_nodes_to(struct ui *ui, const int64_t *ids, size_t n,
    int64_t parent);

/* ---- helpers ---- */

static ucs4_t
char_at(struct ui *ui, size_t off)
{
	return text_doc_char(ui->tdoc, off);
}

static bool
is_space(ucs4_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xa0 ||
	    c == 0x200c || c == 0x200f || c == 0x200e;
}

/* The range to code: the selection, else the paragraph at the caret;
 * trimmed of white space at both ends. */
static bool
code_range(struct ui *ui, size_t *s, size_t *e)
{
	if (!vmt_selection(&ui->vt, s, e)) {
		size_t p;

		if (text_doc_length(ui->tdoc) == 0)
			return false;
		p = text_doc_paragraph_at(ui->tdoc, ui->vt.cursor);
		text_doc_paragraph(ui->tdoc, p, s, e);
	}
	while (*s < *e && is_space(char_at(ui, *s)))
		(*s)++;
	while (*e > *s && is_space(char_at(ui, *e - 1)))
		(*e)--;
	return *e > *s;
}

static int64_t
cur_doc(struct ui *ui)
{
	return ui->cur < ui->ndocs ? ui->docs[ui->cur].id : 0;
}

static void
push_recent(struct ui *ui, int64_t node)
{
	size_t i;

	for (i = 0; i < ui->nrecent && ui->recent[i] != node; i++)
		;
	if (i == ui->nrecent && ui->nrecent < UI_RECENT)
		ui->nrecent++;
	if (i >= ui->nrecent)
		i = ui->nrecent - 1;
	memmove(&ui->recent[1], &ui->recent[0], i * sizeof ui->recent[0]);
	ui->recent[0] = node;
}

/* My codings covering the caret; the shortest, or NULL. */
static const struct coding *
coding_here(struct ui *ui, bool mine_only)
{
	const struct coding *best = NULL;
	size_t i, off = ui->vt.cursor;

	for (i = 0; i < ui->ncodings; i++) {
		const struct coding *c = &ui->codings[i];

		if ((size_t)c->start > off)
			break;
		if ((size_t)c->end <= off || (mine_only && c->coder != ui->me))
			continue;
		if (ui->only_mine && c->coder != ui->me)
			continue;
		if (best == NULL || c->end - c->start < best->end - best->start)
			best = c;
	}
	return best;
}

static void
after_action(struct ui *ui)
{
	ui_sync(ui);
	ui_dirty(ui, DIRTY_TREE | DIRTY_TRANSCRIPT | DIRTY_STATUS);
}

void
ui_apply_code(struct ui *ui, int64_t node)
{
	const struct node *n = ui_node(ui, node);
	size_t s, e;
	int64_t id;
	uint64_t t0;

	if (n == NULL || n->kind != NODE_CODE) {
		ui_err(ui, _("pick a code, not a category"));
		return;
	}
	if (cur_doc(ui) == 0 || !code_range(ui, &s, &e)) {
		ui_err(ui, _("nothing to code here: select text first (v, then move)"));
		return;
	}
	t0 = clock_ns();
	if (!ui_check(ui, coding_add(ui->p, cur_doc(ui), node, (int64_t)s,
	    (int64_t)e, &id)))
		return;
	if (ui->opt.stats != NULL) {
		ui->commit_ns = xgrow(ui->commit_ns, &ui->capcommit_ns,
		    ui->ncommit_ns + 1, sizeof *ui->commit_ns);
		ui->commit_ns[ui->ncommit_ns++] = clock_ns() - t0;
	}
	push_recent(ui, node);
	vmt_clear_mark(&ui->vt);
	vmt_goto(&ui->vt, s);	/* on the new segment: its codes show */
	after_action(ui);
	ui_msg(ui, _("coded %zu-%zu as %s"), s, e, n->name);
}

/* ---- motions in the transcript ---- */

static void
motion(struct ui *ui, void (*fn)(struct vm_transcript *), bool extend)
{
	size_t top = ui->vt.top;
	bool had_sel = ui->vt.mark != VMT_NO_MARK;

	if (extend && ui->vt.mark == VMT_NO_MARK)
		vmt_set_mark(&ui->vt);
	fn(&ui->vt);
	if (top != ui->vt.top || had_sel || ui->vt.mark != VMT_NO_MARK)
		ui_dirty(ui, DIRTY_TRANSCRIPT);
	ui_dirty(ui, DIRTY_STATUS);
}

#define MOTION(name, fn, ext) \
	static void name(struct ui *ui) { motion(ui, fn, ext); }
MOTION(act_left, vmt_left, false)
MOTION(act_right, vmt_right, false)
MOTION(act_up, vmt_up, false)
MOTION(act_down, vmt_down, false)
MOTION(act_word_next, vmt_word_next, false)
MOTION(act_word_prev, vmt_word_prev, false)
MOTION(act_para_next, vmt_para_next, false)
MOTION(act_para_prev, vmt_para_prev, false)
MOTION(act_page_down, vmt_page_down, false)
MOTION(act_page_up, vmt_page_up, false)
MOTION(act_line_start, vmt_line_start, false)
MOTION(act_line_end, vmt_line_end, false)
MOTION(act_doc_start, vmt_doc_start, false)
MOTION(act_doc_end, vmt_doc_end, false)
MOTION(act_sel_left, vmt_left, true)
MOTION(act_sel_right, vmt_right, true)
MOTION(act_sel_up, vmt_up, true)
MOTION(act_sel_down, vmt_down, true)
#undef MOTION

static void
act_select(struct ui *ui)
{
	if (ui->vt.mark == VMT_NO_MARK) {
		vmt_set_mark(&ui->vt);
		ui_msg(ui, _("selecting: move to extend, then a to code, Esc to cancel"));
	} else
		vmt_clear_mark(&ui->vt);
	ui_dirty(ui, DIRTY_TRANSCRIPT | DIRTY_STATUS);
}

static void
act_escape(struct ui *ui)
{
	vmt_clear_mark(&ui->vt);
	ui->hit_s = ui->hit_e = 0;
	if (ui->focus == PANE_TREE)
		vmtree_clear_marks(&ui->tree);
	if (ui->focus == PANE_CODINGS || ui->focus == PANE_DOCS)
		ui->focus = PANE_TRANSCRIPT;
	ui_dirty(ui, DIRTY_ALL);
}

/* ---- search ---- */

static void
search_go(struct ui *ui, bool backward)
{
	struct searchkey *needle;
	size_t s = 0, e = 0;
	bool found, wrapped;

	if (ui->search == NULL || *ui->search == '\0') {
		ui_err(ui, _("no search yet: / to search"));
		return;
	}
	if (ui->hay == NULL)
		ui->hay = searchkey_doc_new(ui->tdoc, NULL);
	needle = searchkey_new(ui->search, strlen(ui->search), NULL);
	found = searchkey_doc_find(ui->hay, needle, backward ? ui->vt.cursor :
	    ui->vt.cursor + 1, backward, &s, &e, &wrapped);
	if (found && wrapped && backward)
		ui_msg(ui, _("search wrapped to the bottom"));
	else if (found && wrapped)
		ui_msg(ui, _("search wrapped to the top"));
	searchkey_free(needle);
	if (!found) {
		ui_err(ui, _("not found: %s"), ui->search);
		ui->hit_s = ui->hit_e = 0;
	} else {
		vmt_goto(&ui->vt, s);
		ui->hit_s = s;
		ui->hit_e = e;
	}
	ui_dirty(ui, DIRTY_TRANSCRIPT | DIRTY_STATUS);
}

static void
search_done(struct ui *ui, const char *text)
{
	free(ui->search);
	ui->search = xstrdup(text);
	search_go(ui, false);
}

static void act_search(struct ui *ui) { prompt_open(ui, _("search (Persian-aware: ی/ي, ک/ك, ZWNJ, digits fold)"), ui->search, search_done); }
static void act_search_next(struct ui *ui) { search_go(ui, false); }
static void act_search_prev(struct ui *ui) { search_go(ui, true); }

/* ---- coded segments ---- */

static void
coded_step(struct ui *ui, int dir)
{
	size_t i, off = ui->vt.cursor;
	const struct coding *t = NULL;

	for (i = 0; i < ui->ncodings; i++) {
		const struct coding *c = &ui->codings[i];

		if (ui->only_mine && c->coder != ui->me)
			continue;
		if (dir > 0 && (size_t)c->start > off) {
			t = c;
			break;
		}
		if (dir < 0 && (size_t)c->start < off)
			t = c;
	}
	if (t == NULL) {
		ui_err(ui, "%s", dir > 0 ? _("no next coded segment") :
		    _("no previous coded segment"));
		return;
	}
	vmt_goto(&ui->vt, (size_t)t->start);
	ui_dirty(ui, DIRTY_TRANSCRIPT | DIRTY_STATUS);
}

static void act_coded_next(struct ui *ui) { coded_step(ui, 1); }
static void act_coded_prev(struct ui *ui) { coded_step(ui, -1); }

/* ---- open coding ---- */

static void new_code_apply(struct ui *ui, const char *name, const char *label,
    bool apply);

/* Enter in the apply finder: the chosen code, or, when nothing matched
 * what was typed, a new code of that name (quick coding). */
static void
apply_done(struct ui *ui, int64_t id, const char *query)
{
	if (id == 0) {
		const char *q = query;

		while (*q == ' ')
			q++;
		if (*q == '\0') {
			ui_err(ui, _("no codes yet: type a name to create one"));
			return;
		}
		new_code_apply(ui, q, "code add", true);
		return;
	}
	ui_apply_code(ui, id);
}

static void
act_code_apply(struct ui *ui)
{
	struct finder_item *items, tmp;
	size_t n, i, j, front = 0;

	finder_nodes(ui, true, false, &items, &n);
	/* the recent codes first, most recent on top */
	for (j = 0; j < ui->nrecent; j++)
		for (i = front; i < n; i++)
			if (items[i].id == ui->recent[j]) {
				tmp = items[i];
				memmove(&items[front + 1], &items[front],
				    (i - front) * sizeof *items);
				items[front++] = tmp;
				break;
			}
	finder_open(ui, _("apply code (no match: Enter creates it)"), items, n,
	    apply_done);
}

/* Creates code `name` under the tree's current category (or finds it
 * there) and applies it to the selection, in one undoable action. */
static void
new_code_apply(struct ui *ui, const char *name, const char *label, bool apply)
{
	int64_t parent = vmtree_target_category(&ui->tree), id = 0, cid;
	size_t s = 0, e = 0;
	enum ax_status rc;
	char *path = NULL;

	if (apply && (cur_doc(ui) == 0 || !code_range(ui, &s, &e))) {
		ui_err(ui, _("nothing to code here: select text first"));
		return;
	}
	if (!ui_check(ui, project_begin(ui->p, label)))
		return;
	rc = codetree_add(ui->p, parent, NODE_CODE, name, &id);
	if (rc == AX_ERR_EXISTS) {
		char *pp = parent ? codetree_path(ui->p, parent) : NULL;

		path = pp ? xasprintf("%s/%s", pp, name) : xstrdup(name);
		free(pp);
		rc = codetree_find(ui->p, path, &id);
	}
	if (rc == AX_OK && apply)
		rc = coding_add(ui->p, cur_doc(ui), id, (int64_t)s, (int64_t)e, &cid);
	if (rc == AX_OK)
		rc = project_commit(ui->p);
	free(path);
	if (rc != AX_OK) {
		ui_err(ui, "%s", project_errmsg(ui->p));
		project_rollback(ui->p);
		return;
	}
	push_recent(ui, id);
	vmt_clear_mark(&ui->vt);
	if (apply)
		vmt_goto(&ui->vt, s);
	after_action(ui);
	vmtree_goto_id(&ui->tree, id);
	if (apply)
		ui_msg(ui, _("coded as %s"), name);
	else
		ui_msg(ui, _("new code %s"), name);
}

static void new_code_done(struct ui *ui, const char *name) { if (*name) new_code_apply(ui, name, "code add", true); }
static void tree_new_code_done(struct ui *ui, const char *name) { if (*name) new_code_apply(ui, name, "code add", false); }

static void
act_code_new(struct ui *ui)
{
	size_t s, e;

	if (!code_range(ui, &s, &e)) {
		ui_err(ui, _("select text first (v, then move), or c in the code tree"));
		return;
	}
	prompt_open(ui, _("new code for the selection (in the tree's category)"),
	    "", new_code_done);
}

/* The selected words as a code name: white space collapsed, quotes and
 * end punctuation trimmed, at most 60 characters. */
static char *
invivo_name(struct ui *ui, size_t s, size_t e)
{
	struct buf b = {0};
	size_t i, n = 0;
	bool space = false;

	for (i = s; i < e && n < 60; i++) {
		ucs4_t c = char_at(ui, i);
		uint8_t mb[8];
		size_t k = sizeof mb;

		if (is_space(c) && c != 0x200c) {
			space = b.len > 0;
			continue;
		}
		if (c < 0x20 || (c >= 0x7f && c < 0xa0) ||
		    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
			continue;
		if (b.len == 0 && (c == '"' || c == 0xab || c == '\'' || c == '(' ||
		    c == 0x201c || c == '-' || c == ':'))
			continue;
		if (space)
			buf_putc(&b, ' ');
		space = false;
		if (u32_to_u8(&c, 1, mb, &k) != NULL)
			buf_add(&b, mb, k);
		n++;
	}
	/* trailing punctuation */
	while (b.len > 0 && strchr(".,;:!?\")'»", b.s[b.len - 1]) != NULL)
		b.s[--b.len] = '\0';
	while (b.len >= 2 && ((unsigned char)b.s[b.len - 2] == 0xc2 &&
	    (unsigned char)b.s[b.len - 1] == 0xbb))	/* » */
		b.len -= 2, b.s[b.len] = '\0';
	while (b.len >= 2 && (unsigned char)b.s[b.len - 2] == 0xd8 &&
	    ((unsigned char)b.s[b.len - 1] == 0x8c ||	/* ، */
	    (unsigned char)b.s[b.len - 1] == 0x9b ||	/* ؛ */
	    (unsigned char)b.s[b.len - 1] == 0x9f))	/* ؟ */
		b.len -= 2, b.s[b.len] = '\0';
	return b.s ? buf_take(&b) : xstrdup("");
}

static void
act_code_invivo(struct ui *ui)
{
	size_t s, e;
	char *name;

	if (!vmt_selection(&ui->vt, &s, &e) || !code_range(ui, &s, &e)) {
		ui_err(ui, _("in-vivo: select the participant's words first"));
		return;
	}
	name = invivo_name(ui, s, e);
	if (*name == '\0')
		ui_err(ui, _("in-vivo: the selection has no words"));
	else
		new_code_apply(ui, name, "in-vivo code", true);
	free(name);
}

static void
act_code_again(struct ui *ui)
{
	if (ui->nrecent == 0) {
		ui_err(ui, _("no code applied yet in this session"));
		return;
	}
	ui_apply_code(ui, ui->recent[0]);
}

static void
act_code_recent(struct ui *ui)
{
	size_t k = (size_t)(ui->last_key - '1');

	if (k >= ui->nrecent) {
		ui_err(ui, _("no recent code %zu (%zu so far)"), k + 1, ui->nrecent);
		return;
	}
	ui_apply_code(ui, ui->recent[k]);
}

static void
act_coding_remove(struct ui *ui)
{
	const struct coding *c = coding_here(ui, true);
	char name[256];

	if (c == NULL) {
		ui_err(ui, _("none of your codings is at the caret"));
		return;
	}
	snprintf(name, sizeof name, "%s", ui_node_name(ui, c->node));
	if (ui_check(ui, coding_remove(ui->p, c->id))) {
		after_action(ui);
		ui_msg(ui, _("removed coding %s (u undoes)"), name);
	}
}

static void
coding_edge(struct ui *ui, bool start, int dir)
{
	const struct coding *c = coding_here(ui, true);
	size_t s, e;

	if (c == NULL) {
		ui_err(ui, _("none of your codings is at the caret"));
		return;
	}
	s = (size_t)c->start;
	e = (size_t)c->end;
	if (start)
		s = dir > 0 ? text_doc_next_word(ui->tdoc, s) :
		    text_doc_prev_word(ui->tdoc, s);
	else if (dir > 0) {
		/* take in the next word: skip the gap, then to the word's end */
		size_t x = e, len = text_doc_length(ui->tdoc);

		while (x < len && is_space(char_at(ui, x)))
			x++;
		e = text_doc_next_word(ui->tdoc, x);
		while (e > x + 1 && is_space(char_at(ui, e - 1)))
			e--;
		if (e <= x)
			e = x < len ? x + 1 : len;
	} else {
		/* drop the last word */
		e = text_doc_prev_word(ui->tdoc, e > 0 ? e - 1 : 0);
		while (e > s && is_space(char_at(ui, e - 1)))
			e--;
	}
	if (e <= s) {
		ui_err(ui, _("a coding cannot be empty"));
		return;
	}
	if (ui_check(ui, coding_set_range(ui->p, c->id, (int64_t)s, (int64_t)e))) {
		after_action(ui);
		vmt_goto(&ui->vt, start ? s : (e > s ? e - 1 : s));
		ui_msg(ui, _("coding now %zu-%zu"), s, e);
	}
}

static void act_start_back(struct ui *ui) { coding_edge(ui, true, -1); }
static void act_start_fwd(struct ui *ui) { coding_edge(ui, true, 1); }
static void act_end_back(struct ui *ui) { coding_edge(ui, false, -1); }
static void act_end_fwd(struct ui *ui) { coding_edge(ui, false, 1); }

/* ---- global ---- */

static void act_quit(struct ui *ui) { ui->quit = true; }

static void
act_help(struct ui *ui)
{
	ui->ov = OV_HELP;
	ui->help_top = 0;
	ui_dirty(ui, DIRTY_ALL);
}

static void
act_undo(struct ui *ui)
{
	char *label = NULL;
	enum ax_status rc = history_undo(ui->p, &label);

	if (rc == AX_ERR_NOTHING)
		ui_err(ui, _("nothing to undo"));
	else if (ui_check(ui, rc)) {
		after_action(ui);
		ui_msg(ui, _("undone: %s"), label ? label : "");
	}
	free(label);
}

static void
act_redo(struct ui *ui)
{
	char *label = NULL;
	enum ax_status rc = history_redo(ui->p, &label);

	if (rc == AX_ERR_NOTHING)
		ui_err(ui, _("nothing to redo"));
	else if (ui_check(ui, rc)) {
		after_action(ui);
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
	ui->focus = (enum pane_id)f;
	ui_dirty(ui, DIRTY_ALL);
}

static void act_focus_next(struct ui *ui) { focus_step(ui, 1); }
static void act_focus_prev(struct ui *ui) { focus_step(ui, -1); }

static void
act_docs(struct ui *ui)
{
	if (ui->show_docs && ui->focus == PANE_DOCS) {
		ui->show_docs = false;
		ui->focus = PANE_TRANSCRIPT;
	} else {
		ui->show_docs = true;
		ui->focus = PANE_DOCS;
		ui->docs_cur = ui->cur;
	}
	ui_dirty(ui, DIRTY_ALL | DIRTY_LAYOUT);
}

static void
switch_doc(struct ui *ui, size_t i)
{
	if (i >= ui->ndocs)
		return;
	if (ui->doc_pos == NULL)
		ui->doc_pos = xcalloc(ui->ndocs + 1, sizeof *ui->doc_pos);
	if (ui->cur < ui->ndocs)
		ui->doc_pos[ui->cur] = ui->vt.cursor;
	ui_open_doc(ui, i, ui->doc_pos[i]);
	ui->docs_cur = i;
}

static void
doc_done(struct ui *ui, int64_t id, const char *q)
{
	size_t i;

	(void)q;
	for (i = 0; i < ui->ndocs; i++)
		if (ui->docs[i].id == id)
			switch_doc(ui, i);
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

static void act_doc_next(struct ui *ui) { switch_doc(ui, ui->cur + 1); }
static void act_doc_prev(struct ui *ui) { if (ui->cur > 0) switch_doc(ui, ui->cur - 1); }
static void act_mouse(struct ui *ui) { ui_toggle_mouse(ui); }

static void
act_only_mine(struct ui *ui)
{
	ui->only_mine = !ui->only_mine;
	ui_msg(ui, "%s", ui->only_mine ? _("transcript shows only your codings") :
	    _("transcript shows every coder's codings"));
	ui_dirty(ui, DIRTY_TRANSCRIPT);
}

static void act_agree(struct ui *ui) { agree_toggle(ui); }

/*
 * Test-retest: from the first pass, start (retest_start, as `axial retest
 * start`) and code as the second, LOGIN-retest; from the second, back to
 * the first. Both switches go through project_act_as, so the identity
 * rules of --as hold. The second pass is blind to the first (agreement.md
 * section 6): the transcript shows only its own codings until it ends.
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
		after_action(ui);
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
	prompt_open(ui, _("mark your blind coding done? (you keep coding; the "
	    "others' codings show when all are done)"), "", blind_done_yes);
	ui->ov = OV_CONFIRM;
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

static void
edit_memo(struct ui *ui, enum memo_target target, int64_t id, const char *saved)
{
	struct memo *m = NULL;
	size_t n = 0;
	char *out = NULL, err[256], *title;
	int rc;

	if (!ui_check(ui, memo_list(ui->p, target, id, &m, &n)))
		return;
	ui_suspend_curses();
	rc = editor_edit(n ? m[0].body : "", &out, err, sizeof err);
	ui_resume_curses(ui);
	if (rc != 0) {
		ui_err(ui, "%s", err);
	} else if (n == 0 && *out == '\0') {
		ui_msg(ui, _("empty memo not saved"));
	} else if (n > 0 && strcmp(out, m[0].body) == 0) {
		ui_msg(ui, _("memo unchanged"));
	} else {
		size_t tl = strcspn(out, "\n");
		int64_t mid;

		title = xstrndup(out, tl > 60 ? 60 : tl);
		if (n > 0 ? ui_check(ui, memo_update(ui->p, m[0].id, title, out)) :
		    ui_check(ui, memo_add(ui->p, target, id, target == MEMO_NODE ?
		    MEMO_TYPE_CODE : MEMO_TYPE_FREE, title, out, &mid))) {
			after_action(ui);
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
			edit_memo(ui, MEMO_NODE, n->id, _("memo on the code saved"));
	} else if (ui->focus == PANE_DOCS) {
		if (ui->docs_cur < ui->ndocs)
			edit_memo(ui, MEMO_DOCUMENT, ui->docs[ui->docs_cur].id,
			    _("memo on the document saved"));
	} else {
		const struct coding *c = coding_here(ui, false);

		if (c != NULL)
			edit_memo(ui, MEMO_CODING, c->id, _("memo on the coding saved"));
		else if (cur_doc(ui))
			edit_memo(ui, MEMO_DOCUMENT, cur_doc(ui),
			    _("memo on the document saved"));
	}
}

/* ---- code tree ---- */

static void
tree_moved(struct ui *ui)
{
	ui_dirty(ui, DIRTY_TREE | DIRTY_STATUS);
	if (ui->show_agree)
		ui_dirty(ui, DIRTY_AGREE);
	if (ui->show_codings && !ui->review)
		ui->segs_pending = true;
}

static void act_tree_down(struct ui *ui) { vmtree_move(&ui->tree, 1); tree_moved(ui); }
static void act_tree_up(struct ui *ui) { vmtree_move(&ui->tree, -1); tree_moved(ui); }
static void act_tree_pgdn(struct ui *ui) { vmtree_move(&ui->tree, ui->tree.height - 1); tree_moved(ui); }
static void act_tree_pgup(struct ui *ui) { vmtree_move(&ui->tree, -(ui->tree.height - 1)); tree_moved(ui); }
static void act_tree_top(struct ui *ui) { vmtree_goto_row(&ui->tree, 0); tree_moved(ui); }
static void act_tree_bottom(struct ui *ui) { if (ui->tree.nrows) vmtree_goto_row(&ui->tree, ui->tree.nrows - 1); tree_moved(ui); }

static void
act_tree_expand(struct ui *ui)
{
	const struct node *n = vmtree_current(&ui->tree);

	if (n && n->kind == NODE_CATEGORY)
		vmtree_set_collapsed(&ui->tree, n->id, false);
	ui_dirty(ui, DIRTY_TREE);
}

static void
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

static void
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
	ui->review = false;
	ui_load_segments(ui, n->id);
	ui->focus = PANE_CODINGS;
}

static void
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
	if (rc == AX_OK)
		rc = project_commit(ui->p);
	if (rc != AX_OK) {
		ui_err(ui, "%s", project_errmsg(ui->p));
		project_rollback(ui->p);
		return;
	}
	vmtree_clear_marks(&ui->tree);
	ui->ncut = 0;
	after_action(ui);
	vmtree_set_collapsed(&ui->tree, parent, false);
	vmtree_goto_id(&ui->tree, first);
	ui_msg(ui, ngettext("moved %zu into %s (u undoes)",
	    "moved %zu into %s (u undoes)", n), n,
	    parent ? ui_node_name(ui, parent) : _("the top level"));
}

static void
act_tree_cut(struct ui *ui)
{
	free(ui->cut);
	ui->cut = selected_ids(ui, &ui->ncut);
	ui_msg(ui, ngettext("cut %zu: go to a category and press p to move there",
	    "cut %zu: go to a category and press p to move there", ui->ncut),
	    ui->ncut);
	ui_dirty(ui, DIRTY_TREE);
}

static void
act_tree_paste(struct ui *ui)
{
	int64_t *ids;
	size_t n = ui->ncut;

	if (n == 0) {
		ui_err(ui, _("nothing cut: x cuts the marked codes or the current one"));
		return;
	}
	ids = ui->cut;
	ui->cut = NULL;
	ui->ncut = 0;
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

static void
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
		after_action(ui);
		vmtree_goto_id(&ui->tree, id);
		ui_msg(ui, _("new category %s"), name);
	}
}

static void act_tree_new_code(struct ui *ui) { prompt_open(ui, _("new code (in the current category)"), "", tree_new_code_done); }
static void act_tree_new_category(struct ui *ui) { prompt_open(ui, _("new category (beside the current one)"), "", new_category_done); }

static void
rename_done(struct ui *ui, const char *name)
{
	const struct node *n = vmtree_current(&ui->tree);

	if (n && *name && ui_check(ui, codetree_rename(ui->p, n->id, name))) {
		after_action(ui);
		ui_msg(ui, _("renamed to %s"), name);
	}
}

static void
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
		after_action(ui);
		ui_msg(ui, _("colour set"));
	}
}

static void
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
	if (rc == AX_OK)
		rc = project_commit(ui->p);
	if (rc != AX_OK) {
		ui_err(ui, "%s", project_errmsg(ui->p));
		project_rollback(ui->p);
	} else {
		vmtree_clear_marks(&ui->tree);
		after_action(ui);
		ui_msg(ui, ngettext("deleted %zu (u undoes)",
		    "deleted %zu (u undoes)", n), n);
	}
	free(ids);
}

static void
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
	prompt_open(ui, title, "", delete_done);
	ui->ov = OV_CONFIRM;
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
	if (rc == AX_OK)
		rc = project_commit(ui->p);
	if (rc != AX_OK) {
		ui_err(ui, "%s", project_errmsg(ui->p));
		project_rollback(ui->p);
	} else {
		vmtree_clear_marks(&ui->tree);
		after_action(ui);
		vmtree_goto_id(&ui->tree, into);
		ui_msg(ui, ngettext("merged %zu into %s", "merged %zu into %s", k), k,
		    ui_node_name(ui, into));
	}
	free(ids);
}

static void
act_tree_merge(struct ui *ui)
{
	struct finder_item *items;
	size_t n;

	finder_nodes(ui, true, false, &items, &n);
	finder_open(ui, _("merge the marked (or current) code into"), items, n,
	    merge_done);
}

static void
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
			after_action(ui);
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
		after_action(ui);
		ui_msg(ui, _("role set"));
	}
}

static void
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

static void
act_tree_apply(struct ui *ui)
{
	const struct node *n = vmtree_current(&ui->tree);

	if (n)
		ui_apply_code(ui, n->id);
}

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

static void act_list_down(struct ui *ui) { list_step(ui, 1); }
static void act_list_up(struct ui *ui) { list_step(ui, -1); }
static void act_list_pgdn(struct ui *ui) { list_step(ui, 10); }
static void act_list_pgup(struct ui *ui) { list_step(ui, -10); }

static void
act_list_open(struct ui *ui)
{
	if (ui->focus == PANE_DOCS) {
		switch_doc(ui, ui->docs_cur);
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
					switch_doc(ui, i);
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
	ui_load_segments(ui, cat);
	ui->focus = PANE_CODINGS;
	ui_msg(ui, _("review: n/p next/previous category, Enter jumps to a quote"));
}

static void
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

static void act_review_next(struct ui *ui) { review_step(ui, 1); }
static void act_review_prev(struct ui *ui) { review_step(ui, -1); }

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
		after_action(ui);
		ui_msg(ui, _("attribute %s set"), key);
	}
	free(key);
}

static void
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

/* ---- the table ---- */

#define A(name, keys, scope, help, fn) \
	{name, keys, scope, help, (void *)(action_fn *)fn}
const struct keymap_action ui_actions[] = {
	A("help", "? F1", SCOPE_GLOBAL, N_("this help, generated from the key table"), act_help),
	A("quit", "q C-c", SCOPE_GLOBAL, N_("quit (everything is already saved)"), act_quit),
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
	A("search", "/", SCOPE_TRANSCRIPT, N_("search (Persian-aware folding)"), act_search),
	A("search-next", "n", SCOPE_TRANSCRIPT, N_("next match"), act_search_next),
	A("search-prev", "N", SCOPE_TRANSCRIPT, N_("previous match"), act_search_prev),
	A("coded-next", "]", SCOPE_TRANSCRIPT, N_("next coded segment"), act_coded_next),
	A("coded-prev", "[", SCOPE_TRANSCRIPT, N_("previous coded segment"), act_coded_prev),
	A("code-apply", "a Enter", SCOPE_TRANSCRIPT, N_("apply a code to the selection (finder; no selection: the paragraph)"), act_code_apply),
	A("code-new", "c", SCOPE_TRANSCRIPT, N_("new code from a typed name, applied to the selection"), act_code_new),
	A("code-invivo", "i", SCOPE_TRANSCRIPT, N_("in-vivo code: the selected words become the code"), act_code_invivo),
	A("code-again", ".", SCOPE_TRANSCRIPT, N_("apply the last code again"), act_code_again),
	A("code-recent", "1 2 3 4 5 6 7 8 9", SCOPE_TRANSCRIPT, N_("apply recent code N (1 = the last one)"), act_code_recent),
	A("coding-remove", "x Del", SCOPE_TRANSCRIPT, N_("remove your coding at the caret"), act_coding_remove),
	A("coding-start-back", "(", SCOPE_TRANSCRIPT, N_("move the coding's start a word back"), act_start_back),
	A("coding-start-fwd", ")", SCOPE_TRANSCRIPT, N_("move the coding's start a word forward"), act_start_fwd),
	A("coding-end-back", "<", SCOPE_TRANSCRIPT, N_("move the coding's end a word back"), act_end_back),
	A("coding-end-fwd", ">", SCOPE_TRANSCRIPT, N_("move the coding's end a word forward"), act_end_fwd),

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
	A("tree-apply", "a", SCOPE_TREE, N_("apply this code to the transcript selection"), act_tree_apply),
	A("tree-new-code", "c", SCOPE_TREE, N_("new code in this category"), act_tree_new_code),
	A("tree-new-category", "C", SCOPE_TREE, N_("new category beside this one"), act_tree_new_category),
	A("tree-rename", "r", SCOPE_TREE, N_("rename"), act_tree_rename),
	A("tree-color", "K", SCOPE_TREE, N_("recolour"), act_tree_color),
	A("tree-define", "e", SCOPE_TREE, N_("edit the definition in $VISUAL/$EDITOR"), act_tree_define),
	A("tree-role", "P", SCOPE_TREE, N_("set the paradigm role of a top-level category"), act_tree_role),
	A("tree-merge", "J", SCOPE_TREE, N_("merge the marked (or this) code into another"), act_tree_merge),
	A("tree-delete", "D Del", SCOPE_TREE, N_("delete (asks first; u undoes)"), act_tree_delete),

	A("list-down", "j Down", SCOPE_LIST, N_("next row"), act_list_down),
	A("list-up", "k Up", SCOPE_LIST, N_("previous row"), act_list_up),
	A("list-page-down", "PgDn", SCOPE_LIST, N_("page down"), act_list_pgdn),
	A("list-page-up", "PgUp", SCOPE_LIST, N_("page up"), act_list_pgup),
	A("list-open", "Enter", SCOPE_LIST, N_("jump to the segment / open the document"), act_list_open),
	A("review-next", "n", SCOPE_LIST, N_("review: next category"), act_review_next),
	A("review-prev", "p", SCOPE_LIST, N_("review: previous category"), act_review_prev),
	A("list-close", "Esc", SCOPE_LIST, N_("back to the transcript"), act_escape),
	/* the full-body views (pane-view.c, view-*.c) */
	A("agreement-view", "I", SCOPE_GLOBAL, N_("agreement view: pooled and per-code kappa of two coders"), view_act_agree),
	A("compare-view", "X", SCOPE_GLOBAL, N_("compare view: two coders' codings side by side, settle disagreements"), view_act_compare),
	A("paradigm-view", "T", SCOPE_GLOBAL, N_("paradigm model view (the six slots) and saturation chart"), view_act_paradigm),
	A("retest-view", "E", SCOPE_GLOBAL, N_("test-retest view: a coder's two passes per document, as axial retest prints them"), view_act_retest),
	A("view-close", "Esc", SCOPE_VIEW, N_("back to the workbench"), view_act_close),
	A("view-down", "j Down", SCOPE_VIEW, N_("next row"), view_act_down),
	A("view-up", "k Up", SCOPE_VIEW, N_("previous row"), view_act_up),
	A("view-page-down", "PgDn Space C-f", SCOPE_VIEW, N_("page down"), view_act_pgdn),
	A("view-page-up", "PgUp C-b", SCOPE_VIEW, N_("page up"), view_act_pgup),
	A("view-top", "g Home", SCOPE_VIEW, N_("first row"), view_act_top),
	A("view-bottom", "G End", SCOPE_VIEW, N_("last row"), view_act_bottom),
	A("view-open", "Enter", SCOPE_VIEW, N_("agreement: compare this code's disagreements; paradigm: codes on/off"), view_act_enter),
	A("disagreement-next", "n ]", SCOPE_VIEW, N_("compare: next disagreement (across documents)"), view_act_next),
	A("disagreement-prev", "p [", SCOPE_VIEW, N_("compare: previous disagreement"), view_act_prev),
	A("take-a", "a", SCOPE_VIEW, N_("compare: take A's coding into the consensus (a note is asked)"), view_act_take_a),
	A("take-b", "b", SCOPE_VIEW, N_("compare: take B's coding into the consensus"), view_act_take_b),
	A("take-both", "2", SCOPE_VIEW, N_("compare: take both coders' codings"), view_act_take_both),
	A("take-neither", "0", SCOPE_VIEW, N_("compare: take neither (the code does not apply here)"), view_act_take_neither),
	A("view-codes", "c", SCOPE_VIEW, N_("paradigm: show/hide the codes under each category"), view_act_codes),
	A("view-saturation", "s", SCOPE_VIEW, N_("paradigm: the saturation chart / the model"), view_act_saturation),
	A("view-coders", "W", SCOPE_VIEW, N_("agreement and compare: choose the two coders; test-retest: whose passes"), view_act_coders),
	{NULL, NULL, 0, NULL, NULL},
};
#undef A

static int
focus_scope(struct ui *ui)
{
	if (ui->view != VIEW_NONE)
		return SCOPE_VIEW;
	switch (ui->focus) {
	case PANE_TRANSCRIPT: return SCOPE_TRANSCRIPT;
	case PANE_TREE: return SCOPE_TREE;
	default: return SCOPE_LIST;
	}
}

void
ui_handle_key(struct ui *ui, int key)
{
	const struct keymap_action *a;

	switch (ui->ov) {
	case OV_HELP: help_key(ui, key); return;
	case OV_FINDER: finder_key(ui, key); return;
	case OV_PROMPT: case OV_CONFIRM: prompt_key(ui, key); return;
	case OV_NONE: break;
	}
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
	((action_fn *)a->fn)(ui);
}
