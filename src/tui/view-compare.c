/*
 * view-compare.c: the compare view (X). One document's paragraphs with
 * coder A's codes and coder B's side by side, the codes only one of them
 * applied highlighted; n/p walk the disagreements across documents, a/b/2/0
 * settle the current one into the consensus coding (compare_decide) with
 * a note. The foot names the disagreement (document, paragraph, code, who
 * applied it) and says what each key does with that code there: "a" on a
 * code only B applied drops it. The title counts settled and open ones.
 * Blind coding shows the model's message instead, and nothing of the
 * other coder: no counter, no code, no walk, no decision.
 *
 * A redraw reads only what it shows: the open document's paragraphs are
 * indexed once per document (compare_paras), a paragraph's codes are
 * found by binary search over the codings sorted by start, and its
 * disagreements by binary search over the items sorted by unit (byunit),
 * so a million paragraphs draw as fast as ten.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/blind.h"
#include "store/compare.h"
#include "base/i18n.h"
#include "base/util.h"
#include "tui/view-int.h"

/* Where one paragraph of the open document starts: its byte and its
 * code point. The next one's start, less its LF, is where it ends. */
struct vpara {
	size_t bs;
	int64_t cs;
};

/* The view's state (views_data); A and B are the frame's. */
struct compare_view {
	struct compare_item *items;	/* every disagreement of A and B */
	size_t nitems;
	size_t *sel, nsel, cur;	/* items shown (filter), current in sel */
	int64_t filter;		/* a code's node id, or 0: every code */
	bool stale, listed;
	char *hidden;		/* blind: the message shown instead */
	struct vpara *paras;	/* of the open document, and one past its end */
	size_t nparas;
	unsigned paras_gen;	/* ui->doc_gen paras were counted for, + 1 */
	size_t *byunit;		/* items by (doc, para, node) */
	size_t top;		/* first paragraph shown */
	bool follow;		/* scroll to the current one on the next draw */
	int take;		/* choice waiting for its note */
};

static struct compare_view *
cv(struct ui *ui)
{
	return views_data(ui, VIEW_COMPARE);
}

static void *
compare_create(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct compare_view));
}

/* Forgets the list; the filter and the place stay. */
static void
compare_clear(struct compare_view *v)
{
	compare_items_free(v->items, v->nitems);
	v->items = NULL;
	v->nitems = 0;
	free(v->sel);
	v->sel = NULL;
	v->nsel = 0;
	free(v->byunit);
	v->byunit = NULL;
	free(v->hidden);
	v->hidden = NULL;
	v->listed = false;
}

/* New coders: the code chosen in the agreement of the old two goes too. */
static void
compare_forget(void *data)
{
	struct compare_view *v = data;

	compare_clear(v);
	v->filter = 0;
}

static void
compare_free(void *data)
{
	struct compare_view *v = data;

	compare_clear(v);
	free(v->paras);
	free(v);
}

static int
unit_cmp(const struct compare_item *a, int64_t doc, int64_t para, int64_t node)
{
	if (a->doc != doc)
		return a->doc < doc ? -1 : 1;
	if (a->para != para)
		return a->para < para ? -1 : 1;
	return a->node < node ? -1 : a->node > node;
}

/* qsort has no context argument: the items being sorted */
static const struct compare_item *sorting;

static int
byunit_cmp(const void *x, const void *y)
{
	const struct compare_item *b = &sorting[*(const size_t *)y];

	return unit_cmp(&sorting[*(const size_t *)x], b->doc, b->para, b->node);
}

static void
compare_select(struct compare_view *v)
{
	size_t i;

	free(v->sel);
	v->sel = xcalloc(v->nitems + 1, sizeof *v->sel);
	v->nsel = 0;
	for (i = 0; i < v->nitems; i++)
		if (v->filter == 0 || v->items[i].node == v->filter)
			v->sel[v->nsel++] = i;
	free(v->byunit);
	v->byunit = xcalloc(v->nitems + 1, sizeof *v->byunit);
	for (i = 0; i < v->nitems; i++)
		v->byunit[i] = i;
	sorting = v->items;
	qsort(v->byunit, v->nitems, sizeof *v->byunit, byunit_cmp);
}

static const struct compare_item *
cmp_cur(const struct compare_view *v)
{
	return v->cur < v->nsel ? &v->items[v->sel[v->cur]] : NULL;
}

