/*
 * pane-view.c: the full-body views over the workbench (one pane, PANE_VIEW,
 * drawn over the others, which keep their state and size):
 *
 *   I  agreement: Cohen's kappa of two coders with paragraphs as units,
 *      pooled over every code (95% interval, N, percent and positive
 *      agreement, the Landis & Koch band) and one row per code, worst
 *      first. Blind coding shows the model's message instead.
 *   X  compare: one document's paragraphs with coder A's codes and coder
 *      B's side by side, the codes only one of them applied highlighted;
 *      n/p walk the disagreements across documents, a/b/2/0 settle the
 *      current one into the consensus coding (compare_decide) with a note.
 *   T  the paradigm model: the six slots as boxes with arrows, fitted to
 *      the pane (an_paradigm_layout); s switches to the saturation chart.
 *
 * State lives in struct views (ui->views). Figures are recomputed only
 * when ui_sync applied a change (views_sync) or the view opens; drawing
 * reads what was computed.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "axial/analysis.h"
#include "axial/blind.h"
#include "axial/coder.h"
#include "axial/compare.h"
#include "axial/util.h"
#include "ui.h"
#include "vm-views.h"

/* One paragraph of the open document: byte and code-point ranges. */
struct vpara {
	size_t bs, be;
	int64_t cs, ce;
};

struct views {
	char *coder[2];		/* logins of A and B, NULL until chosen */
	int64_t coder_id[2];
	int pending;		/* the view to open once coders are chosen */

	/* agreement */
	struct agree_project *ap;
	char *hidden;		/* blind: the message shown instead */
	bool agree_stale;
	struct vm_agree_row *rows;
	size_t nrows, acur, atop;
	struct agree_cells total;
	struct agree_kappa tk;

	/* compare */
	struct compare_item *items;
	size_t nitems;
	size_t *sel, nsel, ccur;	/* items shown (filter), current in sel */
	int64_t filter;		/* a code's node id, or 0: every code */
	bool cmp_stale, cmp_listed;
	char *cmp_hidden;
	struct vpara *paras;
	size_t nparas;
	size_t ctop;		/* first paragraph shown */
	bool follow;		/* scroll to the current one on the next draw */
	int take;		/* choice waiting for its note */

	/* paradigm and saturation */
	struct an_project an;
	bool an_loaded, an_stale, with_codes, saturation;
	struct an_paradigm m;
	struct an_saturation sat;
	size_t ptop;
};

static struct views *
V(struct ui *ui)
{
	if (ui->views == NULL)
		ui->views = xcalloc(1, sizeof *ui->views);
	return ui->views;
}

static void
agree_clear(struct views *v)
{
	agree_project_free(v->ap);
	v->ap = NULL;
	free(v->hidden);
	v->hidden = NULL;
	free(v->rows);
	v->rows = NULL;
	v->nrows = 0;
}

static void
compare_clear(struct views *v)
{
	compare_items_free(v->items, v->nitems);
	v->items = NULL;
	v->nitems = 0;
	free(v->sel);
	v->sel = NULL;
	v->nsel = 0;
	free(v->cmp_hidden);
	v->cmp_hidden = NULL;
	v->cmp_listed = false;
}

static void
an_clear(struct views *v)
{
	if (!v->an_loaded)
		return;
	an_paradigm_done(&v->m);
	an_saturation_done(&v->sat);
	an_done(&v->an);
	v->an_loaded = false;
}

void
views_free(struct ui *ui)
{
	struct views *v = ui->views;

	if (v == NULL)
		return;
	agree_clear(v);
	compare_clear(v);
	an_clear(v);
	free(v->paras);
	free(v->coder[0]);
	free(v->coder[1]);
	free(v);
	ui->views = NULL;
}

/* ---- the two coders ---- */

static void open_view(struct ui *ui, int view);
static int draw_wrapped(struct ui *ui, int y, int x, int w, const char *text,
    size_t tlen, int max, int attr);

static void
set_coders(struct ui *ui, const char *a, const char *b)
{
	struct views *v = V(ui);

	free(v->coder[0]);
	free(v->coder[1]);
	v->coder[0] = xstrdup(a);
	v->coder[1] = xstrdup(b);
	if (coder_find(ui->p, a, &v->coder_id[0]) != AX_OK)
		v->coder_id[0] = 0;
	if (coder_find(ui->p, b, &v->coder_id[1]) != AX_OK)
		v->coder_id[1] = 0;
	agree_clear(v);
	compare_clear(v);
}

static void
coder_items(struct ui *ui, size_t skip, struct finder_item **out, size_t *n)
{
	struct finder_item *it = xcalloc(ui->ncoders + 1, sizeof *it);
	size_t i, k = 0;

	for (i = 0; i < ui->ncoders; i++) {
		if (i == skip || strcmp(ui->coders[i].login, CONSENSUS_CODER) == 0)
			continue;
		it[k].id = (int64_t)i + 1;
		it[k].label = xstrdup(ui->coders[i].login);
		k++;
	}
	*out = it;
	*n = k;
}

static size_t chosen_a;

static void
picked_b(struct ui *ui, int64_t id, const char *query)
{
	(void)query;
	if (id <= 0 || (size_t)id > ui->ncoders) {
		ui_err(ui, "no such coder");
		return;
	}
	set_coders(ui, ui->coders[chosen_a].login, ui->coders[id - 1].login);
	if (V(ui)->pending != VIEW_NONE)
		open_view(ui, V(ui)->pending);
}

