/*
 * ui-int.h: the workbench's shared state, private to the ui-*.c, pane-*.c,
 * finder.c and editor.c files (the vis-core.h idea: one internal header).
 *
 * Layers. The model is the project (project.h and friends, no curses). The
 * view-models (vm-transcript.h, vm-tree.h) are cursor/selection/scroll state
 * over it, also without curses. The panes (pane-*.c, each a const struct
 * pane_ops) draw the view-models and turn keys and clicks into actions.
 *
 * The loop (ui.c): wait for a key at most UI_TICK_MS; handle it through the
 * key table (ui-actions.c), which sets dirty bits; on every tick poll
 * project_data_version() and apply other processes' codings; then redraw
 * once, only the panes whose dirty bit is set. Signals only set flags.
 */
#ifndef AXIAL_UI_INT_H
#define AXIAL_UI_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "stats/agree-project.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/document.h"
#include "tui/keymap.h"
#include "tui/tui.h"
#include "store/project.h"
#include "text/text.h"
#include "base/theme.h"
#include "base/i18n.h"
#include "base/util.h"
#include "vm/vm-transcript.h"
#include "vm/vm-tree.h"

#define UI_TICK_MS 250
#define UI_MIN_COLS 40
#define UI_MIN_LINES 10
#define UI_RECENT 9

struct rect {
	int y, x, h, w;
};

/* Panes, in focus order; PANE_COUNT sized arrays index by these. */
enum pane_id {
	PANE_TRANSCRIPT, PANE_TREE, PANE_CODINGS, PANE_DOCS, PANE_STATUS,
	PANE_AGREE,	/* after STATUS: shown, never focused */
	PANE_VIEW,	/* a full-body view over the others (pane-view.c) */
	PANE_COUNT
};

/* Dirty bits: what needs drawing at the end of this loop iteration. */
enum {
	DIRTY_TRANSCRIPT = 1 << PANE_TRANSCRIPT,
	DIRTY_TREE = 1 << PANE_TREE,
	DIRTY_CODINGS = 1 << PANE_CODINGS,
	DIRTY_DOCS = 1 << PANE_DOCS,
	DIRTY_STATUS = 1 << PANE_STATUS,
	DIRTY_AGREE = 1 << PANE_AGREE,
	DIRTY_VIEW = 1 << PANE_VIEW,
	DIRTY_OVERLAY = 1 << 7,	/* finder, prompt, help */
	DIRTY_ALL = 0xff,
	DIRTY_LAYOUT = 1 << 8,	/* recompute rectangles first */
};

struct ui;

/* A pane: a const table of functions plus its rectangle in ui->rect. */
struct pane_ops {
	const char *name;
	int scope;
	void (*draw)(struct ui *ui, const struct rect *r, bool focused);
	/* A click or drag at (y, x) inside the pane (relative). */
	void (*mouse)(struct ui *ui, const struct rect *r, int y, int x,
	    int event);
	/* Called after the layout changed its rectangle. */
	void (*resize)(struct ui *ui, const struct rect *r);
};
enum { UI_MOUSE_PRESS, UI_MOUSE_DRAG, UI_MOUSE_RELEASE, UI_MOUSE_WHEEL_UP,
	UI_MOUSE_WHEEL_DOWN, UI_MOUSE_DOUBLE };

extern const struct pane_ops pane_transcript_ops, pane_tree_ops,
    pane_codings_ops, pane_docs_ops, pane_status_ops, pane_agree_ops,
    pane_view_ops;

/* Per-node counts of codings, per coder (index into ui->coders). */
struct ui_counts {
	int64_t maxid;
	size_t ncoders;
	int64_t *n;		/* (maxid + 1) * ncoders */
	bool valid;
};

/* A segment of the codings pane: one coding with its quote. */
struct ui_segment {
	struct coding c;
	char *quote;		/* visual, sanitized, one line */
	char *doc;		/* document name */
};

enum overlay { OV_NONE, OV_FINDER, OV_PROMPT, OV_HELP, OV_CONFIRM };

struct finder_item {
	int64_t id;
	char *label;		/* UTF-8 shown */
	char *key;		/* search key text of the label (for filtering) */
	int depth;
};

struct ui {
	struct ui_options opt;
	struct project *p;
	struct keymap *keys;
	struct theme theme;
	bool color, color256;

	/* documents */
	struct doc_info *docs;
	size_t ndocs, cur;	/* cur indexes docs */
	char *text;		/* the current document's text */
	size_t textlen;
	struct text_doc *tdoc;
	struct text_layout *layout;
	struct vm_transcript vt;
	struct coding *codings;	/* of the current document, sorted by start */
	size_t ncodings;
	bool *doc_memo;		/* per doc: has memos */
	int64_t *coding_memo;	/* ids of codings with memos */
	size_t ncoding_memo;

