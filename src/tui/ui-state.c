/*
 * ui-state.c: what the panes share and how it follows the project: the
 * coders, documents, code tree, counts and the open document's codings;
 * the status line's message; the file behind the path.
 *
 * Live refresh: every tick (UI_TICK_MS, or sooner on a key) the loop polls
 * project_data_version(); when another process committed, ui_sync() reads
 * the coding changes since our cursor and applies them in place (counts,
 * the open document's codings), reloading the tree only for structural
 * changes, then tells each pane through its ops' sync. Our own actions go
 * through the same ui_sync(), so there is one path by which the screen
 * follows the project. This file calls no pane, view or action by name,
 * so they may all call it.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/blind.h"
#include "store/coder.h"
#include "store/history.h"
#include "store/memo.h"
#include "stats/retest.h"
#include "text/searchkey.h"
#include "base/i18n.h"
#include "base/util.h"
#include "tui/ui-int.h"

static void vmsg(struct ui *ui, bool err, const char *fmt, va_list ap)
    AX_PRINTF(3, 0);

static void
vmsg(struct ui *ui, bool err, const char *fmt, va_list ap)
{
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	ui->msg_err = err;
	ui_dirty(ui, DIRTY_STATUS);
}

static void msg_set(struct ui *ui, bool err, const char *fmt, ...)
    AX_PRINTF(3, 4);

static void
msg_set(struct ui *ui, bool err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(ui, err, fmt, ap);
	va_end(ap);
}

void
ui_msg(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(ui, false, fmt, ap);
	va_end(ap);
}

void
ui_err(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(ui, true, fmt, ap);
	va_end(ap);
	ui_term_beep();
}

void
ui_action_key(struct ui *ui, const char *name, char *out, size_t cap)
{
	const struct keymap_action *actions = keymap_actions(ui->keys);
	size_t i;

	out[0] = '\0';
	for (i = 0; actions[i].name != NULL; i++)
		if (strcmp(actions[i].name, name) == 0) {
			keymap_keys_text(ui->keys, i, out, cap);
			break;
		}
	out[strcspn(out, " ")] = '\0';
	if (out[0] == '\0')
		snprintf(out, cap, "%s", name);
}

/*
 * The project's file was moved, deleted or replaced (project.h): say so,
 * with the key that saves the work to a new file. refused: an action was
 * just refused for it.
 */
static void
moved_msg(struct ui *ui, bool refused)
{
	const char *path = project_path(ui->p), *base = strrchr(path, '/');
	char key[64];

	base = base != NULL ? base + 1 : path;
	ui_action_key(ui, "save-as", key, sizeof key);
	if (refused)
		msg_set(ui, true, _("%s was moved, deleted or replaced while open; "
		    "nothing was written. %s: save to a new file"), base, key);
	else if (project_unsaved(ui->p))
		msg_set(ui, true, _("%s was moved, deleted or replaced while open; "
		    "your last change is only in memory. %s: save to a new file"),
		    base, key);
	else
		msg_set(ui, true, _("%s was moved, deleted or replaced while open; "
		    "nothing more is written to it. %s: save to a new file"), base,
		    key);
}

bool
ui_check(struct ui *ui, enum ax_status rc)
{
	if (rc == AX_OK)
		return true;
	if (rc == AX_ERR_MOVED) {
		moved_msg(ui, true);
		ui_term_beep();
	} else {
		ui_err(ui, "%s", project_errmsg(ui->p));
	}
	return false;
}

/*
 * On every tick and after every key: has the file behind the path gone,
 * or changed under a read-only view? Announced once with a beep, then
 * shown again whenever the status line holds no error, since everything
 * the user does now depends on it.
 */
void
ui_watch_file(struct ui *ui)
{
	enum ax_status s = project_file_check(ui->p);

	if (s == AX_OK)
		return;
	if (ui->file_told && ui->msg[0] != '\0' && ui->msg_err)
		return;
	if (s == AX_ERR_MOVED)
		moved_msg(ui, false);
	else
		msg_set(ui, true, "%s", project_errmsg(ui->p));
	if (!ui->file_told)
		ui_term_beep();
	if (!ui->file_told)
		ui_dirty(ui, DIRTY_ALL);	/* the hints offer save-as */
	ui->file_told = true;
}

/* ---- model loading ---- */

