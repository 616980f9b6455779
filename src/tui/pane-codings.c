/*
 * pane-codings.c: the coded segments of one code across documents (quote,
 * document, position), or in review mode every code of one category with
 * its quotes under a header row. Enter jumps to the segment in the
 * transcript.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "base/i18n.h"
#include "base/util.h"
#include "tui/ui-int.h"

/* The pane's data. */
struct codings_pane {
	struct ui_segment *segs;
	size_t n, cur, top;
	int64_t node;		/* the code or category listed, 0 none */
	char *title;		/* with node 0: what the list holds (a matrix
				 * cell, a coding query), or NULL */
	/* with title: reruns what made the list when the project changes */
	void (*rerun)(struct ui *);
	bool review;		/* walking the categories (act_review) */
	bool pending;		/* list the tree cursor's code when idle */
};

static struct codings_pane *
pane_data(struct ui *ui)
{
	return ui->panes[PANE_CODINGS].data;
}

static void
segs_free(struct codings_pane *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->segs[i].quote);
		free(d->segs[i].doc);
	}
	free(d->segs);
	d->segs = NULL;
	d->n = 0;
}

/* Bytes of the code-point range [s, e) of text, at most 300 bytes. */
static char *
quote_of(const char *text, size_t len, int64_t s, int64_t e)
{
	const uint8_t *p = (const uint8_t *)text, *end = p + len, *qs = NULL;
	int64_t i = 0;
	ucs4_t uc;
	int n;

	while (p < end && i < e) {
		if (i == s)
			qs = p;
		n = u8_mbtouc(&uc, p, (size_t)(end - p));
		p += n > 0 ? n : 1;
		i++;
		if (qs && p - qs > 300)
			break;
	}
	if (qs == NULL)
		return xstrdup("");
	return xstrndup((const char *)qs, (size_t)(p - qs));
}

static void
add_seg(struct ui *ui, size_t *cap, const struct coding *c, char *quote,
    const char *doc)
{
	struct codings_pane *d = pane_data(ui);
	d->segs = xgrow(d->segs, cap, d->n + 1, sizeof *d->segs);
	memset(&d->segs[d->n], 0, sizeof d->segs[0]);
	if (c)
		d->segs[d->n].c = *c;
	d->segs[d->n].quote = quote;
	d->segs[d->n].doc = xstrdup(doc ? doc : "");
	d->n++;
}

/* A row per coding of c[0, n), quoted from its document's text. */
static void
add_list(struct ui *ui, size_t *cap, const struct coding *c, size_t n)
{
	size_t i, d;
	int64_t tdoc = 0;
	char *text = NULL;
	size_t tlen = 0;

	for (i = 0; i < n; i++) {
		const char *dname = "?";

		if (c[i].doc != tdoc) {
			free(text);
			text = NULL;
			tdoc = c[i].doc;
			if (doc_text(ui->p, tdoc, &text, &tlen) != AX_OK)
				text = NULL;
		}
		for (d = 0; d < ui->ndocs; d++)
			if (ui->docs[d].id == c[i].doc)
				dname = ui->docs[d].name;
		add_seg(ui, cap, &c[i], text ? quote_of(text, tlen, c[i].start,
		    c[i].end) : xstrdup(""), dname);
	}
	free(text);
}

static void
add_code(struct ui *ui, size_t *cap, int64_t node, bool header)
{
	struct coding_filter f = {0, 0, 0};
	struct coding *c;
	size_t n;

	f.node = node;
	if (coding_list(ui->p, &f, &c, &n) != AX_OK)
		return;
	if (header)
		add_seg(ui, cap, NULL, xasprintf("%s (%zu)", ui_node_name(ui, node),
		    n), NULL);
	add_list(ui, cap, c, n);
	free(c);
}

