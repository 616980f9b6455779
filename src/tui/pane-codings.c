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

static void
segs_free(struct ui *ui)
{
	size_t i;

	for (i = 0; i < ui->nsegs; i++) {
		free(ui->segs[i].quote);
		free(ui->segs[i].doc);
	}
	free(ui->segs);
	ui->segs = NULL;
	ui->nsegs = 0;
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
	ui->segs = xgrow(ui->segs, cap, ui->nsegs + 1, sizeof *ui->segs);
	memset(&ui->segs[ui->nsegs], 0, sizeof ui->segs[0]);
	if (c)
		ui->segs[ui->nsegs].c = *c;
	ui->segs[ui->nsegs].quote = quote;
	ui->segs[ui->nsegs].doc = xstrdup(doc ? doc : "");
	ui->nsegs++;
}

static void
add_code(struct ui *ui, size_t *cap, int64_t node, bool header)
{
	struct coding_filter f = {0, 0, 0};
	struct coding *c;
	size_t n, i;
	int64_t tdoc = 0;
	char *text = NULL;
	size_t tlen = 0;

	f.node = node;
	if (coding_list(ui->p, &f, &c, &n) != AX_OK)
		return;
	if (header)
		add_seg(ui, cap, NULL, xasprintf("%s (%zu)", ui_node_name(ui, node),
		    n), NULL);
	for (i = 0; i < n; i++) {
		const char *dname = "?";
		size_t d;

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
	free(c);
}

void
pane_codings_load(struct ui *ui, int64_t node)
{
	const struct node *n = ui_node(ui, node);
	size_t cap = 0, keep = ui->seg_node == node ? ui->seg_cur : 0;

	segs_free(ui);
	ui->seg_node = node;
	if (n == NULL) {
		ui->seg_node = 0;
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
	ui->seg_cur = keep < ui->nsegs ? keep : 0;
	if (ui->seg_top > ui->seg_cur)
		ui->seg_top = ui->seg_cur;
	ui->show_codings = true;
	ui_dirty(ui, DIRTY_ALL | DIRTY_LAYOUT);
}

static void
codings_draw(struct ui *ui, const struct rect *r, bool focused)
{
	int row, h = r->h - 1;
	char title[128], head[96];
	const struct node *n = ui_node(ui, ui->seg_node);
	int tw;

	snprintf(head, sizeof head, ui->review ? _("review (%zu):") :
	    _("segments (%zu):"), ui->nsegs);
	snprintf(title, sizeof title, " %s ", head);
	tw = ui_box_title(ui, r, title, focused) + 1;
	if (n != NULL)
		ui_put_text(ui, r->y, r->x + tw, r->w - tw - 1, n->name,
		    ui_attr(ui, focused ? TH_TITLE_FOCUS : TH_TITLE));
	if (ui->seg_cur < ui->seg_top)
		ui->seg_top = ui->seg_cur;
	if (h > 0 && ui->seg_cur >= ui->seg_top + (size_t)h)
		ui->seg_top = ui->seg_cur - (size_t)h + 1;
	for (row = 0; row < h; row++) {
		size_t i = ui->seg_top + (size_t)row;
		int y = r->y + 1 + row, a, x = r->x + 1;
		const struct ui_segment *s;
		char where[96];

		ui_fill(y, r->x, r->w, ui_attr(ui, TH_NORMAL));
		if (i >= ui->nsegs)
			continue;
		s = &ui->segs[i];
		a = i == ui->seg_cur && focused ? ui_attr(ui, TH_CURSOR_ROW) :
		    ui_attr(ui, TH_NORMAL);
		if (i == ui->seg_cur && focused)
			ui_fill(y, r->x, r->w, a);
		if (s->c.id == 0) {
			ui_put_text(ui, y, x, r->w - 2, s->quote,
			    a | ui_attr(ui, TH_CATEGORY));
			continue;
		}
		{
			const char *who = "?";
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

static void
codings_mouse(struct ui *ui, const struct rect *r, int y, int x, int ev)
{
	(void)r;
	(void)x;
	if (ev == UI_MOUSE_WHEEL_UP || ev == UI_MOUSE_WHEEL_DOWN) {
		size_t d = 3;

		if (ev == UI_MOUSE_WHEEL_UP)
			ui->seg_cur = ui->seg_cur > d ? ui->seg_cur - d : 0;
		else if (ui->nsegs)
			ui->seg_cur = ui->seg_cur + d < ui->nsegs ? ui->seg_cur + d :
			    ui->nsegs - 1;
	} else if (y >= 1 && (ev == UI_MOUSE_PRESS || ev == UI_MOUSE_DOUBLE)) {
		size_t i = ui->seg_top + (size_t)(y - 1);

		if (i < ui->nsegs)
			ui->seg_cur = i;
		if (ev == UI_MOUSE_DOUBLE)
			ui_handle_key(ui, '\r');
	}
	ui_dirty(ui, DIRTY_CODINGS);
}

const struct pane_ops pane_codings_ops = {
	.name = "segments",
	.scope = SCOPE_LIST,
	.draw = codings_draw,
	.mouse = codings_mouse,
};