static void
load_coders(struct ui *ui)
{
	struct coder *c;
	size_t n, i;

	for (i = 0; i < ui->ncoders; i++)
		free(ui->coders[i].login);
	free(ui->coders);
	ui->coders = NULL;
	ui->ncoders = 0;
	if (coder_list(ui->p, &c, &n) != AX_OK)
		return;
	ui->coders = xcalloc(n ? n : 1, sizeof *ui->coders);
	for (i = 0; i < n; i++) {
		ui->coders[i].id = c[i].id;
		ui->coders[i].login = xstrdup(c[i].login);
	}
	ui->ncoders = n;
	coder_list_free(c, n);
	if (coder_find(ui->p, project_coder_login(ui->p), &ui->me) != AX_OK)
		ui->me = 0;
}

static size_t
coder_index(struct ui *ui, int64_t id)
{
	size_t i;

	for (i = 0; i < ui->ncoders; i++)
		if (ui->coders[i].id == id)
			return i;
	return (size_t)-1;
}

/* Per-node, per-coder counts over the whole project (deferred to an idle
 * tick after the first frame: on a big project SQLite reads every coding;
 * the counts come grouped, so memory follows the codebook, not the
 * codings). */
void
ui_load_counts(struct ui *ui)
{
	struct coding_count *c;
	size_t n, i, nc = ui->ncoders;

	free(ui->counts.n);
	ui->counts.maxid = ui->maxid;
	ui->counts.ncoders = nc;
	ui->counts.n = xcalloc((size_t)(ui->maxid + 1) * (nc ? nc : 1),
	    sizeof *ui->counts.n);
	ui->counts.valid = false;
	if (coding_counts(ui->p, &c, &n) != AX_OK)
		return;
	for (i = 0; i < n; i++) {
		size_t k = coder_index(ui, c[i].coder);

		if (k == (size_t)-1 || c[i].node > ui->maxid || c[i].node < 0)
			continue;
		ui->counts.n[(size_t)c[i].node * nc + k] += c[i].n;
	}
	free(c);
	ui->counts.valid = true;
	ui_dirty(ui, DIRTY_TREE);
}

/* Whether a blind session hides the other coders' work right now; true
 * when that changed (what is visible must then be loaded again). */
static bool
load_blind(struct ui *ui)
{
	struct blind_status b;
	bool changed;

	if (blind_status(ui->p, &b) != AX_OK)
		return false;
	changed = ui->blind_hidden != b.hidden;
	ui->blind_hidden = b.hidden;
	blind_status_done(&b);
	if (changed)
		ui_dirty(ui, DIRTY_ALL);
	return changed;
}

static void
load_memo_marks(struct ui *ui)
{
	struct memo *m;
	size_t n, i;

	free(ui->node_memo);
	ui->node_memo = xcalloc((size_t)ui->maxid + 1, 1);
	free(ui->doc_memo);
	ui->doc_memo = xcalloc(ui->ndocs ? ui->ndocs : 1, sizeof *ui->doc_memo);
	free(ui->coding_memo);
	ui->coding_memo = NULL;
	ui->ncoding_memo = 0;
	if (memo_list(ui->p, MEMO_FREE, -1, &m, &n) != AX_OK)
		return;
	for (i = 0; i < n; i++) {
		if (m[i].target == MEMO_NODE && m[i].target_id >= 0 &&
		    m[i].target_id <= ui->maxid)
			ui->node_memo[m[i].target_id] = 1;
		else if (m[i].target == MEMO_CODING) {
			ui->coding_memo = xrealloc(ui->coding_memo,
			    (ui->ncoding_memo + 1) * sizeof *ui->coding_memo);
			ui->coding_memo[ui->ncoding_memo++] = m[i].target_id;
		}
		else if (m[i].target == MEMO_DOCUMENT) {
			size_t d;

			for (d = 0; d < ui->ndocs; d++)
				if (ui->docs[d].id == m[i].target_id)
					ui->doc_memo[d] = true;
		}
	}
	memo_list_free(m, n);
}