void
pane_codings_load(struct ui *ui, int64_t node)
{
	struct codings_pane *d = pane_data(ui);
	const struct node *n = ui_node(ui, node);
	size_t cap = 0, keep = d->node == node ? d->cur : 0;

	segs_free(d);
	free(d->title);
	d->title = NULL;
	d->rerun = NULL;
	d->node = node;
	if (n == NULL) {
		d->node = 0;
		return;
	}
	if (n->kind == NODE_CODE) {
		add_code(ui, &cap, node, false);
	} else {
		size_t i = ui->byid[node];

		/* the category's own codings, then every code under it */
		if (n->ncodings > 0)
			add_code(ui, &cap, node, true);
		for (i = i + 1; i < ui->nnodes && ui->nodes[i].depth > n->depth; i++)
			if (ui->nodes[i].kind == NODE_CODE)
				add_code(ui, &cap, ui->nodes[i].id, true);
	}
	d->cur = keep < d->n ? keep : 0;
	if (d->top > d->cur)
		d->top = d->cur;
	ui->show_codings = true;
	ui_dirty(ui, DIRTY_ALL | DIRTY_LAYOUT);
}

void
pane_codings_list(struct ui *ui, const char *title, const struct coding *c,
    size_t n)
{
	struct codings_pane *d = pane_data(ui);
	size_t cap = 0;

	segs_free(d);
	d->node = 0;
	d->review = false;
	d->rerun = NULL;
	free(d->title);
	d->title = xstrdup(title);
	add_list(ui, &cap, c, n);
	d->cur = d->top = 0;
	ui->show_codings = true;
	ui_dirty(ui, DIRTY_ALL | DIRTY_LAYOUT);
}

static void
codings_draw(struct ui *ui, void *data, const struct rect *r, bool focused)
{
	struct codings_pane *d = data;
	int row, h = r->h - 1;
	char title[128], head[96];
	const struct node *n = ui_node(ui, d->node);
	int tw;

	snprintf(head, sizeof head, d->review ? _("review (%zu):") :
	    _("segments (%zu):"), d->n);
	snprintf(title, sizeof title, " %s ", head);
	tw = ui_box_title(ui, r, title, focused) + 1;
	if (n != NULL || d->title != NULL)
		ui_put_text(ui, r->y, r->x + tw, r->w - tw - 1, d->title != NULL ?
		    d->title : n->name, ui_attr(ui, focused ? TH_TITLE_FOCUS :
		    TH_TITLE));
	if (d->cur < d->top)
		d->top = d->cur;
	if (h > 0 && d->cur >= d->top + (size_t)h)
		d->top = d->cur - (size_t)h + 1;
	for (row = 0; row < h; row++) {
		size_t i = d->top + (size_t)row;
		int y = r->y + 1 + row, a, x = r->x + 1;
		const struct ui_segment *s;
		char where[96];

		ui_fill(y, r->x, r->w, ui_attr(ui, TH_NORMAL));
		if (i >= d->n)
			continue;
		s = &d->segs[i];
		a = i == d->cur && focused ? ui_attr(ui, TH_CURSOR_ROW) :
		    ui_attr(ui, TH_NORMAL);
		if (i == d->cur && focused)
			ui_fill(y, r->x, r->w, a);
		if (s->c.id == 0) {
			ui_put_text(ui, y, x, r->w - 2, s->quote,
			    a | ui_attr(ui, TH_CATEGORY));
			continue;
		}
		{
			/* a query's segment (id -1) is nobody's coding */
			const char *who = s->c.id < 0 ? "" : "?";
			size_t k;

			for (k = 0; k < ui->ncoders; k++)
				if (ui->coders[k].id == s->c.coder) {
					const char *dash = strrchr(ui->coders[k].login, '-');

					who = dash && dash[1] ? dash + 1 : ui->coders[k].login;
				}
			snprintf(where, sizeof where, "@%lld %.3s ",
			    (long long)s->c.start, who);
		}
		x += ui_put_text(ui, y, x, 14, s->doc, a | A_DIM);
		x += ui_put_plain(y, x + 1, 14, where, a | A_DIM) + 1;
		ui_put_text(ui, y, x, r->x + r->w - x - 1, s->quote, a);
	}
}

