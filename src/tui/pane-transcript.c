/*
 * pane-transcript.c: the open document, drawn cell by cell from the text
 * engine (visual order, right-to-left lines right-aligned), with codings as
 * highlighted text in the code's colour plus a two-column margin of bars,
 * overlaps underlined, the selection reversed and the current search hit
 * marked. Placeholders (controls shown as text) use the placeholder colour.
 *
 * Columns: the pane's x + 2 is column 0 of the layout; the layout is
 * pane width - 3 wide (margin of 2, one column spare for the caret past a
 * line's end).
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "tui/ui-int.h"

/* The pane's data. */
struct transcript_pane {
	int *nattr;		/* by node id x 3: coded by me, by others, bar;
				   0 = not computed yet */
	int64_t nattr_max;	/* the largest node id nattr has room for */
	unsigned tree_gen;	/* ui->tree_gen nattr was computed for */
	bool dragging;		/* a press began a drag selection */
};

static struct transcript_pane *
pane_data(struct ui *ui)
{
	return ui->panes[PANE_TRANSCRIPT].data;
}

static bool
shown(struct ui *ui, const struct coding *c)
{
	return !ui->only_mine || c->coder == ui->me;
}

static const char *
node_color(struct ui *ui, int64_t node)
{
	const struct node *n = ui_node(ui, node);

	return n && n->color ? n->color : "";
}

/* The attribute of text coded with node by coder (which = 0, 1) or of the
 * node's margin bar (which = 2), cached per node until the tree reloads. */
static int
node_attr(struct ui *ui, int64_t node, int which)
{
	struct transcript_pane *d = pane_data(ui);
	int *slot;

	if (node < 0 || node > ui->maxid)
		return ui_attr(ui, TH_CODED_A);
	if (d->nattr == NULL || d->tree_gen != ui->tree_gen ||
	    d->nattr_max != ui->maxid) {
		/* the tree was reloaded: colours may have changed */
		free(d->nattr);
		d->nattr = xcalloc(((size_t)ui->maxid + 1) * 3, sizeof *d->nattr);
		d->nattr_max = ui->maxid;
		d->tree_gen = ui->tree_gen;
	}
	slot = &d->nattr[(size_t)node * 3 + (size_t)which];
	if (*slot == 0)
		*slot = which == 2 ? ui_fg_attr(ui, node_color(ui, node)) :
		    ui_code_attr(ui, node_color(ui, node),
			which == 0 ? TH_CODED_A : TH_CODED_B);
	return *slot;
}

/* First coding that may meet offset off: codings are sorted by start and
 * none is longer than maxlen. */
