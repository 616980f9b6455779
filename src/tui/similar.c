/*
 * similar.c: similar segments in the workbench. s on a coded segment
 * (transcript) lists the paragraphs most like it that the user has not
 * coded with its code (stats/similar.h), in a popup over the panes: each
 * row its score, document, paragraph and quote. a applies the code to the
 * row's paragraph (one action, which u takes back), Enter goes there,
 * Esc closes. Nothing is coded but by a.
 *
 * The model is built on the first s of a session and kept in ui->similar;
 * each s brings it up to the project's documents (an_similar_sync) first.
 *
 * Invariants: cur < n unless n is 0; made[i] is the coding a made for row
 * i while it exists, else 0.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <assert.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/similar.h"
#include "store/coding.h"
#include "store/document.h"
#include "base/i18n.h"
#include "base/textin.h"
#include "base/util.h"
#include "tui/ui-int.h"
#include "tui/actions-int.h"

#define SIMILAR_TOP 20

struct similar {
	struct an_similar_hit *hits;
	size_t n, cur, top;
	char **doc;		/* the documents' names */
	char **quote;		/* the paragraphs, at most 400 bytes */
	int64_t *made;		/* the coding a made, 0 none */
	int64_t node;
	char *code;		/* the code's name */
};

static void
similar_free(void *data)
{
	struct similar *s = data;
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->doc[i]);
		free(s->quote[i]);
	}
	free(s->doc);
	free(s->quote);
	free(s->made);
	free(s->hits);
	free(s->code);
	free(s);
}

/* A coding a made that an undo took back is no longer marked. */
static void
recheck(struct ui *ui, struct similar *s)
{
	struct coding c;
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->made[i] != 0 && coding_get(ui->p, s->made[i], &c) != AX_OK)
			s->made[i] = 0;
}

static void
apply(struct ui *ui, struct similar *s)
{
	const struct an_similar_hit *h = &s->hits[s->cur];
	int64_t id;

	if (s->made[s->cur] != 0) {
		ui_err(ui, _("already coded here as %s"), s->code);
		return;
	}
	if (!ui_check(ui, coding_add(ui->p, h->doc, s->node, h->start, h->end,
	    &id)))
		return;
	s->made[s->cur] = id;
	ui_after_action(ui);
	ui_msg(ui, _("coded %s ¶%zu as %s (u undoes)"), s->doc[s->cur], h->para,
	    s->code);
}

static void
go(struct ui *ui, struct similar *s)
{
	struct coding c;

	memset(&c, 0, sizeof c);
	c.doc = s->hits[s->cur].doc;
	c.start = s->hits[s->cur].start;
	c.end = s->hits[s->cur].end;
	overlay_pop(ui);	/* frees s */
	ui_goto_coding(ui, &c);
}

static void
similar_key(struct ui *ui, void *data, int key)
{
	struct similar *s = data;

	if (key == 27 || key == 7 || key == 'q') {
		overlay_pop(ui);
		return;
	}
	if (s->n > 0 && key == '\r') {
		go(ui, s);
		return;
	}
	if (key == 'j' || key == (KEYMAP_FN | KEY_DOWN) || key == 14) {
		if (s->cur + 1 < s->n)
			s->cur++;
	} else if (key == 'k' || key == (KEYMAP_FN | KEY_UP) || key == 16) {
		if (s->cur > 0)
			s->cur--;
	} else if (key == (KEYMAP_FN | KEY_NPAGE)) {
		s->cur = s->cur + 10 < s->n ? s->cur + 10 : (s->n ? s->n - 1 : 0);
	} else if (key == (KEYMAP_FN | KEY_PPAGE)) {
		s->cur = s->cur > 10 ? s->cur - 10 : 0;
	} else if (key == 'a' && s->n > 0) {
		apply(ui, s);
	} else if (key == 'u') {
		ui_undo(ui);
		recheck(ui, s);
	}
	assert(s->n == 0 || s->cur < s->n);
	ui_dirty(ui, DIRTY_OVERLAY);
}

/* ui_text_compose_fn: the popup's title around the code's name. */
static void
similar_head(const void *arg, const char *name, char *buf, size_t cap)
{
	const struct similar *s = arg;

	snprintf(buf, cap, _(" like this %s segment: %zu paragraphs not coded "
	    "with it "), name, s->n);
}

