/*
 * ui.c: the workbench's start-up, main loop, drawing and shutdown; the
 * top of the workbench: it names the panes (pane_table) and runs keys
 * through the key table (ui-actions.c). Nothing in src/tui calls it.
 *
 * Loop invariant: handlers (keys, clicks, live refresh) only change state
 * and OR bits into ui->dirty; draw() runs once per iteration and paints only
 * the dirty panes, then one doupdate(). The terminal under it is
 * ui-term.c's; what the panes share and how it follows the project,
 * ui-state.c's.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <assert.h>
#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/blind.h"
#include "store/coder.h"
#include "stats/similar.h"
#include "text/searchkey.h"
#include "base/i18n.h"
#include "base/util.h"
#include "tui/ui-int.h"
#include "tui/actions-int.h"

/* The panes, by enum pane_id: the one list of them (ui_run makes their
 * data, ui_free frees it). */
static const struct screen_ops *const pane_table[PANE_COUNT] = {
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
	text_layout_set_width(ui->layout, ui_text_cols(ui));
	vmt_attach(&ui->vt, ui->tdoc, ui->layout, ui_text_rows(ui));
	for (i = 0; i < PANE_COUNT; i++)
		if (ui->panes[i].ops->resize != NULL)
			ui->panes[i].ops->resize(ui, ui->panes[i].data,
			    &ui->rect[i]);
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
		ui->panes[i].ops->draw(ui, ui->panes[i].data, &ui->rect[i],
		    ui->focus == (enum pane_id)i);
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
		int row, col;

		if (vmt_cursor_row(&ui->vt, &row, &col)) {
			int x = 2 + col;

			if (x > ui->rect[PANE_TRANSCRIPT].w - 1)
				x = ui->rect[PANE_TRANSCRIPT].w - 1;
			move(ui->rect[PANE_TRANSCRIPT].y + 1 + row,
			    ui->rect[PANE_TRANSCRIPT].x + x);
			curs_set(1);
		} else
			curs_set(0);
	} else if (!overlay_up(ui))
		curs_set(0);
	refresh();
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

/*
 * The last press, to tell a double click: curses' own click resolution
 * is off (mouseinterval(0), ui-term.c), so that a press and a drag act at
 * once, and it makes no double clicks then. A second press on the same
 * cell within UI_DOUBLE_NS is one; a third is a press again.
 */
struct click {
	uint64_t ns;
	int y, x;
};
#define UI_DOUBLE_NS 400000000ull

