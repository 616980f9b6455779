/*
 * vm-network.h: the network view's model, without curses. The links of
 * one code or category, the centre, in three groups (incoming, outgoing,
 * undirected), each ordered by type, then by the other end's name, then
 * by id; the chosen link, kept by id when the links are read again; the
 * centres walked through, for going back; and where each link sits in
 * the view's lines: incoming and outgoing side by side, one pair a line,
 * the undirected ones below them under a header line of their own (after
 * a blank line when pairs come first), with the scroll that keeps the
 * chosen one in sight.
 */
#ifndef AXIAL_VM_NETWORK_H
#define AXIAL_VM_NETWORK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/link.h"

enum vm_net_group { VM_NET_IN, VM_NET_OUT, VM_NET_UNDIRECTED };

struct vm_net_row {
	int64_t link;		/* its id */
	int64_t other;		/* the end that is not the centre */
	int64_t type;		/* link_types row id */
	enum vm_net_group group;
	size_t nevidence;
	bool memo;
};

/* A centre left by following a link: where going back returns to. */
struct vm_net_step {
	int64_t centre, link;
};

#define VM_NET_BACK_MAX 256	/* centres remembered; older ones drop */

struct vm_network {
	int64_t centre;		/* 0: none */
	struct vm_net_row *rows;	/* the IN group, then OUT, then UNDIRECTED */
	size_t nrows, n[3];	/* n[group]: its rows */
	size_t cur, top;	/* the chosen row; the first line shown */
	struct vm_net_step *back;	/* oldest first */
	size_t nback, capback;
};

void vm_net_init(struct vm_network *n);
void vm_net_done(struct vm_network *n);
/*
 * The rows of centre from links[0, nl): those with centre at one end
 * (others are skipped); names[i] is the name of the other end of links[i],
 * for the order. The same centre again keeps the chosen link (else the
 * row at the same place, clamped); another one starts at its first row,
 * scrolled to the top.
 */
void vm_net_set(struct vm_network *n, int64_t centre, const struct link *links,
    const char *const *names, size_t nl);
/* The chosen row, or NULL when there is none. */
const struct vm_net_row *vm_net_current(const struct vm_network *n);
/* Chooses the row of link id; false (nothing moves) if it is not there. */
bool vm_net_goto_link(struct vm_network *n, int64_t id);
/*
 * Follows the chosen link: remembers the centre and the link for
 * vm_net_back and gives the other end, the next centre, in *to (the caller
 * reads its links and calls vm_net_set). False when no link is chosen.
 */
bool vm_net_follow(struct vm_network *n, int64_t *to);
/* The centre left last and the link followed from it (choose it again
 * after vm_net_set); false when none is left. */
bool vm_net_back(struct vm_network *n, int64_t *centre, int64_t *link);
/* Forgets the centres walked through. */
void vm_net_forget(struct vm_network *n);

/* The view's lines: max(incoming, outgoing), then the undirected group
 * with its header (and a blank line before it after pairs). */
size_t vm_net_lines(const struct vm_network *n);
/* The line row i sits on. */
size_t vm_net_line(const struct vm_network *n, size_t i);
/* The row on line (the outgoing one when right, on the lines of pairs),
 * or SIZE_MAX when the line holds none there. */
size_t vm_net_at(const struct vm_network *n, size_t line, bool right);
/* Moves top so that the chosen row's line is among the height lines
 * shown, and no further down than needed to fill them. */
void vm_net_scroll(struct vm_network *n, size_t height);

#endif
