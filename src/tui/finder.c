/*
 * finder.c: the filter-as-you-type popup (apply a code, move to a
 * category, switch document), an overlay (overlay.c) with its state here.
 *
 * Filtering uses the search key (searchkey.h) on both sides, so "كد" finds
 * "کد", "ي" finds "ی", ZWNJ and case do not matter, and Persian digits
 * match ASCII ones. Items are matched on their whole path ("Category/code")
 * so typing a category's name lists its codes. The query's letters need
 * not be adjacent ("hlan" finds "Health anxiety"): they are matched in
 * order, and matches are ranked as fzf ranks them, contiguous runs and
 * word starts first, then shorter names; an empty query keeps the
 * caller's order (the recent codes first).
 *
 * Invariants: match[0..nmatch) are distinct indices below n; cur < nmatch
 * unless nmatch is 0.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <assert.h>
#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "text/searchkey.h"
#include "base/util.h"
#include "tui/ui-int.h"

struct finder {
	struct finder_item *items;
	size_t n;
	size_t *match, nmatch, cur, top;
	struct searchkey **fkeys;	/* of the items' paths */
	struct searchkey **lkeys;	/* of their labels (names) */
	char query[256];
	char title[UI_TITLE_MAX];
	void (*done)(struct ui *ui, int64_t id, const char *query);
};