static void
similar_draw(struct ui *ui, void *data, const struct rect *scr, bool focused)
{
	struct similar *s = data;
	const struct rect pr = overlay_popup_rect(scr, (int)s->n + 3);
	int y = pr.y, x = pr.x, h = pr.h, w = pr.w, row, list_h;
	char head[UI_TITLE_MAX + 64], cell[64];

	(void)focused;
	ui_mirror(ui, &pr);
	list_h = h - 2;
	for (row = 0; row < h; row++)
		ui_fill(y + row, x, w, ui_attr(ui, TH_FINDER));
	/* the code's name, not the line's end, gives way to a narrow popup */
	ui_text_fit_in(similar_head, s, s->code, w - 2, head, sizeof head);
	ui_fill(y, x, w, ui_attr(ui, TH_TITLE_FOCUS));
	ui_put_text_dir(ui, y, x + 1, w - 2, head, i18n_rtl(),
	    ui_attr(ui, TH_TITLE_FOCUS));
	ui_put_plain(y + h - 1, x + 1, w - 2, _("a applies the code  Enter goes "
	    "there  u undoes  Esc closes"), ui_attr(ui, TH_HELP_KEY));
	if (s->n == 0)
		ui_put_plain(y + 1, x + 2, w - 4, _("no paragraph shares a word "
		    "that counts with it"), ui_attr(ui, TH_FINDER));
	if (s->cur < s->top)
		s->top = s->cur;
	if (list_h > 0 && s->cur >= s->top + (size_t)list_h)
		s->top = s->cur - (size_t)list_h + 1;
	for (row = 0; row < list_h; row++) {
		size_t i = s->top + (size_t)row;
		int a, xx = x + 1, dw;

		if (i >= s->n)
			break;
		a = ui_attr(ui, i == s->cur ? TH_FINDER_SEL : TH_FINDER);
		ui_fill(y + 1 + row, x, w, a);
		snprintf(cell, sizeof cell, "%s%.2f ", s->made[i] ? "✓" : " ",
		    s->hits[i].score);
		xx += ui_put_plain(y + 1 + row, xx, 7, cell, a);
		dw = w / 5 < 20 ? w / 5 : 20;
		ui_put_text(ui, y + 1 + row, xx, dw, s->doc[i], a);
		xx += dw + 1;
		snprintf(cell, sizeof cell, "¶%zu", s->hits[i].para);
		ui_put_plain(y + 1 + row, xx, 6, cell, a | A_DIM);
		xx += 7;
		if (x + w - 1 > xx)
			ui_put_text(ui, y + 1 + row, xx, x + w - 1 - xx, s->quote[i], a);
	}
	ui_mirror(ui, NULL);
	curs_set(0);
}

static const struct screen_ops similar_ops = {
	.name = "similar",
	.draw = similar_draw,
	.key = similar_key,
	.free = similar_free,
};

/* Names and quotes of the rows, one document text at a time. */
static void
fill_rows(struct ui *ui, struct similar *s)
{
	char *text = NULL;
	size_t len = 0, i, j, a, z;
	int64_t cur = 0;

	s->doc = xcalloc(s->n + 1, sizeof *s->doc);
	s->quote = xcalloc(s->n + 1, sizeof *s->quote);
	s->made = xcalloc(s->n + 1, sizeof *s->made);
	for (i = 0; i < s->n; i++) {
		const struct an_similar_hit *h = &s->hits[i];

		for (j = 0; j < ui->ndocs && ui->docs[j].id != h->doc; j++)
			;
		s->doc[i] = xstrdup(j < ui->ndocs ? ui->docs[j].name : "?");
		if (cur != h->doc) {
			free(text);
			text = NULL;
			len = 0;
			cur = h->doc;
			if (doc_text(ui->p, h->doc, &text, &len) != AX_OK)
				text = xstrdup("");
		}
		textin_cp_span(text, len, (size_t)h->start, (size_t)h->end, &a, &z);
		if (z - a > 400)
			z = a + textin_cp_to_byte(text + a, z - a, 200);
		s->quote[i] = xstrndup(text + a, z - a);
	}
	free(text);
}

void
act_similar(struct ui *ui)
{
	const struct coding *here = ui_coding_here(ui, false);
	struct similar *s;
	struct coding c;
	size_t nwords = 0;

	if (here == NULL) {
		ui_err(ui, _("no coded segment at the caret: ] goes to the next one"));
		return;
	}
	c = *here;
	if (ui->similar == NULL)
		ui->similar = an_similar_new();
	s = xcalloc(1, sizeof *s);
	s->node = c.node;
	s->code = xstrdup(ui_node_name(ui, c.node));
	if (!ui_check(ui, an_similar_sync(ui->similar, ui->p)) ||
	    !ui_check(ui, an_similar_query(ui->similar, ui->p, c.doc, c.start,
	    c.end, c.node, ui->me, SIMILAR_TOP, &s->hits, &s->n, &nwords))) {
		similar_free(s);
		return;
	}
	if (nwords == 0) {
		ui_err(ui, _("nothing to compare: the segment holds no words"));
		similar_free(s);
		return;
	}
	fill_rows(ui, s);
	overlay_push(ui, &similar_ops, s);
	ui_dirty(ui, DIRTY_OVERLAY);
}
