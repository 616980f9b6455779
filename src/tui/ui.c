/*
 * ui.c: the workbench's start-up, main loop and shutdown.
 *
 * Loop invariant: handlers (keys, clicks, live refresh) only change state
 * and OR bits into ui->dirty; draw() runs once per iteration and paints only
 * the dirty panes, then one doupdate(). Signal handlers only set the flags
 * below. The terminal is restored on every way out: normal quit, SIGTERM,
 * SIGHUP (a dropped SSH connection), fatal() through its hook, and a crash
 * (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT) through on_crash(), which uses
 * only async-signal-safe calls on strings prepared at start-up.
 *
 * Live refresh: every tick (UI_TICK_MS, or sooner on a key) the loop polls
 * project_data_version(); when another process committed, ui_sync() reads
 * the coding changes since our cursor and applies them in place (counts,
 * the open document's codings), reloading the tree only for structural
 * changes. Our own actions go through the same ui_sync(), so there is one
 * path by which the screen follows the project.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "store/blind.h"
#include "store/coder.h"
#include "store/memo.h"
#include "stats/retest.h"
#include "text/searchkey.h"
#include "text/termbidi.h"
#include "base/i18n.h"
#include "base/util.h"
#include "tui/ui-int.h"

/*
 * Process-wide state, global for a reason each: the signal flags are all a
 * handler may set; the terminal's state (curses_on, bidi_seq, mouse_on) is
 * read by ui_suspend_curses, which the fatal hook calls with no struct ui
 * at hand, and there is one terminal per process as there is one curses.
 */
static volatile sig_atomic_t got_term, got_cont;
static bool curses_on;
static struct termbidi bidi_seq;
static bool mouse_on;

/* For on_crash(), a signal handler, so global: the terminal's modes before
 * curses, the bytes that undo what curses and axial turned on, and the
 * handlers that were there before (a sanitizer's report must still run). */
static struct termios tty_before;
static bool tty_before_ok;
static char crash_seq[256];
static const int crash_sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
#define NCRASH (sizeof crash_sigs / sizeof crash_sigs[0])
static struct sigaction crash_old[NCRASH];

static void
on_term(int sig)
{
	(void)sig;
	got_term = 1;
}

static void
on_cont(int sig)
{
	(void)sig;
	got_cont = 1;
}

static void
write_all(const char *s)
{
	size_t n = strlen(s);

	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		s += w;
		n -= (size_t)w;
	}
}

/* Button-event mouse tracking (1002) on top of what curses enables, so a
 * drag reports motion with the button held. */
static void
mouse_extra(bool on)
{
	write_all(on ? "\033[?1002h" : "\033[?1002l");
}

void
ui_suspend_curses(void)
{
	if (!curses_on)
		return;
	if (mouse_on)
		mouse_extra(false);
	endwin();
	write_all(bidi_seq.leave);
	curses_on = false;
}

void
ui_resume_curses(struct ui *ui)
{
	write_all(bidi_seq.enter);
	reset_prog_mode();
	if (mouse_on)
		mouse_extra(true);
	curses_on = true;
	clearok(curscr, TRUE);
	ui_dirty(ui, DIRTY_ALL | DIRTY_LAYOUT);
}

static void
fatal_hook(void)
{
	ui_suspend_curses();
}

static void
write_fd(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w <= 0 && errno != EINTR)
			return;
		if (w > 0) {
			s += w;
			n -= (size_t)w;
		}
	}
}

