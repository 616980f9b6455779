/*
 * act-transcript.c: the actions of the transcript pane, named by the key
 * table in ui-actions.c: caret motions and selection, search, walking the
 * coded segments, and open coding (apply, new, in-vivo, again, recent,
 * remove, move a coding's ends). Like every action they change the model
 * through project.h (one undoable entry each) and the view-models, then
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

#include "store/blind.h"
#include "store/history.h"
#include "base/i18n.h"
#include "store/memo.h"
#include "text/name.h"
#include "stats/retest.h"
#include "text/searchkey.h"
#include "base/util.h"
#include "tui/ui-int.h"
#include "tui/actions-int.h"

/* ---- helpers ---- */

/* The coding actions' own state, made on first use (ui->act). */
struct act_state {
	int64_t recent[UI_RECENT];	/* codes applied, newest first */
	size_t nrecent;
	char *search;		/* the last search, UTF-8 */
	char **search_hist;	/* this session's searches, oldest first */
	size_t nsearch_hist;
	int64_t *nc_places;	/* where a new code may go: 0 top level */
	size_t nnc_places, nc_place;
	bool nc_apply;		/* the new code is applied to the selection */
	char *pending_code;	/* the name the finder asks to create */
};

static struct act_state *
act_of(struct ui *ui)
{
	if (ui->act == NULL)
		ui->act = xcalloc(1, sizeof *ui->act);
	return ui->act;
}

void
act_transcript_free(struct ui *ui)
{
	struct act_state *a = ui->act;
	size_t i;

	if (a == NULL)
		return;
	free(a->search);
	for (i = 0; i < a->nsearch_hist; i++)
		free(a->search_hist[i]);
	free(a->search_hist);
	free(a->nc_places);
	free(a->pending_code);
	free(a);
	ui->act = NULL;
}

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

static void
push_recent(struct ui *ui, int64_t node)
{
	struct act_state *a = act_of(ui);
	size_t i;

	for (i = 0; i < a->nrecent && a->recent[i] != node; i++)
		;
	if (i == a->nrecent && a->nrecent < UI_RECENT)
		a->nrecent++;
	if (i >= a->nrecent)
		i = a->nrecent - 1;
	memmove(&a->recent[1], &a->recent[0], i * sizeof a->recent[0]);
	a->recent[0] = node;
}

/* Drops from the recent codes those that are gone from the tree (deleted,
 * merged, or undone away); true if any was dropped. A category applied to
 * text stays: it is applied again like a code. */
static bool
recent_prune(struct ui *ui)
{
	struct act_state *a = act_of(ui);
	size_t i, n = 0;

	for (i = 0; i < a->nrecent; i++)
		if (ui_node(ui, a->recent[i]) != NULL)
			a->recent[n++] = a->recent[i];
	i = a->nrecent;
	a->nrecent = n;
	return n < i;
}

