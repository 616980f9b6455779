/*
 * vm-views.c: see vm-views.h. No curses, unit-tested in test-ui-views.c.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/textin.h"
#include "base/util.h"
#include "text/text.h"
#include "vm/vm-views.h"

double
vm_round3(double v)
{
	/* as %.3f prints it: nearest, ties away from zero is close enough
	 * for the band edges, which are exact in three decimals */
	return round(v * 1000.0) / 1000.0;
}

const char *
vm_kappa_band(double kappa)
{
	long m = lround(kappa * 1000.0);	/* thousandths, as shown */

	if (m < 400)
		return N_("poor");
	if (m < 600)
		return N_("moderate");
	if (m <= 800)
		return N_("substantial");
	return N_("almost perfect");
}

int
vm_worst_cmp(const struct agree_fig *ka, const struct agree_fig *pa,
    size_t ca, const struct agree_fig *kb, const struct agree_fig *pb,
    size_t cb)
{
	bool ua = ka->why != NULL, ub = kb->why != NULL;
	double xa, xb;

	if (ua != ub)
		return ua ? 1 : -1;
	if (!ua) {
		xa = vm_round3(ka->v);
		xb = vm_round3(kb->v);
		if (xa != xb)
			return xa < xb ? -1 : 1;
	}
	xa = pa->why ? 2.0 : pa->v;
	xb = pb->why ? 2.0 : pb->v;
	if (xa != xb)
		return xa < xb ? -1 : 1;
	return ca < cb ? -1 : ca > cb;
}

static int
row_cmp(const void *x, const void *y)
{
	const struct vm_agree_row *a = x, *b = y;

	return vm_worst_cmp(&a->k.kappa, &a->k.po, a->code, &b->k.kappa,
	    &b->k.po, b->code);
}

void
vm_agree_rows(const struct agree_state *st, struct vm_agree_row **out,
    size_t *n)
{
	size_t ndocs, ncodes, ncats, i, k = 0;
	struct vm_agree_row *v;

	agree_state_size(st, &ndocs, &ncodes, &ncats);
	v = xcalloc(ncodes ? ncodes : 1, sizeof *v);
	for (i = 0; i < ncodes; i++) {
		struct agree_cells c;

		agree_state_table(st, (int64_t)i, -1, &c, NULL);
		if (c.a + c.b + c.c == 0)
			continue;	/* neither coder applied it */
		v[k].code = i;
		v[k].cells = c;
		agree_kappa_2x2(c.a, c.b, c.c, c.d, &v[k].k);
		{
			int64_t cells[4] = { c.a, c.b, c.c, c.d };

			agree_gwet_table(cells, 2, NULL, &v[k].ac1);
			v[k].prev = (double)(2 * c.a + c.b + c.c) /
			    (2 * (double)(c.a + c.b + c.c + c.d));
		}
		k++;
	}
	qsort(v, k, sizeof *v, row_cmp);
	*out = v;
	*n = k;
}

static bool
is_pass(const char *login)
{
	return strcmp(login, CONSENSUS_CODER) == 0 || retest_is_pass(login);
}

bool
vm_pick_coders(const struct vm_coder_count *c, size_t n, size_t *a,
    size_t *b)
{
	size_t i, found = 0, who[2] = {0, 0};

	for (i = 0; i < n; i++) {
		if (c[i].n <= 0 || is_pass(c[i].login))
			continue;
		if (found < 2)
			who[found] = i;
		found++;
	}
	if (found != 2)
		return false;
	*a = who[0];
	*b = who[1];
	return true;
}

size_t
vm_compare_from(const struct compare_item *items, size_t n,
    const int64_t *doc_order, size_t ndocs, int64_t doc, int64_t cp)
{
	size_t i, d, here = ndocs;

	for (d = 0; d < ndocs; d++)
		if (doc_order[d] == doc)
			here = d;
	for (i = 0; i < n; i++) {
		size_t di = ndocs;

		for (d = 0; d < ndocs; d++)
			if (doc_order[d] == items[i].doc)
				di = d;
		if (di > here || (di == here && items[i].para_end > cp))
			return i;
	}
	return 0;
}

static bool
listed(const char *const *logins, size_t n, const char *login)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(logins[i], login) == 0)
			return true;
	return false;
}

/* Whether logins lists login's second pass. */
static bool
has_pass(const char *const *logins, size_t n, const char *login)
{
	char *second = retest_login(login);
	bool yes = listed(logins, n, second);

	free(second);
	return yes;
}

size_t
vm_retest_firsts(const char *const *logins, size_t n, size_t *out)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (has_pass(logins, n, logins[i]))
			out[k++] = i;
	return k;
}

