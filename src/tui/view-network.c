/*
 * view-network.c: the network view (V). One code or category, the centre,
 * in the middle; the links coming into it on one side, those going out of
 * it on the other, each drawn with its type, and the undirected ones in a
 * group of their own below; a right-to-left layout mirrors it as it does
 * every pane (ui_mirror), incoming on the right. j and k choose a link, l
 * (Right) makes its other end the centre and Backspace (h, Left) goes
 * back; Enter opens the link's card, an overlay with its memo and its
 * evidence: a attaches the coding at the transcript caret, x detaches the
 * segment chosen, e edits the memo in $EDITOR, and Enter on a segment
 * closes the view and shows the segment in the transcript. A click
 * chooses a link, a double click follows it. The rows' order, the way back
 * and the lines are vm-network.c's.
 *
 * Links are made here too, from the code tree (tree-link, L), the view
 * (network-link, L) and the transcript (coding-evidence, L, which attaches
 * the coding at the caret to a link of its code): a finder picks the
 * other end, a second one the type (the paradigm model's, the project's,
 * or "new type…" named in a prompt), then a prompt takes an optional memo
 * (Tab: directed or not; Esc: no memo). The draft lives in this view's
 * state between the steps; the link, with its new type if any, is one
 * action, and a refusal (a link to itself, one already there, a part-of
 * loop) shows the store's message with nothing changed.
 *
 * Invariants: memos has nlinks entries; the view's rows (net) come from
 * links; draft.from is 0 while no link is being made.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/textin.h"
#include "base/util.h"
#include "stats/analysis.h"
#include "store/link.h"
#include "store/memo.h"
#include "tui/view-int.h"
#include "vm/vm-network.h"

/* A link being made, between the finder's and the prompts' steps. */
struct draft {
	int64_t from, to, type;
	char *newtype;		/* a type to add with the link, or NULL */
	bool undirected;
	int64_t coding;		/* coding-evidence: the coding to attach */
};

/* The view's state (views_data). */
struct network_view {
	struct vm_network net;
	struct link *links;	/* the centre's, as last read */
	size_t nlinks;
	char **memos;		/* the first line of links[i]'s memo, or NULL */
	struct link_type *types;
	size_t ntypes;
	int64_t core;		/* the core category, 0: none */
	bool fresh;		/* opened by V: start at want */
	int64_t want;		/* the tree cursor's node when V was pressed */
	struct draft draft;
};

/* Where things go in the view's rectangle: the incoming side from lx, the
 * centre from cx, the outgoing side from rx, the links' lines from ly. */
struct geom {
	int lx, sw, cx, cw, rx, ly, lh;
};

static struct geom
geom(const struct rect *r)
{
	struct geom g;

	g.cw = r->w / 4;
	if (g.cw < 14)
		g.cw = 14;
	if (g.cw > 32)
		g.cw = 32;
	g.sw = (r->w - g.cw - 4) / 2;
	g.lx = r->x + 1;
	g.cx = g.lx + g.sw + 1;
	g.rx = g.cx + g.cw + 1;
	g.ly = r->y + 2;
	g.lh = r->h - 4;	/* the title, the headers, two lines of detail */
	if (g.lh < 1)
		g.lh = 1;
	return g;
}

static struct network_view *
net(struct ui *ui)
{
	return views_data(ui, VIEW_NETWORK);
}

static void *
network_create(struct ui *ui)
{
	struct network_view *v = xcalloc(1, sizeof *v);

	(void)ui;
	vm_net_init(&v->net);
	return v;
}

static void
links_clear(struct network_view *v)
{
	size_t i;

	for (i = 0; i < v->nlinks; i++)
		free(v->memos[i]);
	free(v->memos);
	link_list_free(v->links, v->nlinks);
	v->memos = NULL;
	v->links = NULL;
	v->nlinks = 0;
}

static void
draft_clear(struct draft *d)
{
	free(d->newtype);
	memset(d, 0, sizeof *d);
}

static void
network_free(void *data)
{
	struct network_view *v = data;

	links_clear(v);
	link_type_list_free(v->types, v->ntypes);
	vm_net_done(&v->net);
	draft_clear(&v->draft);
	free(v);
}

static bool
types_load(struct ui *ui, struct network_view *v)
{
	link_type_list_free(v->types, v->ntypes);
	v->types = NULL;
	v->ntypes = 0;
	return ui_check(ui, link_type_list(ui->p, &v->types, &v->ntypes));
}

/* The name of link type id as shown (a built-in's translated). */
static const char *
type_name(const struct network_view *v, int64_t id)
{
	size_t i;

	for (i = 0; i < v->ntypes; i++)
		if (v->types[i].id == id)
			return v->types[i].name;
	return "?";
}

