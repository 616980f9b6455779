/*
 * finder.c: the filter-as-you-type popup (apply a code, move to a
 * category, switch document) and the one-line prompt (new code name,
 * rename, search, attributes).
 *
 * Filtering uses the search key (searchkey.h) on both sides, so "كد" finds
 * "کد", "ي" finds "ی", ZWNJ and case do not matter, and Persian digits
 * match ASCII ones. Items are matched on their whole path ("Category/code")
 * so typing a category's name lists its codes. The query's letters need
 * not be adjacent ("hlan" finds "Health anxiety"): they are matched in
 * order, and matches are ranked as fzf ranks them, contiguous runs and
 * word starts first, then shorter names; an empty query keeps the
 * caller's order (the recent codes first).
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/i18n.h"
#include "text/searchkey.h"
#include "base/util.h"
#include "tui/ui-int.h"

void
finder_close(struct ui *ui)
{
	size_t i;

	for (i = 0; i < ui->nfitems; i++) {
		free(ui->fitems[i].label);
		free(ui->fitems[i].key);
		if (ui->fkeys)
			searchkey_free(ui->fkeys[i]);
		if (ui->lkeys)
			searchkey_free(ui->lkeys[i]);
	}
	free(ui->fkeys);
	free(ui->lkeys);
	ui->fkeys = ui->lkeys = NULL;
	free(ui->fitems);
	free(ui->fmatch);
	ui->fitems = NULL;
	ui->fmatch = NULL;
	ui->nfitems = ui->nfmatch = 0;
	if (ui->ov == OV_FINDER)
		ui->ov = OV_NONE;
	ui_dirty(ui, DIRTY_ALL);
}

/* Scores of a query character matched in the hay (fzf's spirit). */
enum {
	FZ_MATCH = 16,		/* each query character */
	FZ_RUN = 12,		/* right after the previous one */
	FZ_START = 10,		/* the first character of the item */
	FZ_WORD = 8,		/* a word start: after a space, / - _ ( */
	FZ_GAP = 3,		/* opening a gap */
	FZ_NAME = 20,		/* all in the name, not across the path */
	FZ_NONE = INT_MIN / 2
};

static bool
word_start(const uint32_t *h, size_t i)
{
	return i > 0 && (h[i - 1] == ' ' || h[i - 1] == '/' || h[i - 1] == '-' ||
	    h[i - 1] == '_' || h[i - 1] == '(');
}

/*
 * The best score of q (spaces dropped) as a subsequence of h, or
 * FZ_NONE; m and g are the caller's scratch of nq each. m[j]: the best with q[0..j] matched and q[j] on the current
 * hay character; g[j]: the best with q[j] matched earlier, less a point per
 * character skipped since and FZ_GAP for the gap.
 */
static int
fuzzy_score(const uint32_t *h, size_t n, const uint32_t *q, size_t nq, int *m,
    int *g)
{
	int best = FZ_NONE;
	size_t i, j;

	if (nq == 0)
		return 0;
	for (j = 0; j < nq; j++)
		m[j] = g[j] = FZ_NONE;
	for (i = 0; i < n; i++) {
		int bonus = i == 0 ? FZ_START : word_start(h, i) ? FZ_WORD : 0;

		/* backwards, so m[j - 1] is still the previous character's */
		for (j = nq; j-- > 0;) {
			int from = j == 0 ? 0 : m[j - 1] > FZ_NONE ?
			    m[j - 1] + FZ_RUN : FZ_NONE;
			int prev = m[j];

			if (j > 0 && g[j - 1] > from)
				from = g[j - 1];
			m[j] = h[i] == q[j] && from > FZ_NONE ?
			    from + FZ_MATCH + bonus : FZ_NONE;
			if (g[j] > FZ_NONE)
				g[j]--;
			if (prev > FZ_NONE && prev - FZ_GAP > g[j])
				g[j] = prev - FZ_GAP;
		}
		if (m[nq - 1] > best)
			best = m[nq - 1];
	}
	return best;
}

/* A matching item with its sort key, so qsort needs no context. */
struct match {
	size_t i;
	int score;
	size_t len;		/* of its label: shorter names first */
};

