/*
 * merge.c: adding a coder's copy of the project (another axial project, or
 * a .qdpx exported from one or from another tool) to this one.
 *
 * Codings come across under their own coders, with the memos written on
 * them; then the links between codes and categories, with their types,
 * memos and evidence; storyline memos; and the core category, if this
 * project has none. A document is matched by the SHA-256 of its stored
 * text, so renaming does not matter and a changed transcript is never
 * coded by mistake; a code by GUID, then by its path of names from the
 * top, with the same kind. What cannot be matched is reported, not
 * created: the codebook stays the lead's (a link type is the one thing
 * added, when no type of this project has its name). Everything already
 * present is skipped: a coding, link or memo with the same GUID, a coding
 * with the same document, code, coder and span, evidence already attached.
 * So a second merge adds nothing.
 *
 * Invariant: nothing the model would refuse is asked of it, since a
 * refusal inside the caller's one action would roll the whole merge back.
 * A link the model would refuse (the same relation there under another
 * GUID, a self link once both ends are mapped, an "is part of" loop the two
 * projects' links make together) is checked first (link_check) and left
 * out with a report line naming it; so is what a blind session hides from
 * the acting coder here (counted, to be merged again once it has ended).
 *
 * A .qdpx is first imported into a temporary project (with every REFI-QDA
 * check of refi-import.c) and merged from there.
 */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/blind.h"
#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/document.h"
#include "exchange/exchange.h"
#include "base/i18n.h"
#include "store/link.h"
#include "store/memo.h"
#include "text/name.h"
#include "base/textin.h"
#include "exchange/exchange-int.h"

/* The node in p matching node id of other, or 0. */
static int64_t
match_node(struct project *p, struct project *other, int64_t id)
{
	struct node n;
	int64_t chain[128], at = 0, found;
	int depth = 0, i;
	enum node_kind kind;

	if (codetree_get(other, id, &n) != AX_OK)
		return 0;
	kind = n.kind;
	if (codetree_find_guid(p, n.guid, &found) == AX_OK) {
		struct node m;
		bool same = codetree_get(p, found, &m) == AX_OK && m.kind == kind;

		if (same) {
			node_done(&m);
			node_done(&n);
			return found;
		}
		node_done(&m);
	}
	/* By path: collect ancestors, then walk down in p. */
	chain[depth++] = id;
	while (n.parent != 0 && depth < (int)AX_ARRAY_LEN(chain)) {
		int64_t parent = n.parent;

		node_done(&n);
		if (codetree_get(other, parent, &n) != AX_OK)
			return 0;
		chain[depth++] = parent;
	}
	node_done(&n);
	for (i = depth - 1; i >= 0; i--) {
		struct node c;

		if (codetree_get(other, chain[i], &c) != AX_OK)
			return 0;
		if (codetree_find_child(p, at, c.name, &found) != AX_OK) {
			node_done(&c);
			return 0;
		}
		node_done(&c);
		at = found;
	}
	if (codetree_get(p, at, &n) != AX_OK)
		return 0;
	found = n.kind == kind ? at : 0;
	node_done(&n);
	return found;
}

static int
doc_id_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct doc_info *)a)->id;
	int64_t y = ((const struct doc_info *)b)->id;

	return x < y ? -1 : x > y;
}

struct seen {
	int64_t *v;
	size_t n, cap;
};

static bool
seen_once(struct seen *s, int64_t id)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->v[i] == id)
			return false;
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n++] = id;
	return true;
}

/* A map from the copy's row ids to this project's, sorted by `from` and
 * looked up by bsearch: per coding, a lookup instead of queries on both
 * projects (a merge of 1.2 million codings makes them count). */
struct idmap {
	struct idpair {
		int64_t from, to;
	} *v;
	size_t n;
};

static int
idpair_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct idpair *)a)->from;
	int64_t y = ((const struct idpair *)b)->from;

	return x < y ? -1 : x > y;
}

static struct idpair *
idmap_get(const struct idmap *m, int64_t from)
{
	struct idpair key = {from, 0};

	return m->n == 0 ? NULL : bsearch(&key, m->v, m->n, sizeof *m->v,
	    idpair_cmp);
}