/* "«A» causes «B»", and "(undirected)" after it when it is; the caller
 * frees it. */
static char *
relation(struct ui *ui, int64_t from, int64_t to, const char *type,
    bool directed)
{
	return xasprintf(directed ? _("«%s» %s «%s»") :
	    _("«%s» %s «%s» (undirected)"), ui_node_name(ui, from), type,
	    ui_node_name(ui, to));
}

static const struct link *
link_of(const struct network_view *v, int64_t id, size_t *at)
{
	size_t i;

	for (i = 0; i < v->nlinks; i++)
		if (v->links[i].id == id) {
			if (at != NULL)
				*at = i;
			return &v->links[i];
		}
	return NULL;
}

/* Reads the links of centre (0: none) and the types; the chosen link
 * stays chosen while the centre does. */
static void
network_load(struct ui *ui, struct network_view *v, int64_t centre)
{
	const char **names;
	size_t i;

	links_clear(v);
	if (!types_load(ui, v) || (centre != 0 &&
	    !ui_check(ui, link_list(ui->p, centre, &v->links, &v->nlinks)))) {
		v->links = NULL;
		v->nlinks = 0;
	}
	v->memos = xcalloc(v->nlinks + 1, sizeof *v->memos);
	names = xcalloc(v->nlinks + 1, sizeof *names);
	for (i = 0; i < v->nlinks; i++) {
		const struct link *l = &v->links[i];
		struct memo m;

		names[i] = ui_node_name(ui, l->from == centre ? l->to : l->from);
		if (l->memo != 0 && memo_get(ui->p, l->memo, &m) == AX_OK) {
			v->memos[i] = xstrndup(m.body, strcspn(m.body, "\n"));
			memo_done(&m);
		}
	}
	vm_net_set(&v->net, centre, v->links, names, v->nlinks);
	free(names);
	if (link_core_get(ui->p, &v->core) != AX_OK)
		v->core = 0;
	ui_dirty(ui, DIRTY_VIEW);
}

/* ---- drawing ---- */

/*
 * One link on its side, w columns from x: the other end's name and the
 * connector with the type on it, against the centre, pointing at it
 * (incoming), away from it (outgoing, on the other side) or neither
 * (undirected).
 */
static void
draw_row(struct ui *ui, const struct network_view *v,
    const struct vm_net_row *row, int y, int x, int w, bool cur)
{
	const struct node *nd = ui_node(ui, row->other);
	const char *name = ui_node_name(ui, row->other);
	const char *label = type_name(v, row->type);
	bool out = row->group == VM_NET_OUT;
	int a = ui_attr(ui, cur ? TH_CURSOR_ROW : TH_NORMAL);
	int ca = cur ? a : ui_attr(ui, TH_BORDER);
	int na = cur ? (int)(a | A_BOLD) : ui_attr(ui, nd != NULL &&
	    nd->kind == NODE_CATEGORY ? TH_CATEGORY : TH_CODE);
	int cwid = ui_text_width(label) + 3, nw, cx, nx, tw;

	if (cwid > w * 3 / 5)
		cwid = w * 3 / 5;
	if (cwid < 4)
		cwid = 4;
	nw = w - cwid - 1;
	cx = out ? x : x + w - cwid;
	nx = out ? x + cwid + 1 : x;
	if (cur)
		ui_fill(y, x, w, a);
	views_rule(y, cx, cwid, "\u2500", ca);
	views_put_cut(ui, y, cx + 1, cwid - 3, label, ca, an_text_rtl(label),
	    false);
	if (row->group != VM_NET_UNDIRECTED)
		ui_put_plain(y, cx + cwid - 1, 1, views_glyph(ui, "\u25b6"), ca);
	/* the name against its end of the connector */
	tw = ui_text_width(name);
	if (tw <= nw)
		ui_put_text(ui, y, out ? nx : nx + nw - tw, tw, name, na);
	else
		views_put_cut(ui, y, nx, nw, name, na, an_text_rtl(name), false);
}