enum vm_retest_pick
vm_retest_pick(const char *const *logins, size_t n, const char *me,
    size_t *first)
{
	char *mine = retest_first_login(me);
	size_t *f = xcalloc(n + 1, sizeof *f), k, i;
	enum vm_retest_pick r = VM_RETEST_NONE;

	if (mine == NULL)
		mine = xstrdup(me);
	k = vm_retest_firsts(logins, n, f);
	for (i = 0; i < k; i++)
		if (strcmp(logins[f[i]], mine) == 0)
			break;
	if (i < k) {		/* my own passes */
		*first = f[i];
		r = VM_RETEST_ONE;
	} else if (k == 1) {
		*first = f[0];
		r = VM_RETEST_ONE;
	} else if (k > 1)
		r = VM_RETEST_ASK;
	free(f);
	free(mine);
	return r;
}

int
vm_retest_pass(const char *const *logins, size_t n, const char *me)
{
	if (retest_is_pass(me))
		return 2;
	return has_pass(logins, n, me) ? 1 : 0;
}

void
vm_retest_cells(const struct retest_row *r, char *out, size_t cap)
{
	char cells[128];

	retest_cells(r, cells, sizeof cells);
	if (r->tenths < 0)
		snprintf(out, cap, "%s (%s)", cells, _(RETEST_WHY));
	else
		snprintf(out, cap, "%s", cells);
}

static void
prow_add(struct vm_pbox *b, size_t *cap, size_t line, size_t edge,
    size_t other_slot, size_t other_line)
{
	b->rows = xgrow(b->rows, cap, b->n + 1, sizeof *b->rows);
	b->rows[b->n].line = line;
	b->rows[b->n].edge = edge;
	b->rows[b->n].other_slot = other_slot;
	b->rows[b->n].other_line = other_line;
	b->n++;
}

void
vm_paradigm_rows(const struct an_paradigm *m, struct vm_pbox box[6])
{
	size_t s, k, e;

	for (s = 0; s < 6; s++) {
		struct vm_pbox *b = &box[s];
		size_t cap = 0;

		b->rows = NULL;
		b->n = 0;
		for (k = 0; k < m->slot[s].nlines; k++) {
			prow_add(b, &cap, k, SIZE_MAX, s, k);
			for (e = 0; e < m->nedges; e++) {
				const struct an_pedge *g = &m->edges[e];

				if (g->from_slot == s && g->from_line == k)
					prow_add(b, &cap, k, e, g->to_slot,
					    g->to_line);
				else if (!g->directed && g->to_slot == s &&
				    g->to_line == k)
					prow_add(b, &cap, k, e, g->from_slot,
					    g->from_line);
			}
		}
	}
}

void
vm_paradigm_rows_done(struct vm_pbox box[6])
{
	size_t s;

	for (s = 0; s < 6; s++) {
		free(box[s].rows);
		box[s].rows = NULL;
		box[s].n = 0;
	}
}

int
vm_paradigm_arrow(const struct an_paradigm *m, enum paradigm_role a,
    enum paradigm_role b)
{
	size_t e;
	int r = VM_ARROW_NONE;

	for (e = 0; e < m->nedges; e++) {
		const struct an_pedge *g = &m->edges[e];
		enum paradigm_role f = an_slots[g->from_slot];
		enum paradigm_role t = an_slots[g->to_slot];

		if (!((f == a && t == b) || (f == b && t == a)))
			continue;
		if (!g->directed)
			r |= VM_ARROW_UNDIRECTED;
		else
			r |= f == a ? VM_ARROW_FWD : VM_ARROW_BACK;
	}
	return r;
}

bool
vm_paradigm_boxes(const struct an_layout *l)
{
	size_t s;

	if (!l->fits || l->stacked)
		return false;
	for (s = 0; s < 6; s++)
		if (l->box[s].w < VM_PARADIGM_BOX_W)
			return false;
	return true;
}

const enum paradigm_role vm_paradigm_order[6] = {
	ROLE_CAUSAL, ROLE_CENTRAL, ROLE_CONTEXTUAL, ROLE_INTERVENING,
	ROLE_STRATEGIES, ROLE_CONSEQUENCES,
};

/* What the list is being built with. */
struct plist_build {
	struct vm_plist *l;
	size_t cap;
	int width;
};

/*
 * text as rows like *row, wrapped by the text engine to the columns right
 * of row->x (a name's line breaks become spaces: the engine would take
 * them for paragraphs). An empty text is one empty row.
 */
