/*
 * finder.c: the filter-as-you-type popup (apply a code, move to a
 * category, switch document) and the one-line prompt (new code name,
 * rename, search, attributes).
 *
 * Filtering uses the search key (searchkey.h) on both sides, so "كد" finds
 * "کد", "ي" finds "ی", ZWNJ and case do not matter, and Persian digits
 * match ASCII ones. Items are matched on their whole path ("Category/code")
 * so typing a category's name lists its codes.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "axial/i18n.h"
#include "axial/searchkey.h"
#include "axial/util.h"
#include "ui.h"

static struct searchkey **fkeys;

void
finder_close(struct ui *ui)
{
	size_t i;

	for (i = 0; i < ui->nfitems; i++) {
		free(ui->fitems[i].label);
		free(ui->fitems[i].key);
		if (fkeys)
			searchkey_free(fkeys[i]);
	}
	free(fkeys);
	fkeys = NULL;
	free(ui->fitems);
	free(ui->fmatch);
	ui->fitems = NULL;
	ui->fmatch = NULL;
	ui->nfitems = ui->nfmatch = 0;
	if (ui->ov == OV_FINDER)
		ui->ov = OV_NONE;
	ui_dirty(ui, DIRTY_ALL);
}

static void
refilter(struct ui *ui)
{
	struct searchkey *q = searchkey_new(ui->fquery, strlen(ui->fquery), NULL);
	size_t i, s, e;

	ui->nfmatch = 0;
	for (i = 0; i < ui->nfitems; i++)
		if (searchkey_length(q) == 0 ||
		    searchkey_find(fkeys[i], q, 0, &s, &e))
			ui->fmatch[ui->nfmatch++] = i;
	searchkey_free(q);
	ui->fcur = 0;
	ui->ftop = 0;
	ui_dirty(ui, DIRTY_OVERLAY);
}

void
finder_open(struct ui *ui, const char *title, struct finder_item *items,
    size_t n, void (*done)(struct ui *, int64_t, const char *))
{
	size_t i;

	finder_close(ui);
	ui->fitems = items;
	ui->nfitems = n;
	ui->fmatch = xcalloc(n ? n : 1, sizeof *ui->fmatch);
	fkeys = xcalloc(n ? n : 1, sizeof *fkeys);
	for (i = 0; i < n; i++) {
		const char *k = items[i].key ? items[i].key : items[i].label;

		fkeys[i] = searchkey_new(k, strlen(k), NULL);
	}
	snprintf(ui->ftitle, sizeof ui->ftitle, "%s", title);
	ui->fquery[0] = '\0';
	ui->fdone = done;
	ui->ov = OV_FINDER;
	refilter(ui);
}

/* "Main/Sub/name" from the loaded tree (no query per node). */
static char *
node_path(struct ui *ui, const struct node *nd)
{
	const struct node *chain[64];
	size_t n = 0;
	struct buf b = {0};

	while (nd != NULL && n < AX_ARRAY_LEN(chain)) {
		chain[n++] = nd;
		nd = nd->parent ? ui_node(ui, nd->parent) : NULL;
	}
	while (n > 0) {
		buf_puts(&b, chain[--n]->name);
		if (n > 0)
			buf_putc(&b, '/');
	}
	return buf_take(&b);
}

void
finder_nodes(struct ui *ui, bool codes, bool categories,
    struct finder_item **items, size_t *n)
{
	size_t i, k = 0;

	*items = xcalloc(ui->nnodes + 1, sizeof **items);
	for (i = 0; i < ui->nnodes; i++) {
		const struct node *nd = &ui->nodes[i];

		if ((nd->kind == NODE_CODE && !codes) ||
		    (nd->kind == NODE_CATEGORY && !categories))
			continue;
		(*items)[k].id = nd->id;
		(*items)[k].label = xstrdup(nd->name);
		(*items)[k].key = node_path(ui, nd);
		(*items)[k].depth = nd->depth;
		k++;
	}
	*n = k;
}

/* Removes the last UTF-8 character of s. */
static void
utf8_backspace(char *s)
{
	size_t n = strlen(s);

	while (n > 0) {
		n--;
		if (((unsigned char)s[n] & 0xc0) != 0x80)
			break;
	}
	s[n] = '\0';
}