/* The centre's box: its name, what it is, whether it is the core. */
static void
draw_centre(struct ui *ui, const struct network_view *v, const struct node *nd,
    const struct geom *g)
{
	int h = g->lh < 5 ? g->lh : 5, a = ui_attr(ui, TH_BORDER) | A_BOLD;
	int na = ui_attr(ui, nd->kind == NODE_CATEGORY ? TH_CATEGORY : TH_CODE);
	char what[160];

	if (h < 3) {
		views_put_cut(ui, g->ly, g->cx, g->cw, nd->name, na | A_BOLD,
		    an_text_rtl(nd->name), false);
		return;
	}
	views_box(ui, g->ly, g->cx, h, g->cw, a);
	views_wrapped(ui, g->ly + 1, g->cx + 1, g->cw - 2, nd->name,
	    strlen(nd->name), h > 3 ? h - 3 : 1, na | A_BOLD);
	if (h < 4)
		return;
	snprintf(what, sizeof what, "%s%s", nd->kind == NODE_CATEGORY ?
	    _("category") : _("code"), nd->id == v->core ?
	    _(", core category") : "");
	views_put_cut(ui, g->ly + h - 2, g->cx + 1, g->cw - 2, what,
	    ui_attr(ui, TH_DIM), i18n_rtl(), true);
}

/* The chosen link in full under the lines: its relation, evidence and
 * memo. */
static void
draw_detail(struct ui *ui, const struct network_view *v, const struct rect *r)
{
	const struct vm_net_row *row = vm_net_current(&v->net);
	int y = r->y + r->h - 2, x = r->x + 1, w = r->w - 2, used;
	int a = ui_attr(ui, TH_NORMAL), dim = ui_attr(ui, TH_DIM);
	char label[128], *rel;
	size_t at = 0;
	const struct link *l = row != NULL ? link_of(v, row->link, &at) : NULL;

	if (l == NULL)
		return;
	snprintf(label, sizeof label, "#%lld ", (long long)l->id);
	used = ui_put_plain(y, x, w, label, dim);
	rel = relation(ui, l->from, l->to, type_name(v, l->type), l->directed);
	ui_put_text(ui, y, x + used, w - used, rel, a | A_BOLD);
	free(rel);
	snprintf(label, sizeof label, ngettext("%zu segment of evidence",
	    "%zu segments of evidence", l->nevidence), l->nevidence);
	used = ui_put_plain(y + 1, x, w, label, dim);
	if (v->memos[at] != NULL) {
		used += ui_put_plain(y + 1, x + used, w - used, _(", memo: "), dim);
		ui_put_text(ui, y + 1, x + used, w - used, v->memos[at], a);
	} else
		ui_put_plain(y + 1, x + used, w - used, _(", no memo"), dim);
}

static void
network_draw(struct ui *ui, void *data, const struct rect *r, bool focused)
{
	struct network_view *v = data;
	const struct node *nd = ui_node(ui, v->net.centre);
	struct geom g = geom(r);
	int hd = ui_attr(ui, TH_DIM) | A_UNDERLINE, i;
	size_t nin = v->net.n[VM_NET_IN], nout = v->net.n[VM_NET_OUT];
	size_t und = v->net.n[VM_NET_UNDIRECTED];
	char line[160];

	(void)focused;
	ui_box_title(ui, r, _(" network   j/k a link, l follows it, Backspace "
	    "back, Enter memo and evidence, L new link, Esc back "), true);
	if (v->net.centre == 0 || nd == NULL) {
		ui_put_plain(g.ly, g.lx, r->w - 2, v->net.centre == 0 ?
		    _("no code or category to show: put the tree cursor on one "
		    "and press V") : _("this code or category is gone; "
		    "Backspace goes back"), ui_attr(ui, TH_WARNING));
		return;
	}
	snprintf(line, sizeof line, _("incoming (%zu)"), nin);
	ui_put_plain(r->y + 1, g.lx, g.sw, line, hd);
	snprintf(line, sizeof line, _("outgoing (%zu)"), nout);
	ui_put_plain(r->y + 1, g.rx, g.sw, line, hd);
	draw_centre(ui, v, nd, &g);
	if (v->net.nrows == 0) {
		const char *none = _("no links yet: L links it to another code "
		    "or category");

		views_wrapped(ui, g.ly, g.lx, g.sw, none, strlen(none), 3,
		    ui_attr(ui, TH_DIM));
		return;
	}
	vm_net_scroll(&v->net, (size_t)g.lh);
	for (i = 0; i < g.lh; i++) {
		size_t ln = v->net.top + (size_t)i, left, right;

		if (ln >= vm_net_lines(&v->net))
			break;
		if (und > 0 && ln + 1 == vm_net_line(&v->net, nin + nout)) {
			snprintf(line, sizeof line, _("undirected (%zu)"), und);
			ui_put_plain(g.ly + i, g.lx, g.sw, line, hd);
			continue;
		}
		left = vm_net_at(&v->net, ln, false);
		right = vm_net_at(&v->net, ln, true);
		if (left != SIZE_MAX)
			draw_row(ui, v, &v->net.rows[left], g.ly + i, g.lx, g.sw,
			    left == v->net.cur);
		if (right != SIZE_MAX && right != left)
			draw_row(ui, v, &v->net.rows[right], g.ly + i, g.rx, g.sw,
			    right == v->net.cur);
	}
	draw_detail(ui, v, r);
}

