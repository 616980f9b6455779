/*
 * prompt.c: the one-line prompt (a new code's name, rename, search,
 * attributes, a decision's note) and the yes/no question, two overlays
 * (overlay.c) sharing one state.
 *
 * Invariants: hist_at <= nhist; buf is always a NUL-terminated UTF-8
 * string (overlay_edit_* append and remove whole characters).
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <assert.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/util.h"
#include "tui/ui-int.h"

struct prompt {
	char title[UI_TITLE_MAX];
	/* a title holding a name (prompt_title_name): drawn by compose with
	   the name cut to the popup's width; title then holds it whole */
	ui_text_compose_fn *compose;
	char *name;
	char foot[UI_TITLE_MAX];	/* the keys it takes; "": the usual */
	char buf[512];
	void (*done)(struct ui *ui, const char *text);
	void (*tab)(struct ui *ui, int dir);	/* Tab, S-Tab */
	void (*cancel)(struct ui *ui);	/* Esc, when set */
	bool enter_yes;		/* a question: Enter also answers yes */
	char **hist;		/* the caller's, oldest first */
	size_t nhist, hist_at;
};

static void prompt_key(struct ui *ui, void *data, int key);
static void prompt_draw(struct ui *ui, void *data, const struct rect *scr,
    bool focused);
static void confirm_key(struct ui *ui, void *data, int key);
static void confirm_draw(struct ui *ui, void *data, const struct rect *scr,
    bool focused);

static void
prompt_free(void *data)
{
	struct prompt *p = data;

	free(p->name);
	free(p);
}

static const struct screen_ops prompt_ops = {
	.name = "prompt",
	.draw = prompt_draw,
	.key = prompt_key,
	.free = prompt_free,
};

static const struct screen_ops confirm_ops = {
	.name = "confirm",
	.draw = confirm_draw,
	.key = confirm_key,
	.free = prompt_free,
};

void
prompt_open(struct ui *ui, const char *title, const char *initial,
    void (*done)(struct ui *, const char *))
{
	struct prompt *p = xcalloc(1, sizeof *p);

	snprintf(p->title, sizeof p->title, "%s", title);
	snprintf(p->buf, sizeof p->buf, "%s", initial ? initial : "");
	p->done = done;
	overlay_push(ui, &prompt_ops, p);
}

void
confirm_open(struct ui *ui, const char *title,
    void (*done)(struct ui *, const char *), bool enter_yes)
{
	struct prompt *p = xcalloc(1, sizeof *p);

	snprintf(p->title, sizeof p->title, "%s", title);
	p->done = done;
	p->enter_yes = enter_yes;
	overlay_push(ui, &confirm_ops, p);
}

void
prompt_set_title(struct ui *ui, const char *title)
{
	struct prompt *p = overlay_top(ui, &prompt_ops);

	if (p != NULL) {
		snprintf(p->title, sizeof p->title, "%s", title);
		p->compose = NULL;
		ui_dirty(ui, DIRTY_OVERLAY);
	}
}

void
prompt_title_name(struct ui *ui, ui_text_compose_fn *compose,
    const char *name)
{
	struct prompt *p = overlay_top(ui, &prompt_ops);

	if (p == NULL)
		p = overlay_top(ui, &confirm_ops);
	if (p == NULL)
		return;
	free(p->name);
	p->name = xstrdup(name);
	p->compose = compose;
	ui_text_fit_in(compose, NULL, name, UI_TITLE_MAX, p->title,
	    sizeof p->title);
	ui_dirty(ui, DIRTY_OVERLAY);
}

void
prompt_set_tab(struct ui *ui, void (*tab)(struct ui *, int))
{
	struct prompt *p = overlay_top(ui, &prompt_ops);

	if (p != NULL)
		p->tab = tab;
}

void
prompt_set_foot(struct ui *ui, const char *foot)
{
	struct prompt *p = overlay_top(ui, &prompt_ops);

	if (p != NULL)
		snprintf(p->foot, sizeof p->foot, "%s", foot);
}

void
prompt_set_cancel(struct ui *ui, void (*cancel)(struct ui *))
{
	struct prompt *p = overlay_top(ui, &prompt_ops);

	if (p != NULL)
		p->cancel = cancel;
}

void
prompt_set_history(struct ui *ui, char **hist, size_t n)
{
	struct prompt *p = overlay_top(ui, &prompt_ops);

	if (p != NULL) {
		p->hist = hist;
		p->nhist = p->hist_at = n;
	}
}