/* One merge: the two projects, what the copy holds, and how its rows map
 * to this project's (0: not yet, or not across). */
struct merge {
	struct project *p, *o;		/* this project, the copy */
	struct refi_stats *st;
	struct buf *rep;
	struct coder *oc;		/* the copy's coders */
	size_t noc;
	int64_t *coder_map;
	struct idmap codings;		/* the copy's coding id -> this project's
					   (-1: here, hidden by blind coding) */
	size_t capc;
	struct doc_info *od;		/* the copy's documents */
	size_t nod;
	int64_t *od_order;		/* their ids in the copy's order */
	struct idmap docs;		/* -> this project's, 0: none has its text */
	struct idmap nodes;		/* -> this project's, 0: none; -1: not yet */
	struct memo *mo;		/* the copy's memos */
	size_t nmo;
	struct link_type *ot;		/* the copy's link types */
	size_t nt;
	int64_t *type_map;
	bool hidden;			/* a blind session hides work here */
	int64_t blind_memos, blind_evidence;	/* left out for it */
	char *err;
};

/* Fails the merge with p's (or, from the copy, o's) message. */
static enum ax_status
merge_fail(struct merge *m, struct project *from, enum ax_status s)
{
	m->err = xstrdup(project_errmsg(from));
	return s;
}

/* The coder in p for the copy's coder oc[j], imported on first use. */
static enum ax_status
map_coder(struct merge *m, size_t j, int64_t *id)
{
	int64_t before = 0;
	bool existed;

	if (m->coder_map[j] == 0) {
		existed = coder_find(m->p, m->oc[j].login, &before) == AX_OK;
		if (coder_import(m->p, m->oc[j].login, m->oc[j].name,
		    m->oc[j].guid, &m->coder_map[j]) != AX_OK)
			return merge_fail(m, m->p, AX_ERR_INPUT);
		if (!existed && before == 0)
			m->st->coders++;
	}
	*id = m->coder_map[j];
	return AX_OK;
}

/* The coder in p for the copy's coder row oid, or its coder login when
 * login is not NULL; *id is 0 when the copy has no such coder. */
static enum ax_status
map_coder_of(struct merge *m, int64_t oid, const char *login, int64_t *id)
{
	size_t j;

	*id = 0;
	for (j = 0; j < m->noc; j++)
		if (login != NULL ? strcmp(m->oc[j].login, login) == 0 :
		    m->oc[j].id == oid)
			return map_coder(m, j, id);
	return AX_OK;
}

/* The coding in p with this document, code, coder and span; -1 if the
 * reader may not see it (blind coding). */
static int64_t
coding_here(struct project *p, int64_t doc, int64_t node, int64_t coder,
    int64_t start, int64_t end)
{
	struct coding_filter f = {doc, node, coder};
	struct coding *v;
	size_t n, i;
	int64_t id = -1;

	if (coding_list(p, &f, &v, &n) != AX_OK)
		return -1;
	for (i = 0; i < n && id == -1; i++)
		if (v[i].start == start && v[i].end == end)
			id = v[i].id;
	free(v);
	return id;
}

/* The node in p for the copy's node oid (match_node, once per node). */
static int64_t
mapped_node(struct merge *m, int64_t oid)
{
	struct idpair *e = idmap_get(&m->nodes, oid);

	if (e == NULL)
		return 0;
	if (e->to < 0)
		e->to = match_node(m->p, m->o, oid);
	return e->to;
}

/* The maps from the copy's documents (by the SHA-256 of their text) and
 * nodes (matched when first used). */
static enum ax_status
merge_maps(struct merge *m)
{
	struct node *t;
	size_t i, nt;

	if (doc_list(m->o, &m->od, &m->nod) != AX_OK ||
	    codetree_load(m->o, &t, &nt) != AX_OK)
		return merge_fail(m, m->o, AX_ERR_IO);
	m->od_order = xcalloc(m->nod + 1, sizeof *m->od_order);
	for (i = 0; i < m->nod; i++)
		m->od_order[i] = m->od[i].id;
	/* sorted together, so od[k] stays the document of docs.v[k] */
	qsort(m->od, m->nod, sizeof *m->od, doc_id_cmp);
	m->docs.v = xcalloc(m->nod + 1, sizeof *m->docs.v);
	for (i = 0; i < m->nod; i++) {
		m->docs.v[i].from = m->od[i].id;
		if (doc_find_sha256(m->p, m->od[i].sha256, &m->docs.v[i].to) != AX_OK)
			m->docs.v[i].to = 0;
	}
	m->docs.n = m->nod;
	m->nodes.v = xcalloc(nt + 1, sizeof *m->nodes.v);
	for (i = 0; i < nt; i++)
		m->nodes.v[i] = (struct idpair){t[i].id, -1};
	m->nodes.n = nt;
	qsort(m->nodes.v, nt, sizeof *m->nodes.v, idpair_cmp);
	codetree_free(t, nt);
	return AX_OK;
}