void
ui_reload_tree(struct ui *ui)
{
	struct node *nodes;
	size_t n, i;

	if (!ui_check(ui, codetree_load(ui->p, &nodes, &n)))
		return;
	/* the view-model reads the old array to keep its cursor: free after */
	vmtree_set_nodes(&ui->tree, nodes, n);
	codetree_free(ui->nodes, ui->nnodes);
	ui->nodes = nodes;
	ui->nnodes = n;
	ui->maxid = 0;
	for (i = 0; i < n; i++)
		if (nodes[i].id > ui->maxid)
			ui->maxid = nodes[i].id;
	free(ui->byid);
	ui->byid = xmalloc(((size_t)ui->maxid + 1) * sizeof *ui->byid);
	for (i = 0; i <= (size_t)ui->maxid; i++)
		ui->byid[i] = (size_t)-1;
	for (i = 0; i < n; i++)
		ui->byid[nodes[i].id] = i;
	ui->tree_gen++;		/* what panes cached of the tree is stale */
	ui->counts.valid = false;
	load_memo_marks(ui);
	ui_dirty(ui, DIRTY_TREE | DIRTY_TRANSCRIPT | DIRTY_STATUS);
}

const struct node *
ui_node(struct ui *ui, int64_t id)
{
	if (id < 0 || id > ui->maxid || ui->byid[id] == (size_t)-1)
		return NULL;
	return &ui->nodes[ui->byid[id]];
}

const char *
ui_node_name(struct ui *ui, int64_t id)
{
	const struct node *n = ui_node(ui, id);

	return n ? n->name : "?";
}

static void
codings_changed(struct ui *ui)
{
	size_t i;

	ui->maxlen = 0;
	for (i = 0; i < ui->ncodings; i++)
		if (ui->codings[i].end - ui->codings[i].start > ui->maxlen)
			ui->maxlen = ui->codings[i].end - ui->codings[i].start;
}

static void
load_codings(struct ui *ui)
{
	struct coding_filter f = {0, 0, 0};

	free(ui->codings);
	ui->codings = NULL;
	ui->ncodings = 0;
	if (ui->cur >= ui->ndocs)
		return;
	f.doc = ui->docs[ui->cur].id;
	ui_check(ui, coding_list(ui->p, &f, &ui->codings, &ui->ncodings));
	codings_changed(ui);
}

int
ui_text_cols(struct ui *ui)
{
	int w = ui->rect[PANE_TRANSCRIPT].w - 3;

	return w < 8 ? 8 : w;
}

int
ui_text_rows(struct ui *ui)
{
	int h = ui->rect[PANE_TRANSCRIPT].h - 1;

	return h < 1 ? 1 : h;
}

void
ui_open_doc(struct ui *ui, size_t index, size_t cursor)
{
	if (ui->layout)
		text_layout_free(ui->layout);
	if (ui->tdoc)
		text_doc_free(ui->tdoc);
	searchkey_doc_free(ui->hay);
	ui->hay = NULL;
	ui->hit_s = ui->hit_e = 0;
	free(ui->text);
	ui->text = NULL;
	ui->layout = NULL;
	ui->tdoc = NULL;
	ui->textlen = 0;
	if (index >= ui->ndocs) {
		ui->tdoc = text_doc_new("", 0);
	} else {
		ui->cur = index;
		if (!ui_check(ui, doc_text(ui->p, ui->docs[index].id, &ui->text,
		    &ui->textlen))) {
			ui->text = xstrdup("");
			ui->textlen = 0;
		}
		ui->tdoc = text_doc_new(ui->text, ui->textlen);
	}
	{
		struct text_opts o = ui->opt.text;

		if (index < ui->ndocs) {
			const char *d = ui->docs[index].direction;

			if (d && strcmp(d, "rtl") == 0)
				o.dir = TEXT_DIR_RTL;
			else if (d && strcmp(d, "ltr") == 0)
				o.dir = TEXT_DIR_LTR;
		}
		ui->layout = text_layout_new(ui->tdoc, &o, ui_text_cols(ui));
	}
	ui->vt.cursor = cursor;
	ui->vt.mark = VMT_NO_MARK;
	ui->vt.top = 0;
	vmt_attach(&ui->vt, ui->tdoc, ui->layout, ui_text_rows(ui));
	load_codings(ui);
	ui_dirty(ui, DIRTY_ALL);
}

