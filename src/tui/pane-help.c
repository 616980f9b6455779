/*
 * pane-help.c: the help screen (? and F1), generated from the key table
 * (keymap_actions(ui->keys)[] with the user's rebindings), grouped by where keys apply.
 * A full-screen overlay (overlay.c); its state is the line at its top.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "tui/ui-int.h"

static const char *const scope_title[] = {
	N_("Everywhere"), N_("Transcript"), N_("Code tree"),
	N_("Segments and documents lists"),
	N_("Agreement, compare, paradigm and test-retest views"),
};

/* Lines of the help text: scope headers and one line per action. */
static size_t
help_lines(const struct keymap_action *actions)
{
	size_t n = 0, i;
	int s;

	for (s = 0; s < SCOPE_COUNT; s++) {
		n += 2;
		for (i = 0; actions[i].name != NULL; i++)
			if (actions[i].scope == s)
				n++;
	}
	return n + 4;
}

struct help {
	size_t top;		/* the first line shown */
};

static void
help_draw(struct ui *ui, void *data, const struct rect *r, bool focused)
{
	const struct help *hp = data;
	size_t line = 0, i;
	int s, y = 1, h = r->h - 2;
	char keys[64];

	erase();
	(void)focused;
	ui_mirror(ui, r);
	ui_fill(0, 0, r->w, ui_attr(ui, TH_TITLE_FOCUS));
	ui_put_plain(0, 1, r->w - 2, _("axial workbench: keys (j/k/PgDn scroll, "
	    "q/Esc/?/F1 close; rebind in ~/.config/axial/config: "
	    "bind ACTION KEY...)"), ui_attr(ui, TH_TITLE_FOCUS));
	for (s = 0; s < SCOPE_COUNT; s++) {
		/* a blank line and the scope's title */
		if (line++ >= hp->top)
			y++;
		if (line++ >= hp->top && y <= h)
			ui_put_plain(y++, 1, r->w - 2, _(scope_title[s]),
			    ui_attr(ui, TH_CATEGORY));
		for (i = 0; keymap_actions(ui->keys)[i].name != NULL; i++) {
			if (keymap_actions(ui->keys)[i].scope != s)
				continue;
			if (line++ < hp->top || y > h)
				continue;
			keymap_keys_text(ui->keys, i, keys, sizeof keys);
			ui_put_plain(y, 2, 20, keys, ui_attr(ui, TH_HELP_KEY));
			ui_put_plain(y, 23, 20, keymap_actions(ui->keys)[i].name, ui_attr(ui, TH_DIM));
			ui_put_plain(y, 44, r->w - 45, _(keymap_actions(ui->keys)[i].help),
			    ui_attr(ui, TH_HELP));
			y++;
		}
	}
	ui_fill(r->h - 1, 0, r->w, ui_attr(ui, TH_HINT));
	ui_put_plain(r->h - 1, 1, r->w - 2, _("Mouse: click to place the caret, "
	    "drag to select; in the tree drag a code onto a category to move it; "
	    "wheel scrolls."), ui_attr(ui, TH_HINT));
	ui_mirror(ui, NULL);
}

static void
help_key(struct ui *ui, void *data, int key)
{
	struct help *hp = data;
	size_t max = help_lines(keymap_actions(ui->keys));

	if (key == 'q' || key == 27 || key == '?' ||
	    key == (KEYMAP_FN | KEY_F(1))) {
		overlay_pop(ui);
		return;
	}
	if (key == 'j' || key == (KEYMAP_FN | KEY_DOWN))
		hp->top++;
	else if (key == 'k' || key == (KEYMAP_FN | KEY_UP))
		hp->top = hp->top ? hp->top - 1 : 0;
	else if (key == ' ' || key == (KEYMAP_FN | KEY_NPAGE))
		hp->top += (size_t)(LINES - 4);
	else if (key == (KEYMAP_FN | KEY_PPAGE))
		hp->top = hp->top > (size_t)(LINES - 4) ?
		    hp->top - (size_t)(LINES - 4) : 0;
	if (hp->top > max)
		hp->top = max;
	ui_dirty(ui, DIRTY_OVERLAY);
}

static const struct screen_ops help_ops = {
	.name = "help",
	.full = true,
	.draw = help_draw,
	.key = help_key,
	.free = free,
};

void
pane_help_open(struct ui *ui)
{
	overlay_push(ui, &help_ops, xcalloc(1, sizeof(struct help)));
}