static void
on_crash(int sig, siginfo_t *si, void *ctx)
{
	static const char msg1[] = "axial: crashed (signal ";
	static const char msg2[] = "); every action shown as done is saved "
	    "in the project\n";
	char num[4] = {0};
	size_t i, nd = 0;

	write_fd(STDOUT_FILENO, crash_seq, strlen(crash_seq));
	if (tty_before_ok)
		(void)tcsetattr(STDIN_FILENO, TCSANOW, &tty_before);
	if (sig >= 10)
		num[nd++] = (char)('0' + sig / 10 % 10);
	num[nd++] = (char)('0' + sig % 10);
	write_fd(STDERR_FILENO, msg1, sizeof msg1 - 1);
	write_fd(STDERR_FILENO, num, nd);
	write_fd(STDERR_FILENO, msg2, sizeof msg2 - 1);
	for (i = 0; i < NCRASH; i++) {
		if (crash_sigs[i] != sig)
			continue;
		if ((crash_old[i].sa_flags & SA_SIGINFO) &&
		    crash_old[i].sa_sigaction != NULL)
			crash_old[i].sa_sigaction(sig, si, ctx);
		else if (crash_old[i].sa_handler != SIG_DFL &&
		    crash_old[i].sa_handler != SIG_IGN)
			crash_old[i].sa_handler(sig);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Called once curses has read the terminal's description: what to write
 * to leave the screen as it was if axial crashes. */
static void
crash_handlers_install(void)
{
	const char *caps[] = {"rmcup", "cnorm", "sgr0", "rmkx"};
	struct sigaction sa;
	size_t i, len;

	(void)snprintf(crash_seq, sizeof crash_seq, "%s",
	    "\033[?1002l\033[?1006l\033[?1000l");
	for (i = 0; i < sizeof caps / sizeof caps[0]; i++) {
		const char *v = tigetstr(caps[i]);

		len = strlen(crash_seq);
		if (v != NULL && v != (char *)-1 &&
		    len + strlen(v) < sizeof crash_seq)
			memcpy(crash_seq + len, v, strlen(v) + 1);
	}
	len = strlen(crash_seq);
	if (len + strlen(bidi_seq.leave) < sizeof crash_seq)
		memcpy(crash_seq + len, bidi_seq.leave, strlen(bidi_seq.leave) + 1);
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_crash;
	sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NCRASH; i++)
		sigaction(crash_sigs[i], &sa, &crash_old[i]);
}

void
ui_dirty(struct ui *ui, unsigned bits)
{
	ui->dirty |= bits;
}

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
	if (curses_on)
		beep();
}

