/*
 * overlay.c: the stack of overlays, the popups that take the keyboard
 * while they are up: the finder (finder.c), the one-line prompt and the
 * yes/no question (prompt.c) and the help screen (pane-help.c).
 *
 * Each is a const struct screen_ops and private data, pushed here, as a
 * tmux window mode is a table of functions with its data (window.c,
 * window-clock.c). The top overlay gets every key; all are drawn bottom up
 * after the panes. An overlay pops itself when it is done, and only then
 * runs its caller's callback, which may push the next one (Enter in the
 * finder on an unknown name asks whether to create it).
 *
 * Invariants: ui->novs <= ui->capovs; every ovs[i].ops is non-NULL; an
 * overlay's data is freed exactly once, by overlay_pop or overlay_free_all.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <assert.h>
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/util.h"
#include "tui/ui-int.h"

void
overlay_push(struct ui *ui, const struct screen_ops *ops, void *data)
{
	assert(ops != NULL && ops->draw != NULL && ops->key != NULL);
	ui->ovs = xgrow(ui->ovs, &ui->capovs, ui->novs + 1, sizeof *ui->ovs);
	ui->ovs[ui->novs].ops = ops;
	ui->ovs[ui->novs].data = data;
	ui->novs++;
	ui_dirty(ui, DIRTY_OVERLAY | (ops->full ? DIRTY_ALL : 0));
}

void
overlay_pop(struct ui *ui)
{
	struct screen o;

	assert(ui->novs > 0);
	o = ui->ovs[--ui->novs];
	if (o.ops->free != NULL)
		o.ops->free(o.data);
	/* what the popup covered is drawn again */
	ui_dirty(ui, DIRTY_ALL | (o.ops->full ? DIRTY_LAYOUT : 0));
}

void *
overlay_top(const struct ui *ui, const struct screen_ops *ops)
{
	if (ui->novs == 0 || (ops != NULL && ui->ovs[ui->novs - 1].ops != ops))
		return NULL;
	return ui->ovs[ui->novs - 1].data;
}

bool
overlay_up(const struct ui *ui)
{
	return ui->novs > 0;
}

bool
overlay_covers(const struct ui *ui)
{
	size_t i;

	for (i = 0; i < ui->novs; i++)
		if (ui->ovs[i].ops->full)
			return true;
	return false;
}

bool
overlay_key(struct ui *ui, int key)
{
	struct screen *o;

	if (ui->novs == 0)
		return false;
	o = &ui->ovs[ui->novs - 1];
	o->ops->key(ui, o->data, key);
	return true;
}

void
overlay_draw(struct ui *ui)
{
	const struct rect scr = {0, 0, LINES, COLS};
	size_t i, from = 0;

	for (i = 0; i < ui->novs; i++)	/* a full one hides those below */
		if (ui->ovs[i].ops->full)
			from = i;
	for (i = from; i < ui->novs; i++)
		ui->ovs[i].ops->draw(ui, ui->ovs[i].data, &scr,
		    i + 1 == ui->novs);
}

void
overlay_free_all(struct ui *ui)
{
	while (ui->novs > 0)
		overlay_pop(ui);
	free(ui->ovs);
	ui->ovs = NULL;
	ui->capovs = 0;
}

/* ---- what the popups share ---- */

struct rect
overlay_popup_rect(const struct rect *scr, int want_h)
{
	struct rect r;

	r.w = scr->w * 2 / 3;
	if (r.w < 30)
		r.w = scr->w - 2;
	r.h = want_h < scr->h - 4 ? want_h : scr->h - 4;
	r.y = scr->y + (scr->h - r.h) / 3;
	r.x = scr->x + (scr->w - r.w) / 2;
	return r;
}

void
overlay_edit_backspace(char *s)
{
	size_t n = strlen(s);

	while (n > 0) {
		n--;
		if (((unsigned char)s[n] & 0xc0) != 0x80)
			break;
	}
	s[n] = '\0';
}

bool
overlay_edit_append(char *s, size_t cap, int key)
{
	char mb[8];
	size_t len;
	int n;

	if (key < ' ' || (key & KEYMAP_FN) || key == 127)
		return false;
	len = strlen(s);
	n = wctomb(mb, (wchar_t)key);
	if (n <= 0 || len + (size_t)n + 1 > cap)
		return false;
	memcpy(s + len, mb, (size_t)n);
	s[len + (size_t)n] = '\0';
	return true;
}
