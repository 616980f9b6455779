/*
 * ui-int.h: the workbench's shared state, private to the ui-*.c, pane-*.c,
 * finder.c and editor.c files (the vis-core.h idea: one internal header).
 *
 * Layers. The model is the project (project.h and friends, no curses). The
 * view-models (vm-transcript.h, vm-tree.h) are cursor/selection/scroll state
 * over it, also without curses. The panes (pane-*.c), views (view-*.c) and
 * overlays, each a const struct screen_ops (screen.h) with its own data,
 * draw the view-models and turn keys and clicks into actions.
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
#include "tui/screen.h"
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
	DIRTY_OVERLAY = 1 << PANE_COUNT,	/* finder, prompt, help */
	DIRTY_ALL = (1 << (PANE_COUNT + 1)) - 1,
	DIRTY_LAYOUT = 1 << (PANE_COUNT + 1),	/* recompute rectangles first */
};
/* ui->dirty is an unsigned: room for every pane, the overlay and layout */
_Static_assert(PANE_COUNT + 2 <= 16, "too many panes for the dirty bits");

struct ui;
struct an_similar;

extern const struct screen_ops pane_transcript_ops, pane_codetree_ops,
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

/* The longest title of a popup, in bytes. */
#define UI_TITLE_MAX 256

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
	char *text;		/* the current document's text, owned by tdoc */
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
	size_t *byid;		/* node index by id (SIZE_MAX none), maxid + 1 */
	int64_t maxid;
	unsigned char *node_memo;	/* by node id: has memos (maxid + 1) */
	bool only_mine;		/* transcript shows only my codings */
	bool only_mine_pass1;	/* only_mine before the second pass began */
	unsigned tree_gen;	/* moves each time the tree is reloaded */
	unsigned doc_gen;	/* moves each time a document is opened */
	int64_t maxlen;		/* longest coding of the open document */

	size_t *doc_pos;	/* last caret per document */
	int last_key;		/* the key that ran the current action */

	/* search */
	size_t hit_s, hit_e;	/* the current hit, highlighted */
	struct searchkey_doc *hay;	/* search over the current document, lazily */

	struct act_state *act;	/* the coding actions' (act-transcript.c) */
	struct an_similar *similar;	/* similar segments' model (similar.c) */

	bool blind_hidden;	/* a blind session hides the other coders */

	bool show_agree;	/* the agreement pane is shown (pane-agree.c) */

	int view;		/* the full-body view shown (VIEW_*, view.c) */

	/* the panes, their focus, layout, drawing */
	struct screen panes[PANE_COUNT];
	enum pane_id focus;
	bool show_codings, show_docs;
	struct rect rect[PANE_COUNT];
	bool too_small;
	bool mirrored;		/* right-to-left layout: the tree on the right */
	unsigned dirty;
	bool mouse;
	int drag_pane;		/* the pane a press began in, -1 none */

	/* overlays, bottom first (overlay.c) */
	struct screen *ovs;
	size_t novs, capovs;
	bool quick_refuse;	/* digit keys without a selection decline */

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

	bool idle_more;		/* a pane's deferred work is left: tick at once */
	bool quit;
};

/* Marks what to draw at the end of this loop iteration. */
static inline void
ui_dirty(struct ui *ui, unsigned bits)
{
	ui->dirty |= bits;
}

/* ui-term.c */
/* Curses on, the signals and crash handlers set, the mouse if asked. */
void ui_term_open(struct ui *ui, bool mouse);
/* The mouse off, curses off and the terminal as it was. */
void ui_term_close(struct ui *ui);
void ui_term_mouse(struct ui *ui, bool on);
/* Beeps, when curses is on. */
void ui_term_beep(void);
/* SIGTERM or SIGHUP arrived; SIGCONT arrived (cleared by asking). */
bool ui_term_quit(void);
bool ui_term_continued(void);
/* What the bidi set-up had to say about the terminal, or NULL. */
const char *ui_term_warning(void);
/* Curses off for a program that takes the terminal (an editor), and on
 * again with everything redrawn. */
void ui_suspend_curses(void);
void ui_resume_curses(struct ui *ui);