static void
handle_mouse(struct ui *ui, struct click *last)
{
	MEVENT ev;
	int i, ev_kind, key = 0;
	const struct screen_ops *ops;

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
	if (ev_kind == UI_MOUSE_PRESS) {
		uint64_t t = clock_ns();

		if (last->ns != 0 && t - last->ns < UI_DOUBLE_NS &&
		    last->y == ev.y && last->x == ev.x) {
			ev_kind = UI_MOUSE_DOUBLE;
			last->ns = 0;
		} else
			*last = (struct click){t, ev.y, ev.x};
	}
	if (overlay_up(ui))
		return;
	if (ui->view != VIEW_NONE) {	/* a view covers the panes */
		struct rect *r = &ui->rect[PANE_VIEW];

		ops = ui->panes[PANE_VIEW].ops;
		if (ev.y >= r->y && ev.y < r->y + r->h && ev.x >= r->x &&
		    ev.x < r->x + r->w && ops->mouse != NULL)
			key = ops->mouse(ui, ui->panes[PANE_VIEW].data, r,
			    ev.y - r->y, pane_x(ui, PANE_VIEW, ev.x), ev_kind);
		if (key != 0)
			ui_handle_key(ui, key);
		return;
	}
	/* a drag or release goes to the pane the press was in */
	if ((ev_kind == UI_MOUSE_DRAG || ev_kind == UI_MOUSE_RELEASE) &&
	    ui->drag_pane >= 0 && ui->drag_pane != PANE_TREE &&
	    ui->panes[ui->drag_pane].ops->mouse != NULL) {
		struct rect *r = &ui->rect[ui->drag_pane];

		ops = ui->panes[ui->drag_pane].ops;
		key = ops->mouse(ui, ui->panes[ui->drag_pane].data, r,
		    ev.y - r->y, pane_x(ui, ui->drag_pane, ev.x), ev_kind);
		if (ev_kind == UI_MOUSE_RELEASE)
			ui->drag_pane = -1;
		if (key != 0)
			ui_handle_key(ui, key);
		return;
	}
	for (i = 0; i < PANE_COUNT; i++) {
		struct rect *r = &ui->rect[i];

		if (r->h <= 0 || ev.y < r->y || ev.y >= r->y + r->h ||
		    ev.x < r->x || ev.x >= r->x + r->w)
			continue;
		if (ev_kind == UI_MOUSE_PRESS || ev_kind == UI_MOUSE_DOUBLE) {
			ui->drag_pane = i;
			if (i < PANE_STATUS && ui->focus != (enum pane_id)i)
				ui_focus(ui, (enum pane_id)i);
		}
		ops = ui->panes[i].ops;
		if (ops->mouse != NULL)
			key = ops->mouse(ui, ui->panes[i].data, r, ev.y - r->y,
			    pane_x(ui, i, ev.x), ev_kind);
		break;
	}
	if (ev_kind == UI_MOUSE_RELEASE)
		ui->drag_pane = -1;
	if (key != 0)
		ui_handle_key(ui, key);
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

static void
ui_free(struct ui *ui)
{
	size_t i;

	overlay_free_all(ui);
	for (i = 0; i < PANE_COUNT; i++)
		if (ui->panes[i].ops != NULL && ui->panes[i].ops->free != NULL)
			ui->panes[i].ops->free(ui->panes[i].data);
	if (ui->layout)
		text_layout_free(ui->layout);
	if (ui->tdoc)
		text_doc_free(ui->tdoc);
	searchkey_doc_free(ui->hay);
	act_transcript_free(ui);
	an_similar_free(ui->similar);
	free(ui->doc_pos);
	free(ui->codings);
	doc_list_free(ui->docs, ui->ndocs);
	codetree_free(ui->nodes, ui->nnodes);
	vmtree_done(&ui->tree);
	free(ui->counts.n);
	for (i = 0; i < ui->ncoders; i++)
		free(ui->coders[i].login);
	free(ui->coders);
	free(ui->byid);
	free(ui->node_memo);
	free(ui->doc_memo);
	free(ui->coding_memo);
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
	struct click click = {0, 0, 0};
	char *err = NULL, *theme = NULL;
	bool mouse_off = false, first = true, fast = false;
	enum ax_status rc;
	size_t i;

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
	ui_config_load(ui, &theme, &mouse_off);
	if (o->theme != NULL) {
		free(theme);
		theme = xstrdup(o->theme);
	}
	if (!theme_load(&ui->theme, theme ? theme : "default"))
		ui_err(ui, _("no theme '%s'; using the default"), theme);
	free(theme);

	ui_load_project(ui);
	ui_term_open(ui, !(o->no_mouse || mouse_off));
	/* the panes' data, once the project and the terminal are there */
	for (i = 0; i < PANE_COUNT; i++) {
		assert(pane_table[i] != NULL && pane_table[i]->draw != NULL);
		ui->panes[i].ops = pane_table[i];
		if (pane_table[i]->create != NULL)
			ui->panes[i].data = pane_table[i]->create(ui);
	}
	if (ui_term_warning() != NULL && ui->msg[0] == '\0')
		ui_msg(ui, "%s", ui_term_warning());

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

	while (!ui->quit && !ui_term_quit()) {
		wint_t wc;
		int r, key;
		uint64_t t0;

		if (ui->dirty)
			draw(ui);
		if (first) {
			ui->t_first_frame = clock_ns();
			first = false;
		}
		/* deferred work left: poll keys between its slices */
		if (ui->idle_more != fast) {
			fast = ui->idle_more;
			timeout(fast ? 0 : UI_TICK_MS);
		}
		r = get_wch(&wc);
		t0 = clock_ns();
		if (ui_term_continued())
			ui_resume_curses(ui);
		if (r == ERR) {
			/* a tick: the file, live refresh, deferred work */
			ui_watch_file(ui);
			if (project_data_version(ui->p) != ui->data_version)
				ui_sync(ui);
			if (!ui->counts.valid)
				ui_load_counts(ui);
			ui->idle_more = false;	/* a pane with more says so again */
			ui_idle(ui);
			continue;
		}
		if (r == KEY_CODE_YES && wc == KEY_RESIZE) {
			ui_dirty(ui, DIRTY_ALL | DIRTY_LAYOUT);
			continue;
		}
		if (r == KEY_CODE_YES && wc == KEY_MOUSE) {
			handle_mouse(ui, &click);
			continue;
		}
		key = r == KEY_CODE_YES ? (int)wc | KEYMAP_FN : (int)wc;
		if (key == (KEYMAP_FN | KEY_ENTER) || key == '\n')
			key = '\r';
		if (key == (KEYMAP_FN | 0407) || key == 127 || key == 8)
			key = KEYMAP_FN | KEY_BACKSPACE;
		ui_handle_key(ui, key);
		ui_watch_file(ui);
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
	ui_term_close(ui);
	stats_write(ui);
	ui_free(ui);
	free(ui);
	return ui_term_quit() ? 1 : 0;
}