/* ---- moving about ---- */

static bool
in_network(struct ui *ui)
{
	if (ui->view == VIEW_NETWORK)
		return true;
	ui_err(ui, "%s", _("only in the network view (V)"));
	return false;
}

static void
follow(struct ui *ui, struct network_view *v)
{
	int64_t to;

	if (!vm_net_follow(&v->net, &to)) {
		ui_err(ui, "%s", _("no link to follow: L makes one"));
		return;
	}
	network_load(ui, v, to);
	ui_msg(ui, _("%s in the middle (Backspace goes back)"),
	    ui_node_name(ui, to));
}

void
view_act_follow(struct ui *ui)
{
	if (ui->view == VIEW_MATRIX) {	/* the same keys go across there */
		view_matrix_across(ui, 1);
		return;
	}
	if (in_network(ui))
		follow(ui, net(ui));
}

void
view_act_back(struct ui *ui)
{
	struct network_view *v;
	int64_t centre, link;

	if (ui->view == VIEW_MATRIX) {
		view_matrix_across(ui, -1);
		return;
	}
	if (!in_network(ui))
		return;
	v = net(ui);
	if (!vm_net_back(&v->net, &centre, &link)) {
		ui_err(ui, "%s", _("no code or category to go back to"));
		return;
	}
	network_load(ui, v, centre);
	(void)vm_net_goto_link(&v->net, link);
	ui_msg(ui, _("back to %s"), ui_node_name(ui, centre));
}

void
view_act_network(struct ui *ui)
{
	struct network_view *v = net(ui);
	const struct node *n = vmtree_current(&ui->tree);

	if (ui->view != VIEW_NETWORK) {
		v->fresh = true;
		v->want = n != NULL ? n->id : 0;
	}
	view_toggle(ui, VIEW_NETWORK);
}

static void
network_focus(struct ui *ui, void *data, bool on)
{
	struct network_view *v = data;

	if (!on)
		return;
	if (v->fresh) {
		v->fresh = false;
		vm_net_forget(&v->net);
		network_load(ui, v, v->want);
	} else
		network_load(ui, v, v->net.centre);
}

static void
network_sync(struct ui *ui, void *data, enum ui_sync what)
{
	struct network_view *v = data;

	/* read again when shown: focus reads whatever went stale meanwhile */
	switch (what) {
	case UI_SYNC_CHANGED:	/* codes renamed, moved or gone */
	case UI_SYNC_DECISION:	/* links, their memos, the core category */
	case UI_SYNC_WHO:
	case UI_SYNC_BLIND:
		network_load(ui, v, v->net.centre);
		break;
	case UI_SYNC_STALE:
	case UI_SYNC_IDLE:
	case UI_SYNC_DOC:
	case UI_SYNC_CODERS:
		break;
	}
}

static size_t *
network_cursor(void *data, size_t *n)
{
	struct network_view *v = data;

	*n = v->net.nrows;
	return &v->net.cur;
}

/* A click chooses the link on its row, a double click follows it. */
static int
network_mouse(struct ui *ui, void *data, const struct rect *r, int y, int x,
    int ev)
{
	struct network_view *v = data;
	struct geom g = geom(r);
	size_t i;

	if (ev == UI_MOUSE_WHEEL_UP || ev == UI_MOUSE_WHEEL_DOWN) {
		if (ev == UI_MOUSE_WHEEL_UP)
			view_act_up(ui);
		else
			view_act_down(ui);
		return 0;
	}
	if ((ev != UI_MOUSE_PRESS && ev != UI_MOUSE_DOUBLE) ||
	    y < g.ly - r->y || y >= g.ly - r->y + g.lh)
		return 0;
	x += r->x;
	if (x >= g.cx && x < g.cx + g.cw)	/* the centre */
		return 0;
	i = vm_net_at(&v->net, v->net.top + (size_t)(y - (g.ly - r->y)),
	    x >= g.rx);
	if (i == SIZE_MAX)
		return 0;
	v->net.cur = i;
	ui_dirty(ui, DIRTY_VIEW);
	if (ev == UI_MOUSE_DOUBLE)
		follow(ui, v);
	return 0;
}

/* ---- the link's card: memo and evidence (an overlay) ---- */

struct ev_row {
	struct coding c;
	char *where;		/* "DOC ¶N" */
	char *quote;		/* on one line */
};

struct card {
	int64_t link;
	char *relation;
	char *memo;		/* its whole text, or NULL */
	struct ev_row *rows;
	size_t n, cur, top;
};