void
ui_action_key(struct ui *ui, const char *name, char *out, size_t cap)
{
	size_t i;

	out[0] = '\0';
	for (i = 0; ui_actions[i].name != NULL; i++)
		if (strcmp(ui_actions[i].name, name) == 0) {
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
		if (curses_on)
			beep();
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
static void
watch_file(struct ui *ui)
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
	if (!ui->file_told && curses_on)
		beep();
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
 * tick after the first frame: on a big project it reads every coding). */
void
ui_load_counts(struct ui *ui)
{
	struct coding *c;
	size_t n, i, nc = ui->ncoders;

	free(ui->counts.n);
	ui->counts.maxid = ui->maxid;
	ui->counts.ncoders = nc;
	ui->counts.n = xcalloc((size_t)(ui->maxid + 1) * (nc ? nc : 1),
	    sizeof *ui->counts.n);
	ui->counts.valid = false;
	if (coding_list(ui->p, NULL, &c, &n) != AX_OK)
		return;
	for (i = 0; i < n; i++) {
		size_t k = coder_index(ui, c[i].coder);

		if (k == (size_t)-1 || c[i].node > ui->maxid || c[i].node < 0)
			continue;
		ui->counts.n[(size_t)c[i].node * nc + k]++;
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
	free(ui->nattr);
	ui->nattr = xcalloc(((size_t)ui->maxid + 1) * 3, sizeof *ui->nattr);
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

static int
text_width(struct ui *ui)
{
	int w = ui->rect[PANE_TRANSCRIPT].w - 3;

	return w < 8 ? 8 : w;
}

static int
text_height(struct ui *ui)
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
		ui->layout = text_layout_new(ui->tdoc, &o, text_width(ui));
	}
	ui->vt.cursor = cursor;
	ui->vt.mark = VMT_NO_MARK;
	ui->vt.top = 0;
	vmt_attach(&ui->vt, ui->tdoc, ui->layout, text_height(ui));
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
		if (ui->blind_hidden && ui->show_agree) {
			ui->show_agree = false;
			pane_agree_free(ui);
			ui_dirty(ui, DIRTY_LAYOUT);
		}
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
		pane_agree_refresh(ui);
		views_sync(ui);
		if (ui->seg_node != 0 && ui->show_codings)
			pane_codings_load(ui, ui->seg_node);
	} else if (ui->change_cursor != seen && ui->view == VIEW_COMPARE) {
		/* a decision that changed no coding still moves its counts */
		views_sync(ui);
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
	(void)load_blind(ui);
	load_coders(ui);
	ui_reload_tree(ui);
	load_codings(ui);
	ui->vt.top = top;
	views_sync(ui);
	if (ui->seg_node != 0 && ui->show_codings)
		pane_codings_load(ui, ui->seg_node);
	ui_dirty(ui, DIRTY_ALL);
	return true;
}

/* ---- drawing ---- */

static const struct pane_ops *const panes[PANE_COUNT] = {
	&pane_transcript_ops, &pane_codetree_ops, &pane_codings_ops,
	&pane_docs_ops, &pane_status_ops, &pane_agree_ops, &pane_view_ops,
};

static void
relayout(struct ui *ui)
{
	int i;

	ui_layout(ui, LINES, COLS);
	if (ui->too_small)
		return;
	text_layout_set_width(ui->layout, text_width(ui));
	vmt_attach(&ui->vt, ui->tdoc, ui->layout, text_height(ui));
	for (i = 0; i < PANE_COUNT; i++)
		if (panes[i]->resize != NULL)
			panes[i]->resize(ui, &ui->rect[i]);
}

static void
draw(struct ui *ui)
{
	int i;

	if (ui->dirty & DIRTY_LAYOUT) {
		relayout(ui);
		erase();
		ui->dirty |= DIRTY_ALL;
	}
	if (ui->too_small) {
		if (ui->dirty) {
			char need[128];

			erase();
			ui_mirror(ui, &(struct rect){0, 0, LINES, COLS});
			ui_put_plain(LINES / 2, 0, COLS, _("terminal too small"),
			    A_NORMAL);
			snprintf(need, sizeof need, _("need %dx%d"), UI_MIN_COLS,
			    UI_MIN_LINES);
			ui_put_plain(LINES / 2 + 1, 0, COLS, need, A_NORMAL);
			ui_mirror(ui, NULL);
			curs_set(0);
		}
		ui->dirty = 0;
		doupdate();
		refresh();
		return;
	}
	/* an overlay is drawn again over whatever was drawn under it */
	if (overlay_up(ui) && (ui->dirty & ~DIRTY_OVERLAY))
		ui->dirty |= DIRTY_OVERLAY;
	if (overlay_covers(ui)) {
		if (ui->dirty)
			overlay_draw(ui);
		ui->dirty = 0;
		curs_set(0);
		refresh();
		return;
	}
	if (ui->view != VIEW_NONE)	/* a view covers all but the status */
		ui->dirty &= ~(unsigned)(DIRTY_TRANSCRIPT | DIRTY_TREE |
		    DIRTY_CODINGS | DIRTY_DOCS | DIRTY_AGREE);
	for (i = 0; i < PANE_COUNT; i++) {
		if (!(ui->dirty & (1u << i)) || ui->rect[i].h <= 0)
			continue;
		/* the transcript mirrors only its title (pane-transcript.c) */
		ui_mirror(ui, i == PANE_TRANSCRIPT ? NULL : &ui->rect[i]);
		panes[i]->draw(ui, &ui->rect[i], ui->focus == (enum pane_id)i);
	}
	ui_mirror(ui, NULL);
	/* the border between the side column and the transcript */
	if (ui->dirty & DIRTY_TRANSCRIPT) {
		int y, x = ui->mirrored ? ui->rect[PANE_TRANSCRIPT].w :
		    ui->rect[PANE_TRANSCRIPT].x - 1;

		cchar_t cc;
		int a = ui_attr(ui, TH_BORDER);

		setcchar(&cc, L"\u2502", (attr_t)(a & ~A_COLOR),
		    (short)PAIR_NUMBER(a), NULL);
		for (y = 0; y < ui->rect[PANE_TRANSCRIPT].h; y++)
			mvadd_wch(y, x, &cc);
	}
	if (ui->dirty & DIRTY_OVERLAY)
		overlay_draw(ui);
	ui->dirty = 0;
	/* the terminal cursor: the caret of whatever has the keyboard */
	if (!overlay_up(ui) && ui->focus == PANE_TRANSCRIPT &&
	    ui->view == VIEW_NONE) {
		size_t line;
		int col;

		vmt_cursor_pos(&ui->vt, &line, &col);
		if (line >= ui->vt.top && line < ui->vt.top + (size_t)text_height(ui)) {
			int x = 2 + col;

			if (x > ui->rect[PANE_TRANSCRIPT].w - 1)
				x = ui->rect[PANE_TRANSCRIPT].w - 1;
			move(ui->rect[PANE_TRANSCRIPT].y + 1 + (int)(line - ui->vt.top),
			    ui->rect[PANE_TRANSCRIPT].x + x);
			curs_set(1);
		} else
			curs_set(0);
	} else if (!overlay_up(ui))
		curs_set(0);
	refresh();
}

/* ---- config ---- */

static char *
config_path(void)
{
	const char *x = getenv("XDG_CONFIG_HOME"), *h = getenv("HOME");

	if (x != NULL && x[0] == '/')
		return xasprintf("%s/axial/config", x);
	if (h != NULL && h[0] != '\0')
		return xasprintf("%s/.config/axial/config", h);
	return NULL;
}

/*
 * ~/.config/axial/config: "theme NAME", "mouse on|off", "bidi app|terminal",
 * "shaping app|terminal|off", "quick-code paragraph|selection" (what the
 * digit keys and . code without a selection), "bind ACTION KEY...". Bad
 * lines are reported
 * in the status line.
 */
static void
load_config(struct ui *ui, char **theme, bool *mouse_off)
{
	char *path = config_path(), *text, *line, *save = NULL;
	size_t len;
	int lineno = 0;

	if (path == NULL || (text = file_read_all(path, &len)) == NULL) {
		free(path);
		return;
	}
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		char *w, *rest, *s2;

		lineno++;
		while (*line == ' ' || *line == '\t')
			line++;
		if (*line == '#' || *line == '\0')
			continue;
		w = strtok_r(line, " \t", &s2);
		rest = s2 ? s2 + strspn(s2, " \t") : NULL;
		if (strcmp(w, "theme") == 0 && rest && *rest) {
			free(*theme);
			*theme = xstrdup(strtok_r(rest, " \t", &s2));
		} else if (strcmp(w, "mouse") == 0 && rest) {
			*mouse_off = strncmp(rest, "off", 3) == 0;
		} else if (strcmp(w, "layout") == 0 && rest) {
			if (ui->opt.layout_rtl < 0 || ui->opt.layout_rtl == 2)
				ui->opt.layout_rtl = strncmp(rest, "rtl", 3) == 0 ? 1 :
				    strncmp(rest, "ltr", 3) == 0 ? 0 : -1;
		} else if (strcmp(w, "bidi") == 0 && rest) {
			if (text_bidi_parse(rest, &ui->opt.text.bidi) != 0)
				ui_err(ui, _("%s:%d: bidi app or terminal"), path,
				    lineno);
		} else if (strcmp(w, "shaping") == 0 && rest) {
			if (text_shaping_parse(rest, &ui->opt.text.shaping) != 0)
				ui_err(ui, _("%s:%d: shaping app, terminal or off"), path,
				    lineno);
		} else if (strcmp(w, "quick-code") == 0 && rest) {
			if (strncmp(rest, "paragraph", 9) == 0)
				ui->quick_refuse = false;
			else if (strncmp(rest, "selection", 9) == 0)
				ui->quick_refuse = true;
			else
				ui_err(ui, _("%s:%d: quick-code paragraph or selection"),
				    path, lineno);
		} else if (strcmp(w, "bind") == 0 && rest) {
			;	/* ui_load_bindings */
		} else
			ui_err(ui, _("%s:%d: unknown setting '%s'"), path, lineno,
			    w);
	}
	free(text);
	free(path);
}