static bool
utf8_append(char *s, size_t cap, int key)
{
	char mb[8];
	int n;

	if (key < ' ' || (key & KEYMAP_FN) || key == 127)
		return false;
	size_t len = strlen(s);

	n = wctomb(mb, (wchar_t)key);
	if (n <= 0 || len + (size_t)n + 1 > cap)
		return false;
	memcpy(s + len, mb, (size_t)n);
	s[len + (size_t)n] = '\0';
	return true;
}

void
finder_key(struct ui *ui, int key)
{
	if (key == 27 || key == 7) {
		finder_close(ui);
		return;
	}
	if (key == '\r') {
		int64_t id = ui->nfmatch ? ui->fitems[ui->fmatch[ui->fcur]].id : 0;
		void (*done)(struct ui *, int64_t, const char *) = ui->fdone;
		char q[sizeof ui->fquery];

		snprintf(q, sizeof q, "%s", ui->fquery);
		finder_close(ui);
		done(ui, id, q);
		return;
	}
	if (key == (KEYMAP_FN | KEY_DOWN) || key == 14 /* C-n */ || key == '\t') {
		if (ui->fcur + 1 < ui->nfmatch)
			ui->fcur++;
	} else if (key == (KEYMAP_FN | KEY_UP) || key == 16 /* C-p */ ||
	    key == (KEYMAP_FN | KEY_BTAB)) {
		if (ui->fcur > 0)
			ui->fcur--;
	} else if (key == (KEYMAP_FN | KEY_NPAGE)) {
		ui->fcur = ui->fcur + 10 < ui->nfmatch ? ui->fcur + 10 :
		    (ui->nfmatch ? ui->nfmatch - 1 : 0);
	} else if (key == (KEYMAP_FN | KEY_PPAGE)) {
		ui->fcur = ui->fcur > 10 ? ui->fcur - 10 : 0;
	} else if (key == (KEYMAP_FN | KEY_BACKSPACE)) {
		utf8_backspace(ui->fquery);
		refilter(ui);
	} else if (key == 21 /* C-u */) {
		ui->fquery[0] = '\0';
		refilter(ui);
	} else if (utf8_append(ui->fquery, sizeof ui->fquery, key))
		refilter(ui);
	ui_dirty(ui, DIRTY_OVERLAY);
}

static void
popup_rect(int *y, int *x, int *h, int *w, int want_h)
{
	*w = COLS * 2 / 3;
	if (*w < 30)
		*w = COLS - 2;
	*h = want_h < LINES - 4 ? want_h : LINES - 4;
	*y = (LINES - *h) / 3;
	*x = (COLS - *w) / 2;
}

void
finder_draw(struct ui *ui)
{
	int y, x, h, w, row, list_h, cx;
	char head[200];

	popup_rect(&y, &x, &h, &w, 22);
	ui_mirror(ui, &(struct rect){y, x, h, w});
	list_h = h - 3;
	for (row = 0; row < h; row++)
		ui_fill(y + row, x, w, ui_attr(ui, TH_FINDER));
	snprintf(head, sizeof head, _(" %s  (%zu/%zu; Enter picks, Esc cancels) "),
	    ui->ftitle, ui->nfmatch, ui->nfitems);
	ui_fill(y, x, w, ui_attr(ui, TH_TITLE_FOCUS));
	ui_put_plain(y, x + 1, w - 2, head, ui_attr(ui, TH_TITLE_FOCUS));
	ui_put_plain(y + 1, x + 1, 2, "> ", ui_attr(ui, TH_HELP_KEY));
	cx = x + 3 + ui_put_text(ui, y + 1, x + 3, w - 4, ui->fquery,
	    ui_attr(ui, TH_FINDER));
	if (ui->fcur < ui->ftop)
		ui->ftop = ui->fcur;
	if (list_h > 0 && ui->fcur >= ui->ftop + (size_t)list_h)
		ui->ftop = ui->fcur - (size_t)list_h + 1;
	for (row = 0; row < list_h; row++) {
		size_t i = ui->ftop + (size_t)row;
		const struct finder_item *it;
		int a, xx = x + 2;

		if (i >= ui->nfmatch)
			break;
		it = &ui->fitems[ui->fmatch[i]];
		a = ui_attr(ui, i == ui->fcur ? TH_FINDER_SEL : TH_FINDER);
		ui_fill(y + 2 + row, x, w, a);
		xx += ui_put_text(ui, y + 2 + row, xx, w - 4, it->label, a);
		if (it->key && strcmp(it->key, it->label) != 0) {
			/* where it sits: the path without the name, dimmed */
			const char *slash = strrchr(it->key, '/');

			if (slash != NULL) {
				char *parent = xstrndup(it->key,
				    (size_t)(slash - it->key));

				ui_put_text(ui, y + 2 + row, xx + 3, x + w - xx - 4,
				    parent, a | A_DIM);
				free(parent);
			}
		}
	}
	move(y + 1, ui_screen_x(cx));
	ui_mirror(ui, NULL);
	curs_set(1);
}