	/* code tree */
	struct node *nodes;
	size_t nnodes;
	struct vm_tree tree;
	struct ui_counts counts;
	struct coder_brief { int64_t id; char *login; } *coders;
	size_t ncoders;
	int64_t me;		/* my coder id, 0 until my first action */
	int64_t *cut;		/* ids cut for paste */
	size_t ncut;
	size_t *byid;		/* node index by id (SIZE_MAX none), maxid + 1 */
	int64_t maxid;
	unsigned char *node_memo;	/* by node id: has memos (maxid + 1) */
	bool only_mine;		/* transcript shows only my codings */
	bool only_mine_pass1;	/* only_mine before the second pass began */
	int *nattr;		/* by node id x 3: coded by me, by others, bar;
				   0 = not computed yet (reset on reload) */
	int64_t maxlen;		/* longest coding of the open document */

	/* codings pane (segments of one code, or review) */
	struct ui_segment *segs;
	size_t nsegs, seg_cur, seg_top;
	int64_t seg_node;	/* code listed, 0 none */
	bool review;		/* review mode: walking categories */
	size_t docs_cur, docs_top;	/* document pane cursor */

	size_t *doc_pos;	/* last caret per document */
	int last_key;		/* the key that ran the current action */
	bool segs_pending;	/* reload the segments list on the next tick */

	/* search */
	char *search;		/* the last search, UTF-8 */
	size_t hit_s, hit_e;	/* the current hit, highlighted */
	struct searchkey_doc *hay;	/* search over the current document, lazily */

	/* recent codes, newest first */
	int64_t recent[UI_RECENT];
	size_t nrecent;

	bool blind_hidden;	/* a blind session hides the other coders */

	/* agreement (pane-agree.c), built when first shown */
	struct agree_project *agree;
	bool show_agree;
	char *agree_coders[2];

	/* the full-body views (pane-view.c): 0 none, else VIEW_* */
	struct views *views;
	int view;

	/* focus, layout, drawing */
	enum pane_id focus;
	bool show_codings, show_docs;
	struct rect rect[PANE_COUNT];
	bool too_small;
	bool mirrored;		/* right-to-left layout: the tree on the right */
	unsigned dirty;
	bool mouse;
	int drag_from_y, drag_from_x, drag_pane;	/* -1 none */
	int64_t drag_node;
	bool dragging;

	/* overlays */
	enum overlay ov;
	struct finder_item *fitems;
	struct searchkey **fkeys, **lkeys;	/* of the items' paths, labels */
	size_t nfitems, *fmatch, nfmatch, fcur, ftop;
	char fquery[256];
	char ftitle[128];
	void (*fdone)(struct ui *ui, int64_t id, const char *query);
	char pbuf[512];		/* prompt text */
	void (*pdone)(struct ui *ui, const char *text);
	void (*ptab)(struct ui *ui, int dir);	/* Tab, S-Tab in the prompt */
	bool pconfirm_enter;	/* a confirm Enter also accepts */
	char **phist;		/* the prompt's history, oldest first */
	size_t nphist, phist_at;
	char **search_hist;	/* this session's searches, oldest first */
	size_t nsearch_hist;
	int64_t *nc_places;	/* where a new code may go: 0 top level */
	size_t nnc_places, nc_place;
	bool nc_apply;		/* the new code is applied to the selection */
	char *pending_code;	/* the name the finder asks to create */
	bool quick_refuse;	/* digit keys without a selection decline */
	size_t help_top;

	/* status line message */
	char msg[512];
	bool msg_err;

	/* live refresh */
	int64_t data_version, change_cursor;
	bool file_told;		/* the file's move (or staleness) was announced */

	/* timings (AXIAL_UI_STATS) */
	uint64_t t_start, t_first_frame;
	uint64_t *key_ns;
	size_t nkey_ns, capkey_ns;
	uint64_t *commit_ns;	/* the store's part of each apply-a-code */
	size_t ncommit_ns, capcommit_ns;

	bool quit;
};

/* ui.c */
void ui_msg(struct ui *ui, const char *fmt, ...) AX_PRINTF(2, 3);
void ui_err(struct ui *ui, const char *fmt, ...) AX_PRINTF(2, 3);
/* Reports a model failure in the status line; returns true if rc == AX_OK. */
bool ui_check(struct ui *ui, enum ax_status rc);
/* The first key bound to action `name` ("C-s"), or the name if none. */
void ui_action_key(struct ui *ui, const char *name, char *out, size_t cap);
void ui_dirty(struct ui *ui, unsigned bits);
/* Applies changes committed since the last sync (mine and others'). */
void ui_sync(struct ui *ui);
void ui_reload_tree(struct ui *ui);
/* Acts as coder login from now on (project_act_as: the same rule as --as)
 * and reloads what depends on who I am; false with the reason shown. */
bool ui_act_as(struct ui *ui, const char *login);
/* Per-node, per-coder coding counts of the whole project. */
void ui_load_counts(struct ui *ui);
void ui_open_doc(struct ui *ui, size_t index, size_t cursor);
void ui_suspend_curses(void);
void ui_resume_curses(struct ui *ui);