static void
card_clear(struct card *k)
{
	size_t i;

	for (i = 0; i < k->n; i++) {
		free(k->rows[i].where);
		free(k->rows[i].quote);
	}
	free(k->rows);
	free(k->relation);
	free(k->memo);
	k->rows = NULL;
	k->relation = k->memo = NULL;
	k->n = 0;
}

static void
card_free(void *data)
{
	card_clear(data);
	free(data);
}

/* The name of document id, or NULL when it is not shown. */
static const char *
doc_name(struct ui *ui, int64_t id)
{
	size_t i;

	for (i = 0; i < ui->ndocs; i++)
		if (ui->docs[i].id == id)
			return ui->docs[i].name;
	return NULL;
}

/* A segment's row: where it is (document, paragraph) and its text on one
 * line, from the document's text. */
static void
ev_row_fill(struct ev_row *e, const struct coding *c, const char *doc,
    const char *text, size_t len)
{
	size_t a = 0, b = 0, i;
	long para = 1;

	e->c = *c;
	if (text != NULL)
		textin_cp_span(text, len, (size_t)c->start, (size_t)c->end, &a, &b);
	for (i = 0; i < a; i++)
		para += text[i] == '\n';
	e->where = xasprintf(_("%s ¶%ld"), doc, para);
	e->quote = xstrndup(text != NULL ? text + a : "", b - a);
	for (i = 0; e->quote[i] != '\0'; i++)
		if (e->quote[i] == '\n' || e->quote[i] == '\t')
			e->quote[i] = ' ';
}

/* Reads the link, its memo and its evidence; false (with the reason
 * shown) when the link is gone. */
static bool
card_load(struct ui *ui, struct card *k)
{
	struct network_view *v = net(ui);
	struct link l;
	struct memo m;
	int64_t *ids = NULL, tdoc = 0;
	size_t nids = 0, i, tlen = 0;
	char *text = NULL;

	card_clear(k);
	if (!types_load(ui, v) || !ui_check(ui, link_get(ui->p, k->link, &l)))
		return false;
	k->relation = relation(ui, l.from, l.to, type_name(v, l.type),
	    l.directed);
	if (l.memo != 0 && memo_get(ui->p, l.memo, &m) == AX_OK) {
		k->memo = xstrdup(m.body);
		memo_done(&m);
	}
	link_done(&l);
	if (!ui_check(ui, link_evidence_list(ui->p, k->link, &ids, &nids)))
		return true;
	k->rows = xcalloc(nids + 1, sizeof *k->rows);
	for (i = 0; i < nids; i++) {
		struct coding c;
		const char *dn;

		/* a coding hidden from this coder (blind coding) is left out */
		if (coding_get(ui->p, ids[i], &c) != AX_OK ||
		    (dn = doc_name(ui, c.doc)) == NULL)
			continue;
		if (c.doc != tdoc) {
			free(text);
			tdoc = c.doc;
			if (doc_text(ui->p, tdoc, &text, &tlen) != AX_OK)
				text = NULL;
		}
		ev_row_fill(&k->rows[k->n++], &c, dn, text, tlen);
	}
	free(text);
	free(ids);
	if (k->cur >= k->n)
		k->cur = k->n > 0 ? k->n - 1 : 0;
	ui_dirty(ui, DIRTY_OVERLAY);
	return true;
}

/* After a change made from the card: follow it, and read it again. */
static void
card_changed(struct ui *ui, struct card *k, const char *msg)
{
	ui_after_action(ui);
	if (card_load(ui, k))
		ui_msg(ui, "%s", msg);
	else
		overlay_pop(ui);	/* the link went meanwhile */
}

static void
card_attach(struct ui *ui, struct card *k)
{
	const struct coding *c = ui_coding_here(ui, false);

	if (c == NULL) {
		ui_err(ui, "%s", _("no coding at the transcript's caret: put the "
		    "caret on a coded segment first"));
		return;
	}
	if (ui_check(ui, link_evidence_add(ui->p, k->link, c->id)))
		card_changed(ui, k, _("the coding at the caret is evidence of "
		    "the link now (u undoes)"));
}

static void
card_detach(struct ui *ui, struct card *k)
{
	if (k->n == 0) {
		ui_err(ui, "%s", _("no evidence to detach"));
		return;
	}
	if (ui_check(ui, link_evidence_remove(ui->p, k->link,
	    k->rows[k->cur].c.id)))
		card_changed(ui, k, _("the segment is no longer evidence of the "
		    "link (u undoes)"));
}

