/*
 * agree-project.c: the project's codings fed to the agreement engine, and
 * kept current from the change log (see agree-project.h).
 *
 * Index maps: documents and codes are numbered in the order the store lists
 * them (interview order; tree order), coders in the order the caller names
 * them. Codings of other coders are ignored. Ids are found by binary
 * search in (id, index) pairs sorted by id: a large study maps a million
 * codings into thousands of documents.
 *
 * Lazy (AGREE_PROJECT_LAZY): the state starts with no document. The
 * first slice adds documents in order, each with its own query for its
 * codings (the first figures; the query seeks its rows, slow for many).
 * Then the codings are read by id a page at a time (coding_list_page: a
 * run of the table), into a bucket per document not yet added, skipping
 * those added; once all are read, one refresh more (reading ends a
 * slice), and the remaining documents are added from their buckets.
 * Changes: to an added document, into the state; to a bucket, by id,
 * when its id was read or lies past the ids being read (the pages read
 * the others as they are then). A page may read a row that a refresh
 * also reports: a refresh's put replaces the entry of its id (a page's
 * cannot meet one: its ids were neither read nor put before).
 * Invariant: a document is in the state or has a bucket, never both; a
 * bucket holds an id once.
 */
#include <stdlib.h>
#include <string.h>

#include "stats/agree-project.h"
#include "stats/agreement-ulive.h"
#include "store/blind.h"
#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/document.h"
#include "base/util.h"

struct idmap {
	int64_t id;
	size_t ix;
};

struct agree_project {
	struct project *p;
	struct agree_config cfg;
	unsigned flags;
	char **coder_login;
	int ncoders;
	int64_t *coder_id;
	int64_t *doc_id;		/* index -> id */
	size_t ndocs;
	int64_t *code_id;		/* index -> node id */
	size_t ncodes;
	char **doc_name, **code_name, **cat_name;
	size_t ncats;
	struct agree_names names;
	struct idmap *doc_map, *code_map;	/* sorted by id */
	struct agree_state *st;
	struct agree_ulive *ul;		/* AGREE_PROJECT_UNITIZE */
	size_t next_doc;		/* documents in the state */
	int64_t cursor;
	/* lazy */
	struct bucket *bucket;		/* per document not in the state */
	int phase;			/* enum phase */
	int64_t paged, upto;		/* codings read by id: (0, paged] of (0, upto] */
	const struct node *given;	/* the caller's tree, for the first build */
	size_t ngiven;
	enum ax_status text_status;	/* of doc_text_again's last read */
};

/* A coding waiting in its document's bucket (the bucket is the
 * document): at 10x the buckets hold a million at the end of the pages,
 * the pane's peak memory. */
struct bentry {
	int64_t id;
	uint32_t code, coder, start, end;
};

struct bucket {
	struct bentry *v;
	size_t n, cap;
};

enum phase { PH_QUERY, PH_PAGE, PH_SETTLE, PH_BUCKETS, PH_DONE };

/* codings read per page */
#define PAGE_ROWS 5000

static long
find_id(const int64_t *ids, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)	/* small: the coders, the categories */
		if (ids[i] == id)
			return (long)i;
	return -1;
}