/* ui-state.c */
void ui_msg(struct ui *ui, const char *fmt, ...) AX_PRINTF(2, 3);
void ui_err(struct ui *ui, const char *fmt, ...) AX_PRINTF(2, 3);
/* Reports a model failure in the status line; returns true if rc == AX_OK. */
bool ui_check(struct ui *ui, enum ax_status rc);
/* The first key bound to action `name` ("C-s"), or the name if none. */
void ui_action_key(struct ui *ui, const char *name, char *out, size_t cap);
/* Applies changes committed since the last sync (mine and others'). */
void ui_sync(struct ui *ui);
void ui_reload_tree(struct ui *ui);
/* Acts as coder login from now on (project_act_as: the same rule as --as)
 * and reloads what depends on who I am; false with the reason shown. */
bool ui_act_as(struct ui *ui, const char *login);
/* Per-node, per-coder coding counts of the whole project. */
void ui_load_counts(struct ui *ui);
void ui_open_doc(struct ui *ui, size_t index, size_t cursor);
/* The loop is idle: the panes' deferred work (UI_SYNC_IDLE). */
void ui_idle(struct ui *ui);
/* Moves the focus to pane to, telling both panes (screen_ops.focus). */
void ui_focus(struct ui *ui, enum pane_id to);
/* The columns and rows the transcript's text has in its pane. */
int ui_text_cols(struct ui *ui);
int ui_text_rows(struct ui *ui);
/* Opens document i of ui->docs where its caret last was. */
void ui_switch_doc(struct ui *ui, size_t i);
/* Opens c's document with the caret at its start and the coding
 * highlighted, and gives the transcript the keys. */
void ui_goto_coding(struct ui *ui, const struct coding *c);
/* Reads what the workbench shows of the project: coders, documents and
 * who may be seen (ui_run, once). */
void ui_load_project(struct ui *ui);
/* On every tick and after every key: says once, with a beep, that the
 * file behind the path went or changed, and again while no error shows. */
void ui_watch_file(struct ui *ui);
/* The node name of id (borrowed), or "?" */
const char *ui_node_name(struct ui *ui, int64_t id);
const struct node *ui_node(struct ui *ui, int64_t id);
/* The open document's id (0: none); the smallest coding under the caret
 * (only the user's own when mine_only). */
int64_t ui_cur_doc(struct ui *ui);
const struct coding *ui_coding_here(struct ui *ui, bool mine_only);
/* After an action: follow the project and mark the panes it may change. */
void ui_after_action(struct ui *ui);
/* Undoes the user's last action, saying what it was (u). */
void ui_undo(struct ui *ui);
/* Commits the action begun with project_begin() when rc is AX_OK, else
 * rolls it back with the store's message in the status line; true when
 * committed. */
bool ui_action_end(struct ui *ui, enum ax_status rc);

/* ui-config.c */
/* Applies the config file's settings and bindings to ui (ui->keys made);
 * *theme and *mouse_off as the file asks. */
void ui_config_load(struct ui *ui, char **theme, bool *mouse_off);

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
/* The same in the direction given, not its first strong letter's: a line
 * wrapped from a longer text reads as it did there. */
int ui_put_text_dir(struct ui *ui, int y, int x, int w, const char *s,
    bool rtl, int attr);
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
/* s cut to w columns as ui_put_text cuts it (text_fit, "…" at its reading
 * end), for a part of a longer line: a cut s ends in a mark of its own
 * direction (RLM, LRM) to keep the "…" at its end in a sentence of the
 * other direction. The caller frees it. */
char *ui_text_fit(const char *s, int w);
/* Writes a line holding one name into buf (cap bytes): compose(arg, name,
 * buf, cap) writes it with the name given. */
typedef void ui_text_compose_fn(const void *arg, const char *name, char *buf,
    size_t cap);
/* The line compose writes with name cut (ui_text_fit) to the columns the
 * rest leaves of w (a quarter of w at least), so the words around the name
 * stay whole, and to the bytes of buf, so no character is cut in two. */
void ui_text_fit_in(ui_text_compose_fn *compose, const void *arg,
    const char *name, int w, char *buf, size_t cap);
/* A list pane's click, double click or wheel at row y (the title is row
 * 0) on its cursor *cur over n rows from top; returns Enter for a double
 * click on a row (the pane's mouse returns it: it opens the row). */