static void
card_memo(struct ui *ui, struct card *k)
{
	char *out = NULL, err[256];
	int rc;

	ui_suspend_curses();
	rc = editor_edit(k->memo != NULL ? k->memo : "", &out, err, sizeof err);
	ui_resume_curses(ui);
	if (rc != 0)
		ui_err(ui, "%s", err);
	else if (strcmp(out, k->memo != NULL ? k->memo : "") == 0)
		ui_msg(ui, "%s", _("memo unchanged"));
	else if (ui_check(ui, link_set_memo(ui->p, k->link, out)))
		card_changed(ui, k, out[0] != '\0' ? _("memo on the link saved") :
		    _("memo on the link removed"));
	free(out);
}

/* Enter on a segment: the view closes and the transcript shows it. */
static void
card_jump(struct ui *ui, struct card *k)
{
	struct coding c;
	char *where;

	if (k->n == 0) {
		ui_err(ui, "%s", _("no evidence yet: a attaches the coding at the "
		    "transcript's caret"));
		return;
	}
	c = k->rows[k->cur].c;
	where = xstrdup(k->rows[k->cur].where);
	overlay_pop(ui);	/* frees k */
	if (ui->view != VIEW_NONE)
		view_act_close(ui);
	ui_goto_coding(ui, &c);
	ui_msg(ui, "%s", where);
	free(where);
}

static void
card_key(struct ui *ui, void *data, int key)
{
	struct card *k = data;

	if (key == 27 || key == 7 || key == 'q') {
		overlay_pop(ui);
		return;
	}
	if (key == '\r')
		card_jump(ui, k);
	else if (key == 'a')
		card_attach(ui, k);
	else if (key == 'x' || key == (KEYMAP_FN | KEY_DC))
		card_detach(ui, k);
	else if (key == 'e')
		card_memo(ui, k);
	else if ((key == 'j' || key == (KEYMAP_FN | KEY_DOWN)) &&
	    k->cur + 1 < k->n)
		k->cur++;
	else if ((key == 'k' || key == (KEYMAP_FN | KEY_UP)) && k->cur > 0)
		k->cur--;
	ui_dirty(ui, DIRTY_OVERLAY);
}

static void
card_draw(struct ui *ui, void *data, const struct rect *scr, bool focused)
{
	struct card *k = data;
	const struct rect pr = overlay_popup_rect(scr, 10 + (int)k->n);
	int a = ui_attr(ui, TH_FINDER), t = ui_attr(ui, TH_TITLE_FOCUS);
	int x = pr.x + 1, w = pr.w - 2, y, used, list_h, i;
	char head[160], *memo;

	(void)focused;
	ui_mirror(ui, &pr);
	for (y = pr.y; y < pr.y + pr.h; y++)
		ui_fill(y, pr.x, pr.w, a);
	y = pr.y;
	ui_fill(y, pr.x, pr.w, t);
	snprintf(head, sizeof head, _(" link #%lld: "), (long long)k->link);
	used = ui_put_plain(y, x, w, head, t);
	ui_put_text(ui, y++, x + used, w - used, k->relation, t);
	if (k->memo != NULL && k->memo[0] != '\0') {
		size_t j;

		used = ui_put_plain(y, x, w, _("memo: "), a | A_BOLD);
		memo = xstrdup(k->memo);
		for (j = 0; memo[j] != '\0'; j++)
			if (memo[j] == '\n' || memo[j] == '\t')
				memo[j] = ' ';
		y += views_wrapped(ui, y, x + used, w - used, memo, strlen(memo),
		    4, a);
		free(memo);
	} else
		ui_put_plain(y++, x, w, _("no memo (e writes one)"), a | A_DIM);
	y++;
	snprintf(head, sizeof head, ngettext("evidence: %zu segment",
	    "evidence: %zu segments", k->n), k->n);
	ui_put_plain(y++, x, w, head, a | A_BOLD);
	list_h = pr.y + pr.h - 1 - y;
	if (k->cur < k->top)
		k->top = k->cur;
	if (list_h > 0 && k->cur >= k->top + (size_t)list_h)
		k->top = k->cur - (size_t)list_h + 1;
	for (i = 0; i < list_h && k->top + (size_t)i < k->n; i++, y++) {
		const struct ev_row *e = &k->rows[k->top + (size_t)i];
		int ra = ui_attr(ui, k->top + (size_t)i == k->cur ?
		    TH_FINDER_SEL : TH_FINDER);

		ui_fill(y, pr.x, pr.w, ra);
		used = ui_put_text(ui, y, x, w, e->where, ra | A_BOLD);
		ui_put_text(ui, y, x + used + 2, w - used - 2, e->quote, ra);
	}
	ui_put_plain(pr.y + pr.h - 1, x, w, _("Enter: go there  a: attach the "
	    "caret's coding  x: detach  e: memo  Esc: back"), a | A_DIM);
	ui_mirror(ui, NULL);
	curs_set(0);
}