/* ---- prompt ---- */

void
prompt_open(struct ui *ui, const char *title, const char *initial,
    void (*done)(struct ui *, const char *))
{
	snprintf(ui->ftitle, sizeof ui->ftitle, "%s", title);
	snprintf(ui->pbuf, sizeof ui->pbuf, "%s", initial ? initial : "");
	ui->pdone = done;
	ui->ov = OV_PROMPT;
	ui_dirty(ui, DIRTY_OVERLAY);
}

void
prompt_key(struct ui *ui, int key)
{
	if (key == 27 || key == 7) {
		ui->ov = OV_NONE;
		ui_dirty(ui, DIRTY_ALL);
		return;
	}
	if (ui->ov == OV_CONFIRM) {
		void (*done)(struct ui *, const char *) = ui->pdone;

		ui->ov = OV_NONE;
		ui_dirty(ui, DIRTY_ALL);
		if (key == 'y' || key == 'Y')
			done(ui, "y");
		else
			ui_msg(ui, "%s", _("cancelled"));
		return;
	}
	if (key == '\r') {
		void (*done)(struct ui *, const char *) = ui->pdone;
		char text[sizeof ui->pbuf];

		snprintf(text, sizeof text, "%s", ui->pbuf);
		ui->ov = OV_NONE;
		ui_dirty(ui, DIRTY_ALL);
		done(ui, text);
		return;
	}
	if (key == (KEYMAP_FN | KEY_BACKSPACE))
		utf8_backspace(ui->pbuf);
	else if (key == 21)
		ui->pbuf[0] = '\0';
	else
		utf8_append(ui->pbuf, sizeof ui->pbuf, key);
	ui_dirty(ui, DIRTY_OVERLAY);
}

void
prompt_draw(struct ui *ui)
{
	int y, x, h, w, cx;

	popup_rect(&y, &x, &h, &w, 3);
	ui_mirror(ui, &(struct rect){y, x, h, w});
	ui_fill(y, x, w, ui_attr(ui, TH_TITLE_FOCUS));
	ui_put_plain(y, x + 1, w - 2, ui->ftitle, ui_attr(ui, TH_TITLE_FOCUS));
	ui_fill(y + 1, x, w, ui_attr(ui, TH_FINDER));
	ui_fill(y + 2, x, w, ui_attr(ui, TH_FINDER));
	if (ui->ov == OV_CONFIRM) {
		ui_put_plain(y + 1, x + 1, w - 2, _("y: yes, any other key: no"),
		    ui_attr(ui, TH_FINDER));
		ui_mirror(ui, NULL);
		curs_set(0);
		return;
	}
	ui_put_plain(y + 1, x + 1, 2, "> ", ui_attr(ui, TH_HELP_KEY));
	cx = x + 3 + ui_put_text(ui, y + 1, x + 3, w - 4, ui->pbuf,
	    ui_attr(ui, TH_FINDER));
	ui_put_plain(y + 2, x + 1, w - 2, _("Enter accepts, Esc cancels"),
	    ui_attr(ui, TH_FINDER) | A_DIM);
	move(y + 1, ui_screen_x(cx));
	ui_mirror(ui, NULL);
	curs_set(1);
}