/* Codings are added this many at a time (coding_add_many); the copy's
 * are read a document at a time, so a merge of a million holds one
 * document's codings and a batch, plus 16 bytes a coding for the map. */
#define MERGE_BATCH 8192

/* The copy's codings waiting for coding_add_many, with their ids there
 * and their GUIDs (the document's list they came from is gone). */
struct batch {
	struct coding_new *v;
	int64_t *oid;
	char (*guid)[37];
	size_t n;
};

/* Adds the batch and maps each of its codings to where it went. */
static enum ax_status
merge_flush(struct merge *m, struct batch *b)
{
	size_t k;

	if (b->n > 0 && coding_add_many(m->p, b->v, b->n) != AX_OK)
		return merge_fail(m, m->p, AX_ERR_INPUT);
	m->codings.v = xgrow(m->codings.v, &m->capc, m->codings.n + b->n + 1,
	    sizeof *m->codings.v);
	for (k = 0; k < b->n; k++) {
		struct coding_new *c = &b->v[k];

		if (c->fate == CODING_ADDED) {
			m->st->codings++;
		} else {
			m->st->skipped++;
			if (c->fate == CODING_SAME_SPAN)
				c->id = coding_here(m->p, c->doc, c->node,
				    c->coder, c->start, c->end);
		}
		m->codings.v[m->codings.n++] = (struct idpair){b->oid[k], c->id};
	}
	b->n = 0;
	return AX_OK;
}

/* The copy's coding c, of here document doc: into the batch (added when
 * full) unless its code or coder has no match. */
static enum ax_status
merge_coding(struct merge *m, const struct coding *c, int64_t doc,
    struct batch *b, struct seen *bad_nodes)
{
	int64_t node, coder = 0;
	enum ax_status s;

	if ((node = mapped_node(m, c->node)) == 0) {
		if (seen_once(bad_nodes, c->node)) {
			char *path = codetree_path(m->o, c->node);

			buf_printf(m->rep, _("code '%s' matches no code in the "
			    "project (by GUID or path): its codings were not "
			    "merged\n"), path ? path : "?");
			free(path);
		}
		return AX_OK;
	}
	if ((s = map_coder_of(m, c->coder, NULL, &coder)) != AX_OK || coder == 0)
		return s;
	memcpy(b->guid[b->n], c->guid, sizeof b->guid[b->n]);
	b->v[b->n] = (struct coding_new){coder, doc, node, c->start, c->end,
	    c->created, b->guid[b->n], CODING_ADDED, 0};
	b->oid[b->n++] = c->id;
	return b->n < MERGE_BATCH ? AX_OK : merge_flush(m, b);
}

/* The codings, under their own coders, a document at a time in the copy's
 * order of documents: the order coding_list gives the whole copy, the
 * order they were added in when it was read at once. m->codings then maps
 * each to where it went. */
