/*
 * agree-project.c: the project's codings fed to the agreement engine, and
 * kept current from the change log (see agree-project.h).
 *
 * Index maps: documents and codes are numbered in the order the store lists
 * them (interview order; tree order), coders in the order the caller names
 * them. Codings of other coders are ignored.
 */
#include <stdlib.h>
#include <string.h>

#include "stats/agree-project.h"
#include "store/blind.h"
#include "store/coder.h"
#include "store/codetree.h"
#include "store/coding.h"
#include "store/document.h"
#include "base/util.h"

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
	struct agree_state *st;
	int64_t cursor;
};

static long
find_id(const int64_t *ids, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)	/* small: tens of documents, hundreds of codes */
		if (ids[i] == id)
			return (long)i;
	return -1;
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
	ap->doc_name = ap->code_name = ap->cat_name = NULL;
	ap->doc_id = ap->code_id = NULL;
	ap->ndocs = ap->ncodes = ap->ncats = 0;
	agree_state_free(ap->st);
	ap->st = NULL;
}

/* Engine indices of a store coding; false when it is not counted. */
static bool
map_coding(const struct agree_project *ap, const struct coding *c,
    struct agree_coding *out)
{
	long d = find_id(ap->doc_id, ap->ndocs, c->doc);
	long k = find_id(ap->code_id, ap->ncodes, c->node);
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

static enum ax_status
build(struct agree_project *ap)
{
	struct project *p = ap->p;
	struct doc_info *docs = NULL;
	struct node *tree = NULL;
	struct coding *v = NULL;
	struct agree_doc *adocs = NULL;
	char **texts = NULL;
	int32_t *code_cat = NULL;
	int64_t *cat_ids = NULL, top_cat = 0;
	size_t ndocs = 0, nt = 0, nv = 0, i;
	enum ax_status s;

	free_maps(ap);
	ap->cursor = coding_changes_cursor(p);
	if ((s = doc_list(p, &docs, &ndocs)) != AX_OK ||
	    (s = codetree_load(p, &tree, &nt)) != AX_OK)
		goto out;
	ap->ndocs = ndocs;
	ap->doc_id = xcalloc(ndocs + 1, sizeof *ap->doc_id);
	ap->doc_name = xcalloc(ndocs + 1, sizeof *ap->doc_name);
	adocs = xcalloc(ndocs + 1, sizeof *adocs);
	texts = xcalloc(ndocs + 1, sizeof *texts);
	for (i = 0; i < ndocs; i++) {
		size_t len;

		ap->doc_id[i] = docs[i].id;
		ap->doc_name[i] = xstrdup(docs[i].name);
		if ((s = doc_text(p, docs[i].id, &texts[i], &len)) != AX_OK)
			goto out;
		adocs[i].text = texts[i];
		adocs[i].len = len;
	}
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
	ap->names.doc = (const char *const *)ap->doc_name;
	ap->names.code = (const char *const *)ap->code_name;
	ap->names.category = (const char *const *)ap->cat_name;
	ap->names.coder = (const char *const *)ap->coder_login;
	ap->st = agree_state_new(&ap->cfg, adocs, ndocs, ap->ncodes, code_cat, ap->ncats);
	if ((s = coding_list(p, NULL, &v, &nv)) != AX_OK)
		goto out;
	for (i = 0; i < nv; i++) {
		struct agree_coding c;

		if (map_coding(ap, &v[i], &c))
			agree_state_add_coding(ap->st, &c);
	}
out:
	for (i = 0; i < ndocs; i++)
		free(texts ? texts[i] : NULL);
	free(texts);
	free(adocs);
	free(cat_ids);
	free(code_cat);
	free(v);
	doc_list_free(docs, ndocs);
	codetree_free(tree, nt);
	return s;
}

enum ax_status
agree_project_new(struct project *p, const char *const *coders, int ncoders,
    const struct agree_config *cfg, unsigned flags, struct agree_project **out)
{
	struct agree_project *ap = xcalloc(1, sizeof *ap);
	enum ax_status s = AX_OK;
	int i;

	*out = NULL;
	if ((s = blind_check_figures(p)) != AX_OK) {
		free(ap);
		return s;
	}
	ap->p = p;
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
		if (v[i].removed)
			agree_state_remove_coding(ap->st, &c);
		else
			agree_state_add_coding(ap->st, &c);
		*changed = true;
	}
	free(v);
	return AX_OK;
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