static size_t
first_coding(struct ui *ui, size_t off)
{
	size_t lo = 0, hi = ui->ncodings;
	int64_t from = (int64_t)off - ui->maxlen;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (ui->codings[mid].start < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool
has_memo(struct ui *ui, int64_t coding)
{
	size_t i;

	for (i = 0; i < ui->ncoding_memo; i++)
		if (ui->coding_memo[i] == coding)
			return true;
	return false;
}

static void
draw_line(struct ui *ui, const struct rect *r, int row,
    const struct text_line *lp, size_t sel_s, size_t sel_e)
{
	struct text_line ln = *lp;
	size_t cand[64], ncand = 0, i, j;
	int attrs[64];
	int y = r->y + 1 + row, x0 = r->x + 2;
	int64_t bars[2] = {0, 0};
	int nbars = 0;

	ui_fill(y, r->x, r->w, ui_attr(ui, TH_NORMAL));
	/* codings meeting this line */
	for (i = first_coding(ui, ln.start); i < ui->ncodings &&
	    ncand < AX_ARRAY_LEN(cand); i++) {
		const struct coding *c = &ui->codings[i];

		if ((size_t)c->start >= ln.end)
			break;
		if ((size_t)c->end > ln.start && (size_t)c->start < ln.end &&
		    shown(ui, c)) {
			attrs[ncand] = node_attr(ui, c->node,
			    c->coder == ui->me || ui->me == 0 ? 0 : 1);
			cand[ncand++] = i;
			if (nbars < 2 && (nbars == 0 || bars[0] != c->node))
				bars[nbars++] = c->node;
		}
	}
	/* a memo on a coding that starts on this line: a mark at the right */
	for (j = 0; j < ncand && ui->ncoding_memo > 0; j++) {
		const struct coding *c = &ui->codings[cand[j]];

		if ((size_t)c->start >= ln.start && has_memo(ui, c->id)) {
			ui_put_plain(y, r->x + r->w - 1, 1, "\u270e",
			    ui_attr(ui, TH_MEMO_MARK));
			break;
		}
	}
	for (j = 0; j < (size_t)nbars; j++) {
		cchar_t cc;
		wchar_t w[2] = {0x258c, 0};	/* left half block */
		int a = node_attr(ui, bars[j], 2);

		setcchar(&cc, w, (attr_t)(a & ~A_COLOR), (short)PAIR_NUMBER(a),
		    NULL);
		mvadd_wch(y, r->x + (int)j, &cc);
	}
	{
		int col = ln.x;

		for (i = 0; i < ln.ncells; i++) {
			const struct text_cell *c = &ln.cells[i];
			int a = ui_attr(ui, TH_NORMAL), n = 0;
			size_t best = 0, bestlen = (size_t)-1;

			if (c->cols == 0)
				continue;
			if (col + c->cols > r->w - 2)
				break;
			for (j = 0; j < ncand; j++) {
				const struct coding *cd = &ui->codings[cand[j]];

				if ((size_t)cd->start <= c->start &&
				    c->start < (size_t)cd->end) {
					n++;
					if ((size_t)(cd->end - cd->start) < bestlen) {
						bestlen = (size_t)(cd->end - cd->start);
						best = j;
					}
				}
			}
			if (n >= 1)
				a = attrs[best];
			if (n >= 2)
				a |= ui_attr(ui, TH_OVERLAP) & ~A_COLOR;
			if (c->flags & TEXT_CELL_PLACEHOLDER)
				a = ui_attr(ui, TH_PLACEHOLDER);
			if (ui->hit_e > ui->hit_s && c->start >= ui->hit_s &&
			    c->start < ui->hit_e)
				a = ui_attr(ui, TH_SEARCH_HIT);
			if (sel_e > sel_s && c->start >= sel_s && c->start < sel_e)
				a = (a & ~A_COLOR) | ui_attr(ui, TH_SELECTION);
			ui_put_cell(y, x0 + col, &ln, c, a);
			col += c->cols;
		}
	}
}

static void
transcript_draw(struct ui *ui, void *data, const struct rect *r, bool focused)
{
	char title[256];
	/* an estimate past what is laid out: for the percentage only */
	size_t total = text_layout_lines_est(ui->layout), sel_s = 0, sel_e = 0;
	size_t p, k, np = text_doc_paragraphs(ui->tdoc);
	int row, h = r->h - 1, tw;

	(void)data;
	ui_mirror(ui, r);	/* the title row only: a label */
	if (ui->cur < ui->ndocs) {
		size_t line;
		int col;
		struct buf b = {0};

		vmt_cursor_pos(&ui->vt, &line, &col);
		buf_printf(&b, " %zu/%zu ", ui->cur + 1, ui->ndocs);
		if (ui->blind_hidden)
			buf_printf(&b, "[%s] ", _("blind"));
		if (ui->doc_memo && ui->doc_memo[ui->cur])
			buf_printf(&b, "[%s] ", _("memo"));
		buf_putc(&b, ' ');
		tw = ui_box_title(ui, r, b.s, focused) + 1;
		buf_done(&b);
		ui_put_text(ui, r->y, r->x + tw, r->w - tw - 12,
		    ui->docs[ui->cur].name,
		    ui_attr(ui, focused ? TH_TITLE_FOCUS : TH_TITLE));
		snprintf(title, sizeof title, "%3zu%% ",
		    total > 1 ? (line * 100) / (total - 1) : 100);
		ui_put_plain(r->y, r->x + r->w - 6, 6, title,
		    ui_attr(ui, focused ? TH_TITLE_FOCUS : TH_TITLE));
	} else {
		snprintf(title, sizeof title, " %s ",
		    _("no documents: axial import PROJECT FILE"));
		ui_box_title(ui, r, title, focused);
	}
	ui_mirror(ui, NULL);
	vmt_selection(&ui->vt, &sel_s, &sel_e);
	/* line by line from the top one's paragraph: only what is shown is
	 * laid out */
	vmt_top_pos(&ui->vt, &p, &k);
	for (row = 0; row < h; row++) {
		struct text_line ln;

		if (p >= np) {
			ui_fill(r->y + 1 + row, r->x, r->w, ui_attr(ui, TH_NORMAL));
			continue;
		}
		text_layout_para_line(ui->layout, p, k, &ln);
		draw_line(ui, r, row, &ln, sel_s, sel_e);
		if (ln.last) {
			p++;
			k = 0;
		} else
			k++;
	}
}

static int
transcript_mouse(struct ui *ui, void *data, const struct rect *r, int y, int x, int ev)
{
	struct transcript_pane *d = data;
	size_t off;

	if (ev == UI_MOUSE_WHEEL_UP || ev == UI_MOUSE_WHEEL_DOWN) {
		vmt_scroll(&ui->vt, ev == UI_MOUSE_WHEEL_UP ? -3 : 3);
		ui_dirty(ui, DIRTY_TRANSCRIPT);
		return 0;
	}
	if (y < 1)
		return 0;
	if (y > r->h - 1)
		y = r->h - 1;
	off = vmt_offset_at(&ui->vt, y - 1, x - 2);
	if (ev == UI_MOUSE_PRESS) {
		vmt_goto(&ui->vt, off);
		vmt_clear_mark(&ui->vt);
		d->dragging = true;
	} else if (ev == UI_MOUSE_DRAG && d->dragging) {
		if (ui->vt.mark == VMT_NO_MARK)
			vmt_set_mark(&ui->vt);
		vmt_goto(&ui->vt, off);
	} else if (ev == UI_MOUSE_RELEASE && d->dragging) {
		d->dragging = false;
		if (off != ui->vt.cursor) {
			if (ui->vt.mark == VMT_NO_MARK)
				vmt_set_mark(&ui->vt);
			vmt_goto(&ui->vt, off);
		}
		/* the release cell is part of a drag selection */
		if (ui->vt.mark != VMT_NO_MARK && ui->vt.cursor >= ui->vt.mark &&
		    ui->vt.cursor < vmt_length(&ui->vt))
			ui->vt.cursor = text_doc_next_grapheme(ui->tdoc, ui->vt.cursor);
	} else if (ev == UI_MOUSE_DOUBLE) {
		/* a word */
		size_t s = text_doc_prev_word(ui->tdoc,
		    text_doc_next_grapheme(ui->tdoc, off));

		vmt_goto(&ui->vt, s);
		vmt_set_mark(&ui->vt);
		vmt_word_next(&ui->vt);
	}
	ui_dirty(ui, DIRTY_TRANSCRIPT | DIRTY_STATUS);
	return 0;
}

static void *
transcript_create(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct transcript_pane));
}

static void
transcript_free(void *data)
{
	struct transcript_pane *d = data;

	free(d->nattr);
	free(d);
}

const struct screen_ops pane_transcript_ops = {
	.name = "transcript",
	.scope = SCOPE_TRANSCRIPT,
	.create = transcript_create,
	.free = transcript_free,
	.draw = transcript_draw,
	.mouse = transcript_mouse,
};