static enum ax_status
merge_codings(struct merge *m)
{
	struct seen bad_nodes = {0};
	struct batch b = {xcalloc(MERGE_BATCH, sizeof *b.v),
	    xcalloc(MERGE_BATCH, sizeof *b.oid),
	    xcalloc(MERGE_BATCH, sizeof *b.guid), 0};
	enum ax_status s = AX_OK;
	size_t i, j, nc;

	for (i = 0; i < m->nod && s == AX_OK; i++) {
		struct coding_filter f = {m->od_order[i], 0, 0};
		struct idpair *d = idmap_get(&m->docs, f.doc);
		struct coding *cv;

		assert(d != NULL);
		if (coding_list(m->o, &f, &cv, &nc) != AX_OK) {
			s = merge_fail(m, m->o, AX_ERR_IO);
			break;
		}
		if (d->to == 0 && nc > 0)
			buf_printf(m->rep, _("document '%s' is not in the "
			    "project (no document has the same text): its "
			    "codings were not merged\n"),
			    m->od[d - m->docs.v].name);
		for (j = 0; d->to != 0 && j < nc && s == AX_OK; j++)
			s = merge_coding(m, &cv[j], d->to, &b, &bad_nodes);
		free(cv);
	}
	if (s == AX_OK)
		s = merge_flush(m, &b);
	qsort(m->codings.v, m->codings.n, sizeof *m->codings.v, idpair_cmp);
	free(b.v);
	free(b.oid);
	free(b.guid);
	free(bad_nodes.v);
	return s;
}

/* The coding in p the copy's coding oid went to: 0 if it did not come
 * across, -1 if blind coding hides it here. */
static int64_t
mapped_coding(const struct merge *m, int64_t oid)
{
	struct idpair *c = idmap_get(&m->codings, oid);

	return c != NULL ? c->to : 0;
}

/* The copy's memo mo on target (of kind t) in p, unless its GUID is here. */
static enum ax_status
merge_memo(struct merge *m, const struct memo *mo, enum memo_target t,
    int64_t target)
{
	struct memo_import_info mi = {0, mo->created, mo->modified, mo->guid};
	enum ax_status s;
	int64_t id;
	char *title;

	if (memo_find_guid(m->p, mo->guid, &id) == AX_OK)
		return AX_OK;
	if ((s = map_coder_of(m, 0, mo->author, &mi.author)) != AX_OK)
		return s;
	title = name_clean(NAME_MEMO_TITLE, mo->title, "", 0, NULL);
	if (memo_add_ex(m->p, t, target, mo->type, title, mo->body, &mi,
	    NULL) != AX_OK)
		s = merge_fail(m, m->p, AX_ERR_INPUT);
	else
		m->st->memos++;
	free(title);
	return s;
}

/* The memos on every coding that came across or was here already. */
static enum ax_status
merge_coding_memos(struct merge *m)
{
	enum ax_status s = AX_OK;
	struct coding c;
	size_t i;
	int64_t id, to;

	for (i = 0; i < m->nmo && s == AX_OK; i++) {
		if (m->mo[i].target != MEMO_CODING ||
		    (to = mapped_coding(m, m->mo[i].target_id)) == 0 ||
		    memo_find_guid(m->p, m->mo[i].guid, &id) == AX_OK)
			continue;
		/* a coding blind coding hides from the reader takes no memo
		 * from them */
		if (to < 0 || coding_get(m->p, to, &c) != AX_OK)
			m->blind_memos++;
		else
			s = merge_memo(m, &m->mo[i], MEMO_CODING, to);
	}
	return s;
}

/* Whether a and b fold alike (name_fold). */
static bool
same_name(const char *a, const char *b)
{
	char *fa = name_fold(a), *fb = name_fold(b);
	bool same = strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	return same;
}

/*
 * The type in p for the copy's type otype, into *id: a built-in is the
 * same row in every project; a type of the copy's own is the type of this
 * project whose name folds alike, else the type its name finds (a
 * built-in's translated name), else a new one with its colour (reported).
 * *id 0, with *why, when none can be had (a name holding control
 * characters, or naming two types here).
 */