/*
 * The "bind ACTION KEY..." lines of the config into k. Problems go to err
 * (a FILE) or, when err is NULL, to the status line of ui.
 */
static void
load_bindings(struct keymap *k, FILE *err, struct ui *ui)
{
	char *path = config_path(), *text, *line, *save = NULL;
	size_t len;
	int lineno = 0;

	if (path == NULL || (text = file_read_all(path, &len)) == NULL) {
		free(path);
		return;
	}
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		char *w, *name, *s2 = NULL;
		const char *e = NULL;

		lineno++;
		w = strtok_r(line, " \t", &s2);
		if (w == NULL || strcmp(w, "bind") != 0)
			continue;
		name = strtok_r(NULL, " \t", &s2);
		if (name != NULL && s2 != NULL && keymap_bind(k, name, s2, &e) == 0)
			continue;
		if (err != NULL)
			fprintf(err, "axial: %s:%d: %s\n", path, lineno,
			    e ? e : _("bind ACTION KEY..."));
		else
			ui_err(ui, "%s:%d: %s", path, lineno,
			    e ? e : _("bind ACTION KEY..."));
	}
	free(text);
	free(path);
}

void
ui_load_bindings(struct keymap *k, FILE *err)
{
	load_bindings(k, err, NULL);
}

/* ---- the loop ---- */