static const struct screen_ops card_ops = {
	.name = "link",
	.draw = card_draw,
	.key = card_key,
	.free = card_free,
};

static void
network_key(struct ui *ui, void *data, int key)
{
	struct network_view *v = data;
	const struct vm_net_row *row = vm_net_current(&v->net);
	struct card *k;

	if (key == SCREEN_KEY_CHOOSE) {
		ui_err(ui, "%s", _("W chooses the coders of the agreement, "
		    "compare and test-retest views"));
		return;
	}
	if (key != SCREEN_KEY_ENTER)
		return;
	if (row == NULL) {
		ui_err(ui, "%s", _("no link here: L makes one"));
		return;
	}
	k = xcalloc(1, sizeof *k);
	k->link = row->link;
	if (!card_load(ui, k)) {
		card_free(k);
		return;
	}
	overlay_push(ui, &card_ops, k);
}

const struct screen_ops view_network_ops = {
	.name = "network",
	.scope = SCOPE_VIEW,
	.create = network_create,
	.free = network_free,
	.draw = network_draw,
	.key = network_key,
	.mouse = network_mouse,
	.focus = network_focus,
	.sync = network_sync,
	.cursor = network_cursor,
};

/* ---- making a link: the other end, the type, the memo ---- */

static char *
draft_relation(struct ui *ui, struct network_view *v)
{
	const struct draft *d = &v->draft;

	return relation(ui, d->from, d->to, d->newtype != NULL ? d->newtype :
	    type_name(v, d->type), !d->undirected);
}

static void
link_make(struct ui *ui, const char *memo)
{
	struct network_view *v = net(ui);
	struct draft *d = &v->draft;
	int64_t type = d->type, id = 0;
	enum ax_status rc;
	bool ok;
	char *rel;

	if (d->newtype != NULL) {
		/* named as link_add names its own action (the log is English) */
		char *label = xasprintf("link «%s» %s «%s»",
		    ui_node_name(ui, d->from), d->newtype, ui_node_name(ui, d->to));

		rc = project_begin(ui->p, label);
		free(label);
		if (!ui_check(ui, rc)) {
			draft_clear(d);
			return;
		}
		rc = link_type_add(ui->p, d->newtype, "", &type);
		if (rc == AX_OK)
			rc = link_add(ui->p, d->from, d->to, type, !d->undirected,
			    memo, &id);
		ok = ui_action_end(ui, rc);
	} else
		ok = ui_check(ui, link_add(ui->p, d->from, d->to, type,
		    !d->undirected, memo, &id));
	if (ok) {
		ui_after_action(ui);
		(void)types_load(ui, v);
		if (ui->view == VIEW_NETWORK)
			(void)vm_net_goto_link(&v->net, id);
		rel = relation(ui, d->from, d->to, type_name(v, type),
		    !d->undirected);
		ui_msg(ui, _("linked: %s (u undoes)"), rel);
		free(rel);
	}
	draft_clear(d);
}

static void link_memo_done(struct ui *ui, const char *memo) { link_make(ui, memo); }
static void link_memo_none(struct ui *ui) { link_make(ui, NULL); }

static void
link_memo_title(struct ui *ui)
{
	char *rel = draft_relation(ui, net(ui));
	char *title = xasprintf(_("memo on %s"), rel);

	prompt_set_title(ui, title);
	free(title);
	free(rel);
}

/* Tab in the memo's prompt: directed or not. */
static void
link_direction(struct ui *ui, int dir)
{
	struct network_view *v = net(ui);

	(void)dir;
	v->draft.undirected = !v->draft.undirected;
	link_memo_title(ui);
}

static void
link_memo_ask(struct ui *ui)
{
	prompt_open(ui, "", "", link_memo_done);
	link_memo_title(ui);
	prompt_set_tab(ui, link_direction);
	prompt_set_cancel(ui, link_memo_none);
	prompt_set_foot(ui, _("Enter: link with this memo, Esc: without one, "
	    "Tab: directed or not"));
}

static void
link_newtype_done(struct ui *ui, const char *name)
{
	struct network_view *v = net(ui);

	if (name[0] == '\0') {
		ui_msg(ui, "%s", _("cancelled"));
		draft_clear(&v->draft);
		return;
	}
	v->draft.newtype = xstrdup(name);
	link_memo_ask(ui);
}