static enum ax_status
map_type(struct merge *m, int64_t otype, int64_t *id, char **why)
{
	struct link_type *pt = NULL, *t;
	size_t i, k, npt = 0;
	enum ax_status s;

	*id = 0;
	for (i = 0; i < m->nt && m->ot[i].id != otype; i++)
		;
	if (i == m->nt) {
		*why = xasprintf(_("its type #%lld is not in the copy"),
		    (long long)otype);
		return AX_OK;
	}
	t = &m->ot[i];
	if ((*id = m->type_map[i]) != 0)
		return AX_OK;
	if (t->key != NULL && link_builtin_key(otype) != NULL &&
	    strcmp(t->key, link_builtin_key(otype)) == 0) {
		*id = m->type_map[i] = otype;
		return AX_OK;
	}
	if (link_type_list(m->p, &pt, &npt) != AX_OK)
		return merge_fail(m, m->p, AX_ERR_IO);
	for (k = 0; k < npt && *id == 0; k++)
		if (pt[k].key == NULL && same_name(pt[k].name, t->name))
			*id = pt[k].id;
	link_type_list_free(pt, npt);
	if (*id == 0 && (*why = name_check(NAME_LINK_TYPE, t->name)) != NULL)
		return AX_OK;
	/* a name starting with '#' is a name, never a "#ID" */
	if (*id == 0 && t->name[0] != '#' &&
	    (s = link_type_find(m->p, t->name, id)) != AX_OK) {
		*id = 0;
		if (s != AX_ERR_NOTFOUND) {
			*why = xstrdup(project_errmsg(m->p));
			return AX_OK;
		}
	}
	if (*id == 0) {
		if (link_type_add(m->p, t->name, name_color_ok(t->color) ?
		    t->color : "", id) != AX_OK)
			return merge_fail(m, m->p, AX_ERR_INPUT);
		buf_printf(m->rep, _("link type '%s' added (the copy's)\n"),
		    t->name);
	}
	m->type_map[i] = *id;
	return AX_OK;
}

/* "link 'causes' from 'A' to 'B' (GUID)": the copy's link l, by the names
 * it has there. */
static char *
link_desc(struct merge *m, const struct link *l)
{
	char *a = codetree_path(m->o, l->from), *b = codetree_path(m->o, l->to);
	const char *type = "?";
	char *r;
	size_t i;

	for (i = 0; i < m->nt; i++)
		if (m->ot[i].id == l->type)
			type = m->ot[i].name;
	r = xasprintf(_("link '%s' from '%s' to '%s' (%s)"), type, a ? a : "?",
	    b ? b : "?", l->guid);
	free(a);
	free(b);
	return r;
}

/* The copy's link l in p, into *id: the link with its GUID, else a new one
 * between the nodes its ends map to; 0, with *why, when it is left out. */
static enum ax_status
merge_link(struct merge *m, const struct link *l, int64_t *id, char **why)
{
	struct link_import_info li = {l->guid, 0, l->created};
	int64_t from, to, type;
	enum ax_status s;
	char *a, *b;

	if (link_find_guid(m->p, l->guid, id) == AX_OK)
		return AX_OK;
	*id = 0;
	from = mapped_node(m, l->from);
	to = mapped_node(m, l->to);
	if (from == 0 || to == 0) {
		a = codetree_path(m->o, from == 0 ? l->from : l->to);
		b = codetree_path(m->o, l->to);
		if (from == 0 && to == 0)
			*why = xasprintf(_("neither '%s' nor '%s' matches a code "
			    "or category in the project (by GUID or path)"),
			    a ? a : "?", b ? b : "?");
		else
			*why = xasprintf(_("'%s' matches no code or category in "
			    "the project (by GUID or path)"), a ? a : "?");
		free(a);
		free(b);
		return AX_OK;
	}
	if ((s = map_type(m, l->type, &type, why)) != AX_OK || type == 0)
		return s;
	/* the model's refusals, asked first: one inside the action would
	 * take the whole merge back */
	if (link_check(m->p, from, to, type, l->directed) != AX_OK) {
		*why = xstrdup(project_errmsg(m->p));
		return AX_OK;
	}
	if ((s = map_coder_of(m, l->author, NULL, &li.author)) != AX_OK)
		return s;
	if (link_add_ex(m->p, from, to, type, l->directed, NULL, &li, id) != AX_OK)
		return merge_fail(m, m->p, AX_ERR_INPUT);
	m->st->links++;
	return AX_OK;
}