/* Screen column x as pane i counts it: from its start edge, which is the
 * right one in a mirrored pane (all but the transcript, see ui-draw.c). */
static int
pane_x(struct ui *ui, int i, int x)
{
	const struct rect *r = &ui->rect[i];

	return ui->mirrored && i != PANE_TRANSCRIPT ? r->x + r->w - 1 - x :
	    x - r->x;
}

static void
handle_mouse(struct ui *ui)
{
	MEVENT ev;
	int i, ev_kind;

	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & (BUTTON1_PRESSED))
		ev_kind = UI_MOUSE_PRESS;
	else if (ev.bstate & (BUTTON1_RELEASED))
		ev_kind = UI_MOUSE_RELEASE;
	else if (ev.bstate & BUTTON1_CLICKED)
		ev_kind = UI_MOUSE_PRESS;
	else if (ev.bstate & (BUTTON1_DOUBLE_CLICKED))
		ev_kind = UI_MOUSE_DOUBLE;
	else if (ev.bstate & BUTTON4_PRESSED)
		ev_kind = UI_MOUSE_WHEEL_UP;
#ifdef BUTTON5_PRESSED
	else if (ev.bstate & BUTTON5_PRESSED)
		ev_kind = UI_MOUSE_WHEEL_DOWN;
#endif
	else if (ev.bstate & REPORT_MOUSE_POSITION)
		ev_kind = UI_MOUSE_DRAG;
	else
		return;
	if (ui->view != VIEW_NONE) {	/* views take the wheel only */
		if (ev_kind == UI_MOUSE_WHEEL_UP)
			view_act_up(ui);
		else if (ev_kind == UI_MOUSE_WHEEL_DOWN)
			view_act_down(ui);
		return;
	}
	if (overlay_up(ui))
		return;
	/* a drag or release goes to the pane the press was in */
	if ((ev_kind == UI_MOUSE_DRAG || ev_kind == UI_MOUSE_RELEASE) &&
	    ui->drag_pane >= 0 && ui->drag_pane != PANE_TREE &&
	    panes[ui->drag_pane]->mouse != NULL) {
		struct rect *r = &ui->rect[ui->drag_pane];

		panes[ui->drag_pane]->mouse(ui, r, ev.y - r->y,
		    pane_x(ui, ui->drag_pane, ev.x), ev_kind);
		if (ev_kind == UI_MOUSE_RELEASE)
			ui->drag_pane = -1;
		return;
	}
	for (i = 0; i < PANE_COUNT; i++) {
		struct rect *r = &ui->rect[i];

		if (r->h <= 0 || ev.y < r->y || ev.y >= r->y + r->h ||
		    ev.x < r->x || ev.x >= r->x + r->w)
			continue;
		if (ev_kind == UI_MOUSE_PRESS || ev_kind == UI_MOUSE_DOUBLE) {
			ui->drag_pane = i;
			if (i < PANE_STATUS && ui->focus != (enum pane_id)i) {
				ui->focus = (enum pane_id)i;
				ui_dirty(ui, DIRTY_ALL);
			}
		}
		if (panes[i]->mouse != NULL)
			panes[i]->mouse(ui, r, ev.y - r->y, pane_x(ui, i, ev.x),
			    ev_kind);
		break;
	}
	if (ev_kind == UI_MOUSE_RELEASE)
		ui->drag_pane = -1;
}

static void
set_mouse(struct ui *ui, bool on)
{
	if (on) {
		mousemask(ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION, NULL);
		mouseinterval(0);
		mouse_extra(true);
	} else {
		mouse_extra(false);
		mousemask(0, NULL);
	}
	mouse_on = ui->mouse = on;
}

/* Toggle from the key table. */
void ui_toggle_mouse(struct ui *ui);
void
ui_toggle_mouse(struct ui *ui)
{
	set_mouse(ui, !ui->mouse);
	ui_msg(ui, "%s", ui->mouse ? _("mouse on") : _("mouse off"));
}

