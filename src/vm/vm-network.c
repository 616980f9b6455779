/*
 * vm-network.c: the network view's model (vm-network.h): a centre's links
 * in their groups, the chosen one, the way back and the lines they take.
 *
 * Invariants: rows holds n[VM_NET_IN] incoming rows, then n[VM_NET_OUT]
 * outgoing, then n[VM_NET_UNDIRECTED] undirected, nrows in all; cur <
 * nrows unless nrows is 0 (then cur is 0); nback <= VM_NET_BACK_MAX.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "vm/vm-network.h"

void
vm_net_init(struct vm_network *n)
{
	memset(n, 0, sizeof *n);
}

void
vm_net_done(struct vm_network *n)
{
	free(n->rows);
	free(n->back);
	vm_net_init(n);
}

/* A row with its sort keys, so qsort needs no context. */
struct keyed {
	struct vm_net_row row;
	const char *name;
};

static int
keyed_cmp(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c;

	if (x->row.group != y->row.group)
		return x->row.group < y->row.group ? -1 : 1;
	if (x->row.type != y->row.type)
		return x->row.type < y->row.type ? -1 : 1;
	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return x->row.link < y->row.link ? -1 : x->row.link > y->row.link;
}

void
vm_net_set(struct vm_network *n, int64_t centre, const struct link *links,
    const char *const *names, size_t nl)
{
	struct keyed *k = xcalloc(nl + 1, sizeof *k);
	int64_t was = n->centre == centre && n->nrows > 0 ?
	    n->rows[n->cur].link : 0;
	size_t i, m = 0, at = n->cur;

	for (i = 0; i < nl; i++) {
		const struct link *l = &links[i];
		struct vm_net_row *r = &k[m].row;

		if (l->from != centre && l->to != centre)
			continue;
		r->link = l->id;
		r->other = l->from == centre ? l->to : l->from;
		r->type = l->type;
		r->group = !l->directed ? VM_NET_UNDIRECTED :
		    l->to == centre && l->from != centre ? VM_NET_IN : VM_NET_OUT;
		r->nevidence = l->nevidence;
		r->memo = l->memo != 0;
		k[m++].name = names[i] != NULL ? names[i] : "";
	}
	qsort(k, m, sizeof *k, keyed_cmp);
	free(n->rows);
	n->rows = xcalloc(m + 1, sizeof *n->rows);
	memset(n->n, 0, sizeof n->n);
	for (i = 0; i < m; i++) {
		n->rows[i] = k[i].row;
		n->n[k[i].row.group]++;
	}
	free(k);
	n->nrows = m;
	if (n->centre != centre) {
		n->centre = centre;
		n->cur = n->top = 0;
	} else if (was == 0 || !vm_net_goto_link(n, was))
		n->cur = at < m ? at : m > 0 ? m - 1 : 0;
	assert(n->n[0] + n->n[1] + n->n[2] == n->nrows);
	assert(n->cur < n->nrows || n->cur == 0);
}

const struct vm_net_row *
vm_net_current(const struct vm_network *n)
{
	return n->cur < n->nrows ? &n->rows[n->cur] : NULL;
}

bool
vm_net_goto_link(struct vm_network *n, int64_t id)
{
	size_t i;

	for (i = 0; i < n->nrows; i++)
		if (n->rows[i].link == id) {
			n->cur = i;
			return true;
		}
	return false;
}

bool
vm_net_follow(struct vm_network *n, int64_t *to)
{
	const struct vm_net_row *r = vm_net_current(n);

	if (r == NULL)
		return false;
	if (n->nback == VM_NET_BACK_MAX) {	/* the oldest goes */
		memmove(n->back, n->back + 1, (n->nback - 1) * sizeof *n->back);
		n->nback--;
	}
	n->back = xgrow(n->back, &n->capback, n->nback + 1, sizeof *n->back);
	n->back[n->nback].centre = n->centre;
	n->back[n->nback].link = r->link;
	n->nback++;
	*to = r->other;
	assert(n->nback <= VM_NET_BACK_MAX);
	return true;
}

bool
vm_net_back(struct vm_network *n, int64_t *centre, int64_t *link)
{
	if (n->nback == 0)
		return false;
	n->nback--;
	*centre = n->back[n->nback].centre;
	*link = n->back[n->nback].link;
	return true;
}

void
vm_net_forget(struct vm_network *n)
{
	n->nback = 0;
}

/* The lines of incoming and outgoing pairs. */
static size_t
pairs(const struct vm_network *n)
{
	return n->n[VM_NET_IN] > n->n[VM_NET_OUT] ? n->n[VM_NET_IN] :
	    n->n[VM_NET_OUT];
}

/* The first line of the undirected rows (past their header). */
static size_t
undirected_from(const struct vm_network *n)
{
	return pairs(n) + (pairs(n) > 0 ? 1 : 0) + 1;
}

size_t
vm_net_lines(const struct vm_network *n)
{
	return n->n[VM_NET_UNDIRECTED] == 0 ? pairs(n) :
	    undirected_from(n) + n->n[VM_NET_UNDIRECTED];
}

size_t
vm_net_line(const struct vm_network *n, size_t i)
{
	size_t in = n->n[VM_NET_IN], out = n->n[VM_NET_OUT];

	if (i < in)
		return i;
	if (i < in + out)
		return i - in;
	return undirected_from(n) + (i - in - out);
}

size_t
vm_net_at(const struct vm_network *n, size_t line, bool right)
{
	size_t in = n->n[VM_NET_IN], out = n->n[VM_NET_OUT];

	if (line < pairs(n)) {
		if (right)
			return line < out ? in + line : SIZE_MAX;
		return line < in ? line : SIZE_MAX;
	}
	if (n->n[VM_NET_UNDIRECTED] == 0 || line < undirected_from(n) ||
	    line - undirected_from(n) >= n->n[VM_NET_UNDIRECTED])
		return SIZE_MAX;
	return in + out + (line - undirected_from(n));
}

void
vm_net_scroll(struct vm_network *n, size_t height)
{
	size_t line = n->nrows > 0 ? vm_net_line(n, n->cur) : 0;
	size_t total = vm_net_lines(n);

	if (height == 0)
		return;
	if (total <= height)
		n->top = 0;
	else if (n->top > total - height)
		n->top = total - height;
	if (line < n->top)
		n->top = line;
	else if (line >= n->top + height)
		n->top = line - height + 1;
	/* an undirected row's header is shown with the first of them */
	if (n->nrows > 0 && n->rows[n->cur].group == VM_NET_UNDIRECTED &&
	    line == undirected_from(n) && n->top == line && height > 1)
		n->top = line - 1;
}