/* The memos on the copy's link l, on link id here. */
static enum ax_status
merge_link_memos(struct merge *m, const struct link *l, int64_t id)
{
	enum ax_status s = AX_OK;
	struct link pl;
	size_t i;
	int64_t mid;
	char *desc;

	for (i = 0; i < m->nmo && s == AX_OK; i++) {
		if (m->mo[i].target != MEMO_LINK || m->mo[i].target_id != l->id ||
		    memo_find_guid(m->p, m->mo[i].guid, &mid) == AX_OK)
			continue;
		if (link_get(m->p, id, &pl) != AX_OK) {
			m->blind_memos++;	/* a link hidden from the reader */
			continue;
		}
		if (pl.memo != 0) {
			desc = link_desc(m, l);
			buf_printf(m->rep, _("%s has a memo here already: the "
			    "copy's memo on it was added beside it (axial memo "
			    "list shows both)\n"), desc);
			free(desc);
		}
		link_done(&pl);
		s = merge_memo(m, &m->mo[i], MEMO_LINK, id);
	}
	return s;
}

/* The codings attached to the copy's link l, attached to link id here
 * where they came across. */
static enum ax_status
merge_evidence(struct merge *m, const struct link *l, int64_t id)
{
	enum ax_status s = AX_OK;
	int64_t *ev, c, missing = 0;
	size_t i, n;
	char *desc;

	if (link_evidence_list(m->o, l->id, &ev, &n) != AX_OK)
		return merge_fail(m, m->o, AX_ERR_IO);
	for (i = 0; i < n && s == AX_OK; i++) {
		if ((c = mapped_coding(m, ev[i])) == 0) {
			missing++;
		} else if (c < 0) {
			m->blind_evidence++;
		} else if ((s = link_evidence_check(m->p, id, c)) == AX_OK) {
			if (link_evidence_add(m->p, id, c) != AX_OK)
				s = merge_fail(m, m->p, AX_ERR_INPUT);
			else
				m->st->evidence++;
		} else if (s == AX_ERR_EXISTS) {
			s = AX_OK;
		} else if (m->hidden) {
			m->blind_evidence++;
			s = AX_OK;
		} else {
			desc = link_desc(m, l);
			buf_printf(m->rep, _("%s: a coding of its evidence left "
			    "out: %s\n"), desc, project_errmsg(m->p));
			free(desc);
			s = AX_OK;
		}
	}
	free(ev);
	if (missing > 0 && s == AX_OK) {
		desc = link_desc(m, l);
		buf_printf(m->rep, ngettext("%s: %lld coding of its evidence left "
		    "out: it did not come across\n", "%s: %lld codings of its "
		    "evidence left out: they did not come across\n",
		    (unsigned long)missing), desc, (long long)missing);
		free(desc);
	}
	return s;
}

/* The links, with their types, memos and evidence. */
static enum ax_status
merge_links(struct merge *m)
{
	enum ax_status s = AX_OK;
	struct link *v;
	size_t i, n;

	if (link_type_list(m->o, &m->ot, &m->nt) != AX_OK ||
	    link_list(m->o, 0, &v, &n) != AX_OK)
		return merge_fail(m, m->o, AX_ERR_IO);
	m->type_map = xcalloc(m->nt + 1, sizeof *m->type_map);
	for (i = 0; i < n && s == AX_OK; i++) {
		char *why = NULL, *desc;
		int64_t id = 0;

		s = merge_link(m, &v[i], &id, &why);
		if (why != NULL) {
			desc = link_desc(m, &v[i]);
			/* TRANSLATORS: %s is "link 'TYPE' from 'A' to 'B' (GUID)" */
			buf_printf(m->rep, _("%s left out: %s\n"), desc, why);
			free(desc);
			free(why);
		}
		if (id != 0 && s == AX_OK)
			s = merge_link_memos(m, &v[i], id);
		if (id != 0 && s == AX_OK)
			s = merge_evidence(m, &v[i], id);
	}
	link_list_free(v, n);
	return s;
}

/* Storyline memos (selective coding), on the category they tell of. */
static enum ax_status
merge_storylines(struct merge *m)
{
	enum ax_status s = AX_OK;
	const struct memo *mo;
	size_t i;
	int64_t node;
	char *path;

	for (i = 0; i < m->nmo && s == AX_OK; i++) {
		mo = &m->mo[i];
		if (mo->type != MEMO_TYPE_STORYLINE || mo->target != MEMO_NODE)
			continue;
		if ((node = mapped_node(m, mo->target_id)) != 0) {
			s = merge_memo(m, mo, MEMO_NODE, node);
		} else if (memo_find_guid(m->p, mo->guid, &node) != AX_OK) {
			path = codetree_path(m->o, mo->target_id);
			buf_printf(m->rep, _("the storyline memo on '%s' left out: "
			    "the category matches none in the project (by GUID or "
			    "path)\n"), path ? path : "?");
			free(path);
		}
	}
	return s;
}