static void
prompt_key(struct ui *ui, void *data, int key)
{
	struct prompt *p = data;

	if (key == 27 || key == 7) {
		void (*cancel)(struct ui *) = p->cancel;

		overlay_pop(ui);	/* frees p */
		if (cancel != NULL)
			cancel(ui);
		return;
	}
	if (key == '\r') {
		void (*done)(struct ui *, const char *) = p->done;
		char text[sizeof p->buf];

		snprintf(text, sizeof text, "%s", p->buf);
		overlay_pop(ui);	/* frees p */
		done(ui, text);
		return;
	}
	if (p->tab != NULL && (key == '\t' || key == (KEYMAP_FN | KEY_BTAB))) {
		/* tab may replace the prompt (Q's saved queries): p is then
		 * freed, so nothing of it is read after */
		ui_dirty(ui, DIRTY_OVERLAY);
		p->tab(ui, key == '\t' ? 1 : -1);
		return;
	}
	if (p->hist != NULL && key == (KEYMAP_FN | KEY_UP)) {
		if (p->hist_at > 0)
			snprintf(p->buf, sizeof p->buf, "%s",
			    p->hist[--p->hist_at]);
	} else if (p->hist != NULL && key == (KEYMAP_FN | KEY_DOWN)) {
		if (p->hist_at < p->nhist)
			p->hist_at++;
		snprintf(p->buf, sizeof p->buf, "%s",
		    p->hist_at < p->nhist ? p->hist[p->hist_at] : "");
	} else if (key == (KEYMAP_FN | KEY_BACKSPACE))
		overlay_edit_backspace(p->buf);
	else if (key == 21)	/* C-u */
		p->buf[0] = '\0';
	else
		overlay_edit_append(p->buf, sizeof p->buf, key);
	assert(p->hist_at <= p->nhist);
	ui_dirty(ui, DIRTY_OVERLAY);
}

static void
confirm_key(struct ui *ui, void *data, int key)
{
	struct prompt *p = data;
	void (*done)(struct ui *, const char *) = p->done;
	bool yes = key == 'y' || key == 'Y' || (p->enter_yes && key == '\r');

	overlay_pop(ui);	/* frees p */
	if (yes)
		done(ui, "y");
	else
		ui_msg(ui, "%s", _("cancelled"));
}

/* The popup's frame and title; returns its rectangle. */
static struct rect
frame(struct ui *ui, const struct rect *scr, const struct prompt *p)
{
	struct rect r = overlay_popup_rect(scr, 3);
	char line[UI_TITLE_MAX];

	ui_mirror(ui, &r);
	ui_fill(r.y, r.x, r.w, ui_attr(ui, TH_TITLE_FOCUS));
	if (p->compose != NULL)	/* the name gives way, not the words */
		ui_text_fit_in(p->compose, NULL, p->name, r.w - 2, line,
		    sizeof line);
	ui_put_plain(r.y, r.x + 1, r.w - 2, p->compose != NULL ? line :
	    p->title, ui_attr(ui, TH_TITLE_FOCUS));
	ui_fill(r.y + 1, r.x, r.w, ui_attr(ui, TH_FINDER));
	ui_fill(r.y + 2, r.x, r.w, ui_attr(ui, TH_FINDER));
	return r;
}

static void
confirm_draw(struct ui *ui, void *data, const struct rect *scr, bool focused)
{
	const struct prompt *p = data;
	struct rect r = frame(ui, scr, p);

	(void)focused;
	ui_put_plain(r.y + 1, r.x + 1, r.w - 2, p->enter_yes ?
	    _("y or Enter: yes, n or Esc: no") :
	    _("y: yes, any other key: no"), ui_attr(ui, TH_FINDER));
	ui_mirror(ui, NULL);
	curs_set(0);
}

static void
prompt_draw(struct ui *ui, void *data, const struct rect *scr, bool focused)
{
	const struct prompt *p = data;
	struct rect r = frame(ui, scr, p);
	int cx;

	(void)focused;
	ui_put_plain(r.y + 1, r.x + 1, 2, "> ", ui_attr(ui, TH_HELP_KEY));
	cx = r.x + 3 + ui_put_text(ui, r.y + 1, r.x + 3, r.w - 4, p->buf,
	    ui_attr(ui, TH_FINDER));
	ui_put_plain(r.y + 2, r.x + 1, r.w - 2, p->foot[0] != '\0' ? p->foot :
	    p->tab != NULL ?
	    _("Enter accepts, Esc cancels, Tab/S-Tab: where it goes") :
	    p->hist != NULL ? _("Enter accepts, Esc cancels, Up: earlier ones") :
	    _("Enter accepts, Esc cancels"), ui_attr(ui, TH_FINDER) | A_DIM);
	move(r.y + 1, ui_screen_x(cx));
	ui_mirror(ui, NULL);
	curs_set(1);
}