static void
picked_a(struct ui *ui, int64_t id, const char *query)
{
	struct finder_item *it;
	size_t n;

	(void)query;
	if (id <= 0 || (size_t)id > ui->ncoders) {
		ui_err(ui, "no such coder");
		return;
	}
	chosen_a = (size_t)id - 1;
	coder_items(ui, chosen_a, &it, &n);
	finder_open(ui, "coder B", it, n, picked_b);
}

static void
ask_coders(struct ui *ui)
{
	struct finder_item *it;
	size_t n;

	coder_items(ui, (size_t)-1, &it, &n);
	finder_open(ui, "coder A (compared with coder B)", it, n, picked_a);
}

/* Coders chosen automatically when obvious; false when the finder asks. */
static bool
ensure_coders(struct ui *ui, int view)
{
	struct views *v = V(ui);
	struct vm_coder_count *cc;
	size_t i, a, b;
	int64_t id;
	bool ok;

	if (v->coder[0] != NULL)
		return true;
	if (!ui->counts.valid || ui->counts.ncoders != ui->ncoders)
		ui_load_counts(ui);
	cc = xcalloc(ui->ncoders + 1, sizeof *cc);
	for (i = 0; i < ui->ncoders; i++) {
		cc[i].login = ui->coders[i].login;
		if (ui->counts.valid && ui->counts.ncoders == ui->ncoders)
			for (id = 0; id <= ui->counts.maxid; id++)
				cc[i].n += ui->counts.n[(size_t)id *
				    ui->counts.ncoders + i];
	}
	ok = vm_pick_coders(cc, ui->ncoders, &a, &b);
	free(cc);
	if (ok) {
		set_coders(ui, ui->coders[a].login, ui->coders[b].login);
		return true;
	}
	v->pending = view;
	ask_coders(ui);
	return false;
}

/* ---- agreement ---- */

static void
agree_compute(struct ui *ui)
{
	struct views *v = V(ui);
	const struct agree_state *st;

	free(v->rows);
	v->rows = NULL;
	v->nrows = 0;
	if (v->ap == NULL)
		return;
	st = agree_project_state(v->ap);
	agree_state_total_table(st, &v->total, NULL);
	agree_kappa_2x2(v->total.a, v->total.b, v->total.c, v->total.d,
	    &v->tk);
	vm_agree_rows(st, &v->rows, &v->nrows);
	if (v->acur >= v->nrows)
		v->acur = v->nrows ? v->nrows - 1 : 0;
	v->agree_stale = false;
}

/* Builds or refreshes the agreement of A and B; blind mode leaves the
 * model's message in v->hidden. */
static void
agree_update(struct ui *ui)
{
	struct views *v = V(ui);
	bool changed = true;

	if (blind_check_figures(ui->p) != AX_OK) {
		agree_clear(v);
		v->hidden = xstrdup(project_errmsg(ui->p));
		ui_dirty(ui, DIRTY_VIEW);
		return;
	}
	free(v->hidden);
	v->hidden = NULL;
	if (v->coder[0] == NULL)
		return;
	if (v->ap == NULL) {
		struct agree_config cfg = {AGREE_UNIT_PARAGRAPH, 2, false, 0.9,
		    false, AGREE_UNIT_PARAGRAPH};
		const char *names[2] = {v->coder[0], v->coder[1]};
		enum ax_status rc = agree_project_new(ui->p, names, 2, &cfg, 0,
		    &v->ap);

		if (rc == AX_ERR_PERM) {
			v->hidden = xstrdup(project_errmsg(ui->p));
			v->ap = NULL;
		} else if (!ui_check(ui, rc))
			v->ap = NULL;
	} else if (v->agree_stale &&
	    !ui_check(ui, agree_project_refresh(v->ap, &changed)))
		changed = true;
	if (changed || v->agree_stale)
		agree_compute(ui);
	v->agree_stale = false;
	ui_dirty(ui, DIRTY_VIEW);
}

static void
fig3(const struct agree_fig *f, char *out, size_t cap)
{
	if (f->why != NULL)
		snprintf(out, cap, "undefined");
	else
		snprintf(out, cap, "%.3f", f->v);
}

static void
pct1(const struct agree_fig *f, char *out, size_t cap)
{
	if (f->why != NULL)
		snprintf(out, cap, "undefined");
	else
		snprintf(out, cap, "%.1f%%", f->v * 100.0);
}

static const char *
code_name(struct ui *ui, size_t code)
{
	struct views *v = V(ui);
	const struct agree_names *nm = agree_project_names(v->ap);
	const struct node *n = ui_node(ui, agree_project_code_id(v->ap, code));

	if (n != NULL)
		return n->name;	/* the code's own name; the path is long */
	if (nm != NULL && nm->code != NULL && nm->code[code] != NULL)
		return nm->code[code];
	return "?";
}