/* The copy's core category, if this project has none; a different one
 * here is kept and the conflict reported. */
static enum ax_status
merge_core(struct merge *m)
{
	int64_t theirs = 0, ours = 0, node;
	char *path, *here;

	if (link_core_get(m->o, &theirs) != AX_OK ||
	    link_core_get(m->p, &ours) != AX_OK)
		return merge_fail(m, m->p, AX_ERR_IO);
	if (theirs == 0)
		return AX_OK;
	node = mapped_node(m, theirs);
	if (node != 0 && node == ours)
		return AX_OK;
	path = codetree_path(m->o, theirs);
	if (node == 0) {
		buf_printf(m->rep, _("the copy's core category '%s' was not "
		    "marked: it matches no category in the project (by GUID or "
		    "path)\n"), path ? path : "?");
	} else if (ours != 0) {
		here = codetree_path(m->p, ours);
		buf_printf(m->rep, _("the copy's core category is '%s', this "
		    "project's is '%s': '%s' stays the core category\n"),
		    path ? path : "?", here ? here : "?", here ? here : "?");
		free(here);
	} else if (link_core_check(m->p, node) != AX_OK) {
		buf_printf(m->rep, _("the copy's core category '%s' was not "
		    "marked: %s\n"), path ? path : "?", project_errmsg(m->p));
	} else if (link_core_set(m->p, node) != AX_OK) {
		free(path);
		return merge_fail(m, m->p, AX_ERR_INPUT);
	}
	free(path);
	return AX_OK;
}

static enum ax_status
merge_from(struct project *p, struct project *other, struct refi_stats *st,
    struct buf *rep, char **err)
{
	struct merge m = {0};
	struct blind_status b;
	enum ax_status s;
	int64_t n;
	size_t j;

	m.p = p;
	m.o = other;
	m.st = st;
	m.rep = rep;
	/* A copy still in a hidden blind session shows each reader only
	 * their own codings: merging it would silently drop the rest. */
	if (blind_status(other, &b) == AX_OK && b.hidden) {
		blind_status_done(&b);
		*err = xstrdup(_("a blind session is still open there (not every "
		    "coder has marked their coding done), so its codings cannot "
		    "be read; finish or lift it first"));
		return AX_ERR_PERM;
	}
	blind_status_done(&b);
	m.hidden = blind_visible_coder(p) != 0;
	if (coder_list(other, &m.oc, &m.noc) != AX_OK ||
	    memo_list(other, MEMO_FREE, -1, &m.mo, &m.nmo) != AX_OK) {
		s = merge_fail(&m, other, AX_ERR_IO);
		goto out;
	}
	m.coder_map = xcalloc(m.noc + 1, sizeof *m.coder_map);
	/* A file from elsewhere (or an older axial) may hold display names this
	 * one refuses: cleaned, as an import cleans them (name.h). */
	for (j = 0; j < m.noc; j++) {
		char *dn = name_clean(NAME_CODER_NAME, m.oc[j].name,
		    m.oc[j].login, 0, NULL);

		free(m.oc[j].name);
		m.oc[j].name = dn;
	}
	if ((s = merge_maps(&m)) == AX_OK &&
	    (s = merge_codings(&m)) == AX_OK &&
	    (s = merge_coding_memos(&m)) == AX_OK &&
	    (s = merge_links(&m)) == AX_OK &&
	    (s = merge_storylines(&m)) == AX_OK)
		s = merge_core(&m);
	if (s == AX_OK && (n = m.blind_memos + m.blind_evidence) > 0)
		buf_printf(rep, ngettext("blind coding hides part of the copy's "
		    "work from you here: %lld memo or coding of link evidence "
		    "left out; merge again once the session has ended (nothing is "
		    "added twice)\n", "blind coding hides part of the copy's work "
		    "from you here: %lld memos and codings of link evidence left "
		    "out; merge again once the session has ended (nothing is added "
		    "twice)\n", (unsigned long)n), (long long)n);
out:
	if (s != AX_OK)
		*err = m.err != NULL ? m.err : xstrdup(project_errmsg(p));
	else
		free(m.err);
	free(m.coder_map);
	free(m.codings.v);
	free(m.docs.v);
	free(m.nodes.v);
	doc_list_free(m.od, m.nod);
	free(m.type_map);
	free(m.od_order);
	coder_list_free(m.oc, m.noc);
	memo_list_free(m.mo, m.nmo);
	link_type_list_free(m.ot, m.nt);
	return s;
}