/* How many of those shown are settled. */
static size_t
cmp_settled(const struct compare_view *v)
{
	size_t i, n = 0;

	for (i = 0; i < v->nsel; i++)
		n += v->items[v->sel[i]].decided != COMPARE_NONE;
	return n;
}

/* The name of document id (borrowed), or "?". */
static const char *
cmp_doc_name(struct ui *ui, int64_t id)
{
	size_t d;

	for (d = 0; d < ui->ndocs; d++)
		if (ui->docs[d].id == id)
			return ui->docs[d].name;
	return "?";
}

/* Drops a character snprintf cut short at the end of s. */
static void
utf8_clip(char *s)
{
	size_t n = strlen(s), i = n, need;
	unsigned char c;

	while (i > 0 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
		i--;
	if (i == 0)
		return;
	c = (unsigned char)s[i - 1];
	need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
	if (n - (i - 1) < need)
		s[i - 1] = '\0';
}

/* What choice c does with the current item's code, in words; brief leaves
 * the code's name out (the line above names it); name stands in for the
 * code's own name unless NULL. */
static void
cmp_choice_words(struct ui *ui, const struct compare_item *c,
    enum compare_choice choice, bool brief, const char *name, char *buf,
    size_t cap)
{
	if (name == NULL)
		name = ui_node_name(ui, c->node);
	if (choice == COMPARE_BOTH)
		snprintf(buf, cap, "%s", _("keep both coders' spans"));
	else if (brief)
		snprintf(buf, cap, "%s", compare_keeps(c, choice) ?
		    _("keep it here") : _("drop it here"));
	else if (compare_keeps(c, choice))
		snprintf(buf, cap, _("keep «%s» here"), name);
	else
		snprintf(buf, cap, _("drop «%s» here"), name);
	utf8_clip(buf);
}

/* Lists the disagreements again, keeping the current one by its unit. */
static void
compare_update(struct ui *ui, void *data)
{
	struct compare_view *v = data;
	const struct views *f = views_get(ui);
	const struct compare_item *c = cmp_cur(v);
	int64_t doc = c ? c->doc : 0, para = c ? c->para : -1,
	    node = c ? c->node : 0;
	struct compare_item *items = NULL;
	size_t n = 0, i;
	enum ax_status rc;

	if (blind_check_figures(ui->p) != AX_OK) {
		compare_clear(v);
		v->hidden = xstrdup(project_errmsg(ui->p));
		ui_dirty(ui, DIRTY_VIEW);
		return;
	}
	if (f->coder[0] == NULL) {	/* a lift while the finder asks */
		compare_clear(v);
		ui_dirty(ui, DIRTY_VIEW);
		return;
	}
	rc = compare_list(ui->p, f->coder[0], f->coder[1], 0, &items, &n);
	compare_clear(v);
	if (rc == AX_ERR_PERM) {
		v->hidden = xstrdup(project_errmsg(ui->p));
		return;
	}
	if (!ui_check(ui, rc))
		return;
	v->items = items;
	v->nitems = n;
	v->listed = true;
	v->stale = false;
	compare_select(v);
	v->cur = v->nsel;
	for (i = 0; i < v->nsel; i++) {
		const struct compare_item *it = &v->items[v->sel[i]];

		if (it->doc == doc && it->para == para && it->node == node)
			v->cur = i;
	}
	ui_dirty(ui, DIRTY_VIEW);
}

/* The message of a key pressed while blind coding hides the comparison. */
static void
cmp_say_hidden(struct ui *ui)
{
	ui_err(ui, "%s", _("the comparison is hidden during blind coding"));
}

/* What the compose functions below put in words: the current item c of
 * the view, and for the take prompt the choice and the words after. */
struct cmp_line {
	struct ui *ui;
	const struct compare_item *c;
	enum compare_choice choice;
	const char *suffix;
};

/* The status line's words on l's item, with name for its code's and the
 * note left out. */
static void
status_words(const void *arg, const char *name, char *buf, size_t cap)
{
	const struct cmp_line *l = arg;
	const struct compare_view *v = cv(l->ui);
	const struct views *f = views_get(l->ui);
	const struct compare_item *c = l->c;
	size_t done = cmp_settled(v);

	if (c->decided == COMPARE_NONE)
		snprintf(buf, cap, _("disagreement %zu of %zu: open, %zu settled, "
		    "%zu left: «%s» in %s ¶%lld, applied by %s only"), v->cur + 1,
		    v->nsel, done, v->nsel - done, name,
		    cmp_doc_name(l->ui, c->doc), (long long)c->para + 1,
		    c->a ? f->coder[0] : f->coder[1]);
	else
		snprintf(buf, cap, compare_keeps(c, c->decided) ?
		    _("disagreement %zu of %zu: settled, kept «%s» here; %zu settled, "
		    "%zu left%s%s") : _("disagreement %zu of %zu: settled, dropped «%s» "
		    "here; %zu settled, %zu left%s%s"), v->cur + 1, v->nsel,
		    name, done, v->nsel - done, "", "");
}

/* Appends "; note: " and note to buf (the note last: it may be long, so
 * it is what the width cuts). */
static void
cmp_add_note(char *buf, size_t cap, const char *note)
{
	size_t len = strlen(buf);

	if (note != NULL && *note)
		snprintf(buf + len, cap - len, _("; note: %s"), note);
	utf8_clip(buf);
}

static void
compare_status(struct ui *ui)
{
	const struct compare_view *v = cv(ui);
	const struct views *f = views_get(ui);
	struct cmp_line l = {ui, cmp_cur(v), COMPARE_NONE, NULL};
	char line[sizeof ui->msg];

	if (v->hidden != NULL) {
		cmp_say_hidden(ui);
		return;
	}
	if (l.c == NULL) {
		ui_msg(ui, v->filter ? _("no disagreements between %s and %s on "
		    "this code") : _("no disagreements between %s and %s"),
		    f->coder[0], f->coder[1]);
		return;
	}
	/* the code's name cut to what the rest leaves, not the line's end */
	ui_text_fit_in(status_words, &l, ui_node_name(ui, l.c->node),
	    pane_status_room(ui), line, sizeof line);
	if (l.c->decided != COMPARE_NONE)
		cmp_add_note(line, sizeof line, l.c->note);
	ui_msg(ui, "%s", line);
}

/* Opens the current disagreement's document with the caret on its span. */
static void
compare_goto(struct ui *ui)
{
	struct compare_view *v = cv(ui);
	const struct compare_item *c = cmp_cur(v);
	size_t d;

	if (c == NULL)
		return;
	v->follow = true;
	for (d = 0; d < ui->ndocs; d++)
		if (ui->docs[d].id == c->doc)
			break;
	if (d == ui->ndocs)
		return;
	if (d != ui->cur)
		ui_open_doc(ui, d, (size_t)c->span_start);
	else {
		vmt_goto(&ui->vt, (size_t)c->span_start);
		ui_dirty(ui, DIRTY_TRANSCRIPT);
	}
	compare_status(ui);
	ui_dirty(ui, DIRTY_VIEW | DIRTY_STATUS);
}

/* The paragraphs of the open document (LF-separated lines), as compare.h
 * and agree-project.h count them: once per document opened. */
static void
compare_paras(struct ui *ui, struct compare_view *v)
{
	size_t i, cap = 0;
	int64_t cp = 0;

	/* keyed by the document's opening, not its text's address, which a
	 * reopened document may reuse */
	if (v->paras != NULL && v->paras_gen == ui->doc_gen + 1)
		return;
	free(v->paras);
	v->paras = NULL;
	v->nparas = 0;
	v->paras = xgrow(v->paras, &cap, 1, sizeof *v->paras);
	v->paras[v->nparas++] = (struct vpara){0, 0};
	for (i = 0; i < ui->textlen; i++) {
		if (((unsigned char)ui->text[i] & 0xc0) != 0x80)
			cp++;
		if (ui->text[i] == '\n') {
			v->paras = xgrow(v->paras, &cap, v->nparas + 1,
			    sizeof *v->paras);
			v->paras[v->nparas++] = (struct vpara){i + 1, cp};
		}
	}
	/* past the end, as if a final LF followed */
	v->paras = xgrow(v->paras, &cap, v->nparas + 1, sizeof *v->paras);
	v->paras[v->nparas] = (struct vpara){ui->textlen + 1, cp + 1};
	v->paras_gen = ui->doc_gen + 1;
}

/* First coding of the open document that may meet [s, ...): the codings
 * are sorted by start and none is longer than ui->maxlen. */
static size_t
first_coding(struct ui *ui, int64_t s)
{
	size_t lo = 0, hi = ui->ncodings;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (ui->codings[mid].start < s - ui->maxlen)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Distinct codes coder id applied in [s, e) of the open document. */
static size_t
codes_in(struct ui *ui, int64_t coder, int64_t s, int64_t e, int64_t *out,
    size_t cap)
{
	size_t i, k, n = 0;

	for (i = first_coding(ui, s); i < ui->ncodings &&
	    ui->codings[i].start <= e; i++) {
		const struct coding *c = &ui->codings[i];

		if (c->coder != coder || c->start >= e || c->end <= s ||
		    (c->end == c->start && c->start != s))
			continue;
		for (k = 0; k < n && out[k] != c->node; k++)
			;
		if (k == n && n < cap)
			out[n++] = c->node;
	}
	return n;
}

#define CMP_MAXCODES 32

static const struct compare_item *
item_at(const struct compare_view *v, int64_t doc, size_t para, int64_t node)
{
	size_t lo = 0, hi = v->nitems;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = unit_cmp(&v->items[v->byunit[mid]], doc, (int64_t)para,
		    node);

		if (c == 0)
			return &v->items[v->byunit[mid]];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The codes column of one coder for one paragraph. */
static void
draw_codes(struct ui *ui, const struct compare_view *v, int y, int x, int w,
    const int64_t *codes, size_t n, size_t para, int side)
{
	const struct compare_item *cur = cmp_cur(v);
	int64_t doc = ui->docs[ui->cur].id;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct compare_item *it = item_at(v, doc, para, codes[i]);
		int a = ui_attr(ui, TH_NORMAL), used = 0;
		char mark[32] = "  ";

		if (it != NULL) {
			a = ui_attr(ui, side == 0 ? TH_CODED_A : TH_CODED_B) | A_BOLD;
			/* kept, dropped or open; the foot says it in words */
			if (it->decided != COMPARE_NONE)
				snprintf(mark, sizeof mark, "%s ",
				    compare_keeps(it, it->decided) ? "\u2713" : "\u2717");
			else
				snprintf(mark, sizeof mark, "\u25c6 ");
			if (it == cur)
				a |= A_REVERSE;
		}
		used = ui_put_plain(y + (int)i, x, w, mark, a);
		ui_put_text(ui, y + (int)i, x + used, w - used,
		    ui_node_name(ui, codes[i]), a);
	}
}

/* The foot's first line on l's item, with name for its code's and the
 * note left out: the state first, the code last. */
static void
foot_words(const void *arg, const char *name, char *buf, size_t cap)
{
	const struct cmp_line *l = arg;
	const struct views *f = views_get(l->ui);
	const struct compare_item *c = l->c;

	snprintf(buf, cap, c->decided == COMPARE_NONE ?
	    _("open: %s ¶%lld, applied by %s %s only: «%s»") :
	    compare_keeps(c, c->decided) ?
	    _("settled, kept here: %s ¶%lld, applied by %s %s only: «%s»") :
	    _("settled, dropped here: %s ¶%lld, applied by %s %s only: «%s»"),
	    cmp_doc_name(l->ui, c->doc), (long long)c->para + 1,
	    c->a ? "A" : "B", c->a ? f->coder[0] : f->coder[1], name);
}

/* The current disagreement in words, and what each key does with it. */
static void
draw_foot(struct ui *ui, const struct compare_item *cur, int y,
    const struct rect *r)
{
	struct cmp_line l = {ui, cur, COMPARE_NONE, NULL};
	int a = ui_attr(ui, TH_NORMAL), dim = ui_attr(ui, TH_DIM), x;
	static const char keys[] = "ab20";
	char line[512], words[256], item[4][260];
	int brief;
	size_t i;

	ui_fill(y, r->x, r->w, dim | A_UNDERLINE);
	/* the code's name cut to what the rest leaves, then the note, which
	 * the width cuts */
	ui_text_fit_in(foot_words, &l, ui_node_name(ui, cur->node), r->w - 2,
	    line, sizeof line);
	cmp_add_note(line, sizeof line, cur->note);
	ui_fill(y + 1, r->x, r->w, a);
	/* sentences of the interface: its direction, whatever the code's */
	ui_put_plain(y + 1, r->x + 1, r->w - 2, line, a | A_BOLD);
	ui_fill(y + 2, r->x, r->w, a);
	/* the code named in each choice, unless that pushes the last key
	 * off the line; each key drawn on its own so a right-to-left
	 * interface keeps every key beside its words */
	for (brief = 0; brief < 2; brief++) {
		int w = 0;

		for (i = 0; i < 4; i++) {
			cmp_choice_words(ui, cur, (enum compare_choice)i, brief,
			    NULL, words, sizeof words);
			snprintf(item[i], sizeof item[i], "%c %s", keys[i], words);
			utf8_clip(item[i]);
			w += ui_text_width(item[i]) + (i ? 3 : 0);
		}
		if (w <= r->w - 2)
			break;
	}
	x = r->x + 1;
	for (i = 0; i < 4 && x < r->x + r->w - 1; i++)
		x += ui_put_plain(y + 2, x, r->x + r->w - 1 - x, item[i], a) + 3;
}

static void
draw_compare(struct ui *ui, void *data, const struct rect *r,
    bool focused)
{
	struct compare_view *v = data;
	const struct views *f = views_get(ui);
	const struct compare_item *cur = cmp_cur(v);
	int a = ui_attr(ui, TH_NORMAL), dim = ui_attr(ui, TH_DIM);
	int y, tw, cw, xa, xb, nw, bottom = r->y + r->h;
	char line[512];
	size_t p;

	(void)focused;
	if (v->hidden != NULL)	/* no coder, no count: blind coding */
		snprintf(line, sizeof line, "%s",
		    _(" compare: hidden during blind coding "));
	else if (f->coder[0] == NULL)
		snprintf(line, sizeof line, "%s",
		    _(" compare: W chooses the two coders "));
	else if (cur == NULL)
		snprintf(line, sizeof line, v->filter ? _(" compare %s | %s: no "
		    "disagreements on this code ") : _(" compare %s | %s: no "
		    "disagreements "), f->coder[0] ? f->coder[0] : "?",
		    f->coder[1] ? f->coder[1] : "?");
	else {
		size_t done = cmp_settled(v);

		snprintf(line, sizeof line, _(" compare A %s | B %s   "
		    "disagreement %zu of %zu   %zu settled, %zu left   n/p next/prev, "
		    "u undo "), f->coder[0], f->coder[1], v->cur + 1, v->nsel, done,
		    v->nsel - done);
	}
	ui_box_title(ui, r, line, true);
	if (v->hidden != NULL) {
		ui_put_plain(r->y + 2, r->x + 1, r->w - 2,
		    _("the comparison is hidden:"), a | A_BOLD);
		views_wrapped(ui, r->y + 3, r->x + 1, r->w - 2, v->hidden,
		    strlen(v->hidden), r->h - 4, a);
		return;
	}
	if (f->coder[0] == NULL || ui->ndocs == 0 || ui->cur >= ui->ndocs)
		return;
	if (cur != NULL && r->h > 8) {
		bottom -= 3;
		draw_foot(ui, cur, bottom, r);
	}
	compare_paras(ui, v);
	/* the numbers' column: "¶1000000" needs more than four digits */
	snprintf(line, sizeof line, "%zu", v->nparas);
	nw = (int)strlen(line) > 4 ? (int)strlen(line) + 2 : 6;
	tw = (r->w - nw) * 46 / 100;
	cw = (r->w - nw - tw - 2) / 2;
	xa = r->x + nw + tw + 1;
	xb = xa + cw + 1;
	y = r->y + 1;
	snprintf(line, sizeof line, "%s (paragraphs)", "");
	ui_fill(y, r->x, r->w, dim | A_UNDERLINE);
	ui_put_text(ui, y, r->x + nw, tw, ui->docs[ui->cur].name,
	    dim | A_UNDERLINE | A_BOLD);
	snprintf(line, sizeof line, "A %s", f->coder[0] ? f->coder[0] : "?");
	ui_put_text(ui, y, xa, cw, line, dim | A_UNDERLINE | A_BOLD);
	snprintf(line, sizeof line, "B %s", f->coder[1] ? f->coder[1] : "?");
	ui_put_text(ui, y, xb, cw, line, dim | A_UNDERLINE | A_BOLD);
	y++;
	/* keep the current disagreement's paragraph in sight */
	if (v->follow && cur != NULL && cur->doc == ui->docs[ui->cur].id) {
		size_t cp = (size_t)cur->para;

		if (cp < v->top || cp > v->top + (size_t)(bottom - y) / 2)
			v->top = cp > 1 ? cp - 1 : 0;
	}
	v->follow = false;	/* j and k scroll freely until the next jump */
	if (v->top >= v->nparas)
		v->top = v->nparas ? v->nparas - 1 : 0;
	for (p = v->top; p < v->nparas && y < bottom; p++) {
		size_t bs = v->paras[p].bs, be = v->paras[p + 1].bs - 1, tl;
		int64_t cs = v->paras[p].cs, ce = v->paras[p + 1].cs - 1;
		int64_t ca[CMP_MAXCODES], cb[CMP_MAXCODES];
		size_t na = codes_in(ui, f->coder_id[0], cs, ce, ca,
		    CMP_MAXCODES);
		size_t nb = codes_in(ui, f->coder_id[1], cs, ce, cb,
		    CMP_MAXCODES);
		int h = (int)(na > nb ? na : nb), lines;
		char num[32];

		if (be == bs && na == 0 && nb == 0)
			continue;	/* an empty line */
		if (h < 1)
			h = 1;
		if (h > bottom - y)
			h = bottom - y;
		snprintf(num, sizeof num, "%*zu ", nw > 22 ? 20 : nw - 2, p + 1);
		ui_put_plain(y, r->x, nw, num, dim);
		/* no more of a huge paragraph than its rows can show: 16
		 * bytes a column, cut on a character's first byte */
		tl = be - bs;
		if (tl > (size_t)(h < 2 ? 2 : h) * (size_t)(tw + 1) * 16) {
			tl = (size_t)(h < 2 ? 2 : h) * (size_t)(tw + 1) * 16;
			while (tl > 0 && ((unsigned char)ui->text[bs + tl] &
			    0xc0) == 0x80)
				tl--;
		}
		lines = views_wrapped(ui, y, r->x + nw, tw, ui->text + bs, tl,
		    h < 2 ? 2 : h, na || nb ? a : dim);
		if (lines > h && lines <= bottom - y)
			h = lines;
		draw_codes(ui, v, y, xa, cw, ca, na < (size_t)h ? na : (size_t)h,
		    p, 0);
		draw_codes(ui, v, y, xb, cw, cb, nb < (size_t)h ? nb : (size_t)h,
		    p, 1);
		y += h;
		if (y < bottom)
			ui_put_plain(y++, r->x + nw, r->w - nw, "", a);
	}
}

static void
take_note_done(struct ui *ui, const char *note)
{
	struct compare_view *v = cv(ui);
	const struct views *f = views_get(ui);
	const struct compare_item *c = cmp_cur(v);
	struct compare_outcome res;

	if (c == NULL)
		return;
	if (!ui_check(ui, compare_decide(ui->p, f->coder[0], f->coder[1],
	    c->doc, c->para, c->node, (enum compare_choice)v->take,
	    note && *note ? note : NULL, &res)))
		return;
	v->stale = true;
	ui_sync(ui);	/* views_sync lists them again when codings changed */
	if (v->stale)	/* a decision that changed no coding */
		compare_update(ui, v);
	compare_status(ui);
	if (res.seeded > 0)
		ui_msg(ui, ngettext("the consensus coding starts with %zu agreed "
		    "coding and this decision (u undoes both)", "the consensus coding "
		    "starts with %zu agreed codings and this decision (u undoes both)",
		    res.seeded), res.seeded);
}

/* The take prompt's title on l's item: what l's choice does, with name
 * for its code's, then l's suffix. */
static void
take_words(const void *arg, const char *name, char *buf, size_t cap)
{
	const struct cmp_line *l = arg;
	size_t len;

	cmp_choice_words(l->ui, l->c, l->choice, false, name, buf, cap);
	len = strlen(buf);
	snprintf(buf + len, cap - len, "%s", l->suffix);
	utf8_clip(buf);
}

static void
take(struct ui *ui, enum compare_choice choice)
{
	struct compare_view *v = cv(ui);
	const struct compare_item *c = cmp_cur(v);
	const struct rect scr = {0, 0, LINES, COLS};
	/* Esc cancels: a decision is never made by a key meant to back out */
	struct cmp_line l = {ui, c, choice,
	    _(": note? Enter decides, Esc cancels")};
	char title[UI_TITLE_MAX];

	if (ui->view != VIEW_COMPARE) {
		ui_err(ui, "%s", _("only in the compare view (X)"));
		return;
	}
	if (v->hidden != NULL) {
		cmp_say_hidden(ui);
		return;
	}
	if (c == NULL) {
		ui_err(ui, "%s", _("no disagreement here; n goes to the next"));
		return;
	}
	v->take = (int)choice;
	/* the code's name cut so the words around it and the keys show */
	ui_text_fit_in(take_words, &l, ui_node_name(ui, c->node),
	    overlay_popup_rect(&scr, 3).w - 2, title, sizeof title);
	prompt_open(ui, title, "", take_note_done);
}

static void
compare_focus(struct ui *ui, void *data, bool on)
{
	struct compare_view *v = data;

	if (!on)	/* going off screen: nothing to do */
		return;
	if (!v->listed || v->stale)
		compare_update(ui, v);
	if (cmp_cur(v) == NULL && v->nsel > 0) {
		int64_t *order = xcalloc(ui->ndocs + 1, sizeof *order);
		size_t d, i;

		for (d = 0; d < ui->ndocs; d++)
			order[d] = ui->docs[d].id;
		i = vm_compare_from(v->items, v->nitems, order, ui->ndocs,
		    ui->cur < ui->ndocs ? ui->docs[ui->cur].id : 0,
		    (int64_t)ui->vt.cursor);
		free(order);
		for (v->cur = 0; v->cur < v->nsel &&
		    v->sel[v->cur] < i; v->cur++)
			;
		if (v->cur == v->nsel)
			v->cur = 0;
	}
	compare_goto(ui);
}

static void
compare_stale(void *data)
{
	((struct compare_view *)data)->stale = true;
}

static size_t *
compare_cursor(void *data, size_t *n)
{
	struct compare_view *v = data;

	/* the empty line after a final LF is no paragraph to scroll to */
	*n = v->nparas > 1 && v->paras[v->nparas].bs - 1 ==
	    v->paras[v->nparas - 1].bs ? v->nparas - 1 : v->nparas;
	return &v->top;
}

static void
compare_sync(struct ui *ui, void *data, enum ui_sync what)
{
	if (what == UI_SYNC_CODERS) {
		compare_forget(data);
		return;
	}
	compare_stale(data);
	if (what != UI_SYNC_STALE)	/* on screen: now */
		compare_update(ui, data);
}

const struct screen_ops view_compare_ops = {
	.name = "compare",
	.scope = SCOPE_VIEW,
	.coders = true,
	.create = compare_create,
	.free = compare_free,
	.draw = draw_compare,
	.focus = compare_focus,
	.sync = compare_sync,
	.cursor = compare_cursor,
};

void
view_compare_code(struct ui *ui, int64_t node)
{
	struct compare_view *v = cv(ui);

	v->filter = node;
	v->stale = true;
	v->cur = (size_t)-1;
	views_open(ui, VIEW_COMPARE);
	if (v->nsel > 0 && cmp_cur(v) == NULL) {
		v->cur = 0;
		compare_goto(ui);
	}
}

void
view_act_compare(struct ui *ui)
{
	struct compare_view *v = cv(ui);

	if (ui->view != VIEW_COMPARE && v->filter != 0) {
		v->filter = 0;	/* X: every code's disagreements */
		v->stale = true;
	}
	view_toggle(ui, VIEW_COMPARE);
}

static void
step(struct ui *ui, int dir)
{
	struct compare_view *v = cv(ui);

	if (ui->view != VIEW_COMPARE) {
		ui_err(ui, "%s", _("only in the compare view (X)"));
		return;
	}
	if (v->nsel == 0) {
		compare_status(ui);
		return;
	}
	if (v->cur >= v->nsel)
		v->cur = dir > 0 ? 0 : v->nsel - 1;
	else
		v->cur = (v->cur + v->nsel + (size_t)(long)dir) % v->nsel;
	compare_goto(ui);
}

void view_act_next(struct ui *ui) { step(ui, 1); }
void view_act_prev(struct ui *ui) { step(ui, -1); }
void view_act_take_a(struct ui *ui) { take(ui, COMPARE_A); }
void view_act_take_b(struct ui *ui) { take(ui, COMPARE_B); }
void view_act_take_both(struct ui *ui) { take(ui, COMPARE_BOTH); }
void view_act_take_neither(struct ui *ui) { take(ui, COMPARE_NEITHER); }