static void
load_docs(struct ui *ui)
{
	int64_t cur_id = ui->cur < ui->ndocs ? ui->docs[ui->cur].id : 0;
	size_t i;

	doc_list_free(ui->docs, ui->ndocs);
	ui->docs = NULL;
	ui->ndocs = 0;
	ui_check(ui, doc_list(ui->p, &ui->docs, &ui->ndocs));
	for (i = 0; i < ui->ndocs; i++)
		if (ui->docs[i].id == cur_id)
			ui->cur = i;
	if (ui->cur >= ui->ndocs)
		ui->cur = 0;
}

/* ---- live refresh ---- */

static int
cmp_coding(const void *a, const void *b)
{
	const struct coding *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static void
count_add(struct ui *ui, const struct coding *c, int d)
{
	size_t k = coder_index(ui, c->coder);
	const struct node *n = ui_node(ui, c->node);

	if (n != NULL)
		((struct node *)n)->ncodings += d;
	if (!ui->counts.valid)
		return;
	if (k == (size_t)-1 || k >= ui->counts.ncoders ||
	    c->node > ui->counts.maxid || c->node < 0) {
		ui->counts.valid = false;	/* a new coder: recount */
		return;
	}
	ui->counts.n[(size_t)c->node * ui->counts.ncoders + k] += d;
}

/* Tells every pane what ui_sync or ui_act_as found. */
static void
panes_sync(struct ui *ui, enum ui_sync what)
{
	size_t i;

	for (i = 0; i < PANE_COUNT; i++)
		if (ui->panes[i].ops != NULL && ui->panes[i].ops->sync != NULL)
			ui->panes[i].ops->sync(ui, ui->panes[i].data, what);
}

void
ui_sync(struct ui *ui)
{
	struct coding_change *ch;
	size_t n, i;
	bool structure = false, mine_here = false;
	int64_t cur_doc = ui->cur < ui->ndocs ? ui->docs[ui->cur].id : 0;
	int64_t seen = ui->change_cursor;

	ui->data_version = project_data_version(ui->p);
	if (coding_changes_since(ui->p, &ui->change_cursor, &ch, &n,
	    &structure) != AX_OK) {
		/* say so: a screen that silently stops following the project
		 * would look current while it is not */
		ui_err(ui, _("cannot follow the project's changes: %s"),
		    project_errmsg(ui->p));
		return;
	}
	if (load_blind(ui)) {
		structure = true;	/* the visible codings changed wholesale */
		panes_sync(ui, UI_SYNC_BLIND);
	}
	if (ui->me == 0 || structure)
		load_coders(ui);
	if (structure) {
		size_t cursor = ui->vt.cursor, top = ui->vt.top;
		int64_t ndocs = (int64_t)ui->ndocs;

		load_docs(ui);
		ui_reload_tree(ui);
		if (cur_doc != (ui->cur < ui->ndocs ? ui->docs[ui->cur].id : 0) ||
		    ndocs != (int64_t)ui->ndocs) {
			ui_open_doc(ui, ui->cur, cursor);
		} else {
			load_codings(ui);
			ui->vt.top = top;
		}
	} else {
		for (i = 0; i < n; i++) {
			struct coding *c = &ch[i].c;

			count_add(ui, c, ch[i].removed ? -1 : 1);
			if (c->doc != cur_doc)
				continue;
			mine_here = true;
			if (ch[i].removed) {
				size_t j;

				for (j = 0; j < ui->ncodings; j++)
					if (ui->codings[j].id == c->id) {
						memmove(&ui->codings[j], &ui->codings[j + 1],
						    (ui->ncodings - j - 1) * sizeof *c);
						ui->ncodings--;
						break;
					}
			} else {
				size_t j;

				for (j = 0; j < ui->ncodings; j++)
					if (ui->codings[j].id == c->id)
						break;
				if (j < ui->ncodings) {
					ui->codings[j] = *c;	/* a range change */
				} else {
					ui->codings = xrealloc(ui->codings,
					    (ui->ncodings + 1) * sizeof *c);
					ui->codings[ui->ncodings++] = *c;
				}
			}
		}
		if (mine_here) {
			qsort(ui->codings, ui->ncodings, sizeof *ui->codings,
			    cmp_coding);
			codings_changed(ui);
		}
	}
	if (n > 0 || structure) {
		ui_dirty(ui, DIRTY_TREE | DIRTY_TRANSCRIPT | DIRTY_STATUS);
		panes_sync(ui, UI_SYNC_CHANGED);
	} else if (ui->change_cursor != seen) {
		/* a decision that changed no coding still moves its counts */
		panes_sync(ui, UI_SYNC_DECISION);
	}
	free(ch);
}

bool
ui_act_as(struct ui *ui, const char *login)
{
	size_t top = ui->vt.top;

	if (!ui_check(ui, project_act_as(ui->p, login)))
		return false;
	/* who I am decides what a blind session shows and what is "mine" */
	if (load_blind(ui))
		panes_sync(ui, UI_SYNC_BLIND);
	load_coders(ui);
	ui_reload_tree(ui);
	load_codings(ui);
	ui->vt.top = top;
	panes_sync(ui, UI_SYNC_WHO);
	ui_dirty(ui, DIRTY_ALL);
	return true;
}

void
ui_load_project(struct ui *ui)
{
	ui->change_cursor = coding_changes_cursor(ui->p);
	ui->data_version = project_data_version(ui->p);
	load_coders(ui);
	load_docs(ui);
	(void)load_blind(ui);
	/* a second coding pass is blind to the first (act_second_pass) */
	ui->only_mine = retest_is_pass(project_coder_login(ui->p));
}

/* Ends an action begun with project_begin(): commits when rc is AX_OK,
 * else (or when the commit fails) shows the store's message and rolls
 * back. True when committed; the caller then updates the screen. */
bool
ui_action_end(struct ui *ui, enum ax_status rc)
{
	if (rc == AX_OK)
		rc = project_commit(ui->p);
	if (rc == AX_OK)
		return true;
	ui_err(ui, "%s", project_errmsg(ui->p));
	project_rollback(ui->p);
	return false;
}

void
ui_goto_coding(struct ui *ui, const struct coding *c)
{
	size_t i;

	for (i = 0; i < ui->ndocs; i++)
		if (ui->docs[i].id == c->doc) {
			if (i != ui->cur)
				ui_switch_doc(ui, i);
			vmt_goto(&ui->vt, (size_t)c->start);
			ui->hit_s = (size_t)c->start;
			ui->hit_e = (size_t)c->end;
		}
	ui_focus(ui, PANE_TRANSCRIPT);
	ui_dirty(ui, DIRTY_ALL);
}

void
ui_switch_doc(struct ui *ui, size_t i)
{
	if (i >= ui->ndocs)
		return;
	if (ui->doc_pos == NULL)
		ui->doc_pos = xcalloc(ui->ndocs + 1, sizeof *ui->doc_pos);
	if (ui->cur < ui->ndocs)
		ui->doc_pos[ui->cur] = ui->vt.cursor;
	ui_open_doc(ui, i, ui->doc_pos[i]);
	panes_sync(ui, UI_SYNC_DOC);
}

int64_t
ui_cur_doc(struct ui *ui)
{
	return ui->cur < ui->ndocs ? ui->docs[ui->cur].id : 0;
}

/* My codings covering the caret; the shortest, or NULL. */
const struct coding *
ui_coding_here(struct ui *ui, bool mine_only)
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

void
ui_after_action(struct ui *ui)
{
	ui_sync(ui);
	ui_dirty(ui, DIRTY_TREE | DIRTY_TRANSCRIPT | DIRTY_STATUS);
}

void
ui_undo(struct ui *ui)
{
	char *label = NULL;
	enum ax_status rc = history_undo(ui->p, &label);

	if (rc == AX_ERR_NOTHING)
		ui_err(ui, _("nothing to undo"));
	else if (ui_check(ui, rc)) {
		ui_after_action(ui);
		ui_msg(ui, _("undone: %s"), label ? label : "");
	}
	free(label);
}

void
ui_focus(struct ui *ui, enum pane_id to)
{
	const struct screen *from = &ui->panes[ui->focus];

	if (to == ui->focus)
		return;
	if (from->ops != NULL && from->ops->focus != NULL)
		from->ops->focus(ui, from->data, false);
	ui->focus = to;
	if (ui->panes[to].ops != NULL && ui->panes[to].ops->focus != NULL)
		ui->panes[to].ops->focus(ui, ui->panes[to].data, true);
	ui_dirty(ui, DIRTY_ALL);
}

void
ui_idle(struct ui *ui)
{
	panes_sync(ui, UI_SYNC_IDLE);
}