int ui_list_mouse(size_t *cur, size_t top, size_t n, int y, int ev);
/* One laid-out cell of ln at (y, x): the transcript's unit of drawing. */
void ui_put_cell(int y, int x, const struct text_line *ln,
    const struct text_cell *c, int attr);
/* Frees the cache of laid-out labels, at exit (for leak checkers). */
void ui_text_cache_free(void);

/* ui-actions.c */
void ui_handle_key(struct ui *ui, int key);

/* act-transcript.c */
void ui_apply_code(struct ui *ui, int64_t node);

/* pane-status.c */
/* The columns the status line leaves a message beside its labels. */
int pane_status_room(struct ui *ui);

/* pane-docs.c */
/* The document the list's cursor is on while it has the focus, else the
 * open one (an index of ui->docs; ndocs: none). */
size_t pane_docs_current(struct ui *ui);
/* Moves the list's cursor by delta; opens its document. */
void pane_docs_step(struct ui *ui, long delta);
void pane_docs_open(struct ui *ui);

/* pane-codings.c */
/* Fills the codings pane with the codings of node (a category: its own
 * and every code's under it) and shows the pane. */
void pane_codings_load(struct ui *ui, int64_t node);
/* Lists the codings c[0, n) under title (a matrix cell's segments). */
void pane_codings_list(struct ui *ui, const char *title, const struct coding *c,
    size_t n);
/* Lists segs[0..n) (taken) under title: a coding query's result. */
void pane_codings_show(struct ui *ui, const char *title,
    struct ui_segment *segs, size_t n);
/* Review mode: the pane walks the tree category by category. */
/* The title of a list pane_codings_show filled, while it is shown, or
 * NULL. */
const char *pane_codings_title(struct ui *ui);
/* Of the list pane_codings_show just filled: rerun(ui) fills it again
 * when the project changes (mine, another coder's, undo). */
void pane_codings_set_refresh(struct ui *ui, void (*rerun)(struct ui *));
void pane_codings_set_review(struct ui *ui, bool on);
bool pane_codings_reviewing(struct ui *ui);
/* The tree cursor moved: the pane lists its code when the loop is idle. */
void pane_codings_follow(struct ui *ui);
/* Moves the pane's cursor by delta rows; opens the segment under it in
 * the transcript. */
void pane_codings_step(struct ui *ui, long delta);
void pane_codings_open(struct ui *ui);

/* finder.c */
/* Opens the finder on items (taken); done(ui, id, query) runs on Enter
 * with the chosen id (0 if nothing matched) or not at all on Esc. */
void finder_open(struct ui *ui, const char *title, struct finder_item *items,
    size_t n, void (*done)(struct ui *, int64_t, const char *));
/* The code tree as finder items; codes_only leaves categories out. */
void finder_nodes(struct ui *ui, bool codes, bool categories,
    struct finder_item **items, size_t *n);
/* prompt.c */
/* Opens the one-line prompt: done(ui, text) runs on Enter, not on Esc. */
void prompt_open(struct ui *ui, const char *title, const char *initial,
    void (*done)(struct ui *, const char *));
/* A yes/no question: done(ui, "y") runs on y (or Enter when enter_yes);
 * any other key says "cancelled". */
void confirm_open(struct ui *ui, const char *title,
    void (*done)(struct ui *, const char *), bool enter_yes);
/* Of the prompt on top (nothing if there is none): its title; Tab and
 * S-Tab call tab(ui, 1 or -1); Up and Down walk hist[0..n) (kept by the
 * caller, oldest first), starting below the newest. */
void prompt_set_title(struct ui *ui, const char *title);
/* Of the prompt or question on top: a title holding a name, which
 * compose(NULL, name, buf, cap) writes; a narrow popup cuts the name
 * (ui_text_fit_in), not the words around it. */
void prompt_title_name(struct ui *ui, ui_text_compose_fn *compose,
    const char *name);
void prompt_set_tab(struct ui *ui, void (*tab)(struct ui *, int));
/* Of the prompt on top: Esc calls cancel(ui) once the prompt is gone
 * (without it Esc only closes the prompt). */