static void
stats_write(struct ui *ui)
{
	FILE *f;
	size_t i;

	if (ui->opt.stats == NULL || (f = fopen(ui->opt.stats, "w")) == NULL)
		return;
	fprintf(f, "first_frame_ns %llu\n",
	    (unsigned long long)(ui->t_first_frame - ui->t_start));
	fprintf(f, "keys");
	for (i = 0; i < ui->nkey_ns; i++)
		fprintf(f, " %llu", (unsigned long long)ui->key_ns[i]);
	fprintf(f, "\ncommits");
	for (i = 0; i < ui->ncommit_ns; i++)
		fprintf(f, " %llu", (unsigned long long)ui->commit_ns[i]);
	fprintf(f, "\n");
	fclose(f);
}

void ui_text_cache_free(void);

static void
ui_free(struct ui *ui)
{
	size_t i;

	overlay_free_all(ui);
	pane_agree_free(ui);
	views_free(ui);
	if (ui->layout)
		text_layout_free(ui->layout);
	if (ui->tdoc)
		text_doc_free(ui->tdoc);
	searchkey_doc_free(ui->hay);
	free(ui->search);
	for (i = 0; i < ui->nsearch_hist; i++)
		free(ui->search_hist[i]);
	free(ui->search_hist);
	free(ui->nc_places);
	free(ui->pending_code);
	free(ui->doc_pos);
	free(ui->text);
	free(ui->codings);
	doc_list_free(ui->docs, ui->ndocs);
	codetree_free(ui->nodes, ui->nnodes);
	vmtree_done(&ui->tree);
	free(ui->counts.n);
	for (i = 0; i < ui->ncoders; i++)
		free(ui->coders[i].login);
	free(ui->coders);
	free(ui->cut);
	free(ui->byid);
	free(ui->nattr);
	free(ui->node_memo);
	free(ui->doc_memo);
	free(ui->coding_memo);
	for (i = 0; i < ui->nsegs; i++) {
		free(ui->segs[i].quote);
		free(ui->segs[i].doc);
	}
	free(ui->segs);
	free(ui->key_ns);
	free(ui->commit_ns);
	keymap_free(ui->keys);
	project_close(ui->p);
	ui_text_cache_free();
}