/* ui-layout.c */
void ui_layout(struct ui *ui, int lines, int cols);

/* ui-draw.c: curses helpers shared by the panes */
/* The curses attribute (pair included) of a theme element. */
int ui_attr(struct ui *ui, enum theme_elem e);
/* Attribute for text coded with a code of colour "#rrggbb" (or "": the
 * coder's default element). */
int ui_code_attr(struct ui *ui, const char *color, enum theme_elem fallback);
/* An attribute with the colour of `color` as foreground. */
int ui_fg_attr(struct ui *ui, const char *color);
void ui_colors_init(struct ui *ui);
/*
 * Draws UTF-8 text (a name, a memo title, a quote: anything from the
 * project) at (y, x) in at most w columns with attr: laid out by the text
 * engine, so it is in visual order and every control or bidi-format
 * character is a placeholder, never raw. Returns the columns used.
 */
int ui_put_text(struct ui *ui, int y, int x, int w, const char *s, int attr);
/* The same for text axial itself wrote (labels, messages, translated),
 * in the interface language's direction. */
int ui_put_plain(int y, int x, int w, const char *s, int attr);
/* Until the next call, drawing in r's columns is mirrored when the layout
 * is right-to-left (ui->mirrored); NULL ends it. */
void ui_mirror(struct ui *ui, const struct rect *r);
/* The screen column of column x as the mirror draws it (for the caret). */
int ui_screen_x(int x);
void ui_fill(int y, int x, int w, int attr);
/* The title row of a pane; returns the columns the title took. */
int ui_box_title(struct ui *ui, const struct rect *r, const char *title,
    bool focused);
/* Display width of UTF-8 text as ui_put_text draws it. */
int ui_text_width(const char *s);

/* ui-actions.c */
void ui_handle_key(struct ui *ui, int key);
void ui_apply_code(struct ui *ui, int64_t node);
/* The node name of id (borrowed), or "?" */
const char *ui_node_name(struct ui *ui, int64_t id);
const struct node *ui_node(struct ui *ui, int64_t id);
void ui_load_segments(struct ui *ui, int64_t node);

/* finder.c */
/* Opens the finder on items (taken); done(ui, id, query) runs on Enter
 * with the chosen id (0 if nothing matched) or not at all on Esc. */
void finder_open(struct ui *ui, const char *title, struct finder_item *items,
    size_t n, void (*done)(struct ui *, int64_t, const char *));
/* The code tree as finder items; codes_only leaves categories out. */
void finder_nodes(struct ui *ui, bool codes, bool categories,
    struct finder_item **items, size_t *n);
void finder_key(struct ui *ui, int key);
void finder_draw(struct ui *ui);
void finder_close(struct ui *ui);
void prompt_open(struct ui *ui, const char *title, const char *initial,
    void (*done)(struct ui *, const char *));
void prompt_key(struct ui *ui, int key);
void prompt_draw(struct ui *ui);

/* pane-help.c */
void help_draw(struct ui *ui);
void help_key(struct ui *ui, int key);

/* pane-agree.c */
void agree_toggle(struct ui *ui);
/* After a sync: applies the changes to the agreement state if shown. */
void agree_refresh(struct ui *ui);
void agree_free(struct ui *ui);

/* editor.c */
/* Edits text in $VISUAL/$EDITOR (vi) without a shell; *out is the new
 * text (caller frees) or NULL if the editor failed. Returns 0 on success. */
int editor_edit(const char *text, char **out, char *err, size_t errcap);

/* pane-view.c and view-*.c (view.h): the full-body views */
enum { VIEW_NONE, VIEW_AGREE, VIEW_COMPARE, VIEW_PARADIGM, VIEW_RETEST };
void view_toggle(struct ui *ui, int view);
/* ui_sync applied coding or structural changes: views recompute lazily. */
void views_sync(struct ui *ui);
void views_free(struct ui *ui);
/* The views' actions (rows of ui_actions[], SCOPE_VIEW but the toggles). */
void view_act_agree(struct ui *ui), view_act_compare(struct ui *ui),
    view_act_paradigm(struct ui *ui), view_act_retest(struct ui *ui),
    view_act_close(struct ui *ui),
    view_act_down(struct ui *ui), view_act_up(struct ui *ui),
    view_act_pgdn(struct ui *ui), view_act_pgup(struct ui *ui),
    view_act_top(struct ui *ui), view_act_bottom(struct ui *ui),
    view_act_enter(struct ui *ui), view_act_next(struct ui *ui),
    view_act_prev(struct ui *ui), view_act_take_a(struct ui *ui),
    view_act_take_b(struct ui *ui), view_act_take_both(struct ui *ui),
    view_act_take_neither(struct ui *ui), view_act_codes(struct ui *ui),
    view_act_saturation(struct ui *ui), view_act_coders(struct ui *ui);

#endif