static int
codings_mouse(struct ui *ui, void *data, const struct rect *r, int y, int x,
    int ev)
{
	struct codings_pane *d = data;

	(void)r;
	(void)x;
	ui_dirty(ui, DIRTY_CODINGS);
	return ui_list_mouse(&d->cur, d->top, d->n, y, ev);
}

const char *
pane_codings_title(struct ui *ui)
{
	struct codings_pane *d = pane_data(ui);

	return d->node == 0 && !d->review ? d->title : NULL;
}

void
pane_codings_set_refresh(struct ui *ui, void (*rerun)(struct ui *))
{
	pane_data(ui)->rerun = rerun;
}

/* A shown list made again on a change: where the reader was (row, pane
 * focus) stays, as a code's list keeps its row. */
static void
refresh_list(struct ui *ui, struct codings_pane *d)
{
	void (*rerun)(struct ui *) = d->rerun;
	size_t cur = d->cur, top = d->top;
	enum pane_id focus = ui->focus;

	rerun(ui);
	if (d->rerun != rerun)
		return;		/* it failed and said so, or is another list */
	d->cur = cur < d->n ? cur : d->n > 0 ? d->n - 1 : 0;
	d->top = top <= d->cur ? top : d->cur;
	ui_focus(ui, focus);
}

void
pane_codings_show(struct ui *ui, const char *title, struct ui_segment *segs,
    size_t n)
{
	struct codings_pane *d = pane_data(ui);

	segs_free(d);
	free(d->title);
	d->title = xstrdup(title);
	d->rerun = NULL;
	d->node = 0;
	d->review = false;
	d->pending = false;
	d->segs = segs;
	d->n = n;
	d->cur = d->top = 0;
	ui->show_codings = true;
	ui_focus(ui, PANE_CODINGS);
	ui_dirty(ui, DIRTY_ALL | DIRTY_LAYOUT);
}

void
pane_codings_set_review(struct ui *ui, bool on)
{
	pane_data(ui)->review = on;
}

bool
pane_codings_reviewing(struct ui *ui)
{
	return pane_data(ui)->review;
}

void
pane_codings_follow(struct ui *ui)
{
	struct codings_pane *d = pane_data(ui);

	if (ui->show_codings && !d->review)
		d->pending = true;
}

void
pane_codings_step(struct ui *ui, long delta)
{
	struct codings_pane *d = pane_data(ui);

	if (d->n == 0)
		return;
	d->cur = index_step(d->cur, delta, d->n);
	ui_dirty(ui, DIRTY_CODINGS);
}

void
pane_codings_open(struct ui *ui)
{
	struct codings_pane *d = pane_data(ui);

	if (d->cur >= d->n || d->segs[d->cur].c.id == 0)
		return;
	ui_goto_coding(ui, &d->segs[d->cur].c);
}

static void *
codings_create(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct codings_pane));
}

static void
codings_free(void *data)
{
	struct codings_pane *d = data;

	segs_free(d);
	free(d->title);
	free(d);
}

static void
codings_sync(struct ui *ui, void *data, enum ui_sync what)
{
	struct codings_pane *d = data;
	const struct node *n;

	if ((what == UI_SYNC_CHANGED || what == UI_SYNC_WHO) && d->node != 0 &&
	    ui->show_codings)
		pane_codings_load(ui, d->node);
	else if ((what == UI_SYNC_CHANGED || what == UI_SYNC_WHO) &&
	    d->node == 0 && d->rerun != NULL && !d->review &&
	    ui->show_codings)
		refresh_list(ui, d);
	if (what != UI_SYNC_IDLE || !d->pending)
		return;
	/* the tree cursor rested on a code: list its segments */
	d->pending = false;
	n = vmtree_current(&ui->tree);
	if (n != NULL && n->kind == NODE_CODE && n->id != d->node &&
	    ui->show_codings && !d->review && d->title == NULL)
		pane_codings_load(ui, n->id);
}

const struct screen_ops pane_codings_ops = {
	.name = "segments",
	.scope = SCOPE_LIST,
	.create = codings_create,
	.free = codings_free,
	.draw = codings_draw,
	.mouse = codings_mouse,
	.sync = codings_sync,
};