static void
pl_add(struct plist_build *b, const struct vm_plrow *row, const char *text)
{
	char *s = xstrdup(text), *q;
	size_t len = strlen(s), i, n;
	struct text_doc *d;
	struct text_layout *lay;
	struct text_opts o;

	for (q = s; *q; q++)
		if (*q == '\n' || *q == '\r')
			*q = ' ';
	d = text_doc_new(s, len);
	text_opts_default(&o);
	lay = text_layout_new(d, &o, b->width - row->x);
	n = text_doc_length(d) > 0 ? text_layout_lines(lay) : 0;
	for (i = 0; i < n || (n == 0 && i == 0); i++) {
		struct vm_plrow *r;
		struct text_line ln;
		size_t from = 0, to = 0;

		b->l->rows = xgrow(b->l->rows, &b->cap, b->l->n + 1,
		    sizeof *b->l->rows);
		r = &b->l->rows[b->l->n++];
		*r = *row;
		r->first = i == 0;
		if (n > 0) {
			text_layout_line(lay, i, &ln);
			r->rtl = ln.rtl;
			from = textin_cp_to_byte(s, len, ln.start);
			to = textin_cp_to_byte(s, len, ln.end);
			while (to > from && s[to - 1] == ' ')
				to--;	/* the blank the line broke after */
		}
		r->text = xstrndup(s + from, to - from);
	}
	text_layout_free(lay);
	text_doc_free(d);
	free(s);
}

/*
 * An edge seen from its end in slot s, the other at (os, ol): "TYPE →
 * OTHER (SLOT)", the arrow the way the edge goes as a text reading in its
 * own direction shows it (an arrow is not mirrored: a right-to-left text
 * points left to what it reads next).
 */
static char *
pl_link_text(const struct an_paradigm *m, const struct an_pedge *e,
    enum vm_pl_way way, size_t s, size_t os, size_t ol)
{
	struct buf t = {0};
	bool rtl;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		rtl = pass == 1;
		buf_done(&t);
		buf_puts(&t, e->label);
		if (e->nlinks > 1)
			buf_printf(&t, " (%zu)", e->nlinks);
		buf_printf(&t, " %s %s", way == VM_PL_UNDIRECTED ? "\u2014" :
		    (way == VM_PL_OUT) != rtl ? "\u2192" : "\u2190",
		    m->slot[os].lines[ol].text);
		if (os != s)
			buf_printf(&t, " (%s)",
			    _(paradigm_role_title(m->slot[os].role)));
		/* the arrow is neutral: the text's direction is the same */
		if (!an_text_rtl(t.s))
			break;
	}
	return buf_take(&t);
}

/* The rows of slot s: its title, its lines, the edges at each. */
static void
pl_slot(struct plist_build *b, const struct an_paradigm *m, size_t s)
{
	const struct an_pslot *slot = &m->slot[s];
	struct vm_plrow row = {0};
	size_t k, e;
	char *t;

	row.kind = VM_PL_TITLE;
	row.slot = s;
	row.flagged = m->unexplained[s];
	row.edge = SIZE_MAX;
	t = xasprintf("%s%s%s", row.flagged ? "\u26a0 " : "",
	    _(paradigm_role_title(slot->role)),
	    slot->nlines == 0 ? " \u2014" : "");	/* no category */
	pl_add(b, &row, t);
	free(t);
	row.flagged = false;
	for (k = 0; k < slot->nlines; k++) {
		int x = 2 + 2 * slot->lines[k].level;

		if (x > b->width / 3)
			x = b->width / 3;
		row.kind = VM_PL_LINE;
		row.line = k;
		row.edge = SIZE_MAX;
		row.x = x;
		pl_add(b, &row, slot->lines[k].text);
		/* the edges: the arrowhead where the name starts, as the
		 * boxes have it */
		row.kind = VM_PL_LINK;
		row.x = x + 2;
		for (e = 0; e < m->nedges; e++) {
			const struct an_pedge *g = &m->edges[e];
			bool from = g->from_slot == s && g->from_line == k;
			bool to = g->to_slot == s && g->to_line == k;

			if (!from && !to)
				continue;
			row.edge = e;
			row.way = !g->directed ? VM_PL_UNDIRECTED :
			    from ? VM_PL_OUT : VM_PL_IN;
			t = from ? pl_link_text(m, g, row.way, s, g->to_slot,
			    g->to_line) : pl_link_text(m, g, row.way, s,
			    g->from_slot, g->from_line);
			pl_add(b, &row, t);
			free(t);
		}
	}
}

void
vm_paradigm_list(const struct an_paradigm *m, int width, struct vm_plist *l)
{
	struct plist_build b = {l, 0, width};
	size_t i, s;

	l->rows = NULL;
	l->n = 0;
	for (i = 0; i < 6; i++)
		for (s = 0; s < 6; s++)
			if (m->slot[s].role == vm_paradigm_order[i])
				pl_slot(&b, m, s);
}

void
vm_paradigm_list_done(struct vm_plist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->rows[i].text);
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}