void
ui_apply_code(struct ui *ui, int64_t node)
{
	const struct node *n = ui_node(ui, node);
	size_t s, e, para = 0;
	bool sel;
	int64_t id;
	uint64_t t0;

	if (n == NULL) {
		ui_err(ui, "%s", _("pick a code"));
		return;
	}
	if (ui_cur_doc(ui) == 0 || !code_range(ui, &s, &e)) {
		ui_err(ui, _("nothing to code here: select text first (v, then move)"));
		return;
	}
	sel = vmt_selection(&ui->vt, &(size_t){0}, &(size_t){0});
	if (!sel)
		para = text_doc_paragraph_at(ui->tdoc, s) + 1;
	t0 = clock_ns();
	if (!ui_check(ui, coding_add(ui->p, ui_cur_doc(ui), node, (int64_t)s,
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
	ui_after_action(ui);
	if (sel)
		ui_msg(ui, _("coded %zu-%zu as %s"), s, e, n->name);
	else	/* no selection: say which unit took the code */
		ui_msg(ui, _("coded paragraph %zu with «%s»"), para, n->name);
}

/* The quick keys (digits, .) without a selection code the paragraph at
 * the caret, unless the config says "quick-code selection". */
static void
quick_apply(struct ui *ui, int64_t node)
{
	size_t s, e;

	if (ui->quick_refuse && !vmt_selection(&ui->vt, &s, &e)) {
		ui_err(ui, "%s", _("select text first (v, then move): quick-code "
		    "selection in your config keeps the digit keys from coding a "
		    "whole paragraph"));
		return;
	}
	ui_apply_code(ui, node);
}

/* ---- motions in the transcript ---- */

static void
motion(struct ui *ui, void (*fn)(struct vm_transcript *), bool extend)
{
	size_t top = ui->vt.top_off;
	bool had_sel = ui->vt.mark != VMT_NO_MARK;

	if (extend && ui->vt.mark == VMT_NO_MARK)
		vmt_set_mark(&ui->vt);
	fn(&ui->vt);
	if (top != ui->vt.top_off || had_sel || ui->vt.mark != VMT_NO_MARK)
		ui_dirty(ui, DIRTY_TRANSCRIPT);
	ui_dirty(ui, DIRTY_STATUS);
}

#define MOTION(name, fn, ext) \
	void name(struct ui *ui) { motion(ui, fn, ext); }
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

void
act_select(struct ui *ui)
{
	if (ui->vt.mark == VMT_NO_MARK) {
		vmt_set_mark(&ui->vt);
		ui_msg(ui, _("selecting: move to extend, then a to code, Esc to cancel"));
	} else
		vmt_clear_mark(&ui->vt);
	ui_dirty(ui, DIRTY_TRANSCRIPT | DIRTY_STATUS);
}

void
act_escape(struct ui *ui)
{
	vmt_clear_mark(&ui->vt);
	ui->hit_s = ui->hit_e = 0;
	if (ui->focus == PANE_TREE)
		vmtree_clear_marks(&ui->tree);
	if (ui->focus == PANE_CODINGS || ui->focus == PANE_DOCS)
		ui_focus(ui, PANE_TRANSCRIPT);
	ui_dirty(ui, DIRTY_ALL);
}

/* ---- search ---- */

static void
search_go(struct ui *ui, bool backward)
{
	struct searchkey *needle;
	size_t s = 0, e = 0;
	bool found, wrapped;

	if (act_of(ui)->search == NULL || *act_of(ui)->search == '\0') {
		ui_err(ui, _("no search yet: / to search"));
		return;
	}
	if (ui->hay == NULL)
		ui->hay = searchkey_doc_new(ui->tdoc, NULL);
	needle = searchkey_new(act_of(ui)->search, strlen(act_of(ui)->search), NULL);
	found = searchkey_doc_find(ui->hay, needle, backward ? ui->vt.cursor :
	    ui->vt.cursor + 1, backward, &s, &e, &wrapped);
	if (found && wrapped && backward)
		ui_msg(ui, _("search wrapped to the bottom"));
	else if (found && wrapped)
		ui_msg(ui, _("search wrapped to the top"));
	searchkey_free(needle);
	if (!found) {
		ui_err(ui, _("not found: %s"), act_of(ui)->search);
		ui->hit_s = ui->hit_e = 0;
	} else {
		vmt_goto(&ui->vt, s);
		ui->hit_s = s;
		ui->hit_e = e;
	}
	ui_dirty(ui, DIRTY_TRANSCRIPT | DIRTY_STATUS);
}

/* This session's searches, at most SEARCH_HIST, for Up in the prompt. */
#define SEARCH_HIST 50

static void
search_done(struct ui *ui, const char *text)
{
	if (*text == '\0') {
		ui_msg(ui, "%s", _("cancelled"));
		return;
	}
	free(act_of(ui)->search);
	act_of(ui)->search = xstrdup(text);
	if (act_of(ui)->nsearch_hist == 0 ||
	    strcmp(act_of(ui)->search_hist[act_of(ui)->nsearch_hist - 1], text) != 0) {
		if (act_of(ui)->nsearch_hist == SEARCH_HIST) {
			free(act_of(ui)->search_hist[0]);
			memmove(&act_of(ui)->search_hist[0], &act_of(ui)->search_hist[1],
			    --act_of(ui)->nsearch_hist * sizeof *act_of(ui)->search_hist);
		}
		if (act_of(ui)->search_hist == NULL)
			act_of(ui)->search_hist = xcalloc(SEARCH_HIST,
			    sizeof *act_of(ui)->search_hist);
		act_of(ui)->search_hist[act_of(ui)->nsearch_hist++] = xstrdup(text);
	}
	search_go(ui, false);
}

/* The prompt opens empty, the earlier searches one Up away. */
void
act_search(struct ui *ui)
{
	prompt_open(ui, _("search (Persian-aware: ی/ي, ک/ك, ZWNJ, digits fold)"),
	    "", search_done);
	prompt_set_history(ui, act_of(ui)->search_hist, act_of(ui)->nsearch_hist);
}

void act_search_next(struct ui *ui) { search_go(ui, false); }
void act_search_prev(struct ui *ui) { search_go(ui, true); }

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

void act_coded_next(struct ui *ui) { coded_step(ui, 1); }
void act_coded_prev(struct ui *ui) { coded_step(ui, -1); }

/* ---- open coding ---- */

static void new_code_apply(struct ui *ui, const char *name, const char *label,
    bool apply, int64_t parent);

/* ui_text_compose_fn: the question before a code is made at the top. */
static void
create_title(const void *arg, const char *name, char *buf, size_t cap)
{
	(void)arg;
	snprintf(buf, cap, _("create code «%s» at the top level?"), name);
}

/* ui_text_compose_fn: the new-code prompt's title inside a category. */
static void
new_in_title(const void *arg, const char *name, char *buf, size_t cap)
{
	(void)arg;
	snprintf(buf, cap, _("new code in «%s» (Tab: next place)"), name);
}

/* y or Enter on "create code ...?": the new code at the top level. */
static void
create_yes(struct ui *ui, const char *yes)
{
	char *name = act_of(ui)->pending_code;

	(void)yes;
	act_of(ui)->pending_code = NULL;
	if (name != NULL)
		new_code_apply(ui, name, "code add", true, 0);
	free(name);
}

/* Enter in the apply finder: the chosen code, or, when nothing matched
 * what was typed, a question first, so a typo never becomes a code. */
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
		free(act_of(ui)->pending_code);
		act_of(ui)->pending_code = xstrdup(q);
		confirm_open(ui, "", create_yes, true);
		prompt_title_name(ui, create_title, q);
		return;
	}
	ui_apply_code(ui, id);
}

void
act_code_apply(struct ui *ui)
{
	struct finder_item *items, tmp;
	size_t n, i, j, front = 0;

	/* categories too: a category may be applied to text (REFI codable) */
	finder_nodes(ui, true, true, &items, &n);
	/* the recent codes first, most recent on top */
	for (j = 0; j < act_of(ui)->nrecent; j++)
		for (i = front; i < n; i++)
			if (items[i].id == act_of(ui)->recent[j]) {
				tmp = items[i];
				memmove(&items[front + 1], &items[front],
				    (i - front) * sizeof *items);
				items[front++] = tmp;
				break;
			}
	finder_open(ui, _("apply code (no match: Enter offers to create it)"),
	    items, n, apply_done);
}

/* Creates code `name` under parent (or finds it there; 0: the top level)
 * and, when apply, codes the selection with it: one undoable action,
 * `label` in the log. */
static void
new_code_apply(struct ui *ui, const char *name, const char *label,
    bool apply, int64_t parent)
{
	int64_t id = 0, cid;
	size_t s = 0, e = 0;
	enum ax_status rc;
	char *path = NULL;

	if (apply && (ui_cur_doc(ui) == 0 || !code_range(ui, &s, &e))) {
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
		rc = coding_add(ui->p, ui_cur_doc(ui), id, (int64_t)s, (int64_t)e, &cid);
	free(path);
	if (!ui_action_end(ui, rc))
		return;
	push_recent(ui, id);
	vmt_clear_mark(&ui->vt);
	if (apply)
		vmt_goto(&ui->vt, s);
	ui_after_action(ui);
	vmtree_goto_id(&ui->tree, id);
	if (parent == 0)
		ui_msg(ui, apply ? _("coded as %s (a code at the top level)") :
		    _("new code %s at the top level"), name);
	else
		ui_msg(ui, apply ? _("coded as %s (a code in «%s»)") :
		    _("new code %s in «%s»"), name, ui_node_name(ui, parent));
}

/* The new-code prompt's title: where the code goes, and Tab to change it. */
static void
new_code_title(struct ui *ui)
{
	int64_t at = act_of(ui)->nc_places[act_of(ui)->nc_place];
	char title[UI_TITLE_MAX];

	if (at == 0)
		snprintf(title, sizeof title, "%s", act_of(ui)->nnc_places > 1 ?
		    _("new code at the top level (Tab: into a category)") :
		    _("new code at the top level"));
	else {
		prompt_title_name(ui, new_in_title, ui_node_name(ui, at));
		return;
	}
	prompt_set_title(ui, title);
}

static void
new_code_tab(struct ui *ui, int dir)
{
	if (act_of(ui)->nnc_places < 2)
		return;
	act_of(ui)->nc_place = (act_of(ui)->nc_place + act_of(ui)->nnc_places + (size_t)(dir > 0 ? 1 :
	    -1)) % act_of(ui)->nnc_places;
	new_code_title(ui);
}

static void
new_code_done(struct ui *ui, const char *name)
{
	if (*name)
		new_code_apply(ui, name, "code add", act_of(ui)->nc_apply,
		    act_of(ui)->nc_places[act_of(ui)->nc_place]);
}

void
ui_new_code_prompt(struct ui *ui, bool apply, bool in_tree)
{
	int64_t here = vmtree_target_category(&ui->tree), c;
	size_t i, n = 0;

	/* the top level, the tree's category and those above it, the rest */
	free(act_of(ui)->nc_places);
	act_of(ui)->nc_places = xcalloc(ui->nnodes + 2, sizeof *act_of(ui)->nc_places);
	act_of(ui)->nc_places[n++] = 0;
	for (c = here; c != 0 && ui_node(ui, c) != NULL && n < ui->nnodes + 1;
	    c = ui_node(ui, c)->parent)
		act_of(ui)->nc_places[n++] = c;
	for (i = 0; i < ui->nnodes; i++) {
		size_t k;

		if (ui->nodes[i].kind != NODE_CATEGORY)
			continue;
		for (k = 0; k < n && act_of(ui)->nc_places[k] != ui->nodes[i].id; k++)
			;
		if (k == n)
			act_of(ui)->nc_places[n++] = ui->nodes[i].id;
	}
	act_of(ui)->nnc_places = n;
	act_of(ui)->nc_place = in_tree && here != 0 ? 1 : 0;
	act_of(ui)->nc_apply = apply;
	prompt_open(ui, "", "", new_code_done);
	prompt_set_tab(ui, new_code_tab);
	new_code_title(ui);
}

void
act_code_new(struct ui *ui)
{
	size_t s, e;

	if (!code_range(ui, &s, &e)) {
		ui_err(ui, _("select text first (v, then move), or c in the code tree"));
		return;
	}
	ui_new_code_prompt(ui, true, false);
}

/* The selected words as a code name: white space collapsed, quotes and
 * end punctuation trimmed, at most 60 characters. */
static char *
invivo_name(struct ui *ui, size_t s, size_t e)
{
	struct buf b = {0};
	size_t i, n = 0;
	bool space = false;
	char *name;

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
	/* what else a name may not hold (direction marks, ZWSP) goes too */
	name = name_clean(NAME_CODE, b.s, "", 0, NULL);
	buf_done(&b);
	return name;
}

void
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
		new_code_apply(ui, name, "in-vivo code", true, 0);
	free(name);
}

void
act_code_again(struct ui *ui)
{
	bool gone = recent_prune(ui);

	if (act_of(ui)->nrecent == 0) {
		ui_err(ui, "%s", gone ? _("the code applied last is gone (deleted "
		    "or undone); a applies another") :
		    _("no code applied yet in this session"));
		return;
	}
	quick_apply(ui, act_of(ui)->recent[0]);
}

void
act_code_recent(struct ui *ui)
{
	size_t k = (size_t)(ui->last_key - '1');

	(void)recent_prune(ui);
	if (k >= act_of(ui)->nrecent) {
		ui_err(ui, _("no recent code %zu (%zu so far)"), k + 1,
		    act_of(ui)->nrecent);
		return;
	}
	quick_apply(ui, act_of(ui)->recent[k]);
}

void
act_coding_remove(struct ui *ui)
{
	const struct coding *c = ui_coding_here(ui, true);
	char name[256];

	if (c == NULL) {
		ui_err(ui, _("none of your codings is at the caret"));
		return;
	}
	snprintf(name, sizeof name, "%s", ui_node_name(ui, c->node));
	if (ui_check(ui, coding_remove(ui->p, c->id))) {
		ui_after_action(ui);
		ui_msg(ui, _("removed coding %s (u undoes)"), name);
	}
}

static void
coding_edge(struct ui *ui, bool start, int dir)
{
	const struct coding *c = ui_coding_here(ui, true);
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
		ui_after_action(ui);
		vmt_goto(&ui->vt, start ? s : (e > s ? e - 1 : s));
		ui_msg(ui, _("coding now %zu-%zu"), s, e);
	}
}

void act_start_back(struct ui *ui) { coding_edge(ui, true, -1); }
void act_start_fwd(struct ui *ui) { coding_edge(ui, true, 1); }
void act_end_back(struct ui *ui) { coding_edge(ui, false, -1); }
void act_end_fwd(struct ui *ui) { coding_edge(ui, false, 1); }