int
ui_run(const struct ui_options *o)
{
	struct ui *ui = xcalloc(1, sizeof *ui);
	struct sigaction sa;
	char *err = NULL, *theme = NULL;
	bool mouse_off = false, first = true;
	const char *tp = getenv("AXIAL_TMUX_PASSTHROUGH");
	enum ax_status rc;

	ui->t_start = clock_ns();
	ui->opt = *o;
	ui->drag_pane = -1;
	ui->focus = PANE_TRANSCRIPT;
	vmtree_init(&ui->tree);
	ui->vt.mark = VMT_NO_MARK;
	rc = project_open(o->project, 0, o->as, &ui->p, &err);
	if (rc != AX_OK) {
		fprintf(stderr, "axial: %s\n", err ? err : _("cannot open project"));
		free(err);
		free(ui);
		return 1;
	}
	/* if the file goes, the next change waits in memory for save-as */
	project_hold(ui->p);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, _("axial: the workbench needs a terminal; "
		    "try 'axial info %s'\n"), o->project);
		project_close(ui->p);
		free(ui);
		return 1;
	}
	ui->keys = keymap_new(ui_actions);
	load_config(ui, &theme, &mouse_off);
	load_bindings(ui->keys, NULL, ui);
	if (o->theme != NULL) {
		free(theme);
		theme = xstrdup(o->theme);
	}
	if (!theme_load(&ui->theme, theme ? theme : "default"))
		ui_err(ui, _("no theme '%s'; using the default"), theme);
	free(theme);

	ui->change_cursor = coding_changes_cursor(ui->p);
	ui->data_version = project_data_version(ui->p);
	load_coders(ui);
	load_docs(ui);
	(void)load_blind(ui);
	/* a second coding pass is blind to the first (act_second_pass) */
	ui->only_mine = retest_is_pass(project_coder_login(ui->p));

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_cont;
	sigaction(SIGCONT, &sa, NULL);

	termbidi_sequences(o->text.bidi, o->tmux_passthrough ||
	    (tp != NULL && *tp == '1'), NULL, &bidi_seq);
	fatal_set_hook(fatal_hook);
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	tty_before_ok = tcgetattr(STDIN_FILENO, &tty_before) == 0;
	if (initscr() == NULL)
		fatal("%s", _("cannot initialise the terminal"));
	curses_on = true;
	crash_handlers_install();
	write_all(bidi_seq.enter);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(UI_TICK_MS);
	ui_colors_init(ui);
	if (!(o->no_mouse || mouse_off))
		set_mouse(ui, true);
	if (bidi_seq.warning != NULL && ui->msg[0] == '\0')
		ui_msg(ui, "%s", bidi_seq.warning);

	/* right-to-left layout: asked for, or the interface's language is
	 * written right to left */
	if (ui->opt.layout_rtl >= 0 && ui->opt.layout_rtl <= 1)
		ui->mirrored = ui->opt.layout_rtl == 1;
	else
		ui->mirrored = i18n_rtl();
	ui_layout(ui, LINES, COLS);
	ui_reload_tree(ui);
	ui_open_doc(ui, 0, 0);
	ui_dirty(ui, DIRTY_ALL | DIRTY_LAYOUT);
	if (ui->msg[0] == '\0') {
		char d[64], n[64];
		const char *path = project_path(ui->p), *base = strrchr(path, '/');

		snprintf(d, sizeof d, ngettext("%zu document", "%zu documents",
		    ui->ndocs), ui->ndocs);
		snprintf(n, sizeof n, ngettext("%zu code or category",
		    "%zu codes and categories", ui->nnodes), ui->nnodes);
		/* TRANSLATORS: the project's file name, "N documents", "N codes
		 * and categories". The name alone: a path's leading "/" would
		 * stray to the far end of a right-to-left line. */
		ui_msg(ui, _("%s: %s, %s. ? for help"), base ? base + 1 : path, d, n);
	}

	while (!ui->quit && !got_term) {
		wint_t wc;
		int r, key;
		uint64_t t0;

		if (ui->dirty)
			draw(ui);
		if (first) {
			ui->t_first_frame = clock_ns();
			first = false;
		}
		r = get_wch(&wc);
		t0 = clock_ns();
		if (got_cont) {
			got_cont = 0;
			ui_resume_curses(ui);
		}
		if (r == ERR) {
			/* a tick: the file, live refresh, deferred work */
			watch_file(ui);
			if (project_data_version(ui->p) != ui->data_version)
				ui_sync(ui);
			if (!ui->counts.valid)
				ui_load_counts(ui);
			if (ui->segs_pending) {
				/* the tree cursor rested on a code: list its segments */
				const struct node *n = vmtree_current(&ui->tree);

				ui->segs_pending = false;
				if (n != NULL && n->kind == NODE_CODE &&
				    n->id != ui->seg_node && ui->show_codings &&
				    !ui->review)
					pane_codings_load(ui, n->id);
			}
			continue;
		}
		if (r == KEY_CODE_YES && wc == KEY_RESIZE) {
			ui_dirty(ui, DIRTY_ALL | DIRTY_LAYOUT);
			continue;
		}
		if (r == KEY_CODE_YES && wc == KEY_MOUSE) {
			handle_mouse(ui);
			continue;
		}
		key = r == KEY_CODE_YES ? (int)wc | KEYMAP_FN : (int)wc;
		if (key == (KEYMAP_FN | KEY_ENTER) || key == '\n')
			key = '\r';
		if (key == (KEYMAP_FN | 0407) || key == 127 || key == 8)
			key = KEYMAP_FN | KEY_BACKSPACE;
		ui_handle_key(ui, key);
		watch_file(ui);
		if (project_data_version(ui->p) != ui->data_version)
			ui_sync(ui);
		if (ui->dirty && !ui->quit)
			draw(ui);
		if (ui->opt.stats != NULL) {
			ui->key_ns = xgrow(ui->key_ns, &ui->capkey_ns,
			    ui->nkey_ns + 1, sizeof *ui->key_ns);
			ui->key_ns[ui->nkey_ns++] = clock_ns() - t0;
		}
	}
	if (ui->mouse)
		set_mouse(ui, false);
	ui_suspend_curses();
	fatal_set_hook(NULL);
	stats_write(ui);
	ui_free(ui);
	free(ui);
	return got_term ? 1 : 0;
}