static void
draw_agree(struct ui *ui, const struct rect *r)
{
	struct views *v = V(ui);
	int a = ui_attr(ui, TH_NORMAL), y = r->y + 1, x = r->x + 1, w = r->w - 2;
	char line[512], k[32], lo[32], hi[32], po[32], pos[32];
	int h, i;

	snprintf(line, sizeof line, " agreement: A %s, B %s; unit paragraph "
	    "(speaker turn); W chooses the coders, Enter compares a code ",
	    v->coder[0] ? v->coder[0] : "?", v->coder[1] ? v->coder[1] : "?");
	ui_box_title(ui, r, line, true);
	if (v->hidden != NULL) {
		ui_put_plain(y + 1, x, w, "agreement figures are hidden:",
		    a | A_BOLD);
		draw_wrapped(ui, y + 2, x, w, v->hidden, strlen(v->hidden),
		    r->h - 4, a);
		return;
	}
	if (v->ap == NULL) {
		ui_put_plain(y + 1, x, w, "no agreement computed (W chooses "
		    "the two coders)", a);
		return;
	}
	fig3(&v->tk.kappa, k, sizeof k);
	fig3(&v->tk.ci_lo, lo, sizeof lo);
	fig3(&v->tk.ci_hi, hi, sizeof hi);
	if (v->tk.kappa.why == NULL) {
		snprintf(line, sizeof line, "pooled (all codes)  kappa %s  95%% CI "
		    "[%s, %s]", k, lo, hi);
		ui_put_plain(y++, x, w, line, a | A_BOLD);
		snprintf(line, sizeof line, "band: %s (Landis & Koch 1977)",
		    vm_kappa_band(v->tk.kappa.v));
		ui_put_plain(y++, x, w, line, a);
	} else {
		snprintf(line, sizeof line, "pooled (all codes)  kappa undefined: "
		    "%s", v->tk.kappa.why);
		ui_put_plain(y++, x, w, line, a | A_BOLD);
	}
	snprintf(line, sizeof line, "unit paragraph  N %lld  a=%lld b=%lld "
	    "c=%lld d=%lld", (long long)v->tk.n, (long long)v->total.a,
	    (long long)v->total.b, (long long)v->total.c,
	    (long long)v->total.d);
	ui_put_plain(y++, x, w, line, a);
	pct1(&v->tk.po, po, sizeof po);
	pct1(&v->tk.pos, pos, sizeof pos);
	snprintf(line, sizeof line, "agreement %s  positive agreement %s", po,
	    pos);
	ui_put_plain(y++, x, w, line, a);
	y++;
	snprintf(line, sizeof line, "%6s %6s %6s %8s %8s  %-9s  code "
	    "(%zu, worst first)", "a", "b", "c", "d", "kappa", "%agr",
	    v->nrows);
	ui_put_plain(y++, x, w, line, ui_attr(ui, TH_DIM) | A_UNDERLINE);
	h = r->y + r->h - y;
	if (v->acur < v->atop)
		v->atop = v->acur;
	if (h > 0 && v->acur >= v->atop + (size_t)h)
		v->atop = v->acur - (size_t)h + 1;
	for (i = 0; i < h && v->atop + (size_t)i < v->nrows; i++, y++) {
		const struct vm_agree_row *row = &v->rows[v->atop + (size_t)i];
		bool cur = v->atop + (size_t)i == v->acur;
		int ra = cur ? ui_attr(ui, TH_CURSOR_ROW) : a, used;

		ui_fill(y, r->x, r->w, ra);
		fig3(&row->k.kappa, k, sizeof k);
		pct1(&row->k.po, po, sizeof po);
		snprintf(line, sizeof line, "%6lld %6lld %6lld %8lld %8s  %-9s  ",
		    (long long)row->cells.a, (long long)row->cells.b,
		    (long long)row->cells.c, (long long)row->cells.d, k, po);
		used = ui_put_plain(y, x, w, line, ra);
		if (row->k.kappa.why != NULL) {
			snprintf(line, sizeof line, "(%s) ", row->k.kappa.why);
			used += ui_put_plain(y, x + used, w - used, line,
			    ra | A_DIM);
		}
		ui_put_text(ui, y, x + used, w - used, code_name(ui, row->code),
		    ra);
	}
}

/* ---- compare ---- */

static void
compare_select(struct views *v)
{
	size_t i;

	free(v->sel);
	v->sel = xcalloc(v->nitems + 1, sizeof *v->sel);
	v->nsel = 0;
	for (i = 0; i < v->nitems; i++)
		if (v->filter == 0 || v->items[i].node == v->filter)
			v->sel[v->nsel++] = i;
}

static const struct compare_item *
cmp_cur(struct views *v)
{
	return v->ccur < v->nsel ? &v->items[v->sel[v->ccur]] : NULL;
}

/* Lists the disagreements again, keeping the current one by its unit. */
static void
compare_update(struct ui *ui)
{
	struct views *v = V(ui);
	const struct compare_item *c = cmp_cur(v);
	int64_t doc = c ? c->doc : 0, para = c ? c->para : -1,
	    node = c ? c->node : 0;
	struct compare_item *items = NULL;
	size_t n = 0, i;
	enum ax_status rc;

	if (blind_check_figures(ui->p) != AX_OK) {
		compare_clear(v);
		v->cmp_hidden = xstrdup(project_errmsg(ui->p));
		ui_dirty(ui, DIRTY_VIEW);
		return;
	}
	if (v->coder[0] == NULL)
		return;
	rc = compare_list(ui->p, v->coder[0], v->coder[1], 0, &items, &n);
	compare_clear(v);
	if (rc == AX_ERR_PERM) {
		v->cmp_hidden = xstrdup(project_errmsg(ui->p));
		return;
	}
	if (!ui_check(ui, rc))
		return;
	v->items = items;
	v->nitems = n;
	v->cmp_listed = true;
	v->cmp_stale = false;
	compare_select(v);
	v->ccur = v->nsel;
	for (i = 0; i < v->nsel; i++) {
		const struct compare_item *it = &v->items[v->sel[i]];

		if (it->doc == doc && it->para == para && it->node == node)
			v->ccur = i;
	}
	ui_dirty(ui, DIRTY_VIEW);
}