static void
finder_free(void *data)
{
	struct finder *f = data;
	size_t i;

	for (i = 0; i < f->n; i++) {
		free(f->items[i].label);
		free(f->items[i].key);
		searchkey_free(f->fkeys[i]);
		searchkey_free(f->lkeys[i]);
	}
	free(f->fkeys);
	free(f->lkeys);
	free(f->items);
	free(f->match);
	free(f);
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
refilter(struct ui *ui, struct finder *f)
{
	struct searchkey *k = searchkey_new(f->query, strlen(f->query), NULL);
	const uint32_t *kc = searchkey_chars(k);
	uint32_t *q = xcalloc(searchkey_length(k) + 1, sizeof *q);
	int *m = xcalloc(searchkey_length(k) + 1, sizeof *m);
	int *g = xcalloc(searchkey_length(k) + 1, sizeof *g);
	struct match *ms;
	size_t i, nq = 0, nms = 0;

	for (i = 0; i < searchkey_length(k); i++)
		if (kc[i] != ' ')
			q[nq++] = kc[i];
	ms = xcalloc(f->n + 1, sizeof *ms);
	for (i = 0; i < f->n; i++) {
		const struct searchkey *lk = f->lkeys[i], *fk = f->fkeys[i];
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
		f->match[i] = ms[i].i;
	f->nmatch = nms;
	free(ms);
	free(m);
	free(g);
	free(q);
	searchkey_free(k);
	f->cur = 0;
	f->top = 0;
	ui_dirty(ui, DIRTY_OVERLAY);
}

static void finder_key(struct ui *ui, void *data, int key);
static void finder_draw(struct ui *ui, void *data, const struct rect *scr,
    bool focused);

static const struct screen_ops finder_ops = {
	.name = "finder",
	.draw = finder_draw,
	.key = finder_key,
	.free = finder_free,
};

void
finder_open(struct ui *ui, const char *title, struct finder_item *items,
    size_t n, void (*done)(struct ui *, int64_t, const char *))
{
	struct finder *f = xcalloc(1, sizeof *f);
	size_t i;

	f->items = items;
	f->n = n;
	f->match = xcalloc(n ? n : 1, sizeof *f->match);
	f->fkeys = xcalloc(n ? n : 1, sizeof *f->fkeys);
	f->lkeys = xcalloc(n ? n : 1, sizeof *f->lkeys);
	for (i = 0; i < n; i++) {
		const char *k = items[i].key ? items[i].key : items[i].label;

		f->fkeys[i] = searchkey_new(k, strlen(k), NULL);
		f->lkeys[i] = searchkey_new(items[i].label,
		    strlen(items[i].label), NULL);
	}
	snprintf(f->title, sizeof f->title, "%s", title);
	f->done = done;
	overlay_push(ui, &finder_ops, f);
	refilter(ui, f);
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

static void
finder_key(struct ui *ui, void *data, int key)
{
	struct finder *f = data;

	if (key == 27 || key == 7) {
		overlay_pop(ui);
		return;
	}
	if (key == '\r') {
		int64_t id = f->nmatch ? f->items[f->match[f->cur]].id : 0;
		void (*done)(struct ui *, int64_t, const char *) = f->done;
		char q[sizeof f->query];

		snprintf(q, sizeof q, "%s", f->query);
		overlay_pop(ui);	/* frees f */
		done(ui, id, q);
		return;
	}
	if (key == (KEYMAP_FN | KEY_DOWN) || key == 14 /* C-n */ || key == '\t') {
		if (f->cur + 1 < f->nmatch)
			f->cur++;
	} else if (key == (KEYMAP_FN | KEY_UP) || key == 16 /* C-p */ ||
	    key == (KEYMAP_FN | KEY_BTAB)) {
		if (f->cur > 0)
			f->cur--;
	} else if (key == (KEYMAP_FN | KEY_NPAGE)) {
		f->cur = f->cur + 10 < f->nmatch ? f->cur + 10 :
		    (f->nmatch ? f->nmatch - 1 : 0);
	} else if (key == (KEYMAP_FN | KEY_PPAGE)) {
		f->cur = f->cur > 10 ? f->cur - 10 : 0;
	} else if (key == (KEYMAP_FN | KEY_BACKSPACE)) {
		overlay_edit_backspace(f->query);
		refilter(ui, f);
	} else if (key == 21 /* C-u */) {
		f->query[0] = '\0';
		refilter(ui, f);
	} else if (overlay_edit_append(f->query, sizeof f->query, key))
		refilter(ui, f);
	assert(f->nmatch == 0 || f->cur < f->nmatch);
	ui_dirty(ui, DIRTY_OVERLAY);
}

static void
finder_draw(struct ui *ui, void *data, const struct rect *scr, bool focused)
{
	struct finder *f = data;
	const struct rect pr = overlay_popup_rect(scr, 22);
	int y = pr.y, x = pr.x, h = pr.h, w = pr.w, row, list_h, cx;
	char head[200];

	(void)focused;
	ui_mirror(ui, &pr);
	list_h = h - 3;
	for (row = 0; row < h; row++)
		ui_fill(y + row, x, w, ui_attr(ui, TH_FINDER));
	snprintf(head, sizeof head, _(" %s  (%zu/%zu; Enter picks, Esc cancels) "),
	    f->title, f->nmatch, f->n);
	ui_fill(y, x, w, ui_attr(ui, TH_TITLE_FOCUS));
	ui_put_plain(y, x + 1, w - 2, head, ui_attr(ui, TH_TITLE_FOCUS));
	ui_put_plain(y + 1, x + 1, 2, "> ", ui_attr(ui, TH_HELP_KEY));
	cx = x + 3 + ui_put_text(ui, y + 1, x + 3, w - 4, f->query,
	    ui_attr(ui, TH_FINDER));
	/* the list scrolls to keep the current item in view */
	if (f->cur < f->top)
		f->top = f->cur;
	if (list_h > 0 && f->cur >= f->top + (size_t)list_h)
		f->top = f->cur - (size_t)list_h + 1;
	for (row = 0; row < list_h; row++) {
		size_t i = f->top + (size_t)row;
		const struct finder_item *it;
		int a, xx = x + 2;

		if (i >= f->nmatch)
			break;
		it = &f->items[f->match[i]];
		a = ui_attr(ui, i == f->cur ? TH_FINDER_SEL : TH_FINDER);
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