static int
cmp_idmap(const void *a, const void *b)
{
	const struct idmap *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static struct idmap *
idmap_new(const int64_t *ids, size_t n)
{
	struct idmap *m = xcalloc(n + 1, sizeof *m);
	size_t i;

	for (i = 0; i < n; i++) {
		m[i].id = ids[i];
		m[i].ix = i;
	}
	qsort(m, n, sizeof *m, cmp_idmap);
	return m;
}

static long
idmap_find(const struct idmap *m, size_t n, int64_t id)
{
	struct idmap key = { id, 0 };
	const struct idmap *hit = n > 0 ? bsearch(&key, m, n, sizeof *m,
	    cmp_idmap) : NULL;

	return hit != NULL ? (long)hit->ix : -1;
}

static void
free_maps(struct agree_project *ap)
{
	size_t i;

	for (i = 0; i < ap->ndocs; i++)
		free(ap->doc_name[i]);
	for (i = 0; i < ap->ncodes; i++)
		free(ap->code_name[i]);
	for (i = 0; i < ap->ncats; i++)
		free(ap->cat_name[i]);
	free(ap->doc_name);
	free(ap->code_name);
	free(ap->cat_name);
	free(ap->doc_id);
	free(ap->code_id);
	free(ap->doc_map);
	free(ap->code_map);
	ap->doc_name = ap->code_name = ap->cat_name = NULL;
	ap->doc_id = ap->code_id = NULL;
	ap->doc_map = ap->code_map = NULL;
	for (i = 0; ap->bucket != NULL && i < ap->ndocs; i++)
		free(ap->bucket[i].v);
	free(ap->bucket);
	ap->bucket = NULL;
	ap->ndocs = ap->ncodes = ap->ncats = ap->next_doc = 0;
	agree_ulive_free(ap->ul);
	ap->ul = NULL;
	agree_state_free(ap->st);
	ap->st = NULL;
}

/* Engine indices of a store coding; false when it is not counted. */
static bool
map_coding(const struct agree_project *ap, const struct coding *c,
    struct agree_coding *out)
{
	long d = idmap_find(ap->doc_map, ap->ndocs, c->doc);
	long k = idmap_find(ap->code_map, ap->ncodes, c->node);
	long who = find_id(ap->coder_id, (size_t)ap->ncoders, c->coder);

	if (d < 0 || k < 0 || who < 0)
		return false;
	out->doc = (uint32_t)d;
	out->code = (uint32_t)k;
	out->coder = (uint32_t)who;
	out->start = (uint32_t)c->start;
	out->end = (uint32_t)c->end;
	return true;
}

static bool
bentry_is(const struct bentry *e, int64_t id, const struct agree_coding *c)
{
	return e->id == id && e->code == c->code && e->coder == c->coder &&
	    e->start == c->start && e->end == c->end;
}

/* A coding into its document's bucket; a refresh's (replace) takes the
 * place of the entry of its id, if one is there. */
static void
bucket_put(struct agree_project *ap, int64_t id, const struct agree_coding *c,
    bool replace)
{
	struct bucket *b = &ap->bucket[c->doc];
	struct bentry e = { id, c->code, c->coder, c->start, c->end };
	size_t i;

	for (i = 0; replace && i < b->n; i++)
		if (b->v[i].id == id) {
			b->v[i] = e;
			return;
		}
	if (b->n == b->cap) {	/* a quarter more: at 10x a million entries */
		b->cap += b->cap / 4 + 16;
		b->v = xrealloc(b->v, b->cap * sizeof *b->v);
	}
	b->v[b->n++] = e;
}

static void
bucket_remove(struct agree_project *ap, int64_t id, const struct agree_coding *c)
{
	struct bucket *b = &ap->bucket[c->doc];
	size_t i;

	for (i = 0; i < b->n; i++)
		if (bentry_is(&b->v[i], id, c)) {
			b->v[i] = b->v[--b->n];
			return;
		}
}

/* The document and the codings of its bucket. */
static enum ax_status
add_doc_bucket(struct agree_project *ap, size_t i)
{
	struct bucket *b = &ap->bucket[i];
	struct agree_doc d = {0};
	struct agree_coding *cv;
	char *text = NULL;
	size_t k;
	enum ax_status s;

	if ((s = doc_text_pass(ap->p, ap->doc_id[i], &text, &d.len)) != AX_OK)
		return s;
	d.text = text;
	agree_state_add_doc(ap->st, i, &d);
	cv = xcalloc(b->n + 1, sizeof *cv);
	for (k = 0; k < b->n; k++)
		cv[k] = (struct agree_coding){ (uint32_t)i, b->v[k].code,
		    b->v[k].coder, b->v[k].start, b->v[k].end };
	agree_state_add_codings(ap->st, cv, b->n);
	free(cv);
	free(b->v);
	memset(b, 0, sizeof *b);
	if (ap->ul != NULL) {
		agree_ulive_doc(ap->ul, ap->st, i, +1);
		agree_ulive_code(ap->ul, -1);	/* the length moved */
	}
	free(text);
	return AX_OK;
}

/* The counted ones of store codings v[0..n) into the state, at once. */
static void
add_mapped(struct agree_project *ap, const struct coding *v, size_t n)
{
	struct agree_coding *c = xcalloc(n + 1, sizeof *c);
	size_t i, nc = 0;

	for (i = 0; i < n; i++)
		nc += map_coding(ap, &v[i], &c[nc]);
	agree_state_add_codings(ap->st, c, nc);
	free(c);
}

/* A page of codings into the buckets; false when all are read. */
static enum ax_status
read_page(struct agree_project *ap, bool *more)
{
	struct coding *v = NULL;
	size_t n = 0, k;
	enum ax_status s;

	*more = false;
	if ((s = coding_list_page(ap->p, ap->paged, ap->upto, PAGE_ROWS, &v,
	    &n)) != AX_OK)
		return s;
	for (k = 0; k < n; k++) {
		struct agree_coding c;

		if (map_coding(ap, &v[k], &c) &&
		    !agree_state_doc_ready(ap->st, c.doc))
			bucket_put(ap, v[k].id, &c, false);
	}
	ap->paged = n > 0 ? v[n - 1].id : ap->upto;
	*more = ap->paged < ap->upto;
	free(v);
	return AX_OK;
}

/* Document i with its codings into the state (lazy), and its share of the
 * unitizing figures. */
static enum ax_status
add_doc(struct agree_project *ap, size_t i)
{
	struct coding_filter f = { ap->doc_id[i], 0, 0 };
	struct agree_doc d = {0};
	struct coding *v = NULL;
	char *text = NULL;
	size_t nv = 0;
	enum ax_status s;

	if ((s = doc_text_pass(ap->p, ap->doc_id[i], &text, &d.len)) != AX_OK ||
	    (s = coding_list(ap->p, &f, &v, &nv)) != AX_OK)
		goto out;
	d.text = text;
	agree_state_add_doc(ap->st, i, &d);
	add_mapped(ap, v, nv);
	if (ap->ul != NULL) {
		agree_ulive_doc(ap->ul, ap->st, i, +1);
		agree_ulive_code(ap->ul, -1);	/* the length moved */
	}
out:
	free(text);
	free(v);
	return s;
}

/* agree_text_fn: a few bytes of a document's text again, around a
 * coding added live (a page or two, whatever the document's size). */
static int
doc_text_again(void *ctx, size_t doc, size_t off, size_t n, char **text,
    size_t *len)
{
	struct agree_project *ap = ctx;

	ap->text_status = doc_text_range(ap->p, ap->doc_id[doc], off, n, text,
	    len);
	return ap->text_status == AX_OK ? 0 : -1;
}

/* A state taking documents one at a time, each with its codings next:
 * it keeps no document's bitmap but the newest (agree_state_text_source). */
static struct agree_state *
state_by_doc(struct agree_project *ap, const int32_t *code_cat)
{
	struct agree_state *st = agree_state_new_lazy(&ap->cfg, ap->ndocs,
	    ap->ncodes, code_cat, ap->ncats);

	agree_state_text_source(st, doc_text_again, ap);
	return st;
}

/*
 * Every document, one at a time: its text and codings are read for it and
 * let go before the next, so memory holds the state and one document.
 * Mode f numbers units across documents: it takes every text at once, and
 * one query for all codings.
 */
static enum ax_status
add_all(struct agree_project *ap, const int32_t *code_cat)
{
	struct agree_doc *adocs;
	char **texts;
	struct coding *v = NULL;
	size_t nv = 0, i;
	enum ax_status s = AX_OK;

	if (ap->cfg.unit != AGREE_UNIT_KXK) {
		ap->st = state_by_doc(ap, code_cat);
		for (i = 0; i < ap->ndocs && s == AX_OK; i++)
			s = add_doc(ap, i);
		ap->next_doc = ap->ndocs;
		return s;
	}
	adocs = xcalloc(ap->ndocs + 1, sizeof *adocs);
	texts = xcalloc(ap->ndocs + 1, sizeof *texts);
	for (i = 0; i < ap->ndocs && s == AX_OK; i++) {
		s = doc_text_pass(ap->p, ap->doc_id[i], &texts[i], &adocs[i].len);
		adocs[i].text = texts[i];
	}
	if (s == AX_OK)
		s = coding_list(ap->p, NULL, &v, &nv);
	if (s == AX_OK) {
		ap->st = agree_state_new(&ap->cfg, adocs, ap->ndocs, ap->ncodes,
		    code_cat, ap->ncats);
		ap->next_doc = ap->ndocs;
		add_mapped(ap, v, nv);
	}
	for (i = 0; i < ap->ndocs; i++)
		free(texts[i]);
	free(texts);
	free(adocs);
	free(v);
	return s;
}

static enum ax_status
build(struct agree_project *ap)
{
	struct project *p = ap->p;
	struct doc_info *docs = NULL;
	struct node *tree = NULL;
	int32_t *code_cat = NULL;
	int64_t *cat_ids = NULL, top_cat = 0;
	size_t ndocs = 0, nt = 0, i;
	enum ax_status s;

	free_maps(ap);
	ap->cursor = coding_changes_cursor(p);
	if ((s = doc_list(p, &docs, &ndocs)) != AX_OK)
		goto out;
	if (ap->given != NULL) {
		tree = (struct node *)ap->given;	/* read only */
		nt = ap->ngiven;
	} else if ((s = codetree_load(p, &tree, &nt)) != AX_OK)
		goto out;
	ap->ndocs = ndocs;
	ap->doc_id = xcalloc(ndocs + 1, sizeof *ap->doc_id);
	ap->doc_name = xcalloc(ndocs + 1, sizeof *ap->doc_name);
	for (i = 0; i < ndocs; i++) {
		ap->doc_id[i] = docs[i].id;
		ap->doc_name[i] = xstrdup(docs[i].name);
	}
	ap->doc_map = idmap_new(ap->doc_id, ndocs);
	ap->code_id = xcalloc(nt + 1, sizeof *ap->code_id);
	ap->code_name = xcalloc(nt + 1, sizeof *ap->code_name);
	ap->cat_name = xcalloc(nt + 1, sizeof *ap->cat_name);
	cat_ids = xcalloc(nt + 1, sizeof *cat_ids);
	code_cat = xcalloc(nt + 1, sizeof *code_cat);
	for (i = 0; i < nt; i++) {
		int64_t cat = (ap->flags & AGREE_PROJECT_SUBCATEGORY) ? tree[i].parent : top_cat;
		long ci;

		if (tree[i].depth == 0)
			top_cat = tree[i].kind == NODE_CATEGORY ? tree[i].id : 0;
		if (tree[i].kind != NODE_CODE)
			continue;
		if (!(ap->flags & AGREE_PROJECT_SUBCATEGORY))
			cat = tree[i].depth == 0 ? 0 : top_cat;
		ci = cat == 0 ? -1 : find_id(cat_ids, ap->ncats, cat);
		if (cat != 0 && ci < 0) {
			ci = (long)ap->ncats;
			cat_ids[ap->ncats] = cat;
			ap->cat_name[ap->ncats++] = codetree_path(p, cat);
		}
		code_cat[ap->ncodes] = (int32_t)ci;
		ap->code_id[ap->ncodes] = tree[i].id;
		ap->code_name[ap->ncodes++] = codetree_path(p, tree[i].id);
	}
	ap->code_map = idmap_new(ap->code_id, ap->ncodes);
	ap->names.doc = (const char *const *)ap->doc_name;
	ap->names.code = (const char *const *)ap->code_name;
	ap->names.category = (const char *const *)ap->cat_name;
	ap->names.coder = (const char *const *)ap->coder_login;
	/* mode f numbers units across documents: never lazy */
	ap->phase = PH_DONE;
	if ((ap->flags & AGREE_PROJECT_LAZY) && ap->cfg.unit != AGREE_UNIT_KXK) {
		ap->st = state_by_doc(ap, code_cat);
		ap->bucket = xcalloc(ndocs + 1, sizeof *ap->bucket);
		ap->phase = PH_QUERY;
		ap->paged = 0;
		ap->upto = INT64_MAX;	/* nothing read: the pages will */
	} else if ((s = add_all(ap, code_cat)) != AX_OK)
		goto out;
	if (ap->flags & AGREE_PROJECT_UNITIZE)
		ap->ul = agree_ulive_new(ap->st);
out:
	free(cat_ids);
	free(code_cat);
	doc_list_free(docs, ndocs);
	if (ap->given == NULL)
		codetree_free(tree, nt);
	ap->given = NULL;	/* a rebuild reads the tree anew */
	return s;
}

enum ax_status
agree_project_new(struct project *p, const char *const *coders, int ncoders,
    const struct agree_config *cfg, unsigned flags, struct agree_project **out)
{
	return agree_project_new_tree(p, coders, ncoders, cfg, flags, NULL, 0,
	    out);
}

enum ax_status
agree_project_new_tree(struct project *p, const char *const *coders,
    int ncoders, const struct agree_config *cfg, unsigned flags,
    const struct node *tree, size_t nt, struct agree_project **out)
{
	struct agree_project *ap = xcalloc(1, sizeof *ap);
	enum ax_status s = AX_OK;
	bool changed;
	int i;

	*out = NULL;
	if ((s = blind_check_figures(p)) != AX_OK) {
		free(ap);
		return s;
	}
	ap->p = p;
	ap->given = tree;
	ap->ngiven = nt;
	ap->cfg = *cfg;
	ap->cfg.ncoders = ncoders;
	ap->flags = flags;
	ap->ncoders = ncoders;
	ap->coder_id = xcalloc((size_t)ncoders, sizeof *ap->coder_id);
	ap->coder_login = xcalloc((size_t)ncoders, sizeof *ap->coder_login);
	for (i = 0; i < ncoders && s == AX_OK; i++) {
		ap->coder_login[i] = xstrdup(coders[i]);
		s = coder_find(p, coders[i], &ap->coder_id[i]);
	}
	if (s == AX_OK)
		s = build(ap);
	if (s == AX_OK && !(flags & AGREE_PROJECT_LAZY))
		s = agree_project_step(ap, 0, &changed);
	if (s != AX_OK) {
		agree_project_free(ap);
		return s;
	}
	*out = ap;
	return AX_OK;
}

void
agree_project_free(struct agree_project *ap)
{
	int i;

	if (ap == NULL)
		return;
	free_maps(ap);
	for (i = 0; i < ap->ncoders; i++)
		free(ap->coder_login[i]);
	free(ap->coder_login);
	free(ap->coder_id);
	free(ap);
}

enum ax_status
agree_project_refresh(struct agree_project *ap, bool *changed)
{
	struct coding_change *v = NULL;
	size_t n = 0, i;
	bool structure = false;
	enum ax_status s;

	*changed = false;
	if ((s = coding_changes_since(ap->p, &ap->cursor, &v, &n, &structure)) != AX_OK)
		return s;
	if (structure) {
		free(v);
		*changed = true;
		return build(ap);
	}
	for (i = 0; i < n; i++) {
		struct agree_coding c;

		if (!map_coding(ap, &v[i].c, &c))
			continue;
		if (!agree_state_doc_ready(ap->st, c.doc)) {
			/* ids not read yet: the pages read them as they are */
			if (v[i].c.id > ap->paged && v[i].c.id <= ap->upto)
				continue;
			if (v[i].removed)
				bucket_remove(ap, v[i].c.id, &c);
			else
				bucket_put(ap, v[i].c.id, &c, true);
			*changed = true;
			continue;
		}
		if (ap->ul != NULL)
			agree_ulive_change(ap->ul, ap->st, c.doc, c.code, -1);
		if (v[i].removed)
			agree_state_remove_coding(ap->st, &c);
		else if (agree_state_add_coding(ap->st, &c) == -2)
			s = ap->text_status;	/* its text not read */
		if (ap->ul != NULL)
			agree_ulive_change(ap->ul, ap->st, c.doc, c.code, +1);
		*changed = true;
		if (s != AX_OK)
			break;
	}
	free(v);
	return s;
}

/* Whether a slice begun at t0 may do more; the first piece always. */
static bool
in_budget(uint64_t t0, uint64_t budget_ns, bool *first)
{
	bool ok = *first || budget_ns == 0 || clock_ns() - t0 < budget_ns;

	*first = false;
	return ok;
}

enum ax_status
agree_project_step(struct agree_project *ap, uint64_t budget_ns, bool *changed)
{
	uint64_t t0 = clock_ns(), used;
	enum ax_status s = AX_OK;
	bool more = true, first = true;

	*changed = false;
	/* changes first: into the state or the buckets */
	if (ap->phase != PH_DONE &&
	    (s = agree_project_refresh(ap, changed)) != AX_OK)
		return s;
	if (ap->phase == PH_SETTLE)
		ap->phase = PH_BUCKETS;		/* refreshed after the last page */
	if (ap->phase == PH_QUERY) {
		/* the first slice: the first documents, each its own query */
		while (ap->next_doc < ap->ndocs &&
		    in_budget(t0, budget_ns, &first)) {
			if ((s = add_doc(ap, ap->next_doc)) != AX_OK)
				return s;
			ap->next_doc++;
			*changed = true;
		}
		ap->phase = ap->next_doc < ap->ndocs ? PH_PAGE : PH_DONE;
		ap->upto = coding_max_id(ap->p);
		return AX_OK;
	}
	while (ap->phase == PH_PAGE && in_budget(t0, budget_ns, &first)) {
		if ((s = read_page(ap, &more)) != AX_OK)
			return s;
		if (!more)
			ap->phase = PH_SETTLE;	/* a refresh before any use */
	}
	if (ap->phase == PH_PAGE || ap->phase == PH_SETTLE) {
		if (ap->phase == PH_SETTLE && budget_ns == 0) {
			*changed = true;
			return agree_project_step(ap, 0, &more);
		}
		return AX_OK;
	}
	while (ap->phase == PH_BUCKETS && ap->next_doc < ap->ndocs &&
	    in_budget(t0, budget_ns, &first)) {
		if (!agree_state_doc_ready(ap->st, ap->next_doc) &&
		    (s = add_doc_bucket(ap, ap->next_doc)) != AX_OK)
			return s;
		ap->next_doc++;
		*changed = true;
	}
	if (ap->phase == PH_BUCKETS && ap->next_doc == ap->ndocs)
		ap->phase = PH_DONE;
	used = clock_ns() - t0;
	if (ap->ul != NULL && ap->phase == PH_DONE &&
	    agree_ulive_marked(ap->ul) > 0 &&
	    (first || budget_ns == 0 || used < budget_ns)) {
		agree_ulive_step(ap->ul, ap->st, budget_ns == 0 ? 0 :
		    used < budget_ns ? budget_ns - used : 1);
		*changed = true;
	}
	return AX_OK;
}

bool
agree_project_progress(const struct agree_project *ap, size_t *done,
    size_t *total)
{
	if (done != NULL)
		*done = ap->next_doc;
	if (total != NULL)
		*total = ap->ndocs;
	return ap->next_doc == ap->ndocs &&
	    (ap->ul == NULL || agree_ulive_marked(ap->ul) == 0);
}

bool
agree_project_unitize(const struct agree_project *ap,
    struct agree_unitize *uz, struct agree_ualpha *ua)
{
	if (ap->ul == NULL) {
		memset(uz, 0, sizeof *uz);
		memset(ua, 0, sizeof *ua);
		return false;
	}
	return agree_ulive_figures(ap->ul, uz, ua) &&
	    ap->next_doc == ap->ndocs;
}

const struct agree_state *
agree_project_state(const struct agree_project *ap)
{
	return ap->st;
}

const struct agree_names *
agree_project_names(const struct agree_project *ap)
{
	return &ap->names;
}

int64_t
agree_project_code_id(const struct agree_project *ap, size_t code)
{
	return code < ap->ncodes ? ap->code_id[code] : 0;
}