/* Imports a .qdpx into a new temporary project; *dir to remove after. */
static enum ax_status
qdpx_to_project(const char *qdpx, uint64_t max, struct project **tp,
    char **dir, char **tpath, char **err)
{
	const char *tmp = getenv("TMPDIR");
	char *d, *data, *oerr = NULL;
	struct refi_stats ist;
	size_t len;
	enum ax_status s;

	*tp = NULL;
	*tpath = NULL;
	*dir = NULL;
	if ((data = textin_read(qdpx, TEXTIN_MERGE, max, &len, err)) == NULL)
		return AX_ERR_IO;
	d = xasprintf("%s/axial-merge-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(d) == NULL) {
		*err = xasprintf(_("cannot make a temporary directory: %s"), strerror(errno));
		free(d);
		free(data);
		return AX_ERR_IO;
	}
	*dir = d;
	*tpath = xasprintf("%s/other.axial", d);
	if (project_open(*tpath, PROJECT_CREATE, NULL, tp, &oerr) != AX_OK) {
		*err = oerr;
		free(data);
		return AX_ERR_IO;
	}
	if ((s = project_begin(*tp, "import")) != AX_OK) {
		*err = xstrdup(project_errmsg(*tp));
		free(data);
		return s;
	}
	s = refi_import_data_max(*tp, qdpx, data, len, max, false, &ist, err);
	free(data);
	refi_stats_done(&ist);
	if (s != AX_OK) {
		project_rollback(*tp);
		return s;
	}
	if ((s = project_commit(*tp)) != AX_OK)
		*err = xstrdup(project_errmsg(*tp));
	return s;
}

enum ax_status
merge_project(struct project *p, const char *other, uint64_t max,
    struct refi_stats *st, char **err)
{
	struct project *op = NULL;
	char *dir = NULL, *tpath = NULL, *oerr = NULL;
	struct buf rep = {0};
	enum importer_kind kind = importer_kind(other);
	uint64_t size;
	enum ax_status s;
	int fd;

	memset(st, 0, sizeof *st);
	*err = NULL;
	if (kind == IMPORTER_QDC) {
		*err = xstrdup(_("a codebook holds no codings to merge; use axial "
		    "import for a .qdc"));
		return AX_ERR_INPUT;
	}
	if (kind == IMPORTER_QDPX) {
		s = qdpx_to_project(other, max, &op, &dir, &tpath, err);
	} else if ((fd = textin_open(other, TEXTIN_MERGE, &size, err)) < 0) {
		/* A FIFO or a device, refused before SQLite opens it (and
		 * blocks on it); what is swapped in after this gets SQLite's
		 * own checks. */
		s = AX_ERR_INPUT;
	} else {
		close(fd);
		s = project_open(other, PROJECT_READONLY, NULL, &op, &oerr);
		if (s != AX_OK) {
			/* project_open's message already names the file. */
			const char *m = oerr ? oerr : "cannot open";
			size_t ol = strlen(other);

			if (strncmp(m, other, ol) == 0 && m[ol] == ':' && m[ol + 1] == ' ')
				m += ol + 2;
			*err = xstrdup(m);
			free(oerr);
		}
	}
	if (s == AX_OK)
		s = merge_from(p, op, st, &rep, err);
	project_close(op);
	if (tpath != NULL) {
		char *wal = xasprintf("%s-wal", tpath), *shm = xasprintf("%s-shm", tpath);

		unlink(tpath);
		unlink(wal);
		unlink(shm);
		free(wal);
		free(shm);
		free(tpath);
	}
	if (dir != NULL) {
		rmdir(dir);
		free(dir);
	}
	st->report = rep.s != NULL ? buf_take(&rep) : NULL;
	buf_done(&rep);
	return s;
}