void prompt_set_cancel(struct ui *ui, void (*cancel)(struct ui *));
/* Of the prompt on top: the line under the text, saying what its keys do. */
void prompt_set_foot(struct ui *ui, const char *foot);
void prompt_set_history(struct ui *ui, char **hist, size_t n);

/* pane-help.c */
void pane_help_open(struct ui *ui);

/* overlay.c */
void overlay_push(struct ui *ui, const struct screen_ops *ops, void *data);
/* Pops the top overlay and frees its data. */
void overlay_pop(struct ui *ui);
/* The top overlay's data if it is of kind ops (any kind: NULL ops). */
void *overlay_top(const struct ui *ui, const struct screen_ops *ops);
bool overlay_up(const struct ui *ui);
/* Whether a full-screen overlay hides the panes. */
bool overlay_covers(const struct ui *ui);
/* Gives key to the top overlay; false when none is up. */
bool overlay_key(struct ui *ui, int key);
void overlay_draw(struct ui *ui);
void overlay_free_all(struct ui *ui);
/* A popup's rectangle centred in the screen scr, want_h rows high at most. */
struct rect overlay_popup_rect(const struct rect *scr, int want_h);
/* Line editing in a UTF-8 buffer of cap bytes: remove the last character;
 * append key's character (false if it is not one or does not fit). */
void overlay_edit_backspace(char *s);
bool overlay_edit_append(char *s, size_t cap, int key);

/* pane-agree.c */
/* Shows the live agreement of the two coders with the most codings, or
 * hides it; refused while blind coding hides the figures. */
void pane_agree_toggle(struct ui *ui);

/* editor.c */
/* Edits text in $VISUAL/$EDITOR (vi) without a shell; *out is the new
 * text (caller frees) or NULL if the editor failed. Returns 0 on success. */
int editor_edit(const char *text, char **out, char *err, size_t errcap);

/* view.c and view-*.c (view-int.h): the full-body views */
enum { VIEW_NONE, VIEW_AGREE, VIEW_COMPARE, VIEW_PARADIGM, VIEW_RETEST,
	VIEW_NETWORK, VIEW_MATRIX, VIEW_SEARCH };
void view_toggle(struct ui *ui, int view);
/* The views' actions (rows of ui_actions[], SCOPE_VIEW but the toggles). */
void view_act_agree(struct ui *ui), view_act_compare(struct ui *ui),
    view_act_paradigm(struct ui *ui), view_act_retest(struct ui *ui),
    view_act_search(struct ui *ui), view_act_search_code(struct ui *ui),
    view_act_search_word(struct ui *ui), view_act_search_memos(struct ui *ui),
    view_act_search_speaker(struct ui *ui),
    view_act_search_docs(struct ui *ui), view_act_search_scope(struct ui *ui),
    view_act_close(struct ui *ui),
    view_act_down(struct ui *ui), view_act_up(struct ui *ui),
    view_act_pgdn(struct ui *ui), view_act_pgup(struct ui *ui),
    view_act_top(struct ui *ui), view_act_bottom(struct ui *ui),
    view_act_enter(struct ui *ui), view_act_next(struct ui *ui),
    view_act_prev(struct ui *ui), view_act_take_a(struct ui *ui),
    view_act_take_b(struct ui *ui), view_act_take_both(struct ui *ui),
    view_act_take_neither(struct ui *ui), view_act_codes(struct ui *ui),
    view_act_saturation(struct ui *ui), view_act_coders(struct ui *ui),
    view_act_network(struct ui *ui), view_act_follow(struct ui *ui),
    view_act_back(struct ui *ui), view_act_link(struct ui *ui);
/* The agreement set of the pane (view-set.c): + adds a coder, - drops one. */
void view_act_set_add(struct ui *ui), view_act_set_drop(struct ui *ui);
/* The matrix view (view-matrix.c): the toggle and its r, t, f keys. */
void view_act_matrix(struct ui *ui), view_act_matrix_rows(struct ui *ui),
    view_act_matrix_cols(struct ui *ui), view_act_matrix_measure(struct ui *ui);
/* Links (view-network.c): from the tree cursor's code or category; the
 * coding at the transcript caret as evidence of a link of its code. */
void view_act_link_tree(struct ui *ui), view_act_evidence(struct ui *ui);

#endif
