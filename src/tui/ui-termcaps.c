/*
 * ui-termcaps.c: what a terminfo entry says, for `axial doctor` (tui.h),
 * read without opening a screen. Apart from ui-term.c because <term.h>
 * defines macros (columns, lines...) that clash with the workbench's
 * names; it includes nothing of the workbench but tui.h.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <term.h>
#include <unistd.h>

#include "tui/tui.h"

void
ui_termcaps(const char *term, struct ui_termcaps *c)
{
	TERMINAL *old = cur_term;
	const char *kmous;
	int err = 0;

	c->colors = -1;
	c->mouse = false;
	c->curses = curses_version();
	if (term == NULL || *term == '\0' ||
	    setupterm(term, STDOUT_FILENO, &err) != OK)
		return;
	c->colors = tigetnum("colors");
	if (c->colors < 0)
		c->colors = 0;
	kmous = tigetstr("kmous");
	c->mouse = kmous != NULL && kmous != (char *)-1 && *kmous != '\0';
	del_curterm(cur_term);
	set_curterm(old);
}