static void
link_type_done(struct ui *ui, int64_t id, const char *q)
{
	struct network_view *v = net(ui);

	/* "new type…", or a name that matches none: ask for it */
	if (id == -1 || (id == 0 && q[0] != '\0')) {
		prompt_open(ui, _("name of the new link type"), id == 0 ? q : "",
		    link_newtype_done);
		return;
	}
	if (id <= 0) {
		ui_err(ui, "%s", _("no such link type"));
		draft_clear(&v->draft);
		return;
	}
	v->draft.type = id;
	link_memo_ask(ui);
}

static void
link_to_done(struct ui *ui, int64_t id, const char *q)
{
	struct network_view *v = net(ui);
	struct finder_item *items;
	char *title;
	size_t i;

	if (id <= 0) {
		ui_err(ui, _("no code or category matches «%s»"), q);
		draft_clear(&v->draft);
		return;
	}
	v->draft.to = id;
	if (!types_load(ui, v)) {
		draft_clear(&v->draft);
		return;
	}
	items = xcalloc(v->ntypes + 1, sizeof *items);
	for (i = 0; i < v->ntypes; i++) {
		items[i].id = v->types[i].id;
		items[i].label = xstrdup(v->types[i].name);
	}
	items[i].id = -1;
	items[i].label = xstrdup(_("new type…"));
	title = xasprintf(_("«%s» … «%s»: the type of link"),
	    ui_node_name(ui, v->draft.from), ui_node_name(ui, id));
	finder_open(ui, title, items, v->ntypes + 1, link_type_done);
	free(title);
}

static void
link_start(struct ui *ui, int64_t from)
{
	struct network_view *v = net(ui);
	struct finder_item *items;
	size_t n;
	char *title;

	if (from == 0 || ui_node(ui, from) == NULL) {
		ui_err(ui, "%s", _("no code or category to link: put the tree "
		    "cursor on one"));
		return;
	}
	draft_clear(&v->draft);
	v->draft.from = from;
	finder_nodes(ui, true, true, &items, &n);
	title = xasprintf(_("link «%s» to"), ui_node_name(ui, from));
	finder_open(ui, title, items, n, link_to_done);
	free(title);
}

void
view_act_link_tree(struct ui *ui)
{
	const struct node *n = vmtree_current(&ui->tree);

	link_start(ui, n != NULL ? n->id : 0);
}

void
view_act_link(struct ui *ui)
{
	if (in_network(ui))
		link_start(ui, net(ui)->net.centre);
}

/* ---- the coding at the caret as evidence of a link of its code ---- */

static void
evidence_done(struct ui *ui, int64_t id, const char *q)
{
	struct network_view *v = net(ui);
	int64_t coding = v->draft.coding;

	(void)q;
	draft_clear(&v->draft);
	if (id <= 0) {
		ui_err(ui, "%s", _("no such link"));
		return;
	}
	if (ui_check(ui, link_evidence_add(ui->p, id, coding))) {
		ui_after_action(ui);
		ui_msg(ui, _("coding #%lld is evidence of link #%lld now (u "
		    "undoes)"), (long long)coding, (long long)id);
	}
}

/* Whether node is `of` or a category above it. */
static bool
at_or_above(struct ui *ui, int64_t node, int64_t of)
{
	const struct node *n;
	int depth = 0;

	for (n = ui_node(ui, of); n != NULL && depth < 64;
	    n = n->parent != 0 ? ui_node(ui, n->parent) : NULL, depth++)
		if (n->id == node)
			return true;
	return false;
}

void
view_act_evidence(struct ui *ui)
{
	const struct coding *c = ui_coding_here(ui, false);
	struct network_view *v = net(ui);
	struct finder_item *items;
	struct link *l = NULL;
	size_t n = 0, i, k = 0;

	if (c == NULL) {
		ui_err(ui, "%s", _("no coding at the caret: ] goes to the next "
		    "coded segment"));
		return;
	}
	if (!types_load(ui, v) || !ui_check(ui, link_list(ui->p, 0, &l, &n)))
		return;
	items = xcalloc(n + 1, sizeof *items);
	for (i = 0; i < n; i++)
		if (at_or_above(ui, l[i].from, c->node) ||
		    at_or_above(ui, l[i].to, c->node)) {
			items[k].id = l[i].id;
			items[k++].label = relation(ui, l[i].from, l[i].to,
			    type_name(v, l[i].type), l[i].directed);
		}
	link_list_free(l, n);
	if (k == 0) {
		free(items);
		ui_err(ui, _("%s and its categories have no links: L in the code "
		    "tree makes one"), ui_node_name(ui, c->node));
		return;
	}
	draft_clear(&v->draft);
	v->draft.coding = c->id;
	finder_open(ui, _("the coding at the caret is evidence of"), items, k,
	    evidence_done);
}
