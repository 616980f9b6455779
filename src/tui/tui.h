/*
 * tui.h: the workbench as the command line sees it. Everything else under
 * src/tui/ is private to the workbench (ui-int.h and its friends).
 */
#ifndef AXIAL_TUI_H
#define AXIAL_TUI_H

#include <stdbool.h>
#include <stdio.h>

#include "text/text.h"
#include "tui/keymap.h"

struct ui_options {
	const char *project;
	const char *as;
	const char *theme;	/* NULL: config, then "default" */
	struct text_opts text;
	bool no_mouse;
	bool tmux_passthrough;
	int layout_rtl;		/* -1 from the locale (fa, ar, he, ur), 0 no, 1 yes */
	const char *stats;	/* AXIAL_UI_STATS: write timings here on exit */
};

/* The main entry point: returns an exit status. */
int ui_run(const struct ui_options *o);

/* What the terminfo entry of term says, for `axial doctor`: its colours
 * (-1: no such entry), whether it reports the mouse (kmous), and the
 * version of curses. Opens no screen. */
struct ui_termcaps {
	int colors;
	bool mouse;
	const char *curses;
};
void ui_termcaps(const char *term, struct ui_termcaps *c);

/* Key scopes of the action table: global, then one per pane and overlay. */
enum ui_scope {
	SCOPE_GLOBAL, SCOPE_TRANSCRIPT, SCOPE_TREE, SCOPE_LIST,
	SCOPE_VIEW,	/* the full-body views (pane-view.c) */
	SCOPE_COUNT
};

/* The key table: every action with its default keys and help; it feeds the
 * help screen, `axial keys`, the man page and the README. */
extern const struct keymap_action ui_actions[];

/* Applies the config's "bind" lines to k, reporting bad ones on err. */
void ui_load_bindings(struct keymap *k, FILE *err);

#endif