static int
match_cmp(const void *a, const void *b)
{
	const struct match *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static void
refilter(struct ui *ui)
{
	struct searchkey *k = searchkey_new(ui->fquery, strlen(ui->fquery), NULL);
	const uint32_t *kc = searchkey_chars(k);
	uint32_t *q = xcalloc(searchkey_length(k) + 1, sizeof *q);
	int *m = xcalloc(searchkey_length(k) + 1, sizeof *m);
	int *g = xcalloc(searchkey_length(k) + 1, sizeof *g);
	struct match *ms;
	size_t i, nq = 0, nms = 0;

	for (i = 0; i < searchkey_length(k); i++)
		if (kc[i] != ' ')
			q[nq++] = kc[i];
	ms = xcalloc(ui->nfitems + 1, sizeof *ms);
	for (i = 0; i < ui->nfitems; i++) {
		const struct searchkey *lk = ui->lkeys[i], *fk = ui->fkeys[i];
		int named = fuzzy_score(searchkey_chars(lk), searchkey_length(lk),
		    q, nq, m, g);
		int score = fuzzy_score(searchkey_chars(fk), searchkey_length(fk),
		    q, nq, m, g);

		if (named > FZ_NONE && named + FZ_NAME > score)
			score = named + FZ_NAME;
		if (score > FZ_NONE) {
			ms[nms].i = i;
			ms[nms].score = score;
			ms[nms++].len = searchkey_length(lk);
		}
	}
	if (nq > 0)
		qsort(ms, nms, sizeof *ms, match_cmp);
	for (i = 0; i < nms; i++)
		ui->fmatch[i] = ms[i].i;
	ui->nfmatch = nms;
	free(ms);
	free(m);
	free(g);
	free(q);
	searchkey_free(k);
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
	ui->fkeys = xcalloc(n ? n : 1, sizeof *ui->fkeys);
	ui->lkeys = xcalloc(n ? n : 1, sizeof *ui->lkeys);
	for (i = 0; i < n; i++) {
		const char *k = items[i].key ? items[i].key : items[i].label;

		ui->fkeys[i] = searchkey_new(k, strlen(k), NULL);
		ui->lkeys[i] = searchkey_new(items[i].label, strlen(items[i].label),
		    NULL);
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
	ui->ptab = NULL;
	ui->pconfirm_enter = false;
	ui->phist = NULL;
	ui->nphist = ui->phist_at = 0;
	ui->ov = OV_PROMPT;
	ui_dirty(ui, DIRTY_OVERLAY);
}

void
prompt_key(struct ui *ui, int key)
{
	if (key == 27 || key == 7) {
		if (ui->ov == OV_CONFIRM)
			ui_msg(ui, "%s", _("cancelled"));
		ui->ov = OV_NONE;
		ui_dirty(ui, DIRTY_ALL);
		return;
	}
	if (ui->ov == OV_CONFIRM) {
		void (*done)(struct ui *, const char *) = ui->pdone;

		ui->ov = OV_NONE;
		ui_dirty(ui, DIRTY_ALL);
		if (key == 'y' || key == 'Y' || (ui->pconfirm_enter && key == '\r'))
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
	if (ui->ptab != NULL && (key == '\t' || key == (KEYMAP_FN | KEY_BTAB)))
		ui->ptab(ui, key == '\t' ? 1 : -1);
	else if (ui->phist != NULL && key == (KEYMAP_FN | KEY_UP)) {
		if (ui->phist_at > 0)
			snprintf(ui->pbuf, sizeof ui->pbuf, "%s",
			    ui->phist[--ui->phist_at]);
	} else if (ui->phist != NULL && key == (KEYMAP_FN | KEY_DOWN)) {
		if (ui->phist_at < ui->nphist)
			ui->phist_at++;
		snprintf(ui->pbuf, sizeof ui->pbuf, "%s",
		    ui->phist_at < ui->nphist ? ui->phist[ui->phist_at] : "");
	} else if (key == (KEYMAP_FN | KEY_BACKSPACE))
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
		ui_put_plain(y + 1, x + 1, w - 2, ui->pconfirm_enter ?
		    _("y or Enter: yes, n or Esc: no") :
		    _("y: yes, any other key: no"), ui_attr(ui, TH_FINDER));
		ui_mirror(ui, NULL);
		curs_set(0);
		return;
	}
	ui_put_plain(y + 1, x + 1, 2, "> ", ui_attr(ui, TH_HELP_KEY));
	cx = x + 3 + ui_put_text(ui, y + 1, x + 3, w - 4, ui->pbuf,
	    ui_attr(ui, TH_FINDER));
	ui_put_plain(y + 2, x + 1, w - 2, ui->ptab != NULL ?
	    _("Enter accepts, Esc cancels, Tab/S-Tab: where it goes") :
	    ui->phist != NULL ? _("Enter accepts, Esc cancels, Up: earlier ones") :
	    _("Enter accepts, Esc cancels"), ui_attr(ui, TH_FINDER) | A_DIM);
	move(y + 1, ui_screen_x(cx));
	ui_mirror(ui, NULL);
	curs_set(1);
}