static void
compare_status(struct ui *ui)
{
	struct views *v = V(ui);
	const struct compare_item *c = cmp_cur(v);

	if (c == NULL) {
		ui_msg(ui, "no disagreements between %s and %s%s", v->coder[0],
		    v->coder[1], v->filter ? " on this code" : "");
		return;
	}
	if (c->decided == COMPARE_NONE)
		ui_msg(ui, "disagreement %zu of %zu: open (a A's, b B's, 2 both, "
		    "0 neither)", v->ccur + 1, v->nsel);
	else
		ui_msg(ui, "disagreement %zu of %zu: decided %s%s%s", v->ccur + 1,
		    v->nsel, compare_choice_name(c->decided),
		    c->note && *c->note ? ", note: " : "",
		    c->note && *c->note ? c->note : "");
}

/* Opens the current disagreement's document with the caret on its span. */
static void
compare_goto(struct ui *ui)
{
	struct views *v = V(ui);
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
 * and agree-project.h count them. */
static void
compare_paras(struct ui *ui)
{
	struct views *v = V(ui);
	size_t i, bs = 0, cap = 16;
	int64_t cp = 0, cs = 0;

	/* on every draw of the view: a reopened document may reuse the
	 * freed text's address, so no cache keyed by it */
	free(v->paras);
	v->paras = xcalloc(cap, sizeof *v->paras);
	v->nparas = 0;
	for (i = 0; i <= ui->textlen; i++) {
		if (i == ui->textlen || ui->text[i] == '\n') {
			if (v->nparas == cap) {
				cap *= 2;
				v->paras = xrealloc(v->paras, cap * sizeof *v->paras);
			}
			v->paras[v->nparas++] = (struct vpara){bs, i, cs, cp};
			bs = i + 1;
			cs = cp + 1;
		}
		if (i < ui->textlen && ((unsigned char)ui->text[i] & 0xc0) != 0x80)
			cp++;
	}
}

/* Distinct codes coder id applied in [s, e) of the open document. */
static size_t
codes_in(struct ui *ui, int64_t coder, int64_t s, int64_t e, int64_t *out,
    size_t cap)
{
	size_t i, k, n = 0;

	for (i = 0; i < ui->ncodings; i++) {
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

/* Wraps text[0, tlen) into lines of at most w columns (word by word);
 * draws at most max of them from row y. Returns the lines drawn. */
static int
draw_wrapped(struct ui *ui, int y, int x, int w, const char *text,
    size_t tlen, int max, int attr)
{
	char *buf = xmalloc(tlen + 1), *p, *line;
	size_t len = 0;
	int n = 0;

	memcpy(buf, text, tlen);
	buf[tlen] = '\0';
	line = xmalloc(tlen + 8);
	line[0] = '\0';
	p = buf;
	while (*p && n < max) {
		char *q = p;
		char save;

		while (*q == ' ')
			q++;
		while (*q && *q != ' ')
			q++;
		save = *q;
		*q = '\0';
		if (len > 0 && ui_text_width(line) + ui_text_width(p) > w) {
			if (n == max - 1) {
				strcat(line, " \u2026");
				break;
			}
			ui_put_text(ui, y + n++, x, w, line, attr);
			len = 0;
			line[0] = '\0';
			while (*p == ' ')
				p++;
		}
		strcat(line, p);
		len += strlen(p);
		*q = save;
		p = q;
	}
	if (len > 0 && n < max)
		ui_put_text(ui, y + n++, x, w, line, attr);
	free(line);
	free(buf);
	return n;
}

#define CMP_MAXCODES 32

static const struct compare_item *
item_at(struct views *v, int64_t doc, size_t para, int64_t node)
{
	size_t i;

	for (i = 0; i < v->nitems; i++)
		if (v->items[i].doc == doc && (size_t)v->items[i].para == para &&
		    v->items[i].node == node)
			return &v->items[i];
	return NULL;
}

/* The codes column of one coder for one paragraph. */
static void
draw_codes(struct ui *ui, int y, int x, int w, const int64_t *codes,
    size_t n, size_t para, int side)
{
	struct views *v = V(ui);
	const struct compare_item *cur = cmp_cur(v);
	int64_t doc = ui->docs[ui->cur].id;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct compare_item *it = item_at(v, doc, para, codes[i]);
		int a = ui_attr(ui, TH_NORMAL), used = 0;
		char mark[32] = "  ";

		if (it != NULL) {
			a = ui_attr(ui, side == 0 ? TH_CODED_A : TH_CODED_B) | A_BOLD;
			if (it->decided != COMPARE_NONE)
				snprintf(mark, sizeof mark, "%s ",
				    compare_choice_name(it->decided));
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

static void
draw_compare(struct ui *ui, const struct rect *r)
{
	struct views *v = V(ui);
	const struct compare_item *cur = cmp_cur(v);
	int a = ui_attr(ui, TH_NORMAL), dim = ui_attr(ui, TH_DIM);
	int y, tw, cw, xa, xb, bottom = r->y + r->h;
	char line[512];
	size_t p;

	if (cur == NULL)
		snprintf(line, sizeof line, " compare %s | %s: no disagreements%s ",
		    v->coder[0] ? v->coder[0] : "?",
		    v->coder[1] ? v->coder[1] : "?",
		    v->filter ? " on this code" : "");
	else
		snprintf(line, sizeof line, " compare A %s | B %s   disagreement "
		    "%zu of %zu: %s%s   n/p next/prev, a/b/2/0 take A/B/both/"
		    "neither ", v->coder[0], v->coder[1], v->ccur + 1, v->nsel,
		    cur->decided == COMPARE_NONE ? "open" : "decided ",
		    cur->decided == COMPARE_NONE ? "" :
		    compare_choice_name(cur->decided));
	ui_box_title(ui, r, line, true);
	if (v->cmp_hidden != NULL) {
		ui_put_plain(r->y + 2, r->x + 1, r->w - 2,
		    "the comparison is hidden:", a | A_BOLD);
		draw_wrapped(ui, r->y + 3, r->x + 1, r->w - 2, v->cmp_hidden,
		    strlen(v->cmp_hidden), r->h - 4, a);
		return;
	}
	if (ui->ndocs == 0 || ui->cur >= ui->ndocs)
		return;
	compare_paras(ui);
	tw = (r->w - 6) * 46 / 100;
	cw = (r->w - 6 - tw - 2) / 2;
	xa = r->x + 6 + tw + 1;
	xb = xa + cw + 1;
	y = r->y + 1;
	snprintf(line, sizeof line, "%s (paragraphs)", "");
	ui_fill(y, r->x, r->w, dim | A_UNDERLINE);
	ui_put_text(ui, y, r->x + 6, tw, ui->docs[ui->cur].name,
	    dim | A_UNDERLINE | A_BOLD);
	snprintf(line, sizeof line, "A %s", v->coder[0] ? v->coder[0] : "?");
	ui_put_text(ui, y, xa, cw, line, dim | A_UNDERLINE | A_BOLD);
	snprintf(line, sizeof line, "B %s", v->coder[1] ? v->coder[1] : "?");
	ui_put_text(ui, y, xb, cw, line, dim | A_UNDERLINE | A_BOLD);
	y++;
	/* keep the current disagreement's paragraph in sight */
	if (v->follow && cur != NULL && cur->doc == ui->docs[ui->cur].id) {
		size_t cp = (size_t)cur->para;

		if (cp < v->ctop || cp > v->ctop + (size_t)(bottom - y) / 2)
			v->ctop = cp > 1 ? cp - 1 : 0;
	}
	v->follow = false;	/* j and k scroll freely until the next jump */
	if (v->ctop >= v->nparas)
		v->ctop = v->nparas ? v->nparas - 1 : 0;
	for (p = v->ctop; p < v->nparas && y < bottom; p++) {
		const struct vpara *pp = &v->paras[p];
		int64_t ca[CMP_MAXCODES], cb[CMP_MAXCODES];
		size_t na = codes_in(ui, v->coder_id[0], pp->cs, pp->ce, ca,
		    CMP_MAXCODES);
		size_t nb = codes_in(ui, v->coder_id[1], pp->cs, pp->ce, cb,
		    CMP_MAXCODES);
		int h = (int)(na > nb ? na : nb), lines;
		char num[32];

		if (pp->be == pp->bs && na == 0 && nb == 0)
			continue;	/* an empty line */
		if (h < 1)
			h = 1;
		if (h > bottom - y)
			h = bottom - y;
		snprintf(num, sizeof num, "%4zu ", p + 1);
		ui_put_plain(y, r->x, 6, num, dim);
		lines = draw_wrapped(ui, y, r->x + 6, tw, ui->text + pp->bs,
		    pp->be - pp->bs,
		    h < 2 ? 2 : h, na || nb ? a : dim);
		if (lines > h && lines <= bottom - y)
			h = lines;
		draw_codes(ui, y, xa, cw, ca, na < (size_t)h ? na : (size_t)h, p, 0);
		draw_codes(ui, y, xb, cw, cb, nb < (size_t)h ? nb : (size_t)h, p, 1);
		y += h;
		if (y < bottom)
			ui_put_plain(y++, r->x + 6, r->w - 6, "", a);
	}
}

static void
take_note_done(struct ui *ui, const char *note)
{
	struct views *v = V(ui);
	const struct compare_item *c = cmp_cur(v);

	if (c == NULL)
		return;
	if (!ui_check(ui, compare_decide(ui->p, v->coder[0], v->coder[1],
	    c->doc, c->para, c->node, (enum compare_choice)v->take,
	    note && *note ? note : NULL)))
		return;
	v->cmp_stale = true;
	ui_sync(ui);	/* views_sync lists them again when codings changed */
	if (v->cmp_stale)	/* a decision that changed no coding */
		compare_update(ui);
	compare_status(ui);
}

static void
take(struct ui *ui, enum compare_choice choice)
{
	struct views *v = V(ui);
	static const char *const what[] = {"A's coding", "B's coding",
	    "both codings", "neither coding"};
	char title[128];

	if (ui->view != VIEW_COMPARE) {
		ui_err(ui, "only in the compare view (X)");
		return;
	}
	if (cmp_cur(v) == NULL) {
		ui_err(ui, "no disagreement here; n goes to the next");
		return;
	}
	v->take = (int)choice;
	snprintf(title, sizeof title, "take %s into the consensus; note "
	    "(Enter: none)", what[choice]);
	prompt_open(ui, title, "", take_note_done);
}

/* ---- paradigm model and saturation ---- */

static void
an_update(struct ui *ui)
{
	struct views *v = V(ui);

	an_clear(v);
	if (!ui_check(ui, an_load(ui->p, &v->an)))
		return;
	v->an_loaded = true;
	an_paradigm(&v->an, v->with_codes, &v->m);
	an_saturation(&v->an, 0, &v->sat);
	v->an_stale = false;
	ui_dirty(ui, DIRTY_VIEW);
}

static int
role_attr(struct ui *ui, enum paradigm_role r)
{
	static const enum theme_elem e[] = {TH_NORMAL, TH_ROLE_CENTRAL,
	    TH_ROLE_CAUSAL, TH_ROLE_CONTEXTUAL, TH_ROLE_INTERVENING,
	    TH_ROLE_STRATEGIES, TH_ROLE_CONSEQUENCES};

	return ui_attr(ui, (size_t)r < AX_ARRAY_LEN(e) ? e[r] : TH_NORMAL);
}

static void
hrule(int y, int x, int w, const char *s, int attr)
{
	int i;

	for (i = 0; i < w; i++)
		ui_put_plain(y, x + i, 1, s, attr);
}

static void
draw_box(struct ui *ui, int oy, int ox, const struct an_lbox *b,
    const struct an_pslot *slot)
{
	int a = role_attr(ui, b->role), n = ui_attr(ui, TH_NORMAL);
	int y = oy + b->y, x = ox + b->x, i;
	size_t k;
	char title[160];

	ui_put_plain(y, x, 1, "\u250c", a);
	hrule(y, x + 1, b->w - 2, "\u2500", a);
	ui_put_plain(y, x + b->w - 1, 1, "\u2510", a);
	for (i = 1; i < b->h - 1; i++) {
		ui_put_plain(y + i, x, 1, "\u2502", a);
		ui_fill(y + i, x + 1, b->w - 2, n);
		ui_put_plain(y + i, x + b->w - 1, 1, "\u2502", a);
	}
	ui_put_plain(y + b->h - 1, x, 1, "\u2514", a);
	hrule(y + b->h - 1, x + 1, b->w - 2, "\u2500", a);
	ui_put_plain(y + b->h - 1, x + b->w - 1, 1, "\u2518", a);
	/* the title is the box's first inner line, then its lines */
	snprintf(title, sizeof title, "%s%s", paradigm_role_title(b->role),
	    slot->nlines == 0 ? " \u2014" : "");	/* no category */
	ui_put_plain(y + 1, x + 1, b->w - 2, title, a | A_BOLD);
	for (k = 0; k < b->nshown && k < slot->nlines &&
	    (int)k < b->h - 3; k++) {
		const struct an_pline *l = &slot->lines[k];
		int ind = l->level * 2, ly = y + 2 + (int)k;
		int la = l->is_code ? ui_attr(ui, TH_CODE) :
		    (int)(ui_attr(ui, TH_CATEGORY) | (l->level == 0 ? A_BOLD : 0));
		int tw, room;

		if (ind > b->w / 3)
			ind = b->w / 3;
		tw = ui_text_width(l->text);
		room = b->w - 2 - ind;
		/* right-to-left names right-aligned, indented from the right */
		if (an_text_rtl(l->text) && tw < room)
			ui_put_text(ui, ly, x + b->w - 1 - ind - tw, tw, l->text, la);
		else
			ui_put_text(ui, ly, x + 1 + ind, room, l->text, la);
	}
	if (b->more > 0) {
		int ly = y + 2 + (int)k;

		snprintf(title, sizeof title, "+%zu more", b->more);
		if (ly >= y + b->h - 1)
			ly = y + b->h - 1;	/* on the border */
		ui_put_plain(ly, x + b->w - 2 - (int)strlen(title),
		    (int)strlen(title), title, a);
	}
}

static void
draw_arrow(struct ui *ui, int oy, int ox, const struct an_larrow *ar,
    const struct an_layout *l)
{
	int a = ui_attr(ui, TH_BORDER) | A_BOLD, i, from, to;
	const char *head;
	bool vertical = ar->x1 == ar->x2 && ar->y1 != ar->y2;

	if (ar->x1 == ar->x2 && ar->y1 == ar->y2) {
		/* one cell: point at the target box */
		for (i = 0; i < 6 && l->box[i].role != ar->to; i++)
			;
		if (i < 6 && (l->box[i].y > ar->y2 ||
		    l->box[i].y + l->box[i].h <= ar->y2)) {
			ui_put_plain(oy + ar->y2, ox + ar->x2, 1,
			    l->box[i].y > ar->y2 ? "\u25bc" : "\u25b2", a);
			return;
		}
	}
	if (!vertical) {
		from = ar->x1 < ar->x2 ? ar->x1 : ar->x2;
		to = ar->x1 < ar->x2 ? ar->x2 : ar->x1;
		for (i = from; i <= to; i++)
			ui_put_plain(oy + ar->y1, ox + i, 1, "\u2500", a);
		head = ar->x2 >= ar->x1 ? "\u25b6" : "\u25c0";
	} else {
		from = ar->y1 < ar->y2 ? ar->y1 : ar->y2;
		to = ar->y1 < ar->y2 ? ar->y2 : ar->y1;
		for (i = from; i <= to; i++)
			ui_put_plain(oy + i, ox + ar->x1, 1, "\u2502", a);
		head = ar->y2 >= ar->y1 ? "\u25bc" : "\u25b2";
	}
	ui_put_plain(oy + ar->y2, ox + ar->x2, 1, head, a);
}

static void
draw_paradigm(struct ui *ui, const struct rect *r)
{
	struct views *v = V(ui);
	struct an_layout l;
	size_t i, k;
	int y;

	ui_box_title(ui, r, " paradigm model   c codes on/off, s saturation "
	    "chart, Esc back ", true);
	for (y = r->y + 1; y < r->y + r->h; y++)
		ui_fill(y, r->x, r->w, ui_attr(ui, TH_NORMAL));
	if (!v->an_loaded)
		return;
	an_paradigm_layout(&v->m, r->w, r->h - 1, &l);
	if (!l.fits) {
		ui_put_plain(r->y + 2, r->x + 1, r->w - 2, "the paradigm model "
		    "does not fit: enlarge the terminal", ui_attr(ui, TH_WARNING));
		return;
	}
	for (i = 0; i < 6; i++) {
		for (k = 0; k < 6 && v->m.slot[k].role != l.box[i].role; k++)
			;
		draw_box(ui, r->y + 1, r->x, &l.box[i], &v->m.slot[k < 6 ? k : i]);
	}
	for (i = 0; i < l.narrows; i++)
		draw_arrow(ui, r->y + 1, r->x, &l.arrow[i], &l);
}

static void
draw_saturation(struct ui *ui, const struct rect *r)
{
	struct views *v = V(ui);
	const struct an_saturation *s = &v->sat;
	int a = ui_attr(ui, TH_NORMAL), dim = ui_attr(ui, TH_DIM);
	int y = r->y + 1, lw = 28, bw, h;
	int64_t max = 1;
	char line[256];
	size_t i;

	ui_box_title(ui, r, " saturation: new codes per interview (all "
	    "coders), in interview order   s the model, Esc back ", true);
	for (i = 1; i < (size_t)r->h; i++)
		ui_fill(r->y + (int)i, r->x, r->w, a);
	if (!v->an_loaded)
		return;
	if (s->point > 0)
		snprintf(line, sizeof line, "saturation reached at interview "
		    "%lld (%lld confirming interviews after it); %lld codes in "
		    "all", (long long)s->point, (long long)s->confirming,
		    (long long)s->ncodes);
	else
		snprintf(line, sizeof line, "saturation not reached; %lld codes "
		    "in all", (long long)s->ncodes);
	ui_put_plain(y++, r->x + 1, r->w - 2, line, a | A_BOLD);
	ui_put_plain(y++, r->x + 1, r->w - 2, "  #  interview                "
	    "  new codes (cumulative)", dim | A_UNDERLINE);
	for (i = 0; i < s->nrows; i++)
		if (s->rows[i].nnew > max)
			max = s->rows[i].nnew;
	bw = r->w - lw - 40;
	if (bw < 4)
		bw = 4;
	h = r->y + r->h - y;
	if (h > 0 && v->ptop + (size_t)h > s->nrows)
		v->ptop = s->nrows > (size_t)h ? s->nrows - (size_t)h : 0;
	for (i = v->ptop; i < s->nrows && y < r->y + r->h; i++, y++) {
		const struct an_sat_row *row = &s->rows[i];
		int len = (int)(row->nnew * bw / max), x = r->x + 1, j;
		bool point = s->point > 0 && i == s->point_row;

		snprintf(line, sizeof line, "%3zu  ", i + 1);
		x += ui_put_plain(y, x, 5, line, point ? (int)(a | A_BOLD) : dim);
		ui_put_text(ui, y, x, lw - 7, row->doc < v->an.ndocs ?
		    v->an.docs[row->doc].name : "?", row->coded ? a : dim);
		x = r->x + lw;
		for (j = 0; j < len; j++)
			ui_put_plain(y, x + j, 1, "\u2588",
			    point ? ui_attr(ui, TH_WARNING) : ui_attr(ui,
			    TH_ROLE_CENTRAL));
		x += len + 1;
		if (row->coded)
			snprintf(line, sizeof line, "%lld (%lld)%s",
			    (long long)row->nnew, (long long)row->cumulative,
			    point ? "  \u25c0 saturation point" : "");
		else
			snprintf(line, sizeof line, "not coded");
		ui_put_plain(y, x, r->x + r->w - x - 1, line,
		    point ? (int)(ui_attr(ui, TH_WARNING) | A_BOLD) : a);
	}
}

/* ---- the pane ---- */

static void
view_draw(struct ui *ui, const struct rect *r, bool focused)
{
	int y;

	(void)focused;
	for (y = r->y; y < r->y + r->h; y++)
		ui_fill(y, r->x, r->w, ui_attr(ui, TH_NORMAL));
	switch (ui->view) {
	case VIEW_AGREE: draw_agree(ui, r); break;
	case VIEW_COMPARE: draw_compare(ui, r); break;
	case VIEW_PARADIGM:
		if (V(ui)->saturation)
			draw_saturation(ui, r);
		else
			draw_paradigm(ui, r);
		break;
	default: break;
	}
}

const struct pane_ops pane_view_ops = {
	.name = "view",
	.scope = SCOPE_VIEW,
	.draw = view_draw,
};

static void
open_view(struct ui *ui, int view)
{
	struct views *v = V(ui);

	v->pending = VIEW_NONE;
	/* blind coding: the view shows why, without asking for coders */
	if (view != VIEW_PARADIGM && blind_check_figures(ui->p) == AX_OK &&
	    !ensure_coders(ui, view))
		return;
	ui->view = view;
	switch (view) {
	case VIEW_AGREE:
		if (v->ap != NULL)
			v->agree_stale = true;
		agree_update(ui);
		break;
	case VIEW_COMPARE:
		if (!v->cmp_listed || v->cmp_stale)
			compare_update(ui);
		if (cmp_cur(v) == NULL && v->nsel > 0) {
			int64_t *order = xcalloc(ui->ndocs + 1, sizeof *order);
			size_t d, i;

			for (d = 0; d < ui->ndocs; d++)
				order[d] = ui->docs[d].id;
			i = vm_compare_from(v->items, v->nitems, order, ui->ndocs,
			    ui->cur < ui->ndocs ? ui->docs[ui->cur].id : 0,
			    (int64_t)ui->vt.cursor);
			free(order);
			for (v->ccur = 0; v->ccur < v->nsel &&
			    v->sel[v->ccur] < i; v->ccur++)
				;
			if (v->ccur == v->nsel)
				v->ccur = 0;
		}
		compare_goto(ui);
		break;
	case VIEW_PARADIGM:
		if (!v->an_loaded || v->an_stale)
			an_update(ui);
		break;
	}
	ui_dirty(ui, DIRTY_ALL | DIRTY_LAYOUT);
}

void
view_toggle(struct ui *ui, int view)
{
	if (ui->view == view) {
		view_act_close(ui);
		return;
	}
	open_view(ui, view);
}

void
views_sync(struct ui *ui)
{
	struct views *v = ui->views;

	if (v == NULL)
		return;
	v->agree_stale = v->cmp_stale = v->an_stale = true;
	/* only the view on screen recomputes now; the others when opened */
	switch (ui->view) {
	case VIEW_AGREE: agree_update(ui); break;
	case VIEW_COMPARE: compare_update(ui); break;
	case VIEW_PARADIGM: an_update(ui); break;
	default: break;
	}
}

/* ---- actions ---- */

void view_act_agree(struct ui *ui) { view_toggle(ui, VIEW_AGREE); }
void
view_act_compare(struct ui *ui)
{
	struct views *v = V(ui);

	if (ui->view != VIEW_COMPARE && v->filter != 0) {
		v->filter = 0;	/* X: every code's disagreements */
		v->cmp_stale = true;
	}
	view_toggle(ui, VIEW_COMPARE);
}
void view_act_paradigm(struct ui *ui) { view_toggle(ui, VIEW_PARADIGM); }

void
view_act_close(struct ui *ui)
{
	ui->view = VIEW_NONE;
	ui_dirty(ui, DIRTY_ALL | DIRTY_LAYOUT);
}

/* Moves the current row of the view by delta (clamped). */
static void
view_move(struct ui *ui, long delta)
{
	struct views *v = V(ui);
	size_t *cur, n;

	switch (ui->view) {
	case VIEW_AGREE: cur = &v->acur; n = v->nrows; break;
	case VIEW_COMPARE: cur = &v->ctop; n = v->nparas; break;
	case VIEW_PARADIGM: cur = &v->ptop; n = v->sat.nrows; break;
	default: return;
	}
	if (n == 0)
		return;
	if (delta < 0 && (size_t)-delta > *cur)
		*cur = 0;
	else if (delta > 0 && *cur + (size_t)delta >= n)
		*cur = n - 1;
	else
		*cur = (size_t)((long)*cur + delta);
	ui_dirty(ui, DIRTY_VIEW);
}

static long
page(struct ui *ui)
{
	long h = ui->rect[PANE_VIEW].h - 8;

	return h > 1 ? h : 1;
}

void view_act_down(struct ui *ui) { view_move(ui, 1); }
void view_act_up(struct ui *ui) { view_move(ui, -1); }
void view_act_pgdn(struct ui *ui) { view_move(ui, page(ui)); }
void view_act_pgup(struct ui *ui) { view_move(ui, -page(ui)); }
void view_act_top(struct ui *ui) { view_move(ui, -(long)1e9); }
void view_act_bottom(struct ui *ui) { view_move(ui, (long)1e9); }

void
view_act_enter(struct ui *ui)
{
	struct views *v = V(ui);

	if (ui->view == VIEW_PARADIGM) {
		view_act_codes(ui);
		return;
	}
	if (ui->view != VIEW_AGREE || v->acur >= v->nrows || v->ap == NULL)
		return;
	v->filter = agree_project_code_id(v->ap, v->rows[v->acur].code);
	v->cmp_stale = true;
	v->ccur = (size_t)-1;
	open_view(ui, VIEW_COMPARE);
	if (v->nsel > 0 && cmp_cur(v) == NULL) {
		v->ccur = 0;
		compare_goto(ui);
	}
}

static void
step(struct ui *ui, int dir)
{
	struct views *v = V(ui);

	if (ui->view != VIEW_COMPARE) {
		ui_err(ui, "only in the compare view (X)");
		return;
	}
	if (v->nsel == 0) {
		compare_status(ui);
		return;
	}
	if (v->ccur >= v->nsel)
		v->ccur = dir > 0 ? 0 : v->nsel - 1;
	else
		v->ccur = (v->ccur + v->nsel + (size_t)(long)dir) % v->nsel;
	compare_goto(ui);
}

void view_act_next(struct ui *ui) { step(ui, 1); }
void view_act_prev(struct ui *ui) { step(ui, -1); }
void view_act_take_a(struct ui *ui) { take(ui, COMPARE_A); }
void view_act_take_b(struct ui *ui) { take(ui, COMPARE_B); }
void view_act_take_both(struct ui *ui) { take(ui, COMPARE_BOTH); }
void view_act_take_neither(struct ui *ui) { take(ui, COMPARE_NEITHER); }

void
view_act_codes(struct ui *ui)
{
	struct views *v = V(ui);

	if (ui->view != VIEW_PARADIGM) {
		ui_err(ui, "only in the paradigm view (T)");
		return;
	}
	v->with_codes = !v->with_codes;
	v->saturation = false;
	if (!v->an_loaded || v->an_stale) {
		an_update(ui);
		return;
	}
	an_paradigm_done(&v->m);	/* the loaded project is still current */
	an_paradigm(&v->an, v->with_codes, &v->m);
	ui_dirty(ui, DIRTY_VIEW);
}

void
view_act_saturation(struct ui *ui)
{
	struct views *v = V(ui);

	if (ui->view != VIEW_PARADIGM) {
		ui_err(ui, "only in the paradigm view (T)");
		return;
	}
	v->saturation = !v->saturation;
	ui_dirty(ui, DIRTY_VIEW);
}

void
view_act_coders(struct ui *ui)
{
	struct views *v = V(ui);

	if (ui->view != VIEW_AGREE && ui->view != VIEW_COMPARE) {
		ui_err(ui, "only in the agreement and compare views");
		return;
	}
	v->pending = ui->view;
	v->filter = 0;
	ask_coders(ui);
}
